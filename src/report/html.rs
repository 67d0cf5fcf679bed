//! The HTML rendering of a record [`Document`], for printing or attaching to a record: one
//! self-contained page, the gauge and the dimension bars drawn as inline SVG, no external
//! resources, every text escaped. The print rules keep it readable on paper: the client
//! reference and date at the head of every page, table headers repeated, no row split.

use crate::report::Record;
use std::fmt::Write as _;

use super::document::{Bar, Block, Column, Document, Input, Part, PartKind, Tone, View, build};
use crate::questionnaire::Flag;
use crate::text::clean;
use crate::ui_text::UiText;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;\
padding:0 1rem;color:#111;line-height:1.45}h1{font-size:1.5rem;margin-bottom:.3rem}\
h2{font-size:1.15rem;margin:1.4rem 0 .4rem;border-bottom:1px solid #999}h3{font-size:1rem;\
margin:.8rem 0 .2rem}table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.3rem 0}\
td,th{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}\
.fields td{overflow-wrap:anywhere}.blanks td{height:2.2rem}.part-sign{break-inside:avoid;break-after:avoid}.part-disclaimer{break-inside:avoid}\
th{background:#f2f2f2}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
.lead{font-size:1.2rem;font-weight:bold;margin:.6rem 0 .2rem}.quiet{color:#555}\
.warning{font-weight:bold}.red{font-weight:bold;color:#a00}.amber{font-weight:bold;color:#8a5a00}\
.marked td{font-weight:bold}.fields th{width:30%}.head{color:#555;font-size:.85rem}\
svg{display:block;max-width:100%}\
.part-safety td:last-child{width:28%}.part-notes td:last-child{width:45%}\
@media print{body{margin:0;max-width:none;padding:0 2px;font-size:10.5pt}.head{display:none}\
thead{display:table-header-group}tr,li,svg,.lead{break-inside:avoid}\
h2,h3{break-after:avoid}p{orphans:3;widows:3}}";

/// Escapes text for HTML content and attributes, after removing control characters.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text, true).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br/>"),
            c => out.push(c),
        }
    }
    out
}

/// Text as a CSS string: every character that is not a letter, digit or space is a hex escape,
/// so nothing typed can close the string or the style element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in clean(text, false).chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            // A space after a hex escape ends it and is not part of the text.
            let _ = write!(out, "\\{:06x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

/// Renders the record as one HTML page.
#[must_use]
pub fn html(record: &Record<'_>) -> String {
    let questionnaire = record.questionnaire;
    let input = Input::record(record);
    render(&questionnaire.ui, &build(&input, View::Record))
}

/// Renders a document as one HTML page.
#[must_use]
pub fn render(ui: &UiText, document: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title>\
         <style>{STYLE}{}</style></head><body>\n",
        escape(&document.language),
        escape(&document.title),
        page_rules(document)
    );
    if !document.running_head.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"head\">{}</p>",
            escape(&document.running_head)
        );
    }
    let _ = writeln!(out, "<h1>{}</h1>", escape(&document.title));
    for part in &document.parts {
        render_part(&mut out, ui, part, Target::Page);
    }
    out.push_str("</body></html>\n");
    out
}

/// Where the HTML goes: a page of its own, or a FHIR narrative, which is XHTML without style
/// elements or SVG (so the charts become a line and a table).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Page,
    Narrative,
}

/// A document as a FHIR narrative `div`: well-formed XHTML of the elements FHIR allows.
#[must_use]
pub fn narrative(ui: &UiText, document: &Document) -> String {
    let mut out = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    let _ = write!(out, "<h1>{}</h1>", escape(&document.title));
    if !document.running_head.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&document.running_head));
    }
    for part in &document.parts {
        render_part(&mut out, ui, part, Target::Narrative);
    }
    out.push_str("</div>");
    out
}

