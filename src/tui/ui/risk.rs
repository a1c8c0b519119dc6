//! The risk-sharing table (each party's result at 0, 50, 100 and 150 % of
//! the target) and the risk screen (2): payoff chart, payments per period
//! and the table, with the selected lever steerable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;

use super::figures::{self, MoneyText};
use super::text::{left, right, truncate, width};
use super::{charts, levers};
use crate::format;
use crate::i18n;
use crate::i18n::glossary::Term;
use crate::levers::Target;
use crate::model::RiskRow;
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// One row: label and a cell per achievement (text, negative).
struct TableRow {
    label: String,
    cells: Vec<(String, bool)>,
    total: bool,
    term: Term,
}

/// How the table writes money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cells {
    /// As the key figures: `4,2 mill. kr`, or bare (`4,2 mill.`) when the
    /// title names the currency.
    Short { bare: bool },
    /// Every amount in millions with one decimal (`4,2`, `0,4`), the title
    /// saying so: for terminals too narrow for the short form.
    Millions,
}

impl Cells {
    fn text(self, lang: crate::format::Lang, currency: &str, v: Decimal) -> String {
        match self {
            Cells::Short { bare } => MoneyText {
                lang,
                currency,
                bare,
            }
            .text(v),
            Cells::Millions => format::number(lang, v / Decimal::from(1_000_000), 1),
        }
    }

    /// The widest amount this form can write (see [`figures::money_width`]).
    fn money_width(self, lang: crate::format::Lang, currency: &str) -> usize {
        match self {
            Cells::Short { bare } => figures::money_width(&MoneyText {
                lang,
                currency,
                bare,
            }),
            Cells::Millions => width(&self.text(lang, currency, Decimal::from(-99_949_999))),
        }
    }
}

/// A value of the risk table's rows.
pub type RowValue = fn(&RiskRow) -> Decimal;

/// The risk table's money rows: outcome payments, then each party the
/// scenario can have — by the scenario, not by the values now, so rows do
/// not come and go while a lever moves.
pub fn party_rows(doc: &Document) -> Vec<(Term, RowValue)> {
    let b = &doc.base;
    let has_guarantor = b.investment.first_loss > Decimal::ZERO
        || b.parties.guarantor.is_some()
        || doc.levers.iter().any(|l| l.target == Target::FirstLoss);
    let mut rows: Vec<(Term, RowValue)> = vec![
        (Term::OutcomePayments, |r| r.outcome_payments),
        (Term::Payer, |r| r.payer.net),
    ];
    if figures::shows_cofunder(doc) {
        rows.push((Term::Cofunder, |r| r.cofunder.net));
    }
    rows.push((Term::Investor, |r| r.investor.net));
    rows.push((Term::Provider, |r| r.provider.net));
    if has_guarantor {
        rows.push((Term::Guarantor, |r| r.guarantor.net));
    }
    rows.push((Term::PublicOther, |r| r.public_other.net));
    rows
}

/// A row's label: the party's name (the glossary's, as everywhere).
pub fn row_label(lang: crate::format::Lang, term: Term) -> &'static str {
    crate::i18n::glossary::name(lang, term)
}

fn table(doc: &Document, view: &View, cells: Cells) -> (Vec<String>, Vec<TableRow>) {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let currency = &doc.current.info.currency;
    let risk = &doc.computed.risk;
    let header: Vec<String> = risk
        .iter()
        .map(|r| format::percent(lang, r.achievement, 0))
        .collect();
    let cell = |v: Decimal| (cells.text(lang, currency, v), v < Decimal::ZERO);
    let mut rows: Vec<TableRow> = party_rows(doc)
        .into_iter()
        .map(|(term, get)| TableRow {
            label: row_label(lang, term).to_string(),
            cells: risk.iter().map(|r| cell(get(r))).collect(),
            total: term == Term::OutcomePayments,
            term,
        })
        .collect();
    // Several IRRs are marked `*` (explained under the table).
    rows.push(TableRow {
        label: i18n::tui(lang).risk_irr.to_string(),
        cells: risk
            .iter()
            .map(|r| {
                let irr = &r.investor_irr;
                let text = match irr.headline {
                    None => t.no_irr.to_string(),
                    Some(v) if irr.roots.len() > 1 => format!("{}*", format::percent(lang, v, 1)),
                    Some(v) => format::percent(lang, v, 1),
                };
                (text, irr.headline.is_some_and(|v| v < Decimal::ZERO))
            })
            .collect(),
        total: false,
        term: Term::InvestorIrr,
    });
    (header, rows)
}

