//! The REST contract between the MAX channel admin app and the Mango Dialogs back end
//! (`shared/contract/openapi.yaml`, OpenAPI 3.1), as Rust types and pure validation rules.
//!
//! Both the browser app and the dev back end depend on this crate, so the JSON they
//! exchange and the rules they enforce cannot drift apart. It has no web dependency and
//! compiles for `wasm32-unknown-unknown` and natively alike.

#[cfg(feature = "testing")]
pub mod arbitrary;
mod decode;
pub mod delivery;
mod encode;
pub mod health;
pub mod history;
pub mod json;
pub mod schedule;
mod string_enum;
pub mod time;
pub mod types;
pub mod validation;

pub use delivery::*;
pub use health::*;
pub use history::*;
pub use schedule::*;
pub use types::*;
pub use validation::*;

/// The path prefix of every operation, below the API origin.
pub const API_PREFIX: &str = "/api/v1";

/// The header every state-changing call carries.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

max_channel_kit::closed_enum! {
    /// The operations of the contract, by their `operationId`, with method and path.
    /// The dev back end's fault injection and request log name operations this way.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Operation {
        ListChannelGroups = "listChannelGroups",
        GetMaxChannel = "getMaxChannel",
        VerifyMaxToken = "verifyMaxToken",
        GetMaxSettings = "getMaxSettings",
        PutMaxSettings = "putMaxSettings",
        DisconnectMax = "disconnectMax",
        ListEmployees = "listEmployees",
        ListGroups = "listGroups",
        ListChatBots = "listChatBots",
        GetMaxHealth = "getMaxHealth",
        CheckMaxHealth = "checkMaxHealth",
        RepairMaxHealth = "repairMaxHealth",
        GetSchedule = "getSchedule",
        ListMaxSettingsHistory = "listMaxSettingsHistory",
        StartMaxDeliveryTest = "startMaxDeliveryTest",
        GetMaxDeliveryTest = "getMaxDeliveryTest",
        GetMaxSources = "getMaxSources",
    }
}

impl Operation {
    pub fn method(self) -> &'static str {
        match self {
            Operation::VerifyMaxToken
            | Operation::CheckMaxHealth
            | Operation::RepairMaxHealth
            | Operation::StartMaxDeliveryTest => "POST",
            Operation::PutMaxSettings => "PUT",
            Operation::DisconnectMax => "DELETE",
            _ => "GET",
        }
    }

    /// The path below [`API_PREFIX`], as the document writes it: a path parameter is
    /// `{id}` ([`Operation::path_for`] fills it in).
    pub fn path(self) -> &'static str {
        match self {
            Operation::ListChannelGroups => "/channel-groups",
            Operation::GetMaxChannel => "/channels/max",
            Operation::VerifyMaxToken => "/channels/max/token/verify",
            Operation::GetMaxSettings | Operation::PutMaxSettings => "/channels/max/settings",
            Operation::DisconnectMax => "/channels/max/connection",
            Operation::ListEmployees => "/employees",
            Operation::ListGroups => "/groups",
            Operation::ListChatBots => "/chat-bots",
            Operation::GetMaxHealth => "/channels/max/health",
            Operation::CheckMaxHealth => "/channels/max/health/check",
            Operation::RepairMaxHealth => "/channels/max/health/repair",
            Operation::GetSchedule => "/schedule",
            Operation::ListMaxSettingsHistory => "/channels/max/settings/history",
            Operation::StartMaxDeliveryTest => "/channels/max/delivery-tests",
            Operation::GetMaxDeliveryTest => "/channels/max/delivery-tests/{id}",
            Operation::GetMaxSources => "/channels/max/sources",
        }
    }

    /// The path with its `{id}` filled in, percent-encoded (an id is opaque: it may hold
    /// what a path must not).
    pub fn path_for(self, id: &str) -> String {
        let mut encoded = String::with_capacity(id.len());
        for byte in id.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                encoded.push(char::from(byte));
            } else {
                encoded.push_str(&format!("%{byte:02X}"));
            }
        }
        self.path().replace("{id}", &encoded)
    }

    /// Whether a request path (below [`API_PREFIX`]) is this operation's: a `{…}` segment
    /// takes any one non-empty segment.
    pub fn matches_path(self, path: &str) -> bool {
        let mut template = self.path().split('/');
        let mut given = path.split('/');
        loop {
            match (template.next(), given.next()) {
                (None, None) => return true,
                (Some(t), Some(g)) if t.starts_with('{') => {
                    if g.is_empty() {
                        return false;
                    }
                }
                (Some(t), Some(g)) if t == g => {}
                _ => return false,
            }
        }
    }

    /// The operation a request is, by method and path below [`API_PREFIX`].
    pub fn of_request(method: &str, path: &str) -> Option<Operation> {
        Operation::ALL.into_iter().find(|op| op.method() == method && op.matches_path(path))
    }

    /// Whether the call changes state and so must carry [`CSRF_HEADER`].
    pub fn needs_csrf(self) -> bool {
        self.method() != "GET"
    }

    /// The 4xx statuses the contract documents for this operation. 401, 403 and 429 mean
    /// the same on every call; a 404, 412 or 422 elsewhere is an answer the contract does
    /// not know, and the app treats it as such rather than guessing.
    pub fn documented_client_errors(self) -> &'static [u16] {
        match self {
            Operation::VerifyMaxToken => &[400, 401, 403, 422, 429],
            Operation::GetMaxSettings => &[401, 404],
            Operation::PutMaxSettings => &[400, 401, 403, 412, 422, 428, 429],
            Operation::DisconnectMax => &[401, 403],
            Operation::ListEmployees | Operation::ListMaxSettingsHistory => &[400, 401],
            Operation::GetMaxHealth | Operation::GetMaxDeliveryTest => &[401, 404],
            Operation::CheckMaxHealth | Operation::StartMaxDeliveryTest => &[401, 403, 404, 429],
            Operation::RepairMaxHealth => &[401, 403, 404, 422, 429],
            Operation::GetMaxSources => &[400, 401, 404],
            _ => &[401],
        }
    }

    /// Whether a 4xx answer of this operation carries a meaning the app can show.
    pub fn understands(self, status: u16) -> bool {
        !(400..500).contains(&status)
            || matches!(status, 401 | 403 | 429)
            || self.documented_client_errors().contains(&status)
    }
}

