//! Acceptance 4: every text-visible category has at least three positive and three
//! hard-negative examples. A positive must yield a finding of the category at medium or
//! high severity (low for `conduct.self_promotion`); a negative must yield none at medium
//! or high.

use bedside_core::{Category, Config, CustomTerm, Scanner, Severity};

fn scanner() -> Scanner {
    Scanner::new(Config::default()).unwrap()
}

fn assert_cat(id: &str, positives: &[&str], negatives: &[&str]) {
    let s = scanner();
    let cat = Category::from_id(id).unwrap();
    let floor = if cat == Category::ConductSelfPromotion {
        Severity::Low
    } else {
        Severity::Medium
    };
    assert!(positives.len() >= 3 && negatives.len() >= 3);
    for p in positives {
        let r = s.scan(p);
        assert!(
            r.findings
                .iter()
                .any(|f| f.category == cat && f.severity >= floor),
            "{id}: expected a finding in {p:?}, got {:#?}",
            r.findings
        );
    }
    for n in negatives {
        let r = s.scan(n);
        let bad: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.category == cat && f.severity >= Severity::Medium)
            .collect();
        assert!(
            bad.is_empty(),
            "{id}: expected nothing in {n:?}, got {bad:#?}"
        );
    }
}

#[test]
fn phi_name() {
    assert_cat(
        "phi.name",
        &[
            "Shoutout to Mr. Delgado in bed 4 who walked today",
            "pt Jenny K. keeps pulling her IV",
            "her son Marcus called the unit six times about his mom's meds",
            "Our NICU miracle baby Zoë went home today after 118 days",
        ],
        &[
            "Congrats to Dr. Priya Raman on her promotion to Chief of Hospital Medicine!",
            "Thank you to José Ramírez, RRT, for leading the protocol rollout",
            "Call or text Renée at the office if you're interested in the job",
        ],
    );
}

#[test]
fn phi_location() {
    assert_cat(
        "phi.location",
        &["3rd call this month to my pt on Birch Lane in Alder Creek", "my pt fell in her kitchen in Ogden and broke her hip", "MVC on I-80 EB at mm 142, the driver was ejected and flown out"],
        &["Free flu shots this Sat at Riverside Community Center, 410 Elm St, no appointment needed", "Volunteer training at our office, 1220 Maple Ave. Contact our coordinator for details.", "I moved to Texas in 2019 and love my new job"],
    );
}

#[test]
fn phi_date() {
    assert_cat(
        "phi.date",
        &[
            "my pt was admitted on March 3rd with a hip fracture",
            "registration says the pt with DOB 4/12/1961 is 35",
            "RIP to my favorite pt, passed 11/02 at 3am",
        ],
        &[
            "Free flu shots this Sat 10/19, 9a-1p, no appointment needed",
            "10/10 pain while eating chips is a meme for a reason",
            "Our paper was published in March 2021, link in comments",
        ],
    );
}

#[test]
fn phi_age() {
    assert_cat(
        "phi.age",
        &[
            "My 101 y/o patient schooled me at gin rummy",
            "a 93-year-old admitted with pneumonia today",
            "A 34-year-old mom came in after a rollover last night",
        ],
        &[
            "explained the heart to my 8yo with a slinky",
            "diagnosed with lupus at 24 and still working full time",
            "In a cohort of adults aged 65 and older, calls reduced readmissions",
        ],
    );
}

#[test]
fn phi_phone() {
    assert_cat(
        "phi.phone",
        &[
            "the pt's daughter left (312) 555-0188 as her number",
            "my pt's only contact is (801) 555-0147 and it's disconnected",
            "her son said to call him at 801-555-0199 anytime about the pt",
        ],
        &[
            "Call or text Renée at (217) 555-0164 if you're interested in the job",
            "Questions? Call the library desk at 555-0175",
            "We're hiring! Apply or call 208-555-0119",
        ],
    );
}

#[test]
fn phi_email() {
    assert_cat(
        "phi.email",
        &[
            "my pt keeps emailing me from grumpyglen52@example.net at 2am",
            "my patient's wife asked us to email her at kessler.family@example.com",
            "the pt in bed 3 gave us jdoe77@example.org for the discharge papers",
        ],
        &[
            "Email me at careers@example.com if you want to apply",
            "Contact our volunteer coordinator at beth.k@example.org for details",
            "We're hiring, send your resume to jobs@example.com",
        ],
    );
}

#[test]
fn phi_ssn() {
    assert_cat(
        "phi.ssn",
        &[
            "registration typed a pt's SSN (531-27-4408) into the phone field",
            "SSN 412-58-3371 came back as no match for my pt",
            "his card says 234-56-7891 but billing says otherwise",
        ],
        &[
            "an SSN never starts with 666, so 666-12-3456 is not one",
            "area 000 is invalid: 000-12-3456",
            "call 555-123-4567 for the clinic",
        ],
    );
}

#[test]
fn phi_mrn() {
    assert_cat(
        "phi.mrn",
        &[
            "can someone check MRN 00482913, BMP never resulted",
            "sepsis alert screenshot (Chart #4471920, name blurred)",
            "my pt's hospital number is 88104227",
        ],
        &[
            "Never post a patient's MRN, even in a training deck",
            "If a slide has a real MRN on it, it's already a problem",
            "Build a test patient instead of copying a chart",
        ],
    );
}

#[test]
fn phi_health_plan() {
    assert_cat(
        "phi.health_plan",
        &[
            "Pt's card says 6RW2-HJ4-QA17 and CMS keeps rejecting it",
            "BlueStar denied the MRI for my pt, member ID XKH448120937",
            "MBI 1EG4-TE5-MK73 keeps failing eligibility",
        ],
        &[
            "Medicare eligibility checks got faster this year",
            "an MBI has 11 characters and never uses the letters S, L, O, I, B or Z",
            "member services were helpful today",
        ],
    );
}

