//! Numbers and codes: SSN, phone, email, profile URLs, IP, MRN, health plan, account,
//! licence, vehicle, device, other ids, rooms and beds, biometric data.
//!
//! Every format is found by a row of [`crate::matchers::table`] (with its check: SSN
//! area/group rules, Luhn for cards, the MBI alphabet, the VIN check digit, NANP phone
//! rules, IPv4 octets); this rule judges whose it is. The NPI's Luhn and the DEA check
//! digit are checked here, as a keyed number's key decides which applies.

use super::{Draft, Rule};
use crate::context::{next_word, prev_word, Context};
use crate::lexicon::kind;
use crate::matchers::table::{hex_or_colon, luhn};
use crate::matchers::{matchers, Hay, Matchers};
use crate::{Category, Severity};

/// SSNs, phone numbers, IPv4 addresses, cards, MBIs, rooms, parenthesised codes, keyed
/// numbers, emails, profile addresses, plates and VINs: the table's rows, judged here.
pub struct Identifiers {}

impl Identifiers {
    pub fn new() -> Identifiers {
        Identifiers {}
    }
}

impl Default for Identifiers {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for Identifiers {
    fn find(&self, ctx: &Context, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let hay = Hay::of(ctx);

        let spoken = spoken_numbers(ctx, &hay);
        if !hay.runs.is_empty() || !spoken.is_empty() {
            self.find_ssn(ctx, &hay, &spoken, out);
            self.find_phone(ctx, &hay, &spoken, out);
        }
        if !hay.runs.is_empty() {
            self.find_keyed(ctx, &hay, out);
            find_licence_later(ctx, &hay, out);
            self.find_ip(ctx, &hay, out);
            self.find_codes(ctx, &hay, out);
            self.find_rooms(ctx, &hay, out);
            super::rooms::find(ctx, &hay, out);
        }
        for id in ["email", "email.obfuscated", "email.spelled"] {
            for x in matchers().find(Matchers::row(id), &hay) {
                let (sev, weak) = contact_severity(ctx, x.start);
                out.push(
                    Draft::new(Matchers::category(id), sev, x.start, x.end)
                        .suggest("")
                        .weak(weak),
                );
            }
        }
        // Profile addresses: found near each site's top-level domain and '/'.
        for x in matchers().find(Matchers::row("url.profile"), &hay) {
            let (ms, me) = (x.start, x.end);
            let path = &low[ms..me];
            let after = path
                .trim_end_matches(['.', '-'])
                .rsplit('/')
                .next()
                .unwrap_or("");
            if matches!(
                after,
                "groups" | "events" | "watch" | "hashtag" | "explore" | "share" | "p" | "reel"
            ) || after.len() < 2
            {
                continue;
            }
            let (sev, weak) = contact_severity(ctx, ms);
            let own = ctx.kinds_at(ms) & kind::PROMO != 0;
            let sev = if own && !ctx.patient_post {
                Severity::Low
            } else {
                sev
            };
            let end = ms + path.trim_end_matches(['.', '-']).len();
            out.push(
                Draft::new(Category::PhiUrl, sev, ms, end)
                    .suggest("")
                    .weak(weak),
            );
        }
        self.find_handles(ctx, &hay, out);
        self.find_biometric(ctx, out);
    }
}

/// Whether the line before `at` labels a contact number or names whom it reaches: "Ph",
/// "Mob", "Tel", "NOK", or (`relatives`) a relative, a guardian, "if found".
pub(crate) fn contact_line(low: &str, at: usize, labels: bool) -> bool {
    const LABELS: &[&str] = &[
        "ph", "phone", "tel", "mob", "mobile", "cell", "cel", "contact", "nok", "kin", "callback",
        "home", "hp",
    ];
    const RELATIVES: &[&str] = &[
        "son", "daughter", "wife", "husband", "partner", "spouse", "mother", "mum", "mom", "mommy",
        "mummy", "father", "dad", "daddy", "parent", "guardian", "brother", "sister", "found",
    ];
    let line = &low[low[..at].rfind('\n').map_or(0, |n| n + 1)..at];
    line.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| RELATIVES.contains(&w) || labels && LABELS.contains(&w))
}

