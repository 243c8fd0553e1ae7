//! Dates tied to a person: birth, admission, discharge, death, surgery. Only real calendar
//! dates count (no 2/30), and a bare year never does.
//!
//! The dates are found by a hand-written matcher over ASCII words rather than one big
//! capturing regex: it reads each word start once and costs nothing to build. It matches
//! exactly what this pattern (with [`super::re`]'s ASCII `\b` and `\d`, Unicode `\s`) did,
//! leftmost-first; the tests compare the two on random text:
//!
//! ```text
//! \b(?:(?P<m1>MONTH)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{4})\b)?
//!     |(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>MONTH)\b(?:,?\s+(?P<y2>\d{4})\b)?
//!     |(?P<m3>\d{1,2})/(?P<d3>\d{1,2})(?:/(?P<y3>\d{4}|\d{2}))?\b
//!     |(?P<m4>\d{1,2})-(?P<d4>\d{1,2})-(?P<y4>\d{4}|\d{2})\b
//!     |(?P<y5>\d{4})-(?P<m5>\d{2})-(?P<d5>\d{2})\b
//!     |on\s+the\s+(?P<d6>\d{1,2})(?:st|nd|rd|th)\b)
//! ```
//!
//! MONTH is `jan(?:uary)?|feb(?:ruary)?|...|sep(?:t(?:ember)?)?|...`. Every alternative starts
//! at `\b` before a word character, i.e. at the start of an ASCII word, and no two of them
//! can match at the same start (the word and the byte after its digits tell them apart).

use super::text::{boundary, digits_end, ends_word, is_word, next_digit, skip_ws, ws_before};
use super::{Draft, Rule};
use crate::context::{prev_word, Context};
use crate::lexicon::kind;
use crate::{Category, Severity};

pub struct Dates;

impl Dates {
    pub fn new() -> Dates {
        Dates
    }
}

impl Default for Dates {
    fn default() -> Self {
        Self::new()
    }
}

/// How a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "March 3rd, 2021", "3 of March"
    Named,
    /// "3/14", "3/14/21"
    Slash,
    /// "3-14-21"
    Dash,
    /// "2021-03-14"
    Iso,
    /// "on the 18th": a day without a month (`month` is 0).
    OnThe,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DateMatch {
    form: Form,
    start: usize,
    end: usize,
    month: u32,
    day: u32,
    year: Option<u32>,
}

