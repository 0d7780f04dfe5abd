"""`argmap check` settings: the configuration file, its errors, `argmap config`, and the run options.

A configuration that cannot be used is an A008 error at the file, line and
column of the value at fault, and exit status 2; never a traceback.
"""

from __future__ import annotations

import io
import json
import re
import sys

import pytest

from argmap.cli import main
from argmap.cli.commands import check as check_command

MAP = """\
map m "A map" {
  published 2017-02
  text "article.txt"
}
claim a (c): A point. [^1]
  quote "It was a clear success." [^1]
footnotes
  [^1]: TASS, December 16, 2016.
  [^3]: Kyodo, December 18, 2016.
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder: maps/m.argmap, its article in texts/, no configuration yet."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.argmap").write_text(MAP, encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "article.txt").write_text("Togo said: It was a clear success.\n", encoding="utf-8")
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


BAD = [
    # (argmap.toml, the position reported, words of the message)
    ('selct = ["C"]\n', "1:1", "unknown configuration key 'selct'; did you mean 'select'?"),
    ('select = "C"\n', "1:1", "`select` must be an array of rule selectors, not a string"),
    ('ignore = 3\n', "1:1", "`ignore` must be an array of rule selectors, not an integer"),
    ('select = ["C", "NOPE"]\n', "1:16", "'NOPE' selects no rule"),
    ('select = [""]\n', "1:11", "an empty rule selector selects no rule"),
    ('ignore = [\n  "C1",\n  "C9",\n]\n', "3:3", "'C9' selects no rule"),
    ('severity = "error"\n', "1:1", "`severity` must be a table, not a string"),
    ('severity = ["C106"]\n', "1:1", "`severity` must be a table, not an array"),
    ('[[severity]]\nC106 = "error"\n', "1:3", "`severity` must be a table, not an array of tables"),
    ('severity = { C999 = "error" }\n', "1:14", "'C999' is no rule code or name"),
    ('severity = { same-sorce = "error" }\n', "1:14", "did you mean same-source?"),
    ('[severity]\nC106 = 3\n', "2:1", "severity of C106 must be a string"),
    ('per-file-ignores = { "drafts/*" = ["NOPE"] }\n', "1:36", "'NOPE' selects no rule"),
    ('per-file-ignores = 1\n', "1:1", "`per-file-ignores` must be a table, not an integer"),
    ('text-dir = "nowhere"\n', "1:12", "text-dir 'nowhere': no such folder"),
    ('text-dir = 5\n', "1:1", "`text-dir` must be a folder or an array of folders"),
    ('fail-on = "fatal"\n', "1:1", "`fail-on` must be one of error, warning, info"),
    ('output-format = "html"\n', "1:1", "`output-format` must be one of text, json, sarif"),
    ('select = [\n', "2:1", "not valid TOML"),
]


@pytest.mark.parametrize("toml, where, words", BAD, ids=[b[0].splitlines()[0] for b in BAD])
def test_an_unusable_configuration_is_an_error_at_its_position(project, capsys, toml, where, words):
    (project / "argmap.toml").write_text(toml, encoding="utf-8")
    code, out, err = run(capsys, "check", "maps")
    assert code == 2 and out == ""
    assert err.startswith(f"argmap.toml:{where}: A008 [error] "), err
    assert words in err and "Traceback" not in err
    assert run(capsys, "config", "maps")[0] == 2  # argmap config says the same


@pytest.mark.parametrize("pyproject, where", [('[tool]\nargmap = "x"\n', "2:1"), ('tool.argmap = 3\n', "1:1")])
def test_tool_argmap_must_be_a_table(project, capsys, pyproject, where):
    (project / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    code, _, err = run(capsys, "check", "maps")
    assert code == 2 and err.startswith(f"pyproject.toml:{where}: A008") and "`tool.argmap` must be a table" in err


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("value, words", [("NOPE", "'NOPE' selects no rule"), ("", "an empty rule selector"),
                                          ("C101,", "an empty rule selector"),
                                          ("undefined-fotnote", "did you mean undefined-footnote")])
def test_a_selector_that_selects_nothing_is_a_usage_error(project, capsys, option, value, words):
    code, out, err = run(capsys, "check", "maps", option, value, "--no-config")
    assert code == 2 and out == "" and words in err and option in err


def test_the_configuration_holds_the_projects_settings(project, capsys):
    (project / "argmap.toml").write_text('text-dir = "texts"\nfail-on = "warning"\noutput-format = "json"\n'
                                         'ignore = ["structure"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "maps")
    report = json.loads(out)  # output-format from the file
    codes = sorted(d["code"] for d in report["diagnostics"])
    assert codes == ["C102", "C104"]  # the quotation was found: text-dir is relative to argmap.toml
    assert code == 1  # fail-on warning from the file
    # the command line wins
    code, out, _ = run(capsys, "check", "maps", "--fail-on", "error", "--output-format", "text")
    assert code == 0 and out.endswith("1 map checked: 0 errors, 2 warnings, 0 notes\n")


def test_argmap_config_shows_each_setting_and_where_it_came_from(project, capsys):
    (project / "argmap.toml").write_text('# settings\ntext-dir = "texts"\n\nignore = ["C109"]\n'
                                         'severity = { C106 = "error" }\n', encoding="utf-8")
    code, out, _ = run(capsys, "config", "maps", "--fail-on", "warning", "--ignore", "S2")
    assert code == 0
    lines = {line.split(" = ")[0]: line for line in out.splitlines() if " = " in line}
    assert lines["text-dir"].endswith("# argmap.toml:2:1") and '"texts"' in lines["text-dir"]
    assert lines["ignore"].split("  #")[0].strip() == 'ignore = ["C109", "S2"]'
    assert "command line (--ignore, with argmap.toml:4:1)" in lines["ignore"]
    assert lines["fail-on"].startswith('fail-on = "warning"') and "command line (--fail-on)" in lines["fail-on"]
    assert lines["severity"].startswith('severity = { C106 = "error" }') and "argmap.toml:5:1" in lines["severity"]
    assert lines["output-format"].endswith("# default")
    assert out.startswith("# configuration file: argmap.toml")
    code, out, _ = run(capsys, "config", "maps", "--no-config")
    assert code == 0 and "no configuration file" in out and all(
        line.endswith("# default") for line in out.splitlines()[1:])


def test_stdin_is_checked_under_its_given_name_and_configuration(project, capsys, monkeypatch):
    (project / "maps" / "argmap.toml").write_text('text-dir = "../texts"\nignore = ["structure"]\n', encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MAP.encode("utf-8"))))
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", "maps/draft.argmap", "--no-show-source")
    assert code == 0
    assert out.splitlines()[0].startswith("maps/draft.argmap:9:3: C102 [warning]")
    assert out.splitlines()[-1] == "1 map checked: 0 errors, 2 warnings, 0 notes"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"claim a (c: broken\n")))
    code, out, _ = run(capsys, "check", "-", "--no-config")
    assert code == 1 and out.startswith("<stdin>:1:") and " A001 " in out


def test_stdin_goes_alone(project, capsys):
    assert run(capsys, "check", "-", "maps")[0] == 2
    assert run(capsys, "check", "maps", "--stdin-filename", "x.argmap")[0] == 2
    assert run(capsys, "check", "-", "--watch")[0] == 2


def test_show_source_puts_a_caret_under_the_column(project, capsys):
    code, out, _ = run(capsys, "check", "maps/m.argmap", "--no-config", "--select", "C102", "--show-source")
    lines = out.splitlines()
    assert lines[0].startswith("maps/m.argmap:9:3: C102")
    assert lines[1] == "  9 |   [^3]: Kyodo, December 18, 2016."
    caret = lines[2]
    assert caret.index("^") == lines[1].index("[^3]") and caret.startswith("    |")
    # off when piped (as here) unless asked for
    assert "|" not in run(capsys, "check", "maps/m.argmap", "--no-config", "--select", "C102")[1]


def test_colour_follows_the_option_and_the_environment(project, capsys, monkeypatch):
    args = ("check", "maps/m.argmap", "--no-config", "--select", "C102")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b[" not in run(capsys, *args)[1]  # piped: no colour
    assert "\x1b[" in run(capsys, *args, "--color", "always")[1]
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(capsys, *args)[1]
    assert "\x1b[" not in run(capsys, *args, "--color", "never")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, *args)[1]  # NO_COLOR wins over FORCE_COLOR
    assert "\x1b[" not in run(capsys, *args, "--color", "always", "--output-format", "json")[1]


def test_use_colour_on_a_terminal():
    from argmap.reporting.colour import use_colour

    assert use_colour("auto", True, {}) and not use_colour("auto", False, {})
    assert not use_colour("auto", True, {"NO_COLOR": "1"}) and use_colour("auto", True, {"NO_COLOR": ""})
    assert not use_colour("auto", True, {"TERM": "dumb"}) and use_colour("always", False, {"NO_COLOR": "1"})


def test_statistics_and_exit_zero(project, capsys):
    code, out, _ = run(capsys, "check", "maps", "--no-config", "--ignore", "structure", "--statistics", "--exit-zero",
                       "--text-dir", "texts")
    assert code == 0
    rows = [line.split() for line in out.splitlines() if re.match(r"\s*\d+\s+[ACSX]\d{3}\s", line)]
    assert [row[0] for row in rows] == ["1", "1"]
    assert sorted(row[1] for row in rows) == ["C102", "C104"]
    assert run(capsys, "check", "maps", "--no-config", "--text-dir", "texts", "--select", "C102")[0] == 0
    assert run(capsys, "check", "maps", "--no-config", "--select", "C102", "--fail-on", "warning")[0] == 1
    assert run(capsys, "check", "maps", "--no-config", "--select", "C102", "--fail-on", "warning",
               "--exit-zero")[0] == 0
    assert run(capsys, "check", "nothing.argmap", "--no-config", "--exit-zero")[0] == 2  # unreadable input still is


def test_watch_checks_again_when_a_map_changes(project, capsys, monkeypatch):
    from argmap.checks import paths

    polls = []

    def sleep(seconds):
        polls.append(seconds)
        if len(polls) == 2:  # between the first and the second poll, the map is fixed
            (project / "maps" / "m.argmap").write_text(MAP.replace("[^3]", "[^2]").replace("[^1]\n", "[^1] [^2]\n", 1)
                                                       .replace('[^1]\n  quote', '[^1] [^2]\n  quote'), encoding="utf-8")

    monkeypatch.setattr(check_command, "WATCH_MAX_POLLS", 3)
    monkeypatch.setattr(paths.time, "sleep", sleep)
    monkeypatch.setattr(check_command, "WATCH_INTERVAL", 0)
    code, out, err = run(capsys, "check", "maps", "--no-config", "--select", "C102", "--watch")
    summaries = [line for line in out.splitlines() if "checked:" in line]
    assert len(polls) == 3 and len(summaries) == 2  # checked at the start and after the change only
    assert summaries == ["1 map checked: 0 errors, 1 warning, 0 notes", "1 map checked: 0 errors, 0 warnings, 0 notes"]
    assert code == 0 and "watching" in err
