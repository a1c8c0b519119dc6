//! What the readers of a scenario ask for, when a [`Reader`] records
//! (`toml_reader.rs`): each key's table, type, default and whether it is
//! required, and which tables are closed or open. `keys.rs` makes the
//! format's description (the JSON Schema, the templates) from it.
//!
//! [`Reader`]: super::toml_reader::Reader

use rust_decimal::Decimal;

/// What a key holds, as the getter that reads it expects.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum KeyKind {
    Text,
    Bool,
    Number,
    /// A whole number within `min..=max`.
    Whole {
        min: i64,
        max: i64,
    },
    /// One of these names.
    Choice(Vec<&'static str>),
    /// Exactly this integer, as written (`format = 1`).
    Literal(&'static str),
    /// A number, or a list of numbers.
    NumberOrList,
    TextList,
    Table,
    /// An array of tables (`[[key]]`).
    Tables,
}

/// A default a getter states.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DefaultValue {
    Text(&'static str),
    Number(Decimal),
    Whole(i64),
    Bool(bool),
    Choice(&'static str),
}

/// One key a reader asked for. Table paths name array items `[]` and the
/// keys a file chooses (lever ids, outcome ids) `*`: `outcomes[]`,
/// `levers.*`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Asked {
    pub table: String,
    pub key: &'static str,
    pub kind: KeyKind,
    pub default: Option<DefaultValue>,
    pub required: bool,
}

/// Everything the readers asked for, in the order they asked.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Record {
    pub keys: Vec<Asked>,
    /// Tables that refuse keys they did not ask for (`Table::finish`).
    pub closed: Vec<String>,
    /// Tables whose keys the file chooses (`Table::entries`).
    pub open: Vec<String>,
}

/// The key a file chooses, in a recorded path.
pub(crate) const ANY_KEY: &str = "*";

/// A key path with item indices replaced by `[]` (`outcomes[0]` →
/// `outcomes[]`).
pub(crate) fn generic_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

impl Record {
    pub(super) fn asked(&mut self, table: &str, key: &'static str) -> &mut Asked {
        let table = generic_path(table);
        let at = match self
            .keys
            .iter()
            .position(|a| a.table == table && a.key == key)
        {
            Some(i) => i,
            None => {
                self.keys.push(Asked {
                    table,
                    key,
                    kind: KeyKind::Text,
                    default: None,
                    required: false,
                });
                self.keys.len() - 1
            }
        };
        &mut self.keys[at]
    }

    pub(super) fn note(list: &mut Vec<String>, table: &str) {
        let table = generic_path(table);
        if !list.contains(&table) {
            list.push(table);
        }
    }
}
