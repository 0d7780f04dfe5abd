"""The settings in force written out for people: ``argmap config`` prints them as TOML, each with its origin."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from argmap.checks.config import Settings
from argmap.files.loader import display

__all__ = ["describe"]


def _toml(value: object) -> str:
    """*value* written as TOML (strings, arrays and inline tables of them)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        keys = (k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else _toml(k) for k in value)
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in zip(keys, value.values())) + " }"
    return str(value)


def describe(settings: Settings) -> str:
    """The settings in force, as TOML, each key with where its value came from (``argmap config``)."""
    rules = settings.rules
    values: dict[str, object] = {
        "text-dir": [display(Path(d)) for d in settings.text_dirs],
        "fail-on": str(settings.fail_on),
        "output-format": settings.output_format,
        "select": list(rules.select),
        "ignore": list(rules.ignore),
        "per-file-ignores": {pattern: list(codes) for pattern, codes in rules.per_file_ignores},
        "severity": dict(rules.severity),
    }
    lines = [f"# configuration file: {settings.file}" if settings.file else
             "# no configuration file: defaults and the command line"]
    body = [f"{key} = {_toml(value)}" for key, value in values.items()]
    width = max(len(b) for b in body)
    lines += [f"{b:<{width}}  # {settings.origin(key)}" for b, key in zip(body, values)]
    return "\n".join(lines) + "\n"
