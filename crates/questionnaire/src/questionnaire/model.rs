//! The validated questionnaire: what the rest of groupfit works with. Every reference is an index
//! that loading has checked, so nothing downstream needs to handle a dangling id.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::{Date, Verified};
use crate::ui_text::UiText;

/// A validated questionnaire.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Questionnaire {
    pub meta: Meta,
    pub outcomes: Outcomes,
    pub scoring: ScoringSettings,
    /// Stepped care for close calls (`[scoring.lighter_step]`), if the file sets it.
    pub lighter_step: Option<LighterStep>,
    /// A group a professional, a court or an employer has named (`[[scoring.referral]]`): when
    /// its conditions hold and there is no caution, the named kind of group is the result.
    #[serde(default)]
    pub referrals: Vec<Referral>,
    pub dimensions: Vec<Dimension>,
    pub crisis: Vec<CrisisLine>,
    pub questions: Vec<Question>,
    /// Brief validated instruments scored by their own cut-offs (`[[instruments]]`): AUDIT-C,
    /// SCOFF. Each sums the `points` of its items' chosen options.
    #[serde(default)]
    pub instruments: Vec<Instrument>,
    /// The interface's words, with the file's `[ui]` overrides.
    pub ui: UiText,
    /// Hex SHA-256 of the file's bytes: which exact questionnaire an answers file was made with.
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub version: String,
    pub intro: String,
    pub disclaimer: String,
    pub next_steps: String,
    /// In which order the questions that score are asked.
    #[serde(default)]
    pub order: Order,
}

/// How the questions are ordered. The screens always come first, in the file's order; then the
/// questions that score; then those that only feed the next steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// The question that could still move the result most comes next, so that the result is
    /// settled soonest for this person.
    #[default]
    Adaptive,
    /// The file's order, as the author wrote it.
    Fixed,
}

impl Order {
    pub const ALL: [Self; 2] = [Self::Adaptive, Self::Fixed];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Adaptive => "adaptive",
            Self::Fixed => "fixed",
        }
    }
}

/// The two kinds of group the tool chooses between.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcomes {
    pub support_group: OutcomeText,
    pub group_therapy: OutcomeText,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutcomeText {
    pub label: String,
    pub summary: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct ScoringSettings {
    /// |S| below this is "either".
    pub either_margin: f64,
    /// Share of shown scored questions that must be answered for a complete result.
    pub min_answered: f64,
    /// Share of a dimension's shown scored questions below which it is low-confidence.
    pub low_confidence: f64,
}

impl Default for ScoringSettings {
    fn default() -> Self {
        Self {
            either_margin: 0.15,
            min_answered: 0.70,
            low_confidence: 0.60,
        }
    }
}

/// One of the scored dimensions on which the two kinds of group differ.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub label: String,
    pub weight: f64,
    pub support_group: String,
    pub group_therapy: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrisisLine {
    /// An ISO 3166 region code, upper case (`UK` is read as `GB`).
    pub region: String,
    pub service: String,
    /// How to reach the service: "Call or text 988".
    pub contact: String,
    /// The region's emergency number ("911"), when the file gives it.
    pub emergency: Option<String>,
    pub url: String,
    pub last_verified: String,
    /// What the line helps with: a caution lists the lines of its own topic first.
    #[serde(default)]
    pub topic: Topic,
}

/// What a help line is for, and so which caution lists it first. A flag names the topic of the
/// help it calls for; a flag without one calls for suicide and crisis help.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Suicide, self-harm and any crisis: the lines every screen's footer shows.
    #[default]
    Crisis,
    DomesticAbuse,
    AlcoholDrugs,
    Eating,
    /// Anything else a doctor or a mental-health service is the place for.
    General,
}

impl Topic {
    /// Every topic, in the order files name them.
    pub const ALL: [Self; 5] = [
        Self::Crisis,
        Self::DomesticAbuse,
        Self::AlcoholDrugs,
        Self::Eating,
        Self::General,
    ];

    /// The name a file uses: `crisis`, `domestic_abuse`, `alcohol_drugs`, `eating`, `general`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Crisis => "crisis",
            Self::DomesticAbuse => "domestic_abuse",
            Self::AlcoholDrugs => "alcohol_drugs",
            Self::Eating => "eating",
            Self::General => "general",
        }
    }

    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A brief validated instrument (AUDIT-C, SCOFF): its total is the sum of the `points` of the
