//! Property tests over generated security descriptors: binary and SDDL
//! round trips, and the algebra of the writeback grant.

use proptest::prelude::*;
use writeback_wizard::ad::acl::{ACL_REVISION, ACL_REVISION_DS};
use writeback_wizard::ad::grant::{GrantState, WritebackGrant, guids};
use writeback_wizard::ad::sd::{Part, WINDOWS_LAYOUT};
use writeback_wizard::ad::{
    AccessMask, Ace, AceBody, AceFlags, AceType, Acl, Control, Guid, SecurityDescriptor, Sid, sddl,
};

const TRUSTEE: &str = "S-1-5-21-1-2-3-1105";

fn sid() -> impl Strategy<Value = Sid> {
    prop_oneof![
        3 => Just(TRUSTEE.parse().unwrap()),
        1 => Just("S-1-5-11".parse().unwrap()),
        1 => Just("S-1-1-0".parse().unwrap()),
        3 => (0u64..(1 << 48), prop::collection::vec(any::<u32>(), 0..=15))
            .prop_map(|(a, subs)| Sid::new(a, &subs).unwrap()),
    ]
}

fn guid() -> impl Strategy<Value = Guid> {
    prop_oneof![
        Just(guids::RESET_PASSWORD),
        Just(guids::CHANGE_PASSWORD),
        Just(guids::LOCKOUT_TIME),
        Just(guids::PWD_LAST_SET),
        Just(guids::UNEXPIRE_PASSWORD),
        Just(guids::USER),
        Just(guids::INET_ORG_PERSON),
        any::<[u8; 16]>().prop_map(Guid),
    ]
}

fn mask() -> impl Strategy<Value = AccessMask> {
    prop_oneof![
        Just(AccessMask::CONTROL_ACCESS),
        Just(AccessMask::WRITE_PROPERTY),
        Just(AccessMask(0x130)),
        Just(AccessMask::GENERIC_ALL),
        Just(AccessMask::FULL_CONTROL),
        any::<u32>().prop_map(AccessMask),
    ]
}

/// Flags SDDL can spell (0x20 is undefined).
fn flags() -> impl Strategy<Value = AceFlags> {
    prop_oneof![
        Just(AceFlags(0)),
        Just(AceFlags(0x02)),
        Just(AceFlags(0x0a)),
        Just(AceFlags(0x12)),
        Just(AceFlags(0x1a)),
        Just(AceFlags(0x0e)),
        any::<u8>().prop_map(|f| AceFlags(f & !0x20)),
    ]
}

fn sddl_ace() -> impl Strategy<Value = Ace> {
    let basic = (
        prop::sample::select(vec![
            AceType::Allowed,
            AceType::Denied,
            AceType::Audit,
            AceType::Alarm,
        ]),
        flags(),
        mask(),
        sid(),
    )
        .prop_map(|(ace_type, flags, mask, sid)| Ace {
            ace_type,
            flags,
            body: AceBody::Basic { mask, sid },
        });
    let object = (
        prop::sample::select(vec![
            AceType::AllowedObject,
            AceType::DeniedObject,
            AceType::AuditObject,
            AceType::AlarmObject,
        ]),
        flags(),
        mask(),
        prop::option::of(guid()),
        prop::option::of(guid()),
        sid(),
    )
        .prop_map(|(ace_type, flags, mask, o, i, sid)| Ace {
            ace_type,
            flags,
            body: AceBody::Object {
                mask,
                object_type: o,
                inherited_object_type: i,
                sid,
            },
        });
    prop_oneof![basic, object]
}

/// Any ACE, including opaque ones of unknown types.
fn any_ace() -> impl Strategy<Value = Ace> {
    let opaque = (
        prop::sample::select(vec![4u8, 9, 0x0b, 0x11, 0x12, 0x13, 0xff]),
        any::<u8>(),
        prop::collection::vec(any::<u8>(), 0..40),
    )
        .prop_map(|(t, f, mut data)| {
            data.resize(data.len().next_multiple_of(4), 0);
            Ace {
                ace_type: AceType::Other(t),
                flags: AceFlags(f),
                body: AceBody::Opaque(data),
            }
        });
    prop_oneof![4 => sddl_ace(), 1 => opaque]
}

fn acl_of(ace: impl Strategy<Value = Ace> + 'static, exact: bool) -> BoxedStrategy<Acl> {
    (
        prop::collection::vec(ace, 0..24),
        any::<(u8, u16)>(),
        prop::collection::vec(any::<u8>(), 0..6),
    )
        .prop_map(move |(aces, reserved, slack)| {
            let mut acl = Acl::new(aces);
            if acl.aces.iter().all(|a| !a.ace_type.is_object()) {
                acl.revision = ACL_REVISION;
            }
            if !exact {
                acl.reserved = reserved;
                acl.slack = slack;
            }
            acl
        })
        .boxed()
}

