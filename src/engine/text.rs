//! Text as the rules compare it: case and diacritics folded, words kept apart, and terms found
//! by whole words (so "HR" is not found in "Christopher", nor "recruiter" in "recruiting").
//!
//! One tokenizer (`for_each_word`) reads raw text once, folding each word as it goes and
//! hashing it once read; [`fold`] writes its words out, and [`Lexicon::scan`] looks each one up, every
//! vocabulary at once, without writing the text anywhere. Its loops work on bytes, index by
//! index: the release build optimises for size (`opt-level = "z"`), which inlines little, so
//! iterator chains and searchers would cost a call per byte.

/// The mark [`fold_marked`] puts where one phrase ends and the next begins.
pub const BREAK: &str = "|";

/// Folds case and the common Latin diacritics, and turns every run of non-alphanumeric
/// characters into one space, so that "Zoë  O'Neil" and "zoe o neil" compare equal.
pub fn fold(text: &str) -> String {
    let mut out = Vec::new();
    fold_into(text, false, &mut out);
    into_string(out)
}

/// [`fold`], keeping two marks the rules need: [`BREAK`] between phrases ("Recruiter | Tech",
/// "Dear friend. Bitcoin"), so that no term spans two of them, and "@" as a word of its own
/// ("Engineer @ Acme"). Never starts or ends with a mark, never has two breaks in a row.
pub fn fold_marked(text: &str) -> String {
    let mut out = Vec::new();
    fold_into(text, true, &mut out);
    into_string(out)
}

/// Appends `text`, folded (marked or not), to `out`, as UTF-8.
fn fold_into(text: &str, marked: bool, out: &mut Vec<u8>) {
    out.reserve(text.len() + 8);
    for_each_word_dyn(text, marked, &mut |word| {
        match word.gap {
            Gap::None => {}
            Gap::Break if marked => out.extend_from_slice(b" | "),
            Gap::Space | Gap::Break => out.push(b' '),
        }
        out.extend_from_slice(word.folded);
    });
}

/// Folded bytes as text: they are whole characters, so this never loses anything.
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// How many characters `text` has, counted by their first bytes: smaller in the wasm than
/// `chars().count()`, inlined at each use.
pub fn char_count(text: &str) -> usize {
    text.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// What lies before a word: nothing (the first word), a space, or the end of a phrase.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    Break,
}

/// The wider of two gaps (a break wins over a space), without a call.
#[inline(always)]
fn widen(gap: Gap, other: Gap) -> Gap {
    match (gap, other) {
        (Gap::Break, _) | (_, Gap::Break) => Gap::Break,
        (Gap::Space, _) | (_, Gap::Space) => Gap::Space,
        _ => Gap::None,
    }
}

/// What a byte is to folding; every byte of a multi-byte character is `Other`.
#[derive(Clone, Copy)]
enum Byte {
    Letter,
    Space,
    Break,
    /// See [`punctuation_gap`].
    Dot,
    Dash,
    At,
    Other,
}

// A static, not a const: a const table would be copied to the stack at each use.
static BYTES: [Byte; 256] = byte_table();

const fn byte_table() -> [Byte; 256] {
    let mut table = [Byte::Other; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Byte::Letter,
            b'|' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'!' | b'?' | b'/'
            | b'\\' | b',' | b'\n' => Byte::Break,
            b'.' => Byte::Dot,
            b'-' => Byte::Dash,
            b'@' => Byte::At,
            _ => Byte::Space,
        };
        b += 1;
    }
    table
}

/// A full stop before a space ends a sentence, a dot inside "L.I.O.N" or "node.js" does not;
/// a dash with a space beside it separates phrases ("Engineer - Acme"), "real-time" does not.
fn punctuation_gap(bytes: &[u8], at: usize) -> Gap {
    let space_after = at + 1 >= bytes.len() || bytes[at + 1].is_ascii_whitespace();
    let space_before = at == 0 || bytes[at - 1].is_ascii_whitespace();
    if space_after || (bytes[at] == b'-' && space_before) {
        Gap::Break
    } else {
        Gap::Space
    }
}

