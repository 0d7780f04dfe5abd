"""An article's text as data: paragraphs, sentences, footnote markers, notes.

:func:`read_source` reads the structure a plain-text article shows and keeps
it as character offsets into the original text, so that anything found can
be pointed at (or quoted) exactly.  Footnote markers are only believed when
the notes section defines them and they come in (mostly) ascending order:
that is what tells ``...important."1`` from ``in 1875``, ``No. 6`` or
``54.3 percent``.  docs/sources.md lists the forms understood.
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

from argmap.model import PartialDate
from argmap.sources.metadata import metadata


@attrs.frozen
class Sentence:
    """A sentence: ``text[start:end]``, markers glued to its end included."""

    start: int
    end: int
    paragraph: int


@attrs.frozen
class Paragraph:
    """A paragraph (a block of lines between blank lines, or a bulleted line)."""

    start: int
    end: int
    sentences: tuple[Sentence, ...] = ()


@attrs.frozen
class Marker:
    """A footnote marker in the body: ``text[offset:end]`` is the mark as printed."""

    label: str
    offset: int
    end: int
    paragraph: int


@attrs.frozen
class Note:
    """A note of the notes section: its label, its words as printed, where they start."""

    label: str
    wording: str
    offset: int
    start: int  # where the note's label is printed

    @property
    def text(self) -> str:
        """The wording with runs of whitespace made single spaces."""
        return " ".join(self.wording.split())


@attrs.frozen
class SourceText:
    """An article read once: its structure as offsets into ``text``."""

    text: str = attrs.field(repr=False)
    name: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    markers: tuple[Marker, ...] = ()
    notes: tuple[Note, ...] = ()
    notes_start: int | None = None
    notes_end: int | None = None
    title: str | None = None
    author: str | None = None
    date: PartialDate | None = None

    @property
    def has_notes(self) -> bool:
        """Whether the text ends its body with a notes section."""
        return bool(self.notes)

    @property
    def body_end(self) -> int:
        """Where the body stops: the start of the notes section, else the end of the text."""
        return self.notes_start if self.notes_start is not None else len(self.text)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence, paragraph by paragraph."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def slice(self, item: Sentence | Paragraph | Marker) -> str:
        """The original text of a sentence, paragraph or marker."""
        return self.text[item.offset if isinstance(item, Marker) else item.start:item.end]

    @functools.cached_property
    def _marker_offsets(self) -> list[int]:
        return [m.offset for m in self.markers]

    def markers_in(self, item: Sentence | Paragraph) -> tuple[Marker, ...]:
        """The markers printed inside a sentence or paragraph, in order."""
        offsets = self._marker_offsets
        lo, hi = bisect.bisect_left(offsets, item.start), bisect.bisect_left(offsets, item.end)
        return self.markers[lo:hi]


# ------------------------------------------------------------ paragraphs ----

_LINE = re.compile(r"[^\n]*\n?")
_BULLET = re.compile(r"[ \t]*[•▪◦·‣]\s")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, the newline left out."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        out.append((m.start(), m.end() - (1 if m.group().endswith("\n") else 0)))
    return out


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraph spans, trimmed of surrounding whitespace."""
    blocks: list[list[int]] = []
    open_block = False
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            open_block = False
            continue
        if not open_block or _BULLET.match(line):
            blocks.append([start, end])
            open_block = True
        else:
            blocks[-1][1] = end
    out = []
    for start, end in blocks:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        out.append((start + lead, start + len(piece.rstrip())))
    return out


# ----------------------------------------------------------------- notes ----

_NOTE_LINE = re.compile(r"[ \t]*(?:(?P<num>\d{1,3})[.)]|\((?P<star>\*\d{1,2})\)|\[(?P<br>\d{1,3})\])"
                        r"[ \t]+(?:\^[ \t]*)?(?=\S)")
_NOTES_HEADING = re.compile(r"\s*(?:end\s?notes|foot\s?notes|notes?|references|sources)\s*:?\s*$", re.I)


