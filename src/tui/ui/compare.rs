//! The compare screen (`c`): the base scenario and up to four saved
//! variants side by side — terms (those that differ marked `*`), key
//! figures with the change against the base, each party's net at 0, 50,
//! 100 and 150 % achievement, and one payoff curve per column overlaid.
//! Wide terminals show table and chart together; narrow ones scroll the
//! table and switch to the chart with `m`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::text::{left, right, truncate, wrap};
use crate::format::{self, Lang};
use crate::i18n::{self, glossary, glossary::Term};
use crate::levers;
use crate::model::{self, RiskRow};
use crate::tui::computed::PAYOFF_MAX;
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::variants::{CompareColumn, metric_value};
use crate::tui::view::{CompareMetric, CompareView, View};

/// Width of the label column (narrow, wide) and of each value column.
const LABEL_W: usize = 24;
const LABEL_W_WIDE: usize = 32;
const COL_W: usize = 15;

/// Column letters, so the chart's legend does not rely on colour.
const LETTERS: [&str; 5] = ["A", "B", "C", "D", "E"];

/// One row of the comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    /// The label when the full one does not fit (`Budsjettnetto`).
    pub short: String,
    pub cells: Vec<Cell>,
    pub heading: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    /// Differs from the base (terms), or is negative (money).
    pub marked: bool,
    pub negative: bool,
}

fn heading(label: &str) -> Row {
    Row {
        label: label.to_string(),
        short: label.to_string(),
        cells: Vec::new(),
        heading: true,
    }
}

