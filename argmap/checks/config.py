"""Reading configuration from ``argmap.toml`` or ``[tool.argmap]`` in ``pyproject.toml``.

Keys (the same in both files; in ``argmap.toml`` at the top level)::

    text-dir = "../texts"          # the articles' texts, relative to this file (or a list)
    fail-on = "warning"            # the least severity that makes `argmap check` exit 1
    output-format = "text"         # text, json, sarif, github, gitlab or junit
    select = ["C", "S"]            # codes, prefixes, names or groups
    ignore = ["C109"]
    per-file-ignores = { "drafts/*.argmap" = ["C102"] }
    severity = { C106 = "error" }

Every problem with a file (not TOML, an unknown key, a value of the wrong
type, a selector that selects no rule) is a :class:`ConfigError` carrying
an A008 diagnostic at the file, line and column of the value at fault.
:class:`Settings` holds what a run uses and where each value came from.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from argmap.checks.runner import Config, selector_problem, severity_key_problem
from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.files.loader import display
from argmap.tomlpos import key_positions

OUTPUT_FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")
"""The ways ``argmap check`` can print its findings (see :mod:`argmap.reporting`)."""


KEYS: Mapping[str, str] = {
    "text-dir": "folder (or list of folders) holding the articles' texts, relative to the configuration file",
    "fail-on": "the least severity that makes the exit status 1: error, warning or info",
    "output-format": f"how diagnostics are printed: {', '.join(OUTPUT_FORMATS)}",
    "select": "run only these rules: codes, code prefixes, names or groups",
    "ignore": "skip these rules (same forms as select)",
    "per-file-ignores": "a table of path patterns (relative to the configuration file) to rules to skip there",
    "severity": "a table of rule codes or names to the severity they are reported with",
    "schemes": "scheme catalogue file (or list of files), TOML, relative to the configuration file: schemes added to the shipped ones",
    "base-scores": "a table of the gradual base scores by a claim's backing: verified, cited, uncited, failed (0..1)",
}
"""Every configuration key, with what it sets."""


class ConfigError(ValueError):
    """A configuration file that cannot be used; carries a diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic
        super().__init__(diagnostic.format())


@attrs.frozen
class Origin:
    """Where a setting came from: ``default``, a file's line and column, or the ``command line``."""

    kind: str  # "default", "file" or "command line"
    path: str | None = None
    span: Span | None = None
    option: str | None = None

    def __str__(self) -> str:
        if self.kind == "file":
            return f"{self.path}:{self.span}" if self.span else str(self.path)
        if self.kind == "command line":
            return f"command line ({self.option})" if self.option else "command line"
        return "default"


DEFAULT = Origin("default")


@attrs.frozen
class Settings:
    """Everything a check of a project runs with, and (in ``origins``) where each key's value came from."""

    rules: Config = attrs.field(factory=Config)
    text_dirs: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    output_format: str = "text"
    file: str | None = None  # the configuration file read, if any
    base_scores: tuple[tuple[str, float], ...] = ()  # backing -> base score, over the evaluation's defaults
    origins: Mapping[str, Origin] = attrs.field(factory=dict)

    def origin(self, key: str) -> Origin:
        """Where the value of *key* (a name of :data:`KEYS`) came from."""
        return self.origins.get(key, DEFAULT)

    def overridden(self, *, select: Iterable[str] = (), ignore: Iterable[str] = (), text_dirs: Iterable[str] = (),
                   fail_on: str | None = None, output_format: str | None = None) -> Settings:
        """These settings with the command line's on top: ``select``, text folders and scalars replace, ``ignore`` adds.

        Raises ValueError (naming the option) for a selector that selects no rule.
        """
        select, ignore, text_dirs = tuple(select), tuple(ignore), tuple(str(d) for d in text_dirs)
        for option, values in (("--select", select), ("--ignore", ignore)):
            for value in values:
                problem = selector_problem(value)
                if problem:
                    raise ValueError(f"{option} {value}: {problem}")
        origins = dict(self.origins)
        changes: dict[str, Any] = {}
        for key, option, given in (("select", "--select", select), ("ignore", "--ignore", ignore),
                                   ("text-dir", "--text-dir", text_dirs), ("fail-on", "--fail-on", fail_on),
                                   ("output-format", "--output-format", output_format)):
            if given:
                was = self.origin(key)
                added = key == "ignore" and was.kind != "default"
                origins[key] = Origin("command line", option=option + (f", with {was}" if added else ""))
        if select or ignore:
            changes["rules"] = self.rules.merged(Config(select=select, ignore=ignore))
        if text_dirs:
            changes["text_dirs"] = text_dirs
        if fail_on:
            changes["fail_on"] = Severity.parse(fail_on)
        if output_format:
            changes["output_format"] = output_format
        return attrs.evolve(self, origins=origins, **changes)