/// A folded word's hash: its bytes eight at a time (the last ones zero-padded), then its length.
/// Unlike FNV, whose multiply per byte each waits on the one before, this costs one multiply per
/// eight bytes, taken once the word is read. [`WordHash`] makes the same hash byte by byte.
pub fn word_hash(word: &[u8]) -> u64 {
    let mut chunks = word.chunks_exact(8);
    let mut hash = HASH_SEED;
    for chunk in &mut chunks {
        hash = mix(hash ^ u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    let last = chunks.remainder().iter().rev().fold(0, |last, &b| last << 8 | u64::from(b));
    finish_hash(hash, last, word.len())
}

const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One step of [`word_hash`]: a multiply spreads each bit upward, the rotation brings the best
/// mixed bits down, where the sets take their slots from.
#[inline(always)]
fn mix(x: u64) -> u64 {
    x.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(31)
}

#[inline(always)]
fn finish_hash(hash: u64, last: u64, len: usize) -> u64 {
    mix(mix(hash ^ last) ^ len as u64)
}

/// [`word_hash`] of bytes handed over one at a time (for words compared in a form they are not
/// written in, see `people::compact_hash`).
pub struct WordHash {
    hash: u64,
    chunk: u64,
    len: usize,
}

impl Default for WordHash {
    fn default() -> Self {
        Self::new()
    }
}

impl WordHash {
    pub fn new() -> Self {
        WordHash { hash: HASH_SEED, chunk: 0, len: 0 }
    }

    pub fn push(&mut self, b: u8) {
        self.chunk |= u64::from(b) << (8 * (self.len % 8));
        self.len += 1;
        if self.len.is_multiple_of(8) {
            self.hash = mix(self.hash ^ self.chunk);
            self.chunk = 0;
        }
    }

    pub fn finish(&self) -> u64 {
        finish_hash(self.hash, self.chunk, self.len)
    }
}

/// One folded word, as the tokenizer hands it over.
struct Word<'b> {
    folded: &'b [u8],
    hash: u64,
    gap: Gap,
}

/// Reads `text` once and hands over each folded word (marked, see [`fold_marked`]), and whether
/// a phrase break comes before it: [`fold_marked`] without writing the text out.
pub fn each_word(text: &str, mut each: impl FnMut(&[u8], bool)) {
    for_each_word_dyn(text, true, &mut |word| each(word.folded, word.gap == Gap::Break));
}

/// [`for_each_word`] for the callers that are not hot ([`fold`], [`each_word`]): one copy of
/// the tokenizer in the wasm for them all, the lexicon's scan having the other.
fn for_each_word_dyn(text: &str, marked: bool, each: &mut dyn FnMut(&Word)) {
    for_each_word(text, marked, each);
}

/// What a byte is to the tokenizer's fast path: an ASCII letter or digit.
static ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Reads `text` once and hands each folded word to `each`, with the gap before it; in `marked`
/// text, "@" is a word of its own and phrase breaks are kept (see [`fold_marked`]).
///
/// Its state lives in locals, and it hands words over in one place, so that once inlined into
/// its caller, `each` is inlined too and the loops run in registers.
#[inline(always)]
fn for_each_word(text: &str, marked: bool, mut each: impl FnMut(&Word)) {
    let bytes = text.as_bytes();
    // The word being read: on the stack while it is short, as words are.
    let mut short = [0u8; 32];
    let mut long: Vec<u8> = Vec::new();
    // The separators read since the last word, and whether there was one.
    let mut gap = Gap::None;
    let mut started = false;
    let mut at = 0;
    loop {
        // Between words: separators, until a word begins ("@" is one in marked text).
        let mut len = 0;
        let mut at_sign = false;
        while let Some(&b) = bytes.get(at) {
            if ALPHANUMERIC[usize::from(b)] {
                break;
            }
            let (separator, width) = match BYTES[usize::from(b)] {
                Byte::Other => {
                    let c = char_at(text, at);
                    match class(c) {
                        Class::Word(..) => break,
                        Class::Ignored => (Gap::None, c.len_utf8()),
                        Class::Space => (Gap::Space, c.len_utf8()),
                        Class::Break => (Gap::Break, c.len_utf8()),
                    }
                }
                Byte::At if marked => {
                    at_sign = true;
                    break;
                }
                Byte::Space | Byte::At | Byte::Letter => (Gap::Space, 1),
                Byte::Break => (Gap::Break, 1),
                Byte::Dot | Byte::Dash => (punctuation_gap(bytes, at), 1),
            };
            at += width;
            if marked {
                gap = widen(gap, separator);
            }
        }
        if at_sign {
            short[0] = b'@';
            len = 1;
            at += 1;
        }
        // The word, folded, until a separator.
        while let (false, Some(&b)) = (at_sign, bytes.get(at)) {
            if ALPHANUMERIC[usize::from(b)] {
                // A run of ASCII letters and digits, most of any text, in one tight loop;
                // setting bit 5 lower-cases a letter and leaves a digit as it is.
                let mut b = b;
                loop {
                    let folded = b | 0x20;
                    match short.get_mut(len) {
                        Some(to) => *to = folded,
                        None => spill(&short, &mut long, len).push(folded),
                    }
                    len += 1;
                    at += 1;
                    match bytes.get(at) {
                        Some(&next) if ALPHANUMERIC[usize::from(next)] => b = next,
                        _ => break,
                    }
                }
                continue;
            }
            if b < 0x80 {
                break;
            }
            let c = char_at(text, at);
            match class(c) {
                Class::Word(first, second) => {
                    for c in std::iter::once(first).chain(second) {
                        let mut utf8 = [0u8; 4];
                        for &b in c.encode_utf8(&mut utf8).as_bytes() {
                            match short.get_mut(len) {
                                Some(to) => *to = b,
                                None => spill(&short, &mut long, len).push(b),
                            }
                            len += 1;
                        }
                    }
                }
                Class::Ignored => {}
                Class::Space | Class::Break => break,
            }
            at += c.len_utf8();
        }
        if len == 0 {
            return;
        }
        let before = if started { widen(gap, Gap::Space) } else { Gap::None };
        let folded = short.get(..len).unwrap_or(&long);
        each(&Word { folded, hash: word_hash(folded), gap: before });
        started = true;
        gap = Gap::None;
    }
}

/// The character at byte `at` (a space if `at` is not at one).
fn char_at(text: &str, at: usize) -> char {
    text.get(at..).and_then(|rest| rest.chars().next()).unwrap_or(' ')
}

/// The long buffer, holding the word so far, for a word that outgrows the short one.
#[cold]
fn spill<'l>(short: &[u8; 32], long: &'l mut Vec<u8>, len: usize) -> &'l mut Vec<u8> {
    if len <= short.len() {
        long.clear();
        long.extend_from_slice(short.get(..len).unwrap_or(short));
    }
    long
}

