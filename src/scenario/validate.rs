//! The rules of `docs/model.md` §7 and §8, checked on any scenario: one
//! loaded from a file, or one a lever has just changed. Each broken rule is
//! an [`Issue`]: a key path and a typed [`Rule`].

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::error::{Entry, Issue, PerPeriod, Rule, SiteLevel};
use super::toml_reader::suggest;
use super::*;

pub(crate) const MAX_PERIODS: usize = 480;

/// Amounts beyond this could make the model's sums leave `Decimal`'s range.
const MAX_AMOUNT: f64 = 1e24;

/// Largest discounted amount: NPVs sum flows times discount factors, and
/// several NPVs are added up, so this stays well below `Decimal::MAX` (≈ 7.9e28).
const MAX_DISCOUNTED: f64 = 1e26;

/// Sampled noise is cut off at this many standard deviations (`crate::risk`).
pub(crate) const NOISE_SDS: i64 = 8;

/// The largest factor `effect` of a site (like the achievement's limit).
pub(crate) const MAX_EFFECT: Decimal = Decimal::TEN;

struct Rules {
    issues: Vec<Issue>,
}

impl Rules {
    fn fail(&mut self, path: impl Into<String>, rule: Rule) {
        self.issues.push(Issue {
            path: path.into(),
            rule,
        });
    }

    fn share(&mut self, path: &str, value: Decimal) {
        if !(Decimal::ZERO..=Decimal::ONE).contains(&value) {
            self.fail(path, Rule::NotAShare { value });
        }
    }

    fn non_negative(&mut self, path: &str, value: Decimal) {
        if value < Decimal::ZERO {
            self.fail(path, Rule::Negative { value });
        }
    }

    fn rate(&mut self, path: &str, value: Decimal) {
        if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&value) {
            self.fail(path, Rule::NotARate { value });
        }
    }

    fn per_period(&mut self, path: &str, list: PerPeriod, values: &[Decimal], periods: usize) {
        if values.len() != periods {
            self.fail(
                path,
                Rule::ListLength {
                    list,
                    len: values.len(),
                    periods,
                },
            );
        }
        // The path is made only for a value that breaks the rule: a lever
        // step validates every period of every municipality.
        for (i, v) in values.iter().enumerate() {
            if *v < Decimal::ZERO {
                self.non_negative(&format!("{path}[{i}]"), *v);
            }
        }
    }

    fn id(&mut self, path: String, id: &str, earlier: bool, what: Entry) {
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            self.fail(path.clone(), Rule::InvalidId { id: id.to_string() });
        }
        if earlier {
            self.fail(
                path,
                Rule::DuplicateId {
                    id: id.to_string(),
                    what,
                },
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
            Rule::Periods {
                periods,
                max: MAX_PERIODS,
            },
        );
        // Lists cannot be checked against an impossible length.
        return r.issues;
    }

    let month = s.timeline.start_month;
    if !(1..=12).contains(&month) {
        r.fail("timeline.start_month", Rule::StartMonth { month });
    }
    r.per_period("delivery.cost", PerPeriod::Costs, &s.delivery.cost, periods);
    if let Some(size) = s.cohort.size {
        r.non_negative("cohort.size", size);
    }
    if let Some(intake) = &s.cohort.intake {
        r.per_period("cohort.intake", PerPeriod::Intakes, intake, periods);
    }
    sites(&mut r, s);

    if s.outcomes.is_empty() {
        r.fail("outcomes", Rule::NoOutcomes);
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
            r.fail("payment.savings_share", Rule::SavingsShareNeeded)
        }
        (_, Some(v)) => r.share("payment.savings_share", v),
        _ => {}
    }
    r.share("payment.excess_investor_share", p.excess_investor_share);
    if p.cofunder_share > Decimal::ZERO && s.parties.cofunder.is_none() {
        r.fail("payment.cofunder_share", Rule::CofunderNeeded);
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
            Rule::FeesAboveCost {
                guaranteed: p.guaranteed_share,
                at_risk: s.provider.fee_at_risk,
            },
        );
    }

    let inv = &s.investment;
    r.non_negative("investment.capital", inv.capital);
    r.share("investment.first_loss", inv.first_loss);
    if inv.return_cap < Decimal::ZERO || inv.return_cap > Decimal::ONE {
        r.fail(
            "investment.return_cap",
            Rule::ReturnCapRange {
                value: inv.return_cap,
            },
        );
    }

    let a = &s.assumptions;
    if a.achievement < Decimal::ZERO || a.achievement > Decimal::TEN {
        r.fail(
            "assumptions.achievement",
            Rule::AchievementRange {
                value: a.achievement,
            },
        );
    }
    discount(&mut r, s, "assumptions.discount_rate", a.discount_rate);
    if let Some(hurdle) = inv.hurdle_rate {
        discount(&mut r, s, "investment.hurdle_rate", hurdle);
    }
    for (i, c) in s.costs.iter().enumerate() {
        cost(&mut r, s, i, c);
    }
    contract_size(&mut r, s);
    uncertainty(&mut r, s);
    for (path, rule) in super::levers::check_settings(s) {
        r.fail(path, rule);
    }
    r.issues
}

