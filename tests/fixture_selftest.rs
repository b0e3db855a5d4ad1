//! Proves the helpers of `tests/support/fixture.rs` against the Samba AD
//! DC (ignored by a plain `cargo test`; `tests/run.sh` runs them with
//! WRITEBACK_TEST_DC_ENV set): every helper is checked by reading the
//! directory back, and every probe by an outcome it could get wrong.

mod support {
    pub mod dc;
    pub mod fixture;
}

use support::{dc, fixture};

use dc::*;
use fixture::*;
use ldap3::{Scope, SearchEntry};

/// The explicit ACEs of `dn` as SDDL, in order.
fn explicit_sddl(fx: &Fixture, dn: &str) -> Vec<String> {
    explicit(&fx.descriptor(dn))
        .iter()
        .map(|a| writeback_wizard::ad::sddl::format_ace(a, None).unwrap_or_default())
        .collect()
}

/// SDDL of one ACE normalized through the crate (case, SID form).
fn norm(ace: &str) -> String {
    let parsed = writeback_wizard::ad::sddl::parse_ace(ace, None).expect("ACE parses");
    writeback_wizard::ad::sddl::format_ace(&parsed, None).expect("ACE formats")
}

/// Proves an account's stored password is its real one: a bind with it.
fn assert_can_bind(lab: &Lab, who: &Account) {
    let dc = lab.dc.clone();
    lab.rt.block_on(async {
        let mut ldap = ldap_bind(&dc, &who.dn, &who.password).await;
        let _ = ldap.unbind().await;
    });
}

/// DNs of every object in the domain named `wbfx-…` (OU or CN).
fn wbfx_objects(lab: &Lab) -> Vec<String> {
    let dc = lab.dc.clone();
    lab.rt.block_on(async {
        let mut ldap = ldap_bind(&dc, &dc.admin_dn, &dc.admin_password).await;
        let (entries, _) = ldap
            .with_timeout(TIMEOUT)
            .search(
                &dc.base_dn,
                Scope::Subtree,
                "(|(ou=wbfx-*)(cn=wbfx-*))",
                vec!["1.1"],
            )
            .await
            .and_then(|r| r.success())
            .expect("search for wbfx- objects");
        let _ = ldap.unbind().await;
        entries
            .into_iter()
            .map(|e| SearchEntry::construct(e).dn)
            .collect()
    })
}

#[test]
#[ignore = "needs the Samba DC"]
fn plain_user_before_any_grant() {
    let mut lab = Lab::start("fx-plain");
    let mut fx = Fixture::new(&mut lab);
    let root = fx.root.clone();
    let connector = fx.user_in(&root, "wbfxc");
    let mut victim = fx.user_in(&root, "wbfxv");
    assert_can_bind(fx.lab, &victim);

    // The default user DACL lets Everyone (and SELF) change a password
    // whose current value they know: that is not a grant.
    let dacl = fx.descriptor(&victim.dn);
    let everyone_change = norm(&format!("(OA;;CR;{CHANGE_PASSWORD};;WD)"));
    assert!(
        dacl.dacl.iter().flat_map(|d| d.aces.iter()).any(|a| {
            writeback_wizard::ad::sddl::format_ace(a, None).as_deref()
                == Some(everyone_change.as_str())
        }),
        "{}",
        fx.sddl_of(&victim.dn)
    );

    let rights = fx.probe_all(&connector, &mut victim);
    assert_eq!(
        rights,
        Rights {
            change: true,
            ..Rights::NONE
        }
    );
    // The change really happened, and the fixture tracked it.
    assert_can_bind(fx.lab, &victim);
    let pwd_last_set = fx.attr(&victim.dn, "pwdLastSet");
    assert_ne!(pwd_last_set, vec!["0".to_string()], "left with must-change");
    fx.cleanup();
}