impl Identifiers {
    /// Social-media handles ("@kaylee.sews.things"): a patient's or a relative's profile.
    /// A handle is reported only where its sentence or the one before ties it to a
    /// patient (a patient reference, a relative: "his mama @...", "my pt's daughter... her
    /// handle is @..."): a reply's "@name" opener, a colleague thanked, an organisation or
    /// a public account are nobody's identifier here.
    fn find_handles(&self, ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
        if ctx.record || ctx.post_kinds & (kind::REF | kind::RELATIVE) == 0 && !ctx.patient_post {
            return;
        }
        let b = ctx.lower.as_bytes();
        for x in matchers().find(Matchers::row("url.handle"), hay) {
            let (s, e) = (x.start, x.end);
            // Glued to a word or an address before it: an email's domain, a profile path.
            if s > 0 && (b[s - 1].is_ascii_alphanumeric() || b"._%+-/".contains(&b[s - 1])) {
                continue;
            }
            let si = ctx.sentence_of(s);
            let tied = (si.saturating_sub(1)..=si).any(|i| {
                let ks = ctx.sent_kinds.get(i).copied().unwrap_or(0);
                ctx.sent_patient.get(i).copied().unwrap_or(false)
                    || ks & (kind::RELATIVE | kind::REF) != 0
            });
            // A reply's addressee ("@LocalNews12 sending love to the mayor and his family")
            // is tied only when the reply speaks to them ("@x your grandpa was ...").
            let (ss, se) = ctx.sentence_span(si);
            let low = ctx.lower.as_str();
            let opener = low[..s].trim_end().is_empty() || low[..s].trim_end().ends_with("to");
            if opener
                && !low[ss..se]
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| matches!(w, "you" | "your" | "ur" | "u"))
            {
                continue;
            }
            // The poster's own account ("follow me @..."), or a job post's.
            let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
            if !tied || ks & (kind::PROMO | kind::HIRING) != 0 {
                continue;
            }
            out.push(Draft::new(Category::PhiUrl, Severity::High, s, e).suggest(""));
        }
    }

    fn find_ssn(&self, ctx: &Context, hay: &Hay, spoken: &[Spoken], out: &mut Vec<Draft>) {
        let m = matchers();
        let low = ctx.lower.as_str();
        // The post names the number somewhere ("read me their social", "SSNs in plain
        // text", "her Social Security card"): a bare 3-2-4 spaced or dotted number is then one. A
        // bare "social" counts only after a possessive ("the social committee" does not).
        let named = has_word(low, &["ssn", "ssns", "ss#", "social security"])
            || word_places(low, "social").any(|i| {
                matches!(
                    prev_word(low, i),
                    "his" | "her" | "their" | "your" | "my" | "its" | "whole" | "full"
                )
            });
        let mut found: Vec<(usize, usize, bool)> = Vec::new();
        for id in [
            "ssn.cued",
            "ssn.sin",
            "ssn.dashed",
            "ssn.spaced",
            "ssn.dotted",
            "ssn.bare",
            "ssn.partial",
            "ssn.masked",
        ] {
            if matches!(id, "ssn.spaced" | "ssn.dotted" | "ssn.bare") && !named {
                continue;
            }
            for x in m.find(Matchers::row(id), hay) {
                // Nine digits in one run are an SSN only where their own sentence names one
                // before them ("typed a patient's SSN, 531447782"), not a chart or order
                // number in a post that mentions SSNs elsewhere.
                if id == "ssn.bare" && !names_ssn_before(ctx, x.start) {
                    continue;
                }
                let partial = id == "ssn.partial" || id == "ssn.masked";
                let (s, e) = if partial {
                    (x.start, x.end)
                } else {
                    x.val.unwrap_or((x.start, x.end))
                };
                if !found.iter().any(|&(fs, fe, _)| s < fe && fs < e) {
                    found.push((s, e, partial));
                }
            }
        }
        // A number read out digit by digit in a post that names SSNs: nine digits that
        // pass the dashed row once written as one.
        if named {
            for sp in spoken.iter().filter(|sp| sp.digits.len() == 9) {
                let d = &sp.digits;
                let dashed = format!("{}-{}-{}", &d[..3], &d[3..5], &d[5..]);
                if !crate::matchers::find_in_text("ssn.dashed", &dashed).is_empty()
                    && !found
                        .iter()
                        .any(|&(fs, fe, _)| sp.start < fe && fs < sp.end)
                {
                    found.push((sp.start, sp.end, false));
                }
            }
        }
        for (s, e, partial) in found {
            out.push(
                Draft::new(Matchers::category("ssn.cued"), Severity::High, s, e)
                    .suggest("")
                    .anchor(!partial),
            );
        }
    }

    /// A keyword naming the kind of number, then the number: the `keyed` row and its `KEYS`.
    fn find_keyed(&self, ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let m = matchers();
        let more = Matchers::row("keyed.more");
        for c in m.find(Matchers::row("keyed"), hay) {
            let (start, end) = (c.start, c.end);
            let whole = &low[start..end];
            let (Some(kwr), Some(valr)) = (c.kw, c.val) else {
                continue;
            };
            let kw = &low[kwr.0..kwr.1];
            let val = &low[valr.0..valr.1];
            if val.ends_with('-') {
                continue;
            }
            if !(4..=24).contains(&val.len()) {
                continue;
            }
            // A state or plan prefix before the number ("TX 522087713", "LEMG 3405 1219") is
            // written in capitals; "rx for 300" is a sentence.
            if let Some(sp) = val.find(' ') {
                let prefix = &ctx.text[valr.0..valr.0 + sp];
                if !prefix.bytes().any(|c| c.is_ascii_digit())
                    && !prefix.bytes().all(|c| c.is_ascii_uppercase())
                {
                    continue;
                }
            }
            let ndig = val.bytes().filter(u8::is_ascii_digit).count();
            let has_hash = c.mark.is_some()
                || whole.contains('#')
                || kw.ends_with("no")
                || kw.ends_with("no.")
                || kw.ends_with("number");
            let Some(key) = Matchers::key("keyed", kw) else {
                continue;
            };
            let mut cat = key.category;
            // "FDA Reg. No. DR-XY12345": a product's or a company's registration.
            if cat == Category::PhiLicense
                && matches!(
                    prev_word(low, start),
                    "fda" | "product" | "drug" | "company" | "business" | "vat" | "batch"
                )
            {
                continue;
            }
            // "card 4147 2020 1189 3365": a payment card's number, which the card row reads.
            let digits: Vec<u8> = val
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|d| d - b'0')
                .collect();
            if kw == "card" && (13..=19).contains(&digits.len()) && luhn(&digits) {
                continue;
            }
            // "auth is 1-888-555-0136", "card is 602-933-5555": a number the phone rule read
            // is a phone, not what a generic keyword names (an NHS number is written like a
            // phone and is one).
            let phone = out
                .iter()
                .any(|d| d.category == Category::PhiPhone && d.start < valr.1 && valr.0 < d.end);
            if phone && (cat == Category::PhiId || kw == "card") {
                continue;
            }
            if kw == "id" {
                let job = matches!(
                    prev_word(low, start),
                    "job"
                        | "req"
                        | "requisition"
                        | "posting"
                        | "meeting"
                        | "zoom"
                        | "webinar"
                        | "emp"
                        | "employee"
                        | "staff"
                        | "badge"
                );
                if !(has_hash || (ndig >= 6 && !job)) {
                    continue;
                }
                if insurance_post(low) {
                    cat = Category::PhiHealthPlan;
                }
            }
            // The matcher checked the key's own digits; an id read as a plan number needs six.
            if kw == "id" && cat == Category::PhiHealthPlan && ndig < 6 {
                continue;
            }
            // "a 7 hr case", "report 2024": a number that is plainly a quantity or year.
            if val.len() == 4 && ndig == 4 && val.starts_with("20") && !has_hash {
                continue;
            }
            if kw == "plate" || kw == "license plate" {
                let letters = val.bytes().filter(u8::is_ascii_alphabetic).count();
                if letters == 0 && val.len() < 5 {
                    continue;
                }
            }
            // On a chart or a wristband the patient's "ID" beside the name is the
            // hospital's record number.
            if ctx.record && cat == Category::PhiId && matches!(kw, "id" | "patient id" | "pt id") {
                cat = Category::PhiMrn;
            }
            let mut sev = Severity::High;
            let mut weak = false;
            if kw == "dea" && !valid_dea(val) || kw == "npi" && !valid_npi(val) {
                weak = true;
                sev = Severity::Medium;
            }
            let own = matches!(prev_word(low, start), "my" | "our");
            let ks = ctx.kinds_at(start);
            // In a post about no patient, a licence number in a sentence the writer speaks
            // of themselves in ("I passed my boards, License No. ...") or welcomes or thanks
            // a colleague in is the writer's or a colleague's; an order or invoice number
            // is a purchase.
            let writer = !ctx.patient_post
                && !ctx.record
                && match cat {
                    Category::PhiLicense => {
                        first_person(ctx, start) || (ks | ctx.post_kinds) & kind::STAFF != 0
                    }
                    _ => matches!(kw, "order" | "invoice" | "po"),
                };
            if (own || writer) && !ctx.patient_post {
                sev = Severity::Low;
            } else if ks & kind::EDUCATIONAL != 0 && !ctx.patient_post && sev == Severity::High {
                sev = Severity::Medium;
            } else if cat == Category::PhiLicense
                && kw == "npi"
                && !ctx.patient_post
                && ctx.post_kinds & (kind::PROMO | kind::CONTACT | kind::HIRING) != 0
            {
                sev = Severity::Low;
            }
            // A keyed number only a patient has shows that a record is about one; a
            // placeholder ("MRN 000000000") does not.
            let anchor = matches!(
                cat,
                Category::PhiMrn
                    | Category::PhiSsn
                    | Category::PhiHealthPlan
                    | Category::PhiAccount
            ) && !placeholder(val);
            // A serial, asset tag or other number on a record that shows no
            // patient (an equipment or asset label, a rota) is the equipment's or the
            // staff's, unless it is a device a person wears or has implanted or its
            // sentence ties it to someone: it waits for the verdict. In a post a pump's
            // serial is nearly always the pump of a patient in a room.
            let unowned = matches!(
                cat,
                Category::PhiDevice | Category::PhiVehicle | Category::PhiId
            ) && ctx.patientless_record
                && !ctx.patient_post
                && ctx.kinds_at(start) & (kind::PERSON | kind::REF | kind::RELATIVE) == 0
                && !has_word(sentence_at(ctx, start), WORN_DEVICES);
            out.push(
                Draft::new(cat, sev, start, end)
                    .suggest("")
                    .weak(weak)
                    .anchor(anchor)
                    .tentative(unowned),
            );
            // "MRN 00913377, 00913378 and 01129045", "serials 22K481735 / 22K481736"
            let mut pos = end;
            while let Some(x) = m.at(more, hay, pos) {
                let Some((vs, ve)) = x.val else { break };
                if ve - vs + 2 < val.len() || ve - vs > val.len() + 2 {
                    break;
                }
                out.push(
                    Draft::new(cat, sev, vs, ve)
                        .suggest("")
                        .weak(weak)
                        .tentative(unowned),
                );
                pos = ve;
            }
        }
        self.find_plates(ctx, hay, out);
        self.find_parenthesised(ctx, hay, out);
    }

    /// "plate TX LPX-4417", "Idaho plate 2B 44718": a plate keyword, an optional state,
    /// then a code written in capitals with a digit.
    fn find_plates(&self, ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        for x in matchers().find(Matchers::row("plate"), hay) {
            let Some((vs, ve)) = x.val else { continue };
            let ws = x.start;
            let orig = &ctx.text[vs..ve];
            let code: Vec<u8> = orig.bytes().filter(u8::is_ascii_alphanumeric).collect();
            let head = &low[ws..vs];
            // "plate ending 4LZ": a partial plate may be short.
            let least = if head.contains("ending") { 3 } else { 4 };
            if code.len() < least
                || !code.iter().any(u8::is_ascii_digit)
                || orig.bytes().any(|b| b.is_ascii_lowercase())
            {
                continue;
            }
            // "reg"/"rego" (the UK's and Australia's word) also starts other words and
            // numbers, and "plaque" or "placa" names other things: a plate under them
            // holds a letter as well as a digit.
            let loose = ["reg", "plaque", "placa", "kennzeichen"]
                .iter()
                .any(|w| head.starts_with(w));
            if loose && !code.iter().any(u8::is_ascii_alphabetic) {
                continue;
            }
            let mut start = ws;
            // "Idaho plate": keep the state in the span.
            let pw = prev_word(ctx.text, start);
            if is_state(&pw.to_ascii_lowercase()) {
                start -= low[..start].len() - low[..start].trim_end().len() + pw.len();
            }
            // "my car is the blue Mazda, rego XYZ123": the writer's own car.
            let own = matches!(prev_word(low, ws), "my" | "our")
                || !ctx.record
                    && low[ctx.sentence_span(ctx.sentence_of(ws)).0..ws]
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|w| w == "my");
            let sev = if own && !ctx.patient_post {
                Severity::Low
            } else {
                Severity::High
            };
            out.push(Draft::new(Category::PhiVehicle, sev, start, ve).suggest(""));
        }
    }

    /// A code in parentheses right after what it identifies: "DEA number (FH3816204)",
    /// "the CDL in his wallet (CA B2291473)", "the same tan Buick (NM KRT-447)".
    fn find_parenthesised(&self, ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        for c in matchers().find(Matchers::row("paren"), hay) {
            let Some((vs, ve)) = c.val else { continue };
            // The state before the value ("(CA B2291473)"), space included.
            let st = (vs > c.start + 1).then_some((c.start + 1, vs));
            let orig = &ctx.text[vs..ve];
            let ndig = orig.bytes().filter(u8::is_ascii_digit).count();
            let nlet = orig.bytes().filter(u8::is_ascii_alphabetic).count();
            if ndig < 3 || orig.bytes().any(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let state = st.is_some_and(|(s, e)| is_state(low[s..e].trim()));
            if nlet == 0 && !state && st.is_none() {
                continue;
            }
            let (ss, _) = ctx.sentences[ctx.sentence_of(vs)];
            let from = vs.saturating_sub(60).max(ss);
            let mut from = from;
            while !low.is_char_boundary(from) {
                from += 1;
            }
            let window = &low[from..vs];
            let has = |words: &[&str]| has_word(window, words);
            let cat = if has(&["license", "licence", "cdl", "dl", "driver's", "dea", "npi"]) {
                Category::PhiLicense
            } else if has(VEHICLES) {
                Category::PhiVehicle
            } else if has(&["a-number", "alien", "uscis", "green card", "visa"]) {
                Category::PhiId
            } else if has(&[
                "serial",
                "pump",
                "pacemaker",
                "device",
                "implant",
                "transmitter",
                "monitor",
            ]) {
                Category::PhiDevice
            } else if has(&[
                "member",
                "medicaid",
                "medicare",
                "insurance",
                "plan",
                "card",
            ]) {
                Category::PhiHealthPlan
            } else if has(&["acct", "account"]) {
                Category::PhiAccount
            } else if has(&["mrn", "chart", "medical record"]) {
                Category::PhiMrn
            } else {
                continue;
            };
            let start = st.map_or(vs, |(s, _)| s);
            out.push(Draft::new(cat, Severity::High, start, ve).suggest(""));
        }
    }

    fn find_phone(&self, ctx: &Context, hay: &Hay, spoken: &[Spoken], out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let b = low.as_bytes();
        let m = matchers();
        // Longer forms first; a shorter form inside a longer one's span is the same number.
        let mut found: Vec<(usize, usize, &str)> = Vec::new();
        for id in [
            "phone.us",
            "phone.intl",
            "phone.mobile",
            "phone.trunk",
            "phone.pager",
            "phone.ext",
            "phone.in",
            "phone.eight",
            "phone.local",
        ] {
            // A staff extension after its cue counts only on a record (a board, a label).
            if id == "phone.ext" && !ctx.record {
                continue;
            }
            for x in m.find(Matchers::row(id), hay) {
                if !found.iter().any(|&(s, e, _)| x.start < e && s < x.end) {
                    found.push((x.start, x.end, id));
                }
            }
        }
        // A number read out digit by digit: its digits, written as one number, must pass
        // the North American or the local row.
        for sp in spoken {
            let d = &sp.digits;
            let (row, text) = match d.len() {
                7 => ("phone.local", format!("{}-{}", &d[..3], &d[3..])),
                10 => ("phone.us", format!("{}-{}-{}", &d[..3], &d[3..6], &d[6..])),
                11 => (
                    "phone.us",
                    format!("{}-{}-{}-{}", &d[..1], &d[1..4], &d[4..7], &d[7..]),
                ),
                _ => continue,
            };
            if !crate::matchers::find_in_text(row, &text).is_empty()
                && !found.iter().any(|&(s, e, _)| sp.start < e && s < sp.end)
            {
                found.push((sp.start, sp.end, "digits.spoken"));
            }
        }
        found.sort_unstable();
        for (s, e, id) in found {
            let m = &low[s..e];
            if s > 0 && matches!(b[s - 1], b'0'..=b'9' | b'-' | b'.' | b'/' | b'#' | b'$') {
                continue;
            }
            if e < b.len()
                && (b[e] == b'-'
                    || b[e] == b'/'
                    || (b[e] == b'.' && b.get(e + 1).is_some_and(u8::is_ascii_digit)))
            {
                continue;
            }
            let before = crate::context::before(low, s, 24);
            let keyed = [
                "call", "text", "phone", "fax", "cell", "number", "tel", "ext", "desk", "line",
                "reach", "dial", "at",
            ]
            .iter()
            .any(|k| before.contains(k));
            let separated = m.contains(['-', '.', ' ', '(']);
            // On a chart or a label a number stands under its label ("Mob", "NOK") or
            // beside the relative it reaches ("son Gareth 07700 900418"): any such word
            // on its line is its cue.
            let keyed = keyed || (ctx.record && contact_line(low, s, true));
            // A pager or international number carries its own cue; a local, trunk-dialled
            // or unbroken ten-digit one needs a word like "call" before it.
            // On a record a trunk-dialled or dashed local number stands in its own cell, its
            // layout its cue ("Brookside Pharmacy  01632 960418", "office 555-0148").
            // Not after a number's own label ("Card No:", "SN", "ID"): that is its number.
            let labelled = {
                let w = low[..s].trim_end_matches([' ', ':', '#', '.', '\t']);
                let w = w
                    .rsplit(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or("");
                ["no", "sn", "id", "serial", "card", "num", "ref", "lot"].contains(&w)
            };
            let laid_out = ctx.record
                && separated
                && !labelled
                && (matches!(id, "phone.trunk" | "phone.mobile")
                    || id == "phone.local" && m.contains('-'));
            // A group of a longer number ("8003 6080 1234 5678") is no number of its own.
            let glued = (e + 1 < b.len() && b[e] == b' ' && b[e + 1].is_ascii_digit())
                || (s >= 2 && b[s - 1] == b' ' && b[s - 2].is_ascii_digit());
            if glued && (laid_out || matches!(id, "phone.in" | "phone.eight")) {
                continue;
            }
            if (matches!(
                id,
                "phone.local" | "phone.trunk" | "phone.in" | "phone.eight" | "digits.spoken"
            ) || !separated)
                && !matches!(id, "phone.pager" | "phone.ext")
                && !keyed
                && !laid_out
            {
                continue;
            }
            // The writer's or their organisation's line ("our new e-fax", "Referrals:
            // fax", "the pharmacy's refill line") or their own family's ("Grandma's cell")
            // in a post about no patient: no one's identifier to protect here.
            let wide = crate::context::before(low, s, 48);
            let someone = PERSON_LINE.iter().any(|w| wide.contains(w));
            let org_line = !ctx.patient_post
                && !ctx.record
                && (has_word(wide, ORG_WORDS)
                    && !someone
                    && !["pt", "patient"].iter().any(|w| wide.contains(w))
                    || ctx.post_kinds & kind::OWN_FAMILY != 0);
            let (mut sev, mut weak) = contact_severity(ctx, s);
            if org_line {
                sev = Severity::Low;
                weak = true;
            } else if sev == Severity::Low
                && before.contains("fax")
                && ctx.kinds_at(s) & kind::CONTACT == 0
            {
                sev = Severity::Medium;
                weak = false;
            }
            // A public institution's main number ("the hospital's main line", "poison
            // control") is nobody's identifier: a tip at most, unless a person or relative
            // is named beside it (then it may be theirs, and stays as it was).
            let institution = INSTITUTION_LINES.iter().any(|w| wide.contains(w)) && !someone;
            // "Call us on ...", "text me at ...": the poster's own line, offered.
            let offered = [
                "call us",
                "call me",
                "text us",
                "text me",
                "ring us",
                "ring me",
                "reach us",
                "reach me",
                "contact us",
            ]
            .iter()
            .any(|w| before.contains(w));
            // A public institution's line in a post about no patient (a hospital's main
            // line, a crisis line, poison control) is nobody's identifier: not reported. The
            // writer's own number offered stays a tip, as does their organisation's.
            if institution && !ctx.patient_post && !ctx.record && !offered {
                continue;
            }
            if institution || (offered && !ctx.patient_post && !ctx.record) {
                sev = Severity::Low;
                weak = true;
            }
            // "NHS no 485 777 3456": a national health number written like a phone.
            let cat = if before
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| matches!(w, "nhs" | "chi" | "medicare" | "ohip" | "phn"))
            {
                Category::PhiHealthPlan
            } else {
                Matchers::category(id)
            };
            out.push(Draft::new(cat, sev, s, e).suggest("").weak(weak));
        }
    }

    fn find_ip(&self, ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        let b = low.as_bytes();
        // An IPv6 address has a "::" or seven colons.
        let double = |i: usize| b.get(i + 1) == Some(&b':');
        if low
            .match_indices(':')
            .enumerate()
            .any(|(n, (i, _))| n == 6 || double(i))
        {
            find_ipv6(ctx, hay, out);
        }
        for x in matchers().find(Matchers::row("ip.v4"), hay) {
            let (s, e) = (x.start, x.end);
            if e < b.len() && b[e] == b'.' && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
                continue;
            }
            if s > 0 && (b[s - 1] == b'.' || b[s - 1] == b'v') {
                continue;
            }
            // The row checked four octets of 0 to 255.
            let octets: Vec<u32> = low[s..e]
                .split('.')
                .filter_map(|p| p.parse().ok())
                .collect();
            if matches!(prev_word(low, s), "version" | "ver" | "v") {
                continue;
            }
            let private = octets[0] == 10
                || octets[0] == 127
                || (octets[0] == 192 && octets[1] == 168)
                || octets[0] == 0;
            let keyed = crate::context::before(low, s, 30).contains("ip");
            let (sev, weak) = if ctx.patient_post {
                (Severity::High, false)
            } else if private {
                (Severity::Low, true)
            } else if keyed {
                (Severity::Medium, false)
            } else {
                (Severity::Low, true)
            };
            out.push(
                Draft::new(Category::PhiIp, sev, s, e)
                    .suggest("")
                    .weak(weak),
            );
        }
    }

    /// Unlabelled codes recognisable by format (the rows check them): Medicare MBIs, card
    /// numbers, VINs.
    fn find_codes(&self, ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
        let m = matchers();
        for x in m.find(Matchers::row("mbi"), hay) {
            let orig = &ctx.text[x.start..x.end];
            // Written as printed: dashed or in capitals, not a lower-case word.
            let dashed = orig.contains('-');
            let upper = orig.bytes().all(|c| !c.is_ascii_lowercase());
            if dashed || upper {
                out.push(
                    Draft::new(Matchers::category("mbi"), Severity::High, x.start, x.end)
                        .suggest(""),
                );
            }
        }
        for x in m.find(Matchers::row("card"), hay) {
            out.push(
                Draft::new(Matchers::category("card"), Severity::High, x.start, x.end)
                    .message("A payment card number is an account number, a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).")
                    .suggest(""),
            );
        }
        self.find_bare_ids(ctx, hay, out);
        find_vehicles(ctx, hay, out);
        if !ctx.record {
            find_health_numbers(ctx, hay, out);
        }
        for x in m.find(Matchers::row("vin"), hay) {
            // VINs are printed in capitals: a lower-case word of 17 is a word.
            if !ctx.text[x.start..x.end]
                .bytes()
                .any(|c| c.is_ascii_lowercase())
            {
                out.push(
                    Draft::new(Matchers::category("vin"), Severity::High, x.start, x.end)
                        .suggest(""),
                );
            }
        }
    }

    /// Identifiers that stand without a keyword: a code of an identifier's shape written
    /// in capitals ("ORD-7716204", "24-HEM-00917") and national identity numbers (a CURP,
    /// a MyKad, a CPF; in posts also South Africa's ID and Singapore's NRIC, which record text
    /// reads as health numbers). A number another rule has read (a keyed number, an MBI, a
    /// plate) is that rule's. Whose it is only the post tells: outside a patient's post
    /// or record it is tentative.
    fn find_bare_ids(&self, ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
        let m = matchers();
        let mut ids = vec!["code.dashed", "id.curp", "id.mykad", "id.cpf"];
        if !ctx.record {
            ids.extend(["health.sa_id", "health.nric"]);
        }
        for id in ids {
            for x in m.find(Matchers::row(id), hay) {
                let taken = out.iter().any(|d| d.start < x.end && x.start < d.end);
                let lower = ctx.text[x.start..x.end]
                    .bytes()
                    .any(|c| c.is_ascii_lowercase());
                if taken || id == "code.dashed" && lower {
                    continue;
                }
                // "CPF 123.456.789-09": named by its keyword, a keyed number (one the
                // keyed row's value cannot read, with its dots).
                let named = id == "id.cpf" && {
                    let before = ctx.lower[..x.start].trim_end_matches([' ', ':', '#']);
                    prev_word(before, before.len()) == "cpf"
                };
                let unowned = !ctx.patient_post && !ctx.record && !named;
                out.push(
                    Draft::new(Category::PhiId, Severity::High, x.start, x.end)
                        .suggest("")
                        .tentative(unowned),
                );
            }
        }
    }

    fn find_rooms(&self, ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
        let low = ctx.lower.as_str();
        for x in matchers().find(Matchers::row("room"), hay) {
            let (s, e) = (x.start, x.end);
            let before = prev_word(low, s);
            if matches!(
                before,
                "conference"
                    | "break"
                    | "staff"
                    | "supply"
                    | "locker"
                    | "meeting"
                    | "waiting"
                    | "class"
                    | "ambulance"
                    | "call"
                    | "rest"
                    | "bath"
                    | "living"
                    | "dining"
                    | "utility"
                    | "server"
                    | "board"
                    | "chat"
                    | "station"
                    | "hotel"
                    | "dorm"
                    | "sick"
                    | "loading"
                    | "building"
                    | "hall"
                    | "suite"
                    | "office"
                    | "parking"
                    | "escape"
                    | "zoom"
                    | "study"
                    | "lecture"
            ) {
                continue;
            }
            if unit_after(next_word(low, e)) {
                continue;
            }
            out.push(room_draft(ctx, s, e));
        }
        // "the lady in 4": the reference itself names the room.
        for r in &ctx.refs {
            let t = &low[r.start..r.end];
            if t.contains(" in ")
                && t.as_bytes()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                && t.bytes().any(|c| c.is_ascii_digit())
            {
                if let Some(i) = t.rfind(" in ") {
                    if t[i + 4..]
                        .bytes()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit())
                    {
                        out.push(room_draft(ctx, r.start, r.end));
                    }
                }
            }
        }
    }

    fn find_biometric(&self, ctx: &Context, out: &mut Vec<Draft>) {
        if ctx.post_kinds & kind::BIOMETRIC == 0 {
            return;
        }
        for h in ctx.hits.iter().filter(|h| h.kinds & kind::BIOMETRIC != 0) {
            let si = ctx.sentence_of(h.start);
            let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
            let (ss, se) = ctx.sentences[si];
            // "the fingerprint of burnout" is a metaphor; "fingerprint scan on file" is data.
            let data = ctx.has_in(ss, se, kind::DATA) || ctx.lower[h.start..h.end].contains("scan");
            let figurative = ctx.lower[h.end..].trim_start().starts_with("of ");
            let person = ks & kind::PERSON != 0 || ctx.patient_in(si, si);
            if figurative || !(data || person || ctx.patient_post) {
                continue;
            }
            let sev = if ctx.patient_post || person {
                Severity::High
            } else {
                Severity::Medium
            };
            // Extend over a following "scan" / "on file" so the span reads as one thing.
            let mut end = h.end;
            for d in ctx.hits_in(h.end, (h.end + 16).min(se), kind::DATA) {
                end = end.max(d.end);
            }
            out.push(Draft::new(Category::PhiBiometric, sev, h.start, end).suggest(""));
        }
    }
}

