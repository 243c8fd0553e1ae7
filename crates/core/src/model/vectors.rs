//! Pretrained word meaning: GloVe vectors cut to the product's vocabulary, reduced by PCA
//! and quantized by `scripts/build-vectors.mjs` into `data/vectors.bin`. `bedside train`
//! copies that file into the weight file (the model learned on these vectors and no
//! others), so the vectors reach the core with the model ([`crate::model::install`]) and
//! stay out of the `.wasm`.
//!
//! Layout (little endian): `BSV1`, u32 words, u32 dims, f32 scale, u32 length of the word
//! list; the words, each followed by `\n`; then i8 vectors[words][dims] (value = byte *
//! scale). The lookup table is built on first use (about a millisecond), which keeps it
//! out of the shipped bytes.

use std::sync::OnceLock;

use crate::model::features::fnv1a;

static V: OnceLock<Vectors> = OnceLock::new();

struct Vectors {
    bytes: &'static [u8],
    dims: usize,
    scale: f32,
    /// Per word: its byte span in `bytes`.
    spans: Vec<(u32, u32)>,
    /// Open addressing on the word's FNV-1a hash: the hash and word index + 1, 0 empty.
    /// The hash is kept with the index so a probe reads one slot, not the word's span and
    /// bytes, to pass over another word (most words of a post have no vector).
    table: Vec<(u32, u32)>,
    vecs: usize,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// The dimensions of a vector file, or why it cannot be read.
pub fn check(b: &[u8]) -> Result<usize, String> {
    if b.len() < 20 || &b[..4] != b"BSV1" {
        return Err("word vectors do not start with BSV1".into());
    }
    let (words, dims, list) = (u32_at(b, 4) as usize, u32_at(b, 8) as usize, u32_at(b, 16));
    if b.len() != 20 + list as usize + words * dims {
        return Err(format!(
            "word vectors: {} bytes where {words} words of {dims} dims take {}",
            b.len(),
            20 + list as usize + words * dims
        ));
    }
    Ok(dims)
}

/// Makes the bytes `b` gives the process's vectors, unless some are already (the first
/// wins: the weight file's, or the training's; `b` is not called then, so an installed
/// file's vectors are copied only when they are used). A file that cannot be read is
/// refused with the reason.
pub fn set(b: impl FnOnce() -> &'static [u8]) -> Result<(), String> {
    if V.get().is_none() {
        let _ = V.set(parse(b())?);
    }
    Ok(())
}

fn parse(b: &'static [u8]) -> Result<Vectors, String> {
    let dims = check(b)?;
    let words = u32_at(b, 4) as usize;
    let scale = f32::from_bits(u32_at(b, 12));
    let vecs = 20 + u32_at(b, 16) as usize;
    let mut spans = Vec::with_capacity(words);
    let mut start = 20;
    for (i, &c) in b[20..vecs].iter().enumerate() {
        if c == b'\n' {
            spans.push((start as u32, (20 + i) as u32));
            start = 21 + i;
        }
    }
    if spans.len() != words {
        return Err(format!(
            "word vectors: {} words listed where the header says {words}",
            spans.len()
        ));
    }
    let slots = (2 * words).next_power_of_two().max(2);
    let mut table = vec![(0u32, 0u32); slots];
    for (i, &(s, e)) in spans.iter().enumerate() {
        let h = fnv1a(&b[s as usize..e as usize]);
        let mut slot = h as usize & (slots - 1);
        while table[slot].1 != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        table[slot] = (h, i as u32 + 1);
    }
    Ok(Vectors {
        bytes: b,
        dims,
        scale,
        spans,
        table,
        vecs,
    })
}

/// The vectors set, else the model's (loading the compiled-in model sets them).
fn vectors() -> Option<&'static Vectors> {
    V.get().or_else(|| {
        crate::model::model();
        V.get()
    })
}

/// Dimensions of a vector; 0 when no vectors are set and no model carries them.
pub fn dims() -> usize {
    vectors().map_or(0, |v| v.dims)
}

/// What one unit of a stored vector is worth.
pub fn scale() -> f32 {
    vectors().map_or(1.0, |v| v.scale)
}

/// How many words have a vector.
pub fn words() -> usize {
    vectors().map_or(0, |v| v.spans.len())
}

/// The quantized vector of the lower-cased `word`, whose FNV-1a hash is `hash`; each
/// byte is an `i8`.
pub fn lookup(word: &[u8], hash: u32) -> Option<&'static [u8]> {
    let v = vectors()?;
    let mask = v.table.len() - 1;
    let mut slot = hash as usize & mask;
    loop {
        let (h, i) = v.table[slot];
        let i = i as usize;
        if i == 0 {
            return None;
        }
        if h == hash {
            let (s, e) = v.spans[i - 1];
            if &v.bytes[s as usize..e as usize] == word {
                let at = v.vecs + (i - 1) * v.dims;
                return Some(&v.bytes[at..at + v.dims]);
            }
        }
        slot = (slot + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn vectors_load_and_find_common_words() {
        assert!(
            super::dims() > 0,
            "the compiled-in model carries no vectors"
        );
        for w in ["patient", "nurse", "the"] {
            let h = super::fnv1a(w.as_bytes());
            assert!(
                super::lookup(w.as_bytes(), h).is_some(),
                "{w} has no vector"
            );
        }
        assert!(super::lookup(b"qqzxqq", super::fnv1a(b"qqzxqq")).is_none());
    }
}
