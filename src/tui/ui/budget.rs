//! The budget screen (7), for the outcome payer's CFO: what the contract
//! does to the payer's accounts per budget year — service fees, outcome
//! payments, refunds, cashable savings (and costs it pays), and the net —
//! at the current effect and at 0 % and 150 % of the expected; the most
//! the payer can ever pay; and the cash budget kept apart from the
//! economic result, which counts non-cash value too.
//!
//! Like the cash flows (3) it is read, not steered: ↑/↓, PgUp/PgDn,
//! Home/End scroll the rows, ←/→ the years when they do not all fit.
//! Amounts are planned at their widest (a column never moves with the
//! values); when the years do not fit in short money (`1,2 mill.`), every
//! amount is written in millions (`1,2`, the title says so), and then the
//! years scroll, the sum column staying in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;

use super::figures::{self, MoneyText};
use super::text::{left, right, truncate, width};
use crate::format;
use crate::i18n::glossary::{self, Term};
use crate::i18n::{self, tui_text};
use crate::report::budget::{self, BudgetFigure, BudgetTable, year_label};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// How the table writes money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cells {
    /// `1,2 mill.`, `−600 000` (the title names the currency).
    Short,
    /// `1,2`, `−0,6`: every amount in millions (the title says so).
    Millions,
}

impl Cells {
    fn text(self, lang: format::Lang, v: Decimal) -> String {
        match self {
            Cells::Short => format::money_short_bare(lang, v),
            Cells::Millions => format::number(lang, v / Decimal::from(1_000_000), 1),
        }
    }

    /// The widest amount planned (see [`figures::money_width`]).
    fn width(self, lang: format::Lang) -> usize {
        match self {
            Cells::Short => figures::money_width(&MoneyText {
                lang,
                currency: "",
                bare: true,
            }),
            Cells::Millions => width(&self.text(lang, Decimal::from(-99_949_999))),
        }
    }
}

/// One line of the screen's table.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// The effect a block is at: `Ved effekt 90 % av forventet (nå)`.
    Heading(String),
    /// An item: its term, the values per year and the sum.
    Item {
        term: Term,
        values: Vec<Decimal>,
        total: Decimal,
    },
}

/// The table's lines: a block per effect (now, 0 %, 150 %), each a
/// heading and the items of [`crate::report::budget::table`].
pub fn lines(doc: &Document, view: &View) -> Vec<Line> {
    let mut out = Vec::new();
    for b in tables(doc, view) {
        out.push(Line::Heading(heading(view, b)));
        out.extend(b.lines.iter().map(|l| Line::Item {
            term: l.term,
            values: l.values.clone(),
            total: l.total,
        }));
    }
    out
}

/// The tables shown: the payer's (all municipalities together), or the
/// chosen municipality's (`f`).
fn tables<'d>(doc: &'d Document, view: &View) -> &'d [BudgetTable] {
    match view.site.and_then(|i| doc.computed.site_budgets.get(i)) {
        Some(site) => site,
        None => &doc.computed.budgets,
    }
}

fn heading(view: &View, b: &BudgetTable) -> String {
    i18n::at_effect(view.lang, b.achievement, b.now)
}

/// The figures above the table (`report::budget::figures`), in whole
/// amounts with the currency: there is room beside a label.
fn summary(doc: &Document, view: &View) -> Vec<BudgetFigure> {
    let lang = view.lang;
    let currency = &doc.current.info.currency;
    let money = |v: Decimal| format::money_short(lang, currency, v);
    let e = &doc.computed.figures.evaluation;
    match view.site.and_then(|i| e.sites.get(i)) {
        Some(site) if !doc.current.sites.is_empty() => {
            budget::figures_of(lang, &doc.current, &site.budget, site.payer, &money)
        }
        _ => budget::figures(lang, &doc.current, e, &money),
    }
}

/// The terms the screen shows, in order, for pointing at them (`i`).
pub fn terms(doc: &Document, view: &View) -> Vec<Term> {
    let mut out: Vec<Term> = summary(doc, view).iter().map(|f| f.term).collect();
    if let Some(b) = tables(doc, view).first() {
        out.extend(b.lines.iter().map(|l| l.term));
    }
    out
}

/// Where everything goes, decided by the size and the scenario only.
struct Layout {
    cells: Cells,
    /// Full labels (else the glossary's short ones).
    full: bool,
    label_w: usize,
    cell_w: usize,
    /// Year columns that fit (the sum column comes after them).
    year_cols: usize,
    /// Rows of the summary, and whether it is in two columns.
    summary_rows: u16,
    summary_split: bool,
    /// Table rows that fit under the header.
    visible: usize,
}

