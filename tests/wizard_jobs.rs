//! The pages' jobs (issue 16), on the demo organization paced as for
//! people (each directory operation waits, so a job can be caught part
//! way): Cancel before the write changes nothing and is no longer offered
//! once the write has been sent; a Find still running when the field is
//! edited does not overwrite the newer state.

mod support {
    pub mod pages;
}

use support::pages;

use iced::futures::StreamExt;
use iced_runtime::Action;
use pages::{Run, shows};
use writeback_wizard::backend::Directory;
use writeback_wizard::page::{Page, permissions, targets};
use writeback_wizard::profile::Settings;
use writeback_wizard::session::Env;
use writeback_wizard::task::permissions::Progress;

/// The messages of a task, one at a time.
type Stream<M> = iced::futures::stream::BoxStream<'static, Action<M>>;

fn stream<M: Send + 'static>(task: iced::Task<M>) -> Stream<M> {
    iced_runtime::task::into_stream(task).expect("a running task")
}

fn next<M>(run: &Run, s: &mut Stream<M>) -> Option<M> {
    loop {
        match run.rt.block_on(s.next())? {
            Action::Output(m) => return Some(m),
            _ => continue,
        }
    }
}

fn root_dacl(run: &Run) -> Vec<u8> {
    run.rt.block_on(async {
        let mut dir = run.env.directory().await.unwrap();
        let e = dir
            .search(
                writeback_wizard::backend::demo::DEMO_ROOT,
                writeback_wizard::backend::Scope::Base,
                "(objectClass=*)",
                &["nTSecurityDescriptor"],
                true,
            )
            .await
            .unwrap();
        e[0].first("nTSecurityDescriptor").unwrap().to_vec()
    })
}

#[test]
fn cancel_before_the_write_changes_nothing_and_is_not_offered_after() {
    writeback_wizard::localize::init(Some("en"));
    let dir = std::env::temp_dir().join(format!("wbw-jobs-{}", std::process::id()));
    let mut run = Run::new(Env::demo(false), &dir);
    let mut page = permissions::State::default();
    run.enter(&mut page);
    assert!(shows(page.view(&run.ctx()), "4 entries will be added:"));
    let before = root_dacl(&run);

    // Apply, caught at its first report (reading the target): Cancel is
    // offered; pressing it stops the job before anything is written.
    let (task, _) = page.update(permissions::Message::Apply, &run.ctx());
    let mut s = stream(task);
    let first = next(&run, &mut s).expect("a first report");
    let _ = page.update(first, &run.ctx());
    assert!(page.can_cancel(), "Cancel is not offered before the write");
    assert!(shows(page.view(&run.ctx()), "Cancel"));
    let _ = page.update(permissions::Message::Cancel, &run.ctx());
    drop(s);
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert_eq!(root_dacl(&run), before, "a cancelled Apply wrote");
    assert!(
        run.backups.trail.records().is_empty(),
        "a change was recorded"
    );

    // Apply again, up to the report that the write is sent: from then on
    // Cancel is not offered (and a Cancel message does nothing).
    let (task, _) = page.update(permissions::Message::Apply, &run.ctx());
    let mut s = stream(task);
    loop {
        let m = next(&run, &mut s).expect("the write is reported");
        let writing = matches!(
            &m,
            permissions::Message::Applied(job)
                if matches!(job.update, writeback_wizard::page::job::Update::Progress(Progress::Writing { .. }))
        );
        let _ = page.update(m, &run.ctx());
        if writing {
            break;
        }
    }
    assert!(
        !page.can_cancel(),
        "Cancel is offered after the write was sent"
    );
    assert!(!shows(page.view(&run.ctx()), "Cancel"));
    assert!(shows(
        page.view(&run.ctx()),
        "The change has been sent and can no longer be called back; its read-back follows."
    ));
    let _ = page.update(permissions::Message::Cancel, &run.ctx());
    while let Some(m) = next(&run, &mut s) {
        let _ = page.update(m, &run.ctx());
    }
    assert_ne!(root_dacl(&run), before, "the Apply did not finish");
    assert!(shows(
        page.view(&run.ctx()),
        "DC=contoso,DC=com: written and read back"
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_stale_find_result_is_dropped() {
    writeback_wizard::localize::init(Some("en"));
    let dir = std::env::temp_dir().join(format!("wbw-find-{}", std::process::id()));
    // A directory that refuses connections at once: Find answers with an
    // error, which is easy to see on the page.
    let mut settings = Settings::default();
    settings.directory.server = "ldaps://127.0.0.1:9".into();
    settings.directory.bind_user = "CORP\\admin".into();
    settings.directory.grant.connector_account = "MSOL_old".into();
    let mut run = Run::new(
        Env::real(
            settings.clone(),
            writeback_wizard::session::Credentials::default(),
        ),
        &dir,
    );
    let mut page = targets::State::default();
    let hint = "Find checks that the account exists, is unique and is enabled.";
    // Find runs for MSOL_old and its answer is already on its way (queued)
    // when the field is edited; then it arrives: dropped, the page shows
    // the state of the new name. (Editing also aborts a Find still
    // running, so most answers never arrive at all.)
    let (task, _) = page.update(targets::Message::Find, &run.ctx());
    let mut s = stream(task);
    let mut queued = Vec::new();
    while let Some(m) = next(&run, &mut s) {
        queued.push(m);
    }
    assert!(!queued.is_empty(), "the first Find answered");
    run.send(&mut page, targets::Message::Connector("MSOL_new".into()));
    for m in queued {
        let _ = page.update(m, &run.ctx());
    }
    assert!(
        shows(page.view(&run.ctx()), hint),
        "the stale Find's answer replaced the newer state"
    );
    // A Find for the new name is shown (here: the refused connection).
    run.send(&mut page, targets::Message::Find);
    assert!(
        !shows(page.view(&run.ctx()), hint),
        "the new Find was dropped"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
