//! The runbook as one self-contained HTML file: inline CSS, images as
//! `data:` URLs, no scripts, fonts, links or anything else fetched, so it
//! opens offline and can be attached to a ticket as it is.

use std::fmt::Write;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::{Line, Runbook, text};
use crate::fl;
use crate::task::permissions::Outcome;

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f4f4f4;color:#1b1b1b;line-height:1.45}
main{max-width:1000px;margin:0 auto;padding:24px 32px 48px;background:#fff}
h1{margin:0 0 4px;font-size:28px}h2{margin-top:36px;border-bottom:2px solid #ddd;padding-bottom:4px}
h3{margin:24px 0 6px}h4{margin:14px 0 4px;font-size:14px;color:#444}
.meta{color:#666;margin:0}.demo{display:inline-block;background:#b5792e;color:#fff;border-radius:4px;padding:1px 8px;font-size:13px}
nav ol{columns:2;padding-left:20px}
ul.lines{list-style:none;padding:0}ul.lines li{margin:4px 0;white-space:pre-line}
.badge{display:inline-block;min-width:64px;text-align:center;border-radius:10px;padding:0 8px;margin-right:8px;font-size:12px;color:#fff}
.badge.ok{background:#0e6245}.badge.warning{background:#b5792e}.badge.blocking{background:#c23b3b}
figure{margin:12px 0}figure img{max-width:100%;border:1px solid #ccc;border-radius:4px}figcaption{color:#666;font-size:13px}
.noshot{color:#888;font-style:italic}
pre{background:#f6f6f6;border:1px solid #e2e2e2;border-radius:4px;padding:8px;white-space:pre-wrap;word-break:break-all;font-size:12px}
.diff .add{color:#0e6245}.diff .del{color:#c23b3b}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:6px 0}dt{color:#555}dd{margin:0}
article.change{border:1px solid #ddd;border-radius:6px;padding:4px 16px 12px;margin:12px 0}
";

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn badge(o: Outcome) -> String {
    let (class, label) = match o {
        Outcome::Ok => ("ok", fl!("outcome-ok")),
        Outcome::Warning => ("warning", fl!("outcome-warning")),
        Outcome::Blocking => ("blocking", fl!("outcome-blocking")),
    };
    format!("<span class=\"badge {class}\">{}</span>", escape(&label))
}

fn lines(out: &mut String, lines: &[Line]) {
    if lines.is_empty() {
        return;
    }
    out.push_str("<ul class=\"lines\">\n");
    for l in lines {
        let b = l.outcome.map(badge).unwrap_or_default();
        let _ = writeln!(out, "<li>{b}{}</li>", escape(&l.text));
    }
    out.push_str("</ul>\n");
}

/// Renders the whole runbook.
pub fn render(rb: &Runbook) -> String {
    let mut o = String::new();
    let title = fl!("runbook-title");
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(&rb.lang),
        escape(&title)
    );
    let _ = writeln!(o, "<header>\n<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        o,
        "<p class=\"meta\">{}</p>",
        escape(&fl!(
            "runbook-meta",
            environment = rb.environment.clone(),
            time = rb.generated.clone()
        ))
    );
    if !rb.run.is_empty() {
        let _ = writeln!(o, "<p class=\"meta run\">{}</p>", escape(&rb.run));
    }
    if rb.demo {
        let _ = writeln!(
            o,
            "<p><span class=\"demo\">{}</span> {}</p>",
            escape(&fl!("demo-badge")),
            escape(&fl!("runbook-demo-note"))
        );
    }
    o.push_str("</header>\n");

    // Contents (links inside this file only).
    let _ = writeln!(
        o,
        "<nav>\n<h2>{}</h2>\n<ol>",
        escape(&fl!("runbook-contents"))
    );
    let toc = [
        ("purpose", fl!("runbook-purpose")),
        ("prerequisites", fl!("runbook-prerequisites")),
        ("steps", fl!("runbook-steps")),
        ("changes", fl!("runbook-changes")),
        ("verification", fl!("runbook-verification")),
        ("undo", fl!("runbook-undo")),
    ];
    for (id, name) in &toc {
        if *id == "steps" && rb.steps.is_empty() {
            continue;
        }
        let _ = writeln!(o, "<li><a href=\"#{id}\">{}</a></li>", escape(name));
    }
    o.push_str("</ol>\n</nav>\n");

    let _ = writeln!(
        o,
        "<section id=\"purpose\">\n<h2>{}</h2>",
        escape(&toc[0].1)
    );
    for p in &rb.purpose {
        let _ = writeln!(o, "<p>{}</p>", escape(p));
    }
    o.push_str("</section>\n");

    let _ = writeln!(
        o,
        "<section id=\"prerequisites\">\n<h2>{}</h2>\n<ul>",
        escape(&toc[1].1)
    );
    for p in &rb.prerequisites {
        let _ = writeln!(o, "<li>{}</li>", escape(p));
    }
    o.push_str("</ul>\n</section>\n");

    if !rb.steps.is_empty() {
        let _ = writeln!(o, "<section id=\"steps\">\n<h2>{}</h2>", escape(&toc[2].1));
    }
    for (i, s) in rb.steps.iter().enumerate() {
        let heading = format!("{}. {}", i + 1, s.name);
        let _ = writeln!(
            o,
            "<article class=\"step\" id=\"step-{}\">\n<h3>{}</h3>\n<p>{}</p>",
            escape(&s.slug),
            escape(&heading),
            escape(&s.intro)
        );
        lines(&mut o, &s.lines);
        match &s.image {
            Some(png) => {
                let caption = fl!("runbook-screenshot", step = heading.clone());
                let _ = writeln!(
                    o,
                    "<figure><img alt=\"{}\" src=\"data:image/png;base64,{}\"><figcaption>{}</figcaption></figure>",
                    escape(&caption),
                    STANDARD.encode(png),
                    escape(&caption)
                );
            }
            None => {
                let _ = writeln!(
                    o,
                    "<p class=\"noshot\">{}</p>",
                    escape(&fl!("runbook-no-screenshot"))
                );
            }
        }
        o.push_str("</article>\n");
    }
    if !rb.steps.is_empty() {
        o.push_str("</section>\n");
    }

    let _ = writeln!(
        o,
        "<section id=\"changes\">\n<h2>{}</h2>",
        escape(&toc[3].1)
    );
    if rb.changes.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", escape(&fl!("runbook-no-changes")));
    }
    for r in &rb.changes {
        let _ = writeln!(
            o,
            "<article class=\"change\">\n<h3>{} — {}</h3>\n<dl>",
            escape(&text::plane(r.plane)),
            escape(&text::action(r.action))
        );
        for (k, v) in text::facts(r) {
            let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", escape(&k), escape(&v));
        }
        o.push_str("</dl>\n");
        let settings = text::settings(r);
        if !settings.is_empty() {
            o.push_str("<ul class=\"settings\">\n");
            for s in settings {
                let _ = writeln!(o, "<li>{}</li>", escape(&s));
            }
            o.push_str("</ul>\n");
        }
        if !r.added.is_empty() || !r.removed.is_empty() {
            let _ = writeln!(
                o,
                "<h4>{}</h4>\n<pre class=\"diff\">",
                escape(&fl!("runbook-sddl-diff"))
            );
            for a in &r.removed {
                let _ = writeln!(o, "<span class=\"del\">- {}</span>", escape(a));
            }
            for a in &r.added {
                let _ = writeln!(o, "<span class=\"add\">+ {}</span>", escape(a));
            }
            o.push_str("</pre>\n");
        }
        if let Some((before, after)) = text::sddl(r) {
            let _ = writeln!(
                o,
                "<h4>{}</h4>\n<pre class=\"sddl before\">{}</pre>\n<h4>{}</h4>\n<pre class=\"sddl after\">{}</pre>",
                escape(&fl!("runbook-sddl-before")),
                escape(&before),
                escape(&fl!("runbook-sddl-after")),
                escape(&after)
            );
        }
        o.push_str("</article>\n");
    }
    o.push_str("</section>\n");

    let _ = writeln!(
        o,
        "<section id=\"verification\">\n<h2>{}</h2>",
        escape(&toc[4].1)
    );
    if rb.verification.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", escape(&fl!("runbook-not-verified")));
    }
    lines(&mut o, &rb.verification);
    o.push_str("</section>\n");

    let _ = writeln!(
        o,
        "<section id=\"undo\">\n<h2>{}</h2>\n<ol>",
        escape(&toc[5].1)
    );
    for u in &rb.undo {
        let _ = write!(o, "<li><p>{}</p>", escape(&u.text));
        if let Some(c) = &u.command {
            let _ = write!(o, "<pre class=\"command\"><code>{}</code></pre>", escape(c));
        }
        o.push_str("</li>\n");
    }
    o.push_str("</ol>\n</section>\n</main>\n</body>\n</html>\n");
    o
}
