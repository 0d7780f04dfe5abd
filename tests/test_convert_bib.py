"""Footnotes as CSL-JSON and BibTeX: one entry per item, Ibid. resolved, note numbers kept."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap import interchange as convert
from tests._convert_helpers import FIXTURE_MAP, seed_maps

# The CSL-JSON item fields argmap writes, with their types, from the CSL-JSON
# schema (citation-style-language/schema, csl-data.json).
CSL_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "type"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": ["string", "number"]},
            "type": {"enum": ["article", "article-journal", "article-magazine", "article-newspaper",
                              "book", "chapter", "document", "report", "webpage"]},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "publisher": {"type": "string"},
            "URL": {"type": "string"},
            "DOI": {"type": "string"},
            "note": {"type": "string"},
            "annote": {"type": "string"},
            "author": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "properties": {"family": {"type": "string"}, "given": {"type": "string"},
                               "literal": {"type": "string"}}}},
            "issued": {"type": "object", "additionalProperties": False, "required": ["date-parts"],
                       "properties": {"date-parts": {"type": "array", "minItems": 1, "maxItems": 2, "items": {
                           "type": "array", "minItems": 1, "maxItems": 3,
                           "items": {"type": ["string", "number"]}}}}},
        },
    },
}


def fixture():
    return argmap.parse(FIXTURE_MAP, "fixture.argmap")


def test_entries_merge_ibid_and_keep_note_numbers():
    items = json.loads(convert.write(fixture(), "csl-json"))
    assert [(i["id"], i["note"]) for i in items] == [("fixture-1", "footnote 1"), ("fixture-2", "footnotes 2, 3")]
    togo, tass = items
    assert togo["title"] == "Alternative Scenarios" and togo["container-title"] == "The Asan Forum"
    assert togo["author"] == [{"literal": "Togo Kazuhiko"}] and togo["issued"] == {"date-parts": [[2016]]}
    assert tass["type"] == "article-newspaper" and tass["issued"] == {"date-parts": [[2016, 12, 16]]}


def test_same_item_in_two_notes_is_one_entry():
    m = argmap.parse(FIXTURE_MAP.replace("[^3]: Ibid.", "[^3]: TASS, December 16, 2016."), "f.argmap")
    items = json.loads(convert.write(m, "csl-json"))
    assert [i["note"] for i in items] == ["footnote 1", "footnotes 2, 3"]


def test_ibid_without_a_note_before_it_is_reported():
    m = argmap.parse('claim a: A. [^1]\nfootnotes\n  [^1]: Ibid.\n', "ibid.argmap")
    text, lost = convert.export(m, "csl-json")
    assert json.loads(text) == [] and [d.code for d in lost] == ["X306"]


@pytest.mark.parametrize("name,m", seed_maps(), ids=lambda v: v if isinstance(v, str) else "")
def test_seed_bibliographies_are_valid_csl_json_and_cover_every_note(name, m):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (test extra) is not installed")
    text, lost = convert.export(m, "csl-json")
    items = json.loads(text)
    jsonschema.validate(items, CSL_SCHEMA)
    cited = [n for i in items for n in i["note"].split(" ", 1)[1].split(", ")] if items else []
    assert sorted(cited) == sorted(n.label for n in m.footnotes if m.source_note(n.label))
    assert len({i["id"] for i in items}) == len(items)


def test_bibtex_entries_escape_and_keep_fields():
    m = argmap.parse(FIXTURE_MAP.replace("Alternative Scenarios", "Costs & 50% of {trade}"), "fixture.argmap")
    bib = convert.write(m, "bibtex")
    assert bib.count("@") == 2
    assert "@article{fixture-1," in bib and "author = {{Togo Kazuhiko}}" in bib
    assert r"title = {Costs \& 50\% of \{trade\}}" in bib
    assert "month = dec" in bib and "note = {Footnotes 2, 3}" in bib
