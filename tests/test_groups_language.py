"""Groups (`group id (parent): title`, a claim's `in id` line) and other wordings (`wording "..."`):
read, written back, built in Python, drawn as nested boxes, and checked."""

from __future__ import annotations

import pytest

import argmap
from argmap.cli import main
from argmap.model.builder import MapBuilder
from argmap.syntax.parser import parse

SOURCE = """\
map talks "The talks" {
}

group moscow: What Moscow says [^1]
group law (moscow): Russian law and the islands
group tokyo: What Tokyo says

claim russian_law: Russia says the islands are Russian territory under its law. [^1]
  quote "Of course, this is the territory of the Russian Federation." [^1]
  wording "Moscow holds that all four islands belong to Russia." [^1]
  wording "The islands are Russian, says the Kremlin."
  in law
  supports no_deal

claim no_deal: No territorial deal is near.
  in moscow

claim hope: Tokyo hopes joint projects lead to a deal.
  in tokyo
  rebuts no_deal

footnotes
  [^1]: TASS, December 16, 2016.
"""


def test_groups_and_wordings_are_read_with_their_positions():
    m = parse(SOURCE, "talks.argmap")
    assert [(g.id, g.title, str(g.parent) if g.parent else None) for g in m.groups] == [
        ("moscow", "What Moscow says", None), ("law", "Russian law and the islands", "moscow"),
        ("tokyo", "What Tokyo says", None)]
    assert m.groups[0].citations[0].label == "1"
    law = m.claim("russian_law")
    assert law.group == "law" and (law.group_span.line, law.group_span.column) == (12, 6)
    assert [w.text for w in law.wordings] == ["Moscow holds that all four islands belong to Russia.",
                                              "The islands are Russian, says the Kremlin."]
    assert [c.label for c in law.wordings[0].citations] == ["1"] and law.wordings[1].citations == ()
    assert [c.id for c in m.members("moscow")] == ["no_deal"]
    assert m.group_table["law"].span.line == 5


def test_the_lane_and_lark_read_groups_and_wordings_alike():
    assert parse(SOURCE, "t.argmap") == parse(SOURCE, "t.argmap", fast=False)


def test_fmt_keeps_groups_and_wordings_and_is_stable():
    m = argmap.loads(SOURCE)
    text = argmap.dumps(m)
    assert text == SOURCE
    assert argmap.loads(text) == m


def test_the_last_in_line_counts():
    m = argmap.loads("group a: A\ngroup b: B\nclaim x: X.\n  in a\n  in b\n")
    assert m.claim("x").group == "b"


def test_a_map_built_in_python_has_groups_and_wordings():
    m = (MapBuilder("talks").group("moscow", "What Moscow says").group("law", "Russian law", parent="moscow")
         .claim("c", "Russia keeps the islands.", group="law", wordings="Moscow keeps all four.", supports="d")
         .claim("d", "No deal.", group="moscow").build())
    text = argmap.dumps(m)
    assert "group law (moscow): Russian law\n" in text
    assert '  wording "Moscow keeps all four."\n  in law\n' in text
    assert argmap.loads(text) == m


def test_wording_citations_are_checked_like_any_other():
    report = argmap.check(argmap.loads('claim a: A.\n  wording "Also A." [^9]\n  supports b\nclaim b: B.\n'))
    assert any(d.code == "C101" or "[^9]" in d.message for d in report), report


def test_a_thesis_cannot_carry_an_in_or_wording_line():
    report = argmap.check(argmap.loads('group g: G\nthesis t: T.\n  in g\n  wording "x"\n'))
    found = [(d.code, d.line) for d in report if d.code == "A010"]
    assert found == [("A010", 3), ("A010", 4)]


def test_the_diagram_draws_each_group_as_a_box_inside_its_parent():
    dot = argmap.render(argmap.loads(SOURCE), format="dot").decode()
    outer = dot.index("subgraph cluster_group0")
    inner = dot.index("subgraph cluster_group1")
    assert outer < inner and 'label="What Moscow says"' in dot and 'label="Russian law and the islands"' in dot
    # the inner box closes before the outer one: it is inside it
    body = dot[outer:]
    depth, closed_inner_at = 0, None
    for i, ch in enumerate(body):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 1 and closed_inner_at is None and i > inner - outer:
                closed_inner_at = i
            if depth == 0:
                assert closed_inner_at is not None and closed_inner_at < i
                break
    # the claim of the inner group is drawn in the inner box, the outer group's claim in the outer one
    assert dot.index("Russia says the islands", inner) < dot.index("subgraph cluster_group2")
    assert "cluster_group2" in dot and "What Tokyo says" in dot


