//! Names without a neural model: honorifics ("Mr. Alvarez"), role words ("pt Jenny K.",
//! "her son Marcus", "baby Zoë"), "a Kyle Brandt", and common first and last names from the
//! US Census lists when the sentence is about care and not about staff.

use super::{Draft, Rule};
use crate::context::{Context, Token};
use crate::lexicon::{first_names, kind, not_name, surnames};
use crate::words::StaticSet;
use crate::{Category, Severity};

pub struct Names;

impl Names {
    pub fn new() -> Names {
        Names
    }
}

impl Default for Names {
    fn default() -> Self {
        Self::new()
    }
}

const RELATIVE_WORDS: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "mom",
    "mother",
    "dad",
    "father",
    "sister",
    "brother",
    "grandson",
    "granddaughter",
    "niece",
    "nephew",
    "grandma",
    "grandpa",
    "aunt",
    "uncle",
    "partner",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancé",
    "fiancée",
    "caregiver",
];
static RELATIVE_ROLES: StaticSet = StaticSet::new(RELATIVE_WORDS);

/// A word list both as a slice (for [`Shapes`]) and as a `matches!` test, which compiles to
/// a few length and byte comparisons instead of a call comparing against every entry.
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident, $test:ident: $($w:literal),+ $(,)?) => {
        $(#[$doc])*
        const $list: &[&str] = &[$($w),+];
        fn $test(w: &str) -> bool {
            matches!(w, $($w)|+)
        }
    };
}

word_list!(PATIENT_ROLES, patient_role: "pt", "patient", "client", "resident");

/// Lower-case words steps 2 and 3 look at besides the roles ("baby", "family of", "a").
const OTHER_TRIGGERS: &[&str] = &["baby", "of", "a"];

/// Honorifics of other languages, trusted like "Mr.": "Frau Meier", "Sra. Ibarra",
/// "Mme Lefebvre", "Herr K.".
fn foreign_honorific(w: &str) -> bool {
    matches!(
        w,
        "herr"
            | "frau"
            | "sr"
            | "sra"
            | "srta"
            | "señora"
            | "señor"
            | "senora"
            | "senor"
            | "señorita"
            | "mme"
            | "mlle"
            | "madame"
            | "monsieur"
    )
}

word_list!(
    /// Honorifics written in lower case too ("mrs j in 3", "sr. lópez"): step 1 also looks
    /// at these without a capital.
    LOWER_HONORIFICS,
    lower_honorific: "mr",
    "mrs",
    "ms",
    "herr",
    "frau",
    "sr",
    "sra",
    "srta",
    "señora",
    "señor",
    "senora",
    "senor",
    "señorita",
    "mme",
    "mlle",
);

/// Honorifics that are also first names, family words or everyday words ("Don Aurelio",
/// "Doña Rosa", "Lola Remedios", "Tita Baby", "M. Dubois"): trusted only capitalised, before
/// a capitalised name, in a post about care, and not after "my" (the writer's own lola).
fn weak_honorific(w: &str) -> bool {
    matches!(
        w,
        "don" | "dona" | "doña" | "lola" | "lolo" | "tita" | "tito" | "m"
    )
}

/// The words that can start a name in lower case: role words (step 2), "a" (step 3) and
/// honorifics (step 1). Every other step needs a capital, so a lower-case word of another
/// shape is skipped.
static LOWER_TRIGGERS: Shapes = Shapes::new(&[
    RELATIVE_WORDS,
    PATIENT_ROLES,
    OTHER_TRIGGERS,
    LOWER_HONORIFICS,
]);

word_list!(
    /// The group words of [`family_groups`].
    GROUP_WORDS,
    group_word: "family",
    "twins",
    "triplets",
    "quads",
    "quadruplets",
    "kids",
    "children",
    "boys",
    "girls",
    "sisters",
    "brothers",
    "siblings",
    "household",
    "baby",
);
static GROUPS: Shapes = Shapes::new(&[GROUP_WORDS]);

/// Lower-case words any pass may start at: the triggers and the group words.
static LOWER_STARTS: Shapes = Shapes::new(&[
    RELATIVE_WORDS,
    PATIENT_ROLES,
    OTHER_TRIGGERS,
    GROUP_WORDS,
    LOWER_HONORIFICS,
]);

/// Indices of the tokens any pass may start at, in order: words with a capital or in
/// capitals (chart and file names, honorifics, names) and lower-case words shaped like a
/// trigger or group word. Each pass skips every other token anyway, so walking only these
/// finds the same; most words of a post are neither.
fn starts(ctx: &Context) -> Vec<usize> {
    let low = ctx.lower.as_bytes();
    let mut out = Vec::with_capacity(ctx.tokens.len());
    for (i, t) in ctx.tokens.iter().enumerate() {
        if t.cap || t.all_caps || LOWER_STARTS.may_hold(low, t) {
            out.push(i);
        }
    }
    out
}

/// The (byte length, first letter) pairs of some word lists, as one bit each: a word whose
/// pair is unmarked is in none of the lists, found with a load and a shift instead of a
/// string comparison per listed word. Built at compile time; every listed word must start
/// with a letter a-z and be shorter than 16 bytes.
struct Shapes([u32; 16]);

impl Shapes {
    const fn new(lists: &[&[&str]]) -> Shapes {
        let mut bits = [0u32; 16];
        let mut l = 0;
        while l < lists.len() {
            let mut k = 0;
            while k < lists[l].len() {
                let w = lists[l][k].as_bytes();
                assert!(w.len() < 16 && w[0].is_ascii_lowercase());
                bits[w.len()] |= 1 << (w[0] - b'a');
                k += 1;
            }
            l += 1;
        }
        Shapes(bits)
    }

    /// Whether token `t` of the lower-cased post may be one of the listed words. Looks at
    /// bytes only: slicing a `str` would check character boundaries on every token.
    #[inline]
    fn may_hold(&self, low: &[u8], t: &Token) -> bool {
        let len = t.end - t.start;
        let c = low[t.start];
        len < 16 && c.is_ascii_lowercase() && self.0[len] >> (c - b'a') & 1 != 0
    }
}
static CREDENTIALS: StaticSet = StaticSet::new(&[
    "rn", "md", "do", "np", "pa", "rrt", "pharmd", "phd", "dnp", "bsn", "msn", "cna", "lpn",
    "crna", "facc", "facs", "faan", "ccc-slp", "slp", "pt", "dpt", "ot", "otr", "emt", "rrt-nps",
    "lcsw", "msw", "mph", "aprn", "fnp", "fnp-c", "cnm",
]);

