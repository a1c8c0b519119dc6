//! Saved variants: round trips, robustness on disk, concurrency, reports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use rust_decimal_macros::dec;

use effekt::catalog::{self, Loaded};
use effekt::format::Lang;
use effekt::store::{self, Note, Store, StoreError, Variant};
use effekt::{model, report};
use rust_decimal::Decimal;

/// A fresh, empty folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("effekt-variants-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn pilot(name: &str) -> Loaded {
    catalog::load_bundled(catalog::find_bundled(name).unwrap())
}

fn variant(base: &Loaded, name: &str, levers: &[(&str, &str)]) -> Variant {
    Variant {
        name: name.into(),
        scenario_id: base.scenario.info.id.clone(),
        scenario_hash: store::scenario_hash(&base.text),
        levers: levers
            .iter()
            .map(|(k, v)| (k.to_string(), Decimal::from_str(v).unwrap()))
            .collect::<BTreeMap<_, _>>(),
        notes: vec![Note {
            at: "2026-11-26T10:00:00Z".into(),
            text: "Rommet ønsker lavere terskel".into(),
        }],
        created: "2026-11-26T10:00:00Z".into(),
        updated: "2026-11-26T10:00:00Z".into(),
    }
}

#[test]
fn save_list_open_compare_round_trip() {
    let store = Store::at(temp_dir("roundtrip"));
    let base = pilot("sykefravaer");
    let current = effekt::levers::set(&base.scenario, "achievement", dec!(0.6)).unwrap();
    let current = effekt::levers::set(&current, "cofunder_share", dec!(0.3)).unwrap();
    let v = Variant::from_current("Lav effekt, KS 30 %", &base, &current);
    assert_eq!(v.levers.len(), 2);
    let path = store.save(&v, false).unwrap();
    assert!(
        path.ends_with("sykefravaer/lav-effekt-ks-30.toml"),
        "{}",
        path.display()
    );

    let listing = store.list("sykefravaer");
    assert!(listing.problems.is_empty());
    assert_eq!(listing.variants.len(), 1);
    let (_, loaded) = store.find("sykefravaer", "lav effekt, ks 30 %").unwrap();
    assert_eq!(loaded, v);

    let applied = store::apply(&loaded, &base);
    assert!(applied.problems().is_empty());
    assert_eq!(applied.scenario, current);

    let cols = report::columns(&base, &[loaded]);
    assert_eq!(cols.len(), 2);
    assert_eq!(cols[1].figures, model::figures(&current));
    assert_eq!(cols[0].figures, model::figures(&base.scenario));
    assert_ne!(
        cols[0].figures.evaluation.payer.npv,
        cols[1].figures.evaluation.payer.npv
    );
}

#[test]
fn saving_over_a_name_needs_overwrite_and_keeps_created() {
    let store = Store::at(temp_dir("overwrite"));
    let base = pilot("sykefravaer");
    let first = variant(&base, "A", &[("achievement", "0.5")]);
    store.save(&first, false).unwrap();
    let mut second = variant(&base, "A", &[("achievement", "0.7")]);
    second.created = "2030-01-01T00:00:00Z".into();
    assert!(matches!(
        store.save(&second, false),
        Err(StoreError::Exists { .. })
    ));
    store.save(&second, true).unwrap();
    let (_, v) = store.find("sykefravaer", "A").unwrap();
    assert_eq!(v.levers["achievement"], dec!(0.7));
    assert_eq!(v.created, "2026-11-26T10:00:00Z");
    assert_eq!(store.list("sykefravaer").variants.len(), 1);
}

