//! What every rule needs to know about a post, computed once per scan.

use crate::lexicon::{self, kind, Kinds};
pub use crate::lexicon::{bounded, Hit};

/// A word of the post: letters, digits and inner apostrophes or hyphens.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Every letter is upper case (an acronym such as "ICU").
    pub all_caps: bool,
    /// Index of the sentence holding the token.
    pub sentence: usize,
}

/// How surely a span refers to a patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RefStrength {
    /// "a patient": often generic ("a patient once told me...").
    Weak,
    /// "my pt", "the lady in 4", "Mr. Alvarez".
    Strong,
}

/// A reference to a particular patient.
#[derive(Debug, Clone, Copy)]
pub struct PatientRef {
    pub start: usize,
    pub end: usize,
    pub strength: RefStrength,
    pub sentence: usize,
}

/// Whose story a post tells, besides a patient's: the evidence `rules::whose` lowers
/// patient details by and the model reads (`model::features`). Each holds only in a post
/// that refers to no patient at all (no reference, strong or weak), so "my pt's daughter"
/// or "the lady in room 7" beside "my mum" keeps the post a patient's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Whose {
    /// The writer's own family, named by a possessive kinship phrase ("my niece", "our
    /// twins", "mi abuela", "lola ko").
    pub family: bool,
    /// The writer's own health, pregnancy or body ("my chemo", "I'm pregnant", "it's a
    /// girl").
    pub own: bool,
    /// Non-clinical news: a colleague's retirement, award or wedding, a public figure's
    /// public news.
    pub news: bool,
}

impl Whose {
    /// Some story other than a patient's.
    pub fn any(self) -> bool {
        self.family || self.own || self.news
    }
}

/// Everything about one post that rules share.
pub struct Context<'t> {
    /// The post as written.
    pub text: &'t str,
    /// The post with ASCII letters lower-cased: same length, same byte offsets.
    pub lower: String,
    /// Sentence spans, in order, covering the text.
    pub sentences: Vec<(usize, usize)>,
    /// Lexicon phrases found, in order of start.
    pub hits: Vec<Hit>,
    /// The union of phrase kinds of each sentence.
    pub sent_kinds: Vec<Kinds>,
    /// The union of phrase kinds of the whole post.
    pub post_kinds: Kinds,
    pub tokens: Vec<Token>,
    pub refs: Vec<PatientRef>,
    /// The post is about a particular patient (a strong reference, or a weak one plus a
    /// course-of-care event).
    pub patient_post: bool,
    /// Each sentence mentions a patient (strong reference or honorific name).
    pub sent_patient: Vec<bool>,
    /// Whose story the post tells when it refers to no patient (`Whose`).
    pub whose: Whose,
    /// Where the format table's matchers may start, found once per post.
    pub hay: crate::matchers::Places,
    /// Record text (read off a chart, board, monitor, wristband or label): every line is
    /// about a patient, and identifiers stand without sentences around them.
    pub record: bool,
    /// Record text the record gate found shows no patient (a supply or equipment label, a
    /// rota, a notice), read as a post: its serial numbers are equipment's.
    pub patientless_record: bool,
    /// Each token's word as the model reads it, found on first use (`model::words`): the
    /// features and the tagger share one hashing and vector lookup per word.
    pub(crate) words: std::cell::OnceCell<Vec<crate::model::Word>>,
    /// Whether the post is about history or fiction (`rules::names`), found on first use:
    /// the name rules ask it of every candidate, and reading the whole post each time made
    /// a long post's cost grow with the square of its length.
    pub(crate) historical: std::cell::OnceCell<bool>,
    /// Whether the post is about fiction (`rules::names`), found on first use, as above.
    pub(crate) fiction: std::cell::OnceCell<bool>,
}

