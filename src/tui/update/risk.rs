//! Update of the uncertainty screen and the goal-seek dialog, and of the
//! background work they want.
//!
//! - [`keep_in_step`] runs after every action: when the uncertainty screen
//!   is shown and the levers differ from the ones it shows, it computes the
//!   tornado (a millisecond or two) and wants a new Monte Carlo run with a
//!   new generation, which supersedes (and so cancels) the old one. Off the
//!   screen nothing is computed; a run for levers that have moved since is
//!   dropped. Update turns the change of wanted work into
//!   [`crate::tui::Effect::StartRisk`] and `CancelRisk`.
//! - [`progress`] and [`finished`] take the host's replies, and ignore any
//!   whose generation is no longer wanted.

use rust_decimal::Decimal;

use super::say;
use crate::format::{self, Lang};
use crate::i18n::{self, tui_text};
use crate::levers;
use crate::risk::{self, Figure, Goal, Settings, SolveError, TornadoFigure};
use crate::scenario::Uncertainty;
use crate::tui::action::Action;
use crate::tui::document::Document;
use crate::tui::event::{Key, KeyCode};
use crate::tui::risk_job::{Finished, RiskOutput, RiskRequest, RiskWork, Running, Tornadoes};
use crate::tui::view::{GoalDialog, GoalField, GoalState, MessageKind, Mode, View, Wants};

/// Longest text a field of the goal-seek dialog takes.
const FIELD_MAX: usize = 30;

/// Keeps the document's uncertainty figures in step with its levers, as
/// far as some view wants them. Cheap when nothing is wanted: off the
/// uncertainty screen it only drops a run whose levers have moved since.
pub(super) fn keep_in_step(doc: &mut Document, wants: Wants) {
    let risk = &mut doc.risk;
    if !wants.uncertainty {
        if risk
            .running
            .as_ref()
            .is_some_and(|r| *r.request.work.scenario() != doc.current)
        {
            risk.running = None;
        }
        return;
    }
    let changed = risk.shown_for.as_deref() != Some(&doc.current);
    if changed {
        risk.tornado = Some(Tornadoes::of(&doc.current));
        risk.shown_for = Some(Box::new(doc.current.clone()));
    }
    let have = risk
        .result
        .as_ref()
        .is_some_and(|r| r.generation == risk.run_generation);
    if changed || (risk.running.is_none() && !have) {
        let generation = risk.next_generation();
        let settings = Settings::from_scenario(&doc.current);
        let total = settings.draws.clamp(1, Uncertainty::MAX_DRAWS);
        risk.run_generation = generation;
        risk.running = Some(Running {
            request: RiskRequest {
                generation,
                work: RiskWork::Simulate {
                    scenario: Box::new(doc.current.clone()),
                    settings,
                },
            },
            done: 0,
            total,
        });
        doc.touch();
    }
}

/// A progress report of background work. Returns whether the view shows it.
pub(super) fn progress(
    doc: &mut Document,
    view: &View,
    generation: u64,
    done: u32,
    total: u32,
) -> bool {
    match doc.risk.running.as_mut() {
        Some(r) if r.request.generation == generation => {
            r.done = done;
            r.total = total;
            doc.touch();
            view.shows_uncertainty()
        }
        _ => false,
    }
}

