//! The server-driven layout of 2025 (DESIGN §4). Fixtures: `tests/fixtures/gen2025/`.
//!
//! Cards and controls are marked by `data-view-name`, so Ignore and Accept are known without
//! reading a word: the first and second `invitation-action` controls. A card with fewer is a
//! suggestion or an acknowledgement.

use super::sdui::{self, Controls};
use super::{tree, Card, Reading};

const ACTION: &str = "invitation-action";

/// Whether a snapshot's root, its first node, is a card of this generation.
pub fn is_card(card: &Card) -> bool {
    card.attr(0, "data-view-name") == Some("pending-invitation")
}

pub fn read(card: &Card) -> Reading {
    // The mark may sit on each control or on the row holding both: take controls under it.
    let mut actions = card.find(0, |n| matches!(n.tag, "button" | "a")).filter(|&i| {
        card.attr(i, "data-view-name") == Some(ACTION)
            || tree::ancestors(card, i).any(|a| card.attr(a, "data-view-name") == Some(ACTION))
    });
    match (actions.next(), actions.next()) {
        (Some(ignore), Some(accept)) => sdui::read(card, Controls { ignore, accept }),
        _ => Reading::NotACard,
    }
}
