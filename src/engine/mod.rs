//! The rules engine: what an invitation is, the essay's rules, the user's settings, and the
//! verdict. Plain Rust that knows neither LinkedIn's pages nor the browser: `cargo test` covers
//! it natively. Its modules depend on each other in one direction only:
//!
//! - `text`, `invitation`, `verdict`, `note`, `reason`: leaves;
//! - `rules`: the catalogue, one file per rule, reading the leaves (the user's lists reach it as
//!   `rules::Lists`, never as settings);
//! - `settings`: the user's settings, their versions and problems, reading the catalogue for the
//!   rules' ids and defaults;
//! - `judge`: the engine, which applies the catalogue with the settings.

pub mod invitation;
pub mod judge;
pub mod note;
pub mod reason;
pub mod rules;
pub mod settings;
pub mod text;
pub mod verdict;
