"""The repairs that need no judgement, made on a map's text.

Three, each one a finding of ``argmap check`` that has one right answer:

* **C104, notes out of order**: the footnote definitions are put back in
  the order of their numbers.  Only definitions move, each with its
  continuation lines; labels never change (they are the article's numbers),
  and comments stay where they were.  A gap (a note not copied) cannot be
  filled mechanically and is left for the analyst.
* **C101, a cited note that is not defined**: a stub ``[^n]: TODO: ...`` is
  added at the end of the footnotes (a ``footnotes`` block is started when
  there is none), so the map parses into what the analyst still has to
  copy, and says so.
* **layout**: the canonical layout of ``argmap fmt``.

A map that does not parse is not touched (the parser's own diagnostics say
why).  Every result is parsed again before it is returned: what the map
says stays as it was, apart from the notes added.
"""

from __future__ import annotations

import attrs

from argmap.checks.rules.footnotes import STUB  # rule C114 reports every note that still reads so
from argmap.formatting.writer import format_text
from argmap.model import Map
from argmap.syntax.parser import parse

FIXABLE = ("C101", "C104", "layout")
"""What ``--fix`` repairs: the codes of the findings, and ``layout`` for the canonical layout."""




@attrs.frozen
class Fix:
    """One repair: what it answers (a code, or ``layout``), where, and what was done, in words."""

    code: str
    line: int
    message: str


@attrs.frozen
class Fixed:
    """The text after the repairs and the list of them (empty when there was nothing to repair)."""

    text: str
    fixes: tuple[Fix, ...]

    @property
    def changed(self) -> bool:
        """Whether any repair was made."""
        return bool(self.fixes)


def fix_text(text: str, path: str | None = None, *, only: tuple[str, ...] = FIXABLE) -> Fixed:
    """*text* with the repairs named in *only* made; ArgmapError when the map does not parse."""
    m = parse(text, path)
    fixes: list[Fix] = []
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if "C104" in only:
        lines = _order_notes(m, lines, fixes)
        if fixes:
            m = parse("".join(lines), path)  # the positions the next repair reads
    if "C101" in only:
        lines = _stub_notes(m, lines, fixes)
    out = "".join(lines) if fixes else text
    if fixes:
        parse(out, path)  # a repair that made the map unreadable is a bug: ArgmapError, nothing written
    if "layout" in only:
        formatted = format_text(out, path)
        if formatted != out:
            fixes.append(Fix("layout", 1, "the canonical layout (as argmap fmt writes it)"))
            out = formatted
    return Fixed(out, tuple(fixes))


def _extent(lines: list[str], start: int) -> range:
    """The 0-based lines of the statement that starts on line index *start*: it and its ``\\`` continuations."""
    end = start
    while end + 1 < len(lines) and _continued(lines[end]):
        end += 1
    return range(start, end + 1)


def _continued(line: str) -> bool:
    body = line.rstrip("\r\n")
    return body.endswith("\\")


def _order_notes(m: Map, lines: list[str], fixes: list[Fix]) -> list[str]:
    notes = [n for n in m.footnotes if n.number is not None]
    numbers = [n.number for n in notes]
    if numbers == sorted(numbers):
        return lines
    slots = [_extent(lines, n.span.line - 1) for n in notes]
    chunks = {id(n): lines[s.start:s.stop] for n, s in zip(notes, slots)}
    in_order = sorted(notes, key=lambda n: n.number)  # stable: two notes with one number keep their order
    replacement = {s.start: (s, chunks[id(n)]) for s, n in zip(slots, in_order)}
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i in replacement:
            slot, chunk = replacement[i]
            out.extend(chunk)
            i = slot.stop
        else:
            out.append(lines[i])
            i += 1
    moved = sum(1 for a, b in zip(notes, in_order) if a is not b)
    fixes.append(Fix("C104", notes[0].span.line,
                     f"the numbered notes in the order of their numbers ({moved} of {len(notes)} had moved)"))
    return out


def _stub_notes(m: Map, lines: list[str], fixes: list[Fix]) -> list[str]:
    defined = set(m.footnote_table)
    missing: list[tuple[str, int]] = []
    seen: set[str] = set()
    for item in (*m.theses, *m.cases, *m.persons, *m.claims):
        citations = getattr(item, "all_citations", None) or item.citations
        for c in citations:
            if c.label not in defined and c.label not in seen:
                seen.add(c.label)
                missing.append((c.label, c.span.line))
    if not missing:
        return lines
    missing.sort(key=lambda x: (int(x[0]) if x[0].isdigit() else float("inf"), x[0]))
    if m.footnotes:
        last = max(m.footnotes, key=lambda n: n.span.line)
        at = _extent(lines, last.span.line - 1).stop
        indent = lines[last.span.line - 1][:len(lines[last.span.line - 1]) - len(lines[last.span.line - 1].lstrip())]
        added = []
    else:
        at, indent = len(lines), "  "
        added = ["\n", "footnotes\n"] if lines and lines[-1].strip() else ["footnotes\n"]
    for label, line in missing:
        added.append(f"{indent}[^{label}]: {STUB.format(label=label)}\n")
        fixes.append(Fix("C101", line, f"a stub for note [^{label}], cited but not defined (copy its text from the article)"))
    return lines[:at] + added + lines[at:]
