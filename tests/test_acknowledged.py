"""Acknowledged findings: `# argmap: ignore[CODE] reason: ...` keeps a finding apart, with why.

A reason makes the comment an acknowledgement (counted, listed by
--show-acknowledged); a bare ignore only hides the finding, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.analysis.questions import inferences
from argmap.checks.runner import check_map, directives, parse_directive
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent

BASE = """\
map m "A map" {
  published 2017-02
}
claim a (c): A point. [^1]
footnotes
  [^1]: TASS, December 16, 2016.
"""
DATED = "  [^2]: Kyodo, May 7, 2017.\n"  # after the map's date: C106; and never cited: C102


def findings(text: str, ignore: tuple[str, ...] = ("structure",)):
    m = argmap.loads(text, "m.argmap")
    return check_map(m, config=argmap.Config(ignore=ignore), map_text=text)


def test_a_reason_acknowledges_and_a_bare_ignore_only_hides():
    acknowledged = findings(BASE + "  # argmap: ignore[C106] reason: the note's year is a slip for 2016\n" + DATED)
    assert [d.code for d in acknowledged.diagnostics] == ["C102"]
    [a] = acknowledged.acknowledged
    assert a.diagnostic.code == "C106" and a.reason == "the note's year is a slip for 2016"
    hidden = findings(BASE + "  # argmap: ignore[C106]\n" + DATED)
    assert [d.code for d in hidden.diagnostics] == ["C102"] and hidden.acknowledged == ()
    # an empty reason is no reason
    assert findings(BASE + "  # argmap: ignore[C106] reason:\n" + DATED).acknowledged == ()


def test_placements_trailing_above_and_whole_file():
    # a directive above applies to the next line that is not a comment; its reason may run on
    above = findings(BASE + "  # argmap: ignore[C106, unused-footnote] reason: the article misdates\n"
                            "  # this note, and cites it nowhere.\n" + DATED)
    assert above.diagnostics == ()
    assert {a.reason for a in above.acknowledged} == {"the article misdates this note, and cites it nowhere."}
    # the whole file, from anywhere in it
    whole = findings("# argmap: ignore-file[C106] reason: the notes were added after publication\n" + BASE + DATED)
    assert [a.diagnostic.code for a in whole.acknowledged] == ["C106"]
    # on a line that does not end in free text, a comment may trail the statement
    quoted = BASE.replace("claim a (c): A point. [^1]\n", "claim a (c): A point.\n  quote \"A point.\"\n")
    assert "C107" in {d.code for d in findings(quoted).diagnostics}  # neither the quotation nor its claim cites
    trailing = findings(quoted.replace('"A point."\n', '"A point."  # argmap: ignore[C107] reason: unnoted\n'))
    assert "C107" not in {d.code for d in trailing.diagnostics}
    assert [(a.diagnostic.code, a.reason) for a in trailing.acknowledged] == [("C107", "unnoted")]
    # the next statement only: the line after the footnote is not covered
    later = findings(BASE + "  # argmap: ignore[C102] reason: kept for the record\n  [^3]: RT, 2016.\n" + DATED)
    assert [(d.code, d.line) for d in later.diagnostics if d.code == "C102"] == [("C102", 9)]  # [^2], not [^3]


def test_a_directive_covers_the_continuation_lines_of_its_statement():
    text = BASE.replace("claim a (c): A point. [^1]\n", "# argmap: ignore[C101] reason: the note is in the print edition\n"
                                                        "claim a (c): A point \\\n    that runs on. [^1] [^9]\n")
    found = findings(text)
    assert [a.diagnostic.line for a in found.acknowledged] == [6]  # [^9] is on the claim's second line
    assert "C101" not in {d.code for d in found.diagnostics}


@given(st.lists(st.sampled_from(["C101", "C106", "unused-footnote", "S2"]), min_size=1, max_size=4),
       st.text(st.characters(whitelist_categories=("L", "N", "Zs")), max_size=30))
def test_directives_read_their_codes_and_reason(codes, reason):
    d = parse_directive(f"argmap: ignore[{', '.join(codes)}] reason: {reason}")
    assert d is not None and d.codes == {c.upper() for c in codes}
    assert d.reason == reason.strip()
    assert parse_directive(f"argmap: ignore {' '.join(codes)}").reason is None


def test_the_summary_counts_acknowledged_findings(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(BASE + "  # argmap: ignore[C106, C102] reason: kept as the article has it\n" + DATED, encoding="utf-8")
    code = main(["check", str(p), "--no-config", "--ignore", "structure"])
    out = capsys.readouterr().out
    assert code == 0 and out == "1 map checked: 0 errors, 0 warnings, 0 notes; 2 acknowledged\n"
    main(["check", str(p), "--no-config", "--ignore", "structure", "--show-acknowledged"])
    out = capsys.readouterr().out
    assert out.count("[acknowledged]") == 2 and out.count("reason: kept as the article has it") == 2


def test_the_seed_maps_check_clean_and_acknowledge_each_finding_with_a_reason(seeds, capsys):
    code = main(["check", str(ROOT / "maps"), "--text-dir", str(seeds), "--show-acknowledged", "--no-show-source"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    # the notes are the critical questions the seed maps' named schemes leave open (S219), one per inference
    notes = [line for line in out if "[info]" in line]
    assert notes and all(" S219 [info] " in line for line in notes)
    assert out[-1] == f"6 maps checked: 0 errors, 0 warnings, {len(notes)} notes; 18 acknowledged"
    open_inferences = sum(1 for path in sorted((ROOT / "maps").glob("*.argmap"))
                          for i in inferences(argmap.load(path)) if i.open_questions)
    assert len(notes) == open_inferences >= 9
    heads = [line for line in out if "[acknowledged]" in line]
    reasons = [line for line in out if line.startswith("  reason: ")]
    assert len(heads) == len(reasons) == 18
    codes = sorted(line.split()[1] for line in heads)
    # the articles' own problems (C1xx), and the one hope its author drops himself (Togo's secrecy, maps/README.md)
    assert codes == ["C106"] * 2 + ["C107"] * 11 + ["C109"] * 4 + ["S213"]


def test_directives_by_line_in_a_seed_map():
    m = argmap.load(ROOT / "maps" / "brown2017.argmap")
    table = directives(m, (ROOT / "maps" / "brown2017.argmap").read_text(encoding="utf-8"))
    dated = next(f for f in m.footnotes if f.label == "17")
    [directive] = table.by_line[dated.span.line]
    assert directive.codes == {"C106"} and "Sochi" in directive.reason


@pytest.mark.parametrize("line, code", [
    ("  [^2]: TASS, December 16, 2016.  # argmap: ignore[C102] reason: kept for the record\n", "C102"),
    ("claim z (c): A claim related to nothing.  # argmap: ignore[S208] reason: context only\n", "S208"),
])
def test_a_directive_after_free_text_is_a_comment_and_fmt_keeps_it_there(line, code):
    # free text (a footnote's, a claim's) stops before `# argmap:`; the formatter leaves it trailing
    text = (BASE.replace("footnotes\n", line + "footnotes\n") if code == "S208" else BASE + line)
    m = argmap.parse(text)
    assert not any("argmap:" in n.text for n in m.footnotes) and not any("argmap:" in c.text for c in m.claims)
    ignore = () if code == "S208" else ("structure",)
    before = findings(text, ignore)
    assert code in [a.diagnostic.code for a in before.acknowledged]
    formatted = argmap.format_text(text)
    assert line.strip() in formatted.splitlines() or line.rstrip("\n") in formatted.splitlines()
    after = findings(formatted, ignore)
    assert sorted(d.code for d in after.diagnostics) == sorted(d.code for d in before.diagnostics)
    assert sorted((a.diagnostic.code, a.reason) for a in after.acknowledged) == sorted(
        (a.diagnostic.code, a.reason) for a in before.acknowledged)
