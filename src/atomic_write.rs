//! The one way pizhu replaces a file (exports, the desktop entry and icons): write a
//! temporary file beside it, flush it to disk, rename it into place. A reader never sees
//! half a file, and a failure leaves the old file as it was.
//!
//! Replacing keeps what the user set on the old file: its permissions, and a symbolic
//! link stays a link (its target is replaced).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written; names the file.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write {}: it is a folder; type a file name", path.display())]
    IsFolder { path: PathBuf },
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Replace `path` with `bytes` atomically (see the module doc). A new file gets the usual
/// permissions (`0666` less the umask), not the temporary file's private `0600`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let target = follow_links(path);
    if target.is_dir() {
        return Err(WriteError::IsFolder {
            path: path.to_path_buf(),
        });
    }
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let existing = std::fs::metadata(&target).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pizhu-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(
            existing
                .clone()
                .unwrap_or_else(|| std::fs::Permissions::from_mode(0o666)),
        );
    }
    let mut temp = builder.tempfile_in(dir).map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    if let Some(permissions) = existing {
        // Creation applied the umask; give back exactly what the old file had.
        temp.as_file().set_permissions(permissions).map_err(io)?;
    }
    temp.as_file().sync_all().map_err(io)?;
    // On failure the temporary file is dropped, which deletes it.
    temp.persist(&target).map_err(|e| io(e.error))?;
    // The rename is durable only once the directory entry is: sync the directory too.
    #[cfg(unix)]
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io)?;
    }
    Ok(())
}

/// Where a chain of symbolic links ends (the path itself when it is no link). A dangling
/// link resolves to the file it names, which is then created.
fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // The kernel's own limit on nested links (ELOOP) is 40.
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(next) = std::fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(parent) if next.is_relative() => parent.join(next),
            _ => next,
        };
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("批注.md");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, "第二".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "第二");
        assert_eq!(names(dir.path()), vec!["批注.md"]);
    }

    #[test]
    fn errors_name_the_file_and_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("x.csv");
        let message = write_atomically(&missing, b"x").unwrap_err().to_string();
        assert!(message.contains("no-such-dir/x.csv"), "{message}");
        let message = write_atomically(dir.path(), b"x").unwrap_err().to_string();
        assert!(message.contains("it is a folder"), "{message}");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_replaced_files_permissions_and_new_files_are_not_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.csv");
        write_atomically(&path, b"a").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"a").unwrap();
        assert_eq!(
            mode(&path),
            mode(&plain),
            "a new file gets what fs::write gives"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"b").unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symbolic_link_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real").join("notes.md");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("real/notes.md", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names(&dir.path().join("real")), vec!["notes.md"]);
    }
}
