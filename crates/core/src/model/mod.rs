//! The learned decision layer. The rules find evidence; a logistic regression per judgement
//! category (trained by `bedside train` on the corpus, weights compiled in from
//! `data/model.bin`) decides whether the post carries that risk, and which sentences to
//! underline. A "patient context" output says whether the post is about a patient at all,
//! which lowers a name, age, date or place that is plainly someone else's.
//!
//! Layout of `model.bin` (little endian): `BSM1`, u32 outputs, u32 sparse features, u32
//! hashed features, u32 dims; per output: u8 output code (index in [`Category::ALL`], or
//! 255 for patient context), 3 zero bytes, f32 threshold, f32 threshold when the rules
//! already found the category (medium or high), f32 bias, f32 scale of the hashed weights; then i8 hashed weights [hashed][outputs] (times the output's scale), f32
//! evidence weights [sparse - hashed][outputs], f32 vector weights [dims][outputs].

mod features;
mod vectors;

use std::sync::OnceLock;

use crate::context::{trim_span, Context};
use crate::rules::Draft;
use crate::{Category, Severity};
pub(crate) use features::extract;
pub use features::{Example, N_HASH, N_SPARSE};

const _: () = assert!(
    Category::ALL.len() <= 40,
    "features.rs reserves 40 rule categories"
);

/// What the model decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A judgement category: does the post carry this risk?
    Category(Category),
    /// Is the post about a patient (not the writer, family, a colleague, a public figure)?
    PatientContext,
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
    Output::PatientContext,
];

/// The model adds findings only to posts of at least this many words (with a letter): it
/// learned from whole posts, and a fragment typed so far or a one-liner gives its word
/// weights too little to stand on; the rules still judge short posts. Out of fold, 12
/// and 15 words hold 0.644 and 0.635 of the posts to hold; 15 keeps one-line hard
/// negatives (`tests/categories.rs`) clean.
pub const MIN_WORDS: usize = 15;

/// Findings the patient-context output may lower: details that identify only when they
/// are a patient's. Format identifiers (phone, MRN...) are the identifier rules' call.
pub const PATIENT_DETAILS: &[Category] = &[
    Category::PhiName,
    Category::PhiAge,
    Category::PhiDate,
    Category::PhiLocation,
    Category::PhiRoom,
];

impl Output {
    fn code(self) -> u8 {
        match self {
            Output::Category(c) => Category::ALL.iter().position(|&x| x == c).unwrap_or(254) as u8,
            Output::PatientContext => 255,
        }
    }

    /// A short name for tables: the category id, or `patient-context`.
    pub fn name(self) -> &'static str {
        match self {
            Output::Category(c) => c.id(),
            Output::PatientContext => "patient-context",
        }
    }
}

/// Weights as training produces them, before they are quantized into the file.
pub struct Trained {
    pub dims: usize,
    /// Per output, in [`OUTPUTS`] order: threshold on the score (log-odds), the threshold
    /// when the rules found the category, bias, weights of the sparse features
    /// (`N_SPARSE`) and of the vector dimensions.
    pub threshold: Vec<f32>,
    pub threshold_ruled: Vec<f32>,
    pub bias: Vec<f32>,
    pub sparse: Vec<Vec<f32>>,
    pub dense: Vec<Vec<f32>>,
}

