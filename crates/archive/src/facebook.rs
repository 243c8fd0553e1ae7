//! Facebook's "Download your information" in JSON format.
//!
//! - posts: `your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`
//!   (older: `posts/your_posts_1.json`), `[{timestamp, data: [{post}], title, attachments:
//!   [{data: [{media: {...}}]}]}]`. An entry without `data[].post` is an activity line
//!   ("... updated her profile picture"), not words the user wrote, and is skipped.
//! - comments: `.../comments_and_reactions/comments.json` (older: `comments/comments.json`),
//!   `{"comments_v2": [{timestamp, data: [{comment: {comment, author}}], title}]}`.
//!
//! Text is escaped UTF-8 (see `mojibake`).

use serde_json::Value;

use crate::detect::Format;
use crate::mojibake::repair;
use crate::{date, Kind, Out, Record, Site};

pub(crate) fn read(format: Format, bytes: &[u8], out: &mut Out) {
    let v: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return out.error(None, format!("not valid JSON: {e}")),
    };
    match format {
        Format::FacebookPosts => posts(&v, out),
        _ => comments(&v, out),
    }
}

fn timestamp(item: &Value) -> Option<String> {
    date::from_unix(item.get("timestamp")?.as_i64()?)
}

fn posts(v: &Value, out: &mut Out) {
    let Some(items) = v.as_array() else {
        return out.error(
            None,
            "expected a list of posts `[{\"timestamp\", \"data\"}]`",
        );
    };
    for (i, item) in items.iter().enumerate() {
        let Some(date) = timestamp(item) else {
            out.error(Some(i), "the post has no `timestamp`");
            continue;
        };
        let text: Vec<&str> = item
            .get("data")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|d| d.get("post")?.as_str())
            .collect();
        let photos = item
            .get("attachments")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| a.get("data")?.as_array())
            .flatten()
            .filter(|d| d.get("media").is_some())
            .count() as u32;
        if text.is_empty() && photos == 0 {
            continue;
        }
        out.record(Record {
            site: Site::Facebook,
            kind: Kind::Post,
            id: String::new(),
            date,
            url: None,
            text: repair(&text.join("\n")).into_owned(),
            photos,
        });
    }
}

fn comments(v: &Value, out: &mut Out) {
    let Some(items) = v
        .get("comments_v2")
        .or_else(|| v.get("comments"))
        .and_then(Value::as_array)
    else {
        return out.error(None, "expected `{\"comments_v2\": [...]}`");
    };
    for (i, item) in items.iter().enumerate() {
        let Some(date) = timestamp(item) else {
            out.error(Some(i), "the comment has no `timestamp`");
            continue;
        };
        let text = item
            .get("data")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .find_map(|d| d.get("comment")?.get("comment")?.as_str());
        let Some(text) = text else {
            out.error(Some(i), "the comment has no `data[].comment.comment` text");
            continue;
        };
        out.record(Record {
            site: Site::Facebook,
            kind: Kind::Comment,
            id: String::new(),
            date,
            url: None,
            text: repair(text).into_owned(),
            photos: 0,
        });
    }
}
