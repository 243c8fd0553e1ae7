//! The record gate's features: does record text (what OCR read off a photo) show a patient?
//! A census board, a chart or a wristband does; a staff rota, a notice, a supply label or a
//! blank form does not, though each has names, dates and numbers. The gate reads what a
//! post's model reads ([`extract`]: hashed words, n-grams, lexicon kinds, the rules'
//! findings, the pooled word vectors) over the whole text with record mode on, and after
//! it [`N_RECORD`] features of its own: how many findings of each kind the rules made, the
//! hand test's signals (`Scanner`'s `shows_patient`, anchors, a test print), the number of
//! lines and layout cues (field names such as "Name:" or "DOB", staff words such as
//! on-call, rota or extension, a notice's or a label's words).

use crate::context::Context;
use crate::model::features::{extract, Example, N_SPARSE};
use crate::rules::Draft;
use crate::{Category, Severity};

/// The record gate's own features, after the post's [`N_SPARSE`].
pub const N_RECORD: usize = 96;
/// Every feature the record gate reads.
pub const N_GATE: usize = N_SPARSE + N_RECORD;

/// What the scanner's hand test found in record text (see `Scanner::scan_record`).
pub(crate) struct RecordSignals {
    /// The text says it is a test or training print.
    pub mock: bool,
    /// Findings that, by the hand test, show a patient (`shows_patient`).
    pub shows: usize,
    /// Findings a rule marked as showing whose record it is (`Draft::anchor`).
    pub anchors: usize,
}

/// The kinds of finding the gate counts, by category.
fn group(c: Category) -> usize {
    match c {
        Category::PhiName => 0,
        Category::PhiDate => 1,
        Category::PhiAge => 2,
        Category::PhiMrn
        | Category::PhiHealthPlan
        | Category::PhiAccount
        | Category::PhiSsn
        | Category::PhiLicense
        | Category::PhiId => 3,
        Category::PhiRoom => 4,
        Category::PhiPhone | Category::PhiEmail => 5,
        Category::PhiLocation => 6,
        _ if c.id().starts_with("phi.") => 7,
        _ => 8,
    }
}
const GROUPS: usize = 9;

