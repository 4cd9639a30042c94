use max_channel_contract::{AutoClose, ClosingMessage};
use max_channel_fake::samples;

use super::*;
use crate::i18n::Locale;

const TR: Tr = Tr(Locale::Ru);

fn group(id: &str) -> Option<String> {
    match id {
        "g-sales" => Some("Отдел продаж".into()),
        "g-support" => Some("Техподдержка".into()),
        _ => None,
    }
}

fn chat_bot(id: &str) -> Option<String> {
    (id == "cb-1").then(|| "Помощник".into())
}

fn employee(id: &str) -> Option<String> {
    (id == "e-101").then(|| "Иванова Мария".into())
}

const NAMES: Names<'static> = Names { group: &group, chat_bot: &chat_bot, employee: &employee };

fn reply(delay_seconds: i64, text: &str, repeat: Repeat) -> AutoReply {
    AutoReply { delay_seconds, text: text.into(), repeat }
}

fn diff(before: &Settings, change: impl FnOnce(&mut Settings)) -> Vec<String> {
    let mut after = before.clone();
    change(&mut after);
    changes(TR, &NAMES, before, &after)
}

/// A change to make and the lines it must read as.
type Case = (Box<dyn FnOnce(&mut Settings)>, Vec<&'static str>);

#[test]
fn each_kind_of_change_in_words() {
    let base = samples::settings();
    let every_5_min = Repeat::Every { interval_seconds: 300 };
    let cases: Vec<Case> = vec![
        (Box::new(|_| {}), vec![]),
        (
            Box::new(|s| s.routing = Routing::Group { group_id: "g-support".into() }),
            vec!["Кто принимает обращения: группа «Отдел продаж» → группа «Техподдержка»"],
        ),
        (
            Box::new(|s| s.routing = Routing::Employee { employee_id: "e-101".into() }),
            vec!["Кто принимает обращения: группа «Отдел продаж» → сотрудник Иванова Мария"],
        ),
        (
            Box::new(|s| s.routing = Routing::Employee { employee_id: "e-123".into() }),
            vec!["Кто принимает обращения: группа «Отдел продаж» → удалённый сотрудник (e-123)"],
        ),
        (
            Box::new(|s| {
                s.routing = Routing::ChatBot {
                    chat_bot_id: "cb-1".into(),
                    fallback: Some(Target::Group { group_id: "g-sales".into() }),
                }
            }),
            vec!["Кто принимает обращения: группа «Отдел продаж» → чат-бот «Помощник» (если недоступен — группа «Отдел продаж»)"],
        ),
        (
            Box::new(|s| { s.auto_replies.remove(1); }),
            vec!["Автоответ 2: удалён — «Все операторы заняты, ответим в течение 5 минут.»"],
        ),
        (
            Box::new(|s| { s.auto_replies.remove(0); }),
            vec!["Автоответ 1: удалён — «Здравствуйте! Мы получили ваше сообщение.»"],
        ),
        (
            Box::new(move |s| s.auto_replies.insert(1, reply(600, "Скоро ответим", every_5_min))),
            vec!["Автоответ 2: добавлен — через 10 минут, «Скоро ответим», раз в 5 минут"],
        ),
        (
            Box::new(|s| s.auto_replies[1].delay_seconds = 180),
            vec!["Автоответ 2: когда — через 2 минуты → через 3 минуты"],
        ),
        (
            Box::new(|s| s.auto_replies[0].text = "Добрый день!".into()),
            vec!["Автоответ 1: текст «Здравствуйте! Мы получили ваше сообщение.» → «Добрый день!»"],
        ),
        (
            Box::new(|s| s.auto_replies[1].repeat = Repeat::Once),
            vec!["Автоответ 2: периодичность — раз в 5 минут → один раз"],
        ),
        (
            Box::new(|s| s.auto_replies[0].repeat = Repeat::Every { interval_seconds: 3600 }),
            vec!["Автоответ 1: периодичность — один раз → раз в час"],
        ),
        (
            Box::new(|s| s.closing_message.enabled = false),
            vec!["Сообщение при закрытии: включено → выключено"],
        ),
        (
            Box::new(|s| s.closing_message.text = "Спасибо!".into()),
            vec!["Сообщение при закрытии: текст «Спасибо за обращение! Оцените, пожалуйста, нашу работу.» → «Спасибо!»"],
        ),
        (
            Box::new(|s| s.closing_message.text = String::new()),
            vec!["Сообщение при закрытии: текст удалён — «Спасибо за обращение! Оцените, пожалуйста, нашу работу.»"],
        ),
        (
            Box::new(|s| s.auto_replies[1].text = " ".into()),
            vec!["Автоответ 2: текст удалён — «Все операторы заняты, ответим в течение 5 минут.»"],
        ),
        (
            Box::new(|s| s.non_working_hours = NonWorkingHours::Off),
            vec!["Нерабочее время: 1 автоответ → выключено"],
        ),
        (
            Box::new(|s| s.non_working_hours = NonWorkingHours::ChatBot { chat_bot_id: "cb-1".into() }),
            vec!["Нерабочее время: 1 автоответ → чат-бот «Помощник»"],
        ),
        (
            Box::new(|s| s.non_working_hours = NonWorkingHours::AutoReplies { auto_replies: vec![] }),
            vec!["Нерабочее время, автоответ 1: удалён — «Сейчас мы не работаем. Ответим утром с 9:00.»"],
        ),
        (
            Box::new(|s| s.auto_close = AutoClose { enabled: false, after_minutes: 1440 }),
            vec!["Автозавершение: через 1 день → выключено"],
        ),
        (
            Box::new(|s| s.auto_close.after_minutes = 180),
            vec!["Автозавершение: через 1 день → через 3 часа"],
        ),
    ];
    for (i, (change, expected)) in cases.into_iter().enumerate() {
        assert_eq!(diff(&base, change), expected, "case {i}");
    }
}

#[test]
fn a_text_that_appears_is_added_never_empty_quotes() {
    let mut before = samples::settings();
    before.closing_message = ClosingMessage { enabled: false, text: String::new() };
    let lines = diff(&before, |s| s.closing_message.text = "Спасибо!".into());
    assert_eq!(lines, ["Сообщение при закрытии: текст добавлен — «Спасибо!»"]);
    assert!(lines.iter().all(|line| !line.contains("«»")));
}

#[test]
fn changes_come_in_the_forms_order_and_off_periods_are_told_apart() {
    let mut before = samples::settings();
    before.auto_close = AutoClose { enabled: false, after_minutes: 60 };
    let lines = diff(&before, |s| {
        s.auto_close.after_minutes = 120;
        s.closing_message = ClosingMessage { enabled: false, text: s.closing_message.text.clone() };
        s.routing = Routing::Group { group_id: "g-gone".into() };
    });
    assert_eq!(
        lines,
        [
            "Кто принимает обращения: группа «Отдел продаж» → удалённая группа (g-gone)",
            "Сообщение при закрытии: включено → выключено",
            "Автозавершение: выключено (через 1 час) → выключено (через 2 часа)",
        ]
    );
    let chat_bot = Settings {
        routing: Routing::ChatBot {
            chat_bot_id: "cb-1".into(),
            fallback: Some(Target::Employee { employee_id: "e-101".into() }),
        },
        ..samples::settings()
    };
    assert_eq!(
        diff(&chat_bot, |s| {
            s.routing = Routing::ChatBot {
                chat_bot_id: "cb-1".into(),
                fallback: Some(Target::Group { group_id: "g-support".into() }),
            }
        }),
        ["Если чат-бот недоступен: сотрудник Иванова Мария → группа «Техподдержка»"]
    );
}

// Native only: proptest does not build for wasm32.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// One leaf of the settings changed: the mutations a property test picks from.
    fn mutate(settings: &mut Settings, which: usize) -> bool {
        let bump = |text: &mut String| text.push('!');
        match which {
            0 => {
                settings.routing = match &settings.routing {
                    Routing::Group { .. } => Routing::Employee { employee_id: "e-101".into() },
                    _ => Routing::Group { group_id: "g-other".into() },
                }
            }
            1 => match settings.auto_replies.first_mut() {
                Some(r) => r.delay_seconds += 1,
                None => return false,
            },
            2 => match settings.auto_replies.last_mut() {
                Some(r) => bump(&mut r.text),
                None => return false,
            },
            3 => match settings.auto_replies.first_mut() {
                Some(r) => {
                    r.repeat = match r.repeat {
                        Repeat::Once => Repeat::Every { interval_seconds: 60 },
                        Repeat::Every { .. } => Repeat::Once,
                    }
                }
                None => return false,
            },
            4 => settings.closing_message.enabled = !settings.closing_message.enabled,
            5 => bump(&mut settings.closing_message.text),
            6 => settings.auto_close.enabled = !settings.auto_close.enabled,
            7 => settings.auto_close.after_minutes += 1,
            8 => settings.auto_replies.push(reply(5, "ещё", Repeat::Once)),
            _ => {
                settings.non_working_hours = match settings.non_working_hours {
                    NonWorkingHours::Off => NonWorkingHours::ChatBot { chat_bot_id: "cb-1".into() },
                    _ => NonWorkingHours::Off,
                }
            }
        }
        true
    }

    proptest! {
        #[test]
        fn a_version_against_itself_has_no_changes(settings in max_channel_contract::arbitrary::valid_settings(true)) {
            prop_assert!(changes(TR, &NAMES, &settings, &settings).is_empty());
        }

        #[test]
        fn every_single_field_change_is_exactly_one_line(
            settings in max_channel_contract::arbitrary::valid_settings(true),
            which in 0usize..10,
        ) {
            let mut after = settings.clone();
            if mutate(&mut after, which) && after != settings {
                let lines = changes(TR, &NAMES, &settings, &after);
                prop_assert_eq!(lines.len(), 1, "mutation {} gave {:?}", which, lines);
            }
        }
    }
}