/// The rows' terms, for pointing at them (`i`).
pub fn terms(doc: &Document, view: &View) -> Vec<Term> {
    table(doc, view, Cells::Millions)
        .1
        .iter()
        .map(|r| r.term)
        .collect()
}

/// The label column (by the labels) and the cell width (the widest money
/// or IRR the format can write: by the language, never the values).
fn widths(
    doc: &Document,
    view: &View,
    header: &[String],
    rows: &[TableRow],
    cells: Cells,
) -> (usize, usize) {
    let first = i18n::texts(view.lang).achievement;
    let label_w = rows
        .iter()
        .map(|r| width(&r.label))
        .chain([width(first)])
        .max()
        .unwrap_or(0);
    let cell_w = cells
        .money_width(view.lang, &doc.current.info.currency)
        .max(figures::percent_width(view.lang) + 1)
        .max(header.iter().map(|h| width(h)).max().unwrap_or(0));
    (label_w, cell_w)
}

/// Columns the table would like, borders included.
pub fn wanted_width(doc: &Document, view: &View, compact: bool) -> u16 {
    let cells = Cells::Short { bare: compact };
    let (header, rows) = table(doc, view, cells);
    let (label_w, cell_w) = widths(doc, view, &header, &rows, cells);
    (1 + label_w + header.len() * (cell_w + 2) + 1 + 2) as u16
}

/// Fewest cells a row label keeps before amounts go to millions.
const LABEL_MIN: usize = 12;

/// How money fits at `inner_w` columns: the short form when the labels
/// keep [`LABEL_MIN`] cells beside it, else millions.
fn cells_for(doc: &Document, view: &View, inner_w: u16, compact: bool) -> Cells {
    let short = Cells::Short { bare: compact };
    let (header, rows) = table(doc, view, short);
    let (_, cell_w) = widths(doc, view, &header, &rows, short);
    let need = 1 + LABEL_MIN + header.len() * (cell_w + 2) + 1;
    if need <= inner_w as usize {
        short
    } else {
        Cells::Millions
    }
}

/// Rows the table takes inside its panel.
pub fn rows_needed(doc: &Document, view: &View) -> u16 {
    table(doc, view, Cells::Millions).1.len() as u16 + 1
}

