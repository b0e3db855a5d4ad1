//! Runbooks: what a run did, written down for the next admin and for
//! audits — purpose, prerequisites, each wizard step with its screenshot
//! (window runs), the exact changes, the verification results, the pilot
//! test and how to undo, all built from the run's audit log ([`build`]).
//! Rendered as one self-contained HTML file (images embedded) or as
//! Markdown beside a folder of PNGs. The same run and clock give the same
//! bytes.

pub mod build;
pub mod html;
pub mod md;
pub mod shots;
pub mod text;
pub mod undo;

use std::path::{Path, PathBuf};

use crate::audit::Record;
use crate::task::permissions::Outcome;

/// A runbook, every text already translated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Runbook {
    /// Language code of the texts.
    pub lang: String,
    /// When it was made (RFC 3339).
    pub generated: String,
    /// Made on the demo organization.
    pub demo: bool,
    /// Which organization (demo, or the profile / DC).
    pub environment: String,
    /// Which run (its id, window or command, when it started).
    pub run: String,
    /// Why the change is made.
    pub purpose: Vec<String>,
    /// What is needed before.
    pub prerequisites: Vec<String>,
    /// Each wizard step.
    pub steps: Vec<Section>,
    /// The changes made, as recorded in the audit trail.
    pub changes: Vec<Record>,
    /// What Verify found.
    pub verification: Vec<Line>,
    /// How to undo.
    pub undo: Vec<Undo>,
}

/// One wizard step.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Stable name (`permissions`), used for image file names.
    pub slug: String,
    /// Translated name.
    pub name: String,
    /// What the step does.
    pub intro: String,
    /// What it showed or did.
    pub lines: Vec<Line>,
    /// The page's screenshot (PNG), when one was taken.
    pub image: Option<Vec<u8>>,
}

/// A line with an optional status badge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// ok / warning / blocking, when the line is a finding.
    pub outcome: Option<Outcome>,
    /// The text.
    pub text: String,
}

impl Line {
    /// A finding.
    pub fn status(outcome: Outcome, text: String) -> Line {
        Line {
            outcome: Some(outcome),
            text,
        }
    }

    /// Plain text.
    pub fn plain(text: String) -> Line {
        Line {
            outcome: None,
            text,
        }
    }
}

/// One way to undo part of the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    /// What to do.
    pub text: String,
    /// The command line, when there is one.
    pub command: Option<String>,
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained HTML file.
    Html,
    /// Markdown beside a folder of PNGs.
    Md,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
        }
    }

    /// The format a file name asks for (`.md`/`.markdown`, else HTML).
    pub fn for_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
                Format::Md
            }
            _ => Format::Html,
        }
    }
}

/// The image file name of a step (`03-preflight.png`).
pub fn image_name(index: usize, section: &Section) -> String {
    format!("{:02}-{}.png", index + 1, section.slug)
}

/// Writes the runbook to `file`: HTML as one file; Markdown with its
/// images in `<stem>-images/` beside it. Returns every file written.
pub fn write(runbook: &Runbook, file: &Path, format: Format) -> std::io::Result<Vec<PathBuf>> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    match format {
        Format::Html => {
            std::fs::write(file, html::render(runbook))?;
            Ok(vec![file.to_path_buf()])
        }
        Format::Md => {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "runbook".into());
            let folder = format!("{stem}-images");
            let dir = file.with_file_name(&folder);
            let mut written = Vec::new();
            for (i, s) in runbook.steps.iter().enumerate() {
                if let Some(png) = &s.image {
                    std::fs::create_dir_all(&dir)?;
                    let path = dir.join(image_name(i, s));
                    std::fs::write(&path, png)?;
                    written.push(path);
                }
            }
            std::fs::write(file, md::render(runbook, &folder))?;
            written.insert(0, file.to_path_buf());
            Ok(written)
        }
    }
}
