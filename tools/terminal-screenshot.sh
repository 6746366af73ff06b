#!/usr/bin/env bash
# Renders what a command draws in a terminal to a PNG, for the docs: runs it in a detached tmux window of
# COLUMNS x ROWS, captures the pane with its colour escapes after SECONDS, turns them into an HTML page and
# photographs that with headless Chromium (Debian's tmux, python3 and chromium).
# Usage: tools/terminal-screenshot.sh OUT.png SECONDS COLUMNS ROWS COMMAND [ARGS...]
#   e.g. tools/terminal-screenshot.sh docs/top.png 8 100 32 ./newsline top
set -euo pipefail
[ $# -ge 5 ] || { sed -n '2,6p' "$0" >&2; exit 2; }
out=$1 wait=$2 cols=$3 rows=$4
shift 4
for tool in tmux python3 chromium; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
work=$(mktemp -d)
session="shot-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
tmux new-session -d -s "$session" -x "$cols" -y "$rows" "$(printf '%q ' "$@"); sleep 600"
sleep "$wait"
tmux capture-pane -t "$session" -e -p >"$work/pane.txt"
python3 - "$work/pane.txt" "$work/page.html" <<'PY'
import html, re, sys
# The SGR codes a terminal program uses for emphasis: bold, reset, the eight foreground colours, and the
# codes tmux writes to end one (22 normal weight, 39 default colour).
colours = {30: "#2e3436", 31: "#ef2929", 32: "#8ae234", 33: "#fce94f", 34: "#729fcf", 35: "#ad7fa8", 36: "#34e2e2", 37: "#eeeeec"}
text = open(sys.argv[1], encoding="utf-8").read()
out, bold, colour = [], False, None
for part in re.split(r"(\x1b\[[0-9;]*m)", text):
    m = re.fullmatch(r"\x1b\[([0-9;]*)m", part)
    if m:
        for code in [int(c) if c else 0 for c in m.group(1).split(";")]:
            if code == 0:
                bold, colour = False, None
            elif code == 1:
                bold = True
            elif code == 22:
                bold = False
            elif code == 39:
                colour = None
            elif code in colours:
                colour = colours[code]
        continue
    if part:
        style = ("font-weight:bold;" if bold else "") + (f"color:{colour};" if colour else "")
        out.append(f'<span style="{style}">{html.escape(part)}</span>' if style else html.escape(part))
page = ('<!doctype html><meta charset="utf-8"><body style="margin:0;background:#1e1e1e">'
        '<pre style="margin:0;padding:12px;color:#d3d7cf;font:14px/1.3 \'DejaVu Sans Mono\',monospace">'
        + "".join(out).rstrip() + "</pre>")
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY
# Monospace at 14 px: about 8.5 px a column and 18 px a row, plus the padding.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$((cols * 17 / 2 + 24)),$((rows * 18 + 24))" \
  --screenshot="$work/shot.png" "file://$work/page.html" >/dev/null 2>&1
cp "$work/shot.png" "$out"
echo "wrote $out"
