//! Every user-facing text in bokmål and English, in one place.
//!
//! [`Texts`] is a struct of fixed strings, so a text missing in one language
//! is a compile error; texts with numbers in them are functions below.
//! Error texts are in [`errors`].

pub mod errors;

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
    pub lever_expected: &'static str,
    pub lever_excess_investor_share: &'static str,
    pub lever_hurdle_rate: &'static str,
    // The risk view (`effekt risk`, `tornado`, `solve`).
    pub risk_title: &'static str,
    pub uncertainty_assumed: &'static str,
    pub noise: &'static str,
    pub no_noise: &'static str,
    pub probabilities: &'static str,
    pub p_investor_loss_before: &'static str,
    pub p_investor_loss: &'static str,
    pub p_any_payment: &'static str,
    pub p_cap_binds: &'static str,
    pub spread: &'static str,
    pub mean: &'static str,
    pub investor_net: &'static str,
    pub distribution_of: &'static str,
    pub tornado_title: &'static str,
    pub tornado_note: &'static str,
    pub base: &'static str,
    pub lever: &'static str,
    pub step_down: &'static str,
    pub step_up: &'static str,
    pub at_limit: &'static str,
    pub refused: &'static str,
    pub percentage_points: &'static str,
    pub solve_title: &'static str,
    pub tolerance: &'static str,
    pub now: &'static str,
    pub at_zero_effect: &'static str,
    pub fig_investor_irr: &'static str,
    pub fig_payer_npv: &'static str,
    pub fig_public_npv: &'static str,
    pub fig_outcome_payments: &'static str,
    pub fig_investor_moic: &'static str,
    pub fig_p_noise_payment: &'static str,
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
    lever_achievement: "Effekt, andel av forventet",
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
    lever_expected: "Forventet nivå",
    lever_excess_investor_share: "Investors andel av overskudd",
    lever_hurdle_rate: "Investors avkastningskrav",
    risk_title: "Risiko",
    uncertainty_assumed: "Antatt usikkerhet: scenarioet har ingen [uncertainty]-tabell",
    noise: "Målestøy",
    no_noise: "Ingen målestøy",
    probabilities: "Sannsynligheter",
    p_investor_loss_before: "Investor taper penger før garantien",
    p_investor_loss: "Investor taper penger etter garantien",
    p_any_payment: "Det blir betalt for resultater",
    p_cap_binds: "Taket på betalinger nås",
    spread: "Spredning",
    mean: "Snitt",
    investor_net: "Investor, netto",
    distribution_of: "Fordeling",
    tornado_title: "Følsomhet",
    tornado_note: "Hver spak ett steg ned og opp; endring fra utgangspunktet",
    base: "Utgangspunkt",
    lever: "Spak",
    step_down: "Ett steg ned",
    step_up: "Ett steg opp",
    at_limit: "ved grensen",
    refused: "avvist",
    percentage_points: "%-poeng",
    solve_title: "Målsøk",
    tolerance: "toleranse",
    now: "nå",
    at_zero_effect: "når den sanne effekten er null",
    fig_investor_irr: "Investors internrente",
    fig_payer_npv: "Betalers nåverdi",
    fig_public_npv: "Offentlig sektors nåverdi",
    fig_outcome_payments: "Utfallsbetalinger",
    fig_investor_moic: "Investors pengemultippel",
    fig_p_noise_payment: "Sannsynlighet for å betale for støy",
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
    lever_achievement: "Effect, share of expected",
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
    lever_expected: "Expected level",
    lever_excess_investor_share: "Investor's share of surplus",
    lever_hurdle_rate: "Investor's hurdle rate",
    risk_title: "Risk",
    uncertainty_assumed: "Assumed uncertainty: the scenario has no [uncertainty] table",
    noise: "Measurement noise",
    no_noise: "No measurement noise",
    probabilities: "Probabilities",
    p_investor_loss_before: "Investor loses money before the guarantee",
    p_investor_loss: "Investor loses money after the guarantee",
    p_any_payment: "Any outcome payment is made",
    p_cap_binds: "The payment cap binds",
    spread: "Spread",
    mean: "Mean",
    investor_net: "Investor, net",
    distribution_of: "Distribution",
    tornado_title: "Sensitivity",
    tornado_note: "Each lever one step down and up; change from the base",
    base: "Base",
    lever: "Lever",
    step_down: "One step down",
    step_up: "One step up",
    at_limit: "at its limit",
    refused: "refused",
    percentage_points: "pp",
    solve_title: "Goal seek",
    tolerance: "tolerance",
    now: "now",
    at_zero_effect: "when the true effect is zero",
    fig_investor_irr: "Investor IRR",
    fig_payer_npv: "Payer NPV",
    fig_public_npv: "Public sector NPV",
    fig_outcome_payments: "Outcome payments",
    fig_investor_moic: "Investor money multiple",
    fig_p_noise_payment: "Probability of paying for noise",
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
        Target::Expected(i) => with_outcome(t.lever_expected, i),
        Target::ExcessInvestorShare => t.lever_excess_investor_share.into(),
        Target::HurdleRate => t.lever_hurdle_rate.into(),
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
                Target::Target(i)
                | Target::Expected(i)
                | Target::Threshold(i)
                | Target::Drift(i) => s.outcomes[i].indicator_unit.as_str(),
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

