//! The app-facing part of an SSH client: the one file of `serve` that
//! knows the workshop's types. It opens a workshop for a client, applies
//! the client's events, runs its background work and draws its frames
//! into bytes. Everything else in `serve` (keys, authentication, channels,
//! input parsing, frame pacing) sees only [`Client`]'s methods.
//!
//! Phase 1 gives every client its own [`App`] (a document and one view of
//! it). In phase 2 (rooms) a client will hold its own [`crate::tui::View`]
//! of a document shared by the room; only this file changes.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use super::terminal::Colours;
use crate::catalog::Loaded;
use crate::format::Lang;
use crate::tui::terminal::start_app;
use crate::tui::worker::Worker;
use crate::tui::{App, Event, Session, ThemeKind};

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
    app: App,
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
        let app = start_app(start.scenario, start.lang, theme, start.size);
        let bytes = FrameBytes::default();
        Ok(Client {
            session: Session::new(bytes.clone(), start.size)?,
            app,
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
        self.app.handle(ev)
    }

    /// Starts the background work the workshop wants, stops what it no
    /// longer wants, and applies what finished work sent.
    pub fn background(&mut self) -> Background {
        self.worker
            .sync(&self.app.jobs().iter().collect::<Vec<_>>());
        let mut seen = Background::default();
        while let Some(ev) = self.worker.try_recv() {
            let finished = matches!(ev, Event::RiskDone { .. });
            if self.app.handle(ev) {
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
        if let Some((w, h)) = self.resized.take() {
            self.session.resize(w, h)?;
        }
        self.session
            .present(self.app.doc.as_ref(), &self.app.view)?;
        Ok(std::mem::take(&mut *self.bytes.0.borrow_mut()))
    }

    /// The user asked to end the session (`q`).
    pub fn ended(&self) -> bool {
        self.app.quit
    }

    /// The client's language now (`L` changes it).
    pub fn lang(&self) -> Lang {
        self.app.view.lang
    }
}