/// A unit after a number that makes it a duration, a time of day, a count of beds or a share,
/// not a room ("in 10 minutes", "at 4 pm", "30 beds"). `rooms.rs` adds its own words to these.
pub(super) fn unit_after(w: &str) -> bool {
    matches!(
        w,
        "minutes"
            | "min"
            | "mins"
            | "hours"
            | "hrs"
            | "hr"
            | "days"
            | "weeks"
            | "years"
            | "months"
            | "times"
            | "x"
            | "am"
            | "pm"
            | "beds"
            | "percent"
            | "nights"
    )
}

pub(super) fn room_draft(ctx: &Context, s: usize, e: usize) -> Draft {
    let si = ctx.sentence_of(s);
    let ks = ctx.kinds_in(si.saturating_sub(1), si + 1);
    let person_story = ks & kind::PERSON != 0
        && ks & (kind::CONDITION | kind::PATIENT_EVENT | kind::DEMEANING) != 0;
    let (sev, weak) = if ctx.patient_post || person_story {
        (Severity::High, false)
    } else {
        (Severity::Low, true)
    };
    Draft::new(Category::PhiRoom, sev, s, e)
        .suggest("")
        .weak(weak)
}

/// Words that make a number after them an organisation's own line: the writer's "our"
/// and "we", and the kinds of place and service that publish lines.
const ORG_WORDS: &[&str] = &[
    "our",
    "we",
    "us",
    "clinic",
    "pharmacy",
    "office",
    "practice",
    "department",
    "dept",
    "hospital",
    "referral",
    "referrals",
    "referring",
    "prescribers",
    "e-fax",
    "efax",
    "refill",
    "billing",
    "records",
];

