//! The clauses of the contract annex as sentences a lawyer can edit, in
//! bokmål and English. Every argument is already formatted (money, levels,
//! dates, markers); these functions only put the words around them.

use crate::format::Lang;

fn pick(lang: Lang, nb: String, en: String) -> String {
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// 1.1: what the annex settles.
pub fn purpose(lang: Lang, payer: &str, title: &str, provider: &str) -> String {
    pick(
        lang,
        format!(
            "Dette vedlegget fastsetter hvordan {payer} betaler {provider} for målte resultater under kontrakten «{title}». Vedlegget går foran kontraktens øvrige bestemmelser om vederlag."
        ),
        format!(
            "This annex sets out how the outcome payer ({payer}) pays {provider} for measured outcomes under the contract \"{title}\". It takes precedence over the contract's other provisions on remuneration."
        ),
    )
}

/// 1.2: the parties.
pub fn parties(
    lang: Lang,
    payer: &str,
    provider: &str,
    investor: &str,
    cofunder: Option<(&str, &str)>,
    guarantor: Option<&str>,
) -> String {
    let mut nb = format!(
        "Oppdragsgiver og betaler: {payer}. Leverandør: {provider}. Investor, som forskutterer leveransen: {investor}."
    );
    let mut en = format!(
        "Commissioner and payer: {payer}. Provider: {provider}. Investor, who funds delivery up front: {investor}."
    );
    if let Some((name, share)) = cofunder {
        nb.push_str(&format!(
            " Medfinansierer: {name}, som betaler {share} av hver resultatbetaling."
        ));
        en.push_str(&format!(
            " Cofunder: {name}, who pays {share} of every outcome payment."
        ));
    }
    if let Some(name) = guarantor {
        nb.push_str(&format!(" Garantist: {name}."));
        en.push_str(&format!(" Guarantor: {name}."));
    }
    pick(lang, nb, en)
}

/// 1.3: how long the contract runs.
pub fn term(lang: Lang, periods: usize, period: &str, from: &str, to: &str) -> String {
    pick(
        lang,
        format!(
            "Kontrakten løper i {periods} perioder (periodelengde: {period}), fra {from} til og med {to}. Resultater måles og betales per periode."
        ),
        format!(
            "The contract runs for {periods} periods (period length: {period}), from {from} to {to} inclusive. Outcomes are measured and paid per period."
        ),
    )
}

/// 1.4: a stable cohort.
pub fn population_cohort(lang: Lang, size: &str, unit: &str) -> String {
    pick(
        lang,
        format!(
            "Målgruppen er {size} {unit}. Endringer i målgruppen i kontraktsperioden avtales skriftlig."
        ),
        format!(
            "The target population is {size} {unit}. Changes to it during the contract are agreed in writing."
        ),
    )
}

/// 1.4: an intake of participants.
pub fn population_intake(lang: Lang, total: &str, unit: &str, per_period: &str) -> String {
    pick(
        lang,
        format!(
            "Målgruppen er {total} {unit} som tas inn i tiltaket, per periode: {per_period}. Hvem som kan tas inn, og hvordan, avtales i kontrakten."
        ),
        format!(
            "The target population is {total} {unit} enrolled in the intervention, per period: {per_period}. Who may be enrolled, and how, is agreed in the contract."
        ),
    )
}

/// 1.5: the service and its cost.
pub fn service(lang: Lang, provider: &str, what: &str, cost: &str, total: &str) -> String {
    pick(
        lang,
        format!(
            "{provider} leverer: {what}. Leveransen er budsjettert til {cost}, til sammen {total}."
        ),
        format!("{provider} delivers: {what}. Delivery is budgeted at {cost}, {total} in all."),
    )
}

/// n.1: the indicator.
pub fn indicator(lang: Lang, name: &str, unit: &str, definition: &str) -> String {
    pick(
        lang,
        format!("Indikator: {name}, målt i {unit}. Definisjon: {definition}"),
        format!("Indicator: {name}, measured in {unit}. Definition: {definition}"),
    )
}

/// n.2: where the measurement comes from.
pub fn data_source(lang: Lang, source: &str) -> String {
    pick(
        lang,
        format!(
            "Datakilde: {source}. Oppdragsgiver sørger for at leverandøren og verifikatoren får tilgang til dataene i den grad personvernet tillater."
        ),
        format!(
            "Data source: {source}. The commissioner gives the provider and the verifier access to the data as far as data protection allows."
        ),
    )
}

/// n.3: who the indicator is measured on, a stable cohort.
pub fn measured_on_cohort(lang: Lang, size: &str, unit: &str) -> String {
    pick(
        lang,
        format!("Indikatoren måles for hele målgruppen på {size} {unit}, hver periode."),
        format!(
            "The indicator is measured on the whole target population of {size} {unit}, every period."
        ),
    )
}

/// n.3: who the indicator is measured on, an intake.
pub fn measured_on_intake(lang: Lang, unit: &str, lag: usize) -> String {
    pick(
        lang,
        format!(
            "Indikatoren måles for {unit} som ble tatt inn i tiltaket, med {lag} perioders avstand mellom inntak og måling (0 = samme periode)."
        ),
        format!(
            "The indicator is measured on the {unit} enrolled in the intervention, with {lag} period(s) between enrolment and measurement (0 = the same period)."
        ),
    )
}

/// n.4: the baseline against a comparison group.
pub fn against_comparison(lang: Lang, baseline: &str) -> String {
    pick(
        lang,
        format!(
            "Utgangsnivå: {baseline}. Forbedringen måles mot en sammenligningsgruppe: bare forbedring utover det sammenligningsgruppen oppnår, betales. {}",
            super::annex::to_complete(lang, "hvordan sammenligningsgruppen velges og følges")
        ),
        format!(
            "Baseline: {baseline}. The improvement is measured against a comparison group: only improvement beyond what the comparison group achieves is paid. {}",
            super::annex::to_complete(lang, "how the comparison group is chosen and followed")
        ),
    )
}

/// n.4: the baseline as a historical level.
pub fn against_history(lang: Lang, baseline: &str, drift: &str) -> String {
    pick(
        lang,
        format!(
            "Utgangsnivå: {baseline}, målt før kontrakten. Forbedringen måles mot dette historiske nivået, slik at også utvikling som ville kommet uansett betales (forventet: {drift} per periode)."
        ),
        format!(
            "Baseline: {baseline}, measured before the contract. The improvement is measured against this historical level, so change that would have come anyway is paid too (expected: {drift} per period)."
        ),
    )
}

/// n.4: no counterfactual, every success is paid.
pub fn against_nothing(lang: Lang, baseline: &str) -> String {
    pick(
        lang,
        format!(
            "Det betales for hvert resultat, også de som ville kommet uten tiltaket (utgangsnivå for vurderingen: {baseline})."
        ),
        format!(
            "Every success is paid, including those that would have come without the intervention (baseline for reference: {baseline})."
        ),
    )
}

/// n.5: the target.
pub fn target(lang: Lang, target: &str, improvement: &str, beyond: bool) -> String {
    let (nb, en) = if beyond {
        (
            "Forbedring utover målet betales også, innenfor takene.",
            "Improvement beyond the target is paid too, within the caps.",
        )
    } else {
        (
            "Forbedring utover målet betales ikke.",
            "Improvement beyond the target is not paid.",
        )
    };
    pick(
        lang,
        format!("Mål: {target}, en forbedring på {improvement}. {nb}"),
        format!("Target: {target}, an improvement of {improvement}. {en}"),
    )
}

/// n.6: no threshold.
pub fn no_threshold(lang: Lang) -> String {
    pick(
        lang,
        "Det er ingen terskel: enhver målt forbedring betales.".into(),
        "There is no threshold: any measured improvement is paid.".into(),
    )
}

/// n.6: a trigger threshold.
pub fn trigger(lang: Lang, threshold: &str, improvement: &str) -> String {
    pick(
        lang,
        format!(
            "Terskel: {threshold} (en forbedring på {improvement}). Når den målte forbedringen i en periode ikke når terskelen, betales ingenting for perioden; når den når terskelen, betales hele forbedringen."
        ),
        format!(
            "Threshold: {threshold} (an improvement of {improvement}). When the measured improvement of a period does not reach the threshold, nothing is paid for that period; when it does, the whole improvement is paid."
        ),
    )
}

/// n.6: a deductible threshold.
pub fn deductible(lang: Lang, threshold: &str, improvement: &str) -> String {
    pick(
        lang,
        format!(
            "Egenandel: {threshold} (en forbedring på {improvement}). Bare forbedring utover egenandelen betales."
        ),
        format!(
            "Deductible: {threshold} (an improvement of {improvement}). Only improvement beyond the deductible is paid."
        ),
    )
}

/// n.6 with sites: where a trigger is tested.
pub fn pooled_test(lang: Lang) -> String {
    pick(
        lang,
        "Terskelen prøves på gjennomsnittet for alle kommunene i avtalen, vektet etter størrelse; når den nås, betales hver kommune for sin egen forbedring.".into(),
        "The threshold is tested on the mean over all municipalities of the agreement, weighted by size; when it is reached, each municipality is paid for its own improvement.".into(),
    )
}

/// n.7: a price per unit.
pub fn price(lang: Lang, price: &str, unit: &str, volume: &str) -> String {
    pick(
        lang,
        format!("Pris: {price} per {unit}. {volume}"),
        format!("Price: {price} per {unit}. {volume}"),
    )
}

/// n.7: a share of the value as the price.
pub fn share_of_savings(lang: Lang, price: &str, unit: &str, share: &str, value: &str) -> String {
    pick(
        lang,
        format!(
            "Pris: {share} av den avtalte verdien {value} per {unit}, det vil si {price} per {unit}."
        ),
        format!(
            "Price: {share} of the agreed value of {value} per {unit}, that is {price} per {unit}."
        ),
    )
}

/// n.7: payable units of a flow outcome.
pub fn volume_flow(
    lang: Lang,
    per_point: &str,
    unit: &str,
    size: &str,
    per_period: &str,
) -> String {
    pick(
        lang,
        format!(
            "Ett prosentpoeng (én enhet på indikatoren) forbedring gir {per_point} {unit} per medlem av målgruppen per år; med {size} er det {per_period} per periode."
        ),
        format!(
            "One point of improvement on the indicator gives {per_point} {unit} per member of the target population a year; with {size} that is {per_period} per period."
        ),
    )
}

/// n.7: payable units of an event outcome.
pub fn volume_event(lang: Lang, unit: &str) -> String {
    pick(
        lang,
        format!(
            "Antall {unit} i en periode er antall målte deltakere ganget med den betalbare forbedringen i prosentpoeng, delt på 100."
        ),
        format!(
            "The number of {unit} in a period is the number of participants measured times the payable improvement in points, divided by 100."
        ),
    )
}

/// n.8: when it is measured and paid.
pub fn timing(lang: Lang, period: &str, first: &str, last: &str) -> String {
    pick(
        lang,
        format!(
            "Resultatene måles for hvert {period} og betales etterskuddsvis for perioden; første måling gjelder perioden som slutter {first}, siste perioden som slutter {last}. Betalingsplanen i dette vedlegget gir datoene."
        ),
        format!(
            "Outcomes are measured for each {period} and paid in arrears for the period; the first measurement covers the period ending {first}, the last the period ending {last}. The payment schedule of this annex gives the dates."
        ),
    )
}

/// n.9: the formula in words.
pub fn formula_words(lang: Lang, payable: &str, unit: &str, price: &str) -> String {
    pick(
        lang,
        format!(
            "Betaling for perioden = betalbar forbedring ({payable}) × volum = antall {unit}, ganget med prisen {price}, avrundet til hele øre; deretter gjelder takene i kapitlet om økonomiske vilkår."
        ),
        format!(
            "Payment for the period = payable improvement ({payable}) × volume = the number of {unit}, times the price {price}, rounded to the øre (cent); then the caps of the financial terms apply."
        ),
    )
}

/// The payable improvement of a rule, in words.
pub fn payable_words(lang: Lang, rule: PayableRule) -> String {
    let text = match (lang, rule) {
        (Lang::Nb, PayableRule::All) => "den målte forbedringen, ikke under null",
        (Lang::Nb, PayableRule::Trigger) => {
            "den målte forbedringen når den når terskelen, ellers null"
        }
        (Lang::Nb, PayableRule::Deductible) => "den målte forbedringen utover egenandelen",
        (Lang::En, PayableRule::All) => "the measured improvement, not below zero",
        (Lang::En, PayableRule::Trigger) => {
            "the measured improvement when it reaches the threshold, else zero"
        }
        (Lang::En, PayableRule::Deductible) => "the measured improvement beyond the deductible",
    };
    text.to_string()
}

/// How a threshold rule pays, for [`payable_words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayableRule {
    All,
    Trigger,
    Deductible,
}

