//! Acceptance 1: on the shared dev corpus plus the repository's `tests/corpus/*.jsonl`,
//! hold recall >= 0.95, false alarms on clean posts <= 5%, and recall >= 0.9 for every
//! PHI category with ten or more labels. Fails below the floors and prints the table.

use std::path::PathBuf;
use std::process::Command;

fn corpora() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("../shared/corpus/dev.jsonl")];
    if let Ok(dir) = std::fs::read_dir(root.join("tests/corpus")) {
        let mut more: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        more.sort();
        files.extend(more);
    }
    files
}

#[test]
fn corpus_meets_the_floors() {
    let files = corpora();
    assert!(
        files[0].exists(),
        "shared dev corpus missing at {}",
        files[0].display()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_bedside"))
        .arg("eval")
        .args([
            "--min-hold-recall",
            "0.95",
            "--max-false-alarm",
            "0.05",
            "--min-phi-recall",
            "0.9",
            "--min-labels",
            "10",
        ])
        .args(["--misses", "40"])
        .args(&files)
        .output()
        .expect("run bedside eval");
    let table = String::from_utf8_lossy(&out.stdout);
    println!("corpora: {files:?}\n{table}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(table.contains("floors"), "eval printed no floors");
    assert_eq!(
        out.status.code(),
        Some(0),
        "corpus below the floors:\n{table}"
    );
}

/// Every corpus file under `tests/corpus/` (the sealed and training splits included) is in
/// the taxonomy's format: `bedside eval` rejects an unknown category, a label whose text is not
/// in the post, or a verdict its labels do not give, naming the file and line.
#[test]
fn every_corpus_file_is_well_formed() {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("read tests/corpus").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "jsonl") {
                out.push(p);
            }
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut files = Vec::new();
    walk(&root, &mut files);
    assert!(
        files.len() > 3,
        "expected the sealed and training splits too: {files:?}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_bedside"))
        .args(["eval", "--misses", "0"])
        .args(&files)
        .output()
        .expect("run bedside eval");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The format check names the file, the line and what is wrong.
#[test]
fn a_label_not_in_the_text_is_an_error_naming_file_and_line() {
    let dir = std::env::temp_dir().join(format!("bedside-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.jsonl");
    let good = r#"{"id":"a","site":"x","text":"room 12 again","verdict":"hold","labels":[{"category":"phi.room","text":"room 12"}]}"#;
    let cases = [
        (
            r#"{"id":"b","site":"x","text":"room 12 again","verdict":"hold","labels":[{"category":"phi.room","text":"room 21"}]}"#,
            "is not in the text",
        ),
        (
            r#"{"id":"b","site":"x","text":"room 12 again","verdict":"hold","labels":[{"category":"phi.bedroom","text":"room 12"}]}"#,
            "unknown category",
        ),
        (
            r#"{"id":"b","site":"x","text":"room 12 again","verdict":"review","labels":[{"category":"phi.room","text":"room 12"}]}"#,
            "labels give `hold`",
        ),
    ];
    for (bad, why) in cases {
        std::fs::write(&f, format!("{good}\n{bad}\n")).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_bedside"))
            .args(["eval", "--misses", "0"])
            .arg(&f)
            .output()
            .expect("run bedside eval");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(5), "{err}");
        assert!(
            err.contains("bad.jsonl line 2 (b)") && err.contains(why),
            "{err}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
