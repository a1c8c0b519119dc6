//! Variants in the workshop: save (`s`), the list (`v`), notes (`n`),
//! compare (`c`), export (`e`), and what happens when the disk says no.

use crate::common::{saved_variants, screen, temp_dir};

use std::path::Path;
use std::str::FromStr;

use effekt::catalog;
use effekt::format::Lang;
use effekt::levers;
use effekt::store::{self, Note, Store, Variant};
use effekt::tui::view::{Answer, Confirm, MessageKind, Mode, TextInput};
use effekt::tui::{Action, App, Screen, ThemeKind};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A pilot open in the workshop with its variants in `dir`.
fn app(id: &str, dir: &Path, size: (u16, u16), lang: Lang) -> App {
    let loaded = catalog::open(id).unwrap();
    App::open(loaded.scenario, lang, ThemeKind::Default, size)
        .with_store(Store::at(dir.join("variants")))
        .with_source(loaded.text)
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::PromptChar(c));
    }
    app.update(Action::PromptAccept);
}

fn select(app: &mut App, id: &str) {
    let i = app
        .doc
        .as_ref()
        .unwrap()
        .levers
        .iter()
        .position(|l| l.id == id)
        .unwrap();
    app.update(Action::Select(i));
}

fn value(app: &App, id: &str) -> Decimal {
    let ws = app.doc.as_ref().unwrap();
    levers::get(&ws.current, levers::find(&ws.current, id).unwrap().target)
}

fn shelf(app: &App) -> &effekt::tui::variants::Shelf {
    &app.doc.as_ref().unwrap().variants
}

fn message(app: &App) -> (MessageKind, String) {
    let m = app.view.message.as_ref().expect("a message");
    (m.kind, m.text.clone())
}

/// The open name or note prompt.
fn input(app: &App) -> &TextInput {
    match &app.view.mode {
        Mode::Input(input) => input,
        other => panic!("no text prompt: {other:?}"),
    }
}

#[test]
fn save_asks_for_a_name_and_writes_the_changed_levers() {
    let dir = temp_dir("save");
    let mut app = app("sykefravaer", &dir, (160, 45), Lang::Nb);
    select(&mut app, "achievement");
    app.update(Action::Step(-4));
    app.update(Action::SaveVariant);
    assert!(matches!(app.view.mode, Mode::Input(_)));
    // An empty name is refused and the prompt stays open.
    app.update(Action::PromptAccept);
    assert!(input(&app).error.is_some());
    typed(&mut app, "Lav effekt");
    assert!(!matches!(app.view.mode, Mode::Input(_)));
    let (kind, text) = message(&app);
    assert_eq!(kind, MessageKind::Info);
    assert!(text.contains("Lagret «Lav effekt»"), "{text}");
    let variants = saved_variants(&dir, "sykefravaer");
    assert_eq!(variants.len(), 1);
    assert_eq!(variants[0].levers.get("achievement"), Some(&d("0.8")));
    let hash = store::scenario_hash(catalog::find_bundled("sykefravaer").unwrap().text);
    assert_eq!(variants[0].scenario_hash, hash);
}

#[test]
fn saving_over_a_name_asks_first() {
    let dir = temp_dir("overwrite");
    let mut app = app("sykefravaer", &dir, (160, 45), Lang::En);
    app.update(Action::SaveVariant);
    typed(&mut app, "A");
    select(&mut app, "cofunder_share");
    app.update(Action::Step(1));
    app.update(Action::SaveVariant);
    // The prompt starts empty and offers the open variant's name: Tab or
    // → takes it.
    assert_eq!(input(&app).text, "");
    assert_eq!(input(&app).hint.as_deref(), Some("A"));
    app.update(Action::PromptHint);
    assert_eq!(input(&app).text, "A");
    app.update(Action::PromptAccept);
    assert_eq!(
        app.view.mode,
        Mode::Confirm(Confirm::OverwriteVariant("A".into()))
    );
    // Not replaced: back to the name, to choose another.
    app.update(Action::Confirm(Answer::No));
    assert!(saved_variants(&dir, "sykefravaer")[0].levers.is_empty());
    assert_eq!(input(&app).text, "A");
    app.update(Action::PromptAccept);
    app.update(Action::Confirm(Answer::Yes));
    let v = saved_variants(&dir, "sykefravaer");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].levers.get("cofunder_share"), Some(&d("0.25")));
}

