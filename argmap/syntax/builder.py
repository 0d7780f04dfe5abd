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

# Span(...) without the named tuple's Python-level __new__: the builder makes one for every name
_tuple = tuple.__new__


def _span(tok: Token) -> Span:
    return _tuple(Span, (tok.line, tok.column, tok.end_line, tok.end_column))


def _at(line: int, column: int) -> Span:
    return _tuple(Span, (line, column, None, None))


_ESCAPE = re.compile(r"\\(.)")


def unescape(string_token: str) -> str:
    """The value of a quoted string as written in a map (``\\"`` and ``\\\\`` undone)."""
    body = string_token[1:-1]
    return _ESCAPE.sub(r"\1", body) if "\\" in body else body


_CONTINUATION = re.compile(r"[ \t]*\\\r?\n[ \t]*")


def _text(tok: str) -> str:
    return _CONTINUATION.sub(" ", tok).strip() if "\\" in tok else tok.strip()


# A line under a claim, before it is folded into the claim: (kind, value, span), a plain tuple.
_QUOTE, _TAGS, _CONCESSION, _LINK = "quote", "tags", "concession", "link"


@attrs.frozen
class Heading:
    """A ``footnotes`` heading: it says nothing, but the formatter keeps where it was."""

    span: Span


_ONE_CITE = re.compile(r"\[\^([^\]\s]+)\]")


def _cites(tok: Token | None) -> tuple[Citation, ...]:
    """The citations in one CITES token, each with its own column."""
    if tok is None:
        return ()
    line, column = tok.line, tok.column
    return tuple(Citation(m.group(1), _tuple(Span, (line, column + m.start(), line, column + m.end())))
                 for m in _ONE_CITE.finditer(tok))


# (The builder runs for every line of a big map: it reads a token's ``value``, a plain
# string, rather than copying the token with str(), and makes spans with _tuple.)


def _ref_in(tok: Token) -> Ref:
    """The reference inside an OWNER ``(case)`` or ASSERTER ``by person`` token."""
    # The token matched OWNER ``\([ \t]*name[ \t]*\)`` or ASSERTER ``by[ \t]+name``
    # (grammar/argmap.lark): the name is what is left once that padding is stripped.
    value = tok.value
    if tok.type == "ASSERTER":
        name = value[2:].lstrip(" \t")
        start = len(value) - len(name)
    else:
        inner = value[1:-1].lstrip(" \t")
        start = len(value) - 1 - len(inner)
        name = inner.rstrip(" \t")
    span = _tuple(Span, (tok.line, tok.column + start, None, None))
    if "." in name:
        head, _, tail = name.partition(".")
        return Ref(tail, head, span)
    return Ref(name, None, span)


def _owner_and_asserter(children: list) -> tuple[Ref | None, Ref | None, int]:
    """(case, by, index of the first child after them) of a statement's ``(case) by person``."""
    case = by = None
    i = 1
    n = len(children)
    if n > 1 and type(children[1]) is Token:
        if children[1].type == "OWNER":
            case = _ref_in(children[1])
            i = 2
        if i < n and type(children[i]) is Token and children[i].type == "ASSERTER":
            by = _ref_in(children[i])
            i += 1
    return case, by, i


def _ref(tok) -> Ref:
    """The reference a REF token names (the grammar inlines ``_ref``: its token comes as it is)."""
    if type(tok) is not Token:  # already a reference, or an undercut's link
        return tok
    value = tok.value
    span = _tuple(Span, (tok.line, tok.column, None, None))
    if "." in value:
        head, _, tail = value.partition(".")
        return Ref(tail, head, span)
    return Ref(value, None, span)


def _free_text(children: list, i: int) -> tuple[str, tuple[Citation, ...], int]:
    """(text, citations, index after them) of the inlined ``_text`` at *i*: a TEXT and its CITES."""
    if i < len(children) and type(children[i]) is Token and children[i].type == "TEXT":
        text = _text(children[i])
        if i + 1 < len(children) and type(children[i + 1]) is Token and children[i + 1].type == "CITES":
            return text, _cites(children[i + 1]), i + 2
        return text, (), i + 1
    return "", (), i


class Builder(Transformer):
    """Turns the parser's reductions into model objects, one rule at a time."""

    def link_target(self, children):
        source, target = _ref(children[0]), _ref(children[1])
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
        ident = children[0]
        text, citations, _ = _free_text(children, 1)
        return Thesis(str(ident), text, citations, _span(ident))

    def case(self, children):
        ident, stance, thesis = children[:3]
        text, citations, _ = _free_text(children, 3)
        return Case(str(ident), str(stance), _ref(thesis), text, citations, _span(ident))

    def person(self, children):
        kind, ident = children[:2]
        text, citations, _ = _free_text(children, 2)
        return Person(str(ident), text, str(kind), citations, _span(ident))

    def quote(self, children):
        string = children[0]
        span = _span(string)
        return (_QUOTE, Quote(unescape(string), _cites(children[1]) if len(children) > 1 else (), span), span)

    def tags(self, children):
        keyword, *names = children
        return (_TAGS, tuple(str(c) for c in names), _span(keyword))

    def concession(self, children):
        return (_CONCESSION, True, _span(children[0]))

    def link(self, children):
        kind, target = children
        return (_LINK, (kind.value, _ref(target)), _tuple(Span, (kind.line, kind.column, None, None)))

    def claim(self, children):
        ident = children[0]
        case, by, i = _owner_and_asserter(children)
        span = _tuple(Span, (ident.line, ident.column, ident.end_line, ident.end_column))
        name = ident.value
        text, citations, i = _free_text(children, i)
        if i == len(children):  # no lines under the claim
            return (Claim(name, text, case, by, citations, (), (), False, span), ())
        quotes: list[Quote] = []
        tags: list[str] = []
        tags_spans: list[Span] = []
        concession_spans: list[Span] = []
        links: list[Relation] = []
        source = Ref(name, None, span)
        for kind, value, at in children[i:]:
            if kind is _LINK:
                links.append(Relation(value[0], source, value[1], True, at))
            elif kind is _QUOTE:
                quotes.append(value)
            elif kind is _TAGS:
                tags.extend(value)
                tags_spans.append(at)
            else:
                concession_spans.append(at)
        claim = Claim(name, text, case, by, citations, tuple(quotes), tuple(tags), bool(concession_spans), span,
                      tuple(tags_spans), tuple(concession_spans))
        return (claim, tuple(links))

    def relation(self, children):
        source, kind, target = children
        source = _ref(source)
        return Relation(str(kind), source, _ref(target), False, source.span)

    def argument(self, children):
        ident = children[0]
        case, by, i = _owner_and_asserter(children)
        *premises, conclusion = (_ref(c) for c in children[i:])
        return Argument(str(ident), tuple(premises), conclusion, case, by, _span(ident))

    def footnotes_heading(self, children):
        return Heading(_span(children[0]))

    def footnote(self, children):
        label = children[0]
        text, _, _ = _free_text(children, 1)  # a note's own citations are not kept
        return Footnote(str(label)[2:-2], text, _span(label))

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
