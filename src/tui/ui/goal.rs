//! The goal-seek dialog (`g`), centred over the screen: the figure (↑/↓),
//! the target and the achievement (typed), the selected lever; then what
//! the search found, or why no value of the lever reaches the target.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::text::{truncate, width, wrap};
use crate::format;
use crate::i18n;
use crate::risk::{Figure, Miss, Solution};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::{GoalDialog, GoalField, GoalState, View};

/// `ved effekt 90 % av forventet`, or `når den sanne effekten er null`.
fn at(view: &View, figure: Figure, achievement: rust_decimal::Decimal) -> String {
    match figure {
        Figure::PNoisePayment => i18n::texts(view.lang).at_zero_effect.to_string(),
        _ => i18n::at_achievement(view.lang, &format::percent(view.lang, achievement, 0)),
    }
}

fn found_lines(doc: &Document, view: &View, figure: Figure, s: &Solution) -> Vec<String> {
    let lang = view.lang;
    let cur = &doc.current.info.currency;
    let fig = |v| i18n::figure_text(lang, cur, figure, v);
    let t = i18n::texts(lang);
    vec![
        i18n::solve_found(
            lang,
            &i18n::lever_label(lang, &doc.current, &s.lever),
            &i18n::lever_value_precise(lang, &doc.current, &s.lever, s.value),
            i18n::figure_name(lang, figure),
            &fig(s.figure_value),
            &fig(s.target),
            &at(view, figure, s.achievement),
        ),
        format!(
            "{} {}: {}",
            t.lever,
            t.now,
            i18n::lever_value(lang, &doc.current, &s.lever, s.lever.value)
        ),
    ]
}

fn missed_lines(doc: &Document, view: &View, m: &Miss) -> Vec<String> {
    let lang = view.lang;
    let cur = &doc.current.info.currency;
    let fig = |v| i18n::figure_text(lang, cur, m.figure, v);
    let value = |v| i18n::lever_value_precise(lang, &doc.current, &m.lever, v);
    let mut out = vec![i18n::solve_missed(
        lang,
        &i18n::lever_label(lang, &doc.current, &m.lever),
        (&value(m.lever.min), &value(m.lever.max)),
        i18n::figure_name(lang, m.figure),
        &fig(m.target),
        &at(view, m.figure, m.achievement),
    )];
    let range = m.range.map(|(lo, hi)| (fig(lo), fig(hi)));
    let best = m.best.map(|(v, f)| (value(v), fig(f)));
    let jump = m.jump.map(|(a, b)| (value(a), value(b)));
    out.extend(i18n::solve_miss_details(
        lang,
        range.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
        best.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
        jump.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
    ));
    out
}

