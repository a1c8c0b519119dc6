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

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, Weak};

use ratatui::buffer::Buffer;

use super::lock;
use super::log::log;
use super::pacing::Inbox;
use crate::catalog::Loaded;
use crate::i18n::{room, room_text};
use crate::store::Store;
use crate::tui::effect::StoreOp;
use crate::tui::risk_job::RiskRequest;
use crate::tui::room::{Followed, Participant, ParticipantId, Place, RoomStatus, follow};
use crate::tui::view::{GoalState, Message, MessageKind, Mode};
use crate::tui::worker::Worker;
use crate::tui::{Document, Effect, Event, View, Wants, disk, terminal, update};

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
            self.drawn = Some(Arc::new(copy_for_drawing(doc)));
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

/// Most pictures kept of one state of the document.
const PICTURES_MAX: usize = 16;

/// What a participant draws (see [`Room::snapshot`]).
pub struct Snapshot {
    pub doc: Option<Arc<Document>>,
    pub view: View,
    /// What the view shows, as far as the picture depends on it; `None`
    /// for pictures not shared.
    key: Option<String>,
    /// The picture, if someone who sees the same has drawn it.
    pub picture: Option<Arc<Buffer>>,
}

/// What a picture of the room's document depends on besides the document:
/// the whole view (size, language, theme, screen, dialog, message…),
/// except which participant it is, which only the participants overlay
/// shows (and whether one has the floor, which the header shows). So
/// followers at the same size, in the same language and theme share one
/// picture. `None` for pictures not shared: the picker (its entries are
/// large and one person's) and the participants overlay.
fn picture_key(view: &View) -> Option<String> {
    if view.picker.is_some() || matches!(view.mode, Mode::Participants(_)) {
        return None;
    }
    match &view.room {
        Some(s) if !s.you_steer() => {
            let mut shared = view.clone();
            if let Some(s) = shared.room.as_mut() {
                s.you = 0;
            }
            Some(format!("{shared:?}"))
        }
        _ => Some(format!("{view:?}")),
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
/// the scenario's text, which no screen shows.
fn copy_for_drawing(doc: &mut Document) -> Document {
    let undo = std::mem::take(&mut doc.undo);
    let redo = std::mem::take(&mut doc.redo);
    let text = std::mem::take(&mut doc.source_text);
    let copy = doc.clone();
    doc.undo = undo;
    doc.redo = redo;
    doc.source_text = text;
    copy
}

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

    /// Runs effects of `actor`'s view, feeding the store's replies back,
    /// until none is left.
    fn run(&self, st: &mut State, actor: ParticipantId, effects: Vec<Effect>, out: &mut Outcome) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let Some(i) = st.index(actor) else {
                return;
            };
            match effect {
                // A room lives in memory: nothing of it is kept for a
                // later local start.
                Effect::Store(
                    StoreOp::FindRecovery { .. }
                    | StoreOp::SaveRecovery { .. }
                    | StoreOp::DropRecovery { .. },
                ) => {}
                Effect::Store(op) => {
                    let writes = match &op {
                        StoreOp::Save { variant, .. } => Some(variant.scenario_id.clone()),
                        StoreOp::Edit { scenario_id, .. } => Some(scenario_id.clone()),
                        _ => None,
                    };
                    let reply = disk::perform(st.store.as_ref(), op);
                    let ok = matches!(
                        &reply,
                        Event::Saved { result: Ok(_), .. } | Event::Edited { result: Ok(()), .. }
                    );
                    if let (Some(id), true) = (writes, ok) {
                        out.written.push(id);
                    }
                    let State { doc, members, .. } = &mut *st;
                    let handled = update::handle_event(doc.as_mut(), &mut members[i].view, reply);
                    out.redraw |= handled.redraw;
                    queue.extend(handled.effects);
                }
                // The work wanted is read from the document and the views
                // after every event (`State::sync_work`).
                Effect::StartRisk(_) | Effect::CancelRisk(_) => {}
                Effect::Open(doc) => self.open(st, actor, *doc, out),
                Effect::Close if self.kind == Kind::Private => {
                    st.set_doc(None);
                    out.redraw = true;
                }
                Effect::Close | Effect::Quit => out.quit = true,
                Effect::HandOver(to) => self.hand_over(st, actor, to),
                Effect::AskFloor => {
                    let asker = st.members[i].name.clone();
                    if let Some(d) = st.driver.and_then(|d| st.member(d)) {
                        let text = room_text::asks_for_floor(d.view.lang, &asker);
                        say(&mut d.view, text);
                        d.inbox.changed();
                    }
                }
                Effect::Fork => self.fork(st, actor, out),
                Effect::Rejoin => {
                    if matches!(self.kind, Kind::Copy(_)) {
                        out.rejoin = Some(Box::new(st.members[i].view.clone()));
                    }
                }
            }
        }
    }

    /// A document opened from the picker: a private workshop's own, or a
    /// shared room's when its facilitator picked it.
    fn open(&self, st: &mut State, actor: ParticipantId, doc: Document, out: &mut Outcome) {
        match &self.kind {
            Kind::Private => st.set_doc(Some(doc)),
            Kind::Shared(name) if st.doc.is_none() && st.driver == Some(actor) => {
                log!(
                    "room {name:?}: {:?} opened {:?}",
                    st.name_of(actor),
                    doc.base.info.id
                );
                st.set_doc(Some(doc));
                // Leaving the room is `q` from here; there is no picker
                // to go back to.
                if let Some(m) = st.member(actor) {
                    m.view.picker = None;
                }
            }
            _ => return,
        }
        out.redraw = true;
    }

    /// The facilitator gives the floor to another participant in the room.
    fn hand_over(&self, st: &mut State, actor: ParticipantId, to: ParticipantId) {
        let present = st.index(to).is_some_and(|i| !st.members[i].away);
        if st.driver != Some(actor) || !present || to == actor {
            return;
        }
        st.driver = Some(to);
        let (from_name, to_name) = (st.name_of(actor), st.name_of(to));
        if let Some(name) = self.name() {
            log!("room {name:?}: {from_name:?} handed the floor to {to_name:?}");
        }
        let no_doc = st.doc.is_none();
        for m in st.members.iter_mut() {
            let text = if m.id == to {
                room_text::you_have_it(m.view.lang, &from_name)
            } else {
                room_text::has_the_floor(m.view.lang, &to_name)
            };
            say(&mut m.view, text);
            if m.id == actor {
                // The one who handed over follows the new facilitator.
                if let Some(s) = m.view.room.as_mut() {
                    s.following = true;
                }
                m.view.picker = None;
                if matches!(m.view.mode, Mode::Prompt(_) | Mode::Goal(_)) {
                    m.view.mode = Mode::Normal;
                }
            }
            if m.id == to && no_doc && m.view.picker.is_none() {
                m.view.picker = Some(terminal::picker());
            }
        }
    }

    /// `actor` continues in a copy of the room's document.
    fn fork(&self, st: &mut State, actor: ParticipantId, out: &mut Outcome) {
        let Kind::Shared(name) = &self.kind else {
            return;
        };
        let Some(doc) = st.doc.clone() else {
            return;
        };
        let Some(m) = st.member(actor) else {
            return;
        };
        m.away = true;
        let mut view = m.view.clone();
        view.room = Some(RoomStatus {
            name: name.clone(),
            participants: Vec::new(),
            driver: Some(actor),
            you: actor,
            following: false,
            place: Place::Copy {
                start: Box::new(doc.current.clone()),
            },
        });
        view.mode = Mode::Normal;
        let text = room(view.lang).forked.to_string();
        say(&mut view, text);
        let who = m.name.clone();
        log!("room {name:?}: {who:?} continues in a copy of their own");
        if st.driver == Some(actor) {
            self.pass_floor(st, &who);
        }
        out.fork = Some((Box::new(doc), Box::new(view)));
        out.redraw = true;
    }

    /// Back from a copy: the participant is in the room again, with the
    /// view it had in the copy (its size, language, theme), following.
    fn rejoin(&self, id: ParticipantId, mut view: View) {
        let mut st = lock(&self.state);
        if !st.floor_taken() {
            st.driver = Some(id);
        }
        let no_doc = st.doc.is_none();
        let drives = st.driver == Some(id);
        let name = self.name().unwrap_or_default().to_string();
        let Some(m) = st.member(id) else {
            return;
        };
        m.away = false;
        view.mode = Mode::Normal;
        // The rest of the status is filled in by `refresh` below.
        view.room = Some(RoomStatus {
            name,
            participants: Vec::new(),
            driver: None,
            you: id,
            following: true,
            place: Place::Room,
        });
        if no_doc && drives {
            view.picker = Some(terminal::picker());
        }
        let text = room(view.lang).rejoined.to_string();
        say(&mut view, text);
        m.view = view;
        st.sync_work();
        self.refresh(&mut st, Some(id), false);
    }

    /// After an event: the work wanted, the followers, the statuses and
    /// who must draw.
    fn settle(&self, st: &mut State, actor: ParticipantId, before: Before) {
        st.sync_work();
        // Views of a list that shrank stay inside it.
        if let Some(doc) = st.doc.as_ref() {
            let n = doc.variants.listing.len();
            for m in st.members.iter_mut() {
                if let Some(i) = m.view.variant_list.as_mut() {
                    *i = (*i).min(n.saturating_sub(1));
                }
            }
        }
        if !self.shared() {
            return;
        }
        let after = Before::of(st);
        if after != before {
            self.refresh(st, Some(actor), after.generation != before.generation);
            return;
        }
        // Only the actor's view changed; if it now follows again, it
        // takes the facilitator's screen.
        if let (Some(f), Some(m)) = (
            st.driver_followed(),
            st.members.iter().position(|m| m.id == actor),
        ) {
            let State { doc, members, .. } = st;
            let view = &mut members[m].view;
            if view.room.as_ref().is_some_and(RoomStatus::follows) {
                follow(doc.as_ref(), view, &f);
            }
        }
    }

    /// Applies what the room's background work sent, and wakes those who
    /// show it: progress is shown by views on the uncertainty screen (at
    /// most ten frames a second, by the client's loop), results by all.
    pub fn background(&self) {
        let mut st = lock(&self.state);
        let mut progress = false;
        let mut finished = false;
        while let Some(ev) = st.worker.try_recv() {
            let generation = match &ev {
                Event::RiskProgress { generation, .. } => {
                    progress = true;
                    *generation
                }
                Event::RiskDone { generation, .. } => {
                    finished = true;
                    *generation
                }
                _ => continue,
            };
            // A goal search answers the view that asked; the document's
            // run any view (the facilitator's, else the first).
            let searching = |m: &Member| matches!(m.view.goal().map(|d| &d.state), Some(GoalState::Searching(r)) if r.generation == generation);
            let target = st
                .members
                .iter()
                .position(searching)
                .or_else(|| st.driver.and_then(|d| st.index(d)))
                .or(if st.members.is_empty() { None } else { Some(0) });
            let Some(i) = target else {
                continue;
            };
            let State { doc, members, .. } = &mut *st;
            let handled = update::handle_event(doc.as_mut(), &mut members[i].view, ev);
            let mut out = Outcome::default();
            let id = st.members[i].id;
            self.run(&mut st, id, handled.effects, &mut out);
        }
        if !(progress || finished) {
            return;
        }
        st.sync_work();
        for m in st.members.iter().filter(|m| !m.away) {
            let searching = matches!(
                m.view.goal().map(|d| &d.state),
                Some(GoalState::Searching(_))
            );
            if finished {
                m.inbox.changed();
            } else if m.view.shows_uncertainty() || searching {
                m.inbox.progress();
            }
        }
    }

    /// Background work is running: the clients' loops must look at it.
    pub fn busy(&self) -> bool {
        lock(&self.state).worker.busy()
    }

    /// What a participant draws: the document as drawn now, a copy of its
    /// view, and the picture of both if someone who sees the same has
    /// drawn it already. `None` when it is not (or no longer) in the room.
    pub fn snapshot(&self, id: ParticipantId) -> Option<Snapshot> {
        let mut st = lock(&self.state);
        let view = st.members.iter().find(|m| m.id == id)?.view.clone();
        let doc = st.drawn();
        let key = doc.as_ref().and_then(|_| picture_key(&view));
        let picture = key.as_ref().and_then(|k| {
            st.pictures
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, p)| p.clone())
        });
        Some(Snapshot {
            doc,
            view,
            key,
            picture,
        })
    }

    /// Keeps the picture drawn of a snapshot for others who see the same
    /// (unless the document has changed since).
    pub fn keep(&self, snapshot: &Snapshot, picture: Arc<Buffer>) {
        let (Some(key), Some(doc)) = (&snapshot.key, &snapshot.doc) else {
            return;
        };
        let mut st = lock(&self.state);
        if st.drawn.as_ref().is_some_and(|d| Arc::ptr_eq(d, doc)) {
            if st.pictures.len() >= PICTURES_MAX {
                st.pictures.remove(0);
            }
            st.pictures.push((key.clone(), picture));
        }
    }

    /// Another session wrote a variant of `scenario_id`: the document reads
    /// its variants again, if it is of that scenario and has read them.
    fn variants_stale(&self, scenario_id: &str) {
        let mut st = lock(&self.state);
        let Some(i) = st
            .driver
            .and_then(|d| st.index(d))
            .or(if st.members.is_empty() { None } else { Some(0) })
        else {
            return;
        };
        let before = Before::of(&st);
        let event = Event::VariantsStale {
            scenario_id: scenario_id.to_string(),
        };
        let State { doc, members, .. } = &mut *st;
        let handled = update::handle_event(doc.as_mut(), &mut members[i].view, event);
        if handled.effects.is_empty() {
            return;
        }
        let id = st.members[i].id;
        self.run(&mut st, id, handled.effects, &mut Outcome::default());
        self.settle(&mut st, id, before);
        // The facilitator's view changed too (its list, its comparison).
        if let Some(m) = st.members.get(i) {
            m.inbox.changed();
        }
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

/// Every room of the server: the shared ones by name, and all of them
/// (private ones and copies too) to tell of variants written.
#[derive(Default)]
pub struct Rooms {
    named: Mutex<HashMap<String, Arc<Room>>>,
    all: Mutex<Vec<Weak<Room>>>,
    /// Where every room keeps its variants; `None`: the user's data folder.
    store_dir: Option<PathBuf>,
}

/// How someone came into a shared room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    /// Their name in the room.
    pub name: String,
    /// They created the room.
    pub created: bool,
    /// They have the floor.
    pub drives: bool,
}

