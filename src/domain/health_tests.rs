use max_channel_contract::*;

use super::*;

const NOW: &str = "2026-12-01T09:30:00+03:00";

fn healthy() -> ChannelHealth {
    ChannelHealth {
        checked_at: NOW.into(),
        overall: HealthStatus::Ok,
        token: TokenHealth { status: HealthStatus::Ok, reason: None },
        subscription: SubscriptionHealth {
            status: SubscriptionStatus::Active,
            url: Some("https://dialogs.example/max/webhook".into()),
            update_types: NEEDED_UPDATE_TYPES.iter().map(|t| (*t).to_owned()).collect(),
            missing_types: vec![],
            since: Some("2026-11-20T10:00:00+03:00".into()),
        },
        delivery: DeliveryHealth {
            last_inbound_at: Some("2026-12-01T09:25:00+03:00".into()),
            failing_since: None,
            last_error: None,
            last_outage: None,
        },
    }
}

/// MAX removed the subscription after 8 hours of failures (the contract's example).
fn lost() -> ChannelHealth {
    let mut health = healthy();
    health.overall = HealthStatus::Failing;
    health.subscription = SubscriptionHealth {
        status: SubscriptionStatus::Missing,
        url: None,
        update_types: vec![],
        missing_types: SubscriptionHealth::missing_of(&[]),
        since: None,
    };
    health.delivery = DeliveryHealth {
        last_inbound_at: Some("2026-11-30T22:14:05+03:00".into()),
        failing_since: Some("2026-11-30T22:20:00+03:00".into()),
        last_error: Some(DeliveryError {
            at: "2026-12-01T06:19:00+03:00".into(),
            message: "MAX удалил подписку после 8 часов неудачных доставок".into(),
        }),
        last_outage: None,
    };
    health
}

fn rows_of(health: &ChannelHealth) -> Vec<HealthRow> {
    let moscow = |_| 180;
    let clock = ViewerClock { now: unix_of(NOW).unwrap_or_default(), offset_at: &moscow };
    health_rows(health, Locale::Ru, &clock)
}

fn texts(rows: &[HealthRow]) -> Vec<(&'static str, &str)> {
    rows.iter().map(|row| (row.label.text(Locale::Ru), row.text.as_str())).collect()
}

#[test]
fn a_healthy_channel_reads_in_words() {
    let rows = rows_of(&healthy());
    assert_eq!(
        texts(&rows),
        [
            ("Токен", "действует"),
            ("Подписка на события", "активна с 20 ноября"),
            ("Последнее обращение", "5 минут назад"),
        ]
    );
    assert!(cures(&rows).is_empty());
    assert_eq!(overall_line(&healthy()), (Msg::HealthOk, Tone::Ok));
    assert_eq!(Msg::HealthOk.text(Locale::Ru), "Обращения из MAX поступают");
}

#[test]
fn a_lost_subscription_names_the_removal_the_failures_and_the_repair() {
    let rows = rows_of(&lost());
    assert_eq!(
        texts(&rows),
        [
            ("Токен", "действует"),
            ("Подписка на события", "отсутствует — MAX удалил её"),
            ("Последнее обращение", "вчера в 22:14"),
            ("Доставка", "ошибки с 22:20 вчера: MAX удалил подписку после 8 часов неудачных доставок"),
        ]
    );
    assert_eq!(rows[1].tone, Tone::Failing);
    assert_eq!(rows[3].tone, Tone::Failing);
    assert_eq!(cures(&rows), [Cure::Repair]);
}

#[test]
fn every_subscription_status_has_its_words_and_only_active_needs_no_repair() {
    let cases = [
        (SubscriptionStatus::Active, "активна с 20 ноября", None),
        (SubscriptionStatus::Missing, "отсутствует — MAX удалил её", Some(Cure::Repair)),
        (
            SubscriptionStatus::WrongUrl,
            "указывает на другой адрес: https://dialogs.example/max/webhook",
            Some(Cure::Repair),
        ),
        (
            SubscriptionStatus::MissingTypes,
            "не хватает событий: запуск бота, нажатия кнопок, poll_answer",
            Some(Cure::Repair),
        ),
        (SubscriptionStatus::Unknown, "не удалось проверить", Some(Cure::Repair)),
        (SubscriptionStatus::Other("paused".into()), "не удалось проверить", Some(Cure::Repair)),
    ];
    for (status, text, cure) in cases {
        let mut health = healthy();
        health.subscription.status = status.clone();
        health.subscription.missing_types = vec!["bot_started".into(), "message_callback".into(), "poll_answer".into()];
        let rows = rows_of(&health);
        assert_eq!(rows[1].text, text, "{status}");
        assert_eq!(rows[1].cure, cure, "{status}");
    }
}

