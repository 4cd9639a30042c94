//! The settings model and the rules of the screens, in pure Rust (native tests).

mod anchor;
mod channel;
mod combobox;
pub mod delivery_check;
mod duration;
mod field_path;
mod form;
mod health;
pub mod history;
pub mod history_diff;
mod link_kit;
mod messages;
pub mod release;
pub mod schedule;
pub mod schedule_text;
pub mod sources;
pub mod timeline;
pub mod warning_fix;
pub mod warnings;
pub mod when;
pub mod zone;
pub mod zone_name;

pub use anchor::*;
pub use channel::*;
pub use combobox::*;
pub use duration::*;
pub use field_path::*;
pub use form::*;
pub use health::*;
pub use link_kit::*;
pub use messages::*;
