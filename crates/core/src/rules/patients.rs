//! Talk about patients: demeaning labels and mockery, and individual medical advice.

use super::text::{boundary, leftmost, lit, run, skip_ws, space_before};
use super::{Draft, Rule};
use crate::context::{before, next_word, Context};
use crate::lexicon::kind;
use crate::{Category, Severity};

/// The quoted labels, quoted symptoms and doses are found by the hand-written matchers
/// below (no regex to compile); each keeps its regex in a test that compares the two.
pub struct Patients;

impl Patients {
    pub fn new() -> Patients {
        Patients
    }
}

impl Default for Patients {
    fn default() -> Self {
        Self::new()
    }
}

/// Words that only demean when aimed at a person.
const AMBIGUOUS: &[&str] = &[
    "we call her",
    "we call him",
    "sure jan",
    "free ride",
    "want a free ride",
    "barely eats",
    "swearing she",
    "like we're uber",
    "like we're a taxi",
    "vegetable",
    "veggie",
    "leech",
    "hoarder",
    "slob",
    "need a hobby",
    "needs a hobby",
    "whale",
    "🐳",
    "pig",
    "hippo",
    "heifer",
    "karen",
    "psycho",
    "smelly",
    "stinky",
    "crock",
    "junkie",
    "junkies",
    "faker",
    "faking it",
    "fakes it",
    "train wreck",
    "trainwreck",
    "train-wreck",
];

impl Rule for Patients {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        // Demeaning labels.
        for h in ctx.hits.iter().filter(|h| h.kinds & kind::DEMEANING != 0) {
            let word = &low[h.start..h.end];
            let si = ctx.sentence_of(h.start);
            let ks = ctx.kinds_in(si.saturating_sub(1), si + 1);
            let back = before(low, h.start, 48);
            // "stop calling patients frequent flyers" teaches; it does not mock.
            if [
                "stop calling",
                "don't call",
                "dont call",
                "never call",
                "instead of",
                "the term",
                "words like",
                "labels like",
                "phrases like",
                "stop saying",
                "avoid",
                "stigma",
            ]
            .iter()
            .any(|p| back.contains(p))
            {
                continue;
            }
            if word.starts_with("frequent fl")
                && matches!(
                    next_word(low, h.end),
                    "miles" | "program" | "points" | "status" | "card"
                )
            {
                continue;
            }
            if AMBIGUOUS.contains(&word)
                && !(ctx.patient_in(si, si)
                    || (ks & kind::PERSON != 0 && (ks & kind::MOCK != 0 || ctx.patient_post)))
            {
                continue;
            }
            let start = if low[..h.start].ends_with("the ") {
                h.start - 4
            } else {
                h.start
            };
            out.push(Draft::new(
                Category::PatientDemeaning,
                Severity::High,
                start,
                h.end,
            ));
        }
        let quotes = quote_places(low);
        for (s, e) in leftmost(low, quotes.clone(), scare_quote_at) {
            out.push(Draft::new(Category::PatientDemeaning, Severity::High, s, e));
        }
        if ctx.post_kinds & kind::MOCK != 0 {
            for (ms, me) in leftmost(low, quotes, quoted_symptom_at) {
                let si = ctx.sentence_of(ms);
                let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
                let (_, se) = ctx.sentence_span(si);
                let q = &low[ms..me];
                let symptom = [
                    "pain",
                    "allergic",
                    "sick",
                    "dying",
                    "emergency",
                    "10/10",
                    "can't breathe",
                    "seizure",
                ]
                .iter()
                .any(|s| q.contains(s));
                if symptom
                    && ks & kind::MOCK != 0
                    && (ks & kind::PERSON != 0 || ctx.patient_post)
                    && se > ms
                {
                    out.push(Draft::new(
                        Category::PatientDemeaning,
                        Severity::High,
                        ms,
                        se,
                    ));
                }
            }
        }
        self.advice(ctx, out);
    }
}

