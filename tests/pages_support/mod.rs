//! The page harness as Rust sees it: extracted pages with their goldens
//! (`tests/fixtures/pages/{train,holdout}/`), alignment of a page's lines with its golden
//! (line labels to train the reflow model on), and the outline score of
//! `outline_score.py` (titles, bylines, headings found; paragraph F1).
#![allow(dead_code)]

pub mod resets;
pub mod training;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use pizhu::core::model::Document;
use pizhu::core::reflow::{prepare, Label, Observation};
use serde_json::Value;

/// One extracted page and its golden.
#[derive(Clone)]
pub struct Page {
    /// `train` or `holdout`.
    pub split: String,
    /// The page's name without extractor, e.g. `t03_side_by_side`.
    pub name: String,
    /// `pdftotext`, `raw`, `pdfminer`, `mutool` or `text`.
    pub extractor: String,
    pub family: String,
    pub path: PathBuf,
    /// The decoded text, LF line ends.
    pub text: String,
    pub golden: Value,
}

pub fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// Every extracted page of `split`, sorted by file name (deterministic training order).
pub fn load_split(split: &str) -> Vec<Page> {
    load_dir(&pages_dir().join(split), split)
}

/// The small hand-made pages of `tests/fixtures/reflow/`, one per layout signal (English
/// text, inline markers, bylines over two lines, …), each with its golden.
pub fn load_reflow_fixtures() -> Vec<Page> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reflow");
    load_dir(&dir, "train")
}

/// Pages `NAME.EXTRACTOR.txt` (or `NAME.txt`) with `NAME.golden.json` beside them.
fn load_dir(dir: &Path, split: &str) -> Vec<Page> {
    let dir = dir.to_path_buf();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let file = path.file_name()?.to_str()?.to_string();
            let stem = file.strip_suffix(".txt")?;
            let (name, extractor) = stem.rsplit_once('.').unwrap_or((stem, "text"));
            let golden_path = dir.join(format!("{name}.golden.json"));
            let golden: Value =
                serde_json::from_str(&std::fs::read_to_string(&golden_path).ok()?).ok()?;
            let bytes = std::fs::read(&path).ok()?;
            let text = pizhu::ingest::decode(&path, &bytes)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .text;
            Some(Page {
                split: split.into(),
                name: name.into(),
                extractor: extractor.into(),
                family: golden["family"].as_str().unwrap_or("?").into(),
                path,
                text,
                golden,
            })
        })
        .collect()
}

/// Text as the score compares it: no whitespace, no □/■ ornaments.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '□' && *c != '■')
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().or_else(|| s["text"].as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().filter(|s| !s.is_empty()).map(str::to_string)
}

/// The golden's elements in reading order, each with the label its first line takes.
fn golden_elements(golden: &Value) -> Vec<(Label, String)> {
    let mut out = Vec::new();
    for f in strings(&golden["page_furniture"]) {
        out.push((Label::Furniture, f));
    }
    for a in golden["articles"].as_array().into_iter().flatten() {
        for (key, label) in [
            ("title", Label::Title),
            ("subtitle", Label::Subtitle),
            ("byline", Label::Byline),
        ] {
            if let Some(t) = opt(&a[key]) {
                out.push((label, t));
            }
        }
        for s in a["sections"].as_array().into_iter().flatten() {
            if let Some(h) = opt(&s["heading"]) {
                out.push((Label::Heading, h));
            }
            for p in strings(&s["paragraphs"]) {
                out.push((Label::ParaStart, p));
            }
        }
        for e in strings(&a["end_matter"]) {
            out.push((Label::EndMatter, e));
        }
    }
    out
}

/// A page labelled for training: observations, and the labels its golden gives each
/// piece. `unmatched` counts lines found nowhere in the golden.
pub struct Labelled {
    pub observations: Vec<Observation>,
    pub labels: Vec<Label>,
    pub unmatched: usize,
}

