//! `bedside audit PATH`: reads a downloaded archive of past posts (bedside-archive),
//! scans each post with the core and prints the risky ones worst first, or every post
//! with `--jsonl`. The summary is the last line on standard error.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use bedside_archive::{rank, Archive, Kind, Options, Record, RecordError, Site};
use bedside_core::{Report, Scanner, Verdict};
use serde_json::json;

use crate::args::{AuditArgs, AuditFormat};
use crate::check::{human, verdict_code};
use crate::input::{self, InputError};

/// Every post read, scanned.
pub struct Audit {
    pub posts: Vec<(Record, Report)>,
    pub errors: Vec<RecordError>,
}

/// Reads and scans the archive at `path`. Fails (with its exit code) only when nothing
/// can be read; a bad file or record is in `errors` and the rest is scanned.
pub fn collect(
    path: &str,
    options: Options,
    since: Option<&str>,
    scanner: &Scanner,
) -> Result<Audit, InputError> {
    if !Path::new(path).exists() {
        return Err(InputError {
            code: 4,
            message: format!("cannot read {path}: no such file or folder"),
        });
    }
    let invalid = |e: bedside_archive::ArchiveError| InputError {
        code: 5,
        message: e.to_string(),
    };
    let source = bedside_archive::open_path(Path::new(path)).map_err(invalid)?;
    let mut archive = Archive::open(source, options).map_err(invalid)?;
    let batch = archive.read_all();
    let posts = batch
        .records
        .into_iter()
        .filter(|r| since.is_none_or(|s| r.date.as_str() >= s))
        .map(|r| {
            let report = scanner.scan(&r.text);
            (r, report)
        })
        .collect();
    Ok(Audit {
        posts,
        errors: batch.errors,
    })
}

pub fn run(a: &AuditArgs) -> u8 {
    match run_inner(a) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bedside: {}", e.message);
            e.code
        }
    }
}

fn run_inner(a: &AuditArgs) -> Result<u8, InputError> {
    let started = Instant::now();
    let scanner = input::scanner(a.config.as_deref(), a.detectors.as_deref())?;
    let options = Options {
        include_messages: a.include_messages,
    };
    let audit = collect(&a.path, options, a.since.as_deref(), &scanner)?;
    let min = match (a.min, a.format) {
        (Some(v), _) => verdict_code(v),
        (None, AuditFormat::Jsonl) => 0,
        (None, _) => verdict_code(Verdict::Review),
    };
    let mut shown: Vec<&(Record, Report)> = audit
        .posts
        .iter()
        .filter(|(_, r)| verdict_code(r.verdict) >= min)
        .collect();
    if a.format != AuditFormat::Jsonl {
        shown.sort_by(|x, y| {
            rank::worst_first(
                (rank::score(&x.1), &x.0.date),
                (rank::score(&y.1), &y.0.date),
            )
        });
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match a.format {
        AuditFormat::Jsonl => shown
            .iter()
            .try_for_each(|(rec, rep)| writeln!(out, "{}", line(rec, rep))),
        AuditFormat::Json => {
            let posts: Vec<_> = shown.iter().map(|(rec, rep)| line(rec, rep)).collect();
            let doc =
                json!({"summary": summary_json(&audit), "posts": posts, "errors": audit.errors});
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&doc).expect("serialises")
            )
        }
        AuditFormat::Csv => csv_out(&mut out, &shown),
        AuditFormat::Human => shown.iter().try_for_each(|(rec, rep)| {
            let url = rec
                .url
                .clone()
                .unwrap_or_else(|| rec.site.activity_url(rec.kind));
            let photos = match rec.photos {
                0 => String::new(),
                _ => " (a photo was posted with this)".to_string(),
            };
            // check's verdict line speaks of a post about to go out; this one is up already.
            let verdict = match rep.verdict {
                Verdict::Hold => "HOLD (delete or edit it)",
                Verdict::Review => "REVIEW (read the notes)",
                Verdict::Clean => "CLEAN",
            };
            let marked = human(&rec.text, rep, None);
            let body = marked
                .split_once("\n\n")
                .map_or(marked.as_str(), |(_, b)| b);
            write!(
                out,
                "{verdict} {} {} {} {}{photos}\n{body}\n",
                &rec.date[..10],
                rec.site.id(),
                rec.kind.id(),
                url,
            )
        }),
    };
    written.and_then(|_| out.flush()).map_err(|e| InputError {
        code: 4,
        message: format!("cannot write output: {e}"),
    })?;
    drop(out);
    for e in &audit.errors {
        eprintln!("bedside: {e}");
    }
    eprintln!("{}", summary_line(&audit, started.elapsed().as_secs_f64()));
    let worst = audit
        .posts
        .iter()
        .map(|(_, r)| verdict_code(r.verdict))
        .max()
        .unwrap_or(0);
    Ok(if audit.errors.is_empty() { worst } else { 5 })
}

