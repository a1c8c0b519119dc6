//! Reading a scenario from TOML text, keeping the span of every key so that
//! each error can say `FILE:LINE:COL`. All errors of a file are collected,
//! not just the first.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::*;

/// The largest magnitude any number in a scenario may have. Keeps every
/// product the model forms far inside `Decimal`'s range.
const MAX_MAGNITUDE: i64 = 1_000_000_000_000_000;

/// Largest file effekt reads; a scenario is a few kilobytes.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One problem in a scenario file, located by line and column (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub line: usize,
    pub col: usize,
    /// The key path the problem is about (`payment.cap`), empty for syntax.
    pub key: String,
    pub message: String,
    /// What to do about it, e.g. "did you mean `threshold`?".
    pub help: Option<String>,
}

/// Why a scenario file could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct LoadError {
    /// The file as the user named it.
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{}:{}: error", self.file, d.line, d.col)?;
            if !d.key.is_empty() {
                write!(f, " in `{}`", d.key)?;
            }
            write!(f, ": {}", d.message)?;
            if let Some(help) = &d.help {
                write!(f, "\n  help: {help}")?;
            }
        }
        Ok(())
    }
}

/// Reads and validates a scenario file.
pub fn load_file(path: &Path) -> Result<Scenario, LoadError> {
    parse(&read_text(path)?, &path.display().to_string())
}

/// Reads a scenario file's text: a regular file of at most 4 MiB, in UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let file = path.display().to_string();
    let fail = |message: String| LoadError {
        file: file.clone(),
        diagnostics: vec![Diagnostic {
            line: 1,
            col: 1,
            key: String::new(),
            message,
            help: None,
        }],
    };
    // Only regular files, at most the limit whatever the file reports: a
    // FIFO or `/dev/zero` is refused before it can block or flood.
    let bytes =
        crate::files::read_regular(path, MAX_FILE_BYTES).map_err(|e| fail(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, col) = line_col(&String::from_utf8_lossy(e.as_bytes()), offset);
        LoadError {
            file: file.clone(),
            diagnostics: vec![Diagnostic {
                line,
                col,
                key: String::new(),
                message: "the file is not UTF-8 text".into(),
                help: Some("save the scenario as UTF-8 (a TOML file must be UTF-8)".into()),
            }],
        }
    })
}

/// Parses and validates scenario text. `file` names the source in errors.
pub fn parse(text: &str, file: &str) -> Result<Scenario, LoadError> {
    let mut cx = Cx {
        src: text,
        errors: Vec::new(),
        spans: HashMap::new(),
        unknown_keys: HashSet::new(),
    };
    if text.contains('\0') {
        let at = text.find('\0').unwrap_or(0);
        cx.error_at(
            at..at,
            "",
            "the file contains NUL bytes; is it a binary file?",
            None,
        );
        return Err(cx.into_error(file));
    }
    let (doc, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            cx.error_at(span, "", &format!("TOML syntax: {message}"), None);
        }
        return Err(cx.into_error(file));
    }
    let root = Table::new(String::new(), doc.get_ref(), doc.span());
    let scenario = read_scenario(&mut cx, root);
    match scenario {
        Some(s) => {
            // The rules are checked even after reading errors, so that one
            // run shows every error, except in a section where a value could
            // not be read and a default stands in for it.
            let unreadable: HashSet<&str> = cx
                .errors
                .iter()
                .filter(|e| !cx.unknown_keys.contains(&e.1))
                .map(|e| section(&e.1))
                .collect();
            if !unreadable.contains("") {
                let unreadable: HashSet<String> =
                    unreadable.into_iter().map(str::to_string).collect();
                for issue in validate(&s) {
                    if unreadable.contains(section(&issue.path)) {
                        continue;
                    }
                    let span = cx.span_of(&issue.path);
                    cx.error_at(span, &issue.path, &issue.message, issue.help.clone());
                }
            }
            if cx.errors.is_empty() {
                Ok(s)
            } else {
                Err(cx.into_error(file))
            }
        }
        _ => {
            if cx.errors.is_empty() {
                cx.error_at(0..0, "", "the scenario is incomplete", None);
            }
            Err(cx.into_error(file))
        }
    }
}

