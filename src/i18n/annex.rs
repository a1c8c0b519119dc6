//! The words of the contract annex (`effekt annex`, the workshop's `a`):
//! headings, labels and the markers for what a contract needs and the
//! scenario does not say. The clauses' sentences are in
//! [`super::annex_clauses`].

use crate::format::Lang;

/// The fixed words of the annex.
pub struct AnnexTexts {
    pub title: &'static str,
    pub draft_note: &'static str,
    pub variant: &'static str,
    pub site: &'static str,
    pub scenario: &'static str,
    pub generated_by: &'static str,
    pub purpose: &'static str,
    pub outcome: &'static str,
    pub formula: &'static str,
    pub formula_symbols: &'static str,
    pub checklist: &'static str,
    pub checklist_intro: &'static str,
    pub element: &'static str,
    pub in_this_annex: &'static str,
    pub financial: &'static str,
    pub verification: &'static str,
    pub example: &'static str,
    pub example_intro: &'static str,
    pub schedule: &'static str,
    pub schedule_intro: &'static str,
    pub sites: &'static str,
    pub figure: &'static str,
    pub period: &'static str,
    pub period_dates: &'static str,
    pub paid_on: &'static str,
    pub at_100: &'static str,
    pub maximum: &'static str,
    pub total: &'static str,
    pub no_limit: &'static str,
    pub payable_units: &'static str,
    pub formula_payments: &'static str,
    pub outcome_payments: &'static str,
    pub of_which_cofunder: &'static str,
    pub of_which_payer: &'static str,
    pub fixed_fee: &'static str,
    pub drawn: &'static str,
    pub investor_received: &'static str,
    pub investor_net: &'static str,
    pub provider_net: &'static str,
    pub guarantee_paid: &'static str,
    pub refunded: &'static str,
    pub provider_bonus: &'static str,
    pub site_payments: &'static str,
    pub site_payer_net: &'static str,
    pub name: &'static str,
    pub size: &'static str,
    pub baseline: &'static str,
    pub cap: &'static str,
    pub share: &'static str,
    pub end_of_period: &'static str,
    pub contract_month: &'static str,
    /// The seven elements of a payment rule (GO Lab), in order.
    pub elements: [&'static str; 7],
}

static NB: AnnexTexts = AnnexTexts {
    title: "Vedlegg: betalingsmekanisme",
    draft_note: "Utkast laget med effekt. Tekst i hakeparentes må fylles ut eller bekreftes før kontrakten signeres; tallene er scenarioets og kan endres i forhandlingene.",
    variant: "Variant",
    site: "Kommune",
    scenario: "Scenario",
    generated_by: "Laget med effekt",
    purpose: "Formål, parter og varighet",
    outcome: "Resultatmål",
    formula: "Formelen i ord",
    formula_symbols: "Formelen i symboler",
    checklist: "Sjekkliste for betalingsregelen",
    checklist_intro: "GO Labs sju elementer i en betalingsregel, og hvor dette vedlegget fastsetter hvert av dem:",
    element: "Element",
    in_this_annex: "I dette vedlegget",
    financial: "Økonomiske vilkår",
    verification: "Verifikasjon, revisjon og dataforsinkelse",
    example: "Regneeksempel",
    example_intro: "Beregnet av effekt med modellen i docs/model.md, ved 50 %, 100 % og 150 % av forventet effekt, for hele kontraktsperioden:",
    schedule: "Betalingsplan",
    schedule_intro: "Resultatbetaling per måleperiode ved 100 % av forventet effekt, og det meste som kan betales for perioden etter prisene og takene i dette vedlegget:",
    sites: "Kommunene i avtalen",
    figure: "Størrelse",
    period: "Periode",
    period_dates: "Måleperiode",
    paid_on: "Måles per",
    at_100: "Ved 100 %",
    maximum: "Høyst",
    total: "Til sammen",
    no_limit: "ingen grense utover taket",
    payable_units: "Betalbare enheter",
    formula_payments: "Beregnet betaling",
    outcome_payments: "Resultatbetalinger etter tak",
    of_which_cofunder: "herav medfinansierer",
    of_which_payer: "herav oppdragsgiver",
    fixed_fee: "Fast grunnbetaling",
    drawn: "Investorens innskudd",
    investor_received: "Utbetalt til investor",
    investor_net: "Investor, netto",
    provider_net: "Leverandør, netto",
    guarantee_paid: "Utbetalt fra garantien",
    refunded: "Tilbakebetalt til betalerne",
    provider_bonus: "Bonus til leverandøren",
    site_payments: "Resultatbetalinger for kommunen",
    site_payer_net: "Kommunen, netto",
    name: "Navn",
    size: "Størrelse",
    baseline: "Utgangsnivå",
    cap: "Eget tak",
    share: "Andel av faste betalinger",
    end_of_period: "utgangen av periode",
    contract_month: "kontraktsmåned",
    elements: [
        "Hvem betaler",
        "For hvilket resultat",
        "Målt hvordan",
        "Mot hva",
        "Når",
        "Hvor mye",
        "Med hvilke grenser",
    ],
};

static EN: AnnexTexts = AnnexTexts {
    title: "Annex: payment mechanism",
    draft_note: "Draft made with effekt. Text in square brackets must be completed or confirmed before the contract is signed; the figures are the scenario's and open to negotiation.",
    variant: "Variant",
    site: "Municipality",
    scenario: "Scenario",
    generated_by: "Made with effekt",
    purpose: "Purpose, parties and term",
    outcome: "Outcome",
    formula: "The formula in words",
    formula_symbols: "The formula in symbols",
    checklist: "Checklist of the payment rule",
    checklist_intro: "GO Lab's seven elements of a payment rule, and where this annex sets each of them:",
    element: "Element",
    in_this_annex: "In this annex",
    financial: "Financial terms",
    verification: "Verification, audit and data lag",
    example: "Worked example",
    example_intro: "Computed by effekt with the model of docs/model.md, at 50 %, 100 % and 150 % of the expected effect, over the whole contract:",
    schedule: "Payment schedule",
    schedule_intro: "Outcome payment per measurement period at 100 % of the expected effect, and the most that can be paid for the period under the prices and caps of this annex:",
    sites: "The municipalities of the agreement",
    figure: "Figure",
    period: "Period",
    period_dates: "Measurement period",
    paid_on: "Measured as of",
    at_100: "At 100 %",
    maximum: "At most",
    total: "Total",
    no_limit: "no limit but the cap",
    payable_units: "Payable units",
    formula_payments: "Formula payment",
    outcome_payments: "Outcome payments after the cap",
    of_which_cofunder: "of which the cofunder",
    of_which_payer: "of which the commissioner",
    fixed_fee: "Fixed service fee",
    drawn: "Drawn from the investor",
    investor_received: "Paid to the investor",
    investor_net: "Investor, net",
    provider_net: "Provider, net",
    guarantee_paid: "Paid under the guarantee",
    refunded: "Refunded to the payers",
    provider_bonus: "Bonus to the provider",
    site_payments: "Outcome payments for the municipality",
    site_payer_net: "The municipality, net",
    name: "Name",
    size: "Size",
    baseline: "Baseline",
    cap: "Own cap",
    share: "Share of fixed payments",
    end_of_period: "the end of period",
    contract_month: "contract month",
    elements: [
        "Who pays",
        "For what outcome",
        "Measured how",
        "Against what",
        "When",
        "How much",
        "With which limits",
    ],
};

/// The annex's words in a language.
pub fn annex_texts(lang: Lang) -> &'static AnnexTexts {
    match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    }
}

