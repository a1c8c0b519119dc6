//! Questions and prompts are safe, and nothing the room did is lost: keys
//! that move never answer yes (`v`, `x`, `j` in bokmål keeps the variant),
//! Enter and Esc keep what a destructive question would remove, the quit
//! question saves first when asked, name prompts start empty with a hint,
//! Ctrl+U clears, Ctrl+C does what `q` does; unsaved levers of an earlier
//! run are offered on the next start (yes, no, later) and a clean end
//! removes them; the "too small" screen takes only `q`, Esc and Ctrl+C;
//! the help scrolls.

use crate::common::{saved_variants, screen, temp_dir};

use std::path::Path;
use std::str::FromStr;

use effekt::catalog;
use effekt::format::Lang;
use effekt::levers;
use effekt::store::Store;
use effekt::tui::event::{Key, KeyCode, Mods, Mouse, MouseKind};
use effekt::tui::view::{Confirm, InputKind, Mode};
use effekt::tui::{App, Event, PickerEntry, ThemeKind, disk, update};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A pilot open in the workshop, its data folder `dir`, as the binary
/// opens one: looking for unsaved levers of an earlier run first.
fn app(id: &str, dir: &Path, lang: Lang) -> App {
    let loaded = catalog::open(id).unwrap();
    let mut app = App::open(loaded.scenario, lang, ThemeKind::Default, (80, 24))
        .with_store(Store::at(dir.join("variants")))
        .with_source(loaded.text);
    let find = update::opening(app.doc.as_ref().unwrap());
    app.run(find);
    app
}

fn press(app: &mut App, key: Key) -> bool {
    app.handle(Event::Key(key))
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, Key::ch(c));
    }
}

fn ctrl(c: char) -> Key {
    Key::ctrl(KeyCode::Char(c))
}

const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);

fn achievement(app: &App) -> Decimal {
    let doc = app.doc.as_ref().unwrap();
    levers::get(
        &doc.current,
        levers::find(&doc.current, "achievement").unwrap().target,
    )
}

fn recovery_file(dir: &Path, id: &str) -> std::path::PathBuf {
    disk::recovery_path(&Store::at(dir.join("variants")), id)
}

/// Saves the current levers as `name` through the keys.
fn save_as(app: &mut App, name: &str) {
    press(app, Key::ch('s'));
    keys(app, name);
    press(app, ENTER);
    assert_eq!(app.view.mode, Mode::Normal, "saved: {:?}", app.view.message);
}

#[test]
fn v_x_j_in_bokmal_never_deletes_and_enter_or_esc_keep_the_variant() {
    let dir = temp_dir("dialogs-delete");
    let mut app = app("sykefravaer", &dir, Lang::Nb);
    press(&mut app, Key::plain(KeyCode::Left));
    save_as(&mut app, "Lav");
    assert_eq!(saved_variants(&dir, "sykefravaer").len(), 1);

    // `j` (ja) moves down in every list: on the question it does nothing.
    keys(&mut app, "vxj");
    assert_eq!(
        app.view.mode,
        Mode::Confirm(Confirm::DeleteVariant("Lav".into()))
    );
    assert_eq!(
        saved_variants(&dir, "sykefravaer").len(),
        1,
        "`v x j` deleted"
    );
    // Enter is the safe default: no.
    press(&mut app, ENTER);
    assert_eq!(app.view.mode, Mode::Normal);
    assert_eq!(
        saved_variants(&dir, "sykefravaer").len(),
        1,
        "Enter deleted"
    );
    // Esc, `n`, `q` and Ctrl+C are no too.
    for no in [ESC, Key::ch('n'), Key::ch('q'), ctrl('c')] {
        press(&mut app, Key::ch('x'));
        assert!(matches!(app.view.mode, Mode::Confirm(_)));
        for moving in [Key::ch('j'), Key::ch('k'), Key::plain(KeyCode::Down)] {
            assert!(!press(&mut app, moving), "{moving:?} answers nothing");
        }
        press(&mut app, no);
        assert_eq!(app.view.mode, Mode::Normal, "{no:?}");
        assert_eq!(
            saved_variants(&dir, "sykefravaer").len(),
            1,
            "{no:?} deleted"
        );
    }
    assert!(app.view.variant_list.is_some(), "the list stays open");
    // Only the key the question shows deletes: `J` (or `y`).
    press(&mut app, Key::ch('x'));
    let shown = screen(&app);
    assert!(shown.contains("J/y: ja"), "{shown}");
    press(&mut app, Key::ch('J'));
    assert!(saved_variants(&dir, "sykefravaer").is_empty());
}

