//! Frame time of the reading window, headless: egui's pass over the real `PizhuApp` plus
//! tessellation (what the CPU does per frame; the GPU upload is not measured).
//!   scroll_longest_section      — j pressed every frame in the sample's longest section
//!   scroll_2000_highlights      — the same with 2,000 overlapping highlights in it
//!   scroll_2000_highlights_panel_open — and the annotation panel listing all 2,000
//!   reselect_2000_highlights    — a frame whose selection changed, so marks are recomputed
//!   relayout_longest_section    — a frame that lays the section out again (the clreq line
//!                                 breaker, one galley per row): compression switched each frame

use criterion::{criterion_group, criterion_main, Criterion};
use egui::{Event, Key, Modifiers, RawInput};
use pizhu::app::{setup_context, PizhuApp};
use pizhu::session::{AppState, Command};
use pizhu::store::Store;

/// The app on the sample, showing its longest section.
fn app_on_longest_section() -> PizhuApp {
    let mut state = AppState::new(Store::open_in_memory().unwrap());
    state.start(&[]);
    let doc = state.doc().unwrap();
    let outline = &doc.reader.outline;
    let (article, section) = outline
        .section_refs()
        .into_iter()
        .max_by_key(|&(a, s)| {
            let (start, end) = outline.articles[a].sections[s].span();
            end - start
        })
        .unwrap();
    state.apply(Command::OpenSection { article, section });
    PizhuApp::new(state)
}

/// Add `n` highlights of 2–13 chars, overlapping, spread over the section on screen.
fn add_highlights(app: &mut PizhuApp, n: usize) {
    let state = &mut app.state;
    let doc = state.doc().unwrap();
    let (start, end) = doc.reader.visible_span();
    let id = doc.id;
    let span = end - start - 16;
    for i in 0..n {
        let s = start + (i * 7919) % span;
        let len = 2 + (i * 31) % 12;
        // As a user would: select, then highlight (every change goes through `apply`).
        state.apply(Command::PointerDown {
            pos: s,
            extend: false,
        });
        state.apply(Command::PointerDrag { pos: s + len });
        state.apply(Command::Highlight(Some((i % 6) as u8 + 1)));
    }
    // Opening the document again reads its annotations; it reopens at the same section.
    state.apply(Command::OpenDocument(id));
    assert_eq!(state.doc().unwrap().annotations.len(), n);
}

struct Headless {
    ctx: egui::Context,
    app: PizhuApp,
    time: f64,
}

impl Headless {
    fn new(app: PizhuApp) -> Headless {
        let ctx = egui::Context::default();
        setup_context(&ctx);
        let mut h = Headless {
            ctx,
            app,
            time: 0.0,
        };
        for _ in 0..5 {
            h.frame(vec![]);
        }
        h
    }

    fn frame(&mut self, events: Vec<Event>) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.show(ui));
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        std::hint::black_box(primitives);
        output.textures_delta.clear();
    }

    /// One frame of scrolling by a line; back to the top once at the bottom.
    fn scroll_frame(&mut self) {
        let at_bottom = self.app.state.doc().unwrap().reader.at_bottom();
        let key = if at_bottom { Key::Home } else { Key::J };
        let press = Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        };
        self.frame(vec![press]);
    }
}

fn frames(c: &mut Criterion) {
    let mut plain = Headless::new(app_on_longest_section());
    let chars = {
        let (s, e) = plain.app.state.doc().unwrap().reader.visible_span();
        e - s
    };
    plain.scroll_frame();
    plain.scroll_frame();
    let reader = &plain.app.state.doc().unwrap().reader;
    eprintln!(
        "longest section: {chars} chars, {} rows, content {:.0} pt, scroll {:.0} after two frames",
        reader.view.rows.len(),
        reader.view.content_height,
        reader.scroll
    );
    c.bench_function("scroll_longest_section", |b| {
        b.iter(|| plain.scroll_frame())
    });

    c.bench_function("relayout_longest_section", |b| {
        b.iter(|| {
            plain.app.state.apply(Command::TogglePunctuationCompression);
            plain.frame(vec![]);
        })
    });

    let mut app = app_on_longest_section();
    add_highlights(&mut app, 2000);
    let mut marked = Headless::new(app);
    c.bench_function("scroll_2000_highlights", |b| {
        b.iter(|| marked.scroll_frame())
    });

    let mut app = app_on_longest_section();
    add_highlights(&mut app, 2000);
    app.state.apply(Command::ToggleAnnotationPanel);
    // Keys to the text again, so j scrolls it while the panel lists every annotation.
    app.state.apply(Command::FocusPrevious);
    assert_eq!(app.state.focus(), pizhu::session::Focus::Text);
    let mut with_panel = Headless::new(app);
    c.bench_function("scroll_2000_highlights_panel_open", |b| {
        b.iter(|| with_panel.scroll_frame())
    });

    let mut i = 0usize;
    c.bench_function("reselect_2000_highlights", |b| {
        b.iter(|| {
            i += 1;
            let (s, _) = marked.app.state.doc().unwrap().reader.visible_span();
            let state = &mut marked.app.state;
            state.apply(Command::PointerDown {
                pos: s + i % 50,
                extend: false,
            });
            state.apply(Command::PointerDrag {
                pos: s + i % 50 + 3,
            });
            marked.frame(vec![]);
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(60);
    targets = frames
}
criterion_main!(benches);
