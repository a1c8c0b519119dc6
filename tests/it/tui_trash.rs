//! The trash in the workshop: `v` `x` `y` moves a variant to the trash,
//! Tab in the list shows the deleted ones, Enter restores one into its
//! name or, when that is taken, under another; snapshots of the list of
//! deleted variants. And text from files never draws a control character:
//! planted variants (saved and deleted) and a scenario whose texts carry
//! escape sequences, in the `TestBackend` buffer and in the bytes sent to
//! the terminal.

use std::path::Path;

use effekt::catalog;
use effekt::format::{Lang, is_unsafe};
use effekt::store::{Note, Store, Variant};
use effekt::tui::event::{Key, KeyCode};
use effekt::tui::keymap::Context;
use effekt::tui::view::{InputKind, MessageKind, Mode};
use effekt::tui::{App, Document, Event, Screen, Session, ThemeKind, View};

use crate::common::{
    HOSTILE_NAME, Tape, plant_hostile_variant, saved_variants, screen, temp_dir, trash_file,
    view_buffer,
};

fn app(dir: &Path, size: (u16, u16), lang: Lang) -> App {
    let loaded = catalog::open("sykefravaer").unwrap();
    App::open(loaded.scenario, lang, ThemeKind::Default, size)
        .with_store(Store::at(dir.join("variants")))
        .with_source(loaded.text)
}

fn press(app: &mut App, key: Key) {
    app.handle(Event::Key(key));
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, Key::ch(c));
    }
}

const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);
const TAB: Key = Key::plain(KeyCode::Tab);
const RIGHT: Key = Key::plain(KeyCode::Right);

/// Saves the current levers as `name` through the keys.
fn save_as(app: &mut App, name: &str) {
    press(app, Key::ch('s'));
    keys(app, name);
    press(app, ENTER);
    assert_eq!(app.view.mode, Mode::Normal, "saved: {:?}", app.view.message);
}

fn message(app: &App) -> (MessageKind, String) {
    let m = app.view.message.as_ref().expect("a message");
    (m.kind, m.text.clone())
}

fn deleted_names(app: &App) -> Vec<String> {
    let shelf = &app.doc.as_ref().unwrap().variants;
    shelf
        .deleted
        .iter()
        .map(|d| d.variant.name.clone())
        .collect()
}

fn listed_names(app: &App) -> Vec<String> {
    let shelf = &app.doc.as_ref().unwrap().variants;
    shelf
        .listing
        .iter()
        .map(|v| v.variant.name.clone())
        .collect()
}

/// The screen with the data folder and the times of deletion replaced,
/// keeping the widths, so that a snapshot does not change from run to run.
fn redacted(app: &App, dir: &Path) -> String {
    let mut text = screen(app);
    // The folder is cut to the box's width: replace what shows of it.
    let folder = dir.display().to_string();
    for line in text.clone().lines() {
        if let Some(at) = line.find(&folder[..folder.len().min(20)]) {
            let shown: String = line[at..].chars().take_while(|c| *c != '║').collect();
            let n = shown.chars().count();
            let stand_in: String = "<DATA>"
                .chars()
                .chain(std::iter::repeat(' '))
                .take(n)
                .collect();
            text = text.replacen(&shown, &stand_in, 1);
        }
    }
    // `2026-11-26 13:20` after "slettet"/"deleted".
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("slettet 20").or_else(|| rest.find("deleted 20")) {
        let word = rest[at..].find(' ').unwrap() + 1;
        out.push_str(&rest[..at + word]);
        out.push_str("ÅÅÅÅ-MM-DD tt:mm");
        rest = &rest[at + word + 16..];
    }
    out.push_str(rest);
    out
}

