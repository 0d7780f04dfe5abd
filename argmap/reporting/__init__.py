"""Reporting a check: the output formats of ``argmap check``.

:func:`render` turns a :class:`~argmap.checks.paths.CheckReport` into
the text of one format:

- ``text``: one finding a line as ``path:line:col: CODE [severity] message``,
  with the source line and a caret (:mod:`argmap.reporting.text`);
- ``json``: the findings and the counts as numbers (:mod:`argmap.reporting.json_report`);
- ``sarif``: SARIF 2.1.0 with every rule's metadata, for code scanning (:mod:`argmap.reporting.sarif`);
- ``github``: GitHub Actions workflow commands, one annotation a finding (:mod:`argmap.reporting.github`);
- ``gitlab``: a GitLab Code Quality report (:mod:`argmap.reporting.gitlab`);
- ``junit``: JUnit XML, a test case a map (:mod:`argmap.reporting.junit`).

This package imports nothing of the checks when imported: the
configuration reader takes :data:`OUTPUT_FORMATS` from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from argmap.checks.config import OUTPUT_FORMATS
from argmap.diagnostics import Severity

if TYPE_CHECKING:
    from argmap.checks.paths import CheckReport

"""Every format :func:`render` writes, the default first."""


@attrs.frozen
class Options:
    """How a report is rendered.

    ``show_source``: the source line under each finding (text only);
    ``colour``: ANSI colours (text only); ``statistics``: counts per rule
    (text and json); ``show_acknowledged``: list the acknowledged findings
    with their reasons (text; json and sarif always carry them);
    ``fail_on``: the least severity a JUnit failure is made of;
    ``sources``: the text of maps that are not files (standard input), by path;
    ``quiet``: the text report prints only the summary (and the statistics).
    """

    show_source: bool = False
    colour: bool = False
    statistics: bool = False
    show_acknowledged: bool = False
    fail_on: Severity = Severity.ERROR
    sources: Mapping[str, str] = attrs.field(factory=dict)
    quiet: bool = False


def render(report: CheckReport, output_format: str = "text", options: Options | None = None) -> str:
    """The text of *report* in *output_format* (one of :data:`OUTPUT_FORMATS`), ending in a newline.

    ValueError for an unknown format.
    """
    options = options or Options()
    if output_format == "text":
        from argmap.reporting.text import text_report as write
    elif output_format == "json":
        from argmap.reporting.json_report import json_report as write
    elif output_format == "sarif":
        from argmap.reporting.sarif import sarif_report as write
    elif output_format == "github":
        from argmap.reporting.github import github_report as write
    elif output_format == "gitlab":
        from argmap.reporting.gitlab import gitlab_report as write
    elif output_format == "junit":
        from argmap.reporting.junit import junit_report as write
    else:
        raise ValueError(f"unknown output format {output_format!r}: use {', '.join(OUTPUT_FORMATS)}")
    return write(report, options)


def statistics(report: CheckReport) -> list[tuple[str, str, int]]:
    """(code, name, count) of every rule with findings in *report*, most findings first, then by code."""
    found: dict[tuple[str, str], int] = {}
    for d in report.diagnostics:
        found[d.code, d.name] = found.get((d.code, d.name), 0) + 1
    return sorted(((code, name, n) for (code, name), n in found.items()), key=lambda row: (-row[2], row[0]))
