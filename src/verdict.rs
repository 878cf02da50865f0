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

/// One rule that matched, with the reason in words about this invitation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleMatch {
    pub rule: &'static str,
    pub reason: String,
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
    pub hint: Option<String>,
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
