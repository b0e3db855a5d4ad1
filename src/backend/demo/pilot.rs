//! The demo's pilot test, Connect event log and SSPR policy (issue 15).

use super::*;

// ---------------------------------------------------------------------
// Issue 15: the pilot test, the Connect server's event log and the SSPR
// policy of the demo organization. Kept together here so that the file
// can be split later.
//
// The demo tenant resets a synced user's password as Entra ID would: the
// operation goes notStarted → running → succeeded over three polls, and
// the demo Connect server writes the password back (pwdLastSet moves)
// only when writeback is on in Connect and the portal and the connector
// account can really reset that user (the access check on the user's own
// descriptor). Otherwise the operation fails with the statusDetail Entra
// ID reports (hr=80230626 for denied access), and the event log gets the
// matching entry.
// ---------------------------------------------------------------------

use crate::backend::sync::{EventLog, EventRecord};
use crate::backend::tenant::{
    CloudUser, OperationStatus, PilotTenant, ResetPoll, ResetStarted, SsprScope,
};

/// A cloud-only user of the demo tenant (not synced: no writeback).
pub const DEMO_CLOUD_ONLY: &str = "cloud.only@contoso.onmicrosoft.com";
/// The demo's suggested pilot user: synced, an ordinary user, reachable
/// once step 1 is applied.
pub const DEMO_PILOT: &str = "bob.nguyen@contoso.com";
/// `pwdLastSet` of every demo user before any test: 2025-10-01T08:00:00Z.
const DEMO_PWD_LAST_SET: i64 = (1_759_305_600 + 11_644_473_600) * 10_000_000;

/// One reset operation of the demo tenant.
#[derive(Clone, Debug)]
struct DemoOperation {
    dn: String,
    polls: u32,
    /// None: succeeds; Some: fails with this statusDetail.
    failure: Option<String>,
    written: bool,
}

/// The demo's pilot-test state.
#[derive(Debug, Default)]
pub struct PilotState {
    operations: Vec<DemoOperation>,
    events: Vec<(SystemTimeKey, EventRecord)>,
    /// The clock of the demo's resets and events (None: the system's).
    pub clock: Option<std::time::SystemTime>,
    /// Who may use SSPR (None: the demo's default, a group).
    pub sspr: Option<SsprScope>,
    /// When true, the demo Connect server never writes a reset back
    /// (the unproven case).
    pub stalled: bool,
    resets: u32,
}

type SystemTimeKey = u64;

impl DemoState {
    /// Every demo user gets a `pwdLastSet`.
    pub(super) fn seed_pilot(&mut self) {
        let value = DEMO_PWD_LAST_SET.to_string().into_bytes();
        for o in self.objects.values_mut() {
            if o.class.is_some() {
                o.attrs.insert("pwdlastset".into(), vec![value.clone()]);
            }
        }
    }

    fn now(&self) -> std::time::SystemTime {
        self.pilot.clock.unwrap_or_else(std::time::SystemTime::now)
    }

    fn user_by_upn(&self, upn: &str) -> Option<(String, &Object)> {
        self.objects.iter().find_map(|(dn, o)| {
            let value = o.attrs.get("userprincipalname")?.first()?;
            String::from_utf8_lossy(value)
                .eq_ignore_ascii_case(upn)
                .then(|| (dn.clone(), o))
        })
    }

    fn text(o: &Object, attr: &str) -> Option<String> {
        o.attrs
            .get(attr)
            .and_then(|v| v.first())
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }

    fn log(&mut self, id: u32, level: u8, message: String) {
        let t = self.now();
        let key = t
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        self.pilot.events.push((
            key,
            EventRecord {
                time: crate::audit::rfc3339(t),
                id,
                source: "PasswordResetService".into(),
                level,
                message,
            },
        ));
    }

    /// Whether the connector account can reset `dn` and write its
    /// pwdLastSet (the rights writeback uses), by the access check.
    fn connector_reaches(&self, dn: &str) -> bool {
        use crate::ad::access::{Right, Token, check};
        use crate::ad::grant::guids;
        let Some(connector) = self
            .objects
            .values()
            .find(|o| Self::text(o, "samaccountname").as_deref() == Some(DEMO_CONNECTOR))
        else {
            return false;
        };
        let sid = |o: &Object, attr: &str| {
            o.attrs
                .get(attr)
                .into_iter()
                .flatten()
                .filter_map(|b| Sid::from_bytes(b).ok())
                .collect::<Vec<_>>()
        };
        let Some(user_sid) = sid(connector, "objectsid").first().copied() else {
            return false;
        };
        let token = Token::new(user_sid, sid(connector, "tokengroups"));
        let Some(user) = self.objects.get(dn) else {
            return false;
        };
        let class = user.class.unwrap_or(guids::USER);
        check(
            &user.sd,
            class,
            &token,
            false,
            &[
                Right::Extended(guids::RESET_PASSWORD),
                Right::Extended(guids::CHANGE_PASSWORD),
                Right::WriteProperty {
                    attribute: guids::PWD_LAST_SET,
                    property_set: Some(guids::USER_ACCOUNT_RESTRICTIONS),
                },
            ],
        )
        .iter()
        .all(|d| d.allowed())
    }
}

