//! `bedside train`, the span tagger: one logistic regression per tag over every word of the
//! corpus (a word is positive for a tag when a label of that category covers it), with the
//! same fixed order, folds and AdaGrad as the post model. Thresholds come from out-of-fold
//! scores: a word joins a finding at the lowest score whose findings are right at least
//! `MIN_PRECISION` of the time; a finding is high (not a tip) at the lowest score that
//! adds a medium or high finding to at most `HIGH_BUDGET` of the clean posts the gate does
//! not already alarm on.
//!
//! The record tagger (`train_record`) learns the same way from `tests/corpus/record/`, read
//! as record text (the line features), with folds by file; its threshold is where what it
//! adds to the rules' findings is right at least `RECORD_PRECISION` of the time.

use bedside_core::model::tagger::{self, Span, RECORD_TAGS, TAGS, TAG_ROW};
use bedside_core::model::TrainedTags;
use bedside_core::{Category, Scanner};

use crate::eval::Post;
use crate::train::{order, ratio, sigmoid, Sample, FOLDS};

const EPOCHS: usize = 3;
const RATE: f32 = 0.2;
const L2: f32 = 1e-5;
/// Out of fold, at least this share of the tagger's findings must cover a label of their
/// category (the rest are tips on words a reader would not mark).
const MIN_PRECISION: f64 = 0.5;
/// Of the clean posts where a tag finds something that nothing else in the post raised,
/// at most this share may get it at medium or high (out of fold). Counted among those
/// posts, not all clean posts: the corpus's identifier batches are full of clean posts
/// with a grandmother's age or a town (the hard negatives), and a share of every clean
/// post let the tag alarm on a sixth of them.
const HIGH_BUDGET: f64 = 0.02;
/// Thresholds are chosen among log-odds from -4 to 6 in steps of 0.25.
fn grid() -> impl Iterator<Item = f32> {
    (0..=40).map(|k| -4.0 + 0.25 * k as f32)
}

/// A post's words (byte spans) and the range of its tokens in [`Tokens`].
type PostWords = (Vec<(usize, usize)>, std::ops::Range<usize>);

/// Every word of the corpus: features (flattened), tags it carries, its post.
struct Tokens {
    features: Vec<u32>,
    offsets: Vec<u32>,
    y: Vec<u8>,
    post: Vec<u32>,
    words: Vec<PostWords>,
    /// Per post: the byte spans of its labels, per tag.
    labels: Vec<Vec<(usize, usize, usize)>>,
    /// Per post: the rules find it is about a patient.
    patient: Vec<bool>,
    /// Per word: a function word (not scored, not learned from).
    skip: Vec<bool>,
}

/// Every word of `posts` (read as record text when `record`), tagged with `cats`.
fn tokens(posts: &[&Post], cats: &[Category], record: bool) -> Tokens {
    let mut t = Tokens {
        features: Vec::new(),
        offsets: vec![0],
        y: Vec::new(),
        post: Vec::new(),
        words: Vec::new(),
        labels: Vec::new(),
        patient: Vec::new(),
        skip: Vec::new(),
    };
    for (p, post) in posts.iter().enumerate() {
        let text = &post.text;
        let w = tagger::words_as(text, record);
        // Each label's text where it first occurs and no label of its category sits.
        let mut labels: Vec<(usize, usize, usize)> = Vec::new();
        for l in &post.labels {
            let Some(tag) = cats.iter().position(|c| c.id() == l.category) else {
                continue;
            };
            let Some(lt) = l.text.as_deref().filter(|x| !x.is_empty()) else {
                continue;
            };
            let mut from = 0;
            while let Some(at) = text[from..].find(lt).map(|a| a + from) {
                let end = at + lt.len();
                if !labels
                    .iter()
                    .any(|&(s, e, t)| t == tag && s < end && at < e)
                {
                    labels.push((at, end, tag));
                    break;
                }
                from = at + text[at..].chars().next().map_or(1, |c| c.len_utf8());
            }
        }
        let first = t.y.len();
        for ((&(ws, we), f), skip) in w.spans.iter().zip(&w.features).zip(&w.skip) {
            let mut y = 0u8;
            for &(s, e, tag) in &labels {
                if s < we && ws < e {
                    y |= 1 << tag;
                }
            }
            t.features.extend_from_slice(f);
            t.offsets.push(t.features.len() as u32);
            t.y.push(y);
            t.post.push(p as u32);
            t.skip.push(*skip);
        }
        t.patient.push(w.patient);
        t.words.push((w.spans, first..t.y.len()));
        t.labels.push(labels);
    }
    t
}

