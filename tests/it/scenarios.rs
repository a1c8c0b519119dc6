//! The bundled scenarios in `scenarios/`: every file loads, is complete and
//! names the source of every number. Each one's story is told in
//! `scenarios_pilots.rs` (the KS pilots) and `scenarios_reference.rs`
//! (TyHy, Peterborough); their figures are pinned in `scenarios_pinned.rs`.

use std::path::{Path, PathBuf};

use effekt::levers;
use effekt::model::{self, Evaluation, evaluate, evaluate_at};
use effekt::scenario::{Scenario, load_file};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;

pub(crate) fn scenario_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

pub(crate) fn scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenario_dir())
        .expect("the scenarios/ folder exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

pub(crate) fn load(name: &str) -> Scenario {
    let path = scenario_dir().join(format!("{name}.toml"));
    load_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn irr(e: &Evaluation) -> Option<f64> {
    e.investor.irr.headline.map(|r| r.to_f64().unwrap())
}

/// An IRR is found in f64; allow its last digits to stray above the cap.
pub(crate) fn at_most_cap(irr: f64, cap: Decimal) -> bool {
    irr <= cap.to_f64().unwrap() + 1e-6
}

#[test]
fn every_bundled_scenario_loads_and_is_complete() {
    let files = scenario_files();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for expected in [
        "finland_tyhy",
        "peterborough",
        "rekruttering",
        "sykefravaer",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "missing {expected}.toml in {names:?}"
        );
    }
    for path in &files {
        let s = load_file(path).unwrap_or_else(|e| panic!("{e}"));
        let file = path.display();
        assert_eq!(
            s.info.id,
            path.file_stem().unwrap().to_string_lossy(),
            "{file}: id is the file name"
        );
        assert!(
            !s.info.title.is_empty() && !s.info.summary.is_empty(),
            "{file}"
        );
        assert!(
            !s.assumptions.notes.is_empty(),
            "{file}: lists its assumptions"
        );
        assert!(!s.sources.is_empty(), "{file}: names its sources");
        for src in &s.sources {
            assert!(
                !src.id.is_empty() && !src.title.is_empty(),
                "{file}: source {src:?}"
            );
        }
        for o in &s.outcomes {
            assert!(!o.definition.is_empty(), "{file}: {} definition", o.id);
            assert!(!o.data_source.is_empty(), "{file}: {} data_source", o.id);
            assert!(
                s.sources.iter().any(|src| src.id == o.source),
                "{file}: outcome {} cites source {:?}, which is not in [[sources]]",
                o.id,
                o.source
            );
        }
        // The [levers] table chooses an order, starting with achievement,
        // and every lever it names exists.
        assert_eq!(
            s.levers.show.first().map(String::as_str),
            Some("achievement")
        );
        let shown = levers::shown(&s);
        assert_eq!(
            shown.len(),
            s.levers.show.len(),
            "{file}: unknown lever shown"
        );
        for l in &shown {
            assert!(l.min <= l.value && l.value <= l.max, "{file}: {l:?}");
            assert!(l.step > Decimal::ZERO, "{file}: {l:?}");
        }
        for o in &s.levers.overrides {
            // Each override narrows a lever the scenario has.
            let l = levers::find(&s, &o.id).unwrap();
            for (set, used) in [(o.min, l.min), (o.max, l.max), (o.step, l.step)] {
                if let Some(set) = set {
                    assert_eq!(used, set, "{file}: {}", o.id);
                }
            }
        }
    }
}

/// Every number of a bundled scenario says where it came from: a source,
/// or `# assumption` (docs/scenario-format.md, "Where the numbers come
/// from"); none is left unstated or as a placeholder.
#[test]
fn every_number_names_its_source_or_says_assumption() {
    use effekt::scenario::BasisKind;
    for path in scenario_files() {
        let s = load_file(&path).unwrap();
        assert!(
            s.basis.len() > 10,
            "{}: {} numbers",
            path.display(),
            s.basis.len()
        );
        for b in &s.basis {
            assert!(
                matches!(b.kind, BasisKind::Assumption | BasisKind::Source) && !b.text.is_empty(),
                "{}: {} = {} says {:?} {:?}",
                path.display(),
                b.path,
                b.written,
                b.kind,
                b.text
            );
        }
    }
}

#[test]
fn languages_and_currencies() {
    for (name, language, currency) in [
        ("sykefravaer", "nb", "NOK"),
        ("rekruttering", "nb", "NOK"),
        ("finland_tyhy", "en", "EUR"),
        ("peterborough", "en", "GBP"),
    ] {
        let s = load(name);
        assert_eq!(s.info.language, language, "{name}");
        assert_eq!(s.info.currency, currency, "{name}");
    }
}

#[test]
fn figures_reproduce_with_evaluate_at() {
    for path in scenario_files() {
        let s = load_file(&path).unwrap();
        let own = evaluate_at(&s, s.assumptions.achievement);
        assert_eq!(evaluate(&s), own, "{}", path.display());
        assert_eq!(model::figures(&s).evaluation, own, "{}", path.display());
        // Twice the same: the model is pure.
        assert_eq!(evaluate_at(&s, s.assumptions.achievement), own);
        for row in model::risk_table(&s) {
            let e = evaluate_at(&s, row.achievement);
            assert_eq!(row.outcome_payments, e.run.totals.outcome_payments);
            assert_eq!(row.payer, e.payer);
            assert_eq!(row.investor.net, e.investor.net);
            assert_eq!(row.investor_irr, e.investor.irr);
        }
        // Conservation (model.md §4): the parties' flows sum to value minus cost.
        for a in [dec!(0), dec!(0.5), dec!(1), dec!(1.5), dec!(2)] {
            let e = evaluate_at(&s, a);
            let sum: Decimal = e.run.flows.total();
            let t = &e.run.totals;
            assert_eq!(sum, t.value - t.delivery_cost, "{} at {a}", path.display());
        }
    }
}

/// The first TOML example of docs/scenario-format.md: it must load, and the
/// defaults the page documents must be the loader's.
#[test]
fn the_minimal_example_in_the_format_docs_loads_with_the_documented_defaults() {
    use effekt::scenario::{
        Counterfactual, Excess, Mechanism, OutcomeKind, Period, ThresholdRule, parse,
    };
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scenario-format.md"),
    )
    .unwrap();
    let start = doc.find("```toml\n").expect("a TOML example") + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let s = parse(&doc[start..end], "docs/scenario-format.md").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.timeline.period, Period::Year);
    assert_eq!(s.timeline.start_year, None);
    assert_eq!(s.info.currency, "NOK");
    assert_eq!(s.info.language, "nb");
    assert_eq!(s.parties.payer, "Payer");
    assert_eq!(s.parties.public_other, "Public sector, other");
    assert_eq!(s.parties.cofunder, None);
    let o = &s.outcomes[0];
    assert_eq!(o.kind, OutcomeKind::Flow);
    assert_eq!(o.name, "absence");
    assert_eq!(o.threshold_rule, ThresholdRule::None);
    assert_eq!(o.counterfactual, Counterfactual::ComparisonGroup);
    assert_eq!((o.ramp_periods, o.lag), (1, 0));
    assert_eq!(o.payer_value_share, Decimal::ONE);
    assert!(!o.pay_beyond_target && o.drift.is_zero());
    assert_eq!(s.payment.mechanism, Mechanism::RateCard);
    assert_eq!(s.payment.excess, Excess::Payer);
    assert_eq!(s.payment.cap, None);
    assert!(s.payment.guaranteed_share.is_zero() && s.payment.cofunder_share.is_zero());
    assert!(s.investment.capital.is_zero() && s.investment.first_loss.is_zero());
    assert!(!s.investment.recycle);
    assert!(s.provider.fee_at_risk.is_zero());
    assert_eq!(s.assumptions.achievement, Decimal::ONE);
    assert_eq!(s.assumptions.discount_rate, dec!(0.04));
    assert!(s.levers.show.is_empty());
    assert_eq!(s.delivery.cost, vec![dec!(1000000); 3]);
    // Every lever id of the scenario is documented.
    for l in levers::available(&s) {
        let generic = l.id.split('.').next().unwrap();
        assert!(
            doc.contains(&format!("`{generic}")),
            "{} is not documented",
            l.id
        );
    }
}
