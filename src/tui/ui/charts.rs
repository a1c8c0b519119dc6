//! The charts: outcome payments per period, stacked payer/cofunder (a
//! small custom widget, since ratatui's bar chart does not stack), and the
//! payoff chart (ratatui's `Chart`). Amounts become `f64` only here, at the
//! chart's edge. Series differ by line pattern as well as colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::figures::MoneyText;
use super::text::{right, width, wrap_items};
use crate::format;
use crate::i18n::{self, tui_text};
use crate::tui::computed::PAYOFF_MAX;
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Glyphs of the stacked bars: payer solid, cofunder shaded.
const PAYER_GLYPH: &str = "█";
const COFUNDER_GLYPH: &str = "▒";

/// Draws a legend line of (glyph, style, text) items; wraps between items.
fn legend(items: &[(String, Style, String)], area: Rect, buf: &mut Buffer, theme: &Theme) -> u16 {
    let texts: Vec<String> = items.iter().map(|(g, _, t)| format!("{g} {t}")).collect();
    let lines = wrap_items(&texts, area.width as usize);
    let mut y = area.y;
    let mut k = 0;
    for line in &lines {
        if y >= area.bottom() {
            break;
        }
        let mut x = area.x;
        // Re-walk the items of this line to style each glyph.
        let mut rest = line.as_str();
        while k < items.len() && rest.starts_with(&texts[k]) {
            let (g, style, t) = &items[k];
            buf.set_string(x, y, g, *style);
            buf.set_string(x + width(g) as u16 + 1, y, t, theme.label);
            x += width(&texts[k]) as u16;
            rest = &rest[texts[k].len()..];
            if let Some(r) = rest.strip_prefix(" · ") {
                buf.set_string(x, y, " · ", theme.muted);
                x += 3;
                rest = r;
            }
            k += 1;
        }
        y += 1;
    }
    y - area.y
}