/// Financial terms: the contract's cap.
pub fn cap(lang: Lang, cap: &str) -> String {
    pick(
        lang,
        format!(
            "Resultatbetalingene under kontrakten er til sammen høyst {cap}, medfinansiererens andel medregnet. Når taket er nådd, betales ikke mer."
        ),
        format!(
            "Outcome payments under the contract are at most {cap} in all, the cofunder's part included. Once the cap is reached, nothing more is paid."
        ),
    )
}

/// Financial terms: no cap.
pub fn no_cap(lang: Lang) -> String {
    pick(
        lang,
        format!(
            "Scenarioet har ikke noe tak på resultatbetalingene. {}",
            super::annex::to_complete(lang, "tak på resultatbetalingene over kontraktsperioden")
        ),
        format!(
            "The scenario has no cap on outcome payments. {}",
            super::annex::to_complete(lang, "a cap on outcome payments over the contract")
        ),
    )
}

/// Financial terms: a site's own cap.
pub fn site_cap(lang: Lang, site: &str, cap: &str) -> String {
    pick(
        lang,
        format!("Resultatbetalingene for {site} er høyst {cap} (eget tak), før kontraktens tak."),
        format!(
            "Outcome payments for {site} are at most {cap} (its own cap), before the contract's cap."
        ),
    )
}

