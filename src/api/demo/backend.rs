//! The [`Backend`] of preview mode: every operation through the scenario's knobs
//! ([`DemoBackend::answer`]), and the slow token's wait.

use std::sync::atomic::Ordering;

use max_channel_contract::*;
use max_channel_fake::{max, HealthCall};

use super::clock::sleep;
use super::{DemoBackend, SLOW_MS};
use crate::api::{ApiFuture, Backend, Loaded, Precondition};

/// Whether the fake MAX takes its time over this token (`slow…`), as the dev back end's
/// does, so the progress of a check can be seen.
fn slow_token(token: Option<&str>) -> bool {
    token.and_then(|t| check_token(t).ok()).is_some_and(max::is_slow)
}

impl Backend for DemoBackend {
    fn channel_groups(&self) -> ApiFuture<'_, ChannelGroups> {
        self.answer(Operation::ListChannelGroups, || Ok(self.channel_groups_now()))
    }

    fn max_channel(&self) -> ApiFuture<'_, MaxChannel> {
        self.answer(Operation::GetMaxChannel, || Ok(self.max_channel_now()))
    }

    fn settings(&self) -> ApiFuture<'_, Option<Loaded>> {
        self.answer(Operation::GetMaxSettings, || self.settings_now())
    }

    fn verify_token<'a>(&'a self, token: &'a str) -> ApiFuture<'a, BotInfo> {
        Box::pin(async move {
            self.call(Operation::VerifyMaxToken).await?;
            if slow_token(Some(token)) {
                sleep(SLOW_MS).await;
            }
            self.verify_now(token)
        })
    }

    fn save_settings<'a>(&'a self, write: &'a SettingsWrite, precondition: &'a Precondition) -> ApiFuture<'a, Loaded> {
        Box::pin(async move {
            self.call(Operation::PutMaxSettings).await?;
            if slow_token(write.token.as_deref()) {
                sleep(SLOW_MS).await;
            }
            self.save_now(write, precondition)
        })
    }

    fn disconnect(&self) -> ApiFuture<'_, ()> {
        self.answer(Operation::DisconnectMax, || {
            self.disconnect_now();
            Ok(())
        })
    }

    fn employees<'a>(&'a self, query: &'a EmployeeQuery) -> ApiFuture<'a, EmployeePage> {
        self.answer(Operation::ListEmployees, || self.employees_now(query))
    }

    fn groups(&self) -> ApiFuture<'_, GroupList> {
        self.answer(Operation::ListGroups, || Ok(self.groups_now()))
    }

    fn chat_bots(&self) -> ApiFuture<'_, ChatBotList> {
        self.answer(Operation::ListChatBots, || Ok(self.chat_bots_now()))
    }

    fn health(&self) -> ApiFuture<'_, ChannelHealth> {
        self.answer(Operation::GetMaxHealth, || self.health_now(HealthCall::Get))
    }

    fn check_health(&self) -> ApiFuture<'_, ChannelHealth> {
        self.answer(Operation::CheckMaxHealth, || self.health_now(HealthCall::Check))
    }

    fn repair_health(&self) -> ApiFuture<'_, ChannelHealth> {
        self.answer(Operation::RepairMaxHealth, || self.health_now(HealthCall::Repair))
    }

    fn schedule(&self) -> ApiFuture<'_, WorkSchedule> {
        self.answer(Operation::GetSchedule, || Ok(self.schedule_now()))
    }

    fn history<'a>(&'a self, query: &'a HistoryQuery) -> ApiFuture<'a, HistoryPage> {
        self.answer(Operation::ListMaxSettingsHistory, || self.history_now(query))
    }

    /// The fixed moment's distance from the real clock: the pages' «now» is the fake's.
    fn server_clock_offset_ms(&self) -> f64 {
        self.offset_ms.load(Ordering::Relaxed) as f64
    }
}
