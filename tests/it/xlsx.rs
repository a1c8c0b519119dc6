//! `effekt report --format xlsx`: the cached values equal `effekt calc
//! --json`, and LibreOffice, recomputing every formula from workbooks
//! whose cached values are all 0, gives the model's figures to the øre at
//! α = 0, 1 and 1.5 for both pilots (the IRR to 1e-6).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use calamine::{Data, Reader, Xlsx, open_workbook};
use effekt::format::Lang;
use effekt::model::{self, Evaluation};
use effekt::report::party_name;
use effekt::report::xlsx::{Cache, workbook};
use effekt::scenario::Scenario;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;

use crate::common::{BIN, temp_dir};

const PILOTS: [&str; 2] = ["sykefravaer", "rekruttering"];

/// A sheet's cells by (row, column), both 0-based.
struct Grid(HashMap<(u32, u32), Data>);

impl Grid {
    fn read(path: &Path, sheet: &str) -> Grid {
        let mut book: Xlsx<_> = open_workbook(path).expect("open the workbook");
        let range = book.worksheet_range(sheet).expect("the sheet");
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut cells = HashMap::new();
        for (r, row) in range.rows().enumerate() {
            for (c, d) in row.iter().enumerate() {
                cells.insert((r0 + r as u32, c0 + c as u32), d.clone());
            }
        }
        Grid(cells)
    }

    /// The rows whose column A is `label`, in order.
    fn rows(&self, label: &str) -> Vec<u32> {
        let mut rows: Vec<u32> = self
            .0
            .iter()
            .filter(|((_, c), d)| *c == 0 && matches!(d, Data::String(s) if s == label))
            .map(|((r, _), _)| *r)
            .collect();
        rows.sort_unstable();
        rows
    }

    fn row(&self, label: &str) -> u32 {
        let rows = self.rows(label);
        assert!(!rows.is_empty(), "no row {label:?}");
        rows[0]
    }

    /// Value column `i` (0 = column C) of `row`, as a number.
    fn num(&self, row: u32, i: u32) -> Option<f64> {
        match self.0.get(&(row, 2 + i)) {
            Some(Data::Float(x)) => Some(*x),
            Some(Data::Int(x)) => Some(*x as f64),
            _ => None,
        }
    }
}

/// `got` equals the model's amount to the øre.
fn ore(got: Option<f64>, want: Decimal, what: &str) {
    let got = got.unwrap_or_else(|| panic!("{what}: no number, want {want}"));
    let want = want.to_f64().unwrap();
    assert!(
        (got - want).abs() < 0.005,
        "{what}: workbook {got}, model {want}"
    );
}

fn pilot(id: &str, achievement: Decimal) -> Scenario {
    let mut s = effekt::catalog::load_bundled(effekt::catalog::find_bundled(id).unwrap()).scenario;
    s.assumptions.achievement = achievement;
    s
}

