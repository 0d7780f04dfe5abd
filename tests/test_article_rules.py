"""C120-C122 against the article itself: the seed maps are quiet, a slip in a copy of Brown's map is caught.

Brown's article prints each note's marker right after the quotation it
sources (`...very important."1`), and ends with the 31 notes; his map cites
and transcribes them.  Moving one citation to the neighbouring note, or
changing one note's wording, must be reported on that very line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.checks.rules.article import FRAMING
from argmap.checks.runner import Config
from conftest import SEEDS

MAPS = Path(__file__).resolve().parent.parent / "maps"
NEW = ("C120", "C121", "C122")


def _check(path: Path, codes=NEW, source_text: str | None = None):
    m = argmap.load(path)
    return [d for d in argmap.check(m, config=Config(select=codes), text_dirs=[SEEDS], source_text=source_text)
            if d.code in codes]


@pytest.mark.parametrize("name", sorted(p.name for p in MAPS.glob("*.argmap")))
def test_the_seed_maps_are_true_to_their_articles(name):
    assert _check(MAPS / name) == []


def _brown_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of Brown's map with *old* replaced by *new* once; the line it is on."""
    text = (MAPS / "brown2017.argmap").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[:text.index(old)].count("\n") + 1
    path = tmp_path / "brown2017.argmap"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path, line


@pytest.mark.parametrize("quote_end, cited, neighbour", [
    ("toward the conclusion of a peace treaty.\" [^6]", "6", "7"),   # Hyodo, before marker 6
    ("positive impressions of the visit.\" [^22]", "22", "21"),      # Lavrov, before marker 22
    ("for Prime Minister Abe.\" [^20]", "20", "19"),                 # the marker after a space
])
def test_a_citation_moved_to_the_neighbouring_note_is_caught_on_its_line(tmp_path, quote_end, cited, neighbour):
    path, line = _brown_copy(tmp_path, quote_end, quote_end.replace(f"[^{cited}]", f"[^{neighbour}]"))
    found = _check(path, ("C120",))
    assert [(d.span.line, d.code) for d in found] == [(line, "C120")]
    assert f"sits before marker {cited}, not {neighbour}" in found[0].message
    assert f"cite [^{cited}]" in found[0].hint


def test_a_note_copied_wrong_is_caught_with_both_wordings(tmp_path):
    path, line = _brown_copy(tmp_path, "[^14]: Kyodo, December 13, 2016.", "[^14]: Kyodo, December 31, 2016.")
    found = _check(path, ("C121",))
    assert [(d.span.line, d.code) for d in found] == [(line, "C121")]
    message = found[0].message
    assert "December 31, 2016" in message and "December 13, 2016" in message
    # "Kyodo, December 13" and "Kyodo, December 31" part at the day's first digit
    assert f"from character {len('Kyodo, December ') + 1}" in message


def test_typography_is_no_difference(tmp_path):
    # The article prints curly quotes in note 2; straight ones and a doubled space say the same.
    text = (MAPS / "brown2017.argmap").read_text(encoding="utf-8")
    start = text.index("[^2]: Togo Kazuhiko, “")
    end = text.index("\n  [^3]:")
    retyped = text[start:end].replace("“", '"').replace("”", '"').replace("Togo Kazuhiko", "Togo  Kazuhiko")
    path = tmp_path / "brown2017.argmap"
    path.write_text(text[:start] + retyped + text[end:], encoding="utf-8")
    assert _check(path, ("C121",)) == []


def test_a_note_left_out_and_a_note_made_up_are_reported(tmp_path):
    path, line = _brown_copy(tmp_path, "  [^26]: Asahi Shimbun, March 2, 2012.\n", "  [^32]: Asahi Shimbun, March 2, 2012.\n")
    found = _check(path, ("C121",))
    messages = sorted((d.span.line, d.message) for d in found)
    assert any(ln == line and "[^32] is not among the article's notes" in msg for ln, msg in messages)
    header = argmap.load(path).document.span.line
    assert any(ln == header and "note 26 is not among the map's footnotes" in msg for ln, msg in messages)


# ------------------------------------------------------------ distortion ----

ARTICLE = """Island Talks Resume

{sentence}1 The rest is silence.

Notes

1. Daily Courier, March 1, 2019.
"""


def _distortion(tmp_path: Path, sentence: str, claim: str = "Officials expect success.", by: str = "officials"):
    path = tmp_path / "m.argmap"
    path.write_text(f"""person officials: Ministry Officials, of the ministry.
person lavrov: Sergei Lavrov, Russian foreign minister.
claim talks (c) by {by}: {claim}
  quote "the talks will succeed." [^1]
footnotes
  [^1]: Daily Courier, March 1, 2019.
""", encoding="utf-8")
    return _check(path, ("C122",), ARTICLE.format(sentence=sentence))


@given(st.sampled_from(FRAMING))
def test_every_framing_word_of_the_table_is_caught(tmp_path_factory, entry):
    phrase, what, _ = entry
    found = _distortion(tmp_path_factory.mktemp("d"), f"Officials {phrase} that “the talks will succeed.”")
    assert len(found) == 1 and f"the article {what} the quotation" in found[0].message
    assert f'"{phrase}"' in found[0].message


def test_plain_reporting_is_no_distortion(tmp_path):
    assert _distortion(tmp_path, "Officials said that “the talks will succeed.”") == []


def test_a_negation_far_before_the_quotation_does_not_frame_it(tmp_path):
    sentence = "Officials did not hide their hopes, and on Monday they said that “the talks will succeed.”"
    assert _distortion(tmp_path, sentence) == []


def test_a_framing_the_claim_itself_states_is_not_dropped(tmp_path):
    sentence = "Officials never said that “the talks will succeed.”"
    assert _distortion(tmp_path, sentence, claim="Officials never promised success.") == []
    assert len(_distortion(tmp_path, sentence)) == 1


def test_words_given_to_someone_else_than_by(tmp_path):
    sentence = "Lavrov said that “the talks will succeed.”"
    found = _distortion(tmp_path, sentence)
    assert len(found) == 1 and "gives the quotation in claim talks to Lavrov, not to officials" in found[0].message
    assert _distortion(tmp_path, sentence, by="lavrov") == []
    assert len(_distortion(tmp_path, "According to Sergei Lavrov, “the talks will succeed.”")) == 1
