//! The run's settings on the command line: where they start (the global
//! `--profile`, read once, or `--demo`) and the one group of options that
//! every command takes over them ([`SettingsArgs`]), as the Targets page
//! edits them in the window. Every command then asks an [`Env`] for its
//! backends, so each also runs on the demo organization.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;

use crate::backend::DomainServer;
use crate::fl;
use crate::profile::{Settings, given};
use crate::session::{Backups, Credentials, Env};

/// Directory options (step 1).
#[derive(Debug, Clone, Default, Args)]
pub struct DirectoryArgs {
    /// Domain controller: ldaps://HOST[:PORT] (or ldap:// with --starttls).
    #[arg(long)]
    pub server: Option<String>,
    /// Upgrade ldap:// with StartTLS.
    #[arg(long)]
    pub starttls: bool,
    /// PEM file of the CA that signed the DC's certificate.
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    /// Allow ldap:// without TLS (the password crosses the network in clear).
    #[arg(long)]
    pub insecure_plaintext: bool,
    /// Account to sign in with: UPN, DN or DOMAIN\user. The password comes
    /// from WRITEBACK_WIZARD_BIND_PASSWORD or a prompt.
    #[arg(long)]
    pub bind_user: Option<String>,
    /// The AD DS connector account (the account Entra Connect uses).
    #[arg(long)]
    pub connector_account: Option<String>,
    /// Object to grant on (repeatable); default: the domain root.
    #[arg(long = "target", value_name = "DN")]
    pub targets: Vec<String>,
    /// Every domain of the forest.
    #[arg(long)]
    pub forest: bool,
    /// The DC of one domain of the forest, `DNS=ldaps://HOST[:PORT]`
    /// (repeatable); other domains: the DC DNS names, else the domain name.
    #[arg(long = "domain-server", value_name = "DNS=URL")]
    pub domain_servers: Vec<String>,
    /// Also AdminSDHolder (makes admin accounts resettable from the cloud).
    #[arg(long)]
    pub include_adminsdholder: bool,
    /// Also grant for inetOrgPerson objects.
    #[arg(long)]
    pub inetorgperson: bool,
}

/// Connect server options (step 2).
#[derive(Debug, Clone, Default, Args)]
pub struct ConnectArgs {
    /// The Connect server, through PowerShell remoting (default: this machine).
    #[arg(long, value_name = "HOST")]
    pub remote: Option<String>,
    /// Cloud Sync instead of Entra Connect.
    #[arg(long)]
    pub cloud_sync: bool,
    /// With --cloud-sync: the tenant administrator (UPN) to sign in as.
    #[arg(long, value_name = "UPN")]
    pub tenant_admin: Option<String>,
}

/// Tenant options (step 3).
#[derive(Debug, Clone, Default, Args)]
pub struct TenantArgs {
    /// Tenant: its domain or id.
    #[arg(long)]
    pub tenant: Option<String>,
    /// Public client (application) id to sign in with.
    #[arg(long)]
    pub client_id: Option<String>,
    /// Public client id for Microsoft Graph (the pilot test).
    #[arg(long, value_name = "ID")]
    pub graph_client_id: Option<String>,
    /// The browser sign-in's redirect URI without port.
    #[arg(long, value_name = "URI")]
    pub redirect_uri: Option<String>,
}

/// Every setting as an option: given ones win over the profile's.
#[derive(Debug, Clone, Default, Args)]
pub struct SettingsArgs {
    /// Step 1.
    #[command(flatten)]
    pub directory: DirectoryArgs,
    /// Step 2.
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// Step 3.
    #[command(flatten)]
    pub tenant: TenantArgs,
    /// Seconds allowed for each operation (directory default 30,
    /// PowerShell default 120).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
}

