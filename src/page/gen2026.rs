//! The server-driven layout of 2026 (DESIGN §4). Fixtures: `tests/fixtures/gen2026/`.
//!
//! A card is a list item keyed by an invitation URN. Its controls carry no structural mark of
//! their own, so Ignore is found by its label's verb (in several languages) and Accept is the
//! control after it, a button or, on "follows you" cards, a link. A card without Ignore is a
//! suggestion ("Connect") or an acknowledgement ("… is now a connection"): not a card.

use super::sdui::{self, Controls};
use super::{tree, words, Card, Node, Reading};

/// Whether a snapshot's root is a card of this generation.
pub fn is_card(root: &Node) -> bool {
    root.attr("role") == Some("listitem")
        && root.attr("componentkey").is_some_and(|k| k.starts_with("urn:li:invitation:"))
}

pub fn read(card: &Card) -> Reading {
    match controls(card) {
        Some(controls) => sdui::read(card, controls),
        None => Reading::NotACard,
    }
}

/// Ignore (a button labelled with the verb) and the labelled control after it.
fn controls(card: &Card) -> Option<Controls> {
    let labelled = |n: &Node| matches!(n.tag.as_str(), "button" | "a") && n.attr("aria-label").is_some();
    let ignore = card.find(0, move |n| labelled(n) && tree::is_button(n))
        .find(|&i| words::is_ignore(tree::label(card, i)))?;
    let after = card.nodes[ignore].end..card.nodes.len();
    let accept = after.clone().find(|&i| labelled(&card.nodes[i])).unwrap_or(ignore);
    Some(Controls { ignore, accept })
}
