//! Reading a page file from disk: regular files only, size-limited, never blocking on a
//! FIFO or device, with errors that name the file and what it is.

use std::path::Path;

use super::IngestError;

/// Largest page pizhu reads: 64 MiB (a newspaper page is well under 1 MB of text).
pub const MAX_PAGE_BYTES: u64 = 64 << 20;

/// Read a page's bytes (at most [`MAX_PAGE_BYTES`]), mapping the usual failures to messages
/// a user understands.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, IngestError> {
    read_regular_file(path, MAX_PAGE_BYTES)
}

/// Read a regular file of at most `limit` bytes. FIFOs, devices and sockets are refused
/// without blocking (the file is opened non-blocking and checked after opening, so a FIFO
/// swapped in after a check cannot hang the read); a file past `limit`, or one that grows
/// past it while read, is refused without reading more than `limit` + 1 bytes.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    use std::io::Read;
    let owned = || path.to_path_buf();
    let io = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound { path: owned() },
        _ => IngestError::Io {
            path: owned(),
            source,
        },
    };
    // Refuse what opening would block on or misread before opening it.
    let meta = std::fs::metadata(path).map_err(io)?;
    check_regular(path, &meta)?;
    let file = open_nonblocking(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    check_regular(path, &meta)?;
    let too_large = |bytes| IngestError::TooLarge {
        path: owned(),
        bytes,
        limit,
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), IngestError> {
    let kind = file_kind(meta);
    match kind {
        "a regular file" => Ok(()),
        "a directory" => Err(IngestError::Directory {
            path: path.to_path_buf(),
        }),
        kind => Err(IngestError::NotRegular {
            path: path.to_path_buf(),
            kind,
        }),
    }
}

fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_file() {
        return "a regular file";
    }
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_at_once_naming_the_kind() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let err = read_bytes(&fifo).unwrap_err().to_string();
        assert!(
            err.ends_with("pipe.txt: it is a named pipe (FIFO), not a regular file"),
            "{err}"
        );
        let err = read_bytes(Path::new("/dev/zero")).unwrap_err().to_string();
        assert_eq!(
            err,
            "cannot read /dev/zero: it is a character device, not a regular file"
        );
        let err = read_bytes(dir.path()).unwrap_err().to_string();
        assert!(err.contains("it is a directory"), "{err}");
    }

    #[test]
    fn files_past_the_limit_are_refused_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(MAX_PAGE_BYTES + 1).unwrap(); // sparse: no disk used
        let err = read_bytes(&big).unwrap_err().to_string();
        assert!(
            err.ends_with("big.txt: it is 65 MB; pizhu reads files up to 64 MB"),
            "{err}"
        );
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "正文").unwrap();
        assert!(matches!(
            read_regular_file(&small, 3),
            Err(IngestError::TooLarge { bytes: 6, .. })
        ));
        assert_eq!(read_regular_file(&small, 6).unwrap(), "正文".as_bytes());
    }
}
