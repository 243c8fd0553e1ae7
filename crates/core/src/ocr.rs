//! The OCR-confusable view of record text (issue 14): what OCR reads off a photographed
//! chart, board or card mixes up letters and digits ("6O6-555-Ol23", "l2-Mar-2O24",
//! "A9O233l8", "0KONKWO", "C0UNTY", "LUClE"). Record text is matched on a view of it in
//! which each confusable is put back by its neighbours: inside a run of digits a letter
//! shaped like one becomes the digit, inside a word a digit shaped like a letter becomes
//! the letter, and inside a capitals word a lower-case "l" becomes the "I" it stands for.
//!
//! Every change swaps one ASCII byte for another, so the view has the text's length and
//! byte offsets (and its UTF-16 offsets): a span found in the view is the same span of the
//! text. Bytes outside ASCII letters and digits are never changed. Posts are not read
//! through it (`Scanner::scan` matches the text as written).

use std::borrow::Cow;

/// A letter OCR writes for a digit, and the digit.
fn as_digit(b: u8) -> Option<u8> {
    match b {
        b'O' | b'o' => Some(b'0'),
        b'l' | b'I' => Some(b'1'),
        _ => None,
    }
}

/// The record text as matching reads it: the same length, each OCR confusable put back.
/// Borrowed when nothing changes.
pub fn view(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    if !b
        .iter()
        .any(|&c| matches!(c, b'O' | b'o' | b'l' | b'I' | b'0' | b'1'))
    {
        return Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_whitespace() {
            // One token: a run of bytes other than white space.
            let s = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            token(&b[s..i], &mut out[s..i]);
        } else {
            i += 1;
        }
    }
    if out == b {
        return Cow::Borrowed(text);
    }
    // Only ASCII letters and digits were swapped for ASCII letters and digits.
    Cow::Owned(String::from_utf8(out).expect("ASCII swapped for ASCII"))
}

/// One white-space token: each run of ASCII letters and digits in it.
fn token(b: &[u8], out: &mut [u8]) {
    let digits = b.iter().any(u8::is_ascii_digit);
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            let s = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            // A run of confusables alone ("Ol" in "Ol-Oct-2O24", "l" in "l/3/2024") is a
            // number when its token holds digits and a date's or a number's mark joins it
            // to the rest.
            let joined = (s > 0 && matches!(b[s - 1], b'/' | b'-' | b'.' | b':'))
                || (i < b.len() && matches!(b[i], b'/' | b'-' | b'.' | b':'));
            let lone = digits
                && joined
                && i - s <= 2
                && b[s..i].iter().all(|&c| as_digit(c).is_some())
                && !(i - s == 1 && b[s] == b'I');
            if lone {
                for k in s..i {
                    out[k] = as_digit(b[k]).unwrap_or(b[k]);
                }
            } else {
                run(&b[s..i], &mut out[s..i]);
            }
        } else {
            i += 1;
        }
    }
}

/// One run of ASCII letters and digits.
fn run(b: &[u8], out: &mut [u8]) {
    let n_digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let n_letters = b.len() - n_digits;
    if n_digits == 0 {
        capitals(out);
        return;
    }
    // A word with a zero or a one for a letter ("0KONKWO", "C0UNTY", "Jax0n", "o1d"): no
    // other digit, at most two of them, each followed by a letter (a unit's number,
    // "ICU1", "Bay10", stays), and three letters or more, or lower-case letters on both
    // sides (a postcode's "K1A" stays).
    let wordlike = n_digits <= 2
        && b.iter()
            .all(|c| !c.is_ascii_digit() || matches!(c, b'0' | b'1'))
        && n_letters > n_digits;
    if wordlike {
        let mut changed = false;
        for k in 0..b.len() {
            if !matches!(b[k], b'0' | b'1') {
                continue;
            }
            let Some(&next) = b.get(k + 1).filter(|c| c.is_ascii_alphabetic()) else {
                continue;
            };
            let prev = match k.checked_sub(1).map(|p| b[p]) {
                Some(p) if p.is_ascii_alphabetic() => Some(p),
                Some(_) => continue,
                // First in its run only as a capitals name's "O" ("0KONKWO"): "1wk",
                // "1DAY" and "0MG" stay numbers.
                None if b[k] == b'0' && next.is_ascii_uppercase() && n_letters >= 3 => None,
                None => continue,
            };
            let lower = next.is_ascii_lowercase() && prev.is_none_or(|p| p.is_ascii_lowercase());
            if n_letters < 3 && !(lower && prev.is_some()) {
                continue;
            }
            out[k] = match (b[k], lower) {
                (b'0', true) => b'o',
                (b'0', false) => b'O',
                (_, true) => b'l',
                _ => b'I',
            };
            changed = true;
        }
        if changed {
            capitals(out);
            return;
        }
    }
    // A number with letters for digits ("6O6", "Ol23", "2O24", "A9O233l8", "3lY"): each
    // stretch of digits and digit-shaped letters holding a digit and no more letters than
    // digits.
    let mut k = 0;
    while k < b.len() {
        if b[k].is_ascii_digit() || as_digit(b[k]).is_some() {
            let s = k;
            while k < b.len() && (b[k].is_ascii_digit() || as_digit(b[k]).is_some()) {
                k += 1;
            }
            let d = b[s..k].iter().filter(|c| c.is_ascii_digit()).count();
            if d > 0 && d >= (k - s) - d {
                for j in s..k {
                    out[j] = as_digit(b[j]).unwrap_or(b[j]);
                }
            }
        } else {
            k += 1;
        }
    }
}

