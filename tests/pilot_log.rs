//! The pilot test at TRACE against the local Entra ID stand-in
//! (tests/support/fake_entra.rs; Entra ID cannot be reached from here): the
//! calls are logged, the generated password and the tokens never are. Its
//! own test binary, so that no other test's thread races the scoped
//! subscriber for tracing's callsite cache.

mod support {
    pub mod fake_entra;
    pub mod pilot;
}

use support::{fake_entra, pilot};

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use fake_entra::{FakeUser, Server};
use writeback_wizard::audit::Trail;
use writeback_wizard::backend::demo::DemoOrg;
use writeback_wizard::backend::entra::api::Api;
use writeback_wizard::backend::entra::pilot::{GraphPilot, RESET_SCOPE};
use writeback_wizard::backend::entra::signin;
use writeback_wizard::task::prove::{self, Cancel, Outcome};

use pilot::{BOB, BOB_DN, fast, runtime};

fn setup() -> (Server, DemoOrg) {
    let server = Server::start(fake_entra::Fake::default());
    server
        .lock()
        .users
        .push(FakeUser::synced(BOB, BOB_DN, "bob.nguyen"));
    let org = DemoOrg::new(Duration::ZERO);
    let target = org.clone();
    server.lock().on_reset = Some(Arc::new(move |u: &FakeUser, _pw: &str| {
        target.set_pwd_last_set(
            u.dn.as_deref().unwrap(),
            writeback_wizard::ad::filetime::filetime(SystemTime::now()),
        );
    }));
    (server, org)
}

async fn pilot_tenant(server: &Server) -> GraphPilot {
    let s = signin::device_code_for(&server.config(), &[RESET_SCOPE], &mut |_| {})
        .await
        .unwrap();
    GraphPilot::new(Api::new(Arc::new(s)), Some(fake_entra::ME.into()))
}

/// A writer that keeps everything tracing prints.
#[derive(Clone, Default)]
struct Capture(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn the_new_password_and_the_tokens_never_reach_the_log_at_trace() {
    let (server, org) = setup();
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let password = tracing::subscriber::with_default(subscriber, || {
        runtime().block_on(async {
            let mut tenant = pilot_tenant(&server).await;
            let mut dir = org.directory();
            let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
                .await
                .unwrap();
            let report = prove::run(
                &mut tenant,
                &mut dir,
                &pilot,
                &fast(),
                &Trail::new(None),
                &Cancel::new(),
                &mut |_| {},
            )
            .await
            .unwrap();
            assert_eq!(report.outcome, Outcome::Proven);
            // Debug of the report (as a careless log line would print it)
            // hides the password too.
            tracing::trace!(report = ?report, "report");
            report.new_password.unwrap().expose().to_string()
        })
    });
    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("resetPassword"), "the calls are logged: {log}");
    assert!(log.contains("pilot test"), "{log}");
    let secrets = server.lock().secrets.clone();
    assert!(secrets.contains(&password));
    for secret in secrets {
        assert!(!log.contains(&secret), "a secret reached the log");
    }
}
