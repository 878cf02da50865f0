//! R2: the essay's second reason. Accepting is a tacit endorsement, so an unknown sender that
//! no rule above decided is one to consider: reply, or decide later. The mutual connections
//! never decide, but they are whom to ask.

use super::{Case, Rule};
use crate::invitation::MutualConnections;
use crate::verdict::Decision;

pub const RULE: Rule = Rule {
    id: "R2",
    title: "Accepting is an endorsement",
    reason: "When I add another person, it's a tacit endorsement of his or her credentials.",
    effect: Decision::Consider,
    default_on: true,
    hint: None,
    matcher,
};

fn matcher(case: &Case) -> Option<String> {
    // "Not decided above": every rule before R2 decides when it matches.
    (case.nothing_matched() && !case.sender_known()).then(|| {
        let ask = whom_to_ask(&case.invitation.mutual);
        ["You don't know the sender well: reply, or decide later.", &ask].concat()
    })
}

/// " Ask Jane Roe, one of 12 mutual connections." or nothing when there are none.
fn whom_to_ask(mutual: &MutualConnections) -> String {
    let count = mutual.count.max(mutual.names.len() as u32);
    match (mutual.names.first(), count) {
        (_, 0) => String::new(),
        (Some(name), 1) => format!(" Ask {name}, your mutual connection."),
        (Some(name), n) => format!(" Ask {name}, one of {n} mutual connections."),
        (None, 1) => " Ask your mutual connection.".to_string(),
        (None, n) => format!(" Ask one of your {n} mutual connections."),
    }
}

#[cfg(test)]
mod tests {
    use crate::invitation::{Invitation, MutualConnections};
    use crate::rules::Engine;
    use crate::settings::Settings;
    use crate::verdict::{Decision, NoteState};

    #[test]
    fn a_stranger_with_a_note_is_to_consider() {
        let mut inv = Invitation::person("A B");
        inv.message = Some("We met at RustConf, loved your talk on allocators.".into());
        let v = Engine::new(Settings::default()).classify(&inv).unwrap();
        assert_eq!((v.decision, v.note), (Decision::Consider, NoteState::Present));
        assert_eq!(v.rule_ids(), ["R2"]);
    }

    #[test]
    fn the_mutual_connections_are_whom_to_ask() {
        let mut inv = Invitation::person("A B");
        inv.message = Some("Loved your talk on allocators.".into());
        inv.mutual = MutualConnections { count: 12, names: vec!["John Roe".into()] };
        let v = Engine::new(Settings::default()).classify(&inv).unwrap();
        assert!(v.matches[0].reason.ends_with("Ask John Roe, one of 12 mutual connections."));
    }
}