/// A number read out digit by digit (the `digits.spoken` row): where, and its digits.
struct Spoken {
    start: usize,
    end: usize,
    digits: String,
}

/// Words that say a number is being given: a phone's or an SSN's. The spoken row is tried
/// only in a post holding one.
const SPOKEN_CUES: &[&str] = &[
    "call", "phone", "number", "text", "cell", "mobile", "reach", "dial", "ssn", "social", "ss#",
];

/// The numbers read out digit by digit in a post that gives a number.
fn spoken_numbers(ctx: &Context, hay: &Hay) -> Vec<Spoken> {
    let low = ctx.lower.as_str();
    // The row is tried only where four words in a row are numbers' ("985", "five") and
    // one of them is said or is a lone digit ("oh", "4"): groups of digits alone
    // ("52 656 218") are the other rows' business.
    let (mut run, mut said) = (0, false);
    let four = ctx.tokens.iter().any(|t| {
        let w = &low[t.start..t.end.min(low.len())];
        let digits = w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
        // Every number word starts with one of these letters: most words fail at one byte.
        let word = !digits
            && (2..=13).contains(&w.len())
            && matches!(
                w.as_bytes()[0],
                b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'z'
            )
            && w.split('-').all(number_word);
        if digits || word {
            run += 1;
            said |= word || w.len() == 1;
        } else {
            (run, said) = (0, false);
        }
        run >= 4 && said
    });
    if !four || !SPOKEN_CUES.iter().any(|c| low.contains(c)) {
        return Vec::new();
    }
    matchers()
        .find(Matchers::row("digits.spoken"), hay)
        .into_iter()
        .filter_map(|x| {
            let digits = crate::matchers::table::spoken_digits(&low[x.start..x.end])?;
            Some(Spoken {
                start: x.start,
                end: x.end,
                digits,
            })
        })
        .collect()
}

