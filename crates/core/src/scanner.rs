use aho_corasick::{AhoCorasick, MatchKind};

use crate::context::{bounded, trim_span, Context};
use crate::detectors::Detectors;
use crate::model::Model;
use crate::rules::{self, Draft, Rule};
use crate::{Category, Config, ConfigError, DetectorError, Finding, Report, Sensitivity, Severity};

/// Built once from a [`Config`], then scans any number of posts.
///
/// The first construction in a process builds the phrase lexicon, the word tables and the
/// rules' keyword tables into shared statics; later constructions only build the parts
/// that depend on the config (custom terms, allow list, case threshold). [`Scanner::scan`] only reads them, so one
/// scanner can serve every keystroke.
///
/// ```
/// use bedside_core::{Config, Scanner, Verdict};
/// let scanner = Scanner::new(Config::default()).unwrap();
/// let report = scanner.scan("Shoutout to Mr. Delgado in bed 4 who walked today!");
/// assert_eq!(report.verdict, Verdict::Hold);
/// ```
pub struct Scanner {
    config: Config,
    /// Config-independent rules, built once per process.
    shared: &'static [Box<dyn Rule>],
    /// Rules that depend on the config; they run after the shared ones.
    rules: Vec<Box<dyn Rule>>,
    allow: Option<AhoCorasick>,
    /// The organisation's patterns; `None` (nothing compiled) when none is configured.
    detectors: Option<Detectors>,
    /// The detectors left out, each with the reason.
    detector_errors: Vec<DetectorError>,
}

const MAX_TERM: usize = 200;