impl Rooms {
    /// Rooms keeping variants in the user's data folder.
    pub fn new() -> Rooms {
        Rooms::default()
    }

    /// Rooms keeping variants in `dir` (for tests and benchmarks).
    pub fn with_store(dir: PathBuf) -> Rooms {
        Rooms {
            store_dir: Some(dir),
            ..Rooms::default()
        }
    }

    fn room(&self, kind: Kind, doc: Option<Document>) -> Arc<Room> {
        let store = match &self.store_dir {
            Some(dir) => Some(Store::at(dir.clone())),
            None => Store::open_default().ok(),
        };
        let room = Arc::new(Room::new(kind, doc, store));
        let mut all = lock(&self.all);
        all.retain(|w| w.strong_count() > 0);
        all.push(Arc::downgrade(&room));
        room
    }

    /// A private workshop: the document given, or the picker.
    pub fn private(&self, joining: Joining, doc: Option<Document>) -> Arc<Room> {
        let room = self.room(Kind::Private, doc);
        room.join(joining);
        room
    }

    /// A copy of the shared room `name` for one participant.
    fn copy(&self, name: &str, joining: Joining, doc: Document) -> Arc<Room> {
        let room = self.room(Kind::Copy(name.to_string()), Some(doc));
        room.join(joining);
        room
    }

