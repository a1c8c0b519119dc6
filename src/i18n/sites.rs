//! The words for several municipalities in one pilot (`docs/model.md` §9)
//! in the printed summary (`effekt calc`).

use crate::format::Lang;

/// The words of the sites' table.
pub struct SiteTexts {
    pub heading: &'static str,
    pub site: &'static str,
    pub payer: &'static str,
    pub outcome_payments: &'static str,
    pub net: &'static str,
    pub npv: &'static str,
    pub budget_net: &'static str,
    pub max_commitment: &'static str,
    /// Where a site has no upper bound on what it pays.
    pub no_cap: &'static str,
    pub total: &'static str,
}

static NB: SiteTexts = SiteTexts {
    heading: "Kommunene",
    site: "Kommune",
    payer: "Betaler",
    outcome_payments: "Resultatbetalinger",
    net: "Netto",
    npv: "Nåverdi",
    budget_net: "Budsjett, netto",
    max_commitment: "Høyst å betale",
    no_cap: "uten tak",
    total: "Til sammen",
};

static EN: SiteTexts = SiteTexts {
    heading: "Municipalities",
    site: "Municipality",
    payer: "Payer",
    outcome_payments: "Outcome payments",
    net: "Net",
    npv: "NPV",
    budget_net: "Budget, net",
    max_commitment: "Most it pays",
    no_cap: "no cap",
    total: "Together",
};

/// The sites' words in a language.
pub fn site_texts(lang: Lang) -> &'static SiteTexts {
    match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    }
}

/// The words of a municipality's business case (`effekt report --site`)
/// and of the sites screen, in KS's words.
pub struct CaseTexts {
    /// The page's kind, after the municipality's name.
    pub title: &'static str,
    /// Who it is for: `for kommunestyret i`.
    pub for_council: &'static str,
    /// `{site} er én av {n} kommuner i piloten`.
    pub one_of: &'static str,
    pub municipalities: &'static str,
    /// What is shared: one contract, one investor pool, one provider.
    pub shared: &'static str,
    pub of_the_pilot: &'static str,
    pub most_heading: &'static str,
    /// Under the most it can pay: what it is made of.
    pub most_explained: &'static str,
    pub no_cap_explained: &'static str,
    pub years_heading: &'static str,
    pub year: &'static str,
    pub at_effect: &'static str,
    pub now: &'static str,
    pub of_expected: &'static str,
    pub risk_heading: &'static str,
    /// What the site is paid for outcomes (its payer and the cofunder).
    pub payments: &'static str,
    /// The payer's net with non-cash value.
    pub net_all: &'static str,
    pub npv_all: &'static str,
    pub terms_heading: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub threshold: &'static str,
    pub improvement: &'static str,
    pub better: &'static str,
    pub price: &'static str,
    pub per: &'static str,
    pub contract_cap: &'static str,
    pub site_cap: &'static str,
    pub fee_share: &'static str,
    pub cofunder_share: &'static str,
    pub site_effect: &'static str,
    pub pooled: &'static str,
    pub per_site: &'static str,
    pub variant: &'static str,
    pub expected: &'static str,
    pub size: &'static str,
    pub no_sites: &'static str,
    pub all: &'static str,
    /// The municipality chosen (`f`), before its name.
    pub chosen: &'static str,
    pub choose_site: &'static str,
    pub unknown_site: &'static str,
    pub did_you_mean: &'static str,
    pub known_sites: &'static str,
    pub no_sites_cli: &'static str,
    pub json_refused: &'static str,
    pub one_variant: &'static str,
    pub result_at: &'static str,
    pub exported: &'static str,
}

