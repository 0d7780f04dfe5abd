"""The seed briefs: both sides of the debate over the new approach, from every article, kept up to date in docs/briefs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.briefing import Card, article_texts, brief, to_docx, to_html, to_markdown
from argmap.files.loader import load

ROOT = Path(__file__).resolve().parent.parent
DEBATE = ROOT / "maps" / "new_approach_debate.argmap"
AUTHORS = ("Brown", "Togo", "Suzuki", "Akiyama", "Tsuruoka")  # the five articles, by their authors' surnames


@pytest.fixture(scope="module")
def debate(request):
    seeds = ROOT.parent / "shared" / "seeds"
    m = load(DEBATE)
    return m, article_texts(m, [seeds])


@pytest.mark.parametrize("case", ["brown", "togo"])
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_seed_briefs_are_up_to_date(debate, case, fmt):
    # The committed briefs are made without the articles' texts: the articles are other people's
    # writing, which the project quotes only where a map marks a quotation and never copies into its
    # files, so the cards there carry the quotation, not its paragraph.  (With --text-dir a user's
    # brief cuts each card from the article; the tests below check those cards in memory.)
    m, _texts = debate
    b = brief(m, case)
    expected = to_docx(b) if fmt == "docx" else (to_html(b) if fmt == "html" else to_markdown(b)).encode()
    path = ROOT / "docs" / "briefs" / f"{case}.{fmt}"
    assert path.read_bytes() == expected, (
        f"{path.relative_to(ROOT)} is out of date; regenerate it with\n  argmap brief "
        f"maps/new_approach_debate.argmap --case {case} -o docs/briefs/{case}.{fmt}")


def _section(text: str, heading: str) -> str:
    return text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0] if f"## {heading}\n" in text else ""


def _articles_attacking(text: str) -> set[str]:
    """The articles whose claims the brief shows attacking: the blocks (their attacks, our answers) and the
    other articles' attacks on the other side."""
    blocks = _section(text, "Blocks: if they say …")
    # each attack and each answer names the article it comes from: "in <author> (<year>)", "; <author> (<year>))"
    named = {who for who, _ in re.findall(r"(?:, in |^In |; )([A-Z][^();]*?) \((\d{4})\)", blocks, re.M)}
    # an ally's entry: "**<author> (<year>):** its words (it rebuts …)"
    for who, doing in re.findall(r"^\*\*([A-Z][^()*]*?) \(\d{4}\):\*\* .*\((it .*)\)$",
                                 _section(text, "From the other articles"), re.M):
        if re.search(r"\bit (rebuts|contradicts|undercuts)\b", doing):
            named.add(who)
    return {a for a in AUTHORS for who in named if who.endswith(a) or who.startswith(a)}


@pytest.mark.parametrize("case", ["brown", "togo"])
def test_each_side_meets_attacks_and_answers_from_at_least_three_articles(debate, case):
    m, texts = debate
    assert len(_articles_attacking(to_markdown(brief(m, case, texts)))) >= 3


def test_the_other_articles_give_each_side_their_claims_once_with_what_each_does(debate):
    m, texts = debate
    text = to_markdown(brief(m, "brown", texts))
    allies = _section(text, "From the other articles")
    entries = re.findall(r"^\*\*([^*]+?):\*\* (.*)$", allies, re.M)
    assert entries and len({words for _, words in entries}) == len(entries)  # one entry per claim
    # Tsuruoka's reset both rebuts Togo's "cannot be undone" and backs Brown's "falls with Abe": one entry, both
    reset = [w for who, w in entries if who.startswith("Michito Tsuruoka") and "reset" in w]
    assert reset and "it rebuts “The improvement in Japanese-Russian relations" in reset[0] \
        and "it supports “The policy rests on Abe personally" in reset[0]
    # nothing of the two sides' own, and nothing a block already answers with
    assert "James D. J. Brown (2017):**" not in allies


@pytest.mark.parametrize("case", ["brown", "togo"])
def test_every_seed_card_matches_its_article(debate, case):
    m, texts = debate
    assert set(texts) == {"suzuki2012", "togo2013", "akiyama2015", "brown2017", "tsuruoka2020"}
    cards = [c for c in brief(m, case, texts).blocks if isinstance(c, Card) and c.quote]
    assert cards and all(c.text and not any("refused" in f for f in c.flags) for c in cards)


def test_brown_brief_flags_the_wrong_date_of_note_17_on_its_card_and_says_what_is_second_hand(debate):
    m, texts = debate
    b = brief(m, "brown", texts)
    late = [c for c in b.blocks if isinstance(c, Card) and any(f.startswith("note 17 is dated") for f in c.flags)]
    assert late and all("note 17" in "".join(v for _, v in c.cite) for c in late)  # on the card that cites it
    text = to_markdown(b)
    assert "> ⚠ note 17 is dated" in text and "Check before the round." in text
    # Togo's words reach Brown's readers through Brown: the cite says so
    togo = [c for c in b.blocks if isinstance(c, Card) and c.quote and "".join(v for _, v in c.cite).startswith("Togo")]
    assert togo and all("quoted by James D. J. Brown" in "".join(v for _, v in c.cite) for c in togo)
