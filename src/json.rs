//! Serde data as JSON text, for the wasm boundary: a batch's results cross as one string that
//! `JSON.parse` turns into plain objects, arrays and primitives, the shape that
//! serde-wasm-bindgen's `json_compatible` serializer made field by field (`None` is `null`, a
//! unit variant its name, a map an object), without its weight in the content script's wasm.
//!
//! Numbers: integers as written; other numbers through [`Json::float`] (JavaScript's own
//! formatting in the browser). Nothing here formats a float itself.

use serde::ser::{self, Serialize};
use std::fmt;

/// Serializes `value` as JSON text, numbers that are not whole written by `float`; `None` when
/// it holds something JSON cannot (a map key that is not text).
pub fn to_string_with<T: Serialize + ?Sized>(
    value: &T,
    float: fn(f64) -> String,
) -> Option<String> {
    let mut json = Json { out: String::with_capacity(256), float };
    value.serialize(&mut json).ok()?;
    Some(json.out)
}

/// The writer. Commas go in front of a value or key unless it opens a container or follows a key.
pub struct Json {
    out: String,
    float: fn(f64) -> String,
}

/// Why a value could not be written: there is one reason only, a map key that is not text.
#[derive(Debug)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not JSON")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

impl Json {
    fn comma(&mut self) {
        if !matches!(self.out.as_bytes().last(), None | Some(b'[' | b'{' | b':')) {
            self.out.push(',');
        }
    }

    fn raw(&mut self, text: &str) {
        self.comma();
        self.out.push_str(text);
    }

    fn string(&mut self, text: &str) {
        self.comma();
        quote(&mut self.out, text);
    }

    fn unsigned(&mut self, n: u64) {
        self.comma();
        write_unsigned(&mut self.out, n);
    }

    fn signed(&mut self, n: i64) {
        self.comma();
        if n < 0 {
            self.out.push('-');
        }
        write_unsigned(&mut self.out, n.unsigned_abs());
    }

    fn float(&mut self, v: f64) {
        // Whole numbers within 2^53 are exact as integers, as JSON.stringify writes them.
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
            self.signed(v as i64);
        } else {
            let text = (self.float)(v);
            self.raw(&text);
        }
    }

    fn key(&mut self, key: &str) {
        self.string(key);
        self.out.push(':');
    }

    /// An externally tagged variant's container: `{"Variant":[` or `{"Variant":{`.
    fn variant(&mut self, variant: &str, bracket: char, closes: &'static str) -> Compound<'_> {
        self.open('{').key(variant);
        self.out.push(bracket);
        Compound { json: self, closes }
    }

    fn open(&mut self, bracket: char) -> &mut Self {
        self.comma();
        self.out.push(bracket);
        self
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

/// Writes a number in decimal without `core::fmt`.
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

/// Serializer methods for numbers: each widens its number for one of the writer's own.
macro_rules! numbers {
    ($($method:ident($kind:ty) $write:ident),*) => {$(
        fn $method(self, v: $kind) -> Result<(), Error> {
            self.$write(v.into());
            Ok(())
        }
    )*};
}

/// A container being written: `closes` is its closing text (`}}` for a variant's own object).
pub struct Compound<'a> {
    json: &'a mut Json,
    closes: &'static str,
}

impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.raw(if v { "true" } else { "false" });
        Ok(())
    }
    numbers! {
        serialize_i8(i8) signed, serialize_i16(i16) signed, serialize_i32(i32) signed,
        serialize_i64(i64) signed, serialize_u8(u8) unsigned, serialize_u16(u16) unsigned,
        serialize_u32(u32) unsigned, serialize_u64(u64) unsigned, serialize_f32(f32) float,
        serialize_f64(f64) float
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.open('[');
        for &b in v {
            self.unsigned(b.into());
        }
        self.out.push(']');
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.raw("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open('{').key(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound { json: self.open('['), closes: "]" })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.variant(variant, '[', "]}"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound { json: self.open('{'), closes: "}" })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(Compound { json: self.open('{'), closes: "}" })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.variant(variant, '{', "}}"))
    }
}

