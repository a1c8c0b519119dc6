//! The fast path to the exact figures, for the many runs of break-evens,
//! payoff curves, the risk table and the Monte Carlo (`docs/model.md` §9,
//! "Speed").
//!
//! Only each site's amounts per segment are computed in `f64` ([`Approx`]),
//! where a pilot of 357 municipalities spends its time. Each amount is
//! accepted only when its rounding to øre, and every threshold test behind
//! it, is certain to come out as in `Decimal`; otherwise that one amount is
//! computed again in `Decimal`. Everything after (caps, sums, splits, the
//! waterfall) is exact as it is. So [`Prepared::core`] gives exactly what
//! the `Decimal` model gives (a test holds the two together), only sooner.

use rust_decimal::Decimal;

use super::num::{Approx, Num, take_unsure};
use super::outcomes;
use super::plan::{Formulas, Plan};
use super::run::{Run, detailed};
use super::sites::{self, Calc, Exact, Pieces, pooled_exact};
use super::waterfall::{Core, waterfall};
use crate::scenario::Scenario;

/// The fast calculation, repaired in `Decimal` where it is unsure.
struct Fast<'p> {
    exact: Exact<'p>,
    approx: &'p Formulas<Approx>,
    alphas: Vec<Approx>,
    /// Whether the value side is wanted (else only payments).
    values: bool,
    /// Whether the cash part of the payer's value is wanted (budgets).
    cash: bool,
}

impl Fast<'_> {
    /// The payment (øre) in `Decimal`, where the fast one was unsure.
    #[cold]
    fn exact_payment(
        &self,
        s: usize,
        k: usize,
        g: usize,
        t: usize,
        noise: Option<Decimal>,
        pooled: Option<bool>,
    ) -> i128 {
        let (o, so) = (&self.exact.f.outcomes[k], &self.exact.f.sites[s][k]);
        let seg = &so.segments[g];
        let (_, m) = outcomes::measured(o, so, self.exact.site_alpha(s), seg, t, noise);
        outcomes::payment(o, so, seg, m, pooled).1.rounded_ore()
    }

    /// The value (øre) in `Decimal`, where the fast one was unsure.
    #[cold]
    fn exact_value(&self, s: usize, k: usize, g: usize, t: usize) -> i128 {
        let (o, so) = (&self.exact.f.outcomes[k], &self.exact.f.sites[s][k]);
        let seg = &so.segments[g];
        let (effect, _) = outcomes::measured(o, so, self.exact.site_alpha(s), seg, t, None);
        outcomes::value(o, so, seg, effect).1.rounded_ore()
    }
}

impl Calc for Fast<'_> {
    #[inline]
    fn amounts(
        &mut self,
        s: usize,
        k: usize,
        g: usize,
        t: usize,
        noise: Option<Decimal>,
        pooled: Option<bool>,
    ) -> [i128; 4] {
        let o = &self.approx.outcomes[k];
        let so = &self.approx.sites[s][k];
        let seg = &so.segments[g];
        // Each amount on its own: only an unsure one is computed again.
        take_unsure();
        let (effect, m) = outcomes::measured(o, so, self.alphas[s], seg, t, noise.map(Approx::of));
        let mut payment = outcomes::payment(o, so, seg, m, pooled).1.rounded_ore();
        if take_unsure() {
            payment = self.exact_payment(s, k, g, t, noise, pooled);
        }
        if !self.values {
            return [payment, 0, 0, 0];
        }
        let mut value = outcomes::value(o, so, seg, effect).1.rounded_ore();
        if take_unsure() {
            value = self.exact_value(s, k, g, t);
        }
        let payer_value = o.payer_value_share.part_of(value);
        let cash = if self.cash {
            o.payer_cash_share.part_of(payer_value)
        } else {
            0
        };
        [payment, value, payer_value, cash]
    }

    fn pooled(
        &mut self,
        k: usize,
        g: usize,
        t: usize,
        noise: &dyn Fn(usize) -> Option<Decimal>,
    ) -> bool {
        let f = self.exact.f;
        let pool = f.outcomes[..k].iter().filter(|o| o.pooled).count();
        if f.pool_weights[pool][g].is_zero() {
            return false;
        }
        take_unsure();
        let sites: Vec<(&_, Approx)> = self
            .approx
            .sites
            .iter()
            .zip(&self.alphas)
            .map(|(outcomes, alpha)| (&outcomes[k], *alpha))
            .collect();
        let approx_noise = |s: usize| noise(s).map(Approx::of);
        let pass = outcomes::pooled_test(
            &self.approx.outcomes[k],
            &sites,
            self.approx.pool_weights[pool][g],
            g,
            t,
            &approx_noise,
        );
        if take_unsure() {
            pooled_exact(f, self.exact.achievement, k, g, t, noise)
        } else {
            pass
        }
    }
}

