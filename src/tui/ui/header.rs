//! The top line: app name, scenario title and the screen tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::{truncate, width};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::{Screen, View};

fn label(view: &View, s: Screen, short: bool, active: bool) -> String {
    if short && !active {
        // Two cells a tab: eight screens leave the title its room at 80.
        format!(" {}", s.number())
    } else {
        format!(" {} {} ", s.number(), s.title(view.lang))
    }
}

/// The tabs and where they are drawn, right-aligned in the header line.
pub fn tabs(view: &View, head: Rect) -> Vec<(Screen, Rect)> {
    layout(view, head)
        .into_iter()
        .map(|(s, r, _)| (s, r))
        .collect()
}

fn layout(view: &View, head: Rect) -> Vec<(Screen, Rect, String)> {
    let active = view.screen;
    let full: usize = Screen::ALL
        .iter()
        .map(|s| width(&label(view, *s, false, false)))
        .sum();
    // Short tabs (numbers, the active one named) when the title (and the
    // room's part, in a room) would get less than 24 columns.
    let room = super::room::label(view).map_or(0, |l| width(&l) + 3);
    let short = full + 24 + room > head.width as usize;
    let labels: Vec<(Screen, String)> = Screen::ALL
        .iter()
        .map(|s| (*s, label(view, *s, short, *s == active)))
        .collect();
    let total: u16 = labels.iter().map(|(_, l)| width(l) as u16).sum();
    let mut x = head.right().saturating_sub(total);
    labels
        .into_iter()
        .map(|(s, l)| {
            let w = width(&l) as u16;
            let r = Rect::new(x, head.y, w, 1);
            x += w;
            (s, r, l)
        })
        .collect()
}

pub fn render(doc: &Document, view: &View, head: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(head, theme.header);
    let tabs = layout(view, head);
    let tabs_x = tabs.first().map(|(_, r, _)| r.x).unwrap_or(head.right());
    for (s, r, text) in &tabs {
        let style = if *s == view.screen {
            theme.tab_active
        } else {
            theme.tab
        };
        buf.set_stringn(r.x, r.y, text, r.width as usize, style);
    }
    let room = tabs_x.saturating_sub(head.x + 1) as usize;
    let app = crate::i18n::tui(view.lang).app_name;
    let name = crate::i18n::scenario_text::title(view.lang, &doc.current);
    let title = match super::room::label(view) {
        Some(label) => format!(" {app} │ {label} │ {name}"),
        None => format!(" {app} │ {name}"),
    };
    buf.set_stringn(head.x, head.y, truncate(&title, room), room, theme.header);
}
