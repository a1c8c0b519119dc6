//! Every screen at many terminal sizes, for every bundled scenario: no
//! panic (debug builds check every subtraction), and the key figures are
//! on the workshop screen whole, never cut, from 80×24 up.

use effekt::catalog;
use effekt::format::{self, Lang};
use effekt::tui::{self, Action, App, Screen, ThemeKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn text(app: &App) -> String {
    let (w, h) = app.view.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    tui::draw(&mut t, app.doc.as_ref(), &app.view).expect("draw");
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

const WIDTHS: [u16; 12] = [60, 72, 79, 80, 81, 100, 119, 120, 140, 160, 200, 240];
const HEIGHTS: [u16; 10] = [20, 23, 24, 25, 28, 33, 40, 45, 60, 70];

#[test]
fn every_screen_at_every_size() {
    for b in catalog::BUNDLED {
        let s = catalog::load_bundled(&b).scenario;
        for lang in [Lang::Nb, Lang::En] {
            let mut app = App::open(s.clone(), lang, ThemeKind::Default, (80, 24));
            app.update(Action::Step(-3));
            for &w in &WIDTHS {
                for &h in &HEIGHTS {
                    app.view.size = (w, h);
                    for screen in Screen::ALL {
                        app.update(Action::GoTo(screen));
                        text(&app);
                    }
                    app.update(Action::GoTo(Screen::Workshop));
                    let screen = text(&app);
                    if w >= 80 && h >= 24 {
                        let ws = app.doc.as_ref().unwrap();
                        let npv = ws.computed.headline.payer_npv;
                        let full = format::money_short(lang, &s.info.currency, npv);
                        let bare = format::money_short_bare(lang, npv);
                        assert!(
                            screen.contains(&full) || screen.contains(&format!(" {bare} ")),
                            "{} {w}×{h} {lang:?}: payer NPV {full} not shown whole:\n{screen}",
                            s.info.id
                        );
                    }
                    app.update(Action::TogglePresentation);
                    text(&app);
                    app.update(Action::TogglePresentation);
                    app.update(Action::ToggleHelp);
                    text(&app);
                    app.update(Action::ToggleHelp);
                }
            }
        }
    }
}

#[test]
fn tiny_terminals_get_a_message() {
    let s = catalog::load_bundled(&catalog::BUNDLED[0]).scenario;
    for size in [(0, 0), (1, 1), (10, 5), (59, 30), (100, 19)] {
        let app = App::open(s.clone(), Lang::En, ThemeKind::Default, size);
        let screen = text(&app);
        if size.0 >= 40 && size.1 >= 3 {
            assert!(
                screen.contains("60×20") && screen.contains(&format!("{}×{}", size.0, size.1)),
                "{screen}"
            );
        }
    }
}

#[test]
fn the_picker_at_every_size() {
    let entries: Vec<_> = catalog::BUNDLED
        .iter()
        .map(|b| {
            tui::PickerEntry::from_catalog(catalog::Entry {
                origin: catalog::Origin::Bundled(b.file_name),
                text: b.text.to_string(),
                result: Ok(catalog::load_bundled(b).scenario),
            })
        })
        .collect();
    for &w in &WIDTHS {
        for &h in &HEIGHTS {
            let mut app = App::pick(
                entries.clone(),
                Some("/tmp/x".into()),
                Lang::Nb,
                ThemeKind::Default,
                (w, h),
            );
            for _ in 0..entries.len() {
                text(&app);
                app.update(Action::SelectNext);
            }
        }
    }
}

/// The uncertainty screen with a finished run (few draws), and the
/// goal-seek dialog over it, at every size: no panic, and from 80×24 up
/// the probabilities and the payer's median NPV are shown whole.
#[test]
fn the_uncertainty_screen_at_every_size() {
    for b in catalog::BUNDLED {
        let mut s = catalog::load_bundled(&b).scenario;
        s.uncertainty.draws = 200;
        for lang in [Lang::Nb, Lang::En] {
            let mut app = App::open(s.clone(), lang, ThemeKind::Default, (80, 24));
            app.update(Action::GoTo(Screen::Uncertainty));
            app.complete();
            let ws = app.doc.as_ref().unwrap();
            let result = ws.risk.current_result(&ws.current).expect("a finished run");
            let p50 = result.simulation.payer_npv.p50;
            let full = format::money_short(lang, &s.info.currency, p50);
            let bare = format::money_short_bare(lang, p50);
            let loss = format::percent(lang, result.simulation.investor_loss.value(), 1);
            for &w in &WIDTHS {
                for &h in &HEIGHTS {
                    app.view.size = (w, h);
                    let screen = text(&app);
                    if w >= 80 && h >= 24 {
                        assert!(
                            screen.contains(&full) || screen.contains(&format!(" {bare} ")),
                            "{} {w}×{h} {lang:?}: P50 payer NPV {full} not shown whole:\n{screen}",
                            s.info.id
                        );
                        assert!(
                            screen.contains(&format!(" {loss}")),
                            "{} {w}×{h} {lang:?}: {loss} missing:\n{screen}",
                            s.info.id
                        );
                    }
                    app.update(Action::GoalSeek);
                    for c in "6%".chars() {
                        app.update(Action::GoalChar(c));
                    }
                    text(&app);
                    app.update(Action::GoalAccept);
                    text(&app);
                    app.update(Action::GoalCancel);
                    app.update(Action::ToggleHelp);
                    text(&app);
                    app.update(Action::ToggleHelp);
                }
            }
        }
    }
}
