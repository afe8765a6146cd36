# Shared helpers for the real-window checks (sourced by window.sh, annotate.sh and desktop.sh).
# They drive a real X server (Xvfb) with no window manager: xdotool finds windows, focuses
# them and types through XTEST; ImageMagick's `import` takes screenshots.

E2E_TIMEOUT=${E2E_TIMEOUT:-60}   # seconds to wait for a window
_e2e_pids=()

say() { printf '  %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

need_tools() {
  local missing=()
  for tool in Xvfb xdotool xprop import convert compare "$@"; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  ((${#missing[@]} == 0)) || fail "missing tools: ${missing[*]} (apt-get install xvfb xauth xdotool x11-utils imagemagick)"
}

# The start every window check shares: the binary ($1, default the release build) as
# $bin, the tools it needs (the rest of the arguments), a temporary dir $tmp removed at
# exit with every tracked process, the screenshot dir $out (E2E_OUT keeps them), and a
# fresh user whose home and XDG dirs are under $tmp (nothing read from the real home).
e2e_begin() {
  bin=$(realpath "${1:-target/release/pizhu}")
  [ -x "$bin" ] || fail "no binary at $bin (cargo build --release)"
  shift || true
  need_tools "$@"
  tmp=$(mktemp -d)
  out=${E2E_OUT:-$tmp/shots}
  mkdir -p "$out"
  trap 'cleanup_e2e; rm -rf "$tmp"' EXIT
  export HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
  mkdir -p "$HOME"
  unset WAYLAND_DISPLAY
}

cleanup_e2e() {
  local pid
  for pid in "${_e2e_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${_e2e_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}

# Start Xvfb on a free display (it picks one and tells us), export DISPLAY.
start_xvfb() {
  local fifo displayfile="$1/xvfb.display"
  : >"$displayfile"
  Xvfb -displayfd 1 -screen 0 "${GEOMETRY:-1400x900}x24" -nolisten tcp >"$displayfile" 2>"$1/xvfb.log" &
  _e2e_pids+=($!)
  for _ in $(seq 100); do
    [ -s "$displayfile" ] && break
    sleep 0.1
  done
  [ -s "$displayfile" ] || fail "Xvfb did not start: $(tail -3 "$1/xvfb.log")"
  export DISPLAY=":$(head -1 "$displayfile")"
  say "Xvfb on $DISPLAY"
}

# Remember a background process so cleanup_e2e ends it.
track() { _e2e_pids+=("$1"); }

# wait_window CLASS PID LOG: print the id of the first visible window of class CLASS.
# Fails early if PID exits first, showing the end of LOG.
wait_window() {
  local class=$1 pid=$2 log=$3 wid=""
  local deadline=$((SECONDS + E2E_TIMEOUT))
  while ((SECONDS < deadline)); do
    wid=$(xdotool search --onlyvisible --classname "$class" 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    kill -0 "$pid" 2>/dev/null || fail "the program exited before showing a window; its output ends with:
$(tail -15 "$log")"
    sleep 0.2
  done
  fail "no visible window of class '$class' within ${E2E_TIMEOUT}s; output ends with:
$(tail -15 "$log")"
}

# focus WID: no window manager here, so focus it and put the pointer on it ourselves.
focus() {
  xdotool mousemove --window "$1" 40 40 >/dev/null 2>&1 || true
  timeout 5 xdotool windowfocus --sync "$1" >/dev/null 2>&1 || xdotool windowfocus "$1" >/dev/null 2>&1 || true
}

window_title() { xprop -id "$1" _NET_WM_NAME 2>/dev/null | sed -n 's/^_NET_WM_NAME(UTF8_STRING) = "\(.*\)"$/\1/p'; }
window_class() { xprop -id "$1" WM_CLASS 2>/dev/null | sed -n 's/^WM_CLASS(STRING) = //p'; }

# shot WID FILE: screenshot of the window (and FILE.root.png of the whole screen).
shot() {
  import -window "$1" "$2" 2>/dev/null || fail "screenshot of window $1 failed"
  import -window root "${2%.png}.root.png" 2>/dev/null || fail "screenshot of the screen failed"
}

# assert_text_shot FILE: the screenshot shows rendered text, not a blank or one-colour
# window. Anti-aliased glyphs give many distinct colours and a fair share of pixels that
# differ from the background (the most common colour).
assert_text_shot() {
  local file=$1 colours inked total background width height share
  colours=$(convert "$file" -format %k info:)
  background=$(dominant_colour "$file")
  # Paint the background white and everything else black; the mean is the background's share.
  read -r width height share < <(convert "$file" -fill black +opaque "$background" -fill white -opaque "$background" \
    -colorspace gray -format '%w %h %[fx:mean]\n' info:)
  total=$((width * height))
  inked=$(awk -v t="$total" -v s="$share" 'BEGIN { printf "%d", t * (1 - s) + 0.5 }')
  say "$(basename "$file"): $colours colours, $inked of $total pixels off the background"
  ((colours >= ${MIN_COLOURS:-64})) || fail "$file looks blank: only $colours colours"
  ((inked >= ${MIN_INKED:-2000})) || fail "$file looks blank: only $inked pixels differ from the background"
}

dominant_colour() {
  # awk reads to the end: `head` closing the pipe early would kill sort with SIGPIPE,
  # which `set -o pipefail` turns into a silent exit of the calling script.
  convert "$1" -format %c histogram:info:- | sort -rn | awk 'NR == 1' | grep -o '#[0-9A-Fa-f]\{6\}' | awk 'NR == 1'
}

# assert_changed A B WHAT: the key between two screenshots changed what the window shows.
assert_changed() {
  local diff
  diff=$(compare -metric AE "$1" "$2" null: 2>&1 >/dev/null || true)
  diff=$(printf '%.0f' "${diff%% *}" 2>/dev/null || echo "?")
  say "$3: $diff pixels changed"
  [[ "$diff" =~ ^[0-9]+$ ]] && ((diff > ${MIN_CHANGED:-500})) || fail "$3 did not change the window ($diff pixels)"
}

# key WID KEYSYM: type one key into the focused window through XTEST, let it repaint.
key() {
  focus "$1"
  xdotool key "$2"
  sleep "${KEY_DELAY:-0.8}"
}
