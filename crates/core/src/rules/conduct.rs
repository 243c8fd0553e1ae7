//! Conduct: inflammatory rants, unprofessional talk (profanity, drinking on call,
//! harassment), exaggerated claims, heavy self-promotion.

use super::patients::clause_end;
use super::text::{boundary, leftmost, lit, run, skip_ws, space_before};
use super::{Draft, Needles, Rule};
use crate::context::{before, prev_word, Context};
use crate::lexicon::kind;
use crate::{Category, Severity};

pub struct Conduct {
    best_words: Needles,
}

impl Conduct {
    pub fn new() -> Conduct {
        Conduct {
            best_words: Needles::new(&["best", "#1", "number one", "top", "most"]),
        }
    }
}

impl Default for Conduct {
    fn default() -> Self {
        Self::new()
    }
}

/// Profanity too mild to flag on its own.
const MILD: &[&str] = &["damn", "crap", "hell no", "bs", "piss", "pissed"];

/// Claims that need a first-person or promotional frame.
const WEAK_CLAIMS: &[&str] = &[
    "guaranteed",
    "guarantee",
    "best doctor",
    "best nurse in",
    "the best in",
    "from the best",
    "top rated",
    "top-rated",
    "cures",
    "for good",
    "hands down",
    "in the state",
    "can match",
    "every single patient",
    "money back",
    "best in the state",
    "second opinion from the best",
];

impl Rule for Conduct {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let promo_post = ctx.post_kinds & kind::PROMO != 0;
        const FLAGGED: u64 = kind::INFLAMMATORY | kind::PROFANITY | kind::SEXUAL | kind::CLAIM;
        for h in ctx.hits.iter().filter(|h| h.kinds & FLAGGED != 0) {
            let p = &low[h.start..h.end];
            let si = ctx.sentence_of(h.start);
            let (ss, se) = ctx.sentence_span(si);
            let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
            if h.kinds & kind::INFLAMMATORY != 0 {
                let start = super::workplace::clause_start(low, ss, h.start);
                out.push(Draft::new(
                    Category::ConductControversial,
                    Severity::Medium,
                    start,
                    clause_end(low, h.end, se),
                ));
            }
            if h.kinds & kind::PROFANITY != 0 && !MILD.contains(&p) {
                out.push(
                    Draft::new(
                        Category::ConductUnprofessional,
                        Severity::Medium,
                        h.start,
                        h.end,
                    )
                    .suggest(""),
                );
            }
            if h.kinds & kind::SEXUAL != 0 {
                let aimed = ks & (kind::PERSON | kind::COWORKER) != 0;
                if p != "so hot" || aimed {
                    out.push(Draft::new(
                        Category::ConductUnprofessional,
                        Severity::Medium,
                        h.start,
                        clause_end(low, h.end, se),
                    ));
                }
            }
            if h.kinds & kind::CLAIM != 0 {
                let weak = WEAK_CLAIMS.contains(&p);
                let negated = matches!(
                    prev_word(low, h.start),
                    "no" | "not" | "never" | "isn't" | "aren't" | "without"
                );
                if negated || (weak && !promo_post) {
                    continue;
                }
                if p == "cures" && !ctx.text[h.start..h.end].starts_with("CURES") && !promo_post {
                    continue;
                }
                out.push(Draft::new(
                    Category::ConductClaims,
                    Severity::Medium,
                    h.start,
                    clause_end(low, h.end, se),
                ));
            }
        }
        // Politics or religion plus an insult: "our governor is a spineless clown".
        for (si, &ks) in ctx.sent_kinds.iter().enumerate() {
            if ks & kind::POLITICAL != 0 && ks & kind::INSULT != 0 {
                let (ss, se) = ctx.sentence_span(si);
                out.push(Draft::new(
                    Category::ConductControversial,
                    Severity::Medium,
                    ss,
                    se,
                ));
            }
        }
        self.drinking(ctx, out);
        // Every match names "best", "#1", "number one", "top" or "most".
        let best = self.best_words.any(low).then(|| best_claims(low));
        for (ms, me) in best.into_iter().flatten() {
            let si = ctx.sentence_of(ms);
            let (ss, se) = ctx.sentence_span(si);
            let s = &low[ss..se];
            let selfish = s.contains("i'm")
                || s.contains("i am")
                || s.contains(" me")
                || s.contains(" my ")
                || promo_post
                || low[ms..].starts_with("by ");
            let tail = &ctx.text[ms..me];
            let last = tail.rsplit(' ').next().unwrap_or("");
            let place_ok = !tail.to_ascii_lowercase().contains(" in ")
                || tail.contains(" in the ")
                || last.starts_with(|c: char| c.is_uppercase())
                || last == "town";
            if selfish && place_ok {
                out.push(Draft::new(
                    Category::ConductClaims,
                    Severity::Medium,
                    ms,
                    clause_end(low, me, se),
                ));
            }
        }
        // Self-promotion: several calls to action.
        let promos: Vec<_> = ctx
            .hits
            .iter()
            .filter(|h| h.kinds & kind::PROMO != 0)
            .collect();
        if promos.len() >= 2 && ctx.post_kinds & kind::HIRING == 0 {
            // The span runs over the calls to action, first to last.
            let (first, last) = (promos[0], promos[promos.len() - 1]);
            let (_, se) = ctx.sentence_span(ctx.sentence_of(last.start));
            out.push(Draft::new(
                Category::ConductSelfPromotion,
                Severity::Low,
                first.start,
                clause_end(low, last.end, se).max(last.end),
            ));
        }
    }
}

