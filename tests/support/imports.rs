//! The crate-internal imports of one Rust file, read from its tokens
//! (comments, strings and characters left out): `use` trees with their
//! groups and aliases, inline `crate::` paths, `super::`/`self::` made
//! absolute. `tests/layers.rs` holds the floors against them.

use std::collections::BTreeSet;

// ---------------------------------------------------------------------
// Tokens: the code without comments, strings and characters.
// ---------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Ident(String),
    /// `::`
    Sep,
    Punct(char),
}

pub fn tokens(text: &str) -> Vec<Tok> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if ch == '"' {
            i = skip_string(&c, i + 1);
        } else if (ch == 'r' || (ch == 'b' && at(i + 1) == 'r'))
            && matches!(at(i + 1 + usize::from(ch == 'b')), '"' | '#')
            && !prev_is_ident(&c, i)
        {
            // A raw string: r"…", r#"…"#, br"…".
            let mut j = i + 1 + usize::from(ch == 'b');
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                // `r#ident`: a raw identifier.
                out.push(Tok::Ident(ident_at(&c, j).0));
                i = ident_at(&c, j).1;
                continue;
            }
            j += 1;
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
        } else if ch == 'b' && at(i + 1) == '"' && !prev_is_ident(&c, i) {
            i = skip_string(&c, i + 2);
        } else if ch == '\'' {
            // A character ('x', '\n', '\u{1F600}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                // Past the escaped character: '\'' and '\\' end later.
                let mut j = i + 3;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch == ':' && at(i + 1) == ':' {
            out.push(Tok::Sep);
            i += 2;
        } else if ch.is_alphabetic() || ch == '_' {
            let (word, end) = ident_at(&c, i);
            out.push(Tok::Ident(word));
            i = end;
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
        } else {
            if !ch.is_whitespace() {
                out.push(Tok::Punct(ch));
            }
            i += 1;
        }
    }
    out
}

pub fn prev_is_ident(c: &[char], i: usize) -> bool {
    i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_')
}

pub fn ident_at(c: &[char], mut i: usize) -> (String, usize) {
    let start = i;
    while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
        i += 1;
    }
    (c[start..i].iter().collect(), i)
}

