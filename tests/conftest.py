"""Shared test set-up: hypothesis profiles and paths to the real-world fixtures.

CI (``CI=true``) runs the derandomized ``ci`` profile so that a red build is
always reproducible; locally the ``dev`` profile searches wider, and
``HYPOTHESIS_PROFILE=fuzz`` wider still.
"""

from __future__ import annotations

import compileall
import gc
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
SEEDS = ROOT.parent / "shared" / "seeds"

settings.register_profile("ci", derandomize=True, max_examples=60, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


def pytest_configure(config):
    """Byte-compile the package once, before any worker starts, as installing it would have.

    Many tests run ``argmap`` as a subprocess; with ``PYTHONDONTWRITEBYTECODE`` set (or a fresh
    checkout) each of them would otherwise compile the whole package again, about 0.15 s apiece.
    Only the controller compiles (xdist's workers start after it); stale files are recompiled by
    their timestamps, as Python itself checks them.
    """
    if not hasattr(config, "workerinput"):
        compileall.compile_dir(ROOT / "argmap", quiet=2)  # a read-only checkout: silently as before


def pytest_collection_modifyitems(items):
    """The modules with a test marked slow first, each kept whole (its fixtures are made once).

    xdist's workers take the tests in this order, and a worker with nothing left takes over the end
    of the other's queue; a test of some seconds met last keeps one worker busy while the other
    waits.  So the slow modules of fewest tests, mostly their slow tests, come first, and those of
    many quick tests besides close the slow part.
    """
    size = Counter(item.path for item in items)
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    rest = len(items)
    items.sort(key=lambda item: size[item.path] if item.path in slow else rest)  # stable


@pytest.hookimpl(wrapper=True)
def pytest_collection(session):
    """Let pytest keep the test modules it rewrites for their asserts, as it does unless told not to.

    Each worker rewrites every test module when it collects them, some seconds of the start of a
    run; pytest caches the result in ``tests/__pycache__`` but, like Python, not when
    ``PYTHONDONTWRITEBYTECODE`` is set.  A cached module is used only while its source is unchanged.
    """
    dont_write, sys.dont_write_bytecode = sys.dont_write_bytecode, False
    try:
        return (yield)
    finally:
        sys.dont_write_bytecode = dont_write


def pytest_collection_finish(session):
    """Set aside, for the cycle collector, everything that exists once the tests are collected.

    The modules, the test functions and their parameters live for the whole run; left in the
    collector's oldest generation, every full collection a test triggers walks them all again
    (a test that builds a 100,000-claim map in Python triggers several).  ``gc.freeze()`` moves
    them to a generation that is never collected; what the tests make afterwards is collected as
    usual.
    """
    gc.collect()
    gc.freeze()


@pytest.fixture
def seeds() -> Path:
    """The folder of the articles' texts (beside the repository, as in CI)."""
    assert SEEDS.is_dir(), f"the article texts are expected in {SEEDS}"
    return SEEDS


@pytest.fixture(scope="session")
def seed_drawings(tmp_path_factory):
    """The seed maps' default diagrams (embedded renderer) as SVG and HTML page, drawn once a run."""
    from tests._drawings import SeedDrawings
    from tests._shared import run_folder

    return SeedDrawings(run_folder(tmp_path_factory, "seed-drawings"))


@pytest.fixture(scope="session")
def argmap_wheel(tmp_path_factory) -> Path:
    """The wheel of this checkout (``pip wheel --no-deps``, build isolation and all), built once a run."""
    from tests._shared import locked, run_folder

    dist = run_folder(tmp_path_factory, "wheel")
    with locked(dist):
        if not list(dist.glob("argmap-*.whl")):
            subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                           check=True, capture_output=True)
        (wheel,) = dist.glob("argmap-*.whl")
    return wheel
