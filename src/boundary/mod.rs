//! The wasm boundary: what the content script, the background and the popup call, and what
//! crosses back.
//!
//! - `bindings`: the `#[wasm_bindgen]` calls, thin: each reads its arguments, hands them to the
//!   page readers and the rules engine, and returns what `card_result` made of their answer;
//! - `card_result`: a card's reading and verdict as the content script needs them for its badge;
//! - `json`: those results as JSON text, written without serde (smaller in the badges' wasm);
//! - `heap`: the wasm's allocator, smaller than the standard library's;
//! - `invite`: the calls of the invitation dialogs' wasm (feature "invite").

#[cfg(target_arch = "wasm32")]
pub(crate) mod bindings;
mod card_result;
// The invitation dialogs' own wasm (feature "invite").
#[cfg(all(target_arch = "wasm32", feature = "invite"))]
mod invite;
mod json;
// Natively, the engine's benchmark uses the allocator too, to measure the engine as it runs in
// the browser.
pub mod heap;

/// A batch of cards' HTML (see `page::snapshot`) read and judged: the results as the JSON text
/// that crosses to the content script, one object per card, in order. Plain Rust, so that the
/// whole call is measured natively too (`cargo bench --bench core`).
pub fn classify_batch(engine: &crate::judge::Engine, batch: &str) -> String {
    let cards = crate::page::parse_batch(batch);
    let results: Vec<card_result::CardResult> = cards
        .iter()
        .map(|card| card_result::judge(engine, card, crate::page::read_card(card)))
        .collect();
    json::to_string(&results)
}
