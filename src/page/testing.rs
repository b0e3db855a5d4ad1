//! The pages' unit tests' harness: one page driven on the demo
//! organization without a window. A message goes in, the tasks it starts
//! run to the end (their messages fed back to the page), and the events
//! the page raised come out.

use iced::Task;
use iced::futures::StreamExt;
use iced_runtime::Action;

use super::{Context, Page};
use crate::audit::Trail;
use crate::fsperm::ScratchDir;
use crate::session::{Backups, Env};

/// One page's run: the demo's backends, a trail in memory, backups in a
/// fresh private directory (removed with the run).
pub struct Run {
    rt: tokio::runtime::Runtime,
    /// The demo organization, unpaced.
    pub env: Env,
    /// Backups and the audit trail.
    pub backups: Backups,
    _scratch: ScratchDir,
}

impl Run {
    /// A run on `Env::demo(true)`, the texts in English.
    pub fn demo() -> Run {
        crate::localize::init(Some("en"));
        let scratch = ScratchDir::new("writeback-wizard-page-test").expect("a scratch directory");
        Run {
            rt: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime starts"),
            env: Env::demo(true),
            backups: Backups {
                dir: scratch.path().join("backups"),
                trail: Trail::new(None).demo(true),
            },
            _scratch: scratch,
        }
    }

    /// The context a page sees.
    pub fn ctx(&self) -> Context<'_> {
        Context {
            env: &self.env,
            backups: &self.backups,
        }
    }

    /// Runs `task` to the end: the messages it produced.
    pub fn outputs<M: Send + 'static>(&self, task: Task<M>) -> Vec<M> {
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

    /// Sends `message` to `page` and runs what follows to the end: every
    /// event the page raised, in order.
    pub fn send<P: Page>(&self, page: &mut P, message: P::Message) -> Vec<P::Event> {
        let mut events = Vec::new();
        let mut queue = std::collections::VecDeque::from([message]);
        while let Some(m) = queue.pop_front() {
            let (task, event) = page.update(m, &self.ctx());
            events.extend(event);
            queue.extend(self.outputs(task));
        }
        events
    }

    /// Enters `page` as Next does, running its arrival work to the end.
    pub fn enter<P: Page>(&self, page: &mut P) -> Vec<P::Event> {
        let task = page.on_enter(&self.ctx());
        let mut events = Vec::new();
        for m in self.outputs(task) {
            events.extend(self.send(page, m));
        }
        events
    }

    /// Runs a card's message (the cards Verify embeds answer with a task
    /// only) and what follows to the end.
    pub fn drive<M: Send + 'static>(
        &self,
        message: M,
        mut update: impl FnMut(M, &Context<'_>) -> Task<M>,
    ) {
        let mut queue = std::collections::VecDeque::from([message]);
        while let Some(m) = queue.pop_front() {
            let task = update(m, &self.ctx());
            queue.extend(self.outputs(task));
        }
    }
}
