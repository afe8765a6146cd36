//! Scoring and Viterbi decoding: the best labelling of a page, and how sure each label is.

use super::{Label, Model, Observation, L, LABELS};
use crate::core::parallel;

/// A piece's score for every label (`Model::scores`).
pub(crate) struct Scores([f32; L]);

impl std::ops::Deref for Scores {
    type Target = [f32; L];
    fn deref(&self) -> &[f32; L] {
        &self.0
    }
}

impl Model {
    /// Every label's emission score at once: one pass over the features, adding each
    /// feature's row of weights (the same sums, in the same order, as `emission`).
    fn emissions<F: AsRef<[u32]>>(&self, obs: &Observation<F>) -> [f32; L] {
        if obs.forced.is_some() {
            return std::array::from_fn(|l| self.emission(obs, l));
        }
        let mut out = [0.0f32; L];
        for &f in obs.features.as_ref() {
            for (sum, w) in out.iter_mut().zip(&self.weights[f as usize]) {
                *sum += w;
            }
        }
        for (l, score) in out.iter_mut().enumerate() {
            if LABELS[l].is_marker() || (obs.full_stop && LABELS[l].never_a_sentence()) {
                *score = f32::NEG_INFINITY;
            }
        }
        out
    }

    fn emission<F: AsRef<[u32]>>(&self, obs: &Observation<F>, label: usize) -> f32 {
        match obs.forced {
            Some(f) if f as usize == label => 0.0,
            Some(_) => f32::NEG_INFINITY,
            // Markers are only ever forced (their grammar is certain).
            None if LABELS[label].is_marker() => f32::NEG_INFINITY,
            None if obs.full_stop && LABELS[label].never_a_sentence() => f32::NEG_INFINITY,
            None => obs
                .features
                .as_ref()
                .iter()
                .map(|&f| self.weights[f as usize][label])
                .sum(),
        }
    }

    /// Forward: best score of a labelling of 0..=i ending in l, with back-pointers.
    #[allow(clippy::type_complexity)]
    fn forward(&self, emissions: &[Scores]) -> (Vec<[f32; L]>, Vec<[u8; L]>) {
        let n = emissions.len();
        let mut forward = vec![[f32::NEG_INFINITY; L]; n];
        let mut back = vec![[0u8; L]; n];
        for l in 0..L {
            forward[0][l] = self.transitions[L][l] + emissions[0][l];
        }
        for i in 1..n {
            for l in 0..L {
                let (best, arg) = (0..L)
                    .map(|k| (forward[i - 1][k] + self.transitions[k][l], k))
                    .fold((f32::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a });
                forward[i][l] = best + emissions[i][l];
                back[i][l] = arg as u8;
            }
        }
        (forward, back)
    }

    /// Backward: best score of labelling i+1.. given label l at i.
    fn backward(&self, emissions: &[Scores]) -> Vec<[f32; L]> {
        let n = emissions.len();
        let mut backward = vec![[0.0f32; L]; n];
        for i in (0..n.saturating_sub(1)).rev() {
            for l in 0..L {
                backward[i][l] = (0..L)
                    .map(|k| self.transitions[l][k] + emissions[i + 1][k] + backward[i + 1][k])
                    .fold(f32::NEG_INFINITY, f32::max);
            }
        }
        backward
    }

    /// The best labelling, and for each piece the margin by which its label beats the
    /// best labelling that gives it another label.
    pub fn decode(&self, observations: &[Observation]) -> Vec<(Label, f32)> {
        self.decode_scores(&parallel::map_indexed(observations, |_, o| self.scores(o)))
    }

    /// Each label's score for one piece, from its observation alone.
    pub(crate) fn scores<F: AsRef<[u32]>>(&self, observation: &Observation<F>) -> Scores {
        Scores(self.emissions(observation))
    }

    /// `decode` from the pieces' scores: the reflow scores each observation as it is made
    /// and keeps no feature lists (on a 10 MB file they are 130 MB).
    pub(crate) fn decode_scores(&self, emissions: &[Scores]) -> Vec<(Label, f32)> {
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        // The two passes read only the emissions: on a long page they run side by side.
        let ((forward, back), backward) =
            parallel::join(n, || self.forward(emissions), || self.backward(emissions));
        let mut labels = vec![0usize; n];
        labels[n - 1] = argmax(&forward[n - 1]);
        for i in (1..n).rev() {
            labels[i - 1] = back[i][labels[i]] as usize;
        }
        labels
            .iter()
            .enumerate()
            .map(|(i, &l)| {
                let score = |k: usize| forward[i][k] + backward[i][k];
                let best = score(l);
                let runner_up = (0..L)
                    .filter(|&k| k != l)
                    .map(score)
                    .fold(f32::NEG_INFINITY, f32::max);
                (LABELS[l], best - runner_up)
            })
            .collect()
    }
}

fn argmax(scores: &[f32; L]) -> usize {
    (0..L).fold(0, |best, l| if scores[l] > scores[best] { l } else { best })
}
