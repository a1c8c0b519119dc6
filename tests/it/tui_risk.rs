//! The uncertainty screen and goal seek in the TUI: how update asks for
//! background work (requests with generations), takes its progress and
//! results, drops stale ones, and runs the goal-seek dialog; whole-screen
//! snapshots with a completed run (small draws, fixed seed: deterministic).
//!
//! Review snapshot changes with
//! `INSTA_UPDATE=always cargo test --test tui_risk` and `git diff`.

use crate::common::screen;

use std::str::FromStr;
use std::sync::atomic::AtomicBool;

use effekt::catalog;
use effekt::format::Lang;
use effekt::levers;
use effekt::risk::{self, Figure, Goal, Settings, TornadoFigure};
use effekt::scenario::Scenario;
use effekt::tui::event::{Key, KeyCode, Mouse, MouseKind};
use effekt::tui::risk_job::{self, RiskOutput, RiskResults, RiskWork};
use effekt::tui::update::parse_target;
use effekt::tui::view::{GoalDialog, GoalField, GoalState, HistogramKind, MessageKind};
use effekt::tui::{self, Action, App, Event, Screen, ThemeKind};
use rust_decimal::Decimal;

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 45);
/// Draws of the snapshot runs: enough for stable shapes, quick in tests.
const DRAWS: u32 = 1_000;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn scenario(id: &str, draws: u32) -> Scenario {
    let mut s = catalog::open(id).expect("bundled").scenario;
    s.uncertainty.draws = draws;
    s
}

fn open(id: &str, lang: Lang, size: (u16, u16), draws: u32) -> App {
    App::open(scenario(id, draws), lang, ThemeKind::Default, size)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(Event::Key(Key::ch(c)));
    }
}

fn press(app: &mut App, code: KeyCode) -> bool {
    app.handle(Event::Key(Key::plain(code)))
}

fn select(app: &mut App, id: &str) {
    let i = app
        .doc
        .as_ref()
        .unwrap()
        .levers
        .iter()
        .position(|l| l.id == id)
        .expect("shown lever");
    app.update(Action::Select(i));
}

fn value(app: &App, id: &str) -> Decimal {
    let ws = app.doc.as_ref().expect("open");
    let lever = levers::find(&ws.current, id).expect("lever");
    levers::get(&ws.current, lever.target)
}

fn risk(app: &App) -> &RiskResults {
    &app.doc.as_ref().expect("open").risk
}

fn goal(app: &App) -> &GoalDialog {
    app.view.goal().expect("dialog open")
}

fn goal_state(app: &App) -> &GoalState {
    &goal(app).state
}

/// The generations of the work the app wants now (started by update's
/// effects and neither answered nor cancelled).
fn wanted(app: &App) -> Vec<u64> {
    app.jobs().iter().map(|r| r.generation).collect()
}

/// Runs a request in this thread, as the worker would.
fn output_of(app: &App, generation: u64) -> RiskOutput {
    let r = app
        .jobs()
        .iter()
        .find(|r| r.generation == generation)
        .expect("wanted")
        .clone();
    risk_job::run(&r.work, &AtomicBool::new(false), &mut |_, _| {}).expect("not cancelled")
}

fn done(generation: u64, output: RiskOutput) -> Event {
    Event::RiskDone {
        generation,
        output: Box::new(output),
    }
}

// ------------------------------------------------------------ the screen

#[test]
fn the_screen_is_key_6_and_in_the_tab_cycle() {
    let mut app = open("sykefravaer", Lang::Nb, LARGE, DRAWS);
    keys(&mut app, "6");
    assert_eq!(app.view.screen, Screen::Uncertainty);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.view.screen, Screen::Budget);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.view.screen, Screen::Uncertainty);
    assert_eq!(Screen::Uncertainty.number(), 6);
    // The help, generated from the key map, names the new keys.
    let help = tui::ui::help::entries(app.doc.as_ref(), &app.view);
    let has = |k: &str| help.iter().any(|(keys, _, _)| keys == k);
    assert!(has("g") && has("d") && has("f") && has("1–8"), "{help:?}");
}

