//! One viewer's state: what this person sees of a document and how — the
//! terminal's size, language and theme, the screen, the selected lever,
//! scroll positions, the open dialog or overlay and the status message.
//!
//! Several views can show one [`super::Document`] (a room over SSH has one
//! per client); nothing here is shared. The scenario picker is a view's too:
//! it is one person's choice before any document exists.

use rust_decimal::Decimal;

use super::keymap::Context;
use super::picker::Picker;
use super::recovery::Recovery;
use super::risk_job::RiskRequest;
use super::room::RoomStatus;
use super::theme::{Theme, ThemeKind};
use crate::format::Lang;
use crate::i18n::glossary::Term;
use crate::risk::{Figure, Miss, Solution, TornadoFigure};

/// The screens of an open scenario (keys 1–8, Tab).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Workshop,
    Risk,
    Flows,
    Compare,
    Scenario,
    /// Monte Carlo, tornado (`src/tui/ui/uncertainty/`).
    Uncertainty,
    /// The payer's budget per budget year (`src/tui/ui/budget.rs`).
    Budget,
    /// Each municipality of a pilot (`src/tui/ui/sites.rs`).
    Sites,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Workshop,
        Screen::Risk,
        Screen::Flows,
        Screen::Compare,
        Screen::Scenario,
        Screen::Uncertainty,
        Screen::Budget,
        Screen::Sites,
    ];

    /// The screen's name in the tab bar.
    pub fn title(self, lang: Lang) -> &'static str {
        let t = crate::i18n::tui(lang);
        match self {
            Screen::Workshop => t.screen_workshop,
            Screen::Risk => t.screen_risk,
            Screen::Flows => t.screen_flows,
            Screen::Compare => t.screen_compare,
            Screen::Scenario => t.screen_scenario,
            Screen::Uncertainty => t.screen_uncertainty,
            Screen::Budget => t.screen_budget,
            Screen::Sites => t.screen_sites,
        }
    }

    /// The screen's number key, 1–8.
    pub fn number(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// The screen `by` places further, wrapping around.
    pub fn cycled(self, by: i32) -> Screen {
        let n = Screen::ALL.len() as i32;
        let i = (self.number() as i32 - 1 + by).rem_euclid(n);
        Screen::ALL[i as usize]
    }
}

/// The value prompt of a lever (Enter or `=`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prompt {
    pub input: String,
    /// Why the last value was refused; the prompt stays open.
    pub error: Option<String>,
}

/// What a text prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputKind {
    /// The name to save the current levers under.
    SaveName,
    /// A new name for the variant.
    Rename(String),
    /// The name of a copy of the variant.
    Duplicate(String),
    /// A note on the open variant.
    Note,
    /// Another name for a deleted variant whose own is taken (or refused):
    /// the trash's entry `id` of the variant `name`.
    RestoreAs { id: String, name: String },
}

/// A one-line text prompt (names and notes). It starts empty; `hint` is
/// shown in its place (the open variant's name, the old name) and Tab or
/// → takes it as the text, so typing never appends to an old name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    pub kind: InputKind,
    pub text: String,
    /// Shown greyed while the text is empty; Tab or → takes it.
    pub hint: Option<String>,
    /// Why the last text was refused; the prompt stays open.
    pub error: Option<String>,
}

/// The picker's dialog for a new scenario from a template: the file name
/// being typed and the template chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewScenario {
    /// The file name as typed (`.toml` is added); it gives the id.
    pub name: String,
    /// The template: 0 the empty one, then the bundled scenarios in the
    /// order of [`crate::catalog::BUNDLED`].
    pub template: usize,
    /// Why the last name was refused; the dialog stays open.
    pub error: Option<String>,
}

