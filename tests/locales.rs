//! The texts in every language: each message key the core, the content script or the popup can
//! show exists in extension/_locales/{en,de,fr} with the same `$1`… placeholders, and
//! _locales/en says exactly what the core says in English, so that the two never drift.
//!
//! Keys: `rule_<id>_title`, `rule_<id>_reason`, `rule_<id>_hint` (rules with a hint), `reply_<id>`
//! (`$1` = the sender's first name), the matchers' `because_<id>…` (`$1` = what was found), the
//! popup's (src/popup/texts.rs) and the scripts' own.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use vetted::invitation::MutualConnections;
use vetted::page::PROFILE;
use vetted::settings::Settings;
use vetted::{Engine, Invitation, CATALOGUE};

const LANGUAGES: [&str; 3] = ["en", "de", "fr"];

/// The popup's texts, (key, English), as src/popup/mod.rs has them.
const POPUP: &[(&str, &str)] = include!("../src/popup/texts.rs");

fn messages(language: &str) -> BTreeMap<String, String> {
    let path = format!("extension/_locales/{language}/messages.json");
    let text = std::fs::read_to_string(&path).expect(&path);
    let Value::Object(entries) = serde_json::from_str(&text).expect("JSON") else {
        panic!("{path}: an object")
    };
    entries
        .into_iter()
        .map(|(key, entry)| {
            let message = entry
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{path}: {key}"));
            (key, message.to_string())
        })
        .collect()
}

/// The `$1`… a message uses; any other `$` is a mistake (chrome.i18n would eat it).
fn placeholders(message: &str) -> BTreeSet<u8> {
    let bytes = message.as_bytes();
    let mut found = BTreeSet::new();
    for (at, _) in message.match_indices('$') {
        match bytes.get(at + 1) {
            Some(digit @ b'1'..=b'9') => found.insert(*digit - b'0'),
            _ => panic!("a stray $ in {message:?}"),
        };
    }
    found
}

/// The string literals of Rust source, escapes resolved, in order (enough for the rule files).
fn string_literals(source: &str) -> Vec<String> {
    let mut literals = Vec::new();
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.as_str().starts_with('/') => {
                chars.by_ref().take_while(|&c| c != '\n').for_each(drop);
            }
            '\'' => {
                // A char literal ('"', '\'') or a lifetime: skip past it.
                let rest = chars.as_str();
                let skip = match rest.as_bytes() {
                    [b'\\', _, b'\'', ..] => 3,
                    [_, b'\'', ..] => rest.chars().next().map_or(0, |c| c.len_utf8() + 1),
                    _ => 0,
                };
                chars = rest[skip..].chars();
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => literal.push('\n'),
                            Some('\n') => {
                                chars = chars.as_str().trim_start().chars();
                            }
                            Some(other) => literal.push(other),
                            None => {}
                        },
                        other => literal.push(other),
                    }
                }
                literals.push(literal);
            }
            _ => {}
        }
    }
    literals
}

/// Every `because_…` key the rule files name, with the English that follows it in the source.
fn reasons_in_source() -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir("src/engine/rules").unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let code = source.split("#[cfg(test)]").next().unwrap();
        let literals = string_literals(code);
        for pair in literals.windows(2) {
            if pair[0].starts_with("because_") && !pair[0].contains(' ') {
                assert!(
                    found.insert(pair[0].clone(), pair[1].clone()).is_none(),
                    "{} twice",
                    pair[0]
                );
            }
        }
    }
    found
}

/// Every key the core can emit, with its English.
fn core_texts() -> BTreeMap<String, String> {
    let mut texts = reasons_in_source();
    for rule in CATALOGUE {
        let id = rule.id;
        texts.insert(PROFILE.title.replace("$1", id), rule.title.to_string());
        texts.insert(PROFILE.essay.replace("$1", id), rule.reason.to_string());
        texts.insert(format!("reply_{id}"), rule.reply().to_string());
        if let Some(hint) = rule.hint {
            texts.insert(PROFILE.hint.replace("$1", id), hint.to_string());
        }
        assert!(
            texts.keys().any(|key| key.starts_with(&format!("because_{id}"))),
            "{id} has no reason"
        );
    }
    for (key, english) in POPUP {
        assert!(texts.insert(key.to_string(), english.to_string()).is_none(), "{key} twice");
    }
    texts
}

