//! What the model reads about a span of a post: hashed words, word pairs and the character
//! 3- to 5-grams of each word (which carry a misspelt, slangy or inflected word to what the
//! corpus taught), the rules' evidence (lexicon kinds, rule findings, patient references)
//! and the word vectors pooled three ways (mean, max, min).
//! The same code builds training examples (`bedside train`) and scores posts, so the two
//! can never disagree.

use crate::context::{Context, RefStrength};
use crate::model::vectors;
use crate::rules::Draft;
use crate::{Category, Severity};

/// Hashed word, word-pair and character n-gram features share 2^17 buckets. Out of fold on
/// 19,653 posts, hold recall at 5% / 2% false alarms: 2^13 0.747 / 0.466, 2^16 0.789 /
/// 0.509, 2^17 0.801 / 0.534, 2^18 0.810 / 0.542, with every medium category 5-20 points up
/// (fewer collisions between the char n-grams of unrelated words). 2^17 (2.0 MB, 1.5 MB
/// gzipped) keeps most of the gain at half the memory each tab holds and fewer cache
/// misses per scan than 2^18. The weights are a model file outside the `.wasm`
/// (`model::install`).
pub const HASH_BITS: u32 = 17;
pub const N_HASH: usize = 1 << HASH_BITS;
/// One feature per lexicon kind bit.
const N_KIND: usize = 64;
/// One feature per (rule category, severity).
const N_RULE: usize = 3 * 40;
/// Patient references, length and other counts.
const N_EXTRA: usize = 16;
/// Evidence features follow the hashed ones.
pub const EVIDENCE: usize = N_HASH;
pub const N_SPARSE: usize = N_HASH + N_KIND + N_RULE + N_EXTRA;
/// The value of an evidence feature. Hashed features are scaled to unit length per span
/// (a long post weighs no more than a short one); against them, evidence at 0.2 held the
/// most posts out of fold (0.2, 0.5: 0.665, 0.655 at 2% false alarms).
pub const EVIDENCE_VALUE: f32 = 0.2;
/// The word vectors of a span are pooled three ways, each a block of the dense features:
/// their mean, then each dimension's largest and smallest value. A mean blurs one strong
/// word into many plain ones; the max and min keep it ("useless" among a dozen neutral
/// words). Out of fold (31,653 posts), hold recall at 5% / 2% false alarms: mean alone
/// 0.817 / 0.641; mean and max 0.812 / 0.675; mean, max and min 0.819 / 0.674, with the
/// medium categories a little up (coworker 0.371 -> 0.392, at_work 0.365 -> 0.380).
/// A hidden layer over these and the evidence (16-64 ReLU units feeding every output,
/// trained jointly) was tried and not kept: no output's average precision rose (hold 0.945
/// throughout; claims 0.876 fell to 0.858-0.876) and the gate traded holds for reviews
/// (0.799-0.813 at 5%).
pub const POOLS: usize = 3;

/// Dense features of a span: [`POOLS`] blocks of the vectors' dimensions.
pub fn dense_dims() -> usize {
    POOLS * vectors::dims()
}

/// Character n-grams of a word, with spaces at its ends (" ward ", "ward", "ard "...).
const CHAR_GRAMS: std::ops::RangeInclusive<usize> = 3..=5;

/// One example: the indices of its features (distinct; hashed ones first, in the order the
/// text gives them, then evidence ones in order), the value every hashed
/// feature takes (evidence features take [`EVIDENCE_VALUE`]) and its pooled vectors
/// ([`POOLS`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Example {
    pub sparse: Vec<u32>,
    pub norm: f32,
    pub dense: Vec<f32>,
    /// Words (with a letter) in the span.
    pub words: usize,
    /// The worst of the rules' findings over the span (not detectors' or the user's terms).
    pub worst: Option<Severity>,
}

/// FNV-1a, 32 bits: small, fast on short words and easy to reproduce in the vector build
/// script (`scripts/build-vectors.mjs` uses the same function for its lookup table).
pub fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

thread_local! {
    static SEEN: std::cell::Cell<Option<Box<Seen>>> = const { std::cell::Cell::new(None) };
}

/// One bit per hashed feature. A fixed size, so indexing it with a feature (masked to
/// `N_HASH`) needs no bounds check in the innermost loop.
type Seen = [u64; N_HASH / 64];

fn mix(a: u32, b: u32) -> u32 {
    let mut h = a ^ b.rotate_left(16).wrapping_mul(0x9e37_79b1);
    h ^= h >> 15;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^ (h >> 13)
}

/// Words longer than this (with their two padding spaces) give no character n-grams.
const MAX_PADDED: usize = 64;

