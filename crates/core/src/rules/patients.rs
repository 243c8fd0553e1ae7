//! Talk about patients: demeaning labels and mockery, and individual medical advice.

use regex::Regex;

use super::{re, Draft, Rule};
use crate::context::{before, next_word, Context};
use crate::lexicon::kind;
use crate::{Category, Severity};

pub struct Patients {
    scare_quote: Regex,
    quoted_symptom: Regex,
    dose: Regex,
}

impl Patients {
    pub fn new() -> Patients {
        Patients {
            // the “small” lady
            scare_quote: re(
                r#"[“"‘'][a-z][a-z ]{1,20}[”"’']\s+(?:lady|man|guy|woman|patient|pt|gentleman|girl|boy|kid|dude|gal|grandma|grandpa)\b"#,
            ),
            // same “crushing chest pain”: a patient's complaint in scare quotes
            quoted_symptom: re(r#"[“"][a-z0-9/ ]{3,40}[”"]"#),
            // "take 800mg", "take an extra 25", "take 2 of your"
            dose: re(
                r"\b(?:just\s+)?take\s+(?:an?\s+extra\s+|another\s+\d*|\d+\s*(?:mg|mcg|units?|tabs?|pills?|of)\b|two\s+of\b|double\b)",
            ),
        }
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
        for m in self.scare_quote.find_iter(low) {
            out.push(Draft::new(
                Category::PatientDemeaning,
                Severity::High,
                m.start(),
                m.end(),
            ));
        }
        if ctx.post_kinds & kind::MOCK != 0 {
            for m in self.quoted_symptom.find_iter(low) {
                let si = ctx.sentence_of(m.start());
                let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
                let (_, se) = ctx.sentence_span(si);
                let q = &low[m.start()..m.end()];
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
                    && se > m.start()
                {
                    out.push(Draft::new(
                        Category::PatientDemeaning,
                        Severity::High,
                        m.start(),
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
        // Every match holds "take".
        let doses = low.contains("take").then(|| self.dose.find_iter(low));
        for m in doses.into_iter().flatten() {
            if starts.iter().any(|&s| s <= m.start() && m.start() < s + 16) {
                continue;
            }
            let si = ctx.sentence_of(m.start());
            let (ss, se) = ctx.sentences[si];
            if ctx.has_in(ss, m.start(), kind::SAFE_ADVICE)
                || ctx.has_in(ss, se, kind::EDUCATIONAL) && ctx.post_kinds & kind::ADVICE == 0
            {
                continue;
            }
            // An instruction to the reader, not "the patient would take 2 of them".
            let b = before(low, m.start(), 12);
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
                m.start(),
                clause_end(low, m.end(), se),
            ));
        }
    }
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
