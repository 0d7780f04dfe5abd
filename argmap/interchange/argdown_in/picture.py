"""The intermediate picture of an Argdown file: statements, arguments, relations between members, headings.

:class:`~argmap.interchange.argdown_in.reader.Reader` fills it in from the
text; :class:`~argmap.interchange.argdown_in.mapper.Mapper` maps it onto the
argmap model.
"""

from __future__ import annotations

import attrs


@attrs.define
class Member:
    """A statement, argument or inference named in a relation: its kind, title and (inference) step."""

    kind: str  # "s" statement, "a" argument, "i" inference of an argument
    title: str
    step: int | None = None


@attrs.define
class StatementClass:
    """An Argdown equivalence class: every text given for one statement title, its tags and data."""

    title: str
    line: int
    column: int
    texts: list = attrs.field(factory=list)  # (text, line, column)
    tags: list = attrs.field(factory=list)
    data: dict = attrs.field(factory=dict)
    section: tuple = ()
    anonymous: bool = False


@attrs.define
class ArgumentEntry:
    """An Argdown argument: its descriptions, tags, data and premise-conclusion structure, if any."""

    title: str
    line: int
    column: int
    descriptions: list = attrs.field(factory=list)
    tags: list = attrs.field(factory=list)
    data: dict = attrs.field(factory=dict)
    steps: list | None = None  # [(premises, conclusion, line, column)]
    section: tuple = ()
    schemes: dict = attrs.field(factory=dict)  # step number -> the scheme its inference rule names


@attrs.define
class Heading:
    """A heading: its title, level and position, with its tags and data."""

    title: str
    level: int
    line: int
    column: int
    tags: list
    data: dict