#[test]
fn phi_account() {
    assert_cat(
        "phi.account",
        &[
            "Patient called screaming about acct 0044193",
            "Claim denied for our pt (acct 7720-114583)",
            "pt paid with card 4111 1111 1111 1111 and it bounced",
        ],
        &[
            "our accounting team is the best",
            "we account for every dose at shift change",
            "billing questions go to the front desk",
        ],
    );
}

#[test]
fn phi_license() {
    assert_cat(
        "phi.license",
        &[
            "forged script with DEA BM4213764 for my pt",
            "found a wallet, DL# B4471203, belongs to the pt we transported",
            "the pt's CDL #N428771906 was in his wallet",
        ],
        &[
            "renewed my license today, so proud",
            "license plates and DEA numbers are identifiers too, never post them",
            "Requirements: active RN license (compact welcome)",
        ],
    );
}

#[test]
fn phi_vehicle() {
    assert_cat(
        "phi.vehicle",
        &[
            "silver Camry plate 7KRD219 rolled 3x, the driver was ejected",
            "blue F-150 (plate 8LTW552) parked across the ambulance bay, your dad is fine",
            "VIN 1HGCM82633A004352 on the pt's car",
        ],
        &[
            "my car finally passed inspection",
            "parking plates are being updated in the garage this week",
            "a plate of cookies in the break room",
        ],
    );
}

#[test]
fn phi_device() {
    assert_cat(
        "phi.device",
        &[
            "biomed pulled the Alaris pump (SN 44X-99812) off Mrs. Patel's PCA",
            "interrogated a pacemaker today, SN PJN884213H",
            "the pt's pump serial number 77812-AB keeps alarming",
        ],
        &[
            "pump alarms are the soundtrack of night shift",
            "check the serial number sticker before you call biomed",
            "our new smart pumps arrived this week",
        ],
    );
}

#[test]
fn phi_url() {
    assert_cat(
        "phi.url",
        &[
            "she was my pt: facebook.com/tammy.rucker.5582",
            "this pt livestreamed his ED visit tiktok.com/@bigdaddyvapez_",
            "my patient's profile instagram.com/seanlovesgains",
        ],
        &[
            "read the guidance at https://www.ncsbn.org/social-media",
            "our hospital's page is on facebook.com/groups",
            "link in comments to the study",
        ],
    );
}

#[test]
fn phi_ip() {
    assert_cat(
        "phi.ip",
        &[
            "traced the messages to my patient's home IP address 203.0.113.87",
            "Mrs. Fontaine's IP 198.51.100.23 keeps getting flagged",
            "the pt's IP 198.51.100.99 is locked out again",
        ],
        &[
            "upgraded to version 2.10.3.4 today",
            "the router at 192.168.1.1 is down again in the office",
            "IP addresses are identifiers under Safe Harbor",
        ],
    );
}

#[test]
fn phi_biometric() {
    assert_cat(
        "phi.biometric",
        &[
            "the pt's fingerprint scan on file didn't match",
            "her retina scan got uploaded to the shared drive",
            "his voiceprint is stored in the portal for login",
        ],
        &[
            "burnout has the fingerprint of bad staffing all over it",
            "retina specialists are in short supply",
            "leave your fingerprint on the profession",
        ],
    );
}

#[test]
fn phi_id() {
    assert_cat(
        "phi.id",
        &[
            "wristband 0071-22 for the sweetest lil guy in peds",
            "APS case #88123 finally closed for my client",
            "my pt's Rx #6120447 was filled twice",
        ],
        &[
            "a wristband is the first thing you check",
            "case studies make the best teaching",
            "band practice tonight after my shift",
        ],
    );
}

#[test]
fn phi_id_national_numbers_by_their_keyword() {
    assert_cat(
        "phi.id",
        &[
            "her PPS number 1234567TA was on the referral",
            "aadhaar 2345 6789 0123 of the patient on the form",
            "mevrouw's BSN 123456782 stond op het briefje",
            "pt's NI number AB123456C was on the form",
            "his Emirates ID 784-1987-1234567-1 at registration",
            "dona Ana, CPF 123.456.789-09, leito 4",
        ],
        &[
            "we did CPR for 20 minutes and got him back",
            "did 3 rounds of cpr 2 epi and a shock",
            "bring your NI number to your first day of work",
            "our store's number is 052.118.437-61",
        ],
    );
}

#[test]
fn phi_room() {
    assert_cat(
        "phi.room",
        &[
            "Mr. Delgado in bed 4 walked today",
            "the lady in 4 bit our tech tonight",
            "Lift team needed in room 9 again for my pt",
        ],
        &[
            "journal club today in conference room 210B",
            "station 4 got a new powered cot in Bay 3",
            "we opened a new 24-bed unit",
        ],
    );
}

#[test]
fn case_recognizable() {
    assert_cat(
        "case.recognizable",
        &["A 34-year-old mom of twins came in after a rollover on Hwy 89 around 11pm", "had a pt today, 27M, tattoo artist, nail gun through the hand", "the pt in bed 6 today now has a pneumo and a chest tube"],
        &["a patient once asked me if I would remember her tomorrow", "Sepsis survivors are often readmitted within 90 days", "Practice question (fictional client): a 72-year-old client with atrial fibrillation starts warfarin"],
    );
}

#[test]
fn case_photo_context() {
    assert_cat(
        "case.photo_context",
        &[
            "posting a pic of our assignment whiteboard from last night",
            "Here's the strip from my pt's run of VT tonight",
            "Can't believe this X-ray, swipe to see the fork he swallowed",
        ],
        &[
            "quick mirror selfie before my shift",
            "Here's a picture of our new therapy dog",
            "before you post that selfie, make sure no whiteboard is in frame #HIPAA",
        ],
    );
}

#[test]
fn patient_demeaning() {
    assert_cat(
        "patient.demeaning",
        &[
            "the frequent flyer is back for the 4th time this week",
            "when the drug seeker says he's allergic to everything",
            "took 5 of us to boost the “small” lady",
        ],
        &[
            "Stop calling patients frequent flyers; it is stigma",
            "I have frequent flyer miles to burn",
            "our patients with addiction deserve dignity",
        ],
    );
}

