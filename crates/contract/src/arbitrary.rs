//! Proptest strategies for contract values (feature `testing`).
//!
//! `valid_settings` yields only settings the contract accepts; `any_settings` wanders
//! outside every rule, for "never panics" and "validation agrees with the schema" tests.
//!
//! The property tests run 10 000 cases each in a debug build, so the strategies keep most
//! values small (short texts, a few rows) and reach the limits (250 code points, 10 rows,
//! 512-character tokens) in a fixed share of the cases rather than on average.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::delivery::*;
use crate::time::{Date, Moment};
use crate::types::*;
use crate::validation::*;

/// A string strategy from a regular expression, parsed once (a `&str` used as a strategy is
/// parsed again for every value, which dominated the cost of these strategies).
pub fn regex(pattern: &str) -> BoxedStrategy<String> {
    proptest::string::string_regex(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}")).boxed()
}

/// A text the contract accepts: 1–250 code points after trimming, printable, line breaks
/// allowed, Cyrillic and emoji included. Mostly up to 31 code points; one in five up to the
/// full 250.
pub fn valid_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => regex("[а-яА-ЯёЁa-zA-Z0-9 ,.!?«»—\n👍👨‍👩‍👧]{0,30}[а-яА-Я0-9!.]"),
        1 => regex("[а-яА-ЯёЁa-zA-Z0-9 ,.!?«»—\n👍👨‍👩‍👧]{0,249}[а-яА-Я0-9!.]"),
    ]
}

/// Characters that break or bend a rule: every kind of white space (inner, surrounding,
/// non-breaking, line and paragraph separators), control characters (C0, DEL, C1),
/// zero-width and format characters, combining marks, emoji parts (ZWJ, skin tone,
/// variation selector), look-alike digits and minus signs, the replacement character and
/// the last scalar value.
pub const TRICKY_CHARS: &[char] = &[
    ' ',
    '\t',
    '\n',
    '\r',
    '\u{0}',
    '\u{7}',
    '\u{b}',
    '\u{c}',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{9f}',
    '\u{a0}',
    '\u{ad}',
    '\u{2009}',
    '\u{202f}',
    '\u{2028}',
    '\u{2029}',
    '\u{3000}',
    '\u{200b}',
    '\u{200d}',
    '\u{200e}',
    '\u{feff}',
    '\u{fffd}',
    '\u{301}',
    '👍',
    '👨',
    '👩',
    '\u{1f3fb}',
    '\u{fe0f}',
    'ё',
    'Ё',
    '−',
    '٣',
    '１',
    '"',
    '\\',
    '[',
    ']',
    '.',
    '\u{10ffff}',
];

/// Any character, every Unicode scalar value possible, with printable ASCII, Cyrillic,
/// C0 controls and [`TRICKY_CHARS`] made likely so that short strings still meet every rule.
pub fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::sample::select(likely_chars()),
        1 => any::<char>(),
    ]
}

/// Printable ASCII, Cyrillic, the C0 controls and [`TRICKY_CHARS`] (twice, to weigh them).
fn likely_chars() -> Vec<char> {
    ('\u{21}'..='\u{7e}')
        .chain('а'..='я')
        .chain('\u{0}'..='\u{1f}')
        .chain(TRICKY_CHARS.iter().copied())
        .chain(TRICKY_CHARS.iter().copied())
        .collect()
}

/// Any string of up to `max` characters from [`any_char`]: unlike `any::<String>()`, control
/// characters included.
pub fn any_string(max: usize) -> impl Strategy<Value = String> {
    vec(any_char(), 0..=max).prop_map(String::from_iter)
}

/// Any string, control characters and surrounding space included; one in twelve is
/// 248–252 code points long, around the limit of 250.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => valid_text(),
        1 => regex(".{0,300}"),
        2 => regex("[ \t\n\u{0}\u{7}\u{1b}a-я]{0,20}"),
        3 => any_string(24),
        1 => regex("[a-zа-яё👍]{248,252}"),
        1 => Just(String::new()),
    ]
}

/// Any token as pasted: well-formed ones (with surrounding white space), ones around the
/// 512-character limit, and any string.
pub fn any_token() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => regex("[\\x21-\\x7e]{1,40}"),
        2 => regex("[ \t\n]{0,2}[\\x21-\\x7e]{1,40}[ \t\n\u{a0}]{0,2}"),
        1 => regex("[a-zA-Z0-9_-]{510,514}"),
        3 => any_string(40),
        1 => Just(String::new()),
    ]
}

pub fn id() -> impl Strategy<Value = String> {
    regex("[a-z]-[a-z0-9]{1,8}")
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
            (id(), target())
                .prop_map(|(chat_bot_id, fallback)| Routing::ChatBot { chat_bot_id, fallback: Some(fallback) }),
        ]
        .boxed()
    } else {
        plain.boxed()
    }
}

