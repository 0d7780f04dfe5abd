"""The ``argmap`` program ends without freeing the maps it read, and loses no output doing so."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref

from argmap import _gc

MAP = """thesis t: A thesis.
case pro for t: For.
claim a (pro): A claim.
  supports t
claim b (x): A claim of a case nobody defined.
  supports t
"""


def test_the_program_prints_its_whole_report_and_its_exit_status(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_text(MAP, encoding="utf-8")
    # many maps, so that the report is longer than a pipe's buffer and is written in pieces
    for i in range(60):
        (tmp_path / f"m{i}.argmap").write_text(MAP, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "argmap", "check", str(tmp_path)], capture_output=True, text=True, check=False)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert sum("S201" in line for line in lines) == 61  # one error a map, none lost at the exit
    assert lines[-1] == "61 maps checked: 61 errors, 0 warnings, 0 notes"


def test_the_program_writes_its_output_file_whole(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_text(MAP, encoding="utf-8")
    out = tmp_path / "report.json"
    run = subprocess.run([sys.executable, "-m", "argmap", "check", str(path), "--format", "json", "-o", str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    assert '"S201"' in out.read_text(encoding="utf-8")


class _Maps:
    """Stands for a run's maps (a dict cannot be weakly referenced)."""


def test_from_python_a_run_s_maps_are_freed_as_usual():
    run = _Maps()
    gone = weakref.ref(run)
    _gc.leave_to_exit(run)
    del run
    gc.collect()
    assert gone() is None  # the API and the tests keep nothing


def test_the_program_keeps_only_the_last_run_s_maps(monkeypatch):
    monkeypatch.setattr(_gc, "_left", None)
    _gc.program_starts()
    first, second = _Maps(), _Maps()
    first_gone = weakref.ref(first)
    _gc.leave_to_exit(first)
    _gc.leave_to_exit(second)
    del first
    gc.collect()
    assert first_gone() is None  # check --watch: each run frees the one before
    assert _gc._left == [second]
