//! Broken markup: seeded, reproducible random mutations of every fixture (nodes dropped,
//! duplicated, reordered, nested deeper, attributes stripped). Whatever LinkedIn ships, reading
//! never panics, a badge never lands outside its card, and each card gets at most one reading.
//!
//! `VETTED_MUTATION_SEED=<n>` replays one run; a failure names the seed and the fixture.

mod support;

use std::panic::{catch_unwind, AssertUnwindSafe};
use support::html::{self, Element, Html};
use support::{fixtures, GENERATIONS};
use vetted::page::{read_card, Card, Reading, PROFILE};

/// Mutated pages per fixture; with 51 fixtures, over 1,000 pages per `cargo test`.
const PAGES_PER_FIXTURE: usize = 24;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One random change somewhere in the tree under `element`.
fn mutate(element: &mut Element, rng: &mut Rng) {
    // Walk down a random path, stopping at a random depth.
    let children = element.children.len();
    if children > 0 && rng.below(3) > 0 {
        let at = rng.below(children);
        if let Html::Element(child) = &mut element.children[at] {
            return mutate(child, rng);
        }
    }
    match rng.below(6) {
        0 if children > 0 => {
            element.children.remove(rng.below(children));
        }
        1 if children > 0 => {
            let at = rng.below(children);
            let copy = element.children[at].clone();
            element.children.insert(at, copy);
        }
        2 if children > 1 => {
            let (a, b) = (rng.below(children), rng.below(children));
            element.children.swap(a, b);
        }
        3 => {
            let inner = std::mem::take(&mut element.children);
            let wrapper = Element { tag: "div".into(), attrs: Vec::new(), children: inner };
            element.children.push(Html::Element(wrapper));
        }
        4 if !element.attrs.is_empty() => {
            element.attrs.remove(rng.below(element.attrs.len()));
        }
        _ => element.attrs.clear(),
    }
}

/// Reads every card of a mutated page and checks what the content script relies on.
fn check_page(nodes: &[Html]) -> Result<usize, String> {
    let mut read = 0;
    for card in html::select(nodes, PROFILE.cards) {
        let html = html::snapshot(card);
        let snapshot = Card::parse(&html);
        let first = read_card(&snapshot);
        if first != read_card(&snapshot) {
            return Err("the same card read twice gave two readings".into());
        }
        if let Reading::Person { anchor, .. } = first {
            let node = snapshot.nodes.get(anchor).ok_or("the anchor is outside the card")?;
            if node.is_text() {
                return Err("the anchor is a text node, not an element".into());
            }
            read += 1;
        }
    }
    Ok(read)
}

#[test]
fn a_thousand_broken_pages_never_break_the_reader() {
    let base: u64 = std::env::var("VETTED_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_0f7e_77ed);
    let mut pages = 0;
    let mut readable = 0;
    for fixture in GENERATIONS.iter().flat_map(|g| fixtures(g)) {
        for page in 0..PAGES_PER_FIXTURE {
            let seed = base ^ ((pages as u64 + 1) << 20) ^ page as u64;
            let mut rng = Rng(seed | 1);
            let mut nodes = fixture.nodes();
            let mut root = Element { tag: "main".into(), attrs: Vec::new(), children: nodes };
            for _ in 0..=rng.below(4) {
                mutate(&mut root, &mut rng);
            }
            nodes = root.children;
            let outcome = catch_unwind(AssertUnwindSafe(|| check_page(&nodes)));
            match outcome {
                Ok(Ok(read)) => readable += read,
                Ok(Err(problem)) => panic!("{} (seed {seed}): {problem}", fixture.name()),
                Err(_) => panic!("{} (seed {seed}): the reader panicked", fixture.name()),
            }
            pages += 1;
        }
    }
    eprintln!("{pages} mutated pages, {readable} person cards read");
    assert!(pages >= 1000, "only {pages} mutated pages");
    // Most mutations leave a card readable: the test must not pass by reading nothing.
    assert!(readable > pages / 4, "only {readable} person cards read in {pages} pages");
}
