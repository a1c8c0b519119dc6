//! The rules of `docs/model.md` §7, checked on any scenario: one loaded from
//! a file, or one a lever has just changed.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::*;

pub(crate) const MAX_PERIODS: usize = 480;

/// Amounts beyond this could make the model's sums leave `Decimal`'s range.
const MAX_AMOUNT: f64 = 1e24;

/// A broken rule, located by key path (`outcomes[0].threshold`).
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub path: String,
    pub message: String,
    pub help: Option<String>,
    /// The message in bokmål, for the rules a lever can break (the
    /// workshop shows it when a lever value is refused).
    pub message_nb: Option<String>,
}

struct Rules {
    issues: Vec<Issue>,
}

impl Rules {
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue {
            path: path.into(),
            message: message.into(),
            help: None,
            message_nb: None,
        });
    }

    /// The last message in bokmål.
    fn nb(&mut self, message: impl Into<String>) {
        if let Some(last) = self.issues.last_mut() {
            last.message_nb = Some(message.into());
        }
    }

    fn help(&mut self, help: impl Into<String>) {
        if let Some(last) = self.issues.last_mut() {
            last.help = Some(help.into());
        }
    }

    fn share(&mut self, path: &str, v: Decimal) {
        if v < Decimal::ZERO || v > Decimal::ONE {
            self.fail(
                path,
                format!("{v} is not a share; allowed: 0 to 1 (0.25 = 25 %)"),
            );
            self.nb(format!(
                "{} er ikke en andel; tillatt: 0 til 1 (0,25 = 25 %)",
                nb(v)
            ));
        }
    }

    fn non_negative(&mut self, path: &str, v: Decimal) {
        if v < Decimal::ZERO {
            self.fail(path, format!("{v} is negative; allowed: 0 or more"));
        }
    }

    fn rate(&mut self, path: &str, v: Decimal) {
        if v < Decimal::ZERO || v > Decimal::ONE_HUNDRED {
            self.fail(
                path,
                format!("{v} is not a rate; allowed: 0 to 100 (per cent)"),
            );
        }
    }
}

/// Every broken rule of the scenario; empty when it is valid.
pub fn validate(s: &Scenario) -> Vec<Issue> {
    let mut r = Rules { issues: Vec::new() };
    let periods = s.timeline.periods;
    if !(1..=MAX_PERIODS).contains(&periods) {
        r.fail(
            "timeline.periods",
            format!("{periods} periods; allowed: 1 to {MAX_PERIODS}"),
        );
        r.help("use a longer period (e.g. \"year\") for long contracts");
        // Lists cannot be checked against an impossible length.
        return r.issues;
    }

    if s.delivery.cost.len() != periods {
        r.fail(
            "delivery.cost",
            format!(
                "{} costs for {periods} periods; give one number for every period, or a single number",
                s.delivery.cost.len()
            ),
        );
    }
    for (i, c) in s.delivery.cost.iter().enumerate() {
        r.non_negative(&format!("delivery.cost[{i}]"), *c);
    }
    if let Some(size) = s.cohort.size {
        r.non_negative("cohort.size", size);
    }
    if let Some(intake) = &s.cohort.intake {
        if intake.len() != periods {
            r.fail(
                "cohort.intake",
                format!(
                    "{} intakes for {periods} periods; give one number for every period, or a single number",
                    intake.len()
                ),
            );
        }
        for (i, n) in intake.iter().enumerate() {
            r.non_negative(&format!("cohort.intake[{i}]"), *n);
        }
    }

    if s.outcomes.is_empty() {
        r.fail(
            "outcomes",
            "no outcomes; a scenario needs at least one [[outcomes]] table",
        );
    }
    for (i, o) in s.outcomes.iter().enumerate() {
        outcome(&mut r, s, i, o);
    }

    let p = &s.payment;
    if let Some(cap) = p.cap {
        r.non_negative("payment.cap", cap);
    }
    r.share("payment.guaranteed_share", p.guaranteed_share);
    r.share("payment.cofunder_share", p.cofunder_share);
    match (p.mechanism, p.savings_share) {
        (Mechanism::ShareOfSavings, None) => {
            r.fail(
                "payment.savings_share",
                "mechanism \"share_of_savings\" needs `savings_share`",
            );
            r.help("add `savings_share = 0.5` to [payment] (the share of the value paid out)");
        }
        (_, Some(v)) => r.share("payment.savings_share", v),
        _ => {}
    }
    if p.cofunder_share > Decimal::ZERO && s.parties.cofunder.is_none() {
        r.fail(
            "payment.cofunder_share",
            "a cofunder share above 0 needs a cofunder; name it in [parties]",
        );
        r.help("add `cofunder = \"…\"` to [parties]");
        r.nb("en medfinansieringsandel over 0 krever en medfinansiør; oppgi den i [parties]");
    }
    r.share("provider.fee_at_risk", s.provider.fee_at_risk);
    // Only when both are shares: a share above 1 is reported on its own.
    let is_share = |v: Decimal| (Decimal::ZERO..=Decimal::ONE).contains(&v);
    if is_share(p.guaranteed_share)
        && is_share(s.provider.fee_at_risk)
        && p.guaranteed_share + s.provider.fee_at_risk > Decimal::ONE
    {
        r.fail(
            "provider.fee_at_risk",
            format!(
                "guaranteed_share {} plus fee_at_risk {} is more than 1; together they may be at most the whole cost",
                p.guaranteed_share, s.provider.fee_at_risk
            ),
        );
        r.nb(format!(
            "garantert andel {} pluss leverandørens risiko {} er mer enn 1; til sammen kan de høyst være hele kostnaden",
            nb(p.guaranteed_share),
            nb(s.provider.fee_at_risk)
        ));
    }

    let inv = &s.investment;
    r.non_negative("investment.capital", inv.capital);
    r.share("investment.first_loss", inv.first_loss);
    if inv.return_cap < Decimal::ZERO || inv.return_cap > Decimal::ONE {
        r.fail(
            "investment.return_cap",
            format!(
                "{} is outside 0 to 1 (0 % to 100 % a year); 1 means practically uncapped",
                inv.return_cap
            ),
        );
        r.nb(format!(
            "{} er utenfor 0 til 1 (0 % til 100 % i året); 1 betyr i praksis uten tak",
            nb(inv.return_cap)
        ));
    }

    let a = &s.assumptions;
    if a.achievement < Decimal::ZERO || a.achievement > Decimal::TEN {
        r.fail(
            "assumptions.achievement",
            format!(
                "{} is outside 0 to 10 (1 = exactly the target)",
                a.achievement
            ),
        );
    }
    discount(&mut r, s);
    contract_size(&mut r, s);
    uncertainty(&mut r, s);
    crate::levers::check_settings(s, &mut r.issues);
    r.issues
}

