"""A dialogue corpus in AIF (locutions, illocutions, transitions, rephrases, linked and repeated nodes):
every node is accounted for, and a file that loses nothing converts with exit 0."""

from __future__ import annotations

import json
import re

import pytest

import argmap
from argmap.cli import main
from argmap.interchange.aif import read_aif, write_aif
from argmap.interchange.aif_dialogue import ILLOCUTIONS, force_of, tag_of


class Corpus:
    """A small AIF dialogue graph built node by node."""

    def __init__(self):
        self.nodes, self.edges, self.locutions = [], [], []
        self.participants = [{"participantID": 1, "firstname": "Anna", "surname": "Ito"},
                             {"participantID": 2, "firstname": "Ben", "surname": "Sato"}]

    def node(self, kind: str, text: str) -> str:
        ident = str(len(self.nodes) + 1)
        self.nodes.append({"nodeID": ident, "type": kind, "text": text})
        return ident

    def edge(self, a: str, b: str) -> None:
        self.edges.append({"fromID": a, "toID": b})

    def say(self, who: int, text: str, force: str = "Asserting") -> tuple[str, str]:
        """A proposition put forward by participant *who* with *force*: (I-node, L-node)."""
        i = self.node("I", text)
        name = "Anna Ito" if who == 1 else "Ben Sato"
        loc = self.node("L", f"{name} : {text}")
        ya = self.node("YA", force)
        self.edge(loc, ya)
        self.edge(ya, i)
        self.locutions.append({"nodeID": loc, "personID": who})
        return i, loc

    def link(self, kind: str, *premises: str, to: str) -> str:
        n = self.node(kind, "Default Inference" if kind == "RA" else "Default Conflict")
        for p in premises:
            self.edge(p, n)
        self.edge(n, to)
        return n

    def json(self) -> str:
        return json.dumps({"nodes": self.nodes, "edges": self.edges, "locutions": self.locutions,
                           "participants": self.participants})


def _convert(tmp_path, capsys, corpus: Corpus) -> tuple[int, str, str]:
    source = tmp_path / "dialogue.json"
    source.write_text(corpus.json(), encoding="utf-8")
    out = tmp_path / "dialogue.argmap"
    code = main(["convert", str(source), "-o", str(out)])
    return code, capsys.readouterr().err, out.read_text(encoding="utf-8")


def _questions_and_answers() -> tuple[Corpus, dict]:
    c = Corpus()
    q, _ = c.say(1, "Should Japan keep talking to Russia?", "Pure Questioning")
    a, _ = c.say(2, "Japan should keep talking to Russia.")
    why, _ = c.say(1, "Why would talks help at all?", "Assertive Challenging")
    r1, _ = c.say(2, "Talks keep the fisheries deal alive.")
    r2, _ = c.say(2, "Talks are the only channel left.")
    x, _ = c.say(1, "Russia ignores every channel.", "Disagreeing")
    c.link("RA", r1, to=a)
    c.link("RA", r1, to=a)  # the same inference annotated twice
    c.link("RA", r2, to=a)
    c.link("CA", x, to=r2)
    return c, {"q": q, "a": a, "why": why, "x": x}


def test_a_dialogue_that_loses_nothing_converts_with_exit_0_and_every_node_accounted_for(tmp_path, capsys):
    corpus, _ = _questions_and_answers()
    code, err, text = _convert(tmp_path, capsys, corpus)
    assert code == 0, err
    assert text.count("\nclaim ") + text.startswith("claim ") == 6  # every I-node a claim
    assert "by anna_ito" in text and "by ben_sato" in text  # every L-node's speaker
    assert "tags pure_questioning" in text and "tags assertive_challenging" in text and "tags disagreeing" in text
    assert text.count(" supports ") == 2 and text.count(" rebuts ") == 1  # the repeated RA kept once, the CA
    assert "2 claim(s)" not in err and "3 claim(s) are put forward otherwise than by asserting" in err
    assert "1 relation(s) repeat one already read" in err
    assert "Traceback" not in err


