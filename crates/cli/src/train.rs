//! `bedside train`: learns the core's decision layer from the corpus, deterministically.
//!
//! One logistic regression per model output (L2, AdaGrad, a fixed number of passes in a
//! fixed order; clean posts weigh `CLEAN_WEIGHT` times more in the hold and flag outputs)
//! over the features `Scanner::evidence` gives. Thresholds come from
//! out-of-fold scores: the corpus is split into folds by file (each batch was written
//! apart, so a fold's posts are new wording to the others). Each category's threshold is
//! the one with the best F2 (`CATEGORY_BETA`; F4 for the weak workplace and conduct ones,
//! `WEAK_BETA`); the gate's two thresholds (hold, flag) are
//! the pair that holds the most posts that must be held while at most 5% of clean posts get
//! a medium or high finding, simulated with the core's own `decide_scores`. The span
//! taggers (`train_tags.rs`) and the record gate (`train_gate.rs`, does record text show a
//! patient) learn after the post model. `--check` retrains and compares with the committed
//! file.

use std::time::Instant;

use bedside_core::model::{
    self, decide_scores, gate_cap, short_limit, Example, Output, Trained, EVIDENCE_VALUE, FLAG,
    HOLD, MIN_WORDS, N_HASH, N_SPARSE, OUTPUTS, PATIENT_DETAILS, SHORT_WORDS,
};
use bedside_core::model::{TrainedGate, TrainedTags};
use bedside_core::{Category, Config, Scanner, Severity};

use crate::args::TrainArgs;
use crate::eval::{load, Post};

/// The committed weights, relative to the repository root.
pub const MODEL_FILE: &str = "crates/core/data/model.bin";
/// The word vectors `scripts/build-vectors.mjs` writes; training copies them into the weights.
pub const VECTORS_FILE: &str = "crates/core/data/vectors.bin";
pub(crate) const FOLDS: usize = 5;
const EPOCHS: usize = 8;
const RATE: f32 = 0.2;
/// Chosen on out-of-fold hold recall at 2% false alarms (1e-4, 3e-4, 1e-3: 0.623, 0.624,
/// 0.628; 16 passes or a rate of 0.5 did no better).
const L2: f32 = 1e-3;
/// How much more a clean post counts than another in the hold and flag outputs' loss (its
/// gradient there is multiplied by this). The gate is judged on clean posts alarmed against
/// posts to hold held, but with equal weights a post to review (a negative for hold) counts
/// as much as a clean one, and the scores spend their ranking on telling holds from reviews.
/// Trained without round 14 (or 13) and scored on it, weights 1, 2, 3 held 0.787, 0.792,
/// 0.795 (0.736, 0.731, 0.736) at the learned gate, and at 2% of the held-out clean posts
/// alarmed 0.668, 0.685, 0.701 (0.649, 0.682, 0.695); out of fold at 2%: 0.662, 0.674,
/// 0.677 (tests/corpus/README.md, session 15).
const CLEAN_WEIGHT: f32 = 3.0;
/// At most this share of clean posts may get a medium or high finding (out of fold). Issue
/// 12 asks for 2%, but at 2% the gate holds 0.61 of the posts to hold out of fold against
/// 0.78 at 5%, and on 1,800 posts written later and scored before training (t28-t33) 0.47
/// against 0.66, where the rules-plus-additions core it replaced held 0.52 at 6.3% false
/// alarms. 5% keeps that core's false-alarm rate and holds more; `bedside train` prints
/// what each budget would hold.
const MAX_FALSE_ALARM: f64 = 0.05;
/// What a post to review that gets a review is worth against a post to hold that is held,
/// when the gate's thresholds are chosen. At 0 the gate spends the whole false-alarm budget
/// on holds and workplace and conduct posts go unflagged; out of fold (10,853 posts), 0,
/// 0.3, 0.6 and 1 hold 0.767, 0.763, 0.740, 0.722 and flag 0.574, 0.641, 0.669, 0.690 of
/// the posts that need a finding (coworker recall 0.115, 0.256, 0.340, 0.405).
const REVIEW_WEIGHT: f64 = 0.3;
/// How much more a category's recall counts than its precision when its threshold is
/// chosen (F-beta). A category is shown only within the gate's cap, so a lower threshold
/// never changes a post's verdict or the false alarms: it names more of the risks of a post
/// that is held or flagged anyway, at the cost of some wrong names. Out of fold (33,253
/// posts), F1 -> F2: coworker recall 0.466 -> 0.518 (precision 0.669 -> 0.544), employer
/// 0.525 -> 0.586, at_work 0.423 -> 0.512, venting 0.326 -> 0.382, unprofessional 0.398 ->
/// 0.464, case.recognizable 0.828 -> 0.861 (0.627 -> 0.594); hold recall 0.814 at 0.050
/// false alarms either way.
const CATEGORY_BETA: f64 = 2.0;
/// The same for the medium workplace and conduct categories issue 12 names as weakest
/// (`weak`), which the gate shows only on flagged or held posts, so a lower threshold costs
/// wrong names there and no false alarm. Held out (tests/corpus/README.md, session 16) F2
/// -> F4: their pooled recall at the gate 0.528 -> 0.567 (round 15), 0.465 -> 0.513 (round
/// 14), out of fold 0.529 -> 0.588, hold recall and false alarms unchanged.
const WEAK_BETA: f64 = 4.0;
/// The eight workplace and conduct categories issue 12 names as weakest.
const WEAK: [Category; 8] = [
    Category::WorkplaceCoworker,
    Category::WorkplaceEmployer,
    Category::WorkplaceConfidential,
    Category::WorkplaceAtWork,
    Category::WorkplaceVenting,
    Category::ConductControversial,
    Category::ConductUnprofessional,
    Category::ConductClaims,
];
/// Whether output `o` is one of the [`WEAK`] categories.
fn weak(o: usize) -> bool {
    matches!(OUTPUTS[o], Output::Category(c) if WEAK.contains(&c))
}

/// The shares of clean posts' scores the gate's thresholds are chosen among (the top
/// 20%, in steps of 0.25%).
const GATE_STEPS: usize = 80;

