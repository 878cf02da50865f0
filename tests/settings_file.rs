//! The settings file, through the public API, as the popup's import and the stored settings
//! reach it: the documented example reads whole and writes back the same, older versions are
//! migrated, and a file gone wrong (data that is no settings object, values of the wrong type, a
//! newer version, lists far past their limit, hostile entries) is read as far as it goes, with the
//! defaults for the rest, one message per problem for the user, and nothing else lost; an engine
//! built from the result still judges.

use serde_json::json;
use vetted::settings::{self, Loaded, Value, MAX_ENTRIES, MAX_ENTRY_CHARS, VERSION};
use vetted::{Engine, Invitation, Settings, CATALOGUE};

/// A fixture of `tests/fixtures/settings/`.
fn fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(format!("tests/fixtures/settings/{name}")).expect("fixture");
    serde_json::from_str(&text).expect("JSON")
}

fn value(json: serde_json::Value) -> Value {
    serde_json::from_value(json).expect("JSON-like data")
}

fn load(json: serde_json::Value) -> Loaded {
    let data = value(json);
    let loaded = settings::load(&data);
    // The core on LinkedIn's pages reads the same settings and only counts the problems.
    let mut counted = settings::Count::default();
    assert_eq!(settings::read(&data, &mut counted), loaded.settings);
    assert_eq!(counted.0 as usize, loaded.problems.len());
    // Every message is a sentence a user can read; none is empty.
    for problem in &loaded.problems {
        assert!(problem.len() > 20 && problem.ends_with('.'), "{problem:?}");
    }
    // Whatever came of it, the engine takes it and judges a person.
    let engine = Engine::new(loaded.settings.clone());
    assert!(engine.classify(&Invitation::person("Ada Lovelace")).is_some());
    loaded
}

fn has(problems: &[String], words: &str) -> bool {
    problems.iter().any(|p| p.contains(words))
}

#[test]
fn the_documented_example_reads_whole_and_writes_back_the_same() {
    let example = fixture("example.json");
    assert_eq!(settings::version_of(&example), settings::VERSION);
    let loaded = settings::load(&example);
    assert_eq!(loaded.problems, Vec::<String>::new());
    assert!(!loaded.settings.is_on("R4"));
    assert_eq!(settings::export(&loaded.settings), example);
}

#[test]
fn the_example_in_the_doc_comment_is_the_fixture() {
    let source = std::fs::read_to_string("src/engine/settings.rs").unwrap();
    let doc: String = source
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .skip_while(|l| !l.contains("```json"))
        .skip(1)
        .take_while(|l| !l.contains("```"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l).to_string() + "\n")
        .collect();
    let documented: Value = serde_json::from_str(&doc).expect("the doc comment's JSON parses");
    assert!(settings::load(&documented).problems.is_empty());
}

#[test]
fn a_version_1_file_is_migrated() {
    let v1 = fixture("v1.json");
    assert_eq!(settings::version_of(&v1), 1);
    let loaded = settings::load(&v1);
    assert_eq!(loaded.problems, Vec::<String>::new());
    assert!(
        !loaded.settings.is_on("R4") && !loaded.settings.is_on("O") && loaded.settings.is_on("R5")
    );
    let exported = settings::export(&loaded.settings);
    assert_eq!(settings::version_of(&exported), settings::VERSION);
    let Value::Object(fields) = &exported else { panic!("an object") };
    assert!(!fields.contains_key("rules_off"));
    let Some(Value::Object(switches)) = fields.get("rules") else { panic!("rules") };
    assert_eq!(switches.len(), CATALOGUE.len());
}

#[test]
fn a_version_2_file_reads_with_both_switches_on_and_no_templates() {
    let v2 = fixture("v2.json");
    assert_eq!(settings::version_of(&v2), 2);
    let loaded = settings::load(&v2);
    assert_eq!(loaded.problems, Vec::<String>::new());
    let read = &loaded.settings;
    assert!(read.option(settings::NOTES_NEED_A_REASON) && read.option(settings::INVITE_HELP));
    assert!(read.invite_templates.is_empty() && !read.is_on("R4"));
    let Value::Object(fields) = settings::export(read) else { panic!("an object") };
    assert_eq!(fields.get("version"), Some(&Value::Number(3.0)));
    assert_eq!(fields.get("notes_need_a_reason"), Some(&Value::Bool(true)));
}

#[test]
fn a_switch_that_is_no_boolean_stays_on_with_a_message() {
    let loaded = load(json!({"notes_need_a_reason": "no", "invite_help": false}));
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(has(&loaded.problems, "\"notes_need_a_reason\" must be true or false"));
    assert!(loaded.settings.option(settings::NOTES_NEED_A_REASON));
    assert!(!loaded.settings.option(settings::INVITE_HELP));
}

