"""What several tests make once a run and share, across xdist's workers: a folder for it, and a lock.

Under xdist each worker has its own temporary folder; their parent is the run's, so a file made
there by one worker is there for the others (the pattern pytest-xdist documents).  Whoever holds
the lock of a thing makes it if it is not there yet; the others wait, then read it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path


def run_folder(tmp_path_factory, name: str) -> Path:
    """A folder of this test run that every worker sees."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / name
    folder.mkdir(exist_ok=True)
    return folder


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock of *path* (a file beside it): one worker at a time makes or reads it."""
    with open(path.parent / f"{path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
