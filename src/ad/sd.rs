//! Self-relative security descriptors (MS-DTYP 2.4.6).

use super::acl::Acl;
use super::error::{DecodeError, DecodeErrorKind, EncodeError};
use super::sid::Sid;

/// Control flags of a security descriptor.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Control(pub u16);

impl Control {
    /// SE_OWNER_DEFAULTED.
    pub const OWNER_DEFAULTED: u16 = 0x0001;
    /// SE_GROUP_DEFAULTED.
    pub const GROUP_DEFAULTED: u16 = 0x0002;
    /// SE_DACL_PRESENT.
    pub const DACL_PRESENT: u16 = 0x0004;
    /// SE_DACL_DEFAULTED.
    pub const DACL_DEFAULTED: u16 = 0x0008;
    /// SE_SACL_PRESENT.
    pub const SACL_PRESENT: u16 = 0x0010;
    /// SE_SACL_DEFAULTED.
    pub const SACL_DEFAULTED: u16 = 0x0020;
    /// SE_DACL_AUTO_INHERIT_REQ.
    pub const DACL_AUTO_INHERIT_REQ: u16 = 0x0100;
    /// SE_SACL_AUTO_INHERIT_REQ.
    pub const SACL_AUTO_INHERIT_REQ: u16 = 0x0200;
    /// SE_DACL_AUTO_INHERITED.
    pub const DACL_AUTO_INHERITED: u16 = 0x0400;
    /// SE_SACL_AUTO_INHERITED.
    pub const SACL_AUTO_INHERITED: u16 = 0x0800;
    /// SE_DACL_PROTECTED: the DACL does not inherit from the parent.
    pub const DACL_PROTECTED: u16 = 0x1000;
    /// SE_SACL_PROTECTED.
    pub const SACL_PROTECTED: u16 = 0x2000;
    /// SE_SELF_RELATIVE.
    pub const SELF_RELATIVE: u16 = 0x8000;

    /// True when every bit of `bits` is set.
    pub fn has(self, bits: u16) -> bool {
        self.0 & bits == bits
    }
}

impl std::fmt::Debug for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Control(0x{:04x})", self.0)
    }
}

/// The four parts that follow the header, in the order they are laid out.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Part {
    /// Owner SID.
    Owner,
    /// Primary group SID.
    Group,
    /// System ACL.
    Sacl,
    /// Discretionary ACL.
    Dacl,
}

/// The order Windows writes (SACL, DACL, owner, group).
pub const WINDOWS_LAYOUT: [Part; 4] = [Part::Sacl, Part::Dacl, Part::Owner, Part::Group];

/// A security descriptor. Each part is optional; the layout order of the
/// parts is remembered so that a parsed descriptor serializes to the same
/// bytes.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct SecurityDescriptor {
    /// Revision (1).
    pub revision: u8,
    /// The Sbz1 byte (resource-manager control bits on Windows).
    pub rm_control: u8,
    /// Control flags.
    pub control: Control,
    /// Owner.
    pub owner: Option<Sid>,
    /// Primary group.
    pub group: Option<Sid>,
    /// System ACL (auditing).
    pub sacl: Option<Acl>,
    /// Discretionary ACL (permissions).
    pub dacl: Option<Acl>,
    /// Order of the present parts in the binary form.
    pub layout: Vec<Part>,
}

const HEADER_LEN: usize = 20;

impl SecurityDescriptor {
    /// A descriptor holding only a DACL, as LDAP returns it with the
    /// SD-flags control set to DACL only.
    pub fn with_dacl(dacl: Acl, control: u16) -> SecurityDescriptor {
        SecurityDescriptor {
            revision: 1,
            rm_control: 0,
            control: Control(control | Control::DACL_PRESENT | Control::SELF_RELATIVE),
            owner: None,
            group: None,
            sacl: None,
            dacl: Some(dacl),
            layout: vec![Part::Dacl],
        }
    }

    /// True when the DACL does not inherit from the parent.
    pub fn dacl_protected(&self) -> bool {
        self.control.has(Control::DACL_PROTECTED)
    }

