//! The sites screen (8): each municipality of a pilot in a row — its size,
//! baseline and expected level per outcome, what it is paid for outcomes
//! and its budget net now, and its budget net at 0, 50, 100 and 150 % of
//! the expected effect — with the pilot's total under them. `f` chooses a
//! municipality (marked `▶`), `B` writes its business case.
//!
//! Read, not steered: ↑/↓, PgUp/PgDn, Home/End scroll the municipalities,
//! ←/→ the columns after the name when they do not all fit (`◀`/`▶` say
//! so). Columns are planned at their widest amount, never by the values,
//! so numbers are never cut. Without `[[sites]]` one line says that the
//! whole scenario is one municipality.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
use std::ops::Range;

use rust_decimal::Decimal;

use super::Hit;
use super::figures::{self, MoneyText};
use super::text::{right, truncate, width};
use crate::format::{self, Lang};
use crate::i18n::sites::{case_texts, site_texts};
use crate::i18n::{self, scenario_text, tui_text};
use crate::model;
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// One column after the name: two header lines and a cell per site, then
/// the total's cell.
struct Column {
    group: String,
    head: String,
    cells: Vec<Cell>,
    total: Option<Cell>,
    /// Planned width (the widest the column can be, not the values').
    width: usize,
}

/// A cell's text and whether it is an amount below zero.
struct Cell {
    text: String,
    negative: bool,
}

fn money_cell(lang: Lang, v: Decimal) -> Cell {
    Cell {
        text: format::money_short_bare(lang, v),
        negative: v < Decimal::ZERO,
    }
}

fn level(lang: Lang, d: Decimal) -> Cell {
    Cell {
        text: format::number(lang, d, d.normalize().scale().clamp(1, 2)),
        negative: false,
    }
}

/// The widest level planned (`100,00`).
const LEVEL_WIDTH: usize = 6;

/// The table's columns after the name, from the document's figures, with
/// the cells of the municipalities `rows` only (what is on screen: a
/// pilot may have 357).
fn columns(doc: &Document, view: &View, rows: Range<usize>) -> Vec<Column> {
    let lang = view.lang;
    let s = &doc.current;
    let t = site_texts(lang);
    let c = case_texts(lang);
    let e = &doc.computed.figures.evaluation;
    let money_w = figures::money_width(&MoneyText {
        lang,
        currency: "",
        bare: true,
    });
    let mut out = Vec::new();
    let rows = rows.start.min(s.sites.len())..rows.end.min(s.sites.len());
    let shown = &s.sites[rows.clone()];
    let weight = |site| crate::report::business_case::weight(s, site);
    out.push(Column {
        // What is counted (`årsverk`), when the scenario says.
        group: scenario_text::cohort_unit(lang, s).to_string(),
        head: c.size.to_string(),
        cells: shown
            .iter()
            .map(|site| Cell {
                text: format::number(lang, weight(site), 0),
                negative: false,
            })
            .collect(),
        total: Some(Cell {
            text: format::number(lang, s.sites.iter().map(weight).sum(), 0),
            negative: false,
        }),
        width: money_w,
    });
    for o in &s.outcomes {
        let group = scenario_text::outcome_name(lang, o).to_string();
        for (head, get) in [
            (
                c.baseline,
                &(|site: &crate::scenario::Site| site.baseline(o)) as &dyn Fn(_) -> Decimal,
            ),
            // At the expected effect, with the site's own factor.
            (c.expected, &|site| {
                model::site_effect(s, site, o, Decimal::ONE).level
            }),
        ] {
            out.push(Column {
                group: group.clone(),
                head: head.to_string(),
                cells: shown.iter().map(|site| level(lang, get(site))).collect(),
                total: None,
                width: LEVEL_WIDTH,
            });
        }
    }
    let sum = |f: &dyn Fn(usize) -> Decimal| -> Decimal { (0..s.sites.len()).map(f).sum() };
    let money_col = |group: String, head: &str, f: &dyn Fn(usize) -> Decimal| Column {
        group,
        head: head.to_string(),
        cells: rows.clone().map(|i| money_cell(lang, f(i))).collect(),
        total: Some(money_cell(lang, sum(f))),
        width: money_w,
    };
    let now = format!(
        "{}, {} {}",
        c.now,
        c.at_effect,
        format::percent(lang, s.assumptions.achievement, 0)
    );
    out.push(money_col(now.clone(), t.outcome_payments, &|i| {
        crate::report::business_case::site_payments(e, i)
    }));
    out.push(money_col(now, t.budget_net, &|i| {
        e.sites.get(i).map_or(Decimal::ZERO, |f| f.budget.net)
    }));
    for k in 0..model::RISK_ACHIEVEMENTS.len() {
        out.push(money_col(
            format!("{}, {}", t.budget_net, c.at_effect),
            &format::percent(lang, model::RISK_ACHIEVEMENTS[k], 0),
            &|i| {
                doc.computed
                    .sites
                    .get(i)
                    .map_or(Decimal::ZERO, |r| r[k].budget_net)
            },
        ));
    }
    for col in &mut out {
        col.width = col.width.max(width(&col.head));
    }
    out
}

