//! The one timestamp format pizhu writes (annotations, reading positions, imports, crash
//! reports).

/// Now, UTC, RFC 3339 with exactly three fraction digits (`2025-07-05T08:30:00.120Z`):
/// fixed width, so timestamps compare correctly as strings. (The well-known Rfc3339
/// format trims trailing zeros, and `…00.12Z` sorts after `…00.123Z`.)
pub fn now() -> String {
    let now = time::OffsetDateTime::now_utc();
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    now.format(&format)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn timestamps_are_fixed_width_rfc3339_and_sort_as_strings() {
        let a = super::now();
        assert_eq!(a.len(), "2025-07-05T08:30:00.120Z".len(), "{a}");
        assert!(
            time::OffsetDateTime::parse(&a, &time::format_description::well_known::Rfc3339).is_ok()
        );
        let b = super::now();
        assert!(a <= b);
    }
}
