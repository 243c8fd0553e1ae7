//! `bedside train --hold-out`, record files: the held-out records' figures as `bedside
//! eval --record` counts them (PHI is every `phi.*` category but `phi.photo`, a label found
//! when a finding of its category overlaps its text), scanned with the weights learned
//! without them. Issue 14 is judged on these: pooled PHI recall and precision, each kind's
//! recall, and clean records alarmed (a medium or high finding).

use std::collections::BTreeMap;

use bedside_core::model::Model;
use bedside_core::{Config, Report, Scanner, Severity, Verdict};

use crate::eval::{covers, found, Post};
use crate::train::ratio;

fn phi(category: &str) -> bool {
    category.starts_with("phi.") && category != "phi.photo"
}

/// Per PHI kind: labels, labels found, findings, findings right.
type Kinds = BTreeMap<String, [usize; 4]>;

/// Adds post `p`'s PHI labels and report `r`'s PHI findings to `kinds`.
fn count(kinds: &mut Kinds, p: &Post, r: &Report) {
    for l in p.labels.iter().filter(|l| phi(&l.category)) {
        let k = kinds.entry(l.category.clone()).or_default();
        k[0] += 1;
        k[1] += found(p, r, l) as usize;
    }
    for f in r.findings.iter().filter(|f| phi(f.category.id())) {
        let k = kinds.entry(f.category.id().to_string()).or_default();
        k[2] += 1;
        k[3] += p.labels.iter().any(|l| covers(p, f, l)) as usize;
    }
}

fn scanner() -> Result<Scanner, u8> {
    Scanner::new(Config::default()).map_err(|e| {
        eprintln!("bedside: {e}");
        5
    })
}

/// The PHI figures of held-out posts scanned with `model` (its span tagger learned
/// without them): pooled PHI recall and precision, and each kind's recall and precision.
pub fn post_figures(posts: &[Post], model: &Model) -> Result<String, u8> {
    let scanner = scanner()?;
    let mut kinds = Kinds::new();
    for p in posts {
        let r = scanner.scan_with(&p.text, model);
        count(&mut kinds, p, &r);
    }
    let sum = |i: usize| kinds.values().map(|k| k[i]).sum::<usize>();
    let mut out = format!(
        "    PHI recall {:.3} ({}/{}), precision {:.3} ({}/{})\n    PHI by kind (recall, precision):",
        ratio(sum(1), sum(0)),
        sum(1),
        sum(0),
        ratio(sum(3), sum(2)),
        sum(3),
        sum(2),
    );
    for (id, k) in kinds.iter().filter(|(_, k)| k[0] > 0) {
        out.push_str(&format!(
            " {} {:.3} ({}/{}) {:.3} ({}/{}),",
            id.trim_start_matches("phi."),
            ratio(k[1], k[0]),
            k[1],
            k[0],
            ratio(k[3], k[2]),
            k[3],
            k[2]
        ));
    }
    out.pop();
    out.push('\n');
    Ok(out)
}

/// The figures of `records` scanned with `model`, a few indented lines.
pub fn figures(records: &[Post], model: &Model) -> Result<String, u8> {
    let scanner = scanner()?;
    let mut kinds = Kinds::new();
    let (mut holds, mut held, mut clean, mut alarms) = (0, 0, 0, 0);
    for p in records {
        let r = scanner.scan_record_with(&p.text, model);
        if p.verdict == "hold" {
            holds += 1;
            held += (r.verdict == Verdict::Hold) as usize;
        }
        if p.verdict == "clean" {
            clean += 1;
            alarms += r.findings.iter().any(|f| f.severity >= Severity::Medium) as usize;
        }
        count(&mut kinds, p, &r);
    }
    let sum = |i: usize| kinds.values().map(|k| k[i]).sum::<usize>();
    let mut out = format!(
        "  PHI recall {:.3} ({}/{}), precision {:.3} ({}/{}); hold recall {:.3} ({held}/{holds}); clean alarmed {:.3} ({alarms}/{clean})\n  PHI recall by kind:",
        ratio(sum(1), sum(0)),
        sum(1),
        sum(0),
        ratio(sum(3), sum(2)),
        sum(3),
        sum(2),
        ratio(held, holds),
        ratio(alarms, clean),
    );
    for (id, k) in kinds.iter().filter(|(_, k)| k[0] > 0) {
        out.push_str(&format!(
            " {} {:.3} ({}),",
            id.trim_start_matches("phi."),
            ratio(k[1], k[0]),
            k[0]
        ));
    }
    out.pop();
    out.push('\n');
    Ok(out)
}
