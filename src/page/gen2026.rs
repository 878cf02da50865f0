//! The server-driven layout of 2026, the current one. Fixtures: `tests/fixtures/gen2026/`.
//!
//! Inside `main`, a `[data-testid="lazy-column"]` lists the invitations, each a list item whose
//! `componentkey` starts with `urn:li:invitation:`. The key is a hint only: a public, sanitized
//! copy of the live page has list items without it, so the cards are read by their controls
//! (see `controls.rs`) and their lines (see `structural.rs`). Ignore is a button labelled with
//! the verb; Accept follows it, a button or, on "follows you" cards, a link.

/// The card's signature, for the content script's fast search.
pub const SIGNATURE: &str = r#"[role="listitem"][componentkey^="urn:li:invitation:"]"#;

/// The list that holds the cards.
pub const LIST: &str = r#"main [data-testid="lazy-column"]"#;

#[cfg(test)]
mod tests {
    use crate::invitation::SenderKind;
    use crate::page::tree::tests::card;
    use crate::page::{read_card, Reading};

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
    fn a_card_without_ignore_or_accept_is_not_a_card() {
        let suggestion = card(&[
            KEY,
            "1 a href=/in/ada/",
            "2 # Ada",
            "1 button aria-label=Invite+Ada+to+connect",
        ]);
        assert_eq!(read_card(&suggestion), Reading::NotACard);
    }
}
