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
use crate::words::StaticSet;
use crate::Category;

/// The categories the tagger finds, in the order of its weight rows.
pub const TAGS: &[Category] = &[
    Category::PhiName,
    Category::PhiLocation,
    Category::PhiDate,
    Category::PhiAge,
];
/// The categories the record tagger finds (record mode, `Model::tag_record`). Dates are
/// left to the rules, which find nearly all of a record's (their formats are written out);
/// rooms are not, as a board writes them bare ("12B  HARRIS").
pub const RECORD_TAGS: &[Category] = &[
    Category::PhiName,
    Category::PhiLocation,
    Category::PhiRoom,
    Category::PhiAge,
];
/// Where both lists keep the name tag: a word with a digit is never a name ("zqs2", "Pt2"),
/// whatever its score (`spans`).
const NAME: usize = 0;
/// Where both lists keep the place tag: a state, province, country or continent is never a
/// place ("a pt from Texas", "from New Mexico"), whatever its score (`spans`).
const PLACE: usize = 1;
/// Where both lists keep the age tag: a word with four digits or more is never an age
/// ("62704" after a town is a ZIP code) unless it is a year (a birth year tells an age),
/// whatever its score (`spans`).
const AGE: usize = 3;
/// A weight row holds one i8 per tag; four fit one 32-bit load.
pub const TAG_ROW: usize = 4;
const _: () = assert!(TAGS.len() <= TAG_ROW && RECORD_TAGS.len() <= TAG_ROW);

/// Hashed features share 2^16 buckets (256 KB of i8 rows).
pub const TAG_BITS: u32 = 16;
pub const N_TAG: usize = 1 << TAG_BITS;

/// One word's features: indices into the `N_TAG` buckets (a few may repeat).
pub type TokenFeatures = Vec<u32>;

/// A feature's bucket: the value's hash and the feature's kind, by multiplicative hashing
/// (the top bits of one multiply; a scan computes about twenty per word).
#[inline]
fn mix(kind: u32, h: u32) -> u32 {
    (h ^ kind.wrapping_mul(0x85eb_ca6b))
        .wrapping_mul(0x9e37_79b1)
        .rotate_left(TAG_BITS)
        & (N_TAG as u32 - 1)
}

/// The shape of a word: upper-case letters `X`, lower-case `x`, digits `d`, anything else
/// itself, with runs longer than two cut to two ("Wednesday" and "Wed" are both "Xxx",
/// "52F" is "ddX"), hashed.
fn shape(word: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let (mut last, mut run) = (0u32, 0);
    let mut add = |s: u32| {
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= 2 {
            h = (h ^ s).wrapping_mul(0x0100_0193);
        }
    };
    if word.is_ascii() {
        // A run of one class is hashed once, or twice when it is two bytes or longer:
        // what `add` does byte by byte, at a table lookup and a comparison a byte.
        let b = word.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let s = SHAPE[b[i] as usize];
            let mut j = i + 1;
            while j < b.len() && SHAPE[b[j] as usize] == s {
                j += 1;
            }
            add(s as u32);
            if j - i >= 2 {
                add(s as u32);
            }
            i = j;
        }
    } else {
        for c in word.chars() {
            add(if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else {
                c
            } as u32);
        }
    }
    h
}

/// Each ASCII byte's shape class: `X`, `x`, `d`, or the byte itself.
const SHAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            c => c,
        };
        b += 1;
    }
    t
};

/// The first and the last `n` characters of `w`.
fn ends(w: &str, n: usize) -> (&str, &str) {
    if w.is_ascii() {
        return (&w[..n.min(w.len())], &w[w.len().saturating_sub(n)..]);
    }
    let head = w.char_indices().nth(n).map_or(w, |(i, _)| &w[..i]);
    let tail = w
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(w, |(i, _)| &w[i..]);
    (head, tail)
}

