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
    outcome_payments: "Utfallsbetalinger",
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
