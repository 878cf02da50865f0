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
        let mut reason = String::from("You don't know the sender well: reply, or decide later.");
        ask(&mut reason, &case.invitation.mutual);
        reason
    })
}

/// Adds " Ask Jane Roe, one of 12 mutual connections." when there are some.
fn ask(reason: &mut String, mutual: &MutualConnections) {
    let count = mutual.count.max(u32::try_from(mutual.names.len()).unwrap_or(u32::MAX));
    if count == 0 {
        return;
    }
    reason.push_str(" Ask ");
    match mutual.names.first() {
        Some(name) => reason.push_str(name),
        None if count == 1 => reason.push_str("your"),
        None => reason.push_str("one of your"),
    }
    match (mutual.names.first(), count) {
        (Some(_), 1) => reason.push_str(", your mutual connection."),
        (Some(_), n) => reason.push_str(&format!(", one of {n} mutual connections.")),
        (None, 1) => reason.push_str(" mutual connection."),
        (None, n) => reason.push_str(&format!(" {n} mutual connections.")),
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
