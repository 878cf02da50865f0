//! The classic artdeco layout (about 2020 to 2026). Fixtures: `tests/fixtures/classic/`.
//!
//! Its BEM class names are its structure: they named the same parts for years, so where they
//! are present this reader finds each part by its class, whatever the card's root. Ignore and
//! Accept are the first two controls of the action container. Without those classes the card
//! is read by structure, as every other (see `structural.rs`).

use super::controls::Controls;
use super::tree::{self, Target};
use super::{words, Card, Reading};
use crate::invitation::{Invitation, SenderKind};
use crate::text::fold;

/// The card's signature, for the content script's fast search.
pub const SIGNATURE: &str = "li.invitation-card";

/// The list that holds the cards.
pub const LIST: &str = "ul.mn-invitation-list";

/// Ignore and Accept: the first two controls of the action container.
pub fn controls(card: &Card) -> Option<Controls> {
    let actions = Parts::of(card).get(Part::Actions)?;
    let mut controls = card.find(actions, |n| matches!(n.tag, "button" | "a"));
    match (controls.next(), controls.next()) {
        (Some(ignore), Some(accept)) => {
            Some(Controls { ignore: Some(ignore), accept: Some(accept) })
        }
        _ => None,
    }
}

/// Reads a card by its classes, or `None` when it has no title class to read the name from.
pub fn read(card: &Card, controls: Controls) -> Option<Reading> {
    let parts = Parts::of(card);
    let title = parts.get(Part::Title).or(parts.get(Part::TvmTitle))?;
    if parts.get(Part::Newspaper).is_some() {
        return Some(Reading::NotPerson { kind: SenderKind::Newsletter });
    }
    // The picture comes first and links to whoever invites; a note's own links say nothing of that.
    let outside_note =
        |&(i, _): &(usize, Target)| parts.get(Part::Note).is_none_or(|n| !card.contains(n, i));
    Some(match tree::links(card, 0..card.nodes.len()).into_iter().find(outside_note) {
        Some((_, Target::Profile(slug))) => person(card, &parts, title, slug, controls),
        Some((_, Target::Other(kind))) => Reading::NotPerson { kind },
        None => Reading::Unreadable { why: "no link to the sender".into() },
    })
}

/// The parts of a card this reader knows, by the class each carries: see [`CLASSES`].
#[derive(Clone, Copy)]
enum Part {
    Actions,
    Newspaper,
    Note,
    Title,
    TvmTitle,
    Subtitle,
    Insights,
    Time,
}

/// The class of each [`Part`], in its order.
const CLASSES: [&str; 8] = [
    "invitation-card__action-container",
    "invitation-card__icon--newspaper",
    "invitation-card__custom-message-container",
    "invitation-card__title",
    "invitation-card__tvm-title",
    "invitation-card__subtitle",
    "member-insights",
    "time-badge",
];

/// Each part of a card: the first element carrying its class, found in one pass over the card's
/// class names rather than one pass per part.
struct Parts([Option<usize>; CLASSES.len()]);

impl Parts {
    fn of(card: &Card) -> Parts {
        let mut parts = [None; CLASSES.len()];
        for i in card.find(0, |_| true) {
            for class in card.classes(i) {
                // Lengths first: most class names are none of these, and most differ in length.
                let named = |c: &&str| c.len() == class.len() && *c == class;
                if let Some(part) = CLASSES.iter().position(named) {
                    parts[part].get_or_insert(i);
                }
            }
        }
        Parts(parts)
    }

    fn get(&self, part: Part) -> Option<usize> {
        self.0[part as usize]
    }
}

/// The text of a part, as shown.
fn shown(card: &Card, part: Option<usize>) -> Option<String> {
    part.and_then(|i| tree::shown_text(card, card.subtree(i)))
}

fn person(card: &Card, parts: &Parts, title: usize, slug: String, controls: Controls) -> Reading {
    let name = tree::name(card, title, &controls.labels(card));
    if name.is_empty() {
        return Reading::Unreadable { why: "the title names no one".into() };
    }
    let mut invitation = Invitation::person(&name);
    invitation.profile_slug = Some(slug);
    invitation.headline = shown(card, parts.get(Part::Subtitle)).unwrap_or_default();
    invitation.mutual = shown(card, parts.get(Part::Insights))
        .and_then(|t| words::mutual(&t, &fold(&t)))
        .unwrap_or_default();
    invitation.age = shown(card, parts.get(Part::Time));
    invitation.message = shown(card, parts.get(Part::Note));
    Reading::Person { invitation, anchor: tree::anchor(card, title) }
}