impl SettingsArgs {
    /// Puts the options given over `s`. Blank text is the default, as in a
    /// profile. The error (translated) names a malformed option.
    pub fn apply(&self, s: &mut Settings) -> Result<(), String> {
        let (d, c, t) = (&self.directory, &self.connect, &self.tenant);
        let text = |value: &Option<String>, into: &mut String| {
            if let Some(v) = value {
                *into = given(v).unwrap_or_default();
            }
        };
        let optional = |value: &Option<String>, into: &mut Option<String>| {
            if let Some(v) = value {
                *into = given(v);
            }
        };
        let dir = &mut s.directory;
        text(&d.server, &mut dir.server);
        text(&d.bind_user, &mut dir.bind_user);
        text(&d.connector_account, &mut dir.grant.connector_account);
        if let Some(v) = &d.ca_file {
            dir.ca_file = given(&v.to_string_lossy()).map(|_| v.clone());
        }
        if !d.targets.is_empty() {
            dir.grant.targets = d.targets.iter().filter_map(|t| given(t)).collect();
        }
        dir.starttls |= d.starttls;
        dir.insecure_plaintext |= d.insecure_plaintext;
        dir.grant.forest |= d.forest;
        dir.grant.include_adminsdholder |= d.include_adminsdholder;
        dir.grant.inetorgperson |= d.inetorgperson;
        let profile = std::mem::take(&mut dir.grant.domain_servers);
        dir.grant.domain_servers = domain_servers(&d.domain_servers, profile)?;
        optional(&c.remote, &mut s.connect.remote);
        s.connect.cloud_sync |= c.cloud_sync;
        optional(&c.tenant_admin, &mut s.connect.tenant_admin);
        optional(&t.tenant, &mut s.tenant.id);
        optional(&t.client_id, &mut s.tenant.client_id);
        optional(&t.graph_client_id, &mut s.tenant.graph_client_id);
        optional(&t.redirect_uri, &mut s.tenant.redirect_uri);
        if let Some(seconds) = self.timeout {
            let limit = Duration::from_secs(seconds.max(1));
            s.directory.timeout = limit;
            s.connect.timeout = limit;
        }
        Ok(())
    }
}

/// The DCs given per domain: `--domain-server DNS=URL` (each wins over
/// the profile's `[[directory.domain]]` for the same domain).
pub(super) fn domain_servers(
    args: &[String],
    profile: Vec<DomainServer>,
) -> Result<Vec<DomainServer>, String> {
    let mut out: Vec<DomainServer> = Vec::new();
    let given = args.iter().map(|a| {
        a.split_once('=')
            .map(|(dns, server)| DomainServer {
                dns: dns.trim().to_string(),
                server: server.trim().to_string(),
            })
            .ok_or_else(|| a.clone())
    });
    let refused = |value: &str| fl!("cli-forest-error-domain-server", value = value);
    for entry in given.chain(profile.into_iter().map(Ok)) {
        let entry = entry.map_err(|value| refused(&value))?;
        let lower = entry.server.to_ascii_lowercase();
        if entry.dns.is_empty() || !(lower.starts_with("ldaps://") || lower.starts_with("ldap://"))
        {
            return Err(refused(&format!("{}={}", entry.dns, entry.server)));
        }
        if !out.iter().any(|d| d.dns.eq_ignore_ascii_case(&entry.dns)) {
            out.push(entry);
        }
    }
    Ok(out)
}

/// Where a command's settings start: the built-in demo organization, a
/// profile (read once, before the command runs), or nothing but options.
#[derive(Clone, Debug)]
pub struct Start {
    /// The profile's settings, the demo's, or the defaults.
    pub settings: Settings,
    /// The demo organization.
    pub demo: bool,
    /// The profile's path, "demo" or "command line" (the Welcome page,
    /// the diagnostics zip).
    pub source: String,
}

impl Start {
    /// Reads the profile, if any (the error is translated and names it).
    pub fn load(profile: Option<&Path>, demo: bool) -> Result<Start, String> {
        Ok(match profile {
            Some(path) => Start {
                settings: Settings::load(path)?,
                demo: false,
                source: path.display().to_string(),
            },
            None if demo => Start {
                settings: Settings::demo(),
                demo: true,
                source: "demo".into(),
            },
            None => Start {
                settings: Settings::default(),
                demo: false,
                source: "command line".into(),
            },
        })
    }

    /// The run's settings: the options given over the start's.
    pub fn settings(&self, args: &SettingsArgs) -> Result<Settings, String> {
        let mut settings = self.settings.clone();
        args.apply(&mut settings)?;
        Ok(settings)
    }

    /// The backends `settings` describe: the demo organization (which
    /// takes only what to grant; unpaced), or the real planes.
    pub fn env(&self, settings: Settings, credentials: Credentials) -> Env {
        if self.demo {
            Env::demo(true).with_grant(settings.directory.grant)
        } else {
            Env::real(settings, credentials)
        }
    }