/// The punctuation between two words (at most three characters), or a line break, hashed.
/// One pass over the (mostly one-byte) gap: a `memchr` call per word cost more.
fn gap(text: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut taken = 0;
    for b in text.bytes() {
        if b == b'\n' {
            return fnv1a(b"\n");
        }
        if taken < 3 && !b.is_ascii_whitespace() {
            h = (h ^ b as u32).wrapping_mul(0x0100_0193);
            taken += 1;
        }
    }
    h
}

/// What every word's features are made of, computed once per post.
pub(crate) struct Reading {
    words: Vec<u32>,
    shapes: Vec<u32>,
    /// Hashes of the first and the last three characters.
    ends: Vec<(u32, u32)>,
    /// Punctuation before word i (the last: after the last word).
    gaps: Vec<u32>,
    kinds: Vec<u64>,
    /// Per word: bit 0 census first name, 1 census surname, 2 town, 3 not a common word,
    /// 4 its sentence is about a patient, 5 the post is.
    flags: Vec<u8>,
    /// Per word: not scored (a function word, a word for a patient, a lower-case common
    /// word); it is still read as a neighbour, and may bridge a span.
    pub(crate) skip: Vec<bool>,
    /// Record text only (empty for a post): per word, where it sits on its line.
    lines: Vec<Line>,
}

/// Where a word of record text sits on its line: a board or label writes a detail after
/// its field's name ("Pt: HARRIS, Mary", "Rm 12"), or alone on a line of its own.
#[derive(Clone, Copy, Default)]
struct Line {
    /// Its place on the line (0 the first word), at most 3.
    at: u32,
    /// The word before the last colon before it on the line (a field's name), or 0.
    key: u32,
    /// Its place after that colon (0 the first word; with no colon, after the line's
    /// start), at most 3.
    since: u32,
    /// The line's first word.
    first: u32,
    /// The line's words (at most 4) and whether its letters are all upper case.
    form: u32,
}

