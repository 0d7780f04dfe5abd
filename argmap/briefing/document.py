"""A brief as a small document: headings, paragraphs, nested lists, and its numbered sources.

Inline parts are tuples: ``("t", text)``, ``("em", text)`` (a quotation),
``("b", text)`` (bold), ``("ref", number)`` (a reference to a source).  Headings of level 2, 3
and 4 are the Verbatim template's Hat, Block and Tag (level 1, the
title, is its Pocket); a :class:`Card` is a tag, a cite and card text.
:mod:`argmap.briefing.markdown` and :mod:`argmap.briefing.html` write it out.
"""

from __future__ import annotations

import attrs


class BriefError(ValueError):
    """A brief that cannot be made: the case is not in the map."""


@attrs.frozen
class Heading:
    """A heading of level 1 (the title) to 3."""

    level: int
    text: str


@attrs.frozen
class Paragraph:
    """A paragraph of inline parts."""

    parts: tuple


@attrs.frozen
class Item:
    """A list item: inline parts, then nested lists."""

    parts: tuple
    children: tuple = ()  # nested blocks (lists)


@attrs.frozen
class ItemList:
    """A bulleted (or numbered) list."""

    items: tuple[Item, ...]
    ordered: bool = False


@attrs.frozen
class Card:
    """An evidence card: tag and cite (inline parts), the card text, and what the checks found.

    ``text`` is the passage as pieces ``(words, marked)`` cut from the
    article, the quoted words marked; empty when there is no quotation or
    the card was refused.  ``flags`` are findings a reader must see before
    reading the card out (a note dated after the article, a quotation not
    in the source).
    """

    tag: tuple
    cite: tuple
    text: tuple[tuple[str, bool], ...] = ()
    flags: tuple[str, ...] = ()
    quote: str | None = None


@attrs.frozen
class Source:
    """One item of the bibliography: its brief number, its text and the notes that cite it."""

    number: int
    text: str
    notes: tuple[str, ...]


@attrs.frozen
class Brief:
    """A brief: its title, its blocks, and the sources its references point to."""

    title: str
    blocks: tuple
    sources: tuple[Source, ...]