/// A discount rate: above −1, at most 1, and discount factors that stay
/// representable over the contract.
fn discount(r: &mut Rules, s: &Scenario, path: &str, value: Decimal) {
    if value <= Decimal::NEGATIVE_ONE || value > Decimal::ONE {
        r.fail(path, Rule::RateRange { value });
        return;
    }
    let years = s.timeline.periods as f64 / f64::from(s.timeline.per_year());
    let growth = -(1.0 + value.to_f64().unwrap_or(0.0)).ln() * years;
    if growth > 40.0 {
        r.fail(path, Rule::RateTooSteep { value, years });
    }
}

fn uncertainty(r: &mut Rules, s: &Scenario) {
    let u = &s.uncertainty;
    let achievement_range = |r: &mut Rules, key: &str, value: Decimal| {
        if value < Decimal::ZERO || value > Decimal::TEN {
            r.fail(
                format!("uncertainty.{key}"),
                Rule::AchievementRange { value },
            );
        }
    };
    match u.achievement {
        AchievementSpread::Normal { sd } => {
            if sd < Decimal::ZERO || sd > Decimal::TEN {
                r.fail(
                    "uncertainty.achievement_sd",
                    Rule::SpreadRange { value: sd },
                );
            }
        }
        AchievementSpread::Triangular { min, mode, max } => {
            achievement_range(r, "achievement_min", min);
            achievement_range(r, "achievement_max", max);
            if min > max {
                r.fail(
                    "uncertainty.achievement_min",
                    Rule::TriangularOrder { min, max },
                );
            }
            if let Some(mode) = mode
                && (mode < min || mode > max)
            {
                r.fail(
                    "uncertainty.achievement_mode",
                    Rule::ModeOutside { mode, min, max },
                );
            }
        }
    }
    if u.draws < 1 || u.draws > Uncertainty::MAX_DRAWS {
        r.fail(
            "uncertainty.draws",
            Rule::Draws {
                draws: u.draws,
                max: Uncertainty::MAX_DRAWS,
            },
        );
    }
    let ids: Vec<&str> = s.outcomes.iter().map(|o| o.id.as_str()).collect();
    for (i, n) in u.noise.iter().enumerate() {
        let path = format!("uncertainty.noise.{}", n.outcome);
        if !ids.contains(&n.outcome.as_str()) {
            r.fail(
                &path,
                Rule::UnknownOutcome {
                    id: n.outcome.clone(),
                    suggestion: suggest(&n.outcome, &ids).map(str::to_string),
                    known: ids.iter().map(|id| id.to_string()).collect(),
                },
            );
        } else if u.noise[..i].iter().any(|o| o.outcome == n.outcome) {
            r.fail(
                &path,
                Rule::OutcomeListedTwice {
                    id: n.outcome.clone(),
                },
            );
        }
        r.non_negative(&path, n.sd);
    }
}

