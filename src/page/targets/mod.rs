//! Targets & sign-in: the run's settings. The domain controller and the
//! accounts ([`connection`]), what to grant ([`scope`]), the Connect
//! server and the tenant ([`signin`]): every option the command line has.
//! The page keeps no copy of the settings: it reads them from the run's
//! [`crate::session::Env`] and reports each change as
//! [`Event::SettingsEdited`], which the shell applies there. In the demo
//! the connection is fixed; what to grant can be changed.

mod connection;
mod scope;
mod signin;

use iced::Task;
use iced::widget::column;

use super::job::{Job, Slot, Update};
use super::{Context, Page, Status};
use crate::backend::sync::{SyncError, SyncState};
use crate::backend::tenant::TenantError;
use crate::backend::{ForestDomain, Secret};
use crate::fl;
use crate::profile::given;
use crate::session::Edit;
use crate::task::permissions::{self as perm, Account, TaskError};
use crate::task::portal::{Method, SignInProgress, SignedIn};
use crate::widget::{self, Element, size};

/// A labelled text field of the settings; read-only unless `editable`
/// (the demo's connection is fixed).
fn field<'a>(
    label: String,
    value: &str,
    on: fn(String) -> Message,
    hint: String,
    editable: bool,
) -> iced::widget::Column<'a, Message, iced::Theme> {
    let input = iced::widget::text_input(&hint, value)
        .size(size::BODY)
        .padding(8)
        .style(crate::theme::text_input);
    let input = if editable { input.on_input(on) } else { input };
    column![iced::widget::text(label).size(size::BODY), input].spacing(4)
}

/// What the page tells the shell.
#[derive(Debug, Clone)]
pub enum Event {
    /// A setting was edited: the shell applies the edit to the run's
    /// settings, which every page reads.
    SettingsEdited(Edit),
}

/// The page's state: what it is doing, never the settings themselves.
#[derive(Debug, Default)]
pub struct State {
    /// The DN typed in "add a target".
    new_target: String,
    /// The forest's domains and the DC each is reached through (None:
    /// not listed yet).
    domains: Option<Result<Vec<ForestDomain>, TaskError>>,
    listing: Slot,
    found: Option<Result<Account, TaskError>>,
    finding: Slot,
    /// Reading the connector account from the Connect server.
    reading: Slot,
    read_error: Option<String>,
    /// The tenant sign-in: its last report while it runs.
    signing_in: Slot,
    sign_in_step: Option<SignInProgress>,
    sign_in_error: Option<TenantError>,
}

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// A field changed.
    Server(String),
    /// StartTLS on or off.
    StartTls(bool),
    /// The admin's consent to a plaintext bind (the password readable on
    /// the network), asked for every window run.
    Plaintext(bool),
    /// A field changed.
    CaFile(String),
    /// A field changed.
    BindUser(String),
    /// A field changed.
    Password(Secret),
    /// A field changed.
    Connector(String),
    /// The DN to add as a target.
    NewTarget(String),
    /// Add it.
    AddTarget,
    /// Remove a target.
    RemoveTarget(usize),
    /// Every domain of the forest.
    Forest(bool),
    /// Also AdminSDHolder.
    AdminSdHolder(bool),
    /// Also inetOrgPerson.
    InetOrgPerson(bool),
    /// List the forest's domains (and the DC each uses).
    ListDomains,
    /// The list arrived.
    Domains(Job<perm::Progress, Vec<ForestDomain>, TaskError>),
    /// A domain's root ticked (its naming context) or not.
    Domain(String, bool),
    /// A field changed.
    SyncHost(String),
    /// A field changed.
    Tenant(String),
    /// A field changed: the Graph client of the pilot test.
    GraphClient(String),
    /// Cloud Sync chosen or not.
    CloudSync(bool),
    /// A field changed.
    TenantAdmin(String),
    /// A field changed.
    TenantAdminPassword(Secret),
    /// Sign in to the tenant.
    SignIn(Method),
    /// Stop signing in.
    CancelSignIn,
    /// The sign-in reported.
    SignInJob(Job<SignInProgress, SignedIn, TenantError>),
    /// Forget the tenant session.
    SignOut,
    /// Open an address in the browser.
    Open(String),
    /// Read the connector account from the Connect server.
    ReadConnector,
    /// The Connect server answered.
    ConnectorRead(Job<crate::task::sync::Progress, SyncState, SyncError>),
    /// Choose the CA file in a file dialog.
    BrowseCaFile,
    /// The dialog closed.
    CaFilePicked(Option<String>),
    /// Look the connector account up.
    Find,
    /// The lookup reported.
    Found(Job<perm::Progress, Account, TaskError>),
}

