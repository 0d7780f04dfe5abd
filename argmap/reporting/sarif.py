"""The SARIF report: findings as SARIF 2.1.0, the format of GitHub code scanning and other viewers.

Written to the OASIS standard, *Static Analysis Results Interchange
Format (SARIF) Version 2.1.0* (errata 01): one run, whose tool driver
lists every rule with its name, short and full description, default
level and documentation; one result a finding, located by a URI relative
to ``%SRCROOT%`` (the working folder); acknowledged findings are results
too, with an in-source suppression whose justification is the reason
(code scanning shows them as dismissed).

``helpUri`` must be an absolute URI (SARIF §3.49.12): it is written when
the installed package declares its documentation site (a ``Documentation``
project URL), pointing at the rule's anchor on the rules page.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from argmap.diagnostics import Diagnostic, Severity
from argmap.reporting import Options

if TYPE_CHECKING:
    from argmap.checks.paths import CheckReport
    from argmap.checks.rules import Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
ROOT = "%SRCROOT%"


def documentation_url() -> str | None:
    """The documentation site the installed package declares (its ``Documentation`` project URL), if any."""
    from importlib import metadata

    try:
        urls = metadata.metadata("argmap").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("documentation", "docs") and url.strip().startswith(("https://", "http://")):
            return url.strip()
    return None


def anchor(rule: Rule) -> str:
    """The rule's anchor on the rules page (``docs/rules.md``), as its heading ``## C106 source-after-article`` makes it."""
    return f"{rule.code.lower()}-{rule.name}"


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def descriptor(rule: Rule, docs: str | None) -> dict[str, Any]:
    """The SARIF reportingDescriptor of *rule*: id, name, descriptions, default level, help."""
    from argmap.checks.rules.docs import explain

    full = " ".join(filter(None, (_words(rule.section("What it finds")), _words(rule.section("Why it matters")))))
    entry: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "help": {"text": explain(rule.code)},
        "properties": {"tags": list(rule.groups)},
    }
    if docs:
        entry["helpUri"] = f"{docs.rstrip('/')}/rules/#{anchor(rule)}"
    return entry


def artifact_uri(path: str) -> tuple[str, str | None]:
    """The URI of *path* and its base: relative to ``%SRCROOT%`` when it is relative, else a ``file:`` URI."""
    if os.path.isabs(path):
        return Path(path).as_uri(), None
    return quote(path.replace(os.sep, "/")), ROOT


def fingerprint(d: Diagnostic, occurrence: int) -> str:
    """A fingerprint of *d* that survives lines added above it: file, code, message and which such finding it is."""
    key = "\0".join((d.path, d.code, d.message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _result(d: Diagnostic, index: dict[str, int], occurrence: int, reason: str | None = None) -> dict[str, Any]:
    uri, base = artifact_uri(d.path)
    location: dict[str, Any] = {"uri": uri}
    if base:
        location["uriBaseId"] = base
    region: dict[str, int] = {"startLine": max(d.span.line, 1), "startColumn": max(d.span.column, 1)}
    if d.span.end_line is not None and d.span.end_column is not None and (
            d.span.end_line, d.span.end_column) > (d.span.line, d.span.column):
        region.update(endLine=d.span.end_line, endColumn=d.span.end_column)
    text = d.message + (f"\n\nhint: {d.hint}" if d.hint else "")
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVELS[d.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {"argmap/v1": fingerprint(d, occurrence)},
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    if reason is not None:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": reason}]
    return result


def sarif_log(report: CheckReport) -> dict[str, Any]:
    """*report* as a SARIF log object (a dict ready for :func:`json.dumps`)."""
    from argmap import __version__
    from argmap.checks.rules import all_rules

    rules = all_rules()
    docs = documentation_url()
    index = {r.code: i for i, r in enumerate(rules)}
    seen: dict[tuple[str, str, str], int] = {}

    def occurrence(d: Diagnostic) -> int:
        key = (d.path, d.code, d.message)
        seen[key] = seen.get(key, 0) + 1
        return seen[key]

    results = [_result(d, index, occurrence(d)) for d in report.diagnostics]
    results += [_result(a.diagnostic, index, occurrence(a.diagnostic), a.reason) for a in report.acknowledged]
    driver: dict[str, Any] = {"name": "argmap", "version": __version__, "semanticVersion": __version__,
                              "rules": [descriptor(r, docs) for r in rules]}
    if docs:
        driver["informationUri"] = docs
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {ROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def sarif_report(report: CheckReport, options: Options) -> str:
    """*report* as a SARIF 2.1.0 document."""
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"
