//! The key figures with their change since the last step, and the model's
//! warnings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;

use super::text::{right, truncate, width, wrap};
use crate::format::{self, Lang};
use crate::i18n::{self, tui_text};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// One line of the key figures.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub label: String,
    /// A shorter label for narrow terminals.
    pub short: String,
    /// Indented under the row above.
    pub sub: bool,
    /// Under a heading: indented only when there is room.
    pub member: bool,
    /// A heading without a value.
    pub heading: bool,
    pub value: String,
    pub negative: bool,
    pub delta: String,
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

fn row(label: &str, short: &str, value: String, negative: bool, delta: String) -> FigureRow {
    FigureRow {
        label: label.to_string(),
        short: short.to_string(),
        sub: false,
        member: false,
        heading: false,
        value,
        negative,
        delta,
    }
}

fn sub(r: FigureRow) -> FigureRow {
    FigureRow { sub: true, ..r }
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

/// The key figures as text. `compact`: money without currency (the panel
/// title names it) and no investor NPV line.
pub fn rows(doc: &Document, view: &View, compact: bool) -> Vec<FigureRow> {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let u = i18n::tui(lang);
    let h = &doc.computed.headline;
    let d = &doc.computed.deltas;
    let m = MoneyText {
        lang,
        currency: &doc.current.info.currency,
        bare: compact,
    };
    let money = |v: Decimal, dv: Decimal, label: &str, short: &str| {
        row(
            label,
            short,
            m.text(v),
            v < Decimal::ZERO,
            change(|x| m.text(x), dv),
        )
    };
    let pct = |v: Decimal| format::percent(lang, v, 1);
    let pct_delta = |dv: Decimal| change(|x| format::percent(lang, x, 1), dv);
    let be = |v: Option<Decimal>, dv: Decimal, label: &str, short: &str| {
        let text = v.map(pct).unwrap_or_else(|| u.never_short.to_string());
        FigureRow {
            member: true,
            ..sub(row(label, short, text, false, pct_delta(dv)))
        }
    };
    let mut out = vec![money(
        h.outcome_payments,
        d.outcome_payments,
        t.outcome_payments,
        u.c_outcome_payments,
    )];
    let has_cofunder = doc.current.payment.cofunder_share > Decimal::ZERO
        || doc.current.parties.cofunder.is_some();
    if has_cofunder {
        out.push(sub(money(
            h.payer_part,
            d.payer_part,
            u.of_which_payer,
            u.of_which_payer,
        )));
        out.push(sub(money(
            h.cofunder_part,
            d.cofunder_part,
            u.of_which_cofunder,
            u.c_of_which_cofunder,
        )));
    }
    out.push(money(h.payer_npv, d.payer_npv, u.payer_npv, u.c_payer_npv));
    let irr = &doc.computed.figures.evaluation.investor.irr;
    // Narrow: the headline only; the model's warning says when there are
    // several IRRs.
    let irr_text = match irr.headline {
        Some(r) if compact => format::percent(lang, r, 1),
        _ => i18n::irr(lang, irr),
    };
    out.push(row(
        u.investor_irr,
        u.c_investor_irr,
        irr_text,
        irr.headline.is_some_and(|r| r < Decimal::ZERO),
        pct_delta(d.investor_irr),
    ));
    out.push(row(
        u.investor_moic,
        u.c_investor_moic,
        h.investor_moic
            .map(|v| format::multiple(lang, v))
            .unwrap_or_else(|| "–".to_string()),
        false,
        change(|x| format::multiple(lang, x), d.investor_moic),
    ));
    if !compact {
        out.push(money(
            h.investor_npv,
            d.investor_npv,
            u.investor_npv,
            u.investor_npv,
        ));
    }
    out.push(money(
        h.provider_net,
        d.provider_net,
        u.provider_result,
        u.c_provider_result,
    ));
    out.push(money(
        h.public_npv,
        d.public_npv,
        u.public_npv,
        u.c_public_npv,
    ));
    out.push(FigureRow {
        heading: true,
        ..row(
            u.break_even_short,
            u.c_break_even,
            String::new(),
            false,
            String::new(),
        )
    });
    let b = &h.break_even;
    out.push(be(
        b.principal,
        d.be_principal,
        u.be_principal_short,
        u.c_be_principal,
    ));
    out.push(be(
        b.return_cap,
        d.be_return_cap,
        u.be_return_cap_short,
        u.be_return_cap_short,
    ));
    out.push(be(b.payer, d.be_payer, u.be_payer_short, u.be_payer_short));
    out
}

/// Column widths: value and change columns hold their widest text (the
/// change column keeps a minimum, so labels do not jump when changes
/// appear); the label gets the rest.
fn columns(rows: &[FigureRow], w: usize, compact: bool) -> (usize, usize, usize) {
    // Words in place of a number ("ingen internrente") may run into an
    // empty change column, so they do not widen the number column.
    let value_w = rows
        .iter()
        .filter(|r| r.value.chars().any(|c| c.is_ascii_digit()) || !r.delta.is_empty())
        .map(|r| width(&r.value))
        .max()
        .unwrap_or(0);
    let min_delta = if compact { 12 } else { 15 };
    let delta_w = rows
        .iter()
        .map(|r| width(&r.delta))
        .max()
        .unwrap_or(0)
        .max(min_delta);
    let label_w = w.saturating_sub(value_w + delta_w + 2);
    (label_w, value_w, delta_w)
}

/// Columns the panel would like (borders included).
pub fn wanted_width(doc: &Document, view: &View) -> u16 {
    let rows = rows(doc, view, false);
    let label = rows
        .iter()
        .map(|r| width(&r.label) + 2 * usize::from(r.sub))
        .max()
        .unwrap_or(0);
    let (_, value_w, delta_w) = columns(&rows, 0, false);
    (label + value_w + delta_w + 2 + 2 + 2) as u16
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

/// Draws the key figures into `inner` (no block); returns rows used.
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
    let (label_w, value_w, delta_w) = columns(&rows, w, compact);
    let x = inner.x + 1;
    let mut y = inner.y;
    for r in &rows {
        if y >= inner.bottom() {
            break;
        }
        let indent = match (r.sub, r.member, compact) {
            (false, _, _) | (true, true, true) => 0,
            (true, false, true) => 1,
            (true, _, false) => 2,
        };
        let room = label_w.saturating_sub(indent);
        let label = if width(&r.label) <= room {
            r.label.clone()
        } else {
            truncate(&r.short, room)
        };
        let style = if r.heading {
            theme.group
        } else if r.sub {
            theme.muted
        } else {
            theme.label
        };
        if r.heading {
            let heading = truncate(&r.label, w).to_string();
            let heading = if width(&r.label) <= w {
                heading
            } else {
                truncate(&r.short, w)
            };
            buf.set_string(x, y, heading, style);
            y += 1;
            continue;
        }
        buf.set_string(x + indent as u16, y, &label, style);
        let vx = x + label_w as u16 + 1;
        let value_style = if r.sub { theme.label } else { theme.figure };
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
        if !r.delta.is_empty() {
            let dx = vx + value_w as u16 + 1;
            buf.set_string(dx, y, right(&r.delta, delta_w), theme.delta);
        }
        y += 1;
    }
    y - inner.y
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
