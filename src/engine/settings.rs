//! The user's settings: which rules are on, and the lists the rules use.
//!
//! Settings arrive as plain JSON-like data (from extension storage, or an imported file) and are
//! checked here, field by field, so that every unknown or invalid value is reported to the user
//! in words they can act on. Nothing is dropped silently, and nothing here can panic.
//!
//! # The JSON format (version 3), for storage, import and export
//!
//! ```json
//! {
//!   "version": 3,
//!   "rules": {
//!     "K": true, "E2": true, "R6": true, "R3": true, "R1": true,
//!     "R5": true, "E1": true, "R4": true, "O": true, "R2": true
//!   },
//!   "known_people": ["https://www.linkedin.com/in/ada-lovelace-1815/", "Grace Hopper"],
//!   "met_elsewhere": ["@ferris", "Linus Torvalds"],
//!   "own_organizations": ["Acme Corp", "University of Zurich"],
//!   "refused_roles": ["sourcing partner"],
//!   "open_networker_terms": ["mega connector"],
//!   "spam_terms": ["gift card"],
//!   "trusted_sites": ["rust-lang.org"],
//!   "business_terms": ["statement of work"],
//!   "group_terms": ["rustaceans meetup"],
//!   "invite_templates": ["Hi {name}, I enjoyed your talk on allocators at RustConf."],
//!   "notes_need_a_reason": true,
//!   "invite_help": true,
//!   "reply_templates": {
//!     "R5": "Hello {name}, thanks for the invitation! Do we know each other? Tell me where we met."
//!   }
//! }
//! ```
//!
//! - `version`: the schema version, a whole number. Version 1 files are migrated on reading.
//! - `rules`: rule id to `true` (on) or `false` (off). A rule left out keeps its default (on).
//!   The ids are those of the rule catalogue: K, E2, R6, R3, R1, R5, E1, R4, O, R2. An id this
//!   version does not know is reported, and its switch kept for the version that does.
//! - Every other key holds a list of texts, each at most 200 characters, at most 5,000 of them.
//!   Case, accents and punctuation do not matter; words are matched whole. A term (roles,
//!   organizations and the `*_terms` lists) has at most 8 words.
//!   - `known_people` (rule K): LinkedIn profile links (`https://www.linkedin.com/in/<slug>/` or
//!     `in/<slug>`) or full names ("Dr. Zoë O'Neil, PhD" is "zoe o neil").
//!   - `met_elsewhere` (rule E2): names, profile links, or handles on other channels (`@ferris`).
//!   - `own_organizations` (rule O): the organizations you work or worked at.
//!   - `refused_roles` (rule R6): roles you refuse, added to Vetted's own list.
//!   - `open_networker_terms` (rule R3): words that mark an open networker, added to Vetted's.
//!   - `spam_terms` (rule R1): words that mark a social or spam note, added to Vetted's.
//!   - `trusted_sites` (rule R1): sites a note may link to (`example.org` also trusts
//!     `www.example.org`); LinkedIn, GitHub and GitLab are always trusted.
//!   - `business_terms` (rule E1): words that propose business, added to Vetted's.
//!   - `group_terms` (rule R4): phrases that name a shared group ("rustaceans meetup").
//!   - `invite_templates`: the user's own notes for the invitations they send, offered in
//!     LinkedIn's note dialog; `{name}` stands for the invitee's first name. At most 200
//!     characters each, LinkedIn's limit for a note on a free account.
//! - `notes_need_a_reason` (rule R5): `true` (the default) when a note must say why to count as
//!   one ("Hi, happy to connect" gives no reason); `false` when any note counts.
//! - `invite_help`: `true` (the default) for Vetted's line in LinkedIn's invitation dialogs.
//! - `reply_templates`: rule id to the reply that the badge's "Copy reply" copies when that rule
//!   decides, in place of Vetted's own (in the browser's language); `{name}` stands for the
//!   sender's first name. At most 1,000 characters each; ids of the rule catalogue only.
//! - Any key may be left out: it is then empty (or, for `rules`, every rule is on).
//!
//! Version 2 had neither the two switches nor `invite_templates`: a version 2 file reads as
//! version 3 with both switches on and no templates.
//!
//! Version 1 had `"rules_off": ["R5", ...]`, the ids of the rules switched off, instead of
//! `rules`; a version 1 file is read as if it said `"rules": {"R5": false, ...}`.

