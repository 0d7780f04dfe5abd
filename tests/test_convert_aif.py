"""AIF JSON in and out: round trips, real-world file shapes, an independent reader."""

from __future__ import annotations

import json

import pytest

from argmap import interchange as convert
from argmap.cli import main
from argmap.interchange.aif import read_aif, write_aif
from tests._convert_helpers import DATA, FIXTURE_MAP, claim_texts, relation_keys, seed_maps

import argmap


def rel(m, kind, source, target):
    return any(r.kind == kind and str(r.source) == source and str(r.target) == target for r in m.relations)


@pytest.mark.parametrize("name,m", seed_maps(), ids=lambda v: v if isinstance(v, str) else "")
def test_seed_maps_survive_aif_round_trip(name, m):
    text, lost = convert.export(m, "aif")
    back, diagnostics = read_aif(text, f"{name}.json")
    assert claim_texts(back) == claim_texts(m)
    assert relation_keys(back) == relation_keys(m)
    assert {(a.id, a.premises, a.conclusion) for a in back.arguments} == \
           {(a.id, a.premises, a.conclusion) for a in m.arguments}
    assert back.footnotes == m.footnotes and back.persons == m.persons and back.document == m.document
    assert {c.id: (c.case, c.by, c.citations, c.quotes, c.tags) for c in back.claims} == \
           {c.id: (c.case, c.by, c.citations, c.quotes, c.tags) for c in m.claims}
    assert diagnostics == [] and lost == []


def test_aif_shape_of_each_relation():
    m = argmap.parse(FIXTURE_MAP, "fixture.argmap")
    graph = json.loads(write_aif(m))
    kinds = [n["type"] for n in graph["nodes"]]
    # 6 claims and the thesis; RA: trust->pay, the linked argument; CA: rebut, undercut, contradiction x2
    assert kinds.count("I") == 7
    assert kinds.count("RA") == 2 and kinds.count("CA") == 4
    assert kinds.count("L") == kinds.count("YA") == 1          # putin asserts `nothing`
    assert graph["participants"] == [{"participantID": 1, "firstname": "Vladimir", "surname": "Putin"}]
    by_id = {n["nodeID"]: n for n in graph["nodes"]}
    linked = [n for n in graph["nodes"] if n["type"] == "RA"
              and sum(e["toID"] == n["nodeID"] and by_id[e["fromID"]]["type"] == "I" for e in graph["edges"]) == 2]
    assert len(linked) == 1                                      # law + people -> never: one RA
    undercut = [e for e in graph["edges"] if by_id[e["toID"]]["type"] == "RA"
                and by_id[e["fromID"]]["type"] == "CA"]
    assert len(undercut) == 1                                    # the CA of `spin` points at an RA


def test_arguebuf_reads_our_aif_with_the_same_counts(tmp_path):
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf (test extra) is not installed")
    for name, m in seed_maps():
        graph = json.loads(write_aif(m))
        loaded = arguebuf.load.aif(graph, name=name)
        argument_nodes = {n["nodeID"] for n in graph["nodes"] if n["type"] in ("I", "RA", "CA")}
        assert len(loaded.atom_nodes) == sum(n["type"] == "I" for n in graph["nodes"]), name
        assert len(loaded.scheme_nodes) == sum(n["type"] in ("RA", "CA") for n in graph["nodes"]), name
        expected_edges = sum(e["fromID"] in argument_nodes and e["toID"] in argument_nodes for e in graph["edges"])
        assert len(loaded.edges) == expected_edges, name
        supports = sum(1 for s in loaded.scheme_nodes.values() if type(s.scheme).__name__ == "Support")
        assert supports == sum(n["type"] == "RA" for n in graph["nodes"]), name


