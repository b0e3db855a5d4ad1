//! `src/backend/connect.ps1` never lets the request or the tenant password
//! reach a cmdlet. With PowerShell module logging on (event 4103 records
//! every cmdlet's parameter values) or transcription, anything bound to a
//! cmdlet parameter or piped into a cmdlet lands in the event log.
//!
//! A small taint check over the script's text, line by line:
//! - sources: standard input (`OpenStandardInput`, `[Console]::In`,
//!   `$input`, `ReadToEnd`) and the password field (`tenant_password`);
//! - a variable assigned from, or iterated over, a tainted expression is
//!   tainted (flow-insensitive: once tainted, always); reading a named field
//!   other than the password (`$fields['op']`) is clean, and a method call
//!   never taints its receiver, so `$secure.AppendChar($ch)` leaves the
//!   SecureString (and the PSCredential built from it) clean: they are the
//!   sealed forms that may go to `-Credential` and into the remote session;
//! - a tainted variable must not appear on a line that runs a command: a
//!   Verb-Noun cmdlet, a pipeline, `&` or `.` invocation, a common alias or
//!   one of the script's own functions. `ConvertFrom-Json` is not used at all.
//!
//! Statements split over several lines (other than with a trailing
//! backtick) are not followed; the script keeps each command on one line.

use std::collections::BTreeSet;

const SCRIPT: &str = include_str!("../src/backend/connect.ps1");
const PASSWORD_FIELD: &str = "tenant_password";
const ALIASES: &[&str] = &[
    "iex", "echo", "write", "select", "where", "foreach", "%", "?", "sc", "ac", "tee", "ft", "fl",
    "out", "icm", "nmo",
];

