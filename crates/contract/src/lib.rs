//! The REST contract between the MAX channel admin app and the Mango Dialogs back end
//! (`shared/contract/openapi.yaml`, OpenAPI 3.1), as Rust types and pure validation rules.
//!
//! Both the browser app and the dev back end depend on this crate, so the JSON they
//! exchange and the rules they enforce cannot drift apart. It has no web dependency and
//! compiles for `wasm32-unknown-unknown` and natively alike.

#[cfg(feature = "testing")]
pub mod arbitrary;
pub mod fake_max;
pub mod samples;
mod string_enum;
pub mod types;
pub mod validation;

pub use types::*;
pub use validation::*;

/// The path prefix of every operation, below the API origin.
pub const API_PREFIX: &str = "/api/v1";

/// The header every state-changing call carries.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// The operations of the contract, by their `operationId`, with method and path.
/// The dev back end's fault injection and request log name operations this way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    ListChannelGroups,
    GetMaxChannel,
    VerifyMaxToken,
    GetMaxSettings,
    PutMaxSettings,
    DisconnectMax,
    ListEmployees,
    ListGroups,
    ListChatBots,
}

impl Operation {
    pub const ALL: [Operation; 9] = [
        Operation::ListChannelGroups,
        Operation::GetMaxChannel,
        Operation::VerifyMaxToken,
        Operation::GetMaxSettings,
        Operation::PutMaxSettings,
        Operation::DisconnectMax,
        Operation::ListEmployees,
        Operation::ListGroups,
        Operation::ListChatBots,
    ];

    /// The `operationId` of the OpenAPI document.
    pub fn id(self) -> &'static str {
        match self {
            Operation::ListChannelGroups => "listChannelGroups",
            Operation::GetMaxChannel => "getMaxChannel",
            Operation::VerifyMaxToken => "verifyMaxToken",
            Operation::GetMaxSettings => "getMaxSettings",
            Operation::PutMaxSettings => "putMaxSettings",
            Operation::DisconnectMax => "disconnectMax",
            Operation::ListEmployees => "listEmployees",
            Operation::ListGroups => "listGroups",
            Operation::ListChatBots => "listChatBots",
        }
    }

    pub fn from_id(id: &str) -> Option<Operation> {
        Operation::ALL.into_iter().find(|op| op.id() == id)
    }

    pub fn method(self) -> &'static str {
        match self {
            Operation::VerifyMaxToken => "POST",
            Operation::PutMaxSettings => "PUT",
            Operation::DisconnectMax => "DELETE",
            _ => "GET",
        }
    }

    /// The path below [`API_PREFIX`].
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
        }
    }

    /// Whether the call changes state and so must carry [`CSRF_HEADER`].
    pub fn needs_csrf(self) -> bool {
        self.method() != "GET"
    }
}
