//! Issue 16: organisation detectors. Matches carry the detector's category, severity and
//! label; a detector that cannot be used is reported by id with its problem while the
//! others keep working; a pattern built to be catastrophic for a backtracking engine scans
//! normally (its time is printed by `bedside bench`).

use bedside_core::{Category, Config, Detector, Scanner, Severity, MAX_DETECTORS};

fn det(id: &str, pattern: &str) -> Detector {
    Detector {
        id: id.into(),
        label: format!("{id} label"),
        pattern: pattern.into(),
        category: None,
        severity: None,
        message: None,
        needs_context: false,
    }
}

fn mrn() -> Detector {
    Detector {
        label: "St. Luke's medical record number".into(),
        category: Some("phi.mrn".into()),
        severity: Some("high".into()),
        message: Some("St. Luke's MRNs never leave the chart.".into()),
        ..det("mrn", r"\b[A-Z]{2}\d{7}\b")
    }
}

fn scanner(detectors: Vec<Detector>) -> Scanner {
    Scanner::new(Config {
        detectors,
        ..Config::default()
    })
    .unwrap()
}

#[test]
fn a_detector_finds_its_matches_with_its_category_severity_and_label() {
    let s = scanner(vec![
        mrn(),
        Detector {
            category: Some("workplace.confidential".into()),
            severity: Some("medium".into()),
            ..det("codename", r"(?i)\bproject\s+bluebird\b")
        },
    ]);
    assert!(s.detector_errors().is_empty(), "{:?}", s.detector_errors());
    let text = "Great news from PROJECT  Bluebird today. Chart SL4471920 is done, SL44719201 is not an id.";
    let r = s.scan(text);
    let mrn = r
        .findings
        .iter()
        .find(|f| f.text == "SL4471920")
        .expect("MRN found");
    assert_eq!(mrn.category, Category::PhiMrn);
    assert_eq!(mrn.severity, Severity::High);
    assert_eq!(mrn.message, "St. Luke's MRNs never leave the chart.");
    let d = mrn.detector.as_ref().expect("names its detector");
    assert_eq!(
        (d.id.as_str(), d.label.as_str()),
        ("mrn", "St. Luke's medical record number")
    );
    // The detector's pattern ends at a word boundary: it never matches the longer number.
    // (The model may still underline the sentence that holds it: a held post shows a
    // judgement finding, which is not this detector's.)
    assert!(
        !r.findings
            .iter()
            .any(|f| f.detector.is_some() && f.text.contains("SL44719201")),
        "{:#?}",
        r.findings
    );
    let code = r
        .findings
        .iter()
        .find(|f| f.text == "PROJECT  Bluebird")
        .expect("case-insensitive match");
    assert_eq!(code.category, Category::WorkplaceConfidential);
    assert_eq!(code.severity, Severity::Medium);

    // The report contract carries the detector; findings of built-in rules do not.
    let json = serde_json::to_value(&r).unwrap();
    let with: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("detector").is_some())
        .collect();
    assert_eq!(with.len(), 2);
    assert_eq!(
        with.iter().find(|f| f["text"] == "SL4471920").unwrap()["detector"],
        serde_json::json!({"id": "mrn", "label": "St. Luke's medical record number"})
    );
}

#[test]
fn spans_are_utf16_and_classes_are_ascii() {
    let s = scanner(vec![
        det("emp", r"\bEMP-\d{4}\b"),
        det("ward", r"(?i)\bstation\s+ω\w+"),
        det("digits", r"\b\d{3}x\b"),
    ]);
    // "٣" is an Arabic-Indic digit: not `\d` in ASCII mode.
    let text = "😷 Zoë asked EMP-0042 about STATION ωmega and ٣٣٣x.";
    let r = s.scan(text);
    let emp = r.findings.iter().find(|f| f.text == "EMP-0042").unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&utf16[emp.start..emp.end]).unwrap(),
        "EMP-0042"
    );
    assert_eq!(emp.category, Category::CustomTerm);
    assert_eq!(emp.severity, Severity::Medium, "custom.term's default");
    assert!(
        r.findings.iter().any(|f| f.text == "STATION ωmega"),
        "{:#?}",
        r.findings
    );
    assert!(!r.findings.iter().any(|f| f.text.contains('٣')));
}

