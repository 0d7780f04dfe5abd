"""The GitHub report: one workflow command a finding, which GitHub Actions shows as an annotation.

The form is GitHub's ``::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message``
(``warning`` and ``notice`` likewise; notes are notices).  Values are
escaped as the Actions toolkit escapes them: ``%``, CR and LF in the
message; those and ``:`` and ``,`` in the properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, Severity
from argmap.reporting import Options

if TYPE_CHECKING:
    from argmap.checks.paths import CheckReport

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """*text* as a workflow command's message may hold it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """*text* as a workflow command's property value may hold it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic) -> str:
    """The workflow command that annotates *d*."""
    properties = [("file", d.path), ("line", str(d.span.line)), ("col", str(d.span.column))]
    if d.span.end_line is not None and d.span.end_column is not None:
        properties += [("endLine", str(d.span.end_line)), ("endColumn", str(d.span.end_column))]
    properties.append(("title", d.code))
    message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
    fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[d.severity]} {fields}::{escape_data(message)}"


def github_report(report: CheckReport, options: Options) -> str:
    """*report* as workflow commands, one a line (nothing for a clean run)."""
    return "".join(command(d) + "\n" for d in report.diagnostics)