    /// Joins the shared room `name`, creating it (with `scenario`, else
    /// waiting for its facilitator to pick one) when there is none.
    /// A room asked for with another scenario than it shows says so.
    pub fn join(
        &self,
        name: &str,
        joining: Joining,
        scenario: Option<Loaded>,
    ) -> (Arc<Room>, Joined) {
        let mut named = lock(&self.named);
        let id = joining.id;
        let existing = named.get(name).filter(|r| !lock(&r.state).ended).cloned();
        let created = existing.is_none();
        let room = existing.unwrap_or_else(|| {
            let doc = scenario
                .as_ref()
                .map(|l| Document::new(l.scenario.clone()).with_source(l.text.clone()));
            let room = self.room(Kind::Shared(name.to_string()), doc);
            named.insert(name.to_string(), room.clone());
            room
        });
        // A room that has not ended takes everyone (the map's lock keeps
        // it from ending meanwhile: leaving takes it too).
        let joined_name = room.join(joining).unwrap_or_default();
        let mut st = lock(&room.state);
        if let (false, Some(asked), Some(doc)) = (created, &scenario, &st.doc)
            && asked.scenario.info.id != doc.base.info.id
        {
            let title = doc.base.info.title.clone();
            if let Some(m) = st.member(id) {
                let text = room_text::room_shows(m.view.lang, name, &title);
                say(&mut m.view, text);
            }
        }
        let drives = st.driver == Some(id);
        drop(st);
        (
            room.clone(),
            Joined {
                name: joined_name,
                created,
                drives,
            },
        )
    }