def test_the_force_of_each_claim_goes_back_out_to_aif(tmp_path, capsys):
    corpus, ids = _questions_and_answers()
    m, _ = read_aif(corpus.json(), "dialogue.json")
    back = json.loads(write_aif(m))
    forces = sorted(n["text"] for n in back["nodes"] if n["type"] == "YA")
    assert forces == sorted(["Pure Questioning", "Asserting", "Assertive Challenging", "Asserting", "Asserting",
                             "Disagreeing"])
    again, _ = read_aif(json.dumps(back), "back.json")
    assert {c.text: c.tags for c in again.claims} == {c.text: c.tags for c in m.claims}


def test_transitions_rephrases_and_a_linked_attack_are_each_reported_once(tmp_path, capsys):
    corpus, ids = _questions_and_answers()
    for _ in range(5):
        ta = corpus.node("TA", "Default Transition")
        corpus.edge(ta, ids["a"])
        ma = corpus.node("MA", "Default Rephrase")
        corpus.edge(ids["a"], ma)
        corpus.edge(ma, ids["q"])
    third, _ = corpus.say(1, "Moscow tore up the 2018 deal.")
    corpus.link("CA", ids["x"], third, to=ids["a"])  # two attackers that attack only together
    code, err, text = _convert(tmp_path, capsys, corpus)
    assert code == 1  # the dialogue's turns and the joint attack do not survive: said, and exit 1
    assert err.count("dialogue transition(s) (TA)") == 1 and "5 dialogue transition(s)" in err
    assert err.count("rephrase (MA)") == 1 and "5 rephrase (MA) node(s)" in err
    # the joint attack is kept as one: a linked attack, not a rebuttal from each attacker
    assert "only together" not in err and re.search(r"^argument \w+: \w+ \+ \w+ rebuts \w+$", text, re.M), text


@pytest.mark.parametrize("force", ILLOCUTIONS)
def test_every_known_force_has_a_tag_that_gives_it_back(force):
    tag = tag_of(force)
    assert tag and tag.isidentifier() and force_of(("other", tag)) == force
    assert tag_of("Asserting") is None and force_of(()) == "Asserting"


# ---- rephrases (MA) ---------------------------------------------------------------------


def rephrase(corpus: Corpus, rephrasing: str, rephrased: str) -> str:
    ma = corpus.node("MA", "Default Rephrase")
    corpus.edge(rephrasing, ma)
    corpus.edge(ma, rephrased)
    return ma


def test_a_rephrase_is_a_wording_of_the_claim_it_rephrases(tmp_path, capsys):
    c = Corpus()
    fares, _ = c.say(1, "Bus fares should be cut.")
    again, _ = c.say(1, "Cheaper buses, that is what we need.")
    cars, _ = c.say(2, "Fewer people would drive into town.")
    c.link("RA", cars, to=again)  # a reason given for the rephrasing is a reason for the claim
    ma = rephrase(c, again, fares)
    rephrase(c, again, fares)  # the same rephrase annotated twice
    code, err, text = _convert(tmp_path, capsys, c)
    assert code == 0, err
    m, diagnostics = read_aif(c.json(), "dialogue.json")
    [claim] = [x for x in m.claims if x.text == "Bus fares should be cut."]
    assert [w.text for w in claim.wordings] == ["Cheaper buses, that is what we need."]
    assert len(m.claims) == 2 and str(claim.by) == "anna_ito"
    assert [(str(r.source), r.kind, str(r.target)) for r in m.relations] == [(str(m.claims[1].id), "supports",
                                                                              claim.id)]
    [note] = [d for d in diagnostics if "rephrase (MA)" in d.message]
    assert note.code == "X305" and "2 rephrase (MA) node(s)" in note.message and f"the first: {ma}" in note.message
    assert 'wording "Cheaper buses, that is what we need."' in text


