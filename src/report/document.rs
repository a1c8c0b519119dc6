//! Reports on a scenario and its variants, for KS's members: Markdown,
//! CSV (one tidy table a spreadsheet opens directly) and JSON.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::catalog::Loaded;
use crate::format::{self, Lang};
use crate::i18n::{self, report_texts, scenario_text, texts};
use crate::levers;
use crate::model::{self, Figures, RiskRow};
use crate::scenario::Scenario;
use crate::store::{self, Note, Problem, Variant};

use super::budget;
use super::summary::{npv_label, party_name};

/// One column of a report: the base scenario or a variant, computed.
pub struct Column {
    /// `None` for the base scenario.
    pub variant: Option<String>,
    pub scenario: Scenario,
    pub notes: Vec<Note>,
    /// What did not fit when the variant was applied.
    pub issues: Vec<Problem>,
    /// [`Column::issues`] as English sentences (the workshop's compare
    /// screen shows these; reports say the issues in their language).
    pub problems: Vec<String>,
    pub figures: Figures,
    pub risk: Vec<RiskRow>,
}

impl Column {
    fn compute(
        variant: Option<String>,
        scenario: Scenario,
        notes: Vec<Note>,
        issues: Vec<Problem>,
    ) -> Column {
        Column {
            figures: model::figures(&scenario),
            risk: model::risk_table(&scenario),
            variant,
            scenario,
            notes,
            problems: issues.iter().map(Problem::to_string).collect(),
            issues,
        }
    }

    fn title(&self, lang: Lang) -> String {
        self.variant
            .clone()
            .unwrap_or_else(|| report_texts(lang).base.to_string())
    }
}

/// The base scenario followed by each variant, computed.
pub fn columns(base: &Loaded, variants: &[Variant]) -> Vec<Column> {
    let mut out = vec![Column::compute(
        None,
        base.scenario.clone(),
        Vec::new(),
        Vec::new(),
    )];
    for v in variants {
        let applied = store::apply(v, base);
        let issues = applied.issues();
        out.push(Column::compute(
            Some(v.name.clone()),
            applied.scenario,
            v.notes.clone(),
            issues,
        ));
    }
    out
}

/// A Markdown table; cells must not contain `|`.
pub(super) fn md_table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    md_table_aligned(out, header, rows, true);
}

