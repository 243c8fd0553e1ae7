//! Record text only (see [`crate::Scanner::scan_record`]): what a chart, whiteboard,
//! monitor or wristband shows without sentences around it. Clinician and patient names
//! after their cues and bare record numbers, all from the format table's `record.*` rows.

use super::{Draft, Rule};
use crate::context::Context;
use crate::context::Token;
use crate::lexicon::{first_names, kind, not_name, surnames};
use crate::matchers::{matchers, Hay, Matchers};
use crate::{Category, Severity};

pub struct Record;

impl Rule for Record {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        if !ctx.record {
            return;
        }
        let hay = Hay::of(ctx);
        let m = matchers();
        let text = ctx.text.as_bytes();
        // Names: the value must be written with a capital ("seen by Smith", not "seen by
        // nursing"); the lower-cased table cannot tell.
        for id in ["record.name_line", "record.clinician"] {
            for x in m.find(Matchers::row(id), &hay) {
                let Some((vs, ve)) = x.val else { continue };
                if !text[vs].is_ascii_uppercase() {
                    continue;
                }
                // "Nurse Station", "called Pharmacy": a common word is no clinician.
                let first = ctx.lower[vs..ve].split([' ', ',']).next().unwrap_or("");
                if id == "record.clinician" && !name_like(first) {
                    continue;
                }
                // A name on a name line ("PT: Johnson") shows whose record it is; a
                // clinician's does not.
                out.push(
                    Draft::new(Matchers::category(id), Severity::High, vs, ve)
                        .suggest("")
                        .anchor(id == "record.name_line"),
                );
            }
        }
        board_names(ctx, out);
        chart_initials(ctx, out);
        capital_honorifics(ctx, out);
        cued_names(ctx, out);
        board_rows(ctx, out);
        slot_rooms(ctx, out);
        whose_phones(ctx, out);
        board_ages(ctx, out);
        super::record_columns::column_ages(ctx, out);
        health_numbers(ctx, &hay, out);
        for x in m.find(Matchers::row("record.number"), &hay) {
            // Covered by a more specific finding (a date, a phone) at the same place.
            if out
                .iter()
                .any(|d| !d.tentative && d.start <= x.start && x.end <= d.end)
            {
                continue;
            }
            // Part of a longer code ("C24-118893", "W0361 24 118842", "07700 900418"), or
            // the number of a product, a prescriber or a staff member ("LOT 63331198",
            // "PTR 2291045", "Emp # 118204").
            // Nor the head of a dashed code ("240312-0441"), which a labelled cell reads whole.
            let dashed = text[x.end..].starts_with(b"-")
                && text.get(x.end + 1).is_some_and(u8::is_ascii_digit);
            if part_of_code(text, x.start) || dashed || not_a_patients(&ctx.lower, x.start) {
                continue;
            }
            out.push(
                Draft::new(
                    Matchers::category("record.number"),
                    Severity::High,
                    x.start,
                    x.end,
                )
                .suggest(""),
            );
        }
        // After the record numbers: a labelled cell's code is an id only where nothing
        // more specific was found.
        labelled_fields(ctx, out);
    }
}

/// The table's national health number rows, each with its check.
pub(crate) const HEALTH_ROWS: &[&str] = &[
    "health.nhs",
    "health.ohip",
    "health.ramq",
    "health.medicare_au",
    "health.philhealth",
    "health.nhi",
    "health.nric",
    "health.sa_id",
    "health.abha",
    "health.aadhaar",
];

/// Row `id`'s national health numbers in `hay` (each passing its row's check), as spans:
/// letters a card prints in capitals (RAMQ's four, an Ontario version code, an NHI's
/// three) must be capitals here. Record text and posts under a plan's word both read them.
pub(crate) fn health_spans(ctx: &Context, hay: &Hay, id: &str) -> Vec<(usize, usize)> {
    let text = ctx.text.as_bytes();
    let capitals_only = matches!(id, "health.ohip" | "health.ramq" | "health.nhi");
    matchers()
        .find(Matchers::row(id), hay)
        .into_iter()
        .map(|x| (x.start, x.end))
        .filter(|&(s, e)| {
            !capitals_only
                || text[s..e]
                    .iter()
                    .filter(|c| c.is_ascii_alphabetic())
                    .all(u8::is_ascii_uppercase)
        })
        .collect()
}

/// National health numbers standing bare on a card or label (the table's `health.*` rows,
/// each with its check, [`health_spans`]): NHS, Ontario, RAMQ, Medicare Australia,
/// PhilHealth, NHI, NRIC, South African ID, ABHA, Aadhaar.
fn health_numbers(ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
    let text = ctx.text.as_bytes();
    for id in HEALTH_ROWS {
        for (start, end) in health_spans(ctx, hay, id) {
            // An NHI stands bare only glued ("ZKL4523"): three capitals and four digits
            // apart are a weekday's time or a state's postcode as often ("Thu 1215",
            // "NSW 2444"); after its cue it is the keyed row's.
            if *id == "health.nhi" && text[start..end].contains(&b' ') {
                continue;
            }
            // A number another rule has read (a phone, a keyed account or licence) is its;
            // but a keyed record or plan number ("ID 7905125834086", "CARD No. S7812345D")
            // that passes a national identity number's check is that number.
            let mut read = false;
            for d in out
                .iter_mut()
                .filter(|d| !d.tentative && d.start < end && start < d.end)
            {
                read = true;
                if Matchers::category(id) == Category::PhiId
                    && matches!(d.category, Category::PhiMrn | Category::PhiHealthPlan)
                {
                    d.category = Category::PhiId;
                    d.message = std::borrow::Cow::Borrowed(Category::PhiId.message());
                }
            }
            if read || part_of_code(text, start) || not_a_patients(&ctx.lower, start) {
                continue;
            }
            out.push(
                Draft::new(Matchers::category(id), Severity::High, start, end)
                    .suggest("")
                    .anchor(true),
            );
        }
    }
}

