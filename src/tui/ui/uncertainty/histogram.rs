//! The uncertainty screen's histogram: the distribution of one figure over
//! the Monte Carlo draws (`d` switches which), with P10/P50/P90 marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::Content;
use crate::format;
use crate::i18n::{self, tui_text};
use crate::risk::{Distribution, Simulation};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::ui::panel;
use crate::tui::ui::text::{right, width};
use crate::tui::view::{HistogramKind, View};

/// The histogram's distribution, its name and how its values read.
fn histogram_data<'a>(
    doc: &Document,
    view: &View,
    sim: &'a Simulation,
    wide: bool,
) -> (
    &'a Distribution,
    &'static str,
    Box<dyn Fn(Decimal) -> String + 'a>,
) {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let currency = doc.current.info.currency.clone();
    let money = move |v: Decimal| {
        if wide {
            format::money_short(lang, &currency, v)
        } else {
            format::money_short_bare(lang, v)
        }
    };
    match view.histogram {
        HistogramKind::OutcomePayments => (
            &sim.outcome_payments,
            t.fig_outcome_payments,
            Box::new(money),
        ),
        HistogramKind::InvestorNet => (&sim.investor_net, t.investor_net, Box::new(money)),
        HistogramKind::InvestorIrr => (
            &sim.investor_irr,
            t.fig_investor_irr,
            Box::new(move |v| format::percent(lang, v, 1)),
        ),
    }
}

fn histogram_title(doc: &Document, view: &View, wide: bool) -> String {
    let t = i18n::texts(view.lang);
    let u = i18n::tui(view.lang);
    let name = match view.histogram {
        HistogramKind::OutcomePayments => t.fig_outcome_payments,
        HistogramKind::InvestorNet => t.investor_net,
        HistogramKind::InvestorIrr => t.fig_investor_irr,
    };
    let base = format!("{}: {name} ({})", t.distribution_of, u.unc_histogram_hint);
    let money = view.histogram != HistogramKind::InvestorIrr;
    if money && !wide {
        tui_text::in_currency(view.lang, &base, &doc.current.info.currency)
    } else {
        base
    }
}

pub(super) fn draw(
    doc: &Document,
    view: &View,
    c: &Content,
    area: Rect,
    wide: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let title = histogram_title(doc, view, wide);
    let block = panel(&title, !wide, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(sim) = &c.sim else {
        return;
    };
    let (d, _, label) = histogram_data(doc, view, sim, wide);
    let h = &d.histogram;
    if d.count == 0 || h.counts.is_empty() || inner.height < 4 {
        return;
    }
    let lang = view.lang;
    // As wide as the widest share (100 %), so the chart does not move.
    let zero = format::percent(lang, Decimal::ZERO, 0);
    let axis_w = width(&format::percent(lang, Decimal::ONE, 1)) as u16;
    let x0 = inner.x + 1 + axis_w + 1;
    let chart_w = inner.right().saturating_sub(x0 + 1) as usize;
    let chart_h = inner.height.saturating_sub(2) as usize;
    if chart_w < 4 || chart_h == 0 {
        return;
    }
    // Bins to columns: each bin spread over the width when there is room,
    // several bins to a column when not.
    let bins = h.counts.len();
    let columns: Vec<u32> = if chart_w >= bins {
        (0..chart_w).map(|x| h.counts[x * bins / chart_w]).collect()
    } else {
        let per_col = bins.div_ceil(chart_w);
        h.counts.chunks(per_col).map(|c| c.iter().sum()).collect()
    };
    let used_w = columns.len();
    let most = columns.iter().copied().max().unwrap_or(0).max(1);
    let most_share = if chart_w >= bins {
        h.counts.iter().copied().max().unwrap_or(0)
    } else {
        most
    };
    const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    let cell = if c.current {
        theme.bar_fill
    } else {
        theme.muted
    };
    for (i, count) in columns.iter().enumerate() {
        let eighths = (u64::from(*count) * (chart_h as u64) * 8).div_ceil(u64::from(most)) as usize;
        let cx = x0 + i as u16;
        for row in 0..chart_h {
            let level = eighths.saturating_sub(row * 8).min(8);
            if level == 0 {
                break;
            }
            let y = inner.y + (chart_h - 1 - row) as u16;
            buf.set_string(cx, y, EIGHTHS[level], cell);
        }
    }
    // The y axis: the share of draws in the highest column.
    let share = format::percent(lang, Decimal::from(most_share) / Decimal::from(d.count), 1);
    buf.set_string(
        inner.x + 1,
        inner.y,
        right(&share, axis_w as usize),
        theme.axis,
    );
    let axis_y = inner.y + chart_h as u16;
    buf.set_string(
        inner.x + 1,
        axis_y.saturating_sub(1),
        right(&zero, axis_w as usize),
        theme.axis,
    );
    // The x axis with P10, P50 and P90 marked `┴`.
    buf.set_string(
        x0 - 1,
        axis_y,
        format!("└{}", "─".repeat(used_w)),
        theme.axis,
    );
    let lo = h.edges.first().copied().unwrap_or(d.min);
    let hi = h.edges.last().copied().unwrap_or(d.max);
    let span = (hi - lo).to_f64().unwrap_or(0.0);
    if span > 0.0 {
        for p in [d.p10, d.p50, d.p90] {
            let f = ((p - lo).to_f64().unwrap_or(0.0) / span).clamp(0.0, 1.0);
            let px = x0 + ((f * used_w as f64) as u16).min(used_w.saturating_sub(1) as u16);
            buf.set_string(px, axis_y, "┴", theme.marker_now);
        }
    }
    let label_y = axis_y + 1;
    if label_y < inner.bottom() {
        let lo_text = label(lo);
        let hi_text = label(hi);
        let marks = "┴ P10 · P50 · P90";
        buf.set_string(x0, label_y, &lo_text, theme.axis);
        let hx = (x0 + used_w as u16).saturating_sub(width(&hi_text) as u16);
        buf.set_string(hx, label_y, &hi_text, theme.axis);
        let room = hx.saturating_sub(x0 + width(&lo_text) as u16) as usize;
        if room >= width(marks) + 4 {
            let mx = x0 + width(&lo_text) as u16 + ((room - width(marks)) / 2) as u16;
            buf.set_string(mx, label_y, marks, theme.muted);
        }
    }
}
