//! Placeholder values: identifiers that belong to no one because they are the published
//! examples, test-system defaults or textbook dummies every registration, coding and HIM
//! course uses. Written once as data: the exact values (letters and digits only, upper
//! case) with where they come from, and the shapes of a dummy number (one digit repeated,
//! a counting run, zeros before a final 1).
//!
//! A placeholder is still an identifier's format: it is lowered to a tip only in a post
//! that refers to no patient (`rules::whose`); "my pt's SSN is 123-45-6789" keeps it high.
//! 555-01xx phone numbers are fictional by the NANP, but writers use them for patients'
//! phones throughout the corpus (270 posts to hold), so they are not placeholders here;
//! neither is "John Doe", which is how an unidentified trauma patient is registered.

use crate::Category;

/// One published or conventional dummy value.
pub struct Dummy {
    /// Letters and digits only, upper case.
    pub value: &'static str,
    /// Where it is published or used.
    pub source: &'static str,
}

/// Exact dummy values. A finding whose letters and digits end with one of these is a
/// placeholder ("MBI 1EG4-TE5-MK73", "member ID ABC123456789"). The counting runs
/// "1234567890" and "123 456 789" are not: writers give them as a patient's health card or
/// Medicaid number (three posts to hold), and only the SSA's 123-45-6789 is published.
pub const DUMMIES: &[Dummy] = &[
    // (123-45-6789, the SSA's example number on forms and in textbooks, is a placeholder
    // only as an SSN: `placeholder`.)
    Dummy {
        value: "078051120",
        source: "SSN: the Woolworth wallet-card sample (1938), retired by the SSA",
    },
    Dummy {
        value: "219099999",
        source: "SSN: the SSA's 1940s advertising sample",
    },
    Dummy {
        value: "1EG4TE5MK73",
        source: "MBI: CMS's published sample Medicare Beneficiary Identifier",
    },
    Dummy {
        value: "1AA0AA0AA00",
        source: "MBI: the format illustration of CMS's MBI guide (letters as A, digits as 0)",
    },
    Dummy {
        value: "ABC123456789",
        source: "member ID on the sample insurance cards of coding textbooks and exams",
    },
];

/// SSNs 987-65-4320 to 987-65-4329 are reserved by the SSA for advertisements.
fn ssa_advertising(digits: &str) -> bool {
    digits.len() == 9 && digits.starts_with("98765432")
}

/// Letters and digits of `text`, upper case.
fn normal(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A dummy shape of a number of at least six digits: one digit repeated ("99999999",
/// "000-00-0000") or zeros before a final 1 ("000000001").
fn dummy_digits(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() < 6 {
        return false;
    }
    let repeated = b.iter().all(|&c| c == b[0]);
    let one = b[..b.len() - 1].iter().all(|&c| c == b'0') && b[b.len() - 1] == b'1';
    repeated || one
}

/// What kind of placeholder a finding's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// Not one.
    No,
    /// A published example (`DUMMIES`, the SSA's example SSNs): a placeholder where the
    /// post teaches or says it is a sample, but also what a confused registration desk
    /// keys for a real patient ("MBI 1EG4-TE5-MK73 keeps failing eligibility").
    Published,
    /// A test system's shape (one repeated digit, zeros before a 1, "TEST0001", "Test,
    /// Patient", 1 January 1900): nobody's.
    Shape,
}

/// Whether a finding of category `c` over `text` is a placeholder value.
pub fn placeholder(c: Category, text: &str) -> bool {
    kind(c, text) != Placeholder::No
}

/// What kind of placeholder a finding of category `c` over `text` is.
pub fn kind(c: Category, text: &str) -> Placeholder {
    let n = normal(text);
    let digits: String = n.chars().filter(char::is_ascii_digit).collect();
    let published = match c {
        Category::PhiSsn => digits == "123456789" || ssa_advertising(&digits),
        _ => false,
    } || (matches!(
        c,
        Category::PhiSsn | Category::PhiHealthPlan | Category::PhiId | Category::PhiAccount
    ) && DUMMIES.iter().any(|x| n.ends_with(x.value)));
    if published {
        Placeholder::Published
    } else if shape(c, text) {
        Placeholder::Shape
    } else {
        Placeholder::No
    }
}

/// A test system's shape of value.
fn shape(c: Category, text: &str) -> bool {
    let n = normal(text);
    let digits: String = n.chars().filter(char::is_ascii_digit).collect();
    match c {
        Category::PhiSsn
        | Category::PhiMrn
        | Category::PhiHealthPlan
        | Category::PhiAccount
        | Category::PhiId
        | Category::PhiLicense
        | Category::PhiDevice => {
            dummy_digits(&digits)
                // "MRN TEST0001", "ZZTEST": a test system's record.
                || text
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| {
                        let w = w.to_ascii_lowercase();
                        w.starts_with("test") || w.starts_with("zztest")
                    })
        }
        // The default date of birth of test systems and dummy records: 1 January of a
        // round year ("01/01/1900", "1-Jan-1950", "1/1/2000").
        Category::PhiDate => {
            let low = text.to_ascii_lowercase();
            let round = ["1900", "1950", "2000"].iter().any(|y| low.contains(y));
            let jan1 = [
                "01/01/", "1/1/", "01-01-", "1-jan-", "01-jan-", "jan 1,", "1 jan",
            ]
            .iter()
            .any(|p| low.contains(p));
            round && jan1
        }
        // "Test, Patient", "ZZTESTPATIENT", "Jane Q. Sample", "Patient A": a test record's
        // name.
        Category::PhiName => {
            let low = text.to_ascii_lowercase();
            low.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| matches!(w, "test" | "zztest" | "zztestpatient" | "sample" | "dummy"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dummy_values_are_placeholders() {
        for (c, t) in [
            (Category::PhiSsn, "123-45-6789"),
            (Category::PhiSsn, "123 45 6789"),
            (Category::PhiSsn, "000-00-0000"),
            (Category::PhiSsn, "078-05-1120"),
            (Category::PhiSsn, "987-65-4321"),
            (Category::PhiMrn, "MRN 99999999"),
            (Category::PhiMrn, "MRN 000000001"),
            (Category::PhiMrn, "MRN TEST0001"),
            (Category::PhiHealthPlan, "MBI 1EG4-TE5-MK73"),
            (Category::PhiHealthPlan, "member ID ABC123456789"),
            (Category::PhiDate, "DOB 01/01/1900"),
            (Category::PhiDate, "1-Jan-1950"),
            (Category::PhiName, "Test, Patient"),
            (Category::PhiName, "Jane Q. Sample"),
        ] {
            assert!(placeholder(c, t), "{c:?} {t}");
        }
    }

    #[test]
    fn real_looking_values_are_not() {
        for (c, t) in [
            (Category::PhiSsn, "412-55-7820"),
            (Category::PhiMrn, "MRN 00482913"),
            (Category::PhiMrn, "MRN 1234"),
            (Category::PhiHealthPlan, "health card 123 456 789"),
            (Category::PhiHealthPlan, "DBN 1234567890"),
            (Category::PhiHealthPlan, "1EG4-TE5-MK72"),
            (Category::PhiHealthPlan, "member ID W188 442 907"),
            (Category::PhiDate, "DOB 03/14/1958"),
            (Category::PhiDate, "01/01/1987"),
            (Category::PhiName, "Testa"),
            (Category::PhiName, "John Doe"),
            (Category::PhiPhone, "555-0101"),
        ] {
            assert!(!placeholder(c, t), "{c:?} {t}");
        }
    }
}
