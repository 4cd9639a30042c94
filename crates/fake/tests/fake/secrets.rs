//! The MAX token is a secret: whatever happens to the account, no history page, health
//! answer, channel answer or refusal carries it (only its last 4 characters as the hint).

use crate::common::*;
use max_channel_contract::arbitrary::any_token;
use max_channel_contract::*;
use max_channel_fake::{HealthCall, InboundUpdate, MaxCondition, Precondition, UpdateKind};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    SaveWithToken,
    Save,
    Disconnect,
    Verify,
    Condition(usize),
    Advance(i64),
    Check,
    Repair,
    StartTest,
    /// A customer sends the newest test's code (or a plain message when there is none).
    SendCode,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::SaveWithToken),
        Just(Op::Save),
        Just(Op::Disconnect),
        Just(Op::Verify),
        (0..MaxCondition::ALL.len()).prop_map(Op::Condition),
        (1i64..40_000).prop_map(Op::Advance),
        Just(Op::Check),
        Just(Op::Repair),
        Just(Op::StartTest),
        Just(Op::SendCode),
    ]
}

/// Every answer a client can read, as JSON text.
fn everything_readable(fake: &mut max_channel_fake::Fake, tests: &[String]) -> Vec<String> {
    let mut out = vec![
        serde_json::to_string(&fake.max_channel()).unwrap(),
        serde_json::to_string(&fake.channel_groups()).unwrap(),
    ];
    let mut cursor = None;
    loop {
        let page = fake.history(&HistoryQuery { limit: Some(7), cursor }).unwrap();
        out.push(serde_json::to_string(&page).unwrap());
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    for call in [HealthCall::Get, HealthCall::Check, HealthCall::Repair] {
        match fake.health(call) {
            Ok(health) => out.push(serde_json::to_string(&health).unwrap()),
            Err(refusal) => out.push(refusal.json()),
        }
    }
    if let Ok(settings) = fake.settings() {
        out.push(serde_json::to_string(&settings).unwrap());
    }
    for days in SourceDays::ALL {
        out.push(fake.sources(days).map_or_else(|r| r.json(), |s| serde_json::to_string(&s).unwrap()));
    }
    for id in tests {
        out.push(fake.delivery_test(id).map_or_else(|r| r.json(), |t| serde_json::to_string(&t).unwrap()));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_answer_ever_contains_a_token(
        tokens in proptest::collection::vec(any_token(), 1..4),
        ops in proptest::collection::vec(op(), 1..25),
    ) {
        // Tokens of the contract's shape, long enough that a hit is no accident and not
        // one of the fake MAX's refusing prefixes.
        let tokens: Vec<String> = tokens
            .into_iter()
            .filter_map(|t| check_token(&t).ok().map(str::to_owned))
            .map(|t| format!("tok_{t}_secret"))
            .collect();
        prop_assume!(!tokens.is_empty());
        let (mut fake, _) = fake();
        let mut answers = Vec::new();
        let mut tests: Vec<DeliveryTest> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let token = &tokens[i % tokens.len()];
            let precondition = precondition(&fake);
            let write = |token: Option<&String>| SettingsWrite { token: token.cloned(), settings: with_closing(&format!("Шаг {i}")), restored_from: None };
            match op {
                Op::SaveWithToken => answers.push(fake.save(&precondition, &write(Some(token))).map_or_else(|r| r.json(), |s| s.version)),
                Op::Save => answers.push(fake.save(&precondition, &write(None)).map_or_else(|r| r.json(), |s| s.version)),
                Op::Disconnect => fake.disconnect(),
                Op::Verify => {
                    let answer = fake.verify_token(&TokenVerifyRequest { token: token.clone() });
                    answers.push(answer.map_or_else(|r| r.json(), |b| serde_json::to_string(&b).unwrap()));
                }
                Op::Condition(n) => fake.set_max_condition(MaxCondition::ALL[*n]),
                Op::Advance(seconds) => fake.advance(*seconds),
                Op::Check => answers.extend(fake.health(HealthCall::Check).err().map(|r| r.json())),
                Op::Repair => answers.extend(fake.health(HealthCall::Repair).err().map(|r| r.json())),
                Op::StartTest => match fake.start_delivery_test() {
                    Ok(test) => {
                        answers.push(serde_json::to_string(&test).unwrap());
                        tests.push(test);
                    }
                    Err(refusal) => answers.push(refusal.json()),
                },
                Op::SendCode => {
                    let text = tests.last().map_or_else(|| "Здравствуйте".to_owned(), |t| t.code.clone());
                    fake.deliver_update(InboundUpdate { user_id: 5, name: None, kind: UpdateKind::Message { text } });
                }
            }
        }
        let ids: Vec<String> = tests.iter().map(|t| t.id.clone()).collect();
        answers.extend(everything_readable(&mut fake, &ids));
        for answer in &answers {
            for token in &tokens {
                prop_assert!(!answer.contains(token.as_str()), "a token in {answer}");
            }
        }
    }
}

#[test]
fn the_hint_is_all_that_is_shown() {
    let (mut fake, _) = fake();
    let write = SettingsWrite {
        token: Some("  secret-token-x7Qa ".into()),
        settings: with_closing("Привет"),
        restored_from: None,
    };
    fake.save(&Precondition::CreateOnly, &write).unwrap();
    assert_eq!(fake.max_channel().token_hint.as_deref(), Some("…x7Qa"));
    assert_eq!(fake.account().token.as_deref(), Some("secret-token-x7Qa"), "stored trimmed");
    let all = everything_readable(&mut fake, &[]).join("\n");
    assert!(!all.contains("secret-token"), "{all}");
}
