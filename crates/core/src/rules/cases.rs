//! Recognizable cases: a patient reference plus several quasi-identifiers in the same
//! story; and text describing a picture of a patient, record or screen.

use super::{Draft, Rule};
use crate::context::{Context, RefStrength};
use crate::lexicon::{kind, Kinds};
use crate::{Category, Config, Sensitivity, Severity};

pub struct Cases {
    threshold: usize,
}

impl Cases {
    pub fn new(config: &Config) -> Cases {
        let base = config.case_threshold.max(1) as usize;
        let threshold = match config.sensitivity {
            Sensitivity::Strict => base.saturating_sub(1).max(1),
            Sensitivity::Balanced => base,
            Sensitivity::Relaxed => base + 1,
        };
        Cases { threshold }
    }
}

/// The first age or size said in other words in `low` (lower-cased): "born at 23 weeks",
/// "1 lb 2 oz", "in her 90s", "80s". Each form starts a word and is a fixed sequence of
/// words, so trying them in that order at each word start finds what a regex of the four
/// alternatives would.
fn body_size(low: &str) -> Option<(usize, usize)> {
    let b = low.as_bytes();
    let word_at = |i: usize| -> &str {
        let e = i + b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        &low[i..e]
    };
    let digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit())
    };
    let decade = |w: &str| {
        let d = w.as_bytes();
        d.len() == 3 && (b'1'..=b'9').contains(&d[0]) && d[1] == b'0' && d[2] == b's'
    };
    // Follows `words` from `i`, one space between each; returns where the last ends.
    let seq = |i: usize, words: &[&dyn Fn(&str) -> bool]| -> Option<usize> {
        let mut p = i;
        for (k, ok) in words.iter().enumerate() {
            if k > 0 {
                p = (b.get(p) == Some(&b' ')).then_some(p + 1)?;
            }
            let w = (p < b.len()).then(|| word_at(p))?;
            if w.is_empty() || !ok(w) {
                return None;
            }
            p += w.len();
        }
        Some(p)
    };
    for i in 0..b.len() {
        // Every form starts with "born", "in" or a digit, at the start of a word.
        if !matches!(b[i], b'b' | b'i' | b'0'..=b'9') || (i > 0 && b[i - 1].is_ascii_alphanumeric())
        {
            continue;
        }
        let end = seq(
            i,
            &[
                &|w| w == "born",
                &|w| w == "at",
                &|w| digits(w, 2..=2),
                &|w| w == "weeks",
            ],
        )
        .or_else(|| {
            seq(
                i,
                &[
                    &|w| digits(w, 1..=2),
                    &|w| w == "lb" || w == "lbs",
                    &|w| digits(w, 1..=2),
                    &|w| w == "oz",
                ],
            )
        })
        .or_else(|| {
            seq(
                i,
                &[
                    &|w| w == "in",
                    &|w| matches!(w, "his" | "her" | "their"),
                    &|w| {
                        decade(w)
                            || matches!(
                                w,
                                "teens"
                                    | "twenties"
                                    | "thirties"
                                    | "forties"
                                    | "fifties"
                                    | "sixties"
                                    | "seventies"
                                    | "eighties"
                                    | "nineties"
                            )
                    },
                ],
            )
        })
        .or_else(|| seq(i, &[&decade]));
        if let Some(e) = end {
            return Some((i, e));
        }
    }
    None
}

/// One kind of detail, with the phrase kinds and finding categories that show it.
struct Detail {
    name: &'static str,
    kinds: Kinds,
    categories: &'static [Category],
    /// Enough on its own to make a story specific (unlike "today" or "a girl").
    specific: bool,
}

const DETAILS: &[Detail] = &[
    Detail {
        name: "age",
        kinds: 0,
        categories: &[Category::PhiAge],
        specific: true,
    },
    Detail {
        name: "sex",
        kinds: kind::SEX,
        categories: &[],
        specific: false,
    },
    Detail {
        name: "condition",
        kinds: kind::CONDITION,
        categories: &[],
        specific: true,
    },
    Detail {
        name: "time",
        kinds: kind::TIME,
        categories: &[Category::PhiDate],
        specific: false,
    },
    Detail {
        name: "place",
        kinds: kind::PLACE,
        categories: &[Category::PhiLocation],
        specific: true,
    },
    Detail {
        name: "unusual event",
        kinds: kind::EVENT,
        categories: &[],
        specific: true,
    },
    Detail {
        name: "room",
        kinds: 0,
        categories: &[Category::PhiRoom],
        specific: true,
    },
    Detail {
        name: "occupation",
        kinds: kind::OCCUPATION,
        categories: &[],
        specific: true,
    },
    Detail {
        name: "name",
        kinds: 0,
        categories: &[Category::PhiName],
        specific: true,
    },
    Detail {
        name: "relative",
        kinds: kind::RELATIVE,
        categories: &[],
        specific: false,
    },
];

/// The details a story window holds: each kind once, with the span of an example; the
/// span they cover together; whether one of them is specific.
#[derive(Clone)]
struct Counted {
    details: Vec<(&'static str, (usize, usize))>,
    span: (usize, usize),
    specific: bool,
}

impl Rule for Cases {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        self.recognizable(ctx, out);
        self.photo(ctx, out);
    }
}

