//! Worst first: the one ordering of scanned posts, used by `bedside audit` and the audit
//! page (which receives each post's [`score`] from the same code through WebAssembly).

use std::cmp::Ordering;

use bedside_core::{Report, Severity, Verdict};

/// Higher is worse: the verdict, then the number of high, medium and low findings.
pub fn score(report: &Report) -> u32 {
    let verdict = match report.verdict {
        Verdict::Clean => 0,
        Verdict::Review => 1,
        Verdict::Hold => 2,
    };
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count() as u32;
    score_of(
        verdict,
        count(Severity::High),
        count(Severity::Medium),
        count(Severity::Low),
    )
}

/// [`score`] from its parts (verdict 0 clean, 1 review, 2 hold), for the audit page,
/// whose reports come from the composer's module.
pub fn score_of(verdict: u32, high: u32, medium: u32, low: u32) -> u32 {
    verdict * 1_000_000 + high.min(99) * 10_000 + medium.min(99) * 100 + low.min(99)
}

/// Worse first; between equals, the newer first (ISO dates compare as text).
pub fn worst_first(a: (u32, &str), b: (u32, &str)) -> Ordering {
    b.0.cmp(&a.0).then_with(|| b.1.cmp(a.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hold_before_review_before_clean_then_newer_first() {
        let scanner = bedside_core::Scanner::new(Default::default()).unwrap();
        let hold = scanner.scan("Pt in room 412 with HIV, MRN 48213377, was so rude today");
        let review = scanner.scan("Rough night shift, our charge nurse is an idiot");
        let clean = scanner.scan("Proud to finish my BSN today!");
        assert_eq!(hold.verdict, Verdict::Hold);
        assert_eq!(clean.verdict, Verdict::Clean);
        let (h, r, c) = (score(&hold), score(&review), score(&clean));
        assert!(h > r && r > c, "{h} {r} {c}");
        let mut v = vec![
            (c, "2020-01-01"),
            (h, "2019-01-01"),
            (r, "2021-01-01"),
            (h, "2022-01-01"),
        ];
        v.sort_by(|a, b| worst_first(*a, *b));
        assert_eq!(
            v,
            vec![
                (h, "2022-01-01"),
                (h, "2019-01-01"),
                (r, "2021-01-01"),
                (c, "2020-01-01")
            ]
        );
    }
}