impl Rule for Dates {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let mut pos = 0;
        while let Some(m) = next_date(low, pos) {
            pos = m.end;
            let (s, e) = (m.start, m.end);
            let numeric = !matches!(m.form, Form::Named | Form::OnThe);
            let (month, day, year) = if m.form == Form::OnThe {
                // "your follow-up on the 18th": a day of the month, only for an appointment.
                let sb = ctx.sentence_span(ctx.sentence_of(s));
                let sent = &low[sb.0..sb.1.max(sb.0)];
                let personal = ["your", "his", "her"].iter().any(|w| sent.contains(w))
                    && APPOINTMENTS.iter().any(|w| sent.contains(w));
                if !personal || m.day > 31 {
                    continue;
                }
                (1, m.day, None)
            } else {
                (m.month, m.day, m.year)
            };
            if !valid_date(month, day, year) {
                continue;
            }
            let orig = &ctx.text[s..e];
            // "may 5 nurses", "march 3 miles": ambiguous month words need a capital.
            if !numeric {
                let ambiguous = ["may", "mar", "march", "jan", "june", "aug", "sept"]
                    .iter()
                    .any(|a| low[s..e].contains(a));
                if ambiguous && !orig.bytes().any(|b| b.is_ascii_uppercase()) {
                    continue;
                }
            }
            let before = crate::context::before(low, s, 24);
            let due = prev_word(low, s) == "due" && {
                let ks = ctx.kinds_at(s);
                let (a, b) = ctx.sentence_span(ctx.sentence_of(s));
                ks & (kind::PERSON | kind::SEX | kind::REF) != 0
                    || low[a..b.max(a)].contains("patients")
            };
            let due_start = low[..s].trim_end().len().saturating_sub(3);
            let key = birth_key(before);
            let birth = key.is_some() || due || m.form == Form::OnThe;
            if numeric && year.is_none() {
                // "10/10 pain", "24/7", "1/2 tab": scores and fractions, not dates.
                let after = crate::context::next_word(low, e);
                if matches!(
                    after,
                    "pain"
                        | "tab"
                        | "tabs"
                        | "cup"
                        | "dose"
                        | "mg"
                        | "scale"
                        | "would"
                        | "stars"
                        | "ratio"
                ) || matches!(prev_word(low, s), "rated" | "pain" | "a" | "scored" | "gcs")
                {
                    continue;
                }
            }
            // Include the "DOB" keyword: the pair is what identifies.
            let start = match key {
                Some(k) if birth => s - before.len() + k,
                _ if due => due_start,
                _ => s,
            };
            if let Some(d) = tied(ctx, start, e, birth) {
                out.push(d);
            }
        }
        // "born on Christmas Eve": a holiday dates an event as surely as a number does.
        if ctx.post_kinds & kind::HOLIDAY != 0 {
            for h in ctx.hits.iter().filter(|h| h.kinds & kind::HOLIDAY != 0) {
                if prev_word(low, h.start) != "on" {
                    continue;
                }
                let on = low[..h.start].trim_end().len() - 2;
                if let Some(d) = tied(ctx, on, h.end, false) {
                    out.push(d);
                }
            }
        }
    }
}

