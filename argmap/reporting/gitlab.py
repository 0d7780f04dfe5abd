"""The GitLab report: a Code Quality report, which merge requests show finding by finding.

GitLab reads a JSON array of issues, each with ``description``,
``check_name``, ``fingerprint``, ``severity`` (``info``, ``minor``,
``major``, ``critical`` or ``blocker``) and ``location`` (``path`` and
``lines.begin``), a subset of the Code Climate issue format.  The
fingerprint leaves the line out, so a finding keeps its identity when
lines are added above it, and counts repeats, so that no two are equal.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.reporting import Options
from argmap.reporting.sarif import fingerprint

if TYPE_CHECKING:
    from argmap.checks.paths import CheckReport

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(d: Diagnostic, occurrence: int) -> dict[str, Any]:
    """The Code Quality issue of *d*, the *occurrence*-th finding of its code and message in its file."""
    return {
        "type": "issue",
        "description": f"{d.code} {d.message}",
        "check_name": d.code,
        "categories": ["Bug Risk" if d.severity == Severity.ERROR else "Style"],
        "fingerprint": fingerprint(d, occurrence),
        "severity": SEVERITIES[d.severity],
        "location": {"path": d.path, "lines": {"begin": d.span.line}},
    }


def gitlab_report(report: CheckReport, options: Options) -> str:
    """*report* as a Code Quality JSON array."""
    seen: dict[tuple[str, str, str], int] = {}
    issues = []
    for d in report.diagnostics:
        key = (d.path, d.code, d.message)
        seen[key] = seen.get(key, 0) + 1
        issues.append(issue(d, seen[key]))
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
