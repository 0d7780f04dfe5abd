"""The argmap language server (``argmap lsp``): live checks, hover, navigation, completion, fixes, formatting.

It needs the ``lsp`` extra (``pip install 'argmap[lsp]'``), which brings
pygls.  One module a concern: :mod:`~argmap.lsp.state` (the open documents,
analysed), :mod:`~argmap.lsp.diagnostics`, :mod:`~argmap.lsp.hover`,
:mod:`~argmap.lsp.navigation` (definition, references, rename),
:mod:`~argmap.lsp.completion`, :mod:`~argmap.lsp.outline` (symbols,
folding, semantic tokens), :mod:`~argmap.lsp.actions`,
:mod:`~argmap.lsp.formatting`, and :mod:`~argmap.lsp.server`, the wiring.
"""

from __future__ import annotations

INSTALL = "pip install 'argmap[lsp]'"
"""How to install what the server needs."""


def missing() -> str | None:
    """What is missing for the server to run, as a sentence, or None when nothing is."""
    import importlib.util

    for module in ("pygls", "lsprotocol"):
        if importlib.util.find_spec(module) is None:
            return f"the language server needs {module}, which is not installed: run {INSTALL}"
    return None
