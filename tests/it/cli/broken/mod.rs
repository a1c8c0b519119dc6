//! Broken scenario files: one table of cases run on the parser
//! (`scenario::parse`, whose error text `effekt check` prints as it is),
//! and the cases that need a real file (not UTF-8, a folder, missing, a
//! device, a FIFO) run on the binary. Every error says `FILE:LINE:COL`,
//! the key, and what to do; nothing panics.

pub(crate) mod cases;

use effekt::scenario;

use super::{Temp, WORKED, effekt};
use cases::cases;

/// A small valid scenario; every broken file is this with one change. The
/// line numbers the cases expect are found with [`line_of`].
pub const BASE: &str = r#"format = 1

[scenario]
id = "tiny"
title = "Tiny"

[timeline]
periods = 2
period = "year"

[parties]
payer = "Kommunen"

[cohort]
size = 100

[delivery]
cost = 1000

[[outcomes]]
id = "absence"
better = "lower"
baseline = 10
target = 9
units_per_point = 2
price = 100
value = 200

[payment]
cap = 50000

[investment]
return_cap = 0.08
"#;

/// [`BASE`] with an event outcome over an intake instead.
pub(crate) fn event_base() -> String {
    edit(
        BASE,
        &[
            ("size = 100", "intake = 50"),
            (
                "better = \"lower\"",
                "kind = \"event\"\nbetter = \"higher\"",
            ),
            ("baseline = 10", "baseline = 20"),
            ("target = 9", "target = 30"),
            ("units_per_point = 2\n", ""),
        ],
    )
}

/// `text` with each `from` (which must occur exactly once) replaced.
pub fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut text = text.to_string();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
        text = text.replacen(from, to, 1);
    }
    text
}

/// The 1-based number of the only line that contains `needle`.
pub(super) fn line_of(text: &str, needle: &str) -> usize {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "`{needle}` must be on one line");
    lines[0]
}

/// One error a broken file must get.
pub(super) struct Expected {
    line: usize,
    /// The key path the error is about; empty for syntax and reading.
    key: &'static str,
    /// What the error line and its `help:` lines say.
    says: Vec<String>,
    /// The column, where it matters.
    col: Option<usize>,
}

pub(super) fn at(line: usize, key: &'static str, says: &[&str]) -> Expected {
    Expected {
        line,
        key,
        says: says.iter().map(|s| s.to_string()).collect(),
        col: None,
    }
}

impl Expected {
    fn col(mut self, col: usize) -> Expected {
        self.col = Some(col);
        self
    }
}

/// One broken file and what `check` must say about it.
pub(crate) struct Case {
    pub(crate) name: String,
    pub(crate) text: String,
    errors: Vec<Expected>,
    /// The number of errors, where it matters.
    count: Option<usize>,
}

/// A case: `errors` gets the text, to find the lines in it.
pub(super) fn case(name: &str, text: String, errors: impl Fn(&str) -> Vec<Expected>) -> Case {
    Case {
        name: name.to_string(),
        errors: errors(&text),
        text,
        count: None,
    }
}

impl Case {
    fn count(mut self, n: usize) -> Case {
        self.count = Some(n);
        self
    }
}

/// The error at `FILE:LINE:COL` about `key` with its help lines, if there
/// is one.
fn error_block(errors: &str, file: &str, line: usize, key: &str) -> Option<(usize, String)> {
    let prefix = format!("{file}:{line}:");
    let lines: Vec<&str> = errors.lines().collect();
    let (i, col) = lines.iter().enumerate().find_map(|(i, l)| {
        let rest = l.strip_prefix(&prefix)?;
        let (col, rest) = rest.split_once(':')?;
        let col = col.parse::<usize>().ok().filter(|c| *c >= 1)?;
        let key_ok = if key.is_empty() {
            rest.starts_with(" error: ")
        } else {
            rest.starts_with(&format!(" error in `{key}`: "))
        };
        key_ok.then_some((i, col))
    })?;
    let block: Vec<&str> = std::iter::once(lines[i])
        .chain(
            lines[i + 1..]
                .iter()
                .copied()
                .take_while(|l| l.starts_with("  help:")),
        )
        .collect();
    Some((col, block.join("\n")))
}

/// Asserts the error at `FILE:LINE` about `key` exists and says every one
/// of `says`; returns its block.
pub fn expect_error(errors: &str, file: &str, line: usize, key: &str, says: &[&str]) -> String {
    let Some((_, block)) = error_block(errors, file, line, key) else {
        panic!("no error at {file}:{line}:COL about `{key}` in:\n{errors}");
    };
    for s in says {
        assert!(
            block.contains(s),
            "`{s}` not in:\n{block}\n\nall:\n{errors}"
        );
    }
    block
}

