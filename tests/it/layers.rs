//! The layers of `docs/architecture.md` hold: every `crate::` path in
//! `src/` (and `effekt::` in `main.rs`) points to a module drawn below the
//! one it is in, and the diagram draws the modules in this order.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The modules from the top down; those in one row use none of each other.
const LAYERS: &[&[&str]] = &[
    &["main"],
    &["cli", "serve"],
    &["tui"],
    &["report", "template"],
    &["i18n"],
    &["store"],
    &["catalog"],
    &["risk"],
    &["levers"],
    &["model"],
    &["scenario"],
    &["format", "files"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|row| row.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate's modules a line of code names: `crate::x…`, `effekt::x…`
/// and `crate::{x, y}`.
fn named(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for root in ["crate::", "effekt::"] {
        for (at, _) in line.match_indices(root) {
            // Not the tail of another path (`my_crate::`).
            let before = line[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &line[at + root.len()..];
            let group = rest
                .strip_prefix('{')
                .map(|g| g.split('}').next().unwrap_or(""));
            let names: Vec<&str> = match group {
                Some(g) => g.split(',').collect(),
                None => vec![rest],
            };
            for name in names {
                let name: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut broken = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" {
            continue;
        }
        let from = layer_of(&module)
            .unwrap_or_else(|| panic!("src/{first} is in no layer of docs/architecture.md"));
        seen.insert(module.clone());
        let text = fs::read_to_string(file).unwrap();
        let mut in_tests = false;
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            // A module's own unit tests may use anything.
            if code.starts_with("#[cfg(test)]") {
                in_tests = true;
            }
            if in_tests || code.starts_with("//") {
                continue;
            }
            for used in named(code) {
                let Some(to) = layer_of(&used) else {
                    continue;
                };
                if used != module && to <= from {
                    broken.insert(format!(
                        "src/{}:{}: {module} uses {used}",
                        rel.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "uses that point up or sideways (move the code, or the module in \
         LAYERS and in docs/architecture.md):\n{}",
        broken.into_iter().collect::<Vec<_>>().join("\n")
    );
    for row in LAYERS {
        for module in *row {
            assert!(seen.contains(*module), "{module} has no file in src/");
        }
    }
}

#[test]
fn the_diagram_draws_the_layers_in_order() {
    let doc =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md"))
            .unwrap();
    let block = doc
        .split("```")
        .nth(1)
        .expect("the diagram is the first code block");
    let lines: Vec<&str> = block.lines().collect();
    // The row a module heads: `cli/`, `catalog.rs`, … as a word of its own
    // before the description.
    let row_of = |module: &str| {
        let names = [format!("{module}/"), format!("{module}.rs")];
        lines
            .iter()
            .position(|l| {
                let head: Vec<&str> = l.split_whitespace().take(2).collect();
                head.iter().any(|w| names.iter().any(|n| n == w))
            })
            .unwrap_or_else(|| panic!("{module} is not drawn in docs/architecture.md"))
    };
    let mut last = 0;
    for row in LAYERS {
        let rows: BTreeSet<usize> = row.iter().map(|m| row_of(m)).collect();
        assert_eq!(rows.len(), 1, "{row:?} are drawn on one row");
        let at = *rows.iter().next().unwrap();
        assert!(
            at > last || last == 0,
            "{row:?} is drawn above the layer before it"
        );
        last = at;
    }
}

/// Every `.rs` file under `src/`, as its path from `src/` (`tui/app.rs`)
/// and its text.
fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .iter()
        .map(|f| {
            let rel = f.strip_prefix(&src).unwrap().display().to_string();
            (rel, fs::read_to_string(f).unwrap())
        })
        .collect()
}

/// The lines of a file that are code outside its unit tests, numbered
/// from 1.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| !l.trim_start().starts_with("#[cfg(test)]"))
        .map(|(n, l)| (n + 1, l.trim_start()))
        .filter(|(_, l)| !l.starts_with("//"))
}

#[test]
fn no_file_in_src_is_longer_than_700_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 700)
        .map(|(file, text)| format!("src/{file}: {} lines", text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "files to split by what they hold (docs/architecture.md):\n{}",
        long.join("\n")
    );
}

#[test]
fn crossterm_is_named_only_at_the_terminal_edges() {
    let edge = |file: &str| file.starts_with("tui/terminal/") || file == "serve/input.rs";
    let named: Vec<String> = sources()
        .iter()
        .filter(|(file, _)| !edge(file))
        .flat_map(|(file, text)| {
            code_lines(text)
                .filter(|(_, l)| l.contains("crossterm"))
                .map(move |(n, _)| format!("src/{file}:{n}"))
        })
        .collect();
    assert!(
        named.is_empty(),
        "crossterm outside src/tui/terminal/ and src/serve/input.rs:\n{}",
        named.join("\n")
    );
}

#[test]
fn files_are_read_and_written_only_at_the_edges() {
    // The edges of docs/architecture.md: the file rules, the store, the
    // catalog, the hosts that run effects and the server's keys.
    let edge = |file: &str| {
        ["files.rs", "catalog.rs", "tui/disk.rs", "serve/keys.rs"].contains(&file)
            || file.starts_with("store/")
            || file.ends_with("/tests.rs")
    };
    let io = |l: &str| {
        l.contains("std::fs")
            || l.contains("OpenOptions")
            || l.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .any(|w| w.starts_with("fs::") || w.starts_with("File::"))
    };
    let found: Vec<String> = sources()
        .iter()
        .filter(|(file, _)| !edge(file))
        .flat_map(|(file, text)| {
            code_lines(text)
                .filter(|(_, l)| io(l))
                .map(move |(n, l)| format!("src/{file}:{n}: {l}"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "file I/O outside the edges (go through files.rs or an Effect):\n{}",
        found.join("\n")
    );
}