#[test]
fn patient_advice() {
    assert_cat(
        "patient.advice",
        &[
            "just take an extra 25 of your metoprolol tonight",
            "Sounds like shingles to me hun",
            "DM me your readings tmrw and I'll tell you",
        ],
        &[
            "I can't tell you whether to take those together; call the pharmacy",
            "don't change your own dose without talking to your prescriber",
            "many start at 500 mg once daily with dinner",
        ],
    );
}

#[test]
fn workplace_coworker() {
    assert_cat(
        "workplace.coworker",
        &[
            "our charge nurse is actually useless",
            "To the attending who threw a clamp at my scrub tech today: do better",
            "Dr. Pierce is a pompous jackass",
        ],
        &[
            "Special shoutout to our charge nurse for precepting six new grads",
            "our night shift crew is the best",
            "Thank you to the attending who taught me so much",
        ],
    );
}

#[test]
fn workplace_employer() {
    assert_cat(
        "workplace.employer",
        &[
            "This hospital only cares about $$$",
            "Pine Ridge Medical Center: where they'll throw you a pizza party instead of a raise",
            "HR's answer to short staffing? a mandatory webinar",
        ],
        &[
            "Honored that our hospital received the quality award",
            "Huge thanks to the whole team at Pine Ridge",
            "We're hiring at Lakeview Regional Medical Center",
        ],
    );
}

#[test]
fn workplace_confidential() {
    assert_cat(
        "workplace.confidential",
        &[
            "Just saw the CONFIDENTIAL budget slides from the leadership meeting",
            "Not public yet so keep it between us: 120 FTEs cut in Q1",
            "112% census tonight, 9 boarders in the ED",
        ],
        &[
            "Peer assistance programs are free and confidential",
            "Rural hospitals are closing across the country",
            "Research shows safe staffing ratios save lives",
        ],
    );
}

#[test]
fn workplace_at_work() {
    assert_cat(
        "workplace.at_work",
        &[
            "at work rn and the vending machine ate my dollar",
            "on my break in the ICU eating cold pizza",
            "mid-shift in the ED, no lunch",
        ],
        &[
            "post-shift breakfast with the crew",
            "cake in the staff lounge Wednesday",
            "back to my pharmacy shifts Monday",
        ],
    );
}

#[test]
fn workplace_venting() {
    assert_cat(
        "workplace.venting",
        &[
            "shift from hell. i'm so done",
            "nursing school is a scam",
            "I am SO tired of being everyone's punching bag",
        ],
        &[
            "Burnout isn't a resilience problem, it's a design problem",
            "self-care sunday, yoga and pho",
            "I'm done with my charting, heading home",
        ],
    );
}

#[test]
fn conduct_controversial() {
    assert_cat(
        "conduct.controversial",
        &[
            "Do your own research, sheeple",
            "Our governor is a spineless clown",
            "abortion is murder and any nurse who assists should lose her license",
        ],
        &[
            "free flu shots and covid boosters this Saturday",
            "Mpox vaccine reminder: two doses",
            "Medicaid patients welcome at our clinic",
        ],
    );
}

#[test]
fn conduct_unprofessional() {
    assert_cat(
        "conduct.unprofessional",
        &[
            "this f***ing place",
            "post-shift margs and I'm on call at 7am",
            "the new resident is SO hot 🥵 get me his number",
        ],
        &[
            "free flu shots this Saturday",
            "heat advisory: it's so hot outside, drink water",
            "Hell's Kitchen marathon on my day off",
        ],
    );
}

#[test]
fn conduct_claims() {
    assert_cat(
        "conduct.claims",
        &[
            "100% success rate on my last 500 spinal fusions",
            "I'm the best spine surgeon in the state",
            "I have never once missed a diagnosis",
        ],
        &[
            "@ERdocMaya 100%. we've used ketamine since 2019",
            "GI upset is the #1 reason people quit metformin",
            "Happy Nurses Week to the best crew on 5 North",
        ],
    );
}

#[test]
fn conduct_self_promotion() {
    assert_cat(
        "conduct.self_promotion",
        &[
            "New episode! Like, comment, share, subscribe and tag 3 friends",
            "my book is 40% off, link in bio",
            "Book now, link in bio, spots filling fast",
        ],
        &[
            "We're hiring night-shift RNs, apply today",
            "Our paper is out today, link in the comments",
            "Thank you for the meals and the texts",
        ],
    );
}

#[test]
fn custom_term() {
    let s = Scanner::new(Config {
        custom_terms: vec![
            CustomTerm {
                term: "Pine Ridge".into(),
                severity: Severity::High,
            },
            CustomTerm {
                term: "5 North".into(),
                severity: Severity::Medium,
            },
            CustomTerm {
                term: "Brenda".into(),
                severity: Severity::Medium,
            },
        ],
        ..Config::default()
    })
    .unwrap();
    for p in [
        "Another day at pine ridge",
        "Happy Nurses Week to 5 North",
        "Brenda covered my shift",
    ] {
        assert!(
            s.scan(p)
                .findings
                .iter()
                .any(|f| f.category == Category::CustomTerm),
            "{p}"
        );
    }
    for n in [
        "Pineridge is a town",
        "5 Northern lights",
        "Brendan is my cat",
    ] {
        assert!(
            !s.scan(n)
                .findings
                .iter()
                .any(|f| f.category == Category::CustomTerm),
            "{n}"
        );
    }
}

#[test]
fn config_allow_disable_and_work_hours() {
    let s = Scanner::new(Config {
        allow: vec!["Mr. Delgado".into()],
        disabled: vec![Category::PhiRoom],
        during_work_hours: true,
        ..Config::default()
    })
    .unwrap();
    let r = s.scan("Shoutout to Mr. Delgado in bed 4 who walked today");
    assert!(!r
        .findings
        .iter()
        .any(|f| f.category == Category::PhiName || f.category == Category::PhiRoom));
    assert!(r
        .findings
        .iter()
        .any(|f| f.category == Category::WorkplaceAtWork && f.severity == Severity::Medium));
    assert!(Scanner::new(Config {
        case_threshold: 0,
        ..Config::default()
    })
    .is_err());
}