/// From this many site-periods on, many runs use every core.
const PARALLEL_SITE_PERIODS: usize = 2_000;

/// From this many sites on, each site's own work in one run (its detail,
/// its figures) is spread over the cores.
const PARALLEL_SITES: usize = 64;

/// Every core, at most four.
fn cores() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
}

/// Threads for each site's own work in one run: [`cores`] for many
/// sites, one for a few (where starting threads costs more than it saves).
pub(crate) fn site_threads(sites: usize) -> usize {
    if sites >= PARALLEL_SITES { cores() } else { 1 }
}

/// `work` on `items` split into `threads` contiguous parts, the results in
/// the order of `items`: the same whatever the number of threads.
pub(crate) fn spread<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    if threads <= 1 || items.len() <= 1 {
        return work(items);
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| work(part)))
            .collect();
        parts
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A scenario prepared for many runs at different achievements: what does
/// not depend on α is worked out once.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(crate) plan: Plan,
    approx: Formulas<Approx>,
    scenario: Scenario,
}

impl Prepared {
    pub fn new(s: &Scenario) -> Prepared {
        let plan = Plan::new(s);
        let approx = plan.exact.approx();
        Prepared {
            plan,
            approx,
            scenario: s.clone(),
        }
    }

    /// The run at α with every site's detail: exactly the `Decimal`
    /// model's, found faster.
    pub fn run(&self, achievement: Decimal) -> Run {
        self.run_with_noise(achievement, &[])
    }

    /// [`Prepared::run`] with measurement noise, as [`super::run_with_noise`].
    pub fn run_with_noise(&self, achievement: Decimal, noise: &[Decimal]) -> Run {
        let mut calc = self.calc(achievement, true, true);
        detailed(&self.scenario, &self.plan, &mut calc, achievement, noise)
    }

    /// Threads for many runs of this scenario: every core (at most four)
    /// for a large pilot, one for a small one (where starting threads
    /// would cost more than it saves).
    pub(crate) fn threads(&self) -> usize {
        if self.plan.site_count * self.plan.periods >= PARALLEL_SITE_PERIODS {
            cores()
        } else {
            1
        }
    }

    fn calc(&self, achievement: Decimal, values: bool, cash: bool) -> Fast<'_> {
        let alpha = Approx::of(achievement);
        Fast {
            exact: Exact {
                f: &self.plan.exact,
                achievement,
            },
            approx: &self.approx,
            alphas: (0..self.plan.site_count)
                .map(|s| self.approx.alpha(s, alpha))
                .collect(),
            values,
            cash,
        }
    }

    /// The contract's flows and totals at α, with measurement noise as
    /// [`super::run_with_noise`] takes it; exactly what the `Decimal` model
    /// gives, found faster, except the cash part of the payer's value
    /// (`payer_periods[].cash_value`, for budgets), which is left at 0.
    /// `scratch` is reused between calls.
    pub(crate) fn core_with(
        &self,
        achievement: Decimal,
        noise: &[Decimal],
        scratch: &mut Pieces,
    ) -> Core {
        self.core_of(&mut self.calc(achievement, true, false), noise, scratch)
    }

    /// [`Prepared::core_with`] without noise; without `values`, only the
    /// payments and what they decide (the investor's flows and totals,
    /// the provider's, the cofunder's part): the value side is left at 0.
    pub(crate) fn core_for(
        &self,
        achievement: Decimal,
        values: bool,
        scratch: &mut Pieces,
    ) -> Core {
        self.core_of(&mut self.calc(achievement, values, false), &[], scratch)
    }

    fn core_of(&self, calc: &mut Fast, noise: &[Decimal], scratch: &mut Pieces) -> Core {
        let tests = sites::pooled_tests(&self.plan, calc, noise);
        sites::pieces(&self.plan, calc, noise, &tests, scratch);
        waterfall(&self.plan, &sites::payments(&self.plan, scratch, false))
    }

    /// The same as [`Prepared::core_with`], in `Decimal` all the way: what
    /// the fast path is held to.
    #[cfg(test)]
    pub(crate) fn exact_core(&self, achievement: Decimal, noise: &[Decimal]) -> Core {
        super::run::exact_core(&self.plan, achievement, noise)
    }
}

/// The generated pilot of the benches, for the tests below.
#[cfg(test)]
#[path = "../../benches/common/municipalities.rs"]
mod large;

#[cfg(test)]
mod tests {
    //! The fast path against the `Decimal` model: the same figures, to the
    //! øre, on the bundled pilots, the generated municipalities (with own
    //! caps, the contract's cap, pooled tests and noise) at achievements of
    //! every kind: the break-evens' grid and bisection points, the payoff
    //! curve's, and the Monte Carlo's six-decimal draws.

    use super::large;
    use super::*;
    use crate::model::Run;
    use crate::scenario;
    use rust_decimal_macros::dec;