#[test]
#[ignore = "needs the Samba DC"]
fn direct_grant_then_cannot_change_then_group_deny() {
    let mut lab = Lab::start("fx-grant");
    let mut fx = Fixture::new(&mut lab);
    let root = fx.root.clone();
    let connector = fx.user_in(&root, "wbfxc");
    let mut victim = fx.user_in(&root, "wbfxv");
    assert_eq!(
        fx.probe_all(&connector, &mut victim),
        Rights {
            change: true,
            ..Rights::NONE
        }
    );

    fx.grant_directly(&victim.dn, &connector.sid);
    let explicit_now = explicit_sddl(&fx, &victim.dn);
    for ace in writeback_allows(&connector.sid) {
        assert!(
            explicit_now.contains(&norm(&ace)),
            "{ace} missing: {explicit_now:?}"
        );
    }
    assert_eq!(fx.probe_all(&connector, &mut victim), Rights::ALL);
    assert_can_bind(fx.lab, &victim);
    assert_eq!(fx.attr(&victim.dn, "pwdLastSet").len(), 1);
    assert_ne!(fx.attr(&victim.dn, "pwdLastSet"), vec!["0".to_string()]);

    // The victim may change its own password (SELF) — until "user cannot
    // change password".
    let me = victim.clone();
    assert!(fx.can_change_password(&me, &mut victim), "self change");
    fx.user_cannot_change_password(&victim);
    let explicit_now = explicit_sddl(&fx, &victim.dn);
    assert_eq!(
        explicit_now[..2],
        [
            norm(&format!("(OD;;CR;{CHANGE_PASSWORD};;WD)")),
            norm(&format!("(OD;;CR;{CHANGE_PASSWORD};;PS)")),
        ],
        "{explicit_now:?}"
    );
    let me = victim.clone();
    assert!(
        !fx.can_change_password(&me, &mut victim),
        "Samba ignored the SELF deny"
    );
    assert_eq!(
        fx.probe_all(&connector, &mut victim),
        Rights {
            change: false,
            ..Rights::ALL
        },
        "the WD deny first must beat the connector's explicit allow"
    );

    // A deny of reset for a group the connector belongs to: after the
    // explicit allows it decides nothing; first, it wins.
    let (group, group_sid) = fx.group_in(&root, "wbfxg");
    fx.add_member(&group, &connector.dn);
    assert_eq!(fx.attr(&group, "member"), vec![connector.dn.clone()]);
    let deny = format!("(OD;;CR;{RESET_PASSWORD};;{group_sid})");
    fx.deny_on(&victim.dn, &deny, false);
    let explicit_now = explicit_sddl(&fx, &victim.dn);
    assert_eq!(explicit_now.last(), Some(&norm(&deny)), "{explicit_now:?}");
    assert!(
        fx.can_reset_password(&connector, &mut victim),
        "a deny after the allow decided"
    );
    fx.deny_on(&victim.dn, &deny, true);
    assert_eq!(explicit_sddl(&fx, &victim.dn)[0], norm(&deny));
    assert_eq!(
        fx.probe_all(&connector, &mut victim),
        Rights {
            lockout: true,
            pwd_last_set: true,
            ..Rights::NONE
        }
    );
    assert_can_bind(fx.lab, &victim);
    fx.cleanup();
}

#[test]
#[ignore = "needs the Samba DC"]
fn null_dacl_is_replaced_by_the_class_default_on_samba() {
    let mut lab = Lab::start("fx-null");
    let mut fx = Fixture::new(&mut lab);
    let root = fx.root.clone();
    let connector = fx.user_in(&root, "wbfxc");
    let mut victim = fx.user_in(&root, "wbfxv");
    fx.grant_directly(&victim.dn, &connector.sid);
    assert_eq!(fx.probe_all(&connector, &mut victim), Rights::ALL);
    assert!(!fx.dacl_is_null(&victim.dn));

    // Samba's descriptor module puts the class's default DACL in place of
    // a NULL one: the write succeeds, the explicit grant is gone, and the
    // DACL reads back present. (If a Samba ever keeps the NULL DACL, this
    // fails: then update fixture.rs and this test.)
    let kept = fx.null_dacl(&victim.dn);
    let sd = fx.descriptor(&victim.dn);
    assert!(!kept, "the DC kept a NULL DACL: {:?}", sd.control);
    assert!(!fx.dacl_is_null(&victim.dn));
    assert!(sd.control.has(writeback_wizard::ad::Control::DACL_PRESENT));
    assert!(
        aces_of(&sd, &connector.sid).is_empty(),
        "{}",
        fx.sddl_of(&victim.dn)
    );
    assert_eq!(
        fx.probe_all(&connector, &mut victim),
        Rights {
            change: true,
            ..Rights::NONE
        }
    );
    fx.cleanup();
}

