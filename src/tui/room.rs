//! A view in a shared room (`effekt serve`, `room NAME`): what this viewer
//! knows of the room, who may change what, following the one who has the
//! floor, and the room's own keys and actions.
//!
//! Plain data and pure functions, like the rest of update. The host of a
//! room (`src/serve/room.rs`) keeps every view's [`RoomStatus`] true, calls
//! [`follow`] for the views that follow, and runs the room's effects
//! ([`Effect::HandOver`], [`Effect::AskFloor`], [`Effect::Fork`],
//! [`Effect::Rejoin`]). A view without a status (the local workshop, a
//! private session over SSH) never meets any of this.
//!
//! The rules:
//!
//! - **Who may change what** ([`scope`]): an action that changes only the
//!   viewer's own view is everyone's; saving a variant, notes, reading the
//!   variant list, the comparison and exports are everyone's too (they
//!   write to the shared store, which the room then shows); moving levers,
//!   undo, opening a variant into the room and choosing what the room
//!   compares are the facilitator's alone. A follower's try is refused
//!   with a message that says how to get the floor ([`refusal`]).
//! - **Following**: a follower sees the facilitator's screen, selected
//!   lever, presentation mode, chart and table settings and scroll
//!   positions ([`Followed`]), never their size, language, theme, dialogs
//!   or messages. A follower who moves around on their own (another
//!   screen, another lever, scrolling) stops following, and is told so;
//!   `F` follows again. Opening the variant list or help, or changing
//!   language or theme, keeps following.

use super::action::Action;
use super::document::Document;
use super::effect::Effect;
use super::event::{Key, KeyCode};
use super::update;
use super::view::{
    Answer, CompareMetric, CompareView, Confirm, GoalState, HistogramKind, Mode, Screen, Scroll,
    View,
};
use crate::i18n::{RoomTexts, room};
use crate::risk::TornadoFigure;
use crate::scenario::Scenario;

/// A participant's number, unique on the server.
pub type ParticipantId = u64;

/// One person in a room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub id: ParticipantId,
    /// The SSH user name, made unique in the room (`anna`, `anna 2`).
    pub name: String,
    /// Working in a copy of their own for now (see [`Place::Copy`]).
    pub away: bool,
}

/// Where a room's participant works.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// In the room: following, or with the floor.
    Room,
    /// In a private copy of the room's document, made from these levers.
    Copy { start: Box<Scenario> },
}

/// What a view knows of its room, kept true by the host.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomStatus {
    pub name: String,
    /// Everyone in the room, in the order they came: the first has been
    /// there longest.
    pub participants: Vec<Participant>,
    /// Who has the floor (none while everyone is in a copy).
    pub driver: Option<ParticipantId>,
    /// This view's participant.
    pub you: ParticipantId,
    /// This view shows what the facilitator's shows.
    pub following: bool,
    pub place: Place,
}

impl RoomStatus {
    /// This view may change the document: it has the floor, or works in
    /// a copy of its own.
    pub fn you_steer(&self) -> bool {
        matches!(self.place, Place::Copy { .. }) || self.driver == Some(self.you)
    }

    /// The one with the floor.
    pub fn driver(&self) -> Option<&Participant> {
        let id = self.driver?;
        self.participants.iter().find(|p| p.id == id)
    }

    /// How many are in the room (not in a copy).
    pub fn present(&self) -> usize {
        self.participants.iter().filter(|p| !p.away).count()
    }

    /// This view follows the facilitator now.
    pub fn follows(&self) -> bool {
        self.following && self.place == Place::Room && !self.you_steer()
    }
}

/// Who may do an action in a room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Changes only the viewer's own view.
    View,
    /// Reads or writes the shared variant store (save, notes, the list,
    /// the comparison, exports): everyone's.
    Shared,
    /// Changes the levers or what the room compares: the facilitator's.
    Document,
}

