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
