//! Dates and times, through `jiff`: how old a crisis line's `last_verified` date is, and a
//! record's time in the person's local time with its offset. The core never reads the clock;
//! the command line reads it and passes today in (and groupfit's build script, to warn of a
//! crisis line dated after the day it builds).

/// A day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: u8,
    pub day: u8,
}

/// Now in the system's time zone. jiff's own lookup of the system zone first loads its whole
/// zone database (a walk of /usr/share/zoneinfo: at start-up, more instructions than drawing the
/// first frame); the local zone's rules alone, read from /etc/localtime, give the same time.
/// With `TZ` set, or no /etc/localtime, jiff's lookup decides, as before.
fn now_local() -> jiff::ZonedDateTime {
    let zone = std::env::var_os("TZ")
        .is_none()
        .then(|| std::fs::read("/etc/localtime").ok())
        .flatten()
        .and_then(|rules| jiff::tz::TimeZone::tzif("Local", &rules).ok())
        .unwrap_or_else(jiff::tz::TimeZone::system);
    now().to_zoned_datetime(zone)
}

/// The system clock as a `jiff` timestamp, held within jiff's range: a clock set past
/// 9999-12-30 (or before -9999) reads as the nearest moment jiff can hold, never a panic
/// (`Timestamp::now` panics out of range).
fn now() -> jiff::Timestamp {
    let clock = std::time::SystemTime::now();
    jiff::Timestamp::try_from(clock).unwrap_or_else(|_| {
        if clock > std::time::UNIX_EPOCH {
            jiff::Timestamp::MAX
        } else {
            jiff::Timestamp::MIN
        }
    })
}

/// A record's time: minutes and the UTC offset.
fn timestamp(moment: &jiff::ZonedDateTime) -> String {
    moment.strftime("%Y-%m-%d %H:%M %:z").to_string()
}

impl Date {
    /// The same day as a `jiff` civil date, when it is one.
    fn civil(self) -> Option<jiff::civil::Date> {
        let year = i16::try_from(self.year).ok()?;
        let month = i8::try_from(self.month).ok()?;
        let day = i8::try_from(self.day).ok()?;
        jiff::civil::Date::new(year, month, day).ok()
    }

    /// Today where the person is (the system's time zone, UTC when it has none). Only the
    /// command line (and the build script, for a warning) calls this.
    #[must_use]
    pub fn today() -> Self {
        let today = now_local().date();
        Self {
            year: i64::from(today.year()),
            month: u8::try_from(today.month()).unwrap_or(1),
            day: u8::try_from(today.day()).unwrap_or(1),
        }
    }

    /// Now in the person's local time with its offset, `2026-11-26 08:25 +01:00`, for a
    /// record's header: a clinic reads its own time, and the offset keeps it unambiguous. Only
    /// the command line calls this.
    #[must_use]
    pub fn timestamp_local() -> String {
        timestamp(&now_local())
    }

    /// A moment, in seconds since 1970-01-01 UTC, in UTC: `2026-11-26 07:25 +00:00`. For
    /// reproducible records (`SOURCE_DATE_EPOCH`).
    #[must_use]
    pub fn timestamp_at(seconds: i64) -> Option<String> {
        jiff::Timestamp::from_second(seconds)
            .ok()
            .map(|t| timestamp(&t.to_zoned_datetime(jiff::tz::TimeZone::UTC)))
    }

    /// A day written `2026-06-01`, as the model keeps a crisis line's `last_verified`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let civil: jiff::civil::Date = text.parse().ok()?;
        Some(Self {
            year: i64::from(civil.year()),
            month: u8::try_from(civil.month()).ok()?,
            day: u8::try_from(civil.day()).ok()?,
        })
    }

    /// How a crisis line verified on `self` stands on `today`: the loader refuses a day still
    /// to come and warns of one over twelve months old.
    #[must_use]
    pub fn verified_as_of(self, today: Date) -> Verified {
        if self > today {
            Verified::InTheFuture
        } else if self.is_over_a_year_before(today) {
            Verified::OverAYearAgo
        } else {
            Verified::Current
        }
    }

    /// True when `self` lies more than twelve months before `today`. A year before 29
    /// February is 28 February.
    #[must_use]
    pub fn is_over_a_year_before(self, today: Date) -> bool {
        match (self.civil(), today.civil()) {
            (Some(this), Some(today)) => this < today.saturating_sub(jiff::ToSpan::years(1)),
            _ => false,
        }
    }
}

/// How a crisis line's `last_verified` day stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    Current,
    /// A day still to come: a typo, or a wrong clock.
    InTheFuture,
    /// Over twelve months ago: the number may have changed.
    OverAYearAgo,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The local zone read from /etc/localtime tells the same time as jiff's own lookup.
    #[test]
    fn the_local_zone_is_the_systems() {
        let ours = now_local();
        let jiffs = jiff::ZonedDateTime::now();
        assert_eq!(ours.offset(), jiffs.offset());
        assert_eq!(ours.date(), jiffs.date());
    }

    #[test]
    fn a_record_time_carries_its_offset() {
        assert_eq!(
            Date::timestamp_at(1_764_145_500).as_deref(),
            Some("2025-11-26 08:25 +00:00")
        );
        assert_eq!(
            Date::timestamp_at(i64::MAX),
            None,
            "out of range is said, not blank"
        );
        let local = Date::timestamp_local();
        assert!(
            local.len() == "2025-11-26 08:25 +00:00".len()
                && matches!(local.as_bytes()[17], b'+' | b'-'),
            "{local}"
        );
        assert_eq!(
            Date {
                year: 2026,
                month: 11,
                day: 26
            }
            .to_string(),
            "2026-11-26"
        );
    }

    #[test]
    fn a_verified_day_is_read_back_and_placed() {
        let day = Date::parse("2026-06-01").unwrap();
        assert_eq!(day.to_string(), "2026-06-01");
        assert_eq!(Date::parse("2026-13-01"), None);
        let on = |text| Date::parse(text).unwrap();
        assert_eq!(day.verified_as_of(on("2026-06-01")), Verified::Current);
        assert_eq!(day.verified_as_of(on("2026-05-31")), Verified::InTheFuture);
        assert_eq!(day.verified_as_of(on("2027-06-01")), Verified::Current);
        assert_eq!(day.verified_as_of(on("2027-06-02")), Verified::OverAYearAgo);
    }

    #[test]
    fn twelve_months_is_the_limit() {
        let today = Date {
            year: 2026,
            month: 11,
            day: 26,
        };
        assert!(
            !Date {
                year: 2025,
                month: 11,
                day: 26
            }
            .is_over_a_year_before(today)
        );
        assert!(
            Date {
                year: 2025,
                month: 11,
                day: 25
            }
            .is_over_a_year_before(today)
        );
        let leap = Date {
            year: 2028,
            month: 2,
            day: 29,
        };
        assert!(
            !Date {
                year: 2027,
                month: 3,
                day: 1
            }
            .is_over_a_year_before(leap)
        );
    }
}
