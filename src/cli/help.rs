//! `--help` in the user's language: the command tree that clap derives
//! from the doc comments is walked, and each command's description and each
//! option's help is replaced by its Fluent message (`help-cmd-<path>`,
//! `help-arg-<path>-<id>` or, shared by every command, `help-arg-<id>`),
//! as are the headings and clap's own help and version flags.

use clap::Command;

use crate::fl;
use crate::localize;

/// The key of a command's description: `help-cmd-` and its path
/// (`grant`, `sync-enable`; the program itself: `writeback-wizard`).
fn cmd_key(path: &str) -> String {
    format!("help-cmd-{path}")
}

/// The keys of an option's help: the command's own, its parent
/// command's, then the one shared by every command.
fn arg_keys(path: &str, id: &str) -> [String; 3] {
    let id = id.replace('_', "-");
    let parent = path.rsplit_once('-').map(|(p, _)| p).unwrap_or(path);
    [
        format!("help-arg-{path}-{id}"),
        format!("help-arg-{parent}-{id}"),
        format!("help-arg-{id}"),
    ]
}

/// Every description and option of `cmd` and its subcommands, as
/// (path, option id or None for the command itself, English text).
pub fn texts(cmd: &Command) -> Vec<(String, Option<String>, String)> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>, String)>) {
        let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
        out.push((path.to_string(), None, about));
        for a in cmd.get_arguments() {
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            out.push((path.to_string(), Some(a.get_id().to_string()), help));
        }
        for s in cmd.get_subcommands() {
            walk(s, &format!("{path}-{}", s.get_name()), out);
        }
    }
    let mut cmd = cmd.clone();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, "", &mut out);
    out.into_iter()
        .map(|(p, id, t)| {
            let p = p.trim_start_matches('-').to_string();
            let p = if p.is_empty() {
                "writeback-wizard".to_string()
            } else {
                p
            };
            (p, id, t)
        })
        .collect()
}

/// The Fluent message that describes `id` in `path` (None: command).
/// clap's generated `help` subcommand (`sync-help`) has one text, and its
/// entries (`sync-help-enable`) are the commands they name.
pub fn key_for(path: &str, id: Option<&str>) -> Option<String> {
    let path = if path == "help" || path.ends_with("-help") {
        "help".to_string()
    } else if let Some(rest) = path.strip_prefix("help-") {
        rest.to_string()
    } else if let Some((parent, rest)) = path.split_once("-help-") {
        format!("{parent}-{rest}")
    } else {
        path.to_string()
    };
    let path = path.as_str();
    match id {
        None => Some(cmd_key(path)).filter(|k| localize::has(k)),
        Some(id) => arg_keys(path, id).into_iter().find(|k| localize::has(k)),
    }
}

/// A heading as clap takes it (`&'static str`): the few headings of one
/// run are leaked once.
fn heading(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// `cmd` with its texts in the selected language.
pub fn translate(mut cmd: Command) -> Command {
    fn walk(mut cmd: Command, path: &str) -> Command {
        if let Some(k) = key_for(path, None) {
            let text = localize::text(&k);
            cmd = cmd.about(text.clone()).long_about(text);
        }
        if path == "diagnose" {
            cmd = cmd.after_help(fl!(
                "help-after-diagnose",
                command = crate::task::eventfile::EXPORT_COMMAND
            ));
        }
        cmd = cmd
            .help_template(format!(
                "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                fl!("help-usage")
            ))
            .subcommand_help_heading(heading(fl!("help-commands")));
        let options = heading(fl!("help-options"));
        let ids: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for id in ids {
            let help = key_for(path, Some(&id)).map(|k| localize::text(&k));
            cmd = cmd.mut_arg(&id, |a| {
                let a = a.help_heading(options);
                match help {
                    Some(h) => a
                        .help(h.clone())
                        .long_help(h)
                        .hide_default_value(true)
                        .hide_possible_values(true),
                    None => a,
                }
            });
        }
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for name in subs {
            let sub = if path == "writeback-wizard" {
                name.clone()
            } else {
                format!("{path}-{name}")
            };
            cmd = cmd.mut_subcommand(&name, |s| walk(s, &sub));
        }
        cmd
    }
    cmd.build();
    walk(cmd, "writeback-wizard")
}

/// The language asked for before the command line is parsed: `--lang X`
/// or `--lang=X` anywhere, else None (the system's).
pub fn lang_arg(args: &[std::ffi::OsString]) -> Option<String> {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--lang" {
            return it.next().map(str::to_string);
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_and_option_has_its_help_in_the_translations() {
        crate::localize::init(Some("en"));
        let mut missing: Vec<String> = texts(&crate::cli::Cli::command())
            .into_iter()
            .filter(|(path, id, _)| key_for(path, id.as_deref()).is_none())
            .map(|(path, id, text)| match id {
                Some(id) => format!("{} = {text}", arg_keys(&path, &id)[2]),
                None => format!("{} = {text}", cmd_key(&path)),
            })
            .collect();
        missing.sort();
        missing.dedup();
        assert!(
            missing.is_empty(),
            "missing help texts:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let args: Vec<std::ffi::OsString> = ["x", "grant", "--lang", "de", "--help"]
            .iter()
            .map(Into::into)
            .collect();
        assert_eq!(lang_arg(&args).as_deref(), Some("de"));
        let args: Vec<std::ffi::OsString> = ["x", "--lang=fr"].iter().map(Into::into).collect();
        assert_eq!(lang_arg(&args).as_deref(), Some("fr"));
    }
}
