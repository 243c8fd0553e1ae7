//! Hand-written matchers for the fixed formats of [`super::identifiers`]: SSNs, phone
//! numbers, IPv4 addresses, card numbers, MBIs, room numbers, parenthesised codes, keyed
//! numbers ("MRN 00913377") and the numbers listed after them, emails, profile addresses,
//! licence plates and VINs.
//!
//! Each one returns exactly what `find_iter` of the regex quoted above it returns on the
//! lower-cased post (the tests below check that against the regex on generated text), but
//! starts only from the places where a match must lie (digit runs, `(`s, '@'s, '/'s, a
//! keyword), so a post is read once instead of once per format, and no regex is compiled
//! for them (compiling the regexes took most of a scanner's construction).
//!
//! `\b` is the ASCII word boundary and `\s` Unicode `White_Space`, as in [`super::re`].

use super::text::{boundary, is_word, skip_ws, space_at, space_before};
use super::text::{lit, run};

/// The byte length of a `[\s.-]` character at `i`.
fn sep_at(s: &str, i: usize) -> Option<usize> {
    match s.as_bytes().get(i)? {
        b'.' | b'-' => Some(1),
        _ => space_at(s, i),
    }
}

/// The end of `n` ASCII digits starting at `i`.
fn digits(b: &[u8], i: usize, n: usize) -> Option<usize> {
    let e = i + n;
    (e <= b.len() && b[i..e].iter().all(u8::is_ascii_digit)).then_some(e)
}

/// The start of the longest `\s*` + optional one of `marks` + `\s*` ending at `e`.
fn region_before(s: &str, mut e: usize, marks: &[u8]) -> usize {
    while let Some(n) = space_before(s, e) {
        e -= n;
    }
    if e > 0 && marks.contains(&s.as_bytes()[e - 1]) {
        e -= 1;
        while let Some(n) = space_before(s, e) {
            e -= n;
        }
    }
    e
}

/// Keywords looked for right before a number, with a table of their last bytes so most
/// places are turned down at a glance.
struct Words {
    list: &'static [&'static str],
    last: [bool; 256],
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        let mut last = [false; 256];
        let mut i = 0;
        while i < list.len() {
            let w = list[i].as_bytes();
            last[w[w.len() - 1] as usize] = true;
            i += 1;
        }
        Words { list, last }
    }

    /// The start of the longest word ending at `e` with a word boundary before it.
    fn before(&self, b: &[u8], e: usize) -> Option<usize> {
        if e == 0 || !self.last[b[e - 1] as usize] {
            return None;
        }
        let mut start = None;
        for w in self.list {
            let w = w.as_bytes();
            let s = e.wrapping_sub(w.len());
            if w.len() <= e && w[w.len() - 1] == b[e - 1] && b[s..e] == *w && boundary(b, s) {
                start = Some(start.map_or(s, |t: usize| t.min(s)));
            }
        }
        start
    }
}

/// `\b(?:ssn|social security(?: number| no\.?| #)?|social)?\s*[:#]?\s*\d{3}-\d{2}-\d{4}\b|\bssn\s*[:#]?\s*\d{9}\b`
///
/// The digits of a match form whole runs (a non-digit or a keyword letter comes before
/// them and `\b` after), so each match ends a run shaped `ddd-dd-dddd` or `ddddddddd`.
pub fn ssn(low: &str, runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    const KEYWORDS: Words = Words::new(&[
        "ssn",
        "social security number",
        "social security no.",
        "social security no",
        "social security #",
        "social security",
        "social",
    ]);
    const SSN: Words = Words::new(&["ssn"]);
    let b = low.as_bytes();
    let mut out = Vec::new();
    for (i, &(c, e)) in runs.iter().enumerate() {
        // `ddd-dd-dddd`, or else nine digits after "ssn".
        let dashed = matches!(
            runs.get(i + 1..i + 3),
            Some(&[(s2, e2), (s3, _)])
                if e - c == 3 && b[e] == b'-' && s2 == e + 1
                    && e2 - s2 == 2 && b[e2] == b'-' && s3 == e2 + 1
        );
        let end = if dashed {
            let (s3, e3) = runs[i + 2];
            (e3 - s3 == 4).then_some(e3)
        } else {
            (e - c == 9).then_some(e)
        };
        let Some(end) = end.filter(|&end| boundary(b, end)) else {
            continue;
        };
        // The prefix: a keyword, then spaces and at most one ':' or '#'. Every keyword ends
        // where that stretch starts ("social security #" also ends at its '#', but then
        // "social security" ends at the stretch and starts at the same place).
        let q = region_before(low, c, b":#");
        let start = if dashed {
            KEYWORDS
                .before(b, q)
                .or((q < c && boundary(b, q)).then_some(q))
                .or(boundary(b, c).then_some(c))
        } else {
            SSN.before(b, q)
        };
        if let Some(start) = start {
            out.push((start, end));
        }
    }
    out
}

/// `(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b|\b\d{10}\b`
///
/// A match starts with a digit, or a `+` or `(` right before one, so the candidates are
/// the starts of the digit runs (and the byte before), and every `1` (a country code).
pub fn phone(low: &str, runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let b = low.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    for (k, &(s, e)) in runs.iter().enumerate() {
        // A match ends a run of four digits (or ten), at most three runs on (country
        // code, area code, exchange, line).
        let ends = runs[k..]
            .iter()
            .take(4)
            .any(|&(s, e)| e - s == 4 || e - s == 10);
        if !ends {
            continue;
        }
        let before = (s > 0 && matches!(b[s - 1], b'+' | b'(')).then(|| s - 1);
        let ones = (s + 1..e).filter(|&p| b[p] == b'1');
        for p in before.into_iter().chain([s]).chain(ones) {
            if p < pos {
                continue;
            }
            if let Some(end) = phone_at(low, p) {
                out.push((p, end));
                pos = end;
            }
        }
    }
    out
}