    /// Parses a self-relative security descriptor.
    pub fn from_bytes(bytes: &[u8]) -> Result<SecurityDescriptor, DecodeError> {
        let head = bytes.get(..HEADER_LEN).ok_or(DecodeError::new(
            0,
            DecodeErrorKind::Truncated("security descriptor header"),
        ))?;
        if head[0] != 1 {
            return Err(DecodeError::new(0, DecodeErrorKind::Revision(head[0])));
        }
        let control = Control(u16::from_le_bytes([head[2], head[3]]));
        if !control.has(Control::SELF_RELATIVE) {
            return Err(DecodeError::new(2, DecodeErrorKind::NotSelfRelative));
        }
        let offset =
            |i: usize| u32::from_le_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
        let mut sd = SecurityDescriptor {
            revision: head[0],
            rm_control: head[1],
            control,
            owner: None,
            group: None,
            sacl: None,
            dacl: None,
            layout: Vec::with_capacity(4),
        };
        let mut found: Vec<(u32, Part)> = Vec::with_capacity(4);
        for (field, part) in [
            (4, Part::Owner),
            (8, Part::Group),
            (12, Part::Sacl),
            (16, Part::Dacl),
        ] {
            let at = offset(field);
            if at == 0 {
                continue;
            }
            let rest = bytes
                .get(at as usize..)
                .filter(|r| !r.is_empty() && at as usize >= HEADER_LEN)
                .ok_or(DecodeError::new(field, DecodeErrorKind::Offset(at)))?;
            let base = at as usize;
            match part {
                Part::Owner => sd.owner = Some(Sid::decode(rest, base)?.0),
                Part::Group => sd.group = Some(Sid::decode(rest, base)?.0),
                Part::Sacl => sd.sacl = Some(Acl::decode(rest, base)?.0),
                Part::Dacl => sd.dacl = Some(Acl::decode(rest, base)?.0),
            }
            found.push((at, part));
        }
        found.sort_by_key(|(at, _)| *at);
        sd.layout = found.into_iter().map(|(_, part)| part).collect();
        Ok(sd)
    }

    /// Serializes to the self-relative binary form: the header, then the
    /// present parts back to back in `layout` order (parts missing from
    /// `layout` follow in Windows order).
    pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.parts_len());
        out.extend_from_slice(&[self.revision, self.rm_control]);
        out.extend_from_slice(&self.control.0.to_le_bytes());
        out.extend_from_slice(&[0u8; 16]);
        let mut placed = [false; 4];
        let order = self.layout.iter().chain(WINDOWS_LAYOUT.iter());
        for &part in order {
            let slot = part as usize;
            if placed[slot] {
                continue;
            }
            placed[slot] = true;
            let at = out.len() as u32;
            let written = match part {
                Part::Owner => self.owner.as_ref().map(|s| s.encode(&mut out)),
                Part::Group => self.group.as_ref().map(|s| s.encode(&mut out)),
                Part::Sacl => self.sacl.as_ref().map(|a| a.encode(&mut out)).transpose()?,
                Part::Dacl => self.dacl.as_ref().map(|a| a.encode(&mut out)).transpose()?,
            };
            if written.is_some() {
                let field = 4 + 4 * slot;
                out[field..field + 4].copy_from_slice(&at.to_le_bytes());
            }
        }
        Ok(out)
    }

    /// An estimate of the size of the parts, to size the output once.
    fn parts_len(&self) -> usize {
        self.owner.map_or(0, |s| s.binary_len())
            + self.group.map_or(0, |s| s.binary_len())
            + self.sacl.as_ref().map_or(0, |a| 8 + 64 * a.aces.len())
            + self.dacl.as_ref().map_or(0, |a| 8 + 64 * a.aces.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ad::{AccessMask, Ace, AceBody, AceFlags, AceType};

    #[test]
    fn too_large_acls_are_refused_not_truncated() {
        let ace = Ace {
            ace_type: AceType::Allowed,
            flags: AceFlags(0),
            body: AceBody::Basic {
                mask: AccessMask(1),
                sid: "S-1-5-18".parse().unwrap(),
            },
        };
        let sd = SecurityDescriptor::with_dacl(Acl::new(vec![ace.clone(); 5000]), 0);
        assert_eq!(sd.to_bytes(), Err(EncodeError("ACL")));
        let sd = SecurityDescriptor::with_dacl(Acl::new(vec![ace; 100]), 0);
        let bytes = sd.to_bytes().unwrap();
        assert_eq!(SecurityDescriptor::from_bytes(&bytes).unwrap(), sd);
        let huge = Ace {
            ace_type: AceType::Other(0x11),
            flags: AceFlags(0),
            body: AceBody::Opaque(vec![0; 70_000]),
        };
        let sd = SecurityDescriptor::with_dacl(Acl::new(vec![huge]), 0);
        assert_eq!(sd.to_bytes(), Err(EncodeError("ACE")));
    }
}
