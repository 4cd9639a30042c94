use max_channel_contract::{SourceDays, SourceItem, SourceStats};

use super::*;
use crate::i18n::Locale;

fn item(label: Option<&str>, by_day: &[u32]) -> SourceItem {
    SourceItem { label: label.map(str::to_owned), dialogs: by_day.iter().sum(), by_day: by_day.to_vec() }
}

/// The contract's own example: 23 dialogs over the week to 5 December.
fn week() -> SourceStats {
    let items = vec![
        item(Some("site"), &[1, 2, 3, 0, 2, 3, 1]),
        item(None, &[0, 1, 1, 2, 1, 1, 1]),
        item(Some("print-flyer"), &[0, 0, 0, 1, 1, 2, 0]),
    ];
    SourceStats {
        timezone: "Europe/Moscow".into(),
        from: "2026-11-29".into(),
        to: "2026-12-05".into(),
        total: items.iter().map(|i| i.dialogs).sum(),
        items,
    }
}

#[test]
fn shares_add_up_to_a_hundred_and_the_largest_remainders_get_the_points() {
    // counts → shares; each row's plain rounding would not add up to 100
    let table: [(&[u32], &[u32]); 9] = [
        (&[12, 7, 4], &[52, 31, 17]), // 52.17 30.43 17.39: the 30 gets the point
        (&[1, 1, 1], &[34, 33, 33]),  // a tie goes to the earlier label
        (&[2, 1], &[67, 33]),         // 66.67 33.33
        (&[1], &[100]),               //
        (&[1, 1, 1, 1, 1, 1], &[17, 17, 17, 17, 16, 16]),
        (&[995, 5], &[99, 1]),  // 99.5 0.5: a tie goes to the smaller count
        (&[999, 1], &[100, 0]), // a share under half a percent reads 0 %
        (&[0, 0], &[0, 0]),     // nothing counted: nothing shared
        (&[], &[]),
    ];
    for (counts, expected) in table {
        let got = shares(counts);
        assert_eq!(got, expected, "{counts:?}");
        if counts.iter().any(|&c| c > 0) {
            assert_eq!(got.iter().sum::<u32>(), 100, "{counts:?}");
        }
    }
}

#[test]
fn the_days_totals_sum_every_label_column_by_column() {
    assert_eq!(day_totals(&week(), 7), [1, 3, 4, 3, 4, 6, 2]);
    assert_eq!(day_totals(&week(), 7).iter().sum::<u32>(), week().total);
    // A broken answer's short row counts as zeros where it ends; never a panic.
    let mut short = week();
    short.items[0].by_day.truncate(2);
    assert_eq!(day_totals(&short, 7), [1, 3, 1, 3, 2, 3, 1]);
}

#[test]
fn the_scale_reaches_over_the_tallest_column_in_at_most_four_round_steps() {
    // tallest column → (top, step)
    let table = [
        (0, (1, 1)),
        (1, (1, 1)),
        (3, (3, 1)),
        (4, (4, 1)),
        (5, (6, 2)),
        (6, (6, 2)),
        (7, (8, 2)),
        (9, (10, 5)),
        (17, (20, 5)),
        (21, (30, 10)),
        (40, (40, 10)),
        (41, (60, 20)),
        (99, (100, 50)),
        (101, (150, 50)),
        (1234, (1500, 500)),
    ];
    for (max, (top, step)) in table {
        let scale = Scale::for_max(max);
        assert_eq!(scale, Scale { top, step }, "{max}");
        assert!(scale.top >= max && scale.top / scale.step <= 4, "{max}");
        assert_eq!(scale.ticks().first(), Some(&0));
        assert_eq!(scale.ticks().last(), Some(&top));
    }
    let scale = Scale::for_max(6);
    assert_eq!(scale.ticks(), [0, 2, 4, 6]);
    assert_eq!([0, 3, 6, 7].map(|n| scale.height(n, 120)), [0, 60, 120, 120], "the top is the plot's top");
}

#[test]
fn widths_are_written_to_the_hundredth_of_a_percent() {
    let table = [((0, 7), "0.00%"), ((1, 7), "14.28%"), ((15, 3000), "0.50%"), ((7, 7), "100.00%"), ((1, 0), "0.00%")];
    for ((parts, whole), text) in table {
        assert_eq!(percent(parts, whole), text, "{parts}/{whole}");
    }
}

