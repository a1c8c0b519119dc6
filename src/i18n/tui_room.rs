//! Texts of a shared room over SSH (`src/tui/room.rs`, `src/tui/ui/room.rs`
//! and the room's host in `src/serve/room.rs`): roles, following, the
//! participants, copies of the room's levers.
//!
//! The facilitator is *ordstyrer* in bokmål: the one who has the floor
//! (*har ordet*) and moves the levers while the others follow.

use crate::format::Lang;

/// Fixed texts of a room.
pub struct RoomTexts {
    /// The help overlay's heading of the room's keys.
    pub ctx_room: &'static str,
    pub key_participants: &'static str,
    pub key_follow: &'static str,
    pub key_fork: &'static str,
    pub key_rejoin: &'static str,
    /// The words of `w`, `F` and `b` in the status bar.
    pub status_participants: &'static str,
    pub status_follow: &'static str,
    pub status_fork: &'static str,
    pub status_rejoin: &'static str,
    pub participants_title: &'static str,
    pub facilitator: &'static str,
    pub you: &'static str,
    pub in_copy: &'static str,
    pub hint_driver: &'static str,
    pub hint_follower: &'static str,
    pub only_driver_levers: &'static str,
    pub only_driver_variants: &'static str,
    pub following_on: &'static str,
    pub following_off: &'static str,
    pub stopped_following: &'static str,
    pub you_steer_already: &'static str,
    pub you_have_the_floor: &'static str,
    pub not_in_copy: &'static str,
    pub in_copy_already: &'static str,
    pub asked_floor: &'static str,
    pub nobody_steers: &'static str,
    pub waiting_hint: &'static str,
    pub waiting_keys: &'static str,
    pub forked: &'static str,
    pub rejoined: &'static str,
}

pub static ROOM_NB: RoomTexts = RoomTexts {
    ctx_room: "Rom",
    key_participants: "deltakere: gi ordet videre eller be om det",
    key_follow: "følg ordstyrer av/på",
    key_fork: "fortsett i en egen kopi av rommets spaker",
    key_rejoin: "tilbake til rommet (kopien forkastes)",
    status_participants: "deltakere",
    status_follow: "følg",
    status_fork: "egen kopi",
    status_rejoin: "tilbake til rommet",
    participants_title: "Deltakere",
    facilitator: "ordstyrer",
    you: "du",
    in_copy: "egen kopi",
    hint_driver: "↑↓ velg · Enter gi ordet · Esc lukk",
    hint_follower: "↑↓ velg · Enter be om ordet · Esc lukk",
    only_driver_levers: "Bare ordstyrer flytter spakene; be om ordet (w) eller lag en egen kopi (b).",
    only_driver_variants: "Bare ordstyrer åpner, velger ut, gir nytt navn til og sletter rommets \
                           varianter; lagre (s) og notater (n) kan alle.",
    following_on: "Følger ordstyrer.",
    following_off: "Følger ikke ordstyrer (F følger igjen).",
    stopped_following: "Du blar selv og følger ikke lenger ordstyrer (F følger igjen).",
    you_steer_already: "Du har ordet: de andre følger deg.",
    you_have_the_floor: "Du har allerede ordet.",
    not_in_copy: "Du er i rommet (b lager en egen kopi).",
    in_copy_already: "Du er i en egen kopi (b går tilbake til rommet).",
    asked_floor: "Du har bedt om ordet.",
    nobody_steers: "Ingen har ordet nå.",
    waiting_hint: "Rommet åpner når ordstyrer har valgt et scenario; da ser du det samme som ordstyrer, \
                   i din egen størrelse og ditt eget språk.",
    waiting_keys: "w deltakere · L language · q forlat rommet",
    forked: "Egen kopi: endringene dine ser bare du. Lagre med s; b går tilbake til rommet.",
    rejoined: "Tilbake i rommet.",
};

pub static ROOM_EN: RoomTexts = RoomTexts {
    ctx_room: "Room",
    key_participants: "participants: hand over the floor or ask for it",
    key_follow: "follow the facilitator on/off",
    key_fork: "continue in a copy of the room's levers of your own",
    key_rejoin: "back to the room (the copy is discarded)",
    status_participants: "participants",
    status_follow: "follow",
    status_fork: "own copy",
    status_rejoin: "back to the room",
    participants_title: "Participants",
    facilitator: "facilitator",
    you: "you",
    in_copy: "own copy",
    hint_driver: "↑↓ select · Enter hand over · Esc close",
    hint_follower: "↑↓ select · Enter ask for the floor · Esc close",
    only_driver_levers: "Only the facilitator moves the levers; ask for the floor (w) or make a copy of \
                         your own (b).",
    only_driver_variants: "Only the facilitator opens, picks, renames and deletes the room's variants; \
                           anyone can save (s) and write notes (n).",
    following_on: "Following the facilitator.",
    following_off: "Not following the facilitator (F follows again).",
    stopped_following: "You are looking around yourself and no longer follow the facilitator \
                        (F follows again).",
    you_steer_already: "You have the floor: the others follow you.",
    you_have_the_floor: "You have the floor already.",
    not_in_copy: "You are in the room (b makes a copy of your own).",
    in_copy_already: "You are in a copy of your own (b goes back to the room).",
    asked_floor: "You asked for the floor.",
    nobody_steers: "Nobody has the floor now.",
    waiting_hint: "The room opens when the facilitator has picked a scenario; then you see what the \
                   facilitator sees, at your own size and in your own language.",
    waiting_keys: "w participants · L språk · q leave the room",
    forked: "A copy of your own: only you see your changes. Save with s; b goes back to the room.",
    rejoined: "Back in the room.",
};