    /// `id` leaves `room`; a shared room left empty ends and is forgotten.
    pub fn leave(&self, room: &Arc<Room>, id: ParticipantId) {
        let mut named = lock(&self.named);
        if room.leave(id)
            && let Some(name) = room.name().filter(|_| room.shared())
            && named.get(name).is_some_and(|r| Arc::ptr_eq(r, room))
        {
            named.remove(name);
        }
    }

    /// Someone in `from` wrote a variant of `scenario_id`: every other
    /// room of that scenario reads its variants again.
    pub fn variants_written(&self, scenario_id: &str, from: &Arc<Room>) {
        let rooms: Vec<Arc<Room>> = lock(&self.all).iter().filter_map(Weak::upgrade).collect();
        for room in rooms.iter().filter(|r| !Arc::ptr_eq(r, from)) {
            room.variants_stale(scenario_id);
        }
    }

    /// The shared room of this name, if it is open.
    pub fn get(&self, name: &str) -> Option<Arc<Room>> {
        lock(&self.named).get(name).cloned()
    }

    /// How many shared rooms are open.
    pub fn shared_count(&self) -> usize {
        lock(&self.named).len()
    }
}

/// Where a client is: its room, and the shared room it made a copy of.
pub struct Seat {
    rooms: Arc<Rooms>,
    id: ParticipantId,
    inbox: Arc<Inbox>,
    user: String,
    room: Arc<Room>,
    /// The shared room this seat's copy was made from.
    home: Option<Arc<Room>>,
}

