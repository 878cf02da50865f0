//! Tree mutations that more than one page test applies to the fixtures, and finding a card's
//! element where no selector knows it.

use super::html::{Element, Html};

/// The classic generation's BEM names are its structure, not hashes: they stay.
const STRUCTURAL: &[&str] = &["invitation-card", "mn-invitation", "member-insights", "time-badge"];

/// Elements whose children are blocks, and so may gain a wrapper.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li",
    "figure", "form",
];

/// A hashed name: letters and digits without the dashes of BEM and utility names.
pub fn looks_hashed(class: &str) -> bool {
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

/// What a LinkedIn release does to markup it does not redesign: hashed classes renamed, and
/// every element inside a container wrapped in one more `<div>`.
pub fn drift(element: &mut Element) {
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

/// A fragment's first element: the card of a fixture written in a markup no selector was made
/// for (`tests/fixtures/unseen/`).
pub fn first_element<'a>(name: &str, nodes: &'a [Html]) -> &'a Element {
    nodes
        .iter()
        .find_map(|node| match node {
            Html::Element(element) => Some(element),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{name}: no element"))
}
