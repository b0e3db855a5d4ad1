//! The house stays straight: every `src/**/*.rs` file imports only modules
//! on its own floor or below ([`LAYERS`]: `ad` … `cli`, then the crate
//! root), and no files import each other in a loop. The imports are read
//! from the code itself: `use crate::…` with its groups and aliases, inline
//! `crate::x::` paths, `super::`/`self::` resolved to their module (inline
//! `mod tests` shifts them), a child module named from its parent,
//! `writeback_wizard::` in `main.rs`, exported macros at the file that
//! defines them; comments, doc comments, strings and characters are
//! skipped. A name a module hands on with `pub use` resolves to the file
//! that defines it. A parent's imports of its own submodules (its face,
//! its dispatch to them) are never part of a loop: a folder is one room
//! seen from outside; its children's imports of each other are.
//!
//! The checker is tested on small synthetic trees too, so that it is known
//! to fail where it should.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod support {
    pub mod imports;
}

use support::imports::{Tok, references, tokens};

/// The floors, lowest first: a module may import its own floor and those
/// below. Every top-level module of `src/` must be here.
const LAYERS: &[(&str, u8)] = &[
    ("ad", 0),
    ("fsperm", 1),
    ("localize", 2),
    ("audit", 3),
    ("theme", 4),
    ("widget", 5),
    ("focus", 5),
    ("backend", 6),
    ("profile", 7),
    ("session", 7),
    ("task", 8),
    ("diagnostics", 8),
    ("explain", 9),
    ("runbook", 9),
    ("page", 10),
    ("app", 11),
    ("headless", 11),
    ("cli", 12),
    // The crate root (`lib.rs`) and the binary (`main.rs`).
    ("", 13),
];

/// Upward imports that another part of the same change removes (file,
/// path as written). Each must still be found, so that the list is
/// emptied as they go.
const PENDING: &[(&str, &str)] = &[];

