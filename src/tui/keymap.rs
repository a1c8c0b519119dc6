//! The key map: data, not code. The help overlay and the status bar are
//! generated from it, so a key is documented exactly where it is bound.

use super::action::Action;
use super::event::{Key, KeyCode};
use super::view::Screen;
use crate::i18n::TuiTexts;

/// A text of the TUI in the current language.
pub type Text = fn(&'static TuiTexts) -> &'static str;

/// Where a binding applies. Several contexts are active at once (see
/// [`super::view::View::contexts`]); the first match wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The scenario picker.
    Picker,
    /// Screens where the levers can be moved (workshop, risk, presentation).
    Levers,
    /// Screens with a table or text that scrolls (cash flows, scenario).
    Scroll,
    /// Any screen of an open scenario, not in presentation mode.
    Screens,
    /// Any screen of an open scenario, and presentation mode.
    Present,
    /// Presentation mode only.
    Presenting,
    /// Everywhere.
    General,
    /// The uncertainty screen (6).
    Uncertainty,
    /// The variant list overlay.
    VariantList,
    /// The variant list showing the deleted variants (the trash).
    Trash,
    /// The compare screen.
    Compare,
    /// Screens that show one municipality or all (budget, sites,
    /// presentation).
    SiteFilter,
    /// The sites screen (8).
    Sites,
}

impl Context {
    /// The heading of the context in the help overlay.
    pub fn title(self) -> Text {
        match self {
            Context::Picker => |t| t.ctx_picker,
            Context::Levers => |t| t.ctx_levers,
            Context::Scroll => |t| t.ctx_scroll,
            Context::Screens => |t| t.ctx_screens,
            Context::Present => |t| t.ctx_present,
            Context::Presenting => |t| t.ctx_presenting,
            Context::General => |t| t.ctx_general,
            Context::Uncertainty => |t| t.ctx_uncertainty,
            Context::VariantList => |t| t.ctx_variants,
            Context::Trash => |t| t.ctx_trash,
            Context::Compare => |t| t.screen_compare,
            Context::SiteFilter => |t| t.ctx_site_filter,
            Context::Sites => |t| t.screen_sites,
        }
    }

    /// The contexts in the order the help overlay lists them.
    pub const ALL: [Context; 13] = [
        Context::Levers,
        Context::Uncertainty,
        Context::Sites,
        Context::SiteFilter,
        Context::Screens,
        Context::Present,
        Context::Presenting,
        Context::Scroll,
        Context::Picker,
        Context::General,
        Context::Compare,
        Context::VariantList,
        Context::Trash,
    ];
}

/// One binding: keys, the action, and how help and the status bar show it.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// The line in the help overlay; `None` for bindings covered by another
    /// line (screens 2–5 under "1–5").
    pub help: Option<Text>,
    /// How the keys read in help when not simply listed (`1–5`).
    pub keys_label: Option<&'static str>,
    /// The short entry of the status bar: keys as shown there, and the word.
    pub status: Option<(&'static str, Text)>,
}

const fn bind(context: Context, keys: &'static [Key], action: Action, help: Text) -> Binding {
    Binding {
        context,
        keys,
        action,
        help: Some(help),
        keys_label: None,
        status: None,
    }
}

const fn with_status(b: Binding, keys: &'static str, word: Text) -> Binding {
    Binding {
        status: Some((keys, word)),
        ..b
    }
}

use Context as C;
use KeyCode as K;

