//! Rooms, beds and bays the hand-written room matcher (`formats::room`) does not read: unit
//! names before a bed ("MICU 4", "LDR 6", "cot 3", "Pod A-3", "Zimmer 4") and a room named
//! by the person in it ("the lady in 7", "pt in 9"). Both forms are rows of the format
//! table (`room.unit`, `room.in`); this module judges them. The words are small classes:
//! units and bed words in the row, the people a room is named by here.

use super::identifiers::{room_draft, unit_after};
use super::Draft;
use crate::context::{next_word, prev_word, Context};
use crate::lexicon::kind;
use crate::matchers::{matchers, Hay, Matchers};

/// Words a patient in a room is called by ("the lady in 7").
const OCCUPANTS: &[&str] = &[
    "pt",
    "patient",
    "lady",
    "guy",
    "man",
    "woman",
    "gent",
    "gentleman",
    "kid",
    "baby",
    "mom",
    "dad",
    "girl",
    "boy",
    "grandma",
    "grandpa",
    "gomer",
    "fella",
    "dude",
    "sir",
    "one",
    "family",
    "husband",
    "wife",
    "son",
    "daughter",
    "mama",
    "papa",
    "resident",
    "toddler",
    "infant",
    "newborn",
    "teen",
    "frequent",
    "flyer",
    "flier",
    "regular",
];

/// The words of the `room.unit` row that name a bed or a place for one (the rest name units).
const BEDS: &[&str] = &[
    "chair",
    "cub",
    "cubicle",
    "isolette",
    "crib",
    "cot",
    "stretcher",
    "gurney",
    "cama",
    "chambre",
    "zimmer",
    "habitacion",
    "habitación",
    "pod",
    "bay",
    "bed",
];

/// Words after a number that make it a count or a time, not a room: the units the keyed
/// room rule skips, and more that "in N" needs ("in 2 wks", "in 3 of them", "in 5 shifts").
fn counted(w: &str) -> bool {
    unit_after(w)
        || matches!(
            w,
            "wks" | "yrs" | "of" | "out" | "a" | "the" | "more" | "seconds" | "secs" | "shifts"
        )
        || (w.len() > 3
            && w.ends_with('s')
            && !matches!(
                w,
                "is" | "was"
                    | "has"
                    | "says"
                    | "keeps"
                    | "needs"
                    | "wants"
                    | "asks"
                    | "thinks"
                    | "gets"
                    | "does"
                    | "goes"
            ))
}

pub(super) fn find(ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
    let low = ctx.lower.as_str();
    let text = ctx.text.as_bytes();
    let m = matchers();
    for x in m.find(Matchers::row("room.unit"), hay) {
        let Some((ks, ke)) = x.kw else { continue };
        // The value, or the lone letter that ends the match ("Bay A").
        let (vs, ve) = x.val.unwrap_or((x.end - 1, x.end));
        let kw = &low[ks..ke];
        // "2 or 3", "er, 4": the short ones only in capitals ("OR 4", "ED 22").
        if matches!(kw, "or" | "er" | "ed") && !text[ks..ke].iter().all(u8::is_ascii_uppercase) {
            continue;
        }
        let val = &low[vs..ve];
        let letter_only = !val.bytes().any(|c| c.is_ascii_digit());
        // "Bay A": a lone letter only in capitals, only after a bed word.
        if letter_only
            && (!text[vs].is_ascii_uppercase() || !matches!(kw, "bay" | "pod" | "bed" | "hall"))
        {
            continue;
        }
        // "icu 2024" is a year; "chair 3 times" a count.
        let year = val.len() == 4 && (val.starts_with("19") || val.starts_with("20"));
        if year || counted(next_word(low, x.end)) || low[x.end..].starts_with(['%', ':']) {
            continue;
        }
        // "the ED 25-23": a score or a range, not a bed.
        let after = &low[x.end..];
        if after.starts_with(['-', '/', '.', ','])
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        // As `formats::room`: a bed word is a tip outside a patient's story, high inside one;
        // a unit's name with a number ("ICU 4") counts only inside one.
        let d = room_draft(ctx, x.start, x.end);
        // "mom in LDR 6": a unit's bed named by the person in it is a tip too.
        let occupied = prev_word(low, x.start) == "in" && {
            let at = low[..x.start].trim_end().len().saturating_sub(2);
            occupant_before(ctx, at).is_some()
        };
        if d.weak && !BEDS.contains(&kw) && !occupied {
            continue;
        }
        out.push(d);
    }
    for x in m.find(Matchers::row("room.in"), hay) {
        let Some((vs, _)) = x.val else { continue };
        let Some(specific) = occupant_before(ctx, x.start) else {
            continue;
        };
        let after = &low[x.end..];
        let next = next_word(low, x.end).trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if counted(next)
            || after.starts_with(['%', ':', '/', '-', '.', ','])
                && after[1..].starts_with(|c: char| c.is_ascii_digit())
            || after.starts_with(['%', '+'])
            || low[vs..x.end].parse::<u32>().is_ok_and(|n| n == 0)
        {
            continue;
        }
        // Outside a patient's story only a particular person's room counts, as a tip.
        let d = room_draft(ctx, x.start, x.end);
        if d.weak && !specific {
            continue;
        }
        out.push(d);
    }
}

