//! The personal note (DESIGN §2): a message that is not LinkedIn's default text.

use crate::text::fold;

/// LinkedIn's default invitation text and its variants, folded (see `text::fold`), without the
/// trailing "- Name" that some exports add.
const DEFAULT_TEXTS: &[&str] = &[
    "i d like to add you to my professional network on linkedin",
    "i d like to add you to my professional network",
    "i d like to add you to my linkedin network",
    "i would like to add you to my professional network on linkedin",
    "i would like to add you to my professional network",
    "je souhaiterais vous ajouter a mon reseau professionnel sur linkedin",
    "je souhaiterais vous ajouter a mon reseau professionnel",
    "je souhaite vous ajouter a mon reseau professionnel sur linkedin",
    "ich mochte sie gerne zu meinem beruflichen netzwerk auf linkedin hinzufugen",
    "ich mochte sie gerne zu meinem beruflichen netzwerk hinzufugen",
    "ich mochte sie zu meinem beruflichen netzwerk auf linkedin hinzufugen",
    "me gustaria anadirte a mi red profesional en linkedin",
    "me gustaria anadirte a mi red profesional",
    "me gustaria agregarte a mi red profesional en linkedin",
];

/// Whether a card's message is a personal note: non-empty, and not LinkedIn's default text.
pub fn is_personal(message: &str) -> bool {
    let folded = fold(message);
    !folded.is_empty() && !DEFAULT_TEXTS.iter().any(|d| is_default(&folded, d))
}

/// The default text alone, or followed by a signature ("- Ada Lovelace" folds to "ada lovelace").
fn is_default(folded: &str, default: &str) -> bool {
    match folded.strip_prefix(default) {
        Some("") => true,
        Some(rest) => rest.starts_with(' ') && rest.split(' ').filter(|w| !w.is_empty()).count() <= 4,
        None => false,
    }
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
        ] {
            assert!(is_personal(text), "{text:?} not counted as a personal note");
        }
    }
}