/// The rows of the comparison table.
pub fn rows(doc: &Document, view: &View, cols: &[CompareColumn]) -> Vec<Row> {
    let lang = view.lang;
    let v = i18n::variant(lang);
    let t = i18n::texts(lang);
    let u = i18n::tui(lang);
    let mut out = vec![heading(v.compare_terms)];
    for l in levers::shown(&doc.base) {
        let cells = cols
            .iter()
            .map(|c| {
                let value = levers::get(&c.scenario, l.target);
                let text = cell_value(lang, &c.scenario, &l, value);
                let marked = value != l.value;
                Cell {
                    text: if marked { format!("*{text}") } else { text },
                    marked,
                    negative: false,
                }
            })
            .collect();
        out.push(Row {
            label: i18n::lever_label(lang, &doc.base, &l),
            short: i18n::lever_short_label(lang, &doc.base, &l),
            cells,
            heading: false,
        });
    }

    let currency = crate::i18n::currency_label(lang, &doc.base.info.currency);
    out.push(heading(&format!("{}, {currency}", v.compare_figures)));
    type Figure = fn(&CompareColumn) -> Option<Decimal>;
    /// How a figure's value reads.
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Money,
        Rate,
        Multiple,
    }
    // A rate in a heading or label when every column has the same, else
    // a pointer to the terms above.
    let rate_text = |rate: fn(&CompareColumn) -> Decimal| {
        let r = rate(&cols[0]);
        if cols.iter().all(|c| rate(c) == r) {
            i18n::rate(lang, r)
        } else {
            v.compare_rate_varies.to_string()
        }
    };
    let discount = rate_text(|c| c.scenario.assumptions.discount_rate);
    let hurdle = rate_text(|c| c.scenario.hurdle_rate());
    let t_ = |term: Term| glossary::name(lang, term).to_string();
    let s_ = |term: Term| glossary::short(lang, term).to_string();
    // The figures under headings that name their basis; each with its
    // full and short label, its value and how it reads.
    /// A figure's full label, short label, value and how it reads.
    type FigureLine = (String, String, Figure, Kind);
    let groups: Vec<(String, Vec<FigureLine>)> = vec![
        (
            t.totals_heading.to_string(),
            vec![
                (
                    t_(Term::OutcomePayments),
                    s_(Term::OutcomePayments),
                    |c| Some(c.figures.evaluation.run.totals.outcome_payments),
                    Kind::Money,
                ),
                (
                    t_(Term::BudgetNet),
                    s_(Term::BudgetNet),
                    |c| Some(c.figures.evaluation.budget.net),
                    Kind::Money,
                ),
                (
                    t_(Term::ProviderResult),
                    s_(Term::ProviderResult),
                    |c| Some(c.figures.evaluation.provider.net),
                    Kind::Money,
                ),
            ],
        ),
        (
            format!("{} ({discount})", t.npv),
            vec![
                (
                    t_(Term::PayerNpv),
                    s_(Term::PayerNpv),
                    |c| Some(c.figures.evaluation.payer.npv),
                    Kind::Money,
                ),
                (
                    t_(Term::PublicNpv),
                    s_(Term::PublicNpv),
                    |c| Some(c.figures.evaluation.public.npv),
                    Kind::Money,
                ),
            ],
        ),
        (
            t.investor.to_string(),
            vec![
                (
                    t_(Term::InvestorIrr),
                    s_(Term::InvestorIrr),
                    |c| c.figures.evaluation.investor.irr.headline,
                    Kind::Rate,
                ),
                (
                    t_(Term::InvestorMoic),
                    s_(Term::InvestorMoic),
                    |c| c.figures.evaluation.investor.moic,
                    Kind::Multiple,
                ),
                (
                    format!("{} ({hurdle})", t_(Term::InvestorNpv)),
                    format!("{} ({hurdle})", t.npv),
                    |c| Some(c.figures.evaluation.investor.npv),
                    Kind::Money,
                ),
            ],
        ),
        (
            u.break_even_short.to_string(),
            vec![
                (
                    t_(Term::BreakEvenPrincipal),
                    s_(Term::BreakEvenPrincipal),
                    |c| c.figures.break_even.principal,
                    Kind::Rate,
                ),
                (
                    t_(Term::BreakEvenReturnCap),
                    s_(Term::BreakEvenReturnCap),
                    |c| c.figures.break_even.return_cap,
                    Kind::Rate,
                ),
                (
                    t_(Term::BreakEvenPayer),
                    s_(Term::BreakEvenPayer),
                    |c| c.figures.break_even.payer,
                    Kind::Rate,
                ),
            ],
        ),
    ];
    for (title, figures) in &groups {
        out.push(heading(&format!("  {title}")));
        for (label, short, get, kind) in figures {
            let text = |d: Decimal| match kind {
                Kind::Money => format::money_short_bare(lang, d),
                Kind::Multiple => format::multiple(lang, d),
                Kind::Rate => format::percent(lang, d, 1),
            };
            let is_irr = *label == t_(Term::InvestorIrr);
            let base = get(&cols[0]);
            let mut cells = Vec::new();
            let mut deltas = Vec::new();
            for c in cols {
                let value = get(c);
                cells.push(Cell {
                    text: value.map(text).unwrap_or_else(|| {
                        if is_irr {
                            t.no_irr.into()
                        } else {
                            "–".into()
                        }
                    }),
                    marked: false,
                    negative: value.is_some_and(|d| d < Decimal::ZERO),
                });
                // Changes of a rate or share in percentage points.
                let delta = match (base, value) {
                    (Some(b), Some(x)) if *kind == Kind::Rate => {
                        super::figures::points_change(lang, x - b)
                    }
                    (Some(b), Some(x)) => super::figures::change(text, x - b),
                    _ => String::new(),
                };
                deltas.push(Cell {
                    negative: delta.starts_with('▼'),
                    text: delta,
                    marked: false,
                });
            }
            out.push(Row {
                label: label.clone(),
                short: short.clone(),
                cells,
                heading: false,
            });
            if deltas.iter().any(|d| !d.text.is_empty()) {
                out.push(Row {
                    label: String::new(),
                    short: String::new(),
                    cells: deltas,
                    heading: false,
                });
            }
        }
    }

    out.push(heading(&format!("{}, {currency}", v.compare_risk)));
    type Party = fn(&RiskRow) -> Decimal;
    let parties: [(&str, Party); 6] = [
        (t.payer, |r| r.payer.net),
        (t.cofunder, |r| r.cofunder.net),
        (t.investor, |r| r.investor.net),
        (t.provider, |r| r.provider.net),
        (t.guarantor, |r| r.guarantor.net),
        (t.public_other, |r| r.public_other.net),
    ];
    for (name, get) in parties {
        for (k, a) in model::RISK_ACHIEVEMENTS.iter().enumerate() {
            let cells = cols
                .iter()
                .map(|c| {
                    let d = c.risk.get(k).map(get).unwrap_or_default();
                    Cell {
                        text: format::money_short_bare(lang, d),
                        marked: false,
                        negative: d < Decimal::ZERO,
                    }
                })
                .collect();
            let label = format!("{name}, {}", format::percent(lang, *a, 0));
            out.push(Row {
                short: label.clone(),
                label,
                cells,
                heading: false,
            });
        }
    }
    out
}

