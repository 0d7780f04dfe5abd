"""Article rules: quotations and footnotes checked against the article's own structure.

The article is read by :func:`argmap.sources.read_source` (paragraphs,
sentences, footnote markers, the notes section).  These rules run only when
the map's source text is found; those about notes and markers only when the
article ends with a notes section (Akiyama's and Tsuruoka's texts have none,
so nothing here is said about them but distortion).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.checks.rules import Context, Finding, rule
from argmap.model import Claim, Map, Quote

# --------------------------------------------------------- the word table ----

NEAR = 4
"""How many words before a quotation a negation must stand in to frame it."""

FRAMING: tuple[tuple[str, str, str], ...] = (
    # (phrase, what it does to the quotation, where it must stand: "near" = within NEAR words
    # before the quotation, "sentence" = anywhere in its sentence before it)
    ("not", "negates", "near"),
    ("never", "negates", "near"),
    ("n't", "negates", "near"),
    ("nor", "negates", "near"),
    ("neither", "negates", "near"),
    ("no one", "negates", "near"),
    ("hardly", "negates", "near"),
    ("denied that", "negates", "sentence"),
    ("deny that", "negates", "sentence"),
    ("rejected the idea that", "negates", "sentence"),
    ("although", "concedes", "sentence"),
    ("though", "concedes", "sentence"),
    ("it is claimed that", "hedges", "sentence"),
    ("it is said that", "hedges", "sentence"),
    ("critics say", "hedges", "sentence"),
    ("some argue", "hedges", "sentence"),
    ("allegedly", "hedges", "sentence"),
    ("supposedly", "hedges", "sentence"),
    ("so-called", "hedges", "near"),
)
"""Words that, standing before a quotation in its sentence, frame it in a way the quotation alone drops.

