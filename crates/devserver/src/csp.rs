//! The Content-Security-Policy of the app and of the demo host page, the per-response
//! nonce, and the violation reports the browser posts back (test controls only).
//!
//! Trunk (`[build] create_nonce = true`) writes `nonce="{{__TRUNK NONCE__}}"` on its inline
//! module boot script and its preload links; every answer with `index.html` replaces that
//! placeholder by a fresh nonce from the operating system's CSPRNG and names the same nonce
//! in its `script-src`.

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Config;

/// What Trunk 0.21 writes as the value of each `nonce` attribute (note the space).
pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// Where the browser posts violation reports when the test controls are on.
pub const REPORT_PATH: &str = "/__dev/csp-reports";

/// A fresh nonce: 16 bytes from the OS's CSPRNG (getrandom), base64 (24 characters).
pub fn nonce() -> String {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).expect("the operating system's random source works");
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `index.html` with every nonce placeholder set to `nonce`; with `None` (CSP switched
/// off) the placeholder attributes are removed instead.
pub fn apply_nonce(html: &str, nonce: Option<&str>) -> String {
    match nonce {
        Some(nonce) => html.replace(NONCE_PLACEHOLDER, nonce),
        None => html.replace(&format!(" nonce=\"{NONCE_PLACEHOLDER}\""), "").replace(NONCE_PLACEHOLDER, ""),
    }
}

/// `scheme://host[:port]` (a trailing `/` is dropped), or `None` for anything else —
/// `*`, a path, spaces, `;` or `,` can never reach a policy through it.
pub fn origin(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text.strip_suffix('/').unwrap_or(text);
    let (scheme, rest) = text.split_once("://")?;
    let mut scheme_chars = scheme.chars();
    let scheme_ok = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    (scheme_ok && host_ok && port_ok).then(|| text.to_owned())
}

/// `'self'` and the configured parent origin (when it is one): never `*`.
pub fn frame_ancestors(config: &Config) -> String {
    match config.parent_origin.as_deref().and_then(origin) {
        Some(parent) => format!("'self' {parent}"),
        None => "'self'".into(),
    }
}

fn with_reports(mut policy: String, config: &Config) -> String {
    if config.test_controls {
        policy.push_str("; report-uri ");
        policy.push_str(REPORT_PATH);
    }
    policy
}

/// The policy of one answer with the app's `index.html`.
pub fn app_policy(config: &Config, nonce: &str) -> String {
    with_reports(
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
             base-uri 'none'; frame-ancestors {}",
            frame_ancestors(config)
        ),
        config,
    )
}

/// The policy of the demo host page: its own script and style files, the app in a
/// same-origin iframe filling its content area, nothing else.
pub fn host_policy(config: &Config) -> String {
    with_reports(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         frame-src 'self'; child-src 'self'; form-action 'none'; object-src 'none'; \
         base-uri 'none'; frame-ancestors 'none'"
            .into(),
        config,
    )
}

/// One violation, from either report format, in the words of the Reporting API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CspReport {
    pub document_url: String,
    pub effective_directive: String,
    pub blocked_url: String,
    #[serde(default)]
    pub source_file: Option<String>,
    #[serde(default)]
    pub line_number: Option<u64>,
    #[serde(default)]
    pub column_number: Option<u64>,
    /// The first characters of the offending inline script or style, when the browser sends them.
    #[serde(default)]
    pub sample: Option<String>,
    /// `enforce` (blocked) or `report`.
    pub disposition: String,
}

impl std::fmt::Display for CspReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} blocked {:?} on {} ({})",
            self.effective_directive, self.blocked_url, self.document_url, self.disposition
        )?;
        if let Some(file) = &self.source_file {
            write!(f, " at {file}:{}:{}", self.line_number.unwrap_or(0), self.column_number.unwrap_or(0))?;
        }
        if let Some(sample) = self.sample.as_deref().filter(|s| !s.is_empty()) {
            write!(f, " sample {sample:?}")?;
        }
        Ok(())
    }
}

fn text(object: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| match object.get(*key)? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    })
}

fn number(object: &Value, keys: &[&str]) -> Option<u64> {
    keys.iter().find_map(|key| match object.get(*key)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    })
}

/// `report-uri`'s `{"csp-report": {...}}` (kebab-case keys).
fn from_legacy(report: &Value) -> CspReport {
    CspReport {
        document_url: text(report, &["document-uri"]).unwrap_or_default(),
        effective_directive: text(report, &["effective-directive", "violated-directive"]).unwrap_or_default(),
        blocked_url: text(report, &["blocked-uri"]).unwrap_or_default(),
        source_file: text(report, &["source-file"]),
        line_number: number(report, &["line-number"]),
        column_number: number(report, &["column-number"]),
        sample: text(report, &["script-sample"]),
        disposition: text(report, &["disposition"]).unwrap_or_else(|| "enforce".into()),
    }
}

