//! The readable summary of `effekt calc`: terms, key figures, flows.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::format::{self, Lang};
use crate::i18n::{self, scenario_text, texts};
use crate::levers;
use crate::model::Figures;
use crate::scenario::Scenario;

/// A plain-text table with right-aligned columns after the first.
pub fn table(rows: &[Vec<String>]) -> String {
    aligned(rows, true)
}

/// A plain-text table with every column left-aligned.
pub fn table_left(rows: &[Vec<String>]) -> String {
    aligned(rows, false)
}

fn aligned(rows: &[Vec<String>], right: bool) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| {
        rows.iter()
            .filter_map(|r| r.get(c))
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..cols).map(width).collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.chars().count());
            if c == 0 || !right {
                line.push_str(&format!("  {cell}{}", " ".repeat(pad)));
            } else {
                line.push_str(&format!("  {}{cell}", " ".repeat(pad)));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `text` broken between words into lines of at most `width` characters
/// (a longer word is cut), each line starting with `indent` and ending in
/// a line break.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let room = width.saturating_sub(indent.chars().count()).max(1);
    let mut out = String::new();
    let mut line = String::new();
    let mut used = 0;
    let flush = |line: &mut String, out: &mut String| {
        out.push_str(indent);
        out.push_str(line.trim_end());
        out.push('\n');
        line.clear();
    };
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > room {
            if used > 0 {
                flush(&mut line, &mut out);
            }
            line.extend(word.drain(..room));
            flush(&mut line, &mut out);
            used = 0;
        }
        if used > 0 && used + 1 + word.len() > room {
            flush(&mut line, &mut out);
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        used += word.len();
        line.extend(word);
    }
    if used > 0 || out.is_empty() {
        flush(&mut line, &mut out);
    }
    out
}

/// The summary in the given language.
pub fn summary(lang: Lang, s: &Scenario, f: &Figures) -> String {
    let t = texts(lang);
    let e = &f.evaluation;
    let cur = &s.info.currency;
    let money = |d: Decimal| format::money(lang, cur, d);
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", scenario_text::title(lang, s), s.info.id);
    let about = scenario_text::summary(lang, s);
    if !about.is_empty() {
        let _ = writeln!(out, "{about}");
    }

    let _ = writeln!(out, "\n{}", t.terms);
    let rows: Vec<Vec<String>> = levers::shown(s)
        .iter()
        .map(|l| {
            vec![
                i18n::lever_label(lang, s, l),
                i18n::lever_value(lang, s, l, l.value),
            ]
        })
        .collect();
    out.push_str(&table(&rows));

    let _ = writeln!(out, "\n{}", t.key_figures);
    let rows: Vec<Vec<String>> = super::figures::rows(lang, &[(s, f)])
        .into_iter()
        .map(|r| std::iter::once(r.label).chain(r.values).collect())
        .collect();
    out.push_str(&table(&rows));

    let rt = i18n::report_texts(lang);
    let _ = writeln!(out, "\n{}", rt.budget);
    for line in wrap(rt.budget_intro, 78, "  ").lines() {
        let _ = writeln!(out, "{line}");
    }
    let rows: Vec<Vec<String>> = super::budget::figures(lang, s, e, &money)
        .into_iter()
        .map(|f| {
            if f.warning {
                vec![format!("! {}", f.value)]
            } else {
                vec![f.label, f.value]
            }
        })
        .collect();
    out.push_str(&table(&rows));
    let tables = super::budget::tables(s, e, &crate::model::risk_table(s));
    let amount = |d: Decimal| format::number(lang, d, 0);
    let (header, rows) = super::budget::text_rows(lang, s, &tables, &amount);
    let mut lines = vec![header];
    for (heading, cells) in rows {
        lines.push(if heading {
            cells
        } else {
            std::iter::once(format!("  {}", cells[0]))
                .chain(cells[1..].iter().cloned())
                .collect()
        });
    }
    out.push('\n');
    out.push_str(&table(&lines));
    if !s.sites.is_empty() {
        out.push_str(&sites(lang, s, f));
    }

    if !e.warnings.is_empty() {
        let _ = writeln!(out, "\n{}", t.warnings);
        for w in &e.warnings {
            let _ = writeln!(out, "  ! {}", i18n::warning(lang, s, w));
        }
    }

    let _ = writeln!(out, "\n{}", t.flows);
    let parties = e.run.flows.parties();
    let mut rows = vec![
        std::iter::once(t.period.to_string())
            .chain(
                parties
                    .iter()
                    .map(|(id, _)| party_name(lang, id).to_string()),
            )
            .collect::<Vec<_>>(),
    ];
    for tau in 0..=s.timeline.periods {
        rows.push(
            std::iter::once(tau.to_string())
                .chain(parties.iter().map(|(_, f)| format::number(lang, f[tau], 0)))
                .collect(),
        );
    }
    let nets = e.party_figures();
    rows.push(
        std::iter::once(t.total.to_string())
            .chain(nets.iter().map(|p| format::number(lang, p.net, 0)))
            .collect(),
    );
    rows.push(
        std::iter::once(npv_label(lang, s))
            .chain(nets.iter().map(|p| format::number(lang, p.npv, 0)))
            .collect(),
    );
    out.push_str(&table(&rows));
    out
}

