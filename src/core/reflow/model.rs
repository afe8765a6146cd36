//! The line labeller: a linear-chain model over line labels, decoded with Viterbi.
//!
//! Each piece of the page gets one `Label`. The score of a labelling is the sum, over
//! pieces, of the weights of the piece's features for its label (`features.rs`), plus a
//! transition weight for each pair of neighbouring labels. Viterbi finds the best
//! labelling; max-marginals (best score of any labelling that gives piece `i` label `l`)
//! say how sure the model is: a piece whose best alternative label scores within
//! `UNSURE_MARGIN` of the best is reported as uncertain.
//!
//! The weights are learned from the page harness (`tests/harness/`) by an averaged
//! structured perceptron (Collins 2002): decode each training page with the current
//! weights, and where the labelling is wrong add the features of the true labels and
//! subtract those of the predicted ones; the model kept is the average over all steps,
//! which generalises better than the last. Training is deterministic (fixed page order,
//! no randomness), so the same fixtures always give the same `assets/reflow-model.txt`.
//! Continuation markers are recognised by their grammar and are never relabelled.

use super::features::{feature_id, feature_name, TEMPLATE_COUNT, VALUES};

mod viterbi;

/// What a piece of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Label {
    /// Running heads and feet, page numbers, editors' credits of the page.
    Furniture,
    Title,
    Subtitle,
    Byline,
    /// A section heading inside an article.
    Heading,
    /// The first line of a paragraph.
    ParaStart,
    /// A later line of a paragraph.
    ParaCont,
    /// Credits and datelines after a body: （新华社北京7月5日电）.
    EndMatter,
    /// 上接第N版: an article continued from another page starts here.
    MarkerFrom,
    /// 下转第N版: the article goes on on another page.
    MarkerTo,
}

pub const LABELS: [Label; 10] = [
    Label::Furniture,
    Label::Title,
    Label::Subtitle,
    Label::Byline,
    Label::Heading,
    Label::ParaStart,
    Label::ParaCont,
    Label::EndMatter,
    Label::MarkerFrom,
    Label::MarkerTo,
];
const L: usize = LABELS.len();

impl Label {
    pub fn name(self) -> &'static str {
        match self {
            Label::Furniture => "furniture",
            Label::Title => "title",
            Label::Subtitle => "subtitle",
            Label::Byline => "byline",
            Label::Heading => "heading",
            Label::ParaStart => "para-start",
            Label::ParaCont => "para-cont",
            Label::EndMatter => "end-matter",
            Label::MarkerFrom => "marker-from",
            Label::MarkerTo => "marker-to",
        }
    }

    pub fn from_name(name: &str) -> Option<Label> {
        LABELS.iter().copied().find(|l| l.name() == name)
    }

    fn is_marker(self) -> bool {
        matches!(self, Label::MarkerFrom | Label::MarkerTo)
    }

    /// Lines that are never a full sentence (running heads and feet included: a paper's
    /// name, a date, a page number or an editor's credit does not end with 。).
    fn never_a_sentence(self) -> bool {
        matches!(
            self,
            Label::Title | Label::Heading | Label::Byline | Label::Furniture
        )
    }
}

/// Feature weights per label, and label-to-label transition weights.
#[derive(Clone)]
pub struct Model {
    weights: Vec<[f32; L]>,
    /// `transitions[prev][next]`; row `L` is the start of the page.
    transitions: [[f32; L]; L + 1],
    /// A piece whose best alternative label scores within this margin of the chosen one
    /// is uncertain. Calibrated by the trainer on its own pages (the margin below which
    /// most of its remaining mistakes fall); in the units of the weights.
    pub unsure_margin: f32,
}

/// One piece as the model sees it: its feature ids, a label forced by grammar
/// (continuation markers), if any, and labels it cannot take.
/// `F` holds the feature ids: a `Vec` for the trainer, which keeps pages of them; an
/// array on the stack for the reflow, which scores each piece once.
pub struct Observation<F = Vec<u32>> {
    pub features: F,
    pub forced: Option<Label>,
    /// A line that ends with 。 is no title, heading or byline, however short. (A
    /// subtitle may quote a sentence, full stop and all.)
    pub full_stop: bool,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            weights: vec![[0.0; L]; TEMPLATE_COUNT * VALUES],
            transitions: [[0.0; L]; L + 1],
            unsure_margin: 0.0,
        }
    }
}

