//! The workbook as data before it is written: sheets of lines, each value
//! cell a formula with the value the model gives it (cached in the file),
//! references between rows, and the one place that talks to
//! `rust_xlsxwriter`.

use std::borrow::Cow;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, DataValidation, Format, FormatBorder, Formula, Workbook, XlsxError};

use crate::format::Lang;

/// The first column of values (`C`): column A holds the label, B the unit.
pub(super) const FIRST: u16 = 2;

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Val {
    Num(Decimal),
    /// A rate found by iteration (the IRR).
    Real(f64),
    Text(String),
    /// Nothing (an IRR that does not exist, a cap that is not there).
    Blank,
}

impl Val {
    /// The number, or 0 for text and blanks.
    pub(super) fn num(&self) -> Decimal {
        match self {
            Val::Num(d) => *d,
            _ => Decimal::ZERO,
        }
    }
}

/// A value cell: an input (no formula) or a formula with its value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    pub formula: Option<String>,
    pub val: Val,
}

impl Cell {
    pub(super) fn formula(formula: impl Into<String>, value: Decimal) -> Cell {
        Cell {
            formula: Some(formula.into()),
            val: Val::Num(value),
        }
    }

    pub(super) fn formula_val(formula: impl Into<String>, val: Val) -> Cell {
        Cell {
            formula: Some(formula.into()),
            val,
        }
    }

    pub(super) fn constant(value: Decimal) -> Cell {
        Cell {
            formula: None,
            val: Val::Num(value),
        }
    }

    pub(super) fn text(text: impl Into<String>) -> Cell {
        Cell {
            formula: None,
            val: Val::Text(text.into()),
        }
    }
}

/// How a value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Money,
    /// Units, levels, improvements: up to six decimals.
    Number,
    /// Shares and annual rates.
    Percent,
    /// Per-period rates, factors, the money multiple.
    Fine,
    Integer,
    Text,
}

/// One line of a sheet.
#[derive(Debug, Clone)]
pub(super) enum Line {
    Title(String),
    Blank,
    /// Bold texts from column A on.
    Heading(Vec<String>),
    /// A free text in column A.
    Note(String),
    Row(Row),
}

/// A labelled row of values from column C; `note` follows the values.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub label: String,
    pub unit: String,
    pub cells: Vec<Option<Cell>>,
    pub style: Style,
    /// Styled as an input a reader may change.
    pub input: bool,
    /// A defined name for the first value cell.
    pub name: Option<String>,
    pub note: String,
    /// Allowed texts of an input (a list validation).
    pub choices: Vec<&'static str>,
}

impl Row {
    pub(super) fn new(label: impl Into<String>, style: Style, cells: Vec<Option<Cell>>) -> Row {
        Row {
            label: label.into(),
            unit: String::new(),
            cells,
            style,
            input: false,
            name: None,
            note: String::new(),
            choices: Vec::new(),
        }
    }

    pub(super) fn unit(mut self, unit: impl Into<String>) -> Row {
        self.unit = unit.into();
        self
    }
}

/// Where a row is: its sheet and its line (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct At {
    pub sheet: String,
    pub row: u32,
}

impl At {
    /// The cell of value column `i` (0 = column C), as a formula on sheet
    /// `here` refers to it.
    pub(super) fn cell(&self, here: &str, i: usize) -> String {
        format!("{}{}{}", self.prefix(here), column(i), self.row + 1)
    }

    /// The cells of value columns `from..=to` of the row.
    pub(super) fn range(&self, here: &str, from: usize, to: usize) -> String {
        format!(
            "{}{}{}:{}{}",
            self.prefix(here),
            column(from),
            self.row + 1,
            column(to),
            self.row + 1
        )
    }

    /// The absolute address, for a defined name.
    pub(super) fn absolute(&self, i: usize) -> String {
        format!("{}!${}${}", quote(&self.sheet), column(i), self.row + 1)
    }

    fn prefix(&self, here: &str) -> String {
        if self.sheet == here {
            String::new()
        } else {
            format!("{}!", quote(&self.sheet))
        }
    }
}

/// A row and the values of its cells (0 where there is no cell).
#[derive(Debug, Clone)]
pub(super) struct Series {
    pub at: At,
    pub v: Vec<Decimal>,
}

impl Series {
    pub(super) fn cell(&self, here: &str, i: usize) -> String {
        self.at.cell(here, i)
    }
}

