//! The demo pages: each generation's page shell with its fixtures inserted, read the way the
//! content script reads a page (cards found by the profile's selector, snapshotted, read).

mod support;

use support::{assemble, fixtures, html, reading_json, shell, Fixture, GENERATIONS, MARKER};
use vetted::page::{read_card, words, Card};

fn readings(page: &str) -> Vec<serde_json::Value> {
    html::page_cards(page).iter().map(|s| reading_json(&read_card(&Card::parse(s)))).collect()
}

fn expected(fixtures: &[Fixture]) -> Vec<serde_json::Value> {
    fixtures.iter().map(|f| f.expect.clone()).collect()
}

fn generations_with_shells() -> Vec<&'static str> {
    GENERATIONS
        .iter()
        .copied()
        .filter(|g| support::root().join(format!("www/{g}.html")).exists())
        .collect()
}

#[test]
fn each_shell_has_one_marker_and_no_cards_of_its_own() {
    for generation in generations_with_shells() {
        let shell = shell(generation);
        assert_eq!(shell.matches(MARKER).count(), 1, "{generation}: the marker once");
        assert!(
            html::page_cards(&shell).is_empty(),
            "{generation}: the shell's own elements are not cards"
        );
        let nodes = html::parse(&shell);
        assert!(
            html::controls_saying(&nodes, words::is_ignore).is_empty(),
            "{generation}: the shell trips the canary"
        );
    }
}

#[test]
fn each_demo_page_reads_as_its_fixtures() {
    for generation in generations_with_shells() {
        let fixtures = fixtures(generation);
        let page = assemble(&shell(generation), &fixtures);
        assert_eq!(readings(&page), expected(&fixtures), "{generation}");
        let nodes = html::parse(&page);
        assert!(
            !html::controls_saying(&nodes, words::is_ignore).is_empty(),
            "{generation}: the canary sees no control"
        );
    }
}

#[test]
fn generations_mix_on_one_page() {
    let all: Vec<Fixture> = GENERATIONS.iter().flat_map(|g| fixtures(g)).collect();
    let page = assemble(&shell("gen2026"), &all);
    assert_eq!(readings(&page), expected(&all));
}
