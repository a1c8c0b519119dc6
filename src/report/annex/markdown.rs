//! The annex as Markdown.

use std::fmt::Write;

use super::{Annex, Block};
use crate::format;
use crate::report::document::md_table_aligned;

/// The annex as Markdown: `#` headings, clauses as `**3.1** text`, tables
/// with the numbers right-aligned. No control character from a scenario's
/// texts reaches it.
pub fn markdown(annex: &Annex) -> String {
    let mut out = String::new();
    for block in &annex.blocks {
        match block {
            Block::Heading { level, text } => {
                let _ = writeln!(out, "{} {text}\n", "#".repeat(usize::from(*level)));
            }
            Block::Clause { number, text } => {
                let _ = writeln!(out, "**{number}** {text}\n");
            }
            Block::Text(text) => {
                let _ = writeln!(out, "{text}\n");
            }
            Block::Table { header, rows } => {
                md_table_aligned(&mut out, header, rows, header.len() > 2)
            }
        }
    }
    format::sanitize(out.trim_end()).into_owned() + "\n"
}
