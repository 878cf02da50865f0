//! Any invitation: classification never panics, is deterministic, and lists the deciding rule
//! first. One engine, with lists that fuzzed names can hit, is built once: building one per
//! input would spend the run on `Engine::new`. Inputs starting with `#` build their own lists.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vetted::settings::{load, Value};
use vetted::{Engine, Invitation};

fn settings(known: &str, met: &str, organizations: &str, roles: &str) -> Engine {
    let list = |words: &str| Value::Array(words.split(',').map(|w| Value::String(w.into())).collect());
    let fields = [
        ("version", Value::Number(2.0)),
        ("known_people", list(known)),
        ("met_elsewhere", list(met)),
        ("own_organizations", list(organizations)),
        ("refused_roles", list(roles)),
    ];
    let data = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
    Engine::new(load(&data).settings)
}

fn shared() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        settings("Ada Lovelace,in/grace-hopper,Zoë O'Neil", "@ferris,Linus", "Acme,Initech", "sourcer")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let own_lists = text.starts_with('#');
    let mut fields = text.split('\u{1f}');
    let mut field = || fields.next().unwrap_or("").to_string();
    let mut invitation = Invitation::person(&field());
    invitation.headline = field();
    invitation.status_line = field();
    invitation.profile_slug = Some(field()).filter(|s| !s.is_empty());
    invitation.common_organization = Some(field()).filter(|s| !s.is_empty());
    invitation.message = Some(field()).filter(|s| !s.is_empty());
    let built;
    let engine = if own_lists {
        built = settings(&field(), &field(), &field(), &field());
        &built
    } else {
        shared()
    };
    let verdict = engine.classify(&invitation);
    assert_eq!(verdict, engine.classify(&invitation), "not deterministic");
    if let Some(verdict) = verdict {
        assert_eq!(verdict.rule_ids().first().copied(), verdict.deciding_rule());
    }
});
