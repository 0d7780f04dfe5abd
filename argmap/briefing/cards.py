"""Evidence cards: a claim's tag, its cite, and each quotation inside its paragraph of the source text.

A debater's card (the form of the Verbatim template and of most policy
briefs) is a *tag* (the claim in one line), a *cite* (author and year, the
author's qualification, the full date, the source, the URL, here the note
number) and the *card text*: the evidence as printed, with the words read
aloud underlined and the rest left legible.  Here the card text is the
paragraph of the article that holds the quotation, cut from the article's
text and never altered; the quoted words are marked.  :func:`card_text`
checks what it cut against the text before it hands it over, so a card
that does not match its source is refused with a finding, never printed.
"""

from __future__ import annotations

import attrs

from argmap.analysis import queries as q
from argmap.briefing.document import Card
from argmap.model import Claim, Map
from argmap.sources.match import find_quotation, normalize
from argmap.sources.text import read_source


@attrs.frozen
class Passage:
    """A quotation found in its source: the paragraph as pieces ``(text, marked)``, or why it was refused."""

    pieces: tuple[tuple[str, bool], ...] = ()
    problem: str | None = None


def card_text(quote: str, source: str) -> Passage:
    """The paragraph(s) of *source* holding *quote*, the quoted words marked; or the reason there is none.

    The pieces joined are exactly ``source[start:end]`` for whole
    paragraphs, and the marked pieces are, normalised as the quotation
    checker normalises (curly quotes, dashes, spaces), the quotation's own
    parts; anything else is refused rather than shown.
    """
    found = find_quotation(quote, source)
    if not found.found or found.start is None or found.start == found.end:
        near = f"; the closest passage reads “{found.closest}”" if found.closest else ""
        return Passage(problem=f"the quotation is not in the source text{near}")
    article = read_source(source)
    start, end = found.start, found.end
    first = next((p for p in article.paragraphs if p.start <= start < p.end), None)
    last = next((p for p in article.paragraphs if p.start < end <= p.end), None)
    begin = first.start if first is not None else start
    stop = last.end if last is not None else end
    pieces: list[tuple[str, bool]] = []
    at = begin
    for s, e in found.parts or ((start, end),):
        if s > at:
            pieces.append((source[at:s], False))
        pieces.append((source[s:e], True))
        at = e
    if stop > at:
        pieces.append((source[at:stop], False))
    # verify what is handed over, not what was meant: the same bytes, the same quoted words
    wanted = [p.strip() for p in normalize(quote).split("...") if p.strip()]
    marked = [normalize(t).strip() for t, m in pieces if m]
    if "".join(t for t, _ in pieces) != source[begin:stop] or marked != wanted:
        return Passage(problem="the passage cut from the source text does not match the quotation")
    return Passage(tuple(pieces))


def surname(name: str, person_id: str | None) -> str:
    """The word of *name* a cite goes by: the one that is the person's id (Togo, Brown), else the last."""
    words = name.replace(".", " ").split()
    for w in words:
        if person_id and w.lower() == person_id.lower():
            return w
    return words[-1] if words else name


def _author(owner: Map) -> str:
    doc = owner.document
    return doc.authors[0] if doc is not None and doc.authors else owner.id


def author_surname(owner: Map) -> str:
    """The surname of the article's author: the word of the name a person of the map has as id (Togo, of
    Togo Kazuhiko), else the last word (Brown, of James D. J. Brown)."""
    author = _author(owner)
    ids = {p.id.lower() for p in owner.persons}
    return next((w for w in author.split() if w.lower() in ids), surname(author, None))


def cards(b, key: str) -> tuple[Card, ...]:
    """The cards of claim *key*: one for each quotation, or one for its footnotes when it quotes nothing.

    A claim that neither quotes nor cites gets no card: it is argument, not
    evidence.  *b* is the :class:`~argmap.briefing.builder.Builder`.
    """
    n = b.node(key)
    if not isinstance(n, Claim) or not (n.quotes or n.citations):
        return ()
    owner = q.owner_map(b.m, key)
    doc = owner.document
    person = q.person_of(b.m, key)
    author = _author(owner)
    year = doc.published_date.year if doc is not None and doc.published_date is not None else None
    article = f"{author_surname(owner)} {year}" if year else author_surname(owner)
    title = f"“{doc.title}”" if doc is not None and doc.title else owner.id
    if person is not None:
        who, _, about = person.name.partition(",")
        speaker = surname(who.strip(), n.by.id if n.by is not None and hasattr(n.by, "id") else str(n.by))
        qualification = about.strip().rstrip(".")
    else:
        who, speaker, qualification = author, author_surname(owner), ""
    second_hand = person is not None and normalize(who.strip()) != normalize(author) and "the author" not in person.name
    source = b.texts.get(owner.id)
    made = []
    quotes = n.quotes or (None,)
    for quote in quotes:
        citations = (quote.citations if quote is not None else ()) or n.citations
        notes = _notes(owner, citations)
        flags: list[str] = []
        for label, info in notes:
            if info is not None and info.date is not None and doc is not None and doc.published_date is not None \
                    and info.date.is_after(doc.published_date):
                flags.append(f"note {label} is dated {info.date_text}, after the article ({doc.published}): "
                             "a date in the note or the article is wrong; check it before reading the card")
        cite: list = [("b", f"{speaker} {_year(notes) or year or ''}".strip())]
        if qualification:
            cite.append(("t", f", {qualification}"))
        if second_hand:
            verb = "quoted" if quote is not None else "reported"
            cite.append(("t", f"; {verb} by {author} in {title} ({article}), so second-hand"))
        else:
            cite.append(("t", f"; {title} ({article})"))
        for label, info in notes:
            note = owner.footnote_table.get(label)
            src = owner.source_note(label) if note is not None else None
            words = (src or note).text.strip() if note is not None else "not in the map"
            cite.append(("t", f"; note {label}: {words}"))
            if info is not None and info.url and info.url not in words:
                cite.append(("t", f" {info.url}"))
        pieces: tuple = ()
        if quote is not None:
            if source is None:
                # the map's own quotation stands in for the paragraph, said so on the card
                pieces = ((quote.text, True),)
                flags.append("the article's text is not at hand: the card shows the map's quotation alone, "
                             "not checked against the article (pass --text-dir)")
            else:
                passage = card_text(quote.text, source)
                pieces = passage.pieces
                if passage.problem:
                    flags.append(f"card refused: {passage.problem}")
        # an unread article is said on the card; the weak points list only what a check found wrong
        seen = b.flagged.setdefault(key, [])
        seen.extend(f for f in flags if f not in seen and "not at hand" not in f)
        made.append(Card(tuple(b.claim_tag(key)), tuple(cite), pieces, tuple(flags),
                         quote.text if quote is not None else None))
    return tuple(made)


def _notes(owner: Map, citations) -> list:
    """(label, what the note says) for each citation, an "Ibid." read as the note it repeats."""
    out = []
    for c in citations:
        note = owner.footnote_table.get(c.label)
        src = owner.source_note(c.label) if note is not None else None
        out.append((c.label, (src or note).info if note is not None else None))
    return out


def _year(notes) -> int | None:
    """The year of the first dated note: when the words were said, for the cite."""
    return next((info.date.year for _, info in notes if info is not None and info.date is not None), None)
