//! The uncertainty screen (6): the Monte Carlo of the scenario's
//! `[uncertainty]` — four probabilities, P10/P50/P90, a histogram — and the
//! tornado of the shown levers, with the selected lever steerable.
//!
//! Everything shown comes from the app's [`crate::tui::risk_job::RiskView`]:
//! the run itself happens elsewhere. While a newer run is in flight the
//! screen says so with a progress bar and shows the previous figures muted,
//! so nothing stale passes for current. Narrow terminals drop the histogram
//! before any number is cut, and scroll the tornado to the selected lever.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::figures::MoneyText;
use super::text::{left, right, truncate, width, wrap};
use super::{Hit, levers, panel};
use crate::format;
use crate::i18n::{self, tui_text};
use crate::risk::{Distribution, Side, Simulation, TornadoFigure};
use crate::tui::app::{App, Workshop};
use crate::tui::risk_job::HistogramKind;
use crate::tui::theme::Theme;

/// Where each part goes.
#[derive(Debug, Clone, Copy)]
struct Areas {
    /// Boxed panels, money with currency, both tornado figures.
    wide: bool,
    lever: Rect,
    info: Rect,
    probabilities: Rect,
    spread: Rect,
    /// Wide: the spread, noise and assumption lines under the tables.
    about: Option<Rect>,
    histogram: Option<Rect>,
    tornado: Option<Rect>,
}

/// What the screen shows, as text, prepared once per draw.
struct Content {
    /// The run's figures, and whether they are for the current levers.
    sim: Option<Simulation>,
    current: bool,
    info: Vec<(String, Style)>,
    probabilities: Vec<(String, String)>,
    spread: Vec<SpreadRow>,
    spread_note: Option<String>,
}

struct SpreadRow {
    label: String,
    cells: [(String, bool); 3],
}

fn content(app: &App, ws: &Workshop, wide: bool, theme: &Theme) -> Content {
    let lang = app.lang;
    let t = i18n::texts(lang);
    let view = &ws.risk;
    let current = view.current_result(&ws.current).is_some();
    let sim = view.result.as_ref().map(|r| r.simulation.clone());
    let mut info = Vec::new();
    if ws.current.uncertainty.assumed {
        info.push((t.uncertainty_assumed.to_string(), theme.warning));
    }
    if wide && let Some(settings) = view.settings() {
        info.push((
            i18n::achievement_spread(lang, &settings.achievement),
            theme.muted,
        ));
        info.push((
            i18n::noise_text(lang, &ws.current, &settings.noise_sd),
            theme.muted,
        ));
    }
    let pct = |d: Decimal| format::percent(lang, d, 1);
    let probabilities = [
        (
            t.p_investor_loss_before,
            sim.as_ref().map(|s| s.investor_loss_before_guarantee),
        ),
        (t.p_investor_loss, sim.as_ref().map(|s| s.investor_loss)),
        (t.p_any_payment, sim.as_ref().map(|s| s.any_payment)),
        (t.p_cap_binds, sim.as_ref().map(|s| s.cap_binds)),
    ]
    .into_iter()
    .map(|(label, share)| {
        let value = share.map(|p| pct(p.value())).unwrap_or_else(|| "–".into());
        (label.to_string(), value)
    })
    .collect();
    let money = MoneyText {
        lang,
        currency: &ws.current.info.currency,
        bare: !wide,
    };
    let cells = |d: Option<&Distribution>, f: &dyn Fn(Decimal) -> String| {
        let cell = |v: Decimal| (f(v), v < Decimal::ZERO);
        match d.filter(|d| d.count > 0) {
            Some(d) => [cell(d.p10), cell(d.p50), cell(d.p90)],
            None => std::array::from_fn(|_| ("–".to_string(), false)),
        }
    };
    let m = |v| money.text(v);
    let mut spread = vec![
        SpreadRow {
            label: t.fig_outcome_payments.into(),
            cells: cells(sim.as_ref().map(|s| &s.outcome_payments), &m),
        },
        SpreadRow {
            label: t.fig_payer_npv.into(),
            cells: cells(sim.as_ref().map(|s| &s.payer_npv), &m),
        },
        SpreadRow {
            label: t.fig_public_npv.into(),
            cells: cells(sim.as_ref().map(|s| &s.public_npv), &m),
        },
    ];
    if wide {
        spread.push(SpreadRow {
            label: t.investor_net.into(),
            cells: cells(sim.as_ref().map(|s| &s.investor_net), &m),
        });
    }
    spread.push(SpreadRow {
        label: t.fig_investor_irr.into(),
        cells: cells(sim.as_ref().map(|s| &s.investor_irr), &pct),
    });
    let spread_note = sim
        .as_ref()
        .filter(|s| s.without_irr > 0)
        .map(|s| i18n::draws_without_irr(lang, s.without_irr, s.draws));
    Content {
        sim,
        current,
        info,
        probabilities,
        spread,
        spread_note,
    }
}

