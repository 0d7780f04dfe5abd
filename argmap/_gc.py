"""Pausing the cycle collector around work that makes millions of objects and no cycles, and not freeing
them one by one when the process is about to end anyway."""

from __future__ import annotations

import contextlib
import gc
import os
import sys


@contextlib.contextmanager
def no_gc():
    """Pause the cycle collector: parsing makes millions of objects and no cycles,
    and collections triggered by the allocations alone make big maps parse in
    more than linear time.

    On the way out the young objects (those made meanwhile, and the few made
    just before) go straight to the oldest generation (``gc.freeze()`` then
    ``gc.unfreeze()``: two list splices), where only the rare full collection
    looks at them.  Left in the youngest
    generation, the first allocation after the pause would walk all of them,
    and the next collection of the middle generation again: about 1.2 s after
    parsing and checking a 100,000-claim map, a third of the whole run.
    Nothing is kept from the collector: a cycle among them is still found by
    the next full collection.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


_left: list | None = None  # what a program leaves to its end (see leave_to_exit); None: not a program


def leave_to_exit(value) -> None:
    """Keep *value* (a run's maps) until the process ends, if it ends by :func:`exit_program`.

    The last value handed over is kept, in place of the one before (``check
    --watch`` checks again and again: each run's maps are freed when the
    next run's are handed over).

    Freeing a big map takes a while: a 100,000-claim map is millions of
    objects, and giving them back one by one costs about 0.25 s, a twentieth
    of checking it.  A program that is about to exit need not: the
    operating system takes the whole memory back at once.  Only the
    ``argmap`` program (:func:`exit_program` is its last step) keeps values;
    called from Python (the API, the tests) this does nothing and *value* is
    freed as usual.
    """
    if _left is not None:
        _left[:] = [value]


def program_starts() -> None:
    """The ``argmap`` program is running: values handed to :func:`leave_to_exit` are kept."""
    global _left
    _left = []


def exit_program(code: int) -> None:
    """End the program with exit status *code*.

    With values left to the end (:func:`leave_to_exit`) the output is
    flushed and the process ends at once (``os._exit``), without freeing
    them; otherwise it exits as usual (``SystemExit``).
    """
    if not _left:
        raise SystemExit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, or a closed stream: nothing more can be said
            pass
    os._exit(code)
