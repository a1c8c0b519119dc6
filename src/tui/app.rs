//! The app's state: plain data, no terminal. [`super::update::update`]
//! changes it; [`super::ui`] draws it without changing it.

use rust_decimal::Decimal;

use super::keymap::Context;
use super::theme::{Theme, ThemeKind};
use crate::catalog::{Entry, Origin};
use crate::format::Lang;
use crate::levers::{self, Lever};
use crate::model::{self, BreakEven, Figures, PayoffPoint, RiskRow};
use crate::scenario::Scenario;

/// The screens of an open scenario (keys 1–6, Tab).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Workshop,
    Risk,
    Flows,
    Compare,
    Scenario,
    /// Monte Carlo, tornado (`src/tui/ui/uncertainty.rs`).
    Uncertainty,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::Workshop,
        Screen::Risk,
        Screen::Flows,
        Screen::Compare,
        Screen::Scenario,
        Screen::Uncertainty,
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
        }
    }

    /// The screen's number key, 1–6.
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

/// Why a scenario file in the picker cannot be opened.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenFile {
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// How many more errors the file has.
    pub more: usize,
}

/// One row of the scenario picker.
#[derive(Debug, Clone)]
pub struct PickerEntry {
    /// Bundled with effekt (else a file in the user's folder).
    pub bundled: bool,
    /// The file name, without folders.
    pub file_name: String,
    /// The file's text, whose hash saved variants keep.
    pub text: String,
    pub scenario: Result<Scenario, BrokenFile>,
}

impl PickerEntry {
    /// An entry of the catalog.
    pub fn from_catalog(e: Entry) -> PickerEntry {
        let (bundled, file_name) = match &e.origin {
            Origin::Bundled(name) => (true, (*name).to_string()),
            Origin::File(p) => (
                false,
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| p.display().to_string()),
            ),
        };
        let scenario = e.result.map_err(|err| {
            let more = err.diagnostics.len().saturating_sub(1);
            match err.diagnostics.into_iter().next() {
                Some(d) => BrokenFile {
                    line: d.line,
                    col: d.col,
                    message: crate::i18n::errors::problem(crate::format::Lang::En, &d.problem),
                    more,
                },
                None => BrokenFile {
                    line: 1,
                    col: 1,
                    message: String::new(),
                    more,
                },
            }
        });
        PickerEntry {
            bundled,
            file_name,
            text: e.text,
            scenario,
        }
    }
}

/// The scenario picker.
#[derive(Debug, Clone)]
pub struct Picker {
    pub entries: Vec<PickerEntry>,
    pub selected: usize,
    /// The user's scenario folder, shown under the list.
    pub folder: Option<String>,
}

/// The value prompt of a lever (Enter or `=`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prompt {
    pub input: String,
    /// Why the last value was refused; the prompt stays open.
    pub error: Option<String>,
}

/// A yes/no question: before changed levers are discarded, a variant is
/// replaced or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    Quit,
    ToPicker,
    /// Replace the saved variant of this name.
    OverwriteVariant(String),
    /// Delete the saved variant of this name.
    DeleteVariant(String),
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
}

/// The headline figures, in one place so their changes can be shown.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Headline {
    pub outcome_payments: Decimal,
    /// The payer's part of the outcome payments.
    pub payer_part: Decimal,
    /// The cofunder's part of the outcome payments.
    pub cofunder_part: Decimal,
    pub payer_npv: Decimal,
    pub investor_irr: Option<Decimal>,
    pub investor_moic: Option<Decimal>,
    pub investor_npv: Decimal,
    pub provider_net: Decimal,
    pub public_npv: Decimal,
    pub break_even: BreakEvenFigures,
}

/// The break-even achievements (copy of [`BreakEven`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BreakEvenFigures {
    pub principal: Option<Decimal>,
    pub return_cap: Option<Decimal>,
    pub payer: Option<Decimal>,
}

impl From<&BreakEven> for BreakEvenFigures {
    fn from(b: &BreakEven) -> Self {
        BreakEvenFigures {
            principal: b.principal,
            return_cap: b.return_cap,
            payer: b.payer,
        }
    }
}

