//! The rule catalogue and the engine that applies it.
//!
//! Each rule lives in its own file, named by its id: its title, the essay's reason in one line,
//! its effect, its vocabulary, its matcher and its tests sit together. This file only lists
//! them in order of precedence (DESIGN §1) and applies them.
//!
//! Speed (DESIGN §5: a million invitations a second on one core): the vocabularies are folded
//! and indexed once, in [`Engine::new`]; each invitation's fields are folded once and scanned
//! once, every vocabulary together (see `text::Lexicon`).

use crate::invitation::{Invitation, SenderKind};
use crate::note;
use crate::settings::Settings;
use crate::text::{fold_marked, tag_bit, Hits, Lexicon};
use crate::verdict::{Decision, NoteState, RuleMatch, Verdict};

mod e1;
mod e2;
mod k;
mod o;
mod people;
mod r1;
mod r2;
mod r3;
mod r4;
mod r5;
mod r6;

pub use people::{person_name, profile_slug, Found};
pub use r1::site_of;

/// One of the essay's rules.
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
    pub matcher: fn(&Case) -> Option<String>,
}

/// Every rule, in order of precedence: the first that matches decides.
pub const CATALOGUE: &[&Rule] = &[
    &k::RULE,
    &e2::RULE,
    &r6::RULE,
    &r3::RULE,
    &r1::RULE,
    &r5::RULE,
    &e1::RULE,
    &r4::RULE,
    &o::RULE,
    &r2::RULE,
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().copied().find(|r| r.id == id)
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
}

impl Vocabulary {
    pub const fn tag(self) -> u8 {
        self as u8
    }

    const fn bit(self) -> u16 {
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
const HEADLINE_WORDS: u16 =
    Vocabulary::RefusedRole.bit() | Vocabulary::OpenNetworker.bit() | Vocabulary::OwnOrganization.bit();
const STATUS_WORDS: u16 = Vocabulary::RefusedRole.bit();
const NAME_WORDS: u16 = Vocabulary::OpenNetworker.bit();
const NOTE_WORDS: u16 = Vocabulary::Social.bit()
    | Vocabulary::Money.bit()
    | Vocabulary::OffPlatform.bit()
    | Vocabulary::SpamTerm.bit()
    | Vocabulary::Business.bit()
    | Vocabulary::GroupNoun.bit()
    | Vocabulary::GroupCue.bit()
    | Vocabulary::GroupPhrase.bit()
    | Vocabulary::OtherLink.bit();

/// Settings made ready for matching: lists normalised once, not once per invitation.
pub struct Engine {
    pub settings: Settings,
    /// Each catalogue rule's switch, in catalogue order.
    on: Vec<bool>,
    known: people::People,
    met: people::People,
    lexicon: Lexicon,
    trusted_sites: Vec<String>,
}

impl Engine {
    pub fn new(settings: Settings) -> Self {
        let mut lexicon = Lexicon::default();
        r6::add_terms(&mut lexicon, &settings);
        r3::add_terms(&mut lexicon, &settings);
        r1::add_terms(&mut lexicon, &settings);
        e1::add_terms(&mut lexicon, &settings);
        r4::add_terms(&mut lexicon, &settings);
        o::add_terms(&mut lexicon, &settings);
        Engine {
            on: CATALOGUE.iter().map(|r| settings.is_on(r.id)).collect(),
            known: people::People::new(&settings.known_people, false),
            met: people::People::new(&settings.met_elsewhere, true),
            trusted_sites: r1::trusted_sites(&settings),
            lexicon,
            settings,
        }
    }

    /// The verdict on one invitation; `None` when it is not from a person (DESIGN §1).
    pub fn classify(&self, invitation: &Invitation) -> Option<Verdict> {
        if invitation.kind != SenderKind::Person {
            return None;
        }
        let mut case = Case::new(self, invitation);
        let mut matches: Vec<RuleMatch> = Vec::new();
        for (rule, on) in CATALOGUE.iter().zip(&self.on) {
            if !on {
                continue;
            }
            if let Some(reason) = (rule.matcher)(&case) {
                case.matched.push(rule.id);
                matches.push(RuleMatch { rule: rule.id, reason });
            }
        }
        // With every deciding rule switched off, a sender is still one to consider.
        let decision = matches.first().and_then(|m| rule(m.rule)).map_or(Decision::Consider, |r| r.effect);
        Some(Verdict {
            decision,
            note: if case.personal_note.is_some() { NoteState::Present } else { NoteState::Missing },
            hint: hint(&matches, decision),
            matches,
        })
    }
}

/// The advice on LinkedIn's controls of the first matched rule that argues for the verdict
/// (R1's "Report spam" also when R6 refused first, never on an Accept).
fn hint(matches: &[RuleMatch], decision: Decision) -> Option<String> {
    matches
        .iter()
        .filter_map(|m| rule(m.rule))
        .find(|r| r.effect == decision && r.hint.is_some())
        .and_then(|r| r.hint)
        .map(str::to_string)
}

/// One field of the card, folded once and scanned once.
pub struct Field<'a> {
    /// As folded by `text::fold_marked`.
    pub folded: String,
    pub hits: Hits<'a>,
}

impl<'a> Field<'a> {
    fn scan(lexicon: &'a Lexicon, text: &str, words: u16) -> Self {
        let folded = fold_marked(text);
        let hits = lexicon.scan(&folded, words);
        Field { folded, hits }
    }