impl<'t> Context<'t> {
    /// Builds the context: one lower-casing, one lexicon pass, one tokenising pass, then
    /// the patient references.
    pub fn new(text: &'t str) -> Context<'t> {
        let lower = text.to_ascii_lowercase();
        let sentences = split_sentences(text);
        let hits = lexicon::lexicon().find(&lower);

        let mut sent_kinds = vec![0; sentences.len()];
        let mut post_kinds = 0;
        {
            let mut si = 0;
            for h in &hits {
                while si + 1 < sentences.len() && sentences[si].1 <= h.start {
                    si += 1;
                }
                if let Some(k) = sent_kinds.get_mut(si) {
                    *k |= h.kinds;
                }
                post_kinds |= h.kinds;
            }
        }

        let tokens = tokenize(text, &sentences);

        let mut ctx = Context {
            text,
            lower,
            sentences,
            hits,
            sent_kinds,
            post_kinds,
            tokens,
            refs: Vec::new(),
            patient_post: false,
            sent_patient: Vec::new(),
            whose: Whose::default(),
            hay: Default::default(),
            record: false,
            patientless_record: false,
            words: std::cell::OnceCell::new(),
            historical: std::cell::OnceCell::new(),
            fiction: std::cell::OnceCell::new(),
        };
        ctx.find_refs();
        ctx
    }

    fn find_refs(&mut self) {
        let mut refs = Vec::new();
        // "my 92 year old grandpa": an age of the writer's family.
        let mut kin_age = false;
        let educational = self.post_kinds & kind::EDUCATIONAL != 0;
        let low = self.lower.as_str();
        let text = self.text;
        let mut push = |s: usize, e: usize, strength: RefStrength, ctx: &Context| {
            refs.push(PatientRef {
                start: s,
                end: e,
                strength,
                sentence: ctx.sentence_of(s),
            });
        };
        for h in &self.hits {
            let p = &low[h.start..h.end];
            if h.kinds & kind::REF != 0 {
                if p.starts_with("he") || p.starts_with("she") {
                    // "he's in bay 3" needs the number; "she was brought in" stands alone.
                    let mut e = h.end;
                    if p.ends_with("room")
                        || p.ends_with("bed")
                        || p.ends_with("bay")
                        || p.ends_with("rm")
                    {
                        let rest = &low[e..];
                        let digits = rest.trim_start_matches(' ');
                        let n = digits.bytes().take_while(u8::is_ascii_digit).count();
                        if n == 0 {
                            continue;
                        }
                        e += rest.len() - digits.len() + n;
                    }
                    push(h.start, e, RefStrength::Strong, self);
                    continue;
                }
                if p.starts_with("our ") || p.starts_with("a kid") {
                    push(h.start, h.end, RefStrength::Strong, self);
                    continue;
                }
                // "PT" in capitals is physical therapy ("PT starts tomorrow").
                if p.starts_with("pt") && text[h.start..].starts_with("PT") {
                    continue;
                }
                let head_patient = p.starts_with("patient");
                // "our fake patient", "the test patient", "Test, Patient": a made-up one.
                let head = low[..h.start].trim_end_matches([' ', ',']);
                if matches!(
                    prev_word(low, head.len()).trim_start_matches('\''),
                    "fake"
                        | "test"
                        | "dummy"
                        | "sample"
                        | "mock"
                        | "pretend"
                        | "imaginary"
                        | "fictional"
                        | "fictitious"
                        | "hypothetical"
                        | "made-up"
                        | "simulated"
                        | "standardized"
                        | "standardised"
                ) {
                    continue;
                }
                match determiner_before(low, h.start) {
                    Some((ds, d)) => {
                        let generic =
                            matches!(d, "an" | "one" | "another" | "every" | "any" | "each")
                                || (head_patient && matches!(d, "a" | "the"));
                        let weak = generic || educational;
                        push(
                            ds,
                            h.end,
                            if weak {
                                RefStrength::Weak
                            } else {
                                RefStrength::Strong
                            },
                            self,
                        );
                    }
                    None if p.starts_with("pt") => push(h.start, h.end, RefStrength::Strong, self),
                    None if head_patient && text[h.start..].starts_with('P') => {
                        push(h.start, h.end, RefStrength::Weak, self)
                    }
                    None => {}
                }
            }
            // "a man presented three scripts", "lady called FIVE times": a stranger in a
            // care story is a weak reference.
            if h.kinds & kind::PERSON != 0
                && is_stranger(p)
                && self.kinds_at(h.start) & (kind::PATIENT_EVENT | kind::CONDITION | kind::CLINICAL)
                    != 0
            {
                push(h.start, h.end, RefStrength::Weak, self);
            }
            // "the lady in 4", "the guy in room 12"
            if h.kinds & kind::PERSON != 0
                && (is_stranger(p)
                    || matches!(p, "kid" | "baby" | "grandma" | "grandpa" | "patient" | "pt"))
            {
                let rest = &low[h.end..];
                if let Some(r) = rest.strip_prefix(" in ") {
                    let r2 = ["room ", "bed ", "bay ", "rm "]
                        .iter()
                        .find_map(|w| r.strip_prefix(w))
                        .unwrap_or(r);
                    let n = r2.bytes().take_while(u8::is_ascii_digit).count();
                    if n > 0 && n <= 4 {
                        let mut e = h.end + (rest.len() - r2.len()) + n;
                        if low
                            .as_bytes()
                            .get(e)
                            .is_some_and(|c| c.is_ascii_alphabetic())
                            && !low
                                .as_bytes()
                                .get(e + 1)
                                .is_some_and(|c| c.is_ascii_alphabetic())
                        {
                            e += 1;
                        }
                        let start = match determiner_before(low, h.start) {
                            Some((ds, "the" | "that" | "this" | "our" | "my")) => ds,
                            _ => continue,
                        };
                        push(start, e, RefStrength::Strong, self);
                    }
                }
            }
            // "a 34-year-old mom", "my 101 y/o patient"
            if h.kinds & kind::AGE_UNIT != 0 {
                let head = low[..h.start].trim_end_matches([' ', '-']);
                let n = head.bytes().rev().take_while(u8::is_ascii_digit).count();
                if n == 0 || n > 3 {
                    continue;
                }
                let num_start = head.len() - n;
                if let Some((ds, d)) = determiner_before(low, num_start) {
                    let after = next_word(low, h.end);
                    // "my 92 year old grandpa", "our 2 day old niece": the writer's family.
                    if matches!(d, "my" | "our") && is_kin(after) {
                        kin_age = true;
                        continue;
                    }
                    if matches!(d, "a" | "an" | "our" | "this" | "the" | "my")
                        && ds + 40 > num_start
                    {
                        let e = if after.is_empty() {
                            h.end
                        } else {
                            low[h.end..]
                                .find(after)
                                .map(|i| h.end + i + after.len())
                                .unwrap_or(h.end)
                        };
                        push(ds, e, RefStrength::Strong, self);
                    }
                }
            }
        }
        // An honorific followed by a capitalised word is a person in a story.
        for (i, t) in self.tokens.iter().enumerate() {
            // Most tokens are not capitalised: test that before comparing words.
            if t.cap
                && matches!(
                    &self.lower[t.start..t.end],
                    "mr" | "mrs" | "ms" | "miss" | "mister"
                )
            {
                // "Our longest-serving surgeon, Mr. Okonkwo, operated his last list today":
                // a colleague's news (UK surgeons are Mr.), not a patient.
                let ks = self.sent_kinds.get(t.sentence).copied().unwrap_or(0);
                if ks & kind::NEWS != 0
                    && ks & (kind::COWORKER | kind::OCCUPATION | kind::STAFF) != 0
                    && ks & (kind::PATIENT_EVENT | kind::REF) == 0
                {
                    continue;
                }
                if let Some(n) = self.tokens.get(i + 1) {
                    if n.cap && n.sentence == t.sentence && n.start - t.end <= 2 {
                        refs.push(PatientRef {
                            start: t.start,
                            end: n.end,
                            strength: RefStrength::Strong,
                            sentence: t.sentence,
                        });
                    }
                }
            }
        }
        refs.sort_by_key(|r| r.start);
        let mut sent_patient = vec![false; self.sentences.len()];
        let mut strong = false;
        let mut weak = false;
        for r in &refs {
            if r.strength == RefStrength::Strong {
                strong = true;
                if let Some(x) = sent_patient.get_mut(r.sentence) {
                    *x = true;
                }
            } else {
                weak = true;
            }
        }
        let event = self.post_kinds & kind::PATIENT_EVENT != 0;
        self.patient_post = strong || (weak && event && !educational);
        if refs.is_empty() && !self.patient_post {
            self.whose = Whose {
                // A possessive kinship phrase ("my nan", "mi tía"): a bare "grandma" may
                // be a patient ("grandma came in with a hip fx").
                family: self
                    .hits
                    .iter()
                    .any(|h| h.kinds & kind::OWN_FAMILY != 0 && low[h.start..h.end].contains(' '))
                    // "my aunt's wallet", "my 92 year old grandpa": a possessive before a
                    // kinship noun, or before an age and one.
                    || self.tokens.windows(2).any(|w| {
                        matches!(&low[w[0].start..w[0].end], "my" | "our")
                            && is_kin(&low[w[1].start..w[1].end])
                    })
                    || kin_age,
                // In the first person ("my chemo", "I'm pregnant", "took such good care of
                // me") or announcing a pregnancy ("it's a girl", "baby due"): "survivor"
                // or "diagnosed with" alone may be a patient's.
                own: self.hits.iter().any(|h| {
                    let p = &low[h.start..h.end];
                    h.kinds & kind::OWN != 0
                        && (p.starts_with("my ")
                            || p.starts_with("i ")
                            || p.starts_with("i'm")
                            || p.starts_with("i’m")
                            || p.starts_with("im ")
                            || p.ends_with(" me")
                            || p.starts_with("it")
                            || p.contains("pregnant")
                            || p.contains("baby "))
                }),
                news: self.post_kinds & kind::NEWS != 0,
            };
        }
        self.refs = refs;
        self.sent_patient = sent_patient;
    }

    /// Index of the sentence holding byte `pos`.
    pub fn sentence_of(&self, pos: usize) -> usize {
        match self.sentences.binary_search_by(|&(s, e)| {
            if pos < s {
                std::cmp::Ordering::Greater
            } else if pos >= e {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.min(self.sentences.len().saturating_sub(1)),
        }
    }

    /// Kinds found in sentences `from..=to`.
    pub fn kinds_in(&self, from: usize, to: usize) -> Kinds {
        let to = to.min(self.sent_kinds.len().saturating_sub(1));
        self.sent_kinds
            .get(from..=to)
            .map(|s| s.iter().fold(0, |a, b| a | b))
            .unwrap_or(0)
    }

    /// Kinds of the sentence holding `pos`.
    pub fn kinds_at(&self, pos: usize) -> Kinds {
        self.sent_kinds
            .get(self.sentence_of(pos))
            .copied()
            .unwrap_or(0)
    }

    /// Phrases of the given kinds inside `[start, end)`.
    pub fn hits_in(&self, start: usize, end: usize, k: Kinds) -> impl Iterator<Item = &Hit> {
        let first = self.hits.partition_point(|h| h.start < start);
        self.hits[first..]
            .iter()
            .take_while(move |h| h.start < end)
            .filter(move |h| h.kinds & k != 0 && h.end <= end)
    }

    /// Whether any phrase of kind `k` lies within `[start, end)`.
    pub fn has_in(&self, start: usize, end: usize, k: Kinds) -> bool {
        self.hits_in(start, end, k).next().is_some()
    }

    /// The span of sentence `i`, trimmed of surrounding whitespace.
    pub fn sentence_span(&self, i: usize) -> (usize, usize) {
        let (s, e) = self.sentences.get(i).copied().unwrap_or((0, 0));
        trim_span(self.text, s, e)
    }

    /// Whether a strong patient reference lies in sentences `from..=to`.
    /// Marks the post as record text: a patient's throughout.
    pub fn as_record(&mut self) {
        self.record = true;
        self.patient_post = true;
        self.sent_patient.iter_mut().for_each(|p| *p = true);
    }

    pub fn patient_in(&self, from: usize, to: usize) -> bool {
        (from..=to).any(|i| self.sent_patient.get(i).copied().unwrap_or(false))
    }
}

const DETERMINERS: &[&str] = &[
    "my", "our", "a", "an", "the", "this", "that", "his", "her", "one", "another", "same", "every",
    "any", "each", "your", "their",
];

/// The determiner up to three words before `pos` ("my sweet old pt"), with its start.
pub fn determiner_before(lower: &str, pos: usize) -> Option<(usize, &str)> {
    let b = lower.as_bytes();
    let mut p = pos;
    for _ in 0..3 {
        let mut e = p;
        while e > 0 && b[e - 1] == b' ' {
            e -= 1;
        }
        if e == p && p != pos {
            return None;
        }
        let mut s = e;
        while s > 0 && (b[s - 1].is_ascii_alphabetic() || b[s - 1] == b'\'') {
            s -= 1;
        }
        if s == e || (s > 0 && b[s - 1] >= 0x80) {
            return None;
        }
        let w = &lower[s..e];
        if DETERMINERS.contains(&w) {
            return Some((s, w));
        }
        p = s;
    }
    None
}

/// Up to `n` bytes of `text` ending at `pos`, cut at a character boundary.
pub fn before(text: &str, pos: usize, n: usize) -> &str {
    let mut s = pos.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..pos]
}

/// The word ending right before `pos` (skipping spaces), lower-cased text assumed.
pub fn prev_word(lower: &str, pos: usize) -> &str {
    let b = lower.as_bytes();
    let mut e = pos.min(b.len());
    while e > 0 && (b[e - 1] == b' ' || b[e - 1] == b'\t') {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'\'' || b[s - 1] == b'-') {
        s -= 1;
    }
    &lower[s..e]
}

/// The word starting right after `pos` (skipping spaces).
pub fn next_word(lower: &str, pos: usize) -> &str {
    let b = lower.as_bytes();
    let mut s = pos.min(b.len());
    while s < b.len() && (b[s] == b' ' || b[s] == b'\t') {
        s += 1;
    }
    let mut e = s;
    while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'\'' || b[e] == b'/') {
        e += 1;
    }
    &lower[s..e]
}

/// Trims whitespace off both ends of `[s, e)`.
pub fn trim_span(text: &str, s: usize, e: usize) -> (usize, usize) {
    let slice = &text[s..e];
    let ls = slice.len() - slice.trim_start().len();
    let rs = slice.trim_end().len();
    if rs <= ls {
        (s, s)
    } else {
        (s + ls, s + rs)
    }
}

/// Longest sentence in bytes before it is cut at the next space.
const MAX_SENTENCE: usize = 400;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr", "no", "approx", "e.g", "i.e", "etc", "pt",
    "mt", "ft", "a.m", "p.m", "u.s", "sra", "srta", "mme", "mlle",
];

