//! The bokmål of `--help`. clap's texts are the English doc comments in
//! `src/main.rs` (and the argument structs of `src/cli` and `src/serve`);
//! [`HELP_NB`] holds their bokmål by command and argument, and
//! [`VALUE_NAMES_NB`] the placeholders. A test on the binary checks that
//! every line of every command's help is translated.

/// The bokmål of the value names in `--help` and usage lines.
pub const VALUE_NAMES_NB: &[(&str, &str)] = &[
    ("FILE", "FIL"),
    ("FILES", "FIL"),
    ("NAME", "NAVN"),
    ("ID=VALUE", "ID=VERDI"),
    ("LEVER", "SPAK"),
    ("FROM", "FRA"),
    ("TO", "TIL"),
    ("STEPS", "STEG"),
    ("FORMAT", "FORMAT"),
    ("PATH", "STI"),
    ("TEXT", "TEKST"),
    ("DRAWS", "TREKK"),
    ("SEED", "FRØ"),
    ("FIGURE=VALUE", "TALL=VERDI"),
    ("achievement=X", "achievement=X"),
    ("LANG", "SPRÅK"),
    ("COMMAND", "KOMMANDO"),
    ("ADDR:PORT", "ADRESSE:PORT"),
    ("SECONDS", "SEKUNDER"),
    ("SCENARIO", "SCENARIO"),
    ("ID", "ID"),
    ("N", "N"),
    ("NEW_NAME", "NYTT_NAVN"),
];

