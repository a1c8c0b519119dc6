//! A view in a shared room (`effekt serve`'s `room NAME`), at the level
//! of update and drawing: who may change what, following the facilitator,
//! the room's keys, and the screens a room adds (snapshots at 80×24 and
//! 160×45). The host that keeps the statuses true is tested in
//! `src/serve/room/tests.rs` and end to end in `e2e_ssh.rs`.

use crate::common::{line_with, view_screen};

use effekt::catalog;
use effekt::format::Lang;
use effekt::tui::event::{Key, KeyCode};
use effekt::tui::room::{self, Followed, Participant, Place, RoomStatus, Scope};
use effekt::tui::view::{Confirm, MessageKind, Mode};
use effekt::tui::{Action, Document, Effect, Screen, ThemeKind, View, handle_event, update};

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 45);

fn document(id: &str) -> Document {
    let loaded = catalog::open(id).expect("bundled");
    Document::new(loaded.scenario).with_source(loaded.text)
}

fn people() -> Vec<Participant> {
    ["anna", "bo", "cy"]
        .iter()
        .enumerate()
        .map(|(i, name)| Participant {
            id: i as u64 + 1,
            name: name.to_string(),
            away: *name == "cy",
        })
        .collect()
}

/// A view of participant `you` in the room "styret", where anna (1) has
/// the floor.
fn in_room(you: u64, lang: Lang, size: (u16, u16)) -> View {
    let mut v = View::new(lang, ThemeKind::Default, size);
    v.room = Some(RoomStatus {
        name: "styret".into(),
        participants: people(),
        driver: Some(1),
        you,
        following: true,
        place: Place::Room,
    });
    v
}

fn key(doc: &mut Document, view: &mut View, code: KeyCode) -> Vec<Effect> {
    handle_event(Some(doc), view, effekt::tui::Event::Key(Key::plain(code))).effects
}

fn ch(doc: &mut Document, view: &mut View, c: char) -> Vec<Effect> {
    key(doc, view, KeyCode::Char(c))
}

#[test]
fn levers_are_the_facilitators_and_the_store_is_everyones() {
    let follower = in_room(2, Lang::En, SMALL);
    for action in [
        Action::Step(1),
        Action::Edit,
        Action::ResetLever,
        Action::ResetAll,
        Action::Undo,
        Action::Redo,
        Action::ListOpen,
        Action::ListRename,
        Action::ListDelete,
        Action::ListToggleCompare,
    ] {
        assert_eq!(
            room::scope(action, &follower),
            Scope::Document,
            "{action:?}"
        );
        assert!(room::refusal(&follower, action).is_some(), "{action:?}");
    }
    for action in [
        Action::SaveVariant,
        Action::AddNote,
        Action::ListNote,
        Action::ListDuplicate,
        Action::OpenVariants,
        Action::ExportReport,
    ] {
        assert_eq!(room::scope(action, &follower), Scope::Shared, "{action:?}");
        assert_eq!(room::refusal(&follower, action), None, "{action:?}");
    }
    for action in [
        Action::GoTo(Screen::Flows),
        Action::SelectNext,
        Action::TogglePresentation,
        Action::ToggleLanguage,
        Action::Scroll(1),
        Action::Participants,
        Action::Fork,
    ] {
        assert_eq!(room::scope(action, &follower), Scope::View, "{action:?}");
    }
    // Enter in a value prompt sets a lever; in a name prompt it saves.
    let mut prompt = follower.clone();
    prompt.mode = Mode::Prompt(Default::default());
    assert_eq!(room::scope(Action::PromptAccept, &prompt), Scope::Document);
    // The facilitator, one in a copy and one outside any room may do all.
    let driver = in_room(1, Lang::En, SMALL);
    let mut copy = in_room(2, Lang::En, SMALL);
    if let Some(s) = copy.room.as_mut() {
        s.place = Place::Copy {
            start: Box::new(document("sykefravaer").current),
        };
    }
    let alone = View::new(Lang::En, ThemeKind::Default, SMALL);
    for view in [&driver, &copy, &alone] {
        assert_eq!(room::refusal(view, Action::Step(1)), None);
    }
}

