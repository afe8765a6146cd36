//! Reading REFI-QDA projects (`.qdpx`) as other tools write them: any `*.qde` name,
//! `sources/` or `Sources/`, GUIDs in either case and with or without braces, selections
//! with a `Description` but no `Coding` (MAXQDA), notes attached through `Links`
//! (NVivo), colours as `#RGB`, `#RRGGBB` or RGB triples.
//!
//! Reading is all-or-nothing and pure: the zip's bytes in, the sources' texts and the
//! annotations out, or the first problem, so the caller writes nothing for a bad file.
//! Codes become tags; a code whose colour is close to one of the six (or pizhu's own
//! colour codes) gives the annotation its colour; notes and descriptions become its note.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use super::qdpx::guids;
use super::xml_tree::{self, Element};
use crate::core::annotation::{clean_tags, COLOR_COUNT, MAX_TAGS, MAX_TAG_CHARS};
use crate::core::colors::{nearest_color, parse_color};

/// Largest uncompressed size read from one project: 256 MiB, against zip bombs.
pub const MAX_UNPACKED_BYTES: u64 = 256 << 20;

/// One text source of the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub guid: String,
    pub name: String,
    /// The text, BOM removed and line ends as LF.
    pub text: String,
    /// The pizhu identity a pizhu export recorded for it (SHA-256 of the source text).
    pub pizhu_hash: Option<String>,
}

/// One selection as an annotation, before it is placed in a library document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Index into [`Project::sources`].
    pub source: usize,
    /// Lower-case hyphenated UUID (the selection's GUID, or derived from it).
    pub id: String,
    pub original_guid: String,
    /// Code points into the source's text (after line-end normalisation).
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub color: u8,
    pub note: String,
    pub tags: Vec<String>,
    pub created: Option<String>,
    pub modified: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    pub sources: Vec<Source>,
    pub selections: Vec<Selection>,
    /// Sources pizhu cannot read (pictures, PDF, audio, video), left out.
    pub skipped_sources: usize,
}

/// What the codebook says a code means for pizhu.
#[derive(Debug, Clone, Default)]
struct CodeMeaning {
    tag: Option<String>,
    color: Option<u8>,
}

/// Reads a whole `.qdpx`.
pub fn read(bytes: &[u8]) -> Result<Project, String> {
    let mut files = Files::open(bytes)?;
    let qde_name = files.project_file()?;
    let qde = files.text(&qde_name)?;
    let root = xml_tree::parse(&qde).map_err(|e| format!("{qde_name}: {e}"))?;
    if root.name != "Project" {
        return Err(format!(
            "{qde_name}: the root element is <{}>, not a REFI-QDA <Project>",
            root.name
        ));
    }
    let codes = codebook(&root);
    let notes = notes(&root, &mut files)?;
    let linked = linked_notes(&root, &notes);
    let mut project = Project::default();
    let mut seen = HashSet::new();
    let Some(sources) = root.child("Sources") else {
        return Ok(project);
    };
    for element in &sources.children {
        if element.name != "TextSource" {
            project.skipped_sources += 1;
            continue;
        }
        let source = text_source(element, &mut files)?;
        let index = project.sources.len();
        let raw = &source.1;
        for sel in element.children_named("PlainTextSelection") {
            let s = selection(sel, index, raw, &codes, &notes, &linked)
                .map_err(|e| format!("source {:?}: {e}", source.0.name))?;
            if !seen.insert(s.id.clone()) {
                return Err(format!(
                    "selection {} appears twice in the project",
                    s.original_guid
                ));
            }
            project.selections.push(s);
        }
        project.sources.push(source.0);
    }
    Ok(project)
}

/// GUIDs compare without braces and case.
fn norm(guid: &str) -> String {
    guid.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_ascii_lowercase()
}

/// A lower-case hyphenated UUID for a GUID: the GUID itself when it is one, else derived.
fn uuid_of(guid: &str) -> String {
    match uuid::Uuid::parse_str(&norm(guid)) {
        Ok(u) => u.as_hyphenated().to_string(),
        Err(_) => guids::derived("foreign-selection", guid),
    }
}

/// pizhu's colour codes give a colour; every other codable code a tag (a tag named like a
/// colour stays a tag), and a colour when its own is close to one of the six.
fn codebook(root: &Element) -> HashMap<String, CodeMeaning> {
    let mut out = HashMap::new();
    let pizhu_colors: HashMap<String, u8> =
        (1..=COLOR_COUNT).map(|n| (guids::color(n), n)).collect();
    let parents = [guids::colors_parent(), guids::tags_parent()];
    let Some(codes) = root.child("CodeBook").and_then(|c| c.child("Codes")) else {
        return out;
    };
    for code in codes.descendants().into_iter().filter(|c| c.name == "Code") {
        let Some(guid) = code.attr("guid").map(norm) else {
            continue;
        };
        let name = code.attr("name").unwrap_or("").trim().to_string();
        let meaning = if let Some(&n) = pizhu_colors.get(&guid) {
            CodeMeaning {
                tag: None,
                color: Some(n),
            }
        } else if parents.contains(&guid) {
            CodeMeaning::default()
        } else {
            CodeMeaning {
                tag: tag_from_name(&name),
                color: code
                    .attr("color")
                    .and_then(parse_color)
                    .and_then(nearest_color),
            }
        };
        out.insert(guid, meaning);
    }
    out
}

