//! Ages: any age over 89 is a Safe Harbor identifier; an exact age is one when it comes
//! with other details of a patient. The poster's own age or their child's is not.
//!
//! The ages are found by a hand-written matcher driven by digit runs rather than one big
//! capturing regex: it costs nothing to build and only looks near digits. It matches exactly
//! what this pattern (with [`super::re`]'s ASCII `\b` and `\d`, Unicode `\s`) did,
//! leftmost-first; the tests compare the two on random text:
//!
//! ```text
//! \b(?:(?P<n>\d{1,3})\s*(?:-\s*)?(?:(?:years?|yrs?|yr)\s*-?\s*old|y/o|yo|y\.o\.|yro)
//!     |(?P<inf>\d{1,2})\s*(?:-\s*)?(?:months?|mos?|weeks?|wks?|days?)\s*-?\s*old
//!     |(?:aged?|age of)\s+(?P<aged>\d{1,3})
//!     |(?:she|he)(?:'s|’s| is| was| turned| turns)\s+(?P<pron>\d{1,3})
//!     |,\s*(?P<comma>9\d|1[01]\d)
//!     |(?:is|was|now)\s+(?P<old>9\d|1[01]\d)
//!     |(?P<ms>\d{1,3})\s?(?P<sex>[mf])
//!     |(?P<yrs>\d{2,3}\s+(?:years|yrs))\s+(?:of|young|strong)
//!     |turned\s+(?P<turn>\d{2,3})
//!     |at\s+(?P<at>9\d|1[01]\d)
//!     )\b
//! ```
//!
//! Every alternative holds exactly one run of digits, a whole one of at most three (the
//! bytes around it cannot be digits), and starts either at that run or at a lead word
//! ("aged", "she's", ",") that ends where the white space before the run begins.

use super::dates::{ends_at, has};
use super::text::{boundary, digits_end, ends_word, is_word, next_digit, skip_ws, ws_before};
use super::{Draft, Rule};
use crate::context::{next_word, prev_word, Context};
use crate::lexicon::kind;
use crate::{Category, Severity};

pub struct Ages;

impl Ages {
    pub fn new() -> Ages {
        Ages
    }
}

impl Default for Ages {
    fn default() -> Self {
        Self::new()
    }
}

/// Which alternative of the pattern matched (named after its capture group).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "34-year-old", "8yo"
    N,
    /// "6 weeks old"
    Inf,
    /// "aged 65", "age of 90"
    Aged,
    /// "she's 41"
    Pron,
    /// "Lola Remedios, 96"
    Comma,
    /// "is 101"
    Old,
    /// "27M"
    Ms,
    /// "92 years young"
    Yrs,
    /// "turned 90"
    Turn,
    /// "at 93"
    At,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AgeMatch {
    form: Form,
    start: usize,
    end: usize,
    /// The span of the form's group: the digits, or for `Yrs` "92 years".
    group: (usize, usize),
    /// For `Ms`, where the "m" or "f" is.
    sex: usize,
}

const PATIENT_NOUNS: &[&str] = &["patient", "pt", "patients", "resident", "client"];

