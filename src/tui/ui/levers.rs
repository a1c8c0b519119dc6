//! The lever list: grouped, each lever with name, value, a bar showing
//! where the value sits in its range, and `●` when it differs from the
//! scenario; the selected lever's details below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
use rust_decimal::Decimal;
use std::sync::{Arc, Mutex};

use super::Hit;
use super::text::{right, truncate, width, wrap_items};
use crate::format::{self, Lang};
use crate::i18n;
use crate::levers::{Group, Lever, Target, Unit};
use crate::scenario::{Outcome, Scenario};
use crate::tui::document::Document;
use crate::tui::theme::Theme;
use crate::tui::view::View;

/// A row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Group(Group),
    /// A lever by its index in [`Document::levers`].
    Lever(usize),
}

/// The list's rows: a heading before each group.
pub fn rows(doc: &Document) -> Vec<Row> {
    let mut out = Vec::new();
    let mut last = None;
    for (i, l) in doc.levers.iter().enumerate() {
        if last != Some(l.group) {
            out.push(Row::Group(l.group));
            last = Some(l.group);
        }
        out.push(Row::Lever(i));
    }
    out
}

/// A lever value in short form for the list: indicator levels without
/// their long unit (`8,4 %` for `8,4 % av avtalte dagsverk`), and with
/// `bare`, money without currency; the detail line shows the full unit.
pub fn short_value(lang: Lang, s: &Scenario, lever: &Lever, v: Decimal, bare: bool) -> String {
    match lever.unit {
        Unit::Money if bare => format::money_short_bare(lang, v),
        Unit::Price if bare => format::number(lang, v, 0),
        Unit::Indicator | Unit::IndicatorPerPeriod => {
            let n = format::number(lang, v, v.normalize().scale().min(3));
            let full = i18n::lever_value(lang, s, lever, v);
            let percent = full
                .strip_prefix(n.as_str())
                .is_some_and(|unit| unit.trim_start().starts_with('%'));
            if percent {
                // The scenario names the unit; the language places the sign.
                format::percent(lang, Decimal::ZERO, 0).replace('0', &n)
            } else {
                n
            }
        }
        _ => i18n::lever_value(lang, s, lever, v),
    }
}

/// Values a lever's widest text is planned from: its ends, the steps next
/// to them and the scenario's value (never the value now, so the columns
/// do not move while a lever moves; a wider typed value takes room from
/// its bar).
pub fn planned_values(l: &Lever) -> [Decimal; 5] {
    [l.min, l.max, l.min + l.step, l.max - l.step, l.value]
}

/// What the lever panel's size is planned from in one language: the
/// widest name, the widest short values and every lever's details at each
/// of its planned values. It depends only on the document's levers and
/// the scenario as loaded, so it is worked out once per document and
/// language ([`LeverPlans`]) and read in every frame.
#[derive(Debug)]
pub struct LeverPlan {
    lang: Lang,
    name_width: usize,
    /// The widest short value: with the currency, and bare.
    value_width: [usize; 2],
    details: Vec<Detail>,
    /// Lines of the tallest details at a width, as widths are asked for.
    detail_heights: Mutex<Vec<(usize, usize)>>,
}

impl LeverPlan {
    fn new(lang: Lang, s: &Scenario, levers: &[Lever]) -> LeverPlan {
        let value_width = |bare| {
            levers
                .iter()
                .flat_map(|l| planned_values(l).map(|v| width(&short_value(lang, s, l, v, bare))))
                .max()
                .unwrap_or(0)
        };
        LeverPlan {
            lang,
            name_width: levers
                .iter()
                .map(|l| width(&i18n::lever_label(lang, s, l)))
                .max()
                .unwrap_or(0),
            value_width: [value_width(false), value_width(true)],
            details: levers
                .iter()
                .flat_map(|l| planned_values(l).map(|v| Detail::new(lang, s, l, v, true)))
                .collect(),
            detail_heights: Mutex::new(Vec::new()),
        }
    }

    /// The widest short value, bare (money without currency) or not.
    fn value_width(&self, bare: bool) -> usize {
        self.value_width[usize::from(bare)]
    }

