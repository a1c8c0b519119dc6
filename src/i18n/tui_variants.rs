//! Texts of saved variants in the workshop (`src/tui/variants.rs`).

use crate::format::Lang;

/// Fixed texts of saved variants in the workshop (`src/tui/variants.rs`).
pub struct VariantTexts {
    pub list_title: &'static str,
    pub none_saved: &'static str,
    pub changed_levers: &'static str,
    pub notes: &'static str,
    pub scenario_changed: &'static str,
    pub compared: &'static str,
    pub skipped_files: &'static str,
    pub folder: &'static str,
    pub trash_title: &'static str,
    pub trash_empty: &'static str,
    pub deleted_on: &'static str,
    pub skipped_trash: &'static str,
    pub input_restore: &'static str,
    pub input_save: &'static str,
    pub input_rename: &'static str,
    pub input_duplicate: &'static str,
    pub input_note: &'static str,
    pub input_hint: &'static str,
    pub name_empty: &'static str,
    pub note_empty: &'static str,
    pub note_needs_variant: &'static str,
    pub no_store: &'static str,
    pub current_unsaved: &'static str,
    pub confirm_overwrite: &'static str,
    pub confirm_delete: &'static str,
    pub compare_title: &'static str,
    pub compare_terms: &'static str,
    pub compare_figures: &'static str,
    pub compare_risk: &'static str,
    /// A present value's rate when the compared columns differ in it.
    pub compare_rate_varies: &'static str,
    pub compare_chart: &'static str,
    pub compare_changed_note: &'static str,
    pub metric_payments: &'static str,
    pub metric_investor: &'static str,
    pub metric_payer: &'static str,
    pub base: &'static str,
}

pub static VARIANT_NB: VariantTexts = VariantTexts {
    list_title: "Varianter",
    none_saved: "Ingen lagrede varianter ennå. Lukk listen og trykk s for å lagre spakene som en variant.",
    changed_levers: "endret",
    notes: "notater",
    scenario_changed: "scenariofilen er endret siden lagring",
    compared: "i sammenligningen",
    skipped_files: "Filer som ikke kunne leses (hoppet over, ikke endret)",
    folder: "Mappe",
    trash_title: "Papirkurven: slettede varianter",
    trash_empty: "Papirkurven er tom. En variant du sletter havner her, og Enter gjenoppretter den.",
    deleted_on: "slettet",
    skipped_trash: "Filer i papirkurven som ikke kunne leses (latt i fred)",
    input_restore: "Gjenopprett som",
    input_save: "Lagre variant som",
    input_rename: "Nytt navn",
    input_duplicate: "Kopier til",
    input_note: "Notat",
    input_hint: "Enter lagrer · Esc avbryter",
    name_empty: "Skriv et navn på varianten",
    note_empty: "Skriv et notat, eller Esc for å avbryte",
    note_needs_variant: "Lagre eller åpne en variant først (s eller v); notater hører til en variant",
    no_store: "Ingen datamappe: sett EFFEKT_DATA_DIR til en mappe effekt kan skrive til",
    current_unsaved: "Nå (ikke lagret)",
    confirm_overwrite: "Erstatte den lagrede varianten",
    confirm_delete: "Slette varianten",
    compare_title: "Sammenlign",
    compare_terms: "Vilkår",
    compare_figures: "Nøkkeltall (endring mot grunnscenarioet)",
    compare_risk: "Risikodeling: hver parts resultat (sum) ved effekt",
    compare_rate_varies: "renten i vilkårene",
    compare_chart: "Kurver ved effekt 0–150 % av forventet",
    compare_changed_note: "* = ulik grunnscenario",
    metric_payments: "Resultatbetalinger (sum)",
    metric_investor: "Investor, netto (sum)",
    metric_payer: "Oppdragsgiver, nåverdi",
    base: "Grunnscenario",
};

pub static VARIANT_EN: VariantTexts = VariantTexts {
    list_title: "Variants",
    none_saved: "No saved variants yet. Close the list and press s to save the levers as a variant.",
    changed_levers: "changed",
    notes: "notes",
    scenario_changed: "the scenario file changed since it was saved",
    compared: "in the comparison",
    skipped_files: "Files that could not be read (skipped, not changed)",
    folder: "Folder",
    trash_title: "Trash: deleted variants",
    trash_empty: "The trash is empty. A variant you delete goes here, and Enter restores it.",
    deleted_on: "deleted",
    skipped_trash: "Files in the trash that could not be read (left alone)",
    input_restore: "Restore as",
    input_save: "Save variant as",
    input_rename: "New name",
    input_duplicate: "Copy to",
    input_note: "Note",
    input_hint: "Enter saves · Esc cancels",
    name_empty: "Type a name for the variant",
    note_empty: "Type a note, or Esc to cancel",
    note_needs_variant: "Save or open a variant first (s or v); notes belong to a variant",
    no_store: "No data folder: set EFFEKT_DATA_DIR to a folder effekt may write to",
    current_unsaved: "Now (not saved)",
    confirm_overwrite: "Replace the saved variant",
    confirm_delete: "Delete the variant",
    compare_title: "Compare",
    compare_terms: "Terms",
    compare_figures: "Key figures (change against the base)",
    compare_risk: "Risk sharing: each party's result (total) at effect",
    compare_rate_varies: "rate as in the terms",
    compare_chart: "Curves at effect 0–150% of expected",
    compare_changed_note: "* = differs from base",
    metric_payments: "Outcome payments (total)",
    metric_investor: "Investor, net (total)",
    metric_payer: "Outcome payer, NPV",
    base: "Base scenario",
};