def test_a_rephrase_anchored_in_the_dialogue_by_restating_is_still_a_wording():
    c = Corpus()
    fares, loc_fares = c.say(1, "Bus fares should be cut.")
    again, loc_again = c.say(2, "So: cheaper buses.")
    ma = rephrase(c, again, fares)
    ta = c.node("TA", "Default Transition")
    ya = c.node("YA", "Restating")  # the illocution of the rephrase itself, on the MA-node
    c.edge(loc_fares, ta)
    c.edge(ta, loc_again)
    c.edge(ta, ya)
    c.edge(ya, ma)
    m, diagnostics = read_aif(c.json(), "restating.json")
    [claim] = m.claims
    assert [w.text for w in claim.wordings] == ["So: cheaper buses."] and claim.tags == ()
    [note] = [d for d in diagnostics if "rephrase (MA)" in d.message]
    assert note.code == "X303" and "another speaker" in note.message  # Ben restates what Anna said


def test_a_chain_of_rephrases_gives_one_claim_and_a_loop_between_them_is_dropped_and_said():
    c = Corpus()
    first, _ = c.say(1, "The bridge must be repaired.")
    second, _ = c.say(1, "Repairs to the bridge cannot wait.")
    third, _ = c.say(1, "Fix the bridge now.")
    rephrase(c, second, first)
    rephrase(c, third, second)
    c.link("RA", third, to=first)  # once one claim, a reason for itself
    m, diagnostics = read_aif(c.json(), "chain.json")
    [claim] = m.claims
    assert claim.text == "The bridge must be repaired."
    assert [w.text for w in claim.wordings] == ["Repairs to the bridge cannot wait.", "Fix the bridge now."]
    assert m.relations == ()
    [note] = [d for d in diagnostics if "rephrase (MA)" in d.message]
    assert "1 relation(s) between a claim and its own rephrasing are dropped" in note.message


def test_a_rephrase_by_another_speaker_or_with_another_force_says_what_the_wording_loses(tmp_path, capsys):
    c = Corpus()
    asked, _ = c.say(1, "Is the library open on Sundays?", "Pure Questioning")
    told, _ = c.say(2, "The library is open on Sundays.")
    rephrase(c, told, asked)
    code, err, _ = _convert(tmp_path, capsys, c)
    assert code == 1
    assert err.count("rephrase (MA)") == 1
    assert "X303" in err and "1 of them rephrase what another speaker said, or with another force" in err


def test_a_rephrase_that_joins_no_two_claims_is_reported_once():
    c = Corpus()
    a, loc_a = c.say(1, "Parks need more trees.")
    b, loc_b = c.say(2, "Trees cool the streets.")
    wide = c.node("MA", "Default Rephrase")  # two rephrasings into one node: not one wording of one claim
    c.edge(a, wide)
    c.edge(b, wide)
    c.edge(wide, a)
    rephrase(c, loc_a, loc_b)  # L-nodes: what was said, not a claim
    m, diagnostics = read_aif(c.json(), "odd.json")
    assert {x.text for x in m.claims} == {"Parks need more trees.", "Trees cool the streets."}
    assert all(x.wordings == () for x in m.claims)
    [d] = [d for d in diagnostics if "rephrase (MA)" in d.message]
    assert d.code == "X303" and f"2 rephrase (MA) node(s) have no place in argmap (the first: {wide})" in d.message


def test_wordings_go_out_to_aif_as_rephrases_and_come_back():
    m = argmap.parse('claim a: Taxes should fall.\n  wording "Lower taxes, please." [^1]\n'
                     '  wording "Tax less."\n\nfootnotes\n  [^1]: A speech, 2020.\n', "w.argmap")
    back = json.loads(write_aif(m))
    assert [n["type"] for n in back["nodes"]].count("MA") == 2
    again, diagnostics = read_aif(json.dumps(back), "w.json")
    assert again.claims == m.claims
    assert not [d for d in diagnostics if d.severity >= 2]