#[test]
fn the_list_opens_renames_copies_and_deletes() {
    let dir = temp_dir("list");
    let mut app = app("rekruttering", &dir, (160, 45), Lang::Nb);
    select(&mut app, "achievement");
    app.update(Action::Step(-10));
    app.update(Action::SaveVariant);
    typed(&mut app, "Halv effekt");
    app.update(Action::ResetAll);
    assert_eq!(value(&app, "achievement"), d("1"));

    app.update(Action::OpenVariants);
    assert_eq!(app.view.variant_list, Some(0));
    assert_eq!(shelf(&app).listing.len(), 1);
    app.update(Action::ListOpen);
    assert!(app.view.variant_list.is_none());
    assert_eq!(value(&app, "achievement"), d("0.5"));
    app.update(Action::Undo);
    assert_eq!(value(&app, "achievement"), d("1"));

    app.update(Action::OpenVariants);
    app.update(Action::ListRename);
    assert_eq!(input(&app).hint.as_deref(), Some("Halv effekt"));
    app.update(Action::PromptHint);
    assert_eq!(input(&app).text, "Halv effekt");
    for _ in 0.."effekt".len() {
        app.update(Action::PromptBackspace);
    }
    typed(&mut app, "innsats");
    app.update(Action::ListDuplicate);
    app.update(Action::PromptHint);
    typed(&mut app, "");
    let names: Vec<String> = saved_variants(&dir, "rekruttering")
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(names, ["Halv innsats", "Halv innsats (kopi)"]);
    assert_eq!(shelf(&app).listing.len(), 2);

    app.update(Action::ListNext);
    app.update(Action::ListDelete);
    assert_eq!(
        app.view.mode,
        Mode::Confirm(Confirm::DeleteVariant("Halv innsats (kopi)".into()))
    );
    app.update(Action::Confirm(Answer::Yes));
    assert_eq!(saved_variants(&dir, "rekruttering").len(), 1);
    assert!(app.view.variant_list.is_some(), "the list stays open");
    assert_eq!(shelf(&app).listing.len(), 1);
    app.update(Action::ListClose);
    assert!(app.view.variant_list.is_none());
}

#[test]
fn notes_belong_to_a_variant() {
    let dir = temp_dir("notes");
    let mut app = app("sykefravaer", &dir, (160, 45), Lang::Nb);
    app.update(Action::AddNote);
    assert!(!matches!(app.view.mode, Mode::Input(_)));
    assert_eq!(message(&app).0, MessageKind::Warning);
    app.update(Action::SaveVariant);
    typed(&mut app, "Grunnlag");
    app.update(Action::AddNote);
    typed(&mut app, "KS sjekker budsjettet før neste møte");
    let v = &saved_variants(&dir, "sykefravaer")[0];
    assert_eq!(v.notes.len(), 1);
    assert_eq!(v.notes[0].text, "KS sjekker budsjettet før neste møte");
}

#[test]
fn compare_shows_the_base_and_the_picked_variants() {
    let dir = temp_dir("compare");
    let mut app = app("sykefravaer", &dir, (160, 45), Lang::Nb);
    for (name, lever, steps) in [
        ("A", "cofunder_share", 1),
        ("B", "achievement", -2),
        ("C", "return_cap", -2),
    ] {
        select(&mut app, lever);
        app.update(Action::Step(steps));
        app.update(Action::SaveVariant);
        app.update(Action::PromptBackspace);
        typed(&mut app, name);
        app.update(Action::ResetAll);
    }
    app.update(Action::GoTo(Screen::Compare));
    let cols = shelf(&app).columns.clone().unwrap();
    assert_eq!(cols.len(), 4);
    assert_eq!(cols[0].name, None);
    let names: Vec<_> = cols[1..].iter().map(|c| c.name.clone().unwrap()).collect();
    assert_eq!(names, ["A", "B", "C"]);
    // Each column's figures are the model's for that variant.
    let b = levers::set(&cols[0].scenario, "achievement", d("0.9")).unwrap();
    assert_eq!(cols[2].figures, effekt::model::figures(&b));

    // Pick only C in the list: the comparison shows base and C.
    app.update(Action::OpenVariants);
    app.update(Action::ListNext);
    app.update(Action::ListNext);
    app.update(Action::ListToggleCompare);
    app.update(Action::ListClose);
    let cols = shelf(&app).columns.clone().unwrap();
    assert_eq!(cols.len(), 2);
    assert_eq!(cols[1].name.as_deref(), Some("C"));
}

