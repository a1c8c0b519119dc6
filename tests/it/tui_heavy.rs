//! A heavy pilot's lever step (many municipalities, monthly): the local
//! workshop shows the evaluation at once and completes the break-evens,
//! risk table and payoff curve when the keys rest (`Computed::quick`);
//! what it completes is exactly what a full computation gives.

use effekt::format::Lang;
use effekt::tui::computed::{Computed, is_heavy};
use effekt::tui::{Action, App, ThemeKind};

#[path = "../../benches/common/municipalities.rs"]
mod large;

fn heavy_app() -> App {
    // 20 municipalities × 120 months: 2 400 site-periods.
    let text = large::municipalities(20, 120);
    let s = effekt::scenario::parse(&text, "large").expect("the generated pilot");
    assert!(is_heavy(&s));
    let mut app = App::open(s, Lang::Nb, ThemeKind::Default, (160, 45));
    app.quick = true;
    app
}

fn select(app: &mut App, id: &str) {
    let i = app
        .doc
        .as_ref()
        .and_then(|d| d.levers.iter().position(|l| l.id == id))
        .expect("the lever");
    app.update(Action::Select(i));
}

#[test]
fn a_heavy_step_leaves_the_heavy_figures_pending_and_completes_them_exactly() {
    let mut app = heavy_app();
    let before = app.doc.as_ref().unwrap().computed.clone();
    assert!(!before.pending);
    select(&mut app, "price.absence");
    app.update(Action::Step(5));
    let doc = app.doc.as_ref().unwrap();
    let quick = doc.computed.clone();
    assert!(quick.pending && app.pending());
    // The evaluation is the new price's; the heavy figures still the old.
    assert_eq!(
        quick.figures.evaluation,
        effekt::model::evaluate(&doc.current)
    );
    assert_ne!(quick.figures.evaluation, before.figures.evaluation);
    assert_eq!(quick.figures.break_even, before.figures.break_even);
    assert_eq!(quick.risk, before.risk);

    // An achievement step keeps them pending.
    select(&mut app, "achievement");
    app.update(Action::Step(-1));
    assert!(app.pending());

    let generation = app.doc.as_ref().unwrap().generation;
    assert!(app.complete_figures());
    let doc = app.doc.as_ref().unwrap();
    assert!(!doc.computed.pending && !app.pending());
    assert!(doc.generation > generation, "views redraw");
    let full = Computed::new(&doc.current, None);
    assert_eq!(doc.computed.figures, full.figures);
    assert_eq!(doc.computed.risk, full.risk);
    assert_eq!(doc.computed.payoff, full.payoff);
    assert_eq!(doc.computed.budgets, full.budgets);
    assert_ne!(
        doc.computed.risk, before.risk,
        "the price changed the risk table"
    );
    // Nothing left to do.
    assert!(!app.complete_figures());
}

#[test]
fn without_quick_or_for_a_small_pilot_every_step_is_complete() {
    // A room (quick off) computes everything in the step.
    let mut app = heavy_app();
    app.quick = false;
    select(&mut app, "price.absence");
    app.update(Action::Step(1));
    assert!(!app.pending());
    // A bundled pilot is never heavy.
    let s = effekt::catalog::open("sykefravaer").unwrap().scenario;
    assert!(!is_heavy(&s));
    let mut app = App::open(s, Lang::Nb, ThemeKind::Default, (160, 45));
    app.quick = true;
    select(&mut app, "price.absence");
    app.update(Action::Step(1));
    assert!(!app.pending());
}