struct Weights {
    bias: [f32; TAG_ROW],
    w: Vec<f32>,
}

impl Weights {
    fn scores(&self, f: &[u32]) -> [f32; TAG_ROW] {
        let mut s = self.bias;
        for &x in f {
            let row = &self.w[x as usize * TAG_ROW..x as usize * TAG_ROW + TAG_ROW];
            s.iter_mut().zip(row).for_each(|(s, w)| *s += w);
        }
        s
    }
}

fn fit(t: &Tokens, n: usize, keep: impl Fn(usize) -> bool) -> Weights {
    let mut m = Weights {
        bias: [0.0; TAG_ROW],
        w: vec![0.0; tagger::N_TAG * TAG_ROW],
    };
    let mut g_w = vec![1e-6f32; m.w.len()];
    let mut g_b = [1e-6f32; TAG_ROW];
    let rows: Vec<usize> = (0..t.y.len())
        .filter(|&i| !t.skip[i] && keep(t.post[i] as usize))
        .collect();
    for epoch in 0..EPOCHS {
        for k in order(rows.len(), 0x5eed_7a95 + epoch as u64) {
            let i = rows[k];
            let f = &t.features[t.offsets[i] as usize..t.offsets[i + 1] as usize];
            let s = m.scores(f);
            let mut g = [0f32; TAG_ROW];
            for o in 0..n {
                g[o] = sigmoid(s[o]) - (t.y[i] >> o & 1) as f32;
                g_b[o] += g[o] * g[o];
                m.bias[o] -= RATE * g[o] / g_b[o].sqrt();
            }
            for &x in f {
                let at = x as usize * TAG_ROW;
                for o in 0..n {
                    let gr = g[o] + L2 * m.w[at + o];
                    g_w[at + o] += gr * gr;
                    m.w[at + o] -= RATE * gr / g_w[at + o].sqrt();
                }
            }
        }
    }
    m
}

/// What a threshold choice gives out of fold, per tag.
#[derive(Default, Clone, Copy)]
struct Tally {
    labels: usize,
    found: usize,
    spans: usize,
    right: usize,
}

/// `rules`: per post, the rules' findings of the tag's category (spans over them are not
/// counted: the core adds none there), or `None` to count every span.
fn tally(
    t: &Tokens,
    texts: &[&str],
    scores: &[[f32; TAG_ROW]],
    tag: usize,
    th: f32,
    rules: Option<&[Vec<(usize, usize)>]>,
) -> Tally {
    let mut out = Tally::default();
    let mut threshold = [f32::MAX; TAG_ROW];
    threshold[tag] = th;
    for (p, (words, range)) in t.words.iter().enumerate() {
        let mut spans = tagger::spans(texts[p], words, &scores[range.clone()], &threshold);
        let ruled: &[(usize, usize)] = rules.map_or(&[], |r| &r[p]);
        spans.retain(|s| !ruled.iter().any(|r| s.start < r.1 && r.0 < s.end));
        let labels: Vec<&(usize, usize, usize)> =
            t.labels[p].iter().filter(|l| l.2 == tag).collect();
        out.labels += labels.len();
        out.found += labels
            .iter()
            .filter(|l| {
                spans.iter().any(|s| s.start < l.1 && l.0 < s.end)
                    || ruled.iter().any(|r| r.0 < l.1 && l.0 < r.1)
            })
            .count();
        out.spans += spans.len();
        out.right += spans
            .iter()
            .filter(|s| labels.iter().any(|l| s.start < l.1 && l.0 < s.end))
            .count();
    }
    out
}

