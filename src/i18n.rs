//! Every user-facing text in bokmål and English, in one place.
//!
//! [`Texts`] is a struct of fixed strings, so a text missing in one language
//! is a compile error; texts with numbers in them are functions below.

use crate::format::{self, Lang};
use crate::levers::{Group, Lever, Target};
use crate::model::Warning;
use crate::scenario::Scenario;

/// Fixed texts of one language.
pub struct Texts {
    pub payer: &'static str,
    pub cofunder: &'static str,
    pub investor: &'static str,
    pub provider: &'static str,
    pub guarantor: &'static str,
    pub public_other: &'static str,
    pub public_total: &'static str,
    pub outcome_payments: &'static str,
    pub guaranteed_payments: &'static str,
    pub drawn: &'static str,
    pub investor_received: &'static str,
    pub guarantee_paid: &'static str,
    pub provider_bonus: &'static str,
    pub refunded: &'static str,
    pub value: &'static str,
    pub delivery_cost: &'static str,
    pub net: &'static str,
    pub npv: &'static str,
    pub irr: &'static str,
    pub no_irr: &'static str,
    pub several_irrs: &'static str,
    pub moic: &'static str,
    pub break_even: &'static str,
    pub break_even_principal: &'static str,
    pub break_even_return_cap: &'static str,
    pub break_even_payer: &'static str,
    pub never: &'static str,
    pub achievement: &'static str,
    pub period: &'static str,
    pub total: &'static str,
    pub terms: &'static str,
    pub key_figures: &'static str,
    pub flows: &'static str,
    pub warnings: &'static str,
    pub risk_sharing: &'static str,
    pub party: &'static str,
    pub group_targets: &'static str,
    pub group_payment: &'static str,
    pub group_risk_sharing: &'static str,
    pub group_return: &'static str,
    pub lever_achievement: &'static str,
    pub lever_target: &'static str,
    pub lever_threshold: &'static str,
    pub lever_price: &'static str,
    pub lever_drift: &'static str,
    pub lever_savings_share: &'static str,
    pub lever_cap: &'static str,
    pub lever_guaranteed_share: &'static str,
    pub lever_cofunder_share: &'static str,
    pub lever_fee_at_risk: &'static str,
    pub lever_first_loss: &'static str,
    pub lever_return_cap: &'static str,
    pub lever_discount_rate: &'static str,
    pub lever_capital: &'static str,
    pub no_cap: &'static str,
}

pub static NB: Texts = Texts {
    payer: "Betaler",
    cofunder: "Medfinansiør",
    investor: "Investor",
    provider: "Leverandør",
    guarantor: "Garantist",
    public_other: "Øvrig offentlig",
    public_total: "Offentlig sektor",
    outcome_payments: "Utfallsbetalinger",
    guaranteed_payments: "Garanterte betalinger",
    drawn: "Trukket kapital",
    investor_received: "Tilbakebetalt investor",
    guarantee_paid: "Utbetalt garanti",
    provider_bonus: "Bonus til leverandør",
    refunded: "Tilbakeført betaler",
    value: "Gevinst",
    delivery_cost: "Leveransekostnad",
    net: "Netto",
    npv: "Nåverdi",
    irr: "Internrente",
    no_irr: "ingen internrente",
    several_irrs: "flere internrenter",
    moic: "Pengemultippel",
    break_even: "Balansepunkt (måloppnåelse)",
    break_even_principal: "Investor får kapitalen tilbake",
    break_even_return_cap: "Investor får full avkastning",
    break_even_payer: "Betaler går i pluss (nåverdi)",
    never: "aldri (0–200 %)",
    achievement: "Måloppnåelse",
    period: "Periode",
    total: "Sum",
    terms: "Vilkår",
    key_figures: "Nøkkeltall",
    flows: "Kontantstrømmer",
    warnings: "Advarsler",
    risk_sharing: "Risikodeling",
    party: "Part",
    group_targets: "Mål",
    group_payment: "Betaling",
    group_risk_sharing: "Risikodeling",
    group_return: "Avkastning",
    lever_achievement: "Måloppnåelse",
    lever_target: "Mål",
    lever_threshold: "Terskel",
    lever_price: "Pris",
    lever_drift: "Trend",
    lever_savings_share: "Andel av gevinst",
    lever_cap: "Tak på betalinger",
    lever_guaranteed_share: "Garantert andel",
    lever_cofunder_share: "Medfinansiering",
    lever_fee_at_risk: "Leverandørens risiko",
    lever_first_loss: "Garanti (første tap)",
    lever_return_cap: "Tak på avkastning",
    lever_discount_rate: "Diskonteringsrente",
    lever_capital: "Kapital",
    no_cap: "uten tak",
};

