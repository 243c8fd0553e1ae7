use crate::{Config, ConfigError, Report};

/// Built once from a [`Config`], then scans any number of posts.
pub struct Scanner {
    #[allow(dead_code)]
    config: Config,
}

impl Scanner {
    pub fn new(config: Config) -> Result<Scanner, ConfigError> {
        Ok(Scanner { config })
    }

    /// Scans one post. Never panics; spans always lie on character boundaries.
    pub fn scan(&self, _text: &str) -> Report {
        // Placeholder until the rules land (issue 3).
        Report::from_findings(Vec::new())
    }
}
