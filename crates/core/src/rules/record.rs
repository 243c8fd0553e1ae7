//! Record text only (see [`crate::Scanner::scan_record`]): what a chart, whiteboard,
//! monitor or wristband shows without sentences around it. Clinician and patient names
//! after their cues and bare record numbers, all from the format table's `record.*` rows.

use super::{Draft, Rule};
use crate::context::Context;
use crate::lexicon::not_name;
use crate::matchers::{matchers, Hay, Matchers};
use crate::{Category, Severity};

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
                // A name on a name line ("PT: Johnson") shows whose record it is; a
                // clinician's does not.
                out.push(
                    Draft::new(Matchers::category(id), Severity::High, vs, ve)
                        .suggest("")
                        .anchor(id == "record.name_line"),
                );
            }
        }
        board_names(ctx, out);
        whose_phones(ctx, out);
        for x in m.find(Matchers::row("record.number"), &hay) {
            // Covered by a more specific finding (a date, a phone) at the same place.
            if out
                .iter()
                .any(|d| !d.tentative && d.start <= x.start && x.end <= d.end)
            {
                continue;
            }
            // Part of a longer code ("C24-118893", "W0361 24 118842", "07700 900418"), or
            // the number of a product, a prescriber or a staff member ("LOT 63331198",
            // "PTR 2291045", "Emp # 118204").
            if part_of_code(text, x.start) || not_a_patients(&ctx.lower, x.start) {
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

/// Whether the number at `start` continues a code: a dash, or a digit group one space
/// before it.
fn part_of_code(text: &[u8], start: usize) -> bool {
    let before = &text[..start];
    match before.last() {
        Some(b'-') => true,
        Some(b' ') => {
            before.len() >= 2 && before[before.len() - 2].is_ascii_alphanumeric() && {
                // the group before is a code piece with a digit: "24 118842", "07700 900418"
                let piece = before[..before.len() - 1]
                    .rsplit(|c| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or(&[]);
                piece.iter().any(u8::is_ascii_digit)
            }
        }
        _ => false,
    }
}

/// Whether the word before the number names a number no patient has: a product's lot or
/// reference, a drug's DIN or NDC, a pharmacy's NCPDP, a prescriber's licence or PTR, a
/// staff member's employee number, a group number, a stock item.
fn not_a_patients(lower: &str, start: usize) -> bool {
    const KEYS: &[&str] = &[
        "lot", "ref", "din", "ndc", "ncpdp", "ptr", "lic", "emp", "grp", "group", "item", "lock",
        "s2", "prc", "rxbin", "bin", "pcn",
    ];
    let before = lower[..start].trim_end_matches([' ', '#', ':', '.', '\t']);
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let word = if word == "no" {
        let b = before[..before.len() - 2].trim_end_matches([' ', '.']);
        b.rsplit(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("")
    } else {
        word
    };
    KEYS.contains(&word)
}

/// A record's numbers read as phones that are not a patient's: a staff extension, pager or
/// bleep ("RN Tasha x6120"), and a provider's number on a line that names the provider or
/// asks to call it ("Sunrise Pediatrics (208) 555-0190", "Please call ... to schedule").
/// A number after "NHS No" is the patient's health number, not a phone.
fn whose_phones(ctx: &Context, out: &mut Vec<Draft>) {
    const PROVIDER: &[&str] = &[
        "pharmacy",
        "clinic",
        "pediatrics",
        "paediatrics",
        "medicine",
        "med",
        "practice",
        "hospital",
        "surgery",
        "call",
        "fax",
        "from",
    ];
    let low = ctx.lower.as_str();
    out.retain_mut(|d| {
        if d.category != Category::PhiPhone {
            return true;
        }
        let t = &low[d.start..d.end];
        if t.starts_with('x')
            || ["ext", "pager", "bleep", "beeper", "pgr", "vocera"]
                .iter()
                .any(|k| t.starts_with(k))
        {
            return false;
        }
        let line = &low[low[..d.start].rfind('\n').map_or(0, |n| n + 1)..d.start];
        let words = || line.split(|c: char| !c.is_ascii_alphanumeric());
        if words().any(|w| w == "nhs" || w == "chi") {
            d.category = Category::PhiHealthPlan;
            return true;
        }
        !words().any(|w| PROVIDER.contains(&w))
    });
}

/// "BED 01  FRAZIER J", "Rm 2  Henderson": on a board the word written after a bed or
/// room, on its line, is the patient in it.
fn board_names(ctx: &Context, out: &mut Vec<Draft>) {
    let text = ctx.text;
    let low = ctx.lower.as_str();
    let toks = &ctx.tokens;
    let rooms: Vec<usize> = out
        .iter()
        .filter(|d| d.category == Category::PhiRoom)
        .map(|d| d.end)
        .collect();
    for end in rooms {
        let i = toks.partition_point(|t| t.start < end);
        let Some(t) = toks.get(i) else { continue };
        let gap = &text[end..t.start];
        if gap.is_empty() || !gap.bytes().all(|c| c == b' ' || c == b'\t') {
            continue;
        }
        let w = &low[t.start..t.end];
        if !t.cap
            || t.end - t.start < 3
            || !w
                .bytes()
                .all(|c| c.is_ascii_alphabetic() || c == b'\'' || c == b'-')
            || not_name(w)
            || out
                .iter()
                .any(|d| d.category == Category::PhiName && d.start <= t.start && t.start < d.end)
        {
            continue;
        }
        // "FRAZIER J": a surname and an initial.
        let mut e = t.end;
        if let Some(n) = toks.get(i + 1) {
            if n.end - n.start == 1 && n.cap && &text[t.end..n.start] == " " {
                e = n.end;
            }
        }
        out.push(
            Draft::new(Category::PhiName, Severity::High, t.start, e)
                .suggest("")
                .anchor(true),
        );
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

    /// Record text that shows no patient (a supply label, a log sheet, a phone list) is
    /// read as a post: its lot numbers, extensions, bare dates and item numbers are not held.
    #[test]
    fn a_record_without_a_patient_is_read_as_a_post() {
        let s = Scanner::new(Config::default()).unwrap();
        for text in [
            "MED FRIDGE TEMP LOG\nDAY AM PM INIT\n6/01 4.1 4.3 cw\n6/02 4.0 4.6 cw\nCall Pharmacy x2277\n",
            "SALINE FLUSH 10 mL\nITEM # 4128830\nLot 2HK114  Exp 02/2027\n",
            "*** PRINTER TEST - NOT A PATIENT ***\nTEST, PATIENT ONE\nDOB 01/01/1900   MRN 000000000\n",
        ] {
            let r = s.scan_record(text);
            assert!(
                r.findings.iter().all(|f| f.severity < Severity::Medium),
                "{text:?}: {:?}",
                found(&r)
            );
        }
    }

    /// A board's rows: the word after a bed is its patient; "Surname, Given" is a name;
    /// a staff extension and a provider's phone are not a patient's.
    #[test]
    fn board_rows_name_their_patients() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record(
            "TELE 2\nBED 01  FRAZIER J   HR 72\n0800  Holloway, Grace   FOLFOX\nRN Tasha x6120\nSunrise Pediatrics  (208) 555-0190\n",
        ));
        for text in ["FRAZIER J", "Holloway, Grace"] {
            assert!(
                r.iter().any(|(c, sev, t)| *c == Category::PhiName
                    && *sev == Severity::High
                    && t == text),
                "{text} in {r:?}"
            );
        }
        assert!(!r.iter().any(|(c, _, _)| *c == Category::PhiPhone), "{r:?}");
    }
}