/// One line with comments removed and string contents blanked (the same
/// length, so positions still match `raw`); variables inside double-quoted
/// strings stay, they are interpolated.
fn blank(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => break,
            '\'' => {
                out.push('\'');
                i += 1;
                while i < chars.len() {
                    if chars[i] == '\'' {
                        if chars.get(i + 1) == Some(&'\'') {
                            out.push_str("  ");
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push('\'');
                }
            }
            '"' => {
                out.push('"');
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '`' {
                        out.push_str("  ");
                        i += 2;
                        continue;
                    }
                    if chars[i] == '$' {
                        out.push('$');
                        i += 1;
                        while i < chars.len() && is_ident(chars[i]) {
                            out.push(chars[i]);
                            i += 1;
                        }
                        continue;
                    }
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push('"');
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == ':'
}

/// Every `$name` in `code` (blanked), with the literal key that follows it
/// in `raw` if it is indexed with one (`$fields['op']`).
fn variables(code: &str, raw: &str) -> Vec<(String, Option<String>)> {
    let code: Vec<char> = code.chars().collect();
    let raw: Vec<char> = raw.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < code.len() {
        if code[i] == '$' {
            let start = i + 1;
            let mut j = start;
            while j < code.len() && is_ident(code[j]) {
                j += 1;
            }
            let name: String = code[start..j].iter().collect::<String>().to_lowercase();
            let mut key = None;
            if raw.get(j) == Some(&'[') && raw.get(j + 1) == Some(&'\'') {
                let end = (j + 2..raw.len()).find(|&k| raw[k] == '\'');
                if let Some(end) = end {
                    key = Some(raw[j + 2..end].iter().collect());
                }
            }
            if !name.is_empty() {
                found.push((name, key));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

fn is_source(raw: &str) -> bool {
    let lower = raw.to_lowercase();
    lower.contains("openstandardinput")
        || lower.contains("[console]::in")
        || lower.contains("readtoend")
        || lower.contains("$input")
        || lower.contains(PASSWORD_FIELD)
}

/// Whether an expression (blanked `code`, original `raw`) carries taint.
fn tainted(code: &str, raw: &str, taint: &BTreeSet<String>) -> bool {
    if is_source(&without_comment(raw)) {
        return true;
    }
    variables(code, raw).into_iter().any(|(name, key)| {
        taint.contains(&name) && key.is_none_or(|k| k.eq_ignore_ascii_case(PASSWORD_FIELD))
    })
}

fn without_comment(raw: &str) -> String {
    let code = blank(raw);
    raw.chars().take(code.chars().count()).collect()
}

/// The end of the expression starting at `from`: a `;` or an unmatched
/// closing bracket at depth 0, or the end of the line.
fn expression_end(code: &[char], from: usize) -> usize {
    let mut depth = 0i32;
    for (k, &c) in code.iter().enumerate().skip(from) {
        match c {
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' => {
                depth -= 1;
                if depth < 0 {
                    return k;
                }
            }
            ';' if depth == 0 => return k,
            _ => {}
        }
    }
    code.len()
}

/// `(target, right-hand side as (code, raw))` for every assignment and
/// `foreach ($x in ...)` on a line.
fn assignments(code: &str, raw: &str) -> Vec<(String, String, String)> {
    let c: Vec<char> = code.chars().collect();
    let r: Vec<char> = raw.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i] == '$' {
            let mut j = i + 1;
            while j < c.len() && is_ident(c[j]) {
                j += 1;
            }
            let name: String = c[i + 1..j].iter().collect::<String>().to_lowercase();
            // Optional index or member path, then `=` (not `==`).
            let mut k = j;
            loop {
                if k < c.len() && c[k] == '[' {
                    match (k..c.len()).find(|&m| c[m] == ']') {
                        Some(m) => k = m + 1,
                        None => break,
                    }
                } else if k < c.len() && c[k] == '.' {
                    k += 1;
                    while k < c.len() && is_ident(c[k]) {
                        k += 1;
                    }
                } else {
                    break;
                }
            }
            while k < c.len() && c[k] == ' ' {
                k += 1;
            }
            if k < c.len() && c[k] == '=' && c.get(k + 1) != Some(&'=') {
                let end = expression_end(&c, k + 1);
                out.push((
                    name,
                    c[k + 1..end].iter().collect(),
                    r[k + 1..end].iter().collect(),
                ));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let lower = code.to_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("foreach") {
        let at = from + at;
        from = at + 7;
        let rest = &lower[from..];
        let Some(open) = rest.find('(') else { continue };
        if !rest[..open].trim().is_empty() {
            continue;
        }
        let inner_start = from + open + 1;
        let inner: String = lower[inner_start..].to_string();
        let Some(dollar) = inner.find('$') else {
            continue;
        };
        let after = &inner[dollar + 1..];
        let name: String = after.chars().take_while(|&c| is_ident(c)).collect();
        let Some(in_at) = after.find(" in ") else {
            continue;
        };
        let start = inner_start + dollar + 1 + in_at + 4;
        let end = expression_end(&c, start);
        out.push((
            name,
            c[start..end].iter().collect(),
            r[start..end].iter().collect(),
        ));
    }
    out
}

/// Whether a blanked line runs a command (cmdlet, pipeline, call operator,
/// alias, one of the script's functions).
fn runs_command(code: &str, functions: &BTreeSet<String>) -> bool {
    let chars: Vec<char> = code.chars().collect();
    // Verb-Noun: letters, '-', letters, not starting after '-', '$', '.', letter.
    for i in 0..chars.len() {
        if chars[i] != '-' || i == 0 {
            continue;
        }
        let mut s = i;
        while s > 0 && chars[s - 1].is_ascii_alphabetic() {
            s -= 1;
        }
        let before_ok = s == 0 || !matches!(chars[s - 1], '-' | '$' | '.' | ':' | '_');
        let verb = s < i;
        let noun = chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic());
        if verb && noun && before_ok {
            return true;
        }
    }
    for (i, &ch) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let prev = if i == 0 { ' ' } else { chars[i - 1] };
        if ch == '|' && next != '|' && prev != '|' {
            return true;
        }
        if ch == '&' && matches!(next, ' ' | '$' | '{' | '(') {
            return true;
        }
        if ch == '.' && matches!(prev, ' ' | '(' | '{') && matches!(next, ' ' | '$') {
            return true;
        }
    }
    // Words that are not members (`$x.Write(...)`, `[T]::Parse`).
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut member = false;
    for (i, &ch) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        if ch.is_ascii_alphanumeric() || ch == '_' || ch == '$' || ch == '-' {
            if word.is_empty() {
                member = i > 0 && matches!(chars[i - 1], '.' | ':');
            }
            word.push(ch.to_ascii_lowercase());
        } else {
            if !word.is_empty() && !member && !word.starts_with('$') && !word.starts_with('-') {
                words.push(std::mem::take(&mut word));
            }
            word.clear();
        }
    }
    // `foreach (` is the statement, not the alias of ForEach-Object (which
    // needs a pipeline, caught above).
    words
        .iter()
        .any(|w| functions.contains(w) || (ALIASES.contains(&w.as_str()) && w != "foreach"))
        || code.split_whitespace().any(|w| w == "%" || w == "?")
}

/// Line numbers (1-based) and text of every violation in `script`, and the
/// tainted variables found.
fn check(script: &str) -> (Vec<(usize, String)>, BTreeSet<String>) {
    // Backtick continuations joined, line numbers kept.
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (n, line) in script.lines().enumerate() {
        let (start, mut text) = pending.take().unwrap_or((n + 1, String::new()));
        text.push_str(line);
        if text.trim_end().ends_with('`') {
            let trimmed = text.trim_end().trim_end_matches('`').to_string();
            pending = Some((start, trimmed + " "));
        } else {
            lines.push((start, text));
        }
    }
    if let Some(rest) = pending {
        lines.push(rest);
    }
    let blanked: Vec<String> = lines.iter().map(|(_, l)| blank(l)).collect();
    let mut functions = BTreeSet::new();
    for code in &blanked {
        let lower = code.to_lowercase();
        if let Some(at) = lower.find("function ") {
            let name: String = lower[at + 9..]
                .trim_start()
                .chars()
                .take_while(|&c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                .collect();
            functions.insert(name);
        }
    }
    let mut taint: BTreeSet<String> = BTreeSet::from(["input".to_string()]);
    loop {
        let before = taint.len();
        for ((_, raw), code) in lines.iter().zip(&blanked) {
            for (target, rhs_code, rhs_raw) in assignments(code, raw) {
                if tainted(&rhs_code, &rhs_raw, &taint) {
                    taint.insert(target);
                }
            }
        }
        if taint.len() == before {
            break;
        }
    }
    let mut violations = Vec::new();
    for ((n, raw), code) in lines.iter().zip(&blanked) {
        let bad_parse = code.to_lowercase().contains("convertfrom-json");
        if bad_parse || (runs_command(code, &functions) && tainted(code, raw, &taint)) {
            violations.push((*n, raw.trim().to_string()));
        }
    }
    (violations, taint)
}

#[test]
fn the_request_and_the_password_never_reach_a_cmdlet() {
    let (violations, taint) = check(SCRIPT);
    assert!(
        violations.is_empty(),
        "connect.ps1 hands the request or the password to a command:\n{}",
        violations
            .iter()
            .map(|(n, l)| format!("  line {n}: {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The check saw what it should: the request text and the password's
    // characters are tainted, the sealed credential and plain fields not.
    for name in ["text", "fields", "ch"] {
        assert!(taint.contains(name), "{name} should be tainted: {taint:?}");
    }
    for name in [
        "credential",
        "secure",
        "op",
        "remote",
        "connector",
        "enable",
    ] {
        assert!(!taint.contains(name), "{name} should be clean: {taint:?}");
    }
}

#[test]
fn the_credential_is_built_in_the_script_and_only_it_goes_remote() {
    let invoke: Vec<&str> = SCRIPT
        .lines()
        .filter(|l| l.contains("Invoke-Command"))
        .collect();
    assert_eq!(invoke.len(), 1, "{invoke:?}");
    assert!(invoke[0].contains("-ArgumentList $op, $connector, $enable, $credential"));
    assert!(SCRIPT.contains("[System.Management.Automation.PSCredential]::new("));
    assert!(!SCRIPT.contains("New-Object System.Management.Automation.PSCredential"));
    assert!(!SCRIPT.to_lowercase().contains("start-transcript"));
    // The password field is read in exactly one place (into the SecureString).
    let reads = SCRIPT
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter(|l| l.contains("$fields['tenant_password']") && !l.contains("= $null"))
        .count();
    assert_eq!(reads, 1);
}

/// The check itself catches what it is there for.
#[test]
fn the_check_rejects_leaks() {
    let prelude = "$reader = [System.IO.StreamReader]::new([Console]::OpenStandardInput())\n\
                   $text = $reader.ReadToEnd()\n\
                   $fields = @{}\n\
                   $fields['x'] = $text\n\
                   function Fail([string]$kind) { return $kind }\n";
    let leaks = [
        "$req = $stdin.ReadToEnd() | ConvertFrom-Json",
        "$req = ConvertFrom-Json -InputObject $text",
        "$result = Invoke-Command -ComputerName $h -ScriptBlock $work -ArgumentList $fields",
        "$result = & $work $fields",
        "$p = [string]$fields['tenant_password']\nWrite-Verbose $p",
        "$p = $fields.tenant_password\n$s = New-Object System.Security.SecureString($p)",
        "Set-Content -Path log.txt -Value $text",
        "$text | Out-Null",
        "$copy = $fields\n$copy | ForEach-Object { $_ }",
        "Write-Host \"request: $text\"",
        "Fail $text",
        "Write $text",
        "foreach ($c in $fields.Values) { Write-Output $c }",
        "Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true `\n    -Credential $text",
    ];
    for leak in leaks {
        let script = format!("{prelude}{leak}\n");
        let (violations, _) = check(&script);
        assert!(!violations.is_empty(), "not caught:\n{leak}");
    }
    let fine = format!(
        "{prelude}$op = [string]$fields['op']\nWrite-Verbose $op\n\
         $secure = [System.Security.SecureString]::new()\n\
         foreach ($ch in ([string]$fields['tenant_password']).ToCharArray()) {{ $secure.AppendChar($ch) }}\n\
         $credential = [System.Management.Automation.PSCredential]::new('u', $secure)\n\
         Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true -Credential $credential\n"
    );
    let (violations, _) = check(&fine);
    assert!(violations.is_empty(), "{violations:?}");
}
