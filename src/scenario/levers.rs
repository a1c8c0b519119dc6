//! The levers a scenario has (`docs/model.md` §6): stable ids, groups,
//! units, default ranges and steps, and where each lever's value lives in a
//! scenario. Ranges and steps live here only. `crate::levers` changes a
//! scenario through them; `validate.rs` checks the `[levers]` table with
//! [`check_settings`].

use rust_decimal::Decimal;

use super::error::Rule;
use super::toml_reader::suggest;
use super::{Counterfactual, Mechanism, OutcomeKind, Scenario};

/// What a lever changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Achievement,
    Target(usize),
    /// The expected level of an outcome (§8.1).
    Expected(usize),
    Threshold(usize),
    Price(usize),
    Drift(usize),
    SavingsShare,
    Cap,
    GuaranteedShare,
    CofunderShare,
    FeeAtRisk,
    FirstLoss,
    ReturnCap,
    DiscountRate,
    Capital,
    /// The investor's share of the surplus at the end (§8.3).
    ExcessInvestorShare,
    /// The investor's own discount rate (§8.3).
    HurdleRate,
    /// A site's effect, a factor on the achievement α (§9).
    Effect(usize),
}

/// The lever groups of the workshop screen, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Targets,
    /// The effect at each site (`effect.<site>`, §9).
    Sites,
    Payment,
    RiskSharing,
    Return,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Targets,
        Group::Sites,
        Group::Payment,
        Group::RiskSharing,
        Group::Return,
    ];
}

/// How a lever's value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A fraction shown as a percentage (0.25 → 25 %).
    Share,
    /// An annual rate shown as a percentage.
    Rate,
    /// Money.
    Money,
    /// Money per payable unit of an outcome.
    Price,
    /// Points of an outcome's indicator.
    Indicator,
    /// Indicator points per period.
    IndicatorPerPeriod,
}

/// A lever with its range and the scenario's value.
#[derive(Debug, Clone, PartialEq)]
pub struct Lever {
    pub id: String,
    pub target: Target,
    pub group: Group,
    pub unit: Unit,
    pub min: Decimal,
    pub max: Decimal,
    pub step: Decimal,
    /// The value in the scenario the lever was made from.
    pub value: Decimal,
}

impl Lever {
    /// Where the value sits in its range, 0 to 1.
    pub fn position(&self, value: Decimal) -> f64 {
        use rust_decimal::prelude::ToPrimitive;
        if self.max <= self.min {
            return 0.0;
        }
        (value - self.min)
            .checked_div(self.max - self.min)
            .and_then(|p| p.to_f64())
            .unwrap_or(0.0)
            .clamp(0.0, 1.0)
    }
}

/// The lever's current value in a scenario.
pub fn get(s: &Scenario, target: Target) -> Decimal {
    let zero = Decimal::ZERO;
    match target {
        Target::Achievement => s.assumptions.achievement,
        Target::Target(i) => s.outcomes[i].target,
        Target::Expected(i) => s.outcomes[i].expected,
        Target::Threshold(i) => s.outcomes[i].threshold.unwrap_or(s.outcomes[i].baseline),
        Target::Price(i) => s.outcomes[i].price,
        Target::Drift(i) => s.outcomes[i].drift,
        Target::SavingsShare => s.payment.savings_share.unwrap_or(zero),
        Target::Cap => s.payment.cap.unwrap_or(zero),
        Target::GuaranteedShare => s.payment.guaranteed_share,
        Target::CofunderShare => s.payment.cofunder_share,
        Target::FeeAtRisk => s.provider.fee_at_risk,
        Target::FirstLoss => s.investment.first_loss,
        Target::ReturnCap => s.investment.return_cap,
        Target::DiscountRate => s.assumptions.discount_rate,
        Target::Capital => s.investment.capital,
        Target::ExcessInvestorShare => s.payment.excess_investor_share,
        Target::HurdleRate => s.hurdle_rate(),
        Target::Effect(i) => s.sites[i].effect,
    }
}

pub(crate) fn put(s: &mut Scenario, target: Target, v: Decimal) {
    match target {
        Target::Achievement => s.assumptions.achievement = v,
        Target::Target(i) => s.outcomes[i].target = v,
        Target::Expected(i) => s.outcomes[i].expected = v,
        Target::Threshold(i) => s.outcomes[i].threshold = Some(v),
        Target::Price(i) => s.outcomes[i].price = v,
        Target::Drift(i) => s.outcomes[i].drift = v,
        Target::SavingsShare => s.payment.savings_share = Some(v),
        Target::Cap => s.payment.cap = Some(v),
        Target::GuaranteedShare => s.payment.guaranteed_share = v,
        Target::CofunderShare => s.payment.cofunder_share = v,
        Target::FeeAtRisk => s.provider.fee_at_risk = v,
        Target::FirstLoss => s.investment.first_loss = v,
        Target::ReturnCap => s.investment.return_cap = v,
        Target::DiscountRate => s.assumptions.discount_rate = v,
        Target::Capital => s.investment.capital = v,
        Target::ExcessInvestorShare => s.payment.excess_investor_share = v,
        Target::HurdleRate => s.investment.hurdle_rate = Some(v),
        Target::Effect(i) => s.sites[i].effect = v,
    }
}

