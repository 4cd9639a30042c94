//! Pages and components.

mod app;
mod app_value;
mod components;
mod countdown;
mod customer_view;
mod delivery_check;
pub(crate) mod focus;
pub mod health;
mod history;
mod insights;
mod link_kit;
mod listener;
pub(crate) mod navigation;
mod pages;
mod router;
pub mod schedule;
pub mod settings;
mod sources;
pub(crate) mod split;
mod tasks;
mod timer;
mod visibility;
pub use app_value::AppValue;
pub use countdown::use_retry_wait;
pub use tasks::{owned, use_tasks, TaskId, Tasks};
pub use timer::{use_timer, Timer};
pub use visibility::{page_visible, use_visibility_change};
#[cfg(feature = "preview")]
mod preview;

pub(crate) use app::browser_offset_at;
pub use app::{set_page_title, use_app, use_reload, AppContext, Reload, Restore};
pub use components::{
    describe, error_id_of, invalid_while, loading_text, open_dialog, place_of, Answer, Button, ButtonKind, Choice,
    ChoiceAlert, ConfirmDialog, ConflictBanner, Control, ErrorPanel, ExternalLink, Field, FieldError, PageData,
    RadioGroup, RetryButton, StateBadge, Switch,
};
pub use router::{App, Root};
