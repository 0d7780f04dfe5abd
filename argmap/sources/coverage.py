"""How much of an article a map uses: the passages it quotes or cites, the markers and notes it cites.

A claim *touches* the article where one of its quotations is found, and in
the sentence that carries each footnote marker it (or one of its
quotations) cites.  :func:`coverage` works this out from the map and the
text; :func:`coverage_text` gives the summary and the paragraphs nothing
touches; :mod:`argmap.sources.coverage_html` draws the article with all of
it marked.
"""

from __future__ import annotations

import bisect
import re

import attrs

from argmap.model import Map
from argmap.sources.match import find_quotation
from argmap.sources.text import Paragraph, SourceText, read_source

_PROSE_END = re.compile(r"[.?!…][\"'”’)\]]*(?:\s*\d{1,3})?\s*$")


@attrs.frozen
class Passage:
    """A stretch ``[start, end)`` of the article that claims quote (``kind`` "quote") or cite ("cite")."""

    start: int
    end: int
    kind: str
    claims: tuple[str, ...]


@attrs.frozen
class Coverage:
    """What a map uses of its article: passages, cited labels, and the paragraphs counted."""

    source: SourceText
    passages: tuple[Passage, ...]
    cited: frozenset[str]  # footnote labels some claim cites
    prose: tuple[int, ...]  # indexes of the body's paragraphs of prose
    touched: frozenset[int]  # indexes of the paragraphs some passage overlaps
    claims: tuple[tuple[str, str], ...] = ()  # (id, text) of every claim, in the map's order

    @property
    def paragraphs(self) -> tuple[int, int]:
        """(prose paragraphs touched, prose paragraphs)."""
        return sum(1 for i in self.prose if i in self.touched), len(self.prose)

    @property
    def markers(self) -> tuple[int, int]:
        """(markers whose label a claim cites, markers)."""
        return sum(1 for m in self.source.markers if m.label in self.cited), len(self.source.markers)

    @property
    def notes(self) -> tuple[int, int]:
        """(notes a claim cites, notes)."""
        return sum(1 for n in self.source.notes if n.label in self.cited), len(self.source.notes)

    @property
    def untouched(self) -> tuple[Paragraph, ...]:
        """The prose paragraphs no claim touches, in order."""
        return tuple(self.source.paragraphs[i] for i in self.prose if i not in self.touched)


PROSE_WORDS = 8
"""A paragraph of fewer words is a heading or a credit line, even when it ends like a sentence."""


def _is_prose(source: SourceText, p: Paragraph) -> bool:
    """A paragraph of the body that ends like a sentence and has PROSE_WORDS words or more."""
    words = source.text[p.start:p.end]
    return (p.start < source.body_end and bool(_PROSE_END.search(words))
            and len(words.split()) >= PROSE_WORDS)


def coverage(m: Map, text: str, name: str | None = None) -> Coverage:
    """The passages of *text* that the claims of *m* quote or cite, and what is left untouched."""
    source = read_source(text, name)
    spans: dict[tuple[int, int, str], list[str]] = {}
    cited: set[str] = set()
    by_label: dict[str, list[int]] = {}
    for i, marker in enumerate(source.markers):
        by_label.setdefault(marker.label, []).append(i)
    sentences = source.sentences
    starts = [s.start for s in sentences]
    for claim in m.claims:
        labels = [c.label for c in claim.citations]
        for q in claim.quotes:
            labels.extend(c.label for c in q.citations)
            found = find_quotation(q.text, source)
            if found.found and found.start is not None and found.end is not None:
                for start, end in found.parts or ((found.start, found.end),):
                    spans.setdefault((start, end, "quote"), []).append(claim.id)
        cited.update(labels)
        for label in dict.fromkeys(labels):
            for i in by_label.get(label, ()):
                marker = source.markers[i]
                k = bisect.bisect_right(starts, marker.offset) - 1
                sentence = sentences[k] if k >= 0 and marker.offset < sentences[k].end else None
                if sentence is not None:
                    spans.setdefault((sentence.start, sentence.end, "cite"), []).append(claim.id)
    passages = tuple(Passage(s, e, k, tuple(dict.fromkeys(ids))) for (s, e, k), ids in sorted(spans.items()))
    touched = {i for i, p in enumerate(source.paragraphs) for x in passages if x.start < p.end and p.start < x.end}
    prose = tuple(i for i, p in enumerate(source.paragraphs) if _is_prose(source, p))
    return Coverage(source, passages, frozenset(cited), prose, frozenset(touched),
                    tuple((c.id, c.text) for c in m.claims))


def _share(n: int, total: int) -> str:
    return f"{n} of {total} ({100 * n / total:.0f}%)" if total else "none in the text"


def summary_lines(cov: Coverage) -> list[str]:
    """The three figures: paragraphs touched, markers cited, notes cited."""
    lines = [f"paragraphs touched: {_share(*cov.paragraphs)}"]
    if cov.source.has_notes:
        lines += [f"markers cited: {_share(*cov.markers)}", f"notes cited: {_share(*cov.notes)}"]
    else:
        lines.append("markers and notes: the text has no notes section")
    return lines


def coverage_text(cov: Coverage, title: str = "") -> str:
    """The summary, then each prose paragraph no claim touches (its line and opening words)."""
    out = [title] if title else []
    out += summary_lines(cov)
    untouched = cov.untouched
    out.append(f"paragraphs no claim touches: {len(untouched)}" if untouched else "every paragraph is touched")
    text = cov.source.text
    for p in untouched:
        words = " ".join(text[p.start:p.end].split())
        out.append(f"  line {text.count(chr(10), 0, p.start) + 1}: {words[:72] + '…' if len(words) > 72 else words}")
    return "\n".join(out) + "\n"