fn years(doc: &Document, view: &View) -> usize {
    tables(doc, view).first().map_or(0, |b| b.years.len())
}

fn layout(doc: &Document, view: &View, body: Rect) -> Layout {
    let lang = view.lang;
    let w = body.width.saturating_sub(2) as usize;
    let n = years(doc, view);
    let label = |full: bool| {
        let items = tables(doc, view).first().map(|b| {
            b.lines
                .iter()
                .map(|l| {
                    let text = if full {
                        glossary::name(lang, l.term)
                    } else {
                        glossary::short(lang, l.term)
                    };
                    width(text) + 2
                })
                .max()
                .unwrap_or(0)
        });
        items.unwrap_or(0)
    };
    // The widest way that shows every year: full labels and short money,
    // short labels, then millions; else millions with the years scrolling.
    let fits = |label_w: usize, cells: Cells| label_w + (n + 1) * (cells.width(lang) + 2) <= w;
    let (full, cells) = [
        (true, Cells::Short),
        (false, Cells::Short),
        (true, Cells::Millions),
        (false, Cells::Millions),
    ]
    .into_iter()
    .find(|(full, cells)| fits(label(*full), *cells))
    .unwrap_or((false, Cells::Millions));
    let label_w = label(full);
    let cell_w = cells.width(lang).max(year_width(doc, view));
    let year_cols = (w.saturating_sub(label_w) / (cell_w + 2))
        .saturating_sub(1)
        .clamp(1, n.max(1));
    let pairs = summary(doc, view);
    let pair_w = pairs
        .iter()
        .map(|f| width(&f.label) + 2 + width(&f.value) + 4)
        .max()
        .unwrap_or(0);
    let summary_split = body.width as usize >= 2 * pair_w + 2;
    let summary_rows = if summary_split {
        pairs.len().div_ceil(2)
    } else {
        pairs.len()
    } as u16;
    // Title, summary, a blank line, the years' header; and a row for
    // where the table is scrolled to, when it does not all fit.
    let chrome = 1 + summary_rows + 1 + 1;
    let room = body.height.saturating_sub(chrome) as usize;
    let all = lines(doc, view).len();
    let visible = if all > room {
        room.saturating_sub(1)
    } else {
        room
    };
    Layout {
        cells,
        full,
        label_w,
        cell_w,
        year_cols,
        summary_rows,
        summary_split,
        visible,
    }
}