/// The end of the leftmost-first match of the phone pattern starting at `p`.
fn phone_at(low: &str, p: usize) -> Option<usize> {
    let b = low.as_bytes();
    // `\d{3}[\s.-]\d{4}\b`
    let tail = |i: usize| {
        let i = digits(b, i, 3)?;
        let i = digits(b, i + sep_at(low, i)?, 4)?;
        boundary(b, i).then_some(i)
    };
    // `(?:\(\d{3}\)\s?|\b\d{3}[\s.-])` then the tail
    let area = |i: usize| {
        let paren = (b.get(i) == Some(&b'('))
            .then(|| digits(b, i + 1, 3))
            .flatten()
            .filter(|&j| b.get(j) == Some(&b')'))
            .and_then(|j| {
                let j = j + 1;
                space_at(low, j)
                    .and_then(|n| tail(j + n))
                    .or_else(|| tail(j))
            });
        paren.or_else(|| {
            let j = digits(b, i, 3).filter(|_| boundary(b, i))?;
            tail(j + sep_at(low, j)?)
        })
    };
    // `(?:\+?1[\s.-]?)?`: with the country code (and its separator) first.
    let code = match (b.get(p), b.get(p + 1)) {
        (Some(b'+'), Some(b'1')) => Some(p + 2),
        (Some(b'1'), _) => Some(p + 1),
        _ => None,
    };
    let with_code = code.and_then(|j| sep_at(low, j).and_then(|n| area(j + n)).or_else(|| area(j)));
    with_code.or_else(|| area(p)).or_else(|| {
        if !boundary(b, p) {
            return None;
        }
        let short = digits(b, p, 3)
            .filter(|&j| b.get(j) == Some(&b'-'))
            .and_then(|j| digits(b, j + 1, 4));
        let long = || digits(b, p, 10);
        short
            .filter(|&j| boundary(b, j))
            .or_else(|| long().filter(|&j| boundary(b, j)))
    })
}

/// `\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`: four whole runs of one to three digits
/// joined by single dots.
pub fn ipv4(b: &[u8], runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (i, &(s, _)) in runs.iter().enumerate() {
        let Some(q) = runs.get(i..i + 4) else { break };
        let e = q[3].1;
        let dotted = q
            .windows(2)
            .all(|w| w[0].1 + 1 == w[1].0 && b[w[0].1] == b'.');
        let short = q.iter().all(|&(s, e)| e - s <= 3);
        if s >= pos && dotted && short && boundary(b, s) && boundary(b, e) {
            out.push((s, e));
            pos = e;
        }
    }
    out
}

/// `\b\d(?:[ -]?\d){12,18}\b`: from the start of a run, each step takes the next digit,
/// or a space or dash and the digit after it; the longest chain of 12 to 18 steps that
/// ends at a word boundary wins, as greedy repetition backtracks.
pub fn card(b: &[u8], runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for &(s, _) in runs {
        if s < pos || !boundary(b, s) {
            continue;
        }
        let mut i = s + 1;
        let mut found = None;
        for step in 1..=18 {
            if b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            } else if matches!(b.get(i), Some(b' ' | b'-'))
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                i += 2;
            } else {
                break;
            }
            if step >= 12 && boundary(b, i) {
                found = Some(i);
            }
        }
        if let Some(e) = found {
            out.push((s, e));
            pos = e;
        }
    }
    out
}

/// `\b[1-9][a-z][a-z0-9]\d-?[a-z][a-z0-9]\d-?[a-z][a-z]\d\d\b`: a one-digit run, then a
/// fixed shape (an optional dash can only be taken, as a letter must follow it).
pub fn mbi(b: &[u8], runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for &(s, _) in runs {
        if s < pos || b[s] == b'0' || !boundary(b, s) {
            continue;
        }
        let mut i = s + 1;
        for class in *b"laD-laD-llDD" {
            let c = b.get(i).copied().unwrap_or(0);
            let ok = match class {
                b'l' => c.is_ascii_lowercase(),
                b'a' => c.is_ascii_lowercase() || c.is_ascii_digit(),
                b'D' => c.is_ascii_digit(),
                _ => {
                    i += (c == b'-') as usize;
                    continue;
                }
            };
            if !ok {
                i = 0;
                break;
            }
            i += 1;
        }
        if i > 0 && boundary(b, i) {
            out.push((s, i));
            pos = i;
        }
    }
    out
}

/// `\b(?:room|rm|bed|bay|exam room|trauma bay|trauma|stall|pod|bed space|cubicle|isolation room)\s*#?\s*\d{1,4}[a-z]?\b`
///
/// The number is a whole run of at most four digits (and maybe one letter); the keyword
/// ends where the spaces and `#` before it start. Keywords ending there share their end,
/// so the longest one starts leftmost and is the match.
pub fn room(low: &str, runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    const KEYWORDS: Words = Words::new(&[
        "room",
        "rm",
        "bed",
        "bay",
        "exam room",
        "trauma bay",
        "trauma",
        "stall",
        "pod",
        "bed space",
        "cubicle",
        "isolation room",
    ]);
    let b = low.as_bytes();
    let mut out = Vec::new();
    for &(s, e) in runs {
        if e - s > 4 {
            continue;
        }
        let end = if b.get(e).is_some_and(u8::is_ascii_lowercase) {
            e + 1
        } else {
            e
        };
        if !boundary(b, end) {
            continue;
        }
        let q = region_before(low, s, b"#");
        if let Some(start) = KEYWORDS.before(b, q) {
            out.push((start, end));
        }
    }
    out
}