/// A question: before changed levers are discarded, a variant is replaced
/// or deleted, or unsaved changes from an earlier run are restored.
///
/// Destructive questions (all but [`Confirm::Restore`]) take yes only from
/// an explicit key that moves nothing (`y`, `Y`, `J`); Enter, Esc, `n`, `q`
/// and Ctrl+C answer no. The restore offer is not destructive (`u` undoes
/// it): Enter restores, `n` discards the file, Esc asks again next time.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Quit,
    ToPicker,
    /// Replace the saved variant of this name.
    OverwriteVariant(String),
    /// Delete the saved variant of this name.
    DeleteVariant(String),
    /// Restore the levers an earlier run left unsaved.
    Restore(Box<Recovery>),
    /// Discard a copy of a room's levers and go back to the room.
    Rejoin,
}

impl Confirm {
    /// A yes loses something (changed levers, a saved variant).
    pub fn is_destructive(&self) -> bool {
        !matches!(self, Confirm::Restore(_))
    }
}

/// What a question's answer was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    /// No (for the restore offer: discard the recovery file).
    No,
    /// Neither: close the question (for the restore offer: ask again
    /// next time). Destructive questions take it as no.
    Cancel,
    /// The quit question: save the levers as a variant, then leave.
    SaveFirst,
}

/// Where to go once the levers are saved ("save as a variant first").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    Quit,
    ToPicker,
    /// From a private copy back to its room.
    Rejoin,
}

/// The field of the goal-seek dialog that takes typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalField {
    Figure,
    Target,
    Achievement,
}

/// Where the goal-seek dialog is.
#[derive(Debug, Clone, PartialEq)]
pub enum GoalState {
    /// Filling in the fields; `error` says why the last try was refused.
    Editing { error: Option<String> },
    /// Searching in the background (the Monte Carlo figure).
    Searching(RiskRequest),
    /// A value hits the target; Enter or `y` applies it.
    Found(Box<Solution>),
    /// No value of the lever's range hits the target.
    Missed(Box<Miss>),
}

/// The goal-seek dialog (`g`): which figure should reach which target, at
/// which achievement, by moving the selected lever.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalDialog {
    /// The lever to move, by its index in the document's levers.
    pub lever: usize,
    pub figure: Figure,
    pub field: GoalField,
    /// The target as typed (`6 %`, `0,06`, `5 mill.`).
    pub target: String,
    /// The achievement to evaluate at as typed; empty: the current one.
    pub achievement: String,
    /// The figure now, where the document has it (not for the Monte Carlo
    /// figure), to show next to the target.
    pub now: Option<Decimal>,
    pub state: GoalState,
}

impl GoalDialog {
    /// Whether the achievement field applies: not when the lever is the
    /// achievement itself, nor for the probability of paying for noise
    /// (computed at zero effect).
    pub fn asks_achievement(&self, lever_id: &str) -> bool {
        lever_id != "achievement" && self.figure != Figure::PNoisePayment
    }
}

/// What takes the keys: the screen itself, or one dialog over it. Exactly
/// one at a time; the key map and update dispatch on it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Mode {
    /// Keys go to the key map (screen, levers, the variant list).
    #[default]
    Normal,
    /// The `?` overlay: ↑/↓, PgUp/PgDn, Home/End scroll it, any other
    /// key closes it.
    Help,
    /// A yes/no question.
    Confirm(Confirm),
    /// The value prompt of the selected lever.
    Prompt(Prompt),
    /// A name or note being typed.
    Input(TextInput),
    /// The goal-seek dialog.
    Goal(GoalDialog),
    /// A room's participants, this row selected (`super::room`).
    Participants(usize),
    /// The picker's "new scenario from template" dialog.
    NewScenario(NewScenario),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Warning,
    Error,
}

/// A one-line message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub kind: MessageKind,
    pub text: String,
}

/// Scroll positions of the screens that scroll.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub flows_row: usize,
    pub flows_col: usize,
    pub scenario: usize,
    pub compare_row: usize,
    pub compare_col: usize,
    /// The first line of the help overlay shown.
    pub help: usize,
    /// The first row of the budget screen's table shown.
    pub budget: usize,
    /// The first year column of the budget screen shown (when they do
    /// not all fit).
    pub budget_col: usize,
    /// The first municipality of the sites screen's table shown.
    pub sites_row: usize,
    /// The first scrolling column of the sites screen's table shown.
    pub sites_col: usize,
}