#[test]
fn the_quit_question_saves_as_a_variant_first() {
    let dir = temp_dir("dialogs-save-first");
    let mut app = app("sykefravaer", &dir, Lang::En);
    press(&mut app, Key::plain(KeyCode::Right));
    // Ctrl+C does what `q` does: changed levers are asked about.
    press(&mut app, ctrl('c'));
    assert_eq!(app.view.mode, Mode::Confirm(Confirm::Quit));
    // Enter is no.
    press(&mut app, ENTER);
    assert!(!app.quit);
    press(&mut app, Key::ch('q'));
    let shown = screen(&app);
    assert!(shown.contains("s: save as a variant first"), "{shown}");
    press(&mut app, Key::ch('s'));
    assert!(matches!(
        &app.view.mode,
        Mode::Input(i) if i.kind == InputKind::SaveName
    ));
    // Cancelling the name goes back to the workshop, not out.
    press(&mut app, ESC);
    assert!(!app.quit && app.view.mode == Mode::Normal);
    press(&mut app, Key::ch('q'));
    press(&mut app, Key::ch('s'));
    keys(&mut app, "Before the meeting");
    press(&mut app, ENTER);
    assert!(app.quit, "quits after a successful save");
    let v = saved_variants(&dir, "sykefravaer");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].name, "Before the meeting");
    assert_eq!(v[0].levers.get("achievement"), Some(&d("1.05")));
}

#[test]
fn save_first_under_a_taken_name_asks_and_then_quits() {
    let dir = temp_dir("dialogs-save-first-taken");
    let mut app = app("sykefravaer", &dir, Lang::En);
    press(&mut app, Key::plain(KeyCode::Right));
    save_as(&mut app, "A");
    // Saved: quitting now loses nothing and asks nothing.
    press(&mut app, Key::ch('q'));
    assert!(app.quit);

    let mut app = self::app("sykefravaer", &dir, Lang::En);
    press(&mut app, Key::plain(KeyCode::Left));
    press(&mut app, Key::ch('q'));
    press(&mut app, Key::ch('s'));
    keys(&mut app, "A");
    press(&mut app, ENTER);
    assert_eq!(
        app.view.mode,
        Mode::Confirm(Confirm::OverwriteVariant("A".into()))
    );
    // Not replaced: the name again, to choose another; still not quit.
    press(&mut app, ESC);
    assert!(matches!(&app.view.mode, Mode::Input(i) if i.text == "A"));
    assert!(!app.quit);
    press(&mut app, ENTER);
    press(&mut app, Key::ch('y'));
    assert!(app.quit);
    assert_eq!(
        saved_variants(&dir, "sykefravaer")[0]
            .levers
            .get("achievement"),
        Some(&d("0.95"))
    );
}

#[test]
fn name_prompts_start_empty_with_a_hint_and_ctrl_u_clears() {
    let dir = temp_dir("dialogs-hint");
    let mut app = app("sykefravaer", &dir, Lang::Nb);
    press(&mut app, Key::plain(KeyCode::Right));
    save_as(&mut app, "Variant A");
    press(&mut app, Key::plain(KeyCode::Right));
    press(&mut app, Key::ch('s'));
    // Typing does not append to the old name.
    keys(&mut app, "B");
    assert!(matches!(&app.view.mode, Mode::Input(i) if i.text == "B"));
    press(&mut app, ctrl('u'));
    assert!(matches!(&app.view.mode, Mode::Input(i) if i.text.is_empty()));
    let shown = screen(&app);
    assert!(
        shown.contains("Variant A  (Tab/→)"),
        "the hint shows:\n{shown}"
    );
    press(&mut app, Key::plain(KeyCode::Tab));
    assert!(matches!(&app.view.mode, Mode::Input(i) if i.text == "Variant A"));
    // → takes the hint only while nothing is typed.
    press(&mut app, ctrl('u'));
    press(&mut app, Key::plain(KeyCode::Right));
    assert!(matches!(&app.view.mode, Mode::Input(i) if i.text == "Variant A"));
    press(&mut app, ESC);
    // Ctrl+U clears the value prompt too.
    press(&mut app, Key::ch('='));
    keys(&mut app, "80");
    press(&mut app, ctrl('u'));
    assert!(matches!(&app.view.mode, Mode::Prompt(p) if p.input.is_empty()));
    // Ctrl+C cancels a prompt.
    press(&mut app, ctrl('c'));
    assert_eq!(app.view.mode, Mode::Normal);
}

