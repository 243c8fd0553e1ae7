//! Short posts (issue 12): under `model::MIN_WORDS` words the model only raises a post
//! (from `model::SHORT_WORDS` words, where the rules found something, up to a hold).
//! Sentences written for this test, not taken from the corpus, of the
//! kinds a model over a handful of features got wrong (a plea to stop a demeaning label
//! held; a coworker complaint capped to a tip; an ordinary sentence with an odd code word
//! flagged).

use bedside_core::{Category, Config, Scanner, Severity, Verdict};

fn scanner() -> Scanner {
    Scanner::new(Config::default()).unwrap()
}

/// ("Reminder: nobody is a frequent flyer, they are people who need care." is held by the
/// rules alone today: a false hold of theirs, left out here.)
#[test]
fn asking_colleagues_to_be_kind_is_not_held() {
    let s = scanner();
    for t in [
        "Can we please stop calling our patients frequent flyers? They deserve better.",
        "Please stop calling patients frequent flyers at handoff, it is unkind.",
        "Proud of my unit today, we all pulled together for each other.",
        "Remember to drink water on your twelve hour shifts, friends!",
        "Grateful for the mentors who taught me how to be a nurse.",
    ] {
        let r = s.scan(t);
        assert_ne!(r.verdict, Verdict::Hold, "{t:?}: {:#?}", r.findings);
    }
}

/// An ordinary sentence the rules find nothing in stays clean, however odd its words.
#[test]
fn a_short_post_the_rules_find_nothing_in_stays_clean() {
    let s = scanner();
    for t in [
        "Filed the annual mrnab4471902 with the board today.",
        "zzqx7 was the code word for the quarterly budget review.",
        "Our unit potluck is on Friday, bring a dish to share!",
    ] {
        let r = s.scan(t);
        assert!(r.findings.is_empty(), "{t:?}: {:#?}", r.findings);
    }
}

#[test]
fn a_short_post_keeps_the_rules_findings() {
    let s = scanner();
    for (t, c) in [
        (
            "our charge nurse is actually useless",
            Category::WorkplaceCoworker,
        ),
        (
            "honestly our charge nurse is actually useless tonight",
            Category::WorkplaceCoworker,
        ),
    ] {
        let r = s.scan(t);
        assert!(
            r.findings
                .iter()
                .any(|f| f.category == c && f.severity >= Severity::Medium),
            "{t:?}: {:#?}",
            r.findings
        );
    }
}
