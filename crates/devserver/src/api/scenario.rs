//! The test controls that set the fake's account up as a scenario needs it: the fake MAX's
//! condition, a customer's message, the clock, the actor, the schedule, a preset (routes
//! and bodies: [`super::dev`]).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use max_channel_contract::{ErrorCode, ScheduleProblem, WorkSchedule};
use max_channel_fake::clock::rfc3339;
use max_channel_fake::{samples, MaxCondition, Preset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::done;
use super::{bad_request, decode, internal, persist, Answer, Failure};
use crate::Shared;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionBody {
    condition: MaxCondition,
}

/// Puts the fake MAX in a condition; the channel learns of it at its next health check.
pub async fn set_max_condition(State(state): State<Shared>, body: Bytes) -> Answer {
    let ConditionBody { condition } = decode(&body)?;
    if state.config.max.is_real() {
        return Err(bad_request("С --max-api состояние MAX задаёт настоящий MAX.").into());
    }
    let mut fake = state.fake();
    fake.set_max_condition(condition);
    persist(&state, &fake)?;
    Ok(done())
}

/// A customer's message arrives now («Последнее обращение»).
pub async fn deliver_inbound(State(state): State<Shared>) -> Answer {
    let mut fake = state.fake();
    fake.deliver_inbound();
    persist(&state, &fake)?;
    Ok(done())
}

/// The fake's time, as `/__dev/clock` answers it.
#[derive(Debug, Serialize)]
pub struct Now {
    /// RFC 3339 at the account's offset (+03:00).
    pub now: String,
    pub unix_seconds: i64,
}

/// The clock stops here: beyond, moments would not be RFC 3339 (years of five digits).
const LATEST: i64 = 253_402_200_000; // 9999-12-31, with room for the +03:00 offset

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    #[serde(default)]
    advance_hours: Option<i64>,
    #[serde(default)]
    advance_minutes: Option<i64>,
    #[serde(default)]
    advance_seconds: Option<i64>,
}

impl Advance {
    /// The seconds to move by, or why not: only forward (MAX's own clock only runs on),
    /// at least one amount given, no overflow.
    fn seconds(&self) -> Result<i64, &'static str> {
        let parts = [(self.advance_hours, 3600), (self.advance_minutes, 60), (self.advance_seconds, 1)];
        if parts.iter().all(|(n, _)| n.is_none()) {
            return Err("Нужно advance_hours, advance_minutes или advance_seconds.");
        }
        parts.iter().try_fold(0i64, |sum, (n, unit)| match n {
            None => Ok(sum),
            Some(n) if *n < 0 => Err("Часы идут только вперёд."),
            Some(n) => n.checked_mul(*unit).and_then(|s| sum.checked_add(s)).ok_or("Слишком далеко."),
        })
    }
}

pub async fn clock(State(state): State<Shared>) -> Json<Now> {
    let now = state.fake().now();
    Json(Now { now: rfc3339(now), unix_seconds: now })
}

