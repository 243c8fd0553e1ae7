//! Byte-level pieces the hand-written matchers share: the ASCII word boundary (`\b`), white
//! space (`\s`, Unicode `White_Space`, which `char::is_whitespace` tests), digit runs, and
//! the leftmost-first order in which a regex's `find_iter` reports matches.

/// The bytes of `(?-u:\w)`, `[0-9A-Za-z_]`, as a table: some matchers test every byte.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'_';
        c += 1;
    }
    t
};

/// An ASCII word character, what `\b` looks at.
#[inline]
pub fn is_word(c: u8) -> bool {
    WORD[c as usize]
}

/// Whether `p` is an ASCII word boundary (`\b`) in `b`.
#[inline]
pub fn boundary(b: &[u8], p: usize) -> bool {
    let left = p > 0 && is_word(b[p - 1]);
    let right = p < b.len() && is_word(b[p]);
    left != right
}

/// The end of the run of bytes from `i` that `class` accepts.
#[inline]
pub fn run(b: &[u8], i: usize, class: impl Fn(u8) -> bool) -> usize {
    i + b[i.min(b.len())..]
        .iter()
        .take_while(|&&c| class(c))
        .count()
}

/// The end of the literal `w` at `i`.
#[inline]
pub fn lit(b: &[u8], i: usize, w: &str) -> Option<usize> {
    b.get(i..)?.starts_with(w.as_bytes()).then_some(i + w.len())
}

/// ASCII `White_Space` (`u8::is_ascii_whitespace` leaves out the vertical tab).
#[inline]
fn ascii_ws(c: u8) -> bool {
    matches!(c, b'\t'..=b'\r' | b' ')
}

/// The byte length of the `\s` character at `i`, if there is one.
#[inline]
pub fn space_at(s: &str, i: usize) -> Option<usize> {
    match *s.as_bytes().get(i)? {
        c if c < 0x80 => ascii_ws(c).then_some(1),
        _ => {
            let c = s.get(i..)?.chars().next()?;
            c.is_whitespace().then_some(c.len_utf8())
        }
    }
}

/// The byte length of the `\s` character ending at `i`, if there is one.
#[inline]
pub fn space_before(s: &str, i: usize) -> Option<usize> {
    match *s.as_bytes().get(i.checked_sub(1)?)? {
        c if c < 0x80 => ascii_ws(c).then_some(1),
        _ => {
            let c = s.get(..i)?.chars().next_back()?;
            c.is_whitespace().then_some(c.len_utf8())
        }
    }
}

/// The end of the white space starting at `p` (the longest `\s*`). ASCII inline, the
/// rest out of line.
#[inline]
pub fn skip_ws(s: &str, mut p: usize) -> usize {
    let b = s.as_bytes();
    while p < b.len() && ascii_ws(b[p]) {
        p += 1;
    }
    if p < b.len() && b[p] >= 0x80 {
        skip_ws_unicode(s, p)
    } else {
        p
    }
}

#[cold]
fn skip_ws_unicode(s: &str, mut p: usize) -> usize {
    while let Some(n) = space_at(s, p) {
        p += n;
    }
    p
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Flags (high bits) the bytes of an eight-byte block that are ASCII digits, at least the
/// first of them exactly. XOR with '0' maps the digits, and only them, to bytes below 10,
/// which the classic "has a byte less than n" test ((z - n) & !z & 0x80 per byte, exact for
/// n <= 128) flags; its borrows only carry upward, so no flag lies below the first digit.
#[inline]
fn digit_flags(block: &[u8]) -> u64 {
    let z = u64::from_le_bytes(block.try_into().unwrap_or_default()) ^ (ONES * b'0' as u64);
    z.wrapping_sub(ONES * 10) & !z & (ONES * 0x80)
}

/// The first ASCII digit at or after `i`. Reads eight bytes at a time, as most blocks of a
/// post hold no digit.
#[inline]
pub fn next_digit(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(block) = b.get(i..i + 8) {
        let digits = digit_flags(block);
        if digits != 0 {
            return Some(i + digits.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    (i..b.len()).find(|&j| b[j].is_ascii_digit())
}

/// The end of the run of ASCII digits at `p`.
#[inline]
pub fn digits_end(b: &[u8], p: usize) -> usize {
    run(b, p, |c| c.is_ascii_digit())
}

/// Maximal runs of ASCII digits, as `(start, end)` byte offsets.
pub fn digit_runs(b: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::with_capacity(32);
    let mut i = 0;
    while let Some(s) = next_digit(b, i) {
        i = digits_end(b, s);
        runs.push((s, i));
    }
    runs
}

/// `find_iter`'s matches, given every start where a match may begin (in any order) and
/// the match at a start: the leftmost match at or after the end of the previous one.
pub fn leftmost(
    low: &str,
    mut starts: Vec<usize>,
    at: impl Fn(&str, usize) -> Option<usize>,
) -> Vec<(usize, usize)> {
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::with_capacity(starts.len());
    let mut pos = 0;
    for p in starts {
        if p < pos {
            continue;
        }
        if let Some(e) = at(low, p) {
            out.push((p, e));
            pos = e;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs_are_the_runs_of_digits() {
        let mut rng = crate::testing::Rng(7);
        for _ in 0..20_000 {
            let n = rng.next() % 40;
            let b: Vec<u8> = (0..n)
                .map(|_| match rng.next() % 4 {
                    0 => b'0' + (rng.next() % 10) as u8,
                    1 => b"/:09\x80\xff"[rng.next() % 6],
                    _ => rng.next() as u8,
                })
                .collect();
            let mut want = Vec::new();
            for (i, c) in b.iter().enumerate() {
                let prev = i > 0 && b[i - 1].is_ascii_digit();
                match (c.is_ascii_digit(), prev) {
                    (true, false) => want.push((i, i + 1)),
                    (true, true) => want.last_mut().unwrap().1 = i + 1,
                    _ => {}
                }
            }
            assert_eq!(digit_runs(&b), want, "{b:?}");
        }
    }
}
