"""The rule registry: every check argmap makes, with a stable code and a name.

A rule is a function decorated with :func:`rule`.  It receives a
:class:`~argmap.checks.runner.Context` and yields :class:`Finding` values; the
checker turns them into diagnostics with the rule's code, name and
severity (after configuration).  The docstring is the rule's documentation:
a one-line summary, then the sections listed in :data:`SECTIONS`.
``docs/rules.md`` is generated from it.

Rules that the parser or loader report (syntax errors, unreadable files,
``use`` problems) are registered too, with no function, so that ``argmap
rules`` and the documentation list every code a user can see.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from argmap.diagnostics import Severity, Span

SECTIONS = ("What it finds", "Why it matters", "Fails", "Passes")


@attrs.frozen
class Finding:
    """One problem a rule found: where, what, and how to fix it."""

    span: Span
    message: str
    hint: str | None = None
    severity: Severity | None = None  # None: the rule's own severity


@attrs.frozen
class Rule:
    """A registered check."""

    code: str
    name: str
    severity: Severity
    groups: tuple[str, ...]
    doc: str
    function: Callable | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    def section(self, title: str) -> str | None:
        """The text of one docstring section (dedented), or None if missing."""
        return sections(self.doc).get(title)


REGISTRY: dict[str, Rule] = {}


def sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its titled sections."""
    import textwrap

    text = textwrap.dedent("\n".join(doc.splitlines()[1:]))
    found: dict[str, str] = {}
    titles = "|".join(re.escape(t) for t in SECTIONS)
    pieces = re.split(rf"^({titles}):[ \t]*", text, flags=re.M)
    for title, body in zip(pieces[1::2], pieces[2::2]):
        found[title] = textwrap.dedent(body).strip("\n").rstrip()
    return found


def rule(code: str, name: str, severity: Severity, groups: Iterable[str] = ()):
    """Register the decorated function as the rule *code* / *name*."""

    def register(function: Callable) -> Callable:
        _add(Rule(code, name, severity, tuple(groups), function.__doc__ or "", function))
        return function

    return register


def declare(code: str, name: str, severity: Severity, groups: Iterable[str], doc: str) -> None:
    """Register a code reported by the parser or loader rather than by a check."""
    _add(Rule(code, name, severity, tuple(groups), doc, None))


def _add(r: Rule) -> None:
    if r.code in REGISTRY:
        raise ValueError(f"rule code {r.code} registered twice")
    if any(other.name == r.name for other in REGISTRY.values()):
        raise ValueError(f"rule name {r.name} registered twice")
    REGISTRY[r.code] = r


def all_rules() -> list[Rule]:
    """Every rule, sorted by code (importing the rule modules on first use)."""
    from argmap.checks.rules import citations, interop, loading, structure  # noqa: F401  (registration)

    return sorted(REGISTRY.values(), key=lambda r: r.code)


def find_rule(code_or_name: str) -> Rule | None:
    """The rule with this code (``C101``) or name (``undefined-footnote``)."""
    key = code_or_name.strip()
    for r in all_rules():
        if r.code.lower() == key.lower() or r.name == key.lower():
            return r
    return None