/// A Markdown table whose columns after the first are right-aligned when
/// `numeric`, left-aligned otherwise.
pub(super) fn md_table_aligned(
    out: &mut String,
    header: &[String],
    rows: &[Vec<String>],
    numeric: bool,
) {
    let clean = |s: &String| s.replace('|', "/");
    let _ = writeln!(
        out,
        "| {} |",
        header.iter().map(clean).collect::<Vec<_>>().join(" | ")
    );
    let align: Vec<&str> = (0..header.len())
        .map(|i| if i == 0 || !numeric { "---" } else { "---:" })
        .collect();
    let _ = writeln!(out, "| {} |", align.join(" | "));
    for r in rows {
        let _ = writeln!(
            out,
            "| {} |",
            r.iter().map(clean).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

fn risk_rows(lang: Lang, c: &Column) -> Vec<(String, Vec<Decimal>)> {
    let t = texts(lang);
    let col = |f: &dyn Fn(&RiskRow) -> Decimal| c.risk.iter().map(f).collect::<Vec<_>>();
    vec![
        (t.outcome_payments.into(), col(&|r| r.outcome_payments)),
        (t.payer.into(), col(&|r| r.payer.net)),
        (t.cofunder.into(), col(&|r| r.cofunder.net)),
        (t.investor.into(), col(&|r| r.investor.net)),
        (t.provider.into(), col(&|r| r.provider.net)),
        (t.guarantor.into(), col(&|r| r.guarantor.net)),
        (t.public_other.into(), col(&|r| r.public_other.net)),
    ]
}

/// The Markdown report.
pub fn markdown(lang: Lang, base: &Loaded, cols: &[Column]) -> String {
    let t = texts(lang);
    let rt = report_texts(lang);
    let s = &base.scenario;
    let cur = &s.info.currency;
    let money = |d: Decimal| format::money(lang, cur, d);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", scenario_text::title(lang, s));
    let about = scenario_text::summary(lang, s);
    if !about.is_empty() {
        let _ = writeln!(out, "{about}\n");
    }
    let _ = writeln!(
        out,
        "_{} {} · scenario `{}` · {}_\n",
        rt.generated_by,
        env!("CARGO_PKG_VERSION"),
        s.info.id,
        &store::scenario_hash(&base.text)[..19],
    );

    let _ = writeln!(out, "## {}\n", rt.about);
    let theme = scenario_text::theme(lang, s);
    if !theme.is_empty() {
        let _ = writeln!(out, "- {}: {theme}", rt.theme);
    }
    let _ = writeln!(
        out,
        "- {}: {} {} {}",
        rt.timeline,
        s.timeline.periods,
        rt.periods_of,
        i18n::period_name(lang, s.timeline.period)
    );
    let unit = scenario_text::cohort_unit(lang, s);
    if let Some(size) = s.cohort.size {
        let _ = writeln!(
            out,
            "- {}: {} {unit}",
            rt.cohort,
            format::number(lang, size, 0),
        );
    }
    if let Some(intake) = &s.cohort.intake {
        let total: Decimal = intake.iter().sum();
        let _ = writeln!(
            out,
            "- {}: {} {unit}",
            rt.cohort,
            format::number(lang, total, 0),
        );
    }
    let cost: Decimal = s.delivery.cost.iter().sum();
    if s.delivery.description.is_empty() {
        let _ = writeln!(out, "- {}: {}", rt.delivery, money(cost));
    } else {
        let _ = writeln!(
            out,
            "- {}: {} — {}",
            rt.delivery,
            money(cost),
            s.delivery.description
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", rt.parties);
    let rows: Vec<Vec<String>> = [
        ("payer", t.payer),
        ("cofunder", t.cofunder),
        ("investor", t.investor),
        ("provider", t.provider),
        ("public_other", t.public_other),
        ("guarantor", t.guarantor),
    ]
    .into_iter()
    .filter_map(|(id, role)| {
        scenario_text::party(lang, s, id).map(|name| vec![role.to_string(), name.to_string()])
    })
    .collect();
    md_table_aligned(&mut out, &[rt.role.into(), rt.name.into()], &rows, false);

    let _ = writeln!(out, "## {}\n", rt.indicators);
    for o in &s.outcomes {
        let _ = writeln!(out, "### {}\n", scenario_text::outcome_name(lang, o));
        let unit = scenario_text::indicator_unit(lang, o);
        let level = |d: Decimal| format!("{} {unit}", format::number(lang, d, d.scale().min(3)));
        if !o.definition.is_empty() {
            let _ = writeln!(out, "- {}: {}", rt.definition, o.definition);
        }
        if !o.data_source.is_empty() {
            let _ = writeln!(out, "- {}: {}", rt.data_source, o.data_source);
        }
        if !o.source.is_empty() {
            let _ = writeln!(out, "- {}: {}", rt.source, o.source);
        }
        let _ = writeln!(
            out,
            "- {}: {} → {}: {}",
            rt.baseline,
            level(o.baseline),
            rt.target,
            level(o.target)
        );
        if let Some(h) = o.threshold {
            let _ = writeln!(out, "- {}: {}", rt.threshold, level(h));
        }
        let _ = writeln!(
            out,
            "- {}: {}",
            rt.counterfactual,
            i18n::counterfactual_name(lang, o.counterfactual)
        );
        let _ = writeln!(
            out,
            "- {}: {} · {}: {}\n",
            rt.price,
            money(o.price),
            rt.value_per_unit,
            money(o.value)
        );
    }

    let header: Vec<String> = std::iter::once(rt.lever.to_string())
        .chain(cols.iter().map(|c| c.title(lang)))
        .collect();
    let _ = writeln!(out, "## {}\n", t.terms);
    let rows: Vec<Vec<String>> = levers::available(s)
        .iter()
        .map(|l| {
            std::iter::once(i18n::lever_label(lang, s, l))
                .chain(cols.iter().map(|c| {
                    let v = levers::get(&c.scenario, l.target);
                    let text = i18n::lever_value(lang, &c.scenario, l, v);
                    if v != l.value {
                        format!("**{text}**")
                    } else {
                        text
                    }
                }))
                .collect()
        })
        .collect();
    md_table(&mut out, &header, &rows);
    if cols.len() > 1 {
        let _ = writeln!(out, "{}\n", rt.differs);
    }

    let _ = writeln!(out, "## {}\n", t.key_figures);
    let pairs: Vec<(&Scenario, &Figures)> =
        cols.iter().map(|c| (&c.scenario, &c.figures)).collect();
    let rows: Vec<Vec<String>> = super::figures::rows(lang, &pairs)
        .into_iter()
        .map(|r| std::iter::once(r.label).chain(r.values).collect())
        .collect();
    let mut header_f = header.clone();
    header_f[0] = rt.figure.into();
    md_table(&mut out, &header_f, &rows);

    let _ = writeln!(out, "## {}\n\n{}\n", rt.budget, rt.budget_intro);
    for c in cols {
        let _ = writeln!(out, "### {}\n", c.title(lang));
        let cur = &c.scenario.info.currency;
        let e = &c.figures.evaluation;
        let money = |d: Decimal| format::money(lang, cur, d);
        for f in budget::figures(lang, &c.scenario, e, &money) {
            if f.warning {
                let _ = writeln!(out, "- ⚠ {}", f.value);
            } else {
                let _ = writeln!(out, "- {}: {}", f.label, f.value);
            }
        }
        out.push('\n');
        let tables = budget::tables(&c.scenario, e, &c.risk);
        let amount = |d: Decimal| format::number(lang, d, 0);
        let (header, rows) = budget::text_rows(lang, &c.scenario, &tables, &amount);
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|(heading, mut cells)| {
                if heading {
                    cells[0] = format!("**{}**", cells[0]);
                    cells.resize(header.len(), String::new());
                }
                cells
            })
            .collect();
        md_table(&mut out, &header, &rows);
    }

    let _ = writeln!(out, "## {}\n\n{}\n", t.risk_sharing, rt.risk_intro);
    for c in cols {
        let _ = writeln!(out, "### {}\n", c.title(lang));
        let header: Vec<String> = std::iter::once(t.party.to_string())
            .chain(
                model::RISK_ACHIEVEMENTS
                    .iter()
                    .map(|a| format::percent(lang, *a, 0)),
            )
            .collect();
        let mut rows: Vec<Vec<String>> = risk_rows(lang, c)
            .into_iter()
            .map(|(label, vals)| {
                std::iter::once(label)
                    .chain(vals.into_iter().map(money))
                    .collect()
            })
            .collect();
        rows.push(
            std::iter::once(rt.investor_irr_at.to_string())
                .chain(c.risk.iter().map(|r| i18n::irr(lang, &r.investor_irr)))
                .collect(),
        );
        md_table(&mut out, &header, &rows);
    }

    let _ = writeln!(out, "## {}\n", rt.flows_of);
    for c in cols {
        let _ = writeln!(out, "### {}\n", c.title(lang));
        let e = &c.figures.evaluation;
        let parties = e.run.flows.parties();
        let header: Vec<String> = [t.period.to_string(), t.outcome_payments.to_string()]
            .into_iter()
            .chain(
                parties
                    .iter()
                    .map(|(id, _)| party_name(lang, id).to_string()),
            )
            .collect();
        let mut rows: Vec<Vec<String>> = (0..=c.scenario.timeline.periods)
            .map(|tau| {
                let paid = if tau == 0 {
                    Decimal::ZERO
                } else {
                    e.run.outcome_payments[tau - 1]
                };
                [tau.to_string(), format::number(lang, paid, 0)]
                    .into_iter()
                    .chain(parties.iter().map(|(_, f)| format::number(lang, f[tau], 0)))
                    .collect()
            })
            .collect();
        let nets = e.party_figures();
        rows.push(
            [
                t.total.to_string(),
                format::number(lang, e.run.totals.outcome_payments, 0),
            ]
            .into_iter()
            .chain(nets.iter().map(|p| format::number(lang, p.net, 0)))
            .collect(),
        );
        rows.push(
            [npv_label(lang, &c.scenario), String::new()]
                .into_iter()
                .chain(nets.iter().map(|p| format::number(lang, p.npv, 0)))
                .collect(),
        );
        md_table(&mut out, &header, &rows);
    }

    let _ = writeln!(out, "## {}\n", t.warnings);
    for c in cols {
        let warnings = &c.figures.evaluation.warnings;
        let _ = write!(out, "- **{}**: ", c.title(lang));
        if warnings.is_empty() && c.issues.is_empty() {
            let _ = writeln!(out, "{}", rt.no_warnings);
        } else {
            let all: Vec<String> = warnings
                .iter()
                .map(|w| i18n::warning(lang, &c.scenario, w))
                .chain(c.issues.iter().map(|p| {
                    let text = i18n::errors::variant_problem(lang, p);
                    format!("{}: {text}", rt.variant_problems)
                }))
                .collect();
            let _ = writeln!(out, "{}", all.join("; "));
        }
    }
    out.push('\n');

    if !s.assumptions.notes.is_empty() {
        let _ = writeln!(out, "## {}\n\n{}\n", rt.assumptions, rt.assumption_note);
        for n in &s.assumptions.notes {
            let _ = writeln!(out, "- {n}");
        }
        out.push('\n');
    }
    if !s.sources.is_empty() {
        let _ = writeln!(out, "## {}\n", rt.sources);
        for src in &s.sources {
            let mut line = format!("- {}", src.title);
            if !src.id.is_empty() {
                line = format!("- [{}] {}", src.id, src.title);
            }
            if !src.url.is_empty() {
                line.push_str(&format!(" <{}>", src.url));
            }
            if !src.note.is_empty() {
                line.push_str(&format!(" — {}", src.note));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if cols.len() > 1 {
        let _ = writeln!(out, "## {}\n", rt.notes);
        for c in &cols[1..] {
            let _ = writeln!(out, "### {}\n", c.title(lang));
            if c.notes.is_empty() {
                let _ = writeln!(out, "{}\n", rt.no_notes);
            }
            for n in &c.notes {
                let _ = writeln!(out, "- {} — {}", n.at, n.text);
            }
            if !c.notes.is_empty() {
                out.push('\n');
            }
        }
    }
    // Names, notes and scenario texts come from files: no control
    // character reaches a report, whoever writes it out.
    format::sanitize(out.trim_end()).into_owned() + "\n"
}
