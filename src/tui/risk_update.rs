//! The update of the uncertainty screen and the goal-seek dialog: part of
//! [`mod@super::update`] (which calls it), kept in its own file. State changes
//! here and nowhere else; the background work it asks for is described in
//! [`super::risk_job`].
//!
//! - [`sync`] runs after every action: when the uncertainty screen is
//!   visible and the levers differ from the ones it shows, it computes the
//!   tornado (a millisecond or two) and asks for a new Monte Carlo run
//!   with a new generation, which supersedes (and so cancels) the old one.
//!   Off the screen nothing is computed; a run for levers that have moved
//!   since is dropped.
//! - [`progress`] and [`finished`] take the worker's events, and ignore
//!   any whose generation is no longer wanted.

use std::sync::atomic::AtomicBool;

use rust_decimal::Decimal;

use super::action::Action;
use super::app::{App, Message, MessageKind, Screen, Workshop};
use super::event::{Event, Key, KeyCode};
use super::risk_job::{
    self, Finished, GoalDialog, GoalField, GoalState, RiskOutput, RiskRequest, RiskWork, Running,
};
use super::update;
use crate::format;
use crate::i18n::{self, tui_text};
use crate::levers;
use crate::risk::{self, Figure, Goal, Settings, SolveError, TornadoFigure};
use crate::scenario::Uncertainty;

/// Longest text a field of the goal-seek dialog takes.
const FIELD_MAX: usize = 30;

/// The uncertainty screen is on screen (not covered by presentation mode).
pub fn visible(ws: &Workshop) -> bool {
    ws.screen == Screen::Uncertainty && !ws.presentation
}

/// Keeps the risk view in step with the levers. Cheap when nothing is
/// wanted: off the uncertainty screen it only drops a run whose levers
/// have moved since.
pub fn sync(app: &mut App) {
    let Some(ws) = app.workshop.as_deref_mut() else {
        return;
    };
    let shown = visible(ws);
    let view = &mut ws.risk;
    if !shown {
        if view
            .running
            .as_ref()
            .is_some_and(|r| *r.request.work.scenario() != ws.current)
        {
            view.running = None;
        }
        return;
    }
    let changed = view.shown_for.as_deref() != Some(&ws.current);
    if changed {
        let mut tornado = risk::tornado(&ws.current);
        tornado.sort_by(view.sort);
        view.tornado = Some(tornado);
        view.shown_for = Some(Box::new(ws.current.clone()));
    }
    let have = view
        .result
        .as_ref()
        .is_some_and(|r| r.generation == view.run_generation);
    if changed || (view.running.is_none() && !have) {
        let generation = view.next_generation();
        let settings = Settings::from_scenario(&ws.current);
        let total = settings.draws.clamp(1, Uncertainty::MAX_DRAWS);
        view.run_generation = generation;
        view.running = Some(Running {
            request: RiskRequest {
                generation,
                work: RiskWork::Simulate {
                    scenario: Box::new(ws.current.clone()),
                    settings,
                },
            },
            done: 0,
            total,
        });
    }
}

/// The work the app wants done now, for the run loop's worker.
pub fn requests(app: &App) -> Vec<&RiskRequest> {
    app.workshop
        .as_ref()
        .map(|ws| ws.risk.requests())
        .unwrap_or_default()
}

/// A progress report of the worker. Returns whether the screen shows it.
pub fn progress(app: &mut App, generation: u64, done: u32, total: u32) -> bool {
    let Some(ws) = app.workshop.as_deref_mut() else {
        return false;
    };
    let shown = visible(ws);
    match ws.risk.running.as_mut() {
        Some(r) if r.request.generation == generation => {
            r.done = done;
            r.total = total;
            shown
        }
        _ => false,
    }
}

