//! Loading a scenario: reading the file, parsing the TOML with spans,
//! reading the sections (`schema.rs`) and checking the rules
//! (`validate.rs`), so that each error can say `FILE:LINE:COL`. All errors
//! of a file are collected, not just the first.

use std::collections::HashSet;
use std::path::Path;

use toml::de::DeTable;

use super::error::{Diagnostic, LoadError, Problem};
use super::schema::read_scenario;
use super::toml_reader::{Found, Lines, Reader, Table};
use super::{Scenario, validate};
use crate::files::FileError;

/// Largest file effekt reads; a scenario is a few kilobytes.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// At most this many errors are listed; a broken file can cascade into
/// thousands, and the first ones are what to fix.
const MAX_DIAGNOSTICS: usize = 100;

/// Reads and validates a scenario file.
pub fn load_file(path: &Path) -> Result<Scenario, LoadError> {
    parse(&read_text(path)?, &path.display().to_string())
}

/// Reads a scenario file's text: a regular file of at most 4 MiB, in UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let file = path.display().to_string();
    let fail = |problem: Problem| LoadError {
        file: file.clone(),
        diagnostics: vec![Diagnostic {
            line: 1,
            col: 1,
            key: String::new(),
            problem,
        }],
    };
    // Only regular files, at most the limit whatever the file reports: a
    // FIFO or `/dev/zero` is refused before it can block or flood.
    let bytes = crate::files::read_regular(path, MAX_FILE_BYTES).map_err(|e| {
        fail(match e {
            FileError::NotAFile(kind) => Problem::NotAFile { kind },
            FileError::TooLarge { limit } => Problem::TooLarge { max: limit },
            FileError::Read(io) | FileError::Write(io) => Problem::CannotRead {
                kind: io.kind(),
                reason: io.to_string(),
            },
            other @ FileError::NoFolder(_) => Problem::CannotRead {
                kind: std::io::ErrorKind::NotFound,
                reason: other.to_string(),
            },
        })
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, col) = Lines::new(&String::from_utf8_lossy(e.as_bytes())).at(offset);
        LoadError {
            file: file.clone(),
            diagnostics: vec![Diagnostic {
                line,
                col,
                key: String::new(),
                problem: Problem::NotUtf8,
            }],
        }
    })
}

/// Parses and validates scenario text. `file` names the source in errors.
///
/// ```
/// use effekt::scenario::{parse, Problem};
///
/// let err = parse("format = 2\n[scenario]\nid = \"x\"\n", "draft.toml").unwrap_err();
/// let format = err.diagnostics.iter().find(|d| d.key == "format").unwrap();
/// assert_eq!((format.line, format.col), (1, 10));
/// assert_eq!(format.problem, Problem::UnsupportedFormat);
/// ```
pub fn parse(text: &str, file: &str) -> Result<Scenario, LoadError> {
    let mut r = Reader::default();
    if let Some(at) = text.find('\0') {
        r.error(at..at, "", Problem::NulBytes);
        return Err(into_error(r.found, text, file));
    }
    let (doc, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            r.error(span, "", Problem::Syntax { message });
        }
        return Err(into_error(r.found, text, file));
    }
    let root = Table::new(String::new(), doc.get_ref(), doc.span());
    let Some(mut scenario) = read_scenario(&mut r, root) else {
        if r.found.is_empty() {
            r.error(0..0, "", Problem::Incomplete);
        }
        return Err(into_error(r.found, text, file));
    };
    scenario.basis = super::basis::read(text, doc.get_ref());
    check_rules(&mut r, &scenario);
    if r.found.is_empty() {
        Ok(scenario)
    } else {
        Err(into_error(r.found, text, file))
    }
}

/// Adds the broken rules to what reading found. The rules are checked even
/// after reading errors, so that one run shows every error, except in a
/// section where a value could not be read and a default stands in for it.
fn check_rules(r: &mut Reader, s: &Scenario) {
    let unreadable: HashSet<String> = r
        .found
        .iter()
        .filter(|f| !matches!(f.problem, Problem::UnknownKey { .. }))
        .map(|f| section(&f.key).to_string())
        .collect();
    if unreadable.contains("") {
        return;
    }
    for issue in validate(s) {
        if unreadable.contains(section(&issue.path)) {
            continue;
        }
        let span = r.span_of(&issue.path);
        r.error(span, &issue.path, Problem::Rule(issue.rule));
    }
}

/// The top-level part of a key path: `outcomes[0]` of `outcomes[0].price`.
fn section(path: &str) -> &str {
    path.split('.').next().unwrap_or("")
}

/// Sorts what was found by position, keeps the first [`MAX_DIAGNOSTICS`]
/// and locates each by line and column.
fn into_error(mut found: Vec<Found>, text: &str, file: &str) -> LoadError {
    found.sort_by_key(|f| f.span.start);
    let more = found.len().saturating_sub(MAX_DIAGNOSTICS);
    if more > 0 {
        let span = found[MAX_DIAGNOSTICS].span.clone();
        found.truncate(MAX_DIAGNOSTICS);
        found.push(Found {
            span,
            key: String::new(),
            problem: Problem::TooMany { more },
        });
    }
    let mut lines = Lines::new(text);
    LoadError {
        file: file.to_string(),
        diagnostics: found
            .into_iter()
            .map(|f| {
                let (line, col) = lines.at(f.span.start);
                Diagnostic {
                    line,
                    col,
                    key: f.key,
                    problem: f.problem,
                }
            })
            .collect(),
    }
}
