//! `effekt report FILE --site ID`: a municipality's business case from the
//! real binary — both formats and languages, a file, the levers of a
//! variant, and what is refused with which exit code.

use super::{Temp, effekt, effekt_with_data};

const SITES: &str = "tests/fixtures/sites_example.toml";

#[test]
fn site_report_in_markdown_and_csv() {
    let out = effekt(&["report", SITES, "--site", "bydal"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("# Bydal kommune: beslutningsgrunnlag")
    );
    assert!(out.stdout.contains("**1 590 000 kr**"), "{}", out.stdout);
    let out = effekt(&["report", SITES, "--site", "strand", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("The municipality's own cap: NOK 400,000")
    );
    let out = effekt(&["report", SITES, "--site", "aas", "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("site,section,item,label,period,value\n")
    );
    assert!(out.stdout.lines().skip(1).all(|l| l.starts_with("aas,")));
}

#[test]
fn site_report_to_a_file_says_where() {
    let dir = Temp::new("site-report");
    let path = dir.path().join("bydal.md");
    let p = path.display().to_string();
    let out = effekt(&["report", SITES, "--site", "bydal", "-o", &p]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains(&p), "{}", out.stderr);
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("# Bydal kommune"));
}

#[test]
fn site_report_with_a_variant_uses_its_levers() {
    let data = Temp::new("site-variant");
    let out = effekt_with_data(
        data.path(),
        &["save", SITES, "Ingen i Strand", "--set", "effect.strand=0"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = effekt_with_data(
        data.path(),
        &[
            "report",
            SITES,
            "--site",
            "strand",
            "--variant",
            "Ingen i Strand",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("variant «Ingen i Strand»"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Resultatbetalinger for kommunen | 0 | 0 | 0 | 0 |"),
        "{}",
        out.stdout
    );
    // A variant that is not saved: the usual error, exit 1.
    let out = effekt_with_data(
        data.path(),
        &["report", SITES, "--site", "strand", "--variant", "Nei"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn site_report_refusals_and_exit_codes() {
    // A typo: did you mean, exit 1.
    let out = effekt(&["report", SITES, "--site", "bydl"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("ukjent kommune `bydl`; mente du `bydal`?"),
        "{}",
        out.stderr
    );
    let out = effekt(&["report", SITES, "--site", "oslo", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("unknown municipality `oslo`; the municipalities are: aas, bydal, strand"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
    // A scenario without sites.
    let out = effekt(&["report", super::WORKED, "--site", "aas", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("has no municipalities"),
        "{}",
        out.stderr
    );
    // JSON and two variants are not what --site writes: exit 2.
    let out = effekt(&["report", SITES, "--site", "aas", "--format", "json"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let out = effekt(&[
        "report",
        SITES,
        "--site",
        "aas",
        "--variant",
        "a",
        "--variant",
        "b",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    // --site needs an id.
    let out = effekt(&["report", SITES, "--site"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}
