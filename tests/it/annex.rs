//! The contract annex (`effekt annex`, the workshop's `a`): golden annexes
//! of both pilots in both languages, GO Lab's seven elements for every
//! outcome, markers where the scenario is silent, the worked example and
//! the schedule equal to the model's figures, a site's own agreement, the
//! `.docx` as XML and through LibreOffice, and `a` in the workshop (the
//! effect, and the files the host writes).

use crate::common::temp_dir;

use std::io::Read;
use std::process::Command;
use std::str::FromStr;

use effekt::catalog::{self, Loaded};
use effekt::format::{self, Lang};
use effekt::i18n::annex::{annex_texts, marker};
use effekt::model;
use effekt::report::annex::{self, Annex, Block, Request};
use effekt::store::Store;
use effekt::tui::disk;
use effekt::tui::view::MessageKind;
use effekt::tui::{
    Action, Document, Effect, Event, StoreOp, ThemeKind, View, handle_event, update,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn build(loaded: &Loaded, lang: Lang, site: Option<usize>) -> Annex {
    annex::build(&Request {
        lang,
        loaded,
        scenario: &loaded.scenario,
        variant: None,
        site,
    })
}

/// The Markdown with the scenario file's hash left out, so that a comment
/// changed in a bundled file does not change the golden annex.
fn golden(id: &str, lang: Lang) -> String {
    let loaded = catalog::open(id).unwrap();
    let md = annex::markdown(&build(&loaded, lang, None));
    match md.find("sha256:") {
        Some(at) => format!("{}sha256:…{}", &md[..at], &md[at + 19..]),
        None => md,
    }
}

#[test]
fn golden_annexes_of_both_pilots_in_both_languages() {
    insta::assert_snapshot!("annex_sykefravaer_nb", golden("sykefravaer", Lang::Nb));
    insta::assert_snapshot!("annex_sykefravaer_en", golden("sykefravaer", Lang::En));
    insta::assert_snapshot!("annex_rekruttering_nb", golden("rekruttering", Lang::Nb));
    insta::assert_snapshot!("annex_rekruttering_en", golden("rekruttering", Lang::En));
}

/// The table that follows a heading containing `title`, each time.
fn tables_after<'a>(a: &'a Annex, title: &str) -> Vec<&'a Block> {
    let mut out = Vec::new();
    let mut want = false;
    for b in &a.blocks {
        match b {
            Block::Heading { text, .. } => want = text.contains(title),
            Block::Table { .. } if want => {
                out.push(b);
                want = false;
            }
            _ => {}
        }
    }
    out
}

fn table_rows(b: &Block) -> &[Vec<String>] {
    match b {
        Block::Table { rows, .. } => rows,
        _ => panic!("not a table: {b:?}"),
    }
}

