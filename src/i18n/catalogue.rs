//! Every string the user sees, Russian first, English second. `a|b|c` holds plural forms
//! (Russian one|few|many, English one|other) or a list (month names). Rows marked
//! `#[cfg(feature = "preview")]` are the preview panel's: the production build has none of them.

use super::Locale;

catalogue! {
    AppTitle => ("Канал MAX — Манго Диалоги", "MAX channel — Mango Dialogs"),
    PageTitle => ("{page} · Канал MAX — Манго Диалоги", "{page} · MAX channel — Mango Dialogs"),
    ChannelGroupsTitle => ("Группы каналов", "Channel groups"),
    ChannelGroupsLead => (
        "Подключите каналы, через которые клиенты пишут в Манго Диалоги.",
        "Connect the channels your customers use to write to Mango Dialogs."
    ),
    NoChannelsTitle => ("Каналов пока нет", "No channels yet"),
    NoChannelsText => (
        "Для вашего аккаунта не нашлось ни одного канала. Обновите список чуть позже; если он так и останется пустым, напишите в поддержку MANGO OFFICE.",
        "No channels were found for your account. Refresh the list a little later; if it stays empty, contact MANGO OFFICE support."
    ),
    Refresh => ("Обновить", "Refresh"),
    AboutTitle => ("О канале", "About the channel"),
    SettingsTitle => ("Подключение и настройки канала MAX", "MAX channel connection and settings"),
    NotFoundTitle => ("Страница не найдена", "Page not found"),
    NotFoundText => (
        "Такой страницы нет. Возможно, ссылка устарела.",
        "There is no such page. The link may be out of date."
    ),
    BackToChannelGroups => ("Вернуться к группам каналов", "Back to channel groups"),
    StateNotConnected => ("Не подключён", "Not connected"),
    StateTokenAuthorized => ("Токен авторизован", "Token authorized"),
    StateConnected => ("Подключён", "Connected"),
    StateError => ("Требует внимания", "Needs attention"),
    StateUnknown => ("Состояние неизвестно", "Unknown state"),
    Soon => ("Скоро", "Soon"),
    Loading => ("Загрузка…", "Loading…"),
    Retry => ("Повторить", "Retry"),
    PageLoadFailed => (
        "Не удалось загрузить эту страницу. Проверьте подключение к интернету и нажмите «Повторить». Если не поможет, обновите страницу: возможно, вышла новая версия приложения.",
        "This page could not be loaded. Check your internet connection and press Retry. If that does not help, reload the page: a new version of the app may have been released."
    ),
    ReloadPage => ("Обновить страницу", "Reload the page"),
    NewVersionOut => ("Вышла новая версия — обновите страницу.", "A new version is out — reload the page."),
    FileRefused => (
        "Файл приложения пришёл изменённым, и браузер не стал его запускать. Обновите страницу; если не поможет, напишите в поддержку MANGO OFFICE.",
        "A file of the app arrived altered, and the browser did not run it. Reload the page; if that does not help, contact MANGO OFFICE support."
    ),
    // Shown by the page itself when the wasm cannot start (index.html's
    // `#max-channel-boot-failed`, checked against this row): never in the wasm.
    #[cfg(not(target_arch = "wasm32"))]
    BootFailed => (
        "Не удалось запустить приложение. Обновите страницу; если не поможет, напишите в поддержку MANGO OFFICE.",
        "The app could not start. Reload the page; if that does not help, contact MANGO OFFICE support."
    ),
    ConfigBroken => (
        "Приложение не может запуститься: ошибка в настройках встраивания ({details}). Сообщите администратору кабинета.",
        "The app cannot start: the embedding configuration is broken ({details}). Tell the cabinet administrator."
    ),
    ConfigureAndConnect => ("Настроить и подключить", "Configure and connect"),
    ErrBadRequest => (
        "Сервер не принял запрос. Обновите страницу и попробуйте снова.",
        "The server refused the request. Reload the page and try again."
    ),
    ErrUnauthorized => ("Сессия истекла — войдите снова", "Your session has expired — sign in again"),
    ErrForbidden => ("Недостаточно прав", "Not enough permissions"),
    ErrNotFound => ("Не найдено", "Not found"),
    ErrVersionConflict => (
        "Настройки уже изменил другой пользователь.",
        "Another user has already changed the settings."
    ),
    ErrValidation => ("Проверьте выделенные поля.", "Check the highlighted fields."),
    ErrTokenInvalid => (
        "MAX не принял токен. Проверьте, что он скопирован полностью.",
        "MAX refused the token. Check that it was copied in full."
    ),
    ErrMaxUnavailable => (
        "Сервис MAX сейчас недоступен. Повторите попытку позже.",
        "The MAX service is unavailable right now. Try again later."
    ),
    ErrRateLimited => (
        "Слишком много попыток. Повторите через {seconds}.",
        "Too many attempts. Try again in {seconds}."
    ),
    ErrRateLimitedOver => ("Слишком много попыток. Теперь можно повторить.", "Too many attempts. You can try again now."),
    ErrRateLimitedNoWait => (
        "Слишком много попыток. Повторите чуть позже.",
        "Too many attempts. Try again a little later."
    ),
    ErrInternal => (
        "На сервере произошла ошибка. Повторите попытку.",
        "Something went wrong on the server. Try again."
    ),
    ErrServer => (
        "Сервер временно недоступен (ошибка {status}). Повторите попытку.",
        "The server is temporarily unavailable (error {status}). Try again."
    ),
    ErrNetwork => (
        "Нет связи с сервером. Проверьте подключение к интернету и повторите.",
        "Cannot reach the server. Check your internet connection and try again."
    ),
    ErrTimeout => (
        "Сервер не ответил вовремя. Повторите попытку.",
        "The server did not answer in time. Try again."
    ),
    ErrUnexpected => ("Сервер ответил неожиданно", "The server gave an unexpected answer"),
    EditSettings => ("Изменить настройки", "Edit settings"),
    AboutText1 => (
        "MAX — российский мессенджер. Канал MAX позволяет клиентам вашей компании начать чат с сотрудником прямо из виджета MAX на сайте компании.",
        "MAX is a Russian messenger. The MAX channel lets your customers start a chat with an employee right from the MAX widget on your company's site."
    ),
    AboutText2 => (
        "Обращения из MAX попадают в Манго Диалоги. Диалоги можно передавать в Контакт-центр, Mango Talker и внешние системы, включая Bitrix24, через открытый API.",
        "Requests from MAX arrive in Mango Dialogs. Dialogs can be passed to the Contact center, Mango Talker and external systems, Bitrix24 included, through the open API."
    ),
    AboutText3 => (
        "К одному аккаунту можно подключить один канал MAX.",
        "One MAX channel can be connected per account."
    ),
    PriceTitle => ("Стоимость подключения", "Connection cost"),
    PricePerMonth => ("{price} в месяц", "{price} per month"),
    ConnectTitle => ("Подключение канала", "Connecting the channel"),
    Stage1Title => ("Этап 1. Подготовка доступов", "Stage 1. Access"),
    Stage1Item => ("Доступ к бизнес-платформе MAX", "Access to the MAX business platform"),
    Stage1Note => (
        "Зарегистрироваться на платформе может только руководитель организации.",
        "Only the head of the organisation can register on the platform."
    ),
    Stage2Title => (
        "Этап 2. Создание чат-бота MAX и получение токена",
        "Stage 2. Creating the MAX chat-bot and getting its token"
    ),
    Stage2Create => ("Создайте чат-бота MAX", "Create the MAX chat-bot"),
    Stage2CreateDuration => ("модерация — до 2 рабочих дней", "moderation takes up to 2 working days"),
    Stage2Token => ("Получите токен чат-бота MAX", "Get the MAX chat-bot's token"),
    Stage2Paste => (
        "Вставьте токен в настройки канала Манго Диалоги",
        "Paste the token into the Mango Dialogs channel settings"
    ),
    StepDone => ("выполнено", "done"),
    HelpTitle => ("Справка", "Help"),
    HelpText => (
        "Пошаговая инструкция по настройке канала MAX — в руководстве.",
        "The step-by-step guide explains how to set up the MAX channel."
    ),
    GuideLink => ("Посмотреть руководство", "View the guide"),
    OpensInNewTab => ("(откроется в новой вкладке)", "(opens in a new tab)"),
    UnsafeLink => ("Ссылка недоступна: {url}", "Link unavailable: {url}"),
    CurrentState => ("Состояние канала:", "Channel state:"),
    BotLabel => ("Чат-бот MAX: {name}", "MAX chat-bot: {name}"),
    ReasonTokenRevoked => (
        "MAX больше не принимает сохранённый токен. Замените токен в настройках.",
        "MAX no longer accepts the stored token. Replace the token in the settings."
    ),
    ReasonBotBlocked => (
        "MAX заблокировал бота канала. Проверьте бота на платформе MAX для бизнеса.",
        "MAX blocked the channel's bot. Check the bot on the MAX for business platform."
    ),
    ReasonMaxUnavailable => (
        "Сервис MAX не отвечает. Новые обращения могут задерживаться.",
        "The MAX service does not answer. New requests may be delayed."
    ),
    ReasonSubscriptionLost => (
        "MAX удалил подписку на события: новые обращения не поступают. Восстановите подписку.",
        "MAX removed the event subscription: new requests do not arrive. Restore the subscription."
    ),
    ReasonUnknown => ("Проверьте настройки канала.", "Check the channel settings."),
    ReasonSubscriptionWrongUrl => (
        "Подписка на события указывает на другой адрес: обращения уходят в другую систему. Восстановите подписку.",
        "The event subscription points to another address: requests go to another system. Restore the subscription."
    ),
    ReasonDeliveryFailing => (
        "MAX не может доставить обращения. Проверьте раздел «Работа канала».",
        "MAX cannot deliver requests. Check «Channel health»."
    ),
    TileReasonMaxSilent => ("MAX не отвечает", "MAX does not answer"),
    TileReasonElsewhere => ("Обращения уходят в другую систему", "Requests go to another system"),
    HealthTitle => ("Работа канала", "Channel health"),
    HealthOk => ("Обращения из MAX поступают", "Requests from MAX arrive"),
    HealthReady => ("Канал готов принимать обращения", "The channel is ready to take requests"),
    OutageOngoing => (
        "Сообщения клиентов не доходят до Манго Диалогов {since}.",
        "Customers' messages do not reach Mango Dialogs {since}."
    ),
    OutageEnded => (
        "Сообщения клиентов {span} не дошли до Манго Диалогов.",
        "Customers' messages {span} did not reach Mango Dialogs."
    ),
    HealthWarning => ("Канал работает, но требует внимания", "The channel works but needs attention"),
    HealthFailing => ("Обращения из MAX не поступают", "Requests from MAX do not arrive"),
    HealthUnknown => ("Не удалось проверить: MAX не ответил", "Could not check: MAX did not answer"),
    HealthRowToken => ("Токен", "Token"),
    HealthRowSubscription => ("Подписка на события", "Event subscription"),
    HealthRowInbound => ("Последнее обращение", "Last request"),
    HealthRowDelivery => ("Доставка", "Delivery"),
    HealthRowOutage => ("Перерыв в доставке", "Delivery gap"),
    HealthTokenOk => ("действует", "valid"),
    HealthTokenRefused => ("MAX не принимает токен", "MAX refuses the token"),
    HealthTokenBotBlocked => ("MAX заблокировал бота", "MAX blocked the bot"),
    HealthTokenWarning => ("требует внимания", "needs attention"),
    HealthNotChecked => ("не удалось проверить", "could not be checked"),
    HealthSubscriptionActive => ("активна", "active"),
    HealthSubscriptionActiveSince => ("активна с {day}", "active since {day}"),
    HealthSubscriptionMissing => ("отсутствует — MAX удалил её", "missing — MAX removed it"),
    HealthSubscriptionWrongUrl => ("указывает на другой адрес: {url}", "points to another address: {url}"),
    HealthSubscriptionMissingTypes => ("не хватает событий: {types}", "events missing: {types}"),
    UpdateMessageCreated => ("новые сообщения", "new messages"),
    UpdateBotStarted => ("запуск бота", "bot started"),
    UpdateMessageCallback => ("нажатия кнопок", "button presses"),
    HealthInboundNone => ("пока не было", "none yet"),
    HealthDeliveryFailing => ("ошибки {since}: {message}", "failing {since}: {message}"),
    HealthDeliveryFailingSince => ("ошибки {since}", "failing {since}"),
    HealthCheckedAt => ("Проверено {when}", "Checked {when}"),
    HealthCheckNow => ("Проверить сейчас", "Check now"),
    HealthChecking => ("Проверяем…", "Checking…"),
    HealthCheckWait => ("Проверить через {seconds} с", "Check in {seconds} s"),
    HealthRepair => ("Восстановить подписку", "Restore the subscription"),
    HealthRepairing => ("Восстанавливаем…", "Restoring…"),
    HealthReplaceToken => ("Заменить токен", "Replace the token"),
    HealthLoadFailed => (
        "Не удалось загрузить проверку работы канала. Проверьте интернет и повторите.",
        "Could not load the channel check. Check the internet connection and retry."
    ),
    HealthLoading => ("Проверяем работу канала…", "Checking the channel…"),
    HealthRepaired => ("Подписка восстановлена.", "The subscription is restored."),
    DeliveryCheck => ("Проверить связь", "Test the connection"),
    DeliveryTitle => ("Проверка связи", "Connection test"),
    DeliveryLead => (
        "Напишите боту со своего телефона: так видно, что сообщения клиентов доходят до Манго Диалогов, а ответы бота — до клиентов.",
        "Write to the bot from your own phone: this shows that customers' messages reach Mango Dialogs and the bot's answers reach customers."
    ),
    DeliveryStarting => ("Готовим проверку…", "Preparing the test…"),
    DeliveryScan => (
        "Откройте ссылку на телефоне или отсканируйте QR-код",
        "Open the link on your phone or scan the QR code"
    ),
    DeliveryQr => ("QR-код ссылки для проверки {link}", "QR code of the test link {link}"),
    DeliveryLink => ("Ссылка для проверки", "Test link"),
    DeliveryCode => ("Или отправьте боту код {code}", "Or send the bot the code {code}"),
    DeliveryWaiting => ("Ждём сообщение… осталось {left}", "Waiting for the message… {left} left"),
    DeliveryMinutesLeft => ("Ждём сообщение ещё {left}.", "Waiting for the message for {left} more."),
    DeliveryReceived => (
        "Сообщение дошло до Манго Диалогов за {took} ({how}).",
        "The message reached Mango Dialogs in {took} ({how})."
    ),
    DeliveryViaLink => ("по ссылке", "through the link"),
    DeliveryViaCode => ("кодом", "by the code"),
    DeliveryFrom => ("Отправитель: {name}", "Sender: {name}"),
    DeliveryReplying => ("Бот отвечает…", "The bot is answering…"),
    DeliveryReplySent => ("Бот ответил в MAX.", "The bot answered in MAX."),
    DeliveryReplyFailed => ("Бот не смог ответить: {error}", "The bot could not answer: {error}"),
    DeliveryReplyFailedBare => ("Бот не смог ответить.", "The bot could not answer."),
    DeliveryExpired => ("Сообщение не пришло за {time}.", "No message came in {time}."),
    DeliveryCauses => ("Что может мешать сейчас:", "What may be in the way now:"),
    DeliveryNoCause => (
        "MAX не сообщает о неполадках канала. Проверьте, что пишете именно этому боту, и попробуйте ещё раз.",
        "MAX reports no trouble with the channel. Make sure you write to this very bot, and try again."
    ),
    DeliveryAgain => ("Проверить ещё раз", "Test again"),
    DeliveryGone => (
        "Канал отключён, поэтому проверка связи остановлена.",
        "The channel is disconnected, so the connection test has stopped."
    ),
    DeliveryTooSoon => ("Новую проверку можно начать через {wait}.", "A new test can start in {wait}."),
    DeliveryCanStart => ("Новую проверку уже можно начать.", "A new test can start now."),
    DeliveryLoadFailed => (
        "Не удалось загрузить проверку связи. Проверьте интернет и повторите.",
        "The connection test could not be loaded. Check the internet connection and try again."
    ),
    Close => ("Закрыть", "Close"),
    HealthErrRateLimited => (
        "MAX можно спрашивать не так часто. Повторите через {wait}.",
        "MAX cannot be asked that often. Try again in {wait}."
    ),
    HealthErrMaxDown => (
        "MAX не ответил. Ниже — последние известные данные; попробуйте чуть позже.",
        "MAX did not answer. Below is the last known state; try again a little later."
    ),
    HealthErrTokenInvalid => (
        "MAX не принимает токен канала, поэтому подписку восстановить нельзя. Замените токен в настройках.",
        "MAX refuses the channel's token, so the subscription cannot be restored. Replace the token in the settings."
    ),
    LinkKitTitle => ("Как клиентам написать вам в MAX", "How customers write to you in MAX"),
    LinkKitLead => (
        "Поделитесь ссылкой на бота в MAX: по ней клиент откроет чат с компанией.",
        "Share the link to your bot in MAX: it opens a chat with your company."
    ),
    LinkKitLink => ("Ссылка на бота в MAX", "The link to your bot in MAX"),
    LinkKitLoadFailed => (
        "Не удалось загрузить ссылку и QR-код. Проверьте интернет и повторите.",
        "The link and QR code could not be loaded. Check the internet connection and try again."
    ),
    LinkKitCopyLink => ("Скопировать ссылку", "Copy the link"),
    LinkKitLinkCopied => ("Ссылка скопирована.", "The link is copied."),
    LinkKitLinkSelected => (
        "Ссылка выделена: нажмите Ctrl+C, чтобы скопировать.",
        "The link is selected: press Ctrl+C to copy it."
    ),
    LinkKitQr => ("QR-код ссылки {link}", "QR code of the link {link}"),
    LinkKitDownloadQr => ("Скачать QR-код (SVG)", "Download the QR code (SVG)"),
    LinkKitDownloadPng => ("Скачать PNG для печати", "Download a PNG for print"),
    LinkKitPreview => ("Так кнопка выглядит на сайте:", "This is how the button looks on your site:"),
    LinkKitButtonTitle => ("Кнопка для сайта", "A button for your site"),
    LinkKitButtonHelp => (
        "Вставьте этот код в страницу сайта: обычная ссылка в виде кнопки, без скриптов.",
        "Paste this code into a page of your site: a plain link styled as a button, no script."
    ),
    LinkKitCode => ("HTML-код кнопки", "The button's HTML"),
    LinkKitCopyCode => ("Скопировать код", "Copy the code"),
    LinkKitCodeCopied => ("Код кнопки скопирован.", "The button's code is copied."),
    LinkKitCodeSelected => (
        "Код выделен: нажмите Ctrl+C, чтобы скопировать.",
        "The code is selected: press Ctrl+C to copy it."
    ),
    LinkKitButtonText => ("Написать в MAX", "Message us in MAX"),
    LinkKitBotTitle => ("Написать в MAX: {name}", "Message {name} in MAX"),
    LabelLabel => ("Метка источника", "Source label"),
    LabelHelp => (
        "Необязательно. Например, site или print — по метке видно, откуда пришёл клиент. Латинские буквы, цифры, «_» и «-», до 64 символов.",
        "Optional. For example site or print: it tells where a customer came from. Latin letters, digits, «_» and «-», up to 64 characters."
    ),
    LabelTooLong => ("Метка не длиннее 64 символов.", "A label is at most 64 characters."),
    LabelSpace => ("В метке не может быть пробелов: используйте «_» или «-».", "A label has no spaces: use «_» or «-»."),
    LabelNotLatin => (
        "В метке только латинские буквы: MAX не передаёт кириллицу.",
        "Latin letters only: MAX does not pass other alphabets on."
    ),
    LabelBadCharacter => (
        "В метке допустимы латинские буквы, цифры, «_» и «-».",
        "A label takes Latin letters, digits, «_» and «-»."
    ),
    JustNow => ("только что", "just now"),
    Ago => ("{count} назад", "{count} ago"),
    TodayAt => ("сегодня в {time}", "today at {time}"),
    YesterdayAt => ("вчера в {time}", "yesterday at {time}"),
    DayAt => ("{day} в {time}", "{day} at {time}"),
    SinceToday => ("с {time} сегодня", "since {time} today"),
    SinceYesterday => ("с {time} вчера", "since {time} yesterday"),
    SinceDay => ("с {time} {day}", "since {time} on {day}"),
    SpanOneDay => ("с {from} до {to} {day}", "from {from} to {to} on {day}"),
    SpanDays => ("с {from} {from_day} до {to} {to_day}", "from {from} on {from_day} to {to} on {to_day}"),
    MonthsGenitive => (
        "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
        "January|February|March|April|May|June|July|August|September|October|November|December"
    ),
    #[cfg(feature = "preview")]
    PreviewTitle => ("Предпросмотр", "Preview"),
    #[cfg(feature = "preview")]
    PreviewNote => (
        "Данные ненастоящие: сервер не используется.",
        "Sample data: no server is used."
    ),
    #[cfg(feature = "preview")]
    PreviewData => ("Данные", "Data"),
    #[cfg(feature = "preview")]
    PreviewFault => ("Ошибка сервера", "Server error"),
    #[cfg(feature = "preview")]
    PreviewNoFault => ("Нет", "None"),
    #[cfg(feature = "preview")]
    PreviewSlow => ("Медленная сеть (2 с)", "Slow network (2 s)"),
    #[cfg(feature = "preview")]
    PreviewHide => ("Свернуть", "Collapse"),
    #[cfg(feature = "preview")]
    DataNotConnected => ("Канал не подключён", "Channel not connected"),
    #[cfg(feature = "preview")]
    DataConnected => ("Канал подключён", "Channel connected"),
    #[cfg(feature = "preview")]
    DataNeedsAttention => ("Требует внимания: токен отозван", "Needs attention: token revoked"),
    #[cfg(feature = "preview")]
    DataNoChatBots => ("Нет услуги «Чат-боты»", "No «Chat-bots» service"),
    #[cfg(feature = "preview")]
    DataHealthWarning => ("Работа канала: внимание", "Channel health: warning"),
    #[cfg(feature = "preview")]
    DataHealthFailing => (
        "Работа канала: не работает (чужой адрес)",
        "Channel health: failing (another system's address)"
    ),
    #[cfg(feature = "preview")]
    DataHealthUnknown => ("Работа канала: MAX не ответил", "Channel health: MAX did not answer"),
    #[cfg(feature = "preview")]
    DataSubscriptionLost => ("MAX удалил подписку", "MAX removed the subscription"),
    #[cfg(feature = "preview")]
    DataLongHistory => ("Длинная история изменений", "Long history of changes"),
    #[cfg(feature = "preview")]
    DataOtherZone => ("Расписание: Владивосток", "Schedule: Vladivostok"),
    #[cfg(feature = "preview")]
    DataDeliveryReceived => (
        "Проверка связи: клиент написал, бот ответил",
        "Connection check: a customer wrote, the bot replied"
    ),
    #[cfg(feature = "preview")]
    DataDeliveryReplyFailed => (
        "Проверка связи: клиент написал, бот не смог ответить",
        "Connection check: a customer wrote, the bot could not reply"
    ),
    #[cfg(feature = "preview")]
    DataDeliveryExpires => ("Проверка связи: никто не написал", "Connection check: nobody wrote"),
    #[cfg(feature = "preview")]
    DataSources => ("Откуда пишут клиенты: диалоги за 90 дней", "Where customers write from: 90 days of dialogs"),
    #[cfg(feature = "preview")]
    DataNoDialogs => (
        "Канал только что подключён, клиенты ещё не писали",
        "Channel just connected, no customer has written yet"
    ),
    #[cfg(feature = "preview")]
    PreviewTimeCompressed => (
        "Время сжато: проверка связи ждёт {wait} вместо {usual}",
        "Time is compressed: the connection check waits {wait} instead of {usual}"
    ),
    #[cfg(feature = "preview")]
    Fault401 => ("401 — сессия истекла", "401 — session expired"),
    #[cfg(feature = "preview")]
    Fault403 => ("403 — недостаточно прав", "403 — not enough permissions"),
    #[cfg(feature = "preview")]
    Fault500 => ("500 — ошибка сервера", "500 — server error"),
    #[cfg(feature = "preview")]
    Fault502 => ("502 — шлюз недоступен", "502 — bad gateway"),
    #[cfg(feature = "preview")]
    Fault429 => ("429 — слишком много запросов", "429 — too many requests"),
    #[cfg(feature = "preview")]
    FaultNetwork => ("Нет связи с сервером", "Server unreachable"),
    #[cfg(feature = "preview")]
    FaultTimeout => ("Сервер не отвечает", "Server does not answer"),
    #[cfg(feature = "preview")]
    FaultUnexpected => ("Ответ не по контракту (HTML)", "Answer outside the contract (HTML)"),
    #[cfg(feature = "preview")]
    FaultMaxUnavailable => (
        "MAX недоступен (токен, сохранение, проверка работы)",
        "MAX unavailable (token, save, health check)"
    ),
    #[cfg(feature = "preview")]
    FaultConflict => ("412 — конфликт версий (сохранение)", "412 — version conflict (save)"),
    #[cfg(feature = "preview")]
    PreviewWhen => ("Когда", "When"),
    #[cfg(feature = "preview")]
    TargetEvery => ("при любом запросе", "on every call"),
    #[cfg(feature = "preview")]
    TargetNext => ("при следующем действии", "on the next action"),
    #[cfg(feature = "preview")]
    TargetChannelGroups => ("при загрузке групп каналов", "when loading channel groups"),
    #[cfg(feature = "preview")]
    TargetChannel => ("при загрузке канала", "when loading the channel"),
    #[cfg(feature = "preview")]
    TargetVerify => ("при проверке токена", "when checking the token"),
    #[cfg(feature = "preview")]
    TargetSettings => ("при загрузке настроек", "when loading the settings"),
    #[cfg(feature = "preview")]
    TargetSave => ("при сохранении", "when saving"),
    #[cfg(feature = "preview")]
    TargetDisconnect => ("при отключении канала", "when disconnecting"),
    #[cfg(feature = "preview")]
    TargetEmployees => ("при поиске сотрудников", "when searching employees"),
    #[cfg(feature = "preview")]
    TargetGroups => ("при загрузке групп сотрудников", "when loading employee groups"),
    #[cfg(feature = "preview")]
    TargetChatBots => ("при загрузке чат-ботов", "when loading chat-bots"),
    #[cfg(feature = "preview")]
    TargetHealth => ("при загрузке «Работы канала»", "when loading channel health"),
    #[cfg(feature = "preview")]
    TargetCheck => ("при проверке работы канала", "when checking channel health"),
    #[cfg(feature = "preview")]
    TargetRepair => ("при восстановлении подписки", "when restoring the subscription"),
    #[cfg(feature = "preview")]
    TargetSchedule => ("при загрузке расписания", "when loading the schedule"),
    #[cfg(feature = "preview")]
    TargetHistory => ("при загрузке истории изменений", "when loading the change history"),
    #[cfg(feature = "preview")]
    TargetDeliveryStart => ("при запуске проверки связи", "when starting the connection check"),
    #[cfg(feature = "preview")]
    TargetDeliveryPoll => ("при опросе проверки связи", "when asking about the connection check"),
    #[cfg(feature = "preview")]
    TargetSources => ("при загрузке «Откуда пишут клиенты»", "when loading where customers write from"),
    #[cfg(feature = "preview")]
    PreviewOnce => ("Только один раз", "Only once"),
    #[cfg(feature = "preview")]
    PreviewOnceShort => ("один раз", "once"),
    #[cfg(feature = "preview")]
    PreviewHold => ("Держать загрузку", "Hold loading"),
    #[cfg(feature = "preview")]
    PreviewHoldShort => ("загрузка удерживается", "loading held"),
    #[cfg(feature = "preview")]
    PreviewSlowShort => ("медленная сеть", "slow network"),
    #[cfg(feature = "preview")]
    PreviewToken => ("Ответ MAX на любой токен", "MAX's answer to any token"),
    #[cfg(feature = "preview")]
    TokenValid => ("Токен принят", "Token accepted"),
    #[cfg(feature = "preview")]
    TokenRefused => ("Токен отклонён", "Token refused"),
    #[cfg(feature = "preview")]
    TokenMaxUnavailable => ("MAX не отвечает", "MAX does not answer"),
    #[cfg(feature = "preview")]
    TokenRateLimited => ("Слишком много проверок (429)", "Too many checks (429)"),
    #[cfg(feature = "preview")]
    PreviewClock => ("Часы", "Clock"),
    #[cfg(feature = "preview")]
    PreviewWeekday => ("День недели", "Weekday"),
    #[cfg(feature = "preview")]
    PreviewTime => ("Время", "Time"),
    #[cfg(feature = "preview")]
    ClockReal => ("Настоящее время", "Real time"),
    #[cfg(feature = "preview")]
    PreviewClockNote => ("Часы стоят на {moment} ({zone}) при открытии страницы и идут дальше.", "The clock stands at {moment} ({zone}) when the page opens, then runs on."),
    #[cfg(feature = "preview")]
    PreviewClockRealNote => ("Часы идут по времени компьютера.", "The clock follows the computer's time."),
    #[cfg(feature = "preview")]
    PreviewClockShort => ("часы: {moment}", "clock: {moment}"),
    #[cfg(feature = "preview")]
    PreviewCheck => ("Открыть «Проверку связи»", "Open the connection check"),
    #[cfg(feature = "preview")]
    PreviewCheckShort => ("«Проверка связи» открыта", "connection check open"),
    #[cfg(feature = "preview")]
    PreviewLanguage => ("Язык", "Language"),
    #[cfg(feature = "preview")]
    LanguageRussian => ("Русский", "Russian (Русский)"),
    #[cfg(feature = "preview")]
    LanguageEnglish => ("Английский (English)", "English"),
    #[cfg(feature = "preview")]
    PreviewLinkLabel => ("Ссылка на это состояние", "Link to this state"),
    #[cfg(feature = "preview")]
    PreviewCopyLink => ("Скопировать ссылку на это состояние", "Copy the link to this state"),
    #[cfg(feature = "preview")]
    PreviewLinkCopied => ("Ссылка скопирована.", "Link copied."),
    #[cfg(feature = "preview")]
    PreviewLinkSelected => ("Ссылка выделена: нажмите Ctrl+C, чтобы скопировать.", "The link is selected: press Ctrl+C to copy it."),
    #[cfg(feature = "preview")]
    PreviewWithoutPanel => ("Это состояние без панели", "This state without the panel"),
    #[cfg(feature = "preview")]
    PreviewGalleryLink => ("Все состояния рядом", "All states side by side"),
    #[cfg(feature = "preview")]
    GalleryTitle => ("Все состояния предпросмотра", "Every preview state"),
    #[cfg(feature = "preview")]
    GalleryLead => ("Каждое состояние — живая страница шириной 390 и 1440 px. «Открыть» показывает его с панелью; ссылкой на него можно поделиться.", "Each state is a live page 390 and 1440 px wide. «Open» shows it with the panel; its link can be shared."),
    #[cfg(feature = "preview")]
    GalleryFrame => ("{state}, ширина {width} px", "{state}, {width} px wide"),
    #[cfg(feature = "preview")]
    GalleryOpen => ("Открыть", "Open"),
    // The settings form.
    SecToken => ("Токен HTTP API", "HTTP API token"),
    TokenLabel => ("Токен HTTP API", "HTTP API token"),
    TokenHelp => (
        "Токен чат-бота MAX. Хранится только на сервере Манго Диалогов.",
        "The MAX chat-bot's token. Only the Mango Dialogs server keeps it."
    ),
    TokenPlatform => ("Платформа MAX для бизнеса", "MAX for business platform"),
    TokenWhere => ("Где найти токен?", "Where is the token?"),
    TokenStepPlatform => ("Откройте платформу MAX для бизнеса и выберите профиль организации:", "Open the MAX for business platform and choose your organisation's profile:"),
    TokenStepBot => ("В разделе «Чат-боты» выберите бота и нажмите ⋮ → «Настройки».", "In «Чат-боты», choose the bot and press ⋮ → «Настройки»."),
    TokenStepCopy => (
        "Скопируйте токен значком справа от поля с токеном и вставьте его в поле выше.",
        "Copy the token with the icon to the right of its field and paste it in the field above."
    ),
    TokenShow => ("Показать токен", "Show token"),
    TokenHide => ("Скрыть токен", "Hide token"),
    TokenCheck => ("Проверить", "Check"),
    TokenChecking => ("Проверяем…", "Checking…"),
    TokenAuthorized => ("Токен авторизован", "Token authorized"),
    TokenStored => ("Сохранён токен {hint}", "Stored token {hint}"),
    TokenReplace => ("Заменить токен", "Replace token"),
    TokenKeep => ("Оставить сохранённый токен", "Keep the stored token"),
    TokenNetwork => (
        "Не удалось проверить токен: нет связи с сервером. Повторите попытку.",
        "Could not check the token: the server is unreachable. Try again."
    ),
    SecRouting => ("Приём и обработка обращений", "Receiving and handling requests"),
    RoutingWho => ("Кто будет принимать обращение", "Who takes the requests"),
    RoutingEmployee => ("Сотрудник", "Employee"),
    RoutingGroup => ("Группа", "Group"),
    RoutingChatBot => ("Чат-бот", "Chat-bot"),
    ChatBotsOff => ("Подключите услугу «Чат-боты»", "Connect the «Chat-bots» service"),
    EmployeeLabel => ("Сотрудник", "Employee"),
    EmployeeSearch => ("Начните вводить фамилию или добавочный номер", "Start typing a surname or an extension"),
    EmployeeNone => ("Никого не нашли", "Nobody found"),
    ShowMore => ("Показать ещё", "Show more"),
    GroupLabel => ("Группа", "Group"),
    ChooseGroup => ("Выберите группу", "Choose a group"),
    Distribution => ("Распределение обращений", "Request distribution"),
    DistributionLink => ("настраивается в Личном кабинете ВАТС", "is set in the VATS cabinet"),
    DistRoundRobin => ("По очереди", "Round robin"),
    DistAllAtOnce => ("Всем одновременно", "All at once"),
    DistInOrder => ("Последовательно по списку", "In list order"),
    DistLeastBusy => ("Наименее загруженному", "Least busy"),
    MembersCount => ("{count} в группе", "{count} in the group"),
    UnitPerson => ("сотрудник|сотрудника|сотрудников", "employee|employees"),
    ChatBotLabel => ("Чат-бот из услуги «Чат-боты»", "A chat-bot of the «Chat-bots» service"),
    ChooseChatBot => ("Выберите чат-бота", "Choose a chat-bot"),
    FallbackLabel => ("Если чат-бот недоступен", "If the chat-bot is unavailable"),
    SecReplies => ("Автоматические ответы", "Automatic replies"),
    RepliesHelp => (
        "Используйте автоответы, чтобы клиент дождался оператора в часы пиковой нагрузки, когда все сотрудники заняты, или когда оператор отошёл.",
        "Use auto-replies so the customer waits for an operator at peak hours, when everyone is busy, or when the operator is away."
    ),
    RepliesNote => (
        "Сообщения автоответов сохраняются в истории обращения, только если клиент написал в чате своё сообщение.",
        "Auto-reply messages are kept in the request history only if the customer wrote a message in the chat."
    ),
    ReplyTitle => ("Автоответ {n}", "Auto-reply {n}"),
    ReplyDelay => ("Через какое время отправить", "Send after"),
    ReplyDelayHelp => ("0 — сразу", "0 — at once"),
    ReplyText => ("Текст сообщения", "Message text"),
    ReplyRepeat => ("Периодичность", "Frequency"),
    RepeatOnce => ("Один раз", "Once"),
    RepeatEvery => ("Повторять каждые", "Repeat every"),
    RepeatInterval => ("Интервал повтора", "Repeat interval"),
    ReplyAdd => ("Добавить автоответ", "Add auto-reply"),
    ReplyRemove => ("Удалить автоответ {n}", "Remove auto-reply {n}"),
    RepliesLimit => ("Можно добавить не больше 10 автоответов.", "At most 10 auto-replies."),
    UnitWordSeconds => ("секунд", "seconds"),
    UnitWordMinutes => ("минут", "minutes"),
    UnitWordHours => ("часов", "hours"),
    UnitWordDays => ("дней", "days"),
    TimeUnit => ("Единица времени", "Time unit"),
    SecClosing => ("Показывать сообщение при закрытии обращения", "Show a message when a request is closed"),
    ClosingHelp => (
        "Сообщение увидит клиент, когда оператор закроет обращение, чат-бот завершит его или обращение завершится автоматически.",
        "The customer sees it when an operator closes the request, the chat-bot ends it, or it closes automatically."
    ),
    ClosingText => ("Текст сообщения при закрытии", "Closing message text"),
    SecNonWorking => ("Нерабочее время", "Non-working hours"),
    NonWorkingChatBot => ("Чат-бот", "Chat-bot"),
    NonWorkingReplies => ("Автоответы", "Auto-replies"),
    NonWorkingExclusive => (
        "Чат-бот и автоответы нельзя включить одновременно.",
        "The chat-bot and the auto-replies cannot both be on."
    ),
    RepliesTurnedOff => ("Автоответы в нерабочее время выключены: включён чат-бот.", "Non-working-hours auto-replies were switched off: the chat-bot is on."),
    ChatBotTurnedOff => ("Чат-бот в нерабочее время выключен: включены автоответы.", "The non-working-hours chat-bot was switched off: the auto-replies are on."),
    NonWorkingRules => (
        "Правила работы с сообщениями в нерабочее время",
        "Rules for messages in non-working hours"
    ),
    SecAutoClose => ("Автоматическое завершение диалогов", "Closing dialogs automatically"),
    AutoCloseSwitch => ("Завершать диалог, если в нём нет сообщений", "Close a dialog when it has no messages"),
    AutoClosePeriod => ("Через", "After"),
    AutoCloseCustom => ("Другое значение", "Another value"),
    AutoCloseCustomValue => ("Своё значение", "Custom value"),
    AutoCloseRange => ("От 5 минут до 30 дней.", "From 5 minutes to 30 days."),
    ClosingSwitch => ("Показывать сообщение", "Show the message"),
    Save => ("Сохранить", "Save"),
    Saving => ("Сохраняем…", "Saving…"),
    Cancel => ("Отмена", "Cancel"),
    Disconnect => ("Отключить канал", "Disconnect the channel"),
    DisconnectSectionTitle => ("Отключение канала", "Disconnecting the channel"),
    DisconnectSectionHelp => (
        "Новые обращения из MAX перестанут поступать. Настройки сохранятся: чтобы подключить канал снова, достаточно токена.",
        "New requests from MAX stop arriving. The settings are kept: a token is all it takes to connect again."
    ),
    BarFailed => ("Не удалось сохранить.", "Could not save."),
    BarConflict => ("Настройки изменил другой пользователь.", "Another user changed the settings."),
    BarDetails => ("Подробнее", "Details"),
    UnitWarning => ("предупреждение|предупреждения|предупреждений", "warning|warnings"),
    SavedFirst => (
        "Канал MAX успешно настроен. Проверьте связь: напишите боту со своего телефона.",
        "The MAX channel is set up. Test the connection: write to the bot from your phone."
    ),
    Saved => ("Настройки сохранены", "Settings saved"),
    FixErrors => ("Исправьте {count}.", "Fix {count}."),
    UnitField => ("поле|поля|полей", "field|fields"),
    ConflictText => (
        "Пока вы редактировали, настройки сохранил другой пользователь. Ваши изменения не потеряны.",
        "While you were editing, another user saved the settings. Your changes are not lost."
    ),
    ConflictLoad => ("Загрузить их версию", "Load their version"),
    ConflictKeep => ("Продолжить редактирование", "Keep editing"),
    Disconnected => (
        "Канал отключён. Остальные настройки сохранены — для подключения достаточно нового токена.",
        "The channel is disconnected. The other settings are kept — a new token is all it takes to reconnect."
    ),
    DisconnectTitle => ("Отключить канал MAX?", "Disconnect the MAX channel?"),
    DisconnectText => (
        "Бот {bot} останется в MAX, но сообщения, которые ему напишут клиенты, никто не получит, пока канал не подключат снова. Уберите ссылку на бота и QR-код с сайта. Токен будет удалён, остальные настройки сохранятся.",
        "The bot {bot} stays in MAX, but nobody gets what customers write to it until the channel is connected again. Take the bot's link and QR code off your site. The token is deleted; the other settings are kept."
    ),
    DisconnectBotUnnamed => ("вашей компании", "of your company"),
    DisconnectStay => ("Не отключать", "Keep connected"),
    LeaveTitle => ("Уйти без сохранения?", "Leave without saving?"),
    LeaveText => (
        "Вы изменили настройки и не сохранили их. Если уйти, изменения пропадут.",
        "You changed the settings and did not save them. If you leave, the changes are lost."
    ),
    LeaveConfirm => ("Уйти без сохранения", "Leave without saving"),
    LeaveStay => ("Остаться", "Stay"),
    DraftOffer => ("Восстановить несохранённые изменения?", "Restore the unsaved changes?"),
    DraftText => (
        "В прошлый раз вы изменили настройки, но не сохранили их.",
        "Last time you changed the settings but did not save them."
    ),
    DraftRestore => ("Восстановить", "Restore"),
    DraftDiscard => ("Не нужно", "No, thanks"),
    CancelTitle => ("Отменить изменения?", "Discard the changes?"),
    CancelText => (
        "Несохранённые изменения пропадут, и откроется страница «О канале».",
        "The unsaved changes will be lost and the «About the channel» page opens."
    ),
    CancelConfirm => ("Отменить изменения", "Discard changes"),
    ErrRequired => ("Заполните поле.", "Fill in this field."),
    ErrTokenRequired => ("Вставьте токен из MAX.", "Paste the token from MAX."),
    ErrTokenTooLong => ("Токен — не длиннее 512 символов.", "The token is at most 512 characters."),
    ErrTokenChars => (
        "В токене только латинские буквы, цифры и знаки — без пробелов, переводов строки и кириллицы.",
        "A token has only Latin letters, digits and signs — no spaces, line breaks or Cyrillic."
    ),
    ErrTokenSpace => (
        "Уберите пробелы внутри токена — он пишется без пробелов.",
        "Remove the spaces inside the token — it has none."
    ),
    ErrTokenLineBreak => (
        "Уберите из токена табуляцию и переводы строки — токен пишется одной строкой.",
        "Remove tabs and line breaks from the token — it is a single line."
    ),
    ErrTokenControl => (
        "В токене невидимые управляющие символы — скопируйте его из MAX заново.",
        "The token contains invisible control characters — copy it from MAX again."
    ),
    ErrTokenCyrillic => (
        "В токене русские буквы — проверьте раскладку: токен пишется латиницей.",
        "The token contains Cyrillic letters — check the keyboard layout: tokens are in Latin letters."
    ),
    ErrTokenSymbols => (
        "В токене символы, которых в токенах MAX не бывает (например, эмодзи): только латинские буквы, цифры и знаки.",
        "The token contains characters MAX tokens never have (such as emoji): only Latin letters, digits and signs."
    ),
    ErrChooseEmployee => ("Выберите сотрудника.", "Choose an employee."),
    ErrChooseGroup => ("Выберите группу.", "Choose a group."),
    ErrChooseChatBot => ("Выберите чат-бота.", "Choose a chat-bot."),
    ErrFallback => (
        "Выберите сотрудника или группу на случай недоступности чат-бота.",
        "Choose an employee or a group for when the chat-bot is unavailable."
    ),
    ErrTextRequired => ("Введите текст сообщения.", "Enter the message text."),
    ErrTextTooLong => ("Не больше 250 символов.", "At most 250 characters."),
    ErrTextCut => ("Сократите на {count}: можно не больше 250.", "Cut {count}: at most 250 are allowed."),
    UnitChar => ("символ|символа|символов", "character|characters"),
    ErrTextChars => (
        "Уберите управляющие символы (например, табуляцию): допустимы только переводы строки.",
        "Remove control characters (a tab, say): only line breaks are allowed."
    ),
    ErrNumberRequired => ("Укажите число.", "Enter a number."),
    ErrNotANumber => ("Введите число цифрами.", "Enter a number in digits."),
    ErrNotWhole => ("Введите целое число.", "Enter a whole number."),
    ErrHasSpaces => ("Введите число без пробелов: 1000, а не 1 000.", "Enter the number without spaces: 1000, not 1 000."),
    ErrDelayRange => ("От 0 секунд до 24 часов.", "From 0 seconds to 24 hours."),
    ErrIntervalRange => ("От 1 минуты до 24 часов.", "From 1 minute to 24 hours."),
    ErrAutoCloseRange => ("От 5 минут до 30 дней.", "From 5 minutes to 30 days."),
    ErrOutOfRange => ("Значение вне допустимого диапазона.", "The value is out of range."),
    ErrTooMany => ("Не больше 10 автоответов.", "At most 10 auto-replies."),
    ErrRepliesRequired => ("Добавьте хотя бы один автоответ.", "Add at least one auto-reply."),
    ErrDuplicateDelay => (
        "Автоответ с таким временем уже есть — измените время.",
        "An auto-reply with this delay already exists — change the time."
    ),
    ErrServiceOff => ("Подключите услугу «Чат-боты».", "Connect the «Chat-bots» service."),
    ErrUnknownReference => ("Этого значения больше нет — выберите другое.", "This value no longer exists — choose another."),
    ErrFieldOther => ("Проверьте значение.", "Check the value."),
    // An error shown at another control than its own (switched off, not chosen, gone): it
    // names its control, so «Выберите группу.» under «Кто будет принимать обращение» reads.
    ErrHiddenField => ("Поле «{field}»: {error}", "Field «{field}»: {error}"),
    ReplyControl => ("Автоответ {n} — {field}", "Auto-reply {n} — {field}"),
    FallbackControl => ("Если чат-бот недоступен — {field}", "If the chat-bot is unavailable — {field}"),
    UnitSecond => ("секунда|секунды|секунд", "second|seconds"),
    // After «через»: the accusative, «через 1 секунду, 2 секунды, 5 секунд».
    UnitSecondAfter => ("секунду|секунды|секунд", "second|seconds"),
    UnitMinute => ("минута|минуты|минут", "minute|minutes"),
    UnitMinuteAgo => ("минуту|минуты|минут", "minute|minutes"),
    UnitHour => ("час|часа|часов", "hour|hours"),
    UnitDay => ("день|дня|дней", "day|days"),
    // The schedule in «Нерабочее время» (read-only; edited in the VATS cabinet).
    ScheduleTitle => ("Рабочее время ({zone})", "Working hours ({zone})"),
    ZoneKaliningrad => ("калининградское время", "Kaliningrad time"),
    ZoneMoscow => ("московское время", "Moscow time"),
    ZoneSamara => ("самарское время", "Samara time"),
    ZoneYekaterinburg => ("екатеринбургское время", "Yekaterinburg time"),
    ZoneOmsk => ("омское время", "Omsk time"),
    ZoneKrasnoyarsk => ("красноярское время", "Krasnoyarsk time"),
    ZoneIrkutsk => ("иркутское время", "Irkutsk time"),
    ZoneYakutsk => ("якутское время", "Yakutsk time"),
    ZoneVladivostok => ("владивостокское время", "Vladivostok time"),
    ZoneMagadan => ("магаданское время", "Magadan time"),
    ZoneKamchatka => ("камчатское время", "Kamchatka time"),
    ScheduleExceptions => ("Ближайшие исключения", "Upcoming exceptions"),
    ScheduleEdit => ("Изменить расписание в Личном кабинете ВАТС", "Change the schedule in the VATS cabinet"),
    ScheduleLoading => ("Загружаем расписание…", "Loading the schedule…"),
    ScheduleInvalid => (
        "Расписание не удалось прочитать: проверьте его в Личном кабинете ВАТС.",
        "The schedule cannot be read: check it in the VATS cabinet."
    ),
    ScheduleFailed => ("Не удалось загрузить расписание. {reason}", "Could not load the schedule. {reason}"),
    ScheduleUnknownZone => (
        "Браузер не знает часовой пояс {zone}: не можем сказать, рабочее ли время сейчас.",
        "The browser does not know the time zone {zone}: cannot tell whether it is working time now."
    ),
    DayOff => ("выходной", "day off"),
    WeekdaysShort => ("Пн|Вт|Ср|Чт|Пт|Сб|Вс", "Mon|Tue|Wed|Thu|Fri|Sat|Sun"),
    WeekdaysGenitive => (
        "понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья",
        "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    ),
    UntilTime => ("до {time}", "until {time}"),
    PointWeekday => ("{time} {weekday}", "{time} on {weekday}"),
    PointDay => ("{time} {day}", "{time} on {day}"),
    StretchText => ("с {from} до {to}", "from {from} to {to}"),
    UntilWeekday => ("до {time} {weekday}", "until {time} on {weekday}"),
    UntilDay => ("до {time} {day}", "until {time} on {day}"),
    NowWorking => ("Сейчас рабочее время, {until}", "Working time now, {until}"),
    NowNonWorking => ("Сейчас нерабочее время, {until}", "Non-working time now, {until}"),
    NowNonWorkingLong => (
        "Сейчас нерабочее время; рабочего времени в ближайшие 60 дней нет",
        "Non-working time now; no working time within the next 60 days"
    ),
    // «Как это увидит клиент».
    CustomerViewTitle => ("Как это увидит клиент", "What the customer will see"),
    CustomerViewHelp => (
        "По значениям формы прямо сейчас — сохранять не нужно.",
        "From the form's values as they are now — no need to save."
    ),
    SituationLegend => ("Ситуация", "Situation"),
    SituationBusy => ("Рабочее время, операторы заняты", "Working hours, operators busy"),
    SituationNonWorking => ("Нерабочее время", "Non-working hours"),
    SituationOperatorClosed => ("Оператор закрыл обращение", "An operator closed the dialog"),
    SituationCustomerSilent => ("Клиент не отвечает", "The customer stops answering"),
    ChatLabel => ("Переписка в MAX", "The conversation in MAX"),
    SenderCustomer => ("Клиент", "Customer"),
    SenderOperator => ("Оператор", "Operator"),
    BotFallbackName => ("Ваш бот", "Your bot"),
    CustomerSample => ("Здравствуйте! Подскажите, пожалуйста, по заказу.", "Hello! I have a question about my order."),
    OperatorSample => ("Здравствуйте! Сейчас посмотрю.", "Hello! Let me check."),
    AtOnce => ("сразу", "at once"),
    AfterDelay => ("через {delay}", "in {delay}"),
    RepeatNth => ("повтор {n}", "repeat {n}"),
    MoreRepeats => ("…и ещё {count}", "…and {count} more"),
    UnitRepeat => ("повтор|повтора|повторов", "repeat|repeats"),
    EmptyText => ("(текст не заполнен)", "(no text yet)"),
    EventChatBot => ("Обращение принимает чат-бот «{name}»", "The chat-bot «{name}» takes the dialog"),
    EventChatBotUnchosen => ("Обращение принимает чат-бот (не выбран)", "A chat-bot (not chosen) takes the dialog"),
    EventFallbackEmployee => (
        "Если чат-бот недоступен, обращение получит сотрудник",
        "If the chat-bot is unavailable, an employee gets the dialog"
    ),
    EventFallbackGroup => (
        "Если чат-бот недоступен, обращение получит группа",
        "If the chat-bot is unavailable, a group gets the dialog"
    ),
    EventNoAnswer => (
        "Автоответы и чат-бот в нерабочее время выключены — клиент не получает ответа",
        "Auto-replies and the chat-bot are off in non-working hours — the customer gets no answer"
    ),
    EventResumes => (
        "Начинается рабочее время ({when}) — обращение получают операторы",
        "Working hours begin ({when}) — operators get the dialog"
    ),
    EventOperatorCloses => ("Оператор закрыл обращение", "The operator closed the dialog"),
    EventAutoClose => ("Обращение завершено автоматически", "The dialog was closed automatically"),
    NoNonWorkingTime => (
        "По расписанию нерабочего времени нет — эта ситуация не наступит.",
        "The schedule has no non-working time — this never happens."
    ),
    NonWorkingStarts => ("Клиент пишет {when}, в нерабочее время.", "The customer writes {when}, in non-working hours."),
    NonWorkingResumes => ("Рабочее время начнётся {when}.", "Working hours begin {when}."),
    WritesNow => ("сейчас", "now"),
    AtTime => ("в {time}", "at {time}"),
    AtWeekday => ("в {weekday} в {time}", "on {weekday} at {time}"),
    WeekdaysAccusative => (
        "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье",
        "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    ),
    AtDay => ("в {time} {day}", "at {time} on {day}"),
    // «Проверьте настройки».
    ChecksTitle => ("Проверьте настройки", "Check the settings"),
    ChecksHelp => ("Сохранить можно и так.", "You can save anyway."),
    NonWorkingControl => ("{field} (нерабочее время)", "{field} (non-working hours)"),
    WarnReplyAfterAutoClose => (
        "автоответ не придёт — обращение завершится раньше, {close}.",
        "the auto-reply never arrives — the dialog closes first, {close}."
    ),
    WarnTooManyRepeats => (
        "до завершения обращения клиент получит {count}.",
        "the customer gets {count} before the dialog closes."
    ),
    UnitMessage => ("сообщение|сообщения|сообщений", "message|messages"),
    WarnRepeatsWithoutAutoClose => (
        "автозавершение выключено — повторы не прекратятся, пока оператор не ответит.",
        "auto-close is off — the repeats go on until an operator answers."
    ),
    WarnNonWorkingUnanswered => (
        "автоответы и чат-бот выключены, а по расписанию есть нерабочее время — клиенты не получат ответа.",
        "auto-replies and the chat-bot are off, and the schedule has non-working time — customers get no answer then."
    ),
    WarnClosesBeforeWorkingTime => (
        "обращение из нерабочего времени закроется {close}, а дольше всего никто не отвечает {length}: {stretch}.",
        "a dialog from non-working time closes {close}, while nobody answers for up to {length}: {stretch}."
    ),
    FixCloseAfter => ("Закрывать через {duration}", "Close after {duration}"),
    FixRepeatEvery => ("Повторять раз в {duration}", "Repeat every {duration}"),
    FixClosingOn => ("Включить сообщение при закрытии", "Turn on the closing message"),
    WarnAutoCloseWithoutClosing => (
        "выключено — при автозавершении клиент не узнает, что обращение закрыто.",
        "off — when the dialog closes by itself, the customer is not told."
    ),
    // «История изменений».
    WhoEmployee => ("сотрудник {name}", "employee {name}"),
    WhoEmployeeGone => ("удалённый сотрудник ({id})", "deleted employee ({id})"),
    WhoGroup => ("группа «{name}»", "group «{name}»"),
    WhoGroupGone => ("удалённая группа ({id})", "deleted group ({id})"),
    WhoChatBot => ("чат-бот «{name}»", "chat-bot «{name}»"),
    WhoChatBotGone => ("удалённый чат-бот ({id})", "deleted chat-bot ({id})"),
    WhoWithFallback => ("{who} (если недоступен — {fallback})", "{who} (if unavailable, {fallback})"),
    DiffRouting => ("Кто принимает обращения: {before} → {after}", "Who takes dialogs: {before} → {after}"),
    DiffFallback => ("Если чат-бот недоступен: {before} → {after}", "If the chat-bot is unavailable: {before} → {after}"),
    DiffNone => ("нет", "none"),
    DiffReplyName => ("Автоответ {n}", "Auto-reply {n}"),
    DiffNwhReplyName => ("Нерабочее время, автоответ {n}", "Non-working hours, auto-reply {n}"),
    DiffReplyDelay => ("{subject}: когда — {before} → {after}", "{subject}: when — {before} → {after}"),
    DiffText => ("{subject}: текст {before} → {after}", "{subject}: text {before} → {after}"),
    DiffTextAdded => ("{subject}: текст добавлен — {what}", "{subject}: text added — {what}"),
    DiffTextRemoved => ("{subject}: текст удалён — {what}", "{subject}: text removed — {what}"),
    DiffReplyRepeat => ("{subject}: периодичность — {before} → {after}", "{subject}: frequency — {before} → {after}"),
    DiffReplyAdded => ("{subject}: добавлен — {what}", "{subject}: added — {what}"),
    DiffReplyRemoved => ("{subject}: удалён — {what}", "{subject}: removed — {what}"),
    RepeatOnceWords => ("один раз", "once"),
    RepeatEveryWords => ("раз в {every}", "every {every}"),
    DiffClosing => ("Сообщение при закрытии: {before} → {after}", "Closing message: {before} → {after}"),
    DiffClosingName => ("Сообщение при закрытии", "Closing message"),
    DiffRoutingName => ("Кто принимает обращения", "Who takes dialogs"),
    DiffNonWorkingName => ("Нерабочее время", "Non-working hours"),
    DiffAutoCloseName => ("Автозавершение", "Auto-close"),
    FieldLine => ("{subject}: {what}", "{subject}: {what}"),
    DiffNonWorking => ("Нерабочее время: {before} → {after}", "Non-working hours: {before} → {after}"),
    UnitAutoReply => ("автоответ|автоответа|автоответов", "auto-reply|auto-replies"),
    DiffAutoClose => ("Автозавершение: {before} → {after}", "Auto-close: {before} → {after}"),
    DiffOn => ("включено", "on"),
    DiffOff => ("выключено", "off"),
    HistoryTitle => ("История изменений", "Change history"),
    HistoryConnected => ("Канал подключён", "Channel connected"),
    HistorySaved => ("Настройки изменены", "Settings changed"),
    HistoryEventRestored => ("Возвращена прежняя версия", "An earlier version restored"),
    HistoryRestoredFrom => ("Возвращены настройки от {moment}", "Settings of {moment} restored"),
    HistoryDisconnected => ("Канал отключён", "Channel disconnected"),
    HistoryOtherEvent => ("Событие «{event}»", "Event «{event}»"),
    HistoryTokenReplaced => ("заменён токен", "token replaced"),
    HistorySystem => ("Система", "System"),
    HistoryEmpty => ("Изменений пока не было", "No changes yet"),
    HistoryMore => ("Показать ещё", "Show more"),
    HistoryFirstVersion => ("Первая версия настроек", "The first version of the settings"),
    HistoryNoChanges => ("Настройки не изменились", "The settings did not change"),
    HistoryRestore => ("Вернуть настройки после этого изменения", "Restore the settings as this change left them"),
    HistoryAllSettings => ("Все настройки этой версии", "All settings of this version"),
    HistoryRestored => (
        "Загружены настройки от {moment}. Проверьте и сохраните.",
        "The settings of {moment} are loaded. Check them and save."
    ),
    HistoryRestoredChanges => (
        "Загружены настройки от {moment}. После сохранения изменится:",
        "The settings of {moment} are loaded. Saving them changes:"
    ),
    HistoryLoading => ("Загружаем историю…", "Loading the history…"),
    HistoryEntries => ("Записи истории", "History entries"),
    HistoryShown => ("Показано {count}", "{count} shown"),
    UnitEntry => ("запись|записи|записей", "entry|entries"),
    SourcesTitle => ("Откуда пишут клиенты", "Where customers come from"),
    SourcesLead => (
        "Сколько новых диалогов пришло по каждой метке источника: так видно, какие ссылки и QR-коды приводят клиентов.",
        "How many new dialogs each source label brought: this shows which links and QR codes bring customers."
    ),
    SourcesLoadFailed => (
        "Не удалось загрузить статистику. Проверьте интернет и повторите.",
        "The statistics could not be loaded. Check the internet connection and try again."
    ),
    SourcesPeriod => ("Период", "Period"),
    SourcesTotal => ("{dialogs} за {days}", "{dialogs} in {days}"),
    UnitNewDialog => ("новый диалог|новых диалога|новых диалогов", "new dialog|new dialogs"),
    SourcesNoLabel => ("Без метки", "No label"),
    SourcesByLabel => ("По меткам", "By label"),
    SourcesByDay => ("По дням", "By day"),
    SourcesChartWords => ("С {from} по {to} {dialogs}.", "From {from} to {to}: {dialogs}."),
    SourcesChartTop => ("Больше всего: {labels}.", "Most: {labels}."),
    SourcesShowTable => ("Показать таблицей", "Show as a table"),
    SourcesHideTable => ("Скрыть таблицу", "Hide the table"),
    SourcesLabelColumn => ("Метка", "Label"),
    SourcesDialogsColumn => ("Новых диалогов", "New dialogs"),
    SourcesShareColumn => ("Доля", "Share"),
    SourcesDayColumn => ("День", "Day"),
    SourcesUseLabel => ("Ссылка с этой меткой", "Link with this label"),
    SourcesEmpty => ("За эти дни новых диалогов не было.", "There were no new dialogs in these days."),
    SourcesEmptyHint => (
        "Поделитесь ссылкой на бота или QR-кодом: диалоги, которые придут по ним, появятся здесь.",
        "Share the link to your bot or its QR code: the dialogs they bring will show here."
    ),
    SourcesToLinkKit => ("К ссылке и QR-коду", "Go to the link and QR code"),
}
