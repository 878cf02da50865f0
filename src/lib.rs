//! Vetted's core: reads LinkedIn invitation cards and advises on each with the essay's rules.
//!
//! Everything but `boundary` and `popup` is plain Rust, tested natively with `cargo test`.

pub mod invitation;
pub mod note;
pub mod page;
pub mod rules;
pub mod settings;
pub mod text;
pub mod verdict;

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
pub use rules::{Engine, Rule, CATALOGUE};
pub use settings::Settings;
pub use verdict::{Decision, NoteState, RuleMatch, Verdict};
