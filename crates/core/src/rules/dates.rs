//! Dates tied to a person: birth, admission, discharge, death, surgery. Only real calendar
//! dates count (no 2/30), and a bare year never does.

use regex::Regex;

use super::{re, Draft, Rule};
use crate::context::{prev_word, Context};
use crate::lexicon::kind;
use crate::{Category, Severity};

pub struct Dates {
    dates: Regex,
    birth: Regex,
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

impl Dates {
    pub fn new() -> Dates {
        let dates = format!(
            concat!(
                r"\b(?:(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?",
                r"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m})\b(?:,?\s+(?P<y2>\d{{4}})\b)?",
                r"|(?P<m3>\d{{1,2}})/(?P<d3>\d{{1,2}})(?:/(?P<y3>\d{{4}}|\d{{2}}))?\b",
                r"|(?P<m4>\d{{1,2}})-(?P<d4>\d{{1,2}})-(?P<y4>\d{{4}}|\d{{2}})\b",
                r"|(?P<y5>\d{{4}})-(?P<m5>\d{{2}})-(?P<d5>\d{{2}})\b",
                r"|on\s+the\s+(?P<d6>\d{{1,2}})(?:st|nd|rd|th)\b)"
            ),
            m = MONTH
        );
        Dates {
            dates: re(&dates),
            birth: re(
                r"(?:\bdob|\bd\.o\.b\.?|\bdate of birth|\bborn(?: on)?|\bbirthday(?: is)?|\bbday)\s*[:#-]?\s*$",
            ),
        }
    }
}

impl Default for Dates {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for Dates {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        for c in self.dates.captures_iter(low) {
            let whole = c.get(0).expect("match");
            let (s, e) = (whole.start(), whole.end());
            let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
            let (month, day, year, numeric) = if let Some(m) = c.name("m1") {
                (month_number(m.as_str()), num("d1"), num("y1"), false)
            } else if let Some(m) = c.name("m2") {
                (month_number(m.as_str()), num("d2"), num("y2"), false)
            } else if c.name("m3").is_some() {
                (num("m3"), num("d3"), num("y3"), true)
            } else if c.name("m4").is_some() {
                (num("m4"), num("d4"), num("y4"), true)
            } else if let Some(d) = num("d6") {
                // "your follow-up on the 18th": a day of the month, only for an appointment.
                let sb = ctx.sentence_span(ctx.sentence_of(s));
                let sent = &low[sb.0..sb.1.max(sb.0)];
                let personal = ["your", "his", "her"].iter().any(|w| sent.contains(w))
                    && APPOINTMENTS.iter().any(|w| sent.contains(w));
                if !personal || d > 31 {
                    continue;
                }
                (Some(1), Some(d), None, false)
            } else {
                (num("m5"), num("d5"), num("y5"), true)
            };
            let (Some(month), Some(day)) = (month, day) else {
                continue;
            };
            if !valid_date(month, day, year) {
                continue;
            }
            let orig = &ctx.text[s..e];
            // "may 5 nurses", "march 3 miles": ambiguous month words need a capital.
            if !numeric {
                let w =
                    orig.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch.is_whitespace());
                let ambiguous = ["may", "mar", "march", "jan", "june", "aug", "sept"]
                    .iter()
                    .any(|a| low[s..e].contains(a));
                if ambiguous && !orig.bytes().any(|b| b.is_ascii_uppercase()) {
                    continue;
                }
                let _ = w;
            }
            let before = crate::context::before(low, s, 24);
            let due = prev_word(low, s) == "due" && {
                let ks = ctx.kinds_at(s);
                let (a, b) = ctx.sentence_span(ctx.sentence_of(s));
                ks & (kind::PERSON | kind::SEX | kind::REF) != 0
                    || low[a..b.max(a)].contains("patients")
            };
            let due_start = low[..s].trim_end().len().saturating_sub(3);
            let birth = self.birth.is_match(before) || due || c.name("d6").is_some();
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
            let start = match self.birth.find(before) {
                Some(m) if birth => s - before.len() + m.start(),
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
