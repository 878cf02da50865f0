//! R5: no reason given, and the user does not know the sender.

use super::{Case, Rule};
use crate::verdict::Decision;

pub const RULE: Rule = Rule {
    id: "R5",
    title: "No personal note",
    reason: "If the invitation doesn't say why you want to connect and I don't know you, I refuse.",
    effect: Decision::Refuse,
    default_on: true,
    hint: None,
    matcher,
};

fn matcher(case: &Case) -> Option<String> {
    (case.personal_note.is_none() && !case.sender_known())
        .then(|| "No personal note, and you don't know the sender.".to_string())
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
    use crate::rules::Engine;
    use crate::settings::Settings;
    use crate::verdict::{Decision, NoteState};

    #[test]
    fn a_stranger_without_a_note_is_refused() {
        let v = Engine::new(Settings::default()).classify(&Invitation::person("A B")).unwrap();
        assert_eq!((v.decision, v.note), (Decision::Refuse, NoteState::Missing));
        assert_eq!(v.rule_ids(), ["R5"]);
    }

    #[test]
    fn the_default_text_is_no_note() {
        let mut inv = Invitation::person("A B");
        inv.message = Some("I’d like to add you to my professional network on LinkedIn. - A B".into());
        let v = Engine::new(Settings::default()).classify(&inv).unwrap();
        assert_eq!(v.deciding_rule(), Some("R5"));
    }

    #[test]
    fn switched_off_it_leaves_the_stranger_to_consider() {
        let settings = Settings { rules_off: vec!["R5".into()], ..Settings::default() };
        let v = Engine::new(settings).classify(&Invitation::person("A B")).unwrap();
        assert_eq!((v.decision, v.note), (Decision::Consider, NoteState::Missing));
        assert_eq!(v.rule_ids(), ["R2"]);
    }
}
