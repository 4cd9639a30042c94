//! One module per route.

mod about;
mod channel_groups;
mod not_found;
mod settings;

pub use about::AboutPage;
pub use channel_groups::ChannelGroupsPage;
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
