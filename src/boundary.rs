//! The wasm boundary: the few calls the content script, the background and the popup make.
//!
//! A batch of cards crosses as one string (see `page::snapshot`) and its results come back as
//! one array, so a batch costs one crossing each way however many cards it holds.

use crate::invitation::{MutualConnections, SenderKind};
use crate::page::{self, Reading};
use crate::rules::{self, Engine};
use crate::settings::{self, Settings, Value};
use crate::verdict::{Decision, NoteState, Verdict};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::new(Settings::default()));
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // JSON-compatible (plain objects, no Maps): results are messaged and stored as they are.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// What the content script needs to find and snapshot cards.
#[wasm_bindgen]
pub fn profile() -> JsValue {
    to_js(&page::PROFILE)
}

/// Applies stored settings; returns the problems found in them (empty when all was well).
/// Unreadable settings leave the defaults in force, never the page without badges.
#[wasm_bindgen]
pub fn configure(stored: JsValue) -> JsValue {
    let data: Value = if stored.is_undefined() || stored.is_null() {
        Value::Object(Default::default())
    } else {
        serde_wasm_bindgen::from_value(stored).unwrap_or(Value::Null)
    };
    let loaded = settings::load(&data);
    ENGINE.with(|engine| *engine.borrow_mut() = Engine::new(loaded.settings));
    to_js(&loaded.problems)
}

/// Reads and judges one batch of card snapshots; one result per card, in order.
#[wasm_bindgen]
pub fn classify(batch: &str) -> JsValue {
    let cards = page::parse_batch(batch);
    ENGINE.with(|engine| {
        let engine = engine.borrow();
        let results: Vec<CardResult> =
            cards.iter().map(|card| judge(&engine, page::read_card(card))).collect();
        to_js(&results)
    })
}

/// The rule catalogue, for the popup and the badges' explanations.
#[wasm_bindgen]
pub fn catalogue() -> JsValue {
    let rules: Vec<RuleInfo> = rules::CATALOGUE
        .iter()
        .map(|r| RuleInfo { id: r.id, title: r.title, reason: r.reason, effect: r.effect })
        .collect();
    to_js(&rules)
}

#[derive(Serialize)]
struct RuleInfo {
    id: &'static str,
    title: &'static str,
    reason: &'static str,
    effect: Decision,
}

/// What the content script does with one card.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum CardResult {
    /// Draw a badge at node `anchor`.
    Person {
        anchor: usize,
        name: String,
        verdict: Decision,
        note: NoteState,
        rules: Vec<&'static str>,
        reasons: Vec<Reason>,
        hint: Option<String>,
        mutual: MutualConnections,
    },
    /// An invitation that is not from a person: no badge.
    Other { sender: SenderKind },
    /// Not an invitation: no badge.
    None,
    /// Looks like an invitation but could not be read: no badge, and why.
    Unreadable { why: String },
}

#[derive(Serialize)]
struct Reason {
    rule: &'static str,
    title: &'static str,
    essay: &'static str,
    text: String,
}

fn judge(engine: &Engine, reading: Reading) -> CardResult {
    match reading {
        Reading::Person { invitation, anchor } => match engine.classify(&invitation) {
            Some(verdict) => person(anchor, invitation.name, invitation.mutual, verdict),
            None => CardResult::Other { sender: invitation.kind },
        },
        Reading::NotPerson { kind } => CardResult::Other { sender: kind },
        Reading::NotACard => CardResult::None,
        Reading::Unreadable { why } => CardResult::Unreadable { why },
    }
}

fn person(anchor: usize, name: String, mutual: MutualConnections, verdict: Verdict) -> CardResult {
    let rules = verdict.rule_ids();
    let reasons = verdict
        .matches
        .into_iter()
        .filter_map(|m| {
            let rule = rules::rule(m.rule)?;
            Some(Reason { rule: rule.id, title: rule.title, essay: rule.reason, text: m.reason })
        })
        .collect();
    CardResult::Person {
        anchor,
        name,
        verdict: verdict.decision,
        note: verdict.note,
        rules,
        reasons,
        hint: verdict.hint,
        mutual,
    }
}
