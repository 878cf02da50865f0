//! The bindings: the few calls the content script and the background make.
//!
//! A batch of cards crosses as one string (see `page::snapshot`) and its results come back as
//! one array, so a batch costs one crossing each way however many cards it holds.
//!
//! The popup's own wasm (feature "popup") takes only the conversions between JS values and
//! settings data from here: its UI is in `popup`, and the calls of the content script and the
//! background (`calls`: the page readers, the rules engine) stay out of it.

use crate::settings::Value;
use wasm_bindgen::prelude::*;

/// JSON-like data as a plain JS value: objects, arrays and primitives only, ready to store (the
/// popup's: the badges' core writes no settings).
#[cfg(feature = "popup")]
pub(crate) fn value_to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(value_to_js).collect::<js_sys::Array>().into(),
        Value::Object(fields) => {
            let object = js_sys::Object::new();
            for (key, item) in fields {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value_to_js(item));
            }
            object.into()
        }
    }
}

/// A JS value as JSON-like data, as serde-wasm-bindgen read it: `undefined` and `null` are
/// null; arrays and plain objects (their own enumerable string keys) are read whole; what
/// JSON has no word for (functions, symbols, big integers) is null. Nesting deeper than any
/// settings file is null too, so that a hostile file cannot exhaust the stack.
#[cfg_attr(feature = "invite", allow(dead_code))]
pub(crate) fn read_value(value: &JsValue, depth: u32) -> Value {
    if let Some(b) = value.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = value.as_f64() {
        return Value::Number(n);
    }
    if let Some(s) = value.as_string() {
        return Value::String(s);
    }
    if depth > 64 || !value.is_object() {
        return Value::Null;
    }
    if js_sys::Array::is_array(value) {
        let array = js_sys::Array::from(value);
        return Value::Array(array.iter().map(|item| read_value(&item, depth + 1)).collect());
    }
    let mut fields = crate::settings::Fields::new();
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry = js_sys::Array::from(&entry);
        if let Some(key) = entry.get(0).as_string() {
            fields.insert(key, read_value(&entry.get(1), depth + 1));
        }
    }
    Value::Object(fields)
}

/// The calls of the content script and the background; not in the popup's nor the dialogs' wasm.
#[cfg(not(any(feature = "popup", feature = "invite")))]
mod calls {
    use super::super::json::{Json, ToJson};
    use super::read_value;
    use crate::judge::Engine;
    use crate::page;
    use crate::settings::{self, Settings, Value};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;

    /// The engine of the settings in force. The wasm runs one thread: a plain static holds it,
    /// where a `thread_local!` and a `RefCell` would bring their panics' formatting into the wasm.
    struct EngineSlot(Cell<Option<Rc<Engine>>>);

    // One thread: no other can reach the cell.
    unsafe impl Sync for EngineSlot {}

    static ENGINE: EngineSlot = EngineSlot(Cell::new(None));

    /// Shared out as an `Rc`, so that the slot holds it again before cards are judged: a panic
    /// there (which aborts the call) cannot leave the next batch without it.
    fn engine() -> Rc<Engine> {
        let engine = ENGINE.0.take().unwrap_or_else(|| Rc::new(Engine::new(Settings::default())));
        ENGINE.0.set(Some(Rc::clone(&engine)));
        engine
    }

    fn to_js<T: ToJson + ?Sized>(value: &T) -> JsValue {
        from_json(&super::super::json::to_string(value))
    }

    /// Plain objects, arrays and primitives (no Maps): results are messaged and stored as they
    /// are. One string crosses, and JSON.parse builds the objects: no crossing per field.
    fn from_json(text: &str) -> JsValue {
        js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
    }

    /// Stored or imported settings as JSON-like data; nothing stored reads as no settings.
    fn value_from_js(stored: JsValue) -> Value {
        if stored.is_undefined() || stored.is_null() {
            return Value::Object(Default::default());
        }
        read_value(&stored, 0)
    }

    /// What the content script needs to find and snapshot cards.
    #[wasm_bindgen]
    pub fn profile() -> JsValue {
        to_js(&page::PROFILE)
    }

    /// Applies stored settings; returns how many problems were found in them (0 when all was
    /// well; the popup lists them). Unreadable settings leave the defaults in force, never the
    /// page without badges.
    #[wasm_bindgen]
    pub fn configure(stored: JsValue) -> u32 {
        let mut problems = settings::Count::default();
        let settings = settings::read(&value_from_js(stored), &mut problems);
        let engine = Rc::new(Engine::new(settings));
        ENGINE.0.set(Some(engine));
        problems.0
    }

    /// Reads and judges one batch of cards' HTML, as UTF-8 (`TextEncoder`'s); one result per
    /// card, in order. Bytes, not a string: wasm-bindgen copies a string into the wasm one
    /// character at a time while it is ASCII, which took 13 ms for 1,000 cards' HTML; a
    /// `TextEncoder` and one copy take about one.
    #[wasm_bindgen]
    pub fn classify(batch: &[u8]) -> JsValue {
        let batch = std::str::from_utf8(batch).unwrap_or_default();
        let results = super::super::classify_batch(&engine(), batch);
        #[cfg(feature = "fault-injection")]
        inject_fault(batch);
        from_json(&results)
    }

    /// Test builds only: a batch holding the magic words panics mid-call, with its results and the
    /// engine still held, as a bug in the core would; the content script must lose that card only.
    #[cfg(feature = "fault-injection")]
    fn inject_fault(batch: &str) {
        if batch.contains("VETTED-PANIC-TRIGGER") {
            panic!("fault injection: a card holds VETTED-PANIC-TRIGGER");
        }
    }

    impl ToJson for page::Profile {
        fn to_json(&self, json: &mut Json) {
            json.object(|json| {
                json.field("cards", self.cards).field("list", self.list);
                json.field("controls", self.controls);
                json.field("ignore", page::words::IGNORE_PATTERN);
                json.field("accept", page::words::ACCEPT_PATTERN);
                json.field("items", self.items).field("regions", self.regions);
                json.field("pages", self.pages).field("dark", self.dark);
                json.field("light", self.light).field("known_list", self.known_list);
                json.field("title", self.title).field("essay", self.essay);
                json.field("hint", self.hint);
            });
        }
    }
}
