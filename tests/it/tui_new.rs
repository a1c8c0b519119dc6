//! The picker's "new scenario from template" (a dialog for the name and
//! the template; the file written into the user's scenario folder and
//! opened) and the Scenario screen's account of where each number came
//! from (assumptions, sources, missing sources), with snapshots at 80×24
//! and 160×45.

use std::fs;

use effekt::catalog;
use effekt::format::Lang;
use effekt::template::{self, Start};
use effekt::tui::event::{Key, KeyCode};
use effekt::tui::view::{Mode, NewScenario};
use effekt::tui::{Action, App, Event, Screen, ThemeKind};

use super::common::{bundled_entries, screen, temp_dir};

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 45);

/// The picker over the bundled scenarios, keeping its files in `data`.
fn picker(data: &std::path::Path, lang: Lang, size: (u16, u16)) -> App {
    let entries = bundled_entries();
    // Shown under the list; the store decides where files go.
    let folder = "~/.local/share/effekt/scenarios".to_string();
    App::pick(entries, Some(folder), lang, ThemeKind::Default, size)
        .with_store(effekt::store::Store::at(data.join("variants")))
}

fn press(app: &mut App, keys: &[Key]) {
    for k in keys {
        app.handle(Event::Key(*k));
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(Event::Key(Key::ch(c)));
    }
}

fn dialog(app: &App) -> &NewScenario {
    match &app.view.mode {
        Mode::NewScenario(d) => d,
        other => panic!("no dialog: {other:?}"),
    }
}

