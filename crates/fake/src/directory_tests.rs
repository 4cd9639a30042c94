//! Tests of `directory.rs`.

use super::*;

#[test]
fn names_are_russian_unique_enough_and_gendered() {
    let d = Directory::new(SeedKind::Standard);
    assert!(d.employees.len() >= 10_000);
    let unique: std::collections::HashSet<_> = d.employees.iter().map(|e| &e.name).collect();
    assert!(unique.len() > 5_000, "only {} distinct names", unique.len());
    assert!(d.employees[1].name.split(' ').next().unwrap().ends_with('а'));
    assert!(d.employees[0].name.ends_with("ич"));
    assert!(d.employees[1].name.ends_with("на"));
}

#[test]
fn search_is_case_insensitive_over_name_and_extension() {
    let d = Directory::new(SeedKind::Standard);
    let found: Vec<_> = d.search("КУЗНЕЦОВ").collect();
    assert!(!found.is_empty());
    assert!(found.iter().all(|e| e.name.to_lowercase().contains("кузнецов")));
    let by_ext: Vec<_> = d.search("5001").collect();
    assert!(by_ext.iter().any(|e| e.extension.as_deref() == Some("5001")));
    assert_eq!(d.employee("e-101").unwrap().id, "e-101");
    assert!(d.employee("e-99").is_none());
}

#[test]
fn the_search_folds_case_as_unicode_does_for_every_seeded_name() {
    for kind in [SeedKind::Standard, SeedKind::Hostile] {
        for e in &Directory::new(kind).employees {
            assert_eq!(fold_case(&e.name), e.name.to_lowercase(), "{}", e.name);
            let upper = e.name.to_uppercase();
            assert_eq!(fold_case(&upper), upper.to_lowercase(), "{upper}");
        }
    }
    let alphabet = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ ЀЂЄЇЎЏ ABCXYZ 0-9";
    assert_eq!(fold_case(alphabet), alphabet.to_lowercase());
}

#[test]
fn every_distribution_rule_and_an_unknown_one_are_seeded() {
    let d = Directory::new(SeedKind::Standard);
    for known in Distribution::KNOWN {
        assert!(d.groups.iter().any(|g| &g.distribution == known), "{known}");
    }
    assert!(d.groups.iter().any(|g| !g.distribution.is_known()));
    assert!(d.chat_bots.len() >= 2);
}
