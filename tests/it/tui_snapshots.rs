//! Whole-screen snapshots of the workshop TUI, drawn into ratatui's
//! `TestBackend` after a sequence of actions. Review changes with
//! `INSTA_UPDATE=always cargo test --test tui_snapshots` and `git diff`.

use crate::common::{buffer, bundled_entries, screen};

use effekt::catalog::{self, Entry, Origin};
use effekt::format::Lang;
use effekt::scenario;
use effekt::tui::{Action, App, PickerEntry, Screen, ThemeKind};
use ratatui::style::Modifier;

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 45);

fn open(id: &str, lang: Lang, theme: ThemeKind, size: (u16, u16)) -> App {
    let loaded = catalog::open(id).expect("bundled scenario");
    App::open(loaded.scenario, lang, theme, size)
}

fn nb(id: &str, size: (u16, u16)) -> App {
    open(id, Lang::Nb, ThemeKind::Default, size)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

/// The screen's attributes: `R` reversed, `B` bold, `U` underlined, `.` none.
fn attributes(app: &App) -> String {
    let buf = buffer(app);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            let m = buf[(x, y)].modifier;
            line.push(if m.contains(Modifier::REVERSED) {
                'R'
            } else if m.contains(Modifier::BOLD) {
                'B'
            } else if m.contains(Modifier::UNDERLINED) {
                'U'
            } else {
                '.'
            });
        }
        out.push_str(line.trim_end_matches('.'));
        out.push('\n');
    }
    out
}

/// A few steps of the achievement lever, so changes and marks show.
const STEPS: [Action; 2] = [Action::Step(-1), Action::Step(-1)];

fn picker(lang: Lang, size: (u16, u16)) -> App {
    let mut entries = bundled_entries();
    let broken = scenario::parse("format = 1\n[scenario]\nid = \"x\"\n", "mitt_utkast.toml");
    entries.push(PickerEntry::from_catalog(Entry {
        origin: Origin::File("mitt_utkast.toml".into()),
        text: String::new(),
        result: broken.map(|_| unreachable!("the draft is broken")),
    }));
    App::pick(entries, None, lang, ThemeKind::Default, size)
}

#[test]
fn picker_screens() {
    insta::assert_snapshot!("picker_80x24_nb", screen(&picker(Lang::Nb, SMALL)));
    let mut app = picker(Lang::Nb, LARGE);
    run(&mut app, &[Action::SelectNext]);
    insta::assert_snapshot!("picker_160x45_nb", screen(&app));
    insta::assert_snapshot!("picker_80x24_en", screen(&picker(Lang::En, SMALL)));
}

fn all_screens(id: &str, size: (u16, u16)) {
    let tag = format!("{id}_{}x{}", size.0, size.1);
    let mut app = nb(id, size);
    insta::assert_snapshot!(format!("{tag}_workshop_start"), screen(&app));
    run(&mut app, &STEPS);
    insta::assert_snapshot!(format!("{tag}_workshop_stepped"), screen(&app));
    for s in [
        Screen::Risk,
        Screen::Flows,
        Screen::Compare,
        Screen::Scenario,
    ] {
        run(&mut app, &[Action::GoTo(s)]);
        insta::assert_snapshot!(format!("{tag}_{s:?}").to_lowercase(), screen(&app));
    }
    run(
        &mut app,
        &[Action::GoTo(Screen::Workshop), Action::ToggleHelp],
    );
    insta::assert_snapshot!(format!("{tag}_help"), screen(&app));
}

#[test]
fn sykefravaer_small() {
    all_screens("sykefravaer", SMALL);
}

#[test]
fn sykefravaer_large() {
    all_screens("sykefravaer", LARGE);
}

#[test]
fn rekruttering_small() {
    all_screens("rekruttering", SMALL);
}

#[test]
fn rekruttering_large() {
    all_screens("rekruttering", LARGE);
}

