//! The identifier formats, one row each. To add a format, add a row here with at least
//! five examples it must find and five it must not (the table's test runs them all), and
//! read its matches from the rule that judges them (`crate::rules::identifiers` and its
//! neighbours).

use super::{any, Format, Key, Near, Needs, ANY_WORD};
use crate::Category;

/// The ASCII digits of `s`, as numbers.
fn digits(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|d| d - b'0')
        .collect()
}

/// A North American number: ten digits (eleven with the country code 1), area code and
/// exchange not starting with 0 or 1, not one digit repeated. An extension is not counted.
fn nanp(s: &str) -> bool {
    let main = s.split(['x', 'e']).next().unwrap_or(s);
    let d = digits(main);
    // "(555) 014-2290": an area code in parentheses is a phone's layout whatever its
    // digits (a made-up exchange, a misread one).
    if main.starts_with('(') && d.len() == 10 && d.iter().any(|&x| x != d[0]) {
        return true;
    }
    let d = match d.len() {
        10 => &d[..],
        11 if d[0] == 1 => &d[1..],
        _ => return false,
    };
    d[0] >= 2 && d[3] >= 2 && !(d[1] == 1 && d[2] == 1) && d.iter().any(|&x| x != d[0])
}

/// A seven-digit local number: exchange not starting with 0 or 1, not one digit repeated.
fn local(s: &str) -> bool {
    let d = digits(s);
    d.len() == 7 && d[0] >= 2 && d.iter().any(|&x| x != d[0])
}

/// A national number dialled with its trunk 0 ("07700 900418", "(02) 5550 1187"): 10 or
/// 11 digits, the second not 0 (an international "00" or a zero-padded code).
fn trunk(s: &str) -> bool {
    let d = digits(s);
    (10..=11).contains(&d.len()) && d[0] == 0 && d[1] != 0
}

/// An international number: 8 to 15 digits with the country code (ITU E.164).
fn e164(s: &str) -> bool {
    (8..=15).contains(&digits(s).len())
}

/// SSA rules: nine digits, area not 000, 666 or 900-999; group not 00; serial not 0000.
fn ssn(s: &str) -> bool {
    let d = digits(s);
    d.len() == 9
        && d[..3] != [0, 0, 0]
        && d[..3] != [6, 6, 6]
        && d[0] != 9
        && d[3..5] != [0, 0]
        && d[5..] != [0, 0, 0, 0]
}

/// Two numbers that can be a month and a day in either order: both 1 to 31, one at most
/// 12 ("14/03" is day first, "45/60" no date).
fn month_and_day(s: &str) -> bool {
    let mut parts = s
        .split(['/', '-', '.'])
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let (a, b) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12)
}

/// A packed or spaced record date ("03mar2024", "12 -mar- 24"): a real calendar date.
fn packed_date(s: &str) -> bool {
    crate::rules::dates::packed_date(s).is_some()
}

/// A bare record number: six to ten digits, not one digit repeated, not a round number.
fn record_number(s: &str) -> bool {
    let d = digits(s);
    (6..=10).contains(&d.len()) && d.iter().any(|&x| x != d[0]) && d.iter().skip(1).any(|&x| x != 0)
}

/// A code of an identifier's shape ("ORD-7716204", "24-HEM-00917", "ANC/0982/24"): four
/// digits or more (six after a single letter, "E-000418822"), not a standard, a form or a
/// drug code ("ISO-27001", "CMS-1500", "NDC-0002-..."), and not a year alone ("FY-2025").
fn identifier_code(s: &str) -> bool {
    const STANDARDS: &[&str] = &[
        "iso", "iec", "en", "din", "astm", "ansi", "ieee", "nfpa", "mil", "rfc", "nct", "cpt",
        "icd", "ndc", "cms", "sku", "upc", "isbn", "fy", "q", "covid", "sars", "hl", "pgy",
    ];
    let head: String = s.chars().take_while(char::is_ascii_alphabetic).collect();
    let d = digits(s);
    let groups: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    // "08-AUG-1996": a date, not a code.
    let month = s.split(['-', '/']).any(|p| {
        MONTHS.contains(&p.get(..3).unwrap_or(""))
            && p.len() <= 4
            && !p.bytes().any(|c| c.is_ascii_digit())
    });
    let year_alone = groups.len() == 1
        && groups[0].len() == 4
        && (groups[0].starts_with("19") || groups[0].starts_with("20"));
    d.len() >= if head.len() == 1 { 6 } else { 4 }
        && !year_alone
        && !month
        && !STANDARDS.contains(&head.as_str())
}

/// Whether `yymmdd` (six digits) is a calendar day: month 1 to 12, day 1 to 31.
fn yymmdd(d: &[u8]) -> bool {
    d.len() >= 6 && (1..=12).contains(&(d[2] * 10 + d[3])) && (1..=31).contains(&(d[4] * 10 + d[5]))
}

/// Mexico's CURP: four letters, the birth date (YYMMDD), the sex (H, M or X), five letters
/// (state and consonants), a letter or digit, a check digit.
fn curp(s: &str) -> bool {
    yymmdd(&digits(&s[4..10]))
}

/// Malaysia's MyKad number: the birth date (YYMMDD), a place-of-birth code, four digits.
fn mykad(s: &str) -> bool {
    yymmdd(&digits(s))
}

/// A day of the month in an ordinal ("the 14th"): 1 to 31.
fn day_of_month(s: &str) -> bool {
    let d = digits(s);
    let n = d.iter().fold(0u32, |n, &x| n * 10 + x as u32);
    (1..=31).contains(&n)
}

/// A hex digit or a colon: what an IPv6 address is made of.
pub fn hex_or_colon(c: u8) -> bool {
    c.is_ascii_hexdigit() || c == b':'
}

/// An IPv6 address: groups of at most four hex digits joined by colons, with a "::" (not
/// ":::") or all eight groups; at least three groups, one of three digits or more.
fn ipv6(t: &str) -> bool {
    let colons = t.bytes().filter(|&c| c == b':').count();
    let groups: Vec<&str> = t.split(':').collect();
    colons >= 2
        && groups.iter().all(|g| g.len() <= 4)
        && ((t.contains("::") && !t.contains(":::")) || groups.len() == 8)
        && groups.iter().filter(|g| !g.is_empty()).count() >= 3
        && groups.iter().any(|g| g.len() >= 3)
}

/// An IPv4 address: four numbers, each 0 to 255.
fn ipv4(s: &str) -> bool {
    s.split('.')
        .all(|p| p.parse::<u32>().is_ok_and(|o| o <= 255))
}

/// A payment card number: 13 to 19 digits, a Visa, Mastercard, Amex, Discover or JCB
/// first digit (3 to 6), and the Luhn check.
fn card(s: &str) -> bool {
    let d = digits(s);
    (13..=19).contains(&d.len()) && matches!(d[0], 3..=6) && luhn(&d)
}

/// A handle's length after its "@": 3 to 30 characters (none of the sites allows more).
fn handle(s: &str) -> bool {
    (4..=31).contains(&s.len())
}

/// The last four of an SSN: not the placeholder 0000.
fn four_digits(s: &str) -> bool {
    let d = digits(s);
    d.len() >= 4 && d[d.len() - 4..] != [0, 0, 0, 0]
}

/// A Social Insurance Number: nine digits, not all zero, with the Luhn check.
fn sin(s: &str) -> bool {
    let d = digits(s);
    d.len() == 9 && d.iter().any(|&x| x != 0) && luhn(&d)
}

/// The words a spoken digit is said as ("oh" for zero), by value.
pub const DIGIT_WORDS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// The tens' words, from twenty (index 0) to ninety.
pub const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number read out or typed digit by digit ("eight one five, five five five, oh one nine
/// nine", "985 five five five zero one four four", "4 0 4, 5 5 5, 0 1 6 9", "fifty-five"),
/// as the one run of digits it names: `None` when a piece is not a digit's word or a
/// number. A count ("one two three four") is not a number read out: it is `None` too.
pub fn spoken_digits(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut values: Vec<u32> = Vec::new();
    let mut spoken = false;
    let mut singles = 0;
    for piece in s.split(|c: char| c == ',' || c.is_whitespace()) {
        for part in piece.split('-').filter(|p| !p.is_empty()) {
            if part.bytes().all(|b| b.is_ascii_digit()) {
                out.push_str(part);
                singles += usize::from(part.len() == 1);
                values.push(part.parse().ok()?);
            } else if part == "oh" {
                out.push('0');
                spoken = true;
                values.push(0);
            } else if let Some(d) = DIGIT_WORDS.iter().position(|w| *w == part) {
                // "fifty-five", "eighty eight": a digit after a tens' word is its units.
                let units =
                    out.ends_with('0') && values.last().is_some_and(|&v| v >= 20 && v % 10 == 0);
                if units && d > 0 {
                    out.pop();
                    let v = values.pop().unwrap_or(0) + d as u32;
                    values.push(v);
                } else {
                    values.push(d as u32);
                }
                out.push((b'0' + d as u8) as char);
                spoken = true;
            } else if let Some(t) = TENS_WORDS.iter().position(|w| *w == part) {
                out.push((b'2' + t as u8) as char);
                out.push('0');
                values.push(20 + 10 * t as u32);
                spoken = true;
            } else {
                return None;
            }
        }
    }
    // Counting up or down ("one two three four five six seven"): a list, not a number.
    let counting =
        values.windows(2).all(|w| w[1] == w[0] + 1) || values.windows(2).all(|w| w[0] == w[1] + 1);
    (!counting && (spoken || singles >= 4)).then_some(out)
}

/// A number read out: 7, 9, 10 or 11 digits (a local or a North American number, a Social
/// Security number), said or spaced digit by digit.
fn spoken(s: &str) -> bool {
    spoken_digits(s).is_some_and(|d| matches!(d.len(), 7 | 9 | 10 | 11))
}

/// Luhn check over decimal digits (most significant first).
pub fn luhn(d: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = x as u32;
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// Medicare Beneficiary Identifier (dashes aside): 11 characters, letters never S, L, O,
/// I, B or Z.
fn mbi(s: &str) -> bool {
    let c: Vec<u8> = s.bytes().filter(|&c| c != b'-').collect();
    if c.len() != 11 {
        return false;
    }
    let letter = |x: u8| x.is_ascii_alphabetic() && !b"sloibz".contains(&x.to_ascii_lowercase());
    let alnum = |x: u8| x.is_ascii_digit() || letter(x);
    let digit = |x: u8| x.is_ascii_digit();
    (b'1'..=b'9').contains(&c[0])
        && letter(c[1])
        && alnum(c[2])
        && digit(c[3])
        && letter(c[4])
        && alnum(c[5])
        && digit(c[6])
        && letter(c[7])
        && letter(c[8])
        && digit(c[9])
        && digit(c[10])
}

/// England's NHS number: ten digits, the last a mod-11 check of the nine before (weights
/// 10 down to 2; a check of 10 is never issued).
fn nhs(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 10 {
        return false;
    }
    let sum: u32 = (0..9).map(|i| d[i] as u32 * (10 - i as u32)).sum();
    let check = (11 - sum % 11) % 11;
    check != 10 && check == d[9] as u32
}

/// Ontario's health card: ten digits passing Luhn (the version letters aside).
fn ohip(s: &str) -> bool {
    let d = digits(s);
    // A number with its version code, grouped 4-3-3 as the card prints it ("5584 - 486 -
    // 674 - YM"), is a health card's even with a wrong Luhn digit (copied or read one digit
    // off, as the record corpus's cards often are); a bare run of ten digits needs Luhn.
    let grouped = s
        .trim_end_matches(char::is_alphabetic)
        .trim_end_matches([' ', '-']);
    let grouped = grouped.contains([' ', '-']) && s.ends_with(char::is_alphabetic);
    d.len() == 10 && (luhn(&d) || grouped)
}

/// Quebec's RAMQ number: four letters, then the birth year, month (plus 50 for a woman)
/// and day, then two digits.
fn ramq(s: &str) -> bool {
    let d = digits(s);
    let month = d.get(2).zip(d.get(3)).map(|(a, b)| a * 10 + b).unwrap_or(0);
    let day = d.get(4).zip(d.get(5)).map(|(a, b)| a * 10 + b).unwrap_or(0);
    d.len() == 8
        && ((1..=12).contains(&month) || (51..=62).contains(&month))
        && (1..=31).contains(&day)
}

/// Australia's Medicare card: ten digits (eleven with the person's number), the first 2
/// to 6, the ninth a check of the eight before (weights 1, 3, 7, 9).
fn medicare_au(s: &str) -> bool {
    let d = digits(s);
    const W: [u32; 8] = [1, 3, 7, 9, 1, 3, 7, 9];
    (10..=11).contains(&d.len())
        && (2..=6).contains(&d[0])
        && (0..8).map(|i| d[i] as u32 * W[i]).sum::<u32>() % 10 == d[8] as u32
}

/// New Zealand's NHI number (the 3-letter, 4-digit form): letters without I and O, the
/// last digit a mod-11 check (letters 1 to 24 weighted 7, 6, 5; digits 4, 3, 2).
fn nhi(s: &str) -> bool {
    const L: &[u8] = b"abcdefghjklmnpqrstuvwxyz";
    let c: Vec<u8> = s.bytes().filter(|&c| c != b' ').collect();
    if c.len() != 7 {
        return false;
    }
    let mut sum = 0u32;
    for (i, w) in [7u32, 6, 5].into_iter().enumerate() {
        let Some(v) = L.iter().position(|&l| l == c[i]) else {
            return false;
        };
        sum += (v as u32 + 1) * w;
    }
    for (i, w) in [4u32, 3, 2].into_iter().enumerate() {
        sum += (c[3 + i] - b'0') as u32 * w;
    }
    let check = 11 - sum % 11;
    check != 11 && check % 10 == (c[6] - b'0') as u32
}

/// Singapore's NRIC or FIN: S, T, F or G, seven digits, and the check letter (weights 2, 7,
/// 6, 5, 4, 3, 2; four more for T and G; the remainder mod 11 picks the letter).
fn nric(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 {
        return false;
    }
    const W: [u32; 7] = [2, 7, 6, 5, 4, 3, 2];
    let mut sum: u32 = (0..7).map(|i| (b[1 + i] - b'0') as u32 * W[i]).sum();
    if matches!(b[0], b't' | b'g') {
        sum += 4;
    }
    let table: &[u8] = if matches!(b[0], b's' | b't') {
        b"jzihgfedcba"
    } else {
        b"xwutrqpnmlk"
    };
    table[(sum % 11) as usize] == b[8]
}

/// South Africa's identity number: thirteen digits, a birth date (YYMMDD) first, Luhn.
fn sa_id(s: &str) -> bool {
    let d = digits(s);
    d.len() == 13
        && (1..=12).contains(&(d[2] * 10 + d[3]))
        && (1..=31).contains(&(d[4] * 10 + d[5]))
        // The Luhn digit, or where it is wrong (a number copied or read with one digit
        // off, as the record corpus's cards often are) the two digits before it as every
        // issued number has them: citizenship 0 or 1, then 8 or 9. As rare by chance as
        // a Luhn pass alone (2 in 100 against 1 in 10).
        && (luhn(&d) || (d[10] <= 1 && d[11] >= 8))
}

/// India's Aadhaar number: twelve digits, the first 2 to 9, the last a Verhoeff check.
fn aadhaar(s: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 0, 7, 6, 8],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let d = digits(s);
    d.len() == 12
        && d[0] >= 2
        && d.iter().rev().enumerate().fold(0u8, |c, (i, &x)| {
            D[c as usize][P[i % 8][x as usize] as usize]
        }) == 0
}

/// VIN: 17 characters with the check digit in position 9 and both letters and digits.
fn vin(s: &str) -> bool {
    let v = s.as_bytes();
    if v.len() != 17
        || !v.iter().any(u8::is_ascii_digit)
        || v.iter().filter(|c| c.is_ascii_alphabetic()).count() < 2
    {
        return false;
    }
    fn value(c: u8) -> Option<u32> {
        Some(match c.to_ascii_uppercase() {
            b'0'..=b'9' => (c - b'0') as u32,
            b'A' | b'J' => 1,
            b'B' | b'K' | b'S' => 2,
            b'C' | b'L' | b'T' => 3,
            b'D' | b'M' | b'U' => 4,
            b'E' | b'N' | b'V' => 5,
            b'F' | b'W' => 6,
            b'G' | b'P' | b'X' => 7,
            b'H' | b'Y' => 8,
            b'R' | b'Z' => 9,
            _ => return None,
        })
    }
    const W: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let mut sum = 0;
    for (i, &c) in v.iter().enumerate() {
        match value(c) {
            Some(x) => sum += x * W[i],
            None => return false,
        }
    }
    let check = sum % 11;
    let expect = if check == 10 {
        b'x'
    } else {
        b'0' + check as u8
    };
    v[8].to_ascii_lowercase() == expect
}

/// A VIN's shape without its check digit: both letters (three or more) and digits.
fn vin_shape(s: &str) -> bool {
    s.len() == 17 && s.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
}

/// The street suffixes, the needles of the street row (each a whole word, see
/// [`Near::Before`]).
const STREET_NEEDLES: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "lane",
    "ln",
    "boulevard",
    "blvd",
    "drive",
    "court",
    "ct",
    "place",
    "circle",
    "terrace",
    "parkway",
    "pkwy",
    "way",
    "trail",
    "crescent",
    "highway",
    "hwy",
    "pike",
    "loop",
];