/// The Reporting API's `body` of a `csp-violation` report (camelCase keys).
fn from_reporting_api(body: &Value) -> CspReport {
    CspReport {
        document_url: text(body, &["documentURL"]).unwrap_or_default(),
        effective_directive: text(body, &["effectiveDirective"]).unwrap_or_default(),
        blocked_url: text(body, &["blockedURL"]).unwrap_or_default(),
        source_file: text(body, &["sourceFile"]),
        line_number: number(body, &["lineNumber"]),
        column_number: number(body, &["columnNumber"]),
        sample: text(body, &["sample"]),
        disposition: text(body, &["disposition"]).unwrap_or_else(|| "enforce".into()),
    }
}

/// Why a posted report was refused.
#[derive(Debug, PartialEq)]
pub enum ReportError {
    /// Not `application/csp-report` nor `application/reports+json`.
    MediaType,
    /// Not the JSON of that format.
    Malformed(String),
}

/// The violations in a POSTed body, by its Content-Type.
pub fn parse_reports(content_type: &str, body: &[u8]) -> Result<Vec<CspReport>, ReportError> {
    let media_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let json = |body: &[u8]| serde_json::from_slice::<Value>(body).map_err(|e| ReportError::Malformed(e.to_string()));
    match media_type.as_str() {
        "application/csp-report" => {
            let value = json(body)?;
            let report =
                value.get("csp-report").ok_or_else(|| ReportError::Malformed("no \"csp-report\" member".into()))?;
            Ok(vec![from_legacy(report)])
        }
        "application/reports+json" => {
            let Value::Array(reports) = json(body)? else {
                return Err(ReportError::Malformed("not an array of reports".into()));
            };
            Ok(reports
                .iter()
                .filter(|r| r.get("type").and_then(Value::as_str) == Some("csp-violation"))
                .filter_map(|r| r.get("body"))
                .map(from_reporting_api)
                .collect())
        }
        _ => Err(ReportError::MediaType),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_fresh_base64_of_16_bytes() {
        let (a, b) = (nonce(), nonce());
        assert_ne!(a, b);
        assert_eq!(a.len(), 24);
        assert_eq!(base64::engine::general_purpose::STANDARD.decode(&a).unwrap().len(), 16);
    }

    #[test]
    fn placeholders_are_replaced_or_removed() {
        let html = format!(
            r#"<script type="module" nonce="{NONCE_PLACEHOLDER}">x</script><link rel="modulepreload" nonce="{NONCE_PLACEHOLDER}" href="/a.js">"#
        );
        let with = apply_nonce(&html, Some("abc+/="));
        assert_eq!(with.matches("nonce=\"abc+/=\"").count(), 2);
        let without = apply_nonce(&html, None);
        assert!(!without.contains("nonce") && !without.contains("TRUNK"), "{without}");
    }

    #[test]
    fn only_origins_reach_frame_ancestors() {
        assert_eq!(origin("https://lk.mango-office.ru/").as_deref(), Some("https://lk.mango-office.ru"));
        assert_eq!(origin("http://127.0.0.1:8080").as_deref(), Some("http://127.0.0.1:8080"));
        for bad in [
            "*",
            "https://*",
            "https://a.ru/path",
            "https://a.ru; script-src *",
            "https://a.ru b.ru",
            "a.ru",
            "https://a.ru:",
            "https://a.ru:99999x",
            "",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
        let mut config = Config { parent_origin: Some("*".into()), ..Config::default() };
        assert_eq!(frame_ancestors(&config), "'self'");
        config.parent_origin = Some("https://lk.mango-office.ru".into());
        assert_eq!(frame_ancestors(&config), "'self' https://lk.mango-office.ru");
    }

    #[test]
    fn the_app_policy_in_full() {
        let mut config = Config { parent_origin: Some("https://lk.mango-office.ru".into()), ..Config::default() };
        assert_eq!(
            app_policy(&config, "N0nce"),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-N0nce'; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             frame-ancestors 'self' https://lk.mango-office.ru"
        );
        config.test_controls = true;
        assert!(app_policy(&config, "N").ends_with("; report-uri /__dev/csp-reports"));
        assert!(host_policy(&config).contains("frame-src 'self'"));
    }

    #[test]
    fn both_report_formats() {
        let legacy = br#"{"csp-report":{"document-uri":"http://127.0.0.1:1/channels","violated-directive":"style-src-attr","effective-directive":"style-src-attr","blocked-uri":"inline","line-number":3,"source-file":"http://127.0.0.1:1/app.js","disposition":"enforce","script-sample":""}}"#;
        let reports = parse_reports("application/csp-report", legacy).unwrap();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].effective_directive, "style-src-attr");
        assert_eq!(reports[0].line_number, Some(3));
        assert!(reports[0].to_string().contains("style-src-attr blocked \"inline\""));

        let api = br#"[{"type":"csp-violation","age":1,"url":"u","body":{"documentURL":"u","blockedURL":"eval","effectiveDirective":"script-src","disposition":"enforce","lineNumber":1}},{"type":"deprecation","body":{}}]"#;
        let reports = parse_reports("application/reports+json; charset=utf-8", api).unwrap();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].blocked_url, "eval");

        assert_eq!(parse_reports("text/plain", b"{}"), Err(ReportError::MediaType));
        assert!(matches!(parse_reports("application/csp-report", b"nope"), Err(ReportError::Malformed(_))));
    }
}