/// A solved lever value with enough digits to reproduce the figure
/// (goal seek): money to the øre, shares to up to four decimals of a per cent.
pub fn lever_value_precise(
    lang: Lang,
    s: &Scenario,
    lever: &Lever,
    v: rust_decimal::Decimal,
) -> String {
    use crate::levers::Unit;
    match lever.unit {
        Unit::Money | Unit::Price => {
            format::money_dp(lang, &s.info.currency, v, v.normalize().scale().min(2))
        }
        Unit::Share | Unit::Rate => {
            let dp = v.normalize().scale().saturating_sub(2).clamp(1, 4);
            format::percent(lang, v, dp)
        }
        _ => lever_value(lang, s, lever, v),
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
        (Lang::Nb, Warning::NoCap) => {
            "Ingen tak: oppdragsgiverens forpliktelse har ingen øvre grense".to_string()
        }
        (Lang::En, Warning::NoCap) => {
            "No cap: the payer's commitment has no upper bound".to_string()
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
    risk_intro: "Hver parts netto resultat (sum av kontantstrømmer) når effekten er 0, 50, 100 og 150 % av forventet effekt.",
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
    risk_intro: "Each party's net result (sum of its cash flows) when the effect is 0, 50, 100 and 150 % of the expected effect.",
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
        (Lang::Nb, Counterfactual::HistoricalBaseline) => {
            "historisk utgangsnivå (trend telles med)"
        }
        (Lang::Nb, Counterfactual::None) => "ingen (betaler for alle resultater)",
        (Lang::En, Counterfactual::ComparisonGroup) => "comparison group",
        (Lang::En, Counterfactual::HistoricalBaseline) => "historical baseline (trends count)",
        (Lang::En, Counterfactual::None) => "none (pays for every success)",
    }
}

/// Fixed texts of the workshop TUI (`src/tui`), one language.
pub struct TuiTexts {
    pub app_name: &'static str,
    pub screen_workshop: &'static str,
    pub screen_risk: &'static str,
    pub screen_flows: &'static str,
    pub screen_compare: &'static str,
    pub screen_scenario: &'static str,
    pub picker_title: &'static str,
    pub picker_preview: &'static str,
    pub bundled: &'static str,
    pub invalid: &'static str,
    pub your_folder: &'static str,
    pub levers: &'static str,
    pub changed_mark_note: &'static str,
    pub range: &'static str,
    pub step: &'static str,
    pub scenario_value: &'static str,
    pub of_which_payer: &'static str,
    pub of_which_cofunder: &'static str,
    pub payer_npv: &'static str,
    pub investor_irr: &'static str,
    pub investor_moic: &'static str,
    pub investor_npv: &'static str,
    pub provider_result: &'static str,
    pub public_npv: &'static str,
    pub break_even_short: &'static str,
    pub be_principal_short: &'static str,
    pub be_return_cap_short: &'static str,
    pub be_payer_short: &'static str,
    pub never_short: &'static str,
    pub chart_payments: &'static str,
    pub chart_payoff: &'static str,
    pub legend_payments: &'static str,
    pub legend_investor: &'static str,
    pub legend_payer_npv: &'static str,
    pub now: &'static str,
    pub target: &'static str,
    pub charts_elsewhere: &'static str,
    pub risk_title: &'static str,
    pub no_warnings: &'static str,
    pub totals: &'static str,
    pub summary: &'static str,
    pub theme_label: &'static str,
    pub timeline: &'static str,
    pub parties: &'static str,
    pub cohort: &'static str,
    pub delivery: &'static str,
    pub indicators: &'static str,
    pub definition: &'static str,
    pub data_source: &'static str,
    pub source: &'static str,
    pub counterfactual: &'static str,
    pub cf_comparison_group: &'static str,
    pub cf_historical_baseline: &'static str,
    pub cf_none: &'static str,
    pub baseline: &'static str,
    pub threshold: &'static str,
    pub price: &'static str,
    pub value_per_unit: &'static str,
    pub lower_is_better: &'static str,
    pub higher_is_better: &'static str,
    pub sources: &'static str,
    pub assumptions: &'static str,
    pub assumption: &'static str,
    pub compare_later: &'static str,
    pub ctx_variants: &'static str,
    pub key_save_variant: &'static str,
    pub key_variants: &'static str,
    pub key_compare: &'static str,
    pub key_note: &'static str,
    pub key_export: &'static str,
    pub key_compare_metric: &'static str,
    pub key_list_open: &'static str,
    pub key_list_rename: &'static str,
    pub key_list_duplicate: &'static str,
    pub key_list_delete: &'static str,
    pub key_list_compare: &'static str,
    pub key_list_note: &'static str,
    pub key_list_close: &'static str,
    pub status_save: &'static str,
    pub status_variants: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub help_mouse: &'static str,
    pub ctx_picker: &'static str,
    pub ctx_levers: &'static str,
    pub ctx_scroll: &'static str,
    pub ctx_screens: &'static str,
    pub ctx_present: &'static str,
    pub ctx_general: &'static str,
    pub key_select_up: &'static str,
    pub key_select_down: &'static str,
    pub key_open: &'static str,
    pub key_step_down: &'static str,
    pub key_step_up: &'static str,
    pub key_step_down_10: &'static str,
    pub key_step_up_10: &'static str,
    pub key_edit: &'static str,
    pub key_reset: &'static str,
    pub key_reset_all: &'static str,
    pub key_undo: &'static str,
    pub key_redo: &'static str,
    pub key_next_screen: &'static str,
    pub key_prev_screen: &'static str,
    pub key_goto_screen: &'static str,
    pub key_presentation: &'static str,
    pub key_theme: &'static str,
    pub key_language: &'static str,
    pub key_help: &'static str,
    pub key_back: &'static str,
    pub key_scroll_up: &'static str,
    pub key_scroll_down: &'static str,
    pub key_page_up: &'static str,
    pub key_page_down: &'static str,
    pub key_scroll_left: &'static str,
    pub key_scroll_right: &'static str,
    pub key_top: &'static str,
    pub key_bottom: &'static str,
    pub status_step: &'static str,
    pub status_select: &'static str,
    pub status_edit: &'static str,
    pub status_undo: &'static str,
    pub status_help: &'static str,
    pub status_quit: &'static str,
    pub status_back: &'static str,
    pub status_open: &'static str,
    pub status_scroll: &'static str,
    pub status_present: &'static str,
    pub status_screens: &'static str,
    pub prompt_hint: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub reset_done: &'static str,
    pub reset_all_done: &'static str,
    pub nothing_changed: &'static str,
    pub theme_default: &'static str,
    pub theme_high_contrast: &'static str,
    pub theme_mono: &'static str,
    pub no_color_note: &'static str,
    pub language_name: &'static str,
    pub yes_no: &'static str,
    pub presentation_hint: &'static str,
    pub too_small_hint: &'static str,
    pub c_outcome_payments: &'static str,
    pub c_of_which_cofunder: &'static str,
    pub c_payer_npv: &'static str,
    pub c_investor_irr: &'static str,
    pub c_investor_moic: &'static str,
    pub c_provider_result: &'static str,
    pub c_public_npv: &'static str,
    pub c_break_even: &'static str,
    pub c_be_principal: &'static str,
    pub key_figures_in: &'static str,
    pub flows_note: &'static str,
    pub risk_irr: &'static str,
    pub screen_uncertainty: &'static str,
    pub ctx_uncertainty: &'static str,
    pub key_goal_seek: &'static str,
    pub key_histogram: &'static str,
    pub key_tornado_sort: &'static str,
    pub unc_computing: &'static str,
    pub unc_recomputing: &'static str,
    pub unc_stale: &'static str,
    pub unc_histogram_hint: &'static str,
    pub unc_tornado_hint: &'static str,
    pub unc_goal_hint: &'static str,
    pub unc_share_of_draws: &'static str,
    pub unc_more_levers: &'static str,
    pub goal_figure: &'static str,
    pub goal_target: &'static str,
    pub goal_at: &'static str,
    pub goal_no_target: &'static str,
    pub goal_hint_edit: &'static str,
    pub goal_hint_found: &'static str,
    pub goal_hint_missed: &'static str,
    pub goal_hint_searching: &'static str,
    pub goal_searching: &'static str,
}

pub static TUI_NB: TuiTexts = TuiTexts {
    app_name: "effekt",
    screen_workshop: "Verksted",
    screen_risk: "Risiko",
    screen_flows: "Kontantstrømmer",
    screen_compare: "Sammenlign",
    screen_scenario: "Scenario",
    picker_title: "Velg scenario",
    picker_preview: "Om scenarioet",
    bundled: "innebygd",
    invalid: "ugyldig",
    your_folder: "Din scenariomappe",
    levers: "Spaker",
    changed_mark_note: "● = endret fra scenarioet",
    range: "område",
    step: "steg",
    scenario_value: "scenario",
    of_which_payer: "herav betaler",
    of_which_cofunder: "herav medfinansiør",
    payer_npv: "Betaler, nåverdi",
    investor_irr: "Investor, internrente",
    investor_moic: "Investor, pengemultippel",
    investor_npv: "Investor, nåverdi",
    provider_result: "Leverandør, resultat",
    public_npv: "Offentlig sektor, nåverdi",
    break_even_short: "Balansepunkt (måloppnåelse)",
    be_principal_short: "kapitalen tilbake",
    be_return_cap_short: "full avkastning",
    be_payer_short: "betaler i pluss",
    never_short: "aldri",
    chart_payments: "Utfallsbetalinger per periode",
    chart_payoff: "Resultat ved måloppnåelse 0–150 %",
    legend_payments: "Utfallsbetalinger",
    legend_investor: "Investor, netto",
    legend_payer_npv: "Betaler, nåverdi",
    now: "nå",
    target: "mål",
    charts_elsewhere: "Diagrammer og risikodeling: trykk 2",
    risk_title: "Risikodeling: hver parts resultat (netto)",
    no_warnings: "Ingen advarsler",
    totals: "Totaler",
    summary: "Sammendrag",
    theme_label: "Tema",
    timeline: "Tidslinje",
    parties: "Parter",
    cohort: "Målgruppe",
    delivery: "Leveranse",
    indicators: "Indikatorer",
    definition: "Definisjon",
    data_source: "Datakilde",
    source: "Kilde",
    counterfactual: "Kontrafaktisk utvikling",
    cf_comparison_group: "sammenligningsgruppe",
    cf_historical_baseline: "historisk utgangsnivå (betaler også for trend)",
    cf_none: "ingen (betaler for alle som lykkes)",
    baseline: "Utgangsnivå",
    threshold: "Terskel",
    price: "Pris",
    value_per_unit: "Gevinst per enhet",
    lower_is_better: "lavere er bedre",
    higher_is_better: "høyere er bedre",
    sources: "Kilder",
    assumptions: "Antakelser",
    assumption: "Antakelse",
    compare_later: "Ingen lagrede varianter ennå. Trykk s for å lagre spakene som en variant, v for listen.",
    ctx_variants: "Variantlisten",
    key_save_variant: "lagre som variant",
    key_variants: "varianter (liste)",
    key_compare: "sammenlign varianter",
    key_note: "notat på varianten",
    key_export: "eksporter rapport",
    key_compare_metric: "bytt kurve / diagram",
    key_list_open: "åpne varianten",
    key_list_rename: "gi nytt navn",
    key_list_duplicate: "kopier",
    key_list_delete: "slett (spør først)",
    key_list_compare: "ta med / ta ut av sammenligningen",
    key_list_note: "skriv notat",
    key_list_close: "lukk listen",
    status_save: "lagre",
    status_variants: "varianter",
    help_title: "Hjelp: taster",
    help_close: "Trykk en tast for å lukke",
    help_mouse: "Mus: klikk velger, hjulet endrer",
    ctx_picker: "Scenariovelger",
    ctx_levers: "Spaker",
    ctx_scroll: "Rulling (skjerm 3 og 5)",
    ctx_screens: "Skjermer",
    ctx_present: "Presentasjon",
    ctx_general: "Generelt",
    key_select_up: "velg forrige",
    key_select_down: "velg neste",
    key_open: "åpne scenarioet",
    key_step_down: "ett steg ned",
    key_step_up: "ett steg opp",
    key_step_down_10: "ti steg ned",
    key_step_up_10: "ti steg opp",
    key_edit: "skriv en verdi (80 %, 0,8)",
    key_reset: "tilbakestill spaken",
    key_reset_all: "tilbakestill alle spaker",
    key_undo: "angre",
    key_redo: "gjør om",
    key_next_screen: "neste skjerm",
    key_prev_screen: "forrige skjerm",
    key_goto_screen: "gå til skjerm 1–6",
    key_presentation: "presentasjonsmodus av/på",
    key_theme: "bytt fargetema",
    key_language: "bytt språk (nb/en)",
    key_help: "hjelp",
    key_back: "tilbake eller avslutt",
    key_scroll_up: "rull opp",
    key_scroll_down: "rull ned",
    key_page_up: "side opp",
    key_page_down: "side ned",
    key_scroll_left: "rull til venstre",
    key_scroll_right: "rull til høyre",
    key_top: "til toppen",
    key_bottom: "til bunnen",
    status_step: "endre",
    status_select: "velg",
    status_edit: "verdi",
    status_undo: "angre",
    status_help: "hjelp",
    status_quit: "avslutt",
    status_back: "tilbake",
    status_open: "åpne",
    status_scroll: "rull",
    status_present: "presenter",
    status_screens: "skjermer",
    prompt_hint: "Enter: bruk · Esc: avbryt",
    nothing_to_undo: "Ingenting å angre",
    nothing_to_redo: "Ingenting å gjøre om",
    undone: "Angret",
    redone: "Gjort om",
    reset_done: "Spaken er tilbake på scenarioets verdi",
    reset_all_done: "Alle spaker er tilbake på scenarioets verdier",
    nothing_changed: "Ingen spaker er endret",
    theme_default: "standard",
    theme_high_contrast: "høy kontrast",
    theme_mono: "monokromt",
    no_color_note: "NO_COLOR er satt: bare monokromt tema",
    language_name: "Språk: norsk bokmål",
    yes_no: "(y/n)",
    presentation_hint: "p eller Esc: avslutt presentasjon",
    too_small_hint: "Gjør vinduet større eller skriften mindre.",
    c_outcome_payments: "Utfallsbetaling",
    c_of_which_cofunder: "herav medfin.",
    c_payer_npv: "Betaler nåverdi",
    c_investor_irr: "Internrente",
    c_investor_moic: "Pengemultippel",
    c_provider_result: "Leverandør",
    c_public_npv: "Off. nåverdi",
    c_break_even: "Balansepunkt",
    c_be_principal: "kapital tilbake",
    key_figures_in: "Nøkkeltall",
    flows_note: "pluss = penger inn, minus = penger ut",
    risk_irr: "Investor, internrente",
    screen_uncertainty: "Usikkerhet",
    ctx_uncertainty: "Usikkerhet (skjerm 6)",
    key_goal_seek: "målsøk for spaken",
    key_histogram: "bytt histogram",
    key_tornado_sort: "sorter følsomhet",
    unc_computing: "Beregner",
    unc_recomputing: "Beregner på nytt",
    unc_stale: "tallene er fra før endringen",
    unc_histogram_hint: "d: bytt",
    unc_tornado_hint: "f: sorter",
    unc_goal_hint: "g: målsøk",
    unc_share_of_draws: "av trekkene",
    unc_more_levers: "flere: velg med ↑↓",
    goal_figure: "Tall",
    goal_target: "Mål",
    goal_at: "Ved måloppnåelse",
    goal_no_target: "Skriv en målverdi, for eksempel 6 % eller 5 mill.",
    goal_hint_edit: "Enter: søk · Tab: neste felt · ↑↓: tall · Esc: avbryt",
    goal_hint_found: "Enter/y: bruk verdien (u angrer) · Esc: avbryt",
    goal_hint_missed: "Enter: endre målet · Esc: lukk",
    goal_hint_searching: "Esc: avbryt",
    goal_searching: "Søker … en simulering per verdi, noen sekunder",
};

pub static TUI_EN: TuiTexts = TuiTexts {
    app_name: "effekt",
    screen_workshop: "Workshop",
    screen_risk: "Risk",
    screen_flows: "Cash flows",
    screen_compare: "Compare",
    screen_scenario: "Scenario",
    picker_title: "Choose a scenario",
    picker_preview: "About the scenario",
    bundled: "bundled",
    invalid: "invalid",
    your_folder: "Your scenario folder",
    levers: "Levers",
    changed_mark_note: "● = changed from the scenario",
    range: "range",
    step: "step",
    scenario_value: "scenario",
    of_which_payer: "of which payer",
    of_which_cofunder: "of which cofunder",
    payer_npv: "Payer NPV",
    investor_irr: "Investor IRR",
    investor_moic: "Investor money multiple",
    investor_npv: "Investor NPV",
    provider_result: "Provider result",
    public_npv: "Public sector NPV",
    break_even_short: "Break-even (achievement)",
    be_principal_short: "capital back",
    be_return_cap_short: "paid in full",
    be_payer_short: "payer positive",
    never_short: "never",
    chart_payments: "Outcome payments per period",
    chart_payoff: "Results by achievement 0–150%",
    legend_payments: "Outcome payments",
    legend_investor: "Investor net",
    legend_payer_npv: "Payer NPV",
    now: "now",
    target: "target",
    charts_elsewhere: "Charts and risk sharing: press 2",
    risk_title: "Risk sharing: each party's result (net)",
    no_warnings: "No warnings",
    totals: "Totals",
    summary: "Summary",
    theme_label: "Theme",
    timeline: "Timeline",
    parties: "Parties",
    cohort: "Target group",
    delivery: "Delivery",
    indicators: "Indicators",
    definition: "Definition",
    data_source: "Data source",
    source: "Source",
    counterfactual: "Counterfactual",
    cf_comparison_group: "comparison group",
    cf_historical_baseline: "historical baseline (also pays for the trend)",
    cf_none: "none (pays for every success)",
    baseline: "Baseline",
    threshold: "Threshold",
    price: "Price",
    value_per_unit: "Value per unit",
    lower_is_better: "lower is better",
    higher_is_better: "higher is better",
    sources: "Sources",
    assumptions: "Assumptions",
    assumption: "Assumption",
    compare_later: "No saved variants yet. Press s to save the levers as a variant, v for the list.",
    ctx_variants: "Variant list",
    key_save_variant: "save as a variant",
    key_variants: "variants (list)",
    key_compare: "compare variants",
    key_note: "note on the variant",
    key_export: "export a report",
    key_compare_metric: "switch curve / chart",
    key_list_open: "open the variant",
    key_list_rename: "rename",
    key_list_duplicate: "copy",
    key_list_delete: "delete (asks first)",
    key_list_compare: "add to / remove from the comparison",
    key_list_note: "write a note",
    key_list_close: "close the list",
    status_save: "save",
    status_variants: "variants",
    help_title: "Help: keys",
    help_close: "Press any key to close",
    help_mouse: "Mouse: click selects, wheel steps",
    ctx_picker: "Scenario picker",
    ctx_levers: "Levers",
    ctx_scroll: "Scrolling (screens 3 and 5)",
    ctx_screens: "Screens",
    ctx_present: "Presentation",
    ctx_general: "General",
    key_select_up: "select previous",
    key_select_down: "select next",
    key_open: "open the scenario",
    key_step_down: "one step down",
    key_step_up: "one step up",
    key_step_down_10: "ten steps down",
    key_step_up_10: "ten steps up",
    key_edit: "type a value (80%, 0.8)",
    key_reset: "reset the lever",
    key_reset_all: "reset all levers",
    key_undo: "undo",
    key_redo: "redo",
    key_next_screen: "next screen",
    key_prev_screen: "previous screen",
    key_goto_screen: "go to screen 1–6",
    key_presentation: "presentation mode on/off",
    key_theme: "switch colour theme",
    key_language: "switch language (nb/en)",
    key_help: "help",
    key_back: "back or quit",
    key_scroll_up: "scroll up",
    key_scroll_down: "scroll down",
    key_page_up: "page up",
    key_page_down: "page down",
    key_scroll_left: "scroll left",
    key_scroll_right: "scroll right",
    key_top: "to the top",
    key_bottom: "to the bottom",
    status_step: "step",
    status_select: "select",
    status_edit: "value",
    status_undo: "undo",
    status_help: "help",
    status_quit: "quit",
    status_back: "back",
    status_open: "open",
    status_scroll: "scroll",
    status_present: "present",
    status_screens: "screens",
    prompt_hint: "Enter: apply · Esc: cancel",
    nothing_to_undo: "Nothing to undo",
    nothing_to_redo: "Nothing to redo",
    undone: "Undone",
    redone: "Redone",
    reset_done: "The lever is back at the scenario's value",
    reset_all_done: "Every lever is back at the scenario's values",
    nothing_changed: "No lever is changed",
    theme_default: "default",
    theme_high_contrast: "high contrast",
    theme_mono: "monochrome",
    no_color_note: "NO_COLOR is set: monochrome theme only",
    language_name: "Language: English",
    yes_no: "(y/n)",
    presentation_hint: "p or Esc: leave presentation",
    too_small_hint: "Make the window larger or the font smaller.",
    c_outcome_payments: "Outcome payments",
    c_of_which_cofunder: "cofunder",
    c_payer_npv: "Payer NPV",
    c_investor_irr: "Investor IRR",
    c_investor_moic: "Money multiple",
    c_provider_result: "Provider result",
    c_public_npv: "Public NPV",
    c_break_even: "Break-even",
    c_be_principal: "capital back",
    key_figures_in: "Key figures",
    flows_note: "plus = money in, minus = money out",
    risk_irr: "Investor IRR",
    screen_uncertainty: "Uncertainty",
    ctx_uncertainty: "Uncertainty (screen 6)",
    key_goal_seek: "goal seek on the lever",
    key_histogram: "switch histogram",
    key_tornado_sort: "sort sensitivity",
    unc_computing: "Computing",
    unc_recomputing: "Recomputing",
    unc_stale: "figures from before the change",
    unc_histogram_hint: "d: switch",
    unc_tornado_hint: "f: sort",
    unc_goal_hint: "g: goal seek",
    unc_share_of_draws: "of draws",
    unc_more_levers: "more: select with ↑↓",
    goal_figure: "Figure",
    goal_target: "Target",
    goal_at: "At achievement",
    goal_no_target: "Type a target, for example 6% or 5m",
    goal_hint_edit: "Enter: search · Tab: next field · ↑↓: figure · Esc: cancel",
    goal_hint_found: "Enter/y: apply the value (u undoes) · Esc: cancel",
    goal_hint_missed: "Enter: change the target · Esc: close",
    goal_hint_searching: "Esc: cancel",
    goal_searching: "Searching … a simulation per value, a few seconds",
};

/// The TUI texts of a language.
pub fn tui(lang: Lang) -> &'static TuiTexts {
    match lang {
        Lang::Nb => &TUI_NB,
        Lang::En => &TUI_EN,
    }
}

