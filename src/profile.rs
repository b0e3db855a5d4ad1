//! One [`Settings`] for a run: deserialized straight from a profile file
//! (TOML, no secrets), then edited by the command line's options or the
//! Targets page. The command line and the window build their backends
//! from it, so a profile means the same thing in both. Blank text means
//! "the default" everywhere ([`given`]).

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize};

use crate::backend::Secret;
use crate::backend::ldap::ConnectOptions;
use crate::backend::powershell::PowerShellOptions;
use crate::fl;

/// A text setting: trimmed, and None when blank. The one rule for blank
/// text, whether it comes from a profile, an option or a page's field.
pub fn given(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// An optional text of a profile, blank as absent.
fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.as_deref().and_then(given))
}

/// A text of a profile, trimmed (blank: empty, the default).
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(given(&String::deserialize(d)?).unwrap_or_default())
}

/// A list of texts, blank entries dropped.
fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Vec::<String>::deserialize(d)?
        .iter()
        .filter_map(|t| given(t))
        .collect())
}

/// A path, blank as absent.
fn path<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
    Ok(optional(d)?.map(PathBuf::from))
}

/// What to grant, to whom, where (part of `[directory]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GrantOptions {
    /// The AD DS connector account: sAMAccountName, UPN, DN, DOMAIN\name
    /// or a display name.
    #[serde(deserialize_with = "text")]
    pub connector_account: String,
    /// Target DNs; empty means the domain root.
    #[serde(deserialize_with = "texts")]
    pub targets: Vec<String>,
    /// Every domain of the forest.
    pub forest: bool,
    /// Also each domain's AdminSDHolder (makes admins resettable).
    pub include_adminsdholder: bool,
    /// Also the inetOrgPerson variants.
    pub inetorgperson: bool,
    /// `[[directory.domain]]`: the DC to use for a domain of the forest
    /// (others: DNS, then the domain's name).
    #[serde(rename = "domain", skip_serializing_if = "Vec::is_empty")]
    pub domain_servers: Vec<crate::backend::DomainServer>,
}

/// `[directory]`, step 1: how to reach the domain controller and what to
/// grant (no password).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DirectorySettings {
    /// `ldaps://host[:port]` (or `ldap://` with StartTLS).
    #[serde(deserialize_with = "text")]
    pub server: String,
    /// Upgrade `ldap://` with StartTLS.
    pub starttls: bool,
    /// PEM file of the CA that signed the DC's certificate.
    #[serde(deserialize_with = "path")]
    pub ca_file: Option<PathBuf>,
    /// Allow `ldap://` without TLS.
    pub insecure_plaintext: bool,
    /// The account that signs in (a name, never its password).
    #[serde(deserialize_with = "text")]
    pub bind_user: String,
    /// Limit for connecting and for each operation.
    #[serde(skip)]
    pub timeout: Duration,
    /// The connector account, the targets and the grant's options.
    #[serde(flatten)]
    pub grant: GrantOptions,
}

impl Default for DirectorySettings {
    fn default() -> Self {
        DirectorySettings {
            server: String::new(),
            starttls: false,
            ca_file: None,
            insecure_plaintext: false,
            bind_user: String::new(),
            timeout: Duration::from_secs(30),
            grant: GrantOptions::default(),
        }
    }
}

impl DirectorySettings {
    /// The LDAP connection these settings describe, signing in with
    /// `password`.
    pub fn connect_options(&self, password: Secret) -> ConnectOptions {
        ConnectOptions {
            url: self.server.trim().to_string(),
            starttls: self.starttls,
            ca_file: self.ca_file.clone(),
            insecure_plaintext: self.insecure_plaintext,
            bind_user: self.bind_user.trim().to_string(),
            password,
            timeout: self.timeout,
        }
    }
}

/// `[connect]`, step 2: the Connect server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConnectSettings {
    /// The Connect server (PowerShell remoting); None: this machine.
    #[serde(deserialize_with = "optional")]
    pub remote: Option<String>,
    /// Cloud Sync's provisioning agent instead of Entra Connect.
    pub cloud_sync: bool,
    /// Cloud Sync's tenant administrator (UPN; a name, never its
    /// password).
    #[serde(deserialize_with = "optional")]
    pub tenant_admin: Option<String>,
    /// Limit per PowerShell call.
    #[serde(skip)]
    pub timeout: Duration,
}

