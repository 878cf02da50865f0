//! Vetted's core: reads LinkedIn invitation cards and advises on each with the essay's rules.
//!
//! Four layers, each a part of the tree:
//! - `engine/`: the rules engine (rules, settings, verdicts, text), plain Rust;
//! - `page/`: LinkedIn's pages, read from a card's HTML, plain Rust;
//! - `boundary/`: what the content script, the background and the popup call, the results
//!   that cross back, and the wasm's allocator;
//! - `popup/`: the popup's UI, in a wasm of its own (feature "popup").
//!
//! All but the boundary and the popup are tested natively with `cargo test`.

pub mod engine;
pub mod page;

// The engine's modules by their short names (`crate::text`, `vetted::settings`), as every layer
// above it reads them.
pub use engine::{invitation, judge, note, reason, rules, settings, text, verdict};

mod boundary;
pub use boundary::{classify_batch, heap};
// The popup's UI is built into its own wasm (feature "popup"), so LinkedIn pages never load it.
#[cfg(all(target_arch = "wasm32", feature = "popup"))]
mod popup;

pub use invitation::{Invitation, MutualConnections, SenderKind};
pub use judge::Engine;
pub use rules::{Rule, CATALOGUE};
pub use settings::Settings;
pub use verdict::{Decision, NoteState, RuleMatch, Verdict};
