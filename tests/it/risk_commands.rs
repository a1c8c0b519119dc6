//! The risk commands on the real binary: `effekt risk`, `tornado` and
//! `solve`, their text and JSON (the computations are tested in `risk.rs`).

use std::path::PathBuf;
use std::process::Command;
use std::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;

use super::risk::{NOISY, SYKEFRAVAER, bare};

fn data_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("effekt-risk-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn effekt(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_effekt"))
        .args(args)
        .env("EFFEKT_DATA_DIR", data_dir())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_of(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn noisy_file() -> PathBuf {
    let path = data_dir().join("noisy.toml");
    std::fs::write(&path, format!("{}\n{NOISY}", bare(SYKEFRAVAER))).unwrap();
    path
}

#[test]
fn risk_command() {
    let (code, out, err) = effekt(&["risk", "sykefravaer", "--draws", "500", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v = json_of(&out);
    assert_eq!(v["draws"], 500);
    assert_eq!(v["seed"], 2026);
    // The bundled pilot states its own uncertainty (sd 0.3, noise 0.3).
    assert_eq!(v["uncertainty"]["assumed"], false);
    assert_eq!(v["uncertainty"]["achievement"]["distribution"], "normal");
    assert_eq!(v["uncertainty"]["achievement"]["sd"], "0.3");
    for key in [
        "investor_loss_before_guarantee",
        "investor_loss",
        "any_payment",
        "cap_binds",
    ] {
        assert!(v["probabilities"][key]["value"].is_string(), "{key}");
        assert!(v["probabilities"][key]["count"].is_u64(), "{key}");
    }
    for key in [
        "achievement",
        "outcome_payments",
        "payer_npv",
        "public_npv",
        "investor_net",
        "investor_irr",
    ] {
        for field in ["min", "p10", "p50", "p90", "max", "mean"] {
            assert!(v[key][field].is_string(), "{key}.{field}");
        }
        assert!(v[key]["histogram"]["edges"].is_array());
        let counts: u64 = v[key]["histogram"]["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_u64().unwrap())
            .sum();
        assert_eq!(counts, v[key]["count"].as_u64().unwrap(), "{key}");
    }
    assert!(v["draws_without_irr"].is_u64());

    // The same seed gives the same JSON; --seed and --set change it.
    let (_, again, _) = effekt(&["risk", "sykefravaer", "--draws", "500", "--json"]);
    assert_eq!(out, again);
    let (_, other, _) = effekt(&[
        "risk",
        "sykefravaer",
        "--draws",
        "500",
        "--seed",
        "1",
        "--json",
    ]);
    assert_ne!(out, other);

    let file = noisy_file();
    let (code, out, err) = effekt(&["risk", file.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Probabilities"), "{out}");
    assert!(out.contains("3,000 draws, seed 7"), "{out}");
    // In English, the outcome's English name (`name_en`).
    assert!(
        out.contains("Doctor-certified sickness absence ±0.3"),
        "{out}"
    );
    let (code, out, _) = effekt(&["risk", "peterborough", "--draws", "200"]);
    assert_eq!(code, 0);
    assert!(out.contains("Sannsynligheter"), "{out}");
    assert!(out.contains("ingen [uncertainty]-tabell"), "{out}");
    let (code, out, _) = effekt(&["risk", "sykefravaer", "--draws", "200"]);
    assert_eq!(code, 0);
    assert!(!out.contains("ingen [uncertainty]-tabell"), "{out}");

    assert_eq!(effekt(&["risk", "sykefravaer", "--draws", "0"]).0, 2);
    assert_eq!(effekt(&["risk", "nonexistent.toml"]).0, 1);
    let (code, _, err) = effekt(&["risk", "sykefravaer", "--set", "cap=-1"]);
    assert_eq!(code, 1);
    assert!(err.contains("cap"), "{err}");
}

#[test]
fn tornado_command() {
    let (code, out, err) = effekt(&["tornado", "sykefravaer", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v = json_of(&out);
    assert_eq!(v["achievement"], "1");
    assert!(v["base"]["payer_npv"].is_string());
    assert!(v["base"]["investor_irr"].is_string());
    // One bar per lever the scenario shows.
    let bars = v["bars"].as_array().unwrap();
    assert_eq!(bars.len(), 15);
    for b in bars {
        for key in [
            "lever",
            "value",
            "step",
            "min",
            "max",
            "payer_npv_swing",
            "investor_irr_swing",
        ] {
            assert!(b[key].is_string(), "{key}");
        }
        for side in ["down", "up"] {
            let status = b[side]["status"].as_str().unwrap();
            assert!(["moved", "at_limit", "refused"].contains(&status));
            if status == "moved" {
                for key in ["value", "payer_npv", "payer_npv_change"] {
                    assert!(b[side][key].is_string(), "{side}.{key}");
                }
            }
        }
    }
    let (code, out, _) = effekt(&["tornado", "sykefravaer", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.contains("Sensitivity"), "{out}");
    assert!(out.contains("One step down"), "{out}");
}

#[test]
fn solve_command() {
    let (code, out, err) = effekt(&[
        "solve",
        "sykefravaer",
        "--lever",
        "price.absence",
        "--for",
        "investor_irr=6%",
        "--at",
        "achievement=1",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v = json_of(&out);
    assert_eq!(v["solved"], true);
    assert_eq!(v["figure"], "investor_irr");
    assert_eq!(v["target"], "0.06");
    assert_eq!(v["achievement"], "1");
    assert_eq!(v["current_value"], "1150");
    let dec_at = |key: &str| Decimal::from_str(v[key].as_str().unwrap()).unwrap();
    let (value, reached, tol) = (dec_at("value"), dec_at("figure_value"), dec_at("tolerance"));
    assert!((reached - dec!(0.06)).abs() <= tol);
    assert!(value > Decimal::ZERO && value < dec!(1150));
    for key in ["best", "range", "jump"] {
        assert!(v[key].is_null(), "{key}");
    }

    let (code, out, _) = effekt(&[
        "solve",
        "sykefravaer",
        "--lever",
        "price.absence",
        "--for",
        "investor_irr=50%",
        "--json",
    ]);
    assert_eq!(code, 3);
    let v = json_of(&out);
    assert_eq!(v["solved"], false);
    assert!(v["value"].is_null());
    assert!(v["best"]["value"].is_string());
    assert!(v["range"]["min"].is_string() && v["range"]["max"].is_string());

    let (code, out, _) = effekt(&[
        "solve",
        "sykefravaer",
        "--lever",
        "price.absence",
        "--for",
        "investor_irr=50%",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 3);
    assert!(
        out.contains("No value of price per unit from NOK 0 to NOK 1,800"),
        "{out}"
    );

    let file = noisy_file();
    let (code, out, err) = effekt(&[
        "solve",
        file.to_str().unwrap(),
        "--lever",
        "threshold.absence",
        "--for",
        "p_noise_payment=0.1",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("når den sanne effekten er null"), "{out}");

    let (code, _, err) = effekt(&[
        "solve",
        "sykefravaer",
        "--lever",
        "price.absence",
        "--for",
        "irr=6%",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown figure `irr`"), "{err}");
    let (code, _, err) = effekt(&[
        "solve",
        "sykefravaer",
        "--lever",
        "prise",
        "--for",
        "payer_npv=0",
    ]);
    assert_eq!(code, 1);
    // Bokmål (the default) through and through.
    assert!(err.contains("feil: ukjent spak `prise`"), "{err}");
    let (code, _, err) = effekt(&[
        "solve",
        "sykefravaer",
        "--lever",
        "cap",
        "--for",
        "payer_npv=0",
        "--at",
        "cap=3",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--at"), "{err}");
    let (code, _, _) = effekt(&["solve", "sykefravaer", "--lever", "cap"]);
    assert_eq!(code, 2);
}
