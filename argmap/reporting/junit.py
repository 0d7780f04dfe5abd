"""The JUnit report: JUnit XML, which CI servers show as test results.

One ``<testsuite>`` for the run inside ``<testsuites>``; one
``<testcase>`` a map checked (and one for each other file a finding
names, a missing file say), named by its path; one ``<failure>`` a
finding at or above the run's ``--fail-on`` severity, so the tests fail
exactly when the exit status does.  Milder findings are listed in the
test case's ``<system-out>``.  The element and attribute names are those
of the Ant JUnit report that Jenkins, GitLab and others read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic
from argmap.reporting import Options

if TYPE_CHECKING:
    from argmap.checks.paths import CheckReport

SUITE = "argmap check"


def junit_tree(report: CheckReport, options: Options) -> ET.Element:
    """*report* as a ``<testsuites>`` element."""
    files = list(dict.fromkeys([*report.paths, *(d.path for d in report.diagnostics)]))
    by_file: dict[str, list[Diagnostic]] = {f: [] for f in files}
    for d in report.diagnostics:
        by_file[d.path].append(d)
    failed = sum(1 for f in files if any(d.severity >= options.fail_on for d in by_file[f]))
    counts = {"tests": str(len(files)), "failures": str(failed), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
    for f in files:
        case = ET.SubElement(suite, "testcase", {"classname": "argmap.check", "name": f, "file": f})
        milder = []
        for d in by_file[f]:
            if d.severity >= options.fail_on:
                failure = ET.SubElement(case, "failure", {
                    "type": d.code, "message": f"{d.span.line}:{d.span.column}: {d.code} [{d.severity}] {d.message}"})
                failure.text = d.format()
            else:
                milder.append(d.format())
        if milder:
            ET.SubElement(case, "system-out").text = "\n".join(milder)
    return root


def junit_report(report: CheckReport, options: Options) -> str:
    """*report* as a JUnit XML document."""
    root = junit_tree(report, options)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
