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

use super::text::boundary;
#[cfg(test)]
use super::text::next_digit;
use super::{Draft, Rule};
use crate::context::{prev_word, Context};
use crate::lexicon::kind;
use crate::matchers::{matchers, Hay, Matchers};
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
    /// "3 maart 2024", "14. März", "9 de abril": another language's month, day first.
    Foreign,
    /// "3/14", "3/14/21"
    Slash,
    /// "3-14-21"
    Dash,
    /// "2021-03-14"
    Iso,
    /// "14.03.2024", day first
    Dotted,
    /// "on the 18th": a day without a month (`month` is 0).
    OnThe,
    /// "14-Jul-1948", "Sep-05-24", "1999-AUG-03", "18.08.24", "1998.03.22": the forms of
    /// records and lab printouts, read from the matched text.
    Record,
    /// "03MAR2024", "12 -Mar- 24": a label's packed date, or OCR's spaces (record text).
    Packed,
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
        for m in dates(ctx) {
            let (s, e) = (m.start, m.end);
            let numeric = !matches!(m.form, Form::Named | Form::Foreign | Form::OnThe);
            let (month, day, year) = if m.form == Form::OnThe {
                // "your follow-up on the 18th": a day of the month, only for an appointment.
                let sb = ctx.sentence_span(ctx.sentence_of(s));
                let sent = &low[sb.0..sb.1.max(sb.0)];
                // Whose: a pronoun, or a patient in the sentence; what: an appointment or
                // an event word, or a patient's event or condition from the lexicon.
                let si = ctx.sentence_of(s);
                let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
                let whose = ["your", "his", "her"].iter().any(|w| sent.contains(w))
                    || ctx.patient_in(si, si)
                    || (ctx.patient_post && ks & kind::PERSON != 0);
                // "in since the 5th": a stay that began that day.
                let what = prev_word(low, s) == "since"
                    || APPOINTMENTS.iter().any(|w| sent.contains(w))
                    || TESTS.iter().any(|w| has_word(sent, w))
                    || ks & (kind::PATIENT_EVENT | kind::CONDITION) != 0;
                let personal = whose && what;
                // "for the 20th time", "the 3rd floor": an ordinal of something else.
                let counted = matches!(
                    crate::context::next_word(low, e),
                    "time"
                        | "times"
                        | "floor"
                        | "grade"
                        | "century"
                        | "percentile"
                        | "anniversary"
                        | "birthday"
                        | "day"
                        | "week"
                        | "year"
                        | "visit"
                        | "attempt"
                        | "round"
                        | "place"
                        | "edition"
                        | "annual"
                        | "shift"
                );
                if !personal || counted || m.day > 31 {
                    continue;
                }
                (1, m.day, None)
            } else if !valid_date(m.month, m.day, m.year)
                && matches!(m.form, Form::Slash | Form::Dash)
                && valid_date(m.day, m.month, m.year)
            {
                // "14/03/2024": written day first.
                (m.day, m.month, m.year)
            } else {
                (m.month, m.day, m.year)
            };
            if !valid_date(month, day, year) {
                continue;
            }
            let orig = &ctx.text[s..e];
            // "may 5 nurses", "march 3 miles": ambiguous English month words need a capital
            // (other languages write their months in lower case, after the day).
            if m.form == Form::Named {
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
                // A date of birth shows that a record is about a patient.
                out.push(d.anchor(key.is_some()));
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

/// A run of at most four ASCII digits as a number.
#[inline]
fn number(digits: &str) -> u32 {
    digits.parse().unwrap_or(0)
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

/// The dates of the post, from the format table's `date.*` rows: the written-out forms
/// first, so "the 14th of March" is one date, not an ordinal and a date.
fn dates(ctx: &Context) -> Vec<DateMatch> {
    const ROWS: &[(&str, Form)] = &[
        ("date.named", Form::Named),
        ("date.day_first", Form::Named),
        ("date.iso", Form::Iso),
        ("date.slash", Form::Slash),
        ("date.dash", Form::Dash),
        ("date.dotted", Form::Dotted),
        ("date.ordinal", Form::OnThe),
        ("date.month_dash", Form::Record),
        ("date.month_first_dash", Form::Record),
        ("date.dotted_short", Form::Record),
    ];
    let low = ctx.lower.as_str();
    let hay = Hay::of(ctx);
    if hay.runs.is_empty() {
        return Vec::new();
    }
    let m = matchers();
    let mut out: Vec<DateMatch> = Vec::new();
    // Record text's own form, after the rest: a label's packed date. (OCR's misreadings,
    // "O3/l1/2024", are the other rows' on the record's OCR view: `crate::ocr`.)
    const RECORD_ROWS: &[(&str, Form)] = &[("date.month_packed", Form::Packed)];
    let rows = ROWS.iter().chain(RECORD_ROWS.iter().filter(|_| ctx.record));
    for &(id, form) in rows {
        for x in m.find(Matchers::row(id), &hay) {
            if out.iter().any(|d| x.start < d.end && d.start < x.end) {
                continue;
            }
            if matches!(form, Form::Record | Form::Packed) {
                let t = &low[x.start..x.end];
                let read = match form {
                    Form::Packed => packed_date(t),
                    _ => record_date(t),
                };
                let Some((month, day, year)) = read else {
                    continue;
                };
                out.push(DateMatch {
                    form,
                    start: x.start,
                    end: x.end,
                    month,
                    day,
                    year: Some(year),
                });
                continue;
            }
            let num = |g: Option<(usize, usize)>| g.map(|(s, e)| number(&low[s..e]));
            let month = match x.month {
                Some((s, e)) if form == Form::Named => month_number(&low[s..e]).unwrap_or(0),
                g => num(g).unwrap_or(if form == Form::OnThe { 0 } else { 99 }),
            };
            out.push(DateMatch {
                form,
                start: x.start,
                end: x.end,
                month,
                day: num(x.day).unwrap_or(0),
                year: num(x.year),
            });
        }
    }
    foreign_dates(low, hay.runs, &mut out);
    out.sort_unstable_by_key(|d| d.start);
    out
}

/// Month names of other languages (`data/months.txt`, from CLDR: see `data/README.md`):
/// the month each names, and whether its language also writes the month first.
fn foreign_months() -> &'static std::collections::HashMap<&'static str, (u32, bool)> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, (u32, bool)>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        include_str!("../../data/months.txt")
            .lines()
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (w, m, order) = (cols.next()?, cols.next()?, cols.next()?);
                Some((w, (m.parse().ok()?, order == "md")))
            })
            .collect()
    })
}

