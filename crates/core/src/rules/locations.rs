//! Places smaller than a state tied to a patient: streets, highways and mile markers,
//! ZIP codes, towns and schools, a named unit of a named facility.
//!
//! A place only counts beside a patient's story: "free flu shots at 410 Elm St" is an event,
//! "the same house on Birch Lane" after a 911 call is a person's home.

use regex::Regex;

use super::{re, Draft, Rule};
use crate::context::{next_word, prev_word, Context};
use crate::lexicon::{kind, not_name};
use crate::{Category, Severity};

pub struct Locations {
    street: Regex,
    highway: Regex,
    zip: Regex,
    unit: Regex,
}

impl Locations {
    pub fn new() -> Locations {
        Locations {
            street: re(concat!(
                r"\b(?:\d{1,6}\s+)?(?:[a-z][a-z'’.-]*\s+){1,3}",
                r"(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|court|ct|place|circle|",
                r"terrace|parkway|pkwy|way|trail|crescent|highway|hwy|pike|loop)\b\.?"
            )),
            highway: re(concat!(
                r"\b(?:hwy|highway|route|rte|interstate|sr|state route|county road|cr|us|i)[- ]?\d{1,3}\b",
                r"(?:\s+(?:eb|wb|nb|sb|east|west|north|south|eastbound|westbound|northbound|southbound)\b)?",
                r"(?:\s+(?:at|near|by|past)\s+(?:mm|mile marker|exit)\s*\d+\b)?",
                r"(?:\s+(?:near|at|by)\s+the\s+[a-z]+(?:\s+[a-z]+)?\s+(?:turnoff|turn-off|exit|bridge|overpass|junction|interchange)\b)?"
            )),
            zip: re(r"\b\d{5}(?:-\d{4})?\b"),
            unit: re(r"\b(?:our\s+|the\s+)?(?:ward|unit|floor|pod|wing)\s+\d+[a-z]?\b"),
        }
    }
}

impl Default for Locations {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether the post already carries a patient's hard identifier (earlier rules' findings).
fn has_hard_phi(out: &[Draft]) -> bool {
    out.iter().any(|d| {
        d.severity == Severity::High
            && d.category != Category::PhiRoom
            && d.category.id().starts_with("phi.")
    })
}

/// Whether a place at `pos` belongs to a patient's story.
fn tied(ctx: &Context, pos: usize, hard: bool) -> bool {
    let si = ctx.sentence_of(pos);
    let here = ctx.sent_kinds.get(si).copied().unwrap_or(0);
    if hard && here & (kind::CONTACT | kind::HIRING | kind::PROMO) == 0 {
        return true;
    }
    if here & (kind::CONTACT | kind::HIRING | kind::PROMO) != 0 && !ctx.patient_in(si, si) {
        return false;
    }
    if ctx.patient_post || ctx.patient_in(si, si) {
        return true;
    }
    let near = ctx.kinds_in(si.saturating_sub(1), si + 1);
    near & kind::PERSON != 0
        && near & (kind::CONDITION | kind::PATIENT_EVENT | kind::DEMEANING | kind::EVENT) != 0
}

fn draft(s: usize, e: usize) -> Draft {
    Draft::new(Category::PhiLocation, Severity::High, s, e).suggest("")
}

impl Rule for Locations {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let hard = has_hard_phi(out);
        self.find_all(ctx, out, hard);
    }
}