#[test]
fn rename_duplicate_note_delete() {
    let store = Store::at(temp_dir("manage"));
    let base = pilot("rekruttering");
    store
        .save(&variant(&base, "Første", &[("achievement", "0.5")]), false)
        .unwrap();
    store.rename("rekruttering", "Første", "Andre").unwrap();
    assert!(store.find("rekruttering", "Første").is_err());
    store.duplicate("rekruttering", "Andre", "Tredje").unwrap();
    assert!(matches!(
        store.rename("rekruttering", "Andre", "Tredje"),
        Err(StoreError::Exists { .. })
    ));
    let v = store
        .add_note("rekruttering", "Tredje", "Åpent spørsmål: hvem garanterer?")
        .unwrap();
    assert_eq!(v.notes.len(), 2);
    assert_eq!(v.notes[1].text, "Åpent spørsmål: hvem garanterer?");
    let names: Vec<String> = store
        .list("rekruttering")
        .variants
        .into_iter()
        .map(|(_, v)| v.name)
        .collect();
    assert_eq!(names, ["Andre", "Tredje"]);
    store.delete("rekruttering", "Andre").unwrap();
    assert_eq!(store.list("rekruttering").variants.len(), 1);
    assert!(matches!(
        store.delete("rekruttering", "Andre"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn corrupt_truncated_and_foreign_files_are_reported_and_skipped() {
    let dir = temp_dir("corrupt");
    let store = Store::at(dir.clone());
    let base = pilot("sykefravaer");
    store
        .save(&variant(&base, "God", &[("achievement", "0.8")]), false)
        .unwrap();
    let folder = dir.join("sykefravaer");
    let good = std::fs::read_to_string(folder.join("god.toml")).unwrap();
    std::fs::write(folder.join("corrupt.toml"), [0xff, 0x00, 0x13, 0x37]).unwrap();
    std::fs::write(folder.join("truncated.toml"), &good[..good.len() / 2]).unwrap();
    std::fs::write(
        folder.join("foreign.toml"),
        good.replace("sykefravaer", "rekruttering"),
    )
    .unwrap();
    std::fs::write(
        folder.join("future.toml"),
        good.replace("format = 1", "format = 9"),
    )
    .unwrap();
    std::fs::write(folder.join("extra.toml"), format!("{good}\nsurprise = 1\n")).unwrap();
    std::fs::write(
        folder.join("bad-number.toml"),
        good.replace("\"0.8\"", "\"lots\""),
    )
    .unwrap();

    let listing = store.list("sykefravaer");
    assert_eq!(listing.variants.len(), 1);
    let problems: BTreeMap<String, String> = listing
        .problems
        .iter()
        .map(|(p, r)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                r.clone(),
            )
        })
        .collect();
    assert_eq!(problems.len(), 6, "{problems:?}");
    assert!(problems["corrupt.toml"].contains("UTF-8"));
    assert!(problems["foreign.toml"].contains("rekruttering"));
    assert!(problems["future.toml"].contains("format 9"));
    assert!(problems["extra.toml"].contains("surprise"));
    assert!(problems["bad-number.toml"].contains("lots"));
    assert!(!problems["truncated.toml"].is_empty());

    // Saving a variant whose file name is taken by an unreadable file
    // writes beside it and leaves the unreadable file untouched.
    let path = store.save(&variant(&base, "Corrupt", &[]), false).unwrap();
    assert!(path.ends_with("corrupt-2.toml"), "{}", path.display());
    assert_eq!(
        std::fs::read(folder.join("corrupt.toml")).unwrap(),
        [0xff, 0x00, 0x13, 0x37]
    );
}

#[test]
fn a_changed_scenario_and_unknown_levers_are_reported() {
    let base = pilot("sykefravaer");
    let v = variant(
        &base,
        "Gammel",
        &[
            ("achievement", "0.7"),
            ("price.gone", "5"),
            ("cofunder_share", "5"),
        ],
    );
    let mut edited = base.clone();
    edited.text.push_str("\n# edited\n");
    let applied = store::apply(&v, &edited);
    assert!(applied.scenario_changed);
    assert_eq!(applied.unknown_levers, ["price.gone"]);
    assert_eq!(applied.refused.len(), 1);
    assert_eq!(applied.refused[0].0, "cofunder_share");
    assert_eq!(applied.scenario.assumptions.achievement, dec!(0.7));
    let problems = applied.problems().join("\n");
    assert!(problems.contains("changed since"), "{problems}");
    assert!(problems.contains("price.gone"), "{problems}");
    assert!(!store::apply(&v, &base).scenario_changed);
}

#[test]
fn an_unwritable_folder_gives_a_clear_error() {
    let dir = temp_dir("unwritable");
    let blocker = dir.join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let store = Store::at(blocker.join("variants"));
    let base = pilot("sykefravaer");
    let err = store.save(&variant(&base, "X", &[]), false).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Write { .. }));
    assert!(
        msg.contains("cannot write to") && msg.contains("not-a-folder"),
        "{msg}"
    );
    // Listing an unreadable folder is empty, not an error.
    assert!(store.list("sykefravaer").variants.is_empty());
}