impl Rule for Ages {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let mut pos = 0;
        while let Some(m) = next_age(low, pos) {
            pos = m.end;
            let (mut s, e) = (m.start, m.end);
            let si = ctx.sentence_of(s);
            let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
            let patient_here = ctx.patient_in(si, si);
            let story = ks & (kind::PATIENT_EVENT | kind::CONDITION | kind::EVENT) != 0;
            let b = low.as_bytes();
            if s > 0
                && (b[s - 1] == b'/' || b[s - 1] == b'.' || b[s - 1] == b'-' || b[s - 1] == b'$')
            {
                continue;
            }
            let (gs, ge) = m.group;
            let group = &low[gs..ge];
            let number = group.parse::<u32>().unwrap_or(0);
            let (n, strong_form) = match m.form {
                Form::N => (number, true),
                Form::Aged => {
                    // "adults aged 65 and older", "around age 6": ranges and milestones.
                    let after = &low[e..];
                    if ["+", " and ", " or ", " to ", "-", "–", " through ", " plus"]
                        .iter()
                        .any(|p| after.starts_with(p))
                    {
                        continue;
                    }
                    (number, false)
                }
                Form::Inf => (0, true),
                Form::Pron => {
                    // "she's 41 weeks" is a pregnancy, "he's 35 minutes out" a time.
                    let after = next_word(low, ge);
                    let near = ctx.kinds_in(si.saturating_sub(1), si + 1)
                        & (kind::PATIENT_EVENT | kind::CONDITION | kind::EVENT)
                        != 0;
                    if is_unit(after)
                        || matches!(after, "of" | "in" | "for" | "to" | "am" | "pm" | "out")
                        || low[ge..].starts_with([':', '%', '.', '/'])
                            && low[ge + 1..].starts_with(|c: char| c.is_ascii_digit())
                        || !(ctx.patient_post || story || near || number > 89)
                    {
                        continue;
                    }
                    s = gs;
                    (number, false)
                }
                Form::Ms => {
                    // "27M": only in capitals, beside a patient.
                    if !ctx.text.as_bytes()[m.sex].is_ascii_uppercase()
                        || !(patient_here || ctx.patient_post)
                    {
                        continue;
                    }
                    (number, true)
                }
                Form::Yrs => {
                    let digits = group.split(' ').next().unwrap_or("");
                    let n: u32 = digits.parse().unwrap_or(0);
                    if n < 65 || !ctx.patient_post {
                        continue;
                    }
                    // A life measured in years beside a particular patient is her age.
                    out.push(Draft::new(Category::PhiAge, Severity::High, gs, ge).suggest("older"));
                    continue;
                }
                Form::Comma | Form::Old => {
                    // "Lola Remedios, 96, my patient", "our oldest patient is 101"
                    let after = &low[e..];
                    let appositive = m.form == Form::Old || after.starts_with(',');
                    if !appositive
                        || !(ctx.patient_post || patient_here)
                        || is_unit(next_word(low, e))
                        || after.starts_with([':', '%', '.'])
                    {
                        continue;
                    }
                    s = gs;
                    (number, false)
                }
                Form::At => {
                    // "passed at 93": only beside a patient, and only the years over 89.
                    let died_here = ks & kind::PATIENT_EVENT != 0 && ks & kind::PERSON != 0;
                    if !(ctx.patient_post || died_here)
                        || is_unit(next_word(low, e))
                        || low[e..].starts_with(':')
                        || low[e..].starts_with('%')
                    {
                        continue;
                    }
                    s = gs;
                    (number, false)
                }
                Form::Turn => (number, false),
            };
            if n > 120 {
                continue;
            }
            let prev = prev_word(low, s);
            let next = next_word(low, e);
            // "my 8yo" is the poster's child; "my 101 y/o patient" is a patient.
            let patient_soon = low[e..].split_whitespace().take(3).any(|w| {
                PATIENT_NOUNS.contains(&w.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
            });
            let own = (prev == "my" && !patient_soon && !patient_here)
                || (ks & (kind::OWN_FAMILY | kind::OWN) != 0 && !patient_here)
                || prev == "i'm"
                || prev == "im";
            // "a 34yo's ozempic": a particular person's age, possessive.
            let possessive = strong_form
                && matches!(prev, "a" | "an" | "this" | "our" | "that")
                && (low[e..].starts_with("'s") || low[e..].starts_with("’s"))
                && ks & (kind::PERSON | kind::CLINICAL | kind::CONDITION) != 0;
            let sev = if own {
                if n > 89 {
                    Some(Severity::Low)
                } else {
                    None
                }
            } else if n > 89
                || patient_here
                || (ctx.patient_post && (story || ks & kind::PERSON != 0))
                || (strong_form && story && ks & kind::PERSON != 0)
                || (strong_form && PATIENT_NOUNS.contains(&next))
                || possessive
            {
                Some(Severity::High)
            } else {
                None
            };
            let Some(sev) = sev else { continue };
            out.push(
                Draft::new(Category::PhiAge, sev, s, e)
                    .suggest(if n > 64 { "older" } else { "" })
                    .weak(sev == Severity::Low),
            );
        }
    }
}

