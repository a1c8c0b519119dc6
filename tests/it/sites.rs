//! Several municipalities in one pilot (`docs/model.md` §9): the worked
//! example as three sites worked out by hand, pooled tests, the effect
//! levers, the invariants (N identical sites are one site N times as
//! large; a site without effect; conservation), validation in both
//! languages, and the worked example's `calc --json` before and after
//! sites.

use std::process::Command;

use effekt::levers;
use effekt::model;
use effekt::scenario::{self, Problem, Rule, Scenario, SiteLevel};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;

use super::common::BIN;
use super::model::WORKED;
use super::scenarios_pinned::effekt_json;

pub(crate) const SITES: &str = include_str!("../fixtures/sites_example.toml");

pub(crate) fn sites() -> Scenario {
    scenario::parse(SITES, "sites_example.toml").unwrap_or_else(|e| panic!("{e}"))
}

fn parse(text: &str) -> Scenario {
    scenario::parse(text, "test.toml").unwrap_or_else(|e| panic!("{e}"))
}

/// The sites example with some text replaced (`from` must occur once).
fn sites_with(edits: &[(&str, &str)]) -> Scenario {
    let mut text = SITES.to_string();
    for (from, to) in edits {
        assert_eq!(
            text.matches(from).count(),
            1,
            "edit `{from}` must match once"
        );
        text = text.replace(from, to);
    }
    parse(&text)
}

fn ds(v: &[f64]) -> Vec<Decimal> {
    v.iter()
        .map(|x| Decimal::try_from(*x).unwrap().round_dp(2))
        .collect()
}

