//! Archives built from the formats (see `fixtures`), read back exactly: zip, folder and
//! single file; old and new layouts; escaped UTF-8; CSV quoting; broken input.

use std::path::PathBuf;

use crate::fixtures::{self, Post};
use crate::*;

const ACCENTS: &str = "Zoë’s café shift ☕️ with Dr Müller 👩‍⚕️ — שלום, «merci»";
const RISKY: &str = "Mrs Alvarez in room 412 finally got her HIV results back 😢";

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bedside-archive-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write_tree(root: &std::path::Path, files: &[(&str, &[u8])]) {
    for (p, data) in files {
        let path = root.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, data).unwrap();
    }
}

fn read_zip(name: &str, bytes: Vec<u8>, options: Options) -> Result<Batch, ArchiveError> {
    let zip = Zip::new(name, std::io::Cursor::new(bytes))?;
    Ok(Archive::open(zip, options)?.read_all())
}

fn read_path(path: &std::path::Path) -> Result<Batch, ArchiveError> {
    Ok(Archive::open(open_path(path)?, Options::default())?.read_all())
}

fn rec(
    site: Site,
    kind: Kind,
    id: &str,
    date: &str,
    url: Option<&str>,
    text: &str,
    photos: u32,
) -> Record {
    Record {
        site,
        kind,
        id: id.into(),
        date: date.into(),
        url: url.map(String::from),
        text: text.into(),
        photos,
    }
}

fn x_posts() -> Vec<Post> {
    let mut reply = Post::new(
        "1050118621198921728",
        1_539_202_764,
        "@someone agreed, Q&A <3 at 5 > 4",
    );
    reply.reply = true;
    let mut photo = Post::new("1050118621198921729", 1_539_202_800, ACCENTS);
    photo.photos = 2;
    vec![
        Post::new("1050118621198921727", 1_539_202_700, RISKY),
        reply,
        photo,
    ]
}

#[test]
fn x_zip_new_layout_split_parts_long_posts_and_handle() {
    let posts = x_posts();
    let long = format!(
        "{RISKY} and the rest of a very long post that X keeps in note-tweet.js {}",
        "word ".repeat(80)
    );
    let truncated = Post::new(
        "1050118621198921730",
        1_539_203_000,
        &format!("{}… https://t.co/abc", &long[..120]),
    );
    let note = Post::new("1050118621198921730", 1_539_203_000, &long);
    let part1 = fixtures::x_tweets(&[truncated], true).replace(".part0", ".part1");
    let zip = fixtures::zip(&[
        (
            "data/account.js",
            fixtures::x_account("night_nurse").as_bytes(),
        ),
        (
            "data/tweets.js",
            fixtures::x_tweets(&posts, true).as_bytes(),
        ),
        ("data/tweets-part1.js", part1.as_bytes()),
        ("data/note-tweet.js", fixtures::x_notes(&[note]).as_bytes()),
        (
            "data/tweets_media/1050118621198921729-a.jpg",
            &[0xFF, 0xD8, 0xFF][..],
        ),
        (
            "data/ad-engagements.js",
            b"window.YTD.ad_engagements.part0 = []",
        ),
        ("Your archive.html", b"<html></html>"),
    ]);
    let b = read_zip("twitter-2024.zip", zip, Options::default()).unwrap();
    assert_eq!(b.errors, vec![]);
    let url = |id: &str| format!("https://x.com/night_nurse/status/{id}");
    assert_eq!(
        b.records,
        vec![
            // `tweets-part1.js` sorts before `tweets.js`.
            rec(
                Site::X,
                Kind::Post,
                "1050118621198921730",
                "2018-10-10T20:23:20Z",
                Some(&url("1050118621198921730")),
                &long,
                0
            ),
            rec(
                Site::X,
                Kind::Post,
                "1050118621198921727",
                "2018-10-10T20:18:20Z",
                Some(&url("1050118621198921727")),
                RISKY,
                0
            ),
            rec(
                Site::X,
                Kind::Comment,
                "1050118621198921728",
                "2018-10-10T20:19:24Z",
                Some(&url("1050118621198921728")),
                "@someone agreed, Q&A <3 at 5 > 4",
                0
            ),
            rec(
                Site::X,
                Kind::Post,
                "1050118621198921729",
                "2018-10-10T20:20:00Z",
                Some(&url("1050118621198921729")),
                ACCENTS,
                2
            ),
        ]
    );
}