fn is_unit(w: &str) -> bool {
    matches!(
        w,
        "weeks"
            | "wks"
            | "minutes"
            | "mins"
            | "min"
            | "hours"
            | "hrs"
            | "days"
            | "mg"
            | "lbs"
            | "pounds"
            | "kg"
            | "percent"
            | "cm"
            | "inches"
            | "miles"
            | "beats"
            | "bpm"
    )
}

/// The words that can lead into an age, by their last byte: a lead ends where the white
/// space before the digits starts, so the byte there picks the few to compare.
fn leads_ending_in(last: u8) -> &'static [(&'static str, Form)] {
    match last {
        b'd' => &[
            ("aged", Form::Aged),
            ("she turned", Form::Pron),
            ("he turned", Form::Pron),
            ("turned", Form::Turn),
        ],
        b'e' => &[("age", Form::Aged)],
        b'f' => &[("age of", Form::Aged)],
        b's' => &[
            ("she's", Form::Pron),
            ("he's", Form::Pron),
            ("she’s", Form::Pron),
            ("he’s", Form::Pron),
            ("she is", Form::Pron),
            ("he is", Form::Pron),
            ("she was", Form::Pron),
            ("he was", Form::Pron),
            ("she turns", Form::Pron),
            ("he turns", Form::Pron),
            ("is", Form::Old),
            ("was", Form::Old),
        ],
        b'w' => &[("now", Form::Old)],
        b't' => &[("at", Form::At)],
        b',' => &[(",", Form::Comma)],
        _ => &[],
    }
}

/// The first age starting at or after `from` (see the module comment). Each match holds one
/// digit run and starts after the previous run ends, so taking the runs in order and, for
/// each, its candidate starts in order finds the leftmost match.
fn next_age(low: &str, from: usize) -> Option<AgeMatch> {
    let b = low.as_bytes();
    let mut i = from;
    while let Some(ds) = next_digit(b, i) {
        let de = digits_end(b, ds);
        i = de;
        // Only whole runs of at most three digits can match (one cut by `from` is not whole).
        if de - ds > 3 || (ds > 0 && b[ds - 1].is_ascii_digit()) {
            continue;
        }
        if let Some(m) = led_age(low, from, ds, de).or_else(|| digit_age(low, ds, de)) {
            return Some(m);
        }
    }
    None
}

/// The alternatives that start with a lead word, for the digits `[ds, de)`: the leftmost
/// lead at or after `from` that fits the digits. At most one lead fits each start.
fn led_age(low: &str, from: usize, ds: usize, de: usize) -> Option<AgeMatch> {
    let b = low.as_bytes();
    // All of them end with `\d{1,3}\b` (or a narrower run).
    if !ends_word(b, de) {
        return None;
    }
    let w = ws_before(low, ds);
    let leads = leads_ending_in(*b.get(w.checked_sub(1)?)?);
    let digits = &b[ds..de];
    // `9\d|1[01]\d`
    let over89 = matches!(digits, [b'9', _] | [b'1', b'0' | b'1', _]);
    let mut best: Option<AgeMatch> = None;
    for &(lead, form) in leads {
        let lead = lead.as_bytes();
        if !ends_at(b, w, lead) {
            continue;
        }
        let start = w - lead.len();
        let fits = match form {
            Form::Aged | Form::Pron => true,
            Form::Turn => digits.len() >= 2,
            _ => over89,
        };
        // Every lead but "," needs `\s+` before the digits.
        let spaced = w < ds || form == Form::Comma;
        if fits
            && spaced
            && start >= from
            && boundary(b, start)
            && best.is_none_or(|m| start < m.start)
        {
            best = Some(AgeMatch {
                form,
                start,
                end: de,
                group: (ds, de),
                sex: 0,
            });
        }
    }
    best
}