/// Texts of the TUI with numbers or names in them.
pub mod tui_text {
    use crate::format::Lang;
    use crate::scenario::Period;

    /// `8 halvår` / `8 half-years`.
    pub fn periods(lang: Lang, n: usize, period: Period) -> String {
        let unit = match (lang, period, n == 1) {
            (Lang::Nb, Period::Year, _) => "år",
            (Lang::Nb, Period::HalfYear, _) => "halvår",
            (Lang::Nb, Period::Quarter, _) => "kvartal",
            (Lang::Nb, Period::Month, true) => "måned",
            (Lang::Nb, Period::Month, false) => "måneder",
            (Lang::En, Period::Year, true) => "year",
            (Lang::En, Period::Year, false) => "years",
            (Lang::En, Period::HalfYear, true) => "half-year",
            (Lang::En, Period::HalfYear, false) => "half-years",
            (Lang::En, Period::Quarter, true) => "quarter",
            (Lang::En, Period::Quarter, false) => "quarters",
            (Lang::En, Period::Month, true) => "month",
            (Lang::En, Period::Month, false) => "months",
        };
        format!("{n} {unit}")
    }

    /// `starter 2026` / `from 2026`.
    pub fn starting(lang: Lang, year: i64) -> String {
        match lang {
            Lang::Nb => format!("fra {year}"),
            Lang::En => format!("from {year}"),
        }
    }

