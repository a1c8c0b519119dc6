//! `check`, `sweep`, `list`, `levers` and `--help` on the real binary.

use std::fs;

use super::broken::{BASE, edit};
use super::calc::{calc_json, rounded};
use super::{Temp, WORKED, effekt, effekt_with_data};

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
    // In bokmål, the default language.
    assert!(
        out.stderr
            .contains("ukjent spak `acheivement`; mente du `achievement`?"),
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
