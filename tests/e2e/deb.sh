#!/usr/bin/env bash
# Debian package check (issue 7): build it with cargo-deb (installing cargo-deb if missing),
# list it with dpkg-deb -c, and check it carries the binary, the desktop entry, the icons and
# the licences; unpack it and validate the packaged desktop entry.
#   usage: tests/e2e/deb.sh      (from the repository root; reuses target/release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
cd "$here/../.."

if ! cargo deb --version >/dev/null 2>&1; then
  say "installing cargo-deb"
  cargo install --locked --quiet cargo-deb || fail "cargo install cargo-deb failed"
fi
[ -x "${CARGO_TARGET_DIR:-target}/release/pizhu" ] || cargo build --release --quiet
deb=$(cargo deb --no-build --quiet 2>"${TMPDIR:-/tmp}/cargo-deb.err" | tail -1) || fail "cargo deb failed: $(tail -20 "${TMPDIR:-/tmp}/cargo-deb.err")"
[ -f "$deb" ] || fail "cargo deb did not print a package path (got '$deb')"
say "built $deb ($(du -h "$deb" | cut -f1))"

listing=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for path in usr/bin/pizhu usr/share/applications/pizhu.desktop \
  usr/share/icons/hicolor/{48x48,128x128,256x256}/apps/pizhu.png usr/share/icons/hicolor/scalable/apps/pizhu.svg \
  usr/share/doc/pizhu/copyright usr/share/doc/pizhu/fonts-OFL.txt usr/share/doc/pizhu/LICENSE-MIT \
  usr/share/doc/pizhu/LICENSE-APACHE; do
  grep -qxF "./$path" <<<"$listing" || fail "the package lacks /$path; it holds:
$listing"
done
say "dpkg-deb -c lists the binary, desktop entry, 4 icons and the licences"
say "$(dpkg-deb -f "$deb" Package Version Depends | tr '\n' ' ')"

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
desktop-file-validate "$unpacked/usr/share/applications/pizhu.desktop" || fail "the packaged desktop entry is not valid"
"$unpacked/usr/bin/pizhu" --version >/dev/null || fail "the packaged binary does not run"
echo "deb check passed: $deb"
