//! The cash-flow screen (3): every party's flow per time point τ = 0..T,
//! the sums and NPVs pinned below, the run's totals beside (or below).
//! Rows scroll with ↑/↓, party columns with ←/→ when they do not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;

use super::text::{right, truncate, width};
use crate::format;
use crate::i18n::{self, tui_text};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

struct Table {
    header: Vec<String>,
    /// τ rows: label and a cell per column.
    rows: Vec<(String, Vec<Decimal>)>,
    /// Sum and NPV rows (NPV has no outcome-payments cell).
    totals: Vec<(String, Vec<Option<Decimal>>)>,
    widths: Vec<usize>,
    first_w: usize,
}

fn table(doc: &Document, view: &View) -> Table {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let e = &doc.computed.figures.evaluation;
    let f = &e.run.flows;
    let parties: [(&str, &[Decimal]); 6] = [
        (t.payer, &f.payer),
        (t.cofunder, &f.cofunder),
        (t.investor, &f.investor),
        (t.provider, &f.provider),
        (t.guarantor, &f.guarantor),
        (t.public_other, &f.public_other),
    ];
    let mut header = vec![t.outcome_payments.to_string()];
    header.extend(parties.iter().map(|(n, _)| n.to_string()));
    let periods = doc.current.timeline.periods;
    let rows: Vec<(String, Vec<Decimal>)> = (0..=periods)
        .map(|tau| {
            let payment = match tau {
                0 => Decimal::ZERO,
                k => e
                    .run
                    .outcome_payments
                    .get(k - 1)
                    .copied()
                    .unwrap_or_default(),
            };
            let mut cells = vec![payment];
            cells.extend(
                parties
                    .iter()
                    .map(|(_, v)| v.get(tau).copied().unwrap_or_default()),
            );
            (tau.to_string(), cells)
        })
        .collect();
    let nets = e.party_figures();
    let mut sum = vec![Some(e.run.totals.outcome_payments)];
    sum.extend(nets.iter().map(|p| Some(p.net)));
    let mut npv = vec![None];
    npv.extend(nets.iter().map(|p| Some(p.npv)));
    let totals = vec![
        (t.total.to_string(), sum),
        (crate::report::npv_label(lang, &doc.current), npv),
    ];
    let num = |d: Decimal| format::number(lang, d, 0);
    let widths = (0..header.len())
        .map(|c| {
            rows.iter()
                .map(|(_, cells)| width(&num(cells[c])))
                .chain(
                    totals
                        .iter()
                        .filter_map(|(_, cells)| cells[c].map(|d| width(&num(d)))),
                )
                .chain([width(&header[c])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let first_w = totals
        .iter()
        .map(|(l, _)| width(l))
        .chain([width(t.period), width(&periods.to_string())])
        .max()
        .unwrap_or(0);
    Table {
        header,
        rows,
        totals,
        widths,
        first_w,
    }
}

/// The run's totals as (label, amount) lines.
fn totals_list(doc: &Document, view: &View) -> Vec<(String, String)> {
    let t = i18n::texts(view.lang);
    let tot = &doc.computed.figures.evaluation.run.totals;
    let money = |d| format::money(view.lang, &doc.current.info.currency, d);
    vec![
        (t.outcome_payments.into(), money(tot.outcome_payments)),
        (t.guaranteed_payments.into(), money(tot.guaranteed_payments)),
        (t.delivery_cost.into(), money(tot.delivery_cost)),
        (t.drawn.into(), money(tot.drawn)),
        (t.investor_received.into(), money(tot.investor_received)),
        (t.guarantee_paid.into(), money(tot.guarantee_paid)),
        (t.provider_bonus.into(), money(tot.provider_bonus)),
        (t.refunded.into(), money(tot.refunded)),
        (t.value.into(), money(tot.value)),
    ]
}

fn totals_width(list: &[(String, String)]) -> usize {
    list.iter()
        .map(|(l, v)| width(l) + 2 + width(v))
        .max()
        .unwrap_or(0)
}

/// How many columns the totals take below the table.
fn totals_columns(list: &[(String, String)], w: u16, compact: bool) -> usize {
    if compact {
        (w as usize / (totals_width(list) + 3)).clamp(1, 3)
    } else {
        1
    }
}

/// Where the table and the totals go.
struct Layout {
    compact: bool,
    table: Rect,
    totals: Option<Rect>,
    /// τ rows that fit.
    visible_rows: usize,
    /// Largest useful column offset.
    max_col: usize,
}

fn layout(doc: &Document, view: &View, body: Rect) -> Layout {
    let tb = table(doc, view);
    let list = totals_list(doc, view);
    let table_w: usize = tb.first_w + tb.widths.iter().map(|w| w + 2).sum::<usize>() + 4;
    let side_w = totals_width(&list) + 4;
    let compact = body.width < 100 || body.height < 28;
    let side = !compact && body.width as usize >= table_w + side_w;
    let chrome = if compact { 1 } else { 2 };
    let mut table_r = body;
    let mut totals = None;
    if side {
        table_r.width = table_w as u16;
        totals = Some(Rect {
            x: body.x + table_w as u16,
            width: body.width - table_w as u16,
            ..body
        });
    } else {
        let rows_h = (tb.rows.len() + tb.totals.len() + 2) as u16 + chrome;
        let cols = totals_columns(&list, body.width, compact);
        let below = list.len().div_ceil(cols) as u16 + chrome;
        if body.height >= rows_h + below {
            table_r.height = body.height - below;
            totals = Some(Rect {
                y: body.y + table_r.height,
                height: below,
                ..body
            });
        }
    }
    let inner_h = table_r.height.saturating_sub(chrome) as usize;
    let visible_rows = inner_h.saturating_sub(1 + tb.totals.len());
    // Columns from `k` on fit when their widths do.
    let inner_w = table_r.width.saturating_sub(if compact { 0 } else { 2 }) as usize;
    let room = inner_w.saturating_sub(tb.first_w + 3);
    let mut max_col = tb.widths.len().saturating_sub(1);
    let mut used = 0;
    for (k, w) in tb.widths.iter().enumerate().rev() {
        used += w + 2;
        if used > room {
            break;
        }
        max_col = k;
    }
    Layout {
        compact,
        table: table_r,
        totals,
        visible_rows,
        max_col,
    }
}

fn body_of(view: &View) -> Rect {
    let area = Rect::new(0, 0, view.size.0, view.size.1);
    super::frame_areas(area).1
}

/// Largest row and column scroll positions at the view's size.
pub fn max_scroll(doc: &Document, view: &View) -> (usize, usize) {
    let l = layout(doc, view, body_of(view));
    let rows = (doc.current.timeline.periods + 1).saturating_sub(l.visible_rows);
    (rows, l.max_col)
}

pub fn render(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = view.lang;
    let u = i18n::tui(lang);
    let t = i18n::texts(lang);
    let l = layout(doc, view, body);
    let tb = table(doc, view);
    let title = format!(
        "{} ({})",
        tui_text::in_currency(lang, t.flows, &doc.current.info.currency),
        u.flows_note
    );
    let block = super::panel(&title, l.compact, theme);
    let inner = block.inner(l.table);
    block.render(l.table, buf);
    let (max_rows, _) = max_scroll(doc, view);
    let row0 = view.scroll.flows_row.min(max_rows);
    let col0 = view.scroll.flows_col.min(l.max_col);
    let num = |d: Decimal| format::number(lang, d, 0);
    let x0 = inner.x + 1;
    // Columns that fit from col0.
    let mut xs = Vec::new();
    let mut x = x0 + tb.first_w as u16 + 2;
    for (c, w) in tb.widths.iter().enumerate().skip(col0) {
        if x + *w as u16 > inner.right() {
            break;
        }
        xs.push((c, x, *w));
        x += *w as u16 + 2;
    }
    let hidden_right = xs.last().is_some_and(|(c, _, _)| *c + 1 < tb.widths.len());
    let mut y = inner.y;
    buf.set_string(x0, y, truncate(t.period, tb.first_w), theme.table_header);
    for (c, x, w) in &xs {
        buf.set_string(*x, y, right(&tb.header[*c], *w), theme.table_header);
    }
    if col0 > 0 {
        buf.set_string(x0 + tb.first_w as u16 + 1, y, "◀", theme.key);
    }
    if hidden_right && inner.width > 0 {
        buf.set_string(inner.right() - 1, y, "▶", theme.key);
    }
    y += 1;
    for (label, cells) in tb.rows.iter().skip(row0).take(l.visible_rows) {
        buf.set_string(x0, y, right(label, tb.first_w), theme.muted);
        for (c, x, w) in &xs {
            let v = cells[*c];
            let style = theme.number(v < Decimal::ZERO);
            let style = if v.is_zero() { theme.muted } else { style };
            buf.set_string(*x, y, right(&num(v), *w), style);
        }
        y += 1;
    }
    let more = tb.rows.len().saturating_sub(row0 + l.visible_rows);
    if row0 > 0 || more > 0 {
        let note = format!(
            "{}–{} / {}",
            row0,
            (row0 + l.visible_rows).min(tb.rows.len()) - 1,
            tb.rows.len() - 1
        );
        let nx = inner.right().saturating_sub(width(&note) as u16 + 1);
        if y < inner.bottom() {
            buf.set_string(nx, y.min(inner.bottom() - 1), note, theme.muted);
        }
    }
    // Sums right under the rows when all fit, else pinned to the bottom.
    let y_tot = if more == 0 && row0 == 0 {
        (y + 1).min(inner.bottom().saturating_sub(tb.totals.len() as u16))
    } else {
        inner.bottom().saturating_sub(tb.totals.len() as u16)
    };
    for (k, (label, cells)) in tb.totals.iter().enumerate() {
        let y = y_tot + k as u16;
        buf.set_string(x0, y, truncate(label, tb.first_w), theme.total);
        for (c, x, w) in &xs {
            if let Some(v) = cells[*c] {
                buf.set_string(
                    *x,
                    y,
                    right(&num(v), *w),
                    theme.number(v < Decimal::ZERO).patch(theme.total),
                );
            }
        }
    }
    if let Some(r) = l.totals {
        let block = super::panel(u.totals, l.compact, theme);
        let inner = block.inner(r);
        block.render(r, buf);
        let list = totals_list(doc, view);
        let lw = list.iter().map(|(a, _)| width(a)).max().unwrap_or(0);
        let vw = list.iter().map(|(_, b)| width(b)).max().unwrap_or(0);
        let col_w = lw + 2 + vw;
        let cols = totals_columns(&list, r.width, l.compact);
        let per_col = list.len().div_ceil(cols);
        for (i, (label, value)) in list.iter().enumerate() {
            let cx = inner.x + 1 + ((i / per_col) * (col_w + 3)) as u16;
            let y = inner.y + (i % per_col) as u16;
            if y >= inner.bottom() || cx + col_w as u16 > inner.right() {
                continue;
            }
            buf.set_string(cx, y, label, theme.label);
            buf.set_string(cx + (lw + 2) as u16, y, right(value, vw), theme.value);
        }
    }
}