pub fn valid_repeat() -> impl Strategy<Value = Repeat> {
    prop_oneof![Just(Repeat::Once), INTERVAL_SECONDS.prop_map(|interval_seconds| Repeat::Every { interval_seconds }),]
}

/// A valid delay: whole hours, whole minutes or any second of the day, so that the form
/// shows each unit.
pub fn valid_delay() -> impl Strategy<Value = i64> {
    prop_oneof![(0..=24i64).prop_map(|h| h * 3_600), (0..=1_440i64).prop_map(|m| m * 60), DELAY_SECONDS,]
}

/// `min`–10 auto-replies with distinct delays in any order; mostly up to 3, one in four
/// from 4 to 10.
pub fn valid_auto_replies(min: usize) -> impl Strategy<Value = Vec<AutoReply>> {
    prop_oneof![3 => min..=min.max(3), 1 => min.max(4)..=MAX_AUTO_REPLIES]
        .prop_flat_map(|n| proptest::collection::btree_set(valid_delay(), n))
        .prop_flat_map(|delays| {
            let n = delays.len();
            let delays: Vec<i64> = delays.into_iter().collect();
            (Just(delays).prop_shuffle(), vec(valid_text(), n), vec(valid_repeat(), n))
        })
        .prop_map(|(delays, texts, repeats)| {
            delays
                .into_iter()
                .zip(texts)
                .zip(repeats)
                .map(|((delay_seconds, text), repeat)| AutoReply { delay_seconds, text, repeat })
                .collect()
        })
}

pub fn valid_non_working_hours(chat_bots: bool) -> BoxedStrategy<NonWorkingHours> {
    let plain = prop_oneof![
        Just(NonWorkingHours::Off),
        valid_auto_replies(1).prop_map(|auto_replies| NonWorkingHours::AutoReplies { auto_replies }),
    ];
    if chat_bots {
        prop_oneof![plain, id().prop_map(|chat_bot_id| NonWorkingHours::ChatBot { chat_bot_id })].boxed()
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
        .prop_map(|(routing, auto_replies, (enabled, text, empty_when_off), non_working_hours, (ac, after))| {
            Settings {
                routing,
                auto_replies,
                closing_message: ClosingMessage {
                    enabled,
                    text: if !enabled && empty_when_off { String::new() } else { text },
                },
                non_working_hours,
                auto_close: AutoClose { enabled: ac, after_minutes: after },
            }
        })
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
        .prop_map(|(delay_seconds, text, repeat)| AutoReply { delay_seconds, text, repeat })
}

/// 0–12 rows that may break any rule: mostly up to 3, one in seven 9 to 12 (around the
/// limit of 10).
fn any_replies() -> impl Strategy<Value = Vec<AutoReply>> {
    prop_oneof![6 => vec(any_reply(), 0..=3), 1 => vec(any_reply(), 9..=12)]
}

/// Settings that may break any rule.
pub fn any_settings() -> impl Strategy<Value = Settings> {
    let any_id = prop_oneof![id(), Just(String::new()), Just("  ".to_owned()), any_string(8)];
    let routing = prop_oneof![
        any_id.clone().prop_map(|employee_id| Routing::Employee { employee_id }),
        any_id.clone().prop_map(|group_id| Routing::Group { group_id }),
        (any_id.clone(), proptest::option::of(target()))
            .prop_map(|(chat_bot_id, fallback)| Routing::ChatBot { chat_bot_id, fallback }),
    ];
    let nwh = prop_oneof![
        Just(NonWorkingHours::Off),
        any_id.prop_map(|chat_bot_id| NonWorkingHours::ChatBot { chat_bot_id }),
        any_replies().prop_map(|auto_replies| NonWorkingHours::AutoReplies { auto_replies }),
    ];
    (routing, any_replies(), (any::<bool>(), any_text()), nwh, (any::<bool>(), any_number())).prop_map(
        |(routing, auto_replies, (enabled, text), non_working_hours, (ac, after))| Settings {
            routing,
            auto_replies,
            closing_message: ClosingMessage { enabled, text },
            non_working_hours,
            auto_close: AutoClose { enabled: ac, after_minutes: after },
        },
    )
}

/// A `start` label the contract accepts ([`check_start_label`]): mostly short, one in five
/// 60–64 characters, at the limit.
pub fn start_label() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => regex("[A-Za-z0-9_-]{1,16}"),
        1 => regex("[A-Za-z0-9_-]{60,64}"),
    ]
}

