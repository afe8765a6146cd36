//! The desktop's text scale factor, read once at first start so the reading size suits a
//! user who has asked the desktop for larger (or smaller) text. Where it comes from, first
//! found wins:
//!
//! 1. `GDK_DPI_SCALE`, then `QT_SCALE_FACTOR`: set for this process, so the most explicit;
//! 2. GNOME's `org.gnome.desktop.interface text-scaling-factor`, through `gsettings`
//!    (also what GNOME's "Large Text" switch sets, 1.25);
//! 3. `Xft.dpi` from the X resources (`xrdb -query`), over the standard 96 dpi (KDE, Xfce
//!    and others write their font DPI there).
//!
//! The parsing is pure and tested; [`from_system`] only runs the commands.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A factor outside this range is a misreading (or a joke), not a text size.
const PLAUSIBLE: std::ops::RangeInclusive<f32> = 0.5..=4.0;

fn plausible(factor: f32) -> Option<f32> {
    (factor.is_finite() && PLAUSIBLE.contains(&factor)).then_some(factor)
}

/// A factor written as a number (`1.25`), as the environment variables hold it.
pub fn parse_factor(value: &str) -> Option<f32> {
    value.trim().parse::<f32>().ok().and_then(plausible)
}

/// What `gsettings get org.gnome.desktop.interface text-scaling-factor` prints: `1.25`,
/// or with a type annotation for some values (`@d 1.0`).
pub fn parse_gsettings(output: &str) -> Option<f32> {
    let value = output.trim();
    let value = value.strip_prefix("@d").unwrap_or(value);
    parse_factor(value)
}

/// The `Xft.dpi` line of `xrdb -query` (`Xft.dpi:\t120`) over 96 dpi.
pub fn parse_xft_dpi(resources: &str) -> Option<f32> {
    resources
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim() == "Xft.dpi")
        .and_then(|(_, dpi)| dpi.trim().parse::<f32>().ok())
        .filter(|dpi| *dpi > 0.0)
        .and_then(|dpi| plausible(dpi / 96.0))
}

/// The factor from the environment (`var`) and the output of desktop commands (`run`,
/// given the program and its arguments; `None` when it is missing or fails).
pub fn text_scale_factor(
    var: impl Fn(&str) -> Option<String>,
    run: impl Fn(&str, &[&str]) -> Option<String>,
) -> Option<f32> {
    ["GDK_DPI_SCALE", "QT_SCALE_FACTOR"]
        .into_iter()
        .find_map(|name| var(name).as_deref().and_then(parse_factor))
        .or_else(|| {
            let args = ["get", "org.gnome.desktop.interface", "text-scaling-factor"];
            run("gsettings", &args).as_deref().and_then(parse_gsettings)
        })
        .or_else(|| {
            var("DISPLAY")?;
            run("xrdb", &["-query"]).as_deref().and_then(parse_xft_dpi)
        })
}

/// [`text_scale_factor`] of this process's environment and desktop.
pub fn from_system() -> Option<f32> {
    text_scale_factor(|name| std::env::var(name).ok(), run_briefly)
}

/// Run `program`, give it a second, and return what it printed if it succeeded. A desktop
/// service that hangs must not keep the window from opening.
fn run_briefly(program: &str, args: &[&str]) -> Option<String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let deadline = Instant::now() + Duration::from_secs(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break,
            Ok(Some(_)) | Err(_) => return None,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut()?, &mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsettings_prints_a_double() {
        assert_eq!(parse_gsettings("1.25\n"), Some(1.25));
        assert_eq!(parse_gsettings("@d 1.0\n"), Some(1.0));
        assert_eq!(parse_gsettings("2\n"), Some(2.0));
        assert_eq!(
            parse_gsettings("No such schema “org.gnome.desktop.interface”"),
            None
        );
        assert_eq!(parse_gsettings("0.0"), None, "no text at all is not a size");
        assert_eq!(parse_gsettings("nan"), None);
    }

    #[test]
    fn xft_dpi_is_read_over_96() {
        let resources =
            "*customization:\t-color\nXft.antialias:\t1\nXft.dpi:\t120\nXft.hinting:\t1\n";
        assert_eq!(parse_xft_dpi(resources), Some(1.25));
        assert_eq!(parse_xft_dpi("Xft.dpi: 96"), Some(1.0));
        assert_eq!(parse_xft_dpi("Xft.antialias:\t1\n"), None);
        assert_eq!(parse_xft_dpi("Xft.dpi:\tlarge\n"), None);
        assert_eq!(parse_xft_dpi("Xft.dpi:\t0\n"), None);
    }

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_environment_wins_then_gnome_then_x_resources() {
        let calls = std::cell::RefCell::new(Vec::new());
        let run = |program: &str, _: &[&str]| {
            calls.borrow_mut().push(program.to_string());
            match program {
                "gsettings" => Some("1.5\n".to_string()),
                "xrdb" => Some("Xft.dpi:\t168\n".to_string()),
                _ => None,
            }
        };
        assert_eq!(
            text_scale_factor(env(&[("GDK_DPI_SCALE", "1.2")]), run),
            Some(1.2)
        );
        assert!(
            calls.borrow().is_empty(),
            "no command when the environment says"
        );
        let qt = [("GDK_DPI_SCALE", "x"), ("QT_SCALE_FACTOR", "1.3")];
        assert_eq!(text_scale_factor(env(&qt), run), Some(1.3));
        assert_eq!(text_scale_factor(env(&[("DISPLAY", ":1")]), run), Some(1.5));
        let no_gnome = |program: &str, args: &[&str]| match program {
            "gsettings" => None,
            _ => run(program, args),
        };
        assert_eq!(
            text_scale_factor(env(&[("DISPLAY", ":1")]), no_gnome),
            Some(1.75)
        );
        assert_eq!(
            text_scale_factor(env(&[]), no_gnome),
            None,
            "no X display, no xrdb"
        );
        let nothing = |_: &str, _: &[&str]| None;
        assert_eq!(text_scale_factor(env(&[("DISPLAY", ":1")]), nothing), None);
    }
}