/// A number's word, "oh" for zero included (one part of "fifty-five").
fn number_word(w: &str) -> bool {
    use crate::matchers::table::{DIGIT_WORDS, TENS_WORDS};
    w == "oh" || DIGIT_WORDS.contains(&w) || TENS_WORDS.contains(&w)
}

/// Whether the sentence around `pos` names a Social Security number before it.
fn names_ssn_before(ctx: &Context, pos: usize) -> bool {
    let low = ctx.lower.as_str();
    let (s, _) = ctx.sentence_span(ctx.sentence_of(pos));
    let before = &low[s.min(pos)..pos];
    has_word(before, &["ssn", "ssns", "ss#", "social security", "social"])
}

/// Where `w` stands as a word of its own in `text`.
fn word_places<'a>(text: &'a str, w: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(w)
        .map(|(i, _)| i)
        .filter(move |&i| crate::context::bounded(text.as_bytes(), i, i + w.len()))
}

/// Whether any of `words` stands as a word of its own in `text`.
fn has_word(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word_places(text, w).next().is_some())
}

/// Whether the sentence around `pos` is the writer's about themselves: "I", "I've", "my".
fn first_person(ctx: &Context, pos: usize) -> bool {
    sentence_at(ctx, pos)
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .any(|w| {
            matches!(
                w,
                "i" | "i've" | "i'm" | "i\u{2019}ve" | "i\u{2019}m" | "my" | "mine" | "me"
            )
        })
}