    /// Lines of the tallest details of any lever at any planned value,
    /// changed or not, wrapped at `w`.
    fn detail_height(&self, w: usize) -> usize {
        let mut known = self
            .detail_heights
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, h)) = known.iter().find(|(at, _)| *at == w) {
            return *h;
        }
        let h = self
            .details
            .iter()
            .map(|d| d.lines(w).len())
            .max()
            .unwrap_or(0);
        known.push((w, h));
        h
    }
}

/// The lever panel's plans of one document, one per language as the
/// views ask for them; clones of the document share them.
#[derive(Debug, Clone, Default)]
pub struct LeverPlans(Arc<Mutex<Vec<Arc<LeverPlan>>>>);

impl LeverPlans {
    /// The plan in `lang`, worked out on first use.
    fn get(&self, doc: &Document, lang: Lang) -> Arc<LeverPlan> {
        let mut plans = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(p) = plans.iter().find(|p| p.lang == lang) {
            return Arc::clone(p);
        }
        let plan = Arc::new(LeverPlan::new(lang, &doc.base, &doc.levers));
        plans.push(Arc::clone(&plan));
        plan
    }
}

fn plan(doc: &Document, view: &View) -> Arc<LeverPlan> {
    doc.lever_plans.get(doc, view.lang)
}

/// Columns the list would like: marks, names, values and a bar.
pub fn wanted_width(doc: &Document, view: &View) -> u16 {
    let p = plan(doc, view);
    (3 + p.name_width + 1 + p.value_width(false) + 1 + 12 + 2) as u16
}

/// Rows the panel would like at `width`, borders included.
pub fn wanted_height(doc: &Document, view: &View, compact: bool, width: u16) -> u16 {
    let (borders, side) = if compact { (1, 0) } else { (2, 2) };
    // The tallest details of any lever, changed or not, so the layout
    // does not move when the selection or a value does.
    let detail = plan(doc, view).detail_height(width.saturating_sub(side + 1) as usize) as u16;
    rows(doc).len() as u16 + 1 + detail + borders
}

/// A lever's details at a value, as texts before they are wrapped: the
/// value with its full unit (after the full label, or the short one where
/// that does not fit), what it means in the indicators' own terms, then
/// range, step and (`with_scenario_value`) the scenario's value.
#[derive(Debug)]
struct Detail {
    now: String,
    now_short: String,
    effects: Vec<[String; 2]>,
    items: Vec<String>,
}

impl Detail {
    fn new(
        lang: Lang,
        s: &Scenario,
        lever: &Lever,
        value: Decimal,
        with_scenario_value: bool,
    ) -> Detail {
        let t = i18n::tui(lang);
        let short = |d| short_value(lang, s, lever, d, false);
        let text = i18n::lever_value(lang, s, lever, value);
        let mut items = vec![
            format!("{} {}–{}", t.range, short(lever.min), short(lever.max)),
            format!("{} {}", t.step, short(lever.step)),
        ];
        if with_scenario_value {
            items.push(format!("{} {}", t.scenario_value, short(lever.value)));
        }
        Detail {
            now: format!("{}: {text}", i18n::lever_label(lang, s, lever)),
            now_short: format!("{}: {text}", i18n::lever_short_label(lang, s, lever)),
            effects: effect_items(lang, s, lever, value),
            items,
        }
    }

    /// The details wrapped at `w`: each part on lines of its own, its
    /// items joined where they fit.
    fn lines(&self, w: usize) -> Vec<String> {
        // Narrow: the short label, so the value stays on the line.
        let now = if width(&self.now) <= w {
            &self.now
        } else {
            &self.now_short
        };
        let mut lines = super::text::wrap(now, w);
        for pair in &self.effects {
            lines.extend(fitted(pair, w));
        }
        lines.extend(fitted(&self.items, w));
        lines
    }
}

/// The details of the selected lever at its value now, wrapped at `w`
/// (the scenario's value only when it differs).
fn detail_lines(doc: &Document, view: &View, w: usize) -> Vec<String> {
    let Some(lever) = doc.lever(view.selected) else {
        return Vec::new();
    };
    let changed = doc.is_changed(lever);
    Detail::new(view.lang, &doc.current, lever, doc.value(lever), changed).lines(w)
}

