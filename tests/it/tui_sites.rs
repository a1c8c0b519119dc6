//! The sites screen (8), the budget screen's site filter (`f`),
//! presentation one municipality at a time, the `effect.<site>` levers,
//! rooms following the chosen municipality and the business case from the
//! TUI (`b`). Snapshots at 80×24 and a projector's 200×60, in both
//! languages; the numbers checked against the model.

use crate::common::{open_app, screen, temp_dir};

use effekt::catalog;
use effekt::format::{self, Lang};
use effekt::model;
use effekt::report::business_case;
use effekt::scenario::Scenario;
use effekt::store::Store;
use effekt::tui::room::{self, Followed};
use effekt::tui::view::MessageKind;
use effekt::tui::{Action, App, Screen, ThemeKind};
use rust_decimal::Decimal;

const FIXTURE: &str = "tests/fixtures/sites_example.toml";
const SMALL: (u16, u16) = (80, 24);
const PROJECTOR: (u16, u16) = (200, 60);

fn sites(lang: Lang, size: (u16, u16)) -> App {
    let mut app = open_app(FIXTURE, lang, size);
    app.update(Action::GoTo(Screen::Sites));
    app
}

/// The fixture with `n` municipalities: its three, then copies of Ås
/// under new ids and names.
fn many(n: usize) -> Scenario {
    let mut s = catalog::open(FIXTURE).unwrap().scenario;
    let first = s.sites[0].clone();
    for k in s.sites.len()..n {
        let mut site = first.clone();
        site.id = format!("kommune_{k}");
        site.name = format!("Kommune {k}");
        site.payer = format!("Kommune {k}");
        s.sites.push(site);
    }
    s
}

fn open(s: Scenario, size: (u16, u16)) -> App {
    App::open(s, Lang::Nb, ThemeKind::Default, size)
}

/// A screen without its status line (where a message shows).
fn without_last_line(text: &str) -> &str {
    text.trim_end_matches('\n')
        .rsplit_once('\n')
        .map_or(text, |(rest, _)| rest)
}

#[test]
fn sites_screen_snapshots() {
    for (lang, code) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        for (size, name) in [(SMALL, "80x24"), (PROJECTOR, "200x60")] {
            let app = sites(lang, size);
            insta::assert_snapshot!(format!("sites_{code}_{name}"), screen(&app));
        }
    }
    // A municipality chosen, the columns scrolled at 80×24.
    let mut app = sites(Lang::Nb, SMALL);
    app.update(Action::CycleSite);
    app.update(Action::CycleSite);
    app.update(Action::ScrollColumns(3));
    insta::assert_snapshot!("sites_nb_80x24_bydal_scrolled", screen(&app));
}

#[test]
fn the_sites_table_says_what_the_model_says() {
    let app = sites(Lang::En, PROJECTOR);
    let text = screen(&app);
    let s = catalog::open(FIXTURE).unwrap().scenario;
    let e = model::evaluate(&s);
    let risk = business_case::site_risk(&s);
    for (i, site) in s.sites.iter().enumerate() {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&site.name))
            .unwrap_or_else(|| panic!("{} in\n{text}", site.name));
        let mut want = vec![
            format::money_short_bare(Lang::En, business_case::site_payments(&e, i)),
            format::money_short_bare(Lang::En, e.sites[i].budget.net),
        ];
        want.extend(
            risk[i]
                .iter()
                .map(|a| format::money_short_bare(Lang::En, a.budget_net)),
        );
        let cells: Vec<&str> = line.split_whitespace().collect();
        let tail: Vec<String> = cells[cells.len() - 6..]
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(tail, want, "{line}");
    }
    // §9's worked example: Bydal's net, Strand's, at α = 0.8.
    assert!(text.contains("642,956"), "{text}");
    // The total row sums the sites.
    assert!(text.lines().any(|l| l.trim_start().starts_with("Total")));
}

#[test]
fn a_scenario_without_sites_says_so_in_one_line() {
    for (lang, want) in [
        (Lang::Nb, "Scenarioet har ingen kommuner"),
        (Lang::En, "The scenario has no municipalities"),
    ] {
        let mut app = open_app("tests/fixtures/worked_example.toml", lang, SMALL);
        app.update(Action::GoTo(Screen::Sites));
        let text = screen(&app);
        let lines: Vec<&str> = text.lines().filter(|l| l.contains(want)).collect();
        assert_eq!(lines.len(), 1, "{text}");
        // `f` says the same and chooses nothing; the budget is the payer's.
        app.update(Action::CycleSite);
        assert_eq!(app.view.site, None);
        assert!(app.view.message.as_ref().unwrap().text.starts_with(want));
        app.update(Action::GoTo(Screen::Budget));
        assert!(!screen(&app).contains(" – "), "{}", screen(&app));
    }
}

