"""find_quotation: the answers of the plain matcher, offsets in the original text, bounded work.

The oracle is the matcher at its plainest (each normalisation step as a
regular expression, each part looked up with str.find in the whole
normalised text, the closest passage scored against the whole text): on quotations cut from the seed articles (with the
typography changed the way writers and typesetters change it) and on
quotations that are not in them, both must say found or not found alike.
"""

from __future__ import annotations

import random
import re
import unicodedata
from types import SimpleNamespace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from argmap.sources import match, read_source
from argmap.sources.match import find_quotation, normalize, prepare
from conftest import SEEDS

NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
TEXTS = {name: (SEEDS / name).read_text(encoding="utf-8") for name in NAMES}


class _Plain:
    """The oracle: the normalisation spelled out step by step, and found-or-not by str.find."""

    TRANSLATE = str.maketrans({
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    })

    @classmethod
    def normalize(cls, text: str) -> str:
        text = unicodedata.normalize("NFC", text).translate(cls.TRANSLATE)
        text = re.sub(r"\s*(?:\u2026|\.\s?\.\s?\.)\s*", " ... ", text)
        text = re.sub(r"\s*-\s*-\s*", " - ", text)
        return re.sub(r"\s+", " ", text).strip()

    def __init__(self, text: str):
        self.normalized = self.normalize(text)

    def find(self, quote: str) -> SimpleNamespace:
        position = 0
        for part in (p.strip() for p in self.normalize(quote).split("...")):
            at = self.normalized.find(part, position) if part else position
            if at < 0:  # the best passage of the whole text, however long that takes
                best = fuzz.partial_ratio_alignment(self.normalize(quote).replace("...", " "), self.normalized)
                return SimpleNamespace(found=False, score=best.score if best else 0.0)
            position = at + len(part)
        return SimpleNamespace(found=True, score=100.0)


OLD = {name: _Plain(text) for name, text in TEXTS.items()}

# Characters the normalisation treats specially, and some it must leave alone.
TRICKY = [*"ab .-,\n\t\r…“”‘’'\"`«»„—–‐−", *"\u00a0\u2009\u202f\u3000\x85\u2028\x0b\x1céô",
          "e\u0301", "--", ". . ."]


@given(st.lists(st.sampled_from(TRICKY), max_size=40).map("".join))
def test_normalisation_is_the_old_one(text):
    assert normalize(text) == _Plain.normalize(text)
    assert prepare(text).normalized == _Plain.normalize(text)


@given(st.lists(st.sampled_from([c for c in TRICKY if c != "e\u0301"]), max_size=30).map("".join))
def test_every_normalised_stretch_maps_back_to_the_characters_that_made_it(text):
    prepared = prepare(text)
    normalized = prepared.normalized
    for start in range(len(normalized)):
        for end in range(start + 1, min(len(normalized), start + 6) + 1):
            first, last = prepared.span(start, end)
            assert 0 <= first <= last <= len(text)
            piece = normalized[start:end].strip()
            assert not piece or piece in normalize(text[first:last])


# ------------------------------------------------------ quotations in seeds ----


def _retype(rng: random.Random, quote: str) -> str:
    """The quotation as another hand might type it: quotes, dashes, ellipses, line breaks."""
    changes = [
        lambda q: q.replace("’", "'").replace("“", '"').replace("”", '"'),
        lambda q: q.replace("'", "’").replace('"', "“"),
        lambda q: q.replace("—", "\u2015").replace("–", "-"),
        lambda q: re.sub(" ", lambda m: rng.choice([" ", "\n", "  ", " \t"]), q),
        lambda q: q.replace("…", "...").replace(". . .", "…"),
    ]
    for change in changes:
        if rng.random() < 0.5:
            quote = change(quote)
    return quote


def _omit(rng: random.Random, quote: str) -> str:
    """The quotation with a stretch of words left out and marked with an ellipsis."""
    words = quote.split(" ")
    if len(words) < 6:
        return quote
    a = rng.randrange(1, len(words) - 3)
    b = rng.randrange(a + 1, len(words) - 1)
    return " ".join(words[:a]) + rng.choice([" ... ", "...", " … "]) + " ".join(words[b:])


def _misquote(rng: random.Random, quote: str) -> str:
    """The quotation with one word changed, or two words swapped."""
    words = quote.split(" ")
    i = rng.randrange(len(words))
    if rng.random() < 0.5 or len(words) < 2:
        words[i] = words[i][::-1] + "x"
    else:
        j = rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    return " ".join(words)


@st.composite
def seed_quotations(draw, kinds=("exact", "omission", "misquote")):
    """(article name, quotation, how it was made) cut from a seed article."""
    name = draw(st.sampled_from(NAMES))
    text = TEXTS[name]
    length = draw(st.integers(1, 400))
    start = draw(st.integers(0, len(text) - length))
    rng = random.Random(draw(st.integers(0, 2**32)))
    quote = _retype(rng, text[start:start + length])
    how = draw(st.sampled_from(kinds))
    if how == "omission":
        quote = _omit(rng, quote)
    elif how == "misquote":
        quote = _misquote(rng, quote)
    return name, quote, how


