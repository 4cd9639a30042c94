//! End to end, the bad-input tables through the real UI: every token, text and number of
//! issue #5's tables is pasted into its control, and the page must show exactly what the
//! rules say for it (the contract's and the domain's own functions are the oracle; the
//! wording itself is pinned by the native tables), at that control, and send nothing when
//! it refuses — asserted through the dev back end's request log.

use max_channel_admin::domain::{field_text, token_message, DurationInput, SettingsForm, Unit};
use max_channel_admin::i18n::{Locale, Tr};
use max_channel_admin::ui::settings::{error_id, field_id};
use max_channel_contract::check_token;
use max_channel_fake::samples;

use crate::support::controls::*;
use crate::support::{eventually, E2e, PATIENCE};

/// A control of the form and the change the same input makes to the domain's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Token,
    ReplyText,
    ClosingText,
    ReplyDelay,
    ReplyInterval,
    AutoCloseCustom,
}

impl Field {
    fn path(self) -> &'static str {
        match self {
            Field::Token => "token",
            Field::ReplyText => "auto_replies[0].text",
            Field::ClosingText => "closing_message.text",
            Field::ReplyDelay => "auto_replies[0].delay_seconds",
            Field::ReplyInterval => "auto_replies[1].repeat.interval_seconds",
            Field::AutoCloseCustom => "auto_close.after_minutes",
        }
    }

    fn apply(self, form: &mut SettingsForm, value: &str) {
        let value = value.to_owned();
        match self {
            Field::Token => {}
            Field::ReplyText => form.replies[0].text = value,
            Field::ClosingText => form.closing_text = value,
            Field::ReplyDelay => form.replies[0].delay.text = value,
            Field::ReplyInterval => form.replies[1].interval.text = value,
            Field::AutoCloseCustom => {
                form.auto_close.preset = None;
                form.auto_close.custom = DurationInput { text: value, unit: Unit::Minutes };
            }
        }
    }

    /// The operation that carries it to the back end, and the button that sends it.
    fn sent_by(self) -> (&'static str, &'static str) {
        match self {
            Field::Token => ("verifyMaxToken", "#token-check"),
            _ => ("putMaxSettings", "button[type=submit]"),
        }
    }
}

/// The rows of the tables.
fn cases() -> Vec<(Field, String)> {
    let mut cases = Vec::new();
    let tokens = [
        String::new(),
        "     ".into(),
        "  surrounded-token-1  ".into(),
        "inner space".into(),
        "tab\there".into(),
        "new\nline".into(),
        "токен-кириллицей".into(),
        "emoji-😀-token".into(),
        "a".repeat(512),
        "a".repeat(513),
        "a".repeat(10_000),
        "nul\u{0}char".into(),
        "bell\u{7}char".into(),
        "del\u{7f}char".into(),
    ];
    cases.extend(tokens.into_iter().map(|t| (Field::Token, t)));
    // Three people joined by two ZWJ: 5 code points, as the contract counts.
    let family = "👨\u{200d}👩\u{200d}👧";
    let texts = [
        String::new(),
        " \n\t ".into(),
        "a".repeat(250),
        "я".repeat(250),
        format!("{}😀", "a".repeat(249)),
        "a".repeat(251),
        family.repeat(50),
        family.repeat(51),
        "control\u{1}char".into(),
        "Первая строка\nвторая строка".into(),
    ];
    for text in texts {
        cases.push((Field::ReplyText, text.clone()));
        cases.push((Field::ClosingText, text));
    }
    for number in ["-5", "0", "abc", "1 000", "1\u{a0}000", "1.5", "1,5", "99999999999999999999", "100000000", ""] {
        cases.push((Field::ReplyDelay, number.into()));
    }
    for number in ["0", "-1", "2.5", "пять"] {
        cases.push((Field::ReplyInterval, number.into()));
    }
    for number in ["4", "5", "43201", "0", "1 000", "1e3"] {
        cases.push((Field::AutoCloseCustom, number.into()));
    }
    cases
}

