"""Argdown in and out: constructs read, losses reported, Argdown's own CLI accepts our export."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import interchange as convert
from argmap.interchange.argdown import escape, read_argdown, write_argdown
from tests._convert_helpers import DATA, claim_texts, relation_keys, seed_maps

CONSTRUCTS = DATA / "argdown" / "constructs.argdown"


@pytest.fixture(scope="module")
def constructs():
    return read_argdown(CONSTRUCTS.read_text(encoding="utf-8"), "constructs.argdown")


def rel(m, kind, source, target):
    return any(r.kind == kind and str(r.source) == source and str(r.target) == target for r in m.relations)


def test_front_matter_fills_the_header(constructs):
    m, _ = constructs
    assert m.document.title == "Should Japan pay for talks on the islands?"
    assert m.document.authors == ("A. Student",)
    assert m.document.published == "2017-03-04"


def test_titled_statements_are_claims_and_a_title_is_one_claim(constructs):
    m, diagnostics = constructs
    texts = claim_texts(m)
    assert texts["pay_for_talks"] == "Japan should offer Russia economic help in return for talks on the islands."
    assert sum(1 for c in m.claims if c.id.startswith("pay_for_talks")) == 1
    # the equivalence class's other member is kept as another wording, and nothing is reported lost
    assert [w.text for w in m.claim("pay_for_talks").wordings]
    assert not [d for d in diagnostics if "another wording" in d.message]


def test_untitled_statement_gets_an_id_from_its_words(constructs):
    m, _ = constructs
    assert rel(m, "supports", "russia_s_economy_needs_investment_in", "pay_for_talks")


def test_relations_in_both_directions_and_nested(constructs):
    m, _ = constructs
    assert rel(m, "supports", "trust", "pay_for_talks")          # + <Trust>
    assert rel(m, "rebuts", "nothing_back", "trust")             # nested - under <Trust>
    assert rel(m, "rebuts", "sovereignty", "pay_for_talks")      # -
    assert rel(m, "supports", "poll", "pay_for_talks")           # <+
    assert rel(m, "supports", "pay_for_talks", "talks_happen")   # +>
    assert rel(m, "contradicts", "pay_for_talks", "pay_never")   # ><
    assert rel(m, "rebuts", "joint_rule_hard", "pay_for_talks")  # -> under a conclusion


def test_premise_conclusion_structures_become_arguments_and_supports(constructs):
    m, _ = constructs
    arguments = {a.id: a for a in m.arguments}
    assert [str(p) for p in arguments["condominium"].premises] == ["law", "people"]
    assert str(arguments["condominium"].conclusion) == "joint_rule_hard"
    # <Two steps>: one premise, then an intermediate conclusion with a second premise
    assert rel(m, "supports", "joint_rule_hard", "deal_fails")
    assert [str(p) for p in arguments["two_steps"].premises] == ["deal_fails", "deal_needed"]


def test_undercuts_hit_inferences(constructs):
    m, _ = constructs
    assert rel(m, "undercuts", "precedent", "condominium")         # _ under a reconstructed argument
    assert rel(m, "undercuts", "talks_happen", "trust -> pay_for_talks")  # _> to a sketched argument


def test_headings_become_cases_or_groups(constructs):
    m, _ = constructs
    assert [(c.id, c.stance, str(c.thesis)) for c in m.cases] == [("legal", "against", "pay_for_talks")]
    law = m.claim("law")
    assert str(law.case) == "legal"
    assert m.claim("vanuatu").group == "replies" and str(m.claim("vanuatu").case) == "legal"
    assert "replies" in m.group_table and m.claim("vanuatu").tags == ()


def test_tags_and_known_data_are_kept(constructs):
    m, _ = constructs
    pay = m.claim("pay_for_talks")
    assert pay.tags == ("economy",)
    assert str(pay.by) == "student" and [c.label for c in pay.citations] == ["3"]
    assert m.claim("poll").tags == ("public_opinion",)


def test_every_loss_is_a_warning_with_a_position(constructs):
    _, diagnostics = constructs
    lost = {(d.code, d.line, d.column) for d in diagnostics if d.severity >= 2}
    assert ("X303", 8, 1) in lost      # front matter key `reviewer`
    assert ("X303", 41, 1) in lost     # inference rules Modus ponens, conjunction
    assert ("X303", 32, 5) in lost     # data key `source`
    assert ("X303", 37, 1) in lost     # description of a reconstructed argument
    assert all(d.path == "constructs.argdown" for d in diagnostics)


def test_broken_front_matter_is_reported_and_the_rest_converted():
    path = DATA / "argdown" / "broken_frontmatter.argdown"
    m, diagnostics = read_argdown(path.read_text(), "broken.argdown")
    assert [(d.code, d.line) for d in diagnostics] == [("X302", 3)]
    assert rel(m, "supports", "b", "a")


def test_a_file_without_statements_is_unreadable():
    with pytest.raises(convert.ConvertError) as err:
        read_argdown((DATA / "argdown" / "empty.argdown").read_text(), "empty.argdown")
    assert err.value.diagnostics[0].code == "X301"


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(lambda s: s.split()))
@settings(max_examples=200, deadline=None)
def test_escaped_text_reads_back_as_written(text):
    m, _ = read_argdown(f"[t]: {escape(text)}\n", "t.argdown")
    assert m.claim("t").text == " ".join(text.split()).replace("[^", "[ ^").rstrip("\\")


@pytest.mark.parametrize("name,m", seed_maps(), ids=lambda v: v if isinstance(v, str) else "")
def test_seed_maps_survive_argdown_round_trip(name, m):
    text, lost = convert.export(m, "argdown")
    back, diagnostics = read_argdown(text, f"{name}.argdown")
    assert claim_texts(back) == claim_texts(m)
    assert relation_keys(back) == relation_keys(m)
    assert {(a.id, a.premises, a.conclusion) for a in back.arguments} == \
           {(a.id, a.premises, a.conclusion) for a in m.arguments}
    assert back.footnotes == m.footnotes and back.persons == m.persons and back.cases == m.cases
    assert {c.id: (c.case, c.by, c.citations, c.quotes, c.tags, c.concession) for c in back.claims} == \
           {c.id: (c.case, c.by, c.citations, c.quotes, c.tags, c.concession) for c in m.claims}
    assert [d for d in diagnostics + lost if d.severity >= 2] == []
    # every scheme comes back: a support's from its one-step argument's inference line
    assert {(str(r.source), str(r.target), r.scheme) for r in back.relations if r.scheme} == \
           {(str(r.source), str(r.target), r.scheme) for r in m.relations if r.scheme}
    assert {(a.id, a.scheme) for a in back.arguments} == {(a.id, a.scheme) for a in m.arguments}


# ---- Argdown's own CLI ---------------------------------------------------------------


@pytest.fixture(scope="session")
def argdown_cli() -> Path:
    """@argdown/cli 1.x, installed once into a cache folder reused across sessions."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed, so Argdown's CLI cannot be installed to check the export")
    cache = Path(os.environ.get("ARGMAP_ARGDOWN_CLI", Path(tempfile.gettempdir()) / "argmap-argdown-cli"))
    exe = cache / "node_modules" / ".bin" / "argdown"
    if not exe.exists():
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(cache), "@argdown/cli@1"],
                       check=True, capture_output=True, timeout=600)
    return exe