/// A match of `\((?P<st>[a-z]{1,2} )?(?P<val>[a-z0-9][a-z0-9-]{3,22}[a-z0-9])\)`.
pub struct Paren {
    /// The state, space included.
    pub st: Option<(usize, usize)>,
    pub val: (usize, usize),
}

/// Every match starts at a `(`; the value runs up to the `)`, as neither it nor a space
/// is in its class, so the state is there exactly when one or two letters and a space
/// follow the `(`.
pub fn parens(low: &str) -> Vec<Paren> {
    let b = low.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = low[i..].find('(').map(|p| p + i) {
        i = p + 1;
        let letters = b[i..]
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_lowercase())
            .count();
        let st = (1..=2)
            .contains(&letters)
            .then_some(i + letters)
            .filter(|&j| b.get(j) == Some(&b' '))
            .map(|j| (i, j + 1));
        let vs = st.map_or(i, |(_, e)| e);
        let ve = vs
            + b[vs..]
                .iter()
                .take_while(|&&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
                .count();
        let alnum = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
        if (5..=24).contains(&(ve - vs))
            && alnum(b[vs])
            && alnum(b[ve - 1])
            && b.get(ve) == Some(&b')')
        {
            out.push(Paren { st, val: (vs, ve) });
            i = ve + 1;
        }
    }
    out
}

/// A keyword naming the kind of number, then the number (`KEYED` in the tests):
///
/// `\b(?P<kw>mrn|medical record(?: number| no\.?| #)?|...|uscis)\s*(?:#|no\.?|num(?:ber)?|ids?|card|member)?\s*(?:is|was|of|says|reads|shows)?\s*[:#(]?\s*(?P<val>(?:[a-z][a-z-]*)?\d[a-z0-9-]*)\b`
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyed {
    pub whole: (usize, usize),
    pub kw: (usize, usize),
    pub val: (usize, usize),
}

/// The keyword alternatives of `KEYED` spelled out, in the pattern's order (which decides
/// between "member id" and "member"); `?` stands for `[a-z]` ("bcbs tx").
const KEYWORDS: &[&str] = &[
    "mrn",
    "medical record number",
    "medical record no.",
    "medical record no",
    "medical record #",
    "medical record",
    "med record",
    "med rec",
    "chart",
    "acct",
    "account",
    "acc't",
    "billing",
    "invoice",
    "claim",
    "member id",
    "member",
    "subscriber id",
    "subscriber",
    "policy",
    "medicaid id",
    "medicare id",
    "medicaid",
    "medicare",
    "insurance id",
    "beneficiary id",
    "mbi",
    "hicn",
    "dl",
    "driver's license",
    "driver's licence",
    "drivers license",
    "drivers licence",
    "license plate",
    "license",
    "licence",
    "lic",
    "dea",
    "npi",
    "plate",
    "tag",
    "vin",
    "sn",
    "s/n",
    "serials number",
    "serials no.",
    "serials no",
    "serials",
    "serial number",
    "serial no.",
    "serial no",
    "serial",
    "lot",
    "wristband",
    "armband",
    "id band",
    "patient id",
    "pt id",
    "encounter",
    "visit",
    "fin",
    "csn",
    "accession",
    "case",
    "ticket",
    "aps case",
    "cps case",
    "report",
    "rx",
    "script",
    "referral",
    "cps referral",
    "subject",
    "participant",
    "inmate",
    "booking",
    "unos id",
    "user id",
    "portal user id",
    "username",
    "hospital number",
    "hosp",
    "har",
    "guarantor",
    "dbn",
    "tricare",
    "bcbs ??",
    "bcbs",
    "aetna",
    "humana",
    "cigna",
    "uhc",
    "medi-cal",
    "ambetter",
    "molina",
    "kaiser",
    "anthem",
    "wellcare",
    "centene",
    "id",
    "cdl",
    "ccw",
    "cert",
    "certificate",
    "airman cert",
    "permit",
    "band",
    "study id",
    "enrollment id",
    "mr#",
    "transmitter",
    "receiver",
    "sensor",
    "a-number",
    "alien number",
    "uscis number",
    "uscis",
];

/// `(?:#|no\.?|num(?:ber)?|ids?|card|member)` and `(?:is|was|of|says|reads|shows)`, each in
/// the pattern's order.
const MARKS: &[&str] = &[
    "#", "no.", "no", "number", "num", "ids", "id", "card", "member",
];
const VERBS: &[&str] = &["is", "was", "of", "says", "reads", "shows"];

/// The keywords grouped by their first two bytes (key `first * 64 + (second & 63)`; a
/// shared key only puts a few more words in a group), each group in the pattern's order.
/// Most words of a post are turned down at a glance: by their first three bytes, looked
/// up in a set of the keywords' (hashed, so a few more words pass), unless some keyword
/// of their group is only two bytes long.
pub struct KeyedMatcher {
    keywords: Vec<&'static str>,
    /// Per key: the group's start in `keywords`, its length, whether it holds a two-byte
    /// keyword.
    groups: Vec<(u8, u8, bool)>,
    threes: [u64; 64],
}

fn key(first: u8, second: u8) -> usize {
    (first - b'a') as usize * 64 + (second & 63) as usize
}

fn hash3(a: u8, b: u8, c: u8) -> usize {
    (a as usize * 961 + b as usize * 31 + c as usize) & 4095
}

