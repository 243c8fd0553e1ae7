//! Organisation detectors: patterns a hospital's privacy office writes for its own formats
//! (medical record numbers, employee ids, code names), given in policy or by the user.
//!
//! Patterns are user input, so they are compiled with the `regex` crate, whose matching
//! time is linear in the post whatever the pattern: a policy file can never hang the page.
//! Every detector is tested against the post in one pass of a [`RegexSet`]; only the
//! detectors that match are run again for their spans. A detector that cannot be used (bad
//! syntax, too large, unknown category) is left out with an error naming it; the others
//! keep working. Nothing here is built when no detector is configured.
//!
//! Patterns run in the crate's ASCII mode on the post's bytes: `\d`, `\w`, `\s`, `\b` and
//! `(?i)` are ASCII, other characters match literally. Unicode-aware word boundaries would
//! make the set fall back from its DFA to a far slower engine on any post with an emoji or
//! an accent, and the Unicode tables would add to the `.wasm`. A match that ends inside a
//! character is widened to whole characters by the scanner.

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::rules::Draft;
use crate::{Category, Severity};

/// At most this many detectors are compiled; the rest are reported as errors.
pub const MAX_DETECTORS: usize = 200;
/// A pattern longer than this (in bytes) is rejected before it is parsed.
pub const MAX_PATTERN_LEN: usize = 1_000;
/// The compiled size one pattern may take (`RegexBuilder::size_limit`), in bytes.
pub const MAX_PATTERN_SIZE: usize = 256 * 1024;
/// Findings one detector may report in one post: bounds a scan's work whatever the pattern.
pub const MAX_MATCHES: usize = 100;

/// One organisation detector, as written in policy or the options page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Detector {
    /// A short id, unique in the list (`mrn`), named in errors.
    pub id: String,
    /// What it finds, in the organisation's words; the card says "Your organisation flags
    /// this: <label>".
    #[serde(default)]
    pub label: String,
    /// `regex` crate syntax.
    pub pattern: String,
    /// A taxonomy id; `custom.term` when absent.
    #[serde(default)]
    pub category: Option<String>,
    /// `high`, `medium` or `low`; the category's default when absent.
    #[serde(default)]
    pub severity: Option<String>,
    /// The explanation on the card; a general one when absent.
    #[serde(default)]
    pub message: Option<String>,
    /// Flag a match only in a sentence (or post) about a patient.
    #[serde(default, alias = "needsContext")]
    pub needs_context: bool,
}

/// A detector that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetectorError {
    /// The detector's id (or `#N`, its 1-based position, when it has none).
    pub id: String,
    pub message: String,
}

impl std::fmt::Display for DetectorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "detector \"{}\": {}", self.id, self.message)
    }
}

/// Which detector a finding came from (serialised in the report as `detector`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetectorRef {
    pub id: String,
    pub label: String,
}

struct Compiled {
    info: DetectorRef,
    regex: Regex,
    category: Category,
    severity: Severity,
    message: String,
    needs_context: bool,
}

/// The usable detectors, compiled.
pub struct Detectors {
    set: RegexSet,
    compiled: Vec<Compiled>,
}

impl Detectors {
    /// Compiles what can be compiled; returns `None` for the set when no detector is usable.
    pub fn build(list: &[Detector]) -> (Option<Detectors>, Vec<DetectorError>) {
        let mut errors = Vec::new();
        let mut compiled: Vec<Compiled> = Vec::new();
        for (i, d) in list.iter().enumerate() {
            let name = if d.id.trim().is_empty() {
                format!("#{}", i + 1)
            } else {
                d.id.trim().to_string()
            };
            let fail = |message: String| DetectorError {
                id: name.clone(),
                message,
            };
            if i >= MAX_DETECTORS {
                errors.push(fail(format!(
                    "left out: at most {MAX_DETECTORS} detectors are used"
                )));
                continue;
            }
            match compile(d, &name, &compiled) {
                Ok(c) => compiled.push(c),
                Err(message) => errors.push(fail(message)),
            }
        }
        if compiled.is_empty() {
            return (None, errors);
        }
        // Each pattern fits its own limit, so the set (their sum) fits this one.
        let set = RegexSetBuilder::new(compiled.iter().map(|c| c.regex.as_str()))
            .unicode(false)
            .size_limit(MAX_PATTERN_SIZE * (compiled.len() + 1))
            .build()
            .expect("patterns that compiled alone compile as a set");
        (Some(Detectors { set, compiled }), errors)
    }

