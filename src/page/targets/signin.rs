//! The Targets page's cloud part: the Connect server (Entra Connect or
//! Cloud Sync and its tenant administrator), the tenant and its sign-in.

use iced::Task;
use iced::widget::{checkbox, column, row, text, text_input};

use super::{Message, State};
use crate::backend::Secret;
use crate::backend::entra::SignInConfig;
use crate::fl;
use crate::page::Context;
use crate::task::permissions as perm;
use crate::task::portal::{self, Method, SignInProgress};
use crate::widget::{self, Element, size};

impl State {
    /// Starts signing in to the tenant of the run's settings.
    pub(super) fn sign_in(&mut self, method: Method, ctx: &Context<'_>) -> Task<Message> {
        let tenant = &ctx.env.settings().tenant;
        let config = match SignInConfig::new(tenant.id.as_deref(), tenant.client_id.as_deref())
            .and_then(|c| c.with_redirect_uri(tenant.redirect_uri.as_deref()))
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

    /// The cloud card: Connect server, tenant, Graph's client, Cloud
    /// Sync and the sign-in.
    pub(super) fn cloud_view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let editable = !ctx.env.is_demo();
        let field = |label, value, on, hint| super::field(label, value, on, hint, editable);
        let s = ctx.env.settings();
        column![
            widget::heading(fl!("targets-cloud")),
            row![
                field(
                    fl!("targets-sync-host"),
                    s.connect.remote.as_deref().unwrap_or(""),
                    Message::SyncHost,
                    fl!("targets-sync-host-hint")
                )
                .width(iced::Length::Fill),
                field(
                    fl!("targets-tenant"),
                    s.tenant.id.as_deref().unwrap_or(""),
                    Message::Tenant,
                    "contoso.onmicrosoft.com".into()
                )
                .width(iced::Length::Fill),
            ]
            .spacing(16),
            field(
                fl!("targets-graph-client"),
                s.tenant.graph_client_id.as_deref().unwrap_or(""),
                Message::GraphClient,
                fl!("targets-graph-client-hint")
            ),
            editable.then(|| self.cloud_sync_view(ctx)),
            self.sign_in_view(ctx),
        ]
        .spacing(10)
        .into()
    }

    /// The tenant sign-in: buttons, the running sign-in with its code or
    /// address, or who is signed in.
    fn sign_in_view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        if ctx.env.is_demo() {
            return widget::badge_line(
                widget::outcome(perm::Outcome::Ok),
                fl!(
                    "targets-signed-in",
                    user = crate::backend::demo::DEMO_TENANT_USER,
                    tenant = ctx.env.settings().tenant.id.clone().unwrap_or_default()
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
        match &ctx.env.credentials().tenant {
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
    fn cloud_sync_view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let c = &ctx.env.settings().connect;
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
            ctx.env.credentials().tenant_admin_password.expose(),
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
