//! The scenario screen (5): what the scenario is, where each of its
//! numbers came from (the comment on the number's line in the file:
//! assumptions marked, sources named, missing ones said), its parties, each
//! indicator's definition, data source, source and counterfactual, the
//! sources list, and the assumptions, marked as assumptions. Scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use rust_decimal::Decimal;

use super::text::wrap;
use crate::format::{self, Lang};
use crate::i18n::{self, template as words, tui_text};
use crate::scenario::{Basis, BasisKind, Better, Counterfactual, Scenario};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// Adds `text` wrapped to `w`, the first line after `lead` (styled
/// `lead_style`), the rest indented to line up.
fn para(
    out: &mut Vec<Line<'static>>,
    lead: &str,
    lead_style: Style,
    text: &str,
    style: Style,
    w: usize,
) {
    let indent = super::text::width(lead);
    let lines = wrap(text, w.saturating_sub(indent).max(10));
    for (i, l) in lines.into_iter().enumerate() {
        let head = if i == 0 {
            Span::styled(lead.to_string(), lead_style)
        } else {
            Span::raw(" ".repeat(indent))
        };
        out.push(Line::from(vec![head, Span::styled(l, style)]));
    }
}

fn heading(out: &mut Vec<Line<'static>>, text: &str, theme: &Theme) {
    if !out.is_empty() {
        out.push(Line::raw(""));
    }
    out.push(Line::styled(text.to_string(), theme.group));
}

fn number(lang: Lang, d: Decimal) -> String {
    format::number(lang, d, d.normalize().scale().min(3))
}

/// A number as the file writes it, in the language's format (`1_500_000`
/// → `1 500 000`; a list as its numbers).
fn written(lang: Lang, text: &str) -> String {
    let one = |t: &str| {
        let t = t.trim().replace('_', "");
        let d = if t.contains(['e', 'E']) {
            Decimal::from_scientific(&t).ok()
        } else {
            t.parse::<Decimal>().ok()
        };
        d.map_or(t.clone(), |d| number(lang, d))
    };
    match text.trim().strip_prefix('[') {
        Some(list) => {
            let items: Vec<String> = list
                .trim_end_matches(']')
                .split(',')
                .filter(|i| !i.trim().is_empty())
                .map(one)
                .collect();
            items.join(" · ")
        }
        None => one(text),
    }
}

/// The table a number is in, as the file names it (`[[outcomes]] Name`),
/// and its key.
fn table_and_key<'a>(lang: Lang, s: &Scenario, b: &'a Basis) -> (String, &'a str) {
    let (table, key) = b.path.rsplit_once('.').unwrap_or(("", b.path.as_str()));
    let item = |list: &str, name: Option<&str>| format!("[[{list}]] {}", name.unwrap_or(""));
    let index = |t: &str, list: &str| {
        t.strip_prefix(list)
            .and_then(|r| r.strip_prefix('['))
            .and_then(|r| r.strip_suffix(']'))
            .and_then(|i| i.parse::<usize>().ok())
    };
    let shown = if let Some(i) = index(table, "outcomes") {
        item(
            "outcomes",
            s.outcomes
                .get(i)
                .map(|o| i18n::scenario_text::outcome_name(lang, o)),
        )
    } else if let Some(i) = index(table, "costs") {
        item(
            "costs",
            s.costs
                .get(i)
                .map(|c| i18n::scenario_text::cost_name(lang, c)),
        )
    } else {
        format!("[{table}]")
    };
    (shown.trim_end().to_string(), key)
}