/// Worked out by hand (docs/model.md §9 in our words): Ås (500, the
/// outcome's expected improvement of 1 point), Bydal (300, its own
/// expected improvement 8.0 → 7.5 = 0.5 point), Strand (200, own cap
/// 400 000), contract cap 2 000 000, α = 0.8, ramp 2 (0.5, 1, 1).
#[test]
fn three_sites_reproduce_every_number_worked_out_by_hand() {
    let s = sites();
    let f = model::figures(&s);
    let e = &f.evaluation;
    let r = &e.run;
    // Measured improvement: Ås 0.4, 0.8, 0.8; Bydal 0.2, 0.4, 0.4 (0.2 is
    // the threshold: paid); Strand as Ås. Volume 2.25 a point and member.
    // Ås 500·2.25 = 1 125 days a point: 450, 900, 900 days × 600.
    // Bydal 675: 135, 270, 270 days. Strand 450: 180, 360, 360 days.
    // Formula payments: 459 000, 918 000, 918 000.
    assert_eq!(r.formula_payments, ds(&[459_000.0, 918_000.0, 918_000.0]));
    // Strand's own cap: 108 000 + 216 000 leaves 76 000 in period 3, so the
    // sites ask 540 000 + 162 000 + 76 000 = 778 000; the contract has
    // 2 000 000 − 1 377 000 = 623 000 left: each site × 623/778, in øre by
    // largest remainder (Ås 43 241 645.24, Bydal 12 972 493.57, Strand
    // 6 085 861.18 øre: the one øre left goes to Bydal).
    assert_eq!(r.outcome_payments, ds(&[459_000.0, 918_000.0, 623_000.0]));
    let paid: Vec<Vec<Decimal>> = r.sites.iter().map(|x| x.outcome_payments.clone()).collect();
    assert_eq!(paid[0], ds(&[270_000.0, 540_000.0, 432_416.45]));
    assert_eq!(paid[1], ds(&[81_000.0, 162_000.0, 129_724.94]));
    assert_eq!(paid[2], ds(&[108_000.0, 216_000.0, 60_858.61]));
    assert_eq!(r.cap_reached, Some(3));
    assert_eq!(r.sites[2].cap_reached, Some(3));
    // The cofunder's 25 % of each period's total: 114 750, 229 500,
    // 155 750; in period 3 split 108 104.11 / 32 431.24 / 15 214.65 (the
    // øre left to Bydal's remainder of one half).
    assert_eq!(r.cofunder_payments, ds(&[114_750.0, 229_500.0, 155_750.0]));
    // One waterfall on the total (model.md §3): draws 800 000 a year; the
    // investor receives 459 000, 918 000, 623 000, is owed 655 072 at the
    // end, and the guarantor pays its loss of 400 000.
    assert_eq!(
        r.flows.investor,
        ds(&[-800_000.0, -341_000.0, 118_000.0, 1_023_000.0])
    );
    assert_eq!(r.investor_balance, dec!(655072));
    assert_eq!(r.totals.guarantee_paid, dec!(400000));
    assert_eq!(
        r.flows.payer,
        ds(&[-100_000.0, 703_250.0, 1_506_500.0, 1_827_750.0])
    );
    assert_eq!(
        r.flows.public_other,
        ds(&[0.0, 765_000.0, 1_530_000.0, 1_530_000.0])
    );
    // Each payer: its fee (10 % of the cost split 500:300:200), its part
    // of its payments less its share of the cofunder's, its 60 % of the
    // value of its own days (Ås 675 000, 1 350 000, 1 350 000).
    assert_eq!(
        r.sites[0].payer_flows,
        ds(&[-50_000.0, 422_500.0, 895_000.0, 1_025_687.66])
    );
    assert_eq!(
        r.sites[1].payer_flows,
        ds(&[-30_000.0, 111_750.0, 253_500.0, 307_706.30])
    );
    assert_eq!(
        r.sites[2].payer_flows,
        ds(&[-20_000.0, 169_000.0, 358_000.0, 494_356.04])
    );
    // The payers' flows sum to the payer's.
    for tau in 0..4 {
        let sum: Decimal = r.sites.iter().map(|x| x.payer_flows[tau]).sum();
        assert_eq!(sum, r.flows.payer[tau]);
    }
    let nets: Vec<Decimal> = e.sites.iter().map(|x| x.payer.net).collect();
    assert_eq!(nets, ds(&[2_293_187.66, 642_956.30, 1_001_356.04]));
    // NPVs at 4 %, worked out with exact fractions.
    let npvs: Vec<Decimal> = e.sites.iter().map(|x| x.payer.npv.round_dp(2)).collect();
    assert_eq!(npvs, ds(&[2_095_560.41, 585_376.70, 912_971.84]));
    assert_eq!(e.payer.npv.round_dp(2), dec!(3593908.95));
    // The most each can pay: its part of the lowest of its own cap, the
    // contract's and what its outcomes can earn at most (the target, 1
    // point, every period: Ås 1 125 days × 600 × 3 = 2 025 000, Bydal
    // 1 215 000, Strand 810 000), plus its fees: Ås 0.75 · 2 000 000 +
    // 150 000, Bydal 0.75 · 1 215 000 + 90 000, Strand 0.75 · 400 000 +
    // 60 000.
    let most: Vec<Option<Decimal>> = e.sites.iter().map(|x| x.budget.max_commitment).collect();
    assert_eq!(
        most,
        vec![Some(dec!(1650000)), Some(dec!(1001250)), Some(dec!(360000))]
    );
    assert_eq!(e.budget.max_commitment, Some(dec!(1800000)));
    // Ås's budget years (all value is cash here): fee, its part of the
    // payments, its value.
    let years: Vec<(i64, Decimal, Decimal, Decimal, Decimal)> = e.sites[0]
        .budget
        .years
        .iter()
        .map(|y| (y.year, y.fees, y.outcome_payments, y.cash_savings, y.net))
        .collect();
    assert_eq!(
        years,
        vec![
            (1, dec!(50000), dec!(202500), dec!(675000), dec!(422500)),
            (2, dec!(50000), dec!(405000), dec!(1350000), dec!(895000)),
            (
                3,
                dec!(50000),
                dec!(324312.34),
                dec!(1350000),
                dec!(975687.66)
            ),
        ]
    );
    assert_eq!(e.sites[0].budget.net, dec!(2293187.66));
    // Money is conserved over the seven parties.
    assert_eq!(r.flows.total(), r.totals.value - r.totals.delivery_cost);
    assert_eq!(r.totals.value, dec!(9562500));
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
}

