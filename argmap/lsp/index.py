"""Every name a map writes, and where: the occurrences navigation, rename and hover read.

A name is identified by its :class:`Key`: what it names (a claim, thesis or
argument, a case, a person, a footnote label, a used map), the file of the
map that defines it, and its id.  ``other.x`` in a map that uses ``other``
is keyed by the used map's file, so the same claim has the same key in
every map that names it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import attrs

from argmap.diagnostics import Span
from argmap.model import Citation, Link, Map, Ref

Kind = Literal["node", "case", "person", "group", "footnote", "map"]


@attrs.frozen
class Key:
    """What a name names: its ``kind``, the ``home`` file (or map id) that defines it, and its ``id``."""

    kind: Kind
    home: str
    id: str


@attrs.frozen
class Occurrence:
    """One place a name is written: the name's ``key``, its ``span`` (the id alone) and whether it defines it."""

    key: Key
    span: Span
    length: int
    definition: bool = False

    def covers(self, line: int, column: int) -> bool:
        """Whether 1-based *line*, *column* is on this name (its end included, as a cursor after it is)."""
        return self.span.line == line and self.span.column <= column <= self.span.column + self.length


def home_of(m: Map) -> str:
    """How a map is named as the home of its names: its file's real path, else its id."""
    return _real(m.path) if m.path else m.id


@functools.lru_cache(maxsize=4096)
def _real(path: str) -> str:
    # maps name their files relative to the working folder; the key must not depend on it
    return str(Path(path).resolve())


def _ref_key(m: Map, kind: Kind, ref: Ref) -> tuple[Key, Span]:
    """The key of *ref* written in *m*, and the span of its id part (after ``map.``)."""
    span = ref.span
    if ref.map is None or ref.map == m.id:
        home = home_of(m)
    else:
        used = m.imports.get(ref.map)
        home = home_of(used) if used is not None else _use_home(m, ref.map)
    if ref.map is not None:
        span = Span(span.line, span.column + len(ref.map) + 1)
    return Key(kind, home, ref.id), span


def _use_home(m: Map, alias: str) -> str:
    """The file ``use alias`` names, for a map parsed without loading what it uses; else the alias."""
    for use in m.uses:
        if use.id == alias and m.path:
            return _real(str(Path(m.path).parent / use.filename))
    return alias


def occurrences(m: Map) -> tuple[Occurrence, ...]:
    """Every name *m* writes, definitions and references, in the order written."""
    return tuple(sorted(_walk(m), key=lambda o: (o.span.line, o.span.column)))


def _walk(m: Map) -> Iterator[Occurrence]:
    home = home_of(m)

    def define(kind: Kind, id: str, span: Span) -> Occurrence:
        return Occurrence(Key(kind, home, id), Span(span.line, span.column), len(id), True)

    def refer(kind: Kind, ref: Ref) -> Occurrence:
        key, span = _ref_key(m, kind, ref)
        return Occurrence(key, span, len(ref.id))

    def cite(citation: Citation) -> Occurrence:
        return Occurrence(Key("footnote", home, citation.label),
                          Span(citation.span.line, citation.span.column + 2), len(citation.label))

    for use in m.uses:
        used = m.imports.get(use.id)
        yield Occurrence(Key("map", home_of(used) if used is not None else _use_home(m, use.id), use.id),
                         Span(use.span.line, use.span.column), len(use.id), False)
    for thesis in m.theses:
        yield define("node", thesis.id, thesis.span)
        yield from map(cite, thesis.citations)
    for case in m.cases:
        yield define("case", case.id, case.span)
        yield refer("node", case.thesis)
        yield from map(cite, case.citations)
    for person in m.persons:
        yield define("person", person.id, person.span)
        yield from map(cite, person.citations)
    for group in m.groups:
        yield define("group", group.id, group.span)
        if group.parent is not None:
            yield refer("group", group.parent)
        yield from map(cite, group.citations)
    for claim in m.claims:
        yield define("node", claim.id, claim.span)
        if claim.group is not None and claim.group_span.line:
            yield Occurrence(Key("group", home, claim.group), claim.group_span, len(claim.group))
        if claim.case is not None:
            yield refer("case", claim.case)
        if claim.by is not None:
            yield refer("person", claim.by)
        yield from map(cite, claim.all_citations)
    for argument in m.arguments:
        yield define("node", argument.id, argument.span)
        if argument.case is not None:
            yield refer("case", argument.case)
        if argument.by is not None:
            yield refer("person", argument.by)
        for premise in argument.premises:
            yield refer("node", premise)
        yield refer("node", argument.conclusion)
    for relation in m.relations:
        if not relation.inline:  # an inline relation's source is the claim it is written under
            yield refer("node", relation.source)
        targets = (relation.target.source, relation.target.target) if isinstance(relation.target, Link) \
            else (relation.target,)
        for target in targets:
            yield refer("node", target)
    for note in m.footnotes:
        yield Occurrence(Key("footnote", home, note.label), Span(note.span.line, note.span.column + 2),
                         len(note.label), True)


def at(found: tuple[Occurrence, ...], line: int, column: int) -> Occurrence | None:
    """The occurrence under 1-based *line*, *column*, or None."""
    for o in found:
        if o.span.line == line and o.covers(line, column):
            return o
        if o.span.line > line:
            break
    return None


def maps_of(m: Map) -> list[Map]:
    """*m* and every map it uses, directly or through others, each once."""
    seen: dict[int, Map] = {}
    todo = [m]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen[id(current)] = current
        todo.extend(current.imports.values())
    return list(seen.values())


def definition_in(m: Map, key: Key) -> Occurrence | None:
    """Where *key* is defined, looked for in *m* and the maps it uses (the first definition)."""
    for candidate in maps_of(m):
        if home_of(candidate) != key.home:
            continue
        for o in occurrences(candidate):
            if o.definition and o.key == key:
                return o
    return None