def _note_runs(text: str, lines: list[tuple[int, int]]) -> list[tuple[list[Note], int, bool]]:
    """Runs of note lines numbered from 1 upwards: (notes, where the section starts, whether headed)."""
    runs: list[tuple[list[Note], int, bool]] = []
    current: list[Note] | None = None
    style, last, blank_before, previous_line = "", 0, True, None
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            blank_before = True
            continue
        m = _NOTE_LINE.match(line)
        if m:
            label = m.group("num") or m.group("star") or m.group("br")
            kind = "star" if m.group("star") else "br" if m.group("br") else "num"
            value = int(label.lstrip("*"))
            note = Note(label, line[m.end():].rstrip(), start + m.end(), start + len(line) - len(line.lstrip()))
            if current is not None and kind == style and value > last:
                current.append(note)
            elif value == 1:
                headed = previous_line is not None and bool(
                    _NOTES_HEADING.match(text[previous_line[0]:previous_line[1]]))
                current = [note]
                runs.append((current, previous_line[0] if headed else start, headed))
                style = kind
            else:
                current = None
            last = value if current is not None else 0
        elif current is not None and not blank_before:
            # a note wrapped over several lines
            note = current[-1]
            current[-1] = attrs.evolve(note, wording=text[note.offset:end].rstrip())
        else:
            current = None
        blank_before, previous_line = False, (start, end)
    return runs


# --------------------------------------------------------------- markers ----

# The punctuation is matched, not looked behind at: a pattern that opens with a
# character class is searched for quickly.
_GLUED = re.compile(r"[.,;:!?\"'”’)\]](\d{1,3})(?![\w%]|\.\d)")
_SPACED = re.compile(r"[.!?,;:][\"'”’)\]][ \u00a0](\d{1,3})(?![\w%])")
_STAR = re.compile(r"\(\*(\d{1,2})\)")
_BRACKET = re.compile(r"\[(\d{1,3})\]")
Candidate = tuple[int, int, str, int]  # offset, end, label, weight
# Words after which a glued number is a number, not a note: "No.6", "pp.12".
_NUMBERED = {"no", "nos", "vol", "vols", "p", "pp", "art", "arts", "fig", "figs", "ch", "chap", "sec",
             "para", "n", "nn", "op", "ed", "eds", "pt", "bk", "ser"}


def _glued_weight(text: str, i: int) -> int:
    """How surely a number glued at *i* is a marker: 4 certain, 3 sure, 1 weak, 0 not one."""
    pre, before = text[i - 1], text[i - 2] if i >= 2 else " "
    if pre in "\"'’":
        return 4 if not before.isspace() else 0  # after a closing quote, not an opening one
    if pre == "”":
        return 4
    if pre in ")]":
        return 2
    if pre in ",;:":
        return 0 if before.isdigit() or before.isspace() else 1  # 1,000 / 1:30
    token = re.search(r"\S*$", text[max(0, i - 41):i - 1]).group().lstrip("([“\"'‘").lower()
    if token[-1:].isdigit():
        # "1980.10": a marker after a year; "54.3", "3.2" are numbers.
        digits = re.search(r"\d+$", token).group()
        return 1 if len(digits) == 4 else 0
    return 0 if token in _NUMBERED or not token else 3


def _candidates(text: str, end: int, labels: set[str]) -> list[Candidate]:
    """(offset, end, label, weight) of every mark that could be a marker, in text order."""
    found = []
    if any(label.startswith("*") for label in labels):
        found = [(m.start(), m.end(), "*" + m.group(1), 4) for m in _STAR.finditer(text, 0, end)]
    else:
        for m in _GLUED.finditer(text, 0, end):
            weight = _glued_weight(text, m.start(1))
            if weight:
                found.append((m.start(1), m.end(1), m.group(1), weight))
        found += [(m.start(1), m.end(1), m.group(1), 2) for m in _SPACED.finditer(text, 0, end)
                  if not text[m.end():m.end() + 40].lstrip()[:1].islower()]  # "...” 20 percent" is a count
        found += [(m.start(), m.end(), m.group(1), 4) for m in _BRACKET.finditer(text, 0, end)]
    return sorted(c for c in found if c[2] in labels)