impl KeyedMatcher {
    pub fn new() -> KeyedMatcher {
        let key_of = |k: &str| key(k.as_bytes()[0], k.as_bytes()[1]);
        let mut keywords = KEYWORDS.to_vec();
        // Stable: the pattern's order stays within each group.
        keywords.sort_by_key(|k| key_of(k));
        let mut groups = vec![(0, 0, false); 26 * 64];
        let mut threes = [0u64; 64];
        for (i, k) in keywords.iter().enumerate() {
            let g = &mut groups[key_of(k)];
            if g.1 == 0 {
                g.0 = i as u8;
            }
            g.1 += 1;
            match *k.as_bytes() {
                [_, _] => g.2 = true,
                [a, b, c, ..] => {
                    let h = hash3(a, b, c);
                    threes[h / 64] |= 1 << (h % 64);
                }
                _ => unreachable!("keywords have two bytes or more"),
            }
        }
        KeyedMatcher {
            keywords,
            groups,
            threes,
        }
    }

    /// What `captures_iter` of `KEYED` finds: every keyword starts with a letter after
    /// `\b`, so the candidates are the starts of words, tried in order from where the last
    /// match ended, up to the last digit run (every value holds a digit).
    pub fn find(&self, low: &str, runs: &[(usize, usize)]) -> Vec<Keyed> {
        let b = low.as_bytes();
        let mut out = Vec::new();
        let last = runs.last().map_or(0, |r| r.0);
        // Where the next search would start: the end of the last match.
        let mut pos = 0;
        let mut before = false;
        // Word starts 64 bytes at a time, from a mask of the word bytes (no branch per byte).
        for (block, chunk) in b[..last].chunks(64).enumerate() {
            let words = chunk
                .iter()
                .enumerate()
                .fold(0u64, |m, (j, &c)| m | (is_word(c) as u64) << j);
            let mut starts = words & !(words << 1 | before as u64);
            before = words >> (chunk.len() - 1) & 1 == 1;
            while starts != 0 {
                let p = block * 64 + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                if p < pos || !b[p].is_ascii_lowercase() || !self.keyword_at(b, p) {
                    continue;
                }
                if let Some(m) = self.at(low, p) {
                    pos = m.whole.1;
                    out.push(m);
                }
            }
        }
        out
    }

    /// Whether some keyword may start at `p`, a letter.
    fn keyword_at(&self, b: &[u8], p: usize) -> bool {
        let Some(&second) = b.get(p + 1) else {
            return false;
        };
        let (_, n, short) = self.groups[key(b[p], second)];
        n > 0
            && (short
                || b.get(p + 2).is_some_and(|&c| {
                    let h = hash3(b[p], second, c);
                    self.threes[h / 64] >> (h % 64) & 1 == 1
                }))
    }

    /// The match starting at `p`, trying the pattern's choices in its order. Each `\s*`
    /// takes all the white space there: what comes next never starts with white space, so
    /// taking less only leads to a state already tried.
    fn at(&self, low: &str, p: usize) -> Option<Keyed> {
        let b = low.as_bytes();
        let (g, n, _) = self.groups[key(b[p], b[p + 1])];
        for kw in &self.keywords[g as usize..(g + n) as usize] {
            let Some(k) = literal(b, p, kw) else {
                continue;
            };
            let q = skip_ws(low, k);
            for q in ends(b, q, MARKS).chain([q]) {
                let r = skip_ws(low, q);
                for r in ends(b, r, VERBS).chain([r]) {
                    let t = skip_ws(low, r);
                    let mark = matches!(b.get(t), Some(b':' | b'#' | b'('));
                    for t in mark.then_some(t + 1).into_iter().chain([t]) {
                        let v = skip_ws(low, t);
                        if let Some(e) = keyed_value(b, v) {
                            return Some(Keyed {
                                whole: (p, e),
                                kw: (p, k),
                                val: (v, e),
                            });
                        }
                    }
                }
            }
        }
        None
    }
}

/// The end of `w` at `i`, `?` matching a letter.
fn literal(b: &[u8], i: usize, w: &str) -> Option<usize> {
    let w = w.as_bytes();
    let e = i + w.len();
    let hay = b.get(i..e)?;
    let same = hay
        .iter()
        .zip(w)
        .all(|(&h, &c)| h == c || c == b'?' && h.is_ascii_lowercase());
    same.then_some(e)
}

/// The ends of the alternatives of `list` that match at `i`, in order.
fn ends<'a>(b: &'a [u8], i: usize, list: &'a [&str]) -> impl Iterator<Item = usize> + 'a {
    list.iter().filter_map(move |w| literal(b, i, w))
}

