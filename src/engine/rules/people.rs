//! Recognising a sender on one of the user's lists of people (rules K and E2): by profile
//! slug first, else by full name, else (for E2) by a handle used on another channel.

use crate::invitation::Invitation;
use crate::text::{after, each_word, fold, lowercase, word_hash, WordHash, WordSet};
use std::borrow::Cow;

/// How a sender was recognised, for the reason shown to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Profile,
    Name,
    Handle,
}

impl Found {
    /// Words for the reason: "… is on your list of people you know (same profile)."
    pub fn by(self) -> &'static str {
        match self {
            Found::Profile => "same profile",
            Found::Name => "same name",
            Found::Handle => "same handle",
        }
    }
}

/// One list of people, normalised once in `Engine::new`.
#[derive(Default)]
pub struct People {
    slugs: WordSet,
    names: WordSet,
    /// Handles and one-word entries, letters and digits only ("@ada_l" is "adal").
    handles: WordSet,
    /// The first bytes of `handles`' words: a sender whose name or slug starts with none of
    /// them (nearly every sender) is not hashed as a handle at all.
    handle_starts: ByteSet,
}

/// A set of bytes, a bit each.
#[derive(Default)]
struct ByteSet([u64; 4]);

impl ByteSet {
    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & 1 << (b & 63) != 0
    }
}

impl People {
    /// `with_handles`: whether entries may be handles on other channels (E2), not only names.
    pub fn new(entries: &[String], with_handles: bool) -> Self {
        let mut people = People::default();
        for entry in entries {
            people.add(entry, with_handles);
        }
        people
    }

    fn add(&mut self, entry: &str, with_handles: bool) {
        if let Some(slug) = profile_slug(entry) {
            self.slugs.insert(slug.as_bytes());
            return;
        }
        let entry = entry.trim();
        let one_word = !entry.contains(char::is_whitespace);
        if one_word {
            // "ada-lovelace-1815" may be a bare profile slug.
            self.slugs.insert(lowercase(entry.trim_start_matches('@')).as_bytes());
        }
        if with_handles && one_word {
            let handle = compact(entry.as_bytes());
            if let Some(&first) = handle.first() {
                self.handle_starts.insert(first);
                self.handles.insert(&handle);
            }
        }
        let name = person_name(entry);
        if !name.is_empty() && !entry.starts_with('@') {
            self.names.insert(&name);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.slugs.is_empty() && self.names.is_empty() && self.handles.is_empty()
    }

    /// Whether the sender is on this list, and how they were recognised.
    pub fn find(&self, sender: &Sender) -> Option<Found> {
        let on = |set: &WordSet, key: &Key| {
            !key.bytes.is_empty() && set.find_hashed(key.hash, &key.bytes).is_some()
        };
        if self.is_empty() {
            None
        } else if sender.slug.as_ref().is_some_and(|slug| on(&self.slugs, slug)) {
            Some(Found::Profile)
        } else if on(&self.names, &sender.name) {
            Some(Found::Name)
        } else {
            sender.handle_texts().any(|text| self.has_handle(text)).then_some(Found::Handle)
        }
    }

    /// Whether `text` as a handle (its [`compact`] form) is on the list. ASCII text, as slugs
    /// and most names are, is compared letter by letter without being made compact.
    fn has_handle(&self, text: &[u8]) -> bool {
        if !text.is_ascii() {
            let handle = compact(text);
            return handle.first().is_some_and(|&first| self.handle_starts.contains(first))
                && self.handles.find(&handle).is_some();
        }
        let letters =
            || text.iter().filter(|b| b.is_ascii_alphanumeric()).map(u8::to_ascii_lowercase);
        if !letters().next().is_some_and(|first| self.handle_starts.contains(first)) {
            return false;
        }
        let mut hash = WordHash::new();
        letters().for_each(|b| hash.push(b));
        self.handles.contains_by(hash.finish(), |known| known.iter().copied().eq(letters()))
    }
}

/// A word as the sets compare it, hashed once for every list. A handle's key holds the text
/// it was made of, and the hash of its [`compact`] form.
struct Key<'a> {
    bytes: Cow<'a, [u8]>,
    hash: u64,
}

impl<'a> Key<'a> {
    fn new(bytes: Cow<'a, [u8]>) -> Self {
        Key { hash: word_hash(&bytes), bytes }
    }
}

