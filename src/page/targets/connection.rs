//! The Targets page's connection part: the domain controller, TLS, the
//! account that signs in and the connector account (Find, and read from
//! the Connect server).

use iced::Task;
use iced::widget::{checkbox, column, row, text, text_input};

use super::{Message, State};
use crate::backend::Secret;
use crate::fl;
use crate::page::Context;
use crate::task::permissions as perm;
use crate::widget::{self, Element, size};

/// Opens the file dialog for the CA file.
pub(super) fn browse_ca_file() -> Task<Message> {
    let title = fl!("targets-ca-file");
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .set_title(title)
                .add_filter("PEM", &["pem", "crt", "cer"])
                .pick_file()
                .await
                .map(|f| f.path().display().to_string())
        },
        Message::CaFilePicked,
    )
}

impl State {
    /// Reads the connector account from the Connect server.
    pub(super) fn read_connector(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let mut server = ctx.env.sync_server();
        self.read_error = None;
        self.reading
            .spawn(move |_report| async move { crate::task::sync::status(&mut server).await })
            .map(Message::ConnectorRead)
    }

    /// Looks the connector account up in the directory.
    pub(super) fn find(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let env = ctx.env.clone();
        let name = ctx.env.settings().directory.grant.connector_account.clone();
        self.found = None;
        self.finding
            .spawn(move |_report| async move {
                let mut dir = env.directory().await?;
                let discovery = perm::discover(&mut dir).await?;
                perm::find_account(&mut dir, &discovery, &name).await
            })
            .map(Message::Found)
    }

    /// The directory card: DC, TLS, CA file, accounts.
    pub(super) fn connection_view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let editable = !ctx.env.is_demo();
        let field = |label, value, on, hint| super::field(label, value, on, hint, editable);
        let d = &ctx.env.settings().directory;
        let password = {
            let input = text_input(
                &fl!("targets-password-hint"),
                ctx.env.credentials().password.expose(),
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
        directory.into()
    }
}
