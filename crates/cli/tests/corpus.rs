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