/// First names that are everyday words; only trusted when capitalised after a role word.
static WORDLIKE: StaticSet = StaticSet::new(&[
    "will",
    "may",
    "june",
    "april",
    "august",
    "hope",
    "joy",
    "faith",
    "grace",
    "mark",
    "bill",
    "rose",
    "art",
    "pat",
    "sue",
    "don",
    "ray",
    "jack",
    "frank",
    "dawn",
    "iris",
    "ivy",
    "holly",
    "summer",
    "chase",
    "drew",
    "guy",
    "hunter",
    "lane",
    "miles",
    "page",
    "penny",
    "rich",
    "robin",
    "sandy",
    "wade",
    "young",
    "love",
    "lee",
    "king",
    "best",
    "bob",
    "carol",
    "jean",
    "jan",
    "gene",
    "buck",
    "rusty",
    "early",
    "star",
    "sky",
    "amber",
    "crystal",
    "ruby",
    "pearl",
    "jade",
    "destiny",
    "precious",
    "angel",
    "sunny",
    "harmony",
    "autumn",
    "violet",
    "lily",
    "daisy",
    "heather",
    "olive",
    "ginger",
    "candy",
    "brandy",
    "misty",
    "willow",
    "river",
    "reed",
    "major",
    "christian",
    "an",
    "in",
    "so",
    "else",
    "ed",
    "al",
    "mac",
    "deal",
    "else",
    "ali",
    "sage",
    "hazel",
    "merry",
    "tommie",
    "price",
    "long",
    "else",
    "son",
    "nurse",
    "doc",
    "patience",
    "charity",
    "mercy",
    "constance",
    "felicity",
    "trinity",
    "glory",
    "honor",
    "temperance",
    "else",
    "ernest",
    "earnest",
    "noble",
    "royal",
    "else",
    "china",
    "paris",
    "austin",
    "dallas",
    "houston",
    "florence",
    "georgia",
    "virginia",
    "carolina",
    "dakota",
    "madison",
    "jackson",
    "tyler",
    "lincoln",
    "tuesday",
    "monday",
    "precious",
    "cherry",
    "else",
    "sharon",
    "august",
    "bud",
    "buddy",
    "sonny",
    "junior",
    "chance",
    "else",
]);

/// "HANSEN, MARGARET", "FOREST, BABY BOY": the LAST, FIRST form of charts, labels and
/// wristbands, in capitals. A known surname or first name must take part.
fn chart_names(ctx: &Context, starts: &[usize], out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    for &i in starts {
        let (Some(&a), Some(&b)) = (toks.get(i), toks.get(i + 1)) else {
            break;
        };
        // Record text also writes "Holloway, Grace" and "Thunderbird, J." on its boards
        // and lists; a post writes LAST, FIRST only in capitals.
        let mixed = ctx.record
            && a.cap
            && a.end - a.start >= 2
            && b.cap
            && (b.end - b.start >= 2 || ctx.text[b.end..].starts_with('.'))
            // "Holloway, Grace", "HUANG, DAVID", never "Injection, USP" or "Hospira, Inc".
            && (b.end - b.start == 1 || a.all_caps == b.all_caps)
            && ctx.lower[b.start..b.end].bytes().all(|c| c.is_ascii_alphabetic())
            && !matches!(
                &ctx.lower[b.start..b.end],
                "inc" | "llc" | "ltd" | "co" | "corp" | "plc" | "usp" | "md" | "rn" | "do" | "np"
            );
        if !mixed && (!a.all_caps || !b.all_caps || a.end - a.start < 2 || b.end - b.start < 2) {
            continue;
        }
        let gap = &ctx.text[a.end..b.start];
        if gap != ", " && gap != "," {
            continue;
        }
        let (last, first) = (&low[a.start..a.end], &low[b.start..b.end]);
        if !last
            .bytes()
            .all(|c| c.is_ascii_alphabetic() || c == b'\'' || c == b'-')
            || not_name(last)
            || (not_name(first) && !matches!(first, "baby" | "infant" | "twin"))
        {
            continue;
        }
        let known = surnames().contains(last)
            || first_names().contains(first)
            || matches!(first, "baby" | "infant" | "twin")
            || (mixed && !a.all_caps && last.len() >= 3 && !in_a_place(ctx, i, b.end));
        if !known {
            continue;
        }
        let mut end = b.end + usize::from(b.end - b.start == 1);
        // "BABY BOY", "BABY GIRL", "MARY ANN"
        if let Some(c) = toks.get(i + 2) {
            if a.all_caps && c.all_caps && c.start == end + 1 && c.sentence == b.sentence {
                end = c.end;
            }
        }
        out.push(
            Draft::new(Category::PhiName, Severity::High, a.start, end)
                .suggest("")
                .anchor(true),
        );
    }
}

/// Whether "Word, Word" at token `i` is part of a place or a clinician rather than a
/// LAST, First name: a capitalized word or a house number just before it ("12 Kingsway
/// Court, Luton", "Dr J Nguyen, Brighton"), or a credential after it ("Whitfield, Anne MD").
fn in_a_place(ctx: &Context, i: usize, end: usize) -> bool {
    let text = ctx.text;
    let a = ctx.tokens[i];
    let line = &text[text[..a.start].rfind('\n').map_or(0, |n| n + 1)..a.start];
    // "4/27 Esplanade, Glenelg": a house number right before it (a board's times and
    // chair numbers stand apart in columns).
    let lb = line.as_bytes();
    if lb.len() >= 2 && lb[lb.len() - 1] == b' ' && lb[lb.len() - 2].is_ascii_digit() {
        return true;
    }
    if i > 0 {
        let p = ctx.tokens[i - 1];
        if p.cap && p.end <= a.start && text[p.end..a.start].bytes().all(|c| c == b' ') {
            return true;
        }
    }
    followed_by_credential(ctx, end)
}

