//! Presentation mode (`p`): no editing chrome; the selected lever and its
//! value on top (still steerable with the arrows), the key figures in large
//! digits (tui-big-text, normal text when there is no room), warnings, and
//! the payoff chart when the screen is tall enough. High contrast.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use rust_decimal::Decimal;
use tui_big_text::{BigText, PixelSize};

use super::text::{truncate, width, wrap_items};
use super::{charts, figures, levers};
use crate::format;
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

/// One key figure.
struct Card {
    label: String,
    short: String,
    /// The number in large digits.
    big: String,
    /// The unit words that follow it (`mill. kr`).
    unit: String,
    negative: bool,
    delta: String,
    /// The delta without currency, for narrow cards.
    delta_bare: String,
    note: Vec<String>,
}

fn cards(doc: &Document, view: &View) -> Vec<Card> {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let u = i18n::tui(lang);
    let cur = &doc.current.info.currency;
    let h = &doc.computed.headline;
    let d = &doc.computed.deltas;
    let money_card = |label: &str, short: &str, v: Decimal, dv: Decimal, note: Vec<String>| {
        let (big, unit) = format::money_short_parts(lang, cur, v);
        Card {
            label: label.to_string(),
            short: short.to_string(),
            big,
            unit,
            negative: v < Decimal::ZERO,
            delta: figures::change(|x| format::money_short(lang, cur, x), dv),
            delta_bare: figures::change(|x| format::money_short_bare(lang, x), dv),
            note,
        }
    };
    let pct = |v: Decimal| format::percent(lang, v, 1);
    let pct_delta = |dv: Decimal| figures::change(pct, dv);
    let pct_card = |label: &str,
                    short: &str,
                    v: Option<Decimal>,
                    dv: Decimal,
                    none: &str,
                    note: Vec<String>| {
        let mut note = note;
        if v.is_none() {
            note.insert(0, none.to_string());
        }
        Card {
            label: label.to_string(),
            short: short.to_string(),
            big: v.map(pct).unwrap_or_else(|| "–".to_string()),
            unit: String::new(),
            negative: v.is_some_and(|x| x < Decimal::ZERO),
            delta: pct_delta(dv),
            delta_bare: pct_delta(dv),
            note,
        }
    };
    let money = |v| format::money_short(lang, cur, v);
    let mut payments_note = Vec::new();
    if !h.cofunder_part.is_zero() {
        payments_note.push(format!("{} {}", u.of_which_payer, money(h.payer_part)));
        payments_note.push(format!(
            "{} {}",
            t.cofunder.to_lowercase(),
            money(h.cofunder_part)
        ));
    }
    let irr = &doc.computed.figures.evaluation.investor.irr;
    let mut irr_note = vec![format!(
        "{} {}",
        t.moic.to_lowercase(),
        h.investor_moic
            .map(|m| format::multiple(lang, m))
            .unwrap_or_else(|| "–".into())
    )];
    if irr.roots.len() > 1 {
        irr_note.insert(0, t.several_irrs.to_string());
    }
    let be = &h.break_even;
    let be_text = |v: Option<Decimal>| v.map(pct).unwrap_or_else(|| u.never_short.to_string());
    vec![
        money_card(
            t.outcome_payments,
            u.c_outcome_payments,
            h.outcome_payments,
            d.outcome_payments,
            payments_note,
        ),
        money_card(
            u.payer_npv,
            u.payer_npv,
            h.payer_npv,
            d.payer_npv,
            Vec::new(),
        ),
        pct_card(
            u.investor_irr,
            u.c_investor_irr,
            h.investor_irr,
            d.investor_irr,
            t.no_irr,
            irr_note,
        ),
        money_card(
            u.provider_result,
            u.c_provider_result,
            h.provider_net,
            d.provider_net,
            Vec::new(),
        ),
        money_card(
            u.public_npv,
            u.c_public_npv,
            h.public_npv,
            d.public_npv,
            Vec::new(),
        ),
        pct_card(
            &format!("{}: {}", u.c_break_even, u.be_principal_short),
            &format!("{}: {}", u.c_break_even, u.c_be_principal),
            be.principal,
            d.be_principal,
            u.never_short,
            vec![
                format!("{} {}", u.be_return_cap_short, be_text(be.return_cap)),
                format!("{} {}", u.be_payer_short, be_text(be.payer)),
            ],
        ),
    ]
}

