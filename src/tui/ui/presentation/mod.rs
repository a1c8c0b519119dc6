//! Presentation mode (`p`): no editing chrome; the selected lever and its
//! value on top (still steerable with the arrows) and what the effect
//! means in each indicator's own terms; then one of two pages (Tab): the
//! key figures in large digits (tui-big-text, normal text when there is no
//! room) with the payoff chart when the screen is tall enough, or the risk
//! table — each party's result at 0, 50, 100 and 150 % and now, in large
//! digits where they fit, with the flags the room argues about (cap
//! reached, guarantee paid, investor loses). Warnings stay. High contrast.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::Widget;
use tui_big_text::PixelSize;

use super::text::{truncate, width};
use super::{charts, figures, levers};
use crate::i18n;
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// Glyph sizes, largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    Full,
    Half,
    Quadrant,
    Text,
}

impl Size {
    fn cell(self) -> (u16, u16) {
        match self {
            Size::Full => (8, 8),
            Size::Half => (8, 4),
            Size::Quadrant => (4, 4),
            Size::Text => (1, 1),
        }
    }

    fn pixel(self) -> Option<PixelSize> {
        match self {
            Size::Full => Some(PixelSize::Full),
            Size::Half => Some(PixelSize::HalfHeight),
            Size::Quadrant => Some(PixelSize::Quadrant),
            Size::Text => None,
        }
    }
}

mod cards;
mod table;

pub use cards::terms;
use cards::{card, cards, choose, planned_longest};
use table::{table_fits, table_page};

/// Large digits only know ASCII and Latin-1: the minus sign becomes `-`.
fn big_glyphs(s: &str) -> String {
    s.replace('\u{2212}', "-")
}

/// Rows the effect lines take: each outcome's level and units a year, on
/// one line when the screen is wide, else on two (at most two outcomes).
fn effect_rows(doc: &Document, area: Rect) -> u16 {
    let per = if area.width >= 120 { 1 } else { 2 };
    doc.current.outcomes.len().min(2) as u16 * per
}

/// What the effect now means in each indicator's own terms, centred.
fn effect_lines(doc: &Document, view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = &doc.current;
    let w = area.width.saturating_sub(2) as usize;
    let per = if area.width >= 120 { 1 } else { 2 };
    let mut y = area.y;
    for o in s.outcomes.iter().take(2) {
        // One municipality at a time (`f`): its own level and units.
        let pair = match view.site.and_then(|i| s.sites.get(i)) {
            Some(site) => {
                let e = crate::model::site_effect(s, site, o, s.assumptions.achievement);
                // The outcome as this municipality contracts it.
                let mut own = o.clone();
                own.baseline = site.baseline(o);
                own.target = site.target(o);
                own.expected = site.expected(o);
                [
                    format!("{}: {}", site.name, i18n::effect_level(view.lang, &own, &e)),
                    i18n::effect_units(view.lang, o, &e),
                ]
            }
            None => levers::effect_pair(view.lang, s, o, s.assumptions.achievement),
        };
        let joined = pair.join(" · ");
        let lines = if width(&joined) <= w {
            vec![joined]
        } else {
            pair.to_vec()
        };
        for line in lines.iter().take(per) {
            if y >= area.bottom() {
                return;
            }
            let line = truncate(line, w);
            let x = area.x + area.width.saturating_sub(width(&line) as u16) / 2;
            buf.set_string(x, y, &line, theme.label);
            y += 1;
        }
        if lines.len() < per {
            y += (per - lines.len()) as u16;
        }
    }
}

