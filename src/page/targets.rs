//! Targets & sign-in: the run's settings. The domain controller and the
//! accounts, what to grant (targets, forest, AdminSDHolder, inetOrgPerson),
//! the Connect server and the tenant: every option the command line has.
//! In the demo the connection is fixed; what to grant can be changed. Each
//! change is handed to the shell as [`Event::Settings`].

use iced::Task;
use iced::widget::{checkbox, column, row, text, text_input};

use super::job::{Job, Slot, Update};
use super::{Context, Event, Page, Status};
use crate::backend::Secret;
use crate::backend::entra::SignInConfig;
use crate::backend::sync::{SyncError, SyncState};
use crate::backend::tenant::TenantError;
use crate::backend::{DcSource, ForestDomain};
use crate::fl;
use crate::profile::{Settings, given};
use crate::session::Credentials;
use crate::task::permissions::{self as perm, Account, TaskError};
use crate::task::portal::{self, Method, SignInProgress, SignedIn};
use crate::widget::{self, Element, size};

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    settings: Settings,
    credentials: Credentials,
    demo: bool,
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

impl State {
    /// The page on `settings` (a profile's, or the demo's when `demo`).
    pub fn new(settings: Settings, demo: bool) -> State {
        State {
            settings,
            demo,
            credentials: Credentials {
                password: if demo {
                    Secret::new("demo")
                } else {
                    Secret::default()
                },
                ..Credentials::default()
            },
            ..State::default()
        }
    }

    /// Whether a connection field may be edited (not in the demo).
    fn editable(&self) -> bool {
        !self.demo
    }

    fn settings_event(&self) -> Option<Event> {
        Some(Event::Settings(Box::new((
            self.settings.clone(),
            self.credentials.clone(),
        ))))
    }

    fn sign_in(&mut self, method: Method) -> Task<Message> {
        let config = match SignInConfig::new(
            self.settings.tenant.id.as_deref(),
            self.settings.tenant.client_id.as_deref(),
        )
        .and_then(|c| c.with_redirect_uri(self.settings.tenant.redirect_uri.as_deref()))
        {
            Ok(c) => c,
            Err(e) => {
                self.sign_in_error = Some(e);
                return Task::none();
            }
        };
        self.sign_in_error = None;
        self.sign_in_step = None;
        self.signing_in
            .spawn(move |mut report| async move {
                let mut open = crate::backend::entra::signin::system_browser;
                portal::sign_in(&config, method, &mut open, &mut *report).await
            })
            .map(Message::SignInJob)
    }

    /// Applies a settings change; the connector found no longer holds
    /// when the connection or the name changed.
    fn edit(&mut self, message: Message) -> bool {
        let d = &mut self.settings.directory;
        let mut lookup_stale = false;
        match message {
            Message::Server(v) => {
                d.server = v;
                lookup_stale = true;
            }
            Message::StartTls(on) => d.starttls = on,
            Message::Plaintext(on) => d.insecure_plaintext = on,
            Message::CaFile(v) => d.ca_file = given(&v).map(Into::into),
            Message::BindUser(v) => {
                d.bind_user = v;
                lookup_stale = true;
            }
            Message::Password(v) => self.credentials.password = v,
            Message::Connector(v) => {
                d.grant.connector_account = v;
                lookup_stale = true;
            }
            Message::NewTarget(v) => self.new_target = v,
            Message::AddTarget => {
                if let Some(dn) = given(&self.new_target)
                    && !d.grant.targets.iter().any(|t| t.eq_ignore_ascii_case(&dn))
                {
                    d.grant.targets.push(dn);
                }
                self.new_target.clear();
            }
            Message::RemoveTarget(i) => {
                if i < d.grant.targets.len() {
                    d.grant.targets.remove(i);
                }
            }
            Message::Forest(on) => d.grant.forest = on,
            Message::Domain(nc, on) => {
                let listed = match &self.domains {
                    Some(Ok(list)) => list.clone(),
                    _ => Vec::new(),
                };
                set_domain(&mut d.grant, &listed, &nc, on);
            }
            Message::AdminSdHolder(on) => d.grant.include_adminsdholder = on,
            Message::InetOrgPerson(on) => d.grant.inetorgperson = on,
            Message::SyncHost(v) => self.settings.connect.remote = given(&v),
            Message::Tenant(v) => {
                self.settings.tenant.id = given(&v);
                self.credentials.tenant = None;
            }
            Message::GraphClient(v) => self.settings.tenant.graph_client_id = given(&v),
            Message::CloudSync(on) => self.settings.connect.cloud_sync = on,
            Message::TenantAdmin(v) => self.settings.connect.tenant_admin = given(&v),
            Message::TenantAdminPassword(v) => self.credentials.tenant_admin_password = v,
            _ => return false,
        }
        if lookup_stale {
            // A Find still running answers for the old value: dropped.
            self.finding.cancel();
            self.found = None;
        }
        true
    }