#[test]
fn the_run_starts_only_on_the_screen_and_never_in_the_step_path() {
    let mut app = open("sykefravaer", Lang::Nb, LARGE, DRAWS);
    run(&mut app, &[Action::Step(1), Action::Step(-2)]);
    assert!(wanted(&app).is_empty(), "nothing runs off the screen");
    assert!(risk(&app).tornado.is_none(), "nor is the tornado computed");

    app.update(Action::GoTo(Screen::Uncertainty));
    let v = risk(&app);
    assert_eq!(wanted(&app), vec![1]);
    let running = v.running.as_ref().expect("a run");
    assert_eq!((running.done, running.total), (0, DRAWS));
    let RiskWork::Simulate { scenario, settings } = &running.request.work else {
        panic!("a simulation");
    };
    assert_eq!(**scenario, app.doc.as_ref().unwrap().current);
    assert_eq!(settings.draws, DRAWS);
    assert_eq!(settings.seed, 2026);
    let tornado = v.tornado.as_ref().expect("tornado computed on the screen");
    assert_eq!(
        tornado.by_payer_npv.bars.len(),
        app.doc.as_ref().unwrap().levers.len()
    );
    assert!(
        v.current_result(&app.doc.as_ref().unwrap().current)
            .is_none()
    );
    assert!(screen(&app).contains("Beregner … "), "progress shown");

    // Progress is taken and shown.
    assert!(app.handle(Event::RiskProgress {
        generation: 1,
        done: 250,
        total: DRAWS
    }));
    assert_eq!(risk(&app).running.as_ref().unwrap().done, 250);
    assert!(screen(&app).contains("250 av 1 000 trekk"));

    app.complete();
    let ws = app.doc.as_ref().unwrap();
    let result = ws.risk.current_result(&ws.current).expect("current");
    let expected = risk::simulate_quiet(&ws.current, &Settings::from_scenario(&ws.current));
    assert_eq!(result.simulation, expected, "the same run as the library's");
    assert!(wanted(&app).is_empty());

    // Back on the screen with the same levers: nothing new to run.
    run(
        &mut app,
        &[
            Action::GoTo(Screen::Workshop),
            Action::GoTo(Screen::Uncertainty),
        ],
    );
    assert!(wanted(&app).is_empty());
    assert_eq!(risk(&app).last_request, 1);
}

#[test]
fn a_lever_change_supersedes_the_run_and_stale_results_are_dropped() {
    let mut app = open("sykefravaer", Lang::Nb, LARGE, 300);
    app.update(Action::GoTo(Screen::Uncertainty));
    assert_eq!(wanted(&app), vec![1]);
    let first = output_of(&app, 1);

    // Stepping the lever on the screen asks for a new run at once.
    app.update(Action::Step(1));
    assert_eq!(wanted(&app), vec![2], "generation 1 is no longer wanted");
    let second = output_of(&app, 2);

    // The old run's progress and result arrive late: ignored.
    let late_progress = Event::RiskProgress {
        generation: 1,
        done: 300,
        total: 300,
    };
    assert!(!app.handle(late_progress));
    assert!(!app.handle(done(1, first)));
    assert!(risk(&app).result.is_none(), "a stale result is never kept");
    assert_eq!(wanted(&app), vec![2]);
    // A result no one asked for at all is ignored too.
    assert!(!app.handle(done(99, RiskOutput::Failed("x".into()))));
    assert!(app.view.message.is_none());

    assert!(app.handle(done(2, second)));
    let ws = app.doc.as_ref().unwrap();
    let result = ws.risk.current_result(&ws.current).expect("current");
    assert_eq!(result.generation, 2);
    assert_eq!(
        ws.current.assumptions.achievement,
        d("1.05"),
        "for the stepped lever"
    );

    // Another step: the finished result stays, shown as from before the
    // change, while the new run is in flight.
    app.update(Action::Step(1));
    assert_eq!(wanted(&app), vec![3]);
    let ws = app.doc.as_ref().unwrap();
    assert!(ws.risk.current_result(&ws.current).is_none());
    assert_eq!(ws.risk.result.as_ref().unwrap().generation, 2);
    let text = screen(&app);
    assert!(text.contains("Beregner på nytt"), "{text}");
    assert!(text.contains("tallene er fra før endringen"), "{text}");
}

