"""A terminal capture (``tmux capture-pane -e -p``) as an HTML page, colours kept.

Reads the capture on standard input and writes one self-contained page on
standard output, a ``<pre>`` whose characters keep the cells' colours, bold,
italics, underline and reverse video, so that a headless browser can take a
picture of it.  Only SGR sequences (``ESC [ ... m``) are read, which is all a
capture holds; their meanings and the xterm 256-colour palette are those of
ECMA-48 and xterm's ctlseqs (https://invisible-island.net/xterm/ctlseqs/ctlseqs.html).

    python3 ansi2html.py --title "argmap in Neovim" < pane.ansi > pane.html
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, replace  # stdlib only, so that it runs without argmap installed

FOREGROUND = "#d4d4d4"
"""The terminal's default text colour (SGR 39)."""
BACKGROUND = "#1e1e1e"
"""The terminal's default background (SGR 49)."""

# The 16 system colours, as xterm's defaults (black, red, ..., white, then bright).
_SYSTEM = ("#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
           "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff")
_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_OTHER_ESCAPE = re.compile(r"\x1b(?:\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07|[()][A-Za-z0-9])")


def palette(n: int) -> str:
    """The colour xterm gives index *n* (0-255) of its 256-colour palette."""
    if n < 16:
        return _SYSTEM[n]
    if n < 232:  # a 6x6x6 cube whose steps are 0, 95, 135, 175, 215, 255
        n -= 16
        steps = [0 if v == 0 else 55 + 40 * v for v in (n // 36, n // 6 % 6, n % 6)]
        return "#" + "".join(f"{v:02x}" for v in steps)
    grey = 8 + 10 * (n - 232)  # 24 greys from 8 to 238
    return f"#{grey:02x}{grey:02x}{grey:02x}"


@dataclass(frozen=True)
class Style:
    """The look SGR sequences have set so far; None colours are the terminal's defaults."""

    fg: str | None = None
    bg: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    reverse: bool = False

    def css(self) -> str:
        """The inline CSS for text in this style (empty for the default look)."""
        fg, bg = self.fg, self.bg
        if self.reverse:
            fg, bg = bg or BACKGROUND, fg or FOREGROUND
        rules = []
        if fg is not None:
            rules.append(f"color:{fg}")
        if bg is not None:
            rules.append(f"background:{bg}")
        if self.bold:
            rules.append("font-weight:bold")
        if self.italic:
            rules.append("font-style:italic")
        if self.underline:
            rules.append("text-decoration:underline")
        return ";".join(rules)


def _colour(params: list[int], i: int) -> tuple[str | None, int]:
    """The extended colour (``5;n`` or ``2;r;g;b``) starting at ``params[i]``, and the index after it."""
    if i < len(params) and params[i] == 5 and i + 1 < len(params):
        return palette(params[i + 1] % 256), i + 2
    if i < len(params) and params[i] == 2 and i + 3 < len(params):
        r, g, b = (min(v, 255) for v in params[i + 1:i + 4])
        return f"#{r:02x}{g:02x}{b:02x}", i + 4
    return None, len(params)  # malformed: the rest of the sequence is dropped, as terminals do


def apply(style: Style, codes: str) -> Style:
    """*style* after the SGR sequence whose parameters are *codes* (e.g. ``"1;38;5;208"``)."""
    params = [int(p) if p else 0 for p in codes.replace(":", ";").split(";")] if codes else [0]
    i = 0
    while i < len(params):
        p = params[i]
        i += 1
        if p == 0:
            style = Style()
        elif p == 1:
            style = replace(style, bold=True)
        elif p == 3:
            style = replace(style, italic=True)
        elif p == 4:
            style = replace(style, underline=True)
        elif p == 7:
            style = replace(style, reverse=True)
        elif p == 22:
            style = replace(style, bold=False)
        elif p == 23:
            style = replace(style, italic=False)
        elif p == 24:
            style = replace(style, underline=False)
        elif p == 27:
            style = replace(style, reverse=False)
        elif 30 <= p <= 37 or 90 <= p <= 97:
            style = replace(style, fg=_SYSTEM[p - 30 if p < 90 else p - 90 + 8])
        elif 40 <= p <= 47 or 100 <= p <= 107:
            style = replace(style, bg=_SYSTEM[p - 40 if p < 100 else p - 100 + 8])
        elif p in (38, 48):
            colour, i = _colour(params, i)
            style = replace(style, **{"fg" if p == 38 else "bg": colour})
        elif p == 39:
            style = replace(style, fg=None)
        elif p == 49:
            style = replace(style, bg=None)
    return style


def to_html(capture: str, title: str = "terminal") -> str:
    """The page showing *capture*, a terminal's text with SGR sequences in it."""
    out: list[str] = []
    style = Style()
    for line in capture.rstrip("\n").split("\n"):
        pos = 0
        # A style runs to the end of its line at most, so that every line is whole HTML.
        for match in [*_SGR.finditer(line), None]:
            end = match.start() if match else len(line)
            text = _OTHER_ESCAPE.sub("", line[pos:end])
            if text:
                css = style.css()
                escaped = html.escape(text, quote=False)
                out.append(f'<span style="{css}">{escaped}</span>' if css else escaped)
            if match:
                style = apply(style, match.group(1))
                pos = match.end()
        out.append("\n")
    body = "".join(out)
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>\n"
            f"<style>html,body{{margin:0;background:{BACKGROUND}}}\n"
            f"pre{{margin:0;padding:8px;color:{FOREGROUND};background:{BACKGROUND};"
            "font:15px/1.25 'DejaVu Sans Mono','Liberation Mono',monospace}</style></head>\n"
            f"<body><pre>{body}</pre></body></html>\n")


def main(argv: list[str] | None = None) -> int:
    """Convert standard input to a page on standard output."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--title", default="terminal", help="the page's title")
    args = parser.parse_args(argv)
    sys.stdout.write(to_html(sys.stdin.read(), args.title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
