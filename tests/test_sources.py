"""read_source: an article's paragraphs, sentences, footnote markers, notes and header.

The five seed articles pin the forms real texts take; small texts made up
here pin each form of marker and each number that must not be taken for one.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.model import PartialDate
from argmap.sources import read_source

BROWN, TOGO, SUZUKI = "001_ecff49c0a03a943e.txt", "002_2a25ef9673323473.txt", "000_34e8190a59be87ba.txt"
AKIYAMA, TSURUOKA = "004_e081191c5fe33cf7.txt", "003_eb6d3b6236a2093a.txt"


def _read(seeds, name):
    return read_source((seeds / name).read_text(encoding="utf-8"), name)


def _before(source, marker, width=30):
    """The words printed just before a marker."""
    return source.text[max(0, marker.offset - width):marker.offset].rstrip()


# ----------------------------------------------------------- the articles ----


def test_brown_has_31_notes_with_20_ibid(seeds):
    source = _read(seeds, BROWN)
    assert source.has_notes
    assert [n.label for n in source.notes] == [str(i) for i in range(1, 32)]
    assert source.notes[19].text == "Ibid."
    assert source.notes[0].text == "The Financial Times, January 17, 2016."
    # the reader's comment after the notes is not part of them
    assert "RAGE" in source.text[source.notes_end:]
    assert all("RAGE" not in n.wording for n in source.notes)


def test_brown_every_marker_in_order_before_the_notes(seeds):
    source = _read(seeds, BROWN)
    assert [m.label for m in source.markers] == [str(i) for i in range(1, 32)]
    offsets = [m.offset for m in source.markers]
    assert offsets == sorted(offsets) and offsets[-1] < source.notes_start
    for m in source.markers:
        paragraph = source.paragraphs[m.paragraph]
        assert paragraph.start <= m.offset < paragraph.end
        assert source.slice(m) == m.label


@pytest.mark.parametrize("label, words", [
    ("1", "is very important.”"),          # glued to a closing quotation mark
    ("2", "explained by Togo Kazuhiko,"),   # glued to a comma, mid-sentence
    ("3", "return of all four islands."),   # glued to a full stop
    ("10", "between 1906 and 1980."),      # glued to a year that ends a sentence
    ("20", "for Prime Minister Abe.”"),    # after a space
    ("31", "an irreversible character.”"),
])
def test_brown_markers_stand_after_their_words(seeds, label, words):
    source = _read(seeds, BROWN)
    marker = next(m for m in source.markers if m.label == label)
    assert _before(source, marker).endswith(words)


def test_togo_five_notes_and_a_marker_after_2_plus_2(seeds):
    source = _read(seeds, TOGO)
    assert [n.label for n in source.notes] == ["1", "2", "3", "4", "5"]
    assert [m.label for m in source.markers] == ["1", "2", "3", "4", "5"]
    three = source.markers[2]
    assert _before(source, three).endswith("in this “2+2.”")
    # Rozman's closing commentary follows the notes and is no note
    assert "Gilbert Rozman" in source.text[source.notes_end:]
    assert source.author is None  # the commentator is not the author


def test_suzuki_editors_note(seeds):
    source = _read(seeds, SUZUKI)
    assert [n.label for n in source.notes] == ["*1"]
    assert source.notes[0].text.startswith("Putin has indeed returned")  # the "^" back-link dropped
    assert source.notes[0].text.endswith("—Ed.")
    (marker,) = source.markers
    assert marker.label == "*1" and source.slice(marker) == "(*1)"
    assert _before(source, marker).endswith("if reelected")


@pytest.mark.parametrize("name", [AKIYAMA, TSURUOKA])
def test_articles_without_notes(seeds, name):
    source = _read(seeds, name)
    assert not source.has_notes
    assert source.markers == () and source.notes == () and source.notes_start is None


@pytest.mark.parametrize("name, title, author, date", [
    (BROWN, "Japan’s Russia Policy: Looking Back on 2016 and Ahead to 2017", None, None),
    (TOGO, "Japan-Russia Relations – 5", None, None),
    (SUZUKI, "Prospects for Japan-Russia Relations After Putin’s Return to Power", None, PartialDate(2012, 2, 3)),
    (AKIYAMA, "Japan’s Difficult Choices in Navigating Its Ties with Russia", "Masahiro Akiyama",
     PartialDate(2015, 6, 11)),
    # the site's section name and a photo credit stand above the title
    (TSURUOKA, "Resetting Japan-Russia Relations", "Michito Tsuruoka", None),
])
def test_header_where_the_text_states_it(seeds, name, title, author, date):
    source = _read(seeds, name)
    assert (source.title, source.author, source.date) == (title, author, date)


def test_sentences_keep_names_abbreviations_and_markers(seeds):
    source = _read(seeds, BROWN)
    sentences = [source.slice(s) for s in source.sentences]
    # "e.g.," does not end the sentence; the marker glued to its end belongs to it
    assert any(s.startswith("The Abe administration is responsible") and s.endswith("negotiations.”17")
               for s in sentences)
    # a marker after a space closes the sentence before it, not the next one
    assert any(s.endswith("for Prime Minister Abe.” 20") for s in sentences)
    assert not any(s.startswith("20 ") for s in sentences)
    tsuruoka = _read(seeds, TSURUOKA)
    assert any(s.endswith("vital importance of the U.S. factor.")
               for s in map(tsuruoka.slice, tsuruoka.sentences))


# ----------------------------------------------------------- made-up texts ----

NOTES = "\n\nNotes\n\n1. First source.\n\n2. Second source.\n\n3. Third source.\n"


def _labels(body: str, notes: str = NOTES) -> list[tuple[str, str]]:
    """(label, the word before) of each marker found in *body* followed by *notes*."""
    source = read_source(body + notes)
    return [(m.label, source.text[:m.offset].split()[-1]) for m in source.markers]


@pytest.mark.parametrize("body, expected", [
    ('He said it was "very important."1 Then he left.', [("1", 'important."')]),
    ("Russia, he said.12 More followed.", []),  # 12 is no note here
    ("Lavrov said so.1 And Putin agreed.2 So did Abe.3", [("1", "so."), ("2", "agreed."), ("3", "Abe.")]),
    ('It was "a defeat for Prime Minister Abe." 2 Such criticism.', [("2", 'Abe."')]),
    ("As explained by Togo,1 this involves two islands.", [("1", "Togo,")]),
    ("It lasted until 1980.1 This hardly seems relevant.", [("1", "1980.")]),
    ("The claim [2] is old.", [("2", "claim")]),
    ("“Once,”1 and again “twice.”1 Then “thrice.”2",
     [("1", "“Once,”"), ("1", "“twice.”"), ("2", "“thrice.”")]),
    # a note cited again later, out of order, after a closing quotation mark
    ('"A."1 "B."2 "C."1 "D."3', [("1", '"A."'), ("2", '"B."'), ("1", '"C."'), ("3", '"D."')]),
])
def test_marker_forms(body, expected):
    assert _labels(body) == expected


def test_editors_note_marker():
    text = "Putin, if reelected(*1), could lead.\n\n(*1) ^ He was reelected.—Ed.\n"
    source = read_source(text)
    assert [(m.label, source.slice(m)) for m in source.markers] == [("*1", "(*1)")]
    assert source.notes[0].text == "He was reelected.—Ed."


@pytest.mark.parametrize("trap", [
    "In 2016. The year ended.",                # a year ending a sentence, spaced
    "It met on May 6, 2016. Then it rested.",  # a date
    "Some 57 percent agreed, and 54.3 percent.",  # counts and a decimal after a full stop
    "See p. 2 and pp.3 of it.",                # page numbers
    "The Asan Forum, Vol. 2, No.3 (2016).",    # volume and issue
    "They met in the 2+2 format.",             # "2+2"
    "The G7 and the G2 met.",                  # a name with a number
    "Section 1.2 of the law.",                 # a section number
    "At 1:30 they met, and 1,2 or 3 came.",    # a time, a list of numbers
    "It cost USD 2.5bn. More later.",          # a decimal glued to a unit
    'Asked, they said "no." 2 percent agreed.',  # a count after a quotation and a space
])
def test_numbers_that_are_not_markers(trap):
    assert _labels(trap) == []


def test_a_number_out_of_order_is_dropped():
    # "5.3" would be note 3 (glued to a full stop) but sits before note 2: a decimal
    body = "First.1 It rose 5.3 points. Second.2 Third.3"
    assert [label for label, _ in _labels(body)] == ["1", "2", "3"]


def test_a_numbered_list_in_the_body_is_no_notes_section():
    text = "Two points matter.\n\n1. Russia will not give way.\n\n2. Japan will wait.\n\nThat is all.\n"
    source = read_source(text)
    assert not source.has_notes and source.markers == ()


def test_an_indented_numbered_list_is_no_notes_section_either():
    text = "Two points matter.\n\n  1. Russia will not give way.\n  2. Japan will wait.\n\nThat is all.\n"
    assert not read_source(text).has_notes


def test_markers_need_notes():
    source = read_source('He said "yes."1 and left.\n')
    assert not source.has_notes and source.markers == ()


def test_a_headed_notes_section_counts_even_when_the_body_cites_little():
    source = read_source("Nothing cited here.\n\nNotes\n1. A.\n2. B.\n3. C.\n")
    assert [n.label for n in source.notes] == ["1", "2", "3"]
    assert source.notes_start == source.text.index("Notes")


def test_a_wrapped_note_keeps_its_wording_and_normalises_separately():
    text = 'He said "so."1\n\n1. Togo Kazuhiko, "Alternative\n   Scenarios," The Asan Forum.\n'
    (note,) = read_source(text).notes
    assert note.wording == 'Togo Kazuhiko, "Alternative\n   Scenarios," The Asan Forum.'
    assert note.text == 'Togo Kazuhiko, "Alternative Scenarios," The Asan Forum.'
    assert text[note.offset:note.offset + len(note.wording)] == note.wording


@pytest.mark.parametrize("text, sentences", [
    ("Mr. Abe met James D. J. Brown. They talked.", ["Mr. Abe met James D. J. Brown.", "They talked."]),
    ("The U.S. factor matters. It grew 2.5 times.", ["The U.S. factor matters.", "It grew 2.5 times."]),
    ("See No. 6 of the series. Then stop.", ["See No. 6 of the series.", "Then stop."]),
    ('"Why?" he asked. "Because." Fine!', ['"Why?" he asked.', '"Because."', "Fine!"]),
])
def test_sentence_splitting(text, sentences):
    source = read_source(text)
    assert [source.slice(s) for s in source.sentences] == sentences


def test_paragraphs_are_blocks_between_blank_lines():
    text = "Title\n\nOne line\nwrapped here.\n\n  • a bullet\n  • another\n"
    source = read_source(text)
    assert [source.slice(p) for p in source.paragraphs] == [
        "Title", "One line\nwrapped here.", "• a bullet", "• another"]


@given(st.lists(st.sampled_from(["Abe met Putin.", "It failed.", "In 2016, 57 percent agreed.",
                                 '"It is important."', "See No. 6 and Vol. 4 of it."]),
                min_size=1, max_size=12))
def test_markers_found_wherever_the_sentences_cite(sentences):
    # cite every other sentence; markers come out exactly there, in order
    body, expected = [], []
    for i, sentence in enumerate(sentences):
        if i % 2 == 0:
            expected.append(str(len(expected) + 1))
            sentence += expected[-1]
        body.append(sentence)
    notes = "\n\n" + "\n".join(f"{n}. Source {n}." for n in expected) + "\n"
    source = read_source(" ".join(body) + notes)
    assert [m.label for m in source.markers] == expected
    for m in source.markers:
        assert source.text[m.offset - 1] in '."'