def expected_counts(m) -> tuple[int, int, int]:
    """Statements, arguments and relations Argdown should find in our export of *m*."""
    links = {(str(r.target.source), str(r.target.target)) for r in m.relations
             if r.kind == "undercuts" and not isinstance(r.target, type(r.source))}
    # a support that names its scheme is written as the one-step argument it is, its scheme on the inference line
    links |= {(str(r.source), str(r.target)) for r in m.relations
              if r.kind == "supports" and r.scheme and isinstance(r.target, type(r.source))}
    statements = {n.id for n in (*m.claims, *m.theses)}
    argument_ids = {a.id for a in m.arguments}
    for r in m.relations:
        for ref in (r.source, *((r.target.source, r.target.target) if r.kind == "undercuts" and
                                not isinstance(r.target, type(r.source)) else (r.target,))):
            if str(ref) not in argument_ids:
                statements.add(str(ref))
    for a in m.arguments:
        statements.update(str(p) for p in (*a.premises, a.conclusion))
    supports_as_arguments = {k for k in links if ("supports", *k) in relation_keys(m)}
    return len(statements), len(m.arguments) + len(links), len(relation_keys(m)) - len(supports_as_arguments)


def test_argdown_cli_accepts_every_seed_export(argdown_cli, tmp_path):
    maps = dict(seed_maps())
    folder = tmp_path / "in"
    folder.mkdir()
    for name, m in maps.items():
        (folder / f"{name}.argdown").write_text(write_argdown(m), encoding="utf-8")
    result = subprocess.run([str(argdown_cli), "json", str(folder / "*.argdown"), str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()
    for name, m in maps.items():
        data = json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        got = (len(data["statements"]), len(data["arguments"]), len(data["relations"]))
        assert got == expected_counts(m), name
        kinds = {r["relationType"] for r in data["relations"]}
        assert kinds <= {"support", "attack", "undercut", "contradictory"}
        # the text Argdown reads is the claim's text, escapes and all
        for claim in m.claims:
            members = [s for s in data["statements"][claim.id]["members"] if not s.get("isReference")]
            text = members[0]["text"]
            for tag in claim.tags:  # Argdown keeps a statement's tags in its text
                text = text.replace(f"#{tag}", "")
            assert " ".join(text.split()) == " ".join(claim.text.split())


def test_argdown_cli_accepts_a_claim_without_text(argdown_cli, tmp_path):
    # `[a]:` with nothing after it is refused by Argdown ("Missing text content"): it is written `[a]`
    m = argmap.parse('map m "M" {\n}\nthesis t: T.\nclaim a:\n  tags x\n  supports t\n\nclaim b:\n')
    (tmp_path / "m.argdown").write_text(write_argdown(m), encoding="utf-8")
    result = subprocess.run([str(argdown_cli), "json", str(tmp_path / "m.argdown"), str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "Missing text content" not in output and "canceled" not in output, output
    data = json.loads((tmp_path / "out" / "m.json").read_text(encoding="utf-8"))
    assert {"a", "b", "t"} <= set(data["statements"])


@pytest.mark.parametrize("indent", ["", "  ", "\t"])
def test_an_include_is_reported_and_an_indented_heading_is_a_heading(indent):
    text = f"[a]: A.\n\n{indent}@include(other.argdown)\n\n{indent}# Section one\n\n[b]: B.\n"
    m, diagnostics = read_argdown(text, "in.argdown")
    assert [c.id for c in m.claims] == ["a", "b"]  # neither line became a claim
    assert m.claims[1].group == "section_one"
    [include] = [d for d in diagnostics if "@include" in d.message]
    assert include.code == "X303" and include.line == 3 and "not followed" in include.message