#[test]
fn v_x_y_moves_to_the_trash_and_tab_enter_restores() {
    let dir = temp_dir("tui-trash");
    let mut app = app(&dir, (80, 24), Lang::Nb);
    press(&mut app, RIGHT);
    save_as(&mut app, "Høy effekt");
    keys(&mut app, "v");
    assert_eq!(listed_names(&app), ["Høy effekt"]);
    keys(&mut app, "xy");
    let (kind, text) = message(&app);
    assert_eq!(kind, MessageKind::Info);
    assert!(
        text.contains("Slettet «Høy effekt»") && text.contains("papirkurven"),
        "{text}"
    );
    assert!(saved_variants(&dir, "sykefravaer").is_empty());
    assert_eq!(deleted_names(&app), ["Høy effekt"]);
    assert_eq!(app.view.variant_list, Some(0), "the list stays open");

    // Tab shows the deleted variants, with the keys for them.
    press(&mut app, TAB);
    assert_eq!(app.view.variant_trash, Some(0));
    assert_eq!(app.view.contexts(true), &[Context::Trash, Context::General]);
    let shown = screen(&app);
    assert!(shown.contains("Papirkurven: slettede varianter"), "{shown}");
    assert!(shown.contains("▶ Høy effekt  (slettet 20"), "{shown}");
    assert!(shown.contains("Enter gjenopprett varianten"), "{shown}");
    assert!(shown.contains("eldre enn 30 dager"), "{shown}");

    // Enter restores it into its name, back in the saved list on it.
    press(&mut app, ENTER);
    let (kind, text) = message(&app);
    assert_eq!(
        (kind, text.as_str()),
        (MessageKind::Info, "Gjenopprettet «Høy effekt»")
    );
    assert_eq!(app.view.variant_trash, None);
    assert_eq!(app.view.variant_list, Some(0));
    assert!(deleted_names(&app).is_empty());
    let saved = saved_variants(&dir, "sykefravaer");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, "Høy effekt");
    assert!(!saved[0].levers.is_empty());

    // Esc goes back one step: the trash to the list, the list closed.
    press(&mut app, TAB);
    press(&mut app, ESC);
    assert_eq!(
        (app.view.variant_list, app.view.variant_trash),
        (Some(0), None)
    );
    press(&mut app, ESC);
    assert_eq!(app.view.variant_list, None);
    assert!(!app.quit);
}

#[test]
fn a_taken_name_asks_for_another_and_the_list_keeps_the_selection() {
    let dir = temp_dir("tui-trash-taken");
    let mut app = app(&dir, (160, 45), Lang::En);
    save_as(&mut app, "A");
    save_as(&mut app, "B");
    keys(&mut app, "v");
    keys(&mut app, "xy");
    assert_eq!(deleted_names(&app), ["A"]);
    press(&mut app, ESC);
    press(&mut app, RIGHT);
    save_as(&mut app, "A");

    keys(&mut app, "v");
    press(&mut app, TAB);
    press(&mut app, ENTER);
    // The name is taken: the prompt for another, offering one.
    let Mode::Input(input) = &app.view.mode else {
        panic!("no prompt: {:?}", app.view.mode);
    };
    assert!(matches!(&input.kind, InputKind::RestoreAs { name, .. } if name == "A"));
    assert_eq!(input.hint.as_deref(), Some("A (restored)"));
    assert!(
        input
            .error
            .as_deref()
            .unwrap()
            .contains("A saved variant is called \"A\" now"),
        "{:?}",
        input.error
    );
    // A taken name again: the prompt stays, with the reason.
    keys(&mut app, "B");
    press(&mut app, ENTER);
    let Mode::Input(input) = &app.view.mode else {
        panic!("the prompt closed");
    };
    assert!(
        input.error.as_deref().unwrap().contains("\"B\""),
        "{input:?}"
    );
    // Ctrl+U clears; the hint is taken with Tab.
    press(&mut app, Key::ctrl(KeyCode::Char('u')));
    press(&mut app, TAB);
    press(&mut app, ENTER);
    assert_eq!(app.view.mode, Mode::Normal);
    assert_eq!(message(&app).1, "Restored \"A\" as \"A (restored)\"");
    assert_eq!(listed_names(&app), ["A", "A (restored)", "B"]);
    assert_eq!(app.view.variant_list, Some(1), "on the one restored");
    let restored = saved_variants(&dir, "sykefravaer")
        .into_iter()
        .find(|v| v.name == "A (restored)")
        .unwrap();
    assert!(restored.levers.is_empty(), "the deleted A, not the new one");
    assert!(deleted_names(&app).is_empty());
}

#[test]
fn a_variant_restored_elsewhere_meanwhile_is_said_and_the_trash_shown_as_it_is() {
    let dir = temp_dir("tui-trash-gone");
    let mut app = app(&dir, (80, 24), Lang::Nb);
    save_as(&mut app, "A");
    save_as(&mut app, "B");
    let store = app.store.clone().unwrap();
    store.delete("sykefravaer", "A").unwrap();
    store.delete("sykefravaer", "B").unwrap();
    keys(&mut app, "v");
    press(&mut app, TAB);
    assert_eq!(deleted_names(&app), ["B", "A"]);
    // Another process restores B while this list shows it.
    store.restore("sykefravaer", "B", None).unwrap();
    press(&mut app, ENTER);
    let (kind, text) = message(&app);
    assert_eq!(kind, MessageKind::Warning);
    assert!(text.contains("«B» er ikke lenger i papirkurven"), "{text}");
    assert_eq!(deleted_names(&app), ["A"]);
    assert_eq!(app.view.variant_trash, Some(0));
    assert_eq!(app.view.mode, Mode::Normal);
}