#[test]
fn compare_scrolling_stops_at_the_last_row_and_column() {
    let dir = temp_dir("compare-scroll");
    let mut app = app("sykefravaer", &dir, (80, 24), Lang::Nb);
    for name in ["A", "B", "C", "D"] {
        app.update(Action::SaveVariant);
        app.update(Action::PromptBackspace);
        typed(&mut app, name);
        select(&mut app, "achievement");
        app.update(Action::Step(-1));
    }
    app.update(Action::GoTo(Screen::Compare));
    let ws = app.doc.as_ref().unwrap();
    let (rows, cols) = effekt::tui::ui::compare::max_scroll(ws, &app.view);
    assert!(rows > 20, "{rows}");
    // Base + 4 variants do not fit 80 columns: some scroll sideways.
    assert!(cols >= 1, "{cols}");
    app.update(Action::ScrollBottom);
    assert_eq!(app.view.scroll.compare_row, rows);
    app.update(Action::Scroll(-1));
    assert_eq!(app.view.scroll.compare_row, rows - 1);
    for _ in 0..10 {
        app.update(Action::ScrollColumns(1));
    }
    assert_eq!(app.view.scroll.compare_col, cols);
    app.update(Action::ScrollColumns(-1));
    assert_eq!(app.view.scroll.compare_col, cols - 1);
}

#[test]
fn export_writes_a_report_and_says_where() {
    let dir = temp_dir("export");
    let mut app = app("sykefravaer", &dir, (160, 45), Lang::En);
    app.update(Action::SaveVariant);
    typed(&mut app, "Saved one");
    select(&mut app, "achievement");
    app.update(Action::Step(-2));
    app.update(Action::ExportReport);
    let (kind, text) = message(&app);
    assert_eq!(kind, MessageKind::Info, "{text}");
    let path = text.strip_prefix("Report written: ").expect(&text);
    let md = std::fs::read_to_string(path).unwrap();
    assert!(
        path.starts_with(dir.join("reports").to_str().unwrap()),
        "{path}"
    );
    assert!(
        md.contains("| Base scenario | Saved one | Saved one (changed, not saved) |"),
        "{md}"
    );
    assert!(md.contains("**90.0%**"));
}

#[test]
fn an_unwritable_folder_is_reported_and_the_app_goes_on() {
    let dir = temp_dir("unwritable");
    std::fs::write(dir.join("blocker"), "x").unwrap();
    let mut app = app("sykefravaer", &dir, (80, 24), Lang::Nb);
    app.store = Some(Store::at(dir.join("blocker").join("variants")));
    app.update(Action::SaveVariant);
    typed(&mut app, "Umulig");
    let (kind, text) = message(&app);
    assert_eq!(kind, MessageKind::Error);
    // In bokmål through and through, with the path.
    assert!(
        text.starts_with("Kunne ikke lagre: kan ikke skrive til") && text.contains("blocker"),
        "{text}"
    );
    // The prompt stays open with the reason; Esc closes it; levers still move.
    assert!(input(&app).error.is_some());
    app.update(Action::PromptCancel);
    app.update(Action::Step(1));
    assert!(!app.quit);
    assert_eq!(value(&app, "achievement"), d("1.05"));
}

fn fixed_variant(name: &str, levers: &[(&str, &str)], note: Option<&str>, hash: &str) -> Variant {
    Variant {
        name: name.into(),
        scenario_id: String::new(),
        scenario_hash: hash.into(),
        levers: levers.iter().map(|(k, v)| (k.to_string(), d(v))).collect(),
        notes: note
            .map(|n| {
                vec![Note {
                    at: "2026-11-26T10:00:00Z".into(),
                    text: n.into(),
                }]
            })
            .unwrap_or_default(),
        created: "2026-11-26T10:00:00Z".into(),
        updated: "2026-11-26T10:00:00Z".into(),
    }
}