impl Patients {
    fn advice(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let mut starts: Vec<usize> = Vec::new();
        for h in ctx.hits.iter().filter(|h| h.kinds & kind::ADVICE != 0) {
            let p = &low[h.start..h.end];
            let strong = matches!(
                p,
                "just take"
                    | "take an extra"
                    | "double your"
                    | "triple your"
                    | "up your dose"
                    | "increase your"
                    | "stop taking"
                    | "skip your"
                    | "cut your"
                    | "dm me your"
                    | "dm me ur"
                    | "send me your"
                    | "message me your"
                    | "i'll tell you what to do"
                    | "ill tell you what to do"
                    | "you won't even need to"
                    | "you don't need to see"
                    | "no need to see a doctor"
                    | "no need to go in"
                    | "you probably have"
                    | "you definitely have"
                    | "you prob have"
            );
            let listed = STRONG_ADVICE.split('|').any(|x| x == p);
            if listed {
                // "never skip a dose without talking to your prescriber" teaches.
                let (ss, se) = ctx.sentences[ctx.sentence_of(h.start)];
                let back = before(low, h.start, 12);
                if ctx.has_in(ss, se, kind::SAFE_ADVICE)
                    || back.contains("never")
                    || back.contains("not ")
                    || back.contains("n't ")
                {
                    continue;
                }
            }
            let strong = strong || listed;
            let sounds_like = p == "sounds like" || p == "def sounds like";
            let should = p == "you should" || p == "you need to";
            if !(strong || sounds_like || should) {
                continue;
            }
            let si = ctx.sentence_of(h.start);
            let (ss, se) = ctx.sentences[si];
            let clause_end = clause_end(low, h.end, se);
            if sounds_like && !ctx.has_in(h.end, (h.end + 40).min(se), kind::CONDITION) {
                continue;
            }
            if should && !ctx.has_in(h.end, clause_end, kind::CLINICAL) {
                continue;
            }
            if p.starts_with("dm me") || p.contains("send me") || p.contains("message me") {
                // "DM me your readings", not "DM me your questions about the job"
                let what = next_word(low, h.end);
                if !matches!(
                    what,
                    "symptoms"
                        | "readings"
                        | "labs"
                        | "numbers"
                        | "meds"
                        | "results"
                        | "pics"
                        | "bp"
                        | "sugars"
                        | "vitals"
                        | "rash"
                        | "scans"
                        | "x-rays"
                        | "medications"
                        | "dose"
                ) {
                    continue;
                }
            }
            // "I can't tell you whether to take..." refuses advice.
            if ctx.has_in(ss, h.start, kind::SAFE_ADVICE) {
                continue;
            }
            starts.push(h.start);
            out.push(Draft::new(
                Category::PatientAdvice,
                Severity::High,
                h.start,
                clause_end,
            ));
        }
        for (ms, me) in doses(low) {
            if starts.iter().any(|&s| s <= ms && ms < s + 16) {
                continue;
            }
            let si = ctx.sentence_of(ms);
            let (ss, se) = ctx.sentences[si];
            if ctx.has_in(ss, ms, kind::SAFE_ADVICE)
                || ctx.has_in(ss, se, kind::EDUCATIONAL) && ctx.post_kinds & kind::ADVICE == 0
            {
                continue;
            }
            // An instruction to the reader, not "the patient would take 2 of them".
            let b = before(low, ms, 12);
            if b.ends_with("to ")
                || b.ends_with("would ")
                || b.ends_with("didn't ")
                || b.ends_with("not ")
            {
                continue;
            }
            out.push(Draft::new(
                Category::PatientAdvice,
                Severity::High,
                ms,
                clause_end(low, me, se),
            ));
        }
    }
}

/// The opening and closing quotes of the quote patterns: ASCII ones, and the last bytes
/// of curly ones (“ ” ‘ ’ are E2 80 9C, 9D, 98, 99 in UTF-8).
struct Quotes {
    ascii: &'static [u8],
    curly: &'static [u8],
}

impl Quotes {
    /// The byte length of the quote at `i`, if there is one.
    fn at(&self, b: &[u8], i: usize) -> Option<usize> {
        match b.get(i..)? {
            [c, ..] if self.ascii.contains(c) => Some(1),
            [0xE2, 0x80, c, ..] if self.curly.contains(c) => Some(3),
            _ => None,
        }
    }
}

/// The places the quote patterns are tried: every quote is '"', '\'' or starts with 0xE2.
fn quote_places(low: &str) -> Vec<usize> {
    memchr::memchr3_iter(b'"', b'\'', 0xE2, low.as_bytes()).collect()
}