/// The training corpus: every batch, the repository's own lists and the shared dev set.
pub fn corpus_files() -> Result<Vec<String>, String> {
    let dir = "tests/corpus/train";
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {dir} (run from the repository root): {e}"))?
        .filter_map(|e| e.ok())
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".jsonl"))
        .collect();
    files.sort();
    files.extend(
        [
            "tests/corpus/risky.jsonl",
            "tests/corpus/clean.jsonl",
            "../shared/corpus/dev.jsonl",
        ]
        .map(String::from),
    );
    Ok(files)
}

/// The record texts the record tagger and gate learn from: every file of
/// `tests/corpus/record/`, sorted.
pub(crate) fn record_files() -> Result<Vec<String>, u8> {
    let dir = "tests/corpus/record";
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| {
            eprintln!("bedside: cannot read {dir} (run from the repository root): {e}");
            4
        })?
        .filter_map(|e| e.ok())
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".jsonl"))
        .collect();
    files.sort();
    Ok(files)
}

/// The records of `files`, each with its fold (by file: its place in the list).
pub(crate) fn records_of(files: &[&String]) -> Result<Vec<(Post, usize)>, u8> {
    let mut out = Vec::new();
    for (i, f) in files.iter().enumerate() {
        out.extend(load(f)?.into_iter().map(|p| (p, i % FOLDS)));
    }
    Ok(out)
}

/// One post ready to learn from.
pub struct Sample {
    pub post: Post,
    /// The corpus file it came from (its index in the list `samples` was given).
    pub file: usize,
    pub fold: usize,
    pub example: Example,
    /// The rules' findings outside the model's categories.
    pub rules: Vec<(bedside_core::Category, Severity, bool)>,
    /// Per output: the rules found its category at medium or high: the worst severity.
    pub ruled: Vec<Option<Severity>>,
    pub y: Vec<bool>,
}

fn labels_of(p: &Post) -> Vec<bool> {
    OUTPUTS
        .iter()
        .map(|o| match o {
            Output::Category(c) => p.labels.iter().any(|l| l.category == c.id()),
            Output::Hold => p.verdict == "hold",
            Output::Flag => p.verdict != "clean",
        })
        .collect()
}

/// Loads the corpus and computes every post's features.
pub fn samples(files: &[String]) -> Result<Vec<Sample>, u8> {
    let scanner = Scanner::new(Config::default()).map_err(|e| {
        eprintln!("bedside: {e}");
        5
    })?;
    let mut out = Vec::new();
    for (i, f) in files.iter().enumerate() {
        for post in load(f)? {
            let ev = scanner.evidence(&post.text);
            out.push(Sample {
                y: labels_of(&post),
                file: i,
                fold: i % FOLDS,
                ruled: OUTPUTS
                    .iter()
                    .map(|o| match o {
                        Output::Category(c) => ev.ruled.iter().find(|r| r.0 == *c).map(|r| r.1),
                        _ => None,
                    })
                    .collect(),
                example: ev.example,
                rules: ev.rules,
                post,
            });
        }
    }
    Ok(out)
}

/// A sparse feature's value in `ex` (as the core's `Model::scores` and
/// `Model::record_score` read it).
pub(crate) fn value(ex: &Example, f: u32) -> f32 {
    if (f as usize) < N_HASH {
        ex.norm
    } else {
        EVIDENCE_VALUE
    }
}

/// `a / b`, NaN when there is nothing to divide by (printed as such).
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

pub(crate) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Weights in training layout: per feature, one weight per output.
struct Weights {
    dims: usize,
    bias: Vec<f32>,
    sparse: Vec<f32>,
    dense: Vec<f32>,
}

impl Weights {
    fn scores(&self, ex: &Example) -> Vec<f32> {
        let n = OUTPUTS.len();
        let mut s = self.bias.clone();
        for &f in &ex.sparse {
            let x = value(ex, f);
            let row = &self.sparse[f as usize * n..f as usize * n + n];
            s.iter_mut().zip(row).for_each(|(s, w)| *s += w * x);
        }
        for (d, &x) in ex.dense.iter().enumerate() {
            let row = &self.dense[d * n..d * n + n];
            s.iter_mut().zip(row).for_each(|(s, w)| *s += w * x);
        }
        s
    }
}

