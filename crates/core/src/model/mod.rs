//! The learned decision layer. The rules find evidence; logistic regressions trained by
//! `bedside train` on the corpus (weights compiled in from `data/model.bin`) decide.
//!
//! Two post-level outputs form a gate: *hold* (the post must not go out as written) and
//! *flag* (it needs at least a review). The gate caps the rules' judgement findings and the
//! details that identify only when they are a patient's (a name, an age, a date, a place, a
//! room): a post the gate finds clean keeps them as tips. Format identifiers (a phone, an
//! MRN...), the organisation's detectors and the user's terms are never capped. Per
//! category, an output decides which risks the post carries and which sentences to
//! underline, within the gate; a held post always shows at least one high finding.
//!
//! Layout of `model.bin` (little endian): `BSM8`, u32 outputs, u32 sparse features, u32
//! hashed features, u32 dims (the dense features: `features::POOLS` blocks of the
//! vectors' dimensions); f32 hold and flag thresholds of a short post
//! ([`SHORT_WORDS`]); per output: u8 output code (index in [`Category::ALL`], 253
//! hold, 252 flag), 3 zero bytes, f32 threshold, f32 bias, f32 scale of the hashed
//! weights; then i8 hashed weights [hashed][outputs] (times the output's scale), f32
//! evidence weights [sparse - hashed][outputs], f32 vector weights [dims][outputs]. Then
//! the span tagger's (`tagger.rs`): u32 tags, u32 buckets; per tag: u8 category code, 3
//! zero bytes, f32 threshold, f32 high threshold, f32 bias, f32 scale; then i8 weights
//! [buckets][4] (slots past the tags zero). Then the record tagger's (`tagger::RECORD_TAGS`,
//! learned from `tests/corpus/record/`), laid out the same way. Then the record gate's
//! (`record.rs`: does record text show a patient): u32 features ([`N_GATE`]), u32 dims;
//! f32 threshold, bias and scale of the hashed weights; i8 hashed weights [hashed], f32
//! weights of the other features [`N_GATE` - hashed], f32 vector weights [dims].
//! Last, u32 length and the word vectors the model learned on (`data/vectors.bin` as it is,
//! see `vectors.rs`).

mod features;
mod record;
pub mod tagger;
mod vectors;

use std::sync::OnceLock;

use crate::context::{trim_span, Context};
use crate::rules::Draft;
use crate::{Category, Severity};
pub(crate) use features::{extract, Word};
pub use features::{Example, EVIDENCE_VALUE, N_HASH, N_SPARSE};
pub(crate) use record::{record_example, RecordSignals};
pub use record::{N_GATE, N_RECORD};

/// Whether the lower-cased `word` is one of the common words the model's word vectors
/// hold (GloVe's most frequent and the corpus's): a capitalised word that is not one is
/// more likely a name than a heading ("HALVORSEN", not "CLEAN").
pub(crate) fn common_word(word: &str) -> bool {
    vectors::lookup(word.as_bytes(), features::fnv1a(word.as_bytes())).is_some()
}

const _: () = assert!(
    Category::ALL.len() <= 40,
    "features.rs reserves 40 rule categories"
);

/// What the model decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A judgement category: does the post carry this risk?
    Category(Category),
    /// Must the post be held (a high finding)?
    Hold,
    /// Does the post need at least a review (a medium or high finding)?
    Flag,
}

/// The model's outputs, in the order of the weight file.
pub const OUTPUTS: &[Output] = &[
    Output::Category(Category::CaseRecognizable),
    Output::Category(Category::CasePhotoContext),
    Output::Category(Category::PatientDemeaning),
    Output::Category(Category::PatientAdvice),
    Output::Category(Category::WorkplaceCoworker),
    Output::Category(Category::WorkplaceEmployer),
    Output::Category(Category::WorkplaceConfidential),
    Output::Category(Category::WorkplaceAtWork),
    Output::Category(Category::WorkplaceVenting),
    Output::Category(Category::ConductControversial),
    Output::Category(Category::ConductUnprofessional),
    Output::Category(Category::ConductClaims),
    Output::Category(Category::ConductSelfPromotion),
    Output::Hold,
    Output::Flag,
];
/// The gate's outputs' places in [`OUTPUTS`].
pub const HOLD: usize = OUTPUTS.len() - 2;
pub const FLAG: usize = OUTPUTS.len() - 1;
const _: () =
    assert!(matches!(OUTPUTS[HOLD], Output::Hold) && matches!(OUTPUTS[FLAG], Output::Flag));

/// The model decides (and its gate caps) every post of at least this many words (with a
/// letter); shorter ones of [`SHORT_WORDS`] or more it may only raise. A name its own
/// sentence ties to a patient is not capped (`Draft::pinned`). Measured in session 17 on
/// 48,503 posts (many of them short hard negatives): deciding and capping from 10 words
/// (5-9 raised one step past the rules' worst finding) held out of fold 0.864 of the posts to hold at 0.049 false alarms
/// (0.740 at 2%) against 0.828 (0.716) from 15, and held out (trained without them) 0.864
/// of round 16's at 0.023 and 0.841 of round 15's at 0.054, but it held "Can we please
/// stop calling our patients frequent flyers? They deserve better." and flagged "zzqx7 was
/// the code word for the quarterly budget review." (`tests/short_posts.rs`; on 28,253
/// posts it held the first too).
pub const MIN_WORDS: usize = 15;