/// Outcome payments per period, stacked by payer and cofunder.
pub fn payments(
    doc: &Document,
    view: &View,
    area: Rect,
    compact: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let u = i18n::tui(view.lang);
    let block = super::panel(u.chart_payments, compact, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    draw_payments(doc, view, inner, compact, buf, theme);
}

/// The stacked bars into `inner` (no block).
pub fn draw_payments(
    doc: &Document,
    view: &View,
    inner: Rect,
    compact: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let t = i18n::texts(view.lang);
    let periods = &doc.computed.periods;
    if inner.height < 5 || inner.width < 16 || periods.is_empty() {
        return;
    }
    let has_cofunder =
        periods.iter().any(|p| !p.cofunder.is_zero()) || doc.current.parties.cofunder.is_some();
    let mut items = vec![(PAYER_GLYPH.to_string(), theme.payer, t.payer.to_string())];
    if has_cofunder {
        items.push((
            COFUNDER_GLYPH.to_string(),
            theme.cofunder,
            t.cofunder.to_string(),
        ));
    }
    let legend_area = Rect {
        y: inner.bottom() - 1,
        height: 1,
        ..inner
    };
    legend(&items, legend_area, buf, theme);

    let values: Vec<(f64, f64)> = periods
        .iter()
        .map(|p| (f(p.payer), f(p.cofunder)))
        .collect();
    let money = MoneyText {
        lang: view.lang,
        currency: &doc.current.info.currency,
        bare: compact,
    };
    // Axis: the largest bar's amount on top, zero at the bottom.
    let plot_w_for = |axis: usize| inner.width as usize - axis - 1;
    let n = values.len();
    let first_guess = plot_w_for(8);
    let per_bar = n.div_ceil((first_guess / 2).max(1));
    let buckets: Vec<(f64, f64)> = values
        .chunks(per_bar)
        .map(|c| c.iter().fold((0.0, 0.0), |a, v| (a.0 + v.0, a.1 + v.1)))
        .collect();
    let max = buckets.iter().map(|b| b.0 + b.1).fold(0.0, f64::max);
    let top_label = doc
        .computed
        .periods
        .chunks(per_bar)
        .map(|c| c.iter().map(|p| p.payer + p.cofunder).sum::<Decimal>())
        .max()
        .unwrap_or_default();
    let top_text = money.text(top_label);
    let zero_text = money.text(Decimal::ZERO);
    let axis_w = width(&top_text).max(width(&zero_text));
    let plot_w = plot_w_for(axis_w);
    let plot_h = inner.height.saturating_sub(2) as usize;
    let nb = buckets.len();
    let bw = (plot_w / nb.max(1)).saturating_sub(1).clamp(1, 6);
    let x0 = inner.x + axis_w as u16 + 1;
    let bottom = inner.y + plot_h as u16; // the row of period labels
    buf.set_string(inner.x, inner.y, right(&top_text, axis_w), theme.axis);
    buf.set_string(inner.x, bottom - 1, right(&zero_text, axis_w), theme.axis);
    for y in inner.y..bottom {
        buf.set_string(x0 - 1, y, "│", theme.axis);
    }
    if max <= 0.0 {
        return;
    }
    let cells = |v: f64| ((v / max) * plot_h as f64).round() as usize;
    let label_every = {
        let widest = width(&format!("{}", n));
        (widest + 1).div_ceil(bw + 1).max(1)
    };
    for (i, (payer, cofunder)) in buckets.iter().enumerate() {
        let x = x0 + (i * (bw + 1)) as u16;
        if x + bw as u16 > inner.right() {
            break;
        }
        let total = cells(payer + cofunder);
        let payer_cells = cells(*payer).min(total);
        for k in 0..total {
            let y = bottom - 1 - k as u16;
            let (glyph, style) = if k < payer_cells {
                (PAYER_GLYPH, theme.payer)
            } else {
                (COFUNDER_GLYPH, theme.cofunder)
            };
            buf.set_string(x, y, glyph.repeat(bw), style);
        }
        if i % label_every == 0 {
            let label = format!("{}", i * per_bar + 1);
            buf.set_string(x, bottom, label, theme.muted);
        }
    }
    if per_bar > 1 {
        let note = tui_text::periods_per_bar(view.lang, per_bar);
        let nx = inner.right().saturating_sub(width(&note) as u16);
        buf.set_string(nx, inner.y, note, theme.muted);
    }
}

/// The payoff chart in a panel.
pub fn payoff(
    doc: &Document,
    view: &View,
    area: Rect,
    compact: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let u = i18n::tui(view.lang);
    let block = super::panel(u.chart_payoff, compact, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    draw_payoff(doc, view, inner, compact, buf, theme);
}

/// In place of a chart that does not fit: says so, in one line.
fn too_small(view: &View, inner: Rect, buf: &mut Buffer, theme: &Theme) {
    if inner.height > 0 && inner.width > 2 {
        let text = super::text::truncate(
            i18n::tui(view.lang).chart_too_small,
            inner.width as usize - 2,
        );
        buf.set_string(inner.x + 1, inner.y + inner.height / 2, text, theme.muted);
    }
}

/// A line of the payoff chart at a point of the effect axis: the
/// threshold, the target or the expected effect (α = HI/EI, TI/EI, 1).
struct Reference {
    achievement: Decimal,
    glyph: &'static str,
    /// What meets there (`mål`, `forventet`), joined by `=`.
    names: Vec<&'static str>,
}

/// Where the threshold, the target and the expected effect of each
/// outcome fall on the effect axis, lines at the same point merged (the
/// target's glyph first, then the expected effect's, then the
/// threshold's). Solid glyphs, so they show on a projector and in
/// monochrome: `┃` target, `║` expected, `│` threshold.
fn references(doc: &Document, view: &View) -> Vec<Reference> {
    let u = i18n::tui(view.lang);
    let mut points: Vec<(Decimal, &'static str, &'static str)> = Vec::new();
    for o in &doc.current.outcomes {
        let ei = o.expected_improvement();
        if ei <= Decimal::ZERO {
            continue;
        }
        points.push((o.target_improvement() / ei, "┃", u.target));
        let hi = o.threshold_improvement();
        if hi > Decimal::ZERO {
            points.push((hi / ei, "│", u.threshold_marker));
        }
    }
    points.push((Decimal::ONE, "║", u.expected_marker));
    let mut out: Vec<Reference> = Vec::new();
    for (a, glyph, name) in points {
        let a = a.round_dp(4);
        match out.iter_mut().find(|r| r.achievement == a) {
            Some(r) if !r.names.contains(&name) => r.names.push(name),
            Some(_) => {}
            None => out.push(Reference {
                achievement: a,
                glyph,
                names: vec![name],
            }),
        }
    }
    out.sort_by_key(|r| r.achievement);
    out
}

/// Outcome payments (a sum), investor net (a sum) and the payer's NPV
/// (at the discount rate) against the effect, 0–150 % of the expected,
/// with the current effect (`⡇`, moving) and the threshold, target and
/// expected effect (solid lines) marked and named.
pub fn draw_payoff(
    doc: &Document,
    view: &View,
    inner: Rect,
    compact: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    if inner.height < 6 || inner.width < 30 {
        too_small(view, inner, buf, theme);
        return;
    }
    let lang = view.lang;
    let u = i18n::tui(lang);
    let p = &doc.computed.payoff;
    let money = MoneyText {
        lang,
        currency: &doc.current.info.currency,
        bare: compact,
    };
    let now = doc.current.assumptions.achievement;
    let pct0 = |d: Decimal| format::percent(lang, d, 0);
    let refs = references(doc, view);
    let mut items = vec![
        (
            "⣀⣀".to_string(),
            theme.series_payments,
            u.legend_payments.to_string(),
        ),
        (
            "••".to_string(),
            theme.series_investor,
            u.legend_investor.to_string(),
        ),
        (
            "▄▄".to_string(),
            theme.series_payer_npv,
            // `Oppdragsgiver (nåverdi 4 %)`.
            format!(
                "{} {})",
                u.legend_payer_npv,
                i18n::rate(lang, doc.current.assumptions.discount_rate)
            ),
        ),
        (
            "⡇".to_string(),
            theme.marker_now,
            tui_text::marker(u.now, &format::percent(lang, now, 0)),
        ),
    ];
    items.extend(refs.iter().map(|r| {
        (
            r.glyph.to_string(),
            theme.marker_target,
            tui_text::marker(&r.names.join(" = "), &pct0(r.achievement)),
        )
    }));
    let texts: Vec<String> = items.iter().map(|(g, _, t)| format!("{g} {t}")).collect();
    let legend_rows = wrap_items(&texts, inner.width as usize).len() as u16;
    let chart_area = Rect {
        height: inner.height.saturating_sub(legend_rows),
        ..inner
    };
    let legend_area = Rect {
        y: chart_area.bottom(),
        height: legend_rows,
        ..inner
    };
    legend(&items, legend_area, buf, theme);

    let (y0, y1) = (f(p.y_min), f(p.y_max));
    let x_max = f(PAYOFF_MAX * Decimal::ONE_HUNDRED);
    let zero = [(0.0, 0.0), (x_max, 0.0)];
    let x_now = f(now * Decimal::ONE_HUNDRED);
    let now_line = [(x_now, y0), (x_now, y1)];
    let mut datasets = Vec::new();
    if y0 < 0.0 && y1 > 0.0 {
        datasets.push(
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.muted)
                .data(&zero),
        );
    }
    if x_now <= x_max {
        datasets.push(
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.marker_now)
                .data(&now_line),
        );
    }
    datasets.push(
        Dataset::default()
            .marker(Marker::HalfBlock)
            .graph_type(GraphType::Line)
            .style(theme.series_payer_npv)
            .data(&p.payer_npv),
    );
    datasets.push(
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.series_investor)
            .data(&p.investor),
    );
    datasets.push(
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.series_payments)
            .data(&p.payments),
    );
    let y_labels: Vec<Line> = [p.y_min, p.y_mid, p.y_max]
        .iter()
        .map(|v| Line::styled(money.text(*v), theme.axis))
        .collect();
    let label_w = y_labels.iter().map(Line::width).max().unwrap_or(0) as u16;
    // The same graph area as ratatui's chart layout.
    let gx = chart_area.x + label_w.min(chart_area.width / 3) + 1;
    let graph = Rect {
        x: gx,
        width: chart_area.right().saturating_sub(gx),
        height: chart_area.height.saturating_sub(2),
        ..chart_area
    };
    // The column a value falls in (braille: two dots per column).
    let col = |x: f64| {
        let dots = f64::from((graph.width * 2).saturating_sub(1));
        graph.x + ((x / x_max * dots) as u16 / 2).min(graph.width.saturating_sub(1))
    };
    // The reference lines go first: the curves are drawn over them.
    let shown: Vec<(u16, &Reference)> = refs
        .iter()
        .filter(|r| r.achievement <= PAYOFF_MAX && graph.width >= 4)
        .map(|r| (col(f(r.achievement * Decimal::ONE_HUNDRED)), r))
        .collect();
    for (c, r) in &shown {
        for y in graph.y..graph.bottom() {
            buf.set_string(*c, y, r.glyph, theme.marker_target);
        }
    }
    // Empty x labels keep the chart's label row and axis line; the labels
    // are drawn below at their exact positions (ratatui spreads labels
    // evenly, which would put 100 % at the wrong place).
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, x_max])
                .labels(vec![Line::raw(""), Line::raw("")])
                .style(theme.axis),
        )
        .y_axis(
            Axis::default()
                .bounds([y0, y1])
                .labels(y_labels)
                .style(theme.axis),
        )
        .legend_position(None)
        .render(chart_area, buf);
    if graph.width < 4 || graph.height < 2 {
        return;
    }
    // Each line named on the top row, right of it (left when it would
    // run out of the graph), where the names do not run into each other.
    let mut taken = graph.x;
    for (c, r) in &shown {
        let name = r.names.join("=");
        let w = width(&name) as u16;
        let x = if c + 1 + w <= graph.right() {
            c + 1
        } else {
            c.saturating_sub(w)
        };
        if x >= taken && x + w <= graph.right() {
            buf.set_string(x, graph.y, &name, theme.marker_target);
            taken = x + w + 1;
        }
    }
    let axis_y = chart_area.bottom() - 2;
    let label_y = chart_area.bottom() - 1;
    for k in [0i64, 5, 10, 15] {
        let v = Decimal::new(k, 1);
        let c = col(f(v * Decimal::ONE_HUNDRED));
        buf.set_string(c, axis_y, "┴", theme.axis);
        let text = pct0(v);
        let tw = width(&text) as u16;
        let x = c
            .saturating_sub(tw / 2)
            .max(chart_area.x)
            .min(graph.right().saturating_sub(tw));
        buf.set_string(x, label_y, text, theme.axis);
    }
    // A zero on the y axis when the range crosses it and the row is free.
    if y0 < 0.0 && y1 > 0.0 {
        let h = f64::from(graph.height - 1);
        let row = graph.bottom() - 1 - ((0.0 - y0) / (y1 - y0) * h).round() as u16;
        let taken = [0, (graph.height - 1) / 2, graph.height - 1].map(|dy| graph.bottom() - 1 - dy);
        let free = taken.iter().all(|t| t.abs_diff(row) > 0);
        if free && row >= graph.y {
            let text = right(&money.text(Decimal::ZERO), (gx - chart_area.x - 1) as usize);
            buf.set_string(chart_area.x, row, text, theme.axis);
        }
    }
}
