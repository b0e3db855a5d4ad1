//! `--help` speaks the user's language (issue 16): the system's (LANG), or
//! `--lang`, before clap prints anything.

use std::process::Command;

fn help(lang_env: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", lang_env)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn grant_help_is_german_under_a_german_locale() {
    let text = help("de_DE.UTF-8", &["grant", "--help"]);
    for german in [
        "Schritt 1: die Berechtigungen für das Zurückschreiben erteilen",
        "Aufruf:",
        "Optionen:",
        "Domänencontroller: ldaps://HOST[:PORT]",
        "Nicht um Bestätigung bitten",
        "Hilfe ausgeben",
    ] {
        assert!(text.contains(german), "{german:?} missing:\n{text}");
    }
    assert!(!text.contains("Do not ask for confirmation"), "{text}");
    assert!(!text.contains("Usage:"), "{text}");
}

#[test]
fn lang_wins_over_the_locale_and_english_stays_english() {
    let text = help("de_DE.UTF-8", &["--lang", "fr", "verify", "-h"]);
    assert!(text.contains("Relire les trois plans"), "{text}");
    let text = help("C", &["sync", "-h"]);
    assert!(text.contains("Step 2: password writeback"), "{text}");
    assert!(text.contains("Usage:"), "{text}");
}
