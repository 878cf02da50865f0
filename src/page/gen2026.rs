//! The server-driven layout of 2026 (DESIGN §4). Fixtures: `tests/fixtures/gen2026/`.
//!
//! A card is a list item keyed by an invitation URN. Its controls carry no structural mark of
//! their own, so Ignore is found by its label's verb (in several languages) and Accept is the
//! control after it, a button or, on "follows you" cards, a link. A card without Ignore is a
//! suggestion ("Connect") or an acknowledgement ("… is now a connection"): not a card.

use super::sdui::{self, Controls};
use super::{tree, words, Card, Reading};

/// Whether a snapshot's root, its first node, is a card of this generation.
pub fn is_card(card: &Card) -> bool {
    card.attr(0, "role") == Some("listitem")
        && card.attr(0, "componentkey").is_some_and(|k| k.starts_with("urn:li:invitation:"))
}

pub fn read(card: &Card) -> Reading {
    match controls(card) {
        Some(controls) => sdui::read(card, controls),
        None => Reading::NotACard,
    }
}

/// Ignore (a button labelled with the verb) and the labelled control after it.
fn controls(card: &Card) -> Option<Controls> {
    let labelled = |i: usize| {
        matches!(card.nodes[i].tag, "button" | "a") && card.attr(i, "aria-label").is_some()
    };
    let ignore = card
        .find(0, |_| true)
        .filter(|&i| labelled(i) && tree::is_button(card, i))
        .find(|&i| words::is_ignore(tree::label(card, i)))?;
    let after = card.nodes[ignore].end..card.nodes.len();
    let accept = after.clone().find(|&i| labelled(i)).unwrap_or(ignore);
    Some(Controls { ignore, accept })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invitation::SenderKind;
    use crate::page::read_card;
    use crate::page::tree::tests::card;

    const KEY: &str = "0 div role=listitem componentkey=urn:li:invitation:1";

    #[test]
    fn a_card_without_links_is_known_by_its_wording_or_unreadable() {
        let ignore = "1 button aria-label=Ignore+an+invitation";
        let newsletter =
            card(&[KEY, "1 p", "2 # Hannah invited you to subscribe to Rust Weekly", ignore]);
        assert_eq!(read_card(&newsletter), Reading::NotPerson { kind: SenderKind::Newsletter });
        let nameless = card(&[KEY, "1 p", "2 # Someone", ignore]);
        assert!(matches!(read_card(&nameless), Reading::Unreadable { .. }));
    }

    #[test]
    fn a_card_without_ignore_is_not_a_card() {
        let suggestion = card(&[
            KEY,
            "1 a href=/in/ada/",
            "2 # Ada",
            "1 button aria-label=Invite+Ada+to+connect",
        ]);
        assert_eq!(read_card(&suggestion), Reading::NotACard);
    }
}
