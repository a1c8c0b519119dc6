//! The texts of new scenarios (`effekt new`, the picker's "new from
//! template") and of `effekt schema`: the explanations a template writes
//! above each key and table, in bokmål here (English ones are the rows of
//! `docs/scenario-format.md`), and the messages of the two commands; and
//! how the Scenario screen (5) says where each number came from.
//!
//! [`MEANINGS_NB`] has a line for every key and table of the format; a test
//! names any the loader reads that it lacks.

use std::path::Path;

use crate::format::Lang;
use crate::scenario::BasisKind;

/// What each key and table means, with its unit, in bokmål, by key path
/// (`outcomes[].price`; `levers.*.min` for every lever's table).
pub const MEANINGS_NB: &[(&str, &str)] = &[
    (
        "scenario.title_en",
        "Tittelen på engelsk, for brukere som leser engelsk.",
    ),
    ("scenario.summary_en", "Sammendraget på engelsk."),
    ("scenario.theme_en", "Merkelappen på engelsk."),
    ("parties.payer_en", "Oppdragsgiverens navn på engelsk."),
    ("parties.cofunder_en", "Medfinansiørens navn på engelsk."),
    ("parties.investor_en", "Investorens navn på engelsk."),
    (
        "parties.provider_en",
        "Tjenesteleverandørens navn på engelsk.",
    ),
    ("parties.guarantor_en", "Garantistens navn på engelsk."),
    (
        "parties.public_other_en",
        "Navnet på resten av offentlig sektor på engelsk.",
    ),
    (
        "cohort.unit_en",
        "Hva ett medlem er, på engelsk (flertall, for eksempel «employees»).",
    ),
    ("outcomes[].name_en", "Indikatorens navn på engelsk."),
    (
        "outcomes[].indicator_unit_en",
        "Indikatorens enhet på engelsk.",
    ),
    (
        "outcomes[].payable_unit_en",
        "Den betalbare enheten på engelsk.",
    ),
    (
        "outcomes[].unit_plural",
        "Hva effekten telles i, i flertall (for eksempel «sykedager»), for «≈ 2 400 færre sykedager i året».",
    ),
    (
        "outcomes[].unit_plural_en",
        "Det samme i flertall på engelsk (for eksempel «sick days»).",
    ),
    ("costs[].name_en", "Kostnadens navn på engelsk."),
    ("format", "Versjonen av filformatet; skal være 1."),
    ("scenario", "Hva scenarioet handler om."),
    (
        "scenario.id",
        "Kort navn på scenarioet (a-z, 0-9 og _); vanligvis filnavnet uten .toml.",
    ),
    (
        "scenario.title",
        "Tittelen som vises i lister og rapporter.",
    ),
    ("scenario.summary", "Noen setninger om kontrakten."),
    (
        "scenario.theme",
        "En merkelapp for gruppering, for eksempel «sykefravær».",
    ),
    (
        "scenario.currency",
        "Valutaen for alle beløp (bare til visning).",
    ),
    (
        "scenario.language",
        "Språket scenarioets tekster er skrevet på: \"nb\" eller \"en\".",
    ),
    ("timeline", "Hvor lenge kontrakten varer."),
    (
        "timeline.periods",
        "Antall perioder (helt tall, 1 til 480).",
    ),
    (
        "timeline.period",
        "Lengden på én periode: \"year\", \"half_year\", \"quarter\" eller \"month\".",
    ),
    (
        "timeline.start_year",
        "Kalenderåret periode 1 starter i; daterer periodene og budsjettårene.",
    ),
    (
        "timeline.start_month",
        "Måneden periode 1 starter i (1 til 12).",
    ),
    ("parties", "Navnene på partene (alle har en standardverdi)."),
    (
        "parties.payer",
        "Betaler for resultatene og et eventuelt fast honorar (vanligvis kommunen).",
    ),
    (
        "parties.cofunder",
        "Medfinansiør som dekker en fast andel av hver utfallsbetaling.",
    ),
    (
        "parties.investor",
        "Investoren som forskutterer leveransen.",
    ),
    ("parties.provider", "Leverandøren som utfører tiltaket."),
    (
        "parties.guarantor",
        "Garantisten som dekker investors første tap.",
    ),
    (
        "parties.public_other",
        "Resten av det offentlige: får verdi, betaler ingenting (for eksempel NAV).",
    ),
    ("cohort", "Hvem tiltaket er for."),
    (
        "cohort.size",
        "Antall personer i en fast gruppe (trengs for flow-utfall), antall ≥ 0.",
    ),
    (
        "cohort.intake",
        "Nye deltakere per periode (trengs for event-utfall): ett tall, eller ett per periode.",
    ),
    (
        "cohort.unit",
        "Hva én person i gruppen er, for eksempel «ansatte».",
    ),
    ("delivery", "Hva tiltaket koster."),
    (
        "delivery.cost",
        "Leveransekostnad per periode i valutaen, betalt ved periodens start: \
         ett tall, eller ett per periode.",
    ),
    ("delivery.description", "Hva som leveres."),
    (
        "outcomes[]",
        "Ett utfall (indikator) og hva som betales for det; minst ett.",
    ),
    (
        "outcomes[].id",
        "Stabil id for utfallet (a-z, 0-9 og _); spakene bruker den (price.<id>).",
    ),
    ("outcomes[].name", "Navnet som vises."),
    (
        "outcomes[].kind",
        "\"flow\": en rate i en fast gruppe; \"event\": en milepæl en andel av et inntak når.",
    ),
    (
        "outcomes[].better",
        "Hvilken retning som er en forbedring: \"lower\" eller \"higher\".",
    ),
    (
        "outcomes[].indicator_unit",
        "Enheten for indikatoren, for eksempel «%».",
    ),
    (
        "outcomes[].payable_unit",
        "Hva én betalbar enhet er, for eksempel «unngått sykedag».",
    ),
    (
        "outcomes[].baseline",
        "Nivået før kontrakten, i indikatorens enhet (event: prosent, 0 til 100).",
    ),
    (
        "outcomes[].target",
        "Målet det betales for; en forbedring fra utgangsnivået (event: prosent).",
    ),
    (
        "outcomes[].expected",
        "Nivået man venter at tiltaket når (standard: målet); måloppnåelsen er en andel av dette.",
    ),
    (
        "outcomes[].threshold",
        "Terskel: nivået som må nås før noe betales (trigger) eller som trekkes fra (deductible).",
    ),
    (
        "outcomes[].threshold_rule",
        "Hvordan terskelen virker: \"none\", \"trigger\" eller \"deductible\".",
    ),
    (
        "outcomes[].pay_beyond_target",
        "Betal også for forbedring utover målet (true/false).",
    ),
    (
        "outcomes[].ramp_periods",
        "Bare flow: perioder til full effekt (helt tall ≥ 1).",
    ),
    (
        "outcomes[].drift",
        "Bare flow: indikatorpoeng per periode som bedres uansett (med historical_baseline).",
    ),
    (
        "outcomes[].counterfactual",
        "Hva forbedringen måles mot: \"comparison_group\", \"historical_baseline\" eller \"none\".",
    ),
    (
        "outcomes[].units_per_point",
        "Bare flow: betalbare enheter per indikatorpoeng per person per år (> 0).",
    ),
    (
        "outcomes[].lag",
        "Bare event: perioder fra inntak til måling (helt tall ≥ 0).",
    ),
    (
        "outcomes[].price",
        "Pris per betalbar enhet i valutaen (≥ 0).",
    ),
    (
        "outcomes[].value",
        "Verdien for det offentlige per reell ekstra enhet, i valutaen (≥ 0).",
    ),
    (
        "outcomes[].payer_value_share",
        "Andelen av verdien som tilfaller betaleren (0 til 1); resten går til det øvrige offentlige.",
    ),
    (
        "outcomes[].payer_cash_share",
        "Andelen av betalerens verdi som er kontanter i budsjettet (0 til 1).",
    ),
    (
        "outcomes[].definition",
        "Nøyaktig definisjon av indikatoren.",
    ),
    ("outcomes[].data_source", "Hvor målingen kommer fra."),
    (
        "outcomes[].source",
        "Hvor tallene kommer fra: id-en til en [[sources]]-oppføring.",
    ),
    ("payment", "Hvordan resultatene betales."),
    (
        "payment.mechanism",
        "Hvordan prisen settes: \"rate_card\" (hvert utfalls pris) eller \"share_of_savings\".",
    ),
    (
        "payment.savings_share",
        "Andelen av verdien som betales ut (0 til 1); kreves av share_of_savings.",
    ),
    (
        "payment.cap",
        "Tak: det meste betaler og medfinansiør betaler i utfallsbetalinger over hele kontrakten, i valutaen.",
    ),
    (
        "payment.guaranteed_share",
        "Andelen av hver periodes kostnad betaleren betaler uansett resultat (0 til 1).",
    ),
    (
        "payment.cofunder_share",
        "Andelen av hver utfallsbetaling medfinansiøren bærer (0 til 1).",
    ),
    (
        "payment.excess",
        "Hvem som får det som er igjen til slutt: \"payer\" (tilbake) eller \"provider\" (bonus).",
    ),
    (
        "payment.excess_investor_share",
        "Investors andel av overskuddet til slutt, tatt først (0 til 1).",
    ),
    ("investment", "Investorens vilkår."),
    (
        "investment.capital",
        "Kapitalen investoren stiller, i valutaen (≥ 0).",
    ),
    (
        "investment.return_cap",
        "Tak på investors årlige avkastning (0 til 1; 0,07 = 7 % i året).",
    ),
    (
        "investment.first_loss",
        "Garantisten dekker investors tap opp til denne andelen av det som er trukket (0 til 1).",
    ),
    (
        "investment.recycle",
        "Bruk utfallsbetalinger til senere leveranse før mer trekkes (true/false).",
    ),
    (
        "investment.hurdle_rate",
        "Årlig rente investors nåverdi neddiskonteres med (standard: diskonteringsrenten).",
    ),
    ("provider", "Leverandørens egen risiko."),
    (
        "provider.fee_at_risk",
        "Andelen av hver periodes kostnad leverandøren selv bærer (0 til 1).",
    ),
    ("assumptions", "Det rommet antar."),
    (
        "assumptions.achievement",
        "Måloppnåelse: andelen av den ventede forbedringen som faktisk skjer (0 til 10; 1 = som ventet).",
    ),
    (
        "assumptions.discount_rate",
        "Årlig diskonteringsrente for alle nåverdier (0,04 = 4 %, R-109).",
    ),
    (
        "assumptions.notes",
        "Utsagn som er antakelser, ikke fakta; appen viser dem som antakelser.",
    ),
    ("sources[]", "En kilde for tallene."),
    (
        "sources[].id",
        "Kort id som utfallenes source kan vise til.",
    ),
    ("sources[].title", "Hva kilden er."),
    ("sources[].url", "Hvor den finnes."),
    ("sources[].note", "Hva scenarioet henter fra den."),
    (
        "levers",
        "Hvilke spaker verkstedet viser, i hvilken rekkefølge, med smalere områder.",
    ),
    (
        "levers.show",
        "Spak-id-er i visningsrekkefølge ([] = alle).",
    ),
    ("levers.*", "Område og steg for én spak: [levers.\"<id>\"]."),
    ("levers.*.min", "Laveste verdi spaken kan ta."),
    ("levers.*.max", "Høyeste verdi spaken kan ta."),
    ("levers.*.step", "Ett tastetrykk (> 0)."),
    (
        "uncertainty",
        "Hvor usikker effekten er og hvor støyende målingen, for risikovisningen.",
    ),
    (
        "uncertainty.achievement",
        "Fordelingen av den sanne måloppnåelsen: \"normal\" eller \"triangular\".",
    ),
    (
        "uncertainty.achievement_sd",
        "Bare normal: standardavviket til måloppnåelsen (0 til 10).",
    ),
    (
        "uncertainty.achievement_min",
        "Bare triangular (kreves): laveste måloppnåelse (0 til 10).",
    ),
    (
        "uncertainty.achievement_mode",
        "Bare triangular: mest sannsynlige måloppnåelse.",
    ),
    (
        "uncertainty.achievement_max",
        "Bare triangular (kreves): høyeste måloppnåelse (0 til 10).",
    ),
    (
        "uncertainty.draws",
        "Antall Monte Carlo-trekk (1 til 1 000 000).",
    ),
    (
        "uncertainty.seed",
        "Frø for tilfeldige tall: samme frø gir samme resultat på alle maskiner.",
    ),
    (
        "uncertainty.noise",
        "Målestøy per utfall: <utfalls-id> = standardavvik i indikatorpoeng per periode.",
    ),
    (
        "uncertainty.noise.*",
        "Standardavviket til det målte nivået for dette utfallet, hver periode (≥ 0).",
    ),
    (
        "costs[]",
        "En kostnad utenom leveransen (evaluering, honorar, oppstart).",
    ),
    ("costs[].id", "Stabil id for kostnaden (a-z, 0-9 og _)."),
    ("costs[].name", "Navnet som vises."),
    (
        "costs[].when",
        "Når den betales: \"start\" (én gang) eller \"each_period\" (hver periode).",
    ),
    (
        "costs[].paid_by",
        "Hvem som betaler: \"payer\", \"cofunder\" eller \"investor\".",
    ),
    (
        "costs[].amount",
        "Beløpet i valutaen: ett tall, eller (each_period) ett per periode.",
    ),
];

