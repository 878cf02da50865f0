//! Any batch string the content script could send: parsing and reading never panic, and a
//! person's badge anchor is an element of its own card, with a path to it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vetted::page::{parse_batch, read_card, Reading};

fuzz_target!(|data: &[u8]| {
    let batch = String::from_utf8_lossy(data);
    for card in parse_batch(&batch) {
        if let Reading::Person { anchor, .. } = read_card(&card) {
            let node = &card.nodes[anchor];
            assert!(!node.is_text(), "a badge anchored on a text node");
            card.path(anchor);
        }
    }
});