/// One post as `--jsonl` prints it (and `--json` lists it).
fn line(rec: &Record, rep: &Report) -> serde_json::Value {
    json!({
        "site": rec.site, "kind": rec.kind, "id": rec.id, "date": rec.date, "url": rec.url,
        "text": rec.text, "photos": rec.photos, "verdict": rep.verdict, "findings": rep.findings,
    })
}

fn csv_out(out: &mut impl Write, shown: &[&(Record, Report)]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let io = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record([
        "site",
        "kind",
        "id",
        "date",
        "url",
        "verdict",
        "categories",
        "text",
    ])
    .map_err(io)?;
    for (rec, rep) in shown {
        let mut cats: Vec<&str> = rep.findings.iter().map(|f| f.category.id()).collect();
        cats.dedup();
        let verdict = serde_json::to_value(rep.verdict).expect("serialises");
        w.write_record([
            rec.site.id(),
            rec.kind.id(),
            &rec.id,
            &rec.date,
            rec.url.as_deref().unwrap_or(""),
            verdict.as_str().unwrap_or(""),
            &cats.join(" "),
            &rec.text,
        ])
        .map_err(io)?;
    }
    w.flush()
}

/// Posts read per site and kind, and how many hold or need a review.
fn counts(audit: &Audit) -> (Vec<(Site, Kind, usize)>, usize, usize) {
    let mut per: Vec<(Site, Kind, usize)> = Vec::new();
    for (rec, _) in &audit.posts {
        match per
            .iter_mut()
            .find(|(s, k, _)| *s == rec.site && *k == rec.kind)
        {
            Some(e) => e.2 += 1,
            None => per.push((rec.site, rec.kind, 1)),
        }
    }
    per.sort();
    let n = |v: Verdict| audit.posts.iter().filter(|(_, r)| r.verdict == v).count();
    (per, n(Verdict::Hold), n(Verdict::Review))
}

fn summary_json(audit: &Audit) -> serde_json::Value {
    let (per, hold, review) = counts(audit);
    let read: Vec<_> = per
        .iter()
        .map(|(s, k, n)| json!({"site": s, "kind": k, "posts": n}))
        .collect();
    json!({"posts": audit.posts.len(), "read": read, "hold": hold, "review": review, "errors": audit.errors.len()})
}

fn summary_line(audit: &Audit, seconds: f64) -> String {
    let (per, hold, review) = counts(audit);
    let read: Vec<String> = per
        .iter()
        .map(|(s, k, n)| {
            format!(
                "{} {} {}{}",
                n,
                s.id(),
                k.id(),
                if *n == 1 { "" } else { "s" }
            )
        })
        .collect();
    format!(
        "audit: {} read ({}); {hold} hold, {review} review; {} error{}; {seconds:.1} s",
        audit.posts.len(),
        if read.is_empty() {
            "none".to_string()
        } else {
            read.join(", ")
        },
        audit.errors.len(),
        if audit.errors.len() == 1 { "" } else { "s" },
    )
}