/// Dates written with another language's month: day first, "14. März 2024", "3 maart",
/// "9 de abril de 2024", "le 1er mars", "14 marca"; month first where the language writes it
/// so, "Hunyo 12, 1935". Read from each run of one or two digits (the day), so a post
/// without digits costs nothing; a span another form already took is left to it.
fn foreign_dates(low: &str, runs: &[(usize, usize)], out: &mut Vec<DateMatch>) {
    let r = ForeignReader {
        low,
        months: foreign_months(),
    };
    let b = low.as_bytes();
    for &(s, e) in runs {
        let glued =
            s > 0 && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'.' | b'/' | b'-'));
        if e - s > 2 || glued {
            continue;
        }
        let Some(d) = r.day_first(s, e).or_else(|| r.month_first(s, e)) else {
            continue;
        };
        if !out.iter().any(|x| d.start < x.end && x.start < d.end) {
            out.push(d);
        }
    }
}

/// Reads a date with another language's month around a day's digits.
struct ForeignReader<'a> {
    low: &'a str,
    months: &'static std::collections::HashMap<&'static str, (u32, bool)>,
}

impl ForeignReader<'_> {
    /// Spaces within a line (a day on one line and a name on the next are a list).
    const SPACES: [char; 3] = [' ', '\t', '\u{a0}'];

    /// Past the spaces at `p`.
    fn spaces(&self, p: usize) -> usize {
        p + self.low[p..].len() - self.low[p..].trim_start_matches(Self::SPACES).len()
    }

    /// Past the spaces and a joining word at `p` ("9 de abril de 2024").
    fn joined(&self, p: usize) -> usize {
        let q = self.spaces(p);
        ["de ", "del ", "di ", "van "]
            .iter()
            .find(|w| self.low[q..].starts_with(*w))
            .map_or(q, |w| self.spaces(q + w.len()))
    }

    /// An optional year after `p` (", 2024", " 2024", " de 2024"): where it ends, and it.
    fn year_after(&self, p: usize) -> Option<(usize, u32)> {
        let low = self.low;
        let after = self.joined(p + low[p..].len() - low[p..].trim_start_matches(',').len());
        let end = after + low[after..].bytes().take_while(u8::is_ascii_digit).count();
        let whole = !low
            .as_bytes()
            .get(end)
            .is_some_and(u8::is_ascii_alphanumeric);
        (end - after == 4 && after > p && whole).then(|| (end, number(&low[after..end])))
    }

    /// The date from `start` to `end` (past the month's name, or past the day's digits when
    /// the month comes first), with the year after it if one follows.
    fn date(&self, start: usize, end: usize, month: u32, day: u32) -> DateMatch {
        let (end, year) = self
            .year_after(end)
            .map_or((end, None), |(e, y)| (e, Some(y)));
        DateMatch {
            form: Form::Foreign,
            start,
            end,
            month,
            day,
            year,
        }
    }

    /// Day first from the day's digits at `s..e`: "14. März", "1er mars", "9 de abril".
    fn day_first(&self, s: usize, e: usize) -> Option<DateMatch> {
        let low = self.low;
        // "14.", "1er", "3e", "5º": the day's own marks.
        let mut p = e;
        for mark in [".", "er ", "e ", "º", "°"] {
            if low[p..].starts_with(mark) {
                p += mark.trim_end().len();
                break;
            }
        }
        if self.spaces(p) == p {
            return None;
        }
        let w0 = self.joined(p);
        let w1 = w0
            + low[w0..]
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(low.len() - w0);
        let &(month, _) = self.months.get(&low[w0..w1])?;
        Some(self.date(s, w1, month, number(&low[s..e])))
    }

    /// Month first, in a language that writes it so, from the word before the day's digits
    /// at `s..e`: "Hunyo 12", "Abril 1st, 2024"; never before a time ("Marso 3:15").
    fn month_first(&self, s: usize, e: usize) -> Option<DateMatch> {
        let low = self.low;
        let before = low[..s].trim_end_matches(Self::SPACES);
        let w0 = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        let &(month, true) = self.months.get(&before[w0..])? else {
            return None;
        };
        let p = e + ["st", "nd", "rd", "th"]
            .iter()
            .find(|x| low[e..].starts_with(*x))
            .map_or(0, |x| x.len());
        let next = low.as_bytes().get(p);
        if w0 == before.len()
            || before.len() == s
            || next.is_some_and(|&c| c.is_ascii_alphanumeric() || c == b':')
        {
            return None;
        }
        Some(self.date(w0, p, month, number(&low[s..e])))
    }
}

