"""C122 looks for its framing phrases once per sentence: the same answers as looking in each quotation's window."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.checks.rules.article import FRAMING, _framing, _phrases_in, _plain

WORDS = [p for p, _, _ in FRAMING] + [
    "nothing", "not-really", "another", "cannot", "normal", "It", "IS", "Claimed", "don’t", "don't", "so‐called",
    "Σίσυφος", "İstanbul", "naïve", "the", "said", "that", "a", "“", "”", "‘", "(", "\"", "'", "-", "n'", "x_not",
]
SPACES = [" ", "  ", "\n", "\t", "\u00a0", " \u2009", ""]


@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=14), st.data())
def test_a_sentence_without_a_phrase_frames_none_of_its_windows(pieces, data):
    sentence = "".join(w + s for w, s in pieces)
    cut = data.draw(st.integers(0, len(sentence)))
    window = _plain(sentence[:cut]).rstrip(' "\'([“‘')  # as quotation_distortion cuts it
    table = _phrases_in(sentence)
    assert (_framing(window, table) if table else None) == _framing(window)