fn sd_of(acl: BoxedStrategy<Acl>, sddl_only: bool) -> impl Strategy<Value = SecurityDescriptor> {
    (
        prop::option::of(sid()),
        prop::option::of(sid()),
        prop::option::of(acl.clone()),
        prop::option::of(acl),
        any::<u16>(),
        any::<u8>(),
        Just(()).prop_perturb(|_, mut rng| {
            let mut parts = WINDOWS_LAYOUT.to_vec();
            for i in (1..parts.len()).rev() {
                parts.swap(i, rng.random_range(0..=i));
            }
            parts
        }),
    )
        .prop_map(move |(owner, group, sacl, dacl, control, rm, order)| {
            let mut control = control | Control::SELF_RELATIVE;
            let mut rm_control = rm;
            let mut order = order;
            if sddl_only {
                // Only the bits SDDL spells, derived from what is present.
                control &= Control::DACL_PROTECTED
                    | Control::DACL_AUTO_INHERIT_REQ
                    | Control::DACL_AUTO_INHERITED
                    | Control::SACL_PROTECTED
                    | Control::SACL_AUTO_INHERIT_REQ
                    | Control::SACL_AUTO_INHERITED
                    | Control::SELF_RELATIVE;
                if dacl.is_some() {
                    control |= Control::DACL_PRESENT;
                } else {
                    control &= !(Control::DACL_PROTECTED
                        | Control::DACL_AUTO_INHERIT_REQ
                        | Control::DACL_AUTO_INHERITED);
                }
                if sacl.is_some() {
                    control |= Control::SACL_PRESENT;
                } else {
                    control &= !(Control::SACL_PROTECTED
                        | Control::SACL_AUTO_INHERIT_REQ
                        | Control::SACL_AUTO_INHERITED);
                }
                rm_control = 0;
                order = WINDOWS_LAYOUT.to_vec();
            }
            let present = |p: &Part| match p {
                Part::Owner => owner.is_some(),
                Part::Group => group.is_some(),
                Part::Sacl => sacl.is_some(),
                Part::Dacl => dacl.is_some(),
            };
            order.retain(present);
            SecurityDescriptor {
                revision: 1,
                rm_control,
                control: Control(control),
                owner,
                group,
                sacl,
                dacl,
                layout: order,
            }
        })
}

/// DACLs shaped like real ones: explicit ACEs, then inherited ones, with
/// ACEs close to the grant's in the mix.
fn realistic_dacl() -> impl Strategy<Value = Acl> {
    (
        prop::collection::vec(any_ace(), 0..16),
        prop::collection::vec(sddl_ace(), 0..16),
        prop::collection::vec(0usize..9, 0..4),
    )
        .prop_map(|(mut explicit, mut inherited, grant_picks)| {
            let grant = WritebackGrant::new(TRUSTEE.parse().unwrap(), true).entries();
            for pick in grant_picks {
                let at = pick % (explicit.len() + 1);
                explicit.insert(at, grant[pick % grant.len()].ace.clone());
            }
            for a in &mut explicit {
                a.flags.0 &= !AceFlags::INHERITED;
            }
            for a in &mut inherited {
                a.flags.0 |= AceFlags::INHERITED;
            }
            explicit.extend(inherited);
            Acl::new(explicit)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn binary_round_trip(sd in sd_of(acl_of(any_ace(), false), false)) {
        let bytes = sd.to_bytes().unwrap();
        let back = SecurityDescriptor::from_bytes(&bytes).unwrap();
        prop_assert_eq!(&back, &sd);
        prop_assert_eq!(back.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn sddl_binary_round_trip(sd in sd_of(acl_of(sddl_ace(), true), true)) {
        let text = sddl::format(&sd, None).unwrap();
        let parsed = sddl::parse(&text, None).unwrap();
        prop_assert_eq!(&parsed, &sd, "{}", text);
        prop_assert_eq!(parsed.to_bytes().unwrap(), sd.to_bytes().unwrap());
        prop_assert_eq!(sddl::format(&parsed, None).unwrap(), text);
        // And with domain aliases in play.
        let domain: Sid = "S-1-5-21-1-2-3".parse().unwrap();
        let aliased = sddl::format(&sd, Some(&domain)).unwrap();
        prop_assert_eq!(sddl::parse(&aliased, Some(&domain)).unwrap(), sd);
    }

    #[test]
    fn apply_is_idempotent(dacl in realistic_dacl(), inet in any::<bool>()) {
        let grant = WritebackGrant::new(TRUSTEE.parse().unwrap(), inet);
        let (once, _) = grant.apply(&dacl);
        let (twice, diff) = grant.apply(&once);
        prop_assert!(diff.is_empty());
        prop_assert_eq!(&twice, &once);
        prop_assert_eq!(grant.status(&once).state, GrantState::Granted);
    }

    #[test]
    fn remove_after_apply_restores_the_aces(dacl in realistic_dacl(), inet in any::<bool>()) {
        let grant = WritebackGrant::new(TRUSTEE.parse().unwrap(), inet);
        let (applied, diff) = grant.apply(&dacl);
        let (removed, not_found) = grant.remove(&applied, &diff.added);
        prop_assert!(not_found.is_empty());
        prop_assert_eq!(removed.aces, dacl.aces);
    }

    #[test]
    fn apply_only_inserts_before_inherited_aces(dacl in realistic_dacl()) {
        let grant = WritebackGrant::new(TRUSTEE.parse().unwrap(), false);
        let (applied, diff) = grant.apply(&dacl);
        prop_assert_eq!(applied.aces.len(), dacl.aces.len() + diff.added.len());
        let first_inherited = dacl.aces.iter().position(Ace::is_inherited).unwrap_or(dacl.aces.len());
        let n = diff.added.len();
        prop_assert_eq!(&applied.aces[..first_inherited], &dacl.aces[..first_inherited]);
        prop_assert_eq!(&applied.aces[first_inherited..first_inherited + n], &diff.added[..]);
        prop_assert_eq!(&applied.aces[first_inherited + n..], &dacl.aces[first_inherited..]);
        if n > 0 {
            prop_assert_eq!(applied.revision, ACL_REVISION_DS);
        }
    }
}