impl Scanner {
    /// Builds a scanner, or says which config field is unusable.
    pub fn new(config: Config) -> Result<Scanner, ConfigError> {
        if !crate::model::available() {
            return Err(ConfigError {
                field: "model",
                message: "no model: install the weight file (model/model.bin) first".into(),
            });
        }
        if !(1..=10).contains(&config.case_threshold) {
            return Err(ConfigError {
                field: "caseThreshold",
                message: format!("must be between 1 and 10, got {}", config.case_threshold),
            });
        }
        for t in &config.custom_terms {
            if t.term.trim().is_empty() || t.term.len() > MAX_TERM {
                return Err(ConfigError {
                    field: "customTerms",
                    message: format!("terms must be 1 to {MAX_TERM} bytes, got {:?}", t.term),
                });
            }
        }
        for a in &config.allow {
            if a.trim().is_empty() || a.len() > MAX_TERM {
                return Err(ConfigError {
                    field: "allow",
                    message: format!("terms must be 1 to {MAX_TERM} bytes, got {a:?}"),
                });
            }
        }
        let allow_terms: Vec<String> = config
            .allow
            .iter()
            .map(|a| a.trim().to_ascii_lowercase())
            .collect();
        let allow = if allow_terms.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&allow_terms)
                .ok()
        };
        // The config-independent tables (phrase lexicon, word tables) are built once
        // per process, on the first construction; later scanners only build what the config
        // changes. Warming them here keeps them out of the first scan. The format table's
        // patterns are the exception: each engine is compiled the first time a post gives
        // one of its rows a place to start (`matchers::Matchers::engine`), so a page where
        // nothing is typed never parses them.
        let _ = (
            crate::lexicon::lexicon(),
            crate::lexicon::first_names(),
            crate::lexicon::surnames(),
            crate::model::model(),
            crate::model::vector_shape(),
            crate::matchers::matchers(),
        );
        let (detectors, detector_errors) = if config.detectors.is_empty() {
            (None, Vec::new())
        } else {
            Detectors::build(&config.detectors)
        };
        Ok(Scanner {
            shared: rules::shared(),
            rules: rules::build(&config),
            allow,
            detectors,
            detector_errors,
            config,
        })
    }

    /// The configured detectors that could not be used, each naming the detector and the
    /// problem. The scanner runs without them; the others work.
    pub fn detector_errors(&self) -> &[DetectorError] {
        &self.detector_errors
    }

    /// The config the scanner was built from.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Scans one post. Never panics; spans always lie on character boundaries.
    pub fn scan(&self, text: &str) -> Report {
        self.scan_as(text, Reading::Post, crate::model::model())
    }

    /// Scans record text: what on-device OCR reads off a chart, whiteboard, monitor,
    /// wristband or label. Every line is taken to be about a patient, so identifiers
    /// count without a sentence around them (a bare date, "Dr. Lee paged", "seen by Smith",
    /// a name line, an MRN-like number).
    ///
    /// Record text is read as a record (every line a patient's) only when the model's
    /// record gate finds it shows a patient (`model/record.rs`); otherwise (a staff rota, a
    /// notice, a supply label, a blank form) it is read as a post, so its dates, first
    /// names and numbers count only as a post's would.
    pub fn scan_record(&self, text: &str) -> Report {
        self.scan_as(text, Reading::Record, crate::model::model())
    }

    /// Scans one post as [`Scanner::scan`] does, with `model` in place of the compiled-in
    /// one: `bedside train --hold-out` scores held-out posts' PHI with the span tagger
    /// learned without them.
    pub fn scan_with(&self, text: &str, model: &Model) -> Report {
        self.scan_as(text, Reading::Post, Some(model))
    }

    /// Scans record text as [`Scanner::scan_record`] does, with `model` (its record gate
    /// and tagger) in place of the compiled-in one: `bedside train --hold-out` scores
    /// held-out records with the weights learned without them.
    pub fn scan_record_with(&self, text: &str, model: &Model) -> Report {
        self.scan_as(text, Reading::Record, Some(model))
    }

    /// Scans record text as a record (`as_record`, unless it says it is a test print) or
    /// as a post, whatever the record gate would say, with `model` in place of the
    /// compiled-in one: `bedside train` simulates both readings of every record with the
    /// weights it has just learned, to choose the gate's threshold.
    pub fn scan_record_as(&self, text: &str, as_record: bool, model: &Model) -> Report {
        self.scan_as(text, Reading::RecordAs(as_record), Some(model))
    }

    /// What the record gate reads about record text (`bedside train` learns from this),
    /// and what the hand test it replaced would say.
    pub fn record_evidence(&self, text: &str) -> RecordEvidence {
        self.with_record_rules(text, |text, ctx, drafts| {
            let mock = mock_record(&ctx.lower);
            RecordEvidence {
                example: record_example(ctx, text, drafts, mock),
                hand: read_as_record(mock, text, drafts),
                mock,
            }
        })
    }

    /// `f` of record text read as a record: its OCR view, context and the rules' drafts.
    fn with_record_rules<T>(&self, text: &str, f: impl FnOnce(&str, &Context, &[Draft]) -> T) -> T {
        let view = crate::ocr::view(text);
        let mut ctx = Context::new(&view);
        ctx.as_record();
        let mut drafts: Vec<Draft> = Vec::new();
        self.run_rules(&ctx, &mut drafts);
        f(&view, &ctx, &drafts)
    }

    fn scan_as(&self, text: &str, reading: Reading, model: Option<&Model>) -> Report {
        let record = !matches!(reading, Reading::Post);
        if text.trim().is_empty() {
            return Report::from_findings(Vec::new());
        }
        // Record text is matched on its OCR-confusable view (`ocr::view`: "6O6-555-Ol23"
        // read as "606-555-0123"), which keeps every byte offset; a finding's text is the
        // record's own (below).
        let view = if record {
            crate::ocr::view(text)
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        let original = text;
        let text: &str = &view;
        let mut ctx = Context::new(text);
        if record {
            ctx.as_record();
        }
        let mut drafts: Vec<Draft> = Vec::with_capacity(16 + text.len() / 64);
        self.run_rules(&ctx, &mut drafts);
        // Record text is a patient's throughout only when it shows a patient: the record
        // gate, learned from the record corpus, reads the rules' findings (a name line, a
        // date of birth, a keyed record number, an age...), the words and the layout. A
        // supply label, a blank form, a phone list or a staff board it reads as a post, so
        // its lot numbers, extensions, dates and first names count only as a post's would
        // (lowered, never dropped). A record that says it is a test or training print is
        // read as a post with every identifier lowered to a tip.
        let mut mock = false;
        if record {
            mock = mock_record(&ctx.lower);
            let shows = !mock
                && match (reading, model) {
                    (Reading::RecordAs(f), _) => f,
                    (_, Some(m)) => m.shows_patient(&record_example(&ctx, text, &drafts, mock)),
                    (_, None) => read_as_record(mock, text, &drafts),
                };
            if !shows {
                ctx = Context::new(text);
                ctx.patientless_record = true;
                drafts.clear();
                self.run_rules(&ctx, &mut drafts);
            }
        }
        // Formats whose owner the rules could not tell wait for the post's verdict.
        let mut tentative: Vec<Draft>;
        (tentative, drafts) = drafts.into_iter().partition(|d| d.tentative);
        // The model learned from posts. Record text that shows a patient is judged by the
        // rules alone; record text read as a post for want of a patient (a count sheet, a
        // label) may have its names and places capped by the gate, but gets no finding the
        // model would add to a post.
        if let Some(m) = model.filter(|_| !ctx.record) {
            let cap = m.decide(&ctx, &mut drafts, !record);
            // The post tagger learned from posts: record text read as a post gets none.
            if !record {
                let rules = drafts.len();
                m.tag(&ctx, &mut drafts, cap);
                let tagged = drafts.split_off(rules);
                let (unsure, sure): (Vec<Draft>, Vec<Draft>) =
                    tagged.into_iter().partition(|d| d.tentative);
                drafts.extend(sure);
                tentative.extend(unsure);
            }
        }
        // Record text that shows a patient: the record tagger, learned from record text.
        if ctx.record {
            if let Some(m) = model {
                m.tag_record(&ctx, &mut drafts);
            }
            // What both read as a name that is a facility's or an address line's: a place.
            crate::rules::record_places::names_that_are_places(text, &mut drafts);
        }
        if let Some(d) = &self.detectors {
            d.find(&ctx, &mut drafts);
        }
        if self.config.during_work_hours {
            let (s, e) = trim_span(text, 0, text.len());
            drafts.push(
                Draft::new(Category::WorkplaceAtWork, Severity::Medium, s, e)
                    .message("You are posting during your work hours; posting on shift breaks most employers' policies (NCSBN guidance)."),
            );
        }
        soften_examples(&ctx, &mut drafts);
        if ctx.record {
            photo_of_record(text, &mut drafts);
        }
        // An exact age or a date in a post that holds for a patient is one of the details
        // that, together, identify someone (the taxonomy's "combined with other details").
        if drafts.iter().any(holds_for_patient) {
            drafts.extend(tentative.into_iter().map(|mut d| {
                d.tentative = false;
                d.severity = Severity::High;
                d.weak = false;
                d
            }));
        }
        if mock {
            for d in drafts
                .iter_mut()
                .filter(|d| d.category.id().starts_with("phi."))
            {
                d.severity = d.severity.min(Severity::Low);
            }
        }
        let mut report = self.finish(&ctx, drafts);
        if matches!(view, std::borrow::Cow::Owned(_)) {
            for f in &mut report.findings {
                f.text = original[f.byte_start..f.byte_end].to_string();
            }
        }
        report
    }

    /// Every rule's drafts for `ctx`, the shared rules first.
    fn run_rules(&self, ctx: &Context, drafts: &mut Vec<Draft>) {
        for rule in self.shared.iter().chain(&self.rules) {
            rule.find(ctx, drafts);
        }
        // Whose story: a post about no patient lowers placeholders and the details of the
        // writer's own, their family's or a colleague's or public figure's story.
        crate::rules::whose::soften(ctx, drafts);
    }

    /// The rules' findings (category, byte span) in record text that the hand test
    /// (`read_as_record`) finds shows a patient; `None` for the rest. `bedside train` learns
    /// the record tagger's thresholds from what it adds to these (the hand test, not the
    /// record gate, so that training never reads the weights it is writing).
    pub fn record_rules(&self, text: &str) -> Option<Vec<(Category, usize, usize)>> {
        self.with_record_rules(text, |text, ctx, drafts| {
            read_as_record(mock_record(&ctx.lower), text, drafts).then(|| {
                drafts
                    .iter()
                    .filter(|d| !d.tentative)
                    .map(|d| (d.category, d.start, d.end))
                    .collect()
            })
        })
    }

    /// What the model reads about a post, and what the rules alone report outside the
    /// model's categories: `bedside train` learns from this.
    pub fn evidence(&self, text: &str) -> Evidence {
        let ctx = Context::new(text);
        let mut drafts: Vec<Draft> = Vec::new();
        self.run_rules(&ctx, &mut drafts);
        drafts.retain(|d| !d.tentative);
        let example = crate::model::extract(&ctx, &drafts, 0, text.len());
        let decided =
            |c: Category| crate::model::OUTPUTS.contains(&crate::model::Output::Category(c));
        let ruled = Category::ALL
            .iter()
            .filter(|&&c| decided(c))
            .filter_map(|&c| {
                let worst = drafts
                    .iter()
                    .filter(|d| d.category == c)
                    .map(|d| d.severity)
                    .max()?;
                (worst >= Severity::Medium).then_some((c, worst))
            })
            .collect();
        soften_examples(&ctx, &mut drafts);
        let rules = drafts
            .iter()
            .filter(|d| !decided(d.category) && !self.config.disabled.contains(&d.category))
            .map(|d| (d.category, d.severity, d.pinned))
            .collect();
        Evidence {
            example,
            rules,
            ruled,
        }
    }

    fn finish(&self, ctx: &Context, mut drafts: Vec<Draft>) -> Report {
        let text = ctx.text;
        let allowed: Vec<(usize, usize)> = match &self.allow {
            Some(ac) => ac
                .find_iter(&ctx.lower)
                .filter(|m| bounded(ctx.lower.as_bytes(), m.start(), m.end()))
                .map(|m| (m.start(), m.end()))
                .collect(),
            None => Vec::new(),
        };
        drafts.retain_mut(|d| {
            if self.config.disabled.contains(&d.category) {
                return false;
            }
            // Spans must be non-empty, inside the text and on character boundaries.
            d.end = d.end.min(text.len());
            while d.start > 0 && !text.is_char_boundary(d.start) {
                d.start -= 1;
            }
            while d.end < text.len() && !text.is_char_boundary(d.end) {
                d.end += 1;
            }
            if d.start >= d.end {
                return false;
            }
            // An allowed term is never flagged: drop findings that are (within) one.
            if allowed.iter().any(|&(s, e)| {
                (d.start >= s && d.end <= e)
                    || (s >= d.start
                        && e <= d.end
                        && is_term_category(d.category)
                        && (e - s) * 2 >= d.end - d.start)
            }) {
                return false;
            }
            match self.config.sensitivity {
                Sensitivity::Relaxed if d.weak || d.severity == Severity::Low => return false,
                Sensitivity::Strict if d.weak && d.severity == Severity::Low => {
                    d.severity = Severity::Medium
                }
                _ => {}
            }
            true
        });
        // One finding per category per span: keep the most severe, then the longest. The
        // drafts are large, so the (stable) sorts move their indices instead.
        let mut order: Vec<usize> = (0..drafts.len()).collect();
        order.sort_by_key(|&i| {
            let d = &drafts[i];
            (
                d.category,
                d.start,
                std::cmp::Reverse(d.severity),
                std::cmp::Reverse(d.end),
                // On the same span the organisation's detector wins: its label is the news.
                d.detector.is_none(),
            )
        });
        let mut kept: Vec<usize> = Vec::with_capacity(order.len());
        for i in order {
            if let Some(last) = kept.last_mut() {
                let (l, d) = (&drafts[*last], &drafts[i]);
                if l.category == d.category && d.start < l.end {
                    // An organisation detector's finding replaces a built-in rule's of
                    // the same category over it: its label is what the user needs to see.
                    let theirs = d.detector.is_some() && l.detector.is_none();
                    if d.severity > l.severity || (theirs && d.severity == l.severity) {
                        *last = i;
                    }
                    continue;
                }
            }
            kept.push(i);
        }
        // No two kept findings share a category and a start, so the keys are unique.
        kept.sort_unstable_by_key(|&i| (drafts[i].start, drafts[i].end, drafts[i].category));
        let mut drafts: Vec<Option<Draft>> = drafts.into_iter().map(Some).collect();
        let kept: Vec<Draft> = kept.iter().filter_map(|&i| drafts[i].take()).collect();
        let from: Vec<Option<usize>> = match self.detectors {
            Some(_) => kept.iter().map(|d| d.detector).collect(),
            None => Vec::new(),
        };
        let mut findings = to_findings(text, kept);
        if let Some(d) = &self.detectors {
            for (f, i) in findings.iter_mut().zip(from) {
                f.detector = i.map(|i| d.info(i).clone());
            }
        }
        Report::from_findings(findings)
    }
}

