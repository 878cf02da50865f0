//! A small HTML parser for our own well-formed fixtures and page shells, and the HTML the
//! content script would hand over for a card (its `outerHTML`), natively, without a browser.
//!
//! Handles elements, attributes (quoted, unquoted, bare), text, comments, the doctype, void
//! elements, `/>`, raw-text elements (`style`, `script`) and the entities the fixtures use.
//! It does not repair bad markup: no implied end tags.

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
        let mut text = String::new();
        for child in &self.children {
            match child {
                Html::Element(inner) => text.push_str(&inner.text()),
                Html::Text(t) => text.push_str(t),
                Html::Comment(_) => {}
            }
        }
        text
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];
const RAW_TEXT: &[&str] = &["script", "style"];

/// Parses a fragment or a whole page into its top-level nodes.
pub fn parse(src: &str) -> Vec<Html> {
    let mut parser = Parser { src, at: 0 };
    let mut root = Element { tag: String::new(), attrs: Vec::new(), children: Vec::new() };
    let mut open: Vec<Element> = Vec::new();
    while parser.at < src.len() {
        let parent = open.last_mut().unwrap_or(&mut root);
        match parser.next_token() {
            Token::Text(text) => parent.children.push(Html::Text(text)),
            Token::Comment(text) => parent.children.push(Html::Comment(text)),
            Token::Start(element, closed) => {
                if closed || VOID.contains(&element.tag.as_str()) {
                    parent.children.push(Html::Element(element));
                } else if RAW_TEXT.contains(&element.tag.as_str()) {
                    let mut element = element;
                    let text = parser.raw_text(&element.tag);
                    element.children.push(Html::Text(text));
                    parent.children.push(Html::Element(element));
                } else {
                    open.push(element);
                }
            }
            Token::End(tag) => close(&mut open, &mut root, &tag),
            Token::Skip => {}
        }
    }
    while !open.is_empty() {
        let tag = open.last().map(|e| e.tag.clone()).unwrap_or_default();
        close(&mut open, &mut root, &tag);
    }
    root.children
}

/// Closes the innermost open element named `tag`, and any left open inside it.
fn close(open: &mut Vec<Element>, root: &mut Element, tag: &str) {
    if !open.iter().any(|e| e.tag == tag) {
        return;
    }
    while let Some(element) = open.pop() {
        let done = element.tag == tag;
        open.last_mut().unwrap_or(root).children.push(Html::Element(element));
        if done {
            return;
        }
    }
}

enum Token {
    Text(String),
    Comment(String),
    /// An element, and whether it closed itself with `/>`.
    Start(Element, bool),
    End(String),
    Skip,
}

struct Parser<'a> {
    src: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.src[self.at..]
    }

    fn next_token(&mut self) -> Token {
        let rest = self.rest();
        if let Some(body) = rest.strip_prefix("<!--") {
            let len = body.find("-->").unwrap_or(body.len());
            let text = body[..len].to_string();
            self.at += 4 + len + 3.min(body.len() - len);
            return Token::Comment(text);
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            self.at += rest.find('>').map_or(rest.len(), |i| i + 1);
            return Token::Skip;
        }
        if let Some(body) = rest.strip_prefix("</") {
            let len = body.find('>').unwrap_or(body.len());
            let tag = body[..len].trim().to_ascii_lowercase();
            self.at += 2 + len + 1.min(body.len() - len);
            return Token::End(tag);
        }
        if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return self.start_tag();
        }
        let len =
            rest.char_indices().skip(1).find(|&(_, c)| c == '<').map_or(rest.len(), |(i, _)| i);
        let text = decode(&rest[..len]);
        self.at += len;
        Token::Text(text)
    }

    fn start_tag(&mut self) -> Token {
        self.at += 1;
        let tag =
            self.take_while(|c| !c.is_whitespace() && c != '>' && c != '/').to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            self.take_while(char::is_whitespace);
            let rest = self.rest();
            if rest.is_empty() {
                return Token::Start(Element { tag, attrs, children: Vec::new() }, true);
            }
            if let Some(after) = rest.strip_prefix("/>") {
                self.at = self.src.len() - after.len();
                return Token::Start(Element { tag, attrs, children: Vec::new() }, true);
            }
            if rest.starts_with('>') {
                self.at += 1;
                return Token::Start(Element { tag, attrs, children: Vec::new() }, false);
            }
            attrs.push(self.attribute());
        }
    }

    fn attribute(&mut self) -> (String, String) {
        let name = self.take_while(|c| !c.is_whitespace() && !matches!(c, '=' | '>' | '/'));
        let name = if name.is_empty() {
            self.at += self.rest().chars().next().map_or(0, char::len_utf8);
            String::new()
        } else {
            name.to_ascii_lowercase()
        };
        self.take_while(char::is_whitespace);
        if !self.rest().starts_with('=') {
            return (name, String::new());
        }
        self.at += 1;
        self.take_while(char::is_whitespace);
        let value = match self.rest().chars().next() {
            Some(quote @ ('"' | '\'')) => {
                self.at += 1;
                let value = self.take_while(|c| c != quote);
                self.at += 1.min(self.rest().len());
                value
            }
            _ => self.take_while(|c| !c.is_whitespace() && c != '>'),
        };
        (name, decode(&value))
    }

    fn raw_text(&mut self, tag: &str) -> String {
        let end = format!("</{tag}");
        let len = self.rest().to_ascii_lowercase().find(&end).unwrap_or(self.rest().len());
        let text = self.rest()[..len].to_string();
        self.at += len;
        text
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let rest = self.rest();
        let len = rest.find(|c: char| !keep(c)).unwrap_or(rest.len());
        let taken = rest[..len].to_string();
        self.at += len;
        taken
    }
}

