"""Linked attacks: premises that rebut a claim only together (`argument x: p + q rebuts c`).

The language reads and writes them; every semantics counts the attack as
standing only while all its premises stand; diagrams, briefs, AIF and Argdown
carry them.
"""

from __future__ import annotations

import json
import subprocess

import pytest

import argmap
import argmap.cli
from argmap.evaluation.core import Label, evaluate
from argmap.interchange import read, write
from argmap.model.builder import MapBuilder
from argmap.rendering.diagrams import diagram
from tests.test_convert_argdown import argdown_cli  # noqa: F401 (the fixture)

MAP = """thesis deal: A territorial deal is in sight. [^1]

case togo for deal: The case for.
case brown against deal: The case against.

claim summit (togo): The summit produced joint projects. [^1]
  supports deal
claim stalled (brown): Talks on the joint projects have stalled. [^1]
claim distrust (brown): Moscow distrusts Tokyo's independence from Washington. [^1]

argument together (brown): stalled + distrust rebuts deal

footnotes
  [^1]: A source, 2017.
"""

RESTARTED = "claim restart (togo): The projects restarted in 2017. [^1]\n  rebuts stalled\n"


def with_lines(*lines: str) -> str:
    head, _, notes = MAP.partition("footnotes")
    return head + "".join(lines) + "\nfootnotes" + notes


def test_the_form_reads_and_is_written_back_unchanged():
    m = argmap.loads(MAP)
    [arg] = m.arguments
    assert arg.attacks and arg.kind == "rebuts"
    assert [str(p) for p in arg.premises] == ["stalled", "distrust"] and str(arg.conclusion) == "deal"
    assert "argument together (brown): stalled + distrust rebuts deal\n" in argmap.dumps(m)
    assert argmap.loads(argmap.dumps(m)) == m
    # `supports` is another way to write the arrow, and the formatter writes the arrow
    supports = argmap.loads(MAP.replace("distrust rebuts deal", "distrust supports deal"))
    assert not supports.arguments[0].attacks and "stalled + distrust -> deal" in argmap.dumps(supports)


def test_the_python_builder_makes_the_same_statement():
    built = (MapBuilder("t").thesis("deal", "D.").claim("a", "A.").claim("b", "B.")
             .argument("x", ["a", "b"], "deal", rebuts=True).build())
    assert "argument x: a + b rebuts deal" in argmap.dumps(built)


@pytest.mark.parametrize("kind", ["undercuts", "contradicts"])
def test_an_argument_cannot_undercut_or_contradict(kind, tmp_path, capsys):
    path = tmp_path / "bad.argmap"
    path.write_text(MAP.replace("distrust rebuts deal", f"distrust {kind} deal"), encoding="utf-8")
    assert argmap.cli.main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    written = MAP.replace("distrust rebuts deal", f"distrust {kind} deal").splitlines()
    line = next(i for i, text in enumerate(written, 1) if text.startswith("argument together"))
    column = written[line - 1].index(kind) + 1
    assert f"bad.argmap:{line}:{column}: A001 [error] argument together: premises together can support (->) or rebut " \
           f"a claim, not `{kind}` it" in out
    assert "Traceback" not in out


def test_grounded_the_attack_stands_only_while_every_premise_does():
    standing = evaluate(argmap.loads(MAP)).labels
    assert (standing["together"], standing["deal"]) == (Label.IN, Label.OUT)
    fallen = evaluate(argmap.loads(with_lines(RESTARTED))).labels
    assert (fallen["stalled"], fallen["together"], fallen["deal"]) == (Label.OUT, Label.OUT, Label.IN)


def test_one_premise_alone_is_no_attack_where_two_rebuttals_would_be():
    linked = evaluate(argmap.loads(with_lines(RESTARTED))).labels
    apart = evaluate(argmap.loads(with_lines(RESTARTED).replace(
        "argument together (brown): stalled + distrust rebuts deal", "stalled rebuts deal\ndistrust rebuts deal"))).labels
    assert (linked["deal"], apart["deal"]) == (Label.IN, Label.OUT)


def test_dfquad_weakens_the_conclusion_by_the_attack_its_weakest_premises_allow():
    s = evaluate(argmap.loads(MAP), "dfquad")
    # the argument is attacked by the negation of each premise: 1 x (1 - (1 - s)) per premise
    assert s["together"] == pytest.approx(s["stalled"] * s["distrust"])
    unattacked = evaluate(argmap.loads(MAP.replace("argument together (brown): stalled + distrust rebuts deal", "")),
                          "dfquad")
    assert s["deal"] < unattacked["deal"]
    weaker = evaluate(argmap.loads(with_lines(RESTARTED)), "dfquad")
    assert weaker["together"] < s["together"] and weaker["deal"] > s["deal"]


def test_carneades_reads_one_con_argument_with_all_the_premises():
    e = evaluate(argmap.loads(MAP), "carneades")
    outcome = e.outcomes["deal"]
    assert outcome.con is not None and "together" in outcome.reason
    apart = evaluate(argmap.loads(MAP.replace("distrust rebuts deal", "distrust -> summit")), "carneades")
    assert apart.outcomes["deal"].con is None


def test_the_diagram_draws_the_junction_with_an_attack_arrow():
    dot = diagram(argmap.loads(MAP)).source
    assert "premises that attack only together" in dot
    into_thesis = [line for line in dot.splitlines() if line.strip().endswith("]") and "-> n0 " in line]
    # one support (summit) and one attack, from the junction: the rebuttal's arrowhead, not a support's
    assert sorted("arrowhead=tee" in line for line in into_thesis) == [False, True]


