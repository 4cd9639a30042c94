//! What a change of the preview's state takes besides the fake's knobs: only what it must,
//! so an error that waits for an action, the token's answer or a slower network leave the
//! page, and whatever was typed in it, as they are.

use crate::api::demo::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Takes {
    /// The clock moves again (a new moment, or a new account whose zone may differ).
    pub clock: bool,
    /// Every page loads its data again.
    pub pages: bool,
    /// The page itself loads again (the language is chosen before the app starts).
    pub document: bool,
}

pub fn takes(before: &Scenario, after: &Scenario) -> Takes {
    let data = before.data != after.data;
    let clock = before.clock != after.clock || (data && after.clock.is_some());
    let meets_a_load = |s: &Scenario| s.fault.is_some_and(|rule| rule.on.meets_a_load());
    let fault = before.fault != after.fault && (meets_a_load(before) || meets_a_load(after));
    Takes {
        clock,
        pages: data || clock || fault || (after.hold && !before.hold),
        document: before.english != after.english,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::demo::{DemoFault, FaultRule, FaultTarget, Preset, TokenAnswer, WeekMoment};
    use max_channel_contract::Operation;

    #[test]
    fn a_change_takes_only_what_it_must() {
        let plain = Scenario { data: Preset::Connected, ..Scenario::default() };
        let error = |on| Some(FaultRule { fault: DemoFault::Internal, on, once: false });
        let on_save = Scenario { fault: error(FaultTarget::Only(Operation::PutMaxSettings)), ..plain };
        let next = Scenario { fault: error(FaultTarget::NextAction), ..plain };
        let every = Scenario { fault: error(FaultTarget::Every), ..plain };
        let at = Some(WeekMoment { weekday: 5, minute: 1170 });
        let pages = Takes { pages: true, ..Takes::default() };
        let moved = Takes { clock: true, pages: true, document: false };
        let cases = [
            // The form keeps what was typed: nothing loads again.
            (plain, on_save, Takes::default()),
            (on_save, next, Takes::default()),
            (next, plain, Takes::default()),
            (plain, Scenario { token: TokenAnswer::Refused, ..plain }, Takes::default()),
            (plain, Scenario { slow: true, ..plain }, Takes::default()),
            (Scenario { hold: true, ..plain }, plain, Takes::default()),
            // A load's error shows, and goes, as the pages load again.
            (plain, every, pages),
            (every, plain, pages),
            (every, on_save, pages),
            (plain, Scenario { hold: true, ..plain }, pages),
            (plain, Scenario { data: Preset::Sources, ..plain }, pages),
            (plain, Scenario { clock: at, ..plain }, moved),
            (Scenario { clock: at, ..plain }, Scenario { clock: at, data: Preset::OtherZone, ..plain }, moved),
            (plain, Scenario { english: true, ..plain }, Takes { document: true, ..Takes::default() }),
        ];
        for (before, after, expected) in cases {
            assert_eq!(takes(&before, &after), expected, "{before:?} → {after:?}");
        }
    }
}
