//! Monte Carlo over the uncertain effect and the noisy measurement.

use std::sync::atomic::{AtomicBool, Ordering};

use rust_decimal::Decimal;

use super::sample::{AchievementDraw, Sampler};
use super::stats::{Distribution, Share};
use crate::model;
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

/// A simulation in progress, for callers that drive it themselves (e.g. a
/// TUI that runs a chunk per frame): [`Simulator::step`] until
/// [`Simulator::is_done`], then [`Simulator::finish`]. The draws do not
/// depend on how they are chunked.
pub struct Simulator {
    s: Scenario,
    sampler: Sampler,
    factors: Vec<Decimal>,
    total: u32,
    done: u32,
    seed: u64,
    bins: usize,
    noise: Vec<Decimal>,
    irr_buf: Vec<f64>,
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
        let mut noise_sd = settings.noise_sd.clone();
        noise_sd.resize(s.outcomes.len(), Decimal::ZERO);
        Simulator {
            sampler: Sampler::new(
                settings.seed,
                &settings.achievement,
                &noise_sd,
                s.timeline.periods,
            ),
            factors: model::discount_factors(s),
            s: s.clone(),
            total,
            done: 0,
            seed: settings.seed,
            bins: settings.bins.max(1),
            noise: Vec::with_capacity(s.outcomes.len() * s.timeline.periods),
            irr_buf: Vec::with_capacity(s.timeline.periods + 1),
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

    /// Makes up to `n` more draws; returns the number done so far.
    pub fn step(&mut self, n: u32) -> u32 {
        let n = n.min(self.total - self.done);
        for _ in 0..n {
            self.draw();
        }
        self.done += n;
        self.done
    }

    fn draw(&mut self) {
        let a = self.sampler.achievement();
        self.sampler.noise(&mut self.noise);
        let r = model::run_with_noise(&self.s, a, &self.noise);
        let t = &r.totals;
        let f = &r.flows;
        let payer = model::npv_with(&f.payer, &self.factors);
        let public = payer
            + model::npv_with(&f.cofunder, &self.factors)
            + model::npv_with(&f.public_other, &self.factors);
        let net: Decimal = f.investor.iter().sum();
        self.loss_before += u32::from(t.drawn > Decimal::ZERO && t.investor_received < t.drawn);
        self.loss_after += u32::from(net < Decimal::ZERO);
        self.paid += u32::from(t.outcome_payments > Decimal::ZERO);
        self.capped += u32::from(r.cap_reached.is_some());
        if let Some(irr) =
            model::irr_headline(&f.investor, self.s.timeline.per_year(), &mut self.irr_buf)
        {
            self.investor_irr.push(irr);
        }
        self.achievement.push(a);
        self.payments.push(t.outcome_payments);
        self.payer_npv.push(payer);
        self.public_npv.push(public);
        self.investor_net.push(net);
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
