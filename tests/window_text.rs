//! The window reads as a person would write (issue 26).
//!
//! The rule: every message in `i18n/*/writeback_wizard.ftl` is a window
//! string except the command line's own, whose ids start with `cli-`
//! (its output), `help-` (its `--help`) or `runbook-` (the runbook's
//! commands for the next admin). Window strings carry no command-line
//! syntax (`--option`); the window names the action instead, and the
//! command line appends the option through `localize::with_option`. No
//! message at all counts with a "(s)" hack: plurals go through Fluent's
//! selectors, and the counts are passed as numbers so they can select.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use writeback_wizard::localize::{self, LOADER};

const LANGS: [&str; 4] = ["en", "de", "fr", "es"];
const COMMAND_LINE_ONLY: [&str; 3] = ["cli-", "help-", "runbook-"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each message id with its whole text (continuation lines included).
fn messages(lang: &str) -> BTreeMap<String, String> {
    let path = root().join("i18n").join(lang).join("writeback_wizard.ftl");
    let source = std::fs::read_to_string(&path).unwrap();
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(id) = &current {
                let text = out.get_mut(id).unwrap();
                text.push('\n');
                text.push_str(line.trim());
            }
            continue;
        }
        current = None;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some((id, value)) = line.split_once(" = ") {
            out.insert(id.to_string(), value.to_string());
            current = Some(id.to_string());
        }
    }
    out
}

/// A plural written as a parenthesised ending glued to a word: "OU(s)",
/// "Tag(e)", "Container(n)", "unidad(es)", "jour(s)".
fn plural_hack(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '(' || i == 0 || !chars[i - 1].is_alphabetic() {
            continue;
        }
        let ending: String = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_lowercase())
            .collect();
        let close = chars.get(i + 1 + ending.chars().count());
        if (1..=3).contains(&ending.chars().count()) && close == Some(&')') {
            let start = i.saturating_sub(12);
            return Some(chars[start..i + 2 + ending.len()].iter().collect());
        }
    }
    None
}

/// Command-line option syntax: `--` followed by a letter.
fn option_syntax(text: &str) -> Option<String> {
    let at = text
        .match_indices("--")
        .find(|(i, _)| text[i + 2..].starts_with(|c: char| c.is_ascii_alphabetic()))?
        .0;
    Some(text[at..].chars().take(24).collect())
}

fn is_window_string(id: &str) -> bool {
    !COMMAND_LINE_ONLY.iter().any(|p| id.starts_with(p))
}

#[test]
fn the_checks_find_what_they_are_for() {
    assert!(plural_hack("1 OU(s) or container(s)").is_some());
    assert!(plural_hack("{ $days } Tag(e);").is_some());
    assert!(plural_hack("Container(n) im Bereich").is_some());
    assert!(plural_hack("unidad(es) organizativa(s)").is_some());
    assert!(plural_hack("the grant (a deny) stays").is_none());
    assert!(plural_hack("ldaps://HOST[:PORT] (or ldap://)").is_none());
    assert!(option_syntax("add --inetorgperson").is_some());
    assert!(option_syntax("--target \"OU=x\"").is_some());
    assert!(option_syntax("a dash -- and a pause").is_none());
    assert!(is_window_string("check-blocked-ou"));
    assert!(!is_window_string("cli-blocked-ou"));
}

#[test]
fn no_message_counts_with_a_parenthesised_plural() {
    let mut found = Vec::new();
    for lang in LANGS {
        for (id, text) in messages(lang) {
            if let Some(hit) = plural_hack(&text) {
                found.push(format!("{lang} {id}: …{hit}"));
            }
        }
    }
    assert!(found.is_empty(), "use a Fluent plural selector: {found:#?}");
}