/// The bokmål meaning of a key or table path.
pub fn meaning_nb(path: &str) -> Option<&'static str> {
    MEANINGS_NB
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, m)| *m)
}

/// The comment a template puts on a number nobody has given a source for.
pub fn placeholder(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "kilde: …",
        Lang::En => "source: …",
    }
}

/// The words a template's "Allowed:" and "Default:" start with.
pub fn allowed_default(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Nb => ("Tillatt", "Standard"),
        Lang::En => ("Allowed", "Default"),
    }
}

/// The explanation at the top of a new scenario.
pub fn header(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nb => &[
            "Et nytt scenario for effekt (format 1). Linjer som starter med ## forklarer",
            "nøklene; `effekt new --from` skriver dem på nytt.",
            "Si hvor hvert tall kommer fra i kommentaren på linjen: bytt ut «kilde: …»",
            "med kilden, eller skriv «antakelse: …». Skjermen Scenario (5) viser dem.",
            "Nøkler som står kommentert ut (# nøkkel = …) er valgfrie: uten dem gjelder",
            "standardverdien. Sjekk filen med `effekt check FIL`.",
            "Redigeringsstøtte (Taplo / Even Better TOML): lagre skjemaet med",
            "`effekt schema -o scenario.schema.json` i samme mappe og sett",
            "`#:schema ./scenario.schema.json` som første linje i filen.",
        ],
        Lang::En => &[
            "A new scenario for effekt (format 1). Lines starting with ## explain the",
            "keys; `effekt new --from` writes them afresh.",
            "Say where each number comes from in the comment on its line: replace",
            "\"source: …\" with the source, or write \"assumption: …\". The Scenario",
            "screen (5) shows them.",
            "Keys commented out (# key = …) are optional: without them the default",
            "applies. Check the file with `effekt check FILE`.",
            "Editor support (Taplo / Even Better TOML): save the schema with",
            "`effekt schema -o scenario.schema.json` in the same folder and put",
            "`#:schema ./scenario.schema.json` as the first line of the file.",
        ],
    }
}