/// The widest year label (`2027`, `år 10`).
fn year_width(doc: &Document, view: &View) -> usize {
    doc.computed
        .budgets
        .first()
        .map(|b| {
            b.years
                .iter()
                .map(|y| width(&year_label(view.lang, &doc.current, *y)))
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0)
        .max(width(i18n::texts(view.lang).total))
}

/// The title: whose budget it is when the pilot has municipalities
/// (`Budsjett – Ås`, `Budsjett – alle kommuner`).
fn whose(doc: &Document, view: &View) -> String {
    let title = i18n::tui(view.lang).budget_title;
    let sites = &doc.current.sites;
    if sites.is_empty() {
        return title.to_string();
    }
    match view.site.and_then(|i| sites.get(i)) {
        Some(site) => format!("{title} – {}", site.name),
        None => format!("{title} – {}", i18n::sites::case_texts(view.lang).all),
    }
}

fn body_of(view: &View) -> Rect {
    let area = Rect::new(0, 0, view.size.0, view.size.1);
    super::frame_areas(area).1
}

/// Largest row and year-column scroll positions at the view's size.
pub fn max_scroll(doc: &Document, view: &View) -> (usize, usize) {
    let l = layout(doc, view, body_of(view));
    let rows = lines(doc, view).len().saturating_sub(l.visible);
    (rows, years(doc, view).saturating_sub(l.year_cols))
}

pub fn render(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = view.lang;
    let l = layout(doc, view, body);
    let currency = &doc.current.info.currency;
    let whose = whose(doc, view);
    let title = match l.cells {
        Cells::Short => tui_text::in_currency(lang, &whose, currency),
        Cells::Millions => tui_text::in_millions(lang, &whose, currency),
    };
    super::panel(&title, true, theme).render(body, buf);
    let x0 = body.x + 1;
    let w = body.width.saturating_sub(2) as usize;
    let mut y = body.y + 1;

    // The summary: what the payer can at most pay, the cash budget, and
    // the economic result beside it.
    let pairs = summary(doc, view);
    let cols = if l.summary_split { 2 } else { 1 };
    let col_w = w / cols;
    let lw = pairs.iter().map(|f| width(&f.label)).max().unwrap_or(0);
    for (i, f) in pairs.iter().enumerate() {
        let (label, value, warn, term) = (&f.label, &f.value, f.warning, f.term);
        let (row, col) = if l.summary_split {
            (i as u16 % l.summary_rows, i / l.summary_rows as usize)
        } else {
            (i as u16, 0)
        };
        let (ry, rx) = (y + row, x0 + (col * col_w) as u16);
        if ry >= body.bottom() {
            continue;
        }
        let pointed = view.pointed == Some(term);
        let label_style = if pointed { theme.selected } else { theme.label };
        if pointed {
            buf.set_string(rx.saturating_sub(1), ry, "▶", theme.selected);
        }
        let room = col_w.saturating_sub(2);
        if warn {
            buf.set_stringn(rx, ry, format!("⚠ {value}"), room, theme.warning);
            continue;
        }
        let label_room = room.saturating_sub(width(value) + 2).min(lw);
        buf.set_string(
            rx,
            ry,
            left(&truncate(label, label_room), label_room),
            label_style,
        );
        let style = theme
            .number(value.starts_with('\u{2212}'))
            .patch(theme.figure);
        buf.set_string(rx + label_room as u16 + 2, ry, value, style);
    }
    y += l.summary_rows + 1;
    if y >= body.bottom() {
        return;
    }

    // The years' header: year columns from the scroll position, then the
    // sum, `◀`/`▶` when years are hidden.
    let n = years(doc, view);
    let col0 = view.scroll.budget_col.min(n.saturating_sub(l.year_cols));
    let shown: Vec<usize> = (col0..n).take(l.year_cols).collect();
    let Some(first) = tables(doc, view).first() else {
        return;
    };
    let cell_x = |k: usize| x0 + (l.label_w + k * (l.cell_w + 2)) as u16;
    for (k, c) in shown.iter().enumerate() {
        let label = year_label(lang, &doc.current, first.years[*c]);
        buf.set_string(
            cell_x(k) + 2,
            y,
            right(&label, l.cell_w),
            theme.table_header,
        );
    }
    let sum_x = cell_x(shown.len()) + 2;
    let total = i18n::texts(lang).total;
    buf.set_string(sum_x, y, right(total, l.cell_w), theme.table_header);
    if col0 > 0 {
        buf.set_string(cell_x(0), y, "◀", theme.key);
    }
    if col0 + shown.len() < n {
        buf.set_string(sum_x - 2, y, "▶", theme.key);
    }
    y += 1;

    let all = lines(doc, view);
    let (max_rows, _) = max_scroll(doc, view);
    let row0 = view.scroll.budget.min(max_rows);
    for line in all.iter().skip(row0).take(l.visible) {
        if y >= body.bottom() {
            break;
        }
        match line {
            Line::Heading(text) => {
                buf.set_stringn(x0, y, text, w, theme.group);
            }
            Line::Item {
                term,
                values,
                total,
            } => {
                let net = *term == Term::BudgetYearNet;
                let pointed = view.pointed == Some(*term);
                let name = if l.full {
                    glossary::name(lang, *term)
                } else {
                    glossary::short(lang, *term)
                };
                let style = match (pointed, net) {
                    (true, _) => theme.selected,
                    (false, true) => theme.total,
                    (false, false) => theme.label,
                };
                if pointed {
                    buf.set_string(x0.saturating_sub(1), y, "▶", theme.selected);
                }
                buf.set_string(x0 + 2, y, truncate(name, l.label_w - 2), style);
                let cell = |v: Decimal| -> (String, Style) {
                    let s = theme.number(v < Decimal::ZERO);
                    let s = if v.is_zero() { theme.muted } else { s };
                    let s = if net { s.patch(theme.total) } else { s };
                    (l.cells.text(lang, v), s)
                };
                for (k, c) in shown.iter().enumerate() {
                    let (text, s) = cell(values[*c]);
                    buf.set_string(cell_x(k) + 2, y, right(&text, l.cell_w), s);
                }
                let (text, s) = cell(*total);
                buf.set_string(sum_x, y, right(&text, l.cell_w), s);
            }
        }
        y += 1;
    }
    // Its own row (kept by the layout) says which rows show.
    if all.len() > l.visible && y < body.bottom() {
        let last = (row0 + l.visible).min(all.len());
        let note = tui_text::rows_shown(lang, row0 + 1, last, all.len());
        let nx = body.right().saturating_sub(width(&note) as u16 + 1);
        buf.set_string(nx, y, note, theme.muted);
    }
}
