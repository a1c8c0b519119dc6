//! Bytes written to the terminal: a lever step at 160×45 stays within 4 KB
//! (only changed cells are sent), and an idle app or an event that changes
//! nothing writes nothing at all. Byte counts are deterministic, so they
//! are asserted here; timings live in `benches/tui.rs`.

use effekt::catalog;
use effekt::format::Lang;
use effekt::tui::event::{Key, KeyCode, Mouse, MouseKind};
use effekt::tui::{App, Event, Session, ThemeKind};

use crate::common::Tape;

fn session(id: &str, theme: ThemeKind) -> (Session<Tape>, App, Tape) {
    let s = catalog::open(id).expect("bundled").scenario;
    let app = App::open(s, Lang::Nb, theme, (160, 45));
    let tape = Tape::default();
    let mut session = Session::new(tape.clone(), app.view.size).expect("session");
    session
        .present(app.doc.as_ref(), &app.view)
        .expect("first frame");
    (session, app, tape)
}

const BUDGET: usize = 4096;

#[test]
fn a_lever_step_sends_little_and_idle_sends_nothing() {
    for theme in [ThemeKind::Default, ThemeKind::Mono] {
        for id in ["sykefravaer", "rekruttering"] {
            let (mut session, mut app, tape) = session(id, theme);
            let first = tape.take();
            assert!(first.len() > BUDGET, "the first frame draws everything");

            assert!(
                session
                    .handle(&mut app, Event::Key(Key::plain(KeyCode::Right)))
                    .unwrap()
            );
            let step = tape.take();
            println!(
                "{id} {theme:?}: first frame {} bytes, one step {} bytes",
                first.len(),
                step.len()
            );
            assert!(
                step.len() <= BUDGET,
                "{id}: a step sent {} bytes",
                step.len()
            );
            assert!(
                step.starts_with(b"\x1b[?2026h"),
                "synchronized update begins"
            );
            assert!(step.ends_with(b"\x1b[?2026l"), "synchronized update ends");

            // Idle: no event, no bytes. Events that change nothing: no bytes.
            assert!(tape.take().is_empty());
            assert!(!session.handle(&mut app, Event::Key(Key::ch('z'))).unwrap());
            let nowhere = Event::Mouse(Mouse {
                kind: MouseKind::Click,
                column: 150,
                row: 40,
            });
            assert!(!session.handle(&mut app, nowhere).unwrap());
            assert_eq!(tape.take().len(), 0, "{id}: idle wrote bytes");
        }
    }
}

#[test]
fn stepping_other_levers_also_fits() {
    let (mut session, mut app, tape) = session("sykefravaer", ThemeKind::Default);
    tape.take();
    // Price changes every chart and the risk table, not just one marker.
    for _ in 0..3 {
        session
            .handle(&mut app, Event::Key(Key::plain(KeyCode::Down)))
            .unwrap();
    }
    tape.take();
    session
        .handle(&mut app, Event::Key(Key::plain(KeyCode::Right)))
        .unwrap();
    let n = tape.take().len();
    println!("price step: {n} bytes");
    assert!(n <= 4 * BUDGET, "a price step sent {n} bytes");
}

/// A 16-colour terminal understands every colour sent: the codes of the
/// 16 ANSI colours (`ESC[36m`), never 256-colour or true-colour ones.
#[test]
fn colours_are_sent_as_the_16_ansi_codes() {
    for theme in [ThemeKind::Default, ThemeKind::HighContrast] {
        let (mut session, mut app, tape) = session("sykefravaer", theme);
        session
            .handle(&mut app, Event::Key(Key::plain(KeyCode::Right)))
            .unwrap();
        let sent = String::from_utf8_lossy(&tape.take()).into_owned();
        for code in ["38;5;", "48;5;", "38;2;", "48;2;"] {
            assert!(!sent.contains(code), "{theme:?} sends {code}");
        }
        assert!(
            sent.contains("\x1b[36m") || sent.contains(";36m") || sent.contains("\x1b[97"),
            "{theme:?}: no 16-colour code at all"
        );
    }
}
