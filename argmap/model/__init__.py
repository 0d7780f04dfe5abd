"""The argument map as immutable values.

Every object keeps the span it was written at; spans take no part in
equality, so two maps that say the same thing compare equal however they
were laid out.  Cross-object problems (a dangling reference, a footnote
cited but never defined) are not refused here: they are diagnostics, found
by :mod:`argmap.checks`.

The classes live in small modules (:mod:`~argmap.model.dates`,
:mod:`~argmap.model.refs`, :mod:`~argmap.model.document`,
:mod:`~argmap.model.statements`, :mod:`~argmap.model.map`); import them
from here.
"""

from __future__ import annotations

from argmap.model.dates import PartialDate
from argmap.model.document import Document, Field
from argmap.model.map import Map
from argmap.model.refs import Citation, Comment, Link, Ref
from argmap.model.statements import (
    ATTACK_KINDS,
    BURDENS,
    STANDARD_ALIASES,
    STANDARDS,
    Argument,
    Case,
    Claim,
    Footnote,
    Group,
    Node,
    Person,
    Quote,
    Relation,
    Setting,
    Statement,
    Thesis,
    Use,
    Wording,
)
from argmap.language import FIELD_NAMES, RELATION_KINDS

__all__ = [
    "ATTACK_KINDS", "BURDENS", "FIELD_NAMES", "RELATION_KINDS", "Argument", "Case", "Citation", "Claim", "Comment",
    "Document", "Field", "Footnote", "Group", "Link", "Map", "Node", "PartialDate", "Person", "Quote", "Ref",
    "Relation", "STANDARDS", "STANDARD_ALIASES", "Setting", "Statement", "Thesis", "Use", "Wording",
]