/// Layout cues: each a set of words (whole tokens of the lower-cased text) or phrases
/// (found anywhere in it).
const CUES: &[(&[&str], &[&str])] = &[
    // Field names of a patient's record.
    (
        &["name", "pt", "patient", "surname", "forename", "pt's"],
        &[],
    ),
    (&["dob", "born"], &["d.o.b", "date of birth", "birth date"]),
    (
        &["mrn", "nhs", "hosp", "medicare", "urn", "insurance", "chi"],
        &["id#", "mrn#"],
    ),
    (&["bed", "rm", "room", "bay", "cot", "pod"], &[]),
    (&["age", "sex", "yo", "gender", "wt", "weight"], &["y/o"]),
    (
        &[
            "allergies",
            "allergy",
            "nka",
            "nkda",
            "dx",
            "diagnosis",
            "admitted",
            "adm",
            "dnr",
            "dnar",
            "code",
            "attending",
            "consultant",
        ],
        &[],
    ),
    // A staff board, a rota, a phone list.
    (
        &["rota", "roster", "rotation", "schedule", "shifts", "oncall"],
        &["on-call", "on call"],
    ),
    (&["ext", "extension", "bleep", "pager", "vocera", "x"], &[]),
    (
        &[
            "staff",
            "charge",
            "rn",
            "rns",
            "hca",
            "cna",
            "np",
            "pa",
            "registrar",
            "resident",
            "fellow",
            "team",
        ],
        &[],
    ),
    (&["dr", "doctor", "md", "nurse", "nurses"], &[]),
    (
        &[
            "am", "pm", "days", "nights", "day", "night", "early", "late",
        ],
        &[],
    ),
    (
        &[
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
        &[],
    ),
    // A notice or a poster.
    (
        &[
            "notice",
            "reminder",
            "attention",
            "meeting",
            "training",
            "class",
            "welcome",
            "event",
            "please",
            "join",
            "register",
            "session",
            "free",
        ],
        &[],
    ),
    (
        &[
            "phone", "tel", "contact", "fax", "email", "call", "visit", "www",
        ],
        &[".com", ".org"],
    ),
    // A label or a supply sheet.
    (
        &[
            "lot",
            "exp",
            "expiry",
            "serial",
            "sn",
            "ref",
            "model",
            "batch",
            "qty",
            "sterile",
            "manufactured",
            "mfg",
            "catalog",
            "cat",
            "item",
            "stock",
        ],
        &["use by"],
    ),
    // A blank or sample form.
    (
        &[
            "sample", "example", "blank", "template", "specimen", "xxx", "doe",
        ],
        &["for illustration", "example only"],
    ),
    (&["mr", "mrs", "ms", "miss", "mx"], &[]),
    (
        &[
            "census",
            "board",
            "assignments",
            "whiteboard",
            "handover",
            "huddle",
        ],
        &[],
    ),
];

/// The record gate's example of record text: the post model's features over the whole
/// text (`drafts` are the rules' findings with record mode on), then the gate's own.
pub(crate) fn record_example(ctx: &Context, drafts: &[Draft], s: &RecordSignals) -> Example {
    let mut ex = extract(ctx, drafts, 0, ctx.text.len());
    let mut own: Vec<usize> = Vec::with_capacity(32);
    // Counts of the rules' findings by kind (medium or high), as cumulative buckets.
    let mut counts = [0usize; GROUPS];
    let (mut tentative, mut single, mut multi) = (0usize, 0usize, 0usize);
    for d in drafts.iter().filter(|d| d.detector.is_none()) {
        if d.tentative {
            tentative += 1;
            continue;
        }
        if d.severity < Severity::Medium {
            continue;
        }
        counts[group(d.category)] += 1;
        if d.category == Category::PhiName {
            let t = ctx.text.get(d.start..d.end).unwrap_or("");
            if t.split_whitespace().count() > 1 || t.contains(',') {
                multi += 1;
            } else {
                single += 1;
            }
        }
    }
    let buckets = |n: usize, at: usize, own: &mut Vec<usize>, steps: &[usize]| {
        for (i, &s) in steps.iter().enumerate() {
            if n >= s {
                own.push(at + i);
            }
        }
    };
    for (g, &n) in counts.iter().enumerate() {
        buckets(n, 4 * g, &mut own, &[1, 2, 4, 8]);
    }
    // 36..
    buckets(tentative, 36, &mut own, &[1, 2, 4]);
    buckets(s.shows, 39, &mut own, &[1, 2, 4]);
    buckets(s.anchors, 42, &mut own, &[1, 2, 4]);
    if s.mock {
        own.push(45);
    }
    if !s.mock && s.shows > 0 {
        // The hand test's answer.
        own.push(46);
    }
    buckets(single, 47, &mut own, &[1, 3, 6]);
    buckets(multi, 50, &mut own, &[1, 3]);
    // Lines: how many, how many are "Field: value", how many carry a digit.
    let lines: Vec<&str> = ctx
        .lower
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    buckets(lines.len(), 52, &mut own, &[2, 4, 8, 16]);
    let fields = lines
        .iter()
        .filter(|l| {
            l.split_once(':').is_some_and(|(k, _)| {
                !k.is_empty() && k.len() <= 24 && k.chars().any(|c| c.is_alphabetic())
            })
        })
        .count();
    buckets(fields, 56, &mut own, &[1, 3, 6]);
    let digits = lines
        .iter()
        .filter(|l| l.bytes().any(|b| b.is_ascii_digit()))
        .count();
    if 2 * digits > lines.len() {
        own.push(59);
    }
    let letters = ctx.text.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = ctx.text.chars().filter(|c| c.is_uppercase()).count();
    if letters > 0 && 2 * capitals > letters {
        own.push(60);
    }
    // 64..: the cues.
    let lower = ctx.lower.as_str();
    for (i, (words, phrases)) in CUES.iter().enumerate() {
        let word = ctx
            .tokens
            .iter()
            .any(|t| words.contains(&lower.get(t.start..t.end).unwrap_or("")));
        if word || phrases.iter().any(|p| lower.contains(p)) {
            own.push(64 + i);
        }
    }
    debug_assert!(own.iter().all(|&k| k < N_RECORD));
    own.sort_unstable();
    own.dedup();
    ex.sparse
        .extend(own.into_iter().map(|k| (N_SPARSE + k) as u32));
    ex
}
