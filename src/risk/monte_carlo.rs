//! Monte Carlo over the uncertain effect and the noisy measurement.

use std::sync::atomic::{AtomicBool, Ordering};

use rust_decimal::Decimal;

use super::sample::{AchievementDraw, Sampler};
use super::stats::{Distribution, Share};
use crate::model::{self, Pieces, Prepared};
use crate::scenario::{AchievementSpread, Scenario, Uncertainty};

/// What to simulate. [`Settings::from_scenario`] reads the scenario's
/// `[uncertainty]` and its achievement lever; change fields to override.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub achievement: AchievementDraw,
    /// Noise standard deviation per outcome, in the order of `s.outcomes`
    /// (missing entries: no noise), in indicator points per period.
    pub noise_sd: Vec<Decimal>,
    /// Number of draws; kept within 1 to 1 000 000.
    pub draws: u32,
    pub seed: u64,
    /// Bins of each histogram.
    pub bins: usize,
}

/// Bins of the histograms unless the settings say otherwise.
pub const DEFAULT_BINS: usize = 30;

impl Settings {
    /// The scenario's `[uncertainty]` around its current achievement lever.
    /// A triangular spread without a mode peaks at the lever's value, kept
    /// within `min..=max`.
    pub fn from_scenario(s: &Scenario) -> Settings {
        let u = &s.uncertainty;
        let lever = s.assumptions.achievement;
        let achievement = match u.achievement {
            AchievementSpread::Normal { sd } => AchievementDraw::Normal { mean: lever, sd },
            AchievementSpread::Triangular { min, mode, max } => AchievementDraw::Triangular {
                min,
                mode: mode.unwrap_or(lever).clamp(min, max.max(min)),
                max,
            },
        };
        Settings {
            achievement,
            noise_sd: s.outcomes.iter().map(|o| u.noise_sd(&o.id)).collect(),
            draws: u.draws,
            seed: u.seed,
            bins: DEFAULT_BINS,
        }
    }
}

/// The simulation was cancelled before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the simulation was cancelled")]
pub struct Cancelled;

/// The results of a Monte Carlo simulation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Simulation {
    pub draws: u32,
    pub seed: u64,
    /// The investor gets back less than it drew, before the guarantee
    /// (`received < drawn`, with something drawn).
    pub investor_loss_before_guarantee: Share,
    /// The investor's net is below zero after the guarantee.
    pub investor_loss: Share,
    /// Any outcome payment is made.
    pub any_payment: Share,
    /// Cumulative payments reach the cap.
    pub cap_binds: Share,
    /// The true achievement drawn.
    pub achievement: Distribution,
    /// Total outcome payments (after the cap).
    pub outcome_payments: Distribution,
    pub payer_npv: Distribution,
    /// Payer, cofunder and the rest of the public sector together.
    pub public_npv: Distribution,
    /// The investor's net (received plus guarantee minus drawn).
    pub investor_net: Distribution,
    /// The investor's headline IRR (annual), over the draws that have one.
    pub investor_irr: Distribution,
    /// Draws whose investor flows have no IRR.
    pub without_irr: u32,
}

/// Draws between two progress reports and cancellation checks in [`simulate`].
pub const CHUNK: u32 = 250;

/// The noise standard deviation of every site and outcome, in the order
/// [`model::run_with_noise`] reads the noise (site by site, each site's
/// outcomes in order): each site's measurement is noisy on its own.
pub(crate) fn noise_per_site(s: &Scenario, per_outcome: &[Decimal]) -> Vec<Decimal> {
    let mut sd = per_outcome.to_vec();
    sd.resize(s.outcomes.len(), Decimal::ZERO);
    let sites = s.sites.len().max(1);
    sd.iter().copied().cycle().take(sd.len() * sites).collect()
}

/// What one draw gives.
struct Draw {
    achievement: Decimal,
    payments: Decimal,
    payer_npv: Decimal,
    public_npv: Decimal,
    investor_net: Decimal,
    investor_irr: Option<Decimal>,
    loss_before: bool,
    loss_after: bool,
    paid: bool,
    capped: bool,
}

/// The model at one draw: the fast path to the exact figures.
fn draw(
    prepared: &Prepared,
    factors: &[Decimal],
    per_year: u32,
    (achievement, noise): &(Decimal, Vec<Decimal>),
    scratch: &mut (Pieces, Vec<f64>),
) -> Draw {
    let r = prepared.core_with(*achievement, noise, &mut scratch.0);
    let t = &r.totals;
    let f = &r.flows;
    let payer_npv = model::npv_with(&f.payer, factors);
    let net: Decimal = f.investor.iter().sum();
    Draw {
        achievement: *achievement,
        payments: t.outcome_payments,
        payer_npv,
        public_npv: payer_npv
            + model::npv_with(&f.cofunder, factors)
            + model::npv_with(&f.public_other, factors),
        investor_net: net,
        investor_irr: model::irr_headline(&f.investor, per_year, &mut scratch.1),
        loss_before: t.drawn > Decimal::ZERO && t.investor_received < t.drawn,
        loss_after: net < Decimal::ZERO,
        paid: t.outcome_payments > Decimal::ZERO,
        capped: r.cap_reached.is_some(),
    }
}

/// Threads for the draws of one step: every core, but no more threads
/// than draws of some size.
fn threads(draws: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.clamp(1, 8).min(draws.div_ceil(16)).max(1)
}

