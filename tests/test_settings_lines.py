"""weight, standard and burden lines: read, checked, formatted back, and used by the evaluation."""

from __future__ import annotations

import pytest

import argmap
from argmap.evaluation.carneades import ProofStandard, Side, Status
from argmap.formatting.writer import format_text

MAP = """\
thesis t: The talks will succeed.
  standard clear-and-convincing
  burden con
claim a: The leaders trust each other. [^1]
  weight 0.8
  supports t
claim b: Sanctions stand in the way. [^2]
  standard BRD
  rebuts t
footnotes
  [^1]: Kyodo, 16 December 2016.
  [^2]: Nikkei, 17 December 2016.
"""


def test_lines_are_read_into_the_model():
    m = argmap.loads(MAP)
    t, = m.theses
    a, b = m.claims
    assert (t.standard, t.burden, t.weight) == ("clear-and-convincing", "con", None)
    assert a.weight == 0.8 and a.standard is None
    assert b.standard == "beyond-reasonable-doubt"  # the Carneades code means the word
    assert not m.problems
    assert [r.kind for r in m.relations] == ["supports", "rebuts"]  # the relations below them still read


def test_fmt_writes_the_word_of_a_code_and_keeps_the_meaning():
    out = format_text(MAP)
    assert "  standard beyond-reasonable-doubt\n" in out and "BRD" not in out
    assert format_text(out) == out
    again = argmap.loads(out)
    assert again.claims[1].standard == "beyond-reasonable-doubt" and again.theses[0].burden == "con"


@pytest.mark.parametrize("line, where, words", [
    ("  weight 1.5\n", (5, 3), "weight 1.5 is outside 0..1"),
    ("  standard clear-convincing\n", (5, 3), "did you mean `clear-and-convincing`?"),
    ("  burden cons\n", (5, 3), "did you mean `con`?"),
    ("  weight 0.2\n  weight 0.3\n", (6, 3), "a second `weight` line under c (the first is on line 5)"),
])
def test_bad_settings_are_reported_where_they_stand(line, where, words):
    m = argmap.loads("thesis t: T.\nclaim a: A.\n  supports t\nclaim c: C.\n" + line, "m.argmap")
    d, = m.problems
    assert d.code == "A010" and (d.span.line, d.span.column) == where
    assert words in d.message + (d.hint or "")
    assert d.format().startswith(f"m.argmap:{where[0]}:{where[1]}: A010")


def test_a_thesis_takes_no_claim_lines_and_fmt_refuses_to_drop_them():
    text = "thesis t: T.\n  quote \"x\"\nclaim a: A.\n"
    d, = argmap.loads(text).problems
    assert d.code == "A010" and "not `quote`" in d.message and d.span.line == 2
    with pytest.raises(argmap.ArgmapError, match="A010"):
        format_text(text)


def test_eval_refuses_a_bad_setting(tmp_path, capsys):
    from argmap.cli import main

    path = tmp_path / "m.argmap"
    path.write_text("claim a: A.\n  weight 2\n")
    assert main(["eval", str(path), "--semantics", "dfquad"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2:3: A010" in err and "Traceback" not in err


def test_weight_overrides_the_evidence_base_score():
    m = argmap.loads(MAP)
    s = argmap.evaluate(m, "dfquad")
    assert s.base["a"] == 0.8 and s.base["b"] == 0.7  # b cites a note: 0.7 by default
    plain = argmap.evaluate(argmap.loads(MAP.replace("  weight 0.8\n", "")), "dfquad")
    assert plain.base["a"] == 0.7 and s.strengths["t"] > plain.strengths["t"]
    assert argmap.evaluate(m, "quadratic-energy").base["a"] == 0.8


def test_carneades_uses_the_maps_standards_and_burdens():
    e = argmap.evaluate(argmap.loads(MAP), "carneades")
    assert e.outcomes["t"].standard is ProofStandard.CCE and e.outcomes["t"].burden is Side.CON
    assert e.outcomes["b"].standard is ProofStandard.BRD and e.outcomes["a"].standard is ProofStandard.PE
    # Carneades' CCE (Gordon & Walton 2009): the side with the burden needs its strongest argument
    # above alpha 0.4 and ahead of the other's by more than beta 0.3.  With the burden on con, b's
    # rebuttal (0.7) is not 0.3 ahead of a's support (0.8): not met, so t stands
    assert e.status["t"] is Status.ACCEPTABLE and e.status["a"] is Status.ACCEPTABLE
    # b meets beyond reasonable doubt on its source (0.7 > 0.4, no con argument)
    assert e.status["b"] is Status.ACCEPTABLE
    flipped = argmap.evaluate(argmap.loads(MAP.replace("  burden con\n", "")), "carneades")
    # with the burden on pro, a's 0.8 is not 0.3 ahead of b's 0.7 either
    assert flipped.status["t"] is Status.NOT_ACCEPTABLE
    # and a weight decides it: b at 0.4 leaves a 0.4 ahead (and b itself no longer meets BRD's alpha)
    lighter = argmap.evaluate(argmap.loads(MAP.replace("  burden con\n", "").replace(
        "  standard BRD\n", "  standard BRD\n  weight 0.4\n")), "carneades")
    assert lighter.status["t"] is Status.ACCEPTABLE and lighter.status["b"] is Status.NOT_ACCEPTABLE
    # evaluate's options still win over the map's lines
    opt = argmap.evaluate(argmap.loads(MAP), "carneades", burdens={"t": "pro"})
    assert opt.outcomes["t"].burden is Side.PRO


def test_carneades_text_reports_the_standard_and_burden(tmp_path, capsys):
    from argmap.cli import main

    path = tmp_path / "m.argmap"
    path.write_text(MAP)
    assert main(["eval", str(path), "--semantics", "carneades"]) == 0
    out = capsys.readouterr().out
    assert "CCE (burden con)" in out and "BRD (burden pro)" in out


@pytest.mark.parametrize("to", ["argdown", "aif"])
def test_export_says_it_cannot_carry_the_lines(to):
    c = argmap.convert(argmap.loads(MAP, "m.argmap"), to)
    d, = [d for d in c.diagnostics if d.code == "X306"]
    assert "`standard clear-and-convincing` and 3 more are not carried over" in d.message
    assert (d.span.line, d.span.column) == (2, 3) and c.lost