#[test]
fn report_shape_and_suggestions() {
    let r = scanner().scan("Shoutout to Mr. Delgado in bed 4 who walked today");
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    assert_eq!(v["verdict"], "hold");
    let f = &v["findings"][0];
    for k in ["category", "severity", "start", "end", "text", "message"] {
        assert!(f.get(k).is_some(), "missing {k}");
    }
    assert!(f.get("byte_start").is_none());
    let name = r
        .findings
        .iter()
        .find(|f| f.category == Category::PhiName)
        .unwrap();
    assert_eq!(name.suggestion.as_deref(), Some("a patient"));
    let room = r
        .findings
        .iter()
        .find(|f| f.category == Category::PhiRoom)
        .unwrap();
    assert_eq!(room.suggestion.as_deref(), Some(""));
}

#[test]
fn phi_vehicle_state_prefixed_plates() {
    assert_cat(
        "phi.vehicle",
        &[
            "pulled the guy out of his truck, plate NV 4KT-221, and he kept asking for his dog",
            "the lady who crashed into the pharmacy drive-thru (Ohio plate GHX 4410) is in bed 3",
            "our frequent flyer drives the same red Jeep (AZ CXT-1187) to every ER visit",
        ],
        &[
            "Hot plate 12 in the break room is broken again, facilities please fix",
            "Tag 4 colleagues who made this year great!",
            "License plate readers and privacy: a talk for our staff on Tuesday",
        ],
    );
}

#[test]
fn phi_identifiers_in_parentheses_lists_and_ipv6() {
    let s = scanner();
    let has = |t: &str, id: &str| {
        s.scan(t)
            .findings
            .iter()
            .any(|f| f.category.id() == id && f.severity >= Severity::Medium)
    };
    assert!(has(
        "my pt's insulin pump keeps alarming, her prescriber's DEA number (AB1234563) is on the script",
        "phi.license"
    ));
    assert!(has(
        "merged two charts for the same pt: MRN 00412233, 00412234 and 00412239",
        "phi.mrn"
    ));
    assert!(has(
        "her CGM transmitter 9QK2LM drops every night and she wants a new one",
        "phi.device"
    ));
    assert!(has(
        "guarantor acct 5512-009-31 is asking about charity care for his stay",
        "phi.account"
    ));
    assert!(has(
        "the pt's portal login keeps coming from fe80::1ff:fe23:4567:890a and he swears he's home",
        "phi.ip"
    ));
    assert!(has(
        "Please share my patient's fundraiser: caringbridge.org/visit/amandaquinn",
        "phi.url"
    ));
    assert!(!has("Our meeting is at 10:30:00 in room B", "phi.ip"));
    assert!(!has(
        "Job ID 20240519 is open for night shift RNs, apply today",
        "phi.id"
    ));
    assert!(!has(
        "Read the HIPAA guide at hhs.gov/hipaa/for-professionals",
        "phi.url"
    ));
}

#[test]
fn phi_age_and_date_forms() {
    assert_cat(
        "phi.age",
        &[
            "My sweetest patient is 102 and still beats me at cribbage",
            "Mrs. Albright, 97, my patient in room 4, went home today",
            "lost a little boy in our PICU tonight, he was 6 and had leukemia",
        ],
        &[
            "he was 6 minutes out when we called the code",
            "Flu shots for adults aged 65 and older start Monday",
            "our unit is 100% staffed this week, finally",
        ],
    );
    assert_cat(
        "phi.date",
        &[
            "see you at your follow-up appointment on the 22nd, keep that knee moving!",
            "two of my patients are due 12/24 and one is having twins",
            "Today Gloria rang the bell after her chemo, 6 rounds since March 9th",
        ],
        &[
            "CE credits are due 12/31, don't forget to submit",
            "Our staff meeting is on the 22nd in the conference room",
            "Surgery grand rounds moved to March 9th",
        ],
    );
}

#[test]
fn patient_advice_and_demeaning_variants() {
    assert_cat(
        "patient.advice",
        &[
            "@mike_r honestly just stop taking the sertraline, you don't need to taper off it",
            "Your dad's sugar of 300 isn't a big deal, have him skip a dose of insulin tonight",
            "that rash? send me a pic and I'll tell you if it's cellulitis",
            "don't waste your time going to urgent care, alternate tylenol and motrin and rest",
        ],
        &[
            "Never skip a dose of your anticoagulant without talking to your prescriber.",
            "If you think you're having a stroke, call 911 right away.",
            "Our pharmacists can walk you through your new inhaler at pickup.",
        ],
    );
    assert_cat(
        "patient.demeaning",
        &[
            "the guy in bed 9 is back again, we call him the Mayor 🙄",
            "half my pts tonight were attention seekers lol",
            "the demented lady down the hall threw her tray at me again 😂",
        ],
        &[
            "Dementia care is hard; patience with confused patients is a skill.",
            "We call her every week to check on her recovery, that's our follow-up program.",
            "Sure, Jan from HR, I'll fill out the survey 🙃",
        ],
    );
}

#[test]
fn phi_location_towns_and_streets() {
    assert_cat(
        "phi.location",
        &[
            "my pt drove in from Idaho Falls with a hip fx and her MRN 55120398 on a sticky note",
            "the guy from the rollover on Redwood came back to thank us, he's off the vent",
            "a 92-year-old from twin falls was admitted overnight with sepsis",
        ],
        &[
            "I moved to Idaho Falls last year and love the mountains",
            "Now hiring night shift RNs in Boise, call or text for details",
            "Flu clinic on Saturday in Twin Falls, everyone welcome",
        ],
    );
}

