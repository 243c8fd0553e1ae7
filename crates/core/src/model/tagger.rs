//! The learned span finder: which words of a post are a patient's name, place, date or age.
//!
//! The rules find these details from cues written down ("Mr.", "in room", "a 94-year-old");
//! most of what writers type has no such cue ("frau weber in 5C", "the lady from out past
//! Millbrook", "she turned ninety-one on the 3rd"). A logistic regression per category,
//! trained by `bedside train` on every word of the corpus, reads each word with its
//! neighbours: the word, its shape ("Xxxx", "dd"), its first and last three letters, the
//! words and shapes around it, the punctuation beside it, the lexicon's kinds over it, the
//! census name and town lists and whether its sentence is about a patient. Runs of words
//! that score over a category's threshold become findings; the rules' own findings win
//! where both find the same detail (their messages say more).
//!
//! Out of fold on the training corpus, with the rules, the held-out post batches' name,
//! place, date and age recall went from 0.64, 0.34, 0.47, 0.59 to 0.77, 0.63, 0.57, 0.80
//! in the experiment that chose the features (a Python copy of this file, scikit-learn).

use crate::context::Context;
use crate::lexicon::{first_names, surnames, towns};
use crate::model::features::fnv1a;
use crate::Category;

/// The categories the tagger finds, in the order of its weight rows.
pub const TAGS: &[Category] = &[
    Category::PhiName,
    Category::PhiLocation,
    Category::PhiDate,
    Category::PhiAge,
];
/// A weight row holds one i8 per tag; four fit one 32-bit load.
pub const TAG_ROW: usize = 4;
const _: () = assert!(TAGS.len() <= TAG_ROW);

/// Hashed features share 2^16 buckets (256 KB of i8 rows).
pub const TAG_BITS: u32 = 16;
pub const N_TAG: usize = 1 << TAG_BITS;

/// One word's features: indices into the `N_TAG` buckets (a few may repeat).
pub type TokenFeatures = Vec<u32>;

fn mix(kind: u32, h: u32) -> u32 {
    let mut x = h ^ kind.wrapping_mul(0x9e37_79b1);
    x ^= x >> 16;
    x = x.wrapping_mul(0x85eb_ca6b);
    x ^= x >> 13;
    x & (N_TAG as u32 - 1)
}