#[test]
fn a_pooled_threshold_pays_a_site_below_it_when_the_pilot_passes() {
    // α = 0.3: measured improvements Ås and Strand 0.15, 0.3, 0.3; Bydal
    // 0.075, 0.15, 0.15 (threshold 0.2).
    let site = model::run(&sites(), dec!(0.3));
    let pooled = model::run(
        &sites_with(&[(
            "excess = \"payer\"",
            "excess = \"payer\"\npooling = \"pooled\"",
        )]),
        dec!(0.3),
    );
    let paid = |r: &model::Run, i: usize| r.sites[i].outcome_payments.clone();
    // Each on its own: Ås 0.3 · 1 125 · 600 = 202 500 from period 2; Bydal
    // never reaches the threshold; Strand 0.3 · 450 · 600 = 81 000.
    assert_eq!(paid(&site, 0), ds(&[0.0, 202_500.0, 202_500.0]));
    assert_eq!(paid(&site, 1), ds(&[0.0, 0.0, 0.0]));
    assert_eq!(paid(&site, 2), ds(&[0.0, 81_000.0, 81_000.0]));
    // Pooled, weighted by size: period 1 (500·0.15 + 300·0.075 + 200·0.15)
    // / 1 000 = 0.1275 fails; periods 2 and 3: 0.255 passes, and each is
    // paid for its own improvement: Bydal 0.15 · 675 · 600 = 60 750.
    assert_eq!(paid(&pooled, 0), ds(&[0.0, 202_500.0, 202_500.0]));
    assert_eq!(paid(&pooled, 1), ds(&[0.0, 60_750.0, 60_750.0]));
    assert_eq!(paid(&pooled, 2), ds(&[0.0, 81_000.0, 81_000.0]));
    // At α = 0.45 period 1 passes on its own for Ås (0.225) but the pool
    // (0.19125) fails: pooling can also withhold.
    let pooled = model::run(
        &sites_with(&[(
            "excess = \"payer\"",
            "excess = \"payer\"\npooling = \"pooled\"",
        )]),
        dec!(0.45),
    );
    assert_eq!(pooled.sites[0].outcome_payments[0], dec!(0));
    assert_eq!(
        model::run(&sites(), dec!(0.45)).sites[0].outcome_payments[0],
        dec!(151875)
    );
}

#[test]
fn a_site_without_effect_is_paid_nothing_and_the_others_as_before() {
    let s = sites_with(&[("cap = 2_000_000", "cap = 9_000_000")]);
    let before = model::run(&s, dec!(0.8));
    let off = levers::set(&s, "effect.bydal", dec!(0)).unwrap();
    let after = model::run(&off, dec!(0.8));
    assert!(after.sites[1].outcome_payments.iter().all(|p| p.is_zero()));
    for i in [0, 2] {
        assert_eq!(
            after.sites[i].outcome_payments,
            before.sites[i].outcome_payments
        );
    }
    // No effect, no value either: Bydal's payer keeps only its fee.
    assert_eq!(
        after.sites[1].payer_flows,
        ds(&[-30_000.0, -30_000.0, -30_000.0, 0.0])
    );
    // Half the effect at one site is α·0.5 there: Bydal 0.1, 0.2, 0.2 is
    // paid from period 2 only (the threshold is 0.2).
    let half = levers::set(&s, "effect.bydal", dec!(0.5)).unwrap();
    let r = model::run(&half, dec!(0.8));
    assert_eq!(r.sites[1].outcome_payments, ds(&[0.0, 81_000.0, 81_000.0]));
    // With the contract's cap binding, another site's lost effect leaves
    // room for the rest: Ås and Strand are paid more in period 3.
    let tight = levers::set(&sites(), "effect.bydal", dec!(0)).unwrap();
    let r = model::run(&tight, dec!(0.8));
    let capped = model::run(&sites(), dec!(0.8));
    assert!(r.sites[0].outcome_payments[2] > capped.sites[0].outcome_payments[2]);
}

/// `n` identical sites of `size` each (the worked example's outcome). At
/// its α (0.8) every site's amounts are whole øre, so the figures are
/// exactly those of one site `n` times as large.
fn identical(n: usize, size: &str, cap: &str) -> Scenario {
    let mut text = WORKED.replace("[cohort]\nsize = 1000\n", "");
    text = text.replace("cap = 2_500_000", cap);
    for i in 0..n {
        text.push_str(&format!("\n[[sites]]\nid = \"s{i}\"\nsize = {size}\n"));
    }
    parse(&text)
}