/// Finished work. Results of requests no longer wanted are dropped.
/// Returns whether anything the view shows changed.
pub(super) fn finished(
    doc: &mut Document,
    view: &mut View,
    generation: u64,
    output: RiskOutput,
) -> bool {
    let risk = &mut doc.risk;
    if risk
        .running
        .as_ref()
        .is_some_and(|r| r.request.generation == generation)
    {
        risk.running = None;
        doc.touch();
        return match output {
            RiskOutput::Simulated {
                settings,
                simulation,
            } => {
                doc.risk.result = Some(Finished {
                    generation,
                    settings,
                    simulation: *simulation,
                });
                view.shows_uncertainty()
            }
            RiskOutput::Failed(text) => {
                // Nothing to show; the next action on the screen tries again.
                doc.risk.result = None;
                say(view, MessageKind::Error, text);
                true
            }
            RiskOutput::Solved(_) => false,
        };
    }
    let lang = view.lang;
    let Mode::Goal(dialog) = &mut view.mode else {
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

/// The other figure to sort the tornado by (`f`).
pub(super) fn other_figure(f: TornadoFigure) -> TornadoFigure {
    match f {
        TornadoFigure::PayerNpv => TornadoFigure::InvestorIrr,
        TornadoFigure::InvestorIrr => TornadoFigure::PayerNpv,
    }
}

/// What a key does in the goal-seek dialog.
pub(super) fn goal_key(d: &GoalDialog, key: Key) -> Option<Action> {
    let found = matches!(d.state, GoalState::Found(_));
    match key.code {
        KeyCode::Esc => Some(Action::GoalCancel),
        KeyCode::Char('c') if key.mods.ctrl => Some(Action::GoalCancel),
        KeyCode::Char('u') if key.mods.ctrl => Some(Action::PromptClear),
        KeyCode::Enter => Some(Action::GoalAccept),
        // Never `j`, which moves down everywhere else.
        KeyCode::Char('y' | 'Y' | 'J') if found => Some(Action::GoalAccept),
        KeyCode::Tab => Some(Action::GoalField(1)),
        KeyCode::BackTab => Some(Action::GoalField(-1)),
        KeyCode::Up => Some(Action::GoalFigure(-1)),
        KeyCode::Down => Some(Action::GoalFigure(1)),
        KeyCode::Backspace => Some(Action::GoalBackspace),
        KeyCode::Char(c) if !key.mods.ctrl && !key.mods.alt => Some(Action::GoalChar(c)),
        _ => None,
    }
}

fn dialog(view: &mut View) -> Option<&mut GoalDialog> {
    match &mut view.mode {
        Mode::Goal(d) => Some(d),
        _ => None,
    }
}

/// `g`: the dialog for the selected lever.
pub(super) fn open_goal(doc: &Document, view: &mut View) {
    if doc.lever(view.selected).is_none() {
        return;
    }
    let figure = view.goal().map(|d| d.figure).unwrap_or(Figure::InvestorIrr);
    view.mode = Mode::Goal(GoalDialog {
        lever: view.selected,
        figure,
        field: GoalField::Target,
        target: String::new(),
        achievement: String::new(),
        now: figure_now(doc, figure),
        state: GoalState::Editing { error: None },
    });
}

pub(super) fn goal_figure(doc: &Document, view: &mut View, by: i32) {
    let Some(d) = dialog(view) else {
        return;
    };
    let i = Figure::ALL.iter().position(|f| *f == d.figure).unwrap_or(0);
    let n = Figure::ALL.len() as i32;
    let figure = Figure::ALL[(i as i32 + by).rem_euclid(n) as usize];
    d.figure = figure;
    d.now = figure_now(doc, figure);
    d.field = GoalField::Figure;
    d.state = GoalState::Editing { error: None };
}

pub(super) fn goal_field(doc: &Document, view: &mut View, by: i32) {
    let Some(d) = dialog(view) else {
        return;
    };
    let lever_id = doc.lever(d.lever).map(|l| l.id.as_str()).unwrap_or("");
    let mut fields = vec![GoalField::Figure, GoalField::Target];
    if d.asks_achievement(lever_id) {
        fields.push(GoalField::Achievement);
    }
    let i = fields.iter().position(|f| *f == d.field).unwrap_or(0) as i32;
    let n = fields.len() as i32;
    d.field = fields[(i + by).rem_euclid(n) as usize];
    d.state = GoalState::Editing { error: None };
}

pub(super) fn goal_char(view: &mut View, c: char) {
    let Some(d) = dialog(view) else {
        return;
    };
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

/// Changes the text of the field being typed in.
fn edit_field(view: &mut View, edit: impl FnOnce(&mut String)) {
    let Some(d) = dialog(view) else {
        return;
    };
    match d.field {
        GoalField::Achievement => edit(&mut d.achievement),
        _ => edit(&mut d.target),
    };
    d.state = GoalState::Editing { error: None };
}

pub(super) fn goal_backspace(view: &mut View) {
    edit_field(view, |t| {
        t.pop();
    });
}

/// Ctrl+U in the dialog: clears the field.
pub(super) fn goal_clear(view: &mut View) {
    edit_field(view, String::clear);
}

/// Enter (or `y` on a found value) in the dialog.
pub(super) fn goal_accept(doc: &mut Document, view: &mut View) {
    let Some(d) = view.goal() else {
        return;
    };
    match d.state {
        GoalState::Editing { .. } => search(doc, view),
        GoalState::Found(_) => apply(doc, view),
        GoalState::Missed(_) => {
            if let Some(d) = dialog(view) {
                d.state = GoalState::Editing { error: None };
                d.field = GoalField::Target;
            }
        }
        GoalState::Searching(_) => {}
    }
}

/// The figure at the current levers, where the document already has it.
fn figure_now(doc: &Document, figure: Figure) -> Option<Decimal> {
    let h = &doc.computed.headline;
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
    lang: Lang,
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

fn solved(lang: Lang, result: Result<risk::Solution, SolveError>) -> GoalState {
    match result {
        Ok(solution) => GoalState::Found(Box::new(solution)),
        Err(SolveError::Unreachable(miss)) => GoalState::Missed(miss),
        Err(e) => GoalState::Editing {
            error: Some(tui_text::refused(
                lang,
                &crate::i18n::errors::solve_error(lang, &e),
            )),
        },
    }
}

/// Why a typed field was refused: the dialog goes back to that field.
fn fail(d: &mut GoalDialog, field: GoalField, error: String) {
    d.field = field;
    d.state = GoalState::Editing { error: Some(error) };
}

/// Enter in the dialog: checks the fields and searches, in place or (the
/// Monte Carlo figure, seconds) by asking for background work.
fn search(doc: &mut Document, view: &mut View) {
    let lang = view.lang;
    let t = i18n::tui(lang);
    let Some(d) = dialog(view) else {
        return;
    };
    let Some(lever) = doc.lever(d.lever).cloned() else {
        return;
    };
    let input = d.target.trim().to_string();
    let target = match parse_target(lang, d.figure, &input) {
        _ if input.is_empty() => return fail(d, GoalField::Target, t.goal_no_target.into()),
        Err(e) => {
            let error = tui_text::refused(lang, &i18n::errors::number_error(lang, &e));
            return fail(d, GoalField::Target, error);
        }
        Ok(v) => v,
    };
    let typed = d.achievement.trim().to_string();
    let achievement = if d.asks_achievement(&lever.id) && !typed.is_empty() {
        let Ok(a) = levers::find(&doc.current, "achievement") else {
            return;
        };
        match super::typed_value(lang, &a, &typed) {
            Err(e) => {
                let error = tui_text::refused(lang, &i18n::errors::number_error(lang, &e));
                return fail(d, GoalField::Achievement, error);
            }
            Ok(v) if v < a.min || v > a.max => {
                let shown = |v| i18n::lever_value(lang, &doc.current, &a, v);
                let error = tui_text::out_of_range(lang, &shown(v), &shown(a.min), &shown(a.max));
                return fail(d, GoalField::Achievement, error);
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
            generation: doc.risk.next_generation(),
            work: RiskWork::Solve {
                scenario: Box::new(doc.current.clone()),
                goal,
            },
        })
    } else {
        solved(lang, risk::solve(&doc.current, &goal))
    };
}

/// Enter or `y` on a found value: moves the lever there, one undoable step.
fn apply(doc: &mut Document, view: &mut View) {
    let lang = view.lang;
    let Some(d) = view.goal() else {
        return;
    };
    let GoalState::Found(solution) = &d.state else {
        return;
    };
    let Some(lever) = doc.lever(d.lever).cloned() else {
        return;
    };
    let value = solution.value;
    match levers::set_lever(&doc.current, &lever, value) {
        Ok(next) => {
            let label = i18n::lever_label(lang, &doc.current, &lever);
            let shown = i18n::lever_value_precise(lang, &doc.current, &lever, value);
            if next != doc.current {
                doc.apply(next);
            }
            view.mode = Mode::Normal;
            say(
                view,
                MessageKind::Info,
                tui_text::goal_applied(lang, &label, &shown),
            );
        }
        Err(e) => {
            let text = super::refusal(lang, doc, &lever, &e);
            if let Some(d) = dialog(view) {
                d.state = GoalState::Editing {
                    error: Some(text.clone()),
                };
            }
            say(view, MessageKind::Error, text);
        }
    }
}