/// The weight file's bytes for `t`: the hashed weights quantized to i8 per output.
pub fn encode(t: &Trained) -> Vec<u8> {
    let n = OUTPUTS.len();
    let mut b = Vec::new();
    b.extend_from_slice(b"BSM1");
    for x in [n, N_SPARSE, N_HASH, t.dims] {
        b.extend_from_slice(&(x as u32).to_le_bytes());
    }
    let scales: Vec<f32> = (0..n)
        .map(|o| {
            let m = t.sparse[o][..N_HASH]
                .iter()
                .fold(0f32, |m, w| m.max(w.abs()));
            if m == 0.0 {
                1.0
            } else {
                m / 127.0
            }
        })
        .collect();
    for (o, out) in OUTPUTS.iter().enumerate() {
        b.extend_from_slice(&[out.code(), 0, 0, 0]);
        for x in [t.threshold[o], t.threshold_ruled[o], t.bias[o], scales[o]] {
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
    b
}

/// The compiled-in model.
#[derive(Debug)]
pub struct Model {
    hashed: &'static [u8],
    threshold: Vec<f32>,
    threshold_ruled: Vec<f32>,
    bias: Vec<f32>,
    scale: Vec<f32>,
    evidence: Vec<f32>,
    dense: Vec<f32>,
    dims: usize,
}

static BYTES: &[u8] = include_bytes!("../../data/model.bin");

/// Why a weight file cannot be used.
pub fn decode(b: &'static [u8]) -> Result<Model, String> {
    let n = OUTPUTS.len();
    let u = |at: usize| -> Result<u32, String> {
        b.get(at..at + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
            .ok_or_else(|| format!("model file ends at byte {} (reading byte {at})", b.len()))
    };
    if b.get(..4) != Some(b"BSM1") {
        return Err("model file does not start with BSM1".into());
    }
    let (outs, sparse, hashed, dims) = (
        u(4)? as usize,
        u(8)? as usize,
        u(12)? as usize,
        u(16)? as usize,
    );
    if (outs, sparse, hashed) != (n, N_SPARSE, N_HASH) || dims != vectors::dims() {
        return Err(format!(
            "model file has {outs} outputs, {sparse} features ({hashed} hashed), {dims} dims; \
             the core reads {n}, {N_SPARSE} ({N_HASH}), {}: run `bedside train`",
            vectors::dims()
        ));
    }
    let mut at = 20;
    let (mut threshold, mut threshold_ruled, mut bias, mut scale) =
        (vec![], vec![], vec![], vec![]);
    for out in OUTPUTS {
        if b.get(at) != Some(&out.code()) {
            return Err(format!(
                "model file's outputs differ at {}: run `bedside train`",
                out.name()
            ));
        }
        threshold.push(f32::from_bits(u(at + 4)?));
        threshold_ruled.push(f32::from_bits(u(at + 8)?));
        bias.push(f32::from_bits(u(at + 12)?));
        scale.push(f32::from_bits(u(at + 16)?));
        at += 20;
    }
    let hashed_bytes = b
        .get(at..at + N_HASH * n)
        .ok_or("model file too short for its hashed weights")?;
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
    if at != b.len() {
        return Err(format!(
            "model file has {} bytes after its weights",
            b.len() - at
        ));
    }
    Ok(Model {
        hashed: hashed_bytes,
        threshold,
        threshold_ruled,
        bias,
        scale,
        evidence,
        dense,
        dims,
    })
}

/// The compiled-in model, or `None` while no weights are trained (rules alone decide).
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| {
        if BYTES.is_empty() {
            None
        } else {
            // A corrupt weight file is a build defect: the test `model_loads` names it.
            decode(BYTES).ok()
        }
    })
    .as_ref()
}

/// The compiled-in weight file's load error, if any (for tests and `bedside train --check`).
pub fn load_error() -> Option<String> {
    if BYTES.is_empty() {
        return Some("no model compiled in (crates/core/data/model.bin is empty)".into());
    }
    decode(BYTES).err()
}

/// The compiled-in vectors: how many words, how many dimensions.
pub fn vector_shape() -> (usize, usize) {
    (vectors::words(), vectors::dims())
}

impl Model {
    /// Log-odds per output for one example.
    pub fn scores(&self, ex: &Example) -> Vec<f32> {
        let n = OUTPUTS.len();
        let mut s = self.bias.clone();
        let mut acc = vec![0i32; n];
        for &f in &ex.sparse {
            let f = f as usize;
            if f < N_HASH {
                for (a, &w) in acc.iter_mut().zip(&self.hashed[f * n..f * n + n]) {
                    *a += w as i8 as i32;
                }
            } else {
                let row = &self.evidence[(f - N_HASH) * n..(f - N_HASH) * n + n];
                s.iter_mut().zip(row).for_each(|(s, w)| *s += w);
            }
        }
        for o in 0..n {
            s[o] += acc[o] as f32 * self.scale[o];
        }
        for (d, &x) in ex.dense.iter().enumerate().take(self.dims) {
            let row = &self.dense[d * n..d * n + n];
            s.iter_mut().zip(row).for_each(|(s, w)| *s += w * x);
        }
        s
    }

    /// Adds the model's decision to the rules' drafts: a judgement category the model finds
    /// gets a finding at its default severity (on the rules' span, or on the sentences that
    /// score highest). The rules' own findings stand: the corpus they were written for
    /// still needs them (the floors test), and the model's out-of-fold scores did not
    /// earn a veto. When the post is plainly not about a patient, names, ages, dates and
    /// places are lowered to tips (never dropped), except in record text that shows a patient.
    pub(crate) fn decide(&self, ctx: &Context, drafts: &mut Vec<Draft>) {
        let rules = drafts.len();
        let whole = extract(ctx, drafts, 0, ctx.text.len());
        let post = self.scores(&whole);
        let long = whole.words >= MIN_WORDS;
        let mut sentences: Option<Vec<Vec<f32>>> = None;
        for (o, out) in OUTPUTS.iter().enumerate() {
            match *out {
                Output::Category(c) => {
                    // The rules' own finding is evidence: it needs less to stand.
                    let ruled = drafts[..rules].iter().any(|d| {
                        d.category == c && d.severity >= Severity::Medium && d.detector.is_none()
                    });
                    let t = if ruled {
                        self.threshold_ruled[o]
                    } else {
                        self.threshold[o]
                    };
                    let yes = post[o] >= t;
                    let mut has = false;
                    for d in drafts[..rules].iter_mut().filter(|d| d.category == c) {
                        has = true;
                        if yes && d.detector.is_none() {
                            d.severity = d.severity.max(c.default_severity());
                        }
                    }
                    if yes && !has && long {
                        let per = sentences.get_or_insert_with(|| {
                            (0..ctx.sentences.len())
                                .map(|i| {
                                    let (s, e) = ctx.sentences[i];
                                    self.scores(&extract(ctx, &drafts[..rules], s, e))
                                })
                                .collect()
                        });
                        let best = (0..per.len())
                            .max_by(|&a, &b| per[a][o].total_cmp(&per[b][o]).then(b.cmp(&a)));
                        for (i, scores) in per.iter().enumerate() {
                            if Some(i) == best || scores[o] >= self.threshold[o] {
                                let (s, e) = ctx.sentences[i];
                                let (s, e) = trim_span(ctx.text, s, e);
                                if s < e {
                                    let mut d = Draft::new(c, c.default_severity(), s, e);
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
                }
                Output::PatientContext => {
                    // Record text that shows a patient (see `Scanner::scan_record`) is a
                    // patient's by what it holds; the model learned patient context from posts.
                    if !ctx.record && post[o] < self.threshold[o] {
                        for d in drafts[..rules].iter_mut().filter(|d| {
                            PATIENT_DETAILS.contains(&d.category) && d.detector.is_none()
                        }) {
                            d.severity = Severity::Low;
                            d.weak = true;
                        }
                    }
                }
            }
        }
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
        assert!(decode(b"BSM0").unwrap_err().contains("BSM1"));
        let short: &'static [u8] = b"BSM1\x0e\0\0\0";
        assert!(decode(short).unwrap_err().contains("ends at byte 8"));
    }
}