/// Where everything goes, by the size and the scenario only.
struct Layout {
    name_w: usize,
    /// Columns after the name that fit.
    fit: usize,
    /// Municipality rows that fit.
    visible: usize,
}

fn layout(doc: &Document, view: &View, body: Rect, cols: &[Column]) -> Layout {
    let s = &doc.current;
    let total = i18n::texts(view.lang).total;
    let w = table_width(body);
    let longest = s
        .sites
        .iter()
        .map(|x| width(&x.name))
        .chain([width(total)])
        .max()
        .unwrap_or(0)
        + 2;
    // The name gets at most a third of the width (it is cut with `…`).
    let name_w = longest.min((w / 3).max(12));
    let mut used = name_w;
    let mut fit = 0;
    // Every column is planned at its widest: the fit is the narrowest
    // window's count, so scrolling never changes how many show.
    let mut widths: Vec<usize> = cols.iter().map(|c| c.width + 2).collect();
    widths.sort_unstable_by(|a, b| b.cmp(a));
    for cw in widths {
        if used + cw > w {
            break;
        }
        used += cw;
        fit += 1;
    }
    // Title rule, two header lines, the total; a line for where the rows
    // are scrolled to when they do not all fit.
    let room = body.height.saturating_sub(1 + 2 + 1) as usize;
    let visible = if s.sites.len() > room {
        room.saturating_sub(1)
    } else {
        room
    };
    Layout {
        name_w,
        fit: fit.max(1),
        visible,
    }
}

/// The table's width: the body less a cell each side, and the last
/// column kept for `▶`.
fn table_width(body: Rect) -> usize {
    body.width.saturating_sub(3) as usize
}

fn body_of(view: &View) -> Rect {
    let area = Rect::new(0, 0, view.size.0, view.size.1);
    super::frame_areas(area).1
}

/// The municipality whose row is at `pos` (a click chooses it).
pub fn hit(doc: &Document, view: &View, body: Rect, pos: Position) -> Hit {
    if doc.current.sites.is_empty() {
        return Hit::Other;
    }
    let l = layout(doc, view, body, &columns(doc, view, 0..0));
    let (max_rows, _) = max_scroll(doc, view);
    let row0 = view.scroll.sites_row.min(max_rows);
    // Under the title rule and the two header lines.
    let first = body.y + 3;
    if !body.contains(pos) || pos.y < first {
        return Hit::Other;
    }
    let i = row0 + (pos.y - first) as usize;
    if i < (row0 + l.visible).min(doc.current.sites.len()) {
        Hit::Site(i)
    } else {
        Hit::Other
    }
}

/// Municipality rows that fit at the view's size.
pub fn visible_rows(doc: &Document, view: &View) -> usize {
    let cols = columns(doc, view, 0..0);
    layout(doc, view, body_of(view), &cols).visible
}

/// Largest row and column scroll positions at the view's size.
pub fn max_scroll(doc: &Document, view: &View) -> (usize, usize) {
    if doc.current.sites.is_empty() {
        return (0, 0);
    }
    let cols = columns(doc, view, 0..0);
    let l = layout(doc, view, body_of(view), &cols);
    (
        doc.current.sites.len().saturating_sub(l.visible),
        cols.len().saturating_sub(l.fit),
    )
}

