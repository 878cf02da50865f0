//! The personal note: a message that is not LinkedIn's default text.

use crate::text::{fold, fold_marked, words, BREAK};

/// LinkedIn's default invitation text and its variants over the years and languages, folded
/// (see `text::fold`), without the trailing "- Name" that some exports add. Each starts with
/// one of the [`DEFAULT_FIRST_WORDS`].
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

/// The first words of the texts above: a message that starts otherwise, as nearly every note
/// does, is told apart without being folded.
const DEFAULT_FIRST_WORDS: &[&str] = &["i", "je", "ich", "me", "vorrei", "ik", "gostaria"];

/// Whether a card's message is a personal note: trimmed, non-empty, and not LinkedIn's default
/// text.
pub fn is_personal(message: &str) -> bool {
    let message = message.trim_ascii();
    if message.is_empty() || (!message.is_ascii() && message.trim().is_empty()) {
        return false;
    }
    if !starts_like_default(message) {
        return true;
    }
    let folded = fold_marked(message);
    !DEFAULT_TEXTS.iter().any(|d| is_default(message, &folded, d))
}

/// Whether the message starts as a default text may ("I'd", "I would", "Je", "Ich", …).
fn starts_like_default(message: &str) -> bool {
    let bytes = message.as_bytes();
    let mut end = 0;
    while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
        end += 1;
    }
    let first = message.get(..end).unwrap_or("");
    if !DEFAULT_FIRST_WORDS.iter().any(|word| first.eq_ignore_ascii_case(word)) {
        return false;
    }
    // "I loved your talk" is not "I'd like" nor "I would like".
    let rest = message.get(end..).unwrap_or("").trim_start_matches(['\'', '’', ' ']).as_bytes();
    let starts =
        |word: &[u8]| rest.get(..word.len()).is_some_and(|head| head.eq_ignore_ascii_case(word));
    !first.eq_ignore_ascii_case("i") || starts(b"d ") || starts(b"would ")
}

/// The default text alone, or followed by a signature ("- Ada Lovelace"). A byte comparison
/// first: most notes differ from every default at their first letter.
fn is_default(message: &str, folded: &str, default: &str) -> bool {
    let Some(rest) = folded.strip_prefix(default) else { return false };
    let Some(rest) = rest.strip_prefix(' ') else { return rest.is_empty() };
    let signature = signature(message).map(fold).unwrap_or_default();
    words(rest).filter(|w| *w != BREAK).eq(words(&signature))
}

/// The words after the message's last dash, when they are short enough to be a name.
fn signature(message: &str) -> Option<&str> {
    let (at, dash) = message.char_indices().rev().find(|(_, c)| matches!(c, '-' | '–' | '—'))?;
    let name = message.get(at + dash.len_utf8()..)?.trim();
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
    fn every_default_starts_with_a_listed_first_word() {
        for text in super::DEFAULT_TEXTS {
            assert!(super::starts_like_default(text), "{text}");
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
