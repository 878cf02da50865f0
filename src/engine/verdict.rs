//! What Vetted advises about one invitation, and why.

use std::borrow::Cow;

/// The advice. Vetted never acts on it: the user clicks, or does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Consider,
    Refuse,
}

impl Decision {
    /// Its name where the content script and the badge's `data-vetted-verdict` use it.
    pub fn name(self) -> &'static str {
        match self {
            Decision::Accept => "accept",
            Decision::Consider => "consider",
            Decision::Refuse => "refuse",
        }
    }
}

/// Whether the sender wrote a personal note (LinkedIn's default text is not one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteState {
    Present,
    Missing,
    /// A note that says nothing of why (see `reason`): for rule R5, as good as none.
    NoReason,
}

impl NoteState {
    /// Its name where the content script and the badge's `data-vetted-note` use it.
    pub fn name(self) -> &'static str {
        match self {
            NoteState::Present => "present",
            NoteState::Missing => "missing",
            NoteState::NoReason => "no-reason",
        }
    }
}

/// Whether this build carries English texts: natively (the tests) and in the popup, which shows
/// them where the browser's language has none. The badges' wasm writes every text from
/// `extension/_locales` in the browser's language, so there the English is left out, and its
/// bytes stay out of the wasm every LinkedIn page loads.
pub const SHOWS_ENGLISH: bool = cfg!(any(feature = "popup", not(target_arch = "wasm32")));

/// `text` where this build shows English, else empty (see [`SHOWS_ENGLISH`]).
#[inline(always)]
pub const fn english(text: &'static str) -> &'static str {
    if SHOWS_ENGLISH {
        text
    } else {
        ""
    }
}

/// Why a rule matched, as a rule's matcher says it: a message of `extension/_locales`, and the
/// one detail it quotes (a role, a term, a name) in place of its `$1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Because<'a> {
    /// The message key: `because_<rule id>` or `because_<rule id>_<variant>`.
    pub key: &'static str,
    /// The message in English, with `$1` for the detail: the same as `_locales/en` (empty where
    /// the build shows no English: see [`SHOWS_ENGLISH`]).
    pub english: &'static str,
    /// What `$1` stands for, mostly borrowed from the invitation; empty when there is no `$1`.
    pub detail: Cow<'a, str>,
    /// Whether the match decides late: after every rule but the last (see `judge`).
    pub late: bool,
}

impl<'a> Because<'a> {
    #[inline(always)]
    pub fn new(key: &'static str, text: &'static str, detail: impl Into<Cow<'a, str>>) -> Self {
        Because { key, english: english(text), detail: detail.into(), late: false }
    }

    /// The same reason, deciding only after every rule but the last ("anyone else", R2).
    pub fn late(self) -> Self {
        Because { late: true, ..self }
    }
}

/// One rule that matched, with why in words about this invitation. Nothing is written out:
/// the badge shows the message `key` in the browser's language with the detail in its `$1`,
/// and [`RuleMatch::reason`] writes the English when someone asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleMatch<'a> {
    pub rule: &'static str,
    /// The reason's message key and English text, and its detail (see [`Because`]).
    pub because: Because<'a>,
}

impl RuleMatch<'_> {
    /// The reason in English, the detail in place of the message's `$1`.
    pub fn reason(&self) -> String {
        crate::text::replaced(self.because.english, "$1", &self.because.detail)
    }

    /// What the message's `$1` stands for.
    pub fn detail(&self) -> &str {
        &self.because.detail
    }

    /// The reason's message key, for the browser's language.
    pub fn key(&self) -> &'static str {
        self.because.key
    }
}

/// Advice on LinkedIn's own controls: the rule it comes from (message key `rule_<id>_hint`),
/// and the advice in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    pub rule: &'static str,
    /// In English (see [`SHOWS_ENGLISH`]); the badge shows `rule_<id>_hint` instead.
    pub text: &'static str,
}

/// The whole verdict on one invitation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict<'a> {
    pub decision: Decision,
    pub note: NoteState,
    /// Every rule that matched, the deciding one first, then the others in precedence order.
    pub matches: Vec<RuleMatch<'a>>,
    /// Advice on LinkedIn's own controls, which Vetted never clicks (R1: "I don't know this
    /// person" or "Report spam").
    pub hint: Option<Hint>,
}

impl Verdict<'_> {
    /// The id of the rule that decided; `None` when every rule that could was switched off.
    pub fn deciding_rule(&self) -> Option<&'static str> {
        self.matches.first().map(|m| m.rule)
    }

    /// The matched rule ids, deciding first: the badge's `data-vetted-rules`.
    pub fn rule_ids(&self) -> Vec<&'static str> {
        self.matches.iter().map(|m| m.rule).collect()
    }
}