/// Every key binding of the app.
pub static KEYMAP: &[Binding] = &[
    // The picker.
    bind(
        C::Picker,
        &[Key::plain(K::Up), Key::ch('k')],
        Action::SelectPrev,
        |t| t.key_select_up,
    ),
    with_status(
        bind(
            C::Picker,
            &[Key::plain(K::Down), Key::ch('j')],
            Action::SelectNext,
            |t| t.key_select_down,
        ),
        "↑↓",
        |t| t.status_select,
    ),
    with_status(
        bind(C::Picker, &[Key::plain(K::Enter)], Action::Open, |t| {
            t.key_open
        }),
        "Enter",
        |t| t.status_open,
    ),
    with_status(
        bind(C::Picker, &[Key::ch('n')], Action::NewScenario, |t| {
            t.key_new_scenario
        }),
        "n",
        |t| t.status_new,
    ),
    // Levers.
    with_status(
        bind(
            C::Levers,
            &[Key::plain(K::Right), Key::ch('l')],
            Action::Step(1),
            |t| t.key_step_up,
        ),
        "←→",
        |t| t.status_step,
    ),
    bind(
        C::Levers,
        &[Key::plain(K::Left), Key::ch('h')],
        Action::Step(-1),
        |t| t.key_step_down,
    ),
    bind(C::Levers, &[Key::shift(K::Right)], Action::Step(10), |t| {
        t.key_step_up_10
    }),
    bind(C::Levers, &[Key::shift(K::Left)], Action::Step(-10), |t| {
        t.key_step_down_10
    }),
    with_status(
        bind(
            C::Levers,
            &[Key::plain(K::Down), Key::ch('j')],
            Action::SelectNext,
            |t| t.key_select_down,
        ),
        "↑↓",
        |t| t.status_select,
    ),
    bind(
        C::Levers,
        &[Key::plain(K::Up), Key::ch('k')],
        Action::SelectPrev,
        |t| t.key_select_up,
    ),
    with_status(
        bind(
            C::Levers,
            &[Key::plain(K::Enter), Key::ch('=')],
            Action::Edit,
            |t| t.key_edit,
        ),
        "Enter",
        |t| t.status_edit,
    ),
    bind(C::Levers, &[Key::ch('r')], Action::ResetLever, |t| {
        t.key_reset
    }),
    bind(C::Levers, &[Key::ch('R')], Action::ResetAll, |t| {
        t.key_reset_all
    }),
    with_status(
        bind(C::Levers, &[Key::ch('u')], Action::Undo, |t| t.key_undo),
        "u",
        |t| t.status_undo,
    ),
    bind(C::Levers, &[Key::ctrl(K::Char('r'))], Action::Redo, |t| {
        t.key_redo
    }),
    bind(C::Levers, &[Key::ch('g')], Action::GoalSeek, |t| {
        t.key_goal_seek
    }),
    // Explain a figure: point at the next or previous one.
    bind(C::Levers, &[Key::ch('i')], Action::PointFigure(1), |t| {
        t.key_point_next
    }),
    bind(C::Levers, &[Key::ch('I')], Action::PointFigure(-1), |t| {
        t.key_point_prev
    }),
    // The uncertainty screen.
    bind(
        C::Uncertainty,
        &[Key::ch('d')],
        Action::CycleHistogram,
        |t| t.key_histogram,
    ),
    bind(C::Uncertainty, &[Key::ch('f')], Action::SortTornado, |t| {
        t.key_tornado_sort
    }),
    // Scrolling.
    with_status(
        bind(
            C::Scroll,
            &[Key::plain(K::Down), Key::ch('j')],
            Action::Scroll(1),
            |t| t.key_scroll_down,
        ),
        "↑↓",
        |t| t.status_scroll,
    ),
    bind(
        C::Scroll,
        &[Key::plain(K::Up), Key::ch('k')],
        Action::Scroll(-1),
        |t| t.key_scroll_up,
    ),
    bind(
        C::Scroll,
        &[Key::plain(K::PageDown)],
        Action::Page(1),
        |t| t.key_page_down,
    ),
    bind(C::Scroll, &[Key::plain(K::PageUp)], Action::Page(-1), |t| {
        t.key_page_up
    }),
    bind(
        C::Scroll,
        &[Key::plain(K::Right), Key::ch('l')],
        Action::ScrollColumns(1),
        |t| t.key_scroll_right,
    ),
    bind(
        C::Scroll,
        &[Key::plain(K::Left), Key::ch('h')],
        Action::ScrollColumns(-1),
        |t| t.key_scroll_left,
    ),
    bind(C::Scroll, &[Key::plain(K::Home)], Action::ScrollTop, |t| {
        t.key_top
    }),
    bind(C::Scroll, &[Key::ch('i')], Action::PointFigure(1), |t| {
        t.key_point_next
    }),
    bind(C::Scroll, &[Key::ch('I')], Action::PointFigure(-1), |t| {
        t.key_point_prev
    }),
    bind(
        C::Scroll,
        &[Key::plain(K::End)],
        Action::ScrollBottom,
        |t| t.key_bottom,
    ),
    // Screens.
    with_status(
        bind(C::Screens, &[Key::plain(K::Tab)], Action::NextScreen, |t| {
            t.key_next_screen
        }),
        "Tab",
        |t| t.status_screens,
    ),
    bind(
        C::Screens,
        &[Key::plain(K::BackTab)],
        Action::PrevScreen,
        |t| t.key_prev_screen,
    ),
    Binding {
        keys_label: Some("1–8"),
        ..bind(
            C::Screens,
            &[Key::ch('1')],
            Action::GoTo(Screen::Workshop),
            |t| t.key_goto_screen,
        )
    },
    Binding {
        help: None,
        ..bind(
            C::Screens,
            &[Key::ch('2')],
            Action::GoTo(Screen::Risk),
            |t| t.key_goto_screen,
        )
    },
    Binding {
        help: None,
        ..bind(
            C::Screens,
            &[Key::ch('3')],
            Action::GoTo(Screen::Flows),
            |t| t.key_goto_screen,
        )
    },
    Binding {
        help: None,
        ..bind(
            C::Screens,
            &[Key::ch('4')],
            Action::GoTo(Screen::Compare),
            |t| t.key_goto_screen,
        )
    },
    Binding {
        help: None,
        ..bind(
            C::Screens,
            &[Key::ch('5')],
            Action::GoTo(Screen::Scenario),
            |t| t.key_goto_screen,
        )
    },
    Binding {
        help: None,
        ..bind(
            C::Screens,
            &[Key::ch('6')],
            Action::GoTo(Screen::Uncertainty),
            |t| t.key_goto_screen,
        )
    },
    Binding {
        help: None,
        ..bind(
            C::Screens,
            &[Key::ch('7')],
            Action::GoTo(Screen::Budget),
            |t| t.key_goto_screen,
        )
    },
    Binding {
        help: None,
        ..bind(
            C::Screens,
            &[Key::ch('8')],
            Action::GoTo(Screen::Sites),
            |t| t.key_goto_screen,
        )
    },
    // One municipality or all (in the status bar on the sites screen,
    // where it matters most; the budget screen's is kept for its own
    // keys), and its business case.
    bind(C::SiteFilter, &[Key::ch('f')], Action::CycleSite, |t| {
        t.key_site_filter
    }),
    with_status(
        bind(C::Sites, &[Key::ch('f')], Action::CycleSite, |t| {
            t.key_site_filter
        }),
        "f",
        |t| t.status_site_filter,
    ),
    // Not `b`: in a room that makes a copy of one's own.
    with_status(
        bind(C::Sites, &[Key::ch('B')], Action::ExportBusinessCase, |t| {
            t.key_business_case
        }),
        "B",
        |t| t.status_business_case,
    ),
    with_status(
        bind(
            C::Present,
            &[Key::ch('p')],
            Action::TogglePresentation,
            |t| t.key_presentation,
        ),
        "p",
        |t| t.status_present,
    ),
    bind(
        C::Presenting,
        &[Key::plain(K::Tab), Key::plain(K::BackTab)],
        Action::PresentationPage,
        |t| t.key_presentation_page,
    ),
    // Variants.
    with_status(
        bind(C::Screens, &[Key::ch('s')], Action::SaveVariant, |t| {
            t.key_save_variant
        }),
        "s",
        |t| t.status_save,
    ),
    bind(C::Screens, &[Key::ch('v')], Action::OpenVariants, |t| {
        t.key_variants
    }),
    bind(
        C::Screens,
        &[Key::ch('c')],
        Action::GoTo(Screen::Compare),
        |t| t.key_compare,
    ),
    bind(C::Screens, &[Key::ch('n')], Action::AddNote, |t| t.key_note),
    bind(C::Screens, &[Key::ch('e')], Action::ExportReport, |t| {
        t.key_export
    }),
    bind(C::Screens, &[Key::ch('a')], Action::ExportAnnex, |t| {
        t.key_annex
    }),
    bind(C::Compare, &[Key::ch('m')], Action::CompareMetric, |t| {
        t.key_compare_metric
    }),
    bind(
        C::VariantList,
        &[Key::plain(K::Up), Key::ch('k')],
        Action::ListPrev,
        |t| t.key_select_up,
    ),
    bind(
        C::VariantList,
        &[Key::plain(K::Down), Key::ch('j')],
        Action::ListNext,
        |t| t.key_select_down,
    ),
    bind(
        C::VariantList,
        &[Key::plain(K::Enter)],
        Action::ListOpen,
        |t| t.key_list_open,
    ),
    bind(
        C::VariantList,
        &[Key::ch(' ')],
        Action::ListToggleCompare,
        |t| t.key_list_compare,
    ),
    bind(C::VariantList, &[Key::ch('r')], Action::ListRename, |t| {
        t.key_list_rename
    }),
    bind(
        C::VariantList,
        &[Key::ch('d')],
        Action::ListDuplicate,
        |t| t.key_list_duplicate,
    ),
    bind(
        C::VariantList,
        &[Key::plain(K::Delete), Key::ch('x')],
        Action::ListDelete,
        |t| t.key_list_delete,
    ),
    bind(C::VariantList, &[Key::ch('n')], Action::ListNote, |t| {
        t.key_list_note
    }),
    bind(C::VariantList, &[Key::ch('v')], Action::ListClose, |t| {
        t.key_list_close
    }),
    bind(
        C::VariantList,
        &[Key::plain(K::Tab)],
        Action::ListTrash,
        |t| t.key_list_trash,
    ),
    // The list's deleted variants (the trash).
    bind(
        C::Trash,
        &[Key::plain(K::Up), Key::ch('k')],
        Action::ListPrev,
        |t| t.key_select_up,
    ),
    bind(
        C::Trash,
        &[Key::plain(K::Down), Key::ch('j')],
        Action::ListNext,
        |t| t.key_select_down,
    ),
    bind(
        C::Trash,
        &[Key::plain(K::Enter)],
        Action::ListRestore,
        |t| t.key_trash_restore,
    ),
    bind(C::Trash, &[Key::plain(K::Tab)], Action::ListTrash, |t| {
        t.key_trash_back
    }),
    bind(C::Trash, &[Key::ch('v')], Action::ListClose, |t| {
        t.key_list_close
    }),
    // Everywhere.
    bind(C::General, &[Key::ch('t')], Action::ToggleTheme, |t| {
        t.key_theme
    }),
    bind(C::General, &[Key::ch('L')], Action::ToggleLanguage, |t| {
        t.key_language
    }),
    with_status(
        bind(C::General, &[Key::ch('?')], Action::ToggleHelp, |t| {
            t.key_help
        }),
        "?",
        |t| t.status_help,
    ),
    with_status(
        Binding {
            // Short enough for two columns of help at 80×24.
            keys_label: Some("q/Esc/^C"),
            ..bind(
                C::General,
                &[Key::ch('q'), Key::plain(K::Esc), Key::ctrl(K::Char('c'))],
                Action::Back,
                |t| t.key_back,
            )
        },
        "q",
        |t| t.status_quit,
    ),
];