pub fn render(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = view.lang;
    let s = &doc.current;
    let u = i18n::tui(lang);
    let title = tui_text::in_currency(lang, u.screen_sites, &s.info.currency);
    super::panel(&title, true, theme).render(body, buf);
    let x0 = body.x + 1;
    let w = table_width(body);
    let mut y = body.y + 1;
    if s.sites.is_empty() {
        buf.set_stringn(x0, y, case_texts(lang).no_sites, w, theme.muted);
        return;
    }
    let l = layout(doc, view, body, &columns(doc, view, 0..0));
    let (max_rows, max_cols) = max_scroll(doc, view);
    let col0 = view.scroll.sites_col.min(max_cols);
    let row0 = view.scroll.sites_row.min(max_rows);
    let cols = columns(doc, view, row0..row0 + l.visible);
    // The columns shown: from the scroll position, as many as fit.
    let mut shown = Vec::new();
    let mut used = l.name_w;
    for (k, c) in cols.iter().enumerate().skip(col0) {
        if used + c.width + 2 > w {
            break;
        }
        used += c.width + 2;
        shown.push(k);
    }
    let mut xs = Vec::new();
    let mut x = x0 + l.name_w as u16;
    for k in &shown {
        xs.push(x + 2);
        x += cols[*k].width as u16 + 2;
    }

    // Two header lines: a group over its columns (once, cut to their
    // span), then each head.
    for (n, (k, cx)) in shown.iter().zip(&xs).enumerate() {
        let c = &cols[*k];
        let first = n == 0 || cols[shown[n - 1]].group != c.group;
        if first && !c.group.is_empty() {
            let span: usize = shown[n..]
                .iter()
                .take_while(|j| cols[**j].group == c.group)
                .map(|j| cols[*j].width + 2)
                .sum();
            let text = truncate(&c.group, span.saturating_sub(2));
            buf.set_string(*cx, y, text, theme.muted);
        }
        buf.set_string(*cx, y + 1, right(&c.head, c.width), theme.table_header);
    }
    if col0 > 0 {
        buf.set_string(x0 + l.name_w as u16, y + 1, "◀", theme.key);
    }
    if col0 + shown.len() < cols.len() {
        buf.set_string(body.right().saturating_sub(1), y + 1, "▶", theme.key);
    }
    y += 2;

    let row = |buf: &mut Buffer, y: u16, name: &str, cells: &[Option<&Cell>], style, mark| {
        if mark {
            buf.set_string(x0, y, "▶", theme.selected);
        }
        buf.set_string(x0 + 1, y, truncate(name, l.name_w - 2), style);
        for ((k, cx), cell) in shown.iter().zip(&xs).zip(cells) {
            if let Some(cell) = cell {
                let st = theme.number(cell.negative);
                let st = if mark { st.patch(theme.selected) } else { st };
                buf.set_string(*cx, y, right(&cell.text, cols[*k].width), st);
            }
        }
    };
    for i in (row0..s.sites.len()).take(l.visible) {
        if y >= body.bottom() {
            break;
        }
        let mark = view.site == Some(i);
        let cells: Vec<Option<&Cell>> =
            shown.iter().map(|k| cols[*k].cells.get(i - row0)).collect();
        let style = if mark { theme.selected } else { theme.label };
        row(buf, y, &s.sites[i].name, &cells, style, mark);
        y += 1;
    }
    if y < body.bottom() {
        let cells: Vec<Option<&Cell>> = shown.iter().map(|k| cols[*k].total.as_ref()).collect();
        row(buf, y, i18n::texts(lang).total, &cells, theme.total, false);
        y += 1;
    }
    if s.sites.len() > l.visible && y < body.bottom() {
        let last = (row0 + l.visible).min(s.sites.len());
        let note = tui_text::rows_shown(lang, row0 + 1, last, s.sites.len());
        let nx = body.right().saturating_sub(width(&note) as u16 + 1);
        buf.set_string(nx, y, note, theme.muted);
    }
}
