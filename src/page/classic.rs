//! The classic artdeco layout (about 2020 to 2026, DESIGN §4). Fixtures: `tests/fixtures/classic/`.
//!
//! Its BEM class names are its structure: they named the same parts for years, so this reader
//! finds each part by its class. Ignore and Accept are the first two controls of the action
//! container; a card with fewer is a suggestion or an acknowledgement.

use super::tree::{self, Target};
use super::{words, Card, Reading};
use crate::invitation::{Invitation, SenderKind};
use crate::text::fold;

/// Whether a snapshot's root, its first node, is a card of this generation.
pub fn is_card(card: &Card) -> bool {
    card.nodes[0].tag == "li" && card.has_class(0, "invitation-card")
}

pub fn read(card: &Card) -> Reading {
    let parts = Parts::of(card);
    let Some(actions) = parts.get(Part::Actions) else { return Reading::NotACard };
    let mut controls = card.find(actions, |n| matches!(n.tag, "button" | "a"));
    let (Some(ignore), Some(accept)) = (controls.next(), controls.next()) else {
        return Reading::NotACard;
    };
    if parts.get(Part::Newspaper).is_some() {
        return Reading::NotPerson { kind: SenderKind::Newsletter };
    }
    // The picture comes first and links to whoever invites; a note's own links say nothing of that.
    let outside_note =
        |&(i, _): &(usize, Target)| parts.get(Part::Note).is_none_or(|n| !card.contains(n, i));
    match tree::links(card, 0..card.nodes.len()).into_iter().find(outside_note) {
        Some((_, Target::Profile(slug))) => person(card, &parts, slug, [ignore, accept]),
        Some((_, Target::Other(kind))) => Reading::NotPerson { kind },
        None => Reading::Unreadable { why: "no link to the sender".into() },
    }
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

fn person(card: &Card, parts: &Parts, slug: String, controls: [usize; 2]) -> Reading {
    let Some(title) = parts.get(Part::Title).or(parts.get(Part::TvmTitle)) else {
        return Reading::Unreadable { why: "no title".into() };
    };
    let labels = controls.map(|c| tree::label(card, c));
    let name = tree::name(card, title, &labels);
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
