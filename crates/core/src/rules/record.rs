//! Record text only (see [`crate::Scanner::scan_record`]): what a chart, whiteboard,
//! monitor or wristband shows without sentences around it. Clinician and patient names
//! after their cues and bare record numbers, all from the format table's `record.*` rows.

use super::{Draft, Rule};
use crate::context::Context;
use crate::matchers::{matchers, Hay, Matchers};
use crate::Severity;

pub struct Record;

impl Rule for Record {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        if !ctx.record {
            return;
        }
        let hay = Hay::of(ctx);
        let m = matchers();
        let text = ctx.text.as_bytes();
        // Names: the value must be written with a capital ("seen by Smith", not "seen by
        // nursing"); the lower-cased table cannot tell.
        for id in ["record.name_line", "record.clinician"] {
            for x in m.find(Matchers::row(id), &hay) {
                let Some((vs, ve)) = x.val else { continue };
                if !text[vs].is_ascii_uppercase() {
                    continue;
                }
                out.push(Draft::new(Matchers::category(id), Severity::High, vs, ve).suggest(""));
            }
        }
        for x in m.find(Matchers::row("record.number"), &hay) {
            // Covered by a more specific finding (a date, a phone) at the same place.
            if out.iter().any(|d| d.start <= x.start && x.end <= d.end) {
                continue;
            }
            out.push(
                Draft::new(
                    Matchers::category("record.number"),
                    Severity::High,
                    x.start,
                    x.end,
                )
                .suggest(""),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Category, Config, Scanner, Severity};

    const BOARD: &str = "PT: Johnson  2231984\nDr. Lee paged 0300, seen by Smith\n04/02 NPO after MN\nallergies: PCN\n";

    fn found(r: &crate::Report) -> Vec<(Category, Severity, String)> {
        r.findings
            .iter()
            .map(|f| (f.category, f.severity, f.text.clone()))
            .collect()
    }

    /// What stands on a whiteboard without sentences: names after their cues, a bare
    /// record number, a bare date. As a post, the same lines pass.
    #[test]
    fn record_text_finds_what_stands_without_sentences() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record(BOARD));
        for (cat, text) in [
            (Category::PhiName, "Johnson"),
            (Category::PhiMrn, "2231984"),
            (Category::PhiName, "Dr. Lee"),
            (Category::PhiName, "Smith"),
            (Category::PhiDate, "04/02"),
        ] {
            assert!(
                r.iter()
                    .any(|(c, sev, t)| *c == cat && *sev == Severity::High && t == text),
                "{text} as {cat:?} in {r:?}"
            );
        }
        assert!(!r.iter().any(|(_, _, t)| t.contains("PCN")), "{r:?}");
        let post = found(&s.scan("Dr. Lee paged 0300, seen by Smith\n04/02 NPO after MN"));
        assert!(post.is_empty(), "a post without a patient: {post:?}");
    }

    /// Lower-case words after the cues are not names ("seen by nursing").
    #[test]
    fn record_names_need_a_capital() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record("seen by nursing\npaged pharmacy\n"));
        assert!(!r.iter().any(|(c, _, _)| *c == Category::PhiName), "{r:?}");
    }
}
