//! `bedside`: check posts, audit an archive of past posts, evaluate corpora, benchmark the core,
//! train its decision layer.
//!
//! Exit codes: 0 clean, 1 review, 2 hold; 3 usage error, 4 unreadable input, 5 invalid
//! input (bad UTF-8, empty, malformed JSONL lines), 6 evaluation below its floors.

mod args;
mod audit;
mod bench;
mod check;
mod eval;
mod hold_records;
mod input;
mod train;
mod train_gate;
mod train_tags;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let code = match args::parse(&argv) {
        Ok(args::Command::Check(c)) => check::run(&c),
        Ok(args::Command::Eval(e)) => eval::run(&e),
        Ok(args::Command::Bench(b)) => bench::run(&b),
        Ok(args::Command::Audit(a)) => audit::run(&a),
        Ok(args::Command::Train(t)) => train::run(&t),
        Ok(args::Command::Help) => {
            print!("{}", args::USAGE);
            0
        }
        Err(e) => {
            eprintln!("bedside: {e}\n\n{}", args::USAGE);
            3
        }
    };
    ExitCode::from(code)
}
