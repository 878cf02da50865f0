//! A card as the content script hands it over: a compact snapshot of its subtree.
//!
//! The content script knows nothing of LinkedIn's markup. For each element matching the
//! profile's card selector it walks the subtree in document order and writes one record per
//! node; the core reads cards from these records alone, natively testable.
//!
//! Wire format (one string per batch, so that one crossing carries the whole batch):
//! - cards are separated by U+001D, nodes by U+001E, fields by U+001F;
//! - a node is `depth`, `tag`, then for an element the profile's attributes that are present as
//!   `name`, `value` pairs, or for a text node (tag `#`) its text;
//! - depth 0 is the card element itself; elements matching the profile's `skip` selector are
//!   recorded without their subtree; Vetted's own badges are left out;
//! - the content script replaces U+001C..U+001F in page text by spaces, so page text cannot
//!   forge a record.

use std::borrow::Cow;
use std::ops::Range;

pub const CARD_SEP: char = '\u{1d}';
pub const NODE_SEP: char = '\u{1e}';
pub const FIELD_SEP: char = '\u{1f}';
pub const TEXT_TAG: &str = "#";

/// One element or text node of a card, borrowing from the batch string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node<'a> {
    pub depth: usize,
    /// Lower-case tag name, or `#` for text. The DOM's tag names are lower case already, so this
    /// only copies a tag that is not.
    pub tag: Cow<'a, str>,
    /// Where the element's attributes are among its card's ([`Card::attr`]): one list per card,
    /// not one allocation per element.
    attrs: Range<usize>,
    /// A text node's text, whitespace collapsed; empty for elements.
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
    /// The elements' attributes, `(name, value)` as recorded, each element's together.
    attrs: Vec<(&'a str, &'a str)>,
}

impl<'a> Card<'a> {
    /// Parses one card's records. Malformed records are skipped rather than refused: a
    /// snapshot is page data, and the readers decide what a usable card is.
    pub fn parse(records: &'a str) -> Card<'a> {
        // Room for a node and an attribute per 32 bytes of records, more than LinkedIn's cards
        // take: growing the lists as they fill would copy them several times per card.
        let mut nodes: Vec<Node> = Vec::with_capacity(records.len() / 32);
        let mut attrs = Vec::with_capacity(records.len() / 32);
        let mut open: Vec<usize> = Vec::new();
        each_record(records, |fields| {
            let [depth, tag, rest @ ..] = fields else { return };
            let Ok(depth) = depth.parse::<usize>() else { return };
            // A depth can only go one deeper than the node before it.
            let depth = depth.min(open.len());
            while open.len() > depth {
                let closed = open.pop().expect("checked non-empty");
                nodes[closed].end = nodes.len();
            }
            let start = attrs.len();
            let text = if *tag == TEXT_TAG {
                collapse(rest.first().copied().unwrap_or(""))
            } else {
                let mut fields = rest.iter();
                while let (Some(&name), Some(&value)) = (fields.next(), fields.next()) {
                    attrs.push((name, value));
                }
                Cow::Borrowed("")
            };
            let index = nodes.len();
            nodes.push(Node {
                depth,
                tag: lowercase(tag),
                attrs: start..attrs.len(),
                text,
                parent: open.last().copied(),
                end: index + 1,
            });
            open.push(index);
        });
        let len = nodes.len();
        for index in open {
            nodes[index].end = len;
        }
        Card { nodes, attrs }
    }

    /// The value of the attribute called `name` (lower case) of the element at `index`, whatever
    /// the case it was recorded in.
    pub fn attr(&self, index: usize, name: &str) -> Option<&'a str> {
        let attrs = self.attrs.get(self.nodes[index].attrs.clone()).unwrap_or_default();
        // The DOM's names are lower case already: compared as they are first.
        let named = |n: &&str| *n == name || n.len() == name.len() && n.eq_ignore_ascii_case(name);
        attrs.iter().find(|(n, _)| named(n)).map(|&(_, v)| v)
    }

    /// The space-separated class names of the element at `index`.
    pub fn classes(&self, index: usize) -> impl Iterator<Item = &'a str> {
        self.attr(index, "class").unwrap_or_default().split_ascii_whitespace()
    }

    /// Whether the element at `index` carries `class` among its class names.
    pub fn has_class(&self, index: usize, class: &str) -> bool {
        self.classes(index).any(|n| n == class)
    }

    /// The indices of `index`'s subtree, itself included.
    pub fn subtree(&self, index: usize) -> std::ops::Range<usize> {
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
}

/// Splits a batch into its cards.
pub fn parse_batch(batch: &str) -> Vec<Card<'_>> {
    if batch.is_empty() {
        return Vec::new();
    }
    batch.split(CARD_SEP).map(Card::parse).collect()
}

