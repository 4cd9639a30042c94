//! Mutations of the real examples, at the JSON and at the text level, and what each must give.

use super::*;

/// Which of the candidate locations (or bytes) a mutation hits: `n % len`, so that it
/// shrinks towards the first.
pub(super) type Pick = usize;

#[derive(Debug, Clone)]
pub(super) enum Mutation {
    /// Remove an object member.
    Remove(Pick),
    /// Replace a value by an arbitrary one.
    Replace(Pick, Value),
    /// Put a string at a string-enum field.
    EnumValue(Pick, String),
    /// Put a value no variant has at a tag (`type`, `mode`).
    UnknownTag(Pick, String),
    /// Add a member the contract does not name.
    AddField(Pick, String, Value),
    /// Cut the text short.
    Truncate(Pick),
    /// Insert a byte that is never UTF-8.
    InvalidUtf8(Pick, u8),
    /// Overwrite a byte with any byte.
    Overwrite(Pick, u8),
}

pub(super) fn arb_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<Pick>().prop_map(Mutation::Remove),
        4 => (any::<Pick>(), arb_json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        2 => (any::<Pick>(), prop_oneof![select(WORDS).prop_map(str::to_owned), any_string(16)])
            .prop_map(|(i, s)| Mutation::EnumValue(i, s)),
        1 => (any::<Pick>(), prop_oneof![select(WORDS).prop_map(str::to_owned), any_string(10)])
            .prop_map(|(i, s)| Mutation::UnknownTag(i, s)),
        2 => (any::<Pick>(), any_string(10), arb_json()).prop_map(|(i, k, v)| Mutation::AddField(i, k, v)),
        1 => any::<Pick>().prop_map(Mutation::Truncate),
        1 => (any::<Pick>(), prop_oneof![Just(0xFFu8), Just(0xC0), Just(0x80), 0xF8u8..=0xFF])
            .prop_map(|(i, b)| Mutation::InvalidUtf8(i, b)),
        1 => (any::<Pick>(), any::<u8>()).prop_map(|(i, b)| Mutation::Overwrite(i, b)),
    ]
}

/// What a mutation must give.
#[derive(Debug, PartialEq)]
pub(super) enum Expect {
    Err,
    /// Decodes, whatever the value.
    Ok,
    /// Decodes and re-encodes to exactly this JSON.
    OkAs(Value),
    /// Not knowable without redoing serde: only "no panic".
    Unknown,
}