@given(seed_quotations())
def test_found_or_not_as_the_old_matcher_says(case):
    name, quote, how = case
    old, new = OLD[name].find(quote), find_quotation(quote, TEXTS[name])
    assert new.found == old.found
    if how == "exact" and quote.strip():
        assert new.found  # retyping never hides a quotation


@given(st.sampled_from(NAMES), st.text(st.sampled_from("abcdefghij klmnop.,“”-"), min_size=1, max_size=200))
def test_made_up_quotations_answer_as_the_old_matcher(name, quote):
    assert find_quotation(quote, TEXTS[name]).found == OLD[name].find(quote).found


@given(seed_quotations())
def test_offsets_point_into_the_original_text(case):
    name, quote, _ = case
    text = TEXTS[name]
    found = find_quotation(quote, text)
    assume(found.found and found.parts)
    parts = [p.strip() for p in normalize(quote).split("...") if p.strip()]
    assert len(found.parts) == len(parts)
    for (first, last), part in zip(found.parts, parts):
        assert part in normalize(text[first:last])
    assert found.start == found.parts[0][0] and found.end == found.parts[-1][1]
    assert [p[0] for p in found.parts] == sorted(p[0] for p in found.parts)


def test_a_quotation_with_an_omission_gives_each_part():
    text = TEXTS[NAMES[1]]
    found = find_quotation("Of course, ... the Russian Federation.", read_source(text))
    assert found.found
    (a, b), (c, d) = found.parts
    assert text[a:b] == "Of course," and text[c:d] == "the Russian Federation."
    assert text[found.start:found.end].startswith("Of course, this is the territory")


def test_a_quotation_across_a_line_break_maps_to_the_original_lines():
    text = "First line\nof “the  text”\u2014here.\n"
    found = find_quotation('of "the text" - here', text)  # a spaced dash is no em dash
    assert not found.found
    found = find_quotation('line of "the text"-here.', text)
    assert found.found and text[found.start:found.end] == "line\nof “the  text”\u2014here."


@given(seed_quotations(kinds=("misquote",)))
def test_a_misquotation_points_at_the_passage_it_came_from(case):
    name, quote, how = case
    assume(len(quote) >= 40)
    old, new = OLD[name].find(quote), find_quotation(quote, TEXTS[name])
    assume(not old.found and old.score >= 80)
    assert new.closest is not None
    assert new.score >= old.score - 2  # as close a passage as the whole text's best
    assert new.closest_line == TEXTS[name].count("\n", 0, new.closest_start) + 1


def test_nothing_to_find_is_found():
    assert find_quotation("", "any text").found
    assert find_quotation(" ... ", "any text").found
    assert not find_quotation("absent words", "").found


# ----------------------------------------------------------- bounded work ----


class _CountingScorer:
    """Stands in for rapidfuzz.fuzz, counting the calls and the characters scored."""

    def __init__(self, fuzz):
        self.fuzz, self.calls, self.chars = fuzz, 0, 0

    def __getattr__(self, name):
        scorer = getattr(self.fuzz, name)

        def counted(a, b, *args, **kwargs):
            self.calls += 1
            self.chars += len(a) + len(b)
            return scorer(a, b, *args, **kwargs)
        return counted


def _big_text(size: int, rng: random.Random) -> str:
    """*size* characters of made-up prose from the articles' words, Brown's article once in the middle."""
    vocabulary = sorted({w for t in TEXTS.values() for w in t.split()})
    words, length = [], 0
    while length < size:
        words.append(rng.choice(vocabulary))
        length += len(words[-1]) + 1
    half = len(words) // 2
    return " ".join(words[:half]) + "\n\n" + TEXTS[NAMES[1]] + "\n\n" + " ".join(words[half:])


@pytest.fixture(scope="module")
def big_text():
    return _big_text(4_000_000, random.Random(4))


def test_an_absent_long_quotation_costs_a_bounded_number_of_scorer_calls(big_text, monkeypatch):
    rng = random.Random(5)
    vocabulary = sorted(set(TEXTS[NAMES[0]].split()))
    quote = " ".join(rng.choice(vocabulary) for _ in range(1000))
    counter = _CountingScorer(match.fuzz)
    monkeypatch.setattr(match, "fuzz", counter)
    found = find_quotation(quote, big_text)
    assert not found.found
    # never the whole 4 MB: a few windows about the quotation's length
    assert counter.calls <= match.PLACES * 3
    assert counter.chars <= match.PLACES * 3 * 3 * len(quote)


def test_a_long_misquotation_in_a_big_text_is_placed_with_bounded_work(big_text, monkeypatch):
    brown = TEXTS[NAMES[1]]
    at = brown.index("Despite finding it necessary")
    passage = " ".join(brown[at:].split()[:1000])
    quote = passage.replace(" the ", " a ", 5)
    counter = _CountingScorer(match.fuzz)
    monkeypatch.setattr(match, "fuzz", counter)
    found = find_quotation(quote, big_text)
    assert not found.found and found.score > 95
    start = big_text.index(brown) + at
    assert found.closest_start <= start + 50 and found.closest_end >= start + len(passage) - 400
    assert counter.calls <= match.PLACES * 3
    assert counter.chars <= match.PLACES * 3 * 3 * len(quote)


def test_the_source_is_prepared_once():
    text = TEXTS[NAMES[0]]
    assert prepare(text) is prepare(text)
    assert prepare(read_source(text).text) is prepare(text)
