//! Reading a card by its structure, whatever its generation: lines of text about the sender, then
//! the controls (Ignore, then Accept), then the note. The server-driven layouts (2025, 2026) are
//! read this way only, as is any card whose generation no reader knows: their class names are
//! hashed and change with every release, so this reads by order, by link targets and by the
//! names the controls' labels give.

use super::controls::Controls;
use super::tree::{self, Line, Target};
use super::{words, Card, Reading};
use crate::invitation::Invitation;
use crate::text::fold;

/// Reads an invitation card whose controls are known. The first link says who invites (the
/// picture comes first).
pub fn read(card: &Card, controls: Controls) -> Reading {
    let about = 0..controls.first();
    let lines = tree::lines(card, about.clone(), tree::is_button);
    let links = tree::links(card, about);
    if let Some((_, Target::Other(kind))) = links.first() {
        return Reading::NotPerson { kind: *kind };
    }
    match sender(card, &links, &lines, &controls.labels(card)) {
        Some(sender) => person(card, controls, sender),
        // An Accept alone with no one behind it is some other Accept (a cookie banner's).
        None if controls.ignore.is_none() => Reading::NotACard,
        None => not_linked(&lines),
    }
}

/// Who invites, and where the card names them.
struct Sender {
    name: String,
    slug: Option<String>,
    /// The node the name was read from: the badge goes beside it.
    at: usize,
    /// The lines after the name: what they say of the sender.
    after: Vec<Line>,
}

/// The sender, by the strongest evidence the card has: the first profile link with text; else a
/// profile link whose picture or label names them; else the line the controls' labels name.
fn sender(card: &Card, links: &[(usize, Target)], lines: &[Line], labels: &[&str]) -> Option<Sender> {
    let profile = |&(link, ref target): &(usize, Target)| match target {
        Target::Profile(slug) => Some((link, slug.clone())),
        Target::Other(_) => None,
    };
    let mut profiles = links.iter().filter_map(profile);
    if let Some((link, slug)) = profiles.clone().find(|&(link, _)| has_text(card, link)) {
        let name = tree::name(card, link, labels);
        let after = after_name(card, lines, link, &name);
        return Some(Sender { name, slug: Some(slug), at: link, after });
    }
    if let Some((link, slug)) = profiles.next() {
        let name = pictured_name(card, link);
        let at = link;
        return Some(Sender { name, slug: Some(slug), at, after: lines.to_vec() });
    }
    let folded: Vec<String> = labels.iter().map(|l| fold(l)).collect();
    let named = |line: &Line| folded.iter().any(|l| words::holds_words(l, &[&fold(&line.text)], true));
    let at = lines.iter().position(named)?;
    let line = &lines[at];
    Some(Sender { name: line.text.clone(), slug: None, at: line.element, after: lines[at + 1..].to_vec() })
}

/// The name a textless profile link gives: its label, or its picture's description.
fn pictured_name(card: &Card, link: usize) -> String {
    let described = card.find(link, |n| n.tag == "img").find_map(|i| card.attr(i, "alt"));
    let name = card.attr(link, "aria-label").or(described).unwrap_or_default();
    super::snapshot::collapse(name).into_owned()
}

/// A card without a sender: only its wording can tell what it is.
fn not_linked(lines: &[Line]) -> Reading {
    match lines.iter().find_map(|line| words::kind_from_status(&line.text)) {
        Some(kind) => Reading::NotPerson { kind },
        None => Reading::Unreadable { why: "no named link to the sender".into() },
    }
}

fn has_text(card: &Card, index: usize) -> bool {
    card.subtree(index).any(|i| card.nodes[i].is_text() && !card.nodes[i].text.is_empty())
}

fn person(card: &Card, controls: Controls, sender: Sender) -> Reading {
    if sender.name.is_empty() {
        return Reading::Unreadable { why: "the profile link names no one".into() };
    }
    let mut invitation = Invitation::person(&sender.name);
    invitation.profile_slug = sender.slug;
    describe(&mut invitation, &sender.after);
    invitation.message = tree::shown_text(card, card.nodes[controls.last()].end..card.nodes.len());
    Reading::Person { invitation, anchor: tree::anchor(card, sender.at) }
}

/// The lines after the one holding the name link. Where that line goes on past the name (a
/// title and headline in one link, as classic cards write them), the rest is a line of its
/// own, unless it is only LinkedIn's marks ("Verified", "2nd").
fn after_name(card: &Card, lines: &[Line], link: usize, name: &str) -> Vec<Line> {
    let held = |line: &Line| {
        card.subtree(link)
            .any(|i| card.nodes[i].is_text() && tree::line_element(card, i) == line.element)
    };
    let Some(at) = lines.iter().position(held) else { return lines.to_vec() };
    let line = &lines[at];
    let mut after = Vec::with_capacity(lines.len() - at);
    let rest = line.text.strip_prefix(name).map(str::trim).unwrap_or_default();
    if !rest.is_empty() && !words::is_mark(&fold(rest)) {
        after.push(Line { element: line.element, text: rest.to_string() });
    }
    after.extend_from_slice(&lines[at + 1..]);
    after
}

/// Fills in what the lines after the name say: the status line, the headline (every line up to
/// the first one of a known form), then the common organization, mutual connections and age.
fn describe(invitation: &mut Invitation, lines: &[Line]) {
    let mut rest = lines;
    // The status line, and any copy of it a screen reader's text left visible.
    while let Some((first, tail)) = rest.split_first() {
        if !is_status(&first.text, &invitation.name) {
            break;
        }
        if invitation.status_line.is_empty() {
            invitation.status_line = first.text.clone();
        }
        rest = tail;
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