pub const FORMATS: &[Format] = &[
    Format {
        id: "phone.us",
        category: Category::PhiPhone,
        pattern: r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?\b|(?:\+1|\b1?)\d{10}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: nanp,
        #[cfg(test)]
        positives: &[
            "call her at «(217) 555-0164» after six",
            "son's cell is «+1 312.555.0199» fyi",
            "reach me on «1-800-555-0142 ext. 12» anytime",
            "the wife left «217 555 0164» on the board",
            "text «2175550164» if the pump alarms",
            "desk line «(312)555-0177 x204» for the family",
            "number was «+13125550188» on the intake",
        ],
        #[cfg(test)]
        negatives: &[
            "the order was 123-555-0164 units",
            "case 011-555-0164 closed",
            "call 555-555-5555 for the demo",
            "the ratio was 2.175.550.164 today",
            "ids 21755501645 and more",
            "the grant 0217-555-0164 came through",
        ],
    },
    Format {
        id: "phone.local",
        category: Category::PhiPhone,
        pattern: r"\b\d{3}[-.]\d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: local,
        #[cfg(test)]
        positives: &[
            "call his wife at «555-0164» tonight",
            "phone «867.5309» is the daughter",
            "the cell is «412-7788», call after 5",
            "fax «555-0199» to the clinic",
            "text «733-1200» for the ride",
        ],
        #[cfg(test)]
        negatives: &[
            "we saw 100-1200 patients",
            "mrn 0010-2231 was wrong",
            "the range 111-1111 repeats",
            "batch 1234-5678 expired",
            "over 150-2000 ml",
        ],
    },
    Format {
        id: "phone.trunk",
        category: Category::PhiPhone,
        pattern: r"(?:\(0\d{1,4}\)\s?|\b0\d{1,4}[\s-])\d{3,6}(?:[\s-]\d{2,4})?\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: trunk,
        #[cfg(test)]
        positives: &[
            "her son's mobile «07911 204 388» is on the form",
            "call «(03) 9123 4411» about the results",
            "tel «01632 960 552» for the surgery",
            "the husband on «0412 338 907» wants a call",
            "ring «0921-334-5120» before noon",
            "mum's number «020 7946 0321» on the sheet",
        ],
        #[cfg(test)]
        negatives: &[
            "shifts 0700 1900 all week",
            "card 0012 447 819 on file",
            "dial 00 44 20 7946 0321 from abroad",
            "code 01-025117463-3 filed",
            "0700 1500 2300 rounds",
            "lot 0123 4567 8901 2345 expired",
        ],
    },
    Format {
        // A mobile dialled with its trunk 0: the UK's 07 and Australia's 04 ("07700 900412",
        // "0491 570 156"). The layout is a mobile's whatever the words before it.
        id: "phone.mobile",
        category: Category::PhiPhone,
        pattern: r"\b0(?:7[1-9]\d{2}[ -]?\d{3}[ -]?\d{3}|4\d{2}[ -]?\d{3}[ -]?\d{3})\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: trunk,
        #[cfg(test)]
        positives: &[
            "his mum's mobile «07700 900412» was on the referral",
            "the daughter has rung 9 times from «07700 900461» today",
            "her son keeps ringing from «0491 570 156» asking",
            "his missus rang us from «0412-338-907» after",
            "left «07911 204 388» on the whiteboard",
        ],
        #[cfg(test)]
        negatives: &[
            "shifts 0700 1900 all week",
            "the 0412 bus was late",
            "batch 07700 90041 expired",
            "lot 0491 570 1562 recalled",
            "dial 00 44 7700 900412 from abroad",
            "0600 0700 0800 obs",
        ],
    },
    Format {
        id: "phone.intl",
        category: Category::PhiPhone,
        pattern: r"\+(?:[2-9]\d{0,2})[\s.-]?(?:\(0\)[\s.-]?)?(?:\(\d{1,4}\)|\d{1,4})(?:[\s.-]?\d{2,5}){1,4}\b",
        keys: &[],
        near: Near::Needles(&["+"]),
        digit_within: 6,
        valid: e164,
        #[cfg(test)]
        positives: &[
            "her brother in london «+44 20 7946 0958» keeps calling",
            "sydney number «+61 2 9374 4000» for the son",
            "daughter in guadalajara «+52 33 1234 5678» wants updates",
            "manila cousin «+63 917 123 4567» sent the forms",
            "uk mobile «+44 (0)7700 900123» on the chart",
            "call «+49-30-1234567» in berlin",
        ],
        #[cfg(test)]
        negatives: &[
            "pain went +4 to +6 overnight",
            "troponin +52 from baseline",
            "we gained +63 followers",
            "score +44 points this quarter",
            "temp +2 38.5 today",
        ],
    },
    Format {
        id: "phone.pager",
        category: Category::PhiPhone,
        pattern: r"\b(?:(?:pager|beeper|pgr|page me at|page me on)\s*(?:#|no\.?|number)?\s*(?:is\s*)?[:#]?\s*\d{1,3}-?\d{4}|x\d-\d{4}|x\d{4,5})\b",
        keys: &[],
        near: Near::Words(&["pager", "beeper", "pgr", "page", "x"]),
        digit_within: 30,
        valid: any,
        #[cfg(test)]
        positives: &[
            "dr lee's «pager 4-1234» went unanswered",
            "call «x5-1234» for the charge nurse",
            "«pgr #81234» for ortho",
            "«page me at 3-4455» when she's back",
            "the «beeper 22-1187» was off",
            "ext is «x4417» at night",
        ],
        #[cfg(test)]
        negatives: &[
            "pager duty is the worst",
            "a 3x5 card with notes",
            "paged twice, no answer",
            "the x-ray 1234 was fine",
            "an fx 1234 style fracture",
        ],
    },
    Format {
        // A staff extension, pager or bleep written after its cue with three to five digits
        // ("ext 4417", "bleep 3390", "Tel. 2-4488"): on a patient's board it tells the ward.
        // Read in record text only (`find_phone`), where `whose_phones` makes it a tip.
        id: "phone.ext",
        category: Category::PhiPhone,
        pattern: r"\b(?:ext|extn|extension|pager|pgr|bleep|beeper|vocera|poste|tel)\.?\s*(?:#|no\.?)?\s*[:#]?\s*(?:\d{1,2}-\d{4}|\d{3,5})\b",
        keys: &[],
        near: Near::Words(&[
            "ext", "pager", "pgr", "bleep", "beeper", "vocera", "poste", "tel",
        ]),
        digit_within: 20,
        valid: any,
        #[cfg(test)]
        positives: &[
            "your nurse: maria  «ext 5521»",
            "oncall reg: dr lowe «bleep 2207»",
            "intensivist dr park «pgr 6613»",
            "nurse: joel  «tel. 3-5190»",
            "charge rn «extn 448»",
            "«pager #90312» for surgery",
        ],
        #[cfg(test)]
        negatives: &[
            "ext rot 30 degrees",
            "extension of 3 days",
            "bleep test level 12",
            "ext. 2 sets of 10",
            "the telemetry 4417 box",
            "pgr 12 in stock",
        ],
    },
    Format {
        // An Indian mobile written as two groups of five ("98200 55411"): ten digits, the
        // first 6 to 9. Like a local number it needs a cue (`find_phone`).
        id: "phone.in",
        category: Category::PhiPhone,
        pattern: r"\b[6-9]\d{4}[ -]\d{5}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "mob «98711 20456» (mother)",
            "caller: brother «70213 88940»",
            "contact «91234-56780» after 6",
            "her son's mobile «88004 12093» is on the form",
            "ph «60117 42285»",
        ],
        #[cfg(test)]
        negatives: &[
            "ids 12345 67890 listed",
            "mob 98765 4321 short",
            "serial 987654 32109",
            "the 5000 12000 range",
            "ph 55511 22334",
        ],
    },
    Format {
        // A number of two groups of four whose first digit is 6, 8 or 9 ("9123 4567"): a
        // Singapore or Hong Kong line. Like a local number it needs a cue (`find_phone`).
        id: "phone.eight",
        category: Category::PhiPhone,
        pattern: r"\b[689]\d{3}[ -]\d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "hp: «9455 1208» (wife)",
            "nok: daughter «8123-7701»",
            "tel «6734 9910» after 5",
            "call her on «9876 1234» please",
            "mother's number «8801 4420» on the card",
        ],
        #[cfg(test)]
        negatives: &[
            "shift 0700 1900 swapped",
            "ids 1234 5678 filed",
            "the 612 4567 batch",
            "bp 150 1200 noted",
            "lot 5123 4567 expired",
        ],
    },
    Format {
        // A licence's keyword, a few words, then a licence-shaped value in the same sentence
        // ("the DEA on it was BK4417290", "DL on our crisis guy, D2291047", "NPI on this
        // referral: 1992847301"); the keyed row reads the keyword right before its value.
        id: "license.later",
        category: Category::PhiLicense,
        pattern: r"\b(?P<kw>dea|npi|dl|driver'?s\s+licen[cs]e)(?:[\s,:]+[a-z']+){0,8}?[\s,:]+'?(?P<val>[a-z]{1,3}\d{7,12}|[a-z]{1,2}\d{3,5}-\d{4,5}(?:-\d{2})?|\d{10})\b",
        keys: &[],
        near: Near::Words(&["dea", "npi", "dl", "driver"]),
        digit_within: 64,
        valid: any,
        #[cfg(test)]
        positives: &[
            "the «dea on the script was kb7731904» and it bounced",
            "«npi on the fax: 1457302198» belongs to nobody",
            "«dl on the stretcher guy, m4402178»",
            "her «driver's licence for the record says r8812-04417» ok",
            "«dea number is at4471209»",
        ],
        #[cfg(test)]
        negatives: &[
            "dea rules changed. ab1234567 is the code",
            "the npi registry lists 12 doctors",
            "my dl expired in 2019",
            "dea form 222 was filed",
            "got my driver's license at 16",
        ],
    },
    Format {
        id: "ssn.dashed",
        category: Category::PhiSsn,
        pattern: r"\b\d{3}-\d{2}-\d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: ssn,
        #[cfg(test)]
        positives: &[
            "her ssn «318-22-4471» was on the form",
            "someone left «078-05-1120» on the printer",
            "the number «219-09-9999» again",
            "card read «512-44-1987» in sharpie",
            "«123-45-6789» is on the sticky note",
        ],
        #[cfg(test)]
        negatives: &[
            "code 000-12-3456 is void",
            "pattern 666-12-3456 never issues",
            "range 900-12-3456 is itin",
            "group 123-00-4567 is invalid",
            "serial 123-45-0000 is invalid",
            "part 1234-56-7890 shipped",
        ],
    },
    Format {
        id: "ssn.cued",
        category: Category::PhiSsn,
        pattern: r"\b(?P<kw>ssn|ss#|social security(?: number| no\.?| #)?|social)(?:\s*(?:#|no\.?|number))?(?:(?:\s+[a-z']+){0,4}?\s+(?:is|was|of|as|reads|says))?\s*[:#]?\s*(?P<val>\d{3}[ .-]?\d{2}[ .-]?\d{4})\b",
        keys: &[],
        near: Near::Words(&["ssn", "ss#", "social"]),
        digit_within: 48,
        valid: ssn,
        #[cfg(test)]
        positives: &[
            "her «ssn on the form was 318 22 4471»",
            "«social security number: 318224471» taped to the chart",
            "«SSN 318224471» in the chat",
            "«ss# 219.09.1234» on the label",
            "his «social is 512 44 1987» apparently",
            "she gave her «social as 318224471» twice",
        ],
        #[cfg(test)]
        negatives: &[
            "ssn 000224471 is void",
            "social hour 3182244710 people",
            "the social 12 22 4471 meetup",
            "ssn: 9182244710",
            "socially 318224471 distant",
        ],
    },
    Format {
        // Nine digits spaced 3-2-4 ("529 41 7763"): a Social Security number's layout (a
        // phone is 3-3-4). The rule keeps it only in a post that names the number.
        id: "ssn.spaced",
        category: Category::PhiSsn,
        pattern: r"\b\d{3} \d{2} \d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: ssn,
        #[cfg(test)]
        positives: &[
            "read the whole thing out, «529 41 7763», to the room",
            "first row: CARTER / «523 81 6607»",
            "her own («549 03 7712») just in case",
            "I heard '«401 55 8832»' and so did aisle 5",
            "typed «531 88 2047» and he said no",
        ],
        #[cfg(test)]
        negatives: &[
            "call 555 410 2200 tomorrow",
            "area 000 12 3456 never issues",
            "666 12 3456 is not assigned",
            "group 123 00 4567 is invalid",
            "1234 56 7890 is too long",
            "the 120 80 pressure was 2024",
        ],
    },
    Format {
        // An SSN written with dots, in a post that names SSNs (as `ssn.spaced`): dots are
        // how people hide a number from a phone-number reader, not a different number.
        id: "ssn.dotted",
        category: Category::PhiSsn,
        pattern: r"\b\d{3}\.\d{2}\.\d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: ssn,
        #[cfg(test)]
        positives: &[
            "texted it to the group chat. «531.62.0984». unreal",
            "«529.41.7763» on the form",
            "her number («549.03.7712»)",
            "typed «401.55.8832» and",
            "«523.81.6607».",
        ],
        #[cfg(test)]
        negatives: &[
            "v123.45.6789x",
            "000.12.3456 never issued",
            "666.12.3456 is not assigned",
            "123.00.4567 is invalid",
            "1234.56.7890 too long",
        ],
    },
    Format {
        // The last four of a Social Security number under its name: "SSN last 4 6621",
        // "social ending in 4471", "the last four of her social (8821)".
        id: "ssn.partial",
        category: Category::PhiSsn,
        pattern: r"\b(?:(?:ssn|ss#|social(?: security)?(?: number| no\.?| #)?)\s*(?:last\s+(?:4|four)(?:\s+digits)?|ending(?:\s+in)?|ends\s+(?:in|with))|last\s+(?:4|four)(?:\s+digits)?\s+of\s+(?:(?:his|her|their|the|my|your|a|our)\s+)?(?:ssn|ss#|social(?: security)?(?: number| no\.?| #)?))(?:\s+(?:is|was|are|were))?\s*[:#(]?\s*(?P<val>\d{4})\b\)?",
        keys: &[],
        near: Near::Words(&["ssn", "ss#", "social", "last"]),
        digit_within: 48,
        valid: four_digits,
        #[cfg(test)]
        positives: &[
            "like 'Fisk, «SSN last 4 6621»' and the wifi drops",
            "«social ending in 4471» and she still got registered",
            "she gave me the «last 4 of her social (8821)», unprompted",
            "«last four of his ssn: 3390» on a sticky",
            "his «social security number ends with 7012», he said",
        ],
        #[cfg(test)]
        negatives: &[
            "last 4 of 12 shifts were nights",
            "social ending in tears again",
            "ssn last 4 0000 placeholder",
            "the social last 4 weekends were great",
            "last four of the socials 2024 were fun",
        ],
    },
    Format {
        // A Canadian Social Insurance Number under its name: nine digits 3-3-3, Luhn.
        id: "ssn.sin",
        category: Category::PhiSsn,
        pattern: r"\b(?:sin|social insurance(?: number| no\.?| #)?)(?:\s*(?:#|no\.?|number))?(?:\s+(?:is|was|of|as))?\s*[:#]?\s*(?P<val>\d{3}[ -]?\d{3}[ -]?\d{3})\b",
        keys: &[],
        near: Near::Words(&["sin", "social"]),
        digit_within: 24,
        valid: sin,
        #[cfg(test)]
        positives: &[
            "gives you a «SIN of 046 454 286» does that look legit",
            "«social insurance number 046-454-286» on the form",
            "«SIN: 130 692 544» in the chart",
            "his «sin is 046454286» apparently",
            "«SIN # 193 456 787» on the fax",
        ],
        #[cfg(test)]
        negatives: &[
            "sin 123 456 789 fails its check",
            "since 046 454 286",
            "a sin of 3 hours",
            "social insurance is 12 pages",
            "sin 000 000 000 is void",
        ],
    },
    Format {
        // A Social Security number masked but for its last four ("xxx-xx-4471",
        // "***-**-8821"): the four still identify.
        id: "ssn.masked",
        category: Category::PhiSsn,
        pattern: r"(?:\bxxx|\*\*\*)[ -]?(?:xx|\*\*)[ -]?(?P<val>\d{4})\b",
        keys: &[],
        near: Near::Needles(&["xxx", "***"]),
        digit_within: 10,
        valid: four_digits,
        #[cfg(test)]
        positives: &[
            "the fax came through, «xxx-xx-4471» my brother in christ",
            "the letter showed «***-**-8821» and her full name",
            "printed «XXX-XX-3390» on the envelope",
            "the portal shows «xxx xx 7012» to anyone",
            "masked as «***-**-5512» but the name was right there",
        ],
        #[cfg(test)]
        negatives: &[
            "format is xxx-xx-xxxx on the form",
            "xxx-xx-0000 is the placeholder",
            "the xxxl gown 12 4471",
            "rated xxx 2024 movie",
            "***-** is how it prints",
        ],
    },
    Format {
        // Nine digits in one run ("531447782"): a Social Security number only in a sentence
        // that names one (the rule checks); the row checks SSA's rules.
        id: "ssn.bare",
        category: Category::PhiSsn,
        pattern: r"\b\d{9}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: ssn,
        #[cfg(test)]
        positives: &[
            "typed a patient's SSN, «531447782», into the comments",
            "then read me all nine anyway: «287904471»",
            "her social is «318224471» apparently",
            "«412558830» on the sticky note",
            "the card said «078051120»",
        ],
        #[cfg(test)]
        negatives: &[
            "mrn 0004471 on the band",
            "ssn 000224471 is void",
            "order 9182244710 shipped",
            "666224471 is never issued",
            "code 123004471 has group 00",
        ],
    },
    Format {
        // A number read out digit by digit or typed spaced ("eight one five, five five five,
        // oh one nine nine", "4 0 4, 5 5 5, 0 1 6 9"): the rules read its digits as one
        // run ([`spoken_digits`]) and try the phone and SSN rows on it.
        id: "digits.spoken",
        category: Category::PhiPhone,
        pattern: r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|\d{1,4})\b(?:[\s,-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|\d{1,4})\b){3,}",
        keys: &[],
        near: Near::Words(&[
            "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "twenty", "forty", "fifty", "sixty", "ninety", "0", "1", "2", "3", "4", "5", "6", "7",
            "8", "9",
        ]),
        digit_within: 0,
        valid: spoken,
        #[cfg(test)]
        positives: &[
            "gave his phone as '«eight one five, five five five, oh one nine nine»'",
            "call me at «985 five five five zero one four four» please",
            "read her SSN as '«four one two, fifty-five, eighty-eight thirty»'",
            "'this is Greg, call me at «4 0 4, 5 5 5, 0 1 6 9»'",
            "call me at «3, 1, 2, 5, 5, 5, 0, 1, 7, 3». me: ok",
            "recited '«six three oh, one nine, two two four five»' like a verse",
        ],
        #[cfg(test)]
        negatives: &[
            "one two three four five six seven, ready or not",
            "four or five times a shift",
            "oh one more thing before nine",
            "in 2019 2020 2021 2022 we grew",
            "beds 4, 5, 6, 7, 8, 9, 10, 11 are full",
            "scored 9 8 7 6 on the quiz",
            "five five five five",
        ],
    },
    Format {
        id: "keyed",
        category: Category::PhiId,
        pattern: r"\b(?P<kw>{keys})(?:\s*(?P<mark>#|no\.|(?:no|num|number|ids?|card|member)\b))?(?:\s*(?:is|was|of|says|said|reads|read|shows|showed|(?:ending|ends|ended)(?:\s+in)?)\b)?(?:\s*[:#(]\s*|\s+)?(?P<val>(?:[a-z]{2,4} )?(?:[a-z][a-z-]*)?\d[a-z0-9-]*(?: \d[a-z0-9-]*)*)\b",
        keys: KEYS,
        near: Near::Words(&KEY_STARTS),
        digit_within: 48,
        valid: any,
        #[cfg(test)]
        positives: &[
            "pulled «MRN 00913377» for the wrong patient",
            "lab «specimen P23-004417» came up mislabeled again",
            "the «wristband said V-7730215» not hers",
            "«acct #4471902» on the bill",
            "«medical record no. 8841207» in the screenshot",
            "«serial number: 22K481735» of the pump",
            "«bcbs tx 884120775» on the card",
            "«claim no 55123987» denied again",
            "«NHS No: 943 476 5919» on the letter",
            "her «OHIP 4512-883-107» card",
            "«Medicare 6127 40551 3» on the referral",
            "«Member ID: ZQH 4471 9920 03» front of card",
            "«Medicaid: NM 771402286» on file",
            "«PHN 9 312 554 807» (BC)",
            "«LAB# 25-118-00742» collected",
            "«Acc: US2603140019» on the film",
            "«GMC 6120934» on the script",
            "«Lic. No. 0220391» under the signature",
            "«PCR # 2026-0311-0045» for the run",
            "«Encounter: 4410982231» on the sticker",
            "guarantor «acct 5530219» on the bill",
            "the foster carers on «case 24-0412» called",
            "«Run 3317-B» last night: MVC on the interstate",
            "«inc # 24-091173» logged by security",
            "«CAD 2411-0087» for the call",
            "«Lab No 5521» on the tube",
            "«requisition LR-7730411» had no name",
            "I have «auth B22-71904» in the notes",
            "«ENC 66104528»: pt requests another nurse",
            "his «passport P5530914B» expired",
            "«ICN 2024077105532» got kicked back",
            "«UR 5583104», please stop smoking",
            "«hospital no. K5538210» merged again",
            "«dossier 00711829», résultats",
            "«bracelet 0082-1164» inversé",
            "«CURP HERJ660412HDFRMS07» en la hoja",
            "her «MRN ends in 7702» if you call the desk",
            "«account ending 8813» is in collections",
            "leave the «key safe code 1953» with the carer",
            "«gate code is 8841», dog is friendly",
            "«Client # 3382» methadone 60 mg",
            "«PPSN 7654321WA» on the referral",
            "the pt's «card says U8204 5531 02» and the portal disagrees",
        ],
        #[cfg(test)]
        negatives: &[
            "the chart was a mess",
            "Filed the annual report nov2025 with the board today.",
            "charting 2025 is due",
            "the tag line 2 was funny",
            "xmrn 12345 is a typo",
            "accountable care in 2025",
            "gave rx to 12 of them",
            "nhs 111 said go to a&e",
            "the lab is on floor 12345",
            "a unit of 250000 iu",
            "the run was 5 miles",
            "chi 12 tai chi class",
            "the flight 2 hours late",
            "a kit of 12 pieces",
            "the case 2024-25 budget is out",
            "I run 10-15km a week",
            "report 2024-03-12 attached",
            "auth 2 more units please",
            "ur 2 kids are cute",
            "inc 2024 results are in",
            "the file 4471 is open",
            "tylenol 1000 po q6h",
            "REF 381447 on the box",
            "forgot the gate code again",
            "the door code 12 times a day",
            "client 2024 survey results",
            "the case ending in 2 deaths",
            "a card 2024 design contest",
            "card ending 4471 declined",
        ],
    },
    Format {
        id: "keyed.more",
        category: Category::PhiId,
        pattern: r"(?:,\s*|\s*/\s*|,?\s+(?:and|&|or)\s+)(?P<val>(?:[a-z][a-z-]*)?\d[a-z0-9-]*)\b",
        keys: &[],
        near: Near::Needles(&[",", "/", " /", " and ", " & ", " or "]),
        digit_within: 12,
        valid: any,
        #[cfg(test)]
        positives: &[
            "mrn 00913377«, 00913378»",
            "serials 22K481735« / 22K481736»",
            "00913377« and 01129045»",
            "acct 4471« & 4472»",
            "x1«, or a2»",
        ],
        #[cfg(test)]
        negatives: &[
            "mrn 00913377, then lunch",
            "and / or",
            "cats and dogs",
            "one, two",
            "this & that",
        ],
    },
    Format {
        id: "code.dashed",
        category: Category::PhiId,
        pattern: r"\b(?:[a-z]{1,5}\d{0,2}(?:[-/][a-z0-9]{1,10})+|\d{2,4}-[a-z]{1,4}-\d{3,}(?:-[a-z0-9]{1,6})*)\b",
        keys: &[],
        near: Near::Words(ANY_WORD),
        digit_within: 14,
        valid: identifier_code,
        #[cfg(test)]
        positives: &[
            "need the MRI order («ORD-7716204») over by 5",
            "scanned her wristband, «E-000418822», and got a man",
            "the requisition says «SP-24-017738» not 33",
            "specimen of the day «24-HEM-00917», full of schistocytes",
            "file «WPG-CFS-22817» is with the agency",
            "«CLM-7781-20931-PR» denied again",
            "chart «ANC/0982/24» at the clinic",
            "sent «RAD24-0918873» to the wrong reader",
        ],
        #[cfg(test)]
        negatives: &[
            "COVID-19 ward is full",
            "ISO-27001 audit next week",
            "FY-2025 budget is out",
            "the F-150 in the bay",
            "a 12-hr-shift",
            "ICD-10 codes again",
            "Q4-2024 numbers",
            "E-4471 is too short",
            "DOB 08-AUG-1996 on the band",
        ],
    },
    Format {
        id: "id.curp",
        category: Category::PhiId,
        pattern: r"\b[a-z]{4}\d{6}[hmx][a-z]{5}[a-z0-9]\d\b",
        keys: &[],
        near: Near::Words(ANY_WORD),
        digit_within: 4,
        valid: curp,
        #[cfg(test)]
        positives: &[
            "CURP «HERJ660412HDFRMS07» on the form",
            "su curp es «GULV450712HCHRPS08»",
            "«LUGA240315MDFGRM09» (nació en 1924)",
            "«MAPR891130MJCRRN04», Jalisco",
            "clave «ROLC010203HNLDPS11»",
        ],
        #[cfg(test)]
        negatives: &[
            "HERJ661312HDFRMS07",
            "HERJ660432HDFRMS07",
            "HERJ660412QDFRMS07",
            "HERJ66041HDFRMS07",
            "HERJ660412HDFRMS0",
        ],
    },
    Format {
        id: "id.mykad",
        category: Category::PhiId,
        pattern: r"\b\d{6}-\d{2}-\d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: mykad,
        #[cfg(test)]
        positives: &[
            "MyKad «790314-10-5521» on the consent",
            "ic «880101-14-5566»",
            "«020529-08-1234» ibu",
            "no kp «650930-05-7712»",
            "«991231-01-0001».",
        ],
        #[cfg(test)]
        negatives: &[
            "791314-10-5521",
            "790332-10-5521",
            "790314-1-5521",
            "790314-10-552",
            "1790314-10-5521",
        ],
    },
    Format {
        // Brazil's CPF as it is always written: 3.3.3-2 digits. The layout alone marks it
        // (writers' and OCR's numbers rarely pass its check digits, so they are not asked).
        id: "id.cpf",
        category: Category::PhiId,
        pattern: r"\b\d{3}\.\d{3}\.\d{3}-\d{2}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "CPF «123.456.789-09» da paciente",
            "cpf: «052.118.437-61»",
            "«987.654.321-00» na ficha",
            "titular «401.772.096-38»",
            "«111.444.777-35».",
        ],
        #[cfg(test)]
        negatives: &[
            "123.456.789",
            "123.456.789-0",
            "1.234.567-89",
            "123.456.7890-12",
            "v123.456.789-09x",
        ],
    },
    Format {
        id: "email",
        category: Category::PhiEmail,
        pattern: r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b",
        keys: &[],
        near: Near::LocalPart(&["@"]),
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "email her son at «marcus.reyes@gmail.com» tonight",
            "«j_doe+pt@health.example.org» was cc'd",
            "reply to «a.b-c@mail.co.uk», thanks",
            "«rn.kim@stlukes.org».",
            "write «x99@yahoo.com»!",
        ],
        #[cfg(test)]
        negatives: &[
            "@marcus posted again",
            "meet @ noon",
            "user@localhost is not an address",
            "me@home",
            "a@b.c is too short",
        ],
    },
    Format {
        id: "email.obfuscated",
        category: Category::PhiEmail,
        pattern: r"[a-z0-9._%+-]+\s*(?:\(at\)|\[at\]|\{at\}|<at>)\s*[a-z0-9-]+(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|<dot>|\.)\s*[a-z0-9-]+)*\s*(?:\(dot\)|\[dot\]|\{dot\}|<dot>|\.)\s*[a-z]{2,}\b",
        keys: &[],
        near: Near::LocalPart(&["(at)", "[at]", "{at}", "<at>"]),
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "pt's son keeps emailing me at «m.reyes(at)yahoo(dot)com»",
            "«jdoe [at] gmail [dot] com» if you want the photos",
            "«mary.k(at)outlook.com» is the daughter",
            "write «rkim {at} mail {dot} co {dot} uk»",
            "«nana_b<at>aol<dot>com» sent a card",
        ],
        #[cfg(test)]
        negatives: &[
            "we met (at) the cafe",
            "look [at] this",
            "reyes(at)yahoo with no domain",
            "the (at) sign",
            "her (at)tention span",
        ],
    },
    Format {
        id: "email.spelled",
        category: Category::PhiEmail,
        // The local part has a mark of an address ("m.reyes", "jdoe2") or the domain is a
        // mail provider: "we ate at panera dot com" is a sentence.
        pattern: r"(?:[a-z0-9]*[._%+0-9][a-z0-9._%+-]* at [a-z0-9-]+|[a-z0-9._%+-]+ at (?:gmail|yahoo|hotmail|outlook|aol|icloud|live|msn|comcast|att|verizon|protonmail|proton|ymail|me|mac))(?: dot [a-z0-9-]+)* dot (?:com|net|org|edu|gov|us|co|uk|ca|au|io|me|info)\b",
        keys: &[],
        near: Near::LocalPart(&[" at "]),
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "his wife is «m.reyes at yahoo dot com» btw",
            "send it to «jdoe at gmail dot com»",
            "«kay.b at hospital dot org» said yes",
            "«nanab at aol dot com», the daughter",
            "reach «r_kim at mail dot co dot uk»",
        ],
        #[cfg(test)]
        negatives: &[
            "we ate at panera dot com style",
            "meet me at noon",
            "bought it at amazon.com",
            "at home dot",
            "look at this dot matrix",
        ],
    },
    Format {
        id: "date.named",
        category: Category::PhiDate,
        pattern: r"\b(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4})\b)?",
        keys: &[],
        near: Near::Words(MONTHS),
        digit_within: 16,
        valid: any,
        #[cfg(test)]
        positives: &[
            "admitted «March 3rd, 2021» after the fall",
            "born «Sept. 5» at home",
            "surgery «dec 14» went fine",
            "died «jan 2 2024» peacefully",
            "seen «Aug 30th»",
        ],
        #[cfg(test)]
        negatives: &[
            "march 300 miles",
            "the mayor 12 times",
            "december 2024 budget",
            "augmented 3 times",
            "janet 5 stars",
        ],
    },
    Format {
        id: "date.day_first",
        category: Category::PhiDate,
        pattern: r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:,?\s+(?P<year>\d{4})\b)?",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "admitted on the «14th of March»",
            "born «3 June 2019» in the car",
            "discharged «21st Sept, 2023»",
            "died «4 nov»",
            "surgery «12 of december»",
        ],
        #[cfg(test)]
        negatives: &[
            "3 marching bands",
            "12 mayors came",
            "100 june bugs",
            "4 novels read",
            "2 decembers ago",
        ],
    },
    Format {
        id: "date.slash",
        category: Category::PhiDate,
        pattern: r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: month_and_day,
        #[cfg(test)]
        positives: &[
            "dob «3/14/1952» on the label",
            "admitted «11/2»",
            "day-first «14/03/2024» in the uk",
            "seen «1/5/24» in clinic",
            "surgery «12/31»",
        ],
        #[cfg(test)]
        negatives: &[
            "123/45 ratio",
            "45/60 minutes",
            "the 3/ mark",
            "10/100 units",
            "a 2024/25 season",
        ],
    },
    Format {
        id: "date.dash",
        category: Category::PhiDate,
        pattern: r"\b(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<year>\d{4}|\d{2})\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: month_and_day,
        #[cfg(test)]
        positives: &[
            "dob «3-14-1952»",
            "admitted «11-2-23»",
            "seen «1-5-2024» at noon",
            "born «12-31-99»",
            "labs «04-07-2025» were off",
        ],
        #[cfg(test)]
        negatives: &[
            "score 3-14",
            "ratio 1-2-345",
            "the 123-45-6789 number",
            "a 3-2-1 countdown",
            "range 10-20",
        ],
    },
    Format {
        id: "date.dotted",
        category: Category::PhiDate,
        pattern: r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: month_and_day,
        #[cfg(test)]
        positives: &[
            "geboren «14.03.1952» in Köln",
            "admitted «3.6.2024»",
            "seen «01.12.2023» in clinic",
            "dob «31.1.1990»",
            "op «7.7.2025» done",
        ],
        #[cfg(test)]
        negatives: &[
            "version 1.2.3 shipped",
            "ip 10.0.0.1 again",
            "3.14159 is pi",
            "1.2.24 build",
            "12.5.100 units",
        ],
    },
    Format {
        id: "date.iso",
        category: Category::PhiDate,
        pattern: r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "dob «1952-03-14»",
            "admitted «2024-11-02» late",
            "seen «2023-01-05» in clinic",
            "born «1999-12-31»",
            "«2025-04-07» labs",
        ],
        #[cfg(test)]
        negatives: &[
            "part 12345-12-12",
            "range 2024-2025",
            "code 2024-1-1",
            "id 2024-123-45",
            "call 1952-0314",
        ],
    },
    Format {
        id: "date.ordinal",
        category: Category::PhiDate,
        pattern: r"\b(?:on\s+)?the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b",
        keys: &[],
        near: Near::Words(&["on", "the"]),
        digit_within: 14,
        valid: day_of_month,
        #[cfg(test)]
        positives: &[
            "her follow-up is «on the 3rd»",
            "his surgery «the 14th» got moved",
            "come back «on the 21st» for labs",
            "your appointment «the 2nd»",
            "discharged «on the 30th»",
        ],
        #[cfg(test)]
        negatives: &[
            "the 45th anniversary",
            "on the 0th day",
            "the 3 patients",
            "on the third",
            "other 4th graders",
        ],
    },
    Format {
        id: "age.years_old",
        category: Category::PhiAge,
        pattern: r"\b(?P<val>\d{1,3})\s*(?:-\s*)?(?:(?:years?|yrs?|yr)\s*-?\s*old\b|y/o\b|yo\b|y\.o\.?|yro\b)",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "a «94-year-old» with sepsis",
            "the «52 y/o» in bed 4",
            "«52yo» M with chest pain",
            "our «8 yr old» patient",
            "«101 years old» and sharp",
        ],
        #[cfg(test)]
        negatives: &[
            "a 4-year plan",
            "52 yolks",
            "a 10-yearly review",
            "9 yards",
            "age 52",
        ],
    },
    Format {
        id: "age.infant",
        category: Category::PhiAge,
        pattern: r"\b(?P<val>\d{1,2})\s*(?:-\s*)?(?:months?|mos?|weeks?|wks?|days?)\s*-?\s*old\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "a «6 weeks old» baby",
            "the «3-month-old» in the nicu",
            "«10 days old» and jaundiced",
            "«2 mo old» with fever",
            "her «9 wks old» son",
        ],
        #[cfg(test)]
        negatives: &[
            "6 weeks ago",
            "4 weeks older",
            "2 days off",
            "the old 3 days",
            "100 days old bread",
        ],
    },
    Format {
        id: "age.aged",
        category: Category::PhiAge,
        pattern: r"\b(?:aged?|age of)(?:\s*[:=]\s*|\s+)(?P<val>\d{1,3})\b",
        keys: &[],
        near: Near::Words(&["age"]),
        digit_within: 12,
        valid: any,
        #[cfg(test)]
        positives: &[
            "a man «aged 67» fell",
            "«age 94», lives alone",
            "at the «age of 101»",
            "«age 7» and fearless",
            "«aged 88»",
        ],
        #[cfg(test)]
        negatives: &[
            "an aged cheese",
            "age group 1000",
            "the age of reason",
            "ages 5",
            "stage 4",
        ],
    },
    Format {
        id: "age.pronoun",
        category: Category::PhiAge,
        pattern: r"\b(?:she|he)(?:'s|’s| is| was| turned| turns)\s+(?P<val>\d{1,3})\b",
        keys: &[],
        near: Near::Words(&["she", "he"]),
        digit_within: 16,
        valid: any,
        #[cfg(test)]
        positives: &[
            "«she's 91» and still flirting",
            "«he is 45» and scared",
            "«she turned 100» today",
            "«he was 19»",
            "«she’s 88»",
        ],
        #[cfg(test)]
        negatives: &[
            "she's 1000 percent right",
            "shes 91",
            "the 91 she said",
            "he's fine",
            "they're 40",
        ],
    },
    Format {
        id: "age.comma",
        category: Category::PhiAge,
        pattern: r",\s*(?P<val>9\d|1[01]\d)\b",
        keys: &[],
        near: Near::Needles(&[","]),
        digit_within: 6,
        valid: any,
        #[cfg(test)]
        positives: &[
            "Lola Remedios«, 96», my patient",
            "Mr. K«, 101», sharp",
            "Ann«,92»",
            "her«, 99», stubborn",
            "Joe«, 110»",
        ],
        #[cfg(test)]
        negatives: &[
            "sizes 8, 10, 12",
            "Lola, 45, nurse",
            "the list, 9 items",
            "a, 120 b",
            "room 4, 9a",
        ],
    },
    Format {
        id: "age.is",
        category: Category::PhiAge,
        pattern: r"\b(?:is|was|now)\s+(?P<val>9\d|1[01]\d)\b",
        keys: &[],
        near: Near::Words(&["is", "was", "now"]),
        digit_within: 8,
        valid: any,
        #[cfg(test)]
        positives: &[
            "our oldest patient «is 101»",
            "she «was 93»",
            "grandma «now 97»",
            "he «is 90»",
            "mr k «is 104»",
        ],
        #[cfg(test)]
        negatives: &["bp is 120", "she is 45", "now 89", "this 95", "was 1000"],
    },
    Format {
        id: "age.sex",
        category: Category::PhiAge,
        pattern: r"\b(?P<val>\d{1,3})(?:\s{0,2}/?\s?)(?P<sex>[mf])\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "«52F» with chest pain",
            "a «27 M» in bay 3",
            "«88f» from the home",
            "«7m» post op",
            "«101F»",
        ],
        #[cfg(test)]
        negatives: &["52 feet", "27 miles", "4 mg", "a 5k", "10fold"],
    },
    Format {
        id: "age.years_of",
        category: Category::PhiAge,
        pattern: r"\b(?P<val>\d{2,3}\s+(?:years|yrs))\s+(?:of|young|strong)\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "«92 years young» and sharp",
            "«100 years of» stories",
            "«85 yrs strong»",
            "«101 years young»",
            "«96 years of» life",
        ],
        #[cfg(test)]
        negatives: &[
            "5 years of school",
            "92 years ago",
            "100 yearsyoung",
            "92 years old",
            "100 days of code",
        ],
    },
    Format {
        id: "age.turned",
        category: Category::PhiAge,
        pattern: r"\bturned\s+(?P<val>\d{2,3})\b",
        keys: &[],
        near: Near::Words(&["turned"]),
        digit_within: 12,
        valid: any,
        #[cfg(test)]
        positives: &[
            "she «turned 90» on the unit",
            "pt «turned 100»",
            "just «turned 95»",
            "he «turned 18» in the picu",
            "«turned 101»",
        ],
        #[cfg(test)]
        negatives: &[
            "turned 5",
            "turned off",
            "returned 90",
            "turned 1000",
            "turned the 90",
        ],
    },
    Format {
        id: "age.at",
        category: Category::PhiAge,
        pattern: r"\bat\s+(?P<val>9\d|1[01]\d)\b",
        keys: &[],
        near: Near::Words(&["at"]),
        digit_within: 8,
        valid: any,
        #[cfg(test)]
        positives: &[
            "passed «at 93»",
            "still driving «at 97»",
            "died «at 101»",
            "walking «at 90»",
            "«at 99»",
        ],
        #[cfg(test)]
        negatives: &["at 9", "at 85", "that 93", "at 120", "at 930"],
    },
    Format {
        id: "age.decade",
        category: Category::PhiAge,
        pattern: r"\bin\s+(?:her|his|their)\s+(?P<val>[5-9]0|100)'?s\b",
        keys: &[],
        near: Near::Words(&["in"]),
        digit_within: 16,
        valid: any,
        #[cfg(test)]
        positives: &[
            "a woman «in her 90s» fell",
            "«in his 80s» and frail",
            "«in their 90's»",
            "he's «in his 100s»",
            "«in her 60s» with copd",
        ],
        #[cfg(test)]
        negatives: &[
            "in the 90s music",
            "in her 20s",
            "in his 90 seconds",
            "in her 95s",
            "in 90s",
        ],
    },
    Format {
        id: "age.still",
        category: Category::PhiAge,
        pattern: r"\b(?P<val>[6-9]\d|1[01]\d)\s+and\s+still\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "«88 and still» driving",
            "«91 and still» flirting",
            "she's «102 and still» sharp",
            "«75 and still» working",
            "«99 and still» here",
        ],
        #[cfg(test)]
        negatives: &[
            "5 and still",
            "30 and still",
            "88 and stil",
            "120 and still",
            "88 and then",
        ],
    },
    Format {
        id: "age.noun_is",
        category: Category::PhiAge,
        pattern: r"\b(?:pt|patient|lady|gentleman|gent|resident|man|woman)\s+(?:is|was)\s+(?P<val>\d{1,3})\b",
        keys: &[],
        near: Near::Words(&[
            "pt",
            "patient",
            "lady",
            "gentleman",
            "gent",
            "resident",
            "man",
            "woman",
        ]),
        digit_within: 20,
        valid: any,
        #[cfg(test)]
        positives: &[
            "«pt is 67» and a smoker",
            "«Lady is 97» and sharp",
            "the «patient was 45»",
            "this «gentleman is 88»",
            "my «resident is 101»",
        ],
        #[cfg(test)]
        negatives: &[
            "pt is fine",
            "patient is 1000",
            "the man is here",
            "pts is 4",
            "ladies is 9",
        ],
    },
    Format {
        id: "age.foreign",
        category: Category::PhiAge,
        // "years" in the languages of the corpus's writers besides English: Spanish,
        // Portuguese, French, German, Italian, Dutch, Polish, Czech, Nordic, Romanian,
        // Tagalog, Malay and Indonesian, Hindi, Turkish.
        pattern: r"\b(?P<val>[6-9]\d|1[01]\d)\s*(?:años|anos|ans|jahre|jahren|anni|jaar|lat|let|år|ani|taon|taong|tahun|saal|sal|yaşında)\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "Sra. Beatriz, «99 años», me dijo",
            "M. Dubois, «90 ans»",
            "Frau K, «88 Jahre» alt",
            "nonna di «95 anni»",
            "«101 años»",
            "bewoner van De Linde, «99 jaar» jong",
            "pani Halina, «91 lat»",
            "lola na «92 taon»",
            "«82 saal» ke uncle",
        ],
        #[cfg(test)]
        negatives: &[
            "10 años",
            "99 ansible",
            "5 jahre",
            "99 annies",
            "1000 años",
            "70 lattes",
            "80 salads",
        ],
    },
    Format {
        id: "age.paren",
        category: Category::PhiAge,
        pattern: r"\((?P<val>\d{1,3})\s*(?:y|yo|yrs?|(?P<sex>[mf]))?\)",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "Herr Baumann «(87)» in Zimmer 4",
            "little Ava «(7)» asked for a sticker",
            "Mrs. Pham «(92)» is home",
            "SMITH, John «(24)» bed 3",
            "the lady «(88F)» in bay 2",
        ],
        #[cfg(test)]
        negatives: &[
            "step (a) first",
            "(1234) units",
            "(3.5) hours",
            "(7 of them)",
            "(12345)",
        ],
    },
    Format {
        id: "age.sex_first",
        category: Category::PhiAge,
        pattern: r"\b(?P<sex>[mf])(?:\s*[,/]\s*|\s+)(?P<val>\d{1,3})\b",
        keys: &[],
        near: Near::Words(&["m", "f"]),
        digit_within: 4,
        valid: any,
        #[cfg(test)]
        positives: &[
            "Sex/Age «F, 44»",
            "«M 52» chest pain",
            "«F/92» from the home",
            "«m, 61»",
            "bed 3 «F 29»",
        ],
        #[cfg(test)]
        negatives: &["f-16 jet", "m4 carbine", "ref 52", "im 52", "mf 20"],
    },
    Format {
        id: "age.short",
        category: Category::PhiAge,
        pattern: r"\b(?P<val>\d{1,3})\s?(?:y|yr|yrs)\b(?:\s*/?\s*(?P<sex>[mf])\b)?",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "P1 «4y» fever",
            "«94Y F»",
            "«68yr» male",
            "«25 y/F»",
            "age «81y»",
        ],
        #[cfg(test)]
        negatives: &["4yo", "a 5yard line", "2 years", "3ya", "1234y"],
    },
    Format {
        // Record text only (`rules/ages.rs`): an age glued to its unit on a card, a band or
        // a board ("9mo", "84y0" with OCR's zero for the "o"); the rule drops a duration
        // ("for 3mo"). Weeks are left out: on a board "36wk" is a pregnancy's, "ORIF 6wk"
        // the time since surgery.
        id: "age.record",
        category: Category::PhiAge,
        pattern: r"\b(?P<val>\d{1,3})(?:mos?|mths?|y[o0])\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "Baby «9mo» F",
            "«6mo» M wt 7.2kg",
            "M «84y0» fall",
            "age: «3mths»",
            "«14mo» bronchiolitis",
        ],
        #[cfg(test)]
        negatives: &["9 mo", "G1 36wk", "x6mos", "84y", "1234mo"],
    },
    Format {
        id: "age.birthday",
        category: Category::PhiAge,
        pattern: r"\b(?P<val>\d{1,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "her «100th birthday» on the unit",
            "his «5th birthday» in the picu",
            "«92nd bday»",
            "a «101st birthday» party",
            "«90th b-day»",
        ],
        #[cfg(test)]
        negatives: &[
            "100th day",
            "the 5th of may",
            "birthday 100",
            "100 birthdays",
            "5th birthdays",
        ],
    },
    Format {
        id: "date.month_dash",
        category: Category::PhiDate,
        pattern: r"\b(?:\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)-(?:\d{4}|\d{2})|\d{4}-(?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)-\d{1,2})\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "DOB «14-Jul-1948»",
            "adm «13-Mar-25»",
            "«5-Sep-24» 0800",
            "«1999-AUG-03» dob",
            "seen «08-MAR-1971»",
        ],
        #[cfg(test)]
        negatives: &[
            "14-july-1948 plan",
            "jul-14 sale",
            "3-mar",
            "covid-19",
            "may-5-2024x",
        ],
    },
    Format {
        id: "date.month_first_dash",
        category: Category::PhiDate,
        pattern: r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)-\d{1,2}-(?:\d{4}|\d{2})\b",
        keys: &[],
        near: Near::Words(MONTHS),
        digit_within: 6,
        valid: any,
        #[cfg(test)]
        positives: &[
            "«Sep-05-24» 0800",
            "dob «mar-14-1952»",
            "«DEC-1-99» adm",
            "seen «jul-04-2024»",
            "«Jan-31-25» labs",
        ],
        #[cfg(test)]
        negatives: &[
            "sep-05",
            "jul-4th",
            "march-14-1952",
            "may-5-2024x",
            "dec-123-4",
        ],
    },
    Format {
        id: "date.dotted_short",
        category: Category::PhiDate,
        pattern: r"\b(?:\d{2}\.\d{2}\.\d{2}|\d{4}\.\d{2}\.\d{2})\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "adm «18.08.24»",
            "dob «1998.03.22»",
            "«01.10.24» seen",
            "op «2024.11.02»",
            "«31.12.99»",
        ],
        #[cfg(test)]
        negatives: &["v1.2.24", "10.0.0.1", "3.14159", "1.20.300", "12.5.100"],
    },
    Format {
        // Record text only (`rules/dates.rs`): a label's or a band's packed date
        // ("03MAR2024", "12Mar24") and OCR's spaces around a month's dashes ("12 -Mar- 24").
        id: "date.month_packed",
        category: Category::PhiDate,
        pattern: r"\b\d{1,2}(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)(?:\d{4}|\d{2})|[ \t]*-[ \t]*(?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[ \t]*-[ \t]*(?:\d{4}|\d{2}))\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: packed_date,
        #[cfg(test)]
        positives: &[
            "DOB: «03MAR2024»",
            "adm «12Mar24» 0800",
            "«5SEP1948» band",
            "seen «12 -Mar- 24»",
            "dob «07 - jun -1961»",
        ],
        #[cfg(test)]
        negatives: &[
            "lot 12mar2",
            "0800 12mar",
            "v2mar24x",
            "32mar24",
            "10mg24 units",
            "call 555-0134",
        ],
    },
    Format {
        id: "room.unit",
        category: Category::PhiRoom,
        pattern: r"\b(?P<kw>cvicu|micu|sicu|nicu|picu|ccu|icu|pacu|cdu|peds ed|ed-hall|ed hall|ed|er|or|ldr|l&d|resus|hall|chair|cub|cubicle|isolette|crib|cot|stretcher|gurney|cama|chambre|zimmer|habitacion|habitación|pod|bay|bed)(?:\s*[-#]?\s*(?P<val>\d{1,4}[a-z]?|[a-z]-?\d{1,3}[a-z]?)|\s+(?P<val2>[a-z]))\b",
        keys: &[],
        near: Near::Words(&[
            "cvicu",
            "micu",
            "sicu",
            "nicu",
            "picu",
            "ccu",
            "icu",
            "pacu",
            "cdu",
            "peds",
            "ed",
            "er",
            "or",
            "ldr",
            "l&d",
            "resus",
            "hall",
            "chair",
            "cub",
            "isolette",
            "crib",
            "cot",
            "stretcher",
            "gurney",
            "cama",
            "chambre",
            "zimmer",
            "habitacion",
            "pod",
            "bay",
            "bed",
        ]),
        digit_within: 12,
        valid: any,
        #[cfg(test)]
        positives: &[
            "the baby in «cot 3» is feeding",
            "«CHAIR 7» needs a blanket",
            "«Pod A-3» is ready",
            "moved to «MICU 4» overnight",
            "«Zimmer 4» klingelt",
        ],
        #[cfg(test)]
        negatives: &[
            "a chair lift",
            "bedroom 2",
            "the icu is full",
            "scored 4",
            "chairs 3",
        ],
    },
    Format {
        id: "room.in",
        category: Category::PhiRoom,
        pattern: r"\bin\s+(?P<val>\d{1,3}[a-f]?)\b",
        keys: &[],
        near: Near::Words(&["in"]),
        digit_within: 4,
        valid: any,
        #[cfg(test)]
        positives: &[
            "the lady «in 7» keeps calling",
            "pt «in 9» asked for water",
            "gomer «in 16» pulled his line",
            "Mr. Hollis «in 6a» is stable",
            "the mom «in 12» who",
        ],
        #[cfg(test)]
        negatives: &["in the morning", "in 2024", "into 9", "within 5", "in1"],
    },
    Format {
        id: "record.name_line",
        category: Category::PhiName,
        pattern: r"\b(?:patient name|pt name|patient|name|pt|resident|guest)\s*[:#-]\s*(?P<val>[a-z][a-z'-]+(?:,? [a-z][a-z'.-]*){0,2})",
        keys: &[],
        near: Near::Words(&["patient", "pt", "name", "resident", "guest"]),
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "«Name: Reyes, Maria»",
            "«PT: Johnson»",
            "«Patient - Kowalski A»",
            "«Resident: Mrs Ortiz»",
            "«pt name: li wei»",
        ],
        #[cfg(test)]
        negatives: &[
            "patient education handout",
            "name tag lost",
            "pt: 4",
            "resident of ohio",
            "patients: 12",
        ],
    },
    Format {
        id: "record.clinician",
        category: Category::PhiName,
        // "Dr. P. Anand", "RN: K. Patel", "Your Nurse: Kayla", "Dr: Dr. Mehta": a colon, a
        // repeated title and an initial may stand between the cue and the name.
        pattern: r"\b(?:dr\.?|dra\.?|doctor|seen by|paged|page|called|per|attending|covering|np|pa|rn|cnm|nurse)(?:[ \t]*:[ \t]*|[ \t]+)(?:dr\.?[ \t]+)?(?:[a-z]\.?[ \t]+)?(?P<val>[a-z][a-z'-]+)\b",
        keys: &[],
        near: Near::Words(&[
            "dr",
            "doctor",
            "seen",
            "paged",
            "page",
            "called",
            "per",
            "attending",
            "covering",
            "np",
            "pa",
            "rn",
            "cnm",
            "nurse",
        ]),
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "«RN: K. Patel» 0700",
            "Your «Nurse: Kayla»",
            "«Dr. P. Anand» rounds",
            "«Dra. Santos»",
            "«Dr. Lee» paged",
            "«seen by Smith» 0800",
            "«paged Okafor» x2",
            "«per Nguyen» hold heparin",
            "«RN Dana»",
        ],
        #[cfg(test)]
        negatives: &[
            "dr.",
            "seen by",
            "paged x2",
            "per 4",
            "called 911",
            "nurse:\n0700",
            "rn\nallergies",
        ],
    },
    Format {
        id: "record.number",
        category: Category::PhiMrn,
        pattern: r"\b[a-z]{0,3}\d{6,10}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: record_number,
        #[cfg(test)]
        positives: &[
            "«00913377» reyes",
            "band «V7730215»",
            "«MR4471902»",
            "label «123456»",
            "«2231984» bed 4",
        ],
        #[cfg(test)]
        negatives: &["bp 120/80", "hr 88", "12345", "1000000", "x 20240101000"],
    },
    // National health numbers (issue 14): found bare in record text (`rules/record.rs`);
    // in posts their cue words are `KEYS` lines ("nhs number", "ohip", "medicare").
    Format {
        id: "health.nhs",
        category: Category::PhiHealthPlan,
        pattern: r"\b\d{3} \d{3} \d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: nhs,
        #[cfg(test)]
        positives: &[
            "NHS No: «943 476 5919»",
            "«623 194 8757» JONES",
            "patient «952 882 0018»",
            "«640 234 4834» dob",
            "card «949 920 7074» ok",
        ],
        #[cfg(test)]
        negatives: &[
            "NHS No: 943 476 5918",
            "926 018 1590",
            "401 661 3186",
            "9434765919",
            "943-476-5919",
            "943 476 59190",
        ],
    },
    Format {
        id: "health.ohip",
        category: Category::PhiHealthPlan,
        pattern: r"\b\d{4}(?: ?- ?| )?\d{3}(?: ?- ?| )?\d{3}(?: ?- ?| )?[a-z]{2}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: ohip,
        #[cfg(test)]
        positives: &[
            "HCN «7156 183 654 AB»",
            "«2351-643-883-KT» exp",
            "«8039 - 931 - 582 - YM»",
            "card «2342075096xz»",
            "«1366 578 720 MN» ontario",
            "«5584 - 486 - 674 - YM»",
            "«7138 783 757 AB»",
        ],
        #[cfg(test)]
        negatives: &[
            "7138783757 AB",
            "4833-125-815",
            "7156 183 654",
            "7156 183 654 ABC",
            "1436676402 mg",
        ],
    },
    Format {
        id: "health.ramq",
        category: Category::PhiHealthPlan,
        pattern: r"\b[a-z]{4} ?\d{4} ?\d{4}\b",
        keys: &[],
        near: Near::Words(ANY_WORD),
        digit_within: 6,
        valid: ramq,
        #[cfg(test)]
        positives: &[
            "RAMQ «GAGM 5212 0914»",
            "«TREL 6853 2119» exp 2027",
            "«BOUJ48091512»",
            "carte «ROYM 0101 0101»",
            "«LAVS 7762 3108» Lavoie",
        ],
        #[cfg(test)]
        negatives: &[
            "GAGM 5232 0914",
            "GAGM 5212 3214",
            "GAG 5212 0914",
            "GAGMX 5212 0914",
            "page 1234 5678",
        ],
    },
    Format {
        id: "health.medicare_au",
        category: Category::PhiHealthPlan,
        pattern: r"\b[2-6]\d{3} {1,2}\d{5} {1,2}\d(?: {0,2}\d)?\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: medicare_au,
        #[cfg(test)]
        positives: &[
            "Medicare «2123 45670 1»",
            "«4263 72899 0»",
            "«4582 78527 7» exp 03/27",
            "«5121 36224  4  2»",
            "card «5699 63932 1»",
        ],
        #[cfg(test)]
        negatives: &[
            "2773 79727 6",
            "2256 51788 0",
            "4582785277",
            "7123 45670 1",
            "2123 45670 123",
            "1234 56789 0",
        ],
    },
    Format {
        id: "health.philhealth",
        category: Category::PhiHealthPlan,
        pattern: r"\b\d{2}-\d{9}-\d\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "PIN «12-050319722-8»",
            "«01-025436781-3» member",
            "«19-000123456-9»",
            "philhealth «02-123456789-0»",
            "«03-987654321-1» dependent",
        ],
        #[cfg(test)]
        negatives: &[
            "12-05031972-8",
            "12-0503197222-8",
            "123-050319722-8",
            "12-050319722-89",
            "12 050319722 8",
        ],
    },
    Format {
        id: "health.nhi",
        category: Category::PhiHealthPlan,
        pattern: r"\b[a-hj-np-z]{3} ?\d{4}\b",
        keys: &[],
        near: Near::Words(ANY_WORD),
        digit_within: 4,
        valid: nhi,
        #[cfg(test)]
        positives: &[
            "NHI «ZZZ0016»",
            "«BVL 2460» Tamatea",
            "«LYT1484»",
            "nhi: «ZVY6991» dob",
            "«VML8165» ward 4",
        ],
        #[cfg(test)]
        negatives: &["ZZZ0017", "BVL 2461", "IOL1484", "ZVY69911", "ZV6991"],
    },
    Format {
        id: "health.nric",
        // Singapore's identity card number: a national identity number, not a plan's
        // (the record corpus labels it phi.id, 17 of 17 in rounds 2-13).
        category: Category::PhiId,
        pattern: r"\b[stfg]\d{7}[a-z]\b",
        keys: &[],
        near: Near::Words(&["s", "t", "f", "g"]),
        digit_within: 1,
        valid: nric,
        #[cfg(test)]
        positives: &[
            "NRIC «S0874662A»",
            "«T3295874A» Tan",
            "FIN «F5301087M»",
            "«G9223253R» pass",
            "id «s0874662a»",
        ],
        #[cfg(test)]
        negatives: &[
            "S0874662B",
            "T3295874Z",
            "X5301087M",
            "G922325R",
            "S08746621A",
        ],
    },
    Format {
        id: "health.sa_id",
        // South Africa's identity number (birth date, sequence, Luhn): a national identity
        // number, not a plan's (labelled phi.id 11 times, an account twice, in rounds 2-13).
        category: Category::PhiId,
        pattern: r"\b\d{13}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: sa_id,
        #[cfg(test)]
        positives: &[
            "ID «3902047503374»",
            "«2109238059270» Naidoo",
            "«6309128428447»",
            "id no «1004255784416».",
            "«1701165168792» f",
            "ID «7905125834086»",
            "ID no: «8907150482086»      DOB 1989/07/15",
        ],
        #[cfg(test)]
        negatives: &[
            "2819570867518",
            "3265523994817",
            "3902047503375",
            "7905125834586",
            "9407210412383",
            "39020475033740",
            "3913047503374",
        ],
    },
    Format {
        id: "health.abha",
        category: Category::PhiHealthPlan,
        pattern: r"\b\d{2}-\d{4}-\d{4}-\d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "ABHA «91-4822-7033-6140»",
            "«14-1234-5678-9012» abha",
            "«91-0000-1111-2222»",
            "no. «56-7788-9900-1122»",
            "«33-4455-6677-8899» card",
        ],
        #[cfg(test)]
        negatives: &[
            "91-4822-7033-614",
            "914-822-7033-6140",
            "91-4822-7033-61400",
            "91 4822 7033 6140",
            "9-4822-7033-6140",
        ],
    },
    Format {
        id: "health.aadhaar",
        // India's Aadhaar: a national identity number, not a plan's (labelled phi.id).
        category: Category::PhiId,
        pattern: r"\b[2-9]\d{3} \d{4} \d{4}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: aadhaar,
        #[cfg(test)]
        positives: &[
            "Aadhaar «6564 8044 5765»",
            "«7893 3331 2459»",
            "«7250 3499 7175» card",
            "uid «4246 6320 4945»",
            "«2235 8574 4340» mother",
        ],
        #[cfg(test)]
        negatives: &[
            "3577 6915 2460",
            "3528 5900 3144",
            "656480445765",
            "1235 8574 4340",
            "6564 8044 5766",
            "6564 8044 57650",
        ],
    },
    Format {
        id: "ip.v6",
        category: Category::PhiIp,
        // Up to the stretch's last hex digit (a trailing colon is not the address's); the
        // rule drops a stretch glued to a letter or followed by a letter, digit or '.'.
        pattern: r"[0-9a-f:]*:[0-9a-f:]*[0-9a-f]",
        keys: &[],
        near: Near::Stretch {
            needle: b':',
            of: hex_or_colon,
        },
        digit_within: 0,
        valid: ipv6,
        #[cfg(test)]
        positives: &[
            "logged in from «2001:db8::8a2e:370:7334» overnight",
            "her address «fe80::1ff:fe23:4567:890a» was on the screen",
            "«2001:0db8:85a3:0000:0000:8a2e:0370:7334» in the log",
            "server at «::ffff:a00:1» again",
            "the ip was «2001:db8::2:1»: see the ticket",
        ],
        #[cfg(test)]
        negatives: &[
            "meet at 10:30 today",
            "the sets went 3:2:1 in the end",
            "shift log 12:30:45 signed",
            "ratio a::b in the notes",
            "abcde::1:2 has a long group",
            "1:::2:3:4 is a triple colon",
        ],
    },
    Format {
        id: "ip.v4",
        category: Category::PhiIp,
        pattern: r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b",
        keys: &[],
        near: Near::Runs {
            min: 1,
            max: 3,
            next: b".",
        },
        digit_within: 0,
        valid: ipv4,
        #[cfg(test)]
        positives: &[
            "logged in from «73.14.201.9» at 3am",
            "her ip «192.168.1.24» was in the screenshot",
            "server «10.0.0.1» is down",
            "traced to «8.8.8.8».",
            "mask «255.255.255.0» on the sheet",
        ],
        #[cfg(test)]
        negatives: &[
            "version 1.2.3 shipped",
            "999.1.2.3 is no address",
            "1234.5.6.7 is no address",
            "a1.2.3.4 is glued",
            "300.400.500.600 octets",
            "3.14159.2.7 digits",
        ],
    },
    Format {
        id: "card",
        category: Category::PhiAccount,
        pattern: r"\b\d(?:[ -]?\d){12,18}\b",
        keys: &[],
        near: Near::Runs {
            min: 1,
            max: 19,
            next: b"",
        },
        digit_within: 0,
        valid: card,
        #[cfg(test)]
        positives: &[
            "her card «4111 1111 1111 1111» was on the chart",
            "«5555-5555-5555-4444» on a sticky note",
            "amex «378282246310005» in the photo",
            "«6011 1111 1111 1117» for the copay",
            "paid with «4012888888881881», exp 09/27",
            "jcb «3530 1113 3330 0000»",
        ],
        #[cfg(test)]
        negatives: &[
            "card 4111 1111 1111 1112 fails luhn",
            "order 1234 5678 9012 3456 starts with 1",
            "4111--1111-1111-1111 double dash",
            "a4111111111111111 glued",
            "call 312 555 0199 please",
            "4111111111111 thirteen",
        ],
    },
    Format {
        id: "mbi",
        category: Category::PhiHealthPlan,
        pattern: r"\b[1-9][a-z][a-z0-9]\d-?[a-z][a-z0-9]\d-?[a-z][a-z]\d\d\b",
        keys: &[],
        near: Near::Runs {
            min: 1,
            max: 1,
            next: b"abcdefghijklmnopqrstuvwxyz",
        },
        digit_within: 0,
        valid: mbi,
        #[cfg(test)]
        positives: &[
            "medicare card «1EG4-TE5-MK73» in the photo",
            "«5XR2-HJ7-QA17» on the form",
            "her number «2NP4TD8WK91» again",
            "«9AA0-AA0-AA00» test card",
            "mbi «7C33-F77-XY22».",
        ],
        #[cfg(test)]
        negatives: &[
            "1SG4-TE5-MK73 has an S",
            "0EG4-TE5-MK73 starts with 0",
            "1EG4-TE5-MK7 is short",
            "x1EG4TE5MK73 is glued",
            "1EG4-TE5-MK73A runs on",
            "1BG4TE5MK73 has a B",
        ],
    },
    Format {
        id: "room",
        category: Category::PhiRoom,
        // With "room", "bed" and "ward" in the corpus's other languages: German Zimmer and
        // Bett, French chambre and lit, Dutch kamer, Spanish and Portuguese cama, quarto and
        // leito, Italian stanza and letto, Polish and Spanish sala ("z sali 12").
        pattern: r"\b(?:room|rm|bed|bay|exam room|trauma bay|trauma|stall|pod|bed space|cubicle|isolation room|zimmer|bett|chambre|kamer|cama|quarto|leito|stanza|letto|sala|sali)\s*#?\s*\d{1,4}[a-z]?\b",
        keys: &[],
        near: Near::Words(&[
            "room",
            "rm",
            "bed",
            "bay",
            "exam",
            "trauma",
            "stall",
            "pod",
            "cubicle",
            "isolation",
            "zimmer",
            "bett",
            "chambre",
            "kamer",
            "cama",
            "quarto",
            "leito",
            "stanza",
            "letto",
            "sala",
            "sali",
        ]),
        digit_within: 24,
        valid: any,
        #[cfg(test)]
        positives: &[
            "pt in «room 12» keeps pulling lines",
            "«bed 4» coded",
            "«exam room #3» smells",
            "«trauma bay 2» was chaos",
            "«rm 402b» again",
            "«bed space 14» is free",
            "Frau K. aus «Zimmer 212» entlassen",
            "la dame de la «chambre 7»",
            "el señor de la «cama 22»",
            "paciente do «leito 9»",
        ],
        #[cfg(test)]
        negatives: &[
            "the bedroom 4 was cold",
            "room 12345 is a lot",
            "rooms 4 and 5",
            "the podcast 3 was good",
            "broom 4 in the closet",
            "room 4ab",
            "camarilla 4",
            "salad 3",
        ],
    },
    Format {
        id: "paren",
        category: Category::PhiId,
        pattern: r"\((?:[a-z]{1,2} )?(?P<val>[a-z0-9][a-z0-9-]{3,22}[a-z0-9])\)",
        keys: &[],
        near: Near::Needles(&["("]),
        digit_within: 26,
        valid: any,
        #[cfg(test)]
        positives: &[
            "DEA number «(FH3816204)» on the script",
            "the CDL in his wallet «(CA B2291473)»",
            "the same tan Buick «(NM KRT-447)»",
            "pump serial «(SN-4471-22)» alarmed",
            "member id «(XJH448812)» on the card",
        ],
        #[cfg(test)]
        negatives: &[
            "(see 4 above)",
            "(a12)",
            "(-abc123)",
            "(abc123-)",
            "(abcdefghijklmnopqrstuvwxyz123)",
            "(abc 123 def)",
        ],
    },
    Format {
        id: "url.profile",
        category: Category::PhiUrl,
        pattern: concat!(
            r"\b(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|tiktok|twitter|x|linkedin|youtube|snapchat|threads|venmo|",
            r"onlyfans|gofundme|reddit|caringbridge|legacy|everloved|mealtrain|givesendgo|spotfund|cash\.app|paypal|pinterest|",
            r"tumblr|twitch|bsky|patreon|ko-fi|linktr|findagrave)\.(?:com|net|me|org|app|ee|social)(?:/[a-z0-9._@%~-]+)+",
        ),
        keys: &[],
        near: Near::Before {
            words: &[
                "http",
                "www",
                "m",
                "facebook",
                "fb",
                "instagram",
                "tiktok",
                "twitter",
                "x",
                "linkedin",
                "youtube",
                "snapchat",
                "threads",
                "venmo",
                "onlyfans",
                "gofundme",
                "reddit",
                "caringbridge",
                "legacy",
                "everloved",
                "mealtrain",
                "givesendgo",
                "spotfund",
                "cash",
                "paypal",
                "pinterest",
                "tumblr",
                "twitch",
                "bsky",
                "patreon",
                "ko-fi",
                "linktr",
                "findagrave",
            ],
            needles: &[
                ".com/", ".net/", ".me/", ".org/", ".app/", ".ee/", ".social/",
            ],
            within: 24,
        },
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "her «facebook.com/maria.reyes.77» is public",
            "«https://www.instagram.com/nurse_jo» posted the pic",
            "donate at «gofundme.com/f/help-the-reyes-family» please",
            "«linktr.ee/rnkim»",
            "he is «x.com/nursejo» there",
            "«m.facebook.com/profile.php», look",
            "«https://www.caringbridge.org/visit/reyes»",
        ],
        #[cfg(test)]
        negatives: &[
            "facebook.com is down",
            "myfacebook.com/jo is a scam",
            "facebook.co/jo is a typo",
            "www.example.com/jo is no profile",
            "instagram.com/ and nothing",
            "x.com /jo spaced",
        ],
    },
    Format {
        // A social-media handle ("@kaylee.sews.things"): letters, digits, underscores and
        // inner dots, with a letter, 3 to 30 characters (Instagram's limit, X's is 15). An
        // email's "@" also starts one: the rule skips a handle glued to what is before it.
        id: "url.handle",
        category: Category::PhiUrl,
        pattern: r"@[a-z0-9_]*[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*",
        keys: &[],
        near: Near::Needles(&["@"]),
        digit_within: 0,
        valid: handle,
        #[cfg(test)]
        positives: &[
            "her daughter «@brooke.lynn.ellis» added me",
            "tagging «@JimmyRayHollis» bc your mama asked",
            "his ig is «@dusty_b_rodeo» lol",
            "«@tayloranne_99» your grandpa says hi",
            "the mom «@mama.of.rowan».",
            "(«@lil_trey_wavy»)",
        ],
        #[cfg(test)]
        negatives: &[
            "meet @ noon by the pyxis",
            "@2024 was a rough year",
            "@__ is not a name",
            "ok @me",
            "@.@ that face",
            "@abcdefghijklmnopqrstuvwxyzabcdef is too long for any site",
        ],
    },
    Format {
        id: "plate",
        category: Category::PhiVehicle,
        pattern: r"\b(?:licen[sc]e plate|plate|placa|plaque|kennzeichen|tag|reg|rego)s?\b\s*(?:#|no\.?|number)?\s*(?:is|was|reads|says|literally says|ending(?: in)?)?\s*[:#]?\s*['\x22]?(?:[a-z]{2}\s+)?(?P<val>[a-z0-9]{1,4}[ -]?[a-z0-9]{1,5})\b",
        keys: &[],
        // The plate's word in Spanish and Portuguese, French and German too.
        near: Near::Words(&[
            "license",
            "licence",
            "plate",
            "placa",
            "plaque",
            "kennzeichen",
            "tag",
            "reg",
        ]),
        digit_within: 40,
        valid: any,
        #[cfg(test)]
        positives: &[
            "the «plate TX LPX-4417» again",
            "Idaho «plate 2B 44718»",
            "«license plate number is 7ABC123»",
            "«tags: ABC 1234»",
            "«plate# 4GHJ882» on the car",
            "«Reg LK19 XYZ» in the disabled bay",
            "came off his motorbike, «rego 1ABC234», near Kiama",
            "the vanity «plate 'B1GBOSS»' again",
            "«plate ending 4LZ», driver didn't make it",
            "a câmera pegou a «placa: QWE4R21», Onix prata",
            "«plaque K52 HRT», Civic grise",
            "«Kennzeichen B 4471» notiert",
        ],
        #[cfg(test)]
        negatives: &[
            "templates 4417",
            "a hashtag 2024 trend",
            "the plate: 😭 4417",
            "plate extraordinarily 44",
            "tags ______ 12",
            "our placard 4417",
            "regular 4417 shifts",
            "a register 12 drawer",
            "plaquenil 200 mg bid",
            "placebo 12 arm",
            "targeted 2024 outreach",
        ],
    },
    Format {
        // A VIN whose ninth character is no check digit (outside North America it need not
        // be): seventeen capitals and digits without I, O or Q, ending in a serial of five
        // digits. Read only after a vehicle's word (`find_vehicles`).
        id: "vin.unchecked",
        category: Category::PhiVehicle,
        pattern: r"\b[a-hj-npr-z0-9]{12}\d{5}\b",
        keys: &[],
        near: Near::Long(17),
        digit_within: 0,
        valid: vin_shape,
        #[cfg(test)]
        positives: &[
            "vin «2FMDK4JC7BBA12345» on the tow slip",
            "the truck was «3GCUKREC5EG204411»",
            "«WVWZZZ3CZ9E512345» on the car",
            "ute «MR0FZ22G501234567» rolled",
            "van «VF1MA000X64012345»",
        ],
        #[cfg(test)]
        negatives: &[
            "12345678901234567 has no letters",
            "2FMDK4JC7BBA1234 is short",
            "2FMDK4JC7BBA12345X is long",
            "IFMDK4JC7BBA12345 has an I",
            "2FMDK4JC7BBA1234A ends in a letter",
        ],
    },
    Format {
        // A British plate: two letters, two digits, three letters ("YK19 RZT"). Read only in
        // capitals (`find_vehicles`).
        id: "plate.uk",
        category: Category::PhiVehicle,
        pattern: r"\b[a-hj-pr-y]{2}\d{2} ?[a-hj-pr-z]{3}\b",
        keys: &[],
        near: Near::Digits,
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "the car was «LB07 SEO» again",
            "«MA21 XPT» in the bay",
            "plate «YS68KRW» on the report",
            "a silver astra «BD51 SMR»",
            "«GX14 HNU» left running",
        ],
        #[cfg(test)]
        negatives: &[
            "we had 12 07 sep shifts",
            "the ab12 cdef gene",
            "covid19 vax day",
            "a 4x4 off road",
            "mg12 abcd",
        ],
    },
    Format {
        id: "vin",
        category: Category::PhiVehicle,
        pattern: r"\b[a-hj-npr-z0-9]{17}\b",
        keys: &[],
        near: Near::Long(17),
        digit_within: 0,
        valid: vin,
        #[cfg(test)]
        positives: &[
            "vin «1HGCM82633A004352» on the tow slip",
            "«1M8GDM9AXKP042788» in the photo",
            "the tesla «5YJ3E1EA2KF317000»",
            "«JH4KA7561PC008269».",
            "truck «2T1BURHEXJC043821» towed",
            "«WBA3A5C50DF123456» bmw",
        ],
        #[cfg(test)]
        negatives: &[
            "1HGCM82633A004353 fails its check",
            "1HGCM82633A00435 is short",
            "1HGCM82633A0043521 is long",
            "IHGCM82633A004352 has an I",
            "12345678901234567 has no letters",
            "x_1HGCM82633A004352 glued",
        ],
    },
    Format {
        id: "place.street",
        category: Category::PhiLocation,
        pattern: concat!(
            r"\b(?:\d{1,6}\s+)?(?:[a-z](?:[a-z'.-]|\xE2\x80\x99)*\s+){1,3}",
            r"(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|court|ct|place|circle|",
            r"terrace|parkway|pkwy|way|trail|crescent|highway|hwy|pike|loop)\b\.?"
        ),
        keys: &[],
        near: Near::Before {
            words: ANY_WORD,
            needles: STREET_NEEDLES,
            within: 64,
        },
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "lives at «418 elm ln» with her son",
            "«1200 n main st.» is closed",
            "«5 old county pike», the farm",
            "«o’neil way» is closed",
            "«12 maple grove ct»",
        ],
        #[cfg(test)]
        negatives: &[
            "stay strong",
            "a stable patient",
            "4 st",
            "my wayward son",
            "_elm st",
            "st. luke's",
        ],
    },
    Format {
        id: "place.highway",
        category: Category::PhiLocation,
        pattern: concat!(
            r"\b(?:hwy|highway|route|rte|interstate|sr|state route|county road|cr|us|i)[- ]?\d{1,3}\b",
            r"(?:\s+(?:eb|wb|nb|sb|east|west|north|south|eastbound|westbound|northbound|southbound)\b)?",
            r"(?:\s+(?:at|near|by|past)\s+(?:mm|mile marker|exit)\s*\d+\b)?",
            r"(?:\s+(?:near|at|by)\s+the\s+[a-z]+(?:\s+[a-z]+)?\s+(?:turnoff|turn-off|exit|bridge|overpass|junction|interchange)\b)?"
        ),
        keys: &[],
        near: Near::Words(&[
            "hwy",
            "highway",
            "route",
            "rte",
            "interstate",
            "sr",
            "state",
            "county",
            "cr",
            "us",
            "i",
        ]),
        digit_within: 14,
        valid: any,
        #[cfg(test)]
        positives: &[
            "rolled on «hwy 89 eb at mile marker 12 near the kanab big turnoff» last night",
            "then «i-80» to reno",
            "on «US 89» again",
            "«state route 9 westbound»",
            "out on «county road 12» alone",
            "«route 66».",
        ],
        #[cfg(test)]
        negatives: &[
            "highway 1234",
            "us-12345",
            "interstates 5",
            "the bus 12",
            "i - 80",
            "hwy alone",
        ],
    },
    Format {
        id: "place.zip",
        category: Category::PhiLocation,
        pattern: r"\b\d{5}(?:-\d{4})?\b",
        keys: &[],
        near: Near::Runs {
            min: 5,
            max: 5,
            next: b"",
        },
        digit_within: 0,
        valid: any,
        #[cfg(test)]
        positives: &[
            "lives in «84101» now",
            "zip «84101-1234»",
            "the «90210» area",
            "Kanab UT «84741»",
            "«02139».",
        ],
        #[cfg(test)]
        negatives: &["x84101", "84101x", "8410", "841012", "84101_"],
    },
    Format {
        id: "place.unit",
        category: Category::PhiLocation,
        pattern: r"\b(?:our\s+|the\s+)?(?:ward|unit|floor|pod|wing)\s+\d+[a-z]?\b",
        keys: &[],
        near: Near::Words(&["our", "the", "ward", "unit", "floor", "pod", "wing"]),
        digit_within: 16,
        valid: any,
        #[cfg(test)]
        positives: &[
            "she's on «the ward 4b» now",
            "«unit 7» is full",
            "«our floor 3» again",
            "«pod 12»",
            "a «wing 2a» nurse",
        ],
        #[cfg(test)]
        negatives: &["units 4", "the ward b", "unit4", "ward 4bc", "theward 4"],
    },
];