impl DemoOrg {
    /// Fixes the clock of the demo's resets and events (headless runs,
    /// screenshots): a reset written back gets `pwdLastSet` a few seconds
    /// after it.
    pub fn fix_clock(&self, time: std::time::SystemTime) {
        self.with(|s| s.pilot.clock = Some(time));
    }

    /// Sets who may use SSPR in the demo tenant.
    pub fn set_sspr_scope(&self, scope: SsprScope) {
        self.with(|s| s.pilot.sspr = Some(scope));
    }

    /// Makes the demo Connect server stop writing resets back (the
    /// "unproven" case), or resume.
    pub fn stall_writeback(&self, stalled: bool) {
        self.with(|s| s.pilot.stalled = stalled);
    }

    /// Sets a user's `pwdLastSet` (tests: a stand-in Connect server
    /// writing a reset back into the demo directory).
    pub fn set_pwd_last_set(&self, dn: &str, filetime: i64) {
        self.with(|s| s.set_binary(dn, "pwdLastSet", filetime.to_string().into_bytes()));
    }

    /// A user's `pwdLastSet` in the demo directory.
    pub fn pwd_last_set(&self, dn: &str) -> Option<i64> {
        self.with(|s| {
            s.objects
                .get(dn)
                .and_then(|o| DemoState::text(o, "pwdlastset"))
                .and_then(|t| t.parse().ok())
        })
    }
}

impl PilotTenant for DemoTenant {
    fn tenant_id(&self) -> String {
        "9c1e4d2a-5b7f-4c3e-8a6d-2f1b0e9d7c5a".into()
    }

    fn signed_in_user(&self) -> Option<String> {
        Some(DEMO_TENANT_USER.into())
    }

    async fn find_user(&mut self, user: &str) -> Result<CloudUser, TenantError> {
        self.org.pause(2).await;
        let user = user.trim();
        if user.eq_ignore_ascii_case(DEMO_TENANT_USER) || user.eq_ignore_ascii_case(DEMO_CLOUD_ONLY)
        {
            return Ok(CloudUser {
                id: format!("cloud-{}", user.to_ascii_lowercase()),
                user_principal_name: user.to_ascii_lowercase(),
                display_name: Some(user.split('@').next().unwrap_or(user).to_string()),
                synced: false,
                admin_roles: Some(if user.eq_ignore_ascii_case(DEMO_TENANT_USER) {
                    vec!["Hybrid Identity Administrator".into()]
                } else {
                    Vec::new()
                }),
                ..CloudUser::default()
            });
        }
        self.org.with(|s| {
            let (dn, o) = s
                .user_by_upn(user)
                .filter(|(_, o)| {
                    DemoState::text(o, "samaccountname").as_deref() != Some(DEMO_CONNECTOR)
                })
                .ok_or_else(|| TenantError::NotFound(user.to_string()))?;
            let admin = DemoState::text(o, "admincount").as_deref() == Some("1");
            Ok(CloudUser {
                id: format!("synced-{}", user.to_ascii_lowercase()),
                user_principal_name: DemoState::text(o, "userprincipalname").unwrap_or_default(),
                display_name: DemoState::text(o, "displayname"),
                synced: true,
                on_premises_dn: Some(dn),
                on_premises_sam: DemoState::text(o, "samaccountname"),
                on_premises_upn: DemoState::text(o, "userprincipalname"),
                on_premises_domain: Some(DEMO_DOMAIN.into()),
                admin_roles: Some(if admin {
                    vec!["Global Administrator".into()]
                } else {
                    Vec::new()
                }),
            })
        })
    }

    async fn reset_password(
        &mut self,
        user_id: &str,
        new_password: &crate::backend::Secret,
    ) -> Result<ResetStarted, TenantError> {
        self.org.pause(3).await;
        if new_password.expose().chars().count() < crate::ad::password::MIN_LENGTH {
            // As Graph: a synced user's reset needs a newPassword.
            return Err(TenantError::Graph {
                status: 400,
                code: "invalidRequest".into(),
                message: "demo: newPassword is required for a synced user".into(),
            });
        }
        let Some(upn) = user_id.strip_prefix("synced-") else {
            // Cloud-only users: a reset in the cloud alone, no writeback;
            // the pilot test never gets here (pick refuses them).
            return Err(TenantError::ApiChanged("demo: not a synced user".into()));
        };
        self.org.with(|s| {
            let (dn, o) = s
                .user_by_upn(upn)
                .ok_or_else(|| TenantError::NotFound(upn.to_string()))?;
            if DemoState::text(o, "admincount").as_deref() == Some("1") {
                // The demo's helpdesk admin is no Privileged
                // Authentication Administrator.
                return Err(TenantError::Forbidden);
            }
            let failure = if !(s.sync_writeback && s.portal_writeback) {
                Some(
                    "Password writeback is not enabled for this tenant: the password was not \
                     changed on-premises."
                        .to_string(),
                )
            } else if !s.connector_reaches(&dn) {
                Some(format!(
                    "The password could not be updated on-premises: hr=80230626, message=The \
                     management agent credentials were denied access ({dn})."
                ))
            } else {
                None
            };
            s.pilot.resets += 1;
            let n = s.pilot.resets;
            s.pilot.operations.push(DemoOperation {
                dn,
                polls: 0,
                failure,
                written: false,
            });
            Ok(ResetStarted {
                location: Some(format!(
                    "demo://graph/v1.0/users/{user_id}/authentication/operations/{n}"
                )),
                retry_after: None,
            })
        })
    }

