//! Drawing: one file per screen region. Every function here reads a
//! [`Document`] through a [`View`] and writes into a ratatui [`Buffer`];
//! none changes state or computes money (figures come from
//! [`super::computed::Computed`]), and every number becomes text through
//! [`crate::format`].

pub mod budget;
pub mod charts;
pub mod compare;
pub mod figures;
pub mod flows;
pub mod goal;
pub mod header;
pub mod help;
pub mod levers;
pub mod picker;
pub mod presentation;
pub mod risk;
pub mod room;
pub mod scenario;
pub mod sites;
pub mod status;
pub mod text;
pub mod uncertainty;
pub mod variants;
pub mod workshop;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::document::Document;
use super::theme::Theme;
use super::view::{Mode, Screen, View};
use crate::i18n::glossary::Term;
use crate::i18n::{self, tui_text};

/// The smallest terminal the app draws in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// What is under a mouse position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tab(Screen),
    Lever(usize),
    /// A key figure (the workshop's panel).
    Figure(Term),
    Entry(usize),
    /// A municipality's row on the sites screen.
    Site(usize),
    Other,
}

/// One viewer's picture: a document (none while the picker shows) as a
/// view shows it.
#[derive(Clone, Copy)]
pub struct Picture<'a> {
    pub doc: Option<&'a Document>,
    pub view: &'a View,
}

impl Widget for Picture<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self.doc, self.view, area, buf);
    }
}

/// Draws a view of a document into any ratatui backend.
pub fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    doc: Option<&Document>,
    view: &View,
) -> Result<(), B::Error> {
    terminal.draw(|frame| frame.render_widget(Picture { doc, view }, frame.area()))?;
    Ok(())
}

/// Draws the whole screen.
pub fn render(doc: Option<&Document>, view: &View, area: Rect, buf: &mut Buffer) {
    let theme = view.styles();
    buf.set_style(area, theme.base);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(view, area, buf, theme);
        return;
    }
    match doc {
        // A room's participant whose facilitator is still picking.
        None if view.picker.is_none() && view.room.is_some() => {
            if let Some(status) = &view.room {
                room::render_waiting(view, status, area, buf, theme);
            }
        }
        None => picker::render(view, area, buf, theme),
        Some(doc) if view.presentation => presentation::render(doc, view, area, buf, theme),
        Some(doc) => {
            let (head, body, foot) = frame_areas(area);
            header::render(doc, view, head, buf, theme);
            match view.screen {
                Screen::Workshop => workshop::render(doc, view, body, buf, theme),
                Screen::Risk => risk::render_screen(doc, view, body, buf, theme),
                Screen::Flows => flows::render(doc, view, body, buf, theme),
                Screen::Compare => compare::render(doc, view, body, buf, theme),
                Screen::Scenario => scenario::render(doc, view, body, buf, theme),
                Screen::Uncertainty => uncertainty::render(doc, view, body, buf, theme),
                Screen::Budget => budget::render(doc, view, body, buf, theme),
                Screen::Sites => sites::render(doc, view, body, buf, theme),
            }
            status::render(Some(doc), view, foot, buf, theme);
        }
    }
    if let (Some(doc), Some(selected)) = (doc, view.variant_list) {
        variants::render_list(doc, view, selected, area, buf, theme);
    }
    match (&view.mode, doc) {
        (Mode::Input(input), _) => variants::render_input(view, input, area, buf, theme),
        (Mode::Goal(dialog), Some(doc)) => goal::render(doc, view, dialog, area, buf, theme),
        (Mode::Help, _) => help::render(doc, view, area, buf, theme),
        (Mode::Participants(selected), _) => {
            room::render_participants(view, *selected, area, buf, theme)
        }
        (Mode::Confirm(asked), Some(doc)) => {
            status::render_confirm(doc, view, asked, area, buf, theme)
        }
        _ => {}
    }
    safe_cells(area, buf);
}