/// Initials run together ("J.M", "j.m", "a.k.a"): single letters joined by periods, which
/// end no sentence ("j.m. in bay 4 pulled his IV").
fn initials_word(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b.len() <= 5
        && b.iter().enumerate().all(|(k, c)| {
            if k % 2 == 0 {
                c.is_ascii_alphabetic()
            } else {
                *c == b'.'
            }
        })
}

/// Splits at `.`, `!`, `?` followed by a space or the end, and at line breaks; keeps
/// abbreviations ("Mr.", "St.") inside their sentence.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 64 + 1);
    let mut start = 0;
    let mut i = 0;
    let mut newline = memchr::memchr(b'\n', b).unwrap_or(b.len());
    while i < b.len() {
        // Only these bytes can end a sentence, so `memchr` skips every other one.
        if newline < i {
            newline = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p);
        }
        let punct = memchr::memchr3(b'.', b'!', b'?', &b[i..]).map_or(b.len(), |p| i + p);
        let next = punct.min(newline);
        // A run-on "sentence" is cut at its first space more than MAX_SENTENCE bytes in, so
        // every story window stays bounded.
        let long = i.max(start + MAX_SENTENCE + 1);
        if let Some(p) = b.get(long..next).and_then(|r| memchr::memchr(b' ', r)) {
            (start, i) = cut(&mut out, start, long + p + 1);
            continue;
        }
        if next == b.len() {
            break;
        }
        i = next;
        if b[i] == b'\n' {
            (start, i) = cut(&mut out, start, i + 1);
            continue;
        }
        let c = b[i];
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], b'.' | b'!' | b'?' | b')' | b'"') {
            j += 1;
        }
        if j >= b.len() || b[j] == b' ' || b[j] == b'\n' || b[j] == b'\r' {
            let abbr = c == b'.' && {
                let w = prev_word_raw(text, i);
                ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a))
                    || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase())
                    || initials_word(w)
            };
            if !abbr {
                (start, i) = cut(&mut out, start, j);
                continue;
            }
        }
        // Skipped bytes are punctuation: none of them is a space or a line break.
        i = j;
    }
    if start < b.len() || out.is_empty() {
        out.push((start, b.len()));
    }
    out
}

