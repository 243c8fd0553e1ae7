//! Rule families. Each module holds one family and implements [`Rule`]; the scanner runs
//! them in order, so a later rule (cases) can read what earlier ones found.

use std::borrow::Cow;
use std::sync::OnceLock;

#[cfg(test)]
use regex::Regex;

use crate::context::Context;
use crate::{Category, Config, Severity};

pub mod ages;
pub mod cases;
pub mod conduct;
pub mod custom;
pub mod dates;
pub mod identifiers;
pub mod locations;
pub mod names;
pub mod patients;
pub mod record;
mod record_columns;
pub mod record_places;
mod rooms;
pub(crate) mod text;
pub mod whose;
pub mod workplace;

/// A finding before offsets are converted and config filters apply.
#[derive(Debug, Clone)]
pub struct Draft {
    pub category: Category,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub message: Cow<'static, str>,
    pub suggestion: Option<Cow<'static, str>>,
    pub details: Option<Vec<String>>,
    /// Found on a weak signal: `relaxed` drops it, `strict` raises it.
    pub weak: bool,
    /// The organisation detector (its index in the scanner's) that found it.
    pub detector: Option<usize>,
    /// Shows that a record is about a patient (a name on a name line, a DOB, a keyed record
    /// number, an age): record text without one is read as a post (`Scanner::scan_record`).
    pub anchor: bool,
    /// An identifier's format whose owner its sentence does not tell (an exact age, a bare
    /// date): it is reported only in a post that holds for a patient anyway, where it is one
    /// of the "other details" (`Scanner::scan_as`). A case (cases.rs) counts it as a detail,
    /// as it counts "today"; the model's features never include it.
    pub tentative: bool,
    /// A patient detail that its own sentence ties to a patient (a name with an identifier
    /// beside it, greeted in a care post, the subject of a care event): the gate does not
    /// cap it, as it does not cap a format identifier.
    pub pinned: bool,
}

impl Draft {
    pub fn new(category: Category, severity: Severity, start: usize, end: usize) -> Draft {
        Draft {
            category,
            severity,
            start,
            end,
            message: Cow::Borrowed(category.message()),
            suggestion: None,
            details: None,
            weak: false,
            detector: None,
            anchor: false,
            tentative: false,
            pinned: false,
        }
    }

    pub fn message(mut self, m: impl Into<Cow<'static, str>>) -> Draft {
        self.message = m.into();
        self
    }

    pub fn suggest(mut self, s: &'static str) -> Draft {
        self.suggestion = Some(Cow::Borrowed(s));
        self
    }

    pub fn anchor(mut self, anchor: bool) -> Draft {
        self.anchor = anchor;
        self
    }

    pub fn tentative(mut self, tentative: bool) -> Draft {
        self.tentative = tentative;
        self
    }

    pub fn pinned(mut self) -> Draft {
        self.pinned = true;
        self
    }

    pub fn weak(mut self, weak: bool) -> Draft {
        self.weak = weak;
        self
    }
}

/// Whether `s[i..i + n]` is a whole word (no letter or digit on either side).
pub(crate) fn word_at(s: &str, i: usize, n: usize) -> bool {
    let b = s.as_bytes();
    let glued_before = i > 0 && b[i - 1].is_ascii_alphanumeric();
    let glued_after = b.get(i + n).is_some_and(u8::is_ascii_alphanumeric);
    !glued_before && !glued_after
}

/// One family of rules.
pub trait Rule: Send + Sync {
    /// Appends what the rule finds in the post. `out` holds earlier rules' findings.
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>);
}

/// The rules that do not depend on the config, compiled once per process and shared by
/// every scanner. They run first, in this order, before [`build`]'s.
pub fn shared() -> &'static [Box<dyn Rule>] {
    static SHARED: OnceLock<Vec<Box<dyn Rule>>> = OnceLock::new();
    SHARED.get_or_init(|| {
        vec![
            Box::new(identifiers::Identifiers::new()),
            Box::new(dates::Dates::new()),
            Box::new(ages::Ages::new()),
            Box::new(locations::Locations::new()),
            Box::new(names::Names::new()),
            Box::new(patients::Patients::new()),
            Box::new(workplace::Workplace::new()),
            Box::new(conduct::Conduct::new()),
            Box::new(record::Record),
        ]
    })
}

/// Builds the rules that depend on the config, in the order they run after [`shared`]'s.
pub fn build(config: &Config) -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(cases::Cases::new(config)),
        Box::new(custom::Custom::new(config)),
    ]
}

/// Compiles a reference pattern for the tests: the rules match fixed formats by hand (a
/// regex set cost most of the construction budget), and each test compares a matcher with
/// the pattern it replaced, on the lower-cased text. `\b` is an ASCII word boundary, `\d`
/// an ASCII digit and `\s` [`WHITE_SPACE`], as the matchers read them.
#[cfg(test)]
pub fn re(pattern: &str) -> Regex {
    let p = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace(r"\s", WHITE_SPACE);
    Regex::new(&p).unwrap_or_else(|e| panic!("bad rule pattern {pattern}: {e}"))
}

/// Literals at least one of which every match of some rule holds. When the post has none,
/// the rule cannot match and its pass over the post is skipped: a substring search per
/// literal (vectorised in `str::contains`) is cheap.
pub struct Needles(&'static [&'static str]);

impl Needles {
    pub const fn new(literals: &'static [&'static str]) -> Needles {
        Needles(literals)
    }

    /// Whether `hay` holds any of the literals.
    pub fn any(&self, hay: &str) -> bool {
        self.0.iter().any(|l| hay.contains(l))
    }
}

/// Unicode `White_Space`, exactly what `\s` matches in Unicode mode (checked against
/// `regex`'s own `\s` over every code point). A nested class, so it also works inside `[...]`.
#[cfg(test)]
pub const WHITE_SPACE: &str = r"[\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]";

/// One-word US state names (two-word ones like "New York" start with a word that is not a
/// place on its own). Shared by the rules that tell state-level geography from a location.
pub(crate) const STATE_NAMES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "wisconsin",
    "wyoming",
];
