//! `writeback-wizard check|grant|verify|rollback` (and the step-1 library)
//! against a real Samba AD DC: the one `tests/support/samba-dc.sh` runs on
//! loopback. Its settings come from the file named by WRITEBACK_TEST_DC_ENV
//! (`$SDC_DIR/connection.env`). The tests are ignored by a plain
//! `cargo test`; `tests/run.sh` runs them with `--include-ignored`, and
//! they fail when the DC's settings are missing.
//!
//! Every test makes its own uniquely named accounts and removes them (and
//! any ACE naming them) when it ends. The tests share the domain root, and
//! one of them stops the DC, so they run one at a time (a global lock).
//!
//! The grant is proved, not just read back: signed in as the connector
//! account, a password reset of another user (replace unicodePwd over
//! LDAPS) fails with insufficientAccessRights (50) before and succeeds
//! after, and so do writes of lockoutTime and pwdLastSet.

mod support {
    pub mod dc;
}

use support::dc;

use dc::*;
use writeback_wizard::ad::grant::{GrantState, Reach, WritebackGrant, remove_aces};
use writeback_wizard::ad::{Ace, Sid, sddl};
use writeback_wizard::audit::Trail;
use writeback_wizard::backend::{Directory, DirectoryError};
use writeback_wizard::profile::GrantOptions;
use writeback_wizard::task::permissions::{self as perm, Progress, TaskError};

/// The ACEs the grant adds on the root of this DC: A1–A4 (Samba's root
/// already gives Unexpire password, A5, to Authenticated Users).
fn descendant_aces(sid: Sid) -> Vec<Ace> {
    WritebackGrant::new(sid, false)
        .entries()
        .into_iter()
        .filter(|e| matches!(e.reach, Reach::Descendants(_)))
        .map(|e| e.ace)
        .collect()
}

/// Asserts that the root DACL holds exactly one copy of each of A1–A4 for
/// `sid` and no other ACE naming it.
fn assert_granted_once(sd: &writeback_wizard::ad::SecurityDescriptor, sid: Sid) {
    let wanted = descendant_aces(sid);
    let present = aces_of(sd, &sid);
    for ace in &wanted {
        let copies = present.iter().filter(|a| *a == ace).count();
        assert_eq!(
            copies,
            1,
            "{} copies of {}",
            copies,
            sddl::format_ace(ace, None).unwrap_or_default()
        );
    }
    assert_eq!(
        present.len(),
        wanted.len(),
        "ACEs naming the connector: {:?}",
        present
            .iter()
            .filter_map(|a| sddl::format_ace(a, None))
            .collect::<Vec<_>>()
    );
}

/// Runs the binary expecting failure: status `code`, `phrase` in the
/// one-line message on stderr, and the root DACL bytes unchanged.
fn assert_refused(lab: &Lab, what: &str, conn: &Conn, code: i32, phrase: &str, root: &[u8]) {
    let run = lab.wizard(&["grant", "--yes"], conn);
    let context = format!("{what}:\n{}", run.show());
    assert_eq!(run.code, code, "{context}");
    let message = run.stderr.trim();
    assert_eq!(message.lines().count(), 1, "one line expected; {context}");
    assert!(message.starts_with("error: "), "{context}");
    assert!(message.contains(phrase), "{phrase:?} expected; {context}");
    assert_eq!(lab.root_dacl().0, root, "the root DACL changed; {context}");
}

/// The finding `check` in a `check --json` document.
fn finding<'a>(doc: &'a serde_json::Value, check: &str) -> &'a serde_json::Value {
    doc["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["check"] == check)
        .unwrap_or_else(|| panic!("no {check} finding in {doc}"))
}

/// The entry for `dn` in a JSON list of user findings.
fn user_in<'a>(list: &'a serde_json::Value, dn: &str) -> Option<&'a serde_json::Value> {
    list.as_array()?.iter().find(|u| u["dn"] == dn)
}

