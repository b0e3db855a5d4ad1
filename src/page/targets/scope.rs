//! The Targets page's grant scope: the targets (empty: the domain root),
//! the forest's domains with the DC each is reached through, and the
//! grant's options.

use iced::Task;
use iced::widget::{checkbox, column, row, text, text_input};

use super::{Message, State};
use crate::backend::{DcSource, ForestDomain};
use crate::fl;
use crate::page::Context;
use crate::profile::{GrantOptions, given};
use crate::task::permissions as perm;
use crate::widget::{self, Element, size};

/// Whether `domain`'s root is granted: the whole forest, listed as a
/// target, or (no target listed) the domain signed in to.
fn domain_checked(grant: &GrantOptions, domain: &ForestDomain) -> bool {
    grant.forest
        || grant
            .targets
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&domain.nc))
        || (grant.targets.is_empty() && domain.source == DcSource::Connected)
}

/// The targets after ticking or unticking a domain's root: the roots
/// ticked so far become explicit targets (other targets, such as OUs,
/// stay), then `nc` is added or removed.
pub(super) fn domain_roots(
    grant: &GrantOptions,
    listed: &[ForestDomain],
    nc: &str,
    on: bool,
) -> Vec<String> {
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
    targets
}

impl State {
    /// Lists the forest's domains (and the DC each uses).
    pub(super) fn list_domains(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let env = ctx.env.clone();
        let servers = ctx.env.settings().directory.grant.domain_servers.clone();
        self.domains = None;
        self.listing
            .spawn(move |_report| async move {
                let mut dir = env.directory().await?;
                perm::forest_domains(&mut dir, &servers).await
            })
            .map(Message::Domains)
    }

    /// The forest's domains: each with a check box and the DC it uses.
    fn domains_view(&self, g: &GrantOptions) -> Element<'_, Message> {
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
    pub(super) fn grant_view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let g = &ctx.env.settings().directory.grant;
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
        list = list.push(self.domains_view(g));
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
}