/// A post of at least this many words but fewer than [`MIN_WORDS`] is short: the model may
/// raise it, with the gate's thresholds for short posts (chosen out of fold on short posts
/// alone, within the same false-alarm budget), but never caps the rules' findings in it,
/// so "our charge nurse is actually useless" keeps the rules' finding whatever the model
/// reads. It raises only a post the rules found something in, to a hold whatever that was
/// ([`short_limit`]). Measured in session 17 (48,503 posts) against the limit before it,
/// one step past the rules' worst finding (a tip to a review): out of fold 612 -> 756 of
/// the 1,742 posts of 5-14 words to hold held, 123 of their 4,634 clean posts alarmed
/// either way (overall 0.828 -> 0.837 at 0.049; at 2% 0.716 -> 0.717, at 10% 0.883 ->
/// 0.892); held out, round 16 (s16, p16) 0.797 -> 0.843 at 0.027 (5-14 words: 60 -> 88 of
/// 140), round 15 0.813 -> 0.822 at 0.056 (41 -> 46 of 78). Raising every short post held
/// the most (out of fold 1,437 of 1,742, overall 0.863; held out 0.881 and 0.858 at 0.030
/// and 0.059) but again held the frequent-flyers plea and flagged "Filed the annual
/// mrnab4471902 with the board today."; letting it review a post the rules found nothing
/// in held less (held out 0.785, 0.805); raising every post whose words the word vectors
/// all know held 0.798 and 0.826 at 0.029 and 0.060 (a patient's name is an unknown word).
pub const SHORT_WORDS: usize = 5;

/// The most the model may raise a short post to, given the rules' worst finding in it:
/// nothing without one, else a hold.
pub fn short_limit(worst: Option<Severity>) -> Severity {
    match worst {
        None => Severity::Low,
        Some(_) => Severity::High,
    }
}

/// Details that identify only when they are a patient's: the gate caps them with the
/// rules' judgement findings. Format identifiers (phone, MRN...) are the identifier rules'
/// call.
pub const PATIENT_DETAILS: &[Category] = &[
    Category::PhiName,
    Category::PhiAge,
    Category::PhiDate,
    Category::PhiLocation,
    Category::PhiRoom,
];

/// Whether the gate caps the rules' findings of category `c`.
pub fn gated(c: Category) -> bool {
    PATIENT_DETAILS.contains(&c) || OUTPUTS.contains(&Output::Category(c))
}

impl Output {
    fn code(self) -> u8 {
        match self {
            Output::Category(c) => Category::ALL.iter().position(|&x| x == c).unwrap_or(254) as u8,
            Output::Hold => 253,
            Output::Flag => 252,
        }
    }

    /// A short name for tables: the category id, `post.hold` or `post.flag`.
    pub fn name(self) -> &'static str {
        match self {
            Output::Category(c) => c.id(),
            Output::Hold => "post.hold",
            Output::Flag => "post.flag",
        }
    }
}

/// What the model decides about one post from its scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The most severe finding the rules' gated findings may keep: high when the post is
    /// held, medium when it is flagged, else low.
    pub cap: Severity,
    /// The outputs (category indices in [`OUTPUTS`]) the post gets a finding for, at the
    /// category's default severity (never above `cap`).
    pub categories: Vec<usize>,
}

/// The gate's cap for a post's scores, given its hold and flag thresholds: high when the
/// post is held, medium when it is flagged, else low.
pub fn gate_cap(scores: &[f32], hold: f32, flag: f32) -> Severity {
    if scores[HOLD] >= hold {
        Severity::High
    } else if scores[FLAG] >= flag {
        Severity::Medium
    } else {
        Severity::Low
    }
}

/// The decision for a post's scores, given the thresholds and the most severe finding the
/// rules made in each output's category. `bedside train` simulates the product with this
/// very function, so its figures are the product's.
pub fn decide_scores(
    threshold: &[f32],
    scores: &[f32],
    ruled: impl Fn(usize) -> Option<Severity>,
) -> Decision {
    let cap = gate_cap(scores, threshold[HOLD], threshold[FLAG]);
    let sev = |o: usize| match OUTPUTS[o] {
        Output::Category(c) => c.default_severity(),
        _ => Severity::Low,
    };
    let mut categories: Vec<usize> = (0..HOLD)
        .filter(|&o| sev(o) <= cap && scores[o] >= threshold[o])
        .collect();
    // The gate's decision must show: a held post gets its likeliest high category unless
    // the rules or the categories already give one; a flagged post its likeliest finding.
    let shown = |cats: &[usize]| {
        cats.iter()
            .map(|&o| sev(o))
            .chain((0..HOLD).filter_map(&ruled).map(|s| s.min(cap)))
            .max()
    };
    if cap >= Severity::Medium && shown(&categories) < Some(cap) {
        let best = (0..HOLD).filter(|&o| sev(o) == cap).max_by(|&a, &b| {
            (scores[a] - threshold[a])
                .total_cmp(&(scores[b] - threshold[b]))
                .then(b.cmp(&a))
        });
        categories.extend(best);
    }
    Decision { cap, categories }
}

/// Weights as training produces them, before they are quantized into the file.
pub struct Trained {
    pub dims: usize,
    /// Per output, in [`OUTPUTS`] order: threshold on the score (log-odds), bias, weights
    /// of the sparse features (`N_SPARSE`) and of the vector dimensions.
    pub threshold: Vec<f32>,
    /// The gate's (hold, flag) thresholds for a short post ([`SHORT_WORDS`]).
    pub short: (f32, f32),
    pub bias: Vec<f32>,
    pub sparse: Vec<Vec<f32>>,
    pub dense: Vec<Vec<f32>>,
    pub tags: TrainedTags,
    /// The record tagger's, in [`tagger::RECORD_TAGS`] order.
    pub record_tags: TrainedTags,
    /// The record gate's.
    pub record_gate: TrainedGate,
}

