"""argmap: citation-checked argument maps.

The pipeline, one function a stage::

    import argmap

    m = argmap.load("maps/brown2017.argmap")          # or argmap.loads(text)
    for d in argmap.check(m, text_dirs=["../shared/seeds"]):
        print(d)
    report = argmap.check_paths(["maps/"])            # what `argmap check maps/` does
    labels = argmap.evaluate(m).labels                # claim id -> IN / OUT / UNDEC
    svg = argmap.render(m)                            # bytes of an SVG image
    b = argmap.brief(m, "brown")                      # a debate brief for one case
    text = argmap.dumps(m)                            # the map in the canonical layout
    aif = argmap.convert(m, "aif").text               # the map in another format

Everything the command line does is a function here.  The stages after
checking (evaluation, rendering, briefs, formatting, conversion) are
imported on first use, so that ``import argmap`` stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.model import (
    Argument,
    Case,
    Citation,
    Claim,
    Comment,
    Document,
    Field,
    Footnote,
    Group,
    Link,
    Map,
    PartialDate,
    Person,
    Quote,
    Ref,
    Relation,
    Thesis,
    Use,
    Wording,
)

if TYPE_CHECKING:
    from argmap.briefing.brief import brief
    from argmap.checks.config import ConfigError
    from argmap.checks.paths import CheckReport, check_paths
    from argmap.checks.rules import Rule, all_rules, find_rule
    from argmap.checks.runner import Config, check
    from argmap.evaluation.core import evaluate
    from argmap.files.loader import load
    from argmap.files.template import new_map
    from argmap.formatting.writer import dump, dumps, format_text
    from argmap.interchange import Conversion, ConvertError, convert
    from argmap.rendering import render
    from argmap.syntax.parser import ArgmapError
    from argmap.syntax.parser import parse as loads
    from argmap.syntax.parser import parse

__version__ = "0.1.0"

# name -> the module it comes from (and its name there, when another), imported when the name is first
# used: `import argmap` loads the model alone, so a command that reads no map (an ICCMA graph's
# evaluation) does not compile the grammar or the rules
_LATER: dict[str, str | tuple[str, str]] = {
    "ConfigError": "argmap.checks.config",
    "CheckReport": "argmap.checks.paths",
    "check_paths": "argmap.checks.paths",
    "Rule": "argmap.checks.rules",
    "all_rules": "argmap.checks.rules",
    "find_rule": "argmap.checks.rules",
    "Config": "argmap.checks.runner",
    "check": "argmap.checks.runner",
    "load": "argmap.files.loader",
    "new_map": "argmap.files.template",
    "ArgmapError": "argmap.syntax.parser",
    "loads": ("argmap.syntax.parser", "parse"),
    "parse": ("argmap.syntax.parser", "parse"),  # the old name of loads
    "brief": "argmap.briefing.brief",
    "evaluate": "argmap.evaluation.core",
    "dump": "argmap.formatting.writer",
    "dumps": "argmap.formatting.writer",
    "format_text": "argmap.formatting.writer",
    "Conversion": "argmap.interchange",
    "ConvertError": "argmap.interchange",
    "convert": "argmap.interchange",
    "render": "argmap.rendering",
}


def _provide_model_hooks() -> None:
    """The later stages behind ``Map.resolve*``, ``Map.evaluate``, ``Map.attack_graph`` and notebook display, loaded on first use."""
    from argmap.model import hooks

    def later(module: str, name: str):
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module(module), name)(*args, **kwargs)
        return call

    hooks.provide("resolve", later("argmap.resolve", "resolve"))
    hooks.provide("evaluate", later("argmap.evaluation.core", "evaluate"))
    hooks.provide("attack_graph", later("argmap.evaluation.core", "attack_graph"))
    hooks.provide("mimebundle", later("argmap.rendering.notebook", "mimebundle"))


_provide_model_hooks()


def __getattr__(name: str) -> Any:
    """The names of the later stages, imported on first use (PEP 562)."""
    where = _LATER.get(name)
    if where is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    module, attribute = where if isinstance(where, tuple) else (where, name)
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LATER))


__all__ = [
    "ArgmapError",
    "Argument",
    "Case",
    "CheckReport",
    "Citation",
    "Claim",
    "Comment",
    "Config",
    "ConfigError",
    "Conversion",
    "ConvertError",
    "Diagnostic",
    "Document",
    "Field",
    "Footnote",
    "Group",
    "Link",
    "Map",
    "PartialDate",
    "Person",
    "Quote",
    "Ref",
    "Relation",
    "Rule",
    "Severity",
    "Span",
    "Thesis",
    "Use",
    "Wording",
    "all_rules",
    "brief",
    "check",
    "check_paths",
    "convert",
    "dump",
    "dumps",
    "evaluate",
    "find_rule",
    "format_text",
    "load",
    "loads",
    "new_map",
    "parse",
    "render",
]
