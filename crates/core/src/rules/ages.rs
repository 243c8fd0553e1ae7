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

use super::{Draft, Rule};
use crate::context::{next_word, prev_word, Context};
use crate::lexicon::kind;
use crate::matchers::{matchers, Hay, Matchers};
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
    /// "9mo", "84y0": a record's glued age (record text only).
    Record,
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
    /// "in her 90s"
    Decade,
    /// "91 and still flirting"
    Still,
    /// "Herr Baumann (87)", "(88F)": a number in brackets after a person.
    Paren,
    /// "F, 44", "M 52": sex first, as charts and boards write it.
    SexFirst,
    /// "94Y", "4y", "68yr": the short form of records.
    Short,
    /// "her 100th birthday"
    Birthday,
    /// "pt is 67", "lady is 97"
    NounIs,
    /// "99 años", "90 ans", "88 Jahre"
    Foreign,
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
        for m in ages(ctx) {
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
                Form::Record => {
                    // "9mo" on a card is an age; "for 3mo", "over 6mo" a duration.
                    if matches!(
                        prev_word(low, s),
                        "for" | "x" | "in" | "over" | "after" | "post" | "every" | "q" | "since"
                    ) || low[e..].trim_start().starts_with("ago")
                    {
                        continue;
                    }
                    let years = low[ge..e].starts_with('y');
                    (if years { number } else { 0 }, true)
                }
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
                Form::Ms | Form::SexFirst => {
                    // "27M", "F, 44": only in capitals, beside a patient or a clinical story
                    // (the shorthand itself is how a case is presented).
                    let clinical = story || ks & kind::CLINICAL != 0;
                    if !ctx.text.as_bytes()[m.sex].is_ascii_uppercase()
                        || !(patient_here || ctx.patient_post || clinical)
                        || is_unit(next_word(low, e))
                    {
                        continue;
                    }
                    if m.form == Form::SexFirst {
                        s = m.sex;
                    }
                    (number, true)
                }
                Form::Paren => {
                    // "Herr Baumann (87)": after a capitalised word or a person, in a
                    // patient's story or a record; "(3)" after a list item is a count.
                    let person = prev_cap(ctx, s)
                        || ctx.has_in(s.saturating_sub(24), s, kind::PERSON | kind::SEX);
                    let clinical = story || ks & (kind::CLINICAL | kind::PERSON) != 0;
                    if !person || !(patient_here || ctx.patient_post || clinical) {
                        continue;
                    }
                    (number, true)
                }
                Form::Short => {
                    // "94Y F", "P1 4y": record shorthand; in a post only with the sex.
                    if !(ctx.record || patient_here && m.sex != 0) || is_unit(next_word(low, e)) {
                        continue;
                    }
                    (number, true)
                }
                Form::Birthday => {
                    // "her 100th birthday" on the unit; "Mom's 90th birthday" with no patient
                    // is the family's party, "its 100th birthday" an institution's.
                    if prev_word(low, s) == "its"
                        || number == 0
                        || !(patient_here || ctx.patient_post)
                    {
                        continue;
                    }
                    (number, false)
                }
                Form::NounIs => {
                    if is_unit(next_word(low, e)) || low[e..].starts_with([':', '%', '/', '.']) {
                        continue;
                    }
                    (number, false)
                }
                Form::Foreign => (number, true),
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
                // "in her 90s": a decade over 89 is an age over 89.
                Form::Decade => (number, false),
                // "88 and still driving": over 89 always, else beside a patient.
                Form::Still => {
                    if number <= 89 && !(ctx.patient_post || patient_here || story) {
                        continue;
                    }
                    (number, false)
                }
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
                || ["i'm a ", "i’m a ", "im a ", "i am a "]
                    .iter()
                    .any(|p| crate::context::before(low, s, 8).ends_with(p))
                || (ks & (kind::OWN_FAMILY | kind::OWN) != 0 && !patient_here)
                || prev == "i'm"
                || prev == "im";
            // "a 34yo's ozempic": a particular person's age, possessive.
            let possessive = strong_form
                && matches!(prev, "a" | "an" | "this" | "our" | "that")
                && (low[e..].starts_with("'s") || low[e..].starts_with("’s"))
                && ks & (kind::PERSON | kind::CLINICAL | kind::CONDITION) != 0;
            // "52yo M ETOH withdrawal": an age with the sex after it presents a case.
            let shorthand = matches!(
                m.form,
                Form::Ms | Form::SexFirst | Form::Short | Form::Paren
            ) || m.form == Form::N
                && ctx.text[e..]
                    .trim_start_matches(' ')
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .is_some_and(|w| w == "M" || w == "F");
            // (severity, tentative): an exact age the sentence does not tie to a patient
            // waits for the post's verdict (`Draft::tentative`).
            let sev = if own {
                if n > 89 {
                    Some((Severity::Low, false))
                } else {
                    None
                }
            } else if n > 89
                || patient_here
                || (ctx.patient_post && (story || ks & kind::PERSON != 0))
                || (strong_form && story && ks & kind::PERSON != 0)
                || (strong_form && PATIENT_NOUNS.contains(&next))
                || (shorthand && (story || ks & kind::CLINICAL != 0))
                || possessive
            {
                Some((Severity::High, false))
            } else {
                Some((Severity::Low, true))
            };
            let Some((sev, tentative)) = sev else {
                continue;
            };
            out.push(
                Draft::new(Category::PhiAge, sev, s, e)
                    .suggest(if n > 64 { "older" } else { "" })
                    .weak(sev == Severity::Low)
                    .tentative(tentative),
            );
        }
    }
}

