//! Hand-written argument parsing (no dependency needed for four subcommands).

pub const USAGE: &str = "\
usage:
  bedside check [--json] [--record] [--site linkedin|x|facebook|instagram] [--config FILE]
                [--detectors FILE] [FILE|-]
  bedside check --jsonl [--record] [--config FILE] [--detectors FILE] FILE|-
  bedside eval [--check] [--min-hold-recall R] [--max-false-alarm R] [--min-phi-recall R]
               [--min-labels N] [--misses N] [--record] CORPUS.jsonl...
  bedside bench [--seconds S] [--corpus DIR] [--audit POSTS]
  bedside train [--check]   (from the repository root: learns crates/core/data/model.bin
                             from the corpus; --check compares instead of writing)
  bedside train --hold-out PREFIX[,PREFIX...] [--hold-out ...]
                            (trains without the training files whose names start with a
                             prefix and scores them; each --hold-out is one held-out set;
                             writes nothing)
  bedside audit [--jsonl|--json|--csv] [--min review|hold] [--since YYYY-MM-DD]
                [--include-messages] [--config FILE] [--detectors FILE] PATH

--record: the text was read off a chart, whiteboard, monitor, wristband or label (as the
  extension's photo reader does): every line is about a patient, so bare dates, names after
  \"Dr.\" or \"seen by\", name lines and record numbers count without sentences around them.

--detectors FILE: organisation detectors, a JSON list or an object with a \"detectors\" list
  (a managed policy); each unusable one is named on standard error with its problem, the
  post is checked with the others, and the exit code is 5.

exit codes: 0 clean, 1 review, 2 hold, 3 usage, 4 unreadable input, 5 invalid input,
            6 evaluation below its floors
";

/// A parsed command line.
pub enum Command {
    Check(CheckArgs),
    Eval(EvalArgs),
    Bench(BenchArgs),
    Audit(AuditArgs),
    Train(TrainArgs),
    Help,
}

pub struct CheckArgs {
    pub json: bool,
    /// Record text (`Scanner::scan_record`).
    pub record: bool,
    pub jsonl: bool,
    pub site: Option<String>,
    pub config: Option<String>,
    /// Organisation detectors to add to the config's.
    pub detectors: Option<String>,
    /// `None` or `Some("-")` means standard input.
    pub path: Option<String>,
}

pub struct EvalArgs {
    pub corpora: Vec<String>,
    pub min_hold_recall: Option<f64>,
    pub max_false_alarm: Option<f64>,
    pub min_phi_recall: Option<f64>,
    /// A PHI category needs this many labels before its recall floor applies.
    pub min_labels: usize,
    pub misses: usize,
    /// Scan each text as record text (`Scanner::scan_record`): for corpora of OCR'd records.
    pub record: bool,
}

pub struct TrainArgs {
    /// Compare the retrained weights with the committed file instead of writing it.
    pub check: bool,
    /// Held-out sets: per set, the prefixes of the training files' names it leaves out of
    /// training and scores (nothing is written).
    pub hold_out: Vec<Vec<String>>,
}

pub struct BenchArgs {
    pub seconds: f64,
    /// Also time `audit` on a generated X archive of this many posts.
    pub audit: Option<usize>,
    /// The JSONL corpus folder the bench posts are built from.
    pub corpus: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AuditFormat {
    Human,
    Jsonl,
    Json,
    Csv,
}

pub struct AuditArgs {
    pub format: AuditFormat,
    /// The least verdict printed: `None` means every post for `--jsonl`, review and
    /// hold otherwise.
    pub min: Option<bedside_core::Verdict>,
    /// `YYYY-MM-DD`: posts written that day or later.
    pub since: Option<String>,
    pub include_messages: bool,
    pub config: Option<String>,
    pub detectors: Option<String>,
    pub path: String,
}

/// The site registry's ids (`extension/shared/sites.json`; a test keeps them equal).
pub const SITES: &[&str] = &["linkedin", "x", "facebook", "instagram"];

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let Some(cmd) = argv.first() else {
        return Ok(Command::Help);
    };
    let mut rest = argv[1..].iter();
    match cmd.as_str() {
        "help" | "-h" | "--help" => Ok(Command::Help),
        "check" => {
            let mut a = CheckArgs {
                json: false,
                record: false,
                jsonl: false,
                site: None,
                config: None,
                detectors: None,
                path: None,
            };
            while let Some(x) = rest.next() {
                match x.as_str() {
                    "--json" => a.json = true,
                    "--jsonl" => a.jsonl = true,
                    "--record" => a.record = true,
                    "--site" => {
                        let s = value(&mut rest, "--site")?;
                        if !SITES.contains(&s.as_str()) {
                            return Err(format!(
                                "--site must be one of {}, got `{s}`",
                                SITES.join(", ")
                            ));
                        }
                        a.site = Some(s);
                    }
                    "--config" => a.config = Some(value(&mut rest, "--config")?),
                    "--detectors" => a.detectors = Some(value(&mut rest, "--detectors")?),
                    "-" => set_path(&mut a.path, x)?,
                    f if f.starts_with('-') => {
                        return Err(format!("unknown option `{f}` for check"))
                    }
                    _ => set_path(&mut a.path, x)?,
                }
            }
            if a.json && a.jsonl {
                return Err("--json and --jsonl exclude each other".into());
            }
            Ok(Command::Check(a))
        }
        "eval" => {
            let mut a = EvalArgs {
                corpora: Vec::new(),
                min_hold_recall: None,
                max_false_alarm: None,
                min_phi_recall: None,
                min_labels: 10,
                misses: 15,
                record: false,
            };
            while let Some(x) = rest.next() {
                match x.as_str() {
                    "--check" => {
                        a.min_hold_recall.get_or_insert(0.95);
                        a.max_false_alarm.get_or_insert(0.05);
                        a.min_phi_recall.get_or_insert(0.9);
                    }
                    "--min-hold-recall" => a.min_hold_recall = Some(ratio(&mut rest, x)?),
                    "--max-false-alarm" => a.max_false_alarm = Some(ratio(&mut rest, x)?),
                    "--min-phi-recall" => a.min_phi_recall = Some(ratio(&mut rest, x)?),
                    "--min-labels" => a.min_labels = number(&mut rest, x)?,
                    "--misses" => a.misses = number(&mut rest, x)?,
                    "--record" => a.record = true,
                    f if f.starts_with('-') => {
                        return Err(format!("unknown option `{f}` for eval"))
                    }
                    _ => a.corpora.push(x.clone()),
                }
            }
            if a.corpora.is_empty() {
                return Err("eval needs at least one CORPUS.jsonl".into());
            }
            Ok(Command::Eval(a))
        }
        "bench" => {
            let mut a = BenchArgs {
                seconds: 1.0,
                audit: None,
                corpus: None,
            };
            while let Some(x) = rest.next() {
                match x.as_str() {
                    "--seconds" => {
                        a.seconds = value(&mut rest, x)?
                            .parse()
                            .ok()
                            .filter(|s: &f64| *s > 0.0 && *s <= 600.0)
                            .ok_or("--seconds takes a number of seconds between 0 and 600")?
                    }
                    "--audit" => a.audit = Some(number(&mut rest, x)?),
                    "--corpus" => a.corpus = Some(value(&mut rest, x)?),
                    f => return Err(format!("unknown argument `{f}` for bench")),
                }
            }
            Ok(Command::Bench(a))
        }
        "audit" => audit(rest),
        "train" => {
            let mut a = TrainArgs {
                check: false,
                hold_out: Vec::new(),
            };
            while let Some(x) = rest.next() {
                match x.as_str() {
                    "--check" => a.check = true,
                    "--hold-out" => {
                        let v = value(&mut rest, "--hold-out")?;
                        let set: Vec<String> = v.split(',').map(|p| p.trim().to_string()).collect();
                        if set.iter().any(|p| p.is_empty()) {
                            return Err(format!("--hold-out takes file-name prefixes, got `{v}`"));
                        }
                        a.hold_out.push(set);
                    }
                    f => return Err(format!("unknown argument `{f}` for train")),
                }
            }
            if a.check && !a.hold_out.is_empty() {
                return Err("train takes --check or --hold-out, not both".into());
            }
            Ok(Command::Train(a))
        }
        other => Err(format!("unknown command `{other}`")),
    }
}

fn audit<'a>(mut rest: impl Iterator<Item = &'a String>) -> Result<Command, String> {
    use bedside_core::Verdict;
    let mut a = AuditArgs {
        format: AuditFormat::Human,
        min: None,
        since: None,
        include_messages: false,
        config: None,
        detectors: None,
        path: String::new(),
    };
    let mut formats = 0;
    while let Some(x) = rest.next() {
        match x.as_str() {
            "--jsonl" | "--json" | "--csv" => {
                formats += 1;
                a.format = match x.as_str() {
                    "--jsonl" => AuditFormat::Jsonl,
                    "--json" => AuditFormat::Json,
                    _ => AuditFormat::Csv,
                };
            }
            "--min" => {
                a.min = Some(match value(&mut rest, x)?.as_str() {
                    "review" => Verdict::Review,
                    "hold" => Verdict::Hold,
                    v => return Err(format!("--min takes review or hold, got `{v}`")),
                })
            }
            "--since" => {
                let v = value(&mut rest, x)?;
                let ok = v.len() == 10
                    && v.bytes().enumerate().all(|(i, b)| match i {
                        4 | 7 => b == b'-',
                        _ => b.is_ascii_digit(),
                    });
                if !ok {
                    return Err(format!("--since takes a date as YYYY-MM-DD, got `{v}`"));
                }
                a.since = Some(v);
            }
            "--include-messages" => a.include_messages = true,
            "--config" => a.config = Some(value(&mut rest, x)?),
            "--detectors" => a.detectors = Some(value(&mut rest, x)?),
            f if f.starts_with('-') => return Err(format!("unknown option `{f}` for audit")),
            p if a.path.is_empty() => a.path = p.to_string(),
            _ => return Err("audit takes one PATH (an archive zip, folder or file)".into()),
        }
    }
    if formats > 1 {
        return Err("--jsonl, --json and --csv exclude each other".into());
    }
    if a.path.is_empty() {
        return Err(
            "audit needs a PATH: the archive zip, its extracted folder or one of its files".into(),
        );
    }
    Ok(Command::Audit(a))
}

