//! `bedside eval`: per-category precision and recall, verdict accuracy, hold recall and the
//! false-alarm rate on clean posts, against labelled JSONL corpora.

use std::collections::BTreeMap;

use bedside_core::{Category, Finding, Report, Scanner, Severity, Verdict};
use serde::Deserialize;

use crate::args::EvalArgs;
use crate::input;

#[derive(Deserialize, Clone)]
pub(crate) struct Post {
    pub id: String,
    pub text: String,
    pub verdict: String,
    #[serde(default)]
    pub labels: Vec<Label>,
}

#[derive(Deserialize, Clone)]
pub(crate) struct Label {
    pub category: String,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Default)]
struct Counts {
    labels: usize,
    found: usize,
    findings: usize,
    true_findings: usize,
}

struct Miss {
    weight: u8,
    line: String,
}

pub fn run(a: &EvalArgs) -> u8 {
    let scanner = match Scanner::new(Default::default()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("bedside: {e}");
            return 5;
        }
    };
    let mut posts = Vec::new();
    for path in &a.corpora {
        match load(path) {
            Ok(p) => posts.extend(p),
            Err(code) => return code,
        }
    }
    let (table, passed) = evaluate(&scanner, &posts, a);
    print!("{table}");
    // On the training corpus the figures above are in-sample: print the honest ones too.
    let training = crate::train::corpus_files().unwrap_or_default();
    let same = |a: &str, b: &str| {
        std::fs::canonicalize(a)
            .ok()
            .is_some_and(|x| std::fs::canonicalize(b).ok() == Some(x))
    };
    if a.corpora
        .iter()
        .any(|c| training.iter().any(|t| same(c, t)))
    {
        match crate::train::out_of_fold_figures() {
            Ok(f) => print!(
                "\nthe training corpus out of fold (each file scored by a model trained without its fold; post level)\n{f}"
            ),
            Err(code) => return code,
        }
    }
    if passed {
        0
    } else {
        6
    }
}

/// Reads one JSONL corpus, checking every post's format; on an error it prints what and
/// where, and gives the exit code.
pub(crate) fn load(path: &str) -> Result<Vec<Post>, u8> {
    let mut posts = Vec::new();
    let text = match input::read_bytes(Some(path)).and_then(|(n, b)| input::utf8(&n, b)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bedside: {}", e.message);
            return Err(e.code);
        }
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Post>(line) {
            Ok(p) => match well_formed(&p) {
                Ok(()) => posts.push(p),
                Err(why) => {
                    eprintln!("bedside: {path} line {} ({}): {why}", i + 1, p.id);
                    return Err(5);
                }
            },
            Err(e) => {
                eprintln!("bedside: {path} line {}: {e}", i + 1);
                return Err(5);
            }
        }
    }
    Ok(posts)
}

/// The taxonomy's corpus format: known category ids, label texts that are exact substrings of
/// the post, and a verdict that its labels' default severities give (hold if any is high,
/// review if any is medium, else clean). A label that cannot be scored is an error, not a miss.
fn well_formed(p: &Post) -> Result<(), String> {
    let mut worst = None;
    for l in &p.labels {
        let Some(c) = Category::from_id(&l.category) else {
            return Err(format!("unknown category `{}`", l.category));
        };
        if let Some(t) = &l.text {
            if !p.text.contains(t.as_str()) {
                return Err(format!("{} label {t:?} is not in the text", l.category));
            }
        }
        worst = worst.max(Some(c.default_severity()));
    }
    let want = match worst {
        Some(Severity::High) => "hold",
        Some(Severity::Medium) => "review",
        _ => "clean",
    };
    if p.verdict != want {
        return Err(format!(
            "verdict `{}` but its labels give `{want}`",
            p.verdict
        ));
    }
    Ok(())
}

fn verdict_str(v: Verdict) -> &'static str {
    match v {
        Verdict::Clean => "clean",
        Verdict::Review => "review",
        Verdict::Hold => "hold",
    }
}

/// Whether a finding covers the label: one of its category that overlaps the label's text,
/// or, for a label with no text (or text not in the post), any finding of its category.
pub(crate) fn found(post: &Post, report: &Report, label: &Label) -> bool {
    report.findings.iter().any(|f| covers(post, f, label))
}

/// Whether `f` covers `label` (see [`found`]).
pub(crate) fn covers(post: &Post, f: &Finding, label: &Label) -> bool {
    f.category.id() == label.category
        && match label
            .text
            .as_deref()
            .and_then(|t| post.text.find(t).map(|s| (s, s + t.len())))
        {
            Some((s, e)) => f.byte_start < e && s < f.byte_end,
            None => true,
        }
}

