"""One argument map: its document, statements and footnotes, with look-ups by id."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

import attrs

from argmap.diagnostics import Span
from argmap.model import hooks
from argmap.model._spans import spans_field as _spans
from argmap.model.document import Document
from argmap.model.refs import Comment, Ref
from argmap.model.statements import (
    Argument,
    Case,
    Claim,
    Footnote,
    Group,
    Node,
    Person,
    Relation,
    Statement,
    Thesis,
    Use,
)

@attrs.frozen
class Map:
    """One argument map: its document, statements and footnotes.

    ``imports`` holds the maps named by ``use`` once :func:`argmap.load` has
    resolved them; ``problems`` the diagnostics found while loading (a use
    cycle, a missing file) that did not stop the map from being built.
    """

    document: Document | None = None
    uses: tuple[Use, ...] = ()
    theses: tuple[Thesis, ...] = ()
    cases: tuple[Case, ...] = ()
    persons: tuple[Person, ...] = ()
    groups: tuple[Group, ...] = ()
    claims: tuple[Claim, ...] = ()
    arguments: tuple[Argument, ...] = ()
    relations: tuple[Relation, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    comments: tuple[Comment, ...] = ()
    #: where each ``footnotes`` heading was written
    footnotes_spans: tuple[Span, ...] = _spans()
    path: str | None = attrs.field(default=None, eq=False)
    imports: Mapping[str, Map] = attrs.field(factory=dict, eq=False, repr=False)
    problems: tuple = attrs.field(default=(), eq=False, repr=False)

    @property
    def id(self) -> str:
        """The map's id: the header's, else the file name's stem."""
        if self.document is not None:
            return self.document.id
        if self.path:
            name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
            return name.rsplit(".", 1)[0]
        return "map"

    @property
    def display_path(self) -> str:
        return self.path or "<string>"

    # -- look-ups (built once per map) --------------------------------------

    @functools.cached_property
    def nodes(self) -> Mapping[str, Node]:
        """Claims, theses and arguments by id (the first definition wins)."""
        table: dict[str, Node] = {}
        for group in (self.theses, self.claims, self.arguments):
            for node in group:
                table.setdefault(node.id, node)
        return table

    @functools.cached_property
    def case_table(self) -> Mapping[str, Case]:
        table: dict[str, Case] = {}
        for case in self.cases:
            table.setdefault(case.id, case)
        return table

    @functools.cached_property
    def person_table(self) -> Mapping[str, Person]:
        table: dict[str, Person] = {}
        for person in self.persons:
            table.setdefault(person.id, person)
        return table

    @functools.cached_property
    def group_table(self) -> Mapping[str, Group]:
        table: dict[str, Group] = {}
        for group in self.groups:
            table.setdefault(group.id, group)
        return table

    def members(self, group: str) -> tuple[Claim, ...]:
        """The claims whose ``in`` line names *group* (not those of the groups inside it)."""
        return tuple(c for c in self.claims if c.group == group)

    @functools.cached_property
    def footnote_table(self) -> Mapping[str, Footnote]:
        table: dict[str, Footnote] = {}
        for note in self.footnotes:
            table.setdefault(note.label, note)
        return table

    def claim(self, id: str) -> Claim:
        """The claim called *id*; KeyError if there is none."""
        node = self.nodes.get(id)
        if not isinstance(node, Claim):
            raise KeyError(f"no claim {id!r} in map {self.id}")
        return node

    def footnote(self, label: str | int) -> Footnote:
        """The footnote labelled *label*; KeyError if there is none."""
        return self.footnote_table[str(label)]

    def resolve(self, ref: Ref) -> Node | None:
        """The claim, thesis or argument *ref* names, in this map or one it uses (see :mod:`argmap.resolve`)."""
        return hooks.call("resolve", self).node_named(ref)

    def resolve_case(self, ref: Ref) -> Case | None:
        """The case *ref* names, in this map or one it uses."""
        return hooks.call("resolve", self).case_named(ref)

    def resolve_person(self, ref: Ref) -> Person | None:
        """The person *ref* names, in this map or one it uses."""
        return hooks.call("resolve", self).person_named(ref)

    def source_note(self, label: str | int) -> Footnote | None:
        """The note that *label* stands for, following "Ibid." back to its item.

        For a note that is not "Ibid." this is the note itself; for "Ibid."
        the nearest earlier note that is not; None for an "Ibid." with no
        note before it, or an unknown label.
        """
        return self._ibid_sources.get(str(label))

    @functools.cached_property
    def _ibid_sources(self) -> Mapping[str, Footnote | None]:
        table: dict[str, Footnote | None] = {}
        last: Footnote | None = None
        for note in self.footnotes:
            if note.info.ibid:
                table.setdefault(note.label, last)
            else:
                table.setdefault(note.label, note)
                last = note
        return table

    def statements(self) -> Iterator[Statement]:
        """Every statement, in the order it was written (by its span)."""
        items: list = [*self.uses, *self.theses, *self.cases, *self.persons, *self.groups,
                       *self.claims, *self.arguments,
                       *(r for r in self.relations if not r.inline), *self.footnotes]
        items.sort(key=lambda s: (s.span.line, s.span.column))
        return iter(items)

    # -- the later stages, for Python users (provided through argmap.model.hooks) --

    @functools.cached_property
    def attack_graph(self):
        """The attack graph of this map and the maps it uses, built once and shared by
        the evaluation and the rules that need it (see :mod:`argmap.evaluation`)."""
        return hooks.call("attack_graph", self)

    def evaluate(self, semantics: str = "grounded", **options):
        """Which claims stand once every attack is counted (see :func:`argmap.evaluate`)."""
        return hooks.call("evaluate", self, semantics, **options)

    def _repr_mimebundle_(self, include=None, exclude=None):
        """Show the map as a diagram in Jupyter (see :mod:`argmap.rendering.notebook`)."""
        return hooks.call("mimebundle", self, include=include, exclude=exclude)