/// The change of every headline figure caused by the last change of the
/// levers; zero where there is none or a figure is missing on either side.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Deltas {
    pub outcome_payments: Decimal,
    pub payer_part: Decimal,
    pub cofunder_part: Decimal,
    pub payer_npv: Decimal,
    pub investor_irr: Decimal,
    pub investor_moic: Decimal,
    pub investor_npv: Decimal,
    pub provider_net: Decimal,
    pub public_npv: Decimal,
    pub be_principal: Decimal,
    pub be_return_cap: Decimal,
    pub be_payer: Decimal,
}

fn opt_delta(old: Option<Decimal>, new: Option<Decimal>) -> Decimal {
    match (old, new) {
        (Some(a), Some(b)) => b - a,
        _ => Decimal::ZERO,
    }
}

impl Deltas {
    /// `new − old`, figure by figure.
    pub fn between(old: &Headline, new: &Headline) -> Deltas {
        Deltas {
            outcome_payments: new.outcome_payments - old.outcome_payments,
            payer_part: new.payer_part - old.payer_part,
            cofunder_part: new.cofunder_part - old.cofunder_part,
            payer_npv: new.payer_npv - old.payer_npv,
            investor_irr: opt_delta(old.investor_irr, new.investor_irr),
            investor_moic: opt_delta(old.investor_moic, new.investor_moic),
            investor_npv: new.investor_npv - old.investor_npv,
            provider_net: new.provider_net - old.provider_net,
            public_npv: new.public_npv - old.public_npv,
            be_principal: opt_delta(old.break_even.principal, new.break_even.principal),
            be_return_cap: opt_delta(old.break_even.return_cap, new.break_even.return_cap),
            be_payer: opt_delta(old.break_even.payer, new.break_even.payer),
        }
    }
}

/// Outcome payments of one period, split as the model splits them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PeriodPayments {
    pub payer: Decimal,
    pub cofunder: Decimal,
}

/// The payoff chart's data: the curve, and the same in `f64` for the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Payoff {
    pub points: Vec<PayoffPoint>,
    /// (achievement in %, amount) per series.
    pub payments: Vec<(f64, f64)>,
    pub investor: Vec<(f64, f64)>,
    pub payer_npv: Vec<(f64, f64)>,
    /// Bounds of every series and their middle, for the axis labels.
    pub y_min: Decimal,
    pub y_mid: Decimal,
    pub y_max: Decimal,
}

/// The highest achievement of the payoff chart (150 %).
pub const PAYOFF_MAX: Decimal = Decimal::from_parts(15, 0, 0, false, 1);
/// Points of the payoff curve (every 2.5 %).
pub const PAYOFF_POINTS: usize = 61;

impl Payoff {
    fn new(s: &Scenario) -> Payoff {
        use rust_decimal::prelude::ToPrimitive;
        let points = model::payoff_curve(s, PAYOFF_MAX, PAYOFF_POINTS);
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        let x = |p: &PayoffPoint| f(p.achievement * Decimal::ONE_HUNDRED);
        let series = |g: fn(&PayoffPoint) -> Decimal| -> Vec<(f64, f64)> {
            points.iter().map(|p| (x(p), f(g(p)))).collect()
        };
        let all = points
            .iter()
            .flat_map(|p| [p.outcome_payments, p.investor_net, p.payer_npv]);
        let (mut y_min, mut y_max) = (Decimal::ZERO, Decimal::ZERO);
        for v in all {
            y_min = y_min.min(v);
            y_max = y_max.max(v);
        }
        if y_max == y_min {
            y_max = y_min + Decimal::ONE;
        }
        Payoff {
            payments: series(|p| p.outcome_payments),
            investor: series(|p| p.investor_net),
            payer_npv: series(|p| p.payer_npv),
            points,
            y_min,
            y_mid: (y_min + y_max) / Decimal::TWO,
            y_max,
        }
    }
}

/// Everything the screens show, computed once per change of the levers and
/// never in a render.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub figures: Figures,
    pub headline: Headline,
    pub deltas: Deltas,
    pub risk: Vec<RiskRow>,
    pub payoff: Payoff,
    pub periods: Vec<PeriodPayments>,
}

/// `a` and `b` are the same scenario apart from the achievement.
fn same_but_achievement(a: &Scenario, b: &Scenario) -> bool {
    let mut a = a.clone();
    a.assumptions.achievement = b.assumptions.achievement;
    a == *b
}

