use std::fmt;

use serde::Deserialize;

use crate::{Category, Detector, Severity};

/// How eager the scanner is. `Strict` flags weaker signals; `Relaxed` only strong ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    Strict,
    #[default]
    Balanced,
    Relaxed,
}

/// A term the user or their organisation listed (employer, unit, colleague names).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CustomTerm {
    pub term: String,
    #[serde(default = "default_custom_severity")]
    pub severity: Severity,
}

fn default_custom_severity() -> Severity {
    Severity::Medium
}

/// Everything a scanner is built from. Deserialises from the extension's settings
/// object (camelCase keys); every field has a default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    pub custom_terms: Vec<CustomTerm>,
    /// Terms never flagged (the user's own name, their employer in a positive post).
    pub allow: Vec<String>,
    /// Category ids switched off.
    pub disabled: Vec<Category>,
    pub sensitivity: Sensitivity,
    /// How many quasi-identifiers beside a patient reference make a case recognizable.
    pub case_threshold: u8,
    /// The post is being written during the user's work hours.
    pub during_work_hours: bool,
    /// The organisation's (and the user's own) patterns; see [`crate::Detector`].
    pub detectors: Vec<Detector>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            custom_terms: Vec::new(),
            allow: Vec::new(),
            disabled: Vec::new(),
            sensitivity: Sensitivity::Balanced,
            case_threshold: 2,
            during_work_hours: false,
            detectors: Vec::new(),
        }
    }
}

/// A config that cannot build a scanner, with the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ConfigError {}