/// A code name as a tag pizhu keeps: one line, at most [`MAX_TAG_CHARS`] characters.
fn tag_from_name(name: &str) -> Option<String> {
    let line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let tag: String = line.trim().chars().take(MAX_TAG_CHARS).collect();
    let tag = tag.trim().to_string();
    (!tag.chars().all(crate::core::annotation::is_invisible)).then_some(tag)
}

/// Note texts by normalised GUID.
fn notes(root: &Element, files: &mut Files) -> Result<HashMap<String, String>, String> {
    let mut out = HashMap::new();
    let Some(notes) = root.child("Notes") else {
        return Ok(out);
    };
    for note in notes.children_named("Note") {
        let Some(guid) = note.attr("guid") else {
            return Err("a note has no guid".into());
        };
        let (_, text) = text_source(note, files).map_err(|e| format!("note {guid}: {e}"))?;
        out.insert(norm(guid), text.trim().to_string());
    }
    Ok(out)
}

/// Notes attached to selections through `Links` (NVivo): selection GUID → note GUIDs.
fn linked_notes(root: &Element, notes: &HashMap<String, String>) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let Some(links) = root.child("Links") else {
        return out;
    };
    for link in links.children_named("Link") {
        let origin = link.attr("originGUID").map(norm);
        let target = link.attr("targetGUID").map(norm);
        let mut pair = |from: Option<&String>, note: String| {
            if let Some(from) = from {
                out.entry(from.clone()).or_default().push(note);
            }
        };
        match (&origin, &target) {
            (Some(o), Some(t)) if notes.contains_key(t) => pair(Some(o), t.clone()),
            (Some(o), Some(t)) if notes.contains_key(o) => pair(Some(t), o.clone()),
            _ => {
                for r in link.children_named("NoteRef") {
                    if let Some(n) = r.attr("targetGUID") {
                        pair(origin.as_ref().or(target.as_ref()), norm(n));
                    }
                }
            }
        }
    }
    out
}

