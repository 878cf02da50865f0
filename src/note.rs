//! The personal note (DESIGN §2): a message that is not LinkedIn's default text.

use crate::text::{fold_marked, words, BREAK};

/// LinkedIn's default invitation text and its variants over the years and languages, folded
/// (see `text::fold`), without the trailing "- Name" that some exports add.
const DEFAULT_TEXTS: &[&str] = &[
    "i d like to add you to my professional network on linkedin",
    "i d like to add you to my professional network",
    "i d like to add you to my linkedin network",
    "i would like to add you to my professional network on linkedin",
    "i would like to add you to my professional network",
    "i would like to add you to my linkedin network",
    "i d like to join your linkedin network",
    "i d like to connect with you on linkedin",
    "je souhaiterais vous ajouter a mon reseau professionnel sur linkedin",
    "je souhaiterais vous ajouter a mon reseau professionnel",
    "je souhaite vous ajouter a mon reseau professionnel sur linkedin",
    "je souhaite vous ajouter a mon reseau professionnel",
    "je souhaiterais vous inviter a rejoindre mon reseau professionnel en ligne sur le site linkedin",
    "ich mochte sie gerne zu meinem beruflichen netzwerk auf linkedin hinzufugen",
    "ich mochte sie gerne zu meinem beruflichen netzwerk hinzufugen",
    "ich mochte sie zu meinem beruflichen netzwerk auf linkedin hinzufugen",
    "ich mochte sie zu meinem beruflichen netzwerk hinzufugen",
    "me gustaria anadirte a mi red profesional en linkedin",
    "me gustaria anadirte a mi red profesional de linkedin",
    "me gustaria anadirte a mi red profesional",
    "me gustaria agregarte a mi red profesional en linkedin",
    "me gustaria agregarte a mi red profesional",
    "vorrei aggiungerti alla mia rete professionale su linkedin",
    "vorrei aggiungerti alla mia rete professionale",
    "ik wil je graag toevoegen aan mijn professionele netwerk op linkedin",
    "ik wil je graag toevoegen aan mijn professionele netwerk",
    "gostaria de adiciona lo a minha rede profissional no linkedin",
    "gostaria de adiciona lo a minha rede profissional",
    "gostaria de adicionar voce a minha rede profissional no linkedin",
];

/// How many words a "- Name" signature may have.
const SIGNATURE_WORDS: usize = 4;

/// Whether a card's message is a personal note: non-empty, and not LinkedIn's default text.
pub fn is_personal(message: &str) -> bool {
    is_personal_folded(message, &fold_marked(message))
}

/// [`is_personal`] for a message already folded by `text::fold_marked`, so that the engine
/// folds each note once.
pub fn is_personal_folded(message: &str, folded: &str) -> bool {
    !folded.is_empty() && !DEFAULT_TEXTS.iter().any(|d| is_default(message, folded, d))
}

/// The default text alone, or followed by a signature ("- Ada Lovelace").
fn is_default(message: &str, folded: &str, default: &str) -> bool {
    let mut said = words(folded).filter(|w| *w != BREAK);
    if !default.split(' ').all(|d| said.next() == Some(d)) {
        return false;
    }
    let mut signature = signature(message).map(|s| fold_marked(s)).unwrap_or_default();
    signature.retain(|c| c != '|');
    let mut signed = words(&signature).filter(|w| !w.is_empty());
    said.all(|w| signed.next() == Some(w)) && signed.next().is_none()
}

/// The words after the message's last dash, when they are short enough to be a name.
fn signature(message: &str) -> Option<&str> {
    let (at, dash) = message.char_indices().rev().find(|(_, c)| matches!(c, '-' | '–' | '—'))?;
    let name = message[at + dash.len_utf8()..].trim();
    (name.split_whitespace().count() <= SIGNATURE_WORDS).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::is_personal;

    #[test]
    fn linkedins_default_text_is_not_a_note() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "I’d like to add you to my professional network.",
            "i'd like to add you to my LinkedIn network",
            "I'd like to add you to my professional network on LinkedIn. - Ada Lovelace",
            "I'd like to add you to my professional network on LinkedIn.\n\n– Zoë O’Neil, PhD",
            "I'D LIKE TO ADD YOU TO MY PROFESSIONAL NETWORK ON LINKEDIN",
            "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.",
            "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
            "Me gustaría añadirte a mi red profesional en LinkedIn.",
            "   ",
        ] {
            assert!(!is_personal(text), "{text:?} counted as a personal note");
        }
    }

    #[test]
    fn a_sentence_of_ones_own_is_a_note() {
        for text in [
            "We met at RustConf; I'd like to stay in touch.",
            "I'd like to add you to my professional network because we both maintain serde forks and I would love to compare notes.",
            "I'd like to add you to my professional network. Loved your talk!",
            "I'd like to add you to my professional network - loved your talk on allocators at RustConf",
        ] {
            assert!(is_personal(text), "{text:?} not counted as a personal note");
        }
    }
}
