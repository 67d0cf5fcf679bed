//! Exact at the edges (CLINICAL.md, scoring model): before banding and before P, S is put on a
//! grid of 1e-9, so that an S that is exactly ±0.15 in arithmetic (3/20, say, computed as
//! 0.14999999999999997) is banded as the rule says, P rounds half up on that grid, and an S of 0
//! is 0 (never -0.000 or 1e-17).

/// Grid points per unit.
const UNITS: f64 = 1e9;

/// `x` on the 1e-9 grid, with -0 made 0.
#[must_use]
pub fn on_grid(x: f64) -> f64 {
    let k = (x * UNITS).round();
    if k == 0.0 { 0.0 } else { k / UNITS }
}

/// P = round(50 (S + 1)), half up, computed on the grid in integers: S = -0.35 gives 33.
#[must_use]
pub fn percent(score: f64) -> u8 {
    // S is clamped to -1..1, so k fits an i64 and v is not negative.
    #[allow(clippy::cast_possible_truncation)]
    let k = (score.clamp(-1.0, 1.0) * UNITS).round() as i64;
    let units = 1_000_000_000_i64;
    let v = 50 * (k + units);
    u8::try_from((v + units / 2) / units).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Exact comparisons are the point: the grid makes these values exactly equal.
    #[allow(clippy::float_cmp)]
    #[test]
    fn ties_round_as_arithmetic_says() {
        assert_eq!(on_grid(3.0 / 20.0), 0.15);
        assert_eq!(on_grid(0.1 + 0.05), 0.15, "0.15000000000000002 on the grid");
        assert_eq!(on_grid(-0.0), 0.0);
        assert!(on_grid(1.387_778_780_781_445_7e-17).to_string() == "0");
        assert_eq!(percent(-0.35), 33, "half up");
        assert_eq!(percent(-7.0 / 20.0), 33);
        assert_eq!(percent(0.01), 51, "50.5 rounds up");
        assert_eq!(percent(-1.0), 0);
        assert_eq!(percent(1.0), 100);
    }
}