/// Words before a number that make it a person's line (a relative's, someone's cell or home
/// phone): neither an institution's nor an organisation's then.
const PERSON_LINE: &[&str] = &[
    "his ", "her ", "their ", "son", "daughter", "wife", "husband", "mom", "dad", "cell", "home",
];

/// Words that name a public institution's line, not a person's number.
const INSTITUTION_LINES: &[&str] = &[
    "main line",
    "main number",
    "front desk",
    "switchboard",
    "hotline",
    "helpline",
    "help line",
    "crisis line",
    "poison control",
    "hospital's",
    "clinic's",
    "pharmacy's",
    "office line",
    "appointment line",
    "scheduling line",
    "nurse line",
    "toll-free",
    "toll free",
];

/// The severity of contact details: high beside a patient, low when plainly the poster's
/// own (a recruiter's number, "email me at").
fn contact_severity(ctx: &Context, pos: usize) -> (Severity, bool) {
    let si = ctx.sentence_of(pos);
    let ks = ctx.sent_kinds.get(si).copied().unwrap_or(0);
    if ctx.patient_post {
        (Severity::High, false)
    } else if ctx.post_kinds & (kind::CONTACT | kind::HIRING) != 0 {
        (Severity::Low, false)
    } else if ks & (kind::PERSON | kind::RELATIVE) != 0 {
        // Someone else's number or address, offered by nobody: a third party's identifier.
        (Severity::High, false)
    } else {
        (Severity::Low, true)
    }
}

