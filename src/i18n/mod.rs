//! The message catalogue: every string the user sees, in Russian (default) and English.
//!
//! Adding a locale: add a variant to [`Locale`], a column to every row of the catalogue,
//! and its plural rule to [`plural_form`]. The compiler then points at every row.

use core::fmt;

max_channel_kit::closed_enum! {
    /// A language of the interface.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Locale {
        #[default]
        Ru = "ru",
        En = "en",
    }
}

impl Locale {
    /// `ru`, `ru-RU`, `en`, `en-GB`…; anything else falls back to Russian.
    pub fn from_tag(tag: &str) -> Locale {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Locale::En,
            _ => Locale::Ru,
        }
    }
}

/// `true` for a row without `#[cfg]`, else whether this build has it.
macro_rules! row_in_this_build {
    () => {
        true
    };
    ($cfg:meta) => {
        cfg!($cfg)
    };
}

macro_rules! catalogue {
    ( $( $(#[cfg($cfg:meta)])? $key:ident => ( $ru:expr, $en:expr ) ),+ $(,)? ) => {
        /// A message of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $( $(#[cfg($cfg)])? $key ),+ }

        impl Msg {
            pub const ALL: &'static [Msg] = &[ $( $(#[cfg($cfg)])? Msg::$key ),+ ];

            /// The message's text in `locale`, with `{placeholders}` still in it. One table per
            /// language indexed by the message, not a `match`: measured smaller (docs/performance.md).
            pub fn text(self, locale: Locale) -> &'static str {
                static RU: &[&str] = &[ $( $(#[cfg($cfg)])? $ru ),+ ];
                // A row's `#[cfg]` takes its variant and its cells together: the tables stay
                // aligned with the variants under every feature set, checked here.
                // So are the English file's rows that this build keeps.
                const _: () = assert!(
                    RU.len() == Msg::ALL.len() && super::english::kept(&ROW_IN_THIS_BUILD) == Msg::ALL.len()
                );
                let table = match locale {
                    Locale::Ru => RU,
                    // Russian until English is there (natively it is compiled in).
                    Locale::En => super::english::rows().unwrap_or(RU),
                };
                // Both tables have a row per variant, in variant order; `get` only avoids a
                // panic path.
                table.get(self as usize).copied().unwrap_or_default()
            }
        }

        /// How many rows the English file has: every row of the catalogue, of every build.
        const ENGLISH_ROWS: usize = [ $( stringify!($key) ),+ ].len();

        /// For each row of the English file, whether this build has it.
        pub(super) const ROW_IN_THIS_BUILD: [bool; ENGLISH_ROWS] = [ $( row_in_this_build!($($cfg)?) ),+ ];

        /// The English file's name: evaluated by the compiler, so the texts themselves do
        /// not reach the wasm.
        pub(super) const ENGLISH_FINGERPRINT: u64 = super::english::fingerprint(&[ $( $en ),+ ]);

        /// This build's English column, compiled in natively only (the tests; the wasm
        /// fetches it, see [`super::english`]).
        #[cfg(not(target_arch = "wasm32"))]
        pub(super) static ENGLISH: &[&str] = &[ $( $(#[cfg($cfg)])? $en ),+ ];

        /// Every row's English text, in catalogue order: the English file's content.
        #[cfg(all(test, not(target_arch = "wasm32")))]
        pub(super) const ENGLISH_FILE_ROWS: [&str; ENGLISH_ROWS] = [ $( $en ),+ ];
    };
}

mod catalogue;
pub mod english;

pub use catalogue::Msg;

/// The plural forms of a language, as CLDR names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralForm {
    One,
    Few,
    Many,
}

/// The form of a count: Russian «1 минута, 2 минуты, 5 минут, 21 минута, 111 минут».
pub fn plural_form(locale: Locale, n: u64) -> PluralForm {
    match locale {
        Locale::Ru => {
            let (d10, d100) = (n % 10, n % 100);
            if d10 == 1 && d100 != 11 {
                PluralForm::One
            } else if (2..=4).contains(&d10) && !(12..=14).contains(&d100) {
                PluralForm::Few
            } else {
                PluralForm::Many
            }
        }
        Locale::En => {
            if n == 1 {
                PluralForm::One
            } else {
                PluralForm::Many
            }
        }
    }
}

/// Picks the form out of a `one|few|many` (Russian) or `one|other` (English) message.
pub fn plural(locale: Locale, msg: Msg, n: u64) -> &'static str {
    let forms: Vec<&'static str> = msg.text(locale).split('|').collect();
    let index = match (plural_form(locale, n), forms.len()) {
        (PluralForm::One, _) => 0,
        (PluralForm::Few, 3) => 1,
        (_, len) => len - 1,
    };
    forms[index]
}

/// "5 минут", "1 minute".
pub fn count(locale: Locale, msg: Msg, n: u64) -> String {
    format!("{n} {}", plural(locale, msg, n))
}

/// A message with its `{name}` placeholders filled.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    // One pass over the template: a value is copied as it is, so a value that itself holds
    // `{name}` (a bot called «{url}») is never filled in again.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter().find(|(n, _)| *n == name).map(|(_, value)| (*value, close))
        });
        match filled {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A message in a locale with arguments; the one entry point the UI uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Locale);

impl Tr {
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.0)
    }

    pub fn f(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(msg.text(self.0), args)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_and_values_are_copied_as_they_are() {
        let args = [("name", "Бот {url}"), ("url", "https://max.ru/x")];
        assert_eq!(fill("Чат-бот {name}: {url}", &args), "Чат-бот Бот {url}: https://max.ru/x");
        assert_eq!(fill("{url}{name}", &args), "https://max.ru/xБот {url}");
        assert_eq!(fill("{unknown} и {", &args), "{unknown} и {");
        assert_eq!(fill("{{name}}", &args), "{Бот {url}}");
        assert_eq!(fill("без полей", &[]), "без полей");
    }

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let ru = msg.text(Locale::Ru);
            let en = msg.text(Locale::En);
            assert!(!ru.trim().is_empty() && !en.trim().is_empty(), "{msg:?}");
            // A row of placeholders only («{day}») has no words of its own to be Russian.
            let words: String = ru.split('{').map(|part| part.split_once('}').map_or(part, |(_, rest)| rest)).collect();
            assert!(
                !words.chars().any(char::is_alphabetic)
                    || ru.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                "{msg:?} ru is not Russian: {ru}"
            );
            let holes = |s: &str| {
                let mut v: Vec<String> =
                    s.split('{').skip(1).filter_map(|p| p.split('}').next()).map(str::to_owned).collect();
                v.sort();
                v
            };
            assert_eq!(holes(ru), holes(en), "{msg:?} placeholders differ");
        }
    }

    /// The page shows it when the wasm cannot start, so it is in `index.html`, not in the wasm.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_page_says_the_catalogues_words_when_the_app_cannot_start() {
        let page = include_str!("../../index.html");
        let (ru, en) = (Msg::BootFailed.text(Locale::Ru), Msg::BootFailed.text(Locale::En));
        assert!(page.contains(&format!(" hidden data-en=\"{en}\">{ru}</p>")), "index.html's #max-channel-boot-failed");
    }

    #[test]
    fn russian_plurals() {
        let cases = [
            (0, "0 минут"),
            (1, "1 минута"),
            (2, "2 минуты"),
            (5, "5 минут"),
            (11, "11 минут"),
            (12, "12 минут"),
            (21, "21 минута"),
            (22, "22 минуты"),
            (25, "25 минут"),
            (111, "111 минут"),
            (14, "14 минут"),
            (104, "104 минуты"),
        ];
        for (n, expected) in cases {
            assert_eq!(count(Locale::Ru, Msg::UnitMinute, n), expected, "{n}");
        }
        assert_eq!(count(Locale::Ru, Msg::UnitDay, 3), "3 дня");
        assert_eq!(count(Locale::Ru, Msg::UnitSecond, 21), "21 секунда");
    }

    #[test]
    fn english_plurals() {
        assert_eq!(count(Locale::En, Msg::UnitMinute, 1), "1 minute");
        assert_eq!(count(Locale::En, Msg::UnitMinute, 0), "0 minutes");
        assert_eq!(count(Locale::En, Msg::UnitHour, 21), "21 hours");
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag("en-GB"), Locale::En);
        assert_eq!(Locale::from_tag("ru_RU"), Locale::Ru);
        assert_eq!(Locale::from_tag("de"), Locale::Ru);
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            Tr(Locale::Ru).f(Msg::ErrServer, &[("status", "502")]),
            "Сервер временно недоступен (ошибка 502). Повторите попытку."
        );
    }
}
