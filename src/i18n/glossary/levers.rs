//! The glossary's levers: targets and effect, payment, risk sharing,
//! return.

use super::{Term, Words, w};

/// The words of a lever, bokmål then English; `None` for other terms.
pub(super) fn entry(term: Term) -> Option<[Words; 2]> {
    use Term as T;
    Some(match term {
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
        T::SiteEffect => [
            w(
                "Effekt i kommunen",
                "Effekt",
                "Effekten i denne kommunen som andel av pilotens: 100 % er som i piloten, \
                 0 % ingen effekt her. Kommunen betaler bare for egne resultater.",
            ),
            w(
                "Effect in the municipality",
                "Effect",
                "The effect in this municipality as a share of the pilot's: 100% is as in \
                 the pilot, 0% none here. The municipality pays for its own outcomes only.",
            ),
        ],
        _ => return None,
    })
}