/// Calls `each` with the fields of each record of a card, in order, in one pass over its bytes:
/// `split` at records and then at fields would read them twice, and its searcher costs more than
/// the search on such short pieces. An ASCII separator byte is always a whole character.
fn each_record<'a>(records: &'a str, mut each: impl FnMut(&[&'a str])) {
    let bytes = records.as_bytes();
    let mut fields = Vec::new();
    let mut start = 0;
    loop {
        let end = next_separator(bytes, start);
        fields.push(records.get(start..end).unwrap_or_default());
        if bytes.get(end) != Some(&(FIELD_SEP as u8)) {
            each(&fields);
            fields.clear();
        }
        if end == bytes.len() {
            return;
        }
        start = end + 1;
    }
}

/// Where the first record or field separator at or after `at` is (the end when there is none),
/// read eight bytes at a time. Both separators are 0x1E once their lowest bit is set, so a byte
/// is one when setting that bit and flipping 0x1F leaves zero.
fn next_separator(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = bytes.get(at..at + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let flipped = (u64::from_le_bytes(chunk) | ONES) ^ (0x1F * ONES);
        let zeros = flipped.wrapping_sub(ONES) & !flipped & (0x80 * ONES);
        if zeros != 0 {
            return at + zeros.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(|&b| b | 1 != 0x1F) {
        at += 1;
    }
    at
}

/// An ASCII tag name in lower case, copied only when it is not already.
fn lowercase(tag: &str) -> Cow<'_, str> {
    if tag.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(tag.to_ascii_lowercase())
    } else {
        Cow::Borrowed(tag)
    }
}

/// Whitespace runs (including no-break spaces) collapsed to one space, ends trimmed; copied only
/// when that changes anything.
pub fn collapse(text: &str) -> Cow<'_, str> {
    let mut after_space = true;
    let tidy = (0..text.len()).all(|at| {
        let space = text.as_bytes()[at] == b' ';
        let fits = if space { !after_space } else { space_at(text, at) == 0 };
        after_space = space;
        fits
    });
    if tidy && !text.ends_with(' ') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        let space = space_at(text, at);
        if space > 0 {
            at += space;
            continue;
        }
        let end = (at..text.len()).find(|&i| space_at(text, i) > 0).unwrap_or(text.len());
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text.get(at..end).unwrap_or_default());
        at = end;
    }
    Cow::Owned(out)
}

/// The length of the whitespace character at byte `at` of `text`, or 0: told by its first byte,
/// as no other byte, a character's first or not, starts whitespace. Inlined: it is asked of every
/// byte of every text.
#[inline(always)]
fn space_at(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        Some(9..=13 | b' ') => 1,
        Some(0xC2 | 0xE1..=0xE3) => wide_space_at(text, at),
        _ => 0,
    }
}

/// [`space_at`] for a first byte that may start a non-ASCII whitespace character (U+0085 and
/// U+00A0, U+1680, U+2000 to U+205F, U+3000): that character, decoded.
fn wide_space_at(text: &str, at: usize) -> usize {
    let c = text.get(at..).and_then(|rest| rest.chars().next());
    c.filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(fields: &[&str]) -> String {
        fields.join(&FIELD_SEP.to_string())
    }

    #[test]
    fn parses_a_tree_with_parents_and_subtrees() {
        let records = [
            record(&["0", "li", "role", "listitem"]),
            record(&["1", "p"]),
            record(&["2", "a", "href", "/in/ada/"]),
            record(&["3", "#", "  Ada \n Lovelace "]),
            record(&["1", "button", "aria-label", "Ignore"]),
        ]
        .join(&NODE_SEP.to_string());
        let card = Card::parse(&records);
        assert_eq!(card.nodes.len(), 5);
        assert_eq!(card.nodes[3].text, "Ada Lovelace");
        assert_eq!(card.nodes[3].parent, Some(2));
        assert_eq!(card.nodes[4].parent, Some(0));
        assert_eq!(card.subtree(1), 1..4);
        assert_eq!(card.text(0), "Ada Lovelace");
        assert_eq!(
            card.find(0, |_| true).filter(|&i| card.attr(i, "href").is_some()).collect::<Vec<_>>(),
            [2]
        );
    }

    #[test]
    fn copies_only_what_needs_changing() {
        let every_space = (char::MIN..=char::MAX).filter(|c| c.is_whitespace());
        let texts = ["", " ", "a", "a b", " a", "a ", "a  b", "Ada’s ·"].map(String::from);
        for text in texts.into_iter().chain(every_space.map(|c| format!("a{c}b"))) {
            let collapsed = collapse(&text);
            assert_eq!(collapsed, text.split_whitespace().collect::<Vec<_>>().join(" "));
            assert_eq!(matches!(collapsed, Cow::Borrowed(_)), collapsed == text, "{text:?}");
        }
        let card = Card::parse("0\u{1f}LI\u{1f}Class\u{1f}x");
        assert_eq!((&*card.nodes[0].tag, card.attr(0, "class")), ("li", Some("x")));
    }

    #[test]
    fn finds_separators_eight_bytes_at_a_time_as_one_by_one() {
        let text = "0\u{1f}p\u{1e}1\u{1f}#\u{1f}Zoë ‘x’ \u{1d}\u{1c}abcdefghijklmnop\u{1f}q\u{1e}";
        let bytes = text.as_bytes();
        for start in 0..=bytes.len() {
            let one_by_one = (start..bytes.len())
                .find(|&i| bytes[i] == FIELD_SEP as u8 || bytes[i] == NODE_SEP as u8)
                .unwrap_or(bytes.len());
            assert_eq!(next_separator(bytes, start), one_by_one, "from {start}");
        }
    }

    #[test]
    fn survives_garbage() {
        for junk in ["", "x", "\u{1f}\u{1f}", "9\u{1f}p\u{1e}0", "0\u{1f}#"] {
            let card = Card::parse(junk);
            for (i, n) in card.nodes.iter().enumerate() {
                assert!(n.end > i && n.end <= card.nodes.len());
            }
        }
    }
}
