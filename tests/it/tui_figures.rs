//! The figures tell the room the truth (issue 9 items 2–7): the budget
//! screen equals the model's budget, every figure names its basis, the
//! effect reads in the indicator's own terms, presentation mode's risk
//! table and its flags, explain in place from one glossary, KS's words,
//! and English that shows no bokmål name the scenario translates.

use std::str::FromStr;

use effekt::catalog;
use effekt::format::Lang;
use effekt::i18n::glossary::{self, Term};
use effekt::levers;
use effekt::model;
use effekt::tui::event::{Key, KeyCode, Mouse, MouseKind};
use effekt::tui::ui::budget::Line;
use effekt::tui::view::Mode;
use effekt::tui::{Action, App, Event, Screen, ThemeKind};
use rust_decimal::Decimal;

use crate::common::screen;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

use crate::common::{open_app as open, select_lever as select};

fn message(app: &App) -> String {
    app.view
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

// ------------------------------------------------------------ budget

/// The budget screen's rows are the model's budget rows (§8.2), outflows
/// with a minus, at the current effect and at 0 % and 150 %.
#[test]
fn budget_rows_on_screen_equal_the_model() {
    for b in catalog::BUNDLED {
        let s = catalog::load_bundled(&b).scenario;
        let mut app = App::open(s.clone(), Lang::Nb, ThemeKind::Default, (80, 24));
        app.update(Action::Step(-2));
        app.update(Action::GoTo(Screen::Budget));
        let doc = app.doc.as_ref().unwrap();
        let lines = effekt::tui::ui::budget::lines(doc, &app.view);
        let blocks: Vec<&[Line]> = lines
            .split(|l| matches!(l, Line::Heading(_)))
            .filter(|b| !b.is_empty())
            .collect();
        let now = doc.current.assumptions.achievement;
        let expected = [
            model::evaluate_at(&doc.current, now).budget,
            model::evaluate_at(&doc.current, Decimal::ZERO).budget,
            model::evaluate_at(&doc.current, d("1.5")).budget,
        ];
        assert_eq!(blocks.len(), 3, "{}", s.info.id);
        for (block, budget) in blocks.iter().zip(&expected) {
            for line in block.iter() {
                let Line::Item {
                    term,
                    values,
                    total,
                } = line
                else {
                    unreachable!("headings split the blocks");
                };
                let want: Vec<Decimal> = budget
                    .years
                    .iter()
                    .map(|y| match term {
                        Term::Fees => -y.fees,
                        Term::BudgetOutcomePayments => -y.outcome_payments,
                        Term::Refunds => y.refunds,
                        Term::CashSavings => y.cash_savings,
                        Term::Costs => -y.costs,
                        Term::BudgetYearNet => y.net,
                        other => panic!("unexpected row {other:?}"),
                    })
                    .collect();
                assert_eq!(values, &want, "{} {term:?}", s.info.id);
                assert_eq!(*total, want.iter().sum::<Decimal>());
            }
            // Each year's items sum to its net, and the nets to the
            // budget net.
            let net = block
                .iter()
                .find_map(|l| match l {
                    Line::Item {
                        term: Term::BudgetYearNet,
                        total,
                        ..
                    } => Some(*total),
                    _ => None,
                })
                .expect("a net row");
            assert_eq!(net, budget.net, "{}", s.info.id);
        }
    }
}

/// The budget is dated by `timeline.start_year`, numbered without one,
/// and the screen is key 7, in the tab cycle after 6.
#[test]
fn budget_years_are_dated_and_the_screen_is_key_7() {
    let mut app = open("sykefravaer", Lang::Nb, (160, 45));
    app.handle(Event::Key(Key::ch('7')));
    assert_eq!(app.view.screen, Screen::Budget);
    assert_eq!(Screen::Budget.number(), 7);
    let text = screen(&app);
    for year in ["2027", "2028", "2029", "2030"] {
        assert!(text.contains(year), "{year} in\n{text}");
    }
    assert!(text.contains("Høyeste mulige forpliktelse"), "{text}");
    // 20 mill. cap, 20 % cofunded (16 mill.), plus 8 × 480 000 in service
    // fees and 1,75 mill. for evaluation and data: 21,59 mill.
    assert!(text.contains("21,6 mill. kr"), "{text}");

    let mut s = catalog::open("sykefravaer").unwrap().scenario;
    s.timeline.start_year = None;
    let mut app = App::open(s, Lang::En, ThemeKind::Default, (160, 45));
    app.update(Action::GoTo(Screen::Budget));
    let text = screen(&app);
    assert!(text.contains("year 1") && text.contains("year 4"), "{text}");
    assert!(!text.contains("2027"), "{text}");
}

/// Without a cap the budget screen says there is no upper bound instead
/// of a maximum commitment.
#[test]
fn no_cap_is_said_as_a_warning() {
    let mut app = open("finland_tyhy", Lang::Nb, (80, 24));
    app.update(Action::GoTo(Screen::Budget));
    let text = screen(&app);
    assert!(
        text.contains("⚠ Ingen tak: oppdragsgiverens forpliktelse har ingen øvre grense"),
        "{text}"
    );
}

// ------------------------------------------------------------ bases

/// Key figures sit under headings that name their basis, and the present
/// values' heading follows the discount rate; rates change in
/// percentage points.
#[test]
fn every_key_figure_names_its_basis() {
    let mut app = open("sykefravaer", Lang::Nb, (160, 45));
    let text = screen(&app);
    for heading in [
        "Sum over kontrakten",
        "Nåverdi (4 %)",
        "Balansepunkt (effekt)",
    ] {
        assert!(text.contains(heading), "{heading} in\n{text}");
    }
    assert!(text.contains("Oppdragsgiver, budsjettnetto"), "{text}");
    select(&mut app, "discount_rate");
    app.update(Action::Step(1));
    let text = screen(&app);
    assert!(text.contains("Nåverdi (4,5 %)"), "{text}");
    assert!(text.contains("Oppdragsgiver (nåverdi 4,5 %)"), "{text}");

    // A change of the IRR is in percentage points.
    select(&mut app, "achievement");
    app.update(Action::Step(-4));
    let text = screen(&app);
    let irr = text
        .lines()
        .find(|l| l.contains("Investor, internrente"))
        .expect("the IRR row");
    assert!(irr.contains("%-poeng"), "{irr}");
    let mut app = open("sykefravaer", Lang::En, (160, 45));
    app.update(Action::Step(-4));
    let text = screen(&app);
    let irr = text.lines().find(|l| l.contains("Investor IRR")).unwrap();
    assert!(irr.contains(" pp"), "{irr}");
}

// ------------------------------------------------------------ effect

/// The effect lever reads in the indicator's own terms: the level
/// reached, the units a year, and that lower is better.
#[test]
fn the_effect_reads_in_the_indicators_terms() {
    let s = catalog::open("sykefravaer").unwrap().scenario;
    let o = &s.outcomes[0];
    // α = 0.9 over the four municipalities: their FTE-weighted baseline
    // 8,9125 − 0,9·1,0 = 8,0125 %; 0,9·1,0·2 400·2,25 = 4 860 days.
    let e = model::effect(&s, o, d("0.9"));
    assert_eq!(e.level, d("8.0125"));
    assert_eq!(e.units_per_year, d("4860"));
    assert_eq!(
        effekt::i18n::effect_level(Lang::Nb, o, &e),
        "Legemeldt sykefravær 8,9 % → 8,0 % (lavere er bedre)"
    );
    assert_eq!(
        effekt::i18n::effect_units(Lang::Nb, o, &e),
        "≈ 4 900 færre sykefraværsdagsverk i året"
    );
    assert_eq!(
        effekt::i18n::effect_units(Lang::En, o, &e),
        "≈ 4,900 fewer sickness-absence days a year"
    );
    // Higher is better: no "lower is better", and "more".
    let s = catalog::open("rekruttering").unwrap().scenario;
    let o = &s.outcomes[0];
    let e = model::effect(&s, o, Decimal::ONE);
    let level = effekt::i18n::effect_level(Lang::En, o, &e);
    assert_eq!(level, "Job start 20% → 40%");
    assert!(effekt::i18n::effect_units(Lang::Nb, o, &e).contains("flere jobbstarter i året"));

    // Beside the effect lever on the workshop, and in presentation mode.
    let mut app = open("sykefravaer", Lang::Nb, (160, 45));
    app.update(Action::Step(-2));
    let text = screen(&app);
    assert!(
        text.contains("≈ 4 900 færre sykefraværsdagsverk i året"),
        "{text}"
    );
    app.update(Action::TogglePresentation);
    let text = screen(&app);
    assert!(text.contains("8,9 % → 8,0 % (lavere er bedre)"), "{text}");
}

/// The effect lever's full label where there is room, its short one in
/// narrow panels (never the full label cut).
#[test]
fn levers_have_short_labels_for_narrow_panels() {
    let app = open("sykefravaer", Lang::Nb, (80, 24));
    let text = screen(&app);
    assert!(!text.contains("Effekt, andel av …"), "{text}");
    assert!(text.contains("▶  Effekt "), "{text}");
    let app = open("sykefravaer", Lang::Nb, (160, 45));
    assert!(screen(&app).contains("Effekt, andel av forventet"));
}

/// The payoff chart marks the threshold, the target and the expected
/// effect where they are, α = HI/EI, TI/EI and 1.
#[test]
fn the_payoff_chart_marks_target_threshold_and_expected() {
    let app = open("sykefravaer", Lang::Nb, (160, 45));
    let text = screen(&app);
    // Threshold 8,5: 0,4/1,0 = 40 %; the target is the expected level.
    assert!(text.contains("│ terskel 40 %"), "{text}");
    assert!(text.contains("┃ mål = forventet 100 %"), "{text}");
    // Expect more than the target (7,4 from 8,9): the target (7,9) is
    // reached at 1,0/1,5 = 67 % of the expected effect, the threshold at
    // 0,4/1,5 = 27 %.
    let mut s = catalog::open("sykefravaer").unwrap().scenario;
    s.outcomes[0].expected = d("7.4");
    let app = App::open(s, Lang::Nb, ThemeKind::Default, (160, 45));
    let text = screen(&app);
    assert!(text.contains("│ terskel 27 %"), "{text}");
    assert!(text.contains("┃ mål 67 %"), "{text}");
    assert!(text.contains("║ forventet 100 %"), "{text}");
}

// ------------------------------------------------------------ presentation

/// Tab in presentation mode shows the risk table, with each party's
/// result now and the flags where they hold.
#[test]
fn presentation_carries_the_risk_table_with_flags() {
    let mut app = open("sykefravaer", Lang::Nb, (160, 45));
    app.update(Action::TogglePresentation);
    app.handle(Event::Key(Key::plain(KeyCode::Tab)));
    assert!(app.view.presentation_table);
    let text = screen(&app);
    assert!(text.contains("nå 100 %"), "{text}");
    // At 0 % and 50 % the investor loses and the guarantee pays; the cap
    // of 20 mill. is reached at 150 %.
    assert!(text.contains("⚠ garanti utløst: 0 %, 50 %"), "{text}");
    assert!(text.contains("⚠ investor taper: 0 %, 50 %"), "{text}");
    assert!(text.contains("⚠ tak nådd: 150 %"), "{text}");
    // The arrows still steer: at 150 % now the cap is reached now too.
    app.update(Action::Step(10));
    let text = screen(&app);
    assert!(text.contains("⚠ tak nådd: 150 %, nå 150 %"), "{text}");
    app.update(Action::PresentationPage);
    assert!(!app.view.presentation_table);

    let mut app = open("sykefravaer", Lang::En, (80, 24));
    app.update(Action::TogglePresentation);
    app.update(Action::PresentationPage);
    let text = screen(&app);
    assert!(text.contains("⚠ investor loses: 0%, 50%"), "{text}");
}

// ------------------------------------------------------------ explain

/// Every lever of every bundled scenario, every key figure, budget row,
/// flag and party has a name, a short name and a one- or two-line
/// definition in both languages, in KS's words.
#[test]
fn the_glossary_covers_every_lever_and_figure() {
    let mut terms: Vec<Term> = Term::ALL.to_vec();
    for b in catalog::BUNDLED {
        let s = catalog::load_bundled(&b).scenario;
        for l in levers::available(&s) {
            terms.push(Term::lever(l.target));
        }
        let mut app = App::open(s.clone(), Lang::Nb, ThemeKind::Default, (160, 45));
        for screen in [Screen::Workshop, Screen::Risk, Screen::Budget] {
            app.update(Action::GoTo(screen));
            let doc = app.doc.as_ref().unwrap();
            terms.extend(effekt::tui::ui::explainable(doc, &app.view));
        }
        app.update(Action::TogglePresentation);
        terms.extend(effekt::tui::ui::explainable(
            app.doc.as_ref().unwrap(),
            &app.view,
        ));
    }
    for term in terms {
        for lang in [Lang::Nb, Lang::En] {
            let w = glossary::words(lang, term);
            assert!(
                !w.name.is_empty() && !w.short.is_empty(),
                "{term:?} {lang:?}"
            );
            assert!(w.short.chars().count() <= 18, "{term:?}: {}", w.short);
            // One or two lines of an 80-column status bar.
            let n = w.definition.chars().count();
            assert!((20..=156).contains(&n), "{term:?} {lang:?}: {n} characters");
        }
        let nb = glossary::words(Lang::Nb, term);
        for avoided in ["utfallsbetaling", "dødvekt", "måloppnåelse"] {
            let text = format!("{} {}", nb.name, nb.definition).to_lowercase();
            assert!(!text.contains(avoided), "{term:?}: {avoided}");
        }
    }
    // KS's words for the terms the pilots argue about.
    let nb = |t| glossary::name(Lang::Nb, t);
    let en = |t| glossary::name(Lang::En, t);
    assert_eq!(nb(Term::GuaranteedShare), "Fast grunnbetaling");
    assert_eq!(nb(Term::FeeAtRisk), "Resultatavhengig honorar");
    assert_eq!(nb(Term::FirstLoss), "Førstetapsgaranti");
    assert_eq!(nb(Term::Payer), "Oppdragsgiver");
    assert_eq!(nb(Term::OutcomePayments), "Resultatbetalinger");
    assert_eq!(nb(Term::Intermediary), "Tilrettelegger");
    assert_eq!(en(Term::GuaranteedShare), "Service fee");
    assert_eq!(en(Term::FeeAtRisk), "Provider fee at risk");
    assert_eq!(en(Term::Payer), "Outcome payer");
}

/// `i` points at the figures in turn and says what each is; `?` then
/// starts with it; moving to a lever lets go, and `?` explains the lever.
#[test]
fn explain_in_place() {
    let mut app = open("sykefravaer", Lang::Nb, (160, 45));
    app.handle(Event::Key(Key::ch('i')));
    assert_eq!(app.view.pointed, Some(Term::OutcomePayments));
    assert_eq!(
        message(&app),
        glossary::explained(Lang::Nb, Term::OutcomePayments)
    );
    app.handle(Event::Key(Key::ch('i')));
    assert_eq!(app.view.pointed, Some(Term::PayerPart));
    app.handle(Event::Key(Key::ch('I')));
    assert_eq!(app.view.pointed, Some(Term::OutcomePayments));
    assert!(screen(&app).contains("▶  Resultatbetalinger"));

    app.update(Action::ToggleHelp);
    assert_eq!(app.view.mode, Mode::Help);
    let help = effekt::tui::ui::help::entries(app.doc.as_ref(), &app.view);
    assert_eq!(help[0].1, "Resultatbetalinger");
    assert!(
        help[1]
            .1
            .starts_with("Det oppdragsgiveren og medfinansiøren betaler"),
        "{help:?}"
    );
    app.update(Action::ToggleHelp);

    // Esc lets go of the figure first (and quits nothing).
    app.update(Action::Back);
    assert_eq!(app.view.pointed, None);
    assert!(!app.quit);

    // `?` on a lever explains the lever.
    select(&mut app, "guaranteed_share");
    app.update(Action::ToggleHelp);
    let help = effekt::tui::ui::help::entries(app.doc.as_ref(), &app.view);
    assert_eq!(help[0].1, "Fast grunnbetaling");
    let definition: Vec<&str> = help[1..3].iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        definition.join(" "),
        glossary::definition(Lang::Nb, Term::GuaranteedShare)
    );
    app.update(Action::ToggleHelp);

    // A click on a key figure points at it.
    let text = screen(&app);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Offentlig sektor, nåverdi"))
        .expect("the public NPV row");
    let column = line.find("Offentlig").unwrap();
    let column = line[..column].chars().count() as u16;
    app.handle(Event::Mouse(Mouse {
        kind: MouseKind::Click,
        column,
        row: row as u16,
    }));
    assert_eq!(app.view.pointed, Some(Term::PublicNpv), "{}", message(&app));

    // The budget screen's rows can be pointed at too.
    app.update(Action::GoTo(Screen::Budget));
    assert_eq!(app.view.pointed, None);
    app.handle(Event::Key(Key::ch('i')));
    assert_eq!(app.view.pointed, Some(Term::MaxCommitment));
}

