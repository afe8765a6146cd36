//! The JSON export passes the W3C web-annotation-tests MUST assertions: the collection
//! and its embedded page (collectionMusts.test, pageMusts.test) and every annotation
//! (annotationMusts.test). The schemas are vendored unmodified under
//! tests/w3c-annotation-schemas/ (BSD-3-Clause, see license.md there).
//!
//! The schemas are draft-04 and `$ref` each other by bare file name ("id.json#/…"),
//! so every file is registered under one flat base URL.

mod notes_support;

use std::path::{Path, PathBuf};

use boon::{Compiler, SchemaIndex, Schemas};
use notes_support::{annotate, library};
use pizhu::export::Format;
use pizhu::notes::render as render_library;
use serde_json::Value;

const BASE: &str = "http://w3c-annotation-tests.invalid/";

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/w3c-annotation-schemas")
}

fn json_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
}

/// The assertions of one `.test` file, compiled.
struct Assertions {
    schemas: Schemas,
    list: Vec<(String, SchemaIndex)>,
}

impl Assertions {
    fn load(test_file: &str) -> Assertions {
        let mut compiler = Compiler::new();
        compiler.enable_format_assertions();
        let mut files = Vec::new();
        json_files(&schema_dir(), &mut files);
        for file in &files {
            let value: Value =
                serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
            let name = file.file_name().unwrap().to_str().unwrap();
            compiler
                .add_resource(&format!("{BASE}{name}"), value)
                .unwrap();
        }
        let test: Value =
            serde_json::from_str(&std::fs::read_to_string(schema_dir().join(test_file)).unwrap())
                .unwrap();
        let mut schemas = Schemas::new();
        let list = test["assertions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                let path = a.as_str().unwrap();
                let name = Path::new(path).file_name().unwrap().to_str().unwrap();
                let index = compiler
                    .compile(&format!("{BASE}{name}"), &mut schemas)
                    .unwrap_or_else(|e| panic!("{path}: {e}"));
                (path.to_string(), index)
            })
            .collect();
        Assertions { schemas, list }
    }

    /// The assertions `value` fails, with the validator's reason.
    fn failures(&self, value: &Value) -> Vec<String> {
        self.list
            .iter()
            .filter_map(|(name, index)| {
                self.schemas
                    .validate(value, *index)
                    .err()
                    .map(|e| format!("{name}: {e}"))
            })
            .collect()
    }
}

fn exported() -> Value {
    let (mut store, doc) = library();
    annotate(&mut store, doc);
    let json = render_library(&store, Format::W3cJson, None)
        .unwrap()
        .text()
        .into_owned();
    serde_json::from_str(&json).unwrap()
}

#[test]
fn the_export_meets_every_must_assertion() {
    let collection = exported();
    let items = collection["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);

    let annotation_musts = Assertions::load("annotations/annotationMusts.test");
    assert!(
        annotation_musts.list.len() > 50,
        "all annotation assertions loaded"
    );
    for item in items {
        assert_eq!(
            annotation_musts.failures(item),
            Vec::<String>::new(),
            "annotation {}",
            item["id"]
        );
    }
    let collection_musts = Assertions::load("collections/collectionMusts.test");
    assert_eq!(collection_musts.failures(&collection), Vec::<String>::new());
    let page_musts = Assertions::load("collections/pages/pageMusts.test");
    assert_eq!(
        page_musts.failures(&collection),
        Vec::<String>::new(),
        "collection with embedded page"
    );
}

#[test]
fn broken_annotations_fail_the_schemas() {
    let collection = exported();
    let good = collection["first"]["items"][0].clone();
    let musts = Assertions::load("annotations/annotationMusts.test");
    let broken = |edit: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut bad = good.clone();
        edit(bad.as_object_mut().unwrap());
        musts.failures(&bad)
    };
    let fails_with = |failures: Vec<String>, assertion: &str| {
        assert!(
            failures.iter().any(|f| f.starts_with(assertion)),
            "expected {assertion} to fail, got {failures:?}"
        );
    };
    fails_with(
        broken(&|a| drop(a.remove("target"))),
        "annotations/3.1-targetKeyFound.json",
    );
    fails_with(
        broken(&|a| drop(a.insert("@context".into(), "http://example.org/other".into()))),
        "annotations/3.1-annotationContextValidated.json",
    );
    fails_with(
        broken(&|a| drop(a.insert("id".into(), "not a uri".into()))),
        "annotations/3.1-annotationIdValidated.json",
    );
    fails_with(
        broken(&|a| drop(a.insert("created".into(), "yesterday".into()))),
        "annotations/3.3.1-annotationCreatedValidated.json",
    );
    fails_with(
        broken(&|a| {
            drop(
                a["target"]["selector"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("exact"),
            )
        }),
        "annotations/specificResource/4.2.4-textQuoteSelectorValid.json",
    );
    fails_with(
        broken(&|a| drop(a.insert("bodyValue".into(), "both".into()))),
        "annotations/3.2.5-notBodyBodyValue.json",
    );

    let page_musts = Assertions::load("collections/pages/pageMusts.test");
    let mut no_items = collection.clone();
    no_items["first"].as_object_mut().unwrap().remove("items");
    fails_with(
        page_musts.failures(&no_items),
        "collections/pages/5.2-pageItemsValidated.json",
    );
}