#[test]
#[ignore = "needs the Samba DC"]
fn protected_ou_and_inheritable_deny() {
    let mut lab = Lab::start("fx-ou");
    let mut fx = Fixture::new(&mut lab);
    let root = fx.root.clone();
    let connector = fx.user_in(&root, "wbfxc");
    let shielded_ou = fx.ou(&root, "wbfxp");
    let deny_parent = fx.ou(&root, "wbfxd");
    let denied_ou = fx.ou(&deny_parent, "wbfxn");
    let mut plain = fx.user_in(&root, "wbfxu");
    let mut shielded = fx.user_in(&shielded_ou, "wbfxs");
    let mut denied = fx.user_in(&denied_ou, "wbfxd");

    let before = fx.descriptor(&shielded_ou);
    let dacl = before.dacl.as_ref().expect("a DACL");
    let inherited = dacl.aces.iter().filter(|a| a.is_inherited()).count();
    assert!(inherited > 0 && !before.dacl_protected());
    fx.protect_ou(&shielded_ou);
    let after = fx.descriptor(&shielded_ou);
    assert!(after.dacl_protected());
    let aces = &after.dacl.as_ref().expect("a DACL").aces;
    assert!(aces.iter().all(|a| !a.is_inherited()), "{aces:?}");
    assert_eq!(aces.len(), dacl.aces.len(), "every ACE kept");

    // A grant on the fixture's OU made after protecting: inherited by the
    // user directly below, not by the one under the protected OU.
    let sid = connector.sid;
    fx.allow_on(
        &root,
        &format!("(OA;CIIO;CR;{RESET_PASSWORD};{USER_CLASS};{sid})"),
    );
    // An inheritable deny on an OU (two levels above the user) beats the
    // allow inherited from farther up.
    let deny = format!("(OD;CIIO;CR;{RESET_PASSWORD};{USER_CLASS};{sid})");
    fx.deny_on(&deny_parent, &deny, true);
    assert!(fx.can_reset_password(&connector, &mut plain));
    assert!(!fx.can_reset_password(&connector, &mut shielded));
    assert!(!fx.can_reset_password(&connector, &mut denied));
    let on_user = fx.descriptor(&denied.dn);
    assert!(
        on_user
            .dacl
            .iter()
            .flat_map(|d| d.aces.iter())
            .any(|a| a.is_inherited() && a.ace_type.is_deny() && a.sid() == Some(&sid)),
        "the deny is not inherited: {}",
        fx.sddl_of(&denied.dn)
    );
    fx.cleanup();
}

