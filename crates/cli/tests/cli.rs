//! The `bedside` binary as its users drive it: exit codes, the JSON report contract,
//! batch mode that survives bad lines, and clear errors on bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bedside(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bedside"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bedside runs");
    // A command that fails on its arguments exits before it reads its input: the pipe is
    // then closed, which is not the test's concern (the exit code and stderr are).
    match child.stdin.take().unwrap().write_all(stdin) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn json_report_has_the_contract_shape_and_utf16_spans() {
    // The emoji before the name is 2 UTF-16 code units but 4 bytes.
    let post = "🩺 my patient Mr. Alvarez in room 12";
    let out = bedside(&["check", "--json", "-"], post.as_bytes());
    assert_eq!(out.status.code(), Some(2), "hold exits 2");
    let report = json(&out);
    assert_eq!(report["verdict"], "hold");
    let name = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["category"] == "phi.name")
        .expect("the name is found");
    let start = post.encode_utf16().count() - "Mr. Alvarez in room 12".encode_utf16().count();
    assert_eq!(name["start"], start);
    assert_eq!(name["end"], start + "Mr. Alvarez".len());
    assert_eq!(name["text"], "Mr. Alvarez");
    for key in ["category", "severity", "start", "end", "text", "message"] {
        assert!(name.get(key).is_some(), "finding has {key}");
    }
}

#[test]
fn exit_codes_follow_the_verdict() {
    let clean = bedside(
        &["check", "-"],
        b"Flu shots today in the main lobby, 9 to 5. Bring your badge!",
    );
    assert_eq!(clean.status.code(), Some(0));
    let review = bedside(
        &["check", "-"],
        b"Our charge nurse is useless and management does not care.",
    );
    assert!(
        matches!(review.status.code(), Some(1) | Some(2)),
        "{:?}",
        review.status
    );
}

#[test]
fn batch_mode_reports_a_malformed_line_by_number_and_goes_on() {
    let input = b"{\"id\":\"a\",\"text\":\"my patient in room 12 has sepsis\"}\nnot json\n{\"id\":\"c\",\"text\":\"Happy nurses week!\"}\n";
    let out = bedside(&["check", "--jsonl", "-"], input);
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "one output line per input line, in order");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["verdict"], "hold");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["verdict"], "clean");
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let out = bedside(&["check", "-"], b"hello \xff\xfe world");
    assert!(out.status.code().unwrap() >= 3);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not valid UTF-8") && err.contains("offset 6"),
        "{err}"
    );
}

#[test]
fn empty_input_unreadable_file_and_bad_usage_are_clear_errors() {
    let empty = bedside(&["check", "-"], b"");
    assert!(empty.status.code().unwrap() >= 3);
    assert!(String::from_utf8_lossy(&empty.stderr).contains("empty"));

    let missing = bedside(&["check", "/nonexistent/post.txt"], b"");
    assert!(missing.status.code().unwrap() >= 3);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/post.txt"));

    let usage = bedside(&["frobnicate"], b"");
    assert_eq!(usage.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("usage"));
}

#[test]
fn a_one_megabyte_paste_is_scanned_whole() {
    let mut post = String::new();
    while post.len() < 1 << 20 {
        post.push_str("Lovely shift on the unit today, thanks team. ");
    }
    post.push_str("My patient Mr. Alvarez in room 12.");
    let out = bedside(&["check", "--json", "-"], post.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(2),
        "the risk at the very end is found"
    );
    let report = json(&out);
    let last = report["findings"].as_array().unwrap().last().unwrap()["end"]
        .as_u64()
        .unwrap();
    assert_eq!(last as usize, post.encode_utf16().count() - 1);
}

#[test]
fn detectors_file_names_a_bad_detector_and_checks_with_the_others() {
    let dir = std::env::temp_dir().join(format!("bedside-detectors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("policy.json");
    std::fs::write(
        &file,
        r#"{"organisationName": "St. Luke's", "detectors": [
            {"id": "mrn", "label": "St. Luke's medical record number", "pattern": "\\b[A-Z]{2}\\d{7}\\b",
             "category": "phi.mrn", "severity": "high"},
            {"id": "broken", "label": "Broken", "pattern": "(EMP-\\d+"}]}"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = bedside(
        &["check", "--json", "--detectors", path, "-"],
        b"Filed SL4471920 today",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("detector \"broken\": invalid pattern: unclosed group"),
        "{stderr}"
    );
    assert!(!stderr.contains("mrn"), "{stderr}");
    assert_eq!(out.status.code(), Some(5), "a bad detector exits 5");
    let report = json(&out);
    let f = &report["findings"][0];
    assert_eq!(f["text"], "SL4471920");
    assert_eq!(f["category"], "phi.mrn");
    assert_eq!(f["detector"]["label"], "St. Luke's medical record number");

    // A detector of the wrong shape is named by its id.
    std::fs::write(&file, r#"[{"id": "x", "pattern": 5}]"#).unwrap();
    let out = bedside(&["check", "--detectors", path, "-"], b"hello");
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("detector \"x\""));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn train_hold_out_needs_prefixes_and_excludes_check() {
    for args in [
        &["train", "--hold-out"][..],
        &["train", "--hold-out", "s14,"],
        &["train", "--check", "--hold-out", "s14"],
    ] {
        let out = bedside(args, b"");
        assert_eq!(out.status.code(), Some(3), "{args:?} is a usage error");
        let err = String::from_utf8_lossy(&out.stderr);
        // The first line is the error (the usage follows, and names the option anyway).
        let first = err.lines().next().unwrap_or("");
        assert!(first.contains("hold-out"), "{args:?}: {err}");
    }
}