/// Applies a JSON-level mutation and says what decoding must give. `None` when the example
/// has no location the mutation applies to.
pub(super) fn mutate(dto: Dto, original: &Value, mutation: &Mutation) -> Option<(Value, Expect)> {
    let mut value = original.clone();
    // Every location, the root last (only `AddField` can use it: the others need a parent).
    let mut all = locations(original);
    all.push(Vec::new());
    let pick = |filter: &dyn Fn(&Path, &Value) -> bool, n: &Pick| -> Option<Path> {
        let candidates: Vec<&Path> = all.iter().filter(|p| filter(p, get(original, p))).collect();
        (!candidates.is_empty()).then(|| candidates[n % candidates.len()].clone())
    };
    let expect = match mutation {
        Mutation::Remove(i) => {
            let path = pick(&|p, _| last_key(p).is_some(), i)?;
            let key = last_key(&path).unwrap().to_owned();
            get_mut(&mut value, &path[..path.len() - 1]).as_object_mut().unwrap().remove(&key);
            if dto.removable().contains(&dotted(&path).as_str()) {
                Expect::Ok
            } else {
                Expect::Err
            }
        }
        Mutation::Replace(i, new) => {
            let path = pick(&|p, _| !p.is_empty(), i)?;
            let here = dotted(&path);
            let key = last_key(&path).unwrap_or("").to_owned();
            let slot = get_mut(&mut value, &path);
            let old = std::mem::replace(slot, new.clone());
            match (kind(&old), kind(new)) {
                (_, Kind::Null) if dto.nullable(&here) => Expect::Ok,
                (_, Kind::Null) => Expect::Err,
                // Only optional fields hold null; what else decodes there depends on the type.
                (Kind::Null, _) => Expect::Unknown,
                (Kind::String, Kind::String) if is_tag(&key) => Expect::Unknown,
                // Inside another tagged enum serde reads an integer tag as the variant's index:
                // a quirk pinned by `integer_tags_are_variant_indices_inside_buffered_enums`.
                (Kind::String, Kind::Integer) if is_tag(&key) => Expect::Unknown,
                (Kind::String, Kind::String) | (Kind::Bool, Kind::Bool) => Expect::OkAs(value.clone()),
                (Kind::Integer, Kind::Integer) => {
                    if fits(&here, new.as_number().unwrap()) {
                        Expect::OkAs(value.clone())
                    } else {
                        Expect::Err
                    }
                }
                // serde also accepts a struct written as an array of its fields.
                (Kind::Object, Kind::Array | Kind::Object) | (Kind::Array, Kind::Array) => Expect::Unknown,
                (a, b) if a != b => Expect::Err,
                _ => Expect::Unknown,
            }
        }
        Mutation::EnumValue(i, text) => {
            let path = pick(&|p, v| v.is_string() && string_enum_at(dto, &dotted(p)).is_some(), i)?;
            let here = dotted(&path);
            let string_enum = string_enum_at(dto, &here).unwrap();
            *get_mut(&mut value, &path) = Value::String(text.clone());
            // Decided here, checked after decoding: a value the contract does not name is
            // `Other`, a named one is not.
            let unknown = !string_enum.known().contains(text);
            assert_eq!(string_enum.is_other(text), unknown, "{dto:?} {here} ({string_enum:?}) = {text:?}");
            Expect::OkAs(value.clone())
        }
        Mutation::UnknownTag(i, text) => {
            let path = pick(&|p, v| v.is_string() && last_key(p).is_some_and(is_tag), i)?;
            let key = last_key(&path).unwrap();
            let known = TAGS.iter().find(|(k, _)| *k == key).unwrap().1;
            if known.contains(&text.as_str()) {
                return None;
            }
            *get_mut(&mut value, &path) = Value::String(text.clone());
            Expect::Err
        }
        Mutation::AddField(i, name, new) => {
            let path = pick(&|_, v| v.is_object(), i)?;
            let slot = get_mut(&mut value, &path).as_object_mut().unwrap();
            let name = format!("x_{name}");
            slot.insert(name, new.clone());
            Expect::OkAs(original.clone())
        }
        Mutation::Truncate(_) | Mutation::InvalidUtf8(..) | Mutation::Overwrite(..) => return None,
    };
    Some((value, expect))
}

/// Applies a text-level mutation to the compact text of `original`.
pub(super) fn mutate_bytes(original: &Value, mutation: &Mutation) -> Option<(Vec<u8>, Expect)> {
    let mut bytes = serde_json::to_vec(original).unwrap();
    let expect = match mutation {
        Mutation::Truncate(i) => {
            // Any proper prefix of an object's compact text leaves it unclosed.
            bytes.truncate(i % bytes.len());
            Expect::Err
        }
        Mutation::InvalidUtf8(i, b) => {
            bytes.insert(i % (bytes.len() + 1), *b);
            Expect::Err
        }
        Mutation::Overwrite(i, b) => {
            let at = i % bytes.len();
            bytes[at] = *b;
            Expect::Unknown
        }
        _ => return None,
    };
    Some((bytes, expect))
}

pub(super) fn check(
    dto: Dto,
    got: Result<Value, String>,
    expect: &Expect,
    what: &dyn Debug,
) -> Result<(), TestCaseError> {
    match (expect, &got) {
        (Expect::Unknown, _) => {}
        (Expect::Err, Err(_)) | (Expect::Ok, Ok(_)) => {}
        (Expect::OkAs(want), Ok(encoded)) => {
            prop_assert_eq!(encoded, want, "{:?} {:?}: decodes, but re-encodes differently", dto, what)
        }
        _ => prop_assert!(false, "{:?} {:?}: expected {:?}, got {:?}", dto, what, expect, got),
    }
    Ok(())
}

/// The bytes JSON is made of, for near-JSON noise.
pub(super) const JSON_BYTES: &[u8] = b"{}[]\":,.-+0123456789eE truefalsn\\u\t\n\r";
