"""The argument map as immutable values.

Every object keeps the span it was written at; spans take no part in
equality, so two maps that say the same thing compare equal however they
were laid out.  Cross-object problems (a dangling reference, a footnote
cited but never defined) are not refused here: they are diagnostics, found
by :mod:`argmap.checks`.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator, Mapping
from typing import Literal, Union

import attrs

from argmap.diagnostics import NOWHERE, Span

RELATION_KINDS = ("supports", "rebuts", "undercuts", "contradicts")
ATTACK_KINDS = frozenset({"rebuts", "undercuts", "contradicts"})
FIELD_NAMES = ("author", "published", "publisher", "url", "text", "venue")


def _span() -> Span:
    return attrs.field(default=NOWHERE, eq=False, repr=False)


# ---------------------------------------------------------------- dates ----

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@attrs.frozen(order=False)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError otherwise."""
        m = _DATE.match(text.strip())
        if not m:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in m.groups())
        return cls.of(year, month, day)

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        """A checked date: ValueError for a month or day that does not exist."""
        datetime.date(year, month or 1, day or 1)  # raises on 2016-02-30
        return cls(year, month, day)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return "day" if self.day else "month" if self.month else "year"

    def _key(self) -> tuple[int, ...]:
        return tuple(p for p in (self.year, self.month, self.day) if p is not None)

    def is_after(self, other: PartialDate) -> bool:
        """True when this date is surely later than *other*, at the precision both have."""
        a, b = self._key(), other._key()
        n = min(len(a), len(b))
        return a[:n] > b[:n]

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


# ---------------------------------------------------------- references ----


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


# ------------------------------------------------------------- document ----


@attrs.frozen
class Field:
    """One line of the map's document header, such as ``published 2017-02``."""

    name: str
    value: str
    span: Span = _span()


@attrs.frozen
class Document:
    """The article a map takes apart: its id, title and bibliographic fields."""

    id: str
    title: str | None = None
    fields: tuple[Field, ...] = ()
    span: Span = _span()

    def _values(self, name: str) -> tuple[str, ...]:
        return tuple(f.value for f in self.fields if f.name == name)

    def _value(self, name: str) -> str | None:
        values = self._values(name)
        return values[0] if values else None

    @property
    def authors(self) -> tuple[str, ...]:
        return self._values("author")

    @property
    def published(self) -> str | None:
        """The publication date as written."""
        return self._value("published")

    @property
    def published_date(self) -> PartialDate | None:
        """The publication date, or None when missing or malformed."""
        try:
            return PartialDate.parse(self.published) if self.published else None
        except ValueError:
            return None

    @property
    def publisher(self) -> str | None:
        return self._value("publisher")

    @property
    def venue(self) -> str | None:
        return self._value("venue")

    @property
    def url(self) -> str | None:
        return self._value("url")

    @property
    def text(self) -> str | None:
        """The file name of the source text that quotations are checked against."""
        return self._value("text")


# ------------------------------------------------------------ statements ----


@attrs.frozen
class Use:
    """``use other``: the claims of another map, read as ``other.<id>``."""

    id: str
    path: str | None = None
    span: Span = _span()

    @property
    def filename(self) -> str:
        """The file this use reads, relative to the using map."""
        return self.path if self.path is not None else f"{self.id}.argmap"


@attrs.frozen
class Thesis:
    """A proposition a debate is about; cases argue for or against it."""

    id: str
    text: str
    citations: tuple[Citation, ...] = ()
    span: Span = _span()


@attrs.frozen
class Case:
    """One side of a debate: the claims that argue for or against a thesis."""

    id: str
    stance: Literal["for", "against"]
    thesis: Ref
    text: str
    citations: tuple[Citation, ...] = ()
    span: Span = _span()


@attrs.frozen
class Person:
    """A person or an organisation that claims can be attributed to."""

    id: str
    name: str
    kind: Literal["person", "org"] = "person"
    citations: tuple[Citation, ...] = ()
    span: Span = _span()


@attrs.frozen
class Quote:
    """Words quoted verbatim, with the footnotes that source them."""

    text: str
    citations: tuple[Citation, ...] = ()
    span: Span = _span()


