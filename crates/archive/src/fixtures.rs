//! Archives written from the formats, for tests and the benchmark (feature `fixtures`).
//! Each writer follows the layout documented in its reader's module; Facebook's and
//! Instagram's JSON escape every non-ASCII byte as `\u00XX`, as theirs do.

use std::io::Write;

use serde_json::{json, Value};
use time::macros::format_description;
use time::OffsetDateTime;

/// One post as a test states it.
#[derive(Debug, Clone)]
pub struct Post {
    pub id: String,
    pub unix: i64,
    pub text: String,
    /// X: a reply to another account (a comment).
    pub reply: bool,
    pub photos: u32,
}

impl Post {
    pub fn new(id: &str, unix: i64, text: &str) -> Post {
        Post {
            id: id.into(),
            unix,
            text: text.into(),
            reply: false,
            photos: 0,
        }
    }
}

/// `Wed Oct 10 20:19:24 +0000 2018`
pub fn x_date(unix: i64) -> String {
    let f = format_description!(
        "[weekday repr:short] [month repr:short] [day] [hour]:[minute]:[second] +0000 [year]"
    );
    OffsetDateTime::from_unix_timestamp(unix)
        .unwrap()
        .format(f)
        .unwrap()
}

pub const X_ACCOUNT_ID: &str = "1234567890";

fn ytd(name: &str, items: Vec<Value>) -> String {
    format!(
        "window.YTD.{name}.part0 = {}",
        serde_json::to_string_pretty(&Value::Array(items)).unwrap()
    )
}

/// `tweets.js` (`new_layout`: `window.YTD.tweets` with `{"tweet": ...}` wrappers) or the
/// older `tweet.js` (`window.YTD.tweet`, bare objects).
pub fn x_tweets(posts: &[Post], new_layout: bool) -> String {
    let items = posts
        .iter()
        .map(|p| {
            let escaped = p.text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            let media: Vec<Value> = (0..p.photos)
                .map(|k| json!({"id_str": format!("{}{k}", p.id), "type": "photo", "media_url_https": format!("https://pbs.twimg.com/media/{}{k}.jpg", p.id)}))
                .collect();
            let mut t = json!({
                "edit_info": {"initial": {"editTweetIds": [p.id], "editableUntil": "2023-01-01T00:00:00.000Z", "editsRemaining": "5", "isEditEligible": true}},
                "retweeted": false,
                "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
                "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
                "display_text_range": ["0", p.text.chars().count().to_string()],
                "favorite_count": "3",
                "id_str": p.id,
                "truncated": false,
                "retweet_count": "0",
                "id": p.id,
                "created_at": x_date(p.unix),
                "favorited": false,
                "full_text": escaped,
                "lang": "en",
            });
            if p.reply {
                t["in_reply_to_status_id_str"] = json!("1111111111");
                t["in_reply_to_user_id_str"] = json!("999");
                t["in_reply_to_screen_name"] = json!("someone");
            }
            if !media.is_empty() {
                t["entities"]["media"] = json!(media.clone());
                t["extended_entities"] = json!({ "media": media });
            }
            if new_layout {
                json!({ "tweet": t })
            } else {
                t
            }
        })
        .collect();
    ytd(if new_layout { "tweets" } else { "tweet" }, items)
}

pub fn x_account(username: &str) -> String {
    ytd(
        "account",
        vec![
            json!({"account": {"email": "nurse@example.org", "createdVia": "web", "username": username, "accountId": X_ACCOUNT_ID, "createdAt": "2012-01-01T00:00:00.000Z", "accountDisplayName": "A Nurse"}}),
        ],
    )
}

/// `note-tweet.js`: the full text of long posts, created at the same second.
pub fn x_notes(posts: &[Post]) -> String {
    let items = posts
        .iter()
        .map(|p| {
            let created = OffsetDateTime::from_unix_timestamp(p.unix)
                .unwrap()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap();
            json!({"noteTweet": {"noteTweetId": format!("9{}", p.id), "updatedAt": created, "lifecycle": {"value": "0", "name": "Default", "originalName": "Default"}, "createdAt": created, "core": {"styletags": [], "urls": [], "text": p.text, "mentions": [], "cashtags": [], "hashtags": []}}})
        })
        .collect();
    ytd("note_tweet", items)
}

/// Facebook's and Instagram's JSON: pretty-printed, non-ASCII bytes as `\u00XX`.
pub fn meta_json(v: &Value) -> String {
    let s = serde_json::to_string_pretty(v).unwrap();
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b < 0x80 {
            out.push(b as char);
        } else {
            out.push_str(&format!("\\u00{b:02x}"));
        }
    }
    out
}

pub fn facebook_posts(posts: &[Post]) -> String {
    let items: Vec<Value> = posts
        .iter()
        .map(|p| {
            let mut v = json!({"timestamp": p.unix, "data": [{"post": p.text}, {"update_timestamp": p.unix}], "title": "A Nurse updated her status."});
            if p.text.is_empty() {
                v["data"] = json!([]);
            }
            if p.photos > 0 {
                v["attachments"] = json!([{"data": (0..p.photos).map(|k| json!({"media": {"uri": format!("your_facebook_activity/posts/media/{}_{k}.jpg", p.id), "creation_timestamp": p.unix, "title": "", "description": ""}})).collect::<Vec<_>>()}]);
            }
            v
        })
        .collect();
    meta_json(&Value::Array(items))
}

