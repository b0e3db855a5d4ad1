//! Issue 25: the Verify page's "Every domain controller" card on the demo,
//! driven headlessly (iced_test): after the grant the table shows DC02
//! (site Branch, the Connect server's DC) behind and RODC01 read-only;
//! "Pull it now" asks first, then DC02 has it. The card as the demo shows
//! it is a golden PNG (`tests/snapshots/cards/07-verify-dcs.png`; the Verify
//! page's own screenshot shows the pilot test above it).

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use iced::futures::StreamExt;
use iced::{Size, Task};
use iced_runtime::Action;
use iced_test::Simulator;
use writeback_wizard::audit::{Action as AuditAction, Trail};
use writeback_wizard::backend::demo::DEMO_CONNECTOR;
use writeback_wizard::page::Context;
use writeback_wizard::page::dcs::{Message, State};
use writeback_wizard::profile::GrantOptions;
use writeback_wizard::session::{Backups, Env};
use writeback_wizard::task::permissions as perm;

const SIZE: Size = Size::new(1120.0, 400.0);

struct Card {
    state: State,
    env: Env,
    backups: Backups,
    rt: tokio::runtime::Runtime,
}

impl Card {
    fn run(&mut self, task: Task<Message>) {
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            return;
        };
        let actions: Vec<Action<Message>> = self.rt.block_on(stream.collect());
        for action in actions {
            if let Action::Output(m) = action {
                self.send(m);
            }
        }
    }

    fn send(&mut self, m: Message) {
        let ctx = Context {
            env: &self.env,
            backups: &self.backups,
        };
        let task = self.state.update(m, &ctx);
        self.run(task);
    }

    fn ui(&self) -> Simulator<'_, Message> {
        Simulator::with_size(iced::Settings::default(), SIZE, self.state.view())
    }

    fn shows(&self, label: &str) -> bool {
        self.ui().find(label).is_ok()
    }

    fn click(&mut self, label: &str) {
        let messages: Vec<Message> = {
            let mut ui = self.ui();
            ui.click(label)
                .unwrap_or_else(|e| panic!("click {label}: {e}"));
            ui.into_messages().collect()
        };
        for m in messages {
            self.send(m);
        }
    }
}

fn card() -> Card {
    writeback_wizard::localize::init(Some("en"));
    let env = Env::demo(true);
    env.fix_demo_clock(SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_000_000));
    let dir = std::env::temp_dir().join(format!("wbw-dcs-ui-{}", std::process::id()));
    let backups = Backups {
        dir: dir.join("backups"),
        trail: Trail::new(None).fixed_at(SystemTime::UNIX_EPOCH).demo(true),
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // The grant, as step 1 writes it on the demo's DC01.
    rt.block_on(async {
        let options = GrantOptions {
            connector_account: DEMO_CONNECTOR.into(),
            ..GrantOptions::default()
        };
        let mut dir = env.directory().await.unwrap();
        let discovery = perm::discover(&mut dir).await.unwrap();
        let plan = perm::plan(&mut dir, &discovery, &options, &mut |_| {})
            .await
            .unwrap();
        perm::apply(
            &mut dir,
            &plan,
            &options,
            "demo",
            &backups.dir,
            &backups.trail,
            &mut |_| {},
        )
        .await
        .unwrap();
    });
    let mut c = Card {
        state: State::default(),
        env,
        backups,
        rt,
    };
    let task = {
        let ctx = Context {
            env: &c.env,
            backups: &c.backups,
        };
        c.state.start(&ctx, true)
    };
    c.run(task);
    c
}

#[test]
fn the_card_shows_the_lagging_dc_and_pulls_it_after_asking() {
    let mut c = card();
    assert!(c.shows("dc02.contoso.com"));
    assert!(c.shows("rodc01.contoso.com"));
    assert!(c.shows("the Connect server writes here"));
    assert!(c.shows("read-only: never takes a password write"));
    assert!(c.shows("Not yet on: DC02"));
    assert!(c.shows(
        "The Connect server writes through its preferred domain controllers: dc02.contoso.com"
    ));

    // The demo's card, as a golden PNG.
    let golden =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/cards/07-verify-dcs.png");
    let scratch = std::env::temp_dir().join(format!("wbw-dcs-shot-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let snapshot = c.ui().snapshot(&writeback_wizard::theme::light()).unwrap();
    snapshot.matches_image(scratch.join("shot")).unwrap();
    let made = std::fs::read_dir(&scratch)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "png"))
        .expect("a PNG");
    if std::env::var_os("WRITEBACK_UPDATE_SNAPSHOTS").is_some() {
        std::fs::copy(&made, &golden).unwrap();
    } else {
        assert!(
            std::fs::read(&made).unwrap() == std::fs::read(&golden).unwrap_or_default(),
            "the DC card differs from {} (look at {}; WRITEBACK_UPDATE_SNAPSHOTS=1 accepts)",
            golden.display(),
            made.display()
        );
    }

    // Pull it now: asked first, then done and read again.
    c.click("Pull it now");
    assert!(c.shows("Ask dc02.contoso.com to replicate 1 object from dc01.contoso.com now?"));
    c.click("Yes, replicate now");
    assert!(
        c.shows("dc02.contoso.com was asked to replicate the change from dc01.contoso.com now.")
    );
    assert!(c.shows("Every domain controller has the change."));
    let records = c.backups.trail.records();
    assert!(
        records.iter().any(|r| r.action == AuditAction::Replicate),
        "the pull is recorded: {records:#?}"
    );
    let _ = std::fs::remove_dir_all(&scratch);
}