/// Whether the number at `start` continues a code: a dash, or a digit group one space
/// before it.
fn part_of_code(text: &[u8], start: usize) -> bool {
    let before = &text[..start];
    match before.last() {
        Some(b'-') => true,
        Some(b' ') => {
            before.len() >= 2 && before[before.len() - 2].is_ascii_alphanumeric() && {
                // the group before is a code piece with a digit: "24 118842", "07700 900418"
                let piece = before[..before.len() - 1]
                    .rsplit(|c| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or(&[]);
                piece.iter().any(u8::is_ascii_digit)
            }
        }
        _ => false,
    }
}

/// Whether the word before the number names a number no patient has: a product's lot or
/// reference, a drug's DIN or NDC, a pharmacy's NCPDP, a prescriber's licence or PTR, a
/// staff member's employee number, a group number, a stock item.
fn not_a_patients(lower: &str, start: usize) -> bool {
    const KEYS: &[&str] = &[
        "lot", "ref", "din", "ndc", "ncpdp", "ptr", "lic", "emp", "grp", "group", "item", "lock",
        "s2", "prc", "rxbin", "bin", "pcn",
    ];
    let before = lower[..start].trim_end_matches([' ', '#', ':', '.', '\t']);
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let word = if word == "no" {
        let b = before[..before.len() - 2].trim_end_matches([' ', '.']);
        b.rsplit(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("")
    } else {
        word
    };
    KEYS.contains(&word)
}

/// A record's numbers read as phones that are not a patient's: a staff extension, pager or
/// bleep ("RN Tasha x6120"), and a provider's number on a line that names the provider or
/// asks to call it ("Sunrise Pediatrics (208) 555-0190", "Please call ... to schedule").
/// A number after "NHS No" is the patient's health number, not a phone.
fn whose_phones(ctx: &Context, out: &mut Vec<Draft>) {
    const PROVIDER: &[&str] = &[
        "pharmacy",
        "clinic",
        "pediatrics",
        "paediatrics",
        "medicine",
        "med",
        "practice",
        "hospital",
        "surgery",
        "call",
        "fax",
        "from",
    ];
    let low = ctx.lower.as_str();
    out.retain_mut(|d| {
        if d.category != Category::PhiPhone {
            return true;
        }
        let t = &low[d.start..d.end];
        if t.starts_with('x')
            || ["ext", "pager", "bleep", "beeper", "pgr", "vocera", "poste"]
                .iter()
                .any(|k| t.starts_with(k))
            || t.bytes().filter(u8::is_ascii_digit).count() <= 5
        {
            // A staff extension on a patient's board still tells the unit: a tip.
            d.severity = Severity::Low;
            return true;
        }
        let line = &low[low[..d.start].rfind('\n').map_or(0, |n| n + 1)..d.start];
        let words = || line.split(|c: char| !c.is_ascii_alphanumeric());
        if words().any(|w| w == "nhs" || w == "chi") {
            d.category = Category::PhiHealthPlan;
            return true;
        }
        // "Call daughter Pam: 603-555-0140", "if found please call": a relative's or the
        // owner's number, whatever else the line says.
        // A provider's number on a patient's record points at where the patient is seen:
        // a tip, never dropped.
        let relative = super::identifiers::contact_line(low, d.start, false)
            && !words().any(|w| w == "fax" || w == "from");
        let provider = words().any(|w| PROVIDER.contains(&w)) && !relative;
        if provider {
            d.severity = Severity::Low;
        }
        true
    });
}

/// "Mrs Doyle 88 - bloods", "SINGH, Harpreet  49  Primary PCI", "Lakshmi Devi 24/F",
/// "Lachlan Boyd  M  19", "DOB 03/04/2001 (24)": on a board or a chart the bare number
/// written right after a patient's name (or a date of birth) on its line is the age. Not
/// after a clinician ("Dr Obi 2"), nor a number with a unit or in a longer code.
fn board_ages(ctx: &Context, out: &mut Vec<Draft>) {
    const STAFF: &[&str] = &[
        "dr",
        "rn",
        "nurse",
        "md",
        "charge",
        "reg",
        "cna",
        "pct",
        "hca",
        "by",
        "consultant",
        "surgeon",
        "prescriber",
        "rmo",
        "sr",
        "staff",
        "oncall",
        "co-ord",
    ];
    const UNITS: &[&str] = &[
        "mg", "kg", "g", "mcg", "ml", "min", "mins", "h", "hr", "hrs", "hours", "days", "d", "wk",
        "wks", "weeks", "mo", "mos", "months", "x", "pts", "units", "beds", "cm", "mm", "lb",
        "lbs", "bpm", "am", "pm", "of", "to", "and",
    ];
    const LABELS: &[&str] = &[
        "hr", "bp", "rr", "spo2", "gcs", "esi", "ats", "ctas", "los", "bed", "rm", "room", "lit",
        "ward", "flat", "unit", "apt", "dept", "alpha", "bravo", "charlie", "delta", "apgars",
        "apgar", "irn", "bay", "cub", "pod", "no", "level",
    ];
    let text = ctx.text.as_bytes();
    let low = ctx.lower.as_str();
    // (start, end, a date's): collected first, as the ages found are pushed to `out`.
    let starts: Vec<(usize, usize, bool)> = out
        .iter()
        .filter(|d| {
            d.category == Category::PhiName
                || d.category == Category::PhiDate && d.anchor && !d.tentative
        })
        .map(|d| (d.start, d.end, d.category == Category::PhiDate))
        .collect();
    for (start, end, after_date) in starts {
        let name = &low[start..end];
        // A field's label read as part of a name ("SHIRLEY HR 111", "Alpha 21", "Lit 2").
        let last = name.rsplit([' ', ',']).next().unwrap_or("");
        if LABELS.contains(&last) {
            continue;
        }
        if !after_date
            && (name.starts_with("dr") && !name[2..].starts_with(|c: char| c.is_alphabetic())
                || STAFF.contains(&crate::context::prev_word(low, start)))
        {
            continue;
        }
        let mut i = end;
        let skip = |i: &mut usize, set: &[u8]| {
            while *i < text.len() && set.contains(&text[*i]) {
                *i += 1;
            }
        };
        skip(&mut i, b" \t");
        if i == end && !(i < text.len() && text[i] == b',') {
            continue;
        }
        skip(&mut i, b",-");
        skip(&mut i, b" \t");
        // "M  19": the sex written first.
        if !after_date
            && i + 1 < text.len()
            && matches!(text[i], b'M' | b'F')
            && matches!(text[i + 1], b' ' | b'\t' | b',' | b'/')
        {
            i += 1;
            skip(&mut i, b" \t,/");
        }
        let paren = i < text.len() && text[i] == b'(';
        if paren {
            i += 1;
        } else if after_date {
            continue;
        }
        let ds = i;
        skip(&mut i, b"0123456789");
        let de = i;
        if de == ds || de - ds > 3 || i - end > 16 {
            continue;
        }
        let n: u32 = low[ds..de].parse().unwrap_or(999);
        if n > 115 {
            continue;
        }
        let mut e = de;
        let next = text.get(de).copied();
        if paren {
            // "(24)", "(98!)", "(71y)"
            let close = low[de..].find(')').filter(|&k| k <= 2);
            let Some(k) = close else { continue };
            if !low[de..de + k].bytes().all(|c| c == b'!' || c == b'y') {
                continue;
            }
            e = de + k + 1;
        } else if next == Some(b'/') {
            // "24/F"
            if !matches!(text.get(de + 1), Some(b'M' | b'F' | b'm' | b'f'))
                || text.get(de + 2).is_some_and(u8::is_ascii_alphanumeric)
            {
                continue;
            }
            e = de + 2;
        } else if !matches!(
            next,
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'!' | b',')
        ) || UNITS.contains(&crate::context::next_word(low, de))
            || low[de..]
                .trim_start_matches([' ', '\t'])
                .starts_with([':', '%', '/', '.'])
        {
            // glued to something else, or a reading with its unit
            continue;
        }
        if out.iter().any(|d| d.start < e && ds < d.end) {
            continue;
        }
        // The next item's number on a list ("1 Mr Pritchard   2 Mr Osei", "4 (empty)"), or a
        // house number after a comma ("Mrs Ada Holroyd, 4 Mill Fold").
        let after = low[e..].trim_start_matches([' ', '\t']);
        let at = low.len() - after.len();
        let comma = text[end..ds].contains(&b',');
        // "Mrs Calder 4 Mill Lane": a street follows.
        const STREETS: &[&str] = &[
            "st", "street", "rd", "road", "ave", "avenue", "lane", "ln", "row", "close", "way",
            "drive", "crescent", "terrace", "court", "ct", "place", "rue", "fold", "gardens",
            "view", "flat", "n", "s", "e", "w",
        ];
        let street = after
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| STREETS.contains(&w));
        if after.starts_with(['(', '-']) && !after.starts_with("- ") && !after.starts_with("-\t")
            || out
                .iter()
                .any(|d| d.category == Category::PhiName && d.start == at)
            || ["mr", "mrs", "ms", "miss", "dr", "baby", "mstr"]
                .contains(&crate::context::next_word(low, e))
            || street
            || comma
                && !(after.is_empty()
                    || after.starts_with(['\n', '\r', ',', ')', '|', '-', '–', '—']))
        {
            continue;
        }
        let ds = if paren { ds - 1 } else { ds };
        out.push(
            Draft::new(Category::PhiAge, Severity::High, ds, e).suggest(if n > 64 {
                "older"
            } else {
                ""
            }),
        );
    }
}

