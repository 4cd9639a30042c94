//! Realistic Russian seed data: 10 000+ employees, groups with every distribution rule,
//! chat-bots. Deterministic, so tests can name what they will find.

use max_channel_contract::{ChatBot, Distribution, Employee, Group};

use crate::samples;

/// Which data set the directory starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedKind {
    /// Ordinary Russian names.
    Standard,
    /// Names and URLs built to break a careless renderer (`<img onerror>`, `javascript:`).
    Hostile,
}

impl SeedKind {
    pub fn parse(text: &str) -> Option<SeedKind> {
        match text {
            "standard" => Some(SeedKind::Standard),
            "hostile" | "xss" => Some(SeedKind::Hostile),
            _ => None,
        }
    }
}

/// The employees, groups and chat-bots of the account.
#[derive(Debug, Clone)]
pub struct Directory {
    pub employees: Vec<Employee>,
    /// `employees[i].name` and extension, lower-cased, for the case-insensitive search.
    search_keys: Vec<String>,
    pub groups: Vec<Group>,
    pub chat_bots: Vec<ChatBot>,
}

pub const EMPLOYEE_COUNT: usize = 10_200;

const MALE_SURNAMES: &[&str] = &[
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
    "Яковлев",
    "Григорьев",
    "Романов",
    "Воробьёв",
    "Сергеев",
    "Кузьмин",
    "Фролов",
    "Александров",
    "Дмитриев",
    "Королёв",
    "Гусев",
    "Киселёв",
    "Ильин",
    "Максимов",
    "Поляков",
    "Сорокин",
    "Виноградов",
    "Ковалёв",
    "Белов",
    "Медведев",
    "Антонов",
    "Тарасов",
    "Жуков",
    "Баранов",
    "Филиппов",
    "Комаров",
    "Давыдов",
    "Беляев",
    "Герасимов",
    "Богданов",
    "Осипов",
    "Сидоров",
    "Матвеев",
    "Титов",
    "Марков",
    "Миронов",
    "Крылов",
    "Куликов",
    "Карпов",
    "Власов",
    "Мельников",
    "Денисов",
    "Гаврилов",
    "Тихонов",
    "Казаков",
    "Афанасьев",
    "Данилов",
    "Савельев",
    "Тимофеев",
    "Фомин",
    "Чернов",
    "Абрамов",
    "Мартынов",
    "Ефимов",
    "Федотов",
    "Щербаков",
    "Назаров",
    "Калинин",
    "Исаев",
    "Чернышёв",
    "Быков",
    "Маслов",
    "Родионов",
    "Коновалов",
    "Лазарев",
    "Воронин",
    "Климов",
    "Филатов",
    "Пономарёв",
    "Голубев",
    "Кудрявцев",
    "Прохоров",
    "Наумов",
    "Потапов",
    "Журавлёв",
    "Овчинников",
    "Трофимов",
    "Леонов",
    "Соболев",
    "Ермаков",
    "Колесников",
    "Гончаров",
    "Емельянов",
    "Никифоров",
    "Грачёв",
    "Котов",
    "Гришин",
    "Ефремов",
    "Архипов",
    "Громов",
    "Кириллов",
    "Малышев",
    "Панов",
    "Моисеев",
    "Румянцев",
    "Акимов",
    "Кондратьев",
    "Бирюков",
    "Горбунов",
    "Анисимов",
];

const MALE_NAMES: &[&str] = &[
    "Александр",
    "Сергей",
    "Дмитрий",
    "Андрей",
    "Алексей",
    "Максим",
    "Евгений",
    "Иван",
    "Михаил",
    "Артём",
    "Николай",
    "Владимир",
    "Павел",
    "Роман",
    "Денис",
    "Олег",
    "Игорь",
    "Константин",
    "Антон",
    "Виктор",
    "Юрий",
    "Кирилл",
    "Илья",
    "Никита",
    "Григорий",
];

const FEMALE_NAMES: &[&str] = &[
    "Анна",
    "Мария",
    "Елена",
    "Ольга",
    "Татьяна",
    "Наталья",
    "Ирина",
    "Светлана",
    "Екатерина",
    "Юлия",
    "Анастасия",
    "Дарья",
    "Марина",
    "Людмила",
    "Ксения",
    "Алина",
    "Виктория",
    "Полина",
    "Валентина",
    "Галина",
    "Софья",
    "Вероника",
    "Надежда",
    "Кристина",
    "Любовь",
];

const PATRONYMIC_ROOTS: &[&str] = &[
    "Александров",
    "Сергеев",
    "Дмитриев",
    "Андреев",
    "Алексеев",
    "Викторов",
    "Евгеньев",
    "Иванов",
    "Михайлов",
    "Николаев",
    "Владимиров",
    "Павлов",
    "Олегов",
    "Игорев",
    "Юрьев",
];

/// The feminine form of a Russian surname in -ов/-ев/-ёв/-ин.
fn feminine(surname: &str) -> String {
    format!("{surname}а")
}