/// The printed page: the running head at the top of every page, page numbers at the foot.
fn page_rules(document: &Document) -> String {
    let head = if document.running_head.is_empty() {
        String::new()
    } else {
        format!(
            "@top-left{{content:{};font:9pt system-ui,sans-serif;color:#555}}",
            css_string(&document.running_head)
        )
    };
    format!(
        "@page{{margin:16mm 14mm 16mm 14mm;{head}\
         @bottom-right{{content:counter(page) \" / \" counter(pages);font:9pt system-ui,sans-serif;color:#555}}}}"
    )
}

fn render_part(out: &mut String, ui: &UiText, part: &Part, target: Target) {
    let class = format!("part-{}", part_class(part.kind));
    let _ = write!(out, "<div class=\"{class}\">");
    if part.kind == PartKind::Disclaimer {
        out.push_str("<hr/>");
    }
    if let Some(heading) = &part.heading {
        let _ = write!(out, "<h2>{}</h2>", escape(heading));
    }
    for block in &part.blocks {
        render_block(out, ui, part.kind, block, target);
    }
    out.push_str("</div>\n");
}

fn part_class(kind: PartKind) -> &'static str {
    match kind {
        PartKind::About => "about",
        PartKind::SafetyAnswers => "safety",
        PartKind::Result => "result",
        PartKind::ThingsToTalkAbout => "flags",
        PartKind::HelpFirst | PartKind::Help => "help",
        PartKind::Where => "where",
        PartKind::Dimensions => "dimensions",
        PartKind::Drivers => "drivers",
        PartKind::Changes => "changes",
        PartKind::Groups => "groups",
        PartKind::NextSteps => "next",
        PartKind::EveryAnswer => "answers",
        PartKind::Notes => "notes",
        PartKind::SignOff => "sign",
        PartKind::Disclaimer => "disclaimer",
    }
}

/// The class attribute a tone gives an element, with its leading space; none for plain text.
fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Plain => "",
        Tone::Quiet => " class=\"quiet\"",
        Tone::Warning => " class=\"warning\"",
        Tone::Flag(Flag::Red) => " class=\"red\"",
        Tone::Flag(_) => " class=\"amber\"",
    }
}

fn render_block(out: &mut String, ui: &UiText, kind: PartKind, block: &Block, target: Target) {
    match block {
        Block::Lead(label) if kind == PartKind::Result => {
            let heading = crate::ui_text::fill(&ui.heading_result, &[("result", label)]);
            let _ = write!(out, "<h2 class=\"lead\">{}</h2>", escape(&heading));
        }
        Block::Lead(label) => {
            let _ = write!(out, "<h3>{}</h3>", escape(label));
        }
        Block::Text(text, tone) => {
            let _ = write!(out, "<p{}>{}</p>", tone_class(*tone), escape(text));
        }
        Block::Fields(fields) => {
            out.push_str("<table class=\"fields\"><tbody>");
            for (label, value) in fields {
                let _ = write!(
                    out,
                    "<tr><th>{}</th><td>{}</td></tr>",
                    escape(label),
                    escape(value)
                );
            }
            out.push_str("</tbody></table>");
        }
        Block::Blanks(labels) => {
            out.push_str("<table class=\"fields blanks\"><tbody>");
            for label in labels {
                let _ = write!(out, "<tr><th>{}</th><td></td></tr>", escape(label));
            }
            out.push_str("</tbody></table>");
        }
        Block::Items(items) => {
            out.push_str("<ul>");
            for (item, tone) in items {
                let _ = write!(out, "<li{}>{}</li>", tone_class(*tone), escape(item));
            }
            out.push_str("</ul>");
        }
        Block::Table {
            columns,
            rows,
            marked,
        } => table(out, ui, columns, rows, marked),
        Block::Gauge { score, margin, .. } if target == Target::Narrative => {
            let line = super::text::gauge(*score, *margin);
            let _ = write!(out, "<p><code>{}</code></p>", escape(&line));
        }
        Block::Gauge {
            score,
            margin,
            left,
            right,
            middle,
        } => out.push_str(&gauge_svg(*score, *margin, [left, middle, right])),
        Block::Bars { bars, legend } if target == Target::Narrative => {
            out.push_str(&bars_table(ui, bars, legend));
        }
        Block::Bars { bars, legend } => out.push_str(&bars_svg(ui, bars, legend)),
    }
}

