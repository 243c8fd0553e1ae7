//! The record gate (`model/record.rs`): record text is read as a patient's record only when
//! it shows a patient. A staff rota or a notice, with first names, dates and a phone number,
//! stays clean (the hand test it replaced held both: "Priya, Tom" read as a patient's name
//! line, "12/05/2025" as a date with its year); a census board holds.

use bedside_core::{Category, Config, Scanner, Severity, Verdict};

fn scanner() -> Scanner {
    Scanner::new(Config::default()).unwrap()
}

const ROTA: &str = "4 WEST NURSING ROTA - week of 12/05/2025
Mon  Days: Priya, Tom, Aisha    Nights: Gemma, Luis
Tue  Days: Priya, Hannah, Tom   Nights: Gemma, Raj
Wed  Days: Aisha, Hannah, Sean  Nights: Luis, Raj
Charge nurse on call: Aisha  ext 4417
Swaps to the ward manager by Friday please
";

const NOTICE: &str = "FLU VACCINE CLINIC
Staff and visitors welcome
Thursday 14 November 2024, 10am - 2pm
Main atrium, level 1
Questions? Call Occupational Health on 555-0142
";

const CENSUS: &str = "MICU CENSUS  0700
Bed 1  HALVORSEN, Margit   84F  urosepsis
Bed 2  OKAFOR, Daniel      61M  DKA
Bed 3  REYES, Lucia        92F  CHF exac
Bed 4  Brennan, Thomas     47M  post arrest, TTM
RN: Priya / Tom
";

#[test]
fn a_staff_rota_and_a_notice_are_read_as_posts() {
    let s = scanner();
    for text in [ROTA, NOTICE] {
        let r = s.scan_record(text);
        assert_eq!(r.verdict, Verdict::Clean, "{text}\n{:#?}", r.findings);
        // Read as a record (every line a patient's), the same text would be held: the gate
        // is what keeps it clean.
        let m = bedside_core::model::model().expect("the compiled-in model");
        assert_eq!(s.scan_record_as(text, true, m).verdict, Verdict::Hold);
    }
}

#[test]
fn a_census_board_holds_with_its_names_beds_and_ages() {
    let r = scanner().scan_record(CENSUS);
    assert_eq!(r.verdict, Verdict::Hold);
    let high = |c: Category, t: &str| {
        r.findings
            .iter()
            .any(|f| f.category == c && f.severity == Severity::High && f.text.contains(t))
    };
    assert!(high(Category::PhiName, "HALVORSEN"), "{:#?}", r.findings);
    assert!(high(Category::PhiRoom, "Bed 1"), "{:#?}", r.findings);
    assert!(high(Category::PhiAge, "84F"), "{:#?}", r.findings);
}

#[test]
fn the_gate_reads_a_census_board_as_a_record_and_a_rota_as_not() {
    let m = bedside_core::model::model().expect("the compiled-in model");
    let s = scanner();
    let score = |t: &str| m.record_score(&s.record_evidence(t).example);
    assert!(m.shows_patient(&s.record_evidence(CENSUS).example));
    assert!(!m.shows_patient(&s.record_evidence(ROTA).example));
    assert!(score(CENSUS) > score(ROTA));
}
