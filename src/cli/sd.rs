//! `sd decode` and `sd encode`: security descriptors between base64 (as
//! LDAP returns `nTSecurityDescriptor`) and SDDL.

use std::io::Read;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use clap::Subcommand;

use super::{exit, print_error};
use crate::ad::error::DecodeErrorKind;
use crate::ad::{DecodeError, SecurityDescriptor, Sid, sddl};
use crate::{explain, fl};

/// `sd` subcommands.
#[derive(Debug, Subcommand)]
pub enum SdCommand {
    /// Print the SDDL of a base64 self-relative security descriptor.
    Decode {
        /// The base64 value; read from standard input when absent.
        base64: Option<String>,
        /// Print one plain-language line per entry instead of SDDL.
        #[arg(long)]
        explain: bool,
        /// Domain SID, to write domain groups as aliases (DA, DU, …).
        #[arg(long, value_name = "SID")]
        domain_sid: Option<String>,
    },
    /// Print the base64 self-relative form of an SDDL string.
    Encode {
        /// The SDDL text; read from standard input when absent.
        sddl: Option<String>,
        /// Domain SID, to expand domain aliases (DA, DU, …).
        #[arg(long, value_name = "SID")]
        domain_sid: Option<String>,
    },
}

/// Runs an `sd` subcommand and returns the exit status.
pub fn run(cmd: SdCommand) -> u8 {
    match execute(cmd) {
        Ok(out) => {
            println!("{out}");
            exit::OK
        }
        Err(message) => {
            print_error(&message);
            exit::FAILED
        }
    }
}

/// Does the work; the output text or a translated one-line error.
pub fn execute(cmd: SdCommand) -> Result<String, String> {
    match cmd {
        SdCommand::Decode {
            base64,
            explain,
            domain_sid,
        } => {
            let domain = parse_domain(domain_sid.as_deref())?;
            let text = input(base64)?;
            let bytes = decode_base64(&text).map_err(|e| explain::decode_error(&e))?;
            let sd =
                SecurityDescriptor::from_bytes(&bytes).map_err(|e| explain::decode_error(&e))?;
            if explain {
                Ok(explain_lines(&sd).join("\n"))
            } else {
                sddl::format(&sd, domain.as_ref()).map_err(|e| explain::format_error(&e))
            }
        }
        SdCommand::Encode {
            sddl: text,
            domain_sid,
        } => {
            let domain = parse_domain(domain_sid.as_deref())?;
            let text = input(text)?;
            if text.trim().is_empty() {
                let empty = sddl::ParseError {
                    position: 0,
                    kind: sddl::ParseErrorKind::Empty,
                };
                return Err(explain::sddl_error(&empty));
            }
            let sd =
                sddl::parse(text.trim(), domain.as_ref()).map_err(|e| explain::sddl_error(&e))?;
            let bytes = sd
                .to_bytes()
                .map_err(|_| fl!("cli-error-encode-too-large"))?;
            Ok(STANDARD.encode(bytes))
        }
    }
}

fn parse_domain(value: Option<&str>) -> Result<Option<Sid>, String> {
    value
        .map(|v| {
            v.parse::<Sid>()
                .ok()
                .filter(|s| s.sub_authorities().first() == Some(&21))
                .ok_or_else(|| fl!("cli-error-domain-sid", value = v))
        })
        .transpose()
}

fn input(arg: Option<String>) -> Result<String, String> {
    match arg {
        Some(text) => Ok(text),
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| fl!("cli-error-stdin", reason = e.to_string()))?;
            Ok(text)
        }
    }
}

/// Decodes base64, ignoring whitespace (line breaks from LDIF); an error
/// names the character position in the original text (from 0).
pub fn decode_base64(text: &str) -> Result<Vec<u8>, DecodeError> {
    let kept: Vec<(usize, char)> = text
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let compact: String = kept.iter().map(|(_, c)| c).collect();
    STANDARD.decode(compact.as_bytes()).map_err(|e| {
        let at = match e {
            base64::DecodeError::InvalidByte(i, _)
            | base64::DecodeError::InvalidLastSymbol(i, _) => {
                // `i` is a byte index into `compact`; map it back.
                let n = compact[..i.min(compact.len())].chars().count();
                kept.get(n).map_or(text.chars().count(), |(pos, _)| *pos)
            }
            _ => text.chars().count(),
        };
        DecodeError {
            offset: at,
            kind: DecodeErrorKind::Base64,
        }
    })
}

/// Plain-language lines for a whole descriptor.
pub fn explain_lines(sd: &SecurityDescriptor) -> Vec<String> {
    let name = |sid: &Sid| explain::well_known_trustee(sid);
    let mut lines = Vec::new();
    if let Some(owner) = &sd.owner {
        lines.push(fl!("explain-owner", trustee = name(owner)));
    }
    if let Some(group) = &sd.group {
        lines.push(fl!("explain-group", trustee = name(group)));
    }
    match &sd.dacl {
        Some(dacl) => {
            lines.push(if sd.dacl_protected() {
                fl!("explain-dacl-protected", count = dacl.aces.len())
            } else {
                fl!("explain-dacl", count = dacl.aces.len())
            });
            lines.extend(
                dacl.aces
                    .iter()
                    .map(|a| format!("  {}", explain::ace_line(a, &name))),
            );
        }
        None if sd.control.has(crate::ad::Control::DACL_PRESENT) => {
            lines.push(fl!("explain-null-dacl"));
        }
        None => {}
    }
    if let Some(sacl) = &sd.sacl {
        lines.push(fl!("explain-sacl", count = sacl.aces.len()));
        lines.extend(
            sacl.aces
                .iter()
                .map(|a| format!("  {}", explain::ace_line(a, &name))),
        );
    }
    lines
}