#[test]
fn a_followers_lever_key_changes_nothing_and_says_why() {
    let mut doc = document("sykefravaer");
    let generation = doc.generation;
    let mut bo = in_room(2, Lang::Nb, SMALL);
    for code in [
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Char('u'),
        KeyCode::Char('R'),
    ] {
        let effects = key(&mut doc, &mut bo, code);
        assert!(effects.is_empty(), "{effects:?}");
        let m = bo.message.clone().expect("a message");
        assert_eq!(m.kind, MessageKind::Warning);
        assert!(
            m.text.contains("Bare ordstyrer flytter spakene"),
            "{}",
            m.text
        );
    }
    assert_eq!(doc.generation, generation, "the document is unchanged");
    assert_eq!(bo.mode, Mode::Normal, "no value prompt opened");
    let screen = view_screen(Some(&doc), &bo);
    assert!(line_with(&screen, "▶").contains("100,0 %"), "{screen}");
    assert!(screen.contains("Bare ordstyrer flytter"), "{screen}");
    // The facilitator steps.
    let mut anna = in_room(1, Lang::En, SMALL);
    key(&mut doc, &mut anna, KeyCode::Right);
    assert!(doc.generation > generation);
}

#[test]
fn a_follower_takes_the_facilitators_screen_at_its_own_size() {
    let doc = document("rekruttering");
    let mut anna = in_room(1, Lang::Nb, LARGE);
    anna.screen = Screen::Flows;
    anna.selected = 3;
    anna.scroll.flows_row = 40;
    anna.scroll.flows_col = 2;
    anna.message = Some(effekt::tui::view::Message {
        kind: MessageKind::Info,
        text: "anna's own".into(),
    });
    let mut bo = in_room(2, Lang::En, SMALL);
    bo.mode = Mode::Help;
    room::follow(Some(&doc), &mut bo, &Followed::of(&anna));
    assert_eq!((bo.screen, bo.selected), (Screen::Flows, 3));
    // Clamped to what 80×24 can show (less than 160×45 can).
    let (rows, cols) = effekt::tui::ui::flows::max_scroll(&doc, &bo);
    assert_eq!(
        (bo.scroll.flows_row, bo.scroll.flows_col),
        (40.min(rows), 2.min(cols))
    );
    assert!(
        rows < 40 || cols < 2,
        "the small terminal clamps: {rows}, {cols}"
    );
    assert_eq!(bo.size, SMALL, "its own size");
    assert_eq!(bo.lang, Lang::En, "its own language");
    assert_eq!(bo.mode, Mode::Help, "its own dialog");
    assert_eq!(bo.message, None, "not anna's message");
}

#[test]
fn moving_around_stops_following_and_f_follows_again() {
    let mut doc = document("sykefravaer");
    let mut bo = in_room(2, Lang::En, SMALL);
    // Help, language and the variant list keep following.
    ch(&mut doc, &mut bo, '?');
    ch(&mut doc, &mut bo, 'x');
    ch(&mut doc, &mut bo, 'L');
    ch(&mut doc, &mut bo, 'L');
    assert!(bo.room.as_ref().is_some_and(RoomStatus::follows));
    // Another screen does not.
    ch(&mut doc, &mut bo, '3');
    assert!(!bo.room.as_ref().is_some_and(RoomStatus::follows));
    assert!(
        bo.message
            .as_ref()
            .is_some_and(|m| m.text.contains("no longer follow"))
    );
    let screen = view_screen(Some(&doc), &bo);
    assert!(screen.contains("anna steers · F follow"), "{screen}");
    ch(&mut doc, &mut bo, 'F');
    assert!(bo.room.as_ref().is_some_and(RoomStatus::follows));
    // The facilitator has nobody to follow.
    let mut anna = in_room(1, Lang::En, SMALL);
    ch(&mut doc, &mut anna, 'F');
    assert!(
        anna.message
            .is_some_and(|m| m.text.contains("You have the floor"))
    );
}

#[test]
fn the_participants_overlay_hands_over_or_asks() {
    let mut doc = document("sykefravaer");
    let mut anna = in_room(1, Lang::En, SMALL);
    ch(&mut doc, &mut anna, 'w');
    assert_eq!(anna.mode, Mode::Participants(0), "opens on oneself");
    key(&mut doc, &mut anna, KeyCode::Down);
    let fx = key(&mut doc, &mut anna, KeyCode::Enter);
    assert!(matches!(fx.as_slice(), [Effect::HandOver(2)]), "{fx:?}");
    assert_eq!(anna.mode, Mode::Normal);
    // cy is in a copy: not now.
    ch(&mut doc, &mut anna, 'w');
    key(&mut doc, &mut anna, KeyCode::Up);
    assert!(key(&mut doc, &mut anna, KeyCode::Enter).is_empty());
    assert!(
        anna.message
            .is_some_and(|m| m.text.contains("cy is in a copy"))
    );
    // A follower asks.
    let mut bo = in_room(2, Lang::En, SMALL);
    ch(&mut doc, &mut bo, 'w');
    let fx = key(&mut doc, &mut bo, KeyCode::Enter);
    assert!(matches!(fx.as_slice(), [Effect::AskFloor]), "{fx:?}");
    ch(&mut doc, &mut bo, 'w');
    ch(&mut doc, &mut bo, 'q');
    assert_eq!(
        bo.mode,
        Mode::Normal,
        "q closes the overlay, not the session"
    );
}

