//! Contract 1.2 in preview mode: «Проверка связи» and «Откуда пишут клиенты», answered by
//! the fake as the dev back end answers them. The scripted customer of a scenario
//! (`delivery_received`, `delivery_reply_failed`) acts on the fake's clock, so a test
//! started in the browser is received a few seconds later, when the page asks again.

use max_channel_contract::{DeliveryTest, Operation, SourceDays, SourceStats, DELIVERY_TEST_SECONDS};

use super::{refused, ApiError, DemoBackend};
use crate::api::{ApiFuture, ChannelInsights};

impl ChannelInsights for DemoBackend {
    fn start_delivery_test(&self) -> ApiFuture<'_, DeliveryTest> {
        self.answer(Operation::StartMaxDeliveryTest, || self.start_delivery_test_now())
    }

    fn delivery_test<'a>(&'a self, id: &'a str) -> ApiFuture<'a, DeliveryTest> {
        self.answer(Operation::GetMaxDeliveryTest, || self.delivery_test_now(id))
    }

    fn sources(&self, days: SourceDays) -> ApiFuture<'_, SourceStats> {
        self.answer(Operation::GetMaxSources, move || self.sources_now(days))
    }
}

impl DemoBackend {
    /// `startMaxDeliveryTest`: 404 while not connected, 429 when started again too soon.
    pub fn start_delivery_test_now(&self) -> Result<DeliveryTest, ApiError> {
        self.inner().fake.start_delivery_test().map_err(refused)
    }

    /// `getMaxDeliveryTest`: 404 for an id the fake does not know.
    pub fn delivery_test_now(&self, id: &str) -> Result<DeliveryTest, ApiError> {
        self.inner().fake.delivery_test(id).map_err(refused)
    }

    /// `getMaxSources`: 404 while the channel has never been connected.
    pub fn sources_now(&self, days: SourceDays) -> Result<SourceStats, ApiError> {
        self.inner().fake.sources(days).map_err(refused)
    }

    /// How long a test waits, in seconds: the contract's ten minutes, or less where the
    /// scenario compresses time (`delivery_expires`), which the panel then says.
    pub fn delivery_test_seconds(&self) -> i64 {
        self.inner().fake.delivery_test_seconds()
    }

    /// The wait of a test when the scenario compresses it, else `None`.
    pub fn compressed_wait_seconds(&self) -> Option<i64> {
        Some(self.delivery_test_seconds()).filter(|&s| s != DELIVERY_TEST_SECONDS)
    }
}