/// A `TextSource` (or `Note`): its description as a source and its text exactly as the
/// file has it (BOM removed), which selections count in.
fn text_source(element: &Element, files: &mut Files) -> Result<(Source, String), String> {
    let guid = element
        .attr("guid")
        .ok_or("a text source has no guid")?
        .to_string();
    let name = element.attr("name").unwrap_or("").to_string();
    let raw = match (
        element.child("PlainTextContent"),
        element.attr("plainTextPath"),
    ) {
        (Some(content), _) => content.text.clone(),
        (None, Some(path)) => {
            let Some(file) = path.strip_prefix("internal://") else {
                return Err(format!(
                    "its text is outside the project ({path}); only texts inside the .qdpx can be read"
                ));
            };
            files.source_text(file)?
        }
        (None, None) if element.attr("richTextPath").is_some() => {
            return Err(format!(
                "source {name:?} has only rich text (.docx); export it with plain text"
            ))
        }
        (None, None) => String::new(),
    };
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(&raw).to_string();
    let hash_variable = guids::hash_variable();
    let pizhu_hash = element
        .children_named("VariableValue")
        .find(|v| {
            v.child("VariableRef")
                .and_then(|r| r.attr("targetGUID"))
                .is_some_and(|g| norm(g) == hash_variable)
        })
        .and_then(|v| v.child("TextValue"))
        .map(|t| t.text.trim().to_ascii_lowercase())
        .filter(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    let source = Source {
        guid: norm(&guid),
        name,
        text: raw.replace("\r\n", "\n").replace('\r', "\n"),
        pizhu_hash,
    };
    Ok((source, raw))
}

fn selection(
    sel: &Element,
    source: usize,
    raw: &str,
    codes: &HashMap<String, CodeMeaning>,
    notes: &HashMap<String, String>,
    linked: &HashMap<String, Vec<String>>,
) -> Result<Selection, String> {
    let guid = sel.attr("guid").ok_or("a selection has no guid")?;
    let position = |key: &str| -> Result<usize, String> {
        sel.attr(key)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .ok_or_else(|| format!("selection {guid} has no whole-number {key}"))
    };
    let (start, end) = (position("startPosition")?, position("endPosition")?);
    let chars: Vec<char> = raw.chars().collect();
    if start >= end || end > chars.len() {
        return Err(format!(
            "selection {guid} spans {start}..{end}, outside the text's {} characters",
            chars.len()
        ));
    }
    // Offsets count the file's own characters; the stored text has LF line ends.
    let before: String = chars[..start].iter().collect();
    let quote: String = chars[start..end].iter().collect();
    let shift = |s: &str| s.matches("\r\n").count();
    let (start, end) = (start - shift(&before), end - shift(&before) - shift(&quote));
    let quote = quote.replace("\r\n", "\n").replace('\r', "\n");

    let mut tags = Vec::new();
    let mut color = None;
    for coding in sel.children_named("Coding") {
        let code = coding
            .child("CodeRef")
            .and_then(|r| r.attr("targetGUID"))
            .ok_or_else(|| format!("selection {guid} has a coding without a CodeRef"))?;
        let meaning = codes.get(&norm(code)).ok_or_else(|| {
            format!("selection {guid} is coded with {code}, which is not in the codebook")
        })?;
        tags.extend(meaning.tag.clone());
        color = color.or(meaning.color);
    }
    tags.truncate(MAX_TAGS);
    let tags = clean_tags(&tags).map_err(|e| format!("selection {guid}: {e}"))?;

    let mut note_parts: Vec<String> = Vec::new();
    if let Some(d) = sel.child("Description") {
        let d = d.text.trim();
        if !d.is_empty() {
            note_parts.push(d.to_string());
        }
    }
    let refs = sel
        .children_named("NoteRef")
        .filter_map(|r| r.attr("targetGUID"))
        .map(norm)
        .chain(linked.get(&norm(guid)).into_iter().flatten().cloned());
    for r in refs {
        let text = notes.get(&r).ok_or_else(|| {
            format!("selection {guid} refers to note {r}, which is not in the project")
        })?;
        if !text.is_empty() && !note_parts.contains(text) {
            note_parts.push(text.clone());
        }
    }
    Ok(Selection {
        source,
        id: uuid_of(guid),
        original_guid: guid.to_string(),
        start,
        end,
        quote,
        color: color.unwrap_or(1),
        note: note_parts.join("\n\n"),
        tags,
        created: sel.attr("creationDateTime").and_then(date_time),
        modified: sel.attr("modifiedDateTime").and_then(date_time),
    })
}

/// An `xsd:dateTime` as RFC 3339: one without a zone is taken as UTC (tools write both).
fn date_time(value: &str) -> Option<String> {
    use time::format_description::well_known::Rfc3339;
    let value = value.trim();
    let parses = |s: &str| time::OffsetDateTime::parse(s, &Rfc3339).is_ok();
    if parses(value) {
        return Some(value.to_string());
    }
    let utc = format!("{value}Z");
    parses(&utc).then_some(utc)
}

/// The zip's entries, read on demand within [`MAX_UNPACKED_BYTES`] in all.
struct Files {
    archive: zip::ZipArchive<Cursor<Vec<u8>>>,
    names: Vec<String>,
    unpacked: u64,
}

impl Files {
    fn open(bytes: &[u8]) -> Result<Files, String> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| format!("not a zip file, as a .qdpx is ({e})"))?;
        let names = archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect();
        Ok(Files {
            archive,
            names,
            unpacked: 0,
        })
    }

    /// The `*.qde` at the top of the zip (`project.qde` when there are several).
    fn project_file(&self) -> Result<String, String> {
        let qde: Vec<&String> = self
            .names
            .iter()
            .filter(|n| !n.contains('/') && n.to_ascii_lowercase().ends_with(".qde"))
            .collect();
        match qde.as_slice() {
            [] => {
                Err("no project file (*.qde) at the top of the zip; not a REFI-QDA project".into())
            }
            [one] => Ok(one.to_string()),
            many => many
                .iter()
                .find(|n| n.eq_ignore_ascii_case("project.qde"))
                .map(|n| n.to_string())
                .ok_or_else(|| {
                    format!(
                        "{} project files (*.qde) and none is project.qde",
                        many.len()
                    )
                }),
        }
    }

    /// A file of the sources folder (`sources/` or `Sources/`, its name in any case).
    fn source_text(&mut self, file: &str) -> Result<String, String> {
        let wanted = file.trim_start_matches('/').to_ascii_lowercase();
        let name = self
            .names
            .iter()
            .find(|n| {
                let lower = n.to_ascii_lowercase();
                lower.strip_prefix("sources/") == Some(wanted.as_str())
            })
            .cloned()
            .ok_or_else(|| {
                format!("the project names internal://{file}, which is not in its sources folder")
            })?;
        self.text(&name)
    }

    fn text(&mut self, name: &str) -> Result<String, String> {
        let mut entry = self
            .archive
            .by_name(name)
            .map_err(|e| format!("cannot read {name} in the zip: {e}"))?;
        let budget = MAX_UNPACKED_BYTES - self.unpacked;
        let mut bytes = Vec::new();
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot unpack {name}: {e}"))?;
        self.unpacked += bytes.len() as u64;
        if self.unpacked > MAX_UNPACKED_BYTES {
            return Err(format!(
                "the project unpacks to more than {} MiB; pizhu reads at most that",
                MAX_UNPACKED_BYTES >> 20
            ));
        }
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "{name} is not UTF-8 (bad byte at offset {}); REFI-QDA texts are UTF-8",
                e.utf8_error().valid_up_to()
            )
        })
    }
}

#[cfg(test)]
#[path = "qdpx_import_tests.rs"]
mod tests;
