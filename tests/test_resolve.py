"""The resolve stage: one number per node, one key scheme, dangling names as data, made once per map."""

from __future__ import annotations

import gc

import pytest

import argmap
from argmap.analysis import queries as q
from argmap.evaluation.core import Label, evaluate
from argmap.rendering.graph import build
from argmap.resolve import CLAIM, MISSING, REBUTS, SUPPORTS, THESIS, key_of, resolve


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_nodes_are_numbered_map_by_map_and_named_as_the_map_writes_them(tmp_path):
    _write(tmp_path, "other.argmap", 'map other "O" {\n}\nclaim x: X.\n')
    m = argmap.load(_write(tmp_path, "main.argmap",
                           'map main "M" {\n}\nuse other\nthesis t: T.\nclaim a: A.\n  supports t\nother.x rebuts a\n'))
    r = resolve(m)
    assert r.namespaces == ("main", "other")
    assert [r.names[i] for i in range(r.n_defined)] == ["t", "a", "other.x"]
    assert [r.keys[i] for i in range(r.n_defined)] == ["main.t", "main.a", "other.x"]
    assert r.keys[1] == key_of("main", "a")
    assert [r.kinds[i] for i in range(r.n_defined)] == [THESIS, CLAIM, CLAIM]
    # a node is found by its name or its key; the relations are edges between numbers
    assert r.lookup("a") == r.lookup("main.a") == 1 and r.lookup("other.x") == 2 and r.lookup("x") is None
    assert list(zip(r.rel_kinds, r.rel_sources, r.rel_targets)) == [(SUPPORTS, 1, 0), (REBUTS, 2, 1)]


def test_a_name_that_names_nothing_is_a_missing_node_and_a_dangling_entry():
    m = argmap.parse("claim a: A.\n  supports nowhere\n  rebuts elsewhere.x\n")
    r = resolve(m)
    missing = [i for i in range(len(r.ids)) if r.kinds[i] == MISSING]
    assert [r.keys[i] for i in missing] == ["map.nowhere", "elsewhere.x"]
    assert [(d.ref.id, d.role, d.local) for d in r.dangling] == [("nowhere", "target", True), ("x", "target", False)]
    assert all(i >= r.n_defined for i in missing)


def test_the_resolution_is_made_once_per_map_object_and_dropped_with_it():
    m = argmap.parse("claim a: A.\nclaim b: B.\n  rebuts a\n")
    r = resolve(m)
    assert resolve(m) is r
    assert resolve(argmap.parse("claim a: A.\nclaim b: B.\n  rebuts a\n")) is not r  # an equal map is another input
    assert r.root is m
    del m
    gc.collect()
    with pytest.raises(ReferenceError):
        r.root  # noqa: B018 - the resolution does not keep its map alive


def test_two_used_maps_with_the_same_id_are_not_merged(tmp_path):
    """Both files say `map twin`: each keeps its own claims, the second under the namespace twin#2."""
    _write(tmp_path, "one.argmap", 'map twin "One" {\n}\nclaim x: One says x.\n')
    _write(tmp_path, "two.argmap", 'map twin "Two" {\n}\nclaim x: Two says x.\n')
    m = argmap.load(_write(tmp_path, "main.argmap",
                           'use one from "one.argmap"\nuse two from "two.argmap"\nclaim a: A.\n'
                           "one.x rebuts a\ntwo.x supports a\n"))
    r = resolve(m)
    assert sorted(r.namespaces[1:]) == ["twin", "twin#2"]
    e = evaluate(m)
    assert {k for k in e.labels if k.startswith("twin")} == {"twin.x", "twin#2.x"}
    texts = {q.node(m, k).text for k in ("twin.x", "twin#2.x")}
    assert texts == {"One says x.", "Two says x."}
    # a support from one twin and an attack from the other, not one node doing both
    attackers = {a.id for a in q.attackers(m, "a", depth=1)}
    supporters = {s.id for s in q.supporters(m, "a", depth=1)}
    assert len(attackers) == len(supporters) == 1 and attackers != supporters
    drawn = [n.key for n in build(m).nodes.values() if n.map_id != r.namespaces[0]]
    assert sorted(drawn) == ["twin#2.x", "twin.x"]


def test_one_file_used_under_two_names_is_one_map(tmp_path):
    _write(tmp_path, "togo.argmap", 'map togo "T" {\n}\nclaim x: X.\n')
    m = argmap.load(_write(tmp_path, "main.argmap",
                           'use togo\nuse rozman from "togo.argmap"\nclaim a: A.\n  rebuts togo.x\n  rebuts rozman.x\n'))
    r = resolve(m)
    assert r.namespaces == ("main", "togo")
    assert r.rel_targets[0] == r.rel_targets[1] == r.lookup("togo.x")


def test_an_undercut_of_an_argument_of_a_used_map_counts(tmp_path):
    _write(tmp_path, "other.argmap", 'map other "O" {\n}\nclaim p: P.\nclaim c: C.\nargument arg: p -> c\n')
    m = argmap.load(_write(tmp_path, "main.argmap", "use other\nclaim u: U.\n  undercuts other.arg\n"))
    e = evaluate(m)
    assert e.labels["other.arg"] is Label.OUT
    assert str(e.reasons["other.arg"]) == "undercut by u"


def test_a_name_is_looked_up_where_it_is_written(tmp_path):
    # what a converter or a diagram asks: "what does this name, written in that map, name?"
    _write(tmp_path, "other.argmap", 'map other "O" {\n}\nperson ann: Ann Author.\ncase c for t2: C.\n'
                                     'thesis t2: T2.\nclaim x (c) by ann: X.\n  supports t2\n')
    m = argmap.load(_write(tmp_path, "main.argmap",
                           'map main "M" {\n}\nuse other\nperson bob: Bob.\nthesis t: T.\n'
                           'claim a by bob: A.\n  supports t\nother.x rebuts a\n'))
    r = resolve(m)
    from argmap.model import Ref
    assert r.node_named(Ref("x", "other")).text == "X."
    assert r.node_named(Ref("a")).text == "A." and r.node_named(Ref("a", "main")).text == "A."
    assert r.node_named(Ref("x")) is None  # a bare name is this map's, and this map has no x
    assert r.node_named(Ref("x", "unused")) is None  # a map this one does not use
    assert r.person_named(Ref("bob")).name == "Bob." and r.person_named(Ref("ann", "other")).name == "Ann Author."
    assert r.case_named(Ref("c", "other")).id == "c" and r.case_named(Ref("c")) is None
    # written in the used map itself, a bare name is that map's
    k = r.number_of(m.imports["other"])
    assert r.node_named(Ref("x"), k).text == "X." and r.person_named(Ref("ann"), k) is not None
    # the diagram's nodes carry who asserts them
    g = build(m)
    assert g.nodes["main.a"].person.name == "Bob." and g.nodes["other.x"].person.name == "Ann Author."
