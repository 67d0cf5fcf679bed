//! Where to get help now, for the person's region: that region's crisis lines first, or, for a
//! region the questionnaire has no entry for, an honest fallback (the local emergency number and
//! an international directory of helplines) first, never another country's number in its place.
//! A person reads their own region's lines; a clinician's record lists the others after them.
//! Every screen and record takes its crisis lines from here. The region comes from `--region`
//! or the locale; reading the environment is the caller's job.

use crate::questionnaire::{CrisisLine, Questionnaire, Topic};
use crate::ui_text::{UiText, fill};

pub use groupfit_questionnaire::region::normalise_region;

/// The region part of a locale such as `en_GB.UTF-8` or `fr_CA@euro`: `GB`, `CA`.
#[must_use]
pub fn region_from_locale(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next()?;
    let region = base.split(['_', '-']).nth(1)?;
    normalise_region(region)
}

/// One item of a list of help, in the order to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpItem<'q> {
    /// A configured crisis line.
    Line(&'q CrisisLine),
    /// "Call your local emergency number, or find a helpline": first when the region has no
    /// entry, after the region's own lines otherwise.
    Fallback,
    /// A caution's topic with no line for the region: the kind of service, and the doctor.
    TopicFallback(Topic),
}

/// The crisis help for one region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrisisHelp<'q> {
    /// The person's region, if known.
    pub region: Option<String>,
    /// The region's suicide and crisis lines, in file order.
    pub local: Vec<&'q CrisisLine>,
    /// Every other region's suicide and crisis lines, in file order: listed for a region
    /// without a line of its own, and on a clinician's record.
    pub others: Vec<&'q CrisisLine>,
    /// List the other regions' lines even when the region has its own: a clinician's record,
    /// whose region may be the clinic's rather than the client's.
    pub every_region: bool,
    /// The topics the cautions call for, most urgent first, each with the region's lines for
    /// it (empty: none configured, so the kind of service is named instead).
    pub topical: Vec<(Topic, Vec<&'q CrisisLine>)>,
}

impl<'q> CrisisHelp<'q> {
    /// Sorts the questionnaire's suicide and crisis lines for a region (`None`: unknown).
    #[must_use]
    pub fn new(questionnaire: &'q Questionnaire, region: Option<&str>) -> Self {
        let region = region.and_then(normalise_region);
        let is_local = |line: &CrisisLine| region.as_deref() == Some(line.region.as_str());
        let (local, others) = questionnaire
            .crisis
            .iter()
            .filter(|l| l.topic == Topic::Crisis)
            .partition(|l| is_local(l));
        Self {
            region,
            local,
            others,
            every_region: false,
            topical: Vec::new(),
        }
    }

    /// The same help, listing every other region's crisis lines after the region's own: for a
    /// clinician's record, which may be made in the clinic's region for a client from another.
    #[must_use]
    pub fn listing_every_region(mut self) -> Self {
        self.every_region = true;
        self
    }

    /// The help for cautions about `topics` (most urgent first, as `safety::help_topics` gives
    /// them): each topic's lines for the region come first, in that order, before the crisis
    /// lines. Another region's line for a topic is never shown in its place.
    #[must_use]
    pub fn for_topics(
        questionnaire: &'q Questionnaire,
        region: Option<&str>,
        topics: &[Topic],
    ) -> Self {
        let mut help = Self::new(questionnaire, region);
        help.topical = topics
            .iter()
            .map(|&topic| {
                let lines = if topic == Topic::Crisis {
                    help.local.clone()
                } else {
                    questionnaire
                        .crisis
                        .iter()
                        .filter(|l| {
                            l.topic == topic && help.region.as_deref() == Some(l.region.as_str())
                        })
                        .collect()
                };
                (topic, lines)
            })
            .collect();
        help
    }

