//! Contract 1.1's health operations (`getMaxHealth`, `checkMaxHealth`, `repairMaxHealth`)
//! and the settings' history (`listMaxSettingsHistory`).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use max_channel_contract::{ChannelHealth, HistoryQuery};
use max_channel_fake::{HealthCall, HealthPlan};

use super::{ok, persist, query, Answer};
use crate::max::MaxApi;
use crate::Shared;

pub async fn get_max_health(State(state): State<Shared>) -> Answer {
    health(&state, HealthCall::Get).await
}

pub async fn check_max_health(State(state): State<Shared>) -> Answer {
    health(&state, HealthCall::Check).await
}

pub async fn repair_max_health(State(state): State<Shared>) -> Answer {
    health(&state, HealthCall::Repair).await
}

/// A health call. With the fake MAX the fake answers it whole; with the real MAX it says
/// what to ask (or answers from a fresh enough check), MAX is asked with the account
/// unlocked, and the fake turns the answers into the health (or a refusal: 502, 429,
/// 422 `token_invalid` on a repair).
async fn health(state: &Shared, call: HealthCall) -> Answer {
    let real = match &state.config.max {
        MaxApi::Fake => {
            let mut fake = state.fake();
            let answer = fake.health(call);
            // A check is remembered (its time, the channel's state) even when refused.
            persist(state, &fake)?;
            return answered(answer);
        }
        MaxApi::Real(real) => real,
    };
    let plan = state.fake().health_plan(call)?;
    let (token, webhook_url) = match plan {
        HealthPlan::Ready(health) => return Ok(ok(*health)),
        HealthPlan::AskMax { token, webhook_url } => (token, webhook_url),
    };
    let max_said = real.health(call, &token, &webhook_url).await;
    let mut fake = state.fake();
    let answer = fake.health_answer(call, max_said);
    persist(state, &fake)?;
    answered(answer)
}

fn answered(answer: Result<ChannelHealth, max_channel_fake::Refusal>) -> Answer {
    Ok(ok(answer?))
}

/// `listMaxSettingsHistory`: a `limit` that is not a number is 400 here; its range and
/// the cursor are the fake's to judge (a cursor it did not give is 400 too).
pub async fn list_max_settings_history(
    State(state): State<Shared>,
    params: Result<Query<HistoryQuery>, QueryRejection>,
) -> Answer {
    let params = query(params)?;
    let page = state.fake().history(&params)?;
    Ok(ok(page))
}