/// Finished work. Results of requests no longer wanted are dropped.
/// Returns whether anything visible changed.
pub fn finished(app: &mut App, generation: u64, output: RiskOutput) -> bool {
    let lang = app.lang;
    let Some(ws) = app.workshop.as_deref_mut() else {
        return false;
    };
    let shown = visible(ws);
    let view = &mut ws.risk;
    if view
        .running
        .as_ref()
        .is_some_and(|r| r.request.generation == generation)
    {
        view.running = None;
        return match output {
            RiskOutput::Simulated {
                settings,
                simulation,
            } => {
                view.result = Some(Finished {
                    generation,
                    settings,
                    simulation: *simulation,
                });
                shown
            }
            RiskOutput::Failed(text) => {
                // Nothing to show; the next lever change tries again.
                view.result = None;
                app.message = Some(Message {
                    kind: MessageKind::Error,
                    text,
                });
                true
            }
            RiskOutput::Solved(_) => false,
        };
    }
    let Some(dialog) = view.goal.as_mut() else {
        return false;
    };
    if !matches!(&dialog.state, GoalState::Searching(r) if r.generation == generation) {
        return false;
    }
    dialog.state = match output {
        RiskOutput::Solved(result) => solved(lang, result),
        RiskOutput::Failed(text) => GoalState::Editing { error: Some(text) },
        RiskOutput::Simulated { .. } => GoalState::Editing { error: None },
    };
    true
}

/// Runs the wanted work to its end on this thread and feeds the results
/// back as the run loop would: for tests and tools that want the screen
/// complete without threads.
pub fn complete(app: &mut App) {
    // A result never asks for more work, so this ends after one round;
    // the bound is a guard.
    for _ in 0..4 {
        let wanted: Vec<RiskRequest> = requests(app).into_iter().cloned().collect();
        if wanted.is_empty() {
            return;
        }
        for request in wanted {
            let cancel = AtomicBool::new(false);
            if let Some(output) = risk_job::run(&request.work, &cancel, &mut |_, _| {}) {
                update::handle_event(
                    app,
                    Event::RiskDone {
                        generation: request.generation,
                        output: Box::new(output),
                    },
                );
            }
        }
    }
}

/// The goal-seek dialog, when it is open.
pub fn dialog(app: &App) -> Option<&GoalDialog> {
    app.workshop.as_ref().and_then(|ws| ws.risk.goal.as_ref())
}

/// What a key does in the goal-seek dialog.
pub fn goal_key(d: &GoalDialog, key: Key) -> Option<Action> {
    let found = matches!(d.state, GoalState::Found(_));
    match key.code {
        KeyCode::Esc => Some(Action::GoalCancel),
        KeyCode::Enter => Some(Action::GoalAccept),
        KeyCode::Char('y' | 'Y' | 'j' | 'J') if found => Some(Action::GoalAccept),
        KeyCode::Tab => Some(Action::GoalField(1)),
        KeyCode::BackTab => Some(Action::GoalField(-1)),
        KeyCode::Up => Some(Action::GoalFigure(-1)),
        KeyCode::Down => Some(Action::GoalFigure(1)),
        KeyCode::Backspace => Some(Action::GoalBackspace),
        KeyCode::Char(c) if !key.mods.ctrl && !key.mods.alt => Some(Action::GoalChar(c)),
        _ => None,
    }
}