/// Items joined on lines of `w` when each fits, else each wrapped.
fn fitted(items: &[String], w: usize) -> Vec<String> {
    let joined = wrap_items(items, w);
    if joined.iter().all(|l| width(l) <= w) {
        return joined;
    }
    items.iter().flat_map(|i| super::text::wrap(i, w)).collect()
}

/// What the effect lever (or an outcome's expected level) at `value`
/// means in each indicator's own terms: the level reached and the units
/// a year (`Legemeldt sykefravær 9,6 % → 8,5 % (lavere er bedre)`, `≈ 2 900
/// færre sykedager i året`), a pair per outcome; none for other levers.
pub fn effect_items(lang: Lang, s: &Scenario, lever: &Lever, value: Decimal) -> Vec<[String; 2]> {
    let at = |o: &Outcome, achievement: Decimal| effect_pair(lang, s, o, achievement);
    match lever.target {
        Target::Achievement => s.outcomes.iter().map(|o| at(o, value)).collect(),
        Target::Expected(i) => s
            .outcomes
            .get(i)
            .map(|o| {
                let mut o = o.clone();
                o.expected = value;
                vec![at(&o, s.assumptions.achievement)]
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// What outcome `o` at `achievement` means in its own terms: the level
/// the indicator reaches and the units a year.
pub fn effect_pair(lang: Lang, s: &Scenario, o: &Outcome, achievement: Decimal) -> [String; 2] {
    let e = crate::model::effect(s, o, achievement);
    [
        i18n::effect_level(lang, o, &e),
        i18n::effect_units(lang, o, &e),
    ]
}

/// Where the list and the details go inside the panel, and which row is
/// first (the list scrolls to keep the selected lever in view).
struct Layout {
    list: Rect,
    detail: Rect,
    offset: usize,
}

fn layout(doc: &Document, view: &View, inner: Rect) -> (Layout, Vec<String>) {
    let detail = detail_lines(doc, view, inner.width.saturating_sub(1) as usize);
    let rows = rows(doc);
    let dh = (detail.len() as u16).min(inner.height.saturating_sub(3));
    let gap = u16::from(inner.height > rows.len() as u16 + dh);
    let list_h = inner.height.saturating_sub(dh + gap);
    let list = Rect {
        height: list_h,
        ..inner
    };
    let detail_rect = Rect {
        y: inner.y + list_h + gap,
        height: dh,
        ..inner
    };
    let selected_row = rows
        .iter()
        .position(|r| *r == Row::Lever(view.selected))
        .unwrap_or(0);
    let offset = (selected_row + 1).saturating_sub(list_h as usize);
    (
        Layout {
            list,
            detail: detail_rect,
            offset,
        },
        detail,
    )
}

fn inner_of(area: Rect, compact: bool) -> Rect {
    // Same as the panel's block: a rule on top when compact, else a box.
    if compact {
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        }
    } else {
        Rect {
            x: area.x + 1,
            y: area.y + 1,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        }
    }
}

/// Which lever is at a position of the panel.
pub fn hit(doc: &Document, view: &View, area: Rect, compact: bool, pos: Position) -> Hit {
    let inner = inner_of(area, compact);
    let (l, _) = layout(doc, view, inner);
    if !l.list.contains(pos) {
        return Hit::Other;
    }
    let i = l.offset + (pos.y - l.list.y) as usize;
    match rows(doc).get(i) {
        Some(Row::Lever(k)) => Hit::Lever(*k),
        _ => Hit::Other,
    }
}

/// A lever's label in `w` cells: the full one where it fits, else the
/// short one (cut with `…` only if that too is longer).
pub fn label_in(view: &View, s: &Scenario, lever: &Lever, w: usize) -> String {
    let full = i18n::lever_label(view.lang, s, lever);
    if width(&full) <= w {
        full
    } else {
        truncate(&i18n::lever_short_label(view.lang, s, lever), w)
    }
}

/// A bar of `w` cells filled to `position` (0–1) in eighths.
pub fn bar(position: f64, w: usize) -> (String, String) {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (position.clamp(0.0, 1.0) * (w * 8) as f64).round() as usize;
    let full = eighths / 8;
    let mut filled = "█".repeat(full.min(w));
    let mut used = full.min(w);
    if full < w && !eighths.is_multiple_of(8) {
        filled.push(PARTS[eighths % 8]);
        used += 1;
    }
    (filled, "─".repeat(w - used))
}

pub fn render(
    doc: &Document,
    view: &View,
    area: Rect,
    compact: bool,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let t = i18n::tui(view.lang);
    super::panel(t.levers, compact, theme).render(area, buf);
    let inner = inner_of(area, compact);
    if inner.width < 10 || inner.height == 0 {
        return;
    }
    let (l, detail) = layout(doc, view, inner);
    let w = inner.width as usize;
    let p = plan(doc, view);
    let value_w = p.value_width(compact);
    let max_name = p.name_width;
    let bar_w = w.saturating_sub(5 + value_w + max_name).clamp(4, 16);
    let name_w = w.saturating_sub(5 + value_w + bar_w).max(4);
    for (k, row) in rows(doc).iter().skip(l.offset).enumerate() {
        let y = l.list.y + k as u16;
        if y >= l.list.bottom() {
            break;
        }
        let x = inner.x;
        match *row {
            Row::Group(g) => {
                buf.set_string(x + 1, y, i18n::group_name(view.lang, g), theme.group);
            }
            Row::Lever(i) => {
                let lever = &doc.levers[i];
                let value = doc.value(lever);
                let selected = i == view.selected;
                let line_style = if selected { theme.selected } else { theme.base };
                let row_rect = Rect::new(x, y, inner.width, 1);
                buf.set_style(row_rect, line_style);
                buf.set_string(x, y, if selected { "▶" } else { " " }, line_style);
                if doc.is_changed(lever) {
                    buf.set_string(x + 1, y, "●", theme.changed.patch(line_style));
                }
                let name = label_in(view, &doc.current, lever, name_w);
                buf.set_string(x + 3, y, &name, theme.label.patch(line_style));
                let text = right(
                    &short_value(view.lang, &doc.current, lever, value, compact),
                    value_w,
                );
                let vx = x + 3 + name_w as u16 + 1;
                let negative = value < Decimal::ZERO;
                buf.set_string(vx, y, &text, theme.number(negative).patch(line_style));
                let (fill, empty) = bar(lever.position(value), bar_w);
                let bx = vx + value_w as u16 + 1;
                buf.set_string(bx, y, &fill, theme.bar_fill);
                buf.set_string(bx + width(&fill) as u16, y, &empty, theme.bar_empty);
            }
        }
    }
    for (k, line) in detail.iter().enumerate() {
        let y = l.detail.y + k as u16;
        if y >= l.detail.bottom() {
            break;
        }
        buf.set_stringn(inner.x + 1, y, line, w.saturating_sub(1), theme.muted);
    }
}

/// The selected lever on one line, for screens without the list:
/// `▶ ● Effekt, andel av forventet  100,0 %  ████────  (1/11)`.
pub fn selected_line(doc: &Document, view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Some(lever) = doc.lever(view.selected) else {
        return;
    };
    let value = doc.value(lever);
    let text = i18n::lever_value(view.lang, &doc.current, lever, value);
    let count = format!("({}/{})", view.selected + 1, doc.levers.len());
    let w = area.width as usize;
    let bar_w = 16.min(w / 5);
    let fixed = 4 + 2 + width(&text) + 2 + bar_w + 2 + width(&count);
    let label = label_in(view, &doc.current, lever, w.saturating_sub(fixed).max(4));
    let mut x = area.x;
    buf.set_string(x, area.y, "▶ ", theme.selected);
    x += 2;
    let mark = if doc.is_changed(lever) { "● " } else { "  " };
    buf.set_string(x, area.y, mark, theme.changed);
    x += 2;
    buf.set_string(x, area.y, &label, theme.selected);
    x += width(&label) as u16 + 2;
    buf.set_string(x, area.y, &text, theme.number(value < Decimal::ZERO));
    x += width(&text) as u16 + 2;
    let (fill, empty) = bar(lever.position(value), bar_w);
    buf.set_string(x, area.y, &fill, theme.bar_fill);
    buf.set_string(x + width(&fill) as u16, area.y, &empty, theme.bar_empty);
    x += bar_w as u16 + 2;
    if x + width(&count) as u16 <= area.right() {
        buf.set_string(x, area.y, &count, theme.muted);
    }
}