impl Locations {
    fn find_all(&self, ctx: &Context, out: &mut Vec<Draft>, hard: bool) {
        let low = ctx.lower.as_str();
        let text = ctx.text;
        for m in self.street.find_iter(low) {
            let span = &text[m.start()..m.end()];
            // Keep the trailing run of capitalised words: "the same house on Birch Lane".
            let words: Vec<(usize, &str)> = span
                .split(' ')
                .scan(m.start(), |pos, w| {
                    let p = *pos;
                    *pos += w.len() + 1;
                    Some((p, w))
                })
                .filter(|(_, w)| !w.is_empty())
                .collect();
            let Some(&(_, suffix)) = words.last() else {
                continue;
            };
            if !suffix.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            let last = words.len() - 1;
            let mut first = last;
            while first > 0 {
                let w = words[first - 1].1;
                if w.starts_with(|c: char| c.is_ascii_uppercase())
                    && !not_name(&w.to_ascii_lowercase())
                {
                    first -= 1;
                } else {
                    break;
                }
            }
            if first == last {
                continue;
            }
            // Keep a house number right before the name ("410 Elm St").
            if first > 0 && words[first - 1].1.bytes().all(|c| c.is_ascii_digit()) {
                first -= 1;
            }
            let start = words[first].0;
            let mut end = m.end();
            if text[..end].ends_with('.')
                && !matches!(suffix, "St." | "Ave." | "Rd." | "Ln." | "Blvd.")
            {
                end -= 1;
            }
            // "your pt lives at 418 Elm Ln": a house number and street where someone lives is
            // a home address even in a tip.
            let before = low[..start].trim_end();
            let lives = words[first].1.bytes().all(|c| c.is_ascii_digit())
                && [
                    "lives at",
                    "lives on",
                    "living at",
                    "lived at",
                    "home at",
                    "house at",
                    "staying at",
                    "stays at",
                ]
                .iter()
                .any(|p| before.ends_with(p));
            if !lives && !tied(ctx, start, hard) {
                continue;
            }
            let end = extend_in_town(ctx, end);
            out.push(draft(start, end));
        }
        // A highway is a keyword right before a run of digits ("hwy 89", "i-80", "state route
        // 9") and at most eleven more words ("89 eb at mile marker 12 near the kanab big
        // turnoff"): search only from such keywords.
        let windows = crate::context::windows(low, &highway_triggers(low), 16);
        for m in crate::context::windowed_find(&self.highway, low, &windows) {
            let orig = &text[m.start()..m.end()];
            let head = &low[m.start()..];
            // "i-80" needs its hyphen; "US 89" its capitals; "us 2" is a pronoun.
            if head.starts_with("i") && !head.starts_with("i-") && !head.starts_with("interstate") {
                continue;
            }
            if head.starts_with("us") && !orig.starts_with("US") {
                continue;
            }
            if head.starts_with("cr") && !orig.starts_with("CR") {
                continue;
            }
            if tied(ctx, m.start(), hard) {
                out.push(draft(m.start(), m.end()));
            }
        }
        for m in self.zip.find_iter(low) {
            let prev = prev_word(low, m.start());
            let next = next_word(low, m.end());
            let b = low.as_bytes();
            if m.start() > 0 && matches!(b[m.start() - 1], b'#' | b'$' | b'-' | b'.' | b'/') {
                continue;
            }
            let state_before = {
                let p = prev_word(text, m.start());
                p.len() == 2 && p.bytes().all(|c| c.is_ascii_uppercase())
            };
            let town_before =
                prev_word(text, m.start()).starts_with(|c: char| c.is_ascii_uppercase());
            let zipish = next == "area"
                || matches!(prev, "zip" | "zipcode" | "code")
                || state_before
                || town_before;
            if zipish && tied(ctx, m.start(), hard) {
                out.push(draft(m.start(), m.end()));
            }
        }
        for m in self.unit.find_iter(low) {
            if !(ctx.patient_in(ctx.sentence_of(m.start()), ctx.sentence_of(m.start()))) {
                continue;
            }
            let end = extend_at_facility(ctx, m.end());
            out.push(draft(m.start(), end));
        }
        self.towns(ctx, out, hard);
        named_places(ctx, out, hard);
        crossroads(ctx, out, hard);
    }
}

/// The place word ending a named place ("Maple Grove Elementary", "Sunset Manor").
fn place_suffix(w: &str) -> bool {
    matches!(
        w,
        "elementary"
            | "academy"
            | "manor"
            | "apartments"
            | "apts"
            | "estates"
            | "village"
            | "mall"
            | "plaza"
            | "gardens"
            | "commons"
            | "heights"
            | "towers"
            | "lodge"
            | "villas"
            | "basin"
            | "nation"
            | "reservation"
            | "rez"
            | "valley"
            | "county"
            | "parish"
            | "pueblo"
            | "peninsula"
            | "canyon"
            | "mesa"
    )
}

