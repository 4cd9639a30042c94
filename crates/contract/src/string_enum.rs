/// An enum of the contract's known string values that keeps any other value as `Other`.
///
/// The back end may add values without bumping the version (a new channel kind, a new
/// error code); a client must decode them rather than fail, and re-encode them unchanged.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(from = "String", into = "String")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the contract does not know.
            Other(String),
        }

        impl $name {
            /// Every value the contract names, in its order.
            pub const KNOWN: &'static [$name] = &[ $( $name::$variant ),+ ];

            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )+
                    $name::Other(other) => other.as_str(),
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $( $text => $name::$variant, )+
                    _ => $name::Other(value),
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name::from(value.to_owned())
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                match value {
                    $name::Other(other) => other,
                    known => known.as_str().to_owned(),
                }
            }
        }

        impl crate::json::FromJson for $name {
            fn from_json(json: crate::json::Json) -> Result<Self, crate::json::JsonError> {
                String::from_json(json).map($name::from)
            }
        }

        impl crate::json::ToJson for $name {
            fn write_json(&self, out: &mut String) {
                crate::json::write_str(self.as_str(), out);
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use string_enum;
