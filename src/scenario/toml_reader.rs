//! A generic reader of spanned TOML: tables, keys and their spans, numbers
//! read exactly, string choices by name, and unknown keys reported with a
//! "did you mean". It knows nothing of scenarios; `schema.rs` uses it.
//!
//! Errors are collected, not returned: one run reports every problem of a
//! file, each with the byte span it is about.
//!
//! A reader can also *record* (see [`Reader::recording`]): then every typed
//! getter notes what it asks for — the key, its type, its default, whether
//! it is required, whether its table refuses unknown keys — so that the
//! readers themselves describe the format (`keys.rs` makes the JSON Schema
//! and the templates from that record).

use std::collections::HashMap;
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::error::{Expected, Hint, Problem};
pub(crate) use super::record::{ANY_KEY, DefaultValue, KeyKind, Record};

/// The largest magnitude any number in a scenario may have. Keeps every
/// product the model forms far inside `Decimal`'s range.
pub(crate) const MAX_MAGNITUDE: i64 = 1_000_000_000_000_000;

/// One problem found while reading, at a byte span of the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub span: Range<usize>,
    /// The key path the problem is about, empty for syntax.
    pub key: String,
    pub problem: Problem,
}

/// The reading state: the problems found and the span of every key read.
#[derive(Default)]
pub(crate) struct Reader {
    pub found: Vec<Found>,
    spans: HashMap<String, Range<usize>>,
    /// What the getters asked for, when recording.
    record: Option<Record>,
}

impl Reader {
    /// A reader that records what the getters ask for ([`Reader::record`]).
    pub fn recording() -> Reader {
        Reader {
            record: Some(Record::default()),
            ..Reader::default()
        }
    }

    /// What was recorded (empty unless [`Reader::recording`]).
    pub fn record(&self) -> Option<&Record> {
        self.record.as_ref()
    }

    pub fn error(&mut self, span: Range<usize>, key: &str, problem: Problem) {
        self.found.push(Found {
            span,
            key: key.to_string(),
            problem,
        });
    }

    /// Records the span of a key path.
    pub fn note_span(&mut self, path: String, span: Range<usize>) {
        self.spans.insert(path, span);
    }

    /// Whether a key path was written (even if its value was wrong).
    pub fn was_written(&self, path: &str) -> bool {
        self.spans.contains_key(path)
    }

    /// The span of a key path, or of its nearest enclosing table.
    pub fn span_of(&self, path: &str) -> Range<usize> {
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
}

/// Line and column (1-based, in characters) of byte offsets taken in
/// ascending order, in one pass over the text however many errors it has.
pub(crate) struct Lines<'s> {
    src: &'s str,
    pos: usize,
    line: usize,
    col: usize,
}

impl<'s> Lines<'s> {
    pub fn new(src: &'s str) -> Self {
        Lines {
            src,
            pos: 0,
            line: 1,
            col: 1,
        }
    }

    pub fn at(&mut self, offset: usize) -> (usize, usize) {
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

/// An enum written in a file as one of a fixed set of names.
pub(crate) trait Choice: Copy + PartialEq + 'static {
    /// Every name with its value.
    const CHOICES: &'static [(&'static str, Self)];

    /// The names, in the order of [`Choice::CHOICES`].
    fn names() -> Vec<&'static str> {
        Self::CHOICES.iter().map(|(name, _)| *name).collect()
    }

    /// The name of a value.
    fn name_of(self) -> &'static str {
        Self::CHOICES
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(name, _)| *name)
    }
}

/// A TOML table being read; remembers which keys were asked for so that
/// [`Table::finish`] can report the rest as unknown.
pub(crate) struct Table<'t, 'i> {
    path: String,
    pub table: &'t DeTable<'i>,
    pub span: Range<usize>,
    known: Vec<&'static str>,
}

pub(crate) type Value<'t, 'i> = &'t Spanned<DeValue<'i>>;

/// A number (the same for every period) or a list of numbers.
pub(crate) enum NumberOrList {
    Number(Decimal),
    List(Vec<Decimal>),
}

impl<'t, 'i> Table<'t, 'i> {
    pub fn new(path: String, table: &'t DeTable<'i>, span: Range<usize>) -> Self {
        Table {
            path,
            table,
            span,
            known: Vec::new(),
        }
    }

