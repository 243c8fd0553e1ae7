//! Finding fixed formats: text to spans. Every identifier format is one row of
//! [`table::FORMATS`] (a pattern, where its matches can start, a check, and the examples
//! it must and must not match); the rules in `crate::rules` judge what a match means in
//! its context (category, severity, whose it is).
//!
//! The engine is `regex-automata`, the one the `regex` crate already ships for organisation
//! detectors, in ASCII mode on the lower-cased post: each row's lazy DFA finds where a match
//! ends, and its bounded backtracker reads the named groups only on a match (chosen over a
//! serialized dense DFA: building the whole table took about 2.2 ms with 45 rows, inside the
//! 5 ms budget, and a lazy DFA adds no tables to the `.wasm`). Patterns are compiled once per
//! process, each engine the first time a post gives one of its rows a place to start
//! ([`Matchers::engine`]; compiling the whole table when the first scanner was built took
//! about two thirds of that construction with 80 rows, 4 of 5.4 ms: the Unicode white space
//! each `\s` stands for is parsed once and spliced in, see [`widen`]). Speed comes from *where*
//! a pattern is tried: each row names the places its matches can start ([`Near`]: digit
//! runs, a few needles, keyword first letters), and the pattern is tried anchored there
//! only, so most of a post is never read by most rows. The [`Near::Digits`] rows are one
//! NFA of several patterns (each row searched anchored at its own pattern), and one more
//! lazy DFA of it reports every pattern's matches at once (`MatchKind::All`): walked once
//! at each place a digit row can start, it tells which rows can match there, and only
//! those are tried ([`Hay::digit_places`]).

pub mod table;

use std::sync::OnceLock;

use std::cell::RefCell;

use regex_automata::hybrid::dfa::{Cache as DfaCache, DFA};
use regex_automata::nfa::thompson::backtrack::{BoundedBacktracker, Cache as BtCache};
use regex_automata::nfa::thompson::pikevm::{Cache as VmCache, PikeVM};
use regex_automata::nfa::thompson::{self, NFA};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, PatternID};
use regex_syntax::hir::{self, Hir, HirKind};

use crate::words::WordSet;
use crate::Category;

/// Where a row's matches can start; the pattern is tried only there, anchored.
#[derive(Clone, Copy)]
pub enum Near {
    /// At each run of ASCII digits, the `+` or `(` right before one, or up to three
    /// letters glued before it.
    Digits,
    /// At each occurrence of one of these substrings (of the lower-cased post).
    Needles(&'static [&'static str]),
    /// At the start of each word whose first two letters are a keyword's.
    Words(&'static [&'static str]),
    /// At the start of the local part (`[a-z0-9._%+-]`, then spaces) before each
    /// occurrence of one of these substrings: an email's "@" or "(at)".
    LocalPart(&'static [&'static str]),
    /// At the start of each word whose first two letters are one of `words`' (as
    /// [`Near::Words`]; `ANY_WORD` for every word) at most `within` bytes before an
    /// occurrence of one of `needles` that every match holds: a profile address's ".com/",
    /// a street's suffix. A needle starting (ending) with a letter or digit counts only at
    /// the start (end) of a word ("st" in "410 elm st.", not in "staff" or "first").
    Before {
        words: &'static [&'static str],
        needles: &'static [&'static str],
        within: usize,
    },
    /// At the start of each whole stretch of bytes that pass `of` and hold `needle`: an
    /// IPv6 address's hex digits and colons.
    Stretch { needle: u8, of: fn(u8) -> bool },
    /// At the start of each word of exactly this many letters and digits: a VIN.
    Long(usize),
    /// At the start of each digit run of `min` to `max` digits followed by one of `next`
    /// (by anything when `next` is empty): an IPv4 address's first octet and its dot.
    Runs {
        min: usize,
        max: usize,
        next: &'static [u8],
    },
}

/// The farthest a [`Near::Words`] row's digits may lie from its start (`digit_within`).
const NEAR_MAX: usize = 64;

/// Every letter and digit, for a [`Near::Words`] or [`Near::Before`] row whose matches
/// can start at any word.
pub const ANY_WORD: &[&str] = &[
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
];

/// One identifier format, written once.
pub struct Format {
    /// `family.form`, e.g. `phone.intl`; rules ask for their rows by family.
    pub id: &'static str,
    /// The category a match is reported under unless its rule decides otherwise.
    pub category: Category,
    /// `regex` syntax, matched on the lower-cased post in ASCII mode (`\b`, `\d`, `\s` are
    /// ASCII). Named groups `kw` (the keyword), `mark` ("#", "no."), `val` (the value),
    /// `month`, `day`, `year` and `sex` are handed to the rule.
    pub pattern: &'static str,
    /// Keywords the pattern names as `{keys}` (an alternation of them, in order, so a
    /// longer keyword comes before a shorter one it starts with), each with what it names.
    pub keys: &'static [Key],
    pub near: Near,
    /// For a row found from words or needles: the digits its matches hold start within
    /// this many bytes of the match's start (0: the row needs no digit). Places with no
    /// digit run that near are not tried.
    pub digit_within: usize,
    /// A check the matched text (lower-cased) must pass: a checksum, digit counts.
    pub valid: fn(&str) -> bool,
    /// Texts with one match each, marked `«like this»` (read by the table's test; not
    /// compiled into the product).
    #[cfg(test)]
    pub positives: &'static [&'static str],
    /// Texts where the row must find nothing valid.
    #[cfg(test)]
    pub negatives: &'static [&'static str],
}

/// A keyword that names the kind of number after it ("MRN", "serial no.").
pub struct Key {
    /// The keyword, lower-case; `?` stands for any letter ("bcbs ??" for "bcbs tx").
    pub word: &'static str,
    pub category: Category,
    /// The least number of digits in the value.
    pub min_digits: usize,
    pub needs: Needs,
}

/// What else a keyed number needs before it is reported.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Needs {
    Nothing,
    /// A mark between keyword and value ("#", "no.", "number"): "case #4471", not "case 2".
    Mark,
    /// A letter in a value of at least five characters ("sensor G7X2K").
    Letter,
}

impl Key {
    /// Whether this key's word is the keyword `kw` (as matched, lower-case).
    pub fn is(&self, kw: &str) -> bool {
        self.word.len() == kw.len()
            && self
                .word
                .bytes()
                .zip(kw.bytes())
                .all(|(w, k)| w == k || (w == b'?' && k.is_ascii_lowercase()))
    }

    /// The keyword as a regex: `?` a letter, punctuation escaped.
    fn pattern(&self) -> String {
        let mut p = String::new();
        for c in self.word.chars() {
            match c {
                '?' => p.push_str("[a-z]"),
                c if c.is_ascii_alphanumeric() || c == ' ' || c == '\'' => p.push(c),
                c => {
                    p.push('\\');
                    p.push(c);
                }
            }
        }
        p
    }
}

