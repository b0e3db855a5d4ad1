//! A profile opened in the window keeps every setting (issue 16): the
//! window is driven headlessly (iced_test, no display) from the same
//! `Options` that `writeback-wizard --profile FILE` builds, against the real
//! Samba AD DC. The profile limits the grant to one OU, asks for the
//! inetOrgPerson entries and reaches the DC over `ldap://` with StartTLS.
//! What the window then does is read back from the DC itself.
//!
//! One test per binary run: the data directory is a process-wide variable.

mod support {
    pub mod dc;
    pub mod fixture;
}

use support::{dc, fixture};

use dc::*;
use fixture::*;
use writeback_wizard::ad::AceFlags;
use writeback_wizard::ad::grant::guids;
use writeback_wizard::app::{Message, Step, ThemeChoice};
use writeback_wizard::headless::Driver;
use writeback_wizard::page::{permissions, targets};

/// Writes a profile and opens the window on it, signed in as the DC's
/// Administrator; returns the driver on the Targets page.
fn window(fx: &Fixture, name: &str, toml: &str) -> Driver {
    let path = fx.lab.data_dir.join(name);
    std::fs::write(&path, toml).unwrap();
    let start = writeback_wizard::cli::settings::Start::load(Some(&path), false)
        .unwrap_or_else(|e| panic!("{e}"));
    let options = writeback_wizard::cli::gui::options(&start, "en".into(), ThemeChoice::Light);
    let mut d = Driver::new(options);
    d.send(Message::Next);
    assert_eq!(d.app.step(), Step::Targets);
    d.send(Message::Targets(targets::Message::Password(
        fx.dc().admin_password.as_str().into(),
    )));
    d
}

fn profile(fx: &Fixture, ou: &str, connector: &str, starttls: bool) -> String {
    let dc = fx.dc();
    format!(
        "[directory]\nserver = \"{}\"\nstarttls = {starttls}\nca_file = \"{}\"\nbind_user = \"{}\"\nconnector_account = \"{connector}\"\ntargets = [\"{ou}\"]\ninetorgperson = true\n",
        dc.ldap_url,
        dc.ca_cert.display(),
        dc.admin_dn,
    )
}

#[test]
#[ignore = "needs the Samba DC"]
fn a_profile_keeps_its_targets_inetorgperson_and_starttls_in_the_window() {
    let mut lab = Lab::start("window-profile");
    // SAFETY: this test binary runs one test; nothing reads the variable
    // concurrently.
    unsafe {
        std::env::set_var("WRITEBACK_WIZARD_DATA_DIR", &lab.data_dir);
    }
    writeback_wizard::localize::init(Some("en"));
    let mut fx = Fixture::new(&mut lab);
    let root = fx.root.clone();
    let connector = fx.user_in(&root, "wbc");
    let ou = fx.ou(&root, "scope");
    let _user = fx.user_in(&ou, "u");
    let _inet = fx.inet_org_person_in(&ou, "inet");
    let domain_root_before = fx.sddl_of(&fx.dc().base_dn.clone());

    // Without StartTLS the same ldap:// profile is refused before any
    // password is sent: the control that makes the StartTLS run mean
    // something (it connects only because StartTLS was used).
    let mut plain = window(
        &fx,
        "plain.toml",
        &profile(&fx, &ou, &connector.name, false),
    );
    plain.send(Message::Next);
    assert!(
        plain.shows(&writeback_wizard::explain::directory_error(
            &writeback_wizard::backend::DirectoryError::Plaintext
        )),
        "a plaintext ldap:// profile was not refused"
    );
    assert!(!plain.app.can_continue());

    // A profile asking for plaintext LDAP is not consent for the run: the
    // window asks with an unticked box and refuses the bind until it is
    // ticked; then the bind goes through in the clear (this DC allows
    // simple binds without TLS).
    let mut asked = window(
        &fx,
        "asked.toml",
        &(profile(&fx, &ou, &connector.name, false) + "insecure_plaintext = true\n"),
    );
    let question = writeback_wizard::fl!("targets-plaintext");
    assert!(asked.shows(&question), "the window did not ask");
    asked.send(Message::Next);
    assert!(
        asked.shows(&writeback_wizard::explain::directory_error(
            &writeback_wizard::backend::DirectoryError::Plaintext
        )),
        "the profile's insecure_plaintext was taken as consent"
    );
    if asked.app.step() != Step::Targets {
        asked.send(Message::Back);
    }
    assert_eq!(asked.app.step(), Step::Targets);
    asked.send(Message::Targets(targets::Message::Plaintext(true)));
    asked.send(Message::Next);
    assert_eq!(asked.app.step(), Step::Preflight);
    assert!(
        asked.shows(&writeback_wizard::fl!(
            "check-connection-plain",
            server = fx.dc().ldap_url.as_str()
        )),
        "the ticked plaintext bind did not reach the DC"
    );

    let mut d = window(
        &fx,
        "starttls.toml",
        &profile(&fx, &ou, &connector.name, true),
    );
    assert!(d.shows(&ou), "the profile's target is listed on Targets");
    d.send(Message::Next);
    assert_eq!(d.app.step(), Step::Preflight);
    assert!(
        d.shows(&format!(
            "connected to {} over verified TLS",
            fx.dc().ldap_url
        )),
        "pre-flight did not reach the DC over StartTLS"
    );
    assert!(
        !d.shows("include inetOrgPerson objects in the grant"),
        "the inetOrgPerson option was dropped"
    );
    // Pre-flight on a fresh Samba domain may warn (minimum password age)
    // but must not block; the plan is read on the next page.
    assert!(d.app.can_continue(), "pre-flight blocked");
    d.send(Message::Next);
    assert_eq!(d.app.step(), Step::Permissions);
    assert!(
        d.shows("8 entries will be added:"),
        "four entries for user and four for inetOrgPerson"
    );
    d.send(Message::Permissions(permissions::Message::Apply));
    assert!(d.shows(&format!("{ou}: written and read back")));

    // The DC: the OU carries the grant for both classes, the domain root
    // is untouched.
    let sd = fx.descriptor(&ou);
    let dacl = sd.dacl.as_ref().expect("a DACL");
    let for_class = |class| {
        dacl.aces
            .iter()
            .filter(|a| {
                a.sid() == Some(&connector.sid)
                    && a.flags.0 & AceFlags::INHERIT_ONLY != 0
                    && a.inherited_object_type() == Some(class)
            })
            .count()
    };
    assert_eq!(for_class(guids::USER), 4, "{}", fx.sddl_of(&ou));
    assert_eq!(for_class(guids::INET_ORG_PERSON), 4, "{}", fx.sddl_of(&ou));
    assert_eq!(
        fx.sddl_of(&fx.dc().base_dn.clone()),
        domain_root_before,
        "the domain root was changed"
    );
    fx.cleanup();
}
