//! Access control entries: plain, object, and opaque ones kept byte for byte.

use super::error::{DecodeError, DecodeErrorKind, EncodeError};
use super::guid::Guid;
use super::mask::AccessMask;
use super::sid::Sid;

/// The ACE type byte (MS-DTYP 2.4.4.1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum AceType {
    /// ACCESS_ALLOWED_ACE_TYPE (0x00), SDDL `A`.
    Allowed,
    /// ACCESS_DENIED_ACE_TYPE (0x01), SDDL `D`.
    Denied,
    /// SYSTEM_AUDIT_ACE_TYPE (0x02), SDDL `AU`.
    Audit,
    /// SYSTEM_ALARM_ACE_TYPE (0x03), SDDL `AL`.
    Alarm,
    /// ACCESS_ALLOWED_OBJECT_ACE_TYPE (0x05), SDDL `OA`.
    AllowedObject,
    /// ACCESS_DENIED_OBJECT_ACE_TYPE (0x06), SDDL `OD`.
    DeniedObject,
    /// SYSTEM_AUDIT_OBJECT_ACE_TYPE (0x07), SDDL `OU`.
    AuditObject,
    /// SYSTEM_ALARM_OBJECT_ACE_TYPE (0x08), SDDL `OL`.
    AlarmObject,
    /// Any other type (callback, conditional, label, …): body kept opaque.
    Other(u8),
}

impl AceType {
    /// From the type byte.
    pub fn from_byte(b: u8) -> AceType {
        match b {
            0 => AceType::Allowed,
            1 => AceType::Denied,
            2 => AceType::Audit,
            3 => AceType::Alarm,
            5 => AceType::AllowedObject,
            6 => AceType::DeniedObject,
            7 => AceType::AuditObject,
            8 => AceType::AlarmObject,
            other => AceType::Other(other),
        }
    }

    /// The type byte.
    pub fn to_byte(self) -> u8 {
        match self {
            AceType::Allowed => 0,
            AceType::Denied => 1,
            AceType::Audit => 2,
            AceType::Alarm => 3,
            AceType::AllowedObject => 5,
            AceType::DeniedObject => 6,
            AceType::AuditObject => 7,
            AceType::AlarmObject => 8,
            AceType::Other(b) => b,
        }
    }

    /// Object ACE types carry object-type GUIDs.
    pub fn is_object(self) -> bool {
        matches!(
            self,
            AceType::AllowedObject
                | AceType::DeniedObject
                | AceType::AuditObject
                | AceType::AlarmObject
        )
    }

    /// Allowed or allowed-object.
    pub fn is_allow(self) -> bool {
        matches!(self, AceType::Allowed | AceType::AllowedObject)
    }

    /// Denied or denied-object.
    pub fn is_deny(self) -> bool {
        matches!(self, AceType::Denied | AceType::DeniedObject)
    }
}

/// ACE flags (MS-DTYP 2.4.4.1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AceFlags(pub u8);

impl AceFlags {
    /// OI: inherited by non-container children.
    pub const OBJECT_INHERIT: u8 = 0x01;
    /// CI: inherited by container children (all AD objects are containers).
    pub const CONTAINER_INHERIT: u8 = 0x02;
    /// NP: inherited one level only.
    pub const NO_PROPAGATE_INHERIT: u8 = 0x04;
    /// IO: does not apply to the object itself.
    pub const INHERIT_ONLY: u8 = 0x08;
    /// ID: this ACE was inherited from a parent.
    pub const INHERITED: u8 = 0x10;
    /// SA: audit successful access.
    pub const SUCCESSFUL_ACCESS: u8 = 0x40;
    /// FA: audit failed access.
    pub const FAILED_ACCESS: u8 = 0x80;

    /// True when every bit of `bits` is set.
    pub fn has(self, bits: u8) -> bool {
        self.0 & bits == bits
    }
}

impl std::fmt::Debug for AceFlags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AceFlags(0x{:02x})", self.0)
    }
}

/// What follows the ACE header.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum AceBody {
    /// Mask and SID (allowed, denied, audit, alarm).
    Basic {
        /// Access mask.
        mask: AccessMask,
        /// Trustee.
        sid: Sid,
    },
    /// Mask, optional object type and inherited object type, SID.
    Object {
        /// Access mask.
        mask: AccessMask,
        /// Right, property or property set (or class for CC/DC).
        object_type: Option<Guid>,
        /// Class of the descendants the ACE is inherited by.
        inherited_object_type: Option<Guid>,
        /// Trustee.
        sid: Sid,
    },
    /// Bytes after the header, kept exactly (unknown type or a layout this
    /// model does not express, such as trailing padding).
    Opaque(Vec<u8>),
}

/// One access control entry.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Ace {
    /// Type byte.
    pub ace_type: AceType,
    /// Flag byte.
    pub flags: AceFlags,
    /// The rest.
    pub body: AceBody,
}

const OBJECT_TYPE_PRESENT: u32 = 0x1;
const INHERITED_OBJECT_TYPE_PRESENT: u32 = 0x2;

impl Ace {
    /// An allowed object ACE.
    pub fn allow_object(
        flags: u8,
        mask: AccessMask,
        object_type: Option<Guid>,
        inherited_object_type: Option<Guid>,
        sid: Sid,
    ) -> Ace {
        Ace {
            ace_type: AceType::AllowedObject,
            flags: AceFlags(flags),
            body: AceBody::Object {
                mask,
                object_type,
                inherited_object_type,
                sid,
            },
        }
    }

