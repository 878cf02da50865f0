//! K: the sender is someone the user knows.

use super::{Case, Rule};
use crate::text::fold;
use crate::verdict::Decision;
use std::collections::HashSet;

pub const RULE: Rule = Rule {
    id: "K",
    title: "People you know",
    reason: "Only accept an invitation if you know the sender and want them in your network.",
    effect: Decision::Accept,
    default_on: true,
    hint: None,
    matcher,
};

fn matcher(case: &Case) -> Option<String> {
    let inv = case.invitation;
    let known = &case.engine.known;
    let by_slug = inv.profile_slug.as_ref().is_some_and(|s| known.slugs.contains(s.as_str()));
    if by_slug {
        return Some(format!("{} is on your list of people you know.", inv.name));
    }
    let name = person_name(&inv.name);
    (!name.is_empty() && known.names.contains(&name))
        .then(|| format!("{} is on your list of people you know.", inv.name))
}

/// The known-people list, split into profile slugs and normalised names.
pub struct KnownPeople {
    slugs: HashSet<String>,
    names: HashSet<String>,
}

impl KnownPeople {
    pub fn new(entries: &[String]) -> Self {
        let mut slugs = HashSet::new();
        let mut names = HashSet::new();
        for entry in entries {
            match profile_slug(entry) {
                Some(slug) => slugs.insert(slug),
                None => names.insert(person_name(entry)),
            };
        }
        KnownPeople { slugs, names }
    }
}

/// The slug of a profile URL or of "in/<slug>", lower-cased; `None` for a plain name.
pub fn profile_slug(entry: &str) -> Option<String> {
    let rest = entry.trim().split("/in/").nth(1).or_else(|| entry.trim().strip_prefix("in/"))?;
    let slug = rest.split(['/', '?', '#']).next()?.to_lowercase();
    (!slug.is_empty()).then_some(slug)
}

/// A full name as compared: folded, with credentials such as "PhD" left out.
pub fn person_name(name: &str) -> String {
    const CREDENTIALS: &[&str] = &["phd", "mba", "cpa", "md", "msc", "bsc", "dr", "prof"];
    fold(name)
        .split(' ')
        .filter(|w| !CREDENTIALS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invitation::Invitation;
    use crate::rules::Engine;
    use crate::settings::Settings;

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
        let v = engine(&["https://www.linkedin.com/in/ada-lovelace-1815/"]).classify(&inv).unwrap();
        assert_eq!(v.decision, Decision::Accept);
        assert_eq!(v.rule_ids(), ["K"]);
    }

    #[test]
    fn a_known_name_matches_despite_case_accents_and_credentials() {
        let inv = Invitation::person("  ZOË  o'neil, PhD ");
        let v = engine(&["Zoe O'Neil"]).classify(&inv).unwrap();
        assert_eq!(v.decision, Decision::Accept);
        assert_eq!(v.deciding_rule(), Some("K"));
    }

    #[test]
    fn a_stranger_is_not_known() {
        let inv = Invitation::person("Zoe Smith");
        let v = engine(&["Zoe O'Neil"]).classify(&inv).unwrap();
        assert!(!v.rule_ids().contains(&"K"));
    }
}