use crate::rules::{self, CATALOGUE};
use crate::text::holds;
use crate::verdict::english;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use std::fmt;

/// The schema version this build writes.
pub const VERSION: u32 = 3;

/// The longest entry a list may hold, in characters.
pub const MAX_ENTRY_CHARS: usize = 200;
/// The most entries a list may hold.
pub const MAX_ENTRIES: usize = 5000;
/// The longest reply template, in characters.
pub const MAX_REPLY_CHARS: usize = 1000;
/// What a reply template writes for the sender's first name.
pub const NAME_IN_REPLY: &str = "{name}";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// (rule id, on or off), by id; a rule not listed keeps its default (`Rule::default_on`).
    /// A list, not a map: the badge's wasm is smaller without one more kind of map.
    pub rules: Vec<(String, bool)>,
    /// People the user knows: profile URLs or slugs, or full names (rule K).
    pub known_people: Vec<String>,
    /// People met on other channels: names, profile links or handles (rule E2).
    pub met_elsewhere: Vec<String>,
    /// The user's own organizations (rule O).
    pub own_organizations: Vec<String>,
    /// Roles the user adds to the refused roles (rule R6).
    pub refused_roles: Vec<String>,
    /// Terms the user adds to those that mark an open networker (rule R3).
    pub open_networker_terms: Vec<String>,
    /// Terms the user adds to those that mark a social or spam note (rule R1).
    pub spam_terms: Vec<String>,
    /// Sites a note may link to without counting as spam (rule R1).
    pub trusted_sites: Vec<String>,
    /// Terms the user adds to those that propose business (rule E1).
    pub business_terms: Vec<String>,
    /// Phrases that name a shared group (rule R4).
    pub group_terms: Vec<String>,
    /// (rule id, the user's reply when that rule decides, `{name}` for the sender's first name),
    /// by id. A list, not a map: the badge's wasm is smaller without one more kind of map.
    pub reply_templates: Vec<(String, String)>,
    /// The user's notes for the invitations they send, `{name}` for the invitee's first name.
    pub invite_templates: Vec<String>,
    /// The switches of [`OPTIONS`] the user turned off: bit n for `OPTIONS[n]`.
    pub options_off: u8,
}

/// Switches that are not rules, each on unless the user turns it off.
pub const OPTIONS: &[&str] = &[NOTES_NEED_A_REASON, INVITE_HELP];
/// The bit of a switch of [`OPTIONS`] in `Settings::options_off`; 0 for any other key.
fn option_bit(key: &str) -> u8 {
    OPTIONS.iter().position(|o| *o == key).map_or(0, |at| 1 << at)
}

/// A note counts for rule R5 only when it gives a reason.
pub const NOTES_NEED_A_REASON: &str = "notes_need_a_reason";
/// Vetted's line in LinkedIn's invitation dialogs.
pub const INVITE_HELP: &str = "invite_help";

