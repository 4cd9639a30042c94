//! The stylesheet keeps its promise to the host cabinet (docs/theming.md): every colour is a
//! `--mc-*` custom property defined on `:root`, every property a rule uses exists, and every
//! property is documented.

use std::collections::BTreeSet;

const CSS: &str = include_str!("../../style/main.css");
const THEMING: &str = include_str!("../../docs/theming.md");

/// The stylesheet without comments.
fn css() -> String {
    let mut out = String::new();
    let mut rest = CSS;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("an unclosed comment") + start + 2;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The body of the first block whose selector is exactly `selector`, and the text without it.
fn split_block(text: &str, selector: &str) -> (String, String) {
    let start = text.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no {selector} block"));
    let open = start + text[start..].find('{').unwrap();
    let mut depth = 0;
    let mut end = open;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    end = open + i + 1;
                    break;
                }
            }
            _ => {}
        }
    }
    (text[open..end].to_owned(), format!("{}{}", &text[..start], &text[end..]))
}

/// `--mc-name` tokens after `prefix` (`var(` for uses, a line start for definitions).
fn names_after(text: &str, prefix: &str) -> BTreeSet<String> {
    text.match_indices(prefix)
        .filter_map(|(i, _)| {
            let rest = &text[i + prefix.len()..];
            let rest = rest.trim_start();
            rest.starts_with("--mc-")
                .then(|| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>())
        })
        .collect()
}

fn defined() -> BTreeSet<String> {
    let (root, _) = split_block(&css(), ":root");
    root.lines()
        .filter_map(|line| line.trim().split_once(':'))
        .filter(|(name, _)| name.starts_with("--mc-"))
        .map(|(name, _)| name.to_owned())
        .collect()
}

/// CSS's named colours (CSS Color 4).
const NAMED_COLOURS: &[&str] = &[
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
];

/// Literal colours: `#abc`, `#aabbcc`, `rgb(`, `hsl(`, and the named colours people reach for.
fn literal_colours(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let lower = line.to_ascii_lowercase();
        let hex = lower.match_indices('#').any(|(i, _)| {
            let digits: String = lower[i + 1..].chars().take_while(|c| c.is_ascii_hexdigit()).collect();
            matches!(digits.len(), 3 | 4 | 6 | 8)
                && !lower[i + 1 + digits.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
        });
        let functional = ["rgb(", "rgba(", "hsl(", "hsla(", "oklch("].iter().any(|f| lower.contains(f));
        // Named colours in a declaration's value (not in a selector or an @media query).
        let value =
            lower.split_once(':').filter(|_| !lower.trim_start().starts_with('@')).map(|(_, v)| v).unwrap_or("");
        let named =
            value.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).any(|word| NAMED_COLOURS.contains(&word));
        if hex || functional || named {
            found.push(format!("line {}: {}", n + 1, line.trim()));
        }
    }
    found
}

#[test]
fn colours_live_only_in_root_custom_properties() {
    let (root, rest) = split_block(&css(), ":root");
    assert!(!literal_colours(&root).is_empty(), "the check must see the colours :root defines");
    // Forced-colors mode uses the system's colour keywords by design (CanvasText, Highlight).
    let (_, rest) = split_block(&rest, "@media (forced-colors: active)");
    let found = literal_colours(&rest);
    assert!(found.is_empty(), "literal colours outside :root (make them --mc-* properties):\n{}", found.join("\n"));
}

#[test]
fn every_property_used_is_defined() {
    let defined = defined();
    let used = names_after(&css(), "var(");
    let missing: Vec<_> = used.difference(&defined).collect();
    assert!(missing.is_empty(), "used but not defined on :root: {missing:?}");
}

#[test]
fn every_property_is_documented_for_the_host() {
    let undocumented: Vec<_> = defined().into_iter().filter(|name| !THEMING.contains(&format!("`{name}`"))).collect();
    assert!(undocumented.is_empty(), "not in docs/theming.md: {undocumented:?}");
}

#[test]
fn the_accent_is_mango_orange() {
    let (root, _) = split_block(&css(), ":root");
    let accent = root.lines().find(|l| l.trim().starts_with("--mc-accent:")).expect("--mc-accent");
    assert!(accent.to_ascii_lowercase().contains("#ff7a00"), "{accent}");
}

#[test]
fn the_checks_catch_what_they_look_for() {
    assert_eq!(
        literal_colours("a { color: #fff; }\nb { background: rgb(0 0 0 / 10%); }\nc { color: var(--mc-x); }").len(),
        2
    );
    assert!(literal_colours("#preview-data { margin: 0; }").is_empty(), "an id is not a colour");
    assert!(literal_colours("@media (prefers-reduced-motion: reduce) {").is_empty(), "a media query is not a colour");
    assert_eq!(literal_colours("a { border: 1px solid white; }").len(), 1);
    assert_eq!(literal_colours("a { color: darkorange; }").len(), 1);
    assert!(literal_colours("a { color: currentColor; background: transparent; }").is_empty());
    assert_eq!(
        names_after("a { color: var(--mc-text); margin: var( --mc-space-2); }", "var("),
        ["--mc-space-2", "--mc-text"].map(String::from).into()
    );
}
