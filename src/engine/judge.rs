//! The engine: the user's settings made ready for matching, and the rules applied to each
//! invitation in the catalogue's order.
//!
//! Speed (a million invitations a second on one core): the vocabularies are folded and indexed
//! once, in [`Engine::new`]; each invitation's fields are folded once and scanned once, every
//! vocabulary together (see `text::Lexicon`).

use crate::invitation::{Invitation, SenderKind};
use crate::note;
use crate::reason::ReasonWords;
use crate::rules::people;
use crate::rules::{self, hint, status_own_words, Case, Field, Vocabulary, CATALOGUE};
use crate::rules::{HEADLINE_WORDS, NAME_WORDS, NOTE_WORDS, STATUS_WORDS};
use crate::settings::{Settings, NOTES_NEED_A_REASON};
use crate::text::{Hits, Lexicon};
use crate::verdict::{Decision, NoteState, RuleMatch, Verdict};

/// Settings made ready for matching: lists normalised once, not once per invitation.
pub struct Engine {
    pub settings: Settings,
    /// Each catalogue rule's switch, in catalogue order.
    on: Vec<bool>,
    known: people::People,
    met: people::People,
    /// Whether any list of people has entries: else senders are not looked for.
    lists_people: bool,
    lexicon: Lexicon,
    /// The words of notes that give no reason; `None` when any note counts.
    reason_words: Option<ReasonWords>,
    trusted_sites: Vec<String>,
}

impl Engine {
    pub fn new(settings: Settings) -> Self {
        let mut lexicon = Lexicon::default();
        let lists = settings.lists();
        for terms in CATALOGUE.iter().filter_map(|rule| rule.terms) {
            terms(&mut lexicon, &lists);
        }
        let known = people::People::new(&settings.known_people, false);
        let met = people::People::new(&settings.met_elsewhere, true);
        Engine {
            on: CATALOGUE.iter().map(|r| settings.is_on(r.id)).collect(),
            lists_people: !known.is_empty() || !met.is_empty(),
            known,
            met,
            trusted_sites: rules::trusted_sites(&lists),
            reason_words: settings.option(NOTES_NEED_A_REASON).then(ReasonWords::default),
            lexicon,
            settings,
        }
    }

    /// The verdict on one invitation; `None` when it is not from a person.
    pub fn classify<'a>(&'a self, invitation: &'a Invitation) -> Option<Verdict<'a>> {
        if invitation.kind != SenderKind::Person {
            return None;
        }
        let mut case = read_case(self, invitation);
        let mut matches: Vec<RuleMatch> = Vec::with_capacity(4);
        // A late match waits until the last rule's turn ("anyone else", R2): O for an
        // organization only LinkedIn's line names.
        let mut late: Option<(usize, RuleMatch)> = None;
        let last = CATALOGUE.len() - 1;
        for (index, (rule, on)) in CATALOGUE.iter().zip(&self.on).enumerate() {
            if index == last {
                if let Some((at, waiting)) = late.take() {
                    case.matched |= 1 << at;
                    matches.push(waiting);
                }
            }
            if !on {
                continue;
            }
            if let Some(because) = (rule.matcher)(&case) {
                if because.late && index < last {
                    late = Some((index, RuleMatch { rule: rule.id, because }));
                    continue;
                }
                case.matched |= 1 << index;
                matches.push(RuleMatch { rule: rule.id, because });
            }
        }
        // The first match decides. With every deciding rule switched off, a sender is still one
        // to consider.
        let first = matches.first().and_then(|m| rules::rule(m.rule));
        let decision = first.map_or(Decision::Consider, |r| r.effect);
        Some(Verdict {
            decision,
            note: match case.personal_note {
                None => NoteState::Missing,
                Some(_) if case.note_gives_reason => NoteState::Present,
                Some(_) => NoteState::NoReason,
            },
            hint: hint(case.matched_rules(), decision),
            matches,
        })
    }
}

/// One invitation made ready for the matchers: each field read once.
fn read_case<'a>(engine: &'a Engine, invitation: &'a Invitation) -> Case<'a> {
    let lexicon = &engine.lexicon;
    // The name is read once, for the lexicon and for the lists of people.
    let mut person =
        people::NameBuilder::new(if engine.lists_people { invitation.name.len() } else { 0 });
    let name = Field(lexicon.scan_with(
        &invitation.name,
        NAME_WORDS,
        Some(&mut |word, after_break| person.read(word, after_break)),
    ));
    let (known, met) = if engine.lists_people {
        let sender = people::Sender::new(invitation, person.finish());
        (engine.known.find(&sender), engine.met.find(&sender))
    } else {
        (None, None)
    };
    let headline = Field::scan(lexicon, &invitation.headline, HEADLINE_WORDS);
    let common = invitation.common_organization.as_deref().unwrap_or_default();
    let common = Field::scan(lexicon, common, Vocabulary::OwnOrganization.bit());
    let own_words = status_own_words(&invitation.status_line, &invitation.name);
    let status = Field::scan(lexicon, own_words, STATUS_WORDS);
    let personal_note = invitation.message.as_deref().filter(|m| note::is_personal(m));
    let mut note_gives_reason = true;
    let note = match (personal_note, &engine.reason_words) {
        (Some(message), Some(words)) => {
            let mut reader = words.reader(&invitation.name);
            let hits = lexicon.scan_with(message, NOTE_WORDS, Some(&mut |w, b| reader.read(w, b)));
            note_gives_reason = reader.gives_reason();
            Field(hits)
        }
        (Some(message), None) => Field::scan(lexicon, message, NOTE_WORDS),
        (None, _) => Field(Hits::NONE),
    };
    Case {
        invitation,
        trusted_sites: &engine.trusted_sites,
        personal_note,
        name,
        headline,
        common,
        status,
        note,
        note_gives_reason,
        known,
        met,
        matched: 0,
    }
}
