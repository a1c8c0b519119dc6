//! The room as a host: it runs what update asks for on behalf of one
//! participant's view (the store, opening and closing, the floor, copies),
//! applies the background work's replies, and keeps the others' views
//! true afterwards.

use crate::i18n::{room, room_text};
use crate::serve::lock;
use crate::serve::log::log;
use crate::tui::effect::StoreOp;
use crate::tui::room::{ParticipantId, Place, RoomStatus, follow};
use crate::tui::view::{GoalState, Mode};
use crate::tui::{Document, Effect, Event, View, disk, terminal, update};

use super::{Before, Kind, Member, Outcome, Room, State, say};

impl Room {
    /// Runs effects of `actor`'s view, feeding the store's replies back,
    /// until none is left.
    pub(super) fn run(
        &self,
        st: &mut State,
        actor: ParticipantId,
        effects: Vec<Effect>,
        out: &mut Outcome,
    ) {
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
    pub(super) fn rejoin(&self, id: ParticipantId, mut view: View) {
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
    pub(super) fn settle(&self, st: &mut State, actor: ParticipantId, before: Before) {
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
    /// Another session wrote a variant of `scenario_id`: the document reads
    /// its variants again, if it is of that scenario and has read them.
    pub(super) fn variants_stale(&self, scenario_id: &str) {
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
}