/// A table with its header in `thead`, so a printed page repeats it; the rows that weighed
/// most are bold and marked in a last column, so the mark survives a black-and-white print.
fn table(out: &mut String, ui: &UiText, columns: &[Column], rows: &[Vec<String>], marked: &[bool]) {
    let any_marked = marked.iter().any(|&m| m);
    out.push_str("<table><thead><tr>");
    for column in columns {
        let class = if column.numeric { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape(&column.title));
    }
    if any_marked {
        let _ = write!(out, "<th>{}</th>", escape(&ui.column_weighed_most));
    }
    out.push_str("</tr></thead><tbody>");
    for (row, &mark) in rows.iter().zip(marked) {
        out.push_str(if mark {
            "<tr class=\"marked\">"
        } else {
            "<tr>"
        });
        for (cell, column) in row.iter().zip(columns) {
            let class = if column.numeric { " class=\"num\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", escape(cell));
        }
        if any_marked {
            let _ = write!(
                out,
                "<td>{}</td>",
                if mark { escape(&ui.yes) } else { String::new() }
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// The gauge from support group (-1) to group therapy (+1), the "either" band shaded, S marked,
/// the three labels below the bar where nothing is drawn.
fn gauge_svg(score: f64, margin: f64, [left, middle, right]: [&String; 3]) -> String {
    let x = |s: f64| 20.0 + f64::midpoint(s.clamp(-1.0, 1.0), 1.0) * 560.0;
    format!(
        "<svg role=\"img\" aria-label=\"S = {score:+.3} on a scale from -1 ({}) to +1 ({})\" \
         viewBox=\"0 0 600 70\" width=\"600\">\
         <rect x=\"20\" y=\"20\" width=\"560\" height=\"14\" fill=\"#eee\" stroke=\"#888\"/>\
         <rect x=\"{:.1}\" y=\"20\" width=\"{:.1}\" height=\"14\" fill=\"#ccc\"/>\
         <line x1=\"{:.1}\" y1=\"10\" x2=\"{:.1}\" y2=\"44\" stroke=\"#000\" stroke-width=\"3\"/>\
         <text x=\"20\" y=\"62\" font-size=\"12\">◀ {}</text>\
         <text x=\"580\" y=\"62\" font-size=\"12\" text-anchor=\"end\">{} ▶</text>\
         <text x=\"300\" y=\"62\" font-size=\"12\" text-anchor=\"middle\">{}</text></svg>",
        escape(left),
        escape(right),
        x(-margin),
        x(margin) - x(-margin),
        x(score),
        x(score),
        escape(left),
        escape(right),
        escape(middle)
    )
}

/// Where the columns of the dimension chart fall: label, bar area (centre at 0), figure, detail.
/// The bars stay inside their area, so they never run under a label or a figure.
const BAR_LABEL_END: f64 = 110.0;
const BAR_CENTRE: f64 = 250.0;
const BAR_HALF: f64 = 130.0;
const BAR_FIGURE_END: f64 = 425.0;
const BAR_DETAIL_START: f64 = 435.0;
const CHART_WIDTH: f64 = 680.0;
// A full bar ends at the edge of its area; a label ends before the area and a figure ("-1.00",
// under 40 units at 12px) starts after it; the detail has 200 units: none of them overlap.
const _: () = assert!(BAR_LABEL_END + 8.0 <= BAR_CENTRE - BAR_HALF);
const _: () = assert!(BAR_CENTRE + BAR_HALF + 40.0 <= BAR_FIGURE_END);
const _: () = assert!(BAR_FIGURE_END < BAR_DETAIL_START);
const _: () = assert!(BAR_DETAIL_START + 200.0 <= CHART_WIDTH);

/// One bar per dimension, from the centre towards the side it leans, with a legend naming the
/// ends, its figure and how many answers counted.
fn bars_svg(ui: &UiText, bars: &[Bar], (left, right): &(String, String)) -> String {
    let row = 24.0;
    let top = 22.0;
    let height = top + row * bars.len() as f64 + 4.0;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {CHART_WIDTH} {height}\" width=\"{CHART_WIDTH}\">\
         <text x=\"{:.1}\" y=\"12\" font-size=\"11\">◀ {}</text>\
         <text x=\"{:.1}\" y=\"12\" font-size=\"11\" text-anchor=\"end\">{} ▶</text>",
        escape(&ui.heading_dimensions),
        BAR_CENTRE - BAR_HALF,
        escape(left),
        BAR_CENTRE + BAR_HALF,
        escape(right),
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = top + row * i as f64;
        let _ = write!(
            svg,
            "<text x=\"{BAR_LABEL_END}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>\
             <line x1=\"{BAR_CENTRE}\" y1=\"{y:.1}\" x2=\"{BAR_CENTRE}\" y2=\"{:.1}\" stroke=\"#888\"/>",
            y + 13.0,
            escape(&bar.label),
            y + 18.0
        );
        let figure = bar
            .score
            .map_or_else(|| ui.not_answered.clone(), |s| super::figure(s, 2));
        if let Some(score) = bar.score {
            let width = score.clamp(-1.0, 1.0).abs() * BAR_HALF;
            let x = if score < 0.0 {
                BAR_CENTRE - width
            } else {
                BAR_CENTRE
            };
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"12\" fill=\"#777\"/>",
                y + 3.0
            );
        }
        let detail = match bar.weight {
            Some(w) => format!("{}; {} {w:.2}", bar.detail, ui.column_weight.to_lowercase()),
            None => bar.detail.clone(),
        };
        let _ = write!(
            svg,
            "<text x=\"{BAR_FIGURE_END}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>\
             <text x=\"{BAR_DETAIL_START}\" y=\"{:.1}\" font-size=\"11\" fill=\"#555\">{}</text>",
            y + 13.0,
            escape(&figure),
            y + 13.0,
            escape(&detail)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The dimensions as a table, for where a chart cannot go.
fn bars_table(ui: &UiText, bars: &[Bar], (left, right): &(String, String)) -> String {
    let mut out = String::new();
    let score_title = format!("{} (-1 {left} .. +1 {right})", ui.column_score);
    let _ = write!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(&ui.column_dimension),
        escape(&score_title),
        escape(&ui.column_counted)
    );
    for bar in bars {
        let figure = bar
            .score
            .map_or_else(|| ui.not_answered.clone(), |s| super::figure(s, 2));
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&bar.label),
            escape(&figure),
            escape(&bar.detail)
        );
    }
    out.push_str("</tbody></table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bar however long stays inside its area (the columns themselves are checked where they
    /// are declared), and the chart names its ends.
    #[test]
    fn the_bars_never_reach_their_labels_or_figures() {
        let bar = |score| Bar {
            label: "Purpose".into(),
            score: Some(score),
            detail: "4 of 4 counted".into(),
            weight: None,
        };
        let legend = ("Support group".to_string(), "Group therapy".to_string());
        let svg = bars_svg(&UiText::default(), &[bar(-3.0), bar(3.0)], &legend);
        let rects: Vec<(f64, f64)> = svg
            .split("<rect x=\"")
            .skip(1)
            .map(|r| {
                let x: f64 = r.split('"').next().unwrap().parse().unwrap();
                let width: f64 = r
                    .split("width=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                (x, x + width)
            })
            .collect();
        assert_eq!(rects.len(), 2);
        for (start, end) in rects {
            assert!(
                start >= BAR_CENTRE - BAR_HALF && end <= BAR_CENTRE + BAR_HALF,
                "{start}..{end}"
            );
        }
        assert!(
            svg.contains("◀ Support group") && svg.contains("Group therapy ▶"),
            "legend"
        );
    }

    #[test]
    fn a_css_string_cannot_close_itself_or_the_style_element() {
        let s = css_string("a\"b</style><script>\\");
        assert!(!s[1..s.len() - 1].contains(['"', '<', '>']));
        assert!(s.starts_with("\"a\\000022 b"));
    }
}