impl Cases {
    fn recognizable(&self, ctx: &Context, out: &mut Vec<Draft>) {
        if ctx.refs.is_empty() {
            return;
        }
        let educational = ctx.post_kinds & kind::EDUCATIONAL != 0;
        // Earlier findings by start, so each story window looks up only its own.
        let mut sorted: Vec<&Draft> = out.iter().collect();
        sorted.sort_by_key(|d| d.start);
        let mut found: Vec<Draft> = Vec::new();
        let mut last_window = usize::MAX;
        // Refs in one sentence share their story windows: count each window once.
        let mut counted: Vec<((usize, usize), Counted)> = Vec::new();
        for r in &ctx.refs {
            let need = if r.strength == RefStrength::Strong {
                self.threshold
            } else {
                self.threshold + 1
            };
            // The ref's sentence first; the next one if the story continues there.
            let mut best = None;
            for extra in 0..=1 {
                let (ws, _) = ctx.sentences[r.sentence];
                let last = (r.sentence + extra).min(ctx.sentences.len() - 1);
                let (_, we) = ctx.sentences[last];
                let got = match counted.iter().find(|c| c.0 == (ws, we)) {
                    Some(c) => c.1.clone(),
                    None => {
                        let got = self.count(ctx, &sorted, ws, we);
                        counted.push(((ws, we), got.clone()));
                        got
                    }
                };
                let enough = got.details.len() >= need && got.specific;
                best = Some((got, ws, last));
                if enough {
                    break;
                }
            }
            let Some((got, ws, last)) = best else {
                continue;
            };
            let Counted {
                details,
                span,
                specific,
            } = got;
            if details.len() < need || !specific || last == last_window {
                continue;
            }
            // The poster's own story ("my own surgery") is not a patient's.
            let own =
                ctx.kinds_in(r.sentence, last) & kind::OWN != 0 && r.strength == RefStrength::Weak;
            if own {
                continue;
            }
            last_window = last;
            let start = span.0.min(r.start).max(ws);
            let end = span.1.max(r.end);
            let sev = if educational && r.strength == RefStrength::Weak {
                Severity::Medium
            } else {
                Severity::High
            };
            let names: Vec<&str> = details.iter().map(|d| d.0).collect();
            let msg = format!(
                "A patient reference with {} details ({}) can identify the person even without a name (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)); keep only what the story needs.",
                details.len(),
                names.join(", ")
            );
            let mut d = Draft::new(Category::CaseRecognizable, sev, start, end).message(msg);
            d.details = Some(
                details
                    .iter()
                    .map(|&(k, (s, e))| format!("{k}: {}", &ctx.text[s..e]))
                    .collect(),
            );
            found.push(d);
        }
        out.extend(found);
    }

    /// Distinct detail kinds in `[ws, we)`, with the span of an example of each.
    fn count(&self, ctx: &Context, drafts: &[&Draft], ws: usize, we: usize) -> Counted {
        let mut got = Counted {
            details: Vec::new(),
            span: (usize::MAX, 0),
            specific: false,
        };
        let add = |name: &'static str, s: usize, e: usize, spec: bool, got: &mut Counted| {
            if got.details.iter().any(|g| g.0 == name) {
                return;
            }
            got.details.push((name, (s, e)));
            got.span.0 = got.span.0.min(s);
            got.span.1 = got.span.1.max(e);
            got.specific |= spec;
        };
        let from = drafts.partition_point(|f| f.start < ws);
        for d in DETAILS {
            let window = drafts[from..].iter().take_while(|f| f.start < we);
            if let Some(f) = window
                .clone()
                .find(|f| d.categories.contains(&f.category) && f.end <= we)
            {
                add(d.name, f.start, f.end, d.specific, &mut got);
                continue;
            }
            if d.kinds != 0 {
                if let Some(h) = ctx.hits_in(ws, we, d.kinds).next() {
                    add(d.name, h.start, h.end, d.specific, &mut got);
                }
            }
        }
        let window = &ctx.lower[ws..we];
        // Every form holds a digit or "in his/her/their": without one, skip the search.
        let maybe_body = window.bytes().any(|c| c.is_ascii_digit())
            || ["in his ", "in her ", "in their "]
                .iter()
                .any(|p| window.contains(p));
        if maybe_body && !got.details.iter().any(|g| g.0 == "age") {
            if let Some((s, e)) = body_size(window) {
                add("age", ws + s, ws + e, true, &mut got);
            }
        }
        got
    }

    fn photo(&self, ctx: &Context, out: &mut Vec<Draft>) {
        if ctx.post_kinds & kind::PHOTO == 0 {
            return;
        }
        let low = ctx.lower.as_str();
        for h in ctx.hits.iter().filter(|h| h.kinds & kind::PHOTO != 0) {
            let p = &low[h.start..h.end];
            let deictic = matches!(
                p,
                "here's the"
                    | "here's a"
                    | "here is the"
                    | "look at this"
                    | "look at that"
                    | "check out this"
                    | "check this out"
                    | "found this"
                    | "posting a"
                    | "attached"
                    | "see below"
            );
            let si = ctx.sentence_of(h.start);
            let (ss, se) = ctx.sentence_span(si);
            let (from, to) = if deictic {
                (h.end, (h.end + 80).min(low.len()))
            } else {
                let (a, _) = ctx.sentence_span(si.saturating_sub(1));
                let (_, b) = ctx.sentence_span((si + 1).min(ctx.sentences.len() - 1));
                (a, b)
            };
            let object = ctx
                .hits_in(from, to, kind::PHOTO_OBJECT)
                .find(|o| o.start != h.start);
            let patient_near = ctx.patient_in(si, si);
            if object.is_none() && !patient_near {
                continue;
            }
            if ctx.kinds_at(h.start) & kind::EDUCATIONAL != 0 && p.starts_with("never") {
                continue;
            }
            let end = object
                .map(|o| o.end)
                .unwrap_or(se)
                .max(h.end)
                .min(se.max(h.end));
            let start = ss.max(h.start.min(object.map(|o| o.start).unwrap_or(h.start)));
            out.push(Draft::new(
                Category::CasePhotoContext,
                Severity::High,
                start,
                end,
            ));
        }
    }
}
