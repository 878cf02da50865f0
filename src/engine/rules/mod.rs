//! The rule catalogue: what every rule is, and in which order they decide.
//!
//! Each rule lives in its own file, named by its id: its title, the essay's reason in one line,
//! its effect, its reply, its vocabulary, its matcher and its tests sit together. This file
//! lists them in order of precedence ([`CATALOGUE`]: adding a rule is its file and one line
//! there) and says what a matcher is given ([`Case`]). It reads no settings: the user's lists
//! reach the rules as [`Lists`], so that the settings can read the catalogue (its ids and
//! defaults) without a cycle. The engine that applies the rules is `judge.rs`.

use crate::invitation::Invitation;
use crate::text::{tag_bit, Hits, Lexicon};
use crate::verdict::{Because, Decision, Hint};

mod e1;
mod e2;
mod k;
mod o;
pub(crate) mod people;
mod r1;
mod r2;
mod r3;
mod r4;
mod r5;
mod r6;

pub use people::{person_name, profile_slug, Found};
pub use r1::{site_of, trusted_sites};

/// One of the essay's rules.
///
/// Its texts are in English here and in every language in `extension/_locales`, under keys
/// derived from the id: `rule_<id>_title`, `rule_<id>_reason`, `rule_<id>_hint`, `reply_<id>`,
/// and the matcher's `because_<id>…` (tests/locales.rs keeps the two in step).
pub struct Rule {
    /// Stable id: the switch's key in settings and the badge's `data-vetted-rules`.
    pub id: &'static str,
    /// What the rule is about, in a few words.
    pub title: &'static str,
    /// The essay's reason, in one line.
    pub reason: &'static str,
    /// The verdict when this rule decides.
    pub effect: Decision,
    /// Whether the rule is on in fresh settings.
    pub default_on: bool,
    /// Advice on LinkedIn's own controls when this rule decides.
    pub hint: Option<&'static str>,
    /// Whether the rule matches this invitation, and if so, why, in words about it.
    pub matcher: for<'a> fn(&Case<'a>) -> Option<Because<'a>>,
    /// The reply to the sender when this rule decides, `$1` for their first name: a polite word
    /// on why (the essay's author writes to senders to explain a refusal). Empty in the badges'
    /// wasm, which shows replies in the browser's language (`reply_<id>`): see `english`.
    pub reply: &'static str,
    /// Puts the rule's words, and the user's, into the engine's lexicon, if it has any.
    pub terms: Option<fn(&mut Lexicon, &Lists)>,
}

impl Rule {
    /// The reply to the sender when this rule decides (see [`Rule::reply`], the field).
    pub fn reply(&self) -> &'static str {
        self.reply
    }
}

/// The user's lists that the rules' vocabularies take in, as the settings hold them.
pub struct Lists<'s> {
    pub refused_roles: &'s [String],
    pub open_networker_terms: &'s [String],
    pub spam_terms: &'s [String],
    pub business_terms: &'s [String],
    pub group_terms: &'s [String],
    pub own_organizations: &'s [String],
    pub trusted_sites: &'s [String],
}

/// Every rule, in order of precedence: the first that matches decides (a match a rule marks
/// late, O for an organization only LinkedIn names, waits until the last rule's turn).
pub const CATALOGUE: &[&Rule] = &[
    &k::RULE,
    &e2::RULE,
    &r6::RULE,
    &r3::RULE,
    &r1::RULE,
    &o::RULE,
    &r5::RULE,
    &e1::RULE,
    &r4::RULE,
    &r2::RULE,
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().copied().find(|r| r.id == id)
}

/// The sender's first name, for a reply: the name's first word, past a title ("Dr. Ada
/// Lovelace" is "Ada").
pub fn first_name(name: &str) -> &str {
    let mut words = name.split(' ').filter(|w| !w.is_empty());
    let first = words.next().unwrap_or_default();
    let word = if first.ends_with('.') { words.next().unwrap_or(first) } else { first };
    word.strip_suffix(',').unwrap_or(word)
}