impl Settings {
    /// The lists the rules' vocabularies take in.
    pub fn lists(&self) -> rules::Lists<'_> {
        rules::Lists {
            refused_roles: &self.refused_roles,
            open_networker_terms: &self.open_networker_terms,
            spam_terms: &self.spam_terms,
            business_terms: &self.business_terms,
            group_terms: &self.group_terms,
            own_organizations: &self.own_organizations,
            trusted_sites: &self.trusted_sites,
        }
    }
    /// Whether a rule is on: as the user set it, else as the catalogue's default.
    pub fn is_on(&self, rule: &str) -> bool {
        match self.rules.iter().find(|(id, _)| id == rule) {
            Some((_, on)) => *on,
            None => rules::rule(rule).is_none_or(|r| r.default_on),
        }
    }

    /// Switches a rule on or off.
    pub fn set_on(&mut self, rule: &str, on: bool) {
        match self.rules.binary_search_by(|(id, _)| id.as_str().cmp(rule)) {
            Ok(at) => self.rules[at].1 = on,
            Err(at) => self.rules.insert(at, (rule.to_string(), on)),
        }
    }

    /// The user's reply for when a rule decides, if they wrote one.
    /// Whether a switch of [`OPTIONS`] is on (they are, unless the user turned them off).
    pub fn option(&self, key: &str) -> bool {
        self.options_off & option_bit(key) == 0
    }

    /// Sets a switch of [`OPTIONS`]; keys that are not one are left alone.
    pub fn set_option(&mut self, key: &str, on: bool) {
        let bit = option_bit(key);
        self.options_off = if on { self.options_off & !bit } else { self.options_off | bit };
    }

    pub fn reply_template(&self, rule: &str) -> Option<&str> {
        self.reply_templates.iter().find(|(id, _)| id == rule).map(|(_, text)| text.as_str())
    }

    /// Sets or (`None`) removes the user's reply for a rule, keeping the list in order of ids.
    pub fn set_reply_template(&mut self, rule: &str, text: Option<String>) {
        self.reply_templates.retain(|(id, _)| id != rule);
        if let Some(text) = text {
            let at = self.reply_templates.iter().position(|(id, _)| id.as_str() > rule);
            let at = at.unwrap_or(self.reply_templates.len());
            self.reply_templates.insert(at, (rule.to_string(), text));
        }
    }
}

/// Settings read from stored or imported data, with what could not be taken from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub settings: Settings,
    /// One message per value that was refused, in words a user can act on. Empty when the
    /// data was read whole (a migration from an older version is not a problem: see
    /// [`version_of`] to tell the user about it).
    pub problems: Vec<String>,
}

/// One list of the settings: its key in the JSON format, and how to check an entry.
struct List {
    key: &'static str,
    get: fn(&Settings) -> &Vec<String>,
    get_mut: fn(&mut Settings) -> &mut Vec<String>,
    /// Why an entry cannot be used, when it cannot.
    check: fn(&str) -> Option<&'static str>,
}

const LISTS: &[List] = &[
    List {
        key: "known_people",
        get: |s| &s.known_people,
        get_mut: |s| &mut s.known_people,
        check: check_person,
    },
    List {
        key: "met_elsewhere",
        get: |s| &s.met_elsewhere,
        get_mut: |s| &mut s.met_elsewhere,
        check: check_person,
    },
    List {
        key: "own_organizations",
        get: |s| &s.own_organizations,
        get_mut: |s| &mut s.own_organizations,
        check: check_words,
    },
    List {
        key: "refused_roles",
        get: |s| &s.refused_roles,
        get_mut: |s| &mut s.refused_roles,
        check: check_words,
    },
    List {
        key: "open_networker_terms",
        get: |s| &s.open_networker_terms,
        get_mut: |s| &mut s.open_networker_terms,
        check: check_words,
    },
    List {
        key: "spam_terms",
        get: |s| &s.spam_terms,
        get_mut: |s| &mut s.spam_terms,
        check: check_words,
    },
    List {
        key: "trusted_sites",
        get: |s| &s.trusted_sites,
        get_mut: |s| &mut s.trusted_sites,
        check: check_site,
    },
    List {
        key: "business_terms",
        get: |s| &s.business_terms,
        get_mut: |s| &mut s.business_terms,
        check: check_words,
    },
    List {
        key: "group_terms",
        get: |s| &s.group_terms,
        get_mut: |s| &mut s.group_terms,
        check: check_words,
    },
    List {
        key: "invite_templates",
        get: |s| &s.invite_templates,
        get_mut: |s| &mut s.invite_templates,
        // Any text: `read_entry` has refused empty and overlong ones.
        check: |_| None,
    },
];