/// `[[sites]]` (§9): ids, what each outcome kind needs, the overrides
/// keyed by outcome id, and the levels they give at the site.
fn sites(r: &mut Rules, s: &Scenario) {
    if s.sites.is_empty() {
        return;
    }
    if s.cohort.size.is_some() {
        r.fail("cohort.size", Rule::CohortWithSites { key: "size" });
    }
    if s.cohort.intake.is_some() {
        r.fail("cohort.intake", Rule::CohortWithSites { key: "intake" });
    }
    let has = |kind| s.outcomes.iter().any(|o| o.kind == kind);
    let (flows, events) = (has(OutcomeKind::Flow), has(OutcomeKind::Event));
    let ids: Vec<&str> = s.outcomes.iter().map(|o| o.id.as_str()).collect();
    for (i, site) in s.sites.iter().enumerate() {
        let at = |key: &str| format!("sites[{i}].{key}");
        let earlier = s.sites[..i].iter().any(|other| other.id == site.id);
        r.id(at("id"), &site.id, earlier, Entry::Site);
        match site.size {
            Some(_) if !flows => r.fail(at("size"), Rule::SiteKeyUnused { key: "size" }),
            Some(size) => r.non_negative(&at("size"), size),
            None => {}
        }
        match &site.intake {
            Some(_) if !events => r.fail(at("intake"), Rule::SiteKeyUnused { key: "intake" }),
            Some(intake) => r.per_period(
                &at("intake"),
                PerPeriod::Intakes,
                intake,
                s.timeline.periods,
            ),
            None => {}
        }
        if let Some(cap) = site.cap {
            r.non_negative(&at("cap"), cap);
        }
        if site.effect < Decimal::ZERO || site.effect > MAX_EFFECT {
            r.fail(at("effect"), Rule::SiteEffectRange { value: site.effect });
        }
        for (key, values) in [
            ("baseline", &site.baseline),
            ("expected", &site.expected),
            ("drift", &site.drift),
        ] {
            for v in values {
                let path = at(&format!("{key}.{}", v.outcome));
                let Some(o) = s.outcomes.iter().find(|o| o.id == v.outcome) else {
                    r.fail(
                        path,
                        Rule::UnknownOutcome {
                            id: v.outcome.clone(),
                            suggestion: suggest(&v.outcome, &ids).map(str::to_string),
                            known: ids.iter().map(|id| id.to_string()).collect(),
                        },
                    );
                    continue;
                };
                if key == "drift" && o.kind == OutcomeKind::Event && !v.value.is_zero() {
                    r.fail(path, Rule::DriftOnlyForFlows);
                }
            }
        }
        for o in &s.outcomes {
            site_outcome(r, i, site, o);
        }
    }
}

/// One outcome at one site: what its kind needs, and its levels.
fn site_outcome(r: &mut Rules, i: usize, site: &Site, o: &Outcome) {
    let at = |key: &str| format!("sites[{i}].{key}");
    let missing = |r: &mut Rules, key: &str, rule| r.fail(at(key), rule);
    match o.kind {
        OutcomeKind::Flow if site.size.is_none() => missing(
            r,
            "size",
            Rule::SiteSizeNeeded {
                site: site.id.clone(),
                outcome: o.id.clone(),
            },
        ),
        OutcomeKind::Event if site.intake.is_none() => missing(
            r,
            "intake",
            Rule::SiteIntakeNeeded {
                site: site.id.clone(),
                outcome: o.id.clone(),
            },
        ),
        _ => {}
    }
    let own = |values: &[OutcomeValue]| values.iter().any(|v| v.outcome == o.id);
    let (own_baseline, own_expected) = (own(&site.baseline), own(&site.expected));
    if own_expected && site.expected_improvement(o) <= Decimal::ZERO {
        r.fail(
            at(&format!("expected.{}", o.id)),
            Rule::ExpectedNotAnImprovement {
                expected: site.expected(o),
                baseline: site.baseline(o),
                better: o.better,
            },
        );
    }
    if o.kind != OutcomeKind::Event || !(own_baseline || own_expected) {
        return;
    }
    // Event rates are per cent: the site's own levels, and the contract's
    // improvements on its baseline, must stay within 0 to 100.
    let is_rate = |v: Decimal| (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&v);
    if own_baseline {
        let path = at(&format!("baseline.{}", o.id));
        let baseline = site.baseline(o);
        if !is_rate(baseline) {
            r.fail(path, Rule::NotARate { value: baseline });
            return;
        }
        let levels = [
            (SiteLevel::Target, Some(site.target(o))),
            (SiteLevel::Threshold, site.threshold(o)),
        ];
        for (level, value) in levels {
            if let Some(value) = value.filter(|v| !is_rate(*v)) {
                r.fail(
                    path.clone(),
                    Rule::SiteLevelNotARate {
                        outcome: o.id.clone(),
                        level,
                        value,
                    },
                );
            }
        }
    }
    let expected = site.expected(o);
    if !is_rate(expected) {
        let key = if own_expected { "expected" } else { "baseline" };
        r.fail(
            at(&format!("{key}.{}", o.id)),
            Rule::SiteLevelNotARate {
                outcome: o.id.clone(),
                level: SiteLevel::Expected,
                value: expected,
            },
        );
    }
}

