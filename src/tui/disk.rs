//! The host's side of [`StoreOp`]: the one place in the TUI that reads and
//! writes files (through [`crate::store`]). Every operation answers with
//! the [`Event`] that update takes next; nothing here changes app state.

use std::path::PathBuf;

use super::effect::{StoreFailure, StoreOp, VariantEdit};
use super::event::Event;
use super::variants::VariantsRead;
use crate::store::{self, Store};

/// Runs a store operation and returns the reply. Without a store (no data
/// folder) every operation fails with [`StoreFailure::NoStore`].
pub fn perform(store: Option<&Store>, op: StoreOp) -> Event {
    match op {
        StoreOp::List { scenario_id, then } => {
            let result = store.ok_or(StoreFailure::NoStore).map(|s| {
                let listing = s.list(&scenario_id);
                VariantsRead {
                    variants: listing.variants.into_iter().map(|(_, v)| v).collect(),
                    problems: listing.problems,
                    folder: s.dir().display().to_string(),
                }
            });
            Event::VariantsListed {
                scenario_id,
                then,
                result,
            }
        }
        StoreOp::Save { variant, overwrite } => Event::Saved {
            result: store
                .ok_or(StoreFailure::NoStore)
                .and_then(|s| Ok(s.save(&variant, overwrite)?)),
            name: variant.name,
        },
        StoreOp::Edit { scenario_id, edit } => {
            let id = scenario_id.as_str();
            let result = store.ok_or(StoreFailure::NoStore).and_then(|s| {
                match &edit {
                    VariantEdit::Rename { from, to } => s.rename(id, from, to).map(drop),
                    VariantEdit::Duplicate { from, to } => s.duplicate(id, from, to).map(drop),
                    VariantEdit::Delete { name } => s.delete(id, name),
                    VariantEdit::Note { name, text } => s.add_note(id, name, text).map(drop),
                }
                .map_err(StoreFailure::from)
            });
            Event::Edited { edit, result }
        }
        StoreOp::Export {
            scenario_id,
            markdown,
        } => Event::Exported(store.ok_or(StoreFailure::NoStore).and_then(|s| {
            let path = report_path(s, &scenario_id);
            store::write_atomic(&path, &markdown)?;
            Ok(path)
        })),
    }
}

/// `<data>/reports/<scenario>-<time>.md`, beside the variant folder.
fn report_path(store: &Store, scenario_id: &str) -> PathBuf {
    let stamp = store::now().replace([':', '-'], "").replace('T', "-");
    let dir = store
        .dir()
        .parent()
        .map(|d| d.join("reports"))
        .unwrap_or_else(|| store.dir().join("reports"));
    dir.join(format!("{scenario_id}-{}.md", stamp.trim_end_matches('Z')))
}
