//! REFI-QDA projects (`.qdpx`, QDA-XML 1.0), the exchange format of NVivo, ATLAS.ti,
//! MAXQDA and QualCoder: a zip holding `project.qde` and a flat `sources/` folder.
//!
//! Each document is a `TextSource` whose text is its reading text (UTF-8, LF, no BOM) in
//! `sources/<GUID>.txt`, so selections count the same code points pizhu does (§10.2,
//! from 0, end exclusive). The codebook has a parent code for the six colours and one
//! for the tags; each annotation is a `PlainTextSelection` coded with its colour and its
//! tags, then a `NoteRef` to its note. Every GUID is derived from what it stands for
//! (an annotation keeps its own UUID), so the same library exports the same project,
//! byte for byte. Orphaned annotations are left out: their offsets no longer select
//! their quote. A `Variable` carries each document's pizhu identity (the SHA-256 of its
//! source text), so an import into pizhu finds the same document again.

use std::io::Write;

use sha2::{Digest, Sha256};

use super::{color_name, placed, ExportDocument};
use crate::core::annotation::{AnchorStatus, Annotation, COLOR_COUNT};
use crate::core::colors::{hex, highlight_color};
use crate::export::xml::{attr, text};

/// The project file's name inside the zip.
pub const PROJECT_FILE: &str = "project.qde";
/// The folder of the sources inside the zip (REFI-QDA 1.5: lower case).
pub const SOURCES_DIR: &str = "sources/";
pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";
/// Name of the variable holding a document's pizhu identity.
pub const HASH_VARIABLE: &str = "pizhu:sha256";

/// Stable GUIDs of what has no UUID of its own.
pub mod guids {
    use super::*;

    /// A UUID (version 8, "custom") from the SHA-256 of `kind` and `key`.
    pub fn derived(kind: &str, key: &str) -> String {
        let digest = Sha256::new()
            .chain_update(b"pizhu-qdpx\0")
            .chain_update(kind.as_bytes())
            .chain_update([0])
            .chain_update(key.as_bytes())
            .finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        uuid::Builder::from_custom_bytes(bytes)
            .into_uuid()
            .as_hyphenated()
            .to_string()
    }

    pub fn user() -> String {
        derived("user", "pizhu")
    }
    pub fn colors_parent() -> String {
        derived("codes", "colors")
    }
    pub fn tags_parent() -> String {
        derived("codes", "tags")
    }
    pub fn color(number: u8) -> String {
        derived("color", &number.to_string())
    }
    pub fn tag(name: &str) -> String {
        derived("tag", name)
    }
    pub fn source(content_hash: &str) -> String {
        derived("source", content_hash)
    }
    pub fn hash_variable() -> String {
        derived("variable", super::HASH_VARIABLE)
    }
    pub fn note(annotation_id: &str) -> String {
        derived("note", annotation_id)
    }
    pub fn coding(annotation_id: &str, code: &str) -> String {
        derived("coding", &format!("{annotation_id} {code}"))
    }
}

/// The project's files: `project.qde` and each source's text, by file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub qde: String,
    /// (`<GUID>.txt`, text), in document order.
    pub sources: Vec<(String, String)>,
    /// Annotations written (orphans are not).
    pub selections: usize,
}

/// Renders the project. `color_names` is the user's codebook (colour 1 first).
pub fn project(docs: &[ExportDocument], color_names: &[String]) -> Project {
    let user = guids::user();
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<Project xmlns=\"{NAMESPACE}\" name=\"pizhu\" origin=\"pizhu {}\">\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.push_str(&format!(
        "  <Users>\n    <User guid=\"{user}\" name=\"pizhu\"/>\n  </Users>\n"
    ));
    codebook(&mut out, docs, color_names);
    out.push_str(&format!(
        "  <Variables>\n    <Variable guid=\"{}\" name=\"{HASH_VARIABLE}\" typeOfVariable=\"Text\">\n      <Description>SHA-256 of the document's source text, as pizhu identifies it</Description>\n    </Variable>\n  </Variables>\n",
        guids::hash_variable()
    ));
    let mut sources = Vec::with_capacity(docs.len());
    let mut notes = String::new();
    let mut selections = 0;
    if !docs.is_empty() {
        out.push_str("  <Sources>\n");
    }
    for doc in docs {
        let guid = guids::source(doc.content_hash);
        out.push_str(&format!(
            "    <TextSource guid=\"{guid}\" name=\"{}\" plainTextPath=\"internal://{guid}.txt\">\n",
            attr(doc.name)
        ));
        out.push_str(&format!(
            "      <Description>{}</Description>\n",
            text(&description(doc))
        ));
        for p in placed(doc) {
            let a = p.annotation;
            if a.status == AnchorStatus::Orphan {
                continue;
            }
            selections += 1;
            selection(&mut out, a, &user);
            if !a.note.is_empty() {
                note(&mut notes, a, &user);
            }
        }
        out.push_str(&format!(
            "      <VariableValue>\n        <VariableRef targetGUID=\"{}\"/>\n        <TextValue>{}</TextValue>\n      </VariableValue>\n",
            guids::hash_variable(),
            doc.content_hash
        ));
        out.push_str("    </TextSource>\n");
        sources.push((format!("{guid}.txt"), doc.outline.text.clone()));
    }
    if !docs.is_empty() {
        out.push_str("  </Sources>\n");
    }
    if !notes.is_empty() {
        out.push_str("  <Notes>\n");
        out.push_str(&notes);
        out.push_str("  </Notes>\n");
    }
    out.push_str("</Project>\n");
    Project {
        qde: out,
        sources,
        selections,
    }
}

