//! A card as the content script hands it over: its HTML, as the browser serializes it.
//!
//! The content script knows nothing of LinkedIn's markup. For each element matching the
//! profile's card selector it takes the element's `outerHTML`, one call, and the core reads the
//! card's tree from that text, natively testable. (Walking the card's nodes in the content
//! script instead cost three times as much: in the content script's own JS world every node
//! touched gets a wrapper of that world; `./build.sh bench`.)
//!
//! What the browser writes is regular, and this reader counts on it: lower-case tag names,
//! every attribute value in double quotes, an end tag for every element but the void ones,
//! `&`, `<`, `>` (and in attributes `"`) written as entities in text, and the text of raw-text
//! elements (`script`, `style` …) as it is. So page text, written by strangers, can never
//! read as markup. Batches: cards are separated by U+001D, which the content script replaces
//! by a space in the cards' HTML.
//!
//! The tree read is the DOM's: elements and non-blank text nodes, whitespace collapsed
//! (adjacent text nodes, which the HTML does not separate, read as one; a comment separates
//! them). Elements that cannot hold a card's text ([`SKIPPED`]: icons, pictures, scripts) are
//! read without their subtree. The content script leaves Vetted's own badges out of the HTML.

use std::borrow::Cow;
use std::ops::Range;

pub const CARD_SEP: char = '\u{1d}';
pub const TEXT_TAG: &str = "#";

/// One element or text node of a card, borrowing from the batch string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node<'a> {
    /// The tag name as the browser writes it (lower case for HTML), or `#` for text.
    pub tag: &'a str,
    /// Where the element's attributes are among its card's ([`Card::attr`]): one list per card,
    /// not one allocation per element.
    attrs: Range<usize>,
    /// A text node's text, entities decoded and whitespace collapsed; empty for elements.
    pub text: Cow<'a, str>,
    /// Index of the parent node; `None` for the card element.
    pub parent: Option<usize>,
    /// Index one past the last node of this node's subtree.
    pub end: usize,
}

impl Node<'_> {
    pub fn is_text(&self) -> bool {
        self.tag == TEXT_TAG
    }
}

/// A card's nodes, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Card<'a> {
    pub nodes: Vec<Node<'a>>,
    /// The elements' attributes, `(name, value)`, values decoded, each element's together.
    attrs: Vec<(&'a str, Cow<'a, str>)>,
}

/// Elements read without their subtree: none holds text a card's reader wants, and an icon's
/// SVG is a good part of a card's HTML.
const SKIPPED: &[&str] =
    &["svg", "img", "video", "picture", "style", "script", "template", "iframe"];

/// Elements the browser writes without an end tag (and without their children, if any).
const VOID: &[&str] = &[
    "img", "br", "input", "source", "wbr", "hr", "area", "base", "col", "embed", "link", "meta",
    "track", "basefont", "bgsound", "frame", "keygen", "param",
];

/// Elements whose text the browser writes as it is, entities and all, up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"];

impl<'a> Card<'a> {
    /// Reads one card's HTML. Whatever the text, it reads as a tree (what a browser wrote reads
    /// as the DOM's); the readers decide what a usable card is.
    pub fn parse(html: &'a str) -> Card<'a> {
        read(html)
    }

    /// The value of the attribute called `name` (as the browser writes it: lower case for
    /// HTML) of the element at `index`.
    pub fn attr(&self, index: usize, name: &str) -> Option<&str> {
        let attrs = self.attrs.get(self.nodes[index].attrs.clone()).unwrap_or_default();
        attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| &**v)
    }

    /// The space-separated class names of the element at `index`.
    pub fn classes(&self, index: usize) -> impl Iterator<Item = &str> {
        self.attr(index, "class").unwrap_or_default().split_whitespace()
    }

    /// Whether the element at `index` carries `class` among its class names.
    pub fn has_class(&self, index: usize, class: &str) -> bool {
        self.classes(index).any(|n| n == class)
    }

    /// The indices of `index`'s subtree, itself included.
    pub fn subtree(&self, index: usize) -> Range<usize> {
        index..self.nodes[index].end
    }