def test_a_coach_reads_what_the_premises_do_together():
    brief = argmap.brief(argmap.loads(MAP), "brown")
    text = argmap.briefing.markdown.to_markdown(brief)
    assert "Taken together, these claims rebut “A territorial deal is in sight”:" in text
    assert "- Talks on the joint projects have stalled." in text


def test_rules_do_not_take_it_for_a_support():
    found = argmap.check(argmap.loads(with_lines("claim u (togo): The two do not add up. [^1]\n"
                                                 "  undercuts stalled -> deal\n")))
    assert [d.code for d in found if d.code == "S205"] == ["S205"]  # stalled does not support deal
    scheme = argmap.check(argmap.loads(MAP.replace("rebuts deal", "rebuts deal as analogy")))
    assert [d.code for d in scheme if d.code.startswith("S21")] == ["S218"]
    assert not [d for d in argmap.check(argmap.loads(MAP)) if d.severity >= 2]


def test_aif_writes_one_conflict_node_with_every_attacker_and_reads_it_back():
    m = argmap.loads(with_lines("claim u (togo): The two do not add up. [^1]\n  undercuts together\n"))
    aif = json.loads(write(m, "aif"))
    kinds = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    texts = {n["nodeID"]: n["text"] for n in aif["nodes"]}
    into = {}
    for e in aif["edges"]:
        into.setdefault(e["toID"], []).append(e["fromID"])
    claims = {c.id: c for c in m.claims}
    linked = [k for k, t in kinds.items() if t == "CA" and sum(kinds[x] == "I" for x in into.get(k, ())) == 2]
    assert len(linked) == 1
    assert sorted(texts[x] for x in into[linked[0]] if kinds[x] == "I") == sorted(
        [claims["stalled"].text, claims["distrust"].text])
    back, diagnostics = read(json.dumps(aif), "aif", "t.json")
    assert [(a.id, a.kind, [str(p) for p in a.premises], str(a.conclusion)) for a in back.arguments] == [
        ("together", "rebuts", ["stalled", "distrust"], "deal")]
    assert ("undercuts", "u", "together") in {(r.kind, str(r.source), str(r.target)) for r in back.relations}
    assert not [d for d in diagnostics if d.code == "X303"]


def test_a_corpus_conflict_with_two_attackers_is_a_linked_attack_and_loses_nothing(tmp_path, capsys):
    corpus = {"nodes": [{"nodeID": "1", "type": "I", "text": "The treaty will be signed."},
                        {"nodeID": "2", "type": "I", "text": "The talks have stalled."},
                        {"nodeID": "3", "type": "I", "text": "Moscow distrusts Tokyo."},
                        {"nodeID": "4", "type": "CA", "text": "Default Conflict"}],
              "edges": [{"edgeID": "a", "fromID": "2", "toID": "4"}, {"edgeID": "b", "fromID": "3", "toID": "4"},
                        {"edgeID": "c", "fromID": "4", "toID": "1"}]}
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps(corpus), encoding="utf-8")
    code = argmap.cli.main(["convert", str(path), "-o", str(tmp_path / "c.argmap")])
    assert code == 0, capsys.readouterr()
    m = argmap.load(tmp_path / "c.argmap")
    [arg] = m.arguments
    assert arg.attacks and len(arg.premises) == 2
    assert not [r for r in m.relations if r.kind == "rebuts"]  # not two rebuttals, each stronger than the corpus says


def test_argdown_gets_the_argument_whose_conclusion_attacks(argdown_cli, tmp_path):  # noqa: F811
    m = argmap.loads(MAP)
    text = write(m, "argdown")
    assert '<together> {"linked": "rebuts"' in text and "[together_conclusion]: Not: A territorial deal" in text
    path = tmp_path / "linked.argdown"
    path.write_text(text, encoding="utf-8")
    subprocess.run([str(argdown_cli), "json", str(path), str(tmp_path)], check=True, capture_output=True, timeout=120)
    data = json.loads((tmp_path / "linked.json").read_text(encoding="utf-8"))
    assert len(data["arguments"]) == 1 and {"together_conclusion", "stalled", "distrust"} <= set(data["statements"])
    attacks = [(r["from"], r["to"]) for r in data["relations"] if r["relationType"] == "attack"]
    assert ("together_conclusion", "deal") in attacks


def test_argdown_round_trip_gives_the_linked_attack_back():
    m = argmap.loads(with_lines("claim u (togo): The two do not add up. [^1]\n  undercuts together\n"))
    back, diagnostics = read(write(m, "argdown"), "argdown", "linked.argdown")
    assert [(a.id, a.kind, [str(p) for p in a.premises], str(a.conclusion)) for a in back.arguments] == [
        ("together", "rebuts", ["stalled", "distrust"], "deal")]
    assert {c.id for c in back.claims} == {c.id for c in m.claims}  # the denial was never a claim of the map
    assert ("undercuts", "u", "together") in {(r.kind, str(r.source), str(r.target)) for r in back.relations}
    assert not [d for d in diagnostics if d.severity >= 2]


def test_an_argdown_argument_marked_linked_that_does_more_stays_as_it_is():
    text = ('<x> {"linked": "rebuts"}\n\n(1) [a]: A.\n(2) [b]: B.\n----\n(3) [c]: C.\n    -> [d]\n    +> [e]\n\n'
            "[d]: D.\n\n[e]: E.\n")
    m, diagnostics = read(text, "argdown", "x.argdown")
    assert [a.kind for a in m.arguments] == ["supports"] and "c" in {c.id for c in m.claims}
    assert any(d.code == "X305" and "<x> is marked as a linked attack" in d.message for d in diagnostics)