/// The record gate's weights as training produces them: one logistic regression over
/// [`N_GATE`] sparse features (hashed ones take the example's `norm`, the others
/// [`EVIDENCE_VALUE`]) and the dense ones. Record text scoring at least `threshold`
/// (log-odds) shows a patient.
pub struct TrainedGate {
    pub threshold: f32,
    pub bias: f32,
    pub sparse: Vec<f32>,
    pub dense: Vec<f32>,
}

impl TrainedGate {
    /// A gate that never reads record text as a record (zero weights, threshold never
    /// reached): a placeholder while the gate itself is trained.
    pub fn never(dims: usize) -> TrainedGate {
        TrainedGate {
            threshold: f32::MAX,
            bias: 0.0,
            sparse: vec![0.0; N_GATE],
            dense: vec![0.0; dims],
        }
    }
}

/// The span tagger's weights as training produces them.
#[derive(Default)]
pub struct TrainedTags {
    /// Per tag (in [`tagger::TAGS`] order): a word scoring at least `threshold` (log-odds)
    /// is part of a finding, which is high when its best word scores at least `high`.
    pub threshold: Vec<f32>,
    pub high: Vec<f32>,
    pub bias: Vec<f32>,
    /// Per tag, one weight per bucket ([`tagger::N_TAG`]).
    pub weights: Vec<Vec<f32>>,
}

/// The weight file's bytes for `t`: the hashed weights quantized to i8 per output, and at
/// the end the word vectors it learned on (`vectors`: `data/vectors.bin`'s bytes).
pub fn encode(t: &Trained, vectors: &[u8]) -> Vec<u8> {
    let n = OUTPUTS.len();
    let mut b = Vec::new();
    b.extend_from_slice(MAGIC);
    for x in [n, N_SPARSE, N_HASH, t.dims] {
        b.extend_from_slice(&(x as u32).to_le_bytes());
    }
    for x in [t.short.0, t.short.1] {
        b.extend_from_slice(&x.to_le_bytes());
    }
    let scales: Vec<f32> = (0..n).map(|o| quantum(&t.sparse[o][..N_HASH])).collect();
    for (o, out) in OUTPUTS.iter().enumerate() {
        b.extend_from_slice(&[out.code(), 0, 0, 0]);
        for x in [t.threshold[o], t.bias[o], scales[o]] {
            b.extend_from_slice(&x.to_le_bytes());
        }
    }
    for f in 0..N_HASH {
        for (o, scale) in scales.iter().enumerate() {
            b.push((t.sparse[o][f] / scale).round().clamp(-127.0, 127.0) as i8 as u8);
        }
    }
    for f in N_HASH..N_SPARSE {
        for o in 0..n {
            b.extend_from_slice(&t.sparse[o][f].to_le_bytes());
        }
    }
    for d in 0..t.dims {
        for o in 0..n {
            b.extend_from_slice(&t.dense[o][d].to_le_bytes());
        }
    }
    encode_tags(&mut b, &t.tags, tagger::TAGS);
    encode_tags(&mut b, &t.record_tags, tagger::RECORD_TAGS);
    let g = &t.record_gate;
    for x in [N_GATE, g.dense.len()] {
        b.extend_from_slice(&(x as u32).to_le_bytes());
    }
    let scale = quantum(&g.sparse[..N_HASH]);
    for x in [g.threshold, g.bias, scale] {
        b.extend_from_slice(&x.to_le_bytes());
    }
    for w in &g.sparse[..N_HASH] {
        b.push((w / scale).round().clamp(-127.0, 127.0) as i8 as u8);
    }
    for x in g.sparse[N_HASH..].iter().chain(&g.dense) {
        b.extend_from_slice(&x.to_le_bytes());
    }
    b.extend_from_slice(&(vectors.len() as u32).to_le_bytes());
    b.extend_from_slice(vectors);
    b
}

/// One tagger's section of the weight file.
fn encode_tags(b: &mut Vec<u8>, tg: &TrainedTags, cats: &[Category]) {
    for x in [cats.len(), tagger::N_TAG] {
        b.extend_from_slice(&(x as u32).to_le_bytes());
    }
    let scales: Vec<f32> = tg.weights.iter().map(|w| quantum(w)).collect();
    for (i, c) in cats.iter().enumerate() {
        b.extend_from_slice(&[Output::Category(*c).code(), 0, 0, 0]);
        for x in [tg.threshold[i], tg.high[i], tg.bias[i], scales[i]] {
            b.extend_from_slice(&x.to_le_bytes());
        }
    }
    for f in 0..tagger::N_TAG {
        for (w, scale) in tg.weights.iter().zip(&scales) {
            b.push((w[f] / scale).round().clamp(-127.0, 127.0) as i8 as u8);
        }
        // Slots past the tags.
        b.resize(b.len() + tagger::TAG_ROW - tg.weights.len(), 0);
    }
}

/// The step of an i8 quantization of `w`: its largest magnitude maps to 127.
fn quantum(w: &[f32]) -> f32 {
    let m = w.iter().fold(0f32, |m, w| m.max(w.abs()));
    if m == 0.0 {
        1.0
    } else {
        m / 127.0
    }
}

/// The weight file's first bytes: its layout's name.
const MAGIC: &[u8; 4] = b"BSM8";

