//! Pretrained word meaning: GloVe vectors cut to the product's vocabulary, reduced by PCA
//! and quantized by `scripts/build-vectors.mjs` into `data/vectors.bin`, compiled in.
//!
//! Layout (little endian): `BSV1`, u32 words, u32 dims, f32 scale, u32 length of the word
//! list; the words, each followed by `\n`; then i8 vectors[words][dims] (value = byte *
//! scale). The lookup table is built on first use (about a millisecond), which keeps it
//! out of the shipped bytes.

use std::sync::OnceLock;

use crate::model::features::fnv1a;

static BYTES: &[u8] = include_bytes!("../../data/vectors.bin");

struct Vectors {
    dims: usize,
    scale: f32,
    /// Per word: its byte span in `BYTES`.
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

fn parse(b: &'static [u8]) -> Option<Vectors> {
    if b.len() < 20 || &b[..4] != b"BSV1" {
        return None;
    }
    let words = u32_at(b, 4) as usize;
    let dims = u32_at(b, 8) as usize;
    let scale = f32::from_bits(u32_at(b, 12));
    let list = u32_at(b, 16) as usize;
    let vecs = 20 + list;
    if b.len() != vecs + words * dims {
        return None;
    }
    let mut spans = Vec::with_capacity(words);
    let mut start = 20;
    for (i, &c) in b[20..vecs].iter().enumerate() {
        if c == b'\n' {
            spans.push((start as u32, (20 + i) as u32));
            start = 21 + i;
        }
    }
    if spans.len() != words {
        return None;
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
    Some(Vectors {
        dims,
        scale,
        spans,
        table,
        vecs,
    })
}

fn vectors() -> Option<&'static Vectors> {
    static V: OnceLock<Option<Vectors>> = OnceLock::new();
    V.get_or_init(|| parse(BYTES)).as_ref()
}

/// Dimensions of a vector; 0 when no vectors are compiled in.
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
            if &BYTES[s as usize..e as usize] == word {
                let at = v.vecs + (i - 1) * v.dims;
                return Some(&BYTES[at..at + v.dims]);
            }
        }
        slot = (slot + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn vectors_load_and_find_common_words() {
        assert!(super::dims() > 0, "no vectors compiled in");
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
