"""extract: a draft map from an article, which reads back and checks clean against its text."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap import Severity
from argmap.syntax.parser import RESERVED
from argmap.sources import read_source
from argmap.sources.extract import TODO, claim_id, extract, map_id
from argmap.sources.match import find_quotation
from argmap.formatting.writer import dumps

# article -> (footnotes, claims: one per sentence that carries a marker)
ARTICLES = {
    "001_ecff49c0a03a943e.txt": 31,  # Brown: every note cited from its own sentence
    "002_2a25ef9673323473.txt": 5,   # Togo
    "000_34e8190a59be87ba.txt": 1,   # Suzuki: the editor's note
    "004_e081191c5fe33cf7.txt": 0,   # Akiyama
    "003_eb6d3b6236a2093a.txt": 0,   # Tsuruoka
}
KEYWORDS = RESERVED | {"from", "for", "against", "by"}


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def draft(request):
    from conftest import SEEDS

    name = request.param
    text = (SEEDS / name).read_text(encoding="utf-8")
    return name, text, argmap.parse(dumps(extract(text, name)))


def test_the_draft_reads_back_and_checks_without_errors(draft, seeds):
    name, text, m = draft
    errors = [d for d in argmap.check(m, text_dirs=[seeds]) if d.severity == Severity.ERROR]
    assert errors == []
    assert m.document.text == name
    assert argmap.parse(dumps(m)) == m


def test_the_drafts_footnotes_are_the_articles_notes(draft):
    name, text, m = draft
    notes = read_source(text).notes
    assert len(m.footnotes) == ARTICLES[name]
    assert [(f.label, f.text) for f in m.footnotes] == [(n.label, n.text) for n in notes]


def test_one_claim_per_footnoted_sentence_quoting_it_and_citing_its_note(draft):
    name, text, m = draft
    source = read_source(text)
    cited = [s for s in source.sentences if source.markers_in(s)]
    assert len(m.claims) == len(cited)
    for claim, sentence in zip(m.claims, cited):
        assert claim.text.startswith(TODO)
        (quote,) = claim.quotes
        assert find_quotation(quote.text, text).found
        assert [c.label for c in quote.citations] == list(dict.fromkeys(mk.label for mk in source.markers_in(sentence)))
    if m.footnotes and name != "000_34e8190a59be87ba.txt":
        # each note is cited by the claim of the sentence that carries it
        assert {c.label for claim in m.claims for c in claim.all_citations} == {f.label for f in m.footnotes}


def test_ids_are_unique_valid_and_no_keywords(draft):
    _, _, m = draft
    ids = [m.document.id] + [c.id for c in m.claims]
    assert len(set(ids)) == len(ids)
    for i in ids:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", i) and i not in KEYWORDS


def test_header_as_the_text_states_it(seeds):
    akiyama = extract((seeds / "004_e081191c5fe33cf7.txt").read_text(encoding="utf-8"), "004_e081191c5fe33cf7.txt")
    assert akiyama.document.title == "Japan’s Difficult Choices in Navigating Its Ties with Russia"
    assert akiyama.document.authors == ("Masahiro Akiyama",)
    assert akiyama.document.published == "2015-06-11"
    brown = extract((seeds / "001_ecff49c0a03a943e.txt").read_text(encoding="utf-8"), "001_ecff49c0a03a943e.txt")
    assert brown.document.authors == ("TODO: author",) and brown.document.published is None
    assert any("published" in c.text for c in brown.comments)  # the missing date is a TODO too


def test_a_marker_inside_a_sentence_becomes_an_omission():
    text = ("A Made-Up Article\n\nAs explained by Togo Kazuhiko,1 this involves two islands.2 "
            "Nothing here is cited.\n\n1. First source.\n\n2. Second source.\n")
    m = argmap.parse(dumps(extract(text, "madeup.txt")))
    (claim,) = m.claims
    assert claim.quotes[0].text == "As explained by Togo Kazuhiko, ... this involves two islands."
    assert [c.label for c in claim.quotes[0].citations] == ["1", "2"]
    assert claim.text == TODO + "As explained by Togo Kazuhiko, this involves two islands."
    assert m.document.title == "A Made-Up Article"
    assert not [d for d in argmap.check(m, source_text=text) if d.severity == Severity.ERROR]


@pytest.mark.parametrize("sentence, expected", [
    ("He reiterated the point a few days later.", "reiterated_point_few_days"),
    ("In 2016, Abe’s “new approach” began.", "abes_new_approach_began"),
    ("Claim.", "claim_"),               # the bare word would be a keyword
    ("The 1956 Declaration.", "declaration"),
    ("2016.", "sentence"),              # nothing to name it by
    ("Über alles.", "uber_alles"),
])
def test_claim_ids_from_the_sentence(sentence, expected):
    assert claim_id(sentence, set()) == expected


def test_claim_ids_stay_unique():
    taken: set[str] = set()
    assert [claim_id("It failed.", taken) for _ in range(3)] == ["failed", "failed_2", "failed_3"]


@pytest.mark.parametrize("name, expected", [
    ("001_ecff49c0a03a943e.txt", "text_001_ecff49c0a03a943e"),
    ("brown.txt", "brown"),
    ("case.txt", "case_"),
    ("seeds/Résumé 2.txt", "resume_2"),
])
def test_map_id_from_the_file_name(name, expected):
    assert map_id(name) == expected