/// The status line: progress while a run is in flight, else the draws.
fn status_line(app: &App, ws: &Workshop, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = app.lang;
    let u = i18n::tui(lang);
    let view = &ws.risk;
    let mut x = area.x + 1;
    let end = area.right();
    let mut put = |text: &str, style: Style, x: &mut u16| {
        if *x < end {
            buf.set_stringn(*x, area.y, text, (end - *x) as usize, style);
        }
        *x = x.saturating_add(width(text) as u16);
    };
    match &view.running {
        Some(r) => {
            let word = if view.result.is_some() {
                u.unc_recomputing
            } else {
                u.unc_computing
            };
            let word = format!("{word} … ");
            let count = format!(" {}", tui_text::draws_progress(lang, r.done, r.total));
            let mut stale = if view.result.is_some() {
                format!(" · {}", u.unc_stale)
            } else {
                String::new()
            };
            // The count never gives way; the note and the bar do.
            let avail = area.width.saturating_sub(2) as usize;
            let fixed = width(&word) + width(&count);
            if fixed + 8 + width(&stale) > avail {
                stale.clear();
            }
            let bar_w = avail.saturating_sub(fixed + width(&stale)).clamp(4, 20);
            let share = if r.total == 0 {
                0.0
            } else {
                f64::from(r.done) / f64::from(r.total)
            };
            put(&word, theme.info, &mut x);
            let (fill, empty) = levers::bar(share, bar_w);
            put(&fill, theme.bar_fill, &mut x);
            put(&empty, theme.bar_empty, &mut x);
            put(&count, theme.value, &mut x);
            put(&stale, theme.muted, &mut x);
        }
        None => {
            let text = match &view.result {
                Some(r) => i18n::draws_text(lang, r.simulation.draws, r.simulation.seed),
                None => String::new(),
            };
            put(&text, theme.muted, &mut x);
            put(&format!("  {}", u.unc_goal_hint), theme.key, &mut x);
        }
    }
}

fn probabilities_width(c: &Content) -> u16 {
    let label = c.probabilities.iter().map(|(l, _)| width(l)).max();
    let value = c.probabilities.iter().map(|(_, v)| width(v)).max();
    (1 + label.unwrap_or(0) + 2 + value.unwrap_or(0).max(6) + 1) as u16
}

fn spread_widths(c: &Content) -> (usize, usize) {
    let label = c.spread.iter().map(|r| width(&r.label)).max().unwrap_or(0);
    let cell = c
        .spread
        .iter()
        .flat_map(|r| r.cells.iter().map(|(t, _)| width(t)))
        .max()
        .unwrap_or(0)
        .max(3);
    (label, cell)
}

fn spread_width(c: &Content) -> u16 {
    let (label, cell) = spread_widths(c);
    (1 + label + 3 * (cell + 2) + 1) as u16
}

