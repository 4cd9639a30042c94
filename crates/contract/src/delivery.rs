//! Contract 1.2: «Проверка связи» (`startMaxDeliveryTest`, `getMaxDeliveryTest`) and
//! «Откуда пишут клиенты» (`getMaxSources`), with the rule both share with the link kit:
//! what a `start` label may be.

use serde::{Deserialize, Serialize};

use crate::string_enum::string_enum;

string_enum! {
    /// `DeliveryTest.state`.
    pub enum DeliveryTestState {
        /// Nothing arrived yet.
        Waiting = "waiting",
        /// MAX delivered the code; `reply` says whether the bot's answer got through.
        Received = "received",
        /// Ten minutes passed, or a newer test was started.
        Expired = "expired",
    }
}

string_enum! {
    /// `DeliveryTest.received.via`: how the code came.
    pub enum ReceivedVia {
        /// The customer opened the test link and pressed «Начать» (`bot_started`).
        BotStarted = "bot_started",
        /// The customer sent the code as a message (`message_created`).
        Message = "message",
    }
}

string_enum! {
    /// `DeliveryTest.reply.state`: whether MAX took the bot's answer to the sender.
    pub enum ReplyState {
        Sent = "sent",
        Failed = "failed",
    }
}

/// `DeliveryTest.received`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryReceived {
    pub at: String,
    pub via: ReceivedVia,
    /// The sender's name in MAX, when MAX gave one.
    pub from_name: Option<String>,
}

/// `DeliveryTest.reply`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryReply {
    pub state: ReplyState,
    pub at: String,
    /// With `failed`: Russian prose for people.
    pub error: Option<String>,
}

/// `DeliveryTest`: one live test of the chain customer → MAX → Mango Dialogs → MAX.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTest {
    pub id: String,
    pub state: DeliveryTestState,
    /// The one-time code; also the link's `start` label.
    pub code: String,
    /// `https://max.ru/<bot username>?start=<code>`.
    pub link: String,
    pub created_at: String,
    pub expires_at: String,
    pub received: Option<DeliveryReceived>,
    pub reply: Option<DeliveryReply>,
}

/// How long a test waits for its code.
pub const DELIVERY_TEST_SECONDS: i64 = 10 * 60;

/// How soon another test may be started (429 with the rest as `Retry-After`).
pub const DELIVERY_TEST_START_INTERVAL_SECONDS: i64 = 10;

/// The longest id of a test (the path parameter's `maxLength`).
pub const DELIVERY_TEST_ID_MAX_CHARS: usize = 64;

/// One label's row of `SourceStats.items`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceItem {
    /// The link's `start` label; `None`: no label (search, the site's widget, a bare link).
    pub label: Option<String>,
    /// New dialogs in the period, at least 1.
    pub dialogs: u32,
    /// One count per day from `from` to `to`, oldest first; adds up to `dialogs`.
    pub by_day: Vec<u32>,
}

impl SourceItem {
    /// The order of `SourceStats.items`: most dialogs first, then by label, no label after
    /// the labels it ties with.
    pub fn order(a: &SourceItem, b: &SourceItem) -> core::cmp::Ordering {
        b.dialogs.cmp(&a.dialogs).then_with(|| match (&a.label, &b.label) {
            (Some(a), Some(b)) => a.cmp(b),
            (a, b) => a.is_none().cmp(&b.is_none()),
        })
    }
}

/// `SourceStats`: the answer of `getMaxSources`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceStats {
    /// The IANA zone the days are counted in (the schedule's).
    pub timezone: String,
    /// The first day, `YYYY-MM-DD`.
    pub from: String,
    /// The last day (today in `timezone`).
    pub to: String,
    /// The sum of every item's `dialogs`.
    pub total: u32,
    /// In [`SourceItem::order`].
    pub items: Vec<SourceItem>,
}

max_channel_kit::closed_enum! {
    /// The `days` query of `getMaxSources`: a closed set, so a period the contract does not
    /// know cannot be asked for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum SourceDays {
        Week,
        #[default]
        Month,
        Quarter,
    }
}

impl SourceDays {
    pub fn days(self) -> u32 {
        match self {
            SourceDays::Week => 7,
            SourceDays::Month => 30,
            SourceDays::Quarter => 90,
        }
    }

    /// The period of `days`, if the contract names it.
    pub fn from_days(days: u32) -> Option<SourceDays> {
        SourceDays::ALL.into_iter().find(|d| d.days() == days)
    }

    /// The query parameter as written (`7`, `30`, `90`); an absent one means [`Default`].
    pub fn parse_query(text: Option<&str>) -> Option<SourceDays> {
        match text {
            None => Some(SourceDays::default()),
            Some(text) => text.parse().ok().and_then(SourceDays::from_days),
        }
    }
}