// ------------------------------------------------------------ English

/// English shows no bokmål name a scenario translates: title, party
/// names, outcome names and units, on every screen and in presentation.
#[test]
fn english_shows_no_bokmal_names_the_scenario_translates() {
    for b in catalog::BUNDLED {
        let s = catalog::load_bundled(&b).scenario;
        if s.info.language != "nb" {
            continue;
        }
        // Names; and party names, which are also words of the scenario's
        // own bokmål notes (shown as written on screen 5 and in reports).
        let mut forbidden: Vec<String> = Vec::new();
        let mut parties: Vec<String> = Vec::new();
        if s.info.title_en.is_some() {
            forbidden.push(s.info.title.clone());
        }
        for o in &s.outcomes {
            if o.en.name.is_some() {
                forbidden.push(o.name.clone());
            }
            if o.en.indicator_unit.is_some() {
                forbidden.push(o.indicator_unit.clone());
            }
        }
        for (role, _) in &s.parties.en {
            let written = match role.as_str() {
                "payer" => Some(&s.parties.payer),
                "investor" => Some(&s.parties.investor),
                "provider" => Some(&s.parties.provider),
                "public_other" => Some(&s.parties.public_other),
                "cofunder" => s.parties.cofunder.as_ref(),
                _ => s.parties.guarantor.as_ref(),
            };
            parties.extend(written.cloned());
        }
        assert!(!forbidden.is_empty(), "{} has English names", s.info.id);
        for size in [(80, 24), (160, 45)] {
            let mut app = App::open(s.clone(), Lang::En, ThemeKind::Default, size);
            let mut frames = Vec::new();
            for screen_ in Screen::ALL {
                app.update(Action::GoTo(screen_));
                frames.push(screen(&app));
            }
            for frame in &frames[..4] {
                for name in &parties {
                    assert!(!frame.contains(name.as_str()), "{name:?}:\n{frame}");
                }
            }
            app.update(Action::GoTo(Screen::Workshop));
            app.update(Action::ToggleHelp);
            frames.push(screen(&app));
            app.update(Action::ToggleHelp);
            app.update(Action::TogglePresentation);
            frames.push(screen(&app));
            app.update(Action::PresentationPage);
            frames.push(screen(&app));
            for frame in &frames {
                for name in &forbidden {
                    // Not even cut short (`Jobb behol…`).
                    let head: String = name.chars().take(8).collect();
                    assert!(
                        !frame.contains(name.as_str()) && !frame.contains(&format!("{head}…")),
                        "{} {size:?}: {name:?} in English:\n{frame}",
                        s.info.id
                    );
                }
            }
        }
        // Reports and `calc` in English too.
        let loaded = catalog::open(&s.info.id).unwrap();
        let cols = effekt::report::columns(&loaded, &[]);
        let md = effekt::report::markdown(Lang::En, &loaded, &cols);
        // The scenario's own notes are shown as written (in bokmål).
        let md = md.split("## Assumptions").next().unwrap_or_default();
        let calc = effekt::report::summary(Lang::En, &s, &model::figures(&s));
        for name in &forbidden {
            assert!(!md.contains(name.as_str()), "{name} in the report");
            assert!(!calc.contains(name.as_str()), "{name} in calc");
        }
        for (_, name) in &s.parties.en {
            assert!(md.contains(&format!("| {name} |")), "{name} in\n{md}");
        }
    }
}

