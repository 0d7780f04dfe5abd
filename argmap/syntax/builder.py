"""The builder: the one place model objects are made from what the parser read.

:class:`Builder` is the lark Transformer of the grammar's rules.  lark calls it
as it reduces (no parse tree is made) and so does the line lane
(:mod:`argmap.syntax.lane`), through the same callbacks, so both build the
same objects.  Positions come straight from the tokens.
"""

from __future__ import annotations

import re
import threading

import attrs
from lark import Token, Transformer

from argmap.diagnostics import Span
from argmap.model import (
    Argument,
    Case,
    Citation,
    Claim,
    Comment,
    Document,
    Field,
    Footnote,
    Link,
    Person,
    Quote,
    Ref,
    Relation,
    Thesis,
    Use,
)
from argmap.syntax.grammar import pattern


def _span(tok: Token) -> Span:
    return Span(tok.line, tok.column, tok.end_line, tok.end_column)


_ESCAPE = re.compile(r"\\(.)")


def unescape(string_token: str) -> str:
    """The value of a quoted string as written in a map (``\\"`` and ``\\\\`` undone)."""
    body = string_token[1:-1]
    return _ESCAPE.sub(r"\1", body) if "\\" in body else body


_CONTINUATION = re.compile(r"[ \t]*\\\r?\n[ \t]*")


def _text(tok: str) -> str:
    return _CONTINUATION.sub(" ", tok).strip() if "\\" in tok else tok.strip()


@attrs.frozen
class _Text:
    text: str
    citations: tuple[Citation, ...]


@attrs.frozen
class _Line:
    """One line under a claim, before it is folded into the claim."""

    kind: str
    value: object
    span: Span


@attrs.frozen
class Heading:
    """A ``footnotes`` heading: it says nothing, but the formatter keeps where it was."""

    span: Span


_ONE_CITE = re.compile(r"\[\^([^\]\s]+)\]")
# the name inside an OWNER ``(case)`` or ASSERTER ``by person`` token is a REF
_NAME = re.compile(pattern("REF"))


def _cites(tok: Token | None) -> tuple[Citation, ...]:
    """The citations in one CITES token, each with its own column."""
    if tok is None:
        return ()
    line, column = tok.line, tok.column
    return tuple(Citation(m.group(1), Span(line, column + m.start(), line, column + m.end()))
                 for m in _ONE_CITE.finditer(tok))


def _ref_in(tok: Token) -> Ref:
    """The reference inside an OWNER ``(case)`` or ASSERTER ``by person`` token."""
    value = str(tok)
    m = _NAME.search(value, 3 if tok.type == "ASSERTER" else 1)
    head, dot, tail = m.group(0).partition(".")
    span = Span(tok.line, tok.column + m.start())
    return Ref(tail, head, span) if dot else Ref(head, None, span)


def _owner_and_asserter(children: list) -> tuple[Ref | None, Ref | None, int]:
    """(case, by, index of the first child after them) of a statement's ``(case) by person``."""
    case = by = None
    i = 1
    if i < len(children) and getattr(children[i], "type", None) == "OWNER":
        case = _ref_in(children[i])
        i += 1
    if i < len(children) and getattr(children[i], "type", None) == "ASSERTER":
        by = _ref_in(children[i])
        i += 1
    return case, by, i