pub static EN: Texts = Texts {
    payer: "Payer",
    cofunder: "Cofunder",
    investor: "Investor",
    provider: "Provider",
    guarantor: "Guarantor",
    public_other: "Other public",
    public_total: "Public sector",
    outcome_payments: "Outcome payments",
    guaranteed_payments: "Guaranteed payments",
    drawn: "Capital drawn",
    investor_received: "Repaid to investor",
    guarantee_paid: "Guarantee paid",
    provider_bonus: "Provider bonus",
    refunded: "Refunded to payer",
    value: "Value",
    delivery_cost: "Delivery cost",
    net: "Net",
    npv: "NPV",
    irr: "IRR",
    no_irr: "no IRR",
    several_irrs: "several IRRs",
    moic: "Money multiple",
    break_even: "Break-even (achievement)",
    break_even_principal: "Investor gets capital back",
    break_even_return_cap: "Investor paid in full",
    break_even_payer: "Payer NPV turns positive",
    never: "never (0–200%)",
    achievement: "Achievement",
    period: "Period",
    total: "Total",
    terms: "Terms",
    key_figures: "Key figures",
    flows: "Cash flows",
    warnings: "Warnings",
    risk_sharing: "Risk sharing",
    party: "Party",
    group_targets: "Targets",
    group_payment: "Payment",
    group_risk_sharing: "Risk sharing",
    group_return: "Return",
    lever_achievement: "Achievement",
    lever_target: "Target",
    lever_threshold: "Threshold",
    lever_price: "Price",
    lever_drift: "Drift",
    lever_savings_share: "Share of savings",
    lever_cap: "Payment cap",
    lever_guaranteed_share: "Guaranteed share",
    lever_cofunder_share: "Cofunding",
    lever_fee_at_risk: "Provider at risk",
    lever_first_loss: "First-loss guarantee",
    lever_return_cap: "Return cap",
    lever_discount_rate: "Discount rate",
    lever_capital: "Capital",
    no_cap: "no cap",
};

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    }
}

/// The name of a lever group.
pub fn group_name(lang: Lang, group: Group) -> &'static str {
    let t = texts(lang);
    match group {
        Group::Targets => t.group_targets,
        Group::Payment => t.group_payment,
        Group::RiskSharing => t.group_risk_sharing,
        Group::Return => t.group_return,
    }
}

/// A lever's label, with the outcome's name where it has one.
pub fn lever_label(lang: Lang, s: &Scenario, lever: &Lever) -> String {
    let t = texts(lang);
    let with_outcome = |label: &str, i: usize| match s.outcomes.len() {
        1 => label.to_string(),
        _ => format!("{label}: {}", s.outcomes[i].name),
    };
    match lever.target {
        Target::Achievement => t.lever_achievement.into(),
        Target::Target(i) => with_outcome(t.lever_target, i),
        Target::Threshold(i) => with_outcome(t.lever_threshold, i),
        Target::Price(i) => with_outcome(t.lever_price, i),
        Target::Drift(i) => with_outcome(t.lever_drift, i),
        Target::SavingsShare => t.lever_savings_share.into(),
        Target::Cap => t.lever_cap.into(),
        Target::GuaranteedShare => t.lever_guaranteed_share.into(),
        Target::CofunderShare => t.lever_cofunder_share.into(),
        Target::FeeAtRisk => t.lever_fee_at_risk.into(),
        Target::FirstLoss => t.lever_first_loss.into(),
        Target::ReturnCap => t.lever_return_cap.into(),
        Target::DiscountRate => t.lever_discount_rate.into(),
        Target::Capital => t.lever_capital.into(),
    }
}