/// Align every piece of the page with the golden text: find the piece's text in the
/// golden's character stream, first after where the previous piece matched, else
/// anywhere; its label is that of the element it falls in (a paragraph's first line is
/// `ParaStart`, later ones `ParaCont`). Lines found nowhere take their predecessor's
/// label (continuations of what came before).
pub fn label_page(page: &Page) -> Labelled {
    let prepared = prepare(&page.text);
    let elements = golden_elements(&page.golden);
    let mut stream = String::new();
    // Byte offset in `stream` -> (element, offset of that byte within the element).
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (k, (_, text)) in elements.iter().enumerate() {
        let s = squash(text);
        starts.push((stream.len(), k));
        stream.push_str(&s);
    }
    let element_at = |byte: usize| -> (usize, usize) {
        let i = starts.partition_point(|&(b, _)| b <= byte) - 1;
        (starts[i].1, byte - starts[i].0)
    };
    let mut cursor = 0usize;
    let mut labels = Vec::new();
    let mut unmatched = 0;
    let texts = prepared.texts();
    for (i, text) in texts.iter().enumerate() {
        if let Some(forced) = prepared.observations[i].forced {
            labels.push(forced);
            continue;
        }
        let needle = squash(text);
        let found = if needle.is_empty() {
            None
        } else {
            stream[cursor.min(stream.len())..]
                .find(&needle)
                .map(|b| b + cursor)
                .or_else(|| stream.find(&needle))
        };
        let label = match found {
            Some(b) => {
                cursor = b + needle.len();
                let (k, within) = element_at(b);
                match elements[k].0 {
                    Label::ParaStart if within > 0 => Label::ParaCont,
                    l => l,
                }
            }
            None => {
                unmatched += 1;
                match labels.last() {
                    Some(Label::ParaStart | Label::ParaCont) | None => Label::ParaCont,
                    Some(&l) if l == Label::MarkerFrom || l == Label::MarkerTo => Label::ParaCont,
                    Some(&l) => l,
                }
            }
        };
        labels.push(label);
    }
    Labelled {
        observations: prepared.observations,
        labels,
        unmatched,
    }
}

/// The outline score of one page (as `outline_score.py` computes it).
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub titles: (usize, usize),
    pub bylines: (usize, usize),
    pub subtitles: (usize, usize),
    pub headings: (usize, usize),
    /// Headings given that the golden does not have.
    pub extra_headings: usize,
    pub articles: (usize, usize),
    /// Paragraph (and end-matter) true positives, found, expected.
    pub paragraphs: (usize, usize, usize),
    pub furniture: (usize, usize),
}

impl Score {
    pub fn f1(&self) -> f64 {
        let (tp, found, expected) = self.paragraphs;
        let p = tp as f64 / found.max(1) as f64;
        let r = tp as f64 / expected.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn whole(&self) -> bool {
        self.titles.0 == self.titles.1
            && self.bylines.0 == self.bylines.1
            && self.subtitles.0 == self.subtitles.1
            && self.headings.0 == self.headings.1
            && self.extra_headings == 0
            && self.articles.0 == self.articles.1
            && self.paragraphs.0 == self.paragraphs.1
            && self.paragraphs.0 == self.paragraphs.2
    }

    pub fn add(&mut self, o: &Score) {
        let add2 = |a: &mut (usize, usize), b: (usize, usize)| {
            a.0 += b.0;
            a.1 += b.1;
        };
        add2(&mut self.titles, o.titles);
        add2(&mut self.bylines, o.bylines);
        add2(&mut self.subtitles, o.subtitles);
        add2(&mut self.headings, o.headings);
        add2(&mut self.articles, o.articles);
        add2(&mut self.furniture, o.furniture);
        self.extra_headings += o.extra_headings;
        self.paragraphs.0 += o.paragraphs.0;
        self.paragraphs.1 += o.paragraphs.1;
        self.paragraphs.2 += o.paragraphs.2;
    }
}

fn counts(items: impl Iterator<Item = String>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for i in items {
        *map.entry(i).or_insert(0) += 1;
    }
    map
}

fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter()
        .map(|(k, n)| (*n).min(*b.get(k).unwrap_or(&0)))
        .sum()
}