    async fn reset_status(&mut self, location: &str) -> Result<ResetPoll, TenantError> {
        self.org.pause(2).await;
        let n: usize = location
            .rsplit('/')
            .next()
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| TenantError::NotFound(location.to_string()))?;
        self.org.with(|s| {
            let now = s.now();
            let stalled = s.pilot.stalled;
            let op = s
                .pilot
                .operations
                .get_mut(n.wrapping_sub(1))
                .ok_or_else(|| TenantError::NotFound(location.to_string()))?;
            op.polls += 1;
            let status = match op.polls {
                1 => OperationStatus::NotStarted,
                2 => OperationStatus::Running,
                _ if op.failure.is_some() => OperationStatus::Failed,
                _ => OperationStatus::Succeeded,
            };
            let detail = if status == OperationStatus::Failed {
                op.failure.clone()
            } else {
                None
            };
            let (dn, first_final) = (op.dn.clone(), status.is_final() && !op.written);
            if first_final {
                op.written = true;
            }
            if first_final {
                match (&detail, stalled) {
                    (None, false) => {
                        // Written back: pwdLastSet moves (a few seconds
                        // after the clock, as the Connect server's write).
                        let ft = crate::ad::filetime::filetime(now + Duration::from_secs(4));
                        s.set_binary(&dn, "pwdLastSet", ft.to_string().into_bytes());
                        s.log(31019, 4, format!("Password reset written back for {dn}."));
                    }
                    (None, true) => {}
                    (Some(d), _) if d.contains("80230626") => s.log(
                        33004,
                        2,
                        format!(
                            "An unexpected error has occurred during a password set operation. \
                             hr=80230626, message=The management agent credentials were denied \
                             access. User: {dn}"
                        ),
                    ),
                    (Some(d), _) => s.log(32009, 3, d.clone()),
                }
            }
            Ok(ResetPoll {
                status,
                detail,
                retry_after: None,
            })
        })
    }

    async fn sspr_scope(&mut self) -> Result<SsprScope, TenantError> {
        self.org.pause(2).await;
        Ok(self.org.with(|s| {
            s.pilot.sspr.clone().unwrap_or(SsprScope::Group {
                id: Some("4b1f0c9e-2d7a-4e61-9c3b-7a5d8e2f1c06".into()),
                name: Some("SSPR – all staff".into()),
            })
        }))
    }
}

impl EventLog for DemoSync {
    async fn events(
        &mut self,
        since: std::time::SystemTime,
    ) -> Result<Vec<EventRecord>, SyncError> {
        self.org.pause(4).await;
        Ok(self.org.with(|s| {
            let now = s.now();
            let at = |minutes: u64| now - Duration::from_secs(minutes * 60);
            let record = |t: std::time::SystemTime, id: u32, level: u8, message: &str| {
                (
                    t.duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_secs())
                        .unwrap_or(0),
                    EventRecord {
                        time: crate::audit::rfc3339(t),
                        id,
                        source: "PasswordResetService".into(),
                        level,
                        message: message.into(),
                    },
                )
            };
            let desk = format!("CN=Reception desk,OU=Staff,{DEMO_ROOT}");
            // A day of the demo Connect server's history, then what the
            // tests since added.
            let mut all = vec![
                record(
                    at(180),
                    32002,
                    2,
                    "Unable to connect to Service Bus: the remote name could not be resolved: \
                     'ssprdedicatedsbprodncu.servicebus.windows.net'.",
                ),
                record(
                    at(95),
                    33004,
                    2,
                    &format!(
                        "An unexpected error has occurred during a password set operation. \
                         hr=80230626, message=The management agent credentials were denied \
                         access. User: {desk}"
                    ),
                ),
                record(
                    at(60),
                    31117,
                    4,
                    "Heartbeat: the password reset service is listening for requests.",
                ),
            ];
            if s.sync_writeback {
                all.push(record(
                    at(5),
                    31005,
                    4,
                    "Password writeback has been enabled.",
                ));
            }
            all.extend(s.pilot.events.iter().cloned());
            let since = since
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0);
            all.retain(|(t, _)| *t >= since);
            all.sort_by_key(|b| std::cmp::Reverse(b.0));
            all.into_iter().map(|(_, e)| e).collect()
        }))
    }
}
