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
// The invitation dialogs' own wasm (feature "invite").
#[cfg(all(target_arch = "wasm32", feature = "invite"))]
mod invite;
// Natively only their tests use these, and the popup not at all.
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "popup", feature = "invite"),
    allow(dead_code)
)]
mod card_result;
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "popup", feature = "invite"),
    allow(dead_code)
)]
mod json;
// Natively, the engine's benchmark uses the allocator too, to measure the engine as it runs in
// the browser.
pub mod heap;