/// Ends the sentence from `start` at `e`; returns where the next one starts, twice (as the
/// new start and scan position).
fn cut(out: &mut Vec<(usize, usize)>, start: usize, e: usize) -> (usize, usize) {
    if e > start {
        out.push((start, e));
    }
    (e, e)
}

fn prev_word_raw(text: &str, pos: usize) -> &str {
    let b = text.as_bytes();
    let mut s = pos;
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'.') {
        s -= 1;
    }
    &text[s..pos]
}

/// Bits of [`ASCII`]: what an ASCII byte is.
const ALNUM: u8 = 1;
const LOWER: u8 = 2;
const ALPHA: u8 = 4;

/// [`ALNUM`], [`LOWER`] and [`ALPHA`] of each byte; 0 for bytes past ASCII.
static ASCII: [u8; 256] = {
    let mut t = [0; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = (b.is_ascii_alphanumeric() as u8 * ALNUM)
            | (b.is_ascii_lowercase() as u8 * LOWER)
            | (b.is_ascii_alphabetic() as u8 * ALPHA);
        c += 1;
    }
    t
};

/// Whether `ch` is a letter or digit. Emoji, their modifiers and joiners, common in posts,
/// are answered without the Unicode tables (a test checks that these ranges hold none).
fn alphanumeric(ch: char) -> bool {
    !NOT_WORD.iter().any(|r| r.contains(&ch)) && ch.is_alphanumeric()
}