/// The sender as the lists compare them, normalised and hashed once per invitation.
pub struct Sender<'a> {
    /// The profile slug, lower-cased.
    slug: Option<Key<'a>>,
    /// The name as [`person_name`] makes it.
    name: Key<'a>,
}

impl<'a> Sender<'a> {
    /// `name`: the sender's name as [`person_name`] makes it (built while the name is read).
    pub fn new(invitation: &'a Invitation, name: Vec<u8>) -> Self {
        let slug = invitation.profile_slug.as_deref().map(|slug| {
            let slug = slug.strip_prefix('/').unwrap_or(slug);
            let slug = slug.strip_suffix('/').unwrap_or(slug);
            let plain = slug.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii());
            if plain {
                Cow::Borrowed(slug.as_bytes())
            } else {
                Cow::Owned(lowercase(slug).into_bytes())
            }
        });
        Sender { slug: slug.map(Key::new), name: Key::new(Cow::Owned(name)) }
    }

    /// What the sender may go by as a handle (see `People::handles`): the name run together,
    /// the slug, and the slug without LinkedIn's trailing id ("ada-lovelace-a1b2c3" is
    /// "adalovelace").
    fn handle_texts(&self) -> impl Iterator<Item = &[u8]> {
        let slug = self.slug.as_ref().map(|key| &key.bytes[..]);
        let slug_texts = slug.into_iter().flat_map(|slug| [slug, without_trailing_id(slug)]);
        std::iter::once(&self.name.bytes[..]).chain(slug_texts)
    }
}

/// The slug of a profile URL or of "in/<slug>", lower-cased; `None` for anything else.
pub fn profile_slug(entry: &str) -> Option<String> {
    let entry = entry.trim();
    let rest = after(entry, "/in/").or_else(|| entry.strip_prefix("in/"))?;
    let slug = lowercase(rest.split(['/', '?', '#']).next()?);
    (!slug.is_empty()).then_some(slug)
}

/// Titles and credentials that come and go around a name: "Dr. Zoë O'Neil, PhD" is Zoë O'Neil.
/// Grouped by length, so that most words are turned away by their length alone.
fn is_credential(word: &[u8]) -> bool {
    match word.len() {
        2 => matches!(
            word,
            b"md" | b"dr" | b"mr" | b"ms" | b"mx" | b"jr" | b"sr" | b"jd" | b"rn" | b"ir"
        ),
        3 => matches!(
            word,
            b"phd"
                | b"mba"
                | b"cpa"
                | b"msc"
                | b"bsc"
                | b"mrs"
                | b"pmp"
                | b"cfa"
                | b"llm"
                | b"esq"
                | b"mph"
                | b"dds"
                | b"dvm"
                | b"ing"
                | b"mag"
                | b"drs"
                | b"lic"
                | b"cfp"
                | b"cpc"
                | b"med"
                | b"rer"
                | b"nat"
        ),
        4 => matches!(word, b"prof" | b"acca" | b"peng" | b"ceng" | b"dipl" | b"frsa" | b"shrm"),
        5 => word == b"cissp",
        _ => false,
    }
}

/// A full name as compared, folded (see `text::fold_marked`): without credentials ("Dr.",
/// "PhD", and dotted ones like "M.B.A." that fold to short words), and ending at the first
/// break after it has begun: a comma, bar, bracket, dash or emoji ("Ada Lovelace, PhD |
/// Analyst", "(she/her)"). "Dr. Zoë" has a break before the name begins.
pub fn person_name(name: &str) -> Vec<u8> {
    let mut builder = NameBuilder::new(name.len());
    each_word(name, |word, after_break| builder.read(word, after_break));
    builder.finish()
}

/// Builds [`person_name`] word by word. Short words (one or two letters) wait in `short`,
/// each followed by a space: together they may spell a dotted credential ("m b a").
pub struct NameBuilder {
    kept: Vec<u8>,
    short: Vec<u8>,
    ended: bool,
}

impl NameBuilder {
    /// For a name of about `len` bytes; with `len` 0, nothing is kept and nothing allocated.
    pub fn new(len: usize) -> Self {
        NameBuilder { kept: Vec::with_capacity(len), short: Vec::new(), ended: len == 0 }
    }