#[test]
fn presentation_mode() {
    for (id, size) in [
        ("sykefravaer", SMALL),
        ("sykefravaer", LARGE),
        ("rekruttering", LARGE),
        ("sykefravaer", (200, 60)),
    ] {
        let mut app = nb(id, size);
        run(&mut app, &[Action::TogglePresentation, Action::Step(-2)]);
        insta::assert_snapshot!(
            format!("{id}_{}x{}_presentation", size.0, size.1),
            screen(&app)
        );
    }
}

/// Presentation mode's second page (Tab): the risk table with its flags,
/// in large digits where they fit, in both languages.
#[test]
fn presentation_risk_table() {
    for (id, size, lang) in [
        ("sykefravaer", SMALL, Lang::Nb),
        ("sykefravaer", SMALL, Lang::En),
        ("sykefravaer", LARGE, Lang::Nb),
        ("sykefravaer", LARGE, Lang::En),
        ("rekruttering", LARGE, Lang::Nb),
        ("sykefravaer", (200, 60), Lang::Nb),
        ("sykefravaer", SMALLEST, Lang::Nb),
    ] {
        let mut app = open(id, lang, ThemeKind::Default, size);
        run(
            &mut app,
            &[
                Action::TogglePresentation,
                Action::PresentationPage,
                Action::Step(-2),
            ],
        );
        let tag = match lang {
            Lang::Nb => "nb",
            Lang::En => "en",
        };
        insta::assert_snapshot!(
            format!("{id}_{}x{}_presentation_table_{tag}", size.0, size.1),
            screen(&app)
        );
    }
}

/// The budget screen (7) at 80×24 and 160×45 in both languages, and
/// scrolled to its end at 80×24.
#[test]
fn budget_screen() {
    for (id, size, lang) in [
        ("sykefravaer", SMALL, Lang::Nb),
        ("sykefravaer", SMALL, Lang::En),
        ("sykefravaer", LARGE, Lang::Nb),
        ("sykefravaer", LARGE, Lang::En),
        ("rekruttering", SMALL, Lang::Nb),
        ("finland_tyhy", SMALL, Lang::En),
        ("sykefravaer", SMALLEST, Lang::Nb),
    ] {
        let mut app = open(id, lang, ThemeKind::Default, size);
        run(&mut app, &[Action::Step(-2), Action::GoTo(Screen::Budget)]);
        let tag = match lang {
            Lang::Nb => "nb",
            Lang::En => "en",
        };
        insta::assert_snapshot!(
            format!("{id}_{}x{}_budget_{tag}", size.0, size.1),
            screen(&app)
        );
    }
    let mut app = nb("sykefravaer", SMALL);
    run(
        &mut app,
        &[Action::GoTo(Screen::Budget), Action::ScrollBottom],
    );
    insta::assert_snapshot!("sykefravaer_80x24_budget_end", screen(&app));
}

#[test]
fn monochrome_theme_keeps_selection_visible() {
    let mut app = open("sykefravaer", Lang::Nb, ThemeKind::Mono, SMALL);
    run(&mut app, &[Action::SelectNext, Action::Step(1)]);
    let text = format!("{}\n{}", screen(&app), attributes(&app));
    insta::assert_snapshot!("sykefravaer_80x24_mono", text);
    let buf = buffer(&app);
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "no colour in mono");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "no colour in mono");
    }
}

#[test]
fn english() {
    for size in [SMALL, LARGE] {
        let mut app = open("sykefravaer", Lang::En, ThemeKind::Default, size);
        run(&mut app, &STEPS);
        insta::assert_snapshot!(
            format!("sykefravaer_{}x{}_en", size.0, size.1),
            screen(&app)
        );
    }
    let mut app = open("rekruttering", Lang::En, ThemeKind::Default, SMALL);
    run(&mut app, &[Action::GoTo(Screen::Risk)]);
    insta::assert_snapshot!("rekruttering_80x24_en_risk", screen(&app));
}