/// Large digits only know ASCII and Latin-1: the minus sign becomes `-`.
fn big_glyphs(s: &str) -> String {
    s.replace('\u{2212}', "-")
}

/// The widest large number a card can show, by the language: a whole
/// amount under a million (`−999 999`), millions (`−99,9`), a share
/// (`−100,0 %`). Glyphs are sized for it, never for the values now, so
/// the cards keep their size while a lever moves.
fn planned_longest(lang: crate::format::Lang) -> u16 {
    let money = [Decimal::from(-999_999), Decimal::from(-99_949_999)]
        .map(|v| width(&format::money_short_parts(lang, "", v).0));
    let share = width(&format::percent(lang, Decimal::from(-1), 1));
    money.into_iter().chain([share]).max().unwrap_or(1) as u16
}

/// The largest glyph size and column count that fit all cards.
fn choose(cards: &[Card], longest: u16, area: Rect) -> (Size, u16, u16) {
    for size in [Size::Full, Size::Half, Size::Quadrant, Size::Text] {
        for cols in [3u16, 2] {
            let rows = (cards.len() as u16).div_ceil(cols);
            let card_w = area.width / cols;
            let (gw, gh) = size.cell();
            // Border, the big number, unit and change, one line of notes.
            let card_h = gh + 4;
            if longest * gw + 2 <= card_w && rows * card_h <= area.height {
                return (size, cols, card_h);
            }
        }
    }
    (Size::Text, 3, 5)
}

fn card(c: &Card, size: Size, r: Rect, buf: &mut Buffer, theme: &Theme) {
    let inner_w = r.width.saturating_sub(2) as usize;
    let label = if width(&c.label) + 2 <= inner_w {
        c.label.clone()
    } else {
        truncate(&c.short, inner_w.saturating_sub(2))
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Line::styled(format!(" {label} "), theme.title));
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.height == 0 {
        return;
    }
    let style = if c.negative {
        theme.negative
    } else {
        theme.figure
    };
    let big = big_glyphs(&c.big);
    // A number wider than the glyphs were sized for is written in plain
    // text on its card, never cut.
    let size = if width(&big) as u16 * size.cell().0 > inner.width {
        Size::Text
    } else {
        size
    };
    let (gw, gh) = size.cell();
    let bw = (width(&big) as u16 * gw).min(inner.width);
    let bx = inner.x + (inner.width - bw) / 2;
    match size.pixel() {
        Some(px) => {
            BigText::builder()
                .pixel_size(px)
                .style(style)
                .lines(vec![Line::from(big)])
                .build()
                .render(Rect::new(bx, inner.y, bw, gh.min(inner.height)), buf);
        }
        None => {
            let text = if c.unit.is_empty() {
                c.big.clone()
            } else {
                format!("{} {}", c.big, c.unit)
            };
            let x = inner.x + inner.width.saturating_sub(width(&text) as u16) / 2;
            buf.set_stringn(x, inner.y, text, inner.width as usize, style);
        }
    }
    let mut y = inner.y + gh;
    let with_unit = size != Size::Text && !c.unit.is_empty();
    let line = |delta: &str| {
        if with_unit && !delta.is_empty() {
            format!("{}  {delta}", c.unit)
        } else if with_unit {
            c.unit.clone()
        } else {
            delta.to_string()
        }
    };
    let mut text = line(&c.delta);
    if width(&text) > inner.width as usize {
        text = line(&c.delta_bare);
    }
    if y < inner.bottom() && width(&text) <= inner.width as usize {
        let x = inner.x + inner.width.saturating_sub(width(&text) as u16) / 2;
        if with_unit {
            buf.set_string(x, y, &c.unit, theme.label);
            let rest = &text[c.unit.len()..];
            buf.set_string(x + width(&c.unit) as u16, y, rest, theme.delta);
        } else {
            buf.set_string(x, y, &text, theme.delta);
        }
    }
    y += 1;
    for line in wrap_items(&c.note, inner.width as usize) {
        if y >= inner.bottom() || width(&line) > inner.width as usize {
            break;
        }
        let x = inner.x + inner.width.saturating_sub(width(&line) as u16) / 2;
        buf.set_string(x, y, line, theme.muted);
        y += 1;
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
            let hint = u.presentation_hint;
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

    let region = Rect {
        y: area.y + 5,
        height: area.height.saturating_sub(5 + 1 + warn_h + 1),
        ..area
    };
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
            card(c, size, r, buf, theme);
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
