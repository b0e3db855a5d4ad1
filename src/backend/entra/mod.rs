//! Entra ID over HTTP: sign-in (OAuth 2.0 authorization code + PKCE with a
//! loopback redirect, or the device code), the portal's own API for the
//! on-premises integration toggles, and Microsoft Graph for pre-flight.
//! Facts: `microsoft-writeback-spec.md` §3–§5.

pub mod api;
pub mod graph;
pub mod pilot;
pub mod portal;
pub mod signin;

use std::sync::Arc;

use oauth2::url::{Host, Url};

use super::tenant::TenantError;

/// The portal API's audience (user-delegated).
pub const PORTAL_SCOPE: &str = "74658136-14ec-4630-ad9b-26e160ff0fc6/.default";
/// Microsoft Graph's audience.
pub const GRAPH_SCOPE: &str = "https://graph.microsoft.com/.default";
/// The default public client: Azure CLI's (spec §4); tenants may block it,
/// so it can be changed.
pub const DEFAULT_CLIENT_ID: &str = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
/// The tenant used when none is given: any work account.
pub const DEFAULT_TENANT: &str = "organizations";

/// Where the three services live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    /// `https://login.microsoftonline.com`.
    pub login: String,
    /// `https://main.iam.ad.ext.azure.com/api`.
    pub portal_api: String,
    /// `https://graph.microsoft.com`.
    pub graph: String,
}

impl Endpoints {
    /// The public cloud's endpoints, or those named by
    /// `WRITEBACK_WIZARD_LOGIN_URL`, `…_PORTAL_API_URL` and `…_GRAPH_URL`
    /// (tests, sovereign clouds). Plain http only for loopback addresses.
    pub fn from_env() -> Result<Endpoints, TenantError> {
        let var = |name: &str, default: &str| {
            let value = std::env::var(name).unwrap_or_else(|_| default.to_string());
            checked_base(&value).map_err(|e| TenantError::Config(format!("{name}: {e}")))
        };
        Ok(Endpoints {
            login: var(
                "WRITEBACK_WIZARD_LOGIN_URL",
                "https://login.microsoftonline.com",
            )?,
            portal_api: var(
                "WRITEBACK_WIZARD_PORTAL_API_URL",
                "https://main.iam.ad.ext.azure.com/api",
            )?,
            graph: var("WRITEBACK_WIZARD_GRAPH_URL", "https://graph.microsoft.com")?,
        })
    }
}

/// Checks a base URL (https, or http on a loopback address) and drops a
/// trailing slash.
pub fn checked_base(value: &str) -> Result<String, String> {
    let url = Url::parse(value.trim()).map_err(|e| format!("{value}: {e}"))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(format!(
                "{value}: plain http is allowed only for loopback addresses"
            ));
        }
        other => return Err(format!("{value}: unsupported scheme {other}")),
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("{value}: no query or fragment allowed"));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Who signs in where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInConfig {
    /// Tenant id or domain (`contoso.onmicrosoft.com`), or `organizations`.
    pub tenant: String,
    /// The public client id.
    pub client_id: String,
    /// The services.
    pub endpoints: Endpoints,
    /// The browser sign-in's redirect URI without its port (a tenant's own
    /// app, e.g. `http://127.0.0.1` or `http://localhost/callback`); None:
    /// `http://localhost:PORT` exactly as Microsoft's own tools (MSAL)
    /// send it for the first-party clients.
    pub redirect_uri: Option<String>,
}

