"""Reading bibliographic facts out of a footnote's free text.

Footnotes are kept exactly as the article words them.  This module reads
what it can out of them: the date (to the year, month or day), a url, the
author, title, container and publisher, and whether the note is "Ibid.".
It recognises the shapes real notes take ("TASS, December 16, 2016.",
"Author, “Title,” Container, Vol. 4 (2016).", "22 February 2013") and leaves
a field empty rather than guess.
"""

from __future__ import annotations

import calendar
import re

import attrs

from argmap.model.dates import PartialDate

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# Most precise first: the first pattern that finds a date wins.
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\((?P<year>\d{4})\)"),
    re.compile(r"(?:^|[\s,])(?P<year>(?:1[6-9]|20)\d{2})(?=[\s.,;:)]|$)"),
]
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"“”]*", re.I)
_DOI = re.compile(r"\b10\.\d{4,9}/\S+")
_IBID = re.compile(r"^\s*ibid(?:em)?\b\.?", re.I)
_QUOTED_TITLE = re.compile(r"[“\"](?P<title>.+?)[,.]?[”\"]")


@attrs.frozen
class NoteInfo:
    """What a footnote says, as far as it can be read out of its text."""

    ibid: bool = False
    date: PartialDate | None = None
    date_text: str | None = None
    bad_date: str | None = None
    url: str | None = None
    doi: str | None = None
    author: str | None = None
    title: str | None = None
    container: str | None = None
    publisher: str | None = None
    locator: str | None = None


# Every date pattern holds a year of four digits: a text without four digits in a row has no date.
_FOUR_DIGITS = re.compile(r"\d{4}")
# The patterns that start with a month name can only match where one starts.  In ASCII text that is
# where the lower-cased text has a month name's first three letters (case-insensitive matching of
# ASCII names in ASCII text is lower-casing): found by one plain look-ahead, far faster than trying
# the case-insensitive alternation of names at every position.
_MONTH_LED = frozenset(i for i, p in enumerate(_DATE_PATTERNS) if p.pattern.startswith((_MONTH, r"\b" + _MONTH)))
_ASCII_MONTHS = all(name.isascii() for name in _MONTHS)
_MONTH_STARTS = re.compile("(?=" + "|".join(sorted({re.escape(name[:3]) for name in _MONTHS})) + ")")


# Characters some patterns cannot match without: a text that lacks one is not searched with them.
_NEEDS = {0: "-", 4: "("}  # 2016-12-01; (2016)


def _first(i: int, pattern: re.Pattern, text: str, lower: str | None) -> re.Match | None:
    """``pattern.search(text)``: for a month-led pattern in ASCII text (*lower* given), tried at month names only."""
    need = _NEEDS.get(i)
    if need is not None and need not in text:
        return None
    if lower is None or i not in _MONTH_LED:
        return pattern.search(text)
    for start in _MONTH_STARTS.finditer(lower):
        m = pattern.match(text, start.start())
        if m is not None:
            return m
    return None


def _find_date(text: str) -> tuple[PartialDate | None, str | None, str | None]:
    """(date, the words it was read from, words that look like a date but are not one)."""
    if _FOUR_DIGITS.search(text) is None:
        return None, None, None
    lower = text.lower() if _ASCII_MONTHS and text.isascii() else None
    for i, pattern in enumerate(_DATE_PATTERNS):
        m = _first(i, pattern, text, lower)  # the first match decides
        if m is not None:
            groups = m.groupdict()
            year = int(groups["year"])
            if groups.get("month"):
                # re.I matches ſept and the Kelvin sign too: casefold reads them as the regex did
                month = _MONTHS.get(groups["month"].casefold().rstrip("."))
                if month is None:
                    continue
            elif groups.get("mnum"):
                month = int(groups["mnum"])
            else:
                month = None
            day = int(groups["day"]) if groups.get("day") else None
            try:
                return PartialDate.of(year, month, day), m.group(0).strip(" ,()"), None
            except ValueError:
                return None, None, m.group(0).strip(" ,()")
    return None, None, None


def read_note(text: str) -> NoteInfo:
    """Read the facts out of one footnote's text."""
    stripped = text.strip()
    ibid_match = _IBID.match(stripped)
    if ibid_match:
        rest = stripped[ibid_match.end():].strip(" ,.")
        return NoteInfo(ibid=True, locator=rest or None)

    url_match = _URL.search(stripped) if "://" in stripped else None  # (every url has one)
    url = url_match.group(0).rstrip(".,;:)") if url_match else None
    doi_match = _DOI.search(stripped) if "10." in stripped else None  # (every DOI starts so)
    doi = doi_match.group(0).rstrip(".,;:)") if doi_match else None
    without_url = _URL.sub("", stripped) if url_match else stripped
    date, date_text, bad_date = _find_date(without_url)

    author = title = container = publisher = None
    quoted = _QUOTED_TITLE.search(without_url)
    if quoted:
        # Author, “Title,” Container, ...
        title = quoted.group("title").strip()
        before = re.sub(r",?\s*\d{4}$", "", without_url[: quoted.start()].strip(" ,"))
        after = without_url[quoted.end():].strip(" ,.")
        author = before or None
        container_part = re.split(r",|\bVol\.|\bno\.|\s\d|\(\d{4}\)", after, maxsplit=1)[0]
        container = container_part.strip(" ,.:") or None
    else:
        # Publisher, date.  (news items: "TASS, December 16, 2016.")
        # the words before the first comma, unless they are a date, or the whole note and a url
        head = stripped.split(",", 1)[0].strip(" .")
        if head and (head != stripped.strip(" .") or not url) and not _find_date(head)[0]:
            publisher = head
    return NoteInfo(
        ibid=False,
        date=date,
        date_text=date_text,
        bad_date=bad_date,
        url=url,
        doi=doi,
        author=author,
        title=title,
        container=container,
        publisher=publisher,
    )


def item_key(text: str) -> str:
    """A key under which two notes that cite the same item compare equal."""
    folded = text.casefold()
    folded = folded.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r"[\W_]+", " ", folded).strip()