impl Computed {
    /// Computes every figure of `s`. With the previous scenario and its
    /// figures, the change is measured against them, and what does not
    /// depend on the achievement (break-even, risk table, payoff curve) is
    /// reused when only the achievement moved.
    pub fn new(s: &Scenario, previous: Option<(&Scenario, &Computed)>) -> Computed {
        let evaluation = model::evaluate(s);
        let reuse = previous.filter(|(p, _)| same_but_achievement(p, s));
        let (break_even, risk, payoff) = match reuse {
            Some((_, c)) => (c.figures.break_even, c.risk.clone(), c.payoff.clone()),
            None => (model::break_even(s), model::risk_table(s), Payoff::new(s)),
        };
        let run = &evaluation.run;
        let periods: Vec<PeriodPayments> = run
            .outcome_payments
            .iter()
            .zip(&run.cofunder_payments)
            .map(|(o, cofunder)| PeriodPayments {
                payer: o - cofunder,
                cofunder: *cofunder,
            })
            .collect();
        let e = &evaluation;
        let headline = Headline {
            outcome_payments: e.run.totals.outcome_payments,
            payer_part: periods.iter().map(|p| p.payer).sum(),
            cofunder_part: periods.iter().map(|p| p.cofunder).sum(),
            payer_npv: e.payer.npv,
            investor_irr: e.investor.irr.headline,
            investor_moic: e.investor.moic,
            investor_npv: e.investor.npv,
            provider_net: e.provider.net,
            public_npv: e.public.npv,
            break_even: BreakEvenFigures::from(&break_even),
        };
        let deltas = previous
            .map(|(_, p)| Deltas::between(&p.headline, &headline))
            .unwrap_or_default();
        Computed {
            figures: Figures {
                evaluation,
                break_even,
            },
            headline,
            deltas,
            risk,
            payoff,
            periods,
        }
    }
}

/// Most undo steps kept.
pub const UNDO_LIMIT: usize = 500;

/// An open scenario and everything about it.
#[derive(Debug, Clone)]
pub struct Workshop {
    /// The scenario as loaded: the levers' reference values.
    pub base: Scenario,
    /// The scenario with the levers as they are now.
    pub current: Scenario,
    /// The shown levers, grouped (targets, payment, risk sharing, return),
    /// in the scenario's order within each group; ranges from `base`.
    pub levers: Vec<Lever>,
    pub selected: usize,
    pub screen: Screen,
    pub presentation: bool,
    /// Earlier states of `current`, newest last.
    pub undo: Vec<Scenario>,
    /// States undone, newest last.
    pub redo: Vec<Scenario>,
    pub prompt: Option<Prompt>,
    pub computed: Computed,
    pub scroll: Scroll,
    /// The uncertainty screen and goal seek (`src/tui/risk_job.rs`).
    pub risk: super::risk_job::RiskView,
    /// Saved variants: the source text, the open variant, the comparison.
    pub variants: super::variants::VariantState,
}

impl Workshop {
    pub fn new(base: Scenario) -> Workshop {
        let mut shown = levers::shown(&base);
        // A stable sort keeps the scenario's order within each group.
        shown.sort_by_key(|l| l.group);
        let computed = Computed::new(&base, None);
        Workshop {
            current: base.clone(),
            base,
            levers: shown,
            selected: 0,
            screen: Screen::Workshop,
            presentation: false,
            undo: Vec::new(),
            redo: Vec::new(),
            prompt: None,
            computed,
            scroll: Scroll::default(),
            risk: Default::default(),
            variants: Default::default(),
        }
    }

    /// The workshop with the scenario file's text, whose hash saved
    /// variants keep.
    pub fn with_source(mut self, text: String) -> Workshop {
        self.variants.source_text = text;
        self
    }

    /// The selected lever, if the scenario shows any.
    pub fn lever(&self) -> Option<&Lever> {
        self.levers.get(self.selected)
    }

    /// A lever's value now.
    pub fn value(&self, lever: &Lever) -> Decimal {
        levers::get(&self.current, lever.target)
    }

    /// The lever differs from the scenario.
    pub fn is_changed(&self, lever: &Lever) -> bool {
        self.value(lever) != lever.value
    }

