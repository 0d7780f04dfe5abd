"""`argmap check` as a user runs it: output, summary, formats, exit codes, configuration."""

from __future__ import annotations

import json


from argmap.cli import main

MAP = """\
map m "A map" {
  published 2017-02
}
claim a (c): A point. [^1]
claim b (c): Another. [^2]
footnotes
  [^1]: TASS, December 16, 2016.
  [^3]: Kyodo, December 18, 2016.
"""


def run(capsys, *args):
    # structure rules have their own tests; these are about reading and citing
    extra = ["--ignore", "structure"] if args and args[0] == "check" else []
    code = main([str(a) for a in args] + extra)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_text_output_and_summary(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(MAP)
    code, out, _ = run(capsys, "check", p, "--no-config")
    lines = out.splitlines()
    assert code == 1
    assert any(line.endswith("m.argmap:5:23: C101 [error] footnote [^2] is cited but never defined") for line in lines)
    assert any(line.strip().startswith("hint:") for line in lines)
    assert lines[-1] == "1 map checked: 1 error, 2 warnings, 0 notes"


def test_json_output(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(MAP)
    code, out, _ = run(capsys, "check", p, "--format", "json", "--no-config")
    report = json.loads(out)
    assert code == 1 and report["files"] == 1
    codes = sorted(d["code"] for d in report["diagnostics"])
    assert codes == ["C101", "C102", "C104"]
    first = report["diagnostics"][0]
    assert set(first) >= {"path", "line", "column", "code", "name", "severity", "message", "hint"}


def test_select_and_ignore(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(MAP)
    code, out, _ = run(capsys, "check", p, "--select", "C101", "--no-config")
    assert code == 1 and "C102" not in out and "C101" in out
    code, out, _ = run(capsys, "check", p, "--ignore", "undefined-footnote,C104", "--no-config")
    assert code == 0 and "C101" not in out and "C104" not in out and "C102" in out


def test_fail_on_warning(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(MAP.replace("[^2]", "[^1]"))
    assert run(capsys, "check", p, "--no-config")[0] == 0
    assert run(capsys, "check", p, "--fail-on", "warning", "--no-config")[0] == 1


def test_configuration_file(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(MAP)
    (tmp_path / "argmap.toml").write_text('ignore = ["C102"]\nseverity = { C101 = "warning" }\n')
    code, out, _ = run(capsys, "check", p)
    assert code == 0 and "C102" not in out and "C101 [warning]" in out


def test_pyproject_configuration_and_per_file_ignores(tmp_path, capsys):
    (tmp_path / "drafts").mkdir()
    p = tmp_path / "drafts" / "m.argmap"
    p.write_text(MAP)
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nper-file-ignores = { "drafts/*.argmap" = ["citations"] }\n')
    code, out, _ = run(capsys, "check", tmp_path)
    assert code == 0 and "C10" not in out


def test_bad_configuration_is_reported_with_its_position(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(MAP)
    (tmp_path / "argmap.toml").write_text('ignroe = ["C102"]\n')
    code, _, err = run(capsys, "check", p)
    assert code == 2 and "argmap.toml:1:1: A008" in err and "ignroe" in err
    (tmp_path / "argmap.toml").write_text('ignore = [\n')
    code, _, err = run(capsys, "check", p)
    assert code == 2 and "not valid TOML" in err


def test_inline_suppression(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(MAP.replace("footnotes\n", "footnotes\n  # argmap: ignore[C102]\n")
                 .replace("claim b (c): Another. [^2]", "# argmap: ignore[C101]\nclaim b (c): Another. [^2]"))
    code, out, _ = run(capsys, "check", p, "--no-config")
    assert code == 0, out
    assert out.count("C102") == 1  # only the note on the line after the comment is silenced


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "C101  undefined-footnote" in out
    code, out, _ = run(capsys, "explain", "quotation-not-in-source")
    assert code == 0 and out.startswith("C108 quotation-not-in-source [error]") and "Fails:" in out
    code, _, err = run(capsys, "explain", "Z999")
    assert code == 2 and "argmap rules" in err


def test_no_command_prints_help(capsys):
    code, out, _ = run(capsys)
    assert code == 0 and "argmap check maps/" in out
