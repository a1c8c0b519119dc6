//! Every figure of the bundled scenarios, pinned: `effekt calc --json` at
//! the scenario's own effect and at 0, 35 and 150 % of the expected
//! effect, the Monte Carlo (`effekt risk --json --draws 2000`) and the
//! tornado (`effekt tornado --json`), all in English, against
//! `tests/fixtures/pinned/`. A change of the model or of a scenario that
//! moves any figure, to the last digit, fails here.
//!
//! After an intended change (a scenario rewritten, a decision of the model
//! changed), review the diff and write the pins again:
//!
//! ```sh
//! EFFEKT_REPIN=1 cargo test --test it scenarios_pinned
//! git diff tests/fixtures/pinned/
//! ```
//!
//! The worked example's pins, from before sites, are held by
//! `sites::the_worked_example_computes_as_before_sites`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::common::BIN;

const BUNDLED: [&str; 4] = [
    "sykefravaer",
    "rekruttering",
    "finland_tyhy",
    "peterborough",
];

/// `effekt ARGS --json --lang en`, which must succeed, as JSON.
pub(crate) fn effekt_json(args: &[&str]) -> Value {
    let out = Command::new(BIN)
        .args(args)
        .args(["--json", "--lang", "en"])
        .env(
            "EFFEKT_DATA_DIR",
            std::env::temp_dir().join("effekt-scenarios-pinned"),
        )
        .output()
        .expect("effekt runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Compares `now` with the pin `name`, or writes it with `EFFEKT_REPIN`.
fn pinned(name: &str, now: &Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pinned")
        .join(name);
    if std::env::var_os("EFFEKT_REPIN").is_some() {
        let text = serde_json::to_string_pretty(now).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (EFFEKT_REPIN=1 writes it)", path.display()));
    let before: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        now, &before,
        "{name} changed: review, then EFFEKT_REPIN=1 cargo test --test it scenarios_pinned"
    );
}

#[test]
fn every_bundled_scenario_computes_as_pinned() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for name in BUNDLED {
        let path = dir.join(format!("{name}.toml")).display().to_string();
        for a in ["own", "0", "0.35", "1.5"] {
            let set = format!("achievement={a}");
            let now = if a == "own" {
                effekt_json(&["calc", &path])
            } else {
                effekt_json(&["calc", "--set", &set, &path])
            };
            pinned(&format!("calc-{name}-{a}.json"), &now);
        }
        let risk = effekt_json(&["risk", "--draws", "2000", &path]);
        pinned(&format!("risk-{name}.json"), &risk);
        let tornado = effekt_json(&["tornado", &path]);
        pinned(&format!("tornado-{name}.json"), &tornado);
    }
}
