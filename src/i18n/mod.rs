//! Every user-facing text in bokmål and English, split by audience:
//!
//! - this file: the terms every view shares (parties, figures, levers,
//!   warnings) in [`Texts`], and the functions that put numbers in them;
//! - [`report`]: exported reports and the printed risk, tornado and solve
//!   texts;
//! - [`tui`](mod@tui), [`tui_text`], [`tui_variants`]: the workshop;
//!   [`tui_room`]: a shared room over SSH (`effekt serve`);
//! - [`cli`], [`help`]: the command line's own messages and its `--help`;
//! - [`serve`](mod@serve): `effekt serve`'s own messages, to SSH users and
//!   to its operator;
//! - [`template`](mod@template): new scenarios' explanations (`effekt new`);
//! - [`errors`]: errors (numbers typed, files, the variant store).
//!
//! Fixed texts are structs of `&'static str` with one static per language,
//! so a text missing in one language is a compile error; texts with numbers
//! or names in them are functions with a `match` on the language. Adding a
//! language means a `Lang` variant, then one static per struct and one arm
//! per function, each of which the compiler asks for.
//!
//! Every public path of the former single file still works
//! (`crate::i18n::tui`, `crate::i18n::lever_label`, …): the submodules are
//! re-exported here.

pub mod annex;
pub mod annex_clauses;
pub mod cli;
pub mod errors;
pub mod glossary;
pub mod help;
pub mod report;
pub mod scenario_text;
pub mod serve;
pub mod sites;
pub mod template;
pub mod tui;
pub mod tui_room;
pub mod tui_text;
pub mod tui_variants;

pub use report::*;
pub use tui::*;
pub use tui_room::{RoomTexts, room, room_text};
pub use tui_variants::*;

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
    /// The seventh party: who receives the costs besides delivery.
    pub others: &'static str,
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
    /// After a figure that is a plain sum over the contract: `, sum`.
    pub summed: &'static str,
    /// The heading of figures that are plain sums over the contract.
    pub totals_heading: &'static str,
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
    payer: "Oppdragsgiver",
    cofunder: "Medfinansiør",
    investor: "Investor",
    provider: "Leverandør",
    guarantor: "Garantist",
    public_other: "Øvrig offentlig",
    others: "Andre (tilrettelegger, evaluator)",
    public_total: "Offentlig sektor",
    outcome_payments: "Resultatbetalinger",
    guaranteed_payments: "Fast grunnbetaling",
    drawn: "Trukket kapital",
    investor_received: "Tilbakebetalt investor",
    guarantee_paid: "Utbetalt garanti",
    provider_bonus: "Bonus til leverandør",
    refunded: "Refusjon oppdragsgiver",
    value: "Gevinst",
    delivery_cost: "Leveransekostnad",
    net: "Netto",
    npv: "Nåverdi",
    irr: "Internrente",
    no_irr: "ingen internrente",
    several_irrs: "flere internrenter",
    moic: "Pengemultippel",
    break_even: "Balansepunkt (effekt, andel av forventet)",
    break_even_principal: "Effekt der investor får kapitalen tilbake",
    break_even_return_cap: "Effekt der investor får full avkastning",
    break_even_payer: "Effekt der oppdragsgivers nåverdi blir positiv",
    never: "aldri (0–200 %)",
    achievement: "Effekt",
    period: "Periode",
    total: "Sum",
    summed: "sum",
    totals_heading: "Sum over kontrakten",
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
    risk_title: "Risiko",
    uncertainty_assumed: "Antatt usikkerhet: scenarioet har ingen [uncertainty]-tabell",
    noise: "Målestøy",
    no_noise: "Ingen målestøy",
    probabilities: "Sannsynligheter",
    p_investor_loss_before: "Investor taper penger før garantien",
    p_investor_loss: "Investor taper penger etter garantien",
    p_any_payment: "Det blir betalt for resultater",
    p_cap_binds: "Taket på resultatbetalinger nås",
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
    fig_payer_npv: "Oppdragsgivers nåverdi",
    fig_public_npv: "Det offentliges nåverdi",
    fig_outcome_payments: "Resultatbetalinger",
    fig_investor_moic: "Investors pengemultippel",
    fig_p_noise_payment: "Sannsynlighet for å betale for støy",
};

