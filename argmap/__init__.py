"""argmap: citation-checked argument maps.

The pipeline, one function a stage::

    m = argmap.load("maps/brown2017.argmap")     # or argmap.parse(text)
    for d in argmap.check(m, text_dirs=["../shared/seeds"]):
        print(d)

Everything the command line does is a function here.
"""

from argmap.checks.runner import Config, check
from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.files.loader import load
from argmap.model import (
    Argument,
    Case,
    Citation,
    Claim,
    Comment,
    Document,
    Field,
    Footnote,
    Link,
    Map,
    PartialDate,
    Person,
    Quote,
    Ref,
    Relation,
    Thesis,
    Use,
)
from argmap.syntax.parser import ArgmapError, parse
from argmap.checks.rules import Rule, all_rules, find_rule

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "Argument",
    "Case",
    "Citation",
    "Claim",
    "Comment",
    "Config",
    "Diagnostic",
    "Document",
    "Field",
    "Footnote",
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
    "all_rules",
    "check",
    "find_rule",
    "load",
    "parse",
]