/// An edit for the shell to apply.
fn edited(edit: Edit) -> (Task<Message>, Option<Event>) {
    (Task::none(), Some(Event::SettingsEdited(edit)))
}

impl State {
    /// The edit a field's message makes (None: nothing to change), or
    /// the message back when it is not a field's. The connector found no
    /// longer holds when the connection or the name changed.
    fn field(&mut self, message: Message, ctx: &Context<'_>) -> Result<Option<Edit>, Message> {
        let g = &ctx.env.settings().directory.grant;
        let mut lookup_stale = false;
        let edit = match message {
            Message::Server(v) => {
                lookup_stale = true;
                Edit::Server(v)
            }
            Message::StartTls(on) => Edit::StartTls(on),
            Message::Plaintext(on) => Edit::Plaintext(on),
            Message::CaFile(v) => Edit::CaFile(given(&v).map(Into::into)),
            Message::BindUser(v) => {
                lookup_stale = true;
                Edit::BindUser(v)
            }
            Message::Password(v) => Edit::Password(v),
            Message::Connector(v) => {
                lookup_stale = true;
                Edit::Connector(v)
            }
            Message::NewTarget(v) => {
                self.new_target = v;
                return Ok(None);
            }
            Message::AddTarget => {
                let dn = given(&std::mem::take(&mut self.new_target));
                match dn {
                    Some(dn) if !g.targets.iter().any(|t| t.eq_ignore_ascii_case(&dn)) => {
                        Edit::Targets(g.targets.iter().cloned().chain([dn]).collect())
                    }
                    _ => return Ok(None),
                }
            }
            Message::RemoveTarget(i) if i < g.targets.len() => {
                let mut targets = g.targets.clone();
                targets.remove(i);
                Edit::Targets(targets)
            }
            Message::RemoveTarget(_) => return Ok(None),
            Message::Forest(on) => Edit::Forest(on),
            Message::Domain(nc, on) => {
                let listed = match &self.domains {
                    Some(Ok(list)) => list.as_slice(),
                    _ => &[],
                };
                Edit::DomainRoots(scope::domain_roots(g, listed, &nc, on))
            }
            Message::AdminSdHolder(on) => Edit::AdminSdHolder(on),
            Message::InetOrgPerson(on) => Edit::InetOrgPerson(on),
            Message::SyncHost(v) => Edit::SyncHost(given(&v)),
            Message::Tenant(v) => Edit::Tenant(given(&v)),
            Message::GraphClient(v) => Edit::GraphClient(given(&v)),
            Message::CloudSync(on) => Edit::CloudSync(on),
            Message::TenantAdmin(v) => Edit::TenantAdmin(given(&v)),
            Message::TenantAdminPassword(v) => Edit::TenantAdminPassword(v),
            Message::CaFilePicked(Some(path)) => Edit::CaFile(Some(path.into())),
            other => return Err(other),
        };
        // The demo's connection is fixed: only what to grant changes.
        if ctx.env.is_demo() && !edit.grant_scope() {
            return Ok(None);
        }
        if lookup_stale {
            // A Find still running answers for the old value: dropped.
            self.finding.cancel();
            self.found = None;
        }
        Ok(Some(edit))
    }
}

impl Page for State {
    type Message = Message;
    type Event = Event;