Negations near the quotation turn it round ("did not say that ..."); hedges
and concessions anywhere before it in the sentence keep the writer's
distance ("critics say ...", "although ...").  Each phrase is matched as
whole words, without regard to case, after quotes and dashes are normalised.
"""

SPEECH = ("said", "says", "stated", "states", "declared", "declares", "told", "noted", "notes", "argued",
          "argues", "wrote", "writes", "claimed", "claims", "insisted", "insists", "commented", "remarked",
          "added", "explained", "asserted", "stressed", "warned", "announced", "concluded", "observed",
          "acknowledged", "admitted", "described", "called", "responded", "replied", "put it")
"""Verbs that attribute words to the name before them (``Lavrov said ...``); ``according to NAME`` too."""

def _phrase_pattern(phrase: str) -> str:
    return r"(?<![\w'])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![\w'])"


_PHRASES = {p: re.compile(_phrase_pattern(p), re.I) for p, _, _ in FRAMING}
_FIRST_WORDS = frozenset(p.split()[0] for p, _, _ in FRAMING if not p.startswith("n'"))
_LOWER_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")
_NAME = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
_ATTRIBUTION = re.compile(rf"(?P<name>{_NAME})(?:'s?)?,?\s+(?:[a-z]+\s+){{0,2}}?(?:{'|'.join(SPEECH)})\b"
                          rf"|\b[Aa]ccording\s+to\s+(?P<source>{_NAME})")
_WORDS = re.compile(r"[\w'-]+")


def _plain(text: str) -> str:
    """The apostrophe and hyphens the table's phrases hold, typed plain (str.replace: str.translate with a
    table is ten times slower on text that is not ASCII)."""
    return text.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")


# ----------------------------------------------------------- the rules ----


def _quotations(m: Map) -> Iterator[tuple[Claim, Quote]]:
    for claim in m.claims:
        for q in claim.quotes:
            yield claim, q


@rule("C120")
def citation_position(ctx: Context) -> Iterator[Finding]:
    """A quotation that cites a note other than the one the article prints after it.

    What it finds: a quotation found in the article whose `[^n]` (its own,
    or its claim's when it cites none) does not name the first footnote
    marker that follows it in the same paragraph of the article, nor a
    marker printed inside the quoted passage.  A quotation that no marker
    follows in its paragraph is not judged.  A
    claim's citations without a quotation are not judged either: a claim
    is a paraphrase, and may draw on a note printed sentences away.
    Why it matters: a citation moved by one note sends the reader to the
    wrong source, and every check of that source (its date, its wording)
    is made against the wrong item.  Runs only when the article has a
    notes section.

    Fails:
        claim nerve (c) by togo: South Korea's forcefulness irritated Putin.
          quote "touched a nerve in President Putin." [^3]
        footnotes
          [^3]: Sankei shimbun, November 3, 2013.
          [^4]: SANKEI EXPRESS, November 16, 2013.

    Passes:
        claim nerve (c) by togo: South Korea's forcefulness irritated Putin.
          quote "touched a nerve in President Putin." [^4]
        footnotes
          [^3]: Sankei shimbun, November 3, 2013.
          [^4]: SANKEI EXPRESS, November 16, 2013.
    """
    source = ctx.source
    if source is None or not source.structure.has_notes:
        return
    for claim, q in _quotations(ctx.map):
        cited = [c.label for c in (q.citations or claim.citations)]
        if not cited:
            continue  # C107's business
        match = source.match(q.text)
        if not match.found or match.start is None or match.end is None:
            continue
        if any(m.label in cited for m in source.markers_between(match.start, match.end)):
            continue  # the note is printed inside the passage ("As explained by Togo,2 this ...")
        marker = source.marker_after(match.end)
        if marker is None or marker.label in cited:
            continue
        said = ", ".join(cited)
        yield Finding(q.span, f"the quotation in claim {claim.id} sits before marker {marker.label}, not {said}",
                      f"the article prints note {marker.label} after these words "
                      f"(line {source.prepared.line_at(marker.offset)}): cite [^{marker.label}]")


def _normalize(text: str) -> str:
    from argmap.sources.match import normalize  # with the article's text only (see argmap.checks.quotes)

    return normalize(text)


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _around(text: str, at: int) -> str:
    piece = text[max(0, at - 20):at + 30]
    return ("…" if at > 20 else "") + piece + ("…" if at + 30 < len(text) else "")


@rule("C121")
def note_transcription(ctx: Context) -> Iterator[Finding]:
    """A footnote that is not the article's note of the same number.

    What it finds: a map footnote whose wording differs from the article's
    note with the same label (once whitespace, quotes, dashes and ellipses
    are normalised), with both wordings and where they part; a map
    footnote whose label the article's notes do not have; and an article
    note the map leaves out (reported on the map's header) when the map
    holds more than half of them (one holding fewer is an excerpt).
    Why it matters: the footnotes are the map's bibliography; a note
    copied wrong points the reader at an item that does not exist, and a
    note left out loses a source the article rests on.  Runs only when the
    article has a notes section.

    Fails:
        claim nerve (c) by togo: South Korea's forcefulness irritated Putin.
          quote "touched a nerve in President Putin." [^4]
        footnotes
          [^4]: SANKEI EXPRESS, November 6, 2013.

    Passes:
        claim nerve (c) by togo: South Korea's forcefulness irritated Putin.
          quote "touched a nerve in President Putin." [^4]
        footnotes
          [^4]: SANKEI EXPRESS, November 16, 2013.
    """
    source = ctx.source
    if source is None or not source.structure.has_notes:
        return
    notes = {n.label: n for n in source.structure.notes}
    for footnote in ctx.map.footnotes:
        note = notes.get(footnote.label)
        if note is None:
            yield Finding(footnote.span, f"footnote [^{footnote.label}] is not among the article's notes "
                          f"({', '.join(notes)})", "check the label against the article's numbering")
            continue
        ours, theirs = _normalize(footnote.text), _normalize(note.wording)
        if ours != theirs:
            at = _first_difference(ours, theirs)
            yield Finding(footnote.span, f"footnote [^{footnote.label}] differs from the article's note "
                          f"{note.label} from character {at + 1}: map \"{_around(ours, at)}\", "
                          f"article \"{_around(theirs, at)}\"",
                          f"the article's note reads: {theirs}")
    missing = [label for label in notes if label not in {f.label for f in ctx.map.footnotes}]
    doc = ctx.map.document
    # A map holding fewer than half the notes is an excerpt (a worked example, one section taken
    # apart): its gaps are its choice.  Past half, a gap is a note skipped in transcribing.
    if missing and doc is not None and 2 * (len(notes) - len(missing)) > len(notes):
        yield Finding(doc.span, f"the article's note{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                      f"{'are' if len(missing) > 1 else 'is'} not among the map's footnotes",
                      "transcribe every note of the article, even those no claim cites")


def _name_tokens(name: str) -> set[str] | None:
    """The words that name a person in prose ("Abe Shinzo, Prime Minister" -> {abe, shinzo}), None if no name."""
    head = name.split(",")[0].strip()
    words = [w for w in _WORDS.findall(head) if len(w) > 1 or w.isupper()]
    if not words or not all(w[0].isupper() for w in words):
        return None  # a description ("A reader who commented ..."), not a name
    return {w.lower() for w in words if len(w) > 2}


def _last(text: str, phrase: str) -> int:
    """Where *phrase* last stands in *text* as whole words (``n't`` as a word's ending), or -1."""
    at = text.rfind(phrase)
    while at >= 0:
        end = at + len(phrase)
        left = phrase.startswith("n'") or at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "'")
        if left and (end == len(text) or not text[end].isalnum()):
            return at
        at = text.rfind(phrase, 0, at)
    return -1


def _framing(window: str, table: tuple[tuple[str, str, str], ...] = FRAMING) -> tuple[str, str] | None:
    """The last framing phrase of *table* in *window* (the sentence before the quotation), with what it does.

    Plain string search, phrase by phrase: C-speed scans, where one regular
    expression for the whole table costs a hundred times more a sentence.
    """
    text = " ".join(window.split()).lower()
    if "n't" not in text and _FIRST_WORDS.isdisjoint(_LOWER_WORDS.findall(text)):
        return None  # most sentences hold no word of the table: one scan says so
    near_from = len(text)
    for _ in range(NEAR):
        near_from = text.rfind(" ", 0, near_from)
        if near_from < 0:
            break
    best, best_at = None, -1
    for phrase, what, where in table:
        at = _last(text, phrase)
        if at > best_at and (where == "sentence" or at > near_from):
            best, best_at = (phrase, what), at
    return best


@rule("C122")
def quotation_distortion(ctx: Context) -> Iterator[Finding]:
    """A quotation whose sentence in the article frames it in a way the quotation drops.

    What it finds: a quotation found in the article whose sentence, before
    it, negates it ("not", "never" within a few words), hedges it ("it is
    claimed that", "critics say", "some argue", "allegedly") or concedes it
    ("although"), or attributes it (`NAME said`, `according to NAME`) to a
    person of the map other than the claim's `by`.  A framing word the
    claim's own text repeats is not dropped ("neither side 'picked at the
    scab'" under a claim that says "neither side ...").  The words are one
    table, `FRAMING` in `argmap/checks/rules/article.py`.
    Why it matters: a quotation lifted out of "critics say that ..." or
    "Lavrov said ..." puts words in the wrong mouth; in a debate the other
    side reads the sentence.  When the framing is the claim's point (the
    claim says who doubts it), acknowledge the finding in the map.

    Fails:
        person putin: Vladimir Putin, President of Russia.
        person hyodo: Hyodo Shinji, Japanese expert on Russia.
        claim step (c) by putin: The visit moved towards a treaty.
          quote "Putin's latest visit to Japan will be viewed as another step"

    Passes:
        person putin: Vladimir Putin, President of Russia.
        person hyodo: Hyodo Shinji, Japanese expert on Russia.
        claim step (c) by hyodo: The visit moved towards a treaty.
          quote "Putin's latest visit to Japan will be viewed as another step"
    """
    source = ctx.source
    if source is None:
        return
    people = {p.id: tokens for p in ctx.map.persons if (tokens := _name_tokens(p.name))}
    framable: dict[int, tuple] = {}  # by sentence start: the phrases of the table that stand in it
    for claim, q in _quotations(ctx.map):
        match = source.match(q.text)
        if not match.found or match.start is None:
            continue
        sentence = source.sentence_at(match.start)
        if sentence is None:
            continue
        by = claim.by.id if claim.by is not None and claim.by.map is None else None
        named = by is not None and by in people
        table = framable.get(sentence.start)
        if table is None:
            table = framable[sentence.start] = _phrases_in(source.raw[sentence.start:sentence.end])
        if not table and not named:
            continue  # nothing before it can frame it, and no name to compare an attribution with
        window = _plain(source.raw[sentence.start:match.start]).rstrip(' "\'([“‘')
        framed = _framing(window, table) if table else None
        if framed is not None and not _says(claim.text, framed[0]):
            phrase, what = framed
            yield Finding(q.span, f"the article {what} the quotation in claim {claim.id}: \"{phrase}\" "
                          f"stands before it in its sentence", f"the sentence reads: {_tail(window)}")
            continue
        if not named:
            continue  # no name to compare the article's attribution with
        speaker = _speaker(window, people)
        if speaker is not None and speaker[0] != by:
            yield Finding(q.span, f"the article gives the quotation in claim {claim.id} to {speaker[1]}, "
                          f"not to {by}", f"the sentence reads: {_tail(window)}")


def _phrases_in(sentence: str) -> tuple[tuple[str, str, str], ...]:
    """The entries of the table whose phrase stands anywhere in *sentence*, normalised as :func:`_framing` does.

    A window (the sentence up to a quotation) so normalised is a prefix of
    the sentence so normalised, so a phrase not in the sentence is in none
    of its windows: one look for each sentence, and none at all for the
    quotations of a sentence with no phrase of the table (most of them).
    """
    text = " ".join(_plain(sentence).split()).lower()
    return tuple(entry for entry in FRAMING if entry[0] in text)


def _says(text: str, phrase: str) -> bool:
    """Whether the claim's own words carry the framing phrase (then the map has not dropped it)."""
    return _PHRASES[phrase].search(_plain(text)) is not None


def _speaker(window: str, people: dict[str, set[str]]) -> tuple[str, str] | None:
    """(person id, name as written) of the last attribution in *window* that names a person of the map."""
    found = None
    for m in _ATTRIBUTION.finditer(window):
        name = m.group("name") or m.group("source")
        words = {w.lower() for w in _WORDS.findall(name)}
        who = next((pid for pid, tokens in people.items() if words & tokens), None)
        if who is not None:
            found = (who, name)
    return found


def _tail(window: str) -> str:
    window = " ".join(window.split())
    return window if len(window) <= 120 else "…" + window[-119:]