pub static EN: Texts = Texts {
    payer: "Outcome payer",
    cofunder: "Cofunder",
    investor: "Investor",
    provider: "Provider",
    guarantor: "Guarantor",
    public_other: "Other public",
    others: "Others (intermediary, evaluator)",
    public_total: "Public sector",
    outcome_payments: "Outcome payments",
    guaranteed_payments: "Service fees",
    drawn: "Capital drawn",
    investor_received: "Repaid to investor",
    guarantee_paid: "Guarantee paid",
    provider_bonus: "Provider bonus",
    refunded: "Refunds, outcome payer",
    value: "Value",
    delivery_cost: "Delivery cost",
    net: "Net",
    npv: "NPV",
    irr: "IRR",
    no_irr: "no IRR",
    several_irrs: "several IRRs",
    moic: "Money multiple",
    break_even: "Break-even (effect, share of expected)",
    break_even_principal: "Effect at which the investor gets its capital back",
    break_even_return_cap: "Effect at which the investor is paid in full",
    break_even_payer: "Effect at which the outcome payer's NPV turns positive",
    never: "never (0–200%)",
    achievement: "Effect",
    period: "Period",
    total: "Total",
    summed: "total",
    totals_heading: "Totals over the contract",
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
    risk_title: "Risk",
    uncertainty_assumed: "Assumed uncertainty: the scenario has no [uncertainty] table",
    noise: "Measurement noise",
    no_noise: "No measurement noise",
    probabilities: "Probabilities",
    p_investor_loss_before: "Investor loses money before the guarantee",
    p_investor_loss: "Investor loses money after the guarantee",
    p_any_payment: "Any outcome payment is made",
    p_cap_binds: "The cap on outcome payments binds",
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
    fig_payer_npv: "Outcome payer NPV",
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
        Group::Sites => match lang {
            Lang::Nb => "Kommuner",
            Lang::En => "Municipalities",
        },
        Group::Payment => t.group_payment,
        Group::RiskSharing => t.group_risk_sharing,
        Group::Return => t.group_return,
    }
}

/// A lever's label, with the outcome's name where it has one
/// (`Mål: Jobbstart`).
pub fn lever_label(lang: Lang, s: &Scenario, lever: &Lever) -> String {
    with_outcome(
        lang,
        s,
        lever,
        glossary::name(lang, glossary::Term::lever(lever.target)),
    )
}

/// A lever's label for narrow panels (`Grunnbetaling` for `Fast
/// grunnbetaling`), with the outcome's name where it has one.
pub fn lever_short_label(lang: Lang, s: &Scenario, lever: &Lever) -> String {
    with_outcome(
        lang,
        s,
        lever,
        glossary::short(lang, glossary::Term::lever(lever.target)),
    )
}

/// `label: outcome` for the levers of one of several outcomes.
fn with_outcome(lang: Lang, s: &Scenario, lever: &Lever, label: &str) -> String {
    let outcome = match lever.target {
        Target::Target(i)
        | Target::Threshold(i)
        | Target::Price(i)
        | Target::Drift(i)
        | Target::Expected(i) => s.outcomes.get(i),
        Target::Effect(i) => {
            return match s.sites.get(i) {
                Some(site) => format!("{label}: {}", site.name),
                None => label.to_string(),
            };
        }
        _ => None,
    };
    match outcome {
        Some(o) if s.outcomes.len() > 1 => {
            format!("{label}: {}", scenario_text::outcome_name(lang, o))
        }
        _ => label.to_string(),
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
                | Target::Drift(i) => s
                    .outcomes
                    .get(i)
                    .map_or("", |o| scenario_text::indicator_unit(lang, o)),
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
            format!(
                "Prisen for «{}» er høyere enn gevinsten per enhet",
                outcome_named(lang, s, outcome)
            )
        }
        (Lang::En, Warning::PriceAboveValue { outcome }) => {
            format!(
                "The price of \"{}\" is above its value per unit",
                outcome_named(lang, s, outcome)
            )
        }
        (Lang::Nb, Warning::CapReached { period }) => {
            format!("Taket på resultatbetalinger nås allerede i periode {period}")
        }
        (Lang::En, Warning::CapReached { period }) => {
            format!("The cap on outcome payments is reached already in period {period}")
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
            "No cap: the outcome payer's commitment has no upper bound".to_string()
        }
        (Lang::Nb, Warning::SiteCapReached { site, period }) => {
            format!(
                "Kommunen «{}» når sitt eget tak allerede i periode {period}",
                site_name(s, site)
            )
        }
        (Lang::En, Warning::SiteCapReached { site, period }) => {
            format!(
                "\"{}\" reaches its own cap already in period {period}",
                site_name(s, site)
            )
        }
    }
}

/// An outcome by its id, named in the user's language (the id when the
/// scenario has no such outcome).
fn outcome_named<'a>(lang: Lang, s: &'a Scenario, id: &'a str) -> &'a str {
    s.outcomes
        .iter()
        .find(|o| o.id == id)
        .map_or(id, |o| scenario_text::outcome_name(lang, o))
}