#[test]
fn the_source_tree_has_no_upward_import_and_no_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    assert!(files.len() > 50, "the tree was not read: {}", files.len());
    let mut problems = check(&files);
    for (file, path) in PENDING {
        let named = format!("upward: {file} → {path} (");
        let before = problems.len();
        problems.retain(|p| !p.starts_with(&named));
        if problems.len() == before {
            problems.push(format!("pending, but gone: {file} → {path}: strike it"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) with the layers:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Every `.rs` file under `dir`, as (`src/…` path, text).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy();
            let rel = format!("src/{}", rel.replace('\\', "/"));
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

// ---------------------------------------------------------------------
// The checker.
// ---------------------------------------------------------------------

/// One import: from a file to the file that defines the module named.
#[derive(Clone, Debug)]
struct Edge {
    from: String,
    to: String,
    /// The path as written (`crate::page::Status`).
    path: String,
    /// To the file's own submodule: the parent's face or its use of
    /// its children, never part of a loop.
    child: bool,
}

/// Every problem of a tree of (`src/…` path, text): upward imports,
/// unplaced modules, then loops, one line each.
fn check(files: &[(String, String)]) -> Vec<String> {
    let modules: BTreeMap<Vec<String>, String> = files
        .iter()
        .filter_map(|(p, _)| module_of(p).map(|m| (m, p.clone())))
        .collect();
    let mut read = BTreeMap::new();
    for (path, text) in files {
        if let Some(module) = module_of(path) {
            read.insert(
                path.clone(),
                references(&tokens(text), &module, path == "src/main.rs"),
            );
        }
    }
    // What each file's `pub use` hands on, by the name it is known by.
    let faces: BTreeMap<String, BTreeMap<String, Vec<String>>> = read
        .iter()
        .map(|(path, refs)| {
            let names = refs
                .iter()
                .filter(|r| r.public_use && r.name != "*")
                .map(|r| (r.name.clone(), r.path.clone()))
                .collect();
            (path.clone(), names)
        })
        .collect();
    let tree = Tree {
        modules,
        faces,
        macros: exported_macros(files),
    };
    let mut edges = Vec::new();
    for (path, refs) in &read {
        let module = module_of(path).unwrap_or_default();
        for r in refs {
            let Some(to) = tree.resolve(&r.path, 0) else {
                continue;
            };
            if &to == path {
                continue;
            }
            let child = module_of(&to).is_some_and(|m| m.starts_with(&module) && m != module);
            edges.push(Edge {
                from: path.clone(),
                to,
                path: r.written.clone(),
                child,
            });
        }
    }
    let mut problems = Vec::new();
    for e in &edges {
        let (Some(from), Some(to)) = (layer_of(&e.from), layer_of(&e.to)) else {
            continue;
        };
        if from.1 < to.1 {
            problems.push(format!(
                "upward: {} → {} (`{}` on floor {} imports `{}` on floor {})",
                e.from, e.path, from.0, from.1, to.0, to.1
            ));
        }
    }
    for (path, _) in files {
        if module_of(path).is_some() && layer_of(path).is_none() {
            problems.push(format!("unplaced: {path} is on no floor of LAYERS"));
        }
    }
    for cycle in cycles(&edges) {
        let mut lines: Vec<String> = edges
            .iter()
            .filter(|e| !e.child && cycle.contains(&e.from) && cycle.contains(&e.to))
            .map(|e| format!("    {} → {}", e.from, e.path))
            .collect();
        lines.sort();
        lines.dedup();
        problems.push(format!(
            "cycle between {}:\n{}",
            cycle.iter().cloned().collect::<Vec<_>>().join(", "),
            lines.join("\n")
        ));
    }
    problems
}

/// What names resolve against: each file's module, what its `pub use`
/// hands on, and the exported macros.
struct Tree {
    modules: BTreeMap<Vec<String>, String>,
    faces: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    macros: BTreeMap<String, String>,
}

impl Tree {
    /// The file that defines what an absolute path names: the file of
    /// its longest prefix that is a module (an item, or an inline module,
    /// lives in that file), followed through that file's `pub use`; an
    /// exported macro's file; None for the root itself.
    fn resolve(&self, path: &[String], depth: u8) -> Option<String> {
        for len in (1..=path.len()).rev() {
            let Some(file) = self.modules.get(&path[..len]) else {
                continue;
            };
            let handed = path
                .get(len)
                .and_then(|name| self.faces.get(file)?.get(name));
            if let Some(target) = handed.filter(|_| depth < 8) {
                let mut next = target.clone();
                next.extend(path[len + 1..].iter().cloned());
                return self.resolve(&next, depth + 1).or(Some(file.clone()));
            }
            return Some(file.clone());
        }
        self.macros.get(path.first()?).cloned()
    }
}

/// The module a file defines (`src/task/prove/mod.rs` → `task::prove`);
/// `lib.rs` and `main.rs` are the root. None outside `src/`.
fn module_of(path: &str) -> Option<Vec<String>> {
    let rel = path.strip_prefix("src/")?.strip_suffix(".rs")?;
    if rel == "lib" || rel == "main" {
        return Some(Vec::new());
    }
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    Some(parts)
}

/// A file's floor: its top-level module's name and floor.
fn layer_of(path: &str) -> Option<(&'static str, u8)> {
    let module = module_of(path)?;
    let top = module.first().map_or("", String::as_str);
    LAYERS.iter().find(|(m, _)| *m == top).copied()
}

/// `#[macro_export]` macros live at the crate root: their name, and the
/// file that defines them.
fn exported_macros(files: &[(String, String)]) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for (path, text) in files {
        let t = tokens(text);
        for (i, w) in t.windows(3).enumerate() {
            if w[0] == Tok::Ident("macro_rules".into()) && w[1] == Tok::Punct('!') {
                if let Tok::Ident(name) = &w[2] {
                    let exported = t[..i]
                        .iter()
                        .rev()
                        .take(8)
                        .any(|x| *x == Tok::Ident("macro_export".into()));
                    if exported {
                        found.insert(name.clone(), path.clone());
                    }
                }
            }
        }
    }
    found
}

/// Loops: the strongly connected components of more than one file, a
/// parent's imports of its own submodules left out (Tarjan).
fn cycles(edges: &[Edge]) -> Vec<BTreeSet<String>> {
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in edges.iter().filter(|e| !e.child) {
        graph.entry(&e.from).or_default().insert(&e.to);
        graph.entry(&e.to).or_default();
    }
    struct State<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        found: Vec<BTreeSet<String>>,
    }
    fn visit<'a>(v: &'a str, g: &BTreeMap<&'a str, BTreeSet<&'a str>>, s: &mut State<'a>) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on.insert(v);
        for &w in &g[v] {
            if !s.index.contains_key(w) {
                visit(w, g, s);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                component.insert(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        found: Vec::new(),
    };
    for &v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(v, &graph, &mut s);
        }
    }
    s.found
}

// ---------------------------------------------------------------------
// The checker on synthetic trees.
// ---------------------------------------------------------------------

fn tree(files: &[(&str, &str)]) -> Vec<String> {
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    check(&files)
}

#[test]
fn an_upward_import_is_named_with_its_file() {
    let problems = tree(&[
        ("src/lib.rs", "pub mod task; pub mod widget;"),
        ("src/task/mod.rs", "pub struct Outcome;"),
        ("src/widget.rs", "use crate::task::Outcome;"),
    ]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("src/widget.rs → crate::task::Outcome"),
        "{problems:?}"
    );
}

#[test]
fn grouped_inline_and_super_paths_are_read() {
    let problems = tree(&[
        ("src/lib.rs", "pub mod ad; pub mod page; pub mod backend;"),
        ("src/page.rs", "pub enum Status {}"),
        ("src/backend/mod.rs", "pub mod sync; pub struct X;"),
        (
            "src/backend/sync.rs",
            "use crate::{ad::Sid, page::{self, Status}};",
        ),
        ("src/ad/mod.rs", "pub mod sid; pub mod dn;"),
        ("src/ad/sid.rs", "pub struct Sid;"),
        (
            "src/ad/dn.rs",
            "fn f() { let _ = super::super::backend::X; crate::page::g(); }",
        ),
    ]);
    let has = |s: &str| problems.iter().any(|p| p.contains(s));
    assert!(has("src/backend/sync.rs → crate::page (`"), "{problems:?}");
    assert!(
        has("src/backend/sync.rs → crate::page::Status"),
        "{problems:?}"
    );
    assert!(
        has("src/ad/dn.rs → super::super::backend::X"),
        "{problems:?}"
    );
    assert!(has("src/ad/dn.rs → crate::page::g"), "{problems:?}");
    assert!(!has("crate::ad"), "downward imports are fine: {problems:?}");
}

#[test]
fn comments_strings_and_chars_are_not_imports() {
    let problems = tree(&[
        ("src/lib.rs", "pub mod ad; pub mod cli;"),
        ("src/cli.rs", "pub fn run() {}"),
        (
            "src/ad.rs",
            r##"
            //! Words for `crate::cli::run`.
            /// See [`crate::cli`].
            // use crate::cli;
            /* use crate::cli; /* nested */ crate::cli::run */
            const A: &str = "crate::cli::run";
            const B: &str = r#"use crate::cli;"#;
            const C: char = '"';
            const D: char = '\'';
            const E: [char; 2] = ['\\', '"'];
            fn f<'a>(x: &'a str) -> &'a str { x }
            "##,
        ),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_cycle_between_files_is_named() {
    let problems = tree(&[
        ("src/lib.rs", "pub mod task;"),
        ("src/task/mod.rs", "pub mod a; pub mod b;"),
        ("src/task/a.rs", "use super::b::x; pub fn y() {}"),
        ("src/task/b.rs", "pub fn x() { super::a::y() }"),
    ]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("cycle between src/task/a.rs, src/task/b.rs"),
        "{problems:?}"
    );
    assert!(problems[0].contains("src/task/b.rs → super::a::y"));
}

#[test]
fn a_parent_and_its_children_are_no_loop_but_siblings_through_its_face_are() {
    let parent = tree(&[
        ("src/lib.rs", "pub mod task;"),
        (
            "src/task/mod.rs",
            "mod a; pub use a::y; pub struct Shared; fn z() { a::y() }",
        ),
        ("src/task/a.rs", "use super::Shared; pub fn y() {}"),
    ]);
    assert!(parent.is_empty(), "{parent:?}");
    let siblings = tree(&[
        ("src/lib.rs", "pub mod task;"),
        ("src/task/mod.rs", "mod a; mod b; pub use b::{Y as Why};"),
        ("src/task/a.rs", "use super::Why; pub fn z() {}"),
        ("src/task/b.rs", "pub struct Y; fn f() { super::a::z() }"),
    ]);
    assert_eq!(siblings.len(), 1, "{siblings:?}");
    assert!(
        siblings[0].contains("src/task/a.rs → super::Why"),
        "{siblings:?}"
    );
}

#[test]
fn inline_test_modules_shift_super_and_macros_live_where_defined() {
    let problems = tree(&[
        ("src/lib.rs", "pub mod localize; pub mod ad;"),
        (
            "src/localize.rs",
            "#[macro_export]\nmacro_rules! fl { () => { $crate::localize::f() } }\npub fn f() {}",
        ),
        (
            "src/ad.rs",
            "fn g() {} #[cfg(test)] mod tests { use super::*; use crate::fl; }",
        ),
    ]);
    let has = |s: &str| problems.iter().any(|p| p.contains(s));
    assert!(has("src/ad.rs → crate::fl"), "{problems:?}");
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn a_module_on_no_floor_is_named() {
    let problems = tree(&[("src/lib.rs", "pub mod attic;"), ("src/attic.rs", "")]);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("unplaced: src/attic.rs"))
    );
}