impl Reading {
    pub(crate) fn new(ctx: &Context) -> Reading {
        let toks = &ctx.tokens;
        let n = toks.len();
        let mut r = Reading {
            words: Vec::with_capacity(n),
            shapes: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
            gaps: Vec::with_capacity(n + 1),
            kinds: vec![0u64; n],
            flags: Vec::with_capacity(n),
            skip: Vec::with_capacity(n),
            lines: Vec::new(),
        };
        let (names, family, places) = (first_names(), surnames(), towns());
        let mut prev_end = 0;
        for (t, word) in toks.iter().zip(super::features::words(ctx)) {
            let w = &ctx.lower[t.start..t.end];
            let h = word.hash;
            r.words.push(h);
            r.shapes.push(shape(&ctx.text[t.start..t.end]));
            r.gaps.push(gap(&ctx.text[prev_end..t.start]));
            prev_end = t.end;
            let common = word.vector.is_some();
            let plain = !t.cap && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'');
            // Scored: words written with a capital, a digit or a letter outside ASCII, and
            // words the vectors do not know. A lower-case common word is a neighbour only:
            // out of fold, not scoring them found more (name 0.767 -> 0.797, place 0.667 ->
            // 0.716, age 0.881 -> 0.907 at the same precision) for 4% fewer instructions.
            // The cheap test first: most function words are lower-case common words.
            let skip = (common && plain) || function_word(w);
            r.skip.push(skip);
            if skip {
                // Only a neighbour: its word and shape are all that is read of it.
                r.ends.push((0, 0));
                r.flags.push(0);
                continue;
            }
            let (head, tail) = ends(w, 3);
            r.ends
                .push((fnv1a(head.as_bytes()), fnv1a(tail.as_bytes())));
            // The census and town lists are asked only about words the word vectors do not
            // know: a common word ("will", "grace") is read by itself.
            let mut f = 0u8;
            if !common {
                f |= 8;
                f |= names.contains(w) as u8;
                f |= (family.contains(w) as u8) << 1;
                f |= (places.contains(&crate::lexicon::fold_place(w)) as u8) << 2;
            }
            f |= ((ctx.sent_patient.get(t.sentence) == Some(&true)) as u8) << 4;
            f |= (ctx.patient_post as u8) << 5;
            r.flags.push(f);
        }
        r.gaps.push(gap(&ctx.text[prev_end..]));
        if ctx.record {
            r.lines = lines(ctx, &r.words);
        }
        // The lexicon's kinds over each word.
        for h in &ctx.hits {
            let first = toks.partition_point(|t| t.end <= h.start);
            for (k, t) in r.kinds[first..].iter_mut().zip(&toks[first..]) {
                if t.start >= h.end {
                    break;
                }
                *k |= h.kinds;
            }
        }
        r
    }

    /// Word `i`'s features, each an index into the `N_TAG` buckets (a few may repeat).
    #[inline]
    pub(crate) fn features(&self, i: usize, mut f: impl FnMut(u32)) {
        let n = self.words.len();
        let start = 0x5bd1_e995u32;
        let at = |v: &[u32], j: usize, d: isize| -> u32 {
            let k = j as isize + d;
            if k < 0 || k as usize >= n {
                start
            } else {
                v[k as usize]
            }
        };
        let w = self.words[i];
        f(mix(0, 0));
        f(mix(1, w));
        f(mix(2, self.shapes[i]));
        f(mix(3, self.ends[i].0));
        f(mix(4, self.ends[i].1));
        f(mix(5, at(&self.words, i, -1)));
        f(mix(6, at(&self.words, i, 1)));
        f(mix(7, at(&self.words, i, -2)));
        f(mix(8, at(&self.words, i, 2)));
        f(mix(9, at(&self.shapes, i, -1)));
        f(mix(10, at(&self.shapes, i, 1)));
        f(mix(11, at(&self.words, i, -1) ^ w.rotate_left(7)));
        f(mix(12, w ^ at(&self.words, i, 1).rotate_left(7)));
        f(mix(13, self.gaps[i]));
        f(mix(14, self.gaps[i + 1]));
        let mut k = self.kinds[i];
        while k != 0 {
            f(mix(15, k.trailing_zeros()));
            k &= k - 1;
        }
        let mut b = self.flags[i];
        while b != 0 {
            f(mix(16, b.trailing_zeros()));
            b &= b - 1;
        }
        // Record text: the line's layout (a post's features stop above).
        if let Some(l) = self.lines.get(i) {
            f(mix(17, l.at));
            f(mix(18, l.key ^ l.since.rotate_left(11)));
            f(mix(19, l.key));
            f(mix(20, if l.at == 0 { 0 } else { l.first }));
            f(mix(21, l.form));
            f(mix(22, l.form ^ self.shapes[i].rotate_left(5)));
        }
    }
}