#[test]
fn cycling_the_municipality_goes_through_all_and_back() {
    let mut app = sites(Lang::Nb, SMALL);
    assert_eq!(app.view.site, None);
    for want in [Some(0), Some(1), Some(2), None, Some(0)] {
        app.update(Action::CycleSite);
        assert_eq!(app.view.site, want);
    }
    assert!(screen(&app).contains("▶Ås"), "{}", screen(&app));
}

#[test]
fn many_municipalities_scroll_rows_and_columns_at_80x24() {
    let mut app = open(many(40), SMALL);
    app.update(Action::GoTo(Screen::Sites));
    let text = screen(&app);
    assert!(text.contains("rad 1–"), "{text}");
    assert!(text.contains('▶'), "columns hidden: {text}");
    // Choosing the 30th scrolls it into view.
    for _ in 0..30 {
        app.update(Action::CycleSite);
    }
    assert_eq!(app.view.site, Some(29));
    let text = screen(&app);
    assert!(text.contains("▶Kommune 29"), "{text}");
    // To the last row and the last columns; the total stays.
    app.update(Action::ScrollBottom);
    for _ in 0..20 {
        app.update(Action::ScrollColumns(1));
    }
    let text = screen(&app);
    assert!(text.contains("Kommune 39"), "{text}");
    assert!(text.contains("rad "), "{text}");
    assert!(text.contains("150 %"), "{text}");
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("Sum")),
        "{text}"
    );
    // Every amount is whole: no cell cut (each ends in a digit or `mill.`).
    for line in text.lines().filter(|l| l.contains("Kommune 3")) {
        let last = line.split_whitespace().last().unwrap();
        assert!(
            last.ends_with(|c: char| c.is_ascii_digit()) || last == "mill.",
            "{line}"
        );
    }
    // The projector shows every column without scrolling.
    let mut app = open(many(40), PROJECTOR);
    app.update(Action::GoTo(Screen::Sites));
    app.update(Action::ScrollColumns(5));
    assert_eq!(app.view.scroll.sites_col, 0);
}

#[test]
fn budget_screen_filters_one_municipality() {
    let mut app = open_app(FIXTURE, Lang::Nb, SMALL);
    app.update(Action::GoTo(Screen::Budget));
    let all = screen(&app);
    assert!(all.contains("– alle kommuner, kr"), "{all}");
    app.update(Action::CycleSite);
    app.update(Action::CycleSite);
    let text = screen(&app);
    insta::assert_snapshot!("budget_nb_80x24_bydal", text);
    // Bydal's own rows, as the model books them (§9 worked example).
    let s = catalog::open(FIXTURE).unwrap().scenario;
    let e = model::evaluate(&s);
    let years = &e.sites[1].budget.years;
    let net_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Netto"))
        .unwrap();
    for y in years {
        assert!(
            net_line.contains(&format::money_short_bare(Lang::Nb, y.net)),
            "{net_line}"
        );
    }
    assert!(text.contains("642 956"), "{text}");
    // Back to all of them; the status line says so.
    app.update(Action::CycleSite);
    app.update(Action::CycleSite);
    let text = screen(&app);
    assert_eq!(without_last_line(&text), without_last_line(&all));
    assert!(text.ends_with(" Kommune: alle kommuner\n"), "{text}");
}

#[test]
fn presentation_one_municipality_at_a_time() {
    for (size, name) in [(SMALL, "80x24"), (PROJECTOR, "200x60")] {
        let mut app = open_app(FIXTURE, Lang::Nb, size);
        app.update(Action::TogglePresentation);
        app.update(Action::CycleSite);
        app.update(Action::CycleSite);
        let text = screen(&app);
        insta::assert_snapshot!(format!("presentation_nb_{name}_bydal"), text);
        assert!(text.contains("Bydal: "), "{text}");
    }
    // The smallest size works too: six cards, each with its number.
    let mut app = open_app(FIXTURE, Lang::En, (60, 20));
    app.update(Action::TogglePresentation);
    app.update(Action::CycleSite);
    let text = screen(&app);
    assert_eq!(text.matches("╭ Ås: ").count(), 6, "{text}");
    assert!(text.contains("−150,000"), "{text}");
    // The pilot's cards again after the last municipality.
    let mut app = open_app(FIXTURE, Lang::En, SMALL);
    app.update(Action::TogglePresentation);
    let pilot = screen(&app);
    for _ in 0..4 {
        app.update(Action::CycleSite);
    }
    assert_eq!(without_last_line(&screen(&app)), without_last_line(&pilot));
}

