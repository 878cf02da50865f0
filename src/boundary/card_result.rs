//! What the content script does with each card of a batch, as it crosses the wasm boundary: one
//! JSON object per card (see `extension/content/`: pipeline.js, explanation.js, actions.js),
//! written by [`ToJson`]. Plain Rust, so that `cargo test` checks the shapes natively.

use super::json::{Json, ToJson};
use crate::invitation::{Invitation, MutualConnections, SenderKind};
use crate::judge::Engine;
use crate::page::{self, Reading};
use crate::rules;
use crate::settings;
use crate::verdict::{Decision, Hint, NoteState};

/// What the content script does with one card, written as an object whose `kind` is the
/// variant's name in lower case.
// Each is built once and written out at once: boxing a person's fields would only add an
// allocation per card.
#[allow(clippy::large_enum_variant)]
pub(crate) enum CardResult {
    /// Draw a badge on the element at `anchor`, its path from the card ([`page::Card::path`]).
    Person {
        anchor: String,
        /// What "I know them" adds to the list of people the user knows: the sender's profile
        /// link, else their name; `None` when rule K found them on that list already.
        know: Option<String>,
        verdict: Decision,
        note: NoteState,
        rules: Vec<&'static str>,
        reasons: Vec<Reason>,
        hint: Option<Hint>,
        mutual: MutualConnections,
        /// "Copy reply" when a rule decided: the message `reply_key` for `first_name` in the
        /// browser's language, or `reply`, the user's own for that rule, when they wrote one.
        reply_key: Option<String>,
        reply: Option<String>,
        first_name: String,
    },
    /// An invitation that is not from a person: no badge.
    Other { sender: SenderKind },
    /// Not an invitation: no badge.
    None,
    /// Looks like an invitation but could not be read: no badge, and why.
    Unreadable { why: String },
}

/// One matched rule in the explanation, which the content script writes in the browser's
/// language (English where it has no translation): `rule_<rule>_title`, `rule_<rule>_reason`
/// and the message `key` with `detail` in its `$1`. No English text travels with each card.
pub(crate) struct Reason {
    rule: &'static str,
    key: &'static str,
    detail: String,
}

impl ToJson for CardResult {
    fn to_json(&self, json: &mut Json) {
        json.object(|json| match self {
            CardResult::Person {
                anchor,
                know,
                verdict,
                note,
                rules,
                reasons,
                hint,
                mutual,
                reply_key,
                reply,
                first_name,
            } => {
                json.field("kind", "person").field("anchor", anchor).field("know", know);
                json.field("verdict", verdict).field("note", note);
                json.field("rules", rules).field("reasons", reasons).field("hint", hint);
                json.field("mutual", mutual).field("reply_key", reply_key).field("reply", reply);
                json.field("first_name", first_name);
            }
            CardResult::Other { sender } => {
                json.field("kind", "other").field("sender", sender);
            }
            CardResult::None => {
                json.field("kind", "none");
            }
            CardResult::Unreadable { why } => {
                json.field("kind", "unreadable").field("why", why);
            }
        });
    }
}

impl ToJson for Reason {
    fn to_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("rule", self.rule).field("key", self.key).field("detail", &self.detail);
        });
    }
}

impl ToJson for Hint {
    fn to_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("rule", self.rule);
        });
    }
}

impl ToJson for MutualConnections {
    fn to_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("count", &self.count).field("names", &self.names);
        });
    }
}

/// The enums as their names.
impl ToJson for Decision {
    fn to_json(&self, json: &mut Json) {
        self.name().to_json(json);
    }
}

impl ToJson for NoteState {
    fn to_json(&self, json: &mut Json) {
        self.name().to_json(json);
    }
}

impl ToJson for SenderKind {
    fn to_json(&self, json: &mut Json) {
        self.name().to_json(json);
    }
}

/// The result for one card: its reading judged by `engine`.
pub(crate) fn judge(engine: &Engine, card: &page::Card, reading: Reading) -> CardResult {
    match reading {
        Reading::Person { invitation, anchor } => person(engine, card.path(anchor), invitation),
        Reading::NotPerson { kind } => CardResult::Other { sender: kind },
        Reading::NotACard => CardResult::None,
        Reading::Unreadable { why } => CardResult::Unreadable { why },
    }
}

