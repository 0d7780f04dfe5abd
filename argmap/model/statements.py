"""The statements of a map: uses, theses, cases, persons, claims, arguments, relations, footnotes."""

from __future__ import annotations

import functools
from typing import Literal, Union

import attrs

from argmap.diagnostics import Span
from argmap.model._spans import span_field as _span
from argmap.model._spans import spans_field as _spans
from argmap.model.refs import Citation, Link, Ref

ATTACK_KINDS = frozenset({"rebuts", "undercuts", "contradicts"})

#: The proof standards a ``standard`` line may name, each with its code in Carneades (Gordon,
#: Prakken & Walton 2007; thresholds: Gordon & Walton 2009): the canonical word first, then
#: the codes, which ``argmap fmt`` writes as the word.
STANDARDS: dict[str, str] = {
    "scintilla": "SE", "preponderance": "PE", "clear-and-convincing": "CCE",
    "beyond-reasonable-doubt": "BRD", "dialectical-validity": "DV",
}
STANDARD_ALIASES: dict[str, str] = {code.lower(): word for word, code in STANDARDS.items()}

#: The sides a ``burden`` line may name: who must prove the claim or thesis.
BURDENS = ("pro", "con")


@attrs.frozen
class Setting:
    """A line that says how a claim or thesis is evaluated: ``weight 0.8``,
    ``standard clear-and-convincing``, ``burden con``; *value* as written."""

    keyword: Literal["weight", "standard", "burden"]
    value: str
    span: Span = _span()


class _Settings:
    """The values of a statement's ``weight``, ``standard`` and ``burden`` lines (the last of each)."""

    __slots__ = ()

    def _setting(self, keyword: str) -> Setting | None:
        found = None
        for s in self.settings:
            if s.keyword == keyword:
                found = s
        return found

    @property
    def weight(self) -> float | None:
        """The base score a ``weight`` line sets, or None (checked to be in [0, 1] by S230)."""
        s = self._setting("weight")
        return float(s.value) if s is not None else None

    @property
    def standard(self) -> str | None:
        """The proof standard's canonical word (``clear-and-convincing``...), or None; an unknown one as written."""
        s = self._setting("standard")
        return None if s is None else STANDARD_ALIASES.get(s.value.lower(), s.value)

    @property
    def burden(self) -> str | None:
        """``pro`` or ``con`` as a ``burden`` line says, or None."""
        s = self._setting("burden")
        return s.value if s is not None else None

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
class Thesis(_Settings):
    """A proposition a debate is about; cases argue for or against it."""

    id: str
    text: str
    citations: tuple[Citation, ...] = ()
    span: Span = _span()
    #: its ``standard`` and ``burden`` lines
    settings: tuple[Setting, ...] = ()


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
class Group:
    """``group id (parent): title``: a section of the map, drawn as a box around its claims.

    ``parent`` names the group it sits in, or is None for a group at the top.
    """

    id: str
    title: str
    parent: Ref | None = None
    citations: tuple[Citation, ...] = ()
    span: Span = _span()


@attrs.frozen
class Wording:
    """``wording "..."``: another wording of a claim, with the footnotes that source it."""

    text: str
    citations: tuple[Citation, ...] = ()
    span: Span = _span()


@attrs.frozen
class Quote:
    """Words quoted verbatim, with the footnotes that source them."""

    text: str
    citations: tuple[Citation, ...] = ()
    span: Span = _span()


@attrs.frozen
class Claim(_Settings):
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
    #: where each ``tags`` line and each ``concession`` line under the claim was written
    tags_spans: tuple[Span, ...] = _spans()
    concession_spans: tuple[Span, ...] = _spans()
    #: its ``weight``, ``standard`` and ``burden`` lines
    settings: tuple[Setting, ...] = ()
    #: the group its ``in`` line names (the last one), and where that line is
    group: str | None = None
    group_span: Span = _span()
    #: its other wordings (``wording`` lines)
    wordings: tuple[Wording, ...] = ()

    @property
    def all_citations(self) -> tuple[Citation, ...]:
        """The claim's citations and those of its quotations."""
        return (self.citations + tuple(c for q in self.quotes for c in q.citations)
                + tuple(c for w in self.wordings for c in w.citations))


@attrs.frozen
class Argument:
    """Premises that support a conclusion only together (linked premises), or attack it only together.

    ``kind`` is ``"supports"`` for ``p + q -> c`` and ``"rebuts"`` for a
    linked attack, ``p + q rebuts c``: then ``conclusion`` is the claim the
    premises attack together.  The loader refuses any other kind (A001, at
    ``kind_span``).
    """

    id: str
    premises: tuple[Ref, ...]
    conclusion: Ref
    case: Ref | None = None
    by: Ref | None = None
    span: Span = _span()
    #: the argumentation scheme the ``as`` suffix names (as written), or None
    scheme: str | None = None
    scheme_span: Span = _span()
    kind: str = "supports"
    kind_span: Span = _span()

    @property
    def attacks(self) -> bool:
        """Whether the premises attack the conclusion together (``p + q rebuts c``) rather than support it."""
        return self.kind == "rebuts"


@attrs.frozen
class Relation:
    """``source supports|rebuts|undercuts|contradicts target``.

    ``inline`` says the relation was written on a line under its source claim
    rather than as a statement of its own; the formatter keeps it there.
    ``scheme`` is the argumentation scheme its ``as`` suffix names (a support's:
    checks say so of any other kind), as written.
    """

    kind: Literal["supports", "rebuts", "undercuts", "contradicts"]
    source: Ref
    target: Union[Ref, Link]
    inline: bool = False
    span: Span = _span()
    scheme: str | None = None
    scheme_span: Span = _span()

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
Statement = Union[Use, Thesis, Case, Person, Group, Claim, Argument, Relation, Footnote]