/// Record text as the record gate sees it (see [`Scanner::record_evidence`]).
pub struct RecordEvidence {
    pub example: crate::model::Example,
    /// The hand test the gate replaced (`read_as_record`) reads it as a record.
    pub hand: bool,
    /// It says it is a test or training print: read as a post whatever the gate says.
    pub mock: bool,
}

/// The record gate's example of record text with record mode on (`drafts`: the rules'
/// findings), with the hand test's signals.
fn record_example(
    ctx: &Context,
    text: &str,
    drafts: &[Draft],
    mock: bool,
) -> crate::model::Example {
    let signals = crate::model::RecordSignals {
        mock,
        shows: drafts.iter().filter(|d| shows_patient(text, d)).count(),
        anchors: drafts
            .iter()
            .filter(|d| d.anchor && d.severity == Severity::High)
            .count(),
    };
    crate::model::record_example(ctx, drafts, &signals)
}

/// A post as the model sees it (see [`Scanner::evidence`]).
pub struct Evidence {
    pub example: crate::model::Example,
    /// The rules' findings in categories the model does not decide, as (category, severity,
    /// pinned: the gate does not cap it, `Draft::pinned`).
    pub rules: Vec<(Category, Severity, bool)>,
    /// The model's categories the rules found at medium or high severity, with the highest.
    pub ruled: Vec<(Category, Severity)>,
}

