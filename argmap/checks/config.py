"""Reading configuration from ``argmap.toml`` or ``[tool.argmap]`` in ``pyproject.toml``.

Keys (the same in both files; in ``argmap.toml`` at the top level)::

    select = ["C", "S"]            # codes, prefixes, names or groups
    ignore = ["C109"]
    per-file-ignores = { "drafts/*.argmap" = ["C102"] }
    severity = { C106 = "error" }
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from argmap.checks.runner import Config
from argmap.diagnostics import Diagnostic, Severity, Span

KEYS = {"select", "ignore", "per-file-ignores", "severity"}


class ConfigError(ValueError):
    """A configuration file that cannot be used; carries a diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic
        super().__init__(diagnostic.format())


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
                if "argmap" in tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {}):
                    return candidate
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


def _fail(path: Path, message: str, hint: str | None = None, line: int = 1, column: int = 1) -> ConfigError:
    return ConfigError(Diagnostic.of("A008", str(path), Span(line, column), message, hint))


def _strings(path: Path, key: str, value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, f"`{key}` must be a list of rule codes or names", f'write {key} = ["C101", "unused-footnote"]')
    return tuple(value)


def load_config(path: Path) -> Config:
    """The configuration in *path*; ConfigError (with a position) if it is unusable."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's error has its position only in the message: "... (at line 2, column 1)"
        text = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", text)
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", text)
        line, column = (int(where.group(1)), int(where.group(2))) if where else (1, 1)
        raise _fail(path, f"not valid TOML: {message}", None, line, column) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read the configuration: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("argmap", {})
    unknown = set(data) - KEYS
    if unknown:
        raise _fail(path, f"unknown configuration key{'s' if len(unknown) > 1 else ''}: {', '.join(sorted(unknown))}",
                    f"argmap reads: {', '.join(sorted(KEYS))}")
    per_file = data.get("per-file-ignores", {})
    severity = data.get("severity", {})
    if not isinstance(per_file, dict) or not isinstance(severity, dict):
        raise _fail(path, "`per-file-ignores` and `severity` must be tables")
    for key, value in severity.items():
        try:
            Severity.parse(str(value))
        except ValueError as exc:
            raise _fail(path, f"severity of {key}: {exc}") from None
    return Config(
        select=_strings(path, "select", data.get("select", [])),
        ignore=_strings(path, "ignore", data.get("ignore", [])),
        per_file_ignores=tuple((pattern, _strings(path, "per-file-ignores", codes)) for pattern, codes in per_file.items()),
        severity=tuple((k, str(v)) for k, v in severity.items()),
        base=str(path.resolve().parent),
    )