/// Whatever a screen drew from a file or a user (a scenario's texts, a
/// variant's name and notes, a path), no control or formatting character
/// reaches the terminal: a cell holding one shows `�` instead
/// ([`crate::format::is_unsafe`], the rule the command line prints by).
/// ratatui already drops most of them when text is set; this is the one
/// place that makes sure for every screen.
fn safe_cells(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.symbol().chars().any(crate::format::is_unsafe) {
                cell.set_symbol("\u{fffd}");
            }
        }
    }
}

/// The header line, the body and the status line of a screen.
pub fn frame_areas(area: Rect) -> (Rect, Rect, Rect) {
    let head = Rect { height: 1, ..area };
    let foot = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    (head, body, foot)
}

fn too_small(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let t = i18n::tui(view.lang);
    let lines = vec![
        Line::styled(
            tui_text::too_small(view.lang, area.width, area.height, MIN_WIDTH, MIN_HEIGHT),
            theme.warning,
        ),
        Line::styled(t.too_small_hint, theme.muted),
        Line::styled(t.too_small_keys, theme.muted),
    ];
    let y = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y,
        height: area.bottom().saturating_sub(y),
        ..area
    };
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// A `w`×`h` box centred in `area` (clipped to it), cleared for an overlay.
pub fn centered(area: Rect, w: u16, h: u16, buf: &mut Buffer) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    ratatui::widgets::Clear.render(r, buf);
    r
}

/// An overlay's box (help, the participants of a room): rounded, a title
/// on top and a hint of its keys at the bottom.
pub fn overlay<'a>(title: &str, hint: &str, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(ratatui::widgets::BorderType::Rounded)
        .border_style(theme.title)
        .style(theme.overlay)
        .title(Line::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::styled(format!(" {hint} "), theme.muted))
}

/// A panel with a title: boxed when there is room, a rule on top when
/// compact (which saves the side columns for numbers).
pub fn panel<'a>(title: &'a str, compact: bool, theme: &Theme) -> Block<'a> {
    let borders = if compact { Borders::TOP } else { Borders::ALL };
    Block::new()
        .borders(borders)
        .border_style(theme.border)
        .title(Line::styled(format!(" {title} "), theme.title))
}

/// The figures a view shows that `i` can point at and `?` explains, in
/// the order they are drawn.
pub fn explainable(doc: &Document, view: &View) -> Vec<Term> {
    if view.presentation {
        return presentation::terms(doc, view);
    }
    match view.screen {
        Screen::Workshop => {
            let area = Rect::new(0, 0, view.size.0, view.size.1);
            let compact = workshop::areas(doc, view, frame_areas(area).1).compact;
            figures::rows(doc, view, compact)
                .iter()
                .filter_map(|r| r.term)
                .collect()
        }
        Screen::Risk => risk::terms(doc, view),
        Screen::Budget => budget::terms(doc, view),
        _ => Vec::new(),
    }
}

/// What is under the mouse at (column, row).
pub fn hit(doc: Option<&Document>, view: &View, column: u16, row: u16) -> Hit {
    let area = Rect::new(0, 0, view.size.0, view.size.1);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Hit::Other;
    }
    let pos = ratatui::layout::Position::new(column, row);
    match doc {
        None => picker::hit(view, area, pos),
        Some(_) if view.presentation => Hit::Other,
        Some(doc) => {
            let (head, body, _) = frame_areas(area);
            if head.contains(pos) {
                return header::tabs(view, head)
                    .into_iter()
                    .find(|(_, r)| r.contains(pos))
                    .map(|(s, _)| Hit::Tab(s))
                    .unwrap_or(Hit::Other);
            }
            match view.screen {
                Screen::Workshop => {
                    let areas = workshop::areas(doc, view, body);
                    match figures::hit(doc, view, areas.figures, areas.compact, pos) {
                        Some(term) => Hit::Figure(term),
                        None => levers::hit(doc, view, areas.levers, areas.compact, pos),
                    }
                }
                Screen::Uncertainty => uncertainty::hit(doc, view, body, pos),
                Screen::Sites => sites::hit(doc, view, body, pos),
                _ => Hit::Other,
            }
        }
    }
}