    /// The first error of a broken scenario file, and how many more.
    pub fn load_error(lang: Lang, line: usize, col: usize, message: &str, more: usize) -> String {
        match (lang, more) {
            (Lang::Nb, 0) => format!("linje {line}:{col}: {message}"),
            (Lang::Nb, n) => format!("linje {line}:{col}: {message} (+{n} feil til)"),
            (Lang::En, 0) => format!("line {line}:{col}: {message}"),
            (Lang::En, n) => format!("line {line}:{col}: {message} (+{n} more)"),
        }
    }

    /// `3 endret` / `3 changed`.
    pub fn changed(lang: Lang, n: usize) -> String {
        match lang {
            Lang::Nb => format!("{n} endret"),
            Lang::En => format!("{n} changed"),
        }
    }

    /// A step that cannot go further.
    pub fn at_max(lang: Lang, label: &str, value: &str) -> String {
        match lang {
            Lang::Nb => format!("{label} er allerede på maksimum: {value}"),
            Lang::En => format!("{label} is already at its maximum: {value}"),
        }
    }

    /// A step that cannot go further down.
    pub fn at_min(lang: Lang, label: &str, value: &str) -> String {
        match lang {
            Lang::Nb => format!("{label} er allerede på minimum: {value}"),
            Lang::En => format!("{label} is already at its minimum: {value}"),
        }
    }

