"""The canonical text of a map: the writer behind `argmap fmt` and :func:`argmap.dumps`."""

from argmap.formatting.writer import CannotFormat, UnsafeFormat, dump, dumps, format_text, normalize

__all__ = ["CannotFormat", "UnsafeFormat", "dump", "dumps", "format_text", "normalize"]