    fn exact_run(p: &Prepared, achievement: Decimal, noise: &[Decimal]) -> Run {
        let mut calc = Exact {
            f: &p.plan.exact,
            achievement,
        };
        detailed(&p.scenario, &p.plan, &mut calc, achievement, noise)
    }

    /// The fast path's core with the cash parts it leaves out taken from
    /// the exact one.
    fn agree(p: &Prepared, achievement: Decimal, noise: &[Decimal]) {
        let exact = p.exact_core(achievement, noise);
        let mut fast = p.core_with(achievement, noise, &mut Pieces::default());
        for (f, e) in fast.payer_periods.iter_mut().zip(&exact.payer_periods) {
            assert_eq!(f.cash_value, Decimal::ZERO);
            f.cash_value = e.cash_value;
        }
        assert_eq!(fast, exact, "α = {achievement}");
        if !noise.is_empty() {
            return;
        }
        let values = p.core_for(achievement, true, &mut Pieces::default());
        assert_eq!(values.flows, exact.flows, "α = {achievement}");
        let payments = p.core_for(achievement, false, &mut Pieces::default());
        assert_eq!(payments.flows.investor, exact.flows.investor);
        assert_eq!(payments.investor_balance, exact.investor_balance);
        assert_eq!(payments.totals.drawn, exact.totals.drawn);
    }

    /// Achievements of every kind the fast path meets.
    fn achievements() -> Vec<Decimal> {
        let mut out: Vec<Decimal> = (0..=40).map(|i| Decimal::new(i * 5, 2)).collect();
        let (mut lo, mut hi) = (dec!(0.71), dec!(0.72));
        for _ in 0..30 {
            let mid = (lo + hi) / Decimal::TWO;
            out.push(mid);
            (lo, hi) = if out.len().is_multiple_of(2) {
                (mid, hi)
            } else {
                (lo, mid)
            };
        }
        let mut x: u64 = 0x853C_49E6_748F_EA9B;
        for _ in 0..40 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            out.push(Decimal::new((x % 2_000_000) as i64, 6));
        }
        out
    }

    fn parse(text: &str) -> Prepared {
        Prepared::new(&scenario::parse(text, "test.toml").unwrap_or_else(|e| panic!("{e}")))
    }

    #[test]
    fn the_fast_path_gives_the_exact_figures_on_the_bundled_pilots() {
        let texts = [
            include_str!("../../scenarios/sykefravaer.toml"),
            include_str!("../../scenarios/rekruttering.toml"),
            include_str!("../../scenarios/finland_tyhy.toml"),
            include_str!("../../scenarios/peterborough.toml"),
            include_str!("../../tests/fixtures/worked_example.toml"),
            include_str!("../../tests/fixtures/sites_example.toml"),
        ];
        for text in texts {
            let p = parse(text);
            for a in achievements() {
                agree(&p, a, &[]);
            }
            assert_eq!(p.run(dec!(0.8)), exact_run(&p, dec!(0.8), &[]));
        }
    }

    #[test]
    fn the_fast_path_gives_the_exact_figures_for_many_municipalities() {
        let text = large::municipalities(24, 36);
        let pooled = text.replace("[payment]\n", "[payment]\npooling = \"pooled\"\n");
        // A contract's cap that binds within the contract.
        let key = "[payment]\ncap = ";
        let i = text.find(key).map(|i| i + key.len()).unwrap_or_default();
        let j = i + text[i..].find('\n').unwrap_or_default();
        let cap: u64 = text[i..j].parse().unwrap_or_default();
        let tight = format!("{}{}{}", &text[..i], cap / 3, &text[j..]);
        for text in [&text, &pooled, &tight] {
            let p = parse(text);
            for a in achievements() {
                agree(&p, a, &[]);
            }
            for a in [dec!(0.3), dec!(1), dec!(1.7)] {
                assert_eq!(p.run(a), exact_run(&p, a, &[]));
            }
        }
    }

    #[test]
    fn the_fast_path_gives_the_exact_figures_with_noise() {
        let text = large::municipalities(6, 12);
        for text in [
            text.clone(),
            text.replace("[payment]\n", "[payment]\npooling = \"pooled\"\n"),
        ] {
            let p = parse(&text);
            let n = 6 * 2 * 12;
            let mut x: u64 = 0x2545_F491_4F6C_DD1D;
            for round in 0..12 {
                let noise: Vec<Decimal> = (0..n)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        Decimal::new((x % 2_000_001) as i64 - 1_000_000, 6 + (round % 2))
                    })
                    .collect();
                let a = Decimal::new(i64::from(round) * 15, 2);
                agree(&p, a, &noise);
                assert_eq!(p.run_with_noise(a, &noise), exact_run(&p, a, &noise));
            }
        }
    }
}
