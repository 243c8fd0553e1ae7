//! Instagram's "Download your information" in JSON format.
//!
//! - posts: `your_instagram_activity/content/posts_1.json` (older: `content/posts_1.json`),
//!   `[{media: [{uri, creation_timestamp, title}], title?, creation_timestamp?}]`: a
//!   single photo carries the caption in `media[0].title`, an album in the outer `title`.
//! - comments: `your_instagram_activity/comments/post_comments_1.json` (older:
//!   `comments/post_comments.json`, sometimes wrapped as `{"comments_media_comments": [...]}`),
//!   `[{string_map_data: {Comment: {value}, Time: {timestamp}}}]`.
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
    // The list itself, or the one list inside a wrapping object.
    let items = v.as_array().or_else(|| {
        v.as_object()?
            .values()
            .find_map(|x| x.as_array().filter(|a| !a.is_empty()))
    });
    let Some(items) = items else {
        return out.error(None, "expected a list of posts or comments");
    };
    for (i, item) in items.iter().enumerate() {
        match format {
            Format::InstagramPosts => post(i, item, out),
            _ => comment(i, item, out),
        }
    }
}

fn text(v: Option<&Value>) -> Option<&str> {
    v?.as_str().filter(|s| !s.is_empty())
}

fn post(i: usize, item: &Value, out: &mut Out) {
    let media: &[Value] = item
        .get("media")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    let first = media.first();
    let caption = text(item.get("title")).or_else(|| text(first.and_then(|m| m.get("title"))));
    let ts = item
        .get("creation_timestamp")
        .or_else(|| first?.get("creation_timestamp"))
        .and_then(Value::as_i64);
    let Some(date) = ts.and_then(date::from_unix) else {
        return out.error(Some(i), "the post has no `creation_timestamp`");
    };
    if caption.is_none() && media.is_empty() {
        return out.error(Some(i), "the post has neither `media` nor a `title`");
    }
    out.record(Record {
        site: Site::Instagram,
        kind: Kind::Post,
        id: String::new(),
        date,
        url: None,
        text: repair(caption.unwrap_or("")).into_owned(),
        photos: media.len() as u32,
    });
}

fn comment(i: usize, item: &Value, out: &mut Out) {
    let map = item.get("string_map_data");
    let value = map.and_then(|m| m.get("Comment")?.get("value"));
    let Some(text) = text(value) else {
        return out.error(
            Some(i),
            "the comment has no `string_map_data.Comment.value`",
        );
    };
    let Some(date) = map
        .and_then(|m| m.get("Time")?.get("timestamp")?.as_i64())
        .and_then(date::from_unix)
    else {
        return out.error(
            Some(i),
            "the comment has no `string_map_data.Time.timestamp`",
        );
    };
    out.record(Record {
        site: Site::Instagram,
        kind: Kind::Comment,
        id: String::new(),
        date,
        url: None,
        text: repair(text).into_owned(),
        photos: 0,
    });
}