/// Who may do `action` in the view's current state (a value prompt's
/// Enter sets a lever; a name prompt's saves).
pub fn scope(action: Action, view: &View) -> Scope {
    use Action as A;
    match action {
        A::Step(_)
        | A::Edit
        | A::ResetLever
        | A::ResetAll
        | A::Undo
        | A::Redo
        | A::ListOpen
        | A::ListRename
        | A::ListDelete
        | A::ListToggleCompare => Scope::Document,
        A::PromptAccept if matches!(view.mode, Mode::Prompt(_)) => Scope::Document,
        A::GoalAccept if matches!(view.goal().map(|d| &d.state), Some(GoalState::Found(_))) => {
            Scope::Document
        }
        A::Confirm(Answer::Yes) => match &view.mode {
            Mode::Confirm(Confirm::DeleteVariant(_)) => Scope::Document,
            Mode::Confirm(Confirm::OverwriteVariant(_)) => Scope::Shared,
            _ => Scope::View,
        },
        A::PromptAccept
        | A::SaveVariant
        | A::AddNote
        | A::ListNote
        | A::ListDuplicate
        | A::OpenVariants
        | A::ListRestore
        | A::ExportReport
        | A::ExportAnnex => Scope::Shared,
        _ => Scope::View,
    }
}

/// Why this view may not do `action` now, in its language; `None` when it
/// may. Only a follower in a room is ever refused.
pub fn refusal(view: &View, action: Action) -> Option<&'static str> {
    let status = view.room.as_ref()?;
    if status.you_steer() || scope(action, view) != Scope::Document {
        return None;
    }
    let t = room(view.lang);
    Some(match action {
        Action::ListOpen
        | Action::ListRename
        | Action::ListDelete
        | Action::ListToggleCompare
        | Action::Confirm(_) => t.only_driver_variants,
        _ => t.only_driver_levers,
    })
}

/// What a follower's view takes from the facilitator's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Followed {
    pub screen: Screen,
    pub presentation: bool,
    pub presentation_table: bool,
    /// The figure the facilitator points at (`i`, a click).
    pub pointed: Option<crate::i18n::glossary::Term>,
    pub selected: usize,
    pub scroll: Scroll,
    pub compare_metric: CompareMetric,
    pub compare_view: CompareView,
    pub histogram: HistogramKind,
    pub tornado_sort: TornadoFigure,
    /// The municipality the facilitator chose (`f`), or all.
    pub site: Option<usize>,
}

impl Followed {
    pub fn of(view: &View) -> Followed {
        Followed {
            screen: view.screen,
            presentation: view.presentation,
            presentation_table: view.presentation_table,
            pointed: view.pointed,
            selected: view.selected,
            scroll: view.scroll,
            compare_metric: view.compare_metric,
            compare_view: view.compare_view,
            histogram: view.histogram,
            tornado_sort: view.tornado_sort,
            site: view.site,
        }
    }
}

/// Shows in `view` what the facilitator shows, at the view's own size
/// (scroll positions clamped to what it can show). Size, language, theme,
/// dialogs, the variant list and messages stay the view's.
pub fn follow(doc: Option<&Document>, view: &mut View, driver: &Followed) {
    view.screen = driver.screen;
    view.presentation = driver.presentation;
    view.presentation_table = driver.presentation_table;
    view.pointed = driver.pointed;
    view.selected = driver.selected;
    view.scroll = driver.scroll;
    view.compare_metric = driver.compare_metric;
    view.compare_view = driver.compare_view;
    view.histogram = driver.histogram;
    view.tornado_sort = driver.tornado_sort;
    view.site = driver.site;
    if view.presentation && matches!(view.mode, Mode::Prompt(_)) {
        view.mode = Mode::Normal;
    }
    update::clamp_scroll(doc, view);
}

/// What a following view showed before an action of its own, to tell
/// afterwards whether it moved away.
pub fn before_action(view: &View) -> Option<Followed> {
    view.room
        .as_ref()
        .filter(|s| s.follows())
        .map(|_| Followed::of(view))
}

