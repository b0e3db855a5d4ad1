//! `writeback-wizard sd decode|encode` as an admin runs it.

mod support {
    pub mod golden;
}

use support::golden;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use golden::*;

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["--lang", "en"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn decode_prints_samba_sddl_from_argument_and_stdin() {
    let b64 = fixture("domain-root-granted.full.b64");
    let expected = fixture("domain-root-granted.sddl");
    let arg = run(
        &["sd", "decode", b64.trim(), "--domain-sid", DOMAIN_SID],
        None,
    );
    assert!(arg.status.success(), "{}", stderr(&arg));
    assert_eq!(stdout(&arg), expected);
    let piped = run(&["sd", "decode", "--domain-sid", DOMAIN_SID], Some(&b64));
    assert_eq!(stdout(&piped), expected);
    // Without the domain SID, domain groups are full SIDs.
    let plain = run(&["sd", "decode"], Some(&b64));
    assert!(stdout(&plain).starts_with("O:BAG:BAD:AI(OA;CI;CR;ccc2dc7d"));
    assert!(stdout(&plain).contains(&format!(";{DOMAIN_SID}-512)")));
}

#[test]
fn explain_prints_plain_language_lines() {
    let out = run(
        &["sd", "decode", "--explain"],
        Some(&fixture("domain-root-granted.dacl.b64")),
    );
    let text = stdout(&out);
    assert!(out.status.success());
    assert!(
        text.contains(&format!(
            "Reset password — on descendant user objects — {GOLDEN_USER_SID}"
        )),
        "{text}"
    );
    assert!(text.contains("Write pwdLastSet — on descendant user objects"));
    assert!(text.contains("Unexpire password — on this object only — Authenticated Users"));
    let german = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["--lang", "de", "sd", "decode", "--explain"])
        .arg(fixture("domain-root-granted.dacl.b64").trim())
        .output()
        .unwrap();
    let german = stdout(&german);
    assert!(!german.contains("Reset password"), "{german}");
}

#[test]
fn encode_is_the_inverse_of_decode() {
    let sddl = fixture("user.sddl");
    let enc = run(&["sd", "encode", "--domain-sid", DOMAIN_SID], Some(&sddl));
    assert!(enc.status.success(), "{}", stderr(&enc));
    let dec = run(
        &["sd", "decode", "--domain-sid", DOMAIN_SID],
        Some(&stdout(&enc)),
    );
    assert_eq!(stdout(&dec), sddl);
}

#[test]
fn bad_input_is_one_line_exit_1_naming_the_place() {
    let cases: &[(&[&str], Option<&str>, &str)] = &[
        (&["sd", "decode", "AQAB!!"], None, "character 5"),
        (&["sd", "decode", "AQAEgA=="], None, "byte 0"),
        (&["sd", "decode"], Some(""), "header"),
        (&["sd", "encode", "D:(A;;XX;;;WD)"], None, "character 7"),
        (&["sd", "encode", "D:(A;;GA;;;DA)"], None, "--domain-sid"),
        (&["sd", "encode", "Q:"], None, "character 1"),
        (&["sd", "encode"], Some("  \n"), "empty"),
        (
            &["sd", "decode", "--domain-sid", "S-1-5-32", "AA=="],
            None,
            "domain SID",
        ),
    ];
    for (args, stdin, needle) in cases {
        let out = run(args, *stdin);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(stdout(&out).is_empty(), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err:?} lacks {needle:?}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}