/// Whether a lever was moved from `base` to `current`. The hurdle rate
/// follows the discount rate until it is set, so it counts as moved only
/// once it has a value of its own.
pub(crate) fn moved(base: &Scenario, current: &Scenario, target: Target) -> bool {
    match target {
        Target::HurdleRate => current.investment.hurdle_rate != base.investment.hurdle_rate,
        _ => get(current, target) != get(base, target),
    }
}

/// About 5 % of a value, rounded to two significant digits; 1 for zero.
fn nice_step(v: Decimal) -> Decimal {
    let raw = v.abs() / Decimal::from(20);
    if raw.is_zero() {
        return Decimal::ONE;
    }
    let mut scale = Decimal::ONE;
    while raw >= scale * Decimal::ONE_HUNDRED {
        scale *= Decimal::TEN;
    }
    while raw < scale * Decimal::TEN && scale > Decimal::new(1, 6) {
        scale /= Decimal::TEN;
    }
    ((raw / scale).round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        * scale)
        .normalize()
}

fn pct(n: i64, scale: u32) -> Decimal {
    Decimal::new(n, scale)
}

/// Every lever the scenario has, with default ranges and steps, before the
/// `[levers]` table narrows them, in the default order.
fn defaults(s: &Scenario) -> Vec<Lever> {
    let mut out = Vec::new();
    let share_step = pct(5, 2);
    let mut push = |id: String,
                    target: Target,
                    group: Group,
                    unit: Unit,
                    min: Decimal,
                    max: Decimal,
                    step: Decimal| {
        let value = get(s, target);
        out.push(Lever {
            id,
            target,
            group,
            unit,
            min: min.min(value).normalize(),
            max: max.max(value).normalize(),
            step: step.normalize(),
            value,
        });
    };
    push(
        "achievement".into(),
        Target::Achievement,
        Group::Targets,
        Unit::Share,
        Decimal::ZERO,
        Decimal::TWO,
        share_step,
    );
    for (i, site) in s.sites.iter().enumerate() {
        push(
            format!("effect.{}", site.id),
            Target::Effect(i),
            Group::Sites,
            Unit::Share,
            Decimal::ZERO,
            Decimal::TWO,
            share_step,
        );
    }
    for (i, o) in s.outcomes.iter().enumerate() {
        let ti = o.target_improvement().abs();
        let sign = o.better.sign();
        // Indicator levels on the improvement side of the baseline.
        let level = |improvement: Decimal| {
            let v = o.baseline + sign * improvement;
            match o.kind {
                OutcomeKind::Event => v.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED),
                OutcomeKind::Flow if o.baseline >= Decimal::ZERO => v.max(Decimal::ZERO),
                OutcomeKind::Flow => v,
            }
        };
        // A lever on an indicator level, ranging over improvements `from..to`.
        let mut indicator = |name: &str, target: Target, from: Decimal, to: Decimal, step| {
            let (a, b) = (level(from), level(to));
            let id = format!("{name}.{}", o.id);
            push(
                id,
                target,
                Group::Targets,
                Unit::Indicator,
                a.min(b),
                a.max(b),
                step,
            );
        };
        let (two, ten) = (Decimal::TWO, Decimal::TEN);
        indicator("target", Target::Target(i), ti / ten, ti * two, ti / ten);
        if o.threshold.is_some() {
            indicator(
                "threshold",
                Target::Threshold(i),
                Decimal::ZERO,
                ti * two,
                ti / ten,
            );
        }
        let ei = o.expected_improvement().abs();
        indicator(
            "expected",
            Target::Expected(i),
            ei / ten,
            ei * two,
            ei / ten,
        );
        if o.kind == OutcomeKind::Flow && o.counterfactual == Counterfactual::HistoricalBaseline {
            push(
                format!("drift.{}", o.id),
                Target::Drift(i),
                Group::Targets,
                Unit::IndicatorPerPeriod,
                -ti,
                ti,
                ti / Decimal::from(20),
            );
        }
        if s.payment.mechanism == Mechanism::RateCard {
            let top = if o.price.is_zero() {
                o.value.max(Decimal::ONE)
            } else {
                o.price
            } * Decimal::from(3);
            push(
                format!("price.{}", o.id),
                Target::Price(i),
                Group::Payment,
                Unit::Price,
                Decimal::ZERO,
                top,
                nice_step(o.price),
            );
        }
    }
    if s.payment.mechanism == Mechanism::ShareOfSavings {
        push(
            "savings_share".into(),
            Target::SavingsShare,
            Group::Payment,
            Unit::Share,
            Decimal::ZERO,
            Decimal::ONE,
            share_step,
        );
    }
    if let Some(cap) = s.payment.cap {
        push(
            "cap".into(),
            Target::Cap,
            Group::Payment,
            Unit::Money,
            Decimal::ZERO,
            cap * Decimal::from(3),
            nice_step(cap),
        );
    }
    for (id, target) in [
        ("guaranteed_share", Target::GuaranteedShare),
        ("cofunder_share", Target::CofunderShare),
        ("fee_at_risk", Target::FeeAtRisk),
        ("first_loss", Target::FirstLoss),
        ("excess_investor_share", Target::ExcessInvestorShare),
    ] {
        push(
            id.into(),
            target,
            Group::RiskSharing,
            Unit::Share,
            Decimal::ZERO,
            Decimal::ONE,
            share_step,
        );
    }
    push(
        "return_cap".into(),
        Target::ReturnCap,
        Group::Return,
        Unit::Rate,
        Decimal::ZERO,
        pct(30, 2),
        pct(5, 3),
    );
    push(
        "discount_rate".into(),
        Target::DiscountRate,
        Group::Return,
        Unit::Rate,
        Decimal::ZERO,
        pct(15, 2),
        pct(5, 3),
    );
    push(
        "hurdle_rate".into(),
        Target::HurdleRate,
        Group::Return,
        Unit::Rate,
        Decimal::ZERO,
        pct(30, 2),
        pct(5, 3),
    );
    let capital = s.investment.capital;
    push(
        "capital".into(),
        Target::Capital,
        Group::Return,
        Unit::Money,
        Decimal::ZERO,
        if capital.is_zero() {
            Decimal::from(1_000_000)
        } else {
            capital * Decimal::from(3)
        },
        nice_step(capital),
    );
    out
}