/// A lever value for a narrow cell: indicator levels with only the first
/// word of their unit (`8,4 %`, not `8,4 % av avtalte dagsverk`).
fn cell_value(lang: Lang, s: &crate::scenario::Scenario, l: &levers::Lever, v: Decimal) -> String {
    match l.unit {
        levers::Unit::Indicator | levers::Unit::IndicatorPerPeriod => {
            let full = i18n::lever_value(lang, s, l, v);
            let n = format::number(lang, v, v.normalize().scale().min(3));
            let unit = full[n.len()..].split_whitespace().next().unwrap_or("");
            if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            }
        }
        _ => i18n::lever_value(lang, s, l, v),
    }
}

fn column_title(view: &View, i: usize, c: &CompareColumn) -> String {
    let v = i18n::variant(view.lang);
    let name = c.name.as_deref().unwrap_or(v.base);
    format!("{} {name}", LETTERS.get(i).unwrap_or(&"?"))
}

/// How far the table scrolls at the view's size: rows, and value columns
/// past the ones that fit (the same geometry as [`render`]).
pub fn max_scroll(doc: &Document, view: &View) -> (usize, usize) {
    let cols = match &doc.variants.columns {
        Some(cols) if cols.len() > 1 => cols,
        _ => return (0, 0),
    };
    let area = table_area(inner_of(view), cols.len());
    let visible = (area.height as usize).saturating_sub(1);
    let (_, fit) = table_fit(area.width, cols.len());
    (
        rows(doc, view, cols).len().saturating_sub(visible),
        cols.len().saturating_sub(fit),
    )
}

/// The screen's panel interior at the view's size (below the header and
/// the panel's top rule, above the status line).
fn inner_of(view: &View) -> Rect {
    Rect::new(0, 0, view.size.0, view.size.1.saturating_sub(3))
}

/// Where the table goes in the panel: beside the chart when wide.
fn table_area(inner: Rect, columns: usize) -> Rect {
    match layout(inner, columns) {
        (true, table_w) => Rect {
            width: table_w,
            ..inner
        },
        (false, _) => inner,
    }
}

/// The label width, and how many value columns fit beside it (the base
/// always shows; the others scroll sideways).
fn table_fit(width: u16, columns: usize) -> (usize, usize) {
    let width = width as usize;
    let fits_wide = width >= LABEL_W_WIDE + 1 + columns * (COL_W + 1);
    let label_w = if fits_wide { LABEL_W_WIDE } else { LABEL_W }.min(width / 3);
    let fit = (width.saturating_sub(label_w + 1) / (COL_W + 1)).max(1);
    (label_w, fit)
}

/// Whether table and chart fit side by side, and the table's width.
fn layout(inner: Rect, columns: usize) -> (bool, u16) {
    let table_w = (LABEL_W_WIDE + 1 + columns * (COL_W + 1)) as u16;
    (inner.width >= table_w + 50 && inner.height >= 20, table_w)
}

/// The compare screen shows table and chart together at the view's size.
pub fn is_wide(doc: &Document, view: &View) -> bool {
    let columns = doc.variants.columns.as_ref().map_or(1, Vec::len);
    layout(inner_of(view), columns).0
}