#[test]
fn phi_location_gazetteer_towns_worldwide() {
    // Towns from the GeoNames gazetteer (data/towns.txt), accents folded, after a cue word
    // in a patient's story; a town that is also a word ("Reading") and a town in a post
    // with no patient are not places of a patient (states: `lexicon::gazetteer_tests`).
    assert_cat(
        "phi.location",
        &[
            "my pt is a 70yo farmer from Trois-Rivières, admitted overnight with urosepsis",
            "our patient from mudgee came back with another hip fracture",
            "the pt from Tuam with the dog bite is back on the ward",
        ],
        &[
            "my patient was reading in bed after her hip surgery",
            "I grew up in Mudgee and still miss the vineyards",
            "Flu clinic on Saturday in Tuam, everyone welcome",
        ],
    );
}

#[test]
fn phi_name_chart_form() {
    assert_cat(
        "phi.name",
        &[
            "the label on this tube says GARCIA, ROSA and she's in the wrong bed",
            "found a wristband for MILLER, BABY GIRL in the linen cart",
            "pyxis says THOMPSON, JAMES got 4 mg when I gave 2",
        ],
        &[
            "ICU, PACU and ED nurses: the new pumps arrive Monday",
            "HIPAA, PHI and you: a short refresher for our students",
            "NOTE, IMPORTANT: badge readers are down today",
        ],
    );
}

#[test]
fn phi_name_cued_by_the_sentence() {
    assert_cat(
        "phi.name",
        &[
            "records request came in for \"Teresa Lowry, DOB 02/11/1958\" with no signature",
            "Walter Kim (born 1/9/1940) went home after his bypass today",
            "Frances Dunn, 94, our sweetest resident, got her first great-grandchild visit today",
            "Rachel Ortiz so good seeing you at your wound check today, keep the dressing dry!",
            "keep icing that new knee replacement and see you at PT Thursday, Gloria!",
            "Yesterday Harold finished his last chemo and rang the bell for the whole floor",
            "overdose in room 3 turned out to be Kevin from Layton, who we admitted twice last month",
            "the ER registration alias was merged and is now Brandon Lee after his wife arrived",
            "new baby on the unit tonight and her name is Journey, 6 lb even",
            "I got to scrub in for the Nakamura triplets' delivery this morning",
            "Baby A and Baby B Whitfield went home from the NICU today",
            "Congrats to the Osei family on baby boy Kwame, born at 3am after a long labor",
            "uploaded wound photos to the shared drive as Wound_MARSH_K.png by mistake",
            "Mrs. P pulled out her IV again tonight",
            "the pharmacy got a fake script using Dr. Lindqvist's DEA number again",
        ],
        &[
            "Stage III at 31, I named my port Gerald and my IV pole Steve. #CancerSurvivor my own chemo story",
            "Rewatching season 3: Mark Greene was the real MVP of that ER trauma bay",
            "Welcome to the team, Hannah Cho! She joins our cath lab after residency",
            "Thanks to the Keller family for donating the rocking chairs in our NICU",
            "Reading list: Being Mortal, Atul Gawande; The Emperor of All Maladies, Siddhartha Mukherjee; Do No Harm, Henry Marsh",
            "In 1951 Henrietta Lacks was treated for cervical cancer at Johns Hopkins; her cells changed medicine",
            "Flu clinic Saturday at Jefferson Middle School, bring your insurance card",
        ],
    );
}

#[test]
fn phi_location_named_places() {
    assert_cat(
        "phi.location",
        &[
            "my pt lives at 77 Quail Run Rd and keeps falling at night",
            "a kindergartner at Cedar Hollow Elementary had a seizure at recess today and we transported her",
            "my pt from the Pine Hollow trailer park, lot 12 came in again tonight",
            "found my pt's husband wandering at Brookside Manor again, his dementia is getting worse",
            "the 17yo driver who rolled his truck on the 215 last night is out of the ICU",
            "pt collapsed in the checkout line at the Walgreens on 4th yesterday, we coded him for 20 min",
            "my pt was found down near 5th South & 300 West tonight",
            "our patient from the Wind River Reservation was flown to us after the rollover",
        ],
        &[
            "Back-to-school vaccine clinic at Cedar Hollow Elementary on Saturday, call the office to register",
            "Grand rounds on the 5th floor: sepsis updates. Lunch provided.",
            "Proud to present our poster at the conference in Salt Lake County this week!",
            "Johnson & Johnson is recalling a sunscreen batch; check the lot number",
        ],
    );
}

#[test]
fn case_photo_context_screens_and_boards() {
    assert_cat(
        "case.photo_context",
        &[
            "our unit tracking board photobombed my birthday selfie lol",
            "I screenshotted the pt's MAR from last night for my case presentation",
            "if you zoom in on the surgery schedule you can see every case for Monday 😂",
        ],
        &[
            "a pic from our 5k fundraiser on Mar 3, thanks for running!",
            "zoom in on the sunset from the helipad tonight 🌅",
            "I screenshotted the new parking policy email for anyone who missed it",
        ],
    );
}

#[test]
fn workplace_confidential_internal_numbers() {
    assert_cat(
        "workplace.confidential",
        &[
            "per our internal dashboard we had 14 falls on 5 West last quarter",
            "the board voted Tuesday to close our birthing center in June",
            "leadership asked us not to share the turnover numbers, but it's 40%",
        ],
        &[
            "Our internal medicine residents presented great posters today",
            "the board of nursing renewed my license today 🎉",
            "please share this post with anyone looking for a mentor",
        ],
    );
}

#[test]
fn phi_name_honorifics_of_other_languages() {
    assert_cat(
        "phi.name",
        &[
            "Frau Hoffmann in bed 6 refused her insulin again tonight",
            "herr weber in 5C was so sweet today, 91 and still flirting with the surgeons",
            "Sra. Delgado's daughter asked us to keep her admission quiet, she's on comfort care",
            "sra. pérez in bay 3 finally ate after her surgery",
            "Srta. Ochoa was discharged after her appendectomy",
            "señora Castillo in room 8 asked for her rosary before the biopsy",
            "Mme Girard is back on our floor with another COPD flare",
            "Mlle Rousseau, 19, came in with a broken wrist after the derby",
            "M. Fournier chambre 12 pulled out his IV again, third time since his surgery",
            "RIP Doña Carmen, our longest dialysis patient, who passed on Sunday",
            "Don Ernesto in bed 2 taught the whole night shift to play dominoes after his bypass",
            "Lola Remedios was admitted with pneumonia and asks for her rosary every night",
            "mrs j in 3 pulled her IV out again",
        ],
        &[
            "my lola turned 95 today and still beats us all at mahjong",
            "Madame Bovary is the best novel about arsenic poisoning #toxicology",
            "As a DON I'll say it: staffing ratios matter",
            "Proud of my Tito Ben for finishing his first marathon at 60!",
            "Lighting a candle for Abuela Carmen, who passed two years ago today, her mole recipe on the stove",
            "ms patients deserve better access to neurology",
            "Frau Holle is my favourite fairy tale to read to the kids",
            "Word is the chief is out after last month's M&M. Board meets Thursday.",
        ],
    );
}

