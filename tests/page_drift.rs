//! LinkedIn's releases change hashed class names and nest things deeper. Every fixture, with its
//! hashed classes renamed and every element inside a container wrapped in one more `<div>`,
//! reads exactly as before: the readers depend on neither.

mod support;

use support::html::{self, Element, Html};
use support::{anchor_problem, fixtures, reading_json, the_card, GENERATIONS};
use vetted::page::{read_card, Card};

/// The classic generation's BEM names are its structure, not hashes: they stay.
const STRUCTURAL: &[&str] = &["invitation-card", "mn-invitation", "member-insights", "time-badge"];

/// Elements whose children are blocks, and so may gain a wrapper.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li",
    "figure", "form",
];

/// A hashed name: letters and digits without the dashes of BEM and utility names.
fn looks_hashed(class: &str) -> bool {
    !STRUCTURAL.iter().any(|s| class.contains(s))
        && !class.contains('-')
        && class.chars().any(|c| c.is_ascii_digit())
}

/// Another hash of the same length: every digit and letter moved along.
fn rehash(class: &str) -> String {
    class
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from(b'0' + (c as u8 - b'0' + 3) % 10),
            'a'..='z' => char::from(b'a' + (c as u8 - b'a' + 7) % 26),
            _ => c,
        })
        .collect()
}

fn drift(element: &mut Element) {
    if let Some((_, classes)) = element.attrs.iter_mut().find(|(name, _)| name == "class") {
        let renamed: Vec<String> = classes
            .split_whitespace()
            .map(|c| if looks_hashed(c) { rehash(c) } else { c.to_string() })
            .collect();
        *classes = renamed.join(" ");
    }
    let wrap = CONTAINERS.contains(&element.tag.as_str());
    for child in element.children.iter_mut() {
        if let Html::Element(inner) = child {
            drift(inner);
            if wrap {
                let wrapped = std::mem::replace(inner, wrapper());
                inner.children.push(Html::Element(wrapped));
            }
        }
    }
}

fn wrapper() -> Element {
    Element {
        tag: "div".into(),
        attrs: vec![("class".into(), "_9d4e2b7a".into())],
        children: Vec::new(),
    }
}

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