/// The month words, for the dates' [`Near::Words`].
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// First letters of every keyword, for [`Near::Words`].
const KEY_STARTS: [&str; KEYS.len()] = {
    let mut out = [""; KEYS.len()];
    let mut i = 0;
    while i < KEYS.len() {
        out[i] = KEYS[i].word;
        i += 1;
    }
    out
};

/// The keyed-number table: each keyword that names a number, in match order (a longer
/// keyword before a shorter one it starts with), with the category of the number it names.
pub const KEYS: &[Key] = {
    use Category::*;
    use Needs::*;
    const fn k(word: &'static str, category: Category, min_digits: usize, needs: Needs) -> Key {
        Key {
            word,
            category,
            min_digits,
            needs,
        }
    }
    &[
        k("mrn", PhiMrn, 4, Nothing),
        k("medical record number", PhiMrn, 4, Nothing),
        k("medical record no.", PhiMrn, 4, Nothing),
        k("medical record no", PhiMrn, 4, Nothing),
        k("medical record #", PhiMrn, 4, Nothing),
        k("medical record", PhiMrn, 4, Nothing),
        k("med record", PhiMrn, 4, Nothing),
        k("med rec", PhiMrn, 4, Nothing),
        k("chart", PhiMrn, 5, Nothing),
        k("acct", PhiAccount, 4, Nothing),
        k("account", PhiAccount, 4, Nothing),
        k("acc't", PhiAccount, 4, Nothing),
        k("billing", PhiAccount, 4, Nothing),
        k("invoice", PhiAccount, 4, Nothing),
        // A claim is the payer's number for one bill, not the patient's account.
        k("claim", PhiId, 4, Nothing),
        k("member id", PhiHealthPlan, 4, Nothing),
        // "her card says U7104 4829 01": what a patient's card holds is a plan number
        // (a payment card's number is the card row's).
        k("card", PhiHealthPlan, 6, Nothing),
        k("member", PhiHealthPlan, 6, Nothing),
        k("subscriber id", PhiHealthPlan, 4, Nothing),
        k("subscriber", PhiHealthPlan, 6, Nothing),
        k("policy", PhiHealthPlan, 6, Nothing),
        k("medicaid id", PhiHealthPlan, 4, Nothing),
        k("medicare id", PhiHealthPlan, 4, Nothing),
        k("medicaid", PhiHealthPlan, 6, Nothing),
        k("medicare", PhiHealthPlan, 6, Nothing),
        k("insurance id", PhiHealthPlan, 4, Nothing),
        k("beneficiary id", PhiHealthPlan, 4, Nothing),
        k("mbi", PhiHealthPlan, 4, Nothing),
        k("hicn", PhiHealthPlan, 4, Nothing),
        k("dl", PhiLicense, 4, Nothing),
        k("driver's license", PhiLicense, 4, Nothing),
        k("driver's licence", PhiLicense, 4, Nothing),
        k("drivers license", PhiLicense, 4, Nothing),
        k("drivers licence", PhiLicense, 4, Nothing),
        k("license plate", PhiVehicle, 3, Nothing),
        k("license", PhiLicense, 4, Nothing),
        k("licence", PhiLicense, 4, Nothing),
        k("lic", PhiLicense, 4, Nothing),
        k("dea", PhiLicense, 4, Nothing),
        k("npi", PhiLicense, 4, Nothing),
        k("plate", PhiVehicle, 3, Nothing),
        k("tag", PhiVehicle, 3, Mark),
        k("vin", PhiVehicle, 3, Nothing),
        k("sn", PhiDevice, 4, Nothing),
        // A device's own number on a pump, monitor or dialysis machine: its machine or
        // device ID, a telemetry box, a wander or infant-security tag. (Not an asset tag:
        // biomed's labels carry one on every idle pump.)
        k("device id", PhiDevice, 4, Nothing),
        k("machine id", PhiDevice, 4, Nothing),
        k("machine", PhiDevice, 4, Mark),
        k("tele box", PhiDevice, 3, Nothing),
        k("telemetry box", PhiDevice, 3, Nothing),
        k("wanderguard", PhiDevice, 3, Nothing),
        k("hugs tag", PhiDevice, 4, Nothing),
        k("s/n", PhiDevice, 4, Nothing),
        k("serials number", PhiDevice, 4, Nothing),
        k("serials no.", PhiDevice, 4, Nothing),
        k("serials no", PhiDevice, 4, Nothing),
        k("serials", PhiDevice, 4, Nothing),
        k("serial number", PhiDevice, 4, Nothing),
        k("serial no.", PhiDevice, 4, Nothing),
        k("serial no", PhiDevice, 4, Nothing),
        k("serial", PhiDevice, 4, Nothing),
        k("wristband", PhiId, 4, Nothing),
        k("armband", PhiId, 4, Nothing),
        k("id band", PhiId, 4, Nothing),
        k("patient id", PhiId, 4, Nothing),
        k("pt id", PhiId, 4, Nothing),
        k("encounter", PhiId, 6, Nothing),
        k("visit", PhiId, 6, Nothing),
        k("fin", PhiAccount, 4, Nothing),
        k("csn", PhiId, 4, Nothing),
        k("accession", PhiId, 4, Nothing),
        k("specimen", PhiId, 4, Nothing),
        k("order", PhiId, 4, Mark),
        k("case", PhiId, 4, Mark),
        k("ticket", PhiId, 4, Mark),
        k("aps case", PhiId, 4, Mark),
        k("cps case", PhiId, 4, Mark),
        k("report", PhiId, 4, Mark),
        k("rx", PhiId, 3, Nothing),
        k("script", PhiId, 3, Nothing),
        k("referral", PhiId, 3, Nothing),
        k("cps referral", PhiId, 3, Nothing),
        k("subject", PhiId, 3, Nothing),
        k("participant", PhiId, 3, Nothing),
        k("inmate", PhiId, 3, Nothing),
        k("booking", PhiId, 3, Nothing),
        k("unos id", PhiId, 3, Nothing),
        k("user id", PhiId, 3, Nothing),
        k("portal user id", PhiId, 3, Nothing),
        k("username", PhiId, 3, Nothing),
        k("hospital number", PhiMrn, 5, Nothing),
        k("hospital no.", PhiMrn, 5, Nothing),
        k("hospital no", PhiMrn, 5, Nothing),
        // Australia's UR (unit record) number and France's and Quebec's "dossier".
        k("ur number", PhiMrn, 5, Nothing),
        k("urn", PhiMrn, 6, Nothing),
        k("ur", PhiMrn, 6, Nothing),
        k("dossier", PhiMrn, 5, Nothing),
        k("hosp", PhiMrn, 5, Nothing),
        k("har", PhiAccount, 4, Nothing),
        k("guarantor", PhiAccount, 4, Nothing),
        k("dbn", PhiHealthPlan, 6, Nothing),
        k("tricare", PhiHealthPlan, 6, Nothing),
        k("bcbs ??", PhiHealthPlan, 6, Nothing),
        k("bcbs", PhiHealthPlan, 6, Nothing),
        k("aetna", PhiHealthPlan, 6, Nothing),
        k("humana", PhiHealthPlan, 6, Nothing),
        k("cigna", PhiHealthPlan, 6, Nothing),
        k("uhc", PhiHealthPlan, 6, Nothing),
        k("medi-cal", PhiHealthPlan, 6, Nothing),
        k("ambetter", PhiHealthPlan, 6, Nothing),
        k("molina", PhiHealthPlan, 6, Nothing),
        k("kaiser", PhiHealthPlan, 6, Nothing),
        k("anthem", PhiHealthPlan, 6, Nothing),
        k("wellcare", PhiHealthPlan, 6, Nothing),
        k("centene", PhiHealthPlan, 6, Nothing),
        // "id": the rule decides (a mark, or six digits outside a job posting).
        k("id", PhiId, 4, Nothing),
        k("cdl", PhiLicense, 4, Nothing),
        k("ccw", PhiLicense, 4, Nothing),
        k("cert", PhiLicense, 4, Nothing),
        k("certificate", PhiLicense, 4, Nothing),
        k("airman cert", PhiLicense, 4, Nothing),
        k("permit", PhiLicense, 4, Nothing),
        k("band", PhiId, 3, Nothing),
        k("study id", PhiId, 3, Nothing),
        k("enrollment id", PhiId, 3, Nothing),
        k("mr#", PhiMrn, 4, Nothing),
        k("transmitter", PhiDevice, 2, Letter),
        k("receiver", PhiDevice, 2, Letter),
        k("sensor", PhiDevice, 2, Letter),
        k("a-number", PhiId, 6, Nothing),
        k("alien number", PhiId, 6, Nothing),
        k("uscis number", PhiId, 6, Nothing),
        k("uscis", PhiId, 6, Nothing),
        // Public health numbers under their labels: the UK's NHS and Scotland's CHI, the
        // provinces' health cards (OHIP, PHN, RAMQ's NAM...), Australia's IHI, PhilHealth.
        k("nhs number", PhiHealthPlan, 6, Nothing),
        k("nhs no.", PhiHealthPlan, 6, Nothing),
        k("nhs no", PhiHealthPlan, 6, Nothing),
        k("nhs", PhiHealthPlan, 9, Nothing),
        k("chi", PhiHealthPlan, 9, Nothing),
        k("health card", PhiHealthPlan, 6, Nothing),
        k("health number", PhiHealthPlan, 6, Nothing),
        k("hcn", PhiHealthPlan, 6, Nothing),
        k("phn", PhiHealthPlan, 6, Nothing),
        k("phin", PhiHealthPlan, 6, Nothing),
        k("hin", PhiHealthPlan, 6, Nothing),
        k("ohip", PhiHealthPlan, 6, Nothing),
        k("ramq", PhiHealthPlan, 6, Nothing),
        k("nam", PhiHealthPlan, 6, Nothing),
        k("ahcip", PhiHealthPlan, 6, Nothing),
        k("uli", PhiHealthPlan, 6, Nothing),
        k("mcp", PhiHealthPlan, 6, Nothing),
        k("hsn", PhiHealthPlan, 6, Nothing),
        k("mhsc", PhiHealthPlan, 6, Nothing),
        k("ihi", PhiHealthPlan, 9, Nothing),
        k("nhi", PhiHealthPlan, 4, Letter),
        k("philhealth", PhiHealthPlan, 6, Nothing),
        k("dva", PhiHealthPlan, 6, Nothing),
        // Lab, transfusion and transport numbers.
        k("acc", PhiId, 5, Nothing),
        k("lab no.", PhiId, 4, Nothing),
        k("lab no", PhiId, 4, Nothing),
        k("lab", PhiId, 5, Mark),
        k("pathology", PhiId, 4, Mark),
        k("unit", PhiId, 6, Mark),
        k("donation", PhiId, 6, Mark),
        k("patient number", PhiId, 5, Nothing),
        k("patient no.", PhiId, 5, Nothing),
        k("patient no", PhiId, 5, Nothing),
        k("adm no.", PhiId, 4, Nothing),
        k("adm no", PhiId, 4, Nothing),
        k("admission no", PhiId, 4, Nothing),
        k("incident", PhiId, 6, Mark),
        k("run", PhiId, 4, Mark),
        k("transfer", PhiId, 4, Mark),
        k("transport", PhiId, 4, Mark),
        k("trip", PhiId, 4, Mark),
        k("ubrn", PhiId, 6, Nothing),
        k("pcr", PhiId, 4, Mark),
        k("flight", PhiId, 4, Mark),
        k("flt", PhiId, 4, Mark),
        k("kit", PhiId, 6, Mark),
        // Numbers a keyword names in any other trade: an encounter, a requisition, a
        // prior authorisation, a reference, an incident ("inc"), a dispatch (CAD), a
        // court or agency file, a purchase order, a bracelet. Not a bare "ref" (a device
        // label's catalogue number) nor "card no" (a health card's as often as an ID's).
        k("enc", PhiId, 5, Nothing),
        k("requisition", PhiId, 5, Nothing),
        k("auth", PhiId, 4, Mark),
        k("reference", PhiId, 4, Mark),
        k("inc", PhiId, 4, Mark),
        k("icn", PhiId, 6, Nothing),
        k("spec", PhiId, 4, Mark),
        k("cad", PhiId, 4, Mark),
        k("docket", PhiId, 4, Nothing),
        k("file", PhiId, 4, Mark),
        k("po", PhiId, 4, Mark),
        k("bracelet", PhiId, 4, Nothing),
        k("client", PhiId, 4, Mark),
        k("registry", PhiId, 4, Mark),
        // The codes that open a patient's home: what a home visit's notes pass on.
        k("gate code", PhiId, 4, Nothing),
        k("door code", PhiId, 4, Nothing),
        k("entry code", PhiId, 4, Nothing),
        k("access code", PhiId, 4, Nothing),
        k("alarm code", PhiId, 4, Nothing),
        k("key safe code", PhiId, 4, Nothing),
        k("key safe", PhiId, 4, Nothing),
        k("keysafe code", PhiId, 4, Nothing),
        k("keysafe", PhiId, 4, Nothing),
        k("lockbox code", PhiId, 4, Nothing),
        k("lockbox", PhiId, 4, Nothing),
        // National identity numbers under their names.
        k("passport", PhiId, 5, Nothing),
        k("nric", PhiId, 4, Nothing),
        k("mykad", PhiId, 6, Nothing),
        k("curp", PhiId, 6, Nothing),
        k("ppsn", PhiId, 7, Nothing),
        k("hkid", PhiId, 6, Nothing),
        // Other countries' national identity and tax numbers, named by their keyword (the
        // corpus labels them phi.id, like the NRIC): India's Aadhaar, Ireland's PPS, the
        // Netherlands' BSN, Brazil's CPF, Denmark's CPR, Sweden's and Norway's personnummer,
        // Poland's PESEL, Spain's DNI, France's NIR, Italy's codice fiscale, Australia's TFN,
        // New Zealand's IRD, the Philippines' SSS and UMID, the UK's NI number, the Gulf's
        // Emirates ID and iqama, Nigeria's NIN, Ghana's card. Words that are also common
        // words ("cpr", "tin") need a number as long as the identifier itself.
        k("aadhaar", PhiId, 8, Nothing),
        k("aadhar", PhiId, 8, Nothing),
        k("pps", PhiId, 7, Nothing),
        k("bsn", PhiId, 8, Nothing),
        k("cpf", PhiId, 9, Nothing),
        k("cpr", PhiId, 10, Nothing),
        k("personnummer", PhiId, 10, Nothing),
        k("fodselsnummer", PhiId, 10, Nothing),
        k("pesel", PhiId, 11, Nothing),
        k("dni", PhiId, 8, Nothing),
        k("nir", PhiId, 13, Nothing),
        k("codice fiscale", PhiId, 6, Nothing),
        k("tfn", PhiId, 8, Nothing),
        k("ird", PhiId, 8, Nothing),
        k("sss", PhiId, 10, Nothing),
        k("umid", PhiId, 10, Nothing),
        k("national insurance", PhiId, 6, Nothing),
        k("ni number", PhiId, 6, Nothing),
        k("ni no.", PhiId, 6, Nothing),
        k("ni no", PhiId, 6, Nothing),
        k("nino", PhiId, 6, Nothing),
        k("national id", PhiId, 6, Nothing),
        k("emirates id", PhiId, 10, Nothing),
        k("iqama", PhiId, 8, Nothing),
        k("nin", PhiId, 11, Nothing),
        k("ghana card", PhiId, 9, Nothing),
        // Health insurance numbers: Germany's Versichertennummer, France's carte Vitale,
        // Brazil's CNS (the SUS card).
        k("versichertennummer", PhiHealthPlan, 9, Nothing),
        k("carte vitale", PhiHealthPlan, 13, Nothing),
        k("cns", PhiHealthPlan, 15, Nothing),
        // A prescriber's registration: the UK's GMC, Ontario's CPSO, the Philippines' PTR.
        k("gmc", PhiLicense, 6, Nothing),
        k("cpso", PhiLicense, 5, Nothing),
        k("ptr", PhiLicense, 5, Nothing),
        k("prescriber no.", PhiLicense, 5, Nothing),
        k("prescriber no", PhiLicense, 5, Nothing),
        k("lic. no.", PhiLicense, 4, Nothing),
        k("lic. no", PhiLicense, 4, Nothing),
        k("lic.", PhiLicense, 4, Nothing),
        // Ireland's MCRN, Singapore's MCR, the Philippines' PRC and S2, Mexico's cédula,
        // Australia's provider number, South Africa's practice number, India's state
        // council registration, Ontario's billing number: a prescriber's on a script.
        k("mcrn", PhiLicense, 5, Nothing),
        k("mcr", PhiLicense, 5, Nothing),
        k("prc", PhiLicense, 5, Nothing),
        k("s2 no.", PhiLicense, 4, Nothing),
        k("s2 no", PhiLicense, 4, Nothing),
        k("ced. prof.", PhiLicense, 6, Nothing),
        k("prov no.", PhiLicense, 5, Nothing),
        k("prov no", PhiLicense, 5, Nothing),
        k("provider no.", PhiLicense, 5, Nothing),
        k("provider no", PhiLicense, 5, Nothing),
        k("pract no.", PhiLicense, 5, Nothing),
        k("pract no", PhiLicense, 5, Nothing),
        k("pr no", PhiLicense, 5, Nothing),
        k("reg. no.", PhiLicense, 5, Nothing),
        k("reg no.", PhiLicense, 5, Nothing),
        k("reg no", PhiLicense, 5, Nothing),
        k("billing #", PhiLicense, 5, Nothing),
    ]
};