/// The action bound to a key in the active contexts, if any.
pub fn lookup(contexts: &[Context], key: Key) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        KEYMAP
            .iter()
            .find(|b| b.context == *ctx && b.keys.contains(&key))
            .map(|b| b.action)
    })
}

/// A key as people read it: `↑`, `Shift+→`, `Ctrl+r`, `Enter`.
pub fn key_label(key: Key) -> String {
    let base = match key.code {
        K::Char(' ') => "Space".to_string(),
        K::Char(c) => c.to_string(),
        K::Up => "↑".into(),
        K::Down => "↓".into(),
        K::Left => "←".into(),
        K::Right => "→".into(),
        K::Enter => "Enter".into(),
        K::Esc => "Esc".into(),
        K::Tab => "Tab".into(),
        K::BackTab => "Shift+Tab".into(),
        K::Backspace => "Backspace".into(),
        K::Delete => "Del".into(),
        K::Home => "Home".into(),
        K::End => "End".into(),
        K::PageUp => "PgUp".into(),
        K::PageDown => "PgDn".into(),
    };
    let mut out = String::new();
    if key.mods.ctrl {
        out.push_str("Ctrl+");
    }
    if key.mods.alt {
        out.push_str("Alt+");
    }
    if key.mods.shift {
        out.push_str("Shift+");
    }
    out.push_str(&base);
    out
}