/// "BED 01  FRAZIER J", "Rm 2  Henderson": on a board the word written after a bed or
/// room, on its line, is the patient in it.
fn board_names(ctx: &Context, out: &mut Vec<Draft>) {
    let text = ctx.text;
    let low = ctx.lower.as_str();
    let toks = &ctx.tokens;
    let rooms: Vec<usize> = out
        .iter()
        .filter(|d| d.category == Category::PhiRoom)
        .map(|d| d.end)
        .collect();
    for end in rooms {
        let i = toks.partition_point(|t| t.start < end);
        let Some(t) = toks.get(i) else { continue };
        let gap = &text[end..t.start];
        if gap.is_empty() || !gap.bytes().all(|c| c == b' ' || c == b'\t') {
            continue;
        }
        let w = &low[t.start..t.end];
        if !t.cap
            || t.end - t.start < 3
            || !w
                .bytes()
                .all(|c| c.is_ascii_alphabetic() || c == b'\'' || c == b'-')
            || not_name(w)
            || out
                .iter()
                .any(|d| d.category == Category::PhiName && d.start <= t.start && t.start < d.end)
        {
            continue;
        }
        // "FRAZIER J": a surname and an initial.
        let mut e = t.end;
        if let Some(n) = toks.get(i + 1) {
            if n.end - n.start == 1 && n.cap && &text[t.end..n.start] == " " {
                e = n.end;
            }
        }
        out.push(
            Draft::new(Category::PhiName, Severity::High, t.start, e)
                .suggest("")
                .anchor(true),
        );
    }
}

