"""Names that point at things, footnote citations and comments."""

from __future__ import annotations

import attrs

from argmap.diagnostics import Span
from argmap.model._spans import span_field as _span

@attrs.frozen
class Ref:
    """A name that points at something: ``claim`` or ``othermap.claim``."""

    id: str
    map: str | None = None
    span: Span = _span()

    def __str__(self) -> str:
        return f"{self.map}.{self.id}" if self.map else self.id

    @classmethod
    def parse(cls, text: str) -> Ref:
        """``"a"`` -> Ref("a"), ``"m.a"`` -> Ref("a", map="m")."""
        head, dot, tail = text.partition(".")
        return cls(tail, head) if dot else cls(head)


@attrs.frozen
class Link:
    """The link from a reason to what it supports: the target of an undercut."""

    source: Ref
    target: Ref
    span: Span = _span()

    def __str__(self) -> str:
        return f"{self.source} -> {self.target}"


@attrs.frozen
class Citation:
    """A footnote citation such as ``[^11]``."""

    label: str
    span: Span = _span()

    def __str__(self) -> str:
        return f"[^{self.label}]"


@attrs.frozen
class Comment:
    """A comment; kept so that formatting never loses one.

    ``trailing`` says it followed a statement on the same line rather than
    standing on a line of its own.
    """

    text: str
    span: Span = _span()
    trailing: bool = attrs.field(default=False, eq=False)