#[test]
fn x_old_layout_folder_and_single_file() {
    let posts = x_posts();
    let dir = tmp("x-old");
    write_tree(
        &dir,
        &[(
            "data/tweet.js",
            fixtures::x_tweets(&posts, false).as_bytes(),
        )],
    );
    let from_dir = read_path(&dir).unwrap();
    assert_eq!(from_dir.errors, vec![]);
    assert_eq!(from_dir.records.len(), 3);
    // No account.js: the handle-free link still opens the post.
    assert_eq!(
        from_dir.records[0].url.as_deref(),
        Some("https://x.com/i/web/status/1050118621198921727")
    );
    assert_eq!(from_dir.records[2].text, ACCENTS);
    let single = read_path(&dir.join("data/tweet.js")).unwrap();
    assert_eq!(single.records, from_dir.records);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn x_a_post_missing_its_text_is_reported_and_the_rest_read() {
    let posts = x_posts();
    let js = fixtures::x_tweets(&posts, true).replacen("\"full_text\"", "\"no_text\"", 1);
    let zip = fixtures::zip(&[("data/tweets.js", js.as_bytes())]);
    let b = read_zip("x.zip", zip, Options::default()).unwrap();
    assert_eq!(b.records.len(), 2);
    assert_eq!(b.errors.len(), 1);
    assert_eq!(b.errors[0].file, "data/tweets.js");
    assert_eq!(b.errors[0].index, Some(0));
    assert!(b.errors[0].message.contains("full_text"), "{}", b.errors[0]);
}

#[test]
fn x_messages_only_when_asked_and_only_the_accounts_own() {
    let dms = r#"window.YTD.direct_messages.part0 = [ {"dmConversation": {"conversationId": "1234567890-555", "messages": [
      {"messageCreate": {"recipientId": "555", "reactions": [], "urls": [], "text": "Pt in bed 4 is a 67 y/o w/ stage IV pancreatic cancer", "mediaUrls": [], "senderId": "1234567890", "id": "1600000000000000001", "createdAt": "2022-11-30T08:00:00.000Z"}},
      {"messageCreate": {"recipientId": "1234567890", "text": "what they wrote", "senderId": "555", "id": "1600000000000000002", "createdAt": "2022-11-30T08:01:00.000Z"}}]}} ]"#;
    let files = [
        ("data/account.js", fixtures::x_account("night_nurse")),
        ("data/tweets.js", fixtures::x_tweets(&x_posts(), true)),
        ("data/direct-messages.js", dms.to_string()),
    ];
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, d)| (*p, d.as_bytes())).collect();
    let off = read_zip("x.zip", fixtures::zip(&files), Options::default()).unwrap();
    assert!(off.records.iter().all(|r| r.kind != Kind::Message));
    let on = read_zip(
        "x.zip",
        fixtures::zip(&files),
        Options {
            include_messages: true,
        },
    )
    .unwrap();
    let msgs: Vec<&Record> = on
        .records
        .iter()
        .filter(|r| r.kind == Kind::Message)
        .collect();
    assert_eq!(
        msgs,
        vec![&rec(
            Site::X,
            Kind::Message,
            "1600000000000000001",
            "2022-11-30T08:00:00Z",
            Some("https://x.com/messages/1234567890-555"),
            "Pt in bed 4 is a 67 y/o w/ stage IV pancreatic cancer",
            0
        )]
    );
}

fn meta_posts() -> Vec<Post> {
    let mut photo_only = Post::new("p3", 1_600_000_200, "");
    photo_only.photos = 1;
    let mut with_photo = Post::new("p2", 1_600_000_100, ACCENTS);
    with_photo.photos = 3;
    vec![
        Post::new("p1", 1_600_000_000, RISKY),
        with_photo,
        photo_only,
    ]
}

