//! Every translation under `i18n/` must define exactly the message ids of the
//! English reference file, and each message must use the same `{ $variables }`.
//!
//! The crate has no Fluent parser among its dependencies, so the files are read
//! with a deliberately small line-based reader:
//! - a message starts with `id =` at column 0 (`id` matches `[a-zA-Z][a-zA-Z0-9_-]*`);
//! - an attribute is an indented line starting with `.attr =`, recorded as `id.attr`;
//! - any other indented line continues the message or attribute above it;
//! - comments, terms (`-term = …`) and anything else at column 0 end the entry.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const FILE: &str = "writeback_wizard.ftl";
const REFERENCE: &str = "en";
const REQUIRED: &[&str] = &["de", "fr", "es"];

/// One parsed file: each id (`msg` or `msg.attr`) with the variables its text
/// uses, plus the ids that were defined more than once.
struct Entries {
    vars: BTreeMap<String, BTreeSet<String>>,
    duplicates: BTreeSet<String>,
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Splits `name = value` (spaces allowed before `=`), returning the name and
/// the text after `=` if `name` is an identifier.
fn split_definition(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once('=')?;
    let name = name.trim_end_matches(' ');
    is_ident(name).then_some((name, value))
}

/// The names of the variables referenced inside placeables of `text`:
/// `{ $name }`, but also `{ $count -> … }`, `{ NUMBER($n) }` and so on.
/// `$` outside braces and inside string literals is plain text.
fn variables(text: &str, out: &mut BTreeSet<String>) {
    let chars: Vec<char> = text.chars().collect();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            match c {
                '\\' => i += 1,
                '"' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                '"' if depth > 0 => in_string = true,
                '$' if depth > 0 => {
                    let name: String = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == '_' || **c == '-')
                        .collect();
                    if is_ident(&name) {
                        i += name.chars().count();
                        out.insert(name);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
}

fn parse(source: &str) -> Entries {
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut duplicates = BTreeSet::new();
    // The message whose attributes may follow, and the entry being continued.
    let mut message: Option<String> = None;
    let mut current: Option<String> = None;

    let mut define = |id: String, value: &str, texts: &mut BTreeMap<String, String>| {
        if texts.insert(id.clone(), value.to_string()).is_some() {
            duplicates.insert(id.clone());
        }
        id
    };

    for line in source.trim_start_matches('\u{feff}').lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue; // blank lines may sit inside a multiline value
        }
        if !line.starts_with([' ', '\t']) {
            current = None;
            message = None;
            if let Some((id, value)) = split_definition(line) {
                let id = define(id.to_string(), value, &mut texts);
                message = Some(id.clone());
                current = Some(id);
            }
            continue;
        }
        let indented = line.trim_start();
        if let Some(rest) = indented.strip_prefix('.') {
            current = match (&message, split_definition(rest)) {
                (Some(msg), Some((attr, value))) => {
                    Some(define(format!("{msg}.{attr}"), value, &mut texts))
                }
                _ => None,
            };
            continue;
        }
        if let Some(id) = &current {
            let text = texts.get_mut(id).expect("current entry is recorded");
            text.push('\n');
            text.push_str(line);
        }
    }

    let vars = texts
        .into_iter()
        .map(|(id, text)| {
            let mut names = BTreeSet::new();
            variables(&text, &mut names);
            (id, names)
        })
        .collect();
    Entries { vars, duplicates }
}

fn list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    let items: Vec<&str> = items.into_iter().map(String::as_str).collect();
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.join(", ")
    }
}

fn dollar_list(vars: &BTreeSet<String>) -> String {
    let items: Vec<String> = vars.iter().map(|v| format!("${v}")).collect();
    format!("{{{}}}", items.join(", "))
}

