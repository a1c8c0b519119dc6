//! The edges a hostile user or a tired facilitator finds: special files
//! where files should be, pipes that close, full disks, report targets
//! that are not plain files, escape bytes in names, megabytes of input.

use std::fs;
use std::path::Path;
use std::process::Stdio;

use effekt::format::is_unsafe;
use effekt::store::Store;

use super::{Run, Temp, WORKED, effekt, effekt_with_data};

/// Makes a FIFO (named pipe) at `path`.
pub(super) fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// No control character (other than a line break) in printed text.
fn assert_clean(what: &str, text: &str) {
    let bad: Vec<String> = text
        .chars()
        .filter(|c| is_unsafe(*c) && *c != '\n')
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}:\n{text:?}");
}

// ------------------------------------------------------------ special files

#[test]
fn check_of_dev_zero_ends_at_once_with_a_message() {
    let out = effekt(&["check", "/dev/zero", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("/dev/zero:1:1: error: this is a device, not a regular file"),
        "{}",
        out.stderr
    );
    let out = effekt(&["calc", "/dev/zero"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("en enhet") || out.stderr.contains("device"));
}

#[test]
fn a_fifo_as_a_scenario_file_is_refused_without_blocking() {
    let dir = Temp::new("fifo-scenario");
    let fifo = dir.path().join("pipe.toml");
    mkfifo(&fifo);
    let f = fifo.display().to_string();
    let out = effekt(&["check", &f, "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("named pipe (FIFO)"), "{}", out.stderr);
    // In the user's scenario folder it is skipped, and never opened.
    let data = Temp::new("fifo-user");
    fs::create_dir_all(data.path().join("scenarios")).unwrap();
    mkfifo(&data.path().join("scenarios/pipe.toml"));
    let out = effekt_with_data(data.path(), &["list"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("sykefravaer"));
}

#[test]
fn a_fifo_in_the_variants_folder_never_hangs() {
    let data = Temp::new("fifo-variants");
    let out = effekt_with_data(
        data.path(),
        &["save", "sykefravaer", "Halv", "--set", "achievement=0.5"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let folder = data.path().join("variants/sykefravaer");
    mkfifo(&folder.join("pipe.toml"));
    // A second one, with a name no slug makes.
    mkfifo(&folder.join("rør.toml"));
    for args in [
        &["variants", "sykefravaer"][..],
        &["calc", "sykefravaer", "--variant", "Halv"],
        &["save", "sykefravaer", "Pipe", "--set", "achievement=0.6"],
        &["report", "sykefravaer", "--variant", "Halv"],
    ] {
        let out = effekt_with_data(data.path(), args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("pipe.toml") && out.stderr.contains("FIFO"),
            "{args:?} does not say it skipped the FIFO: {}",
            out.stderr
        );
    }
    assert!(is_fifo(&folder.join("pipe.toml")), "the FIFO was replaced");
    let store = Store::at(data.path().join("variants"));
    let (path, _) = store.find("sykefravaer", "Pipe").unwrap();
    assert!(path.ends_with("pipe-2.toml"), "{}", path.display());
}

// ------------------------------------------------------------ output

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    // 10 001 rows are far more than a pipe holds, so the writes after
    // `head` has gone fail with EPIPE.
    let script = format!(
        "set -o pipefail; '{}' sweep sykefravaer --lever achievement --from 0 --to 1 \
         --steps 10000 | head -1",
        env!("CARGO_BIN_EXE_effekt")
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "achievement,outcome_payments,payer_npv,investor_irr,moic,public_npv\n"
    );
    assert_eq!(stderr, "");
    // `--help | head -1` too.
    let script = format!(
        "set -o pipefail; '{}' --help | head -1",
        env!("CARGO_BIN_EXE_effekt")
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// Runs a command with standard output on `/dev/full`.
fn to_dev_full(data: &Path, args: &[&str]) -> super::Out {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let mut run = Run::new(data, args);
    run.stdout = Some(Stdio::from(full));
    run.out()
}

#[test]
fn every_command_to_a_full_disk_exits_1_with_a_message() {
    let data = Temp::new("full");
    let out = effekt_with_data(data.path(), &["save", "sykefravaer", "A"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for args in [
        &["calc", WORKED][..],
        &["calc", WORKED, "--json"],
        &[
            "sweep",
            WORKED,
            "--lever",
            "achievement",
            "--from",
            "0",
            "--to",
            "1",
        ],
        &["list"],
        &["levers", WORKED],
        &["check", WORKED],
        &["variants", "sykefravaer"],
        &["report", "sykefravaer", "--variant", "A"],
        &["report", "sykefravaer", "--format", "json"],
        &["risk", "sykefravaer", "--draws", "50"],
        &["tornado", "sykefravaer"],
        &[
            "solve",
            "sykefravaer",
            "--lever",
            "price.absence",
            "--for",
            "payer_npv=0",
        ],
        &["save", "sykefravaer", "B"],
        &["--help"],
        &["--version"],
    ] {
        let out = to_dev_full(data.path(), args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("feil: kan ikke skrive til standard ut: disken er full"),
            "{args:?}: {}",
            out.stderr
        );
    }
    let out = to_dev_full(data.path(), &["calc", WORKED, "--lang", "en"]);
    assert!(
        out.stderr
            .contains("error: cannot write to standard output: No space left on device"),
        "{}",
        out.stderr
    );
}

// ------------------------------------------------------------ report -o

fn report_to(data: &Path, target: &Path) -> super::Out {
    let t = target.display().to_string();
    effekt_with_data(
        data,
        &["report", "sykefravaer", "--format", "csv", "-o", &t],
    )
}

#[test]
fn report_output_writes_through_a_symlink_and_keeps_it() {
    let dir = Temp::new("report-symlink");
    let target = dir.path().join("real.csv");
    fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    let out = report_to(dir.path(), &link);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = fs::read_to_string(&target).unwrap();
    assert!(
        text.starts_with("variant,section,item,period,value\n"),
        "{text}"
    );
    // A dangling symlink: the file it names is created.
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink("new.csv", &dangling).unwrap();
    let out = report_to(dir.path(), &dangling);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.path().join("new.csv").is_file());
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn report_output_refuses_what_is_not_a_file_or_a_new_path() {
    let dir = Temp::new("report-targets");
    let fifo = dir.path().join("pipe.csv");
    mkfifo(&fifo);
    let out = report_to(dir.path(), &fifo);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("FIFO"), "{}", out.stderr);
    assert!(is_fifo(&fifo), "the FIFO was replaced");

    let out = report_to(dir.path(), Path::new("/dev/null"));
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("enhet"), "{}", out.stderr);

    let folder = dir.path().join("folder.csv");
    fs::create_dir(&folder).unwrap();
    let out = report_to(dir.path(), &folder);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("mappe"), "{}", out.stderr);
    assert!(folder.is_dir());

    // A missing folder is not created.
    let nested = dir.path().join("no/such/folder/r.csv");
    let out = report_to(dir.path(), &nested);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("finnes ikke; lag den først"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("no").exists());

    // A symlink to a FIFO is refused like the FIFO.
    let link = dir.path().join("to-pipe.csv");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let out = report_to(dir.path(), &link);
    assert_eq!(out.code, 1);
    assert!(is_fifo(&fifo));

    // Nothing was left behind.
    let temps: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

#[test]
fn report_output_dash_is_standard_output() {
    let data = Temp::new("report-dash");
    let out = effekt_with_data(
        data.path(),
        &["report", "sykefravaer", "--format", "csv", "-o", "-"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("variant,section"));
    assert!(!data.path().join("-").exists());
}

// ------------------------------------------------------------ hostile text

fn plant_hostile_variant(data: &Path) {
    crate::common::plant_hostile_variant(&data.join("variants/sykefravaer"), "ond.toml");
}

#[test]
fn escape_bytes_in_names_notes_and_texts_never_reach_the_terminal() {
    let data = Temp::new("hostile");
    plant_hostile_variant(data.path());
    let out = effekt_with_data(data.path(), &["variants", "sykefravaer"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Ond"), "{}", out.stdout);
    assert_clean("variants", &out.stdout);
    let name = crate::common::HOSTILE_NAME;
    for format in ["md", "csv", "json"] {
        let out = effekt_with_data(
            data.path(),
            &[
                "report",
                "sykefravaer",
                "--variant",
                name,
                "--format",
                format,
            ],
        );
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert_clean(format, &out.stdout);
        assert_clean(format, &out.stderr);
    }
    // The JSON keeps the data: escaped, not dropped.
    let out = effekt_with_data(
        data.path(),
        &[
            "report",
            "sykefravaer",
            "--variant",
            name,
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["columns"][1]["variant"], name);
    // Written to a file, the report is clean too.
    let file = data.path().join("r.md");
    let f = file.display().to_string();
    let out = effekt_with_data(
        data.path(),
        &["report", "sykefravaer", "--variant", name, "-o", &f],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_clean("report file", &fs::read_to_string(&file).unwrap());
    // An error quoting the name is clean as well.
    let out = effekt_with_data(
        data.path(),
        &["calc", "sykefravaer", "--variant", "nope\u{1b}[2J"],
    );
    assert_eq!(out.code, 1);
    assert_clean("error", &out.stderr);
}

#[test]
fn escape_bytes_in_a_scenario_never_reach_the_terminal() {
    let data = Temp::new("hostile-scenario");
    let text = fs::read_to_string(WORKED)
        .unwrap()
        .replace("id = \"worked_example\"", "id = \"ond\"")
        .replacen("title = \"", "title = \"\\u001b[2J\\u009b\\u202e", 1);
    assert!(text.contains("\\u009b"), "the title was not edited");
    let f = data.write("scenarios/ond.toml", text);
    for args in [
        &["list"][..],
        &["calc", "ond"],
        &["calc", &f, "--json"],
        &["report", "ond"],
        &["tornado", "ond"],
        &["risk", "ond", "--draws", "20"],
    ] {
        let out = effekt_with_data(data.path(), args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert_clean(&format!("{args:?}"), &out.stdout);
    }
}

#[test]
fn names_with_line_breaks_or_controls_are_refused() {
    let data = Temp::new("bad-names");
    for name in ["a\nb", "tab\there", "esc\u{1b}[2J", "rtl\u{202e}"] {
        let out = effekt_with_data(data.path(), &["save", "sykefravaer", name]);
        assert_eq!(out.code, 1, "{name:?}");
        assert!(
            out.stderr.contains("variantnavnet avvises") && out.stderr.contains("kontrolltegnet"),
            "{name:?}: {}",
            out.stderr
        );
        assert_clean("error", &out.stderr);
    }
    let out = effekt_with_data(data.path(), &["save", "sykefravaer", &"x".repeat(121)]);
    assert_eq!(out.code, 1);
    let listing = Store::at(data.path().join("variants")).list("sykefravaer");
    assert!(listing.variants.is_empty());
    // A note's line breaks become spaces.
    let out = effekt_with_data(
        data.path(),
        &[
            "save",
            "sykefravaer",
            "Notert",
            "--note",
            "første\nandre\tlinje",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (_, v) = Store::at(data.path().join("variants"))
        .find("sykefravaer", "Notert")
        .unwrap();
    assert_eq!(v.notes[0].text, "første andre linje");
}

#[test]
fn errors_do_not_echo_megabytes_of_input() {
    let huge = "9".repeat(100_000);
    for args in [
        vec![
            "calc".to_string(),
            WORKED.into(),
            "--set".into(),
            format!("achievement={huge}"),
        ],
        vec![
            "calc".into(),
            WORKED.into(),
            "--set".into(),
            format!("{huge}=1"),
        ],
        vec!["calc".into(), huge.clone()],
        vec![
            "calc".into(),
            WORKED.into(),
            "--variant".into(),
            huge.clone(),
        ],
        vec![
            "solve".into(),
            WORKED.into(),
            "--lever".into(),
            "cap".into(),
            "--for".into(),
            huge.clone(),
        ],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = effekt(&args);
        assert_ne!(out.code, 0);
        assert!(
            out.stderr.len() < 4_000,
            "{} bytes of error for {:?}…",
            out.stderr.len(),
            &args[..2]
        );
    }
}