/// A lower-case word that may be a name on a record: in the census lists (accents
/// folded), or neither a common word (the word vectors' vocabulary) nor a function word;
/// a hyphenated one in every part ("lindqvist-patel", not "add-on").
pub(crate) fn name_like(w: &str) -> bool {
    if w.contains('-') {
        return w.split('-').all(|p| p.chars().count() >= 2 && name_like(p));
    }
    let w = super::names::fold(w);
    let w = w.as_ref();
    if w.len() < 2
        || !w
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        || not_name(w)
    {
        return false;
    }
    first_names().contains(w) || surnames().contains(w) || !crate::model::common_word(w)
}

/// Whether a finding of `cat` already covers byte `pos`.
fn covered(out: &[Draft], cat: Category, pos: usize) -> bool {
    out.iter()
        .any(|d| d.category == cat && d.start <= pos && pos < d.end)
}

/// Whether token `t` may be a name on a record: a capital, two letters or more, a name-like
/// word, no clinical word of the lexicon ("Metoprolol", "Heparin").
fn name_token(ctx: &Context, t: &Token) -> bool {
    t.cap
        && t.end - t.start >= 2
        && name_like(&ctx.lower[t.start..t.end])
        && !ctx.has_in(t.start, t.end, kind::CLINICAL | kind::CONDITION)
}