/// A lever value as text with its unit.
pub fn lever_value(lang: Lang, s: &Scenario, lever: &Lever, v: rust_decimal::Decimal) -> String {
    use crate::levers::Unit;
    let currency = &s.info.currency;
    match lever.unit {
        Unit::Share | Unit::Rate => {
            let dp = if (v * rust_decimal::Decimal::from(1000)).fract().is_zero() {
                1
            } else {
                2
            };
            format::percent(lang, v, dp)
        }
        Unit::Money => format::money_short(lang, currency, v),
        Unit::Price => format::money(lang, currency, v),
        Unit::Indicator | Unit::IndicatorPerPeriod => {
            let unit = match lever.target {
                Target::Target(i) | Target::Threshold(i) | Target::Drift(i) => {
                    s.outcomes[i].indicator_unit.as_str()
                }
                _ => "",
            };
            let n = format::number(lang, v, v.normalize().scale().min(3));
            if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            }
        }
    }
}

/// A warning from the model as a sentence.
pub fn warning(lang: Lang, s: &Scenario, w: &Warning) -> String {
    let money = |d| format::money(lang, &s.info.currency, d);
    match (lang, w) {
        (Lang::Nb, Warning::CapitalShortfall { drawn, capital }) => format!(
            "Kapitalbehov: investor trekker {}, men bare {} er forpliktet",
            money(*drawn),
            money(*capital)
        ),
        (Lang::En, Warning::CapitalShortfall { drawn, capital }) => format!(
            "Capital shortfall: the investor draws {} but only {} is committed",
            money(*drawn),
            money(*capital)
        ),
        (Lang::Nb, Warning::PriceAboveValue { outcome }) => {
            format!("Prisen for «{outcome}» er høyere enn gevinsten per enhet")
        }
        (Lang::En, Warning::PriceAboveValue { outcome }) => {
            format!("The price of \"{outcome}\" is above its value per unit")
        }
        (Lang::Nb, Warning::CapReached { period }) => {
            format!("Taket på betalinger nås allerede i periode {period}")
        }
        (Lang::En, Warning::CapReached { period }) => {
            format!("The payment cap is reached already in period {period}")
        }
        (Lang::Nb, Warning::SeveralIrrs { count }) => {
            format!(
                "Investorens kontantstrøm har {count} internrenter; se nåverdi og pengemultippel"
            )
        }
        (Lang::En, Warning::SeveralIrrs { count }) => {
            format!("The investor's flows have {count} IRRs; look at NPV and money multiple")
        }
    }
}

/// An IRR as text: the headline, "no IRR", and a note when there are several.
pub fn irr(lang: Lang, irr: &crate::model::Irr) -> String {
    let t = texts(lang);
    match irr.headline {
        None => t.no_irr.to_string(),
        Some(r) if irr.roots.len() > 1 => {
            format!("{} ({})", format::percent(lang, r, 1), t.several_irrs)
        }
        Some(r) => format::percent(lang, r, 1),
    }
}

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
    risk_intro: "Hver parts netto resultat (sum av kontantstrømmer) når effekten er 0, 50, 100 og 150 % av målet.",
    flows_of: "Kontantstrømmer per periode",
    assumptions: "Forutsetninger",
    assumption_note: "Dette er antakelser, ikke fakta.",
    sources: "Kilder",
    notes: "Notater",
    no_notes: "Ingen notater.",
    no_warnings: "Ingen advarsler.",
    variant_problems: "Merk",
    investor_irr_at: "Investors internrente",
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
    risk_intro: "Each party's net result (sum of its cash flows) when the effect is 0, 50, 100 and 150 % of the target.",
    flows_of: "Cash flows per period",
    assumptions: "Assumptions",
    assumption_note: "These are assumptions, not facts.",
    sources: "Sources",
    notes: "Notes",
    no_notes: "No notes.",
    no_warnings: "No warnings.",
    variant_problems: "Note",
    investor_irr_at: "Investor IRR",
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
        (Lang::Nb, Counterfactual::HistoricalBaseline) => "historisk utgangsnivå (trend telles med)",
        (Lang::Nb, Counterfactual::None) => "ingen (betaler for alle resultater)",
        (Lang::En, Counterfactual::ComparisonGroup) => "comparison group",
        (Lang::En, Counterfactual::HistoricalBaseline) => "historical baseline (trends count)",
        (Lang::En, Counterfactual::None) => "none (pays for every success)",
    }
}
