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
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// One row: label and a cell per achievement (text, negative).
struct TableRow {
    label: String,
    cells: Vec<(String, bool)>,
    total: bool,
}

fn table(doc: &Document, view: &View, compact: bool) -> (Vec<String>, Vec<TableRow>) {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let money = MoneyText {
        lang,
        currency: &doc.current.info.currency,
        bare: compact,
    };
    let risk = &doc.computed.risk;
    let header: Vec<String> = risk
        .iter()
        .map(|r| format::percent(lang, r.achievement, 0))
        .collect();
    let cell = |v: Decimal| (money.text(v), v < Decimal::ZERO);
    let mut rows = vec![TableRow {
        label: t.outcome_payments.to_string(),
        cells: risk.iter().map(|r| cell(r.outcome_payments)).collect(),
        total: true,
    }];
    let s = &doc.current;
    let has_cofunder = s.payment.cofunder_share > Decimal::ZERO || s.parties.cofunder.is_some();
    let has_guarantor = s.investment.first_loss > Decimal::ZERO || s.parties.guarantor.is_some();
    let mut party = |label: &str, get: fn(&crate::model::RiskRow) -> Decimal| {
        rows.push(TableRow {
            label: label.to_string(),
            cells: risk.iter().map(|r| cell(get(r))).collect(),
            total: false,
        });
    };
    party(t.payer, |r| r.payer.net);
    if has_cofunder {
        party(t.cofunder, |r| r.cofunder.net);
    }
    party(t.investor, |r| r.investor.net);
    party(t.provider, |r| r.provider.net);
    if has_guarantor {
        party(t.guarantor, |r| r.guarantor.net);
    }
    party(t.public_other, |r| r.public_other.net);
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
    });
    (header, rows)
}

fn widths(header: &[String], rows: &[TableRow], first: &str) -> (usize, usize) {
    let label_w = rows
        .iter()
        .map(|r| width(&r.label))
        .chain([width(first)])
        .max()
        .unwrap_or(0);
    let cell_w = rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|(c, _)| width(c)))
        .chain(header.iter().map(|h| width(h)))
        .max()
        .unwrap_or(0);
    (label_w, cell_w)
}

/// Columns the table would like, borders included.
pub fn wanted_width(doc: &Document, view: &View, compact: bool) -> u16 {
    let (header, rows) = table(doc, view, compact);
    let first = i18n::texts(view.lang).achievement;
    let (label_w, cell_w) = widths(&header, &rows, first);
    (1 + label_w + header.len() * (cell_w + 2) + 1 + 2) as u16
}

/// Rows the table takes inside its panel.
pub fn rows_needed(doc: &Document, view: &View) -> u16 {
    table(doc, view, false).1.len() as u16 + 1
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
    let (header, rows) = table(doc, view, compact);
    let first = i18n::texts(view.lang).achievement;
    let (label_w, cell_w) = widths(&header, &rows, first);
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
    let title = if compact {
        i18n::tui_text::in_currency(view.lang, u.risk_title, &doc.current.info.currency)
    } else {
        u.risk_title.to_string()
    };
    let block = super::panel(&title, compact, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    draw_table(doc, view, inner, compact, buf, theme);
}

/// Screen 2: the selected lever on top, then the charts and the table.
pub fn render_screen(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let compact = body.width < 120 || body.height < 34;
    let lever_line = Rect { height: 1, ..body };
    levers::selected_line(doc, view, lever_line, buf, theme);
    let warnings = figures::warning_lines(doc, view, body.width.saturating_sub(2) as usize);
    let warn_h = (warnings.len() as u16).min(body.height / 4);
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