/// The lines of the dialog: (text, style, indent of a typed field's cursor).
fn lines(
    doc: &Document,
    view: &View,
    d: &GoalDialog,
    w: usize,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let lang = view.lang;
    let t = i18n::texts(lang);
    let u = i18n::tui(lang);
    let Some(lever) = doc.levers.get(d.lever) else {
        return Vec::new();
    };
    let cur = &doc.current.info.currency;
    let labels = [u.goal_figure, u.goal_target, u.goal_at, t.lever];
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 2;
    let pad = |s: &str| format!("{s:<label_w$}", label_w = label_w);
    let label_style = |field: GoalField| {
        if d.field == field && matches!(d.state, GoalState::Editing { .. }) {
            theme.key
        } else {
            theme.label
        }
    };
    let mut out = Vec::new();
    for (i, f) in Figure::ALL.iter().enumerate() {
        let label = if i == 0 { pad(u.goal_figure) } else { pad("") };
        let chosen = *f == d.figure;
        let mark = if chosen { "▶ " } else { "  " };
        let mut text = format!("{label}{mark}{}", i18n::figure_name(lang, *f));
        if chosen && let Some(now) = d.now {
            text = format!(
                "{text}  ({} {})",
                u.now,
                i18n::figure_text(lang, cur, *f, now)
            );
        }
        let style = match (chosen, d.field == GoalField::Figure) {
            (true, true) => theme.selected,
            (true, false) => theme.value,
            _ => theme.muted,
        };
        out.push((
            text,
            if i == 0 && !chosen {
                label_style(GoalField::Figure)
            } else {
                style
            },
        ));
    }
    let cursor = |field: GoalField| {
        if d.field == field && matches!(d.state, GoalState::Editing { .. }) {
            "█"
        } else {
            ""
        }
    };
    out.push((
        format!(
            "{}{}{}",
            pad(u.goal_target),
            d.target,
            cursor(GoalField::Target)
        ),
        label_style(GoalField::Target),
    ));
    if d.asks_achievement(&lever.id) {
        let typed = if d.achievement.is_empty() && d.field != GoalField::Achievement {
            format!(
                "{} {}",
                u.now,
                format::percent(lang, doc.current.assumptions.achievement, 0)
            )
        } else {
            format!("{}{}", d.achievement, cursor(GoalField::Achievement))
        };
        out.push((
            format!("{}{typed}", pad(u.goal_at)),
            label_style(GoalField::Achievement),
        ));
    }
    let range = format!(
        "{}: {} ({} {}–{})",
        i18n::lever_label(lang, &doc.current, lever),
        i18n::lever_value(lang, &doc.current, lever, doc.value(lever)),
        u.range,
        i18n::lever_value(lang, &doc.current, lever, lever.min),
        i18n::lever_value(lang, &doc.current, lever, lever.max),
    );
    let indent = " ".repeat(label_w);
    for (i, line) in wrap(&range, w.saturating_sub(label_w))
        .into_iter()
        .enumerate()
    {
        let head = if i == 0 { pad(t.lever) } else { indent.clone() };
        out.push((format!("{head}{line}"), theme.label));
    }
    out.push((String::new(), theme.label));
    let (body, style, hint): (Vec<String>, Style, &str) = match &d.state {
        GoalState::Editing { error } => (
            error.iter().cloned().collect(),
            theme.error,
            u.goal_hint_edit,
        ),
        GoalState::Searching(_) => (
            vec![u.goal_searching.to_string()],
            theme.info,
            u.goal_hint_searching,
        ),
        GoalState::Found(s) => (
            found_lines(doc, view, d.figure, s),
            theme.value,
            u.goal_hint_found,
        ),
        GoalState::Missed(m) => (
            missed_lines(doc, view, m),
            theme.warning,
            u.goal_hint_missed,
        ),
    };
    for text in &body {
        for line in wrap(text, w) {
            out.push((line, style));
        }
    }
    if !body.is_empty() {
        out.push((String::new(), theme.label));
    }
    for line in wrap(hint, w) {
        out.push((line, theme.key));
    }
    out
}

pub fn render(
    doc: &Document,
    view: &View,
    d: &GoalDialog,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let w = area.width.saturating_sub(2).min(78);
    let text_w = w.saturating_sub(4) as usize;
    let lines = lines(doc, view, d, text_w, theme);
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = super::centered(area, w, h, buf);
    let title = match doc.levers.get(d.lever) {
        Some(l) => format!(
            " {}: {} ",
            i18n::texts(view.lang).solve_title,
            i18n::lever_label(view.lang, &doc.current, l)
        ),
        None => format!(" {} ", i18n::texts(view.lang).solve_title),
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.title)
        .style(theme.overlay)
        .title(Line::styled(
            truncate(&title, w.saturating_sub(4) as usize),
            theme.title,
        ));
    let inner = block.inner(r);
    block.render(r, buf);
    // When the dialog is taller than the screen, its end (the answer and
    // the keys) matters most.
    let skip = lines.len().saturating_sub(inner.height as usize);
    for (i, (line, style)) in lines.iter().skip(skip).enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        buf.set_stringn(inner.x + 1, y, line, text_w, *style);
    }
}