/// The index after a string's closing quote (`i`: after the opening one).
pub fn skip_string(c: &[char], mut i: usize) -> usize {
    while i < c.len() {
        match c[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

// ---------------------------------------------------------------------
// References: the paths a file names, made absolute.
// ---------------------------------------------------------------------

pub struct Reference {
    /// Absolute, from the crate root.
    pub path: Vec<String>,
    /// As written.
    pub written: String,
    /// The name it is known by here (its alias, or its last segment;
    /// `*` for a glob).
    pub name: String,
    /// Part of a `pub use`.
    pub public_use: bool,
}

/// The crate paths `t` names, from module `module`: `use` trees and inline
/// paths, relative ones made absolute (inline modules shift `super`).
pub fn references(t: &[Tok], module: &[String], main: bool) -> Vec<Reference> {
    let children: BTreeSet<String> = t
        .windows(3)
        .filter_map(|w| match (&w[0], &w[1], &w[2]) {
            (Tok::Ident(m), Tok::Ident(name), Tok::Punct(';')) if m == "mod" => Some(name.clone()),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    // Inline modules open: (name, brace depth inside them).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < t.len() {
        let here: Vec<String> = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        let children = if inline.is_empty() {
            children.clone()
        } else {
            BTreeSet::new()
        };
        match &t[i] {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Tok::Ident(w) if w == "mod" => {
                if let (Some(Tok::Ident(name)), Some(Tok::Punct('{'))) =
                    (t.get(i + 1), t.get(i + 2))
                {
                    depth += 1;
                    inline.push((name.clone(), depth));
                    i += 3;
                    continue;
                }
            }
            Tok::Ident(w) if w == "use" => {
                let public = is_public(t, i);
                let mut paths = Vec::new();
                let end = use_tree(t, i + 1, &[], &mut paths);
                for (p, name) in paths {
                    if let Some(abs) = absolute(&p, &here, &children, main) {
                        out.push(Reference {
                            path: abs,
                            written: p.join("::"),
                            name,
                            public_use: public,
                        });
                    }
                }
                i = end;
                continue;
            }
            Tok::Ident(w) if matches!(t.get(i + 1), Some(Tok::Sep)) => {
                let after_sep = i > 0 && t[i - 1] == Tok::Sep;
                let dollar = i > 0 && t[i - 1] == Tok::Punct('$');
                let relative_start = matches!(w.as_str(), "crate" | "super" | "self")
                    || children.contains(w)
                    || (main && w == "writeback_wizard");
                if !after_sep && !dollar && relative_start {
                    let mut p = vec![w.clone()];
                    let mut j = i + 1;
                    while let (Some(Tok::Sep), Some(Tok::Ident(n))) = (t.get(j), t.get(j + 1)) {
                        p.push(n.clone());
                        j += 2;
                    }
                    if let Some(abs) = absolute(&p, &here, &children, main) {
                        out.push(Reference {
                            path: abs,
                            written: p.join("::"),
                            name: String::new(),
                            public_use: false,
                        });
                    }
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Whether the `use` at `i` is public (`pub use`, `pub(crate) use`).
pub fn is_public(t: &[Tok], i: usize) -> bool {
    match i.checked_sub(1).map(|j| &t[j]) {
        Some(Tok::Ident(p)) => p == "pub",
        Some(Tok::Punct(')')) => t[..i]
            .iter()
            .rev()
            .skip_while(|x| **x != Tok::Punct('('))
            .nth(1)
            .is_some_and(|x| *x == Tok::Ident("pub".into())),
        _ => false,
    }
}

/// Reads a use tree from `i` with `prefix`, pushing each leaf's path and
/// the name it is known by (`self` in a group names the prefix); the
/// index after it.
pub fn use_tree(
    t: &[Tok],
    mut i: usize,
    prefix: &[String],
    out: &mut Vec<(Vec<String>, String)>,
) -> usize {
    let mut path = prefix.to_vec();
    let leaf = |path: Vec<String>, i: usize, out: &mut Vec<(Vec<String>, String)>| {
        let (name, end) = match (t.get(i), t.get(i + 1)) {
            (Some(Tok::Ident(a)), Some(Tok::Ident(alias))) if a == "as" => (alias.clone(), i + 2),
            _ => (path.last().cloned().unwrap_or_default(), i),
        };
        out.push((path, name));
        end_of_use(t, end)
    };
    loop {
        match t.get(i) {
            Some(Tok::Ident(w))
                if w == "self" && !path.is_empty() && path.len() == prefix.len() =>
            {
                return leaf(path, i + 1, out);
            }
            Some(Tok::Ident(w)) if w == "as" => return leaf(path, i, out),
            Some(Tok::Ident(w)) => {
                path.push(w.clone());
                i += 1;
            }
            Some(Tok::Sep) => i += 1,
            Some(Tok::Punct('{')) => {
                i += 1;
                loop {
                    match t.get(i) {
                        Some(Tok::Punct('}')) => return end_of_use(t, i + 1),
                        Some(Tok::Punct(',')) => i += 1,
                        None => return i,
                        _ => i = use_tree(t, i, &path, out),
                    }
                }
            }
            Some(Tok::Punct('*')) => {
                out.push((path, "*".into()));
                return end_of_use(t, i + 1);
            }
            _ if path.len() > prefix.len() => return leaf(path, i, out),
            _ => return end_of_use(t, i),
        }
    }
}

pub fn end_of_use(t: &[Tok], i: usize) -> usize {
    match t.get(i) {
        Some(Tok::Punct(';')) => i + 1,
        _ => i,
    }
}

/// `p` from the crate root, seen from module `here`; None for a path that
/// names no module of the crate (another crate's, a local item's).
pub fn absolute(
    p: &[String],
    here: &[String],
    children: &BTreeSet<String>,
    main: bool,
) -> Option<Vec<String>> {
    let first = p.first()?;
    let (mut base, rest) = match first.as_str() {
        "crate" => (Vec::new(), &p[1..]),
        "writeback_wizard" if main => (Vec::new(), &p[1..]),
        "self" => (here.to_vec(), &p[1..]),
        "super" => (here.to_vec(), p),
        name if children.contains(name) => (here.to_vec(), p),
        _ => return None,
    };
    let mut rest = rest;
    while rest.first().is_some_and(|s| s == "super") {
        base.pop()?;
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    Some(base)
}
