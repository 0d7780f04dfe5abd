"""Positional constructors for the model's frozen classes, for the parser's inner loop.

attrs' ``__init__`` of a frozen slotted class sets each field through a
looked-up ``object.__setattr__``; a parser making a value per name of a big
map spends a third of its time there.  :func:`maker` writes, once per
class, a function that allocates the instance and fills each slot through
the slot's own descriptor: the same object, made about twice as fast.  It
is only written for classes whose ``__init__`` does nothing else (no
validator, converter, factory default or post-init hook); for any other
class it is the class itself.
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


def maker(cls: type[T]) -> Callable[..., T]:
    """``make(field1, field2, ...)``: an instance of *cls*, every field given, in the class's order.

    Equal (and identical in every field) to ``cls(field1, field2, ...)``.
    """
    if not _plain(cls):
        return cls
    names = [f.name for f in attrs.fields(cls)]
    env: dict[str, Any] = {"NEW": object.__new__, "CLS": cls}
    lines = [f"def make({', '.join(names)}):", "    o = NEW(CLS)"]
    for i, name in enumerate(names):
        env[f"S{i}"] = cls.__dict__[name].__set__
        lines.append(f"    S{i}(o, {name})")
    lines.append("    return o")
    exec(compile("\n".join(lines) + "\n", f"<argmap fast {cls.__name__}>", "exec"), env)  # noqa: S102 - our own code
    return env["make"]
