//! «Работа канала»: whether dialogs from MAX really arrive. The card (`card`) over its
//! controller (`control`: one request at a time, errors, the 429 countdown), kept fresh by
//! `use_health_refresh` (every 60 s while the page is visible), and the badge every page
//! shows, which follows the known health (`badge`). The card's code is a module of its own
//! (`slot`), fetched as the page that shows it opens.

mod badge;
mod card;
mod control;
mod refresh;
mod slot;

pub use badge::{ChannelBadge, ChannelStateLine};
pub use control::failure_text;
pub use slot::HealthCard;