pub fn render(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let v = i18n::variant(view.lang);
    let u = i18n::tui(view.lang);
    let block = super::panel(v.compare_title, true, theme);
    let inner = block.inner(body);
    block.render(body, buf);
    let cols = match &doc.variants.columns {
        Some(cols) if cols.len() > 1 => cols,
        _ => {
            let w = inner.width.saturating_sub(4).min(70);
            let lines = wrap(u.compare_later, w as usize);
            let y0 = inner.y + inner.height.saturating_sub(lines.len() as u16) / 3;
            let x = inner.x + (inner.width - w) / 2;
            for (i, line) in lines.iter().enumerate() {
                let y = y0 + i as u16;
                if y < inner.bottom() {
                    buf.set_string(x, y, line, theme.label);
                }
            }
            return;
        }
    };
    let (wide, _) = layout(inner, cols.len());
    let metric = view.compare_metric;
    if wide {
        let table = table_area(inner, cols.len());
        let chart = Rect {
            x: table.right() + 1,
            width: inner.right().saturating_sub(table.right() + 1),
            ..inner
        };
        draw_table(doc, view, cols, table, buf, theme);
        draw_chart(view, cols, metric, chart, buf, theme);
    } else if view.compare_view == CompareView::Chart {
        draw_chart(view, cols, metric, inner, buf, theme);
    } else {
        draw_table(doc, view, cols, inner, buf, theme);
    }
}