/// The top-level part of a key path: `outcomes[0]` of `outcomes[0].price`.
fn section(path: &str) -> &str {
    path.split('.').next().unwrap_or("")
}

fn line_col(src: &str, offset: usize) -> (usize, usize) {
    Lines::new(src).at(offset)
}

/// Line and column (1-based, in characters) of byte offsets taken in
/// ascending order, in one pass over the text however many errors it has.
struct Lines<'s> {
    src: &'s str,
    pos: usize,
    line: usize,
    col: usize,
}

impl<'s> Lines<'s> {
    fn new(src: &'s str) -> Self {
        Lines {
            src,
            pos: 0,
            line: 1,
            col: 1,
        }
    }

    fn at(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.pos {
            *self = Lines::new(self.src);
        }
        for c in self.src[self.pos..offset].chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.pos = offset;
        (self.line, self.col)
    }
}

/// At most this many errors are listed; a broken file can cascade into
/// thousands, and the first ones are what to fix.
const MAX_DIAGNOSTICS: usize = 100;

/// The reading context: the source, collected errors and the span of every key.
struct Cx<'s> {
    src: &'s str,
    errors: Vec<(Range<usize>, String, String, Option<String>)>,
    spans: HashMap<String, Range<usize>>,
    /// Key paths reported as unknown: errors that leave no default behind.
    unknown_keys: HashSet<String>,
}

impl Cx<'_> {
    fn error_at(&mut self, span: Range<usize>, key: &str, message: &str, help: Option<String>) {
        self.errors
            .push((span, key.to_string(), message.to_string(), help));
    }

    /// The span of a key path, or of its nearest enclosing table.
    fn span_of(&self, path: &str) -> Range<usize> {
        let mut p = path;
        loop {
            if let Some(s) = self.spans.get(p) {
                return s.clone();
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return self.spans.get("").cloned().unwrap_or(0..0),
            }
        }
    }

    fn into_error(self, file: &str) -> LoadError {
        let mut errors = self.errors;
        errors.sort_by_key(|e| e.0.start);
        let more = errors.len().saturating_sub(MAX_DIAGNOSTICS);
        if more > 0 {
            let at = errors[MAX_DIAGNOSTICS].0.clone();
            errors.truncate(MAX_DIAGNOSTICS);
            errors.push((
                at,
                String::new(),
                format!("… and {more} more errors"),
                Some("fix the errors above and check the file again".into()),
            ));
        }
        let mut lines = Lines::new(self.src);
        LoadError {
            file: file.to_string(),
            diagnostics: errors
                .into_iter()
                .map(|(span, key, message, help)| {
                    let (line, col) = lines.at(span.start);
                    Diagnostic {
                        line,
                        col,
                        key,
                        message,
                        help,
                    }
                })
                .collect(),
        }
    }
}

/// A TOML table being read; remembers which keys were asked for so that
/// [`Table::finish`] can report the rest as unknown.
struct Table<'t, 'i> {
    path: String,
    table: &'t DeTable<'i>,
    span: Range<usize>,
    known: Vec<&'static str>,
}

type Value<'t, 'i> = &'t Spanned<DeValue<'i>>;

impl<'t, 'i> Table<'t, 'i> {
    fn new(path: String, table: &'t DeTable<'i>, span: Range<usize>) -> Self {
        Table {
            path,
            table,
            span,
            known: Vec::new(),
        }
    }

    fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn name(&self) -> String {
        if self.path.is_empty() {
            "the top level".into()
        } else {
            format!("[{}]", self.path)
        }
    }

    /// Looks a key up, marks it known and records its span.
    fn get(&mut self, cx: &mut Cx, key: &'static str) -> Option<Value<'t, 'i>> {
        self.known.push(key);
        cx.spans
            .entry(self.path.clone())
            .or_insert(self.span.clone());
        let (k, v) = self.table.get_key_value(key)?;
        cx.spans
            .insert(self.key_path(key), k.span().start..v.span().end);
        Some(v)
    }

    fn missing(&self, cx: &mut Cx, key: &str, what: &str) {
        cx.error_at(
            self.span.clone(),
            &self.key_path(key),
            &format!("missing key `{key}` in {}", self.name()),
            Some(format!("add `{key} = {what}`")),
        );
    }