    /// Indices of the elements in `index`'s subtree for which `test` holds.
    pub fn find<'c>(
        &'c self,
        index: usize,
        test: impl Fn(&Node) -> bool + 'c,
    ) -> impl Iterator<Item = usize> + 'c {
        self.subtree(index).filter(move |&i| !self.nodes[i].is_text() && test(&self.nodes[i]))
    }

    /// The text of `index`'s subtree, text nodes joined by single spaces.
    pub fn text(&self, index: usize) -> String {
        self.text_where(index, |_| false)
    }

    /// The text of `index`'s subtree, leaving out the subtrees of elements for which `skip` holds.
    pub fn text_where(&self, index: usize, skip: impl Fn(&Node) -> bool) -> String {
        let mut out = String::new();
        let mut i = index;
        let end = self.nodes[index].end;
        while i < end {
            let node = &self.nodes[i];
            if !node.is_text() && i != index && skip(node) {
                i = node.end;
                continue;
            }
            if node.is_text() && !node.text.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&node.text);
            }
            i += 1;
        }
        out
    }

    /// Whether `ancestor`'s subtree holds `index`.
    pub fn contains(&self, ancestor: usize, index: usize) -> bool {
        self.subtree(ancestor).contains(&index)
    }

    /// The way from the card element to the element at `index`: at each step, the place of the
    /// next element among its parent's element children (text does not count), the steps
    /// separated by spaces ("" for the card itself). The content script follows it in the page
    /// with `firstElementChild` and `nextElementSibling`.
    pub fn path(&self, index: usize) -> String {
        let mut places = Vec::new();
        let mut at = index;
        while let Some(parent) = self.nodes.get(at).and_then(|n| n.parent) {
            let before = self.nodes.get(parent + 1..at).unwrap_or_default();
            places.push(before.iter().filter(|n| n.parent == Some(parent) && !n.is_text()).count());
            at = parent;
        }
        let mut path = String::new();
        for (i, &place) in places.iter().rev().enumerate() {
            if i > 0 {
                path.push(' ');
            }
            crate::text::write_unsigned(&mut path, place as u64);
        }
        path
    }
}

/// Splits a batch into its cards.
pub fn parse_batch(batch: &str) -> Vec<Card<'_>> {
    if batch.is_empty() {
        return Vec::new();
    }
    batch.split(CARD_SEP).map(Card::parse).collect()
}

/// Reads a card's HTML into its nodes (see the module's comment for what it counts on).
fn read(html: &str) -> Card<'_> {
    let bytes = html.as_bytes();
    let len = bytes.len();
    // Room for a node and an attribute per 40 bytes, more than LinkedIn's cards take: growing
    // the lists as they fill would copy them several times per card.
    let mut card =
        Card { nodes: Vec::with_capacity(len / 40), attrs: Vec::with_capacity(len / 40) };
    let mut open: Vec<usize> = Vec::new(); // the elements open around `at`, innermost last
    let mut skipping = 0; // inside a skipped element: how many are open from it on (0: reading)
    let mut at = 0;
    while at < len {
        let kind = if bytes[at] == b'<' { bytes.get(at + 1).copied().unwrap_or(0) } else { 0 };
        if kind == b'/' {
            let end = find(bytes, at, b'>');
            let tag = piece(html, at + 2, end);
            at = end + 1;
            if skipping > 0 {
                skipping -= 1;
            } else if let Some(place) = open.iter().rposition(|&i| card.nodes[i].tag == tag) {
                open.truncate(place);
                if open.is_empty() {
                    break; // the card's own end tag
                }
            }
        } else if kind == b'!' {
            at = past_comment(bytes, at);
        } else if kind.is_ascii_alphabetic() {
            let first = card.attrs.len();
            let (tag, end) = start_tag(html, at, &mut card.attrs);
            at = end;
            let void = VOID.contains(&tag);
            if skipping > 0 {
                card.attrs.truncate(first);
                skipping += usize::from(!void);
            } else {
                let index = card.push(tag, first, Cow::Borrowed(""), open.last().copied());
                if SKIPPED.contains(&tag) {
                    skipping = usize::from(!void);
                } else if !void {
                    open.push(index);
                }
            }
            if RAW_TEXT.contains(&tag) {
                at = past_raw_text(bytes, at, tag);
            }
        } else {
            // Text, up to the next tag (a `<` that starts none, which no browser writes, is
            // read as text too).
            let end = find(bytes, at + 1, b'<');
            if skipping == 0 {
                let text = match decode(piece(html, at, end)) {
                    Cow::Borrowed(raw) => collapse(raw),
                    Cow::Owned(decoded) => Cow::Owned(collapse(&decoded).into_owned()),
                };
                if !text.is_empty() {
                    card.push(TEXT_TAG, card.attrs.len(), text, open.last().copied());
                }
            }
            at = end;
        }
    }
    card.end_subtrees();
    card
}

/// The text from `from` to `to`, or "" where that is not a whole piece of `html`.
fn piece(html: &str, from: usize, to: usize) -> &str {
    html.get(from..to).unwrap_or_default()
}

/// Where the first `byte` at or after `from` is, or the end.
fn find(bytes: &[u8], from: usize, byte: u8) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == byte))
        .map_or(bytes.len(), |i| from + i)
}

