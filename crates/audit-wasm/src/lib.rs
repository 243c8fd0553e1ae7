//! WebAssembly binding for the audit page's worker: `bedside-archive` reads the archive
//! the user picked into posts; the worker scans them with the composer's own module
//! (`bedside-wasm`, the same core) and orders them with [`score`]. No format or rule logic
//! lives here. A module of its own, so the archive reader (zip, CSV, JSON) never loads in
//! a site's page, and the core is not shipped twice.
//!
//! Files are read synchronously through a JS callback (the worker's `FileReaderSync` over
//! `File.slice`), so only the parts of a zip that hold posts are ever read.

use std::io::{BufReader, Read, Seek, SeekFrom};

use bedside_archive::{rank, Archive, Options, Record, Source};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `read(file, offset, length) -> Uint8Array`
struct Reader {
    read: js_sys::Function,
}

impl Reader {
    fn get(&self, file: usize, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        let v = self
            .read
            .call3(
                &JsValue::NULL,
                &JsValue::from(file as f64),
                &JsValue::from(offset as f64),
                &JsValue::from(len as f64),
            )
            .map_err(|e| {
                format!(
                    "cannot read the file: {}",
                    e.as_string().unwrap_or_default()
                )
            })?;
        Ok(js_sys::Uint8Array::new(&v).to_vec())
    }
}

/// One picked file as `Read + Seek`, for the zip reader.
struct JsFile {
    reader: Reader,
    size: u64,
    pos: u64,
}

impl Read for JsFile {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = (buf.len() as u64).min(self.size.saturating_sub(self.pos)) as usize;
        if n == 0 {
            return Ok(0);
        }
        let bytes = self
            .reader
            .get(0, self.pos, n)
            .map_err(std::io::Error::other)?;
        buf[..bytes.len()].copy_from_slice(&bytes);
        self.pos += bytes.len() as u64;
        Ok(bytes.len())
    }
}

impl Seek for JsFile {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(p) => p as i64,
            SeekFrom::End(d) => self.size as i64 + d,
            SeekFrom::Current(d) => self.pos as i64 + d,
        };
        if pos < 0 {
            return Err(std::io::Error::other("seek before the start"));
        }
        self.pos = pos as u64;
        Ok(self.pos)
    }
}

/// A folder's files (or one file), each read whole when needed.
struct JsFiles {
    name: String,
    paths: Vec<String>,
    sizes: Vec<f64>,
    reader: Reader,
}

impl Source for JsFiles {
    fn name(&self) -> &str {
        &self.name
    }
    fn paths(&self) -> &[String] {
        &self.paths
    }
    fn read(&mut self, i: usize) -> Result<Vec<u8>, String> {
        self.reader.get(i, 0, self.sizes[i] as usize)
    }
    fn read_prefix(&mut self, i: usize, n: usize) -> Result<Vec<u8>, String> {
        self.reader.get(i, 0, n.min(self.sizes[i] as usize))
    }
}

/// A post as the worker gets it.
#[derive(Serialize)]
struct Post<'a> {
    #[serde(flatten)]
    record: &'a Record,
    /// Where to find the post when the archive has no link to it.
    activity_url: String,
}

#[derive(Serialize)]
struct FileInfo<'a> {
    path: &'a str,
    site: bedside_archive::Site,
}

#[wasm_bindgen]
pub struct Audit {
    archive: Archive<Box<dyn Source>>,
    pending: std::vec::IntoIter<Record>,
}

fn js(v: &impl Serialize) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
impl Audit {
    /// `paths`/`sizes`: the picked files (one zip, one file, or a folder's files);
    /// `read(file, offset, length)` returns their bytes. Throws, naming the file and what
    /// was expected, when nothing in it holds posts.
    #[wasm_bindgen(constructor)]
    pub fn new(
        name: String,
        paths: Vec<String>,
        sizes: Vec<f64>,
        read: js_sys::Function,
        include_messages: bool,
    ) -> Result<Audit, JsError> {
        let reader = Reader { read };
        let is_zip = paths.len() == 1 && reader.get(0, 0, 2).map(|b| b == b"PK").unwrap_or(false);
        let source: Box<dyn Source> = if is_zip {
            let file = JsFile {
                reader,
                size: sizes[0] as u64,
                pos: 0,
            };
            let zip = bedside_archive::Zip::new(&name, BufReader::with_capacity(256 * 1024, file))
                .map_err(|e| JsError::new(&e.to_string()))?;
            Box::new(zip)
        } else {
            Box::new(JsFiles {
                name,
                paths,
                sizes,
                reader,
            })
        };
        let archive = Archive::open(source, Options { include_messages })
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Audit {
            archive,
            pending: Vec::new().into_iter(),
        })
    }

    /// The files that hold posts: `[{path, site}]`.
    pub fn files(&self) -> Result<JsValue, JsError> {
        let files: Vec<FileInfo> = self
            .archive
            .entries()
            .iter()
            .map(|e| FileInfo {
                path: &e.path,
                site: e.format.site(),
            })
            .collect();
        js(&files)
    }

    /// Errors met while opening (`[{file, index, message}]`).
    pub fn open_errors(&mut self) -> Result<JsValue, JsError> {
        js(&std::mem::take(&mut self.archive.open_errors))
    }

    /// Reads file `i` (see `files`): returns `{posts, errors}`, the number of posts read
    /// and the file's errors; its posts come from `next`.
    pub fn read(&mut self, i: usize) -> Result<JsValue, JsError> {
        let batch = self.archive.read(i);
        #[derive(Serialize)]
        struct Read<'a> {
            posts: usize,
            errors: &'a [bedside_archive::RecordError],
        }
        let out = js(&Read {
            posts: batch.records.len(),
            errors: &batch.errors,
        });
        self.pending = batch.records.into_iter();
        out
    }

    /// Up to `max` posts of the file last read (`[{site, kind, id, date, url, text, photos,
    /// activity_url}]`); `[]` when none is left.
    pub fn next(&mut self, max: usize) -> Result<JsValue, JsError> {
        let records: Vec<Record> = self.pending.by_ref().take(max).collect();
        let posts: Vec<Post> = records
            .iter()
            .map(|record| Post {
                record,
                activity_url: record.site.activity_url(record.kind),
            })
            .collect();
        js(&posts)
    }
}

/// Worst first: `bedside_archive::rank::score` from a report's verdict (0 clean, 1 review,
/// 2 hold) and its numbers of high, medium and low findings.
#[wasm_bindgen]
pub fn score(verdict: u32, high: u32, medium: u32, low: u32) -> u32 {
    rank::score_of(verdict, high, medium, low)
}
