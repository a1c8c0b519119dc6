//! Every room of the server, and a client's seat in one: joining,
//! copying, rejoining and leaving.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, Weak};

use crate::catalog::Loaded;
use crate::i18n::room_text;
use crate::serve::lock;
use crate::serve::pacing::Inbox;
use crate::store::Store;
use crate::tui::room::ParticipantId;
use crate::tui::{Document, Event};

use super::{Joining, Kind, Room, say};

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