#[test]
fn n_in_the_picker_writes_a_template_and_opens_it() {
    let data = temp_dir("tui-new");
    let mut app = picker(&data, Lang::Nb, SMALL);
    press(&mut app, &[Key::ch('n')]);
    assert_eq!(dialog(&app), &NewScenario::default());
    typed(&mut app, "Oslo kommune");
    press(&mut app, &[Key::plain(KeyCode::Down)]);
    assert_eq!(dialog(&app).template, 1, "the first bundled scenario");
    press(&mut app, &[Key::plain(KeyCode::Enter)]);
    let path = data.join("scenarios/Oslo kommune.toml");
    let text = fs::read_to_string(&path).expect("written");
    let s = effekt::scenario::parse(&text, "x").expect("valid as written");
    assert_eq!(s.info.id, "oslo_kommune");
    assert_eq!(s.info.title, "Lavere sykefravær i helse og omsorg");
    assert!(text.contains("## Pris per betalbar enhet"), "{text}");
    let doc = app.doc.as_ref().expect("opened");
    assert_eq!(doc.base.info.id, "oslo_kommune");
    assert_eq!(app.view.mode, Mode::Normal);
    let message = app.view.message.as_ref().expect("said").text.clone();
    assert!(message.contains("Oslo kommune.toml"), "{message}");
    // Back in the picker, the new file is listed.
    let p = app.view.picker.as_ref().unwrap();
    assert!(p.entries.iter().any(|e| e.file_name == "Oslo kommune.toml"));
    // The same name again: the file is kept and the dialog says why.
    press(&mut app, &[Key::ch('q')]);
    assert!(app.doc.is_none(), "back in the picker");
    press(&mut app, &[Key::ch('n')]);
    typed(&mut app, "Oslo kommune");
    press(&mut app, &[Key::plain(KeyCode::Enter)]);
    let error = dialog(&app).error.clone().unwrap_or_default();
    assert!(error.contains("i bruk"), "the id is taken: {error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    press(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(app.view.mode, Mode::Normal);
}

#[test]
fn the_last_row_of_the_picker_opens_the_dialog() {
    let data = temp_dir("tui-new-row");
    let mut app = picker(&data, Lang::En, SMALL);
    // Up from the first entry wraps to the row for a new scenario.
    app.update(Action::SelectPrev);
    let p = app.view.picker.as_ref().unwrap();
    assert_eq!(p.selected, p.entries.len());
    app.update(Action::Open);
    assert!(matches!(app.view.mode, Mode::NewScenario(_)));
    // The empty template, in English.
    typed(&mut app, "draft");
    press(&mut app, &[Key::plain(KeyCode::Enter)]);
    let text = fs::read_to_string(data.join("scenarios/draft.toml")).unwrap();
    assert!(text.contains("title = \"New outcome contract\""), "{text}");
    assert!(text.contains("cost = 1_000_000  # source: …"), "{text}");
    assert_eq!(app.doc.as_ref().unwrap().base.info.id, "draft");
}

#[test]
fn names_that_cannot_be_files_are_refused_in_the_dialog() {
    let data = temp_dir("tui-new-refused");
    let mut app = picker(&data, Lang::En, SMALL);
    press(&mut app, &[Key::ch('n'), Key::plain(KeyCode::Enter)]);
    assert_eq!(
        dialog(&app).error.as_deref(),
        Some("Type a name for the file")
    );
    for bad in ["../etc/passwd", ".hidden", "a/b", "a\\b", "what?", "-rf"] {
        press(&mut app, &[Key::ctrl(KeyCode::Char('u'))]);
        typed(&mut app, bad);
        press(&mut app, &[Key::plain(KeyCode::Enter)]);
        let error = dialog(&app).error.clone().unwrap_or_default();
        assert!(error.contains("cannot be a file name"), "{bad}: {error}");
    }
    // The id of a bundled scenario is taken.
    press(&mut app, &[Key::ctrl(KeyCode::Char('u'))]);
    typed(&mut app, "Sykefravaer");
    press(&mut app, &[Key::plain(KeyCode::Enter)]);
    let error = dialog(&app).error.clone().unwrap_or_default();
    assert!(error.contains("\"sykefravaer\" is used"), "{error}");
    // A file of that name exists (another program wrote it): kept.
    fs::create_dir_all(data.join("scenarios")).unwrap();
    fs::write(data.join("scenarios/mine.toml"), "precious").unwrap();
    press(&mut app, &[Key::ctrl(KeyCode::Char('u'))]);
    typed(&mut app, "mine");
    press(&mut app, &[Key::plain(KeyCode::Enter)]);
    let error = dialog(&app).error.clone().unwrap_or_default();
    assert!(error.contains("exists already"), "{error}");
    assert_eq!(
        fs::read_to_string(data.join("scenarios/mine.toml")).unwrap(),
        "precious"
    );
    assert!(app.doc.is_none());
    let names: Vec<_> = fs::read_dir(data.join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["mine.toml"], "nothing else was written");
}

#[test]
fn the_new_scenario_dialog_snapshots() {
    let data = temp_dir("tui-new-snap");
    for (lang, size, tag) in [
        (Lang::Nb, SMALL, "80x24_nb"),
        (Lang::En, LARGE, "160x45_en"),
    ] {
        let mut app = picker(&data, lang, size);
        app.update(Action::SelectPrev);
        insta::assert_snapshot!(format!("picker_new_row_{tag}"), screen(&app));
        press(&mut app, &[Key::plain(KeyCode::Enter)]);
        typed(&mut app, "Bergen");
        press(
            &mut app,
            &[Key::plain(KeyCode::Down), Key::plain(KeyCode::Down)],
        );
        let shown = screen(&app);
        assert!(shown.contains("▶ rekruttering"), "{shown}");
        insta::assert_snapshot!(format!("picker_new_dialog_{tag}"), shown);
    }
}

/// A scenario opened on the Scenario screen, scrolled until the numbers'
/// section starts at the top.
fn at_the_numbers(text: &str, lang: Lang, size: (u16, u16)) -> App {
    let s = effekt::scenario::parse(text, "s.toml").expect("valid");
    let mut app = App::open(s, lang, ThemeKind::Default, size);
    app.update(Action::GoTo(Screen::Scenario));
    let title = match lang {
        Lang::Nb => "Tallene og hvor de kommer fra",
        Lang::En => "The numbers and where they come from",
    };
    for _ in 0..100 {
        if screen(&app)
            .lines()
            .nth(2)
            .is_some_and(|l| l.contains(title))
        {
            return app;
        }
        app.update(Action::Scroll(1));
    }
    panic!("no `{title}` on:\n{}", screen(&app));
}

#[test]
fn the_scenario_screen_says_where_each_number_came_from() {
    let text = catalog::find_bundled("sykefravaer").unwrap().text;
    for (size, tag) in [(SMALL, "80x24"), (LARGE, "160x45")] {
        let app = at_the_numbers(text, Lang::Nb, size);
        let shown = screen(&app);
        assert!(shown.contains("antakelser ·"), "{shown}");
        insta::assert_snapshot!(format!("scenario_numbers_sykefravaer_{tag}"), shown);
    }
    let app = at_the_numbers(text, Lang::En, LARGE);
    let shown = screen(&app);
    for says in [
        "[[outcomes]] Doctor-certified sickness absence",
        "Source: Finansdepartementet R-109",
        "Assumption: 1.0 point lower at every site",
        "20,000,000",
    ] {
        assert!(shown.contains(says), "`{says}` not in:\n{shown}");
    }
    // A new scenario: every number waits for its source.
    let blank = template::render(Lang::Nb, "ny", Start::Empty, 0).unwrap();
    for (size, tag) in [(SMALL, "80x24"), (LARGE, "160x45")] {
        let app = at_the_numbers(&blank, Lang::Nb, size);
        let shown = screen(&app);
        assert!(
            shown.contains("0 antakelser · 0 med kilde · 13 uten kilde"),
            "{shown}"
        );
        assert!(shown.contains("Kilde mangler"), "{shown}");
        insta::assert_snapshot!(format!("scenario_numbers_new_{tag}"), shown);
    }
}