/// `[“"‘'][a-z][a-z ]{1,20}[”"’']\s+(?:lady|man|guy|woman|patient|pt|gentleman|girl|boy|kid|dude|gal|grandma|grandpa)\b`:
/// the “small” lady.
fn scare_quote_at(low: &str, s: usize) -> Option<usize> {
    const OPENING: Quotes = Quotes {
        ascii: b"\"'",
        curly: &[0x9C, 0x98],
    };
    const CLOSING: Quotes = Quotes {
        ascii: b"\"'",
        curly: &[0x9D, 0x99],
    };
    const PEOPLE: &[&str] = &[
        "lady",
        "man",
        "guy",
        "woman",
        "patient",
        "pt",
        "gentleman",
        "girl",
        "boy",
        "kid",
        "dude",
        "gal",
        "grandma",
        "grandpa",
    ];
    let b = low.as_bytes();
    let i = s + OPENING.at(b, s)?;
    if !b.get(i).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    // `[a-z ]{1,20}` then a quote: the whole run of the class (no quote is in it).
    let n = b[i + 1..]
        .iter()
        .take(21)
        .take_while(|&&c| c.is_ascii_lowercase() || c == b' ')
        .count();
    if !(1..=20).contains(&n) {
        return None;
    }
    let c = i + 1 + n;
    let c = c + CLOSING.at(b, c)?;
    // `\s+` takes all the white space: no word starts with it.
    let w = skip_ws(low, c);
    if w == c {
        return None;
    }
    PEOPLE
        .iter()
        .find_map(|p| lit(b, w, p).filter(|&e| boundary(b, e)))
}

/// `[“"][a-z0-9/ ]{3,40}[”"]`: a patient's complaint in scare quotes.
fn quoted_symptom_at(low: &str, s: usize) -> Option<usize> {
    const QUOTES: Quotes = Quotes {
        ascii: b"\"",
        curly: &[0x9C],
    };
    const CLOSING: Quotes = Quotes {
        ascii: b"\"",
        curly: &[0x9D],
    };
    let b = low.as_bytes();
    let i = s + QUOTES.at(b, s)?;
    // The whole run of the class, as no quote is in it.
    let n = b[i..]
        .iter()
        .take(41)
        .take_while(|&&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'/' || c == b' ')
        .count();
    if !(3..=40).contains(&n) {
        return None;
    }
    Some(i + n + CLOSING.at(b, i + n)?)
}

/// `\b(?:just\s+)?take\s+(?:an?\s+extra\s+|another\s+\d*|\d+\s*(?:mg|mcg|units?|tabs?|pills?|of)\b|two\s+of\b|double\b)`:
/// "take 800mg", "take an extra 25", "take 2 of your". Every match holds a "take" and
/// starts there, or at a "just" and the white space right before it; those places are
/// tried in order from where the last match ended.
fn doses(low: &str) -> Vec<(usize, usize)> {
    let b = low.as_bytes();
    let mut starts = Vec::new();
    for q in memchr::memmem::find_iter(b, "take") {
        let mut w = q;
        while let Some(n) = space_before(low, w) {
            w -= n;
        }
        if w < q && b[..w].ends_with(b"just") {
            starts.push(w - 4);
        }
        starts.push(q);
    }
    leftmost(low, starts, |low, s| {
        boundary(low.as_bytes(), s)
            .then(|| dose_at(low, s))
            .flatten()
    })
}

/// The end of the dose pattern's match at `s`, its choices tried in its order. Each `\s`
/// or `\d` repetition takes all there is: what follows never starts with what it takes.
fn dose_at(low: &str, s: usize) -> Option<usize> {
    let b = low.as_bytes();
    let spaces = |i: usize| Some(skip_ws(low, i)).filter(|&j| j > i);
    let digits = |i: usize| run(b, i, |c| c.is_ascii_digit());
    let bounded = |e: usize| boundary(b, e).then_some(e);
    let just = lit(b, s, "just").and_then(spaces);
    let t = just
        .into_iter()
        .chain([s])
        .find_map(|i| lit(b, i, "take"))?;
    let u = spaces(t)?;
    let extra = || {
        ["an", "a"].iter().find_map(|a| {
            let i = spaces(lit(b, u, a)?)?;
            spaces(lit(b, i, "extra")?)
        })
    };
    let another = || Some(digits(spaces(lit(b, u, "another")?)?));
    let amount = || {
        let i = Some(digits(u)).filter(|&i| i > u)?;
        let j = skip_ws(low, i);
        [
            "mg", "mcg", "units", "unit", "tabs", "tab", "pills", "pill", "of",
        ]
        .iter()
        .find_map(|w| bounded(lit(b, j, w)?))
    };
    let two = || bounded(lit(b, spaces(lit(b, u, "two")?)?, "of")?);
    let double = || bounded(lit(b, u, "double")?);
    extra()
        .or_else(another)
        .or_else(amount)
        .or_else(two)
        .or_else(double)
}

