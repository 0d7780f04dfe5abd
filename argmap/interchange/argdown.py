"""Argdown in and out: :func:`read_argdown` (argdown_in) and :func:`write_argdown` (argdown_out)."""

from argmap.interchange.argdown_in import read_argdown
from argmap.interchange.argdown_out import escape, write_argdown

__all__ = ["escape", "read_argdown", "write_argdown"]