/// A fixed pseudo-random order (xorshift), so training never depends on anything outside.
pub(crate) fn order(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut x = seed | 1;
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

fn fit(samples: &[&Sample], dims: usize) -> Weights {
    let n = OUTPUTS.len();
    let mut w = Weights {
        dims,
        bias: vec![0.0; n],
        sparse: vec![0.0; N_SPARSE * n],
        dense: vec![0.0; dims * n],
    };
    let mut g_sparse = vec![1e-6f32; N_SPARSE * n];
    let mut g_dense = vec![1e-6f32; dims * n];
    let mut g_bias = vec![1e-6f32; n];
    for epoch in 0..EPOCHS {
        for i in order(samples.len(), 0x9e37_79b9 + epoch as u64) {
            let s = samples[i];
            let scores = w.scores(&s.example);
            let clean = s.post.verdict == "clean";
            let g: Vec<f32> = (0..n)
                .map(|o| {
                    let g = sigmoid(scores[o]) - if s.y[o] { 1.0 } else { 0.0 };
                    if clean && (o == HOLD || o == FLAG) {
                        g * CLEAN_WEIGHT
                    } else {
                        g
                    }
                })
                .collect();
            for o in 0..n {
                g_bias[o] += g[o] * g[o];
                w.bias[o] -= RATE * g[o] / g_bias[o].sqrt();
            }
            for &f in &s.example.sparse {
                let at = f as usize * n;
                let x = value(&s.example, f);
                for (o, go) in g.iter().enumerate() {
                    let k = at + o;
                    let gr = go * x + L2 * w.sparse[k];
                    g_sparse[k] += gr * gr;
                    w.sparse[k] -= RATE * gr / g_sparse[k].sqrt();
                }
            }
            for (d, &x) in s.example.dense.iter().enumerate() {
                let at = d * n;
                for (o, go) in g.iter().enumerate() {
                    let k = at + o;
                    let gr = go * x + L2 * w.dense[k];
                    g_dense[k] += gr * gr;
                    w.dense[k] -= RATE * gr / g_dense[k].sqrt();
                }
            }
        }
    }
    w
}

/// Out-of-fold scores: each post scored by the model trained without its fold.
fn out_of_fold(samples: &[Sample], dims: usize) -> Vec<Vec<f32>> {
    let mut scores = vec![Vec::new(); samples.len()];
    for k in 0..FOLDS {
        let train: Vec<&Sample> = samples.iter().filter(|s| s.fold != k).collect();
        let w = fit(&train, dims);
        for (i, s) in samples.iter().enumerate().filter(|(_, s)| s.fold == k) {
            scores[i] = w.scores(&s.example);
        }
    }
    scores
}

fn long(s: &Sample) -> bool {
    s.example.words >= MIN_WORDS
}

/// A post the model may raise but not cap (`SHORT_WORDS`).
fn short(s: &Sample) -> bool {
    (SHORT_WORDS..MIN_WORDS).contains(&s.example.words)
}

/// The gate's thresholds: (hold, flag) for posts of `MIN_WORDS` and more, and for short
/// posts.
#[derive(Clone, Copy)]
pub struct Gate {
    pub long: (f32, f32),
    pub short: (f32, f32),
}

impl Gate {
    /// The gate of thresholds `t` (long posts') and `short`.
    fn of(t: &[f32], short: (f32, f32)) -> Gate {
        Gate {
            long: (t[HOLD], t[FLAG]),
            short,
        }
    }
}

/// The most severe finding the gate cannot cap: format identifiers and everything else
/// outside the model's categories and the patient details.
fn hard(s: &Sample) -> Option<Severity> {
    s.rules
        .iter()
        .filter(|(c, _, pinned)| *pinned || !PATIENT_DETAILS.contains(c))
        .map(|r| r.1)
        .max()
}

/// The rules alone, as the core leaves a short post.
fn rules_alone(s: &Sample) -> Option<Severity> {
    s.rules
        .iter()
        .map(|r| r.1)
        .chain(s.ruled.iter().flatten().copied())
        .max()
}

/// The post's worst severity with gate thresholds `g` (the gate always shows a finding at
/// its cap: `decide_scores`; it raises a short post but never caps it).
fn verdict(s: &Sample, scores: &[f32], g: Gate) -> Option<Severity> {
    if short(s) {
        let cap = gate_cap(scores, g.short.0, g.short.1).min(short_limit(s.example.worst));
        return rules_alone(s).max(Some(cap));
    }
    if !long(s) {
        return rules_alone(s);
    }
    hard(s).max(Some(gate_cap(scores, g.long.0, g.long.1)))
}

/// Every output's threshold from out-of-fold scores, and the gate's for short posts.
pub fn thresholds(samples: &[Sample], scores: &[Vec<f32>]) -> (Vec<f32>, (f32, f32)) {
    let n = OUTPUTS.len();
    let mut t = vec![f32::MAX; n];
    // Categories: the threshold with the best F-beta among the posts the model decides.
    for (o, out) in OUTPUTS.iter().enumerate() {
        if !matches!(out, Output::Category(_)) {
            continue;
        }
        let mut r: Vec<usize> = (0..samples.len()).filter(|&i| long(&samples[i])).collect();
        r.sort_by(|&a, &b| scores[b][o].total_cmp(&scores[a][o]).then(a.cmp(&b)));
        let total = r.iter().filter(|&&i| samples[i].y[o]).count();
        let (mut hits, mut best) = (0usize, 0f64);
        for (k, &i) in r.iter().enumerate() {
            hits += samples[i].y[o] as usize;
            // F-beta: (1 + b²) tp / ((1 + b²) tp + b² fn + fp), with k + 1 = tp + fp.
            let beta = if weak(o) { WEAK_BETA } else { CATEGORY_BETA };
            let b2 = beta * beta;
            let f = (1.0 + b2) * hits as f64 / ((k + 1) as f64 + b2 * total as f64);
            let next = r.get(k + 1).map(|&j| scores[j][o]);
            if f > best && next.is_none_or(|x| x < scores[i][o]) {
                best = f;
                t[o] = next.map_or(scores[i][o], |x| (scores[i][o] + x) / 2.0);
            }
        }
    }
    let g = gates(samples, scores, MAX_FALSE_ALARM);
    t[HOLD] = g.1.long.0;
    t[FLAG] = g.1.long.1;
    (t, g.1.short)
}

/// The gate for `budget`: first short posts' thresholds, at most `budget` of short clean
/// posts alarmed (or what the rules alone alarm), then long posts' with the whole corpus
/// within `budget`: (posts held, gate).
fn gates(samples: &[Sample], scores: &[Vec<f32>], budget: f64) -> (usize, Gate) {
    let never = (f32::MAX, f32::MAX);
    let sh = gate(samples, scores, budget, None).map_or(never, |g| (g.1, g.2));
    let long = gate(samples, scores, budget, Some(sh));
    (
        long.map_or(0, |g| g.0),
        Gate {
            long: long.map_or(never, |g| (g.1, g.2)),
            short: sh,
        },
    )
}

/// The gate's thresholds (hold, flag) that hold the most posts that must be held (and flag
/// the most to review, at `REVIEW_WEIGHT`) while at most `budget` of clean posts get a
/// medium or high finding: (held, thresholds). With `short` the long posts' thresholds,
/// over the whole corpus (short posts judged with `short`); without, short posts' among
/// short posts.
fn gate(
    samples: &[Sample],
    scores: &[Vec<f32>],
    budget: f64,
    short_gate: Option<(f32, f32)>,
) -> Option<(usize, f32, f32)> {
    let (h, f) = (HOLD, FLAG);
    let never = (f32::MAX, f32::MAX);
    let of = |th: f32, tf: f32| match short_gate {
        Some(sh) => Gate {
            long: (th, tf),
            short: sh,
        },
        None => Gate {
            long: never,
            short: (th, tf),
        },
    };
    let group: Vec<usize> = (0..samples.len())
        .filter(|&i| short_gate.is_some() || short(&samples[i]))
        .collect();
    let clean: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&i| samples[i].post.verdict == "clean")
        .collect();
    if clean.is_empty() {
        return None;
    }
    // Short posts: the model never lowers the rules' findings, so their alarms stay.
    let floor = clean
        .iter()
        .filter(|&&i| {
            verdict(&samples[i], &scores[i], of(f32::MAX, f32::MAX)) >= Some(Severity::Medium)
        })
        .count();
    let budget = ((clean.len() as f64 * budget).floor() as usize).max(floor);
    let candidates = |o: usize| -> Vec<f32> {
        let mut v: Vec<f32> = clean.iter().map(|&i| scores[i][o]).collect();
        v.sort_by(|a, b| a.total_cmp(b));
        let mut c: Vec<f32> = (0..=GATE_STEPS)
            .map(|k| {
                let q = 1.0 - 0.0025 * k as f64;
                let at = ((v.len() as f64 * q) as usize).min(v.len() - 1);
                v[at] + 1e-6
            })
            .collect();
        c.push(f32::MAX);
        c.dedup();
        c
    };
    let holds: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&i| samples[i].post.verdict == "hold")
        .collect();
    let reviews: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&i| samples[i].post.verdict == "review")
        .collect();
    let mut best: Option<((f64, usize), usize, f32, f32)> = None;
    for &th in &candidates(h) {
        for &tf in &candidates(f) {
            let alarms = clean
                .iter()
                .filter(|&&i| {
                    verdict(&samples[i], &scores[i], of(th, tf)) >= Some(Severity::Medium)
                })
                .count();
            if alarms > budget {
                continue;
            }
            let held = holds
                .iter()
                .filter(|&&i| verdict(&samples[i], &scores[i], of(th, tf)) == Some(Severity::High))
                .count();
            let reviewed = reviews
                .iter()
                .filter(|&&i| {
                    verdict(&samples[i], &scores[i], of(th, tf)) >= Some(Severity::Medium)
                })
                .count();
            let key = (
                held as f64 + REVIEW_WEIGHT * reviewed as f64,
                usize::MAX - alarms,
            );
            if best.as_ref().is_none_or(|b| key > b.0) {
                best = Some((key, held, th, tf));
            }
        }
    }
    best.map(|(_, held, th, tf)| (held, th, tf))
}

