//! `pizhu lookup TEXT [--at N] [--json]`: the dictionary popup's answer on the command
//! line, from the same `core::dictionary::look_up_at` the window calls.

use std::io::Write;

use anyhow::bail;

use crate::core::dictionary;

pub fn run(text: &str, at: usize, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let chars = text.chars().count();
    if at >= chars {
        bail!("--at {at} is past the end of the text ({chars} chars)");
    }
    let Some(found) = dictionary::look_up_at(dictionary::wait(), text, at) else {
        bail!("char {at} of the text is not a Chinese character: nothing to look up");
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &found)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}\t[{}, {})", found.word, found.start, found.end)?;
    if found.is_unknown() {
        writeln!(out, "  not in the dictionary")?;
    }
    for e in &found.entries {
        writeln!(out, "  {}\t{}", e.pinyin, e.glosses.join("; "))?;
    }
    Ok(())
}
