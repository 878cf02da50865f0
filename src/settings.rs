//! The user's settings: which rules are on, and the lists the rules use.
//!
//! Settings arrive as plain JSON-like data (from extension storage, or an imported file) and are
//! checked here, field by field, so that every unknown or invalid value is reported to the user.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// The schema version this build writes.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Rule ids the user switched off; every other rule is on.
    pub rules_off: Vec<String>,
    /// People the user knows: profile URLs or slugs, or full names (rule K).
    pub known_people: Vec<String>,
    /// People met on other channels: names or handles (rule E2).
    pub met_elsewhere: Vec<String>,
    /// The user's own organizations (rule O).
    pub own_organizations: Vec<String>,
    /// Roles the user adds to the refused roles (rule R6).
    pub refused_roles: Vec<String>,
}

impl Settings {
    pub fn is_on(&self, rule: &str) -> bool {
        !self.rules_off.iter().any(|id| id == rule)
    }
}

/// Settings read from stored or imported data, with what could not be taken from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub settings: Settings,
    /// One message per value that was refused, in words a user can act on.
    pub problems: Vec<String>,
}

/// Reads settings from JSON-like data. Values that are wrong are reported and left at defaults.
pub fn load(data: &Value) -> Loaded {
    let mut problems = Vec::new();
    let mut settings = Settings::default();
    let Value::Object(fields) = data else {
        problems.push("Settings must be a JSON object; the defaults apply.".to_string());
        return Loaded { settings, problems };
    };
    for (key, value) in fields {
        match key.as_str() {
            "version" => {}
            "rules" => read_switches(value, &mut settings.rules_off, &mut problems),
            "known_people" => read_list(key, value, &mut settings.known_people, &mut problems),
            "met_elsewhere" => read_list(key, value, &mut settings.met_elsewhere, &mut problems),
            "own_organizations" => {
                read_list(key, value, &mut settings.own_organizations, &mut problems)
            }
            "refused_roles" => read_list(key, value, &mut settings.refused_roles, &mut problems),
            _ => problems.push(format!("Unknown setting \"{key}\" was ignored.")),
        }
    }
    Loaded { settings, problems }
}

fn read_switches(value: &Value, off: &mut Vec<String>, problems: &mut Vec<String>) {
    let Value::Object(switches) = value else {
        problems.push("\"rules\" must map rule ids to true or false.".to_string());
        return;
    };
    for (id, on) in switches {
        match on {
            Value::Bool(false) => off.push(id.clone()),
            Value::Bool(true) => {}
            _ => problems.push(format!("Rule \"{id}\" must be true or false.")),
        }
    }
}

fn read_list(key: &str, value: &Value, list: &mut Vec<String>, problems: &mut Vec<String>) {
    let Value::Array(items) = value else {
        problems.push(format!("\"{key}\" must be a list of texts."));
        return;
    };
    for item in items {
        match item {
            Value::String(text) if !text.trim().is_empty() => list.push(text.trim().to_string()),
            Value::String(_) => {}
            _ => problems.push(format!("\"{key}\" holds a value that is not a text.")),
        }
    }
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
    Object(BTreeMap<String, Value>),
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
        let mut fields = BTreeMap::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}
