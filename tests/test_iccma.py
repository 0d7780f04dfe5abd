"""ICCMA readers and `argmap eval`: labels on the terminal, clear errors, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.cli import main
from argmap.evaluation.core import Label, grounded
from argmap.evaluation.iccma import IccmaError, read, read_apx, read_i23, read_tgf

DATA = Path(__file__).parent / "data" / "iccma"
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["chain.apx", "chain.tgf", "chain.i23"])
def test_the_three_formats_read_the_same_graph(name):
    g = read(DATA / name)
    names = dict(zip("abcd", g.nodes))
    assert len(g.nodes) == 4 and len(g.attacks) == 4
    labels = grounded(g.nodes, g.attacks).labels
    assert [labels[names[x]] for x in "abcd"] == [Label.IN, Label.OUT, Label.UNDEC, Label.UNDEC]


@pytest.mark.parametrize("reader, text, where, words", [
    (read_apx, "arg(a).\natt(a,b).\n", (2, 7), "no `arg(b).` declares"),
    (read_apx, "arg(a).\nattack(a,a).\n", (2, 1), "expected `arg(name).` or `att(a,b).`"),
    (read_apx, "arg(a). arg(b)\n", (1, 9), "expected"),
    (read_tgf, "a\n#\na b\n", (3, 3), "not listed before the `#` line"),
    (read_tgf, "a\n#\na\n", (3, 2), "needs two arguments"),
    (read_i23, "p af 3\n1 2\n2 x\n", (3, 1), "expected an attack `i j`"),
    (read_i23, "p af 3\n1  4\n", (2, 4), "argument 4 is outside 1..3"),
    (read_i23, "# only a comment\n", (1, 1), "starts with `p af N`"),
    (read_i23, "1 2\n", (1, 1), "expected the header `p af N`"),
])
def test_malformed_input_names_file_line_and_column(reader, text, where, words):
    with pytest.raises(IccmaError) as exc:
        reader(text, "g.txt")
    assert (exc.value.line, exc.value.column) == where
    assert str(exc.value).startswith(f"g.txt:{where[0]}:{where[1]}: ") and words in str(exc.value)


def test_a_header_declaring_more_than_the_file_can_name_is_refused_where_it_says_so(tmp_path):
    """17 bytes cannot mean two billion arguments: refused at the number, before anything is allocated."""
    path = tmp_path / "huge.i23"
    path.write_text("p af 2000000000\n")
    with pytest.raises(IccmaError) as exc:
        read(path)
    assert (exc.value.line, exc.value.column) == (1, 6) and "2000000000" in exc.value.message
    with pytest.raises(IccmaError) as exc:
        read_i23("# a comment first\n  p  af  2000000000\n", "g.txt")
    assert (exc.value.line, exc.value.column) == (2, 10)
    assert len(read_i23("p af 1000\n", "g.txt").nodes) == 1000  # a few isolated arguments are fine


@given(st.integers(1, 12).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(1, n), st.integers(1, n)), max_size=30),
    st.lists(st.sampled_from(["", "# note", "   "]), max_size=3), st.sampled_from([" ", "  ", "\t"]),
    st.sampled_from(["\n", "\r\n"]))))
def test_every_way_of_writing_an_i23_file_reads_the_same_graph(case):
    """The usual layout (read in bulk) and any other (read line by line) give one graph."""
    n, attacks, extra, gap, newline = case
    usual = f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks)
    lines = [f"p af {n}"] + [f"{a}{gap}{b}" for a, b in attacks]
    unusual = newline.join(lines[:1] + extra + lines[1:])
    first, second = read_i23(usual, "g.txt"), read_i23(unusual, "g.txt")
    assert first.nodes == second.nodes == tuple(str(k) for k in range(1, n + 1))
    assert first.attacks == second.attacks == tuple((str(a), str(b)) for a, b in attacks)


def test_eval_prints_one_line_a_claim_and_a_summary(capsys):
    assert main(["eval", str(ROOT / "maps" / "brown2017.argmap")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("brown2017: ") and "under grounded semantics" in out[-1]
    assert any(line.split()[1] == "OUT" and "by" in line for line in out[:-1])


def test_eval_json_has_labels_and_reasons(capsys, tmp_path):
    path = tmp_path / "m.argmap"
    path.write_text("claim a: A.\nclaim b: B.\n  rebuts a\n", encoding="utf-8")
    assert main(["eval", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["labels"] == {"a": "out", "b": "in"}
    assert data["reasons"]["a"]["text"] == "rebutted by b"


def test_eval_reads_iccma_by_suffix_and_by_flag(capsys, tmp_path):
    assert main(["eval", str(DATA / "chain.apx")]) == 0
    out = capsys.readouterr().out
    assert "b  OUT    attacked by a, which is in" in out and out.rstrip().endswith("1 in, 1 out, 2 undecided")
    copy = tmp_path / "graph.txt"
    copy.write_text((DATA / "chain.tgf").read_text())
    assert main(["eval", str(copy), "--from", "tgf", "--semantics", "stable"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("2 labellings")  # {a, c} and {a, d}


def test_eval_reports_malformed_iccma_without_traceback(capsys):
    assert main(["eval", str(DATA / "undeclared.apx")]) == 2
    err = capsys.readouterr().err
    assert "undeclared.apx:2:7:" in err and "Traceback" not in err


def test_eval_reports_an_unparsable_map_with_its_diagnostics(capsys, tmp_path):
    path = tmp_path / "bad.argmap"
    path.write_text("claim a (c) no colon here\n", encoding="utf-8")
    assert main(["eval", str(path)]) == 2
    assert "bad.argmap:1:" in capsys.readouterr().err


def test_eval_of_a_missing_file_exits_2(capsys):
    assert main(["eval", "no/such/file.apx"]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_eval_refuses_enumeration_beyond_the_limit_clearly(capsys, tmp_path):
    path = tmp_path / "big.tgf"
    n = 31
    path.write_text("\n".join(str(i) for i in range(n)) + "\n#\n" +
                    "\n".join(f"{i} {(i + 1) % n}" for i in range(n)) + "\n")
    assert main(["eval", str(path), "--semantics", "preferred"]) == 2
    assert "31 nodes undecided" in capsys.readouterr().err


def test_eval_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    assert "argmap eval graph.apx" in capsys.readouterr().out


def test_eval_json_has_one_shape_for_maps_and_graphs(tmp_path, capsys):
    """Both begin with kind, name and semantics, and list labellings as {labels, reasons}."""
    import json

    from argmap.cli import main

    graph = tmp_path / "g.i23"
    graph.write_text("p af 3\n1 2\n2 3\n", encoding="utf-8")
    amap = tmp_path / "m.argmap"
    amap.write_text("claim a: A.\nclaim b: B.\n  rebuts c\nclaim c: C.\na rebuts b\n", encoding="utf-8")
    assert main(["eval", str(graph), "--format", "json"]) == 0
    g = json.loads(capsys.readouterr().out)
    main(["eval", str(amap), "--format", "json"])
    m = json.loads(capsys.readouterr().out)
    for result, kind in ((g, "graph"), (m, "map")):
        assert list(result)[:4] == ["kind", "name", kind, "semantics"] and result["kind"] == kind
        [one] = result["labellings"]
        assert set(one) == {"labels", "reasons"}
    assert g["labellings"][0] == {"labels": {"1": "in", "2": "out", "3": "in"}, "reasons": {"2": "1"}}
    assert m["labellings"][0] == {"labels": {"a": "in", "b": "out", "c": "in"}, "reasons": {"b": "a"}}
