"""The rule reference (``docs/rules.md``), generated from the registry."""

from __future__ import annotations

import re
import textwrap

from argmap.checks.rules import SECTIONS, all_rules

REGENERATE = "argmap rules --format markdown > docs/rules.md"

_GROUP_TITLES = {
    "syntax": "Reading maps (A)",
    "citations": "Citations (C)",
    "structure": "Structure and coherence (S)",
}


def _fence_language(rule, example: str) -> str:
    """The language an example is written in, for its code fence's highlighting."""
    stripped = example.lstrip()
    if stripped.startswith(("{", "[")) and not stripped.startswith("[^"):
        return "json"
    if re.search(r"^\s*[\w-]+\s*=\s*[\[\"{\w]", example, re.M) and "#" in example.splitlines()[0]:
        return "toml"
    if "interop" in rule.groups:
        return "text"
    return "argmap"


def markdown_reference() -> str:
    """Every rule as Markdown: a table, then each rule's documentation."""
    rules = all_rules()
    out = [
        "# Rule reference",
        "",
        f"<!-- Generated from the rule registry by `{REGENERATE}`; do not edit by hand. -->",
        "",
        "Every diagnostic `argmap check` can report, with its code, name, default",
        "severity and groups.  Select or ignore rules by code, code prefix, name or",
        "group (`--select S`, `--ignore duplicate-text`), change severities in",
        "`argmap.toml`, and silence one line with `# argmap: ignore[CODE]`.",
        "",
        "| code | name | severity | groups | summary |",
        "|---|---|---|---|---|",
    ]
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        out.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {r.severity} | "
                   f"{', '.join(r.groups)} | {summary} |")
    for r in rules:
        out += ["", f"## {r.code} {r.name}", "", f"*{r.severity}* · groups: {', '.join(r.groups)}"
                + ("" if r.function else " · reported while reading maps"), "", r.summary, ""]
        for title in SECTIONS:
            body = r.section(title)
            if body is None:
                continue
            if title in ("Fails", "Passes"):
                example = textwrap.dedent(body).rstrip()
                out += [f"**{title}:**", "", f"```{_fence_language(r, example)}", example, "```", ""]
            else:
                out += [f"**{title}:** {' '.join(body.split())}", ""]
        while out[-1] == "":
            out.pop()
    return "\n".join(out) + "\n"