/// Every figure the workbook shares with the model, at the model's α.
fn check(path: &Path, s: &Scenario, e: &Evaluation, what: &str) {
    let lang = Lang::En;
    let periods = s.timeline.periods;
    let w = Grid::read(path, "Waterfall");
    for (id, flows) in e.run.flows.all_parties() {
        let row = w.row(party_name(lang, id));
        for (tau, f) in flows.iter().enumerate() {
            ore(
                w.num(row, tau as u32),
                *f,
                &format!("{what}: {id} at τ = {tau}"),
            );
        }
    }
    let paid = w.row("Outcome payments after the cap O");
    let formula = w.row("Formula payments F");
    for t in 1..=periods {
        ore(
            w.num(paid, t as u32),
            e.run.outcome_payments[t - 1],
            &format!("{what}: O_{t}"),
        );
        ore(
            w.num(formula, t as u32),
            e.run.formula_payments[t - 1],
            &format!("{what}: F_{t}"),
        );
    }
    let check_row = w.row("Check: flows − (value − cost − change in cash) = 0");
    for tau in 0..=periods {
        ore(
            w.num(check_row, tau as u32),
            Decimal::ZERO,
            &format!("{what}: conservation at τ = {tau}"),
        );
    }
    for o in &e.run.outcomes {
        let name = s.outcomes.iter().find(|x| x.id == o.id).unwrap();
        // Sheet names are cut to fit Excel's 31 characters.
        let full = name.en.name.clone().unwrap_or(name.name.clone());
        let sheet: String = full.chars().take(28).collect::<String>().trim().to_string();
        let g = Grid::read(path, &sheet);
        // With sites, one block per site: their sum is the outcome's.
        let sum = |label: &str, t: usize| -> Option<f64> {
            g.rows(label).iter().map(|r| g.num(*r, t as u32)).sum()
        };
        for t in 1..=periods {
            let at = format!("{what}: {} in period {t}", o.id);
            let u = sum("Payable units U", t).unwrap();
            let want = o.units[t - 1].to_f64().unwrap();
            assert!((u - want).abs() < 1e-6, "{at}: units {u}, model {want}");
            ore(
                sum("Outcome payment P (before the cap)", t),
                o.payments[t - 1],
                &format!("{at}: payment"),
            );
            ore(sum("Value B", t), o.value[t - 1], &format!("{at}: value"));
        }
    }

    let k = Grid::read(path, "Key figures");
    for (id, f) in [
        ("payer", e.payer),
        ("cofunder", e.cofunder),
        ("investor", e.investor_party()),
        ("provider", e.provider),
        ("guarantor", e.guarantor),
        ("public_other", e.public_other),
        ("others", e.others),
    ] {
        let row = k.row(party_name(lang, id));
        ore(k.num(row, 0), f.net, &format!("{what}: {id} net"));
        ore(k.num(row, 1), f.npv, &format!("{what}: {id} NPV"));
    }
    let public = k.row("Public sector (payer, cofunder and public other)");
    ore(
        k.num(public, 1),
        e.public.npv,
        &format!("{what}: public NPV"),
    );
    let irr = k.num(k.row("Internal rate of return (IRR), annual"), 0);
    match e.investor.irr.headline {
        Some(want) => {
            let got = irr.unwrap_or_else(|| panic!("{what}: no IRR, want {want}"));
            let want = want.to_f64().unwrap();
            assert!((got - want).abs() < 1e-6, "{what}: IRR {got}, model {want}");
        }
        None => assert_eq!(irr, None, "{what}: an IRR where the model has none"),
    }
    let moic = k.num(k.row("Money multiple (received + guarantee) / drawn"), 0);
    if let Some(m) = e.investor.moic {
        let (got, want) = (moic.unwrap(), m.to_f64().unwrap());
        assert!(
            (got - want).abs() < 1e-9,
            "{what}: MOIC {got}, model {want}"
        );
    }
    ore(
        k.num(k.row("Drawn"), 0),
        e.run.totals.drawn,
        &format!("{what}: drawn"),
    );
    ore(
        k.num(k.row("Guarantee paid"), 0),
        e.run.totals.guarantee_paid,
        &format!("{what}: guarantee"),
    );
    ore(
        k.num(k.row("Budget net"), 0),
        e.budget.net,
        &format!("{what}: budget net"),
    );
    ore(
        k.num(k.row("Budget NPV"), 0),
        e.budget.npv,
        &format!("{what}: budget NPV"),
    );
    if let Some(m) = e.budget.max_commitment {
        ore(
            k.num(k.row("Maximum commitment (empty: no cap)"), 0),
            m,
            &format!("{what}: max commitment"),
        );
    }
    for y in &e.budget.years {
        let row = k.row(&y.year.to_string());
        for (i, v) in [
            y.fees,
            y.outcome_payments,
            y.refunds,
            y.cash_savings,
            y.costs,
            y.net,
        ]
        .iter()
        .enumerate()
        {
            ore(
                k.num(row, i as u32),
                *v,
                &format!("{what}: budget year {} column {i}", y.year),
            );
        }
    }

    let r = Grid::read(path, "Risk table");
    let rows = model::risk_table(s);
    for (id, _) in e.run.flows.parties() {
        let [net, npv] = r.rows(party_name(lang, id))[..] else {
            panic!("{what}: {id} twice in the risk table");
        };
        for (i, row) in rows.iter().enumerate() {
            let f = match id {
                "payer" => row.payer,
                "cofunder" => row.cofunder,
                "investor" => row.investor,
                "provider" => row.provider,
                "guarantor" => row.guarantor,
                _ => row.public_other,
            };
            let at = format!("{what}: risk table {id} at α = {}", row.achievement);
            ore(r.num(net, i as u32), f.net, &format!("{at}, net"));
            ore(r.num(npv, i as u32), f.npv, &format!("{at}, NPV"));
        }
    }
}

