"""Converter inputs that once crashed or wrote a map argmap could not format: each is a diagnostic now."""

from __future__ import annotations

import pytest

from argmap.cli import main


def _convert(tmp_path, capsys, name: str, text: str, *extra: str) -> tuple[int, str, str]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.argmap"
    code = main(["convert", str(source), "-o", str(out), *extra])
    err = capsys.readouterr().err
    return code, err, out.read_text(encoding="utf-8") if out.exists() else ""


@pytest.mark.parametrize("date", ["2020-02-30", "2021-02-29", "2020-13-01", "2020-00", "2019-04-31"])
def test_an_impossible_date_in_front_matter_is_a_warning_at_its_line(tmp_path, capsys, date):
    code, err, written = _convert(tmp_path, capsys, "a.argdown", f"===\ntitle: T\ndate: {date}\n===\n\n[a]: text\n")
    assert code == 1, err
    assert "a.argdown:3:1: X303" in err and date in err
    assert "Traceback" not in err and "published" not in written and "claim a: text" in written


@pytest.mark.parametrize("data", ["{when: 2020-02-31}", "{2019-13-01: x}", "{d: [2020-02-30, 2020-01-01]}"])
def test_an_impossible_date_in_statement_data_does_not_stop_the_conversion(tmp_path, capsys, data):
    code, err, written = _convert(tmp_path, capsys, "a.argdown", f"[a]: text {data}\n  + [b]: more\n")
    assert code in (0, 1), err
    assert "Traceback" not in err and "out of range" not in err
    assert "claim a: text" in written and "claim b: more" in written


def test_a_real_date_is_carried_over_as_written(tmp_path, capsys):
    code, err, written = _convert(tmp_path, capsys, "a.argdown", "===\ndate: 2020-02-29\n===\n\n[a]: text\n")
    assert code == 0, err
    assert "published 2020-02-29" in written


@pytest.mark.parametrize("thesis", ["1. \\", "1. \\\\\\", "1. \t\\"])
def test_a_kialo_thesis_without_words_keeps_its_place_and_is_reported(tmp_path, capsys, thesis):
    code, err, written = _convert(tmp_path, capsys, "k.txt", f"{thesis}\n1.1. Pro: A reason.\n", "--from", "kialo")
    assert code == 1, err
    assert "k.txt:1:1: X302" in err and "the thesis, has no text" in err
    assert "thesis k1: (item 1 has no text)" in written
    assert main(["check", str(tmp_path / "out.argmap")]) in (0, 1)  # what was written parses
    assert "Traceback" not in capsys.readouterr().err


def _aif(nodes, edges, argmap_block=None) -> str:
    import json

    data = {"nodes": [{"nodeID": k, "type": t, "text": x} for k, t, x in nodes],
            "edges": [{"fromID": a, "toID": b} for a, b in edges], "locutions": [], "participants": []}
    if argmap_block is not None:
        data["argmap"] = argmap_block
    return json.dumps(data)


@pytest.mark.parametrize("force", ["9605", "3.5e-83", "1x", "", "  "])
def test_a_yes_node_whose_text_is_no_force_gives_no_tag_and_the_map_reads(tmp_path, capsys, force):
    text = _aif([("1", "I", "It rained."), ("2", "L", "Ann Lee : It rained."), ("3", "YA", force)],
                [("2", "3"), ("3", "1")])
    code, err, written = _convert(tmp_path, capsys, "d.json", text)
    assert code in (0, 1) and "Traceback" not in err
    assert "tags" not in written and "claim n1" in written
    assert main(["check", str(tmp_path / "out.argmap")]) in (0, 1)


@pytest.mark.parametrize("path", ["a\nb.argmap", "x\r.argmap", "", "   ", "p\u2028q.argmap"])
def test_a_use_whose_path_breaks_the_line_is_reported_not_written(tmp_path, capsys, path):
    text = _aif([("1", "I", "It rained.")], [], {"version": 1, "uses": {"other": path}})
    code, err, written = _convert(tmp_path, capsys, "d.json", text)
    assert code == 1 and "a file path on one line" in err
    assert "use other" not in written and "claim n1: It rained." in written


@pytest.mark.parametrize("words", ["# argmap: ignore[S201]", "see # argmap: id x", "#argmap: y and # \targmap: z"])
def test_statement_text_that_looks_like_a_directive_stays_text(tmp_path, capsys, words):
    code, err, written = _convert(tmp_path, capsys, "a.argdown", f"[a]: Before {words} after.\n")
    assert "Traceback" not in err
    m = __import__("argmap").loads(written)
    claim = next(c for c in m.claims if c.id == "a")
    assert claim.text.startswith("Before") and claim.text.endswith("after.")  # nothing cut off as a comment


def test_the_formatter_refuses_text_that_would_read_back_as_a_directive():
    import attrs

    import argmap
    from argmap.formatting.pieces import CannotFormat

    m = argmap.loads("claim a: Words.\n")
    bad = attrs.evolve(m, claims=(attrs.evolve(m.claims[0], text="Words # argmap: ignore[C101]"),))
    with pytest.raises(CannotFormat, match="directive"):
        argmap.dumps(bad)


def test_a_relation_aimed_at_a_link_exports_to_argdown():
    import argmap
    from argmap import interchange

    m = argmap.loads("claim a: A.\nclaim b: B.\nclaim c: C.\n  supports a -> b\na supports b\n")
    out, _ = interchange.export(m, "argdown")
    assert "<a supports b>" in out


def test_a_text_dir_whose_name_is_too_long_is_a_configuration_error(tmp_path, capsys):
    (tmp_path / "argmap.toml").write_text(f'text-dir = "{"a" * 400}"\n', encoding="utf-8")
    (tmp_path / "m.argmap").write_text("claim a: A.\n", encoding="utf-8")
    code = main(["check", str(tmp_path / "m.argmap")])
    err = capsys.readouterr().err
    assert code == 2 and "no such folder" in err and "Traceback" not in err


def test_any_relation_aimed_at_a_link_exports_to_aif_and_says_what_changed():
    import json

    import argmap
    from argmap import interchange

    m = argmap.loads("claim a: A.\nclaim b: B.\n  supports a\nclaim c: C.\n  rebuts b -> a\n"
                     "claim d: D.\n  supports b -> a\nclaim e: E.\n  contradicts b -> a\n")
    out, said = interchange.export(m, "aif")
    kinds = [n["type"] for n in json.loads(out)["nodes"]]
    assert kinds.count("RA") == 1 and kinds.count("CA") == 2  # both attacks land on the one inference
    messages = " ".join(d.message for d in said)
    assert "`d supports b -> a` backs an inference" in messages and "AIF has it as an undercut" in messages
    back, _ = interchange.read(out, "aif", "back.json")
    assert {(r.kind, str(r.source), str(r.target)) for r in back.relations} >= {("undercuts", "c", "b -> a")}