#[test]
fn n_identical_sites_are_one_site_n_times_as_large() {
    for (n, size) in [(2, "500"), (4, "250"), (5, "200"), (8, "125")] {
        for cap in ["cap = 2_500_000", "cap = 1_900_000", "cap = 90_000_000"] {
            let one = parse(&WORKED.replace("cap = 2_500_000", cap));
            let many = identical(n, size, cap);
            let (a, b) = (model::figures(&one), model::figures(&many));
            let (ra, rb) = (&a.evaluation.run, &b.evaluation.run);
            assert_eq!(ra.flows, rb.flows, "{n} × {size}, {cap}");
            assert_eq!(ra.totals, rb.totals);
            assert_eq!(ra.outcome_payments, rb.outcome_payments);
            assert_eq!(ra.outcomes, rb.outcomes);
            // Break-evens lie between achievements with many decimals, where
            // each site's amounts are rounded to øre on their own (its own
            // invoice): they agree to 10⁻⁷.
            let close = |x: Option<Decimal>, y: Option<Decimal>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= dec!(0.0000001),
                (x, y) => x == y,
            };
            let (ba, bb) = (a.break_even, b.break_even);
            assert!(close(ba.principal, bb.principal), "{ba:?} {bb:?}");
            assert!(close(ba.return_cap, bb.return_cap), "{ba:?} {bb:?}");
            assert!(close(ba.payer, bb.payer), "{ba:?} {bb:?}");
            assert_eq!(a.evaluation.payer, b.evaluation.payer);
            assert_eq!(a.evaluation.investor, b.evaluation.investor);
            assert_eq!(a.evaluation.budget.net, b.evaluation.budget.net);
            assert_eq!(a.evaluation.budget.years, b.evaluation.budget.years);
            // Each site is 1/N of the payer (to the øre: an amount that does
            // not divide by N leaves its øre to the first sites).
            let nd = Decimal::from(n);
            for (site, fig) in rb.sites.iter().zip(&b.evaluation.sites) {
                for (mine, all) in site.payer_flows.iter().zip(&ra.flows.payer) {
                    assert!((mine * nd - all).abs() <= dec!(0.01) * nd, "{mine} {all}");
                }
                assert!((fig.payer.npv * nd - a.evaluation.payer.npv).abs() < dec!(0.1));
            }
        }
    }
}

#[test]
fn the_effect_levers_move_one_site_and_are_refused_outside_their_range() {
    let s = sites();
    let ids: Vec<String> = levers::available(&s)
        .into_iter()
        .filter(|l| l.group == levers::Group::Sites)
        .map(|l| l.id)
        .collect();
    assert_eq!(ids, ["effect.aas", "effect.bydal", "effect.strand"]);
    let l = levers::find(&s, "effect.strand").unwrap();
    assert_eq!(
        (l.min, l.max, l.step, l.value),
        (dec!(0), dec!(2), dec!(0.05), dec!(1))
    );
    assert!(levers::set(&s, "effect.strand", dec!(2.5)).is_err());
    let moved = levers::set(&s, "effect.strand", dec!(1.5)).unwrap();
    assert_eq!(
        levers::changed(&s, &moved),
        vec![("effect.strand".into(), dec!(1.5))]
    );
    // The target lever moves every site's target (contracted as an
    // improvement on each baseline).
    let t = levers::set(&s, "target.absence", dec!(8.5)).unwrap();
    assert_eq!(t.sites[1].target(&t.outcomes[0]), dec!(6.5));
    assert_eq!(s.sites[1].target(&s.outcomes[0]), dec!(7.0));
}