/// What the page must show at the control for `value`: the rules' message, or none (a text
/// over the limit says how much to cut, by the form's own count).
fn expected(field: Field, value: &str) -> Option<String> {
    let tr = Tr(Locale::Ru);
    if field == Field::Token {
        return check_token(value).err().map(|code| tr.t(token_message(value, &code)).to_owned());
    }
    let mut form = SettingsForm::from_settings(&samples::settings());
    field.apply(&mut form, value);
    let errors = form.to_settings(true).err().unwrap_or_default();
    let code = errors.into_iter().find(|e| e.path == field.path())?.code;
    Some(field_text(tr, &form, field.path(), &code))
}

/// Puts `value` into the control the way a paste does, and returns what the control holds
/// (a single-line input drops line breaks, as browsers do).
async fn paste(e2e: &E2e, field: Field, value: &str) -> String {
    let id = field_id(field.path());
    let script = "const [id, value] = arguments; const el = document.getElementById(id); if (!el) throw new Error('no control #' + id); \
        el.scrollIntoView({block: 'center'}); el.focus(); el.value = value; \
        el.dispatchEvent(new Event('input', {bubbles: true})); return el.value;";
    let held = e2e.browser.execute(script, vec![id.into(), value.into()]).await.unwrap();
    held.as_str().unwrap_or_default().to_owned()
}

fn sent(e2e: &E2e, operation: &str) -> usize {
    e2e.requests_of(operation).len()
}

fn show(value: &str) -> String {
    let shown: String = value.chars().take(40).collect();
    format!("{shown:?} ({} chars)", value.chars().count())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_input_has_its_message_and_sends_nothing() {
    let e2e = E2e::start().await;
    // Saved settings and no token yet: the token field is open, the form is valid.
    e2e.save_settings(samples::settings(), None);
    e2e.open("/channels/max/settings").await;
    e2e.find(&control(FieldPath::Token)).await;
    // The save also needs a token; a valid one stays in the field unless a case is about it.
    paste(&e2e, Field::Token, "valid-token-0001").await;

    let mut failures = Vec::new();
    let mut refused = 0;
    for (field, value) in cases() {
        if matches!(field, Field::AutoCloseCustom) {
            // A save that lands on a preset shows the preset again: back to a custom value.
            e2e.find_centered("#auto-close-preset").await.select_by_value("custom").await.unwrap();
            let unit = format!("#{}-unit", field_id(field.path()));
            e2e.select(&unit, "min").await;
        }
        let before = paste(&e2e, field, &value).await;
        let held = if matches!(field, Field::Token) { before } else { value.clone() };
        let (operation, button) = field.sent_by();
        let requests = sent(&e2e, operation);
        let want = expected(field, &held);
        e2e.find_centered(button).await.click().await.unwrap();
        let error_css = format!("#{}", error_id(field.path()));
        match &want {
            Some(message) => {
                refused += 1;
                e2e.wait_for_text(&error_css, message).await;
                let invalid =
                    e2e.find(&format!("#{}", field_id(field.path()))).await.attr("aria-invalid").await.unwrap();
                if invalid.as_deref() != Some("true") {
                    failures.push(format!("{field:?} {}: not marked aria-invalid", show(&value)));
                }
                // A refusal is synchronous. A request sent anyway would keep its button
                // busy until its answer, which the back end logs first: once the button is
                // idle, the log holds every request this press made.
                let busy = format!("{button}[aria-busy=true]");
                eventually(PATIENCE, &format!("{button} stays busy"), || async { !e2e.is_present(&busy).await }).await;
                if sent(&e2e, operation) != requests {
                    failures.push(format!("{field:?} {}: refused, yet {operation} was sent", show(&value)));
                }
            }
            None => {
                let what = format!("{field:?} {} is accepted and sent", show(&value));
                eventually(PATIENCE, &what, || async { sent(&e2e, operation) == requests + 1 }).await;
                if !e2e.text_content(&error_css).await.is_empty() {
                    failures.push(format!("{field:?} {}: accepted, yet an error shows", show(&value)));
                }
            }
        }
        // Back to a valid value before the next row.
        let valid = match field {
            Field::Token => "valid-token-0001",
            Field::ReplyText | Field::ClosingText => "Спасибо!",
            Field::ReplyDelay => "0",
            Field::ReplyInterval | Field::AutoCloseCustom => "30",
        };
        paste(&e2e, field, valid).await;
    }
    assert!(refused >= 30, "the tables refuse most of their rows, this run refused {refused}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    e2e.finish().await;
}
