//! `bedside check`: one post (human or `--json`), or a JSONL batch.

use std::io::Write;

use bedside_core::{Report, Severity, Verdict};
use serde::Deserialize;
use serde_json::json;

use crate::args::CheckArgs;
use crate::input::{self, InputError};

pub fn run(a: &CheckArgs) -> u8 {
    match run_inner(a) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bedside: {}", e.message);
            e.code
        }
    }
}

fn run_inner(a: &CheckArgs) -> Result<u8, InputError> {
    let scanner = input::scanner(a.config.as_deref(), a.detectors.as_deref())?;
    // Unusable detectors are named; the post is still checked with the others.
    for e in scanner.detector_errors() {
        eprintln!("bedside: {e}");
    }
    let bad_detectors = !scanner.detector_errors().is_empty();
    let code = check(a, &scanner)?;
    Ok(if bad_detectors { 5 } else { code })
}

fn check(a: &CheckArgs, scanner: &bedside_core::Scanner) -> Result<u8, InputError> {
    if a.jsonl {
        return batch(scanner, a.path.as_deref(), a.record);
    }
    let text = input::read_post(a.path.as_deref())?;
    let report = if a.record {
        scanner.scan_record(&text)
    } else {
        scanner.scan(&text)
    };
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("report serialises")
        );
    } else {
        print!("{}", human(&text, &report, a.site.as_deref()));
    }
    Ok(verdict_code(report.verdict))
}

pub fn verdict_code(v: Verdict) -> u8 {
    match v {
        Verdict::Clean => 0,
        Verdict::Review => 1,
        Verdict::Hold => 2,
    }
}

#[derive(Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    #[allow(dead_code)]
    site: Option<String>,
}

/// One output line per input line, in order; a malformed line gets an error line.
fn batch(
    scanner: &bedside_core::Scanner,
    path: Option<&str>,
    record: bool,
) -> Result<u8, InputError> {
    let (name, bytes) = input::read_bytes(path)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut worst = 0u8;
    let mut errors = false;
    let mut offset = 0usize;
    for (i, raw) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let line_no = i + 1;
        let start = offset;
        offset += raw.len();
        let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let err = |msg: String| json!({"line": line_no, "error": msg});
        let value = match std::str::from_utf8(raw) {
            Err(e) => err(format!(
                "{name} line {line_no}: invalid UTF-8 at byte offset {}",
                start + e.valid_up_to()
            )),
            Ok(s) => match serde_json::from_str::<Line>(s) {
                Err(e) => err(format!("{name} line {line_no}: {e}")),
                Ok(l) if l.text.trim().is_empty() => {
                    json!({"id": l.id, "line": line_no, "error": format!("{name} line {line_no}: empty text")})
                }
                Ok(l) => {
                    let r = if record {
                        scanner.scan_record(&l.text)
                    } else {
                        scanner.scan(&l.text)
                    };
                    worst = worst.max(verdict_code(r.verdict));
                    json!({"id": l.id, "verdict": r.verdict, "findings": r.findings})
                }
            },
        };
        if value.get("error").is_some() {
            errors = true;
        }
        writeln!(out, "{value}").map_err(|e| InputError {
            code: 4,
            message: format!("cannot write output: {e}"),
        })?;
    }
    out.flush().ok();
    let _ = std::io::stdout().flush();
    Ok(if errors { 5 } else { worst })
}

/// The post with findings marked `[[like this]]¹`, then each explained.
pub fn human(text: &str, report: &Report, site: Option<&str>) -> String {
    let mut s = String::new();
    let verdict = match report.verdict {
        Verdict::Clean => "CLEAN: nothing risky found",
        Verdict::Review => "REVIEW: read the notes below before posting",
        Verdict::Hold => "HOLD: this post should not go out as written",
    };
    match site {
        Some(site) => s.push_str(&format!("{verdict} ({site})\n\n")),
        None => s.push_str(&format!("{verdict}\n\n")),
    }
    let mut pos = 0;
    for (i, f) in report.findings.iter().enumerate() {
        if f.byte_start < pos {
            continue; // overlaps an earlier mark; still explained below
        }
        s.push_str(&text[pos..f.byte_start]);
        s.push_str("[[");
        s.push_str(&text[f.byte_start..f.byte_end]);
        s.push_str(&format!("]]{}", superscript(i + 1)));
        pos = f.byte_end;
    }
    s.push_str(&text[pos..]);
    if !text.ends_with('\n') {
        s.push('\n');
    }
    if !report.findings.is_empty() {
        s.push('\n');
    }
    for (i, f) in report.findings.iter().enumerate() {
        let sev = match f.severity {
            Severity::High => "HIGH",
            Severity::Medium => "MEDIUM",
            Severity::Low => "low",
        };
        s.push_str(&format!(
            "{:>3}. {sev:<6} {} \"{}\"\n     {}\n",
            i + 1,
            f.category.id(),
            f.text,
            f.message
        ));
        if let Some(d) = &f.details {
            s.push_str(&format!("     details: {}\n", d.join("; ")));
        }
        match f.suggestion.as_deref() {
            Some("") => s.push_str("     suggestion: remove it\n"),
            Some(x) => s.push_str(&format!("     suggestion: \"{x}\"\n")),
            None => {}
        }
    }
    s
}

fn superscript(n: usize) -> String {
    const D: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .map(|c| D[c as usize - '0' as usize])
        .collect()
}
