//! Whether a note gives a reason to connect.
//!
//! The essay's fifth rule asks for "specific information as to why you want to connect with me":
//! a note that, once greetings, names, thanks, sign-offs and connect-phrases ("happy to connect",
//! "let's grow our networks") are set aside, has nothing left gives no reason. Anything left (a
//! shared event or place, a common person, a topic, a proposal, a question) is one: the reader
//! never judges what is said, only whether something is.
//!
//! It reads the words of the note's one scan (see `text::Lexicon::scan_with`), so a note is still
//! tokenized once. A word is one of three kinds:
//! - an *opener* (a greeting, a title, thanks or a sign-off): not a reason, and the next one or
//!   two words that are not fillers are taken for a name ("Hi Anand", "Best regards, Bob Smith");
//! - a *filler* (pronouns, articles, the words of connect-phrases, politeness): not a reason;
//! - any other word of one or two letters ("I", "to", "de"): passed over;
//! - anything else, unless it is a word of the sender's name: something said, so a reason.
//!
//! The words of the seven languages of the vocabularies are written folded (see `text::fold`) and
//! separated by spaces: one text weighs less in the wasm than a list of strings.

use crate::text::{fold, WordSet};

/// Greetings, titles, thanks and sign-offs: a name may follow.
const OPENERS: &str = concat!(
    // English
    "hi hello hey dear morning afternoon evening mr mrs ms miss dr prof sir madam ",
    "thanks thank regards cheers best wishes ",
    // German
    "hallo liebe lieber geehrte geehrter herr frau guten tag abend gruss grusse ",
    "grussen danke dank beste besten lg vg mfg ",
    // French
    "bonjour salut cher chere madame monsieur mme merci cordialement amicalement ",
    "salutations ",
    // Spanish
    "hola buenos buenas dias tardes estimado senor senora sra gracias saludos ",
    // Italian
    "ciao buongiorno caro cara gentile dott sig signor grazie ",
    "saluti ",
    // Dutch
    "hoi beste geachte dag goedemorgen heer mevrouw bedankt groet groeten mvg ",
    // Portuguese
    "ola oi bom boa prezado senhor obrigado obrigada abraco abracos ",
    "atenciosamente cumprimentos",
);

/// Words that say nothing of why: pronouns, articles, small words, and the words of
/// connect-phrases and politeness ("I'd be glad to join your professional network").
const FILLERS: &str = concat!(
    // English
    "you your yours our its this that there here the and ",
    "but for with from are was been have has had will ",
    "would could can not like love loved want wish hope glad ",
    "happy pleased keen great nice good lovely excited ",
    "looking forward connect connected connecting connection connections network networks ",
    "networking professional professionals linkedin join joining add adding accept accepting ",
    "invite invitation request please grow growing expand expanding extend let lets ",
    "stay keep touch together mutual opportunity opportunities ",
    "field industry other more also too very really just well all ",
    "minded some any how get getting know meet reach reaching out again soon new people person ",
    "contact contacts profile came come across saw seen found impressed ",
    "interesting admire kind day today ",
    // German
    "ich mich mir mein meine meinem meinen dich dir dein deine deinem deinen sie ",
    "ihnen ihr ihre ihrem ihren wir uns unser unsere der die das den dem des ",
    "ein eine einen einem und oder aber zum zur mit fur auf von bei als auch ",
    "sehr gerne gern mochte mochten wurde freue freuen freut ist bin sind hat habe haben ",
    "sein werden kann netzwerk netzwerke netzwerken vernetzen ",
    "beruflichen professionellen kontakt kontakte hinzufugen aufnehmen anfrage ",
    "einladung annehmen bitte verbinden verbunden erweitern hier ",
    "schon nehmen viele vielen ",
    // French
    "moi mon mes vous votre vos toi ton tes nous notre nos elle ",
    "les une aux pour avec sur dans par cette ces que qui ",
    "suis serais serait etre avoir aimerais souhaiterais souhaite voudrais veux ",
    "plaisir heureux ravi volontiers connecter rejoindre ajouter reseau reseaux ",
    "professionnel demande accepter echanger ",
    "faire partie plus tres aussi bien pas ",
    // Spanish
    "mis tus usted sus nosotros nuestro nuestra los las del con para ",
    "por soy estoy sea gustaria encantaria quiero quisiera placer encantado feliz ",
    "conectar conectarme contigo unirme agregarte anadirte agregar anadir ",
    "red redes profesional profesionales contacto contactos invitacion solicitud acepta muy ",
    "tambien mucho ",
    // Italian
    "mio mia tuo tua lei gli uno alla della sono sarei ",
    "vorrei piacerebbe piacere lieto lieta collegarmi connetterci ",
    "aggiungerti aggiungere unirmi rete professionale professionali contatto contatti invito ",
    "accettare molto anche ",
    // Dutch
    "mij mijn jij jou jouw wij ons onze het een maar van voor met aan bij ook ",
    "graag wil zou willen ben zijn heb hebben leuk blij connecten connectie ",
    "toevoegen netwerk professionele uitnodiging accepteren ",
    "zeer heel voeg toe ",
    // Portuguese
    "mim meu minha voce teu seu sua nosso nossa uma dos das com ",
    "estou gostaria adoraria vamos adiciona adicionar profissional profissionais contato contatos convite ",
    "aceitar muito",
);

