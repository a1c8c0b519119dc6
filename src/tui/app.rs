//! One person's workshop in one process: a document (none while the
//! picker shows), the view of it, and the host that runs what update asks
//! for — store reads and writes (at once, through [`super::disk`], feeding
//! the replies back), background work (kept as [`App::jobs`] for the run
//! loop's worker; [`App::complete`] runs it in-thread), opening and closing
//! documents, quitting. No terminal in it: the run loop
//! (`src/tui/terminal/`) drives one, tests drive it directly.

use std::collections::VecDeque;
use std::sync::atomic::AtomicBool;

use super::action::Action;
use super::disk;
use super::document::Document;
use super::effect::Effect;
use super::event::Event;
use super::picker::{Picker, PickerEntry};
use super::risk_job::{self, RiskRequest};
use super::theme::ThemeKind;
use super::update;
use super::view::View;
use crate::format::Lang;
use crate::scenario::Scenario;
use crate::store::Store;

/// A document, one view of it, and the host of both.
#[derive(Debug, Clone)]
pub struct App {
    /// The open scenario; `None` while the picker shows.
    pub doc: Option<Document>,
    pub view: View,
    /// Where variants are saved; `None` when there is no data folder.
    pub store: Option<Store>,
    /// Set when the app should end.
    pub quit: bool,
    /// Background work started and neither answered nor cancelled.
    jobs: Vec<RiskRequest>,
    /// Lever steps of a heavy pilot leave the break-evens, risk table and
    /// payoff curve for later, which the host calls when the
    /// keys rest (the local workshop does; `Document::quick`): [`App::complete_figures`].
    pub quick: bool,
}

impl App {
    fn with(doc: Option<Document>, view: View) -> App {
        App {
            doc,
            view,
            // Set by the caller (`run` uses the user's data folder), so the
            // app itself reads no environment.
            store: None,
            quit: false,
            jobs: Vec::new(),
            quick: false,
        }
    }

    /// Computes the figures a quick lever step left pending
    /// ([`Document::complete`]); whether the screen needs drawing.
    pub fn complete_figures(&mut self) -> bool {
        self.doc.as_mut().is_some_and(Document::complete)
    }

    /// Whether figures wait to be completed.
    pub fn pending(&self) -> bool {
        self.doc.as_ref().is_some_and(|d| d.computed.pending)
    }

    /// The app with a scenario open.
    pub fn open(scenario: Scenario, lang: Lang, theme: ThemeKind, size: (u16, u16)) -> App {
        App::with(Some(Document::new(scenario)), View::new(lang, theme, size))
    }

    /// The app showing the scenario picker.
    pub fn pick(
        entries: Vec<PickerEntry>,
        folder: Option<String>,
        lang: Lang,
        theme: ThemeKind,
        size: (u16, u16),
    ) -> App {
        let picker = Picker {
            entries,
            selected: 0,
            folder,
        };
        App::with(None, View::picking(picker, lang, theme, size))
    }

    /// The app keeping its variants in `store`.
    pub fn with_store(mut self, store: Store) -> App {
        self.store = Some(store);
        self
    }

    /// The open document with the scenario file's text, whose hash saved
    /// variants keep.
    pub fn with_source(mut self, text: String) -> App {
        self.doc = self.doc.map(|d| d.with_source(text));
        self
    }

    /// Applies an action and runs what it asks for.
    pub fn update(&mut self, action: Action) {
        if let Some(doc) = self.doc.as_mut() {
            doc.quick = self.quick;
        }
        let effects = update::update(self.doc.as_mut(), &mut self.view, action);
        self.run(effects);
    }

    /// Takes an event (input, or a reply of background work) and runs what
    /// it asks for. Returns whether the screen needs drawing.
    pub fn handle(&mut self, event: Event) -> bool {
        if let Event::RiskDone { generation, .. } = &event {
            self.jobs.retain(|j| j.generation != *generation);
        }
        if let Some(doc) = self.doc.as_mut() {
            doc.quick = self.quick;
        }
        let handled = update::handle_event(self.doc.as_mut(), &mut self.view, event);
        let replied = self.run(handled.effects);
        handled.redraw || replied
    }

    /// Runs effects, feeding the replies back until none is left. Returns
    /// whether a reply or a change of document needs drawing.
    pub fn run(&mut self, effects: Vec<Effect>) -> bool {
        let mut queue: VecDeque<Effect> = effects.into();
        let mut redraw = false;
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Store(op) => {
                    let reply = disk::perform(self.store.as_ref(), op);
                    let handled = update::handle_event(self.doc.as_mut(), &mut self.view, reply);
                    redraw |= handled.redraw;
                    queue.extend(handled.effects);
                }
                Effect::StartRisk(request) => {
                    if self.jobs.iter().all(|j| j.generation != request.generation) {
                        self.jobs.push(request);
                    }
                }
                Effect::CancelRisk(generation) => self.jobs.retain(|j| j.generation != generation),
                Effect::Open(doc) => {
                    self.doc = Some(*doc);
                    self.jobs.clear();
                    redraw = true;
                }
                Effect::Close => {
                    self.doc = None;
                    self.jobs.clear();
                    redraw = true;
                }
                Effect::Quit => self.quit = true,
                // Only a room's host (`effekt serve`) has rooms; a view of
                // one process's own document never asks for these.
                Effect::HandOver(_) | Effect::AskFloor | Effect::Fork | Effect::Rejoin => {}
            }
        }
        redraw
    }

    /// The background work wanted now, for the run loop's worker.
    pub fn jobs(&self) -> &[RiskRequest] {
        &self.jobs
    }

    /// Runs the wanted background work to its end on this thread and feeds
    /// the results back as the run loop would: for tests and tools that
    /// want the screen complete without threads.
    pub fn complete(&mut self) {
        // A result never asks for more work, so this ends after one round;
        // the bound is a guard.
        for _ in 0..4 {
            let wanted = self.jobs.clone();
            if wanted.is_empty() {
                return;
            }
            for request in wanted {
                let cancel = AtomicBool::new(false);
                match risk_job::run(&request.work, &cancel, &mut |_, _| {}) {
                    Some(output) => {
                        self.handle(Event::RiskDone {
                            generation: request.generation,
                            output: Box::new(output),
                        });
                    }
                    None => self.jobs.retain(|j| j.generation != request.generation),
                }
            }
        }
    }
}
