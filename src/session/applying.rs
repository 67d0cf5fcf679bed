//! Applying an action to the session: answering, skipping, going back, reviewing and finishing,
//! with what they bring along (the caution once, follow-ups shown and cleared).

use super::{Action, Effect, Refusal, Session, Stage};
use crate::answers::{Answer, check, visible};
use crate::questionnaire::Section;

impl Session<'_> {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) -> Result<Effect, Refusal> {
        match (action, self.stage) {
            (Action::Start, Stage::Welcome) => Ok(self.go_to_first()),
            (Action::Answer(answer), Stage::Asking(q)) => self.answer(q, answer),
            (Action::Skip, Stage::Asking(q)) => self.skip(q),
            (Action::Back, stage) => self.go_back(stage),
            (Action::OpenReview, Stage::Asking(q)) => {
                self.stage = Stage::Review;
                self.editing_from_review = false;
                self.review_opened_from = Some(q);
                self.review_focus = None;
                Ok(Effect::Moved)
            }
            (Action::Edit(q), Stage::Review) if self.is_shown(q) => {
                self.stage = Stage::Asking(q);
                self.editing_from_review = true;
                self.review_focus = Some(q);
                Ok(Effect::Moved)
            }
            (Action::FinishEarly, Stage::Asking(q)) => {
                // On a settled result, the question on the screen and every one after it were
                // never asked, and no answer to them could have changed it. Leaving at a
                // caution is not that: the questions left are simply unanswered.
                let settled = self.reach().settled;
                let effect = self.finish(true)?;
                if settled {
                    let at = self.order.iter().position(|&i| i == q).unwrap_or(0);
                    self.not_asked = self.order[at..].to_vec();
                }
                Ok(effect)
            }
            (Action::Finish, Stage::Review) => self.finish(false),
            _ => Err(Refusal::NotHere),
        }
    }

    /// The result, once no required question is left unanswered.
    fn finish(&mut self, early: bool) -> Result<Effect, Refusal> {
        if let Some(q) = self.first_unanswered_required() {
            return Err(Refusal::Unanswered(q));
        }
        self.finished_early = early;
        // Questions are marked "not asked" only by the settled offer taken just now: a result
        // reached again (after going back and changing an answer) has no such questions.
        self.not_asked.clear();
        self.stage = Stage::Finished;
        Ok(Effect::Finished)
    }

    /// The first question, or after a resume, the first one not answered yet.
    fn go_to_first(&mut self) -> Effect {
        let first = self
            .shown_questions()
            .find(|&i| self.answers.get(i).is_none());
        self.stage = first.map_or(Stage::Review, Stage::Asking);
        Effect::Moved
    }

    fn answer(&mut self, q: usize, answer: Answer) -> Result<Effect, Refusal> {
        let question = &self.questionnaire.questions[q];
        check(question, &answer).map_err(Refusal::Invalid)?;
        if self.flag_stays(q, &answer) {
            return Err(Refusal::FlagLocked);
        }
        self.answers.set(q, answer);
        let cleared = self.refresh_visibility();
        if crate::safety::review(self.questionnaire, &self.answers, &self.shown).is_red() {
            self.stage = Stage::Stopped;
            return Ok(Effect::Stopped);
        }
        self.advance_from(q);
        if self.caution_is_due(q) {
            self.caution_given = true;
            return Ok(Effect::Caution);
        }
        Ok(if cleared.is_empty() {
            Effect::Moved
        } else {
            Effect::Cleared(cleared)
        })
    }

    /// A professional first is called for, and this is the moment to say so (once), rather than
    /// 20 questions later: the answer to `q` ended the safety screen, or, past it, raised the
    /// caution itself (a screening question about eating, a birth, age or a child).
    fn caution_is_due(&self, q: usize) -> bool {
        let was_safety = self.questionnaire.questions[q].section == Section::Safety;
        let now_past_safety = match self.stage {
            Stage::Asking(next) => self.questionnaire.questions[next].section != Section::Safety,
            Stage::Review => true,
            _ => false,
        };
        let raised_caution = self.answers.get(q).is_some_and(|answer| {
            crate::safety::highest_flag(self.questionnaire, q, answer)
                .is_some_and(|flag| flag >= crate::questionnaire::Flag::Amber)
        });
        if self.caution_given || !now_past_safety || !(was_safety || raised_caution) {
            return false;
        }
        // Only once the whole safety screen is answered: an edit from the review with safety
        // questions still to come is not the end of it.
        let review = crate::safety::review(self.questionnaire, &self.answers, &self.shown);
        review.unasked.is_empty() && review.level >= crate::safety::Safety::Amber
    }

    fn skip(&mut self, q: usize) -> Result<Effect, Refusal> {
        if self.questionnaire.questions[q].required {
            return Err(Refusal::Required);
        }
        self.advance_from(q);
        Ok(Effect::Moved)
    }

    /// Next shown question after `q`, or the review at the end or when editing from it.
    fn advance_from(&mut self, q: usize) {
        if self.editing_from_review {
            self.editing_from_review = false;
            self.stage = Stage::Review;
            return;
        }
        let position = self.order.iter().position(|&i| i == q).unwrap_or(0);
        let next = self.order[position + 1..]
            .iter()
            .copied()
            .find(|&i| self.shown[i]);
        self.stage = next.map_or(Stage::Review, Stage::Asking);
        if self.stage == Stage::Review {
            // Reached at the end: leaving it goes back to the last question.
            self.review_opened_from = None;
            self.review_focus = None;
        }
    }

    fn go_back(&mut self, stage: Stage) -> Result<Effect, Refusal> {
        let target = match stage {
            Stage::Asking(q) => {
                let position = self.order.iter().position(|&i| i == q).unwrap_or(0);
                let previous = self.order[..position]
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| self.shown[i]);
                previous.map(Stage::Asking).ok_or(Refusal::AtStart)?
            }
            // Back to where the person opened the review from, if it is still asked; else the
            // last question.
            Stage::Review => {
                let from = self.review_opened_from.filter(|&q| self.is_shown(q));
                let last = from.or_else(|| self.shown_questions().last());
                last.map_or(Stage::Welcome, Stage::Asking)
            }
            Stage::Finished => Stage::Review,
            Stage::Welcome | Stage::Stopped => return Err(Refusal::NotHere),
        };
        self.stage = target;
        self.editing_from_review = false;
        Ok(Effect::Moved)
    }

    /// Recomputes which questions are shown and clears answers to the ones now hidden. An
    /// answer a resumed file held for a hidden question comes back once it is shown again.
    fn refresh_visibility(&mut self) -> Vec<usize> {
        self.answers.restore_shown(self.questionnaire);
        self.shown = visible(self.questionnaire, &self.answers);
        let hidden: Vec<usize> = self
            .answers
            .answered()
            .filter(|&i| !self.shown[i])
            .collect();
        for &i in &hidden {
            self.answers.clear(i);
        }
        // What matters most next depends on the answers: the questions already asked keep
        // their places.
        self.order = crate::scoring::asking_order(self.questionnaire, &self.answers);
        hidden
    }
}
