"""MkDocs hooks for argmap's site (named in mkdocs.yml; not published).

- ```argmap fences are highlighted by argmap's own Pygments lexer, even
  before the package's ``pygments.lexers`` entry point is installed;
- a stale generated page (docs/cli.md, docs/seed-maps.md) fails the strict
  build with the command that regenerates it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

log = logging.getLogger("mkdocs.hooks.argmap")


def on_startup(command, dirty):
    from pygments.lexers import _mapping

    # Pygments finds lexers through its table, then through entry points;
    # adding the table row makes `argmap` known whether or not the entry point is.
    _mapping.LEXERS.setdefault("ArgmapLexer", ("argmap.integrations.lexer", "argmap", ("argmap",), ("*.argmap",),
                                               ("text/x-argmap",)))


def on_pre_build(config):
    if str(ROOT) not in sys.path:  # the generator lives in the repository, beside docs/, not in the package
        sys.path.insert(0, str(ROOT))
    from tools.docsgen import REGENERATE, stale

    for path in stale():
        log.warning("%s is out of date with the code: run `%s`", path.name, REGENERATE)