/// Each word's place on its line of record text (`Line`).
fn lines(ctx: &Context, words: &[u32]) -> Vec<Line> {
    let toks = &ctx.tokens;
    let mut out = vec![Line::default(); toks.len()];
    let mut begin = 0;
    let mut prev_end = 0;
    let mut key = (0u32, 0usize);
    for i in 0..=toks.len() {
        let between = toks.get(i).map_or("\n", |t| &ctx.text[prev_end..t.start]);
        if i > 0 && between.contains('\n') {
            // Close the line begun at `begin`.
            let caps = ctx.text[toks[begin].start..toks[i - 1].end]
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
            let form = ((i - begin).min(4) as u32) | (caps as u32) << 3;
            for l in &mut out[begin..i] {
                l.first = words[begin];
                l.form = form;
            }
            begin = i;
            key = (0, i);
        }
        let Some(t) = toks.get(i) else { break };
        if i > begin && between.contains(':') {
            key = (words[i - 1], i);
        }
        out[i].at = (i - begin).min(3) as u32;
        out[i].key = key.0;
        out[i].since = (i - key.1).min(3) as u32;
        prev_end = t.end;
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
    /// Per word: the tagger does not score it (`Reading::skip`).
    pub skip: Vec<bool>,
}

pub fn words(text: &str) -> Words {
    words_as(text, false)
}

/// The words of `text` read as a post, or as record text (`Context::as_record`, which adds
/// the line features).
pub fn words_as(text: &str, record: bool) -> Words {
    // Record text is read through its OCR-confusable view, as `Scanner::scan_record` reads it.
    let view = if record {
        crate::ocr::view(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let mut ctx = Context::new(&view);
    if record {
        ctx.as_record();
    }
    let r = Reading::new(&ctx);
    Words {
        spans: ctx.tokens.iter().map(|t| (t.start, t.end)).collect(),
        features: (0..ctx.tokens.len())
            .map(|i| {
                let mut v = Vec::with_capacity(24);
                r.features(i, |x| v.push(x));
                v
            })
            .collect(),
        patient: ctx.patient_post,
        skip: r.skip,
    }
}

/// Joins adjacent words (`words`, byte spans in `text`) whose score for a tag passes its
/// threshold into spans. `scores[i][t]` is word i's log-odds for tag t; a word never scored
/// (`NEG_INFINITY`: `Reading::skip`) between two that pass joins them ("Walmart on 4th",
/// "Ana de la Cruz"), at most two in a row.
pub fn spans(
    text: &str,
    words: &[(usize, usize)],
    scores: &[[f32; TAG_ROW]],
    threshold: &[f32],
) -> Vec<Span> {
    let n = TAGS.len().min(threshold.len());
    let mut out: Vec<Span> = Vec::new();
    let mut open: [Option<Span>; TAG_ROW] = [None; TAG_ROW];
    // Per tag: the end of the last word read into the open span (bridged function words
    // included), and how many function words in a row it bridged.
    let mut last = [0usize; TAG_ROW];
    let mut bridged = [0usize; TAG_ROW];
    for (&(start, end), s) in words.iter().zip(scores) {
        for t in 0..n {
            // The common case: nothing open and the word does not pass.
            if open[t].is_none() && s[t] < threshold[t] {
                continue;
            }
            let linked = open[t].is_some() && joined(&text[last[t]..start]);
            if s[t] == f32::NEG_INFINITY && linked && bridged[t] < 2 {
                bridged[t] += 1;
                last[t] = end;
                continue;
            }
            bridged[t] = 0;
            let word = &text[start..end];
            let digits = word.bytes().filter(u8::is_ascii_digit).count();
            let year = digits == 4 && ["18", "19", "20"].iter().any(|y| word.starts_with(y));
            let impossible = t == NAME && digits > 0 || t == AGE && digits > 3 && !year;
            if s[t] >= threshold[t] && !code(word) && !impossible {
                match &mut open[t] {
                    Some(sp) if linked => {
                        sp.end = end;
                        sp.score = sp.score.max(s[t]);
                    }
                    o => {
                        out.extend(o.take());
                        *o = Some(Span {
                            start,
                            end,
                            tag: t,
                            score: s[t],
                        });
                    }
                }
                last[t] = end;
            } else {
                out.extend(open[t].take());
            }
        }
    }
    out.extend(open.into_iter().flatten());
    out.retain(|s| s.tag != PLACE || !region(text, s.start, s.end));
    out.sort_by_key(|s| (s.start, s.tag));
    out
}

/// Whether `text[start..end]` names only states, provinces, countries or continents ("Texas",
/// "Ontario, Canada"), the first with the word before it if need be ("Mexico" in "New
/// Mexico").
fn region(text: &str, start: usize, end: usize) -> bool {
    let regions = crate::lexicon::regions();
    let fold = |s: &str| crate::lexicon::fold_place(&s.to_lowercase()).replace('.', "");
    let before = text[..start].trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    text[start..end]
        .split([',', '/', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
        .all(|(i, p)| {
            let name = fold(p);
            regions.contains(&name)
                || i == 0 && !word.is_empty() && regions.contains(&format!("{} {name}", fold(word)))
        })
}

/// Function words, and the words for a patient: never a name, a place, a date or an age by
/// themselves ("pt" in "pt idq7z88123" is nobody's name), and about two words in five of a
/// post. The tagger does not score them (they still count as the neighbours of words it
/// scores).
pub fn function_word(w: &str) -> bool {
    static SET: StaticSet = StaticSet::new(FUNCTION_WORDS);
    SET.contains(w)
}

const FUNCTION_WORDS: &[&str] = &[
    "pt",
    "pts",
    "pt's",
    "patient",
    "patients",
    "patient's",
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "then",
    "than",
    "that",
    "this",
    "these",
    "those",
    "there",
    "here",
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "it",
    "its",
    "they",
    "them",
    "their",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "in",
    "on",
    "at",
    "to",
    "of",
    "for",
    "from",
    "with",
    "by",
    "as",
    "into",
    "onto",
    "about",
    "over",
    "under",
    "up",
    "down",
    "out",
    "off",
    "through",
    "between",
    "after",
    "before",
    "during",
    "until",
    "since",
    "is",
    "am",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "do",
    "does",
    "did",
    "have",
    "has",
    "had",
    "can",
    "could",
    "would",
    "should",
    "shall",
    "might",
    "must",
    "not",
    "no",
    "just",
    "very",
    "too",
    "also",
    "all",
    "some",
    "any",
    "each",
    "every",
    "much",
    "many",
    "more",
    "most",
    "such",
    "like",
    "got",
    "get",
    "i'm",
    "it's",
    "don't",
    "can't",
    "i've",
    "i'll",
    "you're",
    "we're",
    "they're",
    "that's",
    "what's",
    "lol",
];

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
    between.len() <= 3
        && between
            .chars()
            .all(|c| matches!(c, ' ' | '.' | ',' | '/' | '-'))
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
    fn shapes_by_runs_match_byte_by_byte() {
        // The byte-by-byte reading `shape` replaced: the weights were learned from it.
        let reference = |w: &str| {
            let (mut h, mut last, mut run) = (0x811c_9dc5u32, 0u32, 0);
            for b in w.bytes() {
                let s = SHAPE[b as usize] as u32;
                run = if s == last { run + 1 } else { 1 };
                last = s;
                if run <= 2 {
                    h = (h ^ s).wrapping_mul(0x0100_0193);
                }
            }
            h
        };
        for w in [
            "",
            "a",
            "Wednesday",
            "52F",
            "ICU",
            "o'brien",
            "A1b2",
            "x--y",
            "aaBB99",
        ] {
            assert_eq!(shape(w), reference(w), "{w}");
        }
    }

    #[test]
    fn gaps_hash_a_line_break_or_three_marks() {
        let reference = |t: &str| {
            if t.contains('\n') {
                return fnv1a(b"\n");
            }
            let mut h: u32 = 0x811c_9dc5;
            for b in t.bytes().filter(|b| !b.is_ascii_whitespace()).take(3) {
                h = (h ^ b as u32).wrapping_mul(0x0100_0193);
            }
            h
        };
        for t in [
            "", " ", ", ", " (", "...!? ", " - \n", "\n", "), \"", "\t;\r",
        ] {
            assert_eq!(gap(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn ends_count_characters() {
        assert_eq!(ends("zoë", 3), ("zoë", "zoë"));
        assert_eq!(ends("renée", 3), ("ren", "née"));
        assert_eq!(ends("al", 3), ("al", "al"));
    }

    /// The texts of the spans of `tag` over `words` with these scores, at thresholds of 0.
    fn tagged<'a>(
        text: &'a str,
        words: &[(usize, usize)],
        scores: &[[f32; TAG_ROW]],
        tag: usize,
    ) -> Vec<&'a str> {
        spans(text, words, scores, &[0.0; TAG_ROW])
            .iter()
            .filter(|s| s.tag == tag)
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn names_have_no_digits() {
        assert_eq!(TAGS[NAME], Category::PhiName);
        assert_eq!(RECORD_TAGS[NAME], Category::PhiName);
        let text = "zqs2 met Rosa";
        let words = [(0, 4), (5, 8), (9, 13)];
        let sure = [[9.0f32; TAG_ROW]; 3];
        assert_eq!(tagged(text, &words, &sure, NAME), ["met Rosa"]);
    }

    #[test]
    fn ages_have_at_most_three_digits_or_a_year() {
        assert_eq!(TAGS[AGE], Category::PhiAge);
        assert_eq!(RECORD_TAGS[AGE], Category::PhiAge);
        let text = "Springfield 62704 aged 102 4471 born 1931";
        let words = [
            (0, 11),
            (12, 17),
            (18, 22),
            (23, 26),
            (27, 31),
            (32, 36),
            (37, 41),
        ];
        let sure = [[9.0f32; TAG_ROW]; 7];
        assert_eq!(
            tagged(text, &words, &sure, AGE),
            ["Springfield", "aged 102", "born 1931"]
        );
    }

    #[test]
    fn states_and_countries_are_not_places() {
        assert_eq!(TAGS[PLACE], Category::PhiLocation);
        assert_eq!(RECORD_TAGS[PLACE], Category::PhiLocation);
        let text = "pt from Texas, New Mexico, Ontario and Mudgee";
        let words = [(8, 13), (15, 18), (19, 25), (27, 34), (39, 45)];
        let mut sure = [[f32::NEG_INFINITY; TAG_ROW]; 5];
        for (w, s) in sure.iter_mut().enumerate() {
            // "Mexico" alone, after a "New" the tagger did not take.
            s[PLACE] = if w == 1 { -9.0 } else { 9.0 };
        }
        assert_eq!(tagged(text, &words, &sure, PLACE), ["Mudgee"]);
    }

    #[test]
    fn codes_are_not_words() {
        assert!(code("xk4471902") && code("nov2025") && code("ab-xk4471902"));
        assert!(!code("52F") && !code("3rd") && !code("5C") && !code("Weber") && !code("1932"));
        assert!(!code("94-year-old") && !code("52yo") && !code("P23-004417"));
    }

    #[test]
    fn every_word_gets_features() {
        let text = "Frau Weber in 5C was so sweet today, 91 and still flirting.";
        let w = words(text);
        assert_eq!(w.features.len(), Context::new(text).tokens.len());
        assert!(w
            .features
            .iter()
            .all(|f| f.len() >= 15 && f.iter().all(|&x| (x as usize) < N_TAG)));
        // Same word, same neighbours: same features.
        assert_eq!(w.features, words(text).features);
    }

    #[test]
    fn record_text_adds_line_features_after_a_posts() {
        let text = "BED 4\nPt: HARRIS, Mary\nDOB 02/03/1941";
        let (post, record) = (words(text), words_as(text, true));
        for (p, r) in post.features.iter().zip(&record.features) {
            // Record text is every sentence a patient's, so the flags may differ; the
            // post's features before them are the same.
            assert_eq!(p[..15], r[..15]);
            assert!(r.len() >= p.len() + 6);
        }
        let r = Reading::new(&{
            let mut c = Context::new(text);
            c.as_record();
            c
        });
        // "Mary" is the second word after "Pt:" on the second line.
        let mary = 4;
        assert_eq!((r.lines[mary].at, r.lines[mary].since), (2, 1));
        assert_eq!(r.lines[mary].key, fnv1a(b"pt"));
    }
}