/// `effekt` with its own data folder.
fn effekt(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("EFFEKT_DATA_DIR", data)
        .output()
        .expect("run effekt")
}

/// `effekt --lang en report FILE [ARGS] --format xlsx -o PATH`.
fn xlsx(dir: &Path, file: &str, path: &Path) -> std::process::Output {
    let out = path.to_str().unwrap();
    effekt(
        dir,
        &[
            "--lang", "en", "report", file, "--format", "xlsx", "-o", out,
        ],
    )
}

#[test]
fn cached_values_equal_calc_json() {
    let dir = temp_dir("xlsx-cached");
    for id in PILOTS {
        let path = dir.join(format!("{id}.xlsx"));
        let out = xlsx(&dir, id, &path);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json = effekt(&dir, &["calc", id, "--json"]);
        let json: Value = serde_json::from_slice(&json.stdout).expect("calc --json");
        let dec = |v: &Value| Decimal::from_str(v.as_str().unwrap()).unwrap();
        let w = Grid::read(&path, "Waterfall");
        let periods = json["flows"]["payer"].as_array().unwrap().len();
        for id in [
            "payer",
            "cofunder",
            "investor",
            "provider",
            "guarantor",
            "public_other",
            "others",
        ] {
            let row = w.row(party_name(Lang::En, id));
            for tau in 0..periods {
                ore(
                    w.num(row, tau as u32),
                    dec(&json["flows"][id][tau]),
                    &format!("cached {id} at τ = {tau}"),
                );
            }
        }
        let k = Grid::read(&path, "Key figures");
        for id in [
            "payer",
            "cofunder",
            "investor",
            "provider",
            "guarantor",
            "public_other",
        ] {
            let row = k.row(party_name(Lang::En, id));
            ore(
                k.num(row, 0),
                dec(&json[id]["net"]),
                &format!("cached {id} net"),
            );
            ore(
                k.num(row, 1),
                dec(&json[id]["npv"]),
                &format!("cached {id} NPV"),
            );
        }
        let irr = k
            .num(k.row("Internal rate of return (IRR), annual"), 0)
            .unwrap();
        let want = dec(&json["investor"]["irr"]).to_f64().unwrap();
        assert!((irr - want).abs() < 1e-9, "cached IRR {irr}, calc {want}");
        // And every other figure, from the model at the pilot's own α.
        let s = pilot(
            id,
            effekt::catalog::load_bundled(effekt::catalog::find_bundled(id).unwrap())
                .scenario
                .assumptions
                .achievement,
        );
        check(&path, &s, &model::evaluate(&s), &format!("cached {id}"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_variant_and_sites_cached() {
    let dir = temp_dir("xlsx-variant");
    let out = effekt(
        &dir,
        &[
            "save",
            "sykefravaer",
            "høy pris",
            "--set",
            "price.absence=1300",
            "--set",
            "cap=9000000",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir.join("variant.xlsx");
    let out = effekt(
        &dir,
        &[
            "--lang",
            "en",
            "report",
            "sykefravaer",
            "--variant",
            "høy pris",
            "--format",
            "xlsx",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut s = pilot("sykefravaer", Decimal::ONE);
    s = effekt::levers::set(&s, "price.absence", Decimal::from(1300)).unwrap();
    s = effekt::levers::set(&s, "cap", Decimal::from(9_000_000)).unwrap();
    let json = effekt(
        &dir,
        &["calc", "sykefravaer", "--variant", "høy pris", "--json"],
    );
    let json: Value = serde_json::from_slice(&json.stdout).expect("calc --json");
    let e = model::evaluate(&s);
    let want = Decimal::from_str(json["payer"]["npv"].as_str().unwrap()).unwrap();
    assert_eq!(
        e.payer.npv, want,
        "the variant is the scenario with its levers"
    );
    check(&path, &s, &e, "the variant");

    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites_example.toml");
    let path = dir.join("sites.xlsx");
    let out = xlsx(&dir, fixture.to_str().unwrap(), &path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = effekt::scenario::load_file(&fixture).unwrap();
    check(&path, &s, &model::evaluate(&s), "three sites");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn needs_a_file_and_one_variant_at_most() {
    let dir = temp_dir("xlsx-refuse");
    let out = effekt(
        &dir,
        &["--lang", "en", "report", "sykefravaer", "--format", "xlsx"],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o PATH"));
    let path = dir.join("two.xlsx");
    let out = effekt(
        &dir,
        &[
            "report",
            "sykefravaer",
            "--variant",
            "a",
            "--variant",
            "b",
            "--format",
            "xlsx",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!path.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The scenarios recomputed in LibreOffice: every bundled pilot (both KS
/// pilots; Finland's recycling, share of savings, historical baseline and
/// no cap; Peterborough's yearly events with a trigger), the worked
/// example of `model.md` §5, and a variant of it that takes every other
/// branch: costs paid by each party, a deductible against a drifting
/// historical baseline paid beyond the target, recycling, the investor's
/// upside and hurdle rate, the surplus to the provider.
fn scenarios() -> Vec<(String, Scenario)> {
    use effekt::scenario::{Cost, CostPayer, CostTiming, Counterfactual, Excess, ThresholdRule};
    let mut out: Vec<(String, Scenario)> = [
        "sykefravaer",
        "rekruttering",
        "finland_tyhy",
        "peterborough",
    ]
    .iter()
    .map(|id| (id.to_string(), pilot(id, Decimal::ONE)))
    .collect();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/worked_example.toml");
    let worked = effekt::scenario::load_file(&fixture).expect("the worked example");
    let sites = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites_example.toml");
    let sites = effekt::scenario::load_file(&sites).expect("the example with three sites");
    out.push(("sites_example".into(), sites.clone()));
    // Bydal at 0.3 of the effect fails its own threshold early on, and
    // passes when the test is pooled.
    let mut own = sites;
    own.sites[1].effect = Decimal::from_str("0.3").unwrap();
    own_and_pooled(&mut out, "sites", own);
    // Rekruttering in two municipalities, one at 0.2 of the effect: its
    // job starts miss a threshold of 5 points alone, and pass pooled
    // (weighted by the participants measured each period).
    // (The first bundled rekruttering, one cohort, kept as a fixture so
    // that this case does not move with the bundled pilot.)
    let events = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events_cohort.toml");
    let mut own = effekt::scenario::load_file(&events).expect("the one-cohort events pilot");
    let intake: Vec<Decimal> = own.cohort.intake.take().expect("one cohort's intake");
    let site = |id: &str, effect: &str, cap: Option<Decimal>| effekt::scenario::Site {
        id: id.into(),
        name: id.into(),
        payer: id.into(),
        size: None,
        intake: Some(intake.iter().map(|x| *x / Decimal::TWO).collect()),
        baseline: Vec::new(),
        expected: Vec::new(),
        drift: Vec::new(),
        cap,
        effect: Decimal::from_str(effect).unwrap(),
    };
    own.sites = vec![
        site("nord", "1", None),
        site("sor", "0.2", Some(Decimal::from(2_000_000))),
    ];
    own.outcomes[0].threshold = Some(Decimal::from(25));
    own.outcomes[0].threshold_rule = ThresholdRule::Trigger;
    own_and_pooled(&mut out, "events", own);
    out.push(("worked_example".into(), worked.clone()));
    let mut s = worked;
    let cost = |id: &str, when, amount: Vec<Decimal>, paid_by| Cost {
        id: id.into(),
        name: id.into(),
        name_en: None,
        when,
        amount,
        paid_by,
    };
    let d = |x: &str| Decimal::from_str(x).unwrap();
    s.costs = vec![
        cost(
            "legal",
            CostTiming::Start,
            vec![d("120000.005")],
            CostPayer::Payer,
        ),
        cost(
            "evaluation",
            CostTiming::EachPeriod,
            vec![d("50000"), d("40000"), d("30000")],
            CostPayer::Cofunder,
        ),
        cost(
            "intermediary",
            CostTiming::EachPeriod,
            vec![d("75000.5")],
            CostPayer::Investor,
        ),
    ];
    let o = &mut s.outcomes[0];
    o.threshold_rule = ThresholdRule::Deductible;
    o.counterfactual = Counterfactual::HistoricalBaseline;
    o.drift = d("0.05");
    o.pay_beyond_target = true;
    o.payer_cash_share = d("0.4");
    s.investment.recycle = true;
    s.investment.hurdle_rate = Some(d("0.1"));
    s.payment.excess_investor_share = d("0.3");
    s.payment.excess = Excess::Provider;
    out.push(("every_branch".into(), s));
    out
}

/// A scenario with sites as it is, and with its threshold tested pooled,
/// where that changes what is paid.
fn own_and_pooled(out: &mut Vec<(String, Scenario)>, name: &str, own: Scenario) {
    let mut pooled = own.clone();
    pooled.payment.pooling = effekt::scenario::Pooling::Pooled;
    assert_ne!(
        model::evaluate(&own).run.outcome_payments,
        model::evaluate(&pooled).run.outcome_payments,
        "the pooled test decides something in {name}"
    );
    out.push((format!("{name}_own_test"), own));
    out.push((format!("{name}_pooled"), pooled));
}

/// LibreOffice's `soffice`, or `None` (then the test is skipped with a
/// note, except under `CI=true`).
fn soffice() -> Option<PathBuf> {
    let found = ["soffice", "libreoffice"].iter().find_map(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| PathBuf::from(name))
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "LibreOffice (soffice) is required under CI=true"
        );
        eprintln!("note: LibreOffice (soffice) not found; the recomputation test is skipped");
    }
    found
}

#[test]
fn libreoffice_recomputes_the_models_figures() {
    let Some(soffice) = soffice() else { return };
    let dir = temp_dir("xlsx-libreoffice");
    // A profile that recomputes every formula when a file is loaded.
    let profile = dir.join("profile");
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let mut cases = Vec::new();
    for (name, base) in scenarios() {
        for a in ["0", "1", "1.5"] {
            let mut s = base.clone();
            s.assumptions.achievement = Decimal::from_str(a).unwrap();
            let bytes = workbook(Lang::En, &s, &name, Cache::Zeros).expect("workbook");
            let file = dir.join(format!("{name}-{}.xlsx", a.replace('.', "_")));
            std::fs::write(&file, bytes).unwrap();
            cases.push((file, s));
        }
    }
    // And one in bokmål: its labels, sheet names and money formats.
    let nb = pilot("sykefravaer", Decimal::from_str("0.8").unwrap());
    let nb_file = dir.join("sykefravaer-nb.xlsx");
    std::fs::write(
        &nb_file,
        workbook(Lang::Nb, &nb, "nb", Cache::Zeros).unwrap(),
    )
    .unwrap();
    let out_dir = dir.join("out");
    let status = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(&out_dir)
        .args(cases.iter().map(|(f, _)| f))
        .arg(&nb_file)
        .output()
        .expect("run soffice");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    for (file, s) in &cases {
        let converted = out_dir.join(file.file_name().unwrap());
        let e = model::evaluate(s);
        check(
            &converted,
            s,
            &e,
            &format!("LibreOffice {}", file.display()),
        );
    }
    let k = Grid::read(&out_dir.join("sykefravaer-nb.xlsx"), "Nøkkeltall");
    let e = model::evaluate(&nb);
    for (id, f) in e
        .party_figures()
        .iter()
        .zip(e.run.flows.parties())
        .map(|(f, (id, _))| (id, f))
    {
        let row = k.row(party_name(Lang::Nb, id));
        ore(k.num(row, 0), f.net, &format!("bokmål: {id} net"));
        ore(k.num(row, 1), f.npv, &format!("bokmål: {id} NPV"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
