#!/usr/bin/env bash
# Makes docs/editors/neovim-diagnostics.png: Neovim, configured by this
# folder's init.lua, with Brown's map open and one citation broken, showing the
# language server's diagnostic for it and the hover on a quotation's citation.
#
#   editors/neovim/screenshot.sh [SEEDS_DIR] [OUT_DIR]
#
# SEEDS_DIR holds the articles' texts (default ../shared/seeds beside the
# checkout), OUT_DIR receives the PNG (default docs/editors).  Needs nvim, tmux,
# chromium and the checkout's .venv (pip install -e '.[lsp]').
# Neovim runs in a detached tmux pane; the pane is captured with its colours,
# turned into HTML by ansi2html.py, and the page photographed by headless chromium.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seeds=$(cd "${1:-$repo/../shared/seeds}" && pwd)
out=$(mkdir -p "${2:-$repo/docs/editors}" && cd "${2:-$repo/docs/editors}" && pwd)
argmap="$repo/.venv/bin/argmap"
cols=118 rows=36          # the pane, in characters
socket="argmap-shot-$$"   # a tmux server of our own, so that no user session is touched
work=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# A copy of the map whose Vladivostok claim cites a note no one defines (C101),
# beside an argmap.toml that names the articles' folder, so quotations are checked.
sed 's/the city\. \[\^4\]$/the city. [^99]/' "$repo/maps/brown2017.argmap" > "$work/brown2017.argmap"
grep -q '\[\^99\]' "$work/brown2017.argmap" || { echo "the map changed: no citation to break" >&2; exit 1; }
printf 'text-dir = "%s"\n' "$seeds" > "$work/argmap.toml"

# Wait (up to 30 s) until the pane shows TEXT.
wait_for() {
  for _ in $(seq 300); do
    tmux -L "$socket" capture-pane -p -t shot | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "timed out waiting for: $1" >&2
  tmux -L "$socket" capture-pane -p -t shot >&2
  exit 1
}

cd "$work"
printf 'set -g default-terminal tmux-256color\nset -g status off\n' > "$work/tmux.conf"
# XDG_* point into the temporary folder so that the reader's own configuration,
# plugins and state play no part; background=dark matches the page's colours.
# Two looks are the picture's, not init.lua's: floats on grey rather than 0.7's
# magenta (as Neovim 0.10's default colours have them), and no red mark on the
# underscore of a file name in a hover (0.7's markdown syntax calls a lone "_"
# an error).
tmux -L "$socket" -f "$work/tmux.conf" new-session -d -s shot -x "$cols" -y "$rows" \
  "env XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache \
   nvim -u '$here/init.lua' --cmd 'set background=dark' \
        -c 'highlight NormalFloat ctermbg=237 ctermfg=255' -c 'highlight link markdownError NONE' \
        --cmd 'let g:argmap_cmd = [\"$argmap\", \"lsp\"]' brown2017.argmap"
wait_for "brown2017.argmap"

# The broken citation near the top of the window, the quotation's citation below it.
tmux -L "$socket" send-keys -t shot ':95' Enter 'zt'
wait_for "C101 footnote [^99] is cited but never defined"
# Hover answers on a footnote's label (the cursor on "5" of "[^5]").
tmux -L "$socket" send-keys -t shot ':124' Enter '/\[\^5\]/s+2' Enter ':nohlsearch | echo' Enter 'K'
wait_for "found in 001_ecff49c0a03a943e.txt"
sleep 0.5  # let the float finish drawing

tmux -L "$socket" capture-pane -e -p -t shot > "$work/pane.ansi"
python3 "$here/ansi2html.py" --title "argmap lsp in Neovim" < "$work/pane.ansi" > "$work/pane.html"
# 15px DejaVu Sans Mono is 9.03 px wide and the line 18.75 px high, plus 8 px padding.
width=$(( cols * 903 / 100 + 16 + 4 )) height=$(( rows * 1875 / 100 + 16 ))
/usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --screenshot="$out/neovim-diagnostics.png" --window-size="$width,$height" \
  "file://$work/pane.html" 2>/dev/null
echo "wrote $out/neovim-diagnostics.png (${width}x$height)"