/// Every lever of the scenario, with the `[levers]` table's ranges and steps.
pub fn available(s: &Scenario) -> Vec<Lever> {
    let mut all = defaults(s);
    for o in &s.levers.overrides {
        if let Some(l) = all.iter_mut().find(|l| l.id == o.id) {
            l.min = o.min.unwrap_or(l.min);
            l.max = o.max.unwrap_or(l.max);
            l.step = o.step.unwrap_or(l.step);
        }
    }
    all
}

/// The levers the workshop shows, in the scenario's order (`[levers] show`),
/// or all of them when the scenario does not choose.
pub fn shown(s: &Scenario) -> Vec<Lever> {
    let all = available(s);
    if s.levers.show.is_empty() {
        return all;
    }
    s.levers
        .show
        .iter()
        .filter_map(|id| all.iter().find(|l| &l.id == id).cloned())
        .collect()
}

/// Checks the `[levers]` table: known ids, each shown once, sensible
/// ranges with the scenario's value inside. Returns `(key path, rule)`.
pub(crate) fn check_settings(s: &Scenario) -> Vec<(String, Rule)> {
    let mut out = Vec::new();
    let all = defaults(s);
    let ids: Vec<&str> = all.iter().map(|l| l.id.as_str()).collect();
    let unknown = |id: &str| Rule::UnknownLever {
        id: id.to_string(),
        suggestion: suggest(id, &ids).map(str::to_string),
        known: ids.iter().map(|id| id.to_string()).collect(),
    };
    for (i, id) in s.levers.show.iter().enumerate() {
        let path = format!("levers.show[{i}]");
        if !ids.contains(&id.as_str()) {
            out.push((path, unknown(id)));
        } else if s.levers.show[..i].contains(id) {
            out.push((path, Rule::LeverListedTwice { id: id.clone() }));
        }
    }
    for o in &s.levers.overrides {
        let path = format!("levers.{}", o.id);
        let Some(l) = all.iter().find(|l| l.id == o.id) else {
            out.push((path, unknown(&o.id)));
            continue;
        };
        let min = o.min.unwrap_or(l.min);
        let max = o.max.unwrap_or(l.max);
        if min > max {
            out.push((path.clone(), Rule::LeverMinAboveMax { min, max }));
        } else if l.value < min || l.value > max {
            out.push((
                path.clone(),
                Rule::LeverValueOutside {
                    value: l.value,
                    min,
                    max,
                },
            ));
        }
        if let Some(step) = o.step
            && step <= Decimal::ZERO
        {
            out.push((path, Rule::LeverStepNotPositive { step }));
        }
    }
    out
}