/// Financial terms: the contract's cap shared by the sites.
pub fn shared_cap(lang: Lang) -> String {
    pick(
        lang,
        "Når kontraktens tak ikke rekker til alle kommunenes betalinger i en periode, reduseres hver kommunes betaling med samme andel.".into(),
        "When the contract's cap does not cover every municipality's payments in a period, each municipality's payment is reduced by the same share.".into(),
    )
}

/// Financial terms: the fixed service fee.
pub fn fixed_fee(lang: Lang, payer: &str, provider: &str, share: &str, amount: &str) -> String {
    pick(
        lang,
        format!(
            "Fast grunnbetaling: {payer} betaler {provider} {share} av leveransekostnaden for hver periode ved periodens start, uansett resultat ({amount})."
        ),
        format!(
            "Fixed service fee: the outcome payer ({payer}) pays {provider} {share} of each period's delivery cost at the period's start, whatever the outcomes ({amount})."
        ),
    )
}

/// Financial terms: no fixed fee.
pub fn no_fixed_fee(lang: Lang) -> String {
    pick(
        lang,
        "Fast grunnbetaling: ingen. All betaling avhenger av resultater.".into(),
        "Fixed service fee: none. All payment depends on outcomes.".into(),
    )
}

/// Financial terms: the provider's fee at risk.
pub fn fee_at_risk(lang: Lang, provider: &str, share: &str, amount: &str) -> String {
    pick(
        lang,
        format!(
            "Resultatavhengig honorar: {provider} bærer selv {share} av leveransekostnaden ({amount}) og får det dekket av resultatbetalingene etter at investoren har fått sitt."
        ),
        format!(
            "Provider fee at risk: {provider} carries {share} of the delivery cost itself ({amount}) and recovers it from outcome payments after the investor has been paid."
        ),
    )
}

