"""An article's title, author and date, where its opening lines (or its close) state them.

:func:`metadata` is the header part of :func:`argmap.sources.text.read_source`:
it reads the text's blocks (paragraphs as offsets) before the notes section.
"""

from __future__ import annotations

import calendar
import re

from argmap.model import PartialDate

_SMALL = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "of", "in", "on", "at", "to", "by",
          "with", "from", "into", "onto", "upon", "via", "vs", "per", "as", "than", "over", "after", "up"}
_CAPTION = re.compile(r"(?:credits?|photo|image|source|caption|by)\b", re.I)
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH = "(?P<month>" + "|".join(calendar.month_name[1:]) + ")"
_DATES = [re.compile(r"(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})"),
          re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"),
          re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})")]
_NAME = r"[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3}"
_BYLINE = re.compile(r"by\s+(" + _NAME + r")\s*$", re.I)
_BIO = re.compile(r"(" + _NAME + r") is (?:an?|the) [^.]{3,120}\.$")
_NAME_LINE = re.compile(r"[•▪◦·‣*\s]*(" + _NAME + r")\s*$")


def _date(words: str) -> PartialDate | None:
    """The date that *words* consist of, if they are nothing else."""
    for pattern in _DATES:
        m = pattern.fullmatch(words.strip(" ()"))
        if m:
            month = int(m.group("mm")) if "mm" in pattern.groupindex else _MONTHS.get(m.group("month").casefold())
            if month is None:
                continue
            try:
                return PartialDate.of(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                return None
    return None


def _title_like(line: str) -> bool:
    """A short line, title-cased, that is no caption, date or sentence."""
    words = [w.strip("“”\"'‘’:;,()–-") for w in line.split()]
    words = [w for w in words if w]
    if not words or len(words) > 20 or line.rstrip()[-1:] in ".,;" or _CAPTION.match(line) or _date(line):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL for w in words)


def metadata(text: str, blocks: list[tuple[int, int]],
             body_end: int) -> tuple[str | None, str | None, PartialDate | None]:
    """(title, author, date) where the text states them."""
    pieces = [text[s:e] for s, e in blocks if s < body_end]
    prose = (i for i, p in enumerate(pieces) if len(p.split()) >= 12 and p.rstrip()[-1:] in ".!?”\"")
    lead = next(prose, len(pieces))  # the first paragraph of prose
    heads = [p for p in pieces[:lead] if "\n" not in p]
    titles = [p for p in heads if _title_like(p)]
    title = max(titles, key=len) if titles else None
    date = next((d for d in map(_date, heads) if d), None)
    if date is None:
        # an article that closes with its date: "... (February 3, 2012)"
        for p in pieces[lead:]:
            m = re.search(r"\(([^()]{6,30})\)\s*$", p)
            if m and _date(m.group(1)):
                date = _date(m.group(1))
    author = next((m.group(1) for m in map(_BYLINE.match, heads) if m), None)
    if author is None:
        bios = [m.group(1) for m in map(_BIO.match, pieces[lead:][-3:]) if m]
        author = bios[-1] if bios else None
    if author is None and lead < len(pieces):
        # a name standing alone on a line that the opening paragraph names too
        names = [m.group(1) for m in map(_NAME_LINE.match, (text[s:e] for s, e in blocks)) if m]
        author = next((n for n in names if n in pieces[lead] and n != title), None)
    return title, author, date