#[test]
fn no_window_string_shows_command_line_syntax() {
    let mut found = Vec::new();
    for lang in LANGS {
        for (id, text) in messages(lang) {
            if is_window_string(&id)
                && let Some(hit) = option_syntax(&text)
            {
                found.push(format!("{lang} {id}: {hit}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "window strings name the action, not the option (the command line adds it with localize::with_option, or the id starts with cli-): {found:#?}"
    );
}

/// The window's code never shows a command-line message.
#[test]
fn the_window_uses_no_command_line_message() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = vec![root().join("src/app.rs"), root().join("src/widget.rs")];
    walk(&root().join("src/page"), &mut files);
    walk(&root().join("src/app"), &mut files);
    let mut found = Vec::new();
    for f in files {
        let source = std::fs::read_to_string(&f).unwrap();
        for (n, line) in source.lines().enumerate() {
            if line.contains("\"cli-") || line.contains("\"help-") {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

fn render(id: &str, args: &[(&str, i64)]) -> String {
    let args: HashMap<&str, i64> = args.iter().copied().collect();
    LOADER.get_args(id, args)
}

/// One test for everything that switches the process-wide language or
/// the command-line flag, so parallel tests never see them half-set.
#[test]
fn plurals_select_in_every_language_and_hints_stay_on_the_command_line() {
    use writeback_wizard::task::access::BlockedOu;
    use writeback_wizard::task::permissions::Finding;

    // Each of these counts something a person reads as one or many.
    let plural: &[(&str, &str)] = &[
        ("check-blocked-ous", "count"),
        ("check-min-pwd-age", "days"),
        ("check-inetorgperson-uncovered", "count"),
        ("check-pso-min-age", "count"),
        ("permissions-will-add", "count"),
        ("permissions-applied-line", "count"),
        ("summary-unreached", "count"),
        ("explain-dacl", "count"),
        ("dir-error-timeout", "seconds"),
    ];
    // Where a language's one and many read alike ("1 Benutzer", "2 Benutzer").
    let alike: &[(&str, &str)] = &[("de", "check-pso-min-age")];
    for lang in LANGS {
        localize::init(Some(lang));
        for (id, var) in plural {
            if alike.contains(&(lang, id)) {
                continue;
            }
            let one = render(id, &[(var, 1)]);
            let two = render(id, &[(var, 2)]);
            assert_ne!(
                one.replace('1', "2"),
                two,
                "{lang} {id}: one and two read alike (the count passed as text, or no selector?)"
            );
        }
    }

    localize::init(Some("en"));
    assert_eq!(
        render("permissions-will-add", &[("count", 1)]),
        "1 entry will be added:"
    );
    assert!(
        render("check-min-pwd-age", &[("days", 1)]).starts_with("minimum password age is 1 day;")
    );
    assert!(
        render("check-blocked-ous", &[("count", 1)]).starts_with("1 OU or container in scope has")
    );
    assert!(
        render("verify-summary", &[("carrying", 1), ("total", 1)])
            .starts_with("1 of 1 user carries")
    );
    localize::init(Some("de"));
    assert!(
        render("check-min-pwd-age", &[("days", 1)])
            .starts_with("Das minimale Kennwortalter beträgt 1 Tag;")
    );
    assert!(render("permissions-will-add", &[("count", 1)]).starts_with("1 Eintrag wird"));

    // Pre-flight's blocked OU: words in the window, `--target` on the
    // command line.
    localize::init(Some("en"));
    let finding = Finding::BlockedOus {
        ous: vec![BlockedOu {
            dn: "OU=Contractors,DC=contoso,DC=com".into(),
            users: 1,
        }],
    };
    let window = writeback_wizard::explain::finding(&finding);
    assert!(
        window.contains("OU=Contractors,DC=contoso,DC=com (1 user)"),
        "{window}"
    );
    assert!(option_syntax(&window).is_none(), "{window}");
    localize::set_command_line(true);
    let cli = writeback_wizard::explain::finding(&finding);
    let timeout = writeback_wizard::explain::directory_error(
        &writeback_wizard::backend::DirectoryError::Timeout { seconds: 1 },
    );
    localize::set_command_line(false);
    assert!(
        cli.contains("--target \"OU=Contractors,DC=contoso,DC=com\"  (1 user)"),
        "{cli}"
    );
    assert!(
        timeout.contains("within 1 second;") && timeout.contains("--timeout"),
        "{timeout}"
    );
    let timeout = writeback_wizard::explain::directory_error(
        &writeback_wizard::backend::DirectoryError::Timeout { seconds: 30 },
    );
    assert!(
        timeout.contains("30 seconds") && !timeout.contains("--"),
        "{timeout}"
    );
}
