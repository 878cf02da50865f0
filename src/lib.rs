//! Vetted's core: reads LinkedIn invitation cards and advises on each with the essay's rules.
//!
//! Four layers, each a part of the tree:
//! - `engine/`: the rules engine (rules, settings, verdicts, text), plain Rust;
//! - `page/`: LinkedIn's pages, read from a card's HTML, plain Rust;
//! - the wasm boundary (`boundary.rs`, with `card_result.rs`, `json.rs` and the allocator
//!   `heap.rs`): what the content script and the background call, in the badges' wasm;
//! - `popup/`: the popup's UI, in a wasm of its own (feature "popup").
//!
//! All but the boundary and the popup are tested natively with `cargo test`.

pub mod engine;
pub mod page;

// The engine's modules by their short names (`crate::text`, `vetted::settings`), as every layer
// above it reads them.
pub use engine::{invitation, judge, note, rules, settings, text, verdict};

#[cfg(target_arch = "wasm32")]
mod boundary;
// What crosses the boundary for each card; natively only its tests use it, and the popup not at all.
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "popup"), allow(dead_code))]
mod card_result;
// The wasm's allocator, smaller than the standard library's; natively, the engine's benchmark
// uses it too, to measure the engine as it runs in the browser.
pub mod heap;
// The boundary's results as JSON text; natively only its tests use it, and the popup not at all.
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "popup"), allow(dead_code))]
mod json;
// The popup's UI is built into its own wasm (feature "popup"), so LinkedIn pages never load it.
#[cfg(all(target_arch = "wasm32", feature = "popup"))]
mod popup;

pub use invitation::{Invitation, MutualConnections, SenderKind};
pub use judge::Engine;
pub use rules::{Rule, CATALOGUE};
pub use settings::Settings;
pub use verdict::{Decision, NoteState, RuleMatch, Verdict};