def test_monologue_file_with_schemes_odd_ids_and_broken_parts():
    text = (DATA / "aif" / "araucaria.json").read_text()
    m, diagnostics = read_aif(text, "araucaria.json")
    linked = m.arguments[0]
    assert [str(p) for p in linked.premises] == ["n2", "n3"] and str(linked.conclusion) == "n1"
    assert rel(m, "undercuts", "n9", linked.id)
    assert rel(m, "contradicts", "n5", "n1")                   # a CA each way
    assert rel(m, "supports", "n7", "n5")
    found = {(d.code, d.line, d.column) for d in diagnostics}
    assert ("X304", 28, 3) in found                            # edge 13 -> node 404
    assert ("X302", 8, 3) in found                             # node 7 has no text
    # "Argument From Expert Opinion" is a scheme of the catalogue: kept, not reported lost
    assert linked.scheme == "expert_opinion" and ("X303", 5, 3) not in found
    assert not any("Expert Opinion" in d.message for d in diagnostics)


def test_dialogue_file_gives_speakers_and_reports_dialogue_structure():
    m, diagnostics = read_aif((DATA / "aif" / "dialogue.json").read_text(), "dialogue.json")
    speakers = {c.text: str(c.by) for c in m.claims if c.by}
    assert speakers == {"The summit was a success.": "bob_smith", "Russia gave nothing at the summit.": "ann_lee"}
    assert [p.name for p in m.persons] == ["Bob Smith", "Ann Lee"]
    assert rel(m, "rebuts", "nb2", "na2")
    messages = " ".join(d.message for d in diagnostics)
    assert "rephrase (MA)" in messages and "transition" in messages and "zz" in messages


@pytest.mark.parametrize("name,where", [("not_aif.json", (1, 1)), ("broken.json", (3, 3))])
def test_json_that_is_not_aif_is_unreadable_with_a_position(name, where):
    with pytest.raises(convert.ConvertError) as err:
        read_aif((DATA / "aif" / name).read_text(), name)
    d = err.value.diagnostics[-1]
    assert d.code == "X301" and (d.line, d.column) == where


@pytest.mark.parametrize("label", ["RA", "Default Inference", "default_inference", "", "Inference"])
def test_an_inference_labelled_only_as_an_inference_names_no_scheme_and_loses_nothing(tmp_path, label):
    data = {"nodes": [{"nodeID": "1", "text": "Claim one", "type": "I"}, {"nodeID": "2", "text": "Claim two", "type": "I"},
                      {"nodeID": "3", "text": label, "type": "RA"}],
            "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "2"}]}
    source = tmp_path / "g.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    assert main(["convert", str(source), "-o", str(tmp_path / "g.argmap")]) == 0
    assert "supports" in (tmp_path / "g.argmap").read_text(encoding="utf-8")


def _dialogue(n: int, with_names: bool) -> dict:
    nodes, edges, locutions = [], [], []
    for k in range(n):
        i, l, ya = f"i{k}", f"l{k}", f"ya{k}"
        text = f"Speaker {k % 3} : point {k}" if with_names else f"point {k}"
        nodes += [{"nodeID": i, "text": f"Point {k}.", "type": "I"}, {"nodeID": l, "text": text, "type": "L"},
                  {"nodeID": ya, "text": "Asserting", "type": "YA"}]
        edges += [{"edgeID": f"e{k}a", "fromID": l, "toID": ya}, {"edgeID": f"e{k}b", "fromID": ya, "toID": i}]
        locutions.append({"nodeID": l, "personID": str(100 + k)})
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": []}


@pytest.mark.parametrize("with_names", [True, False])
def test_unlisted_participants_are_recovered_from_the_text_or_reported_once(tmp_path, capsys, with_names):
    source = tmp_path / "d.json"
    source.write_text(json.dumps(_dialogue(50, with_names)), encoding="utf-8")
    main(["convert", str(source), "-o", str(tmp_path / "d.argmap")])
    err = capsys.readouterr().err
    text = (tmp_path / "d.argmap").read_text(encoding="utf-8")
    if with_names:  # "Speaker 1 : ..." names the speaker: nothing to say
        assert "not listed" not in err and text.count("by speaker_1") >= 16
    else:
        assert err.count("not listed") == 1 and "49 more locution(s)" in err