/// The ages of the post, from the format table's `age.*` rows, leftmost first. Two forms
/// may overlap (", 91 and still"): each is judged, and the scanner keeps one finding.
fn ages(ctx: &Context) -> Vec<AgeMatch> {
    const ROWS: &[(&str, Form)] = &[
        ("age.years_old", Form::N),
        ("age.infant", Form::Inf),
        ("age.aged", Form::Aged),
        ("age.pronoun", Form::Pron),
        ("age.comma", Form::Comma),
        ("age.is", Form::Old),
        ("age.still", Form::Still),
        ("age.sex", Form::Ms),
        ("age.years_of", Form::Yrs),
        ("age.turned", Form::Turn),
        ("age.at", Form::At),
        ("age.decade", Form::Decade),
        ("age.paren", Form::Paren),
        ("age.sex_first", Form::SexFirst),
        ("age.short", Form::Short),
        ("age.birthday", Form::Birthday),
        ("age.noun_is", Form::NounIs),
        ("age.foreign", Form::Foreign),
    ];
    // Record text's own form, after the rest.
    const RECORD_ROWS: &[(&str, Form)] = &[("age.record", Form::Record)];
    let hay = Hay::of(ctx);
    if hay.runs.is_empty() {
        return Vec::new();
    }
    let m = matchers();
    let mut all: Vec<(usize, usize, AgeMatch)> = Vec::new();
    let rows = ROWS.iter().chain(RECORD_ROWS.iter().filter(|_| ctx.record));
    for (k, &(id, form)) in rows.enumerate() {
        for x in m.find(Matchers::row(id), &hay) {
            let Some(group) = x.val else { continue };
            all.push((
                x.start,
                k,
                AgeMatch {
                    form,
                    start: x.start,
                    end: x.end,
                    group,
                    sex: x.sex.map_or(0, |s| s.0),
                },
            ));
        }
    }
    all.sort_unstable_by_key(|&(s, k, _)| (s, k));
    all.into_iter().map(|(_, _, a)| a).collect()
}

/// Whether the word before `pos` is capitalised and not the first of its sentence: a name.
fn prev_cap(ctx: &Context, pos: usize) -> bool {
    let i = ctx.tokens.partition_point(|t| t.end <= pos);
    i > 0 && {
        let t = &ctx.tokens[i - 1];
        t.cap && pos - t.end <= 2 && i >= 2 && ctx.tokens[i - 2].sentence == t.sentence
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
