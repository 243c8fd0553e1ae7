//! Facebook and Instagram write non-ASCII text as its UTF-8 bytes, one `\u00XX` escape
//! per byte, so "é" arrives as "Ã©" and an emoji as four Latin-1 letters. Undo it: when
//! every character of a string is below U+0100 and those bytes are valid UTF-8, they are
//! the text. A string that is not such bytes (real Latin-1 text) is kept as it is.

use std::borrow::Cow;

pub fn repair(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || s.chars().any(|c| c as u32 > 0xFF) {
        return Cow::Borrowed(s);
    }
    let bytes: Vec<u8> = s.chars().map(|c| c as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) => Cow::Owned(fixed),
        Err(_) => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn escaped_utf8_is_decoded_and_real_text_kept() {
        let escaped: String = "Café ❤️ 👩‍⚕️ שלום"
            .bytes()
            .map(|b| char::from_u32(b as u32).unwrap())
            .collect();
        assert_ne!(escaped, "Café ❤️ 👩‍⚕️ שלום");
        assert_eq!(repair(&escaped), "Café ❤️ 👩‍⚕️ שלום");
        // Plain ASCII, already-decoded text and Latin-1 that is not UTF-8 stay.
        assert_eq!(repair("plain"), "plain");
        assert_eq!(repair("déjà 👩‍⚕️"), "déjà 👩‍⚕️");
        assert_eq!(repair("café"), "café");
    }
}
