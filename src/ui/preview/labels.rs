//! What the panel calls each of its choices, and the one line that sums the state up when
//! the panel is folded: «Канал подключён · 500 — ошибка сервера при сохранении».

use max_channel_contract::Operation;

use crate::api::demo::{DemoFault, FaultTarget, Preset, Scenario, TokenAnswer, WeekMoment};
use crate::i18n::{Msg, Tr};

pub fn data_label(data: Preset) -> Msg {
    match data {
        Preset::NotConnected => Msg::DataNotConnected,
        Preset::Connected => Msg::DataConnected,
        Preset::TokenRevoked => Msg::DataNeedsAttention,
        Preset::NoChatBots => Msg::DataNoChatBots,
        Preset::HealthWarning => Msg::DataHealthWarning,
        Preset::HealthFailing => Msg::DataHealthFailing,
        Preset::HealthUnknown => Msg::DataHealthUnknown,
        Preset::SubscriptionLost => Msg::DataSubscriptionLost,
        Preset::LongHistory => Msg::DataLongHistory,
        Preset::OtherZone => Msg::DataOtherZone,
        Preset::DeliveryReceived => Msg::DataDeliveryReceived,
        Preset::DeliveryReplyFailed => Msg::DataDeliveryReplyFailed,
        Preset::DeliveryExpires => Msg::DataDeliveryExpires,
        Preset::Sources => Msg::DataSources,
        Preset::NoDialogs => Msg::DataNoDialogs,
    }
}

pub fn fault_label(fault: DemoFault) -> Msg {
    match fault {
        DemoFault::Unauthorized => Msg::Fault401,
        DemoFault::Forbidden => Msg::Fault403,
        DemoFault::Internal => Msg::Fault500,
        DemoFault::BadGateway => Msg::Fault502,
        DemoFault::RateLimited => Msg::Fault429,
        DemoFault::Network => Msg::FaultNetwork,
        DemoFault::Timeout => Msg::FaultTimeout,
        DemoFault::Unexpected => Msg::FaultUnexpected,
        DemoFault::MaxUnavailable => Msg::FaultMaxUnavailable,
        DemoFault::VersionConflict => Msg::FaultConflict,
    }
}

/// The calls an error can be set on, in the panel's order: the two broad ones, then every
/// operation of the contract.
pub fn targets() -> impl Iterator<Item = FaultTarget> {
    [FaultTarget::Every, FaultTarget::NextAction].into_iter().chain(Operation::ALL.map(FaultTarget::Only))
}

/// «при сохранении», «при любом запросе».
pub fn target_label(target: FaultTarget) -> Msg {
    use Operation::*;
    match target {
        FaultTarget::Every => Msg::TargetEvery,
        FaultTarget::NextAction => Msg::TargetNext,
        FaultTarget::Only(op) => match op {
            ListChannelGroups => Msg::TargetChannelGroups,
            GetMaxChannel => Msg::TargetChannel,
            VerifyMaxToken => Msg::TargetVerify,
            GetMaxSettings => Msg::TargetSettings,
            PutMaxSettings => Msg::TargetSave,
            DisconnectMax => Msg::TargetDisconnect,
            ListEmployees => Msg::TargetEmployees,
            ListGroups => Msg::TargetGroups,
            ListChatBots => Msg::TargetChatBots,
            GetMaxHealth => Msg::TargetHealth,
            CheckMaxHealth => Msg::TargetCheck,
            RepairMaxHealth => Msg::TargetRepair,
            GetSchedule => Msg::TargetSchedule,
            ListMaxSettingsHistory => Msg::TargetHistory,
            StartMaxDeliveryTest => Msg::TargetDeliveryStart,
            GetMaxDeliveryTest => Msg::TargetDeliveryPoll,
            GetMaxSources => Msg::TargetSources,
        },
    }
}

pub fn token_label(answer: TokenAnswer) -> Msg {
    match answer {
        TokenAnswer::Valid => Msg::TokenValid,
        TokenAnswer::Refused => Msg::TokenRefused,
        TokenAnswer::MaxUnavailable => Msg::TokenMaxUnavailable,
        TokenAnswer::RateLimited => Msg::TokenRateLimited,
    }
}

/// «Сб 19:30».
pub fn moment_text(tr: Tr, moment: WeekMoment) -> String {
    let day = tr.t(Msg::WeekdaysShort).split('|').nth(usize::from(moment.weekday)).unwrap_or_default();
    format!("{day} {:02}:{:02}", moment.minute / 60, moment.minute % 60)
}

/// The folded panel's line: the account, then only what differs from a plain preview.
pub fn summary(tr: Tr, scenario: &Scenario) -> String {
    let mut parts = vec![tr.t(data_label(scenario.data)).to_owned()];
    if let Some(rule) = scenario.fault {
        let mut error = format!("{} {}", tr.t(fault_label(rule.fault)), tr.t(target_label(rule.on)));
        if rule.once {
            error = format!("{error}, {}", tr.t(Msg::PreviewOnceShort));
        }
        parts.push(error);
    }
    if scenario.token != TokenAnswer::Valid {
        parts.push(tr.t(token_label(scenario.token)).to_owned());
    }
    if let Some(moment) = scenario.clock {
        parts.push(tr.f(Msg::PreviewClockShort, &[("moment", &moment_text(tr, moment))]));
    }
    let flags = [
        (scenario.slow, Msg::PreviewSlowShort),
        (scenario.hold, Msg::PreviewHoldShort),
        (scenario.check, Msg::PreviewCheckShort),
    ];
    for (on, msg) in flags {
        if on {
            parts.push(tr.t(msg).to_owned());
        }
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::demo::FaultRule;
    use crate::i18n::Locale;

    #[test]
    fn every_choice_has_its_own_name() {
        for locale in Locale::ALL {
            let tr = Tr(locale);
            let names: std::collections::HashSet<&str> = Preset::ALL.into_iter().map(|p| tr.t(data_label(p))).collect();
            assert_eq!(names.len(), Preset::ALL.len(), "{locale}");
            let names: std::collections::HashSet<&str> = targets().map(|t| tr.t(target_label(t))).collect();
            assert_eq!(names.len(), Operation::ALL.len() + 2, "{locale}");
            let names: std::collections::HashSet<&str> = TokenAnswer::ALL.map(|t| tr.t(token_label(t))).into();
            assert_eq!(names.len(), TokenAnswer::ALL.len(), "{locale}");
        }
    }

    #[test]
    fn the_folded_panel_sums_up_the_state() {
        let ru = Tr(Locale::Ru);
        let plain = Scenario { data: Preset::Connected, ..Scenario::default() };
        assert_eq!(summary(ru, &plain), "Канал подключён");
        let on_save =
            FaultRule { fault: DemoFault::Internal, on: FaultTarget::Only(Operation::PutMaxSettings), once: true };
        let busy = Scenario {
            fault: Some(on_save),
            token: TokenAnswer::Refused,
            clock: Some(WeekMoment { weekday: 5, minute: 19 * 60 + 30 }),
            slow: true,
            ..plain
        };
        assert_eq!(
            summary(ru, &busy),
            "Канал подключён · 500 — ошибка сервера при сохранении, один раз · Токен отклонён · \
             часы: Сб 19:30 · медленная сеть"
        );
        assert_eq!(summary(Tr(Locale::En), &Scenario { hold: true, ..plain }), "Channel connected · loading held");
    }
}