/// The start tag at `at`: its name, its attributes added to `attrs`, and where it ends.
fn start_tag<'a>(
    html: &'a str,
    at: usize,
    attrs: &mut Vec<(&'a str, Cow<'a, str>)>,
) -> (&'a str, usize) {
    let (bytes, len) = (html.as_bytes(), html.len());
    let mut i = at + 1;
    while i < len && !matches!(bytes[i], b'>' | b'/') && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    let tag = piece(html, at + 1, i);
    loop {
        while i < len && (bytes[i] == b'/' || bytes[i].is_ascii_whitespace()) {
            i += 1;
        }
        if i >= len || bytes[i] == b'>' {
            return (tag, i + 1);
        }
        let name = i;
        i += 1; // a name is at least one byte, whatever it is
        while i < len && !matches!(bytes[i], b'=' | b'>') && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let name = piece(html, name, i);
        let mut value = Cow::Borrowed("");
        if bytes.get(i..i + 2) == Some(b"=\"") {
            let end = find(bytes, i + 2, b'"');
            value = decode(piece(html, i + 2, end));
            i = end + 1;
        }
        attrs.push((name, value));
    }
}

/// Where the comment at `at` ends, past its `-->`.
fn past_comment(bytes: &[u8], at: usize) -> usize {
    let mut at = find(bytes, at + 4, b'>');
    while at < bytes.len() && bytes.get(at - 2..at) != Some(b"--") {
        at = find(bytes, at + 1, b'>');
    }
    at + 1
}

/// Where a raw-text element's text, from `at`, ends: at its end tag. That text is never a card's
/// (scripts, styles, `noscript` while scripts run), so it is passed over.
fn past_raw_text(bytes: &[u8], at: usize, tag: &str) -> usize {
    let end_tag = |at: usize| {
        bytes.get(at + 1) == Some(&b'/')
            && bytes.get(at + 2..at + 2 + tag.len()) == Some(tag.as_bytes())
    };
    let mut at = find(bytes, at, b'<');
    while at < bytes.len() && !end_tag(at) {
        at = find(bytes, at + 1, b'<');
    }
    at
}

impl<'a> Card<'a> {
    /// Each node's subtree ends where its last descendant's does: children come after parents.
    fn end_subtrees(&mut self) {
        for i in (0..self.nodes.len()).rev() {
            let (end, parent) = (self.nodes[i].end, self.nodes[i].parent);
            if let Some(parent) = parent.and_then(|p| self.nodes.get_mut(p)) {
                parent.end = parent.end.max(end);
            }
        }
    }

    /// Adds a node with the attributes from `first` on; returns its index.
    fn push(
        &mut self,
        tag: &'a str,
        first: usize,
        text: Cow<'a, str>,
        parent: Option<usize>,
    ) -> usize {
        let index = self.nodes.len();
        let attrs = first..self.attrs.len();
        self.nodes.push(Node { tag, attrs, text, parent, end: index + 1 });
        index
    }
}