def find_config(start: Path) -> Path | None:
    """The nearest argmap.toml, or pyproject.toml with [tool.argmap], at or above *start*."""
    start = start.resolve()
    for folder in [start, *start.parents] if start.is_dir() else [start.parent, *start.parent.parents]:
        candidate = folder / "argmap.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                tool = tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {})
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
            if isinstance(tool, dict) and "argmap" in tool:
                return candidate
    return None


def load_config(path: Path) -> Config:
    """The rule configuration in *path*; ConfigError (with a position) if the file is unusable."""
    return load_settings(path).rules


def load_settings(path: Path) -> Settings:
    """Every setting in *path*, with where each was written; ConfigError (with a position) if unusable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's error has its position only in the message: "... (at line 2, column 1)"
        message = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", message)
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
        if where:
            span = Span(int(where.group(1)), int(where.group(2)))
        else:  # "at end of document": the position after the last character
            span = Span(text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1)
        raise _error(path, span, f"not valid TOML: {message}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(path, Span(1, 1), f"cannot read the configuration: {exc}") from None
    return _Reader(path, text).read(data)


def _error(path: Path, span: Span, message: str, hint: str | None = None) -> ConfigError:
    return ConfigError(Diagnostic.of("A008", display(path), span, message, hint))


def _kind(value: object) -> str:
    """A value's TOML type, as a user reads it in the file."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array of tables" if value and all(isinstance(v, dict) for v in value) else "an array"
    return "a date or time"


