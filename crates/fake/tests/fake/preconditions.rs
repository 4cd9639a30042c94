//! Every save is conditional: the table of `If-Match` / `If-None-Match` against what is
//! stored, and the two-step save (MAX asked in between) keeps the check.

use crate::common::*;
use max_channel_contract::*;
use max_channel_fake::{samples, Precondition, RefusalBody};

/// (what is stored, If-Match, If-None-Match) → the status of the save.
#[test]
fn preconditions_table() {
    // None: nothing saved yet; Some(v): settings at version v ("1").
    let cases: &[(bool, Option<&str>, Option<&str>, u16)] = &[
        (false, None, None, 428),
        (true, None, None, 428),
        (false, None, Some("*"), 200),
        (true, None, Some("*"), 412),
        (false, None, Some("\"1\""), 400),
        (true, None, Some("W/\"1\""), 400),
        (false, Some("\"1\""), None, 400),
        (true, Some("\"1\""), None, 200),
        (true, Some("1"), None, 200),
        (true, Some("W/\"1\""), None, 200),
        (true, Some("\"0\", \"1\""), None, 200),
        (true, Some("*"), None, 200),
        (true, Some("\"2\""), None, 412),
        (true, Some("\"11\""), None, 412),
        (true, Some("\"1\""), Some("*"), 200),
        (true, Some("\"1\""), Some("\"1\""), 400),
    ];
    for &(stored, if_match, if_none_match, expected) in cases {
        let (mut fake, _) = fake();
        if stored {
            connect(&mut fake);
        }
        let write = SettingsWrite {
            token: (!stored).then(|| "good-token-0002".to_owned()),
            settings: with_closing("Новое прощание"),
            restored_from: None,
        };
        let status = Precondition::from_headers(if_match, if_none_match)
            .and_then(|p| fake.save(&p, &write))
            .map_or_else(|r| r.status, |_| 200);
        assert_eq!(status, expected, "stored {stored}, If-Match {if_match:?}, If-None-Match {if_none_match:?}");
    }
}

#[test]
fn a_conflict_carries_the_current_settings_and_changes_nothing() {
    let (mut fake, _) = fake();
    connect(&mut fake);
    let theirs = save(&mut fake, with_closing("Их прощание"), None);
    let write = SettingsWrite { token: None, settings: with_closing("Моё прощание"), restored_from: None };
    let refusal = fake.save(&Precondition::IfMatch("\"1\"".into()), &write).unwrap_err();
    assert_eq!(refusal.status, 412);
    let RefusalBody::Conflict(body) = &refusal.body else { panic!("412 without current") };
    assert_eq!(body.current, theirs);
    assert_eq!(fake.account().settings.as_ref(), Some(&theirs), "nothing stored");
    assert_eq!(fake.account().history.len(), 2, "no history entry for a refused save");
}

#[test]
fn someone_saving_while_max_is_asked_is_a_conflict() {
    let (mut fake, _) = fake();
    connect(&mut fake);
    let mine =
        SettingsWrite { token: Some("good-token-0003".into()), settings: with_closing("Моё"), restored_from: None };
    let pending = fake.prepare_save(&precondition(&fake), &mine).unwrap();
    assert_eq!(pending.token(), Some("good-token-0003"));
    let theirs = save(&mut fake, with_closing("Их"), None);
    let bot = max_channel_fake::max::me("good-token-0003");
    let refusal = fake.commit_save(pending, Some(bot)).unwrap_err();
    assert_eq!(refusal.status, 412);
    assert_eq!(fake.account().settings.as_ref(), Some(&theirs));
    assert_eq!(fake.account().token.as_deref(), Some("good-token-0001"), "the token was not replaced");
}

#[test]
fn writes_are_validated_with_references_and_max_refusals() {
    let (mut fake, _) = fake();
    let mut settings = samples::settings();
    settings.routing = Routing::Employee { employee_id: "e-99999999".into() };
    let write = SettingsWrite { token: None, settings, restored_from: None };
    let refusal = fake.save(&Precondition::CreateOnly, &write).unwrap_err();
    assert_eq!(refusal.status, 422);
    let RefusalBody::Error(body) = &refusal.body else { panic!() };
    let paths: Vec<(&str, &FieldErrorCode)> = body.error.fields.iter().map(|f| (f.path.as_str(), &f.code)).collect();
    assert_eq!(
        paths,
        [("token", &FieldErrorCode::Required), ("routing.employee_id", &FieldErrorCode::UnknownReference)]
    );
    let refused = SettingsWrite { token: Some("revoked-1".into()), settings: samples::settings(), restored_from: None };
    let refusal = fake.save(&Precondition::CreateOnly, &refused).unwrap_err();
    assert_eq!((refusal.status, refusal.json().contains("token_invalid")), (422, true));
    let down = SettingsWrite { token: Some("down-1".into()), settings: samples::settings(), restored_from: None };
    assert_eq!(fake.save(&Precondition::CreateOnly, &down).unwrap_err().status, 502);
    let busy = SettingsWrite { token: Some("busy-1".into()), settings: samples::settings(), restored_from: None };
    let refusal = fake.save(&Precondition::CreateOnly, &busy).unwrap_err();
    assert_eq!((refusal.status, refusal.retry_after), (429, Some(30)));
    assert!(fake.account().settings.is_none() && fake.account().history.is_empty());
}

#[test]
fn the_settings_are_404_until_the_first_save_and_stay_after_a_disconnect() {
    let (mut fake, _) = fake();
    assert_eq!(fake.settings().unwrap_err().status, 404);
    let saved = connect(&mut fake);
    fake.disconnect();
    assert_eq!(fake.settings().unwrap(), saved);
    assert_eq!(fake.max_channel().state, ChannelState::NotConnected);
    let write = SettingsWrite { token: None, settings: samples::settings(), restored_from: None };
    let refusal = fake.save(&precondition(&fake), &write).unwrap_err();
    assert!(refusal.json().contains("\"path\":\"token\""), "a save after a disconnect needs a token");
}