/// Draws the table into `inner` (no block).
pub fn draw_table(
    doc: &Document,
    view: &View,
    inner: Rect,
    compact: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let cells = cells_for(doc, view, inner.width, compact);
    let (header, rows) = table(doc, view, cells);
    let first = i18n::texts(view.lang).achievement;
    let (label_w, cell_w) = widths(doc, view, &header, &rows, cells);
    let avail = inner.width.saturating_sub(1) as usize;
    // Cells keep their full width; the label gives way if it must.
    let label_w = label_w.min(avail.saturating_sub(header.len() * (cell_w + 2)));
    let now = doc.current.assumptions.achievement;
    let x = inner.x + 1;
    let mut y = inner.y;
    if y >= inner.bottom() {
        return;
    }
    buf.set_string(
        x,
        y,
        left(&truncate(first, label_w), label_w),
        theme.table_header,
    );
    for (i, h) in header.iter().enumerate() {
        let cx = x + (label_w + i * (cell_w + 2) + 2) as u16;
        let at_now = doc
            .computed
            .risk
            .get(i)
            .is_some_and(|r| r.achievement == now);
        let style = if at_now {
            theme.table_header.patch(theme.selected)
        } else {
            theme.table_header
        };
        buf.set_string(cx, y, right(h, cell_w), style);
    }
    y += 1;
    for r in &rows {
        if y >= inner.bottom() {
            break;
        }
        let style = if r.total { theme.total } else { theme.label };
        let style = if view.pointed == Some(r.term) {
            buf.set_string(inner.x, y, "▶", theme.selected);
            theme.selected
        } else {
            style
        };
        buf.set_string(x, y, truncate(&r.label, label_w), style);
        for (i, (c, negative)) in r.cells.iter().enumerate() {
            let cx = x + (label_w + i * (cell_w + 2) + 2) as u16;
            let st = if *negative {
                theme.negative
            } else {
                theme.value
            };
            buf.set_string(cx, y, right(c, cell_w), st);
        }
        y += 1;
    }
    let several = doc
        .computed
        .risk
        .iter()
        .any(|r| r.investor_irr.roots.len() > 1);
    if several && y < inner.bottom() {
        let note = format!("* {}", i18n::texts(view.lang).several_irrs);
        buf.set_string(x, y, note, theme.muted);
    }
}

/// The table in its panel.
pub fn render_table(
    doc: &Document,
    view: &View,
    area: Rect,
    compact: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let u = i18n::tui(view.lang);
    let block = super::panel("", compact, theme);
    let inner = block.inner(area);
    let currency = &doc.current.info.currency;
    let title = match cells_for(doc, view, inner.width, compact) {
        Cells::Millions => i18n::tui_text::in_millions(view.lang, u.risk_title, currency),
        Cells::Short { bare: true } => {
            i18n::tui_text::in_currency(view.lang, u.risk_title, currency)
        }
        Cells::Short { bare: false } => u.risk_title.to_string(),
    };
    let block = super::panel(&title, compact, theme);
    block.render(area, buf);
    draw_table(doc, view, inner, compact, buf, theme);
}

/// Rows a screen keeps for the model's warnings, by its height alone.
pub fn warning_rows(height: u16) -> u16 {
    (height / 10).clamp(1, 4)
}

/// Screen 2: the selected lever on top, then the charts and the table.
pub fn render_screen(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let compact = body.width < 120 || body.height < 34;
    let lever_line = Rect { height: 1, ..body };
    levers::selected_line(doc, view, lever_line, buf, theme);
    let warnings = figures::warning_lines(doc, view, body.width.saturating_sub(2) as usize);
    // Rows kept for warnings by the size alone, so the charts do not
    // jump when one appears.
    let warn_h = warning_rows(body.height);
    let table_h = rows_needed(doc, view) + if compact { 1 } else { 2 };
    let rest = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1 + warn_h),
        ..body
    };
    let table_w = wanted_width(doc, view, compact).min(rest.width);
    let table_r = Rect {
        y: rest.bottom().saturating_sub(table_h),
        height: table_h.min(rest.height),
        width: if compact { rest.width } else { table_w },
        ..rest
    };
    let charts_r = Rect {
        height: rest.height.saturating_sub(table_h),
        ..rest
    };
    render_table(doc, view, table_r, compact, buf, theme);
    if !compact && rest.width > table_w + 30 {
        // Payments per period beside the table.
        let r = Rect {
            x: table_r.right(),
            width: rest.width - table_w,
            ..table_r
        };
        charts::payments(doc, view, r, compact, buf, theme);
    }
    charts::payoff(doc, view, charts_r, compact, buf, theme);
    for (i, line) in warnings.iter().take(warn_h as usize).enumerate() {
        let y = rest.bottom() + i as u16;
        buf.set_stringn(body.x + 1, y, line, body.width as usize - 1, theme.warning);
    }
}