    /// Appends each detector's matches; `index` tells the scanner which detector it was.
    pub fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let hits = self.set.matches(ctx.text.as_bytes());
        if !hits.matched_any() {
            return;
        }
        for i in hits.iter() {
            let c = &self.compiled[i];
            for m in c.regex.find_iter(ctx.text.as_bytes()).take(MAX_MATCHES) {
                if m.is_empty() {
                    continue;
                }
                if c.needs_context && !ctx.patient_post {
                    let s = ctx.sentence_of(m.start());
                    if !ctx.patient_in(s, ctx.sentence_of(m.end() - 1)) {
                        continue;
                    }
                }
                let mut d = Draft::new(c.category, c.severity, m.start(), m.end())
                    .message(c.message.clone())
                    .suggest("");
                d.detector = Some(i);
                out.push(d);
            }
        }
    }

    /// The id and label of detector `i`, as findings name it.
    pub fn info(&self, i: usize) -> &DetectorRef {
        &self.compiled[i].info
    }
}

fn compile(d: &Detector, name: &str, done: &[Compiled]) -> Result<Compiled, String> {
    if d.id.trim().is_empty() {
        return Err("has no id".into());
    }
    if done.iter().any(|c| c.info.id == name) {
        return Err("the id is used by an earlier detector".into());
    }
    if d.pattern.is_empty() {
        return Err("the pattern is empty".into());
    }
    if d.pattern.len() > MAX_PATTERN_LEN {
        return Err(format!(
            "the pattern is {} bytes long; at most {MAX_PATTERN_LEN} are allowed",
            d.pattern.len()
        ));
    }
    let category = match d.category.as_deref() {
        None => Category::CustomTerm,
        Some(id) => Category::from_id(id).ok_or_else(|| {
            format!("unknown category \"{id}\" (use a taxonomy id such as \"phi.mrn\")")
        })?,
    };
    if category == Category::PhiPhoto {
        return Err("category \"phi.photo\" is for attachments, not text".into());
    }
    let severity = match d.severity.as_deref() {
        None => category.default_severity(),
        Some("high") => Severity::High,
        Some("medium") => Severity::Medium,
        Some("low") => Severity::Low,
        Some(s) => return Err(format!("severity must be high, medium or low, got \"{s}\"")),
    };
    let regex = RegexBuilder::new(&d.pattern)
        .unicode(false)
        .size_limit(MAX_PATTERN_SIZE)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => format!(
                "the pattern is too large: it compiles to more than {limit} bytes; simplify it (fewer or smaller repetitions)"
            ),
            regex::Error::Syntax(s) => format!("invalid pattern: {}", syntax_problem(&s)),
            other => format!("invalid pattern: {other}"),
        })?;
    if regex.is_match(b"") {
        return Err("the pattern matches empty text; it must match at least one character".into());
    }
    let label = if d.label.trim().is_empty() {
        name.to_string()
    } else {
        d.label.trim().to_string()
    };
    let message = match d.message.as_deref().map(str::trim) {
        Some(m) if !m.is_empty() => m.to_string(),
        _ => format!("Your organisation does not allow this to be posted ({label})."),
    };
    Ok(Compiled {
        info: DetectorRef {
            id: name.to_string(),
            label,
        },
        regex,
        category,
        severity,
        message,
        needs_context: d.needs_context,
    })
}

/// The problem in a `regex` parse error, on one line: "unclosed group (at character 5)".
/// The crate's message spans several lines (the pattern, a caret, then `error: ...`).
fn syntax_problem(full: &str) -> String {
    let lines: Vec<&str> = full.lines().collect();
    let problem = lines
        .iter()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or(full.trim());
    // The caret line's first `^` marks the position under the pattern line above it.
    let at = lines.windows(2).find_map(|w| {
        let caret = w[1].find('^')?;
        w[1].trim().chars().all(|c| c == '^').then_some(())?;
        let indent = w[0].len() - w[0].trim_start().len();
        w[0].get(indent..caret)
            .map(|before| before.chars().count() + 1)
    });
    match at {
        Some(n) => format!("{problem} (at character {n})"),
        None => problem.to_string(),
    }
}
