//! The app-facing part of an SSH client: the one file of `serve` that
//! knows the workshop's types. It opens a workshop for a client, applies
//! the client's events, runs its background work and draws its frames
//! into bytes. Everything else in `serve` (keys, authentication, channels,
//! input parsing, frame pacing) sees only [`Client`]'s methods.
//!
//! Phase 1 gives every client its own [`App`]. In phase 2 (rooms) a client
//! will hold a shared document and its own view; only this file changes.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use super::terminal::Colours;
use crate::catalog::{self, Loaded};
use crate::format::Lang;
use crate::store::Store;
use crate::tui::worker::Worker;
use crate::tui::{App, Event, PickerEntry, Session, ThemeKind, risk_update};

/// What a client starts with.
#[derive(Debug, Clone)]
pub struct Start {
    pub lang: Lang,
    pub colours: Colours,
    pub size: (u16, u16),
    /// The scenario to open; the picker without one.
    pub scenario: Option<Loaded>,
    /// Debug builds, for the end-to-end test: the client's loop panics
    /// after its first frame (see `EFFEKT_TEST_PANIC` in docs/ssh.md).
    pub test_panic: bool,
}

/// The bytes a session draws, taken out after each frame.
#[derive(Clone, Default)]
struct FrameBytes(Rc<RefCell<Vec<u8>>>);

impl Write for FrameBytes {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What the background work did since the last look.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Background {
    /// Something on screen may have changed (progress or a result).
    pub changed: bool,
    /// A run finished (its result should be drawn at once).
    pub finished: bool,
}

/// One client's workshop.
pub struct Client {
    session: Session<FrameBytes>,
    bytes: FrameBytes,
    worker: Worker,
    /// A size to draw at from the next frame on.
    resized: Option<(u16, u16)>,
}

impl Client {
    pub fn new(start: Start) -> io::Result<Client> {
        let theme = match start.colours {
            Colours::Sixteen => ThemeKind::Default,
            Colours::Mono => ThemeKind::Mono,
        };
        let mut app = match start.scenario {
            Some(loaded) => {
                let mut app = App::open(loaded.scenario, start.lang, theme, start.size);
                if let Some(ws) = app.workshop.as_deref_mut() {
                    // Saved variants keep the hash of the scenario's text.
                    ws.variants.source_text = loaded.text;
                }
                app
            }
            None => {
                let entries = catalog::entries()
                    .into_iter()
                    .map(PickerEntry::from_catalog)
                    .collect();
                let folder = catalog::user_scenario_dir().map(|d| d.display().to_string());
                App::pick(entries, folder, start.lang, theme, start.size)
            }
        };
        app.store = Store::open_default().ok();
        let bytes = FrameBytes::default();
        Ok(Client {
            session: Session::new(bytes.clone(), app)?,
            bytes,
            worker: Worker::new(),
            resized: None,
        })
    }

    /// Applies an event; returns whether the screen may have changed.
    pub fn handle(&mut self, ev: Event) -> bool {
        if let Event::Resize(w, h) = ev {
            self.resized = Some((w, h));
        }
        self.session.apply(ev)
    }

    /// Starts the background work the workshop wants, stops what it no
    /// longer wants, and applies what finished work sent.
    pub fn background(&mut self) -> Background {
        self.worker.sync(&risk_update::requests(&self.session.app));
        let mut seen = Background::default();
        while let Some(ev) = self.worker.try_recv() {
            let finished = matches!(ev, Event::RiskDone { .. });
            if self.session.apply(ev) {
                seen.changed = true;
                seen.finished |= finished;
            }
        }
        seen
    }

    /// Background work is running (its messages must be looked for).
    pub fn busy(&self) -> bool {
        self.worker.busy()
    }

    /// Draws the state now and returns the bytes that bring the client's
    /// screen from the last frame to this one (after a resize: the whole
    /// screen).
    pub fn frame(&mut self) -> io::Result<Vec<u8>> {
        match self.resized.take() {
            Some((w, h)) => {
                self.session.handle(Event::Resize(w, h))?;
            }
            None => self.session.present()?,
        }
        Ok(std::mem::take(&mut *self.bytes.0.borrow_mut()))
    }

    /// The user asked to end the session (`q`).
    pub fn ended(&self) -> bool {
        self.session.app.quit
    }

    /// The client's language now (`L` changes it).
    pub fn lang(&self) -> Lang {
        self.session.app.lang
    }
}