/// The schema version the data claims, or the one it evidently is: data without a `version`
/// but with version 1's `rules_off` is version 1; anything else without one is current. The
/// popup compares it with [`VERSION`] to tell the user that their settings were updated.
pub fn version_of(data: &Value) -> u32 {
    let Value::Object(fields) = data else { return VERSION };
    match fields.get("version") {
        Some(Value::Number(n)) if n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX) => {
            *n as u32
        }
        None if fields.contains_key("rules_off") => 1,
        _ => VERSION,
    }
}

/// Where the loader's problems go. The popup shows their texts; the core on LinkedIn's pages only
/// counts them (the popup lists them), so that their texts stay out of the wasm every LinkedIn
/// page loads.
pub trait Problems {
    /// One problem; its text is made only where it is wanted.
    fn add(&mut self, text: impl FnOnce() -> String);
}

impl Problems for Vec<String> {
    fn add(&mut self, text: impl FnOnce() -> String) {
        self.push(text());
    }
}

/// Problems counted, not written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count(pub u32);

impl Problems for Count {
    fn add(&mut self, _text: impl FnOnce() -> String) {
        self.0 += 1;
    }
}

/// Reads settings from JSON-like data. Values that are wrong are reported and left at defaults.
pub fn load(data: &Value) -> Loaded {
    let mut problems = Vec::new();
    let settings = read(data, &mut problems);
    Loaded { settings, problems }
}

/// [`load`], with the problems going to `problems`.
pub fn read(data: &Value, problems: &mut impl Problems) -> Settings {
    let mut settings = Settings::default();
    let Value::Object(fields) = data else {
        problems.add(|| {
            format!("Settings must be a JSON object, not {}; the defaults apply.", data.kind())
        });
        return settings;
    };
    check_version(fields.get("version"), problems);
    // Version 1's `rules_off` list stands for `rules` (see `read_rules_off`).
    let rules_off = if version_of(data) == 1 { fields.get("rules_off") } else { None };
    let merged = matches!(rules_off, Some(Value::Array(_)));
    for (key, value) in fields {
        if !(rules_off.is_some() && key == "rules_off" || merged && key == "rules") {
            read_field(key, value, &mut settings, problems);
        }
    }
    if let Some(off) = rules_off {
        read_rules_off(off, fields.get("rules"), &mut settings, problems);
    }
    settings
}

fn read_field(key: &str, value: &Value, settings: &mut Settings, problems: &mut impl Problems) {
    if key == "version" {
        return;
    }
    if key == "rules" {
        return read_switches(value, settings, problems);
    }
    if key == "reply_templates" {
        return read_replies(value, &mut settings.reply_templates, problems);
    }
    if let Some(option) = OPTIONS.iter().find(|o| **o == key) {
        return match value {
            Value::Bool(on) => settings.set_option(option, *on),
            _ => problems.add(|| {
                format!("\"{key}\" must be true or false, not {}; it stays on.", value.describe())
            }),
        };
    }
    match LISTS.iter().find(|list| list.key == key) {
        Some(list) => read_list(list, value, (list.get_mut)(settings), problems),
        None => problems.add(|| {
            // Listed by hand: a `join` of owned strings would bring a second copy of `join` into the wasm.
            let mut lists = String::new();
            for (at, list) in LISTS.iter().enumerate() {
                lists.push_str(if at > 0 { ", \"" } else { "\"" });
                lists.push_str(list.key);
                lists.push('"');
            }
            for option in OPTIONS {
                lists.push_str(", \"");
                lists.push_str(option);
                lists.push('"');
            }
            format!("Unknown setting \"{key}\" (the settings are \"version\", \"rules\", \"reply_templates\", {lists}); it was left out.")
        }),
    }
}

fn check_version(version: Option<&Value>, problems: &mut impl Problems) {
    match version {
        None => {}
        Some(Value::Number(n)) if n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(VERSION) => {}
        Some(Value::Number(n)) if n.fract() == 0.0 && *n > f64::from(VERSION) => problems.add(|| format!(
            "These settings come from a newer Vetted (settings version {}); this one reads \
             version {VERSION}, so anything newer is listed below and left out.",
            number_text(*n)
        )),
        Some(other) => problems.add(|| format!(
            "\"version\" must be a whole number such as {VERSION}, not {}; the settings were read as version {VERSION}.",
            other.describe()
        )),
    }
}

