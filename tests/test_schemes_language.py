"""Schemes named in maps: read, written back, checked against the catalogue, and briefed."""

from __future__ import annotations

import re
import subprocess
import sys

import argmap
from argmap.cli import main
from argmap.analysis.questions import inferences
from argmap.briefing.markdown import to_markdown
from argmap.model.builder import MapBuilder
from argmap.schemes import load_catalogue

MAP = """map t {
}

thesis deal: A territorial deal is in sight.
case brown against deal: Brown's case.
case togo for deal: Togo's case.

claim failed (brown): The new approach failed.
  rebuts deal

claim polled (brown): Most Japanese think the approach failed.
  supports failed as popular_opinion

claim poll (brown): A November poll found 57 percent calling it a failure.
  tags acceptance
  supports polled

claim summit (togo): The summit produced joint projects.
claim placed (togo): Togo negotiated with Moscow for decades.

argument insider (togo): summit + placed -> deal as position_to_know
"""


def test_a_scheme_is_read_and_written_back_unchanged():
    m = argmap.loads(MAP)
    assert [r.scheme for r in m.relations if r.scheme] == ["popular_opinion"]
    assert m.arguments[0].scheme == "position_to_know"
    text = argmap.dumps(m)
    assert "  supports failed as popular_opinion\n" in text
    assert "argument insider (togo): summit + placed -> deal as position_to_know\n" in text
    assert argmap.dumps(argmap.loads(text)) == text and argmap.loads(text) == m


def test_the_builder_names_schemes():
    m = (MapBuilder("t").claim("a", "A.", supports={"b": "expert_opinion"}).claim("b", "B.")
         .claim("c", "C.").argument("x", ["a", "c"], "b", scheme="consequences").build())
    text = argmap.dumps(m)
    assert "supports b as expert_opinion" in text and "-> b as consequences" in text


def test_a_question_counts_as_answered_only_by_a_tagged_claim_where_it_bites():
    found = {i.name: i for i in inferences(argmap.loads(MAP))}
    polled = found["polled -> failed"]
    assert [q.question.id for q in polled.answered] == ["acceptance"]
    assert polled.answered[0].answered_by == ("poll",)
    assert [q.question.id for q in polled.open_questions] == ["doubt"]
    assert len(found["insider"].open_questions) == 3


def test_check_reports_open_questions_and_unknown_schemes_at_their_place(tmp_path):
    path = tmp_path / "t.argmap"
    path.write_text(MAP.replace("as position_to_know", "as positon_to_know"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "argmap", "check", str(path)], capture_output=True, text=True)
    assert "t.argmap:12:22: S219 [info] polled -> failed (popular_opinion): 1 of 2 critical questions open: doubt" \
        in out.stdout
    assert "t.argmap:21:53: S217 [warning] no scheme is called 'positon_to_know'" in out.stdout
    assert "did you mean position_to_know" in out.stdout


def test_a_configured_catalogue_adds_schemes_and_a_broken_one_is_reported_at_its_line(tmp_path, monkeypatch, capsys):
    # in-process, as `argmap check` and `argmap explain` run in the folder (the test above runs `python -m argmap`)
    (tmp_path / "t.argmap").write_text(MAP.replace("as position_to_know", "as insider_view"), encoding="utf-8")
    (tmp_path / "mine.toml").write_text(
        'format = 1\n[schemes.insider_view]\nname = "Argument from an insider"\nconclusion = "A."\n'
        'source = "ours"\n[schemes.insider_view.premises]\nmajor = "I was inside."\n'
        '[[schemes.insider_view.questions]]\nid = "inside"\ntext = "Was I inside?"\n', encoding="utf-8")
    (tmp_path / "argmap.toml").write_text('schemes = "mine.toml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "t.argmap"])
    out = capsys.readouterr()
    assert "S217" not in out.out and "insider (insider_view): 1 of 1 critical question open: inside" in out.out
    code = main(["explain", "insider_view"])
    explained = capsys.readouterr()
    assert code == 0 and "Was I inside?" in explained.out
    (tmp_path / "mine.toml").write_text("format = 1\n[schemes.x]\nname = 3\n", encoding="utf-8")
    code = main(["check", "t.argmap"])  # a traceback would raise here
    out = capsys.readouterr()
    assert code == 2 and "mine.toml:2:" in out.out + out.err


def test_the_brief_lists_what_to_ask_and_what_to_prepare():
    m = argmap.loads(MAP)
    text = to_markdown(argmap.brief(m, "brown"))
    assert "## Critical questions" in text
    ask = text.split("### What to ask them")[1].split("### What to prepare")[0]
    prepare = text.split("### What to prepare")[1]
    assert "Argument from position to know" in ask and "(honesty)" in ask
    assert "Argument from popular opinion" in prepare and "(doubt)" in prepare
    assert "acceptance by “A November poll" in prepare, prepare


def test_each_open_question_is_a_line_of_its_own_and_the_letters_are_named():
    m = argmap.loads(MAP)
    text = to_markdown(argmap.brief(m, "brown"))
    ask = text.split("### What to ask them")[1].split("### What to prepare")[0]
    questions = [line for line in ask.splitlines() if line.startswith("  - ")]
    position = load_catalogue()["position_to_know"]
    open_ids = [q.id for q in position.questions]
    # one nested item per question, each with its id, in the scheme's order
    shown = [re.search(r"\((\w+)\)$", line).group(1) for line in questions]
    assert [i for i in shown if i in open_ids] == [i for i in open_ids if i in shown] and len(shown) >= 2
    inference = next(line for line in ask.splitlines() if "Argument from position to know" in line)
    assert inference.endswith("Ask:")
    # no map names who gives the reason: the scheme's letters become words, never stay letters
    assert "  - Is the source really in a position to know whether the conclusion is true? (position)" in questions


def test_the_letter_for_who_gives_the_reason_is_their_name():
    m = argmap.loads(MAP.replace("claim failed (brown):", "person hyodo: Hyodo Shinji, researcher.\n\n"
                                 "claim hyodo_says (togo) by hyodo: Hyodo calls the visit a step forward.\n"
                                 "  supports deal as expert_opinion\n\nclaim failed (brown):"))
    text = to_markdown(argmap.brief(m, "brown"))
    ask = text.split("### What to ask them")[1].split("### What to prepare")[0]
    rows = ask.splitlines()
    assert any("Argument from expert opinion" in row and row.endswith("Ask:") for row in rows)
    assert "  - How credible is Hyodo Shinji as an expert? (expertise)" in rows
    assert "  - Does Hyodo Shinji's assertion rest on evidence? (backup\\_evidence)" in rows
    assert "  - Is Hyodo Shinji an expert in the field that the conclusion belongs to? (field)" in rows
