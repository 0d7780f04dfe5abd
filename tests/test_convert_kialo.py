"""Kialo's text export to a map: a thesis with a case for and a case against."""

from __future__ import annotations

import pytest

from argmap import interchange as convert
from argmap.interchange.kialo import read_kialo
from tests._convert_helpers import DATA


def relations(m):
    return {(r.kind, str(r.source), str(r.target)) for r in m.relations}


def test_discussion_becomes_thesis_cases_and_relations():
    m, diagnostics = read_kialo((DATA / "kialo" / "discussion.txt").read_text(), "discussion.txt")
    assert diagnostics == []
    assert m.document.title == "Should Japan pay for talks on the islands?"
    assert [t.text for t in m.theses] == ["Japan should pay for talks on the islands."]
    assert [(c.id, c.stance) for c in m.cases] == [("pro", "for"), ("con", "against")]
    assert relations(m) == {
        ("supports", "k1_1", "k1"), ("rebuts", "k1_1_1", "k1_1"), ("supports", "k1_1_1_1", "k1_1_1"),
        ("rebuts", "k1_2", "k1"), ("rebuts", "k1_1", "k1_2"), ("supports", "k1_3", "k1"),
    }
    cases = {c.id: str(c.case) for c in m.claims}
    # a con of a pro argues against the thesis; a pro of that con too
    assert cases == {"k1_1": "pro", "k1_1_1": "con", "k1_1_1_1": "con", "k1_2": "con", "k1_3": "pro"}
    assert m.claim("k1_2").text.endswith("it wrote this into its constitution.")  # continuation line


def test_bad_lines_are_reported_where_they_are():
    m, diagnostics = read_kialo((DATA / "kialo" / "broken.txt").read_text(), "broken.txt")
    assert [(d.code, d.line) for d in diagnostics] == [("X302", 3), ("X302", 5), ("X304", 7), ("X304", 8)]
    assert [c.id for c in m.claims] == ["k1_2"]


def test_prose_is_not_a_kialo_export():
    with pytest.raises(convert.ConvertError) as err:
        read_kialo((DATA / "kialo" / "not_kialo.txt").read_text(), "not_kialo.txt")
    assert [d.code for d in err.value.diagnostics] == ["X302", "X301"]