#[test]
fn a_refused_token_offers_its_replacement() {
    for (reason, text) in [
        (Some(StateReason::TokenRevoked), "MAX не принимает токен"),
        (None, "MAX не принимает токен"),
        (Some(StateReason::BotBlocked), "MAX заблокировал бота"),
    ] {
        let mut health = healthy();
        health.overall = HealthStatus::Failing;
        health.token = TokenHealth { status: HealthStatus::Failing, reason: reason.clone() };
        let rows = rows_of(&health);
        assert_eq!(rows[0].text, text);
        assert_eq!(cures(&rows), [Cure::ReplaceToken], "{reason:?}");
        assert_eq!(badge_with_health(&ChannelState::Connected, None, Some(&health)).0, ChannelState::Error);
    }
    let mut unknown = healthy();
    unknown.token.status = HealthStatus::Unknown;
    assert_eq!(rows_of(&unknown)[0].text, "не удалось проверить");
}

#[test]
fn no_inbound_yet_and_a_warning_delivery() {
    let mut health = healthy();
    health.overall = HealthStatus::Warning;
    health.delivery = DeliveryHealth {
        last_inbound_at: None,
        failing_since: Some("2026-12-01T09:00:00+03:00".into()),
        last_error: None,
        last_outage: None,
    };
    let rows = rows_of(&health);
    assert_eq!(rows[2].text, "пока не было");
    assert_eq!((rows[3].text.as_str(), rows[3].tone), ("ошибки с 09:00 сегодня", Tone::Warning));
}

/// A health with `overall` and, or not, a first inbound update.
fn overall_of(overall: HealthStatus, inbound: bool) -> ChannelHealth {
    let mut health = healthy();
    health.overall = overall;
    if !inbound {
        health.delivery.last_inbound_at = None;
    }
    health
}

#[test]
fn every_overall_status_has_its_own_line_and_ok_claims_arrivals_only_after_one() {
    let table = [
        (HealthStatus::Ok, true, "Обращения из MAX поступают"),
        (HealthStatus::Ok, false, "Канал готов принимать обращения"),
        (HealthStatus::Warning, true, "Канал работает, но требует внимания"),
        (HealthStatus::Warning, false, "Канал работает, но требует внимания"),
        (HealthStatus::Failing, false, "Обращения из MAX не поступают"),
        (HealthStatus::Unknown, true, "Не удалось проверить: MAX не ответил"),
    ];
    for (overall, inbound, line) in table {
        let (msg, tone) = overall_line(&overall_of(overall.clone(), inbound));
        assert_eq!((msg.text(Locale::Ru), tone), (line, Tone::of(&overall)), "{overall:?}, inbound {inbound}");
    }
    assert_eq!(overall_line(&overall_of(HealthStatus::Other("degraded".into()), true)).1, Tone::Unknown);
}

/// The health with `last_outage` from `from` to `to`, read at `now` (Moscow time, UTC+3).
fn outage_at(from: &str, to: Option<&str>, now: &str) -> Option<(String, Tone)> {
    let mut health = healthy();
    health.delivery.last_outage = Some(Outage { from: from.into(), to: to.map(Into::into) });
    let moscow = |_| 180;
    let clock = ViewerClock { now: unix_of(now).unwrap_or_default(), offset_at: &moscow };
    outage_line(&health, Locale::Ru, &clock)
}

