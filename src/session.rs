//! Which backends a wizard run talks to: the built-in demo organization, or
//! the real directory described by a profile and the Targets page.

use std::time::Duration;

use crate::backend::cloudsync::{CloudSyncAgent, CloudSyncState, TenantAdmin};
use crate::backend::demo::{DEMO_CONNECTOR, DemoDirectory, DemoOrg, DemoSync, DemoTenant};
use crate::backend::entra::graph::TenantFacts;
use crate::backend::entra::portal::PortalTenant;
use crate::backend::ldap::{ConnectOptions, LdapDirectory};
use crate::backend::powershell::{PowerShell, PowerShellOptions};
use crate::backend::sync::{SyncError, SyncServer, SyncState};
use crate::backend::tenant::{PortalPolicy, Tenant, TenantError};
use crate::backend::{
    Directory, DirectoryError, DomainName, DomainServer, Entry, ForestDomain, Scope,
};
use crate::task::permissions::GrantOptions;
use crate::task::portal::SignedIn;

/// The backends of one run.
#[derive(Clone, Debug)]
pub enum Env {
    /// The demo organization (the default).
    Demo(DemoOrg),
    /// A real domain controller.
    Real(Box<RealEnv>),
}

/// Settings for the real backends.
#[derive(Clone, Debug)]
pub struct RealEnv {
    /// How to reach the DC.
    pub connect: ConnectOptions,
    /// What to grant.
    pub grant: GrantOptions,
    /// How to reach the Entra Connect server.
    pub sync: PowerShellOptions,
    /// The tenant sign-in, when done on the Targets page.
    pub tenant: Option<SignedIn>,
    /// Cloud Sync's provisioning agent instead of Entra Connect, with the
    /// tenant administrator its cmdlet signs in as.
    pub cloud_sync: Option<TenantAdmin>,
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
        Env::Demo(DemoOrg::new(delay))
    }

    /// True for the demo organization.
    pub fn is_demo(&self) -> bool {
        matches!(self, Env::Demo(_))
    }

    /// The grant settings.
    pub fn grant_options(&self) -> GrantOptions {
        match self {
            Env::Demo(org) => GrantOptions {
                connector_account: DEMO_CONNECTOR.into(),
                targets: org.targets(),
                ..GrantOptions::default()
            },
            Env::Real(real) => real.grant.clone(),
        }
    }

    /// Replaces the grant's targets (pre-flight's "add as a target").
    pub fn set_targets(&mut self, targets: Vec<String>) {
        match self {
            Env::Demo(org) => org.set_targets(targets),
            Env::Real(real) => real.grant.targets = targets,
        }
    }

    /// Opens the directory (connects and binds for the real one).
    pub async fn directory(&self) -> Result<AnyDirectory, DirectoryError> {
        match self {
            Env::Demo(org) => Ok(AnyDirectory::Demo(org.directory())),
            Env::Real(real) => {
                let mut dir = LdapDirectory::connect(&real.connect).await?;
                dir.set_domain_servers(&real.grant.domain_servers);
                Ok(AnyDirectory::Ldap(Box::new(dir)))
            }
        }
    }

    /// The Entra Connect server.
    pub fn sync_server(&self) -> AnySync {
        match self {
            Env::Demo(org) => AnySync::Demo(org.sync_server()),
            Env::Real(real) => AnySync::PowerShell(PowerShell::new(real.sync.clone())),
        }
    }

    /// The tenant administrator when step 2 is Cloud Sync's (None: Entra
    /// Connect, as in the demo).
    pub fn cloud_sync_admin(&self) -> Option<TenantAdmin> {
        match self {
            Env::Demo(_) => None,
            Env::Real(real) => real.cloud_sync.clone(),
        }
    }

    /// Whether a tenant is at hand: the demo's, or one signed in to.
    pub fn has_tenant(&self) -> bool {
        match self {
            Env::Demo(_) => true,
            Env::Real(real) => real.tenant.is_some(),
        }
    }

    /// The tenant: the demo's, or the signed-in one (None before sign-in).
    pub fn tenant(&self) -> Option<AnyTenant> {
        match self {
            Env::Demo(org) => Some(AnyTenant::Demo(org.tenant())),
            Env::Real(real) => real
                .tenant
                .as_ref()
                .map(|signed| AnyTenant::Portal(Box::new(signed.tenant()))),
        }
    }

    /// Graph's facts for the tenant's pre-flight (None before sign-in).
    pub async fn tenant_facts(&self) -> Option<Result<TenantFacts, TenantError>> {
        match self {
            Env::Demo(org) => Some(Ok(org.tenant().facts().await)),
            Env::Real(real) => match &real.tenant {
                Some(signed) => Some(crate::task::portal::facts(signed).await),
                None => None,
            },
        }
    }

    /// Whether TLS protects the directory connection.
    pub fn tls(&self) -> bool {
        match self {
            Env::Demo(_) => true,
            Env::Real(real) => !crate::backend::ldap::is_plaintext(&real.connect),
        }
    }
}

/// Either directory, so that tasks see one concrete type.
pub enum AnyDirectory {
    /// In memory.
    Demo(DemoDirectory),
    /// Over LDAP.
    Ldap(Box<LdapDirectory>),
}

impl Directory for AnyDirectory {
    fn server(&self) -> String {
        match self {
            AnyDirectory::Demo(d) => d.server(),
            AnyDirectory::Ldap(d) => d.server(),
        }
    }

    fn server_for(&self, dn: &str) -> String {
        match self {
            AnyDirectory::Demo(d) => d.server_for(dn),
            AnyDirectory::Ldap(d) => d.server_for(dn),
        }
    }

