use proptest::prelude::*;

use super::*;
use crate::core::annotation::AnchorStatus;
use crate::core::model::{Article, Document, Section};
use crate::core::reflow::reflow;

fn outline(paragraphs: &[&str]) -> Outline {
    Outline::from_document(&Document {
        articles: vec![Article {
            title: Some("春耕时节".into()),
            sections: vec![
                Section {
                    paragraphs: paragraphs[..1].iter().map(|p| p.to_string()).collect(),
                    ..Default::default()
                },
                Section {
                    heading: Some("（二）田间".into()),
                    paragraphs: paragraphs[1..].iter().map(|p| p.to_string()).collect(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }],
        ..Default::default()
    })
}

fn annotation(id: &str, doc: i64, start: usize, note: &str, tags: &[&str]) -> Annotation {
    Annotation {
        id: id.into(),
        document_id: doc,
        start,
        end: start + 1,
        quote: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        color: 1,
        note: note.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        created: String::new(),
        modified: String::new(),
        status: AnchorStatus::Anchored,
    }
}

fn rmrb(date: &str) -> SourceMeta {
    SourceMeta {
        paper: Some("人民日报".into()),
        date: Some(date.into()),
        page: Some(1),
        page_name: None,
    }
}

fn sample() -> Corpus {
    let one = outline(&[
        "农民在田间劳作，春耕生产有序推进。",
        "今年播种面积达120万亩，比去年增加3.5%。",
    ]);
    let two = outline(&[
        "Spring sowing began in Inner Mongolia.",
        "田间管理到位，春耕春播全面展开。",
    ]);
    Corpus::new(
        vec![
            CorpusDocument::new(1, rmrb("2025-01-02"), one),
            CorpusDocument::new(2, SourceMeta::default(), two),
        ],
        vec![
            annotation("a1", 1, 5, "春耕的数据可信吗", &["农业", "春耕统计"]),
            annotation("a2", 2, 0, "no match here", &["english"]),
        ],
    )
}

fn query(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Default::default()
    }
}

fn spans(r: &Results) -> Vec<(HitKind, i64, usize, usize)> {
    r.hits
        .iter()
        .map(|h| (h.kind, h.document, h.start, h.end))
        .collect()
}

/// The check every hit must pass: its offsets select the query in what it was found in.
fn assert_hits_select_query(corpus: &Corpus, q: &str, r: &Results) {
    for h in &r.hits {
        assert_eq!(h.hit, q);
        let doc = corpus.document(h.document).unwrap();
        if h.kind == HitKind::Text {
            assert_eq!(char_slice(&doc.outline.text, h.start, h.end), q);
        }
    }
}

use crate::core::outline::char_slice;

#[test]
fn one_two_three_and_eight_character_chinese_queries() {
    let c = sample();
    for q in ["春", "春耕", "春耕生", "春耕生产有序推进"] {
        let r = search(&c, &query(q), usize::MAX);
        assert!(!r.hits.is_empty(), "{q}");
        assert_eq!(r.total, r.hits.len());
        assert_hits_select_query(&c, q, &r);
    }
    let one = search(&c, &query("春"), usize::MAX);
    // Title 春耕时节, 春耕生产, 春耕春播 (2), notes and tags.
    let text_hits = one.hits.iter().filter(|h| h.kind == HitKind::Text).count();
    assert_eq!(text_hits, 2 + 3, "{:?}", spans(&one));
    let eight = search(&c, &query("春耕生产有序推进"), usize::MAX);
    assert_eq!(eight.hits.len(), 1);
    let h = &eight.hits[0];
    assert_eq!(
        (h.left.as_str(), h.right.as_str()),
        ("农民在田间劳作，", "。")
    );
    assert_eq!(h.article_title.as_deref(), Some("春耕时节"));
    assert_eq!(h.heading, None, "first section has no heading");
}

#[test]
fn latin_and_digit_queries_match_exactly() {
    let c = sample();
    let r = search(&c, &query("Mongolia"), usize::MAX);
    assert_eq!(spans(&r), vec![(HitKind::Text, 2, 34, 42)]);
    assert_eq!(
        search(&c, &query("mongolia"), usize::MAX).total,
        0,
        "case as typed"
    );
    let digits = search(&c, &query("120"), usize::MAX);
    assert_eq!(digits.hits.len(), 1);
    assert_eq!(digits.hits[0].heading.as_deref(), Some("（二）田间"));
    assert_hits_select_query(&c, "120", &digits);
    assert_eq!(search(&c, &query("3.5%"), usize::MAX).total, 1);
}

#[test]
fn a_query_across_a_source_line_break_is_found() {
    // The source wraps mid-phrase ("春耕" | "生产"); the reading text joins the lines.
    let source = "春耕时节田间忙\n\n　　农民在田间劳作，春耕\n生产有序推进，各地抓紧\n播种。\n";
    let o = Outline::from_document(&reflow(source));
    assert!(!source.contains("春耕生产"), "the source splits the phrase");
    let c = Corpus::new(
        vec![CorpusDocument::new(7, SourceMeta::default(), o)],
        vec![],
    );
    let r = search(&c, &query("春耕生产有序推进"), usize::MAX);
    assert_eq!(r.hits.len(), 1, "{:?}", c.documents[0].outline.text);
    assert_hits_select_query(&c, "春耕生产有序推进", &r);
    assert_eq!(search(&c, &query("抓紧播种"), usize::MAX).total, 1);
}

#[test]
fn notes_and_tags_are_searched_with_their_annotation() {
    let c = sample();
    let r = search(&c, &query("春耕"), usize::MAX);
    let note = r.hits.iter().find(|h| h.kind == HitKind::Note).unwrap();
    assert_eq!(note.annotation.as_deref(), Some("a1"));
    assert_eq!((note.start, note.end), (0, 2));
    assert_eq!(
        (note.left.as_str(), note.right.as_str()),
        ("", "的数据可信吗")
    );
    assert_eq!(note.article_title.as_deref(), Some("春耕时节"));
    let tag = r.hits.iter().find(|h| h.kind == HitKind::Tag).unwrap();
    assert_eq!((tag.hit.as_str(), tag.right.as_str()), ("春耕", "统计"));
    let notes_only = Query {
        notes_only: true,
        ..query("春耕")
    };
    let r = search(&c, &notes_only, usize::MAX);
    assert_eq!(
        r.hits.iter().map(|h| h.kind).collect::<Vec<_>>(),
        vec![HitKind::Note, HitKind::Tag]
    );
}

#[test]
fn filters_by_document_paper_and_date() {
    let c = sample();
    let q = |f: fn(&mut Query)| {
        let mut q = query("田间");
        f(&mut q);
        search(&c, &q, usize::MAX)
            .hits
            .iter()
            .map(|h| h.document)
            .collect::<Vec<_>>()
    };
    assert_eq!(q(|_| {}), vec![1, 1, 2, 2]);
    assert_eq!(q(|q| q.document = Some(2)), vec![2, 2]);
    assert_eq!(q(|q| q.paper = Some("人民".into())), vec![1, 1]);
    assert_eq!(q(|q| q.from = Some("2025-01-02".into())), vec![1, 1]);
    assert_eq!(q(|q| q.to = Some("2025-01-01".into())), Vec::<i64>::new());
}

#[test]
fn the_limit_keeps_the_first_hits_and_counts_all() {
    let c = sample();
    let all = search(&c, &query("春"), usize::MAX);
    let some = search(&c, &query("春"), 2);
    assert_eq!(some.total, all.total);
    assert_eq!(some.hits, all.hits[..2]);
    assert_eq!(search(&c, &query(""), 10), Results::default());
}

#[test]
fn context_stops_at_line_breaks_and_counts_chars() {
    let text = "第一行\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地\n末行";
    let at = text.find("天").unwrap();
    let (left, hit, right) = context(text, at, at + "天".len());
    assert_eq!(left.chars().count(), CONTEXT_CHARS);
    assert!(left.ends_with("亥"));
    assert_eq!((hit.as_str(), right.as_str()), ("天", "地"));
    assert_eq!(find_all(text, "行"), vec![(2, 3), (30, 31)]);
}

/// A generated document: its text, and its annotations' notes with their tags.
type GeneratedDoc = (String, Vec<(String, Vec<String>)>);

/// Naive reference: leftmost, non-overlapping matches found by comparing chars.
fn naive(text: &str, q: &str) -> Vec<(usize, usize)> {
    let t: Vec<char> = text.chars().collect();
    let q: Vec<char> = q.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while !q.is_empty() && i + q.len() <= t.len() {
        if t[i..i + q.len()] == q[..] {
            out.push((i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

fn naive_search(
    corpus: &Corpus,
    docs: &[GeneratedDoc],
    q: &str,
) -> Vec<(HitKind, i64, usize, usize)> {
    let mut out = Vec::new();
    for (i, (text, notes)) in docs.iter().enumerate() {
        let id = corpus.documents[i].id;
        out.extend(
            naive(text, q)
                .into_iter()
                .map(|(s, e)| (HitKind::Text, id, s, e)),
        );
        for (note, tags) in notes {
            out.extend(
                naive(note, q)
                    .into_iter()
                    .map(|(s, e)| (HitKind::Note, id, s, e)),
            );
            for tag in tags {
                out.extend(
                    naive(tag, q)
                        .into_iter()
                        .map(|(s, e)| (HitKind::Tag, id, s, e)),
                );
            }
        }
    }
    out
}

fn small_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            '春', '耕', '田', 'a', 'A', '1', '。', '\n', '𠀀', '\0',
        ]),
        0..60,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// On generated libraries the search finds exactly what a naive scan finds.
    #[test]
    fn equals_a_naive_scan(
        docs in proptest::collection::vec(
            (small_text(), proptest::collection::vec((small_text(), proptest::collection::vec(small_text(), 0..3)), 0..3)),
            0..5),
        q in proptest::collection::vec(prop::sample::select(vec!['春', '耕', 'a', '1', '\n', '𠀀', '\0']), 1..5)
            .prop_map(|v| v.into_iter().collect::<String>()),
    ) {
        let documents: Vec<CorpusDocument> = docs.iter().enumerate().map(|(i, (text, _))| {
            let outline = Outline { text: text.clone(), articles: vec![], page_furniture: vec![] };
            CorpusDocument::new(i as i64 + 1, SourceMeta::default(), outline)
        }).collect();
        let mut annotations = Vec::new();
        for (i, (_, notes)) in docs.iter().enumerate() {
            for (k, (note, tags)) in notes.iter().enumerate() {
                let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
                // Same start for all: reading order is the order they were given.
                annotations.push(annotation(&format!("n{k}"), i as i64 + 1, 0, note, &tags));
            }
        }
        let corpus = Corpus::new(documents, annotations);
        let found = search(&corpus, &query(&q), usize::MAX);
        prop_assert_eq!(spans(&found), naive_search(&corpus, &docs, &q));
        prop_assert_eq!(found.total, found.hits.len());
        for (text, _) in &docs {
            prop_assert_eq!(find_all(text, &q), naive(text, &q));
        }
    }
}

/// Issue 17: a query typed in traditional characters finds the simplified text (and its
/// notes), and the other way round, at the same char offsets as the stored form would.
#[test]
fn a_query_in_the_other_script_finds_the_text() {
    let text = "农民在田间劳作，春耕生产有序推进。農民說：生产";
    assert_eq!(find_all(text, "農民"), find_all(text, "农民"));
    assert_eq!(find_all(text, "农民"), vec![(0, 2), (17, 19)]);
    assert_eq!(find_all(text, "生產"), vec![(10, 12), (21, 23)]);

    let corpus = Corpus::new(
        vec![CorpusDocument::new(
            1,
            rmrb("2024-03-01"),
            outline(&[text, "播种"]),
        )],
        vec![annotation("a1", 1, 0, "劳动与产量", &["農業"])],
    );
    let query = |q: &str| Query {
        text: q.into(),
        ..Default::default()
    };
    let traditional = search(&corpus, &query("勞作"), 10);
    assert_eq!(traditional.total, 1);
    assert_eq!(
        traditional.hits[0].hit, "劳作",
        "the hit shows the stored text"
    );
    assert_eq!(
        search(&corpus, &query("劳作"), 10).hits,
        traditional.hits,
        "either script finds the same hit"
    );
    let note = search(&corpus, &query("勞動"), 10);
    assert_eq!(note.hits.len(), 1);
    assert_eq!(
        (note.hits[0].kind, note.hits[0].start, note.hits[0].end),
        (HitKind::Note, 0, 2)
    );
    let tag = search(&corpus, &query("农业"), 10);
    assert_eq!(
        (tag.hits[0].kind, tag.hits[0].hit.as_str()),
        (HitKind::Tag, "農業")
    );
}
