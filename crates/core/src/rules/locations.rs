//! Places smaller than a state tied to a patient: streets, highways and mile markers,
//! ZIP codes, towns and schools, a named unit of a named facility.
//!
//! A place only counts beside a patient's story: "free flu shots at 410 Elm St" is an event,
//! "the same house on Birch Lane" after a 911 call is a person's home.

use super::{Draft, Rule};
use crate::context::{next_word, prev_word, Context};
use crate::lexicon::{kind, not_name};
use crate::matchers::{matchers, Hay, Matchers};
use crate::{Category, Severity};

/// Streets, highways, ZIP codes and units are rows of [`crate::matchers::table`]
/// (`place.*`); this rule judges whether each is a patient's place.
pub struct Locations;

impl Locations {
    pub fn new() -> Locations {
        Locations
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
        let hay = Hay::of(ctx);
        let m = matchers();
        let cues = Cues::new(low, &ctx.tokens);
        for x in m.find(Matchers::row("place.street"), &hay) {
            let (ms, me) = (x.start, x.end);
            let span = &text[ms..me];
            // Keep the trailing run of capitalised words: "the same house on Birch Lane".
            let words: Vec<(usize, &str)> = span
                .split(' ')
                .scan(ms, |pos, w| {
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
            let mut end = me;
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
        for x in m.find(Matchers::row("place.highway"), &hay) {
            let (ms, me) = (x.start, x.end);
            let orig = &text[ms..me];
            let head = &low[ms..];
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
            if tied(ctx, ms, hard) {
                out.push(draft(ms, me));
            }
        }
        for x in m.find(Matchers::row("place.zip"), &hay) {
            let (ms, me) = (x.start, x.end);
            let prev = prev_word(low, ms);
            let next = next_word(low, me);
            let b = low.as_bytes();
            if ms > 0 && matches!(b[ms - 1], b'#' | b'$' | b'-' | b'.' | b'/') {
                continue;
            }
            // "S/N 90771-LP", "SN 41288": five digits inside a code, or a number another
            // identifier already is (the identifiers run first), not a ZIP.
            let inside =
                |d: &Draft| d.start <= ms && me <= d.end && d.category.id().starts_with("phi.");
            if b.get(me) == Some(&b'-') && b.get(me + 1).is_some_and(u8::is_ascii_alphabetic)
                || out.iter().any(inside)
            {
                continue;
            }
            let p = prev_word(text, ms);
            let state_before = p.len() == 2
                && p.bytes().all(|c| c.is_ascii_uppercase())
                && super::identifiers::is_state(&p.to_ascii_lowercase());
            // A town's name before it ("Boise 83702"), not a code's last letter ("S/N").
            let town_before = p.len() > 1
                && p.starts_with(|c: char| c.is_ascii_uppercase())
                && p.bytes().all(|c| c.is_ascii_alphabetic());
            let zipish = next == "area"
                || matches!(prev, "zip" | "zipcode" | "code")
                || state_before
                || town_before;
            if zipish && tied(ctx, ms, hard) {
                out.push(draft(ms, me));
            }
        }
        for x in m.find(Matchers::row("place.unit"), &hay) {
            let (ms, me) = (x.start, x.end);
            if !(ctx.patient_in(ctx.sentence_of(ms), ctx.sentence_of(ms))) {
                continue;
            }
            let end = extend_at_facility(ctx, me);
            out.push(draft(ms, end));
        }
        facility_units(ctx, out, hard);
        self.towns(ctx, out, &cues.town);
        self.known_towns(ctx, out, hard, &cues.known);
        self.on_streets(ctx, out, hard, &cues.on);
        named_places(ctx, out, hard, &cues.named);
        crossroads(ctx, out, hard);
    }
}

/// The tokens each pass over tokens may act on (a pass does nothing at other tokens).
struct Cues {
    /// "in", "from", "near", "outside", "at" (see `towns`).
    town: Vec<usize>,
    /// "in", "from", "near", "outside", "of" (see `known_towns`).
    known: Vec<usize>,
    /// "on" (see `on_streets`).
    on: Vec<usize>,
    /// Capitalised words that may be place words, "park", "on", "the" (see `named_places`).
    named: Vec<usize>,
}

impl Cues {
    fn new(low: &str, toks: &[crate::context::Token]) -> Cues {
        let b = low.as_bytes();
        let n = toks.len();
        let mut c = Cues {
            town: Vec::with_capacity(n / 8),
            known: Vec::with_capacity(n / 8),
            on: Vec::with_capacity(n / 16),
            named: Vec::with_capacity(n / 2),
        };
        for (i, t) in toks.iter().enumerate() {
            match &b[t.start..t.end] {
                b"in" | b"from" | b"near" | b"outside" => {
                    c.town.push(i);
                    c.known.push(i);
                }
                b"at" => c.town.push(i),
                b"of" => c.known.push(i),
                b"on" => {
                    c.on.push(i);
                    c.named.push(i);
                }
                b"the" | b"park" => c.named.push(i),
                // Only a capitalised place word (or "Middle" etc. before "School") starts
                // a named place.
                w if t.cap
                    && (pair_cue(&PLACE_PAIRS, b, t.start)
                        || matches!(w, b"middle" | b"high" | b"junior")) =>
                {
                    c.named.push(i)
                }
                _ => {}
            }
        }
        c
    }
}

/// The place words ending a named place ("Maple Grove Elementary", "Sunset Manor").
const PLACE_SUFFIXES: &[&str] = &[
    "elementary",
    "academy",
    "manor",
    "apartments",
    "apts",
    "estates",
    "village",
    "mall",
    "plaza",
    "gardens",
    "commons",
    "heights",
    "towers",
    "lodge",
    "villas",
    "basin",
    "nation",
    "reservation",
    "rez",
    "valley",
    "county",
    "parish",
    "pueblo",
    "peninsula",
    "canyon",
    "mesa",
];

/// The first two letters of place words (see `pairs`).
const PLACE_PAIRS: [u32; 26] = pairs(PLACE_SUFFIXES);

/// Whether the token at `k` (`w`, lower case) is a place word.
#[inline]
fn place_suffix(b: &[u8], k: usize, w: &str) -> bool {
    pair_cue(&PLACE_PAIRS, b, k) && among(PLACE_SUFFIXES, w)
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
fn named_places(ctx: &Context, out: &mut Vec<Draft>, hard: bool, cues: &[usize]) {
    let low = ctx.lower.as_str();
    let text = ctx.text;
    let toks = &ctx.tokens;
    let word = |k: usize| &low[toks[k].start..toks[k].end];
    for &i in cues {
        if i == 0 {
            continue;
        }
        let t = toks[i];
        let w = word(i);
        let si = t.sentence;
        // 1. capitalised words + a place word
        let mut suffix_end = None;
        let mut head = i;
        if t.cap && place_suffix(low.as_bytes(), t.start, w) {
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
                    && place_suffix(low.as_bytes(), toks[i].start, w)
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
    fn towns(&self, ctx: &Context, out: &mut Vec<Draft>, cues: &[usize]) {
        let low = ctx.lower.as_str();
        let toks = &ctx.tokens;
        for &i in cues {
            let t = &toks[i];
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
    }

    /// "the crash on Bangerter", "cuts everybody off on Colfax": a capitalised street name
    /// after "on" where the words before place an event or a home on it.
    fn on_streets(&self, ctx: &Context, out: &mut Vec<Draft>, hard: bool, cues: &[usize]) {
        let low = ctx.lower.as_str();
        let toks = &ctx.tokens;
        for &i in cues {
            if i == 0 {
                continue;
            }
            let t = &toks[i];
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
    fn known_towns(&self, ctx: &Context, out: &mut Vec<Draft>, hard: bool, cues: &[usize]) {
        let low = ctx.lower.as_str();
        let toks = &ctx.tokens;
        let towns = crate::lexicon::towns();
        for &i in cues {
            let t = &toks[i];
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
            // The words joined by single spaces: the text itself unless a gap differs.
            let first = toks.get(i + 1).map_or(0, |n| n.start);
            let mut joined: Option<String> = None;
            for k in 1..=3 {
                let Some(n) = toks.get(i + k) else { break };
                let prev_end = toks[i + k - 1].end;
                if n.sentence != si
                    || n.start - prev_end > 2
                    || (k == 1
                        && !town_first(crate::lexicon::fold_place(&low[n.start..n.end]).as_bytes()))
                {
                    break;
                }
                if k > 1 && (joined.is_some() || &low[prev_end..n.start] != " ") {
                    let j = joined.get_or_insert_with(|| low[first..prev_end].to_string());
                    j.push(' ');
                    j.push_str(&low[n.start..n.end]);
                }
                let name = joined.as_deref().unwrap_or(&low[first..n.end]);
                if towns.contains(&crate::lexicon::fold_place(name)) {
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

/// Whether `w` may be the first word of a known town: a bitmap over the first two bytes
/// and the length of those first words lets most words skip the hash lookups.
fn town_first(w: &[u8]) -> bool {
    fn slot(w: &[u8]) -> usize {
        let c = |i: usize| w.get(i).map_or(0, |&c| (c & 31) as usize);
        (c(0) * 32 + c(1)) * 16 + w.len().min(15)
    }
    static BITS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let bits = BITS.get_or_init(|| {
        let mut bits = vec![0u64; 32 * 32 * 16 / 64];
        for t in crate::lexicon::towns().words() {
            let first = t.split(' ').next().unwrap_or(t);
            let i = slot(first.as_bytes());
            bits[i / 64] |= 1 << (i % 64);
        }
        bits
    });
    let i = slot(w);
    bits[i / 64] >> (i % 64) & 1 != 0
}

/// Extends a street over the town after it: "in Alder Creek", or an address line's ",
/// Brenton Hollow" (a flat or suite between them is passed over: ", Apt 2B, Naperville"). The
/// town is up to three capitalised words; a state's code, a region or a postcode ends it.
fn extend_in_town(ctx: &Context, end: usize) -> usize {
    let text = ctx.text;
    // "Apt 2B", "Lot 7", "#4": a home's number within the address, not a town.
    let flat = |w: &str| {
        let w = w.to_ascii_lowercase();
        w.starts_with('#')
            || matches!(
                w.trim_end_matches('.'),
                "apt"
                    | "unit"
                    | "suite"
                    | "ste"
                    | "flat"
                    | "apartment"
                    | "bldg"
                    | "lot"
                    | "room"
                    | "rm"
                    | "box"
                    | "po"
            )
    };
    let mut pos = if text[end..].starts_with(" in ") {
        end + 4
    } else if text[end..].starts_with(", ") {
        let after = end + 2;
        let seg = &text[after..];
        let seg = &seg[..seg.find([',', '|', '\n']).unwrap_or(seg.len())];
        let skip = flat(seg.split(' ').next().unwrap_or(""))
            && seg.bytes().any(|c| c.is_ascii_digit())
            && text[after + seg.len()..].starts_with(", ");
        if skip {
            after + seg.len() + 2
        } else {
            after
        }
    } else {
        return end;
    };
    // The town stays on its line ("Ballina\nValid to" is a town, then a form's next field).
    let line = &text[pos..];
    let line = &line[..line.find(['\n', '|']).unwrap_or(line.len())];
    let mut last = end;
    for w in line.split(' ').take(3) {
        let t = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        // "IL", "NSW": a state's code ends the town; "PT/OT", "Lot 7" are no town.
        let code = t.len() <= 3 && t.bytes().all(|c| c.is_ascii_uppercase());
        let word = t
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'));
        let low = t.to_lowercase();
        if t.starts_with(|c: char| c.is_uppercase())
            && word
            && !code
            && !flat(t)
            && !not_name(&low)
            && !is_region(&low)
        {
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

/// Words naming a unit of a hospital, which "at" and a facility's name may follow ("the
/// cardiac unit at Valley", "the ER at Mercy", "peds at UIHC").
fn unit_word(w: &str) -> bool {
    matches!(
        w,
        "unit"
            | "floor"
            | "ward"
            | "wing"
            | "icu"
            | "nicu"
            | "picu"
            | "cvicu"
            | "sicu"
            | "micu"
            | "ccu"
            | "er"
            | "ed"
            | "peds"
            | "desk"
            | "tower"
    )
}

/// Unit abbreviations that a facility's name may precede ("Lakeside ED", "Providence ER",
/// "the Lakeview Neuro ICU"); only in capitals.
fn unit_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "ED" | "ER" | "ICU" | "NICU" | "PICU" | "CVICU" | "SICU" | "MICU" | "CCU"
    )
}

/// Capitalised words that describe a unit rather than name a facility ("Neuro ICU",
/// "Peds ER", "Main ED").
fn unit_descriptor(w: &str) -> bool {
    matches!(
        w,
        "neuro"
            | "cardiac"
            | "peds"
            | "pediatric"
            | "paediatric"
            | "trauma"
            | "burn"
            | "surgical"
            | "medical"
            | "adult"
            | "level"
            | "main"
            | "new"
            | "old"
            | "busy"
            | "local"
            | "community"
            | "regional"
            | "county"
            | "hospital"
            | "freestanding"
            | "cardiovascular"
            | "shock"
            | "respiratory"
            | "covid"
            | "mobile"
            | "virtual"
            | "tele"
            | "vet"
            | "veterinary"
            | "animal"
    )
}

/// Whether `w` (as written) is a compass direction of a unit's name ("4 West", "6 S").
fn direction(w: &str) -> bool {
    matches!(
        w,
        "West"
            | "East"
            | "North"
            | "South"
            | "W"
            | "E"
            | "N"
            | "S"
            | "WEST"
            | "EAST"
            | "NORTH"
            | "SOUTH"
    )
}

/// A named facility's unit that pins a patient down: a unit "at" a capitalised facility
/// ("4 West at Mercy General", "the cardiac unit at Valley", "4B at Saint Clare's") or a
/// facility's name before a unit's abbreviation ("Lakeside ED", "the Lakeview Neuro ICU"),
/// in a sentence tied to a patient.
fn facility_units(ctx: &Context, out: &mut Vec<Draft>, hard: bool) {
    let toks = &ctx.tokens;
    let text = ctx.text;
    let low = ctx.lower.as_str();
    for (k, t) in toks.iter().enumerate() {
        let raw = &text[t.start..t.end];
        let w = &low[t.start..t.end];
        let si = t.sentence;
        let joined = |a: usize, b: usize| text[toks[a].end..toks[b].start] == *" ";
        // "4 West", "6 South", "4B", "5C": a unit by its number.
        let numbered_dir = k > 0
            && direction(raw)
            && toks[k - 1].sentence == si
            && joined(k - 1, k)
            && low[toks[k - 1].start..toks[k - 1].end]
                .bytes()
                .all(|c| c.is_ascii_digit())
            && toks[k - 1].end - toks[k - 1].start <= 2;
        let numbered = raw.len() >= 2
            && raw.len() <= 3
            && raw.as_bytes()[..raw.len() - 1]
                .iter()
                .all(u8::is_ascii_digit)
            && raw.as_bytes()[raw.len() - 1].is_ascii_uppercase();
        let named_unit = unit_word(w)
            && (!matches!(w, "er" | "ed") || raw.bytes().all(|c| c.is_ascii_uppercase()));
        if numbered_dir || numbered || named_unit {
            let after_at = text[t.end..].strip_prefix(" at ");
            if let Some(after) = after_at {
                let fac = after.split(' ').next().unwrap_or("");
                let fac_low = fac
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase();
                let facility = fac.starts_with(|c: char| c.is_uppercase())
                    && !not_name(&fac_low)
                    && !is_region(&fac_low);
                // A patient in the sentence or the post ("He's on 3 West at St. Joseph's"
                // after "your dad"); "I spent 8 years in the MICU at ..." is a career.
                let patient = ctx.patient_in(si, si)
                    || (ctx.patient_post || hard)
                        && ctx.sent_kinds.get(si).copied().unwrap_or(0)
                            & (kind::OWN | kind::OCCUPATION | kind::HIRING)
                            == 0;
                if facility && patient && tied(ctx, t.start, hard) {
                    // "3 Tower", "4 West": the unit's number too.
                    let numbered_word = k > 0
                        && toks[k - 1].sentence == si
                        && joined(k - 1, k)
                        && toks[k - 1].end - toks[k - 1].start <= 2
                        && low[toks[k - 1].start..toks[k - 1].end]
                            .bytes()
                            .all(|c| c.is_ascii_digit());
                    let mut start = if numbered_word {
                        toks[k - 1].start
                    } else {
                        t.start
                    };
                    // "the cardiac step-down unit", "our 5 East desk": back to a determiner.
                    let first = if numbered_word { k - 1 } else { k };
                    for back in 1..=3 {
                        let Some(j) = first.checked_sub(back) else {
                            break;
                        };
                        let pw = &low[toks[j].start..toks[j].end];
                        if toks[j].sentence != si {
                            break;
                        }
                        if matches!(pw, "the" | "our" | "your" | "their" | "his" | "her") {
                            start = toks[j].start;
                            break;
                        }
                        if !pw.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') {
                            break;
                        }
                    }
                    // "8 years in the MICU at ...", "I work on 4 West at ...": the writer's
                    // own job, not a patient's bed.
                    let p1 = prev_word(low, start);
                    let p1_at = low[..start].trim_end().len().saturating_sub(p1.len());
                    let p2 = prev_word(low, p1_at);
                    if matches!(p1, "in" | "on" | "at")
                        && matches!(
                            p2,
                            "years"
                                | "months"
                                | "work"
                                | "worked"
                                | "works"
                                | "working"
                                | "spent"
                                | "job"
                                | "shifts"
                                | "nurse"
                                | "career"
                        )
                    {
                        continue;
                    }
                    // The facility's name ends with its sentence ("at Mercy West. She'd").
                    let se = ctx.sentence_span(si).1;
                    let end = extend_at_facility(ctx, t.end).min(se);
                    let end = end
                        - text[..end]
                            .bytes()
                            .rev()
                            .take_while(|c| matches!(c, b' ' | b'.' | b',' | b'\n'))
                            .count();
                    if end > t.end + 4 {
                        out.push(draft(start, end));
                        continue;
                    }
                }
            }
        }
        // "was my patient on 4 West", "Welcome to 4 South, ma'am": a hospital's unit by its
        // number and a written-out direction, in a sentence with a patient.
        if numbered_dir
            && raw.len() >= 4
            && ctx.patient_in(si, si)
            && !out
                .iter()
                .any(|d| !d.tentative && d.start <= t.start && t.start < d.end)
            && tied(ctx, t.start, hard)
        {
            out.push(draft(toks[k - 1].start, t.end));
            continue;
        }
        // "Lakeside ED", "Providence ER", "the Lakeview Neuro ICU".
        if unit_abbreviation(raw) && k > 0 && toks[k - 1].sentence == si && joined(k - 1, k) {
            let mut j = k - 1;
            let pl = &low[toks[j].start..toks[j].end];
            if unit_descriptor(pl) && j > 0 && toks[j - 1].sentence == si && joined(j - 1, j) {
                j -= 1;
            }
            let p = toks[j];
            let pw = &low[p.start..p.end];
            // Not the sentence's first word, whose capital says nothing ("Zero ED visits").
            let name = p.cap
                && ctx.sentence_span(si).0 != p.start
                && !p.all_caps
                && p.end - p.start >= 3
                && pw.bytes().all(|c| c.is_ascii_alphabetic())
                && !unit_descriptor(pw)
                && !not_name(pw)
                && !is_region(pw);
            if name && tied(ctx, p.start, hard) {
                out.push(draft(p.start, t.end));
            }
        }
    }
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
#[inline]
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
    static SET: std::sync::OnceLock<crate::lexicon::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| super::STATE_NAMES.iter().chain(R).copied().collect())
        .contains(w)
}

/// For each first letter, a bit for each second letter of `words` (lower-case, two or
/// more letters): a quick test whether a word may be one of them.
const fn pairs(words: &[&str]) -> [u32; 26] {
    let mut t = [0; 26];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        t[(w[0] - b'a') as usize] |= 1 << (w[1] - b'a');
        i += 1;
    }
    t
}

/// Whether `w` is one of `words` (comparing lengths first: few words share one).
#[inline]
fn among(words: &[&str], w: &str) -> bool {
    words.iter().any(|x| x.len() == w.len() && *x == w)
}

/// Whether the word at `k` may be one of the words `table` was built from.
#[inline]
fn pair_cue(table: &[u32; 26], b: &[u8], k: usize) -> bool {
    match (b.get(k), b.get(k + 1)) {
        (Some(&c0 @ b'a'..=b'z'), Some(&c1 @ b'a'..=b'z')) => {
            table[(c0 - b'a') as usize] >> (c1 - b'a') & 1 != 0
        }
        _ => false,
    }
}
