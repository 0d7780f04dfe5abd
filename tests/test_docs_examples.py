"""Every ```argmap example in the docs parses: the docs and the grammar stay in step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"^```argmap\n(.*?)^```", re.M | re.S)


def examples():
    for page in sorted(DOCS.rglob("*.md")):
        if page.name == "rules.md":  # generated; its failing examples are meant to fail (test_rules_registry)
            continue
        text = page.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            line = text.count("\n", 0, m.start()) + 2
            yield pytest.param(m.group(1), id=f"{page.relative_to(DOCS)}:{line}")


@pytest.mark.parametrize("source", list(examples()))
def test_example_parses(source):
    argmap.parse(source, "example.argmap")


def test_the_language_page_shows_every_statement():
    text = (DOCS / "language.md").read_text(encoding="utf-8")
    blocks = "\n".join(BLOCK.findall(text))
    for keyword in ("map ", "thesis ", "case ", "person ", "org ", "claim ", "quote ", "tags ", "concession",
                    "supports ", "rebuts ", "undercuts ", "contradicts ", "argument ", "use ", "footnotes",
                    "Ibid.", "#", " \\\n"):
        assert keyword in blocks, f"docs/language.md shows no example of {keyword!r}"