/// Month, day and year of a record's date: "14-jul-1948", "sep-05-24", "1999-aug-03" (a
/// month's name anywhere), "18.08.24" (day first) or "1998.03.22" (year first).
fn record_date(t: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = t.split(['-', '.']).collect();
    if parts.len() != 3 {
        return None;
    }
    let named = parts
        .iter()
        .position(|p| p.starts_with(|c: char| c.is_ascii_alphabetic()));
    let (m, d, y) = match named {
        Some(i) => {
            let m = month_number(parts[i])?;
            let nums: Vec<&str> = parts
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, p)| *p)
                .collect();
            // A four-digit part is the year; else the last number is.
            let (d, y) = if nums[0].len() == 4 {
                (nums[1], nums[0])
            } else {
                (nums[0], nums[1])
            };
            (m, number(d), number(y))
        }
        None if parts[0].len() == 4 => (number(parts[1]), number(parts[2]), number(parts[0])),
        None => (number(parts[1]), number(parts[0]), number(parts[2])),
    };
    valid_date(m, d, Some(y)).then_some((m, d, y))
}

/// Month, day and year of a packed record date: "03mar2024", "12mar24", "12 -mar- 24" (day,
/// month's name, year).
pub(crate) fn packed_date(t: &str) -> Option<(u32, u32, u32)> {
    let s: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let i = s.find(|c: char| c.is_ascii_alphabetic())?;
    let j = i + s[i..].find(|c: char| c.is_ascii_digit())?;
    let (d, m, y) = (number(&s[..i]), month_number(&s[i..j])?, number(&s[j..]));
    valid_date(m, d, Some(y)).then_some((m, d, y))
}