impl Default for ConnectSettings {
    fn default() -> Self {
        ConnectSettings {
            remote: None,
            cloud_sync: false,
            tenant_admin: None,
            timeout: Duration::from_secs(120),
        }
    }
}

impl ConnectSettings {
    /// The PowerShell runner's options.
    pub fn powershell(&self) -> PowerShellOptions {
        PowerShellOptions {
            remote: self.remote.clone(),
            timeout: self.timeout,
        }
    }
}

/// `[tenant]`, step 3: the tenant.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TenantSettings {
    /// Tenant domain or id (None: any work account).
    #[serde(deserialize_with = "optional")]
    pub id: Option<String>,
    /// Public client id to sign in to the portal with (None: the
    /// default).
    #[serde(deserialize_with = "optional")]
    pub client_id: Option<String>,
    /// Graph's public client id for the pilot test (None: Microsoft Graph
    /// Command Line Tools).
    #[serde(deserialize_with = "optional")]
    pub graph_client_id: Option<String>,
    /// The browser sign-in's redirect URI without port, for a tenant's
    /// own app (None: `http://localhost:PORT`).
    #[serde(deserialize_with = "optional")]
    pub redirect_uri: Option<String>,
}

/// Everything a run needs to know, except secrets: a profile file is this
/// struct in TOML.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// `[directory]`.
    pub directory: DirectorySettings,
    /// `[connect]`.
    pub connect: ConnectSettings,
    /// `[tenant]`.
    pub tenant: TenantSettings,
}

impl Settings {
    /// Reads a profile file; the error is translated and names the file.
    pub fn load(path: &Path) -> Result<Settings, String> {
        let error = |reason: String| {
            fl!(
                "cli-error-profile",
                path = path.display().to_string(),
                reason = reason.trim().replace('\n', " ")
            )
        };
        let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
        Settings::parse(&text).map_err(error)
    }

