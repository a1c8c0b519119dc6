//! Saving variants from the command line: many saves at once with names
//! whose file names collide, killed saves, `--force` and `--update`.

use std::fs;
use std::path::Path;
use std::process::Stdio;

use effekt::store::Store;

use super::{Temp, effekt_with_data};

// ------------------------------------------------------------ saves

fn variant_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn concurrent_saves_with_colliding_names_all_land() {
    let data = Temp::new("concurrent-names");
    // Names whose file names collide (all slug to `x-1`), some twice.
    let names = [
        "x 1", "x-1", "x_1", "x/1", "X.1", "x:1", "x  1", "x—1", "x 1 ", "x\u{a0}1", "x 1", "x-1",
        "x_1", "x/1", "X.1", "x,1", "x;1", "x+1", "x=1", "x*1",
    ];
    let children: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let child = std::process::Command::new(env!("CARGO_BIN_EXE_effekt"))
                .args(["save", "sykefravaer", name, "--set"])
                .arg(format!("achievement=0.{}", 10 + i))
                .env("EFFEKT_DATA_DIR", data.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            (name.trim(), i, child)
        })
        .collect();
    let mut saved = std::collections::BTreeMap::new();
    for (name, i, child) in children {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        match out.status.code() {
            Some(0) => {
                assert!(saved.insert(name, i).is_none(), "{name:?} saved twice");
            }
            Some(1) => assert!(err.contains("finnes allerede"), "{name:?}: {err}"),
            other => panic!("{name:?}: exit {other:?}: {err}"),
        }
    }
    // Every distinct name is saved exactly once: a clash is decided once.
    let distinct: std::collections::BTreeSet<String> =
        names.iter().map(|n| n.trim().to_lowercase()).collect();
    assert_eq!(saved.len(), distinct.len(), "{saved:?}");
    let folder = data.path().join("variants/sykefravaer");
    assert_eq!(
        variant_files(&folder).len(),
        saved.len(),
        "{:?}",
        variant_files(&folder)
    );
    let store = Store::at(data.path().join("variants"));
    let listing = store.list("sykefravaer");
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    for (name, i) in &saved {
        let found = listing.variants.iter().find(|(_, v)| v.name == *name);
        let (_, v) = found.unwrap_or_else(|| panic!("{name:?} is not on disk"));
        let want: rust_decimal::Decimal = format!("0.{}", 10 + i).parse().unwrap();
        assert_eq!(v.levers["achievement"], want, "{name:?}");
    }
    let temps: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

#[test]
fn concurrent_forced_saves_of_one_name_leave_one_whole_file() {
    let data = Temp::new("concurrent-force");
    let children: Vec<_> = (0..16)
        .map(|i| {
            std::process::Command::new(env!("CARGO_BIN_EXE_effekt"))
                .args(["save", "sykefravaer", "Samme navn", "--force", "--set"])
                .arg(format!("achievement=0.{}", 10 + i))
                .args(["--note", &format!("notat {i}")])
                .env("EFFEKT_DATA_DIR", data.path())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let store = Store::at(data.path().join("variants"));
    let listing = store.list("sykefravaer");
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    assert_eq!(listing.variants.len(), 1);
    // Every save's note is kept: each replaced the levers, not the notes.
    assert_eq!(listing.variants[0].1.notes.len(), 16);
}

#[test]
fn temp_files_of_killed_saves_are_cleaned_up() {
    let data = Temp::new("stale-temps");
    let folder = data.path().join("variants/sykefravaer");
    fs::create_dir_all(&folder).unwrap();
    fs::write(
        folder.join(".halv.toml.4242.1234567.tmp"),
        "format = 1\nname = \"Ha",
    )
    .unwrap();
    let out = effekt_with_data(data.path(), &["save", "sykefravaer", "Halv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(variant_files(&folder), ["halv.toml"]);
    let hidden: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn force_keeps_notes_and_created_and_update_changes_levers_in_place() {
    let data = Temp::new("force-update");
    let run = |args: &[&str]| effekt_with_data(data.path(), args);
    let out = run(&[
        "save",
        "sykefravaer",
        "KS 30 %",
        "--set",
        "cofunder_share=0.3",
        "--note",
        "Første",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let store = Store::at(data.path().join("variants"));
    let (path, first) = store.find("sykefravaer", "KS 30 %").unwrap();

    // Without --force or --update: refused, with both ways out named.
    let out = run(&["save", "sykefravaer", "KS 30 %"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("--force") && out.stderr.contains("--update"),
        "{}",
        out.stderr
    );

    // --update: the saved levers, then --set; notes kept and added to.
    let out = run(&[
        "save",
        "sykefravaer",
        "KS 30 %",
        "--update",
        "--set",
        "achievement=0.6",
        "--note",
        "Andre",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (path2, v) = store.find("sykefravaer", "KS 30 %").unwrap();
    assert_eq!(path2, path, "the variant keeps its file");
    assert_eq!(v.levers.len(), 2, "{:?}", v.levers);
    assert_eq!(v.levers["cofunder_share"].to_string(), "0.3");
    assert_eq!(v.levers["achievement"].to_string(), "0.6");
    let notes: Vec<&str> = v.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["Første", "Andre"]);
    assert_eq!(v.created, first.created);

    // --force: the levers are replaced, the notes and created kept.
    let out = run(&[
        "save",
        "sykefravaer",
        "KS 30 %",
        "--force",
        "--set",
        "return_cap=0.05",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (_, v) = store.find("sykefravaer", "KS 30 %").unwrap();
    assert_eq!(v.levers.keys().collect::<Vec<_>>(), ["return_cap"]);
    assert_eq!(v.notes.len(), 2);
    assert_eq!(v.created, first.created);

    // --update of a variant that is not there says how to create it.
    let out = run(&["save", "sykefravaer", "Ny", "--update"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("dropp --update"), "{}", out.stderr);
    // --force and --update together are a usage error.
    let out = run(&["save", "sykefravaer", "KS 30 %", "--force", "--update"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}
