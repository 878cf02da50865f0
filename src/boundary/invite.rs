//! The invitation dialogs' wasm (feature "invite"): loaded by `invite.js` only when a note dialog
//! opens, never with the badges' wasm. It judges the user's draft with the same reader as a
//! received note (`reason`).

use super::json::{to_string, Json, ToJson};
use crate::page::invite::{InviteProfile, INVITE};
use crate::reason::{draft_gives_reason, ReasonWords};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

/// The words of notes that give no reason, made ready on first use. One thread: a plain static.
struct Words(OnceCell<ReasonWords>);

// One thread: no other can reach the cell.
unsafe impl Sync for Words {}

static WORDS: Words = Words(OnceCell::new());

fn to_js<T: ToJson + ?Sized>(value: &T) -> JsValue {
    js_sys::JSON::parse(&to_string(value)).unwrap_or(JsValue::NULL)
}

/// What `invite.js` looks for in LinkedIn's dialogs (`build.sh` writes it into the script).
#[wasm_bindgen]
pub fn invite_profile() -> JsValue {
    to_js(&INVITE)
}

/// Whether the user's draft says why they want to connect.
#[wasm_bindgen]
pub fn draft_reason(draft: &str, invitee: &str) -> bool {
    draft_gives_reason(WORDS.0.get_or_init(ReasonWords::default), draft, invitee)
}

impl ToJson for InviteProfile {
    fn to_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("dialogs", self.dialogs).field("note", self.note).field("ask", self.ask);
            json.field("counter", self.counter).field("remaining", self.remaining);
            json.field("out", self.out).field("connect", self.connect);
            json.field("how_know", self.how_know).field("vanity", self.vanity);
        });
    }
}