    fn wrong_type(&self, cx: &mut Cx, key: &str, v: Value, expected: &str) {
        cx.error_at(
            v.span(),
            &self.key_path(key),
            &format!("expected {expected}, found {}", v.get_ref().type_str()),
            None,
        );
    }

    fn opt_str(&mut self, cx: &mut Cx, key: &'static str) -> Option<String> {
        let v = self.get(cx, key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(cx, key, v, "a string");
                None
            }
        }
    }

    fn str_or(&mut self, cx: &mut Cx, key: &'static str, default: &str) -> String {
        self.opt_str(cx, key).unwrap_or_else(|| default.to_string())
    }

    fn req_str(&mut self, cx: &mut Cx, key: &'static str) -> Option<String> {
        if !self.table.contains_key(key) {
            self.missing(cx, key, "\"…\"");
        }
        self.opt_str(cx, key)
    }

    fn opt_bool(&mut self, cx: &mut Cx, key: &'static str) -> Option<bool> {
        let v = self.get(cx, key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(cx, key, v, "true or false");
                None
            }
        }
    }

    /// One of a fixed set of names. Returns the index into `allowed`.
    fn opt_choice(
        &mut self,
        cx: &mut Cx,
        key: &'static str,
        allowed: &[&'static str],
    ) -> Option<usize> {
        let v = self.get(cx, key)?;
        let list = allowed
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        match v.get_ref() {
            DeValue::String(s) => match allowed.iter().position(|a| a == s) {
                Some(i) => Some(i),
                None => {
                    let help = suggest(s, allowed)
                        .map(|m| format!("did you mean \"{m}\"?"))
                        .or_else(|| Some(format!("allowed: {list}")));
                    cx.error_at(
                        v.span(),
                        &self.key_path(key),
                        &format!("\"{s}\" is not allowed here; allowed: {list}"),
                        help,
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(cx, key, v, &format!("one of {list}"));
                None
            }
        }
    }

    fn number(&self, cx: &mut Cx, key: &str, v: Value) -> Option<Decimal> {
        match number(v.get_ref()) {
            Ok(d) => Some(d),
            Err(msg) => {
                cx.error_at(v.span(), key, &msg, None);
                None
            }
        }
    }

    fn opt_dec(&mut self, cx: &mut Cx, key: &'static str) -> Option<Decimal> {
        let v = self.get(cx, key)?;
        self.number(cx, &self.key_path(key), v)
    }

    fn dec_or(&mut self, cx: &mut Cx, key: &'static str, default: Decimal) -> Decimal {
        self.opt_dec(cx, key).unwrap_or(default)
    }

    fn req_dec(&mut self, cx: &mut Cx, key: &'static str) -> Option<Decimal> {
        if !self.table.contains_key(key) {
            self.missing(cx, key, "a number");
        }
        self.opt_dec(cx, key)
    }

    /// A whole number within `min..=max`.
    fn opt_int(&mut self, cx: &mut Cx, key: &'static str, min: i64, max: i64) -> Option<i64> {
        let v = self.get(cx, key)?;
        let path = self.key_path(key);
        let out_of_range = |cx: &mut Cx, what: &str| {
            cx.error_at(
                v.span(),
                &path,
                &format!("{what} is out of range; allowed: {min} to {max}"),
                None,
            );
        };
        if let DeValue::Integer(i) = v.get_ref()
            && number(v.get_ref()).is_err()
        {
            // Too large even for a Decimal: say what the key allows.
            out_of_range(cx, i.as_str());
            return None;
        }
        let d = self.number(cx, &path, v)?;
        if !d.fract().is_zero() {
            cx.error_at(v.span(), &path, "expected a whole number", None);
            return None;
        }
        let i = i64::try_from(d).ok().filter(|i| (min..=max).contains(i));
        if i.is_none() {
            out_of_range(cx, &d.to_string());
        }
        i
    }

    /// A number (the same for every period) or a list of numbers.
    fn opt_dec_list(&mut self, cx: &mut Cx, key: &'static str) -> Option<NumberOrList> {
        let v = self.get(cx, key)?;
        let path = self.key_path(key);
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let d = self.number(cx, &format!("{path}[{i}]"), item)?;
                    out.push(d);
                }
                Some(NumberOrList::List(out))
            }
            _ => self.number(cx, &path, v).map(NumberOrList::Number),
        }
    }

    fn opt_str_list(&mut self, cx: &mut Cx, key: &'static str) -> Option<Vec<String>> {
        let v = self.get(cx, key)?;
        let path = self.key_path(key);
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(cx, key, v, "a list of strings");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::String(s) => {
                    cx.spans.insert(format!("{path}[{i}]"), item.span());
                    out.push(s.to_string());
                }
                _ => {
                    cx.error_at(
                        item.span(),
                        &format!("{path}[{i}]"),
                        &format!("expected a string, found {}", item.get_ref().type_str()),
                        None,
                    );
                    return None;
                }
            }
        }
        Some(out)
    }

    fn opt_table(&mut self, cx: &mut Cx, key: &'static str) -> Option<Table<'t, 'i>> {
        let v = self.get(cx, key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Table::new(self.key_path(key), t, v.span())),
            _ => {
                self.wrong_type(cx, key, v, "a table");
                None
            }
        }
    }

    fn req_table(&mut self, cx: &mut Cx, key: &'static str) -> Option<Table<'t, 'i>> {
        if !self.table.contains_key(key) {
            cx.error_at(
                self.span.start..self.span.start,
                key,
                &format!("missing table [{key}]"),
                Some(format!("add a [{key}] table; see docs/scenario-format.md")),
            );
        }
        self.opt_table(cx, key)
    }

    /// An array of tables (`[[key]]`).
    fn tables(&mut self, cx: &mut Cx, key: &'static str) -> Vec<Table<'t, 'i>> {
        let Some(v) = self.get(cx, key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(cx, key, v, &format!("a list of tables, written [[{key}]]"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{i}]", self.key_path(key));
            match item.get_ref() {
                DeValue::Table(t) => {
                    cx.spans.insert(path.clone(), item.span());
                    out.push(Table::new(path, t, item.span()));
                }
                other => cx.error_at(
                    item.span(),
                    &path,
                    &format!("expected a table, found {}", other.type_str()),
                    None,
                ),
            }
        }
        out
    }

    /// Reports every key that was not asked for, with a suggestion.
    fn finish(self, cx: &mut Cx) {
        for (k, v) in self.table.iter() {
            let key: &str = k.get_ref();
            if self.known.contains(&key) {
                continue;
            }
            let what = match v.get_ref() {
                DeValue::Table(_) => format!("unknown table `[{}]`", self.key_path(key)),
                _ => format!("unknown key `{key}`"),
            };
            let help = suggest(key, &self.known)
                .map(|m| format!("did you mean `{m}`?"))
                .or_else(|| {
                    let mut keys = self.known.clone();
                    keys.sort_unstable();
                    keys.dedup();
                    Some(format!("known keys here: {}", keys.join(", ")))
                });
            cx.error_at(
                k.span(),
                &self.key_path(key),
                &format!("{what} in {}", self.name()),
                help,
            );
            cx.unknown_keys.insert(self.key_path(key));
        }
    }
}

