//! The key-figures page of presentation mode: a card per figure, its
//! number in large digits where they fit, with its basis, change and notes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use rust_decimal::Decimal;
use tui_big_text::BigText;

use crate::format;
use crate::i18n;
use crate::i18n::glossary::{self, Term};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::ui::figures;
use crate::tui::ui::text::{truncate, width, wrap_items};
use crate::tui::view::View;

use super::{Size, big_glyphs};

/// One key figure.
pub(super) struct Card {
    pub(super) term: Term,
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

pub(super) fn cards(doc: &Document, view: &View) -> Vec<Card> {
    if let Some(i) = view.site.filter(|i| *i < doc.current.sites.len()) {
        return site_cards(doc, view, i);
    }
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

/// One municipality at a time (`f`): what it is paid and its budget net
/// (with the most it can pay), and its budget net at 0, 50, 100 and
/// 150 % of the expected effect, each labelled with its name: six cards,
/// as many as the pilot's.
fn site_cards(doc: &Document, view: &View, i: usize) -> Vec<Card> {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let c = i18n::sites::case_texts(lang);
    let cur = &doc.current.info.currency;
    let site = &doc.current.sites[i];
    let e = &doc.computed.figures.evaluation;
    let sum_basis = t.summed.to_string();
    let card = |term: Term, label: String, short: String, v: Decimal, note: Vec<String>| {
        let (big, unit) = format::money_short_parts(lang, cur, v);
        Card {
            term,
            short: format!("{}: {short}", site.name),
            label: format!("{}: {label}", site.name),
            basis: sum_basis.clone(),
            big,
            unit,
            negative: v < Decimal::ZERO,
            delta: String::new(),
            delta_bare: String::new(),
            note,
        }
    };
    let name = |term: Term| glossary::name(lang, term).to_string();
    let short = |term: Term| glossary::short(lang, term).to_string();
    let budget = e.sites.get(i).map(|f| &f.budget);
    let now = format!(
        "{} {}",
        c.at_effect,
        format::percent(lang, doc.current.assumptions.achievement, 0)
    );
    let most = match budget.and_then(|b| b.max_commitment) {
        Some(v) => format!(
            "{} {}",
            i18n::lower_first(&short(Term::MaxCommitment)),
            format::money_short(lang, cur, v)
        ),
        None => i18n::sites::site_texts(lang).no_cap.to_string(),
    };
    let mut out = vec![
        card(
            Term::OutcomePayments,
            name(Term::OutcomePayments),
            short(Term::OutcomePayments),
            crate::report::business_case::site_payments(e, i),
            vec![now.clone()],
        ),
        card(
            Term::BudgetNet,
            name(Term::BudgetYearNet),
            short(Term::BudgetYearNet),
            budget.map_or(Decimal::ZERO, |b| b.net),
            vec![now, most],
        ),
    ];
    for at in doc.computed.sites.get(i).into_iter().flatten() {
        let pct = format::percent(lang, at.achievement, 0);
        out.push(card(
            Term::BudgetYearNet,
            format!("{} {pct}", name(Term::BudgetYearNet)),
            format!("{} {pct}", short(Term::BudgetYearNet)),
            at.budget_net,
            vec![format!("{} {pct}", c.at_effect)],
        ));
    }
    out
}

/// The terms of what the page shows, for pointing at them (`i`), each
/// once.
pub fn terms(doc: &Document, view: &View) -> Vec<Term> {
    if view.presentation_table {
        let mut out: Vec<Term> = crate::tui::ui::risk::party_rows(doc)
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
        let mut out: Vec<Term> = Vec::new();
        for c in cards(doc, view) {
            if !out.contains(&c.term) {
                out.push(c.term);
            }
        }
        out
    }
}

/// The widest large number a card can show, by the language: a whole
/// amount under a million (`−999 999`), millions (`−99,9`), a share
/// (`−100,0 %`). Glyphs are sized for it, never for the values now, so
/// the cards keep their size while a lever moves.
pub(super) fn planned_longest(lang: crate::format::Lang) -> u16 {
    let money = [Decimal::from(-999_999), Decimal::from(-99_949_999)]
        .map(|v| width(&format::money_short_parts(lang, "", v).0));
    let share = width(&format::percent(lang, Decimal::from(-1), 1));
    money.into_iter().chain([share]).max().unwrap_or(1) as u16
}

/// The largest glyph size and column count that fit all cards.
pub(super) fn choose(cards: &[Card], longest: u16, area: Rect) -> (Size, u16, u16) {
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

pub(super) fn card(c: &Card, pointed: bool, size: Size, r: Rect, buf: &mut Buffer, theme: &Theme) {
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
