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
    ($($variant:ident => $id:literal, $label:literal, $sev:ident;)*) => {
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
    PhiName => "phi.name", "Name of a patient or relative", High;
    PhiLocation => "phi.location", "Location smaller than a state", High;
    PhiDate => "phi.date", "Date tied to a person", High;
    PhiAge => "phi.age", "Age", High;
    PhiPhone => "phi.phone", "Phone or fax number", High;
    PhiEmail => "phi.email", "Email address", High;
    PhiSsn => "phi.ssn", "Social Security number", High;
    PhiMrn => "phi.mrn", "Medical record number", High;
    PhiHealthPlan => "phi.health_plan", "Health plan number", High;
    PhiAccount => "phi.account", "Account number", High;
    PhiLicense => "phi.license", "Certificate or licence number", High;
    PhiVehicle => "phi.vehicle", "Vehicle identifier", High;
    PhiDevice => "phi.device", "Device identifier", High;
    PhiUrl => "phi.url", "Web address pointing at a person", High;
    PhiIp => "phi.ip", "IP address", High;
    PhiBiometric => "phi.biometric", "Biometric data", High;
    PhiPhoto => "phi.photo", "Photo or video", Medium;
    PhiId => "phi.id", "Other identifying number", High;
    PhiRoom => "phi.room", "Room or bed number", High;
    CaseRecognizable => "case.recognizable", "Recognizable patient case", High;
    CasePhotoContext => "case.photo_context", "Describes a photo of a patient or record", High;
    PatientDemeaning => "patient.demeaning", "Demeaning talk about patients", High;
    PatientAdvice => "patient.advice", "Individual medical advice", High;
    WorkplaceCoworker => "workplace.coworker", "Complaint about a coworker", Medium;
    WorkplaceEmployer => "workplace.employer", "Negative about the employer", Medium;
    WorkplaceConfidential => "workplace.confidential", "Confidential business information", High;
    WorkplaceAtWork => "workplace.at_work", "Posting from work", Medium;
    WorkplaceVenting => "workplace.venting", "Venting about the job", Medium;
    ConductControversial => "conduct.controversial", "Inflammatory or controversial", Medium;
    ConductUnprofessional => "conduct.unprofessional", "Unprofessional", Medium;
    ConductClaims => "conduct.claims", "Exaggerated claims", Medium;
    ConductSelfPromotion => "conduct.self_promotion", "Heavy self-promotion", Low;
    CustomTerm => "custom.term", "A term on your list", Medium;
}

impl Category {
    /// The one-sentence explanation a finding of this category carries by default
    /// (`rules::default_message`, one match over every category).
    pub fn message(self) -> &'static str {
        crate::rules::default_message(self)
    }
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
