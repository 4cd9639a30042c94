//! Writing JSON: [`ToJson`] for the bodies the app sends and the drafts it keeps, byte for
//! byte what `serde_json::to_string` writes for the same value (the tests compare them),
//! so the wasm carries no serde at all (decision 65).

use std::fmt::Write;

/// A value written as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// Whether a `skip_none` field leaves this value out (`None` does).
    fn is_absent(&self) -> bool {
        false
    }
}

/// The JSON text of `value`.
pub fn to_json_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// A string, escaped as serde_json escapes it: `"`, `\` and the control characters only.
pub fn write_str(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1f}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An object being written: `{`, then members, then [`Members::end`].
pub struct Members<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Members<'a> {
    pub fn start(out: &'a mut String) -> Members<'a> {
        out.push('{');
        Members { out, first: true }
    }

    pub fn member<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(key, self.out);
        self.out.push(':');
        value.write_json(self.out);
    }

    /// serde's `skip_serializing_if`: absent values leave the member out.
    pub fn member_unless_absent<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        if !value.is_absent() {
            self.member(key, value);
        }
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
integers!(i64, u64, u32);

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }

    /// Only `skip_serializing_if = "Vec::is_empty"` fields ask.
    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

/// `ToJson` for structs, members in the order listed (serde's: the fields' order);
/// `#[skip]` marks a `skip_serializing_if` field. Every field must be listed: the pattern
/// that takes the struct apart is exhaustive.
#[macro_export]
macro_rules! to_json_struct {
    ($($ty:ident { $($(#[$skip:ident])? $field:ident),* $(,)? })*) => {$(
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let $ty { $($field),* } = self;
                let mut members = $crate::json::Members::start(out);
                $($crate::to_json_struct!(@member members $field $($skip)?);)*
                members.end();
            }
        }
    )*};
    (@member $members:ident $field:ident) => { $members.member(stringify!($field), $field) };
    (@member $members:ident $field:ident skip) => { $members.member_unless_absent(stringify!($field), $field) };
}

/// `ToJson` for enums of unit variants as serde writes them: the variant's name.
#[macro_export]
macro_rules! to_json_unit_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                $crate::json::write_str(match self { $($ty::$variant => stringify!($variant),)* }, out);
            }
        }
    };
}
