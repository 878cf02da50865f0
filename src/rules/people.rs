//! Recognising a sender on one of the user's lists of people (rules K and E2): by profile
//! slug first, else by full name, else (for E2) by a handle used on another channel.

use crate::invitation::Invitation;
use crate::text::{fold, FastSet};

/// How a sender was recognised, for the reason shown to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Profile,
    Name,
    Handle,
}

impl Found {
    /// Words for the reason: "… is on your list of people you know (same profile)."
    pub fn by(self) -> &'static str {
        match self {
            Found::Profile => "same profile",
            Found::Name => "same name",
            Found::Handle => "same handle",
        }
    }
}

/// One list of people, normalised once in `Engine::new`.
#[derive(Default)]
pub struct People {
    slugs: FastSet<String>,
    names: FastSet<String>,
    /// Handles and one-word entries, letters and digits only ("@ada_l" is "adal").
    handles: FastSet<String>,
}

impl People {
    /// `with_handles`: whether entries may be handles on other channels (E2), not only names.
    pub fn new(entries: &[String], with_handles: bool) -> Self {
        let mut people = People::default();
        for entry in entries {
            people.add(entry, with_handles);
        }
        people
    }

    fn add(&mut self, entry: &str, with_handles: bool) {
        if let Some(slug) = profile_slug(entry) {
            self.slugs.insert(slug);
            return;
        }
        let one_word = !entry.trim().contains(char::is_whitespace);
        if one_word {
            // "ada-lovelace-1815" may be a bare profile slug.
            self.slugs.insert(entry.trim().trim_start_matches('@').to_lowercase());
        }
        if with_handles && one_word {
            self.handles.insert(compact(entry));
        }
        let name = person_name(entry);
        if !name.is_empty() && !entry.trim().starts_with('@') {
            self.names.insert(name);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.slugs.is_empty() && self.names.is_empty() && self.handles.is_empty()
    }

    /// Whether the sender is on this list, and how they were recognised.
    pub fn find(&self, invitation: &Invitation) -> Option<Found> {
        if self.is_empty() {
            return None;
        }
        let slug = invitation.profile_slug.as_deref().map(|s| s.trim_matches('/').to_lowercase());
        if slug.as_ref().is_some_and(|s| self.slugs.contains(s)) {
            return Some(Found::Profile);
        }
        let name = person_name(&invitation.name);
        if !name.is_empty() && self.names.contains(&name) {
            return Some(Found::Name);
        }
        self.find_handle(slug.as_deref(), &name)
    }

    /// A handle matches the profile slug, with or without LinkedIn's trailing id
    /// ("ada-lovelace-a1b2c3" is "adalovelace"), or the whole name run together.
    fn find_handle(&self, slug: Option<&str>, name: &str) -> Option<Found> {
        if self.handles.is_empty() {
            return None;
        }
        let mut candidates = vec![compact(name)];
        if let Some(slug) = slug {
            candidates.push(compact(slug));
            candidates.push(compact(without_trailing_id(slug)));
        }
        candidates.iter().any(|c| !c.is_empty() && self.handles.contains(c)).then_some(Found::Handle)
    }
}

/// The slug of a profile URL or of "in/<slug>", lower-cased; `None` for anything else.
pub fn profile_slug(entry: &str) -> Option<String> {
    let entry = entry.trim();
    let rest = entry.split("/in/").nth(1).or_else(|| entry.strip_prefix("in/"))?;
    let slug = rest.split(['/', '?', '#']).next()?.to_lowercase();
    (!slug.is_empty()).then_some(slug)
}

/// Titles and credentials that come and go around a name: "Dr. Zoë O'Neil, PhD" is Zoë O'Neil.
const CREDENTIALS: &[&str] = &[
    "phd", "mba", "cpa", "md", "msc", "bsc", "dr", "prof", "mr", "mrs", "ms", "mx", "jr", "sr",
    "pmp", "cfa", "acca", "cissp", "peng", "llm", "jd", "esq", "mph", "rn", "dds", "dvm", "ceng",
    "dipl", "ing", "mag", "drs", "ir", "lic", "cfp", "frsa", "shrm", "cpc",
];

/// A full name as compared: folded, without what sits in brackets ("(she/her)"), after a
/// comma, bar or bullet ("Ada Lovelace, PhD | Analyst"), nor credentials ("Dr.", "M.B.A.").
pub fn person_name(name: &str) -> String {
    let name = name.split([',', '|', '•', '·']).next().unwrap_or_default();
    let folded = fold(&without_brackets(name));
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut kept = Vec::with_capacity(words.len());
    let mut at = 0;
    while at < words.len() {
        match credential_at(&words[at..]) {
            Some(length) => at += length,
            None => {
                kept.push(words[at]);
                at += 1;
            }
        }
    }
    kept.join(" ")
}

/// How many words a credential takes at the start of `words`: "phd" is one, "m b a" three.
fn credential_at(words: &[&str]) -> Option<usize> {
    let mut joined = String::new();
    for (count, word) in words.iter().take(4).enumerate() {
        if count > 0 && word.len() > 2 {
            break;
        }
        joined.push_str(word);
        if CREDENTIALS.contains(&joined.as_str()) {
            return Some(count + 1);
        }
    }
    None
}

fn without_brackets(text: &str) -> String {
    let mut depth = 0u32;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Letters and digits only: handles are compared without "@", dots, dashes and underscores.
fn compact(text: &str) -> String {
    fold(text).replace(' ', "")
}

/// "ada-lovelace-a1b2c3" without "-a1b2c3": the id LinkedIn appends has a digit in it.
fn without_trailing_id(slug: &str) -> &str {
    match slug.rsplit_once('-') {
        Some((head, id)) if !head.is_empty() && id.chars().any(|c| c.is_ascii_digit()) => head,
        _ => slug,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_credentials_pronouns_and_emoji() {
        assert_eq!(person_name("  ZOË  o'neil, PhD "), "zoe o neil");
        assert_eq!(person_name("Dr. Zoë O’Neil (she/her) 🚀"), "zoe o neil");
        assert_eq!(person_name("Zoe O'Neil M.B.A., CPA"), "zoe o neil");
        assert_eq!(person_name("Zoe O'Neil Ph.D. | Data"), "zoe o neil");
        assert_eq!(person_name("Ma Long"), "ma long", "a surname is not a credential");
    }

    #[test]
    fn slugs_come_from_links_or_in_paths() {
        assert_eq!(profile_slug("https://www.linkedin.com/in/Ada-Lovelace-1815/?x=1").as_deref(), Some("ada-lovelace-1815"));
        assert_eq!(profile_slug("in/ada").as_deref(), Some("ada"));
        assert_eq!(profile_slug("Ada Lovelace"), None);
    }

    #[test]
    fn handles_match_slugs_and_names_run_together() {
        let met = People::new(&["@ada_lovelace".to_string()], true);
        let mut inv = Invitation::person("Someone");
        inv.profile_slug = Some("ada-lovelace-a1b2c3".into());
        assert_eq!(met.find(&inv), Some(Found::Handle));
        assert_eq!(met.find(&Invitation::person("Ada Lovelace")), Some(Found::Handle));
        assert_eq!(met.find(&Invitation::person("Ada Byron")), None);
    }
}