    /// Parses a profile's text (the error untranslated, as TOML gives it).
    pub fn parse(text: &str) -> Result<Settings, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The built-in demo organization's settings.
    pub fn demo() -> Settings {
        Settings {
            directory: DirectorySettings {
                server: "demo://dc01.contoso.com".into(),
                bind_user: crate::backend::demo::DEMO_OPERATOR.into(),
                grant: GrantOptions {
                    connector_account: crate::backend::demo::DEMO_CONNECTOR.into(),
                    ..GrantOptions::default()
                },
                ..DirectorySettings::default()
            },
            connect: ConnectSettings {
                remote: Some("aadc01.contoso.com".into()),
                ..ConnectSettings::default()
            },
            tenant: TenantSettings {
                id: Some("contoso.onmicrosoft.com".into()),
                ..TenantSettings::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_of_a_profile_reaches_the_settings() {
        let s = Settings::parse(
            r#"
            [directory]
            server = "ldap://dc1.corp.example"
            starttls = true
            ca_file = "/etc/ca.pem"
            bind_user = "CORP\\admin"
            connector_account = "MSOL_1"
            targets = ["OU=Sync,DC=corp,DC=example"]
            forest = true
            include_adminsdholder = true
            inetorgperson = true
            [[directory.domain]]
            dns = "east.corp.example"
            server = "ldaps://dc.east"
            [connect]
            remote = "aadc01"
            cloud_sync = true
            tenant_admin = "admin@corp.example"
            [tenant]
            id = "corp.example"
            client_id = "11111111-2222-3333-4444-555555555555"
            graph_client_id = "66666666-2222-3333-4444-555555555555"
            redirect_uri = "https://login.corp.example/cb"
            "#,
        )
        .unwrap();
        let d = &s.directory;
        assert!(d.starttls);
        assert_eq!(d.ca_file.as_deref(), Some(Path::new("/etc/ca.pem")));
        assert_eq!(d.bind_user, "CORP\\admin");
        assert_eq!(d.grant.targets, vec!["OU=Sync,DC=corp,DC=example"]);
        assert!(d.grant.forest && d.grant.include_adminsdholder && d.grant.inetorgperson);
        assert_eq!(d.grant.connector_account, "MSOL_1");
        assert_eq!(d.grant.domain_servers[0].dns, "east.corp.example");
        assert_eq!(d.timeout, Duration::from_secs(30), "not in a profile");
        assert_eq!(s.connect.remote.as_deref(), Some("aadc01"));
        assert!(s.connect.cloud_sync);
        assert_eq!(
            s.connect.tenant_admin.as_deref(),
            Some("admin@corp.example")
        );
        assert_eq!(s.connect.timeout, Duration::from_secs(120));
        assert_eq!(s.tenant.id.as_deref(), Some("corp.example"));
        assert!(s.tenant.client_id.as_deref().unwrap().starts_with("1111"));
        assert!(
            s.tenant
                .graph_client_id
                .as_deref()
                .unwrap()
                .starts_with("6666")
        );
        assert!(s.tenant.redirect_uri.is_some());
        let o = d.connect_options(Secret::new("pw"));
        assert!(o.starttls);
        assert_eq!(o.url, "ldap://dc1.corp.example");
    }

    #[test]
    fn blank_text_is_the_default_everywhere() {
        let s = Settings::parse(
            r#"
            [directory]
            server = " "
            ca_file = "  "
            bind_user = ""
            connector_account = " "
            targets = [" ", "OU=Sync,DC=corp,DC=example "]
            [connect]
            remote = " "
            tenant_admin = "  "
            [tenant]
            id = " "
            client_id = " "
            graph_client_id = "	"
            redirect_uri = " "
            "#,
        )
        .unwrap();
        let mut want = Settings::default();
        want.directory.grant.targets = vec!["OU=Sync,DC=corp,DC=example".into()];
        assert_eq!(s, want, "blank text is the default");
        assert_eq!(Settings::parse("").unwrap(), Settings::default());
        // The same rule for the command line's and the window's text.
        assert_eq!(given("  "), None);
        assert_eq!(given(" aadc01 ").as_deref(), Some("aadc01"));
    }

    #[test]
    fn an_unknown_key_is_refused_with_a_clear_error() {
        for (profile, key) in [
            ("[directory]\nservr = \"x\"", "servr"),
            ("[direcory]\nserver = \"x\"", "direcory"),
            ("[connect]\nremot = \"x\"", "remot"),
            ("[tenant]\nclient = \"x\"", "client"),
            ("[[directory.domain]]\ndns = \"x\"\nhost = \"y\"", "host"),
        ] {
            let e = Settings::parse(profile).expect_err(profile);
            assert!(e.contains("unknown field") && e.contains(key), "{e}");
        }
        let file = std::env::temp_dir().join(format!("wbw-profile-{}.toml", std::process::id()));
        std::fs::write(&file, "[directory]\nservr = \"x\"\n").unwrap();
        crate::localize::init(Some("en"));
        let e = Settings::load(&file).expect_err("refused");
        let _ = std::fs::remove_file(&file);
        assert!(e.contains(&file.display().to_string()), "{e}");
        assert!(e.contains("servr"), "{e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }

    #[test]
    fn settings_written_read_back_the_same() {
        let mut s = Settings::demo();
        s.directory.grant.targets = vec!["OU=Sync,DC=contoso,DC=com".into()];
        s.directory.grant.domain_servers = vec![crate::backend::DomainServer {
            dns: "emea.contoso.com".into(),
            server: "ldaps://dc.emea".into(),
        }];
        let text = serde_json::to_string(&s).unwrap();
        let back: Settings = serde_json::from_str(&text).unwrap();
        assert_eq!(back, s, "{text}");
    }

    #[test]
    fn settings_serialize_without_secrets() {
        let json = serde_json::to_string(&Settings::demo()).unwrap();
        assert!(json.contains("connector_account"), "{json}");
        assert!(!json.to_lowercase().contains("password"), "{json}");
    }
}
