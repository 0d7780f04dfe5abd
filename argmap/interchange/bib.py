"""A map's footnotes as a bibliography: CSL-JSON and BibTeX.

Each distinct item is one entry: notes whose text is the same item
(:func:`argmap.model.notes.item_key`) are merged, and "Ibid." counts for the
note it repeats (:meth:`argmap.model.Map.source_note`).  The entry's
``note`` field lists the footnote numbers that cite it.  Fields come from
:attr:`argmap.model.Footnote.info`; a field the note does not give is left
out rather than guessed.  Authors are kept as written (CSL ``literal``,
BibTeX ``{{...}}``), since notes mix family-first and given-first names.
"""

from __future__ import annotations

import calendar
import json
import re

from argmap.interchange._common import Report
from argmap.model.notes import item_key
from argmap.model import Footnote, Map


def bibliography(m: Map, report: Report | None = None) -> list[tuple[Footnote, list[str]]]:
    """(the note that names the item, labels of every note citing it), in first-cited order."""
    report = report or Report(m.path)
    entries: dict[str, tuple[Footnote, list[str]]] = {}
    for note in m.footnotes:
        source = m.source_note(note.label)
        if source is None:
            report.add("X306", f"note [^{note.label}] says \"Ibid.\" with no note before it; it has no entry",
                       note.span.line, note.span.column)
            continue
        key = item_key(source.text)
        if key not in entries:
            entries[key] = (source, [])
        if note.label not in entries[key][1]:
            entries[key][1].append(note.label)
    return list(entries.values())


def _notes_field(labels: list[str]) -> str:
    return ("footnote " if len(labels) == 1 else "footnotes ") + ", ".join(labels)


def _csl_type(info) -> str:
    if info.title and info.container:
        return "article-journal" if re.search(r"\b(vol|no)\.", info.container or "", re.I) else "article"
    if info.title:
        return "webpage" if info.url else "document"
    if info.publisher:
        return "article-newspaper"
    return "webpage" if info.url else "document"


def _entry_id(m: Map, labels: list[str]) -> str:
    return f"{m.id}-{labels[0]}"


def csl_items(m: Map, report: Report | None = None) -> list[dict]:
    """The bibliography as CSL-JSON items (dicts)."""
    items = []
    for note, labels in bibliography(m, report):
        info = note.info
        item: dict = {"id": _entry_id(m, labels), "type": _csl_type(info)}
        if info.title:
            item["title"] = info.title
        if info.author:
            item["author"] = [{"literal": info.author}]
        if info.container:
            item["container-title"] = info.container
        if info.publisher:
            key = "container-title" if item["type"] == "article-newspaper" and "container-title" not in item \
                else "publisher"
            item[key] = info.publisher
            if key == "container-title":
                item["publisher"] = info.publisher
        if info.date:
            parts = [p for p in (info.date.year, info.date.month, info.date.day) if p]
            item["issued"] = {"date-parts": [parts]}
        if info.url:
            item["URL"] = info.url
        if info.doi:
            item["DOI"] = info.doi
        item["note"] = _notes_field(labels)
        item["annote"] = note.text
        items.append(item)
    return items


def write_csl_json(m: Map, report: Report | None = None) -> str:
    """The footnotes as a CSL-JSON array."""
    return json.dumps(csl_items(m, report), indent=2, ensure_ascii=False) + "\n"


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def _bibtex_value(text: str) -> str:
    def escape(m: re.Match) -> str:
        c = m.group(1)
        return {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(c, "\\" + c)

    return _BIBTEX_SPECIAL.sub(escape, text)


def write_bibtex(m: Map, report: Report | None = None) -> str:
    """The footnotes as BibTeX entries."""
    out = []
    for note, labels in bibliography(m, report):
        info = note.info
        kind = "article" if info.title and info.container else "misc"
        fields: list[tuple[str, str]] = []
        if info.author:
            fields.append(("author", "{" + _bibtex_value(info.author) + "}"))
        if info.title:
            fields.append(("title", _bibtex_value(info.title)))
        if info.container:
            fields.append(("journal" if kind == "article" else "howpublished", _bibtex_value(info.container)))
        if info.publisher:
            fields.append(("publisher", _bibtex_value(info.publisher)))
        if info.date:
            fields.append(("year", str(info.date.year)))
            if info.date.month:
                fields.append(("month", calendar.month_abbr[info.date.month].lower()))
            if info.date.day:
                fields.append(("day", str(info.date.day)))
        if info.url:
            fields.append(("url", info.url))
        if info.doi:
            fields.append(("doi", info.doi))
        fields.append(("note", _bibtex_value(_notes_field(labels).capitalize())))
        fields.append(("annote", _bibtex_value(note.text)))
        key = re.sub(r"[^\w:-]", "_", _entry_id(m, labels))
        body = ",\n".join(f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
                          for name, value in fields)
        out.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(out)
