//! One document, several views, effects as data: what a host of a shared
//! room (and the one-person app) builds on. Two views of one document see
//! each other's lever steps at their own size and language; update returns
//! store operations instead of touching the disk, and the host's replies
//! update the document; the variant folder is read when asked, never after
//! an ordinary key.

use crate::common::{line_with, screen, temp_dir, view_screen};

use std::path::Path;

use effekt::catalog;
use effekt::format::{self, Lang};
use effekt::store::{Store, Variant};
use effekt::tui::disk;
use effekt::tui::view::{MessageKind, Mode};
use effekt::tui::{
    Action, AfterList, App, Document, Effect, Event, Screen, StoreOp, ThemeKind, View, Wants,
    handle_event, update,
};

fn document(id: &str) -> Document {
    let loaded = catalog::open(id).expect("bundled");
    Document::new(loaded.scenario).with_source(loaded.text)
}

/// Files and folders under `dir`, recursively.
fn files_under(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .map(|e| 1 + files_under(&e.path()))
            .sum()
    })
}

#[test]
fn a_step_through_one_view_shows_in_another() {
    let mut doc = document("sykefravaer");
    let mut a = View::new(Lang::Nb, ThemeKind::Default, (160, 45));
    let mut b = View::new(Lang::En, ThemeKind::Mono, (80, 24));
    let b_before = view_screen(Some(&doc), &b);
    assert!(line_with(&b_before, "▶").contains("100.0%"), "{b_before}");
    let generation = doc.generation;

    // A steps the achievement: no effect to run, the document changes.
    let effects = update(Some(&mut doc), &mut a, Action::Step(1));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(doc.generation > generation, "views know to redraw");

    // B's next frame shows it, in English at 80×24; A's in bokmål at 160×45.
    let b_after = view_screen(Some(&doc), &b);
    assert!(line_with(&b_after, "▶").contains("105.0%"), "{b_after}");
    let payments = doc.computed.headline.outcome_payments;
    let bare = format::money_short_bare(Lang::En, payments);
    assert!(
        line_with(&b_after, "Outcome payments").contains(&bare),
        "{bare} in:\n{b_after}"
    );
    let a_now = view_screen(Some(&doc), &a);
    assert!(line_with(&a_now, "▶").contains("105,0 %"), "{a_now}");
    let nb = format::money_short(Lang::Nb, "NOK", payments);
    assert!(a_now.contains(&nb), "{nb} in:\n{a_now}");

    // B sees exactly what one person at B's size and language sees after
    // the same step.
    let mut alone = App::open(doc.base.clone(), Lang::En, ThemeKind::Mono, (80, 24));
    alone.update(Action::Step(1));
    assert_eq!(b_after, screen(&alone));

    // Each view keeps its own screen, selection and messages.
    update(Some(&mut doc), &mut b, Action::GoTo(Screen::Flows));
    update(Some(&mut doc), &mut a, Action::SelectNext);
    update(Some(&mut doc), &mut a, Action::Step(-1000));
    update(Some(&mut doc), &mut a, Action::Step(-1));
    assert_eq!(a.screen, Screen::Workshop);
    assert_eq!((a.selected, b.selected), (1, 0));
    assert_eq!(b.screen, Screen::Flows);
    assert_eq!(
        a.message.as_ref().map(|m| m.kind),
        Some(MessageKind::Warning)
    );
    assert_eq!(b.message, None);
    // B's undo takes back A's two changes: the levers are the document's.
    update(Some(&mut doc), &mut b, Action::GoTo(Screen::Workshop));
    update(Some(&mut doc), &mut b, Action::Undo);
    assert_ne!(doc.current, doc.base);
    update(Some(&mut doc), &mut b, Action::Undo);
    assert_eq!(doc.current, doc.base);
}

#[test]
fn the_uncertainty_screen_of_one_view_follows_the_others_steps() {
    let mut doc = document("sykefravaer");
    let mut a = View::new(Lang::Nb, ThemeKind::Default, (160, 45));
    let mut b = View::new(Lang::En, ThemeKind::Default, (80, 24));
    let effects = update(Some(&mut doc), &mut b, Action::GoTo(Screen::Uncertainty));
    let [Effect::StartRisk(first)] = effects.as_slice() else {
        panic!("one run: {effects:?}");
    };
    let first = first.generation;

    // A steps on the workshop; A alone does not want the run, whose levers
    // are out of date: it is cancelled.
    let effects = update(Some(&mut doc), &mut a, Action::Step(1));
    assert!(
        matches!(effects.as_slice(), [Effect::CancelRisk(g)] if *g == first),
        "{effects:?}"
    );
    // The host asks for what all its views want: B shows the uncertainty
    // screen, so a run for the new levers starts and the tornado follows.
    let effects = effekt::tui::update::sync(&mut doc, Wants::any([&a, &b]));
    let [Effect::StartRisk(second)] = effects.as_slice() else {
        panic!("a new run: {effects:?}");
    };
    assert!(second.generation > first);
    assert_eq!(*second.work.scenario(), doc.current);
    assert_eq!(doc.risk.shown_for.as_deref(), Some(&doc.current));
    // Nothing more to do until something changes.
    assert!(effekt::tui::update::sync(&mut doc, Wants::any([&a, &b])).is_empty());
}

