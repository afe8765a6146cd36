//! What the About box shows: version, where data and logs live, and the licence of the
//! bundled fonts (the SIL Open Font License asks that it travel with the fonts).

use std::path::{Path, PathBuf};

/// The licence of the bundled Noto CJK fonts, as shipped in `assets/fonts/OFL.txt`.
pub const FONTS_LICENCE: &str = include_str!("../assets/fonts/OFL.txt");

/// The bundled fonts, named as their licence credits them.
pub const BUNDLED_FONTS: &[&str] = &["Noto Serif CJK SC (text)", "Noto Sans CJK SC (interface)"];

/// The dictionary popup's data and the script converter's, credited as CC BY-SA asks.
pub const DICTIONARY_CREDIT: &str = "CC-CEDICT (MDBG and contributors, \
    https://cc-cedict.org), Creative Commons Attribution-ShareAlike 4.0, embedded through \
    haoxue-dict (MIT); traditional/simplified display: OpenCC data through ferrous-opencc \
    (Apache-2.0)";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    pub version: &'static str,
    /// The database this process uses.
    pub db_path: PathBuf,
    /// The directory holding it.
    pub data_dir: PathBuf,
    /// Log files and crash reports.
    pub log_dir: PathBuf,
    /// Today's log file, if logs are written to a file.
    pub log_file: Option<PathBuf>,
    pub fonts: &'static [&'static str],
    pub fonts_licence: &'static str,
    pub dictionary: &'static str,
}

/// Gather the About facts for the database at `db_path` (the window knows which one it
/// opened: `--db`, `PIZHU_DB` or the default). Log locations come from
/// [`crate::logging::init`], or the default log dir if logging was not started.
pub fn about(db_path: &Path) -> About {
    let logs = crate::logging::log_info();
    let data_dir = db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    About {
        version: env!("CARGO_PKG_VERSION"),
        db_path: db_path.to_path_buf(),
        data_dir: data_dir.to_path_buf(),
        log_dir: logs
            .as_ref()
            .map(|l| l.log_dir.clone())
            .unwrap_or_else(crate::logging::default_log_dir),
        // Today's file, not the one at start-up: the window may have been open since
        // before midnight (UTC), when the log moved on to a new file.
        log_file: logs
            .filter(|l| l.log_file.is_some())
            .map(|l| crate::logging::current_log_file(&l.log_dir)),
        fonts: BUNDLED_FONTS,
        fonts_licence: FONTS_LICENCE,
        dictionary: DICTIONARY_CREDIT,
    }
}

impl About {
    /// Plain text for the About box and for `--version`-style reports.
    pub fn text(&self) -> String {
        let log_file = self.log_file.as_ref().map(|p| p.display().to_string());
        format!(
            "pizhu (批注) {version}\n\
             Read and annotate Chinese newspaper text extracted from PDFs.\n\n\
             Database: {db}\n\
             Data folder: {data}\n\
             Logs and crash reports: {logs}\n\
             Current log: {log_file}\n\n\
             Fonts: {fonts}, under the SIL Open Font License 1.1.\n\
             Dictionary: {dictionary}",
            version = self.version,
            db = self.db_path.display(),
            data = self.data_dir.display(),
            logs = self.log_dir.display(),
            log_file = log_file
                .as_deref()
                .unwrap_or("none (the log folder cannot be written)"),
            fonts = self.fonts.join(", "),
            dictionary = self.dictionary,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_names_version_database_and_fonts_licence() {
        let about = about(Path::new("/home/u/.local/share/pizhu/pizhu.sqlite3"));
        assert_eq!(about.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(about.data_dir, PathBuf::from("/home/u/.local/share/pizhu"));
        assert!(about
            .fonts_licence
            .contains("SIL OPEN FONT LICENSE Version 1.1"));
        let text = about.text();
        assert!(
            text.contains("Database: /home/u/.local/share/pizhu/pizhu.sqlite3"),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "Logs and crash reports: {}",
                about.log_dir.display()
            )),
            "{text}"
        );
        assert!(text.contains("Noto Serif CJK SC"), "{text}");
        assert!(
            text.contains("CC-CEDICT") && text.contains("ShareAlike 4.0"),
            "{text}"
        );
    }

    #[test]
    fn a_bare_file_name_lives_in_the_current_dir() {
        assert_eq!(
            about(Path::new("notes.sqlite3")).data_dir,
            PathBuf::from(".")
        );
    }
}
