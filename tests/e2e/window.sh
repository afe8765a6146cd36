#!/usr/bin/env bash
# Real-window check (issue 4): start the release binary under Xvfb on a fresh database,
# wait for its window, press n, ] and F1, and check every screenshot shows text, every key
# changed the picture, the process survived, and Ctrl+Q quits cleanly. Also checks that
# the window's class is `pizhu` (what the desktop entry's StartupWMClass names) and that
# the log file was written.
#   usage: tests/e2e/window.sh [BINARY]     (default target/release/pizhu)
#   env:   E2E_OUT=DIR keeps the screenshots there (default: a temp dir, removed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
e2e_begin "${1:-}"
unset PIZHU_DB
start_xvfb "$tmp"

started=$(date +%s%N)
"$bin" --db "$tmp/db.sqlite3" >"$out/app.log" 2>&1 &
app=$!
track "$app"
wid=$(wait_window pizhu "$app" "$out/app.log")
say "window $wid after $((($(date +%s%N) - started) / 1000000)) ms; class $(window_class "$wid"); title: $(window_title "$wid")"
[[ "$(window_class "$wid")" == *'"pizhu"'* ]] || fail "the window's WM_CLASS is $(window_class "$wid"), not pizhu"

# The first frames may still be empty: wait (a little) for text to appear.
for _ in $(seq 30); do
  shot "$wid" "$out/0-start.png"
  (MIN_COLOURS=64 assert_text_shot "$out/0-start.png" >/dev/null 2>&1) && break
  sleep 0.5
done
assert_text_shot "$out/0-start.png"

previous=$out/0-start.png
step=1
for k in n bracketright F1; do
  key "$wid" "$k"
  kill -0 "$app" 2>/dev/null || fail "pizhu exited after key $k; output ends with:
$(tail -15 "$out/app.log")"
  shot "$wid" "$out/$step-$k.png"
  assert_text_shot "$out/$step-$k.png"
  assert_changed "$previous" "$out/$step-$k.png" "key $k"
  previous=$out/$step-$k.png
  step=$((step + 1))
done

log=$(ls "$XDG_STATE_HOME"/pizhu/pizhu.*.log 2>/dev/null | head -1)
[ -n "$log" ] && grep -q "pizhu started" "$log" || fail "no log file in $XDG_STATE_HOME/pizhu"
say "log written to $log"

key "$wid" Escape
key "$wid" ctrl+q
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && fail "Ctrl+Q did not quit pizhu"
status=0
wait "$app" || status=$?
((status == 0)) || fail "pizhu exited with status $status after Ctrl+Q; output ends with:
$(tail -15 "$out/app.log")"
say "Ctrl+Q quit cleanly"
echo "window check passed${E2E_OUT:+ (screenshots in $out)}"
