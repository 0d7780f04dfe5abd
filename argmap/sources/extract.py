"""A draft map read from an article: the analyst's starting point, not a finished map.

:func:`extract` writes down what the text itself says about its sources:
the header it states, every footnote word for word under its label, and one
claim stub for each sentence that carries a footnote marker, quoting the
sentence and citing the note.  Each stub's text says TODO: the analyst
rewrites it in their own words, then adds theses, cases and relations.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from argmap.model.builder import MapBuilder
from argmap.model import Map
from argmap.syntax.parser import RESERVED
from argmap.sources.text import Marker, Sentence, SourceText, read_source

TODO = "TODO: in your own words: "
# Words too common to tell one sentence's id from another's.
_STOP = frozenset("""a an the and or but nor of to in on at by for with from into as that this these those
is are was were be been being it its it's he she they we i you his her their our them him which who whom
whose what when where while not no also so than then there here has have had do does did will would can
could should may might must shall very more most such any all some each""".split())
# The language's words (statements, claim lines, relations) and the words a statement head uses.
_KEYWORDS = RESERVED | {"from", "for", "against", "by"}


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


def _identifier(words: list[str], fallback: str) -> str:
    """A valid id from *words*: letters, digits and _, a letter first, not a keyword."""
    name = "_".join(words) or fallback
    if not name[0].isalpha():
        name = f"{fallback}_{name}"
    return f"{name}_" if name in _KEYWORDS else name


def map_id(name: str) -> str:
    """The draft's map id, from the text's file name: ``001_ecff.txt`` -> ``text_001_ecff``."""
    return _identifier(_ascii_words(PurePath(name).stem), "text")


def claim_id(sentence: str, taken: set[str]) -> str:
    """An id for a claim from its sentence's first telling words, unique among *taken*."""
    words = [w for w in _ascii_words(sentence) if w not in _STOP and not w.isdigit()][:4]
    base = _identifier(words, "sentence")
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    taken.add(name)
    return name


def _pieces(source: SourceText, sentence: Sentence, markers: tuple[Marker, ...]) -> list[str]:
    """The sentence's words between its markers, whitespace made single spaces."""
    out, position = [], sentence.start
    for m in markers:
        out.append(source.text[position:m.offset])
        position = m.end
    out.append(source.text[position:sentence.end])
    return [p for p in (" ".join(piece.split()) for piece in out) if p]


def _join(pieces: list[str]) -> str:
    """The pieces as one text, no space before the punctuation a marker stood in front of."""
    out = pieces[:1]
    for piece in pieces[1:]:
        out.append(piece if piece[0] in ",.;:!?)]”’" else " " + piece)
    return "".join(out)


def extract(text: str, name: str) -> Map:
    """A draft map of the article *text*, whose file is called *name*."""
    source = read_source(text, name)
    fields: dict[str, str] = {"author": source.author or "TODO: author"}
    if source.date is not None:
        fields["published"] = str(source.date)
    fields["text"] = PurePath(name).name
    builder = MapBuilder(map_id(name), source.title or "TODO: title", **fields)
    builder.comment(f"Draft map read from {PurePath(name).name}: one claim for each footnoted sentence.")
    builder.comment("Rewrite every TODO, then add the theses, cases, persons and relations.")
    if source.date is None:
        builder.comment("TODO: published YYYY-MM-DD (the text states no date).")
    taken: set[str] = set()
    for sentence in source.sentences:
        markers = source.markers_in(sentence)
        if not markers:
            continue
        pieces = _pieces(source, sentence, markers)
        if not pieces:
            continue  # a marker alone, cut off from its sentence
        words = _join(pieces).replace("[^", "[ ^").rstrip("\\ ")
        labels = list(dict.fromkeys(m.label for m in markers))
        builder.claim(claim_id(words, taken), TODO + words, quote=" ... ".join(pieces), cites=labels)
    for note in source.notes:
        builder.footnote(note.label, note.text)
    return builder.build()
