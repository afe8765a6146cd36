//! The store's calls about the colour codebook, reading positions, settings and the
//! file's integrity. Each is one transaction.

use super::settings;
use super::{DocId, ReadingPosition, Store, StoreError};

impl Store {
    /// The six colour names, colour 1 first.
    pub fn color_names(&self) -> Result<Vec<String>, StoreError> {
        self.read(settings::color_names)
    }

    pub fn set_color_name(&mut self, color: u8, name: &str) -> Result<(), StoreError> {
        self.write(|tx| settings::set_color_name(tx, color, name))
    }

    pub fn reading_position(&self, doc: DocId) -> Result<Option<ReadingPosition>, StoreError> {
        self.read(|c| settings::reading_position(c, doc))
    }

    pub fn set_reading_position(
        &mut self,
        doc: DocId,
        pos: &ReadingPosition,
    ) -> Result<(), StoreError> {
        let now = crate::timestamp::now();
        self.write(|tx| settings::set_reading_position(tx, doc, pos, &now))
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.read(|c| settings::setting(c, key))
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write(|tx| settings::set_setting(tx, key, value))
    }

    /// `PRAGMA integrity_check`: "ok", or SQLite's list of problems.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        self.read(|c| {
            let mut stmt = c.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?.join("\n"))
        })
    }
}