#[test]
fn the_effect_in_the_indicators_terms_sums_the_sites() {
    let s = sites();
    let o = &s.outcomes[0];
    // Levels at α = 0.8: Ås and Strand 10 − 0.8 = 9.2, Bydal 8.0 − 0.4 =
    // 7.6; weighted by size (500·9.2 + 300·7.6 + 200·9.2) / 1 000 = 8.72.
    // Days a year: 0.8 · 2.25 · (500·1 + 300·0.5 + 200·1) = 900 + 270 + 360.
    let e = model::effect(&s, o, dec!(0.8));
    assert_eq!((e.level, e.units_per_year), (dec!(8.72), dec!(1530)));
    let bydal = model::site_effect(&s, &s.sites[1], o, dec!(0.8));
    assert_eq!((bydal.level, bydal.units_per_year), (dec!(7.6), dec!(270)));
}

#[test]
fn without_sites_the_scenario_is_one_site_the_payer() {
    let s = parse(WORKED);
    let e = model::evaluate(&s);
    assert_eq!(e.run.sites.len(), 1);
    assert_eq!(e.run.sites[0].payer_flows, e.run.flows.payer);
    assert_eq!(e.run.sites[0].outcome_payments, e.run.outcome_payments);
    assert_eq!(e.sites[0].payer, e.payer);
    assert_eq!(e.sites[0].budget, e.budget);
}

/// The problems of a scenario text, with the rule's words in both languages.
fn problems(text: &str) -> Vec<(String, Problem)> {
    let err = scenario::parse(text, "bad.toml").expect_err("the file is refused");
    for d in &err.diagnostics {
        for lang in [effekt::format::Lang::En, effekt::format::Lang::Nb] {
            let words = effekt::i18n::errors::problem(lang, &d.problem);
            assert!(!words.is_empty() && !words.contains("{"), "{words}");
        }
    }
    err.diagnostics
        .into_iter()
        .map(|d| (d.key, d.problem))
        .collect()
}

fn rule(text: &str, key: &str) -> Rule {
    problems(text)
        .into_iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, p)| match p {
            Problem::Rule(r) => Some(r),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no rule at {key}: {:?}", problems(text)))
}

#[test]
fn sites_are_validated_with_clear_errors() {
    let with = |from: &str, to: &str| SITES.replacen(from, to, 1);
    // The cohort is each site's own.
    let t = with("[delivery]", "[cohort]\nsize = 1000\n\n[delivery]");
    assert_eq!(
        rule(&t, "cohort.size"),
        Rule::CohortWithSites { key: "size" }
    );
    // Ids: valid and unique.
    let t = with("id = \"bydal\"", "id = \"aas\"");
    assert!(matches!(rule(&t, "sites[1].id"), Rule::DuplicateId { .. }));
    let t = with("id = \"bydal\"", "id = \"By dal\"");
    assert!(matches!(rule(&t, "sites[1].id"), Rule::InvalidId { .. }));
    // A flow outcome needs every site's size.
    let t = with("size = 300\n", "");
    assert_eq!(
        rule(&t, "sites[1].size"),
        Rule::SiteSizeNeeded {
            site: "bydal".into(),
            outcome: "absence".into()
        }
    );
    // An intake without event outcomes would be ignored: an error.
    let t = with("size = 200\n", "size = 200\nintake = 5\n");
    assert_eq!(
        rule(&t, "sites[2].intake"),
        Rule::SiteKeyUnused { key: "intake" }
    );
    // Overrides name outcomes, with a suggestion.
    let t = with(
        "[sites.expected]\nabsence = 7.5",
        "[sites.expected]\nabsense = 7.5",
    );
    match rule(&t, "sites[1].expected.absense") {
        Rule::UnknownOutcome { suggestion, .. } => {
            assert_eq!(suggestion.as_deref(), Some("absence"))
        }
        other => panic!("{other:?}"),
    }
    // A site's expected level must improve on its baseline.
    let t = with("absence = 7.5", "absence = 8.5");
    assert!(matches!(
        rule(&t, "sites[1].expected.absence"),
        Rule::ExpectedNotAnImprovement { .. }
    ));
    // Caps, sizes and effects in range; unknown keys named.
    let t = with("cap = 400_000", "cap = -1");
    assert!(matches!(rule(&t, "sites[2].cap"), Rule::Negative { .. }));
    let t = with("size = 200\n", "size = 200\neffect = 11\n");
    assert!(matches!(
        rule(&t, "sites[2].effect"),
        Rule::SiteEffectRange { .. }
    ));
    let t = with("size = 200\n", "size = 200\nsiez = 3\n");
    assert!(
        problems(&t)
            .iter()
            .any(|(k, p)| k == "sites[2].siez" && matches!(p, Problem::UnknownKey { .. }))
    );
    let t = with(
        "excess = \"payer\"",
        "excess = \"payer\"\npooling = \"pool\"",
    );
    assert!(
        problems(&t)
            .iter()
            .any(|(k, p)| k == "payment.pooling" && matches!(p, Problem::NotAllowed { .. }))
    );
}

