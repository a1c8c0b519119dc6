//! The glossary's key figures: sums over the contract, present values,
//! the investor's return and the break-even effects.

use super::{Term, Words, w};

/// The words of a key figure, bokmål then English; `None` for other terms.
pub(super) fn entry(term: Term) -> Option<[Words; 2]> {
    use Term as T;
    Some(match term {
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
        _ => return None,
    })
}