/// A match of one row, in byte offsets of the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub kw: Option<(usize, usize)>,
    pub mark: Option<(usize, usize)>,
    pub val: Option<(usize, usize)>,
    pub month: Option<(usize, usize)>,
    pub day: Option<(usize, usize)>,
    pub year: Option<(usize, usize)>,
    pub sex: Option<(usize, usize)>,
}

/// Accepts every match.
pub fn any(_: &str) -> bool {
    true
}

/// One compiled NFA and what runs on it: a row's own, or the [`Near::Digits`] rows' one
/// NFA of several patterns (each row one pattern of it, searched anchored at its pattern).
struct Engine {
    /// Where a match ends, from an anchored start (leftmost-first).
    dfa: DFA,
    /// The groups of a match when the backtracker cannot take its span.
    vm: PikeVM,
    /// The groups of a match, read over its short span.
    bt: BoundedBacktracker,
    /// Whether the NFA holds several patterns (searched with `Anchored::Pattern`).
    multi: bool,
    /// The index of each of [`GROUPS`] in each pattern (none of them: the pattern is
    /// searched without captures).
    groups: Vec<Option<[Option<usize>; 7]>>,
    /// Over the [`Near::Digits`] rows' NFA, every pattern's matches at once
    /// (`MatchKind::All`): which of those rows can match at a place, found in one walk
    /// per place instead of one try per row ([`Hay::digit_places`]).
    all: Option<DFA>,
}

/// The named groups handed to the rules, in [`Match`]'s order.
const GROUPS: [&str; 7] = ["kw", "mark", "val", "month", "day", "year", "sex"];

/// How a row runs: its engine and its pattern there.
struct Row {
    engine: usize,
    pid: PatternID,
}

/// The table, each engine compiled the first time a post gives one of its rows a place
/// to start ([`Matchers::engine`]): building a scanner parses no pattern, and a post
/// without digits, "@" or keywords never pays for the rows that need them.
pub struct Matchers {
    formats: &'static [Format],
    /// Each engine's rows (several for the digit rows' one NFA), compiled on first use.
    engines: Vec<(Vec<usize>, OnceLock<Engine>)>,
    rows: Vec<Row>,
    /// For [`Near::Words`] rows, the first two bytes of their keywords, as a bitmap.
    firsts: Vec<Pairs>,
    /// For [`Near::Before`] rows whose needles are words, the needles' first two bytes,
    /// and the needles as a set (looked up at each word that passes the pairs).
    needle_firsts: Vec<Option<(Pairs, WordSet)>>,
    /// Rows whose `firsts` hold every pair a word can start with ([`ANY_WORD`]): their
    /// places are every word's (or every word's a digit run follows closely), read in text
    /// order without grouping them by pair.
    every_word: Vec<bool>,
}

/// A set of byte pairs (folded to 5 bits each: a few more words pass, none is missed).
#[derive(Default)]
struct Pairs([u64; 16]);