/// What a contract needs and the scenario does not say, visibly:
/// `[MÅ FYLLES UT: …]` / `[TO BE COMPLETED: …]`.
pub fn to_complete(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Nb => format!("[MÅ FYLLES UT: {what}]"),
        Lang::En => format!("[TO BE COMPLETED: {what}]"),
    }
}

/// A number the scenario marks as an assumption:
/// `[ANTAKELSE, MÅ BEKREFTES: …]` / `[ASSUMPTION, TO BE CONFIRMED: …]`.
pub fn to_confirm(lang: Lang, why: &str) -> String {
    match (lang, why.is_empty()) {
        (Lang::Nb, true) => "[ANTAKELSE, MÅ BEKREFTES]".to_string(),
        (Lang::En, true) => "[ASSUMPTION, TO BE CONFIRMED]".to_string(),
        (Lang::Nb, false) => format!("[ANTAKELSE, MÅ BEKREFTES: {why}]"),
        (Lang::En, false) => format!("[ASSUMPTION, TO BE CONFIRMED: {why}]"),
    }
}

/// A term a variant changed from the scenario's:
/// `[ENDRET I VARIANTEN «…»]` / `[CHANGED IN THE VARIANT "…"]`.
pub fn changed_in(lang: Lang, variant: &str) -> String {
    match lang {
        Lang::Nb => format!("[ENDRET I VARIANTEN «{variant}»]"),
        Lang::En => format!("[CHANGED IN THE VARIANT \"{variant}\"]"),
    }
}

/// The marker every placeholder starts with, for tests and readers.
pub fn marker(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "[MÅ FYLLES UT",
        Lang::En => "[TO BE COMPLETED",
    }
}

/// `effekt annex --site ID` with an id the scenario does not have.
pub fn unknown_site(lang: Lang, id: &str, ids: &[&str]) -> String {
    let list = if ids.is_empty() {
        match lang {
            Lang::Nb => "scenarioet har ingen [[sites]]".to_string(),
            Lang::En => "the scenario has no [[sites]]".to_string(),
        }
    } else {
        ids.join(", ")
    };
    match lang {
        Lang::Nb => format!("--site: ingen kommune med id «{id}» ({list})"),
        Lang::En => format!("--site: no municipality with id \"{id}\" ({list})"),
    }
}

/// `effekt annex --format docx` without `-o`.
pub fn docx_needs_file(lang: Lang) -> String {
    match lang {
        Lang::Nb => "en .docx-fil skrives bare til en fil: legg til -o VEDLEGG.docx".to_string(),
        Lang::En => "a .docx file is written to a file only: add -o ANNEX.docx".to_string(),
    }
}

/// The annex was written.
pub fn written(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nb => format!("Vedlegg skrevet: {path}"),
        Lang::En => format!("Annex written: {path}"),
    }
}
