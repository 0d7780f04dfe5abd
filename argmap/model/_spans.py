"""The span field every model object carries: left out of equality and repr."""

from __future__ import annotations

import attrs

from argmap.diagnostics import NOWHERE, Span


def span_field() -> Span:
    """A span that takes no part in equality: two maps that say the same thing compare equal."""
    return attrs.field(default=NOWHERE, eq=False, repr=False)


def spans_field() -> tuple[Span, ...]:
    """Positions of lines the model folds into one value (a claim's ``tags`` lines, say)."""
    return attrs.field(default=(), eq=False, repr=False)