/// "NGUYEN, T", "Wong,J", "DESJARDINS, Marie-Claude", "OKONKWO, EMEKA": the LAST, First
/// forms of a record that [`super::names`] leaves to posts' stricter shapes: a surname in
/// capitals with a bare initial, no space after the comma, or a given name in mixed case,
/// and names the census lists miss when neither is a common word.
fn chart_initials(ctx: &Context, out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let text = ctx.text;
    for i in 0..toks.len().saturating_sub(1) {
        let (a, b) = (toks[i], toks[i + 1]);
        if !a.all_caps || a.end - a.start < 2 || !b.cap || covered(out, Category::PhiName, a.start)
        {
            continue;
        }
        let gap = &text[a.end..b.start];
        if gap != "," && gap != ", " {
            continue;
        }
        let initial = b.end - b.start == 1
            && text[b.end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        if !name_token(ctx, &a) || !(initial || name_token(ctx, &b)) {
            continue;
        }
        let end = with_dot(text, b.end, initial);
        out.push(
            Draft::new(Category::PhiName, Severity::High, a.start, end)
                .suggest("")
                .anchor(true),
        );
    }
}

/// The end of a name whose last part ends at `end`: an initial takes its dot ("NGUYEN, T.").
fn with_dot(text: &str, end: usize, initial: bool) -> usize {
    end + usize::from(initial && text[end..].starts_with('.'))
}

/// "MR GRAHAM ELLIOTT PRYCE", "MS ALINTA J COOPER": an honorific in capitals before a name
/// in capitals, as labels and wristbands print them.
fn capital_honorifics(ctx: &Context, out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let text = ctx.text;
    for i in 0..toks.len().saturating_sub(1) {
        let t = toks[i];
        if !t.all_caps
            || !matches!(
                &ctx.lower[t.start..t.end],
                "mr" | "mrs" | "ms" | "miss" | "mstr"
            )
            || covered(out, Category::PhiName, toks[i + 1].start)
        {
            continue;
        }
        let mut end = 0;
        let mut k = i + 1;
        while let Some(x) = toks.get(k) {
            let gap = &text[toks[k - 1].end..x.start];
            let ok = x.all_caps
                && (gap == " " || gap == ". " && k == i + 1)
                && (x.end - x.start == 1 && end > 0 || name_token(ctx, x));
            if !ok || k - i > 4 {
                break;
            }
            end = x.end;
            k += 1;
        }
        if end > 0 {
            out.push(
                Draft::new(Category::PhiName, Severity::High, toks[i + 1].start, end)
                    .suggest("")
                    .anchor(true),
            );
        }
    }
}

/// Field labels and family words that a name follows on a record: "Mom: Funmilayo
/// Oyelowo", "SURNAME: NGATA", "Emergency contact: Nia Moore", "son Chidi at bedside",
/// "dtr Sabine calls q2h". A surname or given-name field shows whose record it is.
fn cued_names(ctx: &Context, out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let text = ctx.text;
    let low = ctx.lower.as_str();
    for i in 0..toks.len().saturating_sub(1) {
        let t = toks[i];
        let w = &low[t.start..t.end];
        let own = matches!(w, "surname" | "given" | "forename" | "forenames");
        let field = own
            || matches!(
                w,
                "contact" | "kin" | "nok" | "guardian" | "mommy" | "daddy" | "spouse" | "baby"
            );
        let family = matches!(
            w,
            "son"
                | "daughter"
                | "dtr"
                | "husband"
                | "hsb"
                | "wife"
                | "mom"
                | "mother"
                | "dad"
                | "father"
                | "sister"
                | "brother"
                | "grandson"
                | "granddaughter"
                | "niece"
                | "nephew"
                | "partner"
        );
        if !field && !family {
            continue;
        }
        let x = toks[i + 1];
        let gap = &text[t.end..x.start];
        let colon = matches!(gap.trim_matches([' ', '\t']), ":" | "-" | ":-");
        // A field needs its colon; a family word may stand before the name ("son Chidi").
        if !(colon || family && gap == " ") || gap.contains('\n') {
            continue;
        }
        if !name_token(ctx, &x) || covered(out, Category::PhiName, x.start) {
            continue;
        }
        // A name in capitals only after a field's colon ("GIVEN: TIPENE WIREMU").
        if x.all_caps && !colon {
            continue;
        }
        let mut end = x.end;
        let mut k = i + 2;
        while let Some(y) = toks.get(k) {
            let g = &text[toks[k - 1].end..y.start];
            let initial = y.end - y.start == 1 && y.cap;
            if !(g == " " || g == ", " && !family)
                || !(initial || name_token(ctx, y) && y.all_caps == x.all_caps)
                || k - i > 4
            {
                break;
            }
            end = with_dot(text, y.end, initial);
            k += 1;
            if initial {
                break;
            }
        }
        out.push(
            Draft::new(Category::PhiName, Severity::High, x.start, end)
                .suggest("")
                .anchor(own),
        );
    }
}

/// "401  HALVORSEN", "T1  DELACROIX, F", "CH2  Odum", "1  Marquez  G3P2": on a board a
/// short slot code (a bed, bay, chair or row number) standing apart in its column, then a
/// name-like word after a column gap, is the patient in that slot.
fn board_rows(ctx: &Context, out: &mut Vec<Draft>) {
    let toks = &ctx.tokens;
    let text = ctx.text;
    let column = |g: &str| {
        !g.is_empty() && g.bytes().all(|c| c == b' ' || c == b'\t') && (g.len() >= 2 || g == "\t")
    };
    for i in 0..toks.len().saturating_sub(1) {
        let t = toks[i];
        let code = &text[t.start..t.end];
        let letters = code.bytes().take_while(u8::is_ascii_alphabetic).count();
        let digits = code[letters..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if letters > 3 || !(1..=4).contains(&digits) || code.len() - letters - digits > 1 {
            continue;
        }
        if !code[letters + digits..]
            .bytes()
            .all(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        let line_start = text[..t.start].rfind('\n').map_or(0, |n| n + 1);
        let before = &text[line_start..t.start];
        if !(before.bytes().all(|c| c == b' ' || c == b'\t')
            || before.ends_with("  ")
            || before.ends_with('\t'))
        {
            continue;
        }
        let x = toks[i + 1];
        // A common word only in capitals ("406  MAJOR"): "4  Green - heparin" is a list.
        if !column(&text[t.end..x.start])
            || !name_token(ctx, &x)
            || !x.all_caps && crate::model::common_word(&ctx.lower[x.start..x.end])
            || covered(out, Category::PhiName, x.start)
        {
            continue;
        }
        let mut end = x.end;
        if let Some(y) = toks.get(i + 2) {
            let g = &text[x.end..y.start];
            let initial = y.end - y.start == 1 && y.cap;
            if (g == "," || g == ", ") && (initial || name_token(ctx, y))
                || g == " " && (initial || name_token(ctx, y) && y.all_caps == x.all_caps)
            {
                end = with_dot(text, y.end, initial);
            }
        }
        out.push(
            Draft::new(Category::PhiName, Severity::High, x.start, end)
                .suggest("")
                .anchor(true),
        );
    }
}

/// "401  HALVORSEN", "B-16A CRAWFORD, LOIS", "B2 Mr Obuya", "17-1  Mrs. Vieira": a slot
/// code opening a board's line before the patient's name (found, or after an honorific)
/// is that patient's bed or room. Not the row's time ("0800  Holloway"), nor a lone digit,
/// as often the row's place in a list ("1  Marquez  G3P2").
fn slot_rooms(ctx: &Context, out: &mut Vec<Draft>) {
    let text = ctx.text;
    let low = ctx.lower.as_str();
    let mut line = 0;
    while line < text.len() {
        let end = text[line..].find('\n').map_or(text.len(), |n| line + n);
        let lead = text[line..end].len() - text[line..end].trim_start().len();
        let start = line + lead;
        let code_end = text[start..end]
            .find([' ', '\t'])
            .map_or(end, |n| start + n);
        let code = &text[start..code_end];
        let next = code_end + (text[code_end..end].len() - text[code_end..end].trim_start().len());
        let named = covered(out, Category::PhiName, next)
            || ["mr ", "mrs ", "ms ", "miss ", "mr. ", "mrs. ", "ms. "]
                .iter()
                .any(|h| low[next..end].starts_with(h));
        if next > code_end
            && named
            && slot_code(code)
            && !clock_time(code)
            && !covered(out, Category::PhiRoom, start)
        {
            out.push(Draft::new(Category::PhiRoom, Severity::High, start, code_end).suggest(""));
        }
        line = end + 1;
    }
}

/// A bed or room code as a board writes it: up to three letters, an optional dash, one to
/// four digits, an optional letter, an optional "-N" ("401", "CH2", "B-16A", "4W-07",
/// "17-1", "R04"); two characters or more.
fn slot_code(code: &str) -> bool {
    let b = code.as_bytes();
    let mut i = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if i > 3 {
        return false;
    }
    if b.get(i) == Some(&b'-') && i > 0 {
        i += 1;
    }
    let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=4).contains(&d) {
        return false;
    }
    i += d;
    // "4W-07": a floor and wing before the dash.
    i += b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count()
        .min(2);
    if b.get(i) == Some(&b'-') {
        let d2 = b[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if !(1..=3).contains(&d2) {
            return false;
        }
        i += 1 + d2;
    }
    i == b.len() && b.len() >= 2
}

/// "0800", "1130": four digits that read as a 24-hour clock time.
fn clock_time(code: &str) -> bool {
    code.len() == 4
        && code.bytes().all(|c| c.is_ascii_digit())
        && code[..2].parse::<u32>().is_ok_and(|h| h <= 23)
        && code[2..].parse::<u32>().is_ok_and(|m| m <= 59)
}

/// Labels whose value on a record is the patient's room or bed; "r00m" as OCR reads it.
const ROOM_LABELS: &[&str] = &["room", "rm", "r00m", "loc", "location", "bed", "bay"];

/// Labels whose value on a record is a place that identifies the patient: a home address,
/// where they were treated, born or died, their school.
const PLACE_LABELS: &[&str] = &[
    "address",
    "addr",
    "home address",
    "place",
    "place of death",
    "place of birth",
    "school",
    "hospital",
];

/// Labels of a number that is not the patient's: a product's lot, batch, expiry or
/// reference, a drug's code, a revision, a quantity or a clinical value.
const NOT_PATIENT_LABELS: &[&str] = &[
    "lot", "exp", "expiry", "ref", "rev", "ndc", "din", "item", "qty", "total", "dose", "rate",
    "time", "date", "page", "ver", "version", "fax", "tel", "ph", "phone", "mob", "pager", "ext",
    "bleep", "group", "grp", "bp", "map", "model", "machine",
];

/// Labels of a national identity number, which a record writes in its own shapes.
const NATIONAL_LABELS: &[&str] = &["ssn", "aadhaar"];

/// A record's "label: value" cells ("MRN 1188204   BB ID: WX 44 781", "Loc: 8W-814",
/// "Address: 31 Maple Cr, Chilliwack BC"): a line is cut into cells at column gaps (two
/// spaces, a tab, a pipe) and a cell whose one-to-three-word label ends in a colon or a
/// '#' gives its value to the label's kind: a room, a place, or else a code with digits.
fn labelled_fields(ctx: &Context, out: &mut Vec<Draft>) {
    let low = ctx.lower.as_str();
    for (ls, le, vs, ve) in cells(low) {
        let marked = low[ls..le].ends_with([':', '#']);
        let whole = low[ls..le].trim_end_matches([' ', '#', ':', '.']);
        // "Hospital No.": the number's label, not the hospital's.
        let numbered = whole.ends_with(" no") || low[ls..le].contains('#');
        let label = whole.strip_suffix(" no").unwrap_or(whole);
        let val = &low[vs..ve];
        let taken = out.iter().any(|d| d.start < ve && vs < d.end);
        if ROOM_LABELS.contains(&label) {
            if let Some(e) = room_value(val) {
                if !taken {
                    out.push(Draft::new(Category::PhiRoom, Severity::High, vs, vs + e).suggest(""));
                }
            }
        } else if PLACE_LABELS.contains(&label) && !numbered {
            // Unmarked, only a street address ("Addr 44 Thistle Cres").
            let first = ctx.text[vs..].chars().next().unwrap_or(' ');
            let cap = first.is_ascii_digit() || marked && first.is_uppercase();
            if cap && !covered(out, Category::PhiLocation, vs) {
                out.push(Draft::new(Category::PhiLocation, Severity::High, vs, ve).suggest(""));
            }
        } else if marked && !taken && label.len() >= 2 {
            let last = label.rsplit(' ').next().unwrap_or("");
            if NOT_PATIENT_LABELS.contains(&last) {
                continue;
            }
            let Some(e) = code_value(&ctx.text[vs..ve]) else {
                continue;
            };
            // A label the keyed-number table knows ("HC#", "Card No") or a national
            // number's label says which identifier the code is.
            let cat = Matchers::key("keyed", label)
                .or_else(|| Matchers::key("keyed", last))
                .map(|k| k.category)
                .or_else(|| NATIONAL_LABELS.contains(&last).then_some(Category::PhiSsn))
                .unwrap_or(Category::PhiId);
            out.push(Draft::new(cat, Severity::High, vs, vs + e).suggest(""));
        }
    }
}

/// The labelled cells of `low`: (label start, label end, value start, value end). A label
/// is one to three words of letters ending in ':' or '#' (or "no."/"no"), at the start of a
/// cell; the value runs to the cell's end.
fn cells(low: &str) -> Vec<(usize, usize, usize, usize)> {
    let mut found = Vec::new();
    let b = low.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let end = (start..b.len())
            .find(|&i| b[i] == b'\n' || b[i] == b'\t' || b[i] == b'|' || b[i..].starts_with(b"  "))
            .unwrap_or(b.len());
        if let Some(c) = cell(low, start, end) {
            found.push(c);
        }
        start = end + 1;
    }
    found
}

/// One cell's label and value, if it has both (see [`cells`]).
fn cell(low: &str, start: usize, end: usize) -> Option<(usize, usize, usize, usize)> {
    let s = &low[start..end];
    let ls = start + (s.len() - s.trim_start().len());
    let is_label = |l: &str| {
        (1..=3).contains(&l.split(' ').filter(|w| !w.is_empty()).count())
            && l.bytes()
                .all(|c| c.is_ascii_alphabetic() || c == b' ' || c == b'.')
    };
    // Without a colon or '#' after a label, the cell's first word is its label ("RM 6l8").
    let mark = low[ls..end]
        .find([':', '#'])
        .filter(|&m| is_label(&low[ls..ls + m]))
        .or_else(|| low[ls..end].find(' '))?;
    if !is_label(&low[ls..ls + mark]) {
        return None;
    }
    let rest = &low[ls + mark..end];
    let vs = ls + mark + (rest.len() - rest.trim_start_matches([':', '#', ' ']).len());
    let ve = start + s.trim_end().len();
    (vs < ve).then_some((ls, ls + mark + 1, vs, ve))
}

/// The length of a room value at the start of `v`: "612-B", "8W-814", "3SW 3112-1", "6l8"
/// (OCR reads 1 as l and 0 as o): a digit first, then digits, letters and dashes.
fn room_value(v: &str) -> Option<usize> {
    let word = |s: &str| s.find([' ', ',', ';', '(']).unwrap_or(s.len());
    let first = &v[..word(v)];
    if !first.starts_with(|c: char| c.is_ascii_digit())
        || first.len() > 8
        || !first
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-')
    {
        return None;
    }
    // "3SW 3112-1": a unit then its room.
    let rest = &v[first.len()..];
    if let Some(r) = rest.strip_prefix(' ') {
        let second = &r[..word(r)];
        if second.starts_with(|c: char| c.is_ascii_digit())
            && second
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-')
            && first.bytes().any(|c| c.is_ascii_alphabetic())
        {
            return Some(first.len() + 1 + second.len());
        }
    }
    Some(first.len())
}

/// The length of a code at the start of `v` (original case): letters, digits and the
/// '-', '/', '.' or '(' ')' between them, space-separated digit groups included ("WX 44
/// 781", "5151 24 0033918"), with four digits or more, six when it is digits alone; not
/// a word in lower case, not a decimal.
fn code_value(v: &str) -> Option<usize> {
    let b = v.as_bytes();
    let part = |i: usize| {
        (i..b.len())
            .find(|&j| !(b[j].is_ascii_alphanumeric() || b"-/.()".contains(&b[j])))
            .unwrap_or(b.len())
    };
    let mut end = part(0);
    // The first part holds a digit: "BP 78/40" is a reading.
    if !b[..end].iter().any(u8::is_ascii_digit) {
        return None;
    }
    // Following groups that hold a digit.
    while end + 1 < b.len() && b[end] == b' ' && b[end + 1].is_ascii_digit() {
        end = part(end + 1);
    }
    let code = v[..end].trim_end_matches(['.', '-', '/', '(']);
    let digits = code.bytes().filter(u8::is_ascii_digit).count();
    let letters = code.bytes().filter(u8::is_ascii_alphabetic).count();
    let seps = code.len() - digits - letters;
    // "12.5", "K50.90": a value or a diagnosis code; "24.0312.88104" is a code.
    let decimal = code.bytes().filter(|&c| c == b'.').count() == 1;
    // "12/O2/2001": a date as OCR reads it.
    let slashes: Vec<&str> = code.split('/').collect();
    let date = slashes.len() == 3
        && slashes[0].len() <= 2
        && slashes[1].len() <= 2
        && slashes[0].bytes().any(|c| c.is_ascii_digit());
    // "120/80", "135-145": a reading or a range, two short numbers.
    let groups: Vec<&str> = code.split(['/', '-']).collect();
    let reading = groups.len() == 2 && groups.iter().all(|g| g.len() <= 3);
    if digits < 4
        || date
        || reading
        || letters == 0 && seps == 0 && digits < 6
        || code.bytes().any(|c| c.is_ascii_lowercase())
        || decimal
    {
        return None;
    }
    Some(code.len())
}

#[cfg(test)]
mod tests {
    use crate::{Category, Config, Scanner, Severity};

    const BOARD: &str = "PT: Johnson  2231984\nDr. Lee paged 0300, seen by Smith\n04/02 NPO after MN\nallergies: PCN\n";

    fn found(r: &crate::Report) -> Vec<(Category, Severity, String)> {
        r.findings
            .iter()
            .map(|f| (f.category, f.severity, f.text.clone()))
            .collect()
    }

    /// What stands on a whiteboard without sentences: names after their cues, a bare
    /// record number, a bare date. As a post, the same lines pass.
    #[test]
    fn record_text_finds_what_stands_without_sentences() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record(BOARD));
        for (cat, text) in [
            (Category::PhiName, "Johnson"),
            (Category::PhiMrn, "2231984"),
            (Category::PhiName, "Dr. Lee"),
            (Category::PhiName, "Smith"),
            (Category::PhiDate, "04/02"),
        ] {
            assert!(
                r.iter()
                    .any(|(c, sev, t)| *c == cat && *sev == Severity::High && t == text),
                "{text} as {cat:?} in {r:?}"
            );
        }
        // The whole record is one photo finding; no identifier is made of the allergy.
        assert!(
            r.iter().any(|(c, sev, t)| *c == Category::CasePhotoContext
                && *sev == Severity::High
                && t.starts_with("PT: Johnson")),
            "{r:?}"
        );
        assert!(
            !r.iter()
                .any(|(c, _, t)| *c != Category::CasePhotoContext && t.contains("PCN")),
            "{r:?}"
        );
        let post = found(&s.scan("Dr. Lee paged 0300, seen by Smith\n04/02 NPO after MN"));
        assert!(post.is_empty(), "a post without a patient: {post:?}");
    }

    /// Lower-case words after the cues are not names ("seen by nursing").
    #[test]
    fn record_names_need_a_capital() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record("seen by nursing\npaged pharmacy\n"));
        assert!(!r.iter().any(|(c, _, _)| *c == Category::PhiName), "{r:?}");
    }

    /// Record text that shows no patient (a supply label, a log sheet, a phone list) is
    /// read as a post: its lot numbers, extensions, bare dates and item numbers are not held.
    #[test]
    fn a_record_without_a_patient_is_read_as_a_post() {
        let s = Scanner::new(Config::default()).unwrap();
        for text in [
            "MED FRIDGE TEMP LOG\nDAY AM PM INIT\n6/01 4.1 4.3 cw\n6/02 4.0 4.6 cw\nCall Pharmacy x2277\n",
            "SALINE FLUSH 10 mL\nITEM # 4128830\nLot 2HK114  Exp 02/2027\n",
            "*** PRINTER TEST - NOT A PATIENT ***\nTEST, PATIENT ONE\nDOB 01/01/1900   MRN 000000000\n",
        ] {
            let r = s.scan_record(text);
            assert!(
                r.findings.iter().all(|f| f.severity < Severity::Medium),
                "{text:?}: {:?}",
                found(&r)
            );
        }
    }

    /// A board's rows: the word after a bed is its patient; "Surname, Given" is a name;
    /// a staff extension and a provider's phone are not a patient's (tips, never dropped).
    #[test]
    fn board_rows_name_their_patients() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record(
            "TELE 2\nBED 01  FRAZIER J   HR 72\n0800  Holloway, Grace   FOLFOX\nRN Tasha x6120\nSunrise Pediatrics  (208) 555-0190\n",
        ));
        for text in ["FRAZIER J", "Holloway, Grace"] {
            assert!(
                r.iter().any(|(c, sev, t)| *c == Category::PhiName
                    && *sev == Severity::High
                    && t == text),
                "{text} in {r:?}"
            );
        }
        assert!(
            r.iter()
                .filter(|(c, _, _)| *c == Category::PhiPhone)
                .all(|(_, sev, _)| *sev == Severity::Low),
            "{r:?}"
        );
    }

    /// A board's ages: the bare number after a patient's name, not a list's next number or
    /// a reading after a label.
    #[test]
    fn board_ages_follow_names() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record(
            "ED BOARD\nBED 3  OKONJO, Ruth   77   chest pain\nBED 5  Mrs Calder 4 Mill Lane\nDOB 02/03/1950 (74)\n",
        ));
        for text in ["77", "(74)"] {
            assert!(
                r.iter()
                    .any(|(c, _, t)| *c == Category::PhiAge && t == text),
                "{text} in {r:?}"
            );
        }
        assert!(
            !r.iter().any(|(c, _, t)| *c == Category::PhiAge && t == "4"),
            "{r:?}"
        );
    }

    /// A board's "label: value" cells: a room label's value is a room (OCR's "3l4"
    /// included), an address label's a place, another label's code an id; a reading, a
    /// range, a lot, an expiry, a diagnosis code or a hospital's number is none of these.
    #[test]
    fn labelled_cells_give_their_values_a_kind() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record(
            "PT: Johnson  2231984\nLoc: 8W-814   Adm 07/28\nRM: 612-B\nRm 3l4\nIncident: 240312-0441\nSecurity #: BLG-44718\nSSN: 518-44-9021\nAddress: 31 Maple Cr, Chilliwack BC\nVitals: 120/80\nRef range: 135-145\nLot: 2HK114  Exp: 02/2027\nDx: K50.90\nHospital No: NG2210448\n",
        ));
        for (cat, text) in [
            (Category::PhiRoom, "8W-814"),
            (Category::PhiRoom, "612-B"),
            // Read through the OCR view as "Rm 314": the room row's, with its word.
            (Category::PhiRoom, "Rm 3l4"),
            // A coded value ("240312-0441") needs no mark after its keyword: the keyed
            // row's finding, keyword and all.
            (Category::PhiId, "Incident: 240312-0441"),
            (Category::PhiId, "BLG-44718"),
            (Category::PhiSsn, "518-44-9021"),
            (Category::PhiLocation, "31 Maple Cr, Chilliwack BC"),
        ] {
            assert!(
                r.iter().any(|(c, _, t)| *c == cat && t == text),
                "{text} as {cat:?} in {r:?}"
            );
        }
        for text in ["120/80", "135-145", "2HK114", "02/2027", "K50.90"] {
            assert!(
                !r.iter().any(|(c, _, t)| *c == Category::PhiId && t == text),
                "{text} in {r:?}"
            );
        }
        assert!(
            !r.iter()
                .any(|(c, _, t)| *c == Category::PhiLocation && t.contains("NG2210448")),
            "{r:?}"
        );
    }

    /// A slot code opening a board's line before a patient's name is the patient's bed or
    /// room; the row's time and a lone list number are not.
    #[test]
    fn slot_codes_before_names_are_rooms() {
        let s = Scanner::new(Config::default()).unwrap();
        let r = found(&s.scan_record(
            "401  KOWALSKI, T   CHF exac\nB-16A CRAWFORD, LOIS   D-4\nB2 Mr Obuya 55 - chest pain\n4W-07  Okafor, Chinedu  23M\n0800  Holloway, Grace   FOLFOX\n1  Marquez  G3P2\n",
        ));
        for text in ["401", "B-16A", "B2", "4W-07"] {
            assert!(
                r.iter()
                    .any(|(c, _, t)| *c == Category::PhiRoom && t == text),
                "{text} in {r:?}"
            );
        }
        for text in ["0800", "1"] {
            assert!(
                !r.iter()
                    .any(|(c, _, t)| *c == Category::PhiRoom && t == text),
                "{text} in {r:?}"
            );
        }
    }

    /// The shapes the layout rules read: slot codes, codes after a label, rooms.
    #[test]
    fn record_shapes() {
        use super::{code_value, room_value, slot_code};
        for code in ["401", "CH2", "B-16A", "4W-07", "17-1", "R04", "B1-3"] {
            assert!(slot_code(code), "{code}");
        }
        for code in ["1", "ABCD1", "12345", "B-", "Mr", "0.5"] {
            assert!(!slot_code(code), "{code}");
        }
        for v in [
            "TH-88-22910",
            "5151 24 0033918",
            "IP/24/018822",
            "24.0312.88104",
            "ZX4418",
        ] {
            assert!(code_value(v).is_some(), "{v}");
        }
        for v in [
            "120/80",
            "12.5",
            "K50.90",
            "12/O2/2001",
            "4471",
            "bgonsalves_77",
            "BP 78/40",
        ] {
            assert!(code_value(v).is_none(), "{v}");
        }
        assert_eq!(room_value("3sw 3112-1   adm"), Some(10));
        assert_eq!(room_value("6l8"), Some(3));
        assert_eq!(room_value("icu"), None);
    }
}