#[test]
fn leaving_the_screen_drops_a_run_whose_levers_moved() {
    let mut app = open("sykefravaer", Lang::Nb, LARGE, 300);
    app.update(Action::GoTo(Screen::Uncertainty));
    assert_eq!(wanted(&app), vec![1]);
    // Only switching away: the run goes on (its levers are still current).
    app.update(Action::GoTo(Screen::Workshop));
    assert_eq!(wanted(&app), vec![1]);
    // A step elsewhere makes it useless: cancelled, nothing new started.
    app.update(Action::Step(1));
    assert!(wanted(&app).is_empty());
    app.update(Action::Step(-1));
    assert!(wanted(&app).is_empty());
    // Back on the screen (the levers are as they were): a new run.
    app.update(Action::GoTo(Screen::Uncertainty));
    assert_eq!(wanted(&app), vec![2]);
    // Presentation mode covers the screen: the same rule.
    app.update(Action::TogglePresentation);
    app.update(Action::Step(1));
    assert!(wanted(&app).is_empty());
    app.update(Action::TogglePresentation);
    assert_eq!(wanted(&app), vec![3]);
}

#[test]
fn the_levers_stay_steerable_and_keys_switch_the_views() {
    let mut app = open("sykefravaer", Lang::Nb, SMALL, 200);
    keys(&mut app, "6");
    app.complete();
    press(&mut app, KeyCode::Right);
    assert_eq!(value(&app, "achievement"), d("1.05"));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.view.selected, 1);
    press(&mut app, KeyCode::Left);
    assert_eq!(wanted(&app), vec![3], "each change a new run");

    assert_eq!(app.view.histogram, HistogramKind::OutcomePayments);
    keys(&mut app, "d");
    assert_eq!(app.view.histogram, HistogramKind::InvestorNet);
    keys(&mut app, "dd");
    assert_eq!(app.view.histogram, HistogramKind::OutcomePayments);

    assert_eq!(app.view.tornado_sort, TornadoFigure::PayerNpv);
    keys(&mut app, "f");
    assert_eq!(app.view.tornado_sort, TornadoFigure::InvestorIrr);
    let swings: Vec<Decimal> = risk(&app)
        .tornado
        .as_ref()
        .unwrap()
        .sorted_by(app.view.tornado_sort)
        .bars
        .iter()
        .map(|b| b.swing(TornadoFigure::InvestorIrr))
        .collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    // `d` and `f` mean nothing elsewhere.
    keys(&mut app, "1");
    assert!(!app.handle(Event::Key(Key::ch('d'))));
}

#[test]
fn clicking_a_tornado_row_selects_its_lever() {
    let mut app = open("sykefravaer", Lang::Nb, LARGE, 200);
    app.update(Action::GoTo(Screen::Uncertainty));
    app.complete();
    let text = screen(&app);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Diskonteringsrente") && l.contains('│'))
        .expect("the tornado row");
    let column = line.chars().position(|c| c == 'D').expect("label") as u16;
    app.handle(Event::Mouse(Mouse {
        kind: MouseKind::Click,
        column,
        row: row as u16,
    }));
    let ws = app.doc.as_ref().unwrap();
    assert_eq!(ws.lever(app.view.selected).unwrap().id, "discount_rate");
    // The wheel steps the selected lever here, as on the workshop.
    let before = value(&app, "discount_rate");
    app.handle(Event::Mouse(Mouse {
        kind: MouseKind::ScrollUp,
        column,
        row: row as u16,
    }));
    assert!(value(&app, "discount_rate") > before);
}