#[test]
fn a_bad_file_is_reported_value_by_value() {
    let loaded = load(json!({
        "version": "2", "rules": {"R5": "off", "X1": false},
        "known_people": [1, "", "https://www.linkedin.com/company/acme"],
        "refused_roles": ["one two three four five six seven eight nine"],
        "trusted_sites": ["localhost"], "theme": "dark"
    }));
    assert_eq!(loaded.problems.len(), 9, "{:#?}", loaded.problems);
}

#[test]
fn data_that_is_no_settings_object_gives_the_defaults_and_one_message() {
    // What storage may hold after a bad write: a string (e.g. JSON never parsed), a number, a list.
    for stored in [
        json!("{\"version\": 2, \"known_people\": [\"Ada\""),
        json!("not json at all"),
        json!(42),
        json!(true),
        json!(null),
        json!([{"version": 2}]),
    ] {
        let loaded = load(stored.clone());
        assert_eq!(loaded.settings, Settings::default(), "{stored}");
        assert_eq!(loaded.problems.len(), 1, "{stored}: {:?}", loaded.problems);
        assert!(has(&loaded.problems, "the defaults apply"), "{:?}", loaded.problems);
    }
}

#[test]
fn values_of_the_wrong_type_fall_back_one_by_one_and_the_rest_is_kept() {
    let loaded = load(json!({
        "version": 2,
        "rules": {"R5": false, "R6": "off", "K": 0, "O": null},
        "known_people": ["Grace Hopper", 7, null, {"name": "x"}, ["Ada"], "https://www.linkedin.com/in/ada-lovelace-1815/"],
        "met_elsewhere": "Linus Torvalds",
        "own_organizations": {"0": "Acme Corp"},
        "refused_roles": 3,
        "open_networker_terms": null,
        "spam_terms": true,
        "trusted_sites": ["rust-lang.org", 1.5],
        "business_terms": ["statement of work"],
        "group_terms": [],
    }));
    let s = &loaded.settings;
    // Kept: every value that was right.
    assert!(!s.is_on("R5"));
    assert_eq!(s.known_people, ["Grace Hopper", "https://www.linkedin.com/in/ada-lovelace-1815/"]);
    assert_eq!(s.trusted_sites, ["rust-lang.org"]);
    assert_eq!(s.business_terms, ["statement of work"]);
    // Defaults: every value that was wrong.
    assert!(s.is_on("R6") && s.is_on("K") && s.is_on("O"));
    for list in [
        &s.met_elsewhere,
        &s.own_organizations,
        &s.refused_roles,
        &s.open_networker_terms,
        &s.spam_terms,
    ] {
        assert!(list.is_empty());
    }
    // One message per wrong value: 3 switches, 4 entries, 5 lists, 1 entry.
    assert_eq!(loaded.problems.len(), 13, "{:#?}", loaded.problems);
    assert!(has(&loaded.problems, "Rule \"R6\" must be true or false"));
    assert!(has(&loaded.problems, "\"met_elsewhere\" must be a list of texts"));
    assert!(has(&loaded.problems, "Entry 2 of \"known_people\" (7) is not a text"));
}

#[test]
fn a_wrong_shape_for_rules_or_version_keeps_the_lists() {
    for (rules, version) in [
        (json!(["R5"]), json!("2")),
        (json!("all"), json!(2.5)),
        (json!(null), json!(-1)),
        (json!(1), json!({"major": 2})),
    ] {
        let loaded =
            load(json!({"version": version, "rules": rules, "known_people": ["Grace Hopper"]}));
        assert!(CATALOGUE.iter().all(|r| loaded.settings.is_on(r.id) == r.default_on), "{rules}");
        assert_eq!(loaded.settings.known_people, ["Grace Hopper"]);
        assert_eq!(loaded.problems.len(), 2, "{rules} {version}: {:#?}", loaded.problems);
    }
}