/// The hashed features of the character n-grams of `w` padded with a space at each end,
/// in order: per start, its 3-, 4- and 5-gram (as far as the padded word goes). FNV-1a
/// extends byte by byte, so each start's grams come from one running hash (the same
/// values as hashing each gram alone). This is the innermost loop of a scan (a
/// 3,000-character post has about 6,000 grams): the starts with all three grams share one
/// fixed body, and the last two starts are written out, because an inner loop of one to
/// three grams per start ended in a branch the CPU mispredicted about once a word.
#[inline]
fn grams(w: &[u8], mut f: impl FnMut(u32)) {
    const _: () = assert!(*CHAR_GRAMS.start() == 3 && *CHAR_GRAMS.end() == 5);
    let mut padded = [b' '; MAX_PADDED];
    let n = w.len() + 2;
    padded[1..n - 1].copy_from_slice(w);
    let padded = &padded[..n];
    let step = |g: u32, b: u8| (g ^ b as u32).wrapping_mul(0x0100_0193);
    let gram = |g: u32| mix(g, 0x6772_616d) & (N_HASH as u32 - 1);
    // The first two bytes of every gram from `i`.
    let start = |i: usize| step(step(0x811c_9dc5, padded[i]), padded[i + 1]);
    for i in 0..n.saturating_sub(4) {
        let g3 = step(start(i), padded[i + 2]);
        let g4 = step(g3, padded[i + 3]);
        let g5 = step(g4, padded[i + 4]);
        f(gram(g3));
        f(gram(g4));
        f(gram(g5));
    }
    // The last two starts: a 3- and a 4-gram, then a 3-gram.
    if n >= 4 {
        let g3 = step(start(n - 4), padded[n - 2]);
        f(gram(g3));
        f(gram(step(g3, padded[n - 1])));
    }
    if n >= 3 {
        f(gram(step(start(n - 3), padded[n - 1])));
    }
}

/// A token of the post as the model reads it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// FNV-1a of the lower-cased word.
    pub hash: u32,
    pub vector: Option<&'static [u8]>,
    /// The index of the token where the same word first occurs in the post.
    pub first: u32,
}

/// Each token's [`Word`], found once per post (`Context::words` keeps them) for the
/// features and the tagger. About half the words of a post are repeats ("the",
/// "patient"): they copy their first occurrence's vector, found by open addressing on the
/// word's hash (the word itself compared), where a vector lookup would search the much
/// larger vocabulary again. The table stops taking words at half full, so a long post's
/// later new words are simply looked up.
pub(crate) fn words<'c>(ctx: &'c Context) -> &'c [Word] {
    ctx.words.get_or_init(|| {
        const SLOTS: usize = 2048;
        // Token index + 1, 0 empty.
        let mut slots = [0u16; SLOTS];
        let mut taken = 0;
        let lower = ctx.lower.as_bytes();
        let word = |i: usize| &lower[ctx.tokens[i].start..ctx.tokens[i].end];
        let mut out: Vec<Word> = Vec::with_capacity(ctx.tokens.len());
        for i in 0..ctx.tokens.len() {
            let w = word(i);
            let hash = fnv1a(w);
            let mut slot = hash as usize % SLOTS;
            let seen = loop {
                match slots[slot] as usize {
                    0 => break None,
                    j if out[j - 1].hash == hash && word(j - 1) == w => break Some(j - 1),
                    _ => slot = (slot + 1) % SLOTS,
                }
            };
            out.push(match seen {
                Some(j) => out[j],
                None => {
                    if taken < SLOTS / 2 && i < u16::MAX as usize {
                        slots[slot] = i as u16 + 1;
                        taken += 1;
                    }
                    Word {
                        hash,
                        vector: vectors::lookup(w, hash),
                        first: i as u32,
                    }
                }
            });
        }
        out
    })
}

