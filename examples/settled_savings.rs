//! How many questions "settled early" saves on the default questionnaire: simulated people answer
//! it question by question; after each answer we ask whether the remaining questions can still
//! change the recommendation, as the app does before it offers the result. Each person then
//! answers everything anyway, to check the early result against the full one.
//!
//! `cargo run --release --example settled_savings [RUNS]`; the figures are in docs/SETTLED.md.

use groupfit::answers::Answer;
use groupfit::date::Date;
use groupfit::questionnaire::{self, Question, QuestionKind, Questionnaire, Section};
use groupfit::scoring::Recommendation;
use groupfit::session::{Action, Session, Stage};

/// A small, seeded generator (xorshift64*), so every run of this example gives the same figures.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

/// Who is answering: how strongly they lean (negative: support group, positive: therapy), how
/// often they say "not sure", and how often a safety answer is not "no".
#[derive(Clone, Copy)]
struct Persona {
    name: &'static str,
    lean: f64,
    unsure: f64,
    safety_concern: f64,
}

const PERSONAS: [Persona; 5] = [
    Persona {
        name: "random (every option equally likely)",
        lean: 0.0,
        unsure: -1.0,
        safety_concern: -1.0,
    },
    Persona {
        name: "leans support group",
        lean: -1.2,
        unsure: 0.05,
        safety_concern: 0.03,
    },
    Persona {
        name: "leans group therapy",
        lean: 1.2,
        unsure: 0.05,
        safety_concern: 0.03,
    },
    Persona {
        name: "mixed, often unsure",
        lean: 0.0,
        unsure: 0.30,
        safety_concern: 0.03,
    },
    Persona {
        name: "mild lean support group",
        lean: -0.5,
        unsure: 0.10,
        safety_concern: 0.03,
    },
];

fn answer(question: &Question, persona: Persona, rng: &mut Rng) -> Option<Answer> {
    let random = persona.unsure < 0.0;
    match &question.kind {
        QuestionKind::Single { options } => {
            if random {
                return Some(Answer::Choice(rng.below(options.len())));
            }
            if question.section == Section::Safety {
                let concern = rng.unit() < persona.safety_concern;
                let pick = if concern {
                    1 + rng.below(options.len() - 1)
                } else {
                    0
                };
                return Some(Answer::Choice(pick));
            }
            if rng.unit() < persona.unsure
                && let Some(skip) = options.iter().position(|o| o.skip)
            {
                return Some(Answer::Choice(skip));
            }
            // Options weighted by how well they fit the persona's lean.
            let fits: Vec<f64> = options
                .iter()
                .map(|o| {
                    if o.skip {
                        0.0
                    } else {
                        (persona.lean * o.weight.unwrap_or(0.0)).exp()
                    }
                })
                .collect();
            let total: f64 = fits.iter().sum();
            let mut target = rng.unit() * total;
            for (i, fit) in fits.iter().enumerate() {
                target -= fit;
                if target <= 0.0 {
                    return Some(Answer::Choice(i));
                }
            }
            Some(Answer::Choice(0))
        }
        QuestionKind::Multi { options, .. } => Some(Answer::Choices(vec![
            rng.below(options.len().saturating_sub(1)),
        ])),
        QuestionKind::Scale(scale) => {
            let span = usize::try_from(scale.max - scale.min).unwrap_or(0) + 1;
            Some(Answer::Scale(
                scale.min + i64::try_from(rng.below(span)).unwrap_or(0),
            ))
        }
        QuestionKind::Text { .. } => None,
    }
}

/// Questions left when the result first became settled (none if it never did), and whether the
/// early recommendation matched the one after every question.
fn simulate(q: &Questionnaire, persona: Persona, rng: &mut Rng) -> Option<(Option<usize>, bool)> {
    let mut session = Session::new(q);
    session.apply(Action::Start).ok()?;
    let mut early: Option<(usize, Recommendation)> = None;
    while let Stage::Asking(i) = session.stage() {
        let action = answer(&q.questions[i], persona, rng).map_or(Action::Skip, Action::Answer);
        if session.apply(action.clone()).is_err() {
            session.apply(Action::Skip).ok()?;
        }
        if session.stage() == Stage::Stopped {
            return None; // a red answer: crisis support, no recommendation to settle
        }
        if early.is_none() && matches!(session.stage(), Stage::Asking(_)) {
            let reach = session.reach();
            if reach.settled {
                early = Some((reach.unanswered, reach.reachable[0]));
            }
        }
    }
    let full = session.score_now().recommendation;
    Some((
        early.map(|(left, _)| left),
        early.is_none_or(|(_, r)| r == full),
    ))
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5000);
    let today = Date {
        year: 2026,
        month: 12,
        day: 31,
    };
    let q = questionnaire::load(questionnaire::DEFAULT_TOML.as_bytes(), today)
        .expect("the default questionnaire is valid")
        .questionnaire;
    println!(
        "| who | people | offered early | questions saved, mean (all) | mean when offered | most | early = full |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (n, persona) in PERSONAS.iter().enumerate() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (n as u64 + 1));
        let (mut people, mut offered, mut saved, mut most, mut agree) =
            (0usize, 0usize, 0usize, 0usize, 0usize);
        for _ in 0..runs {
            let Some((left, same)) = simulate(&q, *persona, &mut rng) else {
                continue;
            };
            people += 1;
            agree += usize::from(same);
            if let Some(left) = left {
                offered += 1;
                saved += left;
                most = most.max(left);
            }
        }
        let percent = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let mean = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "| {} | {people} | {:.0}% | {:.1} | {:.1} | {most} | {:.0}% |",
            persona.name,
            percent(offered, people),
            mean(saved, people),
            mean(saved, offered),
            percent(agree, people)
        );
    }
}
