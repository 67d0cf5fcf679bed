//! Calendar dates without a time zone library: enough to tell how old a crisis line's
//! `last_verified` date is. The core never reads the clock; `main` passes today in.

use std::time::{SystemTime, UNIX_EPOCH};

/// A day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    #[must_use]
    pub fn days_since_epoch(self) -> i64 {
        let year = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let shifted_month = if month > 2 { month - 3 } else { month + 9 };
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    #[must_use]
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Self {
            year,
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Today in UTC, from the system clock. Only the command line calls this.
    #[must_use]
    pub fn today_utc() -> Self {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        Self::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// Now in UTC as `2026-11-26 07:25 UTC`, for a report's header. Only the command line calls
    /// this.
    #[must_use]
    pub fn timestamp_utc() -> String {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        Self::timestamp_at(seconds)
    }

    /// A moment, in seconds since 1970-01-01 UTC, as `2026-11-26 07:25 UTC`.
    #[must_use]
    pub fn timestamp_at(seconds: i64) -> String {
        let day = Self::from_days_since_epoch(seconds.div_euclid(86_400));
        let minutes = seconds.rem_euclid(86_400) / 60;
        format!("{day} {:02}:{:02} UTC", minutes / 60, minutes % 60)
    }

    /// True when `self` lies more than twelve months before `today`.
    #[must_use]
    pub fn is_over_a_year_before(self, today: Date) -> bool {
        let a_year_ago = Date {
            year: today.year - 1,
            ..today
        };
        // 29 February has no twin a year earlier; compare day numbers so that it still works.
        self.days_since_epoch() < a_year_ago.days_since_epoch()
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_day_numbers() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_600, 400_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        let d = Date {
            year: 2026,
            month: 11,
            day: 26,
        };
        assert_eq!(d.days_since_epoch(), 20_783);
        assert_eq!(d.to_string(), "2026-11-26");
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