fn cost(r: &mut Rules, s: &Scenario, i: usize, c: &Cost) {
    let at = |key: &str| format!("costs[{i}].{key}");
    let earlier = s.costs[..i].iter().any(|other| other.id == c.id);
    r.id(at("id"), &c.id, earlier, Entry::Cost);
    let periods = match c.when {
        CostTiming::Start => 1,
        CostTiming::EachPeriod => s.timeline.periods,
    };
    r.per_period(&at("amount"), PerPeriod::Amounts, &c.amount, periods);
}

fn outcome(r: &mut Rules, s: &Scenario, i: usize, o: &Outcome) {
    let at = |key: &str| format!("outcomes[{i}].{key}");
    let earlier = s.outcomes[..i].iter().any(|other| other.id == o.id);
    r.id(at("id"), &o.id, earlier, Entry::Outcome);

    let ti = o.target_improvement();
    if ti <= Decimal::ZERO {
        r.fail(
            at("target"),
            Rule::NotAnImprovement {
                target: o.target,
                baseline: o.baseline,
                better: o.better,
            },
        );
    }
    if o.expected_improvement() <= Decimal::ZERO {
        r.fail(
            at("expected"),
            Rule::ExpectedNotAnImprovement {
                expected: o.expected,
                baseline: o.baseline,
                better: o.better,
            },
        );
    }
    if let Some(threshold) = o.threshold {
        let hi = o.threshold_improvement();
        if hi < Decimal::ZERO || hi > ti {
            r.fail(
                at("threshold"),
                Rule::ThresholdOutside {
                    threshold,
                    baseline: o.baseline,
                    target: o.target,
                },
            );
        } else if o.threshold_rule == ThresholdRule::Deductible && hi >= ti {
            r.fail(
                at("threshold"),
                Rule::ThresholdNotBeforeTarget {
                    threshold,
                    target: o.target,
                },
            );
        }
    }

    match o.kind {
        OutcomeKind::Flow => {
            if s.sites.is_empty() && s.cohort.size.is_none() {
                r.fail(
                    "cohort.size",
                    Rule::CohortSizeNeeded {
                        outcome: o.id.clone(),
                    },
                );
            }
            match o.units_per_point {
                None => r.fail(
                    at("units_per_point"),
                    Rule::UnitsPerPointNeeded {
                        outcome: o.id.clone(),
                    },
                ),
                Some(value) if value <= Decimal::ZERO => r.fail(
                    at("units_per_point"),
                    Rule::UnitsPerPointNotPositive { value },
                ),
                _ => {}
            }
            if o.counterfactual == Counterfactual::None {
                r.fail(at("counterfactual"), Rule::NoneOnlyForEvents);
            }
        }
        OutcomeKind::Event => {
            if s.sites.is_empty() && s.cohort.intake.is_none() {
                r.fail(
                    "cohort.intake",
                    Rule::IntakeNeeded {
                        outcome: o.id.clone(),
                    },
                );
            }
            r.rate(&at("baseline"), o.baseline);
            r.rate(&at("target"), o.target);
            r.rate(&at("expected"), o.expected);
            if let Some(h) = o.threshold {
                r.rate(&at("threshold"), h);
            }
            if o.counterfactual == Counterfactual::HistoricalBaseline {
                r.fail(at("counterfactual"), Rule::HistoricalOnlyForFlows);
            }
            if !o.drift.is_zero() {
                r.fail(at("drift"), Rule::DriftOnlyForFlows);
            }
            if o.counterfactual == Counterfactual::None
                && (o.better != Better::Higher
                    || o.threshold.is_some()
                    || o.threshold_rule != ThresholdRule::None)
            {
                r.fail(at("counterfactual"), Rule::NoneNeedsHigherWithoutThreshold);
            }
        }
    }
    r.non_negative(&at("price"), o.price);
    r.non_negative(&at("value"), o.value);
    r.share(&at("payer_value_share"), o.payer_value_share);
    r.share(&at("payer_cash_share"), o.payer_cash_share);
    if o.ramp_periods < 1 {
        r.fail(at("ramp_periods"), Rule::RampAtLeastOne);
    }
    if let Some(amount) = largest_amount(s, o)
        && amount > MAX_AMOUNT
    {
        r.fail(at("price"), Rule::OutcomeTooLarge { amount });
    }
}

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
    let costs = s.costs.iter().flat_map(|c| &c.amount).map(f).sum::<f64>();
    let total = s.delivery.cost.iter().map(f).sum::<f64>() + costs + outcomes.iter().sum::<f64>();
    if total > MAX_AMOUNT {
        r.fail("outcomes", Rule::ContractTooLarge { total });
        return;
    }
    let rates = [
        (
            "assumptions.discount_rate",
            Some(s.assumptions.discount_rate),
        ),
        ("investment.hurdle_rate", s.investment.hurdle_rate),
    ];
    for (path, rate) in rates {
        let Some(rate) = rate else { continue };
        let d = rate.to_f64().unwrap_or(0.0);
        let reported = r.issues.iter().any(|i| i.path == path);
        if reported || d >= 0.0 || d <= -1.0 {
            continue;
        }
        let years = s.timeline.periods as f64 / f64::from(s.timeline.per_year());
        let discounted = total * (1.0 + d).powf(-years);
        if discounted > MAX_DISCOUNTED {
            r.fail(
                path,
                Rule::DiscountedTooLarge {
                    rate,
                    years,
                    discounted,
                },
            );
        }
    }
}