/// The word lists the rules look for; each is one tag of the engine's lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocabulary {
    RefusedRole,
    OpenNetworker,
    OwnOrganization,
    /// Romance and "dear friend" openers.
    Social,
    /// Crypto, forex and investment pitches.
    Money,
    /// "Add me on WhatsApp".
    OffPlatform,
    /// The user's own spam terms.
    SpamTerm,
    Business,
    /// "group", "Gruppe", …: a group is named.
    GroupNoun,
    /// "both", "same", "member": it is shared with the user.
    GroupCue,
    /// A whole phrase that names a shared group (the user's `group_terms`).
    GroupPhrase,
    /// Any other stated link ("we met", "your talk"): then the group is not the only one.
    OtherLink,
    /// "lion" in any case: then R3 looks at the raw text for "LION" or "[lion]".
    LionWord,
    /// "@": then R3 looks at the raw text for an e-mail address.
    AtSign,
    /// "www", "http": then R1 looks at the raw note for links.
    WebAddress,
}

impl Vocabulary {
    pub const fn tag(self) -> u8 {
        self as u8
    }

    pub(crate) const fn bit(self) -> u16 {
        tag_bit(self.tag())
    }

    /// Adds every term to the lexicon under this vocabulary.
    fn add<'t>(self, lexicon: &mut Lexicon, terms: impl IntoIterator<Item = &'t str>) {
        for term in terms {
            lexicon.add(self.tag(), term);
        }
    }
}

/// What each field is scanned for.
pub(crate) const HEADLINE_WORDS: u16 = Vocabulary::RefusedRole.bit()
    | Vocabulary::OpenNetworker.bit()
    | Vocabulary::OwnOrganization.bit()
    | Vocabulary::LionWord.bit()
    | Vocabulary::AtSign.bit();
pub(crate) const STATUS_WORDS: u16 = Vocabulary::RefusedRole.bit();
/// The name is part of the status line ("Ada Lovelace is inviting you to connect"), so it is
/// looked at for roles too ("Max Power | Recruiter").
pub(crate) const NAME_WORDS: u16 = Vocabulary::RefusedRole.bit()
    | Vocabulary::OpenNetworker.bit()
    | Vocabulary::LionWord.bit()
    | Vocabulary::AtSign.bit();
pub(crate) const NOTE_WORDS: u16 = Vocabulary::Social.bit()
    | Vocabulary::Money.bit()
    | Vocabulary::OffPlatform.bit()
    | Vocabulary::SpamTerm.bit()
    | Vocabulary::Business.bit()
    | Vocabulary::GroupNoun.bit()
    | Vocabulary::GroupCue.bit()
    | Vocabulary::GroupPhrase.bit()
    | Vocabulary::OtherLink.bit()
    | Vocabulary::WebAddress.bit();

/// The advice on LinkedIn's controls of the first matched rule that argues for the verdict
/// (R1's "Report spam" also when R6 refused first, never on an Accept).
pub(crate) fn hint<'r>(
    mut matched: impl Iterator<Item = &'r Rule>,
    decision: Decision,
) -> Option<Hint> {
    let rule = matched.find(|r| r.effect == decision && r.hint.is_some())?;
    rule.hint.map(|text| Hint { rule: rule.id, text })
}

/// What the status line says besides the sender's name and LinkedIn's own words: usually
/// nothing ("Ada Lovelace follows you and is inviting you to connect").
pub(crate) fn status_own_words<'s>(status: &'s str, name: &str) -> &'s str {
    const LINKEDINS_WORDS: &[&str] = &[
        "follows you and is inviting you to connect",
        "is inviting you to connect",
        "wants to connect",
        "invited you to connect",
    ];
    let status = status.trim_ascii();
    let said = status.strip_prefix(name.trim_ascii()).unwrap_or(status);
    let said = said.strip_suffix('.').unwrap_or(said);
    LINKEDINS_WORDS.iter().find_map(|words| said.strip_suffix(words)).unwrap_or(said).trim_ascii()
}