/// `(?:[a-z][a-z-]*)?\d[a-z0-9-]*\b` at `v`: the letters run on to the digit (none of
/// them is one), the rest is the longest stretch with `\b` after it.
fn keyed_value(b: &[u8], v: usize) -> Option<usize> {
    let mut i = v;
    if b.get(i).is_some_and(u8::is_ascii_lowercase) {
        while b
            .get(i)
            .is_some_and(|&c| c.is_ascii_lowercase() || c == b'-')
        {
            i += 1;
        }
    }
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let d = i;
    i += 1;
    while b
        .get(i)
        .is_some_and(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
    {
        i += 1;
    }
    (d + 1..=i).rev().find(|&e| boundary(b, e))
}

fn lower(c: u8) -> bool {
    c.is_ascii_lowercase()
}

fn lower_digit(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// `\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b`
///
/// Neither part's class holds '@', so each '@' gives one match at most: its local part is
/// the run of the class right before it, the match starting at the run's first word
/// boundary (from where the last match ended), and the domain after it decides the rest.
pub fn email(b: &[u8]) -> Vec<(usize, usize)> {
    let local = |c: u8| lower_digit(c) || b"._%+-".contains(&c);
    let mut out = Vec::new();
    let mut pos = 0;
    for a in memchr::memchr_iter(b'@', b) {
        let mut r = a;
        while r > pos && local(b[r - 1]) {
            r -= 1;
        }
        let Some(s) = (r..a).find(|&s| boundary(b, s)) else {
            continue;
        };
        if let Some(e) = email_domain(b, a + 1) {
            out.push((s, e));
            pos = e;
        }
    }
    out
}

/// `[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b` at `i`. Every label is a whole run of its
/// class (a shorter one would need a '.' next), so the repetition takes all the labels
/// joined by single dots and gives them back one at a time, last first, until the label
/// after the last one taken starts with two letters or more and a boundary (there is none
/// inside a run of letters).
fn email_domain(b: &[u8], i: usize) -> Option<usize> {
    let label = |c: u8| lower_digit(c) || c == b'-';
    let mut starts = vec![i];
    let mut e = run(b, i, label);
    if e == i {
        return None;
    }
    while b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(|&c| label(c)) {
        starts.push(e + 1);
        e = run(b, e + 1, label);
    }
    starts[1..].iter().rev().find_map(|&f| {
        let end = run(b, f, lower);
        (end - f >= 2 && boundary(b, end)).then_some(end)
    })
}

/// The sites of the profile address pattern, in its order.
const SITES: &[&str] = &[
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
    "cash.app",
    "paypal",
    "pinterest",
    "tumblr",
    "twitch",
    "bsky",
    "patreon",
    "ko-fi",
    "linktr",
    "findagrave",
];

/// The top-level domains of the profile sites.
const TLDS: &[&str] = &["com", "net", "me", "org", "app", "ee", "social"];

/// What may come before a site: `(?:https?://)?(?:www\.|m\.)?`.
const URL_PREFIXES: &[&str] = &[
    "",
    "www.",
    "m.",
    "http://",
    "http://www.",
    "http://m.",
    "https://",
    "https://www.",
    "https://m.",
];

/// `\b(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|...|findagrave)\.(?:com|net|me|org|app|ee|social)(?:/[a-z0-9._@%~-]+)+`
///
/// Every match holds a site, '.', a top-level domain and '/', and none of the prefixes or
/// sites holds ".tld/" (the prefixes' '/' follow ':' or '/'), so each such '/' gives one
/// match at most, later ones starting later. Its start is the leftmost prefix before the
/// site with a boundary (every prefix and site starts with a word byte); its end, the last
/// of the path's segments, each a whole run of the class.
pub fn url(b: &[u8]) -> Vec<(usize, usize)> {
    let path = |c: u8| lower_digit(c) || b"._@%~-".contains(&c);
    let mut out = Vec::new();
    let mut pos = 0;
    for slash in memchr::memchr_iter(b'/', b) {
        let Some(dot) = TLDS.iter().find_map(|t| {
            let d = slash.checked_sub(t.len() + 1)?;
            (b[d] == b'.' && b[d + 1..slash] == *t.as_bytes()).then_some(d)
        }) else {
            continue;
        };
        let start = SITES
            .iter()
            .filter(|site| b[..dot].ends_with(site.as_bytes()))
            .flat_map(|site| {
                let p = dot - site.len();
                URL_PREFIXES
                    .iter()
                    .filter(move |pre| b[..p].ends_with(pre.as_bytes()))
                    .map(move |pre| p - pre.len())
            })
            .filter(|&s| s >= pos && boundary(b, s))
            .min();
        let Some(s) = start else {
            continue;
        };
        let mut e = slash;
        while b.get(e) == Some(&b'/') && b.get(e + 1).is_some_and(|&c| path(c)) {
            e = run(b, e + 1, path);
        }
        if e > slash {
            out.push((s, e));
            pos = e;
        }
    }
    out
}

/// The value of `^(?:,\s*|\s*/\s*|,?\s+(?:and|&|or)\s+)(?P<val>(?:[a-z][a-z-]*)?\d[a-z0-9-]*)\b`
/// on `low[pos..]`: another number in a list ("MRN 00913377, 00913378 and 01129045").
/// The value never starts with white space, so each `\s` repetition takes all there is.
pub fn more(low: &str, pos: usize) -> Option<(usize, usize)> {
    let b = low.as_bytes();
    let value = |v: usize| keyed_value(b, v).map(|e| (v, e));
    let comma = b.get(pos) == Some(&b',');
    let after_comma = comma.then(|| value(skip_ws(low, pos + 1))).flatten();
    let slash = || {
        let q = skip_ws(low, pos);
        (b.get(q) == Some(&b'/'))
            .then(|| value(skip_ws(low, q + 1)))
            .flatten()
    };
    let conjunction = || {
        let i = pos + comma as usize;
        let j = skip_ws(low, i);
        let k = ["and", "&", "or"].iter().find_map(|w| lit(b, j, w))?;
        let v = skip_ws(low, k);
        (j > i && v > k).then(|| value(v)).flatten()
    };
    after_comma.or_else(slash).or_else(conjunction)
}

/// A match of the plate pattern: its start and its value (where it ends).
pub type Plate = (usize, (usize, usize));

/// `\b(?:licen[sc]e plate|plate|tag)s?\s*(?:#|no\.?|number)?\s*(?:is|was|reads)?\s*[:#]?\s*(?:[a-z]{2}\s+)?(?P<val>[a-z0-9]{1,4}[ -]?[a-z0-9]{1,5})\b`
///
/// Every match starts at a "plate" (or the "licen[sc]e " before one) or a "tag"; those
/// places are tried in order from where the last match ended.
pub fn plate(low: &str) -> Vec<Plate> {
    let b = low.as_bytes();
    let mut starts: Vec<usize> = memchr::memmem::find_iter(b, "tag").collect();
    for q in memchr::memmem::find_iter(b, "plate") {
        starts.push(q);
        if q >= 8 && (b[..q].ends_with(b"license ") || b[..q].ends_with(b"licence ")) {
            starts.push(q - 8);
        }
    }
    starts.sort_unstable();
    let mut out = Vec::new();
    let mut pos = 0;
    for s in starts {
        if s < pos || !boundary(b, s) {
            continue;
        }
        if let Some(val) = plate_at(low, s) {
            out.push((s, val));
            pos = val.1;
        }
    }
    out
}

/// The value of the plate pattern's match at `s`, trying its choices in its order. Each
/// `\s` repetition takes all the white space there: what may come next never starts with
/// white space, or is another repetition that reaches the same place.
fn plate_at(low: &str, s: usize) -> Option<(usize, usize)> {
    let b = low.as_bytes();
    let k = ["license plate", "licence plate", "plate", "tag"]
        .iter()
        .find_map(|w| lit(b, s, w))?;
    let plural = (b.get(k) == Some(&b's')).then_some(k + 1);
    for k in plural.into_iter().chain([k]) {
        let q = skip_ws(low, k);
        for q in ends(b, q, &["#", "no.", "no", "number"]).chain([q]) {
            let r = skip_ws(low, q);
            for r in ends(b, r, &["is", "was", "reads"]).chain([r]) {
                let t = skip_ws(low, r);
                let mark = matches!(b.get(t), Some(b':' | b'#'));
                for t in mark.then_some(t + 1).into_iter().chain([t]) {
                    let u = skip_ws(low, t);
                    // `(?:[a-z]{2}\s+)?`
                    let state = b
                        .get(u..u + 2)
                        .filter(|w| w.iter().all(|&c| lower(c)))
                        .map(|_| skip_ws(low, u + 2))
                        .filter(|&v| v > u + 2);
                    for v in state.into_iter().chain([u]) {
                        if let Some(e) = plate_value(b, v) {
                            return Some((v, e));
                        }
                    }
                }
            }
        }
    }
    None
}

/// `[a-z0-9]{1,4}[ -]?[a-z0-9]{1,5}\b` at `v`, each repetition longest first.
fn plate_value(b: &[u8], v: usize) -> Option<usize> {
    let first = (run(b, v, lower_digit) - v).min(4);
    for n in (1..=first).rev() {
        let i = v + n;
        let sep = matches!(b.get(i), Some(b' ' | b'-')).then_some(i + 1);
        for j in sep.into_iter().chain([i]) {
            let second = (run(b, j, lower_digit) - j).min(5);
            if let Some(m) = (1..=second).rev().find(|&m| boundary(b, j + m)) {
                return Some(j + m);
            }
        }
    }
    None
}

/// `\b[a-hj-npr-z0-9]{17}\b`: the class holds only word bytes, so a match is a whole
/// word of 17 of them.
pub fn vin(b: &[u8]) -> Vec<(usize, usize)> {
    let class = |c: u8| c.is_ascii_digit() || lower(c) && !matches!(c, b'i' | b'o' | b'q');
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !is_word(b[i]) {
            i += 1;
            continue;
        }
        let s = i;
        i = run(b, i, is_word);
        if i - s == 17 && b[s..i].iter().all(|&c| class(c)) {
            out.push((s, i));
        }
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::re;
    use super::super::text::digit_runs;
    use super::*;

    pub(crate) use crate::testing::Rng;

    /// Random texts from pieces that exercise every branch of the patterns.
    pub(crate) fn texts(pieces: &[&str], n: usize) -> Vec<String> {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        (0..n)
            .map(|_| {
                let k = 1 + rng.next() % 14;
                (0..k).map(|_| pieces[rng.next() % pieces.len()]).collect()
            })
            .collect()
    }

    pub(crate) const COMMON: &[&str] = &[
        "0", "1", "2", "5", "9", "12", "123", "1234", "11", "555", "0164", "-", "-", ".", " ",
        "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\u{a0}", "\u{3000}", "\u{85}", "_", "a", "x", "é",
        "#", ":", "(", ")", "+", "/", "$",
    ];

    /// Compares `f` with `find_iter` of `pattern` on texts made of [`COMMON`] and `extra`.
    pub(crate) fn same(pattern: &str, extra: &[&str], f: impl Fn(&str) -> Vec<(usize, usize)>) {
        let rx = re(pattern);
        let pieces: Vec<&str> = COMMON.iter().chain(extra).copied().collect();
        let mut hits = 0;
        for t in texts(&pieces, 60_000) {
            let want: Vec<(usize, usize)> =
                rx.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            hits += want.len();
            assert_eq!(f(&t), want, "{t:?}");
        }
        assert!(hits > 1_000, "the texts exercise the pattern");
    }

    #[test]
    fn digit_runs_are_the_runs_of_digits() {
        let mut rng = Rng(7);
        for _ in 0..20_000 {
            let n = rng.next() % 40;
            let b: Vec<u8> = (0..n)
                .map(|_| match rng.next() % 4 {
                    0 => b'0' + (rng.next() % 10) as u8,
                    1 => b"/:09\x80\xff"[rng.next() % 6],
                    _ => rng.next() as u8,
                })
                .collect();
            let mut want = Vec::new();
            for (i, c) in b.iter().enumerate() {
                let prev = i > 0 && b[i - 1].is_ascii_digit();
                match (c.is_ascii_digit(), prev) {
                    (true, false) => want.push((i, i + 1)),
                    (true, true) => want.last_mut().unwrap().1 = i + 1,
                    _ => {}
                }
            }
            assert_eq!(digit_runs(&b), want, "{b:?}");
        }
    }

    #[test]
    fn ssn_matches_its_regex() {
        same(
            r"\b(?:ssn|social security(?: number| no\.?| #)?|social)?\s*[:#]?\s*\d{3}-\d{2}-\d{4}\b|\bssn\s*[:#]?\s*\d{9}\b",
            &[
                "123-45-6789",
                "123-45-",
                "45-6789",
                "123456789",
                "ssn",
                "social",
                " security",
                "social security",
                " number",
                " no",
                ".",
                "social security #",
                "xssn",
            ],
            |t| ssn(t, &digit_runs(t.as_bytes())),
        );
    }

    #[test]
    fn phone_matches_its_regex() {
        same(
            r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b|\b\d{10}\b",
            &[
                "(217)",
                "(217) ",
                "217-",
                "217.",
                "555-0164",
                "555 0164",
                "+1",
                "+1 ",
                "1-",
                "2175550164",
                "1217",
                "555-",
            ],
            |t| phone(t, &digit_runs(t.as_bytes())),
        );
    }

    #[test]
    fn ipv4_matches_its_regex() {
        same(
            r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b",
            &["192.", "168.", "1.", "10.0.0.1", "256", "v"],
            |t| ipv4(t.as_bytes(), &digit_runs(t.as_bytes())),
        );
    }

    #[test]
    fn card_matches_its_regex() {
        same(
            r"\b\d(?:[ -]?\d){12,18}\b",
            &[
                "4111",
                "4111 ",
                "1111-",
                "41111111",
                "4111111111111111",
                "12345678",
            ],
            |t| card(t.as_bytes(), &digit_runs(t.as_bytes())),
        );
    }

    #[test]
    fn mbi_matches_its_regex() {
        same(
            r"\b[1-9][a-z][a-z0-9]\d-?[a-z][a-z0-9]\d-?[a-z][a-z]\d\d\b",
            &[
                "1eg4",
                "1eg4-",
                "tE7",
                "te7",
                "mk72",
                "-mk72",
                "6rw2-hj4-qa17",
                "q",
                "k4",
                "a1",
            ],
            |t| mbi(t.as_bytes(), &digit_runs(t.as_bytes())),
        );
    }

    #[test]
    fn room_matches_its_regex() {
        same(
            r"\b(?:room|rm|bed|bay|exam room|trauma bay|trauma|stall|pod|bed space|cubicle|isolation room)\s*#?\s*\d{1,4}[a-z]?\b",
            &[
                "room",
                "rm",
                "bed",
                "bay",
                "exam room",
                "trauma",
                " bay",
                "stall",
                "pod",
                " space",
                "cubicle",
                "isolation room",
                "bedroom",
                "b",
                "ab",
            ],
            |t| room(t, &digit_runs(t.as_bytes())),
        );
    }

    #[test]
    fn parens_match_their_regex() {
        let rx = re(r"\((?P<st>[a-z]{1,2} )?(?P<val>[a-z0-9][a-z0-9-]{3,22}[a-z0-9])\)");
        let extra = [
            "ca ",
            "abc ",
            "b2291473",
            "krt-447",
            "a b",
            "abcdefghijklmnop",
            "-x",
        ];
        let pieces: Vec<&str> = COMMON.iter().chain(&extra).copied().collect();
        for t in texts(&pieces, 60_000) {
            let want: Vec<_> = rx
                .captures_iter(&t)
                .map(|c| {
                    let st = c.name("st").map(|m| (m.start(), m.end()));
                    let v = c.name("val").unwrap();
                    (st, (v.start(), v.end()))
                })
                .collect();
            let got: Vec<_> = parens(&t).iter().map(|p| (p.st, p.val)).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    /// The pattern [`KeyedMatcher`] replaces.
    const KEYED: &str = concat!(
        r"\b(?P<kw>mrn|medical record(?: number| no\.?| #)?|med rec(?:ord)?|chart|acct|account|acc't|",
        r"billing|invoice|claim|member id|member|subscriber id|subscriber|policy|medicaid id|",
        r"medicare id|medicaid|medicare|insurance id|beneficiary id|mbi|hicn|dl|driver'?s licen[sc]e|",
        r"license plate|licen[sc]e|lic|dea|npi|plate|tag|vin|sn|s/n|serials?(?: number| no\.?)?|lot|",
        r"wristband|armband|id band|patient id|pt id|encounter|visit|fin|csn|accession|case|",
        r"ticket|aps case|cps case|report|rx|script|referral|cps referral|subject|participant|inmate|booking|",
        r"unos id|user id|portal user id|username|hospital number|hosp|har|guarantor|dbn|tricare|bcbs(?: [a-z]{2})?|",
        r"aetna|humana|cigna|uhc|medi-cal|ambetter|molina|kaiser|anthem|wellcare|centene|",
        r"id|cdl|ccw|cert|certificate|airman cert|permit|band|study id|enrollment id|",
        r"mr#|transmitter|receiver|sensor|a-number|alien number|uscis number|uscis)",
        r"\s*(?:#|no\.?|num(?:ber)?|ids?|card|member)?\s*(?:is|was|of|says|reads|shows)?\s*[:#(]?\s*",
        r"(?P<val>(?:[a-z][a-z-]*)?\d[a-z0-9-]*)\b"
    );

    #[test]
    fn keyed_matches_its_regex() {
        let rx = re(KEYED);
        let keywords: Vec<String> = KEYWORDS.iter().map(|k| k.replace('?', "x")).collect();
        let mut rest: Vec<&str> = COMMON.to_vec();
        rest.extend(MARKS);
        rest.extend(VERBS);
        rest.extend([
            "a",
            "ab-",
            "mr",
            "hospital",
            "ids",
            "lots",
            "certificate",
            "-7",
            "4a",
            "x9",
            "bcbs",
            "  ",
            " ",
            " ",
            " ",
            "\u{2003}",
            ".",
            "'",
            "s",
            "number",
            "z",
            "q-",
            "_",
        ]);
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut hits = 0;
        let matcher = KeyedMatcher::new();
        for _ in 0..150_000 {
            let k = 1 + rng.next() % 16;
            let mut t: String = (0..k)
                .map(|_| match rng.next() % 3 {
                    0 => keywords[rng.next() % keywords.len()].as_str(),
                    _ => rest[rng.next() % rest.len()],
                })
                .collect();
            // A keyword with every optional part, so the longest stretches occur.
            if rng.next() % 2 == 0 {
                t += &keywords[rng.next() % keywords.len()];
                for part in [MARKS, VERBS, &[":", "#", "("], &["ab", "x-", "-"]] {
                    t += [" ", "", "\u{a0} ", "\t"][rng.next() % 4];
                    if rng.next() % 4 != 0 {
                        t += part[rng.next() % part.len()];
                    }
                }
                t += ["1", "42", "123456", "9-", "7_"][rng.next() % 5];
            }
            let want: Vec<Keyed> = rx
                .captures_iter(&t)
                .map(|c| {
                    let span = |m: regex::Match| (m.start(), m.end());
                    Keyed {
                        whole: span(c.get(0).unwrap()),
                        kw: span(c.name("kw").unwrap()),
                        val: span(c.name("val").unwrap()),
                    }
                })
                .collect();
            hits += want.len();
            assert_eq!(matcher.find(&t, &digit_runs(t.as_bytes())), want, "{t:?}");
        }
        assert!(hits > 10_000, "the texts exercise the pattern: {hits}");
    }

    #[test]
    fn email_matches_its_regex() {
        same(
            r"\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b",
            &[
                "jo@", "@", "@mail", ".com", ".co", ".c", ".org-", "-", "j.o", "%", "+", "ab",
                "a@b", "@x.io", ".7", "A", "mail.", ".a1", "q",
            ],
            |t| email(t.as_bytes()),
        );
    }

    #[test]
    fn url_matches_its_regex() {
        same(
            concat!(
                r"\b(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|tiktok|twitter|x|linkedin|youtube|snapchat|threads|venmo|",
                r"onlyfans|gofundme|reddit|caringbridge|legacy|everloved|mealtrain|givesendgo|spotfund|cash\.app|paypal|pinterest|",
                r"tumblr|twitch|bsky|patreon|ko-fi|linktr|findagrave)\.(?:com|net|me|org|app|ee|social)(?:/[a-z0-9._@%~-]+)+",
            ),
            &[
                "fb.com/",
                "x.me/",
                "facebook",
                "fb",
                "x",
                "ko-fi",
                "cash.app",
                "cash",
                "linktr.ee/",
                ".com",
                ".com/",
                ".app/",
                ".social/",
                ".me",
                "www.",
                "m.",
                "https://",
                "http://",
                "/",
                "/jo",
                "/~a",
                "@b",
                "w",
                "box",
                "reddit.net/u",
                "findagrave.org/",
                "M",
                "%",
            ],
            |t| url(t.as_bytes()),
        );
    }

    #[test]
    fn vin_matches_its_regex() {
        same(
            r"\b[a-hj-npr-z0-9]{17}\b",
            &[
                "1hgcm82633a004352",
                "1hgcm82633a00435",
                "1hgcm826",
                "33a00435",
                "2",
                "i",
                "o",
                "q",
                "abcdefgh",
                "z",
            ],
            |t| vin(t.as_bytes()),
        );
    }

    #[test]
    fn more_matches_its_regex() {
        let rx =
            re(r"^(?:,\s*|\s*/\s*|,?\s+(?:and|&|or)\s+)(?P<val>(?:[a-z][a-z-]*)?\d[a-z0-9-]*)\b");
        let extra = [
            ",", ", ", " and ", " or ", " & ", "and", "&", "or", " / ", "/", "ab", "k-", "22k48",
            "00913378", " ", " ", "\u{2003}", "mrn",
        ];
        let pieces: Vec<&str> = COMMON.iter().chain(&extra).copied().collect();
        let mut hits = 0;
        for t in texts(&pieces, 30_000) {
            for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                let want = rx.captures(&t[pos..]).map(|c| {
                    let v = c.name("val").unwrap();
                    (pos + v.start(), pos + v.end())
                });
                hits += want.is_some() as usize;
                assert_eq!(more(&t, pos), want, "{t:?} at {pos}");
            }
        }
        assert!(hits > 1_000, "the texts exercise the pattern: {hits}");
    }

    #[test]
    fn plate_matches_its_regex() {
        let rx = re(concat!(
            r"\b(?:licen[sc]e plate|plate|tag)s?\s*(?:#|no\.?|number)?\s*(?:is|was|reads)?\s*[:#]?\s*",
            r"(?:[a-z]{2}\s+)?(?P<val>[a-z0-9]{1,4}[ -]?[a-z0-9]{1,5})\b"
        ));
        let keywords = [
            "plate",
            "license plate",
            "licence plate",
            "tag",
            "tags",
            "plates",
        ];
        let mut rest: Vec<&str> = COMMON.to_vec();
        rest.extend([
            "s", "#", "no.", "no", "number", "is", "was", "reads", ":", "tx ", "tx", "ab",
            "lpx-4417", "lpx", "4417", "12345", "a1b2c", "2b 44718", " ", " ", "\u{2003}",
            "licence ", "x-", "ta",
        ]);
        let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
        let mut hits = 0;
        for _ in 0..100_000 {
            let k = 1 + rng.next() % 12;
            let t: String = (0..k)
                .map(|_| match rng.next() % 3 {
                    0 => keywords[rng.next() % keywords.len()],
                    _ => rest[rng.next() % rest.len()],
                })
                .collect();
            let want: Vec<Plate> = rx
                .captures_iter(&t)
                .map(|c| {
                    let v = c.name("val").unwrap();
                    (c.get(0).unwrap().start(), (v.start(), v.end()))
                })
                .collect();
            hits += want.len();
            assert_eq!(plate(&t), want, "{t:?}");
        }
        assert!(hits > 5_000, "the texts exercise the pattern: {hits}");
    }
}
