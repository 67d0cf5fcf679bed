//! Scoring (CLINICAL.md): dimension scores, S and P, the band, safety overrides, drivers whose
//! contributions sum to S, and what single change of answer would move the result.

pub mod grid;
mod order;
mod outcome;
mod reach;
mod stepped;
mod tally;
mod what_if;

pub use order::asking_order;
pub use outcome::{
    DimensionScore, Driver, Outcome, QuestionnaireInfo, RaisedFlag, Recommendation, Safety, score,
};
pub use reach::{Reach, adds_to_next_steps, reach};
pub use stepped::lighter_step;
pub use tally::{Aggregate, Band, CLOSE_CALL_TILT, Tally, answer_weight, tally};
pub use what_if::{WouldChange, alternatives, would_change};