/// The bokmål of `--help`: `COMMAND` is a command's summary, `COMMAND!`
/// its long description, `COMMAND/ARG` an argument's help (the root
/// command is the empty name). A test checks that every command and
/// argument has one.
pub const HELP_NB: &[(&str, &str)] = &[
    ("", "effekt — utform effektkontrakter live."),
    (
        "!",
        "effekt — utform effektkontrakter live.\n\n\
         Uten kommando åpnes verkstedet: `effekt` viser scenariovelgeren, \
         `effekt FIL` åpner et scenario (en sti, eller en id som \
         `sykefravaer`; `effekt list` viser id-ene).",
    ),
    (
        "/file",
        "Scenario å åpne i verkstedet (en fil, eller en id som `effekt list` viser)",
    ),
    ("/lang", "Språk for teksten: nb (bokmål, standard) eller en"),
    (
        "check",
        "Sjekk scenariofiler; skriver `ok` for hver gyldig fil, ellers hver feil",
    ),
    ("check/files", "Scenariofiler (eller id-er)"),
    ("calc", "Regn ut alle tall for et scenario"),
    (
        "calc/json",
        "Skriv JSON (desimaltall som tekst) i stedet for sammendraget",
    ),
    ("sweep", "Flytt én spak over et område; skriver CSV"),
    (
        "sweep/lever",
        "Spaken som flyttes, for eksempel `achievement` eller `price.job_start`",
    ),
    ("sweep/from", "Første verdi"),
    ("sweep/to", "Siste verdi"),
    (
        "sweep/steps",
        "Antall steg mellom `--from` og `--to` (steg + 1 rader), 1 til 10 000 [standard: 10]",
    ),
    (
        "report",
        "Skriv en rapport om et scenario og lagrede varianter (Markdown, CSV eller JSON)",
    ),
    ("report/file", "Scenariofil (eller id)"),
    (
        "report/variants",
        "En lagret variant som egen kolonne (kan gjentas, høyst 4)",
    ),
    (
        "report/site",
        "Én kommunes beslutningsgrunnlag (en id fra `[[sites]]`): det meste den kan \
         måtte betale, per budsjettår, risikoen og vilkårene den signerer (Markdown \
         eller CSV; med høyst én --variant)",
    ),
    (
        "report/format",
        "Rapportformat: md (Markdown, for folk), csv (én ryddig tabell for regneark) \
         eller json (for programmer) [standard: md]",
    ),
    (
        "report/output",
        "Skriv til denne filen i stedet for standard ut (`-` er standard ut); \
         mappen må finnes",
    ),
    (
        "annex",
        "Skriv betalingsmekanismen i et scenario eller en variant som et \
         kontraktsvedlegg (Markdown, eller .docx med `-o FIL.docx`)",
    ),
    (
        "annex/file",
        "Scenariofil (eller scenario-id, som `effekt list` viser)",
    ),
    (
        "annex/variant",
        "Vilkårene i en lagret variant i stedet for scenarioets egne",
    ),
    (
        "annex/site",
        "Vedlegget til én kommunes avtale (en id fra `[[sites]]`)",
    ),
    (
        "annex/format",
        "Format: md (Markdown) eller docx (et Word-dokument, krever `-o`); \
         standard: docx når STI slutter på `.docx`, ellers md",
    ),
    (
        "annex/output",
        "Skriv til denne filen i stedet for standard ut (`-` er standard ut); \
         mappen må finnes",
    ),
    (
        "save",
        "Lagre spakverdier som en navngitt variant av et scenario",
    ),
    ("save/file", "Scenariofil (eller id)"),
    ("save/name", "Variantens navn (én linje)"),
    (
        "save/sets",
        "En spakverdi, for eksempel `--set threshold.absence=9,3` (kan gjentas)",
    ),
    ("save/note", "Et notat på varianten"),
    (
        "save/force",
        "Erstatt spakene i en lagret variant med samme navn (notatene og \
         opprettelsestiden beholdes)",
    ),
    (
        "save/update",
        "Endre en lagret variant: start fra spakene dens, bruk `--set`, behold \
         notatene (og legg til `--note`)",
    ),
    (
        "variants",
        "Vis de lagrede variantene av et scenario, med notater",
    ),
    ("variants/file", "Scenariofil (eller id)"),
    (
        "variants/deleted",
        "Vis de slettede variantene i papirkurven i stedet, nyeste først, med \
         tiden hver ble slettet",
    ),
    (
        "delete",
        "Slett en lagret variant: den havner i papirkurven, og `effekt restore` \
         henter den tilbake",
    ),
    ("delete/file", "Scenariofil (eller id)"),
    ("delete/name", "Variantens navn"),
    (
        "restore",
        "Gjenopprett en slettet variant fra papirkurven (den sist slettede med \
         det navnet)",
    ),
    ("restore/file", "Scenariofil (eller id)"),
    ("restore/name", "Navnet på den slettede varianten"),
    (
        "restore/new_name",
        "Gjenopprett den under dette navnet (når dens eget er tatt)",
    ),
    (
        "risk",
        "Monte Carlo over usikker effekt og støyende måling: sjansen for at \
         investor taper, at noe betales og at taket nås, og P10/P50/P90",
    ),
    (
        "risk!",
        "Monte Carlo over usikker effekt og støyende måling: sjansen for at \
         investor taper penger, at noe betales og at taket på resultatbetalinger \
         nås, og P10/P50/P90 av resultatbetalinger, nåverdier og investors \
         internrente.\n\n\
         Spredningen kommer fra scenarioets `[uncertainty]`-tabell (uten en: \
         effekten, andel av forventet, normalfordelt med standardavvik 0,25 \
         rundt effektspaken, ingen målestøy). Se docs/risk.md.",
    ),
    (
        "risk/draws",
        "Antall trekk, 1 til 1 000 000 (standard: scenarioets, ellers 10 000)",
    ),
    (
        "risk/seed",
        "Frø for tilfeldige tall (standard: scenarioets, ellers 2026)",
    ),
    (
        "risk/json",
        "Skriv JSON (desimaltall som tekst) i stedet for sammendraget",
    ),
    (
        "tornado",
        "Følsomhet: hver spak som vises ett steg ned og opp, og endringen i \
         oppdragsgivers nåverdi og investors internrente, størst først",
    ),
    (
        "tornado/json",
        "Skriv JSON (desimaltall som tekst) i stedet for tabellen",
    ),
    (
        "solve",
        "Målsøk: spakverdien som gir et tall et mål, for eksempel \
         `effekt solve sykefravaer --lever price.absence --for investor_irr=6%`",
    ),
    (
        "solve!",
        "Målsøk: spakverdien som gir et tall et mål, for eksempel \
         `effekt solve sykefravaer --lever price.absence --for investor_irr=6%`.\n\n\
         Tall: investor_irr, payer_npv, public_npv, outcome_payments, \
         investor_moic, p_noise_payment (sannsynligheten for å betale når den \
         sanne effekten er null). Avslutningskode 3 når ingen verdi i spakens \
         område når målet.",
    ),
    (
        "solve/lever",
        "Spaken som flyttes, for eksempel `price.absence` eller `cap`",
    ),
    (
        "solve/for_",
        "Tallet og målet, for eksempel `investor_irr=6%` eller `payer_npv=0`",
    ),
    (
        "solve/at",
        "Effekten (andel av forventet) det søkes ved, for eksempel `achievement=0,5` (standard: scenarioets)",
    ),
    (
        "solve/json",
        "Skriv JSON (desimaltall som tekst) i stedet for en setning",
    ),
    (
        "list",
        "Vis de innebygde scenarioene og dem i scenariomappen din",
    ),
    ("levers", "Vis spakene i et scenario med områder og steg"),
    ("levers/file", "Scenariofil (eller id)"),
    (
        "new",
        "Skriv et nytt scenario å fylle inn: hver nøkkel med betydning, enhet og \
         plass til kilden; `effekt check` godtar det slik det er",
    ),
    (
        "new/file",
        "Den nye scenariofilen; mappen må finnes, og navnet (uten `.toml`) blir \
         scenarioets id",
    ),
    (
        "new/from",
        "Start fra verdiene og kommentarene i et scenario: en innebygd id \
         (`effekt list` viser dem) eller en fil. Uten: den tomme malen",
    ),
    (
        "new/sites",
        "Skriv N `[[sites]]`-oppføringer, én per kommune i piloten",
    ),
    ("new/force", "Erstatt filen hvis den finnes"),
    (
        "schema",
        "Skriv JSON-skjemaet for scenarioformatet, for redigeringsprogrammer \
         (Taplo / Even Better TOML fullfører og sjekker nøkler med det)",
    ),
    (
        "schema/output",
        "Skriv til denne filen i stedet for standard ut (`-` er standard ut); \
         mappen må finnes",
    ),
    (
        "serve",
        "Vis verkstedet over SSH: `ssh -t -p 2222 VERT` åpner et (se docs/ssh.md)",
    ),
    (
        "serve/listen",
        "Adresse og port å lytte på (port 0: en ledig port, som logges) [standard: 127.0.0.1:2222]",
    ),
    (
        "serve/authorized_keys",
        "Nøklene som slippes inn, én per linje slik OpenSSH skriver dem \
         [standard: ~/.ssh/authorized_keys]",
    ),
    (
        "serve/host_key",
        "Tjenerens private nøkkel [standard: en som lages én gang i datamappen]",
    ),
    (
        "serve/keepalive",
        "Sekunder med stillhet før en klient spørres om den fortsatt er der; en klient \
         som er stille i fire slike intervaller, kobles fra, 1 til 3600 [standard: 30]",
    ),
    (
        "serve/scenarios",
        "Scenarioer (filer eller id-er), sjekket ved start; en økt åpner det første \
         (uten: scenariovelgeren)",
    ),
    // Shared by calc, sweep, risk, tornado and solve.
    ("*/file", "Scenariofil (eller id, som `effekt list` viser)"),
    (
        "*/variant",
        "Start fra en lagret variant av scenarioet (`effekt variants FIL` viser dem)",
    ),
    (
        "*/sets",
        "Sett en spak, for eksempel `--set achievement=0,8`, etter varianten (kan gjentas)",
    ),
];

/// The bokmål help of a command (`""` the root) or of one of its
/// arguments: the entry for the command, else the shared one (`*/ARG`).
pub fn help_nb(command: &str, arg: Option<&str>) -> Option<&'static str> {
    let key = match arg {
        Some(a) => format!("{command}/{a}"),
        None => command.to_string(),
    };
    let shared = arg.map(|a| format!("*/{a}"));
    HELP_NB
        .iter()
        .find(|(k, _)| *k == key)
        .or_else(|| {
            shared
                .as_ref()
                .and_then(|s| HELP_NB.iter().find(|(k, _)| k == s))
        })
        .map(|(_, text)| *text)
}