/// options chosen on its shown items, and its flags fire by that total's cut-offs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Instrument {
    pub id: String,
    pub label: String,
    /// The questions it adds up, by index.
    pub items: Vec<usize>,
    /// Flags by total (`at_least`, `at_most`), with their topics, notes and advice.
    pub flags: Vec<ScaleFlag>,
    /// The LOINC code of its total score, for records a record system reads.
    #[serde(default)]
    pub loinc: Option<String>,
}

/// "Show this question when instrument `instrument` totals at least `at_least` so far."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreCondition {
    pub instrument: usize,
    pub at_least: i64,
}

impl CrisisLine {
    /// How this line's `last_verified` day stands on `today` (`None` if the model holds no
    /// readable day, which the loader never builds).
    #[must_use]
    pub fn verified_as_of(&self, today: Date) -> Option<Verified> {
        Date::parse(&self.last_verified).map(|day| day.verified_as_of(today))
    }
}

/// Where a question belongs: the safety screen, a scored dimension, or information only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Section {
    Safety,
    Scored(usize),
    Info,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub section: Section,
    pub prompt: String,
    pub help: Option<String>,
    pub why: Option<String>,
    pub required: bool,
    /// Its answers say what the person's life is (what brings them, for how long), not what
    /// they would like: the person is never shown another answer to it as something that
    /// would change the result (a clinician's record lists every change).
    #[serde(default)]
    pub circumstance: bool,
    pub show_if: Option<ShowIf>,
    /// Shown only when an instrument's total so far reaches a cut-off (`show_if_score`).
    #[serde(default)]
    pub show_if_score: Option<ScoreCondition>,
    pub kind: QuestionKind,
    /// The flags the instruments this question feeds can raise (filled in by the loader), so
    /// that what a question can lead to is known from the question alone.
    #[serde(default)]
    pub instrument_flags: Vec<Flag>,
    /// The question's LOINC code, when it is an item of a validated instrument LOINC codes.
    #[serde(default)]
    pub loinc: Option<String>,
}

impl Question {
    /// True when answers to this question move the score: it sits in a scored dimension and
    /// carries weights.
    #[must_use]
    pub fn is_scored(&self) -> bool {
        if !matches!(self.section, Section::Scored(_)) {
            return false;
        }
        match &self.kind {
            QuestionKind::Single { options } | QuestionKind::Multi { options, .. } => {
                options.iter().any(|o| o.weight.is_some())
            }
            QuestionKind::Scale(scale) => scale.weights.is_some(),
            QuestionKind::Text { .. } => false,
        }
    }

    /// The options of a single or multi question (empty for the other kinds).
    #[must_use]
    pub fn options(&self) -> &[Choice] {
        match &self.kind {
            QuestionKind::Single { options } | QuestionKind::Multi { options, .. } => options,
            _ => &[],
        }
    }

    /// The options a person is offered, and so every answer anyone can still give: every
    /// option but the retired ones, which the loader keeps last. A stored answer is read with
    /// [`Question::options`], which keeps them.
    #[must_use]
    pub fn offered(&self) -> &[Choice] {
        let options = self.options();
        let offered = options.iter().take_while(|o| !o.retired).count();
        debug_assert!(options[offered..].iter().all(|o| o.retired), "retired last");
        &options[..offered]
    }

    /// Whether the option at `index` is one a person can still choose.
    #[must_use]
    pub fn is_offered(&self, index: usize) -> bool {
        index < self.offered().len()
    }

    #[must_use]
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options().iter().position(|o| o.id == id)
    }
}

/// Stepped care (CLINICAL.md, "the lightest step first"): a complete close call, with no caution,
/// starts with a support group when every `when` condition holds and no `unless` one does.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LighterStep {
    /// Why, in the person's words: the headline says it.
    pub reason: String,
    pub when: Vec<ShowIf>,
    pub unless: Vec<ShowIf>,
}

/// A named group (CLINICAL.md: a group that a court, an employer or a service requires is
/// almost always a structured, professionally led one): when every `when` condition holds and
/// there is no caution, the result is `recommend`, and the headline says `reason`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Referral {
    /// Why, in the person's words.
    pub reason: String,
    pub when: Vec<ShowIf>,
    /// Which kind of group: true for group therapy, false for a support group.
    pub group_therapy: bool,
}

/// An answer condition: question `question` was answered with one of `any_of`. As `show_if`, it
/// shows a question only when an earlier question's answer is one of `any_of`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShowIf {
    pub question: usize,
    pub any_of: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum QuestionKind {
    Single {
        options: Vec<Choice>,
    },
    Multi {
        options: Vec<Choice>,
        min_choices: Option<usize>,
        max_choices: Option<usize>,
    },
    Scale(Scale),
    Text {
        max_length: usize,
        multiline: bool,
    },
}