def test_cluster_none_draws_no_group_boxes():
    dot = argmap.render(argmap.loads(SOURCE), format="dot", cluster="none").decode()
    assert "cluster_group" not in dot


def test_render_command_draws_groups(tmp_path, capsys):
    path = tmp_path / "talks.argmap"
    path.write_text(SOURCE, encoding="utf-8")
    code = main(["render", str(path), "--format", "dot", "-o", str(tmp_path / "talks.dot")])
    assert code == 0, capsys.readouterr().err
    assert "cluster_group1" in (tmp_path / "talks.dot").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad, code", [("claim x: X.\n  in nowhere\n", "S220"),
                                       ("group a (b): A\ngroup b (a): B\n", "S221")])
def test_a_wrong_group_is_an_error(bad, code):
    report = argmap.check(argmap.loads(bad))
    assert code in {d.code for d in report}


ARGDOWN = """\
# Moscow's side

[Law]: Russia says the islands are Russian.
  + [No deal]

## Russian law

[Law]: Moscow holds all four islands.

[No deal]: No deal is near.

# Tokyo's side

[Hope]: Tokyo hopes.
  - [No deal]
"""


def test_argdown_headings_become_nested_groups_and_a_class_keeps_every_wording():
    from argmap.interchange import read, write

    m, diagnostics = read(ARGDOWN, "argdown", "talks.argdown")
    assert [(g.id, g.title, str(g.parent) if g.parent else None) for g in m.groups] == [
        ("moscow_s_side", "Moscow's side", None), ("russian_law", "Russian law", "moscow_s_side"),
        ("tokyo_s_side", "Tokyo's side", None)]
    assert {c.id: c.group for c in m.claims} == {"law": "moscow_s_side", "no_deal": "russian_law",
                                                 "hope": "tokyo_s_side"}
    assert [w.text for w in m.claim("law").wordings] == ["Moscow holds all four islands."]
    assert not [d for d in diagnostics if d.code in ("X303", "X305") and ("heading" in d.message
                                                                          or "wording" in d.message)]
    # and back: headings with the group's id, each wording a member of the class again
    argdown = write(m, "argdown")
    assert '## Russian law {"group": "russian_law"}' in argdown and "[Law]: Moscow holds all four islands." in argdown
    again, _ = read(argdown, "argdown", "talks.argdown")
    assert again.groups == m.groups and again.claims == m.claims


PCS = """\
<Expert>

(1) [Hyodo]: Hyodo, an expert, calls the approach a failure.
--
Argument from expert opinion
--
(2) [Failed]: The approach failed.

<Both>

(1) [A]: A.
(2) [B]: B.
--
Modus ponens, Argument From Analogy
--
(3) [C]: C.
"""


def test_an_argdown_inference_rule_that_names_a_scheme_is_kept_as_the_scheme():
    from argmap.interchange import read, write

    m, diagnostics = read(PCS, "argdown", "pcs.argdown")
    # <Expert>, from one premise, is an argument as it was in Argdown: its title and its scheme kept
    schemes = {a.id: ([str(p) for p in a.premises], str(a.conclusion), a.scheme) for a in m.arguments}
    assert schemes == {"expert": (["hyodo"], "failed", "expert_opinion"), "both": (["a", "b"], "c", "analogy")}
    assert m.relations == ()
    lost = [d.message for d in diagnostics if d.code == "X303"]
    assert len(lost) == 1 and "Modus ponens" in lost[0] and "Analogy" not in lost[0]
    argdown = write(m, "argdown")
    assert "--\nArgument From Analogy\n--" in argdown
    assert "<Expert>\n\n(1) [Hyodo]\n--\nArgument From Expert Opinion\n--\n(2) [Failed]" in argdown
    again, _ = read(argdown, "argdown", "pcs.argdown")
    assert {a.id: a.scheme for a in again.arguments} == {"expert": "expert_opinion", "both": "analogy"}