/// The entities a browser writes in text and attribute values, and what they stand for.
const ENTITIES: [(&str, &str); 5] =
    [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&nbsp;", "\u{a0}")];

/// Text or an attribute value as the browser wrote it, its entities decoded; copied only when
/// it holds any. Any other `&` stays as it is.
fn decode(raw: &str) -> Cow<'_, str> {
    if !raw.as_bytes().contains(&b'&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.bytes().position(|b| b == b'&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        rest = rest.get(at..).unwrap_or_default();
        let entity = ENTITIES.iter().find(|(name, _)| rest.starts_with(name));
        let (stands_for, len) = entity.map_or(("&", 1), |(name, char)| (*char, name.len()));
        out.push_str(stands_for);
        rest = rest.get(len..).unwrap_or_default();
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whitespace runs (including no-break spaces) collapsed to one space, ends trimmed; copied only
/// when words are apart by anything but single spaces.
pub fn collapse(text: &str) -> Cow<'_, str> {
    let offset = |word: &str| word.as_ptr() as usize - text.as_ptr() as usize;
    let (mut first, mut end) = (0, 0);
    let mut copy: Option<String> = None;
    for (i, word) in text.split_whitespace().enumerate() {
        let at = offset(word);
        if i == 0 {
            first = at;
        } else if let Some(copy) = &mut copy {
            copy.push(' ');
            copy.push_str(word);
        } else if at != end + 1 || text.as_bytes().get(end) != Some(&b' ') {
            let mut start = String::from(text.get(first..end).unwrap_or_default());
            start.push(' ');
            start.push_str(word);
            copy = Some(start);
        }
        end = at + word.len();
    }
    copy.map_or_else(|| Cow::Borrowed(text.get(first..end).unwrap_or_default()), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARD: &str = concat!(
        r#"<li role="listitem" class="a  b"><p><a href="/in/ada/?x=1&amp;y=&quot;2&quot;">"#,
        "  Ada \n Lovelace </a><!-- --> <!---->R&amp;D &lt;b&gt;&nbsp;x&copy;</p>",
        r#"<svg viewBox="0 0 1 1"><g><path d="M0"></path></g><text>icon</text></svg>"#,
        r#"<br><img src="p.png" alt="Ada"><script>if (a <b) x("</li>")</script>"#,
        r#"<button aria-label="Ignore a > b &lt;c&gt;" hidden="">Ignore</button></li>"#,
    );

    fn tags<'a>(card: &'a Card) -> Vec<&'a str> {
        card.nodes.iter().map(|n| if n.is_text() { &*n.text } else { n.tag }).collect()
    }

    #[test]
    fn reads_the_tree_the_browser_wrote() {
        let card = Card::parse(CARD);
        assert_eq!(
            tags(&card),
            [
                "li",
                "p",
                "a",
                "Ada Lovelace",
                "R&D <b> x&copy;",
                "svg",
                "br",
                "img",
                "script",
                "button",
                "Ignore"
            ]
        );
        assert_eq!(card.attr(2, "href"), Some("/in/ada/?x=1&y=\"2\""));
        assert_eq!(card.classes(0).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!((card.attr(9, "hidden"), card.attr(9, "role")), (Some(""), None));
        // Browsers before 2025 left `<` and `>` in attribute values as they were; newer ones
        // write entities.
        assert_eq!(card.attr(9, "aria-label"), Some("Ignore a > b <c>"));
        assert_eq!(card.nodes[3].parent, Some(2));
        assert_eq!((card.nodes[4].parent, card.nodes[9].parent), (Some(1), Some(0)));
        assert_eq!(card.subtree(1), 1..5);
        // Skipped and void elements are leaves; the script's text is passed over.
        assert!([5, 6, 7, 8].iter().all(|&i| card.subtree(i) == (i..i + 1)));
        assert_eq!(card.text(0), "Ada Lovelace R&D <b> x&copy; Ignore");
        assert_eq!(card.find(0, |n| n.tag == "a").collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn paths_count_element_children_only() {
        let card = Card::parse(CARD);
        assert_eq!(card.path(0), "");
        assert_eq!(card.path(2), "0 0");
        assert_eq!(card.path(9), "5"); // p, svg, br, img, script before it
        let card = Card::parse("<div>a<p>b</p>c<!--x--><p><i>d</i><b>e</b></p></div>");
        let bold = card.nodes.iter().position(|n| n.tag == "b").unwrap();
        assert_eq!(card.path(bold), "1 1");
    }

    #[test]
    fn stops_at_the_cards_end_and_reads_no_further() {
        let card = Card::parse("<li><p>Ada</p></li><li>Grace</li>");
        assert_eq!(tags(&card), ["li", "p", "Ada"]);
        assert_eq!(parse_batch("<li>a</li>\u{1d}<li>b</li>").len(), 2);
        assert!(parse_batch("").is_empty());
    }

    #[test]
    fn copies_only_what_needs_changing() {
        let every_space = (char::MIN..=char::MAX).filter(|c| c.is_whitespace());
        let texts = ["", " ", "a", "a b", " a", "a ", "a  b", " a b\n", "a\tb c", "Ada’s ·"]
            .map(String::from);
        for text in texts.into_iter().chain(every_space.map(|c| format!("a{c}b"))) {
            let collapsed = collapse(&text);
            assert_eq!(collapsed, text.split_whitespace().collect::<Vec<_>>().join(" "));
            let single_spaced = !text.trim().contains(|c: char| c.is_whitespace() && c != ' ')
                && !text.contains("  ");
            assert_eq!(matches!(collapsed, Cow::Borrowed(_)), single_spaced, "{text:?}");
        }
        assert!(matches!(decode("Ada Lovelace"), Cow::Borrowed(_)));
        assert_eq!(decode("&amp;lt; &am &"), "&lt; &am &");
    }

    #[test]
    fn survives_garbage() {
        let junk =
            ["", "x", "<", "</", "<!--", "<a", "<a b=\"", "</p></p><p>", "<a b=c d>é</a>", "<p/>x"];
        let cuts = (0..=CARD.len()).filter_map(|at| CARD.get(..at));
        for html in junk.into_iter().chain(cuts) {
            let card = Card::parse(html);
            for (i, n) in card.nodes.iter().enumerate() {
                assert!(n.end > i && n.end <= card.nodes.len(), "{html:?}");
                assert!(n.parent.is_none_or(|p| p < i && card.nodes[p].end >= n.end), "{html:?}");
            }
            for i in 0..card.nodes.len() {
                card.path(i);
            }
        }
    }
}