/// Score a reflowed document against a golden.
pub fn score(golden: &Value, doc: &Document) -> Score {
    let ga: Vec<&Value> = golden["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let mut s = Score {
        articles: (doc.articles.len(), ga.len()),
        ..Score::default()
    };
    let by_title: HashMap<String, &pizhu::core::model::Article> = doc
        .articles
        .iter()
        .map(|a| (squash(a.title.as_deref().unwrap_or("")), a))
        .collect();
    for g in &ga {
        let title = squash(g["title"].as_str().unwrap_or(""));
        let found = by_title.get(&title);
        s.titles.1 += 1;
        s.titles.0 += usize::from(found.is_some());
        for (key, slot) in [("byline", &mut s.bylines), ("subtitle", &mut s.subtitles)] {
            if let Some(want) = opt(&g[key]) {
                slot.1 += 1;
                let got = found.and_then(|a| match key {
                    "byline" => a.byline.clone(),
                    _ => a.subtitle.clone(),
                });
                slot.0 += usize::from(got.is_some_and(|x| squash(&x) == squash(&want)));
            }
        }
    }
    let golden_heads = counts(
        ga.iter()
            .flat_map(|a| a["sections"].as_array().into_iter().flatten())
            .filter_map(|s| opt(&s["heading"]))
            .map(|h| squash(&h)),
    );
    let heads = counts(
        doc.articles
            .iter()
            .flat_map(|a| &a.sections)
            .filter_map(|s| s.heading.as_deref())
            .map(squash),
    );
    let matched = overlap(&golden_heads, &heads);
    s.headings = (matched, golden_heads.values().sum());
    s.extra_headings = heads.values().sum::<usize>() - matched;
    let golden_paras = counts(ga.iter().flat_map(|a| {
        let paras = a["sections"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|s| strings(&s["paragraphs"]));
        paras.chain(strings(&a["end_matter"])).map(|p| squash(&p))
    }));
    let paras = counts(doc.articles.iter().flat_map(|a| {
        a.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().cloned())
            .chain(a.end_matter.iter().cloned())
            .map(|p| squash(&p))
    }));
    s.paragraphs = (
        overlap(&golden_paras, &paras),
        paras.values().sum(),
        golden_paras.values().sum(),
    );
    let golden_furniture = counts(strings(&golden["page_furniture"]).iter().map(|f| squash(f)));
    let furniture = counts(doc.page_furniture.iter().map(|f| squash(f)));
    s.furniture = (
        overlap(&golden_furniture, &furniture),
        golden_furniture.values().sum(),
    );
    s
}

/// Scores per (family, extractor): pages, pages whole, summed score.
pub type Table = BTreeMap<(String, String), (usize, usize, Score)>;

/// Add one page's score to its (family, extractor) row.
pub fn record(table: &mut Table, page: &Page, s: &Score) {
    let row = table
        .entry((page.family.clone(), page.extractor.clone()))
        .or_default();
    row.0 += 1;
    row.1 += usize::from(s.whole());
    row.2.add(s);
}

/// Print the table under a heading: pages whole, titles, bylines, headings, subtitles, F1.
pub fn print_table(heading: &str, table: &Table) {
    println!("\n{heading}");
    println!(
        "{:<24} {:<9} {:>6} {:>8} {:>8} {:>8} {:>9} {:>7}",
        "family", "extractor", "whole", "titles", "bylines", "headings", "subtitle", "F1"
    );
    let mut all = (0, 0, Score::default());
    for ((family, extractor), (n, whole, s)) in table {
        print_row(family, extractor, *n, *whole, s);
        all.0 += n;
        all.1 += whole;
        all.2.add(s);
    }
    print_row("all", "", all.0, all.1, &all.2);
}

fn print_row(family: &str, extractor: &str, n: usize, whole: usize, s: &Score) {
    println!(
        "{family:<24} {extractor:<9} {whole:>3}/{n:<2} {:>4}/{:<3} {:>4}/{:<3} {:>4}/{:<3} {:>5}/{:<3} {:>7.3}",
        s.titles.0, s.titles.1, s.bylines.0, s.bylines.1, s.headings.0, s.headings.1,
        s.subtitles.0, s.subtitles.1, s.f1()
    );
}