    fn empty() -> Self {
        Field { folded: String::new(), hits: Hits::default() }
    }

    /// The first term of this vocabulary in the field, as the vocabulary spells it.
    pub fn hit(&self, vocabulary: Vocabulary) -> Option<&'a str> {
        self.hits.get(vocabulary.tag())
    }
}

/// One invitation being judged, with what the rules share about it.
pub struct Case<'a> {
    pub invitation: &'a Invitation,
    pub engine: &'a Engine,
    /// The message when it is a personal note; `None` when absent or LinkedIn's default text.
    pub personal_note: Option<&'a str>,
    pub name: Field<'a>,
    pub headline: Field<'a>,
    pub status: Field<'a>,
    /// The personal note; empty when there is none.
    pub note: Field<'a>,
    /// How the sender is on the known-people list, if they are (whether K is on or not).
    pub known: Option<people::Found>,
    /// How the sender is on the met-elsewhere list, if they are (whether E2 is on or not).
    pub met: Option<people::Found>,
    /// Ids of the rules matched so far, in precedence order.
    pub matched: Vec<&'static str>,
}

impl<'a> Case<'a> {
    fn new(engine: &'a Engine, invitation: &'a Invitation) -> Self {
        let lexicon = &engine.lexicon;
        let message = invitation.message.as_deref().unwrap_or_default();
        let mut note = Field::scan(lexicon, message, NOTE_WORDS);
        let personal_note = invitation.message.as_deref().filter(|m| note::is_personal_folded(m, &note.folded));
        if personal_note.is_none() {
            note = Field::empty();
        }
        Case {
            invitation,
            engine,
            personal_note,
            name: Field::scan(lexicon, &invitation.name, NAME_WORDS),
            headline: Field::scan(lexicon, &invitation.headline, HEADLINE_WORDS),
            status: Field::scan(lexicon, &invitation.status_line, STATUS_WORDS),
            note,
            known: engine.known.find(invitation),
            met: engine.met.find(invitation),
            matched: Vec::with_capacity(CATALOGUE.len()),
        }
    }

    /// Whether the user knows the sender: on the known-people or met-elsewhere list (DESIGN §1's
    /// "unknown" is about the lists, not about which rules are switched on).
    pub fn sender_known(&self) -> bool {
        self.known.is_some() || self.met.is_some()
    }

    /// Whether a rule has matched already (rules before it in precedence order).
    pub fn has_matched(&self, id: &str) -> bool {
        self.matched.contains(&id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_follows_design_precedence_with_unique_ids() {
        let ids: Vec<&str> = CATALOGUE.iter().map(|r| r.id).collect();
        assert_eq!(ids, ["K", "E2", "R6", "R3", "R1", "R5", "E1", "R4", "O", "R2"]);
        for r in CATALOGUE {
            assert!(!r.title.is_empty() && r.reason.ends_with('.'), "{}", r.id);
            assert_eq!(rule(r.id).map(|found| found.title), Some(r.title));
        }
    }

    #[test]
    fn every_vocabulary_fits_a_lexicon_tag() {
        assert!(Vocabulary::OtherLink.tag() < 16);
    }
}
