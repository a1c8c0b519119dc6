//! Break-even achievements (`docs/model.md` §4).

use rust_decimal::Decimal;

use super::{Pieces, Prepared, metrics};
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
        let scratch = std::cell::RefCell::new(Pieces::default());
        // The conditions at α; the payer's only when `payer` asks for it.
        let holds = |a: Decimal, payer: bool| -> [bool; 3] {
            let r = self.core_for(a, payer, &mut scratch.borrow_mut());
            let drawn = r.totals.drawn > Decimal::ZERO;
            [
                drawn && r.totals.investor_received >= r.totals.drawn,
                drawn && r.investor_balance <= Decimal::new(1, 2),
                payer && metrics::npv_with(&r.flows.payer, &factors) > Decimal::ZERO,
            ]
        };
        // One run per grid point serves all three conditions.
        let mut first: [Option<u32>; 3] = [None; 3];
        for i in 0..=SCAN_STEPS {
            if first.iter().all(Option::is_some) {
                break;
            }
            let now = holds(grid(i), first[PAYER].is_none());
            for k in 0..3 {
                if first[k].is_none() && now[k] {
                    first[k] = Some(i);
                }
            }
        }
        let found: Vec<Option<Decimal>> = (0..3)
            .map(|k| {
                first[k].map(|i| {
                    if i == 0 {
                        return Decimal::ZERO;
                    }
                    let (mut lo, mut hi) = (grid(i - 1), grid(i));
                    for _ in 0..BISECTIONS {
                        // Every later bound lies between these two: once
                        // they round alike, so does the answer.
                        if lo.round_dp(8) == hi.round_dp(8) {
                            break;
                        }
                        let mid = (lo + hi) / Decimal::TWO;
                        if holds(mid, k == PAYER)[k] {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    hi.round_dp(8)
                })
            })
            .collect();
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
