"""Fitting text into a diagram's boxes: lines of about so many columns.

Lines break between words; a word wider than a line (a URL, or text in a
script written without spaces) is cut, and the pieces after the first are
marked so that the text can be put back exactly.  East Asian wide
characters count two columns (Unicode Standard Annex #11).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: Characters per line in a box, unless asked otherwise.
WRAP = 40


def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _width(text: str) -> int:
    if text.isascii():  # the common case, and one column a character
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _pieces(word: str, width: int) -> list[str]:
    """*word* cut into pieces of at most *width* columns (the word itself when it fits)."""
    if word.isascii():
        if len(word) <= width:
            return [word]
        step = max(width, 1)
        return [word[i:i + step] for i in range(0, len(word), step)]
    pieces, cur, used = [], "", 0
    for ch in word:
        w = _char_width(ch)
        if cur and used + w > width:
            pieces.append(cur)
            cur, used = "", 0
        cur += ch
        used += w
    return pieces + [cur]


_LINES: dict[int, re.Pattern] = {}


def plain_wrap(text: str, width: int) -> list[str] | None:
    """The lines of ``wrap(text, width)`` when it cuts no word (ASCII text, every word fits a line); else None.

    Lines are filled greedily, so each is the longest run of words (one space
    between) that fits: one regular expression finds them all.
    """
    if width < 1 or not text.isascii():
        return None
    joined = " ".join(text.split())
    if len(joined) <= width:
        return [joined] if joined else []
    pattern = _LINES.get(width)
    if pattern is None:
        pattern = _LINES[width] = re.compile(f"(.{{1,{width}}})(?: |\\Z)")
    lines = pattern.findall(joined)
    if sum(map(len, lines)) + len(lines) - 1 != len(joined):  # a word wider than a line was skipped
        return None
    return lines


def wrap(text: str, width: int = WRAP) -> list[tuple[str, bool]]:
    """*text* in lines of about *width* columns, as (line, continues_word) pairs.

    Lines break between words; a word wider than a line (a URL, or text in a
    script without spaces) is cut, and its later pieces are marked
    ``continues_word`` so the text can be put back exactly: join with ``""``
    where marked and ``" "`` elsewhere.  Runs of whitespace become one space.
    East Asian wide characters count two columns.
    """
    plain = plain_wrap(text, width)
    if plain is not None:
        return [(line, False) for line in plain]
    lines: list[list] = []
    used = 0  # the width of the last line, kept so that no line is measured twice
    for word in text.split():
        for i, piece in enumerate(_pieces(word, width)):
            w = _width(piece)
            if i == 0 and lines and used + 1 + w <= width:
                lines[-1][0] += " " + piece
                used += 1 + w
            else:
                lines.append([piece, i > 0])
                used = w
    return [(line, cont) for line, cont in lines]


def unwrap(lines: Sequence[tuple[str, bool]]) -> str:
    """The text :func:`wrap` cut into *lines*."""
    return "".join(("" if cont or i == 0 else " ") + line for i, (line, cont) in enumerate(lines))


def add_wrapped(lines: list[str], roles: list[str], text: str, role: str, width: int,
                before: str = "", after: str = "") -> None:
    """*text* wrapped onto *lines*, each with its *role* on *roles* (``" cont"`` added where a cut word
    continues); *before* starts the first line and *after* ends the last."""
    wrapped = wrap(text, width)
    last = len(wrapped) - 1
    for i, (line, cont) in enumerate(wrapped):
        lines.append((before if i == 0 else "") + line + (after if i == last else ""))
        roles.append(role + " cont" if cont else role)