/// Posts to hold and how many were held; clean posts and how many got a medium or high
/// finding.
#[derive(Default)]
struct Gated {
    holds: usize,
    held: usize,
    clean: usize,
    alarms: usize,
}

impl Gated {
    fn add(&mut self, s: &Sample, worst: Option<Severity>) {
        if s.post.verdict == "hold" {
            self.holds += 1;
            self.held += (worst == Some(Severity::High)) as usize;
        }
        if s.post.verdict == "clean" {
            self.clean += 1;
            self.alarms += (worst >= Some(Severity::Medium)) as usize;
        }
    }
}

/// Post-level figures for thresholds `t`.
pub struct Summary {
    pub holds: usize,
    pub held: f64,
    pub clean: usize,
    pub alarms: usize,
    /// Per output: labelled posts, found among them, flagged.
    pub found: Vec<(usize, usize, usize)>,
}

pub fn summary(samples: &[Sample], scores: &[Vec<f32>], t: &[f32], sh: (f32, f32)) -> Summary {
    let mut g = Gated::default();
    let n = OUTPUTS.len();
    let gt = Gate::of(t, sh);
    let mut ts = t.to_vec();
    (ts[HOLD], ts[FLAG]) = sh;
    let mut found = vec![(0usize, 0usize, 0usize); n];
    for (i, s) in samples.iter().enumerate() {
        let worst = verdict(s, &scores[i], gt);
        let d = if long(s) {
            Some(decide_scores(t, &scores[i], |o| s.ruled[o]))
        } else if short(s) {
            // A short post: the rules' findings stand; the model's only when it raises.
            let limit = short_limit(s.example.worst);
            let mut sc = scores[i].clone();
            if limit < Severity::High {
                sc[HOLD] = f32::NEG_INFINITY;
            }
            let mut d = decide_scores(&ts, &sc, |o| s.ruled[o]);
            if d.cap == Severity::Low || limit == Severity::Low {
                d.categories.clear();
            }
            d.cap = Severity::High;
            Some(d)
        } else {
            None
        };
        for o in 0..n {
            let got = match (&d, OUTPUTS[o]) {
                (Some(d), Output::Category(_)) => {
                    d.categories.contains(&o)
                        || s.ruled[o].is_some_and(|r| r.min(d.cap) >= Severity::Medium)
                }
                (None, Output::Category(_)) => s.ruled[o].is_some(),
                (_, Output::Hold) => worst == Some(Severity::High),
                (_, Output::Flag) => worst >= Some(Severity::Medium),
            };
            found[o].0 += s.y[o] as usize;
            found[o].1 += (s.y[o] && got) as usize;
            found[o].2 += got as usize;
        }
        g.add(s, worst);
    }
    Summary {
        holds: g.holds,
        held: g.held as f64 / g.holds.max(1) as f64,
        clean: g.clean,
        alarms: g.alarms,
        found,
    }
}

/// The best hold recall at other false-alarm budgets: what the chosen budget costs.
fn tradeoff(samples: &[Sample], scores: &[Vec<f32>]) -> String {
    let holds = samples.iter().filter(|s| s.post.verdict == "hold").count();
    let mut out = String::from("hold recall if the budget were");
    for budget in [0.02, 0.05, 0.10] {
        let held = gates(samples, scores, budget).0;
        out.push_str(&format!(
            " {:.0}%: {:.3}",
            budget * 100.0,
            held as f64 / holds.max(1) as f64
        ));
    }
    out.push('\n');
    out
}

/// Out-of-fold figures, as `bedside eval` prints them for a scanner (post level: a
/// category counts as found when the post gets it at medium or high).
pub fn figures(samples: &[Sample], scores: &[Vec<f32>], t: &[f32], sh: (f32, f32)) -> String {
    let f = summary(samples, scores, t, sh);
    let found = &f.found;
    let mut out = format!(
        "{:<26} {:>7} {:>7} {:>9} {:>7} {:>9}\n",
        "output (out of fold)", "labels", "recall", "flagged", "precis.", "threshold"
    );
    for (o, out_) in OUTPUTS.iter().enumerate() {
        let (l, f, y) = found[o];
        out.push_str(&format!(
            "{:<26} {:>7} {:>7.3} {:>9} {:>7.3} {:>9}\n",
            out_.name(),
            l,
            ratio(f, l),
            y,
            ratio(f, y),
            shown(t[o]),
        ));
    }
    out.push_str(&format!(
        "hold recall           {:.3} (of {})\nfalse alarms on clean {:.3} ({}/{})\n",
        f.held,
        f.holds,
        ratio(f.alarms, f.clean),
        f.alarms,
        f.clean
    ));
    out.push_str(&format!(
        "short posts ({SHORT_WORDS}-{} words): hold {}, flag {}\n",
        MIN_WORDS - 1,
        shown(sh.0),
        shown(sh.1)
    ));
    out.push_str(&tradeoff(samples, scores));
    out.push_str(&by_length(samples, scores, Gate::of(t, sh)));
    out
}

