//! The glossary's rows of the payer's budget and the flags of the risk
//! table.

use super::{Term, Words, w};

/// The words of a budget row or a flag, bokmål then English; `None` for other terms.
pub(super) fn entry(term: Term) -> Option<[Words; 2]> {
    use Term as T;
    Some(match term {
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
        _ => return None,
    })
}