pub fn render(doc: &Document, view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let u = i18n::tui(view.lang);
    let title = truncate(
        i18n::scenario_text::title(view.lang, &doc.current),
        area.width as usize - 2,
    );
    let tx = area.x + area.width.saturating_sub(width(&title) as u16) / 2;
    buf.set_string(tx, area.y, &title, theme.title);

    // The selected lever, centred, with a wide bar.
    if let Some(lever) = doc.lever(view.selected) {
        let value = doc.value(lever);
        let mark = if doc.is_changed(lever) { "● " } else { "" };
        let text = format!(
            "◀  {mark}{}: {}  ▶",
            i18n::lever_label(view.lang, &doc.current, lever),
            i18n::lever_value(view.lang, &doc.current, lever, value)
        );
        let text = truncate(&text, area.width as usize - 2);
        let x = area.x + area.width.saturating_sub(width(&text) as u16) / 2;
        buf.set_string(x, area.y + 2, &text, theme.selected);
        let bw = (area.width / 2).min(60) as usize;
        let (fill, empty) = levers::bar(lever.position(value), bw);
        let bx = area.x + (area.width - bw as u16) / 2;
        buf.set_string(bx, area.y + 3, &fill, theme.bar_fill);
        buf.set_string(
            bx + width(&fill) as u16,
            area.y + 3,
            &empty,
            theme.bar_empty,
        );
    }

    let foot_y = area.bottom() - 1;
    match &view.message {
        Some(m) => {
            let w = area.width as usize - 2;
            let text = truncate(&m.text, w);
            buf.set_string(area.x + 1, foot_y, text, theme.warning);
        }
        None => {
            let hint = if view.presentation_table {
                u.presentation_hint_table
            } else {
                u.presentation_hint
            };
            let x = area.right().saturating_sub(width(hint) as u16 + 1);
            buf.set_string(x, foot_y, hint, theme.muted);
        }
    }
    let warnings = figures::warning_lines(doc, view, area.width.saturating_sub(4) as usize);
    // Rows for warnings by the height alone (the cards keep their size
    // when one appears): fewer than on the screens, the digits come first.
    let warn_h = (area.height / 20).clamp(1, 3);
    for (i, line) in warnings.iter().take(warn_h as usize).enumerate() {
        let y = foot_y - warn_h + i as u16;
        buf.set_stringn(area.x + 2, y, line, area.width as usize - 4, theme.warning);
    }

    let effect_h = effect_rows(doc, area);
    let below = area.height.saturating_sub(1 + warn_h + 1);
    let region = |top: u16| Rect {
        y: area.y + top,
        height: below.saturating_sub(top),
        ..area
    };
    let with_effect = region(4 + effect_h + 1);
    let effect_area = Rect {
        y: area.y + 4,
        height: effect_h,
        ..area
    };
    if view.presentation_table {
        // The table before the effect lines when both do not fit.
        let r = if table_fits(doc, view, with_effect) {
            effect_lines(doc, view, effect_area, buf, theme);
            with_effect
        } else {
            region(5)
        };
        table_page(doc, view, r, buf, theme);
        return;
    }
    effect_lines(doc, view, effect_area, buf, theme);
    let region = with_effect;
    let cards = cards(doc, view);
    let (size, cols, card_h) = choose(&cards, planned_longest(view.lang), region);
    let rows = (cards.len() as u16).div_ceil(cols);
    let grid_h = rows * card_h;
    let chart_h = region.height.saturating_sub(grid_h);
    let card_w = region.width / cols;
    let x0 = region.x + (region.width - card_w * cols) / 2;
    // Without a chart below, the cards sit in the middle.
    let y0 = if chart_h >= 10 {
        region.y
    } else {
        region.y + chart_h / 2
    };
    for (i, c) in cards.iter().enumerate() {
        let (row, col) = (i as u16 / cols, i as u16 % cols);
        let r = Rect::new(x0 + col * card_w, y0 + row * card_h, card_w, card_h);
        if r.bottom() <= region.bottom() {
            card(c, view.pointed == Some(c.term), size, r, buf, theme);
        }
    }
    if chart_h >= 10 {
        let r = Rect {
            y: region.y + grid_h,
            height: chart_h,
            ..region
        };
        let block = super::panel(u.chart_payoff, false, theme).title_alignment(Alignment::Center);
        let inner = block.inner(r);
        block.render(r, buf);
        charts::draw_payoff(doc, view, inner, false, buf, theme);
    }
}