/// Hold recall and false alarms by post length (words with a letter): short posts are
/// many in the world and few in the corpus.
fn by_length(samples: &[Sample], scores: &[Vec<f32>], g: Gate) -> String {
    let mut out = String::from("by length (words): held / false alarms");
    for (lo, hi) in [(0, 5), (5, 15), (15, 40), (40, 80), (80, usize::MAX)] {
        let mut gated = Gated::default();
        for (s, sc) in samples.iter().zip(scores) {
            if (lo..hi).contains(&s.example.words) {
                gated.add(s, verdict(s, sc, g));
            }
        }
        let hi = if hi == usize::MAX {
            "".into()
        } else {
            (hi - 1).to_string()
        };
        out.push_str(&format!(
            " {lo}-{hi}: {}/{}, {}/{};",
            gated.held, gated.holds, gated.alarms, gated.clean
        ));
    }
    out.pop();
    out.push('\n');
    out
}

fn shown(t: f32) -> String {
    if t == f32::MAX {
        "never".into()
    } else {
        format!("{t:.3}")
    }
}

/// The out-of-fold figures of the training corpus, as `bedside train` computes them (for
/// `bedside eval`, so the gap between in-sample and honest figures is visible).
pub fn out_of_fold_figures() -> Result<String, u8> {
    let files = corpus_files().map_err(|e| {
        eprintln!("bedside: {e}");
        4
    })?;
    let samples = samples(&files)?;
    let dims = samples.first().map_or(0, |s| s.example.dense.len());
    let scores = out_of_fold(&samples, dims);
    let (t, sh) = thresholds(&samples, &scores);
    Ok(figures(&samples, &scores, &t, sh))
}

/// Average precision of `score` for finding the posts where `positive` holds: the mean,
/// over the positives, of the precision among the posts scored at least as high (ties
/// counted pessimistically). NaN with no positives.
pub(crate) fn average_precision(score: &[f32], positive: &[bool]) -> f64 {
    let mut r: Vec<usize> = (0..score.len()).collect();
    r.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let total = positive.iter().filter(|&&p| p).count();
    let (mut sum, mut hits, mut k) = (0f64, 0usize, 0usize);
    while k < r.len() {
        // A run of tied scores is one step: every positive in it gets the precision at its
        // end.
        let mut end = k;
        while end + 1 < r.len() && score[r[end + 1]] == score[r[k]] {
            end += 1;
        }
        let found = r[k..=end].iter().filter(|&&i| positive[i]).count();
        hits += found;
        sum += found as f64 * hits as f64 / (end + 1) as f64;
        k = end + 1;
    }
    if total == 0 {
        f64::NAN
    } else {
        sum / total as f64
    }
}

/// The file name of corpus file `path` (without its directory).
fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
}

/// The corpus file `path`'s name starts with one of `prefixes`.
pub(crate) fn held_out(path: &str, prefixes: &[String]) -> bool {
    let name = file_name(path);
    prefixes.iter().any(|p| name.starts_with(p.as_str()))
}

/// A held-out set's figures: hold recall and false alarms at the gate learned without it,
/// the hold score's average precision, and the hold recall a gate chosen on the held-out
/// posts themselves would reach at 2% and 5% false alarms (how well the scores rank).
fn held_figures(samples: &[Sample], scores: &[Vec<f32>], t: &[f32], sh: (f32, f32)) -> String {
    let f = summary(samples, scores, t, sh);
    let hold: Vec<f32> = scores.iter().map(|s| s[HOLD]).collect();
    let positive: Vec<bool> = samples.iter().map(|s| s.post.verdict == "hold").collect();
    let at = |budget| gates(samples, scores, budget).0 as f64 / f.holds.max(1) as f64;
    format!(
        "hold recall {:.3} (of {}), false alarms {:.3} ({}/{}); hold AP {:.3}; hold recall at 2%: {:.3}, at 5%: {:.3}",
        f.held,
        f.holds,
        ratio(f.alarms, f.clean),
        f.alarms,
        f.clean,
        average_precision(&hold, &positive),
        at(0.02),
        at(0.05)
    )
}

/// Each category's recall at the gate (`summary`'s found among labelled, with the
/// labelled count), for the held-out table: the categories are what the gate names.
fn category_recalls(samples: &[Sample], scores: &[Vec<f32>], t: &[f32], sh: (f32, f32)) -> String {
    let f = summary(samples, scores, t, sh);
    let mut out = String::from("categories");
    for (o, (labels, found, _)) in f.found.iter().enumerate().take(HOLD) {
        if *labels > 0 {
            out.push_str(&format!(
                " {} {:.2} ({labels})",
                OUTPUTS[o].name(),
                ratio(*found, *labels)
            ));
        }
    }
    out
}

