//! What every generation's reader asks of a card's tree: its lines of text, its links, its
//! controls and where a badge may go. Nothing here knows a class name.

use super::{words, Card};
use crate::invitation::SenderKind;
use crate::text::{after, fold, holds};
use std::ops::Range;

/// Elements that flow inside a line of text rather than start one of their own.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "em", "i", "img", "label", "mark", "q",
    "s", "small", "span", "strong", "sub", "sup", "svg", "time", "u", "wbr",
];

/// One line of text as the page shows it: the text of one block element, whitespace collapsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The block element holding the text.
    pub element: usize,
    pub text: String,
}

/// Whether the snapshot's tree is consistent, so that the readers may index it freely.
/// `Card::parse` only builds consistent trees; a `Card` assembled by hand may not be.
pub fn is_well_formed(card: &Card) -> bool {
    let len = card.nodes.len();
    card.nodes.iter().enumerate().all(|(i, n)| {
        n.end > i && n.end <= len && n.parent.is_none_or(|p| p < i && card.nodes[p].end >= n.end)
    })
}

/// The ancestors of `index`, nearest first, itself excluded.
pub fn ancestors<'c>(card: &'c Card, index: usize) -> impl Iterator<Item = usize> + 'c {
    std::iter::successors(card.nodes[index].parent, move |&i| card.nodes[i].parent)
}

/// The lines of text of the nodes in `range`, in document order, leaving out the subtrees of
/// elements for which `skip` holds. LinkedIn often repeats a line twice, once for the eye under
/// `aria-hidden` and once for screen readers: a hidden copy of a shown text is counted once.
pub fn lines(card: &Card, range: Range<usize>, skip: fn(&Card, usize) -> bool) -> Vec<Line> {
    let segments = segments(card, range, skip);
    let mut lines: Vec<Line> = Vec::new();
    for segment in &segments {
        let copy = segment.hidden
            && segments.iter().any(|other| !other.hidden && other.text == segment.text);
        if copy {
            continue;
        }
        match lines.last_mut() {
            Some(line) if line.element == segment.element => {
                line.text.push(' ');
                line.text.push_str(&segment.text);
            }
            _ => lines.push(Line { element: segment.element, text: segment.text.clone() }),
        }
    }
    lines
}

/// Consecutive text of one block element, all shown or all hidden.
struct Segment {
    element: usize,
    hidden: bool,
    text: String,
}

fn segments(card: &Card, range: Range<usize>, skip: fn(&Card, usize) -> bool) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let end = range.end.min(card.nodes.len());
    let mut i = range.start;
    while i < end {
        let node = &card.nodes[i];
        if !node.is_text() && skip(card, i) {
            i = node.end;
            continue;
        }
        i += 1;
        if !node.is_text() || node.text.is_empty() {
            continue;
        }
        let element = line_element(card, i - 1);
        let hidden = is_hidden(card, i - 1);
        match segments.last_mut() {
            Some(s) if s.element == element && s.hidden == hidden => {
                s.text.push(' ');
                s.text.push_str(&node.text);
            }
            _ => segments.push(Segment { element, hidden, text: node.text.to_string() }),
        }
    }
    segments
}

/// The block element a text node's line belongs to: its nearest ancestor that is not inline.
pub fn line_element(card: &Card, index: usize) -> usize {
    ancestors(card, index).find(|&a| !INLINE.contains(&card.nodes[a].tag)).unwrap_or(0)
}

/// The element that groups a line's element with its neighbours: its nearest ancestor with
/// more than one element child (wrappers of one child each do not count), or the card.
pub fn group(card: &Card, element: usize) -> usize {
    let mut at = element;
    while let Some(parent) = card.nodes[at].parent {
        let mut children = 0;
        let mut child = parent + 1;
        while child < card.nodes[parent].end {
            children += usize::from(!card.nodes[child].is_text());
            child = card.nodes[child].end;
        }
        if children > 1 {
            return parent;
        }
        at = parent;
    }
    at
}

