//! The content script's one call into the core, natively: a batch of cards' HTML read and
//! judged, the results written as the JSON text that crosses back (`classify_batch`, which the
//! wasm's `classify` wraps). `tests/tools/core-speed.mjs` writes the batch and runs this beside
//! the same call in the browser, for the ratio of the two (docs/ARCHITECTURE.md, Budgets).
//! Usage: cargo bench --bench core -- BATCH_FILE. Prints `core: <ms> ms per batch of <n> cards`.

use std::hint::black_box;
use std::time::Instant;
use vetted::{classify_batch, Engine, Settings};

#[path = "browser_heap.rs"]
mod browser_heap;

fn main() {
    let Some(file) = std::env::args().skip(1).find(|arg| !arg.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench core -- BATCH_FILE");
        std::process::exit(2);
    };
    let batch = std::fs::read_to_string(&file).expect("the batch file");
    let cards = batch.split('\u{1d}').count();
    let engine = Engine::new(Settings::default());
    // The fastest of many calls: the least disturbed by the machine's other work.
    let mut best = f64::INFINITY;
    let begun = Instant::now();
    let mut calls = 0;
    while calls < 5 || begun.elapsed().as_secs_f64() < 2.0 {
        let start = Instant::now();
        black_box(classify_batch(&engine, black_box(&batch)));
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        calls += 1;
    }
    println!("core: {best:.3} ms per batch of {cards} cards (fastest of {calls} calls)");
}
