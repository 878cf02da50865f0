//! Reading LinkedIn's invitation page: which elements are cards, and what a card says.
//!
//! Each layout generation has its own reader, next to its fixtures under `tests/fixtures/`.
//! The content script hands over the HTML of the elements the [`PROFILE`] selects, and [`read_card`] turns
//! each snapshot into a [`Reading`].

use crate::invitation::{Invitation, SenderKind};

pub mod classic;
pub mod gen2025;
pub mod gen2026;
mod sdui;
pub mod snapshot;
pub mod tree;
pub mod words;

pub use snapshot::{parse_batch, Card, Node};

/// What the content script needs to know of the page, and nothing more.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Selects candidate cards, all generations together.
    pub cards: &'static str,
    /// The list that holds the cards: Vetted's summary line goes right before it.
    pub list: &'static str,
    /// Controls that look like invitation buttons: present without a readable card, they mean
    /// LinkedIn changed the layout (the canary).
    pub canary: &'static str,
}

pub const PROFILE: Profile = Profile {
    // One selector per generation; `read_card` tells them apart by the card's root.
    cards: concat!(
        r#"[role="listitem"][componentkey^="urn:li:invitation:"], "#, // 2026
        r#"div[data-view-name="pending-invitation"], "#,              // 2025
        "li.invitation-card",                                         // classic
    ),
    list: concat!(
        r#"main [data-testid="lazy-column"], "#,  // 2026
        r#"[data-view-name="invitation-list"], "#, // 2025
        "ul.mn-invitation-list",                  // classic
    ),
    // Ignore-like controls of each generation. English and Romance labels start with the verb,
    // German ones end with it.
    canary: concat!(
        r#"main button[aria-label^="Ignor"], main button[aria-label$="ignorieren"], "#, // 2026
        r#"[data-view-name="invitation-action"], "#,                                    // 2025
        ".invitation-card__action-container button",                                    // classic
    ),
};

/// What one candidate card turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A person's invitation: it gets a badge, placed at `anchor` (a node index of the card;
    /// the content script is given its [`Card::path`]).
    Person { invitation: Invitation, anchor: usize },
    /// An invitation from a newsletter, page, event or group: no verdict.
    NotPerson { kind: SenderKind },
    /// Not an invitation at all (a suggestion, an acknowledgement, a banner): nothing.
    NotACard,
    /// It looks like an invitation but cannot be read: no badge, and the reason for the log.
    Unreadable { why: String },
}

/// Reads one card, whichever generation it is.
/// Generations may be mixed on one page, so each card is dispatched by its own root element.
pub fn read_card(card: &Card) -> Reading {
    if card.nodes.is_empty() {
        return Reading::NotACard;
    }
    if !tree::is_well_formed(card) {
        return Reading::Unreadable { why: "malformed snapshot".into() };
    }
    if gen2026::is_card(card) {
        gen2026::read(card)
    } else if gen2025::is_card(card) {
        gen2025::read(card)
    } else if classic::is_card(card) {
        classic::read(card)
    } else {
        Reading::NotACard
    }
}