/// What the lexicon found in one field of the card.
pub struct Field<'a>(pub(crate) Hits<'a>);

impl<'a> Field<'a> {
    pub(crate) fn scan(lexicon: &'a Lexicon, text: &str, words: u16) -> Self {
        Field(lexicon.scan(text, words))
    }

    /// The first term of this vocabulary in the field, as the vocabulary spells it.
    pub fn hit(&self, vocabulary: Vocabulary) -> Option<&'a str> {
        self.0.get(vocabulary.tag())
    }

    /// Whether a word of the field starts with a digit (see `text::Hits::saw_number`).
    pub fn saw_number(&self) -> bool {
        self.0.saw_number()
    }
}

/// One invitation being judged, with what the rules share about it.
pub struct Case<'a> {
    pub invitation: &'a Invitation,
    /// The sites the user trusts, besides LinkedIn's own (R1).
    pub trusted_sites: &'a [String],
    /// The message when it is a personal note; `None` when absent or LinkedIn's default text.
    pub personal_note: Option<&'a str>,
    pub name: Field<'a>,
    pub headline: Field<'a>,
    pub status: Field<'a>,
    /// LinkedIn's common organization line, for the user's own organizations (rule O).
    pub common: Field<'a>,
    /// The personal note; nothing found when there is none.
    pub note: Field<'a>,
    /// Whether the personal note says why the sender wants to connect (see `reason`); always
    /// when the user's settings count any note.
    pub note_gives_reason: bool,
    /// How the sender is on the known-people list, if they are (whether K is on or not).
    pub known: Option<Found>,
    /// How the sender is on the met-elsewhere list, if they are (whether E2 is on or not).
    pub met: Option<Found>,
    /// The rules matched so far: bit n for `CATALOGUE[n]`.
    pub(crate) matched: u32,
}

impl Case<'_> {
    /// Whether the user knows the sender: on the known-people or met-elsewhere list (the rules'
    /// "unknown" is about the lists, not about which rules are switched on).
    pub fn sender_known(&self) -> bool {
        self.known.is_some() || self.met.is_some()
    }

    /// Whether a rule has matched already (rules before it in precedence order).
    pub fn has_matched(&self, id: &str) -> bool {
        CATALOGUE
            .iter()
            .position(|r| r.id == id)
            .is_some_and(|index| self.matched & (1 << index) != 0)
    }

    /// The rules matched so far, in precedence order.
    pub(crate) fn matched_rules(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        let matched = self.matched;
        CATALOGUE
            .iter()
            .enumerate()
            .filter(move |(index, _)| matched & (1 << index) != 0)
            .map(|(_, r)| *r)
    }

    /// Whether no rule has matched so far.
    pub fn nothing_matched(&self) -> bool {
        self.matched == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_in_precedence_order_with_unique_ids() {
        let ids: Vec<&str> = CATALOGUE.iter().map(|r| r.id).collect();
        assert_eq!(ids, ["K", "E2", "R6", "R3", "R1", "O", "R5", "E1", "R4", "R2"]);
        for r in CATALOGUE {
            assert!(!r.title.is_empty() && r.reason.ends_with('.'), "{}", r.id);
            assert_eq!(rule(r.id).map(|found| found.title), Some(r.title));
            assert!(r.reply().starts_with("Hi $1, "), "{}", r.id);
        }
    }

    #[test]
    fn first_names_for_replies() {
        assert_eq!(first_name("  Ada Lovelace"), "Ada");
        assert_eq!(first_name("Dr. Zoë O'Neil, PhD"), "Zoë");
        assert_eq!(first_name("Prof. Jean-Luc Picard"), "Jean-Luc");
        assert_eq!(first_name("Cher,"), "Cher");
        assert_eq!(first_name("🦀"), "🦀");
    }

    #[test]
    fn every_vocabulary_fits_a_lexicon_tag() {
        assert!(Vocabulary::WebAddress.tag() < 16);
    }
}
