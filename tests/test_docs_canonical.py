"""Every map a reader sees is in canonical form: what `argmap fmt` would write.

A reader copies the maps of the README and the documentation, and runs
`argmap fmt --check` on their own: what they copied must not be "wrong".
The README's "A map" snippet must also check clean on its own, saved as a
file, and the tutorial's commands must print what the page shows.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```argmap\n(.*?)^```", re.M | re.S)
PAGES = sorted([*(ROOT / "docs").glob("*.md"), ROOT / "README.md"])

# Blocks, on pages this test does not own, that are not canonical yet, by (page, first line):
# each fails strictly, so that fixing one tells whoever fixes it to take it off this list.
NOT_YET_CANONICAL: set[tuple[str, str]] = set()


def blocks():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(ROOT).as_posix()
        for m in BLOCK.finditer(text):
            source = m.group(1)
            line = text.count("\n", 0, m.start()) + 2
            try:
                argmap.parse(source, "example.argmap")
            except argmap.ArgmapError:
                continue  # an example of a syntax error (the rules page has them); test_docs_examples covers the rest
            first = source.splitlines()[0] if source else ""
            marks = [pytest.mark.xfail(strict=True, reason="not canonical yet: fix the block, then take it off this list")] if (
                name, first) in NOT_YET_CANONICAL else []
            yield pytest.param(source, id=f"{name}:{line}", marks=marks)


@pytest.mark.parametrize("source", list(blocks()))
def test_every_argmap_block_is_canonical(source):
    assert argmap.format_text(source) == source


MAP_FILES = sorted([*(ROOT / "maps").glob("*.argmap"), *(ROOT / "docs").rglob("*.argmap")])


@pytest.mark.parametrize("path", MAP_FILES, ids=[p.relative_to(ROOT).as_posix() for p in MAP_FILES])
def test_every_map_file_is_canonical(path):
    text = path.read_text(encoding="utf-8")
    assert argmap.format_text(text, str(path)) == text, f"run `argmap fmt {path.relative_to(ROOT)}`"


def _readme_map() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A map", 1)[1].split("\n## ", 1)[0]
    return BLOCK.search(section).group(1)


def test_the_readme_map_checks_clean_on_its_own(tmp_path, seeds, capsys):
    (tmp_path / "brown.argmap").write_text(_readme_map(), encoding="utf-8")
    code = main(["check", str(tmp_path / "brown.argmap"), "--text-dir", str(seeds), "--no-config"])
    out = capsys.readouterr().out
    assert code == 0 and out == "1 map checked: 0 errors, 0 warnings, 0 notes\n", out


def _shown_outputs(page: str) -> list[tuple[str, str]]:
    """Each ```sh command of a page that is followed by a ```text block: (command, output)."""
    text = (ROOT / page).read_text(encoding="utf-8")
    return re.findall(r"```sh\n(argmap [^\n]*)\n```\n\n```text\n(.*?)```", text, re.S)


def test_the_tutorial_builds_one_file_and_its_checks_print_what_the_page_shows(tmp_path, seeds, monkeypatch,
                                                                                 capsys):
    page = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    # every fragment of the page is part of the file as it stands after one of the steps
    steps = [(ROOT / "docs" / "tutorial" / f"step{n}.argmap").read_text(encoding="utf-8") for n in range(1, 6)]
    for fragment in BLOCK.findall(page):
        assert any(fragment in step for step in steps), fragment.splitlines()[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shared").mkdir()
    shown = _shown_outputs("docs/tutorial.md")
    checks = [(c, out) for c, out in shown if c.startswith("argmap check tutorial.argmap")]
    assert len(checks) == 3  # steps 1 and 5 (twice)
    for step, (command, expected) in zip((1, 4, 5), checks):
        shutil.copy(ROOT / "docs" / "tutorial" / f"step{step}.argmap", tmp_path / "tutorial.argmap")
        args = command.split()[1:]
        args[args.index("../shared/seeds")] = str(seeds)
        main([*args, "--no-config"])
        assert capsys.readouterr().out == expected, f"step {step}: {command}"
