"""What a terminal's match can start with and hold, read from its pattern, against the matches themselves."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from argmap.syntax.parser import _lane
from argmap.syntax.starts import may_hold, may_overlap, starts

ROOT = Path(__file__).resolve().parents[1]


def _samples() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "maps").glob("*.argmap"))]
    rng = random.Random(13)
    alphabet = "ab9_ \t\n\r\f#[]^\\\"'(){}:.,-+>é漢"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    return texts


def _terminals() -> dict[str, str]:
    return {name: t.pattern.to_regexp() for name, t in _lane().terminals.items()}


def test_every_match_starts_where_its_pattern_says():
    terminals = _terminals()
    compiled = {name: re.compile(p) for name, p in terminals.items()}
    for text in _samples():
        for pos in range(len(text)):
            for name, regex in compiled.items():
                m = regex.match(text, pos)
                if m is None or not m.group():
                    continue
                found = starts(terminals[name])
                if found is None:
                    continue
                c = ord(m.group()[0])
                assert c in found[0] if c < 128 else found[1], (name, m.group())
                for ch in "\n#":
                    if ch in m.group():
                        assert may_hold(terminals[name], ch), (name, m.group())


@pytest.mark.parametrize(("a", "b", "overlap"), [
    (r"[ \t]+", r"(?:\r?\n[ \t]*|#[^\n]*)+", False),
    (r"by[ \t]+\w+", r"\([ \t]*\w+[ \t]*\)", False),
    (r"[^\W\d]\w*", r"(supports|rebuts)\b", True),
    (r"(?i:claim)", "C", True),
    (r"x?", "y", True),  # a pattern that can match nothing may start anywhere
    (r"é", r"\w", True),
])
def test_may_overlap(a, b, overlap):
    assert may_overlap(a, b) is overlap


def test_which_terminals_hold_line_breaks():
    terminals = _terminals()
    assert may_hold(terminals["_NL"], "\n") and may_hold(terminals["TEXT"], "\n")
    assert not may_hold(terminals["ID"], "\n") and not may_hold(terminals["OWNER"], "\n")