enum NumberOrList {
    Number(Decimal),
    List(Vec<Decimal>),
}

/// The closest known name, if it is close enough to be a likely typo.
pub(crate) fn suggest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// A TOML number as an exact Decimal, from its written digits.
fn number(v: &DeValue) -> Result<Decimal, String> {
    let out_of_range = || {
        format!("number out of range; allowed: at most {MAX_MAGNITUDE} in size, at most 28 digits")
    };
    let d = match v {
        DeValue::Integer(i) => {
            let text = i.as_str().replace('_', "");
            if i.radix() == 10 {
                Decimal::from_str(&text).map_err(|_| out_of_range())?
            } else {
                let n = i64::from_str_radix(&text, i.radix()).map_err(|_| out_of_range())?;
                Decimal::from(n)
            }
        }
        DeValue::Float(f) => {
            let text = f.as_str().replace('_', "");
            if text.contains("nan") || text.contains("inf") {
                return Err(format!("`{text}` is not a finite number"));
            }
            let parsed = if text.contains(['e', 'E']) {
                Decimal::from_scientific(&text)
            } else {
                Decimal::from_str_exact(&text)
            };
            parsed.map_err(|_| out_of_range())?
        }
        DeValue::String(s) => {
            return Err(format!(
                "expected a number, found the string \"{s}\"; write it without quotes"
            ));
        }
        other => return Err(format!("expected a number, found {}", other.type_str())),
    };
    if d.abs() > Decimal::from(MAX_MAGNITUDE) {
        return Err(out_of_range());
    }
    Ok(d.normalize())
}

