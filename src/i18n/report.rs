//! Texts of the exported reports (Markdown, CSV, JSON) and of the printed
//! risk, tornado and goal-seek results (`effekt risk`, `tornado`, `solve`;
//! the workshop's uncertainty screen shows the same sentences).

use super::{lower_first, texts};
use crate::format::{self, Lang};
use crate::scenario::Scenario;

/// Texts of the exported reports (Markdown, CSV, JSON).
pub struct ReportTexts {
    pub generated_by: &'static str,
    pub about: &'static str,
    pub theme: &'static str,
    pub timeline: &'static str,
    pub periods_of: &'static str,
    pub cohort: &'static str,
    pub delivery: &'static str,
    pub parties: &'static str,
    pub role: &'static str,
    pub name: &'static str,
    pub indicators: &'static str,
    pub definition: &'static str,
    pub data_source: &'static str,
    pub source: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub threshold: &'static str,
    pub counterfactual: &'static str,
    pub price: &'static str,
    pub value_per_unit: &'static str,
    pub base: &'static str,
    pub lever: &'static str,
    pub differs: &'static str,
    pub figure: &'static str,
    pub risk_intro: &'static str,
    pub flows_of: &'static str,
    pub assumptions: &'static str,
    pub assumption_note: &'static str,
    pub sources: &'static str,
    pub notes: &'static str,
    pub no_notes: &'static str,
    pub no_warnings: &'static str,
    pub variant_problems: &'static str,
    pub investor_irr_at: &'static str,
    pub budget: &'static str,
    pub budget_intro: &'static str,
}

pub static REPORT_NB: ReportTexts = ReportTexts {
    generated_by: "Laget med effekt",
    about: "Om scenarioet",
    theme: "Tema",
    timeline: "Varighet",
    periods_of: "perioder à",
    cohort: "Målgruppe",
    delivery: "Leveranse",
    parties: "Parter",
    role: "Rolle",
    name: "Navn",
    indicators: "Indikatorer",
    definition: "Definisjon",
    data_source: "Datakilde",
    source: "Kilde",
    baseline: "Utgangsnivå",
    target: "Mål",
    threshold: "Terskel",
    counterfactual: "Kontrafaktisk utvikling",
    price: "Pris per enhet",
    value_per_unit: "Gevinst per enhet",
    base: "Grunnscenario",
    lever: "Vilkår",
    differs: "Fet skrift: avviker fra grunnscenarioet.",
    figure: "Nøkkeltall",
    risk_intro: "Hver parts netto resultat (sum av kontantstrømmene over kontrakten, nominelt) når effekten er 0, 50, 100 og 150 % av forventet effekt.",
    flows_of: "Kontantstrømmer per periode",
    assumptions: "Forutsetninger",
    assumption_note: "Dette er antakelser, ikke fakta.",
    sources: "Kilder",
    notes: "Notater",
    no_notes: "Ingen notater.",
    no_warnings: "Ingen advarsler.",
    variant_problems: "Merk",
    investor_irr_at: "Investors internrente",
    budget: "Oppdragsgiverens budsjett",
    budget_intro: "Kontraktens virkning på oppdragsgiverens budsjett per budsjettår (anordningsprinsippet), i nominelle kroner, ved antatt effekt og ved 0 og 150 % av forventet effekt. Utbetalinger har minus. Bare kontant gevinst er med i budsjettet; ikke-kontant gevinst er med i nåverdien.",
};

pub static REPORT_EN: ReportTexts = ReportTexts {
    generated_by: "Made with effekt",
    about: "About the scenario",
    theme: "Theme",
    timeline: "Duration",
    periods_of: "periods of one",
    cohort: "Target group",
    delivery: "Delivery",
    parties: "Parties",
    role: "Role",
    name: "Name",
    indicators: "Indicators",
    definition: "Definition",
    data_source: "Data source",
    source: "Source",
    baseline: "Baseline",
    target: "Target",
    threshold: "Threshold",
    counterfactual: "Counterfactual",
    price: "Price per unit",
    value_per_unit: "Value per unit",
    base: "Base scenario",
    lever: "Term",
    differs: "Bold: differs from the base scenario.",
    figure: "Key figure",
    risk_intro: "Each party's net result (the sum of its cash flows over the contract, nominal) when the effect is 0, 50, 100 and 150% of the expected effect.",
    flows_of: "Cash flows per period",
    assumptions: "Assumptions",
    assumption_note: "These are assumptions, not facts.",
    sources: "Sources",
    notes: "Notes",
    no_notes: "No notes.",
    no_warnings: "No warnings.",
    variant_problems: "Note",
    investor_irr_at: "Investor IRR",
    budget: "The outcome payer's budget",
    budget_intro: "What the contract does to the outcome payer's budget per budget year (accrual), in nominal money, at the assumed effect and at 0 and 150% of the expected effect. Payments out are negative. Only cashable savings are in the budget; non-cash value is in the NPV.",
};