fn discount(r: &mut Rules, s: &Scenario) {
    let d = s.assumptions.discount_rate;
    if d <= Decimal::NEGATIVE_ONE || d > Decimal::ONE {
        r.fail(
            "assumptions.discount_rate",
            format!("{d} is outside the allowed range: above −1 and at most 1 (100 % a year)"),
        );
        return;
    }
    // Discount factors (1+d)^−years must stay representable.
    let years = s.timeline.periods as f64 / f64::from(s.timeline.per_year());
    let growth = -(1.0 + d.to_f64().unwrap_or(0.0)).ln() * years;
    if growth > 40.0 {
        r.fail(
            "assumptions.discount_rate",
            format!("{d} over {years} years gives discount factors too large to compute exactly"),
        );
    }
}

/// Sampled noise is cut off at this many standard deviations (`crate::risk`).
pub(crate) const NOISE_SDS: i64 = 8;

fn uncertainty(r: &mut Rules, s: &Scenario) {
    let u = &s.uncertainty;
    let achievement_range = |r: &mut Rules, key: &str, v: Decimal| {
        if v < Decimal::ZERO || v > Decimal::TEN {
            r.fail(
                format!("uncertainty.{key}"),
                format!("{v} is outside 0 to 10 (1 = exactly the target)"),
            );
        }
    };
    match u.achievement {
        AchievementSpread::Normal { sd } => {
            if sd < Decimal::ZERO || sd > Decimal::TEN {
                r.fail(
                    "uncertainty.achievement_sd",
                    format!("{sd} is outside 0 to 10 (0.25 = a quarter of the target)"),
                );
            }
        }
        AchievementSpread::Triangular { min, mode, max } => {
            achievement_range(r, "achievement_min", min);
            achievement_range(r, "achievement_max", max);
            if min > max {
                r.fail(
                    "uncertainty.achievement_min",
                    format!("achievement_min {min} is above achievement_max {max}"),
                );
            }
            if let Some(mode) = mode
                && (mode < min || mode > max)
            {
                r.fail(
                    "uncertainty.achievement_mode",
                    format!("achievement_mode {mode} must lie between achievement_min {min} and achievement_max {max}"),
                );
            }
        }
    }
    if u.draws < 1 || u.draws > Uncertainty::MAX_DRAWS {
        r.fail(
            "uncertainty.draws",
            format!(
                "{} draws; allowed: 1 to {}",
                u.draws,
                Uncertainty::MAX_DRAWS
            ),
        );
    }
    let ids: Vec<&str> = s.outcomes.iter().map(|o| o.id.as_str()).collect();
    for (i, n) in u.noise.iter().enumerate() {
        let path = format!("uncertainty.noise.{}", n.outcome);
        if !ids.contains(&n.outcome.as_str()) {
            r.fail(&path, format!("unknown outcome `{}`", n.outcome));
            r.help(match suggest(&n.outcome, &ids) {
                Some(m) => format!("did you mean `{m}`?"),
                None => format!("outcomes of this scenario: {}", ids.join(", ")),
            });
        } else if u.noise[..i].iter().any(|o| o.outcome == n.outcome) {
            r.fail(&path, format!("outcome `{}` is listed twice", n.outcome));
        }
        r.non_negative(&path, n.sd);
    }
}