#[test]
fn an_outage_is_told_with_its_consequence_while_it_lasts_and_seven_days_after() {
    let from = "2026-11-30T13:38:00+03:00";
    let ended = "2026-11-30T21:48:00+03:00";
    // From, to, read at, what is told.
    type Case<'a> = (&'a str, Option<&'a str>, &'a str, Option<(&'a str, Tone)>);
    let table: [Case<'_>; 7] = [
        // Going on: since when, failing.
        (
            from,
            None,
            "2026-11-30T15:00:00+03:00",
            Some(("Сообщения клиентов не доходят до Манго Диалогов с 13:38 сегодня.", Tone::Failing)),
        ),
        // Ended, read the next morning, then a week later to the second, then a second after.
        (
            from,
            Some(ended),
            NOW,
            Some(("Сообщения клиентов с 13:38 до 21:48 30 ноября не дошли до Манго Диалогов.", Tone::Warning)),
        ),
        (
            from,
            Some(ended),
            "2026-12-07T21:48:00+03:00",
            Some(("Сообщения клиентов с 13:38 до 21:48 30 ноября не дошли до Манго Диалогов.", Tone::Warning)),
        ),
        (from, Some(ended), "2026-12-07T21:48:01+03:00", None),
        // Over midnight: both days named.
        (
            "2026-11-30T22:20:00+03:00",
            Some("2026-12-01T06:19:00+03:00"),
            NOW,
            Some((
                "Сообщения клиентов с 22:20 30 ноября до 06:19 1 декабря не дошли до Манго Диалогов.",
                Tone::Warning,
            )),
        ),
        (
            "2026-11-28T22:20:00+03:00",
            Some("2026-11-29T06:19:00+03:00"),
            NOW,
            Some((
                "Сообщения клиентов с 22:20 28 ноября до 06:19 29 ноября не дошли до Манго Диалогов.",
                Tone::Warning,
            )),
        ),
        // Not a moment: nothing rather than a wrong sentence.
        ("yesterday", None, NOW, None),
    ];
    for (from, to, now, expected) in table {
        let told = outage_at(from, to, now);
        assert_eq!(told.as_ref().map(|(text, tone)| (text.as_str(), *tone)), expected, "{from} – {to:?} at {now}");
    }
    assert_eq!(rows_and_outage_of_healthy(), None, "no outage, nothing said");
    // It is the card's last row.
    let mut health = healthy();
    health.delivery.last_outage = Some(Outage { from: from.into(), to: Some(ended.into()) });
    let rows = rows_of(&health);
    let last = rows.last().map(|row| (row.label.text(Locale::Ru), row.tone));
    assert_eq!(last, Some(("Перерыв в доставке", Tone::Warning)));
    assert_eq!(rows.len(), 4);
}

fn rows_and_outage_of_healthy() -> Option<(String, Tone)> {
    let moscow = |_| 180;
    let clock = ViewerClock { now: unix_of(NOW).unwrap_or_default(), offset_at: &moscow };
    outage_line(&healthy(), Locale::Ru, &clock)
}

#[test]
fn an_outage_reads_in_english_too() {
    let mut health = healthy();
    let outage = Outage { from: "2026-11-28T22:20:00+03:00".into(), to: Some("2026-11-28T23:00:00+03:00".into()) };
    health.delivery.last_outage = Some(outage);
    let moscow = |_| 180;
    let clock = ViewerClock { now: unix_of(NOW).unwrap_or_default(), offset_at: &moscow };
    let text = outage_line(&health, Locale::En, &clock).map(|(text, _)| text);
    let expected = "Customers' messages from 22:20 to 23:00 on 28 November did not reach Mango Dialogs.";
    assert_eq!(text.as_deref(), Some(expected));
}

#[test]
fn the_badge_follows_a_known_health_of_a_set_up_channel() {
    use ChannelState as S;
    let mut wrong_url = lost();
    wrong_url.subscription.status = SubscriptionStatus::WrongUrl;
    let mut unknown = healthy();
    unknown.overall = HealthStatus::Unknown;
    let mut warning = healthy();
    warning.overall = HealthStatus::Warning;
    let lost_reason = Some(&StateReason::SubscriptionLost);
    type Case<'a> = (S, Option<&'a StateReason>, Option<&'a ChannelHealth>, (S, Option<Msg>));
    let cases: [Case<'_>; 10] = [
        (S::Connected, None, None, (S::Connected, None)),
        (S::Connected, None, Some(&healthy()), (S::Connected, None)),
        (S::Connected, None, Some(&lost()), (S::Error, Some(Msg::ReasonSubscriptionLost))),
        (S::Connected, None, Some(&wrong_url), (S::Error, Some(Msg::ReasonSubscriptionWrongUrl))),
        (S::Connected, None, Some(&warning), (S::Connected, None)),
        (S::Connected, None, Some(&unknown), (S::Connected, None)),
        // A repaired channel is «Подключён» again before its state is loaded again.
        (S::Error, lost_reason, Some(&healthy()), (S::Connected, None)),
        (S::Error, lost_reason, Some(&unknown), (S::Error, Some(Msg::ReasonSubscriptionLost))),
        (S::Error, None, None, (S::Error, Some(Msg::ReasonUnknown))),
        // Not connected: nothing to check, whatever an old health said.
        (S::NotConnected, None, Some(&lost()), (S::NotConnected, None)),
    ];
    for (state, reason, health, expected) in cases {
        assert_eq!(
            badge_with_health(&state, reason, health),
            expected,
            "{state} {reason:?} {:?}",
            health.map(|h| &h.overall)
        );
    }
    let mut delivery_only = healthy();
    delivery_only.overall = HealthStatus::Failing;
    assert_eq!(badge_with_health(&S::Connected, None, Some(&delivery_only)).1, Some(Msg::ReasonDeliveryFailing));
}
