//! The test harness itself: what it parses and selects is what a browser would.

mod support;

use support::html::{parse, select, snapshot, Html};
use vetted::page::Card;

#[test]
fn parses_entities_void_elements_comments_and_raw_text() {
    let nodes = parse(
        "<!DOCTYPE html><!-- c --><div class=x data-n='1'>R&amp;D &lt;b&gt; &quot;q&quot; it&#39;s a&nbsp;b &copy;<br><img src=\"p.png\"><p>x<svg><path d=\"M0\"/></svg>y</p><style>a > b { }</style></div>",
    );
    let div = select(&nodes, "div.x[data-n=\"1\"]")[0];
    assert_eq!(div.children.len(), 5);
    // Every named entity is decoded, as a browser does.
    assert_eq!(div.children[0], Html::Text("R&D <b> \"q\" it's a\u{a0}b ©".into()));
    let html = snapshot(div);
    let card = Card::parse(&html);
    let text: Vec<&str> = card.nodes.iter().filter(|n| n.is_text()).map(|n| &*n.text).collect();
    // `style` and `svg` are on the profile's skip list: recorded, without their subtrees.
    assert_eq!(text, ["R&D <b> \"q\" it's a b ©", "x", "y"]);
    assert!(card.nodes.last().is_some_and(|n| n.tag == "style"));
    assert!(
        card.nodes
            .iter()
            .any(|n| n.tag == "svg"
                && n.end == card.nodes.iter().position(|m| m.text == "y").unwrap())
    );
}

#[test]
fn selects_like_query_selector_all() {
    let nodes = parse(
        r#"<main><ul><li class="a b" componentkey="urn:li:x:1">1</li><li class="a">2</li></ul></main><li class="a b">3</li>"#,
    );
    let count = |selector: &str| select(&nodes, selector).len();
    assert_eq!(count("li.a.b"), 2);
    assert_eq!(count("main li.a"), 2);
    assert_eq!(count(r#"[componentkey^="urn:li:"]"#), 1);
    assert_eq!(count(r#"li[componentkey$=":1"], li.b"#), 2);
    assert_eq!(count("ul li.b"), 1);
    assert_eq!(count("ul > li:not(.b), main :nth-child(2)"), 1);
}

#[test]
fn repairs_markup_as_a_browser_does() {
    let nodes = parse("<ul><li>a<li>b<p>c<div>d</ul>");
    assert_eq!(select(&nodes, "ul > li").len(), 2);
    assert_eq!(select(&nodes, "p").len(), 1);
    assert!(select(&nodes, "p div").is_empty(), "a <div> closes the <p>");
}
