//! Whose story a post tells (issue 12 point 4, issue 14 point 4). Run after every rule, on
//! posts (not record text that shows a patient): in a post that refers to no patient at all
//! (`Context::whose` holds only there),
//!
//! - a placeholder value (`placeholders`: the SSA's example SSN, CMS's sample MBI, an MRN of
//!   one repeated digit, "Test, Patient") is nobody's identifier;
//! - the writer's own story or their family's ("my 92 year old grandpa", "Due 14 Oct, it's
//!   a girl", "my dad's implant card"), a colleague's non-clinical news or a public figure's
//!   public news is not a patient's case;
//!
//! and their patient details and case findings are lowered to tips, never dropped (the
//! taxonomy: context may lower a finding, never silently remove it). Format identifiers
//! are lowered only where they are plainly the writer's or their family's, or placeholders;
//! in news they stay the identifier rules' call. A post that also refers to a patient ("my
//! pt", "a patient", "the lady in room 7", "Mr. Brandt" in a care story) keeps them all.

use crate::context::Context;
use crate::placeholders::{self, placeholder, Placeholder};
use crate::rules::Draft;
use crate::{Category, Severity};

/// Details that identify only when they are a patient's, and the case they add up to.
fn detail(c: Category) -> bool {
    matches!(
        c,
        Category::CaseRecognizable
            | Category::CasePhotoContext
            | Category::PhiName
            | Category::PhiAge
            | Category::PhiDate
            | Category::PhiLocation
            | Category::PhiRoom
    )
}

/// Whether the draft is the rules' own (not an organisation detector's or a user term's).
fn own(d: &Draft) -> bool {
    d.detector.is_none() && d.category != Category::CustomTerm
}

/// Whether some rule finding of the post is a placeholder value.
pub fn has_placeholder(ctx: &Context, drafts: &[Draft], from: usize, to: usize) -> bool {
    drafts.iter().any(|d| {
        own(d)
            && d.start < to
            && from < d.end
            && d.end <= ctx.text.len()
            && placeholder(d.category, &ctx.text[d.start..d.end])
    })
}

fn lower(d: &mut Draft) {
    if d.severity > Severity::Low {
        d.severity = Severity::Low;
        d.weak = true;
        d.pinned = false;
    }
}

/// Lowers, in a post about no patient, placeholder values and the details of a story that
/// is not a patient's.
pub fn soften(ctx: &Context, drafts: &mut [Draft]) {
    use crate::context::RefStrength;
    use crate::lexicon::kind;
    if ctx.record || ctx.patient_post {
        return;
    }
    // A teaching post's "Patient A" or "a patient" is its example: placeholders in it are
    // still placeholders.
    let teaching = ctx.post_kinds & (kind::EDUCATIONAL | kind::HYPOTHETICAL) != 0;
    let weak_only = ctx.refs.iter().all(|r| r.strength == RefStrength::Weak);
    if !(ctx.refs.is_empty() || (teaching && weak_only)) {
        return;
    }
    // A room or bed ("Room 14 has pressed the call light nine times") is a patient's.
    if drafts
        .iter()
        .any(|d| own(d) && d.category == Category::PhiRoom && d.severity > Severity::Low)
    {
        return;
    }
    let mut dummy = false;
    for d in drafts.iter_mut().filter(|d| own(d)) {
        if d.end > ctx.text.len() {
            continue;
        }
        let k = placeholders::kind(d.category, &ctx.text[d.start..d.end]);
        if k == Placeholder::Shape || (k == Placeholder::Published && teaching) {
            lower(d);
            dummy = true;
        }
    }
    let whose = ctx.whose;
    if !ctx.refs.is_empty() {
        // A teaching post's example patient: its other details are the example's.
        if dummy {
            for d in drafts.iter_mut().filter(|d| own(d) && detail(d.category)) {
                lower(d);
            }
        }
        return;
    }
    if !whose.any() && !dummy {
        return;
    }
    let mine = whose.family || whose.own;
    for d in drafts.iter_mut().filter(|d| own(d)) {
        let phi = d.category.id().starts_with("phi.");
        if detail(d.category) || (mine && phi) {
            lower(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Scanner, Severity};

    fn worst(text: &str, prefix: &str) -> Option<Severity> {
        let s = Scanner::new(Config::default()).unwrap();
        s.scan(text)
            .findings
            .iter()
            .filter(|f| f.category.id().starts_with(prefix))
            .map(|f| f.severity)
            .max()
    }

    fn lowered(text: &str) {
        let w = worst(text, "phi.").max(worst(text, "case."));
        assert!(w <= Some(Severity::Low), "{w:?}: {text}");
    }

    #[test]
    fn family_own_and_placeholder_stories_are_tips() {
        for t in [
            "My 92 year old grandpa donated blood 60 times and got a pin from the Red Cross today, so proud of him",
            "This is my niece Aria, 2 days old, born at St. Luke's at 4:12am weighing 7lb 3oz, and I am already obsessed",
            "Due 14 Oct, it's a girl! Cannot wait to meet her, my midwife says everything looks perfect so far",
            "Spent today training the new ROI clerks. Our fake patient is 'Test, Patient, MRN 99999999, DOB 01/01/1950'. Every one still sent it to the wrong fax",
            "Privacy tip for the new coders: an SSN typed as 123-45-6789 or 123 45 6789 is still an SSN, so your filters must catch both layouts",
            "Mi abuela cumplió 97 años ayer en Guadalajara y bailó toda la noche con mis primos, what a woman",
        ] {
            lowered(t);
        }
        // Left to the model, which still holds it: "Someone stole my aunt's wallet outside
        // her house on 14 Elm Street last night" (its case finding promotes the street).
    }

    #[test]
    fn a_patient_beside_them_keeps_the_finding_high() {
        for (t, p) in [
            ("Registration put the wrong SSN on my pt's armband, 123-45-6789, which is literally the example number, how did this get through", "phi.ssn"),
            ("My mum works here too, but the lady in room 7 today was 94 years old and came in after a fall at her house on Elm Street", "phi."),
            ("pt's MBI 1EG4-TE5-MK73 keeps bouncing at eligibility and Medicare swears it's active, anyone else seeing this with their patients", "phi.health_plan"),
        ] {
            assert_eq!(worst(t, p), Some(Severity::High), "{t}");
        }
    }
}