/// A value that only holds a place on a form or a test print: one digit repeated
/// ("000000000", "9999999").
pub fn placeholder(val: &str) -> bool {
    let mut d = val.bytes().filter(u8::is_ascii_digit);
    match d.next() {
        Some(first) => d.all(|c| c == first),
        None => false,
    }
}

/// National health numbers in a post (record text reads them bare, `record.rs`): each
/// row's check, and a plan's word in the sentence or the one before ("the medicare card on
/// file for Mr Tran is 2953 71402 1", "NHS no. 943 476 5919 and 943 476 5870"). A number
/// the phone rule read there is the plan's.
fn find_health_numbers(ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
    const CUES: &[&str] = &[
        "medicare",
        "nhs",
        "chi",
        "ohip",
        "health card",
        "carte soleil",
        "ramq",
        "phn",
        "nhi",
        "philhealth",
        "aadhaar",
        "abha",
        "medicaid",
        "mcp",
        "health number",
        "versichertennummer",
        "ihi",
        "dva",
    ];
    let low = ctx.lower.as_str();
    for id in super::record::HEALTH_ROWS {
        if matches!(*id, "health.nric" | "health.sa_id") {
            continue;
        }
        for (s, e) in super::record::health_spans(ctx, hay, id) {
            let si = ctx.sentence_of(s);
            let from = ctx.sentence_span(si.saturating_sub(1)).0;
            let around = &low[from..ctx.sentence_span(si).1];
            let cued = CUES.iter().any(|c| {
                around
                    .match_indices(c)
                    .any(|(i, _)| super::word_at(around, i, c.len()))
            });
            if !cued {
                continue;
            }
            let mut taken = false;
            for d in out.iter_mut().filter(|d| d.start < e && s < d.end) {
                if d.category == Category::PhiPhone {
                    d.category = Matchers::category(id);
                }
                taken = true;
            }
            if !taken {
                out.push(Draft::new(Matchers::category(id), Severity::High, s, e).suggest(""));
            }
        }
    }
}

/// Vehicle identifiers without a keyword of their own: a VIN without its check digit
/// after a vehicle's word in the sentence before it ("the VIN on the crashed car was
/// ..."), and a British plate in capitals ("the car you're cutting someone out of is YK19
/// RZT"). The writer's own car stays low.
fn find_vehicles(ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
    const VEHICLE: &[&str] = &[
        "vin",
        "car",
        "cars",
        "truck",
        "ute",
        "van",
        "minivan",
        "suv",
        "vehicle",
        "tow",
        "chassis",
        "driveway",
        "pickup",
        "jeep",
        "bike",
        "motorbike",
        "plate",
        "reg",
        "rego",
        "parked",
        "parking",
        "crash",
        "rolled",
        "wreck",
    ];
    let low = ctx.lower.as_str();
    for id in ["vin.unchecked", "plate.uk"] {
        for x in matchers().find(Matchers::row(id), hay) {
            let (s, e) = (x.start, x.end);
            if ctx.text[s..e].bytes().any(|c| c.is_ascii_lowercase())
                || out.iter().any(|d| d.start < e && s < d.end)
            {
                continue;
            }
            let from = crate::context::before(low, s, 160);
            let cued = from
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| VEHICLE.contains(&w));
            if id == "vin.unchecked" && !cued {
                continue;
            }
            let own = !ctx.patient_post
                && low[ctx.sentence_span(ctx.sentence_of(s)).0..s]
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w == "my");
            let sev = if own { Severity::Low } else { Severity::High };
            out.push(Draft::new(Category::PhiVehicle, sev, s, e).suggest(""));
        }
    }
}

/// A licence number a few words after its keyword ("the DEA on it was BK4417290"): the
/// `license.later` row. A patient's or a prescriber's, high unless the writer's own ("my
/// DEA ... is"); a DEA or NPI that fails its check stays medium, as the keyed row's.
fn find_licence_later(ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
    let low = ctx.lower.as_str();
    for x in matchers().find(Matchers::row("license.later"), hay) {
        let (Some(kw), Some((vs, ve))) = (x.kw, x.val) else {
            continue;
        };
        if out.iter().any(|d| d.start < ve && vs < d.end) {
            continue;
        }
        let kw = &low[kw.0..kw.1];
        let val = &low[vs..ve];
        let own = matches!(prev_word(low, x.start), "my" | "our");
        let (sev, weak) = if own {
            (Severity::Low, true)
        } else if kw == "dea" && !valid_dea(val) || kw == "npi" && !valid_npi(val) {
            (Severity::Medium, true)
        } else {
            (Severity::High, false)
        };
        out.push(
            Draft::new(Category::PhiLicense, sev, vs, ve)
                .suggest("")
                .weak(weak),
        );
    }
}

/// NPI: ten digits, Luhn-valid with the 80840 prefix.
pub fn valid_npi(s: &str) -> bool {
    if s.len() != 10 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut d: Vec<u8> = vec![8, 0, 8, 4, 0];
    d.extend(s.bytes().map(|c| c - b'0'));
    luhn(&d)
}

/// DEA: two letters, seven digits; (d1+d3+d5) + 2(d2+d4+d6) ends in d7.
pub fn valid_dea(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9
        || !b[..2].iter().all(u8::is_ascii_alphabetic)
        || !b[2..].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let d: Vec<u32> = b[2..].iter().map(|c| (c - b'0') as u32).collect();
    (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]
}

/// Whether a post is about insurance, so a bare "ID" is a member id.
fn insurance_post(low: &str) -> bool {
    [
        "medicaid",
        "medicare",
        "insurance",
        "insurer",
        "member",
        "coverage",
        "health plan",
        "prior auth",
        "payer",
    ]
    .iter()
    .any(|w| low.contains(w))
}

