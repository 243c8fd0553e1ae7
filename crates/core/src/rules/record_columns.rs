//! Record text: a table's columns. A theatre list, a census, a logbook writes a header row
//! ("Time Hosp No   Name   Age  Procedure") and then one row per patient, where a bare
//! number under "Age" is the patient's age whether or not a name rule found the name
//! before it (`record::board_ages` reads the number right after a name; a row of initials,
//! codes or an OCR'd surname has none).

use super::Draft;
use crate::context::Context;
use crate::{Category, Severity};

/// Column heads that name an age (lower case, trailing punctuation trimmed).
const AGE_HEADS: &[&str] = &[
    "age",
    "edad",
    "yrs",
    "age/sex",
    "age/sx",
    "age/gender",
    "a/s",
];

/// A word of a line: its byte span.
fn words(line: &str, at: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let b = line.as_bytes();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let s = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        Some((at + s, at + i))
    })
}

/// The age column of a header row: three words or more, no digit and no field's colon,
/// one of them an age head. Its span on the line (from the line's start).
fn age_column(line: &str) -> Option<(usize, usize)> {
    if line.bytes().any(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let cols: Vec<(usize, usize)> = words(line, 0).collect();
    if cols.len() < 3 {
        return None;
    }
    cols.into_iter().find(|&(s, e)| {
        let w = line[s..e].trim_end_matches(['.', ',']).to_ascii_lowercase();
        AGE_HEADS.contains(&w.as_str())
    })
}

/// Where an age is written in a cell ("43", "6m", "71F", "~30", "24/F", "(98)"): the
/// digits' value, or None.
fn age_cell(cell: &str) -> Option<u32> {
    let c = cell
        .trim_start_matches(['(', '~'])
        .trim_end_matches([')', ',']);
    let digits = c.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let unit = c[digits..].trim_start_matches('/').to_ascii_lowercase();
    if !["", "y", "yo", "yr", "yrs", "m", "f", "mo", "d", "w"].contains(&unit.as_str()) {
        return None;
    }
    c[..digits].parse().ok().filter(|&n| n <= 115)
}

/// Ages under a header row's age column, in the rows that follow it (until a blank line
/// or another header row). Rows are often written one space apart, so a cell counts when
/// it overlaps the head widened by two bytes either side; the cell nearest the head's
/// middle wins.
pub(crate) fn column_ages(ctx: &Context, out: &mut Vec<Draft>) {
    let text = ctx.text;
    let mut column: Option<(usize, usize)> = None;
    let mut found = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            column = None;
            continue;
        }
        if let Some(c) = age_column(line) {
            column = Some(c);
            continue;
        }
        let Some((hs, he)) = column else { continue };
        let (lo, hi) = (hs.saturating_sub(2), he + 2);
        let middle = (hs + he) as isize;
        let best = words(line, 0)
            .filter(|&(s, e)| s < hi && lo < e && age_cell(&line[s..e]).is_some())
            .min_by_key(|&(s, e)| ((s + e) as isize - middle).abs());
        if let Some((s, e)) = best {
            let (s, e) = (start + s, start + e);
            let taken = out.iter().any(|d| !d.tentative && d.start < e && s < d.end);
            if !taken {
                found.push(Draft::new(Category::PhiAge, Severity::High, s, e).suggest(""));
            }
        }
    }
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ages(text: &str) -> Vec<String> {
        let mut c = Context::new(text);
        c.as_record();
        let mut out = Vec::new();
        column_ages(&c, &mut out);
        out.iter()
            .map(|d| text[d.start..d.end].to_string())
            .collect()
    }

    #[test]
    fn ages_under_an_age_head() {
        let list = "Time Hosp No   Name   Age  Procedure   Ward\n12:45 RX21B336 CROWTHER E 43 L TKR SAU\n10:15 RX269820 CROWTHER D 82 ORIF R ankle SAU\n";
        assert_eq!(ages(list), ["43", "82"]);
        let board = "Rm  Pt        Age  CC              RN\n07  KOWALCZYK  92  fall, hip pain  BD\n12  TRAN, M    6m  fever           CL\n";
        assert_eq!(ages(board), ["92", "6m"]);
    }

    #[test]
    fn no_age_head_or_no_age_cell_no_age() {
        // No age column.
        assert!(ages("Rm  Pt        CC\n07  KOWALCZYK  92\n").is_empty());
        // A header with digits is a row, not a header; a blank line ends the table.
        assert!(ages("Name Age 2024 Ward\nSMITH 44 W2\n").is_empty());
        assert!(ages("Name  Age  Ward\n\nSMITH  44  W2\n").is_empty());
        // A reading with its unit, a time, a code.
        assert!(
            ages("Name   Age   Ward\nSMITH  10kg  W2\nJONES  08:00 W3\nBROWN  A12   W4\n")
                .is_empty()
        );
    }
}