#[test]
fn the_site_lever_moves_only_its_municipality_when_no_cap_binds() {
    let mut s = catalog::open(FIXTURE).unwrap().scenario;
    s.payment.cap = None;
    s.sites[2].cap = None;
    let mut app = open(s, PROJECTOR);
    let before = app.doc.as_ref().unwrap().computed.sites.clone();
    crate::common::select_lever(&mut app, "effect.strand");
    for _ in 0..30 {
        app.update(Action::Step(-1));
    }
    let doc = app.doc.as_ref().unwrap();
    let e = &doc.computed.figures.evaluation;
    assert_eq!(business_case::site_payments(e, 2), Decimal::ZERO);
    assert!(business_case::site_payments(e, 0) > Decimal::ZERO);
    // Under site pooling the others are paid as before, at every effect.
    let paid = |r: &[business_case::SiteAt; 4]| r.each_ref().map(|a| a.outcome_payments);
    for (now, was) in doc.computed.sites.iter().zip(&before).take(2) {
        assert_eq!(paid(now), paid(was));
    }
    assert!(
        doc.computed.sites[2]
            .iter()
            .all(|a| a.outcome_payments.is_zero())
    );
}

#[test]
fn the_site_levers_are_their_own_group() {
    let mut app = open_app(FIXTURE, Lang::Nb, PROJECTOR);
    app.update(Action::GoTo(Screen::Workshop));
    assert!(screen(&app).contains("Kommuner"), "{}", screen(&app));
    let mut app = open_app(FIXTURE, Lang::En, PROJECTOR);
    app.update(Action::GoTo(Screen::Workshop));
    assert!(screen(&app).contains("Municipalities"));
}

#[test]
fn a_follower_sees_the_facilitators_municipality() {
    let mut anna = sites(Lang::Nb, PROJECTOR);
    anna.update(Action::CycleSite);
    let doc = anna.doc.as_ref().unwrap();
    let mut bo = effekt::tui::View::new(Lang::En, ThemeKind::Default, SMALL);
    room::follow(Some(doc), &mut bo, &Followed::of(&anna.view));
    assert_eq!(bo.site, Some(0));
    assert_eq!(bo.screen, Screen::Sites);
}

#[test]
fn b_writes_the_chosen_municipalitys_business_case() {
    let dir = temp_dir("business-case");
    let loaded = catalog::open(FIXTURE).unwrap();
    let mut app = App::open(loaded.scenario, Lang::En, ThemeKind::Default, SMALL)
        .with_store(Store::at(dir.join("variants")))
        .with_source(loaded.text);
    app.update(Action::GoTo(Screen::Sites));
    // None chosen: it says how to choose one, and writes nothing.
    app.update(Action::ExportBusinessCase);
    let m = app.view.message.clone().expect("a message");
    assert_eq!(m.text, "Choose a municipality with f first.");
    assert!(!dir.join("reports").exists());
    app.update(Action::CycleSite);
    app.update(Action::CycleSite);
    app.update(Action::CycleSite);
    app.update(Action::ExportBusinessCase);
    let m = app.view.message.clone().expect("a message");
    assert_eq!(m.kind, MessageKind::Info, "{}", m.text);
    let path = m.text.strip_prefix("Report written: ").expect(&m.text);
    assert!(path.contains("sites_example-strand-"), "{path}");
    let md = std::fs::read_to_string(path).unwrap();
    assert!(md.starts_with("# Strand kommune: business case"), "{md}");
    assert!(md.contains("NOK 360,000"), "{md}");
}

#[test]
fn the_layout_is_decided_by_the_size_never_by_the_values() {
    for size in [(60, 20), SMALL, (160, 45), PROJECTOR] {
        let mut app = sites(Lang::Nb, size);
        let heads = |app: &App| screen(app).lines().nth(3).unwrap_or_default().to_string();
        let first = heads(&app);
        assert!(first.contains("Størrelse"), "{size:?}: {}", screen(&app));
        let n = app.doc.as_ref().unwrap().levers.len();
        for lever in 0..n {
            app.view.selected = lever;
            for step in [-40, 80, -40] {
                app.update(Action::Step(step));
                assert_eq!(heads(&app), first, "{size:?}, lever {lever}");
            }
        }
    }
}

