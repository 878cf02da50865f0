//! Every card fixture, snapshotted as the content script would, reads as its first line expects.

mod support;

use serde_json::json;
use support::{anchor_problem, fixtures, html, reading_json, the_card, GENERATIONS};
use vetted::page::{read_card, Card, Reading, PROFILE};
use vetted::{Engine, Settings};

/// Reads every fixture of a generation against its expected reading and badge anchor.
fn check(generation: &str) {
    let fixtures = fixtures(generation);
    assert!(!fixtures.is_empty(), "no fixtures for {generation}");
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let nodes = fixture.nodes();
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
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn classic_cards_read_as_expected() {
    check("classic");
}

#[test]
fn gen2025_cards_read_as_expected() {
    check("gen2025");
}

#[test]
fn gen2026_cards_read_as_expected() {
    check("gen2026");
}

/// Every person's card gets the badge its fixture expects, read and judged natively with default
/// settings: the same expectation the browser tests check on the demo pages.
#[test]
fn every_person_card_gets_its_expected_badge() {
    let engine = Engine::new(Settings::default());
    let mut failures = Vec::new();
    for fixture in GENERATIONS.iter().flat_map(|g| fixtures(g)) {
        let nodes = fixture.nodes();
        let html = html::snapshot(the_card(&fixture.name(), &nodes));
        let card = Card::parse(&html);
        let Reading::Person { invitation, .. } = read_card(&card) else { continue };
        let verdict = engine.classify(&invitation).expect("a person gets a verdict");
        let got = json!({
            "verdict": verdict.decision.name(),
            "note": verdict.note.name(),
            "rules": verdict.rule_ids().join(","),
        });
        match &fixture.badge {
            Some(want) if *want == got => {}
            want => failures.push(format!("{}: expected {want:?}, got {got}", fixture.name())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same numbered cases in every generation, so that none is tested less; every kind of card
/// among them.
#[test]
fn every_generation_has_the_whole_matrix() {
    let cases = |generation: &str| -> Vec<String> {
        let names = fixtures(generation)
            .into_iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned());
        names.map(|name| name[..2].to_string()).collect()
    };
    for generation in GENERATIONS {
        assert_eq!(cases(generation), cases("gen2026"), "{generation}");
        let fixtures = fixtures(generation);
        let kinds: Vec<&str> =
            fixtures.iter().map(|f| f.expect["kind"].as_str().unwrap_or("")).collect();
        for kind in ["person", "newsletter", "page", "event", "group", "none"] {
            assert!(kinds.contains(&kind), "{generation} has no {kind} fixture");
        }
    }
}

/// No HTML makes the reader panic: fixtures' HTML cut short at every tag and quote, and fixtures
/// whose pieces (between `<`, `>` and `"`) are swapped about by a fixed pseudo-random sequence.
#[test]
fn no_snapshot_makes_the_reader_panic() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for generation in GENERATIONS {
        for fixture in fixtures(generation) {
            let nodes = fixture.nodes();
            let Some(card) = html::select(&nodes, PROFILE.cards).first().copied() else { continue };
            let snapshot = html::snapshot(card);
            // Cut at every tag and quote, and just past it.
            let cuts = snapshot.match_indices(['<', '>', '"']).flat_map(|(i, _)| [i, i + 1]);
            for cut in cuts {
                read_card(&Card::parse(&snapshot[..cut]));
            }
            let mut pieces: Vec<&str> = snapshot.split_inclusive(['<', '>', '"']).collect();
            for _ in 0..200 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let (a, b) =
                    ((seed >> 33) as usize % pieces.len(), (seed >> 13) as usize % pieces.len());
                pieces.swap(a, b);
                read_card(&Card::parse(&pieces.concat()));
            }
        }
    }
}

/// Seeds for `./build.sh fuzz`: every fixture's snapshot, as the content script would send it,
/// so that libFuzzer starts from real cards rather than random bytes.
#[test]
#[ignore = "run by ./build.sh fuzz"]
fn write_fuzz_seeds() {
    let dir = support::root().join("tests/fuzz/corpus/card_reader");
    std::fs::create_dir_all(&dir).expect("the fuzz corpus folder");
    for (i, fixture) in GENERATIONS.iter().flat_map(|g| fixtures(g)).enumerate() {
        let nodes = fixture.nodes();
        let snapshot = html::snapshot(the_card(&fixture.name(), &nodes));
        std::fs::write(dir.join(format!("fixture-{i:02}")), snapshot).expect("a seed file");
    }
}
