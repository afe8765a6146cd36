//! Appearance and layout choices that persist between runs, kept in the store's settings
//! table so that one database holds everything about a library.

use crate::core::script::DisplayScript;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Sepia,
    Dark,
    /// Black on white, strong rules: for low vision and bright rooms.
    HighContrast,
}

impl Theme {
    pub fn next(self) -> Theme {
        match self {
            Theme::Light => Theme::Sepia,
            Theme::Sepia => Theme::Dark,
            Theme::Dark => Theme::HighContrast,
            Theme::HighContrast => Theme::Light,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Sepia => "sepia",
            Theme::Dark => "dark",
            Theme::HighContrast => "high-contrast",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        [Theme::Light, Theme::Sepia, Theme::Dark, Theme::HighContrast]
            .into_iter()
            .find(|t| t.name() == s)
    }

    /// The theme's name in the window, in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let key = match self {
            Theme::Light => "theme.light",
            Theme::Sepia => "theme.sepia",
            Theme::Dark => "theme.dark",
            Theme::HighContrast => "theme.high_contrast",
        };
        crate::i18n::tr(lang, key)
    }
}

pub const ZOOM_MIN: f32 = 0.6;
pub const ZOOM_MAX: f32 = 2.5;
const ZOOM_STEP: f32 = 1.1;
/// The setting holding the reading size.
const ZOOM_KEY: &str = "ui.zoom";
/// The setting holding the script the reading view shows.
const SCRIPT_KEY: &str = "ui.script";
/// The setting holding [`Prefs::compress_punctuation`].
const COMPRESS_KEY: &str = "ui.compress_punctuation";

#[derive(Debug, Clone, PartialEq)]
pub struct Prefs {
    pub theme: Theme,
    /// Size of the reading text relative to the default.
    pub zoom: f32,
    pub outline_visible: bool,
    pub annotations_visible: bool,
    pub outline_width: f32,
    pub annotations_width: f32,
    /// Inner size of the window in points, as last seen.
    pub window_size: Option<(f32, f32)>,
    /// The language chosen in the menu; `None` follows the system locale.
    pub language: Option<crate::i18n::Lang>,
    /// Traditional or simplified characters in the reading view (display only).
    pub script: DisplayScript,
    /// Two adjacent punctuation marks (`。”`, `）、`) take less than two ems, as clreq
    /// describes; off sets every mark in its full em.
    pub compress_punctuation: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            theme: Theme::Light,
            zoom: 1.0,
            outline_visible: true,
            annotations_visible: false,
            outline_width: 260.0,
            annotations_width: 320.0,
            window_size: None,
            language: None,
            script: DisplayScript::AsStored,
            compress_punctuation: true,
        }
    }
}

impl Prefs {
    pub fn zoom_in(&mut self) {
        self.zoom = (self.zoom * ZOOM_STEP).min(ZOOM_MAX);
    }

    pub fn zoom_out(&mut self) {
        self.zoom = (self.zoom / ZOOM_STEP).max(ZOOM_MIN);
    }

    /// Reads what was saved; anything missing or unreadable keeps its default.
    pub fn load(store: &Store) -> Result<Prefs, StoreError> {
        let mut p = Prefs::default();
        let get = |key: &str| store.setting(key);
        if let Some(t) = get("ui.theme")?.as_deref().and_then(Theme::parse) {
            p.theme = t;
        }
        let number = |v: Option<String>| {
            v.and_then(|s| s.parse::<f32>().ok())
                .filter(|x| x.is_finite())
        };
        if let Some(z) = number(get(ZOOM_KEY)?) {
            p.zoom = z.clamp(ZOOM_MIN, ZOOM_MAX);
        }
        if let Some(w) = number(get("ui.outline_width")?) {
            p.outline_width = w.clamp(120.0, 800.0);
        }
        if let Some(w) = number(get("ui.annotations_width")?) {
            p.annotations_width = w.clamp(160.0, 900.0);
        }
        if let Some(v) = get("ui.outline_visible")? {
            p.outline_visible = v == "true";
        }
        if let Some(v) = get("ui.annotations_visible")? {
            p.annotations_visible = v == "true";
        }
        if let Some(s) = get(SCRIPT_KEY)?.as_deref().and_then(DisplayScript::parse) {
            p.script = s;
        }
        if let Some(v) = get(COMPRESS_KEY)? {
            p.compress_punctuation = v != "false";
        }
        if let Some(code) = get("ui.language")? {
            p.language = crate::i18n::Lang::parse(&code);
        }
        if let Some(size) = get("ui.window_size")? {
            let mut parts = size.split('x').map(|n| n.parse::<f32>().ok());
            if let (Some(Some(w)), Some(Some(h))) = (parts.next(), parts.next()) {
                if w >= 200.0 && h >= 150.0 && w.is_finite() && h.is_finite() {
                    p.window_size = Some((w, h));
                }
            }
        }
        Ok(p)
    }