impl Conduct {
    /// Drinking tied to duty ("shots on, last one standing covers my 0700").
    fn drinking(&self, ctx: &Context, out: &mut Vec<Draft>) {
        if ctx.post_kinds & kind::DRINK == 0 {
            return;
        }
        let low = ctx.lower.as_str();
        let drinks: Vec<_> = ctx
            .hits
            .iter()
            .filter(|h| h.kinds & kind::DRINK != 0)
            .filter(|h| {
                // "flu shots" are vaccines.
                let p = &low[h.start..h.end];
                !(p.starts_with("shot") && {
                    let b = before(low, h.start, 20);
                    [
                        "flu ", "covid ", "vaccine ", "booster ", "b12 ", "allergy ", "free ",
                        "tetanus ",
                    ]
                    .iter()
                    .any(|w| b.ends_with(w))
                })
            })
            .collect();
        let emoji = drinks
            .iter()
            .filter(|h| !low.as_bytes()[h.start].is_ascii())
            .count();
        let duty = ctx.post_kinds & kind::DUTY != 0;
        if drinks.is_empty()
            || !(duty
                || emoji >= 3
                || drinks
                    .iter()
                    .any(|h| low[h.start..h.end].contains("gonewild")))
        {
            return;
        }
        let mut last_sentence = usize::MAX;
        for h in drinks {
            let si = ctx.sentence_of(h.start);
            if si == last_sentence {
                continue;
            }
            last_sentence = si;
            let (ss, se) = ctx.sentence_span(si);
            out.push(Draft::new(Category::ConductUnprofessional, Severity::Medium, ss, se).message(
                "Drinking tied to your shifts or on-call duty suggests impaired practice, which boards discipline (NCSBN guidance).",
            ));
        }
    }
}

/// `\b(?:(?:i'?m|i am|we'?re|we are|by|from|with|book with|see)\s+the\s+(?:best|#1|number one|top|most)\b|the best [a-z]+(?: [a-z]+)? in (?:the (?:state|country|world|city|region|county|area|valley|nation)|town|[a-z]+)\b)`:
/// "I'm the #1 ...", "by the BEST injector in Miami", "the best spine surgeon in the state".
///
/// Every match holds a "the": it starts there ("the best "), or at a subject ending where
/// the white space before a "the" starts (`\s+` takes all of it), when white space and a
/// rank follow the "the". Those places are tried in order from where the last match ended.
fn best_claims(low: &str) -> Vec<(usize, usize)> {
    let b = low.as_bytes();
    let mut starts = Vec::new();
    for h in memchr::memmem::find_iter(b, "the") {
        if b[h..].starts_with(b"the best ") {
            starts.push(h);
        }
        let mut w = h;
        while let Some(n) = space_before(low, w) {
            w -= n;
        }
        if w < h && rank(low, h + 3).is_some() {
            let subjects = SUBJECTS.iter().filter(|s| b[..w].ends_with(s.as_bytes()));
            starts.extend(subjects.map(|s| w - s.len()));
        }
    }
    leftmost(low, starts, |low, s| {
        boundary(low.as_bytes(), s)
            .then(|| best_at(low, s))
            .flatten()
    })
}

/// `(?:i'?m|i am|we'?re|we are|by|from|with|book with|see)`, in the pattern's order.
const SUBJECTS: &[&str] = &[
    "i'm",
    "im",
    "i am",
    "we're",
    "were",
    "we are",
    "by",
    "from",
    "with",
    "book with",
    "see",
];

