//! The settings form's properties against the contract's own rules (proptest).

use super::*;
use crate::domain::{parse_whole, NumberError};
use max_channel_contract::arbitrary::{any_settings, any_string, regex, valid_settings};
use proptest::collection::vec;
use proptest::prelude::*;

/// 10 000 cases each by default; `PROPTEST_CASES` may raise it.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).map_or(10_000, |n: u32| n.max(10_000))
}

/// `(path, code)` pairs, sorted, to compare error lists whatever their order. The code by
/// its `Debug` form, so that `Other("out_of_range")` is not taken for `OutOfRange`: the
/// two read the same in JSON, but the control shows a different message for each.
fn pairs(errors: &[FieldError]) -> Vec<(String, String)> {
    let mut out: Vec<_> = errors.iter().map(|e| (e.path.clone(), format!("{:?}", e.code))).collect();
    out.sort();
    out
}

/// Every number control of a form, with its path, base unit and offered units.
fn numbers(form: &mut SettingsForm) -> Vec<(FieldPath, &mut DurationInput, Unit, &'static [Unit])> {
    let mut out = Vec::new();
    let nwh_rows = !form.non_working.chat_bot_on && form.non_working.replies_on;
    let lists = [
        (ReplyList::Working, &mut form.replies, true),
        (ReplyList::NonWorking, &mut form.non_working.replies, nwh_rows),
    ];
    for (list, rows, shown) in lists {
        if !shown {
            continue;
        }
        for (i, row) in rows.iter_mut().enumerate() {
            out.push((list.row(i, ReplyField::Delay), &mut row.delay, Unit::Seconds, &DELAY_UNITS[..]));
            if row.repeat_every {
                let path = list.row(i, ReplyField::RepeatInterval);
                out.push((path, &mut row.interval, Unit::Seconds, &INTERVAL_UNITS[..]));
            }
        }
    }
    if form.auto_close.preset.is_none() {
        out.push((FieldPath::AutoCloseAfter, &mut form.auto_close.custom, Unit::Minutes, &PERIOD_UNITS[..]));
    }
    out
}

/// What a form means in the contract's terms, restated here apart from `build`: the
/// settings (a number that does not parse stands as `i64::MIN`, which no typed text can
/// give and every range refuses) and the numbers that did not parse.
fn meant(form: &SettingsForm) -> (Settings, Vec<FieldError>) {
    fn value(failed: &mut Vec<FieldError>, path: FieldPath, input: &DurationInput, base: Unit) -> i64 {
        let amount = parse_whole(&input.text)
            .and_then(|n| n.checked_mul(input.unit.seconds()).map(|s| s / base.seconds()).ok_or(NumberError::TooLarge));
        amount.unwrap_or_else(|e| {
            failed.push(field_error(path.to_string(), e.code()));
            i64::MIN
        })
    }
    fn rows(failed: &mut Vec<FieldError>, list: ReplyList, rows: &[ReplyForm]) -> Vec<AutoReply> {
        let mut out = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let delay_seconds = value(failed, list.row(i, ReplyField::Delay), &r.delay, Unit::Seconds);
            let repeat = if r.repeat_every {
                let path = list.row(i, ReplyField::RepeatInterval);
                Repeat::Every { interval_seconds: value(failed, path, &r.interval, Unit::Seconds) }
            } else {
                Repeat::Once
            };
            out.push(AutoReply { delay_seconds, text: r.text.clone(), repeat });
        }
        out
    }
    let mut failed = Vec::new();
    let auto_replies = rows(&mut failed, ReplyList::Working, &form.replies);
    let nw = &form.non_working;
    let non_working_hours = if nw.chat_bot_on {
        NonWorkingHours::ChatBot { chat_bot_id: nw.chat_bot_id.clone() }
    } else if nw.replies_on {
        NonWorkingHours::AutoReplies { auto_replies: rows(&mut failed, ReplyList::NonWorking, &nw.replies) }
    } else {
        NonWorkingHours::Off
    };
    let r = &form.routing;
    let routing = match r.kind {
        RoutingKind::Employee => Routing::Employee { employee_id: r.employee_id.clone() },
        RoutingKind::Group => Routing::Group { group_id: r.group_id.clone() },
        RoutingKind::ChatBot => Routing::ChatBot {
            chat_bot_id: r.chat_bot_id.clone(),
            fallback: match r.fallback {
                None => None,
                Some(FallbackKind::Employee) => Some(Target::Employee { employee_id: r.fallback_employee_id.clone() }),
                Some(FallbackKind::Group) => Some(Target::Group { group_id: r.fallback_group_id.clone() }),
            },
        },
    };
    let after_minutes = match form.auto_close.preset {
        Some(m) => m,
        None => value(&mut failed, FieldPath::AutoCloseAfter, &form.auto_close.custom, Unit::Minutes),
    };
    let settings = Settings {
        routing,
        auto_replies,
        closing_message: ClosingMessage { enabled: form.closing_enabled, text: form.closing_text.clone() },
        non_working_hours,
        auto_close: AutoClose { enabled: form.auto_close.enabled, after_minutes },
    };
    (settings, failed)
}

