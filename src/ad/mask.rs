//! Access masks with the Active Directory rights of MS-ADTS / MS-DTYP.

/// A 32-bit access mask.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AccessMask(pub u32);

impl AccessMask {
    /// Create child (CC).
    pub const CREATE_CHILD: AccessMask = AccessMask(0x1);
    /// Delete child (DC).
    pub const DELETE_CHILD: AccessMask = AccessMask(0x2);
    /// List contents (LC).
    pub const LIST_CHILDREN: AccessMask = AccessMask(0x4);
    /// Validated write (SW).
    pub const SELF_WRITE: AccessMask = AccessMask(0x8);
    /// Read property (RP).
    pub const READ_PROPERTY: AccessMask = AccessMask(0x10);
    /// Write property (WP).
    pub const WRITE_PROPERTY: AccessMask = AccessMask(0x20);
    /// Delete tree (DT).
    pub const DELETE_TREE: AccessMask = AccessMask(0x40);
    /// List object (LO).
    pub const LIST_OBJECT: AccessMask = AccessMask(0x80);
    /// Control access: extended rights (CR).
    pub const CONTROL_ACCESS: AccessMask = AccessMask(0x100);
    /// Delete (SD).
    pub const DELETE: AccessMask = AccessMask(0x1_0000);
    /// Read permissions (RC).
    pub const READ_CONTROL: AccessMask = AccessMask(0x2_0000);
    /// Modify permissions (WD).
    pub const WRITE_DAC: AccessMask = AccessMask(0x4_0000);
    /// Modify owner (WO).
    pub const WRITE_OWNER: AccessMask = AccessMask(0x8_0000);
    /// Generic all (GA).
    pub const GENERIC_ALL: AccessMask = AccessMask(0x1000_0000);
    /// Generic execute (GX).
    pub const GENERIC_EXECUTE: AccessMask = AccessMask(0x2000_0000);
    /// Generic write (GW).
    pub const GENERIC_WRITE: AccessMask = AccessMask(0x4000_0000);
    /// Generic read (GR).
    pub const GENERIC_READ: AccessMask = AccessMask(0x8000_0000);
    /// Every specific AD right plus the standard rights: "Full control".
    pub const FULL_CONTROL: AccessMask = AccessMask(0x000F_01FF);

    /// True when every bit of `other` is set here.
    pub fn contains(self, other: AccessMask) -> bool {
        self.0 & other.0 == other.0
    }

    /// The generic bits mapped to the specific AD rights they stand for
    /// (MS-ADTS 5.1.3.3), everything else kept.
    pub fn mapped(self) -> AccessMask {
        let mut m = self.0 & 0x0FFF_FFFF;
        if self.0 & Self::GENERIC_ALL.0 != 0 {
            m |= Self::FULL_CONTROL.0;
        }
        if self.0 & Self::GENERIC_READ.0 != 0 {
            m |= 0x0002_0094; // RC LC RP LO
        }
        if self.0 & Self::GENERIC_WRITE.0 != 0 {
            m |= 0x0002_0028; // RC WP SW
        }
        if self.0 & Self::GENERIC_EXECUTE.0 != 0 {
            m |= 0x0002_0004; // RC LC
        }
        AccessMask(m)
    }
}

impl std::ops::BitOr for AccessMask {
    type Output = AccessMask;
    fn bitor(self, rhs: AccessMask) -> AccessMask {
        AccessMask(self.0 | rhs.0)
    }
}

impl std::fmt::Debug for AccessMask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AccessMask(0x{:08x})", self.0)
    }
}
