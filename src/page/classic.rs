//! The classic artdeco layout (about 2020 to 2026). Fixtures: `tests/fixtures/classic/`.
//!
//! Cards are `li.invitation-card` in `ul.mn-invitation-list`; their BEM class names named the
//! same parts for years, but none is needed any more: the card reads by structure (see
//! `structural.rs`), as every other. The title link holds the name (and on some cards the
//! headline), the member insights the mutual connections, the action container Ignore and
//! Accept, labelled "Ignore invitation from …" and "Accept …’s invitation", the note after them.

/// The card's signature, for the content script's fast search.
pub const SIGNATURE: &str = "li.invitation-card";

/// The list that holds the cards.
pub const LIST: &str = "ul.mn-invitation-list";