/// A character beyond ASCII, as folding sees it.
enum Class {
    Word(char, Option<char>),
    /// Joins nothing and separates nothing: combining accents, zero-width joiners, soft hyphens.
    Ignored,
    Space,
    Break,
}

fn class(c: char) -> Class {
    match c {
        // Apostrophes and quotation marks: "we’re", "the “Rust” group" stay one phrase.
        '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}'
        | '\u{02BC}' | '\u{00B4}' => Class::Space,
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
        _ => styled_ascii(c).unwrap_or_else(|| lower_char(c)),
    };
    Some((base, None))
}

/// A character in lower case: the first character of `char::to_lowercase`, for every character
/// (a test checks them all), from a table of 1.5 KB instead of the standard library's 15.
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = c as u32;
    let at = LOWER.partition_point(|entry| (entry >> 32) as u32 <= code);
    let Some(&entry) = at.checked_sub(1).and_then(|at| LOWER.get(at)) else { return c };
    let offset = code - (entry >> 32) as u32;
    let (len, pairs) = ((entry >> 22) as u32 & 0x3ff, entry >> 21 & 1 == 1);
    if offset > len || (pairs && offset % 2 == 1) {
        return c;
    }
    // An 18-bit two's complement delta.
    let delta = ((entry as u32 & 0x3_ffff) << 14) as i32 >> 14;
    char::from_u32(code.wrapping_add_signed(delta)).unwrap_or(c)
}

/// Text in lower case, character by character with [`lower_char`]: `str::to_lowercase` but
/// for its two rules of context (a final capital sigma, a dotted capital I), which profile
/// links and handles never need.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower_char).collect()
}