/// `bedside train --hold-out`: per held-out set, trains on the other files as `bedside
/// train` does (out-of-fold thresholds, then weights from all of them), scores the held-out
/// posts and prints their figures and category recalls beside the training files'
/// out-of-fold ones. A set that
/// names record files (`tests/corpus/record/`, `record_files`) also leaves those out of
/// the record tagger and gate, learned with everything else the set leaves in, and prints
/// the held-out records' figures as `--record` would find them (`hold_records.rs`). Writes
/// nothing. Held-out files are whole rounds by writers whose other posts are not in
/// training, so unlike the out-of-fold figures (folds mix a writer's batches) they measure
/// what new writers would see.
pub fn hold_out(
    files: &[String],
    record_files: &[String],
    sets: &[Vec<String>],
    vectors: &[u8],
) -> Result<String, u8> {
    for set in sets {
        let posts = files.iter().filter(|f| held_out(f, set)).count();
        let records = record_files.iter().filter(|f| held_out(f, set)).count();
        let all_records = !record_files.is_empty() && records == record_files.len();
        if (posts == 0 && records == 0) || posts == files.len() || all_records {
            eprintln!(
                "bedside: --hold-out {} leaves nothing to hold out or nothing to train on",
                set.join(",")
            );
            return Err(3);
        }
    }
    let mut all = samples(files)?;
    let dims = all.first().map_or(0, |s| s.example.dense.len());
    let mut out = String::new();
    for set in sets {
        let (held, rest): (Vec<Sample>, Vec<Sample>) =
            all.into_iter().partition(|s| held_out(&files[s.file], set));
        if !held.is_empty() {
            out.push_str(&held_posts(files, set, &held, &rest, dims, vectors));
        }
        let (out_records, in_records): (Vec<&String>, Vec<&String>) =
            record_files.iter().partition(|f| held_out(f, set));
        if !out_records.is_empty() {
            let training = records_of(&in_records)?;
            let trained = learn(&rest, &training, vectors, &mut |_| {})?;
            let learned = model::decode(&model::encode(&trained, vectors)).map_err(|e| {
                eprintln!("bedside: the weights just learned do not decode: {e}");
                5
            })?;
            let names: Vec<&str> = out_records.iter().map(|f| file_name(f)).collect();
            let records: Vec<Post> = records_of(&out_records)?.into_iter().map(|r| r.0).collect();
            out.push_str(&format!(
                "held out records {} ({} records from {}; training on {} records)\n",
                set.join(","),
                records.len(),
                names.join(" "),
                training.len()
            ));
            out.push_str(&crate::hold_records::figures(&records, &learned)?);
        }
        all = rest.into_iter().chain(held).collect();
        all.sort_by_key(|s| s.file);
    }
    Ok(out)
}

/// The post figures of one held-out set (`held`), trained on `rest`.
fn held_posts(
    files: &[String],
    set: &[String],
    held: &[Sample],
    rest: &[Sample],
    dims: usize,
    vectors: &[u8],
) -> String {
    let names: Vec<&str> = files
        .iter()
        .filter(|f| held_out(f, set))
        .map(|f| file_name(f))
        .collect();
    let mut out = format!(
        "held out {} ({} posts from {}; training on {} posts)\n",
        set.join(","),
        held.len(),
        names.join(" "),
        rest.len()
    );
    let oof = out_of_fold(rest, dims);
    let (t, sh) = thresholds(rest, &oof);
    let refs: Vec<&Sample> = rest.iter().collect();
    let w = fit(&refs, dims);
    let scores: Vec<Vec<f32>> = held.iter().map(|s| w.scores(&s.example)).collect();
    out.push_str(&format!(
        "  held out:    {}\n",
        held_figures(held, &scores, &t, sh)
    ));
    out.push_str(&format!(
        "    {}",
        by_length(held, &scores, Gate::of(&t, sh))
    ));
    out.push_str(&format!(
        "    {}\n",
        category_recalls(held, &scores, &t, sh)
    ));
    out.push_str(&held_phi(held, rest, &oof, &t, sh, &w, dims, vectors));
    out.push_str(&format!(
        "  out of fold: {}\n",
        held_figures(rest, &oof, &t, sh)
    ));
    out.push_str(&format!("    {}\n", category_recalls(rest, &oof, &t, sh)));
    out
}

/// The held-out posts' PHI figures, scanned with a model whose gate (`w`, thresholds `t`,
/// `sh`) and post span tagger were learned from `rest` alone (the tagger as `learn` trains
/// it; the record tagger and gate, which posts never use, are left empty).
#[allow(clippy::too_many_arguments)]
fn held_phi(
    held: &[Sample],
    rest: &[Sample],
    oof: &[Vec<f32>],
    t: &[f32],
    sh: (f32, f32),
    w: &Weights,
    dims: usize,
    vectors: &[u8],
) -> String {
    let (tags, _) = crate::train_tags::train(rest, &quiet(rest, oof, t, sh));
    let k = bedside_core::model::tagger::RECORD_TAGS.len();
    let no_record_tags = TrainedTags {
        threshold: vec![f32::INFINITY; k],
        high: vec![f32::INFINITY; k],
        bias: vec![0.0; k],
        weights: vec![vec![0.0; bedside_core::model::tagger::N_TAG]; k],
    };
    let trained = trained(dims, t.to_vec(), sh, w, tags, no_record_tags);
    let posts: Vec<Post> = held.iter().map(|s| s.post.clone()).collect();
    match model::decode(&model::encode(&trained, vectors)) {
        Ok(m) => crate::hold_records::post_figures(&posts, &m).unwrap_or_default(),
        Err(e) => format!("    the weights just learned do not decode: {e}\n"),
    }
}

/// Posts a high tag could turn into a false alarm: too short for the gate to cap, and
/// quiet otherwise (the post span tagger's thresholds are chosen to spare them).
fn quiet(samples: &[Sample], scores: &[Vec<f32>], t: &[f32], sh: (f32, f32)) -> Vec<bool> {
    samples
        .iter()
        .zip(scores)
        .map(|(s, sc)| !long(s) && verdict(s, sc, Gate::of(t, sh)) < Some(Severity::Medium))
        .collect()
}

/// The learned weights `w` laid out per output as the model file holds them, with the
/// thresholds and taggers; the record gate still to be learned (it never holds).
fn trained(
    dims: usize,
    threshold: Vec<f32>,
    short: (f32, f32),
    w: &Weights,
    tags: TrainedTags,
    record_tags: TrainedTags,
) -> Trained {
    let n = OUTPUTS.len();
    Trained {
        dims,
        threshold,
        short,
        bias: w.bias.clone(),
        sparse: (0..n)
            .map(|o| (0..N_SPARSE).map(|f| w.sparse[f * n + o]).collect())
            .collect(),
        dense: (0..n)
            .map(|o| (0..w.dims).map(|d| w.dense[d * n + o]).collect())
            .collect(),
        tags,
        record_tags,
        record_gate: TrainedGate::never(dims),
    }
}

/// Loads the vectors to learn on before anything loads the compiled-in model (whose
/// vectors would otherwise be used).
fn vectors() -> Result<&'static [u8], u8> {
    let vectors: &'static [u8] = match std::fs::read(VECTORS_FILE) {
        Ok(b) => Box::leak(b.into_boxed_slice()),
        Err(e) => {
            eprintln!("bedside: {VECTORS_FILE}: {e} (run from the repository root)");
            return Err(4);
        }
    };
    if let Err(e) = model::use_vectors(vectors) {
        eprintln!("bedside: {VECTORS_FILE}: {e}");
        return Err(5);
    }
    Ok(vectors)
}

