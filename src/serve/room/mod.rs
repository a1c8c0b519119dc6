//! Rooms: one document, the views of everyone in it, and the host that
//! runs what update asks for — the server's counterpart of the local
//! [`crate::tui::App`], for several views at once.
//!
//! Every SSH session sits in a room. A plain `ssh -t` gets a private one
//! (one view, the local workshop's rules: the picker, `q` back to it); a
//! copy made from a shared room (`b`) is private too, with a way back;
//! `room NAME` joins or creates the shared room NAME, where the one with
//! the floor (the facilitator) moves the levers and the others follow
//! (`src/tui/room.rs` has the rules, this file keeps the statuses true).
//!
//! Each client's loop runs on its own thread and calls [`Room::handle`]
//! with its input: the room's lock is held while update runs, the store's
//! replies are applied and the followers' views follow, never while
//! drawing. A client draws from [`Room::snapshot`]: its view and a copy of
//! the document made once per change (without the undo history, which no
//! screen shows), shared by every client behind an [`Arc`]. Whoever's
//! document changed is woken through its [`Inbox`]; an idle room wakes
//! nobody.
//!
//! The Monte Carlo and goal-seek work of a room runs on the room's
//! [`Worker`] for whatever any view in the room wants; the clients' loops
//! look at it while it runs ([`Room::background`]).

use std::sync::{Arc, Mutex};

use ratatui::buffer::Buffer;

use super::lock;
use super::log::log;
use super::pacing::Inbox;
use crate::i18n::room_text;
use crate::store::Store;
use crate::tui::risk_job::RiskRequest;
use crate::tui::room::{Followed, Participant, ParticipantId, Place, RoomStatus, follow};
use crate::tui::view::{Message, MessageKind, Mode};
use crate::tui::worker::Worker;
use crate::tui::{Document, Event, View, Wants, terminal, update};

/// Longest participant name shown (the SSH user name, cut).
const NAME_MAX: usize = 24;

/// What kind of room.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// One person's workshop (`ssh -t` without a command).
    Private,
    /// A copy of the shared room of this name, for one person.
    Copy(String),
    /// `room NAME`: everyone who joins it.
    Shared(String),
}

/// Someone coming into a room.
pub struct Joining {
    pub id: ParticipantId,
    /// The SSH user name.
    pub user: String,
    /// Where the client's loop is woken.
    pub inbox: Arc<Inbox>,
    /// The view they come with (size, language, theme).
    pub view: View,
}

/// One person in a room.
struct Member {
    id: ParticipantId,
    /// Unique in the room.
    name: String,
    view: View,
    inbox: Arc<Inbox>,
    /// In a copy of their own for now (the view here is not drawn).
    away: bool,
}

/// What handling a client's event did, for the client to act on.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The client's screen may have changed.
    pub redraw: bool,
    /// The client's session ends (`q`, or leaving a shared room).
    pub quit: bool,
    /// Continue in a copy of the room: the document and the view to take.
    pub fork: Option<(Box<Document>, Box<View>)>,
    /// Leave this copy for its shared room, with this view.
    pub rejoin: Option<Box<View>>,
    /// Scenarios whose variants the client wrote: other documents of them
    /// read their variants again.
    pub written: Vec<String>,
}

struct State {
    doc: Option<Document>,
    /// The document as drawn, copied once per generation.
    drawn: Option<Arc<Document>>,
    /// Pictures of `drawn`, one per different view of it.
    pictures: Vec<(String, Arc<Buffer>)>,
    /// In the order they came.
    members: Vec<Member>,
    driver: Option<ParticipantId>,
    store: Option<Store>,
    worker: Worker,
    /// The last participant has left: nobody joins any more.
    ended: bool,
}

/// A document and the people viewing it.
pub struct Room {
    kind: Kind,
    state: Mutex<State>,
}

/// An SSH user name as a participant's name: without control characters
/// and the invisible ones that reorder or hide text (bidi overrides,
/// zero-width), trimmed, at most 24 characters.
pub fn display_name(user: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}');
    let name: String = user
        .chars()
        .filter(|c| !c.is_control() && !invisible(*c))
        .take(NAME_MAX)
        .collect();
    match name.trim() {
        "" => "?".to_string(),
        n => n.to_string(),
    }
}

impl State {
    fn index(&self, id: ParticipantId) -> Option<usize> {
        self.members.iter().position(|m| m.id == id)
    }

