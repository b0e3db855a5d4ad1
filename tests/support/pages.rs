//! Driving one wizard page headlessly: its tasks run to the end, its view
//! searched with iced_test's simulator.
#![allow(dead_code)]

use iced::Task;
use iced::futures::StreamExt;
use iced_runtime::Action;
use iced_test::Simulator;
use writeback_wizard::headless::SIZE;
use writeback_wizard::widget::Element;

/// Runs a page's task to the end, feeding its messages back to `update`.
pub fn drive<M: Send + 'static>(
    rt: &tokio::runtime::Runtime,
    task: Task<M>,
    update: &mut dyn FnMut(M) -> Task<M>,
) {
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return;
    };
    let actions: Vec<Action<M>> = rt.block_on(stream.collect());
    for action in actions {
        if let Action::Output(m) = action {
            let next = update(m);
            drive(rt, next, update);
        }
    }
}

/// Whether `text` is shown by `view`.
pub fn shows<M>(view: Element<'_, M>, text: &str) -> bool {
    let mut ui = Simulator::with_size(iced::Settings::default(), SIZE, view);
    ui.find(text).is_ok()
}

/// Saves a page as PNG when WRITEBACK_PAGE_SHOTS names a directory (to
/// look at the real-run pages the demo screenshots do not show).
pub fn maybe_shot<M>(view: Element<'_, M>, name: &str) {
    if let Some(dir) = std::env::var_os("WRITEBACK_PAGE_SHOTS") {
        let mut ui = Simulator::with_size(iced::Settings::default(), SIZE, view);
        let snap = ui.snapshot(&iced::Theme::Light).unwrap();
        let _ = snap.matches_image(std::path::Path::new(&dir).join(name));
    }
}