/// Ranges of characters that are neither letters nor digits: emoji and pictographs,
/// miscellaneous symbols and dingbats before the circled digits, variation selectors,
/// zero-width joiners and marks.
const NOT_WORD: [std::ops::RangeInclusive<char>; 4] = [
    '\u{1F300}'..='\u{1FAFF}',
    '\u{2600}'..='\u{2775}',
    '\u{FE00}'..='\u{FE0F}',
    '\u{200B}'..='\u{200F}',
];

/// The character at byte `i` and its length in bytes.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let ch = text[i..].chars().next().unwrap_or(' ');
    (ch, ch.len_utf8())
}

/// Whether the character at byte `i` is a letter or digit.
fn word_char_at(text: &str, i: usize) -> bool {
    let c = text.as_bytes()[i];
    if c < 0x80 {
        ASCII[c as usize] & ALNUM != 0
    } else {
        alphanumeric(char_at(text, i).0)
    }
}

/// Splits the text into words; each records its sentence. ASCII bytes take a fast path
/// through one table; other characters are decoded one by one.
pub fn tokenize(text: &str, sentences: &[(usize, usize)]) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut si = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let t = ASCII[c as usize];
        // Fast path: skip ASCII bytes that are not letters or digits.
        if t == 0 && c < 0x80 {
            i += 1;
            continue;
        }
        let start = i;
        let (cap, alpha) = if c < 0x80 {
            i += 1;
            (c.is_ascii_uppercase(), t & ALPHA != 0)
        } else {
            let (ch, len) = char_at(text, i);
            i += len;
            if !alphanumeric(ch) {
                continue;
            }
            (ch.is_uppercase(), ch.is_alphabetic())
        };
        let mut all_caps = cap || !alpha;
        let mut letters = alpha as usize;
        while i < b.len() {
            // Fast path: ASCII letters and digits, the bulk of every word.
            let c = b[i];
            let t = ASCII[c as usize];
            if t & ALNUM != 0 {
                all_caps &= t & LOWER == 0;
                letters += (t & ALPHA != 0) as usize;
                i += 1;
                continue;
            }
            // An ASCII byte that is not a letter or digit ends the word unless it joins.
            if c < 0x80 && c != b'\'' && c != b'-' {
                break;
            }
            let (ch, len) = char_at(text, i);
            if alphanumeric(ch) {
                all_caps &= !ch.is_lowercase();
                letters += ch.is_alphabetic() as usize;
                i += len;
                continue;
            }
            // inner apostrophe or hyphen: only when a letter or digit follows
            let joiner = match ch {
                '\'' | '-' => 1,
                '’' => 3,
                _ => 0,
            };
            if joiner > 0 && i + joiner < b.len() && word_char_at(text, i + joiner) {
                i += joiner;
                continue;
            }
            break;
        }
        while si + 1 < sentences.len() && sentences[si].1 <= start {
            si += 1;
        }
        out.push(Token {
            start,
            end: i,
            cap,
            all_caps: all_caps && letters > 1,
            sentence: si,
        });
    }
    out
}