#[test]
fn event_sites_need_an_intake_and_levels_within_100_percent() {
    // The bundled pilot without its own municipalities and their levers.
    let text = include_str!("../../scenarios/rekruttering.toml");
    let i = text.find("[cohort]").unwrap();
    let j = i + text[i..].find("\n\n").unwrap();
    let k = text.find("\n[[sites]]").unwrap();
    let l = text.find("\n[[sources]]").unwrap();
    let base = format!("{}{}{}", &text[..i], &text[j..k], &text[l..])
        .lines()
        .filter(|line| !line.contains("\"effect."))
        .collect::<Vec<_>>()
        .join("\n");
    let site = |extra: &str| {
        format!("{base}\n[[sites]]\nid = \"a\"\nintake = 10\n\n[[sites]]\nid = \"b\"\n{extra}\n")
    };
    assert!(matches!(
        rule(&site(""), "sites[1].intake"),
        Rule::SiteIntakeNeeded { .. }
    ));
    assert_eq!(
        rule(&site("intake = 10\nsize = 5"), "sites[1].size"),
        Rule::SiteKeyUnused { key: "size" }
    );
    // A baseline so high that the contract's improvement passes 100 %.
    let outcome = scenario::parse(&site("intake = 10"), "ok.toml")
        .unwrap()
        .outcomes[0]
        .clone();
    let high = format!("intake = 10\n[sites.baseline]\n{} = 95", outcome.id);
    assert!(matches!(
        rule(&site(&high), &format!("sites[1].baseline.{}", outcome.id)),
        Rule::SiteLevelNotARate {
            level: SiteLevel::Target,
            ..
        }
    ));
    let drift = format!("intake = 10\n[sites.drift]\n{} = 0.1", outcome.id);
    assert_eq!(
        rule(&site(&drift), &format!("sites[1].drift.{}", outcome.id)),
        Rule::DriftOnlyForFlows
    );
}

fn calc_json(args: &[&str]) -> Value {
    effekt_json(&[&["calc"], args].concat())
}

/// The worked example, a scenario without sites, computes as before sites.
/// (The bundled scenarios now have sites: their figures are pinned in
/// `scenarios_pinned.rs`.)
#[test]
fn the_worked_example_computes_as_before_sites() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = ["tests/fixtures/worked_example.toml"];
    for file in files {
        let name = std::path::Path::new(file)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        for a in ["own", "0", "0.35", "1.5"] {
            let path = dir.join(file).display().to_string();
            let set = format!("achievement={a}");
            let mut now = if a == "own" {
                calc_json(&[&path])
            } else {
                calc_json(&["--set", &set, &path])
            };
            // The one new key: the one site, the payer.
            let sites = now.as_object_mut().unwrap().remove("sites").expect("sites");
            assert_eq!(sites[0]["flows"], now["flows"]["payer"]);
            assert_eq!(sites[0]["id"], Value::Null);
            let pinned = dir.join(format!("tests/fixtures/pinned/calc-{name}-{a}.json"));
            let before: Value =
                serde_json::from_str(&std::fs::read_to_string(&pinned).unwrap()).unwrap();
            // The figures helper's keys may come and go; every pinned key
            // keeps its value.
            // Warnings' texts are words, not figures: their kinds and
            // numbers are held.
            let strip = |v: &Value| -> Value {
                let mut v = v.clone();
                for w in v.as_array_mut().into_iter().flatten() {
                    w.as_object_mut().map(|w| w.remove("text"));
                }
                v
            };
            for (k, v) in before.as_object().unwrap() {
                if k == "warnings" {
                    assert_eq!(strip(&now[k]), strip(v), "{file} at {a}: {k}");
                } else {
                    assert_eq!(&now[k], v, "{file} at {a}: {k}");
                }
            }
        }
        // The Monte Carlo (now on the fast path, over every core) and the
        // tornado give the same as before, to the last digit.
        let path = dir.join(file).display().to_string();
        for (command, args) in [("risk", vec!["--draws", "2000"]), ("tornado", vec![])] {
            let now = effekt_json(&[&[command], args.as_slice(), &[path.as_str()]].concat());
            let pinned = dir.join(format!("tests/fixtures/pinned/{command}-{name}.json"));
            let before: Value =
                serde_json::from_str(&std::fs::read_to_string(&pinned).unwrap()).unwrap();
            assert_eq!(now, before, "{command} {file}");
        }
    }
}