fn read_scenario(cx: &mut Cx, mut root: Table) -> Option<Scenario> {
    match root.get(cx, "format") {
        None => root.missing(cx, "format", "1"),
        Some(v) => {
            let is_one = matches!(v.get_ref(), DeValue::Integer(i) if i.as_str() == "1");
            if !is_one {
                cx.error_at(
                    v.span(),
                    "format",
                    "unsupported format; this version of effekt reads `format = 1`",
                    Some(
                        "set `format = 1` and check the file against docs/scenario-format.md"
                            .into(),
                    ),
                );
            }
        }
    }
    let info = root
        .req_table(cx, "scenario")
        .and_then(|t| read_info(cx, t));
    let timeline = root
        .req_table(cx, "timeline")
        .and_then(|t| read_timeline(cx, t));
    let periods = timeline.as_ref().map(|t| t.periods);
    let parties = root
        .req_table(cx, "parties")
        .and_then(|t| read_parties(cx, t));
    let cohort = match root.opt_table(cx, "cohort") {
        Some(t) => read_cohort(cx, t, periods),
        None => Some(Cohort {
            size: None,
            intake: None,
            unit: String::new(),
        }),
    };
    let delivery = root
        .req_table(cx, "delivery")
        .and_then(|t| read_delivery(cx, t, periods));
    let outcome_tables = root.tables(cx, "outcomes");
    if !root.table.contains_key("outcomes") {
        cx.error_at(
            root.span.start..root.span.start,
            "outcomes",
            "no outcomes; a scenario needs at least one [[outcomes]] table",
            Some("add an [[outcomes]] table; see docs/scenario-format.md".into()),
        );
    }
    let outcomes: Vec<Option<Outcome>> = outcome_tables
        .into_iter()
        .map(|t| read_outcome(cx, t))
        .collect();
    let payment = root
        .req_table(cx, "payment")
        .and_then(|t| read_payment(cx, t));
    let investment = root
        .req_table(cx, "investment")
        .and_then(|t| read_investment(cx, t));
    let provider = match root.opt_table(cx, "provider") {
        Some(mut t) => {
            let fee_at_risk = t.dec_or(cx, "fee_at_risk", Decimal::ZERO);
            t.finish(cx);
            ProviderTerms { fee_at_risk }
        }
        None => ProviderTerms {
            fee_at_risk: Decimal::ZERO,
        },
    };
    let assumptions = match root.opt_table(cx, "assumptions") {
        Some(t) => read_assumptions(cx, t),
        None => default_assumptions(),
    };
    let sources = root
        .tables(cx, "sources")
        .into_iter()
        .map(|mut t| {
            let s = Source {
                id: t.str_or(cx, "id", ""),
                title: t.req_str(cx, "title").unwrap_or_default(),
                url: t.str_or(cx, "url", ""),
                note: t.str_or(cx, "note", ""),
            };
            t.finish(cx);
            s
        })
        .collect();
    let levers = match root.opt_table(cx, "levers") {
        Some(t) => read_levers(cx, t),
        None => LeverSettings::default(),
    };
    let uncertainty = match root.opt_table(cx, "uncertainty") {
        Some(t) => read_uncertainty(cx, t),
        None => Uncertainty::default(),
    };
    root.finish(cx);
    Some(Scenario {
        info: info?,
        timeline: timeline?,
        parties: parties?,
        cohort: cohort?,
        delivery: delivery?,
        outcomes: outcomes.into_iter().collect::<Option<Vec<_>>>()?,
        payment: payment?,
        investment: investment?,
        provider,
        assumptions,
        sources,
        levers,
        uncertainty,
    })
}

fn read_info(cx: &mut Cx, mut t: Table) -> Option<Info> {
    let id = t.req_str(cx, "id");
    let title = t.req_str(cx, "title");
    let summary = t.str_or(cx, "summary", "");
    let theme = t.str_or(cx, "theme", "");
    let currency = t.str_or(cx, "currency", "NOK");
    let language = ["nb", "en"][t.opt_choice(cx, "language", &["nb", "en"]).unwrap_or(0)];
    t.finish(cx);
    Some(Info {
        id: id?,
        title: title?,
        summary,
        theme,
        currency,
        language: language.to_string(),
    })
}