/// A finding that holds the post for a patient's sake: a high identifier, case or patient
/// finding the user's own settings did not make.
fn holds_for_patient(d: &Draft) -> bool {
    d.severity == Severity::High
        && d.detector.is_none()
        && !d.weak
        && matches!(
            d.category.id().split('.').next(),
            Some("phi" | "case" | "patient")
        )
}

/// Record text that shows a patient's identifier was read off a photo of a patient's
/// record: the photo is the risk (the taxonomy's `case.photo_context`), whatever the text
/// would say as a post. Its details are not a story told about a patient, so a case
/// finding the rules made of them (an age, a date and a condition together) becomes the
/// photo's one finding instead of a second one.
fn photo_of_record(text: &str, drafts: &mut Vec<Draft>) {
    let shows = drafts
        .iter()
        .any(|d| d.severity == Severity::High && !d.weak && d.category.id().starts_with("phi."));
    if !shows {
        return;
    }
    drafts.retain(|d| {
        !matches!(
            d.category,
            Category::CaseRecognizable | Category::CasePhotoContext
        )
    });
    let (s, e) = trim_span(text, 0, text.len());
    drafts.push(
        Draft::new(Category::CasePhotoContext, Severity::High, s, e)
            .message("This photo shows a patient's record (a name, a number or a date on a chart, board, screen or label): a record's picture identifies the patient even when the caption does not.")
            .suggest("Leave the photo out, or crop it to show no record at all."),
    );
}