/// A rough upper bound of what one outcome can pay or be worth over the
/// contract; never below its volume (cohort × units per point, summed over
/// the sites), which the model forms first.
fn largest_amount(s: &Scenario, o: &Outcome) -> Option<f64> {
    let f = |d: Decimal| d.abs().to_f64().unwrap_or(f64::MAX);
    let mut baseline = f(o.baseline);
    let mut improvement = f(o.target - o.baseline).max(f(o.expected - o.baseline));
    let mut drift = f(o.drift);
    for site in &s.sites {
        baseline = baseline.max(f(site.baseline(o)));
        improvement = improvement.max(f(site.expected_improvement(o)));
        drift = drift.max(f(site.drift(o)));
    }
    let improvement = improvement * 10.0
        + drift * s.timeline.periods as f64
        + f(s.uncertainty.noise_sd(&o.id)) * NOISE_SDS as f64;
    // The largest in Decimal, then one conversion (a list per municipality).
    let largest_intake = |intake: &[Decimal]| intake.iter().map(|d| d.abs()).max().map_or(0.0, f);
    let volume = match (o.kind, s.sites.is_empty()) {
        (OutcomeKind::Flow, true) => f(s.cohort.size?) * f(o.units_per_point?),
        (OutcomeKind::Flow, false) => {
            s.sites
                .iter()
                .map(|site| f(site.size.unwrap_or_default()))
                .sum::<f64>()
                * f(o.units_per_point?)
        }
        (OutcomeKind::Event, true) => largest_intake(s.cohort.intake.as_ref()?),
        (OutcomeKind::Event, false) => s
            .sites
            .iter()
            .map(|site| site.intake.as_deref().map_or(0.0, largest_intake))
            .sum(),
    };
    let money = f(o.price).max(f(o.value)).max(1.0);
    Some((improvement + baseline).max(1.0) * volume * money * s.timeline.periods as f64)
}