/// An RFC 3339 moment between 2000 and 2100 at a whole-quarter-hour offset from −12:00 to
/// +14:00, as [`Moment::to_rfc3339`] writes it (`Z` for a zero offset).
pub fn moment() -> impl Strategy<Value = Moment> {
    (946_684_800i64..4_102_444_800, -48i32..=56)
        .prop_map(|(unix_seconds, quarters)| Moment { unix_seconds, offset_minutes: quarters * 15 })
}

/// A delivery test as a back end may give it: the code a `start` label and the link
/// carrying it, ten minutes between `created_at` and `expires_at` at one offset, `received`
/// and `reply` only with `received` (the reply after the code and, when `failed`, with an
/// error; it may still be on its way), and every moment one the schema takes.
pub fn delivery_test() -> impl Strategy<Value = DeliveryTest> {
    let received = (
        0..=DELIVERY_TEST_SECONDS,
        prop_oneof![Just(ReceivedVia::BotStarted), Just(ReceivedVia::Message)],
        proptest::option::of(prop_oneof![regex("[А-ЯA-Z][а-яa-z]{0,12}( [А-ЯA-Z][а-яa-z]{0,12})?"), any_string(12)]),
        proptest::option::of((0i64..=30, any::<bool>(), valid_text())),
    );
    (
        prop_oneof![regex("dt-[a-z0-9]{1,8}"), regex("[^\\x00-\\x1f]{1,64}")],
        start_label(),
        regex("[a-z][a-z0-9_]{2,20}"),
        moment(),
        prop_oneof![
            1 => Just(DeliveryTestState::Waiting),
            2 => Just(DeliveryTestState::Received),
            1 => Just(DeliveryTestState::Expired),
        ],
        received,
    )
        .prop_map(|(id, code, bot, created, state, (after, via, from_name, reply))| {
            let at = |seconds: i64| Moment { unix_seconds: created.unix_seconds + seconds, ..created }.to_rfc3339();
            let (received, reply) = match state {
                DeliveryTestState::Received => (
                    Some(DeliveryReceived { at: at(after), via, from_name }),
                    reply.map(|(later, failed, error)| DeliveryReply {
                        state: if failed { ReplyState::Failed } else { ReplyState::Sent },
                        at: at(after + later),
                        error: failed.then_some(error),
                    }),
                ),
                _ => (None, None),
            };
            DeliveryTest {
                id,
                state,
                link: format!("https://max.ru/{bot}?start={code}"),
                code,
                created_at: created.to_rfc3339(),
                expires_at: at(DELIVERY_TEST_SECONDS),
                received,
                reply,
            }
        })
}

/// One of the periods `getMaxSources` knows.
pub fn source_days() -> impl Strategy<Value = SourceDays> {
    proptest::sample::select(SourceDays::ALL.to_vec())
}

/// `SourceStats` of `days` that keep every rule of [`SourceStats::problems`]: `days` dates
/// from `from` to `to`, 0–8 items with distinct labels (at most one without), each with at
/// least one dialog and a `by_day` of one count a day adding up to it, ordered most first
/// and then by label (no label last among equals), `total` their sum. Counts are mostly
/// small (so that equal counts and their order come up); one item in ten has up to 20 000
/// a day.
pub fn source_stats(days: SourceDays) -> impl Strategy<Value = SourceStats> {
    let n = days.days() as usize;
    let by_day = prop_oneof![
        9 => vec(prop_oneof![3 => Just(0u32), 1 => 1u32..4], n),
        1 => vec(0u32..20_000, n),
    ];
    (
        proptest::sample::select(vec!["Europe/Moscow", "Asia/Vladivostok", "Europe/Kaliningrad", "UTC"]),
        10_957i64..47_482,
        proptest::collection::btree_set(proptest::option::of(start_label()), 0..=8).prop_flat_map(move |labels| {
            let n = labels.len();
            (Just(labels.into_iter().collect::<Vec<_>>()), vec(by_day.clone(), n), vec(any::<Index>(), n))
        }),
    )
        .prop_map(move |(timezone, to, (labels, by_days, ones))| {
            let to = Date::from_days_since_epoch(to);
            let from = to.add_days(-(n as i64 - 1));
            let mut items: Vec<SourceItem> = labels
                .into_iter()
                .zip(by_days)
                .zip(ones)
                .map(|((label, mut by_day), one)| {
                    if by_day.iter().all(|d| *d == 0) {
                        by_day[one.index(n)] = 1;
                    }
                    SourceItem { label, dialogs: by_day.iter().sum(), by_day }
                })
                .collect();
            items.sort_by(SourceItem::order);
            SourceStats {
                timezone: timezone.to_owned(),
                from: from.to_string(),
                to: to.to_string(),
                total: items.iter().map(|i| i.dialogs).sum(),
                items,
            }
        })
}
