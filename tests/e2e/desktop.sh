#!/usr/bin/env bash
# Desktop integration check (issue 7): validate the desktop entry, install it with
# `pizhu install-desktop` into a temporary XDG data dir, launch the installed entry the way
# a desktop does (gio launch with a file, as a double-click or "Open with" does; dex with
# no file, as a menu click does, while the first is still running), check the windows
# appear with the right class and that the first names the document, then uninstall and
# check nothing is left.
#   usage: tests/e2e/desktop.sh [BINARY]     (default target/release/pizhu)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/lib.sh"
e2e_begin "${1:-}" desktop-file-validate gio dex python3
# A desktop launch cannot pass --db; the variable reaches the launched process instead.
export PIZHU_DB=$tmp/db.sqlite3

desktop-file-validate "$root/assets/pizhu.desktop" || fail "assets/pizhu.desktop is not valid"
say "assets/pizhu.desktop is valid"

"$bin" install-desktop >"$out/install.txt" || fail "install-desktop failed"
entry=$XDG_DATA_HOME/applications/pizhu.desktop
for f in "$entry" "$XDG_DATA_HOME"/icons/hicolor/{48x48,128x128,256x256}/apps/pizhu.png \
  "$XDG_DATA_HOME"/icons/hicolor/scalable/apps/pizhu.svg; do
  [ -s "$f" ] || fail "install-desktop did not write $f"
  grep -qF "wrote $f" "$out/install.txt" || fail "install-desktop did not report $f"
done
desktop-file-validate "$entry" || fail "the installed entry is not valid"
grep -qxF "Exec=$bin %F" "$entry" || fail "the installed Exec is not '$bin %F': $(grep ^Exec= "$entry")"
say "installed: $(grep -c '^wrote ' "$out/install.txt") files, $(grep ^Exec= "$entry")"

start_xvfb "$tmp"

# "Open with pizhu" on a file: gio expands %F exactly as GLib-based desktops do.
mkdir -p "$tmp/docs"
doc=$tmp/docs/open-with-check.txt
cp "$here/open-with-check.txt" "$doc"
title=$("$bin" outline --json "$doc" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"][0]["title"] or "")')
gio launch "$entry" "$doc" >"$out/gio.log" 2>&1 || fail "gio launch failed: $(cat "$out/gio.log")"
first=$(wait_window pizhu "$$" "$out/gio.log")
pid=$(xdotool getwindowpid "$first" 2>/dev/null) || fail "window $first has no _NET_WM_PID"
track "$pid"
[[ "$(window_class "$first")" == *'"pizhu"'* ]] || fail "WM_CLASS is $(window_class "$first"), not pizhu"
sleep 1
shot "$first" "$out/open-with.png"
assert_text_shot "$out/open-with.png"
# The title names the document (its first article's title or its file name) once it is open.
named=""
for _ in $(seq 50); do
  name=$(window_title "$first")
  if [[ -n "$title" && "$name" == *"$title"* ]] || [[ "$name" == *open-with-check* ]]; then named=$name; break; fi
  sleep 0.2
done
[ -n "$named" ] || fail "the window title '$(window_title "$first")' names neither '$title' nor open-with-check"
say "gio launch opened window $first (pid $pid): $named"

# A menu click while pizhu is already running: a second process on the same database.
dex "$entry" >"$out/dex.log" 2>&1 || fail "dex failed: $(cat "$out/dex.log")"
second=""
for _ in $(seq $((E2E_TIMEOUT * 5))); do
  second=$(xdotool search --onlyvisible --classname pizhu 2>/dev/null | grep -vx "$first" | head -1 || true)
  [ -n "$second" ] && break
  sleep 0.2
done
[ -n "$second" ] || fail "dex did not open a second window"
pid2=$(xdotool getwindowpid "$second")
track "$pid2"
say "dex opened a second window $second (pid $pid2): $(window_title "$second")"
kill -0 "$pid" 2>/dev/null || fail "the first pizhu exited when the second started"

cleanup_e2e
"$bin" list >"$out/list.txt" || fail "pizhu list failed on the shared database"
grep -qF "${title:-open-with-check}" "$out/list.txt" || fail "the opened document is not in the library: $(cat "$out/list.txt")"
say "the library lists the opened document"

"$bin" install-desktop --uninstall >"$out/uninstall.txt" || fail "install-desktop --uninstall failed"
# Only the desktop integration goes; the user's data (under pizhu/) stays.
integration=("$XDG_DATA_HOME/applications" "$XDG_DATA_HOME/icons")
left=$(find "${integration[@]}" -name '*pizhu*' -print; grep -rlF pizhu "${integration[@]}" 2>/dev/null || true)
[ -z "$left" ] || fail "uninstall left: $left"
say "uninstalled: $(grep -c '^removed ' "$out/uninstall.txt") files removed, nothing left"
echo "desktop check passed${E2E_OUT:+ (screenshots in $out)}"