#[test]
#[ignore = "needs the Samba DC"]
fn grant_makes_reset_possible_and_rollback_takes_it_away() {
    let mut lab = Lab::start("grant");
    let connector = lab.create_user("wbc", None);
    let victim = lab.create_user("wbv", None);
    let before = lab.root_explicit();
    assert!(aces_of(&lab.root_dacl().1, &connector.sid).is_empty());

    // Before: the connector may do none of it.
    assert_eq!(
        lab.reset_password_as(&connector, &victim),
        INSUFFICIENT_ACCESS
    );
    assert_eq!(
        lab.write_as(&connector, &victim.dn, "lockoutTime", "0"),
        INSUFFICIENT_ACCESS
    );
    assert_eq!(
        lab.write_as(&connector, &victim.dn, "pwdLastSet", "0"),
        INSUFFICIENT_ACCESS
    );

    let conn = lab.admin_conn(&connector.name);
    let run = lab.wizard_ok(&["grant", "--yes"], &conn);
    assert!(
        run.stdout
            .contains(&format!("{}: 4 permission entries added", lab.root())),
        "{}",
        run.show()
    );
    let backups: Vec<_> = std::fs::read_dir(lab.backup_dir())
        .expect("backup directory")
        .flatten()
        .collect();
    assert_eq!(backups.len(), 1, "one backup file for one target");
    assert!(run.stdout.contains("backup saved to"), "{}", run.show());

    // After: the connector may reset, unlock and expire, and no more.
    assert_eq!(lab.reset_password_as(&connector, &victim), 0);
    assert_eq!(lab.write_as(&connector, &victim.dn, "lockoutTime", "0"), 0);
    assert_eq!(lab.write_as(&connector, &victim.dn, "pwdLastSet", "0"), 0);
    assert_eq!(lab.write_as(&connector, &victim.dn, "pwdLastSet", "-1"), 0);
    assert_eq!(
        lab.write_as(&connector, &victim.dn, "description", "not granted"),
        INSUFFICIENT_ACCESS
    );
    let (granted_bytes, granted) = lab.root_dacl();
    assert_granted_once(&granted, connector.sid);
    let mut expected = before.clone();
    expected.extend(descendant_aces(connector.sid));
    assert_eq!(
        explicit(&granted),
        expected,
        "the grant only appends A1-A4 to the explicit ACEs"
    );

    // Again: nothing to do, no second copy.
    let again = lab.wizard_ok(&["grant", "--yes"], &conn);
    assert!(again.stdout.contains("already granted"), "{}", again.show());
    let (again_bytes, again_sd) = lab.root_dacl();
    assert_granted_once(&again_sd, connector.sid);
    assert_eq!(again_bytes, granted_bytes);

    // verify: the victim carries the permission.
    let doc = lab.wizard_ok(&["verify", "--json"], &conn).json();
    assert!(
        user_in(&doc["audit"]["blocked"], &victim.dn).is_none(),
        "{doc}"
    );
    assert!(doc["audit"]["carrying"].as_u64().unwrap_or(0) >= 2, "{doc}");

    // rollback: the explicit ACEs are the ones before, the right is gone.
    let run = lab.wizard_ok(&["rollback", "--yes"], &conn);
    assert!(
        run.stdout.contains("grant undone (4 entries removed)"),
        "{}",
        run.show()
    );
    assert_eq!(lab.root_explicit(), before);
    assert_eq!(
        lab.reset_password_as(&connector, &victim),
        INSUFFICIENT_ACCESS
    );
    assert_eq!(
        lab.write_as(&connector, &victim.dn, "lockoutTime", "0"),
        INSUFFICIENT_ACCESS
    );
}

