//! The diagnostics log of `writeback-wizard check` against the Samba AD DC
//! of `tests/support/samba-dc.sh` (issue 18): at TRACE it names the server
//! and each LDAP operation (base, scope, filter, controls, result code,
//! entries, time), and never a bind password. Ignored by a plain
//! `cargo test`; `tests/run.sh` runs it with the DC (WRITEBACK_TEST_DC_ENV).
//! `check` changes nothing on the DC.

mod support {
    pub mod dc;
}

use support::dc;

use dc::*;

/// Every log file's text in the lab's data directory.
fn log_text(lab: &Lab) -> String {
    let dir = lab.data_dir.join("logs");
    let mut text = String::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    text
}

#[test]
#[ignore = "needs the Samba DC"]
fn check_logs_the_server_and_ldap_operations_but_no_password() {
    let mut lab = Lab::start("diaglog");
    let connector = lab.create_user("wbd", None);
    // A second account signs in too: its fresh password is a canary no
    // other run knows.
    let other = lab.create_user("wbo", None);
    let admin = lab.admin_conn(&connector.name);
    let run = lab.wizard(&["-vv", "check", "--json"], &admin);
    assert!(matches!(run.code, 0 | 3), "{}", run.show());
    let as_other = Conn {
        bind_user: other.dn.clone(),
        password: other.password.clone(),
        ..admin.clone()
    };
    let run = lab.wizard(&["-vv", "check", "--json"], &as_other);
    assert!(matches!(run.code, 0 | 1 | 3), "{}", run.show());

    let log = log_text(&lab);
    let server = &lab.dc.ldaps_url;
    assert!(log.contains(&format!("server=\"{server}\"")), "{log}");
    for wanted in [
        "op=\"bind\"",
        "op=\"search\"",
        "op=\"search-paged\"",
        "controls=\"sd-flags(DACL)\"",
        "scope=\"base\"",
        "rc=0",
        "entries=",
        "elapsed_ms=",
        "command{name=\"check\" demo=false}",
    ] {
        assert!(log.contains(wanted), "{wanted} is not in the log:\n{log}");
    }
    assert!(log.contains(&lab.dc.base_dn), "{log}");
    for secret in [&admin.password, &other.password] {
        assert!(
            !log.contains(secret.as_str()),
            "a bind password is in the log"
        );
    }
    // The password also never reaches standard error (where -vv echoes).
    assert!(!run.stderr.contains(other.password.as_str()));
}
