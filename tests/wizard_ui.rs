//! The wizard, clicked through headlessly on the demo organization with
//! iced_test's simulator (no display): every page applies its step and
//! shows the outcome; Summary undoes everything; every page matches its
//! golden PNG in tests/snapshots/.

use std::path::PathBuf;

use writeback_wizard::app::{Options, Step, ThemeChoice};
use writeback_wizard::audit::Trail;
use writeback_wizard::headless::Driver;
use writeback_wizard::session::Backups;
use writeback_wizard::session::Env;

fn driver(tag: &str) -> (Driver, PathBuf) {
    writeback_wizard::localize::init(Some("en"));
    let dir = std::env::temp_dir().join(format!("wbw-ui-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let options = Options {
        env: Env::demo(true),
        source: "demo".into(),
        lang: "en".into(),
        theme: ThemeChoice::Light,
        backups: Backups {
            dir: dir.join("backups"),
            trail: Trail::new(None).fixed_at(std::time::UNIX_EPOCH).demo(true),
        },
    };
    (Driver::new(options), dir)
}

fn click(d: &mut Driver, label: &str) {
    d.click(label).unwrap_or_else(|e| panic!("{e}"));
}

fn next(d: &mut Driver, to: Step) {
    click(d, "Next");
    assert_eq!(d.app.step(), to);
}

/// Welcome → Summary, applying every step through the buttons.
fn run_through(d: &mut Driver) {
    assert!(d.shows("Turn on password writeback"));
    assert!(d.app.title().starts_with("writeback-wizard"));
    assert!(d.shows("Demo"));
    click(d, "Start");
    assert_eq!(d.app.step(), Step::Targets);
    assert!(d.shows("MSOL_4f2a9c1d7e3b"));
    click(d, "Find");
    assert!(d.shows("CN=MSOL_4f2a9c1d7e3b,CN=Users,DC=contoso,DC=com (S-1-5-21-3372081686-3581938273-1940026438-1105)"));

    next(d, Step::Preflight);
    assert!(
        d.shows("5 of 14 users will be out of the connector's reach; writeback fails for them")
    );
    // "User cannot change password" is its own finding.
    assert!(d.shows(
        "1 users have \"User cannot change password\": resets from the cloud are written back, password changes by the user are not (clear the option on them if they should change their password through SSPR)"
    ));
    assert!(d.shows("Add OU=Contractors,DC=contoso,DC=com as a target"));
    assert!(d.shows(
        "1 inetOrgPerson object in scope will not receive the permission; include inetOrgPerson objects in the grant"
    ));

    next(d, Step::Permissions);
    assert!(d.shows("4 entries will be added:"));
    assert!(!d.app.can_continue(), "Next waits for Apply");
    click(d, "Apply");
    assert!(d.shows("DC=contoso,DC=com: written and read back"));

    next(d, Step::Connect);
    assert!(d.shows("Password writeback is off"));
    click(d, "Enable writeback");
    assert!(d.shows("Password writeback is on"));

    next(d, Step::Portal);
    assert!(d.shows("Write back passwords to on-premises: off → on"));
    click(d, "Apply");
    assert!(d.shows("Write back passwords to on-premises: on → on"));
    assert!(d.shows("Unlock accounts without resetting the password: on → on"));

    next(d, Step::Verify);
    assert!(d.shows("8 of 14 users carry the permission"));
    assert!(d.shows("Portal: write back and unlock are on"));
    // The proof with the demo's pilot user: checked, confirmed, proven.
    click(d, "Test writeback");
    assert!(d.shows("Reset the password now"), "no confirmation asked");
    click(d, "Reset the password now");
    assert!(d.shows("Proven: the reset in the cloud reached Active Directory"));

    next(d, Step::Summary);
    assert!(d.shows("DC=contoso,DC=com: 4 permission entries added"));
    assert!(d.shows("Entra Connect: password writeback switched on"));
    assert!(d.shows("Export runbook…"));
}

#[test]
fn click_through_the_whole_wizard_on_the_demo() {
    let (mut d, dir) = driver("through");
    run_through(&mut d);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn undo_everything_from_summary() {
    let (mut d, dir) = driver("undo");
    run_through(&mut d);
    click(&mut d, "Undo everything");
    // Back on Verify, everything reads as before the run.
    click(&mut d, "Back");
    click(&mut d, "Check again");
    assert!(
        d.shows("0 of 14 users carry the permission"),
        "AD permissions undone"
    );
    assert!(d.shows("Password writeback is off"), "Connect undone");
    assert!(
        d.shows("Portal: write back or unlock is off"),
        "portal undone"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn blocked_preflight_keeps_next_disabled_until_done() {
    use writeback_wizard::app::Message;
    use writeback_wizard::page::targets;
    let (mut d, dir) = driver("next");
    click(&mut d, "Start");
    // A target whose DACL the helpdesk account may not change (a user
    // object: the demo grants no WRITE_DAC there): pre-flight blocks.
    let user = "CN=Administrator,CN=Users,DC=contoso,DC=com";
    d.send(Message::Targets(targets::Message::NewTarget(user.into())));
    d.send(Message::Targets(targets::Message::AddTarget));
    click(&mut d, "Next");
    assert_eq!(d.app.step(), Step::Preflight);
    assert!(d.shows(&format!(
        "the signed-in account may NOT change the permissions of {user}; sign in as a Domain Admin (or an account with \"Modify permissions\" there)"
    )));
    assert!(
        !d.app.can_continue(),
        "a blocking finding lets Next through"
    );
    let _ = d.click("Next");
    d.send(Message::Next);
    assert_eq!(d.app.step(), Step::Preflight, "Next went on");
    // Without that target pre-flight passes (warnings only) and Next works.
    // Pre-flight runs again on entering with other settings.
    click(&mut d, "Back");
    d.send(Message::Targets(targets::Message::RemoveTarget(0)));
    click(&mut d, "Next");
    assert_eq!(d.app.step(), Step::Preflight);
    assert!(
        d.app.can_continue(),
        "demo findings are warnings, not blocking"
    );
    click(&mut d, "Next");
    assert_eq!(d.app.step(), Step::Permissions);
    // Next does nothing before Apply.
    let _ = d.click("Next");
    assert_eq!(d.app.step(), Step::Permissions);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn every_page_matches_its_golden_snapshot() {
    let out = std::env::temp_dir().join(format!("wbw-snap-{}", std::process::id()));
    let files = writeback_wizard::headless::screenshots(&out, "en", ThemeChoice::Light).unwrap();
    assert_eq!(files.len(), 8);
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("WRITEBACK_UPDATE_SNAPSHOTS").is_some();
    let mut mismatched = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap();
        let want = golden.join(name);
        if update {
            std::fs::create_dir_all(&golden).unwrap();
            std::fs::copy(file, &want).unwrap();
            continue;
        }
        if !want.exists() {
            // A page without its golden fails: accepting one is a decision.
            mismatched.push(format!("{} (no golden)", name.to_string_lossy()));
            continue;
        }
        if std::fs::read(file).unwrap() != std::fs::read(&want).unwrap() {
            mismatched.push(name.to_string_lossy().into_owned());
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(
        mismatched.is_empty(),
        "pages differ from tests/snapshots (look at them; WRITEBACK_UPDATE_SNAPSHOTS=1 accepts): {mismatched:?}"
    );
}

#[test]
fn the_window_icon_decodes() {
    assert!(writeback_wizard::app::icon().is_some());
}

#[test]
fn a_blocked_ou_offered_by_preflight_becomes_a_target() {
    let (mut d, dir) = driver("addtarget");
    click(&mut d, "Start");
    next(&mut d, Step::Preflight);
    let ou = "OU=Contractors,DC=contoso,DC=com";
    // The window names the OU and its users in words, and offers the
    // action; the command line's `--target` stays out of it.
    assert!(d.shows(&format!("{ou} (1 user)")));
    click(&mut d, &format!("Add {ou} as a target"));
    // Pre-flight ran again on the new scope: the contractor is reached
    // through its own OU, nothing is offered any more.
    assert!(
        d.shows("4 of 14 users will be out of the connector's reach; writeback fails for them")
    );
    assert!(!d.shows(&format!("Add {ou} as a target")));
    next(&mut d, Step::Permissions);
    // Two targets make the page scroll: Apply is sent as its button would.
    d.send(writeback_wizard::app::Message::Permissions(
        writeback_wizard::page::permissions::Message::Apply,
    ));
    assert!(d.shows("DC=contoso,DC=com: written and read back"));
    assert!(d.shows(&format!("{ou}: written and read back")));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_forests_domains_are_listed_on_targets_and_a_ticked_one_is_granted() {
    use writeback_wizard::app::Message;
    use writeback_wizard::page::{permissions, targets};
    let (mut d, dir) = driver("domains");
    click(&mut d, "Start");
    // Both domains, each with the DC it is reached through.
    assert!(d.shows("contoso.com (CONTOSO)"));
    assert!(d.shows("emea.contoso.com (EMEA)"));
    assert!(d.shows("through demo://dc01.emea.contoso.com (named by DNS)"));
    // Ticking the second domain grants on both roots.
    d.send(Message::Targets(targets::Message::Domain(
        "DC=emea,DC=contoso,DC=com".into(),
        true,
    )));
    assert!(d.shows("DC=contoso,DC=com"), "the first root stays ticked");
    assert!(d.shows("DC=emea,DC=contoso,DC=com"));
    next(&mut d, Step::Preflight);
    next(&mut d, Step::Permissions);
    d.send(Message::Permissions(permissions::Message::Apply));
    assert!(d.shows("DC=contoso,DC=com: written and read back"));
    assert!(d.shows("DC=emea,DC=contoso,DC=com: written and read back"));
    // Undo (as Undo everything would) restores both roots, each through
    // its own DC.
    d.send(Message::Permissions(permissions::Message::Undo));
    assert!(
        d.shows("4 entries will be added:"),
        "the plan is made again"
    );
    assert!(!d.shows("DC=emea,DC=contoso,DC=com: written and read back"));
    let _ = std::fs::remove_dir_all(dir);
}

/// What pressing `tabs` × Tab, then Enter, sends on the current page (a
/// fresh window each time: nothing focused before the first Tab).
fn keyboard_walk(d: &Driver, tabs: usize, shift: bool) -> Vec<String> {
    use iced::keyboard::{self, Key, key::Named};
    use iced_test::simulator::{press_key, release_key};
    let mut ui = iced_test::Simulator::with_size(
        iced::Settings::default(),
        writeback_wizard::headless::SIZE,
        d.app.view(),
    );
    for _ in 0..tabs {
        let iced::Event::Keyboard(keyboard::Event::KeyPressed {
            key,
            modified_key,
            physical_key,
            location,
            text,
            repeat,
            ..
        }) = press_key(Key::Named(Named::Tab), None)
        else {
            unreachable!()
        };
        let modifiers = if shift {
            keyboard::Modifiers::SHIFT
        } else {
            keyboard::Modifiers::default()
        };
        ui.simulate([
            iced::Event::Keyboard(keyboard::Event::KeyPressed {
                key,
                modified_key,
                physical_key,
                location,
                modifiers,
                text,
                repeat,
            }),
            release_key(Key::Named(Named::Tab)),
        ]);
    }
    ui.tap_key(Key::Named(Named::Enter));
    ui.into_messages().map(|m| format!("{m:?}")).collect()
}

fn press(d: &mut Driver, key: iced::keyboard::key::Named) {
    let messages: Vec<_> = {
        let mut ui = iced_test::Simulator::with_size(
            iced::Settings::default(),
            writeback_wizard::headless::SIZE,
            d.app.view(),
        );
        ui.tap_key(iced::keyboard::Key::Named(key));
        ui.into_messages().collect()
    };
    for m in messages {
        d.send(m);
    }
}

/// Welcome walked with the keyboard only: Tab reaches every control in
/// reading order (the sidebar's two links, the page's check box, the
/// footer's Start; the disabled Back is skipped), Shift-Tab goes the
/// other way, Enter presses the focused control or else Start/Next, Esc
/// goes back.
#[test]
fn a_page_is_walked_by_keyboard_only() {
    use iced::keyboard::key::Named;
    let (mut d, dir) = driver("keys");
    assert_eq!(keyboard_walk(&d, 1, false), ["ToggleTheme"]);
    assert!(keyboard_walk(&d, 2, false)[0].starts_with("Diagnostics("));
    assert_eq!(
        keyboard_walk(&d, 3, false),
        ["Welcome(CaptureScreenshots(true))"]
    );
    assert_eq!(keyboard_walk(&d, 4, false), ["Next"]);
    // Past the last control the focus leaves the controls (Enter goes
    // on), and the next Tab starts again at the first.
    assert_eq!(keyboard_walk(&d, 5, false), ["Next"]);
    assert_eq!(keyboard_walk(&d, 6, false), ["ToggleTheme"]);
    assert_eq!(
        keyboard_walk(&d, 1, true),
        ["Next"],
        "Shift-Tab from the end"
    );
    assert_eq!(
        keyboard_walk(&d, 2, true),
        ["Welcome(CaptureScreenshots(true))"]
    );
    // Enter with nothing focused goes on; Esc comes back.
    press(&mut d, Named::Enter);
    assert_eq!(d.app.step(), Step::Targets);
    press(&mut d, Named::Escape);
    assert_eq!(d.app.step(), Step::Welcome);
    // Space ticks the focused check box, and again unticks it (headless,
    // a ticked box would wait for a window's screenshot on Next).
    let tick = |d: &mut Driver| {
        use iced::keyboard::Key;
        let messages: Vec<_> = {
            let mut ui = iced_test::Simulator::with_size(
                iced::Settings::default(),
                writeback_wizard::headless::SIZE,
                d.app.view(),
            );
            for _ in 0..3 {
                ui.tap_key(Key::Named(Named::Tab));
            }
            ui.tap_key(Key::Named(Named::Space));
            ui.into_messages().collect()
        };
        for m in messages {
            d.send(m);
        }
    };
    tick(&mut d);
    assert_eq!(
        keyboard_walk(&d, 3, false),
        ["Welcome(CaptureScreenshots(false))"],
        "the box is ticked"
    );
    tick(&mut d);
    assert_eq!(
        keyboard_walk(&d, 3, false),
        ["Welcome(CaptureScreenshots(true))"],
        "the box is clear again"
    );
    press(&mut d, Named::Enter);
    assert_eq!(d.app.step(), Step::Targets);
    let _ = std::fs::remove_dir_all(dir);
}

/// The first window on 1280×800 and 1920×1080 at 125% scaling (1024×640
/// and 1536×864 logical pixels): it fits the screen, every page's text
/// stays inside it sideways, the sidebar's whole step list and the
/// footer's Next are on screen.
#[test]
fn the_first_window_fits_common_screens_at_125_percent() {
    use iced::Size;
    use iced_test::selector::Candidate;
    use writeback_wizard::app::Message;
    use writeback_wizard::app::first_size;
    use writeback_wizard::page::{connect, permissions, portal};
    for monitor in [Size::new(1024.0, 640.0), Size::new(1536.0, 864.0)] {
        let size = first_size(monitor);
        assert!(
            size.width <= monitor.width && size.height <= monitor.height,
            "{size:?} on {monitor:?}"
        );
        let (mut d, dir) = driver("fit");
        for step in Step::ALL {
            match step {
                Step::Permissions => d.send(Message::Permissions(permissions::Message::Apply)),
                Step::Connect => d.send(Message::Connect(connect::Message::Enable)),
                Step::Portal => d.send(Message::Portal(portal::Message::Apply)),
                _ => {}
            }
            let mut ui =
                iced_test::Simulator::with_size(iced::Settings::default(), size, d.app.view());
            let mut cut = Vec::new();
            let _ = ui.find(|c: Candidate<'_>| {
                if let Candidate::Text {
                    bounds, content, ..
                } = c
                    && bounds.x + bounds.width > size.width + 0.5
                {
                    cut.push(content.to_string());
                }
                None::<()>
            });
            assert!(
                cut.is_empty(),
                "{step:?} at {size:?}: cut sideways: {cut:?}"
            );
            for label in ["8. Summary", "Diagnostics"] {
                let b = ui.find(label).unwrap().bounds();
                assert!(
                    b.y + b.height <= size.height,
                    "{step:?} at {size:?}: {label:?} below the window ({b:?})"
                );
            }
            let next = if step == Step::Welcome {
                "Start"
            } else {
                "Next"
            };
            let b = ui.find(next).unwrap().bounds();
            assert!(
                b.x + b.width <= size.width && b.y + b.height <= size.height,
                "{step:?} at {size:?}: {next} outside ({b:?})"
            );
            drop(ui);
            if step != Step::Summary {
                d.send(Message::Next);
            }
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}
