//! What the command line promises: `--lang` before or after the command,
//! every message in the user's language, numbers typed the way the
//! language writes them, scenarios by the id `effekt list` shows, and the
//! exit codes of docs/cli.md for every command, clap's errors included.

use std::fs;

use super::{Run, Temp, WORKED, effekt, effekt_with_data};

#[test]
fn lang_works_before_and_after_the_command() {
    for args in [
        &["--lang", "en", "calc", "peterborough"][..],
        &["calc", "--lang", "en", "peterborough"],
        &["calc", "peterborough", "--lang", "en"],
        &["--lang=en", "calc", "peterborough"],
    ] {
        let out = effekt(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(
            out.stdout.contains("Key figures"),
            "{args:?}:\n{}",
            out.stdout
        );
    }
    let out = effekt(&["--lang", "nb", "calc", "peterborough"]);
    assert!(out.stdout.contains("Nøkkeltall"));
}

// ------------------------------------------------------------ numbers

/// The value `calc --json` reports for a lever after `--set`.
fn set_value(lang: &str, set: &str) -> Result<String, String> {
    let out = effekt(&["calc", WORKED, "--json", "--lang", lang, "--set", set]);
    if out.code != 0 {
        return Err(out.stderr);
    }
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let id = set.split('=').next().unwrap();
    Ok(v["levers"][id].as_str().unwrap().to_string())
}

#[test]
fn typed_numbers_follow_the_language() {
    for (lang, set, value) in [
        ("nb", "achievement=0,5", "0.5"),
        ("nb", "achievement=50 %", "0.5"),
        ("nb", "achievement=0.5", "0.5"),
        ("en", "achievement=0.5", "0.5"),
        ("en", "achievement=50%", "0.5"),
        ("en", "achievement=0,5", "0.5"),
        // The price as each language shows it.
        ("nb", "price.absence=1 100 kr", "1100"),
        ("nb", "price.absence=1,100", "1.1"),
        ("en", "price.absence=1,100", "1100"),
        ("en", "price.absence=NOK 1,100", "1100"),
        ("en", "price.absence=1.1", "1.1"),
        ("nb", "cap=2,5 mill. kr", "2500000"),
        ("en", "cap=NOK 2.5m", "2500000"),
        ("nb", "cap=2.500.000", "2500000"),
    ] {
        assert_eq!(set_value(lang, set).as_deref(), Ok(value), "{lang} {set}");
    }
}

#[test]
fn an_ambiguous_number_is_refused_with_both_readings() {
    let err = set_value("nb", "price.absence=1.100").unwrap_err();
    assert!(
        err.contains("«1.100» er tvetydig") && err.contains("1 100") && err.contains("1,1"),
        "{err}"
    );
}

#[test]
fn a_number_too_large_is_out_of_range_not_nonsense() {
    let err = set_value("en", "achievement=1e400").unwrap_err();
    assert!(
        err.contains("out of range") && !err.contains("not a number"),
        "{err}"
    );
    let err = set_value("nb", "achievement=1e400").unwrap_err();
    assert!(err.contains("utenfor området"), "{err}");
    let out = effekt(&[
        "sweep",
        WORKED,
        "--lever",
        "achievement",
        "--from",
        "0,25",
        "--to",
        "0,5",
        "--steps",
        "1",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\n0.25,") && out.stdout.contains("\n0.5,"));
}

// ------------------------------------------------------------ scenario ids

#[test]
fn scenarios_in_the_user_folder_are_opened_by_their_id() {
    let data = Temp::new("user-ids");
    data.write(
        "scenarios/min-fil.toml",
        fs::read_to_string(WORKED)
            .unwrap()
            .replace("id = \"worked_example\"", "id = \"mitt_scenario\""),
    );
    let out = effekt_with_data(data.path(), &["list"]);
    assert!(out.stdout.contains("mitt_scenario"), "{}", out.stdout);
    for args in [
        &["calc", "mitt_scenario"][..],
        &["check", "mitt_scenario"],
        &["levers", "mitt_scenario"],
        &["save", "mitt_scenario", "A", "--set", "achievement=0.5"],
        &["variants", "mitt_scenario"],
        &["calc", "mitt_scenario", "--variant", "A"],
    ] {
        let out = effekt_with_data(data.path(), args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
    // A misspelt id gets the nearest one, bundled or the user's.
    let out = effekt_with_data(data.path(), &["calc", "mitt_scenarjo"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("mente du «mitt_scenario»?"),
        "{}",
        out.stderr
    );
    let out = effekt_with_data(data.path(), &["calc", "sykefravar", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("did you mean `sykefravaer`?"),
        "{}",
        out.stderr
    );
    // A user file with a bundled id: listed with a note, the id opens the
    // bundled one, the path opens the file.
    let copy = data.write(
        "scenarios/kopi.toml",
        fs::read_to_string("scenarios/sykefravaer.toml")
            .unwrap()
            .replacen("title = \"", "title = \"Kopi: ", 1),
    );
    let out = effekt_with_data(data.path(), &["list", "--lang", "en"]);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("kopi.toml"))
        .unwrap();
    assert!(line.contains("open this file by its path"), "{line}");
    let out = effekt_with_data(data.path(), &["calc", "sykefravaer"]);
    assert!(!out.stdout.contains("Kopi:"), "{}", out.stdout);
    let out = effekt_with_data(data.path(), &["calc", &copy]);
    assert!(out.stdout.contains("Kopi:"), "{}", out.stdout);
    // A command name typed as a scenario.
    let out = effekt_with_data(data.path(), &["calcc"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("«effekt calc»"), "{}", out.stderr);
}

#[test]
fn a_local_folder_named_like_an_id_does_not_hide_it() {
    let dir = Temp::new("cwd-folder");
    fs::create_dir_all(dir.path().join("sykefravaer")).unwrap();
    fs::create_dir_all(dir.path().join("sykefravaer.toml")).unwrap();
    for name in ["sykefravaer", "sykefravaer.toml"] {
        let args = ["calc", name];
        let mut run = Run::new(dir.path(), &args);
        run.dir = dir.path().to_path_buf();
        let out = run.out();
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert!(out.stdout.contains("(sykefravaer)"));
    }
    // A file of that name wins, as before.
    fs::write(dir.path().join("peterborough"), fs::read(WORKED).unwrap()).unwrap();
    let args = ["calc", "peterborough"];
    let mut run = Run::new(dir.path(), &args);
    run.dir = dir.path().to_path_buf();
    assert!(run.out().stdout.contains("(worked_example)"));
}

// ------------------------------------------------------------ exit codes

#[test]
fn exit_codes_are_as_documented_for_every_kind_of_failure() {
    let data = Temp::new("exit-codes");
    let code = |args: &[&str]| effekt_with_data(data.path(), args).code;
    // 0: done.
    assert_eq!(code(&["calc", WORKED]), 0);
    assert_eq!(code(&["--help"]), 0);
    assert_eq!(code(&["help", "calc"]), 0);
    assert_eq!(code(&["--version"]), 0);
    // 1: input refused, or a file that cannot be read or written.
    for args in [
        &["calc", "nowhere"][..],
        &["calc", WORKED, "--set", "achievement=3"],
        &["calc", WORKED, "--set", "achievement=lots"],
        &["calc", WORKED, "--variant", "none"],
        &["check", "/dev/zero"],
        &[
            "sweep", WORKED, "--lever", "nope", "--from", "0", "--to", "1",
        ],
        &["report", WORKED, "-o", "/no/such/folder/r.md"],
        &["solve", WORKED, "--lever", "cap", "--for", "irr=5%"],
    ] {
        assert_eq!(code(args), 1, "{args:?}");
    }
    // 2: the command line cannot be run as written (clap's own errors too).
    for args in [
        &["calc"][..],
        &["calc", WORKED, "--bogus"],
        &["bogus", "extra"],
        &["check"],
        &["report", WORKED, "--format", "pdf"],
        &["--lang", "xx", "list"],
        &["risk", WORKED, "--draws", "0"],
        &[
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
        ],
        &["solve", WORKED, "--lever", "cap"],
        &["save", WORKED, "A", "--force", "--update"],
        &[
            "report",
            WORKED,
            "--variant",
            "a",
            "--variant",
            "b",
            "--variant",
            "c",
            "--variant",
            "d",
            "--variant",
            "e",
        ],
        &["sykefravaer", "calc", WORKED],
        &["help", "bogus"],
    ] {
        assert_eq!(code(args), 2, "{args:?}");
    }
    // 3: no value reaches the goal.
    assert_eq!(
        code(&[
            "solve",
            "sykefravaer",
            "--lever",
            "price.absence",
            "--for",
            "investor_irr=50%"
        ]),
        3
    );
}

// ------------------------------------------------------------ texts

#[test]
fn tornado_text_fits_100_columns() {
    for id in [
        "sykefravaer",
        "rekruttering",
        "finland_tyhy",
        "peterborough",
    ] {
        for lang in ["nb", "en"] {
            let out = effekt(&["tornado", id, "--lang", lang]);
            assert_eq!(out.code, 0, "{id} {lang}: {}", out.stderr);
            for line in out.stdout.lines() {
                assert!(
                    line.chars().count() <= 100,
                    "{id} {lang}: {} columns:\n{line}",
                    line.chars().count()
                );
            }
            // Every shown lever has its line and a row per step.
            let steps = if lang == "nb" { "Ett steg" } else { "One step" };
            assert!(out.stdout.matches(steps).count() >= 4, "{}", out.stdout);
        }
    }
}

#[test]
fn in_bokmaal_every_message_is_bokmaal() {
    let data = Temp::new("bokmaal");
    let run = |args: &[&str]| effekt_with_data(data.path(), args);
    let out = run(&["levers", WORKED]);
    let header = out.stdout.lines().next().unwrap();
    for word in ["id", "verdi", "min", "maks", "steg", "vises", "navn"] {
        assert!(header.contains(word), "{header}");
    }
    assert!(out.stdout.contains(" ja ") || out.stdout.contains(" nei "));
    let out = run(&["list"]);
    assert!(out.stdout.contains("innebygd") && out.stdout.contains("Din scenariomappe"));
    let out = run(&["variants", "sykefravaer"]);
    assert!(
        out.stdout.contains("Ingen lagrede varianter"),
        "{}",
        out.stdout
    );
    let out = run(&["calc", "sykefravaer", "--variant", "Mangler"]);
    assert!(
        out.stderr
            .starts_with("feil: ingen variant med navnet «Mangler»; scenarioet «sykefravaer» har ingen lagrede varianter"),
        "{}",
        out.stderr
    );
    // A variant whose lever the scenario no longer has warns in bokmål.
    let folder = data.path().join("variants/sykefravaer");
    fs::create_dir_all(&folder).unwrap();
    fs::write(
        folder.join("gammel.toml"),
        "format = 1\nname = \"Gammel\"\nscenario = \"sykefravaer\"\n\
         scenario_hash = \"sha256:0\"\ncreated = \"2026-01-01T00:00:00Z\"\n\
         updated = \"2026-01-01T00:00:00Z\"\n\n[levers]\n\"price.borte\" = \"5\"\n",
    )
    .unwrap();
    let out = run(&["calc", "sykefravaer", "--variant", "Gammel"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("advarsel: varianten «Gammel»: scenariofilen er endret")
            && out
                .stderr
                .contains("spaker som ikke lenger finnes i scenarioet"),
        "{}",
        out.stderr
    );
    for line in out.stderr.lines() {
        assert!(
            !line.starts_with("warning") && !line.starts_with("error"),
            "{line}"
        );
    }
    let out = run(&["report", WORKED, "-o", "/no/such/folder/r.md"]);
    assert!(
        out.stderr.starts_with("feil: kan ikke skrive"),
        "{}",
        out.stderr
    );
    let out = run(&["calc", WORKED, "--bogus"]);
    assert!(
        out.stderr.starts_with("feil: ukjent argument «--bogus»"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Bruk: effekt calc"), "{}", out.stderr);
    let out = run(&["bogus", "extra"]);
    assert!(!out.stderr.contains("error"), "{}", out.stderr);
}
