"""The JSON report: every finding with its fields, the acknowledged ones with their reasons, counts as numbers.

Shape::

    {"diagnostics": [{"path", "line", "column", "end_line", "end_column",
                      "code", "name", "severity", "message", "hint"}, ...],
     "acknowledged": [{... the same fields ..., "reason"}, ...],
     "summary": {"maps": 6, "errors": 0, "warnings": 1, "notes": 0, "acknowledged": 17},
     "files": 6,
     "statistics": [{"code", "name", "count"}, ...]}    (with --statistics only)
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Severity, counts
from argmap.reporting import Options, statistics

if TYPE_CHECKING:
    from argmap.checks.paths import CheckReport


def summary(report: CheckReport) -> dict[str, int]:
    """The counts of *report*: maps checked, errors, warnings, notes and acknowledged findings."""
    found = counts(report.diagnostics)
    return {"maps": report.files, "errors": found[Severity.ERROR], "warnings": found[Severity.WARNING],
            "notes": found[Severity.INFO], "acknowledged": len(report.acknowledged)}


def json_report(report: CheckReport, options: Options) -> str:
    """*report* as a JSON document (see the module's documentation)."""
    data: dict[str, Any] = {
        "diagnostics": [d.to_dict() for d in report.diagnostics],
        "acknowledged": [{**a.diagnostic.to_dict(), "reason": a.reason} for a in report.acknowledged],
        "summary": summary(report),
        "files": report.files,
    }
    if options.statistics:
        data["statistics"] = [{"code": code, "name": name, "count": n} for code, name, n in statistics(report)]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