fn draw_table(
    doc: &Document,
    view: &View,
    cols: &[CompareColumn],
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let v = i18n::variant(view.lang);
    if area.height < 3 {
        return;
    }
    let all = rows(doc, view, cols);
    let scroll = &view.scroll;
    // Columns that fit after the label; scroll sideways past the base.
    let (label_w, fit) = table_fit(area.width, cols.len());
    let first_extra = scroll.compare_col.min(cols.len().saturating_sub(fit));
    let shown: Vec<usize> = std::iter::once(0)
        .chain((1 + first_extra..cols.len()).take(fit.saturating_sub(1)))
        .collect();
    // Header: column titles, and a note line.
    let mut x = area.x + label_w as u16 + 1;
    for &i in &shown {
        let title = truncate(&column_title(view, i, &cols[i]), COL_W);
        buf.set_string(x, area.y, right(&title, COL_W), theme.table_header);
        x += COL_W as u16 + 1;
    }
    let mut note = v.compare_changed_note.to_string();
    if shown.len() < cols.len() {
        note.push_str(" · ←→");
    }
    buf.set_stringn(
        area.x,
        area.y,
        truncate(&note, label_w),
        label_w,
        theme.muted,
    );
    let visible = area.height as usize - 1;
    let skip = scroll.compare_row.min(all.len().saturating_sub(visible));
    for (k, row) in all.iter().skip(skip).take(visible).enumerate() {
        let y = area.y + 1 + k as u16;
        if row.heading {
            let w = area.width as usize;
            buf.set_stringn(area.x, y, truncate(&row.label, w), w, theme.group);
            continue;
        }
        let label = if super::text::width(&row.label) <= label_w {
            &row.label
        } else {
            &row.short
        };
        buf.set_stringn(
            area.x,
            y,
            left(&truncate(label, label_w), label_w),
            label_w,
            theme.label,
        );
        let mut x = area.x + label_w as u16 + 1;
        for &i in &shown {
            if let Some(cell) = row.cells.get(i) {
                let mut st = if cell.negative {
                    theme.negative
                } else {
                    theme.value
                };
                if cell.marked {
                    st = theme.changed.add_modifier(Modifier::BOLD);
                }
                buf.set_stringn(x, y, right(&cell.text, COL_W), COL_W, st);
            }
            x += COL_W as u16 + 1;
        }
    }
    // The problems of variants that did not fit the scenario.
    let problems: Vec<String> = cols
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.problems
                .iter()
                .map(move |p| format!("{}: {p}", LETTERS[i.min(4)]))
        })
        .collect();
    if let Some(p) = problems.first()
        && area.height > 4
    {
        let y = area.bottom() - 1;
        buf.set_stringn(
            area.x,
            y,
            format!("! {p}"),
            area.width as usize,
            theme.warning,
        );
    }
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// One payoff curve per column, overlaid, with a legend by letter and marker.
fn draw_chart(
    view: &View,
    cols: &[CompareColumn],
    metric: CompareMetric,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    if area.height < 8 || area.width < 30 {
        return;
    }
    let lang = view.lang;
    let v = i18n::variant(lang);
    let metric_name = match metric {
        CompareMetric::Payments => v.metric_payments.to_string(),
        CompareMetric::InvestorNet => v.metric_investor.to_string(),
        CompareMetric::PayerNpv => {
            let r = cols.first().map(|c| c.scenario.assumptions.discount_rate);
            match r {
                Some(r)
                    if cols
                        .iter()
                        .all(|c| c.scenario.assumptions.discount_rate == r) =>
                {
                    i18n::at_rate(lang, v.metric_payer, r)
                }
                _ => format!("{} ({})", v.metric_payer, v.compare_rate_varies),
            }
        }
    };
    let title = format!("{} · {metric_name} (m)", v.compare_chart);
    buf.set_stringn(
        area.x,
        area.y,
        truncate(&title, area.width as usize),
        area.width as usize,
        theme.title,
    );
    let markers = [
        Marker::Braille,
        Marker::Dot,
        Marker::HalfBlock,
        Marker::Block,
        Marker::Bar,
    ];
    let glyphs = ["⣀⣀", "••", "▄▄", "██", "▁▁"];
    let styles: [Style; 5] = [
        theme.series_payments,
        theme.series_investor,
        theme.series_payer_npv,
        theme.cofunder,
        theme.payer,
    ];
    let series: Vec<Vec<(f64, f64)>> = cols
        .iter()
        .map(|c| {
            c.payoff
                .iter()
                .map(|p| {
                    (
                        f(p.achievement * Decimal::ONE_HUNDRED),
                        f(metric_value(metric, p)),
                    )
                })
                .collect()
        })
        .collect();
    let (mut y0, mut y1) = (0.0f64, 0.0f64);
    for p in series.iter().flatten() {
        y0 = y0.min(p.1);
        y1 = y1.max(p.1);
    }
    if y1 <= y0 {
        y1 = y0 + 1.0;
    }
    let legend: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} {}", glyphs[i.min(4)], column_title(view, i, c)))
        .collect();
    let legend_lines = super::text::wrap_items(&legend, area.width as usize);
    let chart = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1 + legend_lines.len() as u16),
        ..area
    };
    let datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Dataset::default()
                .marker(markers[i.min(4)])
                .graph_type(GraphType::Line)
                .style(styles[i.min(4)])
                .data(s)
        })
        .collect();
    let money = |x: f64| {
        format::money_short_bare(
            lang,
            Decimal::from_f64_retain(x).unwrap_or_default().round(),
        )
    };
    let x_max = f(PAYOFF_MAX * Decimal::ONE_HUNDRED);
    let pct = |k: i64| format::percent(lang, Decimal::new(k, 2), 0);
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, x_max])
                .labels(vec![
                    Line::raw(pct(0)),
                    Line::raw(pct(75)),
                    Line::raw(pct(150)),
                ])
                .style(theme.axis),
        )
        .y_axis(
            Axis::default()
                .bounds([y0, y1])
                .labels(vec![
                    Line::raw(money(y0)),
                    Line::raw(money((y0 + y1) / 2.0)),
                    Line::raw(money(y1)),
                ])
                .style(theme.axis),
        )
        .legend_position(None)
        .render(chart, buf);
    for (k, line) in legend_lines.iter().enumerate() {
        let y = chart.bottom() + k as u16;
        if y < area.bottom() {
            buf.set_stringn(area.x, y, line, area.width as usize, theme.label);
        }
    }
}
