//! K: the sender is someone the user knows (LinkedIn's own advice, quoted by the essay).

use super::{Case, Found, Rule};
use crate::verdict::{english, Because, Decision};

pub const RULE: Rule = Rule {
    id: "K",
    title: english("People you know"),
    reason: english(
        "Only accept an invitation if you know the sender and want them in your network.",
    ),
    effect: Decision::Accept,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: None,
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for the invitation. Good to be connected here too!";

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    let name = case.invitation.name.trim_ascii();
    Some(match case.known? {
        Found::Profile => Because::new(
            "because_K_profile",
            "$1 is on your list of people you know (same profile).",
            name,
        ),
        // The list has no handles: a known sender is found by profile or by name.
        Found::Name | Found::Handle => Because::new(
            "because_K_name",
            "$1 is on your list of people you know (same name).",
            name,
        ),
    })
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
    use crate::judge::Engine;
    use crate::settings::Settings;
    use crate::verdict::Decision;

    fn engine(known: &[&str]) -> Engine {
        Engine::new(Settings {
            known_people: known.iter().map(|s| s.to_string()).collect(),
            ..Settings::default()
        })
    }

    #[test]
    fn a_known_slug_accepts_whatever_the_name() {
        let mut inv = Invitation::person("Someone Else");
        inv.profile_slug = Some("ada-lovelace-1815".into());
        let judge = engine(&["https://www.linkedin.com/in/ada-lovelace-1815/"]);
        let v = judge.classify(&inv).unwrap();
        assert_eq!(v.decision, Decision::Accept);
        assert_eq!(v.rule_ids(), ["K"], "a known sender needs no note");
        assert_eq!(
            v.matches[0].reason(),
            "Someone Else is on your list of people you know (same profile)."
        );
    }

    #[test]
    fn a_known_name_matches_despite_case_accents_and_credentials() {
        let inv = Invitation::person("  ZOË  o'neil, PhD ");
        let judge = engine(&["Zoe O'Neil"]);
        let v = judge.classify(&inv).unwrap();
        assert_eq!(v.decision, Decision::Accept);
        assert_eq!(v.deciding_rule(), Some("K"));
    }

    #[test]
    fn a_stranger_is_not_known() {
        let inv = Invitation::person("Zoe Smith");
        let judge = engine(&["Zoe O'Neil"]);
        let v = judge.classify(&inv).unwrap();
        assert!(!v.rule_ids().contains(&"K"));
    }
}