/// Version 1 listed the rules switched off (`rules_off`); version 2 maps every id to a switch.
/// Read in place, never copied: `rules` as given, then each id of `rules_off` switched off.
fn read_rules_off(
    off: &Value,
    given: Option<&Value>,
    settings: &mut Settings,
    problems: &mut impl Problems,
) {
    let Value::Array(ids) = off else {
        return problems.add(|| {
            format!(
                "\"rules_off\" must be a list of rule ids, not {}; every rule is on.",
                off.describe()
            )
        });
    };
    if let Some(given) = given {
        read_switches(given, settings, problems);
    }
    let mut switches = Fields::new();
    for id in ids {
        match id {
            Value::String(id) => switches.insert(id.clone(), Value::Bool(false)),
            other => problems.add(|| {
                format!("\"rules_off\" holds {}, not a rule id; it was left out.", other.describe())
            }),
        }
    }
    read_switches(&Value::Object(switches), settings, problems);
}

fn read_switches(value: &Value, settings: &mut Settings, problems: &mut impl Problems) {
    let Value::Object(given) = value else {
        problems.add(|| {
            format!(
            "\"rules\" must map rule ids to true or false, not {}; every rule keeps its default.",
            value.describe()
        )
        });
        return;
    };
    for (id, on) in given {
        let Value::Bool(on) = on else {
            problems.add(|| {
                let default =
                    rules::rule(id).map_or("off", |r| if r.default_on { "on" } else { "off" });
                format!(
                    "Rule \"{id}\" must be true or false, not {}; it stays {default}.",
                    on.describe()
                )
            });
            continue;
        };
        if rules::rule(id).is_none() {
            // Kept, so that a newer Vetted's switch survives a round trip through this one.
            problems.add(|| {
                let ids: Vec<&str> = CATALOGUE.iter().map(|r| r.id).collect();
                format!(
                    "Rule \"{id}\" is unknown to this version of Vetted (its rules are {}); its switch was kept but does nothing.",
                    ids.join(", ")
                )
            });
        }
        settings.set_on(id, *on);
    }
}

fn read_replies(value: &Value, replies: &mut Vec<(String, String)>, problems: &mut impl Problems) {
    let Value::Object(given) = value else {
        problems.add(|| {
            format!(
            "\"reply_templates\" must map rule ids to texts, not {}; Vetted's own replies apply.",
            value.describe()
        )
        });
        return;
    };
    for (id, text) in given {
        let why = match (rules::rule(id), text) {
            (None, _) => english("is for a rule unknown to this version of Vetted"),
            (_, Value::String(text)) if text.trim().is_empty() => english("is empty"),
            (_, Value::String(text)) if crate::text::char_count(text.trim()) > MAX_REPLY_CHARS => {
                english("is longer than 1,000 characters")
            }
            (Some(rule), Value::String(text)) => {
                // In order of ids, as the map gives them.
                replies.push((rule.id.to_string(), text.trim().to_string()));
                continue;
            }
            _ => english("is not a text"),
        };
        problems.add(|| {
            format!("The reply for rule \"{id}\" ({}) {why}; it was left out.", text.describe())
        });
    }
}

fn read_list(list: &List, value: &Value, entries: &mut Vec<String>, problems: &mut impl Problems) {
    let key = list.key;
    let Value::Array(items) = value else {
        problems.add(|| {
            format!(
                "\"{key}\" must be a list of texts, not {}; it was left empty.",
                value.describe()
            )
        });
        return;
    };
    if items.len() > MAX_ENTRIES {
        problems.add(|| {
            format!(
                "\"{key}\" holds {} entries; only the first {MAX_ENTRIES} were kept.",
                items.len()
            )
        });
    }
    for (at, item) in items.iter().take(MAX_ENTRIES).enumerate() {
        match read_entry(list, item) {
            Ok(entry) => entries.push(entry),
            Err(why) => problems.add(|| {
                format!(
                    "Entry {} of \"{key}\" ({}) {why}; it was left out.",
                    at + 1,
                    item.describe()
                )
            }),
        }
    }
}

