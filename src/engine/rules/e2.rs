//! E2: the essay's second exception, people met on other channels.

use super::{Case, Found, Rule};
use crate::verdict::{english, Because, Decision};

pub const RULE: Rule = Rule {
    id: "E2",
    title: english("Met on other channels"),
    reason: english("I have met people in other social media channels and included them in my LinkedIn network."),
    effect: Decision::Accept,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: None,
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, good to meet you here as well! Thank you for the invitation; I'm glad to have you in my LinkedIn network.";

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    let (key, english) = match case.met? {
        Found::Profile => (
            "because_E2_profile",
            "$1 is on your list of people met on other channels (same profile).",
        ),
        Found::Name => {
            ("because_E2_name", "$1 is on your list of people met on other channels (same name).")
        }
        Found::Handle => (
            "because_E2_handle",
            "$1 is on your list of people met on other channels (same handle).",
        ),
    };
    Some(Because::new(key, english, case.invitation.name.trim_ascii()))
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
    use crate::judge::Engine;
    use crate::settings::Settings;
    use crate::verdict::Decision;

    fn engine(met: &[&str]) -> Engine {
        Engine::new(Settings {
            met_elsewhere: met.iter().map(|s| s.to_string()).collect(),
            ..Settings::default()
        })
    }

    #[test]
    fn a_handle_or_a_name_from_elsewhere_accepts() {
        let mut inv = Invitation::person("Ferris the Crab 🦀");
        inv.profile_slug = Some("ferris-crab-99a1".into());
        let judge = engine(&["@ferris_crab"]);
        let v = judge.classify(&inv).unwrap();
        assert_eq!((v.decision, v.rule_ids()), (Decision::Accept, vec!["E2"]));
        let judge = engine(&["Ferris the Crab"]);
        let v = judge.classify(&inv).unwrap();
        assert_eq!(v.deciding_rule(), Some("E2"));
    }

    #[test]
    fn switched_off_the_sender_still_counts_as_known() {
        let mut settings =
            Settings { met_elsewhere: vec!["Ada Lovelace".into()], ..Settings::default() };
        settings.set_on("E2", false);
        let judge = Engine::new(settings);
        let invitation = Invitation::person("Ada Lovelace");
        let v = judge.classify(&invitation).unwrap();
        assert_eq!(
            (v.decision, v.rule_ids()),
            (Decision::Consider, vec![]),
            "no R5: she is not unknown"
        );
    }
}