/// Applies an action of the uncertainty screen or the goal-seek dialog.
pub fn action(app: &mut App, action: Action) {
    let lang = app.lang;
    let Some(ws) = app.workshop.as_deref_mut() else {
        return;
    };
    match action {
        Action::CycleHistogram => ws.risk.histogram = ws.risk.histogram.next(),
        Action::SortTornado => {
            let view = &mut ws.risk;
            view.sort = match view.sort {
                TornadoFigure::PayerNpv => TornadoFigure::InvestorIrr,
                TornadoFigure::InvestorIrr => TornadoFigure::PayerNpv,
            };
            if let Some(t) = view.tornado.as_mut() {
                t.sort_by(view.sort);
            }
        }
        Action::GoalSeek => {
            if ws.lever().is_none() {
                return;
            }
            ws.prompt = None;
            let figure = ws
                .risk
                .goal
                .as_ref()
                .map(|d| d.figure)
                .unwrap_or(Figure::InvestorIrr);
            ws.risk.goal = Some(GoalDialog {
                lever: ws.selected,
                figure,
                field: GoalField::Target,
                target: String::new(),
                achievement: String::new(),
                now: figure_now(ws, figure),
                state: GoalState::Editing { error: None },
            });
        }
        Action::GoalCancel => ws.risk.goal = None,
        Action::GoalFigure(by) => {
            let now = ws.risk.goal.as_ref().map(|d| {
                let i = Figure::ALL.iter().position(|f| *f == d.figure).unwrap_or(0);
                let n = Figure::ALL.len() as i32;
                Figure::ALL[(i as i32 + by).rem_euclid(n) as usize]
            });
            if let Some(figure) = now {
                let value = figure_now(ws, figure);
                if let Some(d) = ws.risk.goal.as_mut() {
                    d.figure = figure;
                    d.now = value;
                    d.field = GoalField::Figure;
                    d.state = GoalState::Editing { error: None };
                }
            }
        }
        Action::GoalField(by) => {
            let lever_id = goal_lever_id(ws);
            if let Some(d) = ws.risk.goal.as_mut() {
                let mut fields = vec![GoalField::Figure, GoalField::Target];
                if d.asks_achievement(&lever_id) {
                    fields.push(GoalField::Achievement);
                }
                let i = fields.iter().position(|f| *f == d.field).unwrap_or(0) as i32;
                let n = fields.len() as i32;
                d.field = fields[(i + by).rem_euclid(n) as usize];
                d.state = GoalState::Editing { error: None };
            }
        }
        Action::GoalChar(c) => {
            if let Some(d) = ws.risk.goal.as_mut() {
                if d.field == GoalField::Figure {
                    d.field = GoalField::Target;
                }
                let text = match d.field {
                    GoalField::Achievement => &mut d.achievement,
                    _ => &mut d.target,
                };
                if text.chars().count() < FIELD_MAX {
                    text.push(c);
                }
                d.state = GoalState::Editing { error: None };
            }
        }
        Action::GoalBackspace => {
            if let Some(d) = ws.risk.goal.as_mut() {
                match d.field {
                    GoalField::Achievement => d.achievement.pop(),
                    _ => d.target.pop(),
                };
                d.state = GoalState::Editing { error: None };
            }
        }
        Action::GoalAccept => {
            let state = ws.risk.goal.as_ref().map(|d| &d.state);
            match state {
                Some(GoalState::Editing { .. }) => search(ws, lang),
                Some(GoalState::Found(_)) => {
                    if let Some((kind, text)) = apply(ws, lang) {
                        app.message = Some(Message { kind, text });
                    }
                }
                Some(GoalState::Missed(_)) => {
                    if let Some(d) = ws.risk.goal.as_mut() {
                        d.state = GoalState::Editing { error: None };
                        d.field = GoalField::Target;
                    }
                }
                Some(GoalState::Searching(_)) | None => {}
            }
        }
        _ => {}
    }
}

fn goal_lever_id(ws: &Workshop) -> String {
    ws.risk
        .goal
        .as_ref()
        .and_then(|d| ws.levers.get(d.lever))
        .map(|l| l.id.clone())
        .unwrap_or_default()
}

/// The figure at the current levers, where the workshop already has it.
fn figure_now(ws: &Workshop, figure: Figure) -> Option<Decimal> {
    let h = &ws.computed.headline;
    match figure {
        Figure::InvestorIrr => h.investor_irr,
        Figure::PayerNpv => Some(h.payer_npv),
        Figure::PublicNpv => Some(h.public_npv),
        Figure::OutcomePayments => Some(h.outcome_payments),
        Figure::InvestorMoic => h.investor_moic,
        Figure::PNoisePayment => None,
    }
}

/// A typed target. Rates and probabilities typed without `%` above 1 are
/// read as per cent (`6` means 6 %).
pub fn parse_target(
    lang: format::Lang,
    figure: Figure,
    input: &str,
) -> Result<Decimal, format::NumberError> {
    let v = format::parse_number(lang, input)?;
    let percent_like = matches!(figure, Figure::InvestorIrr | Figure::PNoisePayment);
    if percent_like && !input.contains('%') && v.abs() > Decimal::ONE {
        return Ok(v / Decimal::ONE_HUNDRED);
    }
    Ok(v)
}