#[test]
fn facebook_new_layout_zip_with_escaped_utf8() {
    let posts = meta_posts();
    let comments = vec![
        Post::new("c1", 1_600_000_300, ACCENTS),
        Post::new("c2", 1_600_000_300, RISKY),
    ];
    let fb_posts = fixtures::facebook_posts(&posts);
    assert!(
        fb_posts.contains("\\u00c3\\u00ab"),
        "ë is escaped byte by byte as Facebook does"
    );
    let zip = fixtures::zip(&[
        (
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
            fb_posts.as_bytes(),
        ),
        (
            "your_facebook_activity/comments_and_reactions/comments.json",
            fixtures::facebook_comments(&comments).as_bytes(),
        ),
        (
            "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json",
            b"[{\"timestamp\": 1, \"data\": []}]",
        ),
        (
            "your_facebook_activity/posts/media/p2_0.jpg",
            &[0xFF, 0xD8][..],
        ),
    ]);
    let b = read_zip("facebook-nurse.zip", zip, Options::default()).unwrap();
    assert_eq!(b.errors, vec![]);
    let fb = Site::Facebook;
    assert_eq!(
        b.records,
        vec![
            // Two comments in the same second get distinct ids.
            rec(
                fb,
                Kind::Comment,
                "1600000300",
                "2020-09-13T12:31:40Z",
                None,
                ACCENTS,
                0
            ),
            rec(
                fb,
                Kind::Comment,
                "1600000300-2",
                "2020-09-13T12:31:40Z",
                None,
                RISKY,
                0
            ),
            rec(
                fb,
                Kind::Post,
                "1600000000",
                "2020-09-13T12:26:40Z",
                None,
                RISKY,
                0
            ),
            rec(
                fb,
                Kind::Post,
                "1600000100",
                "2020-09-13T12:28:20Z",
                None,
                ACCENTS,
                3
            ),
            rec(
                fb,
                Kind::Post,
                "1600000200",
                "2020-09-13T12:30:00Z",
                None,
                "",
                1
            ),
        ]
    );
}

