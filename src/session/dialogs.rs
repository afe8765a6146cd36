//! The state of the window's dialogs: the file browser (for opening and exporting), the
//! tag input with completion, the note editor and the export dialog. Their text fields
//! edit drafts here directly; only their buttons (Commands) change the library.

use std::path::{Path, PathBuf};

use crate::core::annotation::Annotation;
use crate::export::Format;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub is_dir: bool,
}

/// A minimal in-window file browser: a path field and the listing of one folder.
/// (A native dialog needs a desktop portal, which a bare X session lacks.)
#[derive(Debug, Clone, PartialEq)]
pub struct FileBrowser {
    pub dir: PathBuf,
    /// The path typed or picked; what the dialog's button acts on.
    pub path: String,
    pub entries: Vec<DirEntry>,
    pub error: Option<String>,
}

impl FileBrowser {
    pub fn new(dir: PathBuf) -> FileBrowser {
        let mut b = FileBrowser {
            path: String::new(),
            dir: PathBuf::new(),
            entries: Vec::new(),
            error: None,
        };
        b.change_dir(dir);
        b
    }

    /// List `dir`: folders first, then files, each sorted; hidden entries left out.
    pub fn change_dir(&mut self, dir: PathBuf) {
        match std::fs::read_dir(&dir) {
            Ok(read) => {
                let mut entries: Vec<DirEntry> = read
                    .filter_map(Result::ok)
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        let is_dir = e.path().is_dir();
                        (!name.starts_with('.')).then_some(DirEntry { name, is_dir })
                    })
                    .collect();
                entries.sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then_with(|| a.name.cmp(&b.name)));
                self.entries = entries;
                self.error = None;
                self.dir = dir;
            }
            Err(e) => self.error = Some(format!("cannot list {}: {e}", dir.display())),
        }
    }

    /// Go into a folder of the listing, or pick a file of it.
    pub fn choose(&mut self, entry: &DirEntry) {
        let path = self.dir.join(&entry.name);
        if entry.is_dir {
            self.change_dir(path);
        } else {
            self.path = path.to_string_lossy().into_owned();
        }
    }

    pub fn up(&mut self) {
        if let Some(parent) = self.dir.parent().map(Path::to_path_buf) {
            self.change_dir(parent);
        }
    }

    /// The typed path: if it names a folder, list it and return `None`; else the file.
    pub fn submit(&mut self) -> Option<PathBuf> {
        let typed = self.path.trim();
        if typed.is_empty() {
            return None;
        }
        let path = self.resolve(typed);
        if path.is_dir() {
            self.change_dir(path);
            self.path.clear();
            None
        } else {
            Some(path)
        }
    }

    /// A typed path relative to the listed folder, with `~` as the home dir.
    pub fn resolve(&self, typed: &str) -> PathBuf {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        match (typed.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => self.dir.join(typed),
        }
    }
}

/// Tags of one annotation being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct TagEditor {
    pub annotation_id: String,
    pub quote: String,
    pub tags: Vec<String>,
    /// The tag being typed.
    pub input: String,
    /// Highlighted completion, an index into `suggestions`.
    pub suggestion: usize,
}

impl TagEditor {
    pub fn new(a: &Annotation) -> TagEditor {
        TagEditor {
            annotation_id: a.id.clone(),
            quote: a.quote.clone(),
            tags: a.tags.clone(),
            input: String::new(),
            suggestion: 0,
        }
    }

    /// Tags in use elsewhere that match what is typed, not yet on this annotation.
    pub fn suggestions(&self, all: &[String]) -> Vec<String> {
        let typed = self.input.trim().to_lowercase();
        let mut found: Vec<String> = all
            .iter()
            .filter(|t| !self.tags.contains(t))
            .filter(|t| typed.is_empty() || t.to_lowercase().contains(&typed))
            .cloned()
            .collect();
        // Prefix matches first: what the user is most likely typing.
        found.sort_by_key(|t| !t.to_lowercase().starts_with(&typed));
        found.truncate(8);
        found
    }