/// Which payoff curve the comparison chart overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareMetric {
    #[default]
    Payments,
    InvestorNet,
    PayerNpv,
}

impl CompareMetric {
    /// The next curve (`m`).
    pub fn next(self) -> CompareMetric {
        match self {
            CompareMetric::Payments => CompareMetric::InvestorNet,
            CompareMetric::InvestorNet => CompareMetric::PayerNpv,
            CompareMetric::PayerNpv => CompareMetric::Payments,
        }
    }
}

/// What the compare screen shows at narrow sizes: the table, or the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareView {
    #[default]
    Table,
    Chart,
}

/// Which distribution the histogram shows (`d` switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HistogramKind {
    #[default]
    OutcomePayments,
    InvestorNet,
    InvestorIrr,
}

impl HistogramKind {
    pub fn next(self) -> HistogramKind {
        match self {
            HistogramKind::OutcomePayments => HistogramKind::InvestorNet,
            HistogramKind::InvestorNet => HistogramKind::InvestorIrr,
            HistogramKind::InvestorIrr => HistogramKind::OutcomePayments,
        }
    }
}

/// What the document's background work is wanted for: the host starts
/// the Monte Carlo only while some view shows the uncertainty screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wants {
    pub uncertainty: bool,
}

impl Wants {
    /// What any of several views wants (for a host with several views).
    pub fn any<'a>(views: impl IntoIterator<Item = &'a View>) -> Wants {
        Wants {
            uncertainty: views.into_iter().any(|v| v.wants().uncertainty),
        }
    }
}

/// One viewer's state.
#[derive(Debug, Clone)]
pub struct View {
    /// The terminal's size (columns, rows), from resize events.
    pub size: (u16, u16),
    pub lang: Lang,
    pub theme: ThemeKind,
    /// `NO_COLOR` is set: only the monochrome theme.
    pub no_color: bool,
    /// The scenario picker, when this view started with it (also the
    /// place `q` returns to).
    pub picker: Option<Picker>,
    pub screen: Screen,
    pub presentation: bool,
    /// Presentation mode shows the risk table rather than the key
    /// figures (Tab).
    pub presentation_table: bool,
    /// The selected lever, by its index in the document's levers.
    pub selected: usize,
    pub scroll: Scroll,
    /// What takes the keys.
    pub mode: Mode,
    /// The variant list overlay (`v`) is open, with this row selected.
    pub variant_list: Option<usize>,
    /// The list shows the deleted variants (the trash), with this row
    /// selected; only while `variant_list` is open.
    pub variant_trash: Option<usize>,
    pub message: Option<Message>,
    pub compare_metric: CompareMetric,
    pub compare_view: CompareView,
    pub histogram: HistogramKind,
    /// The figure the tornado is sorted by (and shows when narrow).
    pub tornado_sort: TornadoFigure,
    /// Set by "save as a variant first": where to go after the save.
    pub leave_after_save: Option<Leave>,
    /// The shared room this view is in, kept true by its host (`None`:
    /// the view has its document to itself).
    pub room: Option<RoomStatus>,
    /// The key figure pointed at (`i` cycles, a click points), explained
    /// in the status line and first in the `?` overlay; `None`: the
    /// selected lever is what `?` explains.
    pub pointed: Option<Term>,
    /// The municipality chosen (`f`), by its index in `[[sites]]`: the
    /// budget screen and presentation show it alone, the sites screen
    /// marks it and `B` writes its business case; `None`: all of them.
    pub site: Option<usize>,
}