/// The scenario of the empty template: every required key with a plain
/// value to replace, and its texts in the language's words.
pub fn blank(lang: Lang) -> String {
    let w: [&str; 15] = match lang {
        Lang::Nb => [
            "ny",
            "Ny effektkontrakt",
            "Beskriv kontrakten med noen setninger: hvem betaler for hva, målt hvordan.",
            "nb",
            "Kommunen",
            "Sosiale investorer",
            "Tjenesteleverandør",
            "Staten",
            "deltakere",
            "Hva som leveres",
            "utfall",
            "Utfall",
            "enhet",
            "Nøyaktig definisjon av indikatoren",
            "Hvor målingen kommer fra",
        ],
        Lang::En => [
            "new",
            "New outcome contract",
            "Describe the contract in a few sentences: who pays for what, measured how.",
            "en",
            "Municipality",
            "Social investors",
            "Provider",
            "Central government",
            "participants",
            "What is delivered",
            "outcome",
            "Outcome",
            "unit",
            "Exact definition of the indicator",
            "Where the measurement comes from",
        ],
    };
    format!(
        r#"format = 1

[scenario]
id = "{}"
title = "{}"
summary = "{}"
currency = "NOK"
language = "{}"

[timeline]
periods = 4
period = "year"

[parties]
payer = "{}"
investor = "{}"
provider = "{}"
public_other = "{}"

[cohort]
size = 1000
unit = "{}"

[delivery]
cost = 1_000_000
description = "{}"

[[outcomes]]
id = "{}"
name = "{}"
kind = "flow"
better = "lower"
indicator_unit = "%"
payable_unit = "{}"
baseline = 10
target = 9
units_per_point = 1
price = 500
value = 1_000
definition = "{}"
data_source = "{}"

[payment]
mechanism = "rate_card"
cap = 2_000_000

[investment]
capital = 4_000_000
return_cap = 0.05

[assumptions]
achievement = 1
discount_rate = 0.04
notes = []
"#,
        w[0],
        w[1],
        w[2],
        w[3],
        w[4],
        w[5],
        w[6],
        w[7],
        w[8],
        w[9],
        w[10],
        w[11],
        w[12],
        w[13],
        w[14]
    )
}

