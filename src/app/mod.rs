//! The window (the only module that names egui). Each frame draws the state, turns keys,
//! menus and mouse into [`Command`]s, and applies them after drawing, through
//! [`AppState::apply`].

mod about_box;
mod access;
mod annotation_list;
mod annotation_panel;
mod dialogs;
mod dictionary_popup;
mod file_dialogs;
pub mod fonts;
mod help;
mod key_input;
pub mod keymap;
mod library_dialogs;
mod library_page;
pub mod menu;
mod outline_panel;
mod reading;
mod search_ui;
mod status;
pub mod theme;
mod title;

use std::path::PathBuf;
use std::time::Instant;

use egui::ThemePreference;

use crate::session::{AppState, Command, Effect, Page, Theme};
use crate::store::Store;

pub use title::{cite, window_title};

/// The desktop entry and the CI check find the window by app id `pizhu`.
pub const APP_ID: &str = "pizhu";

/// Open the window on the library at `db_path`, importing `files` first.
pub fn run(db_path: PathBuf, files: Vec<PathBuf>) -> anyhow::Result<()> {
    let launched = Instant::now();
    // Jieba's dictionary takes a moment to load; have it ready by the first double-click.
    std::thread::spawn(crate::core::segment::preload);
    // So is CC-CEDICT (the dictionary popup) and OpenCC's (the script switch); the popup
    // says "loading" until the dictionary is ready, and never waits for it.
    std::thread::spawn(crate::core::dictionary::preload);
    std::thread::spawn(crate::core::script::preload);
    let mut trouble = None;
    let store = match Store::open(&db_path) {
        Ok(store) => store,
        Err(e) => {
            // Still open a window: a desktop launch has no terminal to read the error in.
            trouble = Some(e.to_string());
            Store::open_in_memory()?
        }
    };
    let mut state = AppState::new(store);
    state.follow_desktop_text_scale(crate::text_scale::from_system());
    if let Some(e) = trouble {
        let text = state.tr_with("notice.cannot_open_library", &[("error", &e)]);
        state.notify(text, true);
    }
    // A panic ends the process before the window can say so; say it at the next launch.
    if let Some(report) = crate::logging::log_info()
        .and_then(|info| crate::logging::take_unseen_crash_report(&info.log_dir))
    {
        let report = report.display().to_string();
        let text = state.tr_with("notice.crashed", &[("report", &report)]);
        state.notify(text, true);
    }
    state.start(&files);
    // The first search everything then finds the corpus read (not a wait of 0.3 s+).
    state.prefetch_corpus();
    let (w, h) = state.prefs().window_size.unwrap_or((1280.0, 860.0));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(window_title(&state))
            .with_app_id(APP_ID)
            .with_inner_size([w, h])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            setup_context(&cc.egui_ctx);
            let mut app = PizhuApp::new(state);
            app.launched = Some(launched);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// Fonts and options every context showing pizhu needs (the window's, and tests').
pub fn setup_context(ctx: &egui::Context) {
    fonts::install(ctx);
    // Ctrl+= / Ctrl+- size the reading text (our keymap), not the whole interface.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(19.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

pub struct PizhuApp {
    pub state: AppState,
    reading: reading::ReadingView,
    queue: Vec<Command>,
    applied_theme: Option<Theme>,
    /// When the process asked for the window (for PIZHU_TIMING).
    launched: Option<Instant>,
    /// Seconds (egui time) of the last write of the reading position.
    last_flush: f64,
    dialogs: dialogs::DialogFocus,
    /// The title last given to the window, so it is only sent when it changes.
    window_title: String,
    /// The find bar was shown last frame (a newly opened one takes the focus once).
    find_open: bool,
    /// A text field had the keys at the end of last frame (egui drops that focus on Esc
    /// before this frame's keys are read).
    text_was_focused: bool,
}

impl PizhuApp {
    pub fn new(state: AppState) -> PizhuApp {
        PizhuApp {
            state,
            reading: Default::default(),
            queue: Vec::new(),
            applied_theme: None,
            launched: None,
            last_flush: 0.0,
            dialogs: Default::default(),
            window_title: String::new(),
            find_open: false,
            text_was_focused: false,
        }
    }

    /// Where char `offset` of the reading text was drawn in the last frame, if on screen.
    pub fn char_rect(&self, offset: usize) -> Option<egui::Rect> {
        self.reading.char_rect(offset)
    }

    /// One frame: draw, collect commands, apply them.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        access::set_language(&ctx, self.state.language());
        let palette = theme::palette(self.state.prefs().theme);
        if self.applied_theme != Some(self.state.prefs().theme) {
            ctx.set_theme(if palette.dark {
                ThemePreference::Dark
            } else {
                ThemePreference::Light
            });
            ctx.set_visuals_of(
                if palette.dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                },
                palette.visuals(),
            );
            self.applied_theme = Some(self.state.prefs().theme);
            self.reading.invalidate();
        }
        key_input::release_stray_focus(&ctx);
        self.dropped_files(&ctx);
        self.keys(&ctx);

        menu::bar_ui(ui, &self.state, &palette, &mut self.queue);
        status::bar_ui(ui, &self.state, &palette);
        if self.state.prefs().outline_visible {
            let width = outline_panel::ui(ui, &self.state, &palette, &mut self.queue);
            if width.round() != self.state.prefs().outline_width {
                self.queue.push(Command::ReportSizes {
                    window: None,
                    outline: Some(width),
                    annotations: None,
                });
            }
        }
        if self.state.prefs().annotations_visible {
            let width = annotation_panel::ui(ui, &self.state, &palette, &mut self.queue);
            if width.round() != self.state.prefs().annotations_width {
                self.queue.push(Command::ReportSizes {
                    window: None,
                    outline: None,
                    annotations: Some(width),
                });
            }
        }
        let central = egui::Frame::new().fill(palette.paper).inner_margin(0.0);
        egui::CentralPanel::default().frame(central).show(ui, |ui| {
            notices_ui(ui, &self.state, &palette, &mut self.queue);
            match (self.state.page(), self.state.doc().is_some()) {
                (Page::Reading, true) => {
                    search_ui::find_bar(
                        ui,
                        &self.state,
                        &palette,
                        &mut self.queue,
                        &mut self.find_open,
                    );
                    self.reading.ui(ui, &self.state, &palette, &mut self.queue)
                }
                _ => library_page::ui(ui, &self.state, &palette, &mut self.queue),
            }
        });
        hovered_files_ui(&ctx, &palette);
        dialogs::ui(
            &ctx,
            &self.state,
            &palette,
            &mut self.queue,
            &mut self.dialogs,
        );
        self.run_queue(&ctx);
        self.housekeeping(&ctx);
        self.text_was_focused = ctx.text_edit_focused();
    }

    /// Apply the frame's commands in order and carry out their effects.
    fn run_queue(&mut self, ctx: &egui::Context) {
        if self.queue.is_empty() {
            return;
        }
        for command in std::mem::take(&mut self.queue) {
            tracing::debug!("command {command:?}");
            for effect in self.state.apply(command) {
                match effect {
                    Effect::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                    Effect::CopyText(text) => ctx.copy_text(text),
                }
            }
        }
        ctx.request_repaint();
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !paths.is_empty() {
            self.queue.push(Command::ImportFiles(paths));
        }
    }

    /// Remember the window size, write the reading position now and then, report timing.
    fn housekeeping(&mut self, ctx: &egui::Context) {
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect) {
            let size = (rect.width().round(), rect.height().round());
            if self.state.prefs().window_size != Some(size) && size.0 > 0.0 {
                self.state.apply(Command::ReportSizes {
                    window: Some(size),
                    outline: None,
                    annotations: None,
                });
            }
        }
        let now = ctx.input(|i| i.time);
        if now - self.last_flush > 2.0 {
            self.last_flush = now;
            self.state.flush();
        }
        if let Some(t) = self.launched.take() {
            if std::env::var_os("PIZHU_TIMING").is_some() {
                let since_exec = process_age_ms()
                    .map(|ms| format!(", {ms:.0} ms since the process started"))
                    .unwrap_or_default();
                eprintln!(
                    "pizhu: first frame {:.0} ms after main{since_exec}",
                    t.elapsed().as_secs_f64() * 1000.0
                );
            }
        }
    }
}