    /// The items in the order to show them: each caution topic's lines (or the kind of service
    /// to ask for), then the region's crisis lines (a clinician's record: every region's, its
    /// own first) and "anywhere else"; or, for a region without an entry, the fallback first
    /// and the other entries after.
    #[must_use]
    pub fn items(&self) -> Vec<HelpItem<'q>> {
        let mut items = Vec::new();
        let mut crisis_done = false;
        for (topic, lines) in &self.topical {
            if *topic == Topic::Crisis {
                crisis_done = true;
                self.push_local_crisis(&mut items);
            } else if lines.is_empty() {
                items.push(HelpItem::TopicFallback(*topic));
            } else {
                items.extend(lines.iter().map(|l| HelpItem::Line(l)));
            }
        }
        if !crisis_done {
            self.push_local_crisis(&mut items);
        }
        if (self.local.is_empty() || self.every_region) && self.crisis_called_for() {
            items.extend(self.others.iter().map(|l| HelpItem::Line(l)));
        }
        if !self.local.is_empty() {
            items.push(HelpItem::Fallback);
        }
        items
    }

    /// Whether other countries' suicide and crisis lines could help: for a region without a
    /// line of its own, or on a clinician's record (a person with one reads it, then "anywhere
    /// else", not five countries' numbers, which in a crisis is a lot to read past), and only
    /// where suicide or a crisis is the help called for (a caution about drinking, eating or
    /// home is never answered with them; the fallback already names the local emergency
    /// number and a directory).
    fn crisis_called_for(&self) -> bool {
        self.topical.is_empty() || self.topical.iter().any(|(t, _)| *t == Topic::Crisis)
    }

    /// The region's crisis lines, or the honest fallback where it has none.
    fn push_local_crisis(&self, items: &mut Vec<HelpItem<'q>>) {
        if self.local.is_empty() {
            items.push(HelpItem::Fallback);
        } else {
            items.extend(self.local.iter().map(|l| HelpItem::Line(l)));
        }
    }

    /// Every configured line in the order shown (a caution's own topic first, then the
    /// region's crisis lines).
    #[must_use]
    pub fn lines(&self) -> Vec<&'q CrisisLine> {
        self.items()
            .into_iter()
            .filter_map(|item| match item {
                HelpItem::Line(line) => Some(line),
                _ => None,
            })
            .collect()
    }

    /// Each item as one line of text, in order, for reports and plain mode.
    #[must_use]
    pub fn item_lines(&self, ui: &UiText) -> Vec<String> {
        self.items()
            .into_iter()
            .map(|item| match item {
                HelpItem::Line(line) => one_line(line, ui),
                HelpItem::Fallback => self.fallback_text(ui).to_string(),
                HelpItem::TopicFallback(topic) => topic_fallback(topic, ui).to_string(),
            })
            .collect()
    }

    /// The help a caution names at once, one line for each of its topics in order: the fullest
    /// footer line for suicide and crisis, the region's first line for another topic, or the
    /// kind of service to ask for where the region has none.
    #[must_use]
    pub fn first_per_topic(&self, ui: &UiText) -> Vec<String> {
        let crisis = || {
            self.footer_variants(ui)
                .into_iter()
                .next()
                .unwrap_or_default()
        };
        if self.topical.is_empty() {
            return vec![crisis()];
        }
        self.topical
            .iter()
            .map(|(topic, lines)| match (topic, lines.first()) {
                (Topic::Crisis, _) => crisis(),
                (_, Some(line)) => one_line(line, ui),
                (topic, None) => topic_fallback(*topic, ui).to_string(),
            })
            .collect()
    }

    /// The fallback sentence: "call your local emergency number, or find a helpline".
    #[must_use]
    pub fn fallback_text<'u>(&self, ui: &'u UiText) -> &'u str {
        if self.local.is_empty() {
            &ui.crisis_fallback
        } else {
            &ui.crisis_elsewhere
        }
    }

    /// The one line shown on every screen, at most `width` columns wide: the most complete
    /// version that fits. The way to reach help (the region's contact, or the fallback) is what
    /// is kept whole; the service name, the lead-in and the emergency number give way first.
    #[must_use]
    pub fn footer(&self, ui: &UiText, width: usize) -> String {
        let fits = |text: &String| textwrap::core::display_width(text) <= width;
        let variants = self.footer_variants(ui);
        if let Some(found) = variants.iter().find(|v| fits(v)) {
            return found.clone();
        }
        // Narrower than the contact itself: shorten at a word boundary, never inside a word.
        let shortest = variants.last().cloned().unwrap_or_default();
        shorten_at_word(&shortest, width)
    }

    /// The footer's versions, from the most complete to the shortest.
    #[must_use]
    pub fn footer_variants(&self, ui: &UiText) -> Vec<String> {
        let Some(line) = self.local.first() else {
            return vec![
                format!("{} · {}", ui.footer_no_line, ui.footer_directory),
                ui.footer_no_line.clone(),
                ui.footer_no_line_short.clone(),
            ];
        };
        let full = fill(
            &ui.footer_crisis,
            &[("contact", &line.contact), ("service", &line.service)],
        );
        let short = fill(&ui.footer_short, &[("contact", &line.contact)]);
        match &line.emergency {
            Some(number) => {
                let emergency = fill(&ui.footer_emergency, &[("number", number)]);
                vec![
                    format!("{full} · {emergency}"),
                    format!("{short} · {emergency}"),
                    format!("{} · {emergency}", line.contact),
                    short,
                    line.contact.clone(),
                ]
            }
            None => vec![full, short, line.contact.clone()],
        }
    }
}

