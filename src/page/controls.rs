//! Which elements of a card are its invitation's controls: Ignore, then Accept.
//!
//! This is what makes a card a card, whatever the generation: LinkedIn renames classes and
//! attributes with every release, but an invitation always offers Ignore and Accept. Each is
//! known by any of these, the strongest first:
//! - a generation's own mark: `data-view-name="invitation-action"` (2025: the first such
//!   control is Ignore, the second Accept);
//! - the words of its label (`aria-label`) or, without one, of its own text, in the languages
//!   Vetted knows ([`words::is_ignore`], [`words::is_accept`]);
//! - its order: a control right beside a known Ignore, after it, is Accept.
//!
//! Some cards show Accept only ("follows you" cards in some releases): a card needs one of the
//! two. Suggestions ("Connect", "Invite … to connect") and acknowledgements ("… is now a
//! connection") show neither, so they are not cards.

use super::tree::{self, Target};
use super::{gen2025, words, Card};

/// An invitation's controls, as node indices: at least one of the two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Controls {
    pub ignore: Option<usize>,
    pub accept: Option<usize>,
}

impl Controls {
    /// The first control: what comes before it is about the sender.
    pub fn first(&self) -> usize {
        self.ignore.or(self.accept).unwrap_or(0)
    }

    /// The last control: the note comes after its subtree.
    pub fn last(&self) -> usize {
        self.accept.or(self.ignore).unwrap_or(0)
    }

    /// The controls' labels, which name the sender ("Accept Ada Lovelace’s invitation").
    pub fn labels<'c>(&self, card: &'c Card) -> Vec<&'c str> {
        [self.ignore, self.accept].into_iter().flatten().map(|i| tree::label(card, i)).collect()
    }
}

/// The card's controls, or `None` when it offers neither Ignore nor Accept.
pub fn find(card: &Card) -> Option<Controls> {
    if let Some(controls) = gen2025::controls(card) {
        return Some(controls);
    }
    let mut ignore = None;
    let mut accept = None;
    for i in card.find(0, |_| true).filter(|&i| is_control(card, i)) {
        match action(card, i) {
            Some(Action::Ignore) if ignore.is_none() && accept.is_none() => ignore = Some(i),
            Some(Action::Accept) if accept.is_none() => {
                accept = Some(i);
                break;
            }
            _ => {}
        }
    }
    if let (Some(ignore), None) = (ignore, accept) {
        accept = beside(card, ignore);
    }
    (ignore.is_some() || accept.is_some()).then_some(Controls { ignore, accept })
}

/// The first two of a generation's marked controls: Ignore, then Accept.
pub fn first_two(mut marked: impl Iterator<Item = usize>) -> Option<Controls> {
    let (ignore, accept) = (marked.next()?, marked.next()?);
    Some(Controls { ignore: Some(ignore), accept: Some(accept) })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Ignore,
    Accept,
}

/// Buttons, elements acting as one, and links that go to no one's profile (a link to a profile
/// is the sender, whatever its words).
pub fn is_control(card: &Card, i: usize) -> bool {
    match card.nodes[i].tag {
        "button" => true,
        "a" => !matches!(
            card.attr(i, "href").and_then(tree::target),
            Some(Target::Profile(_) | Target::Other(_))
        ),
        _ => card.attr(i, "role") == Some("button"),
    }
}

/// What a control says it does: by its label, else by its own text.
fn action(card: &Card, i: usize) -> Option<Action> {
    let said = |text: &str| {
        if words::is_ignore(text) {
            Some(Action::Ignore)
        } else if words::is_accept(text) {
            Some(Action::Accept)
        } else {
            None
        }
    };
    // Its own text: the word is one text node of it ("Ignore", beside an icon's).
    let text = || {
        card.subtree(i).filter(|&t| card.nodes[t].is_text()).find_map(|t| said(&card.nodes[t].text))
    };
    card.attr(i, "aria-label").and_then(said).or_else(text)
}

/// The control that follows Ignore in its row, if any: Accept, whatever its words. Only a
/// control close by counts (at most two levels up from Ignore), so that a later "Reply" is
/// never taken for it.
fn beside(card: &Card, ignore: usize) -> Option<usize> {
    let row = tree::ancestors(card, ignore).take(2).last()?;
    let next = card.nodes[ignore].end..card.nodes[row].end;
    next.clone().find(|&i| !card.nodes[i].is_text() && is_control(card, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::tree::tests::card;

    #[test]
    fn controls_are_known_by_label_text_or_order() {
        let labelled = card(&[
            "0 div",
            "1 button aria-label=Ignore+an+invitation+to+connect+from+Ada",
            "1 button aria-label=Accept+Ada’s+invitation",
        ]);
        assert_eq!(find(&labelled), Some(Controls { ignore: Some(1), accept: Some(2) }));
        let texts = card(&["0 div", "1 button", "2 # Ignorer", "1 button", "2 # Accepter"]);
        assert_eq!(find(&texts), Some(Controls { ignore: Some(1), accept: Some(3) }));
        let ordered = card(&["0 div", "1 button", "2 # Ignore", "1 a href=#", "2 # ✓"]);
        assert_eq!(find(&ordered), Some(Controls { ignore: Some(1), accept: Some(3) }));
    }

    #[test]
    fn suggestions_and_profile_links_are_not_controls() {
        let suggestion = card(&[
            "0 div",
            "1 a href=/in/ignatius/",
            "2 # Ignatius Ignore",
            "1 a href=/preload/custom-invite/?vanityName=ignatius aria-label=Invite+Ignatius+Ignore+Accept+to+connect",
            "2 # Connect",
        ]);
        assert_eq!(find(&suggestion), None);
    }

    #[test]
    fn a_card_may_show_accept_alone() {
        let c = card(&["0 div", "1 a href=/in/ada/", "2 # Ada", "1 a href=#", "2 # Accept"]);
        assert_eq!(find(&c), Some(Controls { ignore: None, accept: Some(3) }));
    }
}