/// A hashed feature's weights, one per output, padded to 16 bytes and aligned: a row is one
/// load that never straddles two cache lines (the file's 15-byte rows straddled one in four
/// times). Each i8 weight is kept plus 128 (0..=255), which `scores` widens to 16 bits with
/// a zero extension, a single instruction for 8 weights where a sign extension took two
/// and the compiler used it on 4 at a time.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(16))]
struct Row([u8; 16]);
/// A weight of 0 as a [`Row`] keeps it.
const ROW_ZERO: u8 = 128;
const _: () = assert!(OUTPUTS.len() <= 16);

/// The compiled-in model.
#[derive(Debug)]
pub struct Model {
    hashed: Vec<Row>,
    threshold: Vec<f32>,
    /// [`OUTPUTS`]' thresholds with the gate's for a short post.
    short: Vec<f32>,
    bias: Vec<f32>,
    scale: Vec<f32>,
    evidence: Vec<f32>,
    dense: Vec<f32>,
    dims: usize,
    tags: Tags,
    record_tags: Tags,
    /// Where the file holds the word vectors the model learned on ([`vectors::set`]).
    vectors: std::ops::Range<usize>,
    record_gate: Gate,
}

/// The record gate's weights as the file holds them (see [`TrainedGate`]).
#[derive(Debug)]
struct Gate {
    threshold: f32,
    bias: f32,
    scale: f32,
    hashed: Vec<i8>,
    evidence: Vec<f32>,
    dense: Vec<f32>,
}

/// The span tagger's weights as the file holds them.
#[derive(Debug)]
struct Tags {
    cats: &'static [Category],
    rows: Vec<[i8; tagger::TAG_ROW]>,
    threshold: Vec<f32>,
    high: Vec<f32>,
    bias: Vec<f32>,
    scale: Vec<f32>,
}

/// The weights compiled in: the CLI and the tests carry them (feature `embedded-model`);
/// the `.wasm` does not, so it stays small and the extension installs the weight file
/// (`model/model.bin` in the package) with [`install`] before building a scanner.
#[cfg(feature = "embedded-model")]
static BYTES: &[u8] = include_bytes!("../../data/model.bin");
#[cfg(not(feature = "embedded-model"))]
static BYTES: &[u8] = &[];

/// Weights installed at run time (the extension's model file), which win over compiled-in ones.
static INSTALLED: OnceLock<Model> = OnceLock::new();

