use super::*;

/// Decodes a QR code drawn from `modules` at `scale` pixels a module, as a scanner would.
fn decode(size: usize, modules: &[bool], scale: usize) -> String {
    let side = (size + 2 * QUIET_ZONE as usize) * scale;
    let quiet = QUIET_ZONE as usize * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let inside = |v: usize| (quiet..quiet + size * scale).contains(&v);
        let dark = inside(x) && inside(y) && modules[(y - quiet) / scale * size + (x - quiet) / scale];
        if dark {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code in the picture");
    grids[0].decode().expect("a readable code").1
}

#[test]
fn the_code_reads_back_as_exactly_the_link() {
    for label in [None, Some("site"), Some("print-2026_12"), Some(&"x".repeat(64)[..])] {
        let link = bot_link("romashka_shop_bot", label).expect("a link");
        let (size, modules) = qr_modules(&link).expect("a code");
        assert_eq!(decode(size, &modules, 4), link);
    }
}

#[test]
fn the_svg_draws_the_same_modules_with_a_quiet_zone() {
    let link = "https://max.ru/romashka_shop_bot?start=site";
    let svg = qr_svg(link).expect("svg");
    let (size, modules) = qr_modules(link).expect("a code");
    let side = size + 8;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
    assert!(svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
    assert!(svg.contains("fill=\"#ffffff\"") && svg.contains("fill=\"#000000\""), "dark on light");
    // Redraw the path's runs and compare with the modules.
    let path = svg.split("d=\"").nth(1).and_then(|p| p.split('"').next()).expect("a path");
    let mut drawn = vec![false; size * size];
    for run in path.split('M').filter(|r| !r.is_empty()) {
        let (xy, rest) = run.split_once('h').expect("M x y h");
        let (x, y) = xy.split_once(' ').expect("x y");
        let width: usize = rest.split('v').next().and_then(|w| w.parse().ok()).expect("a run");
        let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
        for dx in 0..width {
            drawn[(y - 4) * size + x - 4 + dx] = true;
        }
    }
    assert_eq!(drawn, modules);
}

#[test]
fn labels_are_checked_each_fault_with_its_message() {
    let cases = [
        ("", Ok(None)),
        ("site", Ok(Some("site"))),
        ("A-z_09", Ok(Some("A-z_09"))),
        ("с сайта", Err(LabelError::Space)),
        (" site", Err(LabelError::Space)),
        ("сайт", Err(LabelError::NotLatin)),
        ("siteé", Err(LabelError::NotLatin)),
        ("site!", Err(LabelError::BadCharacter)),
        ("a/b", Err(LabelError::BadCharacter)),
        ("a?start=b", Err(LabelError::BadCharacter)),
        ("site\t", Err(LabelError::Space)),
        ("x\u{a0}", Err(LabelError::Space)),
        ("\u{200b}x", Err(LabelError::BadCharacter)),
        ("١٢", Err(LabelError::BadCharacter)),
        ("сайт site", Err(LabelError::Space)),
        ("сайт!", Err(LabelError::NotLatin)),
        (&"я".repeat(65)[..], Err(LabelError::NotLatin)),
        (&"x!".repeat(40)[..], Err(LabelError::BadCharacter)),
    ];
    for (label, expected) in cases {
        assert_eq!(check_label(label), expected, "{label:?}");
    }
    assert_eq!(check_label(&"x".repeat(64)).map(|l| l.map(str::len)), Ok(Some(64)));
    assert_eq!(check_label(&"x".repeat(65)), Err(LabelError::TooLong));
    // The longest label is the contract's: one rule for the kit, delivery tests' codes and
    // the sources' labels.
    let longest = "a".repeat(max_channel_contract::START_LABEL_MAX_CHARS);
    assert_eq!(check_label(&longest), Ok(Some(longest.as_str())));
    let messages: std::collections::HashSet<Msg> =
        [LabelError::TooLong, LabelError::Space, LabelError::NotLatin, LabelError::BadCharacter]
            .map(LabelError::message)
            .into();
    assert_eq!(messages.len(), 4);
}

#[test]
fn links_only_for_a_username_of_maxs_shape() {
    assert_eq!(bot_link("shop_bot", None).as_deref(), Some("https://max.ru/shop_bot"));
    assert_eq!(bot_link("shop_bot", Some("print")).as_deref(), Some("https://max.ru/shop_bot?start=print"));
    for bad in ["", "shop bot", "shop\"bot", "<b>", "бот", "a/b"] {
        assert_eq!(bot_link(bad, None), None, "{bad:?}");
    }
}

#[test]
fn the_snippet_is_one_plain_link_with_the_name_escaped() {
    let html = site_button_html(
        "https://max.ru/shop_bot?start=site",
        "Написать в MAX",
        "Бот \"<script>alert(1)</script>\" & Co",
    );
    assert_eq!(html.matches("<a ").count(), 1);
    assert_eq!(html.matches('<').count(), 2, "an opening and a closing tag, nothing else: {html}");
    assert!(html.contains("href=\"https://max.ru/shop_bot?start=site\""));
    assert!(html.contains("target=\"_blank\" rel=\"noopener\""));
    assert!(html.contains("title=\"Бот &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; Co\""));
    assert!(!html.to_lowercase().contains(" on"), "no event attribute");
    assert!(html.ends_with(">Написать в MAX</a>"));
}

#[test]
fn the_qr_files_are_named_after_their_label() {
    assert_eq!(qr_file_name(Some("site"), "svg"), "max-qr-site.svg");
    assert_eq!(qr_file_name(Some("print-2026"), "png"), "max-qr-print-2026.png");
    assert_eq!(qr_file_name(None, "svg"), "max-qr.svg");
}

#[test]
fn a_png_is_at_least_1024_pixels_and_each_module_whole_pixels() {
    for modules in [21 + 8, 25 + 8, 57 + 8, 177 + 8] {
        let side = png_side(modules, 1024);
        assert!(side >= 1024 && side.is_multiple_of(modules) && side - 1024 < modules, "{modules}: {side}");
    }
    let svg = qr_svg("https://max.ru/romashka_shop_bot?start=site").expect("a code");
    let modules = svg_modules(&svg).expect("its viewBox");
    assert_eq!((modules - 8 - 21) % 4, 0, "a QR version's side, with the quiet zone: {modules}");
    assert_eq!(svg_modules("<svg/>"), None);
}

#[test]
fn the_preview_wears_exactly_the_snippets_style() {
    let html = site_button_html("https://max.ru/bot", "Написать в MAX", "Написать в MAX: Магазин «Ромашка»");
    assert!(html.contains(&format!("style=\"{SITE_BUTTON_STYLE}\"")));
    assert!(html.contains("title=\"Написать в MAX: Магазин «Ромашка»\""), "{html}");
    let declarations = style_declarations(SITE_BUTTON_STYLE);
    assert_eq!(declarations.len(), 7);
    assert!(declarations.contains(&("background", "#006ee8")));
    assert!(declarations.contains(&("font", "600 16px/1.2 Arial,sans-serif")));
    assert_eq!(style_declarations(" ; a : b ;;c:"), [("a", "b")]);
}
