//! The annex as Markdown.

use std::fmt::Write;

use super::{Annex, Block, one_line};
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
                let hashes = "#".repeat(usize::from(*level));
                let _ = writeln!(out, "{hashes} {}\n", one_line(text));
            }
            Block::Clause { number, text } => {
                let _ = writeln!(out, "**{number}** {}\n", one_line(text));
            }
            Block::Text(text) => {
                let _ = writeln!(out, "{}\n", one_line(text));
            }
            Block::Table { header, rows } => {
                let line = |r: &Vec<String>| r.iter().map(|c| one_line(c)).collect::<Vec<_>>();
                let rows: Vec<Vec<String>> = rows.iter().map(line).collect();
                md_table_aligned(&mut out, &line(header), &rows, header.len() > 2)
            }
        }
    }
    format::sanitize(out.trim_end()).into_owned() + "\n"
}
