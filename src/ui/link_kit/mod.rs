//! «Как клиентам написать вам в MAX» on «О канале»: the bot's link with «Скопировать
//! ссылку», the «Метка источника» that adds `?start=`, the QR code (drawn here as SVG) with
//! its SVG and PNG downloads, and «Кнопка для сайта» with its HTML and a live preview. The
//! rules are `domain::link_kit`'s.

pub(crate) mod copy;
mod png;
mod qr;
mod slot;

use leptos::prelude::*;

use crate::domain::{bot_link, check_label, site_button_html, style_declarations, SITE_BUTTON_STYLE};
use crate::i18n::Msg;
use crate::ui::{use_app, Button, ButtonKind, Field};
pub use copy::CopyOutcome;
use copy::{copy_text, Announce};
pub use qr::{use_qr_svg, QrImage};
#[cfg(feature = "split")]
pub use slot::{about_card, AboutCard};
pub use slot::{KitLabel, LinkKitSlot};

/// The kit for the bot `username` called `bot_name`. A username that is not MAX's shape
/// gives no kit at all (the caller shows none without a username).
#[component]
pub fn LinkKit(username: String, bot_name: String) -> impl IntoView {
    let tr = use_app().tr;
    let typed = RwSignal::new(String::new());
    // The last valid label: a bad one changes nothing of the link, the code or the snippet.
    let applied = RwSignal::new(None::<String>);
    let link = Memo::new(move |_| applied.with(|label| bot_link(&username, label.as_deref())).unwrap_or_default());
    let button_text = tr.t(Msg::LinkKitButtonText);
    let bot_title = tr.f(Msg::LinkKitBotTitle, &[("name", &bot_name)]);
    let snippet = {
        let title = bot_title.clone();
        Memo::new(move |_| link.with(|link| site_button_html(link, button_text, &title)))
    };
    let announce: Announce = RwSignal::new(None);
    let take = move |text: String| {
        if let Ok(label) = check_label(&text) {
            applied.set(label.map(str::to_owned));
        }
        typed.set(text);
        announce.set(None);
    };
    follow_asked_label(take);
    view! {
        <section class="card link-kit" aria-labelledby="link-kit-title">
            <h2 id="link-kit-title" class="card__title" tabindex="-1">
                {tr.t(Msg::LinkKitTitle)}
            </h2>
            <p>{tr.t(Msg::LinkKitLead)}</p>
            <CopyField
                id="link-kit-link"
                label=Msg::LinkKitLink
                button=Msg::LinkKitCopyLink
                text=link
                outcome=CopyOutcome {
                    copied: Msg::LinkKitLinkCopied,
                    selected: Msg::LinkKitLinkSelected,
                }
                announce=announce
            />
            <LabelField typed=typed take=Callback::new(take) />
            <qr::QrCode link=link label=applied tr=tr />
            <h3 class="link-kit__subtitle">{tr.t(Msg::LinkKitButtonTitle)}</h3>
            <p class="field__help">{tr.t(Msg::LinkKitButtonHelp)}</p>
            <SiteButtonPreview link=link text=button_text title=bot_title.clone() />
            <CopyField
                id="link-kit-code"
                label=Msg::LinkKitCode
                button=Msg::LinkKitCopyCode
                text=snippet
                outcome=CopyOutcome {
                    copied: Msg::LinkKitCodeCopied,
                    selected: Msg::LinkKitCodeSelected,
                }
                announce=announce
                multiline=true
            />
        </section>
    }
}

/// «Метка источника»: what is typed stays as typed; its error shows under it.
#[component]
fn LabelField(typed: RwSignal<String>, take: Callback<String>) -> impl IntoView {
    let tr = use_app().tr;
    let error = Memo::new(move |_| typed.with(|label| check_label(label).err()));
    view! {
        <Field
            id="link-kit-label".to_owned()
            label=tr.t(Msg::LabelLabel)
            help=Some(tr.t(Msg::LabelHelp).to_owned())
            error=Signal::derive(move || error.get().map(|e| tr.t(e.message()).to_owned()))
            let:control
        >
            <input
                id=control.id
                class="input link-kit__label"
                autocomplete="off"
                spellcheck="false"
                maxlength="100"
                aria-invalid=control.invalid
                aria-describedby=control.described_by
                prop:value=move || typed.get()
                on:input=move |ev| take.run(event_target_value(&ev))
            />
        </Field>
    }
}

/// «Ссылка с этой меткой» of another card: the label as if typed, and the focus on it.
fn follow_asked_label(take: impl Fn(String) + 'static) {
    let Some(kit) = use_context::<KitLabel>() else { return };
    Effect::watch(
        move || kit.asked().get(),
        move |asked, _, _| {
            if let Some(label) = asked.clone() {
                take(label);
                request_animation_frame(focus_label);
            }
        },
        false,
    );
}

/// The focus on «Метка источника», scrolled into view as focusing does.
fn focus_label() {
    use wasm_bindgen::JsCast;
    let input = document().get_element_by_id("link-kit-label");
    if let Some(input) = input.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = input.focus();
    }
}

/// A read-only field with its text and a button that copies it; what the copy did shows
/// beside that button (and is announced), not at the end of the card.
#[component]
pub fn CopyField(
    id: &'static str,
    label: Msg,
    button: Msg,
    text: Memo<String>,
    outcome: CopyOutcome,
    announce: Announce,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let tr = use_app().tr;
    let tasks = crate::ui::use_tasks();
    let field = if multiline {
        view! { <textarea id=id class="textarea link-kit__code" readonly rows="4" prop:value=move || text.get()></textarea> }
            .into_any()
    } else {
        view! { <input id=id class="input link-kit__link" readonly prop:value=move || text.get() /> }.into_any()
    };
    view! {
        <div class="field">
            <label class="field__label" for=id>
                {tr.t(label)}
            </label>
            <div class="link-kit__row">
                {field}
                <Button
                    kind=ButtonKind::Secondary
                    id=format!("{id}-copy")
                    on_press=move |()| copy_text(tasks, text.get_untracked(), id, outcome, announce)
                >
                    {tr.t(button)}
                </Button> <span class="copy-status" id=format!("{id}-status") role="status">
                    {move || announce.get().filter(|(field, _)| *field == id).map(|(_, msg)| tr.t(msg))}
                </span>
            </div>
        </div>
    }
}

/// The site button as it will look on the site: the snippet's own link, title and style.
/// The style goes through the CSSOM, which the page's Content-Security-Policy allows where
/// an inline `style` attribute would be refused.
#[component]
fn SiteButtonPreview(link: Memo<String>, text: &'static str, title: String) -> impl IntoView {
    let tr = use_app().tr;
    let button = NodeRef::<leptos::html::A>::new();
    Effect::new(move |_| {
        if let Some(button) = button.get() {
            let style = web_sys::HtmlElement::style(&button);
            for (property, value) in style_declarations(SITE_BUTTON_STYLE) {
                let _ = style.set_property(property, value);
            }
        }
    });
    view! {
        <div class="link-kit__preview">
            <p class="field__label" id="link-kit-preview-label">
                {tr.t(Msg::LinkKitPreview)}
            </p>
            <a
                node_ref=button
                id="link-kit-preview"
                href=move || link.get()
                target="_blank"
                rel="noopener"
                title=title
                aria-describedby="link-kit-preview-label"
            >
                {text}
            </a>
        </div>
    }
}