impl Rule for Names {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let toks = &ctx.tokens;
        let low = ctx.lower.as_str();
        let starts = starts(ctx);
        chart_names(ctx, &starts, out);
        family_groups(ctx, &starts, out);
        file_names(ctx, &starts, out);
        initials(ctx, out);
        let given = first_names();
        let mut covered_until = 0;
        for &i in &starts {
            let t = toks[i];
            if t.start < covered_until {
                continue;
            }
            // Steps 1, 3b and 4 need a capital; steps 2 and 3 need one of the trigger words.
            let trigger = LOWER_TRIGGERS.may_hold(low.as_bytes(), &t);
            if !t.cap && !trigger {
                continue;
            }
            let w = &low[t.start..t.end];
            let si = t.sentence;
            let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
            let prev = if i > 0 {
                Some(&low[toks[i - 1].start..toks[i - 1].end])
            } else {
                None
            };

            // 1. Honorifics: "Mr. Delgado", "Mrs. W.", "Miss Dot", "Dr. Feld", "Frau Meier",
            //    "Sra. Ibarra", "Mme Lefebvre"; in lower case "mrs j", "sr. lópez"; the weak
            //    ones ("Don Aurelio", "M. Dubois") only where a care story names a patient.
            let english = matches!(w, "mr" | "mrs" | "ms" | "miss" | "mx" | "mister" | "dr");
            let weak = t.cap
                && !t.all_caps
                && weak_honorific(w)
                && (w != "m" || ctx.text[t.end..].starts_with(". "))
                && (t.start == 0
                    || matches!(ctx.text.as_bytes()[t.start - 1], b' ' | b'\n' | b'(' | b'"'))
                && toks.get(i + 1).is_some_and(|x| {
                    let next = fold(&low[x.start..x.end]);
                    x.cap
                        && (surnames().contains(&next[..])
                            || w != "m" && first_names().contains(&next[..]))
                })
                && !prev.is_some_and(|p| {
                    possessive(p) || matches!(p, "my" | "our" | "mi" | "mamá" | "mama")
                })
                && care_post(ctx, out);
            if !t.cap && lower_honorific(w) {
                if let Some(end) = lower_honorific_name(ctx, i, si) {
                    out.push(
                        Draft::new(Category::PhiName, severity_in(ctx), t.start, end)
                            .suggest("a patient")
                            .anchor(true),
                    );
                    covered_until = end;
                    continue;
                }
            }
            if t.cap && (english || foreign_honorific(w)) || weak {
                let (mut end, mut n) = name_run(ctx, i + 1, si, false);
                let mut start = t.start;
                // A record's name line in capitals ("MR GRAHAM ELLIOTT PRYCE"): the words
                // in capitals after a title in capitals, up to three, on its line (the
                // finding is the name, as a record's other name lines are).
                if n == 0 && ctx.record && t.all_caps {
                    start = toks.get(i + 1).map_or(t.start, |x| x.start);
                    for x in toks[i + 1..].iter().take(3) {
                        let gap = &ctx.text[end.max(t.end)..x.start];
                        let xw = &low[x.start..x.end];
                        if x.sentence != si
                            || !x.all_caps
                            || x.end - x.start < 2
                            || gap.len() > 2
                            || gap.contains('\n')
                            || not_name(xw)
                            || xw.bytes().any(|c| c.is_ascii_digit())
                        {
                            break;
                        }
                        end = x.end;
                        n += 1;
                    }
                }
                // The weak ones need a capitalised word of two letters or more.
                if weak && (n == 0 || toks[i + 1].end - toks[i + 1].start < 2) {
                    continue;
                }
                // "Mr. G", "Mrs. W.": an honorific and an initial is a nickname for one person.
                if n == 0 && w != "dr" {
                    if let Some(x) = toks.get(i + 1) {
                        if x.cap && x.end - x.start == 1 && x.sentence == si && x.start - t.end <= 2
                        {
                            end = x.end + usize::from(ctx.text[x.end..].starts_with('.'));
                            n = 1;
                        }
                    }
                }
                if n == 0 {
                    continue;
                }
                if w == "dr" {
                    // A doctor is named everywhere; only in a patient's story is it a risk.
                    let complaint =
                        ks & kind::NEGATIVE != 0 && ks & (kind::CLINICAL | kind::CONDITION) != 0;
                    // "Dr. Halvorsen's DEA number": a prescriber's own identifier in a story.
                    let exposed = {
                        let name = &low[t.start..end];
                        let rest = if name.ends_with("'s") || name.ends_with("’s") {
                            &low[end - 1..]
                        } else {
                            low[end..].trim_start_matches(['\'', '’'])
                        };
                        rest.starts_with("s dea")
                            || rest.starts_with("s npi")
                            || rest.starts_with("s license")
                            || rest.starts_with("s licence")
                            || rest.starts_with("s prescription pad")
                            || rest.starts_with("s signature")
                    };
                    if exposed {
                        out.push(
                            Draft::new(Category::PhiName, Severity::High, start, end)
                                .suggest("a prescriber"),
                        );
                        covered_until = end;
                        continue;
                    }
                    // The patient may be a sentence away ("j.m. in bed 8 pulled his NG
                    // tube. Dr. Okafor says restrain") or the post's ("Baby girl born at 26
                    // weeks ... Dr. Mahler and I did CPR").
                    let near = ctx.patient_in(si.saturating_sub(1), si + 1)
                        || ctx.patient_post && !historical(ctx);
                    if !(near || complaint)
                        || ks & (kind::PRAISE | kind::STAFF) != 0 && !ctx.patient_in(si, si)
                    {
                        continue;
                    }
                    out.push(
                        Draft::new(Category::PhiName, Severity::High, start, end)
                            .message("Naming a colleague in a patient's story identifies them and narrows down the patient; HIPAA Safe Harbor (45 CFR 164.514(b)(2)) lists names first.")
                            .suggest("a colleague"),
                    );
                } else {
                    let clinical = ctx.patient_post
                        || ctx.post_kinds
                            & (kind::CLINICAL | kind::CONDITION | kind::PATIENT_EVENT)
                            != 0;
                    let sev = if foreign_honorific(w) && fiction(ctx) && !ctx.patient_in(si, si) {
                        // "Madame Bovary" in a post about a novel.
                        Severity::Low
                    } else if clinical {
                        Severity::High
                    } else if foreign_honorific(w) && !ctx.patient_in(si, si) {
                        // "Mme Bovary", "Frau Holle": outside a care story a title of another
                        // language is as often a character's as a patient's.
                        Severity::Low
                    } else {
                        Severity::Medium
                    };
                    out.push(
                        Draft::new(Category::PhiName, sev, start, end)
                            .suggest("a patient")
                            .anchor(true),
                    );
                }
                covered_until = end;
                continue;
            }

            // 2. Role words: "pt Jenny K.", "my patient Rob Kessler", "her son Marcus",
            //    "baby Zoë", "family of Tomás Reyes".
            let relative = trigger && prev.is_some_and(possessive) && RELATIVE_ROLES.contains(w);
            let patient_role = trigger
                && patient_role(w)
                && !(w == "pt" && ctx.text[t.start..t.end].starts_with("PT"));
            let baby = w == "baby";
            let family_of = w == "of" && prev == Some("family");
            if relative || patient_role || baby || family_of {
                let lower_ok = patient_role;
                // "baby girl Lily": the sex word sits between the role and the name.
                let skip = usize::from(
                    baby && toks
                        .get(i + 1)
                        .is_some_and(|x| matches!(&low[x.start..x.end], "girl" | "boy")),
                );
                if baby {
                    if let Some(d) = twin_surname(ctx, i, si) {
                        covered_until = d.end;
                        out.push(d);
                        continue;
                    }
                }
                let (end, n) = name_run(ctx, i + 1 + skip, si, lower_ok);
                if n > 0 {
                    let first = toks[i + 1 + skip];
                    // "baby Zoë" needs a capital; "baby boy" is not a name.
                    if baby && !first.cap {
                        continue;
                    }
                    let msg = if relative || family_of {
                        "A relative's name ties the story to one family and so to the patient; names are a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2))."
                    } else {
                        Category::PhiName.message()
                    };
                    out.push(
                        Draft::new(Category::PhiName, Severity::High, first.start, end)
                            .message(msg)
                            .suggest("")
                            // "pt Jenny K.", not a heading ("Patient Advocacy Office").
                            .anchor(!t.cap),
                    );
                    covered_until = end;
                    continue;
                }
            }

            // 3. "a Kyle Brandt": an indefinite article before a full name is a stranger.
            if w == "a" && !t.cap {
                if let Some(n1) = toks.get(i + 1) {
                    let f = &low[n1.start..n1.end];
                    if n1.cap && n1.sentence == si && given.contains(f) && !WORDLIKE.contains(f) {
                        let (end, n) = name_run(ctx, i + 1, si, false);
                        if n >= 2 && !followed_by_credential(ctx, end) {
                            out.push(
                                Draft::new(Category::PhiName, severity_in(ctx), t.start, end)
                                    .suggest("someone"),
                            );
                            covered_until = end;
                            continue;
                        }
                    }
                }
            }

            // 3b. "her name is Liberty", "registered as \"Amanda Cole\"", "is now Marcus Bell":
            //     words that introduce a name, in a post about care.
            let cue = if t.cap && !t.all_caps {
                introduced(ctx, i)
            } else {
                Cue::None
            };
            if cue != Cue::None && !not_name(w) && quiet(ks) && care_post(ctx, out) {
                let known = given.contains(w);
                if cue == Cue::Strong || known {
                    let (end, n) = name_run_free(ctx, i, si);
                    if n > 0 && !followed_by_credential(ctx, end) {
                        out.push(
                            Draft::new(Category::PhiName, Severity::High, t.start, end)
                                .suggest("a patient"),
                        );
                        covered_until = end;
                        continue;
                    }
                }
            }

            // 4. A first and last name in a sentence about care, not about staff; not after
            //    a family title used as a name ("Mamá Lupe", "Uncle Bob": the writer's own).
            if t.cap && !t.all_caps && given_name(w) && !not_name(w) && !kin_title_before(ctx, i) {
                if prev.is_some_and(|p| {
                    matches!(
                        p,
                        "dr" | "nurse" | "nurses" | "coach" | "pastor" | "st" | "saint"
                    )
                }) {
                    continue;
                }
                let (end, n) = name_run_free(ctx, i, si);
                let care = ks & (kind::CLINICAL | kind::CONDITION | kind::PATIENT_EVENT) != 0;
                // "Linda Park's warfarin": a possessive name owning care.
                let owns_care = n > 0 && {
                    let rest = &low[end.min(low.len())..];
                    let name = &low[t.start..end.min(low.len())];
                    (rest.starts_with("'s ")
                        || rest.starts_with("’s ")
                        || name.ends_with("'s")
                        || name.ends_with("’s"))
                        && (ctx.has_in(
                            end,
                            (end + 24).min(low.len()),
                            kind::CLINICAL | kind::CONDITION,
                        ) || matches!(
                            crate::context::next_word(low, rest.find(' ').map_or(end, |k| end + k)),
                            "record"
                                | "records"
                                | "results"
                                | "file"
                                | "scan"
                                | "scans"
                                | "mar"
                                | "imaging"
                                | "x-rays"
                        ))
                };
                let patientish = ctx.patient_in(si, si) || (ctx.patient_post && care) || owns_care;
                let staff = ks & (kind::STAFF | kind::CONTACT | kind::HIRING | kind::PRAISE) != 0
                    || followed_by_credential(ctx, end);
                // 4a. A first name and an initial ("Kyle R.", "Renée B."): how a story shortens
                //     a particular person's name, in a post about care, not about staff.
                let with_initial = n == 2 && {
                    let x = toks[i + 1];
                    x.end - x.start == 1 && ctx.text[x.end..].starts_with('.')
                };
                if with_initial
                    && !staff
                    && !ctx.text[..t.start].ends_with('@')
                    && quiet(ks)
                    && care_post(ctx, out)
                    && !preceded_by_staff_role(ctx, i)
                {
                    out.push(
                        Draft::new(Category::PhiName, Severity::High, t.start, end)
                            .suggest("a patient"),
                    );
                    covered_until = end;
                    continue;
                }
                // 4b. A name the sentence ties to care by itself: an identifier beside it
                //     ("Jonathan Pryor, SSN ...", "Bernie (born ...", "Lola Remedios, 96,"),
                //     a greeting to the person in a care post ("so good seeing you, Danielle"),
                //     the subject of a care event ("Today Lorraine finished radiation"), a
                //     relative clause or hometown in an event sentence ("Gerald from Tooele,
                //     who we discharged Friday").
                if n > 0
                    && ks & (kind::HIRING | kind::CONTACT | kind::PROMO) == 0
                    && !followed_by_credential(ctx, end)
                {
                    let wordlike = WORDLIKE.contains(w) && n < 2;
                    let cued = identified(ctx, end)
                        || bedded(ctx, end)
                        || (!wordlike
                            && !staff
                            && care_post(ctx, out)
                            && quiet(ks)
                            && !preceded_by_staff_role(ctx, i)
                            && (addressed(ctx, i, end, si)
                                || care_subject(ctx, i, end, si, ks)
                                || described(ctx, end, ks)));
                    if cued {
                        out.push(
                            Draft::new(Category::PhiName, Severity::High, t.start, end)
                                .suggest("a patient")
                                .pinned(),
                        );
                        covered_until = end;
                        continue;
                    }
                }
                if n >= 2 && patientish && !staff {
                    let last = &low[toks[i + 1].start..toks[i + 1].end];
                    if surnames().contains(last) || toks[i + 1].cap {
                        out.push(
                            Draft::new(Category::PhiName, Severity::High, t.start, end)
                                .suggest("a patient"),
                        );
                        covered_until = end;
                        continue;
                    }
                }
                // 5. A lone first name beside a particular patient ("So proud of you Tammy").
                let sentence_start = ctx.sentence_span(si).0 == t.start;
                if n == 1
                    && !sentence_start
                    && !WORDLIKE.contains(w)
                    && ctx.patient_post
                    && (ctx.patient_in(si.saturating_sub(1), si + 1)
                        || ks & (kind::PERSON | kind::CLINICAL | kind::CONDITION) != 0)
                    && ks & (kind::CONTACT | kind::HIRING) == 0
                    && !followed_by_credential(ctx, end)
                    && !preceded_by_staff_role(ctx, i)
                {
                    out.push(
                        Draft::new(Category::PhiName, Severity::High, t.start, end).suggest(""),
                    );
                    covered_until = end;
                }
            }
        }
    }
}

