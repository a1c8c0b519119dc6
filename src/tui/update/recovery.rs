//! Update of the recovery offer: unsaved levers an earlier run left
//! (`src/tui/recovery.rs`) are offered when their scenario opens; yes
//! applies them as one change that `u` undoes, no removes the file, Esc
//! leaves it for the next start.

use super::say;
use crate::i18n::tui_text;
use crate::store;
use crate::tui::document::Document;
use crate::tui::effect::{Effect, StoreFailure, StoreOp};
use crate::tui::recovery::Recovery;
use crate::tui::view::{Answer, Confirm, MessageKind, Mode, View};

/// The store read the scenario's recovery file. Returns whether anything
/// may show.
pub(super) fn found(
    doc: &mut Document,
    view: &mut View,
    scenario_id: &str,
    result: Result<Option<Box<Recovery>>, StoreFailure>,
    fx: &mut Vec<Effect>,
) -> bool {
    if scenario_id != doc.base.info.id {
        return false;
    }
    match result {
        Ok(None) => false,
        Err(e) => {
            let text = tui_text::recovery_unreadable(view.lang, &e.text(view.lang));
            say(view, MessageKind::Warning, text);
            true
        }
        Ok(Some(found)) => {
            if store::apply(&found.variant, &doc.loaded()).scenario == doc.current {
                // Nothing in it differs from what is open: nothing to offer.
                drop_file(doc, found.text, fx);
                return false;
            }
            view.mode = Mode::Confirm(Confirm::Restore(found));
            true
        }
    }
}

fn drop_file(doc: &Document, text: String, fx: &mut Vec<Effect>) {
    fx.push(Effect::Store(StoreOp::DropRecovery {
        scenario_id: doc.base.info.id.clone(),
        text,
    }));
}

/// The answer to the offer.
pub(super) fn answer(
    doc: &mut Document,
    view: &mut View,
    found: Recovery,
    answer: Answer,
    fx: &mut Vec<Effect>,
) {
    let lang = view.lang;
    let when = found.when(lang);
    match answer {
        Answer::Yes => {
            let applied = store::apply(&found.variant, &doc.loaded());
            if applied.scenario != doc.current {
                doc.apply(applied.scenario.clone());
            }
            let name = &found.variant.name;
            if !name.is_empty() {
                doc.variants.open = Some(name.clone());
            }
            // The file stays until the changes are saved or given up.
            doc.recovered_from = Some(found.text);
            doc.touch();
            let problems = applied.problems();
            if problems.is_empty() {
                say(
                    view,
                    MessageKind::Info,
                    tui_text::restored(lang, &when, None),
                );
            } else {
                let text = tui_text::restored(lang, &when, Some(&problems.join("; ")));
                say(view, MessageKind::Warning, text);
            }
        }
        Answer::No => {
            drop_file(doc, found.text, fx);
            say(
                view,
                MessageKind::Info,
                tui_text::recovery_dropped(lang, &when),
            );
        }
        Answer::Cancel | Answer::SaveFirst => {
            say(
                view,
                MessageKind::Info,
                tui_text::recovery_later(lang, &when),
            );
        }
    }
}