/// After an action of a following view: if it moved on its own, it stops
/// following and is told so.
pub fn after_action(view: &mut View, before: Option<Followed>) {
    let Some(before) = before else {
        return;
    };
    if Followed::of(view) == before {
        return;
    }
    let text = room(view.lang).stopped_following;
    if let Some(status) = view.room.as_mut() {
        status.following = false;
    }
    update::say(view, super::view::MessageKind::Info, text.to_string());
}

/// `q` at the top of a room's screen loses nothing when others stay in
/// the room with its document (no need to ask first).
pub fn leaving_keeps_changes(view: &View) -> bool {
    view.room
        .as_ref()
        .is_some_and(|s| s.place == Place::Room && s.present() > 1)
}

/// Where a room key works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// In the room (following, or with the floor).
    InRoom,
    /// In a copy of the room's levers.
    InCopy,
}

/// One key of a room (in the help overlay's "Room" section).
pub struct RoomKey {
    pub key: Key,
    pub action: Action,
    pub place: Where,
    pub help: fn(&'static RoomTexts) -> &'static str,
    /// The key and its word in the status bar.
    pub status: (&'static str, fn(&'static RoomTexts) -> &'static str),
}

/// The keys of a room; none of them is bound elsewhere (see the test).
pub static ROOM_KEYS: &[RoomKey] = &[
    RoomKey {
        key: Key::ch('w'),
        action: Action::Participants,
        place: Where::InRoom,
        help: |t| t.key_participants,
        status: ("w", |t| t.status_participants),
    },
    RoomKey {
        key: Key::ch('F'),
        action: Action::ToggleFollow,
        place: Where::InRoom,
        help: |t| t.key_follow,
        status: ("F", |t| t.status_follow),
    },
    RoomKey {
        key: Key::ch('b'),
        action: Action::Fork,
        place: Where::InRoom,
        help: |t| t.key_fork,
        status: ("b", |t| t.status_fork),
    },
    RoomKey {
        key: Key::ch('b'),
        action: Action::Rejoin,
        place: Where::InCopy,
        help: |t| t.key_rejoin,
        status: ("b", |t| t.status_rejoin),
    },
];

/// The room keys that work in this view now.
fn active_keys(view: &View) -> impl Iterator<Item = &'static RoomKey> {
    let place = view.room.as_ref().map(|s| &s.place);
    ROOM_KEYS.iter().filter(move |k| match (k.place, place) {
        (_, None) => false,
        (Where::InRoom, Some(p)) => *p == Place::Room,
        (Where::InCopy, Some(p)) => *p != Place::Room,
    })
}

/// The room action of a key in normal mode, if the view is in a room.
pub fn lookup(view: &View, key: Key) -> Option<Action> {
    active_keys(view).find(|k| k.key == key).map(|k| k.action)
}

/// The help overlay's lines of the room's keys: (keys, text, heading).
pub fn help_entries(view: &View) -> Vec<(String, String, bool)> {
    if view.room.is_none() {
        return Vec::new();
    }
    let t = room(view.lang);
    let mut out = vec![(String::new(), t.ctx_room.to_string(), true)];
    out.extend(active_keys(view).map(|k| {
        (
            super::keymap::key_label(k.key),
            (k.help)(t).to_string(),
            false,
        )
    }));
    out
}

/// The status bar's entries of the room's keys (keys, word); the
/// follow key only for those who do not have the floor.
pub fn status_hints(view: &View) -> Vec<(&'static str, &'static str)> {
    let t = room(view.lang);
    let steer = view.room.as_ref().is_some_and(RoomStatus::you_steer);
    active_keys(view)
        .filter(|k| !(steer && k.action == Action::ToggleFollow))
        .map(|k| (k.status.0, (k.status.1)(t)))
        .collect()
}

