//! Recognizable cases: a patient reference plus several quasi-identifiers in the same
//! story; and text describing a picture of a patient, record or screen.

use std::sync::OnceLock;

use regex::Regex;

use super::{re, Draft, Rule};
use crate::context::{Context, RefStrength};
use crate::lexicon::{kind, Kinds};
use crate::{Category, Config, Sensitivity, Severity};

pub struct Cases {
    threshold: usize,
    /// "born at 23 weeks", "1 lb 2 oz", "(80s", "in her 90s": ages and sizes in other words.
    body: &'static Regex,
}

impl Cases {
    pub fn new(config: &Config) -> Cases {
        let base = config.case_threshold.max(1) as usize;
        let threshold = match config.sensitivity {
            Sensitivity::Strict => base.saturating_sub(1).max(1),
            Sensitivity::Balanced => base,
            Sensitivity::Relaxed => base + 1,
        };
        Cases {
            threshold,
            body: {
                static BODY: OnceLock<Regex> = OnceLock::new();
                BODY.get_or_init(|| re(
                r"\b(?:born at \d{2} weeks|\d{1,2} lbs? \d{1,2} oz|in (?:his|her|their) (?:[1-9]0s|teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|[1-9]0s)\b",
            ))
            },
        }
    }
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
        // Every `body` match holds a digit or "in his/her/their": without one, skip the pass.
        let maybe_body = window.bytes().any(|c| c.is_ascii_digit())
            || ["in his ", "in her ", "in their "]
                .iter()
                .any(|p| window.contains(p));
        if maybe_body && !got.details.iter().any(|g| g.0 == "age") {
            if let Some(m) = self.body.find(window) {
                add("age", ws + m.start(), ws + m.end(), true, &mut got);
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
