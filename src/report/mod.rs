//! Exports of computed figures: JSON (`effekt calc --json`), the readable
//! summary, and CSV sweeps. Reports only format; all numbers come from
//! [`crate::model`].

mod document;
pub(crate) mod json;
mod summary;
mod sweep;

pub use document::{Column, columns, csv, json, markdown};
pub use json::calc_json;
pub use summary::{party_name, summary, table, table_left};
pub use sweep::{SweepRow, sweep, sweep_csv};

/// The most variants a report or comparison shows beside the base.
pub const MAX_VARIANTS: usize = 4;
