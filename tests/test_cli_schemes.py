"""`argmap explain SCHEME` and `argmap convert --to graphml`, through the command line."""

from __future__ import annotations

import networkx as nx

import argmap
from argmap.cli import main
from conftest import MAPS


def test_explain_prints_a_scheme_and_its_critical_questions(capsys):
    assert main(["explain", "Argument From Expert Opinion"]) == 0
    out = capsys.readouterr().out
    assert "expert_opinion" in out and "Critical questions" in out
    assert out.count("?") >= 3  # the questions themselves, not only the heading


def test_explain_suggests_a_close_scheme_name(capsys):
    assert main(["explain", "expert_opinon"]) == 2
    err = capsys.readouterr().err
    assert "expert_opinion" in err and "Traceback" not in err


def test_explain_reads_a_user_catalogue_and_reports_its_errors_with_a_position(tmp_path, capsys):
    bad = tmp_path / "mine.toml"
    bad.write_text('[[scheme]]\nid = "x"\nname = 3\n', encoding="utf-8")
    assert main(["explain", "x", "--schemes", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and ":" in err and "Traceback" not in err


def test_convert_writes_graphml_with_every_node_of_the_map(tmp_path, capsys):
    out = tmp_path / "togo.graphml"
    assert main(["convert", str(MAPS / "togo2013.argmap"), "-o", str(out)]) == 0
    g = nx.read_graphml(out)
    m = argmap.load(MAPS / "togo2013.argmap")
    labels = " ".join(str(d.get("label", "")) for _, d in g.nodes(data=True))
    assert all(c.id in labels or c.text[:20] in labels for c in m.claims)
