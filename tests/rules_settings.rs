//! The settings file format, through the public API: the documented example reads without a
//! problem and writes back the same, a version 1 file is migrated, and a bad file is reported
//! value by value.

use vetted::settings::{self, Value};
use vetted::{Engine, Invitation, CATALOGUE};

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(path).expect("fixture");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn the_documented_example_reads_whole_and_writes_back_the_same() {
    let example = read("tests/fixtures/settings/example.json");
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
    let v1 = read("tests/fixtures/settings/v1.json");
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
fn a_bad_file_is_reported_value_by_value_and_never_crashes() {
    let bad: Value = serde_json::from_str(
        r#"{"version": "2", "rules": {"R5": "off", "X1": false}, "known_people": [1, "", "https://www.linkedin.com/company/acme"],
            "refused_roles": ["one two three four five six seven eight nine"], "trusted_sites": ["localhost"], "theme": "dark"}"#,
    )
    .unwrap();
    let loaded = settings::load(&bad);
    assert_eq!(loaded.problems.len(), 9, "{:#?}", loaded.problems);
    assert!(loaded.problems.iter().all(|p| p.ends_with('.')));
    // Whatever was read, an engine can be built and used.
    let engine = Engine::new(loaded.settings);
    assert!(engine.classify(&Invitation::person("Ada")).is_some());
    for data in [
        Value::Null,
        Value::Bool(true),
        Value::String("{}".into()),
        Value::Array(vec![Value::Null]),
    ] {
        assert_eq!(settings::load(&data).problems.len(), 1);
    }
}
