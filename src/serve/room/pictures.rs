//! What a participant draws: a copy of the document made once per
//! change, and the pictures of it that views which see the same share.

use std::sync::Arc;

use ratatui::buffer::Buffer;

use crate::serve::lock;
use crate::tui::room::ParticipantId;
use crate::tui::view::Mode;
use crate::tui::{Document, View};

use super::Room;

/// Most pictures kept of one state of the document.
const PICTURES_MAX: usize = 16;

/// What a participant draws (see [`Room::snapshot`]).
pub struct Snapshot {
    pub doc: Option<Arc<Document>>,
    pub view: View,
    /// What the view shows, as far as the picture depends on it; `None`
    /// for pictures not shared.
    key: Option<String>,
    /// The picture, if someone who sees the same has drawn it.
    pub picture: Option<Arc<Buffer>>,
}

/// What a picture of the room's document depends on besides the document:
/// the whole view (size, language, theme, screen, dialog, message…),
/// except which participant it is, which only the participants overlay
/// shows (and whether one has the floor, which the header shows). So
/// followers at the same size, in the same language and theme share one
/// picture. `None` for pictures not shared: the picker (its entries are
/// large and one person's) and the participants overlay.
fn picture_key(view: &View) -> Option<String> {
    if view.picker.is_some() || matches!(view.mode, Mode::Participants(_)) {
        return None;
    }
    match &view.room {
        Some(s) if !s.you_steer() => {
            let mut shared = view.clone();
            if let Some(s) = shared.room.as_mut() {
                s.you = 0;
            }
            Some(format!("{shared:?}"))
        }
        _ => Some(format!("{view:?}")),
    }
}

/// A copy of a document for drawing: everything but the undo history and
/// the scenario's text, which no screen shows.
pub(super) fn copy_for_drawing(doc: &mut Document) -> Document {
    let undo = std::mem::take(&mut doc.undo);
    let redo = std::mem::take(&mut doc.redo);
    let text = std::mem::take(&mut doc.source_text);
    let copy = doc.clone();
    doc.undo = undo;
    doc.redo = redo;
    doc.source_text = text;
    copy
}

impl Room {
    /// drawn it already. `None` when it is not (or no longer) in the room.
    pub fn snapshot(&self, id: ParticipantId) -> Option<Snapshot> {
        let mut st = lock(&self.state);
        let view = st.members.iter().find(|m| m.id == id)?.view.clone();
        let doc = st.drawn();
        let key = doc.as_ref().and_then(|_| picture_key(&view));
        let picture = key.as_ref().and_then(|k| {
            st.pictures
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, p)| p.clone())
        });
        Some(Snapshot {
            doc,
            view,
            key,
            picture,
        })
    }

    /// Keeps the picture drawn of a snapshot for others who see the same
    /// (unless the document has changed since).
    pub fn keep(&self, snapshot: &Snapshot, picture: Arc<Buffer>) {
        let (Some(key), Some(doc)) = (&snapshot.key, &snapshot.doc) else {
            return;
        };
        let mut st = lock(&self.state);
        if st.drawn.as_ref().is_some_and(|d| Arc::ptr_eq(d, doc)) {
            if st.pictures.len() >= PICTURES_MAX {
                st.pictures.remove(0);
            }
            st.pictures.push((key.clone(), picture));
        }
    }
}
