//! The workshop's responsiveness: one lever step = update + model + every
//! chart + render into a 160×45 buffer (target ≤ 8 ms median), and the
//! bytes one step sends to a terminal (target ≤ 4 KB; idle sends 0); and
//! the same step on a generated pilot of 357 municipalities (≤ 16 ms; its
//! break-evens, risk table and payoff curve completed when the keys rest:
//! `step+complete+draw`).
//!
//! `cargo bench --bench tui -- --warm-up-time 1 --measurement-time 3`

use std::cell::Cell;
use std::hint::black_box;
use std::io::{self, Write};
use std::rc::Rc;

use criterion::{Criterion, criterion_group, criterion_main};
use effekt::catalog;
use effekt::format::Lang;
use effekt::tui::event::{Key, KeyCode};
use effekt::tui::{self, Action, App, Event, Session, ThemeKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/municipalities.rs"]
mod large;

fn app(id: &str) -> App {
    let s = if id == "municipalities_357" {
        let text = large::municipalities(large::MUNICIPALITIES, 120);
        effekt::scenario::parse(&text, "municipalities_357").expect("the generated pilot")
    } else {
        catalog::open(id).expect("bundled").scenario
    };
    let mut app = App::open(s, Lang::Nb, ThemeKind::Default, (160, 45));
    // As the local workshop runs: a heavy pilot's step leaves the
    // break-evens, risk table and payoff curve for when the keys rest.
    app.quick = true;
    app
}

/// Select the lever with this id.
fn select(app: &mut App, id: &str) {
    if let Some(i) = app
        .doc
        .as_ref()
        .and_then(|d| d.levers.iter().position(|l| l.id == id))
    {
        app.update(Action::Select(i));
    }
}

fn step_and_draw(c: &mut Criterion) {
    for (id, lever) in [
        ("sykefravaer", "achievement"),
        ("sykefravaer", "price.absence"),
        ("rekruttering", "achievement"),
        ("rekruttering", "price.job_start"),
        // Every Norwegian municipality, monthly over ten years (issue 11:
        // ≤ 16 ms).
        ("municipalities_357", "achievement"),
        ("municipalities_357", "price.absence"),
    ] {
        let mut app = app(id);
        select(&mut app, lever);
        let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
        tui::draw(&mut terminal, app.doc.as_ref(), &app.view).expect("draw");
        let mut up = true;
        c.bench_function(&format!("step+draw 160x45 {id} {lever}"), |b| {
            b.iter(|| {
                // Up and down in turn, so the lever stays in its range.
                app.update(Action::Step(if up { 1 } else { -1 }));
                up = !up;
                let app = black_box(&app);
                tui::draw(&mut terminal, app.doc.as_ref(), &app.view).expect("draw");
            })
        });
    }
}

/// A heavy pilot's price step completed: the step, the pending
/// break-evens, risk table and payoff curve, and the frame that shows them
/// (what the workshop does when the keys rest).
fn step_complete_and_draw(c: &mut Criterion) {
    let mut app = app("municipalities_357");
    select(&mut app, "price.absence");
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let mut up = true;
    c.bench_function(
        "step+complete+draw 160x45 municipalities_357 price.absence",
        |b| {
            b.iter(|| {
                app.update(Action::Step(if up { 1 } else { -1 }));
                up = !up;
                app.complete_figures();
                let app = black_box(&app);
                tui::draw(&mut terminal, app.doc.as_ref(), &app.view).expect("draw");
            })
        },
    );
}

/// Counts bytes written.
#[derive(Clone, Default)]
struct Count(Rc<Cell<usize>>);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn bytes() {
    for (id, lever) in [
        ("sykefravaer", "achievement"),
        ("sykefravaer", "price.absence"),
        ("rekruttering", "achievement"),
    ] {
        let mut a = app(id);
        select(&mut a, lever);
        let count = Count::default();
        let mut session = Session::new(count.clone(), a.view.size).expect("session");
        session
            .present(a.doc.as_ref(), &a.view)
            .expect("first frame");
        let first = count.0.replace(0);
        session
            .handle(&mut a, Event::Key(Key::plain(KeyCode::Right)))
            .expect("step");
        let step = count.0.replace(0);
        session
            .handle(&mut a, Event::Key(Key::ch('z')))
            .expect("no-op");
        let idle = count.0.replace(0);
        println!("bytes 160x45 {id} {lever}: first frame {first}, one step {step}, idle {idle}");
    }
}

fn all(c: &mut Criterion) {
    bytes();
    step_and_draw(c);
    step_complete_and_draw(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