class _Reader:
    """Checks one file's values, pointing each complaint at where the value is written."""

    def __init__(self, path: Path, text: str):
        self.path, self.text = path, text
        self.prefix: tuple[str, ...] = ("tool", "argmap") if path.name == "pyproject.toml" else ()
        self.keys = key_positions(text)

    def where(self, *keys: str, value: str | None = None) -> Span:
        """The position of the key path *keys* (below the argmap table), or of *value* written after it."""
        full = self.prefix + keys
        for n in range(len(full), 0, -1):  # the key itself, else the nearest enclosing one written
            if full[:n] in self.keys:
                line, column = self.keys[full[:n]]
                for needle in [*full[n:], *([value] if value is not None else [])]:
                    line, column = _find_after(self.text, line, column, needle)
                return Span(line, column)
        return Span(1, 1)

    def fail(self, keys: tuple[str, ...], message: str, hint: str | None = None, value: str | None = None):
        raise _error(self.path, self.where(*keys, value=value), message, hint)

    def read(self, data: dict) -> Settings:
        for part in range(len(self.prefix)):
            inner = data.get(self.prefix[part], {})
            if not isinstance(inner, dict):
                name = ".".join(self.prefix[:part + 1])
                raise _error(self.path, Span(*self.keys.get(self.prefix[:part + 1], (1, 1))),
                             f"`{name}` must be a table, not {_kind(inner)}", "write [tool.argmap] and the keys below it")
            data = inner
        for key in data:
            if key not in KEYS:
                from argmap.suggest import close_matches

                close = close_matches(key, list(KEYS))
                guess = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
                self.fail((key,), f"unknown configuration key {key!r}{guess}", f"argmap reads: {', '.join(KEYS)}")
        origins = {key: Origin("file", display(self.path), self.where(key)) for key in data}
        base = self.path.resolve().parent
        severity = self.table(data, "severity")
        for key, value in severity.items():
            problem = severity_key_problem(key)
            if problem:
                self.fail(("severity", key), f"severity: {problem}")
            if not isinstance(value, str) or value.strip().lower() not in ("error", "warning", "info"):
                self.fail(("severity", key), f"severity of {key} must be \"error\", \"warning\" or \"info\", "
                          f"not {value!r}" if isinstance(value, str) else
                          f"severity of {key} must be a string (\"error\", \"warning\" or \"info\"), not {_kind(value)}")
        per_file = self.table(data, "per-file-ignores")
        return Settings(
            rules=Config(
                select=self.selectors(data, ("select",)),
                ignore=self.selectors(data, ("ignore",)),
                per_file_ignores=tuple((pattern, self.selectors(per_file, ("per-file-ignores", pattern), pattern))
                                       for pattern in per_file),
                severity=tuple((k, str(v)) for k, v in severity.items()),
                base=str(base),
                schemes=self.catalogues(data, base)),
            text_dirs=self.folders(data, base),
            fail_on=Severity.parse(self.choice(data, "fail-on", ("error", "warning", "info"), "error")),
            output_format=self.choice(data, "output-format", OUTPUT_FORMATS, "text"),
            file=display(self.path),
            origins=origins,
            base_scores=self.base_scores(data),
        )

    def catalogues(self, data: dict, base: Path) -> tuple[str, ...]:
        """The ``schemes`` files, each read once here so that a broken one is reported at its own line."""
        from argmap.schemes import CatalogueError, load_catalogue

        value = data.get("schemes", [])
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            self.fail(("schemes",), f"`schemes` must be a file or an array of files, not {_kind(value)}",
                      'write schemes = "schemes.toml" or schemes = ["schemes.toml", "../shared.toml"]')
        found = []
        for item in items:
            path = base / item
            try:
                is_file = path.is_file()
            except (OSError, ValueError):
                is_file = False
            if not is_file:
                self.fail(("schemes",), f"schemes {item!r}: no such file (looked for {path})",
                          "files in the configuration are relative to its own folder", value=item)
            found.append(str(path))
        try:
            load_catalogue(tuple(Path(f) for f in found))
        except CatalogueError as exc:
            raise ConfigError(Diagnostic.of("A008", display(Path(exc.path)), Span(exc.line, exc.column),
                                             exc.message)) from None
        return tuple(found)

    def base_scores(self, data: dict) -> tuple[tuple[str, float], ...]:
        """The ``base-scores`` table: each backing's base score, a number in [0, 1]."""
        kinds = ("verified", "cited", "uncited", "failed")
        table = data.get("base-scores", {})
        if not isinstance(table, dict):
            self.fail(("base-scores",), f"`base-scores` must be a table, not {_kind(table)}",
                      "write base-scores = { cited = 0.8, uncited = 0.4 }")
        out = []
        for key, value in table.items():
            if key not in kinds:
                self.fail(("base-scores", key), f"base-scores: unknown backing {key!r}", f"use {', '.join(kinds)}")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
                self.fail(("base-scores", key), f"base-scores.{key} must be a number from 0 to 1, not {value!r}")
            out.append((key, float(value)))
        return tuple(out)

    def table(self, data: dict, key: str) -> dict:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.fail((key,), f"`{key}` must be a table, not {_kind(value)}",
                      f'write {key} = {{ C106 = "error" }}' if key == "severity"
                      else f'write {key} = {{ "drafts/*.argmap" = ["C102"] }}')
        return value

    def selectors(self, data: dict, keys: tuple[str, ...], name: str | None = None) -> tuple[str, ...]:
        key = keys[-1] if name is None else name
        value = data.get(key, [])
        shown = f"`{key}`" if name is None else f"per-file-ignores for {name!r}"
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            wrong = _kind(value) if not isinstance(value, list) else "an array holding " + _kind(
                next(v for v in value if not isinstance(v, str)))
            self.fail(keys, f"{shown} must be an array of rule selectors, not {wrong}",
                      f'write {keys[0] if name is None else repr(name)} = ["C101", "unused-footnote", "structure"]')
        for selector in value:
            problem = selector_problem(selector)
            if problem:
                self.fail(keys, f"{shown}: {problem}", None, value=selector)
        return tuple(value)

    def choice(self, data: dict, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or value.strip().lower() not in allowed:
            wrong = repr(value) if isinstance(value, str) else _kind(value)
            self.fail((key,), f"`{key}` must be one of {', '.join(allowed)}, not {wrong}", f'write {key} = "{allowed[0]}"')
        return value.strip().lower()

    def folders(self, data: dict, base: Path) -> tuple[str, ...]:
        value = data.get("text-dir", [])
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            self.fail(("text-dir",), f"`text-dir` must be a folder or an array of folders, not {_kind(value)}",
                      'write text-dir = "texts" or text-dir = ["texts", "../more"]')
        found = []
        for item in items:
            folder = base / item
            try:
                is_folder = folder.is_dir()
            except (OSError, ValueError):  # a name too long for the file system, a NUL
                is_folder = False
            if not is_folder:
                self.fail(("text-dir",), f"text-dir {item!r}: no such folder (looked for {folder})",
                          "folders in the configuration are relative to its own folder", value=item)
            found.append(str(folder))
        return tuple(found)


def _find_after(text: str, line: int, column: int, needle: str) -> tuple[int, int]:
    """The position of *needle* (bare, or as a quoted TOML string) after (line, column); that position if absent."""
    lines = text.splitlines(keepends=True)
    offset = sum(len(x) for x in lines[:line - 1]) + column - 1
    quoted = rf""""{re.escape(needle)}"|'{re.escape(needle)}'"""
    pattern = re.compile(rf"""{quoted}|(?<![\w-]){re.escape(needle)}(?![\w-])""" if needle else quoted)
    match = pattern.search(text, offset + 1)
    if match is None:
        return line, column
    start = match.start()
    found_line = text.count("\n", 0, start) + 1
    return found_line, start - (text.rfind("\n", 0, start) + 1) + 1


def settings_for(paths: Iterable[str | Path] = (), config: str | Path | None = None, *,
                 no_config: bool = False) -> Settings:
    """The settings a check of *paths* runs with before the command line's: from *config*, else the nearest file.

    The nearest ``argmap.toml`` or ``pyproject.toml`` with ``[tool.argmap]``
    is looked for at or above the first path (or the working folder);
    *no_config* reads none.  ConfigError for a file that cannot be used.
    """
    if no_config:
        return Settings()
    first = next(iter(paths), None)
    found = Path(config) if config is not None else find_config(Path(first) if first is not None else Path.cwd())
    return load_settings(found) if found is not None else Settings()
