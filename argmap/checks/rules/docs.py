"""The rules' documentation, from the registry: the terminal list, one rule explained, ``docs/rules.md``."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

from argmap.checks.rules import SECTIONS, Rule, all_rules, find_rule

REGENERATE = "argmap rules --format markdown > docs/rules.md"

_GROUP_TITLES = {
    "syntax": "Reading maps (A)",
    "citations": "Citations (C)",
    "structure": "Structure and coherence (S)",
}


def listing(group: str | None = None) -> str:
    """One line a rule (code, name, default severity, summary), as ``argmap rules`` prints them.

    With *group*, only that group's rules; ValueError if it has none.
    """
    rules = [r for r in all_rules() if not group or group in r.groups]
    if not rules:
        raise ValueError(f"no rules in group {group!r}")
    width = max(len(r.name) for r in rules)
    return "".join(f"{r.code}  {r.name:<{width}}  {str(r.severity):<7}  {r.summary}\n" for r in rules)


def scheme_listing(catalogue) -> str:
    """Every scheme of *catalogue*, a line each: id, name and its critical questions' ids (``argmap explain schemes``)."""
    width = max((len(s.id) for s in catalogue), default=0)
    lines = [f"{s.id:<{width}}  {s.name}: {', '.join(q.id for q in s.questions)}" for s in catalogue]
    return "\n".join(lines) + f"\n\n{len(lines)} schemes; `argmap explain ID` prints one, with its questions.\n"


def explain(code_or_name: str, scheme_files: Sequence[Path] = ()) -> str:
    """A rule's or an argumentation scheme's documentation as plain text, as ``argmap explain`` prints it.

    A rule is looked up by code or name first, then a scheme of the catalogue
    (with *scheme_files* added) by id, name or AIF label.  LookupError when
    neither exists; :class:`argmap.schemes.CatalogueError` for a bad catalogue file.
    """
    r = find_rule(code_or_name)
    if r is None:
        from argmap.schemes import explain_scheme, load_catalogue

        catalogue = load_catalogue(tuple(scheme_files))
        if code_or_name.strip().lower() == "schemes":
            return scheme_listing(catalogue)
        scheme = catalogue.get(code_or_name)
        if scheme is not None:
            return explain_scheme(scheme)
        close = catalogue.suggest(code_or_name)
        hint = f"; schemes with close names: {', '.join(close)}" if close else ""
        raise LookupError(f"no rule or scheme {code_or_name!r}; `argmap rules` lists the rules{hint}")
    body = textwrap.dedent("\n".join(r.doc.splitlines()[1:])).strip()
    return f"{r.code} {r.name} [{r.severity}] ({', '.join(r.groups)})\n{r.summary}\n\n{body}\n"


def _fence_language(rule: Rule, example: str) -> str:
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
