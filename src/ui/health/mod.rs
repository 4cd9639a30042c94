//! «Работа канала»: whether dialogs from MAX really arrive. The card (`card`) over its
//! controller (`control`: one request at a time, errors, the 429 countdown), kept fresh by
//! `use_health_refresh` (every 60 s while the page is visible), and the badge every page
//! shows, which follows the known health (`badge`).

mod badge;
mod card;
mod control;
mod refresh;

pub use badge::{ChannelBadge, ChannelStateLine};
pub use card::HealthCard;
pub use control::failure_text;
