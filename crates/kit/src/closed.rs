//! `closed_enum!`: an enum whose values are all known, with `ALL` (every value, in the
//! order written) and, when each value is written `Value = "name"`, `name()` and
//! `parse()`. One table per enum: adding a value adds it everywhere, and a list that
//! forgets one cannot exist.
//!
//! The enum keeps the derives and documentation written on it; `name()` takes `self`, so a
//! named enum is `Copy`.

/// See the module's documentation. `ALL` is `[Self; N]`, usable in `const` and arrays.
#[macro_export]
macro_rules! closed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $crate::closed_enum! { @enum $(#[$meta])* $vis enum $name { $( $(#[$vmeta])* $variant ),+ } }

        impl $name {
            /// The value's name, as an address, a file or a command line writes it.
            pub const fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// The value of a name; `None` for a name no value has.
            pub fn parse(name: &str) -> Option<$name> {
                match name {
                    $( $text => Some($name::$variant), )+
                    _ => None,
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)?
        }
    ) => {
        $crate::closed_enum! { @enum $(#[$meta])* $vis enum $name { $( $(#[$vmeta])* $variant ),+ } }
    };
    (@enum $(#[$meta:meta])* $vis:vis enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident ),+ }) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order written.
            pub const ALL: [$name; [$( $crate::closed_enum!(@unit $variant) ),+].len()] = [ $( $name::$variant ),+ ];
        }
    };
    (@unit $variant:ident) => {
        ()
    };
}

#[cfg(test)]
mod tests {
    crate::closed_enum! {
        /// Named values.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        enum Light {
            #[default]
            Red = "red",
            Amber = "amber",
            Green = "green",
        }
    }

    crate::closed_enum! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Side { Left, Right }
    }

    #[test]
    fn every_value_once_in_order_and_each_name_parses_back() {
        assert_eq!(Light::ALL, [Light::Red, Light::Amber, Light::Green]);
        for light in Light::ALL {
            assert_eq!(Light::parse(light.name()), Some(light));
        }
        assert_eq!(Light::parse("blue"), None);
        assert_eq!(Light::parse("Red"), None, "names are exact");
        assert_eq!(Light::default(), Light::Red, "the enum keeps its own derives and attributes");
        assert_eq!(Side::ALL, [Side::Left, Side::Right]);
        const COUNT: usize = Light::ALL.len();
        assert_eq!(COUNT, 3);
    }
}