fn read_timeline(cx: &mut Cx, mut t: Table) -> Option<Timeline> {
    if !t.table.contains_key("periods") {
        t.missing(cx, "periods", "a whole number from 1 to 480");
    }
    let periods = t.opt_int(cx, "periods", 1, super::validate::MAX_PERIODS as i64);
    let period = t.opt_choice(cx, "period", &Period::NAMES);
    let start_year = t.opt_int(cx, "start_year", 1900, 2200);
    t.finish(cx);
    Some(Timeline {
        periods: usize::try_from(periods?).ok()?,
        period: Period::from_name(Period::NAMES[period.unwrap_or(0)])?,
        start_year,
    })
}

fn read_parties(cx: &mut Cx, mut t: Table) -> Option<Parties> {
    let p = Parties {
        payer: t.str_or(cx, "payer", "Payer"),
        cofunder: t.opt_str(cx, "cofunder"),
        investor: t.str_or(cx, "investor", "Investor"),
        provider: t.str_or(cx, "provider", "Provider"),
        guarantor: t.opt_str(cx, "guarantor"),
        public_other: t.str_or(cx, "public_other", "Public sector, other"),
    };
    t.finish(cx);
    Some(p)
}

/// Expands a number to one per period; keeps a list as written (its length
/// is checked by validation). Never allocates for an invalid period count.
fn per_period(v: NumberOrList, periods: Option<usize>) -> Vec<Decimal> {
    match v {
        NumberOrList::List(l) => l,
        NumberOrList::Number(n) => match periods {
            Some(p) if (1..=super::validate::MAX_PERIODS).contains(&p) => vec![n; p],
            _ => vec![n],
        },
    }
}

fn read_cohort(cx: &mut Cx, mut t: Table, periods: Option<usize>) -> Option<Cohort> {
    let size = t.opt_dec(cx, "size");
    let intake = t.opt_dec_list(cx, "intake").map(|v| per_period(v, periods));
    let unit = t.str_or(cx, "unit", "");
    t.finish(cx);
    Some(Cohort { size, intake, unit })
}

fn read_delivery(cx: &mut Cx, mut t: Table, periods: Option<usize>) -> Option<Delivery> {
    if !t.table.contains_key("cost") {
        t.missing(cx, "cost", "a number per period, or a list");
    }
    let cost = t.opt_dec_list(cx, "cost").map(|v| per_period(v, periods));
    let description = t.str_or(cx, "description", "");
    t.finish(cx);
    Some(Delivery {
        cost: cost?,
        description,
    })
}

