//! `effekt delete`, `effekt variants --deleted` and `effekt restore` on the
//! binary: the trash round trip, a taken name, exit codes, hostile files
//! in the trash.

use std::fs;

use super::edges::mkfifo;
use super::{Temp, effekt_with_data};
use crate::common::{HOSTILE_NAME, plant_hostile_variant, trash_file};

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn delete_lists_in_the_trash_and_restore_brings_it_back() {
    let data = Temp::new("trash-cli");
    let d = data.path();
    let out = effekt_with_data(
        d,
        &[
            "save",
            "sykefravaer",
            "Plan B",
            "--set",
            "achievement=0,8",
            "--note",
            "Rommet vil ha mer",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let live = out.stdout.trim().to_string();

    let out = effekt_with_data(d, &["delete", "sykefravaer", "plan b"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let in_trash = out.stdout.trim().to_string();
    assert!(
        in_trash.contains("/variants/.trash/sykefravaer/") && in_trash.ends_with("-plan-b.toml"),
        "{in_trash}"
    );
    assert!(fs::metadata(&in_trash).unwrap().is_file());
    assert!(!std::path::Path::new(&live).exists());
    assert!(
        out.stderr.contains("papirkurven") && out.stderr.contains("effekt restore sykefravaer"),
        "{}",
        out.stderr
    );

    let out = effekt_with_data(d, &["variants", "sykefravaer"]);
    assert!(
        out.stdout.starts_with("Ingen lagrede varianter"),
        "{}",
        out.stdout
    );
    let out = effekt_with_data(d, &["variants", "sykefravaer", "--deleted"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let listed = lines(&out.stdout);
    assert_eq!(listed.len(), 3, "{}", out.stdout);
    assert!(
        listed[0].starts_with("Plan B  (slettet 20")
            && listed[0].ends_with(&format!("[{in_trash}]")),
        "{}",
        listed[0]
    );
    assert_eq!(listed[1], "    achievement = 0.8");
    assert!(listed[2].ends_with(": Rommet vil ha mer"), "{}", listed[2]);
    let out = effekt_with_data(d, &["--lang", "en", "variants", "sykefravaer", "--deleted"]);
    assert!(
        out.stdout.starts_with("Plan B  (deleted 20"),
        "{}",
        out.stdout
    );

    let out = effekt_with_data(d, &["restore", "sykefravaer", "Plan B"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.trim(), live, "back into its own file");
    let out = effekt_with_data(d, &["calc", "sykefravaer", "--variant", "Plan B", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"achievement\": \"0.8\""));
    let out = effekt_with_data(d, &["variants", "sykefravaer", "--deleted"]);
    assert!(
        out.stdout.starts_with("Ingen slettede varianter i "),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(".trash"), "{}", out.stdout);
}

#[test]
fn restore_into_a_taken_name_asks_for_another_and_exit_codes_hold() {
    let data = Temp::new("trash-taken");
    let d = data.path();
    for a in ["0,5", "0,6"] {
        let set = format!("achievement={a}");
        let out = effekt_with_data(d, &["save", "sykefravaer", "A", "--set", &set]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let out = effekt_with_data(d, &["delete", "sykefravaer", "A"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let out = effekt_with_data(d, &["save", "sykefravaer", "A", "--set", "achievement=0,9"]);
    assert_eq!(out.code, 0);

    // The name is taken: exit 1, and how to go on.
    let out = effekt_with_data(d, &["restore", "sykefravaer", "A"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("finnes allerede") && out.stderr.contains("--as NYTT_NAVN"),
        "{}",
        out.stderr
    );
    let out = effekt_with_data(d, &["--lang", "en", "restore", "sykefravaer", "A"]);
    assert!(out.stderr.contains("--as NEW_NAME"), "{}", out.stderr);
    // The newest deleted "A" (0.6) under another name, then the older.
    let out = effekt_with_data(d, &["restore", "sykefravaer", "a", "--as", "A nyere"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = effekt_with_data(d, &["restore", "sykefravaer", "A", "--as", "A eldre"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = effekt_with_data(d, &["variants", "sykefravaer"]);
    let text = out.stdout;
    for (name, value) in [("A", "0.9"), ("A eldre", "0.5"), ("A nyere", "0.6")] {
        let at = text
            .find(&format!("{name}  ["))
            .unwrap_or_else(|| panic!("{name} in {text}"));
        let rest = &text[at..];
        assert!(
            rest.lines().nth(1) == Some(&format!("    achievement = {value}")),
            "{name}: {rest}"
        );
    }

    // Nothing of that name in the trash: exit 1 with what is there.
    let out = effekt_with_data(d, &["delete", "sykefravaer", "A eldre"]);
    assert_eq!(out.code, 0);
    let out = effekt_with_data(d, &["restore", "sykefravaer", "B"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("ingen slettet variant med navnet «B»")
            && out.stderr.contains("slettede varianter: A eldre"),
        "{}",
        out.stderr
    );
    // A name refused as a name.
    let out = effekt_with_data(
        d,
        &["restore", "sykefravaer", "A eldre", "--as", "to\nlinjer"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    // A variant that is not saved cannot be deleted.
    let out = effekt_with_data(d, &["delete", "sykefravaer", "Finnes ikke"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("lagrede varianter av «sykefravaer»"),
        "{}",
        out.stderr
    );
    // Usage: exit 2.
    for args in [
        &["restore", "sykefravaer"][..],
        &["delete", "sykefravaer"],
        &["variants", "sykefravaer", "--deleted=ja"],
        &["restore", "sykefravaer", "A", "--as"],
    ] {
        let out = effekt_with_data(d, args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
    }
    // An unknown scenario: exit 1.
    let out = effekt_with_data(d, &["restore", "ukjent", "A"]);
    assert_eq!(out.code, 1);
}

#[test]
fn a_fifo_or_escape_bytes_in_the_trash_never_hang_or_reach_the_terminal() {
    let data = Temp::new("trash-hostile");
    let d = data.path();
    let trash = d.join("variants/.trash/sykefravaer");
    plant_hostile_variant(&trash, &trash_file(1, 0, "ond"));
    fs::create_dir_all(&trash).unwrap();
    mkfifo(&trash.join(trash_file(1, 1, "fifo")));
    fs::write(trash.join(trash_file(1, 2, "broken")), "name = [").unwrap();

    let out = effekt_with_data(d, &["variants", "sykefravaer", "--deleted"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("Ond"), "{}", out.stdout);
    for text in [&out.stdout, &out.stderr] {
        assert!(
            !text
                .chars()
                .any(|c| effekt::format::is_unsafe(c) && c != '\n'),
            "{text:?}"
        );
    }
    assert!(out.stderr.contains("fifo.toml") && out.stderr.contains("broken.toml"));
    assert!(
        out.stderr.contains("TOML-feil på linje 1, kolonne 9"),
        "{}",
        out.stderr
    );

    // The store never writes such a name: restoring it asks for another,
    // which works beside the FIFO.
    let out = effekt_with_data(d, &["restore", "sykefravaer", HOSTILE_NAME]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("kontrolltegnet U+001B") && out.stderr.contains("--as NYTT_NAVN"),
        "{}",
        out.stderr
    );
    let out = effekt_with_data(d, &["restore", "sykefravaer", HOSTILE_NAME, "--as", "Ond"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let store = effekt::store::Store::at(d.join("variants"));
    let (_, v) = store.find("sykefravaer", "Ond").unwrap();
    assert_eq!(v.notes.len(), 1, "its notes came along");
    let out = effekt_with_data(d, &["delete", "sykefravaer", "Ond"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(store.deleted("sykefravaer").find("Ond").is_some());
}
