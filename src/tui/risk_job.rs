//! The uncertainty screen's state and the work behind it, as plain data.
//!
//! The app never runs a Monte Carlo itself: it *describes* the work it
//! wants as a [`RiskRequest`] numbered by a generation, and the run loop
//! ([`super::worker`]) runs it on another thread and feeds progress and
//! results back as [`super::Event::RiskProgress`] and
//! [`super::Event::RiskDone`]. Update accepts them only while their
//! generation is still wanted, so the result of a cancelled or superseded
//! run is dropped. Tests run the same work in-thread
//! ([`super::risk_update::complete`]).

use std::sync::atomic::{AtomicBool, Ordering};

use rust_decimal::Decimal;

use crate::risk::{
    self, Figure, Goal, Miss, Settings, Simulation, Solution, SolveError, Tornado, TornadoFigure,
};
use crate::scenario::Scenario;

/// Work for the background worker, numbered so that stale answers can be
/// told apart.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRequest {
    /// Unique within an app; a newer request has a larger number.
    pub generation: u64,
    pub work: RiskWork,
}

/// What to compute. Each owns a copy of the scenario, so it can run on
/// another thread while the levers move on.
#[derive(Debug, Clone, PartialEq)]
pub enum RiskWork {
    /// The Monte Carlo of the scenario's `[uncertainty]`.
    Simulate {
        scenario: Box<Scenario>,
        settings: Settings,
    },
    /// Goal seek (used for the slow Monte Carlo figure).
    Solve { scenario: Box<Scenario>, goal: Goal },
}

impl RiskWork {
    /// The scenario the work is for.
    pub fn scenario(&self) -> &Scenario {
        match self {
            RiskWork::Simulate { scenario, .. } | RiskWork::Solve { scenario, .. } => scenario,
        }
    }
}

/// What finished work produced.
#[derive(Debug, Clone, PartialEq)]
pub enum RiskOutput {
    Simulated {
        settings: Settings,
        simulation: Box<Simulation>,
    },
    Solved(Result<Solution, SolveError>),
    /// The work failed unexpectedly (a bug); the text says how.
    Failed(String),
}

/// Runs work to its end on the calling thread. `None` when `cancel` was
/// set before it finished. `progress(done, total)` is called after every
/// chunk of draws of a simulation.
pub fn run(
    work: &RiskWork,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u32, u32),
) -> Option<RiskOutput> {
    match work {
        RiskWork::Simulate { scenario, settings } => {
            let simulation = risk::simulate(scenario, settings, cancel, progress).ok()?;
            Some(RiskOutput::Simulated {
                settings: settings.clone(),
                simulation: Box::new(simulation),
            })
        }
        RiskWork::Solve { scenario, goal } => {
            let result = risk::solve(scenario, goal);
            (!cancel.load(Ordering::Relaxed)).then_some(RiskOutput::Solved(result))
        }
    }
}

/// A Monte Carlo run in flight, and how far it has come.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub request: RiskRequest,
    pub done: u32,
    pub total: u32,
}

/// A finished Monte Carlo run.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    pub generation: u64,
    pub settings: Settings,
    pub simulation: Simulation,
}

/// Which distribution the histogram shows (`d` switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HistogramKind {
    #[default]
    OutcomePayments,
    InvestorNet,
    InvestorIrr,
}

impl HistogramKind {
    pub fn next(self) -> HistogramKind {
        match self {
            HistogramKind::OutcomePayments => HistogramKind::InvestorNet,
            HistogramKind::InvestorNet => HistogramKind::InvestorIrr,
            HistogramKind::InvestorIrr => HistogramKind::OutcomePayments,
        }
    }
}

/// The field of the goal-seek dialog that takes typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalField {
    Figure,
    Target,
    Achievement,
}

/// Where the goal-seek dialog is.
#[derive(Debug, Clone, PartialEq)]
pub enum GoalState {
    /// Filling in the fields; `error` says why the last try was refused.
    Editing { error: Option<String> },
    /// Searching in the background (the Monte Carlo figure).
    Searching(RiskRequest),
    /// A value hits the target; Enter or `y` applies it.
    Found(Box<Solution>),
    /// No value of the lever's range hits the target.
    Missed(Box<Miss>),
}

/// The goal-seek dialog (`g`): which figure should reach which target, at
/// which achievement, by moving the selected lever.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalDialog {
    /// The lever to move, by its index in the workshop's levers.
    pub lever: usize,
    pub figure: Figure,
    pub field: GoalField,
    /// The target as typed (`6 %`, `0,06`, `5 mill.`).
    pub target: String,
    /// The achievement to evaluate at as typed; empty: the current one.
    pub achievement: String,
    /// The figure now, where the workshop has it (not for the Monte Carlo
    /// figure), to show next to the target.
    pub now: Option<Decimal>,
    pub state: GoalState,
}

impl GoalDialog {
    /// Whether the achievement field applies: not when the lever is the
    /// achievement itself, nor for the probability of paying for noise
    /// (computed at zero effect).
    pub fn asks_achievement(&self, lever_id: &str) -> bool {
        lever_id != "achievement" && self.figure != Figure::PNoisePayment
    }
}

/// The uncertainty screen's state: the run wanted now, the last finished
/// run, the tornado of the current levers, and the goal-seek dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskView {
    /// The last generation handed out.
    pub generation: u64,
    /// The generation of the newest Monte Carlo request.
    pub run_generation: u64,
    /// The Monte Carlo run wanted now (the worker runs it).
    pub running: Option<Running>,
    /// The newest finished run; current when its generation is
    /// `run_generation` and nothing runs.
    pub result: Option<Finished>,
    /// The levers the tornado and the newest request are for.
    pub shown_for: Option<Box<Scenario>>,
    /// Each shown lever one step down and up, sorted by `sort`.
    pub tornado: Option<Tornado>,
    pub histogram: HistogramKind,
    /// The figure the tornado is sorted by (and shows when narrow).
    pub sort: TornadoFigure,
    pub goal: Option<GoalDialog>,
}

impl Default for RiskView {
    fn default() -> Self {
        RiskView {
            generation: 0,
            run_generation: 0,
            running: None,
            result: None,
            shown_for: None,
            tornado: None,
            histogram: HistogramKind::default(),
            sort: TornadoFigure::PayerNpv,
            goal: None,
        }
    }
}

impl RiskView {
    /// A new generation number.
    pub fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    /// The work wanted now: the Monte Carlo run and a goal-seek search.
    pub fn requests(&self) -> Vec<&RiskRequest> {
        let mut out = Vec::new();
        if let Some(r) = &self.running {
            out.push(&r.request);
        }
        if let Some(GoalDialog {
            state: GoalState::Searching(r),
            ..
        }) = &self.goal
        {
            out.push(r);
        }
        out
    }

    /// The finished run, if it is for `current` and nothing newer runs.
    pub fn current_result(&self, current: &Scenario) -> Option<&Finished> {
        let fresh = self.running.is_none() && self.shown_for.as_deref() == Some(current);
        self.result
            .as_ref()
            .filter(|r| fresh && r.generation == self.run_generation)
    }

    /// The settings of the newest run (running or finished).
    pub fn settings(&self) -> Option<&Settings> {
        match &self.running {
            Some(Running {
                request:
                    RiskRequest {
                        work: RiskWork::Simulate { settings, .. },
                        ..
                    },
                ..
            }) => Some(settings),
            _ => self.result.as_ref().map(|r| &r.settings),
        }
    }
}
