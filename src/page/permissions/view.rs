//! The Permissions page's view: the plan per target (plain language and
//! SDDL), progress, the read-back result, the last Undo, the buttons.

use iced::widget::{column, row};

use super::{Message, Phase, State};
use crate::ad::Sid;
use crate::page::Context;
use crate::task::permissions as perm;
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// The page.
pub fn page<'a>(state: &'a State, ctx: &Context<'_>) -> Element<'a, Message> {
    let mut page = column![widget::title(
        fl!("permissions-title"),
        subtitle(state, ctx)
    )]
    .spacing(size::GAP);
    let busy = match &state.phase {
        Phase::Failed { error, .. } => {
            page = page.push(widget::error(explain::task_error(error)));
            None
        }
        Phase::Applied {
            audit_failure: Some(failure),
            ..
        } => {
            page = page.push(widget::error(fl!("audit-error", reason = failure.clone())));
            None
        }
        Phase::Planning { .. } => Some(fl!("permissions-planning")),
        Phase::Applying { .. } => Some(fl!("permissions-applying")),
        Phase::Undoing { .. } => Some(fl!("permissions-undoing")),
        _ => None,
    };
    if let Some(label) = busy {
        page = page.push(widget::busy(
            label,
            None,
            state.can_cancel().then_some(Message::Cancel),
        ));
    }
    if let Some(plan) = state.phase.plan() {
        let account = plan.account.clone();
        let name = move |sid: &Sid| {
            if sid.to_string() == account.sid {
                account.sam_account_name.clone()
            } else {
                explain::well_known_trustee(sid)
            }
        };
        for t in &plan.targets {
            let mut card = column![widget::dn_heading(&t.dn)].spacing(8);
            if state.applied().is_some() {
                card = card.push(widget::badge_line(
                    widget::outcome(perm::Outcome::Ok),
                    fl!("permissions-applied-line", count = t.added.len()),
                ));
            } else if t.added.is_empty() {
                card = card.push(widget::badge_line(
                    widget::outcome(perm::Outcome::Ok),
                    fl!("permissions-already-granted", dn = t.dn.as_str()),
                ));
            } else {
                card = card.push(widget::body(fl!(
                    "permissions-will-add",
                    count = t.added.len()
                )));
            }
            if !t.added.is_empty() {
                for ace in &t.added {
                    card = card.push(widget::body(format!(
                        "  + {}",
                        explain::ace_line(ace, &name)
                    )));
                }
                card = card.push(widget::small(fl!("permissions-sddl-added")));
                // One entry per line; a long one wraps between its
                // fields, never inside a GUID or SID.
                for ace in &t.added {
                    if let Some(s) = crate::ad::sddl::format_ace(ace, None) {
                        card = card.push(widget::breakable(&format!("+ {s}"), ';'));
                    }
                }
            }
            page = page.push(widget::card(card));
        }
    }
    if let Some(results) = state.applied() {
        let mut card = column![widget::heading(fl!("permissions-result"))].spacing(8);
        for r in results {
            card = card.push(widget::badge_line(
                widget::outcome(perm::Outcome::Ok),
                fl!("permissions-read-back", dn = r.dn.as_str()),
            ));
            if let Some(b) = &r.backup {
                card = card.push(widget::small(fl!(
                    "permissions-backup",
                    path =
                        crate::runbook::text::backup(&b.display().to_string(), ctx.env.is_demo())
                )));
            }
        }
        card = card.push(widget::small(fl!("permissions-propagation")));
        page = page.push(widget::card(card));
    }
    if let Some(results) = &state.undone {
        let mut card = column![widget::heading(fl!("permissions-undone"))].spacing(8);
        for r in results {
            card = card.push(widget::body(fl!(
                "permissions-rolled-back",
                dn = r.dn.as_str(),
                count = r.removed.len()
            )));
        }
        page = page.push(widget::card(card));
    }
    let has_sddl = state.phase.plan().is_some_and(|p| !p.is_noop());
    let copy = if state.copied {
        fl!("copied-sddl")
    } else {
        fl!("button-copy-sddl")
    };
    page = page.push(
        row![
            widget::primary(
                fl!("permissions-apply"),
                state.can_apply().then_some(Message::Apply)
            ),
            widget::secondary(
                fl!("permissions-undo"),
                state.can_undo().then_some(Message::Undo),
            ),
            widget::secondary(copy, has_sddl.then_some(Message::CopySddl)),
        ]
        .spacing(10),
    );
    page.into()
}

/// What the subtitle names: the objects the plan grants on (the
/// domain roots, or the targets chosen), else the settings' targets.
fn subtitle(state: &State, ctx: &Context<'_>) -> String {
    let targets: Vec<String> = match state.phase.plan() {
        Some(plan) => plan.targets.iter().map(|t| t.dn.clone()).collect(),
        None => ctx.env.settings().directory.grant.targets.clone(),
    };
    if targets.is_empty() {
        fl!("permissions-subtitle")
    } else {
        fl!(
            "permissions-subtitle-targets",
            count = targets.len(),
            targets = targets.join("; ")
        )
    }
}