// ------------------------------------------------------------ goal seek

#[test]
fn targets_are_read_in_every_spelling() {
    let parse = |figure, text| parse_target(Lang::Nb, figure, text).ok();
    for text in ["6 %", "6%", "0,06", "0.06", "6"] {
        assert_eq!(parse(Figure::InvestorIrr, text), Some(d("0.06")), "{text}");
    }
    assert_eq!(parse(Figure::PayerNpv, "5 mill."), Some(d("5000000")));
    assert_eq!(
        parse(Figure::OutcomePayments, "12,5 mill"),
        Some(d("12500000"))
    );
    assert_eq!(parse(Figure::InvestorMoic, "1,2"), Some(d("1.2")));
    assert_eq!(parse(Figure::PNoisePayment, "10"), Some(d("0.1")));
    assert_eq!(parse(Figure::PayerNpv, "mye"), None);
    // In English `1,100` is eleven hundred; in bokmål `1.100` is refused.
    let en = parse_target(Lang::En, Figure::PayerNpv, "1,100");
    assert_eq!(en.ok(), Some(d("1100")));
    assert!(parse(Figure::PayerNpv, "1.100").is_none());
}

#[test]
fn goal_seek_finds_a_value_and_applies_it_as_one_undoable_change() {
    let mut app = open("sykefravaer", Lang::Nb, SMALL, 200);
    select(&mut app, "price.absence");
    keys(&mut app, "g");
    let dialog = goal(&app);
    assert_eq!(dialog.figure, Figure::InvestorIrr);
    assert_eq!(dialog.field, GoalField::Target);
    assert_eq!(
        dialog.now,
        app.doc.as_ref().unwrap().computed.headline.investor_irr
    );
    // Keys go to the dialog, not to the levers.
    keys(&mut app, "6 %");
    assert_eq!(value(&app, "price.absence"), d("1150"));
    assert!(press(&mut app, KeyCode::Enter));

    let goal = Goal {
        lever: "price.absence".into(),
        figure: Figure::InvestorIrr,
        target: d("0.06"),
        achievement: None,
        tolerance: None,
    };
    let expected = risk::solve(&scenario("sykefravaer", 200), &goal).expect("reachable");
    let GoalState::Found(found) = goal_state(&app) else {
        panic!("found: {:?}", goal_state(&app));
    };
    assert_eq!(found.value, expected.value);
    assert!((found.figure_value - d("0.06")).abs() <= found.tolerance);

    // `y` applies it: one step, undone by one `u`.
    let undo_before = app.doc.as_ref().unwrap().undo.len();
    keys(&mut app, "y");
    assert!(app.view.goal().is_none());
    assert_eq!(value(&app, "price.absence"), expected.value);
    let ws = app.doc.as_ref().unwrap();
    assert_eq!(ws.undo.len(), undo_before + 1);
    assert_eq!(
        ws.computed.headline.investor_irr,
        Some(expected.figure_value)
    );
    let message = app.view.message.as_ref().expect("said");
    assert_eq!(message.kind, MessageKind::Info);
    assert!(message.text.contains("943,11 kr"), "{}", message.text);
    keys(&mut app, "u");
    assert_eq!(value(&app, "price.absence"), d("1150"));
}