    /// The trustee, when the body was understood.
    pub fn sid(&self) -> Option<&Sid> {
        match &self.body {
            AceBody::Basic { sid, .. } | AceBody::Object { sid, .. } => Some(sid),
            AceBody::Opaque(_) => None,
        }
    }

    /// The access mask, when the body was understood.
    pub fn mask(&self) -> Option<AccessMask> {
        match &self.body {
            AceBody::Basic { mask, .. } | AceBody::Object { mask, .. } => Some(*mask),
            AceBody::Opaque(_) => None,
        }
    }

    /// Object type GUID (None for basic ACEs and "all").
    pub fn object_type(&self) -> Option<Guid> {
        match &self.body {
            AceBody::Object { object_type, .. } => *object_type,
            _ => None,
        }
    }

    /// Inherited object type GUID (None for basic ACEs and "all").
    pub fn inherited_object_type(&self) -> Option<Guid> {
        match &self.body {
            AceBody::Object {
                inherited_object_type,
                ..
            } => *inherited_object_type,
            _ => None,
        }
    }

    /// Carries the INHERITED flag.
    pub fn is_inherited(&self) -> bool {
        self.flags.has(AceFlags::INHERITED)
    }

    /// Size of the binary form in bytes.
    pub fn binary_len(&self) -> usize {
        4 + match &self.body {
            AceBody::Basic { sid, .. } => 4 + sid.binary_len(),
            AceBody::Object {
                object_type,
                inherited_object_type,
                sid,
                ..
            } => {
                8 + 16 * (object_type.is_some() as usize + inherited_object_type.is_some() as usize)
                    + sid.binary_len()
            }
            AceBody::Opaque(bytes) => bytes.len().next_multiple_of(4),
        }
    }

    /// Reads one ACE at the start of `bytes`; returns it and its size.
    pub fn decode(bytes: &[u8], base: usize) -> Result<(Ace, usize), DecodeError> {
        let head = bytes.get(..4).ok_or(DecodeError::new(
            base,
            DecodeErrorKind::Truncated("ACE header"),
        ))?;
        let size = u16::from_le_bytes([head[2], head[3]]);
        if size < 4 || size % 4 != 0 {
            return Err(DecodeError::new(base + 2, DecodeErrorKind::AceSize(size)));
        }
        let data = bytes
            .get(4..size as usize)
            .ok_or(DecodeError::new(base, DecodeErrorKind::Truncated("ACE")))?;
        let ace_type = AceType::from_byte(head[0]);
        let body = decode_body(ace_type, data).unwrap_or_else(|| AceBody::Opaque(data.to_vec()));
        Ok((
            Ace {
                ace_type,
                flags: AceFlags(head[1]),
                body,
            },
            size as usize,
        ))
    }

    /// Appends the binary form to `out`; fails when the ACE is larger than
    /// its 16-bit size field allows.
    pub fn encode(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let start = out.len();
        out.extend_from_slice(&[self.ace_type.to_byte(), self.flags.0, 0, 0]);
        match &self.body {
            AceBody::Basic { mask, sid } => {
                out.extend_from_slice(&mask.0.to_le_bytes());
                sid.encode(out);
            }
            AceBody::Object {
                mask,
                object_type,
                inherited_object_type,
                sid,
            } => {
                let present = (object_type.is_some() as u32 * OBJECT_TYPE_PRESENT)
                    | (inherited_object_type.is_some() as u32 * INHERITED_OBJECT_TYPE_PRESENT);
                out.extend_from_slice(&mask.0.to_le_bytes());
                out.extend_from_slice(&present.to_le_bytes());
                for guid in [object_type, inherited_object_type].into_iter().flatten() {
                    out.extend_from_slice(&guid.0);
                }
                sid.encode(out);
            }
            AceBody::Opaque(bytes) => {
                out.extend_from_slice(bytes);
                out.resize(out.len() + bytes.len().next_multiple_of(4) - bytes.len(), 0);
            }
        }
        let size = u16::try_from(out.len() - start).map_err(|_| {
            out.truncate(start);
            EncodeError("ACE")
        })?;
        out[start + 2..start + 4].copy_from_slice(&size.to_le_bytes());
        Ok(())
    }
}

/// Understands the body only when it has exactly the expected layout, so
/// that re-encoding gives the same bytes; anything else stays opaque.
fn decode_body(ace_type: AceType, data: &[u8]) -> Option<AceBody> {
    if let AceType::Other(_) = ace_type {
        return None;
    }
    let mask = AccessMask(u32::from_le_bytes(data.get(..4)?.try_into().ok()?));
    if !ace_type.is_object() {
        let (sid, used) = Sid::decode(&data[4..], 0).ok()?;
        return (4 + used == data.len()).then_some(AceBody::Basic { mask, sid });
    }
    let present = u32::from_le_bytes(data.get(4..8)?.try_into().ok()?);
    if present & !(OBJECT_TYPE_PRESENT | INHERITED_OBJECT_TYPE_PRESENT) != 0 {
        return None;
    }
    let mut at = 8;
    let mut guid = |flag: u32| -> Option<Option<Guid>> {
        if present & flag == 0 {
            return Some(None);
        }
        let g = Guid(data.get(at..at + 16)?.try_into().ok()?);
        at += 16;
        Some(Some(g))
    };
    let object_type = guid(OBJECT_TYPE_PRESENT)?;
    let inherited_object_type = guid(INHERITED_OBJECT_TYPE_PRESENT)?;
    let (sid, used) = Sid::decode(data.get(at..)?, 0).ok()?;
    (at + used == data.len()).then_some(AceBody::Object {
        mask,
        object_type,
        inherited_object_type,
        sid,
    })
}
