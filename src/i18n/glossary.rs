//! The glossary: every lever, key figure, budget row, flag and party the
//! workshop shows, with its name, a short name for narrow panels and a
//! one- or two-line definition in plain words, in bokmål and English.
//!
//! One file, in KS's own words (`docs/tui.md`, *Explain in place*): the
//! lever list, the key figures, the budget screen, the risk table's flags
//! and the `?` overlay all take their names from here, so a label and its
//! explanation never drift apart. Every [`Term`] has an entry in both
//! languages (the `match` in [`entry`] is exhaustive; a test checks that
//! every lever of every scenario and every key figure has a term).

use super::{EN, NB};
use crate::format::Lang;
use crate::levers::Target;

/// Something the workshop can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    // Levers, by the first part of their id.
    Achievement,
    Target,
    Expected,
    Threshold,
    Drift,
    Price,
    SavingsShare,
    Cap,
    GuaranteedShare,
    CofunderShare,
    FeeAtRisk,
    FirstLoss,
    ReturnCap,
    DiscountRate,
    Capital,
    ExcessInvestorShare,
    HurdleRate,
    // Key figures.
    OutcomePayments,
    PayerPart,
    CofunderPart,
    BudgetNet,
    ProviderResult,
    PayerNpv,
    PublicNpv,
    InvestorIrr,
    InvestorMoic,
    InvestorNpv,
    BreakEvenPrincipal,
    BreakEvenReturnCap,
    BreakEvenPayer,
    // The payer's budget.
    Fees,
    BudgetOutcomePayments,
    Refunds,
    CashSavings,
    NonCashValue,
    Costs,
    BudgetYearNet,
    BudgetNpv,
    MaxCommitment,
    // Flags of the risk table.
    CapReached,
    GuaranteeTriggered,
    InvestorLoses,
    // Parties.
    Payer,
    Cofunder,
    Investor,
    Provider,
    Guarantor,
    PublicOther,
    Others,
    Intermediary,
    Evaluator,
}

impl Term {
    /// Every term, in the glossary's order.
    pub const ALL: [Term; 51] = [
        Term::Achievement,
        Term::Target,
        Term::Expected,
        Term::Threshold,
        Term::Drift,
        Term::Price,
        Term::SavingsShare,
        Term::Cap,
        Term::GuaranteedShare,
        Term::CofunderShare,
        Term::FeeAtRisk,
        Term::FirstLoss,
        Term::ReturnCap,
        Term::DiscountRate,
        Term::Capital,
        Term::ExcessInvestorShare,
        Term::HurdleRate,
        Term::OutcomePayments,
        Term::PayerPart,
        Term::CofunderPart,
        Term::BudgetNet,
        Term::ProviderResult,
        Term::PayerNpv,
        Term::PublicNpv,
        Term::InvestorIrr,
        Term::InvestorMoic,
        Term::InvestorNpv,
        Term::BreakEvenPrincipal,
        Term::BreakEvenReturnCap,
        Term::BreakEvenPayer,
        Term::Fees,
        Term::BudgetOutcomePayments,
        Term::Refunds,
        Term::CashSavings,
        Term::NonCashValue,
        Term::Costs,
        Term::BudgetYearNet,
        Term::BudgetNpv,
        Term::MaxCommitment,
        Term::CapReached,
        Term::GuaranteeTriggered,
        Term::InvestorLoses,
        Term::Payer,
        Term::Cofunder,
        Term::Investor,
        Term::Provider,
        Term::Guarantor,
        Term::PublicOther,
        Term::Others,
        Term::Intermediary,
        Term::Evaluator,
    ];

    /// The term of a lever.
    pub fn lever(target: Target) -> Term {
        match target {
            Target::Achievement => Term::Achievement,
            Target::Target(_) => Term::Target,
            Target::Expected(_) => Term::Expected,
            Target::Threshold(_) => Term::Threshold,
            Target::Price(_) => Term::Price,
            Target::Drift(_) => Term::Drift,
            Target::SavingsShare => Term::SavingsShare,
            Target::Cap => Term::Cap,
            Target::GuaranteedShare => Term::GuaranteedShare,
            Target::CofunderShare => Term::CofunderShare,
            Target::FeeAtRisk => Term::FeeAtRisk,
            Target::FirstLoss => Term::FirstLoss,
            Target::ReturnCap => Term::ReturnCap,
            Target::DiscountRate => Term::DiscountRate,
            Target::Capital => Term::Capital,
            Target::ExcessInvestorShare => Term::ExcessInvestorShare,
            Target::HurdleRate => Term::HurdleRate,
        }
    }
}