#[test]
fn a_newer_version_is_read_as_far_as_this_one_understands_it() {
    let newer = VERSION + 1;
    let loaded = load(json!({
        "version": newer,
        "rules": {"R5": false, "Z1": true},
        "known_people": ["Grace Hopper"],
        "trusted_sites": ["example.org"],
        "blocked_people": ["Mallory"],
        "known_people_v3": [{"name": "Ada", "since": 2031}],
    }));
    assert!(has(&loaded.problems, &format!("settings version {newer}")), "{:#?}", loaded.problems);
    assert!(has(&loaded.problems, "\"blocked_people\""));
    assert!(has(&loaded.problems, "\"known_people_v3\""));
    assert!(has(&loaded.problems, "Rule \"Z1\" is unknown"));
    assert_eq!(loaded.problems.len(), 4, "{:#?}", loaded.problems);
    assert!(!loaded.settings.is_on("R5"));
    assert_eq!(loaded.settings.known_people, ["Grace Hopper"]);
    assert_eq!(loaded.settings.trusted_sites, ["example.org"]);
    // The newer rule's switch survives a round trip through this version.
    let Value::Object(exported) = settings::export(&loaded.settings) else { panic!("an object") };
    assert_eq!(
        exported.get("rules").and_then(|r| match r {
            Value::Object(switches) => switches.get("Z1").cloned(),
            _ => None,
        }),
        Some(Value::Bool(true))
    );
    // A version number this one can never have written.
    for version in [json!(1e300), json!(0), json!(u64::MAX)] {
        let loaded = load(json!({"version": version, "known_people": ["Grace Hopper"]}));
        assert_eq!(loaded.settings.known_people, ["Grace Hopper"], "{version}");
        assert_eq!(loaded.problems.len(), 1, "{version}: {:#?}", loaded.problems);
    }
}

#[test]
fn huge_lists_keep_their_first_entries_quickly_with_one_message_each() {
    const HUGE: usize = 10_000;
    let keys = [
        "known_people",
        "met_elsewhere",
        "own_organizations",
        "refused_roles",
        "open_networker_terms",
        "spam_terms",
        "business_terms",
        "group_terms",
    ];
    let mut data = serde_json::Map::new();
    data.insert("version".into(), json!(VERSION));
    for key in keys {
        let entries: Vec<String> = (0..HUGE).map(|i| format!("{key} entry {i}")).collect();
        data.insert(key.into(), json!(entries));
    }
    let sites: Vec<String> = (0..HUGE).map(|i| format!("site{i}.example.org")).collect();
    data.insert("trusted_sites".into(), json!(sites));
    let started = std::time::Instant::now();
    let loaded = load(serde_json::Value::Object(data));
    let took = started.elapsed();
    assert_eq!(
        loaded.problems.len(),
        keys.len() + 1,
        "{:#?}",
        &loaded.problems[..3.min(loaded.problems.len())]
    );
    assert!(has(
        &loaded.problems,
        &format!("holds {HUGE} entries; only the first {MAX_ENTRIES} were kept")
    ));
    let s = &loaded.settings;
    assert_eq!(s.known_people.len(), MAX_ENTRIES);
    assert_eq!(s.known_people[0], "known_people entry 0");
    assert_eq!(s.trusted_sites.len(), MAX_ENTRIES);
    assert_eq!(
        s.group_terms.last().map(String::as_str),
        Some(format!("group_terms entry {}", MAX_ENTRIES - 1).as_str())
    );
    // Unoptimised test build: loading and building the engine for 50,000 entries stays far below this.
    assert!(took.as_secs() < 20, "took {took:?}");

    // A huge single entry, and many huge ones, are refused one by one.
    let long = "a".repeat(MAX_ENTRY_CHARS + 1);
    let loaded = load(json!({"known_people": [long.clone(), "Grace Hopper", "x".repeat(100_000)]}));
    assert_eq!(loaded.settings.known_people, ["Grace Hopper"]);
    assert_eq!(loaded.problems.len(), 2, "{:#?}", loaded.problems);
    assert!(loaded.problems.iter().all(|p| p.len() < 400), "a message quotes a huge entry whole");
}

#[test]
fn hostile_entries_are_plain_text() {
    let loaded = load(json!({
        "known_people": ["<img src=x onerror=alert(1)>", "Zoë\u{0}O'Neil", "\u{202e}kcirtaP", "Ada\u{200b}Lovelace"],
        "spam_terms": ["<script>alert(1)</script>", "\u{1F680}\u{1F680}"],
        "trusted_sites": ["javascript:alert(1)", "data:text/html,<b>x</b>"],
    }));
    // Kept as they were written, when they have words to match; never interpreted.
    assert!(loaded.settings.known_people.iter().any(|p| p == "<img src=x onerror=alert(1)>"));
    assert!(loaded.settings.spam_terms.iter().any(|t| t == "<script>alert(1)</script>"));
    // Emoji alone has nothing to match, and schemes are no sites.
    assert!(!loaded.settings.spam_terms.iter().any(|t| t.contains('\u{1F680}')));
    assert!(
        loaded.settings.trusted_sites.iter().all(|s| !s.starts_with("javascript:")),
        "{:?}",
        loaded.settings.trusted_sites
    );
}
