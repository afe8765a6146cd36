//! A small element tree read with quick-xml: enough for a REFI-QDA `project.qde`, which is
//! read whole and then walked. Names lose their namespace prefix (tools differ in
//! whether they write one); attribute values and text are unescaped.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// Deepest nesting accepted: codebooks nest codes, but not this deep; a hostile file could.
const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// Local name, without a namespace prefix.
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    /// The text directly inside, concatenated.
    pub text: String,
}

impl Element {
    /// An attribute's value, its name matched without regard to case (tools differ).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every element below this one (depth first, document order), itself excluded.
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = self.children.iter().rev().collect();
        while let Some(e) = stack.pop() {
            out.push(e);
            stack.extend(e.children.iter().rev());
        }
        out
    }
}

/// Parses a whole document into its root element. The message names the byte offset.
pub fn parse(xml: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("not well-formed XML near byte {at}: {e}"))?;
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(format!("elements nested deeper than {MAX_DEPTH}"));
                }
                stack.push(element(&start).map_err(|e| format!("near byte {at}: {e}"))?);
            }
            Event::Empty(start) => {
                let e = element(&start).map_err(|e| format!("near byte {at}: {e}"))?;
                attach(&mut stack, &mut root, e)?;
            }
            Event::End(_) => {
                let e = stack.pop().ok_or("an end tag without a start tag")?;
                attach(&mut stack, &mut root, e)?;
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| e.to_string())?;
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| e.to_string())?;
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .map_err(|e| e.to_string())?
                        .map(String::from)
                } else {
                    let name = r.decode().map_err(|e| e.to_string())?;
                    quick_xml::escape::resolve_predefined_entity(&name).map(String::from)
                };
                let c = c.ok_or_else(|| format!("an unknown entity near byte {at}"))?;
                push_text(&mut stack, &c);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(format!(
            "the file ends inside <{}>",
            stack.last().map(|e| e.name.as_str()).unwrap_or("")
        ));
    }
    root.ok_or_else(|| "no root element".to_string())
}

fn element(start: &BytesStart) -> Result<Element, String> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attributes = Vec::new();
    for a in start.attributes() {
        let a = a.map_err(|e| format!("a bad attribute in <{name}>: {e}"))?;
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("a bad value of {key} in <{name}>: {e}"))?;
        attributes.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attributes,
        ..Element::default()
    })
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, e: Element) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(e),
        None if root.is_none() => *root = Some(e),
        None => return Err("more than one root element".into()),
    }
    Ok(())
}

fn push_text(stack: &mut [Element], s: &str) {
    if let Some(e) = stack.last_mut() {
        e.text.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_prefixes_and_values_are_unescaped() {
        let root = parse(
            "<?xml version=\"1.0\"?><q:Project xmlns:q=\"urn:x\" name=\"a &amp; b&#10;c\"><Note>x &lt; y<![CDATA[ <z> ]]></Note><Empty/></q:Project>",
        )
        .unwrap();
        assert_eq!(root.name, "Project");
        assert_eq!(root.attr("NAME"), Some("a & b\nc"));
        assert_eq!(root.child("Note").unwrap().text, "x < y <z> ");
        assert_eq!(root.descendants().len(), 2);
    }

    #[test]
    fn broken_documents_are_refused_with_a_reason() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").unwrap_err().contains("ends inside"));
        assert!(parse("").is_err());
        assert!(parse("<a>&nbsp;</a>").is_err());
        let deep = "<a>".repeat(300) + &"</a>".repeat(300);
        assert!(parse(&deep).unwrap_err().contains("deeper"));
    }
}
