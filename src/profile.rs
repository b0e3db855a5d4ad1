//! One [`Settings`] for a run: a profile file (TOML, no secrets), the
//! command line's options over it, or the Targets page's fields. The
//! command line and the window build their backends from it, so a profile
//! means the same thing in both.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::backend::Secret;
use crate::backend::ldap::ConnectOptions;
use crate::backend::powershell::PowerShellOptions;
use crate::fl;
use crate::task::permissions::GrantOptions;

/// The `[directory]` table of a profile (no secrets).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectoryProfile {
    /// DC URL.
    pub server: Option<String>,
    /// Upgrade `ldap://` with StartTLS.
    #[serde(default)]
    pub starttls: bool,
    /// CA file.
    pub ca_file: Option<PathBuf>,
    /// Allow `ldap://` without TLS.
    #[serde(default)]
    pub insecure_plaintext: bool,
    /// Bind account.
    pub bind_user: Option<String>,
    /// Connector account.
    pub connector_account: Option<String>,
    /// Objects to grant on (empty: the domain root).
    #[serde(default)]
    pub targets: Vec<String>,
    /// Every domain of the forest.
    #[serde(default)]
    pub forest: bool,
    /// Also AdminSDHolder.
    #[serde(default)]
    pub include_adminsdholder: bool,
    /// Also inetOrgPerson objects.
    #[serde(default)]
    pub inetorgperson: bool,
    /// `[[directory.domain]]`: the DC of one domain of the forest (`dns`,
    /// `server`).
    #[serde(default, rename = "domain")]
    pub domains: Vec<crate::backend::DomainServer>,
}

/// The `[connect]` table of a profile.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectProfile {
    /// The Entra Connect server (PowerShell remoting); absent: this machine.
    pub remote: Option<String>,
    /// Use Cloud Sync (the provisioning agent) instead of Entra Connect.
    #[serde(default)]
    pub cloud_sync: bool,
    /// The tenant administrator (UPN) Cloud Sync signs in as; the password
    /// is never stored in a profile.
    pub tenant_admin: Option<String>,
}

/// The `[tenant]` table of a profile.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantProfile {
    /// Tenant domain or id.
    pub id: Option<String>,
    /// Public client id to sign in with (the portal's audience).
    pub client_id: Option<String>,
    /// Public client id for Microsoft Graph (the pilot test); default:
    /// Microsoft Graph Command Line Tools.
    pub graph_client_id: Option<String>,
    /// The browser sign-in's redirect URI without port, for a tenant's
    /// own app (default: `http://localhost:PORT`).
    pub redirect_uri: Option<String>,
}

/// A profile file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Step 1 settings.
    #[serde(default)]
    pub directory: DirectoryProfile,
    /// Step 2 settings.
    #[serde(default)]
    pub connect: ConnectProfile,
    /// Step 3 settings.
    #[serde(default)]
    pub tenant: TenantProfile,
}

/// Reads a profile; the error is translated and names the file.
pub fn load(path: &Path) -> Result<Profile, String> {
    let error = |reason: String| {
        fl!(
            "cli-error-profile",
            path = path.display().to_string(),
            reason = reason.replace('\n', " ")
        )
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
    toml::from_str::<Profile>(&text).map_err(|e| error(e.to_string()))
}

/// Step 1: how to reach the domain controller and what to grant (no
/// password).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DirectorySettings {
    /// `ldaps://host[:port]` (or `ldap://` with StartTLS).
    pub server: String,
    /// Upgrade `ldap://` with StartTLS.
    pub starttls: bool,
    /// PEM file of the CA that signed the DC's certificate.
    pub ca_file: Option<PathBuf>,
    /// Allow `ldap://` without TLS.
    pub insecure_plaintext: bool,
    /// The account that signs in (a name, never its password).
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

/// Step 2: the Connect server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectSettings {
    /// The Connect server (PowerShell remoting); None: this machine.
    pub remote: Option<String>,
    /// Cloud Sync's provisioning agent instead of Entra Connect.
    pub cloud_sync: bool,
    /// Cloud Sync's tenant administrator (a name, never its password).
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

/// Step 3: the tenant.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TenantSettings {
    /// Tenant domain or id.
    pub id: Option<String>,
    /// Public client id ("" or None: the default).
    pub client_id: Option<String>,
    /// Graph's public client id for the pilot test (None: Microsoft Graph
    /// Command Line Tools).
    pub graph_client_id: Option<String>,
    /// The browser sign-in's redirect URI without port (None:
    /// `http://localhost:PORT`).
    pub redirect_uri: Option<String>,
}

