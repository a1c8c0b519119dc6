//! Break-even achievements (`docs/model.md` §4).

use rust_decimal::Decimal;

use super::{Pieces, Prepared, metrics, spread};
use crate::scenario::Scenario;

/// The smallest achievements (α ∈ [0, 2]) at which each party breaks even.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BreakEven {
    /// The investor gets back what it drew (`received ≥ drawn > 0`).
    pub principal: Option<Decimal>,
    /// The investor is paid in full, capped return included.
    pub return_cap: Option<Decimal>,
    /// The payer's NPV turns positive.
    pub payer: Option<Decimal>,
}

const SCAN_STEPS: u32 = 200;
const BISECTIONS: u32 = 30;
const PAYER: usize = 2;

/// Scans α = 0, 0.01, …, 2 for each condition, then bisects the first
/// bracket where it starts to hold, 30 times or until the answer to 8
/// decimals is settled.
pub fn break_even(s: &Scenario) -> BreakEven {
    Prepared::new(s).break_even(s)
}

impl Prepared {
    /// [`break_even`] of the scenario this was prepared from. Each run is
    /// the fast path to the exact figures (`fast.rs`), and leaves out the
    /// value side when only the investor's conditions are still open.
    pub fn break_even(&self, s: &Scenario) -> BreakEven {
        let factors = metrics::discount_factors(s);
        // The conditions at α; the payer's only when `payer` asks for it.
        let holds = |a: Decimal, payer: bool, scratch: &mut Pieces| -> [bool; 3] {
            let r = self.core_for(a, payer, scratch);
            let drawn = r.totals.drawn > Decimal::ZERO;
            [
                drawn && r.totals.investor_received >= r.totals.drawn,
                drawn && r.investor_balance <= Decimal::new(1, 2),
                payer && metrics::npv_with(&r.flows.payer, &factors) > Decimal::ZERO,
            ]
        };
        // A large pilot spreads its runs over the cores: the grid in
        // blocks, the three bisections side by side. The answers are the
        // same on any number of cores.
        let threads = self.threads();
        // One run per grid point serves all three conditions.
        let mut first: [Option<u32>; 3] = [None; 3];
        let mut i = 0;
        while i <= SCAN_STEPS && first.iter().any(Option::is_none) {
            let payer = first[PAYER].is_none();
            let block: Vec<u32> = (i..=SCAN_STEPS.min(i + threads as u32 * 3 - 1)).collect();
            let now = spread(&block, threads, |part| {
                let mut scratch = Pieces::default();
                part.iter()
                    .map(|&g| holds(grid(g), payer, &mut scratch))
                    .collect()
            });
            for (&g, now) in block.iter().zip(now) {
                for k in 0..3 {
                    if first[k].is_none() && now[k] {
                        first[k] = Some(g);
                    }
                }
            }
            i += block.len() as u32;
        }
        let bisect = |k: usize| -> Option<Decimal> {
            let i = first[k]?;
            if i == 0 {
                return Some(Decimal::ZERO);
            }
            let mut scratch = Pieces::default();
            let (mut lo, mut hi) = (grid(i - 1), grid(i));
            for _ in 0..BISECTIONS {
                // Every later bound lies between these two: once they
                // round alike, so does the answer.
                if lo.round_dp(8) == hi.round_dp(8) {
                    break;
                }
                let mid = (lo + hi) / Decimal::TWO;
                if holds(mid, k == PAYER, &mut scratch)[k] {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            Some(hi.round_dp(8))
        };
        let found = spread(&[0, 1, PAYER], threads.min(3), |part| {
            part.iter().map(|&k| bisect(k)).collect()
        });
        BreakEven {
            principal: found[0],
            return_cap: found[1],
            payer: found[PAYER],
        }
    }
}

fn grid(i: u32) -> Decimal {
    Decimal::new(i64::from(i), 2)
}
