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
use crate::profile::GrantOptions;
use crate::profile::Settings;

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
    Real,
}

/// The backends of one run: its settings, its credentials and the planes
/// they open. The run's one copy of its settings: pages read them here and
/// change them through [`Env::edit`].
#[derive(Clone, Debug)]
pub struct Env {
    settings: Settings,
    credentials: Credentials,
    planes: Planes,
    /// Counts the edits, so that a page can tell whether its result was
    /// made with the settings of now without keeping a copy of them.
    revision: u64,
}

/// One change to a run's settings or credentials: what the Targets page
/// emits for each field, and pre-flight's "add as a target".
#[derive(Clone, Debug)]
pub enum Edit {
    /// The DC's URL.
    Server(String),
    /// StartTLS on or off.
    StartTls(bool),
    /// The consent to a plaintext bind.
    Plaintext(bool),
    /// The CA file (None: the system's roots).
    CaFile(Option<PathBuf>),
    /// The account that signs in.
    BindUser(String),
    /// Its password (kept in memory only).
    Password(Secret),
    /// The connector account.
    Connector(String),
    /// Grant on exactly these objects (empty: the domain root).
    Targets(Vec<String>),
    /// Domain roots ticked: grant on exactly these objects, not on the
    /// whole forest.
    DomainRoots(Vec<String>),
    /// Every domain of the forest.
    Forest(bool),
    /// Also AdminSDHolder.
    AdminSdHolder(bool),
    /// Also inetOrgPerson.
    InetOrgPerson(bool),
    /// The Connect server (None: this machine).
    SyncHost(Option<String>),
    /// Cloud Sync instead of Entra Connect.
    CloudSync(bool),
    /// Cloud Sync's tenant administrator.
    TenantAdmin(Option<String>),
    /// Its password (kept in memory only).
    TenantAdminPassword(Secret),
    /// The tenant (a change forgets the sign-in).
    Tenant(Option<String>),
    /// Graph's client for the pilot test.
    GraphClient(Option<String>),
    /// Signed in to the tenant, or signed out (None).
    SignedIn(Option<SignedIn>),
}

impl Edit {
    /// Whether the edit changes only what to grant: all the demo, whose
    /// connection is fixed, takes.
    pub fn grant_scope(&self) -> bool {
        matches!(
            self,
            Edit::Targets(_)
                | Edit::DomainRoots(_)
                | Edit::Forest(_)
                | Edit::AdminSdHolder(_)
                | Edit::InetOrgPerson(_)
        )
    }