/// Learns every output from `samples` (posts) and `records`, as `bedside train` does:
/// the post model (out-of-fold thresholds, then weights from every post), the post span
/// tagger, the record tagger and the record gate (chosen on both readings of every record,
/// scanned with the weights just learned). `say` gets each table of figures as it is made.
pub(crate) fn learn(
    samples: &[Sample],
    records: &[(Post, usize)],
    vectors: &[u8],
    say: &mut dyn FnMut(&str),
) -> Result<Trained, u8> {
    let scanner = Scanner::new(Config::default()).map_err(|e| {
        eprintln!("bedside: {e}");
        5
    })?;
    let dims = samples.first().map_or(0, |s| s.example.dense.len());
    let scores = out_of_fold(samples, dims);
    let (t, sh) = thresholds(samples, &scores);
    say(&figures(samples, &scores, &t, sh));
    let (tags, table) = crate::train_tags::train(samples, &quiet(samples, &scores, &t, sh));
    say(&table);
    let (record_tags, table) = crate::train_tags::train_record(records, &scanner);
    say(&table);
    let all: Vec<&Sample> = samples.iter().collect();
    let w = fit(&all, dims);
    let mut trained = trained(dims, t, sh, &w, tags, record_tags);
    // The record gate's threshold is chosen on both readings of every record, scanned with
    // the weights just learned (never the compiled-in ones, so training stays a function
    // of the corpus).
    let gate_start = Instant::now();
    let learned = model::decode(&model::encode(&trained, vectors)).map_err(|e| {
        eprintln!("bedside: the weights just learned do not decode: {e}");
        5
    })?;
    let gate_samples = crate::train_gate::samples(records, &scanner, &learned);
    let (record_gate, table) = crate::train_gate::train(&gate_samples);
    say(&table);
    say(&format!(
        "record gate: {} records, {:.1} s\n",
        gate_samples.len(),
        gate_start.elapsed().as_secs_f64()
    ));
    trained.record_gate = record_gate;
    Ok(trained)
}

