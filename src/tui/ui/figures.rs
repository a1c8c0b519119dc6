//! The key figures with their change since the last step, and the model's
//! warnings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;

use super::text::{right, truncate, width, wrap};
use crate::format::{self, Lang};
use crate::i18n::glossary::{self, Term};
use crate::i18n::{self, tui_text};
use crate::levers::Target;
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// How deep a row of the key figures sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// A heading that names the basis of the rows under it (`Sum over
    /// kontrakten`, `Nåverdi (4 %)`), without a value.
    Heading,
    /// A figure under a heading.
    Member,
    /// A part of the figure above (`herav medfinansiør`).
    Part,
}

/// One line of the key figures.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub label: String,
    /// A shorter label for narrow terminals.
    pub short: String,
    /// The widest the label gets while the levers move (a rate in it at
    /// the widest its lever can write), so columns never move.
    pub planned: usize,
    pub depth: Depth,
    /// What the row is, for `?` and `i` (none for headings).
    pub term: Option<Term>,
    pub value: String,
    pub negative: bool,
    pub delta: String,
}

impl FigureRow {
    fn heading(label: String, planned: usize) -> FigureRow {
        FigureRow {
            short: label.clone(),
            label,
            planned,
            depth: Depth::Heading,
            term: None,
            value: String::new(),
            negative: false,
            delta: String::new(),
        }
    }

    /// Cells the label is indented by.
    fn indent(&self, compact: bool) -> usize {
        match (self.depth, compact) {
            (Depth::Heading, _) | (Depth::Member, true) => 0,
            (Depth::Part, true) => 1,
            (Depth::Member, false) => 2,
            (Depth::Part, false) => 4,
        }
    }
}

/// How money reads in a figure: `11,1 mill. kr`, or bare (`11,1 mill.`)
/// when the panel title names the currency.
pub struct MoneyText<'a> {
    pub lang: Lang,
    pub currency: &'a str,
    pub bare: bool,
}

impl MoneyText<'_> {
    pub fn text(&self, d: Decimal) -> String {
        if self.bare {
            format::money_short_bare(self.lang, d)
        } else {
            format::money_short(self.lang, self.currency, d)
        }
    }
}

/// The change with its arrow, or nothing when it rounds to zero in the
/// way it is shown (`▼ −0,0 %` says nothing).
pub fn change(text_of_abs: impl Fn(Decimal) -> String, change: Decimal) -> String {
    let abs = text_of_abs(change.abs());
    if abs.chars().any(|c| ('1'..='9').contains(&c)) {
        format::delta(text_of_abs, change)
    } else {
        String::new()
    }
}

/// The change of a share or a rate, in percentage points with one
/// decimal: `▲ +0,5 %-poeng` / `▲ +0.5 pp`.
pub fn points_change(lang: Lang, dv: Decimal) -> String {
    change(|x| i18n::points(lang, x, 1), dv)
}

/// The values a rate lever can take while it moves (its ends, the steps
/// beside them, the scenario's value), or `now` when no lever sets it.
fn planned_rates(doc: &Document, targets: &[Target], now: Decimal) -> Vec<Decimal> {
    let mut out = vec![now];
    for l in doc.levers.iter().filter(|l| targets.contains(&l.target)) {
        out.extend(super::levers::planned_values(l));
    }
    out
}

/// A label with a rate in it, and the widest it gets over `rates`.
fn with_rate(
    label: impl Fn(Decimal) -> String,
    now: Decimal,
    rates: &[Decimal],
) -> (String, usize) {
    let planned = rates.iter().map(|r| width(&label(*r))).max().unwrap_or(0);
    let text = label(now);
    let planned = planned.max(width(&text));
    (text, planned)
}