/// The longest words that are never a reason, in bytes (so the lists leave them out).
const SHORT: usize = 2;

/// How many words after an opener may be a name.
const NAME_WORDS: u8 = 2;

/// The words a note may hold without giving a reason, made ready once (in `Engine::new`).
pub struct ReasonWords {
    /// The openers, then the fillers: a word numbered below `openers` is an opener.
    words: WordSet,
    openers: usize,
}

impl Default for ReasonWords {
    fn default() -> Self {
        let mut words = WordSet::default();
        let mut openers = 0;
        for word in OPENERS.split(' ') {
            openers = openers.max(words.insert(word.as_bytes()) + 1);
        }
        for word in FILLERS.split(' ') {
            words.insert(word.as_bytes());
        }
        ReasonWords { words, openers }
    }
}

impl ReasonWords {
    /// A reader of one note from this sender (whose name is no reason either).
    pub fn reader(&self, sender: &str) -> ReasonReader<'_> {
        ReasonReader { words: self, sender: fold(sender), name_words: 0, said: false }
    }
}

/// Whether a draft of the user's own note gives a reason: read as a received note is, the
/// invitee's name set aside as a sender's would be.
pub fn draft_gives_reason(words: &ReasonWords, draft: &str, invitee: &str) -> bool {
    let mut reader = words.reader(invitee);
    crate::text::Lexicon::default().scan_with(draft, 0, Some(&mut |w, b| reader.read(w, b)));
    reader.gives_reason()
}

/// One note's words, read in order (see `text::AlsoWords`).
pub struct ReasonReader<'a> {
    words: &'a ReasonWords,
    /// The sender's name, folded.
    sender: String,
    /// How many of the next words may still be a name.
    name_words: u8,
    said: bool,
}

impl ReasonReader<'_> {
    pub fn read(&mut self, word: &[u8], _after_break: bool) {
        match self.words.words.find(word).map(|index| index < self.words.openers) {
            Some(true) => self.name_words = NAME_WORDS,
            // "I", "to", "de", "il", "'d": too short to say why, and a name may go on past them.
            None if word.len() <= SHORT => {}
            Some(false) => self.name_words = 0,
            None if self.name_words > 0 => self.name_words -= 1,
            None => {
                let of_sender = self.sender.split(' ').any(|w| w.as_bytes() == word);
                self.said |= !of_sender;
            }
        }
    }

    /// Whether the words read so far say something besides greetings, names and connect-phrases.
    pub fn gives_reason(&self) -> bool {
        self.said
    }
}

#[cfg(test)]
mod tests {
    use super::{ReasonWords, FILLERS, OPENERS};
    use crate::text::fold;

    fn gives_reason(note: &str, sender: &str) -> bool {
        super::draft_gives_reason(&ReasonWords::default(), note, sender)
    }

    #[test]
    fn the_words_are_written_folded_one_space_apart() {
        for word in OPENERS.split(' ').chain(FILLERS.split(' ')) {
            assert!(!word.is_empty(), "two spaces in a row");
            assert_eq!(fold(word), word, "{word:?} is not written folded");
        }
        for word in FILLERS.split(' ') {
            assert!(word.len() > super::SHORT, "{word:?} is passed over anyway");
        }
    }

    #[test]
    fn greetings_names_and_connect_phrases_give_no_reason() {
        for note in [
            "Hi Anand, happy to connect.",
            "Hello, I'd like to join your network. Best regards, Ada Lovelace",
            "Dear Mr. Smith, please accept my invitation. Thanks!",
        ] {
            assert!(!gives_reason(note, "Ada Lovelace"), "{note}");
        }
    }

    #[test]
    fn a_word_of_why_is_a_reason() {
        for note in ["Hi Anand, loved your talk on allocators.", "We met at RustConf"] {
            assert!(gives_reason(note, "Ada Lovelace"), "{note}");
        }
    }
}
