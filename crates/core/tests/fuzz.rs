//! Acceptance 2: never panics on any input; spans lie on char boundaries inside the text
//! and the UTF-16 spans match the byte spans. A deterministic xorshift generator mixes
//! emoji with ZWJ and skin tones, combining marks, right-to-left text, CRLF, NUL and
//! fragments that trigger every rule family.

use bedside_core::{Config, Scanner, Sensitivity};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "👩🏽‍⚕️",
    "👨‍👩‍👧‍👦",
    "🫶🏼",
    "🏳️‍🌈",
    "e\u{301}",
    "a\u{308}\u{323}",
    "שלום",
    "مرحبا",
    "\u{202E}",
    "\r\n",
    "\0",
    "\u{FEFF}",
    "𝔘𝔫𝔦",
    "ß",
    "İ",
    "Σ",
    "’",
    "“",
    "”",
    " ",
    "\n",
    "\t",
    ".",
    "!",
    "?",
    "#",
    "@",
    "-",
    "/",
    ":",
    "Mr. ",
    "Mrs. W.",
    "Dr. Feld ",
    "pt ",
    "my pt ",
    "the lady in 4",
    "room 12",
    "bed 4",
    "MRN 00482913",
    "(801) 555-0147",
    "555-0175",
    "123-45-6789",
    "6RW2-HJ4-QA17",
    "jane@example.com",
    "facebook.com/jane.doe",
    "203.0.113.87",
    "DOB 4/12/1961",
    "March 3rd",
    "93-year-old",
    "27M",
    "she's 92",
    "in Ogden",
    "Birch Lane",
    "I-80 EB at mm 142",
    "43215 area",
    "frequent flyer",
    "just take 2 of your",
    "at work rn",
    "CONFIDENTIAL",
    "f***ing",
    "100% success rate",
    "link in bio",
    "fingerprint scan on file",
    "her son Marcus",
    "baby Zoë",
    "a Kyle Brandt",
    "Linda Park's warfarin",
    "wristband 0071-22",
    "SN 44X-99812",
    "plate 7KRD219",
    "Ñandú",
    "1EG4-TE5-MK73",
    "4111 1111 1111 1111",
    "1HGCM82633A004352",
    "“small” lady",
    "sounds like shingles",
    "Zoë",
    "Nguyễn Văn Hùng",
    "’s",
    "'",
    "-",
    "9",
    "99",
    "999",
    "at 93",
    "he was 4",
    "x-ray",
    "here's the strip",
];

fn check(scanner: &Scanner, text: &str) {
    let report = scanner.scan(text);
    let utf16: Vec<usize> = {
        // UTF-16 offset of every char boundary, by byte offset
        let mut v = vec![usize::MAX; text.len() + 1];
        let mut u = 0;
        for (i, c) in text.char_indices() {
            v[i] = u;
            u += c.len_utf16();
        }
        v[text.len()] = u;
        v
    };
    for f in &report.findings {
        assert!(f.byte_start < f.byte_end, "empty span {f:?} in {text:?}");
        assert!(f.byte_end <= text.len(), "span past the end {f:?}");
        assert!(
            text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end),
            "span off a char boundary {f:?} in {text:?}"
        );
        assert_eq!(f.text, &text[f.byte_start..f.byte_end]);
        assert_eq!(
            f.start, utf16[f.byte_start],
            "utf-16 start of {f:?} in {text:?}"
        );
        assert_eq!(f.end, utf16[f.byte_end], "utf-16 end of {f:?} in {text:?}");
    }
    let json = serde_json::to_string(&report).expect("report serialises");
    assert!(json.starts_with("{\"verdict\":"));
}

#[test]
fn random_unicode_never_panics_and_spans_are_consistent() {
    let scanners = [
        Scanner::new(Config::default()).unwrap(),
        Scanner::new(Config {
            sensitivity: Sensitivity::Strict,
            case_threshold: 1,
            during_work_hours: true,
            ..Config::default()
        })
        .unwrap(),
        Scanner::new(Config {
            sensitivity: Sensitivity::Relaxed,
            allow: vec!["Zoë".into(), "pt".into()],
            ..Config::default()
        })
        .unwrap(),
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..4000 {
        let mut text = String::new();
        let n = 1 + rng.next() % 40;
        for _ in 0..n {
            if rng.next() % 5 == 0 {
                // a random scalar value, any plane
                let c = loop {
                    if let Some(c) = char::from_u32((rng.next() % 0x11_0000) as u32) {
                        break c;
                    }
                };
                text.push(c);
            } else {
                text.push_str(rng.pick(PIECES));
            }
        }
        check(&scanners[round % scanners.len()], &text);
    }
}

#[test]
fn edge_inputs() {
    let s = Scanner::new(Config::default()).unwrap();
    for t in [
        "",
        " ",
        "\0",
        "\r\n\r\n",
        "👩🏽‍⚕️",
        "Mr.",
        "Mr. ",
        "pt",
        "a",
        "9",
        "room",
        "room 1",
        "@",
        "/",
        "’",
        "e\u{301}",
    ] {
        check(&s, t);
    }
    let long = "my pt in room 12 today 👩🏽‍⚕️ e\u{301} ".repeat(1500);
    check(&s, &long);
}
