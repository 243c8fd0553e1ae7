//! Finds the files that hold records by their contents: X's `window.YTD.<name>` prefix,
//! the JSON shape of Facebook's and Instagram's files, LinkedIn's CSV header. Names only
//! narrow which JSON files are looked at, since those archives hold hundreds.

use crate::source::Source;
use crate::{Entry, Options, RecordError};

/// The kinds of file that are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `tweets.js` (`tweet.js` in older archives, split as `tweets-part1.js`...)
    XTweets,
    /// `note-tweet.js`: the full text of long posts.
    XNotes,
    /// `account.js`: the handle, for links.
    XAccount,
    /// `direct-messages.js`, `direct-messages-group.js`
    XMessages,
    FacebookPosts,
    FacebookComments,
    InstagramPosts,
    InstagramComments,
    LinkedInShares,
    LinkedInComments,
}

impl Format {
    pub fn site(self) -> crate::Site {
        use crate::Site;
        match self {
            Format::XTweets | Format::XNotes | Format::XAccount | Format::XMessages => Site::X,
            Format::FacebookPosts | Format::FacebookComments => Site::Facebook,
            Format::InstagramPosts | Format::InstagramComments => Site::Instagram,
            Format::LinkedInShares | Format::LinkedInComments => Site::LinkedIn,
        }
    }
}

/// Named in the error for an archive (or file) where nothing was found.
pub const EXPECTED: &str = "an X archive (data/tweets.js beginning `window.YTD.tweets.part0 = [`), \
a Facebook archive in JSON format (your_posts_1.json or your_posts__check_ins__photos_and_videos_1.json, \
comments.json), an Instagram archive in JSON format (posts_1.json, post_comments_1.json) or a LinkedIn \
archive (Shares.csv with a ShareCommentary column, Comments.csv with Date, Link and Message), \
as the zip, its extracted folder or one of those files";

pub(crate) struct Found {
    pub entries: Vec<Entry>,
    /// Files read before the others (X's account and long-post text).
    pub support: Vec<Entry>,
    pub errors: Vec<RecordError>,
}

/// Tells a file's format from its first bytes.
type Sniff = fn(&[u8], &str, Options) -> Option<Format>;

/// How much of a JSON file is enough to see its shape (the first record's keys).
const JSON_PREFIX: usize = 64 * 1024;

pub(crate) fn find(
    source: &mut impl Source,
    options: Options,
) -> Result<Found, crate::ArchiveError> {
    let single = source.paths().len() == 1;
    let mut found = Found {
        entries: Vec::new(),
        support: Vec::new(),
        errors: Vec::new(),
    };
    for i in 0..source.paths().len() {
        let path = source.paths()[i].clone();
        let base = path
            .rsplit('/')
            .next()
            .unwrap_or(&path)
            .to_ascii_lowercase();
        let ext = base.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        let (limit, sniff): (usize, Sniff) = match ext {
            "js" => (256, x_format),
            "csv" => (8 * 1024, csv_format),
            "json" if single || json_candidate(&base) => (JSON_PREFIX, json_format),
            _ => continue,
        };
        let prefix = match source.read_prefix(i, limit) {
            Ok(p) => p,
            Err(message) => {
                found.errors.push(RecordError {
                    file: path,
                    index: None,
                    message,
                });
                continue;
            }
        };
        if let Some(format) = sniff(&prefix, &base, options) {
            let e = Entry {
                path,
                format,
                index: i,
            };
            match format {
                Format::XAccount | Format::XNotes => found.support.push(e),
                _ => found.entries.push(e),
            }
        }
    }
    Ok(found)
}

/// Facebook's and Instagram's files that may hold the user's posts or comments.
fn json_candidate(base: &str) -> bool {
    base.starts_with("your_posts")
        || base.starts_with("posts_")
        || base.starts_with("comments")
        || base.starts_with("post_comments")
        || base.starts_with("reels_comments")
}

fn text(prefix: &[u8]) -> &str {
    let b = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    match std::str::from_utf8(b) {
        Ok(s) => s,
        // A prefix may end inside a character.
        Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or(""),
    }
}

/// `window.YTD.<name>.part<N> = [`
fn x_format(prefix: &[u8], _: &str, options: Options) -> Option<Format> {
    let rest = text(prefix).trim_start().strip_prefix("window.YTD.")?;
    let name = &rest[..rest.find('.')?];
    match name {
        "tweets" | "tweet" | "community_tweet" => Some(Format::XTweets),
        "note_tweet" => Some(Format::XNotes),
        "account" => Some(Format::XAccount),
        "direct_messages" | "direct_messages_group" if options.include_messages => {
            Some(Format::XMessages)
        }
        _ => None,
    }
}

/// LinkedIn's header line (some of its CSVs start with a few lines of notes).
fn csv_format(prefix: &[u8], _: &str, _: Options) -> Option<Format> {
    for line in text(prefix).lines().take(5) {
        let cols: Vec<&str> = line
            .split(',')
            .map(|c| c.trim().trim_matches('"'))
            .collect();
        if cols.contains(&"ShareCommentary") {
            return Some(Format::LinkedInShares);
        }
        if ["Date", "Link", "Message"].iter().all(|c| cols.contains(c)) {
            return Some(Format::LinkedInComments);
        }
    }
    None
}

/// The shape of the first record: Facebook's posts have `"timestamp"` and `"data"`, its
/// comments sit under `"comments_v2"`; Instagram's posts have `"media"`, its comments
/// `"string_map_data"` with a `"Comment"`.
fn json_format(prefix: &[u8], _: &str, _: Options) -> Option<Format> {
    let t = text(prefix);
    let top = t.trim_start().chars().next()?;
    if t.contains("\"comments_v2\"") {
        return Some(Format::FacebookComments);
    }
    if t.contains("\"string_map_data\"") && t.contains("\"Comment\"") {
        return Some(Format::InstagramComments);
    }
    if top == '['
        && t.contains("\"timestamp\"")
        && (t.contains("\"data\"") || t.contains("\"attachments\""))
    {
        return Some(Format::FacebookPosts);
    }
    if top == '[' && t.contains("\"media\"") {
        return Some(Format::InstagramPosts);
    }
    // Older Facebook comments: {"comments": [{"timestamp", "data": [{"comment": ...}]}]}
    if top == '{' && t.contains("\"comments\"") && t.contains("\"comment\"") {
        return Some(Format::FacebookComments);
    }
    None
}
