//! Desktop integration for one user: the freedesktop entry and the app icons, written under
//! the user's XDG data dir so that the applications menu and "Open with" find pizhu.
//!
//! The files are embedded in the binary, so `pizhu install-desktop` works from any directory
//! and installs exactly what this build ships. The entry's `Exec` points at the running
//! binary by absolute path: a user install must not depend on `pizhu` being on `PATH`.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The desktop entry as the Debian package installs it (`Exec=pizhu %F`).
pub const DESKTOP_ENTRY: &str = include_str!("../assets/pizhu.desktop");

/// The file name of the entry; desktops match it to the window's app id `pizhu`.
pub const DESKTOP_FILE_NAME: &str = "pizhu.desktop";

/// Every icon we install, as (path under the XDG data dir, bytes).
pub const ICONS: [(&str, &[u8]); 4] = [
    (
        "icons/hicolor/48x48/apps/pizhu.png",
        include_bytes!("../assets/icons/pizhu-48.png"),
    ),
    (
        "icons/hicolor/128x128/apps/pizhu.png",
        include_bytes!("../assets/icons/pizhu-128.png"),
    ),
    (
        "icons/hicolor/256x256/apps/pizhu.png",
        include_bytes!("../assets/icons/pizhu-256.png"),
    ),
    (
        "icons/hicolor/scalable/apps/pizhu.svg",
        include_bytes!("../assets/icons/pizhu.svg"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    #[error("cannot find where to install: neither XDG_DATA_HOME (absolute) nor HOME is set")]
    NoDataHome,
    #[error("cannot put {} in a desktop entry: {reason}", path.display())]
    UnusableExecutable { path: PathBuf, reason: &'static str },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot remove {}: {source}", path.display())]
    Remove {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The user's XDG data dir: `$XDG_DATA_HOME` when it is an absolute path (the spec says to
/// ignore a relative one), else `$HOME/.local/share`.
pub fn data_home_from(
    xdg_data_home: Option<OsString>,
    home: Option<OsString>,
) -> Result<PathBuf, DesktopError> {
    let absolute = |value: Option<OsString>| value.map(PathBuf::from).filter(|p| p.is_absolute());
    if let Some(dir) = absolute(xdg_data_home) {
        return Ok(dir);
    }
    absolute(home)
        .map(|home| home.join(".local/share"))
        .ok_or(DesktopError::NoDataHome)
}

/// [`data_home_from`] with this process's environment.
pub fn data_home() -> Result<PathBuf, DesktopError> {
    data_home_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// Every file an install writes, relative to the data dir, desktop entry first.
pub fn installed_paths(data_home: &Path) -> Vec<PathBuf> {
    let mut paths = vec![data_home.join("applications").join(DESKTOP_FILE_NAME)];
    paths.extend(ICONS.iter().map(|(relative, _)| data_home.join(relative)));
    paths
}

/// The desktop entry with `Exec` (and `TryExec`) naming `exe` by absolute path.
/// `TryExec` lets the menu hide the entry if that binary is later deleted.
pub fn desktop_entry_for(exe: &Path) -> Result<String, DesktopError> {
    let exec_arg = exec_argument(exe)?;
    let try_exec = escape_string_value(exe.to_str().expect("checked by exec_argument"));
    let mut entry = String::with_capacity(DESKTOP_ENTRY.len() + 2 * exec_arg.len());
    for line in DESKTOP_ENTRY.lines() {
        if line.starts_with("Exec=") {
            entry.push_str(&format!("TryExec={try_exec}\nExec={exec_arg} %F\n"));
        } else {
            entry.push_str(line);
            entry.push('\n');
        }
    }
    Ok(entry)
}

/// `exe` as the program part of an `Exec` key, quoted and escaped as the Desktop Entry
/// Specification requires (quoting rules first, then the general string escapes, and `%`
/// doubled so it is not read as a field code).
fn exec_argument(exe: &Path) -> Result<String, DesktopError> {
    let unusable = |reason| DesktopError::UnusableExecutable {
        path: exe.to_path_buf(),
        reason,
    };
    if !exe.is_absolute() {
        return Err(unusable("not an absolute path"));
    }
    let text = exe
        .to_str()
        .ok_or_else(|| unusable("the path is not valid UTF-8"))?;
    if text.chars().any(|c| c.is_control()) {
        return Err(unusable("the path contains a control character"));
    }
    let argument = escape_string_value(&quote_argument(text)).replace('%', "%%");
    if text.contains('%') {
        // GLib checks that an entry's program exists before field codes are expanded, so it
        // looks for ".../100%%/pizhu" and drops the entry. A shell, whose path has no `%`,
        // runs the binary instead: `sh -c 'exec "$0" "$@"' BINARY FILES...`.
        let run = escape_string_value(&quote_argument(r#"exec "$0" "$@""#));
        return Ok(format!("/bin/sh -c {run} {argument}"));
    }
    Ok(argument)
}

/// One argument of an `Exec` key, quoted when it holds a reserved character, with `"`,
/// backquote, `$` and `\` escaped inside the quotes (Desktop Entry Specification, "The Exec
/// key").
fn quote_argument(text: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')', '`',
    ];
    if !text.contains(RESERVED) {
        return text.to_string();
    }
    let mut quoted = String::from("\"");
    for c in text.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

/// The general escapes of a desktop-entry string value (a backslash is written twice).
fn escape_string_value(value: &str) -> String {
    value.replace('\\', "\\\\")
}

/// Write the desktop entry and icons under `data_home`, then refresh the desktop caches.
/// Returns the files written, in order.
pub fn install(data_home: &Path, exe: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let entry = desktop_entry_for(exe)?;
    let paths = installed_paths(data_home);
    let contents = std::iter::once(entry.as_bytes()).chain(ICONS.iter().map(|(_, bytes)| *bytes));
    for (path, bytes) in paths.iter().zip(contents) {
        write_file(path, bytes)?;
    }
    refresh_caches(data_home);
    Ok(paths)
}

/// Remove exactly the files [`install`] writes (those present), then refresh the caches so
/// they no longer mention pizhu. Directories are left alone: they may hold other programs'
/// files. Returns the files removed.
pub fn uninstall(data_home: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut removed = Vec::new();
    for path in installed_paths(data_home) {
        match fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(DesktopError::Remove { path, source }),
        }
    }
    refresh_caches(data_home);
    Ok(removed)
}

/// Create the folder, then write atomically: a desktop scanning the folder never reads
/// a half-written entry.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), DesktopError> {
    let error = |source| DesktopError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().expect("installed paths have a parent");
    fs::create_dir_all(dir).map_err(error)?;
    crate::atomic_write::write_atomically(path, bytes).map_err(|e| match e {
        crate::atomic_write::WriteError::Io { source, .. } => error(source),
        folder => error(std::io::Error::other(folder.to_string())),
    })
}

/// Tell the desktop about the change where its tools exist; their absence is normal (a
/// minimal system, a container), so it is not an error.
///
/// `update-desktop-database` rebuilds the MIME cache behind "Open with". The GTK icon cache
/// is only refreshed if one already exists in the user's hicolor dir: without a cache GTK
/// scans the directories, while a stale cache would hide the new icon.
fn refresh_caches(data_home: &Path) {
    let applications = data_home.join("applications");
    if applications.is_dir() {
        run_quietly("update-desktop-database", &[applications.as_os_str()]);
    }
    let hicolor = data_home.join("icons/hicolor");
    if hicolor.join("icon-theme.cache").exists() {
        let args = ["--quiet", "--force", "--ignore-theme-index"].map(std::ffi::OsStr::new);
        let mut args = args.to_vec();
        args.push(hicolor.as_os_str());
        run_quietly("gtk-update-icon-cache", &args);
    }
}

fn run_quietly(program: &str, args: &[&std::ffi::OsStr]) {
    let status = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match status {
        Ok(status) if !status.success() => tracing::warn!("{program} exited with {status}"),
        Ok(_) => tracing::debug!("ran {program}"),
        Err(e) => tracing::debug!("did not run {program}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_home_prefers_an_absolute_xdg_data_home() {
        let dir = data_home_from(Some("/x/data".into()), Some("/home/u".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/x/data"));
    }

    #[test]
    fn data_home_ignores_a_relative_xdg_data_home() {
        let dir = data_home_from(Some("rel/data".into()), Some("/home/u".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/home/u/.local/share"));
        assert!(matches!(
            data_home_from(None, None),
            Err(DesktopError::NoDataHome)
        ));
        assert!(matches!(
            data_home_from(Some("".into()), Some("".into())),
            Err(DesktopError::NoDataHome)
        ));
    }

    #[test]
    fn entry_names_the_binary_by_absolute_path() {
        let entry = desktop_entry_for(Path::new("/opt/pizhu/bin/pizhu")).unwrap();
        assert!(
            entry.contains("\nExec=/opt/pizhu/bin/pizhu %F\n"),
            "{entry}"
        );
        assert!(
            entry.contains("\nTryExec=/opt/pizhu/bin/pizhu\n"),
            "{entry}"
        );
        assert_eq!(
            entry.matches("Exec=").count(),
            2,
            "one Exec and one TryExec"
        );
        // Everything else is the shipped entry, unchanged.
        for line in DESKTOP_ENTRY.lines().filter(|l| !l.starts_with("Exec=")) {
            assert!(entry.lines().any(|l| l == line), "lost line {line:?}");
        }
    }

    #[test]
    fn exec_quotes_and_escapes_reserved_characters() {
        let exe = Path::new("/home/a b/it's $HOME/pi\"zhu");
        let entry = desktop_entry_for(exe).unwrap();
        let exec = entry.lines().find(|l| l.starts_with("Exec=")).unwrap();
        assert_eq!(exec, r#"Exec="/home/a b/it's \\$HOME/pi\\"zhu" %F"#);
        let percent = desktop_entry_for(Path::new("/home/a b/100%/pizhu")).unwrap();
        let exec = percent.lines().find(|l| l.starts_with("Exec=")).unwrap();
        assert_eq!(
            exec,
            r#"Exec=/bin/sh -c "exec \\"\\$0\\" \\"\\$@\\"" "/home/a b/100%%/pizhu" %F"#
        );
        assert!(percent.contains("\nTryExec=/home/a b/100%/pizhu\n"));
        let backslash = desktop_entry_for(Path::new(r"/x\y/pizhu")).unwrap();
        assert!(
            backslash.contains(r#"Exec="/x\\\\y/pizhu" %F"#),
            "{backslash}"
        );
    }

    #[test]
    fn unusable_executables_are_refused_with_the_path() {
        let relative = desktop_entry_for(Path::new("target/pizhu")).unwrap_err();
        assert_eq!(
            relative.to_string(),
            "cannot put target/pizhu in a desktop entry: not an absolute path"
        );
        let newline = desktop_entry_for(Path::new("/a\nb/pizhu")).unwrap_err();
        assert!(
            newline.to_string().contains("control character"),
            "{newline}"
        );
    }

    #[test]
    fn install_then_uninstall_leaves_no_file_behind() {
        let temp = tempfile::tempdir().unwrap();
        let data = temp.path();
        let written = install(data, Path::new("/usr/local/bin/pizhu")).unwrap();
        assert_eq!(written, installed_paths(data));
        let entry = fs::read_to_string(data.join("applications/pizhu.desktop")).unwrap();
        assert!(entry.contains("Exec=/usr/local/bin/pizhu %F"));
        for (relative, bytes) in ICONS {
            assert_eq!(fs::read(data.join(relative)).unwrap(), bytes, "{relative}");
        }
        // Installing again overwrites in place and leaves no temporary files.
        install(data, Path::new("/usr/local/bin/pizhu")).unwrap();
        let removed = uninstall(data).unwrap();
        assert_eq!(removed, written);
        let left: Vec<_> = walk(data)
            .into_iter()
            .filter(|p| p.to_string_lossy().contains("pizhu"))
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
        assert!(
            uninstall(data).unwrap().is_empty(),
            "a second uninstall finds nothing to remove"
        );
    }

    #[test]
    fn install_reports_a_path_it_cannot_write() {
        let temp = tempfile::tempdir().unwrap();
        fs::write(
            temp.path().join("applications"),
            "a file where a directory should be",
        )
        .unwrap();
        let error = install(temp.path(), Path::new("/usr/bin/pizhu")).unwrap_err();
        assert!(error.to_string().starts_with("cannot write "), "{error}");
        assert!(error.to_string().contains("applications"), "{error}");
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                found.extend(walk(&path));
            } else {
                found.push(path);
            }
        }
        found
    }
}
