//! Drawing: one file per screen region. Every function here reads the
//! [`App`] and writes into a ratatui [`Buffer`]; none changes state or
//! computes money (figures come from [`super::app::Computed`]), and every
//! number becomes text through [`crate::format`].

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
pub mod scenario;
pub mod status;
pub mod text;
pub mod uncertainty;
pub mod variants;
pub mod workshop;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::app::{App, Screen};
use super::theme::Theme;
use crate::i18n::{self, tui_text};

/// The smallest terminal the app draws in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// What is under a mouse position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tab(Screen),
    Lever(usize),
    Entry(usize),
    Other,
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self, area, buf);
    }
}

/// Draws the whole app.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.styles();
    buf.set_style(area, theme.base);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, area, buf, theme);
        return;
    }
    match &app.workshop {
        None => picker::render(app, area, buf, theme),
        Some(ws) if ws.presentation => presentation::render(app, ws, area, buf, theme),
        Some(ws) => {
            let (head, body, foot) = frame_areas(area);
            header::render(app, ws, head, buf, theme);
            match ws.screen {
                Screen::Workshop => workshop::render(app, ws, body, buf, theme),
                Screen::Risk => risk::render_screen(app, ws, body, buf, theme),
                Screen::Flows => flows::render(app, ws, body, buf, theme),
                Screen::Compare => compare::render(app, ws, body, buf, theme),
                Screen::Scenario => scenario::render(app, ws, body, buf, theme),
                Screen::Uncertainty => uncertainty::render(app, ws, body, buf, theme),
            }
            status::render(app, foot, buf, theme);
        }
    }
    if app.variant_list.is_some() {
        variants::render_list(app, area, buf, theme);
    }
    if app.input.is_some() {
        variants::render_input(app, area, buf, theme);
    }
    if app.workshop.as_ref().is_some_and(|w| w.risk.goal.is_some()) {
        goal::render(app, area, buf, theme);
    }
    if app.help {
        help::render(app, area, buf, theme);
    }
    if app.confirm.is_some() {
        status::render_confirm(app, area, buf, theme);
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

fn too_small(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let t = i18n::tui(app.lang);
    let lines = vec![
        Line::styled(
            tui_text::too_small(app.lang, area.width, area.height, MIN_WIDTH, MIN_HEIGHT),
            theme.warning,
        ),
        Line::styled(t.too_small_hint, theme.muted),
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

/// A panel with a title: boxed when there is room, a rule on top when
/// compact (which saves the side columns for numbers).
pub fn panel<'a>(title: &'a str, compact: bool, theme: &Theme) -> Block<'a> {
    let borders = if compact { Borders::TOP } else { Borders::ALL };
    Block::new()
        .borders(borders)
        .border_style(theme.border)
        .title(Line::styled(format!(" {title} "), theme.title))
}

/// What is under the mouse at (column, row).
pub fn hit(app: &App, column: u16, row: u16) -> Hit {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Hit::Other;
    }
    let pos = ratatui::layout::Position::new(column, row);
    match &app.workshop {
        None => picker::hit(app, area, pos),
        Some(ws) if ws.presentation => Hit::Other,
        Some(ws) => {
            let (head, body, _) = frame_areas(area);
            if head.contains(pos) {
                return header::tabs(app, head)
                    .into_iter()
                    .find(|(_, r)| r.contains(pos))
                    .map(|(s, _)| Hit::Tab(s))
                    .unwrap_or(Hit::Other);
            }
            match ws.screen {
                Screen::Workshop => {
                    let areas = workshop::areas(app, ws, body);
                    levers::hit(app, ws, areas.levers, areas.compact, pos)
                }
                Screen::Uncertainty => uncertainty::hit(app, ws, body, pos),
                _ => Hit::Other,
            }
        }
    }
}