/// The verdict's parts are taken first: it borrows from the invitation, whose texts then
/// move into the result without a copy.
fn person(engine: &Engine, anchor: String, invitation: Invitation) -> CardResult {
    let Some(verdict) = engine.classify(&invitation) else {
        return CardResult::Other { sender: invitation.kind };
    };
    let rules = verdict.rule_ids();
    let first_name = rules::first_name(&invitation.name).to_string();
    let deciding = verdict.deciding_rule();
    let own_reply = deciding.and_then(|id| engine.settings.reply_template(id));
    let reasons = verdict
        .matches
        .iter()
        .map(|m| Reason { rule: m.rule, key: m.key(), detail: m.detail().to_string() })
        .collect();
    let (decision, note, hint) = (verdict.decision, verdict.note, verdict.hint);
    // By profile link when the card has one (the rules match it by its slug), else by name.
    let know = match invitation.profile_slug {
        _ if rules.contains(&"K") => None,
        Some(slug) => Some(crate::text::joined(&["https://www.linkedin.com/in/", &slug, "/"], "")),
        None => Some(invitation.name),
    };
    CardResult::Person {
        anchor,
        know,
        verdict: decision,
        note,
        rules,
        reasons,
        hint,
        mutual: invitation.mutual,
        reply_key: deciding.map(|id| crate::text::joined(&["reply_", id], "")),
        reply: own_reply
            .map(|text| crate::text::replaced(text, settings::NAME_IN_REPLY, &first_name)),
        first_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Settings;
    use serde_json::{json, Value};

    fn crossed(results: &[CardResult]) -> Value {
        let text = super::super::json::to_string(results);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    /// The shapes the content script reads (extension/content/: pipeline, explanation, actions).
    #[test]
    fn results_cross_in_the_shape_the_content_script_reads() {
        let engine = Engine::new(Settings::default());
        let mut ada = Invitation::person("Ada \"Lovelace\"");
        ada.profile_slug = Some("ada".into());
        ada.headline = "Recruiter at Initech".into();
        ada.mutual = MutualConnections { count: 3, names: vec!["Grace Hopper".into()] };
        let results = [
            person(&engine, "0 2".into(), ada),
            CardResult::Other { sender: SenderKind::Newsletter },
            CardResult::None,
            CardResult::Unreadable { why: "no name".into() },
        ];
        let value = crossed(&results);
        let person = &value[0];
        assert_eq!((&person["kind"], &person["anchor"]), (&json!("person"), &json!("0 2")));
        assert_eq!(person["know"], json!("https://www.linkedin.com/in/ada/"));
        assert!(["accept", "consider", "refuse"].contains(&person["verdict"].as_str().unwrap()));
        assert_eq!(person["note"], json!("missing"));
        assert_eq!(person["mutual"], json!({ "count": 3, "names": ["Grace Hopper"] }));
        assert_eq!(person["first_name"], json!("Ada"));
        let rules = person["rules"].as_array().expect("rules");
        let reasons = person["reasons"].as_array().expect("reasons");
        assert_eq!(rules.len(), reasons.len());
        for (rule, reason) in rules.iter().zip(reasons) {
            assert_eq!(&reason["rule"], rule);
            assert!(reason["key"].as_str().is_some_and(|k| k.starts_with("because_")));
            assert!(reason["detail"].is_string());
        }
        assert!(person["hint"].is_null() || person["hint"]["rule"].is_string());
        assert!(
            person["reply_key"].is_null()
                || person["reply_key"].as_str().unwrap().starts_with("reply_")
        );
        assert!(person["reply"].is_null());
        assert_eq!(
            value.as_array().unwrap()[1..],
            [
                json!({ "kind": "other", "sender": "newsletter" }),
                json!({ "kind": "none" }),
                json!({ "kind": "unreadable", "why": "no name" })
            ]
        );
    }

    /// "I know them" adds the sender's profile link, else their name (as the reader gives it:
    /// its white space collapsed); a sender rule K found on the list already has nothing to add.
    #[test]
    fn know_is_the_profile_link_else_the_name_and_null_for_someone_known() {
        let know = |known: &[&str], slug: Option<&str>| {
            let settings = Settings {
                known_people: known.iter().map(|s| s.to_string()).collect(),
                ..Settings::default()
            };
            let mut ada = Invitation::person("Ada Lovelace");
            ada.profile_slug = slug.map(String::from);
            crossed(&[person(&Engine::new(settings), String::new(), ada)])[0]["know"].clone()
        };
        assert_eq!(know(&[], Some("ada-l")), json!("https://www.linkedin.com/in/ada-l/"));
        assert_eq!(know(&[], None), json!("Ada Lovelace"));
        assert_eq!(know(&["Ada Lovelace"], Some("ada-l")), Value::Null);
        assert_eq!(know(&["https://www.linkedin.com/in/ada-l/"], None), json!("Ada Lovelace"));
        // What "I know them" adds is what rule K then finds.
        let added = know(&[], Some("ada-l"));
        assert_eq!(know(&[added.as_str().unwrap()], Some("ada-l")), Value::Null);
    }
}
