//! `effekt new` and `effekt schema` on the real binary: every template in
//! both languages passes `effekt check` as written and lists every key;
//! the file is never written over without `--force`, never into a folder
//! that does not exist, never into a FIFO; the schema in the repository is
//! the one `effekt schema` prints.

use std::fs;
use std::path::Path;

use effekt::catalog::BUNDLED;
use serde_json::Value;

use super::edges::mkfifo;
use super::{Temp, effekt, effekt_with_data};

#[test]
fn the_schema_in_the_repository_is_the_one_effekt_prints() {
    let out = effekt(&["schema"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = include_str!("../../../schema/scenario.schema.json");
    assert!(
        out.stdout == file,
        "schema/scenario.schema.json is not what `effekt schema` prints; \
         regenerate it with `cargo run -- schema -o schema/scenario.schema.json` \
         (the loader's keys or docs/scenario-format.md changed)"
    );
    let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(v["title"], "effekt scenario (format 1)");
}

#[test]
fn schema_writes_a_file_and_refuses_a_missing_folder() {
    let dir = Temp::new("schema-out");
    let path = dir.path().join("scenario.schema.json");
    let p = path.display().to_string();
    let out = effekt(&["schema", "-o", &p, "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("Schema written"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        effekt::scenario::json_schema_text()
    );
    let missing = dir.path().join("no/such/folder/s.json");
    let out = effekt(&["schema", "-o", &missing.display().to_string()]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("finnes ikke"), "{}", out.stderr);
    assert!(!dir.path().join("no").exists());
}

/// Every key of a table of the schema, by name, with the schema of each
/// table (arrays of tables by their items).
fn keys(schema: &Value, out: &mut Vec<String>) {
    let object = if schema["type"] == "array" {
        &schema["items"]
    } else {
        schema
    };
    for (k, s) in object["properties"].as_object().into_iter().flatten() {
        out.push(k.clone());
        keys(s, out);
    }
}

/// The keys a template sets or shows commented out (`key =`, `# key =`),
/// and its table headers.
fn written_keys(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.starts_with("##"))
        .map(|l| l.trim_start_matches("# ").trim())
        .filter_map(|l| {
            if let Some(h) = l.strip_prefix('[') {
                let h = h.trim_matches(['[', ']']);
                return h.rsplit('.').next().map(str::to_string);
            }
            l.split_once(" = ").map(|(k, _)| k.to_string())
        })
        .collect()
}

#[test]
fn every_template_passes_check_in_both_languages_and_lists_every_key() {
    let dir = Temp::new("new-all");
    let mut all = Vec::new();
    keys(&effekt::scenario::json_schema(), &mut all);
    let mut templates: Vec<Option<&str>> = vec![None];
    templates.extend(BUNDLED.iter().map(|b| b.file_name.strip_suffix(".toml")));
    for lang in ["nb", "en"] {
        for from in &templates {
            let name = format!("{}_{lang}.toml", from.unwrap_or("tom"));
            let path = dir.path().join(&name);
            let p = path.display().to_string();
            let mut args = vec!["new", p.as_str(), "--lang", lang];
            if let Some(id) = from {
                args.extend(["--from", id]);
            }
            let out = effekt(&args);
            assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
            let check = effekt(&["check", &p, "--lang", "en"]);
            assert_eq!(check.code, 0, "{name}: {}", check.stderr);
            assert_eq!(check.stdout, format!("{p}: ok\n"));
            let text = fs::read_to_string(&path).unwrap();
            let written = written_keys(&text);
            for k in &all {
                assert!(
                    written.contains(k),
                    "{name}: key `{k}` neither set nor shown:\n{text}"
                );
            }
            // Its id is the file's name; every number says where it came
            // from (or has the placeholder for it).
            let id = name.trim_end_matches(".toml");
            assert!(text.contains(&format!("id = \"{id}\"")), "{name}");
            let calc = effekt(&["calc", &p, "--json"]);
            assert_eq!(calc.code, 0, "{name}: {}", calc.stderr);
            let placeholder = if lang == "nb" {
                "# kilde: …"
            } else {
                "# source: …"
            };
            if from.is_none() {
                assert!(
                    text.contains(&format!("cost = 1_000_000  {placeholder}")),
                    "{text}"
                );
                let explained = if lang == "nb" {
                    "## Pris per betalbar enhet i valutaen (≥ 0). Standard: 0."
                } else {
                    "## Money per payable unit"
                };
                assert!(text.contains(explained), "{name}:\n{text}");
            }
        }
    }
}

#[test]
fn from_a_bundled_scenario_keeps_its_values_and_their_sources() {
    let dir = Temp::new("new-from");
    let path = dir.path().join("Oslo kommune.toml");
    let p = path.display().to_string();
    let out = effekt(&["new", &p, "--from", "sykefravaer", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("Wrote"), "{}", out.stderr);
    let text = fs::read_to_string(&path).unwrap();
    for kept in [
        "id = \"oslo_kommune\"",
        "baseline = 8.9  # assumption: weighted mean of the sites' baselines",
        "target = 7.9  # assumption: 1.0 point lower",
        "# One avoided sickness-absence day is worth about 2 900 NOK to the public",
        "size = 1_100  # assumption: full-time equivalents",
        "[levers.\"price.absence\"]",
        "absence = 0.3  # assumption:",
        "## Money per payable unit",
    ] {
        assert!(text.contains(kept), "`{kept}` not in:\n{text}");
    }
    assert!(
        !text.lines().any(|l| l.starts_with("#:schema")),
        "the bundled file's directive points elsewhere"
    );
    // The same figures as the bundled scenario.
    let a = effekt(&["calc", &p, "--json"]);
    let b = effekt(&["calc", "sykefravaer", "--json"]);
    let strip = |s: &str| {
        let mut v: Value = serde_json::from_str(s).unwrap();
        v.as_object_mut().unwrap().remove("scenario");
        v
    };
    assert_eq!(strip(&a.stdout), strip(&b.stdout));
    // A template of a template explains each key once.
    let again = dir.path().join("again.toml");
    let out = effekt(&[
        "new",
        &again.display().to_string(),
        "--from",
        &p,
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let twice = fs::read_to_string(&again).unwrap();
    assert_eq!(
        twice.matches("## Money per payable unit").count(),
        1,
        "{twice}"
    );
    assert_eq!(twice.replace("\"again\"", "\"oslo_kommune\""), text);
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let dir = Temp::new("new-exists");
    let p = dir.write("mine.toml", "precious");
    for lang in ["nb", "en"] {
        let out = effekt(&["new", &p, "--lang", lang]);
        assert_eq!(out.code, 1, "{}", out.stdout);
        let says = if lang == "nb" {
            "finnes allerede"
        } else {
            "exists already"
        };
        assert!(
            out.stderr.contains(says) && out.stderr.contains("--force"),
            "{}",
            out.stderr
        );
    }
    assert_eq!(fs::read_to_string(&p).unwrap(), "precious");
    let out = effekt(&["new", &p, "--force"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(effekt(&["check", &p]).code, 0);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["mine.toml"], "no temp file is left");
}

#[test]
fn a_missing_folder_is_not_created() {
    let dir = Temp::new("new-folder");
    let p = dir.path().join("no/where/s.toml").display().to_string();
    for force in [false, true] {
        let mut args = vec!["new", p.as_str(), "--lang", "en"];
        if force {
            args.push("--force");
        }
        let out = effekt(&args);
        assert_eq!(out.code, 1, "{args:?}");
        assert!(out.stderr.contains("does not exist"), "{}", out.stderr);
    }
    assert!(!dir.path().join("no").exists());
}

#[test]
fn a_fifo_or_a_symlink_is_never_written_through_without_force() {
    let dir = Temp::new("new-special");
    let fifo = dir.path().join("pipe.toml");
    mkfifo(&fifo);
    let f = fifo.display().to_string();
    for force in [false, true] {
        let mut args = vec!["new", f.as_str(), "--lang", "en"];
        if force {
            args.push("--force");
        }
        // The binary runs with a deadline: opening a FIFO would hang it.
        let out = effekt(&args);
        assert_eq!(out.code, 1, "{args:?}");
        assert!(out.stderr.contains("named pipe"), "{}", out.stderr);
    }
    let real = dir.write("real.toml", "mine");
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink("real.toml", &link).unwrap();
    let l = link.display().to_string();
    let out = effekt(&["new", &l, "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("exists already"), "{}", out.stderr);
    assert_eq!(fs::read_to_string(&real).unwrap(), "mine");
    // Forced: written through the link to its file, the link kept.
    let out = effekt(&["new", &l, "--force"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(effekt(&["check", &real]).code, 0);
    // A dangling link is something there too.
    let dangling = dir.path().join("dangling.toml");
    std::os::unix::fs::symlink("nowhere.toml", &dangling).unwrap();
    let out = effekt(&["new", &dangling.display().to_string()]);
    assert_eq!(out.code, 1);
    assert!(!dir.path().join("nowhere.toml").exists());
}

#[test]
fn of_two_at_once_exactly_one_writes_the_file() {
    let dir = Temp::new("new-race");
    let data = Temp::new("new-race-data");
    let p = dir.path().join("same.toml").display().to_string();
    for _ in 0..5 {
        let _ = fs::remove_file(&p);
        let runs: Vec<_> = ["nb", "en"]
            .map(|lang| {
                let (p, d) = (p.clone(), data.path().to_path_buf());
                std::thread::spawn(move || effekt_with_data(&d, &["new", &p, "--lang", lang]).code)
            })
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let mut codes = runs.clone();
        codes.sort();
        assert_eq!(codes, [0, 1], "{runs:?}");
        assert_eq!(effekt(&["check", &p]).code, 0);
    }
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["same.toml"]);
}

#[test]
fn sites_split_the_cohort_and_unknown_templates_are_refused_clearly() {
    let dir = Temp::new("new-sites");
    // The cohort split over three municipalities, checked as written, and
    // the parts add up to the whole: the figures are the one-site pilot's.
    // (The bundled pilots have their municipalities already.)
    let worked = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/worked_example.toml")
        .display()
        .to_string();
    for (from, lang) in [(worked.as_str(), "nb"), ("peterborough", "en")] {
        let stem = Path::new(from).file_stem().unwrap().to_string_lossy();
        let p = dir
            .path()
            .join(format!("{stem}.toml"))
            .display()
            .to_string();
        let out = effekt(&["new", &p, "--sites", "3", "--from", from, "--lang", lang]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let text = fs::read_to_string(&p).unwrap();
        assert_eq!(text.matches("\n[[sites]]").count(), 3, "{text}");
        assert_eq!(effekt(&["check", &p]).code, 0);
        let split = effekt(&["calc", "--json", &p]);
        let whole = effekt(&["calc", "--json", from]);
        let json = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        let (split, whole) = (json(&split.stdout), json(&whole.stdout));
        assert_eq!(split["sites"].as_array().unwrap().len(), 3);
        assert_eq!(
            split["totals"]["outcome_payments"], whole["totals"]["outcome_payments"],
            "{from}"
        );
    }
    let p = dir.path().join("twice.toml").display().to_string();
    let first = dir.path().join("worked_example.toml").display().to_string();
    let out = effekt(&["new", &p, "--sites", "2", "--from", &first, "--lang", "en"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("3 sites already"), "{}", out.stderr);
    let out = effekt(&[
        "new",
        &p,
        "--sites",
        "2",
        "--from",
        "sykefravaer",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("4 sites already"), "{}", out.stderr);
    let out = effekt(&["new", &p, "--sites", "0", "--lang", "en"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!Path::new(&p).exists());
    let out = effekt(&["new", &p, "--from", "sykefravar", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("did you mean `sykefravaer`"),
        "{}",
        out.stderr
    );
    assert!(!Path::new(&p).exists());
}
