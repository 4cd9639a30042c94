//! One module per route.

mod about;
mod channel_groups;
mod history;
mod not_found;
mod settings;

pub use about::AboutPage;
pub use channel_groups::ChannelGroupsPage;
pub use history::HistoryPage;
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
