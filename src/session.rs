//! Which backends a wizard run talks to: the built-in demo organization, or
//! the real planes that a run's [`Settings`] and [`Credentials`] describe.
//! Pages and the command line ask an [`Env`] for a plane; none of them
//! matches on demo versus real.

use std::path::PathBuf;
use std::time::Duration;

use crate::audit::Trail;
use crate::backend::any::{AnyDirectory, AnySync, AnyTenant};
use crate::backend::cloudsync::TenantAdmin;
use crate::backend::demo::DemoOrg;
use crate::backend::entra::SignedIn;
use crate::backend::entra::graph::TenantFacts;
use crate::backend::ldap::LdapDirectory;
use crate::backend::powershell::PowerShell;
use crate::backend::tenant::TenantError;
use crate::backend::{Directory, DirectoryError, Secret};
use crate::profile::Settings;
use crate::task::permissions::GrantOptions;

/// What the settings never hold: passwords and the tenant session, kept
/// in memory only.
#[derive(Clone, Debug, Default)]
pub struct Credentials {
    /// The directory bind password.
    pub password: Secret,
    /// Cloud Sync's tenant administrator's password.
    pub tenant_admin_password: Secret,
    /// The tenant sign-in (None before it).
    pub tenant: Option<SignedIn>,
}

#[derive(Clone, Debug)]
enum Planes {
    Demo(DemoOrg),
    Real(Box<Credentials>),
}

/// The backends of one run: its settings and the planes they open.
#[derive(Clone, Debug)]
pub struct Env {
    settings: Settings,
    planes: Planes,
}

/// Where a run's backups go, and the audit trail that records its changes
/// (and whose clock stamps backups and records).
#[derive(Debug, Clone)]
pub struct Backups {
    /// Directory.
    pub dir: PathBuf,
    /// The audit trail.
    pub trail: Trail,
}

impl Env {
    /// The demo organization, paced for people (`fast` for tests and
    /// screenshots).
    pub fn demo(fast: bool) -> Env {
        let delay = if fast {
            Duration::ZERO
        } else {
            Duration::from_millis(120)
        };
        Env {
            settings: Settings::demo(),
            planes: Planes::Demo(DemoOrg::new(delay)),
        }
    }

    /// The real planes `settings` describe.
    pub fn real(settings: Settings, credentials: Credentials) -> Env {
        Env {
            settings,
            planes: Planes::Real(Box::new(credentials)),
        }
    }

    /// Fixes the demo organization's clock (its resets and events), for
    /// reproducible headless runs; nothing for real planes.
    pub fn fix_demo_clock(&self, time: std::time::SystemTime) {
        if let Planes::Demo(org) = &self.planes {
            org.fix_clock(time);
        }
    }

    /// True for the demo organization when unpaced (tests and
    /// screenshots): its operations advance per poll rather than with
    /// time, so waits between polls may be left out.
    pub fn unpaced(&self) -> bool {
        matches!(&self.planes, Planes::Demo(org) if org.unpaced())
    }

    /// True for the demo organization.
    pub fn is_demo(&self) -> bool {
        matches!(self.planes, Planes::Demo(_))
    }

    /// The run's settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Takes new settings and credentials (the Targets page). The demo
    /// keeps its fixed connection and takes only what to grant.
    pub fn configure(&mut self, settings: Settings, credentials: Credentials) {
        match &mut self.planes {
            Planes::Demo(_) => self.settings.directory.grant = settings.directory.grant,
            Planes::Real(c) => {
                self.settings = settings;
                **c = credentials;
            }
        }
    }

    /// The grant settings.
    pub fn grant_options(&self) -> GrantOptions {
        self.settings.directory.grant.clone()
    }

    /// Replaces the grant's targets (pre-flight's "add as a target").
    pub fn set_targets(&mut self, targets: Vec<String>) {
        self.settings.directory.grant.targets = targets;
    }

    /// The account the directory is changed as (audit records).
    pub fn operator(&self) -> String {
        self.settings.directory.bind_user.trim().to_string()
    }

    /// The domain controller, as the user named it.
    pub fn server_label(&self) -> String {
        self.settings.directory.server.trim().to_string()
    }

