//! The rule catalogue and the engine that applies it.
//!
//! Each rule lives in its own file, named by its id: its title, the essay's reason in one line,
//! its effect, its matcher and its tests sit together. This file only lists them in order of
//! precedence (DESIGN §1) and applies them.

use crate::invitation::{Invitation, SenderKind};
use crate::note;
use crate::settings::Settings;
use crate::text::fold;
use crate::verdict::{Decision, NoteState, RuleMatch, Verdict};

mod k;
mod r2;
mod r5;

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
pub const CATALOGUE: &[&Rule] = &[&k::RULE, &r5::RULE, &r2::RULE];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().copied().find(|r| r.id == id)
}

/// Settings made ready for matching: lists normalised once, not once per invitation.
pub struct Engine {
    pub settings: Settings,
    pub(crate) known: k::KnownPeople,
}

impl Engine {
    pub fn new(settings: Settings) -> Self {
        let known = k::KnownPeople::new(&settings.known_people);
        Engine { settings, known }
    }

    /// The verdict on one invitation; `None` when it is not from a person (DESIGN §1).
    pub fn classify(&self, invitation: &Invitation) -> Option<Verdict> {
        if invitation.kind != SenderKind::Person {
            return None;
        }
        let personal_note = invitation.message.as_deref().filter(|m| note::is_personal(m));
        let mut case = Case {
            invitation,
            engine: self,
            personal_note,
            headline: fold(&invitation.headline),
            matched: Vec::new(),
        };
        let mut matches: Vec<RuleMatch> = Vec::new();
        for rule in CATALOGUE.iter().filter(|r| self.settings.is_on(r.id)) {
            if let Some(reason) = (rule.matcher)(&case) {
                case.matched.push(rule.id);
                matches.push(RuleMatch { rule: rule.id, reason });
            }
        }
        // With every deciding rule switched off, a sender is still one to consider.
        let deciding = matches.first().and_then(|m| rule(m.rule));
        Some(Verdict {
            decision: deciding.map_or(Decision::Consider, |r| r.effect),
            note: if personal_note.is_some() { NoteState::Present } else { NoteState::Missing },
            hint: deciding.and_then(|r| r.hint).map(str::to_string),
            matches,
        })
    }
}

/// One invitation being judged, with what the rules share about it.
pub struct Case<'a> {
    pub invitation: &'a Invitation,
    pub engine: &'a Engine,
    /// The message when it is a personal note; `None` when absent or LinkedIn's default text.
    pub personal_note: Option<&'a str>,
    /// The headline, folded (see `text::fold`).
    pub headline: String,
    /// Ids of the rules matched so far, in precedence order.
    pub matched: Vec<&'static str>,
}

impl Case<'_> {
    /// Whether the user knows the sender: matched by K or E2 (when those are on).
    pub fn sender_known(&self) -> bool {
        self.matched.iter().any(|id| *id == "K" || *id == "E2")
    }
}