/// The report texts of a language.
pub fn report_texts(lang: Lang) -> &'static ReportTexts {
    match lang {
        Lang::Nb => &REPORT_NB,
        Lang::En => &REPORT_EN,
    }
}

/// A period length in words.
pub fn period_name(lang: Lang, p: crate::scenario::Period) -> &'static str {
    use crate::scenario::Period;
    match (lang, p) {
        (Lang::Nb, Period::Year) => "år",
        (Lang::Nb, Period::HalfYear) => "halvår",
        (Lang::Nb, Period::Quarter) => "kvartal",
        (Lang::Nb, Period::Month) => "måned",
        (Lang::En, Period::Year) => "year",
        (Lang::En, Period::HalfYear) => "half-year",
        (Lang::En, Period::Quarter) => "quarter",
        (Lang::En, Period::Month) => "month",
    }
}

/// A counterfactual in words.
pub fn counterfactual_name(lang: Lang, c: crate::scenario::Counterfactual) -> &'static str {
    use crate::scenario::Counterfactual;
    match (lang, c) {
        (Lang::Nb, Counterfactual::ComparisonGroup) => "sammenligningsgruppe",
        (Lang::Nb, Counterfactual::HistoricalBaseline) => {
            "historisk utgangsnivå (trend telles med)"
        }
        (Lang::Nb, Counterfactual::None) => "ingen (betaler for alle resultater)",
        (Lang::En, Counterfactual::ComparisonGroup) => "comparison group",
        (Lang::En, Counterfactual::HistoricalBaseline) => "historical baseline (trends count)",
        (Lang::En, Counterfactual::None) => "none (pays for every success)",
    }
}

/// How the achievement is drawn, as a sentence.
pub fn achievement_spread(lang: Lang, draw: &crate::risk::AchievementDraw) -> String {
    use crate::risk::AchievementDraw;
    let p = |v| format::percent(lang, v, 0);
    match (lang, draw) {
        (Lang::Nb, AchievementDraw::Fixed(a)) => {
            format!("Effekt, andel av forventet: fast {}", p(*a))
        }
        (Lang::En, AchievementDraw::Fixed(a)) => {
            format!("Effect, share of expected: fixed at {}", p(*a))
        }
        (Lang::Nb, AchievementDraw::Normal { mean, sd }) => format!(
            "Effekt, andel av forventet: normalfordelt rundt {} med standardavvik {}",
            p(*mean),
            p(*sd)
        ),
        (Lang::En, AchievementDraw::Normal { mean, sd }) => format!(
            "Effect, share of expected: normal around {} with standard deviation {}",
            p(*mean),
            p(*sd)
        ),
        (Lang::Nb, AchievementDraw::Triangular { min, mode, max }) => format!(
            "Effekt, andel av forventet: trekantfordelt fra {} til {}, mest sannsynlig {}",
            p(*min),
            p(*max),
            p(*mode)
        ),
        (Lang::En, AchievementDraw::Triangular { min, mode, max }) => format!(
            "Effect, share of expected: triangular from {} to {}, most likely {}",
            p(*min),
            p(*max),
            p(*mode)
        ),
    }
}

/// The measurement noise of each outcome, as a sentence.
pub fn noise_text(lang: Lang, s: &Scenario, noise_sd: &[rust_decimal::Decimal]) -> String {
    let t = texts(lang);
    let parts: Vec<String> = s
        .outcomes
        .iter()
        .zip(noise_sd)
        .filter(|(_, sd)| !sd.is_zero())
        .map(|(o, sd)| {
            let n = format::number(lang, *sd, sd.normalize().scale().clamp(1, 4));
            let unit = super::scenario_text::indicator_unit(lang, o);
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            format!("{} ±{n}{unit}", super::scenario_text::outcome_name(lang, o))
        })
        .collect();
    if parts.is_empty() {
        return t.no_noise.to_string();
    }
    match lang {
        Lang::Nb => format!(
            "{} (standardavvik per periode): {}",
            t.noise,
            parts.join("; ")
        ),
        Lang::En => format!(
            "{} (standard deviation per period): {}",
            t.noise,
            parts.join("; ")
        ),
    }
}