impl Compound<'_> {
    fn end(self) -> Result<(), Error> {
        self.json.out.push_str(self.closes);
        Ok(())
    }
}

/// The containers whose items are values alone.
macro_rules! values {
    ($($container:ident::$item:ident),*) => {$(
        impl ser::$container for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                value.serialize(&mut *self.json)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

values!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The containers whose items are named fields.
macro_rules! fields {
    ($($container:ident),*) => {$(
        impl ser::$container for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.json.key(key);
                value.serialize(&mut *self.json)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(MapKey(&mut *self.json))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.json)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// Serializer methods of one argument that refuse it.
macro_rules! refuse {
    ($($method:ident($kind:ty)),*) => {$(
        fn $method(self, _: $kind) -> Result<(), Error> {
            Err(Error)
        }
    )*};
}

/// A map key: text only (JSON's object keys), as serde-wasm-bindgen's JSON-compatible maps.
struct MapKey<'a>(&'a mut Json);

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.key(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.0.key(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.key(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    refuse! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str)
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Error)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Error)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Error)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(Error)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Value;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "lowercase")]
    enum Card {
        Person {
            anchor: usize,
            name: String,
            slug: Option<String>,
            rules: Vec<&'static str>,
            mutual: Mutual,
        },
        Other {
            sender: Sender,
        },
        None,
    }

    #[derive(Serialize)]
    struct Mutual {
        count: u32,
        names: Vec<String>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    enum Sender {
        Newsletter,
    }

    #[derive(Serialize)]
    enum Outer {
        Newtype(u8),
        Tuple(u8, i32),
        Struct { a: bool },
    }

    fn to_string<T: Serialize>(value: &T) -> Option<String> {
        to_string_with(value, |v| v.to_string())
    }

    /// The same JSON as serde_json's (which JSON.parse reads as serde-wasm-bindgen's
    /// JSON-compatible values), compared as values.
    fn same<T: Serialize>(value: &T) {
        let ours = to_string(value).expect("serializable");
        let theirs = serde_json::to_value(value).expect("serializable");
        let read: serde_json::Value =
            serde_json::from_str(&ours).unwrap_or_else(|e| panic!("{ours}: {e}"));
        assert_eq!(read, theirs, "{ours}");
    }

    #[test]
    fn cards_and_every_shape_as_serde_json_writes_them() {
        same(&vec![
            Card::Person {
                anchor: 12,
                name: "Zoë \"Z\" O’Neil\\\n\t\u{1}\u{1f} 🚀".into(),
                slug: None,
                rules: vec!["R5", "R2"],
                mutual: Mutual { count: 3, names: vec!["Ada".into(), String::new()] },
            },
            Card::Person {
                anchor: 0,
                name: String::new(),
                slug: Some("ada".into()),
                rules: vec![],
                mutual: Mutual { count: u32::MAX, names: vec![] },
            },
            Card::Other { sender: Sender::Newsletter },
            Card::None,
        ]);
        same(&(
            Outer::Newtype(7),
            Outer::Tuple(1, -2),
            Outer::Struct { a: true },
            (),
            'x',
            -9_i64,
            u64::MAX,
            0.5_f64,
            2.5_f32,
        ));
        let mut map = crate::settings::Fields::new();
        map.insert(
            "b".to_string(),
            Value::Array(vec![Value::Null, Value::Bool(false), Value::Number(-3.0)]),
        );
        map.insert("a\"".to_string(), Value::String("x".into()));
        same(&Value::Object(map));
    }

    #[test]
    fn a_key_that_is_not_text_is_refused() {
        let mut map = BTreeMap::new();
        map.insert(1, 2);
        assert!(to_string(&map).is_none());
    }
}