impl SourceStats {
    /// What the contract promises of the numbers: `total` is the items' sum, each item's
    /// `by_day` has one count per day of the period and adds up to its `dialogs`, every
    /// item has at least one dialog, labels keep the label rule and appear once, items are
    /// in [`SourceItem::order`]. Empty when all hold; else what does not, for tests and logs.
    pub fn problems(&self, days: SourceDays) -> Vec<String> {
        let mut out = Vec::new();
        let sum: u64 = self.items.iter().map(|i| u64::from(i.dialogs)).sum();
        if sum != u64::from(self.total) {
            out.push(format!("total {} is not the items' sum {sum}", self.total));
        }
        let period = match (crate::time::Date::parse(&self.from), crate::time::Date::parse(&self.to)) {
            (Some(from), Some(to)) => to.days_since_epoch() - from.days_since_epoch() + 1,
            _ => {
                out.push(format!("from {} / to {} are not dates", self.from, self.to));
                0
            }
        };
        if period != i64::from(days.days()) {
            out.push(format!("{period} days from {} to {}, not {}", self.from, self.to, days.days()));
        }
        for (i, item) in self.items.iter().enumerate() {
            let by_day: u64 = item.by_day.iter().map(|n| u64::from(*n)).sum();
            if item.by_day.len() != days.days() as usize {
                out.push(format!("item {i}: {} days in by_day", item.by_day.len()));
            }
            if by_day != u64::from(item.dialogs) || item.dialogs == 0 {
                out.push(format!("item {i}: by_day sums to {by_day}, dialogs {}", item.dialogs));
            }
            if let Some(label) = &item.label {
                if check_start_label(label).is_err() {
                    out.push(format!("item {i}: label {label:?} breaks the label rule"));
                }
            }
            if self.items[..i].iter().any(|other| other.label == item.label) {
                out.push(format!("item {i}: label {:?} twice", item.label));
            }
        }
        if self.items.windows(2).any(|w| SourceItem::order(&w[0], &w[1]).is_gt()) {
            out.push("items are not ordered most first, then by label".to_owned());
        }
        out
    }
}

/// The longest `start` label: what MAX passes on with `?start=`.
pub const START_LABEL_MAX_CHARS: usize = 64;

/// Why a text is not a `start` label (`^[A-Za-z0-9_-]{1,64}$`), most telling first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartLabelError {
    Empty,
    /// White space anywhere.
    Space,
    /// Cyrillic or another alphabet: only Latin letters pass.
    NotLatin,
    /// Punctuation other than `_` and `-`.
    BadCharacter,
    TooLong,
}

/// The `start` label rule of the link kit's «Метка источника», of a delivery test's code
/// and of `SourceStats` labels: 1–64 of `A–Z a–z 0–9 _ -`.
pub fn check_start_label(label: &str) -> Result<&str, StartLabelError> {
    if label.is_empty() {
        return Err(StartLabelError::Empty);
    }
    if label.chars().any(char::is_whitespace) {
        return Err(StartLabelError::Space);
    }
    if label.chars().any(|c| c.is_alphabetic() && !c.is_ascii_alphabetic()) {
        return Err(StartLabelError::NotLatin);
    }
    if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(StartLabelError::BadCharacter);
    }
    if label.len() > START_LABEL_MAX_CHARS {
        return Err(StartLabelError::TooLong);
    }
    Ok(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_labels_by_the_pattern() {
        let cases = [
            ("site", Ok("site")),
            ("check-7F3K2Q", Ok("check-7F3K2Q")),
            ("a_b-C9", Ok("a_b-C9")),
            ("", Err(StartLabelError::Empty)),
            ("с сайта", Err(StartLabelError::Space)),
            ("site\t", Err(StartLabelError::Space)),
            ("сайт", Err(StartLabelError::NotLatin)),
            ("siteé", Err(StartLabelError::NotLatin)),
            ("site!", Err(StartLabelError::BadCharacter)),
            ("a?start=b", Err(StartLabelError::BadCharacter)),
            ("١٢", Err(StartLabelError::BadCharacter)),
        ];
        for (label, expected) in cases {
            assert_eq!(check_start_label(label), expected, "{label:?}");
        }
        assert!(check_start_label(&"x".repeat(64)).is_ok());
        assert_eq!(check_start_label(&"x".repeat(65)), Err(StartLabelError::TooLong));
    }

    #[test]
    fn days_are_closed() {
        assert_eq!(SourceDays::parse_query(None), Some(SourceDays::Month));
        assert_eq!(SourceDays::parse_query(Some("7")), Some(SourceDays::Week));
        assert_eq!(SourceDays::parse_query(Some("90")), Some(SourceDays::Quarter));
        for bad in ["8", "0", "-7", "30.0", " 30", "", "seven", "4294967303"] {
            assert_eq!(SourceDays::parse_query(Some(bad)), None, "{bad:?}");
        }
        assert_eq!(SourceDays::ALL.map(SourceDays::days), [7, 30, 90]);
    }

    #[test]
    fn source_problems_name_what_breaks() {
        let item = |label: Option<&str>, by_day: Vec<u32>| SourceItem {
            label: label.map(str::to_owned),
            dialogs: by_day.iter().sum(),
            by_day,
        };
        let mut stats = SourceStats {
            timezone: "Europe/Moscow".into(),
            from: "2026-11-29".into(),
            to: "2026-12-05".into(),
            total: 5,
            items: vec![item(Some("site"), vec![1, 0, 0, 1, 0, 1, 0]), item(None, vec![0, 0, 0, 0, 0, 1, 1])],
        };
        assert_eq!(stats.problems(SourceDays::Week), Vec::<String>::new());
        let mut tie = stats.clone();
        tie.items[1].by_day = vec![0, 0, 0, 0, 1, 1, 1];
        tie.items[1].dialogs = 3;
        tie.total = 6;
        assert_eq!(tie.problems(SourceDays::Week), Vec::<String>::new(), "a label before none");
        tie.items.swap(0, 1);
        assert_eq!(tie.problems(SourceDays::Week).len(), 1, "none before a label it ties with");
        assert_eq!(stats.problems(SourceDays::Month).len(), 3, "30 days expected, 7 given (period and both items)");
        stats.total = 6;
        stats.items.reverse();
        stats.items[0].label = Some("сайт".into());
        let problems = stats.problems(SourceDays::Week);
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