/// The template that starts from nothing, as `--from` and the picker name it.
pub fn empty_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "tom mal",
        Lang::En => "empty template",
    }
}

/// `effekt new`: the file is there already.
pub fn exists(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Nb => format!(
            "{} finnes allerede; velg et annet navn, eller bruk --force for å erstatte den",
            path.display()
        ),
        Lang::En => format!(
            "{} exists already; choose another name, or use --force to replace it",
            path.display()
        ),
    }
}

/// `effekt new`: written, and what to do next.
pub fn written(lang: Lang, path: &Path, from: &str) -> String {
    let p = path.display();
    match lang {
        Lang::Nb => format!(
            "Skrev {p} (fra {from}). Fyll inn tallene og kildene, og sjekk med `effekt check {p}`."
        ),
        Lang::En => format!(
            "Wrote {p} (from {from}). Fill in the numbers and their sources, and check with `effekt check {p}`."
        ),
    }
}

/// `effekt new --sites`: the loader has no sites.
pub fn no_sites(lang: Lang) -> String {
    match lang {
        Lang::Nb => "--sites: denne versjonen av effekt har ennå ingen kommuner i samme pilot \
                     ([[sites]]); skriv scenarioet uten --sites"
            .into(),
        Lang::En => "--sites: this version of effekt has no sites in one pilot yet \
                     ([[sites]]); write the scenario without --sites"
            .into(),
    }
}