/// The alternatives that start at the digits `[ds, de)`, in the pattern's order. The byte
/// after the digits and the white space or dash tells which can apply.
fn digit_age(low: &str, ds: usize, de: usize) -> Option<AgeMatch> {
    let b = low.as_bytes();
    if ds > 0 && is_word(b[ds - 1]) {
        return None;
    }
    let len = de - ds;
    let at = |form, end, group, sex| {
        Some(AgeMatch {
            form,
            start: ds,
            end,
            group,
            sex,
        })
    };
    let has = |p: usize, w: &str| has(b, p, w.as_bytes());
    let gap = skip_ws(low, de);
    // `\s*(?:-\s*)?` after the digits
    let unit = dash_gap(low, gap);
    match b.get(unit) {
        Some(b'y') => {
            // `(?:(?:years?|yrs?|yr)\s*-?\s*old|y/o|yo|y\.o\.|yro)\b`
            for w in ["years", "year", "yrs", "yr"] {
                if let Some(e) = has(unit, w).then(|| old(low, unit + w.len())).flatten() {
                    return at(Form::N, e, (ds, de), 0);
                }
            }
            for w in ["y/o", "yo", "y.o.", "yro"] {
                if has(unit, w) && boundary(b, unit + w.len()) {
                    return at(Form::N, unit + w.len(), (ds, de), 0);
                }
            }
        }
        Some(b'm' | b'w' | b'd') if len <= 2 => {
            // `(?:months?|mos?|weeks?|wks?|days?)\s*-?\s*old\b`
            for w in [
                "months", "month", "mos", "mo", "weeks", "week", "wks", "wk", "days", "day",
            ] {
                if let Some(e) = has(unit, w).then(|| old(low, unit + w.len())).flatten() {
                    return at(Form::Inf, e, (ds, de), 0);
                }
            }
        }
        _ => {}
    }
    // `\s?[mf]\b`
    let one_ws = low[de..gap]
        .chars()
        .next()
        .map_or(de, |c| de + c.len_utf8());
    for p in [one_ws, de] {
        if matches!(b.get(p), Some(b'm' | b'f')) && boundary(b, p + 1) {
            return at(Form::Ms, p + 1, (ds, de), p);
        }
    }
    // `\s+(?:years|yrs)\s+(?:of|young|strong)\b`
    if len >= 2 && gap > de && b.get(gap) == Some(&b'y') {
        let word = ["years", "yrs"].into_iter().find(|w| has(gap, w))?;
        let r = gap + word.len();
        let t = skip_ws(low, r);
        let tail = ["of", "young", "strong"]
            .into_iter()
            .find(|w| t > r && has(t, w) && boundary(b, t + w.len()))?;
        return at(Form::Yrs, t + tail.len(), (ds, r), 0);
    }
    None
}

/// `\s*(?:-\s*)?` at `p`: where it ends.
fn dash_gap(low: &str, p: usize) -> usize {
    let p = skip_ws(low, p);
    if low.as_bytes().get(p) == Some(&b'-') {
        skip_ws(low, p + 1)
    } else {
        p
    }
}

