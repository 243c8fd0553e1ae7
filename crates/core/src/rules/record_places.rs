//! Record text that shows a patient: names that are places. The name rules and the record
//! tagger read a capitalised word as a person's name, but on a record a capitalised word
//! before a facility's head noun ("Royal Derby Hospital", "Harbor Lane Pharmacy", "Sunridge
//! Manor") or on an address line ("Address: Purok 3, Brgy. Maligaya, Tarlac City") is a
//! place. Run after the record tagger, so it judges what both found; it only moves a name
//! finding to the place category (or drops it where a place finding already covers it),
//! never adds one, so a record shows no more findings than before.

use std::borrow::Cow;

use super::Draft;
use crate::Category;

/// Words that end a facility's name ("... Hospital", "... Surgery"), lower case.
const FACILITY: &[&str] = &[
    "hospital",
    "hosp",
    "infirmary",
    "surgery",
    "clinic",
    "centre",
    "center",
    "ctr",
    "health",
    "pharmacy",
    "associates",
    "pediatrics",
    "paediatrics",
    "diagnostics",
    "manor",
    "school",
    "practice",
    "institute",
    "lodge",
];

/// Field names of a line that gives an address or a place (lower case, before the colon).
const ADDRESS_FIELDS: &[&str] = &[
    "address",
    "addr",
    "home address",
    "r/o",
    "village",
    "district",
    "town",
    "city",
    "suburb",
    "residence",
    "pick-up",
    "school",
];

/// Moves `drafts`' names that are places to `phi.location` (see the module).
pub fn names_that_are_places(text: &str, drafts: &mut Vec<Draft>) {
    let places: Vec<(usize, usize)> = drafts
        .iter()
        .filter(|d| d.category == Category::PhiLocation)
        .map(|d| (d.start, d.end))
        .collect();
    drafts.retain_mut(|d| {
        if d.category != Category::PhiName || d.tentative || d.end > text.len() {
            return true;
        }
        // "W/O Karthik Sundaram, 12 Gandhi St": a relative named on the address line.
        if relative_before(text, d.start) {
            return true;
        }
        let end = match facility_end(text, d.start, d.end) {
            Some(end) => end,
            None if address_line(text, d.start) => d.end,
            None => return true,
        };
        if places.iter().any(|p| p.0 < end && d.start < p.1) {
            return false;
        }
        d.category = Category::PhiLocation;
        d.end = end;
        d.message = Cow::Borrowed(Category::PhiLocation.message());
        true
    });
}

/// Where the facility name that the name at `start..end` begins ends: its own last word
/// or one of the next three capitalised words on its line, one space apart, is a facility's
/// head noun. A wider gap is a column's ("Glenys   Hosp": a name, then the hospital column).
fn facility_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let head = |w: &str| {
        let w = w.trim_end_matches(['.', ',', ';', ':']);
        FACILITY.iter().any(|f| w.eq_ignore_ascii_case(f))
    };
    if text[start..end].split_whitespace().last().is_some_and(head) {
        return Some(end);
    }
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let mut at = end;
    for _ in 0..3 {
        let rest = &text[at..line_end];
        let word = rest.strip_prefix(' ')?;
        if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let len = word.find([' ', '\t']).unwrap_or(word.len());
        let w = &word[..len];
        at += 1 + len;
        if head(w) {
            return Some(at - (w.len() - w.trim_end_matches(['.', ',', ';', ':']).len()));
        }
        if w.ends_with([',', ';', ':']) {
            return None;
        }
    }
    None
}

/// Whether "W/O", "S/O", "D/O" or "C/O" (wife, son, daughter, care of) stands before
/// `start`: the name is a person's.
fn relative_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end().to_ascii_lowercase();
    ["w/o", "s/o", "d/o", "c/o"]
        .iter()
        .any(|k| before.ends_with(k))
}

/// Whether the line `start` is on gives an address or a place: its field name (the words
/// before the last colon before `start`) is one of `ADDRESS_FIELDS`.
fn address_line(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let Some(colon) = text[line_start..start].rfind(':') else {
        return false;
    };
    let field = text[line_start..line_start + colon]
        .trim()
        .to_ascii_lowercase();
    // The last field on the line before the colon: "Husband: Mr. Prakash N.   Village".
    let field = field.rsplit("  ").next().unwrap_or("").trim();
    ADDRESS_FIELDS.contains(&field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn moved(text: &str, name: &str) -> Option<(Category, String)> {
        let s = text.find(name).unwrap();
        let mut d = vec![Draft::new(
            Category::PhiName,
            Severity::High,
            s,
            s + name.len(),
        )];
        names_that_are_places(text, &mut d);
        d.first()
            .map(|d| (d.category, text[d.start..d.end].to_string()))
    }

    #[test]
    fn facility_names_and_address_lines_are_places() {
        let place = |t: &str| Some((Category::PhiLocation, t.to_string()));
        assert_eq!(
            moved(
                "DISCHARGE LETTER - Royal Derby Hospital, Ward 402",
                "Royal Derby"
            ),
            place("Royal Derby Hospital")
        );
        assert_eq!(
            moved(
                "Dispensed 03/02/25   Harbor Lane Pharmacy  555-0193",
                "Lane"
            ),
            place("Lane Pharmacy")
        );
        assert_eq!(
            moved("Rm 214  Sunridge Manor", "Sunridge"),
            place("Sunridge Manor")
        );
        assert_eq!(
            moved(
                "Address: Purok 3, Brgy. Maligaya, Tarlac City",
                "Maligaya, Tarlac"
            ),
            place("Maligaya, Tarlac")
        );
        assert_eq!(
            moved(
                "Husband: Mr. Prakash N.   Village: Kallur, Tq. Raichur",
                "Kallur"
            ),
            place("Kallur")
        );
    }

    #[test]
    fn names_stay_names() {
        let name = |t: &str| Some((Category::PhiName, t.to_string()));
        // A name, then the hospital column.
        assert_eq!(moved("Glenys   Hosp 4471", "Glenys"), name("Glenys"));
        assert_eq!(
            moved("Name: Tamsin Hargreaves  Hosp", "Tamsin Hargreaves"),
            name("Tamsin Hargreaves")
        );
        // A name whose line is not an address, and a name before lower-case words.
        assert_eq!(
            moved("Patient: Harold Jenkins", "Harold Jenkins"),
            name("Harold Jenkins")
        );
        assert_eq!(moved("Seen by Dr Grace in clinic", "Grace"), name("Grace"));
        assert_eq!(
            moved(
                "Address: W/O Karthik Sundaram, 12 Gandhi St",
                "Karthik Sundaram"
            ),
            name("Karthik Sundaram")
        );
        assert_eq!(
            moved("NOK: Mary Jones, Hospital Rd", "Mary Jones"),
            name("Mary Jones")
        );
    }

    #[test]
    fn a_place_already_found_keeps_one_finding() {
        let text = "Ward: Elm, Hillcrest Community Hosp";
        let s = text.find("Hillcrest").unwrap();
        let mut d = vec![
            Draft::new(Category::PhiLocation, Severity::High, 6, text.len()),
            Draft::new(Category::PhiName, Severity::High, s, s + 9),
        ];
        names_that_are_places(text, &mut d);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].category, Category::PhiLocation);
    }
}
