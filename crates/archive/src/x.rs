//! X's archive: JavaScript files `window.YTD.<name>.partN = [ ... ]` whose array is JSON.
//!
//! - posts: `tweets.js` (`tweet.js` in older archives, where the objects are not wrapped
//!   in `{"tweet": ...}`), `{id_str, full_text, created_at, in_reply_to_user_id_str,
//!   entities, extended_entities}`; `full_text` escapes `&`, `<`, `>` as HTML entities.
//! - long posts: `note-tweet.js`, `{"noteTweet": {createdAt, core: {text}}}`; the post in
//!   `tweets.js` holds only the start, so the note's text replaces it.
//! - the handle: `account.js`, `{"account": {username, accountId}}`.
//! - messages: `direct-messages.js`, `{"dmConversation": {conversationId, messages:
//!   [{"messageCreate": {id, senderId, text, createdAt}}]}}`.

use std::collections::HashMap;

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::detect::Format;
use crate::{date, Entry, Kind, Out, Record, RecordError, Site};

#[derive(Default)]
pub(crate) struct Account {
    username: Option<String>,
    id: Option<String>,
    /// Long posts by their creation time: (text, start to match a post's text against).
    notes: HashMap<String, Vec<String>>,
}

/// The JSON array after `window.YTD.<name>.partN =`.
fn array<'a>(file: &str, bytes: &'a [u8]) -> Result<Vec<&'a RawValue>, RecordError> {
    let whole = |message: String| RecordError {
        file: file.to_string(),
        index: None,
        message,
    };
    let s = std::str::from_utf8(bytes).map_err(|e| {
        whole(format!(
            "not valid UTF-8: bad byte at offset {}",
            e.valid_up_to()
        ))
    })?;
    let eq = s
        .find('=')
        .ok_or_else(|| whole("expected `window.YTD.<name>.part0 = [` before the data".into()))?;
    let body = s[eq + 1..].trim().trim_end_matches(';');
    serde_json::from_str(body).map_err(|e| whole(format!("expected a JSON array after `=`: {e}")))
}

#[derive(Deserialize)]
struct Wrapped<T> {
    #[serde(alias = "account", alias = "noteTweet", alias = "dmConversation")]
    tweet: T,
}

