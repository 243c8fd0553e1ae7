//! Scans one file many times, for profilers: `valgrind --tool=callgrind` counts the
//! instructions of a scan exactly, where wall-clock benchmarks on a shared machine wobble.
//!
//! `cargo run --release -p bedside-core --example profile -- POST.txt [RUNS]`

use bedside_core::{Config, Scanner};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile POST.txt [RUNS]");
    let runs: usize = args
        .next()
        .map_or(100, |n| n.parse().expect("RUNS is a number"));
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    let scanner = Scanner::new(Config::default()).expect("the default config is valid");
    let mut findings = 0;
    for _ in 0..runs {
        findings += scanner.scan(std::hint::black_box(&text)).findings.len();
    }
    println!("{runs} scans, {findings} findings");
}