    /// The demo lists its forest's domains at once (a real directory
    /// needs the password first: "List domains").
    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        if ctx.env.is_demo() && self.domains.is_none() && !self.listing.busy() {
            self.update(Message::ListDomains, ctx).0
        } else {
            Task::none()
        }
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        let message = match self.field(message, ctx) {
            Ok(Some(edit)) => return edited(edit),
            Ok(None) => return super::nothing(),
            Err(message) => message,
        };
        match message {
            Message::BrowseCaFile => return super::just(connection::browse_ca_file()),
            Message::SignIn(method) => return super::just(self.sign_in(method, ctx)),
            Message::CancelSignIn => self.signing_in.cancel(),
            Message::SignInJob(job) if self.signing_in.accept(&job) => match job.update {
                Update::Progress(p) => self.sign_in_step = Some(p),
                Update::Finished(Ok(signed)) => return edited(Edit::SignedIn(Some(signed))),
                Update::Finished(Err(e)) => self.sign_in_error = Some(e),
            },
            Message::SignOut => return edited(Edit::SignedIn(None)),
            Message::Open(url) => {
                if let Err(e) = crate::backend::open_detached(&url) {
                    tracing::warn!(error = %e, "could not open the browser");
                }
            }
            Message::ReadConnector => return super::just(self.read_connector(ctx)),
            Message::ConnectorRead(job) if self.reading.accept(&job) => match job.update {
                Update::Progress(_) => {}
                Update::Finished(Ok(state)) if !state.ad_connector_account.is_empty() => {
                    self.found = None;
                    return edited(Edit::Connector(state.ad_connector_account));
                }
                Update::Finished(Ok(_)) => {
                    self.read_error = Some(fl!("targets-read-connector-none"))
                }
                Update::Finished(Err(e)) => self.read_error = Some(crate::explain::sync_error(&e)),
            },
            Message::ListDomains => return super::just(self.list_domains(ctx)),
            Message::Domains(job) if self.listing.accept(&job) => {
                if let Update::Finished(result) = job.update {
                    self.domains = Some(result);
                }
            }
            Message::Find => return super::just(self.find(ctx)),
            Message::Found(job) if self.finding.accept(&job) => {
                if let Update::Finished(result) = job.update {
                    self.found = Some(result);
                }
            }
            _ => {}
        }
        super::nothing()
    }

    fn status(&self, _ctx: &Context<'_>) -> Status {
        Status::Pending
    }

    fn can_continue(&self, ctx: &Context<'_>) -> bool {
        let s = ctx.env.settings();
        let c = ctx.env.credentials();
        let (d, connect) = (&s.directory, &s.connect);
        ctx.env.is_demo()
            || (!d.server.trim().is_empty()
                && !d.bind_user.trim().is_empty()
                && !c.password.expose().is_empty()
                && !d.grant.connector_account.trim().is_empty()
                && (!connect.cloud_sync
                    || (connect.tenant_admin.is_some()
                        && !c.tenant_admin_password.expose().is_empty())))
    }

    fn view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        column![
            widget::title(fl!("targets-title"), fl!("targets-subtitle")),
            widget::card(self.connection_view(ctx)),
            widget::card(self.grant_view(ctx)),
            widget::card(self.cloud_view(ctx)),
        ]
        .spacing(size::GAP)
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Settings;
    use crate::session::{Backups, Credentials, Env};

    fn backups() -> Backups {
        Backups {
            dir: std::env::temp_dir(),
            trail: crate::audit::Trail::new(None),
        }
    }

    /// Sends `message` and applies the edit it emits, as the shell does.
    fn send(page: &mut State, env: &mut Env, message: Message) -> Option<Edit> {
        let b = backups();
        let ctx = Context { env, backups: &b };
        let (_, event) = page.update(message, &ctx);
        match event {
            Some(Event::SettingsEdited(edit)) => {
                env.edit(edit.clone());
                Some(edit)
            }
            _ => None,
        }
    }

    #[test]
    fn fields_become_edits_of_the_run_settings() {
        let mut env = Env::real(Settings::default(), Credentials::default());
        let mut page = State::default();
        send(&mut page, &mut env, Message::Server("ldaps://dc1".into()));
        send(&mut page, &mut env, Message::Password(Secret::new("pw")));
        send(&mut page, &mut env, Message::SyncHost("  ".into()));
        send(
            &mut page,
            &mut env,
            Message::Tenant(" corp.example ".into()),
        );
        assert!(send(&mut page, &mut env, Message::NewTarget("OU=A".into())).is_none());
        send(&mut page, &mut env, Message::AddTarget);
        send(&mut page, &mut env, Message::NewTarget("ou=a".into()));
        assert!(
            send(&mut page, &mut env, Message::AddTarget).is_none(),
            "a target listed already"
        );
        let s = env.settings();
        assert_eq!(s.directory.server, "ldaps://dc1");
        assert_eq!(env.credentials().password.expose(), "pw");
        assert_eq!(s.connect.remote, None, "blank is the default");
        assert_eq!(s.tenant.id.as_deref(), Some("corp.example"));
        assert_eq!(s.directory.grant.targets, vec!["OU=A"]);
        send(&mut page, &mut env, Message::RemoveTarget(0));
        assert!(env.settings().directory.grant.targets.is_empty());
    }

    #[test]
    fn the_demo_edits_only_what_to_grant() {
        let mut env = Env::demo(true);
        let mut page = State::default();
        assert!(send(&mut page, &mut env, Message::Server("ldaps://x".into())).is_none());
        assert!(matches!(
            send(&mut page, &mut env, Message::Forest(true)),
            Some(Edit::Forest(true))
        ));
        assert!(env.grant_options().forest);
    }
}