#[test]
fn every_outcome_has_all_seven_elements_of_a_payment_rule() {
    let mut files: Vec<Loaded> = [
        "sykefravaer",
        "rekruttering",
        "finland_tyhy",
        "peterborough",
    ]
    .into_iter()
    .map(|id| catalog::open(id).unwrap())
    .collect();
    files.push(catalog::open("tests/fixtures/worked_example.toml").unwrap());
    files.push(catalog::open("tests/fixtures/sites_example.toml").unwrap());
    for loaded in &files {
        let s = &loaded.scenario;
        for lang in [Lang::Nb, Lang::En] {
            let sites: Vec<Option<usize>> = std::iter::once(None)
                .chain((0..s.sites.len()).map(Some))
                .collect();
            for site in sites {
                let a = build(loaded, lang, site);
                let t = annex_texts(lang);
                let lists = tables_after(&a, t.checklist);
                assert_eq!(lists.len(), s.outcomes.len(), "{} {lang:?}", s.info.id);
                for (o, list) in s.outcomes.iter().zip(lists) {
                    let rows = table_rows(list);
                    let labels: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
                    assert_eq!(labels, t.elements, "{} {}", s.info.id, o.id);
                    for r in rows {
                        assert!(
                            r[1].chars().filter(|c| c.is_alphanumeric()).count() > 3,
                            "{} {}: {r:?}",
                            s.info.id,
                            o.id
                        );
                    }
                    // "For what outcome" names it; "how much" its price.
                    let name = effekt::i18n::scenario_text::outcome_name(lang, o);
                    assert!(rows[1][1].contains(name), "{rows:?}");
                    let price = match s.payment.mechanism {
                        effekt::scenario::Mechanism::ShareOfSavings => {
                            s.payment.savings_share.unwrap() * o.value
                        }
                        effekt::scenario::Mechanism::RateCard => o.price,
                    };
                    let cur = &s.info.currency;
                    assert!(
                        rows[5][1].contains(&format::money(lang, cur, price))
                            || rows[5][1].contains(&format::money_dp(lang, cur, price, 2)),
                        "{rows:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn what_the_scenario_does_not_say_is_marked_not_invented() {
    let loaded = catalog::open("tests/fixtures/worked_example.toml").unwrap();
    assert!(loaded.scenario.timeline.start_year.is_none());
    assert!(loaded.scenario.outcomes[0].definition.is_empty());
    let nb = annex::markdown(&build(&loaded, Lang::Nb, None));
    for want in [
        "[MÅ FYLLES UT: presis definisjon av indikatoren]",
        "[MÅ FYLLES UT: datakilde]",
        "[MÅ FYLLES UT: kontraktens startdato]",
        "[MÅ FYLLES UT: beskrivelse av tjenesten]",
        "[MÅ FYLLES UT: verifikator",
        "[MÅ FYLLES UT: betalingsfrist]",
        "kontraktsmåned 12",
    ] {
        assert!(nb.contains(want), "{want}:\n{nb}");
    }
    let en = annex::markdown(&build(&loaded, Lang::En, None));
    assert!(en.contains("[TO BE COMPLETED: exact definition of the indicator]"));
    assert!(
        !en.contains(marker(Lang::Nb)),
        "no bokmål marker in English"
    );
    // The bundled pilot has its definitions and dates: no such marker, but
    // its assumptions are marked as such.
    let pilot = golden("sykefravaer", Lang::Nb);
    assert!(!pilot.contains("[MÅ FYLLES UT: presis definisjon"));
    assert!(!pilot.contains("[MÅ FYLLES UT: kontraktens startdato"));
    assert!(pilot.contains("1 150 kr [ANTAKELSE, MÅ BEKREFTES: NOK per avoided day, set so"));
}

/// The worked example's row `label`, cell by cell.
fn example_row(a: &Annex, label: &str) -> Vec<String> {
    let t = annex_texts(a.lang);
    let table = tables_after(a, t.example)[0];
    table_rows(table)
        .iter()
        .find(|r| r[0] == label)
        .unwrap_or_else(|| panic!("no row {label}"))[1..]
        .to_vec()
}

#[test]
fn the_worked_example_and_schedule_are_the_models_figures() {
    for id in ["sykefravaer", "rekruttering"] {
        let loaded = catalog::open(id).unwrap();
        let s = &loaded.scenario;
        for lang in [Lang::Nb, Lang::En] {
            let a = build(&loaded, lang, None);
            let t = annex_texts(lang);
            let money = |d: Decimal| {
                if d.fract().is_zero() {
                    format::money(lang, &s.info.currency, d)
                } else {
                    format::money_dp(lang, &s.info.currency, d, 2)
                }
            };
            let evals: Vec<_> = ["0.5", "1", "1.5"]
                .iter()
                .map(|a| model::evaluate_at(s, d(a)))
                .collect();
            let want = |f: &dyn Fn(&model::Evaluation) -> Decimal| -> Vec<String> {
                evals.iter().map(|e| money(f(e))).collect()
            };
            assert_eq!(
                example_row(&a, t.outcome_payments),
                want(&|e| e.run.totals.outcome_payments)
            );
            assert_eq!(example_row(&a, t.investor_net), want(&|e| e.investor.net));
            assert_eq!(example_row(&a, t.provider_net), want(&|e| e.provider.net));
            assert_eq!(
                example_row(&a, t.fixed_fee),
                want(&|e| e.run.totals.guaranteed_payments)
            );
            // The schedule: each period's payment at 100 %, and the total.
            let run = model::run(s, Decimal::ONE);
            let rows = table_rows(tables_after(&a, t.schedule)[0]);
            assert_eq!(rows.len(), s.timeline.periods + 1);
            for (p, row) in rows.iter().take(s.timeline.periods).enumerate() {
                assert_eq!(row[0], (p + 1).to_string());
                assert_eq!(
                    row[3],
                    money(run.outcome_payments[p]),
                    "{id} period {}",
                    p + 1
                );
            }
            assert_eq!(
                rows[s.timeline.periods][3],
                money(run.totals.outcome_payments)
            );
        }
    }
    // Sickness absence: at most 2 700 days × 1 150 kr × 1,0 point a
    // half-year = 3 105 000 kr; over the contract the cap of 20 mill.
    let loaded = catalog::open("sykefravaer").unwrap();
    let a = build(&loaded, Lang::Nb, None);
    let rows = table_rows(tables_after(&a, "Betalingsplan")[0]);
    assert_eq!(rows[0][1], "01.01.2027 – 30.06.2027");
    assert_eq!(rows[0][4], "3 105 000 kr");
    assert_eq!(rows[8][4], "20 000 000 kr");
    assert_eq!(rows[7][2], "31.12.2030");
}

#[test]
fn a_sites_annex_is_its_municipalitys_agreement() {
    let loaded = catalog::open("tests/fixtures/sites_example.toml").unwrap();
    let s = &loaded.scenario;
    let strand = s.site_index("strand").unwrap();
    let a = build(&loaded, Lang::Nb, Some(strand));
    let md = annex::markdown(&a);
    assert!(md.contains("Kommune: Strand (Strand kommune)"), "{md}");
    assert!(
        md.contains("Oppdragsgiver og betaler: Strand kommune."),
        "{md}"
    );
    assert!(md.contains("Målgruppen er 200"), "{md}");
    assert!(
        md.contains("Resultatbetalingene for Strand er høyst 400 000 kr"),
        "{md}"
    );
    assert!(
        md.contains("bærer 20 % av kontraktens faste grunnbetaling"),
        "{md}"
    );
    // Its part of the fixed fee, 20 % of 10 % of 3 000 000, as the model splits it.
    assert!(
        md.contains("uansett resultat (til sammen 60 000 kr for kontrakten)"),
        "{md}"
    );
    // Bydal's own baseline, not the contract's.
    let bydal = build(&loaded, Lang::Nb, s.site_index("bydal"));
    assert!(annex::markdown(&bydal).contains("Utgangsnivå: 8 "), "bydal");
    // Its payments are the model's at 50, 100 and 150 %.
    let want: Vec<String> = ["0.5", "1", "1.5"]
        .iter()
        .map(|x| {
            let e = model::evaluate_at(s, d(x));
            let paid: Decimal = e.run.sites[strand].outcome_payments.iter().sum();
            format::money_dp(
                Lang::Nb,
                "NOK",
                paid,
                if paid.fract().is_zero() { 0 } else { 2 },
            )
        })
        .collect();
    let t = annex_texts(Lang::Nb);
    assert_eq!(
        example_row(&a, &format!("{}: Strand", t.site_payments)),
        want
    );
    // The schedule's total at 100 % is Strand's, its maximum its own cap.
    let rows = table_rows(tables_after(&a, t.schedule)[0]);
    let run = model::run(s, Decimal::ONE);
    let total: Decimal = run.sites[strand].outcome_payments.iter().sum();
    let last = rows.last().unwrap();
    assert_eq!(
        last[3],
        format::money_dp(
            Lang::Nb,
            "NOK",
            total,
            if total.fract().is_zero() { 0 } else { 2 }
        )
    );
    assert_eq!(last[4], "400 000 kr");
    // The contract's annex lists the municipalities instead.
    let all = annex::markdown(&build(&loaded, Lang::Nb, None));
    assert!(all.contains("Kommunene i avtalen"), "{all}");
    assert!(all.contains("| strand | Strand kommune | 200 |"), "{all}");
}

/// `word/document.xml` of a docx.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The paragraphs' text and styles of a document.xml, read by a real XML
/// parser (which fails on XML that is not well-formed).
fn paragraphs(xml: &str) -> Vec<(Option<String>, String)> {
    use quick_xml::events::Event as X;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut style, mut text, mut in_t) = (None, String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            X::Start(e) if e.name().as_ref() == b"w:p" => {
                style = None;
                text.clear();
            }
            X::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                style = e
                    .try_get_attribute("w:val")
                    .unwrap()
                    .map(|a| String::from_utf8(a.value.to_vec()).unwrap());
            }
            X::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            X::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            X::Text(t) if in_t => text.push_str(&String::from_utf8_lossy(&t)),
            X::GeneralRef(r) if in_t => {
                let c = match String::from_utf8_lossy(&r).as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "?",
                };
                text.push_str(c);
            }
            X::End(e) if e.name().as_ref() == b"w:p" => out.push((style.take(), text.clone())),
            X::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn the_docx_opens_with_headings_clauses_and_the_models_numbers() {
    let loaded = catalog::open("sykefravaer").unwrap();
    let a = build(&loaded, Lang::Nb, None);
    let bytes = annex::docx(&a).unwrap();
    let xml = document_xml(&bytes);
    let paras = paragraphs(&xml);
    let styled = |style: &str, text: &str| {
        paras
            .iter()
            .any(|(s, t)| s.as_deref() == Some(style) && t == text)
    };
    assert!(styled("Title", "Vedlegg: betalingsmekanisme"), "{paras:?}");
    assert!(styled("Heading1", "2. Resultatmål 1: Legemeldt sykefravær"));
    assert!(styled("Heading1", "3. Økonomiske vilkår"));
    // Every clause of the Markdown is a paragraph starting with its number.
    for b in &a.blocks {
        if let Block::Clause { number, text } = b {
            let want = format!("{number} {text}");
            assert!(paras.iter().any(|(_, t)| *t == want), "{want}");
        }
    }
    // The example table's cells are the model's figures.
    let e = model::evaluate_at(&loaded.scenario, Decimal::ONE);
    let paid = format::money(Lang::Nb, "NOK", e.run.totals.outcome_payments);
    assert_eq!(paid, "19 406 250 kr");
    assert!(paras.iter().any(|(_, t)| *t == paid));
    let net = format::money_dp(Lang::Nb, "NOK", e.investor.net, 2);
    assert!(paras.iter().any(|(_, t)| *t == net), "{net}");
    // Scenario text with markup characters stays text.
    let mut hostile = catalog::open("sykefravaer").unwrap();
    hostile.scenario.outcomes[0].definition = "a < b & \"c\" \u{1b}[2J\n# x | y".into();
    let md = annex::markdown(&build(&hostile, Lang::En, None));
    assert!(
        !md.lines().any(|l| l.starts_with("# x")),
        "a line break stays in its clause"
    );
    assert!(!md.contains('\u{1b}'));
    let xml = document_xml(&annex::docx(&build(&hostile, Lang::En, None)).unwrap());
    let paras = paragraphs(&xml);
    assert!(
        paras
            .iter()
            .any(|(_, t)| t.contains("Definition: a < b & \"c\"")),
        "{paras:?}"
    );
    assert!(!xml.contains('\u{1b}'));
}

/// `soffice`, where LibreOffice is installed (`.ci/run` installs it).
fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|bin| {
        Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn libreoffice_reads_the_docx() {
    let Some(bin) = soffice() else {
        // `.ci/run` installs it; elsewhere the round trip is skipped.
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "LibreOffice (soffice) is required under CI"
        );
        eprintln!("note: LibreOffice is not installed; skipping the .docx round trip");
        return;
    };
    let dir = temp_dir("annex-soffice");
    for (id, lang, clause) in [
        (
            "sykefravaer",
            Lang::Nb,
            "2.6 Terskel: 8,5 % av avtalte dagsverk",
        ),
        (
            "rekruttering",
            Lang::En,
            "4.1 Outcome payments under the contract are at most NOK 30,000,000",
        ),
    ] {
        let loaded = catalog::open(id).unwrap();
        let file = dir.join(format!("{id}.docx"));
        std::fs::write(&file, annex::docx(&build(&loaded, lang, None)).unwrap()).unwrap();
        // A profile of its own, so that other LibreOffice runs do not block it.
        let profile = format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        );
        let out = Command::new(bin)
            .args([
                &profile,
                "--headless",
                "--convert-to",
                "txt:Text",
                "--outdir",
            ])
            .arg(&dir)
            .arg(&file)
            .output()
            .expect("run soffice");
        assert!(out.status.success(), "{out:?}");
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("converted");
        let title = annex_texts(lang).title;
        assert!(text.contains(title), "{text}");
        assert!(text.contains(clause), "{clause}:\n{text}");
    }
}

#[test]
fn a_in_the_workshop_asks_the_host_to_write_the_annex() {
    let dir = temp_dir("annex-tui");
    let store = Store::at(dir.join("variants"));
    let loaded = catalog::open("sykefravaer").unwrap();
    let mut doc = Document::new(loaded.scenario).with_source(loaded.text);
    let mut view = View::new(Lang::Nb, ThemeKind::Default, (80, 24));
    update(Some(&mut doc), &mut view, Action::Step(-2));
    // `a` goes through the key map on the screens.
    let effects = update(Some(&mut doc), &mut view, Action::ExportAnnex);
    let [
        Effect::Store(
            op @ StoreOp::ExportAnnex {
                markdown,
                docx,
                scenario_id,
            },
        ),
    ] = effects.as_slice()
    else {
        panic!("an annex to write: {effects:?}");
    };
    assert_eq!(scenario_id, "sykefravaer");
    assert!(markdown.starts_with("# Vedlegg: betalingsmekanisme"));
    // The current levers (achievement two steps down) are named, unsaved.
    assert!(markdown.contains("Variant: "), "{markdown}");
    assert!(docx.starts_with(b"PK"));
    assert!(!dir.join("reports").exists(), "update writes nothing");

    // The host writes both files into the report folder and says where.
    let reply = disk::perform(Some(&store), op.clone());
    let Event::AnnexWritten(Ok(paths)) = &reply else {
        panic!("written: {reply:?}");
    };
    assert_eq!(paths.len(), 2);
    assert_eq!(std::fs::read_to_string(&paths[0]).unwrap(), *markdown);
    assert_eq!(std::fs::read(&paths[1]).unwrap(), *docx);
    for p in paths {
        assert!(p.starts_with(dir.join("reports")), "{p:?}");
    }
    assert!(paths[1].extension().is_some_and(|e| e == "docx"));
    let handled = handle_event(Some(&mut doc), &mut view, reply);
    assert!(handled.redraw);
    let m = view.message.clone().expect("said");
    assert_eq!(m.kind, MessageKind::Info);
    assert!(m.text.starts_with("Vedlegg skrevet: "), "{}", m.text);
    assert!(m.text.contains(".docx"), "{}", m.text);

    // A report folder that cannot be made: an error in the status line.
    std::fs::write(dir.join("blocker"), "x").unwrap();
    let blocked = Store::at(dir.join("blocker").join("variants"));
    let reply = disk::perform(Some(&blocked), op.clone());
    assert!(matches!(reply, Event::AnnexWritten(Err(_))), "{reply:?}");
    handle_event(Some(&mut doc), &mut view, reply);
    assert_eq!(view.message.as_ref().unwrap().kind, MessageKind::Error);
}

#[test]
fn the_a_key_writes_both_files_and_says_where() {
    use effekt::tui::{App, Screen};
    let dir = temp_dir("annex-key");
    let loaded = catalog::open("rekruttering").unwrap();
    let mut app = App::open(loaded.scenario, Lang::En, ThemeKind::Default, (80, 24))
        .with_store(Store::at(dir.join("variants")))
        .with_source(loaded.text);
    for screen in [Screen::Workshop, Screen::Budget] {
        app.update(Action::GoTo(screen));
        assert!(app.handle(Event::Key(effekt::tui::event::Key::ch('a'))));
        let m = app.view.message.clone().expect("said");
        assert_eq!(m.kind, MessageKind::Info, "{}", m.text);
        let listed = m.text.strip_prefix("Annex written: ").expect(&m.text);
        let (md, docx) = listed.split_once(" + ").expect(listed);
        assert!(
            std::fs::read_to_string(md)
                .unwrap()
                .starts_with("# Annex: payment mechanism")
        );
        assert!(std::fs::read(docx).unwrap().starts_with(b"PK"));
    }
}

#[test]
fn the_a_key_in_a_real_terminal() {
    use crate::common::{BIN, Tmux, tmux_or_skip};
    use std::time::Duration;
    if !tmux_or_skip() {
        return;
    }
    let long = Duration::from_secs(30);
    let tmux = Tmux::start("annex", 100, 30);
    tmux.keys(&[
        "-l",
        &format!("{BIN} sykefravaer --lang en; echo effekt-exit-$?"),
    ]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the workshop", long, |s| s.contains("Outcome payments"));
    tmux.keys(&["a"]);
    tmux.wait_for("the status line", long, |s| s.contains("Annex written"));
    tmux.keys(&["q"]);
    tmux.wait_for("the exit code", long, |s| s.contains("effekt-exit-0"));
    let mut files: Vec<String> = std::fs::read_dir(tmux.dir.join("reports"))
        .expect("the report folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].starts_with("sykefravaer-annex-") && files[0].ends_with(".docx"));
    assert!(files[1].ends_with(".md"), "{files:?}");
    let md = std::fs::read_to_string(tmux.dir.join("reports").join(&files[1])).unwrap();
    assert!(md.starts_with("# Annex: payment mechanism"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(60))]

    /// The schedule's maximum is one: at any effect, no period pays a
    /// site (or the contract) more than its maximum, nor more than the caps.
    #[test]
    fn no_period_pays_more_than_the_schedules_maximum(
        s in crate::sites::arb_pilot(),
        alpha in 0u32..=300,
    ) {
        let run = model::run(&s, Decimal::new(alpha.into(), 2));
        let check = |site: Option<usize>, paid: &[Decimal]| -> Result<(), proptest::test_runner::TestCaseError> {
            if let Some(max) = annex::maximum(&s, site) {
                for (t, (p, m)) in paid.iter().zip(&max).enumerate() {
                    proptest::prop_assert!(p <= m, "site {:?} period {}: {} > {}", site, t + 1, p, m);
                }
            }
            Ok(())
        };
        check(None, &run.outcome_payments)?;
        for (i, site) in run.sites.iter().enumerate().filter(|_| !s.sites.is_empty()) {
            check(Some(i), &site.outcome_payments)?;
        }
        // Every site's annex builds, with all seven elements per outcome.
        let loaded = Loaded { scenario: s.clone(), text: String::new(), origin: catalog::Origin::Bundled("") };
        for site in std::iter::once(None).chain((0..s.sites.len()).map(Some)) {
            let a = build(&loaded, Lang::Nb, site);
            proptest::prop_assert_eq!(tables_after(&a, annex_texts(Lang::Nb).checklist).len(), s.outcomes.len());
        }
    }
}
