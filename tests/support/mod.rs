//! What the page tests share: the HTML harness and the fixtures with their expected readings.
#![allow(dead_code)]

pub mod html;
pub mod variants;

use html::Html;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use vetted::page::{Card, Reading, PROFILE};

/// The layout generations, each with its fixtures under `tests/fixtures/<generation>/` and its
/// page shell at `www/<generation>.html`.
pub const GENERATIONS: &[&str] = &["classic", "gen2025", "gen2026"];

/// One card's fixture: its file, its HTML and the reading its first line expects (see
/// `tests/browser/pages.mjs` for the browser tests' reading of the same files).
pub struct Fixture {
    pub path: PathBuf,
    pub html: String,
    pub expect: Value,
    /// The badge a person's card gets with default settings: verdict, note and rule ids.
    pub badge: Option<Value>,
}

impl Fixture {
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// The fixture's parsed nodes.
    pub fn nodes(&self) -> Vec<Html> {
        html::parse(&self.html)
    }
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture of a generation, in file-name order (the order the demo page shows them in).
pub fn fixtures(generation: &str) -> Vec<Fixture> {
    let dir = root().join("tests/fixtures").join(generation);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    paths.into_iter().map(load).collect()
}

fn load(path: PathBuf) -> Fixture {
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let first = html.lines().next().unwrap_or("");
    let json = first
        .trim()
        .strip_prefix("<!-- expect ")
        .and_then(|rest| rest.strip_suffix("-->"))
        .unwrap_or_else(|| {
            panic!("{}: the first line is not <!-- expect {{…}} -->", path.display())
        });
    let mut expect: Value =
        serde_json::from_str(json.trim()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // The expected badge (verdict, note, rules) is the rules' business, not the reader's.
    let badge = expect.as_object_mut().and_then(|fields| fields.remove("badge"));
    Fixture { path, html, expect, badge }
}

/// The one card of a fragment: the element that matches the profile's card selector.
pub fn the_card<'a>(name: &str, nodes: &'a [Html]) -> &'a html::Element {
    let cards = html::select(nodes, PROFILE.cards);
    assert_eq!(cards.len(), 1, "{name}: {} elements match the card selector", cards.len());
    cards[0]
}

/// A reading in the fixtures' `expect` form.
pub fn reading_json(reading: &Reading) -> Value {
    match reading {
        Reading::Person { invitation: i, .. } => json!({
            "kind": "person",
            "name": i.name,
            "slug": i.profile_slug,
            "headline": i.headline,
            "status": i.status_line,
            "organization": i.common_organization,
            "mutual": { "count": i.mutual.count, "names": i.mutual.names },
            "age": i.age,
            "message": i.message,
        }),
        Reading::NotPerson { kind } => json!({ "kind": kind.name() }),
        Reading::NotACard => json!({ "kind": "none" }),
        Reading::Unreadable { why } => json!({ "kind": "unreadable", "why": why }),
    }
}

/// Checks what a badge anchor must be: an element holding the sender's name, outside any link
/// or button. Returns the problem, if any.
pub fn anchor_problem(card: &Card, reading: &Reading) -> Option<String> {
    let Reading::Person { invitation, anchor } = reading else { return None };
    let Some(node) = card.nodes.get(*anchor) else {
        return Some(format!("anchor {anchor} out of range"));
    };
    if node.is_text() {
        return Some("anchor is a text node".into());
    }
    let mut at = Some(*anchor);
    while let Some(i) = at {
        if matches!(card.nodes[i].tag, "a" | "button") {
            return Some(format!("anchor is inside a <{}>", card.nodes[i].tag));
        }
        at = card.nodes[i].parent;
    }
    let first = invitation.name.split_whitespace().next().unwrap_or("");
    (!card.text(*anchor).contains(first)).then(|| format!("anchor holds no {first:?}"))
}

/// Where the demo server puts the fixture cards in a page shell.
pub const MARKER: &str = "<!-- vetted:cards -->";

/// A generation's page shell, `www/<generation>.html`.
pub fn shell(generation: &str) -> String {
    let path = root().join("www").join(format!("{generation}.html"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A shell with these fixtures inserted at its marker, as the demo server serves it.
pub fn assemble(shell: &str, fixtures: &[Fixture]) -> String {
    let cards: String = fixtures.iter().map(|f| f.html.as_str()).collect();
    shell.replacen(MARKER, &cards, 1)
}