#[test]
fn a_follower_in_a_room_may_not_delete_but_everyone_may_look_and_restore() {
    use effekt::tui::action::Action;
    use effekt::tui::room::{Scope, scope};
    let view = View::new(Lang::Nb, ThemeKind::Default, (80, 24));
    assert_eq!(scope(Action::ListDelete, &view), Scope::Document);
    assert_eq!(scope(Action::ListRestore, &view), Scope::Shared);
    assert_eq!(scope(Action::ListTrash, &view), Scope::View);
}

/// A data folder with two deleted variants and one saved, written with
/// fixed times (the times of deletion are now; [`redacted`] hides them).
fn with_trash(name: &str, size: (u16, u16), lang: Lang) -> (App, std::path::PathBuf) {
    let dir = temp_dir(name);
    let mut app = app(&dir, size, lang);
    let store = app.store.clone().unwrap();
    let loaded = catalog::open("sykefravaer").unwrap();
    for (name, levers, note) in [
        ("Terskel 9,4", &[("threshold.absence", "9.4")][..], None),
        (
            "Høy effekt",
            &[("achievement", "1.1"), ("cofunder_share", "0.3")],
            Some("Rommet ville se mer effekt"),
        ),
        ("KS 30 %", &[("cofunder_share", "0.3")], None),
    ] {
        let mut v = Variant::from_current(name, &loaded, &loaded.scenario);
        v.levers = levers
            .iter()
            .map(|(k, x)| (k.to_string(), x.parse().unwrap()))
            .collect();
        v.notes = note
            .map(|text| Note {
                at: "2026-11-26T10:00:00Z".into(),
                text: text.into(),
            })
            .into_iter()
            .collect();
        v.created = "2026-11-26T10:00:00Z".into();
        v.updated = v.created.clone();
        store.save(&v, false).unwrap();
    }
    store.delete("sykefravaer", "Terskel 9,4").unwrap();
    store.delete("sykefravaer", "Høy effekt").unwrap();
    keys(&mut app, "v");
    press(&mut app, TAB);
    (app, dir)
}

#[test]
fn snapshots_of_the_deleted_variants() {
    let (narrow, dir) = with_trash("snap-trash", (80, 24), Lang::Nb);
    assert_eq!(deleted_names(&narrow), ["Høy effekt", "Terskel 9,4"]);
    insta::assert_snapshot!("sykefravaer_80x24_trash", redacted(&narrow, &dir));
    let (mut wide, dir) = with_trash("snap-trash-en", (160, 45), Lang::En);
    press(&mut wide, Key::ch('j'));
    insta::assert_snapshot!("sykefravaer_160x45_trash_en", redacted(&wide, &dir));
    // Empty: says what the trash is for.
    let dir = temp_dir("snap-trash-empty");
    let mut empty = app(&dir, (80, 24), Lang::Nb);
    keys(&mut empty, "v");
    press(&mut empty, TAB);
    assert!(screen(&empty).contains("Papirkurven er tom."));
    assert!(message(&empty).1.contains("Papirkurven er tom."));
}

#[test]
fn the_help_names_the_trash_keys() {
    let dir = temp_dir("tui-trash-help");
    let mut app = app(&dir, (160, 45), Lang::Nb);
    let line = |seen: &str, key: &str, text: &str| {
        seen.lines().any(|l| {
            l.split(&format!(" {key} "))
                .skip(1)
                .any(|rest| rest.trim_start().starts_with(text))
        })
    };
    // `?` in the list: the list's keys, Tab to the trash among them.
    keys(&mut app, "v?");
    let seen = screen(&app);
    assert!(seen.contains("Variantlisten"), "{seen}");
    assert!(
        line(&seen, "Tab", "vis slettede varianter (papirkurven)"),
        "{seen}"
    );
    // `?` in the trash: its keys.
    press(&mut app, ESC);
    press(&mut app, TAB);
    keys(&mut app, "?");
    let seen = screen(&app);
    assert!(seen.contains("Papirkurven (slettede varianter)"), "{seen}");
    assert!(line(&seen, "Enter", "gjenopprett varianten"), "{seen}");
    assert!(line(&seen, "Tab", "tilbake til de lagrede"), "{seen}");
}

// ------------------------------------------------------------ control characters

