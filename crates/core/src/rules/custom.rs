//! Terms the user or their organisation listed: the employer's name, unit names,
//! colleagues' names. Matched case-insensitively on word boundaries.

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Draft, Rule};
use crate::context::{bounded, Context};
use crate::{Category, Config, Severity};

pub struct Custom {
    automaton: Option<AhoCorasick>,
    severities: Vec<Severity>,
    terms: Vec<String>,
}

impl Custom {
    pub fn new(config: &Config) -> Custom {
        let mut terms = Vec::new();
        let mut severities = Vec::new();
        for t in &config.custom_terms {
            let term = t.term.trim();
            if !term.is_empty() {
                terms.push(term.to_ascii_lowercase());
                severities.push(t.severity);
            }
        }
        let automaton = if terms.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&terms)
                .ok()
        };
        Custom {
            automaton,
            severities,
            terms,
        }
    }
}

impl Rule for Custom {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let Some(ac) = &self.automaton else { return };
        let b = ctx.lower.as_bytes();
        for m in ac.find_iter(&ctx.lower) {
            if !bounded(b, m.start(), m.end()) {
                continue;
            }
            let i = m.pattern().as_usize();
            let msg = format!(
                "\"{}\" is on your organisation's list of terms not to post.",
                ctx.text[m.start()..m.end()].trim()
            );
            let _ = &self.terms[i];
            out.push(
                Draft::new(Category::CustomTerm, self.severities[i], m.start(), m.end())
                    .message(msg)
                    .suggest(""),
            );
        }
    }
}