#[test]
fn calc_json_lists_each_site_and_the_payer_is_their_sum() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sites_example.toml")
        .display()
        .to_string();
    let v = calc_json(&[&path]);
    let sites = v["sites"].as_array().unwrap();
    let ids: Vec<&str> = sites.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["aas", "bydal", "strand"]);
    assert_eq!(sites[1]["payer"], "Bydal kommune");
    let keys: Vec<&String> = sites[0].as_object().unwrap().keys().collect();
    for k in [
        "id",
        "payer",
        "outcome_payments",
        "flows",
        "net",
        "npv",
        "budget_net",
    ] {
        assert!(keys.iter().any(|x| *x == k), "{k} in {keys:?}");
    }
    assert_eq!(sites[2]["outcome_payments"][2], "60858.61");
    assert_eq!(sites[0]["net"], "2293187.66");
    let dec = |x: &Value| x.as_str().unwrap().parse::<Decimal>().unwrap();
    for tau in 0..4 {
        let sum: Decimal = sites.iter().map(|x| dec(&x["flows"][tau])).sum();
        assert_eq!(sum, dec(&v["flows"]["payer"][tau]));
    }
    assert!(v["levers"]["effect.bydal"].is_string());
    // The text lists each site.
    let out = Command::new(BIN)
        .args(["calc", "--lang", "nb", &path])
        .output()
        .expect("effekt runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Kommunene"), "{text}");
    for line in [
        "Ås kommune",
        "Bydal kommune",
        "Strand kommune",
        "Til sammen",
    ] {
        assert!(text.lines().any(|l| l.contains(line)), "{line} in {text}");
    }
}

