//! Fixed tables of short words (names, towns, the first words of phrases), looked up by a
//! hash the caller may compute while it reads the word.
//!
//! The tables are built once from compiled-in lists and never grow, so open addressing
//! with linear probing and a non-keyed hash is enough: FNV-1a over the bytes, then
//! MurmurHash3's final mix so that every bit of the slot index depends on every byte.

use std::sync::OnceLock;

/// Whether each byte is an ASCII letter or digit, as 0 or 1: one load where
/// `is_ascii_alphanumeric` takes two range tests, in the loops that read every byte.
pub const ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() as u8;
        b += 1;
    }
    t
};

/// The hash state before any byte.
pub const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Adds one byte to a hash state (FNV-1a).
#[inline]
pub fn step(h: u64, byte: u8) -> u64 {
    (h ^ byte as u64).wrapping_mul(0x0100_0000_01b3)
}

/// The hash of a word: [`step`] over its bytes from [`SEED`], then [`finish`].
pub fn hash(word: &str) -> u64 {
    finish(word.bytes().fold(SEED, step))
}

/// Mixes a hash state into the final hash (MurmurHash3's fmix64).
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// [`step`] and [`finish`] as a [`std::hash::Hasher`], for the `HashMap`s that build the
/// tables: far cheaper than SipHash on short words, and the keys are our own lists.
#[derive(Clone, Copy)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(SEED)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        finish(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |h, &b| step(h, b));
    }
}

/// A `HashMap` keyed by our own words, for building tables.
pub type BuildMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// A map from words to values, built once.
pub struct WordMap<V> {
    mask: usize,
    /// Per slot: the top half of the word's hash, and 1 + its index in the columns below
    /// (0 when empty). Eight bytes a slot keep the probed part of the table small enough to
    /// stay in cache; the columns are only read on a likely match, and each is read alone.
    slots: Vec<(u32, u32)>,
    hashes: Vec<u64>,
    words: Vec<&'static str>,
    values: Vec<V>,
}

impl<V> WordMap<V> {
    /// Builds the map; a repeated word keeps its first value.
    pub fn new(words: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        let words: Vec<_> = words.into_iter().collect();
        // At most half full, so a miss stops after a probe or two.
        let size = (words.len() * 2).next_power_of_two().max(8);
        let mut map = WordMap {
            mask: size - 1,
            slots: vec![(0, 0); size],
            hashes: Vec::with_capacity(words.len()),
            words: Vec::with_capacity(words.len()),
            values: Vec::with_capacity(words.len()),
        };
        for (word, value) in words {
            let h = hash(word);
            let mut i = h as usize & map.mask;
            loop {
                let (tag, at) = map.slots[i];
                if at == 0 {
                    map.hashes.push(h);
                    map.words.push(word);
                    map.values.push(value);
                    map.slots[i] = ((h >> 32) as u32, map.words.len() as u32);
                    break;
                }
                if tag == (h >> 32) as u32 && map.words[at as usize - 1] == word {
                    break;
                }
                i = (i + 1) & map.mask;
            }
        }
        map
    }

    /// The entries a lookup of hash `h` meets, in probe order: those whose slot carries the
    /// tag of `h` (the top half of the hash), up to the first empty slot.
    #[inline]
    fn candidates(&self, h: u64) -> impl Iterator<Item = usize> + '_ {
        let tag = (h >> 32) as u32;
        let mut i = h as usize & self.mask;
        std::iter::from_fn(move || loop {
            let (t, at) = self.slots[i];
            if at == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
            if t == tag {
                return Some(at as usize - 1);
            }
        })
    }

    /// The value of `word`, whose [`hash`] is `h`.
    #[inline]
    pub fn get_hashed(&self, h: u64, word: &str) -> Option<&V> {
        let k = self
            .candidates(h)
            .find(|&k| self.hashes[k] == h && self.words[k] == word)?;
        Some(&self.values[k])
    }

    /// The value of the word whose [`hash`] is `h`, comparing neither the word nor all of
    /// its hash: for callers that verify what the value leads to anyway, on a map without
    /// [`WordMap::hash_collision`]. A word not in the map may lead to the value of one that
    /// is; a word of the map always leads to its own, as no other shares its slot's tag.
    /// Only the small slot table is read on a miss.
    #[inline]
    pub fn get_by_hash(&self, h: u64) -> Option<&V> {
        Some(&self.values[self.candidates(h).next()?])
    }

    /// Whether two words of the map share the top half of their hash (the tag of their
    /// slot).
    pub fn hash_collision(&self) -> bool {
        let mut hashes: Vec<u64> = self.hashes.iter().map(|h| h >> 32).collect();
        hashes.sort_unstable();
        hashes.windows(2).any(|w| w[0] == w[1])
    }

    /// The words of the map, in no particular order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    /// The value of `word`.
    pub fn get(&self, word: &str) -> Option<&V> {
        self.get_hashed(hash(word), word)
    }
}

/// A set of words, built once.
pub type WordSet = WordMap<()>;

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        WordMap::new(words.into_iter().map(|w| (w, ())))
    }
}

/// A word list as a set, built on first use: for lists checked against every word of a post,
/// where a linear scan would cost a comparison per entry.
pub struct StaticSet {
    words: &'static [&'static str],
    set: OnceLock<WordSet>,
}

impl StaticSet {
    pub const fn new(words: &'static [&'static str]) -> StaticSet {
        StaticSet {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_and_nothing_else() {
        let words: Vec<&'static str> = (0..5000)
            .map(|i| &*Box::leak(format!("w{i}").into_boxed_str()))
            .collect();
        let set: WordSet = words.iter().copied().collect();
        assert!(words.iter().all(|w| set.contains(w)));
        assert!(!set.contains("w5000") && !set.contains("") && !set.contains("w"));
        let map = WordMap::new([("a", 1), ("b", 2), ("a", 3)]);
        assert_eq!(
            (map.get("a"), map.get("b"), map.get("c")),
            (Some(&1), Some(&2), None)
        );
    }
}
