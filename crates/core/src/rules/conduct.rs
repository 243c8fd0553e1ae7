//! Conduct: inflammatory rants, unprofessional talk (profanity, drinking on call,
//! harassment), exaggerated claims, heavy self-promotion.

use regex::Regex;

use super::patients::clause_end;
use super::{re, Draft, Needles, Rule};
use crate::context::{before, prev_word, Context};
use crate::lexicon::kind;
use crate::{Category, Severity};

pub struct Conduct {
    best: Regex,
    best_words: Needles,
}

impl Conduct {
    pub fn new() -> Conduct {
        Conduct {
            // "I'm the #1 ...", "by the BEST injector in Miami", "the best spine surgeon in the state"
            best: re(concat!(
                r"\b(?:(?:i'?m|i am|we'?re|we are|by|from|with|book with|see)\s+the\s+(?:best|#1|number one|top|most)\b",
                r"|the best [a-z]+(?: [a-z]+)? in (?:the (?:state|country|world|city|region|county|area|valley|nation)|town|[a-z]+)\b)"
            )),
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
        let best = self.best_words.any(low).then(|| self.best.find_iter(low));
        for m in best.into_iter().flatten() {
            let si = ctx.sentence_of(m.start());
            let (ss, se) = ctx.sentence_span(si);
            let s = &low[ss..se];
            let selfish = s.contains("i'm")
                || s.contains("i am")
                || s.contains(" me")
                || s.contains(" my ")
                || promo_post
                || low[m.start()..].starts_with("by ");
            let tail = &ctx.text[m.start()..m.end()];
            let last = tail.rsplit(' ').next().unwrap_or("");
            let place_ok = !tail.to_ascii_lowercase().contains(" in ")
                || tail.contains(" in the ")
                || last.starts_with(|c: char| c.is_uppercase())
                || last == "town";
            if selfish && place_ok {
                out.push(Draft::new(
                    Category::ConductClaims,
                    Severity::Medium,
                    m.start(),
                    clause_end(low, m.end(), se),
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