impl Pairs {
    fn bit(a: u8, b: u8) -> usize {
        ((a as usize & 31) << 5) | (b as usize & 31)
    }
    fn of(words: &[&str]) -> Pairs {
        let mut p = Pairs::default();
        for w in words {
            let w = w.as_bytes();
            match w.get(1) {
                Some(&b) => p.set(Pairs::bit(w[0], b)),
                None => (0..32u8).for_each(|b| p.set(Pairs::bit(w[0], b))),
            }
        }
        p
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn has(&self, a: u8, b: u8) -> bool {
        let i = Pairs::bit(a, b);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    /// The pair a place of `b` starts with (its byte and the next, 0 past the end).
    fn at(b: &[u8], p: usize) -> usize {
        Pairs::bit(b[p], b.get(p + 1).copied().unwrap_or(0))
    }
}

/// How many pairs [`Pairs`] tells apart.
const PAIRS: usize = 16 * 64;

/// Places of a post grouped by the pair of bytes they start at ([`Pairs::at`]), so a
/// [`Near::Words`] row reads only the places its keywords' first two letters can start
/// at: twenty-odd rows each testing every word of a post cost more than the tries.
#[derive(Default)]
struct ByPair<T> {
    /// The pairs that start a place.
    present: Pairs,
    /// Pair k's places are `items[at[k]..at[k + 1]]`, in text order.
    at: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy> ByPair<T> {
    /// Groups `places` (in text order, each with where it starts in `b`) by a counting sort.
    fn new(b: &[u8], places: &[T], start: impl Fn(&T) -> usize) -> ByPair<T> {
        let mut present = Pairs::default();
        let mut at = vec![0u32; PAIRS + 1];
        for t in places {
            let k = Pairs::at(b, start(t));
            at[k + 1] += 1;
            present.set(k);
        }
        for k in 0..PAIRS {
            at[k + 1] += at[k];
        }
        let mut next = at.clone();
        let mut items = places.to_vec();
        for t in places {
            let k = Pairs::at(b, start(t));
            items[next[k] as usize] = *t;
            next[k] += 1;
        }
        ByPair { present, at, items }
    }

    /// The places that start at one of `wanted`'s pairs, pair by pair (not in text order).
    fn each(&self, wanted: &Pairs, mut f: impl FnMut(T)) {
        for (i, (&w, &p)) in wanted.0.iter().zip(&self.present.0).enumerate() {
            let mut m = w & p;
            while m != 0 {
                let k = i * 64 + m.trailing_zeros() as usize;
                m &= m - 1;
                let (s, e) = (self.at[k] as usize, self.at[k + 1] as usize);
                self.items[s..e].iter().for_each(|&t| f(t));
            }
        }
    }
}

/// A quick hash of a row's id for [`INDEX`]: its length and three of its bytes.
const fn idhash(s: &[u8]) -> usize {
    let n = s.len();
    if n == 0 {
        return 0;
    }
    n * 31 + s[0] as usize * 7 + s[n / 2] as usize * 13 + s[n - 1] as usize * 3
}

const SLOTS: usize = 256;

/// The rows by their ids' hashes (open addressing, `u8::MAX` empty), built at compile time.
const INDEX: [u8; SLOTS] = {
    let rows = table::FORMATS;
    assert!(rows.len() < SLOTS / 2, "the index needs room");
    let mut t = [u8::MAX; SLOTS];
    let mut r = 0;
    while r < rows.len() {
        let mut k = idhash(rows[r].id.as_bytes()) % SLOTS;
        while t[k] != u8::MAX {
            k = (k + 1) % SLOTS;
        }
        t[k] = r as u8;
        r += 1;
    }
    t
};

/// Unicode `White_Space` beyond ASCII, as UTF-8 bytes: NEL, no-break space (which
/// contenteditable editors write for a second space), ogham, the en quad to hair space,
/// line and paragraph separators, narrow no-break, medium mathematical and ideographic.
const WIDE_SPACE: &str =
    r"\xC2[\x85\xA0]|\xE1\x9A\x80|\xE2\x80[\x80-\x8A\xA8\xA9\xAF]|\xE2\x81\x9F|\xE3\x80\x80";

/// The pattern with every `\s`, and every class holding `\s`, in a group named `_w<n>`
/// that [`widen`] turns into `(?:\s|WIDE)` (`(?:[...]|WIDE)`): Unicode white space too
/// (the rows run in ASCII mode on bytes), as the hand-written matchers the rows replaced
/// read `\s`. [`WIDE_SPACE`] is parsed once per table instead of at each of the table's
/// hundred `\s` (two thirds of the text parsed, most of a first construction). A negated
/// class holding `\s` is refused.
fn unicode_spaces(p: &str) -> Result<String, String> {
    let b = p.as_bytes();
    let mut out = String::with_capacity(p.len() * 2);
    let mut n = 0;
    let mut mark = |out: &mut String, what: &str| {
        n += 1;
        out.push_str(&format!("(?P<_w{n}>{what})"));
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                let e = (i + 2).min(b.len());
                if &b[i..e] == b"\\s" {
                    mark(&mut out, "\\s");
                } else {
                    out.push_str(&p[i..e]);
                }
                i = e;
            }
            b'[' => {
                // The class runs to the first `]` not escaped and not first in it.
                let mut j = i + 1;
                if b.get(j) == Some(&b'^') {
                    j += 1;
                }
                if b.get(j) == Some(&b']') {
                    j += 1;
                }
                while j < b.len() && b[j] != b']' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let class = &p[i..(j + 1).min(p.len())];
                if class.contains("\\s") {
                    if class.starts_with("[^") {
                        return Err(format!("a negated class with \\s: {class}"));
                    }
                    mark(&mut out, class);
                } else {
                    out.push_str(class);
                }
                i = j + 1;
            }
            _ => {
                let c = p[i..].chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    Ok(out)
}

/// `h` with each `_w<n>` group of [`unicode_spaces`] replaced by its class or [`WIDE_SPACE`]
/// (`wide`, parsed once), and the other groups numbered again from `next` on, in order.
/// The same expression the translator gives for `(?:\s|WIDE)` written out in the pattern.
fn widen(h: Hir, wide: &Hir, next: &mut u32) -> Hir {
    if h.properties().explicit_captures_len() == 0 {
        return h;
    }
    match h.into_kind() {
        HirKind::Capture(c) if c.name.as_deref().is_some_and(|n| n.starts_with("_w")) => {
            Hir::alternation(vec![*c.sub, wide.clone()])
        }
        HirKind::Capture(c) => {
            let index = *next;
            *next += 1;
            Hir::capture(hir::Capture {
                index,
                name: c.name,
                sub: Box::new(widen(*c.sub, wide, next)),
            })
        }
        HirKind::Concat(v) => Hir::concat(v.into_iter().map(|h| widen(h, wide, next)).collect()),
        HirKind::Alternation(v) => {
            Hir::alternation(v.into_iter().map(|h| widen(h, wide, next)).collect())
        }
        HirKind::Repetition(r) => Hir::repetition(hir::Repetition {
            sub: Box::new(widen(*r.sub, wide, next)),
            ..r
        }),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) => Hir::literal(l.0),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Look(l) => Hir::look(l),
    }
}

/// The table, once per process; each engine is compiled on first use (and a bad pattern,
/// which `every_format_matches_its_examples` would catch first, panics there).
pub fn matchers() -> &'static Matchers {
    static M: OnceLock<Matchers> = OnceLock::new();
    M.get_or_init(|| Matchers::lazy(table::FORMATS).unwrap_or_else(|e| panic!("{e}")))
}

impl Matchers {
    /// Compiles every row, or names the row whose pattern does not compile.
    #[cfg(test)]
    pub fn build(rows: &'static [Format]) -> Result<Matchers, String> {
        let m = Matchers::lazy(rows)?;
        for (i, (_, e)) in m.engines.iter().enumerate() {
            let compiled = m.compile(i)?;
            let _ = e.set(compiled);
        }
        Ok(m)
    }

    /// The table with no pattern compiled yet: the rows' engines and where they start.
    fn lazy(rows: &'static [Format]) -> Result<Matchers, String> {
        let mut engines: Vec<(Vec<usize>, OnceLock<Engine>)> = Vec::with_capacity(rows.len());
        let mut row_of: Vec<Row> = Vec::with_capacity(rows.len());
        let mut digit_rows: Vec<usize> = Vec::new();
        let mut firsts = Vec::with_capacity(rows.len());
        let mut needle_firsts = Vec::with_capacity(rows.len());
        let mut every_word = Vec::with_capacity(rows.len());
        for (i, f) in rows.iter().enumerate() {
            if matches!(f.near, Near::Words(_)) && f.digit_within > NEAR_MAX {
                return Err(format!("format {}: digit_within above {NEAR_MAX}", f.id));
            }
            needle_firsts.push(match f.near {
                Near::Before { needles, .. }
                    if needles
                        .iter()
                        .all(|n| n.bytes().all(|c| c.is_ascii_alphanumeric())) =>
                {
                    Some((Pairs::of(needles), needles.iter().copied().collect()))
                }
                _ => None,
            });
            let pairs = match f.near {
                Near::Words(w) | Near::Before { words: w, .. } => Pairs::of(w),
                _ => Pairs::default(),
            };
            // A word starts with an ASCII letter or digit ([`word_starts`]).
            every_word.push(
                (0..=255u8)
                    .filter(u8::is_ascii_alphanumeric)
                    .all(|a| (0..32u8).all(|b| pairs.has(a, b))),
            );
            firsts.push(pairs);
            if matches!(f.near, Near::Digits) {
                if digit_rows.len() == 64 {
                    return Err(format!("format {}: more than 64 digit rows", f.id));
                }
                row_of.push(Row {
                    engine: usize::MAX,
                    pid: PatternID::must(digit_rows.len()),
                });
                digit_rows.push(i);
                continue;
            }
            row_of.push(Row {
                engine: engines.len(),
                pid: PatternID::ZERO,
            });
            engines.push((vec![i], OnceLock::new()));
        }
        if !digit_rows.is_empty() {
            for &r in &digit_rows {
                row_of[r].engine = engines.len();
            }
            engines.push((digit_rows, OnceLock::new()));
        }
        Ok(Matchers {
            formats: rows,
            engines,
            rows: row_of,
            firsts,
            needle_firsts,
            every_word,
        })
    }

    /// Engine `i`, compiled on its first use.
    #[inline]
    fn engine(&self, i: usize) -> &Engine {
        self.engines[i]
            .1
            .get_or_init(|| self.compile(i).unwrap_or_else(|e| panic!("{e}")))
    }

    /// Compiles engine `i`: one row's pattern, or the digit rows' patterns together.
    fn compile(&self, i: usize) -> Result<Engine, String> {
        let rows = &self.engines[i].0;
        let ascii = syntax::Config::new().unicode(false).utf8(false);
        static WIDE: OnceLock<Result<Hir, String>> = OnceLock::new();
        let wide = WIDE
            .get_or_init(|| syntax::parse_with(WIDE_SPACE, &ascii).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(Clone::clone)?;
        let mut hirs: Vec<Hir> = Vec::with_capacity(rows.len());
        for &r in rows {
            let f = &self.formats[r];
            let keys: Vec<String> = f.keys.iter().map(Key::pattern).collect();
            let pattern = unicode_spaces(&f.pattern.replace("{keys}", &keys.join("|")))
                .map_err(|e| format!("format {}: {e}", f.id))?;
            let hir = syntax::parse_with(&pattern, &ascii)
                .map_err(|e| format!("format {}: bad pattern: {e}", f.id))?;
            hirs.push(widen(hir, wide, &mut 1));
        }
        let multi = matches!(self.formats[rows[0]].near, Near::Digits);
        let bad = |e: &dyn std::fmt::Display| {
            if multi {
                format!("the digit formats: bad pattern: {e}")
            } else {
                format!("format {}: bad pattern: {e}", self.formats[rows[0]].id)
            }
        };
        let nfa: NFA = thompson::Compiler::new()
            .configure(thompson::Config::new().utf8(false))
            .build_many_from_hir(&hirs)
            .map_err(|e| bad(&e))?;
        let all = if multi {
            Some(
                DFA::builder()
                    .configure(
                        DFA::config()
                            .match_kind(MatchKind::All)
                            .skip_cache_capacity_check(true),
                    )
                    .build_from_nfa(nfa.clone())
                    .map_err(|e| bad(&e))?,
            )
        } else {
            None
        };
        Engine::new(nfa, multi, all).map_err(|e| bad(&e))
    }

    /// The row of `id`; panics on an unknown id (a typo in a rule, caught by every test).
    /// One hash and one comparison ([`INDEX`]): the rules ask for rows on every scan.
    #[inline]
    pub fn row(id: &str) -> usize {
        let mut k = idhash(id.as_bytes()) % SLOTS;
        loop {
            let r = INDEX[k];
            if r == u8::MAX {
                panic!("no format {id}");
            }
            if table::FORMATS[r as usize].id == id {
                return r as usize;
            }
            k = (k + 1) % SLOTS;
        }
    }

    /// The category of row `id`.
    pub fn category(id: &str) -> Category {
        table::FORMATS[Matchers::row(id)].category
    }

    /// The key of keyed row `id` whose word is `kw`.
    pub fn key(id: &str, kw: &str) -> Option<&'static Key> {
        table::FORMATS[Matchers::row(id)]
            .keys
            .iter()
            .find(|k| k.is(kw))
    }

    /// The match of row `row` that starts at `pos` exactly, if any (valid or not).
    pub fn at(&self, row: usize, hay: &Hay, pos: usize) -> Option<Match> {
        self.with_caches(|c| self.at_with(c, row, hay.low.as_bytes(), pos))
    }

    /// This thread's search caches for these matchers (each engine's made on its first use).
    fn with_caches<T>(&self, f: impl FnOnce(&mut Caches) -> T) -> T {
        thread_local! {
            static CACHES: RefCell<Caches> = const {
                RefCell::new(Caches { engines: Vec::new() })
            };
        }
        CACHES.with(|c| {
            let mut c = c.borrow_mut();
            if c.engines.len() != self.engines.len() {
                c.engines = (0..self.engines.len()).map(|_| None).collect();
            }
            f(&mut c)
        })
    }

    fn at_with(&self, c: &mut Caches, row: usize, b: &[u8], pos: usize) -> Option<Match> {
        let r = &self.rows[row];
        let e = self.engine(r.engine);
        let anchored = if e.multi {
            Anchored::Pattern(r.pid)
        } else {
            Anchored::Yes
        };
        let input = Input::new(b).range(pos..).anchored(anchored);
        let (dc, vc, bc, caps, _) = c.engines[r.engine].get_or_insert_with(|| e.caches());
        // The lazy DFA finds where the match ends; it gives up only when its cache
        // keeps filling, and then the PikeVM answers.
        let end = match end_at(&e.dfa, dc, b, pos, anchored) {
            Ok(end) => end,
            Err(()) => e.vm.find(vc, input.clone()).map(|m| m.end()),
        }?;
        let Some(groups) = &e.groups[r.pid.as_usize()] else {
            return Some(Match {
                start: pos,
                end,
                kw: None,
                mark: None,
                val: None,
                month: None,
                day: None,
                year: None,
                sex: None,
            });
        };
        // The groups, read only where a match is, by the backtracker (quick on a short
        // span; the PikeVM if the span is too long for it), into this engine's one buffer.
        let span = input.range(pos..end);
        if e.bt.try_search(bc, &span, caps).is_err() {
            e.vm.search(vc, &span, caps);
        }
        let m = caps.get_match()?;
        let g = |k: usize| {
            groups[k]
                .and_then(|i| caps.get_group(i))
                .map(|s| (s.start, s.end))
        };
        Some(Match {
            start: m.start(),
            end: m.end(),
            kw: g(0),
            mark: g(1),
            val: g(2),
            month: g(3),
            day: g(4),
            year: g(5),
            sex: g(6),
        })
    }

    /// Which [`Near::Digits`] rows (bit `i`: the row of pattern `i` of their NFA) have a
    /// match that starts at `pos`: one walk of the all-patterns DFA until it dies. Every
    /// row when it gives up.
    fn possible(&self, c: &mut Caches, engine: usize, b: &[u8], pos: usize) -> u64 {
        let e = self.engine(engine);
        let (_, _, _, _, all_cache) = c.engines[engine].get_or_insert_with(|| e.caches());
        let (Some(all), Some(cache)) = (&e.all, all_cache.as_mut()) else {
            return u64::MAX;
        };
        let start = regex_automata::util::start::Config::new()
            .anchored(Anchored::Yes)
            .look_behind(pos.checked_sub(1).map(|i| b[i]));
        let Ok(mut sid) = all.start_state(cache, &start) else {
            return u64::MAX;
        };
        let mut mask = 0u64;
        let collect = |cache: &DfaCache, sid, mask: &mut u64| {
            for i in 0..all.match_len(cache, sid) {
                *mask |= 1 << all.match_pattern(cache, sid, i).as_usize();
            }
        };
        cache.search_start(pos);
        for (at, &ch) in b.iter().enumerate().skip(pos) {
            let Ok(next) = all.next_state(cache, sid, ch) else {
                return u64::MAX;
            };
            sid = next;
            if sid.is_tagged() {
                if sid.is_match() {
                    collect(cache, sid, &mut mask);
                } else if sid.is_dead() {
                    cache.search_finish(at);
                    return mask;
                } else if sid.is_quit() {
                    return u64::MAX;
                }
            }
        }
        let Ok(next) = all.next_eoi_state(cache, sid) else {
            return u64::MAX;
        };
        if next.is_match() {
            collect(cache, next, &mut mask);
        }
        cache.search_finish(b.len());
        mask
    }

    /// The valid matches of row `row` in `hay`, leftmost first, not overlapping.
    pub fn find(&self, row: usize, hay: &Hay) -> Vec<Match> {
        self.find_in(&table::FORMATS[row], row, hay)
    }

    fn find_in(&self, f: &Format, row: usize, hay: &Hay) -> Vec<Match> {
        let mut out = Vec::new();
        let b = hay.low.as_bytes();
        let r = &self.rows[row];
        let digits = matches!(f.near, Near::Digits);
        // A digit row is tried only where the all-patterns walk saw it match.
        let bit = 1u64 << r.pid.as_usize();
        let places: &[(usize, u64)] = if digits {
            hay.digit_places(self, r.engine)
        } else {
            &[]
        };
        let starts = if digits {
            Vec::new()
        } else {
            hay.starts(
                f,
                &self.firsts[row],
                self.every_word[row],
                self.needle_firsts[row].as_ref(),
            )
        };
        let tries = places
            .iter()
            .filter(|&&(_, m)| m & bit != 0)
            .map(|&(p, _)| p)
            .chain(starts);
        self.with_caches(|c| {
            let mut last = 0;
            for p in tries {
                if p < last {
                    continue;
                }
                let Some(m) = self.at_with(c, row, b, p) else {
                    continue;
                };
                if !hay.low.is_char_boundary(m.end) {
                    continue;
                }
                if (f.valid)(&hay.low[m.start..m.end]) && (f.keys.is_empty() || keyed(f, &m, b)) {
                    last = m.end.max(m.start + 1);
                    out.push(m);
                }
            }
        });
        out
    }
}

/// Where the longest-preferred (leftmost-first) match of `dfa` anchored at `pos` ends: the
/// lazy DFA walked byte by byte, as `try_search_fwd` does, without its setup (most tries
/// end within a few bytes, where the setup cost more than the walk). `Err` when the DFA
/// gives up (its cache keeps filling).
#[inline]
fn end_at(
    dfa: &DFA,
    cache: &mut DfaCache,
    b: &[u8],
    pos: usize,
    anchored: Anchored,
) -> Result<Option<usize>, ()> {
    let start = regex_automata::util::start::Config::new()
        .anchored(anchored)
        .look_behind(pos.checked_sub(1).map(|i| b[i]));
    let mut sid = dfa.start_state(cache, &start).map_err(drop)?;
    let mut end = None;
    cache.search_start(pos);
    for (at, &c) in b.iter().enumerate().skip(pos) {
        sid = dfa.next_state(cache, sid, c).map_err(drop)?;
        if sid.is_tagged() {
            // A match state is entered one byte after the match ends.
            if sid.is_match() {
                end = Some(at);
            } else if sid.is_dead() {
                cache.search_finish(at);
                return Ok(end);
            } else if sid.is_quit() {
                return Err(());
            }
        }
    }
    sid = dfa.next_eoi_state(cache, sid).map_err(drop)?;
    if sid.is_match() {
        end = Some(b.len());
    }
    cache.search_finish(b.len());
    Ok(end)
}

/// Whether a keyed match names its number: the value is not letters glued onto the
/// keyword ("chartered2025", "report nov2025" are words), has the key's digits, and the
/// mark the key needs ("case #4471", not "case 2").
fn keyed(f: &Format, m: &Match, b: &[u8]) -> bool {
    let (Some((ks, ke)), Some((vs, ve))) = (m.kw, m.val) else {
        return false;
    };
    let val = &b[vs..ve];
    if vs > 0 && b[vs - 1].is_ascii_alphanumeric() && !val[0].is_ascii_digit() {
        return false;
    }
    let kw = std::str::from_utf8(&b[ks..ke]).unwrap_or("");
    let Some(key) = f.keys.iter().find(|k| k.is(kw)) else {
        return false;
    };
    // "guarantor acct 5530219": a value's letter prefix that is itself a keyword starts
    // the next keyed number, not this one's value.
    if let Some(sp) = val.iter().position(|&c| c == b' ') {
        let first = std::str::from_utf8(&val[..sp]).unwrap_or("");
        if !first.bytes().any(|c| c.is_ascii_digit()) && f.keys.iter().any(|k| k.is(first)) {
            return false;
        }
    }
    let marked = m.mark.is_some()
        || b[m.start..m.end].contains(&b'#')
        || kw.ends_with("no")
        || kw.ends_with("no.")
        || kw.ends_with("number");
    let digits = val.iter().filter(|c| c.is_ascii_digit()).count();
    digits >= key.min_digits
        && match key.needs {
            Needs::Nothing => true,
            Needs::Mark => marked || coded(val),
            Needs::Letter => val.iter().any(u8::is_ascii_alphabetic) && val.len() >= 5,
        }
}

/// Whether a value reads as an identifier by its shape, which a mark would otherwise have
/// to say ("case 24-0412", "run 2291-B", "case S24-22871", not "case 2", "run 10-15km",
/// "report 2024-25", "case 2024-03-12"): four digits or more in one word, led by letters
/// ("INC0443217") or in pieces joined by dashes, each piece digits, letters, or letters
/// then digits; not a year range or a date.
pub(crate) fn coded(val: &[u8]) -> bool {
    let digits = val.iter().filter(|c| c.is_ascii_digit()).count();
    if digits < 4 || val.contains(&b' ') {
        return false;
    }
    let pieces: Vec<&[u8]> = val.split(|&c| c == b'-').collect();
    let piece_ok = |p: &&[u8]| {
        let lead = p.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        !p.is_empty() && p[lead..].iter().all(u8::is_ascii_digit)
            || p.iter().all(u8::is_ascii_alphabetic) && !p.is_empty()
    };
    let all_digits = pieces.iter().all(|p| p.iter().all(u8::is_ascii_digit));
    let year = |p: &[u8]| p.len() == 4 && (p.starts_with(b"19") || p.starts_with(b"20"));
    let lens: Vec<usize> = pieces.iter().map(|p| p.len()).collect();
    let range = all_digits && pieces.len() == 2 && year(pieces[0]) && matches!(lens[1], 2 | 4);
    let date =
        all_digits && pieces.len() == 3 && (year(pieces[0]) || lens[2] == 4 || lens == [2, 2, 2]);
    // "report nov2025", "case FY2024": a month or a period and its year.
    let groups: Vec<&[u8]> = val
        .split(|c| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let dated = groups.len() == 1 && year(groups[0]);
    let led = val[0].is_ascii_alphabetic();
    (pieces.len() > 1 || led) && pieces.iter().all(piece_ok) && !range && !date && !dated
}

/// This thread's search caches: each engine's (with its one captures buffer), and the
/// all-patterns DFA's.
struct Caches {
    engines: Vec<Option<EngineCaches>>,
}

/// One engine's search caches: its lazy DFA's, PikeVM's and backtracker's, its one
/// captures buffer, and its all-patterns DFA's.
type EngineCaches = (DfaCache, VmCache, BtCache, Captures, Option<DfaCache>);

impl Engine {
    /// The lazy DFA (every pattern's own anchored start when `multi`), PikeVM and
    /// backtracker of one NFA.
    fn new(nfa: NFA, multi: bool, all: Option<DFA>) -> Result<Engine, String> {
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .starts_for_each_pattern(multi)
                    .skip_cache_capacity_check(true),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let vm = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::LeftmostFirst))
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let bt = BoundedBacktracker::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let info = vm.get_nfa().group_info();
        let groups = (0..info.pattern_len())
            .map(|p| {
                let pid = PatternID::must(p);
                (info.group_len(pid) > 1).then(|| GROUPS.map(|n| info.to_index(pid, n)))
            })
            .collect();
        Ok(Engine {
            dfa,
            vm,
            bt,
            multi,
            groups,
            all,
        })
    }

    /// A thread's caches for this engine.
    fn caches(&self) -> EngineCaches {
        (
            self.dfa.create_cache(),
            self.vm.create_cache(),
            self.bt.create_cache(),
            self.vm.create_captures(),
            self.all.as_ref().map(DFA::create_cache),
        )
    }
}

/// Digit runs and word starts of a post, found once (on first use) and shared by every
/// rule that reads the table.
#[derive(Default)]
pub struct Places {
    runs: OnceLock<Vec<(usize, usize)>>,
    words: OnceLock<Vec<usize>>,
    /// The words a digit run starts within [`NEAR_MAX`] bytes of, with that distance.
    near: OnceLock<Vec<(usize, u8)>>,
    /// `words` and `near` by the pair of letters they start with.
    words_by_pair: OnceLock<ByPair<usize>>,
    near_by_pair: OnceLock<ByPair<(usize, u8)>>,
    /// The places a [`Near::Digits`] row's match can start, each with the digit rows that
    /// have a match there ([`Matchers::possible`]).
    digit_places: OnceLock<Vec<(usize, u64)>>,
}

/// The lower-cased post with what the rows' [`Near`]s look for.
pub struct Hay<'a> {
    pub low: &'a str,
    pub runs: &'a [(usize, usize)],
    places: &'a Places,
}

