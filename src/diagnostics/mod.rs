//! The wizard's own diagnostics: a daily log of every run in the data
//! directory (`log.rs`) and the zip support asks for (`bundle.rs`).
//! Nothing secret is ever formatted into either: passwords, tokens and
//! codes are [`crate::backend::Secret`]s or the oauth2 crate's redacted
//! types, and the events below name servers, operations and results only.

pub mod bundle;
pub mod log;

/// A URL as the log shows it: scheme, host and path, and the names of the
/// query's parameters without their values (which may hold a code or a
/// token). Unparsable text gives "(unparsable URL)".
pub fn url_for_log(url: &str) -> String {
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return "(unparsable URL)".into();
    };
    let mut shown = format!(
        "{}://{}{}",
        parsed.scheme(),
        parsed.host_str().unwrap_or(""),
        parsed.port().map(|p| format!(":{p}")).unwrap_or_default()
    );
    shown.push_str(parsed.path());
    let names: Vec<String> = parsed.query_pairs().map(|(k, _)| k.into_owned()).collect();
    if !names.is_empty() {
        shown.push('?');
        shown.push_str(
            &names
                .iter()
                .map(|n| format!("{n}=…"))
                .collect::<Vec<_>>()
                .join("&"),
        );
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_query_values_and_credentials() {
        assert_eq!(
            url_for_log("https://user:pw@login.example/t/oauth2/token?code=SECRET&state=S2"),
            "https://login.example/t/oauth2/token?code=…&state=…"
        );
        assert_eq!(
            url_for_log("http://127.0.0.1:8080/api/x"),
            "http://127.0.0.1:8080/api/x"
        );
        assert_eq!(url_for_log("not a url"), "(unparsable URL)");
    }
}
