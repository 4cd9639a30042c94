//! Proptest strategies for contract values (feature `testing`).
//!
//! `valid_settings` yields only settings the contract accepts; `any_settings` wanders
//! outside every rule, for "never panics" and "validation agrees with the schema" tests.

use proptest::collection::vec;
use proptest::prelude::*;

use crate::types::*;
use crate::validation::*;

/// A text the contract accepts: 1–250 code points after trimming, printable, line breaks
/// allowed, Cyrillic and emoji included.
pub fn valid_text() -> impl Strategy<Value = String> {
    "[а-яА-ЯёЁa-zA-Z0-9 ,.!?«»—\n👍👨‍👩‍👧]{0,249}[а-яА-Я0-9!.]".prop_map(|s| s)
}

/// Any string, control characters and surrounding space included.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        valid_text(),
        ".{0,300}",
        "[ \t\n\u{0}\u{7}\u{1b}a-я]{0,20}",
        Just(String::new()),
    ]
}

pub fn id() -> impl Strategy<Value = String> {
    "[a-z]-[a-z0-9]{1,8}"
}

pub fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        id().prop_map(|employee_id| Target::Employee { employee_id }),
        id().prop_map(|group_id| Target::Group { group_id }),
    ]
}

pub fn valid_routing(chat_bots: bool) -> BoxedStrategy<Routing> {
    let plain = prop_oneof![
        id().prop_map(|employee_id| Routing::Employee { employee_id }),
        id().prop_map(|group_id| Routing::Group { group_id }),
    ];
    if chat_bots {
        prop_oneof![
            plain,
            (id(), target()).prop_map(|(chat_bot_id, fallback)| Routing::ChatBot {
                chat_bot_id,
                fallback: Some(fallback),
            }),
        ]
        .boxed()
    } else {
        plain.boxed()
    }
}

pub fn valid_repeat() -> impl Strategy<Value = Repeat> {
    prop_oneof![
        Just(Repeat::Once),
        INTERVAL_SECONDS.prop_map(|interval_seconds| Repeat::Every { interval_seconds }),
    ]
}

/// 0–10 auto-replies with distinct delays (`min` of them at least).
pub fn valid_auto_replies(min: usize) -> impl Strategy<Value = Vec<AutoReply>> {
    proptest::sample::subsequence((0..=86_400i64).step_by(60).collect::<Vec<_>>(), min..=MAX_AUTO_REPLIES)
        .prop_flat_map(|delays| {
            let n = delays.len();
            (Just(delays), vec(valid_text(), n), vec(valid_repeat(), n))
        })
        .prop_map(|(delays, texts, repeats)| {
            delays
                .into_iter()
                .zip(texts)
                .zip(repeats)
                .map(|((delay_seconds, text), repeat)| AutoReply {
                    delay_seconds,
                    text,
                    repeat,
                })
                .collect()
        })
}

pub fn valid_non_working_hours(chat_bots: bool) -> BoxedStrategy<NonWorkingHours> {
    let plain = prop_oneof![
        Just(NonWorkingHours::Off),
        valid_auto_replies(1).prop_map(|auto_replies| NonWorkingHours::AutoReplies { auto_replies }),
    ];
    if chat_bots {
        prop_oneof![plain, id().prop_map(|chat_bot_id| NonWorkingHours::ChatBot { chat_bot_id })]
            .boxed()
    } else {
        plain.boxed()
    }
}

/// Settings the contract accepts (with or without the «Чат-боты» service).
pub fn valid_settings(chat_bots: bool) -> impl Strategy<Value = Settings> {
    (
        valid_routing(chat_bots),
        valid_auto_replies(0),
        (any::<bool>(), valid_text(), any::<bool>()),
        valid_non_working_hours(chat_bots),
        (any::<bool>(), AUTO_CLOSE_MINUTES),
    )
        .prop_map(
            |(routing, auto_replies, (enabled, text, empty_when_off), non_working_hours, (ac, after))| {
                Settings {
                    routing,
                    auto_replies,
                    closing_message: ClosingMessage {
                        enabled,
                        text: if !enabled && empty_when_off { String::new() } else { text },
                    },
                    non_working_hours,
                    auto_close: AutoClose {
                        enabled: ac,
                        after_minutes: after,
                    },
                }
            },
        )
}

fn any_number() -> impl Strategy<Value = i64> {
    prop_oneof![
        -100i64..100_000,
        Just(i64::MIN),
        Just(i64::MAX),
        Just(86_400),
        Just(86_401),
        Just(43_200),
        Just(43_201),
    ]
}

fn any_reply() -> impl Strategy<Value = AutoReply> {
    (
        any_number(),
        any_text(),
        prop_oneof![Just(Repeat::Once), any_number().prop_map(|interval_seconds| Repeat::Every { interval_seconds })],
    )
        .prop_map(|(delay_seconds, text, repeat)| AutoReply {
            delay_seconds,
            text,
            repeat,
        })
}

/// Settings that may break any rule.
pub fn any_settings() -> impl Strategy<Value = Settings> {
    let any_id = prop_oneof![id(), Just(String::new()), Just("  ".to_owned())];
    let routing = prop_oneof![
        any_id.clone().prop_map(|employee_id| Routing::Employee { employee_id }),
        any_id.clone().prop_map(|group_id| Routing::Group { group_id }),
        (any_id.clone(), proptest::option::of(target())).prop_map(|(chat_bot_id, fallback)| Routing::ChatBot {
            chat_bot_id,
            fallback,
        }),
    ];
    let nwh = prop_oneof![
        Just(NonWorkingHours::Off),
        any_id.prop_map(|chat_bot_id| NonWorkingHours::ChatBot { chat_bot_id }),
        vec(any_reply(), 0..13).prop_map(|auto_replies| NonWorkingHours::AutoReplies { auto_replies }),
    ];
    (
        routing,
        vec(any_reply(), 0..13),
        (any::<bool>(), any_text()),
        nwh,
        (any::<bool>(), any_number()),
    )
        .prop_map(|(routing, auto_replies, (enabled, text), non_working_hours, (ac, after))| Settings {
            routing,
            auto_replies,
            closing_message: ClosingMessage { enabled, text },
            non_working_hours,
            auto_close: AutoClose {
                enabled: ac,
                after_minutes: after,
            },
        })
}
