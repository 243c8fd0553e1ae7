//! `bedside-core` finds what a healthcare worker must not post.
//!
//! Build a [`Scanner`] once from a [`Config`], then call [`Scanner::scan`] on every
//! version of the post. The [`Report`] it returns is the contract shared by the CLI,
//! the WebAssembly binding and the extension: see `ARCHITECTURE.md`.

mod category;
mod config;
mod context;
mod detectors;
mod lexicon;
mod matchers;
pub mod model;
mod ocr;
pub mod placeholders;
mod report;
mod rules;
mod scanner;
#[cfg(test)]
mod testing;
mod words;

pub use category::{Category, Severity};
pub use config::{Config, ConfigError, CustomTerm, Sensitivity};
pub use detectors::{
    Detector, DetectorError, DetectorRef, MAX_DETECTORS, MAX_MATCHES, MAX_PATTERN_LEN,
    MAX_PATTERN_SIZE,
};
pub use report::{Finding, Report, Verdict};
pub use scanner::{Evidence, RecordEvidence, Scanner};