class Builder(Transformer):
    """Turns the parser's reductions into model objects, one rule at a time."""

    def text(self, children):
        tok = children[0]
        return _Text(_text(tok), _cites(children[1]) if len(children) > 1 else ())

    def ref(self, children):
        tok = children[0]
        head, dot, tail = tok.partition(".")
        span = Span(tok.line, tok.column)
        return Ref(tail, head, span) if dot else Ref(str(tok), None, span)

    def link_target(self, children):
        source, target = children
        return Link(source, target, source.span)

    def field(self, children):
        name, value = children
        raw = unescape(value) if value.startswith('"') else str(value)
        return Field(str(name), raw, _span(name))

    def header(self, children):
        ident, *rest, close = children
        title = None
        if rest and isinstance(rest[0], Token) and rest[0].type == "STRING":
            title = unescape(rest.pop(0))
        return Document(str(ident), title, tuple(rest), _span(ident), _span(close))

    def use(self, children):
        ident = children[0]
        path = unescape(children[1]) if len(children) > 1 else None
        return Use(str(ident), path, _span(ident))

    def thesis(self, children):
        ident, text = children
        return Thesis(str(ident), text.text, text.citations, _span(ident))

    def case(self, children):
        ident, stance, thesis, text = children
        return Case(str(ident), str(stance), thesis, text.text, text.citations, _span(ident))

    def person(self, children):
        kind, ident, text = children
        return Person(str(ident), text.text, str(kind), text.citations, _span(ident))

    def quote(self, children):
        string = children[0]
        span = _span(string)
        return _Line("quote", Quote(unescape(string), _cites(children[1]) if len(children) > 1 else (), span), span)

    def tags(self, children):
        keyword, *names = children
        return _Line("tags", tuple(str(c) for c in names), _span(keyword))

    def concession(self, children):
        return _Line("concession", True, _span(children[0]))

    def link(self, children):
        kind, target = children
        return _Line("link", (str(kind), target), Span(kind.line, kind.column))

    def claim(self, children):
        ident = children[0]
        case, by, i = _owner_and_asserter(children)
        span = _span(ident)
        name = str(ident)
        text, citations = "", ()
        if i < len(children) and isinstance(children[i], _Text):
            text, citations = children[i].text, children[i].citations
            i += 1
        quotes: list[Quote] = []
        tags: list[str] = []
        tags_spans: list[Span] = []
        concession_spans: list[Span] = []
        links: list[Relation] = []
        for line in children[i:]:
            kind = line.kind
            if kind == "link":
                relation_kind, target = line.value
                links.append(Relation(relation_kind, Ref(name, None, span), target, True, line.span))
            elif kind == "quote":
                quotes.append(line.value)
            elif kind == "tags":
                tags.extend(line.value)
                tags_spans.append(line.span)
            else:
                concession_spans.append(line.span)
        claim = Claim(name, text, case, by, citations, tuple(quotes), tuple(tags), bool(concession_spans), span,
                      tuple(tags_spans), tuple(concession_spans))
        return (claim, tuple(links))

    def relation(self, children):
        source, kind, target = children
        return Relation(str(kind), source, target, False, source.span)

    def argument(self, children):
        ident = children[0]
        case, by, i = _owner_and_asserter(children)
        *premises, conclusion = children[i:]
        return Argument(str(ident), tuple(premises), conclusion, case, by, _span(ident))

    def footnotes_heading(self, children):
        return Heading(_span(children[0]))

    def footnote(self, children):
        label, text = children
        return Footnote(str(label)[2:-2], text.text, _span(label))

    def start(self, children):
        return children


# ------------------------------------------------------------- comments ----

_comments = threading.local()


def collect_comments(tok: Token) -> Token:
    """Keep the comments a newline token swallows, with their positions (a lark lexer callback)."""
    bucket = getattr(_comments, "bucket", None)
    if bucket is not None and "#" in tok:
        for i, raw in enumerate(re.split(r"\r?\n", str(tok))):
            hash_at = raw.find("#")
            if hash_at < 0 or raw[:hash_at].strip():
                continue
            body = raw[hash_at + 1:].rstrip()
            # Only the token's first piece can share its line with a statement:
            # it does unless the token starts the file.
            trailing = i == 0 and tok.start_pos > 0
            column = (tok.column + hash_at) if i == 0 else hash_at + 1
            bucket.append(Comment(body[1:] if body.startswith(" ") else body, Span(tok.line + i, column), trailing))
    return tok


def comment_bucket(bucket: list[Comment] | None) -> None:
    """Collect comments into *bucket* from now on (None: stop collecting)."""
    _comments.bucket = bucket