impl View {
    /// A view of a document (or of the picker, see [`View::picking`]).
    pub fn new(lang: Lang, theme: ThemeKind, size: (u16, u16)) -> View {
        View {
            size,
            lang,
            theme,
            // Monochrome from the start only under `NO_COLOR` (see
            // `ThemeKind::from_env`), so the view itself reads no
            // environment.
            no_color: theme == ThemeKind::Mono,
            picker: None,
            screen: Screen::Workshop,
            presentation: false,
            presentation_table: false,
            selected: 0,
            scroll: Scroll::default(),
            mode: Mode::Normal,
            variant_list: None,
            variant_trash: None,
            message: None,
            compare_metric: CompareMetric::default(),
            compare_view: CompareView::default(),
            histogram: HistogramKind::default(),
            tornado_sort: TornadoFigure::PayerNpv,
            leave_after_save: None,
            room: None,
            pointed: None,
            site: None,
        }
    }

    /// A view showing the scenario picker.
    pub fn picking(picker: Picker, lang: Lang, theme: ThemeKind, size: (u16, u16)) -> View {
        View {
            picker: Some(picker),
            ..View::new(lang, theme, size)
        }
    }

    /// Back to the first screen with nothing open, for a newly opened
    /// document; size, language, theme, picker and room stay.
    pub fn reset_for_document(&mut self) {
        let fresh = View::new(self.lang, self.theme, self.size);
        *self = View {
            picker: self.picker.take(),
            message: self.message.take(),
            no_color: self.no_color,
            room: self.room.take(),
            ..fresh
        };
    }

    /// The styles to draw with now.
    pub fn styles(&self) -> &'static Theme {
        self.theme.theme(self.presentation)
    }

    /// The terminal is below the smallest size the app draws in: only the
    /// size message shows, and only `q`, Esc and Ctrl+C do anything.
    pub fn too_small(&self) -> bool {
        self.size.0 < super::ui::MIN_WIDTH || self.size.1 < super::ui::MIN_HEIGHT
    }

    /// The uncertainty screen is on screen (not covered by presentation).
    pub fn shows_uncertainty(&self) -> bool {
        self.screen == Screen::Uncertainty && !self.presentation
    }

    /// The background work this view wants of its document.
    pub fn wants(&self) -> Wants {
        Wants {
            uncertainty: self.shows_uncertainty(),
        }
    }

    /// The goal-seek dialog, when it is open.
    pub fn goal(&self) -> Option<&GoalDialog> {
        match &self.mode {
            Mode::Goal(d) => Some(d),
            _ => None,
        }
    }

    /// The key-map contexts active now (with a document open or not),
    /// first match wins.
    pub fn contexts(&self, document: bool) -> &'static [Context] {
        use Context as C;
        if self.variant_list.is_some() {
            if self.variant_trash.is_some() {
                return &[C::Trash, C::General];
            }
            return &[C::VariantList, C::General];
        }
        if !document {
            return &[C::Picker, C::General];
        }
        if self.presentation {
            return &[
                C::Levers,
                C::SiteFilter,
                C::Presenting,
                C::Present,
                C::General,
            ];
        }
        match self.screen {
            Screen::Workshop | Screen::Risk => &[C::Levers, C::Screens, C::Present, C::General],
            Screen::Uncertainty => &[
                C::Levers,
                C::Uncertainty,
                C::Screens,
                C::Present,
                C::General,
            ],
            Screen::Flows | Screen::Scenario => &[C::Scroll, C::Screens, C::Present, C::General],
            Screen::Budget => &[C::SiteFilter, C::Scroll, C::Screens, C::Present, C::General],
            Screen::Sites => &[C::Sites, C::Scroll, C::Screens, C::Present, C::General],
            Screen::Compare => &[C::Compare, C::Scroll, C::Screens, C::Present, C::General],
        }
    }

    /// `q` would end the app (rather than close or leave something).
    pub fn back_quits(&self, document: bool) -> bool {
        if !document {
            return true;
        }
        !self.presentation
            && self.pointed.is_none()
            && !matches!(self.mode, Mode::Prompt(_) | Mode::Input(_))
            && self.variant_list.is_none()
            && self.screen == Screen::Workshop
            && self.picker.is_none()
    }
}
