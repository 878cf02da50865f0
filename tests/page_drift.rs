//! LinkedIn's releases change hashed class names and nest things deeper. Every fixture, with its
//! hashed classes renamed and every element inside a container wrapped in one more `<div>`,
//! reads exactly as before: the readers depend on neither.

mod support;

use support::html::{self, Html};
use support::variants::{drift, looks_hashed};
use support::{anchor_problem, fixtures, reading_json, the_card, GENERATIONS};
use vetted::page::{read_card, Card};

#[test]
fn renamed_classes_and_deeper_nesting_change_no_reading() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for generation in GENERATIONS {
        for fixture in fixtures(generation) {
            let mut nodes = fixture.nodes();
            for node in nodes.iter_mut() {
                if let Html::Element(element) = node {
                    drift(element);
                }
            }
            let html = html::snapshot(the_card(&fixture.name(), &nodes));
            let card = Card::parse(&html);
            let reading = read_card(&card);
            let got = reading_json(&reading);
            if got != fixture.expect {
                failures.push(format!(
                    "{}\n  expected {}\n  got      {}",
                    fixture.name(),
                    fixture.expect,
                    got
                ));
            }
            if let Some(problem) = anchor_problem(&card, &reading) {
                failures.push(format!("{}: {problem}", fixture.name()));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 0);
}

#[test]
fn the_drift_really_renames_and_nests() {
    let fixture = &fixtures("gen2026")[0];
    let mut nodes = fixture.nodes();
    let before = html::snapshot(the_card(&fixture.name(), &nodes));
    for node in nodes.iter_mut() {
        if let Html::Element(element) = node {
            drift(element);
        }
    }
    let after = html::snapshot(the_card(&fixture.name(), &nodes));
    assert!(after.matches('<').count() > before.matches('<').count() + 5);
    let classes = |s: &str| Card::parse(s).attr(0, "class").map(str::to_string);
    assert_ne!(classes(&before), classes(&after));
    assert!(
        looks_hashed("_4f1c2a0e")
            && !looks_hashed("invitation-card__title")
            && !looks_hashed("t-16")
    );
}