/// Why a weight file cannot be used.
pub fn decode(b: &[u8]) -> Result<Model, String> {
    let n = OUTPUTS.len();
    let u = |at: usize| -> Result<u32, String> {
        b.get(at..at + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
            .ok_or_else(|| format!("model file ends at byte {} (reading byte {at})", b.len()))
    };
    if b.get(..4) != Some(MAGIC) {
        // An older layout ("BSM6": no record gate; "BSM7": vectors compiled in) names itself.
        let old = match b.get(..4) {
            Some(m) if m.starts_with(b"BSM") => {
                format!(" (it is the older layout {})", String::from_utf8_lossy(m))
            }
            _ => String::new(),
        };
        return Err(format!(
            "model file does not start with {}{old}: run `bedside train`",
            String::from_utf8_lossy(MAGIC)
        ));
    }
    let (outs, sparse, hashed, dims) = (
        u(4)? as usize,
        u(8)? as usize,
        u(12)? as usize,
        u(16)? as usize,
    );
    if (outs, sparse, hashed) != (n, N_SPARSE, N_HASH) {
        return Err(format!(
            "model file has {outs} outputs, {sparse} features ({hashed} hashed); the core \
             reads {n}, {N_SPARSE} ({N_HASH}): run `bedside train`"
        ));
    }
    let (short_hold, short_flag) = (f32::from_bits(u(20)?), f32::from_bits(u(24)?));
    let mut at = 28;
    let (mut threshold, mut bias, mut scale) = (vec![], vec![], vec![]);
    for out in OUTPUTS {
        if b.get(at) != Some(&out.code()) {
            return Err(format!(
                "model file's outputs differ at {}: run `bedside train`",
                out.name()
            ));
        }
        threshold.push(f32::from_bits(u(at + 4)?));
        bias.push(f32::from_bits(u(at + 8)?));
        scale.push(f32::from_bits(u(at + 12)?));
        at += 16;
    }
    let hashed: Vec<Row> = b
        .get(at..at + N_HASH * n)
        .ok_or("model file too short for its hashed weights")?
        .chunks_exact(n)
        .map(|w| {
            let mut row = Row([ROW_ZERO; 16]);
            for (r, &w) in row.0.iter_mut().zip(w) {
                *r = (w as i8 as i16 + ROW_ZERO as i16) as u8;
            }
            row
        })
        .collect();
    at += N_HASH * n;
    let floats = |at: usize, count: usize| -> Result<Vec<f32>, String> {
        (0..count)
            .map(|i| u(at + 4 * i).map(f32::from_bits))
            .collect()
    };
    let evidence = floats(at, (N_SPARSE - N_HASH) * n)?;
    at += 4 * evidence.len();
    let dense = floats(at, dims * n)?;
    at += 4 * dense.len();
    let tags = decode_tags(b, &mut at, tagger::TAGS)?;
    let record_tags = decode_tags(b, &mut at, tagger::RECORD_TAGS)?;
    let (features, gate_dims) = (u(at)? as usize, u(at + 4)? as usize);
    if (features, gate_dims) != (N_GATE, dims) {
        return Err(format!(
            "model file's record gate has {features} features and {gate_dims} dims; the core \
             reads {N_GATE} and {dims}: run `bedside train`"
        ));
    }
    let (threshold_g, bias_g, scale_g) = (
        f32::from_bits(u(at + 8)?),
        f32::from_bits(u(at + 12)?),
        f32::from_bits(u(at + 16)?),
    );
    at += 20;
    let gate_hashed = i8s(b
        .get(at..at + N_HASH)
        .ok_or("model file too short for its record gate's weights")?);
    at += N_HASH;
    let gate_evidence = floats(at, N_GATE - N_HASH)?;
    at += 4 * gate_evidence.len();
    let gate_dense = floats(at, dims)?;
    at += 4 * gate_dense.len();
    let record_gate = Gate {
        threshold: threshold_g,
        bias: bias_g,
        scale: scale_g,
        hashed: gate_hashed,
        evidence: gate_evidence,
        dense: gate_dense,
    };
    let len = u(at)? as usize;
    let vectors = at + 4..at + 4 + len;
    let vector_dims = vectors::check(
        b.get(vectors.clone())
            .ok_or("model file too short for its word vectors")?,
    )?;
    if dims != features::POOLS * vector_dims {
        return Err(format!(
            "model file has {dims} dense weights for vectors of {vector_dims} dims: run `bedside train`"
        ));
    }
    at = vectors.end;
    let mut short = threshold.clone();
    short[HOLD] = short_hold;
    short[FLAG] = short_flag;
    if at != b.len() {
        return Err(format!(
            "model file has {} bytes after its weights",
            b.len() - at
        ));
    }
    Ok(Model {
        hashed,
        threshold,
        short,
        bias,
        scale,
        evidence,
        dense,
        dims,
        tags,
        record_tags,
        vectors,
        record_gate,
    })
}

/// The file's bytes as the i8 weights they are.
fn i8s(b: &[u8]) -> Vec<i8> {
    b.iter().map(|&x| x as i8).collect()
}

/// One tagger's section of the weight file, from byte `at` (moved past it).
fn decode_tags(b: &[u8], at: &mut usize, cats: &'static [Category]) -> Result<Tags, String> {
    let u = |at: usize| -> Result<u32, String> {
        b.get(at..at + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
            .ok_or_else(|| format!("model file ends at byte {} (reading byte {at})", b.len()))
    };
    let (tags, buckets) = (u(*at)? as usize, u(*at + 4)? as usize);
    if (tags, buckets) != (cats.len(), tagger::N_TAG) {
        return Err(format!(
            "model file's tagger has {tags} tags over {buckets} buckets; the core reads {} \
             over {}: run `bedside train`",
            cats.len(),
            tagger::N_TAG
        ));
    }
    *at += 8;
    let mut tg = Tags {
        cats,
        rows: Vec::new(),
        threshold: vec![],
        high: vec![],
        bias: vec![],
        scale: vec![],
    };
    for c in cats {
        if b.get(*at) != Some(&Output::Category(*c).code()) {
            return Err(format!(
                "model file's tags differ at {}: run `bedside train`",
                c.id()
            ));
        }
        tg.threshold.push(f32::from_bits(u(*at + 4)?));
        tg.high.push(f32::from_bits(u(*at + 8)?));
        tg.bias.push(f32::from_bits(u(*at + 12)?));
        tg.scale.push(f32::from_bits(u(*at + 16)?));
        *at += 20;
    }
    let len = tagger::N_TAG * tagger::TAG_ROW;
    tg.rows = b
        .get(*at..*at + len)
        .ok_or("model file too short for its tagger's weights")?
        .chunks_exact(tagger::TAG_ROW)
        .map(|w| i8s(w).try_into().expect("a row"))
        .collect();
    *at += len;
    Ok(tg)
}

/// Installs a weight file read at run time (once per process). A file that cannot be decoded is refused with the reason, and the scanner stays
/// without a model, so the extension shows Bedside inactive rather than judging without it.
pub fn install(bytes: Vec<u8>) -> Result<(), String> {
    if INSTALLED.get().is_some() {
        // A package has one model file: a second install (another loader in the same
        // worker) hands the same file again.
        return Ok(());
    }
    let m = decode(&bytes)?;
    // The vectors live as long as the process, as compiled-in ones would.
    vectors::set(|| Box::leak(bytes[m.vectors.clone()].to_vec().into_boxed_slice()))?;
    same_vectors(&m)?;
    let _ = INSTALLED.set(m);
    Ok(())
}

/// Whether the process's vectors are the ones `m` learned on (their dimensions): the
/// first vectors set win, so a training run's, or an earlier file's, may differ.
fn same_vectors(m: &Model) -> Result<(), String> {
    if features::dense_dims() == m.dims {
        Ok(())
    } else {
        Err(format!(
            "model file learned on vectors of {} dims; the core holds {}",
            m.dims / features::POOLS,
            vectors::dims()
        ))
    }
}

/// The model: installed weights, else the compiled-in ones, else `None`: while no weights
/// are trained, or while the compiled-in file is one the core cannot read (after a change
/// of features, until `bedside train` rewrites it); then rules alone decide. A `.wasm`
/// without weights builds no scanner at all ([`available`]).
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    INSTALLED.get().or_else(|| {
        M.get_or_init(|| {
            if BYTES.is_empty() {
                None
            } else {
                // A corrupt weight file is a build defect: the test `model_loads` names it.
                let m = decode(BYTES).ok()?;
                vectors::set(|| &BYTES[m.vectors.clone()]).ok()?;
                same_vectors(&m).ok().map(|_| m)
            }
        })
        .as_ref()
    })
}

/// Whether a scanner may be built: weights are compiled in or installed. Without them the
/// core refuses to judge (the extension shows "inactive") instead of running rules alone.
pub fn available() -> bool {
    INSTALLED.get().is_some() || !BYTES.is_empty()
}

/// The compiled-in weight file's load error, if any (for tests and `bedside train --check`).
pub fn load_error() -> Option<String> {
    if BYTES.is_empty() {
        return Some("no model compiled in (crates/core/data/model.bin is empty, or the `embedded-model` feature is off)".into());
    }
    decode(BYTES).err()
}

/// Makes `bytes` (a `data/vectors.bin`) the vectors features are computed on, before any
/// model is loaded: `bedside train` learns on the file it will write into the weights.
pub fn use_vectors(bytes: &'static [u8]) -> Result<(), String> {
    vectors::set(|| bytes)
}

/// The vectors in use: how many words, how many dimensions.
pub fn vector_shape() -> (usize, usize) {
    (vectors::words(), vectors::dims())
}

impl Model {
    /// The bytes the model holds in memory: the hashed weights (rows padded to 16 bytes),
    /// the tagger's and the decoded evidence and vector weights.
    pub fn memory(&self) -> usize {
        std::mem::size_of_val(&self.hashed[..])
            + std::mem::size_of_val(&self.tags.rows[..])
            + std::mem::size_of_val(&self.record_tags.rows[..])
            + self.record_gate.hashed.len()
            + 4 * (self.record_gate.evidence.len() + self.record_gate.dense.len())
            + 4 * (self.evidence.len() + self.dense.len() + 3 * self.threshold.len())
    }

    /// Each word's log-odds per tag (`tagger::TAGS`), in the order of `ctx.tokens`.
    /// `t` is the post's tagger or the record's.
    fn tag_scores(t: &Tags, ctx: &Context) -> Vec<[f32; tagger::TAG_ROW]> {
        let reading = tagger::Reading::new(ctx);
        (0..ctx.tokens.len())
            .map(|i| {
                if reading.skip[i] {
                    return [f32::NEG_INFINITY; tagger::TAG_ROW];
                }
                // One row of four i8 weights per feature.
                let mut acc = [0i32; tagger::TAG_ROW];
                reading.features(i, |x| {
                    for (a, &w) in acc.iter_mut().zip(&t.rows[x as usize]) {
                        *a += w as i32;
                    }
                });
                let mut s = [f32::NEG_INFINITY; tagger::TAG_ROW];
                for (i, s) in s.iter_mut().enumerate().take(t.cats.len()) {
                    *s = t.bias[i] + acc[i] as f32 * t.scale[i];
                }
                s
            })
            .collect()
    }

    /// Adds the tagger's findings of a patient's name, place, date or age (see `tagger.rs`)
    /// where the rules found none of that category, at the tag's severity when its best word
    /// passes the high threshold, else as a tip (a date or an age, tentative); never above
    /// the gate's `cap`. Where the gate does not judge (a short post), only a post the rules
    /// find is about a patient gets more than tips: in "Back-to-school vaccine clinic at
    /// Cedar Hollow Elementary on Saturday" the school is nobody's.
    pub(crate) fn tag(&self, ctx: &Context, drafts: &mut Vec<Draft>, cap: Option<Severity>) {
        let cap = cap.unwrap_or(if ctx.patient_post {
            Severity::High
        } else {
            Severity::Low
        });
        // A date or an age the tag is unsure of is what the rules call tentative (a bare
        // date, an exact age): one of the details only in a post that holds for a patient
        // anyway. Record text has no such second reading.
        Self::add_spans(&self.tags, ctx, drafts, cap, true);
    }

    /// Adds the record tagger's findings (`tagger::RECORD_TAGS`) to record text that shows
    /// a patient, where the rules found none of that category: at the category's severity
    /// when the span's best word passes the high threshold, else as a tip. No gate caps
    /// them (the gate learned from posts).
    pub(crate) fn tag_record(&self, ctx: &Context, drafts: &mut Vec<Draft>) {
        Self::add_spans(&self.record_tags, ctx, drafts, Severity::High, false);
    }

    /// Adds tagger `t`'s spans where the rules' drafts hold none of that category over
    /// them: the category's severity (at most `cap`) at or over the high threshold, else a
    /// tip, which is tentative when `tentative` and the tag is a date or an age.
    fn add_spans(t: &Tags, ctx: &Context, drafts: &mut Vec<Draft>, cap: Severity, tentative: bool) {
        let scores = Self::tag_scores(t, ctx);
        let rules = drafts.len();
        // Per tag, the rules' drafts of its category (gathered when a span asks).
        let mut ruled: [Option<Covered>; tagger::TAG_ROW] = Default::default();
        let words: Vec<(usize, usize)> = ctx.tokens.iter().map(|t| (t.start, t.end)).collect();
        // A post about the writer's own family and no patient ("Grandma finally has a cell!
        // ... call her on Sunday"): its details are the family's, so the tagger adds no
        // date or age (a held post would raise them; the rules keep a family's low) and
        // only tips of the rest.
        let family = tentative
            && ctx.post_kinds & crate::lexicon::kind::OWN_FAMILY != 0
            && !ctx.patient_post
            && !ctx.patient_in(0, ctx.sentences.len());
        for sp in tagger::spans(ctx.text, &words, &scores, &t.threshold) {
            let c = t.cats[sp.tag];
            let covered = ruled[sp.tag].get_or_insert_with(|| Covered::of(&drafts[..rules], c));
            if covered.overlaps(sp.start, sp.end) {
                continue;
            }
            // In a post, "Dr. Lee" is the clinician, not the patient: the rules judge the
            // names after a title; the tagger adds no tip of its own there, whether its
            // span starts after the title or takes the title in.
            if tentative && c == Category::PhiName && doctor_titled(ctx.text, sp.start) {
                continue;
            }
            if family && matches!(c, Category::PhiDate | Category::PhiAge) {
                continue;
            }
            let full = c.default_severity();
            let sev = if sp.score >= t.high[sp.tag] && !family {
                full.min(cap)
            } else {
                Severity::Low
            };
            let mut d = Draft::new(c, sev, sp.start, sp.end);
            d.weak = sev < full;
            d.tentative = tentative && d.weak && matches!(c, Category::PhiDate | Category::PhiAge);
            drafts.push(d);
        }
    }

    /// The record gate's log-odds that record text shows a patient, for its
    /// [`record_example`].
    pub fn record_score(&self, ex: &Example) -> f32 {
        let g = &self.record_gate;
        let (mut hashed, mut s) = (0i32, g.bias);
        for &f in &ex.sparse {
            let f = f as usize;
            if f < N_HASH {
                hashed += g.hashed[f] as i32;
            } else if let Some(w) = g.evidence.get(f - N_HASH) {
                s += w * EVIDENCE_VALUE;
            }
        }
        s += hashed as f32 * g.scale * ex.norm;
        s + ex
            .dense
            .iter()
            .zip(&g.dense)
            .map(|(x, w)| x * w)
            .sum::<f32>()
    }

    /// Whether record text of this [`record_example`] shows a patient (its score reaches
    /// the gate's threshold).
    pub fn shows_patient(&self, ex: &Example) -> bool {
        self.record_score(ex) >= self.record_gate.threshold
    }

    /// Log-odds per output for one example.
    pub fn scores(&self, ex: &Example) -> Vec<f32> {
        const N: usize = OUTPUTS.len();
        let mut s = self.bias.clone();
        // Hashed features come first. Their rows are added in 16-bit lanes, a whole padded
        // row in two vector adds; a lane takes 256 weights of at most 255 (65,280) before
        // it is emptied into `acc`, less the 128 each weight was stored plus.
        let hashed = ex.sparse.partition_point(|&f| (f as usize) < N_HASH);
        let (hashed, evidence) = ex.sparse.split_at(hashed);
        let mut acc = [0i32; 16];
        for chunk in hashed.chunks(256) {
            let mut lanes = [[0u16; 8]; 2];
            for &f in chunk {
                let row = &self.hashed[f as usize].0;
                for (half, ws) in lanes.iter_mut().zip(row.chunks_exact(8)) {
                    for (l, &w) in half.iter_mut().zip(ws) {
                        *l += w as u16;
                    }
                }
            }
            let bias = ROW_ZERO as i32 * chunk.len() as i32;
            acc.iter_mut()
                .zip(lanes.as_flattened())
                .for_each(|(a, &l)| *a += l as i32 - bias);
        }
        // The 16th lane (padding) is never read: without this the compiler drops it and
        // splits the other 15 into 8 + 4 + 3 adds, twice the instructions per row.
        let acc = std::hint::black_box(acc);
        for &f in evidence {
            let at = (f as usize - N_HASH) * N;
            s.iter_mut()
                .zip(&self.evidence[at..at + N])
                .for_each(|(s, w)| *s += w * EVIDENCE_VALUE);
        }
        for o in 0..N {
            s[o] += acc[o] as f32 * self.scale[o] * ex.norm;
        }
        for (d, &x) in ex.dense.iter().enumerate().take(self.dims) {
            let row = &self.dense[d * N..d * N + N];
            s.iter_mut().zip(row).for_each(|(s, w)| *s += w * x);
        }
        s
    }

    /// Applies the model's decision to the rules' drafts (see the module's comment); with
    /// `add` false only the gate's cap. Record text that shows a patient never comes here
    /// (`Scanner::scan_as`).
    /// A short post ([`SHORT_WORDS`]) is judged with the gate's thresholds for short posts,
    /// and the model only raises it: the rules' findings are never capped.
    /// Returns the gate's cap, `None` for a post too short to cap ([`MIN_WORDS`]).
    pub(crate) fn decide(
        &self,
        ctx: &Context,
        drafts: &mut Vec<Draft>,
        add: bool,
    ) -> Option<Severity> {
        let rules = drafts.len();
        let whole = extract(ctx, drafts, 0, ctx.text.len());
        if whole.words < SHORT_WORDS {
            return None;
        }
        let short = whole.words < MIN_WORDS;
        if short && short_limit(whole.worst) == Severity::Low {
            return None;
        }
        let threshold = if short { &self.short } else { &self.threshold };
        let post = self.scores(&whole);
        let own = |d: &Draft| d.detector.is_none() && d.category != Category::CustomTerm;
        let ruled = |o: usize| match OUTPUTS[o] {
            Output::Category(c) => drafts[..rules]
                .iter()
                .filter(|d| d.category == c && own(d))
                .map(|d| d.severity)
                .max(),
            _ => None,
        };
        let decision = decide_scores(threshold, &post, ruled);
        let cap = decision.cap;
        if short && (!add || cap == Severity::Low) {
            return None;
        }
        for d in drafts[..rules].iter_mut().filter(|_| !short) {
            if own(d) && gated(d.category) && !d.pinned && d.severity > cap {
                d.severity = cap;
                d.weak = true;
            }
        }
        if !add {
            return Some(cap);
        }
        let mut sentences: Option<Vec<Vec<f32>>> = None;
        for o in decision.categories {
            let Output::Category(c) = OUTPUTS[o] else {
                continue;
            };
            let sev = c.default_severity();
            let mut has = false;
            for d in drafts[..rules]
                .iter_mut()
                .filter(|d| d.category == c && own(d))
            {
                has = true;
                d.severity = d.severity.max(sev);
            }
            if has {
                continue;
            }
            let per = sentences.get_or_insert_with(|| {
                (0..ctx.sentences.len())
                    .map(|i| {
                        let (s, e) = ctx.sentences[i];
                        self.scores(&extract(ctx, &drafts[..rules], s, e))
                    })
                    .collect()
            });
            let best =
                (0..per.len()).max_by(|&a, &b| per[a][o].total_cmp(&per[b][o]).then(b.cmp(&a)));
            for (i, scores) in per.iter().enumerate() {
                if Some(i) == best || scores[o] >= self.threshold[o] {
                    let (s, e) = ctx.sentences[i];
                    let (s, e) = trim_span(ctx.text, s, e);
                    if s < e {
                        let mut d = Draft::new(c, sev, s, e);
                        if c == Category::CaseRecognizable {
                            if let Some(m) = explain_case(ctx, &drafts[..rules]) {
                                d = d.message(m);
                            }
                        }
                        drafts.push(d);
                    }
                }
            }
        }
        (!short).then_some(cap)
    }
}

/// The card's plain words for a recognizable case the model found: the details the post
/// carries, strongest first ("a patient, with an age, a condition and last night: together
/// they can identify someone"). `None` when the post names no detail the rules know.
pub(crate) fn explain_case(ctx: &Context, drafts: &[Draft]) -> Option<String> {
    use crate::lexicon::kind;
    let has = |c: Category| drafts.iter().any(|d| d.category == c);
    let mut details: Vec<String> = Vec::new();
    for (c, words) in [
        (Category::PhiName, "a name"),
        (Category::PhiAge, "an age"),
        (Category::PhiDate, "a date"),
        (Category::PhiLocation, "a place"),
        (Category::PhiRoom, "a room or bed"),
    ] {
        if has(c) {
            details.push(words.into());
        }
    }
    for (k, words) in [
        (kind::CONDITION, "a condition"),
        (kind::EVENT, "an unusual event"),
        (kind::OCCUPATION, "an occupation"),
        (kind::SEX, "their sex or family"),
        (kind::PLACE, "a place"),
    ] {
        if ctx.post_kinds & k != 0 && !details.iter().any(|d| d == words) {
            details.push(words.into());
        }
    }
    // The time itself reads better than "a time": "last night", "this morning".
    if let Some(h) = ctx.hits.iter().find(|h| h.kinds & kind::TIME != 0) {
        details.push(ctx.lower[h.start..h.end].to_string());
    }
    if details.is_empty() {
        return None;
    }
    let who = if ctx.refs.is_empty() {
        "someone"
    } else {
        "a patient"
    };
    let list = match details.len() {
        1 => details[0].clone(),
        n => format!("{} and {}", details[..n - 1].join(", "), details[n - 1]),
    };
    Some(format!(
        "{who}, with {list}: together they can identify someone, even without a name \
         (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(ii)); keep only what the story needs."
    ))
}

/// The spans of the rules' drafts of one category, for asking whether a tagger span
/// overlaps one in a binary search: asking every draft for every span grew with the square
/// of a long post's length.
struct Covered {
    /// (start, end), by start.
    spans: Vec<(usize, usize)>,
    /// The furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Covered {
    fn of(drafts: &[Draft], c: Category) -> Covered {
        let mut spans: Vec<(usize, usize)> = drafts
            .iter()
            .filter(|d| d.category == c)
            .map(|d| (d.start, d.end))
            .collect();
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |r, &(_, e)| {
                *r = e.max(*r);
                Some(*r)
            })
            .collect();
        Covered { spans, reach }
    }

    /// Whether a span starts before `end` and ends after `start`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.spans.partition_point(|&(s, _)| s < end);
        before > 0 && self.reach[before - 1] > start
    }
}