/// Trains the tagger: out-of-fold thresholds, then weights from every post. `quiet` is
/// where a post's current worst finding (from the post model, out of fold) would leave it
/// below medium and the gate would not cap a tag's finding: with the rules finding it is
/// about a patient, the only posts a high tag can turn into a false alarm. Returns the
/// weights and a table of figures.
pub fn train(samples: &[Sample], quiet: &[bool]) -> (TrainedTags, String) {
    let posts: Vec<&Post> = samples.iter().map(|s| &s.post).collect();
    let texts: Vec<&str> = posts.iter().map(|p| p.text.as_str()).collect();
    let t = tokens(&posts, TAGS, false);
    let folds: Vec<usize> = samples.iter().map(|s| s.fold).collect();
    let scores = out_of_fold(&t, &folds, TAGS.len());
    let clean: Vec<usize> = (0..samples.len())
        .filter(|&p| samples[p].post.verdict == "clean")
        .collect();
    let mut report = format!(
        "{:<26} {:>7} {:>7} {:>9} {:>7} {:>9} {:>7}\n",
        "tagger (out of fold)", "labels", "recall", "findings", "precis.", "threshold", "high"
    );
    let mut out = TrainedTags::default();
    for (tag, c) in TAGS.iter().enumerate() {
        let (low, at) = grid()
            .map(|th| (th, tally(&t, &texts, &scores, tag, th, None)))
            .find(|(_, x)| x.spans > 0 && x.right as f64 >= MIN_PRECISION * x.spans as f64)
            .unwrap_or((f32::MAX, Tally::default()));
        // The clean, quiet posts' best score for this tag: a high threshold above all but
        // `budget` of them.
        let mut best: Vec<f32> = clean
            .iter()
            .filter(|&&p| quiet[p] && t.patient[p])
            .map(|&p| {
                let (words, range) = &t.words[p];
                let mut th = [f32::MAX; TAG_ROW];
                th[tag] = low;
                tagger::spans(texts[p], words, &scores[range.clone()], &th)
                    .iter()
                    .map(|s: &Span| s.score)
                    .fold(f32::NEG_INFINITY, f32::max)
            })
            .collect();
        best.retain(|b| b.is_finite());
        best.sort_by(|a, b| b.total_cmp(a));
        let budget = (best.len() as f64 * HIGH_BUDGET).floor() as usize;
        let high = grid()
            .filter(|&h| h >= low)
            .find(|&h| best.iter().filter(|&&b| b >= h).count() <= budget)
            .unwrap_or(f32::MAX);
        report.push_str(&format!(
            "{:<26} {:>7} {:>7.3} {:>9} {:>7.3} {:>9.2} {:>7.2}\n",
            c.id(),
            at.labels,
            ratio(at.found, at.labels),
            at.spans,
            ratio(at.right, at.spans),
            low,
            high
        ));
        out.threshold.push(low);
        out.high.push(high);
    }
    keep_weights(&mut out, &fit(&t, TAGS.len(), |_| true), TAGS.len());
    (out, report)
}

/// Out-of-fold log-odds of every word (`NEG_INFINITY` for words not scored).
fn out_of_fold(t: &Tokens, folds: &[usize], n: usize) -> Vec<[f32; TAG_ROW]> {
    let mut scores = vec![[0f32; TAG_ROW]; t.y.len()];
    for k in 0..FOLDS {
        let m = fit(t, n, |p| folds[p] != k);
        for i in (0..t.y.len()).filter(|&i| folds[t.post[i] as usize] == k) {
            scores[i] = if t.skip[i] {
                [f32::NEG_INFINITY; TAG_ROW]
            } else {
                m.scores(&t.features[t.offsets[i] as usize..t.offsets[i + 1] as usize])
            };
        }
    }
    scores
}

