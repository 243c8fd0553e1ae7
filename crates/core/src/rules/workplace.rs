//! The workplace: coworkers, the employer, confidential business information, posting from
//! work, venting about the job.

use super::patients::clause_end;
use super::{Draft, Rule};
use crate::context::Context;
use crate::lexicon::kind;
use crate::{Category, Severity};

pub struct Workplace;

impl Workplace {
    pub fn new() -> Workplace {
        Workplace
    }
}

impl Default for Workplace {
    fn default() -> Self {
        Self::new()
    }
}

/// Venting phrases that only count with another sign of venting nearby.
const WEAK_VENTING: &[&str] = &[
    "i'm done",
    "im done",
    "i am done",
    "so done",
    "so tired",
    "i'm so tired",
    "im so tired",
    "killing me",
    "quitting",
    "i quit",
    "no break",
    "12 in a row",
    "4th 12",
    "5th 12",
    "i dont even remember",
    "i don't even remember",
    "one girl at a",
    "wine tonight",
    "😤",
    "😤😤",
    "this profession",
    "i'm tired of",
    "cool cool cool",
    "underpaid",
    "overworked",
    "sick of",
    "is broken",
];

/// Employer criticism plain enough without naming who.
const EMPLOYER_STRONG: &[&str] = &[
    "runs on",
    "duct tape",
    "pizza party",
    "instead of a raise",
    "cost center",
    "not a cost center",
    "where they'll",
    "burns down",
    "burning down",
];

/// Confidential markers that need support (numbers, "our", another marker).
const WEAK_CONFIDENTIAL: &[&str] = &[
    "between us",
    "memo",
    "merger",
    "merging",
    "acquisition",
    "acquired by",
    "buyout",
    "closing the",
    "closing our",
    "they're closing",
    "shutting down",
    "census",
    "boarders",
    "ratio",
    "ratios",
    "traced",
    "investigation",
    "breach",
    "lawsuit",
    "settlement",
    "root cause",
    "incident report",
    "sentinel event",
    "security incident",
    "data breach",
    "ransomware",
    "not public",
    "nda",
    "rif",
    "ftes",
    "make it official",
    "leadership meeting",
    "layoff",
];

impl Rule for Workplace {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let mut venting: Vec<(usize, usize, bool)> = Vec::new();
        for h in &ctx.hits {
            let p = &low[h.start..h.end];
            if h.kinds & kind::AT_WORK != 0 {
                out.push(Draft::new(
                    Category::WorkplaceAtWork,
                    Severity::Medium,
                    h.start,
                    h.end,
                ));
            }
            if h.kinds & kind::VENTING != 0 {
                venting.push((h.start, h.end, WEAK_VENTING.contains(&p)));
            }
        }
        // Venting: one clear phrase, or two weaker ones.
        let strong = venting.iter().filter(|v| !v.2).count();
        let weak = venting.len() - strong;
        let educational =
            ctx.post_kinds & kind::EDUCATIONAL != 0 && ctx.post_kinds & kind::MOCK == 0;
        if strong > 0 || weak >= 2 {
            for &(s, e, w) in &venting {
                if w && strong == 0 && weak < 2 {
                    continue;
                }
                if educational && w {
                    continue;
                }
                out.push(Draft::new(Category::WorkplaceVenting, Severity::Medium, s, e).weak(w));
            }
        }
        // A sentence's kinds hold those of every phrase in it: one without a negative,
        // sarcastic, profane or confidential phrase gets nothing from the three below.
        const NEEDED: u64 = kind::NEGATIVE | kind::SARCASM | kind::PROFANITY | kind::CONFIDENTIAL;
        for (si, &ks) in ctx.sent_kinds.iter().enumerate() {
            if ks & NEEDED == 0 {
                continue;
            }
            let (ss, se) = ctx.sentence_span(si);
            if ss >= se {
                continue;
            }
            self.employer(ctx, si, ks, ss, se, out);
            self.coworker(ctx, ks, ss, se, out);
            self.confidential(ctx, ks, ss, se, out);
        }
    }
}

impl Workplace {
    fn employer(
        &self,
        ctx: &Context,
        _si: usize,
        ks: u64,
        ss: usize,
        se: usize,
        out: &mut Vec<Draft>,
    ) {
        // Both the strong phrase and the accusation are negative phrases.
        if ks & kind::NEGATIVE == 0 {
            return;
        }
        let low = ctx.lower.as_str();
        let praise = ks & kind::PRAISE != 0 && ks & kind::SARCASM == 0;
        let strong = ctx
            .hits_in(ss, se, kind::NEGATIVE)
            .any(|h| EMPLOYER_STRONG.contains(&&low[h.start..h.end]));
        let subject = ctx.hits_in(ss, se, kind::EMPLOYER).next();
        let negative = ctx.hits_in(ss, se, kind::NEGATIVE).find(|h| {
            // "hate" or "🙄" alone is too weak to accuse the employer.
            let p = &low[h.start..h.end];
            !matches!(p, "reported" | "has been reported")
                && (!matches!(
                    p,
                    "🙄" | "replaced"
                        | "hate"
                        | "worst"
                        | "awful"
                        | "terrible"
                        | "sweetie"
                        | "for taking"
                ) || subject.is_some_and(|s| h.start > s.start && h.start - s.end < 40))
        });
        if praise && !strong {
            return;
        }
        if strong || (subject.is_some() && negative.is_some()) {
            if ks & kind::HIRING != 0 {
                return;
            }
            out.push(Draft::new(
                Category::WorkplaceEmployer,
                Severity::Medium,
                ss,
                se,
            ));
        }
    }

