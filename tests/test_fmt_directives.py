"""argmap fmt never changes what argmap check reports: a directive stays on the statement it covers.

A directive comment (``# argmap: ignore[...]``) acknowledges the findings of
the statement it trails, or of the next one.  Formatting moves lines (joins
continuations, drops empty headings, re-indents): the test puts directives at
random places in real maps and in small maps full of findings, and compares
the check before and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.checks.runner import check_map

MAPS = Path(__file__).resolve().parent.parent / "maps"
DIRECTIVE = "# argmap: ignore[S201, S208, C101, C102, C104, C107] reason: under review"

SMALL = """\
thesis t: The thesis. [^9]
claim a (c): A claim \\
    that runs on. [^1]
  supports nowhere
claim lone (c): Related to nothing.
  quote "a quotation without a note"
case c for t: The case.
footnotes
  [^2]: Kyodo, 2016.
  [^1]: TASS, 2016.
"""


def _report(text: str):
    found = check_map(argmap.loads(text, "m.argmap"), map_text=text)
    return (sorted((d.code, d.message) for d in found.diagnostics),
            sorted((a.diagnostic.code, a.diagnostic.message, a.reason) for a in found.acknowledged))


def _with_directives(text: str, places: list[tuple[int, bool]]) -> str:
    lines = text.split("\n")
    for index, trailing in sorted(places, reverse=True):
        i = index % max(len(lines) - 1, 1)
        if trailing and lines[i].strip() and not lines[i].rstrip().endswith("\\"):
            lines[i] = lines[i] + "  " + DIRECTIVE
        else:
            lines.insert(i, lines[i][:len(lines[i]) - len(lines[i].lstrip())] + DIRECTIVE)
    return "\n".join(lines)


PLACES = st.lists(st.tuples(st.integers(0, 10_000), st.booleans()), min_size=1, max_size=4)


@given(places=PLACES)
def test_fmt_keeps_what_a_small_map_acknowledges(places):
    text = _with_directives(SMALL, places)
    try:
        formatted = argmap.format_text(text)
    except argmap.ArgmapError:
        return  # a directive put where it breaks a statement: fmt refuses, and writes nothing
    assert _report(formatted) == _report(text)


@pytest.mark.slow
@given(name=st.sampled_from(sorted(p.name for p in MAPS.glob("*.argmap"))), places=PLACES)
def test_fmt_keeps_what_a_seed_map_acknowledges(name, places):
    text = _with_directives((MAPS / name).read_text(encoding="utf-8"), places)
    try:
        formatted = argmap.format_text(text)
    except argmap.ArgmapError:
        return
    assert _report(formatted) == _report(text)


def test_an_empty_footnotes_heading_with_a_directive_is_kept():
    # dropped, its comment would trail the relation above and acknowledge its error
    text = "thesis t: T.\nclaim a: A.\n  supports nowhere\nfootnotes  # argmap: ignore[S201] reason: x\n"
    formatted = argmap.format_text(text)
    assert "footnotes  # argmap: ignore[S201] reason: x" in formatted.splitlines()
    assert _report(formatted) == _report(text) and _report(text)[0]  # the error is still reported
