//! «Как клиентам написать вам в MAX» in the browser: the QR code drawn on the page decodes
//! (natively, from a screenshot) to exactly the link, with and without a label; «Скопировать
//! ссылку» puts exactly the link on the clipboard; a bad label is refused at its field and
//! changes nothing; the snippet is one plain link; no username, no kit. axe in each state.

use max_channel_contract::BotInfo;
use max_channel_fake::samples;
use serde_json::{json, Value};

use crate::a11y::Audit;
use crate::support::E2e;

/// Reads the QR code in a PNG screenshot, as a phone's scanner would.
pub(crate) fn decode_png(png: &[u8]) -> String {
    let decoder = png::Decoder::new(png);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut pixels).expect("a frame");
    let channels = frame.color_type.samples();
    let (width, height) = (frame.width as usize, frame.height as usize);
    let luma = |x: usize, y: usize| {
        let at = (y * width + x) * channels;
        let rgb = &pixels[at..at + channels.min(3)];
        (rgb.iter().map(|&v| u32::from(v)).sum::<u32>() / rgb.len() as u32) as u8
    };
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the screenshot");
    grids[0].decode().expect("the QR code reads").1
}

async fn qr_on_page(e2e: &E2e) -> String {
    // The drawing arrives with the QR encoder's module, into a box of its final size.
    e2e.find(".link-kit__qr svg").await;
    let qr = e2e.find_centered(".link-kit__qr").await;
    let png = qr.screenshot().await.expect("a screenshot of the QR code");
    let _ = std::fs::create_dir_all("target/e2e");
    let _ = std::fs::write(format!("target/e2e/qr-{}.png", e2e.engine().name()), &png);
    decode_png(&png)
}