/// Leaves unsaved levers in the recovery file as the run loop does on a
/// signal: achievement 110 %.
fn leave_unsaved(dir: &Path) {
    let mut app = app("sykefravaer", dir, Lang::En);
    press(&mut app, Key::plain(KeyCode::Right));
    press(&mut app, Key::plain(KeyCode::Right));
    let store = app.store.clone();
    let path = disk::write_recovery(store.as_ref(), app.doc.as_ref().unwrap())
        .expect("written")
        .expect("something unsaved");
    assert_eq!(path, recovery_file(dir, "sykefravaer"));
}

#[test]
fn unsaved_levers_are_offered_on_the_next_start() {
    let dir = temp_dir("dialogs-restore");
    leave_unsaved(&dir);
    let mut app = app("sykefravaer", &dir, Lang::En);
    assert!(matches!(app.view.mode, Mode::Confirm(Confirm::Restore(_))));
    let shown = screen(&app);
    assert!(
        shown.contains("Restore unsaved changes from") && shown.contains("(1 lever)"),
        "{shown}"
    );
    assert_eq!(achievement(&app), d("1"));
    // `j` answers nothing; Enter restores, as one change `u` undoes.
    assert!(!press(&mut app, Key::ch('j')));
    press(&mut app, ENTER);
    assert_eq!(achievement(&app), d("1.1"));
    press(&mut app, Key::ch('u'));
    assert_eq!(achievement(&app), d("1"));
    press(&mut app, Key::ctrl(KeyCode::Char('r')));
    assert_eq!(achievement(&app), d("1.1"));
    // The file stays until the changes are given up on purpose.
    assert!(recovery_file(&dir, "sykefravaer").exists());
    press(&mut app, Key::ch('q'));
    press(&mut app, Key::ch('y'));
    assert!(app.quit);
    assert!(!recovery_file(&dir, "sykefravaer").exists(), "a clean quit");
    // Nothing left to offer.
    let app = self::app("sykefravaer", &dir, Lang::En);
    assert_eq!(app.view.mode, Mode::Normal);
}

#[test]
fn the_offer_put_off_comes_back_and_no_discards_it() {
    let dir = temp_dir("dialogs-restore-later");
    leave_unsaved(&dir);
    let mut app = app("sykefravaer", &dir, Lang::Nb);
    let shown = screen(&app);
    assert!(
        shown.contains("Gjenopprett ulagrede endringer fra"),
        "{shown}"
    );
    // Esc: later. Quitting cleanly does not remove what was not answered.
    press(&mut app, ESC);
    assert_eq!(achievement(&app), d("1"));
    press(&mut app, Key::ch('q'));
    assert!(app.quit);
    assert!(recovery_file(&dir, "sykefravaer").exists());
    // `n`: discarded.
    let mut app = self::app("sykefravaer", &dir, Lang::Nb);
    assert!(matches!(app.view.mode, Mode::Confirm(Confirm::Restore(_))));
    press(&mut app, Key::ch('n'));
    assert_eq!(achievement(&app), d("1"));
    assert!(!recovery_file(&dir, "sykefravaer").exists());
}

#[test]
fn a_newer_recovery_file_is_not_removed_by_an_older_run() {
    let dir = temp_dir("dialogs-restore-newer");
    leave_unsaved(&dir);
    let mut app = app("sykefravaer", &dir, Lang::En);
    press(&mut app, Key::ch('y'));
    // Another run writes its own unsaved levers meanwhile.
    let mut other = self::app("sykefravaer", &dir, Lang::En);
    press(&mut other, Key::ch('n'));
    press(&mut other, Key::plain(KeyCode::Left));
    let store = other.store.clone();
    disk::write_recovery(store.as_ref(), other.doc.as_ref().unwrap()).unwrap();
    let newer = std::fs::read_to_string(recovery_file(&dir, "sykefravaer")).unwrap();
    press(&mut app, Key::ch('q'));
    press(&mut app, Key::ch('y'));
    assert!(app.quit);
    let now = std::fs::read_to_string(recovery_file(&dir, "sykefravaer")).unwrap();
    assert_eq!(now, newer, "the other run's changes are kept");
}

#[test]
fn a_broken_or_strange_recovery_file_is_reported_and_left_alone() {
    let dir = temp_dir("dialogs-restore-broken");
    let path = recovery_file(&dir, "sykefravaer");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "format = 1\nname = [\n").unwrap();
    let app = app("sykefravaer", &dir, Lang::En);
    assert_eq!(app.view.mode, Mode::Normal);
    let m = app.view.message.as_ref().expect("a message");
    assert!(m.text.contains("cannot be read"), "{}", m.text);
    assert!(
        m.text.contains("sykefravaer.toml"),
        "names the file: {}",
        m.text
    );
    assert!(path.exists());
    // A FIFO where the file should be: reported, never opened to wait.
    #[cfg(unix)]
    {
        std::fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if made.is_ok_and(|s| s.success()) {
            let app = self::app("sykefravaer", &dir, Lang::En);
            let m = app.view.message.as_ref().expect("a message");
            assert!(m.text.contains("not a regular file"), "{}", m.text);
        }
    }
}