#[test]
#[ignore = "needs the Samba DC"]
fn protected_user_is_listed_and_not_resettable() {
    let mut lab = Lab::start("protected");
    let connector = lab.create_user("wbc", None);
    let protected = lab.create_user("wbp", None);
    let victim = lab.create_user("wbv", None);
    lab.protect(&protected);
    let before = lab.root_explicit();
    let conn = lab.admin_conn(&connector.name);

    let doc = lab.wizard_ok(&["check", "--json"], &conn).json();
    let users = &finding(&doc, "users-out-of-reach")["users"];
    let entry = user_in(users, &protected.dn)
        .unwrap_or_else(|| panic!("{} not listed: {doc}", protected.dn));
    assert_eq!(entry["reason"]["kind"], "inheritance-disabled", "{doc}");
    assert_eq!(entry["sam_account_name"], protected.name.as_str(), "{doc}");
    assert!(user_in(users, &victim.dn).is_none(), "{doc}");
    assert_eq!(finding(&doc, "users-out-of-reach")["outcome"], "warning");

    let doc = lab.wizard_ok(&["verify", "--json"], &conn).json();
    let entry = user_in(&doc["audit"]["blocked"], &protected.dn)
        .unwrap_or_else(|| panic!("{} not in audit.blocked: {doc}", protected.dn));
    assert_eq!(entry["reason"]["kind"], "inheritance-disabled", "{doc}");

    lab.wizard_ok(&["grant", "--yes"], &conn);
    assert_eq!(lab.reset_password_as(&connector, &victim), 0);
    assert_eq!(
        lab.reset_password_as(&connector, &protected),
        INSUFFICIENT_ACCESS,
        "a user with inheritance disabled does not receive the grant"
    );
    let doc = lab.wizard_ok(&["verify", "--json"], &conn).json();
    let entry = user_in(&doc["audit"]["blocked"], &protected.dn)
        .unwrap_or_else(|| panic!("{} not in audit.blocked: {doc}", protected.dn));
    // Change password stays with Everyone (the default user DACL); the
    // three rights the grant gives are missing.
    assert_eq!(
        entry["rights"],
        serde_json::json!(["reset-password", "write-lockout-time", "write-pwd-last-set"]),
        "{doc}"
    );

    lab.wizard_ok(&["rollback", "--yes"], &conn);
    assert_eq!(lab.root_explicit(), before);
}

#[test]
#[ignore = "needs the Samba DC"]
fn dry_run_changes_nothing() {
    let mut lab = Lab::start("dryrun");
    let connector = lab.create_user("wbc", None);
    let conn = lab.admin_conn(&connector.name);
    let (before, _) = lab.root_dacl();

    let run = lab.wizard_ok(&["grant", "--dry-run"], &conn);
    assert!(run.stdout.contains("dry run"), "{}", run.show());
    assert!(
        run.stdout
            .contains(&format!("{}: 4 permission entries to add", lab.root())),
        "{}",
        run.show()
    );
    assert_eq!(lab.root_dacl().0, before, "--dry-run wrote");

    let doc = lab
        .wizard_ok(&["grant", "--dry-run", "--json"], &conn)
        .json();
    assert_eq!(doc["dry_run"], true, "{doc}");
    assert_eq!(doc["targets"][0]["added"].as_array().map(Vec::len), Some(4));
    assert_eq!(lab.root_dacl().0, before, "--dry-run --json wrote");
    assert!(
        !lab.backup_dir().exists(),
        "a dry run saves no backup either"
    );
}

