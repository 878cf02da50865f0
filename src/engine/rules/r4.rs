//! R4: the essay's fourth reason. LinkedIn Groups are for open networking: a note whose only
//! stated link is a shared group ("we're both in the Rust group") is to consider, leaning to
//! refuse.

use super::{Case, Lists, Rule, Vocabulary};
use crate::text::{terms, Lexicon};
use crate::verdict::{english, Because, Decision};

pub const RULE: Rule = Rule {
    id: "R4",
    title: english("Groups are for open networking"),
    reason: english("The LinkedIn Groups provide an opportunity for open networking; that doesn't put all those people in my personal network."),
    effect: Decision::Consider,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: Some(add_terms),
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for the invitation. I'm glad to talk in the group, but I keep my personal network to people I know and have worked with. See you in the group!";

/// "group" in the seven languages.
const GROUP: &str = concat!(
    "group, groups, gruppe, gruppen, groupe, groupes, grupo, grupos, gruppo, ",
    "gruppi, groep, groepen, ",
);

/// Words that make the group a shared one: "both", "same", "fellow", "member".
const SHARED: &str = concat!(
    "both, same, fellow, member, members, beide, beiden, gleichen, selben, ",
    "mitglied, mitglieder, meme, membre, membres, tous deux, mismo, misma, ",
    "miembro, miembros, ambos, stesso, stessa, membro, membri, entrambi, ",
    "dezelfde, zelfde, lid, leden, allebei, mesmo, mesma, ",
);

/// Any other stated link: when the note has one, the group is not the only one.
const OTHER_LINK: &str = concat!(
    "we met, met you, meeting you, worked with, worked together, work together, ",
    "your talk, your article, your post, your book, your work, your paper, ",
    "colleague, former colleague, same team, same company, kennengelernt, ",
    "zusammengearbeitet, ihr vortrag, ihren vortrag, dein vortrag, deinen vortrag, ",
    "rencontre, rencontres, travaille ensemble, votre conference, votre article, ",
    "nos conocimos, conocimos, trabajamos juntos, tu charla, tu articulo, ",
    "ci siamo conosciuti, lavorato insieme, il tuo intervento, il tuo articolo, ",
    "ontmoet, samengewerkt, je presentatie, je artikel, nos conhecemos, ",
    "trabalhamos juntos, sua palestra, seu artigo, ",
);

fn add_terms(lexicon: &mut Lexicon, lists: &Lists) {
    Vocabulary::GroupNoun.add(lexicon, terms(GROUP));
    Vocabulary::GroupCue.add(lexicon, terms(SHARED));
    Vocabulary::OtherLink.add(lexicon, terms(OTHER_LINK));
    Vocabulary::GroupPhrase.add(lexicon, lists.group_terms.iter().map(String::as_str));
}

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    let note = &case.note;
    let named =
        note.hit(Vocabulary::GroupNoun).filter(|_| note.hit(Vocabulary::GroupCue).is_some());
    let group = note.hit(Vocabulary::GroupPhrase).or(named)?;
    let other_link = note.hit(Vocabulary::OtherLink).or(note.hit(Vocabulary::Business));
    let says = (
        "because_R4",
        "The note's only link to you is a shared group (\"$1\"): groups are for open networking, so lean to refuse.",
    );
    other_link.is_none().then(|| Because::new(says.0, says.1, group))
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
    use crate::judge::Engine;
    use crate::settings::Settings;
    use crate::verdict::Decision;

    fn rules(note: &str) -> Vec<&'static str> {
        let mut inv = Invitation::person("A B");
        inv.message = Some(note.into());
        let judge = Engine::new(Settings::default());
        let v = judge.classify(&inv).unwrap();
        assert_ne!(v.decision, Decision::Accept);
        v.rule_ids()
    }

    #[test]
    fn a_shared_group_alone_leans_to_refuse() {
        assert_eq!(rules("Hi! We're both in the Rust Programming group."), ["R4"]);
        assert_eq!(rules("Wir sind beide in der Gruppe „Rust DACH“."), ["R4"]);
    }

    #[test]
    fn a_group_with_another_link_is_not_group_only() {
        assert_eq!(
            rules("We're both in the Rust group, and I loved your talk at RustConf."),
            ["R2"]
        );
        assert_eq!(rules("Our group has a budget for a Rust audit."), ["E1"]);
        assert_eq!(rules("Volkswagen Group engineer here, curious about your crate."), ["R2"]);
    }
}