/// A simulation in progress, for callers that drive it themselves (e.g. a
/// TUI that runs a chunk per frame): [`Simulator::step`] until
/// [`Simulator::is_done`], then [`Simulator::finish`]. The draws do not
/// depend on how they are chunked, nor on how many threads compute them.
pub struct Simulator {
    prepared: Prepared,
    per_year: u32,
    sampler: Sampler,
    factors: Vec<Decimal>,
    total: u32,
    done: u32,
    seed: u64,
    bins: usize,
    achievement: Vec<Decimal>,
    payments: Vec<Decimal>,
    payer_npv: Vec<Decimal>,
    public_npv: Vec<Decimal>,
    investor_net: Vec<Decimal>,
    investor_irr: Vec<Decimal>,
    loss_before: u32,
    loss_after: u32,
    paid: u32,
    capped: u32,
}

impl Simulator {
    pub fn new(s: &Scenario, settings: &Settings) -> Simulator {
        let total = settings.draws.clamp(1, Uncertainty::MAX_DRAWS);
        let n = total as usize;
        Simulator {
            sampler: Sampler::new(
                settings.seed,
                &settings.achievement,
                &noise_per_site(s, &settings.noise_sd),
                s.timeline.periods,
            ),
            factors: model::discount_factors(s),
            prepared: Prepared::new(s),
            per_year: s.timeline.per_year(),
            total,
            done: 0,
            seed: settings.seed,
            bins: settings.bins.max(1),
            achievement: Vec::with_capacity(n),
            payments: Vec::with_capacity(n),
            payer_npv: Vec::with_capacity(n),
            public_npv: Vec::with_capacity(n),
            investor_net: Vec::with_capacity(n),
            investor_irr: Vec::with_capacity(n),
            loss_before: 0,
            loss_after: 0,
            paid: 0,
            capped: 0,
        }
    }

    /// Draws done so far.
    pub fn done(&self) -> u32 {
        self.done
    }

    /// Draws in all.
    pub fn total(&self) -> u32 {
        self.total
    }

    pub fn is_done(&self) -> bool {
        self.done >= self.total
    }

    /// Makes up to `n` more draws; returns the number done so far. The
    /// random numbers are drawn in order; the model runs of the draws are
    /// spread over the machine's cores.
    pub fn step(&mut self, n: u32) -> u32 {
        let n = n.min(self.total - self.done);
        let inputs: Vec<(Decimal, Vec<Decimal>)> = (0..n)
            .map(|_| {
                let a = self.sampler.achievement();
                let mut noise = Vec::new();
                self.sampler.noise(&mut noise);
                (a, noise)
            })
            .collect();
        let (prepared, factors, per_year) = (&self.prepared, &self.factors[..], self.per_year);
        let run = |inputs: &[(Decimal, Vec<Decimal>)]| -> Vec<Draw> {
            let mut scratch = (Pieces::default(), Vec::new());
            inputs
                .iter()
                .map(|input| draw(prepared, factors, per_year, input, &mut scratch))
                .collect()
        };
        let draws = model::spread(&inputs, threads(inputs.len()), run);
        for d in draws {
            self.record(d);
        }
        self.done += n;
        self.done
    }

    fn record(&mut self, d: Draw) {
        self.loss_before += u32::from(d.loss_before);
        self.loss_after += u32::from(d.loss_after);
        self.paid += u32::from(d.paid);
        self.capped += u32::from(d.capped);
        if let Some(irr) = d.investor_irr {
            self.investor_irr.push(irr);
        }
        self.achievement.push(d.achievement);
        self.payments.push(d.payments);
        self.payer_npv.push(d.payer_npv);
        self.public_npv.push(d.public_npv);
        self.investor_net.push(d.investor_net);
    }

    /// The results of the draws made so far (all of them once done).
    pub fn finish(mut self) -> Simulation {
        let share = |count| Share {
            count,
            of: self.done,
        };
        let bins = self.bins;
        Simulation {
            draws: self.done,
            seed: self.seed,
            investor_loss_before_guarantee: share(self.loss_before),
            investor_loss: share(self.loss_after),
            any_payment: share(self.paid),
            cap_binds: share(self.capped),
            without_irr: self.done - u32::try_from(self.investor_irr.len()).unwrap_or(0),
            achievement: Distribution::of(&mut self.achievement, bins),
            outcome_payments: Distribution::of(&mut self.payments, bins),
            payer_npv: Distribution::of(&mut self.payer_npv, bins),
            public_npv: Distribution::of(&mut self.public_npv, bins),
            investor_net: Distribution::of(&mut self.investor_net, bins),
            investor_irr: Distribution::of(&mut self.investor_irr, bins),
        }
    }
}

/// Runs the whole simulation.
///
/// The contract for callers on another thread (the TUI):
/// - `cancel` is checked before every [`CHUNK`] draws; once it is set,
///   `simulate` returns `Err(Cancelled)` within one chunk (a few
///   milliseconds) and nothing is kept.
/// - `progress(done, total)` is called after every chunk, on the calling
///   thread, the last time with `done == total`.
/// - The result depends only on the scenario and `settings` (the seed), not
///   on the machine or on the chunking.
pub fn simulate(
    s: &Scenario,
    settings: &Settings,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Simulation, Cancelled> {
    let mut sim = Simulator::new(s, settings);
    while !sim.is_done() {
        if cancel.load(Ordering::Relaxed) {
            return Err(Cancelled);
        }
        let done = sim.step(CHUNK);
        progress(done, sim.total());
    }
    Ok(sim.finish())
}

/// [`simulate`] without cancellation or progress.
pub fn simulate_quiet(s: &Scenario, settings: &Settings) -> Simulation {
    let mut sim = Simulator::new(s, settings);
    sim.step(sim.total());
    sim.finish()
}
