//! The host's side of [`StoreOp`]: the one place in the TUI that reads and
//! writes files (through [`crate::store`]). Every operation answers with
//! the [`Event`] that update takes next; nothing here changes app state.

use std::fs;
use std::path::{Path, PathBuf};

use super::document::Document;
use super::effect::{StoreFailure, StoreOp, VariantEdit};
use super::event::Event;
use super::recovery::Recovery;
use super::variants::VariantsRead;
use crate::store::{self, Store};

/// Runs a store operation and returns the reply. Without a store (no data
/// folder) every operation fails with [`StoreFailure::NoStore`].
pub fn perform(store: Option<&Store>, op: StoreOp) -> Event {
    match op {
        StoreOp::List { scenario_id, then } => {
            let result = store.ok_or(StoreFailure::NoStore).map(|s| {
                let listing = s.list(&scenario_id);
                let trash = s.deleted(&scenario_id);
                VariantsRead {
                    variants: listing.variants.into_iter().map(|(_, v)| v).collect(),
                    problems: listing.problems,
                    folder: s.dir().display().to_string(),
                    deleted: trash.deleted,
                    deleted_problems: trash
                        .problems
                        .into_iter()
                        .map(|(p, why)| (p, why.to_string()))
                        .collect(),
                    trash_folder: s.trash_dir(&scenario_id).display().to_string(),
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
                    VariantEdit::Delete { name } => s.delete(id, name).map(drop),
                    VariantEdit::Note { name, text } => s.add_note(id, name, text).map(drop),
                    VariantEdit::Restore { id: entry, to, .. } => {
                        s.restore_entry(id, entry, to.as_deref()).map(drop)
                    }
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
        StoreOp::ExportAnnex {
            scenario_id,
            markdown,
            docx,
        } => Event::AnnexWritten(
            store
                .ok_or(StoreFailure::NoStore)
                .and_then(|s| write_annex(s, &scenario_id, &markdown, &docx)),
        ),
        StoreOp::FindRecovery { scenario_id } => Event::RecoveryFound {
            result: match store {
                // Without a data folder nothing was kept: nothing to offer.
                None => Ok(None),
                Some(s) => read_recovery(s, &scenario_id).map(|r| r.map(Box::new)),
            },
            scenario_id,
        },
        StoreOp::SaveRecovery { variant } => Event::RecoverySaved(
            store
                .ok_or(StoreFailure::NoStore)
                .and_then(|s| save_recovery(s, &variant)),
        ),
        StoreOp::NewScenario { file_name, text } => Event::ScenarioCreated {
            result: store
                .ok_or(StoreFailure::NoStore)
                .and_then(|s| new_scenario(s, &file_name, &text).map(|path| (path, text))),
            file_name,
        },
        StoreOp::DropRecovery { scenario_id, text } => {
            Event::RecoveryDropped(store.map_or(Ok(()), |s| drop_recovery(s, &scenario_id, &text)))
        }
    }
}

/// A folder of the data folder, beside the variant folder.
fn data_subdir(store: &Store, name: &str) -> PathBuf {
    store
        .dir()
        .parent()
        .map(|d| d.join(name))
        .unwrap_or_else(|| store.dir().join(name))
}

/// Writes a new scenario into `<data>/scenarios` (the folder `effekt list`
/// and the picker read), making the folder if it is missing; never over a
/// file that is there ([`crate::files::write_new`]).
fn new_scenario(store: &Store, file_name: &str, text: &str) -> Result<PathBuf, StoreFailure> {
    use crate::files::{FileError, write_new};
    let dir = data_subdir(store, "scenarios");
    let path = dir.join(file_name);
    let failed = |path: &Path, source: std::io::Error| {
        StoreFailure::from(store::StoreError::Write {
            path: path.to_path_buf(),
            source,
        })
    };
    fs::create_dir_all(&dir).map_err(|e| failed(&dir, e))?;
    match write_new(&path, text.as_bytes()) {
        Ok(()) => Ok(path),
        Err(FileError::Write(e)) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(StoreFailure::Exists(path.display().to_string()))
        }
        Err(FileError::Write(e)) => Err(failed(&path, e)),
        Err(other) => Err(failed(&path, std::io::Error::other(other.to_string()))),
    }
}

/// `<data>/reports/<scenario>-<time>.md`, beside the variant folder.
fn report_path(store: &Store, scenario_id: &str) -> PathBuf {
    report_file(store, scenario_id, "md")
}

/// `<data>/reports/<scenario id><kind>-<time>.<ext>`.
fn report_file(store: &Store, name: &str, ext: &str) -> PathBuf {
    let stamp = store::now().replace([':', '-'], "").replace('T', "-");
    let dir = data_subdir(store, "reports");
    dir.join(format!("{name}-{}.{ext}", stamp.trim_end_matches('Z')))
}

/// Writes the annex into the report folder (made if it is missing) as
/// `<id>-annex-<time>.md` and `.docx`, each whole or not at all.
fn write_annex(
    store: &Store,
    scenario_id: &str,
    markdown: &str,
    docx: &[u8],
) -> Result<Vec<PathBuf>, StoreFailure> {
    let name = format!("{scenario_id}-annex");
    let md = report_file(store, &name, "md");
    store::write_atomic(&md, markdown)?;
    let word = md.with_extension("docx");
    crate::files::write_atomic(&word, docx).map_err(|source| store::StoreError::Write {
        path: word.clone(),
        source,
    })?;
    Ok(vec![md, word])
}

/// Largest recovery file read (a real one is well under a kilobyte).
const RECOVERY_MAX_BYTES: u64 = 256 * 1024;

/// `<data>/recovery/<scenario id>.toml`: the id as it is when it is a
/// plain file name, else its safe characters and a hash of it, so two ids
/// never share a file.
pub fn recovery_path(store: &Store, scenario_id: &str) -> PathBuf {
    let safe: String = scenario_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        .take(60)
        .collect();
    let name = if safe == scenario_id && !safe.is_empty() {
        safe
    } else {
        let hash = store::scenario_hash(scenario_id);
        let short = hash.trim_start_matches("sha256:").get(..12).unwrap_or("");
        format!("{safe}-{short}")
    };
    data_subdir(store, "recovery").join(format!("{name}.toml"))
}

/// Keeps the document's unsaved levers for the next start (atomic write).
/// `Ok(None)` when nothing is unsaved; an error when there is no data
/// folder or it cannot be written.
pub fn write_recovery(
    store: Option<&Store>,
    doc: &Document,
) -> Result<Option<PathBuf>, StoreFailure> {
    if !doc.unsaved() {
        return Ok(None);
    }
    let store = store.ok_or(StoreFailure::NoStore)?;
    save_recovery(store, &doc.recovery_variant()).map(Some)
}

/// Writes `variant` as the scenario's recovery file (atomic write).
pub fn save_recovery(store: &Store, variant: &store::Variant) -> Result<PathBuf, StoreFailure> {
    let path = recovery_path(store, &variant.scenario_id);
    store::write_atomic(&path, &variant.to_toml())?;
    Ok(path)
}

/// Reads a regular file of at most `limit` bytes as text. Never opens
/// anything else (a FIFO would block, a device never end).
fn read_capped(path: &Path, limit: u64) -> Result<Option<String>, String> {
    let bytes = match crate::files::read_regular(path, limit) {
        Ok(bytes) => bytes,
        Err(crate::files::FileError::Read(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(e.to_string()),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| "not UTF-8 text".into())
}

/// The scenario's recovery file, if there is one. A file that cannot be
/// read is an error naming it, and is left alone.
pub fn read_recovery(store: &Store, scenario_id: &str) -> Result<Option<Recovery>, StoreFailure> {
    let path = recovery_path(store, scenario_id);
    let failed = |reason: String| {
        StoreFailure::from(store::StoreError::Read {
            path: path.clone(),
            reason,
        })
    };
    let Some(text) = read_capped(&path, RECOVERY_MAX_BYTES).map_err(failed)? else {
        return Ok(None);
    };
    let recovery = Recovery::parse(&text, chrono::Local::now()).map_err(failed)?;
    if recovery.variant.scenario_id != scenario_id {
        let other = &recovery.variant.scenario_id;
        return Err(failed(format!("belongs to scenario \"{other}\"")));
    }
    Ok(Some(recovery))
}

/// Removes the scenario's recovery file if it still holds `text`; one
/// written since by another run is kept.
pub fn drop_recovery(store: &Store, scenario_id: &str, text: &str) -> Result<(), StoreFailure> {
    let path = recovery_path(store, scenario_id);
    match read_capped(&path, RECOVERY_MAX_BYTES) {
        Ok(Some(now)) if now == text => fs::remove_file(&path).map_err(|e| {
            StoreFailure::from(store::StoreError::Write {
                path: path.clone(),
                source: e,
            })
        }),
        _ => Ok(()),
    }
}