/// The indicator level an effect reaches, with where it starts and which
/// way is better where lower is: `Legemeldt sykefravær 9,6 % → 8,5 %
/// (lavere er bedre)`.
pub fn effect_level(lang: Lang, o: &crate::scenario::Outcome, e: &crate::model::Effect) -> String {
    let dp = [o.baseline, o.target, o.expected]
        .iter()
        .map(|d| d.normalize().scale())
        .max()
        .unwrap_or(0)
        .min(3);
    let unit = scenario_text::indicator_unit(lang, o);
    let level = |d: rust_decimal::Decimal| {
        let n = format::number(lang, d, dp);
        if unit.starts_with('%') {
            // The scenario names the unit; the language places the sign.
            format::percent(lang, rust_decimal::Decimal::ZERO, 0).replace('0', &n)
        } else {
            n
        }
    };
    let tail = if unit.starts_with('%') || unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let name = scenario_text::outcome_name(lang, o);
    let lower = match (lang, o.better) {
        (_, crate::scenario::Better::Higher) => "",
        (Lang::Nb, _) => " (lavere er bedre)",
        (Lang::En, _) => " (lower is better)",
    };
    format!(
        "{name} {} → {}{tail}{lower}",
        level(o.baseline),
        level(e.level)
    )
}

/// The true additional units a year an effect means, rounded as an
/// estimate: `≈ 2 900 færre sykedager i året` / `≈ 2,900 fewer sick days
/// a year` (without the scenario's `unit_plural`: `unngått sykedag: ≈ 2 900
/// i året`).
pub fn effect_units(lang: Lang, o: &crate::scenario::Outcome, e: &crate::model::Effect) -> String {
    use rust_decimal::Decimal;
    let v = e.units_per_year.abs();
    // Two significant digits from a hundred up; one decimal under ten.
    let (n, dp) = if v >= Decimal::from(100) {
        (v.round_sf(2).unwrap_or(v), 0)
    } else if v >= Decimal::TEN {
        (v.round(), 0)
    } else {
        (v, 1)
    };
    let n = format::number(lang, n, dp);
    let better = o.better == crate::scenario::Better::Higher;
    match (lang, scenario_text::unit_plural(lang, o)) {
        (Lang::Nb, Some(units)) => {
            let more = if better { "flere" } else { "færre" };
            format!("≈ {n} {more} {units} i året")
        }
        (Lang::En, Some(units)) => {
            let more = if better { "more" } else { "fewer" };
            format!("≈ {n} {more} {units} a year")
        }
        (Lang::Nb, None) => format!("{}: ≈ {n} i året", scenario_text::payable_unit(lang, o)),
        (Lang::En, None) => format!("{}: ≈ {n} a year", scenario_text::payable_unit(lang, o)),
    }
}

/// The effect a figure is at, as a heading: `Ved effekt 90 % av
/// forventet (nå)` / `At effect 90% of expected (now)`.
pub fn at_effect(lang: Lang, achievement: rust_decimal::Decimal, now: bool) -> String {
    let pct = format::percent(lang, achievement, 0);
    match (lang, now) {
        (Lang::Nb, true) => format!("Ved effekt {pct} av forventet (nå)"),
        (Lang::Nb, false) => format!("Ved effekt {pct} av forventet"),
        (Lang::En, true) => format!("At effect {pct} of expected (now)"),
        (Lang::En, false) => format!("At effect {pct} of expected"),
    }
}

/// A site's name by id (the id itself if there is no such site).
fn site_name<'a>(s: &'a Scenario, id: &'a str) -> &'a str {
    s.sites
        .iter()
        .find(|site| site.id == id)
        .map_or(id, |site| site.name.as_str())
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

/// An annual rate as a label names it: `4 %`, `4,5 %`, `4,25 %` (as
/// many decimals as it has, at most two).
pub fn rate(lang: Lang, r: rust_decimal::Decimal) -> String {
    let pct = (r * rust_decimal::Decimal::ONE_HUNDRED).normalize();
    format::percent(lang, r, pct.scale().min(2))
}

/// A figure discounted at a rate: `Oppdragsgiver, nåverdi (4 %)`.
pub fn at_rate(lang: Lang, label: &str, r: rust_decimal::Decimal) -> String {
    format!("{label} ({})", rate(lang, r))
}

/// A figure that is a plain sum over the contract: `Resultatbetalinger,
/// sum` / `Outcome payments, total`.
pub fn summed(lang: Lang, label: &str) -> String {
    format!("{label}, {}", texts(lang).summed)
}

/// The heading of present values at a rate: `Nåverdi (4 %)` / `NPV (4%)`.
pub fn npv_heading(lang: Lang, r: rust_decimal::Decimal) -> String {
    at_rate(lang, texts(lang).npv, r)
}

/// A change of a share or a rate, without its sign, in percentage points:
/// `0,5 %-poeng` / `0.5 pp` (see [`points_delta`] for the signed form).
pub fn points(lang: Lang, change: rust_decimal::Decimal, dp: u32) -> String {
    let unit = texts(lang).percentage_points;
    format!(
        "{} {unit}",
        format::number(lang, change * rust_decimal::Decimal::ONE_HUNDRED, dp)
    )
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

/// A name as it reads inside a sentence: `Betalers nåverdi` → `betalers nåverdi`.
pub fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
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
