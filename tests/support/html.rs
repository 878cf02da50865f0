//! The page tests' HTML, read as a browser reads it: `scraper` parses fixtures and page shells
//! (html5ever: entities, implied end tags, foreign content and all) and matches selectors (the
//! `selectors` crate, as `querySelectorAll` does). What is ours is the owned tree the tests
//! change, and its serialization: the `outerHTML` the content script hands the core for a card.

use html5ever::tree_builder::{ElementFlags, NodeOrText, TreeSink};
use html5ever::{ns, Attribute, Namespace, QualName};
use scraper::{ElementRef, HtmlTreeSink, Node, Selector};
use vetted::page::snapshot::CARD_SEP;
use vetted::page::PROFILE;

#[derive(Clone, Debug, PartialEq)]
pub enum Html {
    Element(Element),
    Text(String),
    Comment(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub tag: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Html>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The text of its subtree, as `textContent` gives it.
    pub fn text(&self) -> String {
        let text = |child: &Html| match child {
            Html::Element(inner) => inner.text(),
            Html::Text(text) => text.clone(),
            Html::Comment(_) => String::new(),
        };
        self.children.iter().map(text).collect()
    }
}

/// Elements written without an end tag, and those whose text is written as it is.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "basefont", "bgsound", "frame", "keygen", "param",
];
const RAW_TEXT: &[&str] =
    &["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"];

/// A node of scraper's tree (ego_tree's type, which scraper does not re-export).
type NodeRef<'a> = <ElementRef<'a> as std::ops::Deref>::Target;

/// Parses a whole page (from `<!DOCTYPE` or `<html`: a page shell) or else a fragment (a fixture,
/// in a `<body>`) into its top-level nodes.
pub fn parse(src: &str) -> Vec<Html> {
    let start = src.trim_start().get(..9).unwrap_or_default().to_ascii_lowercase();
    if start.starts_with("<!doctype") || start.starts_with("<html") {
        scraper::Html::parse_document(src).tree.root().children().filter_map(owned).collect()
    } else {
        // A fragment's nodes are the children of the `<html>` element scraper puts them in.
        owned_element(scraper::Html::parse_fragment(src).root_element()).children
    }
}

fn owned(node: NodeRef) -> Option<Html> {
    match node.value() {
        Node::Element(_) => ElementRef::wrap(node).map(|e| Html::Element(owned_element(e))),
        Node::Text(text) => Some(Html::Text(text.text.to_string())),
        Node::Comment(comment) => Some(Html::Comment(comment.comment.to_string())),
        _ => None, // the doctype
    }
}

fn owned_element(element: ElementRef) -> Element {
    let name = |n: &QualName| {
        n.prefix.as_ref().map_or(n.local.to_string(), |p| format!("{p}:{}", n.local))
    };
    let attrs = element.value().attrs.iter().map(|(n, v)| (name(n), v.to_string())).collect();
    // A template's content is a fragment of its own: here its nodes are the template's children.
    let nodes = element.children().flat_map(|child| match child.value() {
        Node::Fragment => child.children().collect(),
        _ => vec![child],
    });
    Element { tag: name(&element.value().name), attrs, children: nodes.filter_map(owned).collect() }
}

/// What the content script hands the core for one card: its `outerHTML`, as a browser
/// serializes it (lower-case names, every value in double quotes, end tags but for void
/// elements, `&`, `<`, `>`, no-break spaces and in values `"` escaped, raw text as it is), with
/// the batch's separator made a space.
pub fn snapshot(card: &Element) -> String {
    let mut html = String::new();
    serialize(card, &mut html);
    html.replace(CARD_SEP, " ")
}

fn serialize(element: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&element.tag);
    for (name, value) in &element.attrs {
        out.push_str(&format!(" {name}=\"{}\"", escape(value, true)));
    }
    out.push('>');
    if VOID.contains(&element.tag.as_str()) {
        return;
    }
    for child in &element.children {
        match child {
            Html::Element(e) => serialize(e, out),
            Html::Text(text) if RAW_TEXT.contains(&element.tag.as_str()) => out.push_str(text),
            Html::Text(text) => out.push_str(&escape(text, false)),
            Html::Comment(text) => out.push_str(&format!("<!--{text}-->")),
        }
    }
    out.push_str(&format!("</{}>", element.tag));
}

fn escape(text: &str, in_value: bool) -> String {
    let text = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let text = text.replace('\u{a0}', "&nbsp;");
    if in_value {
        text.replace('"', "&quot;")
    } else {
        text
    }
}

/// The elements matching `selector` (any CSS selector list), in document order, as
/// `querySelectorAll` finds them. The tree goes to scraper node for node, as a script's changes
/// leave a DOM, not parsed again from its HTML (which could move nodes about).
pub fn select<'a>(nodes: &'a [Html], selector: &str) -> Vec<&'a Element> {
    let parsed = Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e:?}"));
    let sink = HtmlTreeSink::new(scraper::Html::new_fragment());
    let mut elements = Vec::new();
    append(&sink, &sink.get_document(), nodes, &ns!(html), &mut elements);
    let tree = sink.finish();
    let matched: Vec<_> = tree.select(&parsed).map(|e| e.id()).collect();
    elements.into_iter().filter(|(id, _)| matched.contains(id)).map(|(_, e)| e).collect()
}

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// Appends `nodes` to `parent` in scraper's tree, noting each element's handle in document order.
fn append<'a>(
    sink: &HtmlTreeSink,
    parent: &Handle,
    nodes: &'a [Html],
    ns: &Namespace,
    elements: &mut Vec<(Handle, &'a Element)>,
) {
    for node in nodes {
        let child = match node {
            Html::Text(text) => NodeOrText::AppendText(text.as_str().into()),
            Html::Comment(_) => continue, // no selector sees one
            Html::Element(element) => {
                let ns = match element.tag.as_str() {
                    "svg" => ns!(svg),
                    "math" => ns!(mathml),
                    _ => ns.clone(),
                };
                let attrs = element.attrs.iter().map(|(name, value)| Attribute {
                    name: QualName::new(None, ns!(), name.as_str().into()),
                    value: value.as_str().into(),
                });
                let name = QualName::new(None, ns.clone(), element.tag.as_str().into());
                let handle = sink.create_element(name, attrs.collect(), ElementFlags::default());
                elements.push((handle, element));
                append(sink, &handle, &element.children, &ns, elements);
                NodeOrText::AppendNode(handle)
            }
        };
        sink.append(parent, child);
    }
}

/// The control-like elements whose label, or else text, says what `says` tests for: with
/// `words::is_ignore` or `words::is_accept`, where the content script's search for cards of any
/// markup starts; with `words::is_ignore`, what the canary looks for.
pub fn controls_saying(nodes: &[Html], says: fn(&str) -> bool) -> Vec<&Element> {
    select(nodes, PROFILE.controls)
        .into_iter()
        .filter(|e| e.attr("aria-label").is_some_and(says) || says(&e.text()))
        .collect()
}

/// The snapshots of the cards in a whole page, in document order: what the content script
/// hands to the core.
pub fn page_cards(page: &str) -> Vec<String> {
    let nodes = parse(page);
    select(&nodes, PROFILE.cards).into_iter().map(snapshot).collect()
}