/// The project as a `.qdpx` zip: `project.qde`, then `sources/` and its texts. Entries are
/// deflated and dated 1980-01-01, so the same project gives the same bytes.
pub fn zip(project: &Project) -> std::io::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let zip_error = |e: zip::result::ZipError| std::io::Error::other(e.to_string());
    writer
        .start_file(PROJECT_FILE, options)
        .map_err(zip_error)?;
    writer.write_all(project.qde.as_bytes())?;
    writer
        .add_directory(SOURCES_DIR, options.unix_permissions(0o755))
        .map_err(zip_error)?;
    for (name, body) in &project.sources {
        writer
            .start_file(format!("{SOURCES_DIR}{name}"), options)
            .map_err(zip_error)?;
        writer.write_all(body.as_bytes())?;
    }
    Ok(writer.finish().map_err(zip_error)?.into_inner())
}

/// Renders the `.qdpx` bytes (a zip in memory cannot fail but for allocation).
pub fn render(docs: &[ExportDocument], color_names: &[String]) -> Vec<u8> {
    zip(&project(docs, color_names))
        .unwrap_or_else(|e| unreachable!("writing a zip into memory failed: {e}"))
}

fn codebook(out: &mut String, docs: &[ExportDocument], color_names: &[String]) {
    out.push_str("  <CodeBook>\n    <Codes>\n");
    out.push_str(&format!(
        "      <Code guid=\"{}\" name=\"pizhu colours\" isCodable=\"false\">\n        <Description>The six highlight colours of pizhu; each annotation is coded with one.</Description>\n",
        guids::colors_parent()
    ));
    for number in 1..=COLOR_COUNT {
        let c = highlight_color(number);
        out.push_str(&format!(
            "        <Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\">\n          <Description>pizhu colour {number} ({})</Description>\n        </Code>\n",
            guids::color(number),
            attr(&color_name(color_names, number)),
            hex(c.highlight),
            c.hue
        ));
    }
    out.push_str("      </Code>\n");
    let tags = all_tags(docs);
    out.push_str(&format!(
        "      <Code guid=\"{}\" name=\"pizhu tags\" isCodable=\"false\">\n        <Description>The tags of pizhu annotations.</Description>\n",
        guids::tags_parent()
    ));
    for tag in tags {
        out.push_str(&format!(
            "        <Code guid=\"{}\" name=\"{}\" isCodable=\"true\"/>\n",
            guids::tag(tag),
            attr(tag)
        ));
    }
    out.push_str("      </Code>\n    </Codes>\n  </CodeBook>\n");
}

/// Every tag of the exported annotations, sorted, each once.
fn all_tags<'a>(docs: &[ExportDocument<'a>]) -> Vec<&'a str> {
    let mut tags: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.annotations.iter())
        .filter(|a| a.status != AnchorStatus::Orphan)
        .flat_map(|a| a.tags.iter().map(String::as_str))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    tags
}

/// The document's file name and page furniture (paper, date, page as printed).
fn description(doc: &ExportDocument) -> String {
    let mut d = format!("pizhu document {}: {}", doc.id, doc.source_path);
    if !doc.outline.page_furniture.is_empty() {
        d.push_str("\nPage: ");
        d.push_str(&doc.outline.page_furniture.join(" | "));
    }
    d
}

fn selection(out: &mut String, a: &Annotation, user: &str) {
    out.push_str(&format!(
        "      <PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\" creatingUser=\"{user}\" creationDateTime=\"{}\" modifyingUser=\"{user}\" modifiedDateTime=\"{}\">\n",
        a.id,
        attr(&a.quote),
        a.start,
        a.end,
        attr(&a.created),
        attr(&a.modified)
    ));
    let mut coding = |code: String| {
        out.push_str(&format!(
            "        <Coding guid=\"{}\" creatingUser=\"{user}\" creationDateTime=\"{}\">\n          <CodeRef targetGUID=\"{code}\"/>\n        </Coding>\n",
            guids::coding(&a.id, &code),
            attr(&a.created)
        ));
    };
    coding(guids::color(a.color));
    for tag in &a.tags {
        coding(guids::tag(tag));
    }
    if !a.note.is_empty() {
        out.push_str(&format!(
            "        <NoteRef targetGUID=\"{}\"/>\n",
            guids::note(&a.id)
        ));
    }
    out.push_str("      </PlainTextSelection>\n");
}

fn note(out: &mut String, a: &Annotation, user: &str) {
    let title: String = a.quote.chars().take(40).collect();
    out.push_str(&format!(
        "    <Note guid=\"{}\" name=\"{}\" creatingUser=\"{user}\" creationDateTime=\"{}\" modifyingUser=\"{user}\" modifiedDateTime=\"{}\">\n      <PlainTextContent>{}</PlainTextContent>\n    </Note>\n",
        guids::note(&a.id),
        attr(&format!("Note: {title}")),
        attr(&a.created),
        attr(&a.modified),
        text(&a.note)
    ));
}

#[cfg(test)]
#[path = "qdpx_tests.rs"]
mod tests;
