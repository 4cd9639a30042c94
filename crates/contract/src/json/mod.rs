//! The browser app's JSON reader: a small parser into a [`Json`] tree and [`FromJson`]
//! for every body the app reads.
//!
//! Why not serde's `Deserialize`: in the wasm, serde's derived deserializers, monomorphised
//! against `serde_json`'s deserializer, were 37 763 B of the first load (brotli; 157 KB
//! raw), a tenth of it (issue 20, decision 65). This reader is one parser and one short
//! function per type. The derives stay for the dev back end, the tests and serialising.
//!
//! It reads what serde reads, never more: `tests/decoder_properties.rs` decodes every
//! example, every mutation of one and arbitrary JSON with both and requires the same value,
//! or an error from this reader wherever serde errs. It is stricter in corners the contract
//! never uses (serde also takes a struct as a positional array).

use std::fmt;

/// Deeper nesting is refused rather than risk the stack (serde_json stops at 128).
const MAX_DEPTH: usize = 100;

/// A parsed JSON value. Objects keep their members in order, duplicates included, so a
/// field given twice can be refused as serde does.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// An integer in `i64::MIN..=u64::MAX`, written without fraction or exponent (`-0`
    /// excepted: serde_json reads it as a float).
    Int(i128),
    /// Any other number: no field of the contract takes one.
    Float,
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Why a body could not be read. The texts go to the console, not to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON: the byte offset where reading stopped.
    Syntax(usize),
    TooDeep,
    /// A value of the wrong JSON type, or an integer out of the field's range.
    Type(&'static str),
    Missing(&'static str),
    Duplicate(&'static str),
    /// A member [`Fields::deny_unknown`] was not asked for.
    Unknown(String),
    /// A tagged enum's tag names no variant.
    Tag(String),
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::Syntax(at) => write!(f, "not JSON at byte {at}"),
            JsonError::TooDeep => f.write_str("nested too deeply"),
            JsonError::Type(expected) => write!(f, "expected {expected}"),
            JsonError::Missing(field) => write!(f, "missing field `{field}`"),
            JsonError::Duplicate(field) => write!(f, "duplicate field `{field}`"),
            JsonError::Unknown(field) => write!(f, "unknown field `{field}`"),
            JsonError::Tag(tag) => write!(f, "unknown variant `{tag}`"),
        }
    }
}

impl std::error::Error for JsonError {}

/// A value read from a [`Json`] tree.
pub trait FromJson: Sized {
    fn from_json(json: Json) -> Result<Self, JsonError>;

    /// The value of an absent field: an error but for `Option`, which is `None`.
    fn missing(field: &'static str) -> Result<Self, JsonError> {
        Err(JsonError::Missing(field))
    }
}

mod parse;
mod write;
pub use parse::parse;
pub use write::{to_json_string, write_str, Members, ToJson};

/// Parses `text` and reads it as `T`.
pub fn from_json_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(parse(text)?)
}

/// What [`Fields::tag`] says of a tag that is not a string.
pub const TAG: &str = "a string tag";

/// What [`Fields::of`] says of a struct that is not an object.
pub const OBJECT: &str = "an object";

/// The members of an object being read into a struct.
pub struct Fields(Vec<(String, Json)>);

impl Fields {
    pub fn of(json: Json) -> Result<Fields, JsonError> {
        match json {
            Json::Object(members) => Ok(Fields(members)),
            _ => Err(JsonError::Type(OBJECT)),
        }
    }

    /// Removes a member; `None` when absent, an error when given twice.
    fn remove(&mut self, key: &'static str) -> Result<Option<Json>, JsonError> {
        let mut found = self.0.iter().enumerate().filter(|(_, (k, _))| k == key).map(|(i, _)| i);
        match (found.next(), found.next()) {
            (None, _) => Ok(None),
            (Some(i), None) => Ok(Some(self.0.swap_remove(i).1)),
            (Some(_), Some(_)) => Err(JsonError::Duplicate(key)),
        }
    }

    /// A field; absent, it is what `T::missing` says.
    pub fn take<T: FromJson>(&mut self, key: &'static str) -> Result<T, JsonError> {
        match self.remove(key)? {
            Some(json) => T::from_json(json),
            None => T::missing(key),
        }
    }

    /// A `#[serde(default)]` field: absent, it is `T::default()`.
    pub fn take_or_default<T: FromJson + Default>(&mut self, key: &'static str) -> Result<T, JsonError> {
        self.remove(key)?.map_or_else(|| Ok(T::default()), T::from_json)
    }

    /// serde's `deny_unknown_fields`: once every field is taken, any member left is an error.
    pub fn deny_unknown(self) -> Result<(), JsonError> {
        match self.0.into_iter().next() {
            Some((key, _)) => Err(JsonError::Unknown(key)),
            None => Ok(()),
        }
    }

    /// An internally tagged enum's tag: a string (serde also reads an integer there, as the
    /// variant's index, inside another tagged enum; the contract never writes one).
    pub fn tag(&mut self, key: &'static str) -> Result<String, JsonError> {
        match self.remove(key)? {
            Some(Json::String(tag)) => Ok(tag),
            Some(_) => Err(JsonError::Type(TAG)),
            None => Err(JsonError::Missing(key)),
        }
    }
}

impl FromJson for String {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        match json {
            Json::String(s) => Ok(s),
            _ => Err(JsonError::Type("a string")),
        }
    }
}

impl FromJson for bool {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        match json {
            Json::Bool(b) => Ok(b),
            _ => Err(JsonError::Type("a boolean")),
        }
    }
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl FromJson for $ty {
            fn from_json(json: Json) -> Result<Self, JsonError> {
                match json {
                    Json::Int(n) => <$ty>::try_from(n).map_err(|_| JsonError::Type(stringify!($ty))),
                    _ => Err(JsonError::Type("an integer")),
                }
            }
        }
    )*};
}
integers!(i64, u64, u32);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        match json {
            Json::Null => Ok(None),
            json => T::from_json(json).map(Some),
        }
    }

    fn missing(_: &'static str) -> Result<Self, JsonError> {
        Ok(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: Json) -> Result<Self, JsonError> {
        match json {
            Json::Array(items) => items.into_iter().map(T::from_json).collect(),
            _ => Err(JsonError::Type("an array")),
        }
    }
}

/// `FromJson` for structs read field by field: `from_json_struct! { Type { a, b, #[default] c } }`.
/// A field left out of the list is a compile error (the struct literal is incomplete).
#[macro_export]
macro_rules! from_json_struct {
    ($($ty:ident { $($(#[$default:ident])? $field:ident),* $(,)? })*) => {$(
        impl $crate::json::FromJson for $ty {
            fn from_json(json: $crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                let mut fields = $crate::json::Fields::of(json)?;
                Ok($ty { $($field: $crate::from_json_struct!(@take fields $field $($default)?)),* })
            }
        }
    )*};
    (@take $fields:ident $field:ident) => { $fields.take(stringify!($field))? };
    (@take $fields:ident $field:ident default) => { $fields.take_or_default(stringify!($field))? };
}

/// `FromJson` for enums of unit variants as serde writes them: the variant's name.
#[macro_export]
macro_rules! from_json_unit_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(json: $crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                let name = <String as $crate::json::FromJson>::from_json(json)?;
                match name.as_str() {
                    $(stringify!($variant) => Ok($ty::$variant),)*
                    _ => Err($crate::json::JsonError::Tag(name)),
                }
            }
        }
    };
}

#[cfg(test)]
mod tests;