/// Features of the byte span `[from, to)` of the post, given the rules' drafts so far.
pub(crate) fn extract(ctx: &Context, drafts: &[Draft], from: usize, to: usize) -> Example {
    // At most 5 hashed features per byte of the span (a word of n bytes has 2 word
    // features and at most 3n grams) and N_HASH distinct ones: room for all of them, so
    // pushing never reallocates.
    let mut sparse: Vec<u32> = Vec::with_capacity(N_HASH.min(5 * to.saturating_sub(from)) + 64);
    // Hashed features are kept distinct with a bitmap as they come: sorting a long post's
    // ten thousand character n-grams cost more than scoring them. The bitmap (16 KB) is
    // kept between calls and cleared after each span (below).
    let mut seen = SEEN.take().unwrap_or_else(|| Box::new([0; N_HASH / 64]));
    // Pushed, then taken back if seen: whether a gram was seen is a coin toss, and a
    // branch on it was mispredicted about once in three grams.
    let mut push = |sparse: &mut Vec<u32>, f: u32| {
        let (w, b) = (f as usize / 64, f % 64);
        let old = seen[w] >> b & 1;
        seen[w] |= 1 << b;
        sparse.push(f);
        sparse.truncate(sparse.len() - old as usize);
    };
    let dims = vectors::dims();
    // Vectors are summed as integers, then scaled once: the same values as summing their
    // bytes as floats (whole numbers, exact in an f32 up to 2^24 = 127 times 132,000
    // words), without a conversion per byte.
    let mut summed = vec![0i32; dims];
    let mut high = vec![i32::MIN; dims];
    let mut low = vec![i32::MAX; dims];
    let mut pooled = 0u32;
    let mut prev: u32 = fnv1a(b"<s>");
    let first = ctx.tokens.partition_point(|t| t.start < from);
    let mut words = 0usize;
    let post = self::words(ctx);
    for (i, t) in ctx.tokens.iter().enumerate().skip(first) {
        if t.end > to {
            break;
        }
        let w = &ctx.lower.as_bytes()[t.start..t.end];
        let Word {
            hash: h, vector, ..
        } = post[i];
        push(&mut sparse, h & (N_HASH as u32 - 1));
        push(&mut sparse, mix(prev, h) & (N_HASH as u32 - 1));
        prev = h;
        // A word met before in the span has its grams in `sparse` already: pushing them
        // again would change nothing. (One met only before the span, or past the repeat
        // table's capacity, has them pushed again, to the same effect.)
        let repeat = (first..i).contains(&(post[i].first as usize));
        if !repeat && w.len() + 2 <= MAX_PADDED {
            grams(w, |g| push(&mut sparse, g));
        }
        // Words have a letter: a run of numbers is not prose the model learned from.
        words += w.iter().any(|c| c.is_ascii_alphabetic() || *c >= 0x80) as usize;
        if let Some(v) = vector {
            let pools = summed.iter_mut().zip(high.iter_mut()).zip(low.iter_mut());
            for (((s, h), l), x) in pools.zip(v) {
                let x = *x as i8 as i32;
                *s += x;
                *h = (*h).max(x);
                *l = (*l).min(x);
            }
            pooled += 1;
        }
    }
    let k = if pooled > 0 {
        vectors::scale() / pooled as f32
    } else {
        0.0
    };
    // A span without a vector pools to zeros in every block.
    const _: () = assert!(POOLS == 3, "mean, max, min");
    let unit = if pooled > 0 { vectors::scale() } else { 0.0 };
    let mut dense: Vec<f32> = Vec::with_capacity(POOLS * dims);
    dense.extend(summed.iter().map(|&d| d as f32 * k));
    dense.extend(high.iter().map(|&d| d as f32 * unit));
    dense.extend(low.iter().map(|&d| d as f32 * unit));
    let hashed = sparse.len();
    // A span with as many features as the bitmap has words (a post of a few thousand
    // characters) has set bits in most of them: zeroing it whole is then quicker than a
    // random write per feature.
    if hashed >= seen.len() {
        seen.fill(0);
    } else {
        for &f in &sparse {
            seen[f as usize / 64] = 0;
        }
    }
    SEEN.set(Some(seen));
    let norm = if hashed == 0 {
        0.0
    } else {
        1.0 / (hashed as f32).sqrt()
    };
    // Lexicon kinds of the span.
    let mut kinds = 0u64;
    for h in ctx.hits_in(from, to, u64::MAX) {
        kinds |= h.kinds;
    }
    for b in 0..N_KIND {
        if kinds >> b & 1 != 0 {
            sparse.push((EVIDENCE + b) as u32);
        }
    }
    // The rules' findings over the span (organisation patterns and the user's terms are
    // configuration, not evidence).
    let mut worst = None;
    for d in drafts {
        if d.detector.is_some() || d.category == Category::CustomTerm {
            continue;
        }
        if d.start < to && from < d.end {
            worst = worst.max(Some(d.severity));
            let k = d.category as usize * 3 + d.severity as usize;
            if k < N_RULE {
                sparse.push((EVIDENCE + N_KIND + k) as u32);
            }
        }
    }
    let extra = EVIDENCE + N_KIND + N_RULE;
    let (mut strong, mut weak) = (0, 0);
    for r in ctx.refs.iter().filter(|r| r.start < to && from < r.end) {
        match r.strength {
            RefStrength::Strong => strong += 1,
            RefStrength::Weak => weak += 1,
        }
    }
    if strong > 0 {
        sparse.push((extra) as u32);
    }
    if strong > 1 {
        sparse.push((extra + 1) as u32);
    }
    if weak > 0 {
        sparse.push((extra + 2) as u32);
    }
    if ctx.patient_post {
        sparse.push((extra + 3) as u32);
    }
    // Whose story, in a post that refers to no patient (`Context::whose`): the writer's
    // family, the writer's own, a placeholder value among the rules' findings, news.
    if ctx.whose.family {
        sparse.push((extra + 11) as u32);
    }
    if ctx.whose.own {
        sparse.push((extra + 12) as u32);
    }
    if strong == 0 && weak == 0 && crate::rules::whose::has_placeholder(ctx, drafts, from, to) {
        sparse.push((extra + 13) as u32);
    }
    if ctx.whose.news {
        sparse.push((extra + 14) as u32);
    }
    // Length: 0-3, 4-7, ... words, up to 128 and more (log2 buckets).
    let len = (usize::BITS - (words >> 2).leading_zeros()).min(6) as usize;
    sparse.push((extra + 4 + len) as u32);
    // Always on: a bias the regulariser shrinks.
    sparse.push((extra + 15) as u32);
    // Evidence features follow the hashed ones, distinct and in order.
    let mut evidence = sparse.split_off(hashed);
    evidence.sort_unstable();
    evidence.dedup();
    sparse.extend(evidence);
    Example {
        sparse,
        norm,
        dense,
        words,
        worst,
    }
}
