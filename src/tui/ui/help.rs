//! The `?` overlay, generated from the key map: every binding of the
//! contexts that can apply, with its keys and what it does.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::text::{left, truncate, width};
use crate::i18n;
use crate::tui::keymap::{Context, KEYMAP, keys_text};
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// (keys, text, is heading) lines of the help.
pub fn entries(document: bool, view: &View) -> Vec<(String, String, bool)> {
    let t = i18n::tui(view.lang);
    // The keys that work now, in the help's order (the variant list shows
    // its own keys).
    let active = view.contexts(document);
    let order = [
        Context::Levers,
        Context::Uncertainty,
        Context::Screens,
        Context::Present,
        Context::Scroll,
        Context::Compare,
        Context::Picker,
        Context::General,
    ];
    let contexts: Vec<Context> = order.into_iter().filter(|c| active.contains(c)).collect();
    let mut out = Vec::new();
    for ctx in &contexts {
        // Presentation's one key goes with the screens.
        if *ctx != Context::Present {
            out.push((String::new(), ctx.title()(t).to_string(), true));
        }
        for b in KEYMAP.iter().filter(|b| b.context == *ctx) {
            if let Some(help) = b.help {
                out.push((keys_text(b), help(t).to_string(), false));
            }
        }
    }
    if document {
        out.push((String::new(), t.help_mouse.to_string(), true));
        out.push((String::new(), t.changed_mark_note.to_string(), true));
    }
    out
}

pub fn render(document: bool, view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let t = i18n::tui(view.lang);
    let entries = entries(document, view);
    let keys_w = entries.iter().map(|(k, _, _)| width(k)).max().unwrap_or(0);
    let text_w = entries.iter().map(|(_, s, _)| width(s)).max().unwrap_or(0);
    let col_w = keys_w + 2 + text_w;
    let max_h = area.height.saturating_sub(2) as usize;
    let rows = entries.len() + 2;
    let two = rows > max_h.saturating_sub(2) && area.width as usize >= 2 * (keys_w + 24) + 7;
    // Two columns split at the heading nearest the middle.
    let per_col = if two {
        let half = entries.len().div_ceil(2);
        (1..entries.len())
            .filter(|i| entries[*i].2)
            .min_by_key(|i| i.abs_diff(half))
            .unwrap_or(half)
            .max(entries.len() - entries.len() / 2 - 3)
    } else {
        entries.len()
    };
    let cols = if two { 2 } else { 1 };
    let want_w = cols * col_w + (cols - 1) * 2 + 4;
    let col_rows = per_col.max(entries.len() - per_col.min(entries.len()));
    // On small terminals the help takes the whole screen.
    let (w, h) = if area.width < 100 {
        (area.width, area.height)
    } else {
        (
            (want_w as u16).min(area.width.saturating_sub(2)),
            ((col_rows + 4) as u16).min(area.height.saturating_sub(1)),
        )
    };
    let r = super::centered(area, w, h, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.title)
        .style(theme.overlay)
        .title(Line::styled(format!(" {} ", t.help_title), theme.title))
        .title_bottom(Line::styled(format!(" {} ", t.help_close), theme.muted));
    let inner = block.inner(r);
    block.render(r, buf);
    let inner_col_w = if two {
        (inner.width.saturating_sub(4) / 2) as usize
    } else {
        inner.width.saturating_sub(2) as usize
    };
    for (i, (keys, text, head)) in entries.iter().enumerate() {
        let (col, row) = if i < per_col {
            (0, i)
        } else {
            (1, i - per_col)
        };
        let y = inner.y + 1 + row as u16;
        if y >= inner.bottom() {
            continue;
        }
        let x = inner.x + 1 + (col * (inner_col_w + 2)) as u16;
        if *head {
            buf.set_string(x, y, truncate(text, inner_col_w), theme.group);
        } else {
            buf.set_string(x, y, left(keys, keys_w), theme.key);
            let room = inner_col_w.saturating_sub(keys_w + 2);
            buf.set_string(x + keys_w as u16 + 2, y, truncate(text, room), theme.label);
        }
    }
}