/// Kinship nouns: the word after "my 92 year old" that makes the person the writer's family.
fn is_kin(word: &str) -> bool {
    matches!(
        word.trim_end_matches("'s").trim_end_matches("’s"),
        "mum"
            | "mom"
            | "mam"
            | "mother"
            | "dad"
            | "father"
            | "nan"
            | "nana"
            | "nanna"
            | "gran"
            | "granny"
            | "grandma"
            | "grandpa"
            | "grandmother"
            | "grandfather"
            | "grandad"
            | "granddad"
            | "great-grandma"
            | "great-grandpa"
            | "great-gran"
            | "son"
            | "daughter"
            | "niece"
            | "nephew"
            | "aunt"
            | "auntie"
            | "aunty"
            | "uncle"
            | "cousin"
            | "sister"
            | "brother"
            | "twins"
            | "twin"
            | "kid"
            | "kids"
            | "toddler"
            | "baby"
            | "grandson"
            | "granddaughter"
            | "grandbaby"
            | "stepson"
            | "stepdaughter"
            | "lola"
            | "lolo"
            | "abuela"
            | "abuelo"
            | "oma"
            | "opa"
            | "nonna"
            | "nonno"
            | "babcia"
            | "dziadek"
            | "bubbe"
            | "zayde"
            | "husband"
            | "wife"
            | "partner"
            | "pup"
            | "dog"
            | "cat"
    )
}