/// The first date starting at or after `from` (see the module comment). Every alternative
/// holds a run of digits that only letters, dots and white space precede back to its start
/// ("March 3", "on the 18th", "3/14"), so the match is found from its first digit run: taking
/// the runs in order and, for each, the lead word before it and then the run itself finds
/// the leftmost match.
fn next_date(low: &str, from: usize) -> Option<DateMatch> {
    let b = low.as_bytes();
    let mut i = from;
    while let Some(ds) = next_digit(b, i) {
        let de = digits_end(b, ds);
        i = de;
        // A date's first digits are a whole run of one, two or four (one cut by `from` is
        // not whole).
        if !matches!(de - ds, 1 | 2 | 4) || (ds > 0 && b[ds - 1].is_ascii_digit()) {
            continue;
        }
        let found = led_date(low, from, ds).or_else(|| numeric_date(low, ds));
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The date starting at the word before the digits at `ds`, at or after `from`: a month
/// ("March 3", "Sept. 5") or "on the" ("on the 18th").
fn led_date(low: &str, from: usize, ds: usize) -> Option<DateMatch> {
    let b = low.as_bytes();
    let w = ws_before(low, ds);
    if w == ds || w == 0 {
        return None;
    }
    let q = w - usize::from(b[w - 1] == b'.');
    let p = word_start(b, q);
    if p < from {
        return None;
    }
    if &low[p..q] == "the" && q == w {
        let on_end = ws_before(low, p);
        let on = word_start(b, on_end);
        return (on >= from && on_end < p)
            .then(|| on_the(low, on, on_end))
            .flatten();
    }
    named_date(low, p, q)
}

/// `MONTH\.?\s+\d{1,2}(?:st|nd|rd|th)?\b` and an optional year, at the word `[p, q)`. The
/// month must be followed by `.` or white space, so it is the whole word.
fn named_date(low: &str, p: usize, q: usize) -> Option<DateMatch> {
    let b = low.as_bytes();
    if !is_month(&low[p..q]) {
        return None;
    }
    let dot = q + usize::from(b.get(q) == Some(&b'.'));
    let t = skip_ws(low, dot);
    if t == dot {
        return None;
    }
    let u = digits_end(b, t);
    if !(1..=2).contains(&(u - t)) {
        return None;
    }
    let v = if ordinal(b, u) && ends_word(b, u + 2) {
        u + 2
    } else if ends_word(b, u) {
        u
    } else {
        return None;
    };
    let year = year_after(low, v);
    Some(DateMatch {
        form: Form::Named,
        start: p,
        end: year.map_or(v, |y| y.1),
        month: month_number(&low[p..q])?,
        day: number(&low[t..u]),
        year: year.map(|y| y.0),
    })
}

/// `on\s+the\s+\d{1,2}(?:st|nd|rd|th)\b` at the word `[p, q)`.
fn on_the(low: &str, p: usize, q: usize) -> Option<DateMatch> {
    let b = low.as_bytes();
    if &low[p..q] != "on" {
        return None;
    }
    let t = skip_ws(low, q);
    if t == q || !has(b, t, b"the") {
        return None;
    }
    let x = skip_ws(low, t + 3);
    let u = digits_end(b, x);
    if x == t + 3 || !(1..=2).contains(&(u - x)) || !ordinal(b, u) || !ends_word(b, u + 2) {
        return None;
    }
    Some(DateMatch {
        form: Form::OnThe,
        start: p,
        end: u + 2,
        month: 0,
        day: number(&low[x..u]),
        year: None,
    })
}

/// The alternatives that start with digits, at the start `p` of a digit run. The run's
/// length and the byte after it decide which one can apply.
fn numeric_date(low: &str, p: usize) -> Option<DateMatch> {
    let b = low.as_bytes();
    if p > 0 && is_word(b[p - 1]) {
        return None;
    }
    let u = digits_end(b, p);
    let first = number(&low[p..u]);
    let date = |form, end, month, day, year| {
        Some(DateMatch {
            form,
            start: p,
            end,
            month,
            day,
            year,
        })
    };
    match (u - p, b.get(u)) {
        (1..=2, Some(b'/')) => {
            // `\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?\b`
            let v = digits_end(b, u + 1);
            if !(1..=2).contains(&(v - u - 1)) {
                return None;
            }
            let day = number(&low[u + 1..v]);
            if b.get(v) == Some(&b'/') {
                let z = digits_end(b, v + 1);
                if matches!(z - v - 1, 2 | 4) && ends_word(b, z) {
                    return date(Form::Slash, z, first, day, Some(number(&low[v + 1..z])));
                }
            }
            if ends_word(b, v) {
                return date(Form::Slash, v, first, day, None);
            }
            None
        }
        (1..=2, Some(b'-')) => {
            // `\d{1,2}-\d{1,2}-(?:\d{4}|\d{2})\b`
            let v = digits_end(b, u + 1);
            if !(1..=2).contains(&(v - u - 1)) || b.get(v) != Some(&b'-') {
                return None;
            }
            let z = digits_end(b, v + 1);
            if !matches!(z - v - 1, 2 | 4) || !ends_word(b, z) {
                return None;
            }
            let (day, year) = (number(&low[u + 1..v]), number(&low[v + 1..z]));
            date(Form::Dash, z, first, day, Some(year))
        }
        (1..=2, _) => {
            // `\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?MONTH\b` and an optional year
            let v = if ordinal(b, u) { u + 2 } else { u };
            let t = skip_ws(low, v);
            if t == v {
                return None;
            }
            let month_of = |x: usize| {
                let y = word_end(b, x);
                is_month(&low[x..y]).then_some((x, y))
            };
            let after_of = |t: usize| {
                let o = t + 2;
                let x = has(b, t, b"of").then(|| skip_ws(low, o))?;
                (x > o).then_some(x)
            };
            let (x, y) = after_of(t).and_then(month_of).or_else(|| month_of(t))?;
            let year = year_after(low, y);
            let month = month_number(&low[x..y])?;
            date(
                Form::Named,
                year.map_or(y, |y| y.1),
                month,
                first,
                year.map(|y| y.0),
            )
        }
        (4, Some(b'-')) => {
            // `\d{4}-\d{2}-\d{2}\b`
            let v = digits_end(b, u + 1);
            if v - u - 1 != 2 || b.get(v) != Some(&b'-') {
                return None;
            }
            let z = digits_end(b, v + 1);
            if z - v - 1 != 2 || !ends_word(b, z) {
                return None;
            }
            let (month, day) = (number(&low[u + 1..v]), number(&low[v + 1..z]));
            date(Form::Iso, z, month, day, Some(first))
        }
        _ => None,
    }
}

/// `,?\s+\d{4}\b` at `v`: the year and where it ends.
fn year_after(low: &str, v: usize) -> Option<(u32, usize)> {
    let b = low.as_bytes();
    let x = v + usize::from(b.get(v) == Some(&b','));
    let y = skip_ws(low, x);
    let z = digits_end(b, y);
    (y > x && z - y == 4 && ends_word(b, z)).then(|| (number(&low[y..z]), z))
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "january"
            | "feb"
            | "february"
            | "mar"
            | "march"
            | "apr"
            | "april"
            | "may"
            | "jun"
            | "june"
            | "jul"
            | "july"
            | "aug"
            | "august"
            | "sep"
            | "sept"
            | "september"
            | "oct"
            | "october"
            | "nov"
            | "november"
            | "dec"
            | "december"
    )
}

/// `st|nd|rd|th` at `p`.
#[inline]
fn ordinal(b: &[u8], p: usize) -> bool {
    b.get(p..p + 2)
        .is_some_and(|s| matches!(s, b"st" | b"nd" | b"rd" | b"th"))
}

/// A run of at most four ASCII digits as a number.
#[inline]
fn number(digits: &str) -> u32 {
    digits.parse().unwrap_or(0)
}

/// Whether `w` occurs in `b` at `p`. Byte by byte, as the words are short and most
/// comparisons stop at the first byte.
#[inline]
pub(super) fn has(b: &[u8], p: usize, w: &[u8]) -> bool {
    b.get(p..p + w.len())
        .is_some_and(|s| s.iter().zip(w).all(|(x, y)| x == y))
}

/// Whether `w` ends in `b` at `p`, compared from its last byte.
#[inline]
pub(super) fn ends_at(b: &[u8], p: usize, w: &[u8]) -> bool {
    p >= w.len() && b[..p].iter().rev().zip(w.iter().rev()).all(|(x, y)| x == y)
}

#[inline]
fn word_start(b: &[u8], p: usize) -> usize {
    p - b[..p].iter().rev().take_while(|&&c| is_word(c)).count()
}

#[inline]
fn word_end(b: &[u8], p: usize) -> usize {
    p + b[p..].iter().take_while(|&&c| is_word(c)).count()
}

/// Where the birth keyword that `before` ends with starts ("DOB: ", "born on "): the
/// leftmost `s` where `\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?|birthday(?: is)?|bday)`
/// is followed only by `\s*[:#-]?\s*` up to the end.
fn birth_key(before: &str) -> Option<usize> {
    const KEYS: &[&str] = &[
        "dob",
        "d.o.b.",
        "d.o.b",
        "date of birth",
        "born on",
        "born",
        "birthday is",
        "birthday",
        "bday",
    ];
    let b = before.as_bytes();
    let tail_ok = |rest: &str| {
        let r = rest.trim_start_matches(char::is_whitespace);
        let r = r.strip_prefix([':', '#', '-']).unwrap_or(r);
        r.trim_start_matches(char::is_whitespace).is_empty()
    };
    (0..b.len()).find(|&s| {
        matches!(b[s], b'b' | b'd')
            && boundary(b, s)
            && KEYS
                .iter()
                .any(|k| b[s..].starts_with(k.as_bytes()) && tail_ok(&before[s + k.len()..]))
    })
}

/// A date becomes a finding when a patient's event or reference sits in its sentence.
fn tied(ctx: &Context, s: usize, e: usize, birth: bool) -> Option<Draft> {
    let si = ctx.sentence_of(s);
    let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
    let own = ks & (kind::OWN | kind::OWN_FAMILY) != 0 && !ctx.patient_in(si, si);
    let patient = ctx.patient_in(si, si)
        || (ctx.patient_post && ks & (kind::PATIENT_EVENT | kind::PERSON) != 0)
        || (ks & kind::PATIENT_EVENT != 0 && ks & kind::PERSON != 0);
    let announcement = ks & (kind::CONTACT | kind::HIRING | kind::PROMO) != 0;
    // "since April 2nd" in a sentence about her radiation, "August 14 ... the twins' surgery"
    let patient = patient
        || (ks & kind::CONDITION != 0
            && ks & (kind::PERSON | kind::SEX | kind::RELATIVE) != 0
            && ks & (kind::EDUCATIONAL | kind::HYPOTHETICAL) == 0
            && !announcement);
    let sev = if (birth || patient) && !own {
        Severity::High
    } else if (own && (patient || birth)) || (!announcement && ks & kind::PATIENT_EVENT != 0) {
        Severity::Low
    } else {
        return None;
    };
    Some(
        Draft::new(Category::PhiDate, sev, s, e)
            .suggest(if birth { "" } else { "recently" })
            .weak(sev == Severity::Low),
    )
}

fn month_number(m: &str) -> Option<u32> {
    const P: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    P.iter()
        .position(|p| m.starts_with(p))
        .map(|i| i as u32 + 1)
}

/// A real calendar date: month 1-12, day within the month (29 February only in leap years).
pub fn valid_date(month: u32, day: u32, year: Option<u32>) -> bool {
    let leap = |y: u32| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let max = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if y >= 100 && !leap(y) => 28,
            _ => 29,
        },
        _ => return false,
    };
    if let Some(y) = year {
        if y >= 100 && !(1880..=2100).contains(&y) {
            return false;
        }
    }
    (1..=max).contains(&day)
}

