//! What Vetted advises about one invitation, and why.

use serde::Serialize;

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
pub struct Because {
    /// The message key: `because_<rule id>` or `because_<rule id>_<variant>`.
    pub key: &'static str,
    /// The message in English, with `$1` for the detail: the same as `_locales/en`.
    pub english: &'static str,
    /// What `$1` stands for; empty when the message has no `$1`.
    pub detail: String,
}

impl Because {
    pub fn new(key: &'static str, english: &'static str, detail: &str) -> Self {
        Because { key, english, detail: detail.to_string() }
    }

    /// The English message with the detail in place.
    pub fn english_text(&self) -> String {
        let english = self.english;
        match english.find('$') {
            Some(at) => [&english[..at], &self.detail, english.get(at + 2..).unwrap_or_default()].concat(),
            None => english.to_string(),
        }
    }
}

/// One rule that matched, with the reason in words about this invitation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleMatch {
    pub rule: &'static str,
    /// The reason's message key (see [`Because`]), for the browser's language.
    pub key: &'static str,
    /// What the message's `$1` stands for.
    pub detail: String,
    /// The reason in English.
    pub reason: String,
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