static CASE_NB: CaseTexts = CaseTexts {
    title: "beslutningsgrunnlag",
    for_council: "Til kommunestyret i",
    one_of: "er én av",
    municipalities: "kommuner i piloten",
    shared: "Kontrakten, investorene og leverandøren er felles; kommunen betaler for resultatene hos sine egne.",
    of_the_pilot: "av piloten",
    most_heading: "Det meste kommunen kan måtte betale",
    most_explained: "kommunens del av det meste resultatbetalingene kan bli (målet nådd hver periode, eller et tak som er lavere), pluss grunnbetaling og kostnader den betaler",
    no_cap_explained: "Ingen øvre grense: verken kontrakten eller kommunen har tak på resultatbetalingene.",
    years_heading: "Budsjettet år for år",
    year: "År",
    at_effect: "ved effekt",
    now: "Nå",
    of_expected: "av forventet",
    risk_heading: "Risiko: hvis effekten blir 0, 50, 100 eller 150 % av forventet",
    payments: "Resultatbetalinger for kommunen",
    net_all: "Netto med all gevinst",
    npv_all: "Nåverdi med all gevinst",
    terms_heading: "Vilkårene kommunen signerer",
    baseline: "Utgangsnivå",
    target: "Mål",
    threshold: "Terskel",
    improvement: "Forbedring",
    better: "bedre",
    price: "Pris",
    per: "per",
    contract_cap: "Tak på resultatbetalinger (kontrakten)",
    site_cap: "Kommunens eget tak",
    fee_share: "Kommunens andel av grunnbetalingen",
    cofunder_share: "Medfinansiørens andel av resultatbetalingene",
    site_effect: "Effekt i kommunen (andel av pilotens)",
    pooled: "Terskelen testes på snittet av alle kommunene",
    per_site: "Terskelen testes for hver kommune for seg",
    variant: "variant",
    expected: "Forventet",
    size: "Størrelse",
    no_sites: "Scenarioet har ingen kommuner ([[sites]]): hele scenarioet er én kommune, se budsjettet (7).",
    all: "alle kommuner",
    chosen: "Kommune",
    choose_site: "Velg en kommune med f først.",
    unknown_site: "ukjent kommune",
    did_you_mean: "mente du",
    known_sites: "kommunene er",
    no_sites_cli: "scenarioet har ingen kommuner ([[sites]]); bruk effekt report uten --site",
    json_refused: "--site skriver Markdown eller CSV (--format md|csv)",
    one_variant: "--site tar høyst én --variant",
    result_at: "Netto ved",
    exported: "Beslutningsgrunnlaget er lagret i",
};

static CASE_EN: CaseTexts = CaseTexts {
    title: "business case",
    for_council: "For the municipal council of",
    one_of: "is one of",
    municipalities: "municipalities in the pilot",
    shared: "The contract, the investors and the provider are shared; each municipality pays for its own outcomes.",
    of_the_pilot: "of the pilot",
    most_heading: "The most the municipality can pay",
    most_explained: "its part of the most its outcome payments can be (the target reached every period, or a lower cap), plus the service fee and the costs it pays",
    no_cap_explained: "No upper bound: neither the contract nor the municipality caps the outcome payments.",
    years_heading: "The budget year by year",
    year: "Year",
    at_effect: "at effect",
    now: "Now",
    of_expected: "of the expected",
    risk_heading: "Risk: if the effect is 0, 50, 100 or 150% of the expected",
    payments: "Outcome payments for the municipality",
    net_all: "Net with all value",
    npv_all: "NPV with all value",
    terms_heading: "The terms the municipality signs",
    baseline: "Baseline",
    target: "Target",
    threshold: "Threshold",
    improvement: "Improvement",
    better: "better",
    price: "Price",
    per: "per",
    contract_cap: "Cap on outcome payments (the contract)",
    site_cap: "The municipality's own cap",
    fee_share: "The municipality's share of the service fee",
    cofunder_share: "The cofunder's share of the outcome payments",
    site_effect: "Effect in the municipality (share of the pilot's)",
    pooled: "The threshold is tested on the mean over all municipalities",
    per_site: "The threshold is tested for each municipality on its own",
    variant: "variant",
    expected: "Expected",
    size: "Size",
    no_sites: "The scenario has no municipalities ([[sites]]): the whole scenario is one, see the budget (7).",
    all: "all municipalities",
    chosen: "Municipality",
    choose_site: "Choose a municipality with f first.",
    unknown_site: "unknown municipality",
    did_you_mean: "did you mean",
    known_sites: "the municipalities are",
    no_sites_cli: "the scenario has no municipalities ([[sites]]); use effekt report without --site",
    json_refused: "--site writes Markdown or CSV (--format md|csv)",
    one_variant: "--site takes at most one --variant",
    result_at: "Net at",
    exported: "Business case saved to",
};

/// The business case's and the sites screen's words in a language.
pub fn case_texts(lang: Lang) -> &'static CaseTexts {
    match lang {
        Lang::Nb => &CASE_NB,
        Lang::En => &CASE_EN,
    }
}

/// ``ukjent kommune `x`; mente du `y`?`` or the list of ids.
pub fn unknown_site(lang: Lang, id: &str, suggestion: Option<&str>, ids: &[&str]) -> String {
    let t = case_texts(lang);
    match suggestion {
        Some(s) => format!("{} `{id}`; {} `{s}`?", t.unknown_site, t.did_you_mean),
        None => format!(
            "{} `{id}`; {}: {}",
            t.unknown_site,
            t.known_sites,
            ids.join(", ")
        ),
    }
}