impl SignInConfig {
    /// A configuration from optional values and the environment's endpoints.
    pub fn new(tenant: Option<&str>, client_id: Option<&str>) -> Result<SignInConfig, TenantError> {
        let tenant = tenant
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(DEFAULT_TENANT);
        if !tenant
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        {
            return Err(TenantError::Config(format!(
                "tenant {tenant:?}: use a domain (contoso.onmicrosoft.com) or a tenant id"
            )));
        }
        let client_id = client_id
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .unwrap_or(DEFAULT_CLIENT_ID);
        if !client_id.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(TenantError::Config(format!(
                "client id {client_id:?}: use an application (client) id GUID"
            )));
        }
        Ok(SignInConfig {
            tenant: tenant.to_string(),
            client_id: client_id.to_string(),
            endpoints: Endpoints::from_env()?,
            redirect_uri: None,
        })
    }

    /// Sets the redirect URI (blank: the default). It must be `http` on
    /// `localhost` or a loopback address, without a port, query or
    /// fragment: the port is the listener's.
    pub fn with_redirect_uri(mut self, uri: Option<&str>) -> Result<SignInConfig, TenantError> {
        let Some(uri) = uri.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(self);
        };
        let bad = || {
            TenantError::Config(format!(
                "redirect_uri {uri:?}: use http://localhost or http://127.0.0.1, with an optional path"
            ))
        };
        let url = Url::parse(uri).map_err(|_| bad())?;
        if url.scheme() != "http"
            || !is_loopback(&url)
            || url.port().is_some()
            || url.query().is_some()
            || url.fragment().is_some()
        {
            return Err(bad());
        }
        self.redirect_uri = Some(uri.trim_end_matches('/').to_string());
        Ok(self)
    }

    /// The redirect URI for a listener on `port`: `http://localhost:PORT`
    /// (no path, as MSAL sends it), or the configured one with the port
    /// put in after the host.
    pub fn redirect_for(&self, port: u16) -> String {
        match &self.redirect_uri {
            None => format!("http://localhost:{port}"),
            Some(base) => match Url::parse(base) {
                Ok(mut url) => {
                    let _ = url.set_port(Some(port));
                    let text = url.to_string();
                    if url.path() == "/" && !base.ends_with('/') {
                        text.trim_end_matches('/').to_string()
                    } else {
                        text
                    }
                }
                Err(_) => format!("http://localhost:{port}"),
            },
        }
    }

    /// `{login}/{tenant}/oauth2/v2.0/{what}`.
    pub fn oauth_url(&self, what: &str) -> String {
        format!(
            "{}/{}/oauth2/v2.0/{what}",
            self.endpoints.login, self.tenant
        )
    }
}

/// A signed-in session and who it is.
#[derive(Clone, Debug)]
pub struct SignedIn {
    /// The tokens (in memory only).
    pub session: Arc<signin::Session>,
    /// The user's principal name, when Graph told it.
    pub user: Option<String>,
}

impl SignedIn {
    /// A session, with the user Graph names for it (None when Graph does
    /// not say).
    pub async fn new(session: signin::Session) -> SignedIn {
        let session = Arc::new(session);
        let user = graph::me(&api::Api::new(session.clone())).await.ok();
        SignedIn { session, user }
    }

    /// API calls on this session.
    pub fn api(&self) -> api::Api {
        api::Api::new(self.session.clone())
    }

    /// The tenant's portal plane.
    pub fn tenant(&self) -> portal::PortalTenant {
        portal::PortalTenant::new(self.api(), self.user.clone())
    }
}

/// Graph's facts about the tenant and the signed-in user.
pub async fn facts(signed_in: &SignedIn) -> Result<graph::TenantFacts, TenantError> {
    graph::facts(&signed_in.api()).await
}

/// A URL as the log shows it: scheme, host and path, and the names of the
/// query's parameters without their values (which may hold a code or a
/// token). Unparsable text gives "(unparsable URL)".
pub fn url_for_log(url: &str) -> String {
    let Ok(parsed) = Url::parse(url) else {
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

    #[test]
    fn http_only_for_loopback() {
        assert!(checked_base("http://127.0.0.1:8080/").is_ok());
        assert!(checked_base("http://[::1]:8080").is_ok());
        assert!(checked_base("http://localhost:1").is_ok());
        assert!(checked_base("http://login.example.com").is_err());
        assert!(checked_base("ftp://127.0.0.1").is_err());
        assert_eq!(
            checked_base("https://graph.microsoft.com/").unwrap(),
            "https://graph.microsoft.com"
        );
        assert_eq!(
            checked_base("https://main.iam.ad.ext.azure.com/api").unwrap(),
            "https://main.iam.ad.ext.azure.com/api"
        );
    }

    #[test]
    fn redirect_uris() {
        let c = SignInConfig::new(None, None).unwrap();
        assert_eq!(c.redirect_for(53100), "http://localhost:53100");
        let own = c
            .clone()
            .with_redirect_uri(Some("http://127.0.0.1/callback"))
            .unwrap();
        assert_eq!(own.redirect_for(53100), "http://127.0.0.1:53100/callback");
        let plain = c
            .clone()
            .with_redirect_uri(Some("http://127.0.0.1"))
            .unwrap();
        assert_eq!(plain.redirect_for(8), "http://127.0.0.1:8");
        for bad in [
            "https://localhost",
            "http://example.com",
            "http://localhost:8080",
            "http://localhost/?x=1",
            "nonsense",
        ] {
            assert!(c.clone().with_redirect_uri(Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(
            c.clone().with_redirect_uri(Some(" ")).unwrap().redirect_uri,
            None
        );
    }

    #[test]
    fn tenant_names_are_checked() {
        assert!(SignInConfig::new(Some("contoso.onmicrosoft.com"), None).is_ok());
        assert!(SignInConfig::new(Some("a/b"), None).is_err());
        assert!(SignInConfig::new(Some("x"), Some("not a guid")).is_err());
        assert_eq!(
            SignInConfig::new(None, None).unwrap().tenant,
            "organizations"
        );
    }
}