/// `\s*-?\s*old\b` at `p`: where it ends.
fn old(low: &str, p: usize) -> Option<usize> {
    let p = dash_gap(low, p);
    (has(low.as_bytes(), p, b"old") && ends_word(low.as_bytes(), p + 3)).then_some(p + 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regex the matcher replaces, as it was.
    fn ages_regex() -> Regex {
        super::super::re(concat!(
            r"\b(?:(?P<n>\d{1,3})\s*(?:-\s*)?(?:(?:years?|yrs?|yr)\s*-?\s*old|y/o|yo|y\.o\.|yro)",
            r"|(?P<inf>\d{1,2})\s*(?:-\s*)?(?:months?|mos?|weeks?|wks?|days?)\s*-?\s*old",
            r"|(?:aged?|age of)\s+(?P<aged>\d{1,3})",
            r"|(?:she|he)(?:'s|’s| is| was| turned| turns)\s+(?P<pron>\d{1,3})",
            r"|,\s*(?P<comma>9\d|1[01]\d)",
            r"|(?:is|was|now)\s+(?P<old>9\d|1[01]\d)",
            r"|(?P<ms>\d{1,3})\s?(?P<sex>[mf])",
            r"|(?P<yrs>\d{2,3}\s+(?:years|yrs))\s+(?:of|young|strong)",
            r"|turned\s+(?P<turn>\d{2,3})",
            r"|at\s+(?P<at>9\d|1[01]\d)",
            r")\b"
        ))
    }

    fn by_regex(re: &Regex, low: &str) -> Vec<AgeMatch> {
        const GROUPS: &[(&str, Form)] = &[
            ("n", Form::N),
            ("inf", Form::Inf),
            ("aged", Form::Aged),
            ("pron", Form::Pron),
            ("comma", Form::Comma),
            ("old", Form::Old),
            ("ms", Form::Ms),
            ("yrs", Form::Yrs),
            ("turn", Form::Turn),
            ("at", Form::At),
        ];
        re.captures_iter(low)
            .map(|c| {
                let (g, form) = GROUPS
                    .iter()
                    .find_map(|&(name, form)| Some((c.name(name)?, form)))
                    .expect("one group");
                let whole = c.get(0).expect("match");
                AgeMatch {
                    form,
                    start: whole.start(),
                    end: whole.end(),
                    group: (g.start(), g.end()),
                    sex: c.name("sex").map_or(0, |m| m.start()),
                }
            })
            .collect()
    }

    fn by_hand(low: &str) -> Vec<AgeMatch> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = next_age(low, pos) {
            pos = m.end;
            out.push(m);
        }
        out
    }

    fn random_text(seed: &mut u64, max: usize) -> String {
        const PIECES: &[&str] = &[
            "1",
            "5",
            "27",
            "92",
            "105",
            "118",
            "120",
            "1234",
            "09",
            "9",
            " ",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{2009}",
            "\n",
            "-",
            ",",
            ".",
            "/",
            "'",
            "’",
            "_",
            "x",
            "é",
            "$",
            "years",
            "year",
            "yrs",
            "yr",
            "old",
            "y/o",
            "yo",
            "y.o.",
            "yro",
            "months",
            "month",
            "mos",
            "mo",
            "weeks",
            "week",
            "wks",
            "wk",
            "days",
            "day",
            "aged",
            "age",
            "age of",
            "she",
            "he",
            "'s",
            "’s",
            " is",
            " was",
            " turned",
            " turns",
            "is",
            "was",
            "now",
            "turned",
            "at",
            "m",
            "f",
            "of",
            "young",
            "strong",
            "oldest",
            "a",
            "s",
            "92 years ",
            "she's ",
            ", 96",
            "at 93",
            "27m",
            "5 y.o.x",
            "8 yo ",
            "34-year-old",
            "6 weeks old",
            "aged 65 ",
        ];
        let mut next = || {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed
        };
        let n = 1 + (next() % max as u64) as usize;
        (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect()
    }

    #[test]
    fn leads_end_in_their_byte() {
        for c in 0..=u8::MAX {
            for (lead, _) in leads_ending_in(c) {
                assert_eq!(lead.as_bytes().last(), Some(&c), "{lead}");
            }
        }
    }

    #[test]
    fn ages_match_the_regex() {
        let re = ages_regex();
        let cases = std::env::var("DIFF_CASES").map_or(20_000, |v| v.parse().expect("number"));
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..cases {
            let t = random_text(&mut seed, 12);
            assert_eq!(by_hand(&t), by_regex(&re, &t), "{t:?}");
        }
        for t in [
            "a 34-year-old mom",
            "she's 92, her son",
            "lola remedios, 96, my patient",
            "27m with cp",
            "92 years young",
            "turned 101",
            "passed at 93",
            "aged 65 and older",
            "8\u{a0}yo",
        ] {
            assert_eq!(by_hand(t), by_regex(&re, t), "{t:?}");
            assert!(!by_hand(t).is_empty(), "{t:?}");
        }
    }
}
