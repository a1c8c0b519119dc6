//! The rooms as their clients meet them: joining, following, the floor,
//! copies and shared variants.

use super::*;
use crate::catalog::Loaded;
use crate::format::Lang;
use crate::tui::ThemeKind;
use crate::tui::event::{Key, KeyCode};
use crate::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Instant;

fn rooms(name: &str) -> Arc<Rooms> {
    let dir = std::env::temp_dir().join(format!("effekt-room-test-{}-{name}", std::process::id()));
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