/// The keys of the participants overlay.
pub fn participants_key(view: &View, key: Key) -> Option<Action> {
    let Mode::Participants(selected) = view.mode else {
        return None;
    };
    let steer = view.room.as_ref().is_some_and(RoomStatus::you_steer);
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Action::ParticipantsMove(-1)),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::ParticipantsMove(1)),
        KeyCode::Enter if steer => Some(Action::HandOver(selected)),
        KeyCode::Enter => Some(Action::AskFloor),
        KeyCode::Esc | KeyCode::Char('q' | 'w') => Some(Action::ParticipantsClose),
        _ => None,
    }
}

/// Applies a room action to a view; what the room must do is returned as
/// effects.
pub fn dispatch(doc: Option<&Document>, view: &mut View, action: Action, fx: &mut Vec<Effect>) {
    let lang = view.lang;
    let t = room(lang);
    let Some(status) = view.room.as_mut() else {
        return;
    };
    let say = |view: &mut View, text: &str| {
        update::say(view, super::view::MessageKind::Info, text.to_string());
    };
    match action {
        Action::ToggleFollow => match status.place {
            Place::Copy { .. } => say(view, t.in_copy_already),
            Place::Room if status.you_steer() => say(view, t.you_steer_already),
            Place::Room => {
                status.following = !status.following;
                let text = if status.following {
                    t.following_on
                } else {
                    t.following_off
                };
                // The host shows the facilitator's screen at once.
                say(view, text);
            }
        },
        Action::Participants => {
            let me = status
                .participants
                .iter()
                .position(|p| p.id == status.you)
                .unwrap_or(0);
            view.mode = Mode::Participants(me);
        }
        Action::ParticipantsMove(by) => {
            let n = status.participants.len();
            if let Mode::Participants(i) = &mut view.mode
                && n > 0
            {
                *i = (*i as i64 + i64::from(by)).rem_euclid(n as i64) as usize;
            }
        }
        Action::ParticipantsClose => {
            if matches!(view.mode, Mode::Participants(_)) {
                view.mode = Mode::Normal;
            }
        }
        Action::HandOver(i) => {
            view.mode = Mode::Normal;
            let Some(to) = status.participants.get(i).cloned() else {
                return;
            };
            if !status.you_steer() || status.place != Place::Room {
                return;
            }
            if to.id == status.you {
                say(view, t.you_have_the_floor);
            } else if to.away {
                let text = crate::i18n::room_text::is_in_copy(lang, &to.name);
                say(view, &text);
            } else {
                fx.push(Effect::HandOver(to.id));
            }
        }
        Action::AskFloor => {
            view.mode = Mode::Normal;
            if status.you_steer() {
                say(view, t.you_have_the_floor);
            } else if status.driver.is_none() {
                say(view, t.nobody_steers);
            } else {
                fx.push(Effect::AskFloor);
                say(view, t.asked_floor);
            }
        }
        Action::Fork => match status.place {
            // The host makes the copy and says so.
            Place::Room if doc.is_some() => fx.push(Effect::Fork),
            Place::Room => {}
            Place::Copy { .. } => say(view, t.in_copy_already),
        },
        Action::Rejoin => match &status.place {
            Place::Room => say(view, t.not_in_copy),
            Place::Copy { start } => {
                let changed = doc.map_or(0, |d| crate::levers::changed(start, &d.current).len());
                if changed > 0 {
                    view.mode = Mode::Confirm(Confirm::Rejoin);
                } else {
                    fx.push(Effect::Rejoin);
                }
            }
        },
        _ => {}
    }
}

/// The question before a copy with changes is left.
pub fn confirm_rejoin_text(doc: &Document, view: &View) -> String {
    let changed = match view.room.as_ref().map(|s| &s.place) {
        Some(Place::Copy { start }) => crate::levers::changed(start, &doc.current).len(),
        _ => 0,
    };
    crate::i18n::room_text::confirm_rejoin(view.lang, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::KEYMAP;

    #[test]
    fn room_keys_are_bound_nowhere_else() {
        for k in ROOM_KEYS {
            for b in KEYMAP {
                assert!(
                    !b.keys.contains(&k.key),
                    "{:?} is a room key and bound to {:?}",
                    k.key,
                    b.action
                );
            }
        }
    }
}