    fn coworker(&self, ctx: &Context, ks: u64, ss: usize, se: usize, out: &mut Vec<Draft>) {
        if ks & (kind::NEGATIVE | kind::SARCASM | kind::PROFANITY) == 0
            || ks & kind::COWORKER == 0 && !ctx.text[ss..se].contains("Dr. ")
        {
            return;
        }
        let low = ctx.lower.as_str();
        let sarcasm = ks & kind::SARCASM != 0;
        if ks & kind::PRAISE != 0 && !sarcasm && ks & kind::PROFANITY == 0 {
            return;
        }
        // The criticism must follow the coworker closely: "our charge nurse is useless".
        for c in ctx.hits_in(ss, se, kind::COWORKER) {
            let window_end = (c.end + 90).min(se);
            let neg = ctx
                .hits_in(
                    c.end,
                    window_end,
                    kind::NEGATIVE | kind::SARCASM | kind::PROFANITY,
                )
                .find(|h| {
                    let p = &low[h.start..h.end];
                    !matches!(
                        p,
                        "mandatory" | "unpaid" | "cuts" | "cutting" | "answer to" | "$$$"
                    )
                });
            if let Some(n) = neg {
                let end = clause_end(low, n.end, se).max(n.end);
                // Start at "Dr." when the coworker is a named doctor, or at "to the" call-outs.
                let start = callout_start(low, ss, c.start);
                out.push(Draft::new(
                    Category::WorkplaceCoworker,
                    Severity::Medium,
                    start,
                    end,
                ));
                return;
            }
        }
        // A named doctor: "Dr. Pierce is a pompous jackass".
        let text = ctx.text;
        if let Some(i) = text[ss..se].find("Dr. ").map(|i| i + ss) {
            if let Some(n) = ctx
                .hits_in(i, (i + 60).min(se), kind::NEGATIVE | kind::PROFANITY)
                .next()
            {
                let p = &low[n.start..n.end];
                if !matches!(p, "🙄" | "reported") {
                    out.push(Draft::new(
                        Category::WorkplaceCoworker,
                        Severity::Medium,
                        i,
                        clause_end(low, n.end, se),
                    ));
                }
            }
        }
    }

    fn confidential(&self, ctx: &Context, ks: u64, ss: usize, se: usize, out: &mut Vec<Draft>) {
        if ks & kind::CONFIDENTIAL == 0 {
            return;
        }
        let low = ctx.lower.as_str();
        let sentence = &low[ss..se];
        let digits = sentence.bytes().filter(u8::is_ascii_digit).count() >= 2;
        let ours = [
            "our ",
            "we're",
            "they're",
            "we are",
            "my hospital",
            "'s memo",
            "at ",
        ]
        .iter()
        .any(|p| sentence.contains(p));
        let public = [
            "announced",
            "press release",
            "publicly",
            "proud to",
            "excited to",
            "study",
            "research",
            "evidence",
            "survey",
        ]
        .iter()
        .any(|p| sentence.contains(p));
        let hits: Vec<_> = ctx.hits_in(ss, se, kind::CONFIDENTIAL).collect();
        let strong = hits
            .iter()
            .filter(|h| {
                let p = &low[h.start..h.end];
                if p == "confidential" {
                    return confidential_marking(ctx, h.start, h.end);
                }
                !WEAK_CONFIDENTIAL.contains(&p)
            })
            .count();
        let weak = hits.len() - strong;
        let ok = strong > 0 || (!public && ((weak >= 2) || (weak >= 1 && digits && ours)));
        if !ok || (ks & kind::EDUCATIONAL != 0 && strong == 0) {
            return;
        }
        let start = hits.first().map(|h| h.start).unwrap_or(ss);
        let start = clause_start(low, ss, start);
        out.push(Draft::new(
            Category::WorkplaceConfidential,
            Severity::High,
            start,
            se,
        ));
    }
}

/// "CONFIDENTIAL", "confidential budget slides", "marked confidential": a marking on
/// information, not the adjective of "free and confidential help".
fn confidential_marking(ctx: &Context, s: usize, e: usize) -> bool {
    let low = ctx.lower.as_str();
    let next = crate::context::next_word(low, e);
    let prev = crate::context::prev_word(low, s);
    ctx.text[s..e].starts_with("CONFIDENTIAL")
        || matches!(
            next,
            "memo"
                | "slides"
                | "budget"
                | "email"
                | "report"
                | "document"
                | "documents"
                | "info"
                | "information"
                | "data"
                | "plans"
                | "numbers"
                | "list"
                | "meeting"
                | "announcement"
                | "deck"
                | "file"
        )
        || matches!(
            prev,
            "marked" | "stamped" | "labeled" | "labelled" | "strictly" | "is" | "it's" | "totally"
        )
}

/// Back to the start of the clause holding `pos` (after `,`, `;`, `:` or an emoji gap).
pub fn clause_start(low: &str, ss: usize, pos: usize) -> usize {
    let b = low.as_bytes();
    let mut i = pos;
    while i > ss {
        if matches!(b[i - 1], b',' | b';' | b':' | b'\n' | b'(') || b[i - 1] >= 0xF0 {
            break;
        }
        i -= 1;
    }
    while i < pos && !low.is_char_boundary(i) {
        i += 1;
    }
    crate::context::trim_span(low, i, pos.max(i)).0.min(pos)
}

/// Includes a leading "to the" of a call-out ("To the attending who...").
fn callout_start(low: &str, ss: usize, pos: usize) -> usize {
    let head = &low[ss..pos];
    if let Some(i) = head.rfind("to the ") {
        if pos - (ss + i) <= 24 {
            return ss + i;
        }
    }
    if head.ends_with("our ") {
        return pos - 4;
    }
    if head.ends_with("dr. ") {
        return pos - 4;
    }
    pos
}