/// Platforms and media that follow "on" without being a street.
fn platform(w: &str) -> bool {
    matches!(
        w,
        "facebook"
            | "instagram"
            | "linkedin"
            | "tiktok"
            | "youtube"
            | "twitter"
            | "x"
            | "reddit"
            | "netflix"
            | "zoom"
            | "teams"
            | "epic"
            | "cerner"
            | "snapchat"
            | "threads"
    )
}

/// Named places in a care story: "Maple Grove Elementary", "Jefferson Middle School",
/// "Sunset Manor", "the Pine Hollow trailer park, lot 12", "the Wind River Reservation",
/// "the Kroger on 5th", "Dillard's on Main", and roads like "on the 405".
fn named_places(ctx: &Context, out: &mut Vec<Draft>, hard: bool) {
    let low = ctx.lower.as_str();
    let text = ctx.text;
    let toks = &ctx.tokens;
    let word = |k: usize| &low[toks[k].start..toks[k].end];
    for i in 1..toks.len() {
        let t = toks[i];
        let w = word(i);
        let si = t.sentence;
        // 1. capitalised words + a place word
        let mut suffix_end = None;
        let mut head = i;
        if t.cap && place_suffix(w) {
            suffix_end = Some(t.end);
        } else if t.cap
            && matches!(w, "middle" | "high" | "junior")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.sentence == si && n.cap && word(i + 1) == "school")
        {
            suffix_end = Some(toks[i + 1].end);
        } else if w == "park"
            && matches!(word(i - 1), "trailer" | "rv" | "home")
            && toks[i - 1].sentence == si
        {
            suffix_end = Some(t.end);
            head = if word(i - 1) == "home" && i >= 2 && word(i - 2) == "mobile" {
                i - 2
            } else {
                i - 1
            };
        }
        if let Some(mut e) = suffix_end {
            let mut k = head;
            let mut n = 0;
            while k > 0 && n < 3 {
                let x = toks[k - 1];
                let xw = word(k - 1);
                if x.sentence != si
                    || !x.cap
                    || x.all_caps
                    || not_name(xw)
                    || is_region(xw)
                    || x.end + 1 != toks[k].start
                {
                    break;
                }
                k -= 1;
                n += 1;
            }
            // A sentence's first word alone is not a name ("Valley fever is...").
            if n == 0
                || (n == 1
                    && (k == 0 || toks[k - 1].sentence != si)
                    && place_suffix(w)
                    && matches!(w, "valley" | "county" | "nation"))
            {
                continue;
            }
            // "..., lot 44", " apt 3B", " unit 12"
            let rest = &low[e..];
            let r = rest
                .strip_prefix(", ")
                .or_else(|| rest.strip_prefix(' '))
                .unwrap_or("");
            for p in ["lot ", "apt ", "apt. ", "unit ", "space ", "#"] {
                if let Some(num) = r.strip_prefix(p) {
                    let d = num
                        .bytes()
                        .take_while(|c| c.is_ascii_alphanumeric())
                        .count();
                    if d > 0 && num.as_bytes()[0].is_ascii_digit() {
                        e += rest.len() - num.len() + d;
                    }
                    break;
                }
            }
            let start = toks[k].start;
            if tied(ctx, start, hard) {
                out.push(draft(start, e));
            }
            continue;
        }
        // 2. a business on a street: "the Kroger on 5th", "Dillard's on Main"
        if w == "on" && i + 1 < toks.len() {
            let b = toks[i - 1];
            let bw = word(i - 1);
            let n = toks[i + 1];
            let nw = word(i + 1);
            if b.sentence != si || n.sentence != si || !b.cap || b.all_caps || not_name(bw) {
                continue;
            }
            let possessive = bw.ends_with("'s") || bw.ends_with("’s");
            let the = i >= 2 && word(i - 2) == "the" && toks[i - 2].sentence == si;
            if !(possessive || the) {
                continue;
            }
            let ordinal = {
                let d = nw.bytes().take_while(u8::is_ascii_digit).count();
                d > 0 && d <= 3 && matches!(&nw[d..], "st" | "nd" | "rd" | "th")
            };
            let street = n.cap && !n.all_caps && !not_name(nw) && !platform(nw) && !is_region(nw);
            if !(ordinal || street) {
                continue;
            }
            let start = if the { toks[i - 2].start } else { b.start };
            if tied(ctx, start, hard) {
                out.push(draft(start, n.end));
            }
            continue;
        }
        // 3. a freeway by number: "wrapped around a pole on the 101"
        if w == "the" && i + 1 < toks.len() {
            let n = toks[i + 1];
            let nw = word(i + 1);
            let d = nw.len();
            if !(2..=3).contains(&d)
                || !nw.bytes().all(|c| c.is_ascii_digit())
                || n.sentence != si
                || !matches!(
                    word(i - 1),
                    "on" | "off" | "onto" | "down" | "along" | "took"
                )
                || text[n.end..].starts_with(['%', '.', ',', '/', '-'])
                    && !text[n.end..].starts_with(", ")
                    && !text[n.end..].starts_with(". ")
            {
                continue;
            }
            let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
            if ks & (kind::CONDITION | kind::EVENT | kind::PERSON) == 0 {
                continue;
            }
            let next = next_word(low, n.end);
            if matches!(
                next,
                "patients"
                    | "pts"
                    | "beds"
                    | "people"
                    | "percent"
                    | "of"
                    | "year"
                    | "years"
                    | "days"
                    | "hours"
                    | "minutes"
                    | "mg"
                    | "units"
                    | "times"
                    | "calls"
                    | "kids"
            ) {
                continue;
            }
            if tied(ctx, t.start, hard) {
                out.push(draft(t.start, n.end));
            }
        }
    }
}

