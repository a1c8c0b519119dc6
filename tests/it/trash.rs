//! Deleted variants in the store: moved to the scenario's trash with the
//! time, listed newest first, restored into their name or another;
//! collisions kept apart; the pruning rule; special and broken files in
//! the trash never hang or break anything.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use effekt::catalog::{self, Loaded};
use effekt::store::trash::{KEEP_DAYS, KEEP_MAX, TRASH_DIR};
use effekt::store::{Note, ReadProblem, Store, StoreError, Variant};
use rust_decimal::Decimal;

use crate::common::{temp_dir, trash_file};

fn pilot(id: &str) -> Loaded {
    catalog::load_bundled(catalog::find_bundled(id).unwrap())
}

fn variant(base: &Loaded, name: &str, achievement: &str) -> Variant {
    let mut v = Variant::from_current(name, base, &base.scenario);
    v.levers.insert(
        "achievement".into(),
        Decimal::from_str(achievement).unwrap(),
    );
    v.notes.push(Note {
        at: "2026-11-26T10:00:00Z".into(),
        text: format!("Notat om {name}"),
    });
    v.created = "2026-11-26T10:00:00Z".into();
    v
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn achievement(v: &Variant) -> String {
    v.levers["achievement"].to_string()
}

/// Runs `f` on another thread and fails the test if it takes longer than
/// ten seconds (a FIFO opened for reading would block for ever).
fn within_deadline<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("{what} hung"))
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn delete_moves_to_the_trash_with_the_time_and_restore_brings_it_back() {
    let dir = temp_dir("trash-roundtrip");
    let store = Store::at(dir.join("variants"));
    let base = pilot("sykefravaer");
    let saved = variant(&base, "Lav effekt", "0.6");
    let live = store.save(&saved, false).unwrap();

    let before = SystemTime::now();
    let in_trash = store.delete("sykefravaer", "lav effekt").unwrap();
    assert!(!live.exists(), "the variant left its folder");
    assert_eq!(
        in_trash.parent().unwrap(),
        dir.join("variants").join(TRASH_DIR).join("sykefravaer")
    );
    let file = in_trash.file_name().unwrap().to_string_lossy().into_owned();
    assert!(file.ends_with("Z-lav-effekt.toml"), "{file}");
    assert!(store.list("sykefravaer").variants.is_empty());

    let trash = store.deleted("sykefravaer");
    assert!(trash.problems.is_empty(), "{:?}", trash.problems);
    assert_eq!(trash.deleted.len(), 1);
    let entry = &trash.deleted[0];
    assert_eq!(entry.variant, saved, "nothing of it is lost");
    assert_eq!(entry.path, in_trash);
    // The deletion time, to the second, in UTC.
    let at = humantime::parse_rfc3339(&entry.deleted_at).unwrap();
    let second = Duration::from_secs(1);
    assert!(at + second >= before && at <= SystemTime::now(), "{at:?}");

    // Listing the trash changed nothing.
    assert_eq!(store.deleted("sykefravaer").deleted.len(), 1);

    let (path, restored) = store.restore("sykefravaer", "LAV EFFEKT", None).unwrap();
    assert_eq!(restored, saved);
    assert_eq!(path, live, "back into its own file name");
    assert!(fs::symlink_metadata(&path).unwrap().is_file());
    assert_eq!(store.find("sykefravaer", "Lav effekt").unwrap().1, saved);
    assert!(store.deleted("sykefravaer").deleted.is_empty());
    assert!(matches!(
        store.restore("sykefravaer", "Lav effekt", None),
        Err(StoreError::NotDeleted { .. })
    ));
    assert!(matches!(
        store.delete("sykefravaer", "Finnes ikke"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn colliding_names_are_kept_apart_and_a_taken_name_asks_for_another() {
    let dir = temp_dir("trash-collide");
    let store = Store::at(dir.join("variants"));
    let base = pilot("rekruttering");
    // Three deletions whose trash files could collide: the same name twice
    // and a name with the same slug.
    for (name, a) in [("x 1", "0.5"), ("x 1", "0.6"), ("x-1", "0.7")] {
        store.save(&variant(&base, name, a), false).unwrap();
        store.delete("rekruttering", name).unwrap();
    }
    let trash_dir = store.trash_dir("rekruttering");
    assert_eq!(names_in(&trash_dir).len(), 3, "{:?}", names_in(&trash_dir));
    let trash = store.deleted("rekruttering");
    assert_eq!(trash.deleted.len(), 3);
    let order: Vec<String> = trash
        .deleted
        .iter()
        .map(|d| achievement(&d.variant))
        .collect();
    assert_eq!(order, ["0.7", "0.6", "0.5"], "newest first");

    // "x 1" restores the newest of the two.
    let (_, v) = store.restore("rekruttering", "x 1", None).unwrap();
    assert_eq!(achievement(&v), "0.6");
    // The name is taken now: the older one needs another name.
    let taken = store.restore("rekruttering", "x 1", None);
    assert!(
        matches!(&taken, Err(StoreError::Exists { name }) if name == "x 1"),
        "{taken:?}"
    );
    assert!(matches!(
        store.restore("rekruttering", "x 1", Some("x 1")),
        Err(StoreError::Exists { .. })
    ));
    assert!(matches!(
        store.restore("rekruttering", "x 1", Some("linje\nto")),
        Err(StoreError::BadName { .. })
    ));
    let (_, older) = store
        .restore("rekruttering", "x 1", Some("x 1 (eldre)"))
        .unwrap();
    assert_eq!(older.name, "x 1 (eldre)");
    assert_eq!(achievement(&older), "0.5");
    assert_eq!(older.notes, variant(&base, "x 1", "0.5").notes);

    // One entry by its id.
    let last = store.deleted("rekruttering").deleted.remove(0);
    assert_eq!(last.variant.name, "x-1");
    let (path, v) = store
        .restore_entry("rekruttering", &last.id(), None)
        .unwrap();
    assert_eq!(v.name, "x-1");
    assert!(path.exists());
    let names: Vec<String> = store
        .list("rekruttering")
        .variants
        .into_iter()
        .map(|(_, v)| v.name)
        .collect();
    assert_eq!(names, ["x 1", "x 1 (eldre)", "x-1"]);
    assert!(names_in(&trash_dir).is_empty());
    // An id that is not in the trash (or tries to leave it).
    for id in ["../sykefravaer/x.toml", "20261126T132000.000Z-nope.toml"] {
        assert!(matches!(
            store.restore_entry("rekruttering", id, None),
            Err(StoreError::NotDeleted { .. })
        ));
    }
}

/// A trash file as `delete` names it, deleted `days` ago (and `n`
/// milliseconds, to keep the names apart).
fn plant(trash_dir: &Path, text: &str, days: u64, n: u64) -> PathBuf {
    // A second apart: each is stamped from the clock as it is written, so
    // the order holds however long a write takes on a busy machine.
    let path = trash_dir.join(trash_file(days, n * 1000, &format!("planted-{n}")));
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn old_trash_is_pruned_by_the_rule_only_when_something_is_written() {
    let dir = temp_dir("trash-prune");
    let store = Store::at(dir.join("variants"));
    let base = pilot("sykefravaer");
    store.save(&variant(&base, "Mal", "0.5"), false).unwrap();
    let template = store.delete("sykefravaer", "Mal").unwrap();
    let text = fs::read_to_string(&template).unwrap();
    let trash_dir = template.parent().unwrap().to_path_buf();
    fs::remove_file(&template).unwrap();

    // Two older than the rule keeps, one just inside it, and more recent
    // ones than it keeps.
    let too_old = [
        plant(&trash_dir, &text, KEEP_DAYS + 1, 0),
        plant(&trash_dir, &text, 400, 1),
    ];
    let kept_old = plant(&trash_dir, &text, KEEP_DAYS - 1, 2);
    let recent: Vec<PathBuf> = (0..KEEP_MAX as u64 + 4)
        .map(|n| plant(&trash_dir, &text, 0, 10 + n))
        .collect();
    // Not effekt's: never removed.
    let foreign = trash_dir.join("kopi-for-hand.toml");
    fs::write(&foreign, &text).unwrap();
    let fifo = trash_dir.join("20200101T000000.000Z-fifo.toml");
    mkfifo(&fifo);

    // Reading changes nothing, however old.
    let scan = within_deadline("listing the trash", {
        let store = store.clone();
        move || store.deleted("sykefravaer")
    });
    assert_eq!(scan.deleted.len(), 3 + KEEP_MAX + 4);
    assert_eq!(names_in(&trash_dir).len(), 3 + KEEP_MAX + 4 + 2);

    // A write of another scenario prunes nothing here.
    let other = pilot("rekruttering");
    store.save(&variant(&other, "Annen", "0.5"), false).unwrap();
    assert_eq!(names_in(&trash_dir).len(), 3 + KEEP_MAX + 4 + 2);

    // A save of this scenario prunes: the two too old, and the oldest
    // beyond the newest KEEP_MAX (which takes the one just inside the age
    // rule and the four oldest recent ones).
    within_deadline("a save beside a FIFO in the trash", {
        let store = store.clone();
        let v = variant(&base, "Ny", "0.9");
        move || store.save(&v, false).unwrap()
    });
    for gone in too_old.iter().chain([&kept_old]).chain(&recent[KEEP_MAX..]) {
        assert!(!gone.exists(), "{} kept", gone.display());
    }
    for kept in &recent[..KEEP_MAX] {
        assert!(kept.exists(), "{} pruned", kept.display());
    }
    assert!(foreign.exists());
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    let scan = store.deleted("sykefravaer");
    assert_eq!(scan.deleted.len(), KEEP_MAX);
    assert_eq!(scan.problems.len(), 2, "{:?}", scan.problems);
}

#[test]
fn the_age_rule_alone_prunes_on_delete_and_restore() {
    let dir = temp_dir("trash-age");
    let store = Store::at(dir.join("variants"));
    let base = pilot("sykefravaer");
    store.save(&variant(&base, "A", "0.5"), false).unwrap();
    let a = store.delete("sykefravaer", "A").unwrap();
    let text = fs::read_to_string(&a).unwrap();
    let trash_dir = a.parent().unwrap();
    let old = plant(trash_dir, &text, KEEP_DAYS + 2, 0);
    let young = plant(trash_dir, &text, KEEP_DAYS - 2, 1);
    // An old entry may still be restored while no write has pruned it…
    let old_entry = store
        .deleted("sykefravaer")
        .deleted
        .into_iter()
        .find(|d| d.path == old)
        .unwrap();
    store
        .restore_entry("sykefravaer", &old_entry.id(), Some("Gammel"))
        .unwrap();
    assert!(store.find("sykefravaer", "Gammel").is_ok());
    // …and the restore, a write, pruned nothing that is young.
    assert!(young.exists() && a.exists());
    let older = plant(trash_dir, &text, KEEP_DAYS + 5, 2);
    store.save(&variant(&base, "B", "0.7"), false).unwrap();
    store.delete("sykefravaer", "B").unwrap();
    assert!(!older.exists());
    assert!(young.exists());
}

#[test]
fn special_symlinked_and_corrupt_files_in_the_trash_never_hang_or_break() {
    use std::os::unix::fs::symlink;

    let dir = temp_dir("trash-hostile");
    let store = Store::at(dir.join("variants"));
    let base = pilot("sykefravaer");
    store.save(&variant(&base, "God", "0.8"), false).unwrap();
    let good = store.delete("sykefravaer", "God").unwrap();
    let trash_dir = good.parent().unwrap().to_path_buf();
    let text = fs::read_to_string(&good).unwrap();

    // A FIFO, a device, a folder, a corrupt file and a symlink loop, all
    // named as `delete` names files (a day ago); a symlink to a good
    // variant outside.
    let named = |ms: u64, slug: &str| trash_dir.join(trash_file(1, 10 - ms, slug));
    mkfifo(&named(0, "fifo"));
    symlink("/dev/zero", named(1, "zero")).unwrap();
    fs::create_dir(named(2, "dir")).unwrap();
    let broken = named(3, "broken");
    fs::write(&broken, "name = [\u{1b}[2J").unwrap();
    let looped = named(4, "loop");
    symlink(looped.file_name().unwrap(), &looped).unwrap();
    let outside = dir.join("outside.toml");
    fs::write(
        &outside,
        text.replace("name = \"God\"", "name = \"Lenket\""),
    )
    .unwrap();
    let link = named(5, "lenket");
    symlink(&outside, &link).unwrap();

    let scan = within_deadline("listing a hostile trash", {
        let store = store.clone();
        move || store.deleted("sykefravaer")
    });
    let names: Vec<&str> = scan
        .deleted
        .iter()
        .map(|d| d.variant.name.as_str())
        .collect();
    assert_eq!(names, ["God", "Lenket"], "newest first");
    assert_eq!(scan.problems.len(), 5, "{:?}", scan.problems);
    assert!(scan.problems.iter().any(|(p, why)| {
        *p == broken
            && matches!(
                why,
                ReadProblem::Toml {
                    at: Some((1, 10)),
                    ..
                }
            )
    }));

    // Restoring through the symlink writes a regular file and removes the
    // link, not what it points to.
    let (path, v) = within_deadline("restoring beside a FIFO", {
        let store = store.clone();
        move || store.restore("sykefravaer", "Lenket", None).unwrap()
    });
    assert_eq!(v.name, "Lenket");
    assert!(fs::symlink_metadata(&path).unwrap().is_file());
    assert!(fs::symlink_metadata(&link).is_err());
    assert!(outside.exists());
    // Deleting and restoring still work beside them.
    within_deadline("deleting beside a FIFO", {
        let store = store.clone();
        move || {
            store.delete("sykefravaer", "Lenket").unwrap();
            store.restore("sykefravaer", "God", None).unwrap();
        }
    });
    assert_eq!(store.deleted("sykefravaer").problems.len(), 5);
    assert!(store.find("sykefravaer", "God").is_ok());
}

#[test]
fn a_trash_that_cannot_be_made_keeps_the_variant() {
    let dir = temp_dir("trash-blocked");
    let store = Store::at(dir.join("variants"));
    let base = pilot("sykefravaer");
    let live = store.save(&variant(&base, "Blir", "0.8"), false).unwrap();
    fs::write(dir.join("variants").join(TRASH_DIR), "not a folder").unwrap();
    let err = store.delete("sykefravaer", "Blir").unwrap_err();
    assert!(matches!(err, StoreError::Write { .. }), "{err:?}");
    assert!(err.to_string().contains(".trash"), "{err}");
    assert!(live.exists(), "a failed delete loses nothing");
    assert_eq!(store.find("sykefravaer", "Blir").unwrap().1.name, "Blir");
}