    /// Takes the name's next folded word (see `text::each_word`).
    pub fn read(&mut self, word: &[u8], after_break: bool) {
        if self.ended || ((after_break || word == b"@") && !self.kept.is_empty()) {
            self.ended = true;
            return;
        }
        if word == b"@" {
            return;
        }
        if word.len() <= 2 && !is_credential(word) {
            self.short.extend_from_slice(word);
            self.short.push(b' ');
            if self.spells_credential() {
                self.short.clear();
            }
            return;
        }
        self.keep_short();
        if !is_credential(word) {
            self.keep(word);
        }
    }

    /// Whether the short words waiting spell a credential of three letters or more: "M.B.A."
    /// does, "J. R." (initials, not "Jr.") does not.
    fn spells_credential(&self) -> bool {
        let mut spelled = [0u8; 8];
        let mut len = 0;
        for &b in self.short.iter().filter(|b| **b != b' ') {
            if len == spelled.len() {
                return false;
            }
            spelled[len] = b;
            len += 1;
        }
        len >= 3 && is_credential(&spelled[..len])
    }

    /// The short words that spelled no credential are part of the name.
    fn keep_short(&mut self) {
        if self.short.is_empty() {
            return;
        }
        let short = std::mem::take(&mut self.short);
        short.split(|b| *b == b' ').filter(|w| !w.is_empty()).for_each(|w| self.keep(w));
    }

    fn keep(&mut self, word: &[u8]) {
        if !self.kept.is_empty() {
            self.kept.push(b' ');
        }
        self.kept.extend_from_slice(word);
    }

    pub fn finish(mut self) -> Vec<u8> {
        self.keep_short();
        self.kept
    }
}

/// Letters and digits only: handles are compared without "@", dots, dashes and underscores.
fn compact(text: &[u8]) -> Vec<u8> {
    // Every text here was a `str`: entries, slugs, folded names.
    let text = std::str::from_utf8(text).unwrap_or_default();
    fold(text).into_bytes().into_iter().filter(|b| *b != b' ').collect()
}

/// "ada-lovelace-a1b2c3" without "-a1b2c3": the id LinkedIn appends has a digit in it.
fn without_trailing_id(slug: &[u8]) -> &[u8] {
    match slug.iter().rposition(|b| *b == b'-') {
        Some(dash) if dash > 0 && slug[dash + 1..].iter().any(u8::is_ascii_digit) => &slug[..dash],
        _ => slug,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_credentials_pronouns_and_emoji() {
        let name = |text: &str| String::from_utf8(person_name(text)).unwrap();
        assert_eq!(name("  ZOË  o'neil, PhD "), "zoe o neil");
        assert_eq!(name("Dr. Zoë O’Neil (she/her) 🚀"), "zoe o neil");
        assert_eq!(name("Zoe O'Neil M.B.A., CPA"), "zoe o neil");
        assert_eq!(name("Zoe O'Neil Ph.D. | Data"), "zoe o neil");
        assert_eq!(name("Ma Long"), "ma long", "a surname is not a credential");
        assert_eq!(name("Prof. Dr. med. Hans Müller - Recruiter"), "hans muller");
        assert_eq!(name("J. R. R. Tolkien"), "j r r tolkien");
    }

    #[test]
    fn slugs_come_from_links_or_in_paths() {
        assert_eq!(
            profile_slug("https://www.linkedin.com/in/Ada-Lovelace-1815/?x=1").as_deref(),
            Some("ada-lovelace-1815")
        );
        assert_eq!(profile_slug("in/ada").as_deref(), Some("ada"));
        assert_eq!(profile_slug("Ada Lovelace"), None);
    }

    #[test]
    fn handles_match_slugs_and_names_run_together() {
        let met = People::new(&["@ada_lovelace".to_string()], true);
        let mut inv = Invitation::person("Someone");
        inv.profile_slug = Some("ada-lovelace-a1b2c3".into());
        let find = |inv: &Invitation| met.find(&Sender::new(inv, person_name(&inv.name)));
        assert_eq!(find(&inv), Some(Found::Handle));
        assert_eq!(find(&Invitation::person("Ada Lovelace")), Some(Found::Handle));
        assert_eq!(find(&Invitation::person("Ada Byron")), None);
    }
}