#[test]
fn phi_name_initials_and_first_name_with_initial() {
    assert_cat(
        "phi.name",
        &[
            "j.m. in bay 4 pulled his IV out again, third time tonight",
            "T.R. (DOB 04/02/1958) finally went home after his CABG",
            "A.K. in 22 was the funniest pt I've had all year, did stand-up during his paracentesis",
            "Kyle R. still owes the clinic for his MRI and won't return our calls about the biopsy results",
            "pt Renée came back to the ED with the same chest pain",
            "Zoë P. was admitted last night with DKA, she's only 14",
            "Cake on the ward for Marjorie in bed 9, who turned 97 today and wants a sherry",
        ],
        &[
            "Vitals at 6 a.m. and 2 p.m. for everyone on the unit",
            "Shout-out to Jenny K. on nights for precepting three new grads this month!",
            "I got my B.S.N. in 2015 and my M.S.N. last spring",
            "See the U.S. guidelines, e.g. the CDC's, for flu shots",
            "@Grace O. thanks for the article, great read",
            "Tom in bed flow keeps sending us admits at 0600, Tom please",
        ],
    );
}

#[test]
fn phi_location_facility_and_unit() {
    assert_cat(
        "phi.location",
        &[
            "my pt on 4 West at Mercy General coded twice last night",
            "our patient in the cardiac unit at Valley finally got her new valve",
            "my patient we transferred to the burn unit at Harborview is out of the ICU",
            "pt in 4B at Saint Clare's asked for a priest at 3am",
            "my patient at the Lakeside ED waited 14 hours for a bed",
            "my pt with the brain bleed went to the Kingston Neuro ICU last night",
        ],
        &[
            "I spent 8 years in the MICU at Palmetto Bay and loved my coworkers",
            "Lakeside ED is hiring night shift RNs, sign-on bonus available",
            "Zero ED visits since we started the home program for our patients",
            "Vet ICU sent me a picture of my dog after his surgery",
            "Our unit at Mercy General won the Daisy award this month!",
        ],
    );
}

// Issue 14g: the age, date and room forms of posts and records, each with its hard negatives
// (the writer's own or family's ages and dates, counts, scores and institutions).

#[test]
fn phi_age_shorthand_and_brackets() {
    assert_cat(
        "phi.age",
        &[
            "52F came in with a brain bleed",
            "52yo M ETOH withdrawal again",
            "Herr Baumann (87) pulled his IV",
            "pt is 67 and septic",
            "Sra. Beatriz, 99 años, me dijo hoy que el secreto es no casarse",
            "our patient Mrs. Lee had her 100th birthday on the unit",
        ],
        &[
            "I'm a 52yo F nurse and tired",
            "my mom (62) and I went hiking",
            "Chapter (12) covers sepsis",
            "Step (3) of the checklist",
            "Mom's 90th birthday party was wonderful",
            "the hospital marks its 100th birthday",
            "the ICU beat the ED 25-23 at volleyball",
        ],
    );
}

#[test]
fn phi_date_records_and_ordinals() {
    assert_cat(
        "phi.date",
        &[
            "Mrs. Whitfield had her hip done on the 22nd",
            "Mr. Tolliver had been waiting since admission on the 9th",
            "DOB 14-Jul-1948 on the band",
            "Today I said goodbye to Mrs. K, my patient. DOD 01.10.2024.",
        ],
        &[
            "happy to be off on the 22nd",
            "my surgery is on the 9th",
            "the 3rd floor is closed",
            "version 14.07.24 ships today",
        ],
    );
}

#[test]
fn phi_room_units_and_occupants() {
    assert_cat(
        "phi.room",
        &[
            "the lady in 7 keeps pulling her IV",
            "pt in 9 asked us to call her daughter",
            "Mr. Hollis in 6A crashed with a potassium of 7.1",
            "Mr. Diaz went to MICU 4 overnight",
            "Mrs. Ruiz in cama 5 is septic again",
            "the 52 y/o in 14 dropped her pressure to 70/40",
        ],
        &[
            "Seattle in 3 days, can't wait",
            "Team Blue in 2 sets, what a match",
            "I'll be back in 5 minutes",
            "the ICU beat the ED 25-23",
            "we work in 3 hospitals",
            "the icu has 24 beds",
        ],
    );
}

#[test]
fn record_text_ages_dates_and_beds() {
    let s = scanner();
    let board = "BED  PT        AGE\nMICU 4  GARCIA, R  94Y F\nCHAIR 7  LEE, J  F, 44\nDOB 14-Jul-1948  Adm 13-Mar-25\nCot 3 baby Ava (7)\n";
    let r = s.scan_record(board);
    let has = |cat: &str, text: &str| {
        r.findings
            .iter()
            .any(|f| f.category == Category::from_id(cat).unwrap() && f.text.contains(text))
    };
    for (cat, text) in [
        ("phi.room", "MICU 4"),
        ("phi.room", "CHAIR 7"),
        ("phi.room", "Cot 3"),
        ("phi.age", "94Y"),
        ("phi.age", "F, 44"),
        ("phi.age", "(7)"),
        ("phi.date", "14-Jul-1948"),
        ("phi.date", "13-Mar-25"),
    ] {
        assert!(
            has(cat, text),
            "{cat} {text:?} not found in {:#?}",
            r.findings
        );
    }
}