fn evaluate(scanner: &Scanner, posts: &[Post], a: &EvalArgs) -> (String, bool) {
    let mut cats: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut correct, mut holds, mut held, mut clean, mut alarms) = (0, 0, 0, 0, 0);
    let mut misses: Vec<Miss> = Vec::new();
    for p in posts {
        let r = if a.record {
            scanner.scan_record(&p.text)
        } else {
            scanner.scan(&p.text)
        };
        let got = verdict_str(r.verdict);
        if got == p.verdict {
            correct += 1;
        }
        if p.verdict == "hold" {
            holds += 1;
            if r.verdict == Verdict::Hold {
                held += 1;
            } else {
                misses.push(Miss {
                    weight: 3,
                    line: format!("{}: hold post got {got}: {}", p.id, snippet(&p.text)),
                });
            }
        }
        if p.verdict == "clean" {
            clean += 1;
            let loud: Vec<String> = r
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Medium)
                .map(|f| format!("{} {:?}", f.category.id(), f.text))
                .collect();
            if !loud.is_empty() {
                alarms += 1;
                misses.push(Miss {
                    weight: 2,
                    line: format!("{}: false alarm on clean post: {}", p.id, loud.join(", ")),
                });
            }
        }
        for l in &p.labels {
            let c = cats.entry(l.category.clone()).or_default();
            c.labels += 1;
            if found(p, &r, l) {
                c.found += 1;
            } else {
                let w = if l.category.starts_with("phi.") { 1 } else { 0 };
                misses.push(Miss {
                    weight: w,
                    line: format!(
                        "{}: missed {} {:?}",
                        p.id,
                        l.category,
                        l.text.as_deref().unwrap_or("(whole post)")
                    ),
                });
            }
        }
        for f in &r.findings {
            let c = cats.entry(f.category.id().to_string()).or_default();
            c.findings += 1;
            if p.labels.iter().any(|l| covers(p, f, l)) {
                c.true_findings += 1;
            }
        }
    }
    let ratio = |n: usize, d: usize| {
        if d == 0 {
            f64::NAN
        } else {
            n as f64 / d as f64
        }
    };
    let mut out = String::new();
    out.push_str(&format!("{} posts\n\n", posts.len()));
    out.push_str(&format!(
        "{:<26} {:>7} {:>7} {:>9} {:>7}\n",
        "category", "labels", "recall", "findings", "precis."
    ));
    for (id, c) in &cats {
        out.push_str(&format!(
            "{:<26} {:>7} {:>7} {:>9} {:>7}\n",
            id,
            c.labels,
            fmt(ratio(c.found, c.labels)),
            c.findings,
            fmt(ratio(c.true_findings, c.findings))
        ));
    }
    let hold_recall = ratio(held, holds);
    let false_alarm = ratio(alarms, clean);
    out.push_str(&format!(
        "\nverdict accuracy      {} ({correct}/{})\n",
        fmt(ratio(correct, posts.len())),
        posts.len()
    ));
    out.push_str(&format!(
        "hold recall           {} ({held}/{holds})\n",
        fmt(hold_recall)
    ));
    out.push_str(&format!(
        "false alarms on clean {} ({alarms}/{clean})\n",
        fmt(false_alarm)
    ));

    let mut passed = true;
    let mut verdicts = String::new();
    if let Some(min) = a.min_hold_recall {
        let ok = holds == 0 || hold_recall >= min;
        passed &= ok;
        verdicts.push_str(&format!(
            "{} hold recall {} >= {min}\n",
            mark(ok),
            fmt(hold_recall)
        ));
    }
    if let Some(max) = a.max_false_alarm {
        let ok = clean == 0 || false_alarm <= max;
        passed &= ok;
        verdicts.push_str(&format!(
            "{} false alarms {} <= {max}\n",
            mark(ok),
            fmt(false_alarm)
        ));
    }
    if let Some(min) = a.min_phi_recall {
        for (id, c) in cats
            .iter()
            .filter(|(id, c)| id.starts_with("phi.") && c.labels >= a.min_labels)
        {
            let r = ratio(c.found, c.labels);
            let ok = r >= min;
            passed &= ok;
            verdicts.push_str(&format!(
                "{} {id} recall {} >= {min} ({} labels)\n",
                mark(ok),
                fmt(r),
                c.labels
            ));
        }
    }
    if !verdicts.is_empty() {
        out.push_str("\nfloors\n");
        out.push_str(&verdicts);
    }
    misses.sort_by_key(|m| std::cmp::Reverse(m.weight));
    if !misses.is_empty() && a.misses > 0 {
        out.push_str(&format!(
            "\nworst misses ({} of {})\n",
            a.misses.min(misses.len()),
            misses.len()
        ));
        for m in misses.iter().take(a.misses) {
            out.push_str(&format!("  {}\n", m.line));
        }
    }
    (out, passed)
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "FAIL"
    }
}

fn fmt(x: f64) -> String {
    if x.is_nan() {
        "-".into()
    } else {
        format!("{x:.3}")
    }
}

fn snippet(t: &str) -> String {
    let one: String = t
        .chars()
        .take(90)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if t.chars().count() > 90 {
        format!("{one}…")
    } else {
        one
    }
}
