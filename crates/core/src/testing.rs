//! Test helpers shared by the modules' tests.

/// A reproducible xorshift generator for generated test texts.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// The next state.
    pub(crate) fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }

    /// The next state, reduced below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.next() % n
    }
}

/// Random texts from pieces that exercise every branch of the patterns.
pub(crate) fn texts(pieces: &[&str], n: usize) -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|_| {
            let k = 1 + rng.next() % 14;
            (0..k).map(|_| pieces[rng.next() % pieces.len()]).collect()
        })
        .collect()
}

pub(crate) const COMMON: &[&str] = &[
    "0", "1", "2", "5", "9", "12", "123", "1234", "11", "555", "0164", "-", "-", ".", " ", "  ",
    "\t", "\n", "\r", "\x0b", "\x0c", "\u{a0}", "\u{3000}", "\u{85}", "_", "a", "x", "é", "#", ":",
    "(", ")", "+", "/", "$",
];

/// Compares `f` with `find_iter` of `pattern` on texts made of [`COMMON`] and `extra`.
pub(crate) fn same(pattern: &str, extra: &[&str], f: impl Fn(&str) -> Vec<(usize, usize)>) {
    let rx = crate::rules::re(pattern);
    let pieces: Vec<&str> = COMMON.iter().chain(extra).copied().collect();
    let mut hits = 0;
    for t in texts(&pieces, 60_000) {
        let want: Vec<(usize, usize)> = rx.find_iter(&t).map(|m| (m.start(), m.end())).collect();
        hits += want.len();
        assert_eq!(f(&t), want, "{t:?}");
    }
    assert!(hits > 1_000, "the texts exercise the pattern");
}
