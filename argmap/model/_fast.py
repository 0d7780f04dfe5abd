"""Positional constructors for the model's frozen classes, for the parser's inner loop.

attrs' ``__init__`` of a frozen slotted class sets each field through a
looked-up ``object.__setattr__``; a parser making a value per name of a big
map spends a third of its time there.  :func:`maker` writes, once per
class, a function that makes the same object far more cheaply: it allocates
an instance of a *filler*, a subclass of the class that adds no slot and
takes back ``object``'s own ``__setattr__``/``__delattr__``, so that each
field is a plain slot store (which the interpreter does inline), and then
sets the instance's class to the class itself, frozen again.  The object is
the class's, field for field; only its making differs.  It is only written
for classes whose ``__init__`` does nothing else (no validator, converter,
factory default or post-init hook); for any other class it is the class
itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

T = TypeVar("T")


def _plain(cls: type) -> bool:
    """Whether attrs' ``__init__`` of *cls* only stores its arguments, one slot per field."""
    if not attrs.has(cls) or "__slots__" not in cls.__dict__ or hasattr(cls, "__attrs_post_init__") \
            or hasattr(cls, "__attrs_pre_init__"):
        return False
    for f in attrs.fields(cls):
        if f.validator is not None or f.converter is not None or not f.init or f.alias != f.name \
                or isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            return False
        if type(cls.__dict__.get(f.name)).__name__ != "member_descriptor":
            return False
    # (a cached property's slot is filled on first use, by attrs' __getattr__, as after attrs' __init__)
    return True


def _filler(cls: type) -> type | None:
    """The subclass of *cls* whose instances take plain slot stores, or None if its instances cannot become *cls*'s."""
    filler = type(cls.__name__, (cls,), {"__slots__": (), "__module__": cls.__module__,
                                         "__setattr__": object.__setattr__, "__delattr__": object.__delattr__})
    try:
        object.__new__(filler).__class__ = cls  # the same layout: the class of an instance may change
    except TypeError:
        return None
    return filler


def maker(cls: type[T]) -> Callable[..., T]:
    """``make(field1, field2, ...)``: an instance of *cls*, every field given, in the class's order.

    Equal (and identical in every field) to ``cls(field1, field2, ...)``.
    """
    if not _plain(cls):
        return cls
    names = [f.name for f in attrs.fields(cls)]
    env: dict[str, Any] = {"NEW": object.__new__, "CLS": cls}
    lines = [f"def make({', '.join(names)}):"]
    filler = _filler(cls)
    if filler is not None:
        env["FILLER"] = filler
        lines += ["    o = NEW(FILLER)", *(f"    o.{name} = {name}" for name in names), "    o.__class__ = CLS"]
    else:  # each slot filled through its descriptor
        lines.append("    o = NEW(CLS)")
        for i, name in enumerate(names):
            env[f"S{i}"] = cls.__dict__[name].__set__
            lines.append(f"    S{i}(o, {name})")
    lines.append("    return o")
    exec(compile("\n".join(lines) + "\n", f"<argmap fast {cls.__name__}>", "exec"), env)  # noqa: S102 - our own code
    return env["make"]