fn is_hidden(card: &Card, index: usize) -> bool {
    ancestors(card, index).any(|a| card.attr(a, "aria-hidden") == Some("true"))
}

/// A button, or a link that goes nowhere or to the messaging page: LinkedIn's own controls
/// ("See more", "Reply to …"), never part of what the sender wrote. Links elsewhere stay: a note
/// may hold a URL, and the rules look at it.
pub fn is_own_control(card: &Card, index: usize) -> bool {
    match card.nodes[index].tag {
        "button" => true,
        "a" => {
            card.attr(index, "href").is_none_or(|h| h.starts_with('#') || holds(h, "/messaging/"))
        }
        _ => card.attr(index, "role") == Some("button"),
    }
}

/// Buttons, or elements acting as one.
pub fn is_button(card: &Card, index: usize) -> bool {
    card.nodes[index].tag == "button" || card.attr(index, "role") == Some("button")
}

/// The text of the nodes in `range` as shown, without LinkedIn's own controls: a note as its
/// sender wrote it. `None` when there is no text at all.
pub fn shown_text(card: &Card, range: Range<usize>) -> Option<String> {
    // Joined by hand: a `join` of owned strings would bring a second copy of `join` into the wasm.
    let mut text = String::new();
    for (at, line) in lines(card, range, is_own_control).iter().enumerate() {
        if at > 0 {
            text.push(' ');
        }
        text.push_str(&line.text);
    }
    (!text.is_empty()).then_some(text)
}

/// What a LinkedIn link points to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A member's profile, with its slug lower-cased.
    Profile(String),
    /// A newsletter, page, event or group.
    Other(SenderKind),
}

/// The target of a link to a profile, newsletter, page, event or group on LinkedIn itself.
pub fn target(href: &str) -> Option<Target> {
    let path = match after(href, "://") {
        Some(rest) => {
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            if !(host == "linkedin.com" || host.ends_with(".linkedin.com")) {
                return None;
            }
            path
        }
        None => href.trim_start_matches('/'),
    };
    let (first, rest) = step(path);
    let kind = match first {
        "in" => {
            let slug = rest.map(|rest| step(rest).0).filter(|s| !s.is_empty())?;
            return Some(Target::Profile(crate::text::lowercase(slug)));
        }
        "newsletters" => SenderKind::Newsletter,
        "company" | "school" | "showcase" => SenderKind::Page,
        "events" => SenderKind::Event,
        "groups" => SenderKind::Group,
        _ => return None,
    };
    Some(Target::Other(kind))
}

/// A path's first segment, up to a `/`, `?` or `#`, and what follows that mark if there is one:
/// the marks are ASCII, so the path is read by bytes rather than decoded.
fn step(path: &str) -> (&str, Option<&str>) {
    match path.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')) {
        Some(at) => (path.get(..at).unwrap_or_default(), path.get(at + 1..)),
        None => (path, None),
    }
}

/// The links in `range` with the target each points to, in document order.
pub fn links(card: &Card, range: Range<usize>) -> Vec<(usize, Target)> {
    range
        .filter(|&i| card.nodes.get(i).is_some_and(|n| n.tag == "a"))
        .filter_map(|i| Some((i, target(card.attr(i, "href")?)?)))
        .collect()
}

/// The sender's name from the link to their profile: the link's text, cut before the first
/// piece that the invitation's controls do not name ("Verified", "Premium", "View profile"),
/// since LinkedIn's labels name the sender and never the marks.
pub fn name(card: &Card, link: usize, labels: &[&str]) -> String {
    let mut pieces = card
        .subtree(link)
        .map(|i| &card.nodes[i])
        .filter(|n| n.is_text() && !n.text.is_empty())
        .peekable();
    let mut folded: Vec<String> = Vec::new();
    let mut name = String::new();
    while let Some(piece) = pieces.next() {
        let longer = if name.is_empty() {
            piece.text.to_string()
        } else {
            crate::text::joined(&[&name, &piece.text], " ")
        };
        // A name of one piece is taken whole: only a longer one asks the labels, folded once.
        let alone = name.is_empty() && pieces.peek().is_none();
        if folded.is_empty() && !alone {
            folded = labels.iter().map(|l| fold(l)).collect();
        }
        let named = !alone && folded.iter().any(|l| words::holds_words(l, &[&fold(&longer)], true));
        if named || name.is_empty() {
            name = longer;
        }
        if !named {
            break;
        }
    }
    name
}

