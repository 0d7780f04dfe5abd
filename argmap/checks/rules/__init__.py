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

A rule's name, default severity and groups come from the one table of
codes, :data:`argmap.diagnostics.CODES`; the registry adds the function and
the documentation.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeAlias

import attrs

from argmap.diagnostics import Severity, Span, code_info
from argmap.model import Map


class Context(Protocol):
    """What a rule sees: the map, its source text if one was found, its name, and the options.

    The runner (:class:`argmap.checks.runner.Context`) makes the values; rules
    know them only by this shape, so the registry does not import the runner.
    """

    map: Map
    source: Any
    source_name: str | None
    config: Any
    anchors: Any  # the lock's entry for the map (argmap.checks.runner.AnchorView), None without a lock
    anchors_now: Any  # where the quotations stand now (argmap.checks.anchors.MapAnchors), or None

SECTIONS = ("What it finds", "Why it matters", "Fails", "Passes")


@attrs.frozen
class Finding:
    """One problem a rule found: where, what, and how to fix it."""

    span: Span
    message: str
    hint: str | None = None
    severity: Severity | None = None  # None: the rule's own severity


Check: TypeAlias = "Callable[[Context], Iterator[Finding]]"
"""A rule's function: the findings in the map its context holds."""


@attrs.frozen
class Rule:
    """A registered check: its code, name, default severity, groups, documentation and function."""

    code: str
    name: str
    severity: Severity
    groups: tuple[str, ...]
    doc: str
    function: Check | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def summary(self) -> str:
        """The first line of the rule's documentation."""
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


def _entry(code: str, name: str | None, severity: Severity | None, groups: Iterable[str] | None,
           doc: str, function: Check | None) -> Rule:
    """The rule for *code* as the table of codes describes it; ValueError if a given detail disagrees."""
    entry = code_info(code)
    given = {"name": name, "severity": severity, "groups": None if groups is None else tuple(groups)}
    for field, value in given.items():
        if value is not None and value != getattr(entry, field):
            raise ValueError(f"rule {code}: {field} {value!r} disagrees with argmap.diagnostics.CODES "
                             f"({getattr(entry, field)!r})")
    return Rule(code, entry.name, entry.severity, entry.groups, doc, function)


def rule(code: str, name: str | None = None, severity: Severity | None = None,
         groups: Iterable[str] | None = None) -> Callable[[Check], Check]:
    """Register the decorated function as the check for *code*.

    The name, severity and groups are *code*'s in :data:`argmap.diagnostics.CODES`;
    giving them here as well is allowed, and they must agree with the table.
    """

    def register(function: Check) -> Check:
        _add(_entry(code, name, severity, groups, function.__doc__ or "", function))
        return function

    return register


def declare(code: str, doc: str) -> None:
    """Register the documentation of a code reported by the parser, loader or converters, not by a check."""
    _add(_entry(code, None, None, None, doc, None))


def _add(r: Rule) -> None:
    if r.code in REGISTRY:
        raise ValueError(f"rule code {r.code} registered twice")
    if any(other.name == r.name for other in REGISTRY.values()):
        raise ValueError(f"rule name {r.name} registered twice")
    REGISTRY[r.code] = r


def all_rules() -> list[Rule]:
    """Every rule, sorted by code (importing the rule modules on first use)."""
    _register_all()
    return sorted(REGISTRY.values(), key=lambda r: r.code)


_REGISTERED: list[bool] = []


def _register_all() -> None:
    """Import every module of this package once: importing a rule module registers its rules."""
    if _REGISTERED:
        return
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    _REGISTERED.append(True)


def find_rule(code_or_name: str) -> Rule | None:
    """The rule with this code (``C101``) or name (``undefined-footnote``)."""
    key = code_or_name.strip()
    for r in all_rules():
        if r.code.lower() == key.lower() or r.name == key.lower():
            return r
    return None