/// A date becomes a finding when a patient's event or reference sits in its sentence.
fn tied(ctx: &Context, s: usize, e: usize, birth: bool) -> Option<Draft> {
    let si = ctx.sentence_of(s);
    let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
    let own = ks & (kind::OWN | kind::OWN_FAMILY) != 0 && !ctx.patient_in(si, si);
    // In a patient's post a date standing in its own sentence ("2/14.", "DOD 01.10.2024.")
    // belongs to the event of the sentence beside it.
    let near = ctx.kinds_in(si.saturating_sub(1), si + 1);
    let patient = ctx.patient_in(si, si)
        || (ctx.patient_post && ks & (kind::PATIENT_EVENT | kind::PERSON) != 0)
        || (ctx.patient_post
            && near & (kind::PATIENT_EVENT | kind::PERSON) != 0
            && near & (kind::OWN | kind::OWN_FAMILY) == 0)
        || (ks & kind::PATIENT_EVENT != 0 && ks & kind::PERSON != 0);
    let announcement = ks & (kind::CONTACT | kind::HIRING | kind::PROMO) != 0;
    // "since April 2nd" in a sentence about her radiation, "August 14 ... the twins' surgery"
    let patient = patient
        || (ks & kind::CONDITION != 0
            && ks & (kind::PERSON | kind::SEX | kind::RELATIVE) != 0
            && ks & (kind::EDUCATIONAL | kind::HYPOTHETICAL) == 0
            && !announcement);
    // A date no sentence ties to anyone waits for the post's verdict (`Draft::tentative`).
    let (sev, tentative) = if (birth || patient) && !own {
        (Severity::High, false)
    } else if (own && (patient || birth)) || (!announcement && ks & kind::PATIENT_EVENT != 0) {
        (Severity::Low, false)
    } else if !own && !announcement {
        (Severity::Low, true)
    } else {
        return None;
    };
    Some(
        Draft::new(Category::PhiDate, sev, s, e)
            .suggest(if birth { "" } else { "recently" })
            .weak(sev == Severity::Low)
            .tentative(tentative),
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
/// Tests and treatments a patient is booked for, as words of their own ("move my CT from the
/// 14th"): short ones would be inside other words as substrings.
const TESTS: &[&str] = &[
    "ct",
    "mri",
    "x-ray",
    "xray",
    "ultrasound",
    "echo",
    "labs",
    "bloodwork",
    "biopsy",
    "chemo",
    "dialysis",
    "colonoscopy",
    "mammogram",
    "ekg",
    "ecg",
    "eeg",
    "pet",
];

/// Whether `w` stands as a word of its own in `text`.
fn has_word(text: &str, w: &str) -> bool {
    text.match_indices(w)
        .any(|(i, _)| crate::context::bounded(text.as_bytes(), i, i + w.len()))
}

const APPOINTMENTS: &[&str] = &[
    "reschedul",
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
    "admit",
    "admission",
    "born",
    "delivered",
    "died",
    "passed",
    "coded",
    "transferred",
    "done",
];

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn birth_regex() -> Regex {
        super::super::re(
            r"(?:\bdob|\bd\.o\.b\.?|\bdate of birth|\bborn(?: on)?|\bbirthday(?: is)?|\bbday)\s*[:#-]?\s*$",
        )
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

    #[test]
    fn other_languages_months_date_a_day_written_before_them() {
        let found = |text: &str| -> Vec<(String, u32, u32, Option<u32>)> {
            dates(&Context::new(text))
                .iter()
                .map(|d| (text[d.start..d.end].to_string(), d.month, d.day, d.year))
                .collect()
        };
        let one = |text: &str, span: &str, month: u32, day: u32, year: Option<u32>| {
            assert_eq!(
                found(text),
                [(span.to_string(), month, day, year)],
                "{text}"
            );
        };
        one("overleed op 3 maart in kamer 12", "3 maart", 3, 3, None);
        one(
            "kam am 14. März 2024 in die Notaufnahme",
            "14. März 2024",
            3,
            14,
            Some(2024),
        );
        one(
            "ingresó el 9 de abril de 2024",
            "9 de abril de 2024",
            4,
            9,
            Some(2024),
        );
        one("décédée le 1er mars", "1er mars", 3, 1, None);
        one(
            "urodzona 14 marca, 1938",
            "14 marca, 1938",
            3,
            14,
            Some(1938),
        );
        one("internada em 12 de janeiro", "12 de janeiro", 1, 12, None);
        one("namatay noong 2 Setyembre", "2 Setyembre", 9, 2, None);
        one("dog den 3. maj", "3. maj", 5, 3, None);
        // Typed without accents, as people do.
        one("le 5 fevrier", "5 fevrier", 2, 5, None);
        // Month first where the language writes it so (Filipino), not elsewhere.
        one(
            "ipinanganak noong Hunyo 12, 1935",
            "Hunyo 12, 1935",
            6,
            12,
            Some(1935),
        );
        one("noong Abril 1st", "Abril 1st", 4, 1, None);
        for text in ["März 14 kam er", "maart 3 was het", "Marso 3:15 na"] {
            assert!(found(text).is_empty(), "{text}");
        }
        // A list (a day on one line, a name on the next), a number glued to other text and
        // words that are no month are not dates.
        for text in [
            "beds 4\nMarco - 5",
            "v2.3 mars",
            "3 marcas",
            "12 mangos",
            "7 maartje",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn packed_dates_read_their_numbers() {
        assert_eq!(packed_date("03mar2024"), Some((3, 3, 2024)));
        assert_eq!(packed_date("12 -mar- 24"), Some((3, 12, 24)));
        assert_eq!(packed_date("31feb24"), None);
    }

    #[test]
    fn record_forms_only_in_record_text() {
        let text = "DOB: O3/l1/2024 adm 12MAR24";
        let mut post = Context::new(text);
        assert!(dates(&post).is_empty());
        // Record text is read through its OCR view (`crate::ocr`), as `scan_record` reads it.
        let view = crate::ocr::view(text);
        let mut record = Context::new(&view);
        record.as_record();
        let found: Vec<_> = dates(&record)
            .iter()
            .map(|d| &text[d.start..d.end])
            .collect();
        assert_eq!(found, ["O3/l1/2024", "12MAR24"]);
        post.as_record();
        let found: Vec<_> = dates(&post).iter().map(|d| &text[d.start..d.end]).collect();
        assert_eq!(found, ["12MAR24"]);
    }
}
