//! Where an archive's files come from: a zip, an extracted folder, or files in memory
//! (a single file, or what the browser hands over). Only the files that hold records
//! are ever read in full; photos and videos are never decompressed.

use std::fs;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

/// A set of named files, read on demand.
pub trait Source {
    /// What the user handed over, for messages (a file or folder name).
    fn name(&self) -> &str;
    /// Every file's path, `/`-separated, relative to the archive's root.
    fn paths(&self) -> &[String];
    /// Reads file `i` in full.
    fn read(&mut self, i: usize) -> Result<Vec<u8>, String>;
    /// Reads at most `n` bytes from the start of file `i`.
    fn read_prefix(&mut self, i: usize, n: usize) -> Result<Vec<u8>, String> {
        let mut b = self.read(i)?;
        b.truncate(n);
        Ok(b)
    }
}

/// A zip archive (the form every site delivers).
pub struct Zip<R: Read + Seek> {
    name: String,
    zip: zip::ZipArchive<R>,
    paths: Vec<String>,
    /// Zip index of each path.
    index: Vec<usize>,
}

impl<R: Read + Seek> Zip<R> {
    pub fn new(name: &str, reader: R) -> Result<Zip<R>, crate::ArchiveError> {
        let zip = zip::ZipArchive::new(reader).map_err(|e| {
            crate::ArchiveError(format!(
                "{name}: not a readable zip archive ({e}); expected the zip the site sent, \
                 its extracted folder, or one of its files"
            ))
        })?;
        let mut paths = Vec::new();
        let mut index = Vec::new();
        let mut names: Vec<(usize, String)> = (0..zip.len())
            .filter_map(|i| {
                let n = zip.name_for_index(i)?;
                (!n.ends_with('/')).then(|| (i, n.to_string()))
            })
            .collect();
        names.sort_by(|a, b| a.1.cmp(&b.1));
        for (i, n) in names {
            index.push(i);
            paths.push(n);
        }
        Ok(Zip {
            name: name.to_string(),
            zip,
            paths,
            index,
        })
    }

    fn open(&mut self, i: usize) -> Result<zip::read::ZipFile<'_, R>, String> {
        self.zip
            .by_index(self.index[i])
            .map_err(|e| format!("cannot open this entry of the zip: {e}"))
    }
}

impl<R: Read + Seek> Source for Zip<R> {
    fn name(&self) -> &str {
        &self.name
    }
    fn paths(&self) -> &[String] {
        &self.paths
    }
    fn read(&mut self, i: usize) -> Result<Vec<u8>, String> {
        let mut f = self.open(i)?;
        let mut buf = Vec::with_capacity(f.size().min(1 << 30) as usize);
        f.read_to_end(&mut buf)
            .map_err(|e| format!("the zip entry is corrupt: {e}"))?;
        Ok(buf)
    }
    fn read_prefix(&mut self, i: usize, n: usize) -> Result<Vec<u8>, String> {
        let f = self.open(i)?;
        let mut buf = Vec::with_capacity(n);
        f.take(n as u64)
            .read_to_end(&mut buf)
            .map_err(|e| format!("the zip entry is corrupt: {e}"))?;
        Ok(buf)
    }
}

/// An extracted folder, walked once.
pub struct Dir {
    name: String,
    root: PathBuf,
    paths: Vec<String>,
}

impl Dir {
    pub fn new(root: &Path) -> Result<Dir, crate::ArchiveError> {
        let mut paths = Vec::new();
        walk(root, root, &mut paths).map_err(|e| {
            crate::ArchiveError(format!("{}: cannot list the folder: {e}", root.display()))
        })?;
        paths.sort();
        Ok(Dir {
            name: root.display().to_string(),
            root: root.to_path_buf(),
            paths,
        })
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for e in fs::read_dir(dir)? {
        let e = e?;
        let p = e.path();
        if e.file_type()?.is_dir() {
            walk(root, &p, out)?;
        } else if let Ok(rel) = p.strip_prefix(root) {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

impl Source for Dir {
    fn name(&self) -> &str {
        &self.name
    }
    fn paths(&self) -> &[String] {
        &self.paths
    }
    fn read(&mut self, i: usize) -> Result<Vec<u8>, String> {
        fs::read(self.root.join(&self.paths[i])).map_err(|e| format!("cannot read: {e}"))
    }
    fn read_prefix(&mut self, i: usize, n: usize) -> Result<Vec<u8>, String> {
        let f = fs::File::open(self.root.join(&self.paths[i]))
            .map_err(|e| format!("cannot read: {e}"))?;
        let mut buf = Vec::with_capacity(n);
        f.take(n as u64)
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read: {e}"))?;
        Ok(buf)
    }
}

/// Files already in memory: a single file, or tests' archives.
pub struct Files {
    name: String,
    paths: Vec<String>,
    data: Vec<Vec<u8>>,
}

impl Files {
    pub fn new(name: &str, files: Vec<(String, Vec<u8>)>) -> Files {
        let (paths, data) = files.into_iter().unzip();
        Files {
            name: name.to_string(),
            paths,
            data,
        }
    }
}

impl Source for Files {
    fn name(&self) -> &str {
        &self.name
    }
    fn paths(&self) -> &[String] {
        &self.paths
    }
    fn read(&mut self, i: usize) -> Result<Vec<u8>, String> {
        Ok(self.data[i].clone())
    }
    fn read_prefix(&mut self, i: usize, n: usize) -> Result<Vec<u8>, String> {
        Ok(self.data[i][..n.min(self.data[i].len())].to_vec())
    }
}

/// A zip, a folder or one file, told apart by what is on disk (a zip by its signature,
/// whatever its name).
pub fn open_path(path: &Path) -> Result<Box<dyn Source>, crate::ArchiveError> {
    let shown = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| crate::ArchiveError(format!("{shown}: {e}")))?;
    if meta.is_dir() {
        return Ok(Box::new(Dir::new(path)?));
    }
    let mut f = fs::File::open(path).map_err(|e| crate::ArchiveError(format!("{shown}: {e}")))?;
    let mut sig = [0u8; 4];
    let n = f
        .read(&mut sig)
        .map_err(|e| crate::ArchiveError(format!("{shown}: {e}")))?;
    if n >= 2 && &sig[..2] == b"PK" {
        f.rewind()
            .map_err(|e| crate::ArchiveError(format!("{shown}: {e}")))?;
        return Ok(Box::new(Zip::new(&shown, std::io::BufReader::new(f))?));
    }
    let bytes = fs::read(path).map_err(|e| crate::ArchiveError(format!("{shown}: {e}")))?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    Ok(Box::new(Files::new(&shown, vec![(file, bytes)])))
}

impl Source for Box<dyn Source> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn paths(&self) -> &[String] {
        (**self).paths()
    }
    fn read(&mut self, i: usize) -> Result<Vec<u8>, String> {
        (**self).read(i)
    }
    fn read_prefix(&mut self, i: usize, n: usize) -> Result<Vec<u8>, String> {
        (**self).read_prefix(i, n)
    }
}