fn error_count(errors: &str) -> usize {
    errors.lines().filter(|l| l.contains(": error")).count()
}

#[test]
fn every_broken_file_gets_every_error_with_line_key_and_help() {
    let mut failed = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for c in &cases {
        let file = format!("{}.toml", c.name);
        let errors = match scenario::parse(&c.text, &file) {
            Ok(_) => {
                failed.push(format!("{}: accepted", c.name));
                continue;
            }
            Err(e) => e.to_string(),
        };
        for e in &c.errors {
            let Some((col, block)) = error_block(&errors, &file, e.line, e.key) else {
                failed.push(format!(
                    "{}: no error at line {} about `{}` in:\n{errors}",
                    c.name, e.line, e.key
                ));
                continue;
            };
            for s in &e.says {
                if !block.contains(s.as_str()) {
                    failed.push(format!("{}: `{s}` not in:\n{block}", c.name));
                }
            }
            if let Some(want) = e.col
                && want != col
            {
                failed.push(format!("{}: column {col}, not {want}:\n{block}", c.name));
            }
        }
        if let Some(n) = c.count
            && error_count(&errors) != n
        {
            failed.push(format!(
                "{}: {} errors, not {n}:\n{errors}",
                c.name,
                error_count(&errors)
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

#[test]
fn the_base_files_of_the_broken_file_cases_are_valid() {
    scenario::parse(BASE, "flow.toml").unwrap_or_else(|e| panic!("{e}"));
    scenario::parse(&event_base(), "event.toml").unwrap_or_else(|e| panic!("{e}"));
}

/// Writes `contents` to a file, runs `effekt check` on it and expects exit
/// code 1. Returns the folder, the file's path and the errors.
fn check_broken(name: &str, contents: impl AsRef<[u8]>) -> (Temp, String, String) {
    let dir = Temp::new(name);
    let file = dir.write(&format!("{name}.toml"), contents);
    let out = effekt(&["check", &file, "--lang", "en"]);
    assert_eq!(out.code, 1, "{name} was accepted:\n{}", out.stdout);
    assert!(!out.stdout.contains(": ok"), "{}", out.stdout);
    (dir, file, out.stderr)
}

#[test]
fn check_on_the_binary_reports_a_rule_break_with_its_place() {
    let (_d, f, err) = check_broken("price", edit(BASE, &[("price = 100", "price = -100")]));
    expect_error(&err, &f, 26, "outcomes[0].price", &["-100 is negative"]);
}

#[test]
fn a_binary_file_is_not_utf8() {
    // Deterministic "random" bytes with NULs among them.
    let mut x: u32 = 0x2545_f491;
    let bytes: Vec<u8> = (0..4096)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            if i % 97 == 0 { 0 } else { x as u8 }
        })
        .collect();
    let (_d, f, err) = check_broken("binary", &bytes);
    expect_error(&err, &f, 1, "", &["not UTF-8"]);
    assert_eq!(error_count(&err), 1, "{err}");
}

#[test]
fn a_latin1_file_is_not_utf8_at_its_place() {
    let mut bytes = BASE.as_bytes().to_vec();
    // "Tiny" → "Tïny" in Latin-1.
    let at = BASE.find("Tiny").unwrap() + 1;
    bytes[at] = 0xef;
    let (_d, f, err) = check_broken("latin1", &bytes);
    let line = line_of(BASE, "title");
    expect_error(
        &err,
        &f,
        line,
        "",
        &["not UTF-8", "save the scenario as UTF-8"],
    );
    assert_eq!(error_block(&err, &f, line, "").map(|b| b.0), Some(11));
}

#[test]
fn a_folder_instead_of_a_file() {
    let dir = Temp::new("folder");
    let folder = dir.path().join("scenario.toml");
    std::fs::create_dir_all(&folder).unwrap();
    let f = folder.display().to_string();
    let out = effekt(&["check", &f, "--lang", "en"]);
    assert_eq!(out.code, 1);
    expect_error(&out.stderr, &f, 1, "", &["a folder, not a file"]);
}

#[test]
fn a_missing_file_in_check_and_calc() {
    let dir = Temp::new("missing");
    let f = dir.path().join("nowhere.toml").display().to_string();
    for cmd in ["check", "calc"] {
        let out = effekt(&[cmd, &f, "--lang", "en"]);
        assert_eq!(out.code, 1, "{cmd}");
        expect_error(&out.stderr, &f, 1, "", &["cannot read the file"]);
    }
}

#[test]
fn the_worked_example_is_valid() {
    let out = effekt(&["check", WORKED]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}
