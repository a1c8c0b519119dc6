//! The `?` overlay: first what the figure pointed at (`i`, a click) or
//! the selected lever is, from the glossary; then every binding of the
//! contexts that can apply, with its keys and what it does (generated
//! from the key map).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::{left, truncate, width, wrap};
use crate::i18n::{self, glossary, glossary::Term};
use crate::tui::document::Document;
use crate::tui::keymap::{Context, KEYMAP, keys_text};
use crate::tui::theme::Theme;
use crate::tui::view::Screen;
use crate::tui::view::View;

/// What `?` explains first: the figure pointed at, else the selected
/// lever where the levers are in reach.
pub fn explained(doc: Option<&Document>, view: &View) -> Option<Term> {
    let doc = doc?;
    if view.pointed.is_some() {
        return view.pointed;
    }
    let levers = view.presentation
        || matches!(
            view.screen,
            Screen::Workshop | Screen::Risk | Screen::Uncertainty
        );
    levers
        .then(|| doc.lever(view.selected))
        .flatten()
        .map(|l| Term::lever(l.target))
}

/// (keys, text, is heading) lines of the help. Lines with no keys that
/// are not headings are text drawn from the left (the explanation).
pub fn entries(doc: Option<&Document>, view: &View) -> Vec<(String, String, bool)> {
    let keys = key_entries(doc.is_some(), view);
    let Some(term) = explained(doc, view) else {
        return keys;
    };
    let area = Rect::new(0, 0, view.size.0, view.size.1);
    let with = |w: usize| {
        let mut out = vec![(
            String::new(),
            i18n::glossary::explained_name(view.lang, term),
            true,
        )];
        out.extend(
            wrap(glossary::definition(view.lang, term), w.max(20))
                .into_iter()
                .map(|line| (String::new(), line, false)),
        );
        out.push((String::new(), String::new(), false));
        out.extend(keys.iter().cloned());
        out
    };
    // The definition at most 60 wide: in two columns when they fit (as
    // wide as a column), else in one that scrolls.
    let one = with(60.min(area.width.saturating_sub(6) as usize));
    if layout(&one, area).two {
        return one;
    }
    let two = with(area.width.saturating_sub(8) as usize / 2);
    if layout(&two, area).two { two } else { one }
}

/// The key map's lines of the help.
fn key_entries(document: bool, view: &View) -> Vec<(String, String, bool)> {
    let t = i18n::tui(view.lang);
    // The keys that work now, in the help's order.
    let active = view.contexts(document);
    let order = [
        Context::VariantList,
        Context::Trash,
        Context::Levers,
        Context::Uncertainty,
        Context::Screens,
        Context::Present,
        Context::Presenting,
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
    out.extend(crate::tui::room::help_entries(view));
    if document {
        out.push((String::new(), t.help_mouse.to_string(), true));
        out.push((String::new(), t.changed_mark_note.to_string(), true));
    }
    out
}

/// Where the help goes and how its entries are laid out.
struct Layout {
    rect: Rect,
    /// The first row the entries take (a blank line above when there is
    /// room).
    top: u16,
    /// Rows of entries visible in a column.
    rows: usize,
    /// Two columns (everything fits; no scrolling).
    two: bool,
    per_col: usize,
    keys_w: usize,
    /// Cells of text a column holds.
    col_w: usize,
}

fn layout(entries: &[(String, String, bool)], area: Rect) -> Layout {
    let keys_w = entries.iter().map(|(k, _, _)| width(k)).max().unwrap_or(0);
    let text_w = entries.iter().map(|(_, s, _)| width(s)).max().unwrap_or(0);
    let col_w = keys_w + 2 + text_w;
    let max_h = area.height.saturating_sub(2) as usize;
    let rows = entries.len() + 2;
    // Text lines without keys (the explanation) must fit a column.
    let flush_w = entries
        .iter()
        .filter(|(k, _, head)| k.is_empty() && !head)
        .map(|(_, s, _)| width(s))
        .max()
        .unwrap_or(0);
    let two = rows > max_h.saturating_sub(2)
        && area.width as usize >= 2 * (keys_w + 24) + 7
        && 2 * flush_w + 8 <= area.width as usize;
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
    let (w, h) = (w.min(area.width), h.min(area.height));
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let inner_h = h.saturating_sub(2) as usize;
    let pad = usize::from(inner_h > 12);
    let two = two && col_rows <= inner_h - pad;
    let inner_w = w.saturating_sub(2) as usize;
    let col_w = if two {
        inner_w.saturating_sub(4) / 2
    } else {
        inner_w.saturating_sub(2)
    };
    Layout {
        col_w,
        rect,
        top: rect.y + 1 + pad as u16,
        rows: inner_h - pad,
        two,
        per_col: if two { per_col } else { entries.len() },
        keys_w,
    }
}

/// Rows of entries the help shows at once.
pub fn visible_rows(doc: Option<&Document>, view: &View) -> usize {
    let area = Rect::new(0, 0, view.size.0, view.size.1);
    layout(&entries(doc, view), area).rows
}

/// The last scroll position that still fills the help (0 when it all
/// fits).
pub fn max_scroll(doc: Option<&Document>, view: &View) -> usize {
    let area = Rect::new(0, 0, view.size.0, view.size.1);
    let entries = entries(doc, view);
    let l = layout(&entries, area);
    if l.two {
        0
    } else {
        entries.len().saturating_sub(l.rows)
    }
}

pub fn render(doc: Option<&Document>, view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let t = i18n::tui(view.lang);
    let entries = entries(doc, view);
    let l = layout(&entries, area);
    let max = if l.two {
        0
    } else {
        entries.len().saturating_sub(l.rows)
    };
    let first = view.scroll.help.min(max);
    let r = super::centered(area, l.rect.width, l.rect.height, buf);
    let (title, foot) = if max > 0 {
        let last = (first + l.rows).min(entries.len());
        (
            format!("{} {}–{}/{}", t.help_title, first + 1, last, entries.len()),
            t.help_scroll,
        )
    } else {
        (t.help_title.to_string(), t.help_close)
    };
    let block = super::overlay(&title, foot, theme);
    let inner = block.inner(r);
    block.render(r, buf);
    let keys_w = l.keys_w;
    let inner_col_w = l.col_w;
    for (i, (keys, text, head)) in entries.iter().enumerate().skip(first) {
        let (col, row) = if i < l.per_col {
            (0, i - first)
        } else {
            (1, i - l.per_col)
        };
        if row >= l.rows {
            continue;
        }
        let y = l.top + row as u16;
        let x = inner.x + 1 + (col * (inner_col_w + 2)) as u16;
        if *head {
            buf.set_string(x, y, truncate(text, inner_col_w), theme.group);
        } else if keys.is_empty() {
            buf.set_string(x, y, truncate(text, inner_col_w), theme.label);
        } else {
            buf.set_string(x, y, left(keys, keys_w), theme.key);
            let room = inner_col_w.saturating_sub(keys_w + 2);
            buf.set_string(x + keys_w as u16 + 2, y, truncate(text, room), theme.label);
        }
    }
}
