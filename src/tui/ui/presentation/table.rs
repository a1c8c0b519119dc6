//! The risk-table page of presentation mode: each party's result at 0,
//! 50, 100 and 150 % and now, in large digits where they fit, with the
//! flags the room argues about.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;
use tui_big_text::BigText;

use crate::format;
use crate::i18n;
use crate::i18n::glossary::{self, Term};
use crate::i18n::tui_text;
use crate::model::RiskRow;
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::ui::text::{right, truncate, width};
use crate::tui::view::View;

use super::{Size, big_glyphs};

/// The risk table's columns: 0, 50, 100, 150 % and now.
fn table_columns(doc: &Document) -> Vec<&RiskRow> {
    let c = &doc.computed;
    c.risk.iter().chain(std::iter::once(&c.now_row)).collect()
}

/// The flags of one column: the cap reached, the guarantee paid, the
/// investor losing money (after the guarantee).
fn flags(doc: &Document, r: &RiskRow) -> [bool; 3] {
    let cap = doc
        .current
        .payment
        .cap
        .map(|c| c.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero));
    [
        cap.is_some_and(|c| r.outcome_payments >= c),
        r.guarantor.net < Decimal::ZERO,
        r.investor.net < Decimal::ZERO,
    ]
}

const FLAGS: [Term; 3] = [
    Term::CapReached,
    Term::GuaranteeTriggered,
    Term::InvestorLoses,
];

/// A column's heading: `0 %`, …, `nå 90 %`.
fn column_heading(view: &View, i: usize, r: &RiskRow, n: usize) -> String {
    let pct = format::percent(view.lang, r.achievement, 0);
    if i + 1 == n {
        tui_text::marker(i18n::tui(view.lang).now, &pct)
    } else {
        pct
    }
}

/// The widest amount planned, in millions (`−99,9`).
fn planned_cell(lang: format::Lang) -> usize {
    width(&format::number(lang, Decimal::new(-999, 1), 1))
}

/// How the table is drawn: quadrant glyphs (4×4 cells a character) when
/// they fit, else plain bold text.
fn table_size(doc: &Document, view: &View, area: Rect) -> Option<Size> {
    let rows = crate::tui::ui::risk::party_rows(doc).len() as u16;
    let label_w = table_label_w(doc, view) as u16;
    let n = table_columns(doc).len() as u16;
    let chars = planned_cell(view.lang) as u16;
    // Title, header, the rows, a gap and three flag lines.
    let big_h = 2 + rows * 4 + 1 + 3;
    let big_w = label_w + 2 + n * (chars * 4 + 2);
    let text_h = 2 + rows + 1 + 1;
    if big_w <= area.width && big_h <= area.height {
        Some(Size::Quadrant)
    } else if text_h <= area.height {
        Some(Size::Text)
    } else {
        None
    }
}

pub(super) fn table_fits(doc: &Document, view: &View, area: Rect) -> bool {
    table_size(doc, view, area).is_some()
}

fn table_label_w(doc: &Document, view: &View) -> usize {
    crate::tui::ui::risk::party_rows(doc)
        .iter()
        .map(|(t, _)| width(crate::tui::ui::risk::row_label(view.lang, *t)))
        .max()
        .unwrap_or(0)
}

/// The risk-table page: each party's result (a sum over the contract, in
/// millions) at 0, 50, 100 and 150 % of the expected effect and now, in
/// large digits where they fit, and under it the flags and where they
/// hold (`⚠ investor taper: 0 %, 50 %`).
pub(super) fn table_page(doc: &Document, view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = view.lang;
    let u = i18n::tui(lang);
    let size = table_size(doc, view, area).unwrap_or(Size::Text);
    let cols = table_columns(doc);
    let n = cols.len();
    let rows = crate::tui::ui::risk::party_rows(doc);
    let label_w = table_label_w(doc, view);
    let (gw, gh) = size.cell();
    let cell_w = (planned_cell(lang) as u16 * gw).max(
        cols.iter()
            .enumerate()
            .map(|(i, r)| width(&column_heading(view, i, r, n)) as u16)
            .max()
            .unwrap_or(0),
    );
    // Two cells between columns, one when narrow; the labels give way
    // last (words are cut, never numbers).
    let gap: u16 = if label_w as u16 + 2 + n as u16 * (cell_w + 2) <= area.width {
        2
    } else {
        1
    };
    let label_w = (label_w as u16).min(
        area.width
            .saturating_sub(gap + n as u16 * (cell_w + gap) + 1),
    ) as usize;
    let table_w = label_w as u16 + gap + n as u16 * (cell_w + gap);
    let x0 = area.x + area.width.saturating_sub(table_w) / 2;
    let mut y = area.y;
    let title = tui_text::in_millions(lang, u.risk_title, &doc.current.info.currency);
    let title = truncate(&title, area.width as usize - 2);
    let tx = area.x + area.width.saturating_sub(width(&title) as u16) / 2;
    buf.set_string(tx, y, &title, theme.title);
    y += 1;
    let cell_x = |i: usize| x0 + label_w as u16 + gap + i as u16 * (cell_w + gap);
    for (i, r) in cols.iter().enumerate() {
        let style = if i + 1 == n {
            theme.table_header.patch(theme.selected)
        } else {
            theme.table_header
        };
        let text = column_heading(view, i, r, n);
        buf.set_string(cell_x(i), y, right(&text, cell_w as usize), style);
    }
    y += 1;
    for (term, get) in &rows {
        if y + gh > area.bottom() {
            break;
        }
        let pointed = view.pointed == Some(*term);
        let label_style = if pointed { theme.selected } else { theme.label };
        let label = crate::tui::ui::risk::row_label(lang, *term);
        if pointed {
            buf.set_string(x0.saturating_sub(2), y + gh / 2, "▶", theme.selected);
        }
        buf.set_string(x0, y + gh / 2, truncate(label, label_w), label_style);
        for (i, r) in cols.iter().enumerate() {
            let v = get(r);
            let text = format::number(lang, v / Decimal::from(1_000_000), 1);
            let style = if v < Decimal::ZERO {
                theme.negative
            } else {
                theme.figure
            };
            let big = big_glyphs(&text);
            let x = cell_x(i);
            match size.pixel() {
                // An amount wider than planned is written plainly.
                Some(px) if width(&big) as u16 * gw <= cell_w => {
                    let bw = width(&big) as u16 * gw;
                    BigText::builder()
                        .pixel_size(px)
                        .style(style)
                        .lines(vec![Line::from(big)])
                        .build()
                        .render(Rect::new(x + cell_w - bw, y, bw, gh), buf);
                }
                _ => {
                    buf.set_string(x, y + gh / 2, right(&text, cell_w as usize), style);
                }
            }
        }
        y += gh;
    }
    y += 1;
    for (k, term) in FLAGS.iter().enumerate() {
        if y >= area.bottom() {
            break;
        }
        let at: Vec<String> = cols
            .iter()
            .enumerate()
            .filter(|(_, r)| flags(doc, r)[k])
            .map(|(i, r)| column_heading(view, i, r, n))
            .collect();
        if at.is_empty() {
            continue;
        }
        let pointed = view.pointed == Some(*term);
        let text = format!("⚠ {}: {}", glossary::name(lang, *term), at.join(", "));
        let style = if pointed {
            theme.selected
        } else {
            theme.warning
        };
        buf.set_stringn(
            x0,
            y,
            &text,
            area.right().saturating_sub(x0) as usize,
            style,
        );
        y += 1;
    }
}