#[test]
fn update_returns_store_effects_and_writes_nothing() {
    let dir = temp_dir("views-effects");
    let store = Store::at(dir.join("variants"));
    let mut doc = document("sykefravaer");
    let mut view = View::new(Lang::Nb, ThemeKind::Default, (80, 24));
    update(Some(&mut doc), &mut view, Action::Step(-2));

    // `s`, a name, Enter: a save for the host to run, nothing on disk.
    assert!(update(Some(&mut doc), &mut view, Action::SaveVariant).is_empty());
    for c in "Lav effekt".chars() {
        update(Some(&mut doc), &mut view, Action::PromptChar(c));
    }
    let mut effects = update(Some(&mut doc), &mut view, Action::PromptAccept);
    assert_eq!(effects.len(), 1, "{effects:?}");
    let Some(Effect::Store(save)) = effects.pop() else {
        panic!("a store operation");
    };
    let StoreOp::Save { variant, overwrite } = &save else {
        panic!("a save: {save:?}");
    };
    assert_eq!(variant.name, "Lav effekt");
    assert!(!overwrite);
    assert_eq!(
        variant.levers.get("achievement"),
        Some(&rust_decimal::Decimal::new(9, 1))
    );
    // The prompt waits for the store's answer.
    assert!(matches!(view.mode, Mode::Input(_)));
    // The list, a note, an export and the comparison only ask, too.
    for action in [
        Action::ExportReport,
        Action::OpenVariants,
        Action::GoTo(Screen::Compare),
    ] {
        let effects = update(Some(&mut doc), &mut view, action);
        assert!(
            matches!(effects.as_slice(), [Effect::Store(StoreOp::List { .. })]),
            "{action:?}: {effects:?}"
        );
    }
    assert_eq!(files_under(&dir), 0, "update wrote nothing");

    // The host runs the save; its reply updates the document and the view.
    let reply = disk::perform(Some(&store), save);
    let Event::Saved {
        result: Ok(path), ..
    } = &reply
    else {
        panic!("saved: {reply:?}");
    };
    assert!(path.is_file());
    assert_eq!(doc.variants.open, None);
    let handled = handle_event(Some(&mut doc), &mut view, reply);
    assert!(handled.redraw);
    assert_eq!(doc.variants.open.as_deref(), Some("Lav effekt"));
    assert_eq!(view.mode, Mode::Normal, "the prompt closes");
    let message = view.message.clone().expect("said");
    assert!(message.text.contains("Lagret «Lav effekt»"), "{message:?}");
    // After its own write the app reads the variants again.
    let [Effect::Store(list @ StoreOp::List { then, .. })] = handled.effects.as_slice() else {
        panic!("a read: {:?}", handled.effects);
    };
    assert_eq!(*then, AfterList::Refresh);
    assert!(!doc.variants.read);
    let reply = disk::perform(Some(&store), list.clone());
    handle_event(Some(&mut doc), &mut view, reply);
    let names: Vec<&str> = doc
        .variants
        .listing
        .iter()
        .map(|v| v.variant.name.as_str())
        .collect();
    assert_eq!(names, ["Lav effekt"]);
}

#[test]
fn a_name_taken_is_found_by_the_store_and_asked_about() {
    let dir = temp_dir("views-taken");
    let mut app = App::open(
        catalog::open("sykefravaer").unwrap().scenario,
        Lang::En,
        ThemeKind::Default,
        (80, 24),
    )
    .with_store(Store::at(dir.join("variants")));
    // Saved by another process while the app runs.
    let doc = app.doc.as_ref().unwrap();
    let other = Variant::from_current("Plan B", &doc.loaded(), &doc.current);
    app.store.as_ref().unwrap().save(&other, false).unwrap();
    app.update(Action::SaveVariant);
    for c in "plan b".chars() {
        app.update(Action::PromptChar(c));
    }
    app.update(Action::PromptAccept);
    assert_eq!(
        app.view.mode,
        Mode::Confirm(effekt::tui::view::Confirm::OverwriteVariant(
            "plan b".into()
        ))
    );
}

#[test]
fn variants_are_not_read_after_an_ordinary_key() {
    let dir = temp_dir("views-reread");
    let store = Store::at(dir.join("variants"));
    let loaded = catalog::open("rekruttering").unwrap();
    let mut app = App::open(loaded.scenario, Lang::Nb, ThemeKind::Default, (80, 24))
        .with_store(store.clone())
        .with_source(loaded.text);
    app.update(Action::OpenVariants);
    assert!(app.doc.as_ref().unwrap().variants.read);
    assert!(app.doc.as_ref().unwrap().variants.listing.is_empty());
    app.update(Action::ListClose);

    // Another process saves a variant.
    let doc = app.doc.as_ref().unwrap();
    let other = Variant::from_current("Fra CLI", &doc.loaded(), &doc.current);
    store.save(&other, false).unwrap();

    // Ordinary keys: no read, so the app does not know of it yet.
    for action in [
        Action::Step(1),
        Action::SelectNext,
        Action::Step(-1),
        Action::GoTo(Screen::Risk),
        Action::GoTo(Screen::Flows),
        Action::Scroll(1),
        Action::TogglePresentation,
        Action::TogglePresentation,
        Action::Undo,
    ] {
        let effects = update(app.doc.as_mut(), &mut app.view, action);
        assert!(
            !effects.iter().any(|e| matches!(e, Effect::Store(_))),
            "{action:?} asked the store: {effects:?}"
        );
        app.run(effects);
        assert!(app.doc.as_ref().unwrap().variants.listing.is_empty());
    }
    // Opening the comparison reads the folder.
    app.update(Action::GoTo(Screen::Compare));
    let shelf = &app.doc.as_ref().unwrap().variants;
    assert_eq!(shelf.listing.len(), 1);
    assert_eq!(
        shelf.columns.as_ref().map(Vec::len),
        Some(2),
        "base and the variant"
    );
}