/// Every character that has a lower case different from itself, as runs of equal offset:
/// `start << 32 | (len - 1) << 22 | pairs << 21 | delta`, where `pairs` marks a run of every
/// other character (upper case at even offsets) and `delta` is 18-bit two's complement.
/// Generated from `char::to_lowercase` (Rust 1.95); the test `lower_char_is_the_standard_one`
/// checks it whole.
#[rustfmt::skip]
static LOWER: [u64; 186] = [
    0x4106400020, 0xc005800020, 0xd801800020, 0x1000ba00001, 0x1300003ff39, 0x13201200001,
    0x13903a00001, 0x14a0b200001, 0x1780003ff87, 0x17901200001, 0x181000000d2, 0x18200a00001,
    0x186000000ce, 0x18700000001, 0x189004000cd, 0x18b00000001, 0x18e0000004f, 0x18f000000ca,
    0x190000000cb, 0x19100000001, 0x193000000cd, 0x194000000cf, 0x196000000d3, 0x197000000d1,
    0x19800000001, 0x19c000000d3, 0x19d000000d5, 0x19f000000d6, 0x1a001200001, 0x1a6000000da,
    0x1a700000001, 0x1a9000000da, 0x1ac00000001, 0x1ae000000da, 0x1af00000001, 0x1b1004000d9,
    0x1b300a00001, 0x1b7000000db, 0x1b800000001, 0x1bc00000001, 0x1c400000002, 0x1c500000001,
    0x1c700000002, 0x1c800000001, 0x1ca00000002, 0x1cb04200001, 0x1de04200001, 0x1f100000002,
    0x1f200a00001, 0x1f60003ff9f, 0x1f70003ffc8, 0x1f809a00001, 0x2200003ff7e, 0x22204200001,
    0x23a00002a2b, 0x23b00000001, 0x23d0003ff5d, 0x23e00002a28, 0x24100000001, 0x2430003ff3d,
    0x24400000045, 0x24500000047, 0x24602200001, 0x37000a00001, 0x37600000001, 0x37f00000074,
    0x38600000026, 0x38800800025, 0x38c00000040, 0x38e0040003f, 0x39104000020, 0x3a302000020,
    0x3cf00000008, 0x3d805a00001, 0x3f40003ffc4, 0x3f700000001, 0x3f90003fff9, 0x3fa00000001,
    0x3fd0083ff7e, 0x40003c00050, 0x41007c00020, 0x46008200001, 0x48a0d200001, 0x4c00000000f,
    0x4c103200001, 0x4d017a00001, 0x53109400030, 0x10a009401c60, 0x10c700001c60, 0x10cd00001c60,
    0x13a013c097d0, 0x13f001400008, 0x1c8900000001, 0x1c900a83f440, 0x1cbd0083f440, 0x1e0025200001,
    0x1e9e0003e241, 0x1ea017a00001, 0x1f0801c3fff8, 0x1f180143fff8, 0x1f2801c3fff8, 0x1f3801c3fff8,
    0x1f480143fff8, 0x1f5901a3fff8, 0x1f6801c3fff8, 0x1f8801c3fff8, 0x1f9801c3fff8, 0x1fa801c3fff8,
    0x1fb80043fff8, 0x1fba0043ffb6, 0x1fbc0003fff7, 0x1fc800c3ffaa, 0x1fcc0003fff7, 0x1fd80043fff8,
    0x1fda0043ff9c, 0x1fe80043fff8, 0x1fea0043ff90, 0x1fec0003fff9, 0x1ff80043ff80, 0x1ffa0043ff82,
    0x1ffc0003fff7, 0x21260003e2a3, 0x212a0003df41, 0x212b0003dfba, 0x21320000001c, 0x216003c00010,
    0x218300000001, 0x24b60640001a, 0x2c000bc00030, 0x2c6000000001, 0x2c620003d609, 0x2c630003f11a,
    0x2c640003d619, 0x2c6701200001, 0x2c6d0003d5e4, 0x2c6e0003d603, 0x2c6f0003d5e1, 0x2c700003d5e2,
    0x2c7200000001, 0x2c7500000001, 0x2c7e0043d5c1, 0x2c8018a00001, 0x2ceb00a00001, 0x2cf200000001,
    0xa6400b200001, 0xa68006a00001, 0xa72203200001, 0xa7320f200001, 0xa77900a00001, 0xa77d000375fc,
    0xa77e02200001, 0xa78b00000001, 0xa78d00035ad8, 0xa79000a00001, 0xa79604a00001, 0xa7aa00035abc,
    0xa7ab00035ab1, 0xa7ac00035ab5, 0xa7ad00035abf, 0xa7ae00035abc, 0xa7b000035aee, 0xa7b100035ad6,
    0xa7b200035aeb, 0xa7b3000003a0, 0xa7b403a00001, 0xa7c40003ffd0, 0xa7c500035abd, 0xa7c6000375c8,
    0xa7c700a00001, 0xa7cb00035a99, 0xa7cc03a00001, 0xa7dc000359bf, 0xa7f500000001, 0xff2106400020,
    0x1040009c00028, 0x104b008c00028, 0x1057002800027, 0x1057c03800027, 0x1058c01800027, 0x1059400400027,
    0x10c800c800040, 0x10d5005400020, 0x118a007c00020, 0x16e4007c00020, 0x16ea00600001b, 0x1e90008400022,
];

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

