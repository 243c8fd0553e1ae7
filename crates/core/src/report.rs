use std::borrow::Cow;

use serde::Serialize;

use crate::{Category, DetectorRef, Severity};

/// What a post should get: the taxonomy's verdict rule (any high finding holds it,
/// any medium one asks for a review).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Clean,
    Review,
    Hold,
}

/// One risky span of the post.
///
/// Serialises to the report contract: `start`/`end` are UTF-16 code units, because
/// that is what the browser's ranges count; the byte span is for Rust callers only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub category: Category,
    pub severity: Severity,
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Borrowed when it is a rule's fixed sentence, so a scan does not copy it.
    pub message: Cow<'static, str>,
    /// Safer wording for the span; `Some("")` means "remove it".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Cow<'static, str>>,
    /// For `case.recognizable`: the details that were counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<String>>,
    /// The organisation detector that found it, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detector: Option<DetectorRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
}

impl Report {
    /// Applies the verdict rule to the findings.
    pub fn from_findings(findings: Vec<Finding>) -> Report {
        let verdict = match findings.iter().map(|f| f.severity).max() {
            Some(Severity::High) => Verdict::Hold,
            Some(Severity::Medium) => Verdict::Review,
            _ => Verdict::Clean,
        };
        Report { verdict, findings }
    }
}
