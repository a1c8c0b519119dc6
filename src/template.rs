//! New scenarios to fill in (`effekt new`, the picker's "new from
//! template"): every table and key of the format, in the order the loader
//! reads them (`scenario::keys`), each with its meaning and unit above it
//! (`## …`, in the user's language: the rows of docs/scenario-format.md in
//! English, `i18n::template` in bokmål) and each number with a comment that
//! says where it came from (`# kilde: …` until someone fills it in).
//!
//! The values come from a scenario's text: a bundled one (`--from ID`), a
//! file, or the empty template's plain values. Its own comments travel
//! with them: the comment on a value's line (its source or `# assumption`)
//! and the comment lines above a key or table. Optional keys the scenario
//! does not set are written commented out with their default, so the file
//! lists every key and `effekt check` accepts it as written.

use toml::de::{DeTable, DeValue};

use crate::format::Lang;
use crate::i18n::template as texts;
use crate::scenario::{self, LoadError};
use crate::scenario::{ANY_KEY, DefaultValue, Format, FormatKey, KeyKind, format, join};

/// Where a new scenario's values come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Start<'a> {
    /// Plain values to replace (`effekt new FILE`).
    Empty,
    /// The text of a scenario (`--from ID`, or a file).
    From(&'a str),
}

/// Why a template could not be written.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateError {
    /// `--sites` asked for a scenario that has `[[sites]]` already (how
    /// many).
    HasSites(usize),
    /// The scenario to start from is not valid.
    Invalid(LoadError),
}

/// The widest line of an explanation.
const WIDTH: usize = 78;

/// A scenario id made from a file name: lower case, `a-z`, `0-9` and `_`
/// (`Oslo kommune.toml` → `oslo_kommune`); `ny` when nothing is left.
pub fn id_for(file_stem: &str) -> String {
    let mut id = String::new();
    for c in file_stem.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'æ' => "ae",
            'ø' => "o",
            'å' => "a",
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => {
                id.push(c);
                continue;
            }
            _ => "_",
        };
        if c == "_" && (id.is_empty() || id.ends_with('_')) {
            continue;
        }
        id.push_str(c);
    }
    let id = id.trim_end_matches('_').to_string();
    if id.is_empty() { "ny".into() } else { id }
}

/// The text of a new scenario with id `id`, in `lang`, from `start`, with
/// `sites` `[[sites]]` entries (0: none).
pub fn render(lang: Lang, id: &str, start: Start, sites: u32) -> Result<String, TemplateError> {
    let blank;
    let text = match start {
        Start::Empty => {
            blank = texts::blank(lang);
            blank.as_str()
        }
        Start::From(text) => text,
    };
    let parsed = scenario::parse(text, "template").map_err(TemplateError::Invalid)?;
    let split;
    let text = if sites > 0 {
        if !parsed.sites.is_empty() {
            return Err(TemplateError::HasSites(parsed.sites.len()));
        }
        split = with_sites(lang, text, &parsed, sites);
        scenario::parse(&split, "template").map_err(TemplateError::Invalid)?;
        split.as_str()
    } else {
        text
    };
    let (doc, _) = DeTable::parse_recoverable(text);
    let mut w = Writer {
        lang,
        id,
        src: text,
        format: format(),
        out: String::new(),
    };
    for line in texts::header(lang) {
        w.line(false, &format!("## {line}"));
    }
    w.out.push('\n');
    w.table("", Some((doc.get_ref(), 0)), &[], false);
    Ok(w.out)
}

