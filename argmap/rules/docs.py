"""The rule reference (``docs/rules.md``), generated from the registry."""

from __future__ import annotations

import textwrap

from argmap.rules import SECTIONS, all_rules

REGENERATE = "argmap rules --format markdown > docs/rules.md"

_GROUP_TITLES = {
    "syntax": "Reading maps (A)",
    "citations": "Citations (C)",
    "structure": "Structure and coherence (S)",
}


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
                out += [f"**{title}:**", "", "```argmap", textwrap.dedent(body).rstrip(), "```", ""]
            else:
                out += [f"**{title}:** {' '.join(body.split())}", ""]
        while out[-1] == "":
            out.pop()
    return "\n".join(out) + "\n"