#[test]
#[ignore = "needs the Samba DC"]
fn computer_inet_org_person_admin_count() {
    let mut lab = Lab::start("fx-classes");
    let mut fx = Fixture::new(&mut lab);
    let root = fx.root.clone();
    let connector = fx.user_in(&root, "wbfxc");
    let elsewhere = fx.ou(&root, "wbfxo");
    let computer = fx.computer_in(&elsewhere, &connector.name);
    let classes = fx.attr(&computer, "objectClass");
    assert!(classes.iter().any(|c| c == "computer"), "{classes:?}");
    assert_eq!(
        fx.attr(&computer, "sAMAccountName"),
        vec![format!("{}$", connector.name)]
    );
    assert_eq!(fx.attr(&computer, "cn"), fx.attr(&connector.dn, "cn"));

    let mut person = fx.inet_org_person_in(&root, "wbfxi");
    let classes = fx.attr(&person.dn, "objectClass");
    assert!(classes.iter().any(|c| c == "inetOrgPerson"), "{classes:?}");
    assert_can_bind(fx.lab, &person); // password set, enabled

    // An inheritable grant for the user class does not reach an
    // inetOrgPerson; one for inetOrgPerson does.
    let sid = connector.sid;
    fx.allow_on(
        &root,
        &format!("(OA;CIIO;CR;{RESET_PASSWORD};{USER_CLASS};{sid})"),
    );
    assert!(!fx.can_reset_password(&connector, &mut person));
    fx.allow_on(
        &root,
        &format!("(OA;CIIO;CR;{RESET_PASSWORD};{INET_ORG_PERSON_CLASS};{sid})"),
    );
    assert!(fx.can_reset_password(&connector, &mut person));
    assert_can_bind(fx.lab, &person);

    assert!(fx.attr(&person.dn, "adminCount").is_empty());
    fx.set_admin_count(&person.dn);
    assert_eq!(fx.attr(&person.dn, "adminCount"), vec!["1".to_string()]);
    fx.cleanup();
}

#[test]
#[ignore = "needs the Samba DC"]
fn cleanup_leaves_nothing_even_after_a_panic() {
    let mut lab = Lab::start("fx-cleanup");
    let outsider = lab.create_user("wbfxl", None);
    let outsider_before = lab.dacl_of(&outsider.dn).0;

    let created = {
        let mut fx = Fixture::new(&mut lab);
        let root = fx.root.clone();
        let ou = fx.ou(&root, "wbfxo");
        let user = fx.user_in(&ou, "wbfxu");
        fx.inet_org_person_in(&ou, "wbfxi");
        fx.computer_in(&root, "wbfxm-cleanup");
        let (group, group_sid) = fx.group_in(&root, "wbfxg");
        fx.add_member(&group, &user.dn);
        fx.null_dacl(&user.dn);
        fx.protect_ou(&ou);
        // Changes outside the fixture's OU are undone too.
        fx.deny_on(
            &outsider.dn,
            &format!("(OD;;CR;{RESET_PASSWORD};;{group_sid})"),
            true,
        );
        assert_ne!(fx.lab.dacl_of(&outsider.dn).0, outsider_before);
        fx.cleanup()
    };
    assert!(created.len() >= 6, "{created:?}");
    let root = created[0].clone();
    assert!(root.starts_with("OU=wbfx-"), "{root}");
    let dc = lab.dc.clone();
    for dn in &created {
        assert!(!lab.rt.block_on(exists(&dc, dn)), "{dn} survived");
    }
    let left: Vec<String> = wbfx_objects(&lab)
        .into_iter()
        .filter(|d| created.contains(d) || d.ends_with(&root))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(lab.dacl_of(&outsider.dn).0, outsider_before);

    // A test failing half-way: the drop removes it all.
    let mut half_way_root = String::new();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut fx = Fixture::new(&mut lab);
        half_way_root = fx.root.clone();
        let root = fx.root.clone();
        let user = fx.user_in(&root, "wbfxu");
        fx.null_dacl(&user.dn);
        fx.deny_on(
            &outsider.dn,
            &format!("(OD;;CR;{RESET_PASSWORD};;{})", user.sid),
            true,
        );
        panic!("failing half-way on purpose");
    }));
    assert!(outcome.is_err());
    assert!(half_way_root.starts_with("OU=wbfx-"));
    assert!(!lab.rt.block_on(exists(&dc, &half_way_root)));
    assert_eq!(lab.dacl_of(&outsider.dn).0, outsider_before);
    let left: Vec<String> = wbfx_objects(&lab)
        .into_iter()
        .filter(|d| d.ends_with(&half_way_root) || d.ends_with(&root))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let others = wbfx_objects(&lab);
    if !others.is_empty() {
        // Another test binary's fixture, live right now (not ours).
        eprintln!("wbfx- objects of other runs: {others:?}");
    }
}