/// The same value typed another way a person might: padded with spaces, with leading
/// zeros, with the Unicode minus, or in a smaller offered unit.
fn retype(input: &mut DurationInput, base: Unit, units: &[Unit], how: u8) {
    match how % 5 {
        1 => input.text = format!("  {} ", input.text),
        2 if !input.text.starts_with('-') => input.text = format!("00{}", input.text),
        3 => input.text = input.text.replacen('-', "−", 1),
        4 => {
            let smaller = units.iter().copied().filter(|u| u.seconds() >= base.seconds()).min_by_key(|u| u.seconds());
            if let (Some(unit), Ok(n)) = (smaller, parse_whole(&input.text)) {
                let factor = input.unit.seconds() / unit.seconds();
                if let Some(n) = n.checked_mul(factor).filter(|_| factor >= 1) {
                    *input = DurationInput { text: n.to_string(), unit };
                }
            }
        }
        _ => {}
    }
}

/// Texts people type into a number control, and worse.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => regex("[0-9]{1,6}"),
        2 => regex("[-−]?[0-9]{1,3}"),
        1 => regex(" {0,2}[0-9]{1,4} {0,2}"),
        1 => regex("[0-9]{1,3}[  \u{202f}][0-9]{3}"),
        1 => regex("[0-9]{1,3}[.,][0-9]{1,2}"),
        1 => regex("[0-9]{19,22}"),
        1 => Just(String::new()),
        2 => any_string(6),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Every valid `Settings` survives contract → form → contract unchanged, with and
    /// without the «Чат-боты» service, and showing it again gives the same form.
    #[test]
    fn valid_settings_round_trip(
        (chat_bots, settings) in any::<bool>().prop_flat_map(|cb| (Just(cb), valid_settings(cb))),
    ) {
        let form = SettingsForm::from_settings(&settings);
        prop_assert_eq!(form.to_settings(chat_bots), Ok(settings.clone()));
        prop_assert_eq!(SettingsForm::from_settings(&settings), form);
    }

    /// For any settings, valid or not, the form made of them (numbers retyped the way
    /// people type them) and the contract find the same errors at the same paths, and a
    /// form the form accepts is exactly the settings.
    #[test]
    fn the_form_and_the_contract_agree_on_any_settings(
        settings in any_settings(),
        chat_bots in any::<bool>(),
        how in vec(any::<u8>(), 1..8),
    ) {
        let mut form = SettingsForm::from_settings(&settings);
        for (n, (_, input, base, units)) in numbers(&mut form).into_iter().enumerate() {
            retype(input, base, units, how[n % how.len()]);
        }
        let contract = validate_settings(&settings, chat_bots);
        match form.to_settings(chat_bots) {
            Ok(back) => {
                prop_assert!(contract.is_empty(), "the form accepts what the contract refuses: {:?}", contract);
                prop_assert_eq!(back, settings);
            }
            Err(errors) => {
                prop_assert!(!contract.is_empty(), "the form refuses what the contract accepts: {:?}", errors);
                prop_assert_eq!(pairs(&errors), pairs(&contract));
                let mut sorted = errors.clone();
                sorted.sort_by_key(|e| field_order(&e.path));
                prop_assert_eq!(sorted, errors, "errors come in the form's order");
            }
        }
    }

    /// Whatever is typed into the number controls, and whichever switches are on: a
    /// number that does not parse has its own error at its path, every other control has
    /// the contract's verdict on what the form means, and a form accepted is accepted by
    /// the contract too.
    #[test]
    fn typed_numbers_and_switches_are_judged_as_the_contract_would(
        settings in any_settings(),
        typed in vec(number_text(), 1..6),
        units in vec(0usize..3, 1..6),
        (kind, fallback, chat_bot_on, replies_on, preset) in (0..3u8, 0..3u8, any::<bool>(), any::<bool>(), 0..10usize),
        chat_bots in any::<bool>(),
    ) {
        let mut form = SettingsForm::from_settings(&settings);
        form.routing.kind = [RoutingKind::Employee, RoutingKind::Group, RoutingKind::ChatBot][usize::from(kind)];
        form.routing.fallback = [None, Some(FallbackKind::Employee), Some(FallbackKind::Group)][usize::from(fallback)];
        form.non_working.chat_bot_on = chat_bot_on;
        form.non_working.replies_on = replies_on;
        form.auto_close.preset = AUTO_CLOSE_PRESETS.get(preset).copied();
        for (n, (_, input, _, offered)) in numbers(&mut form).into_iter().enumerate() {
            input.text = typed[n % typed.len()].clone();
            input.unit = offered[units[n % units.len()] % offered.len()];
        }
        let (meant, failed) = meant(&form);
        let failed_paths: Vec<&str> = failed.iter().map(|e| e.path.as_str()).collect();
        let mut expected = failed.clone();
        expected.extend(
            validate_settings(&meant, chat_bots).into_iter().filter(|e| !failed_paths.contains(&e.path.as_str())),
        );
        match form.to_settings(chat_bots) {
            Ok(back) => {
                prop_assert!(expected.is_empty(), "accepted, but {:?}", expected);
                prop_assert!(validate_settings(&back, chat_bots).is_empty());
                prop_assert_eq!(back, meant);
            }
            Err(errors) => prop_assert_eq!(pairs(&errors), pairs(&expected)),
        }
    }
}
