//! The core's own card reader against an independent parser. Every fixture's card, snapshotted
//! as the content script hands it over, reads in the core (`Card::parse`) as html5ever (through
//! scraper) parses the same HTML: the same elements and text nodes, in the same order under the
//! same parents, with the same attributes and the same text, whitespace collapsed as the core
//! collapses it. The page shells' own cards too.

mod support;

use scraper::{ElementRef, Node};
use support::html::{self, Html};
use support::variants::first_element;
use support::{fixtures, the_card, Fixture, GENERATIONS};
use vetted::page::Card;

/// Elements the core reads without their subtree: those it skips (icons, pictures, scripts) and
/// the raw-text ones, whose text it passes over (`SKIPPED` and `RAW_TEXT` in src/page/snapshot.rs).
const OPAQUE: &[&str] = &[
    "svg",
    "img",
    "video",
    "picture",
    "style",
    "script",
    "template",
    "iframe",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "noscript",
];

/// One node as a reader sees it: a text node's tag is `#`; an element's text is its subtree's
/// text nodes joined by single spaces (`Card::text`).
#[derive(Debug, PartialEq)]
struct Seen {
    tag: String,
    parent: Option<usize>,
    attrs: Vec<(String, String)>,
    text: String,
}

/// The card in a snapshot as scraper parses it, in document order.
fn scraper_nodes(snapshot: &str) -> Result<Vec<Seen>, String> {
    let fragment = scraper::Html::parse_fragment(snapshot);
    let top: Vec<ElementRef> = fragment.root_element().child_elements().collect();
    let [card] = top[..] else { return Err(format!("{} top-level elements", top.len())) };
    let mut nodes = Vec::new();
    walk(card, None, &mut nodes);
    Ok(nodes)
}

/// Adds `element` and its subtree to `nodes`; returns the subtree's texts.
fn walk(element: ElementRef, parent: Option<usize>, nodes: &mut Vec<Seen>) -> Vec<String> {
    let value = element.value();
    let name = |n: &html5ever::QualName| match &n.prefix {
        Some(prefix) => format!("{prefix}:{}", n.local),
        None => n.local.to_string(),
    };
    let attrs = value.attrs.iter().map(|(n, v)| (name(n), v.to_string())).collect();
    let index = nodes.len();
    nodes.push(Seen { tag: name(&value.name), parent, attrs, text: String::new() });
    let mut texts = Vec::new();
    for child in element.children().filter(|_| !OPAQUE.contains(&value.name())) {
        match child.value() {
            Node::Element(_) => {
                let child = ElementRef::wrap(child).expect("an element");
                texts.extend(walk(child, Some(index), nodes));
            }
            Node::Text(text) => {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    let tag = "#".to_string();
                    let seen = Seen { tag, parent: Some(index), attrs: Vec::new(), text };
                    texts.push(seen.text.clone());
                    nodes.push(seen);
                }
            }
            _ => {}
        }
    }
    nodes[index].text = texts.join(" ");
    texts
}

/// The core's node at `index`, with the attributes scraper found asked of it by name (the
/// core gives an element's attributes by name only).
fn core_node(card: &Card, index: usize, names: &[(String, String)]) -> Seen {
    let node = &card.nodes[index];
    let value = |name: &str| card.attr(index, name).unwrap_or("(none)").to_string();
    Seen {
        tag: node.tag.to_string(),
        parent: node.parent,
        attrs: names.iter().map(|(name, _)| (name.clone(), value(name))).collect(),
        text: if node.is_text() { node.text.to_string() } else { card.text(index) },
    }
}

/// Where the first node the two readers see differently is, and how each sees it.
fn first_difference(snapshot: &str) -> Option<String> {
    let theirs = match scraper_nodes(snapshot) {
        Ok(nodes) => nodes,
        Err(problem) => return Some(format!("scraper finds {problem}")),
    };
    let card = Card::parse(snapshot);
    let path = |i: usize| -> String {
        let mut tags = vec![theirs[i].tag.as_str()];
        let mut at = theirs[i].parent;
        while let Some(p) = at {
            tags.push(&theirs[p].tag);
            at = theirs[p].parent;
        }
        tags.reverse();
        tags.join(" > ")
    };
    for i in 0..card.nodes.len().max(theirs.len()) {
        let problem = match (card.nodes.get(i), theirs.get(i)) {
            (Some(_), Some(want)) => {
                let got = core_node(&card, i, &want.attrs);
                (got != *want).then(|| format!("core {got:?}\n    scraper {want:?}"))
            }
            (Some(node), None) => Some(format!("only the core has <{}>", node.tag)),
            (None, Some(want)) => Some(format!("only scraper has {want:?}")),
            (None, None) => None,
        };
        if let Some(problem) = problem {
            let at = if i < theirs.len() { path(i) } else { "past scraper's last".into() };
            return Some(format!("node {i} ({at}): {problem}"));
        }
    }
    None
}

/// The card of a fixture, found as the tests of its set find it.
fn card_of<'a>(set: &str, fixture: &Fixture, nodes: &'a [Html]) -> &'a html::Element {
    match set {
        "unseen" => first_element(&fixture.name(), nodes),
        "mynetwork" => html::select(nodes, r#"[role="listitem"]"#)[0],
        _ => the_card(&fixture.name(), nodes),
    }
}

#[test]
fn the_core_reads_every_card_as_html5ever_does() {
    let mut cards = Vec::new();
    for set in GENERATIONS.iter().copied().chain(["unseen", "mynetwork"]) {
        for fixture in fixtures(set) {
            let nodes = fixture.nodes();
            cards.push((fixture.name(), html::snapshot(card_of(set, &fixture, &nodes))));
        }
    }
    let fixtures = cards.len();
    let shells = std::fs::read_dir(support::root().join("www")).expect("www/");
    let mut shells: Vec<_> = shells.map(|e| e.expect("an entry").path()).collect();
    shells.retain(|p| p.extension().is_some_and(|e| e == "html"));
    shells.sort();
    for shell in shells {
        let page = std::fs::read_to_string(&shell).expect("a page shell");
        for (i, card) in html::page_cards(&page).into_iter().enumerate() {
            cards.push((format!("{}, card {i}", shell.display()), card));
        }
    }
    assert!(fixtures >= 60, "only {fixtures} fixtures");
    let failures: Vec<String> = cards
        .iter()
        .filter_map(|(name, snapshot)| Some(format!("{name}: {}", first_difference(snapshot)?)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
