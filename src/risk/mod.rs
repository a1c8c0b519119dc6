//! The risk view: what the contract looks like when the effect is uncertain
//! and its measurement noisy. Pure computation on top of [`crate::model`];
//! no I/O, no terminal.
//!
//! - [`simulate`]: Monte Carlo over the scenario's `[uncertainty]`: the
//!   chance that the investor loses money, that anything is paid, that the
//!   cap binds; percentiles and histograms of payments, NPVs and IRR.
//! - [`tornado`]: each shown lever one step down and up, and what that does
//!   to the payer's NPV and the investor's IRR.
//! - [`solve`]: goal seek — the lever value that makes a figure hit a target.
//!
//! Random numbers come from ChaCha8 seeded with the scenario's seed, so the
//! same seed gives the same draws, and the same results, on every machine.

mod monte_carlo;
mod sample;
mod solve;
mod stats;
mod tornado;

pub use monte_carlo::{
    CHUNK, Cancelled, DEFAULT_BINS, Settings, Simulation, Simulator, simulate, simulate_quiet,
};
pub use sample::AchievementDraw;
pub use solve::{
    Figure, Goal, Miss, NOISE_DRAWS, Solution, SolveError, figure_value, p_noise_payment, solve,
};
pub use stats::{Distribution, Histogram, Share};
pub use tornado::{Bar, Point, Side, Tornado, TornadoFigure, tornado};
