"""The builder's tokens, and the model values read out of them.

:class:`Tok` is a token as the builder reads it; the functions here turn the
tokens of a statement's first line (its name, ``(case)``, ``by person``, free
text and citations) into the model's values.  :mod:`argmap.syntax.builder`'s
rules use them.
"""

from __future__ import annotations

import functools
import re

from lark import Token

from argmap.diagnostics import Span
from argmap.model import Citation, Ref
from argmap.model._fast import maker

# Span(...) without the named tuple's Python-level __new__: the builder makes one for every name
_tuple = tuple.__new__

# The model's values made without attrs' __init__ (see argmap.model._fast): every field given
_Ref, _Citation = maker(Ref), maker(Citation)


Tok = tuple
"""A token as the builder reads it: a plain tuple ``(type, value, line, column, end_line, end_column)``.

The line lane makes one per name it reads, far more cheaply than a lark
token (a tuple display, where a subclass of tuple would cost a second
allocation and most of a token's making); lark's tokens are turned into
these before a rule's method sees them (:func:`rule`).  ``tok[2:]`` is the
token's span.  Among a rule's children a token is the one plain tuple whose
first item is a terminal's name (upper case): the lines under a statement
are ``(kind, value, span)`` with a lower-case kind, the rest model objects.
"""


def tok_of(t: Token) -> Tok:
    """The builder's token for lark's token *t*."""
    return (t.type, t.value, t.line, t.column, t.end_line, t.end_column)


def _span(tok: Tok) -> Span:
    return _tuple(Span, tok[2:])


def _at(line: int, column: int) -> Span:
    return _tuple(Span, (line, column, None, None))


_ESCAPE = re.compile(r"[ \t]*\\\r?\n[ \t]*|\\(.)")


def _unescaped(m: re.Match) -> str:
    escaped = m.group(1)
    return " " if escaped is None else escaped  # a continuation, like free text's, is one space


def unescape(string_token: str) -> str:
    """The value of a quoted string as written in a map (``\\"`` and ``\\\\`` undone, continuations joined)."""
    body = string_token[1:-1]
    return _ESCAPE.sub(_unescaped, body) if "\\" in body else body


_CONTINUATION = re.compile(r"[ \t]*\\\r?\n[ \t]*")


def _text(tok: str) -> str:
    return _CONTINUATION.sub(" ", tok).strip() if "\\" in tok else tok.strip()


_ONE_CITE = re.compile(r"\[\^([^\]\s]+)\]")


@functools.lru_cache(maxsize=1024)
def _cite_offsets(value: str) -> tuple[tuple[str, int, int], ...]:
    """(label, start, end) of each citation in a CITES token's text."""
    # (A map cites few footnotes, the same ones on many lines: the answer is kept.)
    return tuple((m.group(1), m.start(), m.end()) for m in _ONE_CITE.finditer(value))


def _cites(tok: Tok | None) -> tuple[Citation, ...]:
    """The citations in one CITES token, each with its own column."""
    if tok is None:
        return ()
    value, line, column = tok[1], tok[2], tok[3]  # (indexing a tuple thrice is cheaper than slicing it)
    if value.count("[^") == 1:  # one citation, the token whole (CITES: `[^label]`, maybe more after spaces)
        return (_Citation(value[2:-1], _tuple(Span, (line, column, line, column + len(value)))),)
    return tuple([_Citation(label, _tuple(Span, (line, column + start, line, column + end)))
                  for label, start, end in _cite_offsets(value)])


@functools.lru_cache(maxsize=4096)
def _name_in(value: str) -> tuple[str, str | None, int]:
    """(id, map, offset of the name) in an OWNER ``(case)`` or ASSERTER ``by person`` token's text."""
    # The token matched OWNER ``\([ \t]*name[ \t]*\)`` or ASSERTER ``by[ \t]+name``
    # (grammar/argmap.lark): the name is what is left once that padding is stripped, and the
    # first character tells the two apart.
    # (A map names few cases and persons, each on many lines: the answer is kept.)
    if value[0] != "(":
        name = value[2:].lstrip(" \t")
        start = len(value) - len(name)
    else:
        inner = value[1:-1].lstrip(" \t")
        start = len(value) - 1 - len(inner)
        name = inner.rstrip(" \t")
    if "." in name:
        head, _, tail = name.partition(".")
        return tail, head, start
    return name, None, start


def _ref_in(tok: Tok) -> Ref:
    """The reference inside an OWNER ``(case)`` or ASSERTER ``by person`` token."""
    name, in_map, start = _name_in(tok[1])
    return _Ref(name, in_map, _tuple(Span, (tok[2], tok[3] + start, None, None)))


def _first_line(children: list, i: int = 1) -> tuple[Ref | None, Ref | None, str, tuple[Citation, ...], int]:
    """(case, by, text, citations, index of the first child after them) of a statement's first line.

    From child *i* on: the tokens of ``(case)``, ``by person`` and the inlined
    ``_text`` (a TEXT and its CITES), as far as the statement has them (the
    grammar puts them in that order); the first child of another kind ends them.
    """
    case = by = None
    text = ""
    citations: tuple[Citation, ...] = ()
    n = len(children)
    while i < n:
        tok = children[i]
        if type(tok) is not tuple:  # a model object (an undercut's link)
            break
        kind = tok[0]
        if kind == "TEXT":
            text = _text(tok[1])
        elif kind == "CITES":
            citations = _cites(tok)
        elif kind == "OWNER":
            case = _ref_in(tok)
        elif kind == "ASSERTER":
            by = _ref_in(tok)
        else:
            break
        i += 1
    return case, by, text, citations, i


def _ref(tok) -> Ref:
    """The reference a REF token names (the grammar inlines ``_ref``: its token comes as it is)."""
    if type(tok) is not tuple:  # already a reference, or an undercut's link
        return tok
    value = tok[1]
    span = _tuple(Span, (tok[2], tok[3], None, None))
    if "." in value:
        head, _, tail = value.partition(".")
        return _Ref(tail, head, span)
    return _Ref(value, None, span)