/// `effekt schema -o`: written.
pub fn schema_written(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Nb => format!("Skjema skrevet: {}", path.display()),
        Lang::En => format!("Schema written: {}", path.display()),
    }
}

/// The Scenario screen's section on where the numbers came from.
pub fn basis_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Tallene og hvor de kommer fra",
        Lang::En => "The numbers and where they come from",
    }
}

/// How many numbers are assumptions, have a source, or have none.
pub fn basis_counts(lang: Lang, assumptions: usize, sourced: usize, missing: usize) -> String {
    match lang {
        Lang::Nb => {
            format!("{assumptions} antakelser · {sourced} med kilde · {missing} uten kilde")
        }
        Lang::En => {
            format!("{assumptions} assumptions · {sourced} with a source · {missing} without")
        }
    }
}

/// What a number's comment says it is.
pub fn basis_kind(lang: Lang, kind: &BasisKind) -> &'static str {
    match (lang, kind) {
        (Lang::Nb, BasisKind::Assumption) => "Antakelse",
        (Lang::En, BasisKind::Assumption) => "Assumption",
        (Lang::Nb, BasisKind::Source) => "Kilde",
        (Lang::En, BasisKind::Source) => "Source",
        (Lang::Nb, BasisKind::Placeholder) => "Kilde mangler: fyll inn «kilde: …» i filen",
        (Lang::En, BasisKind::Placeholder) => "Source missing: fill in \"source: …\" in the file",
        (Lang::Nb, BasisKind::Unstated) => "Ingen kilde oppgitt",
        (Lang::En, BasisKind::Unstated) => "No source given",
    }
}

