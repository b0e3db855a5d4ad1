//! Targets & sign-in: the domain controller, the accounts, the Connect
//! server and the tenant. In the demo every field is filled in and fixed.

use iced::Task;
use iced::widget::{button, checkbox, column, row, text, text_input};

use super::job::{self, Update};
use crate::backend::Secret;
use crate::backend::cloudsync::TenantAdmin;
use crate::backend::entra::SignInConfig;
use crate::backend::ldap::ConnectOptions;
use crate::backend::sync::SyncState;
use crate::fl;
use crate::session::{Env, RealEnv};
use crate::task::permissions::{self as perm, Account, GrantOptions};
use crate::task::portal::{self, Method, SignInProgress, SignedIn};
use crate::widget::{self, Element, size};

/// Values for the page from a profile (no secrets).
#[derive(Clone, Debug, Default)]
pub struct Prefill {
    /// DC URL.
    pub server: String,
    /// CA file.
    pub ca_file: String,
    /// Bind account.
    pub bind_user: String,
    /// Connector account.
    pub connector: String,
    /// Entra Connect server ("" = this machine).
    pub sync_host: String,
    /// Tenant domain or id.
    pub tenant: String,
    /// Public client id ("" = the default).
    pub client_id: String,
    /// Cloud Sync's provisioning agent instead of Entra Connect.
    pub cloud_sync: bool,
    /// Cloud Sync's tenant administrator.
    pub tenant_admin: String,
}

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// `ldaps://…`.
    pub server: String,
    /// CA file path.
    pub ca_file: String,
    /// Bind account.
    pub bind_user: String,
    password: Secret,
    /// Connector account.
    pub connector: String,
    /// Connect server ("" = this machine).
    pub sync_host: String,
    /// Tenant.
    pub tenant: String,
    /// Public client id to sign in with ("" = the default).
    pub client_id: String,
    /// Step 2 on Cloud Sync's provisioning agent instead of Entra Connect.
    pub cloud_sync: bool,
    /// The tenant administrator Cloud Sync's cmdlet signs in as.
    pub tenant_admin: String,
    tenant_admin_password: Secret,
    found: Option<Result<Account, String>>,
    finding: Option<iced::task::Handle>,
    /// Reading the connector account from the Connect server.
    reading: Option<iced::task::Handle>,
    read_error: Option<String>,
    /// The tenant sign-in: done, running (its last report), or failed.
    signed_in: Option<SignedIn>,
    signing_in: Option<(Option<SignInProgress>, iced::task::Handle)>,
    sign_in_error: Option<String>,
}

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// A field changed.
    Server(String),
    /// A field changed.
    CaFile(String),
    /// A field changed.
    BindUser(String),
    /// A field changed.
    Password(Secret),
    /// A field changed.
    Connector(String),
    /// A field changed.
    SyncHost(String),
    /// A field changed.
    Tenant(String),
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
    SignInJob(Update<SignInProgress, SignedIn>),
    /// Forget the tenant session.
    SignOut,
    /// Open an address in the browser.
    Open(String),
    /// Read the connector account from the Connect server.
    ReadConnector,
    /// The Connect server answered.
    ConnectorRead(Update<crate::task::sync::Progress, SyncState>),
    /// Choose the CA file in a file dialog.
    BrowseCaFile,
    /// The dialog closed.
    CaFilePicked(Option<String>),
    /// Look the connector account up.
    Find,
    /// The lookup ended.
    Found(Update<perm::Progress, Account>),
}

impl State {
    /// The demo's fixed values.
    pub fn demo() -> State {
        State {
            server: "demo://dc01.contoso.com".into(),
            ca_file: String::new(),
            bind_user: "CONTOSO\\helpdesk-admin".into(),
            password: Secret::new("demo"),
            connector: crate::backend::demo::DEMO_CONNECTOR.into(),
            sync_host: "aadc01.contoso.com".into(),
            tenant: "contoso.onmicrosoft.com".into(),
            ..State::default()
        }
    }

    /// The page filled in from a profile.
    pub fn prefilled(p: Prefill) -> State {
        State {
            server: p.server,
            ca_file: p.ca_file,
            bind_user: p.bind_user,
            connector: p.connector,
            sync_host: p.sync_host,
            tenant: p.tenant,
            client_id: p.client_id,
            cloud_sync: p.cloud_sync,
            tenant_admin: p.tenant_admin,
            ..State::default()
        }
    }

