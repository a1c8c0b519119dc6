//! The uncertainty figures of a document and the work behind them, as
//! plain data.
//!
//! Update never runs a Monte Carlo itself: it *describes* the work it
//! wants as a [`RiskRequest`] numbered by a generation and returns
//! [`super::Effect::StartRisk`]; the host runs it (the terminal's run loop
//! on a [`super::worker`] thread, tests in-thread with
//! [`super::App::complete`]) and feeds progress and results back as
//! [`super::Event::RiskProgress`] and [`super::Event::RiskDone`]. Update
//! accepts them only while their generation is still wanted, so the result
//! of a cancelled or superseded run is dropped.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::risk::{self, Goal, Settings, Simulation, Solution, SolveError, Tornado, TornadoFigure};
use crate::scenario::Scenario;

/// Work for the background worker, numbered so that stale answers can be
/// told apart.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRequest {
    /// Unique within a document; a newer request has a larger number.
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

/// Each shown lever one step down and up, in both orders the screen can
/// show (each view picks one with `f`).
#[derive(Debug, Clone, PartialEq)]
pub struct Tornadoes {
    pub by_payer_npv: Tornado,
    pub by_investor_irr: Tornado,
}

impl Tornadoes {
    /// The tornado of `s`, sorted both ways.
    pub fn of(s: &Scenario) -> Tornadoes {
        let mut by_payer_npv = risk::tornado(s);
        let mut by_investor_irr = by_payer_npv.clone();
        by_payer_npv.sort_by(TornadoFigure::PayerNpv);
        by_investor_irr.sort_by(TornadoFigure::InvestorIrr);
        Tornadoes {
            by_payer_npv,
            by_investor_irr,
        }
    }

    /// The tornado sorted by `figure`.
    pub fn sorted_by(&self, figure: TornadoFigure) -> &Tornado {
        match figure {
            TornadoFigure::PayerNpv => &self.by_payer_npv,
            TornadoFigure::InvestorIrr => &self.by_investor_irr,
        }
    }
}

/// The document's uncertainty figures: the Monte Carlo run wanted now, the
/// last finished run and the tornado of the current levers. Shared by every
/// view; how a view shows them (histogram, sort) is the view's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RiskResults {
    /// The last request number handed out (Monte Carlo runs and goal
    /// searches of every view of the document share the numbering).
    pub last_request: u64,
    /// The number of the newest Monte Carlo request.
    pub run_generation: u64,
    /// The Monte Carlo run wanted now (the host's worker runs it).
    pub running: Option<Running>,
    /// The newest finished run; current when its generation is
    /// `run_generation` and nothing runs.
    pub result: Option<Finished>,
    /// The levers the tornado and the newest request are for.
    pub shown_for: Option<Box<Scenario>>,
    pub tornado: Option<Tornadoes>,
}

impl RiskResults {
    /// A new request number.
    pub fn next_generation(&mut self) -> u64 {
        self.last_request += 1;
        self.last_request
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