#[test]
fn the_too_small_screen_takes_only_q_esc_and_ctrl_c() {
    let dir = temp_dir("dialogs-too-small");
    let mut app = app("sykefravaer", &dir, Lang::En);
    press(&mut app, Key::plain(KeyCode::Right));
    app.handle(Event::Resize(50, 15));
    let before = achievement(&app);
    for key in [
        Key::plain(KeyCode::Right),
        Key::ch('R'),
        Key::ch('s'),
        Key::ch('?'),
        Key::ch('j'),
        ENTER,
    ] {
        assert!(!press(&mut app, key), "{key:?} acted unseen");
    }
    let wheel = Event::Mouse(Mouse {
        kind: MouseKind::ScrollUp,
        column: 10,
        row: 5,
    });
    assert!(!app.handle(wheel));
    assert_eq!(achievement(&app), before);
    assert_eq!(app.view.mode, Mode::Normal);
    // Resizing back shows the workshop as it was.
    app.handle(Event::Resize(80, 24));
    assert!(screen(&app).contains("Key figures"));
    app.handle(Event::Resize(59, 24));
    // `q` quits at once (no question can show), keeping the changes.
    press(&mut app, Key::ch('q'));
    assert!(app.quit);
    let kept = std::fs::read_to_string(recovery_file(&dir, "sykefravaer")).unwrap();
    assert!(kept.contains("achievement = \"1.05\""), "{kept}");
}

#[test]
fn help_scrolls_at_60x20_and_any_other_key_closes_it() {
    let dir = temp_dir("dialogs-help");
    let mut app = app("sykefravaer", &dir, Lang::En);
    app.handle(Event::Resize(60, 20));
    press(&mut app, Key::ch('?'));
    let top = screen(&app);
    assert!(top.contains("Levers"), "{top}");
    assert!(
        !top.contains("back or quit"),
        "the last keys are below:\n{top}"
    );
    press(&mut app, Key::plain(KeyCode::Down));
    assert_eq!(app.view.scroll.help, 1);
    press(&mut app, Key::plain(KeyCode::End));
    let bottom = screen(&app);
    assert!(bottom.contains("back or quit"), "{bottom}");
    assert!(!bottom.contains("one step up"), "{bottom}");
    let end = app.view.scroll.help;
    press(&mut app, Key::plain(KeyCode::Down));
    assert_eq!(app.view.scroll.help, end, "stops at the end");
    press(&mut app, Key::plain(KeyCode::PageUp));
    assert!(app.view.scroll.help < end);
    press(&mut app, Key::plain(KeyCode::Home));
    assert_eq!(app.view.scroll.help, 0);
    press(&mut app, Key::ch('x'));
    assert_eq!(app.view.mode, Mode::Normal);
    // Opened again, it starts at the top.
    press(&mut app, Key::ch('?'));
    press(&mut app, Key::plain(KeyCode::End));
    press(&mut app, ESC);
    press(&mut app, Key::ch('?'));
    assert_eq!(app.view.scroll.help, 0);
    // In the picker too.
    let entries = catalog::BUNDLED
        .iter()
        .map(|b| {
            PickerEntry::from_catalog(catalog::Entry {
                origin: catalog::Origin::Bundled(b.file_name),
                text: b.text.to_string(),
                result: Ok(catalog::load_bundled(b).scenario),
            })
        })
        .collect();
    let mut picker = App::pick(entries, None, Lang::En, ThemeKind::Default, (60, 20));
    press(&mut picker, Key::ch('?'));
    press(&mut picker, Key::plain(KeyCode::Down));
    assert_eq!(picker.view.mode, Mode::Help);
}

#[test]
fn ctrl_c_in_the_picker_quits_and_alt_keys_do_not_answer() {
    let entries: Vec<PickerEntry> = Vec::new();
    let mut app = App::pick(entries, None, Lang::Nb, ThemeKind::Default, (80, 24));
    let alt_y = Key {
        code: KeyCode::Char('y'),
        mods: Mods {
            alt: true,
            ..Mods::NONE
        },
    };
    assert!(!press(&mut app, alt_y));
    press(&mut app, ctrl('c'));
    assert!(app.quit);
}
