//! Reading a card by its structure, whatever its generation: lines of text about the sender, then
//! the controls (Ignore, then Accept), then the note. The server-driven layouts (2025, 2026) are
//! read this way only, as is any card whose generation no reader knows: their class names are
//! hashed and change with every release, so this reads by order, by link targets and by the
//! names the controls' labels give.

use super::controls::Controls;
use super::tree::{self, Line, Target};
use super::{words, Card, Reading};
use crate::invitation::Invitation;
use crate::text::{fold, holds};

/// Reads an invitation card whose controls are known. The first link says who invites (the
/// picture comes first), unless the card's status line says it is not a person's invitation.
pub fn read(card: &Card, controls: Controls) -> Reading {
    let about = 0..controls.first();
    let lines = tree::lines(card, about.clone(), tree::is_button);
    let links = tree::links(card, about);
    if let Some((_, Target::Other(kind))) = links.first() {
        return Reading::NotPerson { kind: *kind };
    }
    // "Hannah Okafor invited you to subscribe to Rust in Production": Hannah's link is not the sender.
    if let Some(kind) =
        lines.iter().take(STATUS_LINES).find_map(|l| words::kind_from_status(&l.text))
    {
        return Reading::NotPerson { kind };
    }
    let Some((name, at, slug)) = sender(card, &links, controls, &controls.labels(card)) else {
        // An Accept alone with no one behind it is some other Accept (a cookie banner's).
        if controls.ignore.is_none() {
            return Reading::NotACard;
        }
        return Reading::Unreadable {
            why: "no sender: no profile link, no name in the labels".into(),
        };
    };
    let mut invitation = Invitation::person(&name);
    invitation.profile_slug = slug.cloned();
    let (pieces, after) = after_name(card, &lines, at, &name);
    let before = describe(card, &mut invitation, pieces.iter().chain(after));
    // The note follows the controls; where a release puts the controls last, it comes before them.
    let note = tree::shown_text(card, card.nodes[controls.last()].end..card.nodes.len());
    invitation.message = note.or_else(|| tree::shown_text(card, before?..controls.first()));
    Reading::Person { invitation, anchor: tree::anchor(card, at) }
}

/// How far down a card its status line may be: after a name (or a picture's and a name's) line.
const STATUS_LINES: usize = 3;

/// The sender's name, the node it is read from (the badge goes beside it) and their profile's
/// slug, by the strongest evidence the card has: the first profile link with text; else the
/// text the controls' labels name; else a profile link whose picture or label names them.
fn sender<'c>(
    card: &Card,
    links: &'c [(usize, Target)],
    controls: Controls,
    labels: &[&str],
) -> Option<(String, usize, Option<&'c String>)> {
    let mut profiles = links.iter().filter_map(|(link, target)| match target {
        Target::Profile(slug) => Some((*link, slug)),
        Target::Other(_) => None,
    });
    let first = profiles.clone().next();
    if let Some((link, slug)) = profiles.find(|&(link, _)| has_text(card, link)) {
        let name = tree::name(card, link, labels);
        if !name.is_empty() {
            return Some((name, link, Some(slug)));
        }
    }
    let slug = first.map(|(_, slug)| slug);
    let about = controls.first();
    if let Some(text) = named_text(card, about, labels) {
        return Some((card.nodes[text].text.to_string(), text, slug));
    }
    // The picture names them: the badge goes by the text that names them too, if any.
    let (link, _) = first?;
    let name = pictured_name(card, link);
    let at = named_text(card, about, &[&name]).unwrap_or(link);
    (!name.is_empty()).then_some((name, at, slug))
}

/// The first piece of text before the controls (`about`) that one of `labels` names (the
/// controls' labels, "Ignore an invitation to connect from Ada Lovelace", or a picture's): a text
/// node's index.
fn named_text(card: &Card, about: usize, labels: &[&str]) -> Option<usize> {
    let folded: Vec<String> = labels.iter().map(|l| fold(l)).collect();
    (0..about).find(|&i| {
        let node = &card.nodes[i];
        node.is_text()
            && !node.text.is_empty()
            && folded.iter().any(|l| words::holds_words(l, &[&fold(&node.text)], true))
    })
}

/// The name a textless profile link gives: its label, or its picture's description.
fn pictured_name(card: &Card, link: usize) -> String {
    let described = card.find(link, |n| n.tag == "img").find_map(|i| card.attr(i, "alt"));
    let name = card.attr(link, "aria-label").or(described).unwrap_or_default();
    super::snapshot::collapse(name).into_owned()
}

fn has_text(card: &Card, index: usize) -> bool {
    card.subtree(index).any(|i| card.nodes[i].is_text() && !card.nodes[i].text.is_empty())
}

/// What follows the name at `at`: the rest of its own line, and the lines after it. Where the
/// line goes on past the name (a title and a headline in one link, as classic cards write them),
/// each further piece is a line of its own (a classic card without mutual connections has its age
/// there too), leaving out LinkedIn's marks ("Verified", "2nd") and its labels, which name the
/// sender ("View Ada Lovelace’s profile").
fn after_name<'l>(
    card: &Card,
    lines: &'l [Line],
    at: usize,
    name: &str,
) -> (Vec<Line>, &'l [Line]) {
    let held = |line: &Line| {
        card.subtree(at)
            .any(|i| card.nodes[i].is_text() && tree::line_element(card, i) == line.element)
    };
    let Some(line) = lines.iter().position(held) else { return (Vec::new(), lines) };
    let element = lines[line].element;
    let pieces = (at..card.nodes[element].end)
        .map(|i| (i, &card.nodes[i]))
        .filter(|(_, n)| n.is_text() && !n.text.is_empty())
        .take_while(|&(i, _)| tree::line_element(card, i) == element)
        .map(|(_, n)| &*n.text)
        .filter(|t| !holds(name, t) && !holds(t, name) && !words::is_mark(&fold(t)))
        .map(|text| Line { element, text: text.to_string() });
    (pieces.collect(), &lines[line + 1..])
}

/// Fills in what the lines after the name say: the status line, the headline (its first line
/// and the lines beside it), then the common organization, mutual connections and age. Returns
/// where the lines after those start, if any: a note that comes before the controls.
fn describe<'l>(
    card: &Card,
    invitation: &mut Invitation,
    lines: impl Iterator<Item = &'l Line>,
) -> Option<usize> {
    let mut headline_group = None;
    for line in lines {
        // The status line, and any copy of it a screen reader's text left visible.
        if headline_group.is_none() && is_status(&line.text, &invitation.name) {
            if invitation.status_line.is_empty() {
                invitation.status_line = line.text.clone();
            }
            continue;
        }
        if classify(invitation, &line.text) {
            headline_group = Some(usize::MAX); // the headline has ended
            continue;
        }
        let group = tree::group(card, line.element);
        if *headline_group.get_or_insert(group) != group {
            return Some(line.element);
        }
        // Classic cards without mutual connections write the age in the headline's block.
        let (text, age) = words::split_age(&line.text);
        if age.is_some() {
            invitation.age = age.map(str::to_string);
            headline_group = Some(usize::MAX);
        }
        if !invitation.headline.is_empty() {
            invitation.headline.push(' ');
        }
        invitation.headline.push_str(text);
    }
    None
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