/// The key figures as text, each under a heading that names its basis:
/// plain sums over the contract, present values at the discount rate
/// (the investor's at its own rate), the investor's return, and the
/// break-even effects. `compact`: money without currency (the panel title
/// names it) and no investor NPV line.
pub fn rows(doc: &Document, view: &View, compact: bool) -> Vec<FigureRow> {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let u = i18n::tui(lang);
    let h = &doc.computed.headline;
    let d = &doc.computed.deltas;
    let s = &doc.current;
    let m = MoneyText {
        lang,
        currency: &s.info.currency,
        bare: compact,
    };
    let figure = |term: Term, depth: Depth, value: String, negative: bool, delta: String| {
        let label = glossary::name(lang, term).to_string();
        FigureRow {
            planned: width(&label),
            short: glossary::short(lang, term).to_string(),
            label,
            depth,
            term: Some(term),
            value,
            negative,
            delta,
        }
    };
    let money = |term: Term, depth: Depth, v: Decimal, dv: Decimal| {
        figure(
            term,
            depth,
            m.text(v),
            v < Decimal::ZERO,
            change(|x| m.text(x), dv),
        )
    };
    let pct = |v: Decimal| format::percent(lang, v, 1);
    let be = |term: Term, v: Option<Decimal>, dv: Decimal| {
        let text = v.map(pct).unwrap_or_else(|| u.never_short.to_string());
        figure(term, Depth::Member, text, false, points_change(lang, dv))
    };
    let heading = |label: &str| FigureRow::heading(label.to_string(), width(label));

    let mut out = vec![heading(t.totals_heading)];
    out.push(money(
        Term::OutcomePayments,
        Depth::Member,
        h.outcome_payments,
        d.outcome_payments,
    ));
    if shows_cofunder(doc) {
        out.push(money(
            Term::PayerPart,
            Depth::Part,
            h.payer_part,
            d.payer_part,
        ));
        out.push(money(
            Term::CofunderPart,
            Depth::Part,
            h.cofunder_part,
            d.cofunder_part,
        ));
    }
    out.push(money(
        Term::BudgetNet,
        Depth::Member,
        h.budget_net,
        d.budget_net,
    ));
    out.push(money(
        Term::ProviderResult,
        Depth::Member,
        h.provider_net,
        d.provider_net,
    ));

    let discount = s.assumptions.discount_rate;
    let discount_rates = planned_rates(doc, &[Target::DiscountRate], discount);
    let (npv_heading, planned) =
        with_rate(|r| i18n::npv_heading(lang, r), discount, &discount_rates);
    out.push(FigureRow::heading(npv_heading, planned));
    out.push(money(
        Term::PayerNpv,
        Depth::Member,
        h.payer_npv,
        d.payer_npv,
    ));
    out.push(money(
        Term::PublicNpv,
        Depth::Member,
        h.public_npv,
        d.public_npv,
    ));
    if !compact {
        let hurdle = s.hurdle_rate();
        let rates = planned_rates(doc, &[Target::HurdleRate, Target::DiscountRate], hurdle);
        let name = glossary::name(lang, Term::InvestorNpv);
        let (label, planned) = with_rate(|r| i18n::at_rate(lang, name, r), hurdle, &rates);
        out.push(FigureRow {
            label,
            planned,
            ..money(
                Term::InvestorNpv,
                Depth::Member,
                h.investor_npv,
                d.investor_npv,
            )
        });
    }

    out.push(heading(t.investor));
    let irr = &doc.computed.figures.evaluation.investor.irr;
    // Narrow: the headline only; the model's warning says when there are
    // several IRRs.
    let irr_text = match irr.headline {
        Some(r) if compact => format::percent(lang, r, 1),
        _ => i18n::irr(lang, irr),
    };
    out.push(figure(
        Term::InvestorIrr,
        Depth::Member,
        irr_text,
        irr.headline.is_some_and(|r| r < Decimal::ZERO),
        points_change(lang, d.investor_irr),
    ));
    out.push(figure(
        Term::InvestorMoic,
        Depth::Member,
        h.investor_moic
            .map(|v| format::multiple(lang, v))
            .unwrap_or_else(|| "–".to_string()),
        false,
        change(|x| format::multiple(lang, x), d.investor_moic),
    ));

    out.push(heading(u.break_even_short));
    let b = &h.break_even;
    out.push(be(Term::BreakEvenPrincipal, b.principal, d.be_principal));
    out.push(be(Term::BreakEvenReturnCap, b.return_cap, d.be_return_cap));
    out.push(be(Term::BreakEvenPayer, b.payer, d.be_payer));
    out
}

/// The scenario has a cofunder part: from the start, or as a lever that
/// can give it one. Rows of it show whatever its value, so the layout does
/// not move when the share reaches zero.
pub fn shows_cofunder(doc: &Document) -> bool {
    doc.base.payment.cofunder_share > Decimal::ZERO
        || doc.base.parties.cofunder.is_some()
        || doc.levers.iter().any(|l| l.target == Target::CofunderShare)
}

/// The amounts money columns are planned for: a whole amount under a
/// million (`−999 999`) and tens of millions (`−99,9 mill.`), the scale of
/// a municipal contract.
const PLANNED_MONEY: [i64; 2] = [-999_999, -99_949_999];

