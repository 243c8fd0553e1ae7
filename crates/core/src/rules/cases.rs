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
    let born: [&dyn Fn(&str) -> bool; 4] = [
        &|w| w == "born",
        &|w| w == "at",
        &|w| digits(w, 2..=2),
        &|w| w == "weeks",
    ];
    let pounds: [&dyn Fn(&str) -> bool; 4] = [
        &|w| digits(w, 1..=2),
        &|w| w == "lb" || w == "lbs",
        &|w| digits(w, 1..=2),
        &|w| w == "oz",
    ];
    let in_their: [&dyn Fn(&str) -> bool; 3] = [
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
    ];
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        // A word starts at `i`. Each form's first word fixes its first byte ("born", a
        // digit, "in"), so only the forms that can start here are tried, in their order.
        let end = match b[i] {
            b'b' => seq(i, &born),
            b'0'..=b'9' => seq(i, &pounds).or_else(|| seq(i, &[&decade])),
            b'i' => seq(i, &in_their),
            _ => None,
        };
        if let Some(e) = end {
            return Some((i, e));
        }
        // No form starts inside a word.
        i += word_at(i).len();
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

/// Which of [`DETAILS`] a finding of each category shows (the first that lists it), by the
/// category's place in the enum: a load per finding instead of a search through the table.
const DETAIL_OF: [Option<usize>; Category::ALL.len()] = {
    let mut of = [None; Category::ALL.len()];
    let mut k = 0;
    while k < DETAILS.len() {
        let categories = DETAILS[k].categories;
        let mut c = 0;
        while c < categories.len() {
            if of[categories[c] as usize].is_none() {
                of[categories[c] as usize] = Some(k);
            }
            c += 1;
        }
        k += 1;
    }
    of
};

/// The details a story window holds: each kind once, with the span of an example; the
/// span they cover together; whether one of them is specific.
struct Counted {
    details: Vec<(&'static str, (usize, usize))>,
    span: (usize, usize),
    specific: bool,
}

/// "A patient reference with 3 details (age, sex, place) can identify ...".
fn message(details: &[(&'static str, (usize, usize))]) -> String {
    let names: Vec<&str> = details.iter().map(|d| d.0).collect();
    format!(
        "A patient reference with {} details ({}) can identify the person even without a name (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)); keep only what the story needs.",
        details.len(),
        names.join(", ")
    )
}

impl Rule for Cases {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        self.recognizable(ctx, out);
        self.photo(ctx, out);
    }
}

/// An earlier finding that shows a detail: where it is, its place in the findings, and
/// which of [`DETAILS`] it shows.
#[derive(Clone, Copy)]
struct Example {
    start: usize,
    order: usize,
    end: usize,
    detail: usize,
}

impl Cases {
    fn recognizable(&self, ctx: &Context, out: &mut Vec<Draft>) {
        if ctx.refs.is_empty() {
            return;
        }
        let educational = ctx.post_kinds & kind::EDUCATIONAL != 0;
        // Earlier findings that show a detail, by start and then in the order found (what a
        // stable sort by start gives), so each story window looks up only its own. The
        // others never count.
        let mut examples: Vec<Example> = out
            .iter()
            .enumerate()
            .filter_map(|(order, d)| {
                let detail = DETAIL_OF[d.category as usize]?;
                Some(Example {
                    start: d.start,
                    order,
                    end: d.end,
                    detail,
                })
            })
            .collect();
        examples.sort_unstable_by_key(|e| (e.start, e.order));
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
                // Refs come in order of start, so a window counted before is among the
                // last few (a miss only counts it again): no search over the whole post.
                let recent = counted.len().saturating_sub(4);
                let k = match (recent..counted.len()).find(|&k| counted[k].0 == (ws, we)) {
                    Some(k) => k,
                    None => {
                        counted.push(((ws, we), self.count(ctx, &examples, ws, we)));
                        counted.len() - 1
                    }
                };
                let got = &counted[k].1;
                let enough = got.details.len() >= need && got.specific;
                best = Some((k, ws, last));
                if enough {
                    break;
                }
            }
            let Some((k, ws, last)) = best else {
                continue;
            };
            let Counted {
                details,
                span,
                specific,
            } = &counted[k].1;
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
            let mut d =
                Draft::new(Category::CaseRecognizable, sev, start, end).message(message(details));
            d.details = Some(
                details
                    .iter()
                    .map(|&(k, (s, e))| {
                        let example = &ctx.text[s..e];
                        let mut line = String::with_capacity(k.len() + 2 + example.len());
                        line.push_str(k);
                        line.push_str(": ");
                        line.push_str(example);
                        line
                    })
                    .collect(),
            );
            found.push(d);
        }
        out.extend(found);
    }

