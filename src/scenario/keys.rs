//! The scenario format as its own readers describe it. The readers of
//! `schema.rs` run in recording mode ([`Reader::recording`]) over a
//! document that grows until every table they ask for exists; the record
//! lists every key with its type, its default and whether it is required,
//! and every table that refuses unknown keys. With the wording of
//! `docs/scenario-format.md` (each key's row in its tables: meaning,
//! default, allowed values, example) this is what the JSON Schema
//! (`json_schema.rs`) and `effekt new`'s templates are made from, so a key
//! the loader reads is in both, and a key the docs do not describe fails a
//! test that names it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use toml::de::DeTable;

use super::schema::read_scenario;
pub(crate) use super::toml_reader::{ANY_KEY, DefaultValue, KeyKind};
use super::toml_reader::{Reader, Record, Table};

/// The page every key is described on, compiled in: one source of truth
/// for the schema's descriptions and the templates' English comments.
pub(crate) const FORMAT_DOC: &str = include_str!("../../docs/scenario-format.md");

/// One key of the format.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FormatKey {
    /// The table's path: `""` for the top level, `outcomes[]` for every
    /// `[[outcomes]]` table, `levers.*` for every `[levers."<id>"]`.
    pub table: String,
    /// The key, or [`ANY_KEY`] for the keys a file chooses.
    pub key: &'static str,
    pub kind: KeyKind,
    pub default: Option<DefaultValue>,
    pub required: bool,
    /// Its row in `docs/scenario-format.md`, if it has one.
    pub doc: Option<DocRow>,
}

impl FormatKey {
    /// The key's path: `outcomes[].price`, `format`.
    pub fn path(&self) -> String {
        join(&self.table, self.key)
    }
}

/// One table of the format.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FormatTable {
    pub path: String,
    /// Refuses keys it does not read.
    pub closed: bool,
    /// Its keys are names the file chooses (lever ids, outcome ids).
    pub open: bool,
    /// What the docs say the table is, from its heading.
    pub about: String,
}

/// A key's row in the docs' tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DocRow {
    pub meaning: String,
    pub default: String,
    pub allowed: String,
    pub example: String,
}

/// Every key and table, in the order the readers ask for them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Format {
    pub keys: Vec<FormatKey>,
    pub tables: Vec<FormatTable>,
}

impl Format {
    pub fn table(&self, path: &str) -> Option<&FormatTable> {
        self.tables.iter().find(|t| t.path == path)
    }

    #[cfg(test)]
    pub fn key(&self, path: &str) -> Option<&FormatKey> {
        self.keys.iter().find(|k| k.path() == path)
    }
}

/// `table.key`, or `key` at the top level.
pub(crate) fn join(table: &str, key: &str) -> String {
    if table.is_empty() {
        key.to_string()
    } else {
        format!("{table}.{key}")
    }
}