    /// Enter in the input: take the highlighted completion, else the text as typed.
    /// Returns false when there was nothing to add (Enter then means "done").
    pub fn accept(&mut self, all: &[String]) -> bool {
        let typed = self.input.trim().to_string();
        if typed.is_empty() {
            return false;
        }
        let pick = self.suggestions(all).get(self.suggestion).cloned();
        let tag = match pick {
            Some(s) if s.to_lowercase().starts_with(&typed.to_lowercase()) => s,
            _ => typed,
        };
        self.add(tag);
        true
    }

    pub fn add(&mut self, tag: String) {
        for t in tag
            .split([',', '，', ';', '；'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            if !self.tags.iter().any(|x| x == t) {
                self.tags.push(t.to_string());
            }
        }
        self.input.clear();
        self.suggestion = 0;
    }

    /// The final list, including a tag still in the input.
    pub fn result(&self) -> Vec<String> {
        let mut e = self.clone();
        e.add(self.input.clone());
        e.tags
    }
}

/// A note being written on one annotation.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteEditor {
    pub annotation_id: String,
    pub quote: String,
    pub text: String,
}

impl NoteEditor {
    pub fn new(a: &Annotation) -> NoteEditor {
        NoteEditor {
            annotation_id: a.id.clone(),
            quote: a.quote.clone(),
            text: a.note.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportScope {
    ThisDocument,
    AllDocuments,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    pub format: Format,
    pub scope: ExportScope,
    /// Destination folder and file name (the browser's path field).
    pub browser: FileBrowser,
    /// Where the last export went, shown after writing.
    pub written: Option<PathBuf>,
}

impl ExportDialog {
    pub fn new(dir: PathBuf, scope: ExportScope, stem: &str) -> ExportDialog {
        let mut browser = FileBrowser::new(dir);
        browser.path = format!("{stem}.{}", Format::Markdown.extension());
        ExportDialog {
            format: Format::Markdown,
            scope,
            browser,
            written: None,
        }
    }

    /// Change the format and the file name's extension with it.
    pub fn set_format(&mut self, format: Format) {
        let old = format!(".{}", self.format.extension());
        if let Some(stem) = self.browser.path.strip_suffix(&old) {
            self.browser.path = format!("{stem}.{}", format.extension());
        }
        self.format = format;
    }

    /// The destination file.
    pub fn destination(&self) -> PathBuf {
        self.browser.resolve(self.browser.path.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotation(tags: &[&str]) -> Annotation {
        Annotation {
            id: "a".into(),
            document_id: 1,
            start: 0,
            end: 1,
            quote: "引".into(),
            prefix: String::new(),
            suffix: String::new(),
            color: 1,
            note: String::new(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            created: String::new(),
            modified: String::new(),
            status: Default::default(),
        }
    }

    #[test]
    fn tag_completion_prefers_prefixes_and_skips_present_tags() {
        let all: Vec<String> = ["经济", "能源经济", "人物", "政策"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut e = TagEditor::new(&annotation(&["政策"]));
        e.input = "经".into();
        assert_eq!(e.suggestions(&all), vec!["经济", "能源经济"]);
        assert!(e.accept(&all));
        assert_eq!(e.tags, vec!["政策", "经济"]);
        assert!(!e.accept(&all), "empty input: nothing to add");
        e.input = "新，旧".into();
        assert_eq!(e.result(), vec!["政策", "经济", "新", "旧"]);
    }

    #[test]
    fn browser_lists_folders_first_and_resolves_typed_paths() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        let mut b = FileBrowser::new(dir.path().to_path_buf());
        let names: Vec<_> = b
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.is_dir))
            .collect();
        assert_eq!(names, vec![("b", true), ("a.txt", false)]);
        b.path = "b".into();
        assert_eq!(b.submit(), None, "a folder is opened, not returned");
        assert_eq!(b.dir, dir.path().join("b"));
        b.up();
        b.choose(&DirEntry {
            name: "a.txt".into(),
            is_dir: false,
        });
        assert_eq!(b.submit(), Some(dir.path().join("a.txt")));
    }

    #[test]
    fn export_dialog_keeps_the_extension_in_step_with_the_format() {
        let mut d = ExportDialog::new(std::env::temp_dir(), ExportScope::ThisDocument, "批注");
        d.set_format(Format::Csv);
        assert_eq!(d.browser.path, "批注.csv");
        d.set_format(Format::W3cJson);
        assert!(d.destination().ends_with("批注.json"));
    }
}
