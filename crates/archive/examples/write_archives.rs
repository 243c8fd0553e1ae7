//! Writes the browser tests' archives (one zip per site, from `fixtures`) and
//! `expected.json`, what each should yield; with `--x-posts N`, only a generated X
//! archive of N posts (`x-N.zip`) for the page benchmark.
//!
//! cargo run --release -p bedside-archive --features fixtures --example write_archives -- DIR [--x-posts N]

use std::path::Path;

use bedside_archive::fixtures::{self, Post};
use serde_json::json;

const RISKY: [&str; 2] = [
    "Mrs Alvarez in room 412 finally got her HIV results back, poor thing, MRN 48213377 😢",
    "Pt in bed 4 is a 67 y/o w/ stage IV pancreatic cancer, family doesn't know yet. Zoë 👩‍⚕️",
];
const CLEAN: [&str; 2] = [
    "Café au lait with the team after a long shift ☕️ 👩‍⚕️ «merci»",
    "Great talk on sepsis bundles at the conference this morning,\n\"slides\" are online.",
];

fn posts(id0: u64, unix0: i64) -> Vec<Post> {
    RISKY
        .iter()
        .chain(CLEAN.iter())
        .enumerate()
        .map(|(i, t)| {
            let mut p = Post::new(
                &(id0 + i as u64).to_string(),
                unix0 + i as i64 * 40_000_000,
                t,
            );
            p.photos = u32::from(i == 0);
            p
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = Path::new(
        args.first()
            .expect("usage: write_archives DIR [--x-posts N]"),
    );
    std::fs::create_dir_all(dir).unwrap();
    if let Some(n) = args
        .iter()
        .position(|a| a == "--x-posts")
        .map(|i| args[i + 1].parse::<usize>().unwrap())
    {
        std::fs::write(dir.join(format!("x-{n}.zip")), fixtures::x_archive(n)).unwrap();
        return;
    }
    let x = posts(1_050_118_621_198_921_700, 1_400_000_000);
    let fb = posts(1, 1_500_000_000);
    let ig = posts(1, 1_550_000_000);
    let li = posts(7_012_345_678_901_234_500, 1_600_000_000);
    let zips = [
        (
            "x.zip",
            fixtures::zip(&[
                (
                    "data/account.js",
                    fixtures::x_account("night_nurse").as_bytes(),
                ),
                ("data/tweets.js", fixtures::x_tweets(&x, true).as_bytes()),
                (
                    "data/tweets_media/1050118621198921700-a.jpg",
                    &[0xFF, 0xD8, 0xFF][..],
                ),
            ]),
        ),
        (
            "facebook.zip",
            fixtures::zip(&[(
                "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
                fixtures::facebook_posts(&fb).as_bytes(),
            )]),
        ),
        (
            "instagram.zip",
            fixtures::zip(&[(
                "your_instagram_activity/comments/post_comments_1.json",
                fixtures::instagram_comments(&ig, false).as_bytes(),
            )]),
        ),
        (
            "linkedin.zip",
            fixtures::zip(&[("Shares.csv", fixtures::linkedin_shares(&li).as_bytes())]),
        ),
    ];
    for (name, bytes) in &zips {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    // X's two files picked by hand, outside their archive.
    std::fs::create_dir_all(dir.join("x-loose")).unwrap();
    std::fs::write(dir.join("x-loose/tweets.js"), fixtures::x_tweets(&x, true)).unwrap();
    std::fs::write(
        dir.join("x-loose/account.js"),
        fixtures::x_account("night_nurse"),
    )
    .unwrap();
    // The same Facebook archive as an extracted folder (older layout) beside a photo.
    let folder = dir.join("facebook-folder");
    std::fs::create_dir_all(folder.join("posts/media")).unwrap();
    std::fs::write(
        folder.join("posts/your_posts_1.json"),
        fixtures::facebook_posts(&fb),
    )
    .unwrap();
    std::fs::write(folder.join("posts/media/1.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    let list = |site: &str, kind: &str, ps: &[Post], url: &dyn Fn(&Post) -> Option<String>| {
        ps.iter()
            .map(|p| json!({"site": site, "kind": kind, "id": p.id, "unix": p.unix, "text": p.text, "url": url(p), "risky": RISKY.contains(&p.text.as_str()), "photos": if kind == "comment" { 0 } else { p.photos }}))
            .collect::<Vec<_>>()
    };
    let expected = json!({
        "x.zip": list("x", "post", &x, &|p| Some(format!("https://x.com/night_nurse/status/{}", p.id))),
        "facebook.zip": list("facebook", "post", &fb, &|_| None),
        "instagram.zip": list("instagram", "comment", &ig, &|_| None),
        "linkedin.zip": list("linkedin", "post", &li, &|p| Some(fixtures::linkedin_share_link(&p.id))),
    });
    std::fs::write(
        dir.join("expected.json"),
        serde_json::to_string_pretty(&expected).unwrap(),
    )
    .unwrap();
}