impl<'a> Hay<'a> {
    /// The hay of a post, sharing the places found for it.
    pub fn of(ctx: &'a crate::context::Context) -> Hay<'a> {
        let low = ctx.lower.as_str();
        let runs = ctx
            .hay
            .runs
            .get_or_init(|| crate::rules::text::digit_runs(low.as_bytes()));
        Hay {
            low,
            runs,
            places: &ctx.hay,
        }
    }

    fn words(&self) -> &[usize] {
        self.places
            .words
            .get_or_init(|| word_starts(self.low.as_bytes()))
    }

    /// The places a [`Near::Digits`] row's match can start, with the digit rows that have
    /// a match there: found once per post, for every digit row.
    fn digit_places(&self, m: &Matchers, engine: usize) -> &[(usize, u64)] {
        self.places.digit_places.get_or_init(|| {
            let b = self.low.as_bytes();
            let mut at = Vec::with_capacity(self.runs.len() * 2);
            digit_starts(b, self.runs, |p| at.push((p, 0)));
            m.with_caches(|c| {
                for (p, mask) in &mut at {
                    *mask = m.possible(c, engine, b, *p);
                }
            });
            at
        })
    }

    /// The words that a digit run starts close after (within [`NEAR_MAX`] bytes), with
    /// the distance to it: found once, in one walk over words and runs.
    fn near(&self) -> &[(usize, u8)] {
        self.places.near.get_or_init(|| {
            let mut out = Vec::new();
            let mut runs = self.runs.iter().map(|r| r.0).peekable();
            for &w in self.words() {
                while runs.next_if(|&r| r < w).is_some() {}
                match runs.peek() {
                    Some(&r) if r - w <= NEAR_MAX => out.push((w, (r - w) as u8)),
                    Some(_) => {}
                    None => break,
                }
            }
            out
        })
    }

    /// [`Hay::words`] by their first two letters.
    fn words_by_pair(&self) -> &ByPair<usize> {
        self.places
            .words_by_pair
            .get_or_init(|| ByPair::new(self.low.as_bytes(), self.words(), |&p| p))
    }

    /// [`Hay::near`] by their words' first two letters.
    fn near_by_pair(&self) -> &ByPair<(usize, u8)> {
        self.places
            .near_by_pair
            .get_or_init(|| ByPair::new(self.low.as_bytes(), self.near(), |&(p, _)| p))
    }

    /// The places where `f`'s matches can start, in order.
    fn starts(
        &self,
        f: &Format,
        firsts: &Pairs,
        every_word: bool,
        needle_firsts: Option<&(Pairs, WordSet)>,
    ) -> Vec<usize> {
        let b = self.low.as_bytes();
        let mut at: Vec<usize> = Vec::new();
        match f.near {
            Near::Digits => digit_starts(b, self.runs, |p| at.push(p)),
            Near::Needles(needles) => {
                for nd in needles {
                    hits(b, nd, |p| at.push(p));
                }
                at.sort_unstable();
                at.dedup();
            }
            Near::LocalPart(needles) => {
                let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
                for nd in needles {
                    hits(b, nd, |p| {
                        let mut s = p;
                        while s > 0 && b[s - 1] == b' ' {
                            s -= 1;
                        }
                        let e = s;
                        while s > 0 && local(b[s - 1]) {
                            s -= 1;
                        }
                        if s < e {
                            at.push(s);
                        }
                    });
                }
                at.sort_unstable();
                at.dedup();
            }
            Near::Words(_) if every_word => {
                // Every word passes its pairs: the places in text order as they are (what
                // gathering them pair by pair and sorting them back gives).
                if f.digit_within > 0 {
                    let within = f.digit_within;
                    at.extend(
                        self.near()
                            .iter()
                            .filter(|&&(_, d)| d as usize <= within)
                            .map(|&(p, _)| p),
                    );
                    return at;
                }
                at.extend_from_slice(self.words());
            }
            Near::Words(_) => {
                if f.digit_within > 0 {
                    // Only the words a digit run follows closely.
                    let within = f.digit_within;
                    self.near_by_pair().each(firsts, |(p, d)| {
                        if d as usize <= within {
                            at.push(p);
                        }
                    });
                    // Gathered pair by pair: back to text order (each place once). The
                    // distance is checked: the digit check below has nothing to drop.
                    at.sort_unstable();
                    return at;
                }
                self.words_by_pair().each(firsts, |p| at.push(p));
                at.sort_unstable();
            }
            Near::Before {
                needles, within, ..
            } => {
                let words = self.words();
                let first = |p: usize| firsts.has(b[p], b.get(p + 1).copied().unwrap_or(0));
                let window = |p: usize, at: &mut Vec<usize>| {
                    let lo = words.partition_point(|&w| w + within < p);
                    let hi = words.partition_point(|&w| w <= p);
                    at.extend(words[lo..hi].iter().copied().filter(|&p| first(p)));
                };
                if let Some((nf, set)) = needle_firsts {
                    // Needles that are words: looked up word by word, not searched for.
                    for &p in words {
                        if !nf.has(b[p], b.get(p + 1).copied().unwrap_or(0))
                            || p > 0 && b[p - 1] == b'_'
                        {
                            continue;
                        }
                        let e = p + b[p..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphanumeric())
                            .count();
                        // `p..e` is a run of ASCII letters and digits: whole characters.
                        if b.get(e) != Some(&b'_') && set.contains(&self.low[p..e]) {
                            window(p, &mut at);
                        }
                    }
                    at.sort_unstable();
                    at.dedup();
                    return at;
                }
                // Needles sharing their last byte ("/" of ".com/"): one memchr pass.
                let last = needles.first().and_then(|n| n.bytes().last());
                let shared = needles.iter().all(|n| n.bytes().last() == last);
                match last {
                    Some(l) if shared && !l.is_ascii_alphanumeric() => {
                        for i in memchr::memchr_iter(l, b) {
                            let hit = needles
                                .iter()
                                .filter(|n| b[..=i].ends_with(n.as_bytes()))
                                .map(|n| i + 1 - n.len())
                                .min();
                            if let Some(p) = hit {
                                window(p, &mut at);
                            }
                        }
                    }
                    _ => {
                        for nd in needles {
                            let nb = nd.as_bytes();
                            let word = crate::rules::text::is_word;
                            let head = nb.first().is_some_and(u8::is_ascii_alphanumeric);
                            let tail = nb.last().is_some_and(u8::is_ascii_alphanumeric);
                            hits(b, nd, |p| {
                                if !(head && p > 0 && word(b[p - 1])
                                    || tail && b.get(p + nb.len()).is_some_and(|&c| word(c)))
                                {
                                    window(p, &mut at);
                                }
                            });
                        }
                    }
                }
                at.sort_unstable();
                at.dedup();
            }
            Near::Stretch { needle, of } => {
                let mut done = 0;
                for p in memchr::memchr_iter(needle, b) {
                    if p < done {
                        continue;
                    }
                    let mut s = p;
                    while s > 0 && of(b[s - 1]) {
                        s -= 1;
                    }
                    done = p + b[p..].iter().take_while(|&&c| of(c)).count();
                    at.push(s);
                }
            }
            Near::Long(n) => {
                // A word that long starts at least that far before the next word.
                let words = self.words();
                let word = |c: &u8| c.is_ascii_alphanumeric();
                for (i, &p) in words.iter().enumerate() {
                    let next = words.get(i + 1).copied().unwrap_or(b.len());
                    if next - p >= n
                        && b[p..].iter().take(n + 1).take_while(|c| word(c)).count() == n
                    {
                        at.push(p);
                    }
                }
            }
            Near::Runs { min, max, next } => {
                for &(s, e) in self.runs {
                    if (min..=max).contains(&(e - s))
                        && (next.is_empty() || b.get(e).is_some_and(|c| next.contains(c)))
                    {
                        at.push(s);
                    }
                }
            }
        }
        if f.digit_within > 0 && !matches!(f.near, Near::Digits) {
            let runs = self.runs;
            at.retain(|&p| {
                let i = runs.partition_point(|r| r.0 < p);
                runs.get(i).is_some_and(|r| r.0 - p <= f.digit_within)
            });
        }
        at
    }
}

/// Where each run of ASCII letters and digits starts, in order. Read 64 bytes at a time
/// into a bit mask (a bit per byte, no branch), whose run starts are the set bits with a
/// clear bit before them: a third of the instructions of a byte-by-byte test.
fn word_starts(b: &[u8]) -> Vec<usize> {
    let mut out = Vec::with_capacity(b.len() / 5);
    // Whether the byte before the chunk is a letter or digit.
    let mut carry = 0u64;
    for (c, chunk) in b.chunks(64).enumerate() {
        let mut m = 0u64;
        for (i, &x) in chunk.iter().enumerate() {
            m |= (crate::words::ALNUM[x as usize] as u64) << i;
        }
        let mut starts = m & !(m << 1 | carry);
        carry = m >> (chunk.len() - 1) & 1;
        while starts != 0 {
            out.push(c * 64 + starts.trailing_zeros() as usize);
            starts &= starts - 1;
        }
    }
    out
}

/// Where a [`Near::Digits`] row's matches can start, in order: each digit run, the `+` or
/// `(` right before one ("(217) 555-0164", "+1 312"), or up to three letters glued before
/// it ("V7730215").
fn digit_starts(b: &[u8], runs: &[(usize, usize)], mut push: impl FnMut(usize)) {
    for &(s, _) in runs {
        if s > 0 && matches!(b[s - 1], b'(' | b'+') {
            push(s - 1);
        }
        let mut w = s;
        while w > 0 && s - w < 3 && b[w - 1].is_ascii_lowercase() {
            w -= 1;
        }
        if w < s {
            push(w);
        }
        push(s);
    }
}

/// Each place `needle` occurs in `b`: memchr for one byte, memmem (whose searcher takes a
/// moment to build) for more.
fn hits(b: &[u8], needle: &str, mut f: impl FnMut(usize)) {
    match needle.as_bytes() {
        [c] => memchr::memchr_iter(*c, b).for_each(f),
        nb => memchr::memmem::find_iter(b, nb).for_each(&mut f),
    }
}

/// Row `id`'s matches in a short lower-cased text that is no post (a number read out,
/// rewritten as digits): its own places, no context.
pub fn find_in_text(id: &str, low: &str) -> Vec<Match> {
    let places = Places::default();
    let runs = crate::rules::text::digit_runs(low.as_bytes());
    let hay = Hay {
        low,
        runs: &runs,
        places: &places,
    };
    matchers().find(Matchers::row(id), &hay)
}

/// Runs one row on a text by itself (for tests and the table's own test).
#[cfg(test)]
pub fn find_id(id: &str, text: &str) -> Vec<Match> {
    let ctx = crate::context::Context::new(text);
    matchers().find(Matchers::row(id), &Hay::of(&ctx))
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_starts_match_byte_by_byte() {
        let text = "a".repeat(63) + " bb" + &"9".repeat(64) + "-x y. z__1 é2" + &"q".repeat(130);
        for n in [0, 1, 2, 63, 64, 65, 66, 128, 129, 130, 131, text.len()] {
            let b = &text.as_bytes()[..n];
            let slow: Vec<usize> = (0..b.len())
                .filter(|&i| {
                    b[i].is_ascii_alphanumeric() && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                })
                .collect();
            assert_eq!(super::word_starts(b), slow, "{n} bytes");
        }
    }

    use super::table::FORMATS;
    use super::*;

    /// Every row's examples: each positive has exactly its marked match, each negative none.
    #[test]
    fn every_format_matches_its_examples() {
        let mut failures = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for f in FORMATS {
            assert!(ids.insert(f.id), "format {} is in the table twice", f.id);
            assert!(
                f.positives.len() >= 5 && f.negatives.len() >= 5,
                "format {} needs at least 5 positives and 5 negatives",
                f.id
            );
            for p in f.positives {
                let s = p
                    .find('«')
                    .unwrap_or_else(|| panic!("{}: unmarked {p:?}", f.id));
                let text = p.replace(['«', '»'], "");
                let e = p.find('»').expect("closing mark") - '«'.len_utf8();
                let got: Vec<_> = find_id(f.id, &text)
                    .iter()
                    .map(|m| &text[m.start..m.end])
                    .collect();
                if got != [&text[s..e]] {
                    failures.push(format!(
                        "{}: {text:?} wants [{}], got {got:?}",
                        f.id,
                        &text[s..e]
                    ));
                }
            }
            for n in f.negatives {
                let got: Vec<_> = find_id(f.id, n)
                    .iter()
                    .map(|m| &n[m.start..m.end])
                    .collect();
                if !got.is_empty() {
                    failures.push(format!("{}: {n:?} wants nothing, got {got:?}", f.id));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// "Filed the annual report nov2025": a keyword of the keyed-number table glued to
    /// letters and digits is part of another word, not a number's label. Every keyword,
    /// glued on either side, in ordinary sentences: no finding at all.
    #[test]
    fn keywords_glued_to_letters_and_digits_find_nothing() {
        let scanner = crate::Scanner::new(crate::Config::default()).unwrap();
        let keyed = &FORMATS[Matchers::row("keyed")];
        let mut failures = Vec::new();
        // Letters glue onto a keyword that ends in one ("report" + "nov2025"); after "#" or
        // "no." a value starts, whatever it is.
        for key in keyed
            .keys
            .iter()
            .filter(|k| k.word.ends_with(|c: char| c.is_ascii_alphabetic()))
        {
            let kw = key.word.replace('?', "x");
            for glued in [
                format!("{kw}nov2025"),
                format!("{kw}ab4471902"),
                format!("{kw}q7z88123"),
                format!("zq{kw}nov2025"),
                format!("ab{kw}xk4471902"),
            ] {
                for sentence in [
                    format!("Filed the annual {glued} with the board today."),
                    format!(
                        "The vendor renamed the project {glued} last spring, nobody knows why."
                    ),
                    format!("{glued} was the code word for the quarterly budget review."),
                ] {
                    let found = scanner.scan(&sentence).findings;
                    if !found.is_empty() {
                        let what: Vec<_> = found
                            .iter()
                            .map(|f| (f.category.id(), f.text.clone()))
                            .collect();
                        failures.push(format!("{sentence:?}: {what:?}"));
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} sentences flagged:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// A no-break space (contenteditable editors write one for a second space) and the
    /// other Unicode spaces are white space to every row, as `\s` was to the hand-written
    /// matchers the rows replaced.
    #[test]
    fn unicode_spaces_are_white_space() {
        for (id, text) in [
            ("room", "pt in room\u{a0}12 again"),
            ("room", "bed\u{3000}4"),
            ("place.street", "lives at 418\u{a0}elm ln"),
            ("phone.us", "call (217)\u{a0}555-0164"),
            ("plate", "plate\u{2009}tx lpx-4417"),
        ] {
            let got: Vec<_> = find_id(id, text)
                .iter()
                .map(|m| &text[m.start..m.end])
                .collect();
            assert_eq!(got.len(), 1, "{id}: {text:?} gave {got:?}");
        }
        let negated = Format {
            id: "x.negated",
            category: Category::PhiId,
            pattern: r"[^\s]+",
            keys: &[],
            near: Near::Digits,
            digit_within: 0,
            valid: any,
            positives: &[],
            negatives: &[],
        };
        let err = Matchers::build(Box::leak(Box::new([negated])))
            .err()
            .expect("an error");
        assert!(err.contains("negated class"), "{err}");
    }

    /// A row whose keywords' pairs take every word reads its places in text order; grouped
    /// by pair and sorted back they are the same.
    #[test]
    fn every_word_rows_start_where_the_pairs_would() {
        let m = matchers();
        let rows: Vec<usize> = (0..FORMATS.len()).filter(|&r| m.every_word[r]).collect();
        assert!(rows.iter().any(|&r| FORMATS[r].id == "code.dashed"));
        for &r in &rows {
            let f = &FORMATS[r];
            for t in f.positives.iter().chain(f.negatives) {
                let text = t.replace(['«', '»'], "") + " and 12 more at st 4 ave 55-b, x 7";
                let ctx = crate::context::Context::new(&text);
                let hay = Hay::of(&ctx);
                let nf = m.needle_firsts[r].as_ref();
                assert_eq!(
                    hay.starts(f, &m.firsts[r], true, nf),
                    hay.starts(f, &m.firsts[r], false, nf),
                    "{} in {text:?}",
                    f.id
                );
            }
        }
    }

    /// Every row compiles (`matchers()` compiles each engine only on its first use).
    #[test]
    fn every_row_compiles() {
        let m = Matchers::build(FORMATS).unwrap_or_else(|e| panic!("{e}"));
        assert!(m.engines.iter().all(|(_, e)| e.get().is_some()));
    }

    /// The id index finds every row (ids that share a hash probe on).
    #[test]
    fn every_row_is_found_by_its_id() {
        for (i, f) in FORMATS.iter().enumerate() {
            assert_eq!(Matchers::row(f.id), i, "{}", f.id);
        }
    }

    #[test]
    fn a_bad_pattern_is_named() {
        let bad = [Format {
            id: "x.bad",
            category: Category::PhiId,
            pattern: "(",
            keys: &[],
            near: Near::Digits,
            digit_within: 0,
            valid: any,
            #[cfg(test)]
            positives: &[],
            #[cfg(test)]
            negatives: &[],
        }];
        let err = Matchers::build(Box::leak(Box::new(bad)))
            .err()
            .expect("an error");
        assert!(err.starts_with("format x.bad: bad pattern"), "{err}");
    }
}