fn effekt(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_effekt"));
    c.env("EFFEKT_DATA_DIR", data);
    c
}

#[test]
fn cli_report_and_calc_use_saved_variants() {
    let data = temp_dir("cli");
    let out = effekt(&data)
        .args([
            "save",
            "sykefravaer",
            "Halv effekt",
            "--set",
            "achievement=0.5",
        ])
        .args(["--note", "Hva om bare halve effekten kommer?"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = effekt(&data)
        .args(["save", "sykefravaer", "Halv effekt"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));

    let calc = |extra: &[&str]| {
        let out = effekt(&data)
            .args(["calc", "sykefravaer", "--json"])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let via_variant = calc(&["--variant", "Halv effekt"]);
    let via_set = calc(&["--set", "achievement=0.5"]);
    assert_eq!(via_variant["totals"], via_set["totals"]);
    assert_eq!(via_variant["achievement"], "0.5");

    let report = effekt(&data)
        .args([
            "report",
            "sykefravaer",
            "--variant",
            "Halv effekt",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(report.status.success());
    let md = String::from_utf8_lossy(&report.stdout);
    assert!(md.contains("| Base scenario | Halv effekt |"), "{md}");
    assert!(md.contains("Hva om bare halve effekten kommer?"));
    assert!(md.contains("**50.0%**"));

    let missing = effekt(&data)
        .args(["report", "sykefravaer", "--variant", "Finnes ikke"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Halv effekt"));

    // `-o` into a folder that does not exist is refused, and the folder
    // is not made.
    let file = data.join("out/report.csv");
    let refused = effekt(&data)
        .args(["report", "sykefravaer", "--format", "csv", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(!data.join("out").exists());
    std::fs::create_dir_all(data.join("out")).unwrap();
    let csv = effekt(&data)
        .args([
            "report",
            "sykefravaer",
            "--variant",
            "Halv effekt",
            "--format",
            "csv",
            "-o",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(csv.status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("variant,section,item,period,value\n"));
    assert!(
        text.contains("Halv effekt,term,achievement,,0.5\n"),
        "{text}"
    );
    assert!(text.contains("base,figure,payer_npv,,"));
}

#[test]
fn reports_for_both_pilots_in_both_languages() {
    for name in ["sykefravaer", "rekruttering"] {
        let base = pilot(name);
        let lever = if name == "sykefravaer" {
            ("cofunder_share", "0.3")
        } else {
            ("achievement", "0.5")
        };
        let v = variant(&base, "Variant A", &[lever, ("return_cap", "0.05")]);
        let cols = report::columns(&base, &[v]);
        for lang in [Lang::Nb, Lang::En] {
            let md = report::markdown(lang, &base, &cols);
            insta::assert_snapshot!(format!("report_{name}_{}", lang.code()), md);
        }
        let csv = report::csv(Lang::En, &cols);
        insta::assert_snapshot!(format!("report_{name}_csv"), csv);
    }
}

#[test]
fn saving_over_a_name_keeps_its_notes_and_update_changes_it_in_place() {
    let store = Store::at(temp_dir("keep-notes"));
    let base = pilot("sykefravaer");
    let first = variant(&base, "A", &[("achievement", "0.5")]);
    let path = store.save(&first, false).unwrap();
    let mut second = variant(&base, "A", &[("achievement", "0.7")]);
    second.notes = vec![Note {
        at: "2026-11-27T09:00:00Z".into(),
        text: "Etter møtet".into(),
    }];
    assert_eq!(store.save(&second, true).unwrap(), path);
    let (_, v) = store.find("sykefravaer", "A").unwrap();
    let notes: Vec<&str> = v.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["Rommet ønsker lavere terskel", "Etter møtet"]);
    assert_eq!(v.levers["achievement"], dec!(0.7));

    let (p, v) = store
        .update("sykefravaer", "a", |mut v| {
            v.levers.insert("cofunder_share".into(), dec!(0.3));
            Ok::<_, StoreError>(v)
        })
        .unwrap();
    assert_eq!(p, path);
    assert_eq!(v.levers.len(), 2);
    assert_eq!(v.notes.len(), 2);
    assert_eq!(store.find("sykefravaer", "A").unwrap().1, v);
    assert!(matches!(
        store.update("sykefravaer", "B", Ok::<_, StoreError>),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn names_whose_slugs_collide_get_distinct_files() {
    let store = Store::at(temp_dir("slugs"));
    let base = pilot("sykefravaer");
    let names = ["x 1", "x-1", "x_1", "x/1"];
    let paths: Vec<PathBuf> = names
        .iter()
        .map(|n| store.save(&variant(&base, n, &[]), false).unwrap())
        .collect();
    let files: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        ["x-1.toml", "x-1-2.toml", "x-1-3.toml", "x-1-4.toml"]
    );
    for n in names {
        assert_eq!(store.find("sykefravaer", n).unwrap().1.name, n);
    }
    // The same name again is the same variant: refused without overwrite.
    assert!(matches!(
        store.save(&variant(&base, "x/1", &[]), false),
        Err(StoreError::Exists { .. })
    ));
}

#[test]
fn special_and_oversized_files_in_the_folder_are_skipped_at_once() {
    let dir = temp_dir("special");
    let store = Store::at(dir.clone());
    let base = pilot("sykefravaer");
    store.save(&variant(&base, "God", &[]), false).unwrap();
    let folder = dir.join("sykefravaer");
    let status = Command::new("mkfifo")
        .arg(folder.join("pipe.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::create_dir(folder.join("mappe.toml")).unwrap();
    let big = format!(
        "format = 1\nname = \"Stor\"\n# {}\n",
        "x".repeat(store::MAX_VARIANT_BYTES as usize)
    );
    std::fs::write(folder.join("stor.toml"), big).unwrap();
    let listing = store.list("sykefravaer");
    assert_eq!(listing.variants.len(), 1);
    let reasons: BTreeMap<String, String> = listing
        .problems
        .iter()
        .map(|(p, r)| (p.file_name().unwrap().to_string_lossy().into(), r.clone()))
        .collect();
    assert!(reasons["pipe.toml"].contains("FIFO"), "{reasons:?}");
    assert!(reasons["mappe.toml"].contains("folder"), "{reasons:?}");
    assert!(reasons["stor.toml"].contains("larger than"), "{reasons:?}");
}

#[test]
fn rename_and_duplicate_refuse_names_with_control_characters() {
    let store = Store::at(temp_dir("rename-names"));
    let base = pilot("rekruttering");
    store.save(&variant(&base, "Ren", &[]), false).unwrap();
    for bad in ["linje\nto", "\u{1b}[2J", "  "] {
        assert!(store.rename("rekruttering", "Ren", bad).is_err(), "{bad:?}");
        assert!(
            store.duplicate("rekruttering", "Ren", bad).is_err(),
            "{bad:?}"
        );
    }
    assert!(matches!(
        store.add_note("rekruttering", "Ren", "pling\u{7}"),
        Err(StoreError::BadNote { .. })
    ));
    assert_eq!(store.list("rekruttering").variants.len(), 1);
}
