"""One table of diagnostic codes: what the loader reports, the registry lists and the docs show agree."""

from __future__ import annotations

import pytest

from argmap.checks.rules import all_rules, rule
from argmap.diagnostics import CODES, Diagnostic, Severity, Span


def test_every_code_in_the_table_is_a_documented_rule_and_the_reverse():
    rules = {r.code: r for r in all_rules()}
    assert set(rules) == set(CODES)
    for code, entry in CODES.items():
        r = rules[code]
        assert (r.name, r.severity, r.groups) == (entry.name, entry.severity, entry.groups), code
        assert r.summary, f"{code} has no documentation"


def test_a_diagnostic_made_by_code_has_the_codes_name_and_severity():
    d = Diagnostic.of("A004", "m.argmap", Span(3, 1), "`use b` makes a cycle")
    assert (d.name, d.severity) == ("use-cycle", Severity.ERROR)
    assert d.format() == "m.argmap:3:1: A004 [error] `use b` makes a cycle"
    milder = Diagnostic.of("A002", "maps", Span(1, 1), "no .argmap files in this folder", severity=Severity.WARNING)
    assert milder.name == "unreadable-file" and milder.severity == Severity.WARNING


def test_an_unknown_code_is_refused():
    with pytest.raises(KeyError, match="Z999"):
        Diagnostic.of("Z999", "m.argmap", Span(1, 1), "?")


def test_a_rule_cannot_contradict_the_table():
    with pytest.raises(ValueError, match="disagrees"):
        rule("C101", "not-its-name")(lambda ctx: iter(()))
    with pytest.raises(ValueError, match="disagrees"):
        rule("C101", severity=Severity.INFO)(lambda ctx: iter(()))


def test_the_loader_reports_through_the_table(tmp_path):
    import argmap

    (tmp_path / "a.argmap").write_text("use b\nclaim x: X.\n", encoding="utf-8")
    (tmp_path / "b.argmap").write_text("use a\nclaim y: Y.\n", encoding="utf-8")
    # the cycle is found in b (reading a, b's `use a` closes it) and reported when a is checked
    [cycle] = [d for d in argmap.check(argmap.load(tmp_path / "a.argmap")) if d.code == "A004"]
    assert (cycle.name, cycle.severity) == (CODES["A004"].name, CODES["A004"].severity)