/// Rows of the spread panel inside its border at `inner_w` columns.
fn spread_rows(c: &Content, inner_w: u16) -> u16 {
    let note = c
        .spread_note
        .as_ref()
        .map(|n| wrap(n, inner_w.saturating_sub(2) as usize).len().min(2))
        .unwrap_or(0);
    (1 + c.spread.len() + note) as u16
}

fn areas(app: &App, ws: &Workshop, body: Rect, theme: &Theme) -> (Areas, Content) {
    let wide = body.width >= 120 && body.height >= 34;
    let c = content(app, ws, wide, theme);
    let lever = Rect { height: 1, ..body };
    // Wide terminals put the lines about the spread under the tables.
    let info_lines = if wide { 0 } else { c.info.len() as u16 };
    let info_h = (1 + info_lines).min(body.height.saturating_sub(1));
    let info = Rect {
        y: body.y + 1,
        height: info_h,
        ..body
    };
    let top = body.y + 1 + info_h;
    let rest_h = body.bottom().saturating_sub(top);
    let n_bars = ws.risk.tornado.as_ref().map_or(0, |t| t.bars.len()) as u16;
    let (borders, title) = if wide { (2, 0) } else { (0, 1) };
    let pw = probabilities_width(&c) + if wide { 2 } else { 0 };
    let sw = spread_width(&c) + if wide { 2 } else { 0 };
    let prob_h = 4 + borders + title;
    let tornado_want = n_bars + 1 + borders + title;
    if wide {
        let col_w = pw.max(sw).min(body.width / 2);
        let spread_h = spread_rows(&c, col_w - 2) + borders;
        let tables = prob_h + spread_h;
        let band = if rest_h >= tables + tornado_want {
            rest_h - tornado_want
        } else {
            tables.min(rest_h)
        };
        let tornado_h = rest_h - band;
        let probabilities = Rect::new(body.x, top, col_w, prob_h.min(band));
        let spread = Rect::new(
            body.x,
            top + probabilities.height,
            col_w,
            spread_h.min(band - probabilities.height),
        );
        let about_y = spread.bottom();
        let about = Rect::new(body.x, about_y, col_w, top + band - about_y);
        let histogram = Rect::new(body.x + col_w, top, body.width - col_w, band);
        let tornado = Rect::new(body.x, top + band, body.width, tornado_h);
        let a = Areas {
            wide,
            lever,
            info,
            probabilities,
            spread,
            about: (about.height > 0).then_some(about),
            histogram: Some(histogram),
            tornado: (tornado_h >= 4).then_some(tornado),
        };
        return (a, c);
    }
    // Compact: the numbers first, then the tornado, then (with room to
    // spare) the histogram.
    let side_by_side = pw + 1 + sw <= body.width;
    let (probabilities, spread, stats_h) = if side_by_side {
        let spread_h = spread_rows(&c, body.width - pw - 1) + title;
        let h = prob_h.max(spread_h).min(rest_h);
        (
            Rect::new(body.x, top, pw, h),
            Rect::new(body.x + pw + 1, top, body.width - pw - 1, h),
            h,
        )
    } else {
        let spread_h = spread_rows(&c, body.width) + title;
        let p = prob_h.min(rest_h);
        let s = spread_h.min(rest_h - p);
        (
            Rect::new(body.x, top, body.width, p),
            Rect::new(body.x, top + p, body.width, s),
            p + s,
        )
    };
    let left_h = rest_h - stats_h;
    let y = top + stats_h;
    let (tornado, histogram) = if left_h >= tornado_want + 8 {
        let hist_h = left_h - tornado_want;
        (
            Some(Rect::new(body.x, y, body.width, tornado_want)),
            Some(Rect::new(body.x, y + tornado_want, body.width, hist_h)),
        )
    } else if left_h >= 3 {
        (Some(Rect::new(body.x, y, body.width, left_h)), None)
    } else {
        (None, None)
    };
    let a = Areas {
        wide,
        lever,
        info,
        probabilities,
        spread,
        about: None,
        histogram,
        tornado,
    };
    (a, c)
}