fn set_path(slot: &mut Option<String>, p: &str) -> Result<(), String> {
    if slot.is_some() {
        return Err("check takes one FILE (or - for standard input)".into());
    }
    *slot = Some(p.to_string());
    Ok(())
}

fn value<'a>(it: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<String, String> {
    it.next()
        .cloned()
        .ok_or_else(|| format!("{flag} needs a value"))
}

fn ratio<'a>(it: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<f64, String> {
    let v = value(it, flag)?;
    v.parse::<f64>()
        .ok()
        .filter(|r| (0.0..=1.0).contains(r))
        .ok_or_else(|| format!("{flag} takes a ratio between 0 and 1, got `{v}`"))
}

fn number<'a>(it: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<usize, String> {
    let v = value(it, flag)?;
    v.parse()
        .map_err(|_| format!("{flag} takes a whole number, got `{v}`"))
}

#[cfg(test)]
mod registry_tests {
    use super::SITES;

    /// `--site` takes exactly the extension's site registry's ids.
    #[test]
    fn sites_are_the_registry_ids() {
        let registry: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(include_str!("../../../extension/shared/sites.json"))
                .expect("extension/shared/sites.json is a JSON object");
        let ids: Vec<&str> = registry.keys().map(String::as_str).collect();
        let mut want = SITES.to_vec();
        let mut have = ids.clone();
        want.sort_unstable();
        have.sort_unstable();
        assert_eq!(have, want, "SITES must list the registry's site ids");
    }
}
