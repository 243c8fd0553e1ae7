//! Every archive's dates to one form: ISO 8601 in UTC to the second, `2018-10-10T20:19:24Z`.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

fn iso(t: OffsetDateTime) -> Option<String> {
    let t = t.to_offset(UtcOffset::UTC).replace_nanosecond(0).ok()?;
    t.format(&Rfc3339).ok()
}

/// Unix seconds (Facebook, Instagram).
pub fn from_unix(seconds: i64) -> Option<String> {
    iso(OffsetDateTime::from_unix_timestamp(seconds).ok()?)
}

/// X's `created_at`: `Wed Oct 10 20:19:24 +0000 2018`.
pub fn from_x(s: &str) -> Option<String> {
    let f = format_description!(
        "[weekday repr:short] [month repr:short] [day] [hour]:[minute]:[second] [offset_hour sign:mandatory][offset_minute] [year]"
    );
    iso(OffsetDateTime::parse(s.trim(), f).ok()?)
}

/// RFC 3339 (X's messages and long posts: `2023-02-01T12:00:00.000Z`).
pub fn from_rfc3339(s: &str) -> Option<String> {
    iso(OffsetDateTime::parse(s.trim(), &Rfc3339).ok()?)
}

/// LinkedIn's `2023-05-10 14:22:11`, which is UTC.
pub fn from_linkedin(s: &str) -> Option<String> {
    let f = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let t = PrimitiveDateTime::parse(s.trim(), f).ok()?;
    iso(t.assume_utc())
}

/// The Unix seconds of a date this module wrote.
pub fn unix_of(iso: &str) -> i64 {
    OffsetDateTime::parse(iso, &Rfc3339)
        .map(|t| t.unix_timestamp())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_to_iso_utc() {
        assert_eq!(from_unix(1571234567).unwrap(), "2019-10-16T14:02:47Z");
        assert_eq!(
            from_x("Wed Oct 10 20:19:24 +0000 2018").unwrap(),
            "2018-10-10T20:19:24Z"
        );
        // An offset moves the time to UTC.
        assert_eq!(
            from_x("Wed Oct 10 22:19:24 +0200 2018").unwrap(),
            "2018-10-10T20:19:24Z"
        );
        assert_eq!(
            from_rfc3339("2023-02-01T12:00:00.123Z").unwrap(),
            "2023-02-01T12:00:00Z"
        );
        assert_eq!(
            from_linkedin("2023-05-10 14:22:11").unwrap(),
            "2023-05-10T14:22:11Z"
        );
        assert_eq!(unix_of("2019-10-16T14:02:47Z"), 1571234567);
        assert!(from_x("yesterday").is_none());
        assert!(from_linkedin("10/05/2023").is_none());
    }
}
