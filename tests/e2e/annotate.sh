#!/usr/bin/env bash
# Real-window annotation check (issue 5): under Xvfb, on a fresh database, make a highlight
# and a note with keys only (v, Ctrl+Shift+→ twice, 2, Enter, type, Ctrl+Enter), open the
# annotation panel (F10), screenshot each step, and check through the command line that the
# store holds the annotation with its colour and note once the window has quit.
#   usage: tests/e2e/annotate.sh [BINARY]     (default target/release/pizhu)
#   env:   E2E_OUT=DIR keeps the screenshots there (default: a temp dir, removed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
e2e_begin "${1:-}"
unset PIZHU_DB
start_xvfb "$tmp"
db=$tmp/db.sqlite3

"$bin" --db "$db" >"$out/app.log" 2>&1 &
app=$!
track "$app"
wid=$(wait_window pizhu "$app" "$out/app.log")
for _ in $(seq 30); do
  shot "$wid" "$out/0-start.png"
  (assert_text_shot "$out/0-start.png" >/dev/null 2>&1) && break
  sleep 0.5
done
assert_text_shot "$out/0-start.png"

previous=$out/0-start.png
step=1
# press KEY WHAT: one key, a screenshot that shows text and differs from the last one.
press() {
  key "$wid" "$1"
  kill -0 "$app" 2>/dev/null || fail "pizhu exited after key $1; output ends with:
$(tail -15 "$out/app.log")"
  shot "$wid" "$out/$step-$2.png"
  assert_text_shot "$out/$step-$2.png"
  assert_changed "$previous" "$out/$step-$2.png" "$2"
  previous=$out/$step-$2.png
  step=$((step + 1))
}

press v caret
press ctrl+shift+Right select-word
press ctrl+shift+Right select-two-words
press 2 highlight
press Return note-editor
focus "$wid"
xdotool type --delay 60 "keys only"
sleep 0.5
press ctrl+Return note-saved
press F10 panel

key "$wid" ctrl+q
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && fail "Ctrl+Q did not quit pizhu"

json=$("$bin" --db "$db" annotations --json)
say "stored: $json"
grep -q '"color": *2' <<<"$json" || fail "no annotation of colour 2 in the store"
grep -q '"note": *"keys only"' <<<"$json" || fail "the note typed in the window is not in the store"
echo "annotation check passed${E2E_OUT:+ (screenshots in $out)}"