// Issue 14i: names beside a patient that the earlier forms missed (a family in the plural,
// a doctor a sentence away from the patient), a hospital unit by its number, and the
// structure of record text (board rows, field labels, family words, LAST, F, honorifics in
// capitals, clinicians with an initial), each with its hard negatives.

#[test]
fn phi_name_families_and_doctors_beside_a_patient() {
    assert_cat(
        "phi.name",
        &[
            "Home visit to the Nguyens today, grandma's pressure wound is finally closing",
            "j.m. in bed 8 pulled his NG tube AGAIN. Dr. Okafor says restrain, family says no",
            "my pt with the new stroke kept asking for the Hendersons from next door",
            "Baby girl born at 26 weeks, 740 grams, mom only 17. Dr. Mahler and I did CPR for 11 minutes.",
        ],
        &[
            "Go Packers! the Browns never stood a chance this weekend",
            "Dr. Okafor gave a great talk on sepsis bundles at grand rounds today",
            "Huge thanks to Dr. Osei for precepting me this year, I learned so much",
            "Keeping up with the Joneses is exhausting on a nurse's salary",
        ],
    );
}

#[test]
fn phi_location_numbered_units() {
    assert_cat(
        "phi.location",
        &[
            "your mom was my patient on 4 West last week, she's such a sweetheart",
            "my pt on 6 North finally walked to the window today",
            "your dad is FINE, my pt. He's on 3 West at St. Joseph's. Stop calling the desk.",
        ],
        &[
            "I've worked 4 West for six years and I love my team",
            "Take I-80 West to exit 12 and turn left at the light",
            "4 West is hiring night shift nurses, sign-on bonus available",
        ],
    );
}

/// The texts of record text's findings of `cat` at medium severity or more.
fn record_findings(s: &Scanner, text: &str, cat: Category) -> Vec<String> {
    s.scan_record(text)
        .findings
        .iter()
        .filter(|f| f.category == cat && f.severity >= Severity::Medium)
        .map(|f| f.text.clone())
        .collect()
}