impl Seat {
    /// A seat in the room `enter` lets `joining` into.
    fn enter<T>(
        rooms: Arc<Rooms>,
        joining: Joining,
        enter: impl FnOnce(&Rooms, Joining) -> (Arc<Room>, T),
    ) -> (Seat, T) {
        let (id, inbox, user) = (joining.id, joining.inbox.clone(), joining.user.clone());
        let (room, how) = enter(&rooms, joining);
        let seat = Seat {
            rooms,
            id,
            inbox,
            user,
            room,
            home: None,
        };
        (seat, how)
    }

    /// A seat in a private workshop.
    pub fn private(rooms: Arc<Rooms>, joining: Joining, doc: Option<Document>) -> Seat {
        Seat::enter(rooms, joining, |r, j| (r.private(j, doc), ())).0
    }

    /// A seat in the shared room `name`.
    pub fn shared(
        rooms: Arc<Rooms>,
        name: &str,
        joining: Joining,
        scenario: Option<Loaded>,
    ) -> (Seat, Joined) {
        Seat::enter(rooms, joining, |r, j| r.join(name, j, scenario))
    }

    /// The client's participant id.
    pub fn id(&self) -> ParticipantId {
        self.id
    }

    /// The room the client sees now.
    pub fn room(&self) -> &Arc<Room> {
        &self.room
    }

    /// Applies the client's event; moves into a copy or back as asked.
    /// Returns `(redraw, quit)`.
    pub fn handle(&mut self, event: Event) -> (bool, bool) {
        let out = self.room.handle(self.id, event);
        for scenario in &out.written {
            self.rooms.variants_written(scenario, &self.room);
        }
        let mut redraw = out.redraw;
        if let Some((doc, view)) = out.fork
            && let Some(name) = self.room.name().map(str::to_string)
        {
            let joining = Joining {
                id: self.id,
                user: self.user.clone(),
                inbox: self.inbox.clone(),
                view: *view,
            };
            let copy = self.rooms.copy(&name, joining, *doc);
            self.home = Some(std::mem::replace(&mut self.room, copy));
            redraw = true;
        }
        if let Some(view) = out.rejoin
            && let Some(home) = self.home.take()
        {
            let copy = std::mem::replace(&mut self.room, home);
            self.rooms.leave(&copy, self.id);
            self.room.rejoin(self.id, *view);
            redraw = true;
        }
        (redraw, out.quit)
    }
}