impl eframe::App for PizhuApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        // The taskbar and window switcher name the open document, like other readers.
        let title = window_title(&self.state);
        if title != self.window_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.flush();
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        theme::palette(self.state.prefs().theme)
            .paper
            .to_normalized_gamma_f32()
    }
}

/// Scroll a list's keyboard cursor row into view once when the cursor moves there, so the
/// mouse wheel can still scroll the list afterwards.
pub(crate) fn scroll_to_cursor_once(ui: &egui::Ui, list: &str, index: usize, row: &egui::Response) {
    let memory = egui::Id::unique(("cursor-shown", list));
    if ui.data(|d| d.get_temp::<usize>(memory)) != Some(index) {
        row.scroll_to_me(None);
        ui.data_mut(|d| d.insert_temp(memory, index));
    }
}

fn notices_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    palette: &theme::Palette,
    queue: &mut Vec<Command>,
) {
    if state.notices().is_empty() {
        return;
    }
    egui::Frame::new()
        .fill(palette.panel)
        .inner_margin(egui::Margin::symmetric(16, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for notice in state.notices() {
                ui.horizontal(|ui| {
                    let color = if notice.error {
                        palette.accent
                    } else {
                        palette.muted
                    };
                    ui.label(
                        egui::RichText::new(if notice.error { "⚠" } else { "·" }).color(color),
                    );
                    ui.add(egui::Label::new(egui::RichText::new(&notice.text).color(color)).wrap());
                });
            }
            if ui
                .small_button(access::text(ui.ctx(), "button.dismiss"))
                .clicked()
            {
                queue.push(Command::Escape);
            }
        });
}

fn hovered_files_ui(ctx: &egui::Context, palette: &theme::Palette) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop"),
    ));
    painter.rect_filled(screen, 0.0, palette.paper.gamma_multiply(0.85));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        access::text(ctx, "files.drop"),
        egui::FontId::proportional(24.0),
        palette.accent,
    );
}

/// Milliseconds since this process was started, from /proc (Linux only).
fn process_age_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let start_ticks: f64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // Clock ticks are 100 per second on Linux (sysconf(_SC_CLK_TCK)).
    Some((uptime - start_ticks / 100.0) * 1000.0)
}