/// "7th & Main", "9th East & 400 South": a crossroads, with a number on at least one side.
fn crossroads(ctx: &Context, out: &mut Vec<Draft>, hard: bool) {
    if !ctx.text.contains('&') {
        return;
    }
    let low = ctx.lower.as_str();
    let toks = &ctx.tokens;
    let word = |k: usize| &low[toks[k].start..toks[k].end];
    let numeric = |w: &str| {
        let d = w.bytes().take_while(u8::is_ascii_digit).count();
        d > 0 && d <= 4 && matches!(&w[d..], "" | "st" | "nd" | "rd" | "th")
    };
    let dir = |w: &str| {
        matches!(
            w,
            "east" | "west" | "north" | "south" | "e" | "w" | "n" | "s"
        )
    };
    for (pos, _) in ctx.text.match_indices('&') {
        let k = toks.partition_point(|t| t.end <= pos);
        if k == 0 || k >= toks.len() {
            continue;
        }
        let (l, r) = (k - 1, k);
        if toks[l].sentence != toks[r].sentence || pos - toks[l].end > 1 || toks[r].start - pos > 2
        {
            continue;
        }
        // left: "7th", "9th East"; right: "Main", "400 South"
        let (mut ls, mut left_num) = (l, numeric(word(l)));
        if dir(word(l)) && l > 0 && numeric(word(l - 1)) {
            ls = l - 1;
            left_num = true;
        }
        let mut re = r;
        let mut right_num = numeric(word(r));
        if right_num && r + 1 < toks.len() && dir(word(r + 1)) {
            re = r + 1;
        } else if right_num
            && !matches!(
                &word(r)[word(r).len().saturating_sub(2)..],
                "st" | "nd" | "rd" | "th"
            )
        {
            right_num = false;
        }
        let cap_word = |x: usize| toks[x].cap && !toks[x].all_caps && !not_name(word(x));
        let ok = (left_num && (right_num || cap_word(r))) || (right_num && cap_word(l));
        if !ok {
            continue;
        }
        let start = toks[ls].start;
        if tied(ctx, start, hard) {
            out.push(draft(start, toks[re].end));
        }
    }
}