    pub fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// Records that `key` holds `kind` (when recording; `kind` is made
    /// only then).
    fn ask(&self, r: &mut Reader, key: &'static str, kind: impl FnOnce() -> KeyKind) {
        if let Some(rec) = r.record.as_mut() {
            rec.asked(&self.path, key).kind = kind();
        }
    }

    /// Records the default a getter states for `key` (when recording).
    fn ask_default(&self, r: &mut Reader, key: &'static str, default: DefaultValue) {
        if let Some(rec) = r.record.as_mut() {
            rec.asked(&self.path, key).default = Some(default);
        }
    }

    /// Records that `key` is required (when recording).
    fn ask_required(&self, r: &mut Reader, key: &'static str) {
        if let Some(rec) = r.record.as_mut() {
            rec.asked(&self.path, key).required = true;
        }
    }

    /// Looks a key up, marks it known and records its span.
    pub fn get(&mut self, r: &mut Reader, key: &'static str) -> Option<Value<'t, 'i>> {
        self.known.push(key);
        r.spans
            .entry(self.path.clone())
            .or_insert(self.span.clone());
        let (k, v) = self.table.get_key_value(key)?;
        r.note_span(self.key_path(key), k.span().start..v.span().end);
        Some(v)
    }

    /// Reports a required key as missing.
    pub fn missing(&self, r: &mut Reader, key: &'static str, hint: Hint) {
        self.ask_required(r, key);
        r.error(
            self.span.clone(),
            &self.key_path(key),
            Problem::MissingKey {
                key: key.to_string(),
                table: self.path.clone(),
                hint,
            },
        );
    }

    fn wrong_type(&self, r: &mut Reader, key: &str, v: Value, expected: Expected) {
        r.error(
            v.span(),
            &self.key_path(key),
            Problem::WrongType {
                expected,
                found: v.get_ref().type_str(),
            },
        );
    }