/// The fixed texts of a room in `lang`.
pub fn room(lang: Lang) -> &'static RoomTexts {
    match lang {
        Lang::Nb => &ROOM_NB,
        Lang::En => &ROOM_EN,
    }
}

/// Texts of a room with names and numbers in them.
pub mod room_text {
    use crate::format::Lang;

    /// The header's room part when you have the floor.
    pub fn you_steer(lang: Lang, room: &str, present: usize) -> String {
        match lang {
            Lang::Nb => format!("rom {room} · du styrer · {present} til stede"),
            Lang::En => format!("room {room} · you steer · {present} present"),
        }
    }

    /// The header's room part when following.
    pub fn following(lang: Lang, room: &str, driver: &str) -> String {
        match lang {
            Lang::Nb => format!("rom {room} · følger {driver}"),
            Lang::En => format!("room {room} · following {driver}"),
        }
    }

    /// The header's room part when not following.
    pub fn steers(lang: Lang, room: &str, driver: &str) -> String {
        match lang {
            Lang::Nb => format!("rom {room} · {driver} styrer · F følg"),
            Lang::En => format!("room {room} · {driver} steers · F follow"),
        }
    }

    /// The header's room part when nobody has the floor.
    pub fn nobody(lang: Lang, room: &str) -> String {
        match lang {
            Lang::Nb => format!("rom {room} · ingen styrer"),
            Lang::En => format!("room {room} · nobody steers"),
        }
    }

    /// The header's room part in a copy of the room.
    pub fn copy_of(lang: Lang, room: &str) -> String {
        match lang {
            Lang::Nb => format!("egen kopi av rom {room} · b tilbake"),
            Lang::En => format!("own copy of room {room} · b back"),
        }
    }

    /// The participants overlay's title.
    pub fn participants_in(lang: Lang, room: &str, n: usize) -> String {
        match lang {
            Lang::Nb => format!("Deltakere i rom «{room}» ({n})"),
            Lang::En => format!("Participants in room \"{room}\" ({n})"),
        }
    }

    /// The waiting screen's heading.
    pub fn waiting(lang: Lang, room: &str, driver: Option<&str>) -> String {
        match (lang, driver) {
            (Lang::Nb, Some(d)) => format!("Rom «{room}»: {d} velger scenario …"),
            (Lang::Nb, None) => format!("Rom «{room}»: venter på en ordstyrer …"),
            (Lang::En, Some(d)) => format!("Room \"{room}\": {d} is picking a scenario …"),
            (Lang::En, None) => format!("Room \"{room}\": waiting for a facilitator …"),
        }
    }

    /// Said to everyone when the floor changes hands.
    pub fn has_the_floor(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} har ordet nå."),
            Lang::En => format!("{name} has the floor now."),
        }
    }

    /// Said to the one who gets the floor.
    pub fn you_have_it(lang: Lang, from: &str) -> String {
        match lang {
            Lang::Nb => format!("Du har ordet (fra {from}): de andre følger deg nå."),
            Lang::En => format!("You have the floor (from {from}): the others follow you now."),
        }
    }

    /// Said to the facilitator when someone asks for the floor.
    pub fn asks_for_floor(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} ber om ordet (w, velg, Enter gir det)."),
            Lang::En => format!("{name} asks for the floor (w, select, Enter hands it over)."),
        }
    }

    /// Said to the room when someone joins.
    pub fn joined(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} kom inn i rommet."),
            Lang::En => format!("{name} joined the room."),
        }
    }

    /// Said to the room when someone leaves.
    pub fn left(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} forlot rommet."),
            Lang::En => format!("{name} left the room."),
        }
    }

    /// Said to the one who joins a room whose scenario is another than the
    /// one asked for.
    pub fn room_shows(lang: Lang, room: &str, title: &str) -> String {
        match lang {
            Lang::Nb => format!("Rom «{room}» viser allerede «{title}»."),
            Lang::En => format!("Room \"{room}\" already shows \"{title}\"."),
        }
    }

    /// The participant is in a copy and cannot take the floor.
    pub fn is_in_copy(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Nb => format!("{name} er i en egen kopi og kan ikke få ordet nå."),
            Lang::En => format!("{name} is in a copy of their own and cannot take the floor now."),
        }
    }

    /// The question before a copy with changes is left.
    pub fn confirm_rejoin(lang: Lang, n: usize) -> String {
        match (lang, n) {
            (Lang::Nb, 1) => {
                "1 spak er endret i kopien. Forkaste den og gå tilbake til rommet?".to_string()
            }
            (Lang::Nb, n) => {
                format!("{n} spaker er endret i kopien. Forkaste den og gå tilbake til rommet?")
            }
            (Lang::En, 1) => {
                "1 lever is changed in the copy. Discard it and go back to the room?".to_string()
            }
            (Lang::En, n) => {
                format!("{n} levers are changed in the copy. Discard it and go back to the room?")
            }
        }
    }
}
