//! Ages: any age over 89 is a Safe Harbor identifier; an exact age is one when it comes
//! with other details of a patient. The poster's own age or their child's is not.

use regex::Regex;

use super::{re, Draft, Rule};
use crate::context::{next_word, prev_word, Context};
use crate::lexicon::kind;
use crate::{Category, Severity};

pub struct Ages {
    ages: Regex,
}

impl Ages {
    pub fn new() -> Ages {
        Ages {
            ages: re(concat!(
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
            )),
        }
    }
}

impl Default for Ages {
    fn default() -> Self {
        Self::new()
    }
}

const PATIENT_NOUNS: &[&str] = &["patient", "pt", "patients", "resident", "client"];

impl Rule for Ages {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        if !low.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        for c in self.ages.captures_iter(low) {
            let whole = c.get(0).expect("match");
            let (mut s, e) = (whole.start(), whole.end());
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
            let (n, strong_form) = if let Some(m) = c.name("n") {
                (m.as_str().parse::<u32>().unwrap_or(0), true)
            } else if let Some(m) = c.name("aged") {
                // "adults aged 65 and older", "around age 6": ranges and milestones.
                let after = &low[e..];
                if ["+", " and ", " or ", " to ", "-", "–", " through ", " plus"]
                    .iter()
                    .any(|p| after.starts_with(p))
                {
                    continue;
                }
                (m.as_str().parse::<u32>().unwrap_or(0), false)
            } else if c.name("inf").is_some() {
                (0, true)
            } else if let Some(m) = c.name("pron") {
                // "she's 41 weeks" is a pregnancy, "he's 35 minutes out" a time.
                let after = next_word(low, m.end());
                let n: u32 = m.as_str().parse().unwrap_or(0);
                let near = ctx.kinds_in(si.saturating_sub(1), si + 1)
                    & (kind::PATIENT_EVENT | kind::CONDITION | kind::EVENT)
                    != 0;
                if is_unit(after)
                    || matches!(after, "of" | "in" | "for" | "to" | "am" | "pm" | "out")
                    || low[m.end()..].starts_with([':', '%', '.', '/'])
                        && low[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
                    || !(ctx.patient_post || story || near || n > 89)
                {
                    continue;
                }
                s = m.start();
                (m.as_str().parse().unwrap_or(0), false)
            } else if let Some(m) = c.name("ms") {
                // "27M": only in capitals, beside a patient.
                let sex = c.name("sex").expect("sex");
                if !ctx.text[sex.start()..sex.end()]
                    .bytes()
                    .all(|x| x.is_ascii_uppercase())
                    || !(patient_here || ctx.patient_post)
                {
                    continue;
                }
                (m.as_str().parse().unwrap_or(0), true)
            } else if let Some(m) = c.name("yrs") {
                let digits = m.as_str().split(' ').next().unwrap_or("");
                let n: u32 = digits.parse().unwrap_or(0);
                if n < 65 || !ctx.patient_post {
                    continue;
                }
                // A life measured in years beside a particular patient is her age.
                out.push(
                    Draft::new(Category::PhiAge, Severity::High, m.start(), m.end())
                        .suggest("older"),
                );
                continue;
            } else if let Some(m) = c.name("comma").or(c.name("old")) {
                // "Lola Remedios, 96, my patient", "our oldest patient is 101"
                let after = &low[e..];
                let appositive = c.name("comma").is_none() || after.starts_with(',');
                if !appositive
                    || !(ctx.patient_post || patient_here)
                    || is_unit(next_word(low, e))
                    || after.starts_with([':', '%', '.'])
                {
                    continue;
                }
                s = m.start();
                (m.as_str().parse().unwrap_or(0), false)
            } else if let Some(m) = c.name("at") {
                // "passed at 93": only beside a patient, and only the years over 89.
                let died_here = ks & kind::PATIENT_EVENT != 0 && ks & kind::PERSON != 0;
                if !(ctx.patient_post || died_here)
                    || is_unit(next_word(low, e))
                    || low[e..].starts_with(':')
                    || low[e..].starts_with('%')
                {
                    continue;
                }
                s = m.start();
                (m.as_str().parse().unwrap_or(0), false)
            } else if let Some(m) = c.name("turn") {
                (m.as_str().parse().unwrap_or(0), false)
            } else {
                continue;
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