/// The variant texts of a language.
pub fn variant(lang: Lang) -> &'static VariantTexts {
    match lang {
        Lang::Nb => &VARIANT_NB,
        Lang::En => &VARIANT_EN,
    }
}

/// Variant texts with names, paths and numbers in them.
pub mod variant_text {
    use crate::format::Lang;

    pub fn saved(lang: Lang, name: &str, path: &str) -> String {
        match lang {
            Lang::Nb => format!("Lagret «{name}» i {path}"),
            Lang::En => format!("Saved \"{name}\" in {path}"),
        }
    }

    pub fn opened(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("Åpnet «{name}» (u angrer)"),
            Lang::En => format!("Opened \"{name}\" (u undoes)"),
        }
    }

    pub fn opened_with(lang: Lang, name: &str, problems: &str) -> String {
        match lang {
            Lang::Nb => format!("Åpnet «{name}», men merk: {problems}"),
            Lang::En => format!("Opened \"{name}\", but note: {problems}"),
        }
    }

    pub fn renamed(lang: Lang, old: &str, new: &str) -> String {
        match lang {
            Lang::Nb => format!("«{old}» heter nå «{new}»"),
            Lang::En => format!("\"{old}\" is now \"{new}\""),
        }
    }

    pub fn duplicated(lang: Lang, old: &str, new: &str) -> String {
        match lang {
            Lang::Nb => format!("Kopierte «{old}» til «{new}»"),
            Lang::En => format!("Copied \"{old}\" to \"{new}\""),
        }
    }

    pub fn deleted(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("Slettet «{name}»: den ligger i papirkurven (Tab i listen)"),
            Lang::En => format!("Deleted \"{name}\": it is in the trash (Tab in the list)"),
        }
    }

    pub fn restored(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("Gjenopprettet «{name}»"),
            Lang::En => format!("Restored \"{name}\""),
        }
    }

    pub fn restored_as(lang: Lang, name: &str, new: &str) -> String {
        match lang {
            Lang::Nb => format!("Gjenopprettet «{name}» som «{new}»"),
            Lang::En => format!("Restored \"{name}\" as \"{new}\""),
        }
    }

    /// A deleted variant's name is taken meanwhile: asks for another.
    pub fn restore_taken(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!(
                "En lagret variant heter «{name}» nå: skriv et annet navn å gjenopprette under"
            ),
            Lang::En => {
                format!(
                    "A saved variant is called \"{name}\" now: type another name to restore it as"
                )
            }
        }
    }

    /// The deleted variant to restore is no longer in the trash.
    pub fn restore_gone(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!(
                "«{name}» er ikke lenger i papirkurven (gjenopprettet eller fjernet av noen andre)"
            ),
            Lang::En => format!(
                "\"{name}\" is no longer in the trash (restored or removed by someone else)"
            ),
        }
    }

    /// The name offered for a restored variant whose own is taken.
    pub fn restored_name(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} (gjenopprettet)"),
            Lang::En => format!("{name} (restored)"),
        }
    }

    /// The rule by which old trash goes.
    pub fn trash_rule(lang: Lang, days: u64, max: usize) -> String {
        match lang {
            Lang::Nb => format!(
                "Slettede varianter eldre enn {days} dager, og de utover de {max} nyeste, \
                 fjernes når noe lagres."
            ),
            Lang::En => format!(
                "Deleted variants older than {days} days, and those beyond the newest {max}, \
                 are removed when something is saved."
            ),
        }
    }

    pub fn noted(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("Notat lagret på «{name}»"),
            Lang::En => format!("Note saved on \"{name}\""),
        }
    }

    pub fn copy_name(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} (kopi)"),
            Lang::En => format!("{name} (copy)"),
        }
    }

    pub fn unsaved_of(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} (endret, ikke lagret)"),
            Lang::En => format!("{name} (changed, not saved)"),
        }
    }

    pub fn exported(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Nb => format!("Rapport skrevet: {path}"),
            Lang::En => format!("Report written: {path}"),
        }
    }

    pub fn compare_full(lang: Lang, max: usize) -> String {
        match lang {
            Lang::Nb => format!("Høyst {max} varianter i sammenligningen; ta ut en først"),
            Lang::En => format!("At most {max} variants in the comparison; remove one first"),
        }
    }

    pub fn skipped(lang: Lang, path: &str, reason: &str) -> String {
        match lang {
            Lang::Nb => format!("Hoppet over {path}: {reason}"),
            Lang::En => format!("Skipped {path}: {reason}"),
        }
    }

    /// A store error (its text names the path and what to do).
    pub fn store_error(lang: Lang, error: &str) -> String {
        match lang {
            Lang::Nb => format!("Kunne ikke lagre: {error}"),
            Lang::En => format!("Could not save: {error}"),
        }
    }
}