#[test]
fn record_text_names_by_structure() {
    let s = scanner();
    let names = |text: &str| record_findings(&s, text, Category::PhiName);
    let cases: &[(&str, &[&str])] = &[
        // a board's slot codes, then a name after a column gap
        (
            "RM   PT          RN    DX\n401  THORVALDSEN   Bri   CHF exac\n402  NGUYEN, T   Bri   PNA\n406  MAJOR       Dee   cellulitis\n",
            &["THORVALDSEN", "NGUYEN, T", "MAJOR"],
        ),
        ("MWF 1ST SHIFT\nCH1  Petrosyan   CH2  Odum\nCH9  Estes - NEW, cath\nDOB 01/02/1950\n", &["Petrosyan", "Odum", "Estes"]),
        // field labels and family words
        (
            "Baby: OYELOWO, Boy (Twin B)\nMRN 2024-118407\nMom: Funmilayo Oyelowo\n",
            &["Funmilayo Oyelowo"],
        ),
        ("SURNAME: NGATA\nGIVEN: TIPENE WIREMU\nDOB: 21/09/1983\n", &["NGATA", "TIPENE WIREMU"]),
        ("RM 22  Mrs Okafor  71F\nson Teodoro at bedside - calls 555-0163\n", &["Teodoro"]),
        ("Name: Rosalind Achebe-Moore  DOB 5/30/1941\nEmergency contact: Nia Moore\n", &["Nia Moore"]),
        // LAST, F and LAST, First forms of records
        ("5  Wong,J  G1  term\nDOB 4/4/1990\n", &["Wong,J"]),
        ("DESJARDINS, Marie-Claude   F  41y\nDOB 1984-01-30\n", &["DESJARDINS, Marie-Claude"]),
        ("Re: Patient ADEBOWALE, TEMITOPE   DOB 02/22/1987\n", &["ADEBOWALE, TEMITOPE"]),
        // an honorific in capitals, clinicians with a colon or an initial
        ("MR GRAHAM ELLIOTT PRYCE\nDOB 14-Jul-1948\n", &["GRAHAM ELLIOTT PRYCE"]),
        ("PT: Diaz  DOB 3/3/1961\nRN: K. Patel\nYour Nurse: Kayla\nDr. P. Thorvaldsen rounds 0900\n", &["Patel", "Kayla", "Thorvaldsen"]),
    ];
    for (text, want) in cases {
        let got = names(text);
        for w in *want {
            assert!(
                got.iter().any(|g| g == w),
                "{w:?} not found in {text:?}: {got:?}"
            );
        }
    }
    // Lists, stations, services and drugs after the same cues are no names.
    for text in [
        "ORDER OF DRAW\n1  Blood cultures\n2  Light blue - citrate\n4  Green - heparin\n6  Grey - fluoride\n",
        "PT: Diaz  DOB 3/3/1961\nNurse Station 4 ext 2210\ncalled Pharmacy re: dose\n0900  Metoprolol 25 mg PO\n",
        "PT: Diaz  DOB 3/3/1961\nson at bedside\nContact: see chart\n4  CLEAN\n",
    ] {
        let got: Vec<String> = names(text).into_iter().filter(|n| n != "Diaz").collect();
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
}

/// An exact age or a date the sentence does not tie to anyone is one of the "other
/// details" only in a post that holds for a patient anyway; beside the writer's own life it
/// is nothing (`Draft::tentative`).
#[test]
fn an_untied_age_or_date_counts_only_in_a_post_that_holds_for_a_patient() {
    let s = scanner();
    let cases: &[(&str, Category, &str)] = &[
        (
            "Room 14 has pressed the call light nine times tonight to complain about the jello. 73 years old and more demanding than my toddler lol",
            Category::PhiAge,
            "73 years old",
        ),
        (
            "Bed 22 threw his lunch tray at the aide again because the coffee was cold. What a baby. Our favorite frequent visitor since 3/14 lol",
            Category::PhiDate,
            "3/14",
        ),
        (
            "Bed 22 threw his lunch tray at the aide again. What a baby. Same story every week since March 3rd",
            Category::PhiDate,
            "March 3rd",
        ),
    ];
    for (text, cat, what) in cases {
        let r = s.scan(text);
        assert!(
            r.findings
                .iter()
                .any(|f| f.category == *cat && f.severity == Severity::High && f.text == *what),
            "expected {what:?} as {cat:?} in {text:?}, got {:#?}",
            r.findings
        );
    }
    // The property is the scanner's: an untied age or date shows only beside another high
    // patient finding. (Whether the model holds a clean post is the corpus evals' measure:
    // after round 5 it holds the tulip post as demeaning, a false alarm, and its date follows.)
    let mut quiet = 0;
    for text in [
        "73 years old and still teaching yoga three mornings a week, my aunt is my hero",
        "Our clinic reopens 3/14 after the renovation, same phone number",
        "Same story every spring since March 3rd: the tulips come up and I sneeze for a month",
        "Booked my own dental cleaning for 4/22, 41 years old and still scared of the drill",
    ] {
        let r = s.scan(text);
        let holds = r.findings.iter().any(|f| {
            f.severity == Severity::High
                && !matches!(f.category, Category::PhiAge | Category::PhiDate)
                && matches!(
                    f.category.id().split('.').next(),
                    Some("phi" | "case" | "patient")
                )
        });
        if holds {
            continue;
        }
        quiet += 1;
        let loud: Vec<_> = r
            .findings
            .iter()
            .filter(|f| matches!(f.category, Category::PhiAge | Category::PhiDate))
            .collect();
        assert!(
            loud.is_empty(),
            "expected no age or date in {text:?}, got {loud:#?}"
        );
    }
    assert!(quiet >= 3, "the model held {} of 4 clean posts", 4 - quiet);
}

#[test]
fn phi_url_handles_of_patients_and_relatives() {
    assert_cat(
        "phi.url",
        &[
            "my pt's son messaged me from his account @rob.the.fisherman_77 asking about discharge",
            "the patient in bed 4 posted from her bed, her handle is @sunny_days.marie",
            "@gracie.lou.b your grandma was the sweetest patient on our unit this week",
            "her daughter (@kendra_runs_88) keeps tagging our unit in videos of the pt",
        ],
        &[
            "@NightShiftNurses thank you for this thread, so true",
            "follow me @nurse.kay.teaches for more study tips",
            "Congrats to @drpatelcardio on the award, well deserved",
            "@CityNewsDesk thinking of the firefighter and his family tonight",
            "email the pt's daughter at kendra@example.com, not @ noon",
        ],
    );
}

#[test]
fn phi_ssn_spaced_partial_and_canadian() {
    assert_cat(
        "phi.ssn",
        &[
            "the pt read his social out loud at the window: 412 67 3390",
            "she wrote her SSN last 4 5521 on the sign-in sheet",
            "registered him with the last four of his social (7314) and a wrong DOB",
            "the pt's SIN is 130 692 544 and it's on the fax cover",
            "she gave her social as 318224471 at check-in",
        ],
        &[
            "our social committee meets 120 45 2024 no wait, on the 12th",
            "call 555 123 4567 for the clinic",
            "social hour at 5, last 4 shifts were brutal",
        ],
    );
}

#[test]
fn phi_vehicle_registration_words() {
    assert_cat(
        "phi.vehicle",
        &[
            "the pt's husband left the car in the bay, reg KY21 BVN, can someone move it",
            "rolled ute on the highway, rego 2XYZ991, driver to the trauma bay",
            "the pt's son's truck with the vanity plate 'DADS4X4' is blocking the ambulance",
            "fatal one tonight, plate ending 7QP, the driver was 22",
        ],
        &[
            "my car is the red Corolla, rego ABC123, so please stop parking in my spot",
            "regular 4417 shifts are brutal",
            "a register 12 drawer was short",
        ],
    );
}

#[test]
fn own_and_organisation_numbers_are_not_phi() {
    let s = scanner();
    for clean in [
        "Referring offices: our new e-fax is 919-555-0142. The old one retires Monday.",
        "Pharmacy holiday hours: refill line 555-0181, fax for prescribers 555-0183.",
        "Grandma finally has a cell! It's 555-0177, call her on Sunday.",
        "So proud: I passed my boards today, License No. 0734512. Onward!",
        "Please welcome our new NP, Dr. Kim! Her NPI (1548203917) is active for referrals.",
        "my scrubs order #FG-5530217 is still processing, three weeks later",
        "vet bill for my dog, invoice #55120, I chose the wrong profession",
    ] {
        let r = s.scan(clean);
        let loud: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.category.id().starts_with("phi.") && f.severity >= Severity::Medium)
            .collect();
        assert!(loud.is_empty(), "{clean:?}: {loud:#?}");
    }
}

#[test]
fn record_addresses_keep_their_town() {
    let s = scanner();
    let places = |text: &str| record_findings(&s, text, Category::PhiLocation);
    let head = "Patient: HALVERSON, Ruth   DOB 03/04/1950\n";
    let cases: &[(&str, &str)] = &[
        // the town after the street, up to the field separator
        (
            "Addr: 36 Cattail Lane, Brenton Hollow | MBI: 7HK2-RE9-WD35",
            "36 Cattail Lane, Brenton Hollow",
        ),
        // a flat passed over; a state's code ends the town (the ZIP is its own finding)
        (
            "Address: 88 Pheasant Run Ct, Apt 2B, Naperville IL 60540",
            "88 Pheasant Run Ct, Apt 2B, Naperville",
        ),
        // the town stays on its line
        (
            "Home: 14 Main St, Ballina\nValid to 2026",
            "14 Main St, Ballina",
        ),
        // a form's next column is no town
        ("Lives: 9 Elm St, PT/OT referral sent", "9 Elm St"),
    ];
    for (line, want) in cases {
        let found = places(&format!("{head}{line}\n"));
        assert!(
            found.iter().any(|f| f == want),
            "{line:?}: want {want:?}, got {found:?}"
        );
    }
}