impl Locations {
    /// "in Ogden", "from Ridgeview High": a capitalised place after a preposition, in a
    /// sentence about a patient.
    fn towns(&self, ctx: &Context, out: &mut Vec<Draft>, hard: bool) {
        let low = ctx.lower.as_str();
        let toks = &ctx.tokens;
        for (i, t) in toks.iter().enumerate() {
            let w = &low[t.start..t.end];
            if !matches!(w, "in" | "from" | "near" | "outside" | "at") {
                continue;
            }
            let si = t.sentence;
            let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
            // "delivered on the 4th of July at Valley View": "at" a two-word place, only
            // in a sentence with a care event.
            let at = w == "at";
            if at && ks & kind::PATIENT_EVENT == 0 {
                continue;
            }
            let patient_sentence = ctx.patient_in(si, si)
                || (ks & kind::PATIENT_EVENT != 0 && ks & kind::PERSON != 0)
                || ctx.patient_post;
            if !patient_sentence || ks & (kind::CONTACT | kind::HIRING) != 0 {
                continue;
            }
            let mut j = i + 1;
            let mut end = None;
            let start = toks.get(j).map(|x| x.start);
            while let Some(n) = toks.get(j) {
                let nw = &low[n.start..n.end];
                let gap = &ctx.text[toks[j - 1].end..n.start];
                if n.sentence != si
                    || !n.cap
                    || n.all_caps
                    || not_name(nw)
                    || is_region(nw)
                    || gap.len() > 2
                    || gap.contains([',', '(', ')'])
                {
                    break;
                }
                end = Some(n.end);
                j += 1;
                if j - i > 3 {
                    break;
                }
            }
            if let (Some(s), Some(e)) = (start, end) {
                if at && j - i < 3 {
                    continue;
                }
                out.push(draft(s, e));
            }
        }
        self.known_towns(ctx, out, hard);
        self.on_streets(ctx, out, hard);
    }

    /// "the crash on Bangerter", "cuts everybody off on Colfax": a capitalised street name
    /// after "on" where the words before place an event or a home on it.
    fn on_streets(&self, ctx: &Context, out: &mut Vec<Draft>, hard: bool) {
        let low = ctx.lower.as_str();
        let toks = &ctx.tokens;
        for (i, t) in toks.iter().enumerate().skip(1) {
            if &low[t.start..t.end] != "on" {
                continue;
            }
            let prev = &low[toks[i - 1].start..toks[i - 1].end];
            if !matches!(
                prev,
                "crash"
                    | "wreck"
                    | "accident"
                    | "collision"
                    | "rollover"
                    | "pileup"
                    | "party"
                    | "fire"
                    | "shooting"
                    | "stabbing"
                    | "off"
                    | "lives"
                    | "lived"
                    | "living"
                    | "house"
                    | "home"
                    | "apartment"
                    | "corner"
                    | "walking"
                    | "parked"
                    | "pole"
                    | "ditch"
            ) {
                continue;
            }
            let Some(n) = toks.get(i + 1) else { continue };
            let nw = &low[n.start..n.end];
            if !n.cap || n.all_caps || n.sentence != t.sentence || not_name(nw) || is_region(nw) {
                continue;
            }
            if !tied(ctx, n.start, hard) {
                continue;
            }
            out.push(draft(n.start, n.end));
        }
    }

    /// "from Rexburg", "in twin falls": a known town after a preposition, in a post that
    /// tells a person's care story (looser than a bare capitalised word needs).
    fn known_towns(&self, ctx: &Context, out: &mut Vec<Draft>, hard: bool) {
        let low = ctx.lower.as_str();
        let toks = &ctx.tokens;
        let towns = crate::lexicon::towns();
        for (i, t) in toks.iter().enumerate() {
            let w = &low[t.start..t.end];
            if !matches!(w, "in" | "from" | "near" | "outside" | "of") {
                continue;
            }
            let si = t.sentence;
            let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
            if ks & (kind::CONTACT | kind::HIRING | kind::PROMO) != 0 && !ctx.patient_in(si, si) {
                continue;
            }
            let near = ctx.kinds_in(si.saturating_sub(1), si + 1);
            let story = ctx.patient_post
                || hard
                || ctx.patient_in(si, si)
                || (near & (kind::PERSON | kind::REF | kind::RELATIVE) != 0
                    && near
                        & (kind::CONDITION
                            | kind::PATIENT_EVENT
                            | kind::EVENT
                            | kind::CLINICAL
                            | kind::DEMEANING)
                        != 0);
            if !story {
                continue;
            }
            // Longest known name of up to three words.
            let mut best = None;
            let mut name = String::new();
            for k in 1..=3 {
                let Some(n) = toks.get(i + k) else { break };
                if n.sentence != si || n.start - toks[i + k - 1].end > 2 {
                    break;
                }
                if k > 1 {
                    name.push(' ');
                }
                name.push_str(&low[n.start..n.end]);
                if towns.contains(name.as_str()) {
                    best = Some(n.end);
                }
            }
            if let (Some(e), Some(first)) = (best, toks.get(i + 1)) {
                // "of" only before a capitalised town: "a 40yo of Provo", not "of sandy soil".
                if w == "of" && !first.cap {
                    continue;
                }
                out.push(draft(first.start, e));
            }
        }
    }
}