/// The end of the clause holding `from`: the next `.`, `!`, `?`, `,`, `;` or line break,
/// within the sentence.
pub fn clause_end(low: &str, from: usize, sentence_end: usize) -> usize {
    let b = low.as_bytes();
    let mut i = from;
    while i < sentence_end && i < b.len() {
        if matches!(b[i], b'.' | b'!' | b'?' | b',' | b';' | b'\n')
            && !(b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            break;
        }
        i += 1;
    }
    crate::context::trim_span(low, from.min(i), i).1.max(from)
}

/// Advice phrases that tell one person what to do about their own care, on their own.
const STRONG_ADVICE: &str = "take the leftover|take your leftover|take the rest of|take the rest of your|take a couple|take a few|throw out your|toss your|ditch your|you can stop your|you can stop taking|just stop it|just stop taking|just quit taking|don't need to taper|dont need to taper|no need to taper|skip the mri|skip the er|skip the ed|skip the doctor|skip urgent care|don't bother the er|don't bother going in|dont bother going in|don't waste your time going in|don't waste your time going to|no need to go to the er|don't go to the er|dont go to the er|don't call 911|dont call 911|sleep it off|alternate tylenol and motrin|alternate tylenol|alternate motrin|you can split|have her skip|have him skip|skip one dose|skip a dose|skip a few doses|i'll tell you if|ill tell you if|i'll tell you whether|send me a pic|send me a photo|dm me a pic|dm me a photo|from what you're describing|from what you describe|based on what you're describing|it's not your heart|its not your heart|those are just braxton|that's just braxton|is fine as long as|isn't a big deal|is not a big deal|you're good to|double up on|take it with|walk anyone through it|walk you through dosing";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::same;

    #[test]
    fn scare_quotes_match_their_regex() {
        same(
            r#"[“"‘'][a-z][a-z ]{1,20}[”"’']\s+(?:lady|man|guy|woman|patient|pt|gentleman|girl|boy|kid|dude|gal|grandma|grandpa)\b"#,
            &[
                "\"",
                "'",
                "“",
                "”",
                "‘",
                "’",
                "small",
                "sweet old",
                "abcdefghijklmnopqrst",
                " ",
                " ",
                "\u{2003}",
                " lady",
                " man",
                "woman",
                "pt",
                "grandpa",
                "gentleman",
                "girl",
                "kid",
                "dudes",
                "gal",
                "“small” lady",
                "'nice' guy",
                "don't",
                // The longest quoted words, and one letter more.
                "\"abcdefghij klmnopqrst\" lady",
                "\"abcdefghij klmnopqrstu\" lady",
                "‘abcdefghij klmnopqrst’\u{a0}man",
                "‘abcdefghij klmnopqrstu’\u{a0}man",
            ],
            |t| leftmost(t, quote_places(t), scare_quote_at),
        );
    }

    #[test]
    fn quoted_symptoms_match_their_regex() {
        same(
            r#"[“"][a-z0-9/ ]{3,40}[”"]"#,
            &[
                "\"",
                "“",
                "”",
                "‘",
                "’",
                "'",
                "10/10",
                "pain",
                "crushing chest pain",
                " ",
                "abcdefghijklmnopqrstuvwxyz0123456789",
                "\"pain\"",
                "“10/10”",
                "\"ab",
                "“ab",
                "\"can",
                "dying\"",
                "sick”",
            ],
            |t| leftmost(t, quote_places(t), quoted_symptom_at),
        );
    }

    #[test]
    fn doses_match_their_regex() {
        same(
            r"\b(?:just\s+)?take\s+(?:an?\s+extra\s+|another\s+\d*|\d+\s*(?:mg|mcg|units?|tabs?|pills?|of)\b|two\s+of\b|double\b)",
            &[
                "take ",
                "take",
                "just ",
                "just",
                "an",
                "a",
                "extra",
                "extra ",
                "another",
                " another ",
                "800",
                "mg",
                "mcg",
                "unit",
                "units",
                "tab",
                "tabs",
                "pill",
                "pills",
                "of",
                "two",
                "two of",
                "double",
                " ",
                "\u{2003}",
                "retake",
                "takes",
                "take 800mg",
                "take 2 ",
                "just take ",
                "take an extra ",
                "take a extra",
                "take another ",
                "take two of",
                "take double",
                "take\u{a0}",
            ],
            doses,
        );
    }
}