#[test]
fn bad_detectors_are_named_with_their_problem_and_the_others_keep_working() {
    let s = scanner(vec![
        det("unclosed", r"\b(MRN\d+"),
        Detector {
            pattern: r"\w{1000}{1000}".into(),
            ..det("huge", "")
        },
        Detector {
            category: Some("phi.nope".into()),
            ..det("badcat", "xyz")
        },
        Detector {
            severity: Some("severe".into()),
            ..det("badsev", "xyz")
        },
        det("empty", r"\d*"),
        det("", "abc"),
        mrn(),
        det("mrn", "duplicate"),
    ]);
    let errors: Vec<(String, String)> = s
        .detector_errors()
        .iter()
        .map(|e| (e.id.clone(), e.message.clone()))
        .collect();
    let msg = |id: &str| {
        errors
            .iter()
            .find(|(i, _)| i == id)
            .unwrap_or_else(|| panic!("no error for {id}: {errors:?}"))
            .1
            .clone()
    };
    assert_eq!(errors.len(), 7, "{errors:?}");
    assert!(
        msg("unclosed").starts_with("invalid pattern: unclosed group (at character 3)"),
        "{}",
        msg("unclosed")
    );
    assert!(!msg("unclosed").contains('\n'));
    assert!(
        msg("huge").starts_with("the pattern is too large"),
        "{}",
        msg("huge")
    );
    assert!(msg("badcat").contains("unknown category \"phi.nope\""));
    assert!(msg("badsev").contains("\"severe\""));
    assert!(msg("empty").contains("matches empty text"));
    assert!(msg("#6").contains("no id"));
    assert!(msg("mrn").contains("used by an earlier detector"));
    assert_eq!(
        s.detector_errors()[0].to_string(),
        format!("detector \"unclosed\": {}", msg("unclosed"))
    );
    // The good one still works.
    let r = s.scan("Chart SL4471920 again");
    assert!(r
        .findings
        .iter()
        .any(|f| f.text == "SL4471920" && f.detector.is_some()));
}

#[test]
fn at_most_max_detectors_are_used_and_the_rest_are_reported() {
    let list: Vec<Detector> = (0..MAX_DETECTORS + 2)
        .map(|i| det(&format!("d{i}"), &format!(r"\bZQ{i:04}\b")))
        .collect();
    let s = scanner(list);
    let ids: Vec<&str> = s.detector_errors().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            format!("d{MAX_DETECTORS}"),
            format!("d{}", MAX_DETECTORS + 1)
        ]
    );
    assert!(s.detector_errors()[0].message.contains("at most 200"));
    assert_eq!(s.scan("code ZQ0199 here").findings.len(), 1);
    assert!(s.scan("code ZQ0200 here").findings.is_empty());
}

#[test]
fn needs_context_flags_only_beside_a_patient() {
    let s = scanner(vec![Detector {
        needs_context: true,
        ..det("bed", r"\bpod [A-F]\b")
    }]);
    assert!(s
        .scan("We repainted pod C over the weekend.")
        .findings
        .is_empty());
    let r = s.scan("My patient in pod C finally walked today.");
    assert!(
        r.findings.iter().any(|f| f.text == "pod C"),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_catastrophic_backtracking_pattern_scans_fine() {
    let s = scanner(vec![det("evil", r"(a+)+$"), det("evil2", r"(x+x+)+y")]);
    assert!(s.detector_errors().is_empty());
    let text = "a".repeat(50_000);
    let r = s.scan(&text);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].end, 50_000);
    let r = s.scan(&"x".repeat(50_000));
    assert!(r.findings.is_empty());
}

#[test]
fn one_detector_reports_at_most_max_matches_a_post() {
    let s = scanner(vec![det("digit", r"\d")]);
    let text = "1 ".repeat(500);
    assert_eq!(s.scan(&text).findings.len(), bedside_core::MAX_MATCHES);
}

#[test]
fn detectors_deserialise_from_policy_json() {
    let config: Config = serde_json::from_str(
        r#"{"detectors": [{"id": "mrn", "label": "St. Luke's medical record number",
            "pattern": "\\b[A-Z]{2}\\d{7}\\b", "category": "phi.mrn", "severity": "high",
            "message": "m", "needs_context": false}]}"#,
    )
    .unwrap();
    assert_eq!(config.detectors[0].pattern, r"\b[A-Z]{2}\d{7}\b");
    let s = Scanner::new(config).unwrap();
    assert!(s.detector_errors().is_empty());
}