/// Car makes and vehicle words that make a parenthesised code a plate.
const VEHICLES: &[&str] = &[
    "plate",
    "car",
    "truck",
    "suv",
    "van",
    "pickup",
    "vehicle",
    "buick",
    "chevy",
    "chevrolet",
    "ford",
    "toyota",
    "honda",
    "nissan",
    "subaru",
    "tesla",
    "jeep",
    "dodge",
    "ram",
    "gmc",
    "hyundai",
    "kia",
    "mazda",
    "bmw",
    "audi",
    "lexus",
    "volvo",
    "camry",
    "corolla",
    "civic",
    "accord",
    "tacoma",
    "silverado",
    "f-150",
    "f150",
    "mustang",
    "prius",
    "outback",
    "cadillac",
    "motorcycle",
    "harley",
    "drives",
];

/// Devices a person wears or has implanted: their serial numbers are their wearer's.
const WORN_DEVICES: &[&str] = &[
    "pacemaker",
    "implant",
    "implanted",
    "transmitter",
    "cgm",
    "cochlear",
    "stimulator",
    "lvad",
    "icd",
    "hearing aid",
];

/// The lower-case sentence around `at`.
fn sentence_at<'a>(ctx: &'a Context, at: usize) -> &'a str {
    let (s, e) = ctx.sentence_span(ctx.sentence_of(at));
    &ctx.lower[s..e]
}

/// US states, spelled out or as postal codes.
pub(crate) fn is_state(w: &str) -> bool {
    const CODES: &[&str] = &[
        "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia",
        "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj",
        "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt",
        "va", "wa", "wv", "wi", "wy", "dc",
    ];

    CODES.contains(&w) || super::STATE_NAMES.contains(&w)
}

/// IPv6 addresses: the table's `ip.v6` row (hex groups joined by colons, either with a
/// "::" or all eight groups), kept where the whole stretch of hex digits and colons stands
/// alone: no letter or digit glued before it, no letter, digit or '.' after it.
fn find_ipv6(ctx: &Context, hay: &Hay, out: &mut Vec<Draft>) {
    let b = ctx.lower.as_bytes();
    for x in matchers().find(Matchers::row("ip.v6"), hay) {
        let s = x.start;
        let e = x.end + b[x.end..].iter().take_while(|&&c| hex_or_colon(c)).count();
        let glued = s > 0 && b[s - 1].is_ascii_alphanumeric();
        let followed = b
            .get(e)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'.');
        if glued || followed {
            continue;
        }
        let (sev, weak) = if ctx.patient_post || ctx.kinds_at(s) & (kind::PERSON | kind::REF) != 0 {
            (Severity::High, false)
        } else {
            (Severity::Low, true)
        };
        out.push(
            Draft::new(Category::PhiIp, sev, s, x.end)
                .suggest("")
                .weak(weak),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::{Category, Config, Scanner, Severity};

    fn phone(post: &str) -> Option<Severity> {
        let s = Scanner::new(Config::default()).unwrap();
        let r = s.scan(post);
        r.findings
            .iter()
            .find(|f| f.category == Category::PhiPhone)
            .map(|f| f.severity)
    }

    fn ids(post: &str) -> Vec<String> {
        let s = Scanner::new(Config::default()).unwrap();
        s.scan(post)
            .findings
            .into_iter()
            .filter(|f| f.category == Category::PhiId)
            .map(|f| f.text)
            .collect()
    }

    /// A code of an identifier's shape with no keyword is a patient's in a post about one;
    /// written in lower case it is a word, and in a post about no patient it is tentative
    /// (not reported).
    #[test]
    fn bare_codes_are_ids_in_a_patient_post() {
        assert_eq!(
            ids("My patient's MRI, ORD-7716204, got dropped when the system went down."),
            ["ORD-7716204"]
        );
        assert_eq!(
            ids("My patient's tube came down as 24-HEM-00917 with a completely different name on it."),
            ["24-HEM-00917"]
        );
        assert!(
            ids("My patient's MRI, ord-7716204, got dropped when the system went down.").is_empty()
        );
        assert!(
            ids("The vendor shipped part ORD-7716204 to the wrong warehouse again, typical.")
                .is_empty()
        );
    }

    /// Whose number: a patient's or relative's is high, the poster's own in a job ad stays
    /// low, a public institution's main line is at most a tip; context lowers, never drops
    /// a patient's.
    #[test]
    fn whose_number_decides_its_severity() {
        assert_eq!(
            phone("My patient's daughter keeps calling the unit from (217) 555-0164 at 3am, pt is in room 12."),
            Some(Severity::High)
        );
        assert_eq!(
            phone("We're hiring night RNs! Call or text me at (217) 555-0164 to apply."),
            Some(Severity::Low)
        );
        assert_eq!(
            phone("Our patient in bed 4 asked for visiting hours: the hospital's main line is (217) 555-0100."),
            Some(Severity::Low)
        );
        assert_eq!(
            phone("Our patient in bed 4 gave me her son's number, (217) 555-0164, for the main line log."),
            Some(Severity::High)
        );
    }

    /// A serial number is a patient's on their device; on an equipment label that shows
    /// no patient it is nobody's, and five of its digits are not a ZIP code.
    #[test]
    fn serial_numbers_belong_to_patients_only() {
        let s = Scanner::new(Config::default()).unwrap();
        let high = |r: crate::Report| -> Vec<(Category, String)> {
            r.findings
                .into_iter()
                .filter(|f| f.severity == Severity::High)
                .map(|f| (f.category, f.text))
                .collect()
        };
        for label in [
            "INFUSION PUMP\nS/N 90771-LP\nNext service due 03/2025",
            "DEFIBRILLATOR\nSN 41288\nChecked daily: sign below",
        ] {
            assert!(high(s.scan_record(label)).is_empty(), "{label}");
        }
        let pt = high(
            s.scan("My patient in bed 4 came in with his pump, S/N 90771-LP, alarming nonstop."),
        );
        assert!(
            pt.contains(&(Category::PhiDevice, "S/N 90771-LP".into())),
            "{pt:?}"
        );
        assert!(
            !pt.iter().any(|(c, _)| *c == Category::PhiLocation),
            "{pt:?}"
        );
        let pump = high(s.scan("pump SN 33K-08812 alarming again in rm 7, biomed pls"));
        assert!(
            pump.iter().any(|(c, _)| *c == Category::PhiDevice),
            "{pump:?}"
        );
        assert!(
            !pt.iter().any(|(c, _)| *c == Category::PhiLocation),
            "{pt:?}"
        );
    }
}
