"""The writer: a :class:`~argmap.model.Map` laid out as lines, with its comments and blank lines.

A pure function of the map (and, for ``argmap fmt``, of :class:`Hints` read
from the source: its blank lines, and the model's positions of the lines it
folds into one value).
"""

from __future__ import annotations

import re

import bisect

import attrs

from argmap.diagnostics import NOWHERE
from argmap.formatting.pieces import (
    INDENT,
    CannotFormat,
    _as,
    _check_text,
    _cites,
    _comment,
    _DATE_CHARS,
    _owner_by,
    _target,
    quote_string,
    wrap,
)
from argmap.model import Argument, Case, Claim, Comment, Group, Map, Person, Relation, Thesis, Use
from argmap.language import CLAIM_LINE_KEYWORDS, STATEMENT_KEYWORDS

_DIRECTIVE = re.compile(r"[ \t]*argmap:")  # a comment's text, without its #
"""A directive comment: it may trail free text (the grammar's TEXT stops before one)."""


@attrs.define
class _Entry:
    """One statement or line of the output, with the comments that go with it."""

    kind: str
    lines: list[str]
    indent: str
    anchor: int | None = None  # the source line it was written on, when known
    top: bool = True  # starts a block: blank lines may stand before it
    open_end: bool = False  # ends in free text: a `#` after it would be read as text
    has_body: bool = False
    lead: list[Comment] = attrs.field(factory=list)
    trail: list[Comment] = attrs.field(factory=list)
    after: list[Comment] = attrs.field(factory=list)  # trailing comments that cannot trail here


def _text_entry(kind: str, head: str, text: str, citations, anchor, indent: str = "", *,
                required: bool = True, top: bool = True) -> _Entry:
    what = head.strip().rstrip(":")
    _check_text(text, what, cited=bool(citations), required=required)
    tail = _cites(citations)
    if text:
        lines = wrap(indent + head + " ", text, tail, indent)
    else:
        lines = [indent + head + tail]
    return _Entry(kind, lines, indent, anchor, top, open_end=not citations)


@attrs.frozen
class Hints:
    """What the source says about layout that the model's values do not: blank lines, and where
    the lines the model folds into one value were written (taken from the model's positions)."""

    lines: tuple[str, ...]
    heading: int | None = None
    close: int | None = None

    def blank_before(self, line: int) -> bool:
        return 2 <= line <= len(self.lines) + 1 and not self.lines[line - 2].strip()

    @classmethod
    def of(cls, m: Map, text: str) -> Hints:
        """The hints for map *m* read from *text* (no second parse: the positions are in the model)."""
        close = m.document.close_span.line if m.document is not None else None
        heading = min((s.line for s in m.footnotes_spans), default=None)
        return cls(tuple(text.split("\n")), heading, close)


def _first(item: tuple):
    return item[0]


def _has_position(obj) -> bool:
    return getattr(obj, "span", NOWHERE) != NOWHERE