    /// Whether Next may be pressed.
    pub fn can_continue(&self, demo: bool) -> bool {
        demo || (!self.server.trim().is_empty()
            && !self.bind_user.trim().is_empty()
            && !self.password.expose().is_empty()
            && !self.connector.trim().is_empty()
            && (!self.cloud_sync
                || (!self.tenant_admin.trim().is_empty()
                    && !self.tenant_admin_password.expose().is_empty())))
    }

    /// The real backends these fields describe.
    pub fn real_env(&self) -> Env {
        Env::Real(Box::new(RealEnv {
            connect: ConnectOptions {
                url: self.server.trim().to_string(),
                starttls: false,
                ca_file: (!self.ca_file.trim().is_empty()).then(|| self.ca_file.trim().into()),
                insecure_plaintext: false,
                bind_user: self.bind_user.trim().to_string(),
                password: self.password.clone(),
                timeout: std::time::Duration::from_secs(30),
            },
            grant: GrantOptions {
                connector_account: self.connector.trim().to_string(),
                ..GrantOptions::default()
            },
            sync: crate::backend::powershell::PowerShellOptions {
                remote: (!self.sync_host.trim().is_empty()).then(|| self.sync_host.trim().into()),
                timeout: std::time::Duration::from_secs(120),
            },
            tenant: self.signed_in.clone(),
            cloud_sync: self.cloud_sync.then(|| TenantAdmin {
                user: self.tenant_admin.trim().to_string(),
                password: self.tenant_admin_password.clone(),
            }),
        }))
    }

    /// Whether the tenant is signed in (always, in the demo).
    pub fn signed_in(&self, demo: bool) -> bool {
        demo || self.signed_in.is_some()
    }