/// In a post that teaches privacy or poses a made-up case ("HIPAA", "practice question"),
/// a room, an age or a case sketch is an example, not a patient: lower such findings to
/// tips, unless the post also carries a hard identifier (a name, a number) or mockery.
fn soften_examples(ctx: &Context, drafts: &mut [Draft]) {
    use crate::lexicon::kind;
    if ctx.post_kinds & kind::HYPOTHETICAL == 0 {
        return;
    }
    let soft = |c: Category| {
        matches!(
            c,
            Category::CaseRecognizable
                | Category::CasePhotoContext
                | Category::PhiRoom
                | Category::PhiAge
                | Category::PhiDate
                | Category::PhiLocation
                | Category::PhiBiometric
        )
    };
    let hard = drafts.iter().any(|d| {
        d.severity == Severity::High
            && !soft(d.category)
            && (d.category.id().starts_with("phi.") || d.category.id().starts_with("patient."))
    });
    if hard {
        return;
    }
    for d in drafts.iter_mut().filter(|d| soft(d.category)) {
        d.severity = Severity::Low;
        d.weak = true;
    }
}

/// Categories whose finding is the term itself, so an allowed term inside it clears it.
fn is_term_category(c: Category) -> bool {
    matches!(
        c,
        Category::PhiName
            | Category::PhiLocation
            | Category::CustomTerm
            | Category::PhiEmail
            | Category::PhiUrl
            | Category::PhiPhone
    )
}