    /// Distinct detail kinds in `[ws, we)`, with the span of an example of each.
    fn count(&self, ctx: &Context, examples: &[Example], ws: usize, we: usize) -> Counted {
        // The first example of each detail: an earlier finding, else a phrase of its kinds.
        // One pass over each instead of one per detail; each finding shows one detail.
        let mut first: [Option<(usize, usize)>; DETAILS.len()] = [None; DETAILS.len()];
        let from = examples.partition_point(|f| f.start < ws);
        for f in examples[from..].iter().take_while(|f| f.start < we) {
            if f.end <= we && first[f.detail].is_none() {
                first[f.detail] = Some((f.start, f.end));
            }
        }
        let mut wanted = 0;
        for k in 0..DETAILS.len() {
            if first[k].is_none() {
                wanted |= DETAILS[k].kinds;
            }
        }
        if wanted != 0 {
            for h in ctx.hits_in(ws, we, wanted) {
                for k in 0..DETAILS.len() {
                    if first[k].is_none() && h.kinds & DETAILS[k].kinds != 0 {
                        first[k] = Some((h.start, h.end));
                    }
                }
            }
        }
        let mut got = Counted {
            details: Vec::with_capacity(DETAILS.len()),
            span: (usize::MAX, 0),
            specific: false,
        };
        let add = |name: &'static str, s: usize, e: usize, spec: bool, got: &mut Counted| {
            got.details.push((name, (s, e)));
            got.span.0 = got.span.0.min(s);
            got.span.1 = got.span.1.max(e);
            got.specific |= spec;
        };
        for k in 0..DETAILS.len() {
            if let Some((s, e)) = first[k] {
                add(DETAILS[k].name, s, e, DETAILS[k].specific, &mut got);
            }
        }
        if got.details.iter().any(|g| g.0 == "age") {
            return got;
        }
        let window = &ctx.lower[ws..we];
        // Every form holds a digit or "in his/her/their": without one, skip the search.
        let maybe_body = window.bytes().any(|c| c.is_ascii_digit())
            || ["in his ", "in her ", "in their "]
                .iter()
                .any(|p| window.contains(p));
        if maybe_body {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk before it skipped whole words: tries the forms at every byte.
    fn body_size_by_bytes(low: &str) -> Option<(usize, usize)> {
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
            if !matches!(b[i], b'b' | b'i' | b'0'..=b'9')
                || (i > 0 && b[i - 1].is_ascii_alphanumeric())
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

    #[test]
    fn detail_of_finds_what_a_search_would() {
        for (k, &c) in Category::ALL.iter().enumerate() {
            assert_eq!(c as usize, k);
            let searched = DETAILS.iter().position(|d| d.categories.contains(&c));
            assert_eq!(DETAIL_OF[c as usize], searched, "{c:?}");
        }
    }

    #[test]
    fn body_size_word_walk_matches_byte_walk() {
        const WORDS: &[&str] = &[
            "born",
            "at",
            "23",
            "weeks",
            "1",
            "12",
            "123",
            "lb",
            "lbs",
            "2",
            "oz",
            "in",
            "his",
            "her",
            "their",
            "80s",
            "90s",
            "10s",
            "100s",
            "0s",
            "teens",
            "eighties",
            "x",
            "b",
            "i",
            "9",
            "bin",
            "i8",
            "b2",
            "é",
            "born2",
            "inn",
            "born at 23 weeks",
            "born at 2 weeks",
            "1 lb 2 oz",
            "12 lbs 13 oz",
            "in her 90s",
            "in his teens",
            "in their 1990s",
        ];
        const GAPS: &[&str] = &[" ", " ", " ", "  ", ",", "-", "é", "", "(", ". "];
        let mut rng = crate::testing::Rng(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        let mut found = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                text.push_str(WORDS[next(WORDS.len())]);
                text.push_str(GAPS[next(GAPS.len())]);
            }
            assert_eq!(body_size(&text), body_size_by_bytes(&text), "{text:?}");
            found += usize::from(body_size(&text).is_some());
        }
        assert!(found > 5_000, "{found}");
    }
}