// ------------------------------------------------------------ reports

/// `effekt report` carries the same budget: Markdown (dated years, the
/// three effects, the maximum commitment), CSV (each year's items sum to
/// its net; the nets to the budget net) and JSON.
#[test]
fn reports_carry_the_budget() {
    let loaded = catalog::open("sykefravaer").unwrap();
    let cols = effekt::report::columns(&loaded, &[]);
    let md = effekt::report::markdown(Lang::Nb, &loaded, &cols);
    let section = md
        .split("## Oppdragsgiverens budsjett")
        .nth(1)
        .expect("a budget section")
        .split("\n## ")
        .next()
        .unwrap();
    for text in [
        "| 2027 | 2028 | 2029 | 2030 | Sum |",
        "**Ved effekt 100 % av forventet (nå)**",
        "**Ved effekt 0 % av forventet**",
        "**Ved effekt 150 % av forventet**",
        "- Høyeste mulige forpliktelse: 21 590 000 kr",
        "| Fast grunnbetaling | −960 000 | −960 000 | −960 000 | −960 000 | −3 840 000 |",
    ] {
        assert!(section.contains(text), "{text} in\n{section}");
    }
    // Key figures name their basis.
    assert!(md.contains("| Resultatbetalinger, sum |"), "{md}");
    assert!(md.contains("| Oppdragsgiver, nåverdi (4 %) |"), "{md}");

    let csv = effekt::report::csv(Lang::Nb, &cols);
    let e = &cols[0].figures.evaluation;
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .map(|l| l.split(',').collect())
        .filter(|r: &Vec<&str>| r[1] == "budget_now")
        .collect();
    assert_eq!(
        rows.len(),
        4 * 6,
        "four years, six items with the payer's costs"
    );
    for y in &e.budget.years {
        let year = y.year.to_string();
        let of_year = |item: &str| -> Decimal {
            rows.iter()
                .find(|r| r[2] == item && r[3] == year)
                .map(|r| d(r[4]))
                .expect(item)
        };
        let items: Decimal = [
            "fees",
            "outcome_payments",
            "refunds",
            "cash_savings",
            "costs",
        ]
        .iter()
        .map(|i| of_year(i))
        .sum();
        assert_eq!(items, of_year("net"));
        assert_eq!(of_year("net"), y.net);
        assert_eq!(of_year("fees"), -y.fees);
    }
    assert!(
        csv.contains("base,figure,max_commitment,,21590000"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("base,budget_1.5,net,2030,"))
    );

    let json = effekt::report::json(Lang::Nb, &loaded, &cols);
    let budget = &json["columns"][0]["budget"];
    assert_eq!(budget["max_commitment"], "21590000");
    assert_eq!(budget["at"].as_array().unwrap().len(), 3);
    assert_eq!(budget["at"][1]["achievement"], "0");
    // Service fees 3,84 mill. and evaluation and data 1,75 mill.
    assert_eq!(budget["at"][1]["net"], "-5590000");

    // `effekt calc` prints it too.
    let s = &loaded.scenario;
    let calc = effekt::report::summary(Lang::En, s, &model::figures(s));
    assert!(calc.contains("The outcome payer's budget"), "{calc}");
    assert!(calc.contains("At effect 150% of expected"), "{calc}");
    assert!(calc.contains("Maximum commitment"), "{calc}");
}
