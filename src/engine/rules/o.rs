//! O: LinkedIn's advice quoted by the essay, accept those you have worked with and would
//! recommend. The headline or LinkedIn's common organization line names one of the user's own
//! organizations: to consider, before R5. A common organization the user did not list still
//! matches, but decides only after R4.

use super::{Case, Lists, Rule, Vocabulary};
use crate::text::Lexicon;
use crate::verdict::{english, Because, Decision};

pub const RULE: Rule = Rule {
    id: "O",
    title: english("Your own organizations"),
    reason: english("Accept invitations when you've worked with them and would recommend them."),
    effect: Decision::Consider,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: Some(add_terms),
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for the invitation. I see we share an organization: could you remind me where our paths crossed?";

fn add_terms(lexicon: &mut Lexicon, lists: &Lists) {
    let own = lists.own_organizations.iter().map(String::as_str);
    Vocabulary::OwnOrganization.add(lexicon, own);
}

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    if let Some(organization) = case.headline.hit(Vocabulary::OwnOrganization) {
        let says = (
            "because_O_headline",
            "Headline names your organization \"$1\": accept if you would recommend them.",
        );
        return Some(Because::new(says.0, says.1, organization));
    }
    // LinkedIn only shows the line for an organization the user shares, listed or not.
    let common = case
        .invitation
        .common_organization
        .as_deref()
        .map(str::trim_ascii)
        .filter(|o| !o.is_empty())?;
    let says = (
        "because_O_common",
        "LinkedIn shows \"$1\" as a common organization: accept if you worked with them and would recommend them.",
    );
    let because = Because::new(says.0, says.1, common);
    // One of the user's own organizations decides before R5: a colleague without a note may
    // well be known to them. One only LinkedIn names (a university of thousands) decides late.
    Some(if case.common.hit(Vocabulary::OwnOrganization).is_some() {
        because
    } else {
        because.late()
    })
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
    use crate::judge::Engine;
    use crate::settings::Settings;
    use crate::verdict::Decision;

    #[test]
    fn the_users_organization_in_the_headline() {
        let settings =
            Settings { own_organizations: vec!["Acme Corp".into()], ..Settings::default() };
        let mut inv = Invitation::person("A B");
        inv.headline = "Data engineer at ACME corp.".into();
        inv.message = Some("Hello from the data team!".into());
        let judge = Engine::new(settings);
        let v = judge.classify(&inv).unwrap();
        assert_eq!((v.decision, v.rule_ids()), (Decision::Consider, vec!["O"]));
        assert!(v.matches[0].reason().contains("\"Acme Corp\""));
    }

    #[test]
    fn linkedins_common_organization_line() {
        let mut inv = Invitation::person("A B");
        inv.common_organization = Some("ETH Zürich".into());
        inv.message = Some("Hello! Loved your paper on lock-free queues.".into());
        let judge = Engine::new(Settings::default());
        let v = judge.classify(&inv).unwrap();
        assert_eq!(v.deciding_rule(), Some("O"));
    }
}