#[test]
fn facebook_old_layout_folder() {
    let dir = tmp("fb-old");
    write_tree(
        &dir,
        &[
            (
                "posts/your_posts_1.json",
                fixtures::facebook_posts(&meta_posts()).as_bytes(),
            ),
            (
                "comments/comments.json",
                fixtures::facebook_comments(&[Post::new("c", 1_500_000_000, RISKY)]).as_bytes(),
            ),
        ],
    );
    let b = read_path(&dir).unwrap();
    assert_eq!(b.errors, vec![]);
    assert_eq!(b.records.len(), 4);
    assert_eq!(
        (b.records[0].kind, b.records[0].text.as_str()),
        (Kind::Comment, RISKY)
    );
    assert_eq!(b.records[2].text, ACCENTS);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn instagram_new_and_old_layouts() {
    let mut album = Post::new("a", 1_650_000_000, ACCENTS);
    album.photos = 2;
    let single = Post::new("s", 1_650_000_100, RISKY);
    let comments = [Post::new("c", 1_650_000_200, "Ça va? 🙏 café")];
    let new = fixtures::zip(&[
        (
            "your_instagram_activity/content/posts_1.json",
            fixtures::instagram_posts(&[album.clone(), single.clone()]).as_bytes(),
        ),
        (
            "your_instagram_activity/comments/post_comments_1.json",
            fixtures::instagram_comments(&comments, false).as_bytes(),
        ),
        ("media/posts/202201/a_0.jpg", &[0xFF][..]),
    ]);
    let b = read_zip("instagram-nurse.zip", new, Options::default()).unwrap();
    assert_eq!(b.errors, vec![]);
    let ig = Site::Instagram;
    let expected = vec![
        rec(
            ig,
            Kind::Comment,
            "1650000200",
            "2022-04-15T05:23:20Z",
            None,
            "Ça va? 🙏 café",
            0,
        ),
        rec(
            ig,
            Kind::Post,
            "1650000000",
            "2022-04-15T05:20:00Z",
            None,
            ACCENTS,
            2,
        ),
        rec(
            ig,
            Kind::Post,
            "1650000100",
            "2022-04-15T05:21:40Z",
            None,
            RISKY,
            1,
        ),
    ];
    assert_eq!(b.records, expected);
    let old = fixtures::zip(&[
        (
            "content/posts_1.json",
            fixtures::instagram_posts(&[album, single]).as_bytes(),
        ),
        (
            "comments/post_comments.json",
            fixtures::instagram_comments(&comments, true).as_bytes(),
        ),
    ]);
    let b = read_zip("instagram-old.zip", old, Options::default()).unwrap();
    assert_eq!(b.errors, vec![]);
    assert_eq!(b.records, expected);
}

#[test]
fn linkedin_csv_with_newlines_and_doubled_quotes() {
    let text =
        "Line one about \"Ward 9\",\nline two: Mrs Alvarez in room 412, MRN 48213377\n\n— Zoë 👩‍⚕️";
    let mut photo = Post::new("7012345678901234568", 1_680_000_100, "");
    photo.photos = 1;
    let shares =
        fixtures::linkedin_shares(&[Post::new("7012345678901234567", 1_680_000_000, text), photo]);
    assert!(
        shares.contains("\"\"Ward 9\"\""),
        "quotes are doubled inside a quoted field"
    );
    let comments = fixtures::linkedin_comments(&[
        Post::new(
            "7000000000000000222",
            1_680_000_200,
            "Congrats, \"well deserved\"!",
        ),
        Post::new("7000000000000000223", 1_680_000_300, ""),
        Post::new("7000000000000000224", 1_680_000_400, "Last one"),
    ]);
    let zip = fixtures::zip(&[
        ("Shares.csv", shares.as_bytes()),
        ("Comments.csv", comments.as_bytes()),
        ("Connections.csv", b"Notes:\nFirst Name,Last Name\n"),
    ]);
    let b = read_zip("Basic_LinkedInDataExport.zip", zip, Options::default()).unwrap();
    let li = Site::LinkedIn;
    let share = fixtures::linkedin_share_link("7012345678901234567");
    let share2 = fixtures::linkedin_share_link("7012345678901234568");
    let c1 = fixtures::linkedin_comment_link("7000000000000000222");
    let c3 = fixtures::linkedin_comment_link("7000000000000000224");
    assert_eq!(
        b.records,
        vec![
            rec(
                li,
                Kind::Comment,
                "7000000000000000222",
                "2023-03-28T10:43:20Z",
                Some(&c1),
                "Congrats, \"well deserved\"!",
                0
            ),
            rec(
                li,
                Kind::Comment,
                "7000000000000000224",
                "2023-03-28T10:46:40Z",
                Some(&c3),
                "Last one",
                0
            ),
            rec(
                li,
                Kind::Post,
                "7012345678901234567",
                "2023-03-28T10:40:00Z",
                Some(&share),
                text,
                0
            ),
            rec(
                li,
                Kind::Post,
                "7012345678901234568",
                "2023-03-28T10:41:40Z",
                Some(&share2),
                "",
                1
            ),
        ]
    );
    // The comment without its text is reported by file and index.
    assert_eq!(b.errors.len(), 1);
    assert_eq!(
        (b.errors[0].file.as_str(), b.errors[0].index),
        ("Comments.csv", Some(1))
    );
    assert!(b.errors[0].message.contains("Message"), "{}", b.errors[0]);
}

#[test]
fn a_corrupt_zip_is_an_error_naming_it() {
    let zip = fixtures::zip(&[(
        "data/tweets.js",
        fixtures::x_tweets(&x_posts(), true).as_bytes(),
    )]);
    let cut = zip[..zip.len() / 2].to_vec();
    let e = read_zip("twitter-2024.zip", cut, Options::default())
        .err()
        .unwrap();
    assert!(
        e.0.starts_with("twitter-2024.zip: not a readable zip archive"),
        "{e}"
    );
}

#[test]
fn a_corrupt_entry_is_reported_and_the_other_files_read() {
    let tweets = fixtures::x_tweets(&x_posts(), true);
    let fb = fixtures::facebook_posts(&meta_posts());
    let mut zip = fixtures::zip(&[
        ("data/tweets.js", tweets.as_bytes()),
        ("posts/your_posts_1.json", fb.as_bytes()),
    ]);
    // Damage the second half of the first entry's deflated data (it starts after its
    // 30-byte header and 14-byte name; its compressed size is at offset 18).
    let size = u32::from_le_bytes(zip[18..22].try_into().unwrap()) as usize;
    for b in &mut zip[44 + size / 2..44 + size / 2 + 40] {
        *b ^= 0x5A;
    }
    let b = read_zip("mixed.zip", zip, Options::default()).unwrap();
    assert!(
        b.errors
            .iter()
            .any(|e| e.file == "data/tweets.js" && e.index.is_none()),
        "{:?}",
        b.errors
    );
    assert_eq!(
        b.records
            .iter()
            .filter(|r| r.site == Site::Facebook)
            .count(),
        3
    );
}

#[test]
fn an_unknown_layout_names_what_was_expected() {
    let zip = fixtures::zip(&[("notes/readme.txt", b"hello"), ("data/other.json", b"{}")]);
    let e = read_zip("mystery.zip", zip, Options::default())
        .err()
        .unwrap();
    assert!(
        e.0.starts_with("mystery.zip: no posts found. Expected an X archive (data/tweets.js"),
        "{e}"
    );
    let dir = tmp("unknown");
    write_tree(&dir, &[("posts.json", b"{\"hello\": 1}")]);
    let e = read_path(&dir.join("posts.json")).err().unwrap();
    assert!(e.0.contains("posts.json: no posts found"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn malformed_json_is_reported_by_file_and_the_rest_read() {
    // A download cut short: the end of the file is missing.
    let whole = fixtures::facebook_posts(&meta_posts());
    let broken = &whole[..whole.len() - 30];
    let zip = fixtures::zip(&[
        (
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
            broken.as_bytes(),
        ),
        (
            "your_facebook_activity/comments_and_reactions/comments.json",
            fixtures::facebook_comments(&[Post::new("c", 1_500_000_000, RISKY)]).as_bytes(),
        ),
    ]);
    let b = read_zip("fb.zip", zip, Options::default()).unwrap();
    assert_eq!(b.records.len(), 1);
    assert_eq!(b.errors.len(), 1);
    assert!(b.errors[0]
        .file
        .ends_with("your_posts__check_ins__photos_and_videos_1.json"));
    assert!(
        b.errors[0].message.starts_with("not valid JSON"),
        "{}",
        b.errors[0]
    );
}

#[test]
fn the_benchmark_archive_reads_every_post() {
    let b = read_zip("bench.zip", fixtures::x_archive(1000), Options::default()).unwrap();
    assert_eq!(b.errors, vec![]);
    assert_eq!(b.records.len(), 1000);
    assert_eq!(
        b.records.iter().filter(|r| r.kind == Kind::Comment).count(),
        50
    );
    assert_eq!(b.records.iter().filter(|r| r.photos > 0).count(), 34);
}

#[test]
fn the_sites_are_the_registrys() {
    let mut want: Vec<&str> = sites::registry().keys().map(String::as_str).collect();
    want.sort();
    let mut have: Vec<&str> = Site::ALL.iter().map(|s| s.id()).collect();
    have.sort();
    assert_eq!(
        have, want,
        "Site::ALL must be extension/shared/sites.json's sites"
    );
    for s in Site::ALL {
        assert_eq!(
            serde_json::to_value(s).unwrap(),
            s.id(),
            "{s:?}'s JSON is its id"
        );
        assert!(!s.hosts().is_empty(), "{s:?}");
    }
    assert_eq!(Site::X.host(), "x.com");
    assert!(Site::X.links_here("https://twitter.com/a/status/1"));
    assert!(!Site::X.links_here("https://x.com.example/a"));
    assert!(!Site::X.links_here("http://x.com/a"));
}

/// Every link the audit shows, for every site and kind: on one of that site's registry hosts.
#[test]
fn every_link_is_on_a_registry_host_of_its_site() {
    let posts = || {
        vec![
            Post::new("7012345678901234567", 1_600_000_000, RISKY),
            Post::new("7012345678901234568", 1_600_000_100, ACCENTS),
        ]
    };
    let dms = r#"window.YTD.direct_messages.part0 = [ {"dmConversation": {"conversationId": "1234567890-555", "messages": [
      {"messageCreate": {"recipientId": "555", "text": "hi", "senderId": "1234567890", "id": "1600000000000000001", "createdAt": "2022-11-30T08:00:00.000Z"}}]}} ]"#;
    let archives = [
        fixtures::zip(&[
            (
                "data/account.js",
                fixtures::x_account("night_nurse").as_bytes(),
            ),
            (
                "data/tweets.js",
                fixtures::x_tweets(&x_posts(), true).as_bytes(),
            ),
            ("data/direct-messages.js", dms.as_bytes()),
        ]),
        // No account.js: X's handle-free links.
        fixtures::zip(&[(
            "data/tweets.js",
            fixtures::x_tweets(&x_posts(), false).as_bytes(),
        )]),
        fixtures::zip(&[
            (
                "posts/your_posts_1.json",
                fixtures::facebook_posts(&posts()).as_bytes(),
            ),
            (
                "comments_and_reactions/comments.json",
                fixtures::facebook_comments(&posts()).as_bytes(),
            ),
        ]),
        fixtures::zip(&[
            (
                "content/posts_1.json",
                fixtures::instagram_posts(&posts()).as_bytes(),
            ),
            (
                "comments/post_comments_1.json",
                fixtures::instagram_comments(&posts(), true).as_bytes(),
            ),
        ]),
        fixtures::zip(&[
            ("Shares.csv", fixtures::linkedin_shares(&posts()).as_bytes()),
            (
                "Comments.csv",
                fixtures::linkedin_comments(&posts()).as_bytes(),
            ),
        ]),
    ];
    let mut seen = std::collections::HashSet::new();
    for zip in archives {
        let b = read_zip(
            "a.zip",
            zip,
            Options {
                include_messages: true,
            },
        )
        .unwrap();
        assert_eq!(b.errors, vec![]);
        for r in &b.records {
            seen.insert((r.site, r.kind, r.url.is_some()));
            for url in r.url.iter().chain([&r.site.activity_url(r.kind)]) {
                assert!(
                    r.site.links_here(url),
                    "{url} ({:?} {:?}) is not on {:?}",
                    r.site,
                    r.kind,
                    r.site.hosts()
                );
            }
        }
    }
    for site in Site::ALL {
        for kind in [Kind::Post, Kind::Comment] {
            assert!(
                seen.iter().any(|s| s.0 == site && s.1 == kind),
                "{site:?} {kind:?} read"
            );
        }
    }
    assert!(seen.contains(&(Site::X, Kind::Message, true)));
    assert!(seen.contains(&(Site::LinkedIn, Kind::Post, true)));
}

/// An archive's own link is offered to be opened only when it points at the site itself.
#[test]
fn a_linkedin_link_to_another_host_is_not_kept() {
    let good = fixtures::linkedin_share_link("7012345678901234567");
    let shares =
        fixtures::linkedin_shares(&[Post::new("7012345678901234567", 1_680_000_000, RISKY)])
            .replace(
                &good,
                "https://linkedin.example.com/feed/update/urn:li:share:7012345678901234567",
            );
    assert!(!shares.contains(&good));
    let b = read_zip(
        "li.zip",
        fixtures::zip(&[("Shares.csv", shares.as_bytes())]),
        Options::default(),
    )
    .unwrap();
    assert_eq!(b.records.len(), 1);
    assert_eq!(b.records[0].url, None);
    assert_eq!(b.records[0].id, "7012345678901234567");
}