    /// Writes the settings that differ from `saved` (each write is its own small transaction).
    pub fn save(&self, saved: &Prefs, store: &mut Store) -> Result<(), StoreError> {
        let mut put = |changed: bool, key: &str, value: String| -> Result<(), StoreError> {
            if changed {
                store.set_setting(key, &value)?;
            }
            Ok(())
        };
        put(
            self.theme != saved.theme,
            "ui.theme",
            self.theme.name().into(),
        )?;
        put(self.zoom != saved.zoom, ZOOM_KEY, self.zoom.to_string())?;
        put(
            self.outline_width != saved.outline_width,
            "ui.outline_width",
            self.outline_width.to_string(),
        )?;
        put(
            self.annotations_width != saved.annotations_width,
            "ui.annotations_width",
            self.annotations_width.to_string(),
        )?;
        put(
            self.outline_visible != saved.outline_visible,
            "ui.outline_visible",
            self.outline_visible.to_string(),
        )?;
        put(
            self.annotations_visible != saved.annotations_visible,
            "ui.annotations_visible",
            self.annotations_visible.to_string(),
        )?;
        put(
            self.script != saved.script,
            SCRIPT_KEY,
            self.script.name().into(),
        )?;
        put(
            self.compress_punctuation != saved.compress_punctuation,
            COMPRESS_KEY,
            self.compress_punctuation.to_string(),
        )?;
        if let Some(lang) = self.language {
            put(
                self.language != saved.language,
                "ui.language",
                lang.code().into(),
            )?;
        }
        if let Some((w, h)) = self.window_size {
            put(
                self.window_size != saved.window_size,
                "ui.window_size",
                format!("{w}x{h}"),
            )?;
        }
        Ok(())
    }
}

impl super::AppState {
    /// First start: the reading size follows the desktop's text scale `factor` (see
    /// [`crate::text_scale`]) when the library has no reading size saved, and is saved, so
    /// from then on the library's own size wins (Ctrl+plus/minus change it).
    pub fn follow_desktop_text_scale(&mut self, factor: Option<f32>) {
        let Some(factor) = factor else { return };
        match self.store.setting(ZOOM_KEY) {
            Ok(None) => {
                self.prefs.zoom = factor.clamp(ZOOM_MIN, ZOOM_MAX);
                self.save_prefs();
            }
            Ok(Some(_)) => {}
            Err(e) => self.notify_error("notice.cannot_read_settings", e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefs_round_trip_through_the_store() {
        let mut store = Store::open_in_memory().unwrap();
        let defaults = Prefs::load(&store).unwrap();
        assert_eq!(defaults, Prefs::default());
        let mut p = defaults.clone();
        p.theme = Theme::Sepia;
        p.zoom_in();
        p.outline_visible = false;
        p.outline_width = 300.0;
        p.window_size = Some((1200.0, 800.0));
        p.language = Some(crate::i18n::Lang::Zh);
        p.script = DisplayScript::Traditional;
        p.compress_punctuation = false;
        p.save(&defaults, &mut store).unwrap();
        assert_eq!(Prefs::load(&store).unwrap(), p);
    }

    #[test]
    fn zoom_and_theme_stay_in_range() {
        let mut p = Prefs::default();
        for _ in 0..50 {
            p.zoom_in();
        }
        assert_eq!(p.zoom, ZOOM_MAX);
        for _ in 0..50 {
            p.zoom_out();
        }
        assert_eq!(p.zoom, ZOOM_MIN);
        assert_eq!(Theme::Light.next().next().next(), Theme::HighContrast);
        assert_eq!(Theme::HighContrast.next(), Theme::Light);
        for t in [Theme::Light, Theme::Sepia, Theme::Dark, Theme::HighContrast] {
            assert_eq!(Theme::parse(t.name()), Some(t));
        }
    }

    fn state(path: &std::path::Path) -> super::super::AppState {
        super::super::AppState::new(Store::open(path).unwrap())
    }

    #[test]
    fn the_first_start_follows_the_desktop_text_scale_and_a_saved_size_wins() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("lib.sqlite3");
        {
            let mut first = state(&db);
            first.follow_desktop_text_scale(Some(1.25));
            assert_eq!(first.prefs().zoom, 1.25);
        }
        // The next start on a desktop with other settings keeps the library's size.
        let mut second = state(&db);
        assert_eq!(second.prefs().zoom, 1.25);
        second.follow_desktop_text_scale(Some(2.0));
        assert_eq!(second.prefs().zoom, 1.25);
        // A size the user chose wins too.
        second.apply(crate::session::Command::ZoomIn);
        let chosen = second.prefs().zoom;
        drop(second);
        let mut third = state(&db);
        third.follow_desktop_text_scale(Some(0.8));
        assert_eq!(third.prefs().zoom, chosen);

        // A desktop asking for more than the reading view allows gets the largest size;
        // no factor leaves the default.
        let other = dir.path().join("other.sqlite3");
        let mut huge = state(&other);
        huge.follow_desktop_text_scale(Some(3.5));
        assert_eq!(huge.prefs().zoom, ZOOM_MAX);
        let mut none = state(&dir.path().join("none.sqlite3"));
        none.follow_desktop_text_scale(None);
        assert_eq!(none.prefs().zoom, 1.0);
    }
}