#[test]
#[ignore = "needs the Samba DC"]
fn bad_input() {
    let mut lab = Lab::start("badinput");
    let connector = lab.create_user("wbc", None);
    let bait = lab.create_user("wbb", None);
    let twin_name = format!("WB Twin {}", unique_name("x"));
    lab.create_user("wbt", Some(&twin_name));
    lab.create_user("wbt", Some(&twin_name));
    let (root, _) = lab.root_dacl();
    let good = lab.admin_conn(&connector.name);

    let conn = lab.admin_conn(&unique_name("wbn"));
    assert_refused(&lab, "unknown", &conn, 2, "no account named", &root);

    let conn = lab.admin_conn(&twin_name);
    assert_refused(&lab, "ambiguous", &conn, 2, "several", &root);

    let conn = Conn {
        bind_user: bait.dn.clone(),
        password: fresh_password(),
        ..good.clone()
    };
    assert_refused(
        &lab,
        "wrong password",
        &conn,
        1,
        "refused the sign-in",
        &root,
    );

    let conn = Conn {
        ca_file: None,
        ..good.clone()
    };
    assert_refused(
        &lab,
        "untrusted",
        &conn,
        1,
        "not signed by a trusted",
        &root,
    );

    let forward = forwarder("127.0.0.2", lab.dc.ldaps_addr());
    let conn = Conn {
        server: format!("ldaps://{forward}"),
        ..good.clone()
    };
    assert_refused(
        &lab,
        "hostname",
        &conn,
        1,
        "not issued for that name",
        &root,
    );

    let conn = Conn {
        server: "ldaps://127.0.0.1:1".into(),
        ..good.clone()
    };
    assert_refused(&lab, "unreachable", &conn, 1, "cannot reach", &root);

    let conn = Conn {
        server: lab.dc.ldap_url.clone(),
        ..good.clone()
    };
    assert_refused(&lab, "plaintext", &conn, 2, "in clear", &root);

    // Filter injection: each would match an account if not escaped. The
    // ones matching only this test's bait account come first, so that a
    // regression grants (for a moment) on a throwaway account only.
    let prefix = &bait.name[..bait.name.len() - 1];
    let domain = lab.dc.realm.split('.').next().unwrap_or("WRITEBACK");
    let upn_suffix = lab.dc.realm.to_ascii_lowercase();
    for name in [
        format!("{prefix}*"),
        format!("{domain}\\{prefix}*"),
        format!("{prefix}*@{upn_suffix}"),
        format!("*)(sAMAccountName={}", bait.name),
        "*)(objectClass=*".to_string(),
        "svc*".to_string(),
        "*".to_string(),
        "Administrato*".to_string(),
    ] {
        let conn = lab.admin_conn(&name);
        assert_refused(&lab, &name, &conn, 2, "no account named", &root);
    }

    // DN injection, and DNs of objects that are not users.
    let base = lab.root();
    for name in [
        format!("CN=Administrator,CN=Users,{base})(x"),
        format!("{})(objectClass=*", bait.dn),
        format!("CN=*,CN=Users,{base}"),
        base.clone(),
        format!("CN=Users,{base}"),
    ] {
        let conn = lab.admin_conn(&name);
        assert_refused(&lab, &name, &conn, 2, "no account named", &root);
    }

    // Signed in as an account that may not change the root's permissions.
    let conn = Conn {
        bind_user: connector.dn.clone(),
        password: connector.password.clone(),
        ..good.clone()
    };
    let run = lab.wizard(&["grant", "--yes"], &conn);
    assert_eq!(run.code, 3, "{}", run.show());
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: blocked"), "{}", run.show());
    assert!(
        run.stderr
            .contains(&format!("may NOT change the permissions of {}", lab.root())),
        "{}",
        run.show()
    );
    assert_eq!(lab.root_dacl().0, root);
}

#[test]
#[ignore = "needs the Samba DC"]
fn concurrent_change_survives() {
    let mut lab = Lab::start("concurrent");
    let connector = lab.create_user("wbc", None);
    let other = lab.create_user("wbo", None);
    let before = lab.root_explicit();
    let theirs = sddl::parse_ace(
        &format!(
            "(OA;CIIO;RP;bf967a0a-0de6-11d0-a285-00aa003049e2;\
             bf967aba-0de6-11d0-a285-00aa003049e2;{})",
            other.sid
        ),
        None,
    )
    .expect("ACE parses");
    let options = GrantOptions {
        connector_account: connector.name.clone(),
        ..GrantOptions::default()
    };
    let dc = lab.dc.clone();
    let root = lab.root();
    let backups = lab.backup_dir();
    lab.rt.block_on(async {
        let mut dir = admin_directory(&dc).await;
        let discovery = perm::discover(&mut dir).await.expect("discover");
        let plan = perm::plan(&mut dir, &discovery, &options, &mut |_| {})
            .await
            .expect("plan");
        assert_eq!(plan.targets.len(), 1);
        assert_eq!(plan.targets[0].added.len(), 4);

        // Someone else changes the root between plan and apply.
        let (_, mut sd) = perm::read_dacl(&mut dir, &root).await.expect("read");
        let dacl = sd.dacl.as_mut().expect("DACL");
        let at = dacl
            .aces
            .iter()
            .position(Ace::is_inherited)
            .unwrap_or(dacl.aces.len());
        dacl.aces.insert(at, theirs.clone());
        dir.write_dacl(&root, &sd.to_bytes().expect("encode"))
            .await
            .expect("write their ACE");

        let mut merged = Vec::new();
        let results = perm::apply(
            &mut dir,
            &plan,
            &options,
            &dc.admin_dn,
            &backups,
            &Trail::new(None),
            &mut |p| {
                if let Progress::Merged { dn } = p {
                    merged.push(dn);
                }
            },
        )
        .await
        .expect("apply");
        assert_eq!(results.len(), 1);
        assert!(results[0].merged, "{results:?}");
        assert_eq!(merged, vec![root.clone()]);

        let (_, now) = perm::read_dacl(&mut dir, &root).await.expect("read");
        assert_eq!(aces_of(&now, &other.sid), vec![theirs.clone()]);
        assert_granted_once(&now, connector.sid);
        let kept = explicit(&now);
        assert!(before.iter().all(|a| kept.contains(a)), "an ACE was lost");
        let grant = WritebackGrant::new(connector.sid, false);
        assert_eq!(
            grant.status(now.dacl.as_ref().expect("DACL")).state,
            GrantState::Granted
        );

        // Clean up: undo the grant from its backup, then remove their ACE.
        let server = dir.server();
        let loaded = perm::load_backups(&backups, None, &server, &root).expect("backups");
        assert_eq!(loaded.len(), 1);
        perm::rollback(
            &mut dir,
            &loaded,
            &root,
            "admin",
            &Trail::new(None),
            &mut |_| {},
        )
        .await
        .expect("rollback");
        let (_, mut sd) = perm::read_dacl(&mut dir, &root).await.expect("read");
        assert!(aces_of(&sd, &connector.sid).is_empty());
        assert_eq!(aces_of(&sd, &other.sid), vec![theirs.clone()]);
        let (dacl, not_found) = remove_aces(sd.dacl.as_ref().expect("DACL"), &[theirs]);
        assert!(not_found.is_empty());
        sd.dacl = Some(dacl);
        dir.write_dacl(&root, &sd.to_bytes().expect("encode"))
            .await
            .expect("remove their ACE");
        dir.close().await;
    });
    assert_eq!(lab.root_explicit(), before);
}

