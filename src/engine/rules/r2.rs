//! R2: the essay's second reason. Accepting is a tacit endorsement, so an unknown sender that
//! no rule above decided is one to consider: reply, or decide later. The mutual connections
//! never decide, but they are whom to ask.

use super::{Case, Rule};
use crate::invitation::MutualConnections;
use crate::verdict::{english, Because, Decision};
use std::borrow::Cow;

pub const RULE: Rule = Rule {
    id: "R2",
    title: english("Accepting is an endorsement"),
    reason: english(
        "When I add another person, it's a tacit endorsement of his or her credentials.",
    ),
    effect: Decision::Consider,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: None,
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for the invitation. To me, accepting is a kind of endorsement, so I connect with people I know. Could you tell me a little about yourself and why you'd like to connect?";

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    // "Not decided above": every rule before R2 decides when it matches.
    (case.nothing_matched() && !case.sender_known()).then(|| ask(&case.invitation.mutual))
}

/// The advice, and whom to ask among the mutual connections when there are some ("Ask Jane
/// Roe, one of your mutual connections."; the explanation lists them, with their count).
fn ask(mutual: &MutualConnections) -> Because<'_> {
    let count = mutual.count.max(u32::try_from(mutual.names.len()).unwrap_or(u32::MAX));
    let (key, english, detail) = match (mutual.names.first(), count) {
        (_, 0) => ("because_R2", "You don't know the sender well: reply, or decide later.", Cow::Borrowed("")),
        (Some(name), 1) => (
            "because_R2_ask_one",
            "You don't know the sender well: reply, or decide later. Ask $1, your mutual connection.",
            Cow::Borrowed(name.as_str()),
        ),
        (Some(name), _) => (
            "because_R2_ask",
            "You don't know the sender well: reply, or decide later. Ask $1, one of your mutual connections.",
            Cow::Borrowed(name.as_str()),
        ),
        (None, 1) => (
            "because_R2_ask_your",
            "You don't know the sender well: reply, or decide later. Ask your mutual connection.",
            Cow::Borrowed(""),
        ),
        (None, n) => (
            "because_R2_ask_count",
            "You don't know the sender well: reply, or decide later. Ask one of your $1 mutual connections.",
            Cow::Owned(n.to_string()),
        ),
    };
    Because::new(key, english, detail)
}

#[cfg(test)]
mod tests {
    use crate::invitation::{Invitation, MutualConnections};
    use crate::judge::Engine;
    use crate::settings::Settings;
    use crate::verdict::{Decision, NoteState};

    #[test]
    fn a_stranger_with_a_note_is_to_consider() {
        let mut inv = Invitation::person("A B");
        inv.message = Some("We met at RustConf, loved your talk on allocators.".into());
        let judge = Engine::new(Settings::default());
        let v = judge.classify(&inv).unwrap();
        assert_eq!((v.decision, v.note), (Decision::Consider, NoteState::Present));
        assert_eq!(v.rule_ids(), ["R2"]);
    }

    #[test]
    fn the_mutual_connections_are_whom_to_ask() {
        let mut inv = Invitation::person("A B");
        inv.message = Some("Loved your talk on allocators.".into());
        inv.mutual = MutualConnections { count: 12, names: vec!["John Roe".into()] };
        let judge = Engine::new(Settings::default());
        let v = judge.classify(&inv).unwrap();
        assert!(v.matches[0].reason().ends_with("Ask John Roe, one of your mutual connections."));
        assert_eq!((v.matches[0].key(), v.matches[0].detail()), ("because_R2_ask", "John Roe"));
    }
}