class Writer:
    """Lays one map out as canonical text (see the module docstring of :mod:`argmap.formatting.writer`)."""

    def __init__(self, m: Map, hints: Hints | None):
        self.m = m
        self.hints = hints
        # Positions are all-or-nothing: a map read from text has them (Span(1, 1)
        # included, which is also the default), a map built in Python has none.
        doc = m.document
        self.laid_out = hints is not None or any(_has_position(s) for s in (
            *m.uses, *m.theses, *m.cases, *m.persons, *m.groups, *m.claims, *m.arguments, *m.relations,
            *m.footnotes,
            *m.comments, *((doc, *doc.fields) if doc is not None else ())))

    def _placed(self, obj) -> bool:
        return self.laid_out and obj.span.line > 0

    def _line(self, obj) -> int | None:
        return obj.span.line if self._placed(obj) else None

    # -- statements ----------------------------------------------------------

    def header(self) -> list[_Entry]:
        doc = self.m.document
        if doc is None:
            return []
        title = f" {quote_string(doc.title)}" if doc.title is not None else ""
        entries = [_Entry("header", [f"map {doc.id}{title} {{"], "", self._line(doc))]
        for f in doc.fields:
            value = f.value if f.value and set(f.value) <= _DATE_CHARS and f.value[0].isdigit() else quote_string(f.value)
            entries.append(_Entry("field", [f"{INDENT}{f.name} {value}"], INDENT, self._line(f), top=False))
        close = self.hints.close if self.hints is not None else None
        entries.append(_Entry("close", ["}"], INDENT, close, top=False))
        return entries

    def claim(self, c: Claim, relations: list[Relation]) -> list[_Entry]:
        head = f"claim {c.id}{_owner_by(c.case, c.by)}:"
        entry = _text_entry("claim", head, c.text, c.citations, self._line(c), required=False)
        body: list[tuple[tuple, _Entry]] = []
        tags_line = concession_line = None
        if c.tags_spans or c.concession_spans:
            tags_lines, concession_lines = self._body_lines(c)
            tags_line = tags_lines[0] if tags_lines else None
            concession_line = concession_lines[0] if concession_lines else None
            # a second `tags` or `concession` line is merged into the first; its
            # comments stay where they were, as comments on lines of their own
            for line in (*tags_lines[1:], *concession_lines[1:]):
                body.append(((line, 4, 0), _Entry("ghost", [], INDENT, line, False)))
        for i, q in enumerate(c.quotes):
            line = self._line(q)
            body.append(((line if line is not None else 1 << 60, 0, i),
                         _Entry("quote", [f"{INDENT}quote {quote_string(q.text)}{_cites(q.citations)}"], INDENT, line, False)))
        for i, w in enumerate(c.wordings):
            line = self._line(w)
            body.append(((line if line is not None else 1 << 60, 0, len(c.quotes) + i),
                         _Entry("wording", [f"{INDENT}wording {quote_string(w.text)}{_cites(w.citations)}"], INDENT,
                                line, False)))
        if c.group is not None:
            line = c.group_span.line if self.laid_out and self._placed(c) and c.group_span.line > 0 else None
            body.append(((line if line is not None else 1 << 60, 1, -1),
                         _Entry("member", [f"{INDENT}in {c.group}"], INDENT, line, False)))
        if c.tags:
            body.append(((tags_line if tags_line is not None else 1 << 60, 1, 0),
                         _Entry("tags", [f"{INDENT}tags {' '.join(c.tags)}"], INDENT, tags_line, False)))
        if c.concession:
            body.append(((concession_line if concession_line is not None else 1 << 60, 2, 0),
                         _Entry("concession", [f"{INDENT}concession"], INDENT, concession_line, False)))
        for i, st in enumerate(c.settings):
            body.append(self._setting(st, i))
        laid_out = self.laid_out
        for i, r in enumerate(relations):
            line = r.span.line if laid_out and r.span.line > 0 else None  # self._line(r), for every link line
            body.append(((line if line is not None else 1 << 60, 3, i),
                         _Entry("link", [f"{INDENT}{r.kind} {_target(r.target)}{_as(r.scheme)}"], INDENT, line, False)))
        if not body:
            return [entry]
        body.sort(key=_first)
        entry.has_body = True
        return [entry, *(e for _, e in body)]

    def _setting(self, st, i: int) -> tuple[tuple, _Entry]:
        """A ``weight``, ``standard`` or ``burden`` line (a standard's code was read as its word)."""
        value = st.value
        line = self._line(st)
        return ((line if line is not None else 1 << 60, 2, 1 + i),
                _Entry("setting", [f"{INDENT}{st.keyword} {value}"], INDENT, line, False))

    def _body_lines(self, c: Claim) -> tuple[list[int], list[int]]:
        """The lines of a claim's ``tags`` and ``concession`` lines, as the source has them."""
        if self.hints is None or not self._placed(c):
            return [], []
        return [s.line for s in c.tags_spans], [s.line for s in c.concession_spans]

    def statement(self, s, relations: list[Relation], after_claim: bool = False) -> list[_Entry]:
        if isinstance(s, Claim):
            return self.claim(s, relations)
        if isinstance(s, Use):
            path = f" from {quote_string(s.path)}" if s.path is not None else ""
            return [_Entry("use", [f"use {s.id}{path}"], "", self._line(s))]
        if isinstance(s, Thesis):
            entry = _text_entry("thesis", f"thesis {s.id}:", s.text, s.citations, self._line(s))
            if not s.settings:
                return [entry]
            entry.has_body = True
            return [entry, *(e for _, e in sorted((self._setting(st, i) for i, st in enumerate(s.settings)),
                                                  key=_first))]
        if isinstance(s, Case):
            return [_text_entry("case", f"case {s.id} {s.stance} {s.thesis}:", s.text, s.citations, self._line(s))]
        if isinstance(s, Group):
            parent = f" ({s.parent})" if s.parent is not None else ""
            return [_text_entry("group", f"group {s.id}{parent}:", s.title, s.citations, self._line(s))]
        if isinstance(s, Person):
            return [_text_entry("person", f"{s.kind} {s.id}:", s.name, s.citations, self._line(s))]
        if isinstance(s, Argument):
            if not s.premises:
                raise CannotFormat(f"argument {s.id} needs at least one premise")
            premises = " + ".join(str(p) for p in s.premises)
            return [_Entry("argument", [f"argument {s.id}{_owner_by(s.case, s.by)}: {premises} {'->' if s.kind == 'supports' else s.kind} {s.conclusion}{_as(s.scheme)}"],
                           "", self._line(s))]
        if isinstance(s, Relation):
            first = s.source.map if s.source.map is not None else s.source.id
            if first in STATEMENT_KEYWORDS or (first in CLAIM_LINE_KEYWORDS and after_claim):
                where = "" if first in STATEMENT_KEYWORDS else " after a claim"
                raise CannotFormat(f"`{s.source} {s.kind} {s.target}`: a relation on a line of its own cannot "
                                   f"start with the keyword {first!r}{where}; write it under its claim")
            return [_Entry("relation", [f"{s.source} {s.kind} {_target(s.target)}{_as(s.scheme)}"], "", self._line(s))]
        raise TypeError(f"not a statement: {s!r}")  # pragma: no cover

    # -- order -----------------------------------------------------------------

    def _inline_owners(self) -> tuple[dict[int, list[Relation]], list[Relation]]:
        """Each inline relation's claim (by index), and the relations written on their own."""
        claims = self.m.claims
        placed_lines = [(c.span.line, i) for i, c in enumerate(claims) if self._placed(c)]
        placed_lines.sort()
        keys = [line for line, _ in placed_lines]
        owned: dict[int, list[Relation]] = {}
        standalone: list[Relation] = []
        pointer = 0
        for r in self.m.relations:
            if not r.inline or r.source.map is not None:
                standalone.append(r)
                continue
            owner = None
            if self._placed(r) and keys:
                k = bisect.bisect_left(keys, r.span.line) - 1
                if k >= 0 and claims[placed_lines[k][1]].id == r.source.id:
                    owner = placed_lines[k][1]
            if owner is None:
                owner = next((i for i in range(pointer, len(claims)) if claims[i].id == r.source.id), None)
                if owner is None:
                    owner = next((i for i in range(len(claims)) if claims[i].id == r.source.id), None)
            if owner is None:
                standalone.append(r)  # no claim to write it under
                continue
            pointer = owner
            owned.setdefault(owner, []).append(r)
        return owned, standalone

    def statements(self) -> list[tuple[object, list[Relation]]]:
        """Statements other than the header and footnotes, in writing order."""
        m = self.m
        owned, standalone = self._inline_owners()
        claims = [(c, owned.get(i, [])) for i, c in enumerate(m.claims)]
        groups = [
            [(s, []) for s in m.uses], [(s, []) for s in m.theses], [(s, []) for s in m.cases],
            [(s, []) for s in m.persons], [(s, []) for s in m.groups], claims, [(s, []) for s in m.arguments],
            [(s, []) for s in standalone],
        ]
        if self.laid_out:
            ranked = []
            for rank, group in enumerate(groups):
                for i, item in enumerate(group):
                    s = item[0]
                    key = (0, s.span.line, s.span.column, 0) if self._placed(s) else (1, rank, i, 0)
                    ranked.append((key, item))
            ranked.sort(key=lambda pair: pair[0])
            return [item for _, item in ranked]
        # a map built in Python: keep the relations' order by writing each
        # standalone relation after the claims whose inline relations precede it
        slots: dict[int, list] = {}
        owner_of = {id(r): i for i, rs in owned.items() for r in rs}
        upto = -1
        standalone_ids = {id(r) for r in standalone}
        for r in m.relations:
            if id(r) in standalone_ids:
                slots.setdefault(upto, []).append((r, []))
            elif id(r) in owner_of:
                upto = max(upto, owner_of[id(r)])
        merged = list(slots.get(-1, []))
        for i, item in enumerate(claims):
            merged.append(item)
            merged.extend(slots.get(i, []))
        return [item for g in groups[:5] for item in g] + merged + groups[6]

    def entries(self) -> list[_Entry]:
        out = self.header()
        previous = None
        for s, relations in self.statements():
            out.extend(self.statement(s, relations, isinstance(previous, Claim)))
            previous = s
        heading_lines = {s.line for s in self.m.footnotes_spans}
        # An empty `footnotes` heading goes, unless a comment trails it: dropped, the comment would
        # trail another statement, and a directive there would acknowledge what it did not.
        kept = any(c.trailing and c.span.line in heading_lines for c in self.m.comments) if heading_lines else False
        if self.m.footnotes or kept:
            heading = self.hints.heading if self.hints is not None else None
            out.append(_Entry("heading", ["footnotes"], "", heading))
            for note in self.m.footnotes:
                if not note.label or any(ch.isspace() or ch == "]" for ch in note.label):
                    raise CannotFormat(f"footnote label {note.label!r} cannot be written as [^label]")
                out.append(_text_entry("footnote", f"[^{note.label}]:", note.text, (), self._line(note), INDENT))
        return out

    # -- comments and blank lines ------------------------------------------------

    def place_comments(self, entries: list[_Entry]) -> list[Comment]:
        """Attach each comment to an entry; returns those that end the file."""
        anchored = sorted(((e.anchor, n) for n, e in enumerate(entries) if e.anchor is not None))
        lines = [a for a, _ in anchored]
        tail: list[Comment] = []
        for c in self.m.comments:
            if not anchored:
                (entries[0].lead if entries else tail).append(c)
                continue
            line = c.span.line
            if c.trailing:
                k = bisect.bisect_right(lines, line) - 1
                if k >= 0:
                    owner = entries[anchored[k][1]]
                    if (owner.open_end and not _DIRECTIVE.match(c.text)) or owner.trail or owner.after or not owner.lines:
                        owner.after.append(c)
                    else:
                        owner.trail.append(c)
                    continue
            k = bisect.bisect_right(lines, line)
            if k < len(lines):
                entries[anchored[k][1]].lead.append(c)
            else:
                tail.append(c)
        return tail

    def write(self) -> str:
        entries = self.entries()
        tail = self.place_comments(entries)
        out: list[str] = []

        def blank() -> None:
            if out and out[-1] != "":
                out.append("")

        previous: _Entry | None = None
        pending: list[Comment] = []  # comments that could not trail their line: they lead the next one
        for e in entries:
            if not e.lines:  # a line merged into another: its comments go with the next line
                pending += e.lead + e.after
                continue
            if pending:
                out.extend(e.indent + _comment(c) for c in pending)
                pending = []
            if e.top:
                default = _default_blank(previous, e)
                for i, c in enumerate(e.lead):
                    if self._blank(c.span.line, default if i == 0 else False):
                        blank()
                    out.append(e.indent + _comment(c))
                if self._blank(e.anchor, default and not e.lead):
                    blank()
                previous = e
            elif e.lead:
                out.extend(e.indent + _comment(c) for c in e.lead)
            if e.trail:
                out.extend(e.lines[:-1])
                out.append(e.lines[-1] + "  " + _comment(e.trail[0]))
            else:
                out.extend(e.lines)
            if e.after:  # (pending is empty here)
                pending = list(e.after)
        out.extend(_comment(c) for c in pending)
        for i, c in enumerate(tail):
            if self._blank(c.span.line, i == 0 and bool(out)):
                blank()
            out.append(_comment(c))
        return "\n".join(out) + "\n" if out else ""

    def _blank(self, line: int | None, default: bool) -> bool:
        if self.hints is None or line is None:
            return default
        return self.hints.blank_before(line)


def _default_blank(previous: _Entry | None, e: _Entry) -> bool:
    """Blank lines for a map with no text to take them from."""
    if previous is None:
        return False
    if e.kind == "footnote":
        return previous.kind not in ("heading", "footnote")
    if e.kind == "heading" or previous.kind != e.kind:
        return True
    return e.kind == "claim" and (e.has_body or previous.has_body)
