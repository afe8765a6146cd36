//! `pizhu install-desktop [--uninstall]`: put pizhu in this user's applications menu and
//! "Open with" list, or take it out again. Says which files it wrote or removed.

use std::io::Write;

use anyhow::Context;

use crate::desktop;

pub fn run(uninstall: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let data_home = desktop::data_home()?;
    if uninstall {
        let removed = desktop::uninstall(&data_home)?;
        if removed.is_empty() {
            writeln!(
                out,
                "nothing to remove: no pizhu desktop entry or icon under {}",
                data_home.display()
            )?;
        }
        for path in removed {
            writeln!(out, "removed {}", path.display())?;
        }
        return Ok(());
    }
    let exe =
        std::env::current_exe().context("cannot find the path of the running pizhu binary")?;
    for path in desktop::install(&data_home, &exe)? {
        writeln!(out, "wrote {}", path.display())?;
    }
    writeln!(
        out,
        "pizhu is in the applications menu now; it starts {}",
        exe.display()
    )?;
    Ok(())
}
