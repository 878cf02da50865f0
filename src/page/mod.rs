//! Reading LinkedIn's invitation pages: which elements are cards, and what a card says.
//!
//! A card is an element holding an invitation's controls (Ignore, then Accept) and its sender
//! (`controls.rs`). The content script finds candidates by the known generations' signatures
//! (a fast search) and by control-like elements whose words say Ignore or Accept (which finds
//! cards of any markup), climbing from a control to the list item that holds it; [`read_card`]
//! turns each candidate's snapshot into a [`Reading`]. Each generation's hints sit in its own
//! file, next to its fixtures under `tests/fixtures/`.

use crate::invitation::{Invitation, SenderKind};

pub mod classic;
pub mod controls;
pub mod gen2025;
pub mod gen2026;
pub mod invite;
pub mod snapshot;
mod structural;
pub mod tree;
pub mod words;

pub use snapshot::{parse_batch, Card, Node};

/// What the content script needs to know of the page, and nothing more.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Selects candidate cards by the known generations' signatures: the fast search.
    pub cards: &'static str,
    /// The list that holds the cards: Vetted's summary line goes right before it.
    pub list: &'static str,
    /// Control-like elements: among them, those whose label or text says Ignore or Accept
    /// ([`words::IGNORE_PATTERN`], [`words::ACCEPT_PATTERN`]) start the search for cards of any
    /// markup; Ignore controls present without a readable card mean LinkedIn changed the layout
    /// (the canary). Accept alone is no sign: a cookie banner has one.
    pub controls: &'static str,
    /// Elements that are one item of a list: the search from a control stops at the first that
    /// holds it.
    pub items: &'static str,
    /// Elements a card never is, only sits in: the search from a control stops below them.
    pub regions: &'static str,
    /// The pages that show invitations, a regular expression's source matched against the URL's
    /// path: the manager of received invitations (every view of it, `/received/ALL/` …) and My
    /// Network (`/mynetwork/`, `/mynetwork/grow/`), whose preview shows the newest. LinkedIn
    /// reaches them without a reload. `build.sh` writes it into `preload.js`, which needs it
    /// before the core is loaded.
    pub pages: &'static str,
    /// LinkedIn's own theme (Settings > Display > Dark mode, whatever the system's) marks
    /// `<html>` (or `<body>`) with classes: `dark` and `light` select each theme's marks.
    /// Without a mark the content script goes by the page's background, then by the system's.
    pub dark: &'static str,
    pub light: &'static str,
    /// The settings' list of people the user knows, to which "I know them" adds the card's
    /// `know` (see `boundary/card_result.rs`).
    pub known_list: &'static str,
    /// The message keys of a rule's title, the essay's reason and the rule's hint: `$1` is the
    /// rule's id (see `Rule` in `src/engine/rules/`; `tests/locales.rs` checks every key exists).
    pub title: &'static str,
    pub essay: &'static str,
    pub hint: &'static str,
}

pub const PROFILE: Profile = Profile {
    cards: concat!(
        r#"[role="listitem"][componentkey^="urn:li:invitation:"], "#, // gen2026::SIGNATURE
        r#"div[data-view-name="pending-invitation"], "#,              // gen2025::SIGNATURE
        "li.invitation-card",                                         // classic::SIGNATURE
    ),
    list: concat!(
        r#"main [data-testid="lazy-column"], "#,   // gen2026::LIST
        r#"[data-view-name="invitation-list"], "#, // 2025
        "ul.mn-invitation-list",                   // classic::LIST
    ),
    controls: r#"button, a[aria-label], [role="button"]"#,
    items: r#"li, [role="listitem"], article, [role="article"]"#,
    // Page-level containers only: a card may well be a section, and hold a header or a footer.
    regions: r#"body, main, dialog, aside, nav, [role="main"], [role="dialog"], [role="region"]"#,
    pages: r"^/mynetwork(/(grow|invitation-manager)(/|$)|/?$)",
    dark: ".theme--dark,.theme--mercado-dark",
    light: ".theme--light,.theme--mercado",
    known_list: "known_people",
    title: "rule_$1_title",
    essay: "rule_$1_reason",
    hint: "rule_$1_hint",
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

/// Reads one card, whatever its generation: by its controls, then by the classic classes where
/// it has them, else by its structure.
pub fn read_card(card: &Card) -> Reading {
    if card.nodes.is_empty() {
        return Reading::NotACard;
    }
    if !tree::is_well_formed(card) {
        return Reading::Unreadable { why: "malformed snapshot".into() };
    }
    let Some(controls) = controls::find(card) else { return Reading::NotACard };
    structural::read(card, controls)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast search's selectors are the generations' own, written once beside their evidence.
    #[test]
    fn the_profile_names_each_generations_signature() {
        for signature in [gen2026::SIGNATURE, gen2025::SIGNATURE, classic::SIGNATURE] {
            assert!(PROFILE.cards.contains(signature), "{signature}");
        }
        assert!(PROFILE.list.contains(gen2026::LIST) && PROFILE.list.contains(classic::LIST));
    }

    /// What the content script is told besides where cards are: every rule's messages exist
    /// (tests/locales.rs), and the list "I know them" adds to is the settings' list of people
    /// the user knows.
    #[test]
    fn the_profile_names_the_rules_messages_and_the_known_people_list() {
        for pattern in [PROFILE.title, PROFILE.essay, PROFILE.hint] {
            assert_eq!(pattern.replace("$1", "R1").matches("R1").count(), 1, "{pattern}");
        }
        use crate::settings::{self, Count, Value};
        let mut fields = settings::Fields::new();
        fields.insert(PROFILE.known_list.into(), Value::Array(vec![Value::String("Ada".into())]));
        let read = settings::read(&Value::Object(fields), &mut Count::default());
        assert_eq!(read.known_people, ["Ada"]);
    }

    /// The pages pattern, as `preload.js` gets it: a path anchored at its start, on My Network.
    #[test]
    fn the_profile_names_the_invitations_pages() {
        assert!(PROFILE.pages.starts_with("^/mynetwork("), "{}", PROFILE.pages);
        assert!(PROFILE.dark.contains(".theme--dark") && PROFILE.light.contains(".theme--light"));
    }
}
