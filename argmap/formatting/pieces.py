"""The small parts of the canonical layout: quoting, checking and wrapping text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.model import Citation, Comment, Link, Ref

WIDTH = 88
INDENT = "  "
CONTINUATION = "    "
_DATE_CHARS = frozenset("0123456789-")
_DIRECTIVE = re.compile(r"(?:^|(?<=\s))#[ \t]*argmap:")  # as the lexer reads a directive
# A line starting with a STATEMENT_KEYWORD is read as that statement, never as a
# relation; one starting with a CLAIM_LINE_KEYWORD, right after a claim, as one of
# the claim's lines (both sets come from the parser).

class UnsafeFormat(RuntimeError):
    """Formatting would change what a map says: a bug in argmap, reported instead of written."""


class CannotFormat(ValueError):
    """The map says something its canonical layout could not say the same way (see the message)."""



def quote_string(value: str) -> str:
    """*value* as a double-quoted string of the language (``"`` and ``\\`` escaped)."""
    if "\n" in value:
        raise CannotFormat(f"a quoted string cannot hold a line break: {value!r}")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check_text(text: str, what: str, *, cited: bool, required: bool) -> None:
    if not text:
        if required or cited:
            raise CannotFormat(f"{what} needs text" + (" before its citations" if cited else ""))
        return
    if "\n" in text or "\r" in text:
        raise CannotFormat(f"{what}: text cannot hold a line break: {text!r}")
    if text != text.strip():
        raise CannotFormat(f"{what}: text cannot start or end with blanks: {text!r}")
    if "#" in text and _DIRECTIVE.search(text):  # (a scan for one character first: most texts have none)
        raise CannotFormat(f"{what}: `# argmap:` after a space starts a directive and cannot appear in text: {text!r}")
    if "[^" in text:
        raise CannotFormat(f"{what}: `[^` starts a footnote citation and cannot appear in text: {text!r}")
    if text.endswith("\\") and not cited:
        raise CannotFormat(f"{what}: text cannot end with a backslash (it would continue the line): {text!r}")


def _cites(citations: Iterable[Citation]) -> str:
    return "".join(f" [^{c.label}]" for c in citations)


def _comment(c: Comment) -> str:
    if "\n" in c.text or c.text != c.text.rstrip():
        raise CannotFormat(f"a comment cannot hold a line break or end with blanks: {c.text!r}")
    return "# " + c.text if c.text else "#"


_BREAK = re.compile(r"(?<=[^ \t]) (?=[^ \t])")


def _breaks(text: str) -> list[int]:
    """Where *text* may be continued on the next line: single spaces between words."""
    return [m.start() for m in _BREAK.finditer(text)]


def wrap(head: str, text: str, tail: str, indent: str, width: int = WIDTH) -> list[str]:
    """``head + text + tail`` as lines of at most *width* columns where the words allow.

    Breaks fall only on single spaces inside *text*; the citations in *tail*
    stay on the last line, so a citation is never split.
    """
    if len(head) + len(text) + len(tail) + 2 <= width:
        # every chunk fits with room for " \\": the loop below would join them all again
        return [head + text + tail]
    lines: list[str] = []
    current = head
    cont = indent + CONTINUATION
    breaks = _breaks(text)
    # chunks between break points, the last one carrying the tail
    chunks = []
    last = 0
    for b in breaks:
        chunks.append(text[last:b])
        last = b + 1
    chunks.append(text[last:] + tail)
    first = True
    for chunk in chunks:
        if first:
            current += chunk
            first = False
        elif len(current) + 1 + len(chunk) + 2 <= width:  # room for " \\"
            current += " " + chunk
        else:
            lines.append(current + " \\")
            current = cont + chunk
    lines.append(current)
    return lines


def _target(target: Ref | Link) -> str:
    return str(target)


def _as(scheme: str | None) -> str:
    """The ``as scheme`` suffix of a support or a linked argument ("" without a scheme)."""
    return f" as {scheme}" if scheme is not None else ""


def _owner_by(case: Ref | None, by: Ref | None) -> str:
    return (f" ({case})" if case is not None else "") + (f" by {by}" if by is not None else "")
