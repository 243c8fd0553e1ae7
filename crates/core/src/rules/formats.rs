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

use super::text::{boundary, is_word, skip_ws, space_before};
use super::text::{lit, run};

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

fn lower(c: u8) -> bool {
    c.is_ascii_lowercase()
}

fn lower_digit(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
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
