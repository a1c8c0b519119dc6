//! The app-facing part of an SSH client: it seats the client in a room
//! (a private workshop, or the shared room it asked for), hands the
//! client's events to the room, looks at the room's background work and
//! draws the client's frames into bytes. Everything else in `serve`
//! (keys, authentication, channels, input parsing, frame pacing) sees
//! only [`Client`]'s methods.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::Arc;

use super::log::log;
use super::pacing::Inbox;
use super::room::{Joining, Rooms, Seat};
use super::terminal::Colours;
use crate::catalog::Loaded;
use crate::format::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::{Document, Event, Session, ThemeKind, View, terminal, ui};

/// Where a client goes.
#[derive(Debug, Clone)]
pub enum Place {
    /// A workshop of its own: this scenario, or the picker.
    Own(Option<Loaded>),
    /// The shared room of this name, created with this scenario (without
    /// one, its facilitator picks one).
    Room {
        name: String,
        scenario: Option<Loaded>,
    },
}

/// What a client starts with.
#[derive(Clone)]
pub struct Start {
    pub lang: Lang,
    pub colours: Colours,
    pub size: (u16, u16),
    pub place: Place,
    /// The client's number (its participant id in rooms).
    pub id: u64,
    /// The SSH user name (a room lists its participants by it).
    pub user: String,
    /// For the log: the connection and client.
    pub tag: String,
    pub rooms: Arc<Rooms>,
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

/// One client: its seat in a room and its terminal.
pub struct Client {
    seat: Seat,
    session: Session<FrameBytes>,
    bytes: FrameBytes,
    /// A size to draw at from the next frame on.
    resized: Option<(u16, u16)>,
    /// The picture on the client's screen now.
    shown: Option<Arc<Buffer>>,
    quit: bool,
    lang: Lang,
}

impl Client {
    /// Seats the client in its room; `inbox` is where the room wakes its
    /// loop.
    pub fn new(start: Start, inbox: Arc<Inbox>) -> io::Result<Client> {
        let theme = match start.colours {
            Colours::Sixteen => ThemeKind::Default,
            Colours::Mono => ThemeKind::Mono,
        };
        let joining = |view: View| Joining {
            id: start.id,
            user: start.user.clone(),
            inbox: inbox.clone(),
            view,
        };
        let seat = match start.place {
            Place::Own(Some(loaded)) => {
                let doc = Document::new(loaded.scenario).with_source(loaded.text);
                let view = View::new(start.lang, theme, start.size);
                Seat::private(start.rooms.clone(), joining(view), Some(doc))
            }
            Place::Own(None) => {
                let view = View::picking(terminal::picker(), start.lang, theme, start.size);
                Seat::private(start.rooms.clone(), joining(view), None)
            }
            Place::Room { name, scenario } => {
                let view = View::new(start.lang, theme, start.size);
                let (seat, joined) =
                    Seat::shared(start.rooms.clone(), &name, joining(view), scenario);
                let how = if joined.created { "created" } else { "joined" };
                let role = if joined.drives {
                    "has the floor"
                } else {
                    "follows"
                };
                log!(
                    "{}: room {name:?} {how} as {:?}; {role}",
                    start.tag,
                    joined.name
                );
                seat
            }
        };
        let bytes = FrameBytes::default();
        Ok(Client {
            session: Session::new(bytes.clone(), start.size)?,
            seat,
            bytes,
            resized: None,
            shown: None,
            quit: false,
            lang: start.lang,
        })
    }

    /// Applies an event; returns whether the screen may have changed.
    pub fn handle(&mut self, ev: Event) -> bool {
        if let Event::Resize(w, h) = ev {
            self.resized = Some((w, h));
        }
        let (redraw, quit) = self.seat.handle(ev);
        self.quit |= quit;
        redraw
    }

    /// Applies what the room's background work sent; the room wakes whom
    /// it concerns.
    pub fn background(&mut self) {
        self.seat.room().background();
    }

    /// The room's background work is running (its messages must be looked
    /// for).
    pub fn busy(&self) -> bool {
        self.seat.room().busy()
    }

    /// Draws the state now and returns the bytes that bring the client's
    /// screen from the last frame to this one (after a resize: the whole
    /// screen); empty when nothing on it changed.
    pub fn frame(&mut self) -> io::Result<Vec<u8>> {
        if let Some((w, h)) = self.resized.take() {
            self.session.resize(w, h)?;
            self.shown = None;
        }
        let room = self.seat.room();
        let Some(snapshot) = room.snapshot(self.seat.id()) else {
            return Ok(Vec::new());
        };
        self.lang = snapshot.view.lang;
        let picture = match &snapshot.picture {
            Some(p) => p.clone(),
            None => {
                let (w, h) = snapshot.view.size;
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                ui::render(snapshot.doc.as_deref(), &snapshot.view, buf.area, &mut buf);
                let picture = Arc::new(buf);
                room.keep(&snapshot, picture.clone());
                picture
            }
        };
        // Nothing on the screen changed: nothing to send.
        if self.shown.as_deref() == Some(&*picture) {
            return Ok(Vec::new());
        }
        self.session.present_picture(&picture)?;
        self.shown = Some(picture);
        Ok(std::mem::take(&mut *self.bytes.0.borrow_mut()))
    }

    /// The user asked to end the session (`q`, or left the room).
    pub fn ended(&self) -> bool {
        self.quit
    }

    /// The client's language as last drawn (`L` changes it).
    pub fn lang(&self) -> Lang {
        self.lang
    }
}