/// Words that make a bare day of the month someone's appointment.
const APPOINTMENTS: &[&str] = &[
    "follow-up",
    "follow up",
    "followup",
    "appointment",
    "appt",
    "surgery",
    "procedure",
    "visit",
    "infusion",
    "scan",
    "induction",
    "c-section",
    "discharge",
    "due",
];

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regexes the matchers replace, as they were.
    const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    fn dates_regex() -> Regex {
        super::super::re(&format!(
            concat!(
                r"\b(?:(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?",
                r"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m})\b(?:,?\s+(?P<y2>\d{{4}})\b)?",
                r"|(?P<m3>\d{{1,2}})/(?P<d3>\d{{1,2}})(?:/(?P<y3>\d{{4}}|\d{{2}}))?\b",
                r"|(?P<m4>\d{{1,2}})-(?P<d4>\d{{1,2}})-(?P<y4>\d{{4}}|\d{{2}})\b",
                r"|(?P<y5>\d{{4}})-(?P<m5>\d{{2}})-(?P<d5>\d{{2}})\b",
                r"|on\s+the\s+(?P<d6>\d{{1,2}})(?:st|nd|rd|th)\b)"
            ),
            m = MONTH
        ))
    }

    fn birth_regex() -> Regex {
        super::super::re(
            r"(?:\bdob|\bd\.o\.b\.?|\bdate of birth|\bborn(?: on)?|\bbirthday(?: is)?|\bbday)\s*[:#-]?\s*$",
        )
    }

    fn by_regex(re: &Regex, low: &str) -> Vec<DateMatch> {
        re.captures_iter(low)
            .map(|c| {
                let num = |n: &str| c.name(n).map(|m| number(m.as_str()));
                let whole = c.get(0).expect("match");
                let (form, month, day, year) = if let Some(m) = c.name("m1") {
                    let month = month_number(m.as_str());
                    (Form::Named, month, num("d1"), num("y1"))
                } else if let Some(m) = c.name("m2") {
                    let month = month_number(m.as_str());
                    (Form::Named, month, num("d2"), num("y2"))
                } else if c.name("m3").is_some() {
                    (Form::Slash, num("m3"), num("d3"), num("y3"))
                } else if c.name("m4").is_some() {
                    (Form::Dash, num("m4"), num("d4"), num("y4"))
                } else if c.name("d6").is_some() {
                    (Form::OnThe, Some(0), num("d6"), None)
                } else {
                    (Form::Iso, num("m5"), num("d5"), num("y5"))
                };
                DateMatch {
                    form,
                    start: whole.start(),
                    end: whole.end(),
                    month: month.expect("month"),
                    day: day.expect("day"),
                    year,
                }
            })
            .collect()
    }

    fn by_hand(low: &str) -> Vec<DateMatch> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = next_date(low, pos) {
            pos = m.end;
            out.push(m);
        }
        out
    }

    /// Random text from pieces that exercise every branch of the patterns.
    fn random_text(seed: &mut u64, pieces: &[&str], max: usize) -> String {
        let mut next = || {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed
        };
        let n = 1 + (next() % max as u64) as usize;
        (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect()
    }

    const PIECES: &[&str] = &[
        "1",
        "5",
        "12",
        "31",
        "123",
        "2021",
        "20215",
        "09",
        "3",
        "29",
        " ",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "\u{3000}",
        "\n",
        "/",
        "-",
        ",",
        ".",
        "_",
        "x",
        "é",
        "’",
        "st",
        "nd",
        "rd",
        "th",
        "of",
        "on",
        "the",
        "jan",
        "january",
        "ma",
        "may",
        "mar",
        "march",
        "june",
        "jun",
        "sept",
        "sep",
        "september",
        "dec",
        "oct",
        "ember",
        "uary",
        "dob",
        "d.o.b.",
        "born",
        " on",
        "birthday",
        " is",
        "bday",
        "date of birth",
        ":",
        "#",
        "b",
        "d",
        "2021-",
        "03-",
        "14",
        "on the ",
        "the ",
        "12/",
        "3-",
        "-21",
        "/2024",
        "/24",
        ", 2021",
        " 2021",
        "march ",
        "5th ",
        "of ",
        "12-3",
        "1999-12-31",
        "on the 2nd",
        "10/19",
    ];

    fn cases() -> usize {
        std::env::var("DIFF_CASES").map_or(20_000, |v| v.parse().expect("number"))
    }

    #[test]
    fn dates_match_the_regex() {
        let re = dates_regex();
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..cases() {
            let t = random_text(&mut seed, PIECES, 14);
            assert_eq!(by_hand(&t), by_regex(&re, &t), "{t:?}");
        }
        for t in [
            "march 3rd, 2021",
            "3rd of march 2020",
            "10/19/2024 and 1-2-24 and 2021-03-14",
            "on the 18th",
            "sept. 5",
            "may\u{a0}5,\u{2003}2020x",
        ] {
            assert_eq!(by_hand(t), by_regex(&re, t), "{t:?}");
            assert!(!by_hand(t).is_empty(), "{t:?}");
        }
    }

    #[test]
    fn next_digit_finds_the_first_digit() {
        let mut seed = 0x1234_5678_9abc_def1_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // bytes of every value; digits are one in 25
            let b: Vec<u8> = (0..(seed % 40) as usize)
                .map(|k| (seed.rotate_left(k as u32 * 7) >> 56) as u8)
                .collect();
            for i in 0..=b.len() {
                let want = (i..b.len()).find(|&j| b[j].is_ascii_digit());
                assert_eq!(next_digit(&b, i), want, "{b:?} {i}");
            }
        }
    }

    #[test]
    fn birth_keys_match_the_regex() {
        let re = birth_regex();
        let mut seed = 0x2545_f491_4f6c_dd1d;
        for _ in 0..cases() {
            let t = random_text(&mut seed, PIECES, 8);
            assert_eq!(birth_key(&t), re.find(&t).map(|m| m.start()), "{t:?}");
        }
    }
}