#[test]
#[ignore = "needs the Samba DC"]
fn dc_stops_between_read_and_write() {
    let mut lab = Lab::start("dcstop");
    let connector = lab.create_user("wbc", None);
    let (before_bytes, before_sd) = lab.root_dacl();
    let options = GrantOptions {
        connector_account: connector.name.clone(),
        ..GrantOptions::default()
    };
    let dc = lab.dc.clone();
    let backups = lab.backup_dir();
    // Declared after `lab`, so dropped before it: the DC runs again before
    // the lab cleans up, even when an assertion below fails.
    let keep = KeepDcRunning { dc: &dc };
    let mut stopped = false;
    let trail = Trail::new(None);
    let result = lab.rt.block_on(async {
        let mut dir = admin_directory(&dc).await;
        let discovery = perm::discover(&mut dir).await.expect("discover");
        let plan = perm::plan(&mut dir, &discovery, &options, &mut |_| {})
            .await
            .expect("plan");
        assert_eq!(plan.targets[0].added.len(), 4);
        perm::apply(
            &mut dir,
            &plan,
            &options,
            &dc.admin_dn,
            &backups,
            &trail,
            &mut |p| {
                if matches!(p, Progress::Writing { .. }) && !stopped {
                    keep.stop();
                    stopped = true;
                }
            },
        )
        .await
    });
    assert!(stopped, "apply never reached the write");
    assert!(
        trail
            .records()
            .iter()
            .any(|r| matches!(r.result, writeback_wizard::audit::Outcome::Failed { .. })),
        "the failed write is in the audit trail"
    );
    let err = result.expect_err("apply succeeded although the DC was stopped");
    eprintln!("apply failed as expected: {err}");
    assert!(
        matches!(
            err,
            TaskError::Directory(
                DirectoryError::ConnectionLost { .. } | DirectoryError::Unreachable { .. }
            )
        ),
        "{err:?}"
    );
    keep.ensure_started();

    let (after_bytes, after_sd) = lab.root_dacl();
    if after_bytes == before_bytes {
        return;
    }
    // The write landed after all: then it must be the whole grant and
    // nothing else, never a mix.
    let mut expected = explicit(&before_sd);
    expected.extend(descendant_aces(connector.sid));
    assert_eq!(explicit(&after_sd), expected, "a partial write");
    let root = lab.root();
    lab.rt.block_on(async {
        let mut dir = admin_directory(&dc).await;
        let loaded = perm::load_backups(&backups, None, &dir.server(), &root).expect("backups");
        perm::rollback(
            &mut dir,
            &loaded,
            &root,
            "admin",
            &Trail::new(None),
            &mut |_| {},
        )
        .await
        .expect("rollback");
        dir.close().await;
    });
    assert_eq!(lab.root_dacl().0, before_bytes);
}
