//! What the server-driven layouts (2025, 2026) share: plain lines of text about the sender, then
//! the controls (Ignore, then Accept), then the note. Their class names are hashed and change
//! with every release, so this reads by order and by link targets; each generation's reader only
//! finds its controls.

use super::tree::{self, Line, Target};
use super::{words, Card, Reading};
use crate::invitation::Invitation;
use crate::text::fold;

/// An invitation's two controls, as node indices.
#[derive(Clone, Copy, Debug)]
pub struct Controls {
    pub ignore: usize,
    /// The control after Ignore; Ignore itself when there is none, so that the note starts after it.
    pub accept: usize,
}

/// Reads an invitation card whose controls are known. The first link says who invites (the
/// picture comes first); the person's name is the first profile link with text.
pub fn read(card: &Card, controls: Controls) -> Reading {
    let about = 0..controls.ignore;
    let lines = tree::lines(card, about.clone(), tree::is_button);
    let links = tree::links(card, about);
    if let Some((_, Target::Other(kind))) = links.first() {
        return Reading::NotPerson { kind: *kind };
    }
    let named = links.into_iter().find_map(|(link, target)| match target {
        Target::Profile(slug) if has_text(card, link) => Some((link, slug)),
        _ => None,
    });
    match named {
        Some((link, slug)) => person(card, controls, &lines, link, slug),
        None => not_linked(&lines),
    }
}

/// A card without a named link: only its wording can tell what it is.
fn not_linked(lines: &[Line]) -> Reading {
    match lines.iter().find_map(|line| words::kind_from_status(&line.text)) {
        Some(kind) => Reading::NotPerson { kind },
        None => Reading::Unreadable { why: "no named link to the sender".into() },
    }
}

fn has_text(card: &Card, index: usize) -> bool {
    card.subtree(index).any(|i| card.nodes[i].is_text() && !card.nodes[i].text.is_empty())
}

fn person(card: &Card, controls: Controls, lines: &[Line], link: usize, slug: String) -> Reading {
    let labels = [tree::label(card, controls.ignore), tree::label(card, controls.accept)];
    let name = tree::name(card, link, &labels);
    if name.is_empty() {
        return Reading::Unreadable { why: "the profile link names no one".into() };
    }
    let mut invitation = Invitation::person(&name);
    invitation.profile_slug = Some(slug);
    describe(&mut invitation, after_name(card, lines, link));
    invitation.message = tree::shown_text(card, card.nodes[controls.accept].end..card.nodes.len());
    Reading::Person { invitation, anchor: tree::anchor(card, link) }
}

/// The lines after the one holding the name link.
fn after_name<'a>(card: &Card, lines: &'a [Line], link: usize) -> &'a [Line] {
    let held = |line: &Line| {
        card.subtree(link)
            .any(|i| card.nodes[i].is_text() && tree::line_element(card, i) == line.element)
    };
    match lines.iter().position(held) {
        Some(at) => &lines[at + 1..],
        None => lines,
    }
}

/// Fills in what the lines after the name say: the status line, the headline (every line up to
/// the first one of a known form), then the common organization, mutual connections and age.
pub fn describe(invitation: &mut Invitation, lines: &[Line]) {
    let mut rest = lines;
    if let Some((first, tail)) = rest.split_first() {
        if is_status(&first.text, &invitation.name) {
            invitation.status_line = first.text.clone();
            rest = tail;
        }
    }
    let mut headline: Vec<&str> = Vec::new();
    let mut in_headline = true;
    for line in rest {
        let known = classify(invitation, &line.text);
        in_headline &= !known;
        if in_headline {
            headline.push(&line.text);
        }
    }
    invitation.headline = crate::text::joined(&headline, " ");
}

/// Records a line of a known form; whether it was one.
fn classify(invitation: &mut Invitation, line: &str) -> bool {
    let folded = fold(line);
    if let Some(mutual) = words::mutual(line, &folded) {
        invitation.mutual = mutual;
    } else if let Some(org) = words::organization(line, &folded) {
        invitation.common_organization = Some(org);
    } else if words::is_age(&folded) {
        invitation.age = Some(line.to_string());
    } else {
        return false;
    }
    true
}

/// Whether a line is LinkedIn's status line: it starts with the sender's name, or first name,
/// and a lower-case verb ("Ada Lovelace is inviting you", "Ada möchte sich … vernetzen").
/// Headlines start with a role or a capital ("Ada Analytics founder").
fn is_status(line: &str, name: &str) -> bool {
    let (mut words, mut names) = (line.split_whitespace(), name.split_whitespace());
    let verb = match names.next() {
        None => words.next(),
        Some(first) => {
            if words.next() != Some(first) {
                return false;
            }
            // After the whole name, or else after its first word.
            let mut after_name = words.clone();
            if names.all(|n| after_name.next() == Some(n)) {
                after_name.next()
            } else {
                words.next()
            }
        }
    };
    verb.and_then(|w| w.chars().next()).is_some_and(char::is_lowercase)
}