    fn sign_in(&mut self, method: Method) -> Task<Message> {
        let config = match SignInConfig::new(Some(&self.tenant), Some(&self.client_id)) {
            Ok(c) => c,
            Err(e) => {
                self.sign_in_error = Some(crate::explain::tenant_error(&e));
                return Task::none();
            }
        };
        let (task, handle) = job::spawn(move |mut report| async move {
            let mut open = crate::backend::entra::signin::system_browser;
            portal::sign_in(&config, method, &mut open, &mut *report)
                .await
                .map_err(|e| crate::explain::tenant_error(&e))
        });
        self.signing_in = Some((None, handle));
        self.sign_in_error = None;
        task.map(Message::SignInJob)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, env: &Env) -> Task<Message> {
        match message {
            Message::Server(v) => self.server = v,
            Message::CaFile(v) => self.ca_file = v,
            Message::BrowseCaFile => {
                let title = fl!("targets-ca-file");
                return Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_title(title)
                            .add_filter("PEM", &["pem", "crt", "cer"])
                            .pick_file()
                            .await
                            .map(|f| f.path().display().to_string())
                    },
                    Message::CaFilePicked,
                );
            }
            Message::CaFilePicked(path) => {
                if let Some(path) = path {
                    self.ca_file = path;
                }
            }
            Message::BindUser(v) => self.bind_user = v,
            Message::Password(v) => self.password = v,
            Message::Connector(v) => {
                self.connector = v;
                self.found = None;
            }
            Message::SyncHost(v) => self.sync_host = v,
            Message::Tenant(v) => {
                self.tenant = v;
                self.signed_in = None;
            }
            Message::CloudSync(on) => self.cloud_sync = on,
            Message::TenantAdmin(v) => self.tenant_admin = v,
            Message::TenantAdminPassword(v) => self.tenant_admin_password = v,
            Message::SignIn(method) => return self.sign_in(method),
            Message::CancelSignIn => self.signing_in = None,
            Message::SignInJob(Update::Progress(p)) => {
                if let Some((last, _)) = &mut self.signing_in {
                    *last = Some(p);
                }
            }
            Message::SignInJob(Update::Finished(result)) => {
                self.signing_in = None;
                match result {
                    Ok(signed) => self.signed_in = Some(signed),
                    Err(e) => self.sign_in_error = Some(e),
                }
            }
            Message::SignOut => self.signed_in = None,
            Message::Open(url) => {
                if let Err(e) = open::that_detached(&url) {
                    tracing::warn!(error = %e, "could not open the browser");
                }
            }
            Message::ReadConnector => {
                let mut server = self.real_env().sync_server();
                let (task, handle) = job::spawn(move |_report| async move {
                    crate::task::sync::status(&mut server)
                        .await
                        .map_err(|e| crate::explain::sync_error(&e))
                });
                self.reading = Some(handle);
                self.read_error = None;
                return task.map(Message::ConnectorRead);
            }
            Message::ConnectorRead(Update::Progress(_)) => {}
            Message::ConnectorRead(Update::Finished(result)) => {
                self.reading = None;
                match result {
                    Ok(state) if !state.ad_connector_account.is_empty() => {
                        self.connector = state.ad_connector_account;
                        self.found = None;
                    }
                    Ok(_) => self.read_error = Some(fl!("targets-read-connector-none")),
                    Err(e) => self.read_error = Some(e),
                }
            }
            Message::Find => {
                let env = if env.is_demo() {
                    env.clone()
                } else {
                    self.real_env()
                };
                let name = self.connector.clone();
                let (task, handle) = job::spawn(move |_report| async move {
                    let mut dir = env
                        .directory()
                        .await
                        .map_err(|e| crate::explain::directory_error(&e))?;
                    let discovery = perm::discover(&mut dir)
                        .await
                        .map_err(|e| crate::explain::task_error(&e))?;
                    perm::find_account(&mut dir, &discovery, &name)
                        .await
                        .map_err(|e| crate::explain::task_error(&e))
                });
                self.finding = Some(handle);
                return task.map(Message::Found);
            }
            Message::Found(Update::Finished(result)) => {
                self.finding = None;
                self.found = Some(result);
            }
            Message::Found(Update::Progress(_)) => {}
        }
        Task::none()
    }

    /// The page's view.
    pub fn view(&self, demo: bool) -> Element<'_, Message> {
        let field = |label: String, value: &str, on: fn(String) -> Message, hint: String| {
            let input = text_input(&hint, value).size(size::BODY).padding(8);
            let input = if demo { input } else { input.on_input(on) };
            column![text(label).size(size::BODY), input].spacing(4)
        };
        let password = {
            let input = text_input(&fl!("targets-password-hint"), self.password.expose())
                .secure(true)
                .size(size::BODY)
                .padding(8);
            let input = if demo {
                input
            } else {
                input.on_input(|v| Message::Password(Secret::new(v)))
            };
            column![text(fl!("targets-password")).size(size::BODY), input].spacing(4)
        };
        let find_label = if self.finding.is_some() {
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
            Some(Err(e)) => widget::error(e.clone()),
        };
        let directory = column![
            widget::heading(fl!("targets-directory")),
            field(
                fl!("targets-server"),
                &self.server,
                Message::Server,
                "ldaps://dc01.corp.example".into()
            ),
            row![
                field(
                    fl!("targets-ca-file"),
                    &self.ca_file,
                    Message::CaFile,
                    fl!("targets-ca-file-hint")
                )
                .width(iced::Length::Fill),
                button(text(fl!("targets-browse")).size(size::BODY))
                    .on_press_maybe((!demo).then_some(Message::BrowseCaFile))
                    .style(button::secondary)
                    .padding([8, 16]),
            ]
            .spacing(10)
            .align_y(iced::Alignment::End),
            field(
                fl!("targets-bind-user"),
                &self.bind_user,
                Message::BindUser,
                "CORP\\admin".into()
            ),
            password,
            row![
                field(
                    fl!("targets-connector"),
                    &self.connector,
                    Message::Connector,
                    "MSOL_…".into()
                )
                .width(iced::Length::Fill),
                button(text(find_label).size(size::BODY))
                    .on_press_maybe(self.finding.is_none().then_some(Message::Find))
                    .padding([8, 16]),
                button(text(fl!("targets-read-connector")).size(size::BODY))
                    .on_press_maybe(
                        (!demo && self.reading.is_none()).then_some(Message::ReadConnector)
                    )
                    .style(button::secondary)
                    .padding([8, 16]),
            ]
            .spacing(10)
            .align_y(iced::Alignment::End),
            found,
        ]
        .spacing(10);
        let directory = match &self.read_error {
            Some(e) => directory.push(widget::error(e.clone())),
            None => directory,
        };
        let cloud = column![
            widget::heading(fl!("targets-cloud")),
            row![
                field(
                    fl!("targets-sync-host"),
                    &self.sync_host,
                    Message::SyncHost,
                    fl!("targets-sync-host-hint")
                )
                .width(iced::Length::Fill),
                field(
                    fl!("targets-tenant"),
                    &self.tenant,
                    Message::Tenant,
                    "contoso.onmicrosoft.com".into()
                )
                .width(iced::Length::Fill),
            ]
            .spacing(16),
            (!demo).then(|| self.cloud_sync_view()),
            self.sign_in_view(demo),
        ]
        .spacing(10);
        column![
            widget::title(fl!("targets-title"), fl!("targets-subtitle")),
            widget::card(directory),
            widget::card(cloud),
        ]
        .spacing(size::GAP)
        .into()
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
                    tenant = self.tenant.as_str()
                ),
            );
        }
        if let Some((report, _)) = &self.signing_in {
            return match report {
                Some(SignInProgress::DeviceCode { url, code, .. }) => column![
                    widget::body(fl!("targets-device-code", url = url.as_str())),
                    text(code.expose().to_string())
                        .size(size::HEADING)
                        .font(iced::Font::MONOSPACE),
                    row![
                        button(text(fl!("targets-open-link")).size(size::BODY))
                            .on_press(Message::Open(url.clone()))
                            .padding([8, 16]),
                        button(text(fl!("button-cancel")).size(size::BODY))
                            .on_press(Message::CancelSignIn)
                            .style(button::secondary)
                            .padding([8, 16]),
                    ]
                    .spacing(10),
                ]
                .spacing(8)
                .into(),
                Some(SignInProgress::Browser { url }) => column![
                    widget::busy(fl!("targets-signing-in"), None, Message::CancelSignIn),
                    widget::small(fl!("targets-browser-fallback")),
                    button(text(fl!("targets-open-link")).size(size::SMALL))
                        .on_press(Message::Open(url.clone()))
                        .style(button::text),
                ]
                .spacing(6)
                .into(),
                _ => widget::busy(fl!("targets-signing-in"), None, Message::CancelSignIn),
            };
        }
        let mut area = column![].spacing(8);
        match &self.signed_in {
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
                        button(text(fl!("targets-sign-out")).size(size::SMALL))
                            .on_press(Message::SignOut)
                            .style(button::text),
                    ]
                    .spacing(10)
                    .align_y(iced::Alignment::Center),
                );
            }
            None => {
                area = area
                    .push(
                        row![
                            button(text(fl!("targets-sign-in")).size(size::BODY))
                                .on_press(Message::SignIn(Method::Browser))
                                .padding([8, 16]),
                            button(text(fl!("targets-sign-in-code")).size(size::BODY))
                                .on_press(Message::SignIn(Method::DeviceCode))
                                .style(button::secondary)
                                .padding([8, 16]),
                        ]
                        .spacing(10),
                    )
                    .push(widget::small(fl!("targets-sign-in-hint")));
            }
        }
        if let Some(e) = &self.sign_in_error {
            area = area.push(widget::error(e.clone()));
        }
        area.into()
    }

    /// The Cloud Sync choice and, when chosen, the tenant administrator
    /// its cmdlet signs in as (the password is kept in memory only). Not in
    /// the demo: its Connect server is Entra Connect.
    fn cloud_sync_view(&self) -> Element<'_, Message> {
        let choice = checkbox(self.cloud_sync)
            .label(fl!("targets-cloud-sync"))
            .text_size(size::BODY)
            .on_toggle(Message::CloudSync);
        if !self.cloud_sync {
            return choice.into();
        }
        let user = text_input("admin@contoso.onmicrosoft.com", &self.tenant_admin)
            .on_input(Message::TenantAdmin)
            .size(size::BODY)
            .padding(8);
        let password = text_input(
            &fl!("targets-password-hint"),
            self.tenant_admin_password.expose(),
        )
        .secure(true)
        .on_input(|v| Message::TenantAdminPassword(Secret::new(v)))
        .size(size::BODY)
        .padding(8);
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
