//! What Vetted advises about one invitation, and why.

use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

/// The advice. Vetted never acts on it: the user clicks, or does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Accept,
    Consider,
    Refuse,
}

/// Whether the sender wrote a personal note (LinkedIn's default text is not one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteState {
    Present,
    Missing,
}

/// Why a rule matched, as a rule's matcher says it: a message of `extension/_locales`, and the
/// one detail it quotes (a role, a term, a name) in place of its `$1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Because<'a> {
    /// The message key: `because_<rule id>` or `because_<rule id>_<variant>`.
    pub key: &'static str,
    /// The message in English, with `$1` for the detail: the same as `_locales/en`.
    pub english: &'static str,
    /// What `$1` stands for, mostly borrowed from the invitation; empty when there is no `$1`.
    pub detail: Cow<'a, str>,
}

impl<'a> Because<'a> {
    pub fn new(key: &'static str, english: &'static str, detail: &'a str) -> Self {
        Because { key, english, detail: Cow::Borrowed(detail) }
    }

    /// The English message with the detail in place, and where the detail is in it.
    pub fn english_text(&self) -> (String, Range<usize>) {
        let english = self.english;
        let at = english.find('$').unwrap_or(english.len());
        let mut text = String::with_capacity(english.len() + self.detail.len());
        text.push_str(&english[..at]);
        text.push_str(&self.detail);
        text.push_str(english.get(at + 2..).unwrap_or_default());
        (text, at..at + self.detail.len())
    }
}

/// One rule that matched, with the reason in words about this invitation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleMatch {
    pub rule: &'static str,
    /// The reason's message key (see [`Because`]), for the browser's language.
    pub key: &'static str,
    /// The reason in English.
    pub reason: String,
    /// Where in `reason` the detail is, which the message's `$1` stands for (see `detail`).
    pub detail_at: Range<usize>,
}

impl RuleMatch {
    /// What the message's `$1` stands for.
    pub fn detail(&self) -> &str {
        self.reason.get(self.detail_at.clone()).unwrap_or_default()
    }
}

/// Advice on LinkedIn's own controls: the rule it comes from (message key `rule_<id>_hint`),
/// and the advice in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Hint {
    pub rule: &'static str,
    pub text: &'static str,
}

/// The whole verdict on one invitation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub decision: Decision,
    pub note: NoteState,
    /// Every rule that matched, the deciding one first, then the others in precedence order.
    pub matches: Vec<RuleMatch>,
    /// Advice on LinkedIn's own controls, which Vetted never clicks (R1: "I don't know this
    /// person" or "Report spam").
    pub hint: Option<Hint>,
}

impl Verdict {
    /// The id of the rule that decided; `None` when every rule that could was switched off.
    pub fn deciding_rule(&self) -> Option<&'static str> {
        self.matches.first().map(|m| m.rule)
    }

    /// The matched rule ids, deciding first: the badge's `data-vetted-rules`.
    pub fn rule_ids(&self) -> Vec<&'static str> {
        self.matches.iter().map(|m| m.rule).collect()
    }
}