/// "her son", "pt's daughter": the word before a relative's role.
fn possessive(p: &str) -> bool {
    matches!(
        p,
        "her" | "his" | "their" | "your" | "pt's" | "patient's" | "pt’s" | "patient’s"
    )
}

/// The post tells of care: a particular patient, clinical words, or a patient's hard
/// identifier found by an earlier rule.
fn care_post(ctx: &Context, out: &[Draft]) -> bool {
    ctx.patient_post
        || ctx.post_kinds & (kind::CLINICAL | kind::CONDITION | kind::PATIENT_EVENT) != 0
        || out.iter().any(|d| {
            d.severity == Severity::High
                && d.category != Category::PhiRoom
                && d.category.id().starts_with("phi.")
        })
}

/// The sentence does not thank, praise, hire or advertise (where names are staff's).
fn quiet(ks: u64) -> bool {
    ks & (kind::STAFF | kind::PRAISE | kind::HIRING | kind::CONTACT | kind::PROMO) == 0
}

/// A post about history ("in 1951", "the 1940s") or fiction ("season 1", "medical
/// dramas"): its names are public figures or characters. Read once per post.
fn historical(ctx: &Context) -> bool {
    *ctx.historical.get_or_init(|| fiction(ctx) || has_year(ctx))
}

/// A year from 1800 to 1999 written as a word of its own ("in 1951", "the 1940s").
fn has_year(ctx: &Context) -> bool {
    let b = ctx.lower.as_bytes();
    b.windows(4).enumerate().any(|(k, w)| {
        (w[0] == b'1'
            && (w[1] == b'8' || w[1] == b'9')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit())
            && (k == 0 || !b[k - 1].is_ascii_alphanumeric())
            && b.get(k + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// A post about fiction ("season 1", "medical dramas", "the novel"): its names are
/// characters. Read once per post.
fn fiction(ctx: &Context) -> bool {
    *ctx.fiction.get_or_init(|| fiction_words(ctx))
}

/// Whether the post holds a word of fiction (`fiction`).
fn fiction_words(ctx: &Context) -> bool {
    const FICTION: &[&str] = &[
        "season ",
        "episode",
        "drama",
        "sitcom",
        "tv show",
        "on tv",
        "netflix",
        "rewatch",
        "binge",
        "character",
        "novel",
        "grey's anatomy",
        "greysanatomy",
        "the pitt",
        "scrubs (",
        "movie",
        "film",
    ];
    FICTION.iter().any(|f| ctx.lower.contains(f))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    /// "named", "her name is", "goes by", "as \"...\"": whatever follows is a name.
    Strong,
    /// "is now": a known first name that follows is a name.
    Weak,
}

/// Words right before token `i` that introduce a name.
fn introduced(ctx: &Context, i: usize) -> Cue {
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    let t = toks[i];
    let word = |k: usize| -> &str {
        let x = toks[k];
        if x.sentence == t.sentence {
            &low[x.start..x.end]
        } else {
            ""
        }
    };
    if ctx.post_kinds & (kind::OWN | kind::OWN_FAMILY) != 0 && !ctx.patient_post {
        return Cue::None;
    }
    let p1 = if i >= 1 { word(i - 1) } else { "" };
    let p2 = if i >= 2 { word(i - 2) } else { "" };
    // Only looked at after "as" or "under".
    let quoted = || low[..t.start].ends_with(['"', '“']) || low[..t.start].ends_with("\u{201c}");
    match (p2, p1) {
        ("i" | "we" | "they" | "she" | "he", "named") => Cue::None,
        (_, "named" | "aka") => Cue::Strong,
        ("name", "is" | "was" | "'s") | ("goes" | "went", "by") => Cue::Strong,
        (_, "as" | "under") if quoted() => Cue::Strong,
        ("is" | "was", "now") => Cue::Weak,
        _ => Cue::None,
    }
}

/// An identifier or age right after a name: "Pryor, SSN ...", "Bernie (born ...",
/// "Remedios, 96,", "Ann K., DOB ...".
fn identified(ctx: &Context, end: usize) -> bool {
    let rest = &ctx.lower[end..];
    let Some(r) = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(" ("))
        .or_else(|| rest.strip_prefix(" - "))
        .or_else(|| rest.strip_prefix(" — "))
    else {
        return false;
    };
    if [
        "ssn",
        "dob",
        "d.o.b",
        "mrn",
        "mr#",
        "born ",
        "b. ",
        "date of birth",
        "age ",
        "aged ",
        "medical record",
        "member id",
        "acct",
    ]
    .iter()
    .any(|p| r.starts_with(p))
    {
        return true;
    }
    let n = r.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&n) && {
        let a = &r[n..];
        a.starts_with(',')
            || a.starts_with(')')
            || a.starts_with("yo")
            || a.starts_with(" yo")
            || a.starts_with("y/o")
            || a.starts_with(" y/o")
            || a.starts_with("-year")
    }
}

/// The sentence speaks to someone ("so good seeing you", "miss you already").
/// The name is spoken to: the sentence says "you" (in lower case, not in a title) and the
/// name closes the sentence ("see you next week Gerald!", "it's you, Derek") or opens it
/// before a greeting ("Danielle Hurst it was so good seeing you").
fn addressed(ctx: &Context, i: usize, end: usize, si: usize) -> bool {
    let (s, e) = ctx.sentence_span(si);
    let you = ctx.text[s..e]
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .any(|w| matches!(w, "you" | "your" | "you're" | "youre" | "ya"));
    if !you {
        return false;
    }
    let closes = !ctx.text[end.min(e)..e].chars().any(|c| c.is_alphanumeric());
    let toks = &ctx.tokens;
    let opens = (i == 0 || toks[i - 1].sentence != si)
        && matches!(
            crate::context::next_word(&ctx.lower, end),
            "it" | "you" | "i" | "we" | "thank" | "thanks" | "so" | "hope" | "keep" | "miss"
        );
    closes || opens
}

/// "Today Lorraine finished her radiation", "Henry was the longest-stay patient": a name
/// opening a sentence about a care event, as its subject.
fn care_subject(ctx: &Context, i: usize, end: usize, si: usize, ks: u64) -> bool {
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    let opens = |k: usize| k == 0 || toks[k - 1].sentence != si;
    let first = opens(i)
        || (i >= 1
            && opens(i - 1)
            && matches!(
                &low[toks[i - 1].start..toks[i - 1].end],
                "today" | "yesterday" | "tonight" | "finally" | "now"
            ));
    first
        && matches!(
            crate::context::next_word(low, end),
            "was"
                | "is"
                | "had"
                | "has"
                | "finished"
                | "got"
                | "went"
                | "came"
                | "passed"
                | "died"
                | "rang"
                | "started"
                | "completed"
                | "walked"
                | "left"
                | "coded"
                | "needed"
                | "turned"
                | "beat"
                | "survived"
                | "fought"
                | "underwent"
                | "received"
                | "spent"
                | "finally"
                | "just"
        )
        && ks & (kind::PATIENT_EVENT | kind::REF) != 0
        && ks & kind::OCCUPATION == 0
        && ctx.post_kinds & (kind::OWN | kind::OWN_FAMILY) == 0
        && !historical(ctx)
}

/// "Gerald from Tooele, who we discharged Friday", "Tyler R., who was trespassed": a name
/// described by a clause or hometown in a sentence about care.
fn described(ctx: &Context, end: usize, ks: u64) -> bool {
    let rest = &ctx.text[end..];
    let clause = rest.starts_with(", who ")
        || rest
            .strip_prefix(" from ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
    clause && ks & (kind::PATIENT_EVENT | kind::CONDITION | kind::CLINICAL) != 0 && !historical(ctx)
}

/// "Baby A & Baby B Harrington": twins' placeholder names carry the family name.
fn twin_surname(ctx: &Context, i: usize, si: usize) -> Option<Draft> {
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    let mut j = i + 1;
    let mut letters = 0;
    while let Some(x) = toks.get(j) {
        if x.sentence != si {
            return None;
        }
        if x.cap && x.end - x.start == 1 {
            letters += 1;
        } else if !matches!(&low[x.start..x.end], "and" | "baby") {
            break;
        }
        j += 1;
    }
    let x = toks.get(j)?;
    let xw = &low[x.start..x.end];
    if letters == 0 || x.sentence != si || !x.cap || x.end - x.start < 2 || not_name(xw) {
        return None;
    }
    Some(Draft::new(Category::PhiName, Severity::High, x.start, x.end).suggest(""))
}

/// "the Hendersons", "the Nguyens": a family named by its surname in the plural, in a
/// care story (not a team, a band or a sitcom's family).
fn plural_surnames(ctx: &Context, out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    for i in 1..toks.len() {
        let t = toks[i];
        let w = &low[t.start..t.end];
        let the = toks[i - 1];
        if !t.cap
            || t.all_caps
            || w.len() < 4
            || !w.ends_with('s')
            || &low[the.start..the.end] != "the"
            || the.sentence != t.sentence
            || ctx.text[the.end..t.start] != *" "
        {
            continue;
        }
        let stem = w.strip_suffix("es").filter(|s| surnames().contains(s));
        let Some(stem) = stem.or_else(|| w.strip_suffix('s').filter(|s| surnames().contains(s)))
        else {
            continue;
        };
        if not_name(stem)
            || matches!(
                w,
                "packers"
                    | "browns"
                    | "kings"
                    | "saints"
                    | "bears"
                    | "lions"
                    | "rams"
                    | "cardinals"
                    | "giants"
                    | "jets"
                    | "eagles"
                    | "colts"
                    | "chiefs"
                    | "royals"
                    | "twins"
                    | "reds"
                    | "mets"
                    | "smiths"
                    | "beatles"
                    | "simpsons"
                    | "kardashians"
                    | "joneses"
                    | "waltons"
                    | "rangers"
                    | "rockets"
                    | "hawks"
                    | "bulls"
                    | "pistons"
                    | "mariners"
                    | "nationals"
                    | "angels"
                    | "pirates"
                    | "braves"
                    | "marlins"
                    | "guards"
                    | "nurses"
            )
        {
            continue;
        }
        // "the Millers Foundation" is an organisation ("the Hendersons' house" is still a family).
        if capital_follows(toks, i) {
            continue;
        }
        let ks = ctx.sent_kinds.get(t.sentence).copied().unwrap_or(0);
        if ks & (kind::HIRING | kind::CONTACT | kind::PROMO) != 0
            || !care_post(ctx, out)
            || historical(ctx)
        {
            continue;
        }
        out.push(family_name(the.start, t.end));
    }
}

/// Whether a capitalised word follows token `i` in its sentence, one space away at most.
fn capital_follows(toks: &[Token], i: usize) -> bool {
    let t = toks[i];
    toks.get(i + 1)
        .is_some_and(|n| n.cap && n.sentence == t.sentence && n.start - t.end <= 1)
}

/// A family named by its surname, from "the" to the family word.
fn family_name(start: usize, end: usize) -> Draft {
    Draft::new(Category::PhiName, Severity::High, start, end)
        .message("A family named by its surname points straight at the patient; names are a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).")
        .suggest("the family")
}

/// "the Okafor twins", "The Ramirez kids, Josue and Ana": a family named by its surname in
/// a care story, and the children's names that follow it.
fn family_groups(ctx: &Context, starts: &[usize], out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    plural_surnames(ctx, out);
    for &i in starts.iter().filter(|&&i| i >= 2) {
        let t = toks[i];
        if !GROUPS.may_hold(low.as_bytes(), &t) {
            continue;
        }
        let w = &low[t.start..t.end];
        if !group_word(w) || t.cap && w == "family" {
            continue;
        }
        // one or two capitalised words between "the" and the group word
        let mut k = i - 1;
        let mut words = 0;
        while words < 2 {
            let x = toks[k];
            let xw = &low[x.start..x.end];
            if x.sentence != t.sentence || !x.cap || x.all_caps || not_name(xw) {
                break;
            }
            words += 1;
            if k == 0 {
                break;
            }
            k -= 1;
        }
        let the = toks[k];
        if words == 0 || &low[the.start..the.end] != "the" || the.sentence != t.sentence {
            continue;
        }
        // "the Miller Family Foundation" is an organisation.
        if capital_follows(toks, i) {
            continue;
        }
        let ks = ctx.sent_kinds.get(t.sentence).copied().unwrap_or(0);
        if ks & (kind::HIRING | kind::CONTACT | kind::PROMO) != 0
            || (ks & (kind::STAFF | kind::PRAISE) != 0
                && ks & (kind::SEX | kind::PATIENT_EVENT | kind::CONDITION) == 0)
            || !care_post(ctx, out)
            || historical(ctx)
        {
            continue;
        }
        out.push(family_name(the.start, t.end));
        // "The Ramirez kids, Josue and Ana, ..."
        if !ctx.text[t.end..].starts_with(", ") {
            continue;
        }
        let mut j = i + 1;
        while let Some(x) = toks.get(j) {
            let xw = &low[x.start..x.end];
            if x.sentence != t.sentence {
                break;
            }
            if xw == "and" {
                j += 1;
                continue;
            }
            if !x.cap || !first_names().contains(xw) || not_name(xw) {
                break;
            }
            out.push(Draft::new(Category::PhiName, Severity::High, x.start, x.end).suggest(""));
            j += 1;
        }
    }
}

/// "Retina_HOWELL_J.jpg": a surname in capitals joined to an initial in a file name.
fn file_names(ctx: &Context, starts: &[usize], out: &mut Vec<Draft>) {
    if !ctx.text.contains('_') {
        return;
    }
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    for &i in starts {
        let (Some(&a), Some(&b)) = (toks.get(i), toks.get(i + 1)) else {
            break;
        };
        if !a.all_caps || a.end - a.start < 2 || b.start != a.end + 1 {
            continue;
        }
        if ctx.text.as_bytes()[a.end] != b'_' || !surnames().contains(&low[a.start..a.end]) {
            continue;
        }
        let bw = &low[b.start..b.end];
        if !(b.end - b.start <= 2 && b.cap || first_names().contains(bw)) {
            continue;
        }
        if !care_post(ctx, out) {
            continue;
        }
        out.push(Draft::new(Category::PhiName, Severity::High, a.start, b.end).suggest(""));
    }
}

fn severity_in(ctx: &Context) -> Severity {
    if ctx.patient_post
        || ctx.post_kinds & (kind::CLINICAL | kind::CONDITION | kind::PATIENT_EVENT) != 0
    {
        Severity::High
    } else {
        Severity::Medium
    }
}

/// A name after a lower-case honorific at token `i` ("mrs j", "sr. lópez", "frau meier"):
/// a capitalised run, a single-letter initial, or a lower-case word that is no common word
/// and, unless a period follows the honorific, a known surname ("ms" alone is also
/// multiple sclerosis). Returns the name's end.
fn lower_honorific_name(ctx: &Context, i: usize, si: usize) -> Option<usize> {
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    let t = toks[i];
    let x = *toks.get(i + 1)?;
    let gap = &ctx.text[t.end..x.start];
    let dotted = gap == ". ";
    if x.sentence != si || !(dotted || gap == " ") {
        return None;
    }
    let next = &low[x.start..x.end];
    if x.cap {
        let (end, n) = name_run(ctx, i + 1, si, false);
        return (n > 0 && (dotted || surnames().contains(&fold(next)[..]) || n > 1)).then_some(end);
    }
    if next.len() == 1 && next.as_bytes()[0].is_ascii_alphabetic() {
        // "mrs j in 3", "mr b."; not "ms a" or "mr i".
        let after = &ctx.text[x.end..];
        let ok = !matches!(next, "a" | "i")
            && (after.is_empty() || after.starts_with([' ', '.', ',', '\'', '’']));
        return ok.then(|| x.end + usize::from(after.starts_with('.')));
    }
    let wordy = next.chars().all(char::is_alphabetic) && next.chars().count() >= 3;
    let known = surnames().contains(&fold(next)[..]);
    let english = matches!(&low[t.start..t.end], "mr" | "mrs" | "ms");
    (wordy && !not_name(next) && !WORDLIKE.contains(next) && (known || dotted && !english))
        .then_some(x.end)
}

/// A capitalised family title right before token `i` ("Mamá Lupe", "Abuela Rosa", "Uncle
/// Bob"): how a writer names their own relatives.
fn kin_title_before(ctx: &Context, i: usize) -> bool {
    i > 0 && {
        let p = ctx.tokens[i - 1];
        p.cap
            && p.sentence == ctx.tokens[i].sentence
            && ctx.text[p.end..ctx.tokens[i].start] == *" "
            && matches!(
                &ctx.lower[p.start..p.end],
                "mamá"
                    | "mama"
                    | "papá"
                    | "papa"
                    | "abuela"
                    | "abuelo"
                    | "tía"
                    | "tia"
                    | "tío"
                    | "tio"
                    | "nana"
                    | "grandma"
                    | "grandpa"
                    | "granny"
                    | "auntie"
                    | "aunt"
                    | "uncle"
                    | "lola"
                    | "lolo"
                    | "tita"
                    | "tito"
            )
    }
}

/// A bed right after a name or initials: "Edna in bed 7", "j.m. in bay 4", "a.k. in 22"
/// (not "Gary in bed management").
fn bedded(ctx: &Context, end: usize) -> bool {
    let rest = ctx.lower[end..].trim_start_matches([',', ' ']);
    rest.strip_prefix("in ").is_some_and(|r| {
        let r = ["bed ", "bay ", "room ", "rm ", "bed #", "room #"]
            .iter()
            .find_map(|k| r.strip_prefix(k))
            .unwrap_or(r);
        r.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// A word with its accents dropped ("renée" -> "renee", "lópez" -> "lopez"), to look it up
/// in the census lists, which are plain ASCII.
pub(crate) fn fold(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        return std::borrow::Cow::Borrowed(w);
    }
    w.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ý' | 'ÿ' => 'y',
            _ => c,
        })
        .collect()
}

/// A common first name, accents aside ("José", "Zoë", "Renée").
fn given_name(w: &str) -> bool {
    first_names().contains(w) || !w.is_ascii() && first_names().contains(&fold(w)[..])
}

/// Abbreviations written like initials.
fn dotted_abbreviation(letters: &str) -> bool {
    matches!(
        letters,
        "am" | "pm"
            | "eg"
            | "ie"
            | "us"
            | "uk"
            | "dc"
            | "bs"
            | "ms"
            | "md"
            | "rn"
            | "np"
            | "pa"
            | "do"
            | "or"
            | "er"
            | "ed"
            | "iv"
            | "im"
            | "po"
            | "qd"
            | "hs"
            | "pr"
            | "pc"
            | "ac"
            | "ok"
            | "nj"
            | "ny"
            | "la"
            | "sf"
            | "lv"
            | "pe"
            | "bp"
            | "hr"
            | "rr"
            | "gi"
            | "ot"
            | "pt"
            | "st"
            | "jr"
            | "sr"
            | "ps"
            | "vs"
            | "op"
            | "bc"
            | "ad"
            | "ce"
            | "co"
            | "tv"
            | "nb"
            | "cv"
            | "ga"
            | "dr"
            | "un"
            | "eu"
            | "au"
            | "bid"
            | "tid"
            | "qid"
            | "prn"
            | "dob"
            | "sob"
            | "aka"
            | "npo"
            | "usa"
            | "rip"
            | "llc"
            | "phd"
            | "mph"
            | "msn"
            | "bsn"
            | "cpr"
            | "ekg"
            | "ecg"
            | "icu"
            | "ama"
            | "dnr"
            | "gsw"
            | "mva"
            | "lol"
            | "omg"
            | "wtf"
            | "fyi"
            | "asap"
            | "rsvp"
            | "tba"
            | "tbd"
            | "ceo"
            | "cfo"
            | "coo"
            | "bff"
            | "nyc"
            | "ucla"
            | "usc"
            | "mit"
            | "fbi"
    )
}

/// Initials that stand for a patient ("j.m. in bay 4", "(J.M., DOB ...)", "E.V. came back
/// to visit the PICU"): two or three single letters each followed by a period, in a post
/// about care, in a sentence that is not about staff, or beside an identifier.
fn initials(ctx: &Context, out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let text = ctx.text;
    let b = text.as_bytes();
    let mut i = 0;
    while i + 1 < toks.len() {
        let t = toks[i];
        let single = |x: &Token| x.end - x.start == 1 && b[x.start].is_ascii_alphabetic();
        if !single(&t)
            || b.get(t.end) != Some(&b'.')
            || t.start > 0 && (b[t.start - 1].is_ascii_alphanumeric() || b[t.start - 1] == b'.')
        {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        let mut end = t.end + 1;
        while k < toks.len() && k < i + 3 && toks[k].start == end && single(&toks[k]) {
            // Every letter has the case of the first: "J.M.", "j.m.", not "I.e".
            if b[toks[k].start].is_ascii_uppercase() != b[t.start].is_ascii_uppercase() {
                break;
            }
            end = toks[k].end;
            if b.get(end) == Some(&b'.') {
                end += 1;
            } else {
                break;
            }
            k += 1;
        }
        let n = k - i;
        let closed = text[..end].ends_with('.');
        let next_ok = b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
        i = k.max(i + 1);
        if n < 2 || !closed || !next_ok {
            continue;
        }
        let letters: String = text[t.start..end]
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if dotted_abbreviation(&letters) {
            continue;
        }
        let si = t.sentence;
        let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
        // "j.m. in bay 4", "a.k. in 22": a bed right after.
        let cued = identified(ctx, end)
            || bedded(ctx, end)
            || ctx.patient_in(si, si) && ks & (kind::STAFF | kind::HIRING | kind::PROMO) == 0
            || quiet(ks) && ctx.patient_post;
        if cued
            && care_post(ctx, out)
            && !followed_by_credential(ctx, end)
            && !preceded_by_staff_role(ctx, i)
            && !out
                .iter()
                .any(|d| !d.tentative && d.start <= t.start && t.start < d.end)
        {
            out.push(Draft::new(Category::PhiName, Severity::High, t.start, end).suggest(""));
        }
    }
}

/// Up to three name tokens from `j` in sentence `si`: capitalised words (or, when
/// `lower_ok`, a lower-case common first name), and single-letter initials. Returns the
/// end byte (after an initial's period) and how many tokens were taken.
fn name_run(ctx: &Context, j: usize, si: usize, lower_ok: bool) -> (usize, usize) {
    name_run_from(ctx, j, si, lower_ok, false)
}

/// [`name_run`] from a name that needs no trigger word right before it, so any punctuation
/// may precede it ("my patient from last winter, Chloe, ...").
fn name_run_free(ctx: &Context, j: usize, si: usize) -> (usize, usize) {
    name_run_from(ctx, j, si, false, true)
}

fn name_run_from(ctx: &Context, j: usize, si: usize, lower_ok: bool, free: bool) -> (usize, usize) {
    let toks: &[Token] = &ctx.tokens;
    let low = ctx.lower.as_str();
    let text = ctx.text;
    let mut end = 0;
    let mut n = 0;
    let mut k = j;
    while let Some(t) = toks.get(k) {
        if t.sentence != si || n >= 3 {
            break;
        }
        let prev_end = if k > 0 { toks[k - 1].end } else { 0 };
        let gap = &text[prev_end.min(t.start)..t.start];
        if k > 0
            && (k > j || !free)
            && (gap.len() > 2 || gap.chars().any(|c| !matches!(c, ' ' | '.')))
        {
            break;
        }
        let w = &low[t.start..t.end];
        let word_len = t.end - t.start;
        let initial = word_len == 1 && t.cap;
        let ok = if initial {
            n > 0 || lower_ok
        } else if t.cap {
            !t.all_caps && !not_name(w) && !w.bytes().any(|b| b.is_ascii_digit())
        } else {
            lower_ok && n == 0 && first_names().contains(w) && !WORDLIKE.contains(w) && !not_name(w)
        };
        if !ok {
            break;
        }
        end = t.end;
        if initial && text[t.end..].starts_with('.') {
            end += 1;
        }
        n += 1;
        k += 1;
        if initial {
            break;
        }
    }
    // "Client A", "Patient H.": a lone initial names nobody.
    if n == 1 && end - toks[j].start <= 2 {
        return (0, 0);
    }
    (end, n)
}

fn followed_by_credential(ctx: &Context, end: usize) -> bool {
    let rest = &ctx.lower[end..];
    let rest = rest.trim_start_matches([',', ' ']);
    let word: &str = rest
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    CREDENTIALS.contains(word)
}

fn preceded_by_staff_role(ctx: &Context, i: usize) -> bool {
    i > 0 && {
        let p = ctx.tokens[i - 1];
        matches!(
            &ctx.lower[p.start..p.end],
            "dr" | "nurse"
                | "tech"
                | "coworker"
                | "preceptor"
                | "manager"
                | "charge"
                | "resident"
                | "attending"
                | "doc"
                | "np"
                | "pa"
                | "rt"
                | "cna"
                | "secretary"
                | "clerk"
                | "coordinator"
                | "educator"
                | "director"
                | "aide"
                | "pharmacist"
                | "therapist"
                | "colleague"
                | "friend"
                | "partner"
                | "chaplain"
                | "volunteer"
                | "student"
                | "intern"
                | "medic"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_fold_for_the_census_lists() {
        assert_eq!(fold("renée"), "renee");
        assert_eq!(fold("lópez"), "lopez");
        assert_eq!(fold("zoë"), "zoe");
        assert!(given_name("josé") && given_name("renée") && given_name("zoë"));
        assert!(!given_name("señora"));
        assert!(
            dotted_abbreviation("pm") && dotted_abbreviation("bsn") && !dotted_abbreviation("jm")
        );
    }

    /// A shape filter may let other words through but never drops a listed one.
    #[test]
    fn shapes_hold_every_listed_word() {
        let lists: [(&Shapes, &[&[&str]]); 3] = [
            (
                &LOWER_TRIGGERS,
                &[
                    RELATIVE_WORDS,
                    PATIENT_ROLES,
                    OTHER_TRIGGERS,
                    LOWER_HONORIFICS,
                ],
            ),
            (&GROUPS, &[GROUP_WORDS]),
            (
                &LOWER_STARTS,
                &[
                    RELATIVE_WORDS,
                    PATIENT_ROLES,
                    OTHER_TRIGGERS,
                    GROUP_WORDS,
                    LOWER_HONORIFICS,
                ],
            ),
        ];
        for (shapes, words) in lists {
            for w in words.iter().flat_map(|l| l.iter()) {
                let t = Token {
                    start: 0,
                    end: w.len(),
                    cap: false,
                    all_caps: false,
                    sentence: 0,
                };
                assert!(shapes.may_hold(w.as_bytes(), &t), "{w}");
            }
        }
        let the = Token {
            start: 0,
            end: 3,
            cap: false,
            all_caps: false,
            sentence: 0,
        };
        assert!(!LOWER_STARTS.may_hold(b"the", &the));
    }
}