/// The cells of a view holding a control or formatting character.
fn unsafe_cells(doc: Option<&Document>, view: &View) -> Vec<(u16, u16, String)> {
    let buf = view_buffer(doc, view);
    let mut bad = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if sym.chars().any(is_unsafe) {
                bad.push((x, y, sym.escape_debug().to_string()));
            }
        }
    }
    bad
}

/// `sykefravaer` with escape sequences in its title, summary, an outcome's
/// name, a party's name (the investor's) and a source's title and note.
fn hostile_scenario() -> (effekt::scenario::Scenario, String) {
    let text = catalog::find_bundled("sykefravaer").unwrap().text;
    let edits = [
        (
            "title = \"Lavere",
            "title = \"\\u001b]0;pwned\\u0007\\u001b[2JLavere",
        ),
        ("name = \"Legemeldt", "name = \"\\u009b31mLegemeldt\\u202e"),
        ("note = \"9,6 %", "note = \"\\u001b[5m9,6 %"),
        ("title = \"NAV:", "title = \"\\u001bcNAV:\\u0008"),
        ("summary = \"\"\"", "summary = \"\"\"\\u001b[2J\\u001b[H"),
        ("investor = \"Sosiale", "investor = \"\\u001b[8mSosiale"),
    ];
    let mut text = text.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    let s = effekt::scenario::parse(&text, "ond.toml").expect("still a scenario");
    assert!(s.info.title.contains('\u{1b}'), "the title carries ESC");
    (s, text)
}

#[test]
fn planted_variants_and_scenario_texts_draw_no_control_characters() {
    let dir = temp_dir("tui-controls");
    plant_hostile_variant(&dir.join("variants/sykefravaer"), "ond.toml");
    plant_hostile_variant(
        &dir.join("variants/.trash/sykefravaer"),
        &trash_file(1, 0, "ond"),
    );
    let (scenario, text) = hostile_scenario();
    for (size, lang) in [((80, 24), Lang::Nb), ((160, 45), Lang::En)] {
        let mut app = App::open(scenario.clone(), lang, ThemeKind::Default, size)
            .with_store(Store::at(dir.join("variants")))
            .with_source(text.clone());
        for screen_ in Screen::ALL {
            app.update(effekt::tui::Action::GoTo(screen_));
            app.complete();
            let bad = unsafe_cells(app.doc.as_ref(), &app.view);
            assert!(bad.is_empty(), "{screen_:?} at {size:?}: {bad:?}");
            app.update(effekt::tui::Action::TogglePresentation);
            let bad = unsafe_cells(app.doc.as_ref(), &app.view);
            assert!(bad.is_empty(), "presenting {screen_:?}: {bad:?}");
            app.update(effekt::tui::Action::TogglePresentation);
        }
        app.update(effekt::tui::Action::GoTo(Screen::Workshop));
        keys(&mut app, "?");
        assert!(unsafe_cells(app.doc.as_ref(), &app.view).is_empty(), "help");
        press(&mut app, ESC);

        // The saved list (with the planted note selected), the trash, the
        // rename prompt with the planted name in its title.
        keys(&mut app, "v");
        assert_eq!(listed_names(&app), [HOSTILE_NAME]);
        let shown = screen(&app);
        assert!(shown.contains("Ond�]0;pwned"), "drawn, marked: {shown}");
        assert!(shown.contains("Notat�[31m rødt"), "{shown}");
        assert!(unsafe_cells(app.doc.as_ref(), &app.view).is_empty());
        press(&mut app, TAB);
        assert_eq!(deleted_names(&app), [HOSTILE_NAME]);
        assert!(screen(&app).contains("Ond�]0;pwned"));
        assert!(unsafe_cells(app.doc.as_ref(), &app.view).is_empty());
        press(&mut app, TAB);
        keys(&mut app, "r");
        assert!(matches!(app.view.mode, Mode::Input(_)));
        assert!(unsafe_cells(app.doc.as_ref(), &app.view).is_empty());
        press(&mut app, ESC);
        // Opening it puts its name in the status line.
        press(&mut app, ENTER);
        assert!(message(&app).1.contains(HOSTILE_NAME));
        assert!(unsafe_cells(app.doc.as_ref(), &app.view).is_empty());
    }
}