#[test]
fn a_copy_asks_before_its_changes_are_discarded() {
    let mut doc = document("sykefravaer");
    let mut bo = in_room(2, Lang::En, SMALL);
    let fx = ch(&mut doc, &mut bo, 'b');
    assert!(matches!(fx.as_slice(), [Effect::Fork]), "{fx:?}");
    if let Some(s) = bo.room.as_mut() {
        s.place = Place::Copy {
            start: Box::new(doc.current.clone()),
        };
    }
    let fx = ch(&mut doc, &mut bo, 'b');
    assert!(matches!(fx.as_slice(), [Effect::Rejoin]), "{fx:?}");
    key(&mut doc, &mut bo, KeyCode::Right);
    assert!(ch(&mut doc, &mut bo, 'b').is_empty());
    assert_eq!(bo.mode, Mode::Confirm(Confirm::Rejoin));
    let fx = ch(&mut doc, &mut bo, 'y');
    assert!(matches!(fx.as_slice(), [Effect::Rejoin]), "{fx:?}");
}

#[test]
fn leaving_a_room_others_stay_in_does_not_ask() {
    let mut doc = document("sykefravaer");
    let mut anna = in_room(1, Lang::En, SMALL);
    key(&mut doc, &mut anna, KeyCode::Right);
    let fx = update(Some(&mut doc), &mut anna, Action::Back);
    assert!(matches!(fx.as_slice(), [Effect::Quit]), "{fx:?}");
    // Alone in the room, the changes would be lost: asked first.
    if let Some(s) = anna.room.as_mut() {
        s.participants.truncate(1);
    }
    assert!(update(Some(&mut doc), &mut anna, Action::Back).is_empty());
    assert_eq!(anna.mode, Mode::Confirm(Confirm::Quit));
}

#[test]
fn a_room_on_screen() {
    let mut doc = document("sykefravaer");
    let mut anna = in_room(1, Lang::Nb, LARGE);
    key(&mut doc, &mut anna, KeyCode::Right);
    let mut bo = in_room(2, Lang::En, SMALL);
    room::follow(Some(&doc), &mut bo, &Followed::of(&anna));
    insta::assert_snapshot!("room_160x45_nb_facilitator", view_screen(Some(&doc), &anna));
    insta::assert_snapshot!("room_80x24_en_follower", view_screen(Some(&doc), &bo));
    ch(&mut doc, &mut anna, 'w');
    insta::assert_snapshot!(
        "room_160x45_nb_participants",
        view_screen(Some(&doc), &anna)
    );
    ch(&mut doc, &mut bo, 'w');
    key(&mut doc, &mut bo, KeyCode::Down);
    insta::assert_snapshot!("room_80x24_en_participants", view_screen(Some(&doc), &bo));
    let mut help = in_room(2, Lang::En, LARGE);
    ch(&mut doc, &mut help, '?');
    let screen = view_screen(Some(&doc), &help);
    assert!(screen.contains("follow the facilitator on/off"), "{screen}");
    insta::assert_snapshot!("room_160x45_en_help", screen);
}

#[test]
fn waiting_for_a_scenario_and_a_copy_on_screen() {
    let mut bo = in_room(2, Lang::Nb, SMALL);
    insta::assert_snapshot!("room_80x24_nb_waiting", view_screen(None, &bo));
    bo.size = LARGE;
    bo.lang = Lang::En;
    insta::assert_snapshot!("room_160x45_en_waiting", view_screen(None, &bo));

    let mut doc = document("rekruttering");
    let mut cy = in_room(3, Lang::En, SMALL);
    if let Some(s) = cy.room.as_mut() {
        s.place = Place::Copy {
            start: Box::new(doc.current.clone()),
        };
    }
    key(&mut doc, &mut cy, KeyCode::Right);
    ch(&mut doc, &mut cy, 'b');
    insta::assert_snapshot!("room_80x24_en_copy_rejoin", view_screen(Some(&doc), &cy));
}