/// Financial terms: no fee at risk.
pub fn no_fee_at_risk(lang: Lang, provider: &str) -> String {
    pick(
        lang,
        format!("Resultatavhengig honorar: {provider} bærer ingen del av kostnaden selv."),
        format!("Provider fee at risk: {provider} carries no part of the cost itself."),
    )
}

/// Financial terms: cofunding.
pub fn cofunding(lang: Lang, cofunder: &str, share: &str) -> String {
    pick(
        lang,
        format!(
            "Medfinansiering: {cofunder} betaler {share} av hver resultatbetaling og får samme andel av det som eventuelt tilbakebetales."
        ),
        format!(
            "Cofunding: {cofunder} pays {share} of every outcome payment and receives the same share of any refund."
        ),
    )
}

/// Financial terms: no cofunder.
pub fn no_cofunding(lang: Lang, payer: &str) -> String {
    pick(
        lang,
        format!("Medfinansiering: ingen. {payer} betaler hele resultatbetalingen."),
        format!("Cofunding: none. The outcome payer ({payer}) pays the whole outcome payment."),
    )
}

/// Financial terms: what happens to a surplus.
pub fn surplus(lang: Lang, to_provider: bool, investor_share: Option<&str>) -> String {
    let (nb_rest, en_rest) = if to_provider {
        (
            "går til leverandøren som bonus",
            "goes to the provider as a bonus",
        )
    } else {
        (
            "tilbakebetales til betalerne i forhold til det de har betalt",
            "is refunded to the payers in proportion to what they paid",
        )
    };
    let (nb_inv, en_inv) = match investor_share {
        Some(share) => (
            format!("Investoren får først {share} av overskuddet; resten "),
            format!("The investor first receives {share} of the surplus; the rest "),
        ),
        None => ("Overskuddet ".to_string(), "The surplus ".to_string()),
    };
    pick(
        lang,
        format!(
            "Overskudd: det som står igjen ved kontraktens slutt etter at investoren har fått tilbake innskudd og avkastning og leverandøren sitt resultatavhengige honorar, er overskudd. {nb_inv}{nb_rest}."
        ),
        format!(
            "Surplus: what is left at the end of the contract after the investor has received its capital and return and the provider its fee at risk is the surplus. {en_inv}{en_rest}."
        ),
    )
}