/// Another reader of a scan's folded words (see [`Lexicon::scan_with`]): each word, and whether a
/// phrase break comes before it.
pub type AlsoWords<'a> = &'a mut dyn FnMut(&[u8], bool);

/// The terms of a vocabulary written as one text, "a, b, c, ": in the wasm, a list of strings
/// weighs a pointer and a length per entry besides the text, and compresses worse.
pub fn terms(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split(',')
        .map(|term| term.strip_prefix(' ').unwrap_or(term))
        .filter(|term| !term.is_empty())
}

/// Where `needle` (not empty) occurs in `text`, by bytes, from the left; a UTF-8 needle only
/// matches at a character's start. The core searches text this way, never with `str::find` or
/// `contains` and a text pattern, nor slices it with `&text[a..b]`: those bring std's text
/// searcher and the formatting of their panics, some KiB, into the wasm every LinkedIn page loads.
pub fn positions<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let needle = needle.as_bytes();
    text.as_bytes()
        .windows(needle.len().max(1))
        .enumerate()
        .filter(move |(_, w)| *w == needle)
        .map(|(at, _)| at)
}

/// `text` with each `needle` (not empty) in it replaced by `with`, from the left (see [`positions`]).
pub fn replaced(text: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = positions(rest, needle).next() {
        out.push_str(rest.get(..at).unwrap_or(""));
        out.push_str(with);
        rest = rest.get(at + needle.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// What follows the first `needle` (not empty) in `text`, if it holds one (see [`positions`]).
pub fn after<'a>(text: &'a str, needle: &str) -> Option<&'a str> {
    positions(text, needle).next().and_then(|at| text.get(at + needle.len()..))
}

/// `parts` with `separator` between them. The core joins text this way, never with std's
/// `join` or `concat`, whose copying, specialised for every separator length, weighs a KiB of
/// the wasm every LinkedIn page loads.
pub fn joined(parts: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// Writes a number in decimal, without `core::fmt` (which a number's `to_string` brings into the
/// wasm): for the badges' JSON and the paths to their elements.
pub fn write_unsigned(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Whether `text` holds `needle` (see [`positions`]).
pub fn holds(text: &str, needle: &str) -> bool {
    positions(text, needle).next().is_some()
}

/// The words of folded text, in order (marks included).
pub fn words(folded: &str) -> Words<'_> {
    Words { rest: folded }
}

/// The words of folded text, split at spaces byte by byte.
#[derive(Clone)]
pub struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.rest.as_bytes();
        let mut start = 0;
        while start < bytes.len() && bytes[start] == b' ' {
            start += 1;
        }
        let mut end = start;
        while end < bytes.len() && bytes[end] != b' ' {
            end += 1;
        }
        let word = self.rest.get(start..end)?;
        self.rest = self.rest.get(end..).unwrap_or_default();
        (!word.is_empty()).then_some(word)
    }
}

/// A set of words (byte strings), each with its number in order of insertion: open
/// addressing with linear probing, at most a quarter full, so that a word costs one probe.
/// The sets hold only Vetted's vocabularies and the user's lists, never strangers' words.
#[derive(Default)]
pub struct WordSet {
    /// 1 + an index into `words`, or 0 for an empty slot.
    slots: Vec<u32>,
    words: Vec<(u64, Box<[u8]>)>,
}

impl WordSet {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word's number, added if new.
    pub fn insert(&mut self, word: &[u8]) -> usize {
        let hash = word_hash(word);
        if let Some(index) = self.find_hashed(hash, word) {
            return index;
        }
        self.words.push((hash, word.into()));
        if self.slots.len() < 4 * self.words.len() {
            self.slots = vec![0; (8 * self.words.len()).next_power_of_two()];
            (0..self.words.len()).for_each(|index| self.place(index));
        } else {
            self.place(self.words.len() - 1);
        }
        self.words.len() - 1
    }

