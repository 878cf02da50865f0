//! The classic artdeco layout (about 2020 to 2026). Fixtures: `tests/fixtures/classic/`.
//!
//! Cards are `li.invitation-card` in `ul.mn-invitation-list`. Its one mark this reader still
//! asks for is the action container, whose first two controls are Ignore and Accept (known so
//! even where their labels are in a language Vetted does not know). The rest reads by structure
//! (see `structural.rs`), as every other card: the title link holds the name (and on some cards
//! the headline), the member insights the mutual connections, the note follows the controls.

use super::controls::{self, Controls};
use super::Card;

/// The card's signature, for the content script's fast search.
pub const SIGNATURE: &str = "li.invitation-card";

/// The list that holds the cards.
pub const LIST: &str = "ul.mn-invitation-list";

const ACTIONS: &str = "invitation-card__action-container";

/// Ignore and Accept: the first two controls of the action container.
pub fn controls(card: &Card) -> Option<Controls> {
    let actions = card.find(0, |_| true).find(|&i| card.has_class(i, ACTIONS))?;
    controls::first_two(card.find(actions, |n| matches!(n.tag, "button" | "a")))
}