/// The scenario's text with its cohort split over `n` municipalities
/// (`--sites N`): the cohort's `size` and `intake` leave `[cohort]` and each
/// `[[sites]]` entry gets an equal part (the last one what rounding left,
/// so the parts add up to the whole) and the outcomes' baselines to
/// replace with the municipality's own.
fn with_sites(lang: Lang, text: &str, s: &scenario::Scenario, n: u32) -> String {
    use rust_decimal::Decimal;
    let (doc, _) = DeTable::parse_recoverable(text);
    // The lines of `cohort.size` and `cohort.intake`, last first.
    let mut cut: Vec<(usize, usize)> = doc
        .get_ref()
        .get("cohort")
        .and_then(|c| match c.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        })
        .into_iter()
        .flat_map(|t| t.iter())
        .filter(|(k, _)| ["size", "intake"].contains(&k.get_ref().as_ref()))
        .map(|(k, v)| {
            let start = text[..k.span().start].rfind('\n').map_or(0, |i| i + 1);
            let end = text[v.span().end..]
                .find('\n')
                .map_or(text.len(), |i| v.span().end + i + 1);
            (start, end)
        })
        .collect();
    cut.sort_by(|a, b| b.cmp(a));
    let mut out = text.to_string();
    for (start, end) in cut {
        out.replace_range(start..end, "");
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let parts = Decimal::from(n);
    let share = |total: Decimal, i: u32| {
        let part = (total / parts).round_dp(2);
        if i + 1 == n {
            total - part * Decimal::from(n - 1)
        } else {
            part
        }
    };
    for i in 0..n {
        let (id, name) = texts::site_name(lang, i + 1);
        out.push_str(&format!(
            "\n[[sites]]\nid = \"{id}\"\nname = \"{name}\"\npayer = \"{name}\"\n"
        ));
        if let Some(size) = s.cohort.size {
            out.push_str(&format!(
                "size = {}\n",
                crate::format::plain(share(size, i))
            ));
        }
        if let Some(intake) = &s.cohort.intake {
            let each: Vec<String> = intake
                .iter()
                .map(|&x| crate::format::plain(share(x, i)))
                .collect();
            if each.iter().all(|x| *x == each[0]) {
                out.push_str(&format!("intake = {}\n", each[0]));
            } else {
                out.push_str(&format!("intake = [{}]\n", each.join(", ")));
            }
        }
        out.push_str("\n[sites.baseline]\n");
        for o in &s.outcomes {
            out.push_str(&format!(
                "{} = {}\n",
                header_key(&o.id),
                crate::format::plain(o.baseline)
            ));
        }
    }
    out
}

/// A key's place in a TOML header: bare when it can be, else quoted.
fn header_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_string()
    } else {
        format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Words wrapped to lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A default written as TOML.
fn toml_default(d: &DefaultValue) -> String {
    match d {
        DefaultValue::Text(t) | DefaultValue::Choice(t) => format!("\"{t}\""),
        DefaultValue::Number(n) => n.to_string(),
        DefaultValue::Whole(n) => n.to_string(),
        DefaultValue::Bool(b) => b.to_string(),
    }
}

/// A line of a template for a key the scenario does not set: its default,
/// else the docs' example, else `key = …`.
fn unset_line(k: &FormatKey) -> String {
    if let Some(d) = &k.default {
        return format!("{} = {}", k.key, toml_default(d));
    }
    let example = k
        .doc
        .as_ref()
        .map(|d| d.example.trim_matches('`').to_string())
        .filter(|e| {
            let own = e.starts_with(&format!("{} = ", k.key));
            let chosen = k.key == ANY_KEY && scenario::is_commented_out(e);
            (own || chosen) && !e.contains('`')
        });
    example.unwrap_or_else(|| format!("{} = …", k.key))
}

struct Writer<'a> {
    lang: Lang,
    id: &'a str,
    src: &'a str,
    format: &'a Format,
    out: String,
}

