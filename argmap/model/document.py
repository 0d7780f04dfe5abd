"""The map's own document: the article it takes apart."""

from __future__ import annotations

import attrs

from argmap.diagnostics import Span
from argmap.model._spans import span_field as _span
from argmap.model.dates import PartialDate

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
    #: where the header's closing ``}`` was written
    close_span: Span = _span()

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
