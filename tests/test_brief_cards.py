"""Evidence cards: the quotation inside its paragraph, cut from the source text and checked before it is shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.briefing import Card, brief, to_html, to_markdown
from argmap.briefing.cards import card_text

ARTICLE = """\
The Quiet Streets

A first paragraph about something else entirely.

Pollution fell sharply once the ban began. The Mayor said, “Admissions halved within a year.”1 \
Critics were not convinced.

A closing paragraph.

Notes
1 City Health Report, March 3, 2019.
"""

MAP = """\
map town "The Quiet Streets" {
  author "Ann Author"
  published 2020-05
  text "town.txt"
}
thesis t: Cities should ban cars.
case pro for t: The case for.
case con against t: The case against.
person ann: Ann Author, the author.
person mayor: The Mayor, head of the town council.
claim asthma (pro) by mayor: Asthma admissions fell after the ban.
  quote "Admissions halved within a year." [^1]
  supports t
claim doubt (con): The figures are from one year only.
  rebuts asthma
claim later (pro) by ann: A later study agrees. [^2]
  rebuts doubt

footnotes
  [^1]: City Health Report, March 3, 2019.
  [^2]: Second Report, July 1, 2021.
"""


def cards_of(b) -> list[Card]:
    return [x for x in b.blocks if isinstance(x, Card)]


def the_card(text: str) -> Card:
    return next(c for c in cards_of(brief(argmap.parse(MAP), "pro", {"town": text})) if c.quote)


def test_a_card_shows_the_whole_paragraph_with_only_the_quoted_words_marked():
    card = the_card(ARTICLE)
    assert [t for t, marked in card.text if marked] == ["Admissions halved within a year."]
    paragraph = ARTICLE.split("\n\n")[2]
    assert "".join(t for t, _ in card.text) == paragraph  # nothing altered, nothing clipped
    assert not card.flags


def test_the_cite_gives_surname_year_qualification_source_and_note_and_says_it_is_second_hand():
    words = "".join(v for _, v in the_card(ARTICLE).cite)
    assert words.startswith("Mayor 2019, head of the town council")
    assert "quoted by Ann Author" in words and "second-hand" in words
    assert "note 1: City Health Report, March 3, 2019." in words


def test_a_changed_source_text_makes_the_brief_refuse_the_card_and_flag_it():
    changed = ARTICLE.replace("halved within a year", "fell by a third within a year")
    card = the_card(changed)
    assert card.text == ()
    assert any("card refused" in f and "not in the source text" in f for f in card.flags)
    text = to_markdown(brief(argmap.parse(MAP), "pro", {"town": changed}))
    assert "> ⚠ card refused" in text
    weak = text.split("## Weak points\n", 1)[1].split("\n## ", 1)[0]
    assert "Check before the round." in weak and "Asthma admissions fell after the ban." in weak


def test_a_note_dated_after_the_article_is_flagged_beside_its_card():
    b = brief(argmap.parse(MAP), "pro", {"town": ARTICLE})
    later = next(c for c in cards_of(b) if "later study" in c.tag[0][1])
    assert any("note 2 is dated July 1, 2021, after the article" in f for f in later.flags)
    assert "note 2 is dated July 1, 2021" in to_html(b)


def test_without_the_article_the_card_shows_the_maps_quotation_alone_and_says_so():
    made = [c for c in cards_of(brief(argmap.parse(MAP), "pro")) if c.quote]
    assert made and all(c.text == ((c.quote, True),) for c in made)  # the quotation, nothing of the article
    assert all(any("not at hand" in f and "not checked" in f for f in c.flags) for c in made)
    text = to_markdown(brief(argmap.parse(MAP), "pro"))
    assert "Admissions halved within a year." in text
    assert "Pollution fell sharply" not in text and "Critics were not convinced" not in text  # the paragraph's rest


def test_html_marks_the_quoted_words_and_escapes_the_rest():
    page = to_html(brief(argmap.parse(MAP), "pro", {"town": ARTICLE.replace("sharply", "<sharply>")}))
    assert "<mark>Admissions halved within a year.</mark>" in page and "&lt;sharply&gt;" in page


words = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).map(str.strip).filter(bool)


@given(st.lists(st.lists(words, min_size=1, max_size=4), min_size=1, max_size=5), st.data())
def test_card_text_is_a_whole_paragraph_of_the_source_with_the_quotation_marked(paragraphs, data):
    texts = [" ".join(f"{w}." for w in p) for p in paragraphs]
    source = "\n\n".join(texts) + "\n"
    i = data.draw(st.integers(0, len(texts) - 1))
    quote = data.draw(st.sampled_from(texts[i].split(". ")))
    passage = card_text(quote, source)
    assert passage.problem is None
    joined = "".join(t for t, _ in passage.pieces)
    assert joined in texts and quote.strip(".") in "".join(t for t, m in passage.pieces if m)