/// Moves the fake's time forward, letting MAX's own clock run (eight hours of failing
/// deliveries remove the subscription). `/__dev/reset` brings back the real time.
pub async fn advance_clock(State(state): State<Shared>, body: Bytes) -> Answer {
    let advance: Advance = decode(&body)?;
    let seconds = advance.seconds().map_err(|why| Failure::from(bad_request(why)))?;
    let mut fake = state.fake();
    if fake.now().checked_add(seconds).is_none_or(|at| at > LATEST) {
        return Err(bad_request("Слишком далеко.").into());
    }
    fake.advance(seconds);
    persist(&state, &fake)?;
    let now = fake.now();
    Ok(Json(Now { now: rfc3339(now), unix_seconds: now }).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorBody {
    id: String,
}

/// Acts as another administrator of the directory from now on (a second person saving).
pub async fn set_actor(State(state): State<Shared>, body: Bytes) -> Answer {
    let ActorBody { id } = decode(&body)?;
    let mut fake = state.fake();
    fake.set_actor(&id)?;
    persist(&state, &fake)?;
    Ok(done())
}

/// The ready-made schedules of `{"preset": …}`.
const SCHEDULE_PRESETS: [&str; 3] = ["moscow", "vladivostok", "always_open"];

fn schedule_preset(name: &str) -> Option<WorkSchedule> {
    match name {
        "moscow" => Some(samples::schedule()),
        "vladivostok" => Some(samples::schedule_vladivostok()),
        "always_open" => Some(samples::schedule_always_open()),
        _ => None,
    }
}

/// What a schedule problem says, with its path.
fn describe(problem: &ScheduleProblem) -> String {
    match problem {
        ScheduleProblem::TimeZone => "timezone: не похоже на имя зоны IANA".into(),
        ScheduleProblem::WeekLength(days) => format!("week: {days} дн. вместо 7"),
        ScheduleProblem::BadTime { path } => format!("{path}: не время HH:MM"),
        ScheduleProblem::EmptyInterval { path } => format!("{path}: from не раньше to"),
        ScheduleProblem::Unordered { path } => format!("{path}: начинается до конца предыдущего"),
        ScheduleProblem::BadDate { path } => format!("{path}: не дата"),
        ScheduleProblem::ExceptionOrder { path } => format!("{path}: дата не позже предыдущей"),
    }
}

/// Replaces the work schedule: a whole `WorkSchedule`, or `{"preset": "vladivostok"}`.
/// A schedule that breaks the contract's rules is 400 with every problem listed.
pub async fn set_schedule(State(state): State<Shared>, body: Bytes) -> Answer {
    let value: Value = decode(&body)?;
    let schedule = match value.get("preset") {
        Some(name) => name.as_str().and_then(schedule_preset).ok_or_else(|| {
            Failure::from(bad_request(&format!("preset — одно из: {}.", SCHEDULE_PRESETS.join(", "))))
        })?,
        None => serde_json::from_value::<WorkSchedule>(value)
            .map_err(|e| Failure::from(bad_request(&format!("Не WorkSchedule: {e}"))))?,
    };
    let mut fake = state.fake();
    if let Err(problems) = fake.set_schedule(schedule) {
        let problems: Vec<String> = problems.iter().map(describe).collect();
        let message = format!("Расписание нарушает правила: {}.", problems.join("; "));
        let body = serde_json::json!({
            "error": { "code": ErrorCode::BadRequest, "message": message, "fields": [] },
            "problems": problems,
        });
        return Err((StatusCode::BAD_REQUEST, Json(body)).into_response().into());
    }
    persist(&state, &fake)?;
    Ok(done())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetBody {
    id: String,
}

/// A ready-made account (the preview's scenarios): a fresh fake at the real time, the
/// preset's history and condition played on it.
pub async fn apply_preset(State(state): State<Shared>, body: Bytes) -> Answer {
    let PresetBody { id } = decode(&body)?;
    let Some(preset) = Preset::parse(&id) else {
        let known: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
        return Err(bad_request(&format!("Нет такого preset; есть: {}.", known.join(", "))).into());
    };
    let mut fake = crate::new_fake(&state.config, preset != Preset::NoChatBots);
    fake.apply(preset);
    state.replace(fake).map_err(|e| Failure::from(internal(e)))?;
    Ok(done())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advance(body: serde_json::Value) -> Result<i64, &'static str> {
        serde_json::from_value::<Advance>(body).unwrap().seconds()
    }

    #[test]
    fn the_clock_moves_forward_by_a_sum_of_units() {
        use serde_json::json;
        assert_eq!(advance(json!({ "advance_hours": 8 })), Ok(28_800));
        assert_eq!(advance(json!({ "advance_hours": 1, "advance_minutes": 2, "advance_seconds": 3 })), Ok(3_723));
        assert_eq!(advance(json!({ "advance_seconds": 0 })), Ok(0));
        assert!(advance(json!({})).is_err(), "nothing to move by");
        assert!(advance(json!({ "advance_minutes": -1 })).is_err(), "only forward");
        assert!(advance(json!({ "advance_hours": i64::MAX })).is_err(), "no overflow");
        assert!(serde_json::from_value::<Advance>(json!({ "advance_days": 1 })).is_err());
    }

    #[test]
    fn schedule_problems_name_their_place() {
        let path = "week[2][1]".to_owned();
        let problems = [
            ScheduleProblem::TimeZone,
            ScheduleProblem::WeekLength(6),
            ScheduleProblem::BadTime { path: path.clone() },
            ScheduleProblem::EmptyInterval { path: path.clone() },
            ScheduleProblem::Unordered { path: path.clone() },
            ScheduleProblem::BadDate { path: path.clone() },
            ScheduleProblem::ExceptionOrder { path: path.clone() },
        ];
        for problem in &problems[2..] {
            assert!(describe(problem).starts_with("week[2][1]: "), "{problem:?}");
        }
        assert!(describe(&problems[0]).starts_with("timezone"));
        assert!(describe(&problems[1]).contains('6'));
        for name in SCHEDULE_PRESETS {
            let schedule = schedule_preset(name).unwrap();
            assert_eq!(max_channel_contract::check_schedule(&schedule), vec![], "{name}");
        }
        assert!(schedule_preset("mars").is_none());
    }
}
