//! `effekt annex` on the binary: Markdown on standard output, `-o` as
//! Markdown or `.docx`, `--site`, `--variant`, `--lang`, refused targets
//! and exit codes.

use super::{Temp, effekt, effekt_with_data};

const SITES: &str = "tests/fixtures/sites_example.toml";

#[test]
fn prints_markdown_in_either_language() {
    let nb = effekt(&["annex", "sykefravaer"]);
    assert_eq!(nb.code, 0, "{}", nb.stderr);
    assert!(nb.stdout.starts_with("# Vedlegg: betalingsmekanisme\n"));
    assert!(
        nb.stdout
            .contains("**2.6** Terskel: 8,5 % av avtalte dagsverk")
    );
    let en = effekt(&["annex", "rekruttering", "--lang", "en"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(en.stdout.starts_with("# Annex: payment mechanism\n"));
    assert!(
        en.stdout
            .contains("## 3. Outcome 2: Job kept for six months")
    );
}

#[test]
fn writes_markdown_or_docx_to_a_file() {
    let dir = Temp::new("annex-out");
    let md = dir.path().join("vedlegg.md");
    let out = effekt(&["annex", "sykefravaer", "-o", md.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("Vedlegg skrevet:"), "{}", out.stderr);
    let text = std::fs::read_to_string(&md).unwrap();
    assert_eq!(text, effekt(&["annex", "sykefravaer"]).stdout);

    let docx = dir.path().join("Vedlegg.DOCX");
    let out = effekt(&["annex", "sykefravaer", "-o", docx.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));
    // `--format docx` names the format whatever the file is called.
    let other = dir.path().join("vedlegg.bin");
    let out = effekt(&[
        "annex",
        "sykefravaer",
        "--format",
        "docx",
        "-o",
        other.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(std::fs::read(&other).unwrap().starts_with(b"PK"));
    // Through a symlink to a file: the file is replaced, the link stays.
    #[cfg(unix)]
    {
        let link = dir.path().join("lenke.docx");
        std::os::unix::fs::symlink(&docx, &link).unwrap();
        let out = effekt(&["annex", "rekruttering", "-o", link.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn a_docx_needs_a_file_and_targets_are_checked() {
    let out = effekt(&["annex", "sykefravaer", "--format", "docx"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("-o"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let dir = Temp::new("annex-targets");
    let missing = dir.path().join("finnes-ikke").join("v.docx");
    let out = effekt(&["annex", "sykefravaer", "-o", missing.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("finnes ikke") || out.stderr.contains("does not exist"),
        "{}",
        out.stderr
    );
    assert!(!missing.parent().unwrap().exists(), "no folder is made");
    let out = effekt(&["annex", "sykefravaer", "-o", dir.path().to_str().unwrap()]);
    assert_eq!(out.code, 1, "a folder is refused");
    let out = effekt(&["annex", "finnes_ikke"]);
    assert_eq!(out.code, 1);
}

#[test]
fn site_gives_one_municipalitys_agreement() {
    let out = effekt(&["annex", SITES, "--site", "strand"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Kommune: Strand (Strand kommune)"));
    assert!(
        out.stdout
            .contains("Resultatbetalingene for Strand er høyst 400 000 kr")
    );
    let out = effekt(&["annex", SITES, "--site", "oslo"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("aas, bydal, strand"), "{}", out.stderr);
    let out = effekt(&["annex", "sykefravaer", "--site", "oslo", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("storby, mellomby, tettsted, bygd"),
        "{}",
        out.stderr
    );
    let out = effekt(&["annex", "peterborough", "--site", "oslo", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("no [[sites]]"), "{}", out.stderr);
}

#[test]
fn variant_gives_its_terms() {
    let data = Temp::new("annex-variant");
    let saved = effekt_with_data(
        data.path(),
        &[
            "save",
            "sykefravaer",
            "Lavere pris",
            "--set",
            "price.absence=900",
        ],
    );
    assert_eq!(saved.code, 0, "{}", saved.stderr);
    let out = effekt_with_data(
        data.path(),
        &["annex", "sykefravaer", "--variant", "Lavere pris"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Variant: Lavere pris"));
    assert!(
        out.stdout.contains(
            "Pris: 900 kr [ENDRET I VARIANTEN «Lavere pris»] per unngått sykefraværsdagsverk"
        ),
        "{}",
        out.stdout
    );
    // An unchanged term keeps the scenario's own basis.
    assert!(
        out.stdout
            .contains("7,9 % av avtalte dagsverk [ANTAKELSE, MÅ BEKREFTES")
    );
    let out = effekt_with_data(
        data.path(),
        &["annex", "sykefravaer", "--variant", "Finnes ikke"],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("Lavere pris"),
        "lists the saved ones: {}",
        out.stderr
    );
}

#[test]
fn a_new_scenario_gets_an_annex_with_what_is_left_to_complete() {
    let dir = Temp::new("annex-new");
    for (name, extra) in [("tom.toml", None), ("fire.toml", Some("4"))] {
        let file = dir.path().join(name);
        let file = file.to_str().unwrap();
        let mut args = vec!["new", file];
        if let Some(n) = extra {
            // (The bundled pilots have their municipalities already.)
            args.extend(["--from", "tests/fixtures/worked_example.toml", "--sites", n]);
        }
        let made = effekt(&args);
        assert_eq!(made.code, 0, "{}", made.stderr);
        let out = effekt(&["annex", file]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stdout.contains("[MÅ FYLLES UT"), "{}", out.stdout);
        let docx = dir.path().join(format!("{name}.docx"));
        let out = effekt(&["annex", file, "-o", docx.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        if extra.is_some() {
            let out = effekt(&["annex", file, "--site", "kommune_4", "--lang", "en"]);
            assert_eq!(out.code, 0, "{}", out.stderr);
        }
    }
}
