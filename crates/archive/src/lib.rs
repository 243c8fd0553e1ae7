//! `bedside-archive` reads the archive a site lets its users download (X, Facebook,
//! Instagram, LinkedIn) into [`Record`]s: one per post, comment or message, with its
//! site, kind, id, date (ISO 8601 UTC), link and text decoded exactly.
//!
//! The kind of each file is found from its contents, not from fixed paths, so older and
//! newer layouts, an extracted folder and a single file all read the same way. A
//! malformed record is reported by file and index ([`RecordError`]) and the rest is
//! still read. [`rank`] orders scanned records worst first for the CLI and the
//! extension's audit page, which both read archives through this crate.

mod date;
mod detect;
mod facebook;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
mod instagram;
mod linkedin;
mod mojibake;
pub mod rank;
mod sites;
mod source;
mod x;

use serde::Serialize;

pub use detect::Format;
pub use source::{open_path, Dir, Files, Source, Zip};

/// The four sites whose archives are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Site {
    X,
    Facebook,
    Instagram,
    #[serde(rename = "linkedin")]
    LinkedIn,
}

impl Site {
    pub const ALL: [Site; 4] = [Site::X, Site::Facebook, Site::Instagram, Site::LinkedIn];

    pub fn id(self) -> &'static str {
        match self {
            Site::X => "x",
            Site::Facebook => "facebook",
            Site::Instagram => "instagram",
            Site::LinkedIn => "linkedin",
        }
    }

    /// Where the user finds and deletes a post of this kind when the archive holds no
    /// link to the post itself (Facebook and Instagram give none).
    pub fn activity_url(self, kind: Kind) -> String {
        let path = match (self, kind) {
            (Site::X, _) => "/settings/your_twitter_data",
            // The activity log, filtered there by the post's date (shown beside the link).
            (Site::Facebook, _) => "/me/allactivity",
            (Site::Instagram, Kind::Comment) => "/your_activity/interactions/comments",
            (Site::Instagram, _) => "/your_activity/photos_and_videos/posts",
            (Site::LinkedIn, Kind::Comment) => "/in/me/recent-activity/comments/",
            (Site::LinkedIn, _) => "/in/me/recent-activity/all/",
        };
        format!("https://{}{path}", self.host())
    }
}

/// What a record is on its site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Post,
    Comment,
    Message,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Post => "post",
            Kind::Comment => "comment",
            Kind::Message => "message",
        }
    }
}

/// One post, comment or message as the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub site: Site,
    pub kind: Kind,
    /// The site's id when the archive has one (X, LinkedIn); otherwise the Unix time
    /// it was written, with `-2`, `-3`... for others at the same second.
    pub id: String,
    /// ISO 8601 UTC, e.g. `2018-10-10T20:19:24Z`.
    pub date: String,
    /// The post's own page, when the archive says where it is.
    pub url: Option<String>,
    pub text: String,
    /// Photos or videos posted with it (the text of a photo is not read).
    pub photos: u32,
}

/// A record (or a whole file) that could not be read; the rest is still read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordError {
    /// The file's path inside the archive.
    pub file: String,
    /// The record's position in its file (0-based), or `None` for the whole file.
    pub index: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.index {
            Some(i) => write!(f, "{} record {i}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Why an archive could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveError(pub String);

impl std::fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ArchiveError {}

/// What to read besides posts and comments.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// X's direct messages (only those the account sent). Off by default.
    pub include_messages: bool,
}

/// A file of the archive that holds records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub format: Format,
    index: usize,
}

/// Records of one file.
#[derive(Debug, Default)]
pub struct Batch {
    pub records: Vec<Record>,
    pub errors: Vec<RecordError>,
}

/// An opened archive: its record files are known, none is read yet.
pub struct Archive<S: Source> {
    source: S,
    entries: Vec<Entry>,
    x: x::Account,
    ids: std::collections::HashMap<(Site, Kind, String), u32>,
    /// Errors met while opening (an unreadable account or note file).
    pub open_errors: Vec<RecordError>,
}

impl<S: Source> Archive<S> {
    /// Finds the record files by their contents. Fails when there is none, naming what
    /// was expected.
    pub fn open(mut source: S, options: Options) -> Result<Archive<S>, ArchiveError> {
        let found = detect::find(&mut source, options)?;
        let mut open_errors = found.errors;
        let mut account = x::Account::default();
        for e in found.support {
            match source.read(e.index) {
                Ok(bytes) => {
                    if let Err(err) = account.add(&e, &bytes) {
                        open_errors.push(err);
                    }
                }
                Err(message) => open_errors.push(RecordError {
                    file: e.path.clone(),
                    index: None,
                    message,
                }),
            }
        }
        if found.entries.is_empty() {
            return Err(ArchiveError(format!(
                "{}: no posts found. Expected {}",
                source.name(),
                detect::EXPECTED
            )));
        }
        Ok(Archive {
            source,
            entries: found.entries,
            x: account,
            ids: Default::default(),
            open_errors,
        })
    }

    /// The files that hold records, in the order they are read.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Reads one file's records (`i` indexes [`Archive::entries`]).
    pub fn read(&mut self, i: usize) -> Batch {
        let entry = self.entries[i].clone();
        let mut batch = Batch::default();
        let bytes = match self.source.read(entry.index) {
            Ok(b) => b,
            Err(message) => {
                batch.errors.push(RecordError {
                    file: entry.path,
                    index: None,
                    message,
                });
                return batch;
            }
        };
        let mut out = Out {
            file: &entry.path,
            batch: &mut batch,
        };
        match entry.format {
            Format::XTweets | Format::XMessages => self.x.read(entry.format, &bytes, &mut out),
            Format::FacebookPosts | Format::FacebookComments => {
                facebook::read(entry.format, &bytes, &mut out)
            }
            Format::InstagramPosts | Format::InstagramComments => {
                instagram::read(entry.format, &bytes, &mut out)
            }
            Format::LinkedInShares | Format::LinkedInComments => {
                linkedin::read(entry.format, &bytes, &mut out)
            }
            Format::XAccount | Format::XNotes => {}
        }
        // Sites without ids: the time, made unique within the archive.
        for r in &mut batch.records {
            if r.id.is_empty() {
                let key = (r.site, r.kind, r.date.clone());
                let n = self.ids.entry(key).or_insert(0);
                *n += 1;
                r.id = date::unix_of(&r.date).to_string();
                if *n > 1 {
                    r.id.push_str(&format!("-{n}"));
                }
            }
        }
        batch
    }

    /// Every record of every file, with every error (the CLI's way; the page reads file
    /// by file to show progress).
    pub fn read_all(&mut self) -> Batch {
        let mut all = Batch {
            records: Vec::new(),
            errors: std::mem::take(&mut self.open_errors),
        };
        for i in 0..self.entries.len() {
            let b = self.read(i);
            all.records.extend(b.records);
            all.errors.extend(b.errors);
        }
        all
    }
}

/// Where readers put what they find.
pub(crate) struct Out<'a> {
    pub file: &'a str,
    pub batch: &'a mut Batch,
}

impl Out<'_> {
    pub fn error(&mut self, index: Option<usize>, message: impl Into<String>) {
        self.batch.errors.push(RecordError {
            file: self.file.to_string(),
            index,
            message: message.into(),
        });
    }

    pub fn record(&mut self, r: Record) {
        self.batch.records.push(r);
    }
}

#[cfg(test)]
mod tests;