/// The style of a number: muted while it is from before the last change.
fn number_style(theme: &Theme, negative: bool, current: bool) -> Style {
    if current {
        theme.number(negative)
    } else {
        theme.muted
    }
}

fn draw_probabilities(
    c: &Content,
    area: Rect,
    wide: bool,
    buf: &mut Buffer,
    theme: &Theme,
    title: &str,
) {
    let block = panel(title, !wide, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let value_w = c
        .probabilities
        .iter()
        .map(|(_, v)| width(v))
        .max()
        .unwrap_or(0)
        .max(6);
    let longest = c.probabilities.iter().map(|(l, _)| width(l)).max();
    let label_w = longest
        .unwrap_or(0)
        .min((inner.width as usize).saturating_sub(value_w + 3));
    for (i, (label, value)) in c.probabilities.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        buf.set_string(inner.x + 1, y, truncate(label, label_w), theme.label);
        let x = inner.x + 1 + label_w as u16 + 2;
        buf.set_string(
            x,
            y,
            right(value, value_w),
            number_style(theme, false, c.current),
        );
    }
}

fn draw_spread(c: &Content, area: Rect, wide: bool, buf: &mut Buffer, theme: &Theme, title: &str) {
    let block = panel(title, !wide, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let (label_w, cell_w) = spread_widths(c);
    let cells_w = 3 * (cell_w + 2);
    let label_w = label_w.min((inner.width as usize).saturating_sub(cells_w + 1));
    let x = inner.x + 1;
    let mut y = inner.y;
    if y >= inner.bottom() {
        return;
    }
    for (i, h) in ["P10", "P50", "P90"].iter().enumerate() {
        let cx = x + (label_w + 2 + i * (cell_w + 2)) as u16;
        buf.set_string(cx, y, right(h, cell_w), theme.table_header);
    }
    y += 1;
    for r in &c.spread {
        if y >= inner.bottom() {
            return;
        }
        buf.set_string(x, y, truncate(&r.label, label_w), theme.label);
        for (i, (text, negative)) in r.cells.iter().enumerate() {
            let cx = x + (label_w + 2 + i * (cell_w + 2)) as u16;
            let style = number_style(theme, *negative, c.current);
            buf.set_string(cx, y, right(text, cell_w), style);
        }
        y += 1;
    }
    if let Some(note) = &c.spread_note {
        for line in wrap(note, inner.width.saturating_sub(2) as usize) {
            if y >= inner.bottom() {
                return;
            }
            buf.set_string(x, y, line, theme.muted);
            y += 1;
        }
    }
}

/// The histogram's distribution, its name and how its values read.
fn histogram_data<'a>(
    app: &App,
    ws: &Workshop,
    sim: &'a Simulation,
    wide: bool,
) -> (
    &'a Distribution,
    &'static str,
    Box<dyn Fn(Decimal) -> String + 'a>,
) {
    let lang = app.lang;
    let t = i18n::texts(lang);
    let currency = ws.current.info.currency.clone();
    let money = move |v: Decimal| {
        if wide {
            format::money_short(lang, &currency, v)
        } else {
            format::money_short_bare(lang, v)
        }
    };
    match ws.risk.histogram {
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

fn histogram_title(app: &App, ws: &Workshop, wide: bool) -> String {
    let t = i18n::texts(app.lang);
    let u = i18n::tui(app.lang);
    let name = match ws.risk.histogram {
        HistogramKind::OutcomePayments => t.fig_outcome_payments,
        HistogramKind::InvestorNet => t.investor_net,
        HistogramKind::InvestorIrr => t.fig_investor_irr,
    };
    let base = format!("{}: {name} ({})", t.distribution_of, u.unc_histogram_hint);
    let money = ws.risk.histogram != HistogramKind::InvestorIrr;
    if money && !wide {
        tui_text::in_currency(app.lang, &base, &ws.current.info.currency)
    } else {
        base
    }
}

fn draw_histogram(
    app: &App,
    ws: &Workshop,
    c: &Content,
    area: Rect,
    wide: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let title = histogram_title(app, ws, wide);
    let block = panel(&title, !wide, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(sim) = &c.sim else {
        return;
    };
    let (d, _, label) = histogram_data(app, ws, sim, wide);
    let h = &d.histogram;
    if d.count == 0 || h.counts.is_empty() || inner.height < 4 {
        return;
    }
    let lang = app.lang;
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

/// One side of a tornado bar: the text, and the change for the bar (none
/// when the text shows no change).
fn side_text(
    app: &App,
    side: &Side,
    figure: TornadoFigure,
    money: &MoneyText,
) -> (String, Option<Decimal>) {
    let lang = app.lang;
    let t = i18n::texts(lang);
    match side {
        Side::Moved {
            payer_npv,
            investor_irr,
            ..
        } => match figure {
            TornadoFigure::PayerNpv => {
                signed(*payer_npv, |v| money.text(v), money.text(Decimal::ZERO))
            }
            TornadoFigure::InvestorIrr => match investor_irr {
                Some(c) => {
                    let points = |v: Decimal| {
                        let n = format::number(lang, v * Decimal::ONE_HUNDRED, 2);
                        format!("{n} {}", t.percentage_points)
                    };
                    signed(*c, points, format!("0 {}", t.percentage_points))
                }
                None => ("–".into(), None),
            },
        },
        Side::AtLimit => (t.at_limit.to_string(), None),
        Side::Refused { .. } => (t.refused.to_string(), None),
    }
}

/// `+0,4 mill.`, `−0,52 %-poeng`: the sign says the direction; a change
/// that rounds to nothing reads `zero` and gets no bar.
fn signed(
    v: Decimal,
    text_of_abs: impl Fn(Decimal) -> String,
    zero: String,
) -> (String, Option<Decimal>) {
    let abs = text_of_abs(v.abs());
    if !abs.chars().any(|c| ('1'..='9').contains(&c)) {
        return (zero, None);
    }
    let sign = if v < Decimal::ZERO { "−" } else { "+" };
    (format!("{sign}{abs}"), Some(v))
}

/// The tornado as text: per bar the lever index, label, value now, and per
/// figure (down text, down change, up text, up change).
struct TornadoRow {
    lever: Option<usize>,
    label: String,
    now: String,
    groups: Vec<(String, Option<Decimal>, String, Option<Decimal>)>,
}

fn tornado_rows(
    app: &App,
    ws: &Workshop,
    figures: &[TornadoFigure],
    wide: bool,
) -> Vec<TornadoRow> {
    let Some(tornado) = &ws.risk.tornado else {
        return Vec::new();
    };
    let money = MoneyText {
        lang: app.lang,
        currency: &ws.current.info.currency,
        bare: !wide,
    };
    tornado
        .bars
        .iter()
        .map(|b| TornadoRow {
            lever: ws.levers.iter().position(|l| l.id == b.lever.id),
            label: i18n::lever_label(app.lang, &ws.current, &b.lever),
            now: levers::short_value(app.lang, &ws.current, &b.lever, b.lever.value, !wide),
            groups: figures
                .iter()
                .map(|f| {
                    let (dt, dc) = side_text(app, &b.down, *f, &money);
                    let (ut, uc) = side_text(app, &b.up, *f, &money);
                    (dt, dc, ut, uc)
                })
                .collect(),
        })
        .collect()
}

/// Column widths of the tornado: label, value now, and per figure the
/// down and up texts and the bars' half width.
struct TornadoLayout {
    figures: Vec<TornadoFigure>,
    label_w: usize,
    now_w: usize,
    /// (down width, half bar width, up width) per figure.
    groups: Vec<(usize, usize, usize)>,
    /// First row shown (the list scrolls to the selected lever).
    offset: usize,
    rows_shown: usize,
}

fn tornado_header(app: &App, f: TornadoFigure) -> (String, &'static str, String) {
    let t = i18n::texts(app.lang);
    let name = match f {
        TornadoFigure::PayerNpv => t.fig_payer_npv,
        TornadoFigure::InvestorIrr => t.fig_investor_irr,
    };
    (
        format!("▒ {}", t.step_down),
        name,
        format!("{} █", t.step_up),
    )
}

fn tornado_layout(
    app: &App,
    ws: &Workshop,
    inner: Rect,
    wide: bool,
) -> (TornadoLayout, Vec<TornadoRow>) {
    let w = inner.width.saturating_sub(1) as usize;
    let both = [TornadoFigure::PayerNpv, TornadoFigure::InvestorIrr];
    let sort = ws.risk.sort;
    let mut choices: Vec<Vec<TornadoFigure>> = Vec::new();
    if wide {
        let other = if sort == TornadoFigure::PayerNpv {
            both[1]
        } else {
            both[0]
        };
        choices.push(vec![sort, other]);
    }
    choices.push(vec![sort]);
    let mut last = None;
    for figures in choices {
        let rows = tornado_rows(app, ws, &figures, wide);
        let label_w = rows
            .iter()
            .map(|r| width(&r.label))
            .max()
            .unwrap_or(0)
            .min(28);
        let now_w = rows.iter().map(|r| width(&r.now)).max().unwrap_or(0);
        let mut groups = Vec::new();
        for (g, f) in figures.iter().enumerate() {
            let (dh, _, uh) = tornado_header(app, *f);
            let dw = rows
                .iter()
                .map(|r| width(&r.groups[g].0))
                .chain([width(&dh)])
                .max()
                .unwrap_or(0);
            let uw = rows
                .iter()
                .map(|r| width(&r.groups[g].2))
                .chain([width(&uh)])
                .max()
                .unwrap_or(0);
            groups.push((dw, 0, uw));
        }
        let fixed_groups: usize = groups.iter().map(|(d, _, u)| d + u + 5).sum();
        // Bars of 14 cells (7 a side) are worth more than a long label;
        // below that the value now goes, then more of the label.
        let n = figures.len();
        let need = |l: usize, now: usize, bars: usize| {
            2 + l + if now > 0 { now + 1 } else { 0 } + fixed_groups + bars
        };
        let mut label_w = label_w;
        let mut now_w = now_w;
        if need(label_w, now_w, 14 * n) > w {
            label_w = w
                .saturating_sub(need(0, now_w, 14 * n))
                .max(14)
                .min(label_w);
        }
        if need(label_w, now_w, 8 * n) > w {
            now_w = 0;
        }
        if need(label_w, now_w, 8 * n) > w {
            label_w = w.saturating_sub(need(0, 0, 8 * n)).max(10).min(label_w);
        }
        let fits = need(label_w, now_w, 8 * n) <= w;
        let spare = w.saturating_sub(need(label_w, now_w, 0));
        let half = (spare / figures.len()).saturating_sub(1) / 2;
        for g in &mut groups {
            g.1 = half.clamp(2, 20);
        }
        let layout = TornadoLayout {
            figures: figures.clone(),
            label_w,
            now_w,
            groups,
            offset: 0,
            rows_shown: 0,
        };
        if fits {
            last = Some((layout, rows));
            break;
        }
        last = Some((layout, rows));
    }
    let (mut layout, rows) = last.unwrap_or_else(|| {
        (
            TornadoLayout {
                figures: vec![sort],
                label_w: 0,
                now_w: 0,
                groups: Vec::new(),
                offset: 0,
                rows_shown: 0,
            },
            Vec::new(),
        )
    });
    let room = inner.height.saturating_sub(1) as usize;
    let selected = rows
        .iter()
        .position(|r| r.lever == Some(ws.selected))
        .unwrap_or(0);
    layout.offset = (selected + 1).saturating_sub(room);
    layout.rows_shown = rows.len().saturating_sub(layout.offset).min(room);
    (layout, rows)
}

fn tornado_title(app: &App) -> String {
    let t = i18n::texts(app.lang);
    let u = i18n::tui(app.lang);
    format!("{} ({})", t.tornado_title, u.unc_tornado_hint)
}

fn tornado_inner(area: Rect, wide: bool) -> Rect {
    if wide {
        Rect {
            x: area.x + 1,
            y: area.y + 1,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        }
    } else {
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        }
    }
}

fn draw_tornado(app: &App, ws: &Workshop, area: Rect, wide: bool, buf: &mut Buffer, theme: &Theme) {
    let mut title = tornado_title(app);
    if !wide && ws.current.info.currency.as_str() != "" && ws.risk.sort == TornadoFigure::PayerNpv {
        title = tui_text::in_currency(app.lang, &title, &ws.current.info.currency);
    }
    let block = panel(&title, !wide, theme);
    let inner = tornado_inner(area, wide);
    block.render(area, buf);
    if inner.height == 0 {
        return;
    }
    let (l, rows) = tornado_layout(app, ws, inner, wide);
    let hidden = rows.len().saturating_sub(l.rows_shown);
    if hidden > 0 {
        let note = format!(" {hidden} {} ", i18n::tui(app.lang).unc_more_levers);
        let nx = area.right().saturating_sub(width(&note) as u16 + 1);
        if nx > area.x + width(&title) as u16 + 4 {
            buf.set_string(nx, area.y, note, theme.muted);
        }
    }
    let x = inner.x;
    // Column positions.
    let label_x = x + 2;
    let now_x = label_x + l.label_w as u16 + 1;
    let mut gx = now_x + if l.now_w > 0 { l.now_w as u16 + 1 } else { 0 };
    let mut group_x = Vec::new();
    for (dw, half, uw) in &l.groups {
        group_x.push(gx);
        gx += (dw + 1 + 2 * half + 1 + 1 + uw + 3) as u16;
    }
    // Header.
    let t = i18n::texts(app.lang);
    let y = inner.y;
    buf.set_string(label_x, y, truncate(t.lever, l.label_w), theme.table_header);
    if l.now_w > 0 {
        let now = truncate(i18n::tui(app.lang).now, l.now_w);
        buf.set_string(now_x, y, right(&now, l.now_w), theme.table_header);
    }
    for (g, f) in l.figures.iter().enumerate() {
        let (dw, half, uw) = l.groups[g];
        let (dh, name, uh) = tornado_header(app, *f);
        let gx = group_x[g];
        buf.set_string(gx, y, right(&dh, dw), theme.table_header);
        let bars_w = 2 * half + 1;
        let name = truncate(name, bars_w);
        let nx = gx + dw as u16 + 1 + ((bars_w - width(&name)) / 2) as u16;
        buf.set_string(nx, y, &name, theme.table_header);
        let ux = gx + (dw + 1 + bars_w + 1) as u16;
        buf.set_string(ux, y, left(&uh, uw), theme.table_header);
    }
    // Scales: the largest change of each figure fills half the bars.
    let scales: Vec<f64> = (0..l.figures.len())
        .map(|g| {
            rows.iter()
                .flat_map(|r| [r.groups[g].1, r.groups[g].3])
                .flatten()
                .map(|c| c.abs().to_f64().unwrap_or(0.0))
                .fold(0.0, f64::max)
        })
        .collect();
    for (k, r) in rows.iter().skip(l.offset).take(l.rows_shown).enumerate() {
        let y = inner.y + 1 + k as u16;
        let selected = r.lever == Some(ws.selected);
        if selected {
            buf.set_string(x, y, "▶", theme.selected);
        }
        let label_style = if selected {
            theme.label.patch(theme.selected)
        } else {
            theme.label
        };
        buf.set_string(label_x, y, truncate(&r.label, l.label_w), label_style);
        if l.now_w > 0 {
            buf.set_string(now_x, y, right(&r.now, l.now_w), theme.value);
        }
        for (g, (dt, dc, ut, uc)) in r.groups.iter().enumerate() {
            let (dw, half, _) = l.groups[g];
            let gx = group_x[g];
            let style = |c: &Option<Decimal>| match c {
                Some(v) => theme.number(*v < Decimal::ZERO),
                None => theme.muted,
            };
            buf.set_string(gx, y, right(dt, dw), style(dc));
            let centre = gx + (dw + 1 + half) as u16;
            buf.set_string(centre, y, "│", theme.axis);
            let cells = |c: Decimal| -> usize {
                let s = scales[g];
                if s <= 0.0 || c.is_zero() {
                    return 0;
                }
                let n = (c.abs().to_f64().unwrap_or(0.0) / s * half as f64).round() as usize;
                n.clamp(1, half)
            };
            // The longer side first, so a shorter one on the same side shows.
            let mut sides = [(*dc, "▒"), (*uc, "█")];
            sides.sort_by_key(|(c, _)| std::cmp::Reverse(c.map(&cells).unwrap_or(0)));
            for (c, pattern) in sides {
                let Some(c) = c else { continue };
                let n = cells(c);
                if n == 0 {
                    continue;
                }
                let bx = if c < Decimal::ZERO {
                    centre - n as u16
                } else {
                    centre + 1
                };
                buf.set_string(bx, y, pattern.repeat(n), theme.bar_fill);
            }
            let ux = centre + half as u16 + 2;
            buf.set_string(ux, y, ut, style(uc));
        }
    }
}

pub fn render(app: &App, ws: &Workshop, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let (a, c) = areas(app, ws, body, theme);
    levers::selected_line(app, ws, a.lever, buf, theme);
    let status = Rect {
        height: 1,
        ..a.info
    };
    status_line(app, ws, status, buf, theme);
    for (i, (line, style)) in c.info.iter().enumerate() {
        let y = a.info.y + 1 + i as u16;
        if y >= a.info.bottom() {
            break;
        }
        buf.set_stringn(
            body.x + 1,
            y,
            line,
            body.width.saturating_sub(2) as usize,
            *style,
        );
    }
    let t = i18n::texts(app.lang);
    let spread_title = if a.wide {
        t.spread.to_string()
    } else {
        tui_text::in_currency(app.lang, t.spread, &ws.current.info.currency)
    };
    if a.probabilities.height > 0 {
        draw_probabilities(&c, a.probabilities, a.wide, buf, theme, t.probabilities);
    }
    if a.spread.height > 0 {
        draw_spread(&c, a.spread, a.wide, buf, theme, &spread_title);
    }
    if let Some(r) = a.about {
        let lines = c
            .info
            .iter()
            .flat_map(|(text, style)| {
                wrap(text, r.width.saturating_sub(2) as usize)
                    .into_iter()
                    .map(move |l| (l, *style))
            })
            .take(r.height as usize);
        for (i, (line, style)) in lines.enumerate() {
            buf.set_string(r.x + 1, r.y + i as u16, line, style);
        }
    }
    if let Some(r) = a.histogram {
        draw_histogram(app, ws, &c, r, a.wide, buf, theme);
    }
    if let Some(r) = a.tornado {
        draw_tornado(app, ws, r, a.wide, buf, theme);
    }
}

/// Which lever is under the mouse: a row of the tornado.
pub fn hit(app: &App, ws: &Workshop, body: Rect, pos: Position) -> Hit {
    let theme = app.styles();
    let (a, _) = areas(app, ws, body, theme);
    let Some(area) = a.tornado else {
        return Hit::Other;
    };
    let inner = tornado_inner(area, a.wide);
    if !inner.contains(pos) || pos.y == inner.y {
        return Hit::Other;
    }
    let (l, rows) = tornado_layout(app, ws, inner, a.wide);
    let k = (pos.y - inner.y - 1) as usize;
    if k >= l.rows_shown {
        return Hit::Other;
    }
    match rows.get(l.offset + k).and_then(|r| r.lever) {
        Some(i) => Hit::Lever(i),
        None => Hit::Other,
    }
}
