//! Text as the rules compare it: case and diacritics folded, words kept apart, and terms found
//! by whole words (so "HR" is not found in "Christopher", nor "recruiter" in "recruiting").
//!
//! Every field is folded once per invitation and scanned once: one hash look-up per word finds
//! every vocabulary's terms at the same time (see [`Lexicon`]).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The mark [`fold_marked`] puts where one phrase ends and the next begins.
pub const BREAK: &str = "|";

/// Folds case and the common Latin diacritics, and turns every run of non-alphanumeric
/// characters into one space, so that "Zoë  O'Neil" and "zoe o neil" compare equal.
pub fn fold(text: &str) -> String {
    fold_with(text, false)
}

/// [`fold`], keeping two marks the rules need: [`BREAK`] between phrases ("Recruiter | Tech",
/// "Dear friend. Bitcoin"), so that no term spans two of them, and "@" as a word of its own
/// ("Engineer @ Acme"). Never starts or ends with a mark, never has two breaks in a row.
pub fn fold_marked(text: &str) -> String {
    fold_with(text, true)
}

/// What lies between two words.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Break,
}

fn fold_with(text: &str, marked: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut gap = Gap::None;
    let mut after_space = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let before_space = chars.peek().is_none_or(|n| n.is_whitespace());
        match class(c, after_space, before_space) {
            Class::Word(first, second) => {
                separate(&mut out, gap, marked);
                gap = Gap::None;
                out.push(first);
                out.extend(second);
            }
            Class::At if marked => {
                separate(&mut out, gap, marked);
                out.push('@');
                gap = Gap::Space;
            }
            Class::Ignored => continue,
            Class::Break => gap = gap.max(Gap::Break),
            Class::At | Class::Space => gap = gap.max(Gap::Space),
        }
        after_space = c.is_whitespace();
    }
    out
}

/// Writes the gap before a word: nothing at the start, a space, or " | " in marked text.
fn separate(out: &mut String, gap: Gap, marked: bool) {
    if out.is_empty() || gap == Gap::None {
        return;
    }
    out.push_str(if marked && gap == Gap::Break { " | " } else { " " });
}

enum Class {
    Word(char, Option<char>),
    /// Joins nothing and separates nothing: combining accents, zero-width joiners, soft hyphens.
    Ignored,
    Space,
    Break,
    At,
}

fn class(c: char, after_space: bool, before_space: bool) -> Class {
    match c {
        'a'..='z' | '0'..='9' => Class::Word(c, None),
        'A'..='Z' => Class::Word(c.to_ascii_lowercase(), None),
        '@' => Class::At,
        '|' | ';' | ':' | '(' | ')' | '[' | ']' | '{' | '}' | '!' | '?' | '/' | '\\' | ','
        | '\n' => Class::Break,
        // A full stop ends a sentence, a dot inside "L.I.O.N" or "node.js" does not.
        '.' if before_space => Class::Break,
        // "Engineer - Acme" separates phrases, "real-time" does not.
        '-' if after_space || before_space => Class::Break,
        _ if c.is_ascii() => Class::Space,
        // Apostrophes and quotation marks: "we’re", "the “Rust” group" stay one phrase.
        '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{02BC}'
        | '\u{00B4}' => Class::Space,
        _ if is_ignored(c) => Class::Ignored,
        _ if c.is_whitespace() => Class::Space,
        _ => match fold_char(c) {
            Some((first, second)) => Class::Word(first, second),
            // Emoji, bullets and dashes: headlines use them to separate phrases.
            None => Class::Break,
        },
    }
}

fn is_ignored(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{00AD}' | '\u{E0000}'..='\u{E007F}')
}

/// One non-ASCII character folded to lower case without its diacritic ("ß" to "ss"); `None`
/// for separators, punctuation, marks and symbols, which only keep words apart.
fn fold_char(c: char) -> Option<(char, Option<char>)> {
    if !c.is_alphanumeric() {
        return None;
    }
    let base = match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' | 'ă' | 'Ă' | 'ą' | 'Ą' => 'a',
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => 'c',
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě' | 'Ě' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'Ī' | 'į' | 'Į' | 'ı' | 'İ' => 'i',
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'Ō' | 'ő' | 'Ő' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'š' | 'Š' | 'ś' | 'Ś' | 'ş' | 'Ş' => 's',
        'ž' | 'Ž' | 'ź' | 'Ź' | 'ż' | 'Ż' => 'z',
        'ł' | 'Ł' => 'l',
        'ř' | 'Ř' => 'r',
        'ť' | 'Ť' | 'ţ' | 'Ţ' => 't',
        'ď' | 'Ď' | 'đ' | 'Đ' => 'd',
        'ğ' | 'Ğ' => 'g',
        'ß' => return Some(('s', Some('s'))),
        'æ' | 'Æ' => return Some(('a', Some('e'))),
        'œ' | 'Œ' => return Some(('o', Some('e'))),
        _ => styled_ascii(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c)),
    };
    Some((base, None))
}

