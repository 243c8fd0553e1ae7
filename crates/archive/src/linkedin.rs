//! LinkedIn's data export: CSV files.
//!
//! - posts: `Shares.csv`: `Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl,
//!   Visibility`; the commentary holds newlines and doubled quotes. A share with no
//!   commentary and no media is a plain repost and is skipped.
//! - comments: `Comments.csv`: `Date, Link, Message`.
//!
//! Dates are `2023-05-10 14:22:11` in UTC.

use crate::detect::Format;
use crate::{date, Kind, Out, Record, Site};

pub(crate) fn read(format: Format, bytes: &[u8], out: &mut Out) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Some LinkedIn CSVs start with lines of notes before the header.
    let header_at = header_offset(bytes, format);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(&bytes[header_at..]);
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return out.error(None, format!("unreadable CSV header: {e}")),
    };
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (text_col, link_col) = match format {
        Format::LinkedInShares => (col("ShareCommentary"), col("ShareLink")),
        _ => (col("Message"), col("Link")),
    };
    let (Some(text_col), Some(date_col)) = (text_col, col("Date")) else {
        return out.error(None, "expected a CSV header with `Date` and `ShareCommentary` (Shares.csv) or `Message` (Comments.csv)");
    };
    let media_col = col("MediaUrl");
    let kind = match format {
        Format::LinkedInShares => Kind::Post,
        _ => Kind::Comment,
    };
    for (i, row) in rdr.records().enumerate() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                out.error(Some(i), format!("malformed CSV row: {e}"));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line());
        let field = |c: Option<usize>| c.and_then(|c| row.get(c)).unwrap_or("").trim();
        let Some(date) = date::from_linkedin(field(Some(date_col))) else {
            out.error(
                Some(i),
                format!("line {line}: `Date` is missing or not like `2023-05-10 14:22:11`"),
            );
            continue;
        };
        // Keep the text exactly, but a share's commentary is all its words.
        let text = row.get(text_col).unwrap_or("");
        let photos = u32::from(!field(media_col).is_empty());
        if text.trim().is_empty() {
            if kind == Kind::Post {
                if photos > 0 {
                    out.record(record(kind, date, field(link_col), "", photos));
                }
            } else {
                out.error(
                    Some(i),
                    format!("line {line}: the comment has no `Message`"),
                );
            }
            continue;
        }
        out.record(record(kind, date, field(link_col), text, photos));
    }
}

fn record(kind: Kind, date: String, link: &str, text: &str, photos: u32) -> Record {
    Record {
        site: Site::LinkedIn,
        kind,
        id: id_from_link(link),
        date,
        // Only a link to LinkedIn itself: the page and the CLI offer it to be opened.
        url: Site::LinkedIn.links_here(link).then(|| link.to_string()),
        text: text.to_string(),
        photos,
    }
}

/// The last number in the link: the share's, activity's or comment's id.
fn id_from_link(link: &str) -> String {
    let digits: Vec<&str> = link
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() >= 6)
        .collect();
    digits.last().map(|d| d.to_string()).unwrap_or_default()
}

fn header_offset(bytes: &[u8], format: Format) -> usize {
    let key: &[u8] = match format {
        Format::LinkedInShares => b"ShareCommentary",
        _ => b"Message",
    };
    let mut at = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n').take(5) {
        if line.windows(key.len()).any(|w| w == key) {
            return at;
        }
        at += line.len();
    }
    0
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_from_links() {
        assert_eq!(
            super::id_from_link(
                "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7012345678901234567"
            ),
            "7012345678901234567"
        );
        assert_eq!(
            super::id_from_link("https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7000000000000000001%2C7000000000000000222%29"),
            "7000000000000000222"
        );
        assert_eq!(super::id_from_link(""), "");
    }
}