    fn member(&mut self, id: ParticipantId) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.id == id)
    }

    fn name_of(&self, id: ParticipantId) -> String {
        self.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    }

    /// A name not yet taken in the room: `anna`, else `anna 2`, `anna 3`…
    fn unique_name(&self, user: &str) -> String {
        let base = display_name(user);
        let taken = |n: &str| self.members.iter().any(|m| m.name == n);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|i| format!("{base} {i}"))
            .find(|n| !taken(n))
            .unwrap_or(base)
    }

    /// Someone in the room (not in a copy) has the floor.
    fn floor_taken(&self) -> bool {
        self.driver
            .is_some_and(|d| self.members.iter().any(|m| m.id == d && !m.away))
    }

    /// What the facilitator shows, for those who follow.
    fn driver_followed(&self) -> Option<Followed> {
        let id = self.driver?;
        self.members
            .iter()
            .find(|m| m.id == id && !m.away)
            .map(|m| Followed::of(&m.view))
    }

    /// The document as drawn now: made once per change (the pictures of
    /// the one before go with it).
    fn drawn(&mut self) -> Option<Arc<Document>> {
        let doc = self.doc.as_mut()?;
        if self
            .drawn
            .as_ref()
            .is_none_or(|d| d.generation != doc.generation)
        {
            self.drawn = Some(Arc::new(pictures::copy_for_drawing(doc)));
            self.pictures.clear();
        }
        self.drawn.clone()
    }

    /// Replaces the document (opened, closed); the copy drawn goes too.
    fn set_doc(&mut self, doc: Option<Document>) {
        self.doc = doc;
        self.drawn = None;
        self.pictures.clear();
    }

    /// Starts the background work some present view wants, stops the rest.
    fn sync_work(&mut self) {
        let Some(doc) = self.doc.as_mut() else {
            self.worker.sync(&[]);
            return;
        };
        let present = || self.members.iter().filter(|m| !m.away).map(|m| &m.view);
        // The effects say the same as the wanted work below.
        let _ = update::sync(doc, Wants::any(present()));
        let mut wanted: Vec<&RiskRequest> = Vec::new();
        for view in present() {
            for r in update::jobs(doc, view) {
                if wanted.iter().all(|w| w.generation != r.generation) {
                    wanted.push(r);
                }
            }
        }
        self.worker.sync(&wanted);
    }
}

/// What others may have to redraw for: the document's generation, who
/// has the floor and what they show, who is in the room.
#[derive(PartialEq)]
struct Before {
    generation: Option<u64>,
    driver: Option<ParticipantId>,
    shown: Option<Followed>,
    roster: Vec<(ParticipantId, bool)>,
}

impl Before {
    fn of(st: &State) -> Before {
        Before {
            generation: st.doc.as_ref().map(|d| d.generation),
            driver: st.driver,
            shown: st.driver_followed(),
            roster: st.members.iter().map(|m| (m.id, m.away)).collect(),
        }
    }
}

/// A copy of a document for drawing: everything but the undo history and
fn say(view: &mut View, text: String) {
    view.message = Some(Message {
        kind: MessageKind::Info,
        text,
    });
}

impl Room {
    fn new(kind: Kind, doc: Option<Document>, store: Option<Store>) -> Room {
        Room {
            kind,
            state: Mutex::new(State {
                doc,
                drawn: None,
                pictures: Vec::new(),
                members: Vec::new(),
                driver: None,
                store,
                worker: Worker::new(),
                ended: false,
            }),
        }
    }

