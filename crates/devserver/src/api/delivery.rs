//! Contract 1.2: «Проверка связи» (`startMaxDeliveryTest`, `getMaxDeliveryTest`) and
//! «Откуда пишут клиенты» (`getMaxSources`). Thin adapters: whether a test may start, what
//! it reads now and what the sources count are the fake's to say.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use max_channel_contract::SourceDays;

use super::{bad_request, ok, persist, query, Answer, Failure};
use crate::Shared;

/// `startMaxDeliveryTest`: 201 with the waiting test; 404 while not connected, 429 (with
/// the rest of the ten seconds as `Retry-After`) when started again too soon. CSRF is the
/// guard's (a POST).
pub async fn start_max_delivery_test(State(state): State<Shared>) -> Answer {
    let mut fake = state.fake();
    let test = fake.start_delivery_test()?;
    persist(&state, &fake)?;
    Ok((StatusCode::CREATED, Json(test)).into_response())
}

/// `getMaxDeliveryTest`: the test as it stands on the fake's clock (a waiting one past its
/// ten minutes reads `expired`); 404 for an id never made or made before a disconnect.
pub async fn get_max_delivery_test(State(state): State<Shared>, Path(id): Path<String>) -> Answer {
    let mut fake = state.fake();
    let test = fake.delivery_test(&id)?;
    // Reading may move the test on (expired, a preset's scripted customer).
    persist(&state, &fake)?;
    Ok(ok(test))
}

/// `getMaxSources`: `days` is 7, 30 or 90 (absent: 30); anything else — another number,
/// not a number, empty, given twice — is 400 `bad_request`. 404 while the channel has
/// never been connected (the fake's).
pub async fn get_max_sources(
    State(state): State<Shared>,
    params: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Answer {
    let days = source_days(&query(params)?)?;
    let stats = state.fake().sources(days)?;
    Ok(ok(stats))
}

/// The period a query asks for, by the contract's closed set.
fn source_days(params: &[(String, String)]) -> Result<SourceDays, Failure> {
    let mut given = params.iter().filter(|(name, _)| name == "days").map(|(_, value)| value.as_str());
    let first = given.next();
    if given.next().is_some() {
        return Err(bad_request("Параметр days указан дважды.").into());
    }
    SourceDays::parse_query(first).ok_or_else(|| bad_request("days — одно из: 7, 30, 90.").into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(query: &str) -> Option<SourceDays> {
        let pairs: Vec<(String, String)> = serde_urlencoded_pairs(query);
        source_days(&pairs).ok()
    }

    /// What axum's `Query` makes of a query string, without a server.
    fn serde_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
        let uri: axum::http::Uri = format!("/x?{query}").parse().unwrap();
        Query::<Vec<(String, String)>>::try_from_uri(&uri).unwrap().0
    }

    #[test]
    fn days_are_seven_thirty_or_ninety_once() {
        assert_eq!(days(""), Some(SourceDays::Month), "absent: 30");
        assert_eq!(days("days=7"), Some(SourceDays::Week));
        assert_eq!(days("days=90&other=1"), Some(SourceDays::Quarter), "other parameters are not ours");
        assert_eq!(days("days=%33%30"), Some(SourceDays::Month), "percent-encoded digits are digits");
        for bad in ["days=8", "days=abc", "days=", "days=7&days=7", "days=7&days=30", "days=+7"] {
            assert_eq!(days(bad), None, "{bad}");
        }
    }
}