/// `\s+(?:best|#1|number one|top|most)\b` at `i`: its end.
fn rank(low: &str, i: usize) -> Option<usize> {
    let b = low.as_bytes();
    let o = skip_ws(low, i);
    if o == i {
        return None;
    }
    ["best", "#1", "number one", "top", "most"]
        .iter()
        .find_map(|r| lit(b, o, r).filter(|&e| boundary(b, e)))
}

/// The end of the best-claim pattern's match at `s`, its choices tried in its order.
/// A `[a-z]+` takes the whole run of letters: a letter never follows in the pattern.
fn best_at(low: &str, s: usize) -> Option<usize> {
    let b = low.as_bytes();
    let claim = SUBJECTS.iter().find_map(|subject| {
        let k = lit(b, s, subject)?;
        let m = skip_ws(low, k);
        rank(low, lit(b, m, "the").filter(|_| m > k)?)
    });
    claim.or_else(|| {
        let letters = |i: usize| Some(run(b, i, |c| c.is_ascii_lowercase())).filter(|&e| e > i);
        let w1 = letters(lit(b, s, "the best ")?)?;
        let w2 = lit(b, w1, " ").and_then(letters);
        w2.into_iter()
            .chain([w1])
            .find_map(|e| place(b, lit(b, e, " in ")?))
    })
}

/// `(?:the (?:state|country|world|city|region|county|area|valley|nation)|town|[a-z]+)\b`
/// at `t`.
fn place(b: &[u8], t: usize) -> Option<usize> {
    const REGIONS: &[&str] = &[
        "state", "country", "world", "city", "region", "county", "area", "valley", "nation",
    ];
    let bounded = |e: usize| boundary(b, e).then_some(e);
    let region = || {
        let i = lit(b, t, "the ")?;
        REGIONS.iter().find_map(|r| bounded(lit(b, i, r)?))
    };
    let town = || bounded(lit(b, t, "town")?);
    let word = || bounded(run(b, t, |c| c.is_ascii_lowercase())).filter(|&e| e > t);
    region().or_else(town).or_else(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::same;

    /// The pattern [`best_claims`] replaces.
    const BEST: &str = concat!(
        r"\b(?:(?:i'?m|i am|we'?re|we are|by|from|with|book with|see)\s+the\s+(?:best|#1|number one|top|most)\b",
        r"|the best [a-z]+(?: [a-z]+)? in (?:the (?:state|country|world|city|region|county|area|valley|nation)|town|[a-z]+)\b)"
    );

    #[test]
    fn best_claims_match_their_regex() {
        same(
            BEST,
            &[
                "i'm",
                "im",
                "i am",
                "we're",
                "were",
                "we are",
                "by",
                "from",
                "with",
                "book with",
                "book",
                "see",
                "the",
                " the ",
                "the ",
                "best",
                " best",
                "#1",
                "number one",
                "top",
                "most",
                "the best ",
                "nurse",
                " in ",
                "in",
                " spine surgeon",
                "the state",
                "town",
                "towns",
                "country",
                "county",
                "the nation",
                "miami",
                " ",
                "\u{2003}",
                "the best nurse in ",
            ],
            best_claims,
        );
    }

    /// Claims built part by part, so every choice of the pattern meets its alternatives.
    #[test]
    fn built_best_claims_match_their_regex() {
        let rx = super::super::re(BEST);
        let parts: &[&[&str]] = &[
            &["", "x", "book ", "i'm ", "we are ", "by ", "see", "with "],
            &["", " ", "  ", "\u{a0}"],
            &["the best ", "the", "the ", "the  "],
            &["best", "#1", "number one", "top", "most", "nurse", "", "in"],
            &["", " ", " er", " in", " 2"],
            &[" in ", "", " in", " in in "],
            &[
                "the state",
                "the states",
                "town",
                "townie",
                "in",
                "miami",
                "the ",
                "miami2",
                "_",
            ],
            &["", " in town", ".", "s", "1"],
        ];
        let mut rng = crate::testing::Rng(0x1234_5678_9ABC_DEF1);
        let mut hits = 0;
        for _ in 0..100_000 {
            let t: String = parts.iter().map(|p| p[rng.next() % p.len()]).collect();
            let want: Vec<(usize, usize)> =
                rx.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            hits += want.len();
            assert_eq!(best_claims(&t), want, "{t:?}");
        }
        assert!(hits > 10_000, "the texts exercise the pattern: {hits}");
    }
}
