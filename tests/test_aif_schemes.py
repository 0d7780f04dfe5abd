"""Schemes through AIF: AIFdb's RA labels become the catalogue's schemes, and argmap's schemes
leave as AIF labels and come back as they were."""

from __future__ import annotations

import json
from pathlib import Path

import argmap
from argmap.cli import main
from argmap.interchange import read, write
from argmap.schemes import load_catalogue

MAPS = Path(__file__).resolve().parent.parent / "maps"


def corpus(wrapped: bool) -> str:
    """An AIFdb nodeset as the corpus exports it: L, YA, TA, I, RA and CA nodes with string ids."""
    nodes = [
        {"nodeID": "a1", "text": "The Kremlin says the islands are Russian.", "type": "I"},
        {"nodeID": "a2", "text": "No deal is near.", "type": "I"},
        {"nodeID": "a3", "text": "Hyodo, an expert on Russia, calls the approach a failure.", "type": "I"},
        {"nodeID": "a4", "text": "The approach failed.", "type": "I"},
        {"nodeID": "a5", "text": "Tokyo's officials are biased.", "type": "I"},
        {"nodeID": "a6", "text": "Talks go on.", "type": "I"},
        {"nodeID": "r1", "text": "Argument From Position To Know", "type": "RA", "scheme": "Argument From Position To Know",
         "schemeID": "72"},
        {"nodeID": "r2", "text": "Argument From Expert Opinion", "type": "RA", "scheme": "Argument From Expert Opinion",
         "schemeID": "7"},
        {"nodeID": "r3", "text": "Default Inference", "type": "RA"},
        {"nodeID": "r4", "text": "Argument From Vagueness Of Verbal Classification", "type": "RA", "scheme": "Argument From Vagueness Of Verbal Classification"},
        {"nodeID": "c1", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "l1", "text": "Ann: The Kremlin says the islands are Russian.", "type": "L"},
        {"nodeID": "y1", "text": "Asserting", "type": "YA"},
        {"nodeID": "l2", "text": "Bob: No deal is near.", "type": "L"},
        {"nodeID": "y2", "text": "Asserting", "type": "YA"},
        {"nodeID": "t1", "text": "Default Transition", "type": "TA"},
    ]
    pairs = [("a1", "r1"), ("r1", "a2"), ("a3", "r2"), ("r2", "a4"), ("a2", "r3"), ("r3", "a4"),
             ("a5", "r4"), ("r4", "a6"), ("a6", "c1"), ("c1", "a4"), ("l1", "y1"), ("y1", "a1"),
             ("l2", "y2"), ("y2", "a2"), ("l1", "t1"), ("t1", "l2")]
    edges = [{"edgeID": f"e{i}", "fromID": a, "toID": b} for i, (a, b) in enumerate(pairs)]
    graph = {"nodes": nodes, "edges": edges, "locutions": [], "participants": []}
    return json.dumps({"AIF": graph} if wrapped else graph, indent=1)


def supports(m) -> dict[tuple[str, str], str | None]:
    return {(str(r.source), str(r.target)): r.scheme for r in m.relations if r.kind == "supports"}


def test_aifdb_scheme_labels_land_on_their_inferences():
    for wrapped in (False, True):
        m, diagnostics = read(corpus(wrapped), "aif", "corpus.json")
        found = supports(m)
        assert found[("na1", "na2")] == "position_to_know"
        assert found[("na3", "na4")] == "expert_opinion"
        assert found[("na2", "na4")] is None        # Default Inference names no scheme
        assert found[("na5", "na6")] == "vagueness_of_verbal_classification"  # not in the catalogue: kept by its name
        unknown = [d for d in diagnostics if "catalogue does not have" in d.message]
        assert len(unknown) == 1 and unknown[0].code == "X305" and "Argument From Vagueness Of Verbal Classification" in unknown[0].message
        assert not [d for d in diagnostics if "scheme" in d.message and d.code == "X303"]


def test_a_corpus_whose_schemes_are_all_known_converts_with_exit_0(tmp_path, capsys):
    data = json.loads(corpus(False))
    data["nodes"] = [n for n in data["nodes"] if n["nodeID"] not in ("r4", "t1")]
    data["edges"] = [e for e in data["edges"] if "r4" not in (e["fromID"], e["toID"])
                     and "t1" not in (e["fromID"], e["toID"])]
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code = main(["convert", str(path), "-o", str(tmp_path / "c.argmap")])
    assert code == 0, capsys.readouterr()
    text = (tmp_path / "c.argmap").read_text(encoding="utf-8")
    assert "as expert_opinion" in text and "as position_to_know" in text


def test_schemes_leave_as_aif_labels_and_come_back():
    m = argmap.load(MAPS / "brown2017.argmap")
    aif = json.loads(write(m, "aif"))
    labels = sorted(n["text"] for n in aif["nodes"] if n["type"] == "RA" and n["text"] != "Default Inference")
    named = {k: s for k, s in supports(m).items() if s}
    catalogue = load_catalogue()
    assert labels == sorted(catalogue[s].aif_label for s in named.values())
    assert {"Argument From Position To Know", "Argument From Expert Opinion", "Argument From Popular Opinion"} <= set(labels)
    back, _ = read(json.dumps(aif), "aif", "brown2017.json")
    assert {k: s for k, s in supports(back).items() if s} == named and len(named) >= 8


def test_a_linked_argument_and_an_unknown_scheme_round_trip():
    m = argmap.loads("claim a: A.\nclaim b: B.\nclaim c: C.\n  supports d as sign_of_bias\nclaim d: D.\n"
                     "argument both: a + b -> d as analogy\n")
    back, _ = read(write(m, "aif"), "aif", "t.json")
    assert back.arguments[0].scheme == "analogy"
    assert supports(back)[("c", "d")] == "sign_of_bias"
    aif = json.loads(write(m, "aif"))
    assert "Argument From Sign Of Bias" in {n["text"] for n in aif["nodes"]}
