//! Contract 1.2's calls — «Проверка связи» (`startMaxDeliveryTest`, `getMaxDeliveryTest`)
//! and «Откуда пишут клиенты» (`getMaxSources`) — as a trait of their own beside
//! [`Backend`](super::Backend), implemented by the HTTP client and the preview fake.
//!
//! Why not three more methods of `Backend`: a trait object keeps every method of its vtable
//! in the wasm, and `Backend`'s vtable is built by the first load; the calls and their
//! decoders cost +3 491 B brotli of first load before any page used them (decision 70). Here they
//! cost nothing until a page calls them, and that page decides where their code goes.

use max_channel_contract::{DeliveryTest, Operation, SourceDays, SourceStats};

use super::{ApiFuture, HttpClient};

/// The 1.2 calls. Errors as every call's: 404 `not_found` stays [`super::ApiError::NotFound`]
/// (not connected; a test the back end does not know; a channel never connected), 429 is
/// [`super::ApiError::RateLimited`] with the rest of the wait.
pub trait ChannelInsights {
    /// `startMaxDeliveryTest` («Проверить связь»): a new test, `waiting`; a test still
    /// waiting expires. At most one start every 10 s.
    fn start_delivery_test(&self) -> ApiFuture<'_, DeliveryTest>;
    /// `getMaxDeliveryTest`: the test as it stands now.
    fn delivery_test<'a>(&'a self, id: &'a str) -> ApiFuture<'a, DeliveryTest>;
    /// `getMaxSources`: the new dialogs of the last `days` by the link's label.
    fn sources(&self, days: SourceDays) -> ApiFuture<'_, SourceStats>;
}

/// The query string of `getMaxSources`: the period is always sent, so the answer never
/// depends on the back end's default.
pub fn source_params(days: SourceDays) -> Vec<(&'static str, String)> {
    vec![("days", days.days().to_string())]
}

impl ChannelInsights for HttpClient {
    // A POST without a body, like the health check: the CSRF header goes along.
    fn start_delivery_test(&self) -> ApiFuture<'_, DeliveryTest> {
        Box::pin(self.fetch_json(Operation::StartMaxDeliveryTest, Vec::new()))
    }

    fn delivery_test<'a>(&'a self, id: &'a str) -> ApiFuture<'a, DeliveryTest> {
        Box::pin(self.fetch_json_by_id(Operation::GetMaxDeliveryTest, id))
    }

    fn sources(&self, days: SourceDays) -> ApiFuture<'_, SourceStats> {
        Box::pin(self.fetch_json(Operation::GetMaxSources, source_params(days)))
    }
}