fn read_outcome(cx: &mut Cx, mut t: Table) -> Option<Outcome> {
    let id = t.req_str(cx, "id");
    let name = t.opt_str(cx, "name");
    let kind = t.opt_choice(cx, "kind", &["flow", "event"]);
    let better = t.opt_choice(cx, "better", &["lower", "higher"]);
    if !t.table.contains_key("better") {
        t.missing(cx, "better", "\"lower\" or \"higher\"");
    }
    let indicator_unit = t.str_or(cx, "indicator_unit", "");
    let payable_unit = t.str_or(cx, "payable_unit", "");
    let baseline = t.req_dec(cx, "baseline");
    let target = t.req_dec(cx, "target");
    let threshold = t.opt_dec(cx, "threshold");
    let rule = t.opt_choice(cx, "threshold_rule", &["none", "trigger", "deductible"]);
    let pay_beyond_target = t.opt_bool(cx, "pay_beyond_target").unwrap_or(false);
    let ramp_periods = t.opt_int(cx, "ramp_periods", 1, 480).unwrap_or(1);
    let drift = t.dec_or(cx, "drift", Decimal::ZERO);
    let counterfactual = t.opt_choice(
        cx,
        "counterfactual",
        &["comparison_group", "historical_baseline", "none"],
    );
    let units_per_point = t.opt_dec(cx, "units_per_point");
    let lag = t.opt_int(cx, "lag", 0, 480).unwrap_or(0);
    let price = t.dec_or(cx, "price", Decimal::ZERO);
    let value = t.dec_or(cx, "value", Decimal::ZERO);
    let payer_value_share = t.dec_or(cx, "payer_value_share", Decimal::ONE);
    let definition = t.str_or(cx, "definition", "");
    let data_source = t.str_or(cx, "data_source", "");
    let source = t.str_or(cx, "source", "");
    t.finish(cx);
    let id = id?;
    let threshold_rule = match rule {
        Some(0) => ThresholdRule::None,
        Some(1) => ThresholdRule::Trigger,
        Some(_) => ThresholdRule::Deductible,
        None if threshold.is_some() => ThresholdRule::Trigger,
        None => ThresholdRule::None,
    };
    Some(Outcome {
        name: name.unwrap_or_else(|| id.clone()),
        id,
        kind: [OutcomeKind::Flow, OutcomeKind::Event][kind.unwrap_or(0)],
        better: [Better::Lower, Better::Higher][better?],
        indicator_unit,
        payable_unit,
        baseline: baseline?,
        target: target?,
        threshold,
        threshold_rule,
        pay_beyond_target,
        ramp_periods: u32::try_from(ramp_periods).ok()?,
        drift,
        counterfactual: [
            Counterfactual::ComparisonGroup,
            Counterfactual::HistoricalBaseline,
            Counterfactual::None,
        ][counterfactual.unwrap_or(0)],
        units_per_point,
        lag: usize::try_from(lag).ok()?,
        price,
        value,
        payer_value_share,
        definition,
        data_source,
        source,
    })
}

fn read_payment(cx: &mut Cx, mut t: Table) -> Option<Payment> {
    let mechanism = t.opt_choice(cx, "mechanism", &["rate_card", "share_of_savings"]);
    let p = Payment {
        mechanism: [Mechanism::RateCard, Mechanism::ShareOfSavings][mechanism.unwrap_or(0)],
        savings_share: t.opt_dec(cx, "savings_share"),
        cap: t.opt_dec(cx, "cap"),
        guaranteed_share: t.dec_or(cx, "guaranteed_share", Decimal::ZERO),
        cofunder_share: t.dec_or(cx, "cofunder_share", Decimal::ZERO),
        excess: [Excess::Payer, Excess::Provider][t
            .opt_choice(cx, "excess", &["payer", "provider"])
            .unwrap_or(0)],
    };
    t.finish(cx);
    Some(p)
}

fn read_investment(cx: &mut Cx, mut t: Table) -> Option<Investment> {
    let capital = t.dec_or(cx, "capital", Decimal::ZERO);
    if !t.table.contains_key("return_cap") {
        t.missing(cx, "return_cap", "0.08");
        if let Some(e) = cx.errors.last_mut() {
            e.3 = Some(
                "add `return_cap = 0.08` (an annual rate); an uncapped investor would take every \
                 krone, so write a high cap such as 1.0 to mean practically uncapped"
                    .into(),
            );
        }
    }
    let return_cap = t.opt_dec(cx, "return_cap");
    let first_loss = t.dec_or(cx, "first_loss", Decimal::ZERO);
    let recycle = t.opt_bool(cx, "recycle").unwrap_or(false);
    t.finish(cx);
    Some(Investment {
        capital,
        return_cap: return_cap?,
        first_loss,
        recycle,
    })
}

fn default_assumptions() -> Assumptions {
    Assumptions {
        achievement: Decimal::ONE,
        discount_rate: Decimal::new(4, 2),
        notes: Vec::new(),
    }
}

fn read_assumptions(cx: &mut Cx, mut t: Table) -> Assumptions {
    let d = default_assumptions();
    let a = Assumptions {
        achievement: t.dec_or(cx, "achievement", d.achievement),
        discount_rate: t.dec_or(cx, "discount_rate", d.discount_rate),
        notes: t.opt_str_list(cx, "notes").unwrap_or_default(),
    };
    t.finish(cx);
    a
}