fn employee_name(i: usize) -> String {
    // Walk the lists with co-prime strides so that names repeat rarely and every surname
    // appears in both genders.
    let female = i % 2 == 1;
    let surname = MALE_SURNAMES[(i * 7 + i / 13) % MALE_SURNAMES.len()];
    let patronymic_root = PATRONYMIC_ROOTS[(i / 3 + i * 11) % PATRONYMIC_ROOTS.len()];
    if female {
        let name = FEMALE_NAMES[(i / 2 + i * 3) % FEMALE_NAMES.len()];
        format!("{} {name} {patronymic_root}на", feminine(surname))
    } else {
        let name = MALE_NAMES[(i / 2 + i * 5) % MALE_NAMES.len()];
        format!("{surname} {name} {patronymic_root}ич")
    }
}

/// The strings the hostile seed plants everywhere a name is shown.
pub const HOSTILE_NAMES: &[&str] =
    &["<img src=x onerror=alert(1)>", "\"><script>alert(1)</script>", "<svg/onload=alert(1)>", "'; alert(1); //"];

/// Lower case for the search, for the letters names are written in: Latin and Cyrillic
/// (Russian with «Ё», and the other Cyrillic capitals); any other character is compared as
/// it is. Not `str::to_lowercase`: its Unicode tables cost preview mode's wasm 5 KB brotli
/// (measured), for letters no name of the directory has.
fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            // А–Я → а–я; Ѐ–Џ (Ё among them) → ѐ–џ.
            'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
            _ => c,
        })
        .collect()
}

impl Directory {
    pub fn new(kind: SeedKind) -> Directory {
        let mut employees: Vec<Employee> = (0..EMPLOYEE_COUNT)
            .map(|i| Employee {
                id: format!("e-{}", 101 + i),
                name: employee_name(i),
                // Some employees have no extension, as in a real VATS.
                extension: (i % 17 != 16).then(|| format!("{}", 101 + i)),
            })
            .collect();
        let mut groups = samples::groups();
        let mut chat_bots = samples::chat_bots();
        if kind == SeedKind::Hostile {
            for (i, name) in HOSTILE_NAMES.iter().enumerate() {
                employees[i].name = (*name).to_owned();
            }
            groups[0].name = HOSTILE_NAMES[0].into();
            groups[1].name = HOSTILE_NAMES[1].into();
            groups[2].distribution = Distribution::Other("<b>bold</b>".into());
            chat_bots[0].name = HOSTILE_NAMES[1].into();
            chat_bots[1].name = HOSTILE_NAMES[2].into();
        }
        let search_keys = employees
            .iter()
            .map(|e| format!("{}\u{0}{}", fold_case(&e.name), e.extension.as_deref().unwrap_or("")))
            .collect();
        Directory { employees, search_keys, groups, chat_bots }
    }

    /// Employees whose name or extension contains `query`, case-insensitively.
    pub fn search(&self, query: &str) -> impl Iterator<Item = &Employee> {
        let needle = fold_case(query.trim());
        self.employees
            .iter()
            .zip(&self.search_keys)
            .filter(move |(_, key)| needle.is_empty() || key.contains(&needle))
            .map(|(e, _)| e)
    }

    pub fn employee(&self, id: &str) -> Option<&Employee> {
        // Ids are "e-<101+index>"; fall back to a scan for anything else.
        id.strip_prefix("e-")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(101))
            .and_then(|i| self.employees.get(i))
            .filter(|e| e.id == id)
            .or_else(|| self.employees.iter().find(|e| e.id == id))
    }
}

impl max_channel_contract::Directory for Directory {
    fn has_employee(&self, id: &str) -> bool {
        self.employee(id).is_some()
    }
    fn has_group(&self, id: &str) -> bool {
        self.groups.iter().any(|g| g.id == id)
    }
    fn has_chat_bot(&self, id: &str) -> bool {
        self.chat_bots.iter().any(|b| b.id == id)
    }
}

/// URLs of the «О канале» page for a seed kind.
pub struct ChannelUrls {
    pub guide_url: &'static str,
    pub distribution_settings_url: &'static str,
    pub non_working_hours_rules_url: &'static str,
}

pub fn channel_urls(kind: SeedKind) -> ChannelUrls {
    match kind {
        SeedKind::Standard => ChannelUrls {
            guide_url:
                "https://www.mango-office.ru/support/virtualnaya_ats/multikanalnyy_chat/nastroyka_vidzheta_mkch/max/",
            distribution_settings_url: "https://lk.mango-office.ru/vpbx/groups",
            non_working_hours_rules_url: "https://www.mango-office.ru/support/non-working-hours/",
        },
        SeedKind::Hostile => ChannelUrls {
            guide_url: "javascript:alert(1)",
            distribution_settings_url: "data:text/html,<script>alert(1)</script>",
            non_working_hours_rules_url: " JavaScript:alert(document.domain)",
        },
    }
}

#[cfg(test)]
#[path = "directory_tests.rs"]
mod tests;