fn read_entry(list: &List, item: &Value) -> Result<String, &'static str> {
    let Value::String(text) = item else { return Err(english("is not a text")) };
    let text = text.trim();
    if text.is_empty() {
        return Err(english("is empty"));
    }
    if crate::text::char_count(text) > MAX_ENTRY_CHARS {
        return Err(english("is longer than 200 characters"));
    }
    match (list.check)(text) {
        Some(why) => Err(why),
        None => Ok(text.to_string()),
    }
}

fn check_words(text: &str) -> Option<&'static str> {
    let folded = crate::text::fold(text);
    if folded.is_empty() {
        return Some(english("has no letters or digits to match"));
    }
    let too_long = crate::text::words(&folded).count() > crate::text::MAX_TERM_WORDS;
    too_long.then_some(english("has more than 8 words; a shorter phrase matches more"))
}

fn check_person(text: &str) -> Option<&'static str> {
    let linkedin_link = holds(text, "linkedin.com/") && !holds(text, "/in/");
    if linkedin_link {
        return Some(english("links to LinkedIn but not to a person's profile (…/in/<name>/)"));
    }
    check_words(text)
}

fn check_site(text: &str) -> Option<&'static str> {
    rules::site_of(text).is_none().then_some(english("is not a site such as example.org"))
}

/// The settings as JSON-like data in the current format: every rule's switch (and those of
/// rules unknown to this version, as they were read), every list.
/// The popup writes this back to storage, and offers it as the export file.
pub fn export(settings: &Settings) -> Value {
    let mut fields = Fields::new();
    fields.insert("version".to_string(), Value::Number(f64::from(VERSION)));
    let mut switches = Fields::new();
    for (id, on) in &settings.rules {
        switches.insert(id.clone(), Value::Bool(*on));
    }
    for rule in CATALOGUE {
        switches.insert(rule.id.to_string(), Value::Bool(settings.is_on(rule.id)));
    }
    fields.insert("rules".to_string(), Value::Object(switches));
    let mut replies = Fields::new();
    for (id, text) in &settings.reply_templates {
        replies.insert(id.clone(), Value::String(text.clone()));
    }
    fields.insert("reply_templates".to_string(), Value::Object(replies));
    for option in OPTIONS {
        fields.insert(option.to_string(), Value::Bool(settings.option(option)));
    }
    for list in LISTS {
        let entries = (list.get)(settings).iter().map(|e| Value::String(e.clone()));
        fields.insert(list.key.to_string(), Value::Array(entries.collect()));
    }
    Value::Object(fields)
}

/// JSON-like data as it arrives from JavaScript or a file: kept whole, so that nothing is
/// dropped before it has been checked and reported.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Fields),
}

/// An object's fields, in order of keys, each key once: a map as `BTreeMap<String, Value>` is,
/// with the few calls settings need. A sorted list, not a `BTreeMap`: the B-tree's code weighed
/// about 6 KB in each wasm, for objects of a dozen fields.
#[derive(Clone, Default, PartialEq)]
pub struct Fields(Vec<(String, Value)>);

/// The fields in order of keys, as `(key, value)`.
pub type FieldsIter<'a> = std::iter::Map<
    std::slice::Iter<'a, (String, Value)>,
    fn(&'a (String, Value)) -> (&'a String, &'a Value),
>;

impl Fields {
    pub fn new() -> Self {
        Fields(Vec::new())
    }

    /// Sets `key` to `value`, in place of the value it had.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.place(&key) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (key, value)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.place(key).ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.place(key).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> FieldsIter<'_> {
        self.0.iter().map(|(key, value)| (key, value))
    }

    /// Where `key` is (`Ok`), or would go (`Err`).
    fn place(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
}

impl<'a> IntoIterator for &'a Fields {
    type Item = (&'a String, &'a Value);
    type IntoIter = FieldsIter<'a>;
    fn into_iter(self) -> FieldsIter<'a> {
        self.iter()
    }
}

