//! Any invitation, with lists that may match it: classification never panics, is
//! deterministic, and always lists the deciding rule first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vetted::settings::{load, Value};
use vetted::{Engine, Invitation};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut fields = text.split('\u{1f}').map(str::to_string);
    let mut field = || fields.next().unwrap_or_default();
    let mut invitation = Invitation::person(&field());
    invitation.headline = field();
    invitation.status_line = field();
    invitation.profile_slug = Some(field()).filter(|s| !s.is_empty());
    invitation.common_organization = Some(field()).filter(|s| !s.is_empty());
    invitation.message = Some(field()).filter(|s| !s.is_empty());
    // The user's lists take the fuzzer's words too, so the list matchers are exercised.
    let list = |words: String| Value::Array(words.split(',').map(|w| Value::String(w.into())).collect());
    let settings = Value::Object(
        [
            ("version".to_string(), Value::Number(2.0)),
            ("known_people".to_string(), list(field())),
            ("met_elsewhere".to_string(), list(field())),
            ("own_organizations".to_string(), list(field())),
            ("refused_roles".to_string(), list(field())),
        ]
        .into_iter()
        .collect(),
    );
    let engine = Engine::new(load(&settings).settings);
    let verdict = engine.classify(&invitation);
    assert_eq!(verdict, engine.classify(&invitation), "not deterministic");
    if let Some(verdict) = verdict {
        let ids = verdict.rule_ids();
        assert_eq!(ids.first().copied(), verdict.deciding_rule());
    }
});