#[cfg(test)]
mod operation_tests {
    use super::Operation;

    /// The table above is the OpenAPI document's, operation by operation.
    #[test]
    fn documented_client_errors_are_the_specs() {
        let spec: serde_json::Value =
            serde_norway::from_str(include_str!("../spec/openapi.yaml")).expect("the spec parses");
        for op in Operation::ALL {
            let method = op.method().to_ascii_lowercase();
            let responses = &spec["paths"][op.path()][method.as_str()]["responses"];
            let mut documented: Vec<u16> = responses
                .as_object()
                .unwrap_or_else(|| panic!("{} has responses", op.name()))
                .keys()
                .filter_map(|k| k.parse::<u16>().ok())
                .filter(|s| (400..500).contains(s))
                .collect();
            documented.sort_unstable();
            assert_eq!(documented, op.documented_client_errors(), "{}", op.name());
        }
    }

    #[test]
    fn undocumented_client_errors_are_not_understood() {
        assert!(Operation::GetMaxSettings.understands(404));
        assert!(!Operation::GetMaxChannel.understands(404));
        assert!(!Operation::ListGroups.understands(412));
        assert!(Operation::ListGroups.understands(403));
        assert!(Operation::ListGroups.understands(429));
        assert!(Operation::ListGroups.understands(502));
        assert!(!Operation::DisconnectMax.understands(422));
        assert!(Operation::PutMaxSettings.understands(428));
        assert!(!Operation::GetMaxChannel.understands(428));
        assert!(Operation::RepairMaxHealth.understands(422));
        assert!(!Operation::CheckMaxHealth.understands(422));
        assert!(Operation::GetMaxHealth.understands(404));
        assert!(!Operation::GetSchedule.understands(404));
        assert!(Operation::StartMaxDeliveryTest.understands(404));
        assert!(!Operation::StartMaxDeliveryTest.understands(422));
        assert!(Operation::GetMaxDeliveryTest.understands(404));
        assert!(Operation::GetMaxSources.understands(400));
        assert!(!Operation::GetMaxSources.understands(412));
    }

    #[test]
    fn request_paths_find_their_operation() {
        use Operation as O;
        let cases = [
            ("POST", "/channels/max/delivery-tests", Some(O::StartMaxDeliveryTest)),
            ("GET", "/channels/max/delivery-tests/dt-7f3k2q9m", Some(O::GetMaxDeliveryTest)),
            ("GET", "/channels/max/delivery-tests/", None),
            ("GET", "/channels/max/delivery-tests/a/b", None),
            ("GET", "/channels/max/delivery-tests", None),
            ("GET", "/channels/max/sources", Some(O::GetMaxSources)),
            ("PUT", "/channels/max/settings", Some(O::PutMaxSettings)),
            ("GET", "/channels/max/settings/history", Some(O::ListMaxSettingsHistory)),
            ("GET", "/channels/max/settings/", None),
        ];
        for (method, path, expected) in cases {
            assert_eq!(Operation::of_request(method, path), expected, "{method} {path}");
        }
        for op in Operation::ALL {
            assert_eq!(Operation::of_request(op.method(), &op.path_for("dt-1")), Some(op), "{}", op.name());
        }
        assert_eq!(O::GetMaxDeliveryTest.path_for("a/b c"), "/channels/max/delivery-tests/a%2Fb%20c");
        assert_eq!(O::GetMaxSources.path_for("x"), "/channels/max/sources");
    }
}
