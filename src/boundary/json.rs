//! JSON text for the wasm boundary: a batch's results cross as one string, which `JSON.parse`
//! turns into plain objects, arrays and primitives at once, rather than one crossing per field.
//!
//! The types that cross write themselves, field by field ([`ToJson`], in `boundary`): serde's
//! generic serializer, derived for them, cost the badges' wasm 3.6 KB (1.8 KB gzipped) for the
//! same text. Only what they hold is written: text, whole numbers, `null`, arrays and objects.

/// A value that writes itself as JSON.
pub trait ToJson {
    fn to_json(&self, json: &mut Json);
}

/// `value` as JSON text.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut json = Json { out: String::with_capacity(256) };
    value.to_json(&mut json);
    json.out
}

/// The writer. Commas go in front of a value or key unless it opens a container or follows a key.
pub struct Json {
    out: String,
}

impl Json {
    fn comma(&mut self) {
        if !matches!(self.out.as_bytes().last(), None | Some(b'[' | b'{' | b':')) {
            self.out.push(',');
        }
    }

    /// An object, whose fields `fields` writes with [`Json::field`].
    pub fn object(&mut self, fields: impl FnOnce(&mut Json)) {
        self.comma();
        self.out.push('{');
        fields(self);
        self.out.push('}');
    }

    /// One field of an object. Not inlined: the fields of a card's result would each repeat it.
    #[inline(never)]
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Json {
        key.to_json(self);
        self.out.push(':');
        value.to_json(self);
        self
    }
}

impl ToJson for str {
    fn to_json(&self, json: &mut Json) {
        json.comma();
        quote(&mut json.out, self);
    }
}

impl ToJson for String {
    fn to_json(&self, json: &mut Json) {
        self.as_str().to_json(json);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, json: &mut Json) {
        (**self).to_json(json);
    }
}

impl ToJson for u32 {
    fn to_json(&self, json: &mut Json) {
        json.comma();
        crate::text::write_unsigned(&mut json.out, u64::from(*self));
    }
}

impl ToJson for bool {
    fn to_json(&self, json: &mut Json) {
        json.comma();
        json.out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, json: &mut Json) {
        match self {
            Some(value) => value.to_json(json),
            None => {
                json.comma();
                json.out.push_str("null");
            }
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, json: &mut Json) {
        json.comma();
        json.out.push('[');
        for item in self {
            item.to_json(json);
        }
        json.out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, json: &mut Json) {
        self.as_slice().to_json(json);
    }
}

/// Writes `text` as a JSON string: quotes, backslashes and control characters escaped.
pub fn quote(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut start = 0;
    for (at, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(text.get(start..at).unwrap_or(""));
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push_str(escape);
        }
        start = at + 1;
    }
    out.push_str(text.get(start..).unwrap_or(""));
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Card {
        name: &'static str,
        slug: Option<String>,
        rules: Vec<&'static str>,
        count: u32,
        names: Vec<String>,
    }

    impl ToJson for Card {
        fn to_json(&self, json: &mut Json) {
            json.object(|json| {
                json.field("kind", "person").field("name", self.name).field("slug", &self.slug);
                json.field("rules", &self.rules);
                json.field("mutual", &Mutual(self.count, &self.names));
            });
        }
    }

    struct Mutual<'a>(u32, &'a [String]);

    impl ToJson for Mutual<'_> {
        fn to_json(&self, json: &mut Json) {
            json.object(|json| {
                json.field("count", &self.0).field("names", self.1);
            });
        }
    }

    /// The same JSON as serde_json writes, compared as values.
    #[test]
    fn writes_what_serde_json_reads_back() {
        let cards = vec![
            Card {
                name: "Zoë \"Z\" O’Neil\\\n\t\r\u{1}\u{1f} 🚀",
                slug: None,
                rules: vec!["R5", "R2"],
                count: 3,
                names: vec!["Ada".into(), String::new()],
            },
            Card {
                name: "",
                slug: Some("ada".into()),
                rules: vec![],
                count: u32::MAX,
                names: vec![],
            },
        ];
        let text = to_string(&cards);
        let read: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let expected = serde_json::json!([
            { "kind": "person", "name": cards[0].name, "slug": null, "rules": ["R5", "R2"],
              "mutual": { "count": 3, "names": ["Ada", ""] } },
            { "kind": "person", "name": "", "slug": "ada", "rules": [],
              "mutual": { "count": u32::MAX, "names": [] } },
        ]);
        assert_eq!(read, expected, "{text}");
    }
}