/// Whether the name at `start` carries the title "Dr" or "Doctor": as the word before it
/// ("Dr. [Lee]") or as its own first word ("[Dr. Lee]").
fn doctor_titled(text: &str, start: usize) -> bool {
    let title = |w: &str| w.eq_ignore_ascii_case("dr") || w.eq_ignore_ascii_case("doctor");
    let before = text[..start].trim_end().trim_end_matches('.');
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let first = text[start..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    title(last) || title(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_is_explained_from_its_details() {
        let ctx = Context::new("My patient last night, an old man with a hip fracture, cried.");
        let m = explain_case(&ctx, &[]).expect("details");
        assert!(m.starts_with("a patient, with "), "{m}");
        assert!(m.contains("a condition") && m.contains("last night"), "{m}");
        assert!(m.contains("together they can identify someone"), "{m}");
        let plain = Context::new("What a lovely afternoon.");
        assert_eq!(explain_case(&plain, &[]), None);
    }

    #[test]
    fn the_compiled_in_model_loads() {
        assert_eq!(load_error(), None);
        assert!(model().is_some());
    }

    #[test]
    fn a_weight_file_of_another_shape_is_refused_with_its_reason() {
        assert!(decode(b"BSM0").unwrap_err().contains("BSM8"));
        // The layouts before the record gate and before the vectors moved in.
        for old in [b"BSM6\x0f\0\0\0", b"BSM7\x0f\0\0\0"] {
            let e = decode(old).unwrap_err();
            assert!(e.contains("BSM8") && e.contains("older layout"), "{e}");
        }
        let short: &'static [u8] = b"BSM8\x0f\0\0\0";
        assert!(decode(short).unwrap_err().contains("ends at byte 8"));
    }
}
