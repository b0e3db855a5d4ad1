//! The runbook as Markdown, its screenshots in a folder beside it.

use std::fmt::Write;

use super::{Line, Runbook, image_name, text};
use crate::fl;
use crate::task::permissions::Outcome;

/// Escapes the characters Markdown would read as markup in running text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn line(l: &Line) -> String {
    let badge = match l.outcome {
        Some(Outcome::Ok) => format!("**[{}]** ", fl!("outcome-ok")),
        Some(Outcome::Warning) => format!("**[{}]** ", fl!("outcome-warning")),
        Some(Outcome::Blocking) => format!("**[{}]** ", fl!("outcome-blocking")),
        None => String::new(),
    };
    // Continuation lines stay inside the list item.
    format!("- {badge}{}", escape(&l.text).replace('\n', "  \n  "))
}

/// Renders the runbook; images are referenced as `<folder>/NN-<page>.png`.
pub fn render(rb: &Runbook, folder: &str) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", escape(&fl!("runbook-title")));
    let _ = writeln!(
        o,
        "{}\n",
        escape(&fl!(
            "runbook-meta",
            environment = rb.environment.clone(),
            time = rb.generated.clone()
        ))
    );
    if !rb.run.is_empty() {
        let _ = writeln!(o, "{}\n", escape(&rb.run));
    }
    if rb.demo {
        let _ = writeln!(
            o,
            "**{}** — {}\n",
            escape(&fl!("demo-badge")),
            escape(&fl!("runbook-demo-note"))
        );
    }
    let _ = writeln!(o, "## {}\n", escape(&fl!("runbook-purpose")));
    for p in &rb.purpose {
        let _ = writeln!(o, "{}\n", escape(p));
    }
    let _ = writeln!(o, "## {}\n", escape(&fl!("runbook-prerequisites")));
    for p in &rb.prerequisites {
        let _ = writeln!(o, "- {}", escape(p));
    }
    o.push('\n');
    if !rb.steps.is_empty() {
        let _ = writeln!(o, "## {}\n", escape(&fl!("runbook-steps")));
    }
    for (i, s) in rb.steps.iter().enumerate() {
        let heading = format!("{}. {}", i + 1, s.name);
        let _ = writeln!(o, "### {}\n\n{}\n", escape(&heading), escape(&s.intro));
        for l in &s.lines {
            let _ = writeln!(o, "{}", line(l));
        }
        if !s.lines.is_empty() {
            o.push('\n');
        }
        match &s.image {
            Some(_) => {
                let caption = fl!("runbook-screenshot", step = heading.clone());
                let _ = writeln!(
                    o,
                    "![{}]({folder}/{})\n",
                    escape(&caption),
                    image_name(i, s)
                );
            }
            None => {
                let _ = writeln!(o, "*{}*\n", escape(&fl!("runbook-no-screenshot")));
            }
        }
    }
    let _ = writeln!(o, "## {}\n", escape(&fl!("runbook-changes")));
    if rb.changes.is_empty() {
        let _ = writeln!(o, "{}\n", escape(&fl!("runbook-no-changes")));
    }
    for r in &rb.changes {
        let _ = writeln!(
            o,
            "### {} — {}\n",
            escape(&text::plane(r.plane)),
            escape(&text::action(r.action))
        );
        for (k, v) in text::facts(r) {
            let _ = writeln!(o, "- {}: `{}`", escape(&k), v.replace('`', "'"));
        }
        for s in text::settings(r) {
            let _ = writeln!(o, "- {}", escape(&s));
        }
        o.push('\n');
        if !r.added.is_empty() || !r.removed.is_empty() {
            let _ = writeln!(o, "{}\n\n```diff", escape(&fl!("runbook-sddl-diff")));
            for a in &r.removed {
                let _ = writeln!(o, "- {a}");
            }
            for a in &r.added {
                let _ = writeln!(o, "+ {a}");
            }
            o.push_str("```\n\n");
        }
        if let Some((before, after)) = text::sddl(r) {
            let _ = writeln!(
                o,
                "{}\n\n```text\n{before}\n```\n\n{}\n\n```text\n{after}\n```\n",
                escape(&fl!("runbook-sddl-before")),
                escape(&fl!("runbook-sddl-after"))
            );
        }
    }
    let _ = writeln!(o, "## {}\n", escape(&fl!("runbook-verification")));
    if rb.verification.is_empty() {
        let _ = writeln!(o, "{}", escape(&fl!("runbook-not-verified")));
    }
    for l in &rb.verification {
        let _ = writeln!(o, "{}", line(l));
    }
    let _ = writeln!(o, "\n## {}\n", escape(&fl!("runbook-undo")));
    for (i, u) in rb.undo.iter().enumerate() {
        let _ = writeln!(o, "{}. {}", i + 1, escape(&u.text));
        if let Some(c) = &u.command {
            let _ = writeln!(o, "\n   ```sh\n   {c}\n   ```");
        }
    }
    o
}
