//! The `effekt` binary, run as a user runs it: `check`, `calc` (summary and
//! JSON), `--set`, `sweep`, `list`, `levers`, `--help` here; broken
//! scenario files in [`broken`]; special files, pipes, full disks, report
//! targets, hostile text and concurrent saves in [`edges`]; languages,
//! typed numbers, scenario ids and exit codes in [`promises`].
//!
//! Tests that check an English text from the loader or the levers pass
//! `--lang en` (bokmål is the default).

mod broken;
mod edges;
mod promises;

use broken::{BASE, edit};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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

/// How to run the binary: where, with which data folder, and where its
/// standard output goes.
struct Run<'a> {
    args: &'a [&'a str],
    data: &'a Path,
    dir: PathBuf,
    stdout: Option<Stdio>,
}

/// The longest a command may take before the test calls it hung.
const DEADLINE: Duration = Duration::from_secs(20);

impl Run<'_> {
    fn new<'a>(data: &'a Path, args: &'a [&'a str]) -> Run<'a> {
        Run {
            args,
            data,
            dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            stdout: None,
        }
    }

    /// Runs it; a process still running after [`DEADLINE`] is killed and
    /// the test fails (a hang on a FIFO, a flood from `/dev/zero`).
    fn out(self) -> Out {
        let args = self.args;
        let mut child = Command::new(env!("CARGO_BIN_EXE_effekt"))
            .args(args)
            .env("EFFEKT_DATA_DIR", self.data)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(self.stdout.unwrap_or_else(Stdio::piped))
            .stderr(Stdio::piped())
            .spawn()
            .expect("run effekt");
        let read = |r: Option<Box<dyn std::io::Read + Send>>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut r) = r {
                    let _ = r.read_to_end(&mut bytes);
                }
                bytes
            })
        };
        let stdout = read(child.stdout.take().map(|r| Box::new(r) as _));
        let stderr = read(child.stderr.take().map(|r| Box::new(r) as _));
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for effekt") {
                break status;
            }
            if start.elapsed() > DEADLINE {
                let _ = child.kill();
                let _ = child.wait();
                panic!("effekt {args:?} hung for {DEADLINE:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let out = Out {
            code: status.code().expect("effekt exits, is not killed"),
            stdout: String::from_utf8(stdout.join().unwrap()).expect("stdout is UTF-8"),
            stderr: String::from_utf8(stderr.join().unwrap()).expect("stderr is UTF-8"),
        };
        assert!(
            !out.stderr.contains("panicked"),
            "effekt {args:?} panicked:\n{}",
            out.stderr
        );
        out
    }
}

/// Runs `effekt` with `EFFEKT_DATA_DIR` pointing at `data` (so that no
/// user folder is read or written) from the crate's folder.
fn effekt_with_data(data: &Path, args: &[&str]) -> Out {
    Run::new(data, args).out()
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
    let out = effekt(&["check", WORKED, &bad1, &bad2, "--lang", "en"]);
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
    assert!(
        out.stderr
            .contains("feil: disse argumentene mangler: <FIL>")
            && out.stderr.contains("Bruk: effekt check"),
        "{}",
        out.stderr
    );
    let out = effekt(&["check", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("Usage: effekt check"), "{}", out.stderr);
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
            "public_other"
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
            "threshold.absence",
            "price.absence",
            "cap",
            "guaranteed_share",
            "cofunder_share",
            "fee_at_risk",
            "first_loss",
            "return_cap",
            "discount_rate",
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
    let out = effekt(&["calc", WORKED, "--set", "achievment=0.5", "--lang", "en"]);
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
    let out = effekt(&["calc", WORKED, "--set", "achievement=3", "--lang", "en"]);
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
    let out = effekt(&[
        "calc",
        WORKED,
        "--set",
        "threshold.absence=8",
        "--lang",
        "en",
    ]);
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
    let out = effekt(&[
        "calc",
        WORKED,
        "--set",
        "guaranteed_share=0.95",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("more than 1"), "{}", out.stderr);
}

#[test]
fn calc_set_without_a_value_or_with_a_bad_number_is_refused() {
    let out = effekt(&["calc", WORKED, "--set", "achievement", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("ID=VALUE"), "{}", out.stderr);
    let out = effekt(&["calc", WORKED, "--set", "achievement"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("skriv ID=VERDI"), "{}", out.stderr);
    let out = effekt(&["calc", WORKED, "--set", "achievement=lots", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("--set achievement: \"lots\" is not a number"),
        "{}",
        out.stderr
    );
    let out = effekt(&["calc", WORKED, "--set", "achievement=lots"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("feil: --set achievement: «lots» er ikke et tall"),
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
        "--lang",
        "en",
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
fn sweep_of_an_unknown_lever_exits_1_and_zero_steps_2() {
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
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--steps") && out.stderr.contains("fra 1 til 10000"),
        "{}",
        out.stderr
    );
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
fn help_works_on_every_command_in_both_languages() {
    let out = effekt(&["--help", "--lang", "en"]);
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
    for c in ["check", "calc", "sweep", "list", "levers", "save", "report"] {
        assert!(commands.contains(&c.to_string()), "no {c} in {commands:?}");
    }
    for c in &commands {
        for (lang, usage) in [("en", "Usage:"), ("nb", "Bruk:")] {
            for args in [vec![c.as_str(), "--help"], vec!["help", c.as_str()]] {
                let mut args = args.clone();
                args.extend(["--lang", lang]);
                let out = effekt(&args);
                assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
                assert!(
                    out.stdout.contains(&format!("{usage} effekt {c}")),
                    "{args:?}:\n{}",
                    out.stdout
                );
            }
        }
    }
    for args in [&["-h"][..], &["help"], &["--help"]] {
        let out = effekt(args);
        assert_eq!(out.code, 0, "{args:?}");
        assert!(out.stdout.contains("Bruk: effekt"), "{}", out.stdout);
    }
    let out = effekt(&["--version"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("effekt "));
}

#[test]
fn help_in_bokmaal_translates_every_line() {
    // Every line of every command's help that describes something differs
    // from the English one (a text missing in the bokmål table would show
    // in English).
    let out = effekt(&["--help", "--lang", "en"]);
    let commands: Vec<String> = out
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect();
    // The describing part of each line: after the flags, or all of it.
    let described = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| {
                let t = l.trim();
                let desc = match t.rfind("  ") {
                    Some(i) => t[i..].trim(),
                    None if t.starts_with(['-', '<', '[']) => return None,
                    None => t,
                };
                desc.contains(' ').then(|| desc.to_string())
            })
            .collect()
    };
    for c in std::iter::once(None).chain(commands.iter().map(Some)) {
        let args = |lang: &'static str| {
            let mut a: Vec<&str> = c.iter().map(|c| c.as_str()).collect();
            a.extend(["--help", "--lang", lang]);
            a
        };
        let en = effekt(&args("en")).stdout;
        let nb = effekt(&args("nb")).stdout;
        let en_lines = described(&en);
        for line in described(&nb) {
            assert!(
                !en_lines.contains(&line),
                "{c:?}: `{line}` is not translated:\n{nb}"
            );
        }
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print help",
            "[default",
        ] {
            assert!(!nb.contains(english), "{c:?}: `{english}` in:\n{nb}");
        }
    }
}

#[test]
fn levers_lists_ids_ranges_and_steps() {
    let out = effekt(&["levers", WORKED]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for id in ["achievement", "threshold.absence", "price.absence", "cap"] {
        assert!(out.stdout.contains(id), "no {id}:\n{}", out.stdout);
    }
}