    /// A value outside a lever's range.
    pub fn out_of_range(lang: Lang, value: &str, min: &str, max: &str) -> String {
        match lang {
            Lang::Nb => format!("Avvist: {value} er utenfor området {min} til {max}"),
            Lang::En => format!("Refused: {value} is outside the range {min} to {max}"),
        }
    }

    /// A value the scenario's rules refuse.
    pub fn refused(lang: Lang, reason: &str) -> String {
        match lang {
            Lang::Nb => format!("Avvist: {reason}"),
            Lang::En => format!("Refused: {reason}"),
        }
    }

    /// Typed text that is not a number.
    pub fn not_a_number(lang: Lang, text: &str) -> String {
        match lang {
            Lang::Nb => format!("Avvist: «{text}» er ikke et tall"),
            Lang::En => format!("Refused: \"{text}\" is not a number"),
        }
    }

    /// The edit prompt's label.
    pub fn prompt(lang: Lang, label: &str, now: &str) -> String {
        match lang {
            Lang::Nb => format!("{label} (nå {now}) = "),
            Lang::En => format!("{label} (now {now}) = "),
        }
    }

    /// Confirmation before changed levers are discarded.
    pub fn confirm_discard(lang: Lang, n: usize, to_picker: bool) -> String {
        let changed = match (lang, n) {
            (Lang::Nb, 1) => "1 spak er endret".to_string(),
            (Lang::Nb, n) => format!("{n} spaker er endret"),
            (Lang::En, 1) => "1 lever is changed".to_string(),
            (Lang::En, n) => format!("{n} levers are changed"),
        };
        match (lang, to_picker) {
            (Lang::Nb, false) => format!("{changed}. Forkaste endringene og avslutte?"),
            (Lang::Nb, true) => {
                format!("{changed}. Forkaste endringene og gå tilbake til scenariovelgeren?")
            }
            (Lang::En, false) => format!("{changed}. Discard the changes and quit?"),
            (Lang::En, true) => {
                format!("{changed}. Discard the changes and go back to the scenario picker?")
            }
        }
    }