#[test]
fn the_bytes_sent_to_the_terminal_carry_none_of_the_planted_sequences() {
    let dir = temp_dir("tui-controls-bytes");
    plant_hostile_variant(&dir.join("variants/sykefravaer"), "ond.toml");
    let (scenario, text) = hostile_scenario();
    let mut app = App::open(scenario, Lang::Nb, ThemeKind::Default, (160, 45))
        .with_store(Store::at(dir.join("variants")))
        .with_source(text);
    let tape = Tape::default();
    let mut session = Session::new(tape.clone(), app.view.size).unwrap();
    session.present(app.doc.as_ref(), &app.view).unwrap();
    for key in [
        Key::ch('v'),
        Key::ch('n'),
        ESC,
        ESC,
        Key::ch('5'),
        Key::plain(KeyCode::End),
        Key::ch('3'),
        Key::ch('1'),
        Key::ch('v'),
        ENTER,
    ] {
        session.handle(&mut app, Event::Key(key)).unwrap();
    }
    let sent = tape.take();
    let sent = String::from_utf8_lossy(&sent);
    assert!(sent.contains("Ond"), "the list was drawn");
    for planted in [
        "\u{1b}]0;pwned",
        "\u{7}",
        "\u{9b}",
        "\u{202e}",
        "\u{1b}[5m",
        "\u{1b}c",
        "\u{8}",
        "\u{1b}[8m",
    ] {
        assert!(
            !sent.contains(planted),
            "{:?} reached the terminal",
            planted.escape_debug().to_string()
        );
    }
}

#[test]
fn a_real_terminal_shows_planted_escape_sequences_harmlessly() {
    use crate::common::{BIN, Tmux, tmux_or_skip};
    use std::time::Duration;

    if !tmux_or_skip() {
        return;
    }
    let long = Duration::from_secs(30);
    let tmux = Tmux::start("trash-controls", 100, 30);
    plant_hostile_variant(&tmux.dir.join("variants/sykefravaer"), "ond.toml");
    plant_hostile_variant(
        &tmux.dir.join("variants/.trash/sykefravaer"),
        &trash_file(1, 0, "ond"),
    );
    let (_, text) = hostile_scenario();
    let file = tmux.dir.join("ond.toml");
    std::fs::write(&file, text).unwrap();
    let title_before = tmux.flag("pane_title");
    tmux.run(&format!("{BIN} {}; echo effekt-exit-$?", file.display()));
    tmux.wait_for("the workshop", long, |s| s.contains("Resultatbetaling"));

    // What a clear screen, a reset or a hidden attribute would wipe: the
    // header, the levers, the list's frame and the planted texts, marked.
    let intact = |s: &str, list: &str| {
        s.lines().next().is_some_and(|l| l.contains("effekt │"))
            && s.contains("Lavere sykefravær")
            && s.contains(list)
            && s.contains("Ond�]0;pwned")
            && s.lines().last().is_some_and(|l| !l.trim().is_empty())
    };
    tmux.keys(&["v"]);
    let screen = tmux.wait_for("the list, intact", long, |s| intact(s, "╔ Varianter"));
    assert!(screen.contains("Notat�[31m rødt"), "{screen}");
    tmux.keys(&["Tab"]);
    tmux.wait_for("the trash, intact", long, |s| intact(s, "╔ Papirkurven"));
    // Its name is refused as a name: Enter asks for another, and the
    // variant comes back under it, with its note.
    tmux.keys(&["Enter"]);
    tmux.wait_for("the prompt for another name", long, |s| {
        s.contains("Gjenopprett som") && s.contains("kontrolltegnet U+001B")
    });
    tmux.keys(&["-l", "Fra papirkurven"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the variant restored", long, |s| {
        s.contains("▶☐ Fra papirkurven") && s.contains("Gjenopprettet")
    });
    let restored = Store::at(tmux.dir.join("variants"))
        .find("sykefravaer", "Fra papirkurven")
        .expect("restored on disk")
        .1;
    assert_eq!(restored.notes.len(), 1);
    // The scenario screen shows the planted sources and summary.
    tmux.keys(&["Escape", "5"]);
    let screen = tmux.wait_for("the scenario screen", long, |s| {
        s.contains("�]0;pwned") && s.lines().next().is_some_and(|l| l.contains("effekt │"))
    });
    assert!(!screen.contains("pwned\u{7}"), "{screen}");
    assert_eq!(
        tmux.flag("pane_title"),
        title_before,
        "the window kept its title"
    );
    // Blink, hidden and reverse were not switched on anywhere.
    let styled = tmux.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]);
    for attr in ["\u{1b}[5m", "\u{1b}[8m"] {
        assert!(!styled.contains(attr), "{attr:?} in the pane");
    }
    tmux.keys(&["q"]);
    tmux.keys(&["q"]);
    tmux.wait_for("the shell again", long, |s| s.contains("effekt-exit-0"));
    assert_eq!(tmux.flag("alternate_on"), "0");
}
