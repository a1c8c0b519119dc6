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
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use rust_decimal::Decimal;
use tui_big_text::{BigText, PixelSize};

use super::text::{right, truncate, width, wrap_items};
use super::{charts, figures, levers};
use crate::format;
use crate::i18n;
use crate::i18n::glossary::{self, Term};
use crate::i18n::tui_text;
use crate::model::RiskRow;
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
    term: Term,
    /// The name with its basis: `Oppdragsgiver, nåverdi (4 %)`.
    label: String,
    /// The short name, for narrow cards; the basis then goes first among
    /// the notes.
    short: String,
    /// `sum over kontrakten`, `nåverdi (4 %)`.
    basis: String,
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
    let rate = doc.current.assumptions.discount_rate;
    // Short: cards are narrow (`sum`, `nåverdi (4 %)`).
    let sum_basis = t.summed.to_string();
    let npv_basis = i18n::npv_heading(lang, rate).to_lowercase();
    let money_card =
        |term: Term, label: String, basis: &str, v: Decimal, dv: Decimal, note: Vec<String>| {
            let (big, unit) = format::money_short_parts(lang, cur, v);
            Card {
                term,
                label,
                short: glossary::short(lang, term).to_string(),
                basis: basis.to_string(),
                big,
                unit,
                negative: v < Decimal::ZERO,
                delta: figures::change(|x| format::money_short(lang, cur, x), dv),
                delta_bare: figures::change(|x| format::money_short_bare(lang, x), dv),
                note,
            }
        };
    let pct = |v: Decimal| format::percent(lang, v, 1);
    let pct_card = |term: Term,
                    label: String,
                    v: Option<Decimal>,
                    dv: Decimal,
                    none: &str,
                    note: Vec<String>| {
        let mut note = note;
        if v.is_none() {
            note.insert(0, none.to_string());
        }
        let short = glossary::short(lang, term);
        Card {
            term,
            // A break-even keeps its heading: `Balansepunkt: kapital …`.
            short: if term == Term::BreakEvenPrincipal {
                format!("{}: {short}", u.c_break_even)
            } else {
                short.to_string()
            },
            label,
            basis: String::new(),
            big: v.map(pct).unwrap_or_else(|| "–".to_string()),
            unit: String::new(),
            negative: v.is_some_and(|x| x < Decimal::ZERO),
            delta: figures::points_change(lang, dv),
            delta_bare: figures::points_change(lang, dv),
            note,
        }
    };
    let money = |v| format::money_short(lang, cur, v);
    let name = |term: Term| glossary::name(lang, term);
    let mut payments_note = Vec::new();
    if !h.cofunder_part.is_zero() {
        payments_note.push(format!("{} {}", name(Term::PayerPart), money(h.payer_part)));
        payments_note.push(format!(
            "{} {}",
            glossary::short(lang, Term::CofunderPart),
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
    // The payer's NPV counts non-cash value; its cash budget stands beside.
    let budget_note = vec![format!(
        "{} {}",
        i18n::lower_first(glossary::short(lang, Term::BudgetNet)),
        money(h.budget_net)
    )];
    vec![
        money_card(
            Term::OutcomePayments,
            i18n::summed(lang, name(Term::OutcomePayments)),
            &sum_basis,
            h.outcome_payments,
            d.outcome_payments,
            payments_note,
        ),
        money_card(
            Term::PayerNpv,
            i18n::at_rate(lang, name(Term::PayerNpv), rate),
            &npv_basis,
            h.payer_npv,
            d.payer_npv,
            budget_note,
        ),
        pct_card(
            Term::InvestorIrr,
            name(Term::InvestorIrr).to_string(),
            h.investor_irr,
            d.investor_irr,
            t.no_irr,
            irr_note,
        ),
        money_card(
            Term::ProviderResult,
            i18n::summed(lang, name(Term::ProviderResult)),
            &sum_basis,
            h.provider_net,
            d.provider_net,
            Vec::new(),
        ),
        money_card(
            Term::PublicNpv,
            i18n::at_rate(lang, name(Term::PublicNpv), rate),
            &npv_basis,
            h.public_npv,
            d.public_npv,
            Vec::new(),
        ),
        pct_card(
            Term::BreakEvenPrincipal,
            format!("{}: {}", u.c_break_even, name(Term::BreakEvenPrincipal)),
            be.principal,
            d.be_principal,
            u.never_short,
            vec![
                format!(
                    "{} {}",
                    glossary::short(lang, Term::BreakEvenReturnCap),
                    be_text(be.return_cap)
                ),
                format!(
                    "{} {}",
                    glossary::short(lang, Term::BreakEvenPayer),
                    be_text(be.payer)
                ),
            ],
        ),
    ]
}

/// The terms of what the page shows, for pointing at them (`i`).
pub fn terms(doc: &Document, view: &View) -> Vec<Term> {
    if view.presentation_table {
        let mut out: Vec<Term> = super::risk::party_rows(doc)
            .iter()
            .map(|(t, _)| *t)
            .collect();
        out.extend([
            Term::CapReached,
            Term::GuaranteeTriggered,
            Term::InvestorLoses,
        ]);
        out
    } else {
        cards(doc, view).iter().map(|c| c.term).collect()
    }
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

fn card(c: &Card, pointed: bool, size: Size, r: Rect, buf: &mut Buffer, theme: &Theme) {
    let inner_w = r.width.saturating_sub(2) as usize;
    // The basis is in the full label; with the short one it leads the
    // notes, so no figure loses it.
    let (label, notes) = if width(&c.label) + 2 <= inner_w {
        (c.label.clone(), c.note.clone())
    } else {
        let mut notes = c.note.clone();
        if !c.basis.is_empty() {
            notes.insert(0, c.basis.clone());
        }
        (truncate(&c.short, inner_w.saturating_sub(2)), notes)
    };
    let title_style = if pointed { theme.selected } else { theme.title };
    let label = if pointed {
        format!("▶ {label}")
    } else {
        label
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Line::styled(format!(" {label} "), title_style));
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
    for line in wrap_items(&notes, inner.width as usize) {
        if y >= inner.bottom() || width(&line) > inner.width as usize {
            break;
        }
        let x = inner.x + inner.width.saturating_sub(width(&line) as u16) / 2;
        buf.set_string(x, y, line, theme.muted);
        y += 1;
    }
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
        let e = crate::model::effect(s, o, s.assumptions.achievement);
        let pair = [
            i18n::effect_level(view.lang, o, &e),
            i18n::effect_units(view.lang, o, &e),
        ];
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
    let rows = super::risk::party_rows(doc).len() as u16;
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

fn table_fits(doc: &Document, view: &View, area: Rect) -> bool {
    table_size(doc, view, area).is_some()
}

fn table_label_w(doc: &Document, view: &View) -> usize {
    super::risk::party_rows(doc)
        .iter()
        .map(|(t, _)| width(super::risk::row_label(view.lang, *t)))
        .max()
        .unwrap_or(0)
}

/// The risk-table page: each party's result (a sum over the contract, in
/// millions) at 0, 50, 100 and 150 % of the expected effect and now, in
/// large digits where they fit, and under it the flags and where they
/// hold (`⚠ investor taper: 0 %, 50 %`).
fn table_page(doc: &Document, view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = view.lang;
    let u = i18n::tui(lang);
    let size = table_size(doc, view, area).unwrap_or(Size::Text);
    let cols = table_columns(doc);
    let n = cols.len();
    let rows = super::risk::party_rows(doc);
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
        let label = super::risk::row_label(lang, *term);
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
