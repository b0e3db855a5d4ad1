//! Runbooks of a fresh demo run (`runbook --demo`): the HTML has every step with its screenshot, the
//! SDDL diff, the verification results and the undo instructions, and
//! references nothing outside itself; Markdown sits beside its PNGs; the
//! same run and clock give the same bytes; `--lang` translates; `log`
//! prints the audit log.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use writeback_wizard::app::ThemeChoice;
use writeback_wizard::audit::{Change, Outcome, Plane, Target, Trail};
use writeback_wizard::runbook::{self, Format};

const STEPS: [&str; 8] = [
    "welcome",
    "targets",
    "preflight",
    "permissions",
    "connect",
    "portal",
    "verify",
    "summary",
];

fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wbw-runbook-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn cli(args: &[&str], env: &[(&str, &Path)]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.env_remove(writeback_wizard::audit::FIXED_TIME_ENV);
    let out = cmd.output().expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The text of the element `<tag … id="id">…</tag>` (first match).
fn element<'a>(html: &'a str, tag: &str, id: &str) -> &'a str {
    let open = format!("<{tag} ");
    let marker = format!("id=\"{id}\"");
    let start = html
        .match_indices(&open)
        .map(|(i, _)| i)
        .find(|i| html[*i..].split('>').next().unwrap().contains(&marker))
        .unwrap_or_else(|| panic!("no <{tag} id={id}>"));
    let end = html[start..]
        .find(&format!("</{tag}>"))
        .unwrap_or_else(|| panic!("<{tag} id={id}> not closed"));
    &html[start..start + end]
}