/// Whether a person is named right before `pos` (where "in" starts): `Some(true)` for a
/// particular one (a name, initials, an age: "Herr Baumann", "mrs j", "a.k.", "the 52 y/o"),
/// `Some(false)` for an occupant word or a person or condition phrase ("the lady", "pt").
fn occupant_before(ctx: &Context, pos: usize) -> Option<bool> {
    let low = ctx.lower.as_str();
    let prev = prev_word(low, pos);
    let pi = ctx.tokens.partition_point(|t| t.end <= pos);
    // A name: a capitalised word after another or after an honorific ("Herr Baumann").
    let name = pi >= 2 && {
        let (t, u) = (&ctx.tokens[pi - 1], &ctx.tokens[pi - 2]);
        t.cap
            && !t.all_caps
            && u.sentence == t.sentence
            && (u.cap && t.start - u.end <= 2
                || matches!(
                    &low[u.start..u.end],
                    "mr" | "mrs" | "ms" | "miss" | "herr" | "frau"
                ))
    };
    let bare = prev.trim_matches('.');
    let before = prev_word(low, pos.saturating_sub(prev.len() + 1));
    let initials = !bare.is_empty()
        && bare.len() <= 4
        && bare
            .split('.')
            .all(|p| p.len() == 1 && p.bytes().all(|c| c.is_ascii_alphabetic()))
        && (prev.contains('.') || matches!(before, "mr" | "mrs" | "ms" | "mr." | "mrs." | "ms."));
    let tail = low[..pos].trim_end();
    let age = ["y/o", "y.o.", "year old", "years old", "yr old"]
        .iter()
        .any(|a| tail.ends_with(a))
        || tail
            .strip_suffix("yo")
            .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()))
        || ctx.has_in(pos.saturating_sub(prev.len() + 2), pos, kind::AGE_UNIT);
    if name || initials || age {
        return Some(true);
    }
    (OCCUPANTS.contains(&prev)
        || ctx.has_in(
            pos.saturating_sub(prev.len() + 2),
            pos,
            kind::PERSON | kind::CONDITION,
        ))
    .then_some(false)
}

#[cfg(test)]
mod beds_test {
    use super::BEDS;
    use crate::matchers::table::FORMATS;

    /// `BEDS` names a subset of the `room.unit` row's keywords: a word missing from the row
    /// would never come here.
    #[test]
    fn every_bed_word_is_a_keyword_of_the_room_unit_row() {
        let row = FORMATS
            .iter()
            .find(|f| f.id == "room.unit")
            .expect("room.unit row");
        let kws = row
            .pattern
            .split_once("(?P<kw>")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(alts, _)| alts.split('|').collect::<Vec<_>>())
            .expect("the row's keyword group");
        for w in BEDS {
            assert!(kws.contains(w), "{w} is not a keyword of room.unit");
        }
    }
}
