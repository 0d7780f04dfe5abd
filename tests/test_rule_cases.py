"""Every rule trips on its fail case and stays quiet on its pass case (tests/rules/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.checks.rules import all_rules

CASES = Path(__file__).parent / "rules"
FOLDERS = sorted(p for p in CASES.iterdir() if p.is_dir())
EXPECT = re.compile(r"#\s*expect:\s*(\d+)")


def _diagnostics(path: Path, code: str):
    m = argmap.load(path)
    return [d for d in argmap.check(m, text_dirs=[path.parent]) if d.code == code]


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_fail_case_trips_the_rule_on_the_expected_lines(folder):
    fail = folder / "fail.argmap"
    expected = sorted(int(n) for n in EXPECT.findall(fail.read_text(encoding="utf-8")))
    assert expected, f"{fail} has no `# expect: LINE` comment"
    found = sorted(d.line for d in _diagnostics(fail, folder.name))
    assert found == expected


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_pass_case_is_quiet(folder):
    found = _diagnostics(folder / "pass.argmap", folder.name)
    assert found == [], "\n".join(d.format() for d in found)


def test_every_checking_rule_has_cases():
    have = {f.name for f in FOLDERS}
    missing = [r.code for r in all_rules() if r.function is not None and r.code not in have]
    assert missing == []