    /// `Tema: høy kontrast` / `Theme: high contrast`.
    pub fn theme_now(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("Fargetema: {name}"),
            Lang::En => format!("Colour theme: {name}"),
        }
    }

    /// The message when the terminal is too small.
    pub fn too_small(lang: Lang, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
        match lang {
            Lang::Nb => format!("Vinduet er {w}×{h} tegn; effekt trenger minst {min_w}×{min_h}."),
            Lang::En => {
                format!("The window is {w}×{h} characters; effekt needs at least {min_w}×{min_h}.")
            }
        }
    }

    /// The scale of the per-period chart when periods are summed into bars.
    pub fn periods_per_bar(lang: Lang, n: usize) -> String {
        match lang {
            Lang::Nb => format!("{n} perioder per søyle"),
            Lang::En => format!("{n} periods per bar"),
        }
    }

    /// A panel title with the currency its bare amounts are in.
    pub fn in_currency(lang: Lang, title: &str, currency: &str) -> String {
        match (lang, currency) {
            (Lang::Nb, "NOK") => format!("{title}, kr"),
            _ => format!("{title}, {currency}"),
        }
    }

    /// `Mål: 100 %` style label for the chart markers.
    pub fn marker(name: &str, value: &str) -> String {
        format!("{name} {value}")
    }

    /// After goal seek moved a lever: `Pris er nå 875,45 kr (u angrer)`.
    pub fn goal_applied(lang: Lang, label: &str, value: &str) -> String {
        match lang {
            Lang::Nb => format!("{label} er nå {value} (u angrer)"),
            Lang::En => format!("{label} is now {value} (u undoes)"),
        }
    }

    /// `4 500 av 10 000 trekk` / `4,500 of 10,000 draws`.
    pub fn draws_progress(lang: Lang, done: u32, total: u32) -> String {
        let n = |v: u32| crate::format::number(lang, v.into(), 0);
        match lang {
            Lang::Nb => format!("{} av {} trekk", n(done), n(total)),
            Lang::En => format!("{} of {} draws", n(done), n(total)),
        }
    }
}

// --- The risk view (`effekt risk`, `tornado`, `solve`; the TUI's Risk screen).