/// Where the badge goes for a name at `index`: the element holding it, outside any link or
/// button (the content script appends the badge to it, and a badge inside a link would follow it).
pub fn anchor(card: &Card, index: usize) -> usize {
    let mut anchor =
        if card.nodes[index].is_text() { card.nodes[index].parent } else { Some(index) };
    let mut at = Some(index);
    while let Some(i) = at {
        if matches!(card.nodes[i].tag, "a" | "button") {
            anchor = card.nodes[i].parent;
        }
        at = card.nodes[i].parent;
    }
    anchor.unwrap_or(0)
}

/// The `aria-label` of a node, or "".
pub fn label<'c>(card: &'c Card, index: usize) -> &'c str {
    card.attr(index, "aria-label").unwrap_or("")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    /// A card from records written as "depth tag attr=value …" or "depth # text", written as
    /// the browser would write its HTML. The HTML is leaked: a card borrows from it, and a
    /// test's few bytes may live until it ends.
    pub(crate) fn card(records: &[&str]) -> Card<'static> {
        let mut html = String::new();
        let mut open: Vec<&str> = Vec::new();
        for r in records {
            let (depth, rest) = r.split_at(r.find(['#', ' ']).map_or(r.len(), |i| i));
            let depth: usize = depth.trim().parse().expect("a depth");
            while open.len() > depth {
                html += &format!("</{}>", open.pop().expect("open"));
            }
            let rest = rest.trim_start();
            if let Some(text) = rest.strip_prefix("# ") {
                html += &text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
                open.push("#"); // "closed" by a comment: a text node of its own, as recorded
                continue;
            }
            let mut parts = rest.split(' ');
            let tag = parts.next().unwrap_or("");
            html += &format!("<{tag}");
            for pair in parts {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                html += &format!(" {name}=\"{}\"", value.replace('+', " ").replace('&', "&amp;"));
            }
            html += ">";
            open.push(tag);
        }
        while let Some(tag) = open.pop() {
            html += &format!("</{tag}>");
        }
        Card::parse(html.replace("</#>", "<!---->").leak())
    }

    #[test]
    fn link_targets() {
        let profile = |s: &str| Some(Target::Profile(s.into()));
        assert_eq!(target("https://www.linkedin.com/in/Ada-L/?x=1"), profile("ada-l"));
        assert_eq!(target("/in/ada/"), profile("ada"));
        assert_eq!(target("https://evil.example/in/ada/"), None);
        assert_eq!(target("/school/x/"), Some(Target::Other(SenderKind::Page)));
        assert_eq!(target("/in/"), None);
        assert_eq!(target("/messaging/compose/"), None);
    }

    #[test]
    fn names_stop_at_what_the_labels_do_not_name() {
        let c =
            card(&["0 a href=/in/ada/", "1 span", "2 # Ada Lovelace", "1 span", "2 # Verified"]);
        assert_eq!(
            name(&c, 0, &["Ignore an invitation to connect from Ada Lovelace"]),
            "Ada Lovelace"
        );
        assert_eq!(name(&c, 0, &[]), "Ada Lovelace");
    }

    #[test]
    fn hidden_copies_count_once_and_anchors_leave_links() {
        let c = card(&[
            "0 div",
            "1 p",
            "2 span aria-hidden=true",
            "3 # Ada is inviting you",
            "2 span",
            "3 # Ada is inviting you",
            "1 p",
            "2 a href=/in/ada/",
            "3 # Ada",
        ]);
        let texts: Vec<String> =
            lines(&c, 0..c.nodes.len(), |_, _| false).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Ada is inviting you", "Ada"]);
        assert_eq!(anchor(&c, 8), 6);
    }
}