    fn place(&mut self, index: usize) {
        let mask = self.slots.len() - 1;
        let mut slot = self.words[index].0 as usize & mask;
        while self.slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = u32::try_from(index + 1).unwrap_or(0);
    }

    /// The word's number, if it is in the set.
    pub fn find(&self, word: &[u8]) -> Option<usize> {
        self.find_hashed(word_hash(word), word)
    }

    /// Whether a word with this hash is in the set, by the caller's own equality: for words
    /// compared in a form they are not written in (see `people::compact`).
    pub fn contains_by(&self, hash: u64, equal: impl Fn(&[u8]) -> bool) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let Some(index) = (self.slots[slot] as usize).checked_sub(1) else { return false };
            let (known_hash, known) = &self.words[index];
            if *known_hash == hash && equal(known) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// [`WordSet::find`] for a word whose [`word_hash`] is known.
    #[inline(always)]
    pub fn find_hashed(&self, hash: u64, word: &[u8]) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let index = (self.slots[slot] as usize).checked_sub(1)?;
            let (known_hash, known) = &self.words[index];
            if *known_hash == hash && **known == *word {
                return Some(index);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// The most words a term may have.
pub const MAX_TERM_WORDS: usize = 8;

/// Several vocabularies at once, each under a tag (0 to 15), found in text by whole words:
/// every term is filed under its last word, one hash probe a word, and a multi-word term then
/// checks the words before it among the last few read (by their 64-bit hashes).
#[derive(Default)]
pub struct Lexicon {
    last_words: WordSet,
    /// The entries ending in each word of `last_words`, by its number.
    entries: Vec<Vec<Entry>>,
    /// The terms as the vocabularies spell them, for the reasons shown to the user.
    shown: Vec<Box<str>>,
}

enum Entry {
    /// `before`: the hashes of the words before the last; `shown` indexes `Lexicon::shown`.
    Term { before: Box<[u64]>, tag: u8, shown: u16 },
    /// After this word, terms of the tags in `mask` are not found until the phrase ends: a
    /// role after "at" is the employer's business ("Engineer at Hays Recruitment"), and after
    /// "no" or "former" it is not the sender's role ("No recruiters, please").
    Stop { mask: u16 },
}

/// The first term found for each tag.
#[derive(Clone, Copy)]
pub struct Hits<'a> {
    lexicon: Option<&'a Lexicon>,
    /// Per tag, 1 + the index of the term in `Lexicon::shown`; 0 when none was found.
    found: [u16; 16],
    /// Whether a word starts with a digit: then a rule may look at the numbers in the raw text.
    number: bool,
}

impl<'a> Hits<'a> {
    /// No term found.
    pub const NONE: Hits<'static> = Hits { lexicon: None, found: [0; 16], number: false };

    /// Whether the text has a word that starts with a digit ("30K", "5000").
    pub fn saw_number(&self) -> bool {
        self.number
    }

    /// The first term of this tag that was found, as the vocabulary spells it.
    pub fn get(&self, tag: u8) -> Option<&'a str> {
        let index = usize::from(*self.found.get(usize::from(tag))?).checked_sub(1)?;
        self.lexicon?.shown.get(index).map(|term| &**term)
    }
}

/// The bit of one tag in a scan's mask.
pub const fn tag_bit(tag: u8) -> u16 {
    1 << (tag & 15)
}

impl Lexicon {
    /// Adds a term under a tag; `false` when it has no letters or digits to match, or more
    /// than [`MAX_TERM_WORDS`] words.
    pub fn add(&mut self, tag: u8, term: &str) -> bool {
        // Marked, for "@"; a term's own punctuation does not split it.
        let folded = fold_marked(term);
        let words: Vec<&[u8]> = words(&folded).filter(|w| *w != BREAK).map(str::as_bytes).collect();
        let Some((last, before)) = words.split_last() else { return false };
        if words.len() > MAX_TERM_WORDS {
            return false;
        }
        let before: Box<[u64]> = before.iter().map(|w| word_hash(w)).collect();
        let (tag, shown) = (tag & 15, u16::try_from(self.shown.len()).unwrap_or(u16::MAX));
        let entries = self.entries_for(last);
        let known = entries.iter().any(
            |e| matches!(e, Entry::Term { before: b, tag: t, .. } if *t == tag && *b == before),
        );
        if !known && shown < u16::MAX {
            entries.push(Entry::Term { before, tag, shown });
            self.shown.push(term.trim().into());
        }
        true
    }