/// The keys the scripts ask for by name (`t('key'`, `message('key'`).
fn script_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut paths: Vec<_> = std::fs::read_dir("extension/content")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.push("extension/popup/popup.js".into());
    for path in paths {
        let source = std::fs::read_to_string(path).unwrap();
        for call in ["t('", "message('"] {
            for (at, _) in source.match_indices(call) {
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &source[at + call.len()..];
                let key = &rest[..rest.find('\'').unwrap()];
                keys.insert(key.to_string());
            }
        }
    }
    keys
}

#[test]
fn english_is_what_the_core_says() {
    let en = messages("en");
    for (key, english) in core_texts() {
        assert_eq!(en.get(&key), Some(&english), "_locales/en/messages.json: {key}");
    }
}

#[test]
fn every_language_has_every_message_with_the_same_placeholders() {
    let en = messages("en");
    let mut wanted: BTreeSet<String> = core_texts().into_keys().collect();
    wanted.extend(script_keys());
    wanted.extend(["extension_name", "extension_description", "lang"].map(String::from));
    for language in LANGUAGES {
        let messages = messages(language);
        for key in &wanted {
            assert!(messages.contains_key(key), "_locales/{language} lacks {key}");
        }
        let keys: BTreeSet<&String> = messages.keys().collect();
        assert_eq!(
            keys,
            en.keys().collect(),
            "_locales/{language} and _locales/en have different keys"
        );
        for (key, message) in &messages {
            assert!(!message.trim().is_empty(), "_locales/{language}: {key} is empty");
            assert_eq!(
                placeholders(message),
                placeholders(&en[key]),
                "_locales/{language}: {key}: {message:?}"
            );
        }
        assert_eq!(messages["lang"], language);
    }
}

#[test]
fn replies_name_the_sender_and_reasons_quote_what_was_found() {
    for rule in CATALOGUE {
        assert_eq!(placeholders(rule.reply()), BTreeSet::from([1]), "reply_{}", rule.id);
    }
    let en = messages("en");
    for (key, english) in reasons_in_source() {
        assert!(placeholders(&english).len() <= 1, "{key}: one detail at most");
        assert!(english.ends_with('.'), "{key}");
        assert!(en.contains_key(&key));
    }
}

/// The engine's reasons are the messages with the detail in place.
#[test]
fn each_reason_is_its_message_with_the_detail() {
    let en = messages("en");
    let mut cases = Vec::new();
    for (headline, message) in [
        ("Tech Recruiter", None),
        ("CEO | LION | 30K+", Some("Hello dear, your smile caught my attention.")),
        ("Founder", Some("We have a budget for a Rust port.")),
        ("Engineer", Some("We're both in the Rust group.")),
        ("Engineer at Acme Corp", Some("Hello from the data team!")),
        ("Engineer", Some("I’d like to add you to my professional network on LinkedIn.")),
        ("Engineer", Some("Loved your talk.")),
    ] {
        let mut invitation = Invitation::person("Ada Lovelace");
        invitation.headline = headline.into();
        invitation.message = message.map(String::from);
        invitation.mutual = MutualConnections { count: 3, names: vec!["John Roe".into()] };
        cases.push(invitation);
    }
    let settings = Settings { own_organizations: vec!["Acme Corp".into()], ..Settings::default() };
    let engine = Engine::new(settings);
    let mut keys = BTreeSet::new();
    for invitation in &cases {
        for m in engine.classify(invitation).unwrap().matches {
            let english =
                en.get(m.key()).unwrap_or_else(|| panic!("{} is not in _locales/en", m.key()));
            assert_eq!(english.replacen("$1", m.detail(), 1), m.reason());
            keys.insert(m.key());
        }
    }
    assert!(keys.len() >= 7, "{keys:?}");
}
