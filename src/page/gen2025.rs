//! The server-driven layout of 2025. Fixtures: `tests/fixtures/gen2025/`.
//!
//! Cards are `div[data-view-name="pending-invitation"]`, and their controls are marked
//! `data-view-name="invitation-action"`: the first Ignore, the second Accept, known without
//! reading a word. Public scripts disagree on where the controls sit (inside the card, or beside
//! it in its list item), so the mark is only a hint: the list item is read by the same rules.

use super::controls::{self, Controls};
use super::{tree, Card};

/// The card's signature, for the content script's fast search.
pub const SIGNATURE: &str = r#"div[data-view-name="pending-invitation"]"#;

const ACTION: &str = "invitation-action";

/// Ignore and Accept by their mark, which may sit on each control or on the row holding both.
pub fn controls(card: &Card) -> Option<Controls> {
    controls::first_two(card.find(0, |n| matches!(n.tag, "button" | "a")).filter(|&i| {
        card.attr(i, "data-view-name") == Some(ACTION)
            || tree::ancestors(card, i).any(|a| card.attr(a, "data-view-name") == Some(ACTION))
    }))
}