    /// The room's name (`None` for a private workshop).
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            Kind::Private => None,
            Kind::Copy(name) | Kind::Shared(name) => Some(name),
        }
    }

    fn shared(&self) -> bool {
        matches!(self.kind, Kind::Shared(_))
    }

    /// Lets someone in. `None` when the room has ended meanwhile.
    fn join(&self, joining: Joining) -> Option<String> {
        let mut st = lock(&self.state);
        if st.ended {
            return None;
        }
        let name = st.unique_name(&joining.user);
        let mut view = joining.view;
        if !st.floor_taken() {
            st.driver = Some(joining.id);
        }
        if let Kind::Shared(room_name) = &self.kind {
            view.room = Some(RoomStatus {
                name: room_name.clone(),
                participants: Vec::new(),
                driver: None,
                you: joining.id,
                following: true,
                place: Place::Room,
            });
            if st.doc.is_none() && st.driver == Some(joining.id) && view.picker.is_none() {
                view.picker = Some(terminal::picker());
            }
        }
        let lang_name = name.clone();
        st.members.push(Member {
            id: joining.id,
            name: name.clone(),
            view,
            inbox: joining.inbox,
            away: false,
        });
        if self.shared() {
            for m in st.members.iter_mut().filter(|m| m.id != joining.id) {
                let text = room_text::joined(m.view.lang, &lang_name);
                say(&mut m.view, text);
            }
            self.refresh(&mut st, Some(joining.id), false);
        }
        Some(name)
    }

    /// Someone leaves (quit, disconnected, or their loop ended). Returns
    /// whether the room is now empty (and ended).
    fn leave(&self, id: ParticipantId) -> bool {
        let mut st = lock(&self.state);
        let Some(i) = st.index(id) else {
            return st.ended;
        };
        let gone = st.members.remove(i);
        if st.members.is_empty() {
            st.ended = true;
            st.worker.cancel_all();
            if let Some(name) = self.name().filter(|_| self.shared()) {
                log!("room {name:?}: ended (the last participant left)");
            }
            return true;
        }
        if self.shared() {
            for m in st.members.iter_mut() {
                let text = room_text::left(m.view.lang, &gone.name);
                say(&mut m.view, text);
            }
            if st.driver == Some(id) {
                self.pass_floor(&mut st, &gone.name);
            }
            st.sync_work();
            self.refresh(&mut st, None, false);
        }
        false
    }

    /// The facilitator is gone (left, or in a copy): the floor goes to the
    /// one present longest, who is told so.
    fn pass_floor(&self, st: &mut State, from: &str) {
        st.driver = st.members.iter().find(|m| !m.away).map(|m| m.id);
        let Some(id) = st.driver else {
            return;
        };
        let no_doc = st.doc.is_none();
        if let Some(m) = st.member(id) {
            let text = room_text::you_have_it(m.view.lang, from);
            say(&mut m.view, text);
            if no_doc && m.view.picker.is_none() {
                m.view.picker = Some(terminal::picker());
            }
        }
        if let Some(name) = self.name() {
            log!(
                "room {name:?}: {from:?} is gone; {:?} has the floor",
                st.name_of(id)
            );
        }
    }

    /// Keeps every view's room status true and the followers' screens on
    /// the facilitator's, and wakes everyone but `actor` (whose own loop
    /// draws) whose screen may have changed: all when the document did.
    fn refresh(&self, st: &mut State, actor: Option<ParticipantId>, doc_changed: bool) {
        let Kind::Shared(name) = &self.kind else {
            return;
        };
        let participants: Vec<Participant> = st
            .members
            .iter()
            .map(|m| Participant {
                id: m.id,
                name: m.name.clone(),
                away: m.away,
            })
            .collect();
        let driver = st.driver;
        let followed = st.driver_followed();
        let State { doc, members, .. } = st;
        for m in members.iter_mut() {
            // The room has moved on: what others were told is old news.
            if doc_changed && Some(m.id) != actor {
                m.view.message = None;
            }
            let (status, shown) = (m.view.room.clone(), Followed::of(&m.view));
            let following = m.view.room.as_ref().is_none_or(|s| s.following);
            m.view.room = Some(RoomStatus {
                name: name.clone(),
                participants: participants.clone(),
                driver,
                you: m.id,
                following,
                place: Place::Room,
            });
            if m.view.room.as_ref().is_some_and(RoomStatus::follows)
                && let Some(f) = &followed
            {
                follow(doc.as_ref(), &mut m.view, f);
            }
            if let Mode::Participants(i) = &mut m.view.mode {
                *i = (*i).min(participants.len().saturating_sub(1));
            }
            let changed = doc_changed || m.view.room != status || Followed::of(&m.view) != shown;
            if changed && Some(m.id) != actor && !m.away {
                m.inbox.changed();
            }
        }
    }

    /// Applies a participant's event (a key, the mouse, a resize) and runs
    /// what it asks for.
    pub fn handle(&self, id: ParticipantId, event: Event) -> Outcome {
        let mut st = lock(&self.state);
        let mut out = Outcome::default();
        let Some(i) = st.index(id) else {
            out.quit = true;
            return out;
        };
        let before = Before::of(&st);
        let State { doc, members, .. } = &mut *st;
        let handled = update::handle_event(doc.as_mut(), &mut members[i].view, event);
        out.redraw = handled.redraw;
        self.run(&mut st, id, handled.effects, &mut out);
        self.settle(&mut st, id, before);
        out
    }
    /// The participant's language now (`L` changes it).
    pub fn lang(&self, id: ParticipantId) -> Option<crate::format::Lang> {
        lock(&self.state)
            .members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.view.lang)
    }

    /// How many are in the room.
    pub fn len(&self) -> usize {
        lock(&self.state).members.len()
    }

    /// Nobody is in the room.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Who has the floor, by name.
    pub fn driver_name(&self) -> Option<String> {
        let st = lock(&self.state);
        st.driver.map(|d| st.name_of(d))
    }
}

mod host;
mod pictures;
mod rooms;

pub use pictures::Snapshot;
pub use rooms::{Joined, Rooms, Seat};

#[cfg(test)]
mod tests;