#[test]
fn goal_seek_at_another_achievement_moves_only_the_lever() {
    let mut app = open("sykefravaer", Lang::En, SMALL, 200);
    select(&mut app, "cap");
    app.update(Action::GoalSeek);
    // ↓ to the payer's NPV; type the target; Tab to the achievement.
    press(&mut app, KeyCode::Down);
    keys(&mut app, "0");
    press(&mut app, KeyCode::Tab);
    assert_eq!(goal(&app).field, GoalField::Achievement);
    keys(&mut app, "50 %");
    press(&mut app, KeyCode::Enter);
    let goal = Goal {
        lever: "cap".into(),
        figure: Figure::PayerNpv,
        target: Decimal::ZERO,
        achievement: Some(d("0.5")),
        tolerance: None,
    };
    let expected = risk::solve(&scenario("sykefravaer", 200), &goal);
    match (goal_state(&app), &expected) {
        (GoalState::Found(f), Ok(e)) => assert_eq!(f.value, e.value),
        (GoalState::Missed(m), Err(risk::SolveError::Unreachable(e))) => assert_eq!(m, e),
        (got, e) => panic!("{got:?} vs {e:?}"),
    }
    if matches!(goal_state(&app), GoalState::Found(_)) {
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            value(&app, "achievement"),
            d("1"),
            "the achievement is only where the figure is evaluated"
        );
    }
}

#[test]
fn goal_seek_out_of_reach_says_so_with_the_range_and_closest_value() {
    let mut app = open("sykefravaer", Lang::En, SMALL, 200);
    select(&mut app, "price.absence");
    keys(&mut app, "g60%");
    press(&mut app, KeyCode::Enter);
    let GoalState::Missed(miss) = goal_state(&app) else {
        panic!("missed: {:?}", goal_state(&app));
    };
    let (lo, hi) = miss.range.expect("a range");
    assert!(hi < d("0.6") && lo < hi);
    assert!(miss.best.is_some());
    let text = screen(&app);
    assert!(
        text.contains("No value of price per unit from NOK 0 to NOK 1,800"),
        "{text}"
    );
    assert!(
        text.contains("Over the range the figure goes from"),
        "{text}"
    );
    // `y` does not apply anything here; Enter goes back to the fields.
    keys(&mut app, "y");
    assert_eq!(value(&app, "price.absence"), d("1150"));
    assert!(matches!(goal_state(&app), GoalState::Editing { .. }));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(app.view.goal().is_none());
    assert_eq!(value(&app, "price.absence"), d("1150"));
    assert!(app.doc.as_ref().unwrap().undo.is_empty());
}

#[test]
fn goal_seek_refuses_bad_input_and_keeps_the_dialog() {
    let mut app = open("sykefravaer", Lang::En, SMALL, 200);
    select(&mut app, "price.absence");
    app.update(Action::GoalSeek);
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(goal_state(&app), GoalState::Editing { error: Some(e) } if e.contains("Type a target")),
        "{:?}",
        goal_state(&app)
    );
    keys(&mut app, "lots");
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(goal_state(&app), GoalState::Editing { error: Some(e) } if e.contains("lots")),
        "{:?}",
        goal_state(&app)
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "6");
    app.update(Action::GoalField(1));
    keys(&mut app, "500 %");
    press(&mut app, KeyCode::Enter);
    let d_ = goal(&app);
    assert_eq!(d_.field, GoalField::Achievement);
    assert!(
        matches!(&d_.state, GoalState::Editing { error: Some(e) } if e.contains("200")),
        "{:?}",
        d_.state
    );
    // The mouse does nothing while the dialog is open.
    assert!(!app.handle(Event::Mouse(Mouse {
        kind: MouseKind::ScrollUp,
        column: 5,
        row: 5,
    })));
    press(&mut app, KeyCode::Esc);
    assert!(app.view.goal().is_none());
}