/// Decodes the entities our fixtures use; any other `&` stays as it is.
fn decode(text: &str) -> String {
    const ENTITIES: &[(&str, &str)] = &[
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&nbsp;", "\u{a0}"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((entity, char)) => {
                out.push_str(char);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
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
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if in_value => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The elements matching `selector`, in document order, as `querySelectorAll` finds them.
/// Knows the forms the profile uses: a comma-separated list of compound selectors (tag, `.class`,
/// `[attr]`, `[attr="v"]`, `[attr^="v"]`, `[attr$="v"]`, `[attr*="v"]`) joined by descendant spaces.
pub fn select<'a>(nodes: &'a [Html], selector: &str) -> Vec<&'a Element> {
    let list: Vec<Vec<Compound>> = split_outside(selector, ',')
        .iter()
        .map(|complex| split_outside(complex, ' ').iter().map(|c| Compound::parse(c)).collect())
        .collect();
    let mut found = Vec::new();
    walk(nodes, &mut Vec::new(), &mut |element, ancestors| {
        if list.iter().any(|complex| matches(complex, element, ancestors)) {
            found.push(element);
        }
    });
    found
}

fn walk<'a>(
    nodes: &'a [Html],
    ancestors: &mut Vec<&'a Element>,
    visit: &mut dyn FnMut(&'a Element, &[&'a Element]),
) {
    for node in nodes {
        if let Html::Element(element) = node {
            visit(element, ancestors);
            ancestors.push(element);
            walk(&element.children, ancestors, visit);
            ancestors.pop();
        }
    }
}

/// Descendant combinators: the last compound matches the element, the others its ancestors in order.
fn matches(complex: &[Compound], element: &Element, ancestors: &[&Element]) -> bool {
    let Some((last, outer)) = complex.split_last() else { return false };
    if !last.matches(element) {
        return false;
    }
    let mut remaining = outer.iter().rev().peekable();
    for ancestor in ancestors.iter().rev() {
        if remaining.peek().is_some_and(|c| c.matches(ancestor)) {
            remaining.next();
        }
    }
    remaining.peek().is_none()
}

/// Splits at `sep` outside brackets and quotes, dropping empty pieces.
fn split_outside(text: &str, sep: char) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let (mut depth, mut quote) = (0, None);
    for c in text.chars() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (q, Some(open)) if q == open => quote = None,
            ('[', None) => depth += 1,
            (']', None) => depth -= 1,
            (s, None) if s == sep && depth == 0 => {
                pieces.push(String::new());
                continue;
            }
            _ => {}
        }
        pieces.last_mut().expect("never empty").push(c);
    }
    pieces.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

struct Compound {
    tag: Option<String>,
    classes: Vec<String>,
    /// Attribute name, operator ("" for presence) and value.
    attrs: Vec<(String, String, String)>,
}

impl Compound {
    fn parse(text: &str) -> Compound {
        let mut compound = Compound { tag: None, classes: Vec::new(), attrs: Vec::new() };
        let tag_len = text.find(['.', '[']).unwrap_or(text.len());
        if tag_len > 0 {
            compound.tag = Some(text[..tag_len].to_ascii_lowercase());
        }
        let mut rest = &text[tag_len..];
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('.') {
                let len = after.find(['.', '[']).unwrap_or(after.len());
                compound.classes.push(after[..len].to_string());
                rest = &after[len..];
            } else {
                let len = rest.find(']').map_or(rest.len(), |i| i + 1);
                compound.attrs.push(attribute_test(&rest[1..len.saturating_sub(1).max(1)]));
                rest = &rest[len..];
            }
        }
        compound
    }

    fn matches(&self, element: &Element) -> bool {
        let classes: Vec<&str> = element.attr("class").unwrap_or("").split_whitespace().collect();
        self.tag.as_ref().is_none_or(|t| *t == element.tag)
            && self.classes.iter().all(|c| classes.contains(&c.as_str()))
            && self.attrs.iter().all(|(name, op, value)| {
                element.attr(name).is_some_and(|v| match op.as_str() {
                    "" => true,
                    "=" => v == value,
                    "^=" => v.starts_with(value.as_str()),
                    "$=" => v.ends_with(value.as_str()),
                    "*=" => v.contains(value.as_str()),
                    _ => false,
                })
            })
    }
}

/// `name`, `name="value"`, `name^="value"` …
fn attribute_test(inside: &str) -> (String, String, String) {
    let Some(eq) = inside.find('=') else {
        return (inside.trim().to_string(), String::new(), String::new());
    };
    let (name, op) = match inside[..eq].chars().last() {
        Some(c @ ('^' | '$' | '*')) => (&inside[..eq - 1], format!("{c}=")),
        _ => (&inside[..eq], "=".to_string()),
    };
    let value = inside[eq + 1..].trim().trim_matches(['"', '\'']).to_string();
    (name.trim().to_string(), op, value)
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