/// The keys of a binding as help shows them: `→ / l`, or its label.
pub fn keys_text(b: &Binding) -> String {
    match b.keys_label {
        Some(label) => label.to_string(),
        None => b
            .keys
            .iter()
            .map(|k| key_label(*k))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context sets the app uses together.
    const SETS: [&[Context]; 11] = [
        &[C::VariantList, C::General],
        &[C::Trash, C::General],
        &[C::Compare, C::Scroll, C::Screens, C::Present, C::General],
        &[C::Picker, C::General],
        &[
            C::Levers,
            C::SiteFilter,
            C::Presenting,
            C::Present,
            C::General,
        ],
        &[C::Levers, C::Screens, C::Present, C::General],
        &[
            C::Levers,
            C::Uncertainty,
            C::Screens,
            C::Present,
            C::General,
        ],
        &[C::Scroll, C::Screens, C::Present, C::General],
        &[C::Screens, C::Present, C::General],
        &[C::SiteFilter, C::Scroll, C::Screens, C::Present, C::General],
        &[C::Sites, C::Scroll, C::Screens, C::Present, C::General],
    ];

    #[test]
    fn no_key_is_bound_twice_in_contexts_used_together() {
        for set in SETS {
            let mut seen: Vec<Key> = Vec::new();
            for b in KEYMAP.iter().filter(|b| set.contains(&b.context)) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {set:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn variant_keys_are_bound_on_every_screen() {
        let screens = [C::Levers, C::Screens, C::Present, C::General];
        for (c, action) in [
            ('s', Action::SaveVariant),
            ('v', Action::OpenVariants),
            ('c', Action::GoTo(Screen::Compare)),
            ('n', Action::AddNote),
            ('e', Action::ExportReport),
            ('a', Action::ExportAnnex),
        ] {
            assert_eq!(lookup(&screens, Key::ch(c)), Some(action), "`{c}`");
        }
        // In the list, `n` writes a note on the selected variant.
        assert_eq!(
            lookup(&[C::VariantList, C::General], Key::ch('n')),
            Some(Action::ListNote)
        );
    }

    #[test]
    fn lookup_respects_contexts() {
        let levers = [C::Levers, C::Screens, C::General];
        let scroll = [C::Scroll, C::Screens, C::General];
        assert_eq!(lookup(&levers, Key::plain(K::Right)), Some(Action::Step(1)));
        assert_eq!(
            lookup(&levers, Key::shift(K::Left)),
            Some(Action::Step(-10))
        );
        assert_eq!(
            lookup(&scroll, Key::plain(K::Right)),
            Some(Action::ScrollColumns(1))
        );
        assert_eq!(lookup(&levers, Key::ctrl(K::Char('r'))), Some(Action::Redo));
        assert_eq!(lookup(&levers, Key::ch('r')), Some(Action::ResetLever));
        assert_eq!(lookup(&levers, Key::ch('z')), None);
        assert_eq!(lookup(&[C::Picker, C::General], Key::ch('p')), None);
    }

    #[test]
    fn labels() {
        assert_eq!(key_label(Key::shift(K::Right)), "Shift+→");
        assert_eq!(key_label(Key::ctrl(K::Char('r'))), "Ctrl+r");
        assert_eq!(keys_text(&KEYMAP[0]), "↑ / k");
    }
}