/// The plain letter or digit behind the "𝗯𝗼𝗹𝗱" and "ｆｕｌｌｗｉｄｔｈ" look-alikes that headlines
/// use to stand out (and, sometimes, to slip past filters).
fn styled_ascii(c: char) -> Option<char> {
    let code = c as u32;
    let (offset, letters) = match code {
        0x1D400..=0x1D6A3 => ((code - 0x1D400) % 52, true),
        0x1D7CE..=0x1D7FF => ((code - 0x1D7CE) % 10, false),
        0xFF21..=0xFF3A => (code - 0xFF21, true),
        0xFF41..=0xFF5A => (code - 0xFF41, true),
        0xFF10..=0xFF19 => (code - 0xFF10, false),
        _ => return None,
    };
    let base = if letters { b'a' + (offset % 26) as u8 } else { b'0' + offset as u8 };
    Some(base as char)
}

/// The words of folded text, in order (marks included).
pub fn words(folded: &str) -> std::str::Split<'_, char> {
    folded.split(' ')
}

/// A small, fast hash for short words (the "Fx" hash of rustc): the standard SipHash would cost
/// more than the rest of the matching. The tables hold only our own vocabularies, so strangers'
/// texts cannot fill them with collisions.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(eight));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut eight = [0u8; 8];
            eight[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(eight));
        }
    }
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// Several vocabularies at once, each under a tag (0 to 15), found in folded text by whole
/// words: single-word terms by one hash look-up, multi-word terms by their first word and then
/// the words that follow.
#[derive(Default)]
pub struct Lexicon {
    by_first_word: FastMap<Box<str>, Vec<Entry>>,
    /// Bit n is set when some first word is n bytes long: most words are rejected unhashed.
    lengths: u64,
}

enum Entry {
    Term { rest: Box<[Box<str>]>, tag: u8, shown: Box<str> },
    /// After this word, the tags in `mask` are not found until the next break: a role after
    /// "at" is the employer's business ("Engineer at Hays Recruitment"), and after "no" or
    /// "former" it is not the sender's role ("No recruiters, please").
    Stop { mask: u16 },
}

/// The first term found for each tag, as the vocabulary spells it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hits<'a> {
    found: [Option<&'a str>; 16],
}

impl<'a> Hits<'a> {
    pub fn get(&self, tag: u8) -> Option<&'a str> {
        self.found.get(usize::from(tag)).copied().flatten()
    }
}

/// The bit of one tag in a scan's mask.
pub const fn tag_bit(tag: u8) -> u16 {
    1 << (tag & 15)
}

impl Lexicon {
    /// Adds a term under a tag; `false` when it has no letters or digits to match.
    pub fn add(&mut self, tag: u8, term: &str) -> bool {
        let folded = fold(term);
        let mut parts = folded.split(' ').filter(|w| !w.is_empty());
        let Some(first) = parts.next() else { return false };
        let rest: Box<[Box<str>]> = parts.map(Box::from).collect();
        let entries = self.entries_for(first);
        let known = entries.iter().any(|e| matches!(e, Entry::Term { rest: r, tag: t, .. } if *t == tag && *r == rest));
        if !known {
            entries.push(Entry::Term { rest, tag: tag & 15, shown: term.trim().into() });
        }
        true
    }

    /// Adds a word after which the tags in `mask` stop being found until the phrase ends.
    pub fn add_stop(&mut self, word: &str, mask: u16) {
        let folded = fold_marked(word);
        if !folded.is_empty() && !folded.contains(' ') {
            self.entries_for(&folded).push(Entry::Stop { mask });
        }
    }

    fn entries_for(&mut self, first: &str) -> &mut Vec<Entry> {
        self.lengths |= 1u64 << first.len().min(63);
        self.by_first_word.entry(first.into()).or_default()
    }

    fn lookup(&self, word: &str) -> Option<&[Entry]> {
        if self.lengths & (1u64 << word.len().min(63)) == 0 {
            return None;
        }
        self.by_first_word.get(word).map(Vec::as_slice)
    }

