//! The Permissions page's `update`: message in, phase and event out, on
//! the demo organization.

use super::*;
use crate::page::testing::Run;

/// A finished report of the page's running job.
fn finished<T>(page: &State, result: Result<T, TaskError>) -> Job<Progress, T, TaskError> {
    Job {
        run: page.job.run(),
        update: Update::Finished(result),
    }
}

fn planned(run: &Run) -> State {
    let mut page = State::default();
    assert!(run.enter(&mut page).is_empty());
    assert!(
        matches!(&page.phase, Phase::Planned { plan, interrupted: false } if !plan.is_noop()),
        "{:?}",
        page.phase
    );
    page
}

#[test]
fn arriving_plans_and_waits_for_apply() {
    let run = Run::demo();
    let page = planned(&run);
    assert_eq!(page.status(&run.ctx()), Status::Pending);
    assert!(!page.can_continue(&run.ctx()));
    assert!(page.can_apply() && !page.can_undo());
}

#[test]
fn apply_grants_then_undo_undoes_and_plans_again() {
    let run = Run::demo();
    let mut page = planned(&run);
    assert_eq!(run.send(&mut page, Message::Apply), [Event::Granted]);
    assert!(
        matches!(page.phase, Phase::Applied { .. }),
        "{:?}",
        page.phase
    );
    assert_eq!(page.status(&run.ctx()), Status::Done);
    assert!(page.can_continue(&run.ctx()));
    assert!(!page.can_apply() && page.can_undo());
    assert!(
        !run.backups.trail.records().is_empty(),
        "the grant is recorded"
    );

    assert_eq!(run.send(&mut page, Message::Undo), [Event::Undone]);
    assert!(
        matches!(&page.phase, Phase::Planned { plan, interrupted: false } if !plan.is_noop()),
        "{:?}",
        page.phase
    );
    assert!(page.undone.is_some());
    assert!(!page.can_continue(&run.ctx()));
}

#[test]
fn a_granted_plan_needs_nothing_and_lets_next_pass() {
    let run = Run::demo();
    let mut page = planned(&run);
    run.send(&mut page, Message::Apply);
    // A second visit of the page, on the same settings, keeps the result;
    // a new page plans nothing left to write.
    assert!(run.enter(&mut page).is_empty());
    assert!(matches!(page.phase, Phase::Applied { .. }));
    let mut again = State::default();
    run.enter(&mut again);
    assert!(matches!(&again.phase, Phase::Planned { plan, .. } if plan.is_noop()));
    assert_eq!(again.status(&run.ctx()), Status::Done);
    assert!(again.can_continue(&run.ctx()) && !again.can_apply());
}

#[test]
fn cancel_before_the_write_leaves_the_plan_interrupted() {
    let run = Run::demo();
    let mut page = planned(&run);
    let (_task, event) = page.update(Message::Apply, &run.ctx());
    assert!(event.is_none());
    assert!(matches!(page.phase, Phase::Applying { sent: false, .. }));
    assert_eq!(page.status(&run.ctx()), Status::Running);
    assert!(page.can_cancel());
    let (_, event) = page.update(Message::Cancel, &run.ctx());
    assert!(event.is_none());
    assert!(
        matches!(
            page.phase,
            Phase::Planned {
                interrupted: true,
                ..
            }
        ),
        "{:?}",
        page.phase
    );
    // It may have written: Undo is offered, and Apply again.
    assert!(page.can_undo() && page.can_apply());
    assert_eq!(page.status(&run.ctx()), Status::Pending);
}

#[test]
fn after_the_write_is_sent_cancel_does_nothing() {
    let run = Run::demo();
    let mut page = planned(&run);
    let _task = page.update(Message::Apply, &run.ctx());
    let sent = Job {
        run: page.job.run(),
        update: Update::Progress(Progress::Writing {
            dn: crate::backend::demo::DEMO_ROOT.to_string(),
        }),
    };
    let _ = page.update(Message::Applied(sent), &run.ctx());
    assert!(matches!(page.phase, Phase::Applying { sent: true, .. }));
    assert!(!page.can_cancel());
    let _ = page.update(Message::Cancel, &run.ctx());
    assert!(matches!(page.phase, Phase::Applying { sent: true, .. }));
}

#[test]
fn a_failed_apply_is_interrupted_and_keeps_its_plan() {
    let run = Run::demo();
    let mut page = planned(&run);
    let _task = page.update(Message::Apply, &run.ctx());
    let failed = finished(&page, Err(TaskError::AccountNotFound("x".into())));
    let (_, event) = page.update(Message::Applied(failed), &run.ctx());
    assert!(event.is_none());
    assert!(
        matches!(
            &page.phase,
            Phase::Failed {
                plan: Some(_),
                interrupted: true,
                ..
            }
        ),
        "{:?}",
        page.phase
    );
    assert_eq!(page.status(&run.ctx()), Status::Failed);
    assert!(!page.can_continue(&run.ctx()));
    assert!(page.can_undo() && page.can_apply());
}

#[test]
fn a_failed_plan_is_planned_again_on_arrival() {
    let run = Run::demo();
    let mut page = State::default();
    let _task = page.on_enter(&run.ctx());
    let failed = finished(&page, Err(TaskError::AccountNotFound("x".into())));
    let _ = page.update(Message::Planned(failed), &run.ctx());
    assert!(matches!(
        page.phase,
        Phase::Failed {
            plan: None,
            interrupted: false,
            ..
        }
    ));
    assert!(!page.can_undo() && !page.can_apply());
    run.enter(&mut page);
    assert!(
        matches!(page.phase, Phase::Planned { .. }),
        "{:?}",
        page.phase
    );
}

#[test]
fn a_stale_report_changes_nothing() {
    let run = Run::demo();
    let mut page = planned(&run);
    let stale = Job {
        run: page.job.run() + 7,
        update: Update::Finished(Ok(Vec::new())),
    };
    let (_, event) = page.update(Message::Applied(stale), &run.ctx());
    assert!(event.is_none());
    assert!(matches!(page.phase, Phase::Planned { .. }));
}