/// The NPV row's label with its rate: `Nåverdi (4 %)`, and the investor's
/// own when it differs (`Nåverdi (4 %; investor 6 %)`).
pub fn npv_label(lang: Lang, s: &Scenario) -> String {
    let t = texts(lang);
    let discount = s.assumptions.discount_rate;
    let hurdle = s.hurdle_rate();
    if hurdle == discount {
        i18n::npv_heading(lang, discount)
    } else {
        format!(
            "{} ({}; {} {})",
            t.npv,
            i18n::rate(lang, discount),
            i18n::lower_first(t.investor),
            i18n::rate(lang, hurdle)
        )
    }
}

/// Each site's line (§9): what it pays for outcomes, its payer's net and
/// NPV, its budget net and the most it can pay; then the sum.
fn sites(lang: Lang, s: &Scenario, f: &Figures) -> String {
    let t = i18n::sites::site_texts(lang);
    let e = &f.evaluation;
    let money = |d: Decimal| format::money(lang, &s.info.currency, d);
    let mut rows = vec![vec![
        t.site.to_string(),
        t.payer.to_string(),
        t.outcome_payments.to_string(),
        t.net.to_string(),
        t.npv.to_string(),
        t.budget_net.to_string(),
        t.max_commitment.to_string(),
    ]];
    let mut sum = [Decimal::ZERO; 4];
    for ((site, r), fig) in s.sites.iter().zip(&e.run.sites).zip(&e.sites) {
        let paid: Decimal = r.outcome_payments.iter().sum();
        let figures = [paid, fig.payer.net, fig.payer.npv, fig.budget.net];
        for (total, v) in sum.iter_mut().zip(figures) {
            *total += v;
        }
        rows.push(
            [site.name.clone(), site.payer.clone()]
                .into_iter()
                .chain(figures.map(money))
                .chain([fig
                    .budget
                    .max_commitment
                    .map(money)
                    .unwrap_or_else(|| t.no_cap.to_string())])
                .collect(),
        );
    }
    rows.push(
        [t.total.to_string(), String::new()]
            .into_iter()
            .chain(sum.map(money))
            .chain([e
                .budget
                .max_commitment
                .map(money)
                .unwrap_or_else(|| t.no_cap.to_string())])
            .collect(),
    );
    format!("\n{}\n{}", t.heading, table(&rows))
}

/// The display name of a party role by its stable id.
pub fn party_name(lang: Lang, id: &str) -> &'static str {
    let t = texts(lang);
    match id {
        "payer" => t.payer,
        "cofunder" => t.cofunder,
        "investor" => t.investor,
        "provider" => t.provider,
        "guarantor" => t.guarantor,
        "others" => t.others,
        _ => t.public_other,
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_words_and_the_width() {
        assert_eq!(wrap("a bb ccc dddd", 6, ""), "a bb\nccc\ndddd\n");
        assert_eq!(wrap("abcdefgh", 4, "  "), "  ab\n  cd\n  ef\n  gh\n");
        assert_eq!(wrap("", 10, ""), "\n");
        for line in wrap(&"ord ".repeat(100), 30, "  ").lines() {
            assert!(line.chars().count() <= 30, "{line}");
        }
    }
}
