//! The classic artdeco layout (about 2020 to 2026, DESIGN §4). Fixtures: `tests/fixtures/classic/`.
//!
//! Its BEM class names are its structure: they named the same parts for years, so this reader
//! finds each part by its class. Ignore and Accept are the first two controls of the action
//! container; a card with fewer is a suggestion or an acknowledgement.

use super::tree::{self, Target};
use super::{words, Card, Node, Reading};
use crate::invitation::{Invitation, SenderKind};
use crate::text::fold;

/// Whether a snapshot's root is a card of this generation.
pub fn is_card(root: &Node) -> bool {
    root.tag == "li" && root.has_class("invitation-card")
}

pub fn read(card: &Card) -> Reading {
    let Some(actions) = part(card, "invitation-card__action-container") else {
        return Reading::NotACard;
    };
    let mut controls = card.find(actions, |n| matches!(&*n.tag, "button" | "a"));
    let (Some(ignore), Some(accept)) = (controls.next(), controls.next()) else {
        return Reading::NotACard;
    };
    if part(card, "invitation-card__icon--newspaper").is_some() {
        return Reading::NotPerson { kind: SenderKind::Newsletter };
    }
    let note = part(card, "invitation-card__custom-message-container");
    // The picture comes first and links to whoever invites; a note's own links say nothing of that.
    let outside_note = |&(i, _): &(usize, Target)| note.is_none_or(|n| !card.contains(n, i));
    match tree::links(card, 0..card.nodes.len()).into_iter().find(outside_note) {
        Some((_, Target::Profile(slug))) => person(card, slug, [ignore, accept], note),
        Some((_, Target::Other(kind))) => Reading::NotPerson { kind },
        None => Reading::Unreadable { why: "no link to the sender".into() },
    }
}

/// The first element carrying a class.
fn part(card: &Card, class: &'static str) -> Option<usize> {
    card.find(0, move |n| n.has_class(class)).next()
}

/// The text of the first element carrying a class, as shown.
fn part_text(card: &Card, class: &'static str) -> Option<String> {
    part(card, class).and_then(|i| tree::shown_text(card, card.subtree(i)))
}

fn person(card: &Card, slug: String, controls: [usize; 2], note: Option<usize>) -> Reading {
    let title =
        part(card, "invitation-card__title").or_else(|| part(card, "invitation-card__tvm-title"));
    let Some(title) = title else { return Reading::Unreadable { why: "no title".into() } };
    let labels = controls.map(|c| tree::label(card, c));
    let name = tree::name(card, title, &labels);
    if name.is_empty() {
        return Reading::Unreadable { why: "the title names no one".into() };
    }
    let mut invitation = Invitation::person(&name);
    invitation.profile_slug = Some(slug);
    invitation.headline = part_text(card, "invitation-card__subtitle").unwrap_or_default();
    invitation.mutual = part_text(card, "member-insights")
        .and_then(|t| words::mutual(&t, &fold(&t)))
        .unwrap_or_default();
    invitation.age = part_text(card, "time-badge");
    invitation.message = note.and_then(|n| tree::shown_text(card, card.subtree(n)));
    Reading::Person { invitation, anchor: tree::anchor(card, title) }
}