impl Model {
    /// The model shipped in `assets/reflow-model.txt`, parsed once.
    pub fn shipped() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            Model::parse(include_str!("../../../assets/reflow-model.txt"))
                .expect("assets/reflow-model.txt is written by the trainer and parses")
        })
    }

    /// Averaged perceptrons trained with different page orders (`seeds`), their weights
    /// averaged in turn. One perceptron's weights depend on the order it saw the pages
    /// in; a line near a decision boundary flips from one retraining to the next. The
    /// mean of a few orders is the same linear model with less of that variance (bagging
    /// over orders; the score is linear in the weights, so averaging them averages the
    /// models' scores).
    pub fn train_orders(
        pages: &[(Vec<Observation>, Vec<Label>)],
        epochs: usize,
        seeds: &[u64],
    ) -> Model {
        // Each order trains on its own thread (they share nothing); joined in seed order,
        // so the mean is the same however the threads are scheduled.
        let models: Vec<Model> = std::thread::scope(|scope| {
            let handles: Vec<_> = seeds
                .iter()
                .map(|&seed| scope.spawn(move || Model::train_seeded(pages, epochs, seed)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        let n = models.len().max(1) as f32;
        let mut mean = Model::default();
        let add = |out: &mut [f32; L], w: &[f32; L]| {
            out.iter_mut().zip(w).for_each(|(o, x)| *o += x / n);
        };
        for m in &models {
            mean.weights
                .iter_mut()
                .zip(&m.weights)
                .for_each(|(o, w)| add(o, w));
            mean.transitions
                .iter_mut()
                .zip(&m.transitions)
                .for_each(|(o, t)| add(o, t));
        }
        mean
    }

    /// Averaged structured perceptron over labelled pages, `epochs` passes in order.
    pub fn train(pages: &[(Vec<Observation>, Vec<Label>)], epochs: usize) -> Model {
        Model::train_seeded(pages, epochs, 0x9e37_79b9_7f4a_7c15)
    }

    /// [`Model::train`] with the page order's shuffle seeded by `seed` (not zero).
    fn train_seeded(pages: &[(Vec<Observation>, Vec<Label>)], epochs: usize, seed: u64) -> Model {
        let mut model = Model::default();
        // Sums of weights over all steps, kept lazily: `total += w * (now - since)`.
        let mut sums = Model::default();
        let mut step = 1.0f32;
        let mut stamp_w = vec![[0.0f32; L]; TEMPLATE_COUNT * VALUES];
        let mut stamp_t = [[0.0f32; L]; L + 1];
        // Pages in a new order every epoch (a fixed-seed shuffle, so training stays
        // deterministic): the perceptron otherwise sees each family's pages in one run and
        // its average leans towards whatever came last.
        let mut order: Vec<usize> = (0..pages.len()).collect();
        let mut seed = seed.max(1);
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            for (obs, gold) in order.iter().map(|&i| &pages[i]) {
                let predicted: Vec<usize> =
                    model.decode(obs).iter().map(|(l, _)| *l as usize).collect();
                let gold: Vec<usize> = gold.iter().map(|&l| l as usize).collect();
                if predicted != gold {
                    let mut update = |row: usize, l: usize, delta: f32, m: &mut Model| {
                        let w = &mut m.weights[row][l];
                        sums.weights[row][l] += *w * (step - stamp_w[row][l]);
                        stamp_w[row][l] = step;
                        *w += delta;
                    };
                    for (i, o) in obs.iter().enumerate() {
                        if gold[i] == predicted[i] {
                            continue;
                        }
                        for &f in &o.features {
                            update(f as usize, gold[i], 1.0, &mut model);
                            update(f as usize, predicted[i], -1.0, &mut model);
                        }
                    }
                    for i in 0..gold.len() {
                        let (gp, pp) = match i {
                            0 => (L, L),
                            _ => (gold[i - 1], predicted[i - 1]),
                        };
                        if (gp, gold[i]) == (pp, predicted[i]) {
                            continue;
                        }
                        for (p, l, delta) in [(gp, gold[i], 1.0), (pp, predicted[i], -1.0)] {
                            let t = &mut model.transitions[p][l];
                            sums.transitions[p][l] += *t * (step - stamp_t[p][l]);
                            stamp_t[p][l] = step;
                            *t += delta;
                        }
                    }
                }
                step += 1.0;
            }
        }
        // Close the sums and average: each weight's sum gains its current value for
        // the steps since it last changed.
        let average = |sum: &[f32; L], now: &[f32; L], since: &[f32; L]| -> [f32; L] {
            std::array::from_fn(|l| (sum[l] + now[l] * (step - since[l])) / step)
        };
        let mut averaged = Model::default();
        for (row, out) in averaged.weights.iter_mut().enumerate() {
            *out = average(&sums.weights[row], &model.weights[row], &stamp_w[row]);
        }
        for (p, out) in averaged.transitions.iter_mut().enumerate() {
            *out = average(&sums.transitions[p], &model.transitions[p], &stamp_t[p]);
        }
        averaged
    }

    /// The model as text: `T prev label weight` and `F feature label weight` lines,
    /// weights rounded to 1/1000, zeros left out.
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        let round = |w: f32| (w * 1000.0).round() / 1000.0;
        out.push_str(&format!("U {}\n", round(self.unsure_margin)));
        for (p, row) in self.transitions.iter().enumerate() {
            let prev = LABELS.get(p).map_or("start", |l| l.name());
            for (l, &w) in row.iter().enumerate() {
                if round(w) != 0.0 {
                    out.push_str(&format!("T {prev} {} {}\n", LABELS[l].name(), round(w)));
                }
            }
        }
        for (id, row) in self.weights.iter().enumerate() {
            for (l, &w) in row.iter().enumerate() {
                if round(w) != 0.0 {
                    if let Some(name) = feature_name(id as u32) {
                        out.push_str(&format!("F {name} {} {}\n", LABELS[l].name(), round(w)));
                    }
                }
            }
        }
        out
    }

    /// Parse what `to_text` wrote. Unknown features are an error: the model file and
    /// the feature templates must come from the same build.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split(' ').collect();
            let bad = || format!("line {}: cannot read `{line}`", n + 1);
            if let ["U", margin] = fields[..] {
                model.unsure_margin = margin.parse().map_err(|_| bad())?;
                continue;
            }
            let [kind, a, label, weight] = fields[..] else {
                return Err(bad());
            };
            let label = Label::from_name(label).ok_or_else(bad)? as usize;
            let weight: f32 = weight.parse().map_err(|_| bad())?;
            match kind {
                "T" => {
                    let prev = match a {
                        "start" => L,
                        name => Label::from_name(name).ok_or_else(bad)? as usize,
                    };
                    model.transitions[prev][label] = weight;
                }
                "F" => {
                    let id = feature_id(a).ok_or_else(|| format!("{}: unknown feature", bad()))?;
                    model.weights[id as usize][label] = weight;
                }
                _ => return Err(bad()),
            }
        }
        Ok(model)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(f: u32) -> Observation {
        Observation {
            features: vec![f],
            forced: None,
            full_stop: false,
        }
    }

    #[test]
    fn learns_a_separable_toy_sequence_and_round_trips_as_text() {
        // Feature 1 marks titles, feature 2 paragraph starts, feature 3 continuations.
        let page = || vec![obs(1), obs(2), obs(3), obs(3), obs(2)];
        let gold = vec![
            Label::Title,
            Label::ParaStart,
            Label::ParaCont,
            Label::ParaCont,
            Label::ParaStart,
        ];
        let model = Model::train(&[(page(), gold.clone())], 5);
        let decoded: Vec<Label> = model.decode(&page()).iter().map(|d| d.0).collect();
        assert_eq!(decoded, gold);
        let again = Model::parse(&model.to_text("toy")).unwrap();
        let decoded: Vec<Label> = again.decode(&page()).iter().map(|d| d.0).collect();
        assert_eq!(decoded, gold);
    }

    #[test]
    fn markers_are_never_relabelled() {
        let model = Model::default();
        let page = vec![
            Observation {
                features: vec![],
                forced: Some(Label::MarkerFrom),
                full_stop: false,
            },
            obs(2),
        ];
        let decoded = model.decode(&page);
        assert_eq!(decoded[0].0, Label::MarkerFrom);
        assert_ne!(decoded[1].0, Label::MarkerTo);
    }

    #[test]
    fn a_bad_model_line_is_an_error_naming_it() {
        let Err(err) = Model::parse("F nonsense=1 title 1.0") else {
            panic!("an unknown feature parsed");
        };
        assert!(err.contains("line 1"), "{err}");
    }
}