/// Where each number came from, by table: the value as written and what
/// the comment on its line says, assumptions and missing sources marked.
fn basis(out: &mut Vec<Line<'static>>, s: &Scenario, lang: Lang, w: usize, theme: &Theme) {
    if s.basis.is_empty() {
        return;
    }
    heading(out, words::basis_title(lang), theme);
    let count = |kinds: &[BasisKind]| s.basis.iter().filter(|b| kinds.contains(&b.kind)).count();
    let counts = words::basis_counts(
        lang,
        count(&[BasisKind::Assumption]),
        count(&[BasisKind::Source]),
        count(&[BasisKind::Placeholder, BasisKind::Unstated]),
    );
    para(out, "", theme.muted, &counts, theme.label, w);
    para(out, "", theme.muted, words::basis_how(lang), theme.muted, w);
    let rows: Vec<(String, &str, String, &Basis)> = s
        .basis
        .iter()
        .map(|b| {
            let (table, key) = table_and_key(lang, s, b);
            let value = if key == "start_year" {
                b.written.clone()
            } else {
                written(lang, &b.written)
            };
            (table, key, value, b)
        })
        .collect();
    let key_w = rows
        .iter()
        .map(|r| super::text::width(r.1))
        .max()
        .unwrap_or(0);
    let value_w = rows
        .iter()
        .map(|r| super::text::width(&r.2))
        .max()
        .unwrap_or(0)
        .min(w / 4);
    let mut table = String::new();
    for (t, key, value, b) in rows {
        if t != table {
            para(out, " ", theme.muted, &t, theme.key, w);
            table = t;
        }
        let value = super::text::truncate(&value, value_w);
        let lead = format!(
            "   {}  {}  ",
            super::text::left(key, key_w),
            super::text::right(&value, value_w)
        );
        let kind = words::basis_kind(lang, &b.kind);
        let (text, style) = match b.kind {
            BasisKind::Assumption if b.text.is_empty() => (kind.to_string(), theme.assumption),
            BasisKind::Assumption => (format!("{kind}: {}", b.text), theme.assumption),
            BasisKind::Source => (format!("{kind}: {}", b.text), theme.label),
            BasisKind::Placeholder => (kind.to_string(), theme.warning),
            BasisKind::Unstated => (kind.to_string(), theme.muted),
        };
        para(out, &lead, theme.label, &text, style, w);
    }
}

