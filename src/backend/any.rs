//! One type per plane over its real and demo implementations, so that
//! tasks and pages see one concrete type and never match on which it is.

use crate::backend::cloudsync::{CloudSyncAgent, CloudSyncState, TenantAdmin};
use crate::backend::demo::{DemoDirectory, DemoSync, DemoTenant};
use crate::backend::entra::portal::PortalTenant;
use crate::backend::ldap::LdapDirectory;
use crate::backend::powershell::PowerShell;
use crate::backend::sync::{SyncError, SyncServer, SyncState};
use crate::backend::tenant::{
    CloudUser, PilotTenant, PortalPolicy, ResetPoll, ResetStarted, SsprScope, Tenant, TenantError,
};
use crate::backend::{
    Directory, DirectoryError, DomainName, DomainServer, Entry, ForestDomain, Scope,
};

/// Either directory, so that tasks see one concrete type.
pub enum AnyDirectory {
    /// In memory.
    Demo(DemoDirectory),
    /// Over LDAP.
    Ldap(Box<LdapDirectory>),
}

impl AnyDirectory {
    /// Signs out of a real directory (nothing for the demo's).
    pub async fn close(self) {
        if let AnyDirectory::Ldap(d) = self {
            d.close().await;
        }
    }
}

impl Directory for AnyDirectory {
    fn server(&self) -> String {
        match self {
            AnyDirectory::Demo(d) => d.server(),
            AnyDirectory::Ldap(d) => d.server(),
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

    async fn replicate_single_object(
        &mut self,
        source_dsa: &str,
        dn: &str,
    ) -> Result<(), DirectoryError> {
        match self {
            AnyDirectory::Demo(d) => d.replicate_single_object(source_dsa, dn).await,
            AnyDirectory::Ldap(d) => d.replicate_single_object(source_dsa, dn).await,
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

    async fn preferred_dcs(&mut self) -> Result<Vec<String>, SyncError> {
        match self {
            AnySync::Demo(s) => s.preferred_dcs().await,
            AnySync::PowerShell(s) => s.preferred_dcs().await,
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

    async fn set_cloud_sync(&mut self, on: bool) -> Result<(), TenantError> {
        match self {
            AnyTenant::Demo(t) => t.set_cloud_sync(on).await,
            AnyTenant::Portal(t) => t.set_cloud_sync(on).await,
        }
    }
}

// Issue 15: dispatch of the pilot test's and the diagnosis's calls.

impl PilotTenant for AnyTenant {
    fn tenant_id(&self) -> String {
        match self {
            AnyTenant::Demo(t) => t.tenant_id(),
            AnyTenant::Portal(t) => t.pilot().tenant_id(),
        }
    }

    fn signed_in_user(&self) -> Option<String> {
        match self {
            AnyTenant::Demo(t) => t.signed_in_user(),
            AnyTenant::Portal(t) => t.pilot().signed_in_user(),
        }
    }

    async fn find_user(&mut self, user: &str) -> Result<CloudUser, TenantError> {
        match self {
            AnyTenant::Demo(t) => t.find_user(user).await,
            AnyTenant::Portal(t) => t.pilot().find_user(user).await,
        }
    }

    async fn reset_password(
        &mut self,
        user_id: &str,
        new_password: &crate::backend::Secret,
    ) -> Result<ResetStarted, TenantError> {
        match self {
            AnyTenant::Demo(t) => t.reset_password(user_id, new_password).await,
            AnyTenant::Portal(t) => t.pilot().reset_password(user_id, new_password).await,
        }
    }

    async fn reset_status(&mut self, location: &str) -> Result<ResetPoll, TenantError> {
        match self {
            AnyTenant::Demo(t) => t.reset_status(location).await,
            AnyTenant::Portal(t) => t.pilot().reset_status(location).await,
        }
    }

    async fn sspr_scope(&mut self) -> Result<SsprScope, TenantError> {
        match self {
            AnyTenant::Demo(t) => t.sspr_scope().await,
            AnyTenant::Portal(t) => t.pilot().sspr_scope().await,
        }
    }
}

impl crate::backend::sync::EventLog for AnySync {
    async fn events(
        &mut self,
        since: std::time::SystemTime,
    ) -> Result<Vec<crate::backend::sync::EventRecord>, SyncError> {
        match self {
            AnySync::Demo(s) => s.events(since).await,
            AnySync::PowerShell(s) => s.events(since).await,
        }
    }
}
