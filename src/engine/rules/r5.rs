//! R5: the essay's fifth reason. No reason given, and the user does not know the sender.

use super::{Case, Rule};
use crate::verdict::{english, Because, Decision};

pub const RULE: Rule = Rule {
    id: "R5",
    title: english("No reason given"),
    reason: english("If the invitation doesn't have any specific information as to why you want to connect with me and I don't know you, I will refuse."),
    effect: Decision::Refuse,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: None,
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for the invitation. I only connect with people I know, or who tell me why they would like to connect. If there is a specific reason, I'd be glad to hear it.";

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    let no_reason = case.personal_note.is_some() && !case.note_gives_reason;
    let reasonless = case.personal_note.is_none() || no_reason;
    (reasonless && !case.sender_known()).then(|| match case.invitation.message {
        Some(_) if no_reason => Because::new(
            "because_R5_no_reason",
            "The note gives no reason to connect, and you don't know the sender.",
            "",
        ),
        Some(_) => Because::new(
            "because_R5_default_text",
            "Only LinkedIn's default text, and you don't know the sender.",
            "",
        ),
        None => Because::new(
            "because_R5_no_note",
            "No personal note, and you don't know the sender.",
            "",
        ),
    })
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
    use crate::judge::Engine;
    use crate::settings::Settings;
    use crate::verdict::{Decision, NoteState};

    #[test]
    fn a_stranger_without_a_note_is_refused() {
        let judge = Engine::new(Settings::default());
        let invitation = Invitation::person("A B");
        let v = judge.classify(&invitation).unwrap();
        assert_eq!((v.decision, v.note), (Decision::Refuse, NoteState::Missing));
        assert_eq!(v.rule_ids(), ["R5"]);
        assert_eq!(v.matches[0].reason(), "No personal note, and you don't know the sender.");
    }

    #[test]
    fn the_default_text_is_no_note() {
        let mut inv = Invitation::person("A B");
        inv.message =
            Some("I’d like to add you to my professional network on LinkedIn. - A B".into());
        let judge = Engine::new(Settings::default());
        let v = judge.classify(&inv).unwrap();
        assert_eq!((v.deciding_rule(), v.note), (Some("R5"), NoteState::Missing));
        assert!(v.matches[0].reason().starts_with("Only LinkedIn's default text"));
    }

    #[test]
    fn switched_off_it_leaves_the_stranger_to_consider() {
        let mut settings = Settings::default();
        settings.set_on("R5", false);
        let judge = Engine::new(settings);
        let invitation = Invitation::person("A B");
        let v = judge.classify(&invitation).unwrap();
        assert_eq!((v.decision, v.note), (Decision::Consider, NoteState::Missing));
        assert_eq!(v.rule_ids(), ["R2"]);
    }
}