/// A term's words in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The name as a label (`Fast grunnbetaling`).
    pub name: &'static str,
    /// The name for narrow panels (at most 16 characters).
    pub short: &'static str,
    /// One or two lines in plain words: what it is and who pays or gets it.
    pub definition: &'static str,
}

const fn w(name: &'static str, short: &'static str, definition: &'static str) -> Words {
    Words {
        name,
        short,
        definition,
    }
}

/// A term's words in a language.
pub fn words(lang: Lang, term: Term) -> Words {
    let [nb, en] = entry(term);
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// A term's name.
pub fn name(lang: Lang, term: Term) -> &'static str {
    words(lang, term).name
}

/// A term's short name.
pub fn short(lang: Lang, term: Term) -> &'static str {
    words(lang, term).short
}

/// A term's definition.
pub fn definition(lang: Lang, term: Term) -> &'static str {
    words(lang, term).definition
}

/// `Name: definition`, for the status line.
pub fn explained(lang: Lang, term: Term) -> String {
    format!("{}: {}", explained_name(lang, term), definition(lang, term))
}

/// The name as a heading, its first letter upper case (`Herav
/// oppdragsgiver`).
pub fn explained_name(lang: Lang, term: Term) -> String {
    let mut name = name(lang, term).chars();
    let first: String = name
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}", name.as_str())
}