    /// Adds a word after which the tags in `mask` stop being found until the phrase ends.
    pub fn add_stop(&mut self, word: &str, mask: u16) {
        let folded = fold_marked(word);
        if !folded.is_empty() && !folded.contains(' ') {
            self.entries_for(folded.as_bytes()).push(Entry::Stop { mask });
        }
    }

    fn entries_for(&mut self, last: &[u8]) -> &mut Vec<Entry> {
        let index = self.last_words.insert(last);
        if index == self.entries.len() {
            self.entries.push(Vec::new());
        }
        &mut self.entries[index]
    }

    /// Finds the terms of the tags in `mask` in raw text, reading it once.
    pub fn scan(&self, text: &str, mask: u16) -> Hits<'_> {
        self.scan_with(text, mask, None)
    }

    /// [`Lexicon::scan`], handing each folded word to `also` as well (with whether a phrase
    /// break comes before it), so that another reader needs no pass of its own. One function
    /// for every scan, with or without `also`: each copy of the tokenizer weighs in the wasm.
    pub fn scan_with(&self, text: &str, mask: u16, mut also: Option<AlsoWords>) -> Hits<'_> {
        if text.is_empty() {
            return Hits { lexicon: Some(self), ..Hits::NONE };
        }
        let mut scan = Scan {
            hits: Hits { lexicon: Some(self), ..Hits::NONE },
            mask,
            recent: [0; MAX_TERM_WORDS],
            position: 0,
            stopped: 0,
            stopped_at: 0,
        };
        for_each_word(text, true, |word| {
            scan.read(self, word);
            if let Some(also) = also.as_mut() {
                also(word.folded, word.gap == Gap::Break);
            }
        });
        scan.hits
    }
}

/// The state of one scan: the words of the current phrase, and what was stopped in it.
struct Scan<'a> {
    hits: Hits<'a>,
    mask: u16,
    /// The hashes of the current phrase's last words, by position modulo 8.
    recent: [u64; MAX_TERM_WORDS],
    /// The current word's position in its phrase.
    position: usize,
    /// The tags silenced in this phrase, from the position of the first stop word on.
    stopped: u16,
    stopped_at: usize,
}

impl<'a> Scan<'a> {
    #[inline(always)]
    fn read(&mut self, lexicon: &'a Lexicon, word: &Word) {
        if word.gap != Gap::Space {
            self.position = 0;
            self.stopped = 0;
        }
        self.hits.number |= word.folded.first().is_some_and(u8::is_ascii_digit);
        if let Some(index) = lexicon.last_words.find_hashed(word.hash, word.folded) {
            for entry in &lexicon.entries[index] {
                self.consider(entry, false);
            }
        } else if let Some(index) = singular(word).and_then(|s| lexicon.last_words.find(s)) {
            // "contracts", "headhunters": a single-word term's plural in -s is the term.
            for entry in &lexicon.entries[index] {
                self.consider(entry, true);
            }
        }
        self.recent[self.position % MAX_TERM_WORDS] = word.hash;
        self.position += 1;
    }

    /// Records a term ending at the current word when the words before it are the term's
    /// (a plural only completes a single-word term), and no stop silenced it.
    fn consider(&mut self, entry: &Entry, plural: bool) {
        let (before, tag, shown) = match entry {
            Entry::Stop { mask } => {
                if self.stopped == 0 {
                    self.stopped_at = self.position;
                }
                self.stopped |= mask;
                return;
            }
            Entry::Term { before, tag, shown } => (before, usize::from(*tag), *shown),
        };
        if plural && !before.is_empty() || before.len() > self.position {
            return;
        }
        let first = self.position - before.len();
        let follows = before
            .iter()
            .enumerate()
            .all(|(i, hash)| self.recent[(first + i) % MAX_TERM_WORDS] == *hash);
        let silenced = self.stopped & (1 << tag) != 0 && self.stopped_at < first;
        let wanted = self.mask & (1 << tag) != 0 && !silenced;
        if follows && wanted && self.hits.found[tag] == 0 {
            self.hits.found[tag] = shown + 1;
        }
    }
}