/// The widest text a money figure is planned to take, with or without
/// the currency. Columns are this wide whatever the values, so they never
/// move; a larger amount (`−123,4 mill.`) takes the room of its change or
/// of the gap beside it, and no digit is ever cut.
pub fn money_width(m: &MoneyText) -> usize {
    PLANNED_MONEY
        .into_iter()
        .map(|v| width(&m.text(Decimal::from(v))))
        .max()
        .unwrap_or(0)
}

/// The widest change of a money figure planned (`▼ −99,9 mill.`), or of
/// a rate in percentage points (`▼ −99,9 %-poeng`).
pub fn money_delta_width(m: &MoneyText) -> usize {
    let points = width(&points_change(m.lang, Decimal::new(-999, 3)));
    PLANNED_MONEY
        .into_iter()
        .map(|v| width(&format::delta(|x| m.text(x), Decimal::from(v))))
        .chain([points])
        .max()
        .unwrap_or(0)
}

/// The widest share or rate shown with one decimal (`−100,0 %`).
pub fn percent_width(lang: Lang) -> usize {
    width(&format::percent(lang, Decimal::from(-1), 1))
}

/// Fewest cells a label keeps before the change column gives way to its
/// arrow alone.
const LABEL_MIN: usize = 12;

/// Cells for the longest short label (`Resultatbetaling`, `Offentlig
/// sektor`; the glossary keeps short names to 16).
const LABEL_FULL: usize = 16;

/// The key figures' columns, decided by the panel's width only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    label: usize,
    value: usize,
    delta: usize,
    /// Too narrow for the change: only its arrow (`▲`, `▼`).
    arrows: bool,
}

fn columns(doc: &Document, view: &View, w: usize, compact: bool) -> Columns {
    let m = MoneyText {
        lang: view.lang,
        currency: &doc.current.info.currency,
        bare: compact,
    };
    let pct = percent_width(view.lang);
    let value = money_width(&m).max(pct);
    let delta = money_delta_width(&m).max(pct + 2);
    match w.checked_sub(value + delta + 2) {
        Some(label) if label >= LABEL_MIN => Columns {
            label,
            value,
            delta,
            arrows: false,
        },
        _ => Columns {
            label: w.saturating_sub(value + 3),
            value,
            delta: 1,
            arrows: true,
        },
    }
}

/// Columns the panel would like (borders included).
pub fn wanted_width(doc: &Document, view: &View) -> u16 {
    let rows = rows(doc, view, false);
    let label = rows
        .iter()
        .map(|r| r.planned + r.indent(false))
        .max()
        .unwrap_or(0);
    let c = columns(doc, view, usize::MAX / 2, false);
    (label + c.value + c.delta + 2 + 2 + 2) as u16
}

/// A ruled panel whose labels get [`LABEL_FULL`] cells beside full value
/// and change columns.
pub fn compact_width(doc: &Document, view: &View) -> u16 {
    let c = columns(doc, view, usize::MAX / 2, true);
    (1 + LABEL_FULL + 1 + c.value + 1 + c.delta + 1) as u16
}

/// The narrowest panel that shows every figure with a label of
/// [`LABEL_MIN`] and the arrow of its change (the rule on top, no sides).
pub fn min_width(doc: &Document, view: &View) -> u16 {
    let c = columns(doc, view, 0, true);
    (1 + LABEL_MIN + 1 + c.value + 2) as u16
}

/// The warnings, each as wrapped lines.
pub fn warnings(doc: &Document, view: &View, w: usize) -> Vec<Vec<String>> {
    doc.computed
        .figures
        .evaluation
        .warnings
        .iter()
        .map(|warning| {
            let text = i18n::warning(view.lang, &doc.current, warning);
            wrap(&text, w.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    if i == 0 {
                        format!("⚠ {line}")
                    } else {
                        format!("  {line}")
                    }
                })
                .collect()
        })
        .collect()
}

/// The warnings as wrapped lines.
pub fn warning_lines(doc: &Document, view: &View, w: usize) -> Vec<String> {
    warnings(doc, view, w).into_iter().flatten().collect()
}