/// Where to turn for a topic that has no line for the person's region: the kind of service, and
/// the doctor.
#[must_use]
pub fn topic_fallback(topic: Topic, ui: &UiText) -> &str {
    match topic {
        Topic::Crisis => &ui.crisis_fallback,
        Topic::DomesticAbuse => &ui.help_domestic_abuse,
        Topic::AlcoholDrugs => &ui.help_alcohol_drugs,
        Topic::Eating => &ui.help_eating,
        Topic::General => &ui.help_general,
    }
}

/// A crisis line on one line: `Samaritans (GB): Call 116 123, free, any time. Emergency: 999.
/// https://...`.
#[must_use]
pub fn one_line(line: &CrisisLine, ui: &UiText) -> String {
    let emergency = line.emergency.as_ref().map_or_else(String::new, |number| {
        format!(" {}.", fill(&ui.footer_emergency, &[("number", number)]))
    });
    format!(
        "{} ({}): {}{emergency} {}",
        line.service,
        line.region,
        line.contact.trim_end_matches('.').to_string() + ".",
        line.url
    )
    .trim_end()
    .to_string()
}

/// `text` cut to at most `width` columns at a space, with "…"; a single word longer than the
/// width is kept whole (a cut number would be worse than a long line).
fn shorten_at_word(text: &str, width: usize) -> String {
    let mut out = String::new();
    for word in text.split(' ') {
        let candidate = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if textwrap::core::display_width(&candidate) + 1 > width && !out.is_empty() {
            out.push('…');
            return out;
        }
        out = candidate;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_come_from_locales() {
        assert_eq!(region_from_locale("en_GB.UTF-8").as_deref(), Some("GB"));
        assert_eq!(region_from_locale("fr_CA@euro").as_deref(), Some("CA"));
        assert_eq!(region_from_locale("en-us").as_deref(), Some("US"));
        assert_eq!(region_from_locale("C.UTF-8"), None);
        assert_eq!(region_from_locale("POSIX"), None);
        assert_eq!(region_from_locale(""), None);
    }

    #[test]
    fn uk_is_gb_and_nonsense_is_no_region() {
        assert_eq!(normalise_region("uk").as_deref(), Some("GB"));
        assert_eq!(normalise_region(" de ").as_deref(), Some("DE"));
        assert_eq!(normalise_region("GBR"), None);
        assert_eq!(normalise_region("1A"), None);
    }

    #[test]
    fn a_long_text_is_shortened_between_words() {
        assert_eq!(shorten_at_word("Call your local number", 15), "Call your…");
        assert_eq!(shorten_at_word("Unbreakable", 4), "Unbreakable");
    }
}
