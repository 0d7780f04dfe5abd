"""Which rules run where: ``select``, ``ignore``, ``per-file-ignores`` and ``severity``, as linters configure them.

A selector is a code (``C101``), a code prefix (``C1``), a rule name
(``undefined-footnote``), a group (``citations``) or ``ALL``.  Which rules
run for a file is worked out once per file (:meth:`Config.enabled` keeps
the answer), and each ``per-file-ignores`` pattern is compiled once, so a
configuration with many patterns costs time linear in its size.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Callable

import attrs

from argmap.checks.rules import Rule, all_rules, find_rule
from argmap.suggest import close_matches
from argmap.diagnostics import Severity

_CODE_SELECTOR = re.compile(r"[A-Za-z]\d*")
_GLOB_SPECIALS = re.compile(r"[*?\[]")


def glob_matcher(pattern: str) -> Callable[[str], bool]:
    """A test of whether a path matches the glob *pattern*, as :func:`fnmatch.fnmatch` decides it.

    The common shapes (a plain path, ``prefix*suffix``) are tested with
    string methods; any other pattern is compiled once with
    :func:`fnmatch.translate` (fnmatch's own cache holds only 32,768).
    """
    pattern = os.path.normcase(pattern)
    specials = _GLOB_SPECIALS.findall(pattern)
    if not specials:
        return lambda path: os.path.normcase(path) == pattern
    if specials == ["*"]:
        head, tail = pattern.split("*")
        least = len(head) + len(tail)
        return lambda path: (len(p := os.path.normcase(path)) >= least and p.startswith(head)
                             and p.endswith(tail))
    match = re.compile(fnmatch.translate(pattern)).match
    return lambda path: match(os.path.normcase(path)) is not None


@attrs.frozen
class Config:
    """Which rules run and how severe they are, as linters configure it.

    ``select`` and ``ignore`` take codes (``C101``), code prefixes (``C1``),
    rule names (``undefined-footnote``) or groups (``citations``).
    ``per_file_ignores`` maps glob patterns of paths to such lists.
    ``severity`` maps a code or name to ``error``, ``warning`` or ``info``.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    base: str | None = None  # per-file-ignores patterns are relative to this folder
    #: scheme catalogue files read after the shipped one (absolute paths): rules S217-S219 use them
    schemes: tuple[str, ...] = ()

    _memo: dict = attrs.field(factory=dict, init=False, eq=False, repr=False, hash=False)

    @staticmethod
    def _matches(rule: Rule, selector: str) -> bool:
        s = selector.strip()
        if _CODE_SELECTOR.fullmatch(s):  # a code or a code prefix: C101, C1, C
            return rule.code.upper().startswith(s.upper())
        return s.upper() == "ALL" or s.lower() == rule.name or s.lower() in rule.groups

    def enabled(self, rule: Rule, path: str | None = None) -> bool:
        """Whether *rule* runs for the file at *path*."""
        found = self._memo.get(path)
        if found is None:
            selectors = self._ignored_at(path)
            codes = frozenset(r.code for r in all_rules() if self._runs(r, selectors))
            found = self._memo[path] = (selectors, codes)
        selectors, codes = found
        if rule.code in codes:
            return True
        return self._runs(rule, selectors) if find_rule(rule.code) is not rule else False

    def _runs(self, rule: Rule, ignored: frozenset[str]) -> bool:
        if self.select and not any(self._matches(rule, s) for s in self.select):
            return False
        return not any(self._matches(rule, s) for s in ignored)

    def _ignored_at(self, path: str | None) -> frozenset[str]:
        """Every selector that ``ignore`` and the ``per-file-ignores`` patterns matching *path* give."""
        ignored = list(self.ignore)
        if path is not None and self.per_file_ignores:
            candidates = {path.replace(os.sep, "/")}
            if self.base is not None:
                relative = os.path.relpath(os.path.abspath(path), self.base)
                candidates.add(relative.replace(os.sep, "/"))
            for matches, codes in self._patterns():
                if any(matches(c) for c in candidates):
                    ignored.extend(codes)
        return frozenset(ignored)

    def _patterns(self) -> list[tuple[Callable[[str], bool], tuple[str, ...]]]:
        found = self._memo.get(_PATTERNS)
        if found is None:
            found = self._memo[_PATTERNS] = [(glob_matcher(p), codes) for p, codes in self.per_file_ignores]
        return found

    def severity_of(self, rule: Rule) -> Severity:
        """The severity *rule*'s findings are reported with: the configured one, else the rule's own."""
        for key, value in self.severity:
            if key.upper() == rule.code.upper() or key.lower() == rule.name:
                return Severity.parse(value)
        return rule.severity

    def merged(self, other: Config) -> Config:
        """This configuration with *other*'s settings added on top."""
        return Config(
            select=other.select or self.select,
            ignore=self.ignore + other.ignore,
            per_file_ignores=self.per_file_ignores + other.per_file_ignores,
            severity=self.severity + other.severity,
            base=other.base or self.base,
            schemes=self.schemes + tuple(f for f in other.schemes if f not in self.schemes),
        )

    def catalogue(self):
        """The scheme catalogue the rules use: the shipped one and :attr:`schemes`, read once per configuration."""
        found = self._memo.get(_CATALOGUE)
        if found is None:
            from argmap.schemes import load_catalogue

            found = self._memo[_CATALOGUE] = load_catalogue(tuple(self.schemes))
        return found


_CATALOGUE = object()  # the _memo key of the catalogue


@functools.lru_cache(maxsize=4096)  # a big configuration repeats the same few selectors
def selector_problem(selector: str) -> str | None:
    """Why *selector* (for ``select``, ``ignore``, ``per-file-ignores``) selects no rule, or None if it selects one.

    The message names the closest codes, names and groups: a selector that
    matches nothing would otherwise switch every rule off under ``select``.
    """
    s = selector.strip()
    if not s:
        return "an empty rule selector selects no rule"
    rules = all_rules()
    if any(Config._matches(r, s) for r in rules):
        return None
    return f"{s!r} selects no rule: it is no code, code prefix, rule name or group{_did_you_mean(s, rules, True)}"


def severity_key_problem(key: str) -> str | None:
    """Why *key* (of a ``severity`` table) names no rule, or None when it names one by code or name."""
    if find_rule(key) is not None:
        return None
    return f"{key!r} is no rule code or name{_did_you_mean(key, all_rules(), False)}"


def _did_you_mean(word: str, rules: list[Rule], groups: bool) -> str:
    names = [r.code for r in rules] + [r.name for r in rules]
    if groups:
        names += sorted({g for r in rules for g in r.groups})
    by_lower = {n.lower(): n for n in names}  # codes are upper case, names lower: compare without case
    close = [by_lower[n] for n in close_matches(word.lower(), list(by_lower))]
    return f"; did you mean {' or '.join(close)}?" if close else "; `argmap rules` lists them"


_PATTERNS = object()
"""The key under which a Config keeps its compiled per-file-ignores patterns."""