    pub fn opt_str(&mut self, r: &mut Reader, key: &'static str) -> Option<String> {
        self.ask(r, key, || KeyKind::Text);
        let v = self.get(r, key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(r, key, v, Expected::Text);
                None
            }
        }
    }

    pub fn str_or(&mut self, r: &mut Reader, key: &'static str, default: &'static str) -> String {
        self.ask_default(r, key, DefaultValue::Text(default));
        self.opt_str(r, key).unwrap_or_else(|| default.to_string())
    }

    pub fn req_str(&mut self, r: &mut Reader, key: &'static str) -> Option<String> {
        if !self.has(key) {
            self.missing(r, key, Hint::Text);
        }
        self.opt_str(r, key)
    }

    pub fn opt_bool(&mut self, r: &mut Reader, key: &'static str) -> Option<bool> {
        self.ask(r, key, || KeyKind::Bool);
        let v = self.get(r, key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(r, key, v, Expected::Bool);
                None
            }
        }
    }

    pub fn bool_or(&mut self, r: &mut Reader, key: &'static str, default: bool) -> bool {
        self.ask_default(r, key, DefaultValue::Bool(default));
        self.opt_bool(r, key).unwrap_or(default)
    }

    /// One of the names of `T`, by name.
    pub fn opt_choice<T: Choice>(&mut self, r: &mut Reader, key: &'static str) -> Option<T> {
        self.ask(r, key, || KeyKind::Choice(T::names()));
        let v = self.get(r, key)?;
        let DeValue::String(s) = v.get_ref() else {
            self.wrong_type(r, key, v, Expected::OneOf(T::names()));
            return None;
        };
        let found = T::CHOICES.iter().find(|(name, _)| name == s);
        if found.is_none() {
            r.error(
                v.span(),
                &self.key_path(key),
                Problem::NotAllowed {
                    value: s.to_string(),
                    allowed: T::names(),
                    suggestion: suggest(s, &T::names()),
                },
            );
        }
        found.map(|(_, value)| *value)
    }

    /// One of the names of `T`, `default` when the key is absent or wrong.
    pub fn choice_or<T: Choice>(&mut self, r: &mut Reader, key: &'static str, default: T) -> T {
        self.ask_default(r, key, DefaultValue::Choice(default.name_of()));
        self.opt_choice(r, key).unwrap_or(default)
    }

    /// A number read from a value, reported at `path` if it is not one.
    pub fn number(&self, r: &mut Reader, path: &str, v: Value) -> Option<Decimal> {
        match number(v.get_ref()) {
            Ok(d) => Some(d),
            Err(problem) => {
                r.error(v.span(), path, problem);
                None
            }
        }
    }

    pub fn opt_dec(&mut self, r: &mut Reader, key: &'static str) -> Option<Decimal> {
        self.ask(r, key, || KeyKind::Number);
        let v = self.get(r, key)?;
        self.number(r, &self.key_path(key), v)
    }

    pub fn dec_or(&mut self, r: &mut Reader, key: &'static str, default: Decimal) -> Decimal {
        self.ask_default(r, key, DefaultValue::Number(default));
        self.opt_dec(r, key).unwrap_or(default)
    }

    pub fn req_dec(&mut self, r: &mut Reader, key: &'static str) -> Option<Decimal> {
        if !self.has(key) {
            self.missing(r, key, Hint::Number);
        }
        self.opt_dec(r, key)
    }

    /// A whole number within `min..=max`.
    pub fn opt_int(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        self.ask(r, key, || KeyKind::Whole { min, max });
        let v = self.get(r, key)?;
        let path = self.key_path(key);
        let out_of_range = |r: &mut Reader, value: String| {
            r.error(
                v.span(),
                &path,
                Problem::WholeNumberOutOfRange { value, min, max },
            );
        };
        if let DeValue::Integer(i) = v.get_ref()
            && number(v.get_ref()).is_err()
        {
            // Too large even for a Decimal: say what the key allows.
            out_of_range(r, i.as_str().to_string());
            return None;
        }
        let d = self.number(r, &path, v)?;
        if !d.fract().is_zero() {
            r.error(v.span(), &path, Problem::NotWhole);
            return None;
        }
        let i = i64::try_from(d).ok().filter(|i| (min..=max).contains(i));
        if i.is_none() {
            out_of_range(r, d.to_string());
        }
        i
    }

    /// A whole number within `min..=max`, `default` when the key is absent
    /// or wrong.
    pub fn int_or(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        (min, max): (i64, i64),
        default: i64,
    ) -> i64 {
        self.ask_default(r, key, DefaultValue::Whole(default));
        self.opt_int(r, key, min, max).unwrap_or(default)
    }

    /// A key that must be exactly the integer `literal` as written
    /// (`format = 1`): `wrong` when it is anything else, a missing key
    /// (with the literal as the hint) when absent.
    pub fn req_literal(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        literal: &'static str,
        wrong: Problem,
    ) {
        self.ask(r, key, || KeyKind::Literal(literal));
        match self.get(r, key) {
            None => self.missing(r, key, Hint::Literal(literal)),
            Some(v) => {
                let exact = matches!(v.get_ref(), DeValue::Integer(i) if i.as_str() == literal);
                if !exact {
                    r.error(v.span(), &self.key_path(key), wrong);
                }
            }
        }
    }

    /// A number (the same for every period) or a list of numbers.
    pub fn opt_dec_list(&mut self, r: &mut Reader, key: &'static str) -> Option<NumberOrList> {
        self.ask(r, key, || KeyKind::NumberOrList);
        let v = self.get(r, key)?;
        let path = self.key_path(key);
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    out.push(self.number(r, &format!("{path}[{i}]"), item)?);
                }
                Some(NumberOrList::List(out))
            }
            _ => self.number(r, &path, v).map(NumberOrList::Number),
        }
    }

    pub fn opt_str_list(&mut self, r: &mut Reader, key: &'static str) -> Option<Vec<String>> {
        self.ask(r, key, || KeyKind::TextList);
        let v = self.get(r, key)?;
        let path = self.key_path(key);
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(r, key, v, Expected::TextList);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            match item.get_ref() {
                DeValue::String(s) => {
                    r.note_span(item_path, item.span());
                    out.push(s.to_string());
                }
                other => {
                    r.error(
                        item.span(),
                        &item_path,
                        Problem::WrongType {
                            expected: Expected::Text,
                            found: other.type_str(),
                        },
                    );
                    return None;
                }
            }
        }
        Some(out)
    }

    pub fn opt_table(&mut self, r: &mut Reader, key: &'static str) -> Option<Table<'t, 'i>> {
        self.ask(r, key, || KeyKind::Table);
        let v = self.get(r, key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Table::new(self.key_path(key), t, v.span())),
            _ => {
                self.wrong_type(r, key, v, Expected::Table);
                None
            }
        }
    }

    pub fn req_table(&mut self, r: &mut Reader, key: &'static str) -> Option<Table<'t, 'i>> {
        self.ask_required(r, key);
        if !self.has(key) {
            r.error(
                self.span.start..self.span.start,
                key,
                Problem::MissingTable {
                    table: key.to_string(),
                },
            );
        }
        self.opt_table(r, key)
    }

    /// An array of tables (`[[key]]`) that must have at least one table:
    /// `missing` (at the start of this table) when it has none.
    pub fn req_tables(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        missing: Problem,
    ) -> Vec<Table<'t, 'i>> {
        self.ask_required(r, key);
        if !self.has(key) {
            r.error(
                self.span.start..self.span.start,
                &self.key_path(key),
                missing,
            );
        }
        self.tables(r, key)
    }

    /// An array of tables (`[[key]]`).
    pub fn tables(&mut self, r: &mut Reader, key: &'static str) -> Vec<Table<'t, 'i>> {
        self.ask(r, key, || KeyKind::Tables);
        let Some(v) = self.get(r, key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(
                r,
                key,
                v,
                Expected::TableList {
                    key: key.to_string(),
                },
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{i}]", self.key_path(key));
            match item.get_ref() {
                DeValue::Table(t) => {
                    r.note_span(path.clone(), item.span());
                    out.push(Table::new(path, t, item.span()));
                }
                other => r.error(
                    item.span(),
                    &path,
                    Problem::WrongType {
                        expected: Expected::Table,
                        found: other.type_str(),
                    },
                ),
            }
        }
        out
    }

    /// Every entry of a table whose keys are names the file chooses (lever
    /// ids, outcome ids), with their key paths; records their spans.
    pub fn entries(&self, r: &mut Reader) -> Vec<(String, String, Value<'t, 'i>)> {
        if let Some(rec) = r.record.as_mut() {
            Record::note(&mut rec.open, &self.path);
        }
        self.table
            .iter()
            .map(|(k, v)| {
                let path = self.key_path(k.get_ref());
                r.note_span(path.clone(), k.span().start..v.span().end);
                (k.get_ref().to_string(), path, v)
            })
            .collect()
    }

    /// A number that is the value of an entry of a table whose keys the
    /// file chooses (`[uncertainty.noise]`: `outcome = sd`).
    pub fn entry_number(&self, r: &mut Reader, path: &str, v: Value) -> Option<Decimal> {
        if let Some(rec) = r.record.as_mut() {
            rec.asked(&self.path, ANY_KEY).kind = KeyKind::Number;
        }
        self.number(r, path, v)
    }

    /// Reports every key that was not asked for, with a suggestion.
    pub fn finish(self, r: &mut Reader) {
        if let Some(rec) = r.record.as_mut() {
            Record::note(&mut rec.closed, &self.path);
        }
        let mut known = self.known.clone();
        known.sort_unstable();
        known.dedup();
        for (k, v) in self.table.iter() {
            let key: &str = k.get_ref();
            if self.known.contains(&key) {
                continue;
            }
            r.error(
                k.span(),
                &self.key_path(key),
                Problem::UnknownKey {
                    key: key.to_string(),
                    table: self.path.clone(),
                    is_table: matches!(v.get_ref(), DeValue::Table(_)),
                    suggestion: suggest(key, &self.known),
                    known: known.clone(),
                },
            );
        }
    }
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
pub(crate) fn number(v: &DeValue) -> Result<Decimal, Problem> {
    let out_of_range = || Problem::NumberOutOfRange { max: MAX_MAGNITUDE };
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
                return Err(Problem::NotFinite { text });
            }
            let parsed = if text.contains(['e', 'E']) {
                Decimal::from_scientific(&text)
            } else {
                Decimal::from_str_exact(&text)
            };
            parsed.map_err(|_| out_of_range())?
        }
        DeValue::String(s) => {
            return Err(Problem::QuotedNumber {
                text: s.to_string(),
            });
        }
        other => {
            return Err(Problem::WrongType {
                expected: Expected::Number,
                found: other.type_str(),
            });
        }
    };
    if d.abs() > Decimal::from(MAX_MAGNITUDE) {
        return Err(out_of_range());
    }
    Ok(d.normalize())
}