#[test]
fn the_noise_figure_is_searched_in_the_background() {
    let mut app = open("sykefravaer", Lang::En, SMALL, 200);
    select(&mut app, "threshold.absence");
    app.update(Action::GoalSeek);
    // The last figure: ↑ from the first wraps around.
    press(&mut app, KeyCode::Up);
    assert_eq!(goal(&app).figure, Figure::PNoisePayment);
    keys(&mut app, "10%");
    press(&mut app, KeyCode::Enter);
    let GoalState::Searching(request) = goal_state(&app) else {
        panic!("searching: {:?}", goal_state(&app));
    };
    let generation = request.generation;
    assert_eq!(wanted(&app), vec![generation]);
    assert!(screen(&app).contains("Searching"));
    // Esc while searching: the work is no longer wanted, its answer ignored.
    let output = output_of(&app, generation);
    press(&mut app, KeyCode::Esc);
    assert!(wanted(&app).is_empty());
    assert!(!app.handle(done(generation, output)));
    // Again, to the end.
    app.update(Action::GoalSeek);
    press(&mut app, KeyCode::Up);
    keys(&mut app, "10%");
    press(&mut app, KeyCode::Enter);
    app.complete();
    match goal_state(&app).clone() {
        GoalState::Found(f) => {
            assert!((f.figure_value - d("0.1")).abs() <= f.tolerance);
            keys(&mut app, "y");
            assert_eq!(value(&app, "threshold.absence"), f.value);
        }
        GoalState::Missed(m) => assert!(m.range.is_some()),
        other => panic!("{other:?}"),
    }
}

// ------------------------------------------------------------ snapshots

fn completed(id: &str, lang: Lang, size: (u16, u16)) -> App {
    let mut app = open(id, lang, size, DRAWS);
    app.update(Action::GoTo(Screen::Uncertainty));
    app.complete();
    app
}

#[test]
fn snapshots_of_the_screen() {
    for id in ["sykefravaer", "rekruttering"] {
        for size in [SMALL, LARGE] {
            let app = completed(id, Lang::Nb, size);
            insta::assert_snapshot!(
                format!("{id}_{}x{}_uncertainty", size.0, size.1),
                screen(&app)
            );
        }
    }
    let mut app = completed("sykefravaer", Lang::En, SMALL);
    run(&mut app, &[Action::CycleHistogram, Action::SortTornado]);
    insta::assert_snapshot!("sykefravaer_80x24_uncertainty_en", screen(&app));
    let mut app = completed("rekruttering", Lang::En, LARGE);
    run(&mut app, &[Action::CycleHistogram, Action::CycleHistogram]);
    insta::assert_snapshot!("rekruttering_160x45_uncertainty_en_irr", screen(&app));
    // Assumed uncertainty (no [uncertainty] table) is said.
    let app = completed("peterborough", Lang::En, SMALL);
    let text = screen(&app);
    assert!(text.contains("Assumed uncertainty"), "{text}");
    insta::assert_snapshot!("peterborough_80x24_uncertainty_en", text);
}

#[test]
fn snapshot_while_recomputing() {
    let mut app = completed("sykefravaer", Lang::Nb, SMALL);
    app.update(Action::Step(-1));
    let generation = wanted(&app)[0];
    app.handle(Event::RiskProgress {
        generation,
        done: 400,
        total: DRAWS,
    });
    insta::assert_snapshot!("sykefravaer_80x24_uncertainty_recomputing", screen(&app));
}

#[test]
fn snapshots_of_the_goal_seek_dialog() {
    let mut app = completed("sykefravaer", Lang::En, SMALL);
    select(&mut app, "price.absence");
    keys(&mut app, "g6 %");
    insta::assert_snapshot!("goal_seek_80x24_en_editing", screen(&app));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("goal_seek_80x24_en_found", screen(&app));
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "g60%");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("goal_seek_80x24_en_missed", screen(&app));
}

#[test]
fn sync_is_idempotent() {
    // `sync` is what update runs after each action; running it again with
    // nothing changed asks for nothing new.
    let mut app = open("sykefravaer", Lang::Nb, SMALL, 200);
    app.update(Action::GoTo(Screen::Uncertainty));
    let before = risk(&app).clone();
    let wants = app.view.wants();
    let effects = tui::update::sync(app.doc.as_mut().unwrap(), wants);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(*risk(&app), before);
}
