"""Where the later stages plug into the model, so that the model imports none of them.

A :class:`~argmap.model.Map` offers a few conveniences that belong to later
stages: ``m.resolve(ref)`` and its kin, ``m.evaluate()``, ``m.attack_graph`` and
its display as a diagram in Jupyter.  The model does not import those stages; the package that knows them
all (:mod:`argmap`, imported before any of its submodules) provides each one
here by name.  This is the arrangement of the graphviz package's Jupyter
integration: the code lives on the renderer's side, the value only asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_PROVIDED: dict[str, Callable[..., Any]] = {}


def provide(name: str, function: Callable[..., Any]) -> None:
    """Make *function* what the model calls for *name* (``"resolve"``, ``"evaluate"``, ``"attack_graph"``, ``"mimebundle"``)."""
    _PROVIDED[name] = function


def call(name: str, *args: Any, **kwargs: Any) -> Any:
    """Call what a later stage provided for *name*; LookupError when nothing did."""
    try:
        function = _PROVIDED[name]
    except KeyError:
        raise LookupError(f"no stage provides {name!r}: import argmap to load the pipeline") from None
    return function(*args, **kwargs)