/// The shape of a word: upper-case letters `X`, lower-case `x`, digits `d`, anything else
/// itself, with runs longer than two cut to two ("Wednesday" and "Wed" are both "Xxx",
/// "52F" is "ddX"), hashed.
fn shape(word: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= 2 {
            h = (h ^ s as u32).wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// The first and the last `n` characters of `w`.
fn ends(w: &str, n: usize) -> (&str, &str) {
    let head = w.char_indices().nth(n).map_or(w, |(i, _)| &w[..i]);
    let tail = w
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(w, |(i, _)| &w[i..]);
    (head, tail)
}

/// The punctuation between two words (at most three characters), or a line break, hashed.
fn gap(text: &str) -> u32 {
    if text.contains('\n') {
        return fnv1a(b"\n");
    }
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes().filter(|b| !b.is_ascii_whitespace()).take(3) {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h
}

/// Every word's features, in the order of `ctx.tokens`.
pub(crate) fn features(ctx: &Context) -> Vec<TokenFeatures> {
    let toks = &ctx.tokens;
    let n = toks.len();
    let lower = |i: usize| &ctx.lower[toks[i].start..toks[i].end];
    let start = fnv1a(b"<s>");
    let words: Vec<u32> = (0..n).map(|i| fnv1a(lower(i).as_bytes())).collect();
    let shapes: Vec<u32> = (0..n)
        .map(|i| shape(&ctx.text[toks[i].start..toks[i].end]))
        .collect();
    let gaps: Vec<u32> = (0..=n)
        .map(|i| {
            let from = if i == 0 { 0 } else { toks[i - 1].end };
            let to = if i == n { ctx.text.len() } else { toks[i].start };
            gap(&ctx.text[from..to])
        })
        .collect();
    // The lexicon's kinds over each word.
    let mut kinds = vec![0u64; n];
    for h in &ctx.hits {
        let first = toks.partition_point(|t| t.end <= h.start);
        for (k, t) in kinds[first..].iter_mut().zip(&toks[first..]) {
            if t.start >= h.end {
                break;
            }
            *k |= h.kinds;
        }
    }
    let at = |v: &[u32], i: isize| -> u32 {
        if i < 0 || i as usize >= n {
            start
        } else {
            v[i as usize]
        }
    };
    let (names, family, places) = (first_names(), surnames(), towns());
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let w = lower(i);
        let j = i as isize;
        let (head, tail) = ends(w, 3);
        let mut f = Vec::with_capacity(24);
        f.push(mix(0, 0));
        f.push(mix(1, words[i]));
        f.push(mix(2, shapes[i]));
        f.push(mix(3, fnv1a(head.as_bytes())));
        f.push(mix(4, fnv1a(tail.as_bytes())));
        f.push(mix(5, at(&words, j - 1)));
        f.push(mix(6, at(&words, j + 1)));
        f.push(mix(7, at(&words, j - 2)));
        f.push(mix(8, at(&words, j + 2)));
        f.push(mix(9, at(&shapes, j - 1)));
        f.push(mix(10, at(&shapes, j + 1)));
        f.push(mix(11, at(&words, j - 1) ^ words[i].rotate_left(7)));
        f.push(mix(12, words[i] ^ at(&words, j + 1).rotate_left(7)));
        f.push(mix(13, gaps[i]));
        f.push(mix(14, gaps[i + 1]));
        let mut k = kinds[i];
        while k != 0 {
            f.push(mix(15, k.trailing_zeros()));
            k &= k - 1;
        }
        if names.contains(w) {
            f.push(mix(16, 1));
        }
        if family.contains(w) {
            f.push(mix(16, 2));
        }
        if places.contains(w) {
            f.push(mix(16, 3));
        }
        if !crate::model::common_word(w) {
            f.push(mix(16, 4));
        }
        if ctx.sent_patient.get(toks[i].sentence) == Some(&true) {
            f.push(mix(16, 5));
        }
        if ctx.patient_post {
            f.push(mix(16, 6));
        }
        out.push(f);
    }
    out
}

/// A run of words one tag scored over its threshold: byte span, tag index, best score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub tag: usize,
    pub score: f32,
}

/// The words of `text` (byte spans) and their features: what `bedside train` learns from.
pub struct Words {
    pub spans: Vec<(usize, usize)>,
    pub features: Vec<TokenFeatures>,
    /// The rules find the post is about a particular patient.
    pub patient: bool,
}

pub fn words(text: &str) -> Words {
    let ctx = Context::new(text);
    Words {
        spans: ctx.tokens.iter().map(|t| (t.start, t.end)).collect(),
        features: features(&ctx),
        patient: ctx.patient_post,
    }
}

/// Joins adjacent words (`words`, byte spans in `text`) whose score for a tag passes its
/// threshold into spans. `scores[i][t]` is word i's log-odds for tag t.
pub fn spans(
    text: &str,
    words: &[(usize, usize)],
    scores: &[[f32; TAG_ROW]],
    threshold: &[f32],
) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (t, &th) in threshold.iter().enumerate().take(TAGS.len()) {
        let mut open: Option<Span> = None;
        for (&(start, end), s) in words.iter().zip(scores) {
            if s[t] >= th && !code(&text[start..end]) {
                match &mut open {
                    // Words of one span: nothing but spaces and light punctuation between
                    // them ("Mrs. Ana Lima", "4 West").
                    Some(sp) if joined(&text[sp.end..start]) => {
                        sp.end = end;
                        sp.score = sp.score.max(s[t]);
                    }
                    _ => {
                        out.extend(open.take());
                        open = Some(Span {
                            start,
                            end,
                            tag: t,
                            score: s[t],
                        });
                    }
                }
            } else {
                out.extend(open.take());
            }
        }
        out.extend(open);
    }
    out.sort_by_key(|s| (s.start, s.tag));
    out
}

/// A code: a part of a word (between hyphens) that mixes letters and digits over more
/// than five characters ("xk4471902", "nov2025"). Codes are the format table's to find,
/// with the keyword that names them; the tagger reads words ("52F", "3rd", "5C" and
/// "94-year-old" are words).
fn code(word: &str) -> bool {
    word.split(['-', '\'', '’']).any(|p| {
        p.len() > 5
            && p.bytes().any(|b| b.is_ascii_digit())
            && p.bytes().any(|b| b.is_ascii_alphabetic())
    })
}

fn joined(between: &str) -> bool {
    between.len() <= 3 && between.chars().all(|c| matches!(c, ' ' | '.' | ',' | '/' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_keep_two_of_a_run() {
        assert_eq!(shape("Wednesday"), shape("Wed"));
        assert_eq!(shape("52F"), shape("99M"));
        assert_ne!(shape("52F"), shape("52"));
        assert_ne!(shape("Lima"), shape("LIMA"));
    }

    #[test]
    fn ends_count_characters() {
        assert_eq!(ends("zoë", 3), ("zoë", "zoë"));
        assert_eq!(ends("renée", 3), ("ren", "née"));
        assert_eq!(ends("al", 3), ("al", "al"));
    }

    #[test]
    fn codes_are_not_words() {
        assert!(code("xk4471902") && code("nov2025") && code("ab-xk4471902"));
        assert!(!code("52F") && !code("3rd") && !code("5C") && !code("Weber") && !code("1932"));
        assert!(!code("94-year-old") && !code("52yo") && !code("P23-004417"));
    }

    #[test]
    fn every_word_gets_features() {
        let ctx = Context::new("Frau Weber in 5C was so sweet today, 91 and still flirting.");
        let f = features(&ctx);
        assert_eq!(f.len(), ctx.tokens.len());
        assert!(f.iter().all(|w| w.len() >= 15 && w.iter().all(|&x| (x as usize) < N_TAG)));
        // Same word, same neighbours: same features.
        let again = features(&Context::new("Frau Weber in 5C was so sweet today, 91 and still flirting."));
        assert_eq!(f, again);
    }
}
