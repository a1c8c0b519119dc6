//! Unsaved levers kept in the recovery file while the workshop runs, not
//! only when a signal or hang-up ends it: a `kill -9`, a crash of the
//! machine or a power cut loses at most the last [`DELAY`] of changes.
//!
//! A second after the document last changed, its unsaved levers are
//! written (atomically) to the scenario's recovery file
//! (`disk::write_recovery`); once nothing is unsaved, or when the user
//! quits (having answered the quit dialog), the file this run wrote is
//! removed again. A recovery file left by an earlier run and not yet
//! answered (the offer put off with Esc) is never written over: the
//! keeper writes only a file that is missing, its own, or the one the
//! user restored.

use std::time::{Duration, Instant};

use super::super::app::App;
use super::super::disk;

/// How long the document must rest before its levers are written.
pub(super) const DELAY: Duration = Duration::from_secs(1);

#[derive(Default)]
pub(super) struct Keeper {
    /// The scenario and generation last looked at.
    seen: Option<(String, u64)>,
    /// When to write, if a change waits.
    due: Option<Instant>,
    /// The scenario and text of the recovery file this run wrote last.
    written: Option<(String, String)>,
}

impl Keeper {
    /// Notes a change of the document; the write is due a [`DELAY`] later.
    pub fn look(&mut self, app: &App) {
        let now = app
            .doc
            .as_ref()
            .map(|d| (d.base.info.id.clone(), d.generation));
        if now != self.seen {
            self.seen = now;
            self.due = Some(Instant::now() + DELAY);
        }
    }

    /// How long until a write is due (`None`: nothing waits).
    pub fn wait(&self) -> Option<Duration> {
        self.due
            .map(|d| d.saturating_duration_since(Instant::now()))
    }

    /// Writes the unsaved levers if a write is due (or removes this run's
    /// file when nothing is unsaved any more). Best effort: a failure is
    /// tried again at the next change, and the end still writes.
    pub fn tick(&mut self, app: &App) {
        if self.due.is_none_or(|d| d > Instant::now()) {
            return;
        }
        self.due = None;
        let (Some(doc), Some(store)) = (app.doc.as_ref(), app.store.as_ref()) else {
            return;
        };
        let id = &doc.base.info.id;
        if !doc.unsaved() {
            self.forget(app);
            return;
        }
        // Another file for this scenario: an earlier run's, not answered.
        let on_disk = disk::read_recovery(store, id)
            .ok()
            .flatten()
            .map(|r| r.text);
        if let Some(text) = &on_disk {
            let ours = self
                .written
                .as_ref()
                .is_some_and(|(s, t)| s == id && t == text);
            let restored = doc.recovered_from.as_ref() == Some(text);
            if !ours && !restored {
                return;
            }
        }
        let variant = doc.recovery_variant();
        if disk::save_recovery(store, &variant).is_ok() {
            self.written = Some((id.clone(), variant.to_toml()));
        }
    }

    /// Removes the recovery file this run wrote, if it still holds what
    /// was written (the user quit, or saved).
    pub fn forget(&mut self, app: &App) {
        if let (Some((id, text)), Some(store)) = (self.written.take(), app.store.as_ref()) {
            let _ = disk::drop_recovery(store, &id, &text);
        }
    }
}