    fn routes(&self) -> Vec<ForestDomain> {
        match self {
            AnyDirectory::Demo(d) => d.routes(),
            AnyDirectory::Ldap(d) => d.routes(),
        }
    }

    fn set_domain_servers(&mut self, servers: &[DomainServer]) {
        match self {
            AnyDirectory::Demo(d) => d.set_domain_servers(servers),
            AnyDirectory::Ldap(d) => d.set_domain_servers(servers),
        }
    }

    async fn set_forest(&mut self, home: &str, domains: &[DomainName]) -> Vec<ForestDomain> {
        match self {
            AnyDirectory::Demo(d) => d.set_forest(home, domains).await,
            AnyDirectory::Ldap(d) => d.set_forest(home, domains).await,
        }
    }

    async fn root_dse(&mut self, nc: &str, attrs: &[&str]) -> Result<Entry, DirectoryError> {
        match self {
            AnyDirectory::Demo(d) => d.root_dse(nc, attrs).await,
            AnyDirectory::Ldap(d) => d.root_dse(nc, attrs).await,
        }
    }

    async fn search_global_catalog(
        &mut self,
        filter: &str,
        attrs: &[&str],
    ) -> Result<Option<Vec<Entry>>, DirectoryError> {
        match self {
            AnyDirectory::Demo(d) => d.search_global_catalog(filter, attrs).await,
            AnyDirectory::Ldap(d) => d.search_global_catalog(filter, attrs).await,
        }
    }

    async fn search(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError> {
        match self {
            AnyDirectory::Demo(d) => d.search(base, scope, filter, attrs, dacl_only).await,
            AnyDirectory::Ldap(d) => d.search(base, scope, filter, attrs, dacl_only).await,
        }
    }

    async fn search_paged(
        &mut self,
        base: &str,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
        each: &mut (dyn FnMut(Entry) + Send),
    ) -> Result<(), DirectoryError> {
        match self {
            AnyDirectory::Demo(d) => d.search_paged(base, filter, attrs, dacl_only, each).await,
            AnyDirectory::Ldap(d) => d.search_paged(base, filter, attrs, dacl_only, each).await,
        }
    }

    async fn write_dacl(&mut self, dn: &str, sd: &[u8]) -> Result<(), DirectoryError> {
        match self {
            AnyDirectory::Demo(d) => d.write_dacl(dn, sd).await,
            AnyDirectory::Ldap(d) => d.write_dacl(dn, sd).await,
        }
    }

    async fn swap_dacl(
        &mut self,
        dn: &str,
        expected: &[u8],
        sd: &[u8],
    ) -> Result<crate::backend::Swap, DirectoryError> {
        match self {
            AnyDirectory::Demo(d) => d.swap_dacl(dn, expected, sd).await,
            AnyDirectory::Ldap(d) => d.swap_dacl(dn, expected, sd).await,
        }
    }
}

/// Either Connect server, so that tasks see one concrete type.
pub enum AnySync {
    /// Simulated.
    Demo(DemoSync),
    /// Through PowerShell.
    PowerShell(PowerShell),
}

impl SyncServer for AnySync {
    fn host(&self) -> String {
        match self {
            AnySync::Demo(s) => s.host(),
            AnySync::PowerShell(s) => s.host(),
        }
    }

    async fn state(&mut self) -> Result<SyncState, SyncError> {
        match self {
            AnySync::Demo(s) => s.state().await,
            AnySync::PowerShell(s) => s.state().await,
        }
    }

    async fn set_writeback(&mut self, on: bool) -> Result<(), SyncError> {
        match self {
            AnySync::Demo(s) => s.set_writeback(on).await,
            AnySync::PowerShell(s) => s.set_writeback(on).await,
        }
    }
}

impl CloudSyncAgent for AnySync {
    fn agent_host(&self) -> String {
        self.host()
    }

    async fn agent_state(&mut self) -> Result<CloudSyncState, SyncError> {
        match self {
            AnySync::Demo(s) => s.agent_state().await,
            AnySync::PowerShell(s) => s.agent_state().await,
        }
    }

    async fn set_cloud_sync_writeback(
        &mut self,
        on: bool,
        admin: &TenantAdmin,
    ) -> Result<(), SyncError> {
        match self {
            AnySync::Demo(s) => s.set_cloud_sync_writeback(on, admin).await,
            AnySync::PowerShell(s) => s.set_cloud_sync_writeback(on, admin).await,
        }
    }
}

/// Either tenant, so that tasks see one concrete type.
pub enum AnyTenant {
    /// Simulated.
    Demo(DemoTenant),
    /// Through the portal's API.
    Portal(Box<PortalTenant>),
}

impl Tenant for AnyTenant {
    fn name(&self) -> String {
        match self {
            AnyTenant::Demo(t) => t.name(),
            AnyTenant::Portal(t) => t.name(),
        }
    }

    fn account(&self) -> Option<String> {
        match self {
            AnyTenant::Demo(t) => t.account(),
            AnyTenant::Portal(t) => t.account(),
        }
    }

    async fn policy(&mut self) -> Result<PortalPolicy, TenantError> {
        match self {
            AnyTenant::Demo(t) => t.policy().await,
            AnyTenant::Portal(t) => t.policy().await,
        }
    }

    async fn set_writeback(&mut self, on: bool) -> Result<(), TenantError> {
        match self {
            AnyTenant::Demo(t) => t.set_writeback(on).await,
            AnyTenant::Portal(t) => t.set_writeback(on).await,
        }
    }

    async fn set_unlock(&mut self, on: bool) -> Result<(), TenantError> {
        match self {
            AnyTenant::Demo(t) => t.set_unlock(on).await,
            AnyTenant::Portal(t) => t.set_unlock(on).await,
        }
    }
}
