"""The builder: the one place model objects are made from what the parser read.

:class:`Builder` is the lark Transformer of the grammar's rules.  lark calls it
as it reduces (no parse tree is made) and so does the line lane
(:mod:`argmap.syntax.lane`), through the same callbacks, so both build the
same objects.  Positions come straight from the tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from lark import Token, Transformer

from argmap.diagnostics import NOWHERE, Span
from argmap.model import (
    STANDARD_ALIASES,
    Argument,
    Case,
    Claim,
    Document,
    Field,
    Footnote,
    Group,
    Link,
    Person,
    Quote,
    Ref,
    Relation,
    Setting,
    Thesis,
    Use,
    Wording,
)
from argmap.model._fast import maker
from argmap.syntax.tokens import (  # noqa: F401 - Tok, tok_of and unescape are the builder's to others
    Tok,
    _at,
    _cites,
    _first_line,
    _ref,
    _span,
    _tuple,
    tok_of,
    unescape,
)

# The model's values made without attrs' __init__ (see argmap.model._fast): every field given
_Ref, _Claim, _Relation, _Link, _Quote = (maker(c) for c in (Ref, Claim, Relation, Link, Quote))

_STRAY = {"quote": "quote", "tags": "tags", "concession": "concession", "member": "in", "wording": "wording"}

# A line under a claim, before it is folded into the claim: (kind, value, span), a plain tuple.
_QUOTE, _TAGS, _CONCESSION, _LINK, _SETTING = "quote", "tags", "concession", "link", "setting"
_MEMBER, _WORDING = "member", "wording"


@attrs.frozen
class Heading:
    """A ``footnotes`` heading: it says nothing, but the formatter keeps where it was."""

    span: Span


def rule(core: Callable[[Any, list], Any]) -> Callable[[Any, list], Any]:
    """A rule's method for lark, from *core*, the method over the builder's tokens (kept as ``.core``).

    lark hands a rule lark tokens; the line lane calls ``.core`` with its own
    tokens directly.  Both build the same value, by the same code.
    """
    def method(self, children: list):
        return core(self, [tok_of(c) if type(c) is Token else c for c in children])

    method.__name__ = method.__qualname__ = core.__name__
    method.__doc__ = core.__doc__
    method.core = core  # type: ignore[attr-defined]
    return method


class Builder(Transformer):
    """Turns the parser's reductions into model objects, one rule at a time.

    Each rule's method reads the builder's tokens (:class:`Tok`); :func:`rule`
    gives lark a method that turns lark's tokens into those first.
    """

    @rule
    def link_target(self, children):
        source, target = _ref(children[0]), _ref(children[1])
        return _Link(source, target, source.span)

    @rule
    def field(self, children):
        name, value = children
        raw = unescape(value[1]) if value[1].startswith('"') else value[1]
        return Field(name[1], raw, _span(name))

    @rule
    def header(self, children):
        ident, *rest, close = children
        title = None
        if rest and type(rest[0]) is tuple and rest[0][0] == "STRING":
            title = unescape(rest.pop(0)[1])
        return Document(ident[1], title, tuple(rest), _span(ident), _span(close))

    @rule
    def use(self, children):
        ident = children[0]
        path = unescape(children[1][1]) if len(children) > 1 else None
        return Use(ident[1], path, _span(ident))

    @rule
    def thesis(self, children):
        ident = children[0]
        _, _, text, citations, i = _first_line(children)
        # a thesis carries weight, standard and burden lines; any other line under it is kept by its
        # keyword, for the loader to report (A010)
        return Thesis(ident[1], text, citations, _span(ident),
                      tuple(value if kind is _SETTING else Setting(_STRAY.get(kind) or value[0], "", at)
                            for kind, value, at in children[i:]))

    @rule
    def case(self, children):
        ident, stance, thesis = children[:3]
        _, _, text, citations, _ = _first_line(children, 3)
        return Case(ident[1], stance[1], _ref(thesis), text, citations, _span(ident))

    @rule
    def person(self, children):
        kind, ident = children[:2]
        _, _, text, citations, _ = _first_line(children, 2)
        return Person(ident[1], text, kind[1], citations, _span(ident))

    @rule
    def group(self, children):
        ident = children[0]
        parent, _, text, citations, _ = _first_line(children)
        return Group(ident[1], text, parent, citations, _span(ident))

    @rule
    def member(self, children):
        return (_MEMBER, children[1], _span(children[0]))

    @rule
    def wording(self, children):
        string = children[1]
        return (_WORDING, Wording(unescape(string[1]), _cites(children[2]) if len(children) > 2 else (),
                                  _span(string)), _span(children[0]))

    @rule
    def quote(self, children):
        string = children[0]
        span = _span(string)
        return (_QUOTE, _Quote(unescape(string[1]), _cites(children[1]) if len(children) > 1 else (), span), span)

    @rule
    def tags(self, children):
        keyword, *names = children
        return (_TAGS, tuple(c[1] for c in names), _span(keyword))

    @rule
    def concession(self, children):
        return (_CONCESSION, True, _span(children[0]))

    def _setting(self, children):
        keyword, value = children
        word = value[1]
        if keyword[1] == "standard":  # a Carneades code (`cce`) means the standard's word
            word = STANDARD_ALIASES.get(word.lower(), word)
        return (_SETTING, Setting(keyword[1], word, _span(keyword)), _span(keyword))

    weight = standard = burden = rule(_setting)

    @rule
    def scheme(self, children):
        return children[1]

    @rule
    def link(self, children):
        kind, target = children[0], children[1]
        scheme = children[2] if len(children) > 2 else None
        return (_LINK, (kind[1], _ref(target), scheme), _tuple(Span, (kind[2], kind[3], None, None)))

    @rule
    def claim(self, children):
        ident = children[0]
        case, by, text, citations, i = _first_line(children)
        span = _tuple(Span, ident[2:])
        name = ident[1]
        if i == len(children):  # no lines under the claim
            return (_Claim(name, text, case, by, citations, (), (), False, span, (), (), (), None, NOWHERE, ()), ())
        # the lists are made only for the kinds of line the claim has: most have links alone
        quotes = tags = tags_spans = concession_spans = settings = wordings = None
        group, group_span = None, NOWHERE
        links: list[Relation] = []
        source = _Ref(name, None, span)
        for kind, value, at in children[i:]:
            if kind is _LINK:
                scheme = value[2]
                links.append(_Relation(value[0], source, value[1], True, at, None, NOWHERE) if scheme is None
                             else _Relation(value[0], source, value[1], True, at, scheme[1], _span(scheme)))
            elif kind is _QUOTE:
                if quotes is None:
                    quotes = []
                quotes.append(value)
            elif kind is _TAGS:
                if tags is None:
                    tags, tags_spans = [], []
                tags.extend(value)
                tags_spans.append(at)
            elif kind is _SETTING:
                if settings is None:
                    settings = []
                settings.append(value)
            elif kind is _MEMBER:
                group, group_span = value[1], _span(value)
            elif kind is _WORDING:
                if wordings is None:
                    wordings = []
                wordings.append(value)
            else:
                if concession_spans is None:
                    concession_spans = []
                concession_spans.append(at)
        claim = _Claim(name, text, case, by, citations, tuple(quotes) if quotes else (), tuple(tags) if tags else (),
                       concession_spans is not None, span, tuple(tags_spans) if tags_spans else (),
                       tuple(concession_spans) if concession_spans else (), tuple(settings) if settings else (),
                       group, group_span, tuple(wordings) if wordings else ())
        return (claim, tuple(links))

    @rule
    def relation(self, children):
        source, kind, target = children[:3]
        source = _ref(source)
        if len(children) > 3:
            return _Relation(kind[1], source, _ref(target), False, source.span, children[3][1], _span(children[3]))
        return _Relation(kind[1], source, _ref(target), False, source.span, None, NOWHERE)

    @rule
    def argument(self, children):
        ident = children[0]
        case, by, _, _, i = _first_line(children)
        refs = children[i:]
        scheme = refs.pop() if refs and refs[-1][0] == "ID" else None
        if len(refs) > 1 and refs[-2][0] == "LINK_KIND":  # p + q rebuts c (or `supports`, the arrow's word)
            kind_token = refs.pop(-2)
            *premises, conclusion = (_ref(c) for c in refs)
            return Argument(ident[1], tuple(premises), conclusion, case, by, _span(ident),
                            scheme and scheme[1], _span(scheme) if scheme else NOWHERE,
                            kind_token[1], _span(kind_token))
        *premises, conclusion = (_ref(c) for c in refs)
        if scheme is None:
            return Argument(ident[1], tuple(premises), conclusion, case, by, _span(ident))
        return Argument(ident[1], tuple(premises), conclusion, case, by, _span(ident), scheme[1], _span(scheme))

    @rule
    def footnotes_heading(self, children):
        return Heading(_span(children[0]))

    @rule
    def footnote(self, children):
        label = children[0]
        _, _, text, _, _ = _first_line(children)  # a note's own citations are not kept
        return Footnote(label[1][2:-2], text, _span(label))

    @rule
    def start(self, children):
        return children