#[test]
fn corrupt_and_changed_variants_are_shown_not_fatal() {
    let dir = temp_dir("corrupt");
    let mut app = app("sykefravaer", &dir, (80, 24), Lang::En);
    let store = app.store.clone().unwrap();
    let mut old = fixed_variant(
        "Old",
        &[("achievement", "0.7"), ("price.gone", "1")],
        None,
        "sha256:old",
    );
    old.scenario_id = "sykefravaer".into();
    store.save(&old, false).unwrap();
    std::fs::write(dir.join("variants/sykefravaer/broken.toml"), "name = [").unwrap();
    app.update(Action::OpenVariants);
    assert_eq!(app.view.variant_list, Some(0));
    let list = shelf(&app);
    assert_eq!(list.listing.len(), 1);
    assert!(list.listing[0].scenario_changed);
    assert_eq!(list.problems.len(), 1);
    app.update(Action::ListOpen);
    let (kind, text) = message(&app);
    assert_eq!(kind, MessageKind::Warning);
    assert!(
        text.contains("changed since") && text.contains("price.gone"),
        "{text}"
    );
    assert_eq!(value(&app, "achievement"), d("0.7"));
    assert_eq!(
        std::fs::read_to_string(dir.join("variants/sykefravaer/broken.toml")).unwrap(),
        "name = ["
    );
}

/// A pilot with two saved variants, written with fixed times so that
/// snapshots do not change.
fn with_variants(id: &str, name: &str, size: (u16, u16), lang: Lang) -> App {
    let dir = temp_dir(name);
    let app = app(id, &dir, size, lang);
    let store = app.store.clone().unwrap();
    let hash = store::scenario_hash(catalog::find_bundled(id).unwrap().text);
    type Levers<'a> = &'a [(&'a str, &'a str)];
    let (a, b): (Levers, Levers) = if id == "sykefravaer" {
        (
            &[("threshold.absence", "9.4")],
            &[("cofunder_share", "0.3"), ("return_cap", "0.05")],
        )
    } else {
        (&[("achievement", "0.5")], &[("price.job_kept", "150000")])
    };
    for (n, levers, note) in [
        ("Terskel 9,4", a, Some("Rommet vil prøve lavere terskel")),
        ("KS 30 %", b, None),
    ] {
        let mut v = fixed_variant(n, levers, note, &hash);
        v.scenario_id = id.into();
        store.save(&v, false).unwrap();
    }
    app
}

#[test]
fn snapshots_of_compare_list_and_prompt() {
    for id in ["sykefravaer", "rekruttering"] {
        for (size, tag) in [((80, 24), "80x24"), ((160, 45), "160x45")] {
            let mut app = with_variants(id, &format!("snap-{id}-{tag}"), size, Lang::Nb);
            app.update(Action::GoTo(Screen::Compare));
            insta::assert_snapshot!(format!("{id}_{tag}_compare"), screen(&app));
            if size.0 == 80 {
                app.update(Action::Page(1));
                insta::assert_snapshot!(format!("{id}_{tag}_compare_scrolled"), screen(&app));
                app.update(Action::CompareMetric);
                insta::assert_snapshot!(format!("{id}_{tag}_compare_chart"), screen(&app));
            }
        }
    }
    // The list names its folder, a temporary one here: replaced by <DATA>.
    let redacted = |app: &App| {
        let dir = app.store.as_ref().unwrap().dir().display().to_string();
        // The padding after the folder varies with its length: cut it too.
        screen(app)
            .replace(&dir, "<DATA>")
            .lines()
            .map(|l| match l.split_once("<DATA>") {
                Some((head, tail)) => format!("{head}<DATA> {}", tail.trim_start()),
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut app = with_variants("sykefravaer", "snap-list", (80, 24), Lang::Nb);
    app.update(Action::OpenVariants);
    app.update(Action::ListNext);
    insta::assert_snapshot!("sykefravaer_80x24_variant_list", redacted(&app));
    let mut app = with_variants("sykefravaer", "snap-list-en", (160, 45), Lang::En);
    app.update(Action::OpenVariants);
    insta::assert_snapshot!("sykefravaer_160x45_variant_list_en", redacted(&app));
    app.update(Action::ListClose);
    app.update(Action::SaveVariant);
    for c in "Terskel".chars() {
        app.update(Action::PromptChar(c));
    }
    insta::assert_snapshot!("sykefravaer_160x45_save_prompt_en", screen(&app));
}