@attrs.frozen
class Claim:
    """A claim in the map-maker's own words, with who asserts it and why."""

    id: str
    text: str = ""
    case: Ref | None = None
    by: Ref | None = None
    citations: tuple[Citation, ...] = ()
    quotes: tuple[Quote, ...] = ()
    tags: tuple[str, ...] = ()
    concession: bool = False
    span: Span = _span()

    @property
    def all_citations(self) -> tuple[Citation, ...]:
        """The claim's citations and those of its quotations."""
        return self.citations + tuple(c for q in self.quotes for c in q.citations)


@attrs.frozen
class Argument:
    """Premises that support a conclusion only together (linked premises)."""

    id: str
    premises: tuple[Ref, ...]
    conclusion: Ref
    case: Ref | None = None
    by: Ref | None = None
    span: Span = _span()


@attrs.frozen
class Relation:
    """``source supports|rebuts|undercuts|contradicts target``.

    ``inline`` says the relation was written on a line under its source claim
    rather than as a statement of its own; the formatter keeps it there.
    """

    kind: Literal["supports", "rebuts", "undercuts", "contradicts"]
    source: Ref
    target: Union[Ref, Link]
    inline: bool = False
    span: Span = _span()

    @property
    def is_attack(self) -> bool:
        return self.kind in ATTACK_KINDS


@attrs.frozen
class Footnote:
    """A footnote as the article numbers and words it."""

    label: str
    text: str
    span: Span = _span()

    @functools.cached_property
    def info(self):
        """What can be read out of the note: date, url, publisher, ibid."""
        from argmap.model.notes import read_note

        return read_note(self.text)

    @property
    def number(self) -> int | None:
        """The label as a number, or None for marks such as ``*1``."""
        return int(self.label) if self.label.isdigit() else None


Node = Union[Claim, Thesis, Argument]
Statement = Union[Use, Thesis, Case, Person, Claim, Argument, Relation, Footnote]


# ------------------------------------------------------------------- map ----


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
    claims: tuple[Claim, ...] = ()
    arguments: tuple[Argument, ...] = ()
    relations: tuple[Relation, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    comments: tuple[Comment, ...] = ()
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
        """The claim, thesis or argument *ref* names, in this map or an import."""
        if ref.map is None or ref.map == self.id:
            return self.nodes.get(ref.id)
        other = self.imports.get(ref.map)
        return other.nodes.get(ref.id) if other is not None else None

    def resolve_case(self, ref: Ref) -> Case | None:
        if ref.map is None or ref.map == self.id:
            return self.case_table.get(ref.id)
        other = self.imports.get(ref.map)
        return other.case_table.get(ref.id) if other is not None else None

    def resolve_person(self, ref: Ref) -> Person | None:
        if ref.map is None or ref.map == self.id:
            return self.person_table.get(ref.id)
        other = self.imports.get(ref.map)
        return other.person_table.get(ref.id) if other is not None else None

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
        items: list = [*self.uses, *self.theses, *self.cases, *self.persons,
                       *self.claims, *self.arguments,
                       *(r for r in self.relations if not r.inline), *self.footnotes]
        items.sort(key=lambda s: (s.span.line, s.span.column))
        return iter(items)

    def relations_from(self, id: str) -> tuple[Relation, ...]:
        """The relations written from the node *id* of this map."""
        return self._relations_by_source.get(id, ())

    @functools.cached_property
    def _relations_by_source(self) -> Mapping[str, tuple[Relation, ...]]:
        table: dict[str, list[Relation]] = {}
        for r in self.relations:
            if r.source.map in (None, self.id):
                table.setdefault(r.source.id, []).append(r)
        return {k: tuple(v) for k, v in table.items()}

    # -- the later stages, for Python users (each imports its module lazily) --

    @functools.cached_property
    def attack_graph(self):
        """The attack graph of this map and the maps it uses, built once and shared by
        the evaluation and the rules that need it (see :func:`argmap.evaluation.core.attack_graph`)."""
        from argmap.evaluation.core import attack_graph

        return attack_graph(self)

    def evaluate(self, semantics: str = "grounded", **options):
        """Which claims stand once every attack is counted (see :mod:`argmap.evaluation.core`)."""
        from argmap.evaluation.core import evaluate

        return evaluate(self, semantics, **options)

    def _repr_mimebundle_(self, include=None, exclude=None):
        """Show the map as a diagram in Jupyter (see :mod:`argmap.rendering`)."""
        from argmap.rendering import mimebundle

        return mimebundle(self, include=include, exclude=exclude)