fn outcome(r: &mut Rules, s: &Scenario, i: usize, o: &Outcome) {
    let at = |key: &str| format!("outcomes[{i}].{key}");
    let valid_id = !o.id.is_empty()
        && o.id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid_id {
        r.fail(
            at("id"),
            format!("\"{}\" is not a valid id; use a-z, 0-9 and _ only", o.id),
        );
    }
    if s.outcomes[..i].iter().any(|other| other.id == o.id) {
        r.fail(
            at("id"),
            format!("the id \"{}\" is used by an earlier outcome", o.id),
        );
    }

    let ti = o.target_improvement();
    if ti <= Decimal::ZERO {
        let dir = match o.better {
            Better::Lower => "below",
            Better::Higher => "above",
        };
        r.fail(
            at("target"),
            format!(
                "target {} is not an improvement on baseline {}; with better = \"{}\" it must be {dir} the baseline",
                o.target,
                o.baseline,
                if o.better == Better::Lower { "lower" } else { "higher" },
            ),
        );
        r.nb(format!(
            "målet {} er ingen forbedring fra utgangsnivået {}; det må ligge {} utgangsnivået",
            nb(o.target),
            nb(o.baseline),
            if o.better == Better::Lower {
                "under"
            } else {
                "over"
            },
        ));
    }
    if let Some(h) = o.threshold {
        let hi = o.threshold_improvement();
        if hi < Decimal::ZERO || hi > ti {
            r.fail(
                at("threshold"),
                format!(
                    "threshold {h} must lie between the baseline {} and the target {}",
                    o.baseline, o.target
                ),
            );
            r.nb(format!(
                "terskelen {} må ligge mellom utgangsnivået {} og målet {}",
                nb(h),
                nb(o.baseline),
                nb(o.target)
            ));
        } else if o.threshold_rule == ThresholdRule::Deductible && hi >= ti {
            r.fail(
                at("threshold"),
                format!(
                    "with threshold_rule = \"deductible\" the threshold {h} must lie strictly before the target {}",
                    o.target
                ),
            );
            r.nb(format!(
                "med threshold_rule = \"deductible\" må terskelen {} ligge før målet {}",
                nb(h),
                nb(o.target)
            ));
        }
    }

    match o.kind {
        OutcomeKind::Flow => {
            if s.cohort.size.is_none() {
                r.fail(
                    "cohort.size",
                    format!("flow outcome \"{}\" needs `cohort.size`", o.id),
                );
                r.help("add `size = …` (members of the cohort) to [cohort]");
            }
            match o.units_per_point {
                None => {
                    r.fail(
                        at("units_per_point"),
                        format!("flow outcome \"{}\" needs `units_per_point` above 0", o.id),
                    );
                    r.help("e.g. `units_per_point = 2.25` (1 point of absence = 2.25 days a year)");
                }
                Some(u) if u <= Decimal::ZERO => r.fail(
                    at("units_per_point"),
                    format!("{u} must be above 0 (payable units per point per member per year)"),
                ),
                _ => {}
            }
            if o.counterfactual == Counterfactual::None {
                r.fail(
                    at("counterfactual"),
                    "counterfactual = \"none\" is only for event outcomes",
                );
            }
        }
        OutcomeKind::Event => {
            if s.cohort.intake.is_none() {
                r.fail(
                    "cohort.intake",
                    format!("event outcome \"{}\" needs `cohort.intake`", o.id),
                );
                r.help("add `intake = [...]` (participants per period) to [cohort]");
            }
            r.rate(&at("baseline"), o.baseline);
            r.rate(&at("target"), o.target);
            if let Some(h) = o.threshold {
                r.rate(&at("threshold"), h);
            }
            if o.counterfactual == Counterfactual::HistoricalBaseline {
                r.fail(
                    at("counterfactual"),
                    "counterfactual = \"historical_baseline\" is only for flow outcomes",
                );
            }
            if !o.drift.is_zero() {
                r.fail(at("drift"), "drift is only for flow outcomes");
            }
            if o.counterfactual == Counterfactual::None
                && (o.better != Better::Higher
                    || o.threshold.is_some()
                    || o.threshold_rule != ThresholdRule::None)
            {
                r.fail(
                    at("counterfactual"),
                    "counterfactual = \"none\" needs better = \"higher\" and no threshold",
                );
            }
        }
    }
    r.non_negative(&at("price"), o.price);
    r.non_negative(&at("value"), o.value);
    r.share(&at("payer_value_share"), o.payer_value_share);
    if o.ramp_periods < 1 {
        r.fail(at("ramp_periods"), "ramp_periods must be at least 1");
    }
    if let Some(amount) = largest_amount(s, o)
        && amount > MAX_AMOUNT
    {
        r.fail(
            at("price"),
            format!(
                "this outcome could reach about {amount:.0e} over the contract, beyond what effekt computes exactly"
            ),
        );
        r.nb("beløpene blir større enn effekt kan regne eksakt med; regn i tusen kroner eller bruk mindre enheter");
        r.help("count money in thousands, or use smaller units");
    }
}

