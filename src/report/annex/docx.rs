//! The annex as a Word document (`.docx`, with `docx-rs`), since that is
//! what procurement edits: real heading styles, clause numbers as text a
//! lawyer can renumber, tables with a header row.

use docx_rs::{
    AlignmentType, Docx, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::{Annex, Block, one_line};
use crate::format;

/// Text from a scenario, without the control characters XML cannot hold.
fn clean(text: &str) -> String {
    one_line(&format::sanitize(text))
}

fn heading_style(id: &str, name: &str, size: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .size(size)
        .bold()
        .outline_lvl(level)
}

fn cell(text: &str, bold: bool, right: bool) -> TableCell {
    let mut run = Run::new().add_text(clean(text));
    if bold {
        run = run.bold();
    }
    let mut p = Paragraph::new().add_run(run);
    if right {
        p = p.align(AlignmentType::Right);
    }
    TableCell::new().add_paragraph(p)
}

/// The annex as the bytes of a `.docx` file.
pub fn docx(annex: &Annex) -> std::io::Result<Vec<u8>> {
    let mut doc = Docx::new()
        .add_style(heading_style("Title", "Title", 36, 0))
        .add_style(heading_style("Heading1", "heading 1", 32, 0))
        .add_style(heading_style("Heading2", "heading 2", 28, 1))
        .add_style(heading_style("Heading3", "heading 3", 24, 2));
    for block in &annex.blocks {
        match block {
            Block::Heading { level, text } => {
                let style = match level {
                    1 => "Title",
                    2 => "Heading1",
                    _ => "Heading2",
                };
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(clean(text))),
                );
            }
            Block::Clause { number, text } => {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(format!("{number} ")).bold())
                        .add_run(Run::new().add_text(clean(text))),
                );
            }
            Block::Text(text) => {
                doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(clean(text))));
            }
            Block::Table { header, rows } => {
                let numeric = header.len() > 2;
                let row = |cells: &[String], bold: bool| {
                    TableRow::new(
                        cells
                            .iter()
                            .enumerate()
                            .map(|(i, c)| cell(c, bold, numeric && i > 0))
                            .collect(),
                    )
                };
                let table = Table::new(
                    std::iter::once(row(header, true))
                        .chain(rows.iter().map(|r| row(r, false)))
                        .collect(),
                )
                .width(5000, WidthType::Pct);
                doc = doc.add_table(table).add_paragraph(Paragraph::new());
            }
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(std::io::Error::other)?;
    Ok(bytes.into_inner())
}
