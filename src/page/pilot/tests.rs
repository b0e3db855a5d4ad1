//! The pilot card's `update`: message in, stage out, on the demo
//! organization (its pilot user, its event log).

use super::*;
use crate::backend::demo::DEMO_PILOT;
use crate::page::testing::Run;

fn send(run: &Run, card: &mut State, message: Message) {
    run.drive(message, |m, ctx| card.update(m, ctx));
}

#[test]
fn check_then_confirm_tests_and_the_password_is_forgotten() {
    let run = Run::demo();
    let mut card = State::new(DEMO_PILOT);
    send(&run, &mut card, Message::Check);
    assert!(matches!(card.stage, Stage::Confirm(_)), "{:?}", card.stage);
    // Nothing granted yet in this demo: the test ends with a report
    // (not proven), never half-way.
    send(&run, &mut card, Message::Confirm);
    assert!(matches!(card.stage, Stage::Done(_)), "{:?}", card.stage);
    send(&run, &mut card, Message::Reveal(true));
    assert!(card.revealed);
    card.forget_password();
    assert!(!card.revealed && card.new_password().is_none());
}

#[test]
fn cancel_while_checking_goes_back_to_the_start() {
    let run = Run::demo();
    let mut card = State::new(DEMO_PILOT);
    let _task = card.update(Message::Check, &run.ctx());
    assert!(matches!(card.stage, Stage::Checking(None)));
    let _ = card.update(Message::Cancel, &run.ctx());
    assert!(matches!(card.stage, Stage::Idle));
}

#[test]
fn another_user_starts_over() {
    let run = Run::demo();
    let mut card = State::new(DEMO_PILOT);
    send(&run, &mut card, Message::Check);
    send(&run, &mut card, Message::AllowPrivileged(true));
    send(&run, &mut card, Message::User("alice@contoso.com".into()));
    assert!(matches!(card.stage, Stage::Idle));
    assert!(!card.allow_privileged);
    assert!(card.has_user());
}

#[test]
fn diagnose_reads_the_event_log() {
    let run = Run::demo();
    let mut card = State::default();
    send(&run, &mut card, Message::Diagnose);
    assert!(card.diagnosis.is_read(), "{:?}", card.diagnosis);
}
