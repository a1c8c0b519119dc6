//! The uncertainty screen (6): the Monte Carlo of the scenario's
//! `[uncertainty]` — four probabilities, P10/P50/P90, a histogram — and the
//! tornado of the shown levers, with the selected lever steerable.
//!
//! Everything shown comes from the document's
//! [`crate::tui::risk_job::RiskResults`] (the histogram and the tornado's
//! order are the view's choice): the run itself happens elsewhere. While a
//! newer run is in flight the screen says so with a progress bar and shows
//! the previous figures muted, so nothing stale passes for current. Narrow
//! terminals drop the histogram before any number is cut, and scroll the
//! tornado to the selected lever.

mod histogram;
mod tornado;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;

use super::figures::MoneyText;
use super::text::{right, truncate, width, wrap};
use super::{Hit, levers, panel};
use crate::format;
use crate::i18n::{self, tui_text};
use crate::risk::{Distribution, Simulation};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

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
    /// Widths planned by the language, never the values, so the panels do
    /// not move when a run's figures arrive or change: a probability
    /// (`100,0 %`), a spread cell (money or a rate).
    probability_w: usize,
    cell_w: usize,
    /// The longest note the spread can have (every draw without an IRR),
    /// for the rows it may take.
    widest_note: String,
}

struct SpreadRow {
    label: String,
    cells: [(String, bool); 3],
}

fn content(doc: &Document, view: &View, wide: bool, theme: &Theme) -> Content {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let view = &doc.risk;
    let current = view.current_result(&doc.current).is_some();
    let sim = view.result.as_ref().map(|r| r.simulation.clone());
    let mut info = Vec::new();
    if doc.current.uncertainty.assumed {
        info.push((t.uncertainty_assumed.to_string(), theme.warning));
    }
    if wide && let Some(settings) = view.settings() {
        info.push((
            i18n::achievement_spread(lang, &settings.achievement),
            theme.muted,
        ));
        info.push((
            i18n::noise_text(lang, &doc.current, &settings.noise_sd),
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
        currency: &doc.current.info.currency,
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
    // Each figure names its basis: a sum, or a present value at its rate.
    let rate = doc.current.assumptions.discount_rate;
    let mut spread = vec![
        SpreadRow {
            label: i18n::summed(lang, t.fig_outcome_payments),
            cells: cells(sim.as_ref().map(|s| &s.outcome_payments), &m),
        },
        SpreadRow {
            label: i18n::at_rate(lang, t.fig_payer_npv, rate),
            cells: cells(sim.as_ref().map(|s| &s.payer_npv), &m),
        },
        SpreadRow {
            label: i18n::at_rate(lang, t.fig_public_npv, rate),
            cells: cells(sim.as_ref().map(|s| &s.public_npv), &m),
        },
    ];
    if wide {
        spread.push(SpreadRow {
            label: i18n::summed(lang, t.investor_net),
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
    let draws = doc.current.uncertainty.draws;
    let pct_w = super::figures::percent_width(lang);
    Content {
        sim,
        current,
        info,
        probabilities,
        spread,
        spread_note,
        probability_w: width(&pct(Decimal::ONE)).max(6),
        cell_w: super::figures::money_width(&money).max(pct_w).max(3),
        widest_note: i18n::draws_without_irr(lang, draws, draws),
    }
}

/// The status line: progress while a run is in flight, else the draws.
fn status_line(doc: &Document, view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = view.lang;
    let u = i18n::tui(lang);
    let view = &doc.risk;
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
    (1 + label.unwrap_or(0) + 2 + c.probability_w + 1) as u16
}

fn spread_widths(c: &Content) -> (usize, usize) {
    let label = c.spread.iter().map(|r| width(&r.label)).max().unwrap_or(0);
    (label, c.cell_w)
}

fn spread_width(c: &Content) -> u16 {
    let (label, cell) = spread_widths(c);
    (1 + label + 3 * (cell + 2) + 1) as u16
}

/// Rows of the spread panel inside its border at `inner_w` columns: wide,
/// with room for the longest note whether there is one or not; compact,
/// without (a note shows only where rows are to spare).
fn spread_rows(c: &Content, inner_w: u16, wide: bool) -> u16 {
    let note = if wide {
        wrap(&c.widest_note, inner_w.saturating_sub(2) as usize)
            .len()
            .min(2)
    } else {
        0
    };
    (1 + c.spread.len() + note) as u16
}

fn areas(doc: &Document, view: &View, body: Rect, theme: &Theme) -> (Areas, Content) {
    let wide = body.width >= 120 && body.height >= 34;
    let c = content(doc, view, wide, theme);
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
    // A bar per shown lever, planned before the tornado is computed.
    let n_bars = doc.levers.len() as u16;
    let (borders, title) = if wide { (2, 0) } else { (0, 1) };
    let pw = probabilities_width(&c) + if wide { 2 } else { 0 };
    let sw = spread_width(&c) + if wide { 2 } else { 0 };
    let prob_h = 4 + borders + title;
    let tornado_want = n_bars + 1 + borders + title;
    if wide {
        let col_w = pw.max(sw).min(body.width / 2);
        let spread_h = spread_rows(&c, col_w - 2, true) + borders;
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
        let spread_h = spread_rows(&c, body.width - pw - 1, false) + title;
        let h = prob_h.max(spread_h).min(rest_h);
        (
            Rect::new(body.x, top, pw, h),
            Rect::new(body.x + pw + 1, top, body.width - pw - 1, h),
            h,
        )
    } else {
        let spread_h = spread_rows(&c, body.width, false) + title;
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

pub fn render(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let (a, c) = areas(doc, view, body, theme);
    levers::selected_line(doc, view, a.lever, buf, theme);
    let status = Rect {
        height: 1,
        ..a.info
    };
    status_line(doc, view, status, buf, theme);
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
    let t = i18n::texts(view.lang);
    let spread_title = if a.wide {
        t.spread.to_string()
    } else {
        tui_text::in_currency(view.lang, t.spread, &doc.current.info.currency)
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
        histogram::draw(doc, view, &c, r, a.wide, buf, theme);
    }
    if let Some(r) = a.tornado {
        tornado::draw(doc, view, r, a.wide, buf, theme);
    }
}

/// Which lever is under the mouse: a row of the tornado.
pub fn hit(doc: &Document, view: &View, body: Rect, pos: Position) -> Hit {
    let theme = view.styles();
    let (a, _) = areas(doc, view, body, theme);
    let Some(area) = a.tornado else {
        return Hit::Other;
    };
    let inner = tornado::inner(area, a.wide);
    if !inner.contains(pos) || pos.y == inner.y {
        return Hit::Other;
    }
    let (l, rows) = tornado::layout(doc, view, inner, a.wide);
    let k = (pos.y - inner.y - 1) as usize;
    if k >= l.rows_shown {
        return Hit::Other;
    }
    match rows.get(l.offset + k).and_then(|r| r.lever) {
        Some(i) => Hit::Lever(i),
        None => Hit::Other,
    }
}
