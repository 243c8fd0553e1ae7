//! Names without a neural model: honorifics ("Mr. Alvarez"), role words ("pt Jenny K.",
//! "her son Marcus", "baby Zoë"), "a Kyle Brandt", and common first and last names from the
//! US Census lists when the sentence is about care and not about staff.

use super::{Draft, Rule};
use crate::context::{Context, Token};
use crate::lexicon::{first_names, kind, not_name, surnames};
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

const RELATIVE_ROLES: &[&str] = &[
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
const PATIENT_ROLES: &[&str] = &["pt", "patient", "client", "resident"];
const CREDENTIALS: &[&str] = &[
    "rn", "md", "do", "np", "pa", "rrt", "pharmd", "phd", "dnp", "bsn", "msn", "cna", "lpn",
    "crna", "facc", "facs", "faan", "ccc-slp", "slp", "pt", "dpt", "ot", "otr", "emt", "rrt-nps",
    "lcsw", "msw", "mph", "aprn", "fnp", "fnp-c", "cnm",
];

/// First names that are everyday words; only trusted when capitalised after a role word.
const WORDLIKE: &[&str] = &[
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
];

/// "HANSEN, MARGARET", "FOREST, BABY BOY": the LAST, FIRST form of charts, labels and
/// wristbands, in capitals. A known surname or first name must take part.
fn chart_names(ctx: &Context, out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let low = ctx.lower.as_str();
    for i in 0..toks.len().saturating_sub(1) {
        let (a, b) = (toks[i], toks[i + 1]);
        if !a.all_caps || !b.all_caps || a.end - a.start < 2 || b.end - b.start < 2 {
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
            || matches!(first, "baby" | "infant" | "twin");
        if !known {
            continue;
        }
        let mut end = b.end;
        // "BABY BOY", "BABY GIRL", "MARY ANN"
        if let Some(c) = toks.get(i + 2) {
            if c.all_caps && c.start == end + 1 && c.sentence == b.sentence {
                end = c.end;
            }
        }
        out.push(Draft::new(Category::PhiName, Severity::High, a.start, end).suggest(""));
    }
}

impl Rule for Names {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let toks = &ctx.tokens;
        let low = ctx.lower.as_str();
        chart_names(ctx, out);
        let mut covered_until = 0;
        for i in 0..toks.len() {
            let t = toks[i];
            if t.start < covered_until {
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

            // 1. Honorifics: "Mr. Delgado", "Mrs. W.", "Miss Dot", "Dr. Feld".
            if t.cap && matches!(w, "mr" | "mrs" | "ms" | "miss" | "mx" | "mister" | "dr") {
                let (end, n) = name_run(ctx, i + 1, si, false);
                if n == 0 {
                    continue;
                }
                if w == "dr" {
                    // A doctor is named everywhere; only in a patient's story is it a risk.
                    let complaint =
                        ks & kind::NEGATIVE != 0 && ks & (kind::CLINICAL | kind::CONDITION) != 0;
                    if !(ctx.patient_in(si, si) || complaint)
                        || ks & (kind::PRAISE | kind::STAFF) != 0 && !ctx.patient_in(si, si)
                    {
                        continue;
                    }
                    out.push(
                        Draft::new(Category::PhiName, Severity::High, t.start, end)
                            .message("Naming a colleague in a patient's story identifies them and narrows down the patient; HIPAA Safe Harbor (45 CFR 164.514(b)(2)) lists names first.")
                            .suggest("a colleague"),
                    );
                } else {
                    let clinical = ctx.patient_post
                        || ctx.post_kinds
                            & (kind::CLINICAL | kind::CONDITION | kind::PATIENT_EVENT)
                            != 0;
                    let sev = if clinical {
                        Severity::High
                    } else {
                        Severity::Medium
                    };
                    out.push(Draft::new(Category::PhiName, sev, t.start, end).suggest("a patient"));
                }
                covered_until = end;
                continue;
            }

            // 2. Role words: "pt Jenny K.", "my patient Rob Kessler", "her son Marcus",
            //    "baby Zoë", "family of Tomás Reyes".
            let relative = RELATIVE_ROLES.contains(&w)
                && prev.is_some_and(|p| {
                    matches!(
                        p,
                        "her"
                            | "his"
                            | "their"
                            | "your"
                            | "pt's"
                            | "patient's"
                            | "pt’s"
                            | "patient’s"
                    )
                });
            let patient_role = PATIENT_ROLES.contains(&w)
                && !(w == "pt" && ctx.text[t.start..t.end].starts_with("PT"));
            let baby = w == "baby";
            let family_of = w == "of" && prev == Some("family");
            if relative || patient_role || baby || family_of {
                let lower_ok = patient_role;
                let (end, n) = name_run(ctx, i + 1, si, lower_ok);
                if n > 0 {
                    let first = toks[i + 1];
                    // "baby Zoë" needs a capital; "baby boy" is not a name.
                    if baby && !first.cap {
                        continue;
                    }
                    let msg = if relative || family_of {
                        "A relative's name ties the story to one family and so to the patient; names are a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2))."
                    } else {
                        super::default_message(Category::PhiName)
                    };
                    out.push(
                        Draft::new(Category::PhiName, Severity::High, first.start, end)
                            .message(msg)
                            .suggest(""),
                    );
                    covered_until = end;
                    continue;
                }
            }

            // 3. "a Kyle Brandt": an indefinite article before a full name is a stranger.
            if w == "a" && !t.cap {
                if let Some(n1) = toks.get(i + 1) {
                    let f = &low[n1.start..n1.end];
                    if n1.cap
                        && n1.sentence == si
                        && first_names().contains(f)
                        && !WORDLIKE.contains(&f)
                    {
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

            // 4. A first and last name in a sentence about care, not about staff.
            if t.cap && !t.all_caps && first_names().contains(w) && !not_name(w) {
                if prev.is_some_and(|p| {
                    matches!(
                        p,
                        "dr" | "nurse" | "nurses" | "coach" | "pastor" | "st" | "saint"
                    )
                }) {
                    continue;
                }
                let (end, n) = name_run(ctx, i, si, false);
                let care = ks & (kind::CLINICAL | kind::CONDITION | kind::PATIENT_EVENT) != 0;
                // "Linda Park's warfarin": a possessive name owning care.
                let owns_care = n > 0 && {
                    let rest = &low[end.min(low.len())..];
                    let name = &low[t.start..end.min(low.len())];
                    (rest.starts_with("'s ")
                        || rest.starts_with("’s ")
                        || name.ends_with("'s")
                        || name.ends_with("’s"))
                        && ctx.has_in(
                            end,
                            (end + 24).min(low.len()),
                            kind::CLINICAL | kind::CONDITION,
                        )
                };
                let patientish = ctx.patient_in(si, si) || (ctx.patient_post && care) || owns_care;
                let staff = ks & (kind::STAFF | kind::CONTACT | kind::HIRING | kind::PRAISE) != 0
                    || followed_by_credential(ctx, end);
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
                    && !WORDLIKE.contains(&w)
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

fn severity_in(ctx: &Context) -> Severity {
    if ctx.patient_post
        || ctx.post_kinds & (kind::CLINICAL | kind::CONDITION | kind::PATIENT_EVENT) != 0
    {
        Severity::High
    } else {
        Severity::Medium
    }
}

/// Up to three name tokens from `j` in sentence `si`: capitalised words (or, when
/// `lower_ok`, a lower-case common first name), and single-letter initials. Returns the
/// end byte (after an initial's period) and how many tokens were taken.
fn name_run(ctx: &Context, j: usize, si: usize, lower_ok: bool) -> (usize, usize) {
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
        if k > 0 && (gap.len() > 2 || gap.chars().any(|c| !matches!(c, ' ' | '.'))) {
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
            lower_ok
                && n == 0
                && first_names().contains(w)
                && !WORDLIKE.contains(&w)
                && !not_name(w)
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
    CREDENTIALS.contains(&word)
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