/// Financial terms: the investor's return and hurdle.
pub fn investor(
    lang: Lang,
    investor: &str,
    cap: &str,
    hurdle: &str,
    capital: &str,
    recycle: bool,
) -> String {
    let (nb_r, en_r) = if recycle {
        (
            "Resultatbetalinger brukes først til å finansiere senere leveranse; utbetaling skjer ved slutten.",
            "Outcome payments first fund later delivery; they are paid out at the end.",
        )
    } else {
        (
            "Resultatbetalinger går til investoren etter hvert som de kommer.",
            "Outcome payments go to the investor as they come.",
        )
    };
    pick(
        lang,
        format!(
            "Investor: {investor} stiller inntil {capital} til rådighet og finansierer den delen av leveransen som ikke dekkes av grunnbetalingen. Avkastningen er begrenset til {cap} per år på det som til enhver tid er utestående; investorens avkastningskrav (hurdle) er {hurdle}. {nb_r}"
        ),
        format!(
            "Investor: {investor} commits up to {capital} and funds the part of delivery the fixed fee does not cover. Its return is capped at {cap} a year on what is outstanding at any time; its hurdle rate is {hurdle}. {en_r}"
        ),
    )
}

/// Financial terms: the first-loss guarantee.
pub fn guarantee(lang: Lang, guarantor: &str, share: &str) -> String {
    pick(
        lang,
        format!(
            "Garanti: {guarantor} dekker investorens tap ved kontraktens slutt opp til {share} av det investoren har skutt inn."
        ),
        format!(
            "Guarantee: {guarantor} covers the investor's loss at the end of the contract up to {share} of what the investor drew."
        ),
    )
}

/// Financial terms: costs besides delivery.
pub fn costs(lang: Lang, list: &str) -> String {
    pick(
        lang,
        format!("Andre kostnader i kontrakten: {list}."),
        format!("Other costs of the contract: {list}."),
    )
}

