"""Which characters a match of a regular expression can start with (or hold), read from the expression itself.

The line lane guards each token with a negative look-ahead for every
terminal lark's lexer would try before it (:mod:`argmap.syntax.shapes`).  A
terminal that cannot start with any character the token can start with
never matches where the token does, and its look-ahead only costs time: it is
left out.  :func:`starts` answers from the pattern's parse (the ``re``
module's own parser), for the ASCII characters one by one and for all other
characters at once, and always errs on the side of "it may": a pattern that
can match the empty string, or uses a construct not read here, may start
with anything.  :func:`may_hold` answers the like for any character of a
match: the lane writes a token's line and column without looking for line
breaks in it when its terminal cannot hold one (lark's own guess,
``newline_types``, counts any negated class, ``[^\\W\\d]`` too).
"""

from __future__ import annotations

import functools
import re

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_ALL = frozenset(range(128))


class _Unknown(Exception):
    """A construct this module does not read: the pattern may start with anything."""


@functools.cache
def _category(category) -> frozenset[int]:
    """The ASCII characters of a class like ``\\w`` or ``\\S`` (as ``re`` reads them, Unicode rules)."""
    escape = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
              _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}.get(category)
    if escape is None:
        raise _Unknown(category)
    pattern = re.compile(escape)
    return frozenset(c for c in _ALL if pattern.match(chr(c)))


def _cased(chars: set[int]) -> set[int]:
    return chars | {ord(chr(c).swapcase()) for c in chars if chr(c).isalpha()}


def _in(items, icase: bool) -> tuple[set[int], bool]:
    """(ASCII characters, whether others may) of a character class ``[...]``."""
    chars: set[int] = set()
    other = False
    negate = False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            if av < 128:
                chars.add(av)
            else:
                other = True
        elif op is _c.RANGE:
            lo, hi = av
            chars.update(range(lo, min(hi, 127) + 1))
            other = other or hi >= 128
        elif op is _c.CATEGORY:
            chars |= _category(av)
            other = True  # every class holds some non-ASCII character or excludes some
        else:
            raise _Unknown(op)
    if icase:
        chars = _cased(chars)
        other = True
    if negate:
        return set(_ALL - chars), True
    return chars, other


def _sequence(items, icase: bool) -> tuple[set[int], bool, bool]:
    """(ASCII characters, whether others may, whether it can match the empty string) of a sequence."""
    chars: set[int] = set()
    other = False
    for op, av in items:
        c, o, empty = _item(op, av, icase)
        chars |= c
        other = other or o
        if not empty:
            return chars, other, False
    return chars, other, True


def _item(op, av, icase: bool) -> tuple[set[int], bool, bool]:
    if op is _c.LITERAL:
        if av >= 128:
            return set(), True, False
        return (_cased({av}), True, False) if icase else ({av}, False, False)
    if op is _c.NOT_LITERAL:
        return set(_ALL - {av}), True, False
    if op is _c.ANY:
        return set(_ALL), True, False
    if op is _c.IN:
        chars, other = _in(av, icase)
        return chars, other, False
    if op is _c.SUBPATTERN:
        _, add, _, items = av
        return _sequence(items, icase or bool(add & _c.SRE_FLAG_IGNORECASE))
    if op is _c.ATOMIC_GROUP:
        return _sequence(av, icase)
    if op is _c.BRANCH:
        chars: set[int] = set()
        other = empty = False
        for alternative in av[1]:
            c, o, e = _sequence(alternative, icase)
            chars |= c
            other, empty = other or o, empty or e
        return chars, other, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
        low, _, items = av
        chars, other, empty = _sequence(items, icase)
        return chars, other, empty or low == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), False, True  # no character of its own (what it demands only narrows the match)
    raise _Unknown(op)


@functools.cache
def starts(pattern: str) -> tuple[frozenset[int], bool] | None:
    """(the ASCII characters a match of *pattern* can start with, whether other characters can), or None for any."""
    try:
        parsed = _p.parse(pattern)
        chars, other, empty = _sequence(list(parsed), bool(parsed.state.flags & _c.SRE_FLAG_IGNORECASE))
    except (_Unknown, re.error):
        return None
    return None if empty else (frozenset(chars), other)


def may_overlap(a: str, b: str) -> bool:
    """Whether a match of pattern *a* and one of pattern *b* can start at the same character."""
    x, y = starts(a), starts(b)
    if x is None or y is None:
        return True
    return bool(x[0] & y[0]) or (x[1] and y[1])


def _holds(items, code: int, icase: bool) -> bool:
    """Whether a match of the parsed *items* can hold the character *code* (ASCII) anywhere."""
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            chars, _, _ = _item(op, av, icase)
            if code in chars:
                return True
        elif op is _c.SUBPATTERN:
            if _holds(av[3], code, icase or bool(av[1] & _c.SRE_FLAG_IGNORECASE)):
                return True
        elif op is _c.ATOMIC_GROUP:
            if _holds(av, code, icase):
                return True
        elif op is _c.BRANCH:
            if any(_holds(alternative, code, icase) for alternative in av[1]):
                return True
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
            if av[1] > 0 and _holds(av[2], code, icase):
                return True
        elif op not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # a look-around consumes nothing
            raise _Unknown(op)
    return False


@functools.cache
def may_hold(pattern: str, char: str) -> bool:
    """Whether a match of *pattern* can hold the ASCII character *char* (True when unsure)."""
    try:
        parsed = _p.parse(pattern)
        return _holds(list(parsed), ord(char), bool(parsed.state.flags & _c.SRE_FLAG_IGNORECASE))
    except (_Unknown, re.error):
        return True