/// Objects come wrapped (`{"tweet": {...}}`) in newer archives, bare in older ones.
fn item<'a, T: Deserialize<'a>>(raw: &'a RawValue) -> Result<T, serde_json::Error> {
    let s = raw.get().trim_start();
    let inner = s.strip_prefix('{').unwrap_or(s).trim_start();
    let wrapped = [
        "\"tweet\"",
        "\"account\"",
        "\"noteTweet\"",
        "\"dmConversation\"",
    ]
    .iter()
    .any(|k| inner.starts_with(k));
    if wrapped {
        serde_json::from_str::<Wrapped<T>>(raw.get()).map(|w| w.tweet)
    } else {
        serde_json::from_str(raw.get())
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AccountInfo {
    username: Option<String>,
    account_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Note {
    created_at: Option<String>,
    core: Option<NoteCore>,
}

#[derive(Deserialize)]
struct NoteCore {
    text: Option<String>,
}

#[derive(Deserialize)]
struct Tweet {
    id_str: Option<String>,
    full_text: Option<String>,
    /// Older archives.
    text: Option<String>,
    created_at: Option<String>,
    in_reply_to_user_id_str: Option<String>,
    entities: Option<Entities>,
    extended_entities: Option<Entities>,
}

#[derive(Deserialize)]
struct Entities {
    media: Option<Vec<IgnoredAny>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Conversation {
    conversation_id: Option<String>,
    #[serde(default)]
    messages: Vec<MessageEvent>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MessageEvent {
    message_create: Option<Message>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Message {
    id: Option<String>,
    sender_id: Option<String>,
    text: Option<String>,
    created_at: Option<String>,
}

/// `&amp;`, `&lt;`, `&gt;`: the only entities X writes.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// What a truncated post and its note both start with.
fn stem(s: &str) -> &str {
    let cut = s
        .find('…')
        .or_else(|| s.find("https://t.co/"))
        .unwrap_or(s.len());
    let s = s[..cut].trim_end();
    let end = s.char_indices().nth(40).map(|(i, _)| i).unwrap_or(s.len());
    &s[..end]
}

impl Account {
    pub fn add(&mut self, e: &Entry, bytes: &[u8]) -> Result<(), RecordError> {
        let items = array(&e.path, bytes)?;
        for raw in items {
            match e.format {
                Format::XAccount => {
                    if let Ok(a) = item::<AccountInfo>(raw) {
                        self.username = self.username.take().or(a.username);
                        self.id = self.id.take().or(a.account_id);
                    }
                }
                Format::XNotes => {
                    if let Ok(Note {
                        created_at: Some(c),
                        core: Some(NoteCore { text: Some(t) }),
                    }) = item::<Note>(raw)
                    {
                        if let Some(d) = date::from_rfc3339(&c) {
                            self.notes.entry(d).or_default().push(t);
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn post_url(&self, id: &str) -> String {
        match &self.username {
            Some(u) => format!("https://{}/{u}/status/{id}", Site::X.host()),
            // Without account.js (a single tweets.js), X's handle-free form.
            None => format!("https://{}/i/web/status/{id}", Site::X.host()),
        }
    }

    pub fn read(&self, format: Format, bytes: &[u8], out: &mut Out) {
        let items = match array(out.file, bytes) {
            Ok(items) => items,
            Err(e) => return out.batch.errors.push(e),
        };
        for (i, raw) in items.into_iter().enumerate() {
            match format {
                Format::XMessages => self.messages(i, raw, out),
                _ => self.tweet(i, raw, out),
            }
        }
    }

    fn tweet(&self, i: usize, raw: &RawValue, out: &mut Out) {
        let t: Tweet = match item(raw) {
            Ok(t) => t,
            Err(e) => return out.error(Some(i), format!("not a post: {e}")),
        };
        let Some(id) = t.id_str else {
            return out.error(Some(i), "the post has no `id_str`");
        };
        let Some(text) = t.full_text.or(t.text) else {
            return out.error(Some(i), format!("post {id} has no `full_text`"));
        };
        let Some(date) = t.created_at.as_deref().and_then(date::from_x) else {
            return out.error(
                Some(i),
                format!("post {id}: `created_at` is missing or not like `Wed Oct 10 20:19:24 +0000 2018`"),
            );
        };
        let mut text = unescape(&text);
        if let Some(notes) = self.notes.get(&date) {
            let s = stem(&text);
            if let Some(full) = notes.iter().find(|n| n.starts_with(s)) {
                text = full.clone();
            }
        }
        // A reply to someone else is a comment; a reply to oneself continues a thread.
        let kind = match (&t.in_reply_to_user_id_str, &self.id) {
            (Some(to), Some(me)) if to == me => Kind::Post,
            (Some(_), _) => Kind::Comment,
            (None, _) => Kind::Post,
        };
        let media = |e: &Option<Entities>| {
            e.as_ref()
                .and_then(|e| e.media.as_ref())
                .map_or(0, Vec::len)
        };
        let photos = media(&t.extended_entities).max(media(&t.entities)) as u32;
        out.record(Record {
            site: Site::X,
            kind,
            url: Some(self.post_url(&id)),
            id,
            date,
            text,
            photos,
        });
    }

    fn messages(&self, i: usize, raw: &RawValue, out: &mut Out) {
        let c: Conversation = match item(raw) {
            Ok(c) => c,
            Err(e) => return out.error(Some(i), format!("not a conversation: {e}")),
        };
        for m in c.messages.into_iter().filter_map(|m| m.message_create) {
            // Only what this account wrote.
            if self.id.is_some() && m.sender_id != self.id {
                continue;
            }
            let (Some(id), Some(text), Some(date)) = (
                m.id,
                m.text,
                m.created_at.as_deref().and_then(date::from_rfc3339),
            ) else {
                out.error(Some(i), "a message lacks its `id`, `text` or `createdAt`");
                continue;
            };
            out.record(Record {
                site: Site::X,
                kind: Kind::Message,
                url: c
                    .conversation_id
                    .as_ref()
                    .map(|c| format!("https://{}/messages/{c}", Site::X.host())),
                id,
                date,
                text: unescape(&text),
                photos: 0,
            });
        }
    }
}