/// Financial terms: a site's share of the contract.
pub fn site_share(lang: Lang, site: &str, payer: &str, share: &str) -> String {
    pick(
        lang,
        format!(
            "{payer} betaler for resultatene i {site} og bærer {share} av kontraktens faste grunnbetaling og oppdragsgivers kostnader (fordelt etter størrelse). Medfinansiererens andel av {site}s betalinger følger betalingene."
        ),
        format!(
            "{payer} pays for the outcomes in {site} and carries {share} of the contract's fixed service fee and the commissioner's costs (split by size). The cofunder's part of {site}'s payments follows the payments."
        ),
    )
}

/// Verification: who verifies.
pub fn verifier(lang: Lang) -> String {
    pick(
        lang,
        format!(
            "Resultatene verifiseres av en uavhengig part før hver betaling: {}. Verifikatoren bekrefter dataene, beregningen etter dette vedlegget og at sammenligningsgrunnlaget er fulgt.",
            super::annex::to_complete(lang, "verifikator og hvem som betaler verifikasjonen")
        ),
        format!(
            "Outcomes are verified by an independent party before every payment: {}. The verifier confirms the data, the calculation under this annex and that the comparison was followed.",
            super::annex::to_complete(lang, "the verifier and who pays for verification")
        ),
    )
}

/// Verification: audit.
pub fn audit(lang: Lang) -> String {
    pick(
        lang,
        "Revisjon: oppdragsgiver og medfinansierer kan kreve innsyn i grunnlaget for hver betaling i kontraktsperioden og tre år etter. Feil rettes i neste betaling.".into(),
        "Audit: the commissioner and the cofunder may inspect the basis of every payment during the contract and for three years after. Errors are corrected in the next payment.".into(),
    )
}

/// Verification: the data lag.
pub fn data_lag(lang: Lang) -> String {
    pick(
        lang,
        format!(
            "Dataforsinkelse: dataene for en periode foreligger {} etter periodens slutt; faktura sendes når resultatene er verifisert og betales innen {}.",
            super::annex::to_complete(lang, "antall uker"),
            super::annex::to_complete(lang, "betalingsfrist")
        ),
        format!(
            "Data lag: the data for a period are available {} after the period ends; the invoice is sent once the outcomes are verified and is due within {}.",
            super::annex::to_complete(lang, "number of weeks"),
            super::annex::to_complete(lang, "payment term")
        ),
    )
}

/// Verification: the measurement lag of an event outcome.
pub fn event_lag(lang: Lang, name: &str, lag: usize, period: &str) -> String {
    pick(
        lang,
        format!(
            "{name} måles {lag} × {period} etter inntaket; deltakere tatt inn mot slutten av kontrakten måles derfor ikke."
        ),
        format!(
            "{name} is measured {lag} × {period} after enrolment; participants enrolled near the end of the contract are therefore not measured."
        ),
    )
}

/// The schedule: when each payment falls due.
pub fn due(lang: Lang, clause: &str) -> String {
    pick(
        lang,
        format!(
            "Hver betaling forfaller når resultatene for perioden er verifisert, innen fristene i pkt. {clause} (dataforsinkelse og betalingsfrist)."
        ),
        format!(
            "Each payment falls due once the period's outcomes are verified, within the terms of clause {clause} (data lag and payment term)."
        ),
    )
}

/// The checklist's "who pays" cell.
pub fn who_pays(lang: Lang, payer: &str, cofunder: Option<(&str, &str)>) -> String {
    match cofunder {
        Some((name, share)) => pick(
            lang,
            format!("{payer}; {name} betaler {share}"),
            format!("{payer}; {name} pays {share}"),
        ),
        None => payer.to_string(),
    }
}

/// "See clause x".
pub fn see(lang: Lang, clauses: &str) -> String {
    pick(lang, format!("pkt. {clauses}"), format!("clause {clauses}"))
}

/// The words in the formula's symbols: baseline, level, rate, the
/// comparison group's change.
pub fn symbol_words(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Nb => [
            "utgangsnivå",
            "nivå_t",
            "andel",
            "sammenligningsgruppens endring",
        ],
        Lang::En => ["baseline", "level_t", "rate", "comparison group's change"],
    }
}