/// Draws whole warnings from the top of `area` (a count first when not
/// all fit); returns rows used.
pub fn draw_warnings(
    doc: &Document,
    view: &View,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> u16 {
    let w = area.width as usize;
    let all = warnings(doc, view, w);
    let total: usize = all.iter().map(Vec::len).sum();
    let mut y = area.y;
    if total > area.height as usize && area.height > 0 {
        let text = format!("⚠ {}: {}", i18n::texts(view.lang).warnings, all.len());
        buf.set_stringn(area.x, y, text, w, theme.warning);
        y += 1;
    }
    for lines in &all {
        if y + lines.len() as u16 > area.bottom() {
            break;
        }
        for line in lines {
            buf.set_stringn(area.x, y, line, w, theme.warning);
            y += 1;
        }
    }
    y - area.y
}

/// Draws the key figures into `inner` (no block); returns rows used. The
/// row of the figure pointed at (`i`, a click) is marked `▶`.
pub fn draw_rows(
    doc: &Document,
    view: &View,
    inner: Rect,
    compact: bool,
    buf: &mut Buffer,
    theme: &Theme,
) -> u16 {
    let rows = rows(doc, view, compact);
    let w = inner.width.saturating_sub(1) as usize;
    let c = columns(doc, view, w, compact);
    let (label_w, value_w, delta_w) = (c.label, c.value, c.delta);
    let x = inner.x + 1;
    let mut y = inner.y;
    for r in &rows {
        if y >= inner.bottom() {
            break;
        }
        if r.depth == Depth::Heading {
            let heading = if width(&r.label) <= w {
                r.label.clone()
            } else {
                truncate(&r.short, w)
            };
            buf.set_string(x, y, heading, theme.group);
            y += 1;
            continue;
        }
        let pointed = r.term.is_some() && r.term == view.pointed;
        if pointed {
            buf.set_string(inner.x, y, "▶", theme.selected);
        }
        let indent = r.indent(compact);
        let room = label_w.saturating_sub(indent);
        let label = if width(&r.label) <= room {
            r.label.clone()
        } else {
            truncate(&r.short, room)
        };
        let style = match r.depth {
            Depth::Part => theme.muted,
            _ => theme.label,
        };
        let style = if pointed { theme.selected } else { style };
        buf.set_string(x + indent as u16, y, &label, style);
        let vx = x + label_w as u16 + 1;
        let value_style = if r.depth == Depth::Part {
            theme.label
        } else {
            theme.figure
        };
        let value_style = if r.negative {
            theme.negative
        } else {
            value_style
        };
        if width(&r.value) > value_w {
            let span = value_w + 1 + delta_w;
            buf.set_stringn(vx, y, right(&r.value, span), span, value_style);
        } else {
            buf.set_string(vx, y, right(&r.value, value_w), value_style);
        }
        if !r.delta.is_empty() && width(&r.value) <= value_w {
            let dx = vx + value_w as u16 + 1;
            // A change wider than planned shows its arrow alone.
            let delta = if c.arrows || width(&r.delta) > delta_w {
                r.delta.chars().take(1).collect()
            } else {
                r.delta.clone()
            };
            buf.set_string(dx, y, right(&delta, delta_w), theme.delta);
        }
        y += 1;
    }
    y - inner.y
}

/// The key figure at a position of the panel, if any.
pub fn hit(
    doc: &Document,
    view: &View,
    area: Rect,
    compact: bool,
    pos: ratatui::layout::Position,
) -> Option<Term> {
    let inner = super::panel("", compact, &crate::tui::theme::DEFAULT).inner(area);
    if !inner.contains(pos) {
        return None;
    }
    rows(doc, view, compact)
        .get((pos.y - inner.y) as usize)
        .and_then(|r| r.term)
}

/// Rows the figures take (without warnings).
pub fn rows_needed(doc: &Document, view: &View, compact: bool) -> u16 {
    rows(doc, view, compact).len() as u16
}

/// The key-figures panel: figures, then warnings (unless another panel
/// shows them), then `hint` if room.
#[allow(clippy::too_many_arguments)]
pub fn render(
    doc: &Document,
    view: &View,
    area: Rect,
    compact: bool,
    with_warnings: bool,
    hint: Option<&str>,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let u = i18n::tui(view.lang);
    let title = if compact {
        tui_text::in_currency(view.lang, u.key_figures_in, &doc.current.info.currency)
    } else {
        u.key_figures_in.to_string()
    };
    let block = super::panel(&title, compact, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let used = draw_rows(doc, view, inner, compact, buf, theme);
    let mut y = inner.y + used;
    if with_warnings && !doc.computed.figures.evaluation.warnings.is_empty() {
        y += 1;
        let r = Rect {
            x: inner.x + 1,
            y,
            width: inner.width.saturating_sub(1),
            height: inner.bottom().saturating_sub(y),
        };
        y += draw_warnings(doc, view, r, buf, theme);
    }
    if let Some(hint) = hint
        && y + 1 < inner.bottom()
    {
        let w = inner.width.saturating_sub(1) as usize;
        buf.set_stringn(inner.x + 1, inner.bottom() - 1, hint, w, theme.muted);
    }
}