/// A random pilot: the sites example's contract with 1 to 6 random sites
/// (sizes, own expected improvements, caps, effects), a random contract
/// cap, site or pooled tests, a recycling or a surplus to the provider.
pub(crate) fn arb_pilot() -> impl proptest::strategy::Strategy<Value = Scenario> {
    use proptest::prelude::*;
    let site = (
        0u32..=2000,
        prop::option::of(1u32..=200),
        prop::option::of(0u32..=900),
        0u32..=200,
    );
    (
        prop::collection::vec(site, 1..=6),
        prop::option::of(1u32..=60),
        (any::<bool>(), any::<bool>(), any::<bool>(), 0u32..3),
        (0u32..=200, 0u32..=100, 0u32..=30),
    )
        .prop_map(
            |(sites, cap, (pooled, recycle, provider, rule), (a, c, thr))| {
                let mut text = SITES[..SITES.find("[[sites]]").unwrap()].to_string();
                text = text.replace(
                    "cap = 2_000_000\n",
                    &cap.map(|c| format!("cap = {}\n", c * 100_000))
                        .unwrap_or_default(),
                );
                text = text.replace(
                    "cofunder_share = 0.25",
                    &format!("cofunder_share = {}", Decimal::new(c.into(), 2)),
                );
                text = text.replace("recycle = false", &format!("recycle = {recycle}"));
                text = text.replace(
                    "threshold = 9.8",
                    &format!("threshold = {}", dec!(10) - Decimal::new(thr.into(), 2)),
                );
                let rules = ["none", "trigger", "deductible"];
                text = text.replace(
                    "threshold_rule = \"trigger\"",
                    &format!("threshold_rule = \"{}\"", rules[rule as usize]),
                );
                let excess = if provider { "provider" } else { "payer" };
                text = text.replace(
                    "excess = \"payer\"",
                    &format!(
                        "excess = \"{excess}\"\npooling = \"{}\"",
                        if pooled { "pooled" } else { "site" }
                    ),
                );
                text = text.replace(
                    "achievement = 0.8",
                    &format!("achievement = {}", Decimal::new(a.into(), 2)),
                );
                for (i, (size, ei, own_cap, effect)) in sites.into_iter().enumerate() {
                    text.push_str(&format!(
                        "\n[[sites]]\nid = \"s{i}\"\nsize = {size}\neffect = {}\n",
                        Decimal::new(effect.into(), 2)
                    ));
                    if let Some(cap) = own_cap {
                        text.push_str(&format!("cap = {}\n", cap * 1000));
                    }
                    if let Some(ei) = ei {
                        text.push_str(&format!(
                            "[sites.expected]\nabsence = {}\n",
                            dec!(10) - Decimal::new(ei.into(), 2)
                        ));
                    }
                }
                parse(&text)
            },
        )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]

    #[test]
    fn random_pilots_keep_every_invariant(s in arb_pilot(), extra in 0u32..=60) {
        use proptest::prelude::*;
        let a = s.assumptions.achievement;
        let e = model::evaluate(&s);
        let r = &e.run;
        // Money is conserved over the seven parties.
        prop_assert_eq!(r.flows.total(), r.totals.value - r.totals.delivery_cost);
        // The sites add up: payments per period, and the payers' flows.
        for t in 0..s.timeline.periods {
            let paid: Decimal = r.sites.iter().map(|x| x.outcome_payments[t]).sum();
            prop_assert_eq!(paid, r.outcome_payments[t]);
            prop_assert!(r.outcome_payments[t] <= r.formula_payments[t]);
        }
        for tau in 0..=s.timeline.periods {
            let payer: Decimal = r.sites.iter().map(|x| x.payer_flows[tau]).sum();
            prop_assert_eq!(payer, r.flows.payer[tau]);
        }
        let nets: Decimal = e.sites.iter().map(|x| x.payer.net).sum();
        prop_assert_eq!(nets, e.payer.net);
        let budgets: Decimal = e.sites.iter().map(|x| x.budget.net).sum();
        prop_assert_eq!(budgets, e.budget.net);
        // No cap is ever exceeded: the contract's, nor any site's own.
        if let Some(cap) = s.payment.cap {
            prop_assert!(r.totals.outcome_payments <= cap);
        }
        for (site, run) in s.sites.iter().zip(&r.sites) {
            let paid: Decimal = run.outcome_payments.iter().sum();
            if let Some(cap) = site.cap {
                prop_assert!(paid <= cap, "{} > {}", paid, cap);
            }
            // A site's payer never pays more than its maximum commitment
            // (each period's split rounds to øre: at most one a period).
            let fig = &e.sites[s.sites.iter().position(|x| x.id == site.id).unwrap()];
            if let Some(max) = fig.budget.max_commitment {
                let billed: Decimal = fig.budget.years.iter().map(|y| y.fees + y.outcome_payments + y.costs).sum();
                let slack = Decimal::new(s.timeline.periods as i64 + 1, 2);
                prop_assert!(billed <= max + slack, "{} billed {} > {}", site.id, billed, max);
            }
            // A site without effect under its own tests is paid nothing.
            if site.effect.is_zero() && s.payment.pooling == scenario::Pooling::Site {
                prop_assert!(paid.is_zero());
            }
        }
        // The investor never earns above its cap (no upside in this pilot).
        for root in &e.investor.irr.roots {
            prop_assert!(*root <= s.investment.return_cap + dec!(0.000001));
        }
        // More achievement never lowers what is paid in total.
        let more = model::run(&s, a + Decimal::new(extra.into(), 2));
        prop_assert!(more.totals.outcome_payments >= r.totals.outcome_payments);
        // The payoff curve and risk table (the fast path) agree with
        // full evaluations.
        let row = &model::risk_table(&s)[2];
        let at_one = model::evaluate_at(&s, Decimal::ONE);
        prop_assert_eq!(row.payer, at_one.payer);
        prop_assert_eq!(row.outcome_payments, at_one.run.totals.outcome_payments);
    }
}