    /// Grants on exactly `targets` from now on (pre-flight's "add as a
    /// target", passed on by the shell); the new settings follow as an
    /// event.
    pub fn set_targets(&mut self, targets: Vec<String>) -> Option<Event> {
        self.settings.directory.grant.targets = targets;
        self.settings_event()
    }
}

impl Page for State {
    type Message = Message;

    /// The demo lists its forest's domains at once (a real directory
    /// needs the password first: "List domains").
    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        if self.demo && self.domains.is_none() && !self.listing.busy() {
            self.update(Message::ListDomains, ctx).0
        } else {
            Task::none()
        }
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        let grant_only = matches!(
            message,
            Message::NewTarget(_)
                | Message::AddTarget
                | Message::RemoveTarget(_)
                | Message::Forest(_)
                | Message::AdminSdHolder(_)
                | Message::InetOrgPerson(_)
                | Message::Domain(..)
        );
        if (grant_only || self.editable()) && self.edit(message.clone()) {
            return (Task::none(), self.settings_event());
        }
        match message {
            Message::BrowseCaFile => {
                let title = fl!("targets-ca-file");
                return super::just(Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_title(title)
                            .add_filter("PEM", &["pem", "crt", "cer"])
                            .pick_file()
                            .await
                            .map(|f| f.path().display().to_string())
                    },
                    Message::CaFilePicked,
                ));
            }
            Message::CaFilePicked(Some(path)) if self.editable() => {
                self.settings.directory.ca_file = Some(path.into());
                return (Task::none(), self.settings_event());
            }
            Message::SignIn(method) => return super::just(self.sign_in(method)),
            Message::CancelSignIn => self.signing_in.cancel(),
            Message::SignInJob(job) if self.signing_in.accept(&job) => match job.update {
                Update::Progress(p) => self.sign_in_step = Some(p),
                Update::Finished(Ok(signed)) => {
                    self.credentials.tenant = Some(signed);
                    return (Task::none(), self.settings_event());
                }
                Update::Finished(Err(e)) => self.sign_in_error = Some(e),
            },
            Message::SignOut => {
                self.credentials.tenant = None;
                return (Task::none(), self.settings_event());
            }
            Message::Open(url) => {
                if let Err(e) = crate::backend::open_detached(&url) {
                    tracing::warn!(error = %e, "could not open the browser");
                }
            }
            Message::ReadConnector => {
                let mut server = ctx.env.sync_server();
                self.read_error = None;
                let task = self.reading.spawn(move |_report| async move {
                    crate::task::sync::status(&mut server).await
                });
                return super::just(task.map(Message::ConnectorRead));
            }
            Message::ConnectorRead(job) if self.reading.accept(&job) => match job.update {
                Update::Progress(_) => {}
                Update::Finished(Ok(state)) if !state.ad_connector_account.is_empty() => {
                    self.settings.directory.grant.connector_account = state.ad_connector_account;
                    self.found = None;
                    return (Task::none(), self.settings_event());
                }
                Update::Finished(Ok(_)) => {
                    self.read_error = Some(fl!("targets-read-connector-none"))
                }
                Update::Finished(Err(e)) => self.read_error = Some(crate::explain::sync_error(&e)),
            },
            Message::ListDomains => {
                let env = ctx.env.clone();
                let servers = ctx.env.settings().directory.grant.domain_servers.clone();
                self.domains = None;
                let task = self.listing.spawn(move |_report| async move {
                    let mut dir = env.directory().await?;
                    perm::forest_domains(&mut dir, &servers).await
                });
                return super::just(task.map(Message::Domains));
            }
            Message::Domains(job) if self.listing.accept(&job) => {
                if let Update::Finished(result) = job.update {
                    self.domains = Some(result);
                }
            }
            Message::Find => {
                let env = ctx.env.clone();
                let name = self.settings.directory.grant.connector_account.clone();
                self.found = None;
                let task = self.finding.spawn(move |_report| async move {
                    let mut dir = env.directory().await?;
                    let discovery = perm::discover(&mut dir).await?;
                    perm::find_account(&mut dir, &discovery, &name).await
                });
                return super::just(task.map(Message::Found));
            }
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

    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        let d = &self.settings.directory;
        let c = &self.settings.connect;
        self.demo
            || (!d.server.trim().is_empty()
                && !d.bind_user.trim().is_empty()
                && !self.credentials.password.expose().is_empty()
                && !d.grant.connector_account.trim().is_empty()
                && (!c.cloud_sync
                    || (c.tenant_admin.is_some()
                        && !self.credentials.tenant_admin_password.expose().is_empty())))
    }

    fn view(&self, _ctx: &Context<'_>) -> Element<'_, Message> {
        let editable = self.editable();
        let field = |label: String, value: &str, on: fn(String) -> Message, hint: String| {
            let input = text_input(&hint, value)
                .size(size::BODY)
                .padding(8)
                .style(crate::theme::text_input);
            let input = if editable { input.on_input(on) } else { input };
            column![text(label).size(size::BODY), input].spacing(4)
        };
        let d = &self.settings.directory;
        let password = {
            let input = text_input(
                &fl!("targets-password-hint"),
                self.credentials.password.expose(),
            )
            .secure(true)
            .size(size::BODY)
            .padding(8)
            .style(crate::theme::text_input);
            let input = if editable {
                input.on_input(|v| Message::Password(Secret::new(v)))
            } else {
                input
            };
            column![text(fl!("targets-password")).size(size::BODY), input].spacing(4)
        };
        let find_label = if self.finding.busy() {
            fl!("targets-finding")
        } else {
            fl!("targets-find")
        };
        let found: Element<'_, Message> = match &self.found {
            None => widget::small(fl!("targets-find-hint")),
            Some(Ok(a)) => widget::badge_line(
                widget::outcome(perm::Outcome::ok_if(a.enabled, perm::Outcome::Blocking)),
                fl!("targets-found", dn = a.dn.as_str(), sid = a.sid.as_str()),
            ),
            Some(Err(e)) => widget::error(crate::explain::task_error(e)),
        };
        let ca_file = d
            .ca_file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let starttls = checkbox(d.starttls)
            .label(fl!("targets-starttls"))
            .text_size(size::SMALL);
        let starttls = if editable {
            starttls.on_toggle(Message::StartTls)
        } else {
            starttls
        };
        let starttls =
            crate::focus::focus(starttls, editable.then_some(Message::StartTls(!d.starttls)));
        // A plaintext bind is never taken from the profile alone: the
        // window asks (the box starts unticked, see cli::gui::options).
        let plaintext = (editable
            && crate::backend::ldap::is_plaintext(&d.connect_options(Secret::default())))
        .then(|| {
            crate::focus::focus(
                checkbox(d.insecure_plaintext)
                    .label(fl!("targets-plaintext"))
                    .text_size(size::SMALL)
                    .on_toggle(Message::Plaintext),
                Some(Message::Plaintext(!d.insecure_plaintext)),
            )
        });
        let starttls: Element<'_, Message> = match plaintext {
            Some(plaintext) => column![starttls, plaintext].spacing(8).into(),
            None => starttls,
        };
        let mut directory = column![
            widget::heading(fl!("targets-directory")),
            field(
                fl!("targets-server"),
                &d.server,
                Message::Server,
                "ldaps://dc01.corp.example".into()
            ),
            starttls,
            row![
                field(
                    fl!("targets-ca-file"),
                    &ca_file,
                    Message::CaFile,
                    fl!("targets-ca-file-hint")
                )
                .width(iced::Length::Fill),
                widget::secondary(
                    fl!("targets-browse"),
                    editable.then_some(Message::BrowseCaFile)
                ),
            ]
            .spacing(10)
            .align_y(iced::Alignment::End),
            field(
                fl!("targets-bind-user"),
                &d.bind_user,
                Message::BindUser,
                "CORP\\admin".into()
            ),
            password,
            row![
                field(
                    fl!("targets-connector"),
                    &d.grant.connector_account,
                    Message::Connector,
                    "MSOL_…".into()
                )
                .width(iced::Length::Fill),
                widget::secondary(find_label, (!self.finding.busy()).then_some(Message::Find)),
                widget::secondary(
                    fl!("targets-read-connector"),
                    (editable && !self.reading.busy()).then_some(Message::ReadConnector)
                ),
            ]
            .spacing(10)
            .align_y(iced::Alignment::End),
            found,
        ]
        .spacing(10);
        if let Some(e) = &self.read_error {
            directory = directory.push(widget::error(e.clone()));
        }
        let c = &self.settings.connect;
        let tenant = self.settings.tenant.id.clone().unwrap_or_default();
        let cloud = column![
            widget::heading(fl!("targets-cloud")),
            row![
                field(
                    fl!("targets-sync-host"),
                    c.remote.as_deref().unwrap_or(""),
                    Message::SyncHost,
                    fl!("targets-sync-host-hint")
                )
                .width(iced::Length::Fill),
                field(
                    fl!("targets-tenant"),
                    &tenant,
                    Message::Tenant,
                    "contoso.onmicrosoft.com".into()
                )
                .width(iced::Length::Fill),
            ]
            .spacing(16),
            field(
                fl!("targets-graph-client"),
                self.settings
                    .tenant
                    .graph_client_id
                    .as_deref()
                    .unwrap_or(""),
                Message::GraphClient,
                fl!("targets-graph-client-hint")
            ),
            editable.then(|| self.cloud_sync_view()),
            self.sign_in_view(self.demo),
        ]
        .spacing(10);
        column![
            widget::title(fl!("targets-title"), fl!("targets-subtitle")),
            widget::card(directory),
            widget::card(self.grant_view()),
            widget::card(cloud),
        ]
        .spacing(size::GAP)
        .into()
    }
}

