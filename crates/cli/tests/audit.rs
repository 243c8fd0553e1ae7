//! `bedside audit` on archives the tests write from the formats: each site's zip, a
//! folder, a single file; every risky post reported with its site, kind, date, id, link
//! and exact text, no clean post flagged; bad input named, the rest still scanned.

use std::path::{Path, PathBuf};
use std::process::Command;

use bedside_archive::fixtures::{self, Post};
use serde_json::Value;

const RISKY: [&str; 3] = [
    "Mrs Alvarez in room 412 finally got her HIV results back, poor thing, MRN 48213377 😢",
    "Pt in bed 4 is a 67 y/o w/ stage IV pancreatic cancer, family doesn't know yet. Zoë 👩‍⚕️",
    // A review and nothing more: a layoff ("firing half the unit next week") is confidential
    // business information, which the decision layer (issue 12) rightly holds.
    "Our charge nurse is a complete idiot and never answers her phone on nights",
];
const CLEAN: [&str; 3] = [
    "Café au lait with the team after a long shift ☕️ 👩‍⚕️ «merci»",
    "Proud to finish my BSN today! Thank you Siobhán and Renée 🎓",
    "Great talk on sepsis bundles at the conference this morning,\n\"slides\" are online.",
];

fn posts(prefix: u64, unix0: i64) -> Vec<Post> {
    RISKY
        .iter()
        .chain(CLEAN.iter())
        .enumerate()
        .map(|(i, t)| {
            Post::new(
                &(prefix + i as u64).to_string(),
                unix0 + i as i64 * 86_400,
                t,
            )
        })
        .collect()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn audit(args: &[&str], path: &Path) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_bedside"))
        .arg("audit")
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bedside-cli-audit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn iso(unix: i64) -> String {
    // Checked against bedside-archive's own date tests; days are whole here.
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = civil(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Howard Hinnant's days-to-civil.
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Every post is printed once with the right fields; exactly the risky ones are flagged.
fn check_all(
    out: &[Value],
    expected: &[Post],
    site: &str,
    kind: &str,
    url: impl Fn(&Post) -> Option<String>,
    id: impl Fn(&Post) -> String,
) {
    for p in expected {
        let line = out
            .iter()
            .find(|l| l["text"] == p.text.as_str() && l["kind"] == kind)
            .unwrap_or_else(|| panic!("{site} {kind} {:?} missing from {out:?}", p.text));
        assert_eq!(line["site"], site);
        assert_eq!(line["id"], id(p).as_str());
        assert_eq!(line["date"], iso(p.unix).as_str());
        assert_eq!(line["url"], url(p).map_or(Value::Null, Value::from));
        let risky = RISKY.contains(&p.text.as_str());
        assert_eq!(line["verdict"] != "clean", risky, "{site} {kind}: {}", line);
        if risky {
            // Spans are UTF-16 offsets into the text, as in `check --json`.
            let f = &line["findings"][0];
            let utf16: Vec<u16> = p.text.encode_utf16().collect();
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                String::from_utf16(&utf16[s..e]).unwrap(),
                f["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn each_sites_zip_reports_every_risky_post_and_no_clean_one() {
    let dir = tmp("sites");
    let x = posts(1_050_118_621_198_921_700, 1_539_202_700);
    let x_zip = fixtures::zip(&[
        (
            "data/account.js",
            fixtures::x_account("night_nurse").as_bytes(),
        ),
        ("data/tweets.js", fixtures::x_tweets(&x, true).as_bytes()),
    ]);
    let fb = posts(1, 1_600_000_000);
    let fbc = posts(100, 1_600_500_000);
    let fb_zip = fixtures::zip(&[
        (
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
            fixtures::facebook_posts(&fb).as_bytes(),
        ),
        (
            "your_facebook_activity/comments_and_reactions/comments.json",
            fixtures::facebook_comments(&fbc).as_bytes(),
        ),
    ]);
    let ig = posts(1, 1_650_000_000);
    let igc = posts(100, 1_650_500_000);
    let ig_zip = fixtures::zip(&[
        (
            "your_instagram_activity/content/posts_1.json",
            fixtures::instagram_posts(&ig).as_bytes(),
        ),
        (
            "your_instagram_activity/comments/post_comments_1.json",
            fixtures::instagram_comments(&igc, false).as_bytes(),
        ),
    ]);
    let li = posts(7_012_345_678_901_234_500, 1_680_000_000);
    let lic = posts(7_000_000_000_000_000_200, 1_680_500_000);
    let li_zip = fixtures::zip(&[
        ("Shares.csv", fixtures::linkedin_shares(&li).as_bytes()),
        ("Comments.csv", fixtures::linkedin_comments(&lic).as_bytes()),
    ]);

    let r = audit(&["--jsonl"], &write(&dir, "twitter-2024-01-01.zip", &x_zip));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 6);
    check_all(
        &out,
        &x,
        "x",
        "post",
        |p| Some(format!("https://x.com/night_nurse/status/{}", p.id)),
        |p| p.id.clone(),
    );
    let summary = r.stderr.lines().last().unwrap();
    assert!(
        summary.starts_with("audit: 6 read (6 x posts); 2 hold, 1 review; 0 errors"),
        "{summary}"
    );

    let unix_id = |p: &Post| p.unix.to_string();
    let out = lines(&audit(&["--jsonl"], &write(&dir, "facebook.zip", &fb_zip)).stdout);
    check_all(&out, &fb, "facebook", "post", |_| None, unix_id);
    check_all(&out, &fbc, "facebook", "comment", |_| None, unix_id);
    let out = lines(&audit(&["--jsonl"], &write(&dir, "instagram.zip", &ig_zip)).stdout);
    check_all(&out, &ig, "instagram", "post", |_| None, unix_id);
    check_all(&out, &igc, "instagram", "comment", |_| None, unix_id);
    let out = lines(
        &audit(
            &["--jsonl"],
            &write(&dir, "Basic_LinkedInDataExport.zip", &li_zip),
        )
        .stdout,
    );
    check_all(
        &out,
        &li,
        "linkedin",
        "post",
        |p| Some(fixtures::linkedin_share_link(&p.id)),
        |p| p.id.clone(),
    );
    check_all(
        &out,
        &lic,
        "linkedin",
        "comment",
        |p| Some(fixtures::linkedin_comment_link(&p.id)),
        |p| p.id.clone(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_and_a_single_file_read_like_the_zip() {
    let dir = tmp("forms");
    let fb = posts(1, 1_600_000_000);
    let json = fixtures::facebook_posts(&fb);
    let file = write(&dir, "export/posts/your_posts_1.json", json.as_bytes());
    let zip = write(
        &dir,
        "facebook.zip",
        &fixtures::zip(&[("posts/your_posts_1.json", json.as_bytes())]),
    );
    let a = audit(&["--jsonl"], &zip);
    let b = audit(&["--jsonl"], &dir.join("export"));
    let c = audit(&["--jsonl"], &file);
    assert_eq!(a.code, 2);
    assert_eq!(lines(&a.stdout).len(), 6);
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.stdout, c.stdout);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn worst_first_filters_and_csv() {
    let dir = tmp("order");
    let li = posts(7_012_345_678_901_234_500, 1_680_000_000);
    let path = write(
        &dir,
        "Shares.csv",
        fixtures::linkedin_shares(&li).as_bytes(),
    );
    // --json: risky posts only, hold before review.
    let r = audit(&["--json"], &path);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let verdicts: Vec<&str> = doc["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["hold", "hold", "review"]);
    assert_eq!(doc["summary"]["posts"], 6);
    // --min hold --since: the second day on.
    let r = audit(
        &[
            "--jsonl",
            "--min",
            "hold",
            "--since",
            &iso(1_680_000_000 + 86_400)[..10],
        ],
        &path,
    );
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["text"], RISKY[1]);
    // --csv: embedded newlines and quotes survive the round trip.
    let r = audit(&["--csv", "--min", "review"], &path);
    let mut rdr = csv::Reader::from_reader(r.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][0], "linkedin");
    assert!(RISKY.contains(&&rows[0][7]));
    // Human output names the link to open.
    let r = audit(&[], &path);
    assert!(
        r.stdout.contains(&fixtures::linkedin_share_link(&li[0].id)),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("HOLD"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_is_named_and_the_rest_scanned() {
    let dir = tmp("bad");
    let x = posts(1_050_118_621_198_921_700, 1_539_202_700);
    let js = fixtures::x_tweets(&x, true).replacen("\"full_text\"", "\"no_text\"", 1);
    let zip = fixtures::zip(&[("data/tweets.js", js.as_bytes())]);
    let r = audit(&["--jsonl"], &write(&dir, "x.zip", &zip));
    assert_eq!(r.code, 5, "a malformed record makes the run an error");
    assert_eq!(
        lines(&r.stdout).len(),
        5,
        "the other posts are still scanned"
    );
    assert!(
        r.stderr.contains(
            "bedside: data/tweets.js record 0: post 1050118621198921700 has no `full_text`"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.lines().last().unwrap().contains("1 error"),
        "{}",
        r.stderr
    );

    let cut = &zip[..zip.len() / 2];
    let r = audit(&["--jsonl"], &write(&dir, "corrupt.zip", cut));
    assert_eq!(r.code, 5);
    assert!(
        r.stderr.contains("corrupt.zip: not a readable zip archive"),
        "{}",
        r.stderr
    );

    let r = audit(&[], &write(&dir, "notes.txt", b"hello"));
    assert_eq!(r.code, 5);
    assert!(
        r.stderr
            .contains("notes.txt: no posts found. Expected an X archive"),
        "{}",
        r.stderr
    );

    let r = audit(&[], &dir.join("missing.zip"));
    assert_eq!(r.code, 4);
    std::fs::remove_dir_all(&dir).unwrap();
}