/// Extends a street over a following "in Alder Creek".
fn extend_in_town(ctx: &Context, end: usize) -> usize {
    let Some(after) = ctx.text[end..].strip_prefix(" in ") else {
        return end;
    };
    let mut pos = end + 4;
    let mut last = end;
    for w in after.split(' ').take(3) {
        let t = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if t.starts_with(|c: char| c.is_uppercase()) && !not_name(&t.to_lowercase()) {
            last = pos + t.len();
            if t.len() != w.len() {
                break;
            }
            pos += w.len() + 1;
        } else {
            break;
        }
    }
    last
}

/// Extends a unit over a following "at St. Luke's".
fn extend_at_facility(ctx: &Context, end: usize) -> usize {
    let rest = &ctx.text[end..];
    let Some(after) = rest.strip_prefix(" at ") else {
        return end;
    };
    let mut pos = end + 4;
    let mut last = end;
    for w in after.split(' ').take(4) {
        let t = w.trim_end_matches(|c: char| {
            !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '.')
        });
        let t = if t.ends_with('.') && t.len() > 3 {
            &t[..t.len() - 1]
        } else {
            t
        };
        if t.starts_with(|c: char| c.is_uppercase()) {
            last = pos + t.len();
            pos += w.len() + 1;
            if t.len() != w.len() && !w.ends_with('.') {
                break;
            }
        } else {
            break;
        }
    }
    last
}

/// States and countries: geography at state level or above is not an identifier.
/// (Besides the state names, a few words that follow "in" without being a place.)
fn is_region(w: &str) -> bool {
    const R: &[&str] = &[
        "america",
        "canada",
        "mexico",
        "usa",
        "us",
        "uk",
        "england",
        "ireland",
        "india",
        "china",
        "africa",
        "europe",
        "asia",
        "philippines",
        "nigeria",
        "ghana",
        "new",
        "north",
        "south",
        "west",
        "east",
        "christ",
        "person",
        "real",
        "residency",
        "practice",
        "person",
        "general",
        "surgery",
        "medicine",
        "nursing",
        "emergency",
        "pediatrics",
        "peds",
        "oncology",
        "cardiology",
        "hospice",
    ];
    super::STATE_NAMES.contains(&w) || R.contains(&w)
}

/// Where a highway may start: up to 13 bytes (the longest keyword and its separator) before
/// each run of digits whose text before (past one optional '-' or ' ') ends with a keyword
/// or the last word of one.
fn highway_triggers(low: &str) -> Vec<(usize, usize)> {
    const ENDS: &[&str] = &[
        "hwy",
        "highway",
        "route",
        "rte",
        "interstate",
        "sr",
        "road",
        "cr",
        "us",
        "i",
    ];
    let b = low.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let t = i;
        i += 1;
        let head = &low[..t];
        let keyed = |h: &str| ENDS.iter().any(|k| h.ends_with(k));
        let sep = head.strip_suffix(['-', ' ']);
        if keyed(head) || sep.is_some_and(keyed) {
            let mut s = t.saturating_sub(13);
            while !low.is_char_boundary(s) {
                s -= 1;
            }
            out.push((s, t));
        }
    }
    out
}