/// Compares a translation with the English reference and describes every
/// difference: missing ids, extra ids, duplicated ids and, for ids present in
/// both, differing sets of variables. Empty when they agree.
fn compare(en: &str, other: &str) -> Vec<String> {
    let en = parse(en);
    let other = parse(other);
    let mut problems = Vec::new();

    let missing: Vec<&String> = en
        .vars
        .keys()
        .filter(|id| !other.vars.contains_key(*id))
        .collect();
    if !missing.is_empty() {
        problems.push(format!(
            "missing ids (in English, not translated): {}",
            list(missing)
        ));
    }
    let extra: Vec<&String> = other
        .vars
        .keys()
        .filter(|id| !en.vars.contains_key(*id))
        .collect();
    if !extra.is_empty() {
        problems.push(format!("extra ids (not in English): {}", list(extra)));
    }
    if !en.duplicates.is_empty() {
        problems.push(format!(
            "ids defined more than once in English: {}",
            list(&en.duplicates)
        ));
    }
    if !other.duplicates.is_empty() {
        problems.push(format!(
            "ids defined more than once: {}",
            list(&other.duplicates)
        ));
    }
    for (id, en_vars) in &en.vars {
        if let Some(vars) = other.vars.get(id) {
            if vars != en_vars {
                problems.push(format!(
                    "id {id}: variables {} differ from English {}",
                    dollar_list(vars),
                    dollar_list(en_vars)
                ));
            }
        }
    }
    problems
}

fn i18n_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The language directories under `i18n/`, sorted.
fn languages() -> Vec<String> {
    let dir = i18n_dir();
    let mut langs: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry"))
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    langs.sort();
    langs
}

#[test]
fn every_language_has_the_english_ids_and_variables() {
    let en_path = i18n_dir().join(REFERENCE).join(FILE);
    let en = read(&en_path);
    assert!(
        !parse(&en).vars.is_empty(),
        "no messages found in {}",
        en_path.display()
    );

    let mut failures = Vec::new();
    for lang in languages().iter().filter(|l| *l != REFERENCE) {
        let path = i18n_dir().join(lang).join(FILE);
        if !path.is_file() {
            failures.push(format!("[{lang}] {FILE} is missing ({})", path.display()));
            continue;
        }
        for problem in compare(&en, &read(&path)) {
            failures.push(format!("[{lang}] {problem}"));
        }
    }
    assert!(
        failures.is_empty(),
        "translations differ from i18n/{REFERENCE}/{FILE}:\n  {}",
        failures.join("\n  ")
    );
}

#[test]
fn the_required_languages_are_shipped() {
    let langs = languages();
    let absent: Vec<&&str> = REQUIRED
        .iter()
        .filter(|l| !langs.iter().any(|have| have == *l))
        .collect();
    assert!(
        absent.is_empty(),
        "languages missing under i18n/: {absent:?} (found {langs:?})"
    );
}

#[test]
fn compare_reports_missing_extra_and_renamed_variables() {
    let en = "\
# comment
## Section
greeting = Hello, { $name }!
farewell = Goodbye
count = { $n ->
    [one] one item
   *[other] { $n } items
}
button = Click
    .title = Open { $target }
";
    let other = "\
## Abschnitt
greeting = Hallo, { $nom }!
count = { $n ->
    [one] ein Element
   *[other] { $n } Elemente
}
button = Klicken
    .title = { $target } öffnen
extra-key = Zusätzlich
";
    let problems = compare(en, other);
    assert_eq!(problems.len(), 3, "unexpected problems: {problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("missing ids") && p.contains("farewell")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("extra ids") && p.contains("extra-key")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("greeting") && p.contains("$nom") && p.contains("$name")),
        "{problems:#?}"
    );

    // Identical files agree, and attribute ids count as ids.
    assert!(compare(en, en).is_empty());
    let without_title = other.replace("    .title = { $target } öffnen\n", "");
    assert!(
        compare(en, &without_title)
            .iter()
            .any(|p| p.starts_with("missing ids") && p.contains("button.title")),
        "attribute ids must be compared"
    );
}

#[test]
fn parser_reads_variables_only_inside_placeables() {
    let entries = parse(
        "price = costs $5 for { $who }, { \"$literal\" }, { NUMBER($amount) }\n\
         -term = { $ignored }\n\
         \x20   continuation of the term { $also_ignored }\n\
         dup = one\n\
         dup = two\n",
    );
    let price = &entries.vars["price"];
    assert_eq!(
        price.iter().map(String::as_str).collect::<Vec<_>>(),
        ["amount", "who"]
    );
    assert_eq!(entries.vars.len(), 2, "{:?}", entries.vars.keys());
    assert!(entries.duplicates.contains("dup"));
}