#[test]
fn the_period_runs_day_by_day_from_its_first_date_over_a_month_end() {
    let days = period_days(&week(), 7).unwrap();
    let text: Vec<String> = days.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        text,
        ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"]
    );
    let mut broken = week();
    broken.from = "29.11.2026".into();
    assert_eq!(period_days(&broken, 7), None);
}

#[test]
fn three_days_are_named_under_the_columns_whatever_the_period() {
    let table: [(usize, &[usize]); 6] =
        [(0, &[]), (1, &[0]), (2, &[0, 1]), (7, &[0, 3, 6]), (30, &[0, 14, 29]), (90, &[0, 44, 89])];
    for (days, named) in table {
        assert_eq!(named_days(days), named, "{days}");
    }
}

#[test]
fn each_label_reads_with_its_count_and_share_and_none_reads_without_a_label() {
    let lines = label_lines(Locale::Ru, &week());
    let text: Vec<String> = lines.iter().map(LabelLine::text).collect();
    assert_eq!(text, ["site — 12 (52 %)", "Без метки — 7 (31 %)", "print-flyer — 4 (17 %)"]);
    assert_eq!(lines[1].label, None);
    assert_eq!(label_lines(Locale::En, &week())[1].name, "No label");
}

#[test]
fn the_total_is_said_with_russian_plurals() {
    let table = [
        (1, SourceDays::Week, "1 новый диалог за 7 дней"),
        (2, SourceDays::Month, "2 новых диалога за 30 дней"),
        (23, SourceDays::Week, "23 новых диалога за 7 дней"),
        (105, SourceDays::Month, "105 новых диалогов за 30 дней"),
        (111, SourceDays::Quarter, "111 новых диалогов за 90 дней"),
        (0, SourceDays::Quarter, "0 новых диалогов за 90 дней"),
    ];
    for (total, days, expected) in table {
        assert_eq!(total_text(Locale::Ru, total, days), expected);
    }
    assert_eq!(total_text(Locale::En, 1, SourceDays::Week), "1 new dialog in 7 days");
}

#[test]
fn the_chart_in_words_names_the_dates_the_total_and_the_top_labels() {
    assert_eq!(
        chart_words(Locale::Ru, &week()),
        "С 29 ноября по 5 декабря 23 новых диалога. Больше всего: site — 12, Без метки — 7, print-flyer — 4."
    );
    let mut five = week();
    five.items.push(item(Some("promo"), &[0, 0, 0, 0, 0, 0, 1]));
    five.items.push(item(Some("zz"), &[0, 0, 0, 0, 0, 0, 1]));
    five.total += 2;
    assert!(chart_words(Locale::Ru, &five).ends_with("print-flyer — 4."), "three labels at most");
    let mut empty = week();
    empty.items.clear();
    empty.total = 0;
    assert_eq!(chart_words(Locale::Ru, &empty), "С 29 ноября по 5 декабря 0 новых диалогов.");
}

#[test]
fn a_days_tooltip_names_the_day_and_its_dialogs() {
    let day = Date::parse("2026-12-03").unwrap();
    assert_eq!(day_line(Locale::Ru, day, 2026, 2), "3 декабря — 2 новых диалога");
    assert_eq!(day_line(Locale::Ru, day, 2027, 5), "3 декабря 2026 — 5 новых диалогов");
}

#[test]
fn the_address_keeps_the_period_and_the_default_stays_out_of_it() {
    let table = [
        (None, SourceDays::Month),
        (Some("7"), SourceDays::Week),
        (Some("30"), SourceDays::Month),
        (Some("90"), SourceDays::Quarter),
        (Some("14"), SourceDays::Month),
        (Some("семь"), SourceDays::Month),
        (Some(""), SourceDays::Month),
    ];
    for (query, days) in table {
        assert_eq!(period_of_query(query), days, "{query:?}");
    }
    let written: Vec<Option<String>> = SourceDays::ALL.into_iter().map(query_of_period).collect();
    assert_eq!(written, [Some("7".to_owned()), None, Some("90".to_owned())]);
}