/// Whether `domain`'s root is granted: the whole forest, listed as a
/// target, or (no target listed) the domain signed in to.
fn domain_checked(grant: &perm::GrantOptions, domain: &ForestDomain) -> bool {
    grant.forest
        || grant
            .targets
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&domain.nc))
        || (grant.targets.is_empty() && domain.source == DcSource::Connected)
}

/// Ticks or unticks a domain's root: the roots ticked so far become
/// explicit targets (other targets, such as OUs, stay), then `nc` is added
/// or removed.
fn set_domain(grant: &mut perm::GrantOptions, listed: &[ForestDomain], nc: &str, on: bool) {
    let ticked: Vec<String> = listed
        .iter()
        .filter(|d| domain_checked(grant, d))
        .map(|d| d.nc.clone())
        .collect();
    let is_root = |t: &String| listed.iter().any(|d| d.nc.eq_ignore_ascii_case(t));
    let mut targets: Vec<String> = grant
        .targets
        .iter()
        .filter(|t| !is_root(t))
        .cloned()
        .collect();
    targets.extend(ticked.into_iter().filter(|t| !t.eq_ignore_ascii_case(nc)));
    if on {
        targets.push(nc.to_string());
    }
    grant.forest = false;
    grant.targets = targets;
}

impl State {
    /// The forest's domains: each with a check box and the DC it uses.
    fn domains_view(&self) -> Element<'_, Message> {
        let g = &self.settings.directory.grant;
        let mut col = column![text(fl!("targets-domains")).size(size::BODY)].spacing(6);
        match &self.domains {
            None if self.listing.busy() => {
                col = col.push(widget::small(fl!("targets-domains-listing")))
            }
            None => {}
            Some(Err(e)) => col = col.push(widget::error(crate::explain::task_error(e))),
            Some(Ok(list)) => {
                for d in list {
                    let nc = d.nc.clone();
                    let source = match d.source {
                        DcSource::Connected => fl!("targets-dc-connected"),
                        DcSource::Given => fl!("targets-dc-given"),
                        DcSource::Srv => fl!("targets-dc-srv"),
                        DcSource::DnsRoot => fl!("targets-dc-dns-root"),
                        DcSource::SrvRefused => fl!("targets-dc-srv-refused"),
                    };
                    col = col.push(
                        column![
                            crate::focus::focus(
                                checkbox(domain_checked(g, d))
                                    .label(format!("{} ({})", d.dns, d.netbios))
                                    .text_size(size::BODY)
                                    .on_toggle({
                                        let nc = nc.clone();
                                        move |on| Message::Domain(nc.clone(), on)
                                    }),
                                Some(Message::Domain(nc.clone(), !domain_checked(g, d))),
                            ),
                            row![
                                text("").width(26),
                                widget::small(fl!(
                                    "targets-domain-dc",
                                    server = d.server.as_str(),
                                    source = source
                                )),
                            ],
                        ]
                        .spacing(2),
                    );
                }
            }
        }
        col.push(widget::link(
            fl!("targets-domains-list"),
            (!self.listing.busy()).then_some(Message::ListDomains),
        ))
        .into()
    }

    /// What to grant: the targets (empty: the domain root) and the options.
    fn grant_view(&self) -> Element<'_, Message> {
        let g = &self.settings.directory.grant;
        let mut list = column![
            widget::heading(fl!("targets-grant")),
            widget::small(fl!("targets-grant-hint")),
        ]
        .spacing(8);
        if g.targets.is_empty() {
            list = list.push(widget::body(fl!("targets-root")));
        }
        for (i, dn) in g.targets.iter().enumerate() {
            list = list.push(
                row![
                    text(dn.clone()).size(size::BODY).width(iced::Length::Fill),
                    widget::link(fl!("targets-remove"), Some(Message::RemoveTarget(i))),
                ]
                .spacing(10)
                .align_y(iced::Alignment::Center),
            );
        }
        list = list.push(
            row![
                text_input("OU=Sync,DC=corp,DC=example", &self.new_target)
                    .on_input(Message::NewTarget)
                    .on_submit(Message::AddTarget)
                    .size(size::BODY)
                    .padding(8)
                    .style(crate::theme::text_input),
                widget::secondary(
                    fl!("targets-add"),
                    given(&self.new_target).map(|_| Message::AddTarget)
                ),
            ]
            .spacing(10),
        );
        list = list.push(self.domains_view());
        let option = |on: bool, label: String, message: fn(bool) -> Message| {
            crate::focus::focus(
                checkbox(on)
                    .label(label)
                    .text_size(size::BODY)
                    .on_toggle(message),
                Some(message(!on)),
            )
        };
        list = list
            .push(option(g.forest, fl!("targets-forest"), Message::Forest))
            .push(option(
                g.inetorgperson,
                fl!("targets-inetorgperson"),
                Message::InetOrgPerson,
            ))
            .push(option(
                g.include_adminsdholder,
                fl!("targets-adminsdholder"),
                Message::AdminSdHolder,
            ));
        if g.include_adminsdholder {
            list = list.push(widget::badge_line(
                widget::outcome(perm::Outcome::Warning),
                fl!("targets-adminsdholder-warning"),
            ));
        }
        list.into()
    }

    /// The tenant sign-in: buttons, the running sign-in with its code or
    /// address, or who is signed in.
    fn sign_in_view(&self, demo: bool) -> Element<'_, Message> {
        if demo {
            return widget::badge_line(
                widget::outcome(perm::Outcome::Ok),
                fl!(
                    "targets-signed-in",
                    user = crate::backend::demo::DEMO_TENANT_USER,
                    tenant = self.settings.tenant.id.clone().unwrap_or_default()
                ),
            );
        }
        if self.signing_in.busy() {
            return match &self.sign_in_step {
                Some(SignInProgress::DeviceCode { url, code, .. }) => column![
                    widget::body(fl!("targets-device-code", url = url.as_str())),
                    text(code.expose().to_string())
                        .size(size::HEADING)
                        .font(iced::Font::MONOSPACE),
                    row![
                        widget::primary(fl!("targets-open-link"), Some(Message::Open(url.clone()))),
                        widget::secondary(fl!("button-cancel"), Some(Message::CancelSignIn)),
                    ]
                    .spacing(10),
                ]
                .spacing(8)
                .into(),
                Some(SignInProgress::Browser { url }) => column![
                    widget::busy(fl!("targets-signing-in"), None, Some(Message::CancelSignIn)),
                    widget::small(fl!("targets-browser-fallback")),
                    widget::link(fl!("targets-open-link"), Some(Message::Open(url.clone()))),
                ]
                .spacing(6)
                .into(),
                _ => widget::busy(fl!("targets-signing-in"), None, Some(Message::CancelSignIn)),
            };
        }
        let mut area = column![].spacing(8);
        match &self.credentials.tenant {
            Some(signed) => {
                let user = signed.user.clone().unwrap_or_else(|| "—".into());
                area = area.push(
                    row![
                        widget::badge_line(
                            widget::outcome(perm::Outcome::Ok),
                            fl!(
                                "targets-signed-in",
                                user = user,
                                tenant = signed.session.config().tenant.as_str()
                            ),
                        ),
                        widget::link(fl!("targets-sign-out"), Some(Message::SignOut)),
                    ]
                    .spacing(10)
                    .align_y(iced::Alignment::Center),
                );
            }
            None => {
                area = area
                    .push(
                        row![
                            widget::secondary(
                                fl!("targets-sign-in"),
                                Some(Message::SignIn(Method::Browser))
                            ),
                            widget::secondary(
                                fl!("targets-sign-in-code"),
                                Some(Message::SignIn(Method::DeviceCode))
                            ),
                        ]
                        .spacing(10),
                    )
                    .push(widget::small(fl!("targets-sign-in-hint")));
            }
        }
        if let Some(e) = &self.sign_in_error {
            area = area.push(widget::error(crate::explain::tenant_error(e)));
        }
        area.into()
    }

    /// The Cloud Sync choice and, when chosen, the tenant administrator
    /// its cmdlet signs in as (the password is kept in memory only). Not in
    /// the demo: its Connect server is Entra Connect.
    fn cloud_sync_view(&self) -> Element<'_, Message> {
        let c = &self.settings.connect;
        let choice = crate::focus::focus(
            checkbox(c.cloud_sync)
                .label(fl!("targets-cloud-sync"))
                .text_size(size::BODY)
                .on_toggle(Message::CloudSync),
            Some(Message::CloudSync(!c.cloud_sync)),
        );
        if !c.cloud_sync {
            return choice;
        }
        let user = text_input(
            "admin@contoso.onmicrosoft.com",
            c.tenant_admin.as_deref().unwrap_or(""),
        )
        .on_input(Message::TenantAdmin)
        .size(size::BODY)
        .padding(8)
        .style(crate::theme::text_input);
        let password = text_input(
            &fl!("targets-password-hint"),
            self.credentials.tenant_admin_password.expose(),
        )
        .secure(true)
        .on_input(|v| Message::TenantAdminPassword(Secret::new(v)))
        .size(size::BODY)
        .padding(8)
        .style(crate::theme::text_input);
        column![
            choice,
            row![
                column![text(fl!("targets-tenant-admin")).size(size::BODY), user]
                    .spacing(4)
                    .width(iced::Length::Fill),
                column![text(fl!("targets-password")).size(size::BODY), password]
                    .spacing(4)
                    .width(iced::Length::Fill),
            ]
            .spacing(16),
        ]
        .spacing(8)
        .into()
    }
}