/// Every value of `attr="…"` in the document.
fn attributes<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!(" {attr}=\"");
    html.match_indices(&key)
        .map(|(i, _)| {
            let rest = &html[i + key.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn the_html_runbook_of_a_demo_run_has_everything_and_nothing_external() {
    writeback_wizard::localize::init(Some("en"));
    let rb = writeback_wizard::headless::demo_runbook("en", ThemeChoice::Light).unwrap();
    let dir = scratch("html");
    let file = dir.join("runbook.html");
    runbook::write(&rb, &file, Format::Html).unwrap();
    let html = std::fs::read_to_string(&file).unwrap();

    assert!(html.starts_with("<!DOCTYPE html>"));
    // Every step, with its image: a PNG embedded in the step's article.
    for slug in STEPS {
        let article = element(&html, "article", &format!("step-{slug}"));
        let src = attributes(article, "src");
        assert_eq!(src.len(), 1, "{slug}: one image");
        let b64 = src[0]
            .strip_prefix("data:image/png;base64,")
            .unwrap_or_else(|| panic!("{slug}: image not embedded"));
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{slug}: not a PNG");
        assert!(png.len() > 10_000, "{slug}: a real page, not a blank");
    }
    // The exact changes: the SDDL diff (the four ACEs added), before and
    // after, the backup; Connect and the portal before → after.
    let changes = element(&html, "section", "changes");
    let diff = &changes[changes.find("<pre class=\"diff\">").expect("a diff")..];
    let diff = &diff[..diff.find("</pre>").unwrap()];
    let added: Vec<&str> = diff
        .lines()
        .filter_map(|l| l.strip_prefix("<span class=\"add\">+ "))
        .map(|l| l.trim_end_matches("</span>"))
        .collect();
    assert_eq!(added.len(), 4, "{diff}");
    let sddl = |class: &str| {
        let at = changes
            .find(&format!("<pre class=\"sddl {class}\">"))
            .unwrap_or_else(|| panic!("no SDDL {class}"));
        let text = &changes[at..];
        text[text.find('>').unwrap() + 1..text.find("</pre>").unwrap()].to_string()
    };
    let (before, after) = (sddl("before"), sddl("after"));
    assert!(before.starts_with("D:") && after.starts_with("D:"));
    for ace in &added {
        assert!(after.contains(ace) && !before.contains(ace), "{ace}");
    }
    // The demo names its backup by file (it lives in a scratch folder).
    assert!(
        changes.contains(">20251124T160000Z-DC_contoso_DC_com-f833d115a2b97467.json"),
        "{changes}"
    );
    assert!(changes.contains("Password writeback: off → on"), "Connect");
    assert!(
        changes.contains("Write back passwords to on-premises: off → on"),
        "portal"
    );
    assert!(changes.contains("2025-11-24T16:00:00Z"), "the fixed clock");
    // Verification results.
    let verification = element(&html, "section", "verification");
    assert!(verification.contains("8 of 14 users carry the permission"));
    assert!(verification.contains("User cannot change password"));
    assert!(verification.contains("Portal: write back and unlock are on"));
    assert!(verification.contains("kiosk-lobby"));
    // Undo instructions.
    let undo = element(&html, "section", "undo");
    assert!(undo.contains("Undo everything"));
    assert!(undo.contains(
        "writeback-wizard rollback --backup &quot;20251124T160000Z-DC_contoso_DC_com-f833d115a2b97467.json&quot;"
    ));
    // The demo's scratch folder (a fresh private one) is named nowhere.
    assert!(
        !html.contains("writeback-wizard-screenshots"),
        "the scratch folder leaked"
    );
    assert!(undo.contains("writeback-wizard sync disable --remote aadc01.contoso.com"));
    assert!(undo.contains("On-premises integration"));
    assert!(undo.contains("writeback-wizard portal disable --tenant contoso.onmicrosoft.com"));

    // Self-contained: images are data: URLs, links stay inside the file,
    // nothing is fetched (no scripts, stylesheets, fonts, frames, url()).
    for src in attributes(&html, "src") {
        assert!(src.starts_with("data:image/png;base64,"), "src={src}");
    }
    for href in attributes(&html, "href") {
        let id = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("href={href} leaves the file"));
        assert!(html.contains(&format!("id=\"{id}\"")), "#{id} missing");
    }
    let lower = html.to_ascii_lowercase();
    for banned in [
        "<script", "<link", "<iframe", "<object", "<embed", "@import", "url(", "srcset",
    ] {
        assert!(!lower.contains(banned), "{banned}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn markdown_sits_beside_its_pngs_and_runs_are_byte_identical() {
    let (a, b) = (scratch("md-a"), scratch("md-b"));
    for dir in [&a, &b] {
        cli(
            &[
                "--lang",
                "en",
                "runbook",
                "--demo",
                "--out",
                dir.to_str().unwrap(),
                "--format",
                "md",
            ],
            &[],
        );
    }
    let md = std::fs::read_to_string(a.join("runbook.md")).unwrap();
    for (i, slug) in STEPS.iter().enumerate() {
        let name = format!("runbook-images/{:02}-{slug}.png", i + 1);
        assert!(md.contains(&format!("]({name})")), "{name} referenced");
        let png = std::fs::read(a.join(&name)).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "{name}");
        assert_eq!(png, std::fs::read(b.join(&name)).unwrap(), "{name} differs");
    }
    assert!(md.contains("```diff\n+ (OA;CIIO;CR;00299570"));
    assert_eq!(
        md,
        std::fs::read_to_string(b.join("runbook.md")).unwrap(),
        "two runs, two different runbooks"
    );
    // HTML too, and a fixed clock from the environment.
    let (c, d) = (scratch("html-c"), scratch("html-d"));
    cli(&["runbook", "--demo", "--out", c.to_str().unwrap()], &[]);
    cli(&["runbook", "--demo", "--out", d.to_str().unwrap()], &[]);
    let html = std::fs::read(c.join("runbook.html")).unwrap();
    assert_eq!(html, std::fs::read(d.join("runbook.html")).unwrap());
    let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["runbook", "--demo", "--out", d.to_str().unwrap()])
        .env(
            writeback_wizard::audit::FIXED_TIME_ENV,
            "2030-01-02T03:04:05Z",
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let fixed = std::fs::read_to_string(d.join("runbook.html")).unwrap();
    assert!(fixed.contains("2030-01-02T03:04:05Z"));
    assert!(!fixed.contains("2025-11-24T16:00:00Z"));
    for dir in [a, b, c, d] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn the_runbook_is_translated() {
    let dir = scratch("de");
    cli(
        &[
            "--lang",
            "de",
            "runbook",
            "--demo",
            "--out",
            dir.to_str().unwrap(),
        ],
        &[],
    );
    let html = std::fs::read_to_string(dir.join("runbook.html")).unwrap();
    assert!(html.contains("<html lang=\"de\">"));
    assert!(html.contains("Genaue Änderungen"));
    assert!(
        html.contains("Kennwortrückschreiben: aus → ein"),
        "settings in German"
    );
    assert!(!html.contains("Exact changes made"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn log_prints_the_audit_log_as_a_table_or_json_lines() {
    let dir = scratch("log");
    let path = dir.join("audit.jsonl");
    let trail = Trail::new(Some(path.clone()))
        .fixed_at(std::time::UNIX_EPOCH)
        .operator("alice");
    trail
        .record(Change::setting(
            Plane::Connect,
            true,
            Target {
                server: Some("aadc01.corp.example".into()),
                ..Target::default()
            },
            serde_json::json!({ "password_writeback": false }),
            serde_json::json!({ "password_writeback": true }),
            Outcome::Ok,
        ))
        .unwrap();
    // A crash mid-line afterwards: reported, not fatal.
    use std::io::Write;
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(b"{\"time\":")
        .unwrap();
    let env = [("WRITEBACK_WIZARD_DATA_DIR", dir.as_path())];
    let out = cli(&["log", "--json"], &env);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["operator"], "alice");
    assert_eq!(v["plane"], "connect");
    assert_eq!(v["after"]["password_writeback"], true);
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));

    let out = cli(&["--lang", "en", "log"], &env);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("Time"), "{table}");
    assert!(table.contains("Entra Connect — switched on"), "{table}");
    assert!(table.contains("Password writeback: off → on"), "{table}");
    let _ = std::fs::remove_dir_all(dir);
}
