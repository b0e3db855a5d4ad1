//! Golden tests: real security descriptors captured from a Samba AD DC
//! (tests/fixtures/README.md) against the SDDL `samba-tool dsacl get`
//! printed for the same objects.

mod support {
    pub mod golden;
}

use support::golden;

use golden::*;
use writeback_wizard::ad::grant::{GrantState, Permission, WritebackGrant, guids};
use writeback_wizard::ad::{Control, sddl};

const NAMES: [&str; 6] = [
    "domain-root",
    "user",
    "protected-user",
    "domain-root-granted",
    "user-granted",
    "protected-user-granted",
];

#[test]
fn binary_round_trips_byte_for_byte() {
    for name in NAMES {
        for part in ["full", "dacl"] {
            let file = format!("{name}.{part}.b64");
            let bytes = fixture_bytes(&file);
            let sd = fixture_sd(&file);
            assert_eq!(sd.to_bytes().unwrap(), bytes, "{file}");
        }
    }
}

#[test]
fn sddl_matches_samba_tool_exactly() {
    let domain = domain();
    for name in NAMES {
        let sd = fixture_sd(&format!("{name}.full.b64"));
        let ours = sddl::format(&sd, Some(&domain)).unwrap();
        assert_eq!(ours, fixture(&format!("{name}.sddl")).trim(), "{name}");
    }
}

#[test]
fn samba_sddl_parses_to_the_same_descriptor() {
    let domain = domain();
    for name in NAMES {
        let from_binary = fixture_sd(&format!("{name}.full.b64"));
        let mut from_text = sddl::parse(fixture(&format!("{name}.sddl")).trim(), Some(&domain))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        // SDDL cannot spell the defaulted bits nor the layout order.
        from_text.control.0 |=
            from_binary.control.0 & (Control::OWNER_DEFAULTED | Control::GROUP_DEFAULTED);
        from_text.layout = from_binary.layout.clone();
        assert_eq!(from_text, from_binary, "{name}");
        assert_eq!(
            from_text.to_bytes().unwrap(),
            fixture_bytes(&format!("{name}.full.b64"))
        );
    }
}

#[test]
fn dacl_only_read_carries_the_same_dacl() {
    for name in NAMES {
        let full = fixture_sd(&format!("{name}.full.b64"));
        let dacl = fixture_sd(&format!("{name}.dacl.b64"));
        assert!(dacl.owner.is_none() && dacl.group.is_none() && dacl.sacl.is_none());
        assert_eq!(dacl.dacl, full.dacl, "{name}");
    }
}

#[test]
fn grant_applied_to_samba_root_equals_what_samba_stored() {
    let grant = WritebackGrant::new(golden_user(), false);
    let before = fixture_sd("domain-root.dacl.b64").dacl.unwrap();
    let samba = fixture_sd("domain-root-granted.dacl.b64").dacl.unwrap();
    assert_eq!(
        grant.status(&before).state,
        GrantState::Partly,
        "AU holds Unexpire"
    );

    let (after, diff) = grant.apply(&before);
    // A5 is already held through `(OA;;CR;ccc2dc7d-…;;AU)`: Unexpire
    // Password is checked on the domain object, which that ACE reaches.
    assert_eq!(diff.already_present.len(), 1);
    assert_eq!(
        diff.already_present[0].permission,
        Permission::UnexpirePassword
    );
    assert_eq!(diff.added.len(), 4);
    assert_eq!(grant.status(&after).state, GrantState::Granted);

    // Same ACE multiset as Samba's (its dsacl set puts new ACEs first,
    // ours go after the explicit ones), minus A5 which we did not need.
    let mut ours: Vec<_> = after
        .aces
        .iter()
        .map(|a| sddl::format_ace(a, None))
        .collect();
    let mut theirs: Vec<_> = samba
        .aces
        .iter()
        .filter(|a| {
            a.object_type() != Some(guids::UNEXPIRE_PASSWORD) || a.sid() != Some(&golden_user())
        })
        .map(|a| sddl::format_ace(a, None))
        .collect();
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs);
    assert_eq!(grant.status(&samba).state, GrantState::Granted);
}

#[test]
fn access_check_on_samba_users_gives_the_connector_every_right_only_after_the_grant() {
    use writeback_wizard::ad::access::{Token, check};
    use writeback_wizard::task::access::PropertySets;
    let token = Token::new(golden_user(), []);
    // The sets the default schema (and the test DC) gives these attributes.
    let rights = PropertySets {
        lockout_time: None,
        pwd_last_set: Some(guids::USER_ACCOUNT_RESTRICTIONS),
    }
    .rights();
    let user = check(
        &fixture_sd("user-granted.dacl.b64"),
        guids::USER,
        &token,
        false,
        &rights,
    );
    assert!(user.iter().all(|d| d.allowed()), "{user:?}");
    // Before the grant only Change password is held: the default user DACL
    // gives it to Everyone (knowing the old password is the real check).
    let allowed = |d: &[writeback_wizard::ad::access::Decision]| -> Vec<bool> {
        d.iter().map(|d| d.allowed()).collect()
    };
    let before = check(
        &fixture_sd("user.dacl.b64"),
        guids::USER,
        &token,
        false,
        &rights,
    );
    assert_eq!(allowed(&before), [false, true, false, false], "{before:?}");
    let protected = fixture_sd("protected-user-granted.dacl.b64");
    assert!(protected.dacl_protected());
    let d = check(&protected, guids::USER, &token, false, &rights);
    assert_eq!(allowed(&d), [false, true, false, false], "{d:?}");
}