impl FromIterator<(String, Value)> for Fields {
    /// Inserted one by one, as a map's `collect`: a later value for a key replaces the earlier.
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(pairs: I) -> Self {
        let mut fields = Fields::new();
        for (key, value) in pairs {
            fields.insert(key, value);
        }
        fields
    }
}

impl fmt::Debug for Fields {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Value {
    /// What kind of value this is, for messages ("a number").
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::String(_) => "a text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }

    /// The value itself when it is short, else its kind: what a message quotes.
    fn describe(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => number_text(*n),
            Value::String(s) if crate::text::char_count(s) <= 40 => format!("\"{s}\""),
            other => other.kind().to_string(),
        }
    }
}

/// A number as a message quotes it: whole numbers in full ("3", "-12"), others with at most six
/// decimals ("2.5", "0.333333"). Not `f64`'s `Display`: its shortest-digits algorithms would
/// weigh about 15 KB in the wasm for the odd message about a number.
fn number_text(n: f64) -> String {
    const WHOLE: f64 = 9.0e15;
    if !n.is_finite() || n.abs() >= WHOLE {
        return Value::Number(n).kind().to_string();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    // Millionths, rounded half up: whole below 2^53, so exact as integers.
    let millionths = (n.abs() * 1e6 + 0.5).floor();
    if millionths >= WHOLE {
        return [sign, &(n.abs().floor() as u64).to_string()].concat();
    }
    let millionths = millionths as u64;
    let (whole, mut fraction) = (millionths / 1_000_000, millionths % 1_000_000);
    if fraction == 0 {
        return if whole == 0 { "0".to_string() } else { [sign, &whole.to_string()].concat() };
    }
    let mut digits = 6;
    while fraction % 10 == 0 {
        fraction /= 10;
        digits -= 1;
    }
    let fraction = fraction.to_string();
    let zeros = "000000".get(..digits - fraction.len()).unwrap_or("");
    [sign, &whole.to_string(), ".", zeros, &fraction].concat()
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            // Whole numbers as integers, so that an exported file says "version": 2.
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                serializer.serialize_i64(*n as i64)
            }
            Value::Number(n) => serializer.serialize_f64(*n),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => items.serialize(serializer),
            Value::Object(fields) => serializer.collect_map(fields),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON data")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Fields::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(pairs: &[(&str, Value)]) -> Value {
        Value::Object(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    fn texts(items: &[&str]) -> Value {
        Value::Array(items.iter().map(|s| Value::String(s.to_string())).collect())
    }

    #[test]
    fn nothing_stored_means_every_rule_on() {
        let loaded = load(&object(&[]));
        assert!(loaded.problems.is_empty());
        assert!(CATALOGUE.iter().all(|r| loaded.settings.is_on(r.id)));
    }

    #[test]
    fn version_1_rules_off_becomes_version_2_switches() {
        let v1 = object(&[("version", Value::Number(1.0)), ("rules_off", texts(&["R5", "O"]))]);
        assert_eq!(version_of(&v1), 1);
        let loaded = load(&v1);
        assert_eq!(loaded.problems, Vec::<String>::new());
        assert!(!loaded.settings.is_on("R5") && !loaded.settings.is_on("O"));
        assert!(loaded.settings.is_on("R6"));
        let unversioned = object(&[("rules_off", texts(&["K"]))]);
        assert!(!load(&unversioned).settings.is_on("K"));
    }

    #[test]
    fn every_bad_value_is_reported_and_the_rest_kept() {
        let data = object(&[
            ("version", Value::String("two".into())),
            (
                "rules",
                object(&[
                    ("R5", Value::String("no".into())),
                    ("R9", Value::Bool(false)),
                    ("R6", Value::Bool(false)),
                ]),
            ),
            (
                "known_people",
                Value::Array(vec![
                    Value::String("Ada".into()),
                    Value::Number(3.0),
                    Value::String(" ".into()),
                ]),
            ),
            ("own_organizations", Value::String("Acme".into())),
            ("refused_roles", texts(&["🚀", "sourcing partner"])),
            ("trusted_sites", texts(&["not a site", "example.org"])),
            ("colour", Value::Bool(true)),
        ]);
        let loaded = load(&data);
        assert_eq!(loaded.problems.len(), 9, "{:#?}", loaded.problems);
        assert!(loaded.problems.iter().any(|p| p.contains("Rule \"R9\" is unknown")));
        assert!(loaded.settings.rules.contains(&("R9".into(), false)), "kept for a newer Vetted");
        assert!(loaded
            .problems
            .iter()
            .any(|p| p.contains("Entry 2 of \"known_people\" (3) is not a text")));
        assert!(loaded.problems.iter().any(|p| p.contains("Unknown setting \"colour\"")));
        assert_eq!(loaded.settings.known_people, ["Ada"]);
        assert_eq!(loaded.settings.refused_roles, ["sourcing partner"]);
        assert_eq!(loaded.settings.trusted_sites, ["example.org"]);
        assert!(!loaded.settings.is_on("R6") && loaded.settings.is_on("R5"));
    }

    #[test]
    fn not_an_object_gives_the_defaults() {
        let loaded = load(&Value::Array(vec![]));
        assert_eq!(loaded.settings, Settings::default());
        assert_eq!(loaded.problems.len(), 1);
    }

    #[test]
    fn a_newer_version_is_read_as_far_as_it_goes() {
        let loaded =
            load(&object(&[("version", Value::Number(4.0)), ("known_people", texts(&["Ada"]))]));
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.settings.known_people, ["Ada"]);
    }

    #[test]
    fn numbers_in_messages() {
        let cases = [
            (3.0, "3"),
            (-12.0, "-12"),
            (0.0, "0"),
            (-0.0, "0"),
            (2.5, "2.5"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.333333"),
            (-0.05, "-0.05"),
            (0.0000001, "0"),
            (1e20, "a number"),
            (4503599627370495.5, "4503599627370495"),
            (f64::NAN, "a number"),
            (1.000001, "1.000001"),
        ];
        for (n, text) in cases {
            assert_eq!(number_text(n), text, "{n}");
        }
        assert_eq!(Value::Number(7.0).describe(), "7");
    }

    #[test]
    fn export_reads_back_the_same() {
        let mut settings = Settings::default();
        settings.set_on("R4", false);
        settings.known_people.push("Grace Hopper".into());
        settings.trusted_sites.push("rust-lang.org".into());
        let loaded = load(&export(&settings));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert!(!loaded.settings.is_on("R4"));
        assert_eq!(export(&loaded.settings), export(&settings));
    }

    #[test]
    fn reply_templates_for_known_rules_only_and_not_too_long() {
        let long = "x".repeat(MAX_REPLY_CHARS + 1);
        let replies = object(&[
            ("R5", Value::String("  Hello {name}, do we know each other?  ".into())),
            ("R9", Value::String("Hi".into())),
            ("R6", Value::String(long)),
            ("R3", Value::String(" ".into())),
            ("K", Value::Bool(true)),
        ]);
        let loaded = load(&object(&[("reply_templates", replies)]));
        assert_eq!(loaded.problems.len(), 4, "{:#?}", loaded.problems);
        assert!(loaded.problems.iter().any(|p| p.contains("rule \"R9\"") && p.contains("unknown")));
        assert_eq!(
            loaded.settings.reply_templates,
            [("R5".into(), "Hello {name}, do we know each other?".into())]
        );
        assert_eq!(
            load(&export(&loaded.settings)).settings.reply_templates,
            loaded.settings.reply_templates
        );
        let mut settings = loaded.settings;
        settings.set_reply_template("K", Some("Hi {name}!".into()));
        settings.set_reply_template("R6", Some("Hello {name}.".into()));
        settings.set_reply_template("R5", None);
        assert_eq!(settings.reply_template("R6"), Some("Hello {name}."));
        assert_eq!(settings.reply_template("R5"), None);
        assert_eq!(load(&export(&settings)).settings.reply_templates, settings.reply_templates);
        assert_eq!(load(&object(&[("reply_templates", texts(&["R5"]))])).problems.len(), 1);
    }
}
