//! The preview's state read from and written to the page's address, round trip by round trip.

use super::*;

fn rule(fault: DemoFault, on: FaultTarget, once: bool) -> Option<FaultRule> {
    Some(FaultRule { fault, on, once })
}

#[test]
fn every_state_goes_into_the_address_and_back() {
    let cases = [
        (Scenario::default(), "demo=not_connected"),
        (Scenario { data: Preset::Connected, ..Scenario::default() }, "demo=connected"),
        (
            Scenario {
                data: Preset::Connected,
                fault: rule(DemoFault::Internal, FaultTarget::Only(Operation::PutMaxSettings), false),
                ..Scenario::default()
            },
            "demo=connected&fault=500&on=putMaxSettings",
        ),
        (
            Scenario {
                data: Preset::HealthFailing,
                fault: rule(DemoFault::RateLimited, FaultTarget::NextAction, true),
                slow: true,
                hold: true,
                token: TokenAnswer::Refused,
                clock: Some(WeekMoment { weekday: 5, minute: 19 * 60 + 30 }),
                english: true,
                check: true,
                chrome: false,
            },
            "demo=health_failing&fault=429&on=next&once=1&slow=1&hold=1&token_check=refused&clock=sat-19:30&lang=en\
             &open=check&chrome=0",
        ),
        (
            Scenario { fault: rule(DemoFault::Network, FaultTarget::Every, false), ..Scenario::default() },
            "demo=not_connected&fault=network",
        ),
    ];
    for (scenario, query) in cases {
        assert_eq!(scenario.to_query(), query);
        assert_eq!(Scenario::from_query(query), scenario, "{query}");
        assert_eq!(Scenario::from_query(&format!("?{query}")), scenario, "{query}");
    }
}

#[test]
fn what_cannot_be_read_keeps_its_default() {
    let read = Scenario::from_query("demo=nonsense&fault=999&on=nowhere&token_check=maybe&clock=sat-25:00&lang=de");
    assert_eq!(read, Scenario::default());
    // `?demo` alone (the dev back end's redirect) is the first account.
    assert_eq!(Scenario::from_query("demo"), Scenario::default());
    // An operation without an error is no error.
    assert_eq!(Scenario::from_query("demo=connected&on=putMaxSettings").fault, None);
    // As a browser may escape the clock.
    assert_eq!(Scenario::from_query("clock=mon%2D09%3A05").clock, Some(WeekMoment { weekday: 0, minute: 545 }));
}

#[test]
fn week_moments_are_strict() {
    for bad in ["sat-24:00", "sat-9:30", "sat-09:60", "xyz-10:00", "sat", "sat-10", "sat-10:00:00"] {
        assert_eq!(WeekMoment::from_id(bad), None, "{bad}");
    }
    for weekday in 0..7u8 {
        for minute in [0, 59, 600, 1439] {
            let moment = WeekMoment { weekday, minute };
            assert_eq!(WeekMoment::from_id(&moment.id()), Some(moment));
        }
    }
}

#[test]
fn the_pages_own_keys_stay_and_come_first() {
    let scenario = Scenario { data: Preset::Sources, slow: true, ..Scenario::default() };
    assert_eq!(scenario.merged_into("?days=90&demo=connected&fault=500"), "days=90&demo=sources&slow=1");
    assert_eq!(scenario.merged_into(""), "demo=sources&slow=1");
    assert_eq!(scenario.merged_into("?demo"), "demo=sources&slow=1");
    assert_eq!(scenario.merged_into("flag&days=7"), "flag&days=7&demo=sources&slow=1");
    // The settings page's own `token=replace` is not the token check's answer.
    assert_eq!(scenario.merged_into("token=replace"), "token=replace&demo=sources&slow=1");
    assert!(Scenario::asked_in("?days=7&demo") && Scenario::asked_in("demo=connected"));
    assert!(!Scenario::asked_in("?days=7") && !Scenario::asked_in("?demonstration=1"));
}

#[test]
fn which_calls_an_error_meets() {
    use Operation::*;
    let actions =
        [VerifyMaxToken, PutMaxSettings, DisconnectMax, CheckMaxHealth, RepairMaxHealth, StartMaxDeliveryTest];
    for op in Operation::ALL {
        assert!(FaultTarget::Every.meets(op));
        assert_eq!(FaultTarget::NextAction.meets(op), actions.contains(&op), "{op:?}");
        assert_eq!(FaultTarget::Only(PutMaxSettings).meets(op), op == PutMaxSettings);
        assert_eq!(FaultTarget::from_id(FaultTarget::Only(op).id()), Some(FaultTarget::Only(op)));
    }
    // Only an error a page's load meets makes the pages load again.
    assert!(FaultTarget::Every.meets_a_load() && FaultTarget::Only(GetMaxSources).meets_a_load());
    assert!(!FaultTarget::NextAction.meets_a_load() && !FaultTarget::Only(PutMaxSettings).meets_a_load());
}