/// A capitals word with a lower-case "l" for an "I" ("LUClE", "REMlNDER", "NHl", "lS").
fn capitals(out: &mut [u8]) {
    if !out.contains(&b'l') {
        return;
    }
    let others = out.iter().filter(|&&c| c != b'l');
    let mut upper = 0;
    for &c in others {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            return;
        }
        upper += 1;
    }
    if upper == 0 {
        return;
    }
    for o in out.iter_mut().filter(|o| **o == b'l') {
        *o = b'I';
    }
}

#[cfg(test)]
mod tests {
    use super::view;

    fn v(s: &str) -> String {
        view(s).into_owned()
    }

    #[test]
    fn numbers_get_their_digits_back() {
        assert_eq!(v("6O6-555-Ol23"), "606-555-0123");
        assert_eq!(v("l2-Mar-2O24"), "12-Mar-2024");
        assert_eq!(v("Ol-Oct-2O24"), "01-Oct-2024");
        assert_eq!(v("DOB:O3/l1/2024"), "DOB:03/11/2024");
        assert_eq!(v("Room 1O1A"), "Room 101A");
        assert_eq!(v("MRN A9O233l8"), "MRN A9023318");
        assert_eq!(v("3lY F"), "31Y F");
    }

    #[test]
    fn words_get_their_letters_back() {
        assert_eq!(v("0KONKWO, Ada"), "OKONKWO, Ada");
        assert_eq!(v("C0UNTY OF M0RGAN"), "COUNTY OF MORGAN");
        assert_eq!(v("TREMBLAY, LUClE"), "TREMBLAY, LUCIE");
        assert_eq!(v("I am 6 years o1d, Jax0n"), "I am 6 years old, Jaxon");
        assert_eq!(v("APPOINTMENT REMlNDER"), "APPOINTMENT REMINDER");
    }

    #[test]
    fn what_is_not_a_confusable_stays() {
        for s in [
            "ICU1 bed 10, Bay10",
            "K1A 0B1",
            "Pod A-3, B1",
            "hello world, I/O, I-95",
            "Olivia Lloyd",
            "McDonald",
            "iPhone 12 Pro",
            "O2 sat 98%",
            "1st 2nd 1wks 10mins 1DAY 0MG 1am",
        ] {
            assert_eq!(v(s), s.replace("O2 sat", "02 sat"), "{s}");
        }
    }

    #[test]
    fn offsets_and_non_ascii_are_kept() {
        for s in ["Réjean Gagnon l2/O3/2O24 — 0KONKWO 💜 éOl", "Zoë 1O1 ñl"] {
            let w = v(s);
            assert_eq!(w.len(), s.len());
            for (a, b) in s.char_indices().zip(w.char_indices()) {
                assert_eq!(a.0, b.0);
                if !a.1.is_ascii() {
                    assert_eq!(a.1, b.1);
                }
            }
        }
        assert!(matches!(
            view("nothing to swap here"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