impl Writer<'_> {
    fn line(&mut self, commented: bool, text: &str) {
        if commented && !text.starts_with('#') {
            self.out.push_str("# ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// The explanation of a key or table, as `##` lines.
    fn explain(&mut self, path: &str, k: Option<&FormatKey>) {
        let mut text = match self.lang {
            Lang::Nb => texts::meaning_nb(path).unwrap_or_default().to_string(),
            Lang::En => match k.and_then(|k| k.doc.as_ref()) {
                Some(doc) => {
                    let mut t = scenario::sentence(&doc.meaning.replace("**", ""));
                    if !doc.allowed.is_empty() {
                        t.push_str(&format!(" Allowed: {}.", doc.allowed.replace("**", "")));
                    }
                    t
                }
                None => {
                    let about = self
                        .format
                        .table(path)
                        .map(|t| scenario::sentence(&t.about));
                    about.unwrap_or_default()
                }
            },
        };
        if let Some(d) = k.and_then(|k| k.default.as_ref()) {
            let (_, default) = texts::allowed_default(self.lang);
            text.push_str(&format!(" {default}: {}.", toml_default(d)));
        }
        for l in wrap(&text, WIDTH - 3) {
            self.line(false, &format!("## {l}"));
        }
    }

    /// The scenario's own comment lines above the text at `start`.
    fn leading(&mut self, commented: bool, start: Option<usize>) {
        let Some(start) = start else { return };
        let src = self.src;
        for l in scenario::leading_comments(src, start) {
            self.line(commented, &format!("# {l}"));
        }
    }

    /// One key: explained, then set as the scenario sets it (with its
    /// comment, or a source placeholder on a number), else commented out.
    fn key(&mut self, k: &FormatKey, table: Option<&DeTable>, commented: bool) {
        self.explain(&k.path(), Some(k));
        let entry = table.and_then(|t| t.get_key_value(k.key));
        let Some((key, value)) = entry else {
            self.line(true, &unset_line(k));
            return;
        };
        self.leading(commented, Some(key.span().start));
        let src = self.src;
        let written = if k.path() == "scenario.id" {
            format!("\"{}\"", self.id)
        } else {
            src.get(value.span()).unwrap_or("").to_string()
        };
        let comment = self.value_comment(&k.path(), key.span().start, value);
        self.line(
            commented,
            &format!("{} = {written}{comment}", header_key(k.key)),
        );
    }

    /// The comment after a value: the scenario's own, or a placeholder on
    /// a number that has no comment above it either.
    fn value_comment(&self, path: &str, key_at: usize, value: &toml::Spanned<DeValue>) -> String {
        let explained = !scenario::leading_comments(self.src, key_at).is_empty();
        match scenario::trailing_comment(self.src, value.span().end) {
            Some(c) => format!("  # {c}"),
            None if is_number(value.get_ref()) && !scenario::is_setting(path) && !explained => {
                format!("  # {}", texts::placeholder(self.lang))
            }
            None => String::new(),
        }
    }

    /// A table at format path `path` (`outcomes[]`), with its TOML header
    /// keys `header`; `table` is the scenario's (and where its header is),
    /// `None` when the scenario does not have it: then it is written
    /// commented out.
    fn table(
        &mut self,
        path: &str,
        table: Option<(&DeTable, usize)>,
        header: &[String],
        array: bool,
    ) {
        let f = self.format;
        let commented = table.is_none();
        let values = table.map(|(t, _)| t);
        if !header.is_empty() {
            self.out.push('\n');
            self.explain(path, None);
            self.leading(commented, table.map(|(_, at)| at));
            let h = header.join(".");
            let h = if array {
                format!("[[{h}]]")
            } else {
                format!("[{h}]")
            };
            self.line(commented, &h);
        }
        let keys: Vec<&FormatKey> = f.keys.iter().filter(|k| k.table == path).collect();
        for k in keys.iter().filter(|k| !is_table(k) && k.key != ANY_KEY) {
            self.key(k, values, commented);
        }
        // Values under keys the file chooses (`[uncertainty.noise]`).
        if let Some(any) = keys.iter().find(|k| k.key == ANY_KEY && !is_table(k)) {
            self.explain(&any.path(), Some(any));
            let known: Vec<&str> = keys.iter().map(|k| k.key).collect();
            let mut entries: Vec<_> = values
                .into_iter()
                .flat_map(|t| t.iter())
                .filter(|(k, _)| !known.contains(&k.get_ref().as_ref()))
                .collect();
            // In the file's order, which the model keeps (noise by outcome).
            entries.sort_by_key(|(k, _)| k.span().start);
            if entries.is_empty() {
                self.line(true, &unset_line(any));
            }
            for (k, v) in entries {
                self.leading(commented, Some(k.span().start));
                let src = self.src;
                let written = src.get(v.span()).unwrap_or("");
                let comment = self.value_comment(&any.path(), k.span().start, v);
                let line = format!("{} = {written}{comment}", header_key(k.get_ref()));
                self.line(commented, &line);
            }
        }
        // Tables under keys the file chooses (`[levers."price.x"]`).
        let any_table = join(path, ANY_KEY);
        if f.table(&any_table).is_some() {
            let known: Vec<&str> = keys.iter().map(|k| k.key).collect();
            let mut entries: Vec<_> = values
                .into_iter()
                .flat_map(|t| t.iter())
                .filter(|(k, _)| !known.contains(&k.get_ref().as_ref()))
                .filter_map(|(k, v)| match v.get_ref() {
                    DeValue::Table(t) => Some((k.get_ref().to_string(), t, v.span().start)),
                    _ => None,
                })
                .collect::<Vec<_>>();
            entries.sort_by_key(|(_, _, at)| *at);
            for (name, t, at) in entries {
                let mut h = header.to_vec();
                h.push(header_key(&name));
                self.table(&any_table, Some((t, at)), &h, false);
            }
        }
        for k in keys.iter().filter(|k| is_table(k)) {
            let mut h = header.to_vec();
            h.push(header_key(k.key));
            let found = values.and_then(|t| t.get(k.key));
            match (&k.kind, found.map(|v| (v.get_ref(), v.span().start))) {
                (KeyKind::Tables, Some((DeValue::Array(items), _))) => {
                    for item in items.iter() {
                        if let DeValue::Table(t) = item.get_ref() {
                            self.table(
                                &format!("{}[]", k.path()),
                                Some((t, item.span().start)),
                                &h,
                                true,
                            );
                        }
                    }
                }
                (KeyKind::Tables, _) => self.table(&format!("{}[]", k.path()), None, &h, true),
                (_, Some((DeValue::Table(t), at))) if !commented => {
                    self.table(&k.path(), Some((t, at)), &h, false)
                }
                _ => self.table(&k.path(), None, &h, false),
            }
        }
    }
}

fn is_table(k: &FormatKey) -> bool {
    matches!(k.kind, KeyKind::Table | KeyKind::Tables)
}

fn is_number(v: &DeValue) -> bool {
    match v {
        DeValue::Integer(_) | DeValue::Float(_) => true,
        DeValue::Array(items) => items.iter().any(|i| is_number(i.get_ref())),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bokmål explanations cover the format: a key the loader reads
    /// without one is named.
    #[test]
    fn every_key_and_table_is_explained_in_bokmal() {
        let f = format();
        let paths = f
            .keys
            .iter()
            .filter(|k| !matches!(k.kind, KeyKind::Tables))
            .map(FormatKey::path)
            .chain(f.tables.iter().map(|t| t.path.clone()))
            .filter(|p| !p.is_empty());
        let missing: Vec<String> = paths.filter(|p| texts::meaning_nb(p).is_none()).collect();
        assert!(
            missing.is_empty(),
            "keys without a bokmål explanation in i18n/template/meanings.rs (MEANINGS_NB): {missing:?}"
        );
        let known: Vec<String> = f
            .keys
            .iter()
            .map(FormatKey::path)
            .chain(f.tables.iter().map(|t| t.path.clone()))
            .collect();
        let stale: Vec<&str> = texts::MEANINGS_NB
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| !known.iter().any(|k| k == p))
            .collect();
        assert!(
            stale.is_empty(),
            "explanations of keys the loader does not read: {stale:?}"
        );
    }

    /// A scenario made from a bundled one says of every number what the
    /// bundled one says; the empty template waits for every source.
    #[test]
    fn templates_keep_where_each_number_came_from() {
        for b in &crate::catalog::BUNDLED {
            let id = b.file_name.trim_end_matches(".toml");
            let before = scenario::parse(b.text, "b").unwrap();
            for lang in [Lang::Nb, Lang::En] {
                let text = render(lang, id, Start::From(b.text), 0).unwrap();
                let after = scenario::parse(&text, "t").unwrap();
                // The template writes keys in the format's order.
                let sorted = |s: &scenario::Scenario| {
                    let mut b = s.basis.clone();
                    b.sort_by(|x, y| x.path.cmp(&y.path));
                    b
                };
                assert_eq!(sorted(&after), sorted(&before), "{id} {lang:?}");
                let mut same = after.clone();
                same.basis = before.basis.clone();
                assert_eq!(same, before, "{id} {lang:?}: the values changed");
            }
        }
        let blank = render(Lang::En, "new", Start::Empty, 0).unwrap();
        let s = scenario::parse(&blank, "t").unwrap();
        assert!(!s.basis.is_empty());
        assert!(
            s.basis
                .iter()
                .all(|b| b.kind == scenario::BasisKind::Placeholder),
            "{:?}",
            s.basis
        );
    }

    #[test]
    fn ids_from_file_names() {
        assert_eq!(id_for("Oslo kommune"), "oslo_kommune");
        assert_eq!(id_for("Bærum-2027"), "baerum_2027");
        assert_eq!(id_for("Tromsø"), "tromso");
        assert_eq!(id_for("__"), "ny");
        assert_eq!(id_for("Å  Å"), "a_a");
    }
}