impl QuestionKind {
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::Single { .. } => "single",
            Self::Multi { .. } => "multi",
            Self::Scale(_) => "scale",
            Self::Text { .. } => "text",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub min_label: Option<String>,
    pub max_label: Option<String>,
    /// Weights at `min` and at `max`; values between map linearly.
    pub weights: Option<(f64, f64)>,
    pub flags: Vec<ScaleFlag>,
}

impl Scale {
    /// The weight of a value on this scale, if the scale is scored.
    #[must_use]
    pub fn weight_at(&self, value: i64) -> Option<f64> {
        let (low, high) = self.weights?;
        let span = (self.max - self.min) as f64;
        let position = (value - self.min) as f64 / span;
        Some(low + (high - low) * position)
    }
}

/// A flag raised when a scale value is at most / at least a threshold.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScaleFlag {
    pub at_most: Option<i64>,
    pub at_least: Option<i64>,
    pub flag: Flag,
    /// For a clinician's record: what the flag means.
    pub note: Option<String>,
    /// For the person: the flag in plain words, with the help that suits it.
    pub advice: Option<String>,
    /// The help it calls for (`None`: suicide and crisis help).
    #[serde(default)]
    pub topic: Option<Topic>,
}

impl ScaleFlag {
    #[must_use]
    pub fn applies_to(&self, value: i64) -> bool {
        self.at_most.is_none_or(|m| value <= m) && self.at_least.is_none_or(|m| value >= m)
    }
}

/// One option of a single or multi question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// -2 (support group) .. +2 (group therapy); `None` is neutral.
    pub weight: Option<f64>,
    /// "Not sure / prefer not to say": answered, but not scored.
    pub skip: bool,
    /// A middle or "it depends" answer, which should weigh nothing (`groupfit audit` checks);
    /// skip options are neutral by definition.
    pub neutral: bool,
    pub flag: Option<Flag>,
    /// For a clinician's record: what the flag means.
    pub note: Option<String>,
    /// For the person: the flag in plain words, with the help that suits it.
    pub advice: Option<String>,
    /// A sentence added to the next steps when this option is chosen ("Peer groups are often
    /// free; ask ...").
    pub next_step: Option<String>,
    /// The help its flag calls for (`None`: suicide and crisis help).
    #[serde(default)]
    pub topic: Option<Topic>,
    /// What it adds to the total of the instrument its question belongs to.
    #[serde(default)]
    pub points: Option<i64>,
    /// The option's LOINC answer code, when its question has a LOINC code.
    #[serde(default)]
    pub loinc: Option<String>,
    /// No longer offered: a new session never shows it, but an answers file that chose it
    /// (saved with an earlier version of the questionnaire) still loads and scores as it did.
    /// Retired options come after every offered one, so an offered option's number is its
    /// place in the list.
    #[serde(default)]
    pub retired: bool,
}

impl Choice {
    /// A middle, "it depends" or "not sure" answer: it should weigh nothing.
    #[must_use]
    pub fn is_neutral(&self) -> bool {
        self.neutral || self.skip
    }
}

/// Safety and preparation flags, in rising order of urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Flag {
    Prep,
    Amber,
    Red,
}

impl Flag {
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "prep" => Some(Self::Prep),
            "amber" => Some(Self::Amber),
            "red" => Some(Self::Red),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Prep => "prep",
            Self::Amber => "amber",
            Self::Red => "red",
        }
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Questionnaire {
    #[must_use]
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// True when the questionnaire has a safety screen: without one, "no flags" means nothing
    /// was asked, and every record says safety was not screened.
    #[must_use]
    pub fn screens_safety(&self) -> bool {
        self.questions.iter().any(|q| q.section == Section::Safety)
    }

    /// Sum of the dimension weights: the denominator when every dimension counts.
    #[must_use]
    pub fn total_dimension_weight(&self) -> f64 {
        self.dimensions.iter().map(|d| d.weight).sum()
    }

    /// Questions in the order they are asked: the safety screen first, then the rest in file
    /// order.
    #[must_use]
    pub fn asking_order(&self) -> Vec<usize> {
        let safety =
            (0..self.questions.len()).filter(|&i| self.questions[i].section == Section::Safety);
        let rest =
            (0..self.questions.len()).filter(|&i| self.questions[i].section != Section::Safety);
        safety.chain(rest).collect()
    }
}