pub fn run(a: &TrainArgs) -> u8 {
    let start = Instant::now();
    // The vectors to learn on, and to write into the weights.
    let vectors = match vectors() {
        Ok(v) => v,
        Err(code) => return code,
    };
    let files = match corpus_files() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("bedside: {e}");
            return 4;
        }
    };
    let record_files = match record_files() {
        Ok(f) => f,
        Err(code) => return code,
    };
    if !a.hold_out.is_empty() {
        return match hold_out(&files, &record_files, &a.hold_out, vectors) {
            Ok(table) => {
                print!("{table}");
                println!("{:.1} s", start.elapsed().as_secs_f64());
                0
            }
            Err(code) => code,
        };
    }
    let samples = match samples(&files) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let featured = start.elapsed();
    let records = match records_of(&record_files.iter().collect::<Vec<_>>()) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let trained = match learn(&samples, &records, vectors, &mut |t| print!("{t}")) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let bytes = model::encode(&trained, vectors);
    println!(
        "{} posts from {} files; features {:.1} s, training {:.1} s in all; model {} bytes",
        samples.len(),
        files.len(),
        featured.as_secs_f64(),
        start.elapsed().as_secs_f64(),
        bytes.len()
    );
    if a.check {
        match std::fs::read(MODEL_FILE) {
            Ok(old) if old == bytes => {
                println!("{MODEL_FILE} is what the corpus gives");
                0
            }
            Ok(old) => {
                let at = old.iter().zip(&bytes).position(|(a, b)| a != b);
                eprintln!(
                    "bedside: {MODEL_FILE} differs from what the corpus gives ({} vs {} bytes, first difference at {}); run `bedside train`",
                    old.len(),
                    bytes.len(),
                    at.map_or("the end".into(), |x| format!("byte {x}"))
                );
                6
            }
            Err(e) => {
                eprintln!("bedside: cannot read {MODEL_FILE}: {e}");
                4
            }
        }
    } else {
        match std::fs::write(MODEL_FILE, &bytes) {
            Ok(()) => {
                println!("wrote {MODEL_FILE}");
                0
            }
            Err(e) => {
                eprintln!("bedside: cannot write {MODEL_FILE}: {e}");
                4
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_precision_ranks_positives() {
        // Positives ranked 1st and 3rd: (1/1 + 2/3) / 2.
        let ap = average_precision(&[0.9, 0.8, 0.7, 0.1], &[true, false, true, false]);
        assert!((ap - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-9, "{ap}");
        // Ties count pessimistically: both at the tie's end.
        let ap = average_precision(&[0.5, 0.5], &[true, false]);
        assert!((ap - 0.5).abs() < 1e-9, "{ap}");
        assert!(average_precision(&[0.5], &[false]).is_nan());
    }

    #[test]
    fn held_out_matches_file_name_prefixes() {
        let set = vec!["s14".to_string(), "q14".to_string()];
        assert!(held_out("tests/corpus/train/s14a.jsonl", &set));
        assert!(held_out("tests/corpus/train/q14b.jsonl", &set));
        assert!(!held_out("tests/corpus/train/s13a.jsonl", &set));
        // The directory is not the name.
        assert!(!held_out("s14/t01.jsonl", &set));
    }

    /// The repository's word vectors (tests run in the crate's folder).
    fn vectors() -> Vec<u8> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/data/vectors.bin");
        std::fs::read(path).expect("the word vectors")
    }

    /// A corpus folder in the temporary directory, removed when dropped (also when the
    /// test fails).
    struct TempCorpus(std::path::PathBuf);

    impl TempCorpus {
        fn new(tag: &str) -> Self {
            let dir = std::env::temp_dir().join(format!("bedside-{tag}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            TempCorpus(dir)
        }

        /// Writes `lines` (JSONL) as `name` in the folder, returning its path.
        fn write(&self, name: &str, lines: &[String]) -> String {
            let path = self.0.join(name);
            std::fs::write(&path, lines.join("\n") + "\n").unwrap();
            path.to_string_lossy().into_owned()
        }
    }

    impl Drop for TempCorpus {
        fn drop(&mut self) {
            std::fs::remove_dir_all(&self.0).ok();
        }
    }

    /// A tiny corpus whose posts to hold are plainly about patients: trained without one
    /// file, the model must rank that file's posts to hold above its clean ones, and the
    /// held-out file must be left out of training.
    #[test]
    fn hold_out_scores_files_it_never_trained_on() {
        let dir = TempCorpus::new("hold-out");
        let holds = [
            "the patient in bed {} with the rare liver thing coded twice tonight and his wife screamed at us in the hallway for an hour",
            "just discharged the {} year old from room 4 whose son kept filming the nurses, everyone on the unit knows exactly which family i mean",
            "our frequent flyer from bed {} came back again today with the same overdose and the same boyfriend, third time this month on my ward",
        ];
        let cleans = [
            "spent the weekend at the lake with the kids and the dog, {} hours of sunshine and not one phone call from anyone at all",
            "new running shoes arrived and i managed {} miles before breakfast, legs are jelly but the coffee afterwards was worth every step",
            "made my grandmother's lasagne recipe for {} friends tonight and there were no leftovers which i am taking as a compliment",
        ];
        let files: Vec<String> = (0..6)
            .map(|f| {
                let lines: Vec<String> = (0..12)
                    .map(|k| {
                        let n = f * 12 + k + 2;
                        let (text, verdict, labels) = if k % 2 == 0 {
                            (
                                holds[k % 3].replace("{}", &n.to_string()),
                                "hold",
                                r#"[{"category": "case.recognizable"}]"#,
                            )
                        } else {
                            (cleans[k % 3].replace("{}", &n.to_string()), "clean", "[]")
                        };
                        format!(
                            "{{\"id\": \"T{f}-{k}\", \"text\": {}, \"verdict\": \"{verdict}\", \"labels\": {labels}}}",
                            serde_json::to_string(&text).unwrap()
                        )
                    })
                    .collect();
                dir.write(&format!("{}{f}.jsonl", if f == 0 { "h" } else { "t" }), &lines)
            })
            .collect();
        let table = hold_out(&files, &[], &[vec!["h".into()]], &vectors()).expect("trains");
        assert!(
            table.starts_with("held out h (12 posts from h0.jsonl; training on 60 posts)"),
            "{table}"
        );
        let ap: f64 = table
            .split("hold AP ")
            .nth(1)
            .and_then(|x| x.split(';').next())
            .and_then(|x| x.parse().ok())
            .unwrap_or_else(|| panic!("no held-out AP in {table}"));
        assert!(ap > 0.9, "held-out hold AP {ap}: {table}");
        // Nothing to hold out: a usage error before any training.
        assert_eq!(
            hold_out(&files, &[], &[vec!["zz".into()]], &vectors()).err(),
            Some(3)
        );
    }

    /// Record files named by a held-out set are left out of the record tagger and gate and
    /// scored as `--record` would: a tiny corpus of name-and-number charts and supply
    /// labels, one file held out, whose names and record numbers the rules and the record
    /// model learned without it must find, and whose labels must not alarm.
    #[test]
    fn hold_out_scores_record_files_it_never_trained_on() {
        let dir = TempCorpus::new("hold-records");
        let surnames = [
            "Okafor",
            "Lindqvist",
            "Marchetti",
            "Haddad",
            "Novak",
            "Brennan",
        ];
        let post = |f: usize, k: usize| {
            let text = format!(
                "spent the weekend at the lake with the kids, {} hours of sunshine and not one phone call from anyone at all",
                f * 10 + k + 2
            );
            format!(
                "{{\"id\": \"P{f}-{k}\", \"text\": {}, \"verdict\": \"clean\", \"labels\": []}}",
                serde_json::to_string(&text).unwrap()
            )
        };
        let files: Vec<String> = (0..5)
            .map(|f| {
                dir.write(
                    &format!("t{f}.jsonl"),
                    &(0..6).map(|k| post(f, k)).collect::<Vec<_>>(),
                )
            })
            .collect();
        let record = |f: usize, k: usize| {
            let (name, mrn) = (
                surnames[(f + k) % 6],
                format!("{}", 40_183_270 + f * 97 + k * 13),
            );
            if k % 3 == 2 {
                let text = format!(
                    "STERILE GAUZE 4x4\nLOT {}\nSTORE BELOW 25C",
                    3000 + f * 10 + k
                );
                return format!(
                    "{{\"id\": \"R{f}-{k}\", \"text\": {}, \"verdict\": \"clean\", \"labels\": []}}",
                    serde_json::to_string(&text).unwrap()
                );
            }
            let text = format!(
                "PATIENT: {}, Maria\nMRN: {mrn}\nDOB: 03/14/1956",
                name.to_uppercase()
            );
            format!(
                "{{\"id\": \"R{f}-{k}\", \"text\": {}, \"verdict\": \"hold\", \"labels\": [{{\"category\": \"phi.name\", \"text\": \"{}\"}}, {{\"category\": \"phi.mrn\", \"text\": \"{mrn}\"}}]}}",
                serde_json::to_string(&text).unwrap(),
                name.to_uppercase()
            )
        };
        let records: Vec<String> = (0..6)
            .map(|f| {
                let name = if f == 0 {
                    "x0.jsonl".to_string()
                } else {
                    format!("r{f}.jsonl")
                };
                dir.write(&name, &(0..6).map(|k| record(f, k)).collect::<Vec<_>>())
            })
            .collect();
        let table = hold_out(&files, &records, &[vec!["x".into()]], &vectors()).expect("trains");
        // No post file is held out: only the records' figures.
        assert!(
            table.starts_with(
                "held out records x (6 records from x0.jsonl; training on 30 records)"
            ),
            "{table}"
        );
        let figure = |after: &str| -> f64 {
            table
                .split(after)
                .nth(1)
                .and_then(|x| x.split(' ').next())
                .and_then(|x| x.parse().ok())
                .unwrap_or_else(|| panic!("no {after} in {table}"))
        };
        assert!(figure("PHI recall ") >= 0.75, "{table}");
        assert!(figure("clean alarmed ") == 0.0, "{table}");
        assert!(figure(" mrn ") >= 0.75, "{table}");
        // Every record file held out leaves nothing to train on.
        assert_eq!(
            hold_out(
                &files,
                &records,
                &[vec!["x".into(), "r".into()]],
                &vectors()
            )
            .err(),
            Some(3)
        );
    }
}
