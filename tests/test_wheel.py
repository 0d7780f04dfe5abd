"""The wheel ships what an installed argmap needs (the grammar, its type information) and nothing else."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_parses(tmp_path, argmap_wheel):
    wheel = argmap_wheel  # pip wheel --no-deps of this checkout, built once a run (see conftest.py)
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert "argmap/grammar/argmap.lark" in names
    assert "argmap/schemes/walton.toml" in names, "the scheme catalogue is data the package reads at run time"
    assert "argmap/py.typed" in names, "type checkers read argmap's hints only from a package marked py.typed"
    assert not [n for n in names if "docsgen" in n or n.startswith(("tools/", "tests/", "docs/"))], \
        "the documentation generator and the repository's folders stay out of the wheel"

    # a fresh environment, the wheel and its dependencies installed into it by this pip (--python):
    # seeding the environment with a pip of its own (ensurepip) took longer than the install
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
                   check=True, capture_output=True)
    (tmp_path / "m.argmap").write_text("thesis t: T\ncase c for t: C\nclaim a (c): A point.\n  supports t\n")
    # run from a folder where the source tree is not importable
    result = subprocess.run(
        [str(python), "-c",
         "import argmap, sys; m = argmap.load('m.argmap'); print(argmap.__file__); print(len(m.claims))"],
        cwd=tmp_path, capture_output=True, text=True, check=True)
    location, claims = result.stdout.split()
    assert str(venv) in location and claims == "1"
    cli = subprocess.run([str(venv / "bin" / "argmap"), "check", "m.argmap"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    explained = subprocess.run([str(venv / "bin" / "argmap"), "explain", "expert_opinion"], cwd=tmp_path,
                               capture_output=True, text=True)
    assert explained.returncode == 0 and "Critical questions" in explained.stdout, explained.stderr
