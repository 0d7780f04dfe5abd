"""Pausing the cycle collector around work that makes millions of objects and no cycles."""

from __future__ import annotations

import contextlib
import gc


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
