//! What each key and table of the scenario format means, in bokmål: the
//! explanation a template writes above it (English ones are the rows of
//! `docs/scenario-format.md`).

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
        "Medfinansiør som dekker en fast andel av hver resultatbetaling.",
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
        "Tak: det meste oppdragsgiver og medfinansiør betaler i resultatbetalinger over hele kontrakten, i valutaen.",
    ),
    (
        "payment.guaranteed_share",
        "Andelen av hver periodes kostnad betaleren betaler uansett resultat (0 til 1).",
    ),
    (
        "payment.cofunder_share",
        "Andelen av hver resultatbetaling medfinansiøren bærer (0 til 1).",
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
        "Bruk resultatbetalinger til senere leveranse før mer trekkes (true/false).",
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
    (
        "payment.pooling",
        "Med [[sites]]: hvor terskelen prøves: \"site\" (hver kommunes egen forbedring) eller \"pooled\" (snittet over kommunene).",
    ),
    (
        "sites[]",
        "En kommune i piloten: betaler for egne resultater under kontraktens vilkår.",
    ),
    (
        "sites[].id",
        "Stabil id for kommunen (a-z, 0-9 og _); spaken effect.<id> bruker den.",
    ),
    ("sites[].name", "Navnet som vises (standard: id)."),
    (
        "sites[].payer",
        "Kommunen som betaler for denne kommunens resultater (standard: navnet).",
    ),
    (
        "sites[].size",
        "Antall i kommunens kohort (helst årsverk); kreves av løpende utfall. Gir også andelen av grunnbetalingen.",
    ),
    (
        "sites[].intake",
        "Nye deltakere per periode (hendelsesutfall): ett tall eller ett per periode.",
    ),
    (
        "sites[].cap",
        "Det meste denne kommunens resultater betales med, før kontraktens tak (valgfritt).",
    ),
    (
        "sites[].effect",
        "Effekten her som andel av pilotens (1 = som piloten, 0 = ingen effekt her).",
    ),
    (
        "sites[].baseline",
        "Kommunens eget utgangsnivå per utfall: <utfalls-id> = nivå. Mål og terskel er utgangsnivået pluss kontraktens forbedringer.",
    ),
    (
        "sites[].baseline.*",
        "Kommunens utgangsnivå for dette utfallet, i indikatorens enhet.",
    ),
    (
        "sites[].expected",
        "Kommunens eget forventede nivå per utfall: <utfalls-id> = nivå.",
    ),
    (
        "sites[].expected.*",
        "Nivået indikatoren ventes å nå i kommunen med tiltaket.",
    ),
    (
        "sites[].drift",
        "Kommunens egen drift per utfall (løpende utfall med historisk utgangsnivå): <utfalls-id> = poeng per periode.",
    ),
    (
        "sites[].drift.*",
        "Endring i utgangsnivået per periode uten tiltaket, i indikatorpoeng.",
    ),
];

/// The bokmål meaning of a key or table path.
pub fn meaning_nb(path: &str) -> Option<&'static str> {
    MEANINGS_NB
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, m)| *m)
}