/// The real binary in tmux: `8` shows the municipalities, `f` chooses one,
/// `B` writes its business case where the status line says, `7` shows its
/// budget alone.
#[test]
fn e2e_municipalities_in_a_real_terminal() {
    use crate::common::{BIN, Tmux, tmux_or_skip};
    use std::time::Duration;
    if !tmux_or_skip() {
        return;
    }
    let long = Duration::from_secs(30);
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let tmux = Tmux::start("sites", 100, 30);
    tmux.run(&format!("{BIN} {} --lang en", fixture.display()));
    tmux.wait_for("the workshop", long, |s| s.contains("Municipalities"));
    tmux.keys(&["8"]);
    tmux.wait_for("the sites screen", long, |s| {
        s.contains("Municipalities, NOK")
    });
    tmux.keys(&["f", "f"]);
    tmux.wait_for("Bydal chosen", long, |s| s.contains("▶Bydal"));
    tmux.keys(&["B"]);
    let screen = tmux.wait_for("the business case written", long, |s| {
        s.contains("Report written:")
    });
    let reports = tmux.dir.join("reports");
    let written: Vec<_> = std::fs::read_dir(&reports)
        .unwrap_or_else(|e| panic!("{}: {e}\n{screen}", reports.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let md = std::fs::read_to_string(&written[0]).unwrap();
    assert!(md.starts_with("# Bydal kommune: business case"), "{md}");
    tmux.keys(&["7"]);
    tmux.wait_for("Bydal's budget", long, |s| s.contains("– Bydal, NOK"));
    tmux.keys(&["q", "q"]);
}

/// Every screen, presentation and help at many sizes, with all the
/// municipalities and with one chosen: drawn without a panic, the chosen
/// one in view on the sites screen, its name in presentation's cards.
#[test]
fn every_screen_at_every_size_with_municipalities() {
    let s = many(12);
    for lang in [Lang::Nb, Lang::En] {
        let mut app = App::open(s.clone(), lang, ThemeKind::Default, SMALL);
        for &w in &[60u16, 79, 80, 100, 120, 160, 200, 240] {
            for &h in &[20u16, 24, 33, 45, 60] {
                app.view.size = (w, h);
                for chosen in [None, Some(10)] {
                    app.view.site = chosen;
                    for each in Screen::ALL {
                        app.update(Action::GoTo(each));
                        let _ = screen(&app);
                    }
                    app.update(Action::GoTo(Screen::Sites));
                    if chosen.is_some() {
                        // `f` from the one before scrolls it into view.
                        app.view.site = Some(9);
                        app.update(Action::CycleSite);
                        let text = screen(&app);
                        assert!(text.contains("▶Kommune 10"), "{w}×{h}:\n{text}");
                    }
                    app.update(Action::TogglePresentation);
                    let text = screen(&app);
                    if chosen.is_some() {
                        assert!(text.contains("Kommune 10: "), "{w}×{h}:\n{text}");
                    }
                    app.update(Action::TogglePresentation);
                    app.update(Action::ToggleHelp);
                    let _ = screen(&app);
                    app.update(Action::ToggleHelp);
                }
            }
        }
    }
}

#[test]
fn a_click_on_a_row_chooses_that_municipality() {
    use effekt::tui::Event;
    use effekt::tui::event::{Mouse, MouseKind};
    let mut app = open(many(40), SMALL);
    app.update(Action::GoTo(Screen::Sites));
    app.update(Action::Scroll(10));
    let text = screen(&app);
    let row = text
        .lines()
        .position(|l| l.trim_start().starts_with("Kommune 14"))
        .expect("the row");
    let click = |app: &mut App, row: usize| {
        app.handle(Event::Mouse(Mouse {
            kind: MouseKind::Click,
            column: 5,
            row: row as u16,
        }));
    };
    click(&mut app, row);
    assert_eq!(app.view.site, Some(14));
    assert!(screen(&app).contains("▶Kommune 14"));
    // The headers and the total are no municipality.
    click(&mut app, 3);
    assert_eq!(app.view.site, Some(14));
    let total = screen(&app)
        .lines()
        .position(|l| l.trim_start().starts_with("Sum"))
        .unwrap();
    click(&mut app, total);
    assert_eq!(app.view.site, Some(14));
}

#[test]
fn the_annex_is_the_chosen_municipalitys() {
    let dir = temp_dir("annex-site");
    let loaded = catalog::open(FIXTURE).unwrap();
    let mut app = App::open(loaded.scenario, Lang::Nb, ThemeKind::Default, SMALL)
        .with_store(Store::at(dir.join("variants")))
        .with_source(loaded.text);
    app.update(Action::GoTo(Screen::Sites));
    app.update(Action::CycleSite);
    app.update(Action::CycleSite);
    app.update(Action::ExportAnnex);
    let md: Vec<String> = std::fs::read_dir(dir.join("reports"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(md.len(), 1);
    assert!(md[0].contains("Bydal kommune"), "{}", md[0]);
    assert!(!md[0].contains("Strand kommune"), "{}", md[0]);
}