/// Words for a person the writer does not name ("the lady", "a guy"): in a care story,
/// a patient.
fn is_stranger(word: &str) -> bool {
    matches!(
        word,
        "lady" | "man" | "woman" | "guy" | "gentleman" | "girl" | "boy" | "dude" | "gal"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_not_word_ranges_hold_no_letter_or_digit() {
        for r in super::NOT_WORD {
            assert!(r.clone().all(|c| !c.is_alphanumeric()), "{r:?}");
        }
    }

    use super::*;

    /// The byte-by-byte splitter that `split_sentences` replaced.
    fn old_split_sentences(text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            // Most bytes can end no sentence: skip them with one comparison.
            if c > b'?' {
                i += 1;
                continue;
            }
            let mut cut = None;
            if c == b'\n' {
                cut = Some(i + 1);
            } else if c == b' ' && i - start > MAX_SENTENCE {
                // A run-on "sentence" is cut at a space so every story window stays bounded.
                cut = Some(i + 1);
            } else if c == b'.' || c == b'!' || c == b'?' {
                let mut j = i + 1;
                while j < b.len() && matches!(b[j], b'.' | b'!' | b'?' | b')' | b'"') {
                    j += 1;
                }
                if j >= b.len() || b[j] == b' ' || b[j] == b'\n' || b[j] == b'\r' {
                    let abbr = c == b'.' && {
                        let w = prev_word_raw(text, i);
                        ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a))
                            || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase())
                            || initials_word(w)
                    };
                    if !abbr {
                        cut = Some(j);
                    }
                }
                if cut.is_none() {
                    i = j.max(i + 1);
                    continue;
                }
            }
            if let Some(e) = cut {
                if e > start {
                    out.push((start, e));
                }
                start = e;
                i = e;
            } else {
                i += 1;
            }
        }
        if start < b.len() || out.is_empty() {
            out.push((start, b.len()));
        }
        out
    }

    /// The tokenizer before its byte table.
    fn old_tokenize(text: &str, sentences: &[(usize, usize)]) -> Vec<Token> {
        let b = text.as_bytes();
        let mut out = Vec::with_capacity(b.len() / 5);
        let mut si = 0;
        let mut i = 0;
        // (is alphanumeric, upper, lower, alphabetic, byte length) of the char at `i`
        let class = |i: usize| -> (bool, bool, bool, bool, usize) {
            let c = b[i];
            if c < 0x80 {
                (
                    c.is_ascii_alphanumeric(),
                    c.is_ascii_uppercase(),
                    c.is_ascii_lowercase(),
                    c.is_ascii_alphabetic(),
                    1,
                )
            } else {
                let ch = text[i..].chars().next().unwrap_or(' ');
                (
                    ch.is_alphanumeric(),
                    ch.is_uppercase(),
                    ch.is_lowercase(),
                    ch.is_alphabetic(),
                    ch.len_utf8(),
                )
            }
        };
        while i < b.len() {
            // Fast path: skip ASCII bytes that are not letters or digits.
            if b[i] < 0x80 && !b[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let (alnum, upper, _, alpha, len) = if b[i] < 0x80 {
                let c = b[i];
                (
                    true,
                    c.is_ascii_uppercase(),
                    false,
                    c.is_ascii_alphabetic(),
                    1,
                )
            } else {
                class(i)
            };
            if !alnum {
                i += len;
                continue;
            }
            let start = i;
            let cap = upper;
            let mut all_caps = upper || !alpha;
            let mut letters = alpha as usize;
            i += len;
            while i < b.len() {
                // Fast path: ASCII letters and digits, the bulk of every word.
                let c = b[i];
                if c.is_ascii_alphanumeric() {
                    all_caps &= !c.is_ascii_lowercase();
                    letters += c.is_ascii_alphabetic() as usize;
                    i += 1;
                    continue;
                }
                // An ASCII byte that is not a letter or digit ends the word unless it joins.
                if c < 0x80 && c != b'\'' && c != b'-' {
                    break;
                }
                let (alnum, _, lower, alpha, len) = class(i);
                if alnum {
                    all_caps &= !lower;
                    letters += alpha as usize;
                    i += len;
                    continue;
                }
                // inner apostrophe or hyphen: only when a letter or digit follows
                let joiner = if b[i] == b'\'' || b[i] == b'-' {
                    1
                } else if text[i..].starts_with('’') {
                    3
                } else {
                    0
                };
                if joiner > 0 && i + joiner < b.len() && class(i + joiner).0 {
                    i += joiner;
                    continue;
                }
                break;
            }
            while si + 1 < sentences.len() && sentences[si].1 <= start {
                si += 1;
            }
            out.push(Token {
                start,
                end: i,
                cap,
                all_caps: all_caps && letters > 1,
                sentence: si,
            });
        }
        out
    }

    #[test]
    fn whose_story_the_post_tells() {
        let whose = |t: &str| Context::new(t).whose;
        let refs = |t: &str| Context::new(t).refs.len();
        // The writer's family: no patient reference, a family story.
        for t in [
            "My 92 year old grandpa donated blood 60 times",
            "This is our niece, 2 days old, and she came home today",
            "Lola ko turned 95 and she still cooks for everyone",
            "Mi tía perdió la cartera en la calle Mayor",
        ] {
            assert_eq!(refs(t), 0, "{t}");
            assert!(whose(t).family, "{t}");
        }
        // A patient beside the family keeps the post a patient's.
        for t in [
            "my 92 year old patient donated blood 60 times",
            "the 92 year old man in bed 4 reminds me of my grandpa",
            "My mum called while the lady in room 7 was crashing",
            "Grandma came in with a hip fx at 0300 and she is 94",
        ] {
            assert!(!whose(t).family, "{t}");
        }
        assert!(whose("Due 14 Oct, it's a girl! My midwife is thrilled").own);
        assert!(!whose("Our first ECMO survivor ran the 10k").own);
        // A made-up patient is no reference; a real one is.
        assert_eq!(refs("Our fake patient is 'Test, Patient, MRN 99999999'"), 0);
        assert!(refs("Our patient is in bed 4") > 0);
        // A colleague's news: "Mr." is a UK surgeon's title, not a patient.
        let t = "Our longest-serving transplant surgeon, Mr. Okonkwo, operated his last list today";
        assert_eq!(refs(t), 0);
        assert!(whose(t).news);
        assert!(refs("Mr. Okonkwo was admitted to bed 4 last night") > 0);
    }

    #[test]
    fn initials_end_no_sentence() {
        for t in [
            "j.m. in bay 4 pulled his IV",
            "J.M. in bay 4 pulled his IV",
            "A.K.A. Jones came in",
        ] {
            assert_eq!(split_sentences(t).len(), 1, "{t}");
        }
        for t in [
            "I went home. Then I slept",
            "Call me at 5. Then go",
            "It was Tim. Then Jo",
        ] {
            assert_eq!(split_sentences(t).len(), 2, "{t}");
        }
        assert!(
            initials_word("j.m")
                && initials_word("A.K.A")
                && !initials_word("ab.c")
                && !initials_word("a.")
        );
    }

    #[test]
    fn splitters_match_the_byte_loops() {
        const PIECES: &[&str] = &[
            "a", "word", " ", " ", " ", "  ", ".", "!", "?", "...", "?!", ")", "\"", "\n", "\r\n",
            "Mr", "e.g", "St", "U.S", "X", "x", "é", "😭", "42", "-", "\t", "'", "’", "Ⓐ", "ß",
            "É", "٣", "ICU", "O'", "--",
        ];
        let mut rng = crate::testing::Rng(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        for round in 0..4000 {
            let mut text = String::new();
            // Some texts are long run-ons, with rare sentence ends.
            let (len, ends) = if round % 4 == 0 { (400, 40) } else { (60, 1) };
            for _ in 0..next(len) {
                let p = PIECES[next(PIECES.len())];
                if matches!(p, "." | "!" | "?" | "..." | "?!" | "\n" | "\r\n") && next(ends) != 0 {
                    text.push_str("word");
                } else {
                    text.push_str(p);
                }
            }
            let sentences = split_sentences(&text);
            assert_eq!(sentences, old_split_sentences(&text), "{text:?}");
            let key = |t: &[Token]| -> Vec<_> {
                t.iter()
                    .map(|t| (t.start, t.end, t.cap, t.all_caps, t.sentence))
                    .collect()
            };
            assert_eq!(
                key(&tokenize(&text, &sentences)),
                key(&old_tokenize(&text, &sentences)),
                "{text:?}"
            );
        }
    }
}