/// The letters of value column `i` (0 = C).
pub(super) fn column(i: usize) -> String {
    let mut n = i + FIRST as usize + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A sheet name as a formula writes it.
fn quote(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// One sheet.
#[derive(Debug, Clone)]
pub(super) struct Sheet {
    pub name: String,
    pub lines: Vec<Line>,
    pub hidden: bool,
}

impl Sheet {
    pub(super) fn new(name: &str) -> Sheet {
        Sheet {
            name: name.to_string(),
            lines: Vec::new(),
            hidden: false,
        }
    }

    pub(super) fn next(&self) -> At {
        At {
            sheet: self.name.clone(),
            row: self.lines.len() as u32,
        }
    }

    pub(super) fn push(&mut self, line: Line) -> At {
        let at = self.next();
        self.lines.push(line);
        at
    }

    pub(super) fn row(&mut self, row: Row) -> Series {
        let v = row
            .cells
            .iter()
            .map(|c| c.as_ref().map_or(Decimal::ZERO, |c| c.val.num()))
            .collect();
        Series {
            at: self.push(Line::Row(row)),
            v,
        }
    }

    /// A row of one value in column C.
    pub(super) fn scalar(&mut self, label: impl Into<String>, style: Style, cell: Cell) -> Series {
        self.row(Row::new(label, style, vec![Some(cell)]))
    }
}

/// Whether formulas carry the model's values (the file effekt writes) or
/// 0 everywhere (so a test proves a spreadsheet engine computed them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    Values,
    Zeros,
}

/// Writes the sheets, in order, with their defined names.
pub(super) fn write(
    sheets: &[Sheet],
    lang: Lang,
    currency: &str,
    cache: Cache,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let styles = Styles::new(lang, currency);
    let mut names = Vec::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)?;
        ws.set_hidden(sheet.hidden);
        ws.set_column_width(0, 46)?;
        ws.set_column_width(1, 16)?;
        let widest = sheet
            .lines
            .iter()
            .map(|l| match l {
                Line::Row(r) => r.cells.len() + 1,
                Line::Heading(h) => h.len(),
                _ => 0,
            })
            .max()
            .unwrap_or(0);
        for i in 0..widest {
            ws.set_column_width(FIRST + i as u16, 17)?;
        }
        for (r, line) in sheet.lines.iter().enumerate() {
            let r = r as u32;
            match line {
                Line::Title(t) => {
                    ws.write_string_with_format(r, 0, clean(t), &styles.title)?;
                }
                Line::Blank => {}
                Line::Note(t) => {
                    ws.write_string(r, 0, clean(t))?;
                }
                Line::Heading(h) => {
                    for (c, t) in h.iter().enumerate() {
                        ws.write_string_with_format(r, c as u16, clean(t), &styles.heading)?;
                    }
                }
                Line::Row(row) => {
                    ws.write_string(r, 0, clean(&row.label))?;
                    if !row.unit.is_empty() {
                        ws.write_string_with_format(r, 1, clean(&row.unit), &styles.unit)?;
                    }
                    for (i, cell) in row.cells.iter().enumerate() {
                        let Some(cell) = cell else { continue };
                        let c = FIRST + i as u16;
                        let format = styles.of(row.style, row.input);
                        match (&cell.formula, &cell.val) {
                            (Some(f), val) => {
                                let result = match (cache, val) {
                                    (Cache::Zeros, _) => "0".to_string(),
                                    (_, Val::Num(d)) => d.normalize().to_string(),
                                    (_, Val::Real(x)) => format!("{x}"),
                                    (_, Val::Text(t)) => clean(t).into_owned(),
                                    (_, Val::Blank) => String::new(),
                                };
                                let formula = Formula::new(format!("={f}")).set_result(result);
                                ws.write_formula_with_format(r, c, formula, format)?;
                            }
                            (None, Val::Num(d)) => {
                                let x = d.to_string().parse::<f64>().unwrap_or(0.0);
                                ws.write_number_with_format(r, c, x, format)?;
                            }
                            (None, Val::Real(x)) => {
                                ws.write_number_with_format(r, c, *x, format)?;
                            }
                            (None, Val::Text(t)) => {
                                ws.write_string_with_format(r, c, clean(t), format)?;
                            }
                            (None, Val::Blank) => {
                                ws.write_blank(r, c, format)?;
                            }
                        }
                    }
                    if !row.choices.is_empty() {
                        let v = DataValidation::new().allow_list_strings(&row.choices)?;
                        ws.add_data_validation(r, FIRST, r, FIRST, &v)?;
                    }
                    if !row.note.is_empty() {
                        let c = FIRST + row.cells.len() as u16;
                        ws.write_string_with_format(r, c, clean(&row.note), &styles.unit)?;
                    }
                    if let Some(name) = &row.name {
                        let at = At {
                            sheet: sheet.name.clone(),
                            row: r,
                        };
                        names.push((name.clone(), at.absolute(0)));
                    }
                }
            }
        }
    }
    for (name, address) in names {
        book.define_name(name, &format!("={address}"))?;
    }
    book.save_to_buffer()
}

/// Text from a scenario made safe as in every report (control characters
/// and bidirectional overrides replaced).
fn clean(text: &str) -> Cow<'_, str> {
    crate::format::sanitize(text)
}

/// The cell formats, by language.
struct Styles {
    title: Format,
    heading: Format,
    unit: Format,
    formats: Vec<(Style, bool, Format)>,
}

impl Styles {
    fn new(lang: Lang, currency: &str) -> Styles {
        let money = match (lang, currency) {
            (Lang::Nb, "NOK") => "#,##0.00\\ \"kr\"".to_string(),
            (Lang::Nb, c) => format!("#,##0.00\\ \"{c}\""),
            (Lang::En, c) => format!("\"{c} \"#,##0.00"),
        };
        let code = |style: Style| -> String {
            match style {
                Style::Money => money.clone(),
                Style::Number => "#,##0.######".to_string(),
                Style::Percent => "0.00##%".to_string(),
                Style::Fine => "0.0000000000".to_string(),
                Style::Integer => "0".to_string(),
                Style::Text => "@".to_string(),
            }
        };
        let mut formats = Vec::new();
        for style in [
            Style::Money,
            Style::Number,
            Style::Percent,
            Style::Fine,
            Style::Integer,
            Style::Text,
        ] {
            for input in [false, true] {
                let mut f = Format::new().set_num_format(code(style));
                if input {
                    f = f
                        .set_background_color(Color::RGB(0xFFF2CC))
                        .set_font_color(Color::RGB(0x1F4E79))
                        .set_border(FormatBorder::Thin)
                        .set_border_color(Color::RGB(0xBF9000));
                }
                formats.push((style, input, f));
            }
        }
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            heading: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2)),
            unit: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x595959)),
            formats,
        }
    }

    fn of(&self, style: Style, input: bool) -> &Format {
        self.formats
            .iter()
            .find(|(s, i, _)| *s == style && *i == input)
            .map(|(_, _, f)| f)
            .unwrap_or(&self.formats[0].2)
    }
}