/// The word without a plural "s", when it is long enough to have one.
#[inline(always)]
fn singular<'w>(word: &Word<'w>) -> Option<&'w [u8]> {
    let bytes = word.folded;
    let n = bytes.len();
    (n >= 4 && bytes[n - 1] == b's' && bytes[n - 2] != b's').then(|| &bytes[..n - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_to_string_writes_them() {
        for n in [0, 7, 10, 1_234_567, u64::MAX] {
            let mut out = String::from("x");
            write_unsigned(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

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
        assert_eq!(fold_marked("Engineer@Acme, ada@x.org"), "engineer @ acme | ada @ x org");
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
        let scan = |text: &str| lexicon.scan(text, 0b11);
        assert_eq!(scan("Senior H.R. manager").get(0), None, "dotted H.R. is two words");
        assert_eq!(scan("HR manager").get(0), Some("HR"));
        assert_eq!(scan("Christopher, Shreya, HRV researcher").get(0), None);
        assert_eq!(scan("Talent Acquisition Partner").get(0), Some("talent acquisition"));
        assert_eq!(scan("Talent | Acquisition").get(0), None, "a phrase never spans a break");
        assert_eq!(scan("two contracts").get(1), Some("contract"));
        assert_eq!(scan("Engineer at Acme HR Software").get(0), None);
        assert_eq!(scan("Engineer at Acme | HR").get(0), Some("HR"));
        assert_eq!(lexicon.scan("HR contract", 0b10).get(0), None, "masked out");
        assert_eq!(lexicon.scan("HR contract", 0b10).get(1), Some("contract"));
    }

    #[test]
    fn a_stop_silences_what_starts_after_it_not_a_phrase_it_is_inside() {
        let mut lexicon = Lexicon::default();
        lexicon.add(0, "werving en selectie");
        lexicon.add_stop("en", tag_bit(0));
        lexicon.add(0, "recruiter");
        assert_eq!(lexicon.scan("Werving en Selectie", 1).get(0), Some("werving en selectie"));
        assert_eq!(lexicon.scan("Developer en recruiter", 1).get(0), None);
    }

    #[test]
    fn byte_search_finds_what_std_finds() {
        for (text, needle) in
            [("Hi $1, $1!", "$1"), ("aaaa", "aa"), ("Zoë Zoë", "ë Z"), ("", "x"), ("x", "xyz")]
        {
            assert_eq!(positions(text, needle).next(), text.find(needle), "{text} / {needle}");
            assert_eq!(
                after(text, needle),
                text.split_once(needle).map(|(_, rest)| rest),
                "{text} / {needle}"
            );
            assert_eq!(
                replaced(text, needle, "Ada"),
                text.replace(needle, "Ada"),
                "{text} / {needle}"
            );
        }
    }

    #[test]
    fn a_words_hash_is_the_same_however_it_is_made() {
        let text: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for len in 0..=text.len() {
            let word = &text[..len];
            let mut bytewise = WordHash::new();
            word.iter().for_each(|&b| bytewise.push(b));
            assert_eq!(bytewise.finish(), word_hash(word), "{len}");
        }
        assert_ne!(word_hash(b"a"), word_hash(b"a\0"), "the length counts");
    }

    #[test]
    fn words_longer_than_the_stack_buffer_fold_whole() {
        let long = "Ab".repeat(50);
        assert_eq!(fold(&format!("x {long} y")), format!("x {} y", long.to_lowercase()));
    }

    #[test]
    fn characters_are_counted_as_chars_counts_them() {
        for text in ["", "abc", "Zoë O’Neil 🚀", "\u{10FFFF}\u{7f}\u{80}\u{7ff}\u{800}"] {
            assert_eq!(char_count(text), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn lower_char_is_the_standard_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(Some(lower_char(c)), c.to_lowercase().next(), "U+{:04X}", c as u32);
        }
        assert_eq!(lowercase("ZOË Ÿ ĲSSEL ΑΘΉΝΑ МОСКВА Ա"), "zoë ÿ ĳssel αθήνα москва ա");
    }

    #[test]
    fn terms_without_letters_are_refused() {
        assert!(!Lexicon::default().add(0, " 🚀 "));
    }
}