pub fn facebook_comments(posts: &[Post]) -> String {
    let items: Vec<Value> = posts
        .iter()
        .map(|p| json!({"timestamp": p.unix, "data": [{"comment": {"timestamp": p.unix, "comment": p.text, "author": "Zoë Nurse"}}], "title": "Zoë Nurse commented on Dr Müller's post."}))
        .collect();
    meta_json(&json!({ "comments_v2": items }))
}

pub fn instagram_posts(posts: &[Post]) -> String {
    let items: Vec<Value> = posts
        .iter()
        .map(|p| {
            let media: Vec<Value> = (0..p.photos.max(1))
                .map(|k| json!({"uri": format!("media/posts/202301/{}_{k}.jpg", p.id), "creation_timestamp": p.unix, "media_metadata": {}, "title": if p.photos > 1 { "" } else { p.text.as_str() }, "cross_post_source": {"source_app": "FB"}}))
                .collect();
            if p.photos > 1 {
                json!({"media": media, "title": p.text, "creation_timestamp": p.unix})
            } else {
                json!({ "media": media })
            }
        })
        .collect();
    meta_json(&Value::Array(items))
}

pub fn instagram_comments(posts: &[Post], wrapped: bool) -> String {
    let items: Vec<Value> = posts
        .iter()
        .map(|p| json!({"media_list_data": [{"uri": ""}], "string_map_data": {"Comment": {"value": p.text}, "Media Owner": {"value": "a.friend"}, "Time": {"timestamp": p.unix}}}))
        .collect();
    if wrapped {
        meta_json(&json!({ "comments_media_comments": items }))
    } else {
        meta_json(&Value::Array(items))
    }
}

fn linkedin_date(unix: i64) -> String {
    let f = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    OffsetDateTime::from_unix_timestamp(unix)
        .unwrap()
        .format(f)
        .unwrap()
}

pub fn linkedin_share_link(id: &str) -> String {
    format!("https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{id}")
}

pub fn linkedin_comment_link(id: &str) -> String {
    format!("https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7000000000000000001%2C{id}%29")
}

pub fn linkedin_shares(posts: &[Post]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "Date",
        "ShareLink",
        "ShareCommentary",
        "SharedUrl",
        "MediaUrl",
        "Visibility",
    ])
    .unwrap();
    for p in posts {
        let media = if p.photos > 0 {
            format!("https://media.licdn.com/{}.jpg", p.id)
        } else {
            String::new()
        };
        w.write_record([
            &linkedin_date(p.unix),
            &linkedin_share_link(&p.id),
            &p.text,
            "",
            &media,
            "MEMBER_NETWORK",
        ])
        .unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

pub fn linkedin_comments(posts: &[Post]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["Date", "Link", "Message"]).unwrap();
    for p in posts {
        w.write_record([
            &linkedin_date(p.unix),
            &linkedin_comment_link(&p.id),
            &p.text,
        ])
        .unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// A deflated zip of `files` (path, contents).
pub fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (path, data) in files {
        z.start_file(*path, opts).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// An X archive of `n` posts in the current layout (the benchmark's): one in ten risky,
/// one in twenty a reply, one in thirty with a photo, and a photo file beside the data.
pub fn x_archive(n: usize) -> Vec<u8> {
    const CLEAN: [&str; 5] = [
        "Proud of our team today, we ran the hospital 5K together and raised money for the food bank!",
        "Night shift coffee hits different at 3am. Who else is on tonight? #nursing",
        "Just passed my CCRN exam after months of studying. Thank you to everyone who quizzed me.",
        "Great talk on sepsis bundles at the conference this morning; slides are on the society's website.",
        "Reminder: get your flu shot, it protects you and the people you care for.",
    ];
    const RISKY: [&str; 3] = [
        "Mrs Alvarez in room 412 finally got her HIV results back, poor thing, MRN 48213377",
        "Can't believe the guy in bed 7 overdosed again, third time this month, frequent flyer lol",
        "Our charge nurse is a complete idiot and management is firing half the unit next week, don't tell anyone",
    ];
    let posts: Vec<Post> = (0..n)
        .map(|i| {
            let text = if i % 10 == 0 {
                RISKY[i / 10 % 3]
            } else {
                CLEAN[i % 5]
            };
            Post {
                id: (1_000_000_000_000_000_000u64 + i as u64).to_string(),
                unix: 1_400_000_000 + i as i64 * 3_000,
                text: format!("{text} ({i})"),
                reply: i % 20 == 0,
                photos: u32::from(i % 30 == 0),
            }
        })
        .collect();
    let tweets = x_tweets(&posts, true);
    let account = x_account("night_nurse");
    zip(&[
        ("data/account.js", account.as_bytes()),
        ("data/tweets.js", tweets.as_bytes()),
        (
            "data/tweets_media/1000000000000000000-a.jpg",
            &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10][..],
        ),
        (
            "Your archive.html",
            b"<!doctype html><title>Your archive</title>",
        ),
    ])
}