/// A phrase of the docs as a sentence: a capital first and a full stop.
pub(crate) fn sentence(phrase: &str) -> String {
    let mut chars = phrase.trim().chars();
    let mut out: String = match chars.next() {
        Some(c) if c.is_ascii_lowercase() => c.to_uppercase().chain(chars).collect(),
        Some(c) => std::iter::once(c).chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// The format, recorded once.
pub(crate) fn format() -> &'static Format {
    static FORMAT: OnceLock<Format> = OnceLock::new();
    FORMAT.get_or_init(|| {
        let record = record();
        let docs = doc_rows(FORMAT_DOC);
        let abouts = doc_tables(FORMAT_DOC);
        let keys: Vec<FormatKey> = record
            .keys
            .iter()
            .map(|a| FormatKey {
                doc: docs.get(&join(&a.table, a.key)).cloned(),
                table: a.table.clone(),
                key: a.key,
                kind: a.kind.clone(),
                default: a.default.clone(),
                required: a.required,
            })
            .collect();
        let mut paths = vec![String::new()];
        for k in &keys {
            match k.kind {
                KeyKind::Table => paths.push(k.path()),
                KeyKind::Tables => paths.push(format!("{}[]", k.path())),
                _ => {}
            }
        }
        // The entries of an open table are tables when keys are read in
        // them (`levers.*`), else values (`uncertainty.noise.*`).
        for k in &keys {
            if k.table.ends_with(ANY_KEY) {
                paths.push(k.table.clone());
            }
        }
        let mut tables: Vec<FormatTable> = Vec::new();
        for path in paths {
            if tables.iter().any(|t| t.path == path) {
                continue;
            }
            tables.push(FormatTable {
                closed: record.closed.contains(&path),
                open: record.open.contains(&path),
                about: abouts.get(&path).cloned().unwrap_or_default(),
                path,
            });
        }
        Format { keys, tables }
    })
}

/// A document of empty tables, grown until the readers ask for no table
/// it lacks: `true` marks an array of tables.
#[derive(Debug, Clone, Default, PartialEq)]
struct Skeleton(BTreeMap<String, (bool, Skeleton)>);

impl Skeleton {
    /// Adds the table at a recorded path (`outcomes[].x`, `levers.*`).
    fn add(&mut self, path: &str) {
        let mut node = self;
        for part in path.split('.') {
            let (name, array) = match part.strip_suffix("[]") {
                Some(name) => (name, true),
                None => (part, false),
            };
            node = &mut node
                .0
                .entry(name.to_string())
                .or_insert((array, Skeleton::default()))
                .1;
        }
    }

    fn toml(&self, prefix: &str, out: &mut String) {
        for (name, (array, child)) in &self.0 {
            let path = if prefix.is_empty() {
                format!("\"{name}\"")
            } else {
                format!("{prefix}.\"{name}\"")
            };
            if *array {
                out.push_str(&format!("[[{path}]]\n"));
            } else {
                out.push_str(&format!("[{path}]\n"));
            }
            child.toml(&path, out);
        }
    }
}

/// Runs the readers in recording mode until the document has every table
/// they ask for.
fn record() -> Record {
    let mut skeleton = Skeleton::default();
    let mut record = Record::default();
    // Each round adds at least one level of tables; the format has three.
    for _ in 0..16 {
        let mut text = String::new();
        skeleton.toml("", &mut text);
        let (doc, _) = DeTable::parse_recoverable(&text);
        let mut r = Reader::recording();
        let root = Table::new(String::new(), doc.get_ref(), doc.span());
        let _ = read_scenario(&mut r, root);
        record = r.record().cloned().unwrap_or_default();
        let mut grown = skeleton.clone();
        for a in &record.keys {
            match a.kind {
                KeyKind::Table => grown.add(&join(&a.table, a.key)),
                KeyKind::Tables => grown.add(&format!("{}[]", join(&a.table, a.key))),
                _ => {}
            }
        }
        for open in &record.open {
            grown.add(&join(open, ANY_KEY));
        }
        if grown == skeleton {
            break;
        }
        skeleton = grown;
    }
    record
}

/// The table a heading of the docs is about: the first `[name]` or
/// `[[name]]` in it (`### \`[[outcomes]]\`: …` → `outcomes[]`), `""` for
/// "Top level", `None` for other headings.
fn heading_table(heading: &str) -> Option<String> {
    let text = heading.trim_start_matches('#').trim();
    if text.eq_ignore_ascii_case("top level") {
        return Some(String::new());
    }
    let start = text.find('[')?;
    let rest = &text[start..];
    if let Some(inner) = rest.strip_prefix("[[") {
        let end = inner.find("]]")?;
        return Some(format!("{}[]", &inner[..end]));
    }
    let end = rest.find(']')?;
    Some(rest[1..end].to_string())
}

/// The cells of a Markdown table row.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// The code spans of a cell: `` `[levers."<id>"]` `min` `` → both.
fn code_spans(cell: &str) -> Vec<&str> {
    cell.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect()
}

/// The key path a row's first cell names, within `table`: `` `id` `` →
/// `table.id`; `` `[levers."<id>"]` `min` `` → `levers.*.min`;
/// `` `[uncertainty.noise]` `<outcome id> = sd` `` → `uncertainty.noise.*`.
fn row_path(table: &str, cell: &str) -> Option<String> {
    fn chosen(s: &str) -> &str {
        if s.contains('<') { ANY_KEY } else { s }
    }
    let spans = code_spans(cell);
    match spans.as_slice() {
        [key] => Some(join(table, chosen(key))),
        [header, key] => {
            let header = header.trim_start_matches('[').trim_end_matches(']');
            let header: Vec<&str> = header
                .split('.')
                .map(|p| chosen(p.trim_matches('"')))
                .collect();
            let key = key.split(['=', ' ']).next().unwrap_or(key);
            let header = header.join(".");
            // `[sites.baseline]` in the `[[sites]]` section: `sites[].baseline`.
            let header = match table.strip_suffix("[]") {
                Some(array) if header.starts_with(&format!("{array}.")) => {
                    format!("{table}{}", &header[array.len()..])
                }
                _ => header,
            };
            Some(join(&header, chosen(key)))
        }
        _ => None,
    }
}

/// Every key row of the docs' key tables (those whose header starts with
/// `| key |`), by key path.
pub(crate) fn doc_rows(doc: &str) -> BTreeMap<String, DocRow> {
    let mut rows = BTreeMap::new();
    let mut table: Option<String> = None;
    let mut columns: Option<Vec<String>> = None;
    for line in doc.lines() {
        if line.starts_with('#') {
            table = heading_table(line);
            columns = None;
            continue;
        }
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let row = cells(line);
        let Some(cols) = &columns else {
            if row.first().is_some_and(|c| c == "key") {
                columns = Some(row);
            }
            continue;
        };
        if row
            .iter()
            .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':')))
        {
            continue;
        }
        let (Some(t), Some(first)) = (&table, row.first()) else {
            continue;
        };
        let Some(path) = row_path(t, first) else {
            continue;
        };
        let cell = |name: &str| {
            cols.iter()
                .position(|c| c == name)
                .and_then(|i| row.get(i))
                .cloned()
                .unwrap_or_default()
        };
        rows.insert(
            path,
            DocRow {
                meaning: cell("meaning"),
                default: cell("default"),
                allowed: cell("allowed"),
                example: cell("example"),
            },
        );
    }
    rows
}