async fn link_on_page(e2e: &E2e) -> String {
    e2e.value_of("#link-kit-link").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_qr_code_the_copy_the_label_and_the_snippet_carry_exactly_the_link() {
    let e2e = E2e::start().await;
    let mut audit = Audit::default();
    e2e.save_settings(samples::settings(), Some("link-kit-token-4242"));
    e2e.open("/channels/max").await;
    e2e.find("section.link-kit").await;
    let link = "https://max.ru/shop_bot";
    assert_eq!(link_on_page(&e2e).await, link);
    assert_eq!(qr_on_page(&e2e).await, link);
    let label = e2e.find(".link-kit__qr").await.attr("aria-label").await.unwrap().unwrap_or_default();
    assert!(label.contains(link), "the code is named by its link: {label}");
    audit.check(&e2e, "link kit").await;

    // «Скопировать ссылку»: exactly the link on the clipboard, and said so beside the button.
    e2e.click("#link-kit-link-copy").await;
    e2e.wait_for_text("#link-kit-link-status", "Ссылка скопирована.").await;
    let beside = e2e.js("return document.getElementById('link-kit-link-status').parentElement === document.getElementById('link-kit-link-copy').parentElement;").await;
    assert_eq!(beside, json!(true), "«Скопировано» sits beside the button that copied");
    assert_eq!(e2e.clipboard_text().await, json!(link));

    // Where the browser has no Clipboard API, the link is selected for Ctrl+C, and said so.
    e2e.js(
        "window.savedClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard'); \
         Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }); return true;",
    )
    .await;
    e2e.click("#link-kit-link-copy").await;
    e2e.wait_for_text("#link-kit-link-status", "Ссылка выделена: нажмите Ctrl+C").await;
    let selected = e2e
        .js("const i = document.getElementById('link-kit-link'); return [document.activeElement === i, i.selectionStart, i.selectionEnd];")
        .await;
    assert_eq!(selected, json!([true, 0, link.len()]), "the whole link selected and focused");
    e2e.js("Object.defineProperty(Navigator.prototype, 'clipboard', window.savedClipboard); return true;").await;

    // A label goes into the link, the code and the snippet at once.
    e2e.type_into("#link-kit-label", "site").await;
    let labelled = "https://max.ru/shop_bot?start=site";
    e2e.wait_for_value("#link-kit-link", labelled).await;
    assert_eq!(qr_on_page(&e2e).await, labelled);
    e2e.click("#link-kit-code-copy").await;
    e2e.wait_for_text("#link-kit-code-status", "Код кнопки скопирован.").await;
    assert_eq!(e2e.text_content("#link-kit-link-status").await, "", "only the button that copied speaks");
    let snippet = e2e.value_of("#link-kit-code").await;
    assert_eq!(e2e.clipboard_text().await, json!(snippet));

    // A bad label is refused with its own words and changes nothing.
    for (bad, message) in [
        ("с сайта", "В метке не может быть пробелов"),
        ("сайт", "В метке только латинские буквы"),
        ("site!", "В метке допустимы латинские буквы, цифры"),
    ] {
        e2e.type_into("#link-kit-label", bad).await;
        e2e.wait_for_text("#link-kit-label-error", message).await;
        assert_eq!(e2e.find("#link-kit-label").await.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
        assert_eq!(link_on_page(&e2e).await, labelled, "{bad:?} changed the link");
        assert_eq!(e2e.value_of("#link-kit-code").await, snippet, "{bad:?} changed the snippet");
    }
    assert_eq!(qr_on_page(&e2e).await, labelled, "nor the code");
    audit.check(&e2e, "link kit, bad label").await;

    // «Скачать QR-код (SVG)»: an .svg of the same code, named after its label.
    let download = e2e.find("#link-kit-download").await;
    assert_eq!(download.attr("download").await.unwrap().as_deref(), Some("max-qr-site.svg"));
    let href = download.attr("href").await.unwrap().unwrap_or_default();
    let svg = e2e.js(&format!("return decodeURIComponent({:?}.split(',')[1]);", href)).await;
    assert!(href.starts_with("data:image/svg+xml"), "{href}");
    assert!(svg.as_str().unwrap_or_default().starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    png_download_reads_as(&e2e, labelled, "max-qr-site.png").await;
    // The site button's live preview: the snippet's link, its title in plain words, its look.
    let bot = e2e.server().state.fake().account().bot.clone().expect("a bot").first_name;
    let preview = e2e
        .js("const a = document.getElementById('link-kit-preview'); \
             return [a.getAttribute('href'), a.title, getComputedStyle(a).backgroundColor, a.textContent];")
        .await;
    assert_eq!(preview, json!([labelled, format!("Написать в MAX: {bot}"), "rgb(0, 110, 232)", "Написать в MAX"]));
    assert!(
        snippet.contains(&format!("title=\"Написать в MAX: {bot}\"")),
        "the snippet's title is the preview's: {snippet}"
    );
    audit.assert_clean();
    // The snippet parsed as HTML by the browser — on a blank page, as a site builder's page
    // would be (our CSP would refuse its inline style): one link, to the labelled address,
    // no script, no handler.
    e2e.browser.goto("about:blank").await.expect("a blank page");
    let parsed = e2e
        .browser
        .execute(
            "const d = new DOMParser().parseFromString(arguments[0], 'text/html'); const all = [...d.body.querySelectorAll('*')]; \
             const a = d.body.querySelector('a'); \
             return { links: d.body.querySelectorAll('a').length, elements: all.length, scripts: d.body.querySelectorAll('script').length, \
             handlers: all.some(e => [...e.attributes].some(x => x.name.toLowerCase().startsWith('on'))), \
             href: a.getAttribute('href'), target: a.target, rel: a.rel };",
            vec![json!(snippet)],
        )
        .await
        .expect("the snippet parses");
    assert_eq!(
        parsed,
        json!({"links": 1, "elements": 1, "scripts": 0, "handlers": false, "href": labelled, "target": "_blank", "rel": "noopener"})
    );

    e2e.finish().await;
}

/// «Скачать PNG для печати»: a PNG of at least 1 024 px that a scanner reads as `link`.
async fn png_download_reads_as(e2e: &E2e, link: &str, file: &str) {
    use base64::Engine as _;
    let href = || async { e2e.find("#link-kit-download-png").await.attr("href").await.ok().flatten() };
    crate::support::eventually(crate::support::PATIENCE, "the PNG was never drawn", || async {
        href().await.is_some_and(|href| href.starts_with("data:image/png;base64,"))
    })
    .await;
    let href = href().await.unwrap_or_default();
    let png = base64::engine::general_purpose::STANDARD
        .decode(href.trim_start_matches("data:image/png;base64,"))
        .expect("base64");
    let info = png::Decoder::new(png.as_slice()).read_info().expect("a PNG").info().clone();
    assert!(info.width >= 1024 && info.width == info.height, "{}×{}", info.width, info.height);
    assert_eq!(decode_png(&png), link, "the PNG reads as the link");
    let download = e2e.find("#link-kit-download-png").await.attr("download").await.unwrap();
    assert_eq!(download.as_deref(), Some(file));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_without_a_username_shows_no_kit_and_no_error() {
    let e2e = E2e::start().await;
    {
        let state = &e2e.server().state;
        let mut fake = state.fake();
        let bot =
            BotInfo { user_id: 9, first_name: "Бот без имени".into(), username: None, avatar_url: None };
        fake.store_directly(samples::settings(), Some(("no-username-token-4242".into(), bot)));
        state.persist(&fake).expect("persisted");
    }
    e2e.open("/channels/max").await;
    e2e.wait_for_text(".about__bot", "Бот без имени").await;
    e2e.wait_for_text(".health__overall", "Канал готов принимать обращения").await;
    assert!(!e2e.is_present("section.link-kit").await, "no kit without a username");
    assert!(!e2e.is_present(".alert--danger").await, "and no error");
    let _: Value = e2e.js("return true;").await;
    e2e.finish().await;
}
