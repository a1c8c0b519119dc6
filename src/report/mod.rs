//! Everything effekt prints or exports about computed figures: the JSON of
//! `effekt calc --json`, the readable summary, CSV sweeps, the risk,
//! tornado and goal-seek results, and the Markdown/CSV/JSON reports on a
//! scenario and its variants. Reports only format; all numbers come from
//! [`crate::model`] and [`crate::risk`]. Writing happens elsewhere (the
//! command line's one writer, `crate::cli::output`), which also makes any
//! text from files safe to print ([`crate::format::sanitize`]).

pub mod annex;
pub mod budget;
pub mod business_case;
mod business_case_md;
mod csv;
mod document;
pub mod figures;
pub(crate) mod json;
mod risk;
mod solve;
mod summary;
mod sweep;
mod tornado;

pub use business_case::{Case, business_case_csv};
pub use business_case_md::business_case_markdown;
pub use csv::csv;
pub use document::{Column, columns, markdown};
pub use json::{calc_json, json};
pub use risk::{risk_json, risk_text};
pub use solve::{solve_json, solve_text};
pub use summary::{npv_label, party_name, summary, table, table_left, wrap};
pub use sweep::{SweepRow, sweep, sweep_csv};
pub use tornado::{tornado_json, tornado_text};

/// The widest line of the printed risk, tornado and goal-seek texts.
pub const TEXT_WIDTH: usize = 100;

/// The most variants a report or comparison shows beside the base.
pub const MAX_VARIANTS: usize = 4;