/// `10 000 trekk, frø 2026` / `10,000 draws, seed 2026`.
pub fn draws_text(lang: Lang, draws: u32, seed: u64) -> String {
    let n = format::number(lang, draws.into(), 0);
    match lang {
        Lang::Nb => format!("{n} trekk, frø {seed}"),
        Lang::En => format!("{n} draws, seed {seed}"),
    }
}

/// A note on draws without an IRR.
pub fn draws_without_irr(lang: Lang, n: u32, of: u32) -> String {
    let share = if of == 0 {
        rust_decimal::Decimal::ZERO
    } else {
        rust_decimal::Decimal::from(n) / rust_decimal::Decimal::from(of)
    };
    match lang {
        Lang::Nb => format!(
            "{} trekk ({}) har ingen internrente; persentilene gjelder resten",
            format::number(lang, n.into(), 0),
            format::percent(lang, share, 1)
        ),
        Lang::En => format!(
            "{} draws ({}) have no IRR; the percentiles are of the rest",
            format::number(lang, n.into(), 0),
            format::percent(lang, share, 1)
        ),
    }
}

/// The tornado's base line.
pub fn tornado_base(
    lang: Lang,
    achievement: &str,
    rate: rust_decimal::Decimal,
    payer_npv: &str,
    irr: &str,
) -> String {
    let t = texts(lang);
    let npv = super::at_rate(lang, t.fig_payer_npv, rate);
    match lang {
        Lang::Nb => format!(
            "{} ved effekt {achievement} av forventet: {npv} {payer_npv}; {} {irr}",
            t.base, t.fig_investor_irr
        ),
        Lang::En => format!(
            "{} at effect {achievement} of expected: {npv} {payer_npv}; {} {irr}",
            t.base, t.fig_investor_irr
        ),
    }
}

/// What goal seek found: `lever = value gives figure = reached (target …)`.
pub fn solve_found(
    lang: Lang,
    lever: &str,
    value: &str,
    figure: &str,
    reached: &str,
    target: &str,
    at: &str,
) -> String {
    let figure = lower_first(figure);
    match lang {
        Lang::Nb => format!("{lever} = {value} gir {figure} {reached} (mål {target}) {at}."),
        Lang::En => format!("{lever} = {value} gives {figure} {reached} (target {target}) {at}."),
    }
}

/// `ved effekt 50 % av forventet` / `at effect 50% of expected`.
pub fn at_achievement(lang: Lang, achievement: &str) -> String {
    match lang {
        Lang::Nb => format!("ved effekt {achievement} av forventet"),
        Lang::En => format!("at effect {achievement} of expected"),
    }
}

/// Goal seek found nothing: the lever's range and what the figure reaches.
pub fn solve_missed(
    lang: Lang,
    lever: &str,
    range: (&str, &str),
    figure: &str,
    target: &str,
    at: &str,
) -> String {
    let (from, to) = range;
    let (lever, figure) = (lower_first(lever), lower_first(figure));
    match lang {
        Lang::Nb => {
            format!("Ingen verdi av {lever} fra {from} til {to} gir {figure} {target} {at}.")
        }
        Lang::En => {
            format!("No value of {lever} from {from} to {to} gives {figure} {target} {at}.")
        }
    }
}

/// The details of a miss: the figure's range and the closest value.
pub fn solve_miss_details(
    lang: Lang,
    figure_range: Option<(&str, &str)>,
    best: Option<(&str, &str)>,
    jump: Option<(&str, &str)>,
) -> Vec<String> {
    let mut out = Vec::new();
    match (lang, figure_range) {
        (Lang::Nb, Some((lo, hi))) => {
            out.push(format!("Over området går tallet fra {lo} til {hi}."))
        }
        (Lang::En, Some((lo, hi))) => {
            out.push(format!("Over the range the figure goes from {lo} to {hi}."))
        }
        (Lang::Nb, None) => out.push("Tallet finnes ikke noe sted i området.".into()),
        (Lang::En, None) => out.push("The figure exists nowhere in the range.".into()),
    }
    match (lang, best) {
        (Lang::Nb, Some((v, f))) => out.push(format!("Nærmest: {f} ved {v}.")),
        (Lang::En, Some((v, f))) => out.push(format!("Closest: {f} at {v}.")),
        (_, None) => {}
    }
    match (lang, jump) {
        (Lang::Nb, Some((a, b))) => {
            out.push(format!("Tallet hopper over målet mellom {a} og {b}."))
        }
        (Lang::En, Some((a, b))) => out.push(format!(
            "The figure jumps over the target between {a} and {b}."
        )),
        (_, None) => {}
    }
    out
}