    /// Applies the edit.
    fn apply(self, s: &mut Settings, c: &mut Credentials) {
        let d = &mut s.directory;
        match self {
            Edit::Server(v) => d.server = v,
            Edit::StartTls(on) => d.starttls = on,
            Edit::Plaintext(on) => d.insecure_plaintext = on,
            Edit::CaFile(v) => d.ca_file = v,
            Edit::BindUser(v) => d.bind_user = v,
            Edit::Password(v) => c.password = v,
            Edit::Connector(v) => d.grant.connector_account = v,
            Edit::Targets(v) => d.grant.targets = v,
            Edit::DomainRoots(v) => {
                d.grant.targets = v;
                d.grant.forest = false;
            }
            Edit::Forest(on) => d.grant.forest = on,
            Edit::AdminSdHolder(on) => d.grant.include_adminsdholder = on,
            Edit::InetOrgPerson(on) => d.grant.inetorgperson = on,
            Edit::SyncHost(v) => s.connect.remote = v,
            Edit::CloudSync(on) => s.connect.cloud_sync = on,
            Edit::TenantAdmin(v) => s.connect.tenant_admin = v,
            Edit::TenantAdminPassword(v) => c.tenant_admin_password = v,
            Edit::Tenant(v) => {
                s.tenant.id = v;
                c.tenant = None;
            }
            Edit::GraphClient(v) => s.tenant.graph_client_id = v,
            Edit::SignedIn(v) => c.tenant = v,
        }
    }
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
            // Shown (as dots) in the demo's fixed password field.
            credentials: Credentials {
                password: Secret::new("demo"),
                ..Credentials::default()
            },
            planes: Planes::Demo(DemoOrg::new(delay)),
            revision: 0,
        }
    }

    /// The real planes `settings` describe.
    pub fn real(settings: Settings, credentials: Credentials) -> Env {
        Env {
            settings,
            credentials,
            planes: Planes::Real,
            revision: 0,
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

    /// The run's credentials (the demo's are for show).
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// How many edits the settings have had: a result made at another
    /// revision was made with other settings.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an edit. The demo keeps its fixed connection and takes
    /// only what to grant.
    pub fn edit(&mut self, edit: Edit) {
        if self.is_demo() && !edit.grant_scope() {
            return;
        }
        edit.apply(&mut self.settings, &mut self.credentials);
        self.revision += 1;
    }

    /// The same backends granting as `grant` says (the command line's
    /// options over a profile or the demo's settings).
    pub fn with_grant(mut self, grant: GrantOptions) -> Env {
        self.settings.directory.grant = grant;
        self
    }

    /// The grant settings.
    pub fn grant_options(&self) -> GrantOptions {
        self.settings.directory.grant.clone()
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
            Planes::Real => self
                .credentials
                .tenant
                .as_ref()
                .map(|s| s.session.config().tenant.clone()),
        }
    }

    /// Opens the directory (connects and binds for the real one).
    pub async fn directory(&self) -> Result<AnyDirectory, DirectoryError> {
        let mut dir = match &self.planes {
            Planes::Demo(org) => AnyDirectory::Demo(org.directory()),
            Planes::Real => AnyDirectory::Ldap(Box::new(
                LdapDirectory::connect(
                    &self
                        .settings
                        .directory
                        .connect_options(self.credentials.password.clone()),
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
            Planes::Real => {
                let mut options = self
                    .settings
                    .directory
                    .connect_options(self.credentials.password.clone());
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
            Planes::Real => {
                AnySync::PowerShell(PowerShell::new(self.settings.connect.powershell()))
            }
        }
    }

    /// The tenant administrator when step 2 is Cloud Sync's (None: Entra
    /// Connect, as in the demo).
    pub fn cloud_sync_admin(&self) -> Option<TenantAdmin> {
        match &self.planes {
            Planes::Demo(_) => None,
            Planes::Real => self.settings.connect.cloud_sync.then(|| TenantAdmin {
                user: self
                    .settings
                    .connect
                    .tenant_admin
                    .clone()
                    .unwrap_or_default(),
                password: self.credentials.tenant_admin_password.clone(),
            }),
        }
    }

    /// Whether a tenant is at hand: the demo's, or one signed in to.
    pub fn has_tenant(&self) -> bool {
        match &self.planes {
            Planes::Demo(_) => true,
            Planes::Real => self.credentials.tenant.is_some(),
        }
    }

    /// The tenant: the demo's, or the signed-in one (None before sign-in).
    pub fn tenant(&self) -> Option<AnyTenant> {
        match &self.planes {
            Planes::Demo(org) => Some(AnyTenant::Demo(org.tenant())),
            Planes::Real => self
                .credentials
                .tenant
                .as_ref()
                .map(|signed| AnyTenant::Portal(Box::new(signed.tenant()))),
        }
    }

    /// Graph's facts for the tenant's pre-flight (None before sign-in).
    pub async fn tenant_facts(&self) -> Option<Result<TenantFacts, TenantError>> {
        match &self.planes {
            Planes::Demo(org) => Some(Ok(org.tenant().facts().await)),
            Planes::Real => match &self.credentials.tenant {
                Some(signed) => Some(crate::backend::entra::facts(signed).await),
                None => None,
            },
        }
    }

    /// Whether TLS protects the directory connection.
    pub fn tls(&self) -> bool {
        match &self.planes {
            Planes::Demo(_) => true,
            Planes::Real => !crate::backend::ldap::is_plaintext(
                &self.settings.directory.connect_options(Secret::default()),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_change_the_one_copy_of_the_settings() {
        let mut env = Env::real(Settings::default(), Credentials::default());
        env.edit(Edit::Server("ldaps://dc1".into()));
        env.edit(Edit::Password(Secret::new("pw")));
        env.edit(Edit::Forest(true));
        env.edit(Edit::DomainRoots(vec!["DC=a".into()]));
        assert_eq!(env.settings().directory.server, "ldaps://dc1");
        assert_eq!(env.credentials().password.expose(), "pw");
        assert_eq!(env.grant_options().targets, vec!["DC=a"]);
        assert!(
            !env.grant_options().forest,
            "ticked roots are not the forest"
        );
        assert_eq!(env.revision(), 4);
    }

    #[test]
    fn the_demo_takes_only_what_to_grant() {
        let mut env = Env::demo(true);
        let before = env.settings().clone();
        env.edit(Edit::Server("ldaps://elsewhere".into()));
        env.edit(Edit::Password(Secret::new("x")));
        assert_eq!(env.settings(), &before);
        assert_eq!(env.credentials().password.expose(), "demo");
        assert_eq!(env.revision(), 0, "nothing changed");
        env.edit(Edit::Targets(vec!["OU=Sync,DC=contoso,DC=com".into()]));
        assert_eq!(env.grant_options().targets.len(), 1);
        assert_eq!(env.revision(), 1);
    }
}