/// The name of a goal-seek figure.
pub fn figure_name(lang: Lang, figure: crate::risk::Figure) -> &'static str {
    use crate::risk::Figure;
    let t = texts(lang);
    match figure {
        Figure::InvestorIrr => t.fig_investor_irr,
        Figure::PayerNpv => t.fig_payer_npv,
        Figure::PublicNpv => t.fig_public_npv,
        Figure::OutcomePayments => t.fig_outcome_payments,
        Figure::InvestorMoic => t.fig_investor_moic,
        Figure::PNoisePayment => t.fig_p_noise_payment,
    }
}

/// A figure's value as text: money, a rate, a multiple or a probability.
pub fn figure_text(
    lang: Lang,
    currency: &str,
    figure: crate::risk::Figure,
    v: rust_decimal::Decimal,
) -> String {
    use crate::risk::Figure;
    match figure {
        Figure::PayerNpv | Figure::PublicNpv | Figure::OutcomePayments => {
            format::money(lang, currency, v)
        }
        Figure::InvestorIrr => format::percent(lang, v, 2),
        Figure::InvestorMoic => format!("{}×", format::number(lang, v, 4)),
        Figure::PNoisePayment => format::percent(lang, v, 1),
    }
}

/// A change of a rate in percentage points: `▲ +0,52 %-poeng` / `▼ −0.52 pp`.
pub fn points_delta(lang: Lang, change: rust_decimal::Decimal) -> String {
    let unit = texts(lang).percentage_points;
    // Shown to 0.01 points; smaller changes are the IRR search's own noise.
    let change = change.round_dp(4);
    let text = format::delta(
        |v| {
            format!(
                "{} {unit}",
                format::number(lang, v * rust_decimal::Decimal::ONE_HUNDRED, 2)
            )
        },
        change,
    );
    if text.is_empty() {
        format!("0 {unit}")
    } else {
        text
    }
}

