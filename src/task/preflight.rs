//! Pre-flight: every check before anything changes, plane by plane. The
//! Pre-flight page and `writeback-wizard check` run this same code.

use crate::backend::tenant::TenantError;
use crate::session::Env;
use crate::task::permissions::{self as perm, Check, Finding, Outcome, Progress, TaskError};
use crate::task::portal;

/// What pre-flight found.
#[derive(Debug, Clone)]
pub struct Checks {
    /// Active Directory.
    pub directory: Vec<Check>,
    /// The tenant (Graph): its findings, the reason they could not be
    /// read, or None when nobody signed in.
    pub tenant: Option<Result<Vec<(Outcome, portal::Finding)>, TenantError>>,
    /// Who may use self-service password reset (None: no tenant).
    pub sspr: Option<(Outcome, portal::SsprFinding)>,
}

impl Checks {
    /// The targets the checks ran on (AdminSDHolder aside).
    pub fn targets(&self) -> Vec<String> {
        self.directory
            .iter()
            .filter_map(|c| match &c.finding {
                Finding::GrantState { dn, .. } if !crate::ad::dn::is_adminsdholder(dn, None) => {
                    Some(dn.clone())
                }
                _ => None,
            })
            .collect()
    }

    /// Every outcome; a tenant not read counts as a warning.
    pub fn outcomes(&self) -> impl Iterator<Item = Outcome> + '_ {
        let tenant = match &self.tenant {
            Some(Ok(findings)) => findings.iter().map(|(o, _)| *o).collect(),
            Some(Err(_)) | None => vec![Outcome::Warning],
        };
        let sspr = self.sspr.iter().map(|(o, _)| *o);
        self.directory
            .iter()
            .map(|c| c.outcome)
            .chain(tenant)
            .chain(sspr)
    }

    /// Whether a finding blocks the change.
    pub fn blocked(&self) -> bool {
        self.outcomes().any(|o| o == Outcome::Blocking)
    }
}

/// Runs every check: Active Directory (users scanned as the grant will
/// leave them), then the tenant when one is signed in (its facts, and who
/// may use self-service password reset).
pub async fn run(
    env: &Env,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Checks, TaskError> {
    let mut dir = env.directory().await?;
    let (_, directory) =
        perm::check(&mut dir, &env.grant_options(), env.tls(), true, progress).await?;
    let tenant = env
        .tenant_facts()
        .await
        .map(|facts| facts.map(|f| portal::findings(&f)));
    let sspr = match env.tenant() {
        Some(mut t) => Some(portal::sspr_check(&mut t).await),
        None => None,
    };
    Ok(Checks {
        directory,
        tenant,
        sspr,
    })
}
