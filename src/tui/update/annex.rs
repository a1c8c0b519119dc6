//! The contract annex (`a`): the payment mechanism of the levers as they
//! are now, as Markdown and `.docx` for the host to write into the report
//! folder (like `e`), and the status line that says where.

use std::path::PathBuf;

use super::say;
use crate::i18n::{self, variant_text};
use crate::report::annex::{self, Request};
use crate::tui::document::Document;
use crate::tui::effect::{Effect, StoreFailure, StoreOp};
use crate::tui::view::{MessageKind, View};

/// Builds the annex of the current levers and asks the host to write it.
/// The annex names the variant: the one open when the levers are as it
/// was saved, "unsaved" when they differ, none at the scenario's own.
pub(super) fn export(doc: &Document, view: &mut View, fx: &mut Vec<Effect>) {
    let lang = view.lang;
    let loaded = doc.loaded();
    let variant = if doc.current == doc.base {
        None
    } else {
        Some(match doc.variants.open.as_deref() {
            Some(name) if doc.current == doc.last_saved => name.to_string(),
            Some(name) => variant_text::unsaved_of(lang, name),
            None => i18n::variant(lang).current_unsaved.to_string(),
        })
    };
    let built = annex::build(&Request {
        lang,
        loaded: &loaded,
        scenario: &doc.current,
        variant: variant.as_deref(),
        // The municipality chosen with `f`, if any: its own agreement.
        site: view.site.filter(|&i| i < doc.current.sites.len()),
    });
    match annex::docx(&built) {
        Ok(docx) => fx.push(Effect::Store(StoreOp::ExportAnnex {
            scenario_id: doc.base.info.id.clone(),
            markdown: annex::markdown(&built),
            docx,
        })),
        Err(e) => say(view, MessageKind::Error, e.to_string()),
    }
}

/// The annex was written, or not: the status line says where, or why not.
pub(super) fn written(view: &mut View, result: Result<Vec<PathBuf>, StoreFailure>) -> bool {
    let lang = view.lang;
    match result {
        Ok(paths) => {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            say(
                view,
                MessageKind::Info,
                i18n::annex::written(lang, &names.join(" + ")),
            );
        }
        Err(e) => say(view, MessageKind::Error, e.text(lang)),
    }
    true
}