fn keep_weights(out: &mut TrainedTags, m: &Weights, n: usize) {
    for tag in 0..n {
        out.bias.push(m.bias[tag]);
        out.weights
            .push((0..tagger::N_TAG).map(|f| m.w[f * TAG_ROW + tag]).collect());
    }
}

/// Out of fold, what the record tagger adds to the rules' findings must be right at least
/// this share of the time (issue 14's precision target for record text).
const RECORD_PRECISION: f64 = 0.75;

/// Trains the record tagger on `records` (each with its fold). Thresholds are chosen on the
/// records where it runs (those that show a patient), counting only what it adds to the
/// rules; weights learn from every record. Returns the weights and a table of figures.
pub fn train_record(records: &[(Post, usize)], scanner: &Scanner) -> (TrainedTags, String) {
    let posts: Vec<&Post> = records.iter().map(|r| &r.0).collect();
    let folds: Vec<usize> = records.iter().map(|r| r.1).collect();
    let texts: Vec<&str> = posts.iter().map(|p| p.text.as_str()).collect();
    let t = tokens(&posts, RECORD_TAGS, true);
    let scores = out_of_fold(&t, &folds, RECORD_TAGS.len());
    let ruled: Vec<Option<Vec<(Category, usize, usize)>>> =
        texts.iter().map(|x| scanner.record_rules(x)).collect();
    let mut report = format!(
        "{:<26} {:>7} {:>7} {:>7} {:>9} {:>7} {:>9}\n",
        "record tagger (oof)", "labels", "rules", "+tagger", "added", "precis.", "threshold"
    );
    let mut out = TrainedTags::default();
    for (tag, c) in RECORD_TAGS.iter().enumerate() {
        // Records where the tagger runs: the others (read as posts) are covered whole by
        // one ruled span, so the tagger adds nothing there, and their labels (all "found")
        // are taken off the counts below as `hidden`.
        let rules: Vec<Vec<(usize, usize)>> = ruled
            .iter()
            .map(|r| {
                r.as_ref().map_or(vec![(0, usize::MAX)], |r| {
                    r.iter().filter(|d| d.0 == *c).map(|d| (d.1, d.2)).collect()
                })
            })
            .collect();
        let shown: Vec<usize> = (0..posts.len()).filter(|&p| ruled[p].is_some()).collect();
        let labels: usize = shown
            .iter()
            .map(|&p| t.labels[p].iter().filter(|l| l.2 == tag).count())
            .sum();
        let hidden: usize = (0..posts.len())
            .filter(|&p| ruled[p].is_none())
            .map(|p| t.labels[p].iter().filter(|l| l.2 == tag).count())
            .sum();
        let base = tally(&t, &texts, &scores, tag, f32::MAX, Some(&rules));
        let (th, at) = grid()
            .map(|th| (th, tally(&t, &texts, &scores, tag, th, Some(&rules))))
            .find(|(_, x)| x.spans > 0 && x.right as f64 >= RECORD_PRECISION * x.spans as f64)
            .unwrap_or((f32::MAX, base));
        report.push_str(&format!(
            "{:<26} {:>7} {:>7.3} {:>7.3} {:>9} {:>7.3} {:>9.2}\n",
            c.id(),
            labels,
            ratio(base.found - hidden, labels),
            ratio(at.found - hidden, labels),
            at.spans,
            ratio(at.right, at.spans),
            th
        ));
        out.threshold.push(th);
        out.high.push(th);
    }
    keep_weights(
        &mut out,
        &fit(&t, RECORD_TAGS.len(), |_| true),
        RECORD_TAGS.len(),
    );
    (out, report)
}