    /// The Connect server's name ("localhost" for this machine).
    pub fn sync_label(&self) -> String {
        self.settings
            .connect
            .remote
            .clone()
            .unwrap_or_else(|| "localhost".into())
    }

    /// The tenant's name, when one is at hand.
    pub fn tenant_label(&self) -> Option<String> {
        match &self.planes {
            Planes::Demo(org) => {
                use crate::backend::tenant::Tenant;
                Some(org.tenant().name())
            }
            Planes::Real(c) => c.tenant.as_ref().map(|s| s.session.config().tenant.clone()),
        }
    }

    /// Opens the directory (connects and binds for the real one).
    pub async fn directory(&self) -> Result<AnyDirectory, DirectoryError> {
        let mut dir = match &self.planes {
            Planes::Demo(org) => AnyDirectory::Demo(org.directory()),
            Planes::Real(c) => AnyDirectory::Ldap(Box::new(
                LdapDirectory::connect(
                    &self.settings.directory.connect_options(c.password.clone()),
                )
                .await?,
            )),
        };
        // The DCs given per domain (`--domain-server`, the profile).
        dir.set_domain_servers(&self.settings.directory.grant.domain_servers);
        Ok(dir)
    }

    /// Opens a connection to one particular DC (`host`, its dNSHostName),
    /// the same way and as the same account as [`Env::directory`]: the
    /// scheme and port of the configured server are kept (issue 25).
    pub async fn directory_at(&self, host: &str) -> Result<AnyDirectory, DirectoryError> {
        match &self.planes {
            Planes::Demo(org) => Ok(AnyDirectory::Demo(org.directory_at(host)?)),
            Planes::Real(c) => {
                let mut options = self.settings.directory.connect_options(c.password.clone());
                options.url = crate::backend::dns::url_with_host(&options.url, host);
                Ok(AnyDirectory::Ldap(Box::new(
                    LdapDirectory::connect(&options).await?,
                )))
            }
        }
    }

    /// The Entra Connect server.
    pub fn sync_server(&self) -> AnySync {
        match &self.planes {
            Planes::Demo(org) => AnySync::Demo(org.sync_server()),
            Planes::Real(_) => {
                AnySync::PowerShell(PowerShell::new(self.settings.connect.powershell()))
            }
        }
    }

    /// The tenant administrator when step 2 is Cloud Sync's (None: Entra
    /// Connect, as in the demo).
    pub fn cloud_sync_admin(&self) -> Option<TenantAdmin> {
        match &self.planes {
            Planes::Demo(_) => None,
            Planes::Real(c) => self.settings.connect.cloud_sync.then(|| TenantAdmin {
                user: self
                    .settings
                    .connect
                    .tenant_admin
                    .clone()
                    .unwrap_or_default(),
                password: c.tenant_admin_password.clone(),
            }),
        }
    }

    /// Whether a tenant is at hand: the demo's, or one signed in to.
    pub fn has_tenant(&self) -> bool {
        match &self.planes {
            Planes::Demo(_) => true,
            Planes::Real(c) => c.tenant.is_some(),
        }
    }

    /// The tenant: the demo's, or the signed-in one (None before sign-in).
    pub fn tenant(&self) -> Option<AnyTenant> {
        match &self.planes {
            Planes::Demo(org) => Some(AnyTenant::Demo(org.tenant())),
            Planes::Real(c) => c
                .tenant
                .as_ref()
                .map(|signed| AnyTenant::Portal(Box::new(signed.tenant()))),
        }
    }

    /// Graph's facts for the tenant's pre-flight (None before sign-in).
    pub async fn tenant_facts(&self) -> Option<Result<TenantFacts, TenantError>> {
        match &self.planes {
            Planes::Demo(org) => Some(Ok(org.tenant().facts().await)),
            Planes::Real(c) => match &c.tenant {
                Some(signed) => Some(crate::backend::entra::facts(signed).await),
                None => None,
            },
        }
    }

    /// Whether TLS protects the directory connection.
    pub fn tls(&self) -> bool {
        match &self.planes {
            Planes::Demo(_) => true,
            Planes::Real(_) => !crate::backend::ldap::is_plaintext(
                &self.settings.directory.connect_options(Secret::default()),
            ),
        }
    }
}