#[test]
fn a_version_whole_reads_field_by_field_in_the_forms_order() {
    let lines = describe(TR, &NAMES, &samples::settings());
    assert_eq!(
        lines,
        [
            "Кто принимает обращения: группа «Отдел продаж»",
            "Автоответ 1: сразу, «Здравствуйте! Мы получили ваше сообщение.», один раз",
            "Автоответ 2: через 2 минуты, «Все операторы заняты, ответим в течение 5 минут.», раз в 5 минут",
            "Сообщение при закрытии: включено — «Спасибо за обращение! Оцените, пожалуйста, нашу работу.»",
            "Нерабочее время, автоответ 1: сразу, «Сейчас мы не работаем. Ответим утром с 9:00.», один раз",
            "Автозавершение: через 1 день",
        ]
    );
    let mut off = samples::settings();
    off.closing_message.enabled = false;
    off.non_working_hours = NonWorkingHours::Off;
    off.auto_close.enabled = false;
    let lines = describe(TR, &NAMES, &off);
    assert!(lines.contains(&"Сообщение при закрытии: выключено".to_owned()), "{lines:#?}");
    assert!(lines.contains(&"Нерабочее время: выключено".to_owned()), "{lines:#?}");
    assert!(lines.contains(&"Автозавершение: выключено".to_owned()), "{lines:#?}");
}