    /// How many levers (shown or not) differ from the scenario.
    pub fn changed_count(&self) -> usize {
        levers::changed(&self.base, &self.current).len()
    }

    /// Makes `next` the current scenario: remembers the old one for undo
    /// and recomputes.
    pub fn apply(&mut self, next: Scenario) {
        let old = std::mem::replace(&mut self.current, next);
        self.recompute(&old);
        self.undo.push(old);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Replaces the current scenario without touching undo/redo.
    pub fn replace(&mut self, next: Scenario) -> Scenario {
        let old = std::mem::replace(&mut self.current, next);
        self.recompute(&old);
        old
    }

    fn recompute(&mut self, old: &Scenario) {
        self.computed = Computed::new(&self.current, Some((old, &self.computed)));
    }
}

/// The whole app.
#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub theme: ThemeKind,
    /// `NO_COLOR` is set: only the monochrome theme.
    pub no_color: bool,
    /// The terminal's size (columns, rows), from resize events.
    pub size: (u16, u16),
    /// The picker, when the app started with it (also the place `q` returns to).
    pub picker: Option<Picker>,
    pub workshop: Option<Box<Workshop>>,
    pub help: bool,
    pub confirm: Option<Confirm>,
    pub message: Option<Message>,
    /// Set when the app should end.
    pub quit: bool,
    /// Where variants are saved; `None` when there is no data folder.
    pub store: Option<crate::store::Store>,
    /// A name or note being typed.
    pub input: Option<super::variants::TextInput>,
    /// The variant list overlay (`v`).
    pub variant_list: Option<super::variants::VariantList>,
}

impl App {
    fn with(lang: Lang, theme: ThemeKind, size: (u16, u16)) -> App {
        App {
            lang,
            theme,
            // The app starts monochrome only under `NO_COLOR` (see `run`).
            no_color: theme == ThemeKind::Mono,
            size,
            picker: None,
            workshop: None,
            help: false,
            confirm: None,
            message: None,
            quit: false,
            // Set by the caller (`run` uses the user's data folder), so the
            // app itself reads no environment.
            store: None,
            input: None,
            variant_list: None,
        }
    }

    /// The app with a scenario open.
    pub fn open(scenario: Scenario, lang: Lang, theme: ThemeKind, size: (u16, u16)) -> App {
        let mut app = App::with(lang, theme, size);
        app.workshop = Some(Box::new(Workshop::new(scenario)));
        app
    }

    /// The app showing the scenario picker.
    pub fn pick(
        entries: Vec<PickerEntry>,
        folder: Option<String>,
        lang: Lang,
        theme: ThemeKind,
        size: (u16, u16),
    ) -> App {
        let mut app = App::with(lang, theme, size);
        app.picker = Some(Picker {
            entries,
            selected: 0,
            folder,
        });
        app
    }

    /// The styles to draw with now.
    pub fn styles(&self) -> &'static Theme {
        let presentation = self.workshop.as_ref().is_some_and(|w| w.presentation);
        self.theme.theme(presentation)
    }

    /// The key-map contexts active now, first match wins.
    pub fn contexts(&self) -> &'static [Context] {
        use Context as C;
        if self.variant_list.is_some() {
            return &[C::VariantList, C::General];
        }
        match &self.workshop {
            None => &[C::Picker, C::General],
            Some(w) if w.presentation => &[C::Levers, C::Present, C::General],
            Some(w) => match w.screen {
                Screen::Workshop | Screen::Risk => &[C::Levers, C::Screens, C::Present, C::General],
                Screen::Uncertainty => &[
                    C::Levers,
                    C::Uncertainty,
                    C::Screens,
                    C::Present,
                    C::General,
                ],
                Screen::Flows | Screen::Scenario => {
                    &[C::Scroll, C::Screens, C::Present, C::General]
                }
                Screen::Compare => &[C::Compare, C::Scroll, C::Screens, C::Present, C::General],
            },
        }
    }

    /// `q` would end the app (rather than close or leave something).
    pub fn back_quits(&self) -> bool {
        match &self.workshop {
            None => true,
            Some(w) => {
                !w.presentation
                    && w.prompt.is_none()
                    && self.input.is_none()
                    && self.variant_list.is_none()
                    && w.screen == Screen::Workshop
                    && self.picker.is_none()
            }
        }
    }
}
