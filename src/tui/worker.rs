//! The background worker of the run loop: runs the [`RiskRequest`]s that
//! update asked for ([`super::Effect::StartRisk`], kept by the host as
//! [`super::App::jobs`]) on threads of their own and sends progress and
//! results back through a channel as app [`Event`]s. The app stays plain
//! data; only the run loop owns threads.
//!
//! [`Worker::sync`] reconciles what runs with the jobs wanted: a request
//! whose generation is new starts a thread; a running one no longer wanted
//! (cancelled by [`super::Effect::CancelRisk`]) has its flag set, and the
//! simulation stops within one chunk of draws. Whatever a cancelled thread
//! still sends is ignored by update, which only accepts the generations it
//! wants.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use super::event::Event;
use super::risk_job::{self, RiskOutput, RiskRequest};

/// Least time between two progress reports of one run.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// The name of the worker threads (the panic hook leaves the terminal
/// alone for them: the app goes on).
pub const THREAD_NAME: &str = "effekt-risk";

struct Job {
    generation: u64,
    cancel: Arc<AtomicBool>,
}

/// Threads running the app's requests, and the channel they answer on.
pub struct Worker {
    tx: Sender<Event>,
    rx: Receiver<Event>,
    /// Started and not yet answered with [`Event::RiskDone`].
    jobs: Vec<Job>,
}

impl Default for Worker {
    fn default() -> Self {
        Worker::new()
    }
}

impl Worker {
    pub fn new() -> Worker {
        let (tx, rx) = mpsc::channel();
        Worker {
            tx,
            rx,
            jobs: Vec::new(),
        }
    }

    /// Starts the wanted requests not yet running, cancels running ones
    /// that are no longer wanted.
    pub fn sync(&mut self, wanted: &[&RiskRequest]) {
        self.jobs.retain(|j| {
            let keep = wanted.iter().any(|r| r.generation == j.generation);
            if !keep {
                j.cancel.store(true, Ordering::Relaxed);
            }
            keep
        });
        for request in wanted {
            if self.jobs.iter().all(|j| j.generation != request.generation) {
                self.start((*request).clone());
            }
        }
    }

    fn start(&mut self, request: RiskRequest) {
        let cancel = Arc::new(AtomicBool::new(false));
        self.jobs.push(Job {
            generation: request.generation,
            cancel: cancel.clone(),
        });
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || work(request, &cancel, &tx));
        if let Err(e) = spawned {
            // No thread to be had: say so instead of waiting for ever.
            let generation = self.jobs.pop().map(|j| j.generation).unwrap_or(0);
            let _ = self.tx.send(Event::RiskDone {
                generation,
                output: Box::new(RiskOutput::Failed(e.to_string())),
            });
        }
    }

    /// Some work is running: the loop should not block on input.
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// The next message of a thread, without waiting.
    pub fn try_recv(&mut self) -> Option<Event> {
        let ev = self.rx.try_recv().ok()?;
        if let Event::RiskDone { generation, .. } = &ev {
            self.jobs.retain(|j| j.generation != *generation);
        }
        Some(ev)
    }

    /// Cancels everything (when the app ends).
    pub fn cancel_all(&mut self) {
        for j in self.jobs.drain(..) {
            j.cancel.store(true, Ordering::Relaxed);
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.cancel_all();
    }
}

/// The body of a worker thread.
fn work(request: RiskRequest, cancel: &AtomicBool, tx: &Sender<Event>) {
    let generation = request.generation;
    let mut last: Option<Instant> = None;
    let mut progress = |done: u32, total: u32| {
        // A report per chunk would be hundreds a second; the screen needs
        // a few.
        if last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            last = Some(Instant::now());
            let _ = tx.send(Event::RiskProgress {
                generation,
                done,
                total,
            });
        }
    };
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        risk_job::run(&request.work, cancel, &mut progress)
    }));
    let output = match result {
        Ok(Some(output)) => output,
        // Cancelled: nobody waits for an answer.
        Ok(None) => return,
        Err(panic) => {
            let text = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the computation failed".into());
            RiskOutput::Failed(text)
        }
    };
    let _ = tx.send(Event::RiskDone {
        generation,
        output: Box::new(output),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::Settings;
    use crate::tui::risk_job::RiskWork;

    fn request(generation: u64, draws: u32) -> RiskRequest {
        let s = crate::catalog::open("sykefravaer")
            .expect("bundled")
            .scenario;
        let mut settings = Settings::from_scenario(&s);
        settings.draws = draws;
        RiskRequest {
            generation,
            work: RiskWork::Simulate {
                scenario: Box::new(s),
                settings,
            },
        }
    }

    fn wait_done(w: &mut Worker) -> Event {
        let start = Instant::now();
        loop {
            match w.try_recv() {
                Some(ev @ Event::RiskDone { .. }) => return ev,
                Some(_) => {}
                None if start.elapsed() > Duration::from_secs(120) => panic!("no answer"),
                None => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    }

    #[test]
    fn a_superseded_run_is_cancelled_and_only_the_new_one_answers() {
        let mut w = Worker::new();
        let old = request(1, 1_000_000);
        w.sync(&[&old]);
        assert!(w.busy());
        let new = request(2, 200);
        w.sync(&[&new]);
        let Event::RiskDone { generation, output } = wait_done(&mut w) else {
            unreachable!()
        };
        assert_eq!(generation, 2);
        assert!(matches!(*output, RiskOutput::Simulated { .. }));
        assert!(!w.busy());
        w.sync(&[]);
        assert!(!w.busy());
    }
}
