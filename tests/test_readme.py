"""The README's two commands are the contract: CI runs the second one exactly."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_readme_has_exactly_two_commands():
    found = commands()
    assert len(found) == 2 and all("\n" not in c for c in found)
    check, test = found
    assert "argmap check maps/" in check and "argmap render maps/" in check
    assert "pytest" in test


def test_ci_runs_the_readme_test_command_exactly():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = commands()[1]
    assert test_command in ci.splitlines()