/// Every line of the screen at width `w`.
pub fn content(doc: &Document, view: &View, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let u = i18n::tui(lang);
    let s = &doc.current;
    let cur = &s.info.currency;
    let mut out = Vec::new();
    let names = |role| i18n::scenario_text::party(lang, s, role);
    para(
        &mut out,
        "",
        theme.title,
        i18n::scenario_text::title(lang, s),
        theme.title,
        w,
    );
    let theme_name = i18n::scenario_text::theme(lang, s);
    let mut facts = vec![format!("{}: {theme_name}", u.theme_label)];
    let mut time = tui_text::periods(lang, s.timeline.periods, s.timeline.period);
    if let Some(y) = s.timeline.start_year {
        time = format!("{time} {}", tui_text::starting(lang, y));
    }
    facts.push(format!("{}: {time}", u.timeline));
    para(
        &mut out,
        "",
        theme.muted,
        &facts.join(" · "),
        theme.muted,
        w,
    );
    heading(&mut out, u.summary, theme);
    let summary = i18n::scenario_text::summary(lang, s);
    para(&mut out, "", theme.label, summary, theme.label, w);
    basis(&mut out, s, lang, w, theme);

    heading(&mut out, u.parties, theme);
    let mut parties = vec![(t.payer, names("payer"))];
    parties.push((t.cofunder, names("cofunder")));
    parties.push((t.investor, names("investor")));
    parties.push((t.provider, names("provider")));
    parties.push((t.guarantor, names("guarantor")));
    parties.push((t.public_other, names("public_other")));
    let role_w = parties
        .iter()
        .map(|(r, _)| super::text::width(r))
        .max()
        .unwrap_or(0);
    for (role, name) in parties {
        if let Some(name) = name {
            let lead = format!("{}  ", super::text::left(role, role_w));
            para(&mut out, &lead, theme.muted, name, theme.label, w);
        }
    }

    heading(&mut out, u.cohort, theme);
    let unit = i18n::scenario_text::cohort_unit(lang, s);
    let cohort = match (&s.cohort.size, &s.cohort.intake) {
        (Some(n), _) => format!("{} {unit}", format::number(lang, *n, 0)),
        (None, Some(intake)) => format!(
            "{} {unit}",
            format::number(lang, intake.iter().sum::<Decimal>(), 0),
        ),
        (None, None) => unit.to_string(),
    };
    para(&mut out, "", theme.label, &cohort, theme.label, w);
    heading(&mut out, u.delivery, theme);
    let cost = format!(
        "{} ({}: {})",
        s.delivery.description,
        t.delivery_cost,
        format::money(lang, cur, s.delivery.cost.iter().sum())
    );
    para(&mut out, "", theme.label, &cost, theme.label, w);

    heading(&mut out, u.indicators, theme);
    for (i, o) in s.outcomes.iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        let name = i18n::scenario_text::outcome_name(lang, o);
        para(&mut out, "", theme.title, name, theme.title, w);
        let lead = |label: &str| format!("  {label}: ");
        para(
            &mut out,
            &lead(u.definition),
            theme.muted,
            &o.definition,
            theme.label,
            w,
        );
        para(
            &mut out,
            &lead(u.data_source),
            theme.muted,
            &o.data_source,
            theme.label,
            w,
        );
        if !o.source.is_empty() {
            let src = s
                .sources
                .iter()
                .find(|x| x.id == o.source)
                .map(|x| format!("[{}] {}", x.id, x.title))
                .unwrap_or_else(|| o.source.clone());
            para(&mut out, &lead(u.source), theme.muted, &src, theme.label, w);
        }
        let cf = match o.counterfactual {
            Counterfactual::ComparisonGroup => u.cf_comparison_group,
            Counterfactual::HistoricalBaseline => u.cf_historical_baseline,
            Counterfactual::None => u.cf_none,
        };
        para(
            &mut out,
            &lead(u.counterfactual),
            theme.muted,
            cf,
            theme.label,
            w,
        );
        let better = match o.better {
            Better::Lower => u.lower_is_better,
            Better::Higher => u.higher_is_better,
        };
        let mut levels = vec![
            format!("{} {}", u.baseline, number(lang, o.baseline)),
            format!(
                "{} {}",
                i18n::glossary::name(lang, i18n::glossary::Term::Target).to_lowercase(),
                number(lang, o.target)
            ),
        ];
        if let Some(h) = o.threshold {
            levels.push(format!(
                "{} {}",
                u.threshold.to_lowercase(),
                number(lang, h)
            ));
        }
        let levels = format!(
            "{} ({}; {better})",
            levels.join(" · "),
            i18n::scenario_text::indicator_unit(lang, o)
        );
        para(&mut out, "  ", theme.muted, &levels, theme.label, w);
        let price = format!(
            "{} {} · {} {} ({})",
            u.price,
            format::money(lang, cur, o.price),
            u.value_per_unit.to_lowercase(),
            format::money(lang, cur, o.value),
            i18n::scenario_text::payable_unit(lang, o)
        );
        para(&mut out, "  ", theme.muted, &price, theme.label, w);
    }

    if !s.sources.is_empty() {
        heading(&mut out, u.sources, theme);
        for src in &s.sources {
            let lead = format!("[{}] ", src.id);
            para(&mut out, &lead, theme.key, &src.title, theme.label, w);
            let pad = " ".repeat(super::text::width(&lead));
            if !src.url.is_empty() {
                para(&mut out, &pad, theme.muted, &src.url, theme.muted, w);
            }
            if !src.note.is_empty() {
                para(&mut out, &pad, theme.muted, &src.note, theme.muted, w);
            }
        }
    }

    if !s.assumptions.notes.is_empty() {
        heading(&mut out, u.assumptions, theme);
        let lead = format!("{}: ", u.assumption);
        for note in &s.assumptions.notes {
            para(&mut out, &lead, theme.assumption, note, theme.label, w);
        }
    }
    out
}

fn inner(body: Rect) -> Rect {
    Rect {
        x: body.x + 1,
        y: body.y + 1,
        width: body.width.saturating_sub(2),
        height: body.height.saturating_sub(1),
    }
}

/// Largest scroll position at the view's size.
pub fn max_scroll(doc: &Document, view: &View) -> usize {
    let area = Rect::new(0, 0, view.size.0, view.size.1);
    let r = inner(super::frame_areas(area).1);
    let lines = content(doc, view, r.width as usize, view.styles()).len();
    lines.saturating_sub(r.height as usize)
}

pub fn render(doc: &Document, view: &View, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let u = i18n::tui(view.lang);
    let block = super::panel(u.screen_scenario, true, theme);
    block.render(body, buf);
    let r = inner(body);
    let lines = content(doc, view, r.width as usize, theme);
    let max = lines.len().saturating_sub(r.height as usize);
    let top = view.scroll.scenario.min(max);
    for (i, line) in lines.iter().skip(top).take(r.height as usize).enumerate() {
        buf.set_line(r.x, r.y + i as u16, line, r.width);
    }
    if max > 0 {
        let note = format!("{}/{}", top + r.height as usize, lines.len());
        let nx = body
            .right()
            .saturating_sub(super::text::width(&note) as u16 + 1);
        buf.set_string(nx, body.y, note, theme.muted);
    }
}
