//! Paths inside a JSON value: every location, get and set, and what kind of value is there.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Seg {
    Key(String),
    Index(usize),
}

pub(super) type Path = Vec<Seg>;

/// Every location below the root, parents before children.
pub(super) fn locations(value: &Value) -> Vec<Path> {
    fn walk(value: &Value, here: &mut Path, out: &mut Vec<Path>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    here.push(Seg::Key(k.clone()));
                    out.push(here.clone());
                    walk(v, here, out);
                    here.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    here.push(Seg::Index(i));
                    out.push(here.clone());
                    walk(v, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

pub(super) fn get<'a>(value: &'a Value, path: &[Seg]) -> &'a Value {
    path.iter().fold(value, |v, seg| match seg {
        Seg::Key(k) => &v[k.as_str()],
        Seg::Index(i) => &v[*i],
    })
}

pub(super) fn get_mut<'a>(value: &'a mut Value, path: &[Seg]) -> &'a mut Value {
    path.iter().fold(value, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(k.as_str()).unwrap(),
        Seg::Index(i) => v.get_mut(*i).unwrap(),
    })
}

/// `groups[0].channels[2].icon_url` → `groups.channels.icon_url`.
pub(super) fn dotted(path: &[Seg]) -> String {
    path.iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect::<Vec<_>>()
        .join(".")
}

pub(super) fn last_key(path: &[Seg]) -> Option<&str> {
    match path.last() {
        Some(Seg::Key(k)) => Some(k),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Null,
    Bool,
    Integer,
    Float,
    String,
    Array,
    Object,
}

pub(super) fn kind(v: &Value) -> Kind {
    match v {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Bool,
        Value::Number(n) if n.is_i64() || n.is_u64() => Kind::Integer,
        Value::Number(_) => Kind::Float,
        Value::String(_) => Kind::String,
        Value::Array(_) => Kind::Array,
        Value::Object(_) => Kind::Object,
    }
}