/// How the achievement is drawn, as a sentence.
pub fn achievement_spread(lang: Lang, draw: &crate::risk::AchievementDraw) -> String {
    use crate::risk::AchievementDraw;
    let p = |v| format::percent(lang, v, 0);
    match (lang, draw) {
        (Lang::Nb, AchievementDraw::Fixed(a)) => format!("Måloppnåelse: fast {}", p(*a)),
        (Lang::En, AchievementDraw::Fixed(a)) => format!("Achievement: fixed at {}", p(*a)),
        (Lang::Nb, AchievementDraw::Normal { mean, sd }) => format!(
            "Måloppnåelse: normalfordelt rundt {} med standardavvik {}",
            p(*mean),
            p(*sd)
        ),
        (Lang::En, AchievementDraw::Normal { mean, sd }) => format!(
            "Achievement: normal around {} with standard deviation {}",
            p(*mean),
            p(*sd)
        ),
        (Lang::Nb, AchievementDraw::Triangular { min, mode, max }) => format!(
            "Måloppnåelse: trekantfordelt fra {} til {}, mest sannsynlig {}",
            p(*min),
            p(*max),
            p(*mode)
        ),
        (Lang::En, AchievementDraw::Triangular { min, mode, max }) => format!(
            "Achievement: triangular from {} to {}, most likely {}",
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
            let unit = if o.indicator_unit.is_empty() {
                String::new()
            } else {
                format!(" {}", o.indicator_unit)
            };
            format!("{} ±{n}{unit}", o.name)
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
pub fn tornado_base(lang: Lang, achievement: &str, payer_npv: &str, irr: &str) -> String {
    let t = texts(lang);
    match lang {
        Lang::Nb => format!(
            "{} ved måloppnåelse {achievement}: {} {payer_npv}; {} {irr}",
            t.base, t.fig_payer_npv, t.fig_investor_irr
        ),
        Lang::En => format!(
            "{} at achievement {achievement}: {} {payer_npv}; {} {irr}",
            t.base, t.fig_payer_npv, t.fig_investor_irr
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

/// `ved måloppnåelse 50 %` / `at achievement 50%`.
pub fn at_achievement(lang: Lang, achievement: &str) -> String {
    match lang {
        Lang::Nb => format!("ved måloppnåelse {achievement}"),
        Lang::En => format!("at achievement {achievement}"),
    }
}

/// A name as it reads inside a sentence: `Betalers nåverdi` → `betalers nåverdi`.
pub fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
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

/// Fixed texts of saved variants in the workshop (`src/tui/variants.rs`).
pub struct VariantTexts {
    pub list_title: &'static str,
    pub none_saved: &'static str,
    pub changed_levers: &'static str,
    pub notes: &'static str,
    pub scenario_changed: &'static str,
    pub compared: &'static str,
    pub skipped_files: &'static str,
    pub folder: &'static str,
    pub input_save: &'static str,
    pub input_rename: &'static str,
    pub input_duplicate: &'static str,
    pub input_note: &'static str,
    pub input_hint: &'static str,
    pub name_empty: &'static str,
    pub note_empty: &'static str,
    pub note_needs_variant: &'static str,
    pub no_store: &'static str,
    pub current_unsaved: &'static str,
    pub confirm_overwrite: &'static str,
    pub confirm_delete: &'static str,
    pub compare_title: &'static str,
    pub compare_terms: &'static str,
    pub compare_figures: &'static str,
    pub compare_risk: &'static str,
    pub compare_chart: &'static str,
    pub compare_changed_note: &'static str,
    pub metric_payments: &'static str,
    pub metric_investor: &'static str,
    pub metric_payer: &'static str,
    pub base: &'static str,
}

pub static VARIANT_NB: VariantTexts = VariantTexts {
    list_title: "Varianter",
    none_saved: "Ingen lagrede varianter ennå. Lukk listen og trykk s for å lagre spakene som en variant.",
    changed_levers: "endret",
    notes: "notater",
    scenario_changed: "scenariofilen er endret siden lagring",
    compared: "i sammenligningen",
    skipped_files: "Filer som ikke kunne leses (hoppet over, ikke endret)",
    folder: "Mappe",
    input_save: "Lagre variant som",
    input_rename: "Nytt navn",
    input_duplicate: "Kopier til",
    input_note: "Notat",
    input_hint: "Enter lagrer · Esc avbryter",
    name_empty: "Skriv et navn på varianten",
    note_empty: "Skriv et notat, eller Esc for å avbryte",
    note_needs_variant: "Lagre eller åpne en variant først (s eller v); notater hører til en variant",
    no_store: "Ingen datamappe: sett EFFEKT_DATA_DIR til en mappe effekt kan skrive til",
    current_unsaved: "Nå (ikke lagret)",
    confirm_overwrite: "Erstatte den lagrede varianten",
    confirm_delete: "Slette varianten",
    compare_title: "Sammenlign",
    compare_terms: "Vilkår",
    compare_figures: "Nøkkeltall (endring mot grunnscenarioet)",
    compare_risk: "Risikodeling: netto ved måloppnåelse",
    compare_chart: "Kurver ved måloppnåelse 0–150 %",
    compare_changed_note: "* = ulik grunnscenario",
    metric_payments: "Utfallsbetalinger",
    metric_investor: "Investor, netto",
    metric_payer: "Betaler, nåverdi",
    base: "Grunnscenario",
};

pub static VARIANT_EN: VariantTexts = VariantTexts {
    list_title: "Variants",
    none_saved: "No saved variants yet. Close the list and press s to save the levers as a variant.",
    changed_levers: "changed",
    notes: "notes",
    scenario_changed: "the scenario file changed since it was saved",
    compared: "in the comparison",
    skipped_files: "Files that could not be read (skipped, not changed)",
    folder: "Folder",
    input_save: "Save variant as",
    input_rename: "New name",
    input_duplicate: "Copy to",
    input_note: "Note",
    input_hint: "Enter saves · Esc cancels",
    name_empty: "Type a name for the variant",
    note_empty: "Type a note, or Esc to cancel",
    note_needs_variant: "Save or open a variant first (s or v); notes belong to a variant",
    no_store: "No data folder: set EFFEKT_DATA_DIR to a folder effekt may write to",
    current_unsaved: "Now (not saved)",
    confirm_overwrite: "Replace the saved variant",
    confirm_delete: "Delete the variant",
    compare_title: "Compare",
    compare_terms: "Terms",
    compare_figures: "Key figures (change against the base)",
    compare_risk: "Risk sharing: net at achievement",
    compare_chart: "Curves at achievement 0–150%",
    compare_changed_note: "* = differs from base",
    metric_payments: "Outcome payments",
    metric_investor: "Investor, net",
    metric_payer: "Payer, NPV",
    base: "Base scenario",
};

/// The variant texts of a language.
pub fn variant(lang: Lang) -> &'static VariantTexts {
    match lang {
        Lang::Nb => &VARIANT_NB,
        Lang::En => &VARIANT_EN,
    }
}

/// Variant texts with names, paths and numbers in them.
pub mod variant_text {
    use crate::format::Lang;

    pub fn saved(lang: Lang, name: &str, path: &str) -> String {
        match lang {
            Lang::Nb => format!("Lagret «{name}» i {path}"),
            Lang::En => format!("Saved \"{name}\" in {path}"),
        }
    }

    pub fn opened(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("Åpnet «{name}» (u angrer)"),
            Lang::En => format!("Opened \"{name}\" (u undoes)"),
        }
    }

    pub fn opened_with(lang: Lang, name: &str, problems: &str) -> String {
        match lang {
            Lang::Nb => format!("Åpnet «{name}», men merk: {problems}"),
            Lang::En => format!("Opened \"{name}\", but note: {problems}"),
        }
    }

    pub fn renamed(lang: Lang, old: &str, new: &str) -> String {
        match lang {
            Lang::Nb => format!("«{old}» heter nå «{new}»"),
            Lang::En => format!("\"{old}\" is now \"{new}\""),
        }
    }

    pub fn duplicated(lang: Lang, old: &str, new: &str) -> String {
        match lang {
            Lang::Nb => format!("Kopierte «{old}» til «{new}»"),
            Lang::En => format!("Copied \"{old}\" to \"{new}\""),
        }
    }

    pub fn deleted(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("Slettet «{name}»"),
            Lang::En => format!("Deleted \"{name}\""),
        }
    }

    pub fn noted(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("Notat lagret på «{name}»"),
            Lang::En => format!("Note saved on \"{name}\""),
        }
    }

    pub fn copy_name(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} (kopi)"),
            Lang::En => format!("{name} (copy)"),
        }
    }

    pub fn unsaved_of(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} (endret, ikke lagret)"),
            Lang::En => format!("{name} (changed, not saved)"),
        }
    }

    pub fn exported(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Nb => format!("Rapport skrevet: {path}"),
            Lang::En => format!("Report written: {path}"),
        }
    }

    pub fn compare_full(lang: Lang, max: usize) -> String {
        match lang {
            Lang::Nb => format!("Høyst {max} varianter i sammenligningen; ta ut en først"),
            Lang::En => format!("At most {max} variants in the comparison; remove one first"),
        }
    }

    pub fn skipped(lang: Lang, path: &str, reason: &str) -> String {
        match lang {
            Lang::Nb => format!("Hoppet over {path}: {reason}"),
            Lang::En => format!("Skipped {path}: {reason}"),
        }
    }

    /// A store error (its text names the path and what to do).
    pub fn store_error(lang: Lang, error: &str) -> String {
        match lang {
            Lang::Nb => format!("Kunne ikke lagre: {error}"),
            Lang::En => format!("Could not save: {error}"),
        }
    }
}

/// How a currency is named after an amount: `kr` for NOK in bokmål, else
/// the code.
pub fn currency_label(lang: Lang, currency: &str) -> String {
    match (lang, currency) {
        (Lang::Nb, "NOK") => "kr".to_string(),
        (_, c) => c.to_string(),
    }
}