fn solved(lang: format::Lang, result: Result<risk::Solution, SolveError>) -> GoalState {
    match result {
        Ok(solution) => GoalState::Found(Box::new(solution)),
        Err(SolveError::Unreachable(miss)) => GoalState::Missed(miss),
        Err(e) => GoalState::Editing {
            error: Some(tui_text::refused(lang, &e.to_string())),
        },
    }
}

/// Enter in the dialog: checks the fields and searches, in place or (the
/// Monte Carlo figure, seconds) by asking the worker.
fn search(ws: &mut Workshop, lang: format::Lang) {
    let Some(mut d) = ws.risk.goal.take() else {
        return;
    };
    let Some(lever) = ws.levers.get(d.lever).cloned() else {
        return;
    };
    let t = i18n::tui(lang);
    let fail = |mut d: GoalDialog, field: GoalField, error: String| {
        d.field = field;
        d.state = GoalState::Editing { error: Some(error) };
        d
    };
    let input = d.target.trim().to_string();
    let target = match parse_target(lang, d.figure, &input) {
        _ if input.is_empty() => {
            let error = t.goal_no_target.to_string();
            ws.risk.goal = Some(fail(d, GoalField::Target, error));
            return;
        }
        Err(e) => {
            let error = tui_text::refused(lang, &i18n::errors::number_error(lang, &e));
            ws.risk.goal = Some(fail(d, GoalField::Target, error));
            return;
        }
        Ok(v) => v,
    };
    let typed = d.achievement.trim().to_string();
    let achievement = if d.asks_achievement(&lever.id) && !typed.is_empty() {
        let Ok(a) = levers::find(&ws.current, "achievement") else {
            return;
        };
        match update::typed_value(lang, &a, &typed) {
            Err(e) => {
                let error = tui_text::refused(lang, &i18n::errors::number_error(lang, &e));
                ws.risk.goal = Some(fail(d, GoalField::Achievement, error));
                return;
            }
            Ok(v) if v < a.min || v > a.max => {
                let shown = |v| i18n::lever_value(lang, &ws.current, &a, v);
                let error = tui_text::out_of_range(lang, &shown(v), &shown(a.min), &shown(a.max));
                ws.risk.goal = Some(fail(d, GoalField::Achievement, error));
                return;
            }
            Ok(v) => Some(v),
        }
    } else {
        None
    };
    let goal = Goal {
        lever: lever.id.clone(),
        figure: d.figure,
        target,
        achievement,
        tolerance: None,
    };
    d.state = if d.figure == Figure::PNoisePayment {
        // Thousands of draws per lever value: seconds, so in the background.
        GoalState::Searching(RiskRequest {
            generation: ws.risk.next_generation(),
            work: RiskWork::Solve {
                scenario: Box::new(ws.current.clone()),
                goal,
            },
        })
    } else {
        solved(lang, risk::solve(&ws.current, &goal))
    };
    ws.risk.goal = Some(d);
}

/// Enter or `y` on a found value: moves the lever there, one undoable step.
fn apply(ws: &mut Workshop, lang: format::Lang) -> Option<(MessageKind, String)> {
    let d = ws.risk.goal.take()?;
    let GoalState::Found(solution) = &d.state else {
        ws.risk.goal = Some(d);
        return None;
    };
    let lever = ws.levers.get(d.lever)?.clone();
    match levers::set_lever(&ws.current, &lever, solution.value) {
        Ok(next) => {
            let label = i18n::lever_label(lang, &ws.current, &lever);
            let value = i18n::lever_value_precise(lang, &ws.current, &lever, solution.value);
            if next != ws.current {
                ws.apply(next);
            }
            Some((
                MessageKind::Info,
                tui_text::goal_applied(lang, &label, &value),
            ))
        }
        Err(e) => {
            let text = update::refusal(lang, ws, &lever, &e);
            ws.risk.goal = Some(GoalDialog {
                state: GoalState::Editing {
                    error: Some(text.clone()),
                },
                ..d
            });
            Some((MessageKind::Error, text))
        }
    }
}
