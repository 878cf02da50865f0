//! R2: accepting is a tacit endorsement, so an unknown sender is one to consider.

use super::{Case, Rule};
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
    case.matched.is_empty()
        .then(|| "You don't know the sender well: reply, or decide later.".to_string())
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
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
}