/// Everything a run needs to know, except secrets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// `[directory]`.
    pub directory: DirectorySettings,
    /// `[connect]`.
    pub connect: ConnectSettings,
    /// `[tenant]`.
    pub tenant: TenantSettings,
}

/// A text setting: trimmed, and None when blank.
pub fn given(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_string())
}

impl Settings {
    /// The settings a profile describes.
    pub fn from_profile(p: Profile) -> Settings {
        let d = p.directory;
        Settings {
            directory: DirectorySettings {
                server: d.server.unwrap_or_default(),
                starttls: d.starttls,
                ca_file: d.ca_file,
                insecure_plaintext: d.insecure_plaintext,
                bind_user: d.bind_user.unwrap_or_default(),
                timeout: DirectorySettings::default().timeout,
                grant: GrantOptions {
                    connector_account: d.connector_account.unwrap_or_default(),
                    targets: d.targets,
                    forest: d.forest,
                    include_adminsdholder: d.include_adminsdholder,
                    inetorgperson: d.inetorgperson,
                    domain_servers: d.domains,
                },
            },
            connect: ConnectSettings {
                remote: p.connect.remote.as_deref().and_then(given),
                cloud_sync: p.connect.cloud_sync,
                tenant_admin: p.connect.tenant_admin.as_deref().and_then(given),
                ..ConnectSettings::default()
            },
            tenant: TenantSettings {
                id: p.tenant.id.as_deref().and_then(given),
                client_id: p.tenant.client_id.as_deref().and_then(given),
                graph_client_id: p.tenant.graph_client_id.as_deref().and_then(given),
                redirect_uri: p.tenant.redirect_uri.as_deref().and_then(given),
            },
        }
    }

    /// Reads a profile file into settings (the error is translated).
    pub fn load(path: &Path) -> Result<Settings, String> {
        load(path).map(Settings::from_profile)
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
        let p: Profile = toml::from_str(
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
            [connect]
            remote = "aadc01"
            cloud_sync = true
            tenant_admin = "admin@corp.example"
            [tenant]
            id = "corp.example"
            client_id = " "
            "#,
        )
        .unwrap();
        let s = Settings::from_profile(p);
        let d = &s.directory;
        assert!(d.starttls);
        assert_eq!(d.ca_file.as_deref(), Some(Path::new("/etc/ca.pem")));
        assert_eq!(d.grant.targets, vec!["OU=Sync,DC=corp,DC=example"]);
        assert!(d.grant.forest && d.grant.include_adminsdholder && d.grant.inetorgperson);
        assert_eq!(d.grant.connector_account, "MSOL_1");
        assert_eq!(s.connect.remote.as_deref(), Some("aadc01"));
        assert!(s.connect.cloud_sync);
        assert_eq!(s.tenant.client_id, None, "a blank client id is the default");
        let o = d.connect_options(Secret::new("pw"));
        assert!(o.starttls);
        assert_eq!(o.url, "ldap://dc1.corp.example");
    }

    #[test]
    fn an_unknown_key_is_refused() {
        assert!(toml::from_str::<Profile>("[directory]\nservr = \"x\"").is_err());
        assert!(toml::from_str::<Profile>("[direcory]\nserver = \"x\"").is_err());
    }

    #[test]
    fn settings_serialize_without_secrets() {
        let json = serde_json::to_string(&Settings::demo()).unwrap();
        assert!(json.contains("connector_account"), "{json}");
        assert!(!json.to_lowercase().contains("password"), "{json}");
    }
}
