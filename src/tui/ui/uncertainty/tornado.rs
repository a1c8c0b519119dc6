//! The uncertainty screen's tornado: every shown lever one step down and
//! up, and what that does to the payer's NPV and the investor's IRR, in the
//! order the view sorts by (`f`); scrolled to the selected lever.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::format;
use crate::i18n::{self, tui_text};
use crate::risk::{Side, TornadoFigure};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::ui::figures::MoneyText;
use crate::tui::ui::text::{left, right, truncate, width};
use crate::tui::ui::{levers, panel};
use crate::tui::view::View;

/// One side of a tornado bar: the text, and the change for the bar (none
/// when the text shows no change).
fn side_text(
    view: &View,
    side: &Side,
    figure: TornadoFigure,
    money: &MoneyText,
) -> (String, Option<Decimal>) {
    let lang = view.lang;
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
pub(super) struct TornadoRow {
    pub(super) lever: Option<usize>,
    label: String,
    now: String,
    groups: Vec<(String, Option<Decimal>, String, Option<Decimal>)>,
}

fn tornado_rows(
    doc: &Document,
    view: &View,
    figures: &[TornadoFigure],
    wide: bool,
) -> Vec<TornadoRow> {
    let Some(tornado) = &doc.risk.tornado else {
        return Vec::new();
    };
    let money = MoneyText {
        lang: view.lang,
        currency: &doc.current.info.currency,
        bare: !wide,
    };
    tornado
        .sorted_by(view.tornado_sort)
        .bars
        .iter()
        .map(|b| TornadoRow {
            lever: doc.levers.iter().position(|l| l.id == b.lever.id),
            label: i18n::lever_label(view.lang, &doc.current, &b.lever),
            now: levers::short_value(view.lang, &doc.current, &b.lever, b.lever.value, !wide),
            groups: figures
                .iter()
                .map(|f| {
                    let (dt, dc) = side_text(view, &b.down, *f, &money);
                    let (ut, uc) = side_text(view, &b.up, *f, &money);
                    (dt, dc, ut, uc)
                })
                .collect(),
        })
        .collect()
}

/// Column widths of the tornado: label, value now, and per figure the
/// down and up texts and the bars' half width.
pub(super) struct TornadoLayout {
    figures: Vec<TornadoFigure>,
    label_w: usize,
    now_w: usize,
    /// (down width, half bar width, up width) per figure.
    groups: Vec<(usize, usize, usize)>,
    /// First row shown (the list scrolls to the selected lever).
    pub(super) offset: usize,
    pub(super) rows_shown: usize,
}

fn tornado_header(view: &View, f: TornadoFigure) -> (String, &'static str, String) {
    let t = i18n::texts(view.lang);
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

pub(super) fn layout(
    doc: &Document,
    view: &View,
    inner: Rect,
    wide: bool,
) -> (TornadoLayout, Vec<TornadoRow>) {
    let w = inner.width.saturating_sub(1) as usize;
    let both = [TornadoFigure::PayerNpv, TornadoFigure::InvestorIrr];
    let sort = view.tornado_sort;
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
        let rows = tornado_rows(doc, view, &figures, wide);
        let label_w = rows
            .iter()
            .map(|r| width(&r.label))
            .max()
            .unwrap_or(0)
            .min(28);
        let now_w = rows.iter().map(|r| width(&r.now)).max().unwrap_or(0);
        let mut groups = Vec::new();
        for (g, f) in figures.iter().enumerate() {
            let (dh, _, uh) = tornado_header(view, *f);
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
        .position(|r| r.lever == Some(view.selected))
        .unwrap_or(0);
    layout.offset = (selected + 1).saturating_sub(room);
    layout.rows_shown = rows.len().saturating_sub(layout.offset).min(room);
    (layout, rows)
}

fn tornado_title(view: &View) -> String {
    let t = i18n::texts(view.lang);
    let u = i18n::tui(view.lang);
    format!("{} ({})", t.tornado_title, u.unc_tornado_hint)
}

pub(super) fn inner(area: Rect, wide: bool) -> Rect {
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

pub(super) fn draw(
    doc: &Document,
    view: &View,
    area: Rect,
    wide: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let mut title = tornado_title(view);
    if !wide
        && doc.current.info.currency.as_str() != ""
        && view.tornado_sort == TornadoFigure::PayerNpv
    {
        title = tui_text::in_currency(view.lang, &title, &doc.current.info.currency);
    }
    let block = panel(&title, !wide, theme);
    let inner = inner(area, wide);
    block.render(area, buf);
    if inner.height == 0 {
        return;
    }
    let (l, rows) = layout(doc, view, inner, wide);
    let hidden = rows.len().saturating_sub(l.rows_shown);
    if hidden > 0 {
        let note = format!(" {hidden} {} ", i18n::tui(view.lang).unc_more_levers);
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
    let t = i18n::texts(view.lang);
    let y = inner.y;
    buf.set_string(label_x, y, truncate(t.lever, l.label_w), theme.table_header);
    if l.now_w > 0 {
        let now = truncate(i18n::tui(view.lang).now, l.now_w);
        buf.set_string(now_x, y, right(&now, l.now_w), theme.table_header);
    }
    for (g, f) in l.figures.iter().enumerate() {
        let (dw, half, uw) = l.groups[g];
        let (dh, name, uh) = tornado_header(view, *f);
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
        let selected = r.lever == Some(view.selected);
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