def _ascending(candidates: list[Candidate], order: dict[str, int]) -> list[Candidate]:
    """The heaviest subsequence whose labels rise in note order (a sure mark may repeat one).

    A weighted longest-increasing-subsequence over label ranks (Fenwick tree
    of prefix maxima), so that an odd number that happens to match a note
    loses to the run of true markers around it.  A number glued to a closing
    quotation mark is a marker even out of order (a note cited again later).
    """
    size = len(order)
    tree = [(0, -1)] * (size + 1)  # 1-based prefix maxima of (weight, candidate)

    def best(rank: int) -> tuple[int, int]:
        top = (0, -1)
        while rank > 0:
            top = max(top, tree[rank], key=lambda t: t[0])
            rank -= rank & -rank
        return top

    def put(rank: int, value: tuple[int, int]) -> None:
        while rank <= size:
            if value[0] > tree[rank][0]:
                tree[rank] = value
            rank += rank & -rank

    previous = []
    for index, (_, _, label, weight) in enumerate(candidates):
        rank = order[label] + 1
        total, before = best(rank if weight >= 3 else rank - 1)
        previous.append(before)
        put(rank, (total + weight, index))
    _, index = best(size)
    chain = set()
    while index >= 0:
        chain.add(index)
        index = previous[index]
    return [c for i, c in enumerate(candidates) if i in chain or c[3] == 4]


# ------------------------------------------------------------- sentences ----

_END = re.compile(r"(?:[.!?]+|…)[\"'”’)\]]*")
_NEVER_LAST = {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Capt", "Rev", "Hon",
           "Gov", "Sen", "Rep", "Pres", "Mt", "Messrs", "Mme", "Mlle", "Adm", "Amb", "vs", "cf", "approx", "ca"}
_MONTH_ABBR = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _abbreviation(text: str, dot: int, start: int, following: str) -> bool:
    """Whether the "." at *dot* closes an abbreviation rather than a sentence."""
    word = re.search(r"\S*$", text[max(start, dot - 40):dot]).group()
    token = word.lstrip("([“\"'‘")
    if not token:
        return False
    if "." in token or (len(token) == 1 and token.isupper()) or token in _NEVER_LAST:
        return True  # U.S., e.g., initials ("James D. J. Brown"), Mr.
    if token.isdigit() and dot - len(word) == start:
        return True  # a list number opening the paragraph: "1. The Financial Times"
    return following.isdigit() and (token.lower() in _NUMBERED or token.lower() in _MONTH_ABBR)


def _sentences(text: str, start: int, end: int, paragraph: int, marks: dict[int, int]) -> tuple[Sentence, ...]:
    """The sentences of the paragraph ``text[start:end]``; *marks* maps each marker's offset to its end."""
    out, current = [], start
    for m in _END.finditer(text, start, end):
        after = m.end()
        if after in marks:
            after = marks[after]
        elif text[after:after + 1] == " " and after + 1 in marks:
            after = marks[after + 1]
        if after < end and not text[after].isspace():
            continue
        following = after
        while following < end and text[following].isspace():
            following += 1
        nxt = text[following:following + 1]
        if nxt.islower() or (m.group() == "." and _abbreviation(text, m.start(), current, nxt)):
            continue
        if after > current:
            out.append(Sentence(current, after, paragraph))
        current = following
    if current < end:
        out.append(Sentence(current, end, paragraph))
    return tuple(out)


# ------------------------------------------------------------------ read ----


def read_source(text: str, name: str | None = None) -> SourceText:
    """Read an article's paragraphs, sentences, footnote markers, notes and header."""
    lines = _lines(text)
    blocks = _blocks(text, lines)
    notes: list[Note] = []
    notes_start = notes_end = None
    chain: list[Candidate] = []
    for run, section, headed in reversed(_note_runs(text, lines)):
        order = {n.label: i for i, n in enumerate(run)}
        found = _ascending(_candidates(text, section, set(order)), order)
        # A numbered list in the body is no notes section: the body must cite it.
        if headed or 2 * len({c[2] for c in found}) >= len(run):
            notes, notes_start, chain = run, section, found
            notes_end = run[-1].offset + len(run[-1].wording)
            break
    starts = [s for s, _ in blocks]
    markers = tuple(Marker(label, s, e, bisect.bisect_right(starts, s) - 1) for s, e, label, _ in chain)
    marks = {m.offset: m.end for m in markers}
    paragraphs = tuple(Paragraph(s, e, _sentences(text, s, e, i, marks)) for i, (s, e) in enumerate(blocks))
    title, author, date = metadata(text, blocks, notes_start if notes_start is not None else len(text))
    return SourceText(text, name, paragraphs, markers, tuple(notes), notes_start, notes_end, title, author, date)