    /// Finds the terms of the tags in `mask` in text folded by [`fold_marked`].
    pub fn scan(&self, folded: &str, mask: u16) -> Hits<'_> {
        let mut hits = Hits::default();
        let mut stopped = 0u16;
        let mut rest = words(folded);
        while let Some(word) = rest.next() {
            if word == BREAK {
                stopped = 0;
                continue;
            }
            if let Some(entries) = self.lookup(word) {
                let wanted = mask & !stopped;
                stopped |= self.match_entries(entries, &rest, wanted, &mut hits);
            } else if let Some(singular) = plural_of_one(word).and_then(|w| self.lookup(w)) {
                // "contracts", "headhunters": a single-word term's plural in -s is the term.
                let single = singular.iter().filter(|e| matches!(e, Entry::Term { rest, .. } if rest.is_empty()));
                for entry in single {
                    self.record(entry, mask & !stopped, &mut hits);
                }
            }
        }
        hits
    }

    /// Records the entries starting at this word that the following words complete; returns
    /// the tags stopped by it.
    fn match_entries<'a>(
        &'a self,
        entries: &'a [Entry],
        following: &std::str::Split<'_, char>,
        wanted: u16,
        hits: &mut Hits<'a>,
    ) -> u16 {
        let mut stops = 0;
        for entry in entries {
            match entry {
                Entry::Stop { mask } => stops |= mask,
                Entry::Term { rest, .. } => {
                    let mut ahead = following.clone();
                    if rest.iter().all(|r| ahead.next() == Some(r)) {
                        self.record(entry, wanted, hits);
                    }
                }
            }
        }
        stops
    }

    fn record<'a>(&'a self, entry: &'a Entry, wanted: u16, hits: &mut Hits<'a>) {
        if let Entry::Term { tag, shown, .. } = entry {
            let slot = &mut hits.found[usize::from(*tag)];
            if wanted & tag_bit(*tag) != 0 && slot.is_none() {
                *slot = Some(shown);
            }
        }
    }
}

/// The word without a plural "s", when it is long enough to have one.
fn plural_of_one(word: &str) -> Option<&str> {
    word.strip_suffix('s').filter(|w| w.len() >= 3 && !w.ends_with('s'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_separators() {
        assert_eq!(fold("  Zoë   O'Neil "), "zoe o neil");
        assert_eq!(fold("Personalvermittlerin · Straße"), "personalvermittlerin strasse");
        assert_eq!(fold("ÉLODIE—Cœur"), "elodie coeur");
    }

    #[test]
    fn combining_accents_and_styled_letters_fold_to_plain_words() {
        assert_eq!(fold("Re\u{301}sume\u{301}"), "resume");
        assert_eq!(fold("𝗥𝗲𝗰𝗿𝘂𝗶𝘁𝗲𝗿 ｈｒ"), "recruiter hr");
        assert_eq!(fold("İstanbul Şişli"), "istanbul sisli");
    }

    #[test]
    fn marks_keep_phrases_apart() {
        assert_eq!(fold_marked("Recruiter | Tech 🚀 Talent"), "recruiter | tech | talent");
        assert_eq!(fold_marked("Engineer @ Acme - real-time"), "engineer @ acme | real time");
        assert_eq!(fold_marked("L.I.O.N. Dear friend. Hi"), "l i o n | dear friend | hi");
        assert_eq!(fold_marked("[LION] !!"), "lion");
        assert_eq!(fold_marked("we’re in the “Rust” group"), "we re in the rust group");
        assert_eq!(fold_marked(""), "");
    }

    fn lexicon() -> Lexicon {
        let mut lexicon = Lexicon::default();
        lexicon.add(0, "HR");
        lexicon.add(0, "talent acquisition");
        lexicon.add(1, "contract");
        lexicon.add_stop("at", tag_bit(0));
        lexicon
    }

    #[test]
    fn finds_whole_words_and_phrases_only() {
        let lexicon = lexicon();
        let scan = |text: &str| lexicon.scan(&fold_marked(text), 0b11);
        assert_eq!(scan("Senior H.R. manager").get(0), None, "dotted H.R. is two words");
        assert_eq!(scan("HR manager").get(0), Some("HR"));
        assert_eq!(scan("Christopher, Shreya, HRV researcher").get(0), None);
        assert_eq!(scan("Talent Acquisition Partner").get(0), Some("talent acquisition"));
        assert_eq!(scan("Talent | Acquisition").get(0), None, "a phrase never spans a break");
        assert_eq!(scan("two contracts").get(1), Some("contract"));
        assert_eq!(scan("Engineer at Acme HR Software").get(0), None);
        assert_eq!(scan("Engineer at Acme | HR").get(0), Some("HR"));
        assert_eq!(lexicon.scan(&fold_marked("HR contract"), 0b10).get(0), None, "masked out");
    }

    #[test]
    fn terms_without_letters_are_refused() {
        assert!(!Lexicon::default().add(0, " 🚀 "));
    }
}
