"""The rule registry is the documentation: every rule complete, unique, and true to its examples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap
from argmap.checks.runner import Config
from argmap.checks.rules import SECTIONS, all_rules
from argmap.checks.rules.docs import REGENERATE, markdown_reference

ROOT = Path(__file__).resolve().parent.parent
RULES = all_rules()
CHECKING = [r for r in RULES if r.function is not None]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_documents_all_sections(rule):
    missing = [title for title in SECTIONS if not rule.section(title)]
    assert missing == [], f"{rule.code} {rule.name} lacks docstring sections: {', '.join(missing)}"
    assert rule.summary and not rule.summary.startswith(SECTIONS)


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for r in RULES:
        assert r.code[0].isupper() and r.code[1:].isdigit() and len(r.code) == 4, r.code
        assert r.name == r.name.lower() and " " not in r.name, r.name


def test_structure_rules_are_registered_in_their_group():
    structure = [r.code for r in RULES if "structure" in r.groups]
    assert structure[:12] == [f"S2{n:02d}" for n in range(1, 13)]


def test_docs_rules_md_is_generated_from_the_registry():
    path = ROOT / "docs" / "rules.md"
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    assert current == markdown_reference(), f"docs/rules.md is stale: run `{REGENERATE}`"


def test_rules_markdown_command_prints_the_reference(capsys):
    from argmap.cli import main

    assert main(["rules", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == markdown_reference()


def _example_lock(text: str) -> str | None:
    """The lock file an example shows as comments after a `# quotations.lock ...` line, or None."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("# quotations.lock")), None)
    if start is None:
        return None
    return "".join(line.removeprefix("#   ") + "\n" for line in lines[start + 1:] if line.startswith("#   "))


def _check_example(rule, text: str, tmp_path: Path):
    """Diagnostics of *rule* for an example, among the real maps and the seed articles."""
    for m in (ROOT / "maps").glob("*.argmap"):  # so that `use togo2013` resolves
        shutil.copy(m, tmp_path / m.name)
    path = tmp_path / "example.argmap"
    path.write_text(text + "\n", encoding="utf-8")
    lock = _example_lock(text)
    if lock is not None:  # the anchor rules' examples show the lock beside the map in comments
        (tmp_path / "quotations.lock").write_text(lock, encoding="utf-8")
    try:
        m = argmap.load(path)
    except argmap.ArgmapError as exc:
        pytest.fail(f"{rule.code}'s example does not parse:\n" + "\n".join(d.format() for d in exc.diagnostics))
    seeds = ROOT.parent / "shared" / "seeds"
    source = None
    if not (m.document and m.document.text) and seeds.is_dir():
        # Examples that quote without a `text` field are checked against every article.
        source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    return [d for d in argmap.check(m, config=Config(select=(rule.code,)), text_dirs=[seeds], source_text=source)
            if d.code == rule.code]


@pytest.mark.parametrize("rule", CHECKING, ids=[r.code for r in CHECKING])
def test_fails_example_trips_the_rule(rule, tmp_path):
    found = _check_example(rule, rule.section("Fails"), tmp_path)
    assert found, f"{rule.code}'s Fails example does not trip it:\n{rule.section('Fails')}"


@pytest.mark.parametrize("rule", CHECKING, ids=[r.code for r in CHECKING])
def test_passes_example_is_quiet(rule, tmp_path):
    found = _check_example(rule, rule.section("Passes"), tmp_path)
    assert found == [], "\n".join(d.format() for d in found)
