//! Driving one wizard page headlessly: its tasks run to the end, its view
//! searched with iced_test's simulator.
// Shared by several test binaries, each using a part of it.
#![allow(dead_code)]

use iced::Task;
use iced::futures::StreamExt;
use iced_runtime::Action;
use iced_test::Simulator;
use writeback_wizard::headless::SIZE;
use writeback_wizard::page::targets;
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

/// One page driven on its own: the run's backends and trail, as the shell
/// would hand them over, and the events the page raised.
pub struct Run {
    /// The runtime the page's jobs run on.
    pub rt: tokio::runtime::Runtime,
    /// The backends (Settings events from the page are applied to it).
    pub env: writeback_wizard::session::Env,
    /// Backups and the audit trail.
    pub backups: writeback_wizard::session::Backups,
    /// Every event raised so far (each page has its own event type).
    pub events: Vec<Box<dyn std::any::Any>>,
}

impl Run {
    /// A run on `env`, recording in memory, with backups under `dir`.
    pub fn new(env: writeback_wizard::session::Env, dir: &std::path::Path) -> Run {
        Run {
            rt: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
            env,
            backups: writeback_wizard::session::Backups {
                dir: dir.join("backups"),
                trail: writeback_wizard::audit::Trail::new(None),
            },
            events: Vec::new(),
        }
    }

    /// The context a page sees.
    pub fn ctx(&self) -> writeback_wizard::page::Context<'_> {
        writeback_wizard::page::Context {
            env: &self.env,
            backups: &self.backups,
        }
    }

    fn outputs<M: Send + 'static>(&self, task: Task<M>) -> Vec<M> {
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            return Vec::new();
        };
        let actions: Vec<Action<M>> = self.rt.block_on(stream.collect());
        actions
            .into_iter()
            .filter_map(|a| match a {
                Action::Output(m) => Some(m),
                _ => None,
            })
            .collect()
    }

    /// Sends `message` to `page` and runs what follows to the end (the
    /// shell's part: a settings edit is applied to the run's settings).
    pub fn send<P: writeback_wizard::page::Page>(&mut self, page: &mut P, message: P::Message) {
        let mut queue = std::collections::VecDeque::from([message]);
        while let Some(m) = queue.pop_front() {
            let (task, event) = page.update(m, &self.ctx());
            if let Some(event) = event {
                let event: Box<dyn std::any::Any> = Box::new(event);
                if let Some(targets::Event::SettingsEdited(edit)) = event.downcast_ref() {
                    self.env.edit(edit.clone());
                }
                self.events.push(event);
            }
            queue.extend(self.outputs(task));
        }
    }

    /// Enters `page` as Next would, running its arrival work to the end.
    pub fn enter<P: writeback_wizard::page::Page>(&mut self, page: &mut P) {
        let task = page.on_enter(&self.ctx());
        for m in self.outputs(task) {
            self.send(page, m);
        }
    }
}