fn read_levers(cx: &mut Cx, t: Table) -> LeverSettings {
    let mut settings = LeverSettings::default();
    let mut t = t;
    settings.show = t.opt_str_list(cx, "show").unwrap_or_default();
    // Every other key is a lever id with a table of range settings.
    for (k, v) in t.table.iter() {
        let id: &str = k.get_ref();
        if id == "show" {
            continue;
        }
        let path = t.key_path(id);
        cx.spans.insert(path.clone(), k.span().start..v.span().end);
        let DeValue::Table(inner) = v.get_ref() else {
            cx.error_at(
                v.span(),
                &path,
                &format!(
                    "expected a table of lever settings, found {}",
                    v.get_ref().type_str()
                ),
                Some(format!("write [levers.\"{id}\"] with min, max and step")),
            );
            continue;
        };
        let mut lt = Table::new(path, inner, v.span());
        let o = LeverOverride {
            id: id.to_string(),
            min: lt.opt_dec(cx, "min"),
            max: lt.opt_dec(cx, "max"),
            step: lt.opt_dec(cx, "step"),
        };
        lt.finish(cx);
        settings.overrides.push(o);
    }
    t.known.extend(["show"]);
    settings
}

fn read_uncertainty(cx: &mut Cx, mut t: Table) -> Uncertainty {
    let d = Uncertainty::default();
    let kind = t.opt_choice(cx, "achievement", &["normal", "triangular"]);
    let sd = t.opt_dec(cx, "achievement_sd");
    let min = t.opt_dec(cx, "achievement_min");
    let mode = t.opt_dec(cx, "achievement_mode");
    let max = t.opt_dec(cx, "achievement_max");
    let draws = t
        .opt_int(cx, "draws", 1, i64::from(Uncertainty::MAX_DRAWS))
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(d.draws);
    let seed = t
        .opt_int(cx, "seed", 0, i64::MAX)
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(d.seed);
    let mut noise = Vec::new();
    if let Some(nt) = t.opt_table(cx, "noise") {
        // Every key is an outcome id; validation checks that it exists.
        for (k, v) in nt.table.iter() {
            let id: &str = k.get_ref();
            let path = nt.key_path(id);
            cx.spans.insert(path.clone(), k.span().start..v.span().end);
            if let Some(sd) = nt.number(cx, &path, v) {
                noise.push(OutcomeNoise {
                    outcome: id.to_string(),
                    sd,
                });
            }
        }
    }
    t.finish(cx);
    // Keys that belong to the other distribution are errors, not ignored.
    let misplaced = |cx: &mut Cx, key: &str, kind: &str| {
        let path = format!("uncertainty.{key}");
        let span = cx.span_of(&path);
        cx.error_at(
            span,
            &path,
            &format!("`{key}` is only for achievement = \"{kind}\""),
            Some(format!("remove `{key}`, or set achievement = \"{kind}\"")),
        );
    };
    let achievement = match kind {
        // A misspelt distribution is already reported; its keys are not.
        None if t_has(cx, "achievement") => AchievementSpread::Normal {
            sd: sd.unwrap_or(Uncertainty::DEFAULT_SD),
        },
        Some(1) => {
            if sd.is_some() {
                misplaced(cx, "achievement_sd", "normal");
            }
            for (key, v) in [("achievement_min", min), ("achievement_max", max)] {
                if v.is_none() && !t_has(cx, key) {
                    let span = cx.span_of("uncertainty");
                    cx.error_at(
                        span,
                        &format!("uncertainty.{key}"),
                        &format!("achievement = \"triangular\" needs `{key}`"),
                        Some(format!("add `{key} = …` (1 = exactly the target)")),
                    );
                }
            }
            AchievementSpread::Triangular {
                min: min.unwrap_or(Decimal::ZERO),
                mode,
                max: max.unwrap_or(Decimal::ZERO),
            }
        }
        _ => {
            for (key, v) in [
                ("achievement_min", min),
                ("achievement_mode", mode),
                ("achievement_max", max),
            ] {
                if v.is_some() {
                    misplaced(cx, key, "triangular");
                }
            }
            AchievementSpread::Normal {
                sd: sd.unwrap_or(Uncertainty::DEFAULT_SD),
            }
        }
    };
    Uncertainty {
        achievement,
        noise,
        draws,
        seed,
        assumed: false,
    }
}

/// Whether `uncertainty.<key>` was written (even if its value was wrong).
fn t_has(cx: &Cx, key: &str) -> bool {
    cx.spans.contains_key(&format!("uncertainty.{key}"))
}