    /// Where the run's backups and audit records go (the demo's apart).
    pub fn backups(&self) -> Backups {
        Backups {
            dir: if self.demo {
                crate::task::permissions::demo_backup_dir()
            } else {
                crate::task::permissions::backup_dir()
            },
            trail: crate::audit::Trail::standard().demo(self.demo),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        settings: SettingsArgs,
    }

    fn apply(args: &[&str], base: &Settings) -> Result<Settings, String> {
        let cli = Cli::try_parse_from(std::iter::once("x").chain(args.iter().copied()))
            .map_err(|e| e.to_string())?;
        let mut s = base.clone();
        cli.settings.apply(&mut s)?;
        Ok(s)
    }

    #[test]
    fn options_win_over_the_profile_and_blank_is_the_default() {
        let base = Settings::parse(
            "[directory]\nserver = \"ldaps://dc1\"\nconnector_account = \"MSOL_1\"\n\
             [connect]\nremote = \"aadc01\"\n[tenant]\nid = \"corp.example\"\n\
             client_id = \"11111111-0000-0000-0000-000000000000\"\n",
        )
        .unwrap();
        let s = apply(
            &[
                "--server",
                "ldaps://dc2",
                "--remote",
                " ",
                "--client-id",
                "",
                "--tenant",
                " other.example ",
                "--timeout",
                "5",
            ],
            &base,
        )
        .unwrap();
        assert_eq!(s.directory.server, "ldaps://dc2");
        assert_eq!(s.directory.grant.connector_account, "MSOL_1", "kept");
        assert_eq!(s.connect.remote, None, "blank: this machine");
        assert_eq!(s.tenant.client_id, None, "blank: the default client");
        assert_eq!(s.tenant.id.as_deref(), Some("other.example"));
        assert_eq!(s.directory.timeout, Duration::from_secs(5));
        assert_eq!(s.connect.timeout, Duration::from_secs(5));
        let untouched = apply(&[], &base).unwrap();
        assert_eq!(untouched, base, "no option, no change");
    }

    #[test]
    fn domain_servers_from_flags_and_profile() {
        let base = Settings::parse(
            "[directory]\nserver = \"ldaps://dc1.corp.example\"\n\
             [[directory.domain]]\ndns = \"east.corp.example\"\nserver = \"ldaps://p.east\"\n\
             [[directory.domain]]\ndns = \"west.corp.example\"\nserver = \"ldaps://dc.west\"\n",
        )
        .unwrap();
        let s = apply(
            &["--domain-server", "EAST.corp.example=ldaps://dc2.east:1636"],
            &base,
        )
        .unwrap();
        assert_eq!(
            s.directory.grant.domain_servers,
            vec![
                DomainServer {
                    dns: "EAST.corp.example".into(),
                    server: "ldaps://dc2.east:1636".into()
                },
                DomainServer {
                    dns: "west.corp.example".into(),
                    server: "ldaps://dc.west".into()
                },
            ],
            "the flag wins over the profile for the same domain"
        );
        crate::localize::init(Some("en"));
        for bad in ["east.corp.example", "=ldaps://x", "east=https://x"] {
            let e = apply(&["--domain-server", bad], &Settings::default()).unwrap_err();
            assert!(e.contains("--domain-server"), "{bad}: {e}");
        }
    }

    #[test]
    fn every_command_takes_the_profile_the_demo_and_the_settings() {
        let commands: [&[&str]; 12] = [
            &["check"],
            &["grant"],
            &["rollback"],
            &["verify"],
            &["test-writeback", "--user", "u@corp.example"],
            &["portal", "status"],
            &["portal", "enable"],
            &["sync", "status"],
            &["sync", "disable"],
            &["diagnose"],
            &["diagnostics", "--out", "z.zip"],
            &["runbook", "--out", "dir"],
        ];
        let options = [
            "--server",
            "ldaps://dc1",
            "--remote",
            "aadc01",
            "--tenant",
            "corp.example",
            "--timeout",
            "5",
        ];
        for command in commands {
            let parse = |args: Vec<&str>| {
                crate::cli::Cli::try_parse_from(args.clone())
                    .unwrap_or_else(|e| panic!("{args:?}: {e}"))
            };
            let mut after = vec!["x"];
            after.extend(command);
            after.extend(["--profile", "p.toml"]);
            let mut before = vec!["x", "--profile", "p.toml"];
            before.extend(command);
            for args in [after, before] {
                assert_eq!(parse(args).profile, Some(PathBuf::from("p.toml")));
            }
            let mut demo = vec!["x"];
            demo.extend(command);
            demo.push("--demo");
            assert!(parse(demo).demo, "{command:?}");
            if command[0] != "runbook" {
                let mut all = vec!["x"];
                all.extend(command);
                all.extend(options);
                parse(all);
            }
        }
    }
}
