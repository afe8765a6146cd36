//! Deck lines the labeller ran into the body.

use super::model::Label;
use super::pieces::Piece;
use crate::core::charclass::opens_with_dash;

/// A line opening with a dash right under a title line (`骑手送餐途中受了伤 谁来保障？` /
/// `——人力资源社会保障部` / `有关负责人就新就业形态` / `人员职业伤害保障答记者` / `问`) is
/// the subtitle, with the lines it wraps onto, where the deck goes on after them (a
/// subtitle or a byline follows): a body never opens with a dash under its title, and
/// the labeller, seeing full lines of a narrow column, may take the subtitle's first
/// lines for a paragraph's.
pub(super) fn dash_lines_under_titles_are_subtitles(pieces: &[Piece], labels: &mut [(Label, f32)]) {
    for i in 1..labels.len() {
        let opens_with_dash = pieces[i].line().is_some_and(|l| opens_with_dash(&l.text));
        if labels[i - 1].0 != Label::Title || labels[i].0 != Label::ParaStart || !opens_with_dash {
            continue;
        }
        let run_end = (i + 1..labels.len())
            .find(|&k| labels[k].0 != Label::ParaCont)
            .unwrap_or(labels.len());
        let deck_goes_on = labels
            .get(run_end)
            .is_some_and(|l| matches!(l.0, Label::Subtitle | Label::Byline));
        if deck_goes_on {
            for label in &mut labels[i..run_end] {
                // The labeller said otherwise: the reader is pointed at it.
                *label = (Label::Subtitle, 0.0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::reflow::tests::relabelled;

    fn repaired(spec: &[(&str, Label)]) -> Vec<Label> {
        relabelled(spec, 11.0, dash_lines_under_titles_are_subtitles)
    }

    #[test]
    fn a_dash_line_under_a_title_wrapped_into_the_deck_is_the_subtitle() {
        let labels = repaired(&[
            ("谁来保障？", Label::Title),
            ("——人力资源社会保障部", Label::ParaStart),
            ("有关负责人就新就业形态", Label::ParaCont),
            ("人员职业伤害保障答记者", Label::Subtitle),
            ("问", Label::Subtitle),
            ("本报记者 阎书宁", Label::Byline),
        ]);
        assert_eq!(labels[1..5], [Label::Subtitle; 4]);
    }

    #[test]
    fn a_dash_paragraph_under_a_title_with_the_body_after_it_stays() {
        let labels = repaired(&[
            ("谁来保障？", Label::Title),
            ("——这是记者的追问。", Label::ParaStart),
            ("新就业形态人员职业", Label::ParaStart),
        ]);
        assert_eq!(labels[1], Label::ParaStart);
    }
}