/// The Scenario screen's note on how a file says where a number came from.
pub fn basis_how(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => {
            "Tallene slik filen skriver dem, og kommentaren på linjen deres: \
             «# antakelse: …» eller «# kilde: …»."
        }
        Lang::En => {
            "The numbers as the file writes them, and the comment on their line: \
             \"# assumption: …\" or \"# source: …\"."
        }
    }
}

/// The picker's dialog for a new scenario.
pub struct NewDialogTexts {
    /// The picker's row and the dialog's title.
    pub title: &'static str,
    /// The picker row's second line.
    pub row_help: &'static str,
    pub name: &'static str,
    pub template: &'static str,
    /// Where the file goes.
    pub folder: &'static str,
    pub keys: &'static str,
    pub empty_name: &'static str,
}

const NEW_NB: NewDialogTexts = NewDialogTexts {
    title: "Nytt scenario fra mal",
    row_help: "Lag en scenariofil å fylle inn: den tomme malen eller et innebygd scenario",
    name: "Filnavn",
    template: "Mal",
    folder: "Lagres i",
    keys: "Enter lag og åpne · ↑↓ mal · Esc avbryt",
    empty_name: "Skriv et navn på filen",
};

const NEW_EN: NewDialogTexts = NewDialogTexts {
    title: "New scenario from template",
    row_help: "Make a scenario file to fill in: the empty template or a bundled scenario",
    name: "File name",
    template: "Template",
    folder: "Saved in",
    keys: "Enter make and open · ↑↓ template · Esc cancel",
    empty_name: "Type a name for the file",
};

pub fn new_dialog(lang: Lang) -> &'static NewDialogTexts {
    match lang {
        Lang::Nb => &NEW_NB,
        Lang::En => &NEW_EN,
    }
}

/// A file name the dialog refuses: folders, a leading dot, control
/// characters, too long.
pub fn bad_name(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "«{name}» kan ikke brukes som filnavn: bruk bokstaver, tall, mellomrom, - og _ (høyst 60 tegn)"
        ),
        Lang::En => format!(
            "\"{name}\" cannot be a file name: use letters, digits, spaces, - and _ (at most 60 characters)"
        ),
    }
}

/// The id a name gives is taken by another scenario.
pub fn id_taken(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Nb => format!("Id-en «{id}» er i bruk av et annet scenario; velg et annet navn"),
        Lang::En => format!("The id \"{id}\" is used by another scenario; choose another name"),
    }
}

/// The picker wrote the new scenario.
pub fn created(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Nb => format!("Nytt scenario skrevet: {}", path.display()),
        Lang::En => format!("New scenario written: {}", path.display()),
    }
}