/// Largest discounted amount: NPVs sum flows times discount factors, and
/// several NPVs are added up, so this stays well below `Decimal::MAX` (≈ 7.9e28).
const MAX_DISCOUNTED: f64 = 1e26;

/// Every amount of the whole contract together (costs, payments, value), and
/// the same discounted at the largest discount factor, must stay far inside
/// `Decimal`'s range so that no sum or NPV of the model can overflow.
fn contract_size(r: &mut Rules, s: &Scenario) {
    let outcomes: Vec<f64> = s
        .outcomes
        .iter()
        .filter_map(|o| largest_amount(s, o))
        .collect();
    if outcomes.iter().any(|a| *a > MAX_AMOUNT) {
        // Already reported at the outcome.
        return;
    }
    let f = |d: &Decimal| d.abs().to_f64().unwrap_or(f64::MAX);
    let total = s.delivery.cost.iter().map(f).sum::<f64>() + outcomes.iter().sum::<f64>();
    if total > MAX_AMOUNT {
        r.fail(
            "outcomes",
            format!(
                "the outcomes together could reach about {total:.0e}, beyond what effekt computes exactly"
            ),
        );
        r.nb("beløpene blir større enn effekt kan regne eksakt med; regn i tusen kroner eller bruk mindre enheter");
        r.help("count money in thousands, or use smaller units");
        return;
    }
    let rate = s.assumptions.discount_rate;
    let d = rate.to_f64().unwrap_or(0.0);
    let reported = r
        .issues
        .iter()
        .any(|i| i.path == "assumptions.discount_rate");
    if reported || d >= 0.0 || d <= -1.0 {
        return;
    }
    let years = s.timeline.periods as f64 / f64::from(s.timeline.per_year());
    let discounted = total * (1.0 + d).powf(-years);
    if discounted > MAX_DISCOUNTED {
        r.fail(
            "assumptions.discount_rate",
            format!(
                "a discount rate of {rate} over {years} years makes the contract's amounts worth about {discounted:.0e} today, beyond what effekt computes exactly"
            ),
        );
        r.nb("beløpene blir større enn effekt kan regne eksakt med; regn i tusen kroner eller bruk mindre enheter");
        r.help("use a discount rate nearer 0, or count money in thousands");
    }
}

/// A rough upper bound of what one outcome can pay or be worth over the
/// contract; never below its volume (cohort × units per point), which the
/// model forms first.
fn largest_amount(s: &Scenario, o: &Outcome) -> Option<f64> {
    let f = |d: Decimal| d.abs().to_f64().unwrap_or(f64::MAX);
    let improvement = f(o.target - o.baseline) * 10.0
        + f(o.drift) * s.timeline.periods as f64
        + f(s.uncertainty.noise_sd(&o.id)) * NOISE_SDS as f64;
    let volume = match o.kind {
        OutcomeKind::Flow => f(s.cohort.size?) * f(o.units_per_point?),
        OutcomeKind::Event => s
            .cohort
            .intake
            .as_ref()?
            .iter()
            .map(|d| f(*d))
            .fold(0.0, f64::max),
    };
    let money = f(o.price).max(f(o.value)).max(1.0);
    Some((improvement + f(o.baseline)).max(1.0) * volume * money * s.timeline.periods as f64)
}

/// A number as bokmål writes it (`9,8`).
fn nb(d: Decimal) -> String {
    crate::format::number(crate::format::Lang::Nb, d, d.normalize().scale())
}