#[test]
fn prompt_confirm_and_messages() {
    let mut app = nb("sykefravaer", SMALL);
    run(&mut app, &[Action::Edit]);
    for c in "250 %".chars() {
        run(&mut app, &[Action::PromptChar(c)]);
    }
    run(&mut app, &[Action::PromptAccept]);
    insta::assert_snapshot!("sykefravaer_80x24_prompt_refused", screen(&app));

    let mut app = nb("sykefravaer", SMALL);
    run(&mut app, &[Action::Step(1), Action::Back]);
    insta::assert_snapshot!("sykefravaer_80x24_confirm_quit", screen(&app));

    let mut app = nb("sykefravaer", SMALL);
    run(&mut app, &[Action::Step(40)]);
    run(&mut app, &[Action::Step(1)]);
    insta::assert_snapshot!("sykefravaer_80x24_at_max", screen(&app));
}

#[test]
fn flows_scroll_sideways() {
    let mut app = nb("sykefravaer", SMALL);
    run(
        &mut app,
        &[Action::GoTo(Screen::Flows), Action::ScrollColumns(9)],
    );
    insta::assert_snapshot!("sykefravaer_80x24_flows_right", screen(&app));
}

#[test]
fn too_small_and_very_large() {
    let app = nb("sykefravaer", (50, 15));
    insta::assert_snapshot!("too_small_50x15", screen(&app));
    let mut app = nb("sykefravaer", (200, 60));
    run(&mut app, &STEPS);
    insta::assert_snapshot!("sykefravaer_200x60_workshop", screen(&app));
}

#[test]
fn reference_cases_open() {
    for id in ["finland_tyhy", "peterborough"] {
        let mut app = nb(id, SMALL);
        run(&mut app, &STEPS);
        insta::assert_snapshot!(format!("{id}_80x24_workshop"), screen(&app));
    }
}

/// The smallest size the app draws in.
const SMALLEST: (u16, u16) = (60, 20);

#[test]
fn sykefravaer_smallest() {
    all_screens("sykefravaer", SMALLEST);
}

#[test]
fn rekruttering_smallest() {
    all_screens("rekruttering", SMALLEST);
}

/// At 60×20: the picker, presentation, the uncertainty screen, the help
/// scrolled to its end, the quit question and the save prompt with its
/// hint; labels stay and numbers are whole.
#[test]
fn everything_else_at_60x20() {
    insta::assert_snapshot!("picker_60x20_nb", screen(&picker(Lang::Nb, SMALLEST)));

    let mut app = nb("sykefravaer", SMALLEST);
    run(&mut app, &[Action::TogglePresentation, Action::Step(-2)]);
    insta::assert_snapshot!("sykefravaer_60x20_presentation", screen(&app));

    let loaded = catalog::open("sykefravaer").expect("bundled");
    let mut s = loaded.scenario;
    s.uncertainty.draws = 500;
    let mut app = App::open(s, Lang::Nb, ThemeKind::Default, SMALLEST);
    run(
        &mut app,
        &[Action::Step(-2), Action::GoTo(Screen::Uncertainty)],
    );
    app.complete();
    insta::assert_snapshot!("sykefravaer_60x20_uncertainty", screen(&app));

    let mut app = nb("sykefravaer", SMALLEST);
    run(&mut app, &[Action::ToggleHelp, Action::ScrollBottom]);
    insta::assert_snapshot!("sykefravaer_60x20_help_end", screen(&app));
    run(&mut app, &[Action::ScrollTop, Action::Page(1)]);
    insta::assert_snapshot!("sykefravaer_60x20_help_page", screen(&app));

    let mut app = nb("sykefravaer", SMALLEST);
    run(&mut app, &[Action::Step(1), Action::Back]);
    insta::assert_snapshot!("sykefravaer_60x20_confirm_quit", screen(&app));

    let mut app = open("sykefravaer", Lang::En, ThemeKind::Default, SMALLEST);
    run(&mut app, &[Action::Step(1), Action::SaveVariant]);
    insta::assert_snapshot!("sykefravaer_60x20_en_save_prompt", screen(&app));
}