/// What each table is: its heading's words after the colon (`### \`[cohort]\`:
/// who the intervention is for`), else the paragraph under the heading.
fn doc_tables(doc: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let lines: Vec<&str> = doc.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if !l.starts_with('#') {
            continue;
        }
        let Some(table) = heading_table(l) else {
            continue;
        };
        let about = match l.split_once(": ") {
            Some((_, about)) => about.trim().to_string(),
            None => lines[i + 1..]
                .iter()
                .skip_while(|l| l.trim().is_empty())
                .take_while(|l| !l.trim().is_empty())
                .take_while(|l| !l.starts_with(['|', '#']) && !l.starts_with("```"))
                .copied()
                .collect::<Vec<_>>()
                .join(" "),
        };
        out.insert(table, about);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readers_describe_every_table_and_key() {
        let f = format();
        let paths: Vec<String> = f.keys.iter().map(FormatKey::path).collect();
        for want in [
            "format",
            "scenario.id",
            "timeline.start_month",
            "outcomes[].price",
            "payment.cap",
            "costs[].paid_by",
            "sources[].title",
            "levers.show",
            "levers.*.step",
            "uncertainty.noise.*",
        ] {
            assert!(paths.iter().any(|p| p == want), "{want} not in {paths:?}");
        }
        let outcomes = f.table("outcomes[]").expect("outcomes");
        assert!(outcomes.closed && !outcomes.open);
        let noise = f.table("uncertainty.noise").expect("noise");
        assert!(noise.open && !noise.closed);
        let price = f.key("outcomes[].price").unwrap();
        assert_eq!(price.kind, KeyKind::Number);
        assert_eq!(
            price.default,
            Some(DefaultValue::Number(rust_decimal::Decimal::ZERO))
        );
        assert!(f.key("outcomes[].better").unwrap().required);
        assert!(f.key("outcomes").unwrap().required);
        assert!(!f.key("cohort").unwrap().required);
        assert_eq!(
            f.key("timeline.periods").unwrap().kind,
            KeyKind::Whole { min: 1, max: 480 }
        );
    }

    /// The schema's descriptions and the templates' comments come from
    /// the docs: a key the loader reads must have its row there.
    #[test]
    fn every_key_the_loader_reads_is_described_in_the_docs() {
        let f = format();
        let missing: Vec<String> = f
            .keys
            .iter()
            .filter(|k| !matches!(k.kind, KeyKind::Table | KeyKind::Tables) && k.doc.is_none())
            .map(FormatKey::path)
            .collect();
        assert!(
            missing.is_empty(),
            "keys the loader reads without a row in docs/scenario-format.md \
             (add one to the table of their section): {missing:?}"
        );
        let known: Vec<String> = f.keys.iter().map(FormatKey::path).collect();
        let stale: Vec<String> = doc_rows(FORMAT_DOC)
            .into_keys()
            .filter(|p| !known.contains(p))
            .collect();
        assert!(
            stale.is_empty(),
            "rows in docs/scenario-format.md for keys the loader does not read: {stale:?}"
        );
    }

    /// A required key says "required" in the docs' default column; a
    /// default the reader states is the one the docs give.
    #[test]
    fn the_docs_give_the_readers_defaults_and_required_keys() {
        let mut wrong = Vec::new();
        for k in &format().keys {
            let Some(doc) = &k.doc else { continue };
            let says_required = doc.default.starts_with("required");
            if k.required != says_required {
                wrong.push(format!(
                    "{}: the loader {} it, the docs say `{}`",
                    k.path(),
                    if k.required {
                        "requires"
                    } else {
                        "does not require"
                    },
                    doc.default
                ));
            }
            if let Some(d) = &k.default {
                let written = match d {
                    DefaultValue::Text(t) | DefaultValue::Choice(t) => format!("`\"{t}\"`"),
                    DefaultValue::Number(n) => format!("`{n}`"),
                    DefaultValue::Whole(n) => format!("`{n}`"),
                    DefaultValue::Bool(b) => format!("`{b}`"),
                };
                if !doc.default.starts_with(&written) {
                    wrong.push(format!(
                        "{}: the loader's default is {written}, the docs say `{}`",
                        k.path(),
                        doc.default
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn doc_rows_name_tables_and_chosen_keys() {
        let doc = "## The `[levers]` table\n\n| key | meaning | default | allowed |\n|---|---|---|---|\n\
                   | `show` | ids | `[]` | ids |\n| `[levers.\"<id>\"]` `min` | lowest | x | number |\n\n\
                   ## [uncertainty]\n\n| key | meaning | default | allowed | example |\n|---|---|---|---|---|\n\
                   | `[uncertainty.noise]` `<outcome id> = sd` | sd | none | ≥ 0 | `a = 1` |\n";
        let rows = doc_rows(doc);
        let keys: Vec<&String> = rows.keys().collect();
        assert_eq!(keys, ["levers.*.min", "levers.show", "uncertainty.noise.*"]);
        assert_eq!(rows["levers.*.min"].meaning, "lowest");
        assert_eq!(rows["uncertainty.noise.*"].example, "`a = 1`");
    }
}
