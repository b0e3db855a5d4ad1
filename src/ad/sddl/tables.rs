//! The tables both directions share: SID aliases, rights letters, ACE
//! types and flags (MS-DTYP 2.5.1.1; Samba's order).

use crate::ad::ace::{AceFlags, AceType};

/// Two-letter SID aliases that do not depend on the domain.
pub const WELL_KNOWN_ALIASES: &[(&str, &str)] = &[
    ("AN", "S-1-5-7"),
    ("AO", "S-1-5-32-548"),
    ("AU", "S-1-5-11"),
    ("BA", "S-1-5-32-544"),
    ("BG", "S-1-5-32-546"),
    ("BO", "S-1-5-32-551"),
    ("BU", "S-1-5-32-545"),
    ("CG", "S-1-3-1"),
    ("CO", "S-1-3-0"),
    ("ED", "S-1-5-9"),
    ("IU", "S-1-5-4"),
    ("LS", "S-1-5-19"),
    ("NO", "S-1-5-32-556"),
    ("NS", "S-1-5-20"),
    ("NU", "S-1-5-2"),
    ("PO", "S-1-5-32-550"),
    ("PS", "S-1-5-10"),
    ("PU", "S-1-5-32-547"),
    ("RC", "S-1-5-12"),
    ("RD", "S-1-5-32-555"),
    ("RE", "S-1-5-32-552"),
    ("RU", "S-1-5-32-554"),
    ("SO", "S-1-5-32-549"),
    ("SU", "S-1-5-6"),
    ("SY", "S-1-5-18"),
    ("WD", "S-1-1-0"),
    ("WR", "S-1-5-33"),
    ("OW", "S-1-3-4"),
    ("ER", "S-1-5-32-573"),
    ("CY", "S-1-5-32-569"),
    ("IS", "S-1-5-32-568"),
    ("LU", "S-1-5-32-559"),
    ("MU", "S-1-5-32-558"),
    ("RM", "S-1-5-32-580"),
    ("AA", "S-1-5-32-579"),
];

/// Two-letter aliases for RIDs of the domain (root-domain groups such as
/// EA and SA are taken relative to the same domain: one-domain forests).
pub const DOMAIN_ALIASES: &[(&str, u32)] = &[
    ("LA", 500),
    ("LG", 501),
    ("DA", 512),
    ("DU", 513),
    ("DG", 514),
    ("DC", 515),
    ("DD", 516),
    ("CA", 517),
    ("SA", 518),
    ("EA", 519),
    ("PA", 520),
    ("CN", 522),
    ("AP", 525),
    ("KA", 526),
    ("EK", 527),
    ("RS", 553),
    ("RO", 498),
];

/// Rights letters in the order Samba writes them.
pub(super) const RIGHTS: &[(&str, u32)] = &[
    ("RP", 0x10),
    ("WP", 0x20),
    ("CR", 0x100),
    ("CC", 0x1),
    ("DC", 0x2),
    ("LC", 0x4),
    ("LO", 0x80),
    ("RC", 0x2_0000),
    ("WO", 0x8_0000),
    ("WD", 0x4_0000),
    ("SD", 0x1_0000),
    ("DT", 0x40),
    ("SW", 0x8),
    ("GA", 0x1000_0000),
    ("GR", 0x8000_0000),
    ("GW", 0x4000_0000),
    ("GX", 0x2000_0000),
];

/// Rights tokens accepted on input only (file and registry shorthands).
pub(super) const RIGHTS_INPUT_ONLY: &[(&str, u32)] = &[
    ("FA", 0x001F_01FF),
    ("FR", 0x0012_0089),
    ("FW", 0x0012_0116),
    ("FX", 0x0012_00A0),
    ("KA", 0x000F_003F),
    ("KR", 0x0002_0019),
    ("KW", 0x0002_0006),
    ("KX", 0x0002_0019),
];

pub(super) const ACE_TYPES: &[(&str, AceType)] = &[
    ("A", AceType::Allowed),
    ("D", AceType::Denied),
    ("AU", AceType::Audit),
    ("AL", AceType::Alarm),
    ("OA", AceType::AllowedObject),
    ("OD", AceType::DeniedObject),
    ("OU", AceType::AuditObject),
    ("OL", AceType::AlarmObject),
];

pub(super) const ACE_FLAGS: &[(&str, u8)] = &[
    ("OI", AceFlags::OBJECT_INHERIT),
    ("CI", AceFlags::CONTAINER_INHERIT),
    ("NP", AceFlags::NO_PROPAGATE_INHERIT),
    ("IO", AceFlags::INHERIT_ONLY),
    ("ID", AceFlags::INHERITED),
    ("SA", AceFlags::SUCCESSFUL_ACCESS),
    ("FA", AceFlags::FAILED_ACCESS),
];
