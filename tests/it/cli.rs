//! The `effekt` binary, run as a user runs it: `check`, `calc` (summary and
//! JSON), `--set`, `sweep`, `list`, `--help`, and one test per kind of broken
//! scenario file (exit code 1, `FILE:LINE:COL`, the key, a helpful message,
//! never a panic).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const WORKED: &str = "tests/fixtures/worked_example.toml";

/// A temporary folder, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str) -> Temp {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "effekt-cli-{}-{}-{name}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create a temp folder");
        Temp(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Writes a file into the folder and returns its path as a string.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("create a folder");
        }
        fs::write(&p, contents).expect("write a temp file");
        p.display().to_string()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// What one run of the binary did.
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `effekt` with `EFFEKT_DATA_DIR` pointing at `data` (so that no
/// user folder is read or written) from the crate's folder.
fn effekt_with_data(data: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_effekt"))
        .args(args)
        .env("EFFEKT_DATA_DIR", data)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run effekt");
    let out = Out {
        code: out.status.code().expect("effekt exits, is not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !out.stderr.contains("panicked"),
        "effekt {args:?} panicked:\n{}",
        out.stderr
    );
    out
}

fn effekt(args: &[&str]) -> Out {
    let data = Temp::new("data");
    effekt_with_data(data.path(), args)
}

fn calc_json(args: &[&str]) -> Value {
    let mut all = vec!["calc", WORKED, "--json"];
    all.extend_from_slice(args);
    let out = effekt(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("calc --json prints JSON")
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the JSON"))
        .as_str()
        .unwrap_or_else(|| panic!("{pointer} is not a string: {}", v[pointer]))
}

/// A decimal string of the JSON rounded to `dp` places, as text.
fn rounded(v: &Value, pointer: &str, dp: u32) -> String {
    let d: rust_decimal::Decimal = str_at(v, pointer).parse().expect("a decimal");
    d.round_dp(dp).normalize().to_string()
}

fn strings(v: &Value, pointer: &str) -> Vec<String> {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{pointer} is not an array"))
        .iter()
        .map(|x| x.as_str().expect("decimals are strings").to_string())
        .collect()
}

fn keys(v: &Value, pointer: &str) -> Vec<String> {
    let mut k: Vec<String> = v
        .pointer(pointer)
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("{pointer} is not an object"))
        .keys()
        .cloned()
        .collect();
    k.sort();
    k
}

fn sorted(k: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = k.iter().map(|s| s.to_string()).collect();
    k.sort();
    k
}

// ---------------------------------------------------------------- check

#[test]
fn check_prints_ok_for_every_valid_file() {
    let files = [
        WORKED,
        "scenarios/sykefravaer.toml",
        "scenarios/rekruttering.toml",
        "scenarios/finland_tyhy.toml",
        "scenarios/peterborough.toml",
    ];
    let mut args = vec!["check"];
    args.extend_from_slice(&files);
    let out = effekt(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for f in files {
        assert!(
            out.stdout.contains(&format!("{f}: ok")),
            "no ok for {f}:\n{}",
            out.stdout
        );
    }
    assert_eq!(out.stderr, "");
}

#[test]
fn check_accepts_a_bundled_id() {
    let out = effekt(&["check", "sykefravaer"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("sykefravaer: ok"));
}

#[test]
fn check_exits_1_when_any_file_is_bad_and_prints_every_error() {
    let dir = Temp::new("check-bad");
    let bad1 = dir.write("bad1.toml", edit(BASE, &[("price = 100", "price = -100")]));
    let bad2 = dir.write(
        "bad2.toml",
        edit(
            BASE,
            &[
                ("periods = 2", "periods = 0"),
                ("target = 9", "target = 11"),
            ],
        ),
    );
    let out = effekt(&["check", WORKED, &bad1, &bad2]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains(&format!("{WORKED}: ok")));
    assert!(!out.stdout.contains("bad1.toml: ok"));
    assert!(
        out.stderr.contains(&format!("{bad1}:26:"))
            && out.stderr.contains("error in `outcomes[0].price`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!("{bad2}:8:"))
            && out.stderr.contains("error in `timeline.periods`"),
        "{}",
        out.stderr
    );
}

#[test]
fn check_without_files_is_a_usage_error() {
    let out = effekt(&["check"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("Usage"), "{}", out.stderr);
}

// ---------------------------------------------------------------- calc

#[test]
fn calc_summary_in_bokmaal_has_the_worked_example_numbers() {
    let out = effekt(&["calc", WORKED]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        "4 181 008 kr",  // payer NPV
        "2 500 000 kr",  // outcome payments
        "7 735 770 kr",  // public NPV
        "2 400 000 kr",  // drawn
        "−8 807 kr",     // investor NPV
        "11 250 000 kr", // value
        "3,7 %",         // IRR
        "1,04",          // money multiple
        "71,1 %",        // break-even: principal
        "179,9 %",       // break-even: return cap
        "Nåverdi",
    ] {
        assert!(
            out.stdout.contains(expected),
            "no `{expected}` in:\n{}",
            out.stdout
        );
    }
    // Flows of τ = 1, as in model.md's table.
    assert!(
        out.stdout.contains("845 000") && out.stdout.contains("−260 000"),
        "{}",
        out.stdout
    );
}

#[test]
fn calc_summary_in_english_has_the_worked_example_numbers() {
    let out = effekt(&["calc", WORKED, "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        "NOK 4,181,008",
        "NOK 2,500,000",
        "NOK 7,735,770",
        "NOK 2,400,000",
        "−NOK 8,807",
        "NOK 11,250,000",
        "3.7%",
        "1.04",
        "71.1%",
        "179.9%",
        "NPV",
    ] {
        assert!(
            out.stdout.contains(expected),
            "no `{expected}` in:\n{}",
            out.stdout
        );
    }
    assert!(!out.stdout.contains("Nåverdi"));
}

#[test]
fn calc_json_has_every_documented_key() {
    let v = calc_json(&[]);
    let top = keys(&v, "");
    for k in [
        "outcomes",
        "outcome_payments",
        "flows",
        "totals",
        "investor",
        "payer",
        "cofunder",
        "public",
        "breakeven",
        "warnings",
        "levers",
    ] {
        assert!(top.contains(&k.to_string()), "no `{k}` in {top:?}");
    }
    let outcomes = v["outcomes"].as_array().expect("outcomes is an array");
    assert_eq!(outcomes.len(), 1);
    assert_eq!(
        keys(&v, "/outcomes/0"),
        sorted(&["id", "units", "true_units", "payments", "value"])
    );
    assert_eq!(
        keys(&v, "/flows"),
        sorted(&[
            "payer",
            "cofunder",
            "investor",
            "provider",
            "guarantor",
            "public_other",
            "others"
        ])
    );
    for party in keys(&v, "/flows") {
        // T + 1 = 4 time points.
        assert_eq!(strings(&v, &format!("/flows/{party}")).len(), 4, "{party}");
    }
    let totals = keys(&v, "/totals");
    for k in [
        "outcome_payments",
        "guaranteed_payments",
        "drawn",
        "investor_received",
        "guarantee_paid",
        "provider_bonus",
        "refunded",
        "value",
    ] {
        assert!(totals.contains(&k.to_string()), "no totals.{k}");
        str_at(&v, &format!("/totals/{k}"));
    }
    let investor = keys(&v, "/investor");
    for k in ["irr", "irr_roots", "moic", "npv"] {
        assert!(investor.contains(&k.to_string()), "no investor.{k}");
    }
    for party in ["payer", "cofunder"] {
        let k = keys(&v, &format!("/{party}"));
        assert!(k.contains(&"net".into()) && k.contains(&"npv".into()));
    }
    assert!(keys(&v, "/public").contains(&"npv".to_string()));
    assert_eq!(
        keys(&v, "/breakeven"),
        sorted(&["principal", "return_cap", "payer"])
    );
    assert!(v["warnings"].is_array());
    assert_eq!(
        keys(&v, "/levers"),
        sorted(&[
            "achievement",
            "target.absence",
            "expected.absence",
            "threshold.absence",
            "price.absence",
            "cap",
            "guaranteed_share",
            "cofunder_share",
            "fee_at_risk",
            "first_loss",
            "excess_investor_share",
            "return_cap",
            "discount_rate",
            "hurdle_rate",
            "capital",
        ])
    );
}

#[test]
fn calc_json_has_the_worked_example_values_as_strings() {
    let v = calc_json(&[]);
    assert_eq!(str_at(&v, "/outcomes/0/id"), "absence");
    assert_eq!(strings(&v, "/outcomes/0/units"), ["900", "1800", "1800"]);
    assert_eq!(
        strings(&v, "/outcomes/0/true_units"),
        ["900", "1800", "1800"]
    );
    assert_eq!(
        strings(&v, "/outcomes/0/payments"),
        ["540000", "1080000", "1080000"]
    );
    assert_eq!(
        strings(&v, "/outcomes/0/value"),
        ["2250000", "4500000", "4500000"]
    );
    assert_eq!(
        strings(&v, "/outcome_payments"),
        ["540000", "1080000", "880000"]
    );
    assert_eq!(
        strings(&v, "/flows/payer"),
        ["-100000", "845000", "1790000", "2040000"]
    );
    assert_eq!(
        strings(&v, "/flows/cofunder"),
        ["0", "-135000", "-270000", "-220000"]
    );
    assert_eq!(
        strings(&v, "/flows/investor"),
        ["-800000", "-260000", "280000", "880000"]
    );
    assert_eq!(
        strings(&v, "/flows/provider"),
        ["-100000", "-100000", "-100000", "0"]
    );
    assert_eq!(strings(&v, "/flows/guarantor"), ["0", "0", "0", "0"]);
    assert_eq!(
        strings(&v, "/flows/public_other"),
        ["0", "900000", "1800000", "1800000"]
    );
    for (key, value) in [
        ("outcome_payments", "2500000"),
        ("guaranteed_payments", "300000"),
        ("drawn", "2400000"),
        ("investor_received", "2500000"),
        ("guarantee_paid", "0"),
        ("provider_bonus", "0"),
        ("refunded", "0"),
        ("value", "11250000"),
    ] {
        assert_eq!(str_at(&v, &format!("/totals/{key}")), value, "totals.{key}");
    }
    assert!(str_at(&v, "/investor/irr").starts_with("0.03652"));
    assert_eq!(strings(&v, "/investor/irr_roots").len(), 1);
    assert_eq!(rounded(&v, "/investor/moic", 6), "1.041667");
    assert_eq!(rounded(&v, "/investor/npv", 2), "-8807.46");
    assert_eq!(rounded(&v, "/payer/npv", 2), "4181008.19");
    assert_eq!(str_at(&v, "/payer/net"), "4575000");
    assert_eq!(str_at(&v, "/cofunder/net"), "-625000");
    assert_eq!(rounded(&v, "/public/npv", 2), "7735770.37");
    assert_eq!(rounded(&v, "/breakeven/principal", 4), "0.7111");
    assert_eq!(rounded(&v, "/breakeven/return_cap", 4), "1.7985");
    assert_eq!(rounded(&v, "/breakeven/payer", 4), "0.0373");
    assert_eq!(v["warnings"], Value::Array(vec![]));
    assert_eq!(str_at(&v, "/levers/achievement"), "0.8");
    assert_eq!(str_at(&v, "/levers/cap"), "2500000");
    assert_eq!(str_at(&v, "/levers/threshold.absence"), "9.8");
}

#[test]
fn calc_json_shows_missing_values_as_null() {
    // No first-loss guarantee and no effect: the investor only pays out,
    // so there is no IRR.
    let v = calc_json(&["--set", "first_loss=0", "--set", "achievement=0"]);
    assert_eq!(v["investor"]["irr"], Value::Null);
    assert_eq!(v["investor"]["irr_roots"], Value::Array(vec![]));
    assert_eq!(str_at(&v, "/investor/moic"), "0");
    assert_eq!(str_at(&v, "/totals/outcome_payments"), "0");
    // Nothing drawn: no money multiple and no investor break-even.
    let v = calc_json(&["--set", "fee_at_risk=0", "--set", "guaranteed_share=1"]);
    assert_eq!(str_at(&v, "/totals/drawn"), "0");
    assert_eq!(v["investor"]["moic"], Value::Null);
    assert_eq!(v["investor"]["irr"], Value::Null);
    assert_eq!(v["breakeven"]["principal"], Value::Null);
    assert_eq!(v["breakeven"]["return_cap"], Value::Null);
}

#[test]
fn calc_json_lists_warnings() {
    // A cap of 1 000 000 is reached in period 2 of 3.
    let v = calc_json(&["--set", "cap=1000000"]);
    let warnings = v["warnings"].as_array().expect("warnings is an array");
    assert!(
        warnings.iter().any(|w| w["kind"] == "cap_reached"),
        "{warnings:?}"
    );
    assert_eq!(str_at(&v, "/totals/outcome_payments"), "1000000");
}

#[test]
fn calc_set_changes_the_result() {
    let v = calc_json(&["--set", "achievement=0.5"]);
    assert_eq!(str_at(&v, "/levers/achievement"), "0.5");
    assert_eq!(str_at(&v, "/totals/outcome_payments"), "1687500");
    assert_eq!(
        strings(&v, "/outcome_payments"),
        ["337500", "675000", "675000"]
    );
    // A percentage works too, and the summary changes with it.
    let out = effekt(&["calc", WORKED, "--set", "achievement=50%"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("1 687 500 kr"), "{}", out.stdout);
    assert!(!out.stdout.contains("4 181 008 kr"));
}

#[test]
fn calc_set_applies_several_levers_in_order() {
    let v = calc_json(&["--set", "cap=3000000", "--set", "achievement=1"]);
    assert_eq!(str_at(&v, "/levers/cap"), "3000000");
    // Uncapped at 3 000 000: 540 000·1.25, then 1 350 000 twice.
    assert_eq!(str_at(&v, "/totals/outcome_payments"), "3000000");
}

#[test]
fn calc_set_of_an_unknown_lever_suggests_the_right_one() {
    let out = effekt(&["calc", WORKED, "--set", "achievment=0.5"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("unknown lever `achievment`")
            && out.stderr.contains("did you mean `achievement`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn calc_set_out_of_range_is_refused() {
    let out = effekt(&["calc", WORKED, "--set", "achievement=3"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("3 is outside the range of `achievement`: 0 to 2"),
        "{}",
        out.stderr
    );
}

#[test]
fn calc_set_that_breaks_a_rule_is_refused_with_the_reason() {
    // A threshold beyond the target (lower is better: 8 < 9).
    let out = effekt(&["calc", WORKED, "--set", "threshold.absence=8"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("`threshold.absence` = 8 is refused")
            && out
                .stderr
                .contains("between the baseline 10 and the target 9"),
        "{}",
        out.stderr
    );
    // Guaranteed share plus fee at risk above 1.
    let out = effekt(&["calc", WORKED, "--set", "guaranteed_share=0.95"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("more than 1"), "{}", out.stderr);
}

#[test]
fn calc_set_without_a_value_or_with_a_bad_number_is_refused() {
    let out = effekt(&["calc", WORKED, "--set", "achievement"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("ID=VALUE"), "{}", out.stderr);
    let out = effekt(&["calc", WORKED, "--set", "achievement=lots"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("`lots` is not a number"),
        "{}",
        out.stderr
    );
}

#[test]
fn calc_of_a_broken_file_exits_1_with_its_errors() {
    let dir = Temp::new("calc-bad");
    let f = dir.write("bad.toml", edit(BASE, &[("price = 100", "price = -100")]));
    let out = effekt(&["calc", &f, "--json"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains(&format!("{f}:26:")), "{}", out.stderr);
}

#[test]
fn calc_works_on_every_bundled_scenario_in_both_languages() {
    for id in [
        "sykefravaer",
        "rekruttering",
        "finland_tyhy",
        "peterborough",
    ] {
        for lang in ["nb", "en"] {
            let out = effekt(&["calc", id, "--lang", lang]);
            assert_eq!(out.code, 0, "{id} {lang}: {}", out.stderr);
            assert!(!out.stdout.is_empty());
        }
        let out = effekt(&["calc", id, "--json"]);
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert!(v["outcomes"].as_array().is_some_and(|o| !o.is_empty()));
    }
}

// ---------------------------------------------------------------- sweep

#[test]
fn sweep_prints_a_csv_row_per_step() {
    let out = effekt(&[
        "sweep",
        WORKED,
        "--lever",
        "achievement",
        "--from",
        "0",
        "--to",
        "1",
        "--steps",
        "4",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "achievement,outcome_payments,payer_npv,investor_irr,moic,public_npv"
    );
    assert_eq!(lines.len(), 1 + 5, "{}", out.stdout);
    let first: Vec<&str> = lines[1].split(',').collect();
    let last: Vec<&str> = lines[5].split(',').collect();
    assert_eq!(first.len(), 6);
    assert_eq!(&first[..2], ["0", "0"]);
    // At zero effect the payer only pays the guaranteed fee: 3 × 100 000.
    assert_eq!(first[2], "-288609.467456");
    assert_eq!(first[4], "0.5");
    assert_eq!(&last[..2], ["1", "2500000"]);
    let achievements: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(achievements, ["0", "0.25", "0.5", "0.75", "1"]);
    // The last row agrees with `calc` at the same lever value.
    let v = calc_json(&["--set", "achievement=1"]);
    assert_eq!(last[2], rounded(&v, "/payer/npv", 6));
    assert_eq!(last[5], rounded(&v, "/public/npv", 6));
    assert_eq!(last[3], rounded(&v, "/investor/irr", 6));
}

#[test]
fn sweep_of_another_lever_after_a_set() {
    let out = effekt(&[
        "sweep",
        WORKED,
        "--lever",
        "price.absence",
        "--from",
        "0",
        "--to",
        "1200",
        "--steps",
        "2",
        "--set",
        "achievement=1",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "price.absence,outcome_payments,payer_npv,investor_irr,moic,public_npv"
    );
    assert_eq!(lines.len(), 4);
    assert!(lines[1].starts_with("0,0,"), "{}", lines[1]);
    assert!(lines[2].starts_with("600,2500000,"), "{}", lines[2]);
    assert!(lines[3].starts_with("1200,2500000,"), "{}", lines[3]);
}

#[test]
fn sweep_from_out_of_range_exits_1() {
    let out = effekt(&[
        "sweep",
        WORKED,
        "--lever",
        "achievement",
        "--from",
        "-1",
        "--to",
        "1",
        "--steps",
        "4",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .contains("-1 is outside the range of `achievement`: 0 to 2"),
        "{}",
        out.stderr
    );
}

#[test]
fn sweep_of_an_unknown_lever_or_zero_steps_exits_1() {
    let out = effekt(&[
        "sweep",
        WORKED,
        "--lever",
        "acheivement",
        "--from",
        "0",
        "--to",
        "1",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("did you mean `achievement`?"),
        "{}",
        out.stderr
    );
    let out = effekt(&[
        "sweep",
        WORKED,
        "--lever",
        "achievement",
        "--from",
        "0",
        "--to",
        "1",
        "--steps",
        "0",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("--steps"), "{}", out.stderr);
}

// ---------------------------------------------------------------- list

#[test]
fn list_shows_bundled_and_user_scenarios_and_marks_broken_ones() {
    let data = Temp::new("list");
    let mine = data.write(
        "scenarios/mine.toml",
        fs::read_to_string(WORKED)
            .unwrap()
            .replace("id = \"worked_example\"", "id = \"mitt_scenario\""),
    );
    let broken = data.write("scenarios/broken.toml", "format = 1\n[scenario\n");
    data.write("scenarios/notes.txt", "not a scenario");
    let out = effekt_with_data(data.path(), &["list"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for id in [
        "sykefravaer",
        "rekruttering",
        "finland_tyhy",
        "peterborough",
        "mitt_scenario",
    ] {
        assert!(out.stdout.contains(id), "no {id} in:\n{}", out.stdout);
    }
    assert!(out.stdout.contains(&mine));
    let broken_line = out
        .stdout
        .lines()
        .find(|l| l.contains(&broken))
        .unwrap_or_else(|| panic!("broken file not listed:\n{}", out.stdout));
    assert!(broken_line.contains("ugyldig"), "{broken_line}");
    assert!(!out.stdout.contains("notes.txt"));

    let out = effekt_with_data(data.path(), &["list", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("invalid"), "{}", out.stdout);
    assert!(out.stdout.contains("bundled"), "{}", out.stdout);
}

#[test]
fn list_without_a_user_folder_shows_the_bundled_scenarios() {
    let out = effekt(&["list"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ids = [
        "sykefravaer",
        "rekruttering",
        "finland_tyhy",
        "peterborough",
    ];
    for id in ids {
        assert!(out.stdout.contains(id), "no {id} in:\n{}", out.stdout);
    }
}

// ---------------------------------------------------------------- help

#[test]
fn help_works_on_every_command() {
    let out = effekt(&["--help"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("Usage: effekt"));
    let commands: Vec<String> = out
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .filter(|c| c != "help")
        .collect();
    for c in ["check", "calc", "sweep", "list", "levers"] {
        assert!(commands.contains(&c.to_string()), "no {c} in {commands:?}");
    }
    for c in &commands {
        for args in [vec![c.as_str(), "--help"], vec!["help", c.as_str()]] {
            let out = effekt(&args);
            assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
            assert!(
                out.stdout.contains(&format!("Usage: effekt {c}")),
                "{args:?}:\n{}",
                out.stdout
            );
        }
    }
    let out = effekt(&["-h"]);
    assert_eq!(out.code, 0);
    let out = effekt(&["--version"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("effekt "));
}

#[test]
fn levers_lists_ids_ranges_and_steps() {
    let out = effekt(&["levers", WORKED]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for id in ["achievement", "threshold.absence", "price.absence", "cap"] {
        assert!(out.stdout.contains(id), "no {id}:\n{}", out.stdout);
    }
}

// ---------------------------------------------------------------- broken files

/// A small valid scenario; every broken file is this with one change. The
/// line numbers the tests expect are found with [`line_of`].
const BASE: &str = r#"format = 1

[scenario]
id = "tiny"
title = "Tiny"

[timeline]
periods = 2
period = "year"

[parties]
payer = "Kommunen"

[cohort]
size = 100

[delivery]
cost = 1000

[[outcomes]]
id = "absence"
better = "lower"
baseline = 10
target = 9
units_per_point = 2
price = 100
value = 200

[payment]
cap = 50000

[investment]
return_cap = 0.08
"#;

/// [`BASE`] with an event outcome over an intake instead.
fn event_base() -> String {
    edit(
        BASE,
        &[
            ("size = 100", "intake = 50"),
            (
                "better = \"lower\"",
                "kind = \"event\"\nbetter = \"higher\"",
            ),
            ("baseline = 10", "baseline = 20"),
            ("target = 9", "target = 30"),
            ("units_per_point = 2\n", ""),
        ],
    )
}

/// `text` with each `from` (which must occur exactly once) replaced.
fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut text = text.to_string();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
        text = text.replacen(from, to, 1);
    }
    text
}

/// The 1-based number of the only line that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "`{needle}` must be on one line");
    lines[0]
}

/// Writes `contents` to a file, runs `effekt check` on it and expects exit
/// code 1. Returns the file's path and the errors.
fn check_broken(name: &str, contents: impl AsRef<[u8]>) -> (Temp, String, String) {
    let dir = Temp::new(name);
    let file = dir.write(&format!("{name}.toml"), contents);
    let out = effekt(&["check", &file]);
    assert_eq!(out.code, 1, "{name} was accepted:\n{}", out.stdout);
    assert!(!out.stdout.contains(": ok"), "{}", out.stdout);
    (dir, file, out.stderr)
}

/// The error at `FILE:LINE:COL` about `key` (empty: no key), with its help
/// lines; asserts it exists and mentions every one of `says`.
fn expect_error(stderr: &str, file: &str, line: usize, key: &str, says: &[&str]) -> String {
    let prefix = format!("{file}:{line}:");
    let lines: Vec<&str> = stderr.lines().collect();
    let found = lines.iter().enumerate().find(|(_, l)| {
        let Some(rest) = l.strip_prefix(&prefix) else {
            return false;
        };
        let (col, rest) = rest.split_once(':').unwrap_or(("", ""));
        let col_ok = col.parse::<usize>().is_ok_and(|c| c >= 1);
        let key_ok = if key.is_empty() {
            rest.starts_with(" error: ")
        } else {
            rest.starts_with(&format!(" error in `{key}`: "))
        };
        col_ok && key_ok
    });
    let Some((i, _)) = found else {
        panic!("no error at {prefix}COL about `{key}` in:\n{stderr}");
    };
    let block: Vec<&str> = std::iter::once(lines[i])
        .chain(
            lines[i + 1..]
                .iter()
                .copied()
                .take_while(|l| l.starts_with("  help:")),
        )
        .collect();
    let block = block.join("\n");
    for s in says {
        assert!(
            block.contains(s),
            "`{s}` not in:\n{block}\n\nall:\n{stderr}"
        );
    }
    block
}

/// The column of the error at `FILE:LINE`.
fn col_of(stderr: &str, file: &str, line: usize) -> usize {
    let prefix = format!("{file}:{line}:");
    stderr
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(c, _)| c.parse().ok())
        .unwrap_or_else(|| panic!("no error at {prefix} in:\n{stderr}"))
}

fn error_count(stderr: &str) -> usize {
    stderr.lines().filter(|l| l.contains(": error")).count()
}

#[test]
fn the_base_files_of_the_broken_file_tests_are_valid() {
    let dir = Temp::new("bases");
    let flow = dir.write("flow.toml", BASE);
    let event = dir.write("event.toml", event_base());
    let out = effekt(&["check", &flow, &event]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn broken_toml_syntax() {
    let text = edit(BASE, &[("title = \"Tiny\"", "title = \"Tiny")]);
    let (_d, f, err) = check_broken("syntax", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "title = \"Tiny"),
        "",
        &["TOML syntax"],
    );
}

#[test]
fn broken_unknown_key_suggests_the_known_one() {
    let text = edit(BASE, &[("target = 9", "target = 9\ntreshold = 9.5")]);
    let (_d, f, err) = check_broken("treshold", &text);
    let line = line_of(&text, "treshold");
    expect_error(
        &err,
        &f,
        line,
        "outcomes[0].treshold",
        &["unknown key `treshold`", "did you mean `threshold`?"],
    );
    assert_eq!(col_of(&err, &f, line), 1);
}

#[test]
fn broken_unknown_key_in_another_table_suggests_too() {
    let text = edit(
        BASE,
        &[("return_cap = 0.08", "return_cap = 0.08\nrecyle = true")],
    );
    let (_d, f, err) = check_broken("recyle", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "recyle"),
        "investment.recyle",
        &["did you mean `recycle`?"],
    );
}

#[test]
fn broken_unknown_table() {
    let text = format!("{BASE}\n[asumptions]\nachievement = 0.8\n");
    let (_d, f, err) = check_broken("table", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[asumptions]"),
        "asumptions",
        &[
            "unknown table `[asumptions]`",
            "did you mean `assumptions`?",
        ],
    );
    let text = format!("{BASE}\n[fooo]\na = 1\n");
    let (_d, f, err) = check_broken("table2", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[fooo]"),
        "fooo",
        &["unknown table", "known keys here:", "timeline"],
    );
}

#[test]
fn broken_wrong_type_string_for_a_number() {
    let text = edit(BASE, &[("size = 100", "size = \"100\"")]);
    let (_d, f, err) = check_broken("wrongtype", &text);
    let line = line_of(&text, "size = ");
    expect_error(
        &err,
        &f,
        line,
        "cohort.size",
        &["expected a number", "write it without quotes"],
    );
    // The column of the value.
    assert_eq!(col_of(&err, &f, line), 8);
    assert_eq!(error_count(&err), 1, "{err}");
}

#[test]
fn broken_wrong_type_table_and_choice() {
    let text = edit(BASE, &[("period = \"year\"", "period = \"yaer\"")]);
    let (_d, f, err) = check_broken("choice", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "yaer"),
        "timeline.period",
        &["\"yaer\" is not allowed", "did you mean \"year\"?"],
    );
    let text = edit(
        BASE,
        &[("return_cap = 0.08", "return_cap = 0.08\nrecycle = 1")],
    );
    let (_d, f, err) = check_broken("bool", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "recycle"),
        "investment.recycle",
        &["expected true or false"],
    );
}

#[test]
fn broken_missing_return_cap() {
    let text = edit(BASE, &[("return_cap = 0.08\n", "")]);
    let (_d, f, err) = check_broken("returncap", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[investment]"),
        "investment.return_cap",
        &["missing key `return_cap`", "return_cap = 0.08", "uncapped"],
    );
}

#[test]
fn broken_missing_format() {
    let text = edit(BASE, &[("format = 1\n", "")]);
    let (_d, f, err) = check_broken("noformat", &text);
    expect_error(
        &err,
        &f,
        1,
        "format",
        &["missing key `format`", "add `format = 1`"],
    );
}

#[test]
fn broken_missing_scenario_id() {
    let text = edit(BASE, &[("id = \"tiny\"\n", "")]);
    let (_d, f, err) = check_broken("noid", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[scenario]"),
        "scenario.id",
        &["missing key `id` in [scenario]"],
    );
}

#[test]
fn broken_missing_table() {
    let text = edit(BASE, &[("[delivery]\ncost = 1000\n", "")]);
    let (_d, f, err) = check_broken("nodelivery", &text);
    expect_error(&err, &f, 1, "delivery", &["missing table [delivery]"]);
}

#[test]
fn broken_format_2() {
    let text = edit(BASE, &[("format = 1", "format = 2")]);
    let (_d, f, err) = check_broken("format2", &text);
    expect_error(&err, &f, 1, "format", &["unsupported format", "format = 1"]);
    assert_eq!(col_of(&err, &f, 1), 10);
}

#[test]
fn broken_zero_periods() {
    let text = edit(BASE, &[("periods = 2", "periods = 0")]);
    let (_d, f, err) = check_broken("periods0", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "periods = 0"),
        "timeline.periods",
        &["0 is out of range; allowed: 1 to 480"],
    );
}

#[test]
fn broken_too_many_periods_fails_fast() {
    for (name, cost) in [
        ("periods_big", "1000"),
        ("periods_big_list", "[1000, 1000]"),
    ] {
        let text = edit(
            BASE,
            &[
                ("periods = 2", "periods = 100000"),
                ("cost = 1000", &format!("cost = {cost}")),
                ("size = 100", "size = 100\nintake = 5"),
            ],
        );
        let (_d, f, err) = check_broken(name, &text);
        expect_error(
            &err,
            &f,
            line_of(&text, "periods = 100000"),
            "timeline.periods",
            &["allowed: 1 to 480"],
        );
    }
    let text = edit(BASE, &[("periods = 2", "periods = 9223372036854775807")]);
    let (_d, f, err) = check_broken("periods_max", &text);
    expect_error(&err, &f, 8, "timeline.periods", &["allowed: 1 to 480"]);
}

#[test]
fn broken_cost_list_length() {
    let text = edit(BASE, &[("cost = 1000", "cost = [1000, 2000, 3000]")]);
    let (_d, f, err) = check_broken("costlen", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "cost = "),
        "delivery.cost",
        &["3 costs for 2 periods", "one number for every period"],
    );
}

#[test]
fn broken_intake_list_length() {
    let text = edit(&event_base(), &[("intake = 50", "intake = [50]")]);
    let (_d, f, err) = check_broken("intakelen", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "intake = "),
        "cohort.intake",
        &["1 intakes for 2 periods"],
    );
}

#[test]
fn broken_target_not_an_improvement() {
    for (name, target) in [("ti0", "10"), ("tineg", "11")] {
        let text = edit(BASE, &[("target = 9", &format!("target = {target}"))]);
        let (_d, f, err) = check_broken(name, &text);
        expect_error(
            &err,
            &f,
            line_of(&text, "target = "),
            "outcomes[0].target",
            &["not an improvement on baseline 10", "below the baseline"],
        );
    }
}

#[test]
fn broken_threshold_beyond_target() {
    let text = edit(BASE, &[("target = 9", "target = 9\nthreshold = 8.5")]);
    let (_d, f, err) = check_broken("threshold", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "threshold = "),
        "outcomes[0].threshold",
        &["threshold 8.5 must lie between the baseline 10 and the target 9"],
    );
}

#[test]
fn broken_deductible_with_threshold_at_target() {
    let text = edit(
        BASE,
        &[(
            "target = 9",
            "target = 9\nthreshold = 9\nthreshold_rule = \"deductible\"",
        )],
    );
    let (_d, f, err) = check_broken("deductible", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "threshold = "),
        "outcomes[0].threshold",
        &["deductible", "strictly before the target"],
    );
}

#[test]
fn broken_share_above_one() {
    let text = edit(
        BASE,
        &[("cap = 50000", "cap = 50000\nguaranteed_share = 1.5")],
    );
    let (_d, f, err) = check_broken("share", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "guaranteed_share"),
        "payment.guaranteed_share",
        &["1.5 is not a share; allowed: 0 to 1"],
    );
    // Reported once, not again as a sum with fee_at_risk at 1:1.
    assert_eq!(error_count(&err), 1, "{err}");
}

#[test]
fn broken_guaranteed_share_plus_fee_at_risk_above_one() {
    let text = format!(
        "{}\n[provider]\nfee_at_risk = 0.5\n",
        edit(
            BASE,
            &[("cap = 50000", "cap = 50000\nguaranteed_share = 0.6")]
        )
    );
    let (_d, f, err) = check_broken("shares", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "fee_at_risk"),
        "provider.fee_at_risk",
        &["guaranteed_share 0.6 plus fee_at_risk 0.5 is more than 1"],
    );
}

#[test]
fn broken_negative_price() {
    let text = edit(BASE, &[("price = 100", "price = -100")]);
    let (_d, f, err) = check_broken("price", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "price = "),
        "outcomes[0].price",
        &["-100 is negative; allowed: 0 or more"],
    );
}

#[test]
fn broken_event_rate_above_100() {
    let text = edit(&event_base(), &[("target = 30", "target = 120")]);
    let (_d, f, err) = check_broken("rate", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "target = "),
        "outcomes[0].target",
        &["120 is not a rate; allowed: 0 to 100"],
    );
}

#[test]
fn broken_flow_outcome_without_cohort_size() {
    let text = edit(BASE, &[("size = 100", "unit = \"employees\"")]);
    let (_d, f, err) = check_broken("nosize", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[cohort]"),
        "cohort.size",
        &[
            "flow outcome \"absence\" needs `cohort.size`",
            "add `size = ",
        ],
    );
}

#[test]
fn broken_flow_outcome_without_units_per_point() {
    let text = edit(BASE, &[("units_per_point = 2\n", "")]);
    let (_d, f, err) = check_broken("noupp", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[[outcomes]]"),
        "outcomes[0].units_per_point",
        &["needs `units_per_point` above 0", "units_per_point = 2.25"],
    );
    let text = edit(BASE, &[("units_per_point = 2", "units_per_point = 0")]);
    let (_d, f, err) = check_broken("uppzero", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "units_per_point"),
        "outcomes[0].units_per_point",
        &["must be above 0"],
    );
}

#[test]
fn broken_event_outcome_without_intake() {
    let text = edit(&event_base(), &[("intake = 50", "size = 100")]);
    let (_d, f, err) = check_broken("nointake", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[cohort]"),
        "cohort.intake",
        &["event outcome \"absence\" needs `cohort.intake`"],
    );
}

#[test]
fn broken_share_of_savings_without_savings_share() {
    let text = edit(
        BASE,
        &[(
            "cap = 50000",
            "cap = 50000\nmechanism = \"share_of_savings\"",
        )],
    );
    let (_d, f, err) = check_broken("sos", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[payment]"),
        "payment.savings_share",
        &["needs `savings_share`", "savings_share = 0.5"],
    );
}

#[test]
fn broken_historical_baseline_on_an_event_outcome() {
    let text = edit(
        &event_base(),
        &[(
            "target = 30",
            "target = 30\ncounterfactual = \"historical_baseline\"",
        )],
    );
    let (_d, f, err) = check_broken("histevent", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "counterfactual"),
        "outcomes[0].counterfactual",
        &["only for flow outcomes"],
    );
}

#[test]
fn broken_drift_on_an_event_outcome() {
    let text = edit(
        &event_base(),
        &[("target = 30", "target = 30\ndrift = 0.1")],
    );
    let (_d, f, err) = check_broken("driftevent", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "drift"),
        "outcomes[0].drift",
        &["drift is only for flow outcomes"],
    );
}

#[test]
fn broken_counterfactual_none_with_a_threshold() {
    let text = edit(
        &event_base(),
        &[(
            "target = 30",
            "target = 30\nthreshold = 25\ncounterfactual = \"none\"",
        )],
    );
    let (_d, f, err) = check_broken("cfnone", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "counterfactual"),
        "outcomes[0].counterfactual",
        &["counterfactual = \"none\" needs better = \"higher\" and no threshold"],
    );
}

#[test]
fn broken_cofunder_share_without_a_cofunder() {
    let text = edit(
        BASE,
        &[("cap = 50000", "cap = 50000\ncofunder_share = 0.25")],
    );
    let (_d, f, err) = check_broken("cofunder", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "cofunder_share"),
        "payment.cofunder_share",
        &["needs a cofunder", "add `cofunder = "],
    );
}

#[test]
fn broken_duplicate_outcome_id() {
    let outcome = "[[outcomes]]\nid = \"absence\"\nbetter = \"lower\"\nbaseline = 10\n\
                   target = 9\nunits_per_point = 1\n\n[payment]";
    let text = edit(BASE, &[("[payment]", outcome)]);
    let (_d, f, err) = check_broken("dupid", &text);
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"absence\"")
        .map(|(i, _)| i + 1)
        .nth(1)
        .expect("two ids");
    expect_error(
        &err,
        &f,
        second,
        "outcomes[1].id",
        &["the id \"absence\" is used by an earlier outcome"],
    );
}

#[test]
fn broken_outcome_id_characters() {
    let text = edit(BASE, &[("id = \"absence\"", "id = \"Sick-Days\"")]);
    let (_d, f, err) = check_broken("badid", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "Sick-Days"),
        "outcomes[0].id",
        &["\"Sick-Days\" is not a valid id; use a-z, 0-9 and _ only"],
    );
}

#[test]
fn broken_nan_and_infinity() {
    for (name, value) in [("nan", "nan"), ("inf", "inf"), ("neginf", "-inf")] {
        let text = edit(BASE, &[("price = 100", &format!("price = {value}"))]);
        let (_d, f, err) = check_broken(name, &text);
        let line = line_of(&text, "price = ");
        expect_error(
            &err,
            &f,
            line,
            "outcomes[0].price",
            &[&format!("`{value}` is not a finite number")],
        );
        assert_eq!(col_of(&err, &f, line), 9);
    }
}

#[test]
fn broken_numbers_beyond_decimal_range() {
    for (name, value) in [
        ("e40", "1e40"),
        ("int40", "1234567890123456789012345678901234567890"),
        ("e30", "-1e30"),
        ("hex", "0x7fffffffffffffff"),
        ("tiny", "1e-40"),
    ] {
        let text = edit(BASE, &[("cost = 1000", &format!("cost = {value}"))]);
        let (_d, f, err) = check_broken(name, &text);
        expect_error(
            &err,
            &f,
            line_of(&text, "cost = "),
            "delivery.cost",
            &["number out of range", "28 digits"],
        );
    }
}

#[test]
fn broken_amounts_too_large_to_compute_exactly() {
    // Each number is in range, but cohort × units per point is not.
    let text = edit(
        BASE,
        &[
            ("size = 100", "size = 1_000_000_000_000_000"),
            ("better = \"lower\"", "better = \"higher\""),
            ("baseline = 10", "baseline = 0"),
            ("target = 9", "target = 0.00000000000000000001"),
            (
                "units_per_point = 2",
                "units_per_point = 1_000_000_000_000_000",
            ),
            ("price = 100", "price = 0"),
            ("value = 200", "value = 0"),
        ],
    );
    let (_d, f, err) = check_broken("volume", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "price = "),
        "outcomes[0].price",
        &["beyond what effekt computes exactly", "thousands"],
    );
}

#[test]
fn broken_negative_discount_rate_that_overflows_npv() {
    let text = format!(
        "{}\n[assumptions]\ndiscount_rate = -0.6\n",
        edit(
            BASE,
            &[
                ("periods = 2", "periods = 40"),
                ("cost = 1000", "cost = 1_000_000_000_000_000"),
            ],
        )
    );
    let (_d, f, err) = check_broken("discount_overflow", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "discount_rate"),
        "assumptions.discount_rate",
        &["beyond what effekt computes exactly", "nearer 0"],
    );
}

#[test]
fn broken_negative_lag() {
    let text = edit(&event_base(), &[("target = 30", "target = 30\nlag = -1")]);
    let (_d, f, err) = check_broken("lag", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "lag = "),
        "outcomes[0].lag",
        &["-1 is out of range; allowed: 0 to 480"],
    );
}

#[test]
fn broken_ramp_periods_below_one() {
    let text = edit(BASE, &[("target = 9", "target = 9\nramp_periods = 0")]);
    let (_d, f, err) = check_broken("ramp", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "ramp_periods"),
        "outcomes[0].ramp_periods",
        &["out of range; allowed: 1 to 480"],
    );
}

#[test]
fn broken_discount_rate_at_or_below_minus_one() {
    for (name, rate) in [("disc_m1", "-1"), ("disc_m15", "-1.5")] {
        let text = format!("{BASE}\n[assumptions]\ndiscount_rate = {rate}\n");
        let (_d, f, err) = check_broken(name, &text);
        expect_error(
            &err,
            &f,
            line_of(&text, "discount_rate"),
            "assumptions.discount_rate",
            &["above −1"],
        );
    }
}

#[test]
fn broken_unknown_lever_in_show() {
    let text = format!("{BASE}\n[levers]\nshow = [\"achievement\", \"pricee.absence\"]\n");
    let (_d, f, err) = check_broken("show", &text);
    let line = line_of(&text, "show = ");
    expect_error(
        &err,
        &f,
        line,
        "levers.show[1]",
        &[
            "unknown lever `pricee.absence`",
            "did you mean `price.absence`?",
        ],
    );
    // At the misspelt id, not at the start of the list.
    assert_eq!(col_of(&err, &f, line), 24);
}

#[test]
fn broken_unknown_lever_table() {
    let text = format!("{BASE}\n[levers.\"x\"]\nmin = 0\n");
    let (_d, f, err) = check_broken("leverx", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[levers.\"x\"]"),
        "levers.x",
        &["unknown lever `x`", "levers of this scenario: achievement"],
    );
    let text = format!("{BASE}\n[levers.acheivement]\nmax = 1.5\n");
    let (_d, f, err) = check_broken("levertypo", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[levers.acheivement]"),
        "levers.acheivement",
        &["did you mean `achievement`?"],
    );
}

#[test]
fn broken_lever_min_above_max() {
    let text = format!("{BASE}\n[levers.achievement]\nmin = 1.5\nmax = 0.5\n");
    let (_d, f, err) = check_broken("minmax", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "[levers.achievement]"),
        "levers.achievement",
        &["min 1.5 is above max 0.5"],
    );
}

#[test]
fn broken_empty_file() {
    let (_d, f, err) = check_broken("empty", "");
    expect_error(&err, &f, 1, "format", &["missing key `format`"]);
    expect_error(&err, &f, 1, "scenario", &["missing table [scenario]"]);
    expect_error(&err, &f, 1, "outcomes", &["at least one [[outcomes]]"]);
    expect_error(&err, &f, 1, "investment", &["missing table [investment]"]);
}

#[test]
fn broken_binary_file() {
    // Deterministic "random" bytes with NULs among them.
    let mut x: u32 = 0x2545_f491;
    let bytes: Vec<u8> = (0..4096)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            if i % 97 == 0 { 0 } else { x as u8 }
        })
        .collect();
    let (_d, f, err) = check_broken("binary", &bytes);
    expect_error(&err, &f, 1, "", &["not UTF-8"]);
    assert_eq!(error_count(&err), 1, "{err}");
    // Valid UTF-8 with NUL bytes: said to be binary, at the NUL.
    let (_d, f, err) = check_broken("nul", "format = 1\n\n\0\0\0[scenario]\n");
    expect_error(&err, &f, 3, "", &["NUL bytes", "binary"]);
}

#[test]
fn broken_non_utf8_file() {
    let mut bytes = BASE.as_bytes().to_vec();
    // "Tiny" → "Tïny" in Latin-1.
    let at = BASE.find("Tiny").unwrap() + 1;
    bytes[at] = 0xef;
    let (_d, f, err) = check_broken("latin1", &bytes);
    expect_error(
        &err,
        &f,
        line_of(BASE, "title"),
        "",
        &["not UTF-8", "save the scenario as UTF-8"],
    );
    assert_eq!(col_of(&err, &f, 5), 11);
}

#[test]
fn broken_a_folder_instead_of_a_file() {
    let dir = Temp::new("folder");
    let folder = dir.path().join("scenario.toml");
    fs::create_dir_all(&folder).unwrap();
    let f = folder.display().to_string();
    let out = effekt(&["check", &f]);
    assert_eq!(out.code, 1);
    expect_error(&out.stderr, &f, 1, "", &["a folder, not a scenario file"]);
}

#[test]
fn broken_a_missing_file() {
    let dir = Temp::new("missing");
    let f = dir.path().join("nowhere.toml").display().to_string();
    let out = effekt(&["check", &f]);
    assert_eq!(out.code, 1);
    expect_error(&out.stderr, &f, 1, "", &["cannot read the file"]);
    // calc says the same.
    let out = effekt(&["calc", &f]);
    assert_eq!(out.code, 1);
    expect_error(&out.stderr, &f, 1, "", &["cannot read the file"]);
}

#[test]
fn every_error_of_a_file_is_reported_in_one_run() {
    // Three independent rule breaks.
    let text = edit(
        BASE,
        &[
            ("id = \"absence\"", "id = \"Absence\""),
            ("price = 100", "price = -100"),
            ("cap = 50000", "cap = 50000\ncofunder_share = 0.25"),
        ],
    );
    let (_d, f, err) = check_broken("three", &text);
    expect_error(&err, &f, line_of(&text, "Absence"), "outcomes[0].id", &[]);
    expect_error(&err, &f, line_of(&text, "price"), "outcomes[0].price", &[]);
    expect_error(
        &err,
        &f,
        line_of(&text, "cofunder_share"),
        "payment.cofunder_share",
        &[],
    );
    assert_eq!(error_count(&err), 3, "{err}");
}

#[test]
fn reading_errors_and_rule_breaks_are_reported_together() {
    // A typo, a wrong type and a rule break in different tables.
    let text = edit(
        BASE,
        &[
            ("target = 9", "target = 9\ntreshold = 9.5"),
            (
                "return_cap = 0.08",
                "return_cap = 0.08\nfirst_loss = \"half\"",
            ),
            ("cap = 50000", "cap = -5"),
        ],
    );
    let (_d, f, err) = check_broken("mixed", &text);
    expect_error(
        &err,
        &f,
        line_of(&text, "treshold"),
        "outcomes[0].treshold",
        &["did you mean `threshold`?"],
    );
    expect_error(
        &err,
        &f,
        line_of(&text, "first_loss"),
        "investment.first_loss",
        &["expected a number"],
    );
    expect_error(
        &err,
        &f,
        line_of(&text, "cap = -5"),
        "payment.cap",
        &["-5 is negative"],
    );
    assert_eq!(error_count(&err), 3, "{err}");
}

#[test]
fn a_flood_of_errors_is_cut_short() {
    let text = "x\n".repeat(100_000);
    let (_d, f, err) = check_broken("flood", &text);
    expect_error(&err, &f, 1, "", &["TOML syntax"]);
    expect_error(&err, &f, 101, "", &["and 99900 more errors"]);
    assert_eq!(error_count(&err), 101);
}

#[test]
fn a_tiny_cost_with_a_huge_return_does_not_overflow() {
    // A fraction of an øre drawn, 480 years at a return cap of 100 %, paid
    // from outcome payments: the balance and the money multiple must not
    // overflow.
    let dir = Temp::new("tiny-cost");
    let text = edit(
        BASE,
        &[
            ("periods = 2", "periods = 480"),
            ("cost = 1000", "cost = 0.0000000000000000000000000001"),
            ("return_cap = 0.08", "return_cap = 1\nrecycle = true"),
            ("cap = 50000\n", ""),
        ],
    );
    let f = dir.write("tiny.toml", &text);
    let out = effekt(&["calc", &f, "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(strings(&v, "/flows/payer").len(), 481);
}