impl Drop for Seat {
    /// The client is gone: it leaves its room (and the room it copied).
    fn drop(&mut self) {
        self.rooms.leave(&self.room, self.id);
        if let Some(home) = &self.home {
            self.rooms.leave(home, self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Lang;
    use crate::tui::ThemeKind;
    use crate::tui::event::{Key, KeyCode};
    use crate::tui::view::Screen;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use std::time::Instant;

    fn rooms(name: &str) -> Arc<Rooms> {
        let dir =
            std::env::temp_dir().join(format!("effekt-room-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Arc::new(Rooms::with_store(dir))
    }

    fn loaded(id: &str) -> Loaded {
        crate::catalog::open(id).expect("bundled")
    }

    /// Someone with their own inbox, language and size.
    fn person(id: u64, user: &str, lang: Lang, size: (u16, u16)) -> (Joining, Arc<Inbox>) {
        let inbox = Arc::new(Inbox::default());
        let joining = Joining {
            id,
            user: user.into(),
            inbox: inbox.clone(),
            view: View::new(lang, ThemeKind::Default, size),
        };
        (joining, inbox)
    }

    fn join(rooms: &Arc<Rooms>, id: u64, user: &str, lang: Lang) -> (Seat, Arc<Inbox>) {
        let (joining, inbox) = person(id, user, lang, (100, 30));
        let (seat, _) = Seat::shared(
            rooms.clone(),
            "styret",
            joining,
            Some(loaded("sykefravaer")),
        );
        (seat, inbox)
    }

    fn key(seat: &mut Seat, code: KeyCode) -> (bool, bool) {
        seat.handle(Event::Key(Key::plain(code)))
    }

    fn ch(seat: &mut Seat, c: char) -> (bool, bool) {
        key(seat, KeyCode::Char(c))
    }

    /// Types into the open prompt and presses Enter.
    fn type_in(seat: &mut Seat, text: &str) {
        for c in text.chars() {
            ch(seat, c);
        }
        key(seat, KeyCode::Enter);
    }

    /// The seat's message says `text`.
    fn says(seat: &Seat, text: &str) {
        let message = view(seat).message.map(|m| m.text);
        assert!(
            message.as_deref().is_some_and(|m| m.contains(text)),
            "{text:?} in {message:?}"
        );
    }

    /// What the seat's client sees, as text.
    fn screen(seat: &Seat) -> String {
        let s = seat.room().snapshot(seat.id()).expect("in the room");
        let view = s.view;
        let mut t = Terminal::new(TestBackend::new(view.size.0, view.size.1)).expect("terminal");
        crate::tui::draw(&mut t, s.doc.as_deref(), &view).expect("draw");
        let buf = t.backend().buffer().clone();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn view(seat: &Seat) -> View {
        seat.room().snapshot(seat.id()).expect("in the room").view
    }

    fn selected_line(screen: &str) -> &str {
        screen.lines().find(|l| l.contains('▶')).unwrap_or("")
    }

    /// Whether the room woke this client (and clears the mail).
    fn woken(inbox: &Inbox) -> bool {
        inbox.wait(Some(Instant::now())).changed
    }

    #[test]
    fn names_are_cut_cleaned_and_made_unique() {
        assert_eq!(display_name("anna"), "anna");
        assert_eq!(display_name(" bo\x1b[2J\u{202E}nimda "), "bo[2Jnimda");
        assert_eq!(display_name("\u{200B}\t"), "?");
        assert_eq!(display_name(&"x".repeat(100)).chars().count(), NAME_MAX);
        let rooms = rooms("names");
        let (_a, _) = join(&rooms, 1, "anna", Lang::En);
        let (_b, _) = join(&rooms, 2, "anna", Lang::En);
        let (c, _) = join(&rooms, 3, "anna", Lang::En);
        let names: Vec<String> = view(&c)
            .room
            .map(|s| s.participants.into_iter().map(|p| p.name).collect())
            .unwrap_or_default();
        assert_eq!(names, ["anna", "anna 2", "anna 3"]);
    }

    #[test]
    fn the_first_steers_the_others_follow_and_see_each_step() {
        let rooms = rooms("follow");
        let (mut anna, anna_inbox) = join(&rooms, 1, "anna", Lang::Nb);
        let (mut bo, bo_inbox) = join(&rooms, 2, "bo", Lang::En);
        let status = view(&bo).room.expect("in a room");
        assert_eq!(status.driver, Some(1), "the first to come has the floor");
        assert!(status.follows());
        assert!(woken(&anna_inbox), "anna is told that bo came");
        says(&anna, "bo kom inn");
        assert!(selected_line(&screen(&bo)).contains("100.0%"));

        // anna steps the achievement: bo is woken and sees it, in English.
        let (redraw, quit) = key(&mut anna, KeyCode::Right);
        assert!(redraw && !quit);
        assert!(woken(&bo_inbox), "the follower draws");
        assert!(!woken(&anna_inbox), "the one who acted draws by itself");
        assert!(selected_line(&screen(&bo)).contains("105.0%"));
        assert!(selected_line(&screen(&anna)).contains("105,0 %"));
        assert!(screen(&anna).contains("rom styret · du styrer · 2 til stede"));
        assert!(
            screen(&bo).contains("room styret · following anna"),
            "{}",
            screen(&bo)
        );

        // anna moves to screen 3 and down a lever: bo's view goes along.
        ch(&mut anna, '3');
        assert!(woken(&bo_inbox));
        assert_eq!(view(&bo).screen, Screen::Flows);
        ch(&mut anna, '1');
        key(&mut anna, KeyCode::Down);
        assert_eq!(view(&bo).selected, 1);

        // A follower's lever key changes nothing and says why.
        let before = screen(&anna);
        key(&mut bo, KeyCode::Right);
        assert_eq!(screen(&anna), before, "the document is unchanged");
        assert!(!woken(&anna_inbox), "nobody else is woken");
        let message = view(&bo).message.expect("a message").text;
        assert!(
            message.contains("Only the facilitator moves the levers"),
            "{message}"
        );
        for c in ['u', 'r', 'R', '='] {
            ch(&mut bo, c);
            says(&bo, "Only the facilitator");
        }
        assert_eq!(screen(&anna), before);
    }

    #[test]
    fn a_follower_who_looks_around_stops_following_until_f() {
        let rooms = rooms("look");
        let (mut anna, _) = join(&rooms, 1, "anna", Lang::En);
        let (mut bo, _) = join(&rooms, 2, "bo", Lang::En);
        ch(&mut bo, '5');
        let v = view(&bo);
        assert_eq!(v.screen, Screen::Scenario, "bo looks at screen 5");
        assert!(!v.room.as_ref().is_some_and(RoomStatus::follows));
        assert!(
            v.message
                .is_some_and(|m| m.text.contains("no longer follow"))
        );
        // anna's steps still show, on bo's own screen.
        ch(&mut anna, '2');
        assert_eq!(view(&bo).screen, Screen::Scenario);
        // Help and language keep following.
        ch(&mut bo, 'F');
        assert_eq!(
            view(&bo).screen,
            Screen::Risk,
            "F shows anna's screen at once"
        );
        ch(&mut bo, 'L');
        ch(&mut anna, '3');
        let v = view(&bo);
        assert_eq!((v.screen, v.lang), (Screen::Flows, Lang::Nb));
        assert!(v.room.as_ref().is_some_and(RoomStatus::follows));
    }

    #[test]
    fn the_floor_is_handed_over_and_passes_on_when_the_facilitator_leaves() {
        let rooms = rooms("floor");
        let (mut anna, _) = join(&rooms, 1, "anna", Lang::En);
        let (mut bo, bo_inbox) = join(&rooms, 2, "bo", Lang::En);
        let (cy, _) = join(&rooms, 3, "anna", Lang::En);
        let names: Vec<String> = view(&cy)
            .room
            .expect("status")
            .participants
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["anna", "bo", "anna 2"], "names are made unique");

        // A follower asks for the floor; anna is told.
        ch(&mut bo, 'w');
        key(&mut bo, KeyCode::Enter);
        says(&anna, "bo asks for the floor");

        // anna hands it to bo (w, ↓ to bo's row, Enter).
        ch(&mut anna, 'w');
        assert!(screen(&anna).contains("Participants in room \"styret\" (3)"));
        key(&mut anna, KeyCode::Down);
        key(&mut anna, KeyCode::Enter);
        assert!(woken(&bo_inbox));
        assert_eq!(
            rooms.get("styret").and_then(|r| r.driver_name()).as_deref(),
            Some("bo")
        );
        says(&bo, "You have the floor");
        key(&mut bo, KeyCode::Right);
        assert!(
            selected_line(&screen(&anna)).contains("105.0%"),
            "anna follows bo now"
        );
        key(&mut anna, KeyCode::Right);
        assert!(
            selected_line(&screen(&cy)).contains("105.0%"),
            "anna may not step any more"
        );

        // bo leaves: the floor goes to the one there longest (anna).
        let (_, quit) = ch(&mut bo, 'q');
        assert!(
            quit,
            "q leaves the room without asking: the levers stay with the room"
        );
        drop(bo);
        let room = rooms.get("styret").expect("the room goes on");
        assert_eq!(room.driver_name().as_deref(), Some("anna"));
        assert_eq!(room.len(), 2);
        drop(anna);
        drop(cy);
        assert!(
            rooms.get("styret").is_none(),
            "the room ends with its last participant"
        );
        // The name can be used again: a new room.
        let (dan, _) = join(&rooms, 4, "dan", Lang::En);
        assert!(selected_line(&screen(&dan)).contains("100.0%"));
    }

    #[test]
    fn a_copy_of_the_room_is_ones_own_and_rejoining_asks_first() {
        let rooms = rooms("copy");
        let (mut anna, _) = join(&rooms, 1, "anna", Lang::En);
        let (mut bo, _) = join(&rooms, 2, "bo", Lang::En);
        key(&mut anna, KeyCode::Right);
        ch(&mut bo, 'b');
        assert!(screen(&bo).contains("own copy of room styret"));
        assert!(
            selected_line(&screen(&bo)).contains("105.0%"),
            "the copy starts at the room's levers"
        );
        key(&mut bo, KeyCode::Right);
        key(&mut bo, KeyCode::Right);
        assert!(selected_line(&screen(&bo)).contains("115.0%"));
        assert!(
            selected_line(&screen(&anna)).contains("105.0%"),
            "the room is unchanged"
        );
        let listed = view(&anna).room.expect("status").participants;
        assert!(
            listed.iter().any(|p| p.name == "bo" && p.away),
            "{listed:?}"
        );

        // Back to the room: asked first, since the copy has changes.
        ch(&mut bo, 'b');
        assert!(
            screen(&bo).contains("1 lever is changed in the copy"),
            "{}",
            screen(&bo)
        );
        ch(&mut bo, 'y');
        let v = view(&bo);
        assert!(v.room.as_ref().is_some_and(RoomStatus::follows));
        assert!(selected_line(&screen(&bo)).contains("105.0%"));
        assert!(
            !view(&anna)
                .room
                .expect("status")
                .participants
                .iter()
                .any(|p| p.away)
        );
    }

    #[test]
    fn the_facilitator_in_a_copy_leaves_the_floor_to_the_next() {
        let rooms = rooms("copy-driver");
        let (mut anna, _) = join(&rooms, 1, "anna", Lang::En);
        let (bo, _) = join(&rooms, 2, "bo", Lang::En);
        ch(&mut anna, 'b');
        assert!(
            view(&bo).room.expect("status").you_steer(),
            "bo has the floor"
        );
        ch(&mut anna, 'b');
        let status = view(&anna).room.expect("status");
        assert!(status.follows(), "anna follows bo after coming back");
        assert_eq!(status.driver, Some(2));
    }

    #[test]
    fn followers_wait_while_the_facilitator_picks_a_scenario() {
        let rooms = rooms("wait");
        let (joining, _) = person(1, "anna", Lang::En, (100, 30));
        let (mut anna, joined) = Seat::shared(rooms.clone(), "kveld", joining, None);
        assert!(joined.created && joined.drives);
        let (joining, bo_inbox) = person(2, "bo", Lang::Nb, (80, 24));
        let (bo, _) = Seat::shared(rooms.clone(), "kveld", joining, None);
        assert!(
            screen(&anna).contains("Choose a scenario"),
            "{}",
            screen(&anna)
        );
        let waiting = screen(&bo);
        assert!(waiting.contains("anna velger scenario"), "{waiting}");
        key(&mut anna, KeyCode::Down);
        key(&mut anna, KeyCode::Enter);
        assert!(woken(&bo_inbox));
        let bo_screen = screen(&bo);
        assert!(bo_screen.contains("Nøkkeltall"), "{bo_screen}");
        assert!(bo_screen.contains("følger anna"), "{bo_screen}");
        assert!(screen(&anna).contains("you steer"));
    }

    #[test]
    fn a_variant_saved_anywhere_is_listed_by_every_document_of_its_scenario() {
        let rooms = rooms("variants");
        let (mut anna, _) = join(&rooms, 1, "anna", Lang::En);
        let (mut bo, _) = join(&rooms, 2, "bo", Lang::En);
        // The room has read its variants (none yet).
        ch(&mut anna, 'v');
        assert!(view(&anna).variant_list.is_some());
        ch(&mut anna, 'v');
        // A private workshop of the same scenario saves one.
        let (joining, _) = person(3, "cy", Lang::En, (100, 30));
        let s = loaded("sykefravaer");
        let doc = Document::new(s.scenario).with_source(s.text);
        let mut cy = Seat::private(rooms.clone(), joining, Some(doc));
        key(&mut cy, KeyCode::Right);
        ch(&mut cy, 's');
        type_in(&mut cy, "høy");
        says(&cy, "Saved");
        // The room lists it without anyone asking; a follower may save too…
        ch(&mut bo, 'v');
        let list = screen(&bo);
        assert!(list.contains("høy"), "{list}");
        ch(&mut bo, 'v');
        ch(&mut bo, 's');
        type_in(&mut bo, "bo");
        says(&bo, "Saved");
        // …and write a note on it; opening it into the room is anna's.
        ch(&mut bo, 'n');
        type_in(&mut bo, "ok");
        says(&bo, "Note");
        ch(&mut bo, 'v');
        key(&mut bo, KeyCode::Enter);
        says(&bo, "Only the facilitator opens");
    }
}
