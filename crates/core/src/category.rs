use serde::{Deserialize, Serialize};

/// How bad a finding is. Ordered, so the worst finding decides the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

macro_rules! categories {
    ($($variant:ident => $id:literal, $label:literal, $sev:ident, $message:literal;)*) => {
        /// A taxonomy id (`../shared/taxonomy.md`). Ids are a public contract: never renamed.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Category { $($variant),* }

        impl Category {
            pub const ALL: &'static [Category] = &[$(Category::$variant),*];

            /// The dotted id, e.g. `phi.mrn`.
            pub fn id(self) -> &'static str {
                match self { $(Category::$variant => $id),* }
            }

            /// The category in plain words, for people.
            pub fn label(self) -> &'static str {
                match self { $(Category::$variant => $label),* }
            }

            /// The taxonomy's default severity, before context adjusts it.
            pub fn default_severity(self) -> Severity {
                match self { $(Category::$variant => Severity::$sev),* }
            }

            /// The one-sentence explanation a finding of this category carries by default
            /// (a rule may say something more specific).
            pub fn message(self) -> &'static str {
                match self { $(Category::$variant => $message),* }
            }

            pub fn from_id(id: &str) -> Option<Category> {
                match id { $($id => Some(Category::$variant),)* _ => None }
            }
        }
    };
}

// The one table of categories. `extension/shared/categories.json` (the extension's labels)
// is written from it and the locale's `cat_*` labels are checked against it
// (tests/category_table.rs; `BLESS=1` rewrites the JSON).
categories! {
    PhiName => "phi.name", "Name of a patient or relative", High,
        "A name tied to care identifies the person; names are a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiLocation => "phi.location", "Location smaller than a state", High,
        "A place smaller than a state tied to a patient is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) and helps people recognise them.";
    PhiDate => "phi.date", "Date tied to a person", High,
        "A date tied to a patient (birth, admission, discharge, death) is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)); say \"recently\" instead.";
    PhiAge => "phi.age", "Age", High,
        "An age over 89, or an exact age beside other details, is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiPhone => "phi.phone", "Phone or fax number", High,
        "A telephone or fax number is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) and leads straight to a person.";
    PhiEmail => "phi.email", "Email address", High,
        "An email address is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) and leads straight to a person.";
    PhiSsn => "phi.ssn", "Social Security number", High,
        "A Social Security number is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) and must never be posted.";
    PhiMrn => "phi.mrn", "Medical record number", High,
        "A medical record number is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) and belongs only in the chart.";
    PhiHealthPlan => "phi.health_plan", "Health plan number", High,
        "A health plan or Medicare beneficiary number is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiAccount => "phi.account", "Account number", High,
        "An account number is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiLicense => "phi.license", "Certificate or licence number", High,
        "A certificate or licence number is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiVehicle => "phi.vehicle", "Vehicle identifier", High,
        "A licence plate or VIN is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) and points at its owner.";
    PhiDevice => "phi.device", "Device identifier", High,
        "A device serial number is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) and can be traced to the patient who carries it.";
    PhiUrl => "phi.url", "Web address pointing at a person", High,
        "A web address pointing at a person's profile is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiIp => "phi.ip", "IP address", High,
        "An IP address is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)) and can be traced to a household.";
    PhiBiometric => "phi.biometric", "Biometric data", High,
        "Biometric data such as fingerprints or retina scans is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiPhoto => "phi.photo", "Photo or video", Medium,
        "Photos of patients are a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiId => "phi.id", "Other identifying number", High,
        "A wristband, case or other unique number is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)).";
    PhiRoom => "phi.room", "Room or bed number", High,
        "A room or bed number pins down who the patient is for anyone who works or visits there; leave it out.";
    CaseRecognizable => "case.recognizable", "Recognizable patient case", High,
        "Several details about one patient together can identify them even without a name (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(ii)); keep only what the story needs.";
    CasePhotoContext => "case.photo_context", "Describes a photo of a patient or record", High,
        "A picture of a patient, chart, screen, whiteboard or wristband can show identifiers; employer policies and HIPAA forbid posting it.";
    PatientDemeaning => "patient.demeaning", "Demeaning talk about patients", High,
        "Mocking or labelling patients breaks the professional duty of respect (NCSBN social media guidance) and erodes public trust.";
    PatientAdvice => "patient.advice", "Individual medical advice", High,
        "Diagnosing or dosing an individual online creates a provider relationship and liability; point them to their own clinician (NCSBN guidance).";
    WorkplaceCoworker => "workplace.coworker", "Complaint about a coworker", Medium,
        "Publicly criticising a recognisable coworker breaks most employers' social media policies; raise it through your manager instead.";
    WorkplaceEmployer => "workplace.employer", "Negative about the employer", Medium,
        "Disparaging your employer publicly can breach its social media policy; consider raising the concern internally.";
    WorkplaceConfidential => "workplace.confidential", "Confidential business information", High,
        "Internal business information (budgets, layoffs, staffing, memos) is confidential under employer policy and must not be shared.";
    WorkplaceAtWork => "workplace.at_work", "Posting from work", Medium,
        "Posting from work or on shift suggests distraction from patient care and breaks most employers' policies (NCSBN guidance).";
    WorkplaceVenting => "workplace.venting", "Venting about the job", Medium,
        "Venting about shifts or the job in public reflects on your profession and employer (NCSBN guidance); consider a private channel.";
    ConductControversial => "conduct.controversial", "Inflammatory or controversial", Medium,
        "Inflammatory political or religious statements tied to your professional identity can undermine patients' trust (professional guidance).";
    ConductUnprofessional => "conduct.unprofessional", "Unprofessional", Medium,
        "Profanity, intoxication or harassment in a post tied to your profession can lead to discipline (NCSBN guidance).";
    ConductClaims => "conduct.claims", "Exaggerated claims", Medium,
        "Unverifiable claims about skills or results can mislead patients and breach advertising and professional standards.";
    ConductSelfPromotion => "conduct.self_promotion", "Heavy self-promotion", Low,
        "Heavy self-promotion with little value for readers tends to backfire with a professional audience.";
    CustomTerm => "custom.term", "A term on your list", Medium,
        "This term is on your organisation's list of things not to post.";
}

impl Serialize for Category {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Category::from_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown category `{id}`")))
    }
}