/// Converts byte spans to UTF-16 spans in one pass over the text (findings sorted by start).
fn to_findings(text: &str, drafts: Vec<Draft>) -> Vec<Finding> {
    let mut points: Vec<usize> = drafts.iter().flat_map(|d| [d.start, d.end]).collect();
    points.sort_unstable();
    points.dedup();
    // UTF-16 units before byte `p`: one per character (a byte that is not a UTF-8
    // continuation byte), plus one more per 4-byte character (a surrogate pair). Points lie on
    // character boundaries, so counting bytes between consecutive points is exact.
    let b = text.as_bytes();
    let ascii = text.is_ascii();
    let units_in = |seg: &[u8]| if ascii { seg.len() } else { utf16_len(seg) };
    let mut utf16 = Vec::with_capacity(points.len());
    let mut units = 0usize;
    let mut prev = 0usize;
    for &p in &points {
        let p = p.min(b.len());
        units += units_in(&b[prev..p]);
        utf16.push(units);
        prev = p;
    }
    let at = |b: usize| utf16[points.binary_search(&b).unwrap_or(0)];
    drafts
        .into_iter()
        .map(|d| Finding {
            category: d.category,
            severity: d.severity,
            byte_start: d.start,
            byte_end: d.end,
            start: at(d.start),
            end: at(d.end),
            text: text[d.start..d.end].to_string(),
            message: d.message,
            suggestion: d.suggestion,
            details: d.details,
            detector: None,
        })
        .collect()
}

/// UTF-16 code units in `seg`, a run of whole characters: one per character (a byte that
/// is not a UTF-8 continuation byte) plus one per 4-byte character (a surrogate pair).
/// Summed per chunk into a byte (127 bytes count at most 254), which the compiler turns
/// into vector code: over ten times faster than summing into a `usize`.
fn utf16_len(seg: &[u8]) -> usize {
    seg.chunks(127)
        .map(|chunk| {
            chunk.iter().fold(0u8, |n, &c| {
                n + ((c as i8) >= -64) as u8 + (c >= 0xF0) as u8
            }) as usize
        })
        .sum()
}

/// Whether a record-text finding shows that the record is about a patient: a name on a
/// name line, after an honorific or a patient's role word, or of two words or more (not a
/// clinician's); a date of birth or a date with its year; a street address; a keyed record
/// number; an SSN, a plan or account number; an age. A phone, an extension, a lot number, a
/// bare date, a room, a lone first name or a bare number alone does not: a supply label, a
/// log sheet or a phone list has those.
fn shows_patient(text: &str, d: &Draft) -> bool {
    if d.severity < Severity::High {
        return false;
    }
    let t = &text[d.start..d.end.min(text.len())];
    d.anchor
        || match d.category {
            Category::PhiAge
            | Category::PhiSsn
            | Category::PhiHealthPlan
            | Category::PhiAccount => true,
            Category::PhiName => {
                let lower = t.to_ascii_lowercase();
                // "Grace Abiodun": a known first name and more; not words from a board's
                // columns, not a heading ("Advocacy Office").
                let first = lower.split([' ', '-']).next().unwrap_or("");
                t.trim().contains(' ')
                    && !t.contains("  ")
                    && crate::lexicon::first_names().contains(first)
                    && !["dr", "doctor", "nurse", "rn ", "np ", "pa "]
                        .iter()
                        .any(|p| lower.starts_with(p))
            }
            // "4/17/89", "02/10/2025", "30-Apr-1999": a date with its year.
            Category::PhiDate => {
                t.split(|c: char| !c.is_ascii_digit())
                    .filter(|g| !g.is_empty())
                    .count()
                    >= 3
                    || t.split(|c: char| !c.is_ascii_digit()).any(|g| g.len() == 4)
            }
            // "14 Orchard Ln": a house number, then the street.
            Category::PhiLocation => {
                t.starts_with(|c: char| c.is_ascii_digit()) && t.split_whitespace().count() >= 3
            }
            _ => false,
        }
}

/// How [`Scanner::scan_as`] reads its text.
#[derive(Clone, Copy)]
enum Reading {
    /// A post.
    Post,
    /// Record text, read as a record if the record gate finds it shows a patient.
    Record,
    /// Record text, read as a record (`true`) or as a post, whatever the gate would say.
    RecordAs(bool),
}

/// The hand test the record gate replaced: record text shows a patient when a finding
/// does (`shows_patient`) and it does not say it is a test print (`mock`). A feature of the
/// gate; `record_rules` (which trains the record tagger) and a scanner without a model
/// still use it.
fn read_as_record(mock: bool, text: &str, drafts: &[Draft]) -> bool {
    !mock && drafts.iter().any(|d| shows_patient(text, d))
}

/// Whether record text says it shows no real patient: a test print, a training or demo
/// screen, a simulation scenario.
fn mock_record(lower: &str) -> bool {
    const MARKS: &[&str] = &[
        "not a patient",
        "not a real patient",
        "not for clinical use",
        "training environment",
        "test patient",
        "printer test",
        "demo mode",
        "simulation scenario",
        "manikin",
    ];
    MARKS.iter().any(|m| lower.contains(m))
}