/// The glossary: bokmål, then English.
fn entry(term: Term) -> [Words; 2] {
    use Term as T;
    match term {
        T::Achievement => [
            w(
                "Effekt, andel av forventet",
                "Effekt",
                "Hvor stor den sanne effekten antas å bli, som andel av den forventede: \
                 100 % er forventet nivå, 0 % ingen effekt. Mål og terskel styrer betalingen.",
            ),
            w(
                "Effect, share of expected",
                "Effect",
                "The true effect assumed, as a share of the expected one: 100% is the \
                 expected level, 0% no effect. Target and threshold decide what is paid.",
            ),
        ],
        T::Target => [
            w(
                "Mål",
                "Mål",
                "Indikatornivået det høyst betales for: forbedring ut over målet betales \
                 ikke (med mindre kontrakten sier det). Endrer betalingen, ikke effekten.",
            ),
            w(
                "Target",
                "Target",
                "The indicator level paid for at most: improvement beyond it is not paid \
                 (unless the contract says so). Changes what is paid, not what happens.",
            ),
        ],
        T::Expected => [
            w(
                "Forventet nivå",
                "Forventet",
                "Nivået indikatoren ventes å nå med tiltaket; effekten (andel av forventet) \
                 regnes fra det. Endrer hva som skjer, ikke prisen.",
            ),
            w(
                "Expected level",
                "Expected",
                "The indicator level the intervention is expected to reach; the effect \
                 (share of expected) counts from it. Changes what happens, not the price.",
            ),
        ],
        T::Threshold => [
            w(
                "Terskel",
                "Terskel",
                "Under terskelen betales ingenting, så oppdragsgiveren ikke betaler for \
                 tilfeldig svingning i målingen (målestøy).",
            ),
            w(
                "Threshold",
                "Threshold",
                "Below the threshold nothing is paid, so the outcome payer does not pay for \
                 chance variation in the measurement (noise).",
            ),
        ],
        T::Drift => [
            w(
                "Det som ville skjedd uansett",
                "Uansett-trend",
                "Forbedring per periode som ville kommet uten tiltaket. Måles det mot \
                 historisk utgangsnivå, betaler oppdragsgiveren også for den.",
            ),
            w(
                "What would have happened anyway",
                "Trend anyway",
                "Improvement per period that would have come without the intervention. \
                 Measured against a historical baseline, the outcome payer pays for it too.",
            ),
        ],
        T::Price => [
            w(
                "Pris per enhet",
                "Pris",
                "Det oppdragsgiveren betaler per målt resultat (for eksempel per unngått \
                 sykedag); bør ligge mellom kostnaden og verdien for oppdragsgiveren.",
            ),
            w(
                "Price per unit",
                "Price",
                "What the outcome payer pays per measured result (for example per avoided \
                 sick day); best between its cost and its value to the payer.",
            ),
        ],
        T::SavingsShare => [
            w(
                "Andel av gevinsten",
                "Gevinstandel",
                "Prisen som andel av gevinsten per enhet: oppdragsgiveren betaler denne \
                 delen av det et resultat er verdt.",
            ),
            w(
                "Share of savings",
                "Savings share",
                "The price as a share of the value per unit: the outcome payer pays this \
                 part of what a result is worth.",
            ),
        ],
        T::Cap => [
            w(
                "Tak på resultatbetalinger",
                "Tak",
                "Det meste oppdragsgiveren og medfinansiøren til sammen betaler i \
                 resultatbetalinger over hele kontrakten.",
            ),
            w(
                "Cap on outcome payments",
                "Payment cap",
                "The most the outcome payer and the cofunder together pay in outcome \
                 payments over the whole contract.",
            ),
        ],
        T::GuaranteedShare => [
            w(
                "Fast grunnbetaling",
                "Grunnbetaling",
                "Andelen av leveransekostnaden oppdragsgiveren betaler leverandøren uansett \
                 resultat, mens tiltaket leveres.",
            ),
            w(
                "Service fee",
                "Service fee",
                "The share of the delivery cost the outcome payer pays the provider whatever \
                 the results, while the service is delivered.",
            ),
        ],
        T::CofunderShare => [
            w(
                "Medfinansiering",
                "Medfinansiering",
                "Andelen av hver resultatbetaling som medfinansiøren (for eksempel staten) \
                 dekker; oppdragsgiveren betaler resten.",
            ),
            w(
                "Cofunding",
                "Cofunding",
                "The share of every outcome payment a cofunder (for example the state) \
                 pays; the outcome payer pays the rest.",
            ),
        ],
        T::FeeAtRisk => [
            w(
                "Resultatavhengig honorar",
                "Resultathonorar",
                "Andelen av leveransekostnaden leverandøren bærer selv og får igjen bare \
                 når resultatene gir penger til det.",
            ),
            w(
                "Provider fee at risk",
                "Fee at risk",
                "The share of the delivery cost the provider carries itself and gets back \
                 only when the results pay for it.",
            ),
        ],
        T::FirstLoss => [
            w(
                "Førstetapsgaranti",
                "Tapsgaranti",
                "En garantist dekker investorens første tap, opp til denne andelen av \
                 kapitalen investoren har lagt inn.",
            ),
            w(
                "First-loss guarantee",
                "First loss",
                "A guarantor covers the investor's first losses, up to this share of the \
                 capital the investor has put in.",
            ),
        ],
        T::ReturnCap => [
            w(
                "Tak på avkastning",
                "Avkastningstak",
                "Det meste investoren får i avkastning per år fra resultatbetalingene; det \
                 som er igjen går til oppdragsgiveren eller leverandøren.",
            ),
            w(
                "Return cap",
                "Return cap",
                "The most the investor earns a year from the outcome payments; what is left \
                 goes to the outcome payer or the provider.",
            ),
        ],
        T::DiscountRate => [
            w(
                "Diskonteringsrente",
                "Diskontering",
                "Renten framtidige kroner regnes om til nåverdi med (R-109: 4 % reelt). \
                 Gjelder alle nåverdier unntatt investorens.",
            ),
            w(
                "Discount rate",
                "Discount rate",
                "The rate future money is turned into present value at (R-109: 4% real). \
                 Used for every present value but the investor's.",
            ),
        ],
        T::Capital => [
            w(
                "Kapital",
                "Kapital",
                "Kapitalen investoren har forpliktet seg til å forskuttere leveransen med.",
            ),
            w(
                "Capital",
                "Capital",
                "The capital the investor has committed to fund delivery with up front.",
            ),
        ],
        T::ExcessInvestorShare => [
            w(
                "Investors andel av overskudd",
                "Overskuddsandel",
                "Når investoren har fått full avkastning, får den denne andelen av det som \
                 er igjen ved slutten (oppsiden).",
            ),
            w(
                "Investor's share of surplus",
                "Upside share",
                "Once the investor is paid in full, it gets this share of what is left at \
                 the end (its upside).",
            ),
        ],
        T::HurdleRate => [
            w(
                "Investors avkastningskrav",
                "Avkastningskrav",
                "Renten investorens nåverdi regnes med: det investoren krever for å ta \
                 risikoen.",
            ),
            w(
                "Investor's hurdle rate",
                "Hurdle rate",
                "The rate the investor's present value is computed at: what it requires for \
                 taking the risk.",
            ),
        ],
        T::OutcomePayments => [
            w(
                "Resultatbetalinger",
                "Resultatbetaling",
                "Det oppdragsgiveren og medfinansiøren betaler for målte resultater, \
                 summert over kontrakten i nominelle kroner.",
            ),
            w(
                "Outcome payments",
                "Outcome payments",
                "What the outcome payer and the cofunder pay for measured results, summed \
                 over the contract in nominal money.",
            ),
        ],
        T::PayerPart => [
            w(
                "herav oppdragsgiver",
                "oppdragsgiver",
                "Oppdragsgiverens del av resultatbetalingene: det medfinansiøren ikke dekker.",
            ),
            w(
                "of which outcome payer",
                "outcome payer",
                "The outcome payer's part of the outcome payments: what the cofunder does \
                 not pay.",
            ),
        ],
        T::CofunderPart => [
            w(
                "herav medfinansiør",
                "medfinansiør",
                "Medfinansiørens del av resultatbetalingene.",
            ),
            w(
                "of which cofunder",
                "cofunder",
                "The cofunder's part of the outcome payments.",
            ),
        ],
        T::BudgetNet => [
            w(
                "Oppdragsgiver, budsjettnetto",
                "Budsjettnetto",
                "Kontraktens virkning på oppdragsgiverens budsjett: kontant gevinst og \
                 tilbakeført minus grunnbetaling, resultatbetalinger og kostnader.",
            ),
            w(
                "Outcome payer, budget net",
                "Budget net",
                "The contract's effect on the outcome payer's budget: cash savings and \
                 refunds less service fees, outcome payments and costs.",
            ),
        ],
        T::ProviderResult => [
            w(
                "Leverandør, resultat",
                "Leverandør",
                "Det leverandøren sitter igjen med: tapt resultatavhengig honorar trekker \
                 ned, bonus trekker opp.",
            ),
            w(
                "Provider result",
                "Provider",
                "What the provider is left with: a lost fee at risk pulls it down, a bonus \
                 up.",
            ),
        ],
        T::PayerNpv => [
            w(
                "Oppdragsgiver, nåverdi",
                "Oppdragsgiver",
                "Oppdragsgiverens samfunnsøkonomiske resultat i dagens kroner: all gevinst, \
                 også den som ikke er kontant, minus det den betaler.",
            ),
            w(
                "Outcome payer, NPV",
                "Outcome payer",
                "The outcome payer's economic result in today's money: all value, cash or \
                 not, less what it pays.",
            ),
        ],
        T::PublicNpv => [
            w(
                "Offentlig sektor, nåverdi",
                "Offentlig sektor",
                "Oppdragsgiver, medfinansiør og resten av det offentlige (NAV, staten) til \
                 sammen, i dagens kroner.",
            ),
            w(
                "Public sector, NPV",
                "Public sector",
                "The outcome payer, the cofunder and the rest of the public sector (NAV, the \
                 state) together, in today's money.",
            ),
        ],
        T::InvestorIrr => [
            w(
                "Investor, internrente",
                "Internrente",
                "Investorens årlige avkastning på kapitalen den la inn, etter garantien; \
                 ingen internrente når den aldri får noe tilbake.",
            ),
            w(
                "Investor IRR",
                "IRR",
                "The investor's annual return on the capital it put in, after the \
                 guarantee; no IRR when it gets nothing back.",
            ),
        ],
        T::InvestorMoic => [
            w(
                "Investor, pengemultippel",
                "Pengemultippel",
                "Kroner investoren får tilbake per krone den la inn: 1,00× er pengene \
                 tilbake uten avkastning.",
            ),
            w(
                "Investor money multiple",
                "Money multiple",
                "Money the investor gets back per krone it put in: 1.00× is its money back \
                 with no return.",
            ),
        ],
        T::InvestorNpv => [
            w(
                "Investor, nåverdi",
                "Investor, nåverdi",
                "Investorens resultat i dagens kroner, regnet med investorens \
                 avkastningskrav.",
            ),
            w(
                "Investor NPV",
                "Investor NPV",
                "The investor's result in today's money, at its hurdle rate.",
            ),
        ],
        T::BreakEvenPrincipal => [
            w(
                "investor, kapitalen tilbake",
                "kapital tilbake",
                "Den laveste effekten (andel av forventet) der investoren får tilbake minst \
                 det den la inn.",
            ),
            w(
                "investor, capital back",
                "capital back",
                "The lowest effect (share of expected) at which the investor gets back at \
                 least what it put in.",
            ),
        ],
        T::BreakEvenReturnCap => [
            w(
                "investor, full avkastning",
                "full avkastning",
                "Den laveste effekten der investoren får kapitalen og hele den avtalte \
                 avkastningen.",
            ),
            w(
                "investor, paid in full",
                "paid in full",
                "The lowest effect at which the investor gets its capital and the whole \
                 agreed return.",
            ),
        ],
        T::BreakEvenPayer => [
            w(
                "oppdragsgiver, nåverdi over 0",
                "oppdragsgiver",
                "Den laveste effekten der oppdragsgiverens nåverdi blir positiv.",
            ),
            w(
                "outcome payer, NPV above 0",
                "outcome payer",
                "The lowest effect at which the outcome payer's NPV turns positive.",
            ),
        ],
        T::Fees => [
            w(
                "Fast grunnbetaling",
                "Grunnbetaling",
                "Grunnbetalingen oppdragsgiveren betaler leverandøren i året, uansett \
                 resultat.",
            ),
            w(
                "Service fees",
                "Service fees",
                "The service fee the outcome payer pays the provider in the year, whatever \
                 the results.",
            ),
        ],
        T::BudgetOutcomePayments => [
            w(
                "Resultatbetalinger",
                "Resultatbetaling",
                "Oppdragsgiverens del av resultatbetalingene for perioder i året \
                 (anordningsprinsippet).",
            ),
            w(
                "Outcome payments",
                "Outcome payments",
                "The outcome payer's part of the outcome payments for periods in the year \
                 (accrual).",
            ),
        ],
        T::Refunds => [
            w(
                "Tilbakeført",
                "Tilbakeført",
                "Overskudd som går tilbake til oppdragsgiveren ved kontraktens slutt, når \
                 investor og leverandør har fått sitt.",
            ),
            w(
                "Refunds",
                "Refunds",
                "Surplus returned to the outcome payer at the end of the contract, once the \
                 investor and the provider are paid.",
            ),
        ],
        T::CashSavings => [
            w(
                "Budsjettgevinst (kontant)",
                "Kontant gevinst",
                "Gevinsten som er penger oppdragsgiveren slipper å bruke (vikarer, \
                 overtid); bedre tjenester alene er ikke med.",
            ),
            w(
                "Cashable saving",
                "Cash saving",
                "The value that is money the outcome payer no longer spends (temps, \
                 overtime); better services alone are not included.",
            ),
        ],
        T::NonCashValue => [
            w(
                "Ikke-kontant gevinst",
                "Ikke-kontant",
                "Oppdragsgiverens gevinst som ikke er penger i budsjettet (produktivitet, \
                 kvalitet): med i nåverdien, ikke i budsjettet.",
            ),
            w(
                "Non-cash value",
                "Non-cash",
                "The outcome payer's value that is not money in its budget (productivity, \
                 quality): in its NPV, not in its budget.",
            ),
        ],
        T::Costs => [
            w(
                "Andre kostnader",
                "Andre kostnader",
                "Kostnader ut over leveransen som oppdragsgiveren betaler: tilrettelegger, \
                 evaluator, data, juridisk oppsett.",
            ),
            w(
                "Other costs",
                "Other costs",
                "Costs besides delivery that the outcome payer pays: intermediary, \
                 evaluator, data, legal set-up.",
            ),
        ],
        T::BudgetYearNet => [
            w(
                "Netto for budsjettet",
                "Netto",
                "Virkningen på budsjettet: kontant gevinst og tilbakeført minus \
                 grunnbetaling, resultatbetalinger og kostnader.",
            ),
            w(
                "Net for the budget",
                "Net",
                "The effect on the budget: cash savings and refunds less service fees, \
                 outcome payments and costs.",
            ),
        ],
        T::BudgetNpv => [
            w(
                "Budsjettnetto, nåverdi",
                "Budsjett, nåverdi",
                "Budsjettnettoen i dagens kroner, med diskonteringsrenten; ikke-kontant \
                 gevinst er holdt utenfor.",
            ),
            w(
                "Budget net, NPV",
                "Budget NPV",
                "The budget net in today's money, at the discount rate; non-cash value is \
                 left out.",
            ),
        ],
        T::MaxCommitment => [
            w(
                "Høyeste mulige forpliktelse",
                "Maks. forpliktelse",
                "Det meste oppdragsgiveren noen gang kan måtte betale: sin del av taket, \
                 grunnbetalingen og kostnadene den betaler.",
            ),
            w(
                "Maximum commitment",
                "Max commitment",
                "The most the outcome payer can ever have to pay: its part of the cap, the \
                 service fees and the costs it pays.",
            ),
        ],
        T::CapReached => [
            w(
                "tak nådd",
                "tak nådd",
                "Resultatbetalingene har nådd taket: mer effekt gir ikke mer betaling.",
            ),
            w(
                "cap reached",
                "cap reached",
                "Outcome payments have reached the cap: more effect brings no more payment.",
            ),
        ],
        T::GuaranteeTriggered => [
            w(
                "garanti utløst",
                "garanti utløst",
                "Garantisten betaler: førstetapsgarantien dekker deler av investorens tap.",
            ),
            w(
                "guarantee paid",
                "guarantee paid",
                "The guarantor pays: the first-loss guarantee covers part of the investor's \
                 loss.",
            ),
        ],
        T::InvestorLoses => [
            w(
                "investor taper",
                "investor taper",
                "Investoren får tilbake mindre enn den la inn, også etter garantien.",
            ),
            w(
                "investor loses",
                "investor loses",
                "The investor gets back less than it put in, even after the guarantee.",
            ),
        ],
        T::Payer => [
            w(
                NB.payer,
                NB.payer,
                "Kommunen som kjøper resultatene og betaler resultatbetalingene.",
            ),
            w(
                EN.payer,
                EN.payer,
                "The municipality that buys the results and makes the outcome payments \
                 (commissioner).",
            ),
        ],
        T::Cofunder => [
            w(
                NB.cofunder,
                NB.cofunder,
                "Betaler en fast andel av hver resultatbetaling, for eksempel staten.",
            ),
            w(
                EN.cofunder,
                EN.cofunder,
                "Pays a fixed share of every outcome payment, for example the state.",
            ),
        ],
        T::Investor => [
            w(
                NB.investor,
                NB.investor,
                "Forskutterer leveransen og får pengene tilbake, med avkastning, fra \
                 resultatbetalingene.",
            ),
            w(
                EN.investor,
                EN.investor,
                "Funds delivery up front and is repaid, with a return, from the outcome \
                 payments.",
            ),
        ],
        T::Provider => [
            w(
                NB.provider,
                NB.provider,
                "Leverer tiltaket; får fast grunnbetaling og bærer sitt resultatavhengige \
                 honorar.",
            ),
            w(
                EN.provider,
                EN.provider,
                "Delivers the service; gets the service fee and carries its fee at risk.",
            ),
        ],
        T::Guarantor => [
            w(
                NB.guarantor,
                NB.guarantor,
                "Dekker investorens første tap (førstetapsgaranti), for eksempel en \
                 stiftelse.",
            ),
            w(
                EN.guarantor,
                EN.guarantor,
                "Covers the investor's first losses (first-loss guarantee), for example a \
                 foundation.",
            ),
        ],
        T::PublicOther => [
            w(
                NB.public_other,
                NB.public_other,
                "Resten av det offentlige (NAV, staten): får sin del av gevinsten, betaler \
                 ingenting.",
            ),
            w(
                EN.public_other,
                EN.public_other,
                "The rest of the public sector (NAV, the state): gets its part of the value, \
                 pays nothing.",
            ),
        ],
        T::Others => [
            w(
                NB.others,
                "Andre",
                "Får kostnadene ut over leveransen: tilrettelegger, uavhengig evaluator, \
                 dataeiere, jurister.",
            ),
            w(
                EN.others,
                "Others",
                "Receive the costs besides delivery: intermediary, independent evaluator, \
                 data owners, lawyers.",
            ),
        ],
        T::Intermediary => [
            w(
                "Tilrettelegger",
                "Tilrettelegger",
                "Tilretteleggende part som setter opp kontrakten og følger den opp mellom \
                 partene.",
            ),
            w(
                "Intermediary",
                "Intermediary",
                "The party that sets up the contract and manages it between the parties.",
            ),
        ],
        T::Evaluator => [
            w(
                "Uavhengig evaluator",
                "Evaluator",
                "Måler effekten uavhengig av partene og fastslår hva som er oppnådd.",
            ),
            w(
                "Independent evaluator",
                "Evaluator",
                "Measures the effect independently of the parties and establishes what was \
                 achieved.",
            ),
        ],
    }
}
